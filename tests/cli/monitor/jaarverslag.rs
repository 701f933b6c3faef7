//! The yearly report as a Word document (`annual-report … -o x.docx`), read back as the
//! insurer's word processor reads it: LibreOffice Writer converts it to text, and that text holds
//! every heading, table cell and key figure of the HTML version of the same report, the
//! hand-worked figures of the settlement (parent module and `afrekening.rs`), and the figures of
//! the `settle` and `monitor` JSON; no option, key or file of the tool shows. Also: the format
//! follows the extension, two runs give the same bytes, and the output goes through the one
//! writer (a link stays a link, a device is written straight).
//!
//! The Writer test runs when `soffice` is on PATH and prints a note when it is not; with
//! `PATZ_DOCUMENT_TESTS=1` it fails instead.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::str::FromStr;

use rust_decimal::Decimal;
use serde_json::Value;

use super::{fx, invalid, run, stdout, success};

const SCENARIO: &str = "tests/fixtures/monitor/afrekening.toml";
const TELLINGEN: &str = "tests/fixtures/monitor/verzekerden-2026.csv";

/// The chapters of the report, in order.
const HOOFDSTUKKEN: [&str; 6] = [
    "Gehouden bijeenkomsten",
    "Deelnemers en aanwezigheid",
    "Afwijkingen van de werkwijze",
    "De zes indicatoren: waargenomen en verwacht",
    "Declaratie en uitbetaling",
    "Afrekening",
];

/// What never belongs in a document for the insurer: options, scenario keys, files of the
/// project, the tool's own name.
const JARGON: [&str; 12] = [
    "--",
    ".csv",
    ".toml",
    ".md",
    "README",
    "[impact]",
    "[[",
    "patz-calc",
    "elders_gefinancierd",
    "_percentage",
    "_uren",
    "tests/",
];

/// The report's arguments with output `out`; `geld`: with the insured counts.
fn args(out: &str, geld: bool) -> Vec<String> {
    let mut a: Vec<String> = [
        "annual-report",
        SCENARIO,
        "--bijeenkomsten",
        &fx("noord-2026.csv"),
        "--indicatoren",
        &fx("indicatoren.csv"),
    ]
    .map(String::from)
    .to_vec();
    if geld {
        a.extend(["--verzekerden".to_string(), TELLINGEN.to_string()]);
    }
    a.extend(["-o".to_string(), out.to_string()]);
    a
}

fn maak(out: &Path, geld: bool) {
    let a = args(out.to_str().expect("UTF-8 path"), geld);
    let a: Vec<&str> = a.iter().map(String::as_str).collect();
    assert_eq!(success(&run(&a)), "");
}

/// `soffice`, or `None` (with a note) when the test may be skipped.
fn soffice() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    let found = std::env::split_paths(&path)
        .map(|d| d.join("soffice"))
        .find(|p| p.is_file());
    if found.is_none() {
        assert!(
            std::env::var("PATZ_DOCUMENT_TESTS").as_deref() != Ok("1"),
            "PATZ_DOCUMENT_TESTS=1, maar soffice staat niet op PATH"
        );
        eprintln!("overgeslagen: soffice niet gevonden (libreoffice-writer-nogui)");
    }
    found
}

/// The text LibreOffice Writer makes of the documents `docs` (one run, its own profile), with
/// no-break spaces as plain ones and without the word joiners that keep a minus with its amount.
fn tekst_van(soffice: &Path, dir: &Path, docs: &[&Path]) -> Vec<String> {
    let status = Command::new(soffice)
        .args(["--headless", "--norestore"])
        .arg(format!(
            "-env:UserInstallation=file://{}",
            dir.join("profiel").display()
        ))
        .args(["--convert-to", "txt:Text (encoded):UTF8", "--outdir"])
        .arg(dir.join("tekst"))
        .args(docs)
        .env("HOME", dir)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("soffice starts");
    assert!(status.success(), "soffice failed");
    docs.iter()
        .map(|d| {
            let stem = d.file_stem().and_then(|s| s.to_str()).unwrap_or("");
            let t = std::fs::read_to_string(dir.join("tekst").join(format!("{stem}.txt")))
                .expect("converted");
            t.replace('\u{a0}', " ").replace('\u{2060}', "")
        })
        .collect()
}

