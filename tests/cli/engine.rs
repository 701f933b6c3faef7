//! Cost engine numbers worked out by hand, through the library API.
//!
//! Every expected figure here was worked out independently of the program: the arithmetic stands
//! in a comment next to the assertion (and was re-checked with Python's `decimal` module, never
//! with floats). Also the validation errors (field path and line) and the werkwijze warnings of
//! SPEC.md "Errors and warnings".

use patz_calc::calc::CalcError;
use patz_calc::calc::cost::{Financiering, Kosten, KostenJaar, Post, Regel, evaluate};
use patz_calc::scenario::{self, Diagnostic, Scenario, Severity};
use rust_decimal::Decimal;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// An exact decimal from its text.
fn d(s: &str) -> Decimal {
    Decimal::from_str_exact(s).unwrap_or_else(|e| panic!("{s:?} is geen decimaal: {e}"))
}

/// Parses a scenario that must be valid.
fn valid(src: &str) -> Scenario {
    scenario::parse(src).unwrap_or_else(|errors| {
        let all: Vec<String> = errors.iter().map(|e| e.render("test.toml")).collect();
        panic!("scenario should be valid, got:\n{}", all.join("\n"))
    })
}

/// Parses and evaluates a scenario that must be valid and calculable.
fn kosten(src: &str) -> Kosten {
    evaluate(&valid(src)).unwrap_or_else(|e| panic!("evaluate failed: {e:?}"))
}

/// The year `jaar` of the result.
fn jaar(k: &Kosten, jaar: i32) -> &KostenJaar {
    k.jaren
        .iter()
        .find(|j| j.jaar == jaar)
        .unwrap_or_else(|| panic!("no year {jaar} in the result"))
}

/// All lines of `post` (and `rol`) of group `groep` (0-based index; `None` = regional).
fn regels<'k>(
    j: &'k KostenJaar,
    groep: Option<usize>,
    post: Post,
    rol: Option<&str>,
) -> Vec<&'k Regel> {
    j.regels
        .iter()
        .filter(|r| r.groep == groep && r.post == post && r.rol.as_deref() == rol)
        .collect()
}

/// The one line of `post` (and `rol`) of group `groep`.
fn regel<'k>(j: &'k KostenJaar, groep: Option<usize>, post: Post, rol: Option<&str>) -> &'k Regel {
    let found = regels(j, groep, post, rol);
    match found.as_slice() {
        [one] => one,
        _ => panic!(
            "expected exactly one {post:?} line for groep {groep:?} rol {rol:?} in {}, found {}:\n{:#?}",
            j.jaar,
            found.len(),
            j.regels
        ),
    }
}

/// Whether group `groep` has any line at all in year `j`.
fn has_lines(j: &KostenJaar, groep: usize) -> bool {
    j.regels.iter().any(|r| r.groep == Some(groep))
}

/// A line as a comparable row: (groep, post, rol, uren, bedrag, financiering).
type Row = (
    Option<usize>,
    Post,
    Option<String>,
    Option<Decimal>,
    Decimal,
    Financiering,
);

fn rows(j: &KostenJaar) -> Vec<Row> {
    j.regels
        .iter()
        .map(|r| {
            (
                r.groep,
                r.post,
                r.rol.as_deref().map(str::to_string),
                r.uren,
                r.bedrag,
                r.financiering,
            )
        })
        .collect()
}

/// An expected row, written compactly.
fn row(
    groep: Option<usize>,
    post: Post,
    rol: Option<&str>,
    uren: Option<&str>,
    bedrag: &str,
    financiering: Financiering,
) -> Row {
    (
        groep,
        post,
        rol.map(str::to_string),
        uren.map(d),
        d(bedrag),
        financiering,
    )
}

/// An expected hour line of group `groep` (0-based).
fn hours(groep: usize, post: Post, rol: &str, uren: &str, bedrag: &str, f: Financiering) -> Row {
    row(Some(groep), post, Some(rol), Some(uren), bedrag, f)
}

