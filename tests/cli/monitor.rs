//! Tests: monitor.
//!
//! `monitor` (the verantwoording) and `payout` (the penvoerder's payment list) on the
//! registrations in `tests/fixtures/monitor/`, through the library API and the real binary.
//!
//! # Hand arithmetic
//!
//! Every expected figure below was worked out by hand from SPEC.md "Calculation" and the rules of
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
        "jaar;groep;datum;signaal;toelichting\r\n\
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
    // Sorted by year, then in SPEC.md's order of the indicators.
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

// ---------------------------------------------------------------------------------------------
// payout
// ---------------------------------------------------------------------------------------------

#[test]
fn payout_amounts_per_role_per_quarter_are_worked_out_by_hand() {
    let out = success(&run(&[
        "payout",
        "tests/fixtures/monitor/regio.toml",
        "--bijeenkomsten",
        "tests/fixtures/monitor/plan-2027.csv",
        "--format",
        "csv",
    ]));
    let noord: Vec<String> = out
        .lines()
        .filter(|l| l.starts_with("groep,") || l.starts_with("Noord,"))
        .map(str::to_string)
        .collect();
    assert_eq!(
        noord,
        vec![
            "groep,periode,rol,aanwezigheden,uren,bedrag",
            "Noord,2027-K1,huisarts,4,11.00,1325.61",
            "Noord,2027-K1,wijkverpleegkundige,2,4.50,409.50",
            "Noord,2027-K1,consulent,1,4.75,549.67",
            "Noord,2027-K2,huisarts,8,22.00,2651.22",
            "Noord,2027-K2,wijkverpleegkundige,4,9.00,819.01",
            "Noord,2027-K2,consulent,2,7.00,810.04",
            "Noord,2027-K3,huisarts,4,11.00,1325.61",
            "Noord,2027-K3,wijkverpleegkundige,2,4.50,409.50",
            "Noord,2027-K3,consulent,1,4.75,549.67",
            "Noord,2027-K4,huisarts,8,22.00,2651.22",
            "Noord,2027-K4,wijkverpleegkundige,4,9.00,819.00",
            "Noord,2027-K4,consulent,2,7.00,810.06",
        ]
    );
    // Per year: the quarters add up to the year lines.
    let year = success(&run(&[
        "payout",
        "tests/fixtures/monitor/regio.toml",
        "--bijeenkomsten",
        "tests/fixtures/monitor/plan-2027.csv",
        "--per",
        "jaar",
        "--format",
        "csv",
    ]));
    assert_eq!(
        year,
        "groep,periode,rol,aanwezigheden,uren,bedrag\r\n\
         Noord,2027,huisarts,24,66.00,7953.66\r\n\
         Noord,2027,wijkverpleegkundige,12,27.00,2457.01\r\n\
         Noord,2027,consulent,6,23.50,2719.44\r\n\
         Zuid,2027,huisarts,30,79.50,9580.55\r\n\
         Zuid,2027,wijkverpleegkundige,12,27.00,2457.01\r\n\
         Zuid,2027,consulent,6,23.50,2719.44\r\n"
    );
    for r in rows(&year).iter().skip(1) {
        let (g, rol, total) = (&r[0], &r[2], d(&r[5]));
        let quarters: Decimal = rows(&out)
            .iter()
            .filter(|q| &q[0] == g && &q[2] == rol)
            .map(|q| d(&q[5]))
            .sum();
        assert_eq!(quarters, total, "{g} {rol}");
    }
}

#[test]
fn payout_from_registrations_pays_what_was_held_and_phone_support_up_to_the_last_quarter() {
    let out = success(&run(&[
        "payout",
        "tests/fixtures/monitor/regio.toml",
        "--bijeenkomsten",
        "tests/fixtures/monitor/noord-2026.csv",
        "--format",
        "csv",
    ]));
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines.contains(&"Noord,2026-K1,huisarts,7,19.50,2281.50"),
        "{out}"
    );
    assert!(
        lines.contains(&"Noord,2026-K1,consulent,1,4.75,533.67"),
        "{out}"
    );
    assert!(
        lines.contains(&"Noord,2026-K2,consulent,1,4.75,533.66"),
        "{out}"
    );
    assert!(
        lines.contains(&"Noord,2026-K3,consulent,1,5.25,589.84"),
        "{out}"
    );
    // Nothing registered in K4: no K4 rows at all, no phone support paid ahead.
    assert!(!out.contains("2026-K4"), "{out}");
    let total: Decimal = rows(&out).iter().skip(1).map(|r| d(&r[5])).sum();
    assert_eq!(total, d("8240.86")); // = monitor's delivered cost
}

