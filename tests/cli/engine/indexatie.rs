//! Indexation, rounding, financing and exact decimals from TOML, worked out by hand (see the
//! parent module).

use super::*;

// ---------------------------------------------------------------------------------------------
// Indexation and rounding
// ---------------------------------------------------------------------------------------------

#[test]
fn indexation_compounds_per_year_from_the_start_year() {
    let k = kosten(
        r#"formaat = 1
[scenario]
naam = "Indexatie"
startjaar = 2026
looptijd_jaren = 3
verzekerden = 1000

[uurtarieven]
huisarts = 100
wijkverpleegkundige = 80
consulent = 120

[werkwijze]
bijeenkomsten_per_jaar = 6
duur_uren = 1.5
patienten_per_jaar = 10

[[groep]]
naam = "A"
deelnemers = { huisarts = 4, wijkverpleegkundige = 2, consulent = 1 }

[ondersteuning]
monitoring_per_jaar = 1000

[indexatie]
kosten_percentage_per_jaar = 10
"#,
    );
    // I(y) = 1.1^(y − 2026): 1, 1.1, 1.21 (compound; linear would give 1.2 in 2028).
    let factors: Vec<Decimal> = k.jaren.iter().map(|j| j.indexfactor).collect();
    assert_eq!(factors, vec![d("1"), d("1.1"), d("1.21")]);
    // monitoring 1000 × I(y)
    assert_eq!(
        regel(jaar(&k, 2026), None, Post::Monitoring, None).bedrag,
        d("1000.00")
    );
    assert_eq!(
        regel(jaar(&k, 2027), None, Post::Monitoring, None).bedrag,
        d("1100.00")
    );
    assert_eq!(
        regel(jaar(&k, 2028), None, Post::Monitoring, None).bedrag,
        d("1210.00")
    );
    // huisarts meetings 6 × 4 × 1.5 = 36 h × 100 × 1.21 = 4356.00 in 2028
    assert_eq!(
        regel(
            jaar(&k, 2028),
            Some(0),
            Post::Bijeenkomsten,
            Some("huisarts")
        )
        .bedrag,
        d("4356.00")
    );
}

#[test]
fn indexation_applies_to_the_unrounded_product_and_only_the_line_is_rounded() {
    let k = kosten(
        r#"formaat = 1
[scenario]
naam = "Indexatie afronding"
startjaar = 2026
looptijd_jaren = 2
verzekerden = 1000

[uurtarieven]
huisarts = 100
wijkverpleegkundige = 88.35
consulent = 120

[werkwijze]
bijeenkomsten_per_jaar = 6
duur_uren = 1.5
voorbereiding_uren = 0.5
reistijd_uren = 0.25
patienten_per_jaar = 10

[[groep]]
naam = "A"
deelnemers = { huisarts = 4, wijkverpleegkundige = 3, consulent = 1 }

[indexatie]
kosten_percentage_per_jaar = 2
"#,
    );
    let wv = |y| {
        regel(
            jaar(&k, y),
            Some(0),
            Post::Bijeenkomsten,
            Some("wijkverpleegkundige"),
        )
        .bedrag
    };
    // 6 × 3 × 2.25 = 40.5 h; 2026: 40.5 × 88.35 = 3578.175 -> 3578.18
    assert_eq!(wv(2026), d("3578.18"));
    // 2027: 40.5 × 88.35 × 1.02 = 3649.7385 -> 3649.74
    // (rounding the indexed rate first: 88.35 × 1.02 = 90.117 -> 90.12; 40.5 × 90.12 = 3649.86)
    assert_eq!(wv(2027), d("3649.74"));
}

#[test]
fn the_index_factor_itself_is_not_rounded() {
    let k = kosten(
        r#"formaat = 1
[scenario]
naam = "Indexfactor"
startjaar = 2026
looptijd_jaren = 3
verzekerden = 1000

[uurtarieven]
huisarts = 100
wijkverpleegkundige = 80
consulent = 120

[werkwijze]
bijeenkomsten_per_jaar = 6
duur_uren = 1.5
patienten_per_jaar = 10

[[groep]]
naam = "A"
deelnemers = { huisarts = 4, wijkverpleegkundige = 2, consulent = 1 }

[ondersteuning]
ict_per_groep = 450

[indexatie]
kosten_percentage_per_jaar = 3
"#,
    );
    let j = jaar(&k, 2028);
    // I(2028) = 1.03² = 1.0609 (not 1.06)
    assert_eq!(j.indexfactor, d("1.0609"));
    // 450 × 1.0609 = 477.405 -> 477.41 (half away from zero; banker's would give 477.40,
    // and a factor rounded to 1.06 would give 477.00)
    assert_eq!(regel(j, Some(0), Post::Ict, None).bedrag, d("477.41"));
}