/// An expected TAPA$ line without role or hours (`None` = regional).
fn fixed(groep: Option<usize>, post: Post, bedrag: &str) -> Row {
    row(groep, post, None, None, bedrag, Financiering::Tapas)
}

/// The errors of a scenario that must be invalid.
fn errors(src: &str) -> Vec<Diagnostic> {
    match scenario::parse(src) {
        Ok(_) => panic!("scenario should be invalid:\n{src}"),
        Err(errors) => {
            assert!(
                errors.iter().all(|e| e.severity == Severity::Fout),
                "{errors:#?}"
            );
            errors
        }
    }
}

/// The one error about `path`.
fn error_at(src: &str, path: &str) -> Diagnostic {
    let all = errors(src);
    let found: Vec<&Diagnostic> = all.iter().filter(|e| e.path == path).collect();
    match found.as_slice() {
        [one] => (*one).clone(),
        _ => panic!("expected exactly one error at {path}, got:\n{all:#?}"),
    }
}

/// The warnings of a valid scenario.
fn warnings_of(src: &str) -> Vec<Diagnostic> {
    let w = scenario::warnings(&valid(src));
    assert!(
        w.iter().all(|d| d.severity == Severity::Waarschuwing),
        "{w:#?}"
    );
    w
}

/// The warnings about `path`.
fn warnings_at(src: &str, path: &str) -> Vec<Diagnostic> {
    warnings_of(src)
        .into_iter()
        .filter(|w| w.path == path)
        .collect()
}

/// The 1-based lines of `src` that contain `needle`.
fn lines_of(src: &str, needle: &str) -> Vec<usize> {
    src.lines()
        .enumerate()
        .filter(|(_, l)| l.contains(needle))
        .map(|(i, _)| i + 1)
        .collect()
}

/// The 1-based line of the one line of `src` that contains `needle`.
fn line_of(src: &str, needle: &str) -> usize {
    match lines_of(src, needle).as_slice() {
        [one] => *one,
        other => panic!("{needle:?} should occur on exactly one line, found on {other:?}"),
    }
}

/// The 1-based character column where `needle` starts on the one line that contains `on_line`.
fn column_of(src: &str, on_line: &str, needle: &str) -> usize {
    let line = src
        .lines()
        .nth(line_of(src, on_line) - 1)
        .unwrap_or_default();
    let byte = line
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} is not on the line {line:?}"));
    line[..byte].chars().count() + 1
}

/// `base` followed by `extra`.
fn plus(base: &str, extra: &str) -> String {
    format!("{base}{extra}")
}

/// `src` with the one occurrence of `from` replaced by `to` (fails if `from` is not unique, so
/// that a test never silently checks the unchanged base).
fn with(src: &str, from: &str, to: &str) -> String {
    assert_eq!(src.matches(from).count(), 1, "{from:?} must occur once");
    src.replacen(from, to, 1)
}

