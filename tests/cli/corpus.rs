//! The bad-input corpus, formula-like names, and output that is never half-written.
//!
//! `tests/corpus/` holds one small file per bad input; [`CORPUS`] below gives each its expected
//! exit status and a fragment of the message. Inputs that must not be committed (a 20 MB file,
//! a file of exactly the size limit plus one byte, thousands of nested brackets) are made at
//! run time under `CARGO_TARGET_TMPDIR`; a directory and a missing file complete the list.
//! Every input goes through every command that reads a scenario (check, cost, impact, offers,
//! business-case, explain, batch, compare, sweep), and none may panic (exit 101), be killed
//! by a signal or run for more than a minute. A file added to `tests/corpus/` without a line
//! in [`CORPUS`] or [`BUGS`] fails [`every_corpus_file_has_an_expectation`].
//!
//! [`BUGS`] lists minimised inputs of bugs found while writing these tests that are not fixed
//! yet; their tests, with the behaviour the program must have, are `#[ignore]`d until then.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use rust_decimal::Decimal;

const BIN: &str = env!("CARGO_BIN_EXE_patz-calc");

/// `(file in tests/corpus, exit status, fragment of stderr)`. Exit 0 are the valid files whose
/// names look like spreadsheet formulas.
const CORPUS: &[(&str, i32, &str)] = &[
    // TOML syntax
    (
        "syntax-waarde-ontbreekt.toml",
        2,
        "2:10: fout: geen geldige TOML",
    ),
    (
        "syntax-decimale-komma.toml",
        2,
        "11:12: fout: uurtarieven.huisarts: '116,50' is geen getal zoals een scenario het schrijft: het decimaalteken is een punt, geen komma\n    hint: schrijf 116.50",
    ),
    (
        "syntax-tekst-niet-afgesloten.toml",
        2,
        "niet afgesloten met een aanhalingsteken",
    ),
    (
        "syntax-sectie-niet-afgesloten.toml",
        2,
        "niet afgesloten met ]",
    ),
    (
        "syntax-dubbele-sleutel.toml",
        2,
        "9:1: fout: geen geldige TOML: deze sleutel of sectie staat er al",
    ),
    (
        "syntax-dubbele-sectie.toml",
        2,
        "deze sleutel of sectie staat er al",
    ),
    (
        "syntax-gemengde-sectie.toml",
        2,
        "deze sleutel of sectie staat er al",
    ),
    (
        "syntax-tekst-zonder-aanhalingstekens.toml",
        2,
        "tekst moet tussen aanhalingstekens staan",
    ),
    (
        "syntax-lijst-dubbele-komma.toml",
        2,
        "met komma's tussen de elementen",
    ),
    (
        "syntax-stuurtekens.toml",
        2,
        "7:19: fout: geen geldige TOML: hier staat een stuurteken (\\u{0})",
    ),
    (
        "syntax-inline-tabel-open.toml",
        2,
        "geen geldige TOML: een tabel op één regel schrijft u als { a = 1, b = 2 }",
    ),
    // empty
    (
        "leeg.toml",
        2,
        "1:1: fout: formaat: verplicht veld 'formaat' ontbreekt",
    ),
    (
        "alleen-commentaar.toml",
        2,
        "verplicht veld 'formaat' ontbreekt",
    ),
    (
        "alleen-witruimte.toml",
        2,
        "1:1: fout: scenario: sectie [scenario] ontbreekt",
    ),
    // encoding
    (
        "geen-utf8.toml",
        2,
        "geen-utf8.toml:4:13: fout: geen geldige UTF-8-tekst",
    ),
    (
        "utf16.toml",
        2,
        "utf16.toml:1:1: fout: geen geldige UTF-8-tekst",
    ),
    ("utf8-bom.toml", 0, ""),
    // wrong types
    ("type-formaat-tekst.toml", 2, "formaat: 'een' is geen getal"),
    (
        "type-verzekerden-boolean.toml",
        2,
        "scenario.verzekerden: verwacht een getal, gevonden: true/false",
    ),
    (
        "type-naam-getal.toml",
        2,
        "scenario.naam: verwacht tekst tussen aanhalingstekens",
    ),
    (
        "type-deelnemers-lijst.toml",
        2,
        "groep[1].deelnemers: verwacht een tabel, gevonden: een lijst",
    ),
    (
        "type-uurtarieven-getal.toml",
        2,
        "uurtarieven: verwacht een tabel",
    ),
    (
        "type-nieuw-tekst.toml",
        2,
        "groep[1].nieuw: verwacht true of false",
    ),
    (
        "type-elders-tekst.toml",
        2,
        "financiering.elders_gefinancierd: verwacht een lijst",
    ),
    (
        "type-startjaar-datum.toml",
        2,
        "scenario.startjaar: verwacht een getal, gevonden: een datum",
    ),
    (
        "type-duur-lijst.toml",
        2,
        "werkwijze.duur_uren: verwacht een getal, gevonden: een lijst",
    ),
    ("formaat-2.toml", 2, "formaat 2 wordt niet ondersteund"),
    // numbers: negative, huge, not finite, too precise, not whole, out of range
    (
        "getal-negatief-uurtarief.toml",
        2,
        "uurtarieven.huisarts: mag niet negatief zijn",
    ),
    (
        "getal-negatieve-deelnemers.toml",
        2,
        "groep[1].deelnemers.huisarts: moet een geheel getal van 0",
    ),
    (
        "getal-1e30.toml",
        2,
        "11:12: fout: uurtarieven.huisarts: ongeldig getal: past niet in de berekening",
    ),
    (
        "getal-2-tot-de-96.toml",
        2,
        "uurtarieven.huisarts: ongeldig getal: past niet in de berekening",
    ),
    (
        "getal-2-tot-de-96-tekst.toml",
        2,
        "uurtarieven.huisarts: ongeldig getal: past niet in de berekening",
    ),
    (
        "getal-te-veel-decimalen.toml",
        2,
        "werkwijze.duur_uren: ongeldig getal: past niet",
    ),
    (
        "getal-hex-te-groot.toml",
        2,
        "scenario.verzekerden: ongeldig getal: past niet",
    ),
    (
        "getal-exponent-enorm.toml",
        2,
        "werkwijze.duur_uren: ongeldig getal: past niet",
    ),
    (
        "getal-nan.toml",
        2,
        "uurtarieven.huisarts: ongeldig getal: NaN en oneindig",
    ),
    (
        "getal-inf.toml",
        2,
        "uurtarieven.huisarts: ongeldig getal: NaN en oneindig",
    ),
    (
        "getal-min-inf-tekst.toml",
        2,
        "NaN en oneindig zijn geen getallen",
    ),
    (
        "getal-nan-tekst.toml",
        2,
        "werkwijze.duur_uren: ongeldig getal: NaN en oneindig",
    ),
    (
        "getal-tekst-geen-getal.toml",
        2,
        "'anderhalf' is geen getal",
    ),
    (
        "percentage-boven-100.toml",
        2,
        "overhead_percentage: een percentage moet tussen 0 en 100 liggen",
    ),
    (
        "percentage-negatief.toml",
        2,
        "een percentage moet tussen 0 en 100 liggen (gevonden: -5)",
    ),
    (
        "percentage-indexatie-250.toml",
        2,
        "kosten_percentage_per_jaar: een percentage moet tussen 0 en 100",
    ),
    (
        "percentage-reductie-150.toml",
        2,
        "indicator[1].reductie_percentage: een percentage moet tussen 0 en 100",
    ),
    (
        "percentage-marktaandeel-100-01.toml",
        2,
        "(gevonden: 100.01)",
    ),
    (
        "marktaandelen-samen-boven-100.toml",
        2,
        "de marktaandelen tellen op tot 101 %",
    ),
    (
        "deelnemers-niet-geheel.toml",
        2,
        "moet een geheel getal zijn (gevonden: 2.5)",
    ),
    (
        "verzekerden-nul.toml",
        2,
        "moet een geheel getal groter dan 0 zijn (gevonden: 0)",
    ),
    (
        "verzekerden-niet-geheel.toml",
        2,
        "moet een geheel getal groter dan 0 zijn (gevonden: 1.5)",
    ),
    (
        "looptijd-31.toml",
        2,
        "van 1 tot en met 30 zijn (gevonden: 31)",
    ),
    (
        "looptijd-0.toml",
        2,
        "van 1 tot en met 30 zijn (gevonden: 0)",
    ),
    (
        "startjaar-1800.toml",
        2,
        "van 1900 tot en met 2200 zijn (gevonden: 1800)",
    ),
    // The documented bounds (README "Grenzen"): at most 365 meetings a year.
    (
        "bijeenkomsten-400.toml",
        2,
        "van 0 tot en met 365 zijn (gevonden: 400)",
    ),
    // Once calculation overflows (a line, 30 years of indexation), now each a range error at
    // the field while reading.
    (
        "te-groot-voor-berekening.toml",
        2,
        "11:12: fout: uurtarieven.huisarts: moet tussen 0 en 10.000 liggen (€ per uur; gevonden: 79228162514264337593543950335)",
    ),
    (
        "te-groot-indexatie-30-jaar.toml",
        2,
        "ondersteuning.monitoring_per_jaar: moet tussen 0 en 100.000.000 liggen (€ per jaar;",
    ),
    // Found by the property tests and by hand, fixed in cfcfbd5 and afbabf4: a sum and a product
    // that would lose their cents, and a tariff too large to carry cents (once an endless loop).
    // Now refused while reading, at the field past its bound.
    (
        "te-groot-voor-centen.toml",
        2,
        "ondersteuning.ict_per_groep: moet tussen 0 en 100.000.000 liggen",
    ),
    (
        "te-groot-tarief-zonder-centen.toml",
        2,
        "ondersteuning.ict_per_groep: moet tussen 0 en 100.000.000 liggen",
    ),
    (
        "te-groot-product-zonder-centen.toml",
        2,
        "uurtarieven.huisarts: moet tussen 0 en 10.000 liggen",
    ),
    // meaning
    (
        "onbekende-sleutel.toml",
        2,
        "werkwijze.duur_urn: onbekende sleutel 'duur_urn'",
    ),
    (
        "onbekende-sectie.toml",
        2,
        "extra: onbekende sectie [extra]",
    ),
    (
        "naam-ontbreekt.toml",
        2,
        "scenario.naam: verplicht veld 'naam' ontbreekt",
    ),
    ("naam-leeg.toml", 2, "scenario.naam: mag niet leeg zijn"),
    (
        "rol-zonder-tarief.toml",
        2,
        "rol 'consulnt' heeft geen uurtarief",
    ),
    (
        "dubbele-groepsnaam.toml",
        2,
        "groepsnaam 'Groep A' komt al voor in groep[1]",
    ),
    ("geen-groepen.toml", 2, "groep: sectie [[groep]] ontbreekt"),
    (
        "werkwijze-ontbreekt.toml",
        2,
        "groep[1].duur_uren: verplicht veld 'duur_uren' ontbreekt",
    ),
    (
        "voorzitter-rol-onbekend.toml",
        2,
        "rol 'voorzitter' heeft geen uurtarief",
    ),
    (
        "aanbod-onbekende-verzekeraar.toml",
        2,
        "onbekende verzekeraar 'VGZ'",
    ),
    (
        "aanbod-jaar-buiten-looptijd.toml",
        2,
        "jaar 2031 ligt buiten de looptijd",
    ),
    (
        "indicator-ontbreekt.toml",
        2,
        "ontbrekende indicator(en): chemotherapie",
    ),
    (
        "indicator-dubbel.toml",
        2,
        "indicator 'ic_opname' komt twee keer voor",
    ),
    (
        "indicator-zonder-impact.toml",
        2,
        "[[indicator]] zonder [impact]",
    ),
    (
        "indicator-onbekend-id.toml",
        2,
        "onbekende indicator 'ic_opnames'",
    ),
    // valid, with names that look like spreadsheet formulas
    ("formule-groepsnaam.toml", 0, ""),
    ("formule-verzekeraar-en-aanbod.toml", 0, ""),
    // A tab or carriage return in a name is a control character: refused (once a valid
    // formula-like name).
    (
        "stuurteken-tab-en-cr.toml",
        2,
        "21:8: fout: groep[1].naam: bevat een stuurteken (\\t) op teken 1",
    ),
    ("formule-rolnaam.toml", 0, ""),
    ("formule-scenarionaam.toml", 0, ""),
];

