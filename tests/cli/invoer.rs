//! Reading scenarios: the documented input bounds (README "Grenzen"), control characters and
//! lengths of text, names compared in Unicode NFC, messages that blame the real mistake (issue
//! 12, items 6, 7, 9, 10 and 11), each through the real binary: exit status 2, nothing on
//! stdout, file:line:column, field path and the Dutch message.
//!
//! `PATZ_CALC_BIN` runs these against another binary (e.g. `/work/baseline/patz-calc`, to see
//! them fail on the release before the fixes).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

fn bin() -> String {
    std::env::var("PATZ_CALC_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_patz-calc").into())
}

/// A small valid scenario without warnings (the consulent financed elsewhere).
const BASE: &str = r#"formaat = 1

[scenario]
naam = "Basis"
startjaar = 2026
looptijd_jaren = 2
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

[financiering]
elders_gefinancierd = ["consulent"]

[[verzekeraar]]
naam = "CZ"
marktaandeel_percentage = 60

[[aanbod]]
verzekeraar = "CZ"
label = "CZ 2 jaar"
tarief_per_verzekerde = 1.5
"#;

/// The outcome of one run.
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run_in(dir: &Path, args: &[&str]) -> Run {
    let out: Output = Command::new(bin())
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the binary runs");
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Writes `text` as `s.toml` in a fresh folder and runs `args` (with the file name last).
fn run_text(text: &str, args: &[&str]) -> (tempfile::TempDir, Run) {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("s.toml"), text).expect("write");
    let mut all: Vec<&str> = args.to_vec();
    all.push("s.toml");
    let r = run_in(dir.path(), &all);
    (dir, r)
}

/// `src` with the one occurrence of `from` replaced by `to`.
fn with(src: &str, from: &str, to: &str) -> String {
    assert_eq!(
        src.matches(from).count(),
        1,
        "{from:?} once in the scenario"
    );
    src.replacen(from, to, 1)
}

/// The 1-based line and character column where `needle` starts in `src`.
fn place(src: &str, needle: &str) -> (usize, usize) {
    let at = src
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} in the scenario"));
    let line = src[..at].matches('\n').count() + 1;
    let start = src[..at].rfind('\n').map_or(0, |i| i + 1);
    (line, src[start..at].chars().count() + 1)
}

/// Asserts that `check` refuses `text` with exactly the one error `message` at `path`, placed
/// where `at` starts in the text.
fn refused_once(text: &str, at: &str, path: &str, message: &str) {
    let (_dir, r) = run_text(text, &["check"]);
    let (line, column) = place(text, at);
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert_eq!(r.stdout, "");
    let first = format!("s.toml:{line}:{column}: fout: {path}: {message}");
    assert!(
        r.stderr.starts_with(&first),
        "expected\n{first}\ngot\n{}",
        r.stderr
    );
    assert!(
        r.stderr
            .ends_with("s.toml: 1 fout gevonden; er is niets berekend\n"),
        "one error only:\n{}",
        r.stderr
    );
}