fn shipped(name: &str) -> String {
    let path = format!("{}/scenarios/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A small valid scenario that follows the PaTz-werkwijze; validation and warning tests change
/// one thing in it.
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
"#;

/// The six indicators of SPEC.md, for scenarios with [impact].
const IMPACT: &str = r#"
[impact]
aandeel_kanker_percentage = 45

[[indicator]]
id = "ziekenhuisopnames_meer_dan_1"
basis_percentage = 18
reductie_percentage = 25
kosten_per_geval = 5200
bron = "test"

[[indicator]]
id = "ziekenhuisdagen_meer_dan_14"
basis_percentage = 10
reductie_percentage = 25
kosten_per_geval = 9000
bron = "test"

[[indicator]]
id = "seh_bezoeken_meer_dan_1"
basis_percentage = 12
reductie_percentage = 20
kosten_per_geval = 400
bron = "test"

[[indicator]]
id = "ic_opname"
basis_percentage = 4
reductie_percentage = 30
kosten_per_geval = 12000
bron = "test"

[[indicator]]
id = "overlijden_in_ziekenhuis"
basis_percentage = 25
reductie_percentage = 30
kosten_per_geval = 3000
bron = "test"

[[indicator]]
id = "chemotherapie"
basis_percentage = 8
reductie_percentage = 25
kosten_per_geval = 2500
bron = "test"
"#;

#[test]
fn the_base_scenarios_used_below_are_valid() {
    valid(BASE);
    let with_impact = format!("{BASE}{IMPACT}");
    assert!(valid(&with_impact).impact.is_some());
}

// ---------------------------------------------------------------------------------------------
// The posts of SPEC.md's cost table
// ---------------------------------------------------------------------------------------------

#[test]
fn meeting_hours_are_meetings_times_participants_times_meeting_preparation_and_travel_per_role() {
    let k = kosten(
        r#"formaat = 1
[scenario]
naam = "Bijeenkomsten"
startjaar = 2026
looptijd_jaren = 1
verzekerden = 1000

[uurtarieven]
huisarts = 100
wijkverpleegkundige = 80
consulent = 120
specialist_ouderengeneeskunde = 110

[werkwijze]
bijeenkomsten_per_jaar = 6
duur_uren = 1.5
voorbereiding_uren = 0.5
reistijd_uren = 0.25
patienten_per_jaar = 10

[[groep]]
naam = "A"
deelnemers = { huisarts = 4, wijkverpleegkundige = 2, consulent = 1, specialist_ouderengeneeskunde = 0 }
"#,
    );
    let j = jaar(&k, 2026);
    use Financiering::Tapas;
    use Post::Bijeenkomsten;
    let (ha, wv, co) = ("huisarts", "wijkverpleegkundige", "consulent");
    // Per participant per meeting: 1.5 + 0.5 + 0.25 = 2.25 h.
    // voorzitter_uren, coordinatie_uren_per_patient and telefonische_ondersteuning_uren default
    // to 0 (0 h, € 0: no line), and there is no [ondersteuning]: only the meeting lines remain,
    // one per role with participants, in the order of [uurtarieven]; none for the role with 0.
    assert_eq!(
        rows(j),
        vec![
            // 6 × 4 × 2.25 = 54 h; 54 × 100 = 5400.00
            hours(0, Bijeenkomsten, ha, "54", "5400.00", Tapas),
            // 6 × 2 × 2.25 = 27 h; 27 × 80 = 2160.00
            hours(0, Bijeenkomsten, wv, "27", "2160.00", Tapas),
            // 6 × 1 × 2.25 = 13.5 h; 13.5 × 120 = 1620.00
            hours(0, Bijeenkomsten, co, "13.5", "1620.00", Tapas),
        ]
    );
    // 5400 + 2160 + 1620 = 9180.00; 9180.00 / 1000 = 9.18 exactly.
    assert_eq!(j.totalen.kosten_totaal, d("9180.00"));
    assert_eq!(j.totalen.elders_gefinancierd, d("0"));
    assert_eq!(j.totalen.te_financieren, d("9180.00"));
    assert_eq!(j.totalen.kostendekkend_tarief, d("9.18"));
}

#[test]
fn chair_hours_are_meetings_times_chair_hours_at_the_rate_of_the_chair_role() {
    let k = kosten(
        r#"formaat = 1
[scenario]
naam = "Voorzitter"
startjaar = 2026
looptijd_jaren = 1
verzekerden = 1000

[uurtarieven]
huisarts = 100
wijkverpleegkundige = 80
consulent = 120

[werkwijze]
bijeenkomsten_per_jaar = 6
duur_uren = 1.5
voorzitter_uren = 1.25
patienten_per_jaar = 10

[[groep]]
naam = "Standaardrol"
deelnemers = { huisarts = 4, wijkverpleegkundige = 2, consulent = 1 }

[[groep]]
naam = "Wijkverpleegkundige zit voor"
deelnemers = { huisarts = 4, wijkverpleegkundige = 2, consulent = 1 }
voorzitter_rol = "wijkverpleegkundige"
"#,
    );
    let j = jaar(&k, 2026);
    // voorzitter_rol defaults to huisarts: 6 × 1.25 = 7.5 h; 7.5 × 100 = 750.00
    let default = regel(j, Some(0), Post::Voorzitter, Some("huisarts"));
    assert_eq!(default.uren, Some(d("7.5")));
    assert_eq!(default.bedrag, d("750.00"));
    // Same hours at the wijkverpleegkundige's rate: 7.5 × 80 = 600.00
    let wv = regel(j, Some(1), Post::Voorzitter, Some("wijkverpleegkundige"));
    assert_eq!(wv.uren, Some(d("7.5")));
    assert_eq!(wv.bedrag, d("600.00"));
    assert!(regels(j, Some(1), Post::Voorzitter, Some("huisarts")).is_empty());
}

#[test]
fn coordination_is_patients_times_hours_per_patient_and_patients_may_be_a_decimal() {
    let k = kosten(
        r#"formaat = 1
[scenario]
naam = "Coordinatie"
startjaar = 2026
looptijd_jaren = 1
verzekerden = 1000

[uurtarieven]
huisarts = 100
wijkverpleegkundige = 80
consulent = 120

[werkwijze]
bijeenkomsten_per_jaar = 6
duur_uren = 1.5
coordinatie_uren_per_patient = 0.75
patienten_per_jaar = 12.5

[[groep]]
naam = "A"
deelnemers = { huisarts = 4, wijkverpleegkundige = 2, consulent = 1 }

[[groep]]
naam = "B"
deelnemers = { huisarts = 4, wijkverpleegkundige = 2, consulent = 1 }
coordinatie_rol = "wijkverpleegkundige"
patienten_per_jaar = 7.4
"#,
    );
    let j = jaar(&k, 2026);
    // 12.5 × 0.75 = 9.375 h (not rounded); 9.375 × 100 = 937.50
    let a = regel(j, Some(0), Post::Coordinatie, Some("huisarts"));
    assert_eq!(a.uren, Some(d("9.375")));
    assert_eq!(a.bedrag, d("937.50"));
    // 7.4 × 0.75 = 5.55 h; 5.55 × 80 = 444.00
    let b = regel(j, Some(1), Post::Coordinatie, Some("wijkverpleegkundige"));
    assert_eq!(b.uren, Some(d("5.55")));
    assert_eq!(b.bedrag, d("444.00"));
}

#[test]
fn phone_support_is_paid_once_per_group_and_only_for_a_group_with_a_consulent() {
    let k = kosten(
        r#"formaat = 1
[scenario]
naam = "Telefonisch"
startjaar = 2026
looptijd_jaren = 1
verzekerden = 1000

[uurtarieven]
huisarts = 100
wijkverpleegkundige = 80
consulent = 120

[werkwijze]
bijeenkomsten_per_jaar = 6
duur_uren = 1.5
telefonische_ondersteuning_uren = 8
patienten_per_jaar = 10

[[groep]]
naam = "Met consulent"
deelnemers = { huisarts = 4, wijkverpleegkundige = 2, consulent = 1 }

[[groep]]
naam = "Zonder consulent"
deelnemers = { huisarts = 4, wijkverpleegkundige = 2 }

[[groep]]
naam = "Twee consulenten"
deelnemers = { huisarts = 4, wijkverpleegkundige = 2, consulent = 2 }
"#,
    );
    let j = jaar(&k, 2026);
    // 8 h × 120 = 960.00
    let met = regel(
        j,
        Some(0),
        Post::TelefonischeOndersteuning,
        Some("consulent"),
    );
    assert_eq!(met.uren, Some(d("8")));
    assert_eq!(met.bedrag, d("960.00"));
    // No consulent: no phone support, even though the werkwijze gives 8 h.
    assert!(
        j.regels
            .iter()
            .all(|r| !(r.groep == Some(1) && r.post == Post::TelefonischeOndersteuning))
    );
    // 8 h per group per year, not per consulent: still 8 × 120 = 960.00
    let twee = regel(
        j,
        Some(2),
        Post::TelefonischeOndersteuning,
        Some("consulent"),
    );
    assert_eq!(twee.uren, Some(d("8")));
    assert_eq!(twee.bedrag, d("960.00"));
}

#[test]
fn ict_is_paid_per_active_group_and_housing_per_meeting() {
    let k = kosten(
        r#"formaat = 1
[scenario]
naam = "Ondersteuning per groep"
startjaar = 2026
looptijd_jaren = 1
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
naam = "Zes keer"
deelnemers = { huisarts = 4, wijkverpleegkundige = 2, consulent = 1 }

[[groep]]
naam = "Tien keer"
deelnemers = { huisarts = 4, wijkverpleegkundige = 2, consulent = 1 }
bijeenkomsten_per_jaar = 10

[ondersteuning]
ict_per_groep = 450
huisvesting_per_bijeenkomst = 40
"#,
    );
    let j = jaar(&k, 2026);
    for g in [0, 1] {
        let ict = regel(j, Some(g), Post::Ict, None);
        assert_eq!(ict.bedrag, d("450.00")); // 450 × I(2026) = 450 × 1
        assert_eq!(ict.uren, None);
        assert_eq!(ict.financiering, Financiering::Tapas);
    }
    // 6 meetings × 40 = 240.00
    assert_eq!(
        regel(j, Some(0), Post::Huisvesting, None).bedrag,
        d("240.00")
    );
    // The group's own 10 meetings × 40 = 400.00
    assert_eq!(
        regel(j, Some(1), Post::Huisvesting, None).bedrag,
        d("400.00")
    );
    // No new groups: no start costs or training.
    assert!(
        j.regels
            .iter()
            .all(|r| r.post != Post::Startkosten && r.post != Post::Scholing)
    );
}

#[test]
fn new_group_pays_start_costs_and_training_only_in_its_start_year() {
    let k = kosten(
        r#"formaat = 1
[scenario]
naam = "Nieuwe groepen"
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
naam = "Nieuw vanaf het begin"
deelnemers = { huisarts = 4, wijkverpleegkundige = 2, consulent = 1 }
nieuw = true

[[groep]]
naam = "Nieuw in 2027"
deelnemers = { huisarts = 5, wijkverpleegkundige = 3, consulent = 1 }
start = 2027
nieuw = true

[[groep]]
naam = "Bestaand, erbij in 2027"
deelnemers = { huisarts = 4, wijkverpleegkundige = 2, consulent = 1 }
start = 2027

[ondersteuning]
startkosten_per_nieuwe_groep = 1500
scholing_per_nieuwe_deelnemer = 300

[indexatie]
kosten_percentage_per_jaar = 10
"#,
    );
    let j2026 = jaar(&k, 2026);
    // Group 1 starts in startjaar 2026 (the default), I = 1:
    // startkosten 1500 × 1 = 1500.00; scholing 300 × (4 + 2 + 1 = 7) × 1 = 2100.00
    assert_eq!(
        regel(j2026, Some(0), Post::Startkosten, None).bedrag,
        d("1500.00")
    );
    assert_eq!(
        regel(j2026, Some(0), Post::Scholing, None).bedrag,
        d("2100.00")
    );
    assert_eq!(regels(j2026, Some(1), Post::Startkosten, None).len(), 0);

    let j2027 = jaar(&k, 2027);
    // Group 1 is no longer in its start year.
    assert!(regels(j2027, Some(0), Post::Startkosten, None).is_empty());
    assert!(regels(j2027, Some(0), Post::Scholing, None).is_empty());
    // Group 2 starts in 2027, I(2027) = 1.10:
    // startkosten 1500 × 1.1 = 1650.00; scholing 300 × (5 + 3 + 1 = 9) × 1.1 = 2970.00
    assert_eq!(
        regel(j2027, Some(1), Post::Startkosten, None).bedrag,
        d("1650.00")
    );
    assert_eq!(
        regel(j2027, Some(1), Post::Scholing, None).bedrag,
        d("2970.00")
    );
    // Group 3 starts in 2027 but is not new: it runs, but pays no one-off costs.
    assert!(has_lines(j2027, 2));
    assert!(regels(j2027, Some(2), Post::Startkosten, None).is_empty());
    assert!(regels(j2027, Some(2), Post::Scholing, None).is_empty());

    let j2028 = jaar(&k, 2028);
    assert!(
        j2028
            .regels
            .iter()
            .all(|r| r.post != Post::Startkosten && r.post != Post::Scholing)
    );
}

#[test]
fn project_lead_and_monitoring_are_regional_lines_of_every_year() {
    let k = kosten(
        r#"formaat = 1
[scenario]
naam = "Regionaal"
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

[ondersteuning]
projectleiding_uren = 80
projectleiding_uurtarief = 95
monitoring_per_jaar = 2500

[indexatie]
kosten_percentage_per_jaar = 3
"#,
    );
    let j2026 = jaar(&k, 2026);
    let pl = regel(j2026, None, Post::Projectleiding, None);
    assert_eq!(pl.uren, Some(d("80")));
    assert_eq!(pl.bedrag, d("7600.00")); // 80 × 95 × 1
    assert_eq!(pl.financiering, Financiering::Tapas);
    let mon = regel(j2026, None, Post::Monitoring, None);
    assert_eq!(mon.uren, None);
    assert_eq!(mon.bedrag, d("2500.00")); // 2500 × 1

    let j2027 = jaar(&k, 2027);
    // I(2027) = 1.03: 80 × 95 × 1.03 = 7828.00; 2500 × 1.03 = 2575.00
    assert_eq!(
        regel(j2027, None, Post::Projectleiding, None).bedrag,
        d("7828.00")
    );
    assert_eq!(
        regel(j2027, None, Post::Monitoring, None).bedrag,
        d("2575.00")
    );
    // Regional lines come after the group lines.
    let last_group_line = j2027.regels.iter().rposition(|r| r.groep.is_some());
    let first_regional = j2027.regels.iter().position(|r| r.groep.is_none());
    assert!(last_group_line < first_regional);
}

#[test]
fn overhead_is_a_percentage_of_the_rounded_tapas_lines_only_and_comes_last() {
    let k = kosten(
        r#"formaat = 1
[scenario]
naam = "Overhead"
startjaar = 2026
looptijd_jaren = 1
verzekerden = 1000

[uurtarieven]
huisarts = 100
wijkverpleegkundige = 88.35
consulent = 112.35
medisch_specialist = 150

[werkwijze]
bijeenkomsten_per_jaar = 6
duur_uren = 1.5
voorbereiding_uren = 0.5
reistijd_uren = 0.25
patienten_per_jaar = 10

[[groep]]
naam = "A"
deelnemers = { wijkverpleegkundige = 3, consulent = 1, medisch_specialist = 1 }

[ondersteuning]
monitoring_per_jaar = 1000
overhead_percentage = 50

[financiering]
elders_gefinancierd = ["medisch_specialist"]
"#,
    );
    let j = jaar(&k, 2026);
    // wijkverpleegkundige: 6 × 3 × 2.25 = 40.5 h × 88.35 = 3578.175 -> 3578.18 (tapas)
    // consulent:           6 × 1 × 2.25 = 13.5 h × 112.35 = 1516.725 -> 1516.73 (tapas)
    // medisch_specialist:  13.5 h × 150 = 2025.00 (elders)
    // monitoring 1000.00 (tapas)
    // Σ rounded TAPA$ lines = 3578.18 + 1516.73 + 1000.00 = 6094.91
    // overhead = 50/100 × 6094.91 = 3047.455 -> 3047.46
    //   (over the unrounded lines 6094.90 it would be 3047.45;
    //    including the elders line, 0.5 × 8119.91 = 4059.96)
    let last = j.regels.last().unwrap();
    assert_eq!(last.post, Post::Overhead);
    assert_eq!(last.groep, None);
    assert_eq!(last.rol, None);
    assert_eq!(last.financiering, Financiering::Tapas);
    assert_eq!(last.bedrag, d("3047.46"));
    assert_eq!(
        regel(j, Some(0), Post::Bijeenkomsten, Some("medisch_specialist")).financiering,
        Financiering::Elders
    );
    // kosten_totaal = 3578.18 + 1516.73 + 2025.00 + 1000.00 + 3047.46 = 11167.37
    // elders = 2025.00; te_financieren = 11167.37 − 2025.00 = 9142.37
    // tarief = 9142.37 / 1000 = 9.14237 -> up 9.15
    assert_eq!(j.totalen.kosten_totaal, d("11167.37"));
    assert_eq!(j.totalen.elders_gefinancierd, d("2025.00"));
    assert_eq!(j.totalen.te_financieren, d("9142.37"));
    assert_eq!(j.totalen.kostendekkend_tarief, d("9.15"));
}

// ---------------------------------------------------------------------------------------------
// Group overrides and start years
// ---------------------------------------------------------------------------------------------

#[test]
fn a_group_overrides_every_werkwijze_field_for_itself_only() {
    let k = kosten(
        r#"formaat = 1
[scenario]
naam = "Overrides"
startjaar = 2026
looptijd_jaren = 1
verzekerden = 1000

[uurtarieven]
huisarts = 100
wijkverpleegkundige = 80
consulent = 120

[werkwijze]
bijeenkomsten_per_jaar = 6
duur_uren = 1.5
voorbereiding_uren = 0.5
reistijd_uren = 0.25
voorzitter_rol = "huisarts"
voorzitter_uren = 1.0
coordinatie_rol = "huisarts"
coordinatie_uren_per_patient = 0.5
telefonische_ondersteuning_uren = 8
patienten_per_jaar = 12

[[groep]]
naam = "Standaard"
deelnemers = { huisarts = 4, wijkverpleegkundige = 2, consulent = 1 }

[[groep]]
naam = "Eigen werkwijze"
deelnemers = { huisarts = 4, wijkverpleegkundige = 2, consulent = 1 }
bijeenkomsten_per_jaar = 4
duur_uren = 2
voorbereiding_uren = 0.75
reistijd_uren = 0
voorzitter_rol = "wijkverpleegkundige"
voorzitter_uren = 0.5
coordinatie_rol = "consulent"
coordinatie_uren_per_patient = 1
telefonische_ondersteuning_uren = 3
patienten_per_jaar = 9

[ondersteuning]
huisvesting_per_bijeenkomst = 40
"#,
    );
    let j = jaar(&k, 2026);
    use Financiering::Tapas;
    use Post::{TelefonischeOndersteuning as Tel, *};
    let (ha, wv, co) = ("huisarts", "wijkverpleegkundige", "consulent");
    let group = |g: usize| -> Vec<Row> { rows(j).into_iter().filter(|r| r.0 == Some(g)).collect() };
    // Defaults: 1.5 + 0.5 + 0.25 = 2.25 h per participant per meeting, 6 meetings.
    assert_eq!(
        group(0),
        vec![
            // 6 × 4 × 2.25 = 54 h × 100
            hours(0, Bijeenkomsten, ha, "54", "5400.00", Tapas),
            // 6 × 2 × 2.25 = 27 h × 80
            hours(0, Bijeenkomsten, wv, "27", "2160.00", Tapas),
            // 6 × 1 × 2.25 = 13.5 h × 120
            hours(0, Bijeenkomsten, co, "13.5", "1620.00", Tapas),
            // 6 × 1.0 = 6 h × 100
            hours(0, Voorzitter, ha, "6", "600.00", Tapas),
            // 12 × 0.5 = 6 h × 100
            hours(0, Coordinatie, ha, "6", "600.00", Tapas),
            // 8 h × 120
            hours(0, Tel, co, "8", "960.00", Tapas),
            // 6 × 40
            fixed(Some(0), Huisvesting, "240.00"),
        ]
    );
    // Overrides: 2 + 0.75 + 0 = 2.75 h per participant per meeting, 4 meetings.
    assert_eq!(
        group(1),
        vec![
            // 4 × 4 × 2.75 = 44 h × 100
            hours(1, Bijeenkomsten, ha, "44", "4400.00", Tapas),
            // 4 × 2 × 2.75 = 22 h × 80
            hours(1, Bijeenkomsten, wv, "22", "1760.00", Tapas),
            // 4 × 1 × 2.75 = 11 h × 120
            hours(1, Bijeenkomsten, co, "11", "1320.00", Tapas),
            // 4 × 0.5 = 2 h × 80 (wijkverpleegkundige)
            hours(1, Voorzitter, wv, "2", "160.00", Tapas),
            // 9 × 1 = 9 h × 120 (consulent)
            hours(1, Coordinatie, co, "9", "1080.00", Tapas),
            // 3 h × 120
            hours(1, Tel, co, "3", "360.00", Tapas),
            // 4 × 40
            fixed(Some(1), Huisvesting, "160.00"),
        ]
    );
}

#[test]
fn a_group_starting_in_a_later_year_is_absent_in_earlier_years() {
    let k = kosten(
        r#"formaat = 1
[scenario]
naam = "Later"
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
naam = "Vanaf 2026"
deelnemers = { huisarts = 4, wijkverpleegkundige = 2, consulent = 1 }

[[groep]]
naam = "Vanaf 2027"
deelnemers = { huisarts = 4, wijkverpleegkundige = 2, consulent = 1 }
start = 2027

[ondersteuning]
ict_per_groep = 450
"#,
    );
    let j2026 = jaar(&k, 2026);
    assert!(has_lines(j2026, 0));
    assert!(!has_lines(j2026, 1));
    // 2026: group 1 only. No preparation or travel: 1.5 h per participant per meeting.
    //   huisarts 6 × 4 × 1.5 = 36 h × 100 = 3600; wv 6 × 2 × 1.5 = 18 h × 80 = 1440;
    //   consulent 6 × 1 × 1.5 = 9 h × 120 = 1080; ict 450
    //   = 3600 + 1440 + 1080 + 450 = 6570.00
    assert_eq!(j2026.totalen.kosten_totaal, d("6570.00"));
    let j2027 = jaar(&k, 2027);
    assert!(has_lines(j2027, 1));
    // 2027: both groups: 2 × 6570.00 = 13140.00 (no indexation)
    assert_eq!(j2027.totalen.kosten_totaal, d("13140.00"));
}

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
fn kleine_regio_gives_only_the_consulent_reminder_once() {
    let w = warnings_of(&shipped("kleine-regio.toml"));
    assert_eq!(w.len(), 1, "{w:#?}");
    assert_eq!(w[0].path, "uurtarieven.consulent");
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
    // Neither the consulent nor the medisch specialist is paid through TAPA$: no warnings.
    assert_eq!(warnings_of(&src), vec![]);
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

/// BASE with the consulent financed elsewhere: a scenario without any warning.
fn base_without_warnings() -> String {
    format!("{BASE}\n[financiering]\nelders_gefinancierd = [\"consulent\"]\n")
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
    // No consulent anywhere: no reminder about financing one either.
    assert_eq!(warnings_of(&src).len(), 1);
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
    format!("{src}\n[financiering]\nelders_gefinancierd = [{elders}]\n")
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
    let w = warnings_of(&src);
    assert_eq!(w.len(), 1, "{w:#?}");
    assert_eq!(w[0].path, "uurtarieven.consulent");
    assert_eq!(w[0].pos.line, line_of(&src, "consulent = 120"));
}