/// Minimised inputs of bugs that are not fixed yet, each tested by an `#[ignore]`d test at the
/// end of this file with the behaviour the program must have.
/// (Empty: the four bugs found so far are fixed; see docs/fuzzing.md "Bugs found".)
const BUGS: &[&str] = &[];

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

/// A valid scenario to pair a bad one with (compare needs two files).
fn partner() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/kleine-regio.toml")
}

/// The inputs made at run time, once per test binary: `(path, exit status, fragment)`.
fn generated() -> &'static [(PathBuf, i32, String)] {
    static MADE: OnceLock<Vec<(PathBuf, i32, String)>> = OnceLock::new();
    MADE.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("corpus");
        std::fs::create_dir_all(&dir).unwrap();
        let mut out = Vec::new();
        let mut put = |name: &str, bytes: &[u8], exit: i32, fragment: &str| {
            let path = dir.join(name);
            std::fs::write(&path, bytes).unwrap();
            out.push((path, exit, fragment.to_string()));
        };
        // 20 MB of comments: valid TOML, so without the limit it would be read and parsed.
        let line = b"# twintig megabyte aan commentaar, nooit gecommit\n";
        let big: Vec<u8> = line.iter().copied().cycle().take(20_000_000).collect();
        put(
            "twintig-mb.toml",
            &big,
            2,
            "een scenario mag hoogstens 10 MiB zijn",
        );
        let just_over = vec![b'\n'; 10 * 1024 * 1024 + 1];
        put("tien-mib-plus-een.toml", &just_over, 2, "is 10485761 bytes");
        let deep = 100_000;
        let nest = |open: &str, middle: &str, close: &str| {
            format!(
                "formaat = 1\nx = {}{middle}{}\n",
                open.repeat(deep),
                close.repeat(deep)
            )
        };
        put(
            "diep-lijsten.toml",
            nest("[", "", "]").as_bytes(),
            2,
            "te diep geneste tabellen of lijsten",
        );
        put(
            "diep-inline-tabellen.toml",
            nest("{a=", "1", "}").as_bytes(),
            2,
            "te diep geneste tabellen of lijsten",
        );
        let dotted = vec!["a"; deep].join(".");
        put(
            "diep-sectiekop.toml",
            format!("formaat = 1\n[{dotted}]\n").as_bytes(),
            2,
            "te diep geneste tabellen of lijsten",
        );
        put(
            "diep-sleutel.toml",
            format!("formaat = 1\n{dotted} = 1\n").as_bytes(),
            2,
            "te diep geneste tabellen of lijsten",
        );
        // Nesting within the parser's limit: an unknown key, not a crash.
        put(
            "genest-binnen-grens.toml",
            nest_within_limit().as_bytes(),
            2,
            "onbekende sleutel 'x'",
        );
        let map = dir.join("een-map.toml");
        std::fs::create_dir_all(&map).unwrap();
        out.push((map, 2, "dit is een map, geen scenariobestand".into()));
        out.push((
            dir.join("bestaat-niet.toml"),
            2,
            "bestand niet gevonden".into(),
        ));
        out
    })
}

