//! The businesscase as a Word document (`report -o x.docx`), read back as a person's word
//! processor reads it: LibreOffice Writer converts it to text, and every amount and percentage
//! in that text is one the CLI's JSON gives (or a sum of its cost lines, or a value written in
//! the scenario); the chapters of the handreiking are there in order; a region's text stands in
//! its chapter; no TOML key, option or file of the tool shows. Also: the output's extension
//! decides its format, in every command, before anything is written.
//!
//! The Writer tests run when `soffice` is on PATH and print a note when it is not; with
//! `PATZ_DOCUMENT_TESTS=1` (as `.ci/run` sets after installing it) they fail instead.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::str::FromStr;
use std::time::{Duration, Instant};

use rust_decimal::Decimal;
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_patz-calc");
const ALLE: [&str; 6] = [
    "scenarios/grote-regio.toml",
    "scenarios/contractgesprek.toml",
    "scenarios/kleine-regio.toml",
    "scenarios/elders-gefinancierd.toml",
    "tests/fixtures/document/lang-en-lastig.toml",
    AANVULLINGEN,
];

/// The small region: no insurers, no impact.
const KLEIN: &str = "scenarios/kleine-regio.toml";

/// The large region with the additions of the contract talk: a consulent half paid elsewhere
/// from 2027, projectleiding paid by the Netwerk in 2026, an answered reminder, an own cost
/// post, a contribution and a contracted offer.
const AANVULLINGEN: &str = "tests/fixtures/document/word-aanvullingen.toml";

/// The chapters, in the order of the handreiking's businesscase points.
const HOOFDSTUKKEN: [&str; 12] = [
    "De te verlenen zorg",
    "Onderbouwing",
    "De uitvoerende zorgverleners",
    "Frequentie en duur",
    "Locatie",
    "Kosten inclusief facilitaire en opleidingskosten",
    "Financiering per verzekerde en per verzekeraar",
    "Verwachte zorgreductie",
    "Saldo",
    "Dubbele financiering",
    "Evaluatie en monitoring",
    "Bronnen",
];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(root())
        .output()
        .expect("patz-calc starts")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// `soffice`, or `None` (with a note) when the test may be skipped.
fn soffice() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    let found = std::env::split_paths(&path)
        .flat_map(|d| ["soffice", "libreoffice"].map(|n| d.join(n)))
        .find(|p| p.is_file());
    if found.is_none() {
        assert!(
            std::env::var("PATZ_DOCUMENT_TESTS").as_deref() != Ok("1"),
            "PATZ_DOCUMENT_TESTS=1, maar soffice staat niet op PATH; installeer het Debian-pakket \
             libreoffice-writer-nogui"
        );
        eprintln!(
            "overgeslagen: soffice niet gevonden; installeer libreoffice-writer-nogui of zet \
             PATZ_DOCUMENT_TESTS=1 om deze test verplicht te maken"
        );
    }
    found
}

