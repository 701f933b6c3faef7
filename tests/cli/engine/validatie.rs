//! The shipped scenarios against tests/handwerk.md, validation errors with their path and line,
//! and the werkwijze warnings.

use super::*;

// ---------------------------------------------------------------------------------------------
// The shipped scenarios against tests/handwerk.md
// ---------------------------------------------------------------------------------------------

#[test]
fn kleine_regio_matches_the_hand_worked_figures() {
    let src = shipped("kleine-regio.toml");
    let k = kosten(&src);
    use Financiering::Tapas;
    use Post::{TelefonischeOndersteuning as Tel, *};
    let (ha, wv, co) = ("huisarts", "wijkverpleegkundige", "consulent");
    // Year 2026, I = 1. Per participant per meeting 1.5 + 0.5 + 0.25 = 2.25 h.
    let j = jaar(&k, 2026);
    assert_eq!(
        rows(j),
        vec![
            // Dorpen Oost (6 ha, 3 wv, 1 consulent, 24 patients); subtotal 18266.71
            // 6 × 6 × 2.25 = 81 h × 117 = 9477.00
            hours(0, Bijeenkomsten, ha, "81", "9477.00", Tapas),
            // 6 × 3 × 2.25 = 40.5 h × 88.35 = 3578.175 -> 3578.18
            hours(0, Bijeenkomsten, wv, "40.5", "3578.18", Tapas),
            // 6 × 1 × 2.25 = 13.5 h × 112.35 = 1516.725 -> 1516.73
            hours(0, Bijeenkomsten, co, "13.5", "1516.73", Tapas),
            // 6 × 1.0 = 6 h × 117 = 702.00
            hours(0, Voorzitter, ha, "6", "702.00", Tapas),
            // 24 × 0.5 = 12 h × 117 = 1404.00
            hours(0, Coordinatie, ha, "12", "1404.00", Tapas),
            // 8 h × 112.35 = 898.80
            hours(0, Tel, co, "8", "898.80", Tapas),
            fixed(Some(0), Ict, "450.00"),
            // 6 × 40 = 240.00
            fixed(Some(0), Huisvesting, "240.00"),
            // Stad Centrum (7 ha, 3 wv, 1 consulent, 28 patients); subtotal 20080.21
            // 6 × 7 × 2.25 = 94.5 h × 117 = 11056.50
            hours(1, Bijeenkomsten, ha, "94.5", "11056.50", Tapas),
            hours(1, Bijeenkomsten, wv, "40.5", "3578.18", Tapas),
            hours(1, Bijeenkomsten, co, "13.5", "1516.73", Tapas),
            hours(1, Voorzitter, ha, "6", "702.00", Tapas),
            // 28 × 0.5 = 14 h × 117 = 1638.00
            hours(1, Coordinatie, ha, "14", "1638.00", Tapas),
            hours(1, Tel, co, "8", "898.80", Tapas),
            fixed(Some(1), Ict, "450.00"),
            fixed(Some(1), Huisvesting, "240.00"),
            // Stad Zuid (5 ha, 2 wv, 1 consulent, 20 patients, new in 2026); subtotal 19160.48
            // 6 × 5 × 2.25 = 67.5 h × 117 = 7897.50
            hours(2, Bijeenkomsten, ha, "67.5", "7897.50", Tapas),
            // 6 × 2 × 2.25 = 27 h × 88.35 = 2385.45
            hours(2, Bijeenkomsten, wv, "27", "2385.45", Tapas),
            hours(2, Bijeenkomsten, co, "13.5", "1516.73", Tapas),
            hours(2, Voorzitter, ha, "6", "702.00", Tapas),
            // 20 × 0.5 = 10 h × 117 = 1170.00
            hours(2, Coordinatie, ha, "10", "1170.00", Tapas),
            hours(2, Tel, co, "8", "898.80", Tapas),
            fixed(Some(2), Ict, "450.00"),
            fixed(Some(2), Huisvesting, "240.00"),
            // 1500 × 1
            fixed(Some(2), Startkosten, "1500.00"),
            // 300 × (5 + 2 + 1) = 2400.00
            fixed(Some(2), Scholing, "2400.00"),
            // Regional: 80 h × 95 = 7600.00; monitoring 1500 × 1
            row(None, Projectleiding, None, Some("80"), "7600.00", Tapas),
            fixed(None, Monitoring, "1500.00"),
            // 5 % × (18266.71 + 20080.21 + 19160.48 + 7600.00 + 1500.00 = 66607.40) = 3330.37
            fixed(None, Overhead, "3330.37"),
        ]
    );
    // kosten_totaal = 66607.40 + 3330.37 = 69937.77; no elders lines
    assert_eq!(j.totalen.kosten_totaal, d("69937.77"));
    assert_eq!(j.totalen.elders_gefinancierd, d("0"));
    assert_eq!(j.totalen.te_financieren, d("69937.77"));
    // 69937.77 / 37710 = 1.854621… -> up 1.86 (half away would give 1.85)
    assert_eq!(j.totalen.kostendekkend_tarief, d("1.86"));

    // Year 2027, I = 1.02; Stad Zuid no longer pays start costs or training.
    let j = jaar(&k, 2027);
    assert!(regels(j, Some(2), Post::Startkosten, None).is_empty());
    assert!(regels(j, Some(2), Post::Scholing, None).is_empty());
    // 40.5 × 88.35 × 1.02 = 3649.7385 -> 3649.74
    assert_eq!(
        regel(j, Some(0), Bijeenkomsten, Some("wijkverpleegkundige")).bedrag,
        d("3649.74")
    );
    // Σ TAPA$ before overhead 18632.04 + 20481.81 + 15565.69 + 9282.00 = 63961.54;
    // overhead 0.05 × 63961.54 = 3198.077 -> 3198.08; te_financieren 67159.62
    assert_eq!(regel(j, None, Post::Overhead, None).bedrag, d("3198.08"));
    assert_eq!(j.totalen.te_financieren, d("67159.62"));
    // 67159.62 / 37710 = 1.780949… -> up 1.79
    assert_eq!(j.totalen.kostendekkend_tarief, d("1.79"));

    // Year 2028 (handwerk.md: reference script, re-checked here with a separate Decimal script):
    // 13.5 × 112.35 × 1.0404 = 1578.00069 -> 1578.00; te_financieren 68502.79
    let j = jaar(&k, 2028);
    assert_eq!(
        regel(j, Some(0), Bijeenkomsten, Some("consulent")).bedrag,
        d("1578.00")
    );
    assert_eq!(j.totalen.te_financieren, d("68502.79"));

    // Horizon: 69937.77 + 67159.62 + 68502.79 = 205600.18;
    // 205600.18 / (37710 × 3 = 113130) = 1.817379… -> up 1.82
    assert_eq!(k.totaal.kosten_totaal, d("205600.18"));
    assert_eq!(k.totaal.te_financieren, d("205600.18"));
    assert_eq!(k.totaal.elders_gefinancierd, d("0"));
    assert_eq!(k.totaal.kostendekkend_tarief, d("1.82"));
}

