//! Analyst features: batch, compare, --set, sweep, expectations, completions and man page.
//!
//! Runs the real binary (`CARGO_BIN_EXE_patz-calc`) on the small scenarios in
//! `tests/fixtures/analyst/`, with the crate root as working directory so that the file names in
//! messages are the relative paths given (`tests/fixtures/analyst/alfa.toml`). Trees of files for
//! `batch` and output files are made in a fresh directory under `std::env::temp_dir()`, removed
//! afterwards.
//!
//! # Hand arithmetic
//!
//! Every expected figure below was worked out by hand from docs/rekenregels.md (and re-checked
//! with Python's `decimal` module, never with floats or with the program).
//!
//! ## alfa (`alfa.toml`)
//!
//! One group Noord: 4 huisartsen (€ 100), 2 wijkverpleegkundigen (€ 50), 1 consulent (€ 80,
//! financed elsewhere); 6 meetings of 1 hour, no preparation, travel, chair, coordination or
//! phone hours; 10 patients; 2026–2027 with 10 % indexatie (I(2026) = 1, I(2027) = 1.1);
//! 10,000 verzekerden. Only `ic_opname` has a basis (20 %), reduction 50 %, € 1,000 per case.
//!
//! - 2026: huisarts 6 × 4 × 1 = 24 h × 100 = 2,400.00; wijkverpleegkundige 6 × 2 × 1 = 12 h ×
//!   50 = 600.00; consulent 6 × 1 × 1 = 6 h × 80 = 480.00 (elders).
//!   kosten_totaal 3,480.00, elders 480.00, te_financieren 3,000.00, tarief 3,000 / 10,000 =
//!   0.30.
//! - 2027: 24 × 100 × 1.1 = 2,640.00; 12 × 50 × 1.1 = 660.00; 6 × 80 × 1.1 = 528.00.
//!   kosten_totaal 3,828.00, elders 528.00, te_financieren 3,300.00, tarief 0.33.
//! - horizon: kosten_totaal 7,308.00, elders 1,008.00, te_financieren 6,300.00; flat tariff
//!   6,300 / (10,000 × 2) = 0.315, rounded UP to 0.32.
//! - impact: P = 10; ic_opname basis 10 × 20 % = 2, vermeden 2 × 50 % = 1 case; vermeden_kosten
//!   2026 1 × 1,000 = 1,000.00, 2027 1 × 1,000 × 1.1 = 1,100.00, horizon 2,100.00.
//! - netto 2026 1,000 − 3,000 = −2,000.00, roi −2,000 / 3,000 × 100 = −66.66… → −66.7;
//!   2027 1,100 − 3,300 = −2,200.00, roi −66.7; horizon 2,100 − 6,300 = −4,200.00, roi −66.7;
//!   break_even_factor 6,300 / 2,100 = 3.000; netto contante waarde (rate 0) −4,200.00.
//!
//! ## alfa plus (`alfa-plus.toml`): alfa with huisarts € 110 and ic_opname reduction 75 %
//!
//! - 2026: 24 × 110 = 2,640.00 + 600.00 + 480.00 = 3,720.00, te_financieren 3,240.00.
//! - 2027: 24 × 110 × 1.1 = 2,904.00 + 660.00 + 528.00 = 4,092.00, te_financieren 3,564.00.
//! - horizon: kosten_totaal 7,812.00, elders 1,008.00, te_financieren 6,804.00, tariff
//!   6,804 / 20,000 = 0.3402 → 0.35.
//! - vermeden 2 × 75 % = 1.5 cases: 1,500.00 + 1.5 × 1,000 × 1.1 = 1,650.00 → 3,150.00;
//!   netto 3,150 − 6,804 = −3,654.00; roi −3,654 / 6,804 × 100 = −53.703… → −53.7;
//!   break_even_factor 6,804 / 3,150 = 2.16 → 2.160; netto contante waarde −3,654.00.
//!
//! ## beta (`beta.toml`), no [impact]
//!
//! One group Haven: 5 huisartsen (€ 120), 2 wijkverpleegkundigen (€ 60), 1 consulent (€ 90,
//! elders); 6 meetings of 1.5 h; 8 patients × 0.5 h coordination; one year 2026; 5,000
//! verzekerden.
//!
//! - bijeenkomsten huisarts 6 × 5 × 1.5 = 45 h × 120 = 5,400.00; wijkverpleegkundige 6 × 2 ×
//!   1.5 = 18 h × 60 = 1,080.00; consulent 9 h × 90 = 810.00 (elders); coordinatie huisarts
//!   8 × 0.5 = 4 h × 120 = 480.00.
//! - kosten_totaal 7,770.00, elders 810.00, te_financieren 6,960.00, tarief 6,960 / 5,000 =
//!   1.392 → 1.40 (up). The horizon is that one year.
//!
//! ## groepen (`groepen.toml`), no [impact]
//!
//! Rates as alfa; groep[1] Noord 4 / 2 / 1, groep[2] Zuid 5 / 2 / 1; 6 meetings of 1 hour; one
//! year, no indexatie.
//!
//! - Noord: huisarts 24 h 2,400.00, wijkverpleegkundige 12 h 600.00, consulent 6 h 480.00;
//!   Zuid: huisarts 6 × 5 = 30 h 3,000.00, wijkverpleegkundige 600.00, consulent 480.00.
//!
//! The figures of each `--set` and `sweep` variant are worked out next to its test.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// The fixture directory, relative to the crate root (the working directory of [`run`]).
const FIX: &str = "tests/fixtures/analyst";

/// alfa's path, for argument lists built from string slices.
const FIX_ALFA: &str = "tests/fixtures/analyst/alfa.toml";

/// The CSV header of a `batch` row without `--per-jaar`.
const BATCH_HEADER: &str = "bestand,naam,kosten_totaal,elders_gefinancierd,te_financieren,\
                            kostendekkend_tarief,vermeden_kosten,netto,roi_percentage";

/// A fixture's path as given on the command line (relative to the crate root).
fn fx(name: &str) -> String {
    format!("{FIX}/{name}")
}

