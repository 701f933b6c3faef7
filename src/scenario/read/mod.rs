//! From TOML text to a validated [`Scenario`]: every number read exactly from its written text
//! and inside its documented bounds, every problem collected with its place and field path.
//! One file per section of the scenario file; the shared reading machinery is in [`cx`] (the
//! context, texts, lists), [`veld`] (field paths), [`tabel`] (tables and their fields) and
//! [`getal`] (numbers). Pure, no I/O.

mod bijdrage;
mod cx;
mod financiering;
mod getal;
mod groep;
mod impact;
mod kop;
mod kostenpost;
mod ondersteuning;
mod onzekerheid;
mod rollen;
mod syntax;
mod tabel;
mod toelichting;
mod veld;
mod verwachting;
mod verzekeraar;
mod werkwijze;

use toml::Spanned;
use toml::de::DeTable;

use super::diagnostic::{Diagnostic, Severity};
use super::model::{Paden, Pos, Posities, Scenario};
use super::overrides::{self, Override};
use super::schema::{self, SECTIE_NAMEN};
use cx::Cx;
use tabel::Table;

/// The format version this program reads.
pub const FORMAAT: u32 = 1;
/// The longest horizon in years.
pub const MAX_LOOPTIJD: u32 = match schema::SCENARIO[3].grens {
    Some(g) => g.max,
    None => 30,
};

/// Parses and validates a scenario. On success, also returns the warnings of the reading
/// itself (the werkwijze warnings come from [`super::warnings`]).
pub fn parse(src: &str) -> Result<Scenario, Vec<Diagnostic>> {
    parse_with(src, &[])
}

/// Like [`parse`], with `sets` (`--set`) applied to the file's values before validation.
/// A message about an overridden value says so.
pub fn parse_with(src: &str, sets: &[Override]) -> Result<Scenario, Vec<Diagnostic>> {
    let mut cx = Cx {
        errors: Vec::new(),
        warnings: Vec::new(),
        secties_bedoeld: Vec::new(),
        posities: Posities::new(src),
        paden: Paden::with_capacity(src.len()),
    };
    let (mut doc, syntax) = DeTable::parse_recoverable(src);
    if !syntax.is_empty() {
        return Err(syntax::syntax_errors(src, &syntax, &cx.posities));
    }
    let mut failed: Vec<Diagnostic> = Vec::new();
    // Each override with its path as validation reports it.
    let mut set_paths: Vec<(String, &Override)> = Vec::with_capacity(sets.len());
    for ov in sets {
        match overrides::apply(&mut doc, ov) {
            Ok(path) => set_paths.push((path, ov)),
            Err(message) => {
                failed.push(Diagnostic {
                    severity: Severity::Fout,
                    pos: Pos::default(),
                    path: ov.path.clone(),
                    message: format!("--set: {message}"),
                    hint: Some(
                        "een pad is bijv. uurtarieven.huisarts, werkwijze.duur_uren, \
                     groep[2].deelnemers.huisarts of indicator.ic_opname.reductie_percentage"
                            .into(),
                    ),
                });
            }
        }
    }
    if !failed.is_empty() {
        return Err(failed);
    }
    let scenario = read_document(&mut cx, &doc);
    if cx.errors.is_empty()
        && let Some(mut s) = scenario
    {
        s.posities = cx.posities.with_paden(cx.paden);
        s.lees_waarschuwingen = cx.warnings;
        mark_set_values(&mut s.lees_waarschuwingen, &set_paths);
        return Ok(s);
    }
    let mut errors = cx.errors;
    errors.sort_by_key(|a| a.pos);
    errors.dedup();
    mark_set_values(&mut errors, &set_paths);
    Err(errors)
}

