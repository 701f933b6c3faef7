//! Tests: payout, the penvoerder's payment list (hand arithmetic in the parent module's comment
//! and at each test).

use super::*;

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
        (fx("deels-elders.toml"), vec![]),
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

// `deels-elders.toml` (no indexatie, every year the same), group Noord with 4 huisartsen, 2
// wijkverpleegkundigen, 1 consulent and 1 geestelijk verzorger, 6 meetings of 1.5 + 0.5 + 0.25
// = 2.25 h per attendee, voorzitter 1 h, coordination 12 × 0.5 h, phone 10 h. The plan's lines
// of a year:
// - huisarts: meetings 6 × 4 × 2.25 = 54 h × € 100 = 5,400.00; voorzitter 6 h = 600.00;
//   coordination 6 h = 600.00: 66 h, 6,600.00, all TAPA$.
// - wijkverpleegkundige: 6 × 2 × 2.25 = 27 h × € 80 = 2,160.00, elsewhere in 2025 and 2026
//   (`tot_en_met = 2026`), TAPA$ in 2027.
// - consulent, 60 % elsewhere: meetings 13.5 h × 112.35 = 1,516.725 → 1,516.73, elsewhere
//   cents(1,516.73 × 0.6) = cents(910.038) = 910.04, TAPA$ 606.69; phone 10 h = 1,123.50,
//   elsewhere 674.10, TAPA$ 449.40. TAPA$ 1,056.09 in 13.5 × 0.4 + 10 × 0.4 = 9.40 h;
//   elsewhere 1,584.14 in 14.10 h.
// - geestelijk verzorger: 13.5 h × € 90 = 1,215.00, wholly elsewhere.
// TAPA$ hour lines: 2025 and 2026 6,600.00 + 1,056.09 = 7,656.09; 2027 + 2,160.00 = 9,816.09.

#[test]
fn payout_pays_exactly_the_tapas_part_of_a_split_a_year_limited_and_a_wholly_elsewhere_role() {
    let s = scenario_of(&fx("deels-elders.toml"));
    let expected = [(2025, "7656.09"), (2026, "7656.09"), (2027, "9816.09")];
    for (jaar, total) in expected {
        let b = meetings_of(&s, &plan_registrations(&s, jaar));
        let list = payout::evaluate(&s, Bron::Registraties(&b), Per::Jaar).expect("payout");
        let paid: Decimal = list
            .regels
            .iter()
            .filter(|r| r.periode.jaar == jaar)
            .map(|r| r.bedrag)
            .sum();
        assert_eq!(paid, d(total), "{jaar}");
        let cost_tapas: Decimal = cost_hour_lines(&s, jaar).iter().map(|(_, x)| *x).sum();
        assert_eq!(paid, cost_tapas, "{jaar}: the TAPA$ parts of cost");
        let rollen: Vec<&str> = list.regels.iter().map(|r| r.rol.as_str()).collect();
        let wv = jaar == 2027;
        assert_eq!(rollen.contains(&"wijkverpleegkundige"), wv, "{jaar}");
        assert!(!rollen.contains(&"geestelijk_verzorger"), "{jaar}");
    }
    // The plan-matching registrations hold 2, 1, 2, 1 meetings in K1–K4 (months 1, 3 | 5 |
    // 7, 9 | 11). Consulent meetings cum 4.5, 6.75, 11.25, 13.5 h × 112.35 = 505.575 → 505.58,
    // 758.3625 → 758.36, 1,263.9375 → 1,263.94, 1,516.73; elsewhere 60 %: 303.348 → 303.35,
    // 455.016 → 455.02, 758.364 → 758.36, 910.04; TAPA$ cum 202.23, 303.34, 505.58, 606.69, so
    // quarters 202.23, 101.11, 202.24, 101.11. Phone cum 2.5 h … 10 h: 280.875 → 280.88, 561.75,
    // 842.625 → 842.63, 1,123.50; elsewhere 168.53, 337.05, 505.58, 674.10; TAPA$ cum 112.35,
    // 224.70, 337.05, 449.40: 112.35 a quarter. Consulent: K1 314.58 (1.8 + 1.0 = 2.80 h),
    // K2 213.46 (1.90 h), K3 314.59, K4 213.46: 1,056.09.
    let text = plan_registrations(&s, 2025);
    let (out, _dir) = run_with(
        &[
            ("s.toml", read(&fx("deels-elders.toml")).as_bytes()),
            ("b.csv", text.as_bytes()),
        ],
        &[
            "payout",
            "s.toml",
            "--bijeenkomsten",
            "b.csv",
            "--format",
            "csv",
        ],
    );
    let consulent: Vec<String> = success(&out)
        .lines()
        .filter(|l| l.contains(",consulent,"))
        .map(str::to_string)
        .collect();
    assert_eq!(
        consulent,
        [
            "Noord,2025-K1,consulent,2,2.80,314.58",
            "Noord,2025-K2,consulent,1,1.90,213.46",
            "Noord,2025-K3,consulent,2,2.80,314.59",
            "Noord,2025-K4,consulent,1,1.90,213.46",
        ]
    );
    assert!(
        stderr(&out).contains(
            "let op: rol 'consulent' wordt deels elders gefinancierd; alleen het TAPA$-deel \
             staat in de betaallijst"
        ),
        "{}",
        stderr(&out)
    );
    // What is left out in 2025: the wijkverpleegkundige wholly (12 attendances, 27 h,
    // 2,160.00), the consulent's elsewhere part (14.10 h, 1,584.14), the geestelijk verzorger
    // (6 attendances, 13.5 h, 1,215.00).
    let (out, _dir) = run_with(
        &[
            ("s.toml", read(&fx("deels-elders.toml")).as_bytes()),
            ("b.csv", text.as_bytes()),
        ],
        &[
            "payout",
            "s.toml",
            "--bijeenkomsten",
            "b.csv",
            "--per",
            "jaar",
            "--format",
            "json",
        ],
    );
    let json: Value = serde_json::from_str(&success(&out)).expect("JSON");
    assert_eq!(js(&json, "/totaal/bedrag"), "7656.09");
    assert_eq!(js(&json, "/niet_uitbetaald/0/rol"), "wijkverpleegkundige");
    assert_eq!(js(&json, "/niet_uitbetaald/0/reden"), "elders_gefinancierd");
    assert_eq!(js(&json, "/niet_uitbetaald/0/bedrag"), "2160.00");
    assert_eq!(js(&json, "/niet_uitbetaald/1/rol"), "consulent");
    assert_eq!(
        js(&json, "/niet_uitbetaald/1/reden"),
        "deels_elders_gefinancierd"
    );
    assert_eq!(js(&json, "/niet_uitbetaald/1/uren"), "14.10");
    assert_eq!(js(&json, "/niet_uitbetaald/1/bedrag"), "1584.14");
    assert_eq!(js(&json, "/niet_uitbetaald/2/bedrag"), "1215.00");
}

