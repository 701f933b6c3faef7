//! Tests: declare (the declaration to the insurers) and settle (the afrekening of a year).
//!
//! # Hand arithmetic
//!
//! `afrekening.toml` is `regio.toml` (see the parent module) with three insurers: CZ 60 % with
//! the offer "CZ met plafond" (€ 1.00 per verzekerde, plafond € 5,000 a year), VGZ 30 % with
//! "VGZ 2026-2027" (€ 0.80, no plafond), Menzis 10 % without an offer.
//!
//! ## declare, `verzekerden-2026.csv`
//!
//! Per quarter `tarief × verzekerden / 4`:
//! - CZ: 6,000, 6,000, 6,100, 6,100 → 1,500.00, 1,500.00, 1,525.00 (so far 4,525.00), and K4
//!   1,525.00 capped at 5,000 − 4,525 = 475.00 (1,050.00 cut). Year 5,000.00.
//! - VGZ: 3,000 each quarter → 600.00 × 4 = 2,400.00.
//! - Menzis: no offer: no amount, a warning.
//! - Total 7,400.00.
//!
//! ## settle 2026, with `noord-2026.csv` (4 of Noord's 6 meetings)
//!
//! - Paid out for the whole year (payout --per jaar): huisarts 5,148.00 and wijkverpleegkundige
//!   1,435.69 (parent module); consulent meetings 814.54 plus phone support for the whole year,
//!   10 h × 112.35 = 1,123.50: 1,938.04. Σ 8,521.73 (plan: 12,747.68).
//! - ICT 450.00 (the plan's, one group in 2026); huisvesting on the meetings held: 4 × 40 =
//!   160.00 (plan 6 × 40 = 240.00).
//! - Overhead 5 % × (8,521.73 + 450 + 160 = 9,131.73) = 456.5865 → 456.59 (plan: 5 % ×
//!   13,437.68 = 671.884 → 671.88).
//! - Kosten 9,131.73 + 456.59 = 9,588.32 (plan 14,109.56).
//! - Opbrengst 5,000 + 2,400 + 0 = 7,400.00; resultaat 7,400.00 − 9,588.32 = −2,188.32.
//! - Parts in proportion to what was declared, in cents: CZ 218,832 × 5,000 / 7,400 =
//!   147,859.459…, VGZ 218,832 × 2,400 / 7,400 = 70,972.540…; rounded towards zero 147,859 +
//!   70,972 = 218,831, one cent left, to the larger remainder (VGZ's 0.540): CZ −1,478.59, VGZ
//!   −709.73, Menzis 0.00; −1,478.59 − 709.73 = −2,188.32.
//! - Nacalculatie: Σ counts 24,200 + 12,000 + 4,000 = 40,200 quarter counts = 10,050
//!   verzekerdenjaren; 9,588.32 / 10,050 = 0.954061… → 0.96 (rounded up).

use super::*;

const SCENARIO: &str = "tests/fixtures/monitor/afrekening.toml";
const TELLINGEN: &str = "tests/fixtures/monitor/verzekerden-2026.csv";

/// The scenario as the tests in a fresh directory use it.
fn scenario_bytes() -> Vec<u8> {
    std::fs::read(root().join(SCENARIO)).expect("fixture readable")
}

