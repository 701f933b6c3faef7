//! Businesscase numbers (impact, offers, business-case, explain) worked out by hand.
//!
//! Every expected number below was worked out independently in the comment next to its
//! assertion (docs/rekenregels.md from "Per insurer v and year" on, and "Output"), never copied
//! from the program's output. The small inline scenarios are built so that the interesting rules
//! show: a group that starts in year 2, indexation, a plafond that binds and one that does not,
//! an offer for part of the horizon, ties at half a cent and at half a tenth (where banker's
//! rounding would differ from half away from zero), a tariff that must be rounded UP, and ratios
//! with a zero denominator.
//!
//! For `explain`, the tests recompute every printed line of the example scenarios from the
//! printed formula itself (a small evaluator for the Dutch notation below), so the audit trail is
//! checked against its own arithmetic rather than against the engine.
//!
//! Library tests use the pure API; CLI tests run the real binary (`CARGO_BIN_EXE_patz-calc`) on a
//! scenario written into a fresh temporary directory.

use std::path::Path;
use std::process::{Command, Output};

use patz_calc::calc::businesscase::{self, BusinessCase};
use patz_calc::calc::cost::{self, Kosten};
use patz_calc::calc::explain::{self, Filter};
use patz_calc::calc::impact::{self, ImpactResultaat};
use patz_calc::calc::offers::{self, Aanbiedingen};
use patz_calc::scenario::{self, IndicatorId, Scenario};
use rust_decimal::{Decimal, RoundingStrategy};
use serde_json::Value;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

pub(super) fn d(s: &str) -> Decimal {
    Decimal::from_str_exact(s).expect("a decimal literal")
}

pub(super) fn parse(text: &str) -> Scenario {
    match scenario::parse(text) {
        Ok(s) => s,
        Err(errors) => panic!("scenario does not parse: {errors:#?}"),
    }
}

pub(super) fn kosten_of(s: &Scenario) -> Kosten {
    cost::evaluate(s).expect("costs calculate")
}

pub(super) fn impact_of(s: &Scenario) -> ImpactResultaat {
    impact::evaluate(s)
        .expect("impact calculates")
        .expect("scenario has [impact]")
}

pub(super) fn offers_of(s: &Scenario) -> Aanbiedingen {
    offers::evaluate(s, &kosten_of(s)).expect("offers calculate")
}

pub(super) fn business_case_of(s: &Scenario) -> BusinessCase {
    businesscase::evaluate(s, &kosten_of(s), &impact_of(s)).expect("business case calculates")
}

/// The name the inline scenario gets in its temporary directory.
pub(super) const FILE: &str = "scenario.toml";

/// Writes `toml` as `scenario.toml` into a fresh directory and runs `patz-calc args` there.
/// Returns the run and the directory (kept alive so that output files can be inspected).
pub(super) fn run_scenario(toml: &str, args: &[&str]) -> (Output, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temporary directory");
    std::fs::write(dir.path().join(FILE), toml).expect("write the scenario");
    let out = run_in(dir.path(), args);
    (out, dir)
}

/// Runs `patz-calc args` in `dir`.
pub(super) fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_patz-calc"))
        .args(args)
        .current_dir(dir)
        .env_remove("CLICOLOR_FORCE")
        .output()
        .expect("patz-calc starts")
}

/// Runs `patz-calc args` in the crate root (for `scenarios/*.toml`).
fn run_root(args: &[&str]) -> Output {
    run_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

pub(super) fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

pub(super) fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).expect("stderr is UTF-8")
}

/// Asserts exit status 0 and returns stdout.
pub(super) fn success(out: &Output) -> String {
    assert_eq!(
        out.status.code(),
        Some(0),
        "expected success; stderr:\n{}",
        stderr(out)
    );
    stdout(out)
}

/// Runs an inline scenario and returns stdout of a successful run.
pub(super) fn ok_scenario(toml: &str, args: &[&str]) -> String {
    let (out, _dir) = run_scenario(toml, args);
    success(&out)
}

/// Runs an inline scenario with `--format json` and parses stdout.
pub(super) fn json_scenario(toml: &str, args: &[&str]) -> Value {
    serde_json::from_str(&ok_scenario(toml, args)).expect("stdout is JSON")
}

/// The expected CSV document: `rows` joined with CRLF (RFC 4180), with a final CRLF.
pub(super) fn csv_doc(rows: &[&str]) -> String {
    let mut s = rows.join("\r\n");
    s.push_str("\r\n");
    s
}

/// A JSON value that must be a string, as a `&str`.
pub(super) fn js<'a>(v: &'a Value, pointer: &str) -> &'a str {
    v.pointer(pointer)
        .unwrap_or_else(|| panic!("{pointer} missing in {v:#}"))
        .as_str()
        .unwrap_or_else(|| panic!("{pointer} is not a string: {v:#}"))
}

/// Money rounding of docs/rekenregels.md: whole cents, half away from zero.
pub(super) fn cents(x: Decimal) -> Decimal {
    x.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// Tariff rounding of docs/rekenregels.md: UP to the whole cent.
pub(super) fn cents_up(x: Decimal) -> Decimal {
    x.round_dp_with_strategy(2, RoundingStrategy::ToPositiveInfinity)
}

/// The six `[[indicator]]` tables, in docs/rekenregels.md's order, each given as
/// `(basis_percentage, reductie_percentage, kosten_per_geval)`.
pub(super) fn indicators(values: [(&str, &str, &str); 6]) -> String {
    let mut out = String::new();
    for (id, (basis, reductie, kosten)) in IndicatorId::ALL.iter().zip(values) {
        out.push_str(&format!(
            "\n[[indicator]]\nid = \"{}\"\nbasis_percentage = {basis}\nreductie_percentage = {reductie}\nkosten_per_geval = {kosten}\nbron = \"test\"\n",
            id.as_str()
        ));
    }
    out
}

// ---------------------------------------------------------------------------------------------
// 1. Impact
// ---------------------------------------------------------------------------------------------

/// Two groups: "Vroeg" (10 patients a year, from 2026) and "Laat" (15 a year, from 2027), so
/// P(2026) = 10 and P(2027) = 10 + 15 = 25. Indexation 10 %: I(2026) = 1, I(2027) = 1.1.
/// 40 % of the patients have cancer.
fn impact_scenario() -> String {
    let mut s = String::from(
        r#"formaat = 1

[scenario]
naam = "Impact met een groep die later start"
startjaar = 2026
looptijd_jaren = 2
verzekerden = 10000

[uurtarieven]
huisarts = 100

[werkwijze]
bijeenkomsten_per_jaar = 6
duur_uren = 1
patienten_per_jaar = 10

[[groep]]
naam = "Vroeg"
deelnemers = { huisarts = 4 }

[[groep]]
naam = "Laat"
deelnemers = { huisarts = 4 }
patienten_per_jaar = 15
start = 2027

[indexatie]
kosten_percentage_per_jaar = 10

[impact]
aandeel_kanker_percentage = 40
"#,
    );
    s.push_str(&indicators([
        ("18", "25", "5200"),   // ziekenhuisopnames_meer_dan_1
        ("5", "50", "9660"),    // ziekenhuisdagen_meer_dan_14
        ("10", "10", "258.25"), // seh_bezoeken_meer_dan_1
        ("5.3", "30", "8181"),  // ic_opname
        ("20", "20", "1932"),   // overlijden_in_ziekenhuis
        ("10", "50", "500"),    // chemotherapie
    ]));
    s
}

#[test]
fn impact_counts_only_the_patients_of_groups_active_in_each_year() {
    let r = impact_of(&parse(&impact_scenario()));
    let p: Vec<(i32, Decimal)> = r.jaren.iter().map(|j| (j.jaar, j.patienten)).collect();
    // 2026: only "Vroeg" = 10; 2027: "Vroeg" 10 + "Laat" 15 = 25.
    assert_eq!(p, vec![(2026, d("10")), (2027, d("25"))]);
    // Over the horizon: 10 + 25 = 35.
    assert_eq!(r.patienten, d("35"));
}

#[test]
fn impact_patients_of_the_large_example_region_grow_when_two_groups_start_in_2027() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/grote-regio.toml"),
    )
    .unwrap();
    let r = impact_of(&parse(&text));
    let p: Vec<Decimal> = r.jaren.iter().map(|j| j.patienten).collect();
    // 2026: Centrum Noord 32 + Centrum Zuid 36 + Oost 28 + West 32 + Havenkwartier 40
    //       + Polderdorpen 24 + Tuinsteden 32 + Stationsgebied 28 = 252;
    // 2027 and 2028: + Nieuwbouw Noord 24 + Nieuwbouw Zuid 28 = 304.
    assert_eq!(p, vec![d("252"), d("304"), d("304")]);
}