#[test]
fn kleine_regio_gives_only_the_wijkverpleegkundige_and_consulent_reminders_once() {
    let w = warnings_of(&shipped("kleine-regio.toml"));
    let paths: Vec<&str> = w.iter().map(|w| w.path.as_str()).collect();
    assert_eq!(
        paths,
        ["uurtarieven.wijkverpleegkundige", "uurtarieven.consulent"],
        "{w:#?}"
    );
}

#[test]
fn elders_gefinancierd_matches_the_hand_worked_figures() {
    let src = shipped("elders-gefinancierd.toml");
    let k = kosten(&src);
    let j = jaar(&k, 2026);
    // Rivierland: consulent 13.5 × 125 = 1687.50 and medisch specialist 13.5 × 150 = 2025.00,
    // both elders.
    let ms = regel(j, Some(0), Post::Bijeenkomsten, Some("medisch_specialist"));
    assert_eq!(ms.bedrag, d("2025.00"));
    assert_eq!(ms.financiering, Financiering::Elders);
    let tel = regel(
        j,
        Some(0),
        Post::TelefonischeOndersteuning,
        Some("consulent"),
    );
    assert_eq!(tel.bedrag, d("1000.00")); // 8 × 125
    assert_eq!(tel.financiering, Financiering::Elders);
    // Σ TAPA$ 17664.68 + 19478.18 + 14658.45 + 5700.00 + 1500.00 = 59001.31;
    // overhead 0.05 × 59001.31 = 2950.0655 -> 2950.07 (over all lines it would be 3555.69)
    assert_eq!(regel(j, None, Post::Overhead, None).bedrag, d("2950.07"));
    // elders = 4712.50 + 2687.50 + 4712.50 = 12112.50
    assert_eq!(j.totalen.elders_gefinancierd, d("12112.50"));
    // kosten_totaal = 59001.31 + 2950.07 + 12112.50 = 74063.88
    assert_eq!(j.totalen.kosten_totaal, d("74063.88"));
    // te_financieren = 74063.88 − 12112.50 = 61951.38
    assert_eq!(j.totalen.te_financieren, d("61951.38"));
    // 61951.38 / 43995 = 1.408145… -> up 1.41
    assert_eq!(j.totalen.kostendekkend_tarief, d("1.41"));
    // No indexation: three equal years. 3 × 74063.88 = 222191.64; 3 × 12112.50 = 36337.50;
    // 3 × 61951.38 = 185854.14; 185854.14 / (43995 × 3) = 1.408145… -> 1.41
    assert_eq!(k.totaal.kosten_totaal, d("222191.64"));
    assert_eq!(k.totaal.elders_gefinancierd, d("36337.50"));
    assert_eq!(k.totaal.te_financieren, d("185854.14"));
    assert_eq!(k.totaal.kostendekkend_tarief, d("1.41"));
    // Neither the consulent nor the medisch specialist is paid through TAPA$: only the reminder
    // that the wijkverpleegkundige's hours go through TAPA$ (handreiking, bijlage 5.1.5).
    let paths: Vec<String> = warnings_of(&src).into_iter().map(|w| w.path).collect();
    assert_eq!(paths, ["uurtarieven.wijkverpleegkundige"]);
}