/// The text of every cell, heading, caption, key figure and paragraph of an HTML document,
/// unescaped: what the Word version must hold too.
fn html_teksten(html: &str) -> Vec<String> {
    let body = html.split_once("<body>").map_or("", |(_, b)| b);
    let body = body.split_once("<footer>").map_or(body, |(b, _)| b);
    let mut out = Vec::new();
    for stuk in body.split('<') {
        let tekst = stuk.split_once('>').map_or("", |(_, t)| t).trim();
        if !tekst.is_empty() {
            out.push(
                tekst
                    .replace("&amp;", "&")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&#39;", "'"),
            );
        }
    }
    out
}

/// `12345.6` as the report writes an amount: `€ 12.345,60`.
fn euro(v: &str) -> String {
    let d = Decimal::from_str(v).expect("a decimal string").round_dp(2);
    let s = format!("{:.2}", d.abs());
    let (heel, cent) = s.split_once('.').expect("two decimals");
    let mut gegroepeerd = String::new();
    for (i, c) in heel.chars().enumerate() {
        if i > 0 && (heel.len() - i) % 3 == 0 {
            gegroepeerd.push('.');
        }
        gegroepeerd.push(c);
    }
    let teken = if d < Decimal::ZERO { "-" } else { "" };
    format!("€ {teken}{gegroepeerd},{cent}")
}

fn bedragen(v: &Value, velden: &[&str], out: &mut Vec<String>) {
    for veld in velden {
        if let Some(s) = v[*veld].as_str() {
            out.push(euro(s));
        }
    }
}

/// The amounts of the `settle` and `monitor` JSON of the default inputs, as the report
/// writes them.
fn json_bedragen() -> Vec<String> {
    json_bedragen_van(
        SCENARIO,
        &fx("noord-2026.csv"),
        Some(&fx("indicatoren.csv")),
        TELLINGEN,
    )
}

/// The same for other inputs.
fn json_bedragen_van(
    scenario: &str,
    bijeenkomsten: &str,
    indicatoren: Option<&str>,
    tellingen: &str,
) -> Vec<String> {
    let settle: Value = serde_json::from_str(&stdout(&run(&[
        "settle",
        scenario,
        "--bijeenkomsten",
        bijeenkomsten,
        "--verzekerden",
        tellingen,
        "--format",
        "json",
    ])))
    .expect("settle JSON");
    let mut m = vec!["monitor", scenario, "--bijeenkomsten", bijeenkomsten];
    if let Some(i) = indicatoren {
        m.extend(["--indicatoren", i]);
    }
    m.extend(["--format", "json"]);
    let monitor: Value = serde_json::from_str(&stdout(&run(&m))).expect("monitor JSON");
    let saldi = [
        "bijdragen",
        "opbrengst",
        "uitbetaald",
        "uitbetaald_begroot",
        "overhead",
        "overhead_begroot",
        "kosten",
        "kosten_begroot",
        "resultaat",
    ];
    let mut out = Vec::new();
    bedragen(&settle["totaal"], &saldi, &mut out);
    for j in settle["jaren"].as_array().expect("jaren") {
        bedragen(j, &saldi, &mut out);
        for v in j["verzekeraars"].as_array().expect("verzekeraars") {
            bedragen(v, &["gedeclareerd", "aandeel_resultaat"], &mut out);
        }
        for p in j["posten"].as_array().expect("posten") {
            bedragen(p, &["begroot", "bedrag"], &mut out);
        }
    }
    for j in monitor["jaren"].as_array().expect("jaren") {
        for g in j["groepen"].as_array().expect("groepen") {
            bedragen(g, &["kosten_begroot", "kosten_geleverd"], &mut out);
        }
    }
    for i in monitor["indicatoren"].as_array().into_iter().flatten() {
        bedragen(i, &["vermeden_kosten"], &mut out);
    }
    assert!(out.len() > 20, "{out:?}");
    out
}

#[test]
fn an_amount_is_written_as_the_report_writes_it() {
    assert_eq!(euro("-2188.32"), "€ -2.188,32");
    assert_eq!(euro("13486.43"), "€ 13.486,43");
    assert_eq!(euro("0.00"), "€ 0,00");
    assert_eq!(euro("1234567.5"), "€ 1.234.567,50");
}