#[test]
fn impact_per_indicator_is_basis_times_reduction_times_indexed_cost_per_case() {
    let r = impact_of(&parse(&impact_scenario()));
    let rows: Vec<(i32, IndicatorId, Decimal, Decimal, Decimal, Decimal)> = r
        .jaren
        .iter()
        .flat_map(|j| {
            j.indicatoren.iter().map(move |i| {
                (
                    j.jaar,
                    i.indicator,
                    i.basis,
                    i.vermeden,
                    i.met_patz,
                    i.vermeden_kosten,
                )
            })
        })
        .collect();
    use IndicatorId::*;
    let expected = vec![
        // 2026, P = 10, I = 1
        // basis 10 × 18 % = 1.8; vermeden 1.8 × 25 % = 0.45; met 1.8 − 0.45 = 1.35;
        // kosten 0.45 × 5200 × 1 = 2340.00
        (
            2026,
            ZiekenhuisopnamesMeerDan1,
            d("1.8"),
            d("0.45"),
            d("1.35"),
            d("2340.00"),
        ),
        // 10 × 5 % = 0.5; 0.5 × 50 % = 0.25; 0.25; 0.25 × 9660 = 2415.00
        (
            2026,
            ZiekenhuisdagenMeerDan14,
            d("0.5"),
            d("0.25"),
            d("0.25"),
            d("2415.00"),
        ),
        // 10 × 10 % = 1; 1 × 10 % = 0.1; 0.9; 0.1 × 258.25 = 25.825 → 25.83 (half away;
        // banker's rounding would give 25.82)
        (
            2026,
            SehBezoekenMeerDan1,
            d("1"),
            d("0.1"),
            d("0.9"),
            d("25.83"),
        ),
        // 10 × 5.3 % = 0.53; 0.53 × 30 % = 0.159; 0.371; 0.159 × 8181 = 1300.779 → 1300.78
        (
            2026,
            IcOpname,
            d("0.53"),
            d("0.159"),
            d("0.371"),
            d("1300.78"),
        ),
        // 10 × 20 % = 2; 2 × 20 % = 0.4; 1.6; 0.4 × 1932 = 772.80
        (
            2026,
            OverlijdenInZiekenhuis,
            d("2"),
            d("0.4"),
            d("1.6"),
            d("772.80"),
        ),
        // 10 × 10 % × 40 % (cancer) = 0.4; 0.4 × 50 % = 0.2; 0.2; 0.2 × 500 = 100.00
        (
            2026,
            Chemotherapie,
            d("0.4"),
            d("0.2"),
            d("0.2"),
            d("100.00"),
        ),
        // 2027, P = 25, I = 1.1
        // 25 × 18 % = 4.5; 4.5 × 25 % = 1.125; 3.375; 1.125 × 5200 × 1.1 = 5850 × 1.1 = 6435.00
        (
            2027,
            ZiekenhuisopnamesMeerDan1,
            d("4.5"),
            d("1.125"),
            d("3.375"),
            d("6435.00"),
        ),
        // 25 × 5 % = 1.25; × 50 % = 0.625; 0.625; 0.625 × 9660 = 6037.5; × 1.1 = 6641.25
        (
            2027,
            ZiekenhuisdagenMeerDan14,
            d("1.25"),
            d("0.625"),
            d("0.625"),
            d("6641.25"),
        ),
        // 25 × 10 % = 2.5; × 10 % = 0.25; 2.25; 0.25 × 258.25 = 64.5625; × 1.1 = 71.01875
        // → 71.02
        (
            2027,
            SehBezoekenMeerDan1,
            d("2.5"),
            d("0.25"),
            d("2.25"),
            d("71.02"),
        ),
        // 25 × 5.3 % = 1.325; × 30 % = 0.3975; 0.9275;
        // 0.3975 × 8181 = 3272.4 − 20.4525 = 3251.9475; × 1.1 = 3577.14225 → 3577.14
        (
            2027,
            IcOpname,
            d("1.325"),
            d("0.3975"),
            d("0.9275"),
            d("3577.14"),
        ),
        // 25 × 20 % = 5; × 20 % = 1; 4; 1 × 1932 × 1.1 = 2125.20
        (
            2027,
            OverlijdenInZiekenhuis,
            d("5"),
            d("1"),
            d("4"),
            d("2125.20"),
        ),
        // 25 × 10 % × 40 % = 1; × 50 % = 0.5; 0.5; 0.5 × 500 × 1.1 = 275.00
        (2027, Chemotherapie, d("1"), d("0.5"), d("0.5"), d("275.00")),
    ];
    assert_eq!(rows, expected);

    let per_year: Vec<Decimal> = r.jaren.iter().map(|j| j.vermeden_kosten).collect();
    // 2026: 2340.00 + 2415.00 + 25.83 + 1300.78 + 772.80 + 100.00 = 6954.41
    // 2027: 6435.00 + 6641.25 + 71.02 + 3577.14 + 2125.20 + 275.00 = 19124.61
    assert_eq!(per_year, vec![d("6954.41"), d("19124.61")]);
    // 6954.41 + 19124.61 = 26079.02
    assert_eq!(r.vermeden_kosten, d("26079.02"));
}

#[test]
fn chemotherapy_counts_only_the_share_of_patients_with_cancer() {
    let r = impact_of(&parse(&impact_scenario()));
    let chemo: Vec<Decimal> = r
        .jaren
        .iter()
        .map(|j| {
            j.indicatoren
                .iter()
                .find(|i| i.indicator == IndicatorId::Chemotherapie)
                .unwrap()
                .basis
        })
        .collect();
    // 10 × 10 % × 40 % = 0.4 and 25 × 10 % × 40 % = 1 (without the cancer share: 1 and 2.5).
    assert_eq!(chemo, vec![d("0.4"), d("1")]);
}

#[test]
fn impact_csv_has_the_exact_header_and_counts_at_one_decimal_rounded_half_away() {
    let csv = ok_scenario(&impact_scenario(), &["impact", FILE, "--format", "csv"]);
    // The exact values are in the test above; here each count is rounded to one decimal half
    // away from zero (0.45 → 0.5, 0.25 → 0.3, 1.25 → 1.3: banker's would give 0.4, 0.2, 1.2).
    let expected = csv_doc(&[
        "jaar,indicator,basis,vermeden,met_patz,vermeden_kosten",
        // 1.8 / 0.45 → 0.5 / 1.35 → 1.4
        "2026,ziekenhuisopnames_meer_dan_1,1.8,0.5,1.4,2340.00",
        // 0.5 / 0.25 → 0.3 / 0.25 → 0.3
        "2026,ziekenhuisdagen_meer_dan_14,0.5,0.3,0.3,2415.00",
        // 1 → 1.0 / 0.1 / 0.9
        "2026,seh_bezoeken_meer_dan_1,1.0,0.1,0.9,25.83",
        // 0.53 → 0.5 / 0.159 → 0.2 / 0.371 → 0.4
        "2026,ic_opname,0.5,0.2,0.4,1300.78",
        "2026,overlijden_in_ziekenhuis,2.0,0.4,1.6,772.80",
        "2026,chemotherapie,0.4,0.2,0.2,100.00",
        // 4.5 / 1.125 → 1.1 / 3.375 → 3.4
        "2027,ziekenhuisopnames_meer_dan_1,4.5,1.1,3.4,6435.00",
        // 1.25 → 1.3 / 0.625 → 0.6 / 0.625 → 0.6
        "2027,ziekenhuisdagen_meer_dan_14,1.3,0.6,0.6,6641.25",
        // 2.5 / 0.25 → 0.3 / 2.25 → 2.3
        "2027,seh_bezoeken_meer_dan_1,2.5,0.3,2.3,71.02",
        // 1.325 → 1.3 / 0.3975 → 0.4 / 0.9275 → 0.9
        "2027,ic_opname,1.3,0.4,0.9,3577.14",
        "2027,overlijden_in_ziekenhuis,5.0,1.0,4.0,2125.20",
        "2027,chemotherapie,1.0,0.5,0.5,275.00",
    ]);
    assert_eq!(csv, expected);
}

#[test]
fn impact_json_carries_the_yearly_and_horizon_totals_as_decimal_strings() {
    let v = json_scenario(&impact_scenario(), &["impact", FILE, "--format", "json"]);
    // Yearly sums from the hand-worked indicators: 6954.41 and 19124.61; P = 10 and 25.
    assert_eq!(js(&v, "/jaren/0/vermeden_kosten"), "6954.41");
    assert_eq!(js(&v, "/jaren/1/vermeden_kosten"), "19124.61");
    assert_eq!(js(&v, "/jaren/1/patienten"), "25.0");
    // Horizon: 10 + 25 = 35 patients, 6954.41 + 19124.61 = 26079.02.
    assert_eq!(js(&v, "/totaal/patienten"), "35.0");
    assert_eq!(js(&v, "/totaal/vermeden_kosten"), "26079.02");
    // ic_opname over the horizon: basis 0.53 + 1.325 = 1.855 → 1.9; kosten 1300.78 + 3577.14
    // = 4877.92.
    let ic = v
        .pointer("/totaal/indicatoren")
        .and_then(Value::as_array)
        .unwrap()
        .iter()
        .find(|i| i["indicator"] == "ic_opname")
        .unwrap();
    assert_eq!(ic["basis"], "1.9");
    assert_eq!(ic["vermeden_kosten"], "4877.92");
}