// ---------------------------------------------------------------------------------------------
// Validation: invalid scenarios are errors with a path and a line
// ---------------------------------------------------------------------------------------------

#[test]
fn an_unknown_key_is_an_error_whose_hint_names_the_nearest_key() {
    let src = with(BASE, "startjaar = 2026", "startjar = 2026");
    let e = error_at(&src, "scenario.startjar");
    assert_eq!(e.pos.line, line_of(&src, "startjar = 2026"));
    assert_eq!(e.pos.column, 1);
    assert!(e.message.contains("startjar"), "{e:?}");
    assert!(
        e.hint.as_deref().unwrap_or("").contains("'startjaar'"),
        "{e:?}"
    );

    // The same inside a group, where the werkwijze fields are allowed too.
    let src = with(BASE, "naam = \"A\"", "naam = \"A\"\nduur_uur = 2");
    let e = error_at(&src, "groep[1].duur_uur");
    assert_eq!(e.pos.line, line_of(&src, "duur_uur = 2"));
    assert!(
        e.hint.as_deref().unwrap_or("").contains("'duur_uren'"),
        "{e:?}"
    );
}

#[test]
fn a_missing_required_field_is_reported_at_its_table() {
    let src = with(BASE, "naam = \"Basis\"\n", "");
    let e = error_at(&src, "scenario.naam");
    assert_eq!(e.pos.line, line_of(&src, "[scenario]"));
    assert!(e.message.contains("naam"), "{e:?}");
}