#[test]
fn payout_over_a_year_of_registrations_matching_the_plan_equals_the_tapas_hour_lines_of_cost() {
    // The small scenario (hand-worked above) and every year of the large example region, whose
    // groups differ in size, duration, chair role and start year, with 3 % indexatie.
    let cases = [
        (fx("regio.toml"), vec![2027]),
        (
            "scenarios/grote-regio.toml".to_string(),
            vec![2026, 2027, 2028],
        ),
        ("scenarios/elders-gefinancierd.toml".to_string(), vec![]),
    ];
    for (path, years) in cases {
        let s = scenario_of(&path);
        let years = if years.is_empty() {
            s.jaren().collect()
        } else {
            years
        };
        for jaar in years {
            let text = plan_registrations(&s, jaar);
            let b = meetings_of(&s, &text);
            let expected = cost_hour_lines(&s, jaar);
            assert!(!expected.is_empty());
            for per in [Per::Jaar, Per::Kwartaal] {
                let list = payout::evaluate(&s, Bron::Registraties(&b), per).expect("payout");
                assert_eq!(payout_lines(&list, jaar), expected, "{path} {jaar} {per:?}");
            }
        }
        // Without registrations the list follows the plan, for every year.
        let plan = payout::evaluate(&s, Bron::Plan, Per::Kwartaal).expect("payout");
        for jaar in s.jaren() {
            assert_eq!(
                payout_lines(&plan, jaar),
                cost_hour_lines(&s, jaar),
                "{path} plan {jaar}"
            );
        }
    }
    // The hand-worked year lines of Zuid in 2027 (see the module comment).
    let s = scenario_of(&fx("regio.toml"));
    let zuid: Vec<Decimal> = cost_hour_lines(&s, 2027)
        .into_iter()
        .filter(|((g, _), _)| *g == 1)
        .map(|(_, x)| x)
        .collect();
    // Sorted by role name: consulent, huisarts, wijkverpleegkundige.
    assert_eq!(zuid, vec![d("2719.44"), d("9580.55"), d("2457.01")]);
}

#[test]
fn payout_leaves_out_roles_financed_elsewhere_and_says_so() {
    let args = |format: &'static str| {
        [
            "payout",
            "tests/fixtures/monitor/consulent-elders.toml",
            "--bijeenkomsten",
            "tests/fixtures/monitor/noord-2026.csv",
            "--per",
            "jaar",
            "--format",
            format,
        ]
    };
    let out = run(&args("csv"));
    assert_eq!(
        success(&out),
        "groep,periode,rol,aanwezigheden,uren,bedrag\r\n\
         Noord,2026,huisarts,15,44.00,5148.00\r\n\
         Noord,2026,wijkverpleegkundige,7,16.25,1435.69\r\n"
    );
    assert!(
        stderr(&out).contains("let op: rol 'consulent' wordt elders gefinancierd"),
        "{}",
        stderr(&out)
    );
    // `--per jaar` pays the whole of 2026: the consulent's meetings 7.25 h → 814.54 (see the
    // module comment) and phone support for all four quarters, 10 h × 112.35 = 1,123.50:
    // 17.25 h, 1,938.04.
    let table = success(&run(&args("table")));
    assert!(
        table.contains(
            "Niet in deze lijst: consulent (elders gefinancierd): 3 aanwezigheden, 17,25 uur, \
             € 1.938,04."
        ),
        "{table}"
    );
    let json: Value = serde_json::from_str(&success(&run(&args("json")))).expect("JSON");
    assert_eq!(js(&json, "/niet_uitbetaald/0/rol"), "consulent");
    assert_eq!(js(&json, "/niet_uitbetaald/0/reden"), "elders_gefinancierd");
    assert_eq!(js(&json, "/niet_uitbetaald/0/bedrag"), "1938.04");
    assert_eq!(js(&json, "/totaal/bedrag"), "6583.69"); // 5,148.00 + 1,435.69
    assert_eq!(js(&json, "/bron"), "registraties");
    assert_eq!(js(&json, "/regels/0/posten/1/post"), "voorzitter");
    assert_eq!(js(&json, "/regels/0/posten/1/bedrag"), "468.00");
}

