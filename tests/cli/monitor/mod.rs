//! Tests: monitor.
//!
//! `monitor` (the verantwoording) and `payout` (the penvoerder's payment list) on the
//! registrations in `tests/fixtures/monitor/`, through the library API and the real binary.
//!
//! # Hand arithmetic
//!
//! Every expected figure below was worked out by hand from docs/rekenregels.md and the rules of
//! `docs/registraties.md`, then re-checked with Python's `decimal` module (never with floats or
//! with the program).
//!
//! ## The scenario (`regio.toml`)
//!
//! Rates huisarts € 117.00, wijkverpleegkundige € 88.35, consulent € 112.35; 3 % indexatie, so
//! I(2026) = 1 and I(2027) = 1.03 (indexed rates 120.51, 91.0005 and 115.7205). Werkwijze: 6
//! meetings of 1.5 h, 0.5 h preparation and 0.25 h travel per participant (2.25 h per attendee at
//! a planned meeting), voorzitter huisarts 1 h per meeting, coordination huisarts 0.5 h per
//! patient, 12 patients, phone support 10 h. Noord (4 huisartsen, 2 wijkverpleegkundigen, 1
//! consulent) from 2026; Zuid (5 / 2 / 1) from 2027.
//!
//! Plan (the budget) of Noord in 2026: huisarts meetings 6 × 4 × 2.25 = 54 h × 117 = 6,318.00,
//! voorzitter 6 h = 702.00, coordination 12 × 0.5 = 6 h = 702.00 (huisarts 66 h, 7,722.00);
//! wijkverpleegkundige 6 × 2 × 2.25 = 27 h × 88.35 = 2,385.45; consulent meetings 13.5 h × 112.35
//! = 1,516.725 → 1,516.73, phone 10 h = 1,123.50 (consulent 23.5 h, 2,640.23). Budget 12,747.68,
//! 116.5 h.
//!
//! ## A small registration (`noord-2026.csv`): 4 of the 6 meetings of Noord in 2026
//!
//! | datum | duur | patiënten | ha | wv | c | uur per aanwezige (duur + 0.75) |
//! | --- | --- | --- | --- | --- | --- | --- |
//! | 2026-01-15 (K1) | 1.5 | 3 | 4 | 2 | 1 | 2.25 |
//! | 2026-03-12 (K1) | 1.25 | 2 | 3 | 2 | 0 | 2.00 |
//! | 2026-05-21 (K2) | 1.5 | 2 | 4 | 1 | 1 | 2.25 |
//! | 2026-09-17 (K3) | 2 | 3 | 4 | 2 | 1 | 2.75 |
//!
//! - held 4 of 6; meeting time 1.5 + 1.25 + 1.5 + 2 = 6.25 h of 6 × 1.5 = 9 h.
//! - huisarts: 15 attendances (of 6 × 4 = 24); meetings 4×2.25 + 3×2 + 4×2.25 + 4×2.75 = 35 h,
//!   voorzitter 4 × 1 = 4 h, coordination (3+2+2+3) × 0.5 = 5 h → 44 h; 35 × 117 = 4,095.00 +
//!   468.00 + 585.00 = 5,148.00. Opkomst 15 / (4 meetings × 4) = 93.75 % → 93.8.
//! - wijkverpleegkundige: 7 attendances; 2×2.25 + 2×2 + 1×2.25 + 2×2.75 = 16.25 h × 88.35 =
//!   1,435.6875 → 1,435.69. Opkomst 7 / 8 = 87.5 %.
//! - consulent: 3 attendances; meetings 2.25 + 2.25 + 2.75 = 7.25 h × 112.35 = 814.5375 → 814.54;
//!   phone support for K1–K3 (the last registered meeting is in K3): 10 × 3/4 = 7.5 h × 112.35 =
//!   842.625 → 842.63; 14.75 h, 1,657.17. Opkomst 3 / 4 = 75 %.
//! - delivered 5,148.00 + 1,435.69 + 1,657.17 = 8,240.86 in 44 + 16.25 + 14.75 = 75 h; verschil
//!   8,240.86 − 12,747.68 = −4,506.82.
//! - signals: 4 of 6 meetings; 2026-03-12 without consulent and with 3 huisartsen (< 4);
//!   2026-05-21 with 1 wijkverpleegkundige (< 2).
//!
//! Per quarter (payout, 2026, I = 1), cumulative rounding:
//! - huisarts K1: meetings 9 + 6 = 15 h, voorzitter 2 h, coordination (3+2) × 0.5 = 2.5 h →
//!   19.5 h; 1,755.00 + 234.00 + 292.50 = 2,281.50; 7 attendances.
//! - consulent K1: meetings 2.25 h (cum 252.7875 → 252.79), phone 2.5 h (cum 280.875 → 280.88):
//!   4.75 h, 533.67. K2: meetings cum 4.5 h → 505.575 → 505.58, so 252.79; phone cum 5 h →
//!   561.75, so 280.87: 533.66. K3: meetings cum 7.25 h → 814.54, so 308.96; phone cum 7.5 h →
//!   842.63, so 280.88: 589.84. No K4 row. 533.67 + 533.66 + 589.84 = 1,657.17 (the year).
//!
//! ## Registrations that match the plan (`plan-2027.csv`), payout per quarter, 2027 (I = 1.03)
//!
//! Noord holds 1, 2, 1, 2 meetings in K1–K4 (cumulative 1, 3, 4, 6), each with 4 / 2 / 1 present
//! and 2 patients; Zuid 2, 1, 2, 1, with 5 / 2 / 1 present and 2, 2, 2, 3, 1, 2 patients (12).
//!
//! Noord, per quarter:
//! - huisarts: meetings 9 h per meeting: cum 9, 27, 36, 54 h × 120.51 = 1,084.59, 3,253.77,
//!   4,338.36, 6,507.54; voorzitter and coordination 1 h per meeting each: cum 120.51, 361.53,
//!   482.04, 723.06. K1 = 1,084.59 + 120.51 + 120.51 = 1,325.61 (11 h, 4 attendances); K2 =
//!   2,169.18 + 241.02 + 241.02 = 2,651.22 (22 h, 8); K3 = 1,325.61; K4 = 2,651.22. Year 7,953.66.
//! - wijkverpleegkundige, 4.5 h per meeting: cum 4.5, 13.5, 18, 27 h × 91.0005 = 409.50225 →
//!   409.50, 1,228.50675 → 1,228.51, 1,638.009 → 1,638.01, 2,457.0135 → 2,457.01. Quarters
//!   409.50, 819.01, 409.50, 819.00 (= 2,457.01; rounding each quarter on its own would give
//!   409.50 + 819.00 + 409.50 + 819.00 = 2,457.00, a cent short of `cost`).
//! - consulent: meetings 2.25 h per meeting: cum × 115.7205 = 260.371125 → 260.37, 781.113375 →
//!   781.11, 1,041.4845 → 1,041.48, 1,562.22675 → 1,562.23; phone 2.5 h a quarter: cum 289.30125
//!   → 289.30, 578.6025 → 578.60, 867.90375 → 867.90, 1,157.205 → 1,157.21. K1 260.37 + 289.30 =
//!   549.67 (4.75 h); K2 520.74 + 289.30 = 810.04 (7 h); K3 549.67; K4 520.75 + 289.31 = 810.06.
//!   Year 2,719.44 = 1,562.23 + 1,157.21.
//!
//! Zuid, per year: huisarts meetings 6 × 5 × 2.25 = 67.5 h × 120.51 = 8,134.425 → 8,134.43, plus
//! voorzitter 723.06 and coordination 12 × 0.5 = 6 h, 723.06: 9,580.55 (79.5 h, 30 attendances);
//! wijkverpleegkundige 2,457.01; consulent 2,719.44. These are exactly the `cost` lines of 2027.
//!
//! ## Observed indicators (`indicatoren.csv`), [impact] aandeel kanker 40 %
//!
//! - 2026 ziekenhuisopnames (basis 10 %, reductie 25 %, € 5,000): 9 of 120 = 7.5 %; basis 12
//!   cases, expected with PaTz 10 × 0.75 = 7.5 % (9 cases); avoided 12 − 9 = 3; realised reduction
//!   3 / 12 = 25.0 %; 3 × 5,000 = 15,000.00.
//! - 2026 ic_opname (5 %, 30 %, € 8,000): 7 of 120 = 5.8333… % → 5.83; basis 6, expected 3.5 %
//!   (4.2 cases); avoided 6 − 7 = −1; reduction −1 / 6 = −16.666… % → −16.7; −8,000.00.
//! - 2027 overlijden_in_ziekenhuis (20 %, 20 %, € 1,932.50): 27 of 150 = 18 %; basis 30, expected
//!   16 % (24 cases); avoided 3; reduction 10.0 %; 3 × 1,932.50 × 1.03 = 5,971.425 → 5,971.43.
//! - 2027 chemotherapie (10 %, 15 %, € 500): cancer patients 150 × 40 % = 60; 5 of 60 = 8.333… %
//!   → 8.33; basis 6, expected 8.5 % (5.1 cases); avoided 1; reduction 1/6 = 16.666… % → 16.7;
//!   1 × 500 × 1.03 = 515.00.
//! - Σ avoided costs 15,000 − 8,000 + 5,971.43 + 515 = 13,486.43.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use patz_calc::calc::cost::{self, Financiering};
use patz_calc::calc::monitor::{self, SignaalSoort};
use patz_calc::calc::payout::{self, Bron, Per, UURPOSTEN};
use patz_calc::registratie::{self, Bijeenkomst};
use patz_calc::scenario::{self, IndicatorId, Scenario};
use rust_decimal::Decimal;
use serde_json::Value;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

