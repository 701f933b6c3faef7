//! Registrations kept by the groups after contracting: held meetings and observed indicators.
//! Pure, no I/O.
//!
//! - [`model`]: the checked registrations as the calculation uses them ([`Bijeenkomst`],
//!   [`Waarneming`], [`Datum`]); `calc` depends on this part only.
//! - reading them from CSV ([`read_bijeenkomsten`], [`read_indicatoren`], and the insured
//!   counts the insurers report, [`read_verzekerden`]) against a scenario,
//!   with file:line:column diagnostics ([`Fouten`]).
//!
//! The files are UTF-8 CSV with a header row; the separator (`,` or `;`) is taken from the
//! header line. In a `;`-file a number may have a decimal comma. Every problem in a file is
//! reported at once, in file order, the first [`MAX_FOUTEN`] in full and the rest counted; a
//! file with any problem gives no registrations. Positions are the line of the record and the
//! character column where the cell starts. Names are compared in NFC ([`crate::naam`]).

mod bijeenkomsten;
mod csv;
mod fouten;
mod indicatoren;
pub mod model;
mod verzekerden;

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::hash::Hash;

pub use bijeenkomsten::{BIJEENKOMST_KOLOMMEN, read_bijeenkomsten};
pub use fouten::{Fouten, MAX_FOUTEN};
pub use indicatoren::{INDICATOR_KOLOMMEN, read_indicatoren};
pub use model::{Bijeenkomst, Datum, MAX_DUUR_UREN, Telling, Waarneming};
pub use verzekerden::{MAX_VERZEKERDEN, VERZEKERDEN_KOLOMMEN, read_verzekerden};

use self::csv::{Row, Tabel, nearest};
use self::fouten::Cx;
use crate::naam;
use crate::scenario::Scenario;

/// The horizon as written in messages: `2026`, or `2026–2028`.
fn looptijd(s: &Scenario) -> String {
    if s.looptijd_jaren <= 1 {
        s.startjaar.to_string()
    } else {
        format!("{}–{}", s.startjaar, s.eindjaar())
    }
}

/// Reads the table `what` from `text`: the header against the columns `allowed`, each column
/// of `verplicht` required (with its hint), then every record through `rij`. Every problem is
/// reported; a file with any problem gives no records (none are kept after the first problem).
fn lees<'a, T>(
    text: &str,
    what: &'static str,
    allowed: &[&'a str],
    verplicht: impl IntoIterator<Item = (&'a str, Option<String>)>,
    mut rij: impl FnMut(&Tabel<'_>, &HashMap<&'a str, usize>, &Row, &mut Cx) -> Option<T>,
) -> Result<Vec<T>, Fouten> {
    let mut cx = Cx::default();
    let Some(mut table) = Tabel::open(text, what, &mut cx) else {
        return Err(cx.finish().unwrap_or_default());
    };
    let cols = columns(&table, allowed, &mut cx);
    for (name, hint) in verplicht {
        require(&table, &cols, name, hint, &mut cx);
    }
    let mut out = Vec::new();
    while let Some(row) = table.next_row(&mut cx) {
        let r = rij(&table, &cols, &row, &mut cx);
        if let Some(r) = r.filter(|_| !cx.any()) {
            out.push(r);
        }
    }
    match cx.finish() {
        None => Ok(out),
        Some(f) => Err(f),
    }
}

/// The fixed columns `kolommen`, each required without a hint.
fn vast<'a>(kolommen: &[&'a str]) -> impl Iterator<Item = (&'a str, Option<String>)> {
    kolommen.iter().map(|k| (*k, None))
}

/// A row that repeats the key of an earlier one: the line of that first row, or `None` (and
/// `regel` remembered as the first line of `sleutel`).
fn eerder<K: Hash + Eq>(gezien: &mut HashMap<K, usize>, sleutel: K, regel: usize) -> Option<usize> {
    match gezien.entry(sleutel) {
        Entry::Occupied(e) => Some(*e.get()),
        Entry::Vacant(v) => {
            v.insert(regel);
            None
        }
    }
}

/// Where the cell of column `name` starts in `row` (the start of the record without it).
fn kolom_at(cols: &HashMap<&str, usize>, row: &Row, name: &str) -> usize {
    cols.get(name).map_or(row.start, |&c| row.at(c))
}

/// Maps every header name to its column (names compared in NFC); unknown, empty and duplicate
/// names are errors.
fn columns<'a>(t: &Tabel<'_>, allowed: &[&'a str], cx: &mut Cx) -> HashMap<&'a str, usize> {
    let mut out = HashMap::new();
    for (i, (name, at)) in t.header.iter().enumerate() {
        match allowed.iter().find(|a| naam::zelfde(a, name)) {
            Some(known) => {
                if out.contains_key(known) {
                    cx.error(
                        t.pos(*at),
                        "kopregel".into(),
                        format!("kolom '{name}' staat twee keer in de kopregel"),
                        None,
                    );
                } else {
                    out.insert(*known, i);
                }
            }
            // A refused name (a control character) is reported already.
            None if name.is_empty() && t.refused_header(i) => {}
            None if name.is_empty() => cx.error(
                t.pos(*at),
                "kopregel".into(),
                format!("kolom {} heeft geen naam", i + 1),
                None,
            ),
            None => {
                let hint = nearest(name, allowed.iter().copied())
                    .map(|n| format!("bedoelde je '{n}'?"))
                    .or_else(|| Some(format!("toegestane kolommen: {}", allowed.join(", "))));
                cx.error_with(
                    t.pos(*at),
                    || "kopregel".into(),
                    || (format!("onbekende kolom '{name}'"), hint),
                );
            }
        }
    }
    out
}

/// Reports `name` as missing from the header, unless it is there.
fn require(
    t: &Tabel<'_>,
    cols: &HashMap<&str, usize>,
    name: &str,
    hint: Option<String>,
    cx: &mut Cx,
) {
    if !cols.contains_key(name) {
        cx.error(
            t.pos(t.header_start),
            "kopregel".into(),
            format!("kolom '{name}' ontbreekt"),
            hint,
        );
    }
}
