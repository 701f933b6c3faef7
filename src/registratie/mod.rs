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

pub use bijeenkomsten::{BIJEENKOMST_KOLOMMEN, read_bijeenkomsten};
pub use fouten::{Fouten, MAX_FOUTEN};
pub use indicatoren::{INDICATOR_KOLOMMEN, read_indicatoren};
pub use model::{Bijeenkomst, Datum, MAX_DUUR_UREN, Telling, Waarneming};
pub use verzekerden::{MAX_VERZEKERDEN, VERZEKERDEN_KOLOMMEN, read_verzekerden};

use self::csv::{Tabel, nearest};
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
