//! `[[groep]]`: the groups, their unique names (compared in NFC), participants per role and
//! effective werkwijze. Pure, no I/O.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::Arc;

use super::super::model::{Groep, Scenario};
use super::super::schema::{self, GROEP_NAMEN, WERKWIJZE_NAMEN};
use super::cx::{ANDERS_GESCHREVEN, Cx, Field, Table, need};
use super::rollen::Rollen;
use super::werkwijze::{
    Defaults, Ontbrekend, WerkwijzeRaw, effective_werkwijze, report_missing, typos,
};
use crate::naam;

/// `[[groep]]` into `s`, each group's werkwijze over `base`.
// One loop over the groups, each field in turn: longer than 100 lines, read top to bottom.
pub(super) fn groepen(
    cx: &mut Cx,
    top: &Table<'_, '_>,
    groep_field: Option<Field<'_, '_, '_>>,
    defaults: &Defaults,
    rollen: &Rollen<'_>,
    s: &mut Scenario,
) {
    let base = &defaults.raw;
    match groep_field {
        Some(f) => {
            let groepen = cx.tables(&f);
            s.groepen.reserve(groepen.len());
            // Each name (in NFC) with the name as written and the path of the group that has
            // it first.
            let mut names: BTreeMap<Cow<'_, str>, (&str, &str)> = BTreeMap::new();
            // One buffer for every group's participants.
            let mut counts: Vec<(Arc<str>, u32)> = Vec::new();
            // The required werkwijze fields each group lacks, reported together at the end.
            let mut ontbrekend: Vec<Ontbrekend> = Vec::new();
            for t in &groepen {
                let [naam, deelnemers, start, nieuw, eigen_fields @ ..] = t.fields(&GROEP_NAMEN);
                let naam = need(cx, t, naam, "naam").and_then(|f| {
                    let n = cx.text_ref(&f)?;
                    let key = naam::sleutel(n);
                    if let Some((written, first)) = names.get(&key) {
                        let message = if *written == n {
                            format!("groepsnaam '{n}' komt al voor in {first}")
                        } else {
                            format!(
                                "groepsnaam '{n}' is dezelfde naam als '{written}' in {first}{ANDERS_GESCHREVEN}"
                            )
                        };
                        cx.error(&f, message, Some("elke groep heeft een eigen naam".into()));
                        return None;
                    }
                    names.insert(key, (n, &t.path));
                    Some(n.to_string())
                });
                let mut deelnemers_ok = true;
                counts.clear();
                match need(cx, t, deelnemers, "deelnemers") {
                    Some(f) => {
                        if let Some(dt) = cx.table(&f) {
                            for (key, value) in dt.table.iter() {
                                let field = Field {
                                    value,
                                    path: dt.child(key.get_ref()),
                                };
                                cx.key_text(key, field.path);
                                let n = cx.aantal(&field, &schema::DEELNEMERS);
                                let known = rollen.check(cx, key.get_ref(), field.path, key.span());
                                match (n, known) {
                                    (Some(n), Some(rol)) => counts.push((rol, n)),
                                    _ => deelnemers_ok = false,
                                }
                            }
                        } else {
                            deelnemers_ok = false;
                        }
                    }
                    None => deelnemers_ok = false,
                }
                let start = match start {
                    Some(f) => cx.year(&f),
                    None => Some(s.startjaar),
                };
                let nieuw = match nieuw {
                    Some(f) => cx.boolean(&f),
                    None => Some(false),
                };
                let eigen: Vec<&'static str> = WERKWIJZE_NAMEN
                    .iter()
                    .zip(&eigen_fields)
                    .filter(|(_, f)| f.is_some())
                    .map(|(k, _)| *k)
                    .collect();
                // Most groups set nothing of their own.
                let mut own = if eigen.is_empty() {
                    WerkwijzeRaw::default()
                } else {
                    WerkwijzeRaw::read(cx, eigen_fields)
                };
                let (_, all_known) = t.fields_pass.get();
                if !all_known {
                    own.bedoeld = typos(t, &GROEP_NAMEN);
                }
                t.finish_fields(cx);
                let mut missing = Vec::new();
                let werkwijze = effective_werkwijze(cx, t, own, base, rollen, &mut missing);
                if !missing.is_empty() {
                    ontbrekend.push((t.path.clone(), t.span.clone(), missing));
                }
                if let (Some(naam), true, Some(start), Some(nieuw), Some(werkwijze)) =
                    (naam, deelnemers_ok, start, nieuw, werkwijze)
                {
                    // Participants in the order of [uurtarieven].
                    let mut ordered: Vec<(Arc<str>, u32)> = Vec::with_capacity(counts.len());
                    for r in rollen.shared() {
                        if let Some((_, n)) = counts.iter().find(|(c, _)| Arc::ptr_eq(c, r)) {
                            ordered.push((Arc::clone(r), *n));
                        }
                    }
                    s.groepen.push(Groep {
                        naam,
                        deelnemers: ordered,
                        start,
                        nieuw,
                        werkwijze,
                        eigen,
                    });
                }
            }
            report_missing(cx, defaults, &ontbrekend);
        }
        None => cx.missing(top, "groep", Some("voeg minstens één [[groep]] toe".into())),
    }
}
