//! Every shipped scenario in `scenarios/` through `cost`, `impact`, `offers`, `business-case` and
//! `explain` in each format, as snapshots; and the behaviour of the binary around them: output
//! files, byte-identical reruns, the CSV and JSON contracts of docs/rekenregels.md, and `init`.
//!
//! The hand arithmetic behind the businesscase snapshots (`impact`, `offers`, `business-case`,
//! `explain` of `scenarios/grote-regio.toml`) is the comment block at the top of the section
//! "Businesscase commands" below.
//!
//! Runs the real binary (`CARGO_BIN_EXE_patz-calc`) with the crate root as working directory.
//! Temporary files go to a fresh directory under `std::env::temp_dir()`, removed afterwards.
//!
//! # Snapshots checked by hand
//!
//! The snapshots under `tests/cli/snapshots/` were read line by line when they were created, and
//! these figures were compared with the hand arithmetic in `tests/handwerk.md` (the same figures
//! are also asserted from the CSV and JSON output by the tests below, so that a wrongly accepted
//! snapshot still fails):
//!
//! `scenarios/kleine-regio.toml`, year 2026 (table, csv, csv-nl and json snapshots):
//! - all 29 line items of 2026 (handwerk §1 tables): Dorpen Oost 9,477.00 / 3,578.18 /
//!   1,516.73 (the half-away tie; banker's would give 1,516.72) / 702.00 / 1,404.00 / 898.80 /
//!   450.00 / 240.00; Stad Centrum 11,056.50 / 3,578.18 / 1,516.73 / 702.00 / 1,638.00 / 898.80 /
//!   450.00 / 240.00; Stad Zuid 7,897.50 / 2,385.45 / 1,516.73 / 702.00 / 1,170.00 / 898.80 /
//!   450.00 / 240.00 / startkosten 1,500.00 / scholing 2,400.00; projectleiding 7,600.00,
//!   monitoring 1,500.00, overhead 3,330.37; hours 81.00, 40.50, 13.50, 6.00, 12.00, 8.00 etc.;
//! - group subtotals 18,266.71 / 20,080.21 / 19,160.48 (table "Kosten per groep");
//! - kosten_totaal = te_financieren = 69,937.77, elders 0.00, kostendekkend tarief 1.86 (rounded
//!   UP from 1.8546…);
//! - 2027: wijkverpleegkundige line 3,649.74 (not 3,649.86: the indexed rate is not rounded
//!   first), overhead 3,198.08, kosten_totaal 67,159.62, tarief 1.79; no startkosten/scholing;
//! - 2028 and horizon (reference script figures): 68,502.79, tarief 1.82; totaal 205,600.18,
//!   flat tarief 1.82.
//!
//! `scenarios/elders-gefinancierd.toml`, year 2026 (handwerk §2):
//! - the 26 line items with their financiering: consulent and medisch_specialist lines `elders`
//!   (1,687.50, 2,025.00, telefonische ondersteuning 1,000.00), all others `tapas`;
//! - overhead 2,950.07 (5 % of the TAPA$ lines 59,001.31 only);
//! - elders_gefinancierd 12,112.50, kosten_totaal 74,063.88, te_financieren 61,951.38,
//!   tarief 1.41; every year equal (no indexatie): totaal 222,191.64 / 36,337.50 / 185,854.14,
//!   flat tarief 1.41.
//!
//! `scenarios/contractgesprek.toml` (the additions of the contract talk): the 2026 lines, totals,
//! Zilveren Kruis's netto and the region's tekort by hand in the header of
//! `tests/cli/voorbeelden.rs`, which asserts them from the CLI output; the 2027 and 2028 lines of
//! the cost snapshot spot-checked (Nieuwe Polder huisarts 81 u × 117 × 1,03 = 9.761,31; startkosten
//! 1.545,00; scholing 9 × 300 × 1,03 = 2.781,00; projectleiding 2028 11.400 × 1,0609 = 12.094,26;
//! registratie 2028 150 × 1,0609 = 159,135 → 159,14).
//!
//! `scenarios/grote-regio.toml` (handwerk §3, reference script only, not hand-worked):
//! kosten_totaal 234,816.19 / 287,714.29 / 286,320.27, totaal 808,850.75; tarieven 1.48 / 1.81 /
//! 1.80, flat 1.70; 2027 startkosten Nieuwbouw Noord 1,545.00, scholing 2,781.00 and 3,399.00.
//! Its offers JSON's `verzekeraars` and `regio` (shown for every scenario with insurers): Zilveren
//! Kruis 2026 betaling 1.50 × 71,649 = 107,473.50, vermeden cents(103,269.86 × 45 %) = 46,471.44,
//! netto −61,002.06, ROI −56.8; region 2026 opbrengst 107,473.50 + 40,000.00 + 40,123.44 +
//! 29,455.70 = 217,052.64, tekort 234,816.19 − 217,052.64 = 17,763.55.
//!
//! # Why no `insta::glob!`
//!
//! STYLE.md asks for `insta::glob!` over `scenarios/*.toml`, but that macro needs insta's `glob`
//! feature, which Cargo.toml does not enable. [`each_scenario`] does the same by hand: every
//! `scenarios/*.toml` in name order, one snapshot per file with the file name as suffix
//! (`examples__cost_csv@kleine-regio.toml.snap`), so a new scenario gets its own snapshot.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

/// The crate root: the working directory of every run.
fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `patz-calc` with `args` in `dir`.
fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_patz-calc"))
        .args(args)
        .current_dir(dir)
        .env_remove("CLICOLOR_FORCE")
        .output()
        .expect("patz-calc starts")
}

/// Runs `patz-calc` with `args` in the crate root.
fn run(args: &[&str]) -> Output {
    run_in(root(), args)
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).expect("stderr is UTF-8")
}

/// Runs and asserts success; returns stdout.
fn ok(args: &[&str]) -> String {
    let out = run(args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "patz-calc {args:?} failed:\n{}",
        stderr(&out)
    );
    stdout(&out)
}

/// The shipped scenarios, `scenarios/*.toml`, in name order, as paths relative to the root.
fn scenarios() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root().join("scenarios"))
        .expect("scenarios/ exists")
        .map(|e| e.expect("readable entry").file_name())
        .filter_map(|n| n.into_string().ok())
        .filter(|n| n.ends_with(".toml"))
        .map(|n| format!("scenarios/{n}"))
        .collect();
    names.sort();
    assert!(
        names.len() >= 3,
        "expected the shipped scenarios, found {names:?}"
    );
    names
}

/// Calls `f` for every shipped scenario with insta settings as `insta::glob!` would make them.
fn each_scenario(mut f: impl FnMut(&str)) {
    for path in scenarios() {
        let name = Path::new(&path)
            .file_name()
            .and_then(|n| n.to_str())
            .expect("file name")
            .to_string();
        let mut settings = insta::Settings::clone_current();
        settings.set_snapshot_suffix(name);
        settings.set_input_file(root().join(&path));
        settings.bind(|| f(&path));
    }
}

/// A fresh, empty directory for one test; removed by [`TempDir::drop`].
struct TempDir(PathBuf);

impl TempDir {
    fn new(test: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("patz-calc-cli-{}-{test}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create temp dir");
        TempDir(dir)
    }

    fn path(&self) -> &Path {
        &self.0
    }

    fn join(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }

    fn entries(&self) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(&self.0)
            .expect("read temp dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn p(path: &Path) -> &str {
    path.to_str().expect("UTF-8 temp path")
}

// ---------------------------------------------------------------------------------------------
// Snapshots
// ---------------------------------------------------------------------------------------------

#[test]
fn cost_table_of_every_shipped_scenario_matches_its_snapshot() {
    each_scenario(|path| {
        insta::assert_snapshot!("cost_table", ok(&["cost", path, "--format", "table"]));
    });
}

#[test]
fn cost_csv_of_every_shipped_scenario_matches_its_snapshot() {
    each_scenario(|path| {
        insta::assert_snapshot!("cost_csv", ok(&["cost", path, "--format", "csv"]));
    });
}

#[test]
fn cost_csv_nl_of_every_shipped_scenario_matches_its_snapshot() {
    each_scenario(|path| {
        insta::assert_snapshot!(
            "cost_csv_nl",
            ok(&["cost", path, "--format", "csv", "--csv-nl"])
        );
    });
}

#[test]
fn cost_json_of_every_shipped_scenario_matches_its_snapshot() {
    each_scenario(|path| {
        insta::assert_snapshot!("cost_json", ok(&["cost", path, "--format", "json"]));
    });
}

// ---------------------------------------------------------------------------------------------
// The hand-worked figures, asserted from the CLI output (tests/handwerk.md)
// ---------------------------------------------------------------------------------------------

/// The CSV rows of one year.
fn csv_rows_of_year(csv: &str, jaar: &str) -> Vec<String> {
    csv.lines()
        .filter(|l| l.starts_with(&format!("{jaar},")))
        .map(str::to_string)
        .collect()
}

#[test]
fn kleine_regio_2026_csv_rows_are_the_hand_worked_line_items() {
    let csv = ok(&["cost", "scenarios/kleine-regio.toml", "--format", "csv"]);
    // tests/handwerk.md §1, year 2026, in list order (groups in file order, then regional lines).
    let expected = [
        "2026,Dorpen Oost,bijeenkomsten,huisarts,81.00,9477.00,tapas",
        "2026,Dorpen Oost,bijeenkomsten,wijkverpleegkundige,40.50,3578.18,tapas",
        "2026,Dorpen Oost,bijeenkomsten,consulent,13.50,1516.73,tapas",
        "2026,Dorpen Oost,voorzitter,huisarts,6.00,702.00,tapas",
        "2026,Dorpen Oost,coordinatie,huisarts,12.00,1404.00,tapas",
        "2026,Dorpen Oost,telefonische_ondersteuning,consulent,8.00,898.80,tapas",
        "2026,Dorpen Oost,ict,,,450.00,tapas",
        "2026,Dorpen Oost,huisvesting,,,240.00,tapas",
        "2026,Stad Centrum,bijeenkomsten,huisarts,94.50,11056.50,tapas",
        "2026,Stad Centrum,bijeenkomsten,wijkverpleegkundige,40.50,3578.18,tapas",
        "2026,Stad Centrum,bijeenkomsten,consulent,13.50,1516.73,tapas",
        "2026,Stad Centrum,voorzitter,huisarts,6.00,702.00,tapas",
        "2026,Stad Centrum,coordinatie,huisarts,14.00,1638.00,tapas",
        "2026,Stad Centrum,telefonische_ondersteuning,consulent,8.00,898.80,tapas",
        "2026,Stad Centrum,ict,,,450.00,tapas",
        "2026,Stad Centrum,huisvesting,,,240.00,tapas",
        "2026,Stad Zuid,bijeenkomsten,huisarts,67.50,7897.50,tapas",
        "2026,Stad Zuid,bijeenkomsten,wijkverpleegkundige,27.00,2385.45,tapas",
        "2026,Stad Zuid,bijeenkomsten,consulent,13.50,1516.73,tapas",
        "2026,Stad Zuid,voorzitter,huisarts,6.00,702.00,tapas",
        "2026,Stad Zuid,coordinatie,huisarts,10.00,1170.00,tapas",
        "2026,Stad Zuid,telefonische_ondersteuning,consulent,8.00,898.80,tapas",
        "2026,Stad Zuid,ict,,,450.00,tapas",
        "2026,Stad Zuid,huisvesting,,,240.00,tapas",
        "2026,Stad Zuid,startkosten,,,1500.00,tapas",
        "2026,Stad Zuid,scholing,,,2400.00,tapas",
        "2026,,projectleiding,,80.00,7600.00,tapas",
        "2026,,monitoring,,,1500.00,tapas",
        "2026,,overhead,,,3330.37,tapas",
    ];
    assert_eq!(csv_rows_of_year(&csv, "2026"), expected);
    // 2027: the indexed wijkverpleegkundige line is 40.5 × 88.35 × 1.02 = 3,649.7385 -> 3,649.74
    // (rounding the indexed rate first would give 3,649.86), and Stad Zuid pays no start costs.
    let rows_2027 = csv_rows_of_year(&csv, "2027");
    assert!(rows_2027.contains(
        &"2027,Dorpen Oost,bijeenkomsten,wijkverpleegkundige,40.50,3649.74,tapas".into()
    ));
    assert!(rows_2027.contains(&"2027,,overhead,,,3198.08,tapas".to_string()));
    assert!(
        !rows_2027
            .iter()
            .any(|r| r.contains(",startkosten,") || r.contains(",scholing,"))
    );
    assert_eq!(
        rows_2027.len(),
        27,
        "2027: 3 × 8 group lines + 3 regional lines"
    );
}

#[test]
fn elders_gefinancierd_2026_csv_rows_are_the_hand_worked_line_items() {
    let csv = ok(&[
        "cost",
        "scenarios/elders-gefinancierd.toml",
        "--format",
        "csv",
    ]);
    // tests/handwerk.md §2, year 2026.
    let expected = [
        "2026,Rivierland,bijeenkomsten,huisarts,94.50,11056.50,tapas",
        "2026,Rivierland,bijeenkomsten,wijkverpleegkundige,40.50,3578.18,tapas",
        "2026,Rivierland,bijeenkomsten,consulent,13.50,1687.50,elders",
        "2026,Rivierland,bijeenkomsten,medisch_specialist,13.50,2025.00,elders",
        "2026,Rivierland,voorzitter,huisarts,6.00,702.00,tapas",
        "2026,Rivierland,coordinatie,huisarts,14.00,1638.00,tapas",
        "2026,Rivierland,telefonische_ondersteuning,consulent,8.00,1000.00,elders",
        "2026,Rivierland,ict,,,450.00,tapas",
        "2026,Rivierland,huisvesting,,,240.00,tapas",
        "2026,Heuvelrug,bijeenkomsten,huisarts,108.00,12636.00,tapas",
        "2026,Heuvelrug,bijeenkomsten,wijkverpleegkundige,40.50,3578.18,tapas",
        "2026,Heuvelrug,bijeenkomsten,consulent,13.50,1687.50,elders",
        "2026,Heuvelrug,voorzitter,huisarts,6.00,702.00,tapas",
        "2026,Heuvelrug,coordinatie,huisarts,16.00,1872.00,tapas",
        "2026,Heuvelrug,telefonische_ondersteuning,consulent,8.00,1000.00,elders",
        "2026,Heuvelrug,ict,,,450.00,tapas",
        "2026,Heuvelrug,huisvesting,,,240.00,tapas",
        "2026,Kanaalzone,bijeenkomsten,huisarts,81.00,9477.00,tapas",
        "2026,Kanaalzone,bijeenkomsten,wijkverpleegkundige,27.00,2385.45,tapas",
        "2026,Kanaalzone,bijeenkomsten,consulent,13.50,1687.50,elders",
        "2026,Kanaalzone,bijeenkomsten,medisch_specialist,13.50,2025.00,elders",
        "2026,Kanaalzone,voorzitter,huisarts,6.00,702.00,tapas",
        "2026,Kanaalzone,coordinatie,huisarts,12.00,1404.00,tapas",
        "2026,Kanaalzone,telefonische_ondersteuning,consulent,8.00,1000.00,elders",
        "2026,Kanaalzone,ict,,,450.00,tapas",
        "2026,Kanaalzone,huisvesting,,,240.00,tapas",
        "2026,,projectleiding,,60.00,5700.00,tapas",
        "2026,,monitoring,,,1500.00,tapas",
        "2026,,overhead,,,2950.07,tapas",
    ];
    assert_eq!(csv_rows_of_year(&csv, "2026"), expected);
}

/// The four totals of a JSON year or `totaal` object, as strings.
fn totals(v: &Value) -> [&str; 4] {
    [
        "kosten_totaal",
        "elders_gefinancierd",
        "te_financieren",
        "kostendekkend_tarief",
    ]
    .map(|k| {
        v[k].as_str()
            .unwrap_or_else(|| panic!("{k} is a string in {v}"))
    })
}

fn cost_json(path: &str) -> Value {
    serde_json::from_str(&ok(&["cost", path, "--format", "json"])).expect("cost JSON parses")
}

#[test]
fn kleine_regio_json_totals_are_the_hand_worked_ones() {
    let v = cost_json("scenarios/kleine-regio.toml");
    let jaren = v["jaren"].as_array().expect("jaren");
    // handwerk §1: 2026 and 2027 by hand, 2028 and the horizon from the reference script.
    assert_eq!(jaren[0]["jaar"], 2026);
    assert_eq!(totals(&jaren[0]), ["69937.77", "0.00", "69937.77", "1.86"]);
    assert_eq!(totals(&jaren[1]), ["67159.62", "0.00", "67159.62", "1.79"]);
    assert_eq!(totals(&jaren[2]), ["68502.79", "0.00", "68502.79", "1.82"]);
    assert_eq!(
        totals(&v["totaal"]),
        ["205600.18", "0.00", "205600.18", "1.82"]
    );
}

#[test]
fn elders_gefinancierd_json_totals_are_the_hand_worked_ones() {
    let v = cost_json("scenarios/elders-gefinancierd.toml");
    let jaren = v["jaren"].as_array().expect("jaren");
    assert_eq!(jaren.len(), 3);
    // handwerk §2: without indexation every year equals 2026.
    for j in jaren {
        assert_eq!(totals(j), ["74063.88", "12112.50", "61951.38", "1.41"]);
    }
    assert_eq!(
        totals(&v["totaal"]),
        ["222191.64", "36337.50", "185854.14", "1.41"]
    );
}

// ---------------------------------------------------------------------------------------------
// Output contracts (docs/rekenregels.md)
// ---------------------------------------------------------------------------------------------

#[test]
fn the_same_input_gives_byte_identical_output_in_every_format() {
    for path in scenarios() {
        for extra in [
            &["--format", "table"][..],
            &["--format", "csv"],
            &["--format", "csv", "--csv-nl"],
            &["--format", "json"],
        ] {
            let args: Vec<&str> = ["cost", path.as_str()]
                .iter()
                .chain(extra)
                .copied()
                .collect();
            let first = run(&args);
            let second = run(&args);
            assert_eq!(first.status.code(), Some(0), "{args:?}");
            assert!(!first.stdout.is_empty(), "{args:?}");
            assert_eq!(
                first.stdout, second.stdout,
                "stdout differs between runs of {args:?}"
            );
            assert_eq!(
                first.stderr, second.stderr,
                "stderr differs between runs of {args:?}"
            );
        }
    }
}

#[test]
fn csv_header_is_exactly_the_stable_column_list() {
    for path in scenarios() {
        let csv = ok(&["cost", &path, "--format", "csv"]);
        assert!(
            csv.starts_with("jaar,groep,post,rol,uren,bedrag,financiering\r\n"),
            "{path}: {:?}",
            csv.lines().next()
        );
    }
}

#[test]
fn csv_rows_are_crlf_terminated_with_seven_cells_and_tapas_or_elders() {
    for path in scenarios() {
        let csv = ok(&["cost", &path, "--format", "csv"]);
        assert!(csv.ends_with("\r\n"), "{path}: RFC 4180 line ends");
        for line in csv.split("\r\n").skip(1).filter(|l| !l.is_empty()) {
            assert!(!line.contains('\n'), "{path}: bare LF in {line:?}");
            // No text cell in the shipped scenarios contains a comma or quote.
            let cells: Vec<&str> = line.split(',').collect();
            assert_eq!(cells.len(), 7, "{path}: {line}");
            assert!(matches!(cells[6], "tapas" | "elders"), "{path}: {line}");
            let bedrag = cells[5];
            assert!(
                bedrag.split_once('.').is_some_and(|(_, d)| d.len() == 2),
                "{path}: amount with two decimals: {line}"
            );
            assert!(!bedrag.contains('€'), "{path}: no currency sign: {line}");
        }
    }
}

#[test]
fn csv_nl_uses_semicolons_and_decimal_commas() {
    let nl = ok(&[
        "cost",
        "scenarios/kleine-regio.toml",
        "--format",
        "csv",
        "--csv-nl",
    ]);
    // A UTF-8 byte-order mark first, so that Excel on Windows reads the names right.
    let nl = nl
        .strip_prefix('\u{FEFF}')
        .expect("--csv-nl starts with a byte-order mark");
    let mut lines = nl.split("\r\n");
    assert_eq!(
        lines.next(),
        Some("jaar;groep;post;rol;uren;bedrag;financiering")
    );
    // handwerk §1: the first lines of Dorpen Oost, with decimal commas.
    assert_eq!(
        lines.next(),
        Some("2026;Dorpen Oost;bijeenkomsten;huisarts;81,00;9477,00;tapas")
    );
    assert_eq!(
        lines.next(),
        Some("2026;Dorpen Oost;bijeenkomsten;wijkverpleegkundige;40,50;3578,18;tapas")
    );
    assert!(
        !nl.contains('.'),
        "no decimal point anywhere in --csv-nl output"
    );
    // The same cells as the plain CSV, only with other separators.
    let plain = ok(&["cost", "scenarios/kleine-regio.toml", "--format", "csv"]);
    assert_eq!(nl.replace(',', ".").replace(';', ","), plain);
}

#[test]
fn json_amounts_are_strings_with_two_decimals() {
    fn money(v: &Value, what: &str) {
        let s = v
            .as_str()
            .unwrap_or_else(|| panic!("{what} must be a decimal string, got {v}"));
        let (int, dec) = s.split_once('.').unwrap_or_else(|| panic!("{what}: {s}"));
        assert_eq!(dec.len(), 2, "{what}: {s}");
        assert!(
            int.trim_start_matches('-')
                .chars()
                .all(|c| c.is_ascii_digit())
                && !int.is_empty(),
            "{what}: {s}"
        );
        assert!(dec.chars().all(|c| c.is_ascii_digit()), "{what}: {s}");
    }
    for path in scenarios() {
        let v = cost_json(&path);
        assert!(v["scenario"].is_string(), "{path}: scenario naam");
        let jaren = v["jaren"].as_array().expect("jaren");
        assert!(!jaren.is_empty());
        for j in jaren {
            for k in [
                "kosten_totaal",
                "elders_gefinancierd",
                "te_financieren",
                "kostendekkend_tarief",
            ] {
                money(&j[k], &format!("{path} {} {k}", j["jaar"]));
            }
            for r in j["regels"].as_array().expect("regels") {
                money(&r["bedrag"], &format!("{path} bedrag"));
                if !r["uren"].is_null() {
                    money(&r["uren"], &format!("{path} uren"));
                }
                for k in [
                    "jaar",
                    "groep",
                    "post",
                    "rol",
                    "uren",
                    "bedrag",
                    "financiering",
                ] {
                    assert!(r.get(k).is_some(), "{path}: regel without {k}: {r}");
                }
            }
        }
        for k in [
            "kosten_totaal",
            "elders_gefinancierd",
            "te_financieren",
            "kostendekkend_tarief",
        ] {
            money(&v["totaal"][k], &format!("{path} totaal {k}"));
        }
    }
}

/// Cents of a two-decimal string, exactly (no floats).
fn cents(s: &str) -> i64 {
    let (int, dec) = s.split_once('.').expect("two decimals");
    let neg = int.starts_with('-');
    let v = int.trim_start_matches('-').parse::<i64>().expect("int") * 100
        + dec.parse::<i64>().expect("dec");
    if neg { -v } else { v }
}

#[test]
fn json_totals_are_sums_of_the_rounded_lines() {
    // docs/rekenregels.md: every total is the sum of its rounded lines; checked here with integer cents,
    // independently of the program's own Decimal sums.
    for path in scenarios() {
        let v = cost_json(&path);
        let (mut all, mut elders, mut bijdragen, mut te) = (0, 0, 0, 0);
        for j in v["jaren"].as_array().expect("jaren") {
            let mut kosten = 0;
            let mut elders_j = 0;
            for r in j["regels"].as_array().expect("regels") {
                let c = cents(r["bedrag"].as_str().expect("bedrag"));
                kosten += c;
                if r["financiering"] == "elders" {
                    elders_j += c;
                }
            }
            // `bijdragen` (docs/rekenregels.md § 6.3) only in a scenario with [[bijdrage]].
            let bijdragen_j = j
                .get("bijdragen")
                .map_or(0, |b| cents(b.as_str().expect("bijdragen")));
            let [k, e, t, _] = totals(j).map(|s| s.to_string());
            assert_eq!(cents(&k), kosten, "{path} {}: kosten_totaal", j["jaar"]);
            assert_eq!(cents(&e), elders_j, "{path} {}: elders", j["jaar"]);
            assert_eq!(
                cents(&t),
                kosten - elders_j - bijdragen_j,
                "{path} {}: te_financieren",
                j["jaar"]
            );
            all += kosten;
            elders += elders_j;
            bijdragen += bijdragen_j;
            te += kosten - elders_j - bijdragen_j;
        }
        let [k, e, t, _] = totals(&v["totaal"]).map(|s| s.to_string());
        assert_eq!(
            (cents(&k), cents(&e), cents(&t)),
            (all, elders, te),
            "{path} totaal"
        );
        let bijdragen_totaal = v["totaal"]
            .get("bijdragen")
            .map_or(0, |b| cents(b.as_str().expect("bijdragen")));
        assert_eq!(bijdragen_totaal, bijdragen, "{path} totaal: bijdragen");
    }
}

#[test]
fn output_file_with_json_extension_gets_json_and_stdout_stays_empty() {
    let dir = TempDir::new("output-json");
    let target = dir.join("kosten.json");
    let out = run(&[
        "cost",
        "scenarios/elders-gefinancierd.toml",
        "-o",
        p(&target),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stdout.is_empty(), "nothing on stdout with -o");
    let written = std::fs::read(&target).expect("output file written");
    let v: Value = serde_json::from_slice(&written).expect("the file is JSON");
    assert_eq!(
        totals(&v["totaal"]),
        ["222191.64", "36337.50", "185854.14", "1.41"]
    );
    // Byte for byte what --format json prints, and no temporary file left beside it.
    let printed = run(&[
        "cost",
        "scenarios/elders-gefinancierd.toml",
        "--format",
        "json",
    ]);
    assert_eq!(written, printed.stdout);
    assert_eq!(dir.entries(), ["kosten.json"]);
}

#[test]
fn output_file_with_csv_extension_gets_csv() {
    let dir = TempDir::new("output-csv");
    let target = dir.join("kosten.CSV");
    let out = run(&[
        "cost",
        "scenarios/kleine-regio.toml",
        "--output",
        p(&target),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    let written = std::fs::read_to_string(&target).expect("output file written");
    assert_eq!(
        written,
        ok(&["cost", "scenarios/kleine-regio.toml", "--format", "csv"])
    );
}

#[test]
fn an_explicit_format_that_contradicts_the_output_extension_is_a_usage_error() {
    // Issue 15: never the bytes of one format under another's extension (JSON in a .csv).
    let dir = TempDir::new("output-format");
    let target = dir.join("kosten.csv");
    let out = run(&[
        "cost",
        "scenarios/kleine-regio.toml",
        "--format",
        "json",
        "-o",
        p(&target),
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    assert!(!target.exists(), "nothing written");
    assert!(
        stderr(&out).contains("fout: de uitvoer is JSON, maar de bestandsnaam zegt CSV"),
        "{}",
        stderr(&out)
    );
    // Without --format the extension decides, and a generic name takes the explicit format.
    let txt = dir.join("kosten.txt");
    let out = run(&[
        "cost",
        "scenarios/kleine-regio.toml",
        "--format",
        "json",
        "-o",
        p(&txt),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let written = std::fs::read(&txt).expect("output file written");
    serde_json::from_slice::<Value>(&written).expect("--format json in a .txt");
}

#[test]
fn output_dash_means_stdout() {
    let out = run(&[
        "cost",
        "scenarios/kleine-regio.toml",
        "--format",
        "csv",
        "-o",
        "-",
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stdout(&out),
        ok(&["cost", "scenarios/kleine-regio.toml", "--format", "csv"])
    );
}

#[test]
fn invalid_scenario_with_output_file_creates_no_file() {
    let dir = TempDir::new("invalid-no-output");
    let target = dir.join("out.csv");
    let out = run(&[
        "cost",
        "tests/cmd/fixtures/nul-verzekerden.toml",
        "-o",
        p(&target),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(
        stderr(&out).contains("nul-verzekerden.toml:7:15: fout: scenario.verzekerden:"),
        "{}",
        stderr(&out)
    );
    assert!(!target.exists(), "no output file for an invalid scenario");
    assert!(
        dir.entries().is_empty(),
        "no temporary file either: {:?}",
        dir.entries()
    );
}

#[test]
fn calculation_overflow_with_output_file_creates_no_file() {
    // An hourly rate of Decimal::MAX, once valid to read and an overflow of hours × rate in the
    // calculation, is now refused while reading (above € 10.000 per uur); still no output file.
    let dir = TempDir::new("overflow-no-output");
    let target = dir.join("out.json");
    let out = run(&[
        "cost",
        "tests/cmd/fixtures/te-groot-voor-berekening.toml",
        "-o",
        p(&target),
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    assert!(stderr(&out).contains("uurtarieven.huisarts: moet tussen 0 en 10.000 liggen"));
    assert!(dir.entries().is_empty(), "{:?}", dir.entries());
}

#[test]
fn output_into_a_missing_directory_is_an_other_failure_with_exit_1() {
    let dir = TempDir::new("output-missing-dir");
    let target = dir.join("bestaat-niet").join("out.csv");
    let out = run(&["cost", "scenarios/kleine-regio.toml", "-o", p(&target)]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "docs/rekenregels.md: 1 for any other failure"
    );
    assert!(out.stdout.is_empty());
    assert!(stderr(&out).contains("fout: "), "{}", stderr(&out));
    assert!(!target.exists());
}

#[test]
fn non_utf8_file_is_reported_at_line_and_column() {
    // geen-utf8.toml line 4 is `naam = "Regio Zeeuws-Vlaanderen caf\xE9"`: the byte 0xE9 is the
    // 36th character of that line (byte 59 of the file).
    let out = run(&["check", "tests/cmd/fixtures/geen-utf8.toml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("tests/cmd/fixtures/geen-utf8.toml:4:36: fout:"),
        "{}",
        stderr(&out)
    );
}

// ---------------------------------------------------------------------------------------------
// init
// ---------------------------------------------------------------------------------------------

const TEMPLATE: &str = include_str!("../../src/scenario/template.toml");

#[test]
fn init_dash_prints_the_template_on_stdout() {
    let out = run(&["init", "-"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), TEMPLATE);
    assert!(out.stderr.is_empty(), "{}", stderr(&out));
}

#[test]
fn init_writes_a_scenario_that_passes_check() {
    let dir = TempDir::new("init-check");
    let target = dir.join("mijn-regio.toml");
    let out = run(&["init", p(&target)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    assert!(stderr(&out).contains("geschreven"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&target).expect("written"), TEMPLATE);
    assert_eq!(dir.entries(), ["mijn-regio.toml"], "no temporary file left");

    let check = run(&["check", p(&target)]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    assert!(check.stdout.is_empty());
    assert!(!stderr(&check).contains(": fout:"), "{}", stderr(&check));
}

#[test]
fn init_template_costs_match_the_reference_calculation() {
    // tests/handwerk.md §3 (reference script, not hand-worked): te_financieren per year and the
    // flat tariff of the template.
    let dir = TempDir::new("init-cost");
    let target = dir.join("scenario.toml");
    assert_eq!(run(&["init", p(&target)]).status.code(), Some(0));
    let v: Value =
        serde_json::from_str(&ok(&["cost", p(&target), "--format", "json"])).expect("JSON");
    let te: Vec<&str> = v["jaren"]
        .as_array()
        .expect("jaren")
        .iter()
        .map(|j| j["te_financieren"].as_str().expect("string"))
        .collect();
    assert_eq!(te, ["32828.96", "56561.25", "53104.32"]);
    let tarieven: Vec<&str> = v["jaren"]
        .as_array()
        .expect("jaren")
        .iter()
        .map(|j| j["kostendekkend_tarief"].as_str().expect("string"))
        .collect();
    assert_eq!(tarieven, ["1.12", "1.93", "1.82"]);
    assert_eq!(v["totaal"]["kostendekkend_tarief"], "1.62");
}

#[test]
fn init_without_a_name_writes_scenario_toml_in_the_working_directory() {
    let dir = TempDir::new("init-default");
    let out = run_in(dir.path(), &["init"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(dir.entries(), ["scenario.toml"]);
    assert_eq!(
        std::fs::read_to_string(dir.join("scenario.toml")).expect("written"),
        TEMPLATE
    );
}

#[test]
fn init_never_overwrites_an_existing_file() {
    let dir = TempDir::new("init-exists");
    let target = dir.join("scenario.toml");
    let own = "# mijn eigen scenario, met uren werk erin\nformaat = 1\n";
    std::fs::write(&target, own).expect("write own file");

    let out = run(&["init", p(&target)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = stderr(&out);
    assert!(
        err.contains(
            "scenario.toml: fout: bestaat al; patz-calc init overschrijft nooit een bestand"
        ),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&target).expect("still there"), own);
    assert_eq!(dir.entries(), ["scenario.toml"], "no temporary file left");
}

// ---------------------------------------------------------------------------------------------
// Businesscase commands: impact, offers, business-case, explain
// ---------------------------------------------------------------------------------------------
//
// Checked by hand, once, against the grote-regio snapshots (`scenarios/grote-regio.toml`, docs/rekenregels.md
// "Calculation"). Every figure below was derived from the scenario file and docs/rekenregels.md, and
// re-computed with Python's `decimal` module (no floats; ROUND_HALF_UP, which is half away from
// zero, for cents and ratios; ROUND_CEILING for tariffs). Every figure agreed with the snapshots;
// the tests after this block assert them again from the CSV and JSON output.
//
// Inputs: verzekerden V = 159,220; startjaar 2026, looptijd 3; indexatie 3 %, so I(2026) = 1,
// I(2027) = 1.03, I(2028) = 1.0609; aandeel_kanker 41 %; disconteringsvoet 3 %.
// te_financieren (no elders_gefinancierd) 234,816.19 / 287,714.29 / 286,320.27, Σ 808,850.75:
// these come from the cost lines (tests/handwerk.md §3) and were re-derived line by line by the
// same decimal script written from docs/rekenregels.md, not by hand.
//
// P(y), Σ patienten_per_jaar of the active groups:
//   2026: Centrum Noord 32 + Centrum Zuid 36 + Oost 28 + West 32 + Havenkwartier 40
//         + Polderdorpen 24 + Tuinsteden 32 + Stationsgebied 28 = 252
//   2027 and 2028: 252 + Nieuwbouw Noord 24 + Nieuwbouw Zuid 28 (start 2027) = 304
//
// Impact 2026 (I = 1), basis = P × basis%, vermeden = basis × reductie%, met_patz = basis −
// vermeden (each printed to one decimal), vermeden_kosten = vermeden × kosten_per_geval × I:
//   ziekenhuisopnames   252 × 8 %   = 20.16 → 20.2;  × 27 % = 5.4432 → 5.4;  met 14.7168 → 14.7;
//                       5.4432 × 4,830 = 26,290.656 → 26,290.66
//   ziekenhuisdagen     252 × 5 %   = 12.6;          × 20 % = 2.52 → 2.5;    met 10.08 → 10.1;
//                       2.52 × 9,660 = 24,343.20
//   seh_bezoeken        252 × 7 %   = 17.64 → 17.6;  × 16 % = 2.8224 → 2.8;  met 14.8176 → 14.8;
//                       2.8224 × 258 = 728.1792 → 728.18
//   ic_opname           252 × 5.3 % = 13.356 → 13.4; × 30 % = 4.0068 → 4.0;  met 9.3492 → 9.3;
//                       4.0068 × 8,181 = 32,779.6308 → 32,779.63
//   overlijden_in_zkh   252 × 19 %  = 47.88 → 47.9;  × 20 % = 9.576 → 9.6;   met 38.304 → 38.3;
//                       9.576 × 1,932 = 18,500.832 → 18,500.83
//   chemotherapie       252 × 8 % × 41 % = 8.2656 → 8.3; × 15 % = 1.23984 → 1.2;
//                       met 7.02576 → 7.0; 1.23984 × 506 = 627.35904 → 627.36
//   Σ 2026 = 26,290.66 + 24,343.20 + 728.18 + 32,779.63 + 18,500.83 + 627.36 = 103,269.86
//
// Impact 2027 (I = 1.03), P = 304:
//   ziekenhuisopnames   24.32 → 24.3; 6.5664 → 6.6; met 17.7536 → 17.8;
//                       6.5664 × 4,830 = 31,715.712 × 1.03 = 32,667.18336 → 32,667.18
//   ziekenhuisdagen     15.2; 3.04 → 3.0; met 12.16 → 12.2; 3.04 × 9,660 = 29,366.40 × 1.03
//                       = 30,247.392 → 30,247.39
//   seh_bezoeken        21.28 → 21.3; 3.4048 → 3.4; met 17.8752 → 17.9;
//                       3.4048 × 258 = 878.4384 × 1.03 = 904.791552 → 904.79
//   ic_opname           16.112 → 16.1; 4.8336 → 4.8; met 11.2784 → 11.3;
//                       4.8336 × 8,181 = 39,543.6816 × 1.03 = 40,729.992048 → 40,729.99
//   overlijden_in_zkh   57.76 → 57.8; 11.552 → 11.6; met 46.208 → 46.2;
//                       11.552 × 1,932 = 22,318.464 × 1.03 = 22,988.01792 → 22,988.02
//   chemotherapie       304 × 8 % × 41 % = 9.9712 → 10.0; 1.49568 → 1.5; met 8.47552 → 8.5;
//                       1.49568 × 506 = 756.81408 × 1.03 = 779.5185024 → 779.52
//   Σ 2027 = 128,316.89. (2028, by the script: same counts, × 1.0609, Σ 132,166.40; horizon
//   Σ 103,269.86 + 128,316.89 + 132,166.40 = 363,753.15.)
//
// Offers 2026 (te_financieren 234,816.19). kostenaandeel = te × share, to cents:
//   Zilveren Kruis 45 % = 105,667.2855 → 105,667.29   CZ 20 % = 46,963.238 → 46,963.24
//   VGZ 18 % = 42,266.9142 → 42,266.91                 Menzis 10 % = 23,481.619 → 23,481.62
//   verzekerden_v = 159,220 × share: 71,649 / 31,844 / 28,659.6 / 15,922.
//   opbrengst = min(tarief × verzekerden_v, plafond), tariffs not indexed, so equal every year:
//   ZK precedent 0.55 × 71,649 = 39,406.95;  saldo −66,260.34;  dekking 37.29… → 37.3
//   ZK 3 jaar    1.50 × 71,649 = 107,473.50; saldo   1,806.21;  dekking 101.709… → 101.7
//   CZ plafond   1.60 × 31,844 = 50,950.40 > plafond → 40,000.00; saldo −6,963.24; 85.17… → 85.2
//   VGZ          1.40 × 28,659.6 = 40,123.44; saldo −2,143.47; dekking 94.93… → 94.9
//   Menzis       1.85 × 15,922 = 29,455.70;  saldo  5,974.08; dekking 125.44… → 125.4
//   2028: "Zilveren Kruis precedent" has jaren = [2026, 2027], so 2028 has only the other four.
//
// niet_toegerekend = te_financieren − Σ rounded kostenaandelen (the 7 % nobody covers):
//   2026: 234,816.19 − (105,667.29 + 46,963.24 + 42,266.91 + 23,481.62 = 218,379.06) = 16,437.13
//   2027: 287,714.29 − (129,471.43 + 57,542.86 + 51,788.57 + 28,771.43 = 267,574.29) = 20,140.00
//         (from 129,471.4305, 57,542.858, 51,788.5722, 28,771.429)
//   2028: 286,320.27 − (128,844.12 + 57,264.05 + 51,537.65 + 28,632.03 = 266,277.85) = 20,042.42
//         (from 128,844.1215, 57,264.054, 51,537.6486, 28,632.027)
//   horizon: 16,437.13 + 20,140.00 + 20,042.42 = 56,619.55
//
// Break-even tariff of CZ, flat over the horizon, rounded UP: kostenaandeel 46,963.24 +
//   57,542.86 + 57,264.05 = 161,770.15 / (31,844 × 3 = 95,532) = 1.69336… → 1.70. (Zilveren
//   Kruis: 363,982.84 / 214,947 = 1.69336… → 1.70.)
//
// Business case:
//   flat kostendekkend_tarief 808,850.75 / (159,220 × 3 = 477,660) = 1.693360… → 1.70 (per year
//   1.48 / 1.81 / 1.80: the totaal row is NOT one of them).
//   netto per year: 103,269.86 − 234,816.19 = −131,546.33 (roi −56.02… → −56.0);
//   128,316.89 − 287,714.29 = −159,397.40 (−55.40… → −55.4); 132,166.40 − 286,320.27 =
//   −154,153.87 (−53.83… → −53.8).
//   totaal netto 363,753.15 − 808,850.75 = −445,097.60; roi −445,097.60 / 808,850.75 × 100 =
//   −55.028… → −55.0; break_even_factor 808,850.75 / 363,753.15 = 2.22362… → 2.224.
//   netto_contante_waarde at 3 %: −131,546.33 / 1 = −131,546.33; −159,397.40 / 1.03 =
//   −154,754.757… → −154,754.76; −154,153.87 / 1.0609 = −145,304.807… → −145,304.81;
//   Σ = −431,605.90 (summing unrounded would give −431,605.89: README's per-year rounding).

/// The four businesscase commands, and whether each needs an `[impact]` section.
const BUSINESSCASE_COMMANDS: [(&str, bool); 4] = [
    ("impact", true),
    ("offers", false),
    ("business-case", true),
    ("explain", false),
];

/// Whether the scenario file has an `[impact]` table (a line `[impact]`).
fn has_impact(path: &str) -> bool {
    std::fs::read_to_string(root().join(path))
        .expect("scenario readable")
        .lines()
        .any(|l| l.trim() == "[impact]")
}

/// The Dutch error (and hint) for `impact` and `business-case` on a scenario without `[impact]`.
const NO_IMPACT: &str = "fout: dit scenario heeft geen [impact]-sectie met de zes \
[[indicator]]-secties; die is nodig voor de zorgreductie\n    hint: voeg [impact] met \
aandeel_kanker_percentage en de zes [[indicator]]-secties toe (zie patz-calc init voor een \
voorbeeld)\n";

/// Runs `args` (whose second element is the scenario path) and asserts exit 2, an empty stdout
/// and the Dutch "no [impact]" error as the last thing on stderr.
fn assert_needs_impact(args: &[&str]) {
    let out = run(args);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    assert!(out.stdout.is_empty(), "{args:?}: stdout {:?}", stdout(&out));
    let expected = format!("{}: {NO_IMPACT}", args[1]);
    assert!(
        stderr(&out).ends_with(&expected),
        "{args:?}: stderr\n{}",
        stderr(&out)
    );
}

/// One snapshot `name` per shipped scenario of `command --format format`; a scenario without
/// `[impact]` gets no snapshot for a command that needs it, but must fail as
/// [`assert_needs_impact`] says.
fn snapshot_every_scenario(name: &str, command: &str, format: &str, needs_impact: bool) {
    each_scenario(|path| {
        let args = [command, path, "--format", format];
        if needs_impact && !has_impact(path) {
            assert_needs_impact(&args);
        } else {
            insta::assert_snapshot!(name, ok(&args));
        }
    });
}

#[test]
fn impact_table_of_every_shipped_scenario_matches_its_snapshot() {
    snapshot_every_scenario("impact_table", "impact", "table", true);
}

#[test]
fn impact_csv_of_every_shipped_scenario_matches_its_snapshot() {
    snapshot_every_scenario("impact_csv", "impact", "csv", true);
}

#[test]
fn impact_json_of_every_shipped_scenario_matches_its_snapshot() {
    snapshot_every_scenario("impact_json", "impact", "json", true);
}

#[test]
fn offers_table_of_every_shipped_scenario_matches_its_snapshot() {
    snapshot_every_scenario("offers_table", "offers", "table", false);
}

#[test]
fn offers_csv_of_every_shipped_scenario_matches_its_snapshot() {
    snapshot_every_scenario("offers_csv", "offers", "csv", false);
}

#[test]
fn offers_json_of_every_shipped_scenario_matches_its_snapshot() {
    snapshot_every_scenario("offers_json", "offers", "json", false);
}

#[test]
fn business_case_table_of_every_shipped_scenario_matches_its_snapshot() {
    snapshot_every_scenario("business_case_table", "business-case", "table", true);
}

#[test]
fn business_case_csv_of_every_shipped_scenario_matches_its_snapshot() {
    snapshot_every_scenario("business_case_csv", "business-case", "csv", true);
}

#[test]
fn business_case_json_of_every_shipped_scenario_matches_its_snapshot() {
    snapshot_every_scenario("business_case_json", "business-case", "json", true);
}

#[test]
fn explain_table_of_every_shipped_scenario_matches_its_snapshot() {
    snapshot_every_scenario("explain_table", "explain", "table", false);
}

#[test]
fn explain_csv_of_every_shipped_scenario_matches_its_snapshot() {
    snapshot_every_scenario("explain_csv", "explain", "csv", false);
}

#[test]
fn explain_json_of_every_shipped_scenario_matches_its_snapshot() {
    snapshot_every_scenario("explain_json", "explain", "json", false);
}

#[test]
fn impact_and_business_case_without_an_impact_section_exit_2_with_a_dutch_error_and_no_output() {
    let without: Vec<String> = scenarios().into_iter().filter(|p| !has_impact(p)).collect();
    // kleine-regio and elders-gefinancierd have no [impact]; a new scenario may join them.
    assert!(
        without.contains(&"scenarios/kleine-regio.toml".to_string())
            && without.contains(&"scenarios/elders-gefinancierd.toml".to_string()),
        "{without:?}"
    );
    let dir = TempDir::new("no-impact");
    for path in &without {
        for command in ["impact", "business-case"] {
            for format in ["table", "csv", "json"] {
                assert_needs_impact(&[command, path, "--format", format]);
            }
            // Nor is an output file written.
            let target = dir.join("uit.csv");
            let out = run(&[command, path, "-o", p(&target)]);
            assert_eq!(out.status.code(), Some(2));
            assert!(dir.entries().is_empty(), "{:?}", dir.entries());
        }
    }
}

/// The CSV data rows (header dropped) of `command path --format csv`.
fn csv_data_rows(command: &str, path: &str) -> Vec<String> {
    ok(&[command, path, "--format", "csv"])
        .split("\r\n")
        .skip(1)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

fn json_of(command: &str, path: &str) -> Value {
    serde_json::from_str(&ok(&[command, path, "--format", "json"]))
        .unwrap_or_else(|e| panic!("{command} {path}: JSON parses: {e}"))
}

const GROTE_REGIO: &str = "scenarios/grote-regio.toml";

#[test]
fn grote_regio_impact_rows_of_2026_and_2027_are_the_hand_worked_ones() {
    let rows = csv_data_rows("impact", GROTE_REGIO);
    assert_eq!(rows.len(), 18, "3 years × 6 indicators");
    assert_eq!(
        rows[..12],
        [
            "2026,ziekenhuisopnames_meer_dan_1,20.2,5.4,14.7,26290.66",
            "2026,ziekenhuisdagen_meer_dan_14,12.6,2.5,10.1,24343.20",
            "2026,seh_bezoeken_meer_dan_1,17.6,2.8,14.8,728.18",
            "2026,ic_opname,13.4,4.0,9.3,32779.63",
            "2026,overlijden_in_ziekenhuis,47.9,9.6,38.3,18500.83",
            "2026,chemotherapie,8.3,1.2,7.0,627.36",
            "2027,ziekenhuisopnames_meer_dan_1,24.3,6.6,17.8,32667.18",
            "2027,ziekenhuisdagen_meer_dan_14,15.2,3.0,12.2,30247.39",
            "2027,seh_bezoeken_meer_dan_1,21.3,3.4,17.9,904.79",
            "2027,ic_opname,16.1,4.8,11.3,40729.99",
            "2027,overlijden_in_ziekenhuis,57.8,11.6,46.2,22988.02",
            "2027,chemotherapie,10.0,1.5,8.5,779.52",
        ]
    );
    let v = json_of("impact", GROTE_REGIO);
    let jaren = v["jaren"].as_array().expect("jaren");
    let per_year: Vec<(&Value, &Value, &Value)> = jaren
        .iter()
        .map(|j| (&j["jaar"], &j["patienten"], &j["vermeden_kosten"]))
        .collect();
    assert_eq!(
        per_year,
        [
            (&2026.into(), &"252.0".into(), &"103269.86".into()),
            (&2027.into(), &"304.0".into(), &"128316.89".into()),
            (&2028.into(), &"304.0".into(), &"132166.40".into()),
        ]
    );
    assert_eq!(v["totaal"]["vermeden_kosten"], "363753.15");
}

#[test]
fn grote_regio_offers_of_2026_are_the_hand_worked_ones_and_2028_drops_the_two_year_offer() {
    let rows = csv_data_rows("offers", GROTE_REGIO);
    let of = |jaar: &str| -> Vec<&str> {
        rows.iter()
            .filter(|r| r.starts_with(&format!("{jaar},")))
            .map(String::as_str)
            .collect()
    };
    assert_eq!(
        of("2026"),
        [
            "2026,\"Zilveren Kruis precedent 2019 (0,55 per verzekerde)\",Zilveren Kruis,\
             105667.29,39406.95,-66260.34,37.3",
            "2026,Zilveren Kruis TAPA$ 3 jaar,Zilveren Kruis,105667.29,107473.50,1806.21,101.7",
            "2026,CZ met plafond,CZ,46963.24,40000.00,-6963.24,85.2",
            "2026,VGZ 3 jaar,VGZ,42266.91,40123.44,-2143.47,94.9",
            "2026,Menzis 3 jaar,Menzis,23481.62,29455.70,5974.08,125.4",
        ]
    );
    assert_eq!(of("2027").len(), 5);
    let offers_2028: Vec<&str> = of("2028")
        .iter()
        .map(|r| r.split(',').nth(1).expect("aanbod"))
        .collect();
    assert_eq!(
        offers_2028,
        [
            "Zilveren Kruis TAPA$ 3 jaar",
            "CZ met plafond",
            "VGZ 3 jaar",
            "Menzis 3 jaar"
        ]
    );
    // Tariffs are not indexed: the opbrengst of an offer is the same every year.
    for r in &rows {
        if r.contains(",CZ met plafond,") {
            assert_eq!(r.split(',').nth(4), Some("40000.00"), "{r}");
        }
    }
}

#[test]
fn grote_regio_niet_toegerekend_and_break_even_tariffs_are_the_hand_worked_ones() {
    let v = json_of("offers", GROTE_REGIO);
    let niet: Vec<&Value> = v["jaren"]
        .as_array()
        .expect("jaren")
        .iter()
        .map(|j| &j["niet_toegerekend"])
        .collect();
    assert_eq!(niet, ["16437.13", "20140.00", "20042.42"]);
    assert_eq!(v["totaal"]["niet_toegerekend"], "56619.55");
    let verzekeraars = v["totaal"]["verzekeraars"]
        .as_array()
        .expect("verzekeraars");
    let cz = verzekeraars
        .iter()
        .find(|z| z["verzekeraar"] == "CZ")
        .expect("CZ");
    assert_eq!(cz["kostenaandeel"], "161770.15");
    assert_eq!(cz["break_even_tarief"], "1.70");
    let zk = &verzekeraars[0];
    assert_eq!(zk["verzekeraar"], "Zilveren Kruis");
    assert_eq!(zk["kostenaandeel"], "363982.84");
    assert_eq!(zk["break_even_tarief"], "1.70");
}

#[test]
fn grote_regio_business_case_totals_are_the_hand_worked_ones() {
    assert_eq!(
        csv_data_rows("business-case", GROTE_REGIO),
        [
            "2026,234816.19,0.00,234816.19,1.48,103269.86,-131546.33,-56.0",
            "2027,287714.29,0.00,287714.29,1.81,128316.89,-159397.40,-55.4",
            "2028,286320.27,0.00,286320.27,1.80,132166.40,-154153.87,-53.8",
            "totaal,808850.75,0.00,808850.75,1.70,363753.15,-445097.60,-55.0",
        ]
    );
    let t = &json_of("business-case", GROTE_REGIO)["totaal"];
    assert_eq!(t["netto"], "-445097.60");
    assert_eq!(t["roi_percentage"], "-55.0");
    assert_eq!(t["break_even_factor"], "2.224");
    // Each year's discounted netto rounded to cents, then summed (unrounded: -431605.89).
    assert_eq!(t["netto_contante_waarde"], "-431605.90");
}

#[test]
fn sum_of_the_vermeden_kosten_rows_is_the_json_totaal() {
    for path in scenarios().into_iter().filter(|p| has_impact(p)) {
        let rows = csv_data_rows("impact", &path);
        let v = json_of("impact", &path);
        let mut all = 0;
        for j in v["jaren"].as_array().expect("jaren") {
            let jaar = j["jaar"].to_string();
            let year: i64 = rows
                .iter()
                .filter(|r| r.starts_with(&format!("{jaar},")))
                .map(|r| cents(r.rsplit(',').next().expect("vermeden_kosten")))
                .sum();
            assert_eq!(
                year,
                cents(j["vermeden_kosten"].as_str().expect("string")),
                "{path} {jaar}"
            );
            all += year;
        }
        let totaal = cents(v["totaal"]["vermeden_kosten"].as_str().expect("string"));
        assert_eq!(all, totaal, "{path}: Σ rows = totaal.vermeden_kosten");
        // The per-indicator horizon totals are the sums of their year rows as well.
        for ind in v["totaal"]["indicatoren"].as_array().expect("indicatoren") {
            let id = ind["indicator"].as_str().expect("id");
            let sum: i64 = rows
                .iter()
                .filter(|r| r.split(',').nth(1) == Some(id))
                .map(|r| cents(r.rsplit(',').next().expect("vermeden_kosten")))
                .sum();
            assert_eq!(
                sum,
                cents(ind["vermeden_kosten"].as_str().expect("string")),
                "{path} {id}"
            );
        }
        // And business-case carries the same total.
        let bc = json_of("business-case", &path);
        assert_eq!(
            bc["totaal"]["vermeden_kosten"],
            v["totaal"]["vermeden_kosten"]
        );
    }
}

/// The ceiling of `a / b` for positive integers.
fn div_ceil(a: i64, b: i64) -> i64 {
    (a + b - 1) / b
}

#[test]
fn business_case_csv_ends_with_a_totaal_row_with_the_flat_horizon_tariff() {
    for path in scenarios().into_iter().filter(|p| has_impact(p)) {
        let rows = csv_data_rows("business-case", &path);
        let (last, years) = rows.split_last().expect("rows");
        let totaal: Vec<&str> = last.split(',').collect();
        assert_eq!(totaal[0], "totaal", "{path}: last row {last}");
        assert!(
            years.iter().all(|r| !r.starts_with("totaal,")),
            "{path}: one totaal row"
        );
        // kosten_totaal, elders, te_financieren, vermeden_kosten and netto are column sums.
        for col in [1, 2, 3, 5, 6] {
            let sum: i64 = years
                .iter()
                .map(|r| cents(r.split(',').nth(col).expect("cell")))
                .sum();
            assert_eq!(cents(totaal[col]), sum, "{path}: column {col}");
        }
        // The tariff is the flat one over the horizon, rounded up to the cent, as in cost.
        let cost = cost_json(&path);
        assert_eq!(totaal[4], cost["totaal"]["kostendekkend_tarief"], "{path}");
        if path == GROTE_REGIO {
            let te: i64 = years
                .iter()
                .map(|r| cents(r.split(',').nth(3).expect("te_financieren")))
                .sum();
            // 80,885,075 cents / (159,220 × 3) verzekerden = 169.336… cents → 170.
            assert_eq!(div_ceil(te, 159_220 * 3), 170);
            assert_eq!(totaal[4], "1.70");
            let per_year: Vec<&str> = years
                .iter()
                .map(|r| r.split(',').nth(4).expect("tarief"))
                .collect();
            assert_eq!(per_year, ["1.48", "1.81", "1.80"]);
        }
    }
}

#[test]
fn explain_shows_the_same_vermeden_kosten_and_flat_tariff_as_impact_and_business_case() {
    let explain = csv_data_rows("explain", GROTE_REGIO);
    let impact = csv_data_rows("impact", GROTE_REGIO);
    // The per-indicator rows (rol = indicator id); the per-year sums have an empty rol.
    let explained: Vec<String> = explain
        .iter()
        .filter(|r| r.contains(",,vermeden_kosten,") && !r.contains(",,vermeden_kosten,,"))
        .map(|r| {
            let cells: Vec<&str> = r.split(',').collect();
            // jaar, groep (empty), post, rol = indicator, …, uitkomst last
            format!("{},{},{}", cells[0], cells[3], cells[cells.len() - 1])
        })
        .collect();
    let from_impact: Vec<String> = impact
        .iter()
        .map(|r| {
            let cells: Vec<&str> = r.split(',').collect();
            format!("{},{},{}", cells[0], cells[1], cells[5])
        })
        .collect();
    assert_eq!(explained, from_impact);
    assert!(
        explain.contains(
            &"totaal,,kostendekkend_tarief,,\"€ 808.850,75 / (159.220 verzekerden × 3 jaar)\",\
              1.6933608633756228279529372357,1.70"
                .to_string()
        ),
        "the flat tariff, 808,850.75 / 477,660 rounded up"
    );
}

#[test]
fn businesscase_commands_give_byte_identical_output_on_two_runs() {
    for path in scenarios() {
        for (command, _) in BUSINESSCASE_COMMANDS {
            for extra in [
                &["--format", "table"][..],
                &["--format", "csv"],
                &["--format", "csv", "--csv-nl"],
                &["--format", "json"],
            ] {
                let args: Vec<&str> = [command, path.as_str()]
                    .iter()
                    .chain(extra)
                    .copied()
                    .collect();
                let first = run(&args);
                let second = run(&args);
                assert_eq!(first.status.code(), second.status.code(), "{args:?}");
                assert_eq!(
                    first.stdout, second.stdout,
                    "stdout differs between runs of {args:?}"
                );
                assert_eq!(
                    first.stderr, second.stderr,
                    "stderr differs between runs of {args:?}"
                );
            }
        }
    }
}

/// Whether a plain-CSV cell is a number (`-12.34`, `2026`).
fn is_number(cell: &str) -> bool {
    let digits = cell.strip_prefix('-').unwrap_or(cell);
    !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && digits.chars().filter(|&c| c == '.').count() <= 1
}

fn csv_records(text: &str, delimiter: u8) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.expect("valid CSV").iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn csv_nl_of_businesscase_commands_has_the_same_cells_with_semicolons_and_decimal_commas() {
    for path in scenarios() {
        for (command, needs_impact) in BUSINESSCASE_COMMANDS {
            if needs_impact && !has_impact(&path) {
                assert_needs_impact(&[command, &path, "--format", "csv", "--csv-nl"]);
                continue;
            }
            let plain = ok(&[command, &path, "--format", "csv"]);
            let nl = ok(&[command, &path, "--format", "csv", "--csv-nl"]);
            let nl = nl
                .strip_prefix('\u{FEFF}')
                .unwrap_or_else(|| panic!("{command} {path}: no byte-order mark"));
            assert!(
                !plain.starts_with('\u{FEFF}'),
                "{command} {path}: plain CSV"
            );
            let header = plain.split("\r\n").next().expect("header");
            assert_eq!(
                nl.split("\r\n").next(),
                Some(header.replace(',', ";").as_str()),
                "{command} {path}: header"
            );
            assert!(nl.ends_with("\r\n"), "{command} {path}: CRLF");
            let plain = csv_records(&plain, b',');
            let nl = csv_records(nl, b';');
            assert_eq!(plain.len(), nl.len(), "{command} {path}: rows");
            for (p_row, n_row) in plain.iter().zip(&nl) {
                assert_eq!(p_row.len(), n_row.len(), "{command} {path}: {n_row:?}");
                for (p_cell, n_cell) in p_row.iter().zip(n_row) {
                    if is_number(p_cell) {
                        assert_eq!(*n_cell, p_cell.replace('.', ","), "{command} {path}");
                    } else {
                        assert_eq!(n_cell, p_cell, "{command} {path}: text cell");
                    }
                }
            }
        }
    }
    // The grote-regio figures with decimal commas.
    let nl = ok(&["impact", GROTE_REGIO, "--format", "csv", "--csv-nl"]);
    assert!(nl.contains("\r\n2026;ziekenhuisopnames_meer_dan_1;20,2;5,4;14,7;26290,66\r\n"));
    let nl = ok(&["business-case", GROTE_REGIO, "--format", "csv", "--csv-nl"]);
    assert!(
        nl.ends_with("\r\ntotaal;808850,75;0,00;808850,75;1,70;363753,15;-445097,60;-55,0\r\n")
    );
    let nl = ok(&["offers", GROTE_REGIO, "--format", "csv", "--csv-nl"]);
    assert!(nl.contains(
        "\r\n2026;Zilveren Kruis precedent 2019 (0,55 per verzekerde);Zilveren Kruis;\
         105667,29;39406,95;-66260,34;37,3\r\n"
    ));
}