fn d(s: &str) -> Decimal {
    Decimal::from_str_exact(s).expect("a decimal literal")
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A fixture of `tests/fixtures/monitor/`, relative to the crate root.
fn fx(name: &str) -> String {
    format!("tests/fixtures/monitor/{name}")
}

/// The absolute path of a fixture (for runs in another directory).
fn fx_abs(name: &str) -> PathBuf {
    root().join(fx(name))
}

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).expect("fixture readable")
}

fn scenario_of(path: &str) -> Scenario {
    scenario::parse(&read(path)).unwrap_or_else(|e| {
        let all: Vec<String> = e.iter().map(|x| x.render(path)).collect();
        panic!("{path} should be valid:\n{}", all.join("\n"))
    })
}

fn meetings_of(s: &Scenario, text: &str) -> Vec<Bijeenkomst> {
    registratie::read_bijeenkomsten(text, s).unwrap_or_else(|e| {
        let all: Vec<String> = e.regels("registraties");
        panic!("registrations should be valid:\n{}", all.join("\n"))
    })
}

fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_patz-calc"))
        .args(args)
        .current_dir(dir)
        .env_remove("CLICOLOR_FORCE")
        .output()
        .expect("patz-calc starts")
}

fn run(args: &[&str]) -> Output {
    run_in(root(), args)
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).expect("stderr is UTF-8")
}

