//! Each insurer's own businesscase, worked out by hand: the chosen offer (`gecontracteerd`),
//! verzekerden per year, and per insurer and for the region what the chosen offers pay against
//! what they cost and save (docs/rekenregels.md, "Het gekozen aanbod" and following).
//!
//! Every expected number was worked out independently in the comment next to its assertion,
//! never copied from the program's output.

use super::businesscase::{
    FILE, csv_doc, d, indicators, json_scenario, kosten_of, offers_of, ok_scenario, parse, run_in,
    run_scenario, stderr, stdout, success,
};
use patz_calc::calc::{self, offers};
use patz_calc::scenario::param::Param;

/// Two years, 10000 verzekerden, te_financieren 10000.00 a year (monitoring only, no
/// indexation). Alfa has 60 % (6000 verzekerden), Beta 30 % (3000); 10 % is nobody's.
/// Offers: "Alfa hoog" 2.00 × 6000 = 12000.00 a year; "Alfa laag" 1.00 × 6000 = 6000.00 a
/// year, contracted; "Beta 2027" 1.50 × 3000 = 4500.00 in 2027 only.
const CONTRACT: &str = r#"formaat = 1

[scenario]
naam = "Gecontracteerd"
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
naam = "Leeg"
deelnemers = { huisarts = 0 }

[ondersteuning]
monitoring_per_jaar = 10000

[[verzekeraar]]
naam = "Alfa"
marktaandeel_percentage = 60

[[verzekeraar]]
naam = "Beta"
marktaandeel_percentage = 30

[[aanbod]]
verzekeraar = "Alfa"
label = "Alfa hoog"
tarief_per_verzekerde = 2.00

[[aanbod]]
verzekeraar = "Alfa"
label = "Alfa laag"
tarief_per_verzekerde = 1.00
gecontracteerd = true

[[aanbod]]
verzekeraar = "Beta"
label = "Beta 2027"
tarief_per_verzekerde = 1.50
jaren = [2027]
"#;

#[test]
fn the_contracted_offer_is_chosen_even_when_another_offer_earns_more() {
    let s = parse(CONTRACT);
    let a = offers_of(&s);
    // Alfa hoog earns 2 × 12000 = 24000 over the horizon, Alfa laag 2 × 6000 = 12000: the best
    // is "Alfa hoog" (index 0), but "Alfa laag" (index 1) is contracted.
    assert_eq!(a.verzekeraars[0].beste_aanbod, Some(0));
    assert_eq!(a.verzekeraars[0].gekozen_aanbod, Some(1));
    assert_eq!(offers::gekozen_aanbod(&s, &a, 0), Some(1));
    // Beta signed nothing: its only offer (index 2) is its best and so its chosen one.
    assert_eq!(a.verzekeraars[1].gekozen_aanbod, Some(2));
    assert_eq!(offers::gekozen_aanbod(&s, &a, 1), Some(2));
    // No such insurer: nothing.
    assert_eq!(offers::gekozen_aanbod(&s, &a, 2), None);
}

#[test]
fn without_a_contract_the_best_offer_is_chosen_and_without_offers_none() {
    let s = parse(&CONTRACT.replace("gecontracteerd = true\n", ""));
    let a = offers_of(&s);
    assert_eq!(a.verzekeraars[0].gekozen_aanbod, Some(0));
    assert_eq!(offers::gekozen_aanbod(&s, &a, 0), Some(0));
    // Without Beta's offer, Beta has no chosen offer.
    let zonder_beta = CONTRACT
        .split("[[aanbod]]\nverzekeraar = \"Beta\"")
        .next()
        .unwrap_or_default();
    let s = parse(zonder_beta);
    let a = offers_of(&s);
    assert_eq!(a.verzekeraars[1].gekozen_aanbod, None);
    assert_eq!(offers::gekozen_aanbod(&s, &a, 1), None);
}

#[test]
fn a_tie_in_opbrengst_chooses_the_first_offer_in_the_file() {
    // Both Alfa offers at 1.00: 12000 each over the horizon; the first (index 0) wins.
    let s = parse(&CONTRACT.replace("gecontracteerd = true\n", "").replace(
        "tarief_per_verzekerde = 2.00",
        "tarief_per_verzekerde = 1.00",
    ));
    assert_eq!(offers::gekozen_aanbod(&s, &offers_of(&s), 0), Some(0));
}