fn nest_within_limit() -> String {
    format!("formaat = 1\nx = {}1{}\n", "[".repeat(50), "]".repeat(50))
}

/// Every input with its expectation.
fn all_inputs() -> Vec<(PathBuf, i32, String)> {
    let mut out: Vec<(PathBuf, i32, String)> = CORPUS
        .iter()
        .map(|(f, code, frag)| (corpus_dir().join(f), *code, (*frag).to_string()))
        .collect();
    out.extend(generated().iter().cloned());
    out
}

/// How long one run may take before it counts as a hang.
const LIMIT: Duration = Duration::from_secs(60);

/// Runs the binary and insists that it ended by itself within [`LIMIT`], without a panic.
fn run(args: &[&OsStr], cwd: Option<&Path>) -> Output {
    let mut cmd = Command::new(BIN);
    cmd.args(args).stdin(Stdio::null());
    if let Some(dir) = cwd {
        cmd.current_dir(dir);
    }
    let out = output_within(&mut cmd, LIMIT)
        .unwrap_or_else(|| panic!("{args:?}: still running after {LIMIT:?}, killed"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.code().is_some(),
        "{args:?}: killed by a signal ({:?})\n{stderr}",
        out.status
    );
    assert_ne!(out.status.code(), Some(101), "{args:?}: panicked\n{stderr}");
    assert!(!stderr.contains("panicked"), "{args:?}: panicked\n{stderr}");
    out
}

/// Runs `cmd`, killing it after `limit`; `None` when it did not finish in time.
fn output_within(cmd: &mut Command, limit: Duration) -> Option<Output> {
    use std::io::Read as _;
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Drain both pipes while waiting, so that a large output cannot block the child.
    let drain = |pipe: Option<Box<dyn std::io::Read + Send>>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            if let Some(mut p) = pipe {
                let _ = p.read_to_end(&mut buf);
            }
            buf
        })
    };
    let stdout = drain(child.stdout.take().map(|p| Box::new(p) as Box<_>));
    let stderr = drain(child.stderr.take().map(|p| Box::new(p) as Box<_>));
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break Some(status);
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let (stdout, stderr) = (stdout.join().unwrap(), stderr.join().unwrap());
    status.map(|status| Output {
        status,
        stdout,
        stderr,
    })
}