#[test]
fn the_shipped_example_registrations_raise_the_intended_signals_and_are_deterministic() {
    let args = [
        "monitor",
        "scenarios/grote-regio.toml",
        "--bijeenkomsten",
        "scenarios/grote-regio-bijeenkomsten.csv",
        "--indicatoren",
        "scenarios/grote-regio-indicatoren.csv",
        "--format",
        "csv",
        "--onderdeel",
        "signalen",
    ];
    let out = success(&run(&args));
    let signals: Vec<(String, String, String)> = rows(&out)
        .into_iter()
        .skip(1)
        .map(|r| (r[1].clone(), r[2].clone(), r[3].clone()))
        .collect();
    let want = |g: &str, dt: &str, code: &str| (g.to_string(), dt.to_string(), code.to_string());
    assert_eq!(
        signals,
        vec![
            want("Oost", "", "minder_bijeenkomsten"),
            want("West", "2026-06-08", "zonder_consulent"),
            want("Polderdorpen", "2026-06-23", "onder_minimum"),
            want("Polderdorpen", "2026-10-27", "onder_minimum"),
        ]
    );
    assert_eq!(success(&run(&args)), out);
    for format in ["table", "json"] {
        let mut a = args[..6].to_vec();
        a.extend(["--format", format]);
        assert_eq!(success(&run(&a)), success(&run(&a)));
    }
    let payout = [
        "payout",
        "scenarios/grote-regio.toml",
        "--bijeenkomsten",
        "scenarios/grote-regio-bijeenkomsten.csv",
    ];
    assert_eq!(success(&run(&payout)), success(&run(&payout)));
}

// ---------------------------------------------------------------------------------------------
// Input errors: exit 2, file:line:column, field path, nothing written
// ---------------------------------------------------------------------------------------------

/// Runs `monitor` on the test scenario with `meetings` as `b.csv` (and `indicators` as `i.csv`).
fn monitor_with(meetings: &str, indicators: Option<&str>) -> (Output, tempfile::TempDir) {
    let scenario = fx_abs("regio.toml");
    let scenario = scenario.to_str().expect("UTF-8 path");
    let mut files: Vec<(&str, &[u8])> = vec![("b.csv", meetings.as_bytes())];
    let mut args = vec!["monitor", scenario, "--bijeenkomsten", "b.csv"];
    if let Some(i) = indicators {
        files.push(("i.csv", i.as_bytes()));
        args.extend(["--indicatoren", "i.csv"]);
    }
    args.extend(["-o", "uit.csv"]);
    let (out, dir) = run_with(&files, &args);
    assert!(
        !dir.path().join("uit.csv").exists(),
        "no output file may be written"
    );
    (out, dir)
}

fn meetings_error(body: &str) -> String {
    let (out, _dir) = monitor_with(&format!("{HEADER}\n{body}"), None);
    invalid(&out)
}

#[test]
fn an_unknown_group_is_reported_with_line_column_and_the_nearest_name() {
    // "Nord" starts the record on line 2.
    let err = meetings_error("Nord,2026-01-15,1.5,3,4,2,1\n");
    assert!(
        err.contains(
            "b.csv:2:1: fout: bijeenkomsten[1].groep: groep 'Nord' staat niet in het scenario\n    \
             hint: bedoelde je 'Noord'?"
        ),
        "{err}"
    );
    assert!(
        err.contains("b.csv: 1 fout gevonden; er is niets berekend"),
        "{err}"
    );
}

#[test]
fn an_unknown_role_column_is_reported_with_the_nearest_role_and_the_missing_one() {
    // "consulnt" starts at column 72 of the header: groep(1) datum(7) duur_uren(13)
    // besproken_patienten(23) huisarts(43) wijkverpleegkundige(52) consulnt(72).
    let (out, _dir) = monitor_with(
        "groep,datum,duur_uren,besproken_patienten,huisarts,wijkverpleegkundige,consulnt\n\
         Noord,2026-01-15,1.5,3,4,2,1\n",
        None,
    );
    let err = invalid(&out);
    assert!(
        err.contains(
            "b.csv:1:1: fout: kopregel: kolom 'consulent' ontbreekt\n    hint: voeg een kolom \
             'consulent' toe"
        ),
        "{err}"
    );
    assert!(
        err.contains(
            "b.csv:1:72: fout: kopregel: onbekende kolom 'consulnt'\n    hint: bedoelde je \
             'consulent'?"
        ),
        "{err}"
    );
}

#[test]
fn a_missing_column_is_reported_on_the_header_line() {
    let (out, _dir) = monitor_with(
        "groep,datum,duur_uren,huisarts,wijkverpleegkundige,consulent\n\
         Noord,2026-01-15,1.5,4,2,1\n",
        None,
    );
    let err = invalid(&out);
    assert!(
        err.contains("b.csv:1:1: fout: kopregel: kolom 'besproken_patienten' ontbreekt"),
        "{err}"
    );
}