fn success(out: &Output) -> String {
    assert_eq!(
        out.status.code(),
        Some(0),
        "expected success; stderr:\n{}",
        stderr(out)
    );
    stdout(out)
}

/// Asserts an invalid-input run: exit 2, nothing on stdout. Returns stderr.
fn invalid(out: &Output) -> String {
    assert_eq!(
        out.status.code(),
        Some(2),
        "expected exit 2; stdout:\n{}\nstderr:\n{}",
        stdout(out),
        stderr(out)
    );
    assert!(
        out.stdout.is_empty(),
        "stdout must be empty: {}",
        stdout(out)
    );
    stderr(out)
}

/// Writes `files` into a fresh directory and runs `patz-calc args` there.
fn run_with(files: &[(&str, &[u8])], args: &[&str]) -> (Output, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temporary directory");
    for (name, bytes) in files {
        std::fs::write(dir.path().join(name), bytes).expect("write a file");
    }
    let out = run_in(dir.path(), args);
    (out, dir)
}

/// The CSV records of a document (CRLF, no quoting in these tests).
fn rows(csv: &str) -> Vec<Vec<String>> {
    csv.lines()
        .map(|l| l.split(',').map(str::to_string).collect())
        .collect()
}

fn js<'a>(v: &'a Value, pointer: &str) -> &'a str {
    v.pointer(pointer)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("{pointer} is not a string in {v:#}"))
}