#[test]
fn a_negative_amount_is_an_error() {
    let src = format!("{BASE}\n[ondersteuning]\nict_per_groep = -450\n");
    let e = error_at(&src, "ondersteuning.ict_per_groep");
    assert_eq!(e.pos.line, line_of(&src, "ict_per_groep = -450"));
    assert_eq!(e.pos.column, column_of(&src, "ict_per_groep", "-450"));
}

#[test]
fn a_percentage_above_100_is_an_error_and_100_itself_is_allowed() {
    let src = format!("{BASE}\n[ondersteuning]\noverhead_percentage = 100.5\n");
    let e = error_at(&src, "ondersteuning.overhead_percentage");
    assert_eq!(e.pos.line, line_of(&src, "overhead_percentage = 100.5"));
    valid(&format!(
        "{BASE}\n[ondersteuning]\noverhead_percentage = 100\n"
    ));
}

#[test]
fn zero_verzekerden_is_an_error() {
    let src = with(BASE, "verzekerden = 1000", "verzekerden = 0");
    let e = error_at(&src, "scenario.verzekerden");
    assert_eq!(e.pos.line, line_of(&src, "verzekerden = 0"));
    assert_eq!(e.pos.column, column_of(&src, "verzekerden = 0", "0"));
}

#[test]
fn a_role_without_a_rate_is_an_error() {
    let src = with(
        BASE,
        "consulent = 1 }",
        "consulent = 1, geestelijk_verzorger = 1 }",
    );
    let e = error_at(&src, "groep[1].deelnemers.geestelijk_verzorger");
    assert_eq!(e.pos.line, line_of(&src, "geestelijk_verzorger = 1"));
    assert_eq!(
        e.pos.column,
        column_of(&src, "geestelijk_verzorger", "geestelijk_verzorger")
    );

    // Also for the chair's role.
    let src = with(
        BASE,
        "duur_uren = 1.5",
        "duur_uren = 1.5\nvoorzitter_rol = \"huisarst\"",
    );
    let e = error_at(&src, "werkwijze.voorzitter_rol");
    assert_eq!(e.pos.line, line_of(&src, "voorzitter_rol = \"huisarst\""));
    assert!(
        e.hint.as_deref().unwrap_or("").contains("'huisarts'"),
        "{e:?}"
    );
}

#[test]
fn a_duplicate_group_name_is_an_error_at_the_second_group() {
    let src = plus(
        BASE,
        r#"
[[groep]]
naam = "A"
deelnemers = { huisarts = 5, wijkverpleegkundige = 2, consulent = 1 }
"#,
    );
    let e = error_at(&src, "groep[2].naam");
    let naam_lines = lines_of(&src, "naam = \"A\"");
    assert_eq!(naam_lines.len(), 2);
    assert_eq!(e.pos.line, naam_lines[1]);
}

#[test]
fn market_shares_above_100_percent_are_an_error() {
    let insurers = |second: &str| {
        let extra = format!(
            r#"
[[verzekeraar]]
naam = "CZ"
marktaandeel_percentage = 60

[[verzekeraar]]
naam = "VGZ"
marktaandeel_percentage = {second}
"#
        );
        plus(BASE, &extra)
    };
    // 60 + 50 = 110 > 100
    let src = insurers("50");
    let e = error_at(&src, "verzekeraar");
    assert_eq!(e.pos.line, lines_of(&src, "[[verzekeraar]]")[0]);
    assert!(e.message.contains("110"), "{e:?}");
    // 60 + 40 = 100 is allowed.
    valid(&insurers("40"));
}

