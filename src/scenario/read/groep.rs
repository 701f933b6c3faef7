//! `[[groep]]`: the groups, their unique names (compared in NFC), participants per role and
//! effective werkwijze. Pure, no I/O.

use std::borrow::Cow;
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::sync::Arc;

use super::super::model::{Groep, Scenario, Werkwijze};
use super::super::schema::{self, GROEP_NAMEN, WERKWIJZE_NAMEN};
use super::cx::{Cx, al_gebruikt};
use super::rollen::Rollen;
use super::tabel::{Table, need};
use super::veld::{Field, FieldPath, Key, items_of};
use super::werkwijze::{
    Defaults, Ontbrekend, WerkwijzeRaw, effective_werkwijze, report_missing, typos,
};
use crate::naam;

/// A group's own fields, the first four of [`GROEP_NAMEN`].
const KOP: [&str; 4] = {
    let [naam, deelnemers, start, nieuw, ..] = GROEP_NAMEN;
    [naam, deelnemers, start, nieuw]
};

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
            let Some(items) = cx.array(&f) else {
                return;
            };
            let parent = f.path.build();
            s.groepen.reserve(items.len());
            // Each name (in NFC) with the name as written and the number of the group that has
            // it first. (A hash map, made once at its size: a BTreeMap of names that share
            // their first letters cost 4.4 M instructions on 9,009 groups.)
            let mut names: HashMap<Cow<'_, str>, (&str, usize), Namen> =
                HashMap::with_capacity_and_hasher(items.len(), Namen::default());
            // The path of the group being read, handed to the next one (see [`Cx::table_in`]).
            let mut pad = String::new();
            // The werkwijze of a group that sets nothing itself, once it was made without any
            // problem: the same for every such group (9,009 times about 600 instructions).
            let mut gedeeld: Option<Werkwijze> = None;
            // One buffer for every group's participants: the role's number and the count.
            let mut counts: Vec<(usize, u32)> = Vec::new();
            // The required werkwijze fields each group lacks, reported together at the end.
            let mut ontbrekend: Vec<Ontbrekend> = Vec::new();
            for (i, item) in items_of(&parent, items).enumerate() {
                let Some(tabel) = cx.table_in(&item, std::mem::take(&mut pad)) else {
                    continue;
                };
                let t = &tabel;
                // Most groups write only their own four fields: found without the werkwijze's ten
                // (a pass over fourteen names and an array of them cost about 300 instructions
                // a group); with any other key, the pass over all fourteen.
                let kop = t.fields(&KOP);
                let ([naam, deelnemers, start, nieuw], eigen_fields) = if t.fields_pass.get().1 {
                    (kop, None)
                } else {
                    let [naam, deelnemers, start, nieuw, eigen @ ..] = t.fields(&GROEP_NAMEN);
                    ([naam, deelnemers, start, nieuw], Some(eigen))
                };
                let naam = need(cx, t, naam, "naam").and_then(|f| {
                    let n = cx.text_ref(&f)?;
                    let key = naam::sleutel(n);
                    let entry = match names.entry(key) {
                        Entry::Vacant(v) => v,
                        Entry::Occupied(o) => {
                            let (written, first) = *o.get();
                            let first = FieldPath {
                                parent: &parent,
                                pad: None,
                                key: Key::Index(first),
                            }
                            .build();
                            let message =
                                al_gebruikt("groepsnaam", n, written, &format!(" in {first}"));
                            cx.error(&f, message, Some("elke groep heeft een eigen naam".into()));
                            return None;
                        }
                    };
                    entry.insert((n, i + 1));
                    Some(n.to_string())
                });
                let mut deelnemers_ok = true;
                counts.clear();
                match need(cx, t, deelnemers, "deelnemers") {
                    Some(f) => {
                        if let Some((dt, pad)) = cx.table_entry(&f) {
                            for (key, value) in dt.iter() {
                                let field = Field {
                                    value,
                                    path: FieldPath {
                                        parent: &t.path,
                                        pad: Some(pad),
                                        key: Key::Onder("deelnemers", key.get_ref()),
                                    },
                                };
                                // The role before the count: a problem with the key is
                                // reported first. (Its miss, if any, is reported at the end.)
                                let known = rollen.check_key(cx, key, field.path);
                                let n = cx.aantal(&field, &schema::DEELNEMERS);
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
                // (Not collected when there are none: that costs about 100 instructions a group.)
                let eigen: Vec<&'static str> = match &eigen_fields {
                    Some(fields) if fields.iter().any(Option::is_some) => WERKWIJZE_NAMEN
                        .iter()
                        .zip(fields)
                        .filter(|(_, f)| f.is_some())
                        .map(|(k, _)| *k)
                        .collect(),
                    _ => Vec::new(),
                };
                // Most groups set nothing of their own.
                let mut own = match eigen_fields {
                    Some(fields) if !eigen.is_empty() => WerkwijzeRaw::read(cx, fields),
                    _ => WerkwijzeRaw::default(),
                };
                let (_, all_known) = t.fields_pass.get();
                if !all_known {
                    own.bedoeld = typos(t, &GROEP_NAMEN);
                }
                t.finish_fields(cx);
                // Without fields of its own, the werkwijze depends on the group only through what
                // it reports (a missing field, an unknown role); made without any report, it is
                // the same for the next such group.
                let zonder_eigen = eigen.is_empty() && own.bedoeld.is_empty();
                let werkwijze = match &gedeeld {
                    Some(w) if zonder_eigen => Some(w.clone()),
                    _ => {
                        let mut missing = Vec::new();
                        let w = effective_werkwijze(cx, t, own, base, rollen, &mut missing);
                        if !missing.is_empty() {
                            ontbrekend.push((t.path.clone(), t.span.clone(), missing));
                        }
                        // A werkwijze is only made when nothing is missing and both roles are
                        // known: nothing was reported.
                        if zonder_eigen && w.is_some() {
                            gedeeld.clone_from(&w);
                        }
                        w
                    }
                };
                if let (Some(naam), true, Some(start), Some(nieuw), Some(werkwijze)) =
                    (naam, deelnemers_ok, start, nieuw, werkwijze)
                {
                    // Participants in the order of [uurtarieven].
                    let mut ordered: Vec<(Arc<str>, u32)> = Vec::with_capacity(counts.len());
                    for (r, rol) in rollen.shared().iter().enumerate() {
                        if let Some((_, n)) = counts.iter().find(|(c, _)| *c == r) {
                            ordered.push((Arc::clone(rol), *n));
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
                pad = tabel.path;
            }
            report_missing(cx, defaults, &ontbrekend);
        }
        None => cx.missing(top, "groep", Some("voeg minstens één [[groep]] toe".into())),
    }
}

/// The hasher of the group names: foldhash's fast hasher with a fixed seed (deterministic), not
/// std's SipHash, whose defence against chosen collisions a scenario, the user's own file, does
/// not need (9,009 names on 400 generated files: about 1.5 M instructions).
type Namen = foldhash::fast::FixedState;
