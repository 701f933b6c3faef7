//! Every shipped scenario (`scenarios/*.toml`) through every command a user runs on it, and the
//! figures of `scenarios/contractgesprek.toml` (the example of the contract talk) worked out by
//! hand from the file's own numbers.
//!
//! Runs the real binary in the crate root; output files go to a fresh temporary directory.
//!
//! # The hand arithmetic of `scenarios/contractgesprek.toml`, year 2026
//!
//! No indexation in the first year (I(2026) = 1). Two groups are active in 2026 (Nieuwe Polder
//! starts in 2027). Per participant per meeting 1,5 + 0,5 + 0,25 = 2,25 hours; 6 meetings:
//! 13,5 hours a year.
//!
//! Dijkdorpen (7 huisartsen, 3 wijkverpleegkundigen, 1 consulent, 28 patients):
//! - bijeenkomsten huisarts 7 × 13,5 = 94,5 u × 117 = 11.056,50; wijkverpleegkundige
//!   3 × 13,5 = 40,5 u × 88,35 = 3.578,175 → 3.578,18;
//! - consulent: B = 13,5 u × 125 = 1.687,50, 50 % elsewhere (Stichting PZNL, only until 2026):
//!   elders 1.687,50 × 50 % = 843,75 (6,75 u), TAPA$ 1.687,50 − 843,75 = 843,75 (6,75 u);
//! - voorzitter 6 × 1 u × 117 = 702,00; coordinatie 28 × 0,5 = 14 u × 117 = 1.638,00;
//! - telefonische ondersteuning 8 u × 125 = 1.000,00: elders 500,00, TAPA$ 500,00;
//! - ict 450,00; huisvesting 6 × 40 = 240,00; kostenpost registratie per bijeenkomst 6 × 25 = 150,00.
//! - TAPA$ lines: 11.056,50 + 3.578,18 + 843,75 + 702 + 1.638 + 500 + 450 + 240 + 150 = 19.158,43.
//!
//! Uiterwaarden (8 huisartsen, 32 patients): huisarts 108 u × 117 = 12.636,00; coordinatie
//! 16 u × 117 = 1.872,00; the rest as Dijkdorpen. TAPA$ lines: 12.636 + 3.578,18 + 843,75 + 702 +
//! 1.872 + 500 + 450 + 240 + 150 = 20.971,93.
//!
//! Regional: projectleiding 120 u × 95 = 11.400,00, wholly paid by the Netwerk (elders);
//! monitoring 1.500,00; kostenpost voorlichting per jaar 2.500,00.
//! - TAPA$ before overhead: 19.158,43 + 20.971,93 + 1.500 + 2.500 = 44.130,36;
//!   overhead 5 % = 2.206,518 → 2.206,52.
//! - elders_gefinancierd = 2 × (843,75 + 500,00) + 11.400,00 = 14.087,50.
//! - kosten_totaal = 44.130,36 + 2.206,52 + 14.087,50 = 60.424,38.
//! - bijdragen 2026: the first half of the vacatiegeld, 10.000,00 (the second is in 2027).
//! - te_financieren = 60.424,38 − 14.087,50 − 10.000,00 = 36.336,88;
//!   kostendekkend tarief = up(36.336,88 / 31.425 = 1,15630…) = 1,16.
//!
//! Impact 2026, 28 + 32 = 60 patients (vermeden = P × basis % × reductie % × kosten):
//! 60 × 8 % × 27 % × 4.830 = 6.259,68; 60 × 5 % × 20 % × 9.660 = 5.796,00;
//! 60 × 7 % × 16 % × 258 = 173,376 → 173,38; 60 × 5,3 % × 30 % × 8.181 = 7.804,674 → 7.804,67;
//! 60 × 19 % × 20 % × 1.932 = 4.404,96; 60 × 8 % × 41 % × 15 % × 506 = 149,3712 → 149,37;
//! sum 24.588,06. netto = 24.588,06 − 36.336,88 = −11.748,82; ROI −11.748,82 / 36.336,88 =
//! −32,33… → −32,3 %.
//!
//! Zilveren Kruis (50 %), contracted € 1,20: verzekerden_v = 31.425 × 50 % = 15.712,5;
//! kostenaandeel = cents(36.336,88 × 50 %) = 18.168,44; betaling 1,20 × 15.712,5 = 18.855,00;
//! vermeden_kosten = cents(24.588,06 × 50 %) = 12.294,03; netto = 12.294,03 − 18.855,00 =
//! −6.560,97; ROI −6.560,97 / 18.855,00 = −34,797… → −34,8 %.
//!
//! The region, 2026 (each insurer's chosen offer): Zilveren Kruis 18.855,00; VGZ (25 %, 7.856,25
//! verzekerden) 1,10 × 7.856,25 = 8.641,875 → 8.641,88; CZ (12 %, 3.771) 1,60 × 3.771 = 6.033,60,
//! plafond 6.000,00; Menzis (8 %) only offers for 2027–2028: 0. Opbrengst 18.855,00 + 8.641,88 +
//! 6.000,00 = 33.496,88; tekort 36.336,88 − 33.496,88 = 2.840,00; dekking 33.496,88 / 36.336,88 =
//! 92,18… → 92,2 %.
//!
//! 2027: the consulent's PZNL share has ended (tot_en_met = 2026): one TAPA$ line of
//! 13,5 u × 125 × 1,03 = 1.738,125 → 1.738,13 per group; projectleiding 11.400 × 1,03 =
//! 11.742,00 still elders; bijdragen 10.000,00 (the second half); 2028: bijdragen 0,00; over the
//! horizon 20.000,00, the maximum of € 20.000 per pilot region.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