/// One command over every input: exit status, message, nothing on stdout after an error.
fn every_input_through(command: &str, extra: &[&str]) {
    for (path, code, fragment) in all_inputs() {
        // A valid file without [impact]: impact and business-case refuse it, rightly.
        let needs_impact = matches!(command, "impact" | "business-case");
        let (code, fragment) = if code == 0 && needs_impact {
            (2, "geen [impact]-sectie".to_string())
        } else if command == "batch" && path.is_dir() {
            // batch reads a directory's *.toml files; this one has none.
            (2, "geen .toml-bestanden gevonden".to_string())
        } else {
            (code, fragment)
        };
        let mut args: Vec<&OsStr> = vec![command.as_ref(), path.as_os_str()];
        let p = partner();
        if command == "compare" {
            args.push(p.as_os_str());
        }
        args.extend(extra.iter().map(OsStr::new));
        let out = run(&args, None);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            out.status.code(),
            Some(code),
            "{command} {}: exit status\n{stderr}",
            path.display()
        );
        // sweep reports its --set first; the other commands name the problem itself.
        if command != "sweep" {
            assert!(
                stderr.contains(fragment.as_str()),
                "{command} {}: expected {fragment:?} in:\n{stderr}",
                path.display()
            );
        }
        if code == 2 && command != "batch" {
            assert!(
                out.stdout.is_empty(),
                "{command} {}: stdout after an error:\n{}",
                path.display(),
                String::from_utf8_lossy(&out.stdout)
            );
        }
        if code == 2 {
            assert!(stderr.contains("fout"), "{command} {}", path.display());
        }
    }
}

