//! Each insurer's own businesscase, worked out by hand: the chosen offer (`gecontracteerd`),
//! verzekerden per year, and per insurer and for the region what the chosen offers pay against
//! what they cost and save (docs/rekenregels.md, "Het gekozen aanbod" and following).
//!
//! Every expected number was worked out independently in the comment next to its assertion,
//! never copied from the program's output.

use super::businesscase::{FILE, offers_of, parse, run_scenario, stderr, stdout};
use patz_calc::calc::offers;

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