/// The crate root: the working directory of every run.
fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_patz-calc"))
        .args(args)
        .current_dir(root())
        .env_remove("CLICOLOR_FORCE")
        .output()
        .expect("patz-calc starts")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

/// Runs and asserts exit status 0; returns stdout.
fn ok(args: &[&str]) -> String {
    let out = run(args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "patz-calc {args:?} failed:\n{}",
        text(&out.stderr)
    );
    text(&out.stdout)
}

fn json(args: &[&str]) -> Value {
    serde_json::from_str(&ok(args)).unwrap_or_else(|e| panic!("{args:?}: JSON parses: {e}"))
}

/// `scenarios/*.toml` in name order, relative to the root.
fn shipped() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root().join("scenarios"))
        .expect("scenarios/ exists")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".toml"))
        .map(|n| format!("scenarios/{n}"))
        .collect();
    names.sort();
    assert!(
        names.contains(&CONTRACT.to_string()),
        "the contract-talk example is shipped: {names:?}"
    );
    names
}

/// Whether the scenario has a section `[name]` or `[[name]]` (a line of its own).
fn has_section(path: &str, name: &str) -> bool {
    std::fs::read_to_string(root().join(path))
        .expect("scenario readable")
        .lines()
        .any(|l| l.trim() == format!("[{name}]") || l.trim() == format!("[[{name}]]"))
}

const CONTRACT: &str = "scenarios/contractgesprek.toml";

#[test]
fn every_shipped_scenario_passes_check_and_gives_cost_offers_and_business_case_as_json() {
    for path in shipped() {
        let out = run(&["check", &path]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "check {path}: {}",
            text(&out.stderr)
        );
        assert!(
            out.stdout.is_empty(),
            "check {path} prints nothing on stdout"
        );
        let cost = json(&["cost", &path, "--format", "json"]);
        assert!(
            cost["jaren"].as_array().is_some_and(|j| !j.is_empty()),
            "{path}"
        );
        let offers = json(&["offers", &path, "--format", "json"]);
        assert_eq!(
            offers["totaal"]["te_financieren"], cost["totaal"]["te_financieren"],
            "{path}"
        );
        if has_section(&path, "impact") {
            let bc = json(&["business-case", &path, "--format", "json"]);
            assert_eq!(
                bc["totaal"]["te_financieren"], cost["totaal"]["te_financieren"],
                "{path}"
            );
        } else {
            // business-case needs [impact]: a Dutch error, exit 2, nothing on stdout.
            let out = run(&["business-case", &path, "--format", "json"]);
            assert_eq!(out.status.code(), Some(2), "business-case {path}");
            assert!(out.stdout.is_empty(), "business-case {path}");
        }
    }
}

#[test]
fn every_shipped_scenario_gives_explain_the_documents_the_workbook_and_its_uncertainty_runs() {
    let dir = tempfile::tempdir().expect("temporary directory");
    for path in shipped() {
        let stem = Path::new(&path)
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("file stem");
        assert!(!ok(&["explain", &path]).is_empty(), "explain {path}");
        for (command, ext, magic) in [
            ("report", "html", &b"<!DOCTYPE html>"[..]),
            ("report", "docx", b"PK"),
            ("export", "xlsx", b"PK"),
        ] {
            let target = dir.path().join(format!("{stem}.{ext}"));
            let target = target.to_str().expect("UTF-8 path");
            let out = run(&[command, &path, "-o", target]);
            assert_eq!(
                out.status.code(),
                Some(0),
                "{command} {path} -o .{ext}: {}",
                text(&out.stderr)
            );
            let written = std::fs::read(target).expect("document written");
            assert!(written.starts_with(magic), "{command} {path} -o .{ext}");
        }
        if has_section(&path, "onzekerheid") {
            ok(&["sensitivity", &path]);
            ok(&[
                "simulate",
                &path,
                "--iteraties",
                "200",
                "--startwaarde",
                "7",
            ]);
        }
    }
}