#[test]
fn every_corpus_file_has_an_expectation() {
    let mut listed: Vec<&str> = CORPUS
        .iter()
        .map(|(f, _, _)| *f)
        .chain(BUGS.iter().copied())
        .collect();
    listed.sort_unstable();
    let mut files: Vec<String> = std::fs::read_dir(corpus_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort_unstable();
    assert_eq!(files, listed);
    let bad = CORPUS.iter().filter(|(_, code, _)| *code != 0).count() + generated().len();
    assert!(bad >= 50, "only {bad} bad inputs");
}

#[test]
fn corpus_through_check() {
    every_input_through("check", &[]);
}

#[test]
fn corpus_through_cost() {
    every_input_through("cost", &["--format", "csv"]);
}

#[test]
fn corpus_through_impact() {
    every_input_through("impact", &[]);
}

#[test]
fn corpus_through_offers() {
    every_input_through("offers", &["--format", "json"]);
}

#[test]
fn corpus_through_business_case() {
    every_input_through("business-case", &["--format", "json"]);
}

#[test]
fn corpus_through_explain() {
    every_input_through("explain", &[]);
}

#[test]
fn corpus_through_batch() {
    every_input_through("batch", &["--format", "csv"]);
}

#[test]
fn corpus_through_compare() {
    every_input_through("compare", &[]);
}

#[test]
fn corpus_through_sweep() {
    // The range must not touch the broken field, or it would repair it.
    every_input_through("sweep", &["--set", "werkwijze.reistijd_uren=0..1:0.5"]);
}

// ---------------------------------------------------------------------------------------------
// Formula-like text in CSV (docs/rekenregels.md)
// ---------------------------------------------------------------------------------------------

/// Every cell of a CSV document that a spreadsheet would run as a formula (numbers excepted).
fn formula_cells(csv_bytes: &[u8], nl: bool) -> Vec<String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .delimiter(if nl { b';' } else { b',' })
        .from_reader(csv_bytes);
    let mut bad = Vec::new();
    for record in reader.records() {
        for cell in record.unwrap().iter() {
            let looks_like_formula = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
            let number = Decimal::from_str_exact(&cell.replace(',', ".")).is_ok();
            if looks_like_formula && !number {
                bad.push(cell.to_string());
            }
        }
    }
    bad
}

#[test]
fn formula_like_names_are_neutralised_in_every_csv_output() {
    let files: Vec<PathBuf> = CORPUS
        .iter()
        .filter(|(f, _, _)| f.starts_with("formule-"))
        .map(|(f, _, _)| corpus_dir().join(f))
        .collect();
    assert_eq!(files.len(), 4);
    let mut neutralised = 0;
    for file in &files {
        let f = file.as_os_str();
        for nl in [false, true] {
            let mut runs: Vec<Vec<&OsStr>> = vec![
                vec!["cost".as_ref(), f],
                vec!["offers".as_ref(), f],
                vec!["explain".as_ref(), f],
                vec!["batch".as_ref(), f],
                vec!["batch".as_ref(), "--per-jaar".as_ref(), f],
                vec!["compare".as_ref(), f, f],
                vec![
                    "sweep".as_ref(),
                    f,
                    "--set".as_ref(),
                    "uurtarieven.huisarts=100..110:10".as_ref(),
                ],
            ];
            for args in &mut runs {
                args.extend([OsStr::new("--format"), OsStr::new("csv")]);
                if nl {
                    args.push(OsStr::new("--csv-nl"));
                }
                let out = run(args, None);
                assert_eq!(out.status.code(), Some(0), "{args:?}");
                let bad = formula_cells(&out.stdout, nl);
                assert!(bad.is_empty(), "{args:?}: formula cells {bad:?}");
                neutralised += String::from_utf8_lossy(&out.stdout).matches("'=").count();
            }
        }
    }
    assert!(neutralised > 0, "no neutralised cell seen at all");
    let groep = run(
        &[
            "cost".as_ref(),
            corpus_dir().join("formule-groepsnaam.toml").as_os_str(),
            "--format".as_ref(),
            "csv".as_ref(),
        ],
        None,
    );
    let text = String::from_utf8(groep.stdout).unwrap();
    assert!(
        text.contains("\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"klik\"\")\""),
        "{text}"
    );
}