#[test]
fn dates_outside_the_horizon_before_the_group_start_or_not_in_the_calendar_are_errors() {
    // The date starts at column 7 after "Noord," and at column 6 after "Zuid,".
    let err = meetings_error(
        "Noord,2028-01-10,1.5,3,4,2,1\n\
         Zuid,2026-05-01,1.5,2,5,2,1\n\
         Noord,2026-02-30,1.5,3,4,2,1\n\
         Noord,12-03-2026,1.5,3,4,2,1\n",
    );
    let expected = [
        "b.csv:2:7: fout: bijeenkomsten[1].datum: 2028-01-10 valt buiten de looptijd 2026–2027",
        "b.csv:3:6: fout: bijeenkomsten[2].datum: 2026-05-01 ligt vóór het startjaar 2027 van \
         groep 'Zuid'",
        "b.csv:4:7: fout: bijeenkomsten[3].datum: '2026-02-30' bestaat niet in de kalender",
        "b.csv:5:7: fout: bijeenkomsten[4].datum: '12-03-2026' is geen datum in de vorm JJJJ-MM-DD\n    \
         hint: schrijf de datum als JJJJ-MM-DD, bijv. 2026-03-12",
        "b.csv: 4 fouten gevonden; er is niets berekend",
    ];
    let mut at = 0;
    for e in expected {
        let found = err[at..]
            .find(e)
            .unwrap_or_else(|| panic!("missing (in this order) {e:?} in:\n{err}"));
        at += found + e.len();
    }
}

#[test]
fn a_negative_count_is_an_error_at_its_cell() {
    // The huisarts cell starts at column 24: "Noord,2026-01-15,1.5,3," is 23 characters.
    let err = meetings_error("Noord,2026-01-15,1.5,3,-4,2,1\n");
    assert!(
        err.contains("b.csv:2:24: fout: bijeenkomsten[1].huisarts: -4: mag niet negatief zijn"),
        "{err}"
    );
}

#[test]
fn non_numeric_and_fractional_counts_and_a_decimal_comma_in_a_comma_file_are_errors() {
    let err = meetings_error(
        "Noord,2026-01-15,anderhalf,3,4,2,1\n\
         Noord,2026-02-15,1.5,drie,4,2,1\n\
         Noord,2026-03-15,1.5,3,4.5,2,1\n\
         Noord,2026-04-15,1,5,3,4,2,1\n\
         Noord,2026-05-15,0,3,4,2,1\n",
    );
    for e in [
        // duur_uren starts at column 18, besproken_patienten at 22, huisarts at 24.
        "b.csv:2:18: fout: bijeenkomsten[1].duur_uren: 'anderhalf' is geen getal",
        "b.csv:3:22: fout: bijeenkomsten[2].besproken_patienten: 'drie' is geen getal",
        "b.csv:4:24: fout: bijeenkomsten[3].huisarts: 4.5: geen geheel getal",
        // "1,5" splits into two cells: 8 instead of 7; the 8th starts at column 28.
        "b.csv:5:28: fout: bijeenkomsten[4]: deze regel heeft 8 kolommen, de kopregel 7",
        "b.csv:6:18: fout: bijeenkomsten[5].duur_uren: 0: de duur moet groter dan 0 zijn",
    ] {
        assert!(err.contains(e), "missing {e:?} in:\n{err}");
    }
}

#[test]
fn an_unknown_indicator_id_and_other_indicator_problems_are_reported_with_positions() {
    let (out, _dir) = monitor_with(
        &format!("{HEADER}\nNoord,2026-01-15,1.5,3,4,2,1\n"),
        Some(
            "jaar,indicator,overleden_patienten,gevallen\n\
             2026,ic_opnames,120,7\n\
             2029,ic_opname,120,7\n\
             2026,chemotherapie,0,0\n\
             2026,seh_bezoeken_meer_dan_1,10,11\n\
             2026,ic_opname,120,7\n\
             2026,ic_opname,100,5\n",
        ),
    );
    let err = invalid(&out);
    for e in [
        // The id starts at column 6 after "2026,".
        "i.csv:2:6: fout: indicatoren[1].indicator: 'ic_opnames' is geen indicator-id\n    hint: \
         bedoelde je 'ic_opname'?",
        "i.csv:3:1: fout: indicatoren[2].jaar: 2029 valt buiten de looptijd 2026–2027",
        // "2026,chemotherapie," is 19 characters.
        "i.csv:4:20: fout: indicatoren[3].overleden_patienten: 0: er moet minstens één overleden \
         patiënt zijn",
        // "2026,seh_bezoeken_meer_dan_1,10," is 32 characters.
        "i.csv:5:33: fout: indicatoren[4].gevallen: 11 gevallen is meer dan de 10 overleden \
         patiënten",
        "i.csv:7:6: fout: indicatoren[6].indicator: ic_opname staat voor 2026 al op regel 6",
        "i.csv: 5 fouten gevonden; er is niets berekend",
    ] {
        assert!(err.contains(e), "missing {e:?} in:\n{err}");
    }
}