#[test]
fn each_line_is_rounded_half_away_from_zero_and_totals_are_sums_of_rounded_lines() {
    let k = kosten(
        r#"formaat = 1
[scenario]
naam = "Afronding"
startjaar = 2026
looptijd_jaren = 1
verzekerden = 1000

[uurtarieven]
huisarts = 100
wijkverpleegkundige = 80
consulent = 112.35

[werkwijze]
bijeenkomsten_per_jaar = 6
duur_uren = 1.5
voorbereiding_uren = 0.5
reistijd_uren = 0.25
patienten_per_jaar = 10

[[groep]]
naam = "A"
deelnemers = { consulent = 1 }

[[groep]]
naam = "B"
deelnemers = { consulent = 1 }

[[groep]]
naam = "C"
deelnemers = { consulent = 1 }
"#,
    );
    let j = jaar(&k, 2026);
    for g in 0..3 {
        let r = regel(j, Some(g), Post::Bijeenkomsten, Some("consulent"));
        // 6 × 1 × 2.25 = 13.5 h; 13.5 × 112.35 = 1516.725 -> 1516.73
        // (banker's rounding would give 1516.72)
        assert_eq!(r.uren, Some(d("13.5")));
        assert_eq!(r.bedrag, d("1516.73"));
    }
    assert_eq!(j.regels.len(), 3);
    // Σ rounded lines 3 × 1516.73 = 4550.19 (rounding the exact sum 4550.175 would give 4550.18)
    assert_eq!(j.totalen.kosten_totaal, d("4550.19"));
    assert_eq!(j.totalen.te_financieren, d("4550.19"));
    // 4550.19 / 1000 = 4.55019 -> up 4.56
    assert_eq!(j.totalen.kostendekkend_tarief, d("4.56"));
}

#[test]
fn the_tariff_is_rounded_up_per_year_and_the_horizon_tariff_spreads_the_sum_over_all_years() {
    let k = kosten(
        r#"formaat = 1
[scenario]
naam = "Tarief"
startjaar = 2026
looptijd_jaren = 2
verzekerden = 3000

[uurtarieven]
huisarts = 100
wijkverpleegkundige = 80
consulent = 120

[werkwijze]
bijeenkomsten_per_jaar = 6
duur_uren = 1.25
patienten_per_jaar = 10

[[groep]]
naam = "A"
deelnemers = { huisarts = 4 }
nieuw = true

[ondersteuning]
startkosten_per_nieuwe_groep = 300.01
"#,
    );
    // Each year: 6 × 4 × 1.25 = 30 h × 100 = 3000.00.
    // 2026 adds startkosten 300.01: te_financieren 3300.01.
    let j2026 = jaar(&k, 2026);
    assert_eq!(j2026.totalen.te_financieren, d("3300.01"));
    // 3300.01 / 3000 = 1.1000033… -> up 1.11 (half away from zero would give 1.10)
    assert_eq!(j2026.totalen.kostendekkend_tarief, d("1.11"));
    let j2027 = jaar(&k, 2027);
    assert_eq!(j2027.totalen.te_financieren, d("3000.00"));
    // 3000.00 / 3000 = 1 exactly: an exact cent is not rounded up further.
    assert_eq!(j2027.totalen.kostendekkend_tarief, d("1.00"));
    // Horizon: Σ te_financieren = 3300.01 + 3000.00 = 6300.01;
    // 6300.01 / (3000 × 2 = 6000) = 1.0500016… -> up 1.06 (half away would give 1.05)
    assert_eq!(k.totaal.te_financieren, d("6300.01"));
    assert_eq!(k.totaal.kosten_totaal, d("6300.01"));
    assert_eq!(k.totaal.elders_gefinancierd, d("0"));
    assert_eq!(k.totaal.kostendekkend_tarief, d("1.06"));
}