/// Converts every `.docx` in `docs` to UTF-8 text with LibreOffice Writer, in one run with its
/// own profile; gives the texts in the same order, without the word joiners that keep a minus
/// with its amount (`€ -1.234,56` is searched for as written).
fn naar_tekst(soffice: &Path, dir: &Path, docs: &[PathBuf]) -> Vec<String> {
    let profile = dir.join("profiel");
    let mut cmd = Command::new(soffice);
    cmd.arg("--headless")
        .arg("--norestore")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.to_str().expect("UTF-8 path")
        ))
        .arg("--convert-to")
        .arg("txt:Text (encoded):UTF8")
        .arg("--outdir")
        .arg(dir.join("tekst"))
        .args(docs)
        .env("HOME", dir)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    let mut child = cmd.spawn().expect("soffice starts");
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait") {
            break s;
        }
        if start.elapsed() > Duration::from_secs(300) {
            let _ = child.kill();
            panic!("soffice took longer than 300 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(status.success(), "soffice failed");
    docs.iter()
        .map(|d| {
            let stem = d.file_stem().and_then(|s| s.to_str()).unwrap_or("");
            let p = dir.join("tekst").join(format!("{stem}.txt"));
            std::fs::read_to_string(&p)
                .unwrap_or_else(|_| panic!("{} converted", p.display()))
                .replace('\u{2060}', "")
        })
        .collect()
}

/// Writes the Word document of `scenario` (extra `sets`) to `dir/name.docx`.
fn word(scenario: &str, dir: &Path, name: &str) -> PathBuf {
    let out = dir.join(format!("{name}.docx"));
    let r = run(&["report", scenario, "-o", out.to_str().expect("UTF-8 path")]);
    assert_eq!(r.status.code(), Some(0), "{}", text(&r.stderr));
    assert_eq!(r.stdout, b"");
    out
}

fn json(scenario: &str, command: &str) -> Option<Value> {
    let r = run(&[command, scenario, "--format", "json"]);
    r.status
        .success()
        .then(|| serde_json::from_slice(&r.stdout).expect("CLI JSON"))
}

/// Every decimal string and number anywhere in `v`.
fn getallen(v: &Value, out: &mut BTreeSet<Decimal>) {
    match v {
        Value::String(s) => {
            if let Ok(d) = Decimal::from_str(s) {
                out.insert(d.normalize());
            }
        }
        Value::Number(n) => {
            if let Ok(d) = Decimal::from_str(&n.to_string()) {
                out.insert(d.normalize());
            }
        }
        Value::Array(a) => a.iter().for_each(|x| getallen(x, out)),
        Value::Object(o) => o.values().for_each(|x| getallen(x, out)),
        _ => {}
    }
}

/// The figures a document of `scenario` may show: every number of the JSON of `cost`,
/// `offers`, `impact` and `business-case`; every sum of cost lines by post, role or group, per
/// year and over the horizon (worked out here from `cost`'s lines); every number written in the
/// scenario file.
fn toegestaan(scenario: &str) -> BTreeSet<Decimal> {
    let mut out = BTreeSet::new();
    for c in ["cost", "offers", "impact", "business-case"] {
        if let Some(v) = json(scenario, c) {
            getallen(&v, &mut out);
        }
    }
    // Each insurer's businesscase and the region's view (always in the document).
    let r = run(&[
        "offers",
        scenario,
        "--per",
        "verzekeraar",
        "--format",
        "json",
    ]);
    if r.status.success() {
        getallen(
            &serde_json::from_slice(&r.stdout).expect("CLI JSON"),
            &mut out,
        );
    }
    let cost = json(scenario, "cost").expect("cost JSON");
    let mut sommen: std::collections::BTreeMap<(String, String), Decimal> = Default::default();
    for jaar in cost["jaren"].as_array().expect("jaren") {
        let j = jaar["jaar"].to_string();
        for regel in jaar["regels"].as_array().expect("regels") {
            let bedrag =
                Decimal::from_str(regel["bedrag"].as_str().unwrap_or("0")).unwrap_or_default();
            for veld in ["post", "rol", "groep"] {
                // A role's or post's lines, and the part of them financed one way (the
                // chapter Dubbele financiering shows what goes through TAPA$ and what not).
                for key in [
                    format!("{veld}={}", regel[veld]),
                    format!("{veld}={} {}", regel[veld], regel["financiering"]),
                ] {
                    for per in [j.clone(), "totaal".to_string()] {
                        *sommen.entry((key.clone(), per)).or_default() += bedrag;
                    }
                }
            }
        }
    }
    out.extend(sommen.values().map(|d| d.normalize()));
    // The sum of no lines: a post or group without a line in a year.
    out.insert(Decimal::ZERO);
    let src = std::fs::read_to_string(root().join(scenario)).expect("scenario");
    // Also as a Dutch writer writes a number in a source text (`34,5 %`).
    for woord in src.split(|c: char| !(c.is_ascii_digit() || ".,_".contains(c))) {
        let woord = woord.trim_matches(['.', ',']);
        let dutch = woord.replace('.', "").replace(',', ".");
        for w in [woord.replace('_', ""), dutch] {
            if let Ok(d) = Decimal::from_str(&w) {
                out.insert(d.normalize());
            }
        }
    }
    out
}

/// Every amount (`€ 1.234,56`) and percentage (`12,5 %`) in `tekst`, as written.
fn figuren(tekst: &str) -> Vec<(String, Decimal)> {
    let mut out = Vec::new();
    let chars: Vec<char> = tekst.chars().collect();
    let getal = |from: usize| -> (String, usize) {
        let mut s = String::new();
        let mut i = from;
        while i < chars.len() && (chars[i].is_ascii_digit() || ".,-".contains(chars[i])) {
            s.push(chars[i]);
            i += 1;
        }
        (s.trim_end_matches([',', '.']).to_string(), i)
    };
    let waarde = |s: &str| Decimal::from_str(&s.replace('.', "").replace(',', ".")).ok();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '€' {
            let (s, end) = getal(i + 2);
            if let Some(d) = waarde(&s) {
                out.push((format!("€ {s}"), d.normalize()));
            }
            i = end.max(i + 1);
            continue;
        }
        if chars[i] == '%' && i >= 2 && chars[i - 1].is_whitespace() {
            let mut b = i - 1;
            while b > 0 && (chars[b - 1].is_ascii_digit() || ".,-".contains(chars[b - 1])) {
                b -= 1;
            }
            let s: String = chars[b..i - 1].iter().collect();
            if let Some(d) = waarde(&s) {
                out.push((format!("{s} %"), d.normalize()));
            }
        }
        i += 1;
    }
    out
}