/// The meetings file header of the test scenario.
const HEADER: &str =
    "groep,datum,duur_uren,besproken_patienten,huisarts,wijkverpleegkundige,consulent";

/// Σ of the `cost` lines of `jaar` that the penvoerder pays (TAPA$-financed hour posts), per
/// (group, role).
fn cost_hour_lines(s: &Scenario, jaar: i32) -> Vec<((usize, String), Decimal)> {
    let k = cost::evaluate(s).expect("cost calculates");
    let mut out: Vec<((usize, String), Decimal)> = Vec::new();
    for r in k
        .jaren
        .iter()
        .filter(|j| j.jaar == jaar)
        .flat_map(|j| &j.regels)
    {
        if r.financiering != Financiering::Tapas || !UURPOSTEN.contains(&r.post) {
            continue;
        }
        let key = (
            r.groep.expect("hour lines have a group"),
            r.rol
                .as_deref()
                .expect("hour lines have a role")
                .to_string(),
        );
        match out.iter_mut().find(|(k, _)| *k == key) {
            Some((_, sum)) => *sum += r.bedrag,
            None => out.push((key, r.bedrag)),
        }
    }
    out.sort();
    out
}

/// Σ of the payment list of `jaar` per (group, role).
fn payout_lines(b: &payout::Betaallijst, jaar: i32) -> Vec<((usize, String), Decimal)> {
    let mut out: Vec<((usize, String), Decimal)> = Vec::new();
    for r in b.regels.iter().filter(|r| r.periode.jaar == jaar) {
        let key = (r.groep, r.rol.clone());
        match out.iter_mut().find(|(k, _)| *k == key) {
            Some((_, sum)) => *sum += r.bedrag,
            None => out.push((key, r.bedrag)),
        }
    }
    out.sort();
    out
}

/// Registrations that match the plan of every group active in `jaar` exactly: each planned
/// meeting on the 10th of months 1, 3, 5, …, the group's own duration, its whole composition
/// present, and the year's (whole) patients spread over the meetings.
fn plan_registrations(s: &Scenario, jaar: i32) -> String {
    let mut header = vec!["groep", "datum", "duur_uren", "besproken_patienten"];
    header.extend(s.uurtarieven.iter().map(|u| &*u.rol));
    let mut text = header.join(",");
    text.push('\n');
    for g in s.groepen.iter().filter(|g| g.start <= jaar) {
        let w = &g.werkwijze;
        let b = w.bijeenkomsten_per_jaar;
        assert!(w.patienten_per_jaar.fract().is_zero());
        let p: u32 = w
            .patienten_per_jaar
            .to_string()
            .parse()
            .expect("whole patients");
        for k in 0..b {
            let month = (1 + 2 * k).min(12);
            let pts = p / b + u32::from(k < p % b);
            let mut cells = vec![
                g.naam.clone(),
                format!("{jaar}-{month:02}-10"),
                w.duur_uren.to_string(),
                pts.to_string(),
            ];
            cells.extend(s.uurtarieven.iter().map(|u| g.aantal(&u.rol).to_string()));
            text.push_str(&cells.join(","));
            text.push('\n');
        }
    }
    text
}

/// A role of a group-year: (rol, deelnemers, aanwezigheden, gepland, opkomst %, uren geleverd,
/// uren gepland, kosten geleverd, kosten begroot).
type RolRij<'a> = (
    &'a str,
    u32,
    u64,
    u64,
    Option<Decimal>,
    Decimal,
    Decimal,
    Decimal,
    Decimal,
);