#[test]
fn declare_caps_the_quarters_of_a_year_in_order_and_leaves_an_insurer_without_an_offer_empty() {
    let out = run(&[
        "declare",
        SCENARIO,
        "--verzekerden",
        TELLINGEN,
        "--format",
        "csv",
    ]);
    assert_eq!(
        success(&out),
        "verzekeraar,periode,aanbod,verzekerden,tarief_per_verzekerde,bedrag\r\n\
         CZ,2026-K1,CZ met plafond,6000,1.00,1500.00\r\n\
         CZ,2026-K2,CZ met plafond,6000,1.00,1500.00\r\n\
         CZ,2026-K3,CZ met plafond,6100,1.00,1525.00\r\n\
         CZ,2026-K4,CZ met plafond,6100,1.00,475.00\r\n\
         VGZ,2026-K1,VGZ 2026-2027,3000,0.80,600.00\r\n\
         VGZ,2026-K2,VGZ 2026-2027,3000,0.80,600.00\r\n\
         VGZ,2026-K3,VGZ 2026-2027,3000,0.80,600.00\r\n\
         VGZ,2026-K4,VGZ 2026-2027,3000,0.80,600.00\r\n\
         Menzis,2026-K1,,1000,,\r\n\
         Menzis,2026-K2,,1000,,\r\n\
         Menzis,2026-K3,,1000,,\r\n\
         Menzis,2026-K4,,1000,,\r\n"
    );
    let err = stderr(&out);
    assert!(
        err.contains(
            "tests/fixtures/monitor/verzekerden-2026.csv:10: waarschuwing: verzekeraar 'Menzis' \
             heeft geen aanbod voor 2026: er is geen [[aanbod]] van deze verzekeraar"
        ),
        "{err}"
    );

    let year = run(&[
        "declare",
        SCENARIO,
        "--verzekerden",
        TELLINGEN,
        "--per",
        "jaar",
        "--format",
        "csv",
        "--csv-nl",
    ]);
    assert_eq!(
        success(&year),
        "\u{feff}verzekeraar;periode;aanbod;verzekerden;tarief_per_verzekerde;bedrag\r\n\
         CZ;2026;CZ met plafond;24200;1,00;5000,00\r\n\
         VGZ;2026;VGZ 2026-2027;12000;0,80;2400,00\r\n\
         Menzis;2026;;4000;;\r\n"
    );

    let json: Value = serde_json::from_str(&success(&run(&[
        "declare",
        SCENARIO,
        "--verzekerden",
        TELLINGEN,
        "--format",
        "json",
    ])))
    .expect("JSON");
    assert_eq!(js(&json, "/regels/3/bedrag"), "475.00");
    assert_eq!(js(&json, "/regels/3/afgetopt"), "1050.00");
    assert!(json.pointer("/regels/8/bedrag").is_some_and(Value::is_null));
    assert_eq!(js(&json, "/verzekeraars/0/jaren/0/bedrag"), "5000.00");
    assert_eq!(js(&json, "/verzekeraars/1/totaal/bedrag"), "2400.00");
    assert_eq!(js(&json, "/totaal/bedrag"), "7400.00");
}

#[test]
fn a_count_of_zero_declares_nothing_but_keeps_its_row() {
    let files: [(&str, &[u8]); 2] = [
        ("s.toml", &scenario_bytes()),
        (
            "v.csv",
            b"periode,verzekeraar,verzekerden\n2027-K2,VGZ,0\n2027-K1,VGZ,1\n",
        ),
    ];
    let (out, _dir) = run_with(
        &files,
        &[
            "declare",
            "s.toml",
            "--verzekerden",
            "v.csv",
            "--format",
            "csv",
        ],
    );
    // 0.80 × 1 / 4 = 0.20; 0.80 × 0 / 4 = 0.00; in calendar order whatever the file order.
    assert_eq!(
        success(&out),
        "verzekeraar,periode,aanbod,verzekerden,tarief_per_verzekerde,bedrag\r\n\
         VGZ,2027-K1,VGZ 2026-2027,1,0.80,0.20\r\n\
         VGZ,2027-K2,VGZ 2026-2027,0,0.80,0.00\r\n"
    );
}