#[test]
fn every_problem_in_both_files_is_reported_at_once_and_nothing_is_written() {
    let (out, _dir) = monitor_with(
        &format!(
            "{HEADER}\n\
             Noord,2026-01-15,1.5,3,4,2,1\n\
             Noord,2026-01-15,1.5,3,4,2,1\n\
             Nord,2026-13-01,-1,x,4,2,1\n"
        ),
        Some("jaar,indicator,overleden_patienten,gevallen,bron\n2026,ic_opname,120,7,x\n"),
    );
    let err = invalid(&out);
    let expected = [
        "b.csv:3:7: fout: bijeenkomsten[2].datum: groep 'Noord' heeft op 2026-01-15 al een \
         bijeenkomst (regel 2)",
        "b.csv:4:1: fout: bijeenkomsten[3].groep: groep 'Nord' staat niet in het scenario",
        "b.csv:4:6: fout: bijeenkomsten[3].datum: '2026-13-01' bestaat niet in de kalender",
        "b.csv:4:17: fout: bijeenkomsten[3].duur_uren: -1: mag niet negatief zijn",
        "b.csv:4:20: fout: bijeenkomsten[3].besproken_patienten: 'x' is geen getal",
        "b.csv: 5 fouten gevonden; er is niets berekend",
        // "jaar,indicator,overleden_patienten,gevallen," is 44 characters.
        "i.csv:1:45: fout: kopregel: onbekende kolom 'bron'",
        "i.csv: 1 fout gevonden; er is niets berekend",
    ];
    let mut at = 0;
    for e in expected {
        let found = err[at..]
            .find(e)
            .unwrap_or_else(|| panic!("missing (in this order) {e:?} in:\n{err}"));
        at += found + e.len();
    }
}

#[test]
fn payout_with_an_invalid_registration_writes_nothing() {
    let scenario = fx_abs("regio.toml");
    let (out, dir) = run_with(
        &[(
            "b.csv",
            format!("{HEADER}\nNoord,2026-01-15,1.5,3,4,2,x\n").as_bytes(),
        )],
        &[
            "payout",
            scenario.to_str().expect("UTF-8 path"),
            "--bijeenkomsten",
            "b.csv",
            "-o",
            "betaal.csv",
        ],
    );
    // The consulent cell starts at column 28.
    assert!(
        invalid(&out).contains("b.csv:2:28: fout: bijeenkomsten[1].consulent: 'x' is geen getal")
    );
    assert!(!dir.path().join("betaal.csv").exists());
}

#[test]
fn a_registration_that_is_not_utf8_or_is_empty_is_reported() {
    let (out, _dir) = run_with(
        &[("b.csv", b"groep,datum\xff\n")],
        &[
            "monitor",
            fx_abs("regio.toml").to_str().expect("UTF-8 path"),
            "--bijeenkomsten",
            "b.csv",
        ],
    );
    assert!(invalid(&out).contains("b.csv:1:12: fout: geen geldige UTF-8-tekst"));
    let (out, _dir) = monitor_with("", None);
    assert!(invalid(&out).contains("b.csv:1:1: fout: het bestand is leeg"));
}

// ---------------------------------------------------------------------------------------------
// Large garbage, names as written, control characters
// ---------------------------------------------------------------------------------------------

#[test]
fn a_garbage_file_reports_the_first_hundred_errors_in_file_order_and_counts_the_rest() {
    // 1,000 records of one cell each: every one is an error ("1 kolommen, de kopregel 7") with
    // a hint. Printed: the errors of lines 2..=101, then the count of the other 900, then the
    // total of 1,000 (written with a thousands dot).
    let body = "x\n".repeat(1000);
    let err = meetings_error(&body);
    let fouten: Vec<&str> = err.lines().filter(|l| l.contains(": fout: ")).collect();
    assert_eq!(fouten.len(), 100, "{err}");
    assert!(
        fouten[0].starts_with("b.csv:2:1: fout: bijeenkomsten[1]: "),
        "{err}"
    );
    assert!(
        fouten[99].starts_with("b.csv:101:1: fout: bijeenkomsten[100]: "),
        "{err}"
    );
    assert!(!err.contains("b.csv:102:"), "{err}");
    let tail: Vec<&str> = err.lines().rev().take(2).collect();
    assert_eq!(
        tail,
        vec![
            "b.csv: 1.000 fouten gevonden; er is niets berekend",
            "b.csv: … en nog 900 fouten",
        ],
        "{err}"
    );
}

