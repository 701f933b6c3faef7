//! Cost engine numbers worked out by hand, through the library API.
//!
//! Every expected figure here was worked out independently of the program: the arithmetic stands
//! in a comment next to the assertion (and was re-checked with Python's `decimal` module, never
//! with floats). Also the validation errors (field path and line) and the werkwijze warnings of
//! docs/rekenregels.md.

use patz_calc::calc::CalcError;
use patz_calc::calc::cost::{Financiering, Kosten, KostenJaar, Post, Regel, evaluate};
use patz_calc::scenario::{self, Diagnostic, Scenario, Severity};
use rust_decimal::Decimal;

mod indexatie;
mod posten;
mod validatie;

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

/// The six indicators of docs/rekenregels.md, for scenarios with [impact].
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