#[test]
fn a_second_contracted_offer_of_the_same_insurer_is_an_error_at_the_second() {
    let text = CONTRACT.replace(
        "label = \"Alfa hoog\"\ntarief_per_verzekerde = 2.00\n",
        "label = \"Alfa hoog\"\ntarief_per_verzekerde = 2.00\ngecontracteerd = true\n",
    );
    let (out, _dir) = run_scenario(&text, &["offers", FILE]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stdout(&out), "");
    // Line 41 of CONTRACT is "gecontracteerd = true" of "Alfa laag"; with the line added to
    // "Alfa hoog" above it, it is line 42; its value starts at column 18.
    assert!(
        stderr(&out).contains(
            "scenario.toml:42:18: fout: aanbod[2].gecontracteerd: verzekeraar 'Alfa' heeft al \
             een gecontracteerd aanbod: 'Alfa hoog'"
        ),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("zet 'gecontracteerd = true' bij één ervan"));
}

#[test]
fn gecontracteerd_must_be_true_or_false() {
    let text = CONTRACT.replace("gecontracteerd = true", "gecontracteerd = \"ja\"");
    let (out, _dir) = run_scenario(&text, &["check", FILE]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stdout(&out), "");
    assert!(
        stderr(&out).contains(
            // Line 41 of CONTRACT, the value at column 18.
            "scenario.toml:41:18: fout: aanbod[2].gecontracteerd: verwacht true of false"
        ),
        "{}",
        stderr(&out)
    );
}

// ---------------------------------------------------------------------------------------------
// Verzekerden per year
// ---------------------------------------------------------------------------------------------

/// Three years, te_financieren 10000.00 a year (monitoring only, no indexation), verzekerden
/// 1000, 3000 and 2900. Alfa has 60 % and one offer of € 1,00 per verzekerde.
const PER_JAAR: &str = r#"formaat = 1

[scenario]
naam = "Verzekerden per jaar"
startjaar = 2026
looptijd_jaren = 3
verzekerden = [1000, 3000, 2900]

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
monitoring_per_jaar = 10000

[[verzekeraar]]
naam = "Alfa"
marktaandeel_percentage = 60

[[aanbod]]
verzekeraar = "Alfa"
label = "Alfa een euro"
tarief_per_verzekerde = 1.00
"#;

#[test]
fn the_yearly_tariff_divides_by_that_years_verzekerden_and_the_flat_one_by_their_sum() {
    let k = kosten_of(&parse(PER_JAAR));
    let tarieven: Vec<_> = k
        .jaren
        .iter()
        .map(|j| j.totalen.kostendekkend_tarief)
        .collect();
    // 10000 / 1000 = 10.00; 10000 / 3000 = 3.333… → UP 3.34 (to the nearest: 3.33);
    // 10000 / 2900 = 3.448… → UP 3.45.
    assert_eq!(tarieven, vec![d("10.00"), d("3.34"), d("3.45")]);
    // Σ te_financieren 30000 / Σ verzekerden (1000 + 3000 + 2900 = 6900) = 4.3478… → UP 4.35
    // (one number for every year, 1000 × 3, would have given 10.00).
    assert_eq!(k.totaal.kostendekkend_tarief, d("4.35"));
    let v = json_scenario(PER_JAAR, &["cost", FILE, "--format", "json"]);
    assert_eq!(v["jaren"][1]["kostendekkend_tarief"], "3.34");
    assert_eq!(v["totaal"]["kostendekkend_tarief"], "4.35");
}