#[test]
fn the_first_hundred_errors_are_the_first_in_the_file_whatever_order_they_are_found_in() {
    // 150 bad rows; the header lacks `besproken_patienten` (an error on line 1, found after the
    // header's other checks). In file order the header error comes first, then rows 2..=100.
    let s = scenario_of(&fx("regio.toml"));
    let mut text = String::from("groep,datum,duur_uren,huisarts,wijkverpleegkundige,consulent\n");
    text.push_str(&"Nord,2026-01-15,1.5,4,2,1\n".repeat(150));
    let e = registratie::read_bijeenkomsten(&text, &s).expect_err("invalid");
    assert_eq!(e.aantal(), 151);
    assert_eq!(e.eerste().len(), 100);
    assert_eq!(e.verder(), 51);
    let lines: Vec<usize> = e.eerste().iter().map(|d| d.pos.line).collect();
    let expected: Vec<usize> = std::iter::once(1).chain(2..=100).collect();
    assert_eq!(lines, expected);
}

#[test]
fn a_quoted_group_name_is_kept_exactly_as_written_and_an_unquoted_one_is_trimmed() {
    let s = scenario_of(&fx("namen.toml"));
    // The scenario's group is "Oost " (with a space): only the quoted cell names it.
    let quoted = format!("{HEADER}\n\"Oost \",2026-01-15,1.5,3,4,2,1\n");
    let b = meetings_of(&s, &quoted);
    assert_eq!(b.len(), 1);
    assert_eq!(b[0].groep, 0);
    // Unquoted, the spaces around a value do not count: "  Oost  " is "Oost", not in the
    // scenario.
    let (out, _dir) = run_with(
        &[(
            "b.csv",
            format!("{HEADER}\n  Oost  ,2026-01-15,1.5,3,4,2,1\n").as_bytes(),
        )],
        &[
            "payout",
            fx_abs("namen.toml").to_str().expect("UTF-8 path"),
            "--bijeenkomsten",
            "b.csv",
        ],
    );
    let err = invalid(&out);
    assert!(
        err.contains(
            "b.csv:2:3: fout: bijeenkomsten[1].groep: groep 'Oost' staat niet in het scenario\n    \
             hint: bedoelde je 'Oost '?"
        ),
        "{err}"
    );
    // A quoted cell keeps its spaces in numbers too, so " 1.5" is not a number there.
    let e = registratie::read_bijeenkomsten(
        &format!("{HEADER}\n\"Oost \",2026-01-15,\" 1.5\",3,4,2,1\n"),
        &s,
    )
    .expect_err("a quoted space is part of the value");
    assert_eq!(e.eerste()[0].message, "' 1.5' is geen getal");
}

#[test]
fn a_group_name_written_in_nfd_is_the_same_group_as_in_nfc() {
    // namen.toml writes "Café" with the precomposed é (U+00E9); the file writes e + U+0301.
    let s = scenario_of(&fx("namen.toml"));
    let text = format!("{HEADER}\nCafe\u{301},2026-01-15,1.5,3,5,2,1\n");
    let b = meetings_of(&s, &text);
    assert_eq!(b.len(), 1);
    assert_eq!(b[0].groep, 1);
}

#[test]
fn a_control_character_in_a_cell_is_refused_at_its_own_line_and_column() {
    // ESC starts at column 6 of line 2 ("Noord" is 5 characters); in the quoted name of line 3
    // the newline ends line 3 at column 4 ("\"No"), and the record's other errors do not hide
    // it. Nothing of the escape sequence reaches the terminal raw.
    let err = meetings_error(
        "Noord\u{1b}[2J,2026-01-15,1.5,3,4,2,1\n\
         \"No\nord\",2026-02-15,1.5,3,4,2,1\n",
    );
    assert!(
        err.contains(
            "b.csv:2:6: fout: bijeenkomsten[1].groep: de cel bevat het stuurteken \\u{1b}"
        ),
        "{err}"
    );
    assert!(
        err.contains("b.csv:3:4: fout: bijeenkomsten[2].groep: de cel bevat het stuurteken \\n"),
        "{err}"
    );
    assert!(!err.contains('\u{1b}'), "{err:?}");
    // In the header too.
    let (out, _dir) = monitor_with(
        &format!("{HEADER}\u{7}\nNoord,2026-01-15,1.5,3,4,2,1\n"),
        None,
    );
    let err = invalid(&out);
    assert!(
        err.contains("b.csv:1:81: fout: kopregel: de cel bevat het stuurteken \\u{7}"),
        "{err}"
    );
}