#[test]
fn settle_gives_the_result_as_income_minus_costs_and_insurer_parts_that_add_up_to_it() {
    let out = run(&[
        "settle",
        SCENARIO,
        "--verzekerden",
        TELLINGEN,
        "--bijeenkomsten",
        "tests/fixtures/monitor/noord-2026.csv",
        "--format",
        "csv",
    ]);
    assert_eq!(
        success(&out),
        "jaar,onderdeel,post,verzekeraar,begroot,bedrag\r\n\
         2026,opbrengst,,CZ,,5000.00\r\n\
         2026,opbrengst,,VGZ,,2400.00\r\n\
         2026,opbrengst,,Menzis,,0.00\r\n\
         2026,kosten,uitbetaling_deelnemers,,12747.68,8521.73\r\n\
         2026,kosten,ict,,450.00,450.00\r\n\
         2026,kosten,huisvesting,,240.00,160.00\r\n\
         2026,kosten,overhead,,671.88,456.59\r\n\
         2026,resultaat,,,,-2188.32\r\n\
         2026,aandeel_resultaat,,CZ,,-1478.59\r\n\
         2026,aandeel_resultaat,,VGZ,,-709.73\r\n\
         2026,aandeel_resultaat,,Menzis,,0.00\r\n\
         2026,nacalculatie_tarief,,,,0.96\r\n"
    );
    let json: Value = serde_json::from_str(&success(&run(&[
        "settle",
        SCENARIO,
        "--verzekerden",
        TELLINGEN,
        "--bijeenkomsten",
        "tests/fixtures/monitor/noord-2026.csv",
        "--format",
        "json",
    ])))
    .expect("JSON");
    let j = json.pointer("/jaren/0").expect("2026");
    let amount = |p: &str| d(js(j, p));
    // Income minus costs, to the cent; the parts add up to the result.
    assert_eq!(
        amount("/resultaat"),
        amount("/opbrengst") - amount("/kosten")
    );
    let parts: Decimal = (0..3)
        .map(|i| amount(&format!("/verzekeraars/{i}/aandeel_resultaat")))
        .sum();
    assert_eq!(parts, d("-2188.32"));
    assert_eq!(amount("/kosten"), d("9588.32"));
    assert_eq!(amount("/verzekerdenjaren"), d("10050.00"));
    assert_eq!(
        j.pointer("/posten/1/bijeenkomsten_gehouden"),
        Some(&Value::from(4))
    );
}