#[test]
fn the_word_report_holds_every_heading_cell_and_figure_of_the_html_report_and_no_jargon() {
    let Some(soffice) = soffice() else { return };
    let dir = tempfile::tempdir().expect("temporary directory");
    let docx = dir.path().join("verslag.docx");
    let zonder = dir.path().join("zonder-geld.docx");
    let html = dir.path().join("verslag.html");
    maak(&docx, true);
    maak(&zonder, false);
    maak(&html, true);
    let teksten = tekst_van(&soffice, dir.path(), &[&docx, &zonder]);
    let (word, word_zonder) = (&teksten[0], &teksten[1]);
    let html = std::fs::read_to_string(&html).expect("the HTML is written");

    // Every piece of text of the HTML report is in the Word report.
    let stukken = html_teksten(&html);
    assert!(stukken.len() > 150, "{} pieces", stukken.len());
    for s in &stukken {
        assert!(word.contains(s.as_str()), "not in the Word report: {s}");
    }
    // The chapters, in order, after the table of contents (which lists them once already).
    let regels: Vec<&str> = word.lines().map(str::trim).collect();
    let plaatsen: Vec<usize> = HOOFDSTUKKEN
        .iter()
        .map(|h| {
            regels
                .iter()
                .rposition(|r| r == h)
                .unwrap_or_else(|| panic!("chapter {h}"))
        })
        .collect();
    assert!(plaatsen.windows(2).all(|w| w[0] < w[1]), "{plaatsen:?}");
    // The hand-worked figures of the settlement and the verantwoording (parent module,
    // afrekening.rs): held 4 of 6, delivered cost 8,240.86, paid 8,521.73, huisvesting on 4 of
    // 6 meetings 160.00, overhead 456.59, costs 9,588.32, result 7,400.00 − 9,588.32 =
    // −2,188.32 split −1,478.59 / −709.73, tariff 9,588.32 / 10,050 = 0.954… → € 0,96 (up),
    // avoided costs 13,486.43.
    for f in [
        "4 van 6",
        "€ 8.240,86",
        "€ 8.521,73",
        "€ 160,00",
        "€ 456,59",
        "€ 9.588,32",
        "€ -2.188,32",
        "€ -1.478,59",
        "€ -709,73",
        "€ 0,96",
        "€ 13.486,43",
        "1 wijkverpleegkundige aanwezig",
    ] {
        assert!(word.contains(f), "missing {f}");
    }
    for f in json_bedragen() {
        assert!(word.contains(&f), "JSON amount {f} not in the Word report");
    }
    // Without the counts the money chapter says, in words, what is missing.
    assert!(word_zonder.contains("zijn voor dit verslag niet aangeleverd"));
    assert!(!word_zonder.contains("Nacalculatie"));
    for t in [word, word_zonder, &html_teksten(&html).join("\n")] {
        for j in JARGON {
            assert!(!t.contains(j), "{j} in the report");
        }
    }
}

#[test]
fn the_word_report_is_a_word_package_with_the_same_bytes_on_every_run() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let a = dir.path().join("a.docx");
    let b = dir.path().join("b.docx");
    maak(&a, true);
    maak(&b, true);
    let (a, b) = (std::fs::read(&a).expect("a"), std::fs::read(&b).expect("b"));
    assert_eq!(a, b);
    // A zip archive (Word's format), not HTML under another name.
    assert!(a.starts_with(b"PK\x03\x04"), "{:?}", &a[..a.len().min(8)]);
    let html = dir.path().join("a.HTML");
    maak(&html, true);
    assert!(
        std::fs::read_to_string(&html)
            .expect("html")
            .starts_with("<!DOCTYPE html>")
    );
}

#[test]
fn a_pdf_or_an_unknown_extension_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("temporary directory");
    for (naam, bericht) in [
        ("verslag.pdf", "patz-calc schrijft zelf geen PDF"),
        ("verslag.odt", "geen ander tekstverwerkerformaat"),
        ("verslag.xlsx", "geen Excel-werkmap"),
        ("verslag.foo", "de extensie .foo kent patz-calc niet"),
    ] {
        let out = dir.path().join(naam);
        let a = args(out.to_str().expect("UTF-8 path"), true);
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        let err = invalid(&run(&a));
        assert!(err.contains(bericht), "{naam}: {err}");
        assert!(err.contains("jaarverslag.docx"), "{naam}: {err}");
        assert!(!err.contains("businesscase"), "{naam}: {err}");
        assert!(!out.exists(), "{naam} written");
    }
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 0);
}