// ---------------------------------------------------------------------------------------------
// payout: the period is stated, never guessed
// ---------------------------------------------------------------------------------------------

/// `payout` of the test scenario on `noord-2026-eerste-helft.csv` (the plan of Noord for 2026,
/// all six meetings held in January–June) with `extra` arguments, as CSV unless they say
/// otherwise.
fn first_half(extra: &[&str]) -> Output {
    let mut args = vec![
        "payout",
        "tests/fixtures/monitor/regio.toml",
        "--bijeenkomsten",
        "tests/fixtures/monitor/noord-2026-eerste-helft.csv",
    ];
    if !extra.contains(&"--format") {
        args.extend(["--format", "csv"]);
    }
    args.extend(extra);
    run(&args)
}

#[test]
fn a_plan_matching_year_with_meetings_only_in_the_first_half_pays_the_full_year_per_jaar() {
    // Noord, 2026 (I = 1), six meetings of 1.5 h with 4 / 2 / 1 present and 2 patients each:
    // - huisarts: meetings 6 × 4 × 2.25 = 54 h × 117 = 6,318.00, voorzitter 6 × 1 h = 702.00,
    //   coordination 12 × 0.5 = 6 h = 702.00: 66 h, 7,722.00, 24 attendances;
    // - wijkverpleegkundige: 6 × 2 × 2.25 = 27 h × 88.35 = 2,385.45, 12 attendances;
    // - consulent: meetings 6 × 2.25 = 13.5 h × 112.35 = 1,516.725 → 1,516.73, phone support
    //   for the whole year 10 h × 112.35 = 1,123.50: 23.5 h, 2,640.23, 6 attendances.
    // (Paid through the last quarter with a meeting, K2, the phone support would be 5 h =
    // 561.75 and the consulent 18.5 h, 2,078.48: € 561.75 short.)
    let out = first_half(&["--per", "jaar"]);
    assert_eq!(
        success(&out),
        "groep,periode,rol,aanwezigheden,uren,bedrag\r\n\
         Noord,2026,huisarts,24,66.00,7722.00\r\n\
         Noord,2026,wijkverpleegkundige,12,27.00,2385.45\r\n\
         Noord,2026,consulent,6,23.50,2640.23\r\n"
    );
    assert!(
        stderr(&out).contains(
            "regio.toml: periode van de betaallijst: 2026-01-01 t/m 2026-12-31 (hele \
             kalenderjaren, tot en met het laatste jaar met een bijeenkomst)"
        ),
        "{}",
        stderr(&out)
    );
    // These are exactly the TAPA$-financed hour lines of `cost` for 2026.
    let s = scenario_of(&fx("regio.toml"));
    let b = meetings_of(&s, &read(&fx("noord-2026-eerste-helft.csv")));
    let list = payout::evaluate(&s, Bron::Registraties(&b), Per::Jaar).expect("payout");
    assert_eq!(payout_lines(&list, 2026), cost_hour_lines(&s, 2026));
}