#[test]
fn an_insurers_offer_earns_on_that_years_verzekerden() {
    let csv = ok_scenario(PER_JAAR, &["offers", FILE, "--format", "csv"]);
    let expected = csv_doc(&[
        "jaar,aanbod,verzekeraar,kostenaandeel,opbrengst,saldo,dekking_percentage",
        // verzekerden_v = 1000 × 60 % = 600; 1.00 × 600 = 600.00; 600 − 6000 = −5400.00;
        // 600 / 6000 = 10.0 %
        "2026,Alfa een euro,Alfa,6000.00,600.00,-5400.00,10.0",
        // 3000 × 60 % = 1800 → 1800.00; −4200.00; 30.0 %
        "2027,Alfa een euro,Alfa,6000.00,1800.00,-4200.00,30.0",
        // 2900 × 60 % = 1740 → 1740.00; −4260.00; 29.0 %
        "2028,Alfa een euro,Alfa,6000.00,1740.00,-4260.00,29.0",
    ]);
    assert_eq!(csv, expected);
    let a = offers_of(&parse(PER_JAAR));
    assert_eq!(
        a.verzekeraars[0].verzekerden_per_jaar,
        vec![d("600"), d("1800"), d("1740")]
    );
    // Σ kostenaandeel 18000 / Σ verzekerden_v (600 + 1800 + 1740 = 4140) = 4.3478… → UP 4.35.
    assert_eq!(a.verzekeraars[0].break_even_tarief, Some(d("4.35")));
    let v = json_scenario(PER_JAAR, &["offers", FILE, "--format", "json"]);
    assert_eq!(v["totaal"]["verzekeraars"][0]["break_even_tarief"], "4.35");
}

#[test]
fn verzekerden_written_as_one_number_per_year_equal_to_one_number_give_the_same_output() {
    let een = PER_JAAR.replace("[1000, 3000, 2900]", "3000");
    let lijst = PER_JAAR.replace("[1000, 3000, 2900]", "[3000, 3000, 3000]");
    for cmd in ["cost", "offers"] {
        for format in ["table", "csv", "json"] {
            assert_eq!(
                ok_scenario(&een, &[cmd, FILE, "--format", format]),
                ok_scenario(&lijst, &[cmd, FILE, "--format", format]),
                "{cmd} {format}"
            );
        }
    }
    assert_eq!(
        ok_scenario(&een, &["explain", FILE]),
        ok_scenario(&lijst, &["explain", FILE])
    );
}

#[test]
fn explain_divides_each_years_tariff_by_that_years_verzekerden() {
    let out = ok_scenario(
        PER_JAAR,
        &["explain", FILE, "--post", "kostendekkend_tarief"],
    );
    // 2027: € 10.000,00 / 3.000 verzekerden; the horizon: / (1.000 + 3.000 + 2.900 verzekerden).
    assert!(out.contains("€ 10.000,00 / 3.000 verzekerden"), "{out}");
    assert!(
        out.contains("€ 30.000,00 / (1.000 + 3.000 + 2.900 verzekerden)"),
        "{out}"
    );
}

#[test]
fn a_change_of_verzekerden_changes_every_year_in_the_same_proportion() {
    let mut s = parse(PER_JAAR);
    let p = Param::resolve(&s, "scenario.verzekerden").expect("a parameter");
    assert_eq!(p.get(&s), d("1000"));
    p.set(&mut s, d("2000"));
    // × 2000 / 1000 = × 2: 2000, 6000, 5800.
    assert_eq!(
        s.verzekerden_per_jaar,
        Some(vec![d("2000"), d("6000"), d("5800")])
    );
}

/// Runs `check` on PER_JAAR with `verzekerden = WAARDE` and returns stderr of the failure,
/// after asserting exit 2 and an empty stdout.
fn bad_verzekerden(waarde: &str) -> String {
    let text = PER_JAAR.replace("[1000, 3000, 2900]", waarde);
    let (out, _dir) = run_scenario(&text, &["check", FILE]);
    assert_eq!(out.status.code(), Some(2), "{waarde}: {}", stderr(&out));
    assert_eq!(stdout(&out), "");
    stderr(&out)
}

#[test]
fn verzekerden_per_year_must_give_one_number_for_every_year() {
    // Line 7, "verzekerden = [" : the array starts at column 15.
    let err = bad_verzekerden("[1000, 3000]");
    assert!(
        err.contains(
            "scenario.toml:7:15: fout: scenario.verzekerden: verwacht 3 getallen, één per jaar \
             van de looptijd (looptijd_jaren = 3); gevonden: 2 getallen"
        ),
        "{err}"
    );
    assert!(err.contains("of één getal voor alle jaren"), "{err}");
    let err = bad_verzekerden("[]");
    assert!(err.contains("gevonden: 0 getallen"), "{err}");
}