fn accepted(text: &str) {
    let (_dir, r) = run_text(text, &["check"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
}

fn shipped(name: &str) -> String {
    let path: PathBuf = [env!("CARGO_MANIFEST_DIR"), "scenarios", name]
        .iter()
        .collect();
    std::fs::read_to_string(path).expect("shipped scenario")
}

// ---------------------------------------------------------------------------------------------
// 12.9: the documented bounds, at the field
// ---------------------------------------------------------------------------------------------

#[test]
fn every_documented_bound_holds_at_the_bound_and_is_a_range_error_just_past_it() {
    // (written at the bound, written just past it, field path, message past it)
    let cases: &[(&str, &str, &str, &str, &str)] = &[
        (
            "huisarts = 100",
            "huisarts = 10000",
            "huisarts = 10000.01",
            "uurtarieven.huisarts",
            "moet tussen 0 en 10.000 liggen (€ per uur; gevonden: 10000.01)",
        ),
        (
            "duur_uren = 1.5",
            "duur_uren = 24",
            "duur_uren = 24.5",
            "werkwijze.duur_uren",
            "moet tussen 0 en 24 liggen (uren; gevonden: 24.5)",
        ),
        (
            "patienten_per_jaar = 10",
            "patienten_per_jaar = 100000",
            "patienten_per_jaar = 100001",
            "werkwijze.patienten_per_jaar",
            "moet tussen 0 en 100.000 liggen (patiënten per jaar; gevonden: 100001)",
        ),
        (
            "bijeenkomsten_per_jaar = 6",
            "bijeenkomsten_per_jaar = 365",
            "bijeenkomsten_per_jaar = 366",
            "werkwijze.bijeenkomsten_per_jaar",
            "moet een geheel getal van 0 tot en met 365 zijn (gevonden: 366)",
        ),
        (
            "huisarts = 4,",
            "huisarts = 1000,",
            "huisarts = 1001,",
            "groep[1].deelnemers.huisarts",
            "moet een geheel getal van 0 tot en met 1.000 zijn (gevonden: 1001)",
        ),
        (
            "verzekerden = 1000",
            "verzekerden = 100000000",
            "verzekerden = 100000001",
            "scenario.verzekerden",
            "moet een geheel getal van 1 tot en met 100.000.000 zijn (gevonden: 100000001)",
        ),
        (
            "tarief_per_verzekerde = 1.5",
            "tarief_per_verzekerde = 1000",
            "tarief_per_verzekerde = 1000.001",
            "aanbod[1].tarief_per_verzekerde",
            "moet tussen 0 en 1.000 liggen (€ per verzekerde per jaar; gevonden: 1000.001)",
        ),
    ];
    for (from, at, past, path, message) in cases {
        accepted(&with(BASE, from, at));
        let text = with(BASE, from, past);
        let value = past.split(" = ").nth(1).unwrap_or("");
        refused_once(&text, value, path, message);
    }
}

#[test]
fn support_costs_and_hours_have_their_own_bounds() {
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            "ict_per_groep = 100000001",
            "100000001",
            "ondersteuning.ict_per_groep",
            "moet tussen 0 en 100.000.000 liggen (€ per groep per jaar; gevonden: 100000001)",
        ),
        (
            "projectleiding_uurtarief = 10001",
            "10001",
            "ondersteuning.projectleiding_uurtarief",
            "moet tussen 0 en 10.000 liggen (€ per uur; gevonden: 10001)",
        ),
        (
            "projectleiding_uren = 100000.5",
            "100000.5",
            "ondersteuning.projectleiding_uren",
            "moet tussen 0 en 100.000 liggen (uren per jaar; gevonden: 100000.5)",
        ),
        (
            "telefonische_ondersteuning_uren = 8761",
            "8761",
            "werkwijze.telefonische_ondersteuning_uren",
            "moet tussen 0 en 8.760 liggen (uren per jaar; gevonden: 8761)",
        ),
        (
            "coordinatie_uren_per_patient = 101",
            "101",
            "werkwijze.coordinatie_uren_per_patient",
            "moet tussen 0 en 100 liggen (uren per patiënt; gevonden: 101)",
        ),
    ];
    for (line, value, path, message) in cases {
        let text = if path.starts_with("ondersteuning") {
            format!("{BASE}\n[ondersteuning]\n{line}\n")
        } else {
            with(
                BASE,
                "patienten_per_jaar = 10",
                &format!("patienten_per_jaar = 10\n{line}"),
            )
        };
        refused_once(&text, &format!("{value}\n"), path, message);
    }
}

#[test]
fn a_group_value_past_its_bound_is_refused_at_the_group() {
    let text = with(
        BASE,
        "consulent = 1 }\n",
        "consulent = 1 }\nvoorbereiding_uren = 25\n",
    );
    refused_once(
        &text,
        "25\n",
        "groep[1].voorbereiding_uren",
        "moet tussen 0 en 24 liggen (uren; gevonden: 25)",
    );
}

#[test]
fn a_value_past_its_bound_through_set_is_refused_and_says_it_came_from_set() {
    let (_dir, r) = run_text(BASE, &["cost", "--set", "uurtarieven.huisarts=20000"]);
    assert_eq!(r.code, Some(2));
    assert_eq!(r.stdout, "");
    assert_eq!(
        r.stderr.lines().next(),
        Some(
            "s.toml: fout: uurtarieven.huisarts: --set uurtarieven.huisarts=20000: moet tussen \
             0 en 10.000 liggen (€ per uur; gevonden: 20000)"
        ),
        "{}",
        r.stderr
    );
}