#[test]
fn the_tariff_is_the_exact_quotient_rounded_up_even_with_the_most_verzekerden() {
    let k = kosten(
        r#"formaat = 1
[scenario]
naam = "Tarief precisie"
startjaar = 2026
looptijd_jaren = 1
verzekerden = 100000000

[uurtarieven]
huisarts = 0

[werkwijze]
bijeenkomsten_per_jaar = 6
duur_uren = 1
patienten_per_jaar = 0

[[groep]]
naam = "A"
deelnemers = { huisarts = 4 }

[ondersteuning]
monitoring_per_jaar = 99999999.99
ict_per_groep = 0.02
"#,
    );
    let j = jaar(&k, 2026);
    // te_financieren = 99999999.99 + 0.02 = 100000000.01 (the huisarts hours cost € 0).
    assert_eq!(j.totalen.te_financieren, d("100000000.01"));
    // 100000000.01 / 10^8 = 1.0000000001 -> rounded UP: 1.01; 1.00 would bring in only
    // 1.00 × 10^8 = 100000000.00 < te_financieren.
    assert_eq!(j.totalen.kostendekkend_tarief, d("1.01"));
}

/// A monitoring line whose exact indexed amount lies on a half cent, where `I(y)` has more
/// decimals than a `Decimal` holds. Within the documented bounds. Before the exact rounding
/// (issue 13) this gave 152587890.62: the factor was cut to 28 digits first.
#[test]
fn an_indexed_line_exactly_on_a_half_cent_rounds_up_even_when_the_factor_has_30_decimals() {
    let k = kosten(
        r#"formaat = 1
[scenario]
naam = "Indexatie precisie"
startjaar = 2026
looptijd_jaren = 16
verzekerden = 1000

[uurtarieven]
huisarts = 0

[werkwijze]
bijeenkomsten_per_jaar = 6
duur_uren = 1
patienten_per_jaar = 0

[[groep]]
naam = "A"
deelnemers = { huisarts = 4 }

[ondersteuning]
monitoring_per_jaar = 5368709.12

[indexatie]
kosten_percentage_per_jaar = 25
"#,
    );
    let j = jaar(&k, 2041);
    // I(2041) = 1.25^15 = 5^15 / 4^15 = 30517578125 / 2^30 = 28.421709430404007434844970703125:
    // 30 decimals, more than a Decimal holds.
    // monitoring = 5368709.12 = 2^29 / 100, so the line is 2^29 × 5^15 / (2^30 × 100)
    // = 5^15 / 200 = 30517578125 / 200 = 152587890.625 exactly -> 152587890.63.
    assert_eq!(
        regel(j, None, Post::Monitoring, None).bedrag,
        d("152587890.63")
    );
}

/// The same at 87.5 %: I(2037) = 1.875^11 = 15^11 / 2^33 (33 decimals); 42949672.96 =
/// 2^32 / 100, so the line is 15^11 / 200 = 8649755859375 / 200 = 43248779296.875 exactly
/// -> 43248779296.88 (cut to 28 digits first: .87).
#[test]
fn a_factor_with_33_decimals_still_rounds_the_exact_amount() {
    let k = kosten(&monitoring_only("42949672.96", "87.5", 12));
    assert_eq!(
        regel(jaar(&k, 2037), None, Post::Monitoring, None).bedrag,
        d("43248779296.88")
    );
}

/// BASE without any hour costs, `looptijd` years, and only a monitoring line of `bedrag` €
/// indexed at `procent` % a year.
fn monitoring_only(bedrag: &str, procent: &str, looptijd: u32) -> String {
    let src = with(
        BASE,
        "looptijd_jaren = 2",
        &format!("looptijd_jaren = {looptijd}"),
    );
    let src = with(&src, "huisarts = 100", "huisarts = 0");
    let src = with(&src, "wijkverpleegkundige = 80", "wijkverpleegkundige = 0");
    let src = with(&src, "consulent = 120", "consulent = 0");
    format!(
        "{src}\n[ondersteuning]\nmonitoring_per_jaar = {bedrag}\n\n[indexatie]\n\
         kosten_percentage_per_jaar = {procent}\n"
    )
}