// ---------------------------------------------------------------------------------------------
// 2. Offers
// ---------------------------------------------------------------------------------------------

/// Costs: only `monitoring_per_jaar` 12345.67 (the group has no participants, so no lines),
/// indexed 10 %: te_financieren 2026 = 12345.67; 2027 = 12345.67 × 1.1 = 13580.237 → 13580.24;
/// 2028 = 12345.67 × 1.21 = 12345.67 + 2592.5907 = 14938.2607 → 14938.26.
/// verzekerden 104000; Alfa 45 % (46800 verzekerden), Beta 30.5 % (31720); 24.5 % uncovered.
const OFFERS: &str = r#"formaat = 1

[scenario]
naam = "Aanbiedingen"
startjaar = 2026
looptijd_jaren = 3
verzekerden = 104000

[uurtarieven]
huisarts = 100

[werkwijze]
bijeenkomsten_per_jaar = 6
duur_uren = 1
patienten_per_jaar = 10

[[groep]]
naam = "Leeg"
deelnemers = { huisarts = 0 }

[ondersteuning]
monitoring_per_jaar = 12345.67

[indexatie]
kosten_percentage_per_jaar = 10

[[verzekeraar]]
naam = "Alfa"
marktaandeel_percentage = 45

[[verzekeraar]]
naam = "Beta"
marktaandeel_percentage = 30.5

[[aanbod]]
verzekeraar = "Alfa"
label = "Alfa vast"
tarief_per_verzekerde = 0.15

[[aanbod]]
verzekeraar = "Alfa"
label = "Alfa plafond"
tarief_per_verzekerde = 0.20
plafond = 8000

[[aanbod]]
verzekeraar = "Beta"
label = "Beta kort"
tarief_per_verzekerde = 0.12345
plafond = 5000
jaren = [2027, 2028]
"#;

#[test]
fn offers_split_the_costs_by_market_share_rounded_to_cents_per_year() {
    let s = parse(OFFERS);
    let a = offers_of(&s);
    let alfa = &a.verzekeraars[0];
    let beta = &a.verzekeraars[1];
    // 104000 × 45 % = 46800; 104000 × 30.5 % = 31720.
    assert_eq!(alfa.verzekerden, d("46800"));
    assert_eq!(beta.verzekerden, d("31720"));
    // Alfa: 12345.67 × 0.45 = 5555.5515 → 5555.55; 13580.24 × 0.45 = 6111.108 → 6111.11;
    //       14938.26 × 0.45 = 6722.217 → 6722.22.
    assert_eq!(
        alfa.kostenaandeel_per_jaar,
        vec![d("5555.55"), d("6111.11"), d("6722.22")]
    );
    // 5555.55 + 6111.11 + 6722.22 = 18388.88
    assert_eq!(alfa.kostenaandeel, d("18388.88"));
    // Beta: 12345.67 × 0.305 = 3703.701 + 61.72835 = 3765.42935 → 3765.43;
    //       13580.24 × 0.305 = 4074.072 + 67.9012 = 4141.9732 → 4141.97;
    //       14938.26 × 0.305 = 4481.478 + 74.6913 = 4556.1693 → 4556.17.
    assert_eq!(
        beta.kostenaandeel_per_jaar,
        vec![d("3765.43"), d("4141.97"), d("4556.17")]
    );
    // 3765.43 + 4141.97 + 4556.17 = 12463.57
    assert_eq!(beta.kostenaandeel, d("12463.57"));
}

#[test]
fn offer_revenue_uses_the_unindexed_tariff_and_a_plafond_only_when_it_binds() {
    let s = parse(OFFERS);
    let a = offers_of(&s);
    let opbrengst = |label: &str, jaar: i32| {
        a.regels
            .iter()
            .find(|r| s.aanbiedingen[r.aanbod].label == label && r.jaar == jaar)
            .map(|r| r.opbrengst)
    };
    // "Alfa vast": 0.15 × 46800 = 7020.00 in every year; the 10 % indexation does not touch
    // tariffs (indexed, 2027 would be 7722.00).
    for jaar in [2026, 2027, 2028] {
        assert_eq!(opbrengst("Alfa vast", jaar), Some(d("7020.00")), "{jaar}");
    }
    // "Alfa plafond": 0.20 × 46800 = 9360 > plafond 8000 → 8000.00 (binds).
    for jaar in [2026, 2027, 2028] {
        assert_eq!(
            opbrengst("Alfa plafond", jaar),
            Some(d("8000.00")),
            "{jaar}"
        );
    }
    // "Beta kort": 0.12345 × 31720 = 3806.4 + 109.434 = 3915.834 → 3915.83 < plafond 5000
    // (does not bind).
    assert_eq!(opbrengst("Beta kort", 2027), Some(d("3915.83")));
    assert_eq!(opbrengst("Beta kort", 2028), Some(d("3915.83")));
}

#[test]
fn an_offer_for_part_of_the_horizon_has_rows_only_in_its_years() {
    let s = parse(OFFERS);
    let a = offers_of(&s);
    let beta_years: Vec<i32> = a
        .regels
        .iter()
        .filter(|r| s.aanbiedingen[r.aanbod].label == "Beta kort")
        .map(|r| r.jaar)
        .collect();
    assert_eq!(beta_years, vec![2027, 2028]);
    // Its total covers only those years: kostenaandeel 4141.97 + 4556.17 = 8698.14,
    // opbrengst 2 × 3915.83 = 7831.66, saldo 7831.66 − 8698.14 = −866.48,
    // dekking 7831.66 / 8698.14 = 0.90038… → 90.0.
    let t = &a.totalen[2];
    assert_eq!(
        (t.kostenaandeel, t.opbrengst, t.saldo, t.dekking_percentage),
        (d("8698.14"), d("7831.66"), d("-866.48"), Some(d("90.0")))
    );
}

#[test]
fn offers_csv_has_the_exact_header_and_one_row_per_year_and_offer() {
    let csv = ok_scenario(OFFERS, &["offers", FILE, "--format", "csv"]);
    let expected = csv_doc(&[
        "jaar,aanbod,verzekeraar,kostenaandeel,opbrengst,saldo,dekking_percentage",
        // 7020 − 5555.55 = 1464.45; 7020 / 5555.55 = 1.263601… → 126.4
        "2026,Alfa vast,Alfa,5555.55,7020.00,1464.45,126.4",
        // 8000 − 5555.55 = 2444.45; 8000 / 5555.55 = 1.440001… → 144.0
        "2026,Alfa plafond,Alfa,5555.55,8000.00,2444.45,144.0",
        // 7020 − 6111.11 = 908.89; 7020 / 6111.11 = 1.148727… → 114.9
        "2027,Alfa vast,Alfa,6111.11,7020.00,908.89,114.9",
        // 8000 − 6111.11 = 1888.89; 8000 / 6111.11 = 1.309091… → 130.9
        "2027,Alfa plafond,Alfa,6111.11,8000.00,1888.89,130.9",
        // 3915.83 − 4141.97 = −226.14; 3915.83 / 4141.97 = 0.945403… → 94.5
        "2027,Beta kort,Beta,4141.97,3915.83,-226.14,94.5",
        // 7020 − 6722.22 = 297.78; 7020 / 6722.22 = 1.044298… → 104.4
        "2028,Alfa vast,Alfa,6722.22,7020.00,297.78,104.4",
        // 8000 − 6722.22 = 1277.78; 8000 / 6722.22 = 1.190083… → 119.0
        "2028,Alfa plafond,Alfa,6722.22,8000.00,1277.78,119.0",
        // 3915.83 − 4556.17 = −640.34; 3915.83 / 4556.17 = 0.859457… → 85.9
        "2028,Beta kort,Beta,4556.17,3915.83,-640.34,85.9",
    ]);
    assert_eq!(csv, expected);
}

#[test]
fn costs_of_verzekerden_without_an_insurer_are_reported_as_niet_toegerekend() {
    let s = parse(OFFERS);
    let a = offers_of(&s);
    // Shares sum to 45 + 30.5 = 75.5 %, so 24.5 % is nobody's:
    // 2026: 12345.67 − (5555.55 + 3765.43 = 9320.98) = 3024.69
    // 2027: 13580.24 − (6111.11 + 4141.97 = 10253.08) = 3327.16
    // 2028: 14938.26 − (6722.22 + 4556.17 = 11278.39) = 3659.87
    assert_eq!(
        a.niet_toegerekend,
        vec![
            (2026, d("3024.69")),
            (2027, d("3327.16")),
            (2028, d("3659.87"))
        ]
    );
    // 3024.69 + 3327.16 + 3659.87 = 10011.72
    // (check: Σ te_financieren 40864.17 − Σ shares (18388.88 + 12463.57) = 10011.72)
    assert_eq!(a.niet_toegerekend_totaal, d("10011.72"));

    let v = json_scenario(OFFERS, &["offers", FILE, "--format", "json"]);
    assert_eq!(js(&v, "/jaren/0/niet_toegerekend"), "3024.69");
    assert_eq!(js(&v, "/jaren/2/niet_toegerekend"), "3659.87");
    assert_eq!(js(&v, "/totaal/niet_toegerekend"), "10011.72");
    // 12345.67 + 13580.24 + 14938.26 = 40864.17
    assert_eq!(js(&v, "/totaal/te_financieren"), "40864.17");
}