#[test]
fn each_years_verzekerden_is_a_whole_number_inside_the_bounds_at_its_own_place() {
    // "verzekerden = [1000, 0, 2900]": the 0 at column 22.
    let err = bad_verzekerden("[1000, 0, 2900]");
    assert!(
        err.contains(
            "scenario.toml:7:22: fout: scenario.verzekerden[2]: moet een geheel getal groter \
             dan 0 zijn (gevonden: 0)"
        ),
        "{err}"
    );
    // "verzekerden = [1000, 3000, 2900.5]": the third at column 28.
    let err = bad_verzekerden("[1000, 3000, 2900.5]");
    assert!(
        err.contains("scenario.toml:7:28: fout: scenario.verzekerden[3]: moet een geheel getal"),
        "{err}"
    );
    // Above 100.000.000, the bound of verzekerden.
    let err = bad_verzekerden("[1000, 100000001, 2900]");
    assert!(
        err.contains(
            "scenario.toml:7:22: fout: scenario.verzekerden[2]: moet een geheel getal van 1 tot \
             en met 100.000.000 zijn (gevonden: 100000001)"
        ),
        "{err}"
    );
    let err = bad_verzekerden("[1000, \"veel\", 2900]");
    assert!(
        err.contains("scenario.toml:7:22: fout: scenario.verzekerden[2]"),
        "{err}"
    );
}

// ---------------------------------------------------------------------------------------------
// Each insurer's businesscase and the region's view
// ---------------------------------------------------------------------------------------------

/// CONTRACT with [impact]: P = 10 patients a year; ziekenhuisopnames 10 × 20 % = 2 cases, 50 %
/// of them avoided = 1 case × € 1001,01 = vermeden_kosten 1001.01 a year; the other five
/// indicators avoid nothing.
fn contract_met_impact() -> String {
    let nul = ("0", "0", "0");
    format!(
        "{CONTRACT}\n[impact]\naandeel_kanker_percentage = 0\n{}",
        indicators([("20", "50", "1001.01"), nul, nul, nul, nul, nul])
    )
}

#[test]
fn each_insurer_pays_its_chosen_offer_and_saves_its_share_of_the_avoided_costs() {
    let s = parse(&contract_met_impact());
    let r = calc::evaluate(&s).expect("calculates");
    let alfa = &r.per_verzekeraar.verzekeraars[0];
    // Alfa's chosen offer is the contracted "Alfa laag" (index 1): 6000.00 a year.
    assert_eq!(alfa.gekozen_aanbod, Some(1));
    let (jaar, c) = alfa.jaren[0];
    assert_eq!(jaar, 2026);
    // kostenaandeel 10000 × 60 % = 6000.00; betaling 6000.00;
    // vermeden 1001.01 × 60 % = 600.606 → 600.61; netto 600.61 − 6000 = −5399.39;
    // roi −5399.39 / 6000 × 100 = −89.98983… → −90.0.
    assert_eq!(c.kostenaandeel, d("6000.00"));
    assert_eq!(c.betaling, d("6000.00"));
    assert_eq!(c.vermeden_kosten, Some(d("600.61")));
    assert_eq!(c.netto, Some(d("-5399.39")));
    assert_eq!(c.roi_percentage, Some(d("-90.0")));
    // Over the horizon: 12000.00 paid, 2 × 600.61 = 1201.22 saved, netto −10798.78.
    assert_eq!(alfa.totaal.betaling, d("12000.00"));
    assert_eq!(alfa.totaal.vermeden_kosten, Some(d("1201.22")));
    assert_eq!(alfa.totaal.netto, Some(d("-10798.78")));

    let beta = &r.per_verzekeraar.verzekeraars[1];
    // 2026: "Beta 2027" does not cover it: betaling 0.00; vermeden 1001.01 × 30 % = 300.303 →
    // 300.30; netto 300.30; no ROI on a betaling of 0.
    let (_, c) = beta.jaren[0];
    assert_eq!(
        (c.betaling, c.netto, c.roi_percentage),
        (d("0.00"), Some(d("300.30")), None)
    );
    // 2027: 1.50 × 3000 = 4500.00; netto 300.30 − 4500 = −4199.70; roi −93.3266… → −93.3.
    let (_, c) = beta.jaren[1];
    assert_eq!(
        (c.betaling, c.netto, c.roi_percentage),
        (d("4500.00"), Some(d("-4199.70")), Some(d("-93.3")))
    );
    // Horizon: kostenaandeel 6000.00, betaling 4500.00, vermeden 600.60, netto −3899.40,
    // roi −3899.40 / 4500 × 100 = −86.6533… → −86.7 (from the sums).
    assert_eq!(beta.totaal.kostenaandeel, d("6000.00"));
    assert_eq!(beta.totaal.netto, Some(d("-3899.40")));
    assert_eq!(beta.totaal.roi_percentage, Some(d("-86.7")));
}