#[test]
fn an_offer_for_an_unknown_insurer_is_an_error() {
    let src = plus(
        BASE,
        r#"
[[verzekeraar]]
naam = "VGZ"
marktaandeel_percentage = 30

[[aanbod]]
verzekeraar = "VZG"
label = "VGZ 2 jaar"
tarief_per_verzekerde = 0.35
"#,
    );
    let e = error_at(&src, "aanbod[1].verzekeraar");
    assert_eq!(e.pos.line, line_of(&src, "verzekeraar = \"VZG\""));
    assert!(e.hint.as_deref().unwrap_or("").contains("'VGZ'"), "{e:?}");
}

#[test]
fn a_missing_indicator_is_an_error_when_impact_is_present() {
    // IMPACT without the [[indicator]] block of ic_opname: five indicators.
    let without_ic: String = IMPACT
        .split_inclusive("\n\n")
        .filter(|block| !block.contains("\"ic_opname\""))
        .collect();
    assert_eq!(without_ic.matches("[[indicator]]").count(), 5);
    let src = plus(BASE, &without_ic);
    let e = error_at(&src, "indicator");
    // Reported at the first [[indicator]].
    assert_eq!(e.pos.line, lines_of(&src, "[[indicator]]")[0]);
    assert!(e.message.contains("ic_opname"), "{e:?}");
    assert!(!e.message.contains("chemotherapie"), "{e:?}");

    // [impact] without any [[indicator]]: reported at [impact].
    let src = plus(BASE, "\n[impact]\naandeel_kanker_percentage = 45\n");
    let e = error_at(&src, "indicator");
    assert_eq!(e.pos.line, line_of(&src, "[impact]"));
}

#[test]
fn a_duplicate_indicator_is_an_error_at_its_second_occurrence() {
    let src = plus(
        &plus(BASE, IMPACT),
        r#"
[[indicator]]
id = "ic_opname"
basis_percentage = 5
reductie_percentage = 30
kosten_per_geval = 12000
bron = "test"
"#,
    );
    let e = error_at(&src, "indicator[7].id");
    let ic_lines = lines_of(&src, "id = \"ic_opname\"");
    assert_eq!(ic_lines.len(), 2);
    assert_eq!(e.pos.line, ic_lines[1]);
}

#[test]
fn a_non_integer_participant_count_is_an_error() {
    let src = with(BASE, "huisarts = 4,", "huisarts = 4.5,");
    let e = error_at(&src, "groep[1].deelnemers.huisarts");
    assert_eq!(e.pos.line, line_of(&src, "huisarts = 4.5"));
    assert_eq!(e.pos.column, column_of(&src, "huisarts = 4.5", "4.5"));
}

#[test]
fn meetings_per_year_missing_from_both_werkwijze_and_group_is_an_error_not_zero() {
    let src = plus(
        &with(BASE, "bijeenkomsten_per_jaar = 6\n", ""),
        r#"
[[groep]]
naam = "B"
deelnemers = { huisarts = 4, wijkverpleegkundige = 2, consulent = 1 }
bijeenkomsten_per_jaar = 6
"#,
    );
    let all = errors(&src);
    // Only group 1 lacks it; group 2 gives its own.
    assert_eq!(all.len(), 1, "{all:#?}");
    let e = error_at(&src, "groep[1].bijeenkomsten_per_jaar");
    assert_eq!(e.pos.line, lines_of(&src, "[[groep]]")[0]);
}

#[test]
fn nan_and_infinity_are_errors() {
    for bad in ["nan", "+nan", "-inf", "inf", r#""NaN""#] {
        let src = with(BASE, "huisarts = 100", &format!("huisarts = {bad}"));
        let e = error_at(&src, "uurtarieven.huisarts");
        assert_eq!(
            e.pos.line,
            line_of(&src, &format!("huisarts = {bad}")),
            "{bad}"
        );
    }
}