/// Whether `d` is `a` as the document rounds it (one decimal for a calculated ratio).
fn past(d: Decimal, toegestaan: &BTreeSet<Decimal>) -> bool {
    toegestaan.contains(&d)
        || toegestaan.iter().any(|a| {
            a.round_dp_with_strategy(1, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
                .normalize()
                == d
        })
}

#[test]
fn every_amount_and_percentage_in_the_word_document_is_a_figure_of_the_cli() {
    let Some(soffice) = soffice() else { return };
    let dir = tempfile::tempdir().expect("temporary directory");
    let docs: Vec<PathBuf> = ALLE
        .iter()
        .enumerate()
        .map(|(i, s)| word(s, dir.path(), &format!("doc{i}")))
        .collect();
    let teksten = naar_tekst(&soffice, dir.path(), &docs);
    for (scenario, tekst) in ALLE.iter().zip(&teksten) {
        let ok = toegestaan(scenario);
        let figuren = figuren(tekst);
        assert!(figuren.len() > 50, "{scenario}: {} figures", figuren.len());
        for (zoals, d) in &figuren {
            assert!(past(*d, &ok), "{scenario}: {zoals} is no figure of the CLI");
        }
        // The key figures are there, as the CLI gives them.
        let cost = json(scenario, "cost").expect("cost JSON");
        for veld in ["kosten_totaal", "te_financieren", "kostendekkend_tarief"] {
            let v = Decimal::from_str(cost["totaal"][veld].as_str().unwrap_or("")).expect(veld);
            assert!(
                figuren.iter().any(|(_, d)| *d == v.normalize()),
                "{scenario}: totaal {veld} {v}"
            );
        }
        for jaar in cost["jaren"].as_array().expect("jaren") {
            let v = Decimal::from_str(jaar["te_financieren"].as_str().unwrap_or("")).expect("te");
            assert!(figuren.iter().any(|(_, d)| *d == v.normalize()));
        }
        if let Some(b) = json(scenario, "business-case") {
            let v = Decimal::from_str(b["totaal"]["netto_contante_waarde"].as_str().unwrap_or(""))
                .expect("ncw");
            assert!(
                figuren.iter().any(|(_, d)| *d == v.normalize()),
                "{scenario}: netto contante waarde {v}"
            );
        }
    }
}

#[test]
fn the_word_document_has_the_handreikings_chapters_in_order_a_regions_text_in_its_chapter_and_no_jargon()
 {
    let Some(soffice) = soffice() else { return };
    let dir = tempfile::tempdir().expect("temporary directory");
    let src = std::fs::read_to_string(root().join(KLEIN)).expect("scenario");
    let met = dir.path().join("met-toelichting.toml");
    std::fs::write(
        &met,
        format!(
            "{src}\n[toelichting]\nonderbouwing = \"\"\"\nIn de Achterhoek overlijdt de helft \
             van de palliatieve patiënten in het ziekenhuis.\n\nDaarom PaTz.\"\"\"\n"
        ),
    )
    .expect("write");
    let docs = vec![
        word(met.to_str().expect("UTF-8"), dir.path(), "met"),
        word(ALLE[3], dir.path(), "elders"),
    ];
    let teksten = naar_tekst(&soffice, dir.path(), &docs);
    for tekst in &teksten {
        // The body's headings (after the table of contents, which lists them once already).
        let regels: Vec<&str> = tekst.lines().map(str::trim).collect();
        let mut vanaf = 0;
        let mut plaatsen = Vec::new();
        for h in HOOFDSTUKKEN {
            let waar = regels
                .iter()
                .enumerate()
                .skip(vanaf)
                .rfind(|(_, r)| **r == h)
                .map(|(i, _)| i)
                .unwrap_or_else(|| panic!("chapter {h}"));
            plaatsen.push(waar);
            vanaf = waar + 1;
        }
        assert!(plaatsen.windows(2).all(|w| w[0] < w[1]), "{plaatsen:?}");
        for jargon in [
            "elders_gefinancierd",
            "--format",
            "--set",
            "[financiering]",
            "[toelichting]",
            "README",
            ".toml",
            "patz-calc",
            "uurtarieven.",
            "ondersteuning.",
            "indicator.",
            "_percentage",
            "medisch_specialist",
            "kostendekkend_tarief",
        ] {
            assert!(!tekst.contains(jargon), "{jargon} in the document");
        }
    }
    // The region's text, in its chapter (Onderbouwing), before the chapter's own text, each
    // paragraph on its own.
    let t = &teksten[0];
    let body = t
        .rsplit_once("\nDe te verlenen zorg\n")
        .map_or("", |(_, b)| b);
    let hoofdstuk = body
        .split_once("\nOnderbouwing\n")
        .and_then(|(_, b)| b.split_once("\nDe uitvoerende zorgverleners\n"))
        .map_or("", |(h, _)| h);
    let eigen = hoofdstuk
        .find("In de Achterhoek overlijdt de helft van de palliatieve patiënten in het ziekenhuis.")
        .expect("the region's text in Onderbouwing");
    let tweede = hoofdstuk
        .find("\nDaarom PaTz.")
        .expect("its second paragraph");
    let vast = hoofdstuk
        .find("Een deel van de patiënten")
        .expect("the chapter's text");
    assert!(eigen < tweede && tweede < vast);
    // The other chapters mark the place of a text the region has not written.
    assert_eq!(body.matches("In te vullen door de regio:").count(), 7);
}

/// The cells of the table `titel` of a box-drawn CLI table report, row by row (the header row
/// first), each cell trimmed.
fn tabel_cellen(uitvoer: &str, titel: &str) -> Vec<Vec<String>> {
    let mut regels = uitvoer.lines().skip_while(|r| r.trim() != titel).skip(1);
    let mut out = Vec::new();
    for r in regels.by_ref() {
        if r.starts_with('└') {
            break;
        }
        if r.starts_with('│') {
            out.push(
                r.trim_matches('│')
                    .split('┆')
                    .map(|c| c.trim().to_string())
                    .collect(),
            );
        }
    }
    out
}

#[test]
fn the_double_financing_chapter_says_per_year_what_the_business_case_table_says() {
    let Some(soffice) = soffice() else { return };
    let dir = tempfile::tempdir().expect("temporary directory");
    let doc = word(AANVULLINGEN, dir.path(), "aanvullingen");
    let tekst = naar_tekst(&soffice, dir.path(), &[doc]).remove(0);
    let regels: Vec<&str> = tekst.lines().map(str::trim).collect();
    let bc = run(&["business-case", AANVULLINGEN]);
    assert_eq!(bc.status.code(), Some(0), "{}", text(&bc.stderr));
    let cli = tabel_cellen(&text(&bc.stdout), "Dubbele financiering: wie betaalt wat");
    // The header and a row per role (3) and per post (8, the own post and overhead included).
    assert_eq!(cli.len(), 1 + 3 + 8, "{cli:?}");
    let rollen = ["huisarts", "wijkverpleegkundige", "consulent"];
    // The chapter's table, after its caption in the body.
    let begin = regels
        .iter()
        .rposition(|r| *r == "Wie betaalt wat, per jaar")
        .expect("the table's caption");
    let na = &regels[begin + 1..];
    for rij in &cli[1..] {
        let label = if rollen.contains(&rij[0].as_str()) {
            format!("Uren van de {}", rij[0])
        } else {
            rij[0].clone()
        };
        let waar = na
            .iter()
            .position(|r| *r == label)
            .unwrap_or_else(|| panic!("row {label}"));
        // The cells of the year columns, in order, right after the label.
        let word: Vec<&str> = na[waar + 1..waar + rij.len()].to_vec();
        assert_eq!(word, rij[1..], "{label}");
    }
    // By hand: the consulent's row reads TAPA$ in 2026 and half PZNL from 2027; the
    // projectleiding is the Netwerk's in 2026 only.
    assert_eq!(
        cli[3],
        [
            "consulent",
            "TAPA$",
            "50 % Stichting PZNL, rest TAPA$",
            "50 % Stichting PZNL, rest TAPA$"
        ]
    );
    // The answered reminder with its toelichting, and the contribution.
    let body = tekst
        .rsplit_once("\nDubbele financiering\n")
        .map_or("", |(_, b)| b);
    assert!(body.contains("Nagegaan door de regio"), "{body}");
    assert!(body.contains(
        "Wijkverpleegkundige: De uren van de wijkverpleegkundigen in de PaTz-groepen vallen \
         buiten het integrale uurtarief van de wijkverpleging; nagegaan met de drie zorgaanbieders."
    ));
    let bijdrage = body.find("Vacatiegeld PZNL").expect("the contribution");
    assert!(body[bijdrage..].contains("€\u{a0}10.000,00"));
    // The chapter on the care givers says per year too: the consulent's financing changes.
    let zorgverleners = tekst
        .rsplit_once("\nDe uitvoerende zorgverleners\n")
        .map_or("", |(_, b)| b);
    assert!(
        zorgverleners.contains("2026 TAPA$; 2027–2028 50 % Stichting PZNL, rest TAPA$"),
        "{zorgverleners}"
    );
}

/// Whether the .docx at `pad` holds a picture (a PNG under word/media/), and the number of
/// drawings in its body.
fn afbeeldingen(pad: &Path) -> (usize, usize) {
    let bytes = std::fs::read(pad).expect("document");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip archive");
    let namen: Vec<String> = zip
        .file_names()
        .map(|n| n.expect("a name").to_string())
        .collect();
    let pngs = namen
        .iter()
        .filter(|n| n.starts_with("word/media/") && n.ends_with(".png"))
        .count();
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("word/document.xml").expect("document.xml"),
        &mut xml,
    )
    .expect("UTF-8");
    (pngs, xml.matches("<w:drawing>").count())
}