#[test]
fn an_offer_label_of_40000_characters_is_refused_by_check() {
    let label = "x".repeat(40_000);
    let text = with(
        BASE,
        "label = \"CZ 2 jaar\"",
        &format!("label = \"{label}\""),
    );
    refused_once(
        &text,
        "\"xxx",
        "aanbod[1].label",
        "is te lang: 40.000 tekens, hoogstens 200",
    );
    // 200 characters (in a name of many-byte letters: characters, not bytes, count).
    let label = "é".repeat(200);
    accepted(&with(
        BASE,
        "label = \"CZ 2 jaar\"",
        &format!("label = \"{label}\""),
    ));
}

#[test]
fn a_source_may_hold_2000_characters_and_not_one_more() {
    let impact = |bron: &str| {
        let mut t = format!("{BASE}\n[impact]\naandeel_kanker_percentage = 40\n");
        for id in [
            "ziekenhuisopnames_meer_dan_1",
            "ziekenhuisdagen_meer_dan_14",
            "seh_bezoeken_meer_dan_1",
            "ic_opname",
            "overlijden_in_ziekenhuis",
            "chemotherapie",
        ] {
            t.push_str(&format!(
                "\n[[indicator]]\nid = \"{id}\"\nbasis_percentage = 10\nreductie_percentage = 20\n\
                 kosten_per_geval = 1000\nbron = \"{bron}\"\n"
            ));
        }
        t
    };
    accepted(&impact(&"b".repeat(2_000)));
    let (_dir, r) = run_text(&impact(&"b".repeat(2_001)), &["check"]);
    assert_eq!(r.code, Some(2));
    assert_eq!(r.stdout, "");
    assert!(
        r.stderr
            .contains(": fout: indicator[1].bron: is te lang: 2.001 tekens, hoogstens 2.000\n"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_scenario_name_of_201_characters_is_refused() {
    let text = with(
        BASE,
        "naam = \"Basis\"",
        &format!("naam = \"{}\"", "n".repeat(201)),
    );
    refused_once(
        &text,
        "\"nnn",
        "scenario.naam",
        "is te lang: 201 tekens, hoogstens 200",
    );
}

// ---------------------------------------------------------------------------------------------
// 12.6: control characters
// ---------------------------------------------------------------------------------------------

#[test]
fn an_escape_sequence_in_a_group_name_is_refused_at_the_name() {
    // ESC ] 0 ; x BEL ESC [ 2 J: set the window title, clear the screen.
    let text = with(
        BASE,
        "naam = \"A\"",
        "naam = \"Oost\\u001b]0;x\\u0007\\u001b[2J\"",
    );
    refused_once(
        &text,
        "\"Oost",
        "groep[1].naam",
        "bevat een stuurteken (\\u{1b}) op teken 5; stuurtekens zoals tab, regeleinde en escape \
         zijn in tekst niet toegestaan",
    );
}

#[test]
fn control_characters_are_refused_in_every_text_field() {
    let cases: &[(&str, &str, &str)] = &[
        ("naam = \"Basis\"", "naam = \"Ba\\nsis\"", "scenario.naam"),
        (
            "startjaar = 2026",
            "regio = \"R\\u009b2J\"\nstartjaar = 2026",
            "scenario.regio",
        ),
        ("naam = \"CZ\"", "naam = \"C\\tZ\"", "verzekeraar[1].naam"),
        (
            "label = \"CZ 2 jaar\"",
            "label = \"CZ\\r2 jaar\"",
            "aanbod[1].label",
        ),
        // A role is a key: its path holds the character itself (shown escaped or not).
        (
            "huisarts = 100",
            "\"huis\\u001barts\" = 100",
            "uurtarieven.huis",
        ),
    ];
    for (from, to, path) in cases {
        let text = with(BASE, from, to);
        let (_dir, r) = run_text(&text, &["check"]);
        assert_eq!(r.code, Some(2), "{to}: {}", r.stderr);
        assert_eq!(r.stdout, "");
        let (line, _) = place(&text, to.lines().next().unwrap_or(to));
        assert!(
            r.stderr.starts_with(&format!("s.toml:{line}:")),
            "{to}: {}",
            r.stderr
        );
        assert!(
            r.stderr.contains(&format!(": fout: {path}")),
            "{to}: {}",
            r.stderr
        );
        assert!(
            r.stderr.contains(": bevat een stuurteken ("),
            "{to}: {}",
            r.stderr
        );
    }
}

// ---------------------------------------------------------------------------------------------
// 12.10: no false follow-up errors; --set marked as such
// ---------------------------------------------------------------------------------------------

#[test]
fn a_reduction_of_101_percent_gives_one_error_and_no_false_impact_errors() {
    let src = shipped("grote-regio.toml");
    let text = with(
        &src,
        "reductie_percentage = 30\n",
        "reductie_percentage = 101\n",
    );
    refused_once(
        &text,
        "101\n",
        "indicator[4].reductie_percentage",
        "een percentage moet tussen 0 en 100 liggen (gevonden: 101)",
    );
}

#[test]
fn a_duplicate_indicator_gives_one_error_and_no_false_impact_errors() {
    let src = shipped("grote-regio.toml");
    let text = with(
        &src,
        "[[onzekerheid]]\n# Opnames",
        "[[indicator]]\nid = \"ic_opname\"\nbasis_percentage = 1\nreductie_percentage = 1\n\
         kosten_per_geval = 1\nbron = \"dubbel\"\n\n[[onzekerheid]]\n# Opnames",
    );
    refused_once(
        &text,
        "\"ic_opname\"\nbasis_percentage = 1",
        "indicator[7].id",
        "indicator 'ic_opname' komt twee keer voor",
    );
}

#[test]
fn an_invalid_huisarts_rate_gives_no_false_uncertainty_error() {
    let src = shipped("grote-regio.toml");
    let text = with(&src, "huisarts = 117.00", "huisarts = \"abc\"");
    refused_once(
        &text,
        "\"abc\"",
        "uurtarieven.huisarts",
        "'abc' is geen getal",
    );
}

#[test]
fn an_uncertain_parameter_naming_no_value_is_still_reported() {
    let src = shipped("grote-regio.toml");
    let text = with(
        &src,
        "parameter = \"uurtarieven.huisarts\"",
        "parameter = \"uurtarieven.tandarts\"",
    );
    refused_once(
        &text,
        "\"uurtarieven.tandarts\"",
        "onzekerheid[4].parameter",
        "rol 'tandarts' heeft geen uurtarief",
    );
}

#[test]
fn a_set_value_error_names_the_set_and_not_a_place_in_the_file() {
    let src = shipped("grote-regio.toml");
    for (set, path, message) in [
        (
            "uurtarieven.huisarts=abc",
            "uurtarieven.huisarts",
            "'abc' is geen getal",
        ),
        // An item of a list given on the command line: once placed at s.toml:1:8.
        (
            "aanbod[1].jaren=[2026, 2040]",
            "aanbod[1].jaren[2]",
            "jaar 2040 ligt buiten de looptijd 2026–2028",
        ),
    ] {
        let (_dir, r) = run_text(&src, &["check", "--set", set]);
        assert_eq!(r.code, Some(2), "{set}");
        assert_eq!(r.stdout, "");
        assert_eq!(
            r.stderr.lines().next(),
            Some(format!("s.toml: fout: {path}: --set {set}: {message}").as_str()),
            "{}",
            r.stderr
        );
        assert!(
            r.stderr
                .ends_with("s.toml: 1 fout gevonden; er is niets berekend\n"),
            "{}",
            r.stderr
        );
    }
}

// ---------------------------------------------------------------------------------------------
// 12.11: names in NFC
// ---------------------------------------------------------------------------------------------

const CAFE_NFC: &str = "Caf\u{e9}";
const CAFE_NFD: &str = "Cafe\u{301}";

#[test]
fn a_group_named_cafe_in_nfc_and_in_nfd_is_a_duplicate() {
    let text = with(
        BASE,
        "naam = \"A\"\ndeelnemers = { huisarts = 4, wijkverpleegkundige = 2, consulent = 1 }\n",
        &format!(
            "naam = \"{CAFE_NFC}\"\ndeelnemers = {{ huisarts = 4, wijkverpleegkundige = 2, consulent = 1 }}\n\n\
             [[groep]]\nnaam = \"{CAFE_NFD}\"\ndeelnemers = {{ huisarts = 4, wijkverpleegkundige = 2, consulent = 1 }}\n"
        ),
    );
    refused_once(
        &text,
        &format!("\"{CAFE_NFD}\""),
        "groep[2].naam",
        &format!(
            "groepsnaam '{CAFE_NFD}' is dezelfde naam als '{CAFE_NFC}' in groep[1], alleen anders gecodeerd"
        ),
    );
}

#[test]
fn insurers_and_offers_named_alike_in_nfc_are_duplicates() {
    let text = format!(
        "{BASE}\n[[verzekeraar]]\nnaam = \"{CAFE_NFC}\"\nmarktaandeel_percentage = 10\n\n\
         [[verzekeraar]]\nnaam = \"{CAFE_NFD}\"\nmarktaandeel_percentage = 10\n"
    );
    refused_once(
        &text,
        &format!("\"{CAFE_NFD}\""),
        "verzekeraar[3].naam",
        &format!(
            "verzekeraar '{CAFE_NFD}' is dezelfde naam als '{CAFE_NFC}', alleen anders gecodeerd"
        ),
    );
    let text = with(
        BASE,
        "label = \"CZ 2 jaar\"",
        &format!("label = \"{CAFE_NFC}\""),
    );
    let text = format!(
        "{text}\n[[aanbod]]\nverzekeraar = \"CZ\"\nlabel = \"{CAFE_NFD}\"\ntarief_per_verzekerde = 1\n"
    );
    refused_once(
        &text,
        &format!("\"{CAFE_NFD}\""),
        "aanbod[2].label",
        &format!("aanbod '{CAFE_NFD}' is dezelfde naam als '{CAFE_NFC}', alleen anders gecodeerd"),
    );
}

#[test]
fn an_offer_names_its_insurer_in_any_normal_form() {
    let text = with(BASE, "naam = \"CZ\"", &format!("naam = \"{CAFE_NFC}\""));
    let text = with(
        &text,
        "verzekeraar = \"CZ\"",
        &format!("verzekeraar = \"{CAFE_NFD}\""),
    );
    let (_dir, r) = run_text(&text, &["offers", "--format", "csv"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    // The offer counts for the insurer as its [[verzekeraar]] writes it.
    assert!(r.stdout.contains(CAFE_NFC), "{}", r.stdout);
}

// ---------------------------------------------------------------------------------------------
// 12.7: check stays linear when every group warns
// ---------------------------------------------------------------------------------------------

fn many_groups(huisartsen: u32) -> String {
    let mut t = with(
        BASE,
        "[[groep]]\nnaam = \"A\"\ndeelnemers = { huisarts = 4, wijkverpleegkundige = 2, consulent = 1 }\n",
        "",
    );
    for i in 0..40_000 {
        t.push_str(&format!(
            "\n[[groep]]\nnaam = \"G{i}\"\ndeelnemers = {{ huisarts = {huisartsen}, wijkverpleegkundige = 2, consulent = 1 }}\n"
        ));
    }
    // The reminder about the wijkverpleegkundige's hours through TAPA$, answered.
    t.push_str(
        "\n[[financiering.nagegaan]]\nrol = \"wijkverpleegkundige\"\n\
         toelichting = \"PaTz-uren buiten de urenindicatie\"\n",
    );
    t
}

fn timed_check(text: &str) -> (Duration, Run) {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("s.toml"), text).expect("write");
    let start = Instant::now();
    let r = run_in(dir.path(), &["check", "s.toml"]);
    (start.elapsed(), r)
}

#[test]
fn check_of_40000_groups_that_all_warn_takes_about_as_long_as_without_warnings() {
    let (quiet, r) = timed_check(&many_groups(5));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(r.stderr, "");
    let (warning, r) = timed_check(&many_groups(2));
    assert_eq!(r.code, Some(0));
    assert_eq!(
        r.stderr.matches("waarschuwing").count(),
        40_000,
        "one warning per group"
    );
    // Once 11 s against 0.26 s (a search through every path per warning); now linear: the
    // 40,000 warnings cost less than the reading itself, with room for a busy machine.
    assert!(
        warning < quiet * 4 + Duration::from_secs(2),
        "with warnings {warning:?}, without {quiet:?}"
    );
}

// ---------------------------------------------------------------------------------------------
// Issue 17, items 1 and 3: one mistake, one error, at the mistake
// ---------------------------------------------------------------------------------------------

#[test]
fn a_typo_in_a_rate_name_is_one_error_at_the_typo_not_at_every_right_spelling() {
    // grote-regio: 10 groups with huisartsen, and huisarts as voorzitter and coordinator.
    let src = shipped("grote-regio.toml");
    let text = with(&src, "huisarts = 117.00", "huisarst = 117.00");
    refused_once(
        &text,
        "huisarst = ",
        "uurtarieven.huisarst",
        "rol 'huisarst' wordt nergens gebruikt, terwijl rol 'huisarts' op 12 plaatsen gebruikt \
         wordt (bijv. groep[1].deelnemers.huisarts) en geen uurtarief heeft\n    hint: \
         bedoelde je 'huisarts'?",
    );
}

#[test]
fn a_typo_in_one_groups_role_is_blamed_at_that_group() {
    let src = shipped("grote-regio.toml");
    let text = with(
        &src,
        "naam = \"West\"\ndeelnemers = { huisarts = 8,",
        "naam = \"West\"\ndeelnemers = { huisars = 8,",
    );
    refused_once(
        &text,
        "huisars = 8",
        "groep[4].deelnemers.huisars",
        "rol 'huisars' heeft geen uurtarief in [uurtarieven]\n    hint: bedoelde je 'huisarts'?",
    );
}

#[test]
fn a_typo_in_a_werkwijze_key_is_one_error_and_no_group_misses_the_field() {
    let src = shipped("grote-regio.toml");
    let text = with(
        &src,
        "bijeenkomsten_per_jaar = 6",
        "bijeenkomsten_per_jar = 6",
    );
    refused_once(
        &text,
        "bijeenkomsten_per_jar",
        "werkwijze.bijeenkomsten_per_jar",
        "onbekende sleutel 'bijeenkomsten_per_jar'\n    hint: bedoelde je 'bijeenkomsten_per_jaar'?",
    );
}

#[test]
fn a_left_out_werkwijze_header_is_one_error_at_its_first_field() {
    let src = shipped("grote-regio.toml");
    let text = with(&src, "[werkwijze]\n", "\n");
    refused_once(
        &text,
        "bijeenkomsten_per_jaar = 6",
        "uurtarieven.bijeenkomsten_per_jaar",
        "'bijeenkomsten_per_jaar', 'duur_uren', 'voorbereiding_uren' en 7 andere zijn geen \
         rollen maar velden van [werkwijze]: de kop [werkwijze] ontbreekt erboven\n    hint: \
         zet [werkwijze] op een eigen regel boven bijeenkomsten_per_jaar",
    );
}

#[test]
fn a_deleted_werkwijze_section_is_one_error_that_says_add_it() {
    let src = shipped("grote-regio.toml");
    let start = src.find("[werkwijze]").expect("[werkwijze]");
    let end = start + src[start..].find("[[groep]]").expect("a group after it");
    let text = format!("{}{}", &src[..start], &src[end..]);
    refused_once(
        &text,
        "[[groep]]",
        "werkwijze",
        "sectie [werkwijze] ontbreekt: 10 groepen geven bijeenkomsten_per_jaar, duur_uren en \
         patienten_per_jaar niet zelf op\n    hint: voeg vóór de eerste [[groep]] een sectie \
         [werkwijze] toe",
    );
}

#[test]
fn a_field_missing_from_werkwijze_for_nine_groups_is_one_error_at_werkwijze() {
    // Polderdorpen (groep 6) gives duur_uren itself; the other nine take it from [werkwijze].
    let src = shipped("grote-regio.toml");
    let text = with(&src, "duur_uren = 1.5\n", "");
    refused_once(
        &text,
        "[werkwijze]",
        "werkwijze.duur_uren",
        "verplicht veld 'duur_uren' ontbreekt in [werkwijze], en 9 groepen geven het niet zelf \
         op (groep[1], groep[2], groep[3], groep[4] en 5 andere)",
    );
}

#[test]
fn a_misspelt_section_is_one_error_called_a_section() {
    let src = shipped("grote-regio.toml");
    let text = with(&src, "[scenario]", "[scenari]");
    refused_once(
        &text,
        "scenari]",
        "scenari",
        "onbekende sectie [scenari]\n    hint: bedoelde je [scenario]?",
    );
    let text = with(&src, "[uurtarieven]", "[uurtarief]");
    refused_once(
        &text,
        "uurtarief]",
        "uurtarief",
        "onbekende sectie [uurtarief]\n    hint: bedoelde je [uurtarieven]?",
    );
}

#[test]
fn a_missing_section_is_called_a_section_not_a_field() {
    let src = shipped("grote-regio.toml");
    let start = src.find("[scenario]").expect("[scenario]");
    let end = start + src[start..].find("[uurtarieven]").expect("[uurtarieven]");
    let text = format!("{}{}", &src[..start], &src[end..]);
    let (_dir, r) = run_text(&text, &["check"]);
    assert_eq!(r.code, Some(2));
    assert!(
        r.stderr
            .starts_with("s.toml:1:1: fout: scenario: sectie [scenario] ontbreekt\n"),
        "{}",
        r.stderr
    );
}

// ---------------------------------------------------------------------------------------------
// Issue 14, item 7: whole numbers and the point as a decimal point
// ---------------------------------------------------------------------------------------------

#[test]
fn verzekerden_written_with_a_thousands_point_is_an_error_not_140_verzekerden() {
    let src = shipped("grote-regio.toml");
    // The comment above it writes the same number the Dutch way; out of the way of `place`.
    let src = with(&src, "patiënten = 159.220\n", "patiënten\n");
    let text = with(&src, "verzekerden = 159220", "verzekerden = 159.220");
    refused_once(
        &text,
        "159.220\n",
        "scenario.verzekerden",
        "159.220 is in TOML 159.22; schrijf 159220 of 159_220",
    );
}

#[test]
fn every_whole_number_field_refuses_a_float_even_when_whole() {
    let src = shipped("kleine-regio.toml");
    for (from, to, at, path) in [
        (
            "looptijd_jaren = 3",
            "looptijd_jaren = 3.0",
            "3.0",
            "scenario.looptijd_jaren",
        ),
        (
            "startjaar = 2026",
            "startjaar = 2026.0",
            "2026.0",
            "scenario.startjaar",
        ),
        (
            "bijeenkomsten_per_jaar = 6",
            "bijeenkomsten_per_jaar = 6.0",
            "6.0",
            "werkwijze.bijeenkomsten_per_jaar",
        ),
    ] {
        let text = with(&src, from, to);
        refused_once(
            &text,
            at,
            path,
            &format!("moet een geheel getal zijn, zonder punt of exponent (gevonden: {at})"),
        );
    }
}

#[test]
fn a_ceiling_with_three_decimals_warns_that_the_point_is_a_decimal_point() {
    let src = shipped("grote-regio.toml");
    let text = with(&src, "plafond = 40000", "plafond = 40.000");
    let (_dir, r) = run_text(&text, &["check"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let (line, column) = place(&text, "plafond = 40.000");
    let column = column + "plafond = ".len();
    let expected = format!(
        "s.toml:{line}:{column}: waarschuwing: aanbod[3].plafond: 40.000 is hier € 40: een punt \
         is in een scenario een decimaalteken, geen scheiding tussen duizendtallen\n    hint: \
         bedoelt u € 40.000, schrijf dan 40000 of 40_000; bedoelt u € 40, schrijf dan 40\n"
    );
    assert!(r.stderr.contains(&expected), "{}", r.stderr);
}

#[test]
fn a_thousands_point_in_one_year_of_verzekerden_is_an_error_at_that_year() {
    let src = shipped("grote-regio.toml");
    let src = with(&src, "patiënten = 159.220\n", "patiënten\n");
    // grote-regio runs three years.
    let text = with(
        &src,
        "verzekerden = 159220",
        "verzekerden = [159220, 160.500, 161000]",
    );
    refused_once(
        &text,
        "160.500",
        "scenario.verzekerden[2]",
        "160.500 is in TOML 160.5; schrijf 160500 of 160_500",
    );
}