#[test]
fn a_value_too_large_for_a_decimal_is_an_error() {
    // 1e30 and 2^96 = 79228162514264337593543950336 are just beyond Decimal::MAX
    // (79228162514264337593543950335).
    for bad in [
        "1e30",
        "79228162514264337593543950336",
        r#""79228162514264337593543950336""#,
        // 29 decimals: more precision than a Decimal holds; never silently rounded.
        "0.12345678901234567890123456789",
    ] {
        let src = with(BASE, "huisarts = 100", &format!("huisarts = {bad}"));
        let e = error_at(&src, "uurtarieven.huisarts");
        let written = format!("huisarts = {bad}");
        assert_eq!(e.pos.line, line_of(&src, &written), "{bad}");
        assert_eq!(e.pos.column, column_of(&src, &written, bad), "{bad}");
    }
}

#[test]
fn every_problem_is_reported_not_just_the_first() {
    let src = with(
        &with(BASE, "verzekerden = 1000", "verzekerden = 0"),
        "huisarts = 4,",
        "huisarts = 4.5,",
    );
    let paths: Vec<String> = errors(&src).into_iter().map(|e| e.path).collect();
    assert!(
        paths.contains(&"scenario.verzekerden".to_string()),
        "{paths:?}"
    );
    assert!(
        paths.contains(&"groep[1].deelnemers.huisarts".to_string()),
        "{paths:?}"
    );
}

#[test]
fn a_line_above_ten_to_the_twelfth_is_an_error_naming_its_fields_even_past_every_bound() {
    // Decimal::MAX as an hourly rate (set past the read-time bound of € 10.000, on the
    // validated scenario): 6 × 4 × 1.5 = 36 h × MAX is far above € 10^12.
    let mut s = valid(BASE);
    for u in &mut s.uurtarieven {
        if &*u.rol == "huisarts" {
            u.bedrag = Decimal::MAX;
        }
    }
    match evaluate(&s) {
        Err(CalcError::BedragTeGroot { path, wat, velden }) => {
            assert_eq!(path, "groep[1]");
            assert_eq!(wat, "bijeenkomsten · huisarts · 2026");
            assert_eq!(
                velden,
                [
                    "werkwijze.bijeenkomsten_per_jaar",
                    "groep[1].deelnemers.huisarts",
                    "werkwijze.duur_uren",
                    "werkwijze.voorbereiding_uren",
                    "werkwijze.reistijd_uren",
                    "uurtarieven.huisarts",
                ]
            );
        }
        other => panic!("expected the line above the bound, got {other:?}"),
    }
}

#[test]
fn a_line_of_exactly_ten_to_the_twelfth_is_calculated_and_one_cent_more_is_not() {
    // One year, no hour costs, monitoring set past its read-time bound on the validated
    // scenario: € 10^12 is the largest amount, line, year total and horizon total alike.
    let src = with(BASE, "huisarts = 100", "huisarts = 0");
    let src = with(&src, "wijkverpleegkundige = 80", "wijkverpleegkundige = 0");
    let src = with(&src, "consulent = 120", "consulent = 0");
    let mut s = valid(&with(&src, "looptijd_jaren = 2", "looptijd_jaren = 1"));
    s.ondersteuning.monitoring_per_jaar = d("1000000000000");
    let k = evaluate(&s).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(k.totaal.te_financieren, d("1000000000000.00"));
    // 10^12 / 1000 verzekerden = 10^9 exactly.
    assert_eq!(k.totaal.kostendekkend_tarief, d("1000000000.00"));
    // 10^12 + 0.004 still rounds to 10^12.00; + 0.005 rounds to 10^12 + 0.01: too large.
    s.ondersteuning.monitoring_per_jaar = d("1000000000000.004");
    assert!(evaluate(&s).is_ok());
    s.ondersteuning.monitoring_per_jaar = d("1000000000000.005");
    match evaluate(&s) {
        Err(e @ CalcError::BedragTeGroot { .. }) => {
            assert_eq!(e.path(), "ondersteuning.monitoring_per_jaar");
            assert!(e.to_string().contains("monitoring · 2026"), "{e}");
            assert!(e.to_string().contains("te groot"), "{e}");
        }
        other => panic!("expected the line above the bound, got {other:?}"),
    }
}