#[test]
fn the_regions_tekort_is_what_all_chosen_offers_together_leave_open() {
    let s = parse(&contract_met_impact());
    let r = calc::evaluate(&s).expect("calculates");
    let regio = &r.per_verzekeraar.regio;
    // 2026: 6000.00 (Alfa) + 0 (Beta) = 6000.00; tekort 10000 − 6000 = 4000.00; 60.0 %.
    let (_, c) = regio.jaren[0];
    assert_eq!(
        (c.opbrengst, c.tekort, c.dekking_percentage),
        (d("6000.00"), d("4000.00"), Some(d("60.0")))
    );
    // 2027: 6000.00 + 4500.00 = 10500.00; tekort −500.00 (a surplus); 105.0 %.
    let (_, c) = regio.jaren[1];
    assert_eq!(
        (c.opbrengst, c.tekort, c.dekking_percentage),
        (d("10500.00"), d("-500.00"), Some(d("105.0")))
    );
    // Horizon: 20000.00 to finance, 16500.00 paid, tekort 3500.00, 82.5 %.
    let c = regio.totaal;
    assert_eq!(
        (
            c.te_financieren,
            c.opbrengst,
            c.tekort,
            c.dekking_percentage
        ),
        (d("20000.00"), d("16500.00"), d("3500.00"), Some(d("82.5")))
    );
}

#[test]
fn offers_per_verzekeraar_csv_has_the_pinned_columns_a_row_per_year_and_a_totaal_row() {
    let csv = ok_scenario(
        &contract_met_impact(),
        &["offers", FILE, "--per", "verzekeraar", "--format", "csv"],
    );
    // The figures of the test above; Beta's 2026 ROI is empty (betaling 0).
    let expected = csv_doc(&[
        "jaar,verzekeraar,marktaandeel_percentage,gekozen_aanbod,kostenaandeel,betaling,vermeden_kosten,netto,roi_percentage",
        "2026,Alfa,60,Alfa laag,6000.00,6000.00,600.61,-5399.39,-90.0",
        "2027,Alfa,60,Alfa laag,6000.00,6000.00,600.61,-5399.39,-90.0",
        // −10798.78 / 12000 × 100 = −89.98983… → −90.0
        "totaal,Alfa,60,Alfa laag,12000.00,12000.00,1201.22,-10798.78,-90.0",
        "2026,Beta,30,Beta 2027,3000.00,0.00,300.30,300.30,",
        "2027,Beta,30,Beta 2027,3000.00,4500.00,300.30,-4199.70,-93.3",
        "totaal,Beta,30,Beta 2027,6000.00,4500.00,600.60,-3899.40,-86.7",
    ]);
    assert_eq!(csv, expected);
}

#[test]
fn offers_json_carries_the_verzekeraars_and_regio_objects_when_an_offer_is_contracted() {
    let v = json_scenario(
        &contract_met_impact(),
        &["offers", FILE, "--format", "json"],
    );
    let alfa = &v["verzekeraars"][0];
    assert_eq!(alfa["naam"], "Alfa");
    assert_eq!(alfa["marktaandeel_percentage"], "60");
    assert_eq!(alfa["gekozen_aanbod"], "Alfa laag");
    assert_eq!(alfa["jaren"][1]["jaar"], 2027);
    assert_eq!(alfa["jaren"][1]["netto"], "-5399.39");
    assert_eq!(alfa["totaal"]["vermeden_kosten"], "1201.22");
    assert!(alfa["totaal"].get("jaar").is_none());
    assert_eq!(
        v["verzekeraars"][1]["jaren"][0]["roi_percentage"],
        serde_json::Value::Null
    );
    assert_eq!(v["regio"]["jaren"][1]["tekort"], "-500.00");
    assert_eq!(v["regio"]["totaal"]["dekking_percentage"], "82.5");
    assert_eq!(v["regio"]["totaal"]["te_financieren"], "20000.00");
}