// `afrekening-extra.toml`: three groups of 4 huisartsen (€ 100) and 2 wijkverpleegkundigen
// (€ 80), 6 meetings of 1.5 + 0.5 = 2 h per attendee, no other hours, no indexatie; huisvesting
// € 40 per meeting, 50 % elsewhere; own posts catering € 25 per bijeenkomst (40 % elsewhere),
// portaal € 300 per groep, voorlichting € 1,000 per jaar; overhead 10 %; a contribution of
// € 2,000 in 2026. CZ 60 % at € 1.00, VGZ 40 % at € 0.70.
//
// Plan 2026: per group huisarts 6 × 4 × 2 = 48 h × 100 = 4,800.00, wijkverpleegkundige
// 6 × 2 × 2 = 24 h × 80 = 1,920.00: 6,720.00, × 3 = 20,160.00; huisvesting 6 × 40 = 240.00, TAPA$
// 120.00 a group (360.00); catering 6 × 25 = 150.00, elsewhere 60.00, TAPA$ 90.00 (270.00);
// portaal 900.00; voorlichting 1,000.00; overhead 10 % × 22,690.00 = 2,269.00; TAPA$ lines
// 24,959.00 (te_financieren 22,959.00 after the contribution).
//
// Held (`afrekening-extra-bijeenkomsten.csv`): Noord 5 of 6, Zuid 6 of 6, West none.
// - uitbetaald: Noord 5 × (4 × 2 × 100 + 2 × 2 × 80) = 5 × 1,120 = 5,600.00, Zuid 6,720.00:
//   12,320.00.
// - huisvesting: Noord cents(5 × 40) = 200.00, elsewhere 100.00, TAPA$ 100.00; Zuid 120.00;
//   West 0: 220.00 (11 of 18 meetings).
// - catering: Noord cents(5 × 25) = 125.00, elsewhere cents(125 × 0.4) = 50.00, TAPA$ 75.00;
//   Zuid 90.00; West 0: 165.00.
// - portaal: the 2 groups that held a meeting: 600.00. Voorlichting 1,000.00 as planned.
// - overhead 10 % × (12,320 + 220 + 165 + 600 + 1,000 = 14,305.00) = 1,430.50;
//   kosten 15,735.50.
// - opbrengst: CZ 4 × 6,000 × 1.00 / 4 = 6,000.00, VGZ 4 × 4,000 × 0.70 / 4 = 2,800.00: 8,800.00.
// - resultaat 8,800.00 + 2,000.00 − 15,735.50 = −4,935.50. Parts in cents: CZ 493,550 × 6,000 /
//   8,800 = 336,511.36…, VGZ 493,550 × 2,800 / 8,800 = 157,038.63…; floors 336,511 + 157,038 =
//   493,549, the cent left to VGZ (remainder 0.63 > 0.36): −3,365.11 and −1,570.39.
// - nacalculatie (15,735.50 − 2,000.00) / (40,000 / 4 = 10,000) = 1.37355 → 1.38.
#[test]
fn settle_counts_own_posts_on_the_meetings_held_only_their_tapas_part_and_the_contribution() {
    let args = |format: &'static str| {
        [
            "settle",
            "tests/fixtures/monitor/afrekening-extra.toml",
            "--verzekerden",
            "tests/fixtures/monitor/afrekening-extra-verzekerden.csv",
            "--bijeenkomsten",
            "tests/fixtures/monitor/afrekening-extra-bijeenkomsten.csv",
            "--format",
            format,
        ]
    };
    assert_eq!(
        success(&run(&args("csv"))),
        "jaar,onderdeel,post,verzekeraar,begroot,bedrag\r\n\
         2026,opbrengst,,CZ,,6000.00\r\n\
         2026,opbrengst,,VGZ,,2800.00\r\n\
         2026,kosten,uitbetaling_deelnemers,,20160.00,12320.00\r\n\
         2026,kosten,huisvesting,,360.00,220.00\r\n\
         2026,kosten,catering,,270.00,165.00\r\n\
         2026,kosten,portaal,,900.00,600.00\r\n\
         2026,kosten,voorlichting,,1000.00,1000.00\r\n\
         2026,kosten,overhead,,2269.00,1430.50\r\n\
         2026,bijdrage,Vacatiegeld PZNL,,2000.00,2000.00\r\n\
         2026,resultaat,,,,-4935.50\r\n\
         2026,aandeel_resultaat,,CZ,,-3365.11\r\n\
         2026,aandeel_resultaat,,VGZ,,-1570.39\r\n\
         2026,nacalculatie_tarief,,,,1.38\r\n"
    );
    let json: Value = serde_json::from_str(&success(&run(&args("json")))).expect("JSON");
    let j = json.pointer("/jaren/0").expect("2026");
    let amount = |p: &str| d(js(j, p));
    // Income (declared + contributions) minus costs, to the cent; the parts add up to it.
    assert_eq!(
        amount("/resultaat"),
        amount("/opbrengst") + amount("/bijdragen") - amount("/kosten")
    );
    let parts: Decimal = (0..2)
        .map(|i| amount(&format!("/verzekeraars/{i}/aandeel_resultaat")))
        .sum();
    assert_eq!(parts, amount("/resultaat"));
    assert_eq!(amount("/kosten"), d("15735.50"));
    assert_eq!(amount("/kosten_begroot"), d("24959.00"));
    assert_eq!(amount("/bijdragen"), d("2000.00"));
    assert_eq!(js(j, "/bijdrage_regels/0/financier"), "Stichting PZNL");
    assert_eq!(js(j, "/posten/1/post"), "catering");
    assert_eq!(
        j.pointer("/posten/1/bijeenkomsten_gehouden"),
        Some(&Value::from(11))
    );
    assert_eq!(
        j.pointer("/posten/2/groepen_met_bijeenkomst"),
        Some(&Value::from(2))
    );
    assert_eq!(js(&json, "/totaal/bijdragen"), "2000.00");
    assert_eq!(js(&json, "/totaal/nacalculatie_tarief"), "1.38");
    let table = success(&run(&args("table")));
    for line in [
        "Catering (11 van 18 bijeenkomsten)",
        "Portaal per groep (2 van 3 groepen met een bijeenkomst)",
        "Bijdrage: Vacatiegeld PZNL (Stichting PZNL)",
        "Te dragen door de verzekeraars",
        "Resultaat 2026: opbrengst € 8.800,00 + bijdragen € 2.000,00 − kosten € 15.735,50 = \
         € -4.935,50 (tekort).",
        "Nacalculatie 2026: (€ 15.735,50 − € 2.000,00) / 10.000,00 verzekerdenjaren = € 1,38",
    ] {
        assert!(table.contains(line), "{line}\n{table}");
    }
}