// ---------------------------------------------------------------------------------------------
// monitor: attendance, hours, cost and signals
// ---------------------------------------------------------------------------------------------

#[test]
fn attendance_and_delivered_hours_of_a_small_registration_are_worked_out_by_hand() {
    let s = scenario_of(&fx("regio.toml"));
    let k = cost::evaluate(&s).expect("cost");
    let b = meetings_of(&s, &read(&fx("noord-2026.csv")));
    let m = monitor::evaluate(&s, &k, &b, None).expect("monitor");

    // Only 2026: the last registered meeting is in 2026; Zuid starts in 2027.
    assert_eq!(m.jaren.len(), 1);
    let j = &m.jaren[0];
    assert_eq!(j.jaar, 2026);
    assert_eq!(j.groepen.len(), 1);
    let g = &j.groepen[0];
    assert_eq!((g.bijeenkomsten_gehouden, g.bijeenkomsten_gepland), (4, 6));
    assert_eq!(g.duur_uren_gehouden, d("6.25"));
    assert_eq!(g.duur_uren_gepland, d("9.0"));

    let roles: Vec<RolRij<'_>> = g
        .rollen
        .iter()
        .map(|r| {
            (
                r.rol.as_str(),
                r.deelnemers,
                r.aanwezigheden,
                r.aanwezigheden_gepland,
                r.opkomst_percentage,
                r.uren_geleverd,
                r.uren_gepland,
                r.kosten_geleverd,
                r.kosten_begroot,
            )
        })
        .collect();
    assert_eq!(
        roles,
        vec![
            // (rol, deelnemers, aanwezig, gepland, opkomst, uren geleverd/gepland, kosten)
            (
                "huisarts",
                4,
                15,
                24,
                Some(d("93.75")),
                d("44"),
                d("66"),
                d("5148.00"),
                d("7722.00")
            ),
            (
                "wijkverpleegkundige",
                2,
                7,
                12,
                Some(d("87.5")),
                d("16.25"),
                d("27"),
                d("1435.69"),
                d("2385.45")
            ),
            (
                "consulent",
                1,
                3,
                6,
                Some(d("75")),
                d("14.75"),
                d("23.5"),
                d("1657.17"),
                d("2640.23")
            ),
        ]
    );
    assert_eq!(g.uren_geleverd, d("75"));
    assert_eq!(g.uren_gepland, d("116.5"));
    assert_eq!(g.kosten_geleverd, d("8240.86"));
    assert_eq!(g.kosten_begroot, d("12747.68"));
    assert_eq!(g.verschil(), d("-4506.82"));
    assert_eq!(m.totaal.kosten_geleverd, d("8240.86"));

    let signals: Vec<(SignaalSoort, Option<String>)> = g
        .signalen
        .iter()
        .map(|x| (x.soort, x.datum.map(|d| d.to_string())))
        .collect();
    assert_eq!(
        signals,
        vec![
            (SignaalSoort::MinderBijeenkomsten, None),
            (SignaalSoort::ZonderConsulent, Some("2026-03-12".into())),
            (SignaalSoort::OnderMinimum, Some("2026-03-12".into())),
            (SignaalSoort::OnderMinimum, Some("2026-05-21".into())),
        ]
    );
}