#[test]
fn break_even_tariff_per_insurer_is_rounded_up_and_the_best_offer_earns_the_most() {
    let s = parse(OFFERS);
    let a = offers_of(&s);
    // Alfa: 18388.88 / (46800 × 3 = 140400) = 0.130974… → UP 0.14 (half away would be 0.13).
    assert_eq!(a.verzekeraars[0].break_even_tarief, Some(d("0.14")));
    // Beta: 12463.57 / (31720 × 3 = 95160) = 0.130974… → UP 0.14.
    assert_eq!(a.verzekeraars[1].break_even_tarief, Some(d("0.14")));
    // Alfa's offers over the horizon: vast 3 × 7020 = 21060 < plafond 3 × 8000 = 24000.
    assert_eq!(a.verzekeraars[0].beste_aanbod, Some(1));
    // Beta has one offer.
    assert_eq!(a.verzekeraars[1].beste_aanbod, Some(2));

    let v = json_scenario(OFFERS, &["offers", FILE, "--format", "json"]);
    let alfa = &v["totaal"]["verzekeraars"][0];
    assert_eq!(alfa["verzekeraar"], "Alfa");
    assert_eq!(alfa["break_even_tarief"], "0.14");
    assert_eq!(alfa["beste_aanbod"], "Alfa plafond");
    assert_eq!(alfa["kostenaandeel"], "18388.88");
    // Offer totals: Alfa vast 21060.00 − 18388.88 = 2671.12, dekking 1.145257… → 114.5;
    // Alfa plafond 24000.00 − 18388.88 = 5611.12, dekking 1.305136… → 130.5.
    let vast = &v["totaal"]["aanbiedingen"][0];
    assert_eq!(
        (
            &vast["opbrengst"],
            &vast["saldo"],
            &vast["dekking_percentage"]
        ),
        (
            &Value::from("21060.00"),
            &Value::from("2671.12"),
            &Value::from("114.5")
        )
    );
    let plafond = &v["totaal"]["aanbiedingen"][1];
    assert_eq!(plafond["saldo"], "5611.12");
    assert_eq!(plafond["dekking_percentage"], "130.5");
}

/// One year, 1000 verzekerden, one insurer with 100 %, costs 4000.00 (monitoring only).
const OFFER_TIES: &str = r#"formaat = 1

[scenario]
naam = "Afronding van aanbiedingen"
startjaar = 2026
looptijd_jaren = 1
verzekerden = 1000

[uurtarieven]
huisarts = 100

[werkwijze]
bijeenkomsten_per_jaar = 6
duur_uren = 1
patienten_per_jaar = 10

[[groep]]
naam = "Leeg"
deelnemers = { huisarts = 0 }

[ondersteuning]
monitoring_per_jaar = 4000

[[verzekeraar]]
naam = "Gamma"
marktaandeel_percentage = 100

[[aanbod]]
verzekeraar = "Gamma"
label = "Gamma rond"
tarief_per_verzekerde = 1.002

[[aanbod]]
verzekeraar = "Gamma"
label = "Gamma halve cent"
tarief_per_verzekerde = 1.002005

[[aanbod]]
verzekeraar = "Gamma"
label = "Gamma laag"
tarief_per_verzekerde = 0.5
"#;

#[test]
fn offer_revenue_and_coverage_round_half_away_from_zero() {
    let csv = ok_scenario(OFFER_TIES, &["offers", FILE, "--format", "csv"]);
    let expected = csv_doc(&[
        "jaar,aanbod,verzekeraar,kostenaandeel,opbrengst,saldo,dekking_percentage",
        // 1.002 × 1000 = 1002.00; saldo 1002 − 4000 = −2998.00;
        // dekking 1002 / 4000 × 100 = 25.05 → 25.1 (banker's: 25.0)
        "2026,Gamma rond,Gamma,4000.00,1002.00,-2998.00,25.1",
        // 1.002005 × 1000 = 1002.005 → 1002.01 (banker's: 1002.00); saldo −2997.99;
        // dekking 1002.01 / 4000 × 100 = 25.05025 → 25.1
        "2026,Gamma halve cent,Gamma,4000.00,1002.01,-2997.99,25.1",
        // 0.5 × 1000 = 500.00; saldo −3500.00; dekking 500 / 4000 × 100 = 12.5
        "2026,Gamma laag,Gamma,4000.00,500.00,-3500.00,12.5",
    ]);
    assert_eq!(csv, expected);
    let a = offers_of(&parse(OFFER_TIES));
    // 4000 / (1000 × 1) = 4 exactly: rounding up leaves it at 4.00.
    assert_eq!(a.verzekeraars[0].break_even_tarief, Some(d("4.00")));
    // 1002.01 > 1002.00 > 500.00: the second offer (neither the first nor the last) is the best.
    assert_eq!(a.verzekeraars[0].beste_aanbod, Some(1));
    // 100 % covered: nothing left over.
    assert_eq!(a.niet_toegerekend_totaal, d("0"));
}

// ---------------------------------------------------------------------------------------------
// 3. Business case
// ---------------------------------------------------------------------------------------------

/// Costs per year (no indexation): group "Een" meets 2 × 1.5 h = 3 h per participant:
/// huisarts 3 × 100 = 300.00 (TAPA$), geestelijk_verzorger 3 × 200 = 600.00 (financed
/// elsewhere); monitoring 9700.00. kosten_totaal 10600.00, elders 600.00, te_financieren
/// 10000.00; tariff 10000 / 9999 = 1.0001… → UP 1.01.
///
/// Avoided per year, P = 50: ziekenhuisopnames 50 × 20 % × 25 % = 2.5 cases × KOSTEN_1;
/// overlijden 50 × 10 % × REDUCTIE_OV % × 1004.74; the other four reduce nothing.
fn business_case_scenario(kosten_1: &str, reductie_ov: &str) -> String {
    let mut s = String::from(
        r#"formaat = 1

[scenario]
naam = "Businesscase"
startjaar = 2026
looptijd_jaren = 3
verzekerden = 9999

[uurtarieven]
huisarts = 100
geestelijk_verzorger = 200

[werkwijze]
bijeenkomsten_per_jaar = 2
duur_uren = 1.5
patienten_per_jaar = 50

[[groep]]
naam = "Een"
deelnemers = { huisarts = 1, geestelijk_verzorger = 1 }

[ondersteuning]
monitoring_per_jaar = 9700

[financiering]
elders_gefinancierd = ["geestelijk_verzorger"]

[impact]
aandeel_kanker_percentage = 40
disconteringsvoet_percentage = 4
"#,
    );
    s.push_str(&indicators([
        ("20", "25", kosten_1),
        ("5", "0", "9660"),
        ("7", "0", "258"),
        ("5", "0", "8000"),
        ("10", reductie_ov, "1004.74"),
        ("8", "0", "506"),
    ]));
    s
}

/// Positive case: 2.5 × 4321.05 = 10802.625 → 10802.63 (banker's 10802.62);
/// 0.5 × 1004.74 = 502.37; vermeden per year 10802.63 + 502.37 = 11305.00.
fn business_case_positive() -> String {
    business_case_scenario("4321.05", "10")
}

#[test]
fn business_case_nets_avoided_costs_against_the_costs_to_finance() {
    let b = business_case_of(&parse(&business_case_positive()));
    for (jaar, y) in &b.jaren {
        assert_eq!(y.kosten.kosten_totaal, d("10600.00"), "{jaar}");
        assert_eq!(y.kosten.elders_gefinancierd, d("600.00"), "{jaar}");
        assert_eq!(y.kosten.te_financieren, d("10000.00"), "{jaar}");
        assert_eq!(y.vermeden_kosten, d("11305.00"), "{jaar}");
        // 11305.00 − 10000.00 = 1305.00
        assert_eq!(y.netto, d("1305.00"), "{jaar}");
        // 1305 / 10000 × 100 = 13.05 → 13.1 (half away; banker's 13.0)
        assert_eq!(y.roi_percentage, Some(d("13.1")), "{jaar}");
        // 10000 / 11305 = 0.884564… → 0.885
        assert_eq!(y.break_even_factor, Some(d("0.885")), "{jaar}");
    }
    let t = &b.totaal;
    // 3 × 10000 = 30000; 3 × 11305 = 33915; netto 3915; roi 3915 / 30000 = 13.05 % → 13.1;
    // break-even 30000 / 33915 = 0.884564… → 0.885.
    assert_eq!(t.kosten.te_financieren, d("30000.00"));
    assert_eq!(t.vermeden_kosten, d("33915.00"));
    assert_eq!(t.netto, d("3915.00"));
    assert_eq!(t.roi_percentage, Some(d("13.1")));
    assert_eq!(t.break_even_factor, Some(d("0.885")));
}