/// Says of each diagnostic about a value given with `--set` that it came from there (and
/// has no place in the file), and of one about a table with such a value that it holds one.
fn mark_set_values(diagnostics: &mut [Diagnostic], set_paths: &[(String, &Override)]) {
    let under = |a: &str, b: &str| {
        a == b
            || a.strip_prefix(b)
                .is_some_and(|rest| rest.starts_with(['.', '[']))
    };
    let mut from_set = false;
    for e in diagnostics.iter_mut() {
        if let Some((_, ov)) = set_paths.iter().rev().find(|(o, _)| under(&e.path, o)) {
            // The value itself was written on the command line: it has no place in the file.
            e.pos = Pos::default();
            e.message = format!("--set {}={}: {}", ov.path, ov.value, e.message);
            from_set = true;
        } else if set_paths.iter().any(|(o, _)| under(o, &e.path)) {
            e.message.push_str(" (waarde uit --set)");
        }
    }
    if from_set {
        diagnostics.sort_by_key(|a| a.pos);
    }
}

/// Reads every section of `doc`, in docs/rekenregels.md's order; `None` when `[scenario]` is incomplete.
// Kept out of line so that a profile (bench/run.sh, callgrind) shows the reading's own cost.
#[inline(never)]
fn read_document(cx: &mut Cx, doc: &Spanned<DeTable<'_>>) -> Option<Scenario> {
    let top = Table::new(doc.get_ref(), 0..0, String::new());
    let [
        formaat_field,
        scenario_field,
        uurtarieven_field,
        werkwijze_field,
        groep_field,
        ondersteuning_field,
        indexatie_field,
        financiering_field,
        verzekeraar_field,
        aanbod_field,
        impact_field,
        indicator_field,
        verwachting_field,
        onzekerheid_field,
        toelichting_field,
        kostenpost_field,
        bijdrage_field,
    ] = top.fields(&SECTIE_NAMEN);
    if !top.fields_pass.get().1 {
        cx.secties_bedoeld = tabel::sections_meant(&top);
    }
    kop::formaat(cx, &top, formaat_field);
    let mut s = Scenario::default();
    let (scenario_ok, horizon_ok) = kop::scenario(cx, &top, scenario_field, &mut s);
    let werkwijze_meant = cx.secties_bedoeld.contains(&"werkwijze");
    let rollen = rollen::uurtarieven(
        cx,
        &top,
        uurtarieven_field,
        werkwijze_field.is_some(),
        &mut s,
    );
    let base = werkwijze::defaults(cx, werkwijze_field, uurtarieven_field, werkwijze_meant);
    groep::groepen(cx, &top, groep_field, &base, &rollen, &mut s);
    ondersteuning::ondersteuning(cx, ondersteuning_field, &mut s);
    ondersteuning::indexatie(cx, indexatie_field, &mut s);
    let horizon = horizon_ok.then(|| (s.startjaar, s.eindjaar()));
    kostenpost::kostenposten(cx, kostenpost_field, horizon, &mut s);
    financiering::financiering(cx, financiering_field, &rollen, horizon, &mut s);
    bijdrage::bijdragen(cx, bijdrage_field, horizon, &mut s);
    verzekeraar::verzekeraars(cx, verzekeraar_field, &mut s);
    verzekeraar::aanbiedingen(cx, aanbod_field, horizon, &mut s);
    let impact_present = impact_field.as_ref().map(|_| ());
    impact::impact(cx, impact_field, indicator_field, &mut s);
    verwachting::verwachtingen(cx, verwachting_field, impact_present, horizon, &mut s);
    let spans = onzekerheid::onzekerheden(cx, onzekerheid_field, &mut s);
    toelichting::toelichting(cx, toelichting_field, &mut s);
    // Every use of a role is known now.
    rollen.finish(cx);
    top.finish_fields(cx);
    if !scenario_ok {
        return None;
    }
    // A misspelt section name leaves out what the parameters name; it is reported.
    if cx.secties_bedoeld.is_empty() {
        onzekerheid::parameters(cx, &s, &spans);
    }
    Some(s)
}