#[test]
fn without_a_contracted_offer_the_offers_table_stays_as_before_unless_asked_per_verzekeraar() {
    let zonder = CONTRACT.replace("gecontracteerd = true\n", "");
    let table = ok_scenario(&zonder, &["offers", FILE]);
    assert!(!table.contains("Businesscase per verzekeraar"));
    // Asked for: the chosen offer is then the best one, "Alfa hoog" (12000.00 a year);
    // without [impact] there are no avoided costs, so no netto.
    let v = json_scenario(
        &zonder,
        &["offers", FILE, "--per", "verzekeraar", "--format", "json"],
    );
    assert_eq!(v["verzekeraars"][0]["gekozen_aanbod"], "Alfa hoog");
    assert_eq!(v["verzekeraars"][0]["totaal"]["betaling"], "24000.00");
    assert_eq!(
        v["verzekeraars"][0]["totaal"]["netto"],
        serde_json::Value::Null
    );
    // Region 2026: 12000.00 + 0 = 12000.00 against 10000.00: tekort −2000.00.
    assert_eq!(v["regio"]["jaren"][0]["tekort"], "-2000.00");
    let table = ok_scenario(&zonder, &["offers", FILE, "--per", "verzekeraar"]);
    assert!(table.contains("Businesscase per verzekeraar"), "{table}");
}

#[test]
fn offers_json_carries_verzekeraars_and_regio_whenever_there_are_insurers() {
    // docs/rekenregels.md § 7.2: before anything is signed the chosen offer is the best one,
    // and JSON shows it without --per verzekeraar: the same objects as with it.
    let zonder = CONTRACT.replace("gecontracteerd = true\n", "");
    let v = json_scenario(&zonder, &["offers", FILE, "--format", "json"]);
    let per = json_scenario(
        &zonder,
        &["offers", FILE, "--per", "verzekeraar", "--format", "json"],
    );
    assert_eq!(v["verzekeraars"][0]["gekozen_aanbod"], "Alfa hoog");
    // Alfa hoog: € 2,00 × 6.000 verzekerden = € 12.000,00 a year, two years.
    assert_eq!(v["verzekeraars"][0]["totaal"]["betaling"], "24000.00");
    assert_eq!(v["verzekeraars"], per["verzekeraars"]);
    assert_eq!(v["regio"], per["regio"]);
    // Without any [[verzekeraar]] there is nothing to show: the JSON stays as it was.
    let kaal = run_in(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")),
        &["offers", "scenarios/kleine-regio.toml", "--format", "json"],
    );
    let kaal: serde_json::Value = serde_json::from_str(&success(&kaal)).expect("JSON");
    assert!(kaal.get("verzekeraars").is_none() && kaal.get("regio").is_none());
}

#[test]
fn business_case_table_shows_each_insurers_netto_and_the_regions_tekort() {
    let table = ok_scenario(&contract_met_impact(), &["business-case", FILE]);
    assert!(
        table.contains("Businesscase per verzekeraar (looptijd)"),
        "{table}"
    );
    // Alfa's row over the horizon and the region's tekort row.
    let alfa = table
        .lines()
        .find(|l| l.contains("Alfa laag"))
        .unwrap_or_default();
    for cell in ["€ 12.000,00", "€ 1.201,22", "€ -10.798,78", "-90,0 %"] {
        assert!(alfa.contains(cell), "{cell} in {alfa}");
    }
    let tekort = table
        .lines()
        .find(|l| l.contains("Tekort (negatief: overschot)"))
        .unwrap_or_default();
    for cell in ["€ 4.000,00", "€ -500,00", "€ 3.500,00"] {
        assert!(tekort.contains(cell), "{cell} in {tekort}");
    }
}