#[test]
fn a_sensitivity_that_cannot_be_computed_leaves_only_its_chart_out_of_the_word_document() {
    let dir = tempfile::tempdir().expect("temporary directory");
    // Its sensitivity overflows an amount (the HTML report refuses, with exit 2); the Word
    // document, which shows no sensitivity but its chart, is written as before.
    let doc = word(
        "tests/fixtures/document/gevoeligheid-faalt.toml",
        dir.path(),
        "gevoeligheid",
    );
    let (_, tekeningen) = afbeeldingen(&doc);
    assert!(tekeningen < 6, "{tekeningen}");
}

#[cfg(feature = "png")]
#[test]
fn with_pictures_every_chart_of_the_report_is_in_the_word_document_with_its_caption() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let doc = word(ALLE[0], dir.path(), "groot");
    // The large region has all six charts: costs per year and per role, coverage per offer,
    // each insurer's businesscase, the indicators, and the sensitivity of the balance.
    assert_eq!(afbeeldingen(&doc), (6, 6));
}

#[cfg(not(feature = "png"))]
#[test]
fn without_pictures_the_word_document_has_no_empty_frames() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let doc = word(ALLE[0], dir.path(), "groot");
    assert_eq!(afbeeldingen(&doc), (0, 0));
}

// ---------------------------------------------------------------------------------------------
// The format follows the extension
// ---------------------------------------------------------------------------------------------