#[test]
fn net_present_value_sums_each_years_discounted_netto_rounded_to_cents() {
    let b = business_case_of(&parse(&business_case_positive()));
    // d = 4 %: 1305.00 / 1.04^0 = 1305.00
    //          1305.00 / 1.04    = 1254.807692… → 1254.81
    //          1305.00 / 1.0816  = 1206.545857… → 1206.55
    // Σ of the rounded terms: 1305.00 + 1254.81 + 1206.55 = 3766.36.
    // (Rounding only once at the end would give 1305 + 1254.807692 + 1206.545857 = 3766.353550
    // → 3766.35, one cent less: the code rounds each year's term, as README.md says.)
    assert_eq!(b.disconteringsvoet_percentage, d("4"));
    assert_eq!(b.netto_contante_waarde, d("3766.36"));
}

#[test]
fn negative_roi_and_break_even_factor_above_one_round_half_away_from_zero() {
    // 2.5 × 3478 = 8695.00 avoided, nothing from overlijden (reductie 0).
    let b = business_case_of(&parse(&business_case_scenario("3478", "0")));
    let (_, y) = &b.jaren[0];
    // 8695.00 − 10000.00 = −1305.00
    assert_eq!(y.netto, d("-1305.00"));
    // −1305 / 10000 × 100 = −13.05 → −13.1 (away from zero; banker's −13.0)
    assert_eq!(y.roi_percentage, Some(d("-13.1")));
    // 10000 / 8695 = 1.150086… → 1.150
    assert_eq!(y.break_even_factor, Some(d("1.150")));
    // Horizon: −3915 / 30000 × 100 = −13.05 → −13.1; 30000 / 26085 = 1.150086… → 1.150.
    assert_eq!(b.totaal.roi_percentage, Some(d("-13.1")));
    assert_eq!(b.totaal.break_even_factor, Some(d("1.150")));
    // NPV: −1305.00 − 1254.81 − 1206.55 = −3766.36 (each term as above, negative).
    assert_eq!(b.netto_contante_waarde, d("-3766.36"));
}

#[test]
fn business_case_csv_has_the_exact_header_one_row_per_year_and_a_totaal_row() {
    let csv = ok_scenario(
        &business_case_positive(),
        &["business-case", FILE, "--format", "csv"],
    );
    let expected = csv_doc(&[
        "jaar,kosten_totaal,elders_gefinancierd,te_financieren,kostendekkend_tarief,vermeden_kosten,netto,roi_percentage",
        "2026,10600.00,600.00,10000.00,1.01,11305.00,1305.00,13.1",
        "2027,10600.00,600.00,10000.00,1.01,11305.00,1305.00,13.1",
        "2028,10600.00,600.00,10000.00,1.01,11305.00,1305.00,13.1",
        // 3 × 10600 = 31800, 3 × 600 = 1800, 3 × 10000 = 30000;
        // flat tariff 30000 / (9999 × 3 = 29997) = 1.0001… → UP 1.01; 3 × 11305 = 33915;
        // netto 3915; roi 13.05 → 13.1
        "totaal,31800.00,1800.00,30000.00,1.01,33915.00,3915.00,13.1",
    ]);
    assert_eq!(csv, expected);
}

#[test]
fn business_case_csv_nl_uses_semicolons_and_decimal_commas() {
    let csv = ok_scenario(
        &business_case_positive(),
        &["business-case", FILE, "--format", "csv", "--csv-nl"],
    );
    let last = csv.split("\r\n").filter(|l| !l.is_empty()).last().unwrap();
    // The totaal row of the test above in Dutch spreadsheet notation.
    assert_eq!(
        last,
        "totaal;31800,00;1800,00;30000,00;1,01;33915,00;3915,00;13,1"
    );
}

#[test]
fn business_case_json_has_break_even_factor_and_net_present_value_as_decimal_strings() {
    let v = json_scenario(
        &business_case_positive(),
        &["business-case", FILE, "--format", "json"],
    );
    // From the hand-worked figures above.
    assert_eq!(js(&v, "/totaal/break_even_factor"), "0.885");
    assert_eq!(js(&v, "/totaal/netto_contante_waarde"), "3766.36");
    assert_eq!(js(&v, "/totaal/roi_percentage"), "13.1");
    assert_eq!(js(&v, "/totaal/netto"), "3915.00");
    assert_eq!(js(&v, "/totaal/kostendekkend_tarief"), "1.01");
    assert_eq!(v.pointer("/jaren/0/jaar"), Some(&Value::from(2026)));
    assert_eq!(js(&v, "/jaren/2/vermeden_kosten"), "11305.00");
    assert_eq!(js(&v, "/jaren/2/roi_percentage"), "13.1");
    // The CSV's fields are there per year and in total, under the same names.
    for pointer in ["/jaren/0", "/totaal"] {
        let obj = v.pointer(pointer).and_then(Value::as_object).unwrap();
        for field in [
            "kosten_totaal",
            "elders_gefinancierd",
            "te_financieren",
            "kostendekkend_tarief",
            "vermeden_kosten",
            "netto",
            "roi_percentage",
        ] {
            assert!(obj.contains_key(field), "{pointer} lacks {field}: {obj:?}");
        }
    }
}

/// Everything is financed elsewhere (te_financieren 0) and nothing is avoided (every reduction
/// 0): every ratio has a zero denominator. Two years; the one group meets 2 × 1.5 h = 3 h,
/// geestelijk_verzorger 3 × 200 = 600.00 elders per year. One insurer with an offer of
/// 0.50 × 1000 = 500.00 against a share of 0.00.
fn zero_scenario() -> String {
    let mut s = String::from(
        r#"formaat = 1

[scenario]
naam = "Noemer nul"
startjaar = 2026
looptijd_jaren = 2
verzekerden = 1000

[uurtarieven]
huisarts = 100
geestelijk_verzorger = 200

[werkwijze]
bijeenkomsten_per_jaar = 2
duur_uren = 1.5
patienten_per_jaar = 50

[[groep]]
naam = "Elders"
deelnemers = { geestelijk_verzorger = 1 }

[financiering]
elders_gefinancierd = ["geestelijk_verzorger"]

[[verzekeraar]]
naam = "Gamma"
marktaandeel_percentage = 100

[[aanbod]]
verzekeraar = "Gamma"
label = "Gamma"
tarief_per_verzekerde = 0.50

[impact]
aandeel_kanker_percentage = 40
disconteringsvoet_percentage = 5
"#,
    );
    s.push_str(&indicators([
        ("20", "0", "5000"),
        ("5", "0", "9660"),
        ("7", "0", "258"),
        ("5", "0", "8000"),
        ("10", "0", "1000"),
        ("8", "0", "506"),
    ]));
    s
}

#[test]
fn ratios_with_a_zero_denominator_are_empty_in_csv_and_null_in_json() {
    let toml = zero_scenario();
    let csv = ok_scenario(&toml, &["business-case", FILE, "--format", "csv"]);
    let expected = csv_doc(&[
        "jaar,kosten_totaal,elders_gefinancierd,te_financieren,kostendekkend_tarief,vermeden_kosten,netto,roi_percentage",
        // 600 elders, 0 to finance (tariff 0.00), 0 avoided, netto 0 − 0 = 0; roi 0 / 0: empty
        "2026,600.00,600.00,0.00,0.00,0.00,0.00,",
        "2027,600.00,600.00,0.00,0.00,0.00,0.00,",
        "totaal,1200.00,1200.00,0.00,0.00,0.00,0.00,",
    ]);
    assert_eq!(csv, expected);

    let v = json_scenario(&toml, &["business-case", FILE, "--format", "json"]);
    assert_eq!(v.pointer("/jaren/0/roi_percentage"), Some(&Value::Null));
    assert_eq!(v.pointer("/totaal/roi_percentage"), Some(&Value::Null));
    // te_financieren / vermeden_kosten = 0 / 0
    assert_eq!(v.pointer("/totaal/break_even_factor"), Some(&Value::Null));
    // Σ 0 / 1.05^k = 0.00
    assert_eq!(js(&v, "/totaal/netto_contante_waarde"), "0.00");

    // Offers: dekking = 500.00 / 0.00 has no value.
    let csv = ok_scenario(&toml, &["offers", FILE, "--format", "csv"]);
    let expected = csv_doc(&[
        "jaar,aanbod,verzekeraar,kostenaandeel,opbrengst,saldo,dekking_percentage",
        // 0.50 × 1000 = 500.00; saldo 500.00 − 0.00 = 500.00
        "2026,Gamma,Gamma,0.00,500.00,500.00,",
        "2027,Gamma,Gamma,0.00,500.00,500.00,",
    ]);
    assert_eq!(csv, expected);
    let v = json_scenario(&toml, &["offers", FILE, "--format", "json"]);
    assert_eq!(
        v.pointer("/jaren/0/aanbiedingen/0/dekking_percentage"),
        Some(&Value::Null)
    );
    assert_eq!(
        v.pointer("/totaal/aanbiedingen/0/dekking_percentage"),
        Some(&Value::Null)
    );
}