#[test]
fn the_contract_talk_example_gives_no_warning() {
    // The file says so in its header: the groups follow the PaTz-werkwijze and the reminders
    // about the consulent and the wijkverpleegkundige are answered with [[financiering.nagegaan]].
    let out = run(&["check", CONTRACT]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stderr), "");
}

/// The cost lines of `jaar` of `groep` (`None`: regional) and `post`, as (rol, uren, bedrag,
/// financiering).
fn regels(cost: &Value, jaar: i64, groep: Option<&str>, post: &str) -> Vec<[String; 4]> {
    let year = cost["jaren"]
        .as_array()
        .expect("jaren")
        .iter()
        .find(|j| j["jaar"] == jaar)
        .expect("the year");
    year["regels"]
        .as_array()
        .expect("regels")
        .iter()
        .filter(|r| r["groep"].as_str() == groep && r["post"] == post)
        .map(|r| {
            ["rol", "uren", "bedrag", "financiering"]
                .map(|k| r[k].as_str().unwrap_or_default().to_string())
        })
        .collect()
}

fn row(rol: &str, uren: &str, bedrag: &str, financiering: &str) -> [String; 4] {
    [rol, uren, bedrag, financiering].map(str::to_string)
}

#[test]
fn the_consulents_2026_line_is_split_into_b_times_p_elsewhere_and_the_rest_through_tapas() {
    let cost = json(&["cost", CONTRACT, "--format", "json"]);
    let consulent = |jaar, post| -> Vec<[String; 4]> {
        regels(&cost, jaar, Some("Dijkdorpen"), post)
            .into_iter()
            .filter(|r| r[0] == "consulent")
            .collect()
    };
    // B = 13,5 u × € 125 = € 1.687,50; 50 % elders = € 843,75 (6,75 u); TAPA$ the rest.
    assert_eq!(
        consulent(2026, "bijeenkomsten"),
        [
            row("consulent", "6.75", "843.75", "elders"),
            row("consulent", "6.75", "843.75", "tapas"),
        ]
    );
    // 8 u × € 125 = € 1.000,00 → € 500,00 + € 500,00.
    assert_eq!(
        consulent(2026, "telefonische_ondersteuning"),
        [
            row("consulent", "4.00", "500.00", "elders"),
            row("consulent", "4.00", "500.00", "tapas"),
        ]
    );
    // tot_en_met = 2026: in 2027 one TAPA$ line, 13,5 × 125 × 1,03 = 1.738,125 → € 1.738,13.
    assert_eq!(
        consulent(2027, "bijeenkomsten"),
        [row("consulent", "13.50", "1738.13", "tapas")]
    );
    // The projectleiding is the Netwerk's every year: 120 u × 95 = 11.400,00; × 1,03 in 2027.
    assert_eq!(
        regels(&cost, 2026, None, "projectleiding"),
        [row("", "120.00", "11400.00", "elders")]
    );
    assert_eq!(
        regels(&cost, 2027, None, "projectleiding"),
        [row("", "120.00", "11742.00", "elders")]
    );
    // The own posts: 6 meetings × € 25 per group, € 2.500 a year for the region.
    assert_eq!(
        regels(&cost, 2026, Some("Uiterwaarden"), "registratie"),
        [row("", "", "150.00", "tapas")]
    );
    assert_eq!(
        regels(&cost, 2026, None, "voorlichting"),
        [row("", "", "2500.00", "tapas")]
    );
    assert_eq!(
        regels(&cost, 2026, None, "overhead"),
        [row("", "", "2206.52", "tapas")]
    );
}