#[test]
fn monitor_csv_has_the_exact_headers_and_the_hand_worked_rows() {
    let base = [
        "monitor",
        "tests/fixtures/monitor/regio.toml",
        "--bijeenkomsten",
        "tests/fixtures/monitor/noord-2026.csv",
        "--format",
        "csv",
    ];
    let out = success(&run(&base));
    assert_eq!(
        out,
        "jaar,groep,bijeenkomsten_gepland,bijeenkomsten_gehouden,duur_uren_gepland,\
         duur_uren_gehouden,uren_gepland,uren_geleverd,kosten_begroot,kosten_geleverd,verschil,\
         signalen\r\n\
         2026,Noord,6,4,9.00,6.25,116.50,75.00,12747.68,8240.86,-4506.82,\
         minder_bijeenkomsten zonder_consulent onder_minimum\r\n"
    );

    let mut args = base.to_vec();
    args.extend(["--onderdeel", "aanwezigheid"]);
    assert_eq!(
        success(&run(&args)),
        "jaar,groep,rol,financiering,deelnemers,aanwezigheden_gepland,aanwezigheden,\
         opkomst_percentage,uren_gepland,uren_geleverd,kosten_begroot,kosten_geleverd\r\n\
         2026,Noord,huisarts,tapas,4,24,15,93.8,66.00,44.00,7722.00,5148.00\r\n\
         2026,Noord,wijkverpleegkundige,tapas,2,12,7,87.5,27.00,16.25,2385.45,1435.69\r\n\
         2026,Noord,consulent,tapas,1,6,3,75.0,23.50,14.75,2640.23,1657.17\r\n"
    );

    // With `;` as separator a text cell holding `;` is quoted.
    let mut args = base.to_vec();
    args.extend(["--onderdeel", "signalen", "--csv-nl"]);
    assert_eq!(
        success(&run(&args)),
        "\u{FEFF}jaar;groep;datum;signaal;toelichting\r\n\
         2026;Noord;;minder_bijeenkomsten;4 van de 6 geplande bijeenkomsten gehouden\r\n\
         2026;Noord;2026-03-12;zonder_consulent;bijeenkomst zonder consulent palliatieve zorg\r\n\
         2026;Noord;2026-03-12;onder_minimum;\"3 huisartsen aanwezig; de PaTz-werkwijze vraagt er \
         minstens 4\"\r\n\
         2026;Noord;2026-05-21;onder_minimum;\"1 wijkverpleegkundige aanwezig; de PaTz-werkwijze \
         vraagt er minstens 2\"\r\n"
    );
}

#[test]
fn realised_reduction_and_avoided_costs_of_observed_indicators_are_worked_out_by_hand() {
    let out = success(&run(&[
        "monitor",
        "tests/fixtures/monitor/regio.toml",
        "--bijeenkomsten",
        "tests/fixtures/monitor/noord-2026.csv",
        "--indicatoren",
        "tests/fixtures/monitor/indicatoren.csv",
        "--format",
        "csv",
        "--onderdeel",
        "indicatoren",
    ]));
    // Sorted by year, then in docs/rekenregels.md's order of the indicators.
    assert_eq!(
        out,
        "jaar,indicator,overleden_patienten,gevallen,waargenomen_percentage,basis_percentage,\
         verwacht_percentage,basis,met_patz,vermeden,verwachte_reductie_percentage,\
         gerealiseerde_reductie_percentage,vermeden_kosten\r\n\
         2026,ziekenhuisopnames_meer_dan_1,120,9,7.50,10.00,7.50,12.0,9.0,3.0,25.0,25.0,15000.00\r\n\
         2026,ic_opname,120,7,5.83,5.00,3.50,6.0,4.2,-1.0,30.0,-16.7,-8000.00\r\n\
         2027,overlijden_in_ziekenhuis,150,27,18.00,20.00,16.00,30.0,24.0,3.0,20.0,10.0,5971.43\r\n\
         2027,chemotherapie,150,5,8.33,10.00,8.50,6.0,5.1,1.0,15.0,16.7,515.00\r\n"
    );

    let json: Value = serde_json::from_str(&success(&run(&[
        "monitor",
        "tests/fixtures/monitor/regio.toml",
        "--bijeenkomsten",
        "tests/fixtures/monitor/noord-2026.csv",
        "--indicatoren",
        "tests/fixtures/monitor/indicatoren.csv",
        "--format",
        "json",
    ])))
    .expect("JSON");
    assert_eq!(js(&json, "/totaal/vermeden_kosten"), "13486.43");
    assert_eq!(
        js(&json, "/indicatoren/1/gerealiseerde_reductie_percentage"),
        "-16.7"
    );
    assert_eq!(js(&json, "/indicatoren/3/waargenomen_percentage"), "8.33");
    assert_eq!(js(&json, "/totaal/kosten_geleverd"), "8240.86");
    assert_eq!(
        js(&json, "/jaren/0/groepen/0/rollen/2/kosten_geleverd"),
        "1657.17"
    );
    assert_eq!(
        js(&json, "/jaren/0/groepen/0/signalen/1/datum"),
        "2026-03-12"
    );

    // The exact values behind the rounded cells.
    let s = scenario_of(&fx("regio.toml"));
    let w = registratie::read_indicatoren(&read(&fx("indicatoren.csv")), &s).expect("valid");
    let impact = s.impact.as_ref().expect("[impact]");
    let r = monitor::indicatoren(&s, impact, &w).expect("indicators");
    let chemo = r
        .iter()
        .find(|i| i.indicator == IndicatorId::Chemotherapie)
        .expect("chemo row");
    assert_eq!(chemo.noemer, d("60"));
    assert_eq!(chemo.basis, d("6"));
    assert_eq!(chemo.vermeden, d("1"));
    assert_eq!(chemo.verwacht_percentage, d("8.5"));
}