#[test]
fn per_kwartaal_pays_through_the_last_registered_quarter_unless_tot_says_otherwise() {
    // Without --tot: K1 and K2 only, and the period says so.
    let out = first_half(&[]);
    let csv = success(&out);
    assert!(
        !csv.contains("2026-K3") && !csv.contains("2026-K4"),
        "{csv}"
    );
    assert!(
        stderr(&out).contains(
            "periode van de betaallijst: 2026-01-01 t/m 2026-06-30 (tot en met het laatste \
             kwartaal met een bijeenkomst; geef --tot om verder te betalen)"
        ),
        "{}",
        stderr(&out)
    );
    // Through 2026-12-31: K3 and K4 pay the consulent's phone support, 2.5 h each. Cumulative
    // 7.5 h × 112.35 = 842.625 → 842.63 less 5 h = 561.75: 280.88; 10 h = 1,123.50 less
    // 842.63: 280.87. The quarters add up to the year of `--per jaar`: 12,747.68 = 7,722.00 +
    // 2,385.45 + 2,640.23.
    let csv = success(&first_half(&["--tot", "2026-12-31"]));
    let lines: Vec<&str> = csv.lines().collect();
    assert!(
        lines.contains(&"Noord,2026-K3,consulent,0,2.50,280.88"),
        "{csv}"
    );
    assert!(
        lines.contains(&"Noord,2026-K4,consulent,0,2.50,280.87"),
        "{csv}"
    );
    let total: Decimal = rows(&csv).iter().skip(1).map(|r| d(&r[5])).sum();
    assert_eq!(total, d("12747.68"));
    // Through 2026-03-31: the three meetings of Q2 wait for a later list, and it says so.
    let out = first_half(&["--tot", "2026-03-31"]);
    assert!(!success(&out).contains("2026-K2"));
    assert!(
        stderr(&out).contains(
            "noord-2026-eerste-helft.csv: let op: 3 bijeenkomsten na 2026-03-31 staan niet in \
             deze betaallijst"
        ),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_earlier_year_is_paid_whole_when_later_quarters_are_registered() {
    // noord-2026.csv ends in 2026-K3; one meeting in 2027 makes 2026 a closed year, so its K4
    // pays the consulent's phone support: 10 h × 112.35 = 1,123.50 less 842.63 (K1–K3) = 280.87.
    let s = scenario_of(&fx("regio.toml"));
    let text = format!(
        "{}Noord,2027-02-11,1.5,2,4,2,1\n",
        read(&fx("noord-2026.csv"))
    );
    let b = meetings_of(&s, &text);
    let list = payout::evaluate(&s, Bron::Registraties(&b), Per::Kwartaal).expect("payout");
    let k4: Vec<(&str, Decimal, Decimal)> = list
        .regels
        .iter()
        .filter(|r| r.groep == 0 && r.periode.label() == "2026-K4")
        .map(|r| (r.rol.as_str(), r.uren, r.bedrag))
        .collect();
    assert_eq!(k4, vec![("consulent", d("2.50"), d("280.87"))]);
    let t = list.tijdvak.expect("a period");
    assert_eq!(
        (t.begin().to_string(), t.eind().to_string()),
        ("2026-01-01".into(), "2027-03-31".into())
    );
}

#[test]
fn every_payout_output_states_the_period_it_covers() {
    let table = success(&first_half(&["--per", "jaar", "--format", "table"]));
    assert!(
        table.contains(
            "Periode: 2026-01-01 t/m 2026-12-31 (hele kalenderjaren, tot en met het laatste jaar \
             met een bijeenkomst)"
        ),
        "{table}"
    );
    let json: Value =
        serde_json::from_str(&success(&first_half(&["--format", "json"]))).expect("JSON");
    assert_eq!(js(&json, "/periode/van"), "2026-01-01");
    assert_eq!(js(&json, "/periode/tot"), "2026-06-30");
    assert_eq!(js(&json, "/periode/einde"), "laatste_kwartaal");
    // The plan: the whole horizon.
    let plan = success(&run(&["payout", "tests/fixtures/monitor/regio.toml"]));
    assert!(
        plan.contains("Periode: 2026-01-01 t/m 2027-12-31 (de looptijd van het scenario)"),
        "{plan}"
    );
}

#[test]
fn a_tot_that_cannot_end_a_payment_list_is_an_error_and_nothing_is_written() {
    let cases: [(&[&str], &str); 4] = [
        (
            &["--tot", "2026-11-15"],
            "fout: --tot 2026-11-15: 2026-11-15 is niet de laatste dag van een kwartaal\n    \
             hint: een betaallijst per kwartaal loopt tot het einde van een kwartaal: \
             2026-09-30 of 2026-12-31",
        ),
        (
            &["--per", "jaar", "--tot", "2026-09-30"],
            "fout: --tot 2026-09-30: 2026-09-30 is niet de laatste dag van een jaar\n    hint: \
             --per jaar betaalt hele kalenderjaren: geef 2026-12-31, of kies --per kwartaal",
        ),
        (
            &["--tot", "31-12-2026"],
            "fout: --tot 31-12-2026: '31-12-2026' is geen datum in de vorm JJJJ-MM-DD\n    \
             hint: schrijf de datum als JJJJ-MM-DD, bijv. 2026-12-31",
        ),
        (
            &["--tot", "2029-12-31"],
            "fout: --tot 2029-12-31: 2029-12-31 valt buiten de looptijd 2026–2027 van het \
             scenario",
        ),
    ];
    for (extra, expected) in cases {
        let scenario = fx_abs("regio.toml");
        let meetings = fx_abs("noord-2026-eerste-helft.csv");
        let mut args = vec![
            "payout",
            scenario.to_str().expect("UTF-8 path"),
            "--bijeenkomsten",
            meetings.to_str().expect("UTF-8 path"),
            "-o",
            "betaal.csv",
        ];
        args.extend(extra);
        let (out, dir) = run_with(&[], &args);
        let err = invalid(&out);
        assert!(
            err.contains(expected),
            "{extra:?}: missing {expected:?} in:\n{err}"
        );
        assert!(!dir.path().join("betaal.csv").exists());
    }
}