#[test]
fn the_word_report_goes_through_a_link_to_its_target_and_straight_onto_a_device() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let echt = dir.path().join("echt.docx");
    let link = dir.path().join("link.docx");
    std::os::unix::fs::symlink("echt.docx", &link).expect("symlink");
    maak(&link, true);
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read(&echt)
            .expect("the target is written")
            .starts_with(b"PK")
    );
    // An existing target is kept without --force.
    let a = args(link.to_str().expect("UTF-8 path"), true);
    let a: Vec<&str> = a.iter().map(String::as_str).collect();
    assert!(invalid(&run(&a)).contains("bestaat al"));
    // A link to a device (an existing path: --force, as for every document): the device is
    // written straight, the link stays, nothing is put beside it.
    let apparaat = dir.path().join("apparaat.docx");
    std::os::unix::fs::symlink("/dev/null", &apparaat).expect("symlink");
    let mut a = args(apparaat.to_str().expect("UTF-8 path"), true);
    a.push("--force".into());
    let a: Vec<&str> = a.iter().map(String::as_str).collect();
    assert_eq!(success(&run(&a)), "");
    assert!(
        std::fs::symlink_metadata(&apparaat)
            .expect("link")
            .file_type()
            .is_symlink()
    );
    let namen: Vec<_> = std::fs::read_dir(dir.path())
        .expect("dir")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(namen.len(), 3, "{namen:?}");
}

#[test]
fn the_word_report_of_a_settlement_with_contributions_and_own_posts_holds_the_html_reports_figures()
{
    let Some(soffice) = soffice() else { return };
    let dir = tempfile::tempdir().expect("temporary directory");
    let (scenario, bijeenkomsten, tellingen) = (
        fx("afrekening-extra.toml"),
        fx("afrekening-extra-bijeenkomsten.csv"),
        fx("afrekening-extra-verzekerden.csv"),
    );
    let maak_hier = |out: &Path| {
        let o = out.to_str().expect("UTF-8 path");
        let a = [
            "annual-report",
            &scenario,
            "--bijeenkomsten",
            &bijeenkomsten,
            "--verzekerden",
            &tellingen,
            "-o",
            o,
        ];
        assert_eq!(success(&run(&a)), "");
    };
    let docx = dir.path().join("extra.docx");
    let html = dir.path().join("extra.html");
    maak_hier(&docx);
    maak_hier(&html);
    let word = &tekst_van(&soffice, dir.path(), &[&docx])[0];
    let html = std::fs::read_to_string(&html).expect("the HTML is written");
    for s in html_teksten(&html) {
        assert!(word.contains(s.as_str()), "not in the Word report: {s}");
    }
    for f in json_bedragen_van(&scenario, &bijeenkomsten, None, &tellingen) {
        assert!(word.contains(&f), "JSON amount {f} not in the Word report");
    }
    // By hand: result 8,800.00 + contributions 2,000.00 − costs 15,735.50 = −4,935.50; CZ
    // 6,000 / 8,800 of it = −3,365.1136… → −3,365.11, VGZ −1,570.386… → −1,570.39 (together
    // −4,935.50); nacalculatie (15,735.50 − 2,000.00) / 10,000 verzekerdenjaren = 1.37355 → up
    // € 1,38; what the insurers carry 15,735.50 − 2,000.00 = 13,735.50.
    for f in [
        "opbrengst € 8.800,00 + bijdragen € 2.000,00 − kosten € 15.735,50 = € -4.935,50 (tekort)",
        "(€ 15.735,50 − € 2.000,00) / 10.000,00 verzekerdenjaren = € 1,38",
        "€ -3.365,11",
        "€ -1.570,39",
        "€ 13.735,50",
        "Te dragen door de verzekeraars",
    ] {
        assert!(word.contains(f), "missing {f}");
    }
    for j in JARGON {
        assert!(!word.contains(j), "{j} in the report");
    }
}