/// What one run of the binary gave.
#[derive(Debug)]
struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs `patz-calc args…` in `dir` (the crate root when `None`).
fn run_in(dir: Option<&Path>, args: &[&str]) -> Out {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new(env!("CARGO_BIN_EXE_patz-calc"))
        .args(args)
        .current_dir(dir.unwrap_or(root))
        .env_remove("CI")
        .output()
        .expect("the binary runs");
    Out {
        code: out.status.code().expect("an exit code, not a signal"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

/// Runs `patz-calc args…` in the crate root.
fn run(args: &[&str]) -> Out {
    run_in(None, args)
}

/// The data rows of CSV output without quoted cells (none of the fixtures needs quoting), after
/// checking the header.
fn csv_rows(stdout: &str, header: &str) -> Vec<Vec<String>> {
    let mut lines = stdout.lines();
    assert_eq!(lines.next(), Some(header), "CSV header of:\n{stdout}");
    lines
        .map(|l| l.split(',').map(str::to_string).collect())
        .collect()
}

/// `text` with CRLF line ends, as CSV (RFC 4180) is written.
fn crlf(text: impl AsRef<str>) -> String {
    text.as_ref().replace('\n', "\r\n")
}

/// A fresh, empty directory under the system temp dir, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> TempDir {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let dir = std::env::temp_dir().join(format!(
            "patz-calc-analyst-{tag}-{}-{}-{nanos}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&dir).expect("create temp dir");
        TempDir(dir)
    }

    fn path(&self) -> &Path {
        &self.0
    }

    /// Copies fixture `name` to `rel` inside this directory (creating folders).
    fn copy_fixture(&self, name: &str, rel: &str) {
        let target = self.0.join(rel);
        std::fs::create_dir_all(target.parent().expect("a parent")).expect("create folders");
        let source = Path::new(env!("CARGO_MANIFEST_DIR")).join(FIX).join(name);
        std::fs::copy(source, target).expect("copy fixture");
    }

    /// The names of the entries directly in this directory, sorted.
    fn entries(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(&self.0)
            .expect("read temp dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The tree `boom/` used by the batch tests: two valid files and one invalid file in nested
/// folders, plus a file that is not a scenario. Path order (oost/beta before west/alfa) differs
/// from name order (Alfa before Beta).
fn batch_tree() -> TempDir {
    let t = TempDir::new("batch");
    t.copy_fixture("beta.toml", "boom/oost/beta.toml");
    t.copy_fixture("alfa.toml", "boom/west/alfa.toml");
    t.copy_fixture("kapot.toml", "boom/west/diep/kapot.toml");
    std::fs::write(t.path().join("boom/notities.txt"), "geen scenario\n").expect("write");
    t
}

// ---------------------------------------------------------------------------------------------
// batch
// ---------------------------------------------------------------------------------------------

#[test]
fn batch_over_a_tree_gives_rows_for_the_valid_files_in_path_order_and_exits_2() {
    let t = batch_tree();
    let out = run_in(Some(t.path()), &["batch", "boom", "--format", "csv"]);
    assert_eq!(out.code, 2, "{out:?}");
    // Rows: beta then alfa (sorted by path: boom/oost < boom/west), the horizon figures from the
    // hand arithmetic at the top; beta has no [impact], so its last three cells are empty.
    // kapot.toml (zero verzekerden) and notities.txt get no row.
    assert_eq!(
        out.stdout,
        crlf(format!(
            "{BATCH_HEADER}\n\
             boom/oost/beta.toml,Beta,7770.00,810.00,6960.00,1.40,,,\n\
             boom/west/alfa.toml,Alfa,7308.00,1008.00,6300.00,0.32,2100.00,-4200.00,-66.7\n"
        ))
    );
    // The invalid file is named with line, column and field path.
    assert!(
        out.stderr.contains(
            "boom/west/diep/kapot.toml:8:15: fout: scenario.verzekerden: moet een geheel getal \
             groter dan 0 zijn (gevonden: 0)"
        ),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("boom/west/diep/kapot.toml: 1 fout gevonden; er is niets berekend"),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains("notities.txt"), "{}", out.stderr);
    assert!(!out.stderr.contains("beta.toml"), "{}", out.stderr);
    assert!(
        out.stderr
            .ends_with("1 van de 3 bestanden ongeldig; die hebben geen rij\n"),
        "{}",
        out.stderr
    );
}

#[test]
fn batch_per_jaar_gives_a_row_per_year_and_a_totaal_row_per_file() {
    let out = run(&[
        "batch",
        "--per-jaar",
        "--format",
        "csv",
        &fx("beta.toml"),
        &fx("alfa.toml"),
    ]);
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(out.stderr, "");
    // Sorted by path: alfa.toml before beta.toml, whatever the order on the command line.
    // alfa 2026 / 2027 / totaal and beta 2026 / totaal, figures from the hand arithmetic.
    let a = fx("alfa.toml");
    let b = fx("beta.toml");
    assert_eq!(
        out.stdout,
        crlf(format!(
            "bestand,naam,jaar,kosten_totaal,elders_gefinancierd,te_financieren,\
             kostendekkend_tarief,vermeden_kosten,netto,roi_percentage\n\
             {a},Alfa,2026,3480.00,480.00,3000.00,0.30,1000.00,-2000.00,-66.7\n\
             {a},Alfa,2027,3828.00,528.00,3300.00,0.33,1100.00,-2200.00,-66.7\n\
             {a},Alfa,totaal,7308.00,1008.00,6300.00,0.32,2100.00,-4200.00,-66.7\n\
             {b},Beta,2026,7770.00,810.00,6960.00,1.40,,,\n\
             {b},Beta,totaal,7770.00,810.00,6960.00,1.40,,,\n"
        ))
    );
}

#[test]
fn batch_json_is_an_array_with_one_object_per_row() {
    let t = batch_tree();
    let out = run_in(Some(t.path()), &["batch", "boom", "--format", "json"]);
    assert_eq!(out.code, 2, "{out:?}");
    let v: Value = serde_json::from_str(&out.stdout).expect("batch JSON parses");
    let rows = v.as_array().expect("an array");
    assert_eq!(rows.len(), 2, "{v:#}");
    // Same figures as the CSV, amounts as decimal strings, missing impact figures null.
    assert_eq!(
        rows[0],
        serde_json::json!({
            "bestand": "boom/oost/beta.toml",
            "naam": "Beta",
            "kosten_totaal": "7770.00",
            "elders_gefinancierd": "810.00",
            "te_financieren": "6960.00",
            "kostendekkend_tarief": "1.40",
            "vermeden_kosten": null,
            "netto": null,
            "roi_percentage": null,
        })
    );
    assert_eq!(
        rows[1],
        serde_json::json!({
            "bestand": "boom/west/alfa.toml",
            "naam": "Alfa",
            "kosten_totaal": "7308.00",
            "elders_gefinancierd": "1008.00",
            "te_financieren": "6300.00",
            "kostendekkend_tarief": "0.32",
            "vermeden_kosten": "2100.00",
            "netto": "-4200.00",
            "roi_percentage": "-66.7",
        })
    );
}

#[test]
fn batch_per_jaar_json_has_the_year_as_a_number_and_totaal_as_text() {
    let out = run(&["batch", "--per-jaar", "--format", "json", &fx("alfa.toml")]);
    assert_eq!(out.code, 0, "{out:?}");
    let v: Value = serde_json::from_str(&out.stdout).expect("batch JSON parses");
    let rows = v.as_array().expect("an array");
    // alfa: 2026, 2027, totaal.
    let jaren: Vec<&Value> = rows.iter().map(|r| &r["jaar"]).collect();
    assert_eq!(
        jaren,
        [
            &serde_json::json!(2026),
            &serde_json::json!(2027),
            &serde_json::json!("totaal")
        ]
    );
    assert_eq!(rows[1]["te_financieren"], "3300.00");
    assert_eq!(rows[1]["vermeden_kosten"], "1100.00");
}

#[test]
fn batch_output_file_is_written_whole_and_nothing_goes_to_stdout() {
    let t = TempDir::new("batch-out");
    let target = t.path().join("out.csv");
    std::fs::write(&target, "oude inhoud die weg moet\n").expect("write old file");
    let target_arg = target.to_str().expect("UTF-8 temp path");
    let out = run(&[
        "batch",
        &fx("alfa.toml"),
        &fx("beta.toml"),
        "-o",
        target_arg,
    ]);
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(out.stdout, "", "nothing on stdout with -o");
    assert_eq!(out.stderr, "");
    // CSV from the .csv extension; the old content is replaced as a whole.
    let written = std::fs::read_to_string(&target).expect("out.csv exists");
    assert_eq!(
        written,
        crlf(format!(
            "{BATCH_HEADER}\n\
             {},Alfa,7308.00,1008.00,6300.00,0.32,2100.00,-4200.00,-66.7\n\
             {},Beta,7770.00,810.00,6960.00,1.40,,,\n",
            fx("alfa.toml"),
            fx("beta.toml")
        ))
    );
    // Atomic: written beside the target and renamed into place, so no temporary file is left.
    assert_eq!(t.entries(), ["out.csv"]);
}

#[test]
fn batch_with_a_failed_expectation_and_no_invalid_file_exits_3_after_all_rows() {
    let out = run(&[
        "batch",
        "--format",
        "csv",
        &fx("beta.toml"),
        &fx("verwachting-gemist.toml"),
    ]);
    assert_eq!(out.code, 3, "{out:?}");
    // Both rows are written: verwachting-gemist is alfa with expectations added.
    assert_eq!(
        out.stdout,
        crlf(format!(
            "{BATCH_HEADER}\n\
             {},Beta,7770.00,810.00,6960.00,1.40,,,\n\
             {},Alfa,7308.00,1008.00,6300.00,0.32,2100.00,-4200.00,-66.7\n",
            fx("beta.toml"),
            fx("verwachting-gemist.toml")
        ))
    );
    // te_financieren 6,300.00 against max 6,000: 300.00 too high (see the expectation tests).
    assert!(
        out.stderr.contains(&format!(
            "{}:76:1: verwachting niet gehaald: verwachting[1]: te_financieren",
            fx("verwachting-gemist.toml")
        )),
        "{}",
        out.stderr
    );
    assert!(
        !out.stderr.contains("ongeldig"),
        "no file is invalid: {}",
        out.stderr
    );
}

#[test]
fn batch_with_an_invalid_file_exits_2_even_when_an_expectation_fails_too() {
    let out = run(&[
        "batch",
        "--format",
        "csv",
        &fx("kapot.toml"),
        &fx("verwachting-gemist.toml"),
    ]);
    assert_eq!(
        out.code, 2,
        "invalid input wins over a failed expectation: {out:?}"
    );
    assert_eq!(
        out.stdout.lines().count(),
        2,
        "header + the valid file's row"
    );
    assert!(
        out.stderr.contains("verwachting niet gehaald"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("1 van de 2 bestanden ongeldig; die hebben geen rij"),
        "{}",
        out.stderr
    );
}

#[test]
fn batch_counts_warnings_and_shows_them_with_waarschuwingen() {
    // 7 meetings instead of 6 gives one warning per group (2 groups). The row: every participant
    // now has 7 hours: Noord 28 h × 100 = 2,800 + 14 h × 50 = 700 + 7 h × 80 = 560 (elders);
    // Zuid 35 h × 100 = 3,500 + 700 + 560 (elders). kosten_totaal 8,820.00, elders 1,120.00,
    // te_financieren 7,700.00, tarief 7,700 / 10,000 = 0.77.
    let g = fx("groepen.toml");
    let args = [
        "batch",
        "--format",
        "csv",
        "--set",
        "werkwijze.bijeenkomsten_per_jaar=7",
        g.as_str(),
    ];
    let quiet = run(&args);
    assert_eq!(quiet.code, 0, "{quiet:?}");
    assert_eq!(
        quiet.stdout,
        crlf(format!(
            "{BATCH_HEADER}\n{g},Groepen,8820.00,1120.00,7700.00,0.77,,,\n"
        ))
    );
    assert_eq!(
        quiet.stderr,
        "2 waarschuwing(en) in 1 bestand(en); toon ze met --waarschuwingen of patz-calc check \
         BESTAND\n"
    );
    let mut loud_args = args.to_vec();
    loud_args.insert(1, "--waarschuwingen");
    let loud = run(&loud_args);
    assert_eq!(loud.code, 0, "{loud:?}");
    assert_eq!(loud.stdout, quiet.stdout);
    assert_eq!(
        loud.stderr,
        format!(
            "{g}:21:1: waarschuwing: groep[1].bijeenkomsten_per_jaar: groep 'Noord' komt 7 keer \
             per jaar bijeen; de PaTz-werkwijze gaat uit van 6\n\
             {g}:25:1: waarschuwing: groep[2].bijeenkomsten_per_jaar: groep 'Zuid' komt 7 keer \
             per jaar bijeen; de PaTz-werkwijze gaat uit van 6\n"
        )
    );
}

// ---------------------------------------------------------------------------------------------
// compare
// ---------------------------------------------------------------------------------------------

const COMPARE_HEADER: &str = "grootheid,bestand,naam,waarde,verschil,verschil_percentage";

#[test]
fn compare_gives_differences_and_percentages_against_the_first_file() {
    let a = fx("alfa.toml");
    let p = fx("alfa-plus.toml");
    let out = run(&["compare", &a, &p, "--format", "csv"]);
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(out.stderr, "");
    // Reference alfa; for each figure first alfa (difference 0), then alfa plus:
    // kosten_totaal 7,812 − 7,308 = 504.00; 504 / 7,308 × 100 = 6.896… → 6.9
    // elders 1,008 − 1,008 = 0.00; 0.0
    // te_financieren 6,804 − 6,300 = 504.00; 504 / 6,300 × 100 = 8.0
    // kostendekkend_tarief 0.35 − 0.32 = 0.03; 0.03 / 0.32 × 100 = 9.375 → 9.4
    // vermeden_kosten 3,150 − 2,100 = 1,050.00; 50.0
    // The percentage is taken against the size of the reference (|reference|), so that an
    // improvement of a negative figure is positive:
    // netto −3,654 − (−4,200) = 546.00; 546 / |−4,200| × 100 = 13.0
    // roi −53.7 − (−66.7) = 13.0 (points); 13.0 / |−66.7| × 100 = 19.490… → 19.5
    // break_even_factor 2.160 − 3.000 = −0.840; −0.84 / 3 × 100 = −28.0
    // netto_contante_waarde as netto: 546.00, 13.0
    // post.bijeenkomsten (the only post with an amount): alfa 2,400 + 600 + 480 + 2,640 + 660 +
    // 528 = 7,308.00, alfa plus 7,812.00 (all its lines): 504.00, 6.9.
    let expected = format!(
        "{COMPARE_HEADER}\n\
         kosten_totaal,{a},Alfa,7308.00,0.00,0.0\n\
         kosten_totaal,{p},Alfa plus,7812.00,504.00,6.9\n\
         elders_gefinancierd,{a},Alfa,1008.00,0.00,0.0\n\
         elders_gefinancierd,{p},Alfa plus,1008.00,0.00,0.0\n\
         te_financieren,{a},Alfa,6300.00,0.00,0.0\n\
         te_financieren,{p},Alfa plus,6804.00,504.00,8.0\n\
         kostendekkend_tarief,{a},Alfa,0.32,0.00,0.0\n\
         kostendekkend_tarief,{p},Alfa plus,0.35,0.03,9.4\n\
         vermeden_kosten,{a},Alfa,2100.00,0.00,0.0\n\
         vermeden_kosten,{p},Alfa plus,3150.00,1050.00,50.0\n\
         netto,{a},Alfa,-4200.00,0.00,0.0\n\
         netto,{p},Alfa plus,-3654.00,546.00,13.0\n\
         roi_percentage,{a},Alfa,-66.7,0.0,0.0\n\
         roi_percentage,{p},Alfa plus,-53.7,13.0,19.5\n\
         break_even_factor,{a},Alfa,3.000,0.000,0.0\n\
         break_even_factor,{p},Alfa plus,2.160,-0.840,-28.0\n\
         netto_contante_waarde,{a},Alfa,-4200.00,0.00,0.0\n\
         netto_contante_waarde,{p},Alfa plus,-3654.00,546.00,13.0\n\
         post.bijeenkomsten,{a},Alfa,7308.00,0.00,0.0\n\
         post.bijeenkomsten,{p},Alfa plus,7812.00,504.00,6.9\n"
    );
    assert_eq!(out.stdout, crlf(expected));
}

#[test]
fn compare_with_reference_measures_against_the_chosen_file() {
    let a = fx("alfa.toml");
    let p = fx("alfa-plus.toml");
    let out = run(&["compare", &a, &p, "--reference", &p, "--format", "csv"]);
    assert_eq!(out.code, 0, "{out:?}");
    // Reference alfa plus; alfa's differences (files keep their order):
    // kosten_totaal 7,308 − 7,812 = −504.00; −504 / 7,812 × 100 = −6.45… → −6.5
    // te_financieren −504.00; −504 / 6,804 × 100 = −7.40… → −7.4
    // kostendekkend_tarief 0.32 − 0.35 = −0.03; −0.03 / 0.35 × 100 = −8.57… → −8.6
    // vermeden_kosten 2,100 − 3,150 = −1,050.00; −33.33… → −33.3
    // netto −4,200 − (−3,654) = −546.00; −546 / |−3,654| × 100 = −14.94… → −14.9
    // roi −66.7 − (−53.7) = −13.0; −13.0 / |−53.7| × 100 = −24.20… → −24.2
    // break_even_factor 3.000 − 2.160 = 0.840; 0.84 / 2.16 × 100 = 38.88… → 38.9
    let rows = csv_rows(&out.stdout, COMPARE_HEADER);
    let of = |grootheid: &str, bestand: &str| -> Vec<String> {
        rows.iter()
            .find(|r| r[0] == grootheid && r[1] == bestand)
            .unwrap_or_else(|| panic!("no row {grootheid} {bestand} in\n{}", out.stdout))
            .clone()
    };
    let cells = |r: Vec<String>| (r[3].clone(), r[4].clone(), r[5].clone());
    let t = |a: &str, b: &str, c: &str| (a.to_string(), b.to_string(), c.to_string());
    assert_eq!(
        cells(of("kosten_totaal", &a)),
        t("7308.00", "-504.00", "-6.5")
    );
    assert_eq!(cells(of("kosten_totaal", &p)), t("7812.00", "0.00", "0.0"));
    assert_eq!(
        cells(of("elders_gefinancierd", &a)),
        t("1008.00", "0.00", "0.0")
    );
    assert_eq!(
        cells(of("te_financieren", &a)),
        t("6300.00", "-504.00", "-7.4")
    );
    assert_eq!(
        cells(of("kostendekkend_tarief", &a)),
        t("0.32", "-0.03", "-8.6")
    );
    assert_eq!(
        cells(of("vermeden_kosten", &a)),
        t("2100.00", "-1050.00", "-33.3")
    );
    assert_eq!(cells(of("netto", &a)), t("-4200.00", "-546.00", "-14.9"));
    assert_eq!(
        cells(of("roi_percentage", &a)),
        t("-66.7", "-13.0", "-24.2")
    );
    assert_eq!(
        cells(of("break_even_factor", &a)),
        t("3.000", "0.840", "38.9")
    );
    assert_eq!(
        cells(of("netto_contante_waarde", &a)),
        t("-4200.00", "-546.00", "-14.9")
    );
    assert_eq!(
        cells(of("post.bijeenkomsten", &a)),
        t("7308.00", "-504.00", "-6.5")
    );
    // The file order is kept: alfa's row comes first.
    assert_eq!(rows[0][1], a);
    assert_eq!(rows.len(), 20);
}

#[test]
fn compare_json_names_the_reference() {
    let a = fx("alfa.toml");
    let p = fx("alfa-plus.toml");
    let out = run(&["compare", &a, &p, "--reference", &p, "--format", "json"]);
    assert_eq!(out.code, 0, "{out:?}");
    let v: Value = serde_json::from_str(&out.stdout).expect("compare JSON parses");
    assert_eq!(v["referentie"], p.as_str());
    let first = &v["grootheden"][0];
    assert_eq!(first["grootheid"], "kosten_totaal");
    // As in the CSV test: alfa 7,308.00, −504.00, −6.5 against alfa plus.
    assert_eq!(
        first["scenarios"][0],
        serde_json::json!({
            "bestand": a,
            "naam": "Alfa",
            "waarde": "7308.00",
            "verschil": "-504.00",
            "verschil_percentage": "-6.5",
        })
    );
}

#[test]
fn compare_with_an_invalid_file_prints_nothing_and_exits_2() {
    let out = run(&[
        "compare",
        &fx("alfa.toml"),
        &fx("kapot.toml"),
        "--format",
        "csv",
    ]);
    assert_eq!(out.code, 2, "{out:?}");
    assert_eq!(out.stdout, "");
    assert!(
        out.stderr.contains(&format!(
            "{}:8:15: fout: scenario.verzekerden",
            fx("kapot.toml")
        )),
        "{}",
        out.stderr
    );
}

#[test]
fn compare_reports_failed_expectations_of_every_file() {
    let out = run(&[
        "compare",
        &fx("verwachting-gemist.toml"),
        &fx("verwachting-roi.toml"),
        "--format",
        "csv",
    ]);
    assert_eq!(out.code, 3, "{out:?}");
    assert!(
        out.stderr.contains(&format!(
            "{}:76:1: verwachting niet gehaald",
            fx("verwachting-gemist.toml")
        )),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains(&format!(
            "{}:76:1: verwachting niet gehaald",
            fx("verwachting-roi.toml")
        )),
        "{}",
        out.stderr
    );
}

// ---------------------------------------------------------------------------------------------
// --set
// ---------------------------------------------------------------------------------------------

const COST_HEADER: &str = "jaar,groep,post,rol,uren,bedrag,financiering";

#[test]
fn set_changes_a_rate_and_the_line_amount_follows() {
    let out = run(&[
        "--set",
        "uurtarieven.huisarts=110",
        "cost",
        &fx("alfa.toml"),
        "--format",
        "csv",
    ]);
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(out.stderr, "");
    // huisarts € 110: 2026 24 h × 110 = 2,640.00; 2027 24 h × 110 × 1.1 = 2,904.00. The other
    // lines are alfa's.
    assert_eq!(
        out.stdout,
        crlf(format!(
            "{COST_HEADER}\n\
             2026,Noord,bijeenkomsten,huisarts,24.00,2640.00,tapas\n\
             2026,Noord,bijeenkomsten,wijkverpleegkundige,12.00,600.00,tapas\n\
             2026,Noord,bijeenkomsten,consulent,6.00,480.00,elders\n\
             2027,Noord,bijeenkomsten,huisarts,24.00,2904.00,tapas\n\
             2027,Noord,bijeenkomsten,wijkverpleegkundige,12.00,660.00,tapas\n\
             2027,Noord,bijeenkomsten,consulent,6.00,528.00,elders\n"
        ))
    );
}

#[test]
fn set_reads_a_value_exactly_as_toml_whether_float_or_quoted_string() {
    // huisarts 116.35: Noord 24 h × 116.35 = 2,792.40; Zuid 30 h × 116.35 = 3,490.50.
    for value in ["116.35", "\"116.35\""] {
        let set = format!("uurtarieven.huisarts={value}");
        let out = run(&[
            "cost",
            &fx("groepen.toml"),
            "--format",
            "csv",
            "--set",
            &set,
        ]);
        assert_eq!(out.code, 0, "{set}: {out:?}");
        let rows = csv_rows(&out.stdout, COST_HEADER);
        let huisarts: Vec<(&str, &str)> = rows
            .iter()
            .filter(|r| r[3] == "huisarts")
            .map(|r| (r[1].as_str(), r[5].as_str()))
            .collect();
        assert_eq!(
            huisarts,
            [("Noord", "2792.40"), ("Zuid", "3490.50")],
            "{set}"
        );
    }
}

#[test]
fn set_changes_a_group_by_index_counted_from_one() {
    let out = run(&[
        "cost",
        &fx("groepen.toml"),
        "--format",
        "csv",
        "--set",
        "groep[2].deelnemers.huisarts=8",
    ]);
    assert_eq!(out.code, 0, "{out:?}");
    // groep[2] is Zuid: 6 × 8 × 1 = 48 h × 100 = 4,800.00; Noord keeps 24 h, 2,400.00.
    assert_eq!(
        out.stdout,
        crlf(format!(
            "{COST_HEADER}\n\
             2026,Noord,bijeenkomsten,huisarts,24.00,2400.00,tapas\n\
             2026,Noord,bijeenkomsten,wijkverpleegkundige,12.00,600.00,tapas\n\
             2026,Noord,bijeenkomsten,consulent,6.00,480.00,elders\n\
             2026,Zuid,bijeenkomsten,huisarts,48.00,4800.00,tapas\n\
             2026,Zuid,bijeenkomsten,wijkverpleegkundige,12.00,600.00,tapas\n\
             2026,Zuid,bijeenkomsten,consulent,6.00,480.00,elders\n"
        ))
    );
}

#[test]
fn set_changes_a_group_by_name() {
    let out = run(&[
        "cost",
        &fx("groepen.toml"),
        "--format",
        "csv",
        "--set",
        "groep[Noord].duur_uren=2",
    ]);
    assert_eq!(out.code, 0, "{out:?}");
    // Noord meets 2 hours: huisarts 6 × 4 × 2 = 48 h × 100 = 4,800.00; wijkverpleegkundige
    // 6 × 2 × 2 = 24 h × 50 = 1,200.00; consulent 12 h × 80 = 960.00. Zuid keeps 1 hour.
    assert_eq!(
        out.stdout,
        crlf(format!(
            "{COST_HEADER}\n\
             2026,Noord,bijeenkomsten,huisarts,48.00,4800.00,tapas\n\
             2026,Noord,bijeenkomsten,wijkverpleegkundige,24.00,1200.00,tapas\n\
             2026,Noord,bijeenkomsten,consulent,12.00,960.00,elders\n\
             2026,Zuid,bijeenkomsten,huisarts,30.00,3000.00,tapas\n\
             2026,Zuid,bijeenkomsten,wijkverpleegkundige,12.00,600.00,tapas\n\
             2026,Zuid,bijeenkomsten,consulent,6.00,480.00,elders\n"
        ))
    );
}

#[test]
fn set_of_an_unknown_key_is_reported_as_unknown_with_a_hint() {
    let g = fx("groepen.toml");
    let out = run(&[
        "cost",
        &g,
        "--format",
        "csv",
        "--set",
        "werkwijze.bijeenkomsten=6",
    ]);
    assert_eq!(out.code, 2, "{out:?}");
    assert_eq!(out.stdout, "");
    // The new key has no place in the file: the message names the --set it came from.
    assert_eq!(
        out.stderr,
        format!(
            "{g}: fout: werkwijze.bijeenkomsten: --set werkwijze.bijeenkomsten=6: onbekende \
             sleutel 'bijeenkomsten'\n    hint: bedoelde je 'bijeenkomsten_per_jaar'?\n\
             {g}: 1 fout gevonden; er is niets berekend\n"
        )
    );
}

#[test]
fn set_of_a_group_that_does_not_exist_is_an_error() {
    let g = fx("groepen.toml");
    for (set, message) in [
        (
            "groep[3].duur_uren=2",
            "fout: groep[3].duur_uren: --set: groep[3] bestaat niet (er zijn er 2)",
        ),
        (
            "groep[Oost].duur_uren=2",
            "fout: groep[Oost].duur_uren: --set: geen groep met de naam 'Oost'",
        ),
    ] {
        let out = run(&["cost", &g, "--format", "csv", "--set", set]);
        assert_eq!(out.code, 2, "{set}: {out:?}");
        assert_eq!(out.stdout, "", "{set}");
        assert!(
            out.stderr.starts_with(&format!("{g}: {message}\n")),
            "{set}: {}",
            out.stderr
        );
    }
}

#[test]
fn set_of_a_bad_value_is_an_error_that_says_it_came_from_set() {
    let g = fx("groepen.toml");
    for (set, message) in [
        // Bare text becomes a string, which is no number. The value has no place in the file
        // (not line 12, where `huisarts = 100` stands): the message names the --set.
        (
            "uurtarieven.huisarts=abc",
            ": fout: uurtarieven.huisarts: --set uurtarieven.huisarts=abc: 'abc' is geen getal\n",
        ),
        // Participant counts are whole numbers.
        (
            "groep[2].deelnemers.huisarts=8.5",
            ": fout: groep[2].deelnemers.huisarts: --set groep[2].deelnemers.huisarts=8.5: moet \
             een geheel getal zijn (gevonden: 8.5)\n",
        ),
        (
            "uurtarieven.huisarts=-5",
            ": fout: uurtarieven.huisarts: --set uurtarieven.huisarts=-5: mag niet negatief zijn \
             (gevonden: -5)\n",
        ),
        // Past the documented bound of € 10.000 per hour.
        (
            "uurtarieven.huisarts=20000",
            ": fout: uurtarieven.huisarts: --set uurtarieven.huisarts=20000: moet tussen 0 en \
             10.000 liggen (€ per uur; gevonden: 20000)\n",
        ),
        // An array's items get their place from the --set text, not from the file (once
        // reported at line 1, column 8).
        (
            "groep[1].deelnemers={ huisarts = 4, wijkverpleegkundige = \"x\" }",
            ": fout: groep[1].deelnemers.wijkverpleegkundige: --set groep[1].deelnemers={ \
             huisarts = 4, wijkverpleegkundige = \"x\" }: 'x' is geen getal\n",
        ),
    ] {
        let out = run(&["cost", &g, "--format", "csv", "--set", set]);
        assert_eq!(out.code, 2, "{set}: {out:?}");
        assert_eq!(out.stdout, "", "{set}");
        assert!(
            out.stderr.starts_with(&format!("{g}{message}")),
            "{set}: {}",
            out.stderr
        );
    }
}

#[test]
fn set_by_name_of_a_bad_value_also_says_it_came_from_set() {
    for (file, set) in [
        ("groepen.toml", "groep[Zuid].deelnemers.huisarts=8.5"),
        ("alfa.toml", "indicator.ic_opname.reductie_percentage=150"),
    ] {
        let out = run(&["cost", &fx(file), "--format", "csv", "--set", set]);
        assert_eq!(out.code, 2, "{set}: {out:?}");
        let first = out.stderr.lines().next().unwrap_or("");
        assert!(
            first.contains(&format!(": --set {set}: ")),
            "{set}: {}",
            out.stderr
        );
    }
}

#[test]
fn set_of_a_misspelt_role_rate_is_not_silently_ignored() {
    let out = run(&[
        "cost",
        &fx("alfa.toml"),
        "--format",
        "csv",
        "--set",
        "uurtarieven.hiusarts=120",
    ]);
    assert!(out.stderr.contains("hiusarts"), "{out:?}");
    assert!(
        out.stderr.contains("huisarts"),
        "a hint naming huisarts: {out:?}"
    );
}

#[test]
fn set_without_equals_sign_is_a_usage_error() {
    for set in ["uurtarieven.huisarts", "=120"] {
        let out = run(&["cost", &fx("alfa.toml"), "--set", set]);
        assert_eq!(out.code, 2, "{set}: {out:?}");
        assert_eq!(out.stdout, "");
        assert_eq!(
            out.stderr,
            format!(
                "fout: --set '{set}': schrijf PAD=WAARDE, bijv. --set uurtarieven.huisarts=120\n"
            )
        );
    }
}

// ---------------------------------------------------------------------------------------------
// sweep
// ---------------------------------------------------------------------------------------------

const SWEEP_HEADER: &str = "parameter,waarde,kosten_totaal,elders_gefinancierd,te_financieren,\
                            kostendekkend_tarief,vermeden_kosten,netto,roi_percentage";

#[test]
fn sweep_gives_one_row_per_value() {
    let out = run(&[
        "sweep",
        &fx("alfa.toml"),
        "--set",
        "uurtarieven.huisarts=100..120:10",
        "--format",
        "csv",
    ]);
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(out.stderr, "");
    // alfa with huisarts rate r: huisarts lines 24 r (2026) + 24 r × 1.1 (2027) = 50.4 r; the
    // other lines stay: wijkverpleegkundige 600 + 660 = 1,260 (tapas), consulent 480 + 528 =
    // 1,008 (elders). vermeden_kosten stays 2,100.00.
    // r = 100: kosten 5,040 + 2,268 = 7,308.00; te_financieren 6,300.00; tarief 0.315 → 0.32;
    //          netto −4,200.00; roi −66.66… → −66.7
    // r = 110: kosten 5,544 + 2,268 = 7,812.00; te_financieren 6,804.00; tarief 0.3402 → 0.35;
    //          netto 2,100 − 6,804 = −4,704.00; roi −4,704 / 6,804 × 100 = −69.13… → −69.1
    // r = 120: kosten 6,048 + 2,268 = 8,316.00; te_financieren 7,308.00; tarief 0.3654 → 0.37;
    //          netto −5,208.00; roi −5,208 / 7,308 × 100 = −71.26… → −71.3
    assert_eq!(
        out.stdout,
        crlf(format!(
            "{SWEEP_HEADER}\n\
             uurtarieven.huisarts,100,7308.00,1008.00,6300.00,0.32,2100.00,-4200.00,-66.7\n\
             uurtarieven.huisarts,110,7812.00,1008.00,6804.00,0.35,2100.00,-4704.00,-69.1\n\
             uurtarieven.huisarts,120,8316.00,1008.00,7308.00,0.37,2100.00,-5208.00,-71.3\n"
        ))
    );
}

#[test]
fn sweep_applies_the_other_set_values_to_every_row() {
    let out = run(&[
        "sweep",
        &fx("alfa.toml"),
        "--set",
        "uurtarieven.huisarts=100..120:10",
        "--set",
        "uurtarieven.wijkverpleegkundige=0",
        "--format",
        "json",
    ]);
    assert_eq!(out.code, 0, "{out:?}");
    // With the wijkverpleegkundige at € 0 only the huisarts lines are financed through TAPA$:
    // te_financieren = 50.4 r = 5,040.00, 5,544.00, 6,048.00; consulent still 1,008.00 elders.
    let v: Value = serde_json::from_str(&out.stdout).expect("sweep JSON parses");
    let rows = v.as_array().expect("an array");
    let got: Vec<(&str, &str, &str)> = rows
        .iter()
        .map(|r| {
            (
                r["waarde"].as_str().unwrap(),
                r["te_financieren"].as_str().unwrap(),
                r["elders_gefinancierd"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("100", "5040.00", "1008.00"),
            ("110", "5544.00", "1008.00"),
            ("120", "6048.00", "1008.00")
        ]
    );
    assert!(
        rows.iter()
            .all(|r| r["parameter"] == "uurtarieven.huisarts")
    );
}

#[test]
fn sweep_without_a_range_is_a_usage_error() {
    for extra in [&[][..], &["--set", "uurtarieven.huisarts=120"][..]] {
        let mut args = vec!["sweep", FIX_ALFA];
        args.extend_from_slice(extra);
        let out = run(&args);
        assert_eq!(out.code, 2, "{args:?}: {out:?}");
        assert_eq!(out.stdout, "");
        assert_eq!(
            out.stderr,
            "fout: geef één reeks met --set PAD=VAN..TOT:STAP, bijv. --set \
             uurtarieven.huisarts=100..140:10\n"
        );
    }
}

#[test]
fn sweep_with_a_bad_range_says_why_and_exits_2() {
    for (range, message) in [
        (
            "120..100:10",
            "reeks '120..100:10': 'tot' is kleiner dan 'van'",
        ),
        (
            "100..120:0",
            "reeks '100..120:0': de stap moet groter dan 0 zijn",
        ),
        (
            "100..120:-5",
            "reeks '100..120:-5': de stap moet groter dan 0 zijn",
        ),
        (
            "100..abc:10",
            "reeks '100..abc:10': tot 'abc' is geen getal",
        ),
    ] {
        let set = format!("uurtarieven.huisarts={range}");
        let out = run(&["sweep", FIX_ALFA, "--set", &set]);
        assert_eq!(out.code, 2, "{range}: {out:?}");
        assert_eq!(out.stdout, "", "{range}");
        assert!(
            out.stderr.starts_with(&format!("fout: {message}")),
            "{range}: {}",
            out.stderr
        );
    }
}

#[test]
fn sweep_with_two_ranges_is_a_usage_error() {
    let out = run(&[
        "sweep",
        FIX_ALFA,
        "--set",
        "uurtarieven.huisarts=100..120:10",
        "--set",
        "werkwijze.duur_uren=1..2:1",
    ]);
    assert_eq!(out.code, 2, "{out:?}");
    assert_eq!(out.stdout, "");
    assert_eq!(
        out.stderr,
        "fout: sweep doorloopt één reeks tegelijk; er zijn er 2\n"
    );
}

#[test]
fn sweep_with_an_invalid_value_in_the_range_prints_no_rows_and_names_the_value() {
    // 5, 5.5, 6, 6.5, 7: the half values are no whole number of meetings.
    let out = run(&[
        "sweep",
        FIX_ALFA,
        "--set",
        "werkwijze.bijeenkomsten_per_jaar=5..7:0.5",
        "--format",
        "csv",
    ]);
    assert_eq!(out.code, 2, "{out:?}");
    assert_eq!(out.stdout, "");
    assert!(
        out.stderr.contains(&format!(
            "werkwijze.bijeenkomsten_per_jaar=5.5: {FIX_ALFA}: fout: \
             werkwijze.bijeenkomsten_per_jaar: --set werkwijze.bijeenkomsten_per_jaar=5.5: moet \
             een geheel getal zijn (gevonden: 5.5)\n"
        )),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("werkwijze.bijeenkomsten_per_jaar=6.5: "),
        "{}",
        out.stderr
    );
}

// ---------------------------------------------------------------------------------------------
// [[verwachting]]
// ---------------------------------------------------------------------------------------------

#[test]
fn expectations_that_hold_exit_0_even_exactly_on_their_bound() {
    // verwachting-gehaald is alfa with: te_financieren ≤ 6,300 (it is 6,300.00: the bound is
    // inclusive); kostendekkend_tarief 2027 between 0.33 and 0.33 (it is 3,300 / 10,000 = 0.33);
    // roi_percentage ≥ −66.7 (it is −66.7).
    let f = fx("verwachting-gehaald.toml");
    for command in ["cost", "business-case", "check"] {
        let out = run(&[command, &f]);
        assert_eq!(out.code, 0, "{command}: {out:?}");
        assert_eq!(out.stderr, "", "{command}");
    }
}

#[test]
fn a_failed_expectation_exits_3_after_the_normal_output_and_names_line_and_difference() {
    let f = fx("verwachting-gemist.toml");
    let out = run(&["business-case", &f, "--format", "csv"]);
    assert_eq!(out.code, 3, "{out:?}");
    // The normal output is still written (alfa's business case from the hand arithmetic).
    assert_eq!(
        out.stdout,
        crlf(
            "jaar,kosten_totaal,elders_gefinancierd,te_financieren,kostendekkend_tarief,\
         vermeden_kosten,netto,roi_percentage\n\
         2026,3480.00,480.00,3000.00,0.30,1000.00,-2000.00,-66.7\n\
         2027,3828.00,528.00,3300.00,0.33,1100.00,-2200.00,-66.7\n\
         totaal,7308.00,1008.00,6300.00,0.32,2100.00,-4200.00,-66.7\n"
        )
    );
    // verwachting[1] (line 76): te_financieren over the horizon 6,300.00 > max 6,000:
    //   300.00 too high.
    // verwachting[2] (line 80): kosten_totaal 7,308.00 ≥ min 7,000 holds: no message.
    // verwachting[3] (line 84): vermeden_kosten 2027 1,100.00 < min 1,500: 400.00 too low.
    assert_eq!(
        out.stderr,
        format!(
            "{f}:76:1: verwachting niet gehaald: verwachting[1]: te_financieren over de looptijd: \
             verwacht ≤ € 6.000,00, uitkomst € 6.300,00, € 300,00 te hoog\n\
             {f}:84:1: verwachting niet gehaald: verwachting[3]: vermeden_kosten in 2027: \
             verwacht ≥ € 1.500,00, uitkomst € 1.100,00, € 400,00 te laag\n"
        )
    );
}

#[test]
fn every_command_checks_the_expectations() {
    let f = fx("verwachting-gemist.toml");
    let cases: [&[&str]; 5] = [
        &["cost", &f, "--format", "csv"],
        &["impact", &f, "--format", "csv"],
        &["offers", &f, "--format", "csv"],
        &["check", &f],
        &["explain", &f, "--format", "csv"],
    ];
    for args in cases {
        let out = run(args);
        assert_eq!(out.code, 3, "{args:?}: {out:?}");
        assert_eq!(
            out.stderr.matches("verwachting niet gehaald").count(),
            2,
            "{args:?}: {}",
            out.stderr
        );
    }
}

#[test]
fn a_failed_expectation_on_a_ratio_shows_a_percentage_without_euro_sign() {
    // roi_percentage −66.7 against min −50: 16.7 too low.
    let f = fx("verwachting-roi.toml");
    let out = run(&["cost", &f, "--format", "csv"]);
    assert_eq!(out.code, 3, "{out:?}");
    assert!(!out.stdout.is_empty());
    assert_eq!(
        out.stderr,
        format!(
            "{f}:76:1: verwachting niet gehaald: verwachting[1]: roi_percentage over de \
             looptijd: verwacht ≥ -50 %, uitkomst -66,7 %, 16,7 % te laag\n"
        )
    );
}

#[test]
fn an_expectation_on_an_impact_figure_without_impact_is_invalid() {
    let f = fx("verwachting-zonder-impact.toml");
    let out = run(&["cost", &f, "--format", "csv"]);
    assert_eq!(out.code, 2, "{out:?}");
    assert_eq!(out.stdout, "");
    // Line 30 is `grootheid = "netto"`, its value in column 13.
    assert_eq!(
        out.stderr,
        format!(
            "{f}:30:13: fout: verwachting[1].grootheid: 'netto' vraagt een [impact]-sectie\n\
             {f}: 1 fout gevonden; er is niets berekend\n"
        )
    );
}

// ---------------------------------------------------------------------------------------------
// completions and man page
// ---------------------------------------------------------------------------------------------

#[test]
fn completions_for_bash_and_zsh_know_the_commands() {
    for shell in ["bash", "zsh"] {
        let out = run(&["completions", shell]);
        assert_eq!(out.code, 0, "{shell}: {}", out.stderr);
        assert_eq!(out.stderr, "", "{shell}");
        assert!(!out.stdout.trim().is_empty(), "{shell}");
        for word in ["business-case", "batch", "sweep", "--set"] {
            assert!(out.stdout.contains(word), "{shell} completion lacks {word}");
        }
    }
}

#[test]
fn completions_for_an_unknown_shell_is_a_usage_error() {
    let out = run(&["completions", "tcsh"]);
    assert_eq!(out.code, 2, "{out:?}");
    assert_eq!(out.stdout, "");
    assert!(
        out.stderr
            .starts_with("fout: ongeldige waarde 'tcsh' voor <SHELL>; kies uit: bash, elvish, fish, powershell, zsh\n"),
        "{}",
        out.stderr
    );
}

#[test]
fn manpage_is_roff_for_patz_calc() {
    let out = run(&["manpage"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stderr, "");
    // roff: requests start with a dot; the title header names the program and section 1.
    assert!(
        out.stdout.starts_with('.'),
        "{}",
        &out.stdout[..80.min(out.stdout.len())]
    );
    assert!(out.stdout.contains(".TH patz-calc 1"), "no .TH header");
    assert!(out.stdout.contains(".SH NAME"));
    // Hyphens are escaped in roff text.
    assert!(out.stdout.contains("business\\-case"));
}