/// Runs `args` (with `{}` replaced by a path in a fresh folder) and checks that it is a usage
/// error: exit 2, nothing on stdout, nothing written, the message on stderr.
fn geweigerd(args: &[&str], bestand: &str, bericht: &str) {
    let dir = tempfile::tempdir().expect("temporary directory");
    let pad = dir.path().join(bestand);
    let pad_str = pad.to_str().expect("UTF-8");
    let args: Vec<&str> = args
        .iter()
        .map(|a| if *a == "{}" { pad_str } else { a })
        .collect();
    let r = run(&args);
    assert_eq!(r.status.code(), Some(2), "{args:?}: {}", text(&r.stderr));
    assert_eq!(r.stdout, b"", "{args:?}");
    assert!(!pad.exists(), "{args:?} wrote {bestand}");
    assert!(
        std::fs::read_dir(dir.path()).expect("dir").next().is_none(),
        "{args:?} left a file"
    );
    let stderr = text(&r.stderr);
    assert!(stderr.contains(bericht), "{args:?}: {stderr}");
}

#[test]
fn a_pdf_is_refused_with_how_to_make_one() {
    let s = KLEIN;
    geweigerd(
        &["report", s, "-o", "{}"],
        "businesscase.pdf",
        "businesscase.pdf: fout: patz-calc schrijft zelf geen PDF\n    hint: maak het document als \
         HTML (report … -o businesscase.html) en kies in de browser Afdrukken → Opslaan als PDF, \
         of als Word-document (report … -o businesscase.docx) en kies in Word Opslaan als → PDF",
    );
    geweigerd(
        &["cost", s, "-o", "{}"],
        "kosten.PDF",
        "schrijft zelf geen PDF",
    );
}