#[test]
fn the_vacatiegeld_lowers_te_financieren_and_the_tariff_in_the_years_it_is_paid() {
    let cost = json(&["cost", CONTRACT, "--format", "json"]);
    let j = &cost["jaren"][0];
    assert_eq!(j["jaar"], 2026);
    assert_eq!(j["kosten_totaal"], "60424.38");
    assert_eq!(j["elders_gefinancierd"], "14087.50");
    assert_eq!(j["bijdragen"], "10000.00");
    assert_eq!(j["te_financieren"], "36336.88");
    assert_eq!(j["kostendekkend_tarief"], "1.16");
    let bijdragen: Vec<&Value> = cost["jaren"]
        .as_array()
        .expect("jaren")
        .iter()
        .map(|j| &j["bijdragen"])
        .collect();
    assert_eq!(bijdragen, ["10000.00", "10000.00", "0.00"]);
    assert_eq!(cost["totaal"]["bijdragen"], "20000.00");
    // business-case: the same year, netto and ROI, and the new last CSV column.
    let csv = ok(&["business-case", CONTRACT, "--format", "csv"]);
    let mut lines = csv.split("\r\n");
    assert!(
        lines
            .next()
            .is_some_and(|h| h.ends_with(",roi_percentage,bijdragen"))
    );
    assert_eq!(
        lines.next(),
        Some("2026,60424.38,14087.50,36336.88,1.16,24588.06,-11748.82,-32.3,10000.00")
    );
}

#[test]
fn zilveren_kruis_netto_and_the_regions_tekort_of_2026_are_the_hand_worked_ones() {
    let v = json(&["offers", CONTRACT, "--format", "json"]);
    let zk = &v["verzekeraars"][0];
    assert_eq!(zk["naam"], "Zilveren Kruis");
    assert_eq!(zk["gekozen_aanbod"], "Zilveren Kruis TAPA$ 3 jaar");
    let j = &zk["jaren"][0];
    assert_eq!(j["jaar"], 2026);
    assert_eq!(
        [
            "kostenaandeel",
            "betaling",
            "vermeden_kosten",
            "netto",
            "roi_percentage"
        ]
        .map(|k| &j[k]),
        ["18168.44", "18855.00", "12294.03", "-6560.97", "-34.8"]
    );
    // Menzis offers only from 2027: nothing paid in 2026.
    assert_eq!(v["verzekeraars"][3]["jaren"][0]["betaling"], "0.00");
    let r = &v["regio"]["jaren"][0];
    assert_eq!(
        [
            "jaar",
            "te_financieren",
            "opbrengst",
            "tekort",
            "dekking_percentage"
        ]
        .map(|k| &r[k]),
        [
            &Value::from(2026),
            &"36336.88".into(),
            &"33496.88".into(),
            &"2840.00".into(),
            &"92.2".into()
        ]
    );
}

#[test]
fn explain_shows_the_split_consulent_line_the_netwerks_projectleiding_and_the_vacatiegeld() {
    let rows = ok(&["explain", CONTRACT, "--jaar", "2026", "--format", "csv"]);
    let find = |groep: &str, post: &str, uitkomst: &str, wat: &[&str]| {
        assert!(
            rows.split("\r\n").any(|r| {
                r.starts_with(&format!("2026,{groep},{post},"))
                    && r.ends_with(&format!(",{uitkomst}"))
                    && wat.iter().all(|w| r.contains(w))
            }),
            "no explain row 2026,{groep},{post} … {wat:?} = {uitkomst} in\n{rows}"
        );
    };
    // The elsewhere part from the whole line B, and the TAPA$ part as B minus it.
    find(
        "Dijkdorpen",
        "bijeenkomsten",
        "843.75",
        &["= € 1.687,50) × 50 % elders (Stichting PZNL)"],
    );
    find(
        "Dijkdorpen",
        "bijeenkomsten",
        "843.75",
        &["€ 1.687,50 − € 843,75 elders (Stichting PZNL, 50 %)"],
    );
    // A line wholly paid elsewhere names who pays it.
    find(
        "",
        "projectleiding",
        "11400.00",
        &[
            "120 u × € 95,00",
            "(elders: Netwerk Palliatieve Zorg Voorbeeldregio)",
        ],
    );
    find(
        "",
        "bijdragen",
        "10000.00",
        &["€ 10.000,00 (Vacatiegeld PZNL, eerste deel, Stichting PZNL)"],
    );
    find(
        "",
        "te_financieren",
        "36336.88",
        &["€ 60.424,38 − € 14.087,50 − € 10.000,00 bijdragen"],
    );
}

#[test]
fn explain_of_a_role_in_elders_gefinancierd_names_no_financier() {
    // The older list has no financier (it is "elders"): its formulas stay as they were.
    let rows = ok(&[
        "explain",
        "scenarios/elders-gefinancierd.toml",
        "--jaar",
        "2026",
        "--format",
        "csv",
    ]);
    let consulent = rows
        .split("\r\n")
        .find(|r| r.starts_with("2026,Rivierland,bijeenkomsten,consulent,"))
        .expect("the consulent's line");
    assert!(!consulent.contains("(elders"), "{consulent}");
    // 13,5 u × € 125 = € 1.687,50.
    assert!(consulent.ends_with(",1687.50"), "{consulent}");
}