/// Every input within its bound, and yet the horizon total passes € 10^12: a calculation
/// error naming the fields of the largest line, never a wrong number.
#[test]
fn a_horizon_total_above_ten_to_the_twelfth_is_an_error_naming_the_fields() {
    // 2684354.56 × 1.5^k for k = 0..29: each year at most 2684354.56 × 1.5^29 =
    // 343151886824.415 (< 10^12), but Σ = 2684354.56 × (1.5^30 − 1) / 0.5
    // = 2684354.56 × 383500.1… ≈ 1.029 × 10^12 > 10^12.
    let s = valid(&monitoring_only("2684354.56", "50", 30));
    match evaluate(&s) {
        Err(CalcError::BedragTeGroot { path, wat, velden }) => {
            assert_eq!(path, "ondersteuning.monitoring_per_jaar");
            assert_eq!(wat, "totaal over de looptijd");
            assert_eq!(
                velden,
                [
                    "ondersteuning.monitoring_per_jaar",
                    "indexatie.kosten_percentage_per_jaar"
                ]
            );
        }
        other => panic!("expected the horizon total above the bound, got {other:?}"),
    }
    // 29 years: Σ = 2684354.56 × (1.5^29 − 1) / 0.5 ≈ 6.86 × 10^11: within the bound.
    assert!(evaluate(&valid(&monitoring_only("2684354.56", "50", 29))).is_ok());
}

// ---------------------------------------------------------------------------------------------
// Financing
// ---------------------------------------------------------------------------------------------

#[test]
fn hour_lines_of_roles_financed_elsewhere_count_in_the_costs_but_not_in_te_financieren() {
    let k = kosten(
        r#"formaat = 1
[scenario]
naam = "Elders"
startjaar = 2026
looptijd_jaren = 1
verzekerden = 1000

[uurtarieven]
huisarts = 100
wijkverpleegkundige = 80
consulent = 120
medisch_specialist = 150

[werkwijze]
bijeenkomsten_per_jaar = 6
duur_uren = 1.5
voorbereiding_uren = 0.5
reistijd_uren = 0.25
voorzitter_rol = "medisch_specialist"
voorzitter_uren = 1
coordinatie_uren_per_patient = 0.5
telefonische_ondersteuning_uren = 8
patienten_per_jaar = 10

[[groep]]
naam = "A"
deelnemers = { huisarts = 4, wijkverpleegkundige = 2, consulent = 1, medisch_specialist = 1 }

[ondersteuning]
ict_per_groep = 450
overhead_percentage = 10

[financiering]
elders_gefinancierd = ["consulent", "medisch_specialist"]
"#,
    );
    let j = jaar(&k, 2026);
    use Financiering::{Elders, Tapas};
    use Post::{TelefonischeOndersteuning as Tel, *};
    let (ha, wv, co, ms) = (
        "huisarts",
        "wijkverpleegkundige",
        "consulent",
        "medisch_specialist",
    );
    assert_eq!(
        rows(j),
        vec![
            // 6 × 4 × 2.25 = 54 h × 100
            hours(0, Bijeenkomsten, ha, "54", "5400.00", Tapas),
            // 6 × 2 × 2.25 = 27 h × 80
            hours(0, Bijeenkomsten, wv, "27", "2160.00", Tapas),
            // 6 × 1 × 2.25 = 13.5 h × 120
            hours(0, Bijeenkomsten, co, "13.5", "1620.00", Elders),
            // 13.5 h × 150
            hours(0, Bijeenkomsten, ms, "13.5", "2025.00", Elders),
            // chair: 6 × 1 = 6 h × 150, the medisch specialist's role -> elders
            hours(0, Voorzitter, ms, "6", "900.00", Elders),
            // 10 × 0.5 = 5 h × 100
            hours(0, Coordinatie, ha, "5", "500.00", Tapas),
            // 8 h × 120, the consulent's role -> elders
            hours(0, Tel, co, "8", "960.00", Elders),
            fixed(Some(0), Ict, "450.00"),
            // 10 % × (5400 + 2160 + 500 + 450 = 8510.00) = 851.00
            fixed(None, Overhead, "851.00"),
        ]
    );
    // elders = 1620 + 2025 + 900 + 960 = 5505.00
    // te_financieren = 8510 + 851 = 9361.00
    // kosten_totaal = 9361.00 + 5505.00 = 14866.00
    assert_eq!(j.totalen.elders_gefinancierd, d("5505.00"));
    assert_eq!(j.totalen.te_financieren, d("9361.00"));
    assert_eq!(j.totalen.kosten_totaal, d("14866.00"));
    assert_eq!(
        j.totalen.kosten_totaal,
        j.totalen.elders_gefinancierd + j.totalen.te_financieren
    );
    // The tariff covers only te_financieren: 9361.00 / 1000 = 9.361 -> up 9.37
    assert_eq!(j.totalen.kostendekkend_tarief, d("9.37"));
    assert_eq!(k.totaal.elders_gefinancierd, d("5505.00"));
}