// ---------------------------------------------------------------------------------------------
// 4. Without [impact]
// ---------------------------------------------------------------------------------------------

#[test]
fn impact_and_business_case_without_an_impact_section_exit_2_with_a_dutch_message_and_no_output() {
    // scenarios/kleine-regio.toml has no [impact].
    let s = parse(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/kleine-regio.toml"),
        )
        .unwrap(),
    );
    assert!(matches!(impact::evaluate(&s), Ok(Err(_))));

    for command in ["impact", "business-case"] {
        for format in ["table", "csv", "json"] {
            let out = run_root(&[command, "scenarios/kleine-regio.toml", "--format", format]);
            let err = stderr(&out);
            assert_eq!(out.status.code(), Some(2), "{command} {format}: {err}");
            assert!(
                out.stdout.is_empty(),
                "{command} {format} printed: {}",
                stdout(&out)
            );
            assert!(
                err.contains("geen [impact]-sectie"),
                "{command} {format}: no Dutch message about [impact]: {err}"
            );
            assert!(!err.contains("panicked"), "{command} {format}: {err}");
        }
        // With -o no file is written either.
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("uit.csv");
        let scenario = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/kleine-regio.toml");
        let out = run_in(
            dir.path(),
            &[
                command,
                scenario.to_str().unwrap(),
                "-o",
                target.to_str().unwrap(),
            ],
        );
        assert_eq!(out.status.code(), Some(2), "{command} -o");
        assert!(!target.exists(), "{command} -o wrote {}", target.display());
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            0,
            "{command} -o left files behind"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// 5. explain
// ---------------------------------------------------------------------------------------------

/// A number in Dutch notation: `.` groups thousands, `,` is the decimal comma.
fn dutch_number(text: &str) -> Decimal {
    let plain = text.replace('.', "").replace(',', ".");
    Decimal::from_str_exact(&plain).unwrap_or_else(|e| panic!("not a number {text:?}: {e}"))
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Num(Decimal),
    Plus,
    Minus,
    Times,
    Div,
    Open,
    Close,
    Percent,
}

/// The tokens of a printed formula: numbers, `+ − × /`, parentheses and `%`. Words (`u`,
/// `patiënten`, `verzekerden`, `bijeenkomsten`, `deelnemers`, `jaar`, `(TAPA$-regels van het
/// jaar)`) and `€` carry no arithmetic and are dropped; a pair of parentheses left empty by that
/// is dropped too.
fn tokens(formula: &str) -> Vec<Tok> {
    let chars: Vec<char> = formula.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next_is_digit = chars.get(i + 1).is_some_and(|n| n.is_ascii_digit());
        if c.is_ascii_digit() || (c == '-' && next_is_digit) {
            let start = i;
            i += 1;
            while i < chars.len() && (chars[i].is_ascii_digit() || matches!(chars[i], '.' | ',')) {
                i += 1;
            }
            let text: String = chars[start..i].iter().collect();
            out.push(Tok::Num(dutch_number(&text)));
            continue;
        }
        match c {
            ' ' | '€' => {}
            '+' => out.push(Tok::Plus),
            '−' => out.push(Tok::Minus),
            '×' => out.push(Tok::Times),
            '/' => out.push(Tok::Div),
            '(' => out.push(Tok::Open),
            ')' => out.push(Tok::Close),
            '%' => out.push(Tok::Percent),
            c if c.is_alphabetic() || c == '$' || c == '_' => {
                while i < chars.len()
                    && (chars[i].is_alphanumeric() || matches!(chars[i], '$' | '_' | '-'))
                {
                    i += 1;
                }
                continue;
            }
            other => panic!("unexpected {other:?} in formula {formula:?}"),
        }
        i += 1;
    }
    // Drop `( )` pairs that only held words.
    let mut cleaned: Vec<Tok> = Vec::with_capacity(out.len());
    for t in out {
        if t == Tok::Close && cleaned.last() == Some(&Tok::Open) {
            cleaned.pop();
        } else {
            cleaned.push(t);
        }
    }
    cleaned
}

/// Evaluates `tokens` with the usual precedence, in exact decimals.
struct Eval<'a> {
    toks: &'a [Tok],
    pos: usize,
}

impl Eval<'_> {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos)
    }

    fn expr(&mut self) -> Decimal {
        let mut v = self.term();
        loop {
            match self.peek() {
                Some(Tok::Plus) => {
                    self.pos += 1;
                    v = v.checked_add(self.term()).expect("sum fits");
                }
                Some(Tok::Minus) => {
                    self.pos += 1;
                    v = v.checked_sub(self.term()).expect("difference fits");
                }
                _ => return v,
            }
        }
    }

    fn term(&mut self) -> Decimal {
        let mut v = self.factor();
        loop {
            match self.peek() {
                Some(Tok::Times) => {
                    self.pos += 1;
                    v = v.checked_mul(self.factor()).expect("product fits");
                }
                Some(Tok::Div) => {
                    self.pos += 1;
                    v = v.checked_div(self.factor()).expect("quotient fits");
                }
                _ => return v,
            }
        }
    }

    fn factor(&mut self) -> Decimal {
        let mut v = self.primary();
        while self.peek() == Some(&Tok::Percent) {
            self.pos += 1;
            v = v
                .checked_div(Decimal::ONE_HUNDRED)
                .expect("percentage fits");
        }
        v
    }

    fn primary(&mut self) -> Decimal {
        match self.toks.get(self.pos).cloned() {
            Some(Tok::Num(n)) => {
                self.pos += 1;
                n
            }
            Some(Tok::Open) => {
                self.pos += 1;
                let v = self.expr();
                assert_eq!(self.peek(), Some(&Tok::Close), "unbalanced parentheses");
                self.pos += 1;
                v
            }
            other => panic!("expected a number or '(' at {}, found {other:?}", self.pos),
        }
    }
}

/// The value of a printed formula; `geen regels` (no terms at all) is 0.
fn evaluate_formula(formula: &str) -> Decimal {
    let toks = tokens(formula);
    if toks.is_empty() {
        return Decimal::ZERO;
    }
    let mut e = Eval {
        toks: &toks,
        pos: 0,
    };
    let v = e.expr();
    assert_eq!(
        e.pos,
        toks.len(),
        "trailing tokens in {formula:?}: {toks:?}"
    );
    v
}

/// One printed `explain` line taken apart:
/// `post · [rol ·] [groep ·] jaar: formule = [exact →] [naar boven afgerond] € uitkomst`.
#[derive(Debug)]
struct Line {
    head: Vec<String>,
    formula: String,
    exact: Option<Decimal>,
    rounded_up_text: bool,
    result: Decimal,
    /// Decimals of the printed result: 2 for €, 1 for a percentage, 3 for a factor.
    decimals: u32,
}

impl Line {
    fn parse(line: &str) -> Line {
        let (head, rest) = line
            .split_once(": ")
            .unwrap_or_else(|| panic!("no ': ' in {line:?}"));
        let (formula, result) = rest
            .split_once(" = ")
            .unwrap_or_else(|| panic!("no ' = ' in {line:?}"));
        let (exact, result) = match result.split_once(" → ") {
            Some((x, r)) => (Some(dutch_number(x)), r),
            None => (None, result),
        };
        let (rounded_up_text, result) = match result.strip_prefix("naar boven afgerond ") {
            Some(r) => (true, r),
            None => (false, result),
        };
        // An amount (€, cents), a percentage (one decimal) or a factor (three decimals).
        let (number, decimals) = if let Some(a) = result.strip_prefix("€ ") {
            (a, 2)
        } else if let Some(p) = result.strip_suffix(" %") {
            (p, 1)
        } else {
            assert!(
                result.split_once(',').is_some_and(|(_, f)| f.len() == 3),
                "result is neither an amount, a percentage nor a factor in {line:?}"
            );
            (result, 3)
        };
        Line {
            head: head.split(" · ").map(str::to_string).collect(),
            formula: formula.to_string(),
            exact,
            rounded_up_text,
            result: dutch_number(number),
            decimals,
        }
    }

    fn post(&self) -> &str {
        &self.head[0]
    }

    fn jaar(&self) -> &str {
        self.head.last().expect("a head has a year")
    }
}

/// The table output of `patz-calc explain ARGS` (run in the crate root), one entry per line,
/// without the heading (the lines up to the first empty line).
fn explain_lines(args: &[&str]) -> Vec<String> {
    let mut all = vec!["explain"];
    all.extend_from_slice(args);
    let out = run_root(&all);
    let text = success(&out);
    let (heading, body) = text.split_once("\n\n").expect("a heading, then the lines");
    assert!(heading.starts_with("Rekenspoor — "), "{heading}");
    body.lines().map(str::to_string).collect()
}