#[test]
fn a_year_total_above_ten_to_the_twelfth_is_an_error_at_its_largest_line() {
    // ICT 5 × 10^11 and monitoring 6 × 10^11 (set past the read-time bounds): each within the
    // bound, their year total 1.1 × 10^12 not.
    let src = with(BASE, "huisarts = 100", "huisarts = 0");
    let src = with(&src, "wijkverpleegkundige = 80", "wijkverpleegkundige = 0");
    let src = with(&src, "consulent = 120", "consulent = 0");
    let mut s = valid(&src);
    s.ondersteuning.monitoring_per_jaar = d("600000000000");
    s.ondersteuning.ict_per_groep = d("500000000000");
    match evaluate(&s) {
        Err(CalcError::BedragTeGroot { path, wat, .. }) => {
            assert_eq!(path, "ondersteuning.monitoring_per_jaar");
            assert_eq!(wat, "jaartotaal 2026");
        }
        other => panic!("expected the year total above the bound, got {other:?}"),
    }
}

// ---------------------------------------------------------------------------------------------
// Warnings: valid scenarios that depart from the PaTz-werkwijze
// ---------------------------------------------------------------------------------------------

/// The answer to the reminder about the wijkverpleegkundige's hours through TAPA$.
const WIJKVERPLEGING_NAGEGAAN: &str = "\n\n[[financiering.nagegaan]]\nrol = \"wijkverpleegkundige\"\ntoelichting = \"PaTz-uren buiten de urenindicatie\"\n";

/// BASE with the consulent financed elsewhere and the wijkverpleegkundige's hours checked: a
/// scenario without any warning.
fn base_without_warnings() -> String {
    format!(
        "{BASE}\n[financiering]\nelders_gefinancierd = [\"consulent\"]\n{WIJKVERPLEGING_NAGEGAAN}"
    )
}

#[test]
fn a_group_within_the_werkwijze_gets_no_warnings() {
    assert_eq!(warnings_of(&base_without_warnings()), vec![]);
}

#[test]
fn fewer_than_4_or_more_than_10_huisartsen_is_a_warning() {
    for (n, warned) in [(3, true), (4, false), (10, false), (11, true)] {
        let src = with(
            &base_without_warnings(),
            "huisarts = 4,",
            &format!("huisarts = {n},"),
        );
        let w = warnings_at(&src, "groep[1].deelnemers.huisarts");
        assert_eq!(w.len(), usize::from(warned), "{n} huisartsen: {w:#?}");
        if warned {
            assert_eq!(w[0].pos.line, line_of(&src, "deelnemers = "));
            assert_eq!(
                w[0].pos.column,
                column_of(&src, "deelnemers = ", &format!("{n},"))
            );
        }
        assert_eq!(warnings_of(&src).len(), usize::from(warned));
    }
}

#[test]
fn fewer_than_2_or_more_than_4_wijkverpleegkundigen_is_a_warning() {
    for (n, warned) in [(1, true), (2, false), (4, false), (5, true)] {
        let src = with(
            &base_without_warnings(),
            "wijkverpleegkundige = 2,",
            &format!("wijkverpleegkundige = {n},"),
        );
        let w = warnings_at(&src, "groep[1].deelnemers.wijkverpleegkundige");
        assert_eq!(
            w.len(),
            usize::from(warned),
            "{n} wijkverpleegkundigen: {w:#?}"
        );
        assert_eq!(warnings_of(&src).len(), usize::from(warned));
    }
}