/// Writes `csv` next to the scenario and runs `declare`; returns stderr of the invalid run.
fn bad_counts(csv: &[u8]) -> String {
    let files: [(&str, &[u8]); 2] = [("s.toml", &scenario_bytes()), ("v.csv", csv)];
    let (out, _dir) = run_with(&files, &["declare", "s.toml", "--verzekerden", "v.csv"]);
    invalid(&out)
}

#[test]
fn every_mistake_in_a_counts_file_is_reported_at_its_line_and_column() {
    // A BOM before the header and `;` as separator: positions count characters after the BOM.
    let err = bad_counts(
        "\u{feff}periode;verzekeraar;verzekerden\n\
         2025-K4;CZ;10\n\
         2026-K1;VGZ;1.000\n\
         2026-K1;CZ;5\n\
         2026-K1;CZ;6\n\
         2026-K2;VGZ;-3\n\
         2026-K2;Menziz;7\n"
            .as_bytes(),
    );
    let expected = [
        "v.csv:2:1: fout: verzekerden[1].periode: 2025-K4 valt buiten de looptijd 2026–2027",
        "v.csv:3:13: fout: verzekerden[2].verzekerden: '1.000': een aantal schrijf je zonder \
         scheidingsteken voor duizendtallen",
        "    hint: schrijf 1000",
        "v.csv:5:1: fout: verzekerden[4].periode: verzekeraar 'CZ' heeft voor 2026-K1 al een \
         regel (regel 4)",
        "v.csv:6:13: fout: verzekerden[5].verzekerden: -3: een aantal verzekerden kan niet \
         negatief zijn",
        "v.csv:7:9: fout: verzekerden[6].verzekeraar: verzekeraar 'Menziz' staat niet in het \
         scenario",
        "    hint: bedoelde je 'Menzis'?",
        "v.csv: 5 fouten gevonden; er is niets berekend",
    ];
    for e in expected {
        assert!(err.contains(e), "missing {e:?} in:\n{err}");
    }
}

#[test]
fn a_comma_file_with_a_quarter_that_is_not_one_says_how_to_write_it() {
    let err = bad_counts(b"periode,verzekeraar,verzekerden\n2026-Q1,CZ,10\n2026-K1,CZ,\n");
    assert!(
        err.contains("v.csv:2:1: fout: verzekerden[1].periode: '2026-Q1' is geen kwartaal"),
        "{err}"
    );
    assert!(
        err.contains("hint: schrijf het kwartaal als JJJJ-K1 … JJJJ-K4, bijv. 2026-K1"),
        "{err}"
    );
    assert!(
        err.contains("v.csv:3:12: fout: verzekerden[2].verzekerden: leeg"),
        "{err}"
    );
}