/// Recomputes one line from its own formula and checks the printed exact value, the rounding
/// and the printed amount. Returns the parsed line.
fn check_line(text: &str) -> Line {
    let l = Line::parse(text);
    let value = evaluate_formula(&l.formula);
    let tariff = l.post() == "kostendekkend_tarief";
    match l.exact {
        Some(exact) => {
            assert_eq!(value, exact, "formula ≠ printed exact value in {text:?}");
            let rounded = if tariff {
                cents_up(exact)
            } else {
                exact.round_dp_with_strategy(
                    l.decimals,
                    rust_decimal::RoundingStrategy::MidpointAwayFromZero,
                )
            };
            assert_eq!(rounded, l.result, "wrong rounding in {text:?}");
            assert_ne!(
                exact, l.result,
                "exact value shown though equal in {text:?}"
            );
            assert_eq!(l.rounded_up_text, tariff, "rounding label in {text:?}");
        }
        None => {
            assert_eq!(value, l.result, "formula ≠ printed result in {text:?}");
            assert!(
                !l.rounded_up_text,
                "rounding label without exact in {text:?}"
            );
        }
    }
    l
}

#[test]
fn every_explain_line_of_the_example_scenarios_recomputes_from_its_printed_formula() {
    // Line counts worked out from the files:
    // kleine-regio: 2026: 3 groups × 8 lines (3 bijeenkomsten roles, voorzitter, coordinatie,
    //   telefonische ondersteuning, ict, huisvesting) + startkosten + scholing of Stad Zuid
    //   + projectleiding, monitoring, overhead = 29, + 4 totals = 33; 2027 and 2028: 3 × 8 + 3
    //   = 27, + 4 = 31 each; + te_financieren and kostendekkend_tarief over the looptijd:
    //   33 + 31 + 31 + 2 = 97.
    // grote-regio: 2026: 8 groups × 8 + 2 (Stationsgebied new) + 3 + 4 totals = 73, + 6
    //   vermeden_kosten = 79; 2027: 10 × 8 + 2 × 2 (Nieuwbouw Noord/Zuid new) + 3 + 4 + 6 = 97;
    //   2028: 80 + 3 + 4 + 6 = 93; + 2 over the looptijd: 79 + 97 + 93 + 2 = 271. Then the
    //   businesscase figures: per year and over the looptijd vermeden_kosten, netto,
    //   roi_percentage, break_even_factor and netto_contante_waarde: 4 × 5 = 20; 271 + 20 = 291.
    // The third example, elders-gefinancierd, is recomputed too (its count is not asserted).
    for (file, count) in [
        ("scenarios/kleine-regio.toml", Some(97)),
        ("scenarios/grote-regio.toml", Some(291)),
        ("scenarios/elders-gefinancierd.toml", None),
    ] {
        let lines = explain_lines(&[file]);
        if let Some(count) = count {
            assert_eq!(lines.len(), count, "{file}");
        }
        let mut exact_shown = 0;
        for text in &lines {
            if check_line(text).exact.is_some() {
                exact_shown += 1;
            }
        }
        // Both files have lines that round (e.g. 1.516,725 → 1.516,73 in kleine-regio).
        assert!(exact_shown > 0, "{file}: no line with an exact value");
    }
}

#[test]
fn explain_shows_the_half_cent_tie_of_the_small_region_rounded_away_from_zero() {
    let lines = explain_lines(&[
        "scenarios/kleine-regio.toml",
        "--jaar",
        "2026",
        "--groep",
        "Dorpen Oost",
        "--post",
        "bijeenkomsten",
    ]);
    // 6 meetings × 1 consulent × (1.5 + 0.5 + 0.25) h × 112.35 = 13.5 × 112.35 = 1516.725
    // → 1516.73 (banker's would give 1516.72).
    assert_eq!(
        lines[2],
        "bijeenkomsten · consulent · Dorpen Oost · 2026: 6 × 1 × (1,5 + 0,5 + 0,25) u × € 112,35 × 1 = 1.516,725 → € 1.516,73"
    );
}

/// The `€ a + € b + …` terms of a sum formula; `geen regels` has none.
fn sum_terms(formula: &str) -> Vec<Decimal> {
    if formula == "geen regels" {
        return Vec::new();
    }
    formula
        .split(" + ")
        .map(|t| dutch_number(t.trim_start_matches("€ ")))
        .collect()
}

#[test]
fn explain_totals_add_exactly_the_printed_lines_they_summarise() {
    // (file, roles financed elsewhere in that file)
    for (file, elders) in [
        ("scenarios/kleine-regio.toml", &[][..]),
        ("scenarios/grote-regio.toml", &[][..]),
        (
            "scenarios/elders-gefinancierd.toml",
            &["consulent", "medisch_specialist"][..],
        ),
    ] {
        let lines: Vec<Line> = explain_lines(&[file])
            .iter()
            .map(|t| Line::parse(t))
            .collect();
        let totals = [
            "kosten_totaal",
            "elders_gefinancierd",
            "te_financieren",
            "kostendekkend_tarief",
            "vermeden_kosten",
            "netto",
            "roi_percentage",
            "break_even_factor",
            "netto_contante_waarde",
        ];
        let mut yearly_te_financieren = Vec::new();
        for jaar in ["2026", "2027", "2028"] {
            let of_year: Vec<&Line> = lines.iter().filter(|l| l.jaar() == jaar).collect();
            let items: Vec<&Line> = of_year
                .iter()
                .copied()
                .filter(|l| !totals.contains(&l.post()))
                .collect();
            let total = |post: &str| {
                of_year
                    .iter()
                    .find(|l| l.post() == post)
                    .unwrap_or_else(|| panic!("{file} {jaar}: no {post}"))
            };
            // kosten_totaal lists the year's printed items, in order, as its terms.
            let all: Vec<Decimal> = items.iter().map(|l| l.result).collect();
            assert_eq!(
                sum_terms(&total("kosten_totaal").formula),
                all,
                "{file} {jaar}: kosten_totaal terms"
            );
            // elders_gefinancierd lists exactly the items of the roles financed elsewhere.
            let is_elders = |l: &Line| l.head.len() > 2 && elders.contains(&l.head[1].as_str());
            let elders_items: Vec<Decimal> = items
                .iter()
                .filter(|l| is_elders(l))
                .map(|l| l.result)
                .collect();
            assert_eq!(
                sum_terms(&total("elders_gefinancierd").formula),
                elders_items,
                "{file} {jaar}: elders_gefinancierd terms"
            );
            assert_eq!(elders_items.is_empty(), elders.is_empty(), "{file} {jaar}");
            // The overhead base is the sum of the other TAPA$ lines of the year.
            let overhead = items.iter().find(|l| l.post() == "overhead").unwrap();
            let base = overhead
                .formula
                .split(" × ")
                .nth(1)
                .unwrap()
                .trim_end_matches(" (TAPA$-regels van het jaar)")
                .trim_start_matches("€ ");
            let tapas: Decimal = items
                .iter()
                .filter(|l| l.post() != "overhead" && !is_elders(l))
                .map(|l| l.result)
                .sum();
            assert_eq!(dutch_number(base), tapas, "{file} {jaar}: overhead base");
            // te_financieren = kosten_totaal − elders_gefinancierd, and the tariff divides it.
            let (kt, el) = (
                total("kosten_totaal").result,
                total("elders_gefinancierd").result,
            );
            assert_eq!(
                total("te_financieren").formula,
                format!("€ {} − € {}", nl_amount(kt), nl_amount(el)),
                "{file} {jaar}"
            );
            let te = total("te_financieren").result;
            let tarief = &total("kostendekkend_tarief").formula;
            assert!(
                tarief.starts_with(&format!("€ {} / ", nl_amount(te))),
                "{file} {jaar}: {tarief}"
            );
            yearly_te_financieren.push(te);
        }
        // Over the looptijd: the three yearly te_financieren figures.
        let horizon = lines
            .iter()
            .find(|l| l.jaar() == "totaal" && l.post() == "te_financieren")
            .unwrap();
        assert_eq!(
            sum_terms(&horizon.formula),
            yearly_te_financieren,
            "{file}: looptijd"
        );
    }
}

/// An amount as `explain` prints it in a sum: `69.937,77`.
fn nl_amount(x: Decimal) -> String {
    let plain = format!("{:.2}", cents(x));
    let (int, frac) = plain.split_once('.').expect("two decimals");
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(c);
    }
    format!("{grouped},{frac}")
}