#[test]
fn a_group_without_a_consulent_gets_a_warning() {
    let src = with(BASE, ", consulent = 1 }", " }");
    let w = warnings_at(&src, "groep[1].deelnemers");
    assert_eq!(w.len(), 1, "{w:#?}");
    assert_eq!(w[0].pos.line, line_of(&src, "deelnemers = "));
    // No consulent anywhere: no reminder about financing one either (only the one about the
    // wijkverpleegkundige's hours).
    let paths: Vec<String> = warnings_of(&src).into_iter().map(|w| w.path).collect();
    assert_eq!(
        paths,
        ["uurtarieven.wijkverpleegkundige", "groep[1].deelnemers"]
    );
}

#[test]
fn a_number_of_meetings_other_than_6_is_a_warning() {
    let src = with(
        &base_without_warnings(),
        "consulent = 1 }\n",
        "consulent = 1 }\nbijeenkomsten_per_jaar = 4\n",
    );
    let w = warnings_at(&src, "groep[1].bijeenkomsten_per_jaar");
    assert_eq!(w.len(), 1, "{w:#?}");
    assert_eq!(w[0].pos.line, line_of(&src, "bijeenkomsten_per_jaar = 4"));
    assert_eq!(warnings_of(&src).len(), 1);
}

/// A scenario with a medisch specialist in the group, for the given horizon and financing.
fn with_medisch_specialist(startjaar: i32, looptijd: u32, elders: &str) -> String {
    let src = with(
        &with(
            BASE,
            "consulent = 120",
            "consulent = 120\nmedisch_specialist = 150",
        ),
        "consulent = 1 }",
        "consulent = 1, medisch_specialist = 1 }",
    );
    let src = with(
        &src,
        "startjaar = 2026",
        &format!("startjaar = {startjaar}"),
    );
    let src = with(
        &src,
        "looptijd_jaren = 2",
        &format!("looptijd_jaren = {looptijd}"),
    );
    format!("{src}\n[financiering]\nelders_gefinancierd = [{elders}]\n{WIJKVERPLEGING_NAGEGAAN}")
}

#[test]
fn a_medisch_specialist_paid_through_tapas_from_2025_is_a_warning() {
    let path = "groep[1].deelnemers.medisch_specialist";
    // 2026–2027, via TAPA$: warned.
    let src = with_medisch_specialist(2026, 2, r#""consulent""#);
    let w = warnings_at(&src, path);
    assert_eq!(w.len(), 1, "{w:#?}");
    assert_eq!(w[0].pos.line, line_of(&src, "deelnemers = "));
    assert_eq!(w[0].pos.column, column_of(&src, "deelnemers = ", "1 }"));
    // 2024–2025 reaches 2025: warned.
    assert_eq!(
        warnings_at(&with_medisch_specialist(2024, 2, r#""consulent""#), path).len(),
        1
    );
    // 2023–2024 ends before 2025: not warned.
    assert_eq!(
        warnings_at(&with_medisch_specialist(2023, 2, r#""consulent""#), path).len(),
        0
    );
    // Financed elsewhere: not warned.
    let src = with_medisch_specialist(2026, 2, r#""consulent", "medisch_specialist""#);
    assert_eq!(warnings_of(&src), vec![]);
}

#[test]
fn the_consulent_via_tapas_reminder_is_given_once_not_once_per_group() {
    let src = plus(
        BASE,
        r#"
[[groep]]
naam = "B"
deelnemers = { huisarts = 5, wijkverpleegkundige = 2, consulent = 1 }

[[groep]]
naam = "C"
deelnemers = { huisarts = 6, wijkverpleegkundige = 3, consulent = 1 }
"#,
    );
    let w = warnings_at(&src, "uurtarieven.consulent");
    assert_eq!(w.len(), 1, "{w:#?}");
    assert_eq!(w[0].pos.line, line_of(&src, "consulent = 120"));
    // Likewise the reminder about the wijkverpleegkundige: once, not per group.
    assert_eq!(warnings_of(&src).len(), 2);
}