#[test]
fn a_file_name_that_looks_like_a_formula_is_neutralised_in_batch_and_compare() {
    let dir = tempfile::tempdir().unwrap();
    let name = "=HYPERLINK(1).toml";
    std::fs::copy(partner(), dir.path().join(name)).unwrap();
    for args in [
        vec!["batch", name, "--format", "csv"],
        vec!["compare", name, name, "--format", "csv"],
    ] {
        let args: Vec<&OsStr> = args.iter().map(|a| a.as_ref()).collect();
        let out = run(&args, Some(dir.path()));
        assert_eq!(out.status.code(), Some(0));
        assert_eq!(formula_cells(&out.stdout, false), Vec::<String>::new());
        assert!(String::from_utf8_lossy(&out.stdout).contains("'=HYPERLINK(1).toml"));
    }
}

/// The formulas (`<f>` elements) and all other text of the worksheets of an `.xlsx` file.
fn xlsx_formulas_and_text(bytes: &[u8]) -> (Vec<String>, String) {
    use std::io::Read as _;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut formulas = Vec::new();
    let mut text = String::new();
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        let name = entry.name().unwrap().to_string();
        let mut xml = String::new();
        entry.read_to_string(&mut xml).unwrap();
        if name.starts_with("xl/worksheets/") {
            for part in xml.split("<f").skip(1) {
                let Some((_, rest)) = part.split_once('>') else {
                    continue;
                };
                if let Some((formula, _)) = rest.split_once("</f>") {
                    formulas.push(formula.to_string());
                }
            }
        }
        if name.starts_with("xl/") {
            text.push_str(&xml);
        }
    }
    (formulas, text)
}

#[test]
fn formula_like_names_never_become_part_of_a_spreadsheet_formula() {
    // Text cells in .xlsx are typed strings, which no spreadsheet runs; what must never happen
    // is a user's text ending up inside a formula.
    let dir = tempfile::tempdir().unwrap();
    let user_texts = [
        "HYPERLINK",
        "example.invalid",
        "@regio",
        "SUM(A1:A9)",
        "+31 CZ",
        "-VGZ",
        "=1+1",
        "=cmd",
        "=rol()",
    ];
    let mut seen = 0;
    for (f, _, _) in CORPUS.iter().filter(|(f, _, _)| f.starts_with("formule-")) {
        let target = dir.path().join(f.replace(".toml", ".xlsx"));
        let out = run(
            &[
                OsStr::new("export"),
                corpus_dir().join(f).as_os_str(),
                OsStr::new("-o"),
                target.as_os_str(),
            ],
            None,
        );
        assert_eq!(
            out.status.code(),
            Some(0),
            "{f}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let (formulas, text) = xlsx_formulas_and_text(&std::fs::read(&target).unwrap());
        assert!(!formulas.is_empty(), "{f}: a workbook with live formulas");
        for formula in &formulas {
            for t in user_texts {
                assert!(
                    !formula.contains(t),
                    "{f}: {t:?} inside the formula {formula:?}"
                );
            }
        }
        seen += user_texts.iter().filter(|t| text.contains(**t)).count();
    }
    assert!(seen >= 5, "the names should be in the workbooks, as text");
    assert_eq!(leftovers(dir.path()), Vec::<String>::new());
}

// ---------------------------------------------------------------------------------------------
// Output written atomically
// ---------------------------------------------------------------------------------------------

/// Names in `dir` that a failed or finished write may have left behind.
fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".patz-calc-") || n.ends_with(".tmp"))
        .collect()
}

/// The commands that take `-o`, with a valid input each.
fn writing_commands() -> Vec<Vec<String>> {
    let s = partner().display().to_string();
    let groot = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scenarios/grote-regio.toml")
        .display()
        .to_string();
    vec![
        vec!["cost".into(), s.clone()],
        vec!["impact".into(), groot.clone()],
        vec!["offers".into(), groot.clone()],
        vec!["business-case".into(), groot.clone()],
        vec!["explain".into(), s.clone()],
        vec!["batch".into(), s.clone()],
        vec!["compare".into(), s.clone(), groot],
        vec![
            "sweep".into(),
            s,
            "--set".into(),
            "uurtarieven.huisarts=100..120:10".into(),
        ],
    ]
}

fn run_strings(args: &[String], cwd: Option<&Path>) -> Output {
    let args: Vec<&OsStr> = args.iter().map(|a| a.as_ref()).collect();
    run(&args, cwd)
}