#[test]
fn observed_indicators_need_an_impact_section() {
    let out = run(&[
        "monitor",
        "tests/fixtures/monitor/zonder-impact.toml",
        "--bijeenkomsten",
        "tests/fixtures/monitor/noord-2026.csv",
        "--indicatoren",
        "tests/fixtures/monitor/indicatoren.csv",
    ]);
    let err = invalid(&out);
    assert!(
        err.contains(
            "tests/fixtures/monitor/zonder-impact.toml: fout: dit scenario heeft geen \
             [impact]-sectie"
        ),
        "{err}"
    );
    // Without --indicatoren the same scenario is fine.
    success(&run(&[
        "monitor",
        "tests/fixtures/monitor/zonder-impact.toml",
        "--bijeenkomsten",
        "tests/fixtures/monitor/noord-2026.csv",
    ]));
    // Asking for the indicator table without the file is a usage error.
    let out = run(&[
        "monitor",
        "tests/fixtures/monitor/regio.toml",
        "--bijeenkomsten",
        "tests/fixtures/monitor/noord-2026.csv",
        "--format",
        "csv",
        "--onderdeel",
        "indicatoren",
    ]);
    assert!(invalid(&out).contains("--onderdeel indicatoren vraagt"));
}

#[test]
fn a_semicolon_file_with_decimal_commas_bom_crlf_and_an_empty_row_reads_the_same() {
    // noord-2026-nl.csv: the same four meetings, `;`-separated, role columns in another order,
    // `1,5` and `1,25`, a BOM, CRLF, a row of empty cells and a quoted group name.
    let s = scenario_of(&fx("regio.toml"));
    let comma = meetings_of(&s, &read(&fx("noord-2026.csv")));
    let nl = meetings_of(&s, &read(&fx("noord-2026-nl.csv")));
    let strip = |v: Vec<Bijeenkomst>| -> Vec<Bijeenkomst> {
        v.into_iter()
            .map(|mut b| {
                b.regel = 0;
                b.duur_uren = b.duur_uren.normalize();
                b
            })
            .collect()
    };
    assert_eq!(strip(comma), strip(nl));
    let a = success(&run(&[
        "monitor",
        "tests/fixtures/monitor/regio.toml",
        "--bijeenkomsten",
        "tests/fixtures/monitor/noord-2026.csv",
        "--format",
        "json",
    ]));
    let b = success(&run(&[
        "monitor",
        "tests/fixtures/monitor/regio.toml",
        "--bijeenkomsten",
        "tests/fixtures/monitor/noord-2026-nl.csv",
        "--format",
        "json",
    ]));
    assert_eq!(a, b);
}

mod afrekening;
mod betaallijst;
mod invoer;
mod jaarverslag;