#[test]
fn declare_uses_the_contracted_offer_and_else_the_best_one() {
    // A second CZ offer without a plafond at € 2.00 brings in more over the horizon, so it is
    // CZ's best offer: K1 2.00 × 6,000 / 4 = 3,000.00. Once the capped offer is contracted,
    // that one is used: K1 1.00 × 6,000 / 4 = 1,500.00.
    let text = String::from_utf8(scenario_bytes()).expect("UTF-8");
    let tweede = "\n[[aanbod]]\nverzekeraar = \"CZ\"\nlabel = \"CZ hoog\"\n\
                  tarief_per_verzekerde = 2.00\n";
    let beste = format!("{text}{tweede}");
    let gecontracteerd = format!(
        "{}{tweede}",
        text.replace(
            "plafond = 5000\n",
            "plafond = 5000\ngecontracteerd = true\n"
        )
    );
    let csv: &[u8] = b"periode,verzekeraar,verzekerden\n2026-K1,CZ,6000\n";
    for (scenario, expected) in [
        (beste.as_bytes(), "CZ,2026-K1,CZ hoog,6000,2.00,3000.00\r\n"),
        (
            gecontracteerd.as_bytes(),
            "CZ,2026-K1,CZ met plafond,6000,1.00,1500.00\r\n",
        ),
    ] {
        let files: [(&str, &[u8]); 2] = [("s.toml", scenario), ("v.csv", csv)];
        let (out, _dir) = run_with(
            &files,
            &[
                "declare",
                "s.toml",
                "--verzekerden",
                "v.csv",
                "--format",
                "csv",
            ],
        );
        let out = success(&out);
        assert!(out.ends_with(expected), "{out}");
    }
}

#[test]
fn the_annual_report_holds_the_verantwoording_and_the_settlement_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let html = dir.path().join("verslag.html");
    let html_s = html.to_str().expect("UTF-8 path");
    let args = [
        "annual-report",
        SCENARIO,
        "--bijeenkomsten",
        "tests/fixtures/monitor/noord-2026.csv",
        "--indicatoren",
        "tests/fixtures/monitor/indicatoren.csv",
        "--verzekerden",
        TELLINGEN,
        "-o",
        html_s,
    ];
    let out = run(&args);
    assert_eq!(success(&out), "");
    let doc = std::fs::read_to_string(&html).expect("the document is written");
    // The figures of the hand-worked settlement and the verantwoording (parent module).
    for figure in [
        "4 van 6",
        "€ 8.240,86",
        "€ 8.521,73",
        "€ 160,00",
        "€ 456,59",
        "€ 9.588,32",
        "€ -2.188,32",
        "€ -1.478,59",
        "€ -709,73",
        "€ 0,96",
        "€ 475,00",
        "€ 13.486,43",
        "1 wijkverpleegkundige aanwezig",
    ] {
        assert!(doc.contains(figure), "missing {figure}");
    }
    assert!(doc.starts_with("<!DOCTYPE html>") && doc.ends_with("</html>\n"));
    // An existing file is kept without --force; a bad counts file writes nothing.
    let again = run(&args);
    assert!(invalid(&again).contains("bestaat al"));
    let meetings = read(&fx("noord-2026.csv"));
    let files: [(&str, &[u8]); 3] = [
        ("s.toml", &scenario_bytes()),
        (
            "v.csv",
            b"periode,verzekeraar,verzekerden\n2026-K1,CZ,1.000\n",
        ),
        ("b.csv", meetings.as_bytes()),
    ];
    let (out, tmp) = run_with(
        &files,
        &[
            "annual-report",
            "s.toml",
            "--bijeenkomsten",
            "b.csv",
            "--verzekerden",
            "v.csv",
            "-o",
            "x.html",
        ],
    );
    assert!(invalid(&out).contains("v.csv:2:12: fout: verzekerden[1].verzekerden"));
    assert!(!tmp.path().join("x.html").exists());
}