#[test]
fn output_file_holds_exactly_what_stdout_would_and_no_temporary_file_remains() {
    let dir = tempfile::tempdir().unwrap();
    for (i, cmd) in writing_commands().into_iter().enumerate() {
        for format in ["table", "csv", "json"] {
            let target = dir.path().join(format!("uit-{i}.{format}"));
            std::fs::write(&target, "oude inhoud die volledig vervangen moet worden").unwrap();
            let mut to_stdout = cmd.clone();
            to_stdout.extend(["--format".into(), format.into()]);
            let expected = run_strings(&to_stdout, None);
            assert_eq!(expected.status.code(), Some(0), "{to_stdout:?}");
            let mut to_file = to_stdout.clone();
            to_file.extend(["-o".into(), target.display().to_string()]);
            let out = run_strings(&to_file, None);
            assert_eq!(out.status.code(), Some(0), "{to_file:?}");
            assert!(out.stdout.is_empty(), "{to_file:?}: stdout");
            assert_eq!(
                std::fs::read(&target).unwrap(),
                expected.stdout,
                "{to_file:?}"
            );
            assert_eq!(leftovers(dir.path()), Vec::<String>::new(), "{to_file:?}");
        }
    }
}

#[test]
fn an_invalid_scenario_leaves_an_existing_output_file_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("uit.csv");
    let old = "jaar,groep\n2026,vorige uitvoer\n";
    for bad in [
        "leeg.toml",
        "te-groot-voor-berekening.toml",
        "getal-nan.toml",
    ] {
        // Not batch: by design it writes the rows of the valid files and then exits 2
        // (README "batch"), so its output file is replaced even when every file is invalid.
        for command in ["cost", "offers", "explain", "compare", "sweep"] {
            std::fs::write(&target, old).unwrap();
            let file = corpus_dir().join(bad).display().to_string();
            let mut args = vec![command.to_string(), file];
            match command {
                "compare" => args.push(partner().display().to_string()),
                "sweep" => args.extend(["--set".into(), "werkwijze.reistijd_uren=0..1:0.5".into()]),
                _ => {}
            }
            args.extend(["-o".into(), target.display().to_string()]);
            let out = run_strings(&args, None);
            assert_eq!(out.status.code(), Some(2), "{args:?}");
            assert_eq!(std::fs::read_to_string(&target).unwrap(), old, "{args:?}");
            assert_eq!(leftovers(dir.path()), Vec::<String>::new(), "{args:?}");
        }
    }
}

#[test]
fn an_unwritable_target_is_a_clear_error_with_exit_1_and_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    // The target is a directory: a usage error (exit 2) before anything is computed.
    let map = dir.path().join("map.csv");
    std::fs::create_dir(&map).unwrap();
    std::fs::write(map.join("binnen.txt"), "blijft").unwrap();
    // The parent is a regular file, or does not exist.
    let file = dir.path().join("bestand");
    std::fs::write(&file, "geen map").unwrap();
    let cases: Vec<(PathBuf, i32, &str)> = vec![
        (map.clone(), 2, "dit is een map; geef een bestandsnaam"),
        (file.join("uit.csv"), 1, "kan niet schrijven in map"),
        (
            dir.path().join("bestaat-niet/uit.csv"),
            1,
            "kan niet schrijven in map",
        ),
        // Not writable even for root.
        (
            PathBuf::from("/proc/patz-calc-uit.csv"),
            1,
            "kan niet schrijven in map",
        ),
    ];
    for cmd in writing_commands() {
        for (target, code, fragment) in &cases {
            let mut args = cmd.clone();
            args.extend(["--format".into(), "csv".into()]);
            args.extend(["-o".into(), target.display().to_string()]);
            let out = run_strings(&args, None);
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(*code), "{args:?}\n{stderr}");
            assert!(stderr.contains(fragment), "{args:?}: {stderr}");
            assert!(
                stderr.contains(&target.display().to_string()),
                "{args:?}: the message names the target: {stderr}"
            );
            assert!(out.stdout.is_empty(), "{args:?}");
        }
        assert_eq!(leftovers(dir.path()), Vec::<String>::new(), "{cmd:?}");
        assert_eq!(
            std::fs::read_to_string(map.join("binnen.txt")).unwrap(),
            "blijft"
        );
        assert_eq!(std::fs::read_dir(&map).unwrap().count(), 1, "{cmd:?}");
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "geen map");
    }
}

#[test]
fn init_never_overwrites_and_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("mijn-regio.toml");
    std::fs::write(&target, "eigen werk").unwrap();
    let out = run(&["init".as_ref(), target.as_os_str()], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bestaat al"));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "eigen werk");
    let fresh = dir.path().join("nieuw.toml");
    let out = run(&["init".as_ref(), fresh.as_os_str()], None);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        std::fs::read_to_string(&fresh)
            .unwrap()
            .contains("formaat = 1")
    );
    assert_eq!(leftovers(dir.path()), Vec::<String>::new());
}