#[test]
fn an_extension_of_another_format_is_a_usage_error_before_anything_is_written() {
    let s = KLEIN;
    geweigerd(
        &["cost", s, "-o", "{}"],
        "kosten.xlsx",
        "kosten.xlsx: fout: deze opdracht schrijft een tabel, CSV of JSON, geen Excel-werkmap",
    );
    geweigerd(
        &["export", s, "-o", "{}"],
        "werkmap.html",
        "werkmap.html: fout: export schrijft een Excel-werkmap (.xlsx), geen HTML",
    );
    geweigerd(
        &["report", s, "-o", "{}"],
        "rapport.csv",
        "rapport.csv: fout: report schrijft een HTML-document (.html) of een Word-document \
         (.docx), geen CSV",
    );
    geweigerd(
        &["report", s, "-o", "{}"],
        "rapport.doc",
        "geen ander tekstverwerkerformaat",
    );
    geweigerd(
        &["business-case", s, "--format", "json", "-o", "{}"],
        "bc.csv",
        "bc.csv: fout: de uitvoer is JSON, maar de bestandsnaam zegt CSV",
    );
    geweigerd(
        &["impact", s, "-o", "{}"],
        "impact.docx",
        "geen Word-document",
    );
    geweigerd(
        &["init", "{}"],
        "mijn-regio.json",
        "het sjabloon is een scenario (.toml)",
    );
}

#[test]
fn the_extension_picks_html_or_word_and_unknown_extensions_keep_their_old_format() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let p = |n: &str| dir.path().join(n).to_str().expect("UTF-8").to_string();
    let s = KLEIN;
    for (args, pad, begin) in [
        (vec!["report", s, "-o"], p("a.docx"), &b"PK\x03\x04"[..]),
        (vec!["report", s, "-o"], p("a.HTML"), b"<!DOCTYPE html>"),
        (
            vec!["report", s, "-o"],
            p("zonder-extensie"),
            b"<!DOCTYPE html>",
        ),
        (vec!["cost", s, "-o"], p("k.txt"), "Kosten — ".as_bytes()),
        (vec!["cost", s, "-o"], p("k.csv"), b"jaar,groep,post"),
        (
            vec!["cost", s, "--format", "csv", "-o"],
            p("k2.txt"),
            b"jaar,groep,post",
        ),
    ] {
        let mut a = args.clone();
        a.push(&pad);
        let r = run(&a);
        assert_eq!(r.status.code(), Some(0), "{a:?}: {}", text(&r.stderr));
        let bytes = std::fs::read(&pad).expect("written");
        assert!(
            bytes.starts_with(begin),
            "{a:?}: {:?}",
            &bytes[..bytes.len().min(20)]
        );
    }
    // The same scenario gives the same Word document, byte for byte.
    let b = p("b.docx");
    assert_eq!(run(&["report", s, "-o", &b]).status.code(), Some(0));
    assert_eq!(
        std::fs::read(p("a.docx")).expect("a"),
        std::fs::read(&b).expect("b")
    );
}