#[test]
fn monitor_budgets_and_delivers_only_the_tapas_part_of_a_split_role() {
    // A plan-matching 2025 (see above): budget and delivered TAPA$ cost 7,656.09; the
    // consulent's row shows its whole cost (1,516.73 + 1,123.50 = 2,640.23) and its TAPA$ part.
    let s = scenario_of(&fx("deels-elders.toml"));
    let text = plan_registrations(&s, 2025);
    let (out, _dir) = run_with(
        &[
            ("s.toml", read(&fx("deels-elders.toml")).as_bytes()),
            ("b.csv", text.as_bytes()),
        ],
        &[
            "monitor",
            "s.toml",
            "--bijeenkomsten",
            "b.csv",
            "--format",
            "json",
        ],
    );
    let json: Value = serde_json::from_str(&success(&out)).expect("JSON");
    let g = "/jaren/0/groepen/0";
    assert_eq!(js(&json, &format!("{g}/kosten_begroot")), "7656.09");
    assert_eq!(js(&json, &format!("{g}/kosten_geleverd")), "7656.09");
    let c = format!("{g}/rollen/2");
    assert_eq!(js(&json, &format!("{c}/rol")), "consulent");
    assert_eq!(js(&json, &format!("{c}/financiering")), "deels");
    assert_eq!(js(&json, &format!("{c}/elders_percentage")), "60");
    assert_eq!(js(&json, &format!("{c}/kosten_begroot")), "2640.23");
    assert_eq!(js(&json, &format!("{c}/kosten_begroot_tapas")), "1056.09");
    assert_eq!(js(&json, &format!("{c}/kosten_geleverd_tapas")), "1056.09");
    assert_eq!(js(&json, &format!("{g}/rollen/1/financiering")), "elders");
    assert_eq!(js(&json, &format!("{g}/rollen/3/financiering")), "elders");
    let (out, _dir) = run_with(
        &[
            ("s.toml", read(&fx("deels-elders.toml")).as_bytes()),
            ("b.csv", text.as_bytes()),
        ],
        &[
            "monitor",
            "s.toml",
            "--bijeenkomsten",
            "b.csv",
            "--format",
            "table",
        ],
    );
    let table = success(&out);
    assert!(table.contains("consulent (60 % elders)"), "{table}");
    assert!(
        table.contains("wijkverpleegkundige (elders gefinancierd)"),
        "{table}"
    );
}

#[test]
fn the_cost_table_labels_a_role_financed_elsewhere_in_part_or_in_some_years() {
    let table = success(&run(&[
        "cost",
        "tests/fixtures/monitor/deels-elders.toml",
        "--format",
        "table",
    ]));
    assert!(
        table.contains("consulent (deels elders gefinancierd)"),
        "{table}"
    );
    assert!(
        table.contains("wijkverpleegkundige (deels elders gefinancierd)"),
        "{table}"
    );
    assert!(
        table.contains("geestelijk_verzorger (elders gefinancierd)"),
        "{table}"
    );
    assert!(table.contains("│ huisarts "), "{table}");
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