#[test]
fn export_and_report_leave_an_existing_file_untouched_on_every_failure() {
    let dir = tempfile::tempdir().unwrap();
    let groot = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/grote-regio.toml");
    for (command, ext) in [("export", "xlsx"), ("report", "html")] {
        let target = dir.path().join(format!("uit.{ext}"));
        let old = "vorige versie";
        std::fs::write(&target, old).unwrap();
        // An invalid scenario, even with --force.
        let out = run(
            &[
                OsStr::new(command),
                corpus_dir().join("getal-nan.toml").as_os_str(),
                OsStr::new("-o"),
                target.as_os_str(),
                OsStr::new("--force"),
            ],
            None,
        );
        assert_eq!(out.status.code(), Some(2), "{command}");
        // A valid scenario without --force.
        let out = run(
            &[
                OsStr::new(command),
                groot.as_os_str(),
                OsStr::new("-o"),
                target.as_os_str(),
            ],
            None,
        );
        assert_eq!(out.status.code(), Some(2), "{command}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("--force"));
        assert_eq!(std::fs::read_to_string(&target).unwrap(), old, "{command}");
        // Unwritable places: exit 1 (a directory as target is refused up front, exit 2).
        let file = dir.path().join("bestand");
        std::fs::write(&file, "geen map").unwrap();
        let map = dir.path().join(format!("map.{ext}"));
        std::fs::create_dir_all(&map).unwrap();
        for (t, code) in [
            (file.join(format!("uit.{ext}")), 1),
            (dir.path().join(format!("bestaat-niet/uit.{ext}")), 1),
            (PathBuf::from(format!("/proc/patz-calc-uit.{ext}")), 1),
            (map.clone(), 2),
        ] {
            let out = run(
                &[
                    OsStr::new(command),
                    groot.as_os_str(),
                    OsStr::new("-o"),
                    t.as_os_str(),
                    OsStr::new("--force"),
                ],
                None,
            );
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(
                out.status.code(),
                Some(code),
                "{command} -o {t:?}: {stderr}"
            );
            assert!(stderr.contains("fout"), "{command} -o {t:?}: {stderr}");
        }
        assert_eq!(std::fs::read_dir(&map).unwrap().count(), 0, "{command}");
        // And a success replaces the file whole.
        let out = run(
            &[
                OsStr::new(command),
                groot.as_os_str(),
                OsStr::new("-o"),
                target.as_os_str(),
                OsStr::new("--force"),
            ],
            None,
        );
        assert_eq!(out.status.code(), Some(0), "{command}");
        assert_ne!(std::fs::read_to_string(&target).unwrap_or_default(), old);
        assert_eq!(leftovers(dir.path()), Vec::<String>::new(), "{command}");
    }
}

// ---------------------------------------------------------------------------------------------
// Bugs found (fixed; see docs/fuzzing.md)
// ---------------------------------------------------------------------------------------------

#[test]
fn a_line_too_large_to_round_exactly_is_an_error_or_exact() {
    let file = corpus_dir().join("te-groot-product-zonder-centen.toml");
    let out = run(
        &[
            OsStr::new("cost"),
            file.as_os_str(),
            OsStr::new("--format"),
            OsStr::new("csv"),
        ],
        None,
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    // 60000000000000000000000000.15 × 1.5 = 90000000000000000000000000.225 exactly.
    match out.status.code() {
        Some(0) => assert!(
            stdout.contains(",90000000000000000000000000.23,"),
            "half away from zero gives ...0.23:\n{stdout}"
        ),
        _ => {
            assert_eq!(out.status.code(), Some(2), "{stderr}");
            // Past the documented bound of € 10.000 per hour: refused while reading.
            assert!(
                stderr.contains("14:12: fout: uurtarieven.huisarts: moet tussen 0 en 10.000"),
                "{stderr}"
            );
        }
    }
}

#[test]
fn the_size_limit_also_holds_for_a_pipe() {
    // A named pipe has no length; 20 MB are written into it. /dev/zero shows the same bug
    // without bound, which is why this test uses a pipe.
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pijp.toml");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            use std::io::Write as _;
            let mut pipe = std::fs::OpenOptions::new().write(true).open(fifo).unwrap();
            let line = b"# twintig megabyte door een pijp\n";
            for _ in 0..20_000_000 / line.len() {
                // The reader may stop after the limit: a broken pipe is the expected end.
                if pipe.write_all(line).is_err() {
                    break;
                }
            }
        })
    };
    let out = run(&[OsStr::new("check"), fifo.as_os_str()], None);
    writer.join().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("mag hoogstens 10 MiB"), "{stderr}");
}