#[test]
fn explain_of_avoided_costs_uses_the_patients_of_the_active_groups_and_the_indexed_cost() {
    let lines = explain_lines(&["scenarios/grote-regio.toml", "--post", "vermeden_kosten"]);
    // 6 indicators × 3 years, then the sum of each year (3) and of the horizon (1).
    assert_eq!(lines.len(), 18 + 3 + 1);
    // 2026: P = 252 (see the impact test above), I = 1:
    // 252 × 8 % × 27 % × 4830 = 20.16 × 0.27 × 4830 = 5.4432 × 4830 = 26290.656 → 26290.66
    assert_eq!(
        lines[0],
        "vermeden_kosten · ziekenhuisopnames_meer_dan_1 · 2026: 252 patiënten × 8 % × 27 % × € 4.830,00 × 1 = 26.290,656 → € 26.290,66"
    );
    // 2028 chemotherapie: 304 × 8 % × 41 % × 15 % × 506 × 1.03² (= 1.0609):
    // 304 × 0.08 = 24.32; × 0.41 = 9.9712; × 0.15 = 1.49568; × 506 = 756.81408;
    // × 1.0609 = 802.904057472 → 802.90
    assert_eq!(
        lines[17],
        "vermeden_kosten · chemotherapie · 2028: 304 patiënten × 8 % × 41 % × 15 % × € 506,00 × 1,0609 = 802,904057472 → € 802,90"
    );
}

#[test]
fn explain_through_the_library_matches_the_hand_worked_business_case() {
    let s = parse(&business_case_positive());
    let k = kosten_of(&s);
    let i = impact_of(&s);
    let filter = Filter {
        jaar: Some(2027),
        groep: None,
        post: Some("vermeden_kosten".into()),
    };
    let lines: Vec<String> = explain::explain(&s, &k, Some(&i), &filter)
        .iter()
        .map(|u| u.line())
        .collect();
    assert_eq!(lines.len(), 6);
    // 50 × 20 % × 25 % = 2.5 cases × 4321.05 = 10802.625 → 10802.63 (no indexation: no factor)
    assert_eq!(
        lines[0],
        "vermeden_kosten · ziekenhuisopnames_meer_dan_1 · 2027: 50 patiënten × 20 % × 25 % × € 4.321,05 = 10.802,625 → € 10.802,63"
    );
    // 50 × 10 % × 10 % = 0.5 × 1004.74 = 502.37 exactly: no arrow.
    assert_eq!(
        lines[4],
        "vermeden_kosten · overlijden_in_ziekenhuis · 2027: 50 patiënten × 10 % × 10 % × € 1.004,74 = € 502,37"
    );
    // The group lines of the same year: huisarts 2 × 1 × (1.5 + 0 + 0) h × 100 = 300.00,
    // geestelijk_verzorger 3 h × 200 = 600.00.
    let filter = Filter {
        jaar: Some(2027),
        groep: Some("Een".into()),
        post: None,
    };
    let lines: Vec<String> = explain::explain(&s, &k, Some(&i), &filter)
        .iter()
        .map(|u| u.line())
        .collect();
    assert_eq!(
        lines,
        vec![
            "bijeenkomsten · huisarts · Een · 2027: 2 × 1 × (1,5 + 0 + 0) u × € 100,00 = € 300,00",
            "bijeenkomsten · geestelijk_verzorger · Een · 2027: 2 × 1 × (1,5 + 0 + 0) u × € 200,00 = € 600,00",
        ]
    );
}

/// Awkward numbers for the audit trail: indexation 2.5 % over five years (I(2030) =
/// 1.025^4 = 1.103812890625), decimal patients, hours and rates, a wijkverpleegkundige chair,
/// a new group starting in year 3, overhead on top.
const AWKWARD: &str = r#"formaat = 1

[scenario]
naam = "Scheve getallen"
startjaar = 2026
looptijd_jaren = 5
verzekerden = 12345

[uurtarieven]
huisarts = 117.37
wijkverpleegkundige = 88.35
consulent = 112.35

[werkwijze]
bijeenkomsten_per_jaar = 5
duur_uren = 1.75
voorbereiding_uren = 0.33
reistijd_uren = 0.2
voorzitter_rol = "wijkverpleegkundige"
voorzitter_uren = 0.75
coordinatie_uren_per_patient = 0.45
telefonische_ondersteuning_uren = 7.5
patienten_per_jaar = 12.25

[[groep]]
naam = "Een"
deelnemers = { huisarts = 5, wijkverpleegkundige = 3, consulent = 1 }

[[groep]]
naam = "Twee"
deelnemers = { huisarts = 7, wijkverpleegkundige = 2 }
start = 2028
nieuw = true
patienten_per_jaar = 17.5

[ondersteuning]
ict_per_groep = 451.11
huisvesting_per_bijeenkomst = 39.99
projectleiding_uren = 33.3
projectleiding_uurtarief = 95.55
monitoring_per_jaar = 1234.56
startkosten_per_nieuwe_groep = 1500.05
scholing_per_nieuwe_deelnemer = 299.99
overhead_percentage = 4.5

[indexatie]
kosten_percentage_per_jaar = 2.5

[impact]
aandeel_kanker_percentage = 41.5
"#;

#[test]
fn every_explain_line_of_awkward_inline_scenarios_recomputes_from_its_printed_formula() {
    let mut awkward = String::from(AWKWARD);
    awkward.push_str(&indicators([
        ("8.5", "27.5", "4830.33"),
        ("5.25", "20", "9660.01"),
        ("7", "16.5", "258.333"),
        ("5.3", "30", "8181"),
        ("19.1", "20", "1932.5"),
        ("8", "15.25", "506.07"),
    ]));
    for text in [
        awkward,
        impact_scenario(),
        business_case_positive(),
        zero_scenario(),
        OFFERS.to_string(),
    ] {
        let s = parse(&text);
        let k = kosten_of(&s);
        let i = impact::evaluate(&s).unwrap().ok();
        let lines = explain::explain(&s, &k, i.as_ref(), &Filter::default());
        assert!(!lines.is_empty(), "{}", s.naam);
        for u in &lines {
            check_line(&u.line());
        }
    }
}

#[test]
fn explain_jaar_keeps_only_the_lines_of_that_year() {
    let lines = explain_lines(&["scenarios/kleine-regio.toml", "--jaar", "2027"]);
    // 3 groups × 8 + 3 regional = 27 items + 4 totals (see the count above); nothing over the
    // looptijd.
    assert_eq!(lines.len(), 31);
    for l in &lines {
        assert_eq!(Line::parse(l).jaar(), "2027", "{l}");
    }
}

#[test]
fn explain_groep_keeps_only_that_groups_lines_and_drops_the_totals() {
    let lines = explain_lines(&["scenarios/kleine-regio.toml", "--groep", "Stad Zuid"]);
    // Stad Zuid: 8 lines a year + startkosten and scholing in 2026: 10 + 8 + 8 = 26.
    assert_eq!(lines.len(), 26);
    for l in &lines {
        let parsed = Line::parse(l);
        assert_eq!(parsed.head[parsed.head.len() - 2], "Stad Zuid", "{l}");
    }
    // A group that starts in 2027 has nothing to explain in 2026.
    let out = run_root(&[
        "explain",
        "scenarios/grote-regio.toml",
        "--groep",
        "Nieuwbouw Noord",
        "--jaar",
        "2026",
    ]);
    assert!(
        success(&out).ends_with("\n\nGeen regels voor deze selectie.\n"),
        "{}",
        success(&out)
    );
    // From 2027: 8 lines a year + startkosten and scholing in 2027: 10 + 8 = 18.
    let lines = explain_lines(&["scenarios/grote-regio.toml", "--groep", "Nieuwbouw Noord"]);
    assert_eq!(lines.len(), 18);
}

#[test]
fn explain_post_keeps_only_that_post_or_total() {
    let lines = explain_lines(&["scenarios/kleine-regio.toml", "--post", "overhead"]);
    assert_eq!(lines.len(), 3);
    assert!(
        lines.iter().all(|l| l.starts_with("overhead · ")),
        "{lines:?}"
    );
    // Yearly tariffs plus the flat one over the looptijd.
    let lines = explain_lines(&[
        "scenarios/kleine-regio.toml",
        "--post",
        "kostendekkend_tarief",
    ]);
    assert_eq!(lines.len(), 4);
    assert!(lines[3].starts_with("kostendekkend_tarief · totaal: "));
    let lines = explain_lines(&[
        "scenarios/grote-regio.toml",
        "--post",
        "overhead",
        "--jaar",
        "2028",
    ]);
    assert_eq!(lines.len(), 1);
    assert!(lines[0].starts_with("overhead · 2028: 5 % × "), "{lines:?}");
}

#[test]
fn explain_rejects_an_unknown_groep_or_post_or_a_year_outside_the_horizon_with_exit_2() {
    for (args, message) in [
        (
            &["--groep", "Nergens"][..],
            "--groep 'Nergens' bestaat niet",
        ),
        (&["--post", "koffie"][..], "--post 'koffie' is geen post"),
        (
            &["--jaar", "2030"][..],
            "--jaar 2030 ligt buiten de looptijd",
        ),
    ] {
        let mut all = vec!["explain", "scenarios/kleine-regio.toml"];
        all.extend_from_slice(args);
        let out = run_root(&all);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "{args:?}: {}", stdout(&out));
        assert!(err.contains(message), "{args:?}: {err}");
    }
}