// ---------------------------------------------------------------------------------------------
// Exact decimals from TOML
// ---------------------------------------------------------------------------------------------

#[test]
fn floats_strings_and_integers_in_the_scenario_are_read_as_exact_decimals() {
    let k = kosten(
        r#"formaat = 1
[scenario]
naam = "Exact"
startjaar = 2026
looptijd_jaren = 1
verzekerden = 1000

[uurtarieven]
huisarts = 0.1
wijkverpleegkundige = "116.35"
consulent = 116
specialist_ouderengeneeskunde = 10.004999999999999999

[werkwijze]
bijeenkomsten_per_jaar = 3
duur_uren = 0.1
reistijd_uren = 0.9
patienten_per_jaar = 0

[[groep]]
naam = "A"
deelnemers = { huisarts = 1, wijkverpleegkundige = 1, consulent = 1, specialist_ouderengeneeskunde = 1 }

[ondersteuning]
monitoring_per_jaar = 12345678.12
projectleiding_uren = 12345.891
projectleiding_uurtarief = 3
"#,
    );
    let j = jaar(&k, 2026);
    let bijeenkomst = |rol| regel(j, Some(0), Post::Bijeenkomsten, Some(rol));
    // Hours: 3 × 1 × (0.1 + 0.9) = 3 exactly (in f64, 0.1 + 0.9 happens to be 1, but 3 × 0.1
    // would be 0.30000000000000004).
    assert_eq!(bijeenkomst("huisarts").uren, Some(d("3")));
    // 3 h × 0.1 = 0.30 exactly
    assert_eq!(bijeenkomst("huisarts").bedrag, d("0.30"));
    // 3 h × "116.35" = 349.05
    assert_eq!(bijeenkomst("wijkverpleegkundige").bedrag, d("349.05"));
    // 3 h × 116 = 348.00
    assert_eq!(bijeenkomst("consulent").bedrag, d("348.00"));
    // 3 h × 10.004999999999999999 = 30.014999999999999997 -> 30.01.
    // As an f64 the rate becomes 10.005, and 3 × 10.005 = 30.015 -> 30.02.
    assert_eq!(
        bijeenkomst("specialist_ouderengeneeskunde").bedrag,
        d("30.01")
    );
    // 12345678.12 × 1 = 12345678.12, to the cent.
    assert_eq!(
        regel(j, None, Post::Monitoring, None).bedrag,
        d("12345678.12")
    );
    // 12345.891 h × 3 = 37037.673 -> 37037.67; the hours stay 12345.891 exactly.
    let pl = regel(j, None, Post::Projectleiding, None);
    assert_eq!(pl.uren, Some(d("12345.891")));
    assert_eq!(pl.bedrag, d("37037.67"));
}

#[test]
fn a_decimal_with_more_digits_than_an_f64_holds_is_read_exactly() {
    let s = valid(&with(
        BASE,
        "huisarts = 100",
        "huisarts = 1234.567890123456789",
    ));
    // As an f64 this would be 1234.567890123457 (16 significant digits).
    assert_eq!(s.uurtarief("huisarts"), Some(d("1234.567890123456789")));
    let s = valid(&with(
        BASE,
        "huisarts = 100",
        r#"huisarts = "1234.567890123456789""#,
    ));
    assert_eq!(s.uurtarief("huisarts"), Some(d("1234.567890123456789")));
}
