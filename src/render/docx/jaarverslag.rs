//! The yearly report to the insurer (`annual-report -o x.docx`) as an editable Word document:
//! the same [`Jaarverslag`] as the HTML version (its facts, key figures, chapters, tables and
//! sentences), laid out with the businesscase document's building blocks: Word's own title and
//! heading styles, a table of contents, real tables, A4. Computes nothing. Pure, no I/O.
//!
//! Owned by the yearly report (`render::verantwoording`); it lives here because it builds on
//! this module's writer.

use crate::render::verantwoording::{Blok, Jaarverslag};

use super::DocxError;
use super::opmaak::Doc;
use super::stijl::{ONDERTITEL, TITEL};

/// Renders the yearly report `v` as a .docx file.
pub fn document(v: &Jaarverslag) -> Result<Vec<u8>, DocxError> {
    let mut doc = Doc::default();
    doc.met_stijl(TITEL, &v.naam);
    doc.met_stijl(ONDERTITEL, v.soort);
    let mut feiten: Vec<(&str, String)> = v.feiten.iter().map(|(k, w)| (*k, vast(w))).collect();
    feiten.extend(
        v.kerncijfers
            .iter()
            .map(|k| (k.wat.as_str(), vast(&k.waarde))),
    );
    doc.feiten(&feiten);
    doc.inhoudsopgave();
    doc.nieuwe_pagina();
    for h in &v.hoofdstukken {
        doc.hoofdstuk(h.titel);
        for b in &h.blokken {
            match b {
                Blok::Alinea(t) => doc.alinea(&vast(t)),
                Blok::Noot(t) => doc.noot(&vast(t)),
                Blok::Tabel(t) => {
                    let rijen: Vec<Vec<String>> = t
                        .rijen
                        .iter()
                        .map(|r| r.iter().map(|c| vast(c)).collect())
                        .collect();
                    doc.tabel(&t.titel, &t.kop, &rijen, t.totaal);
                }
                Blok::Signalen(items) => {
                    let items: Vec<String> = items.iter().map(|i| vast(i)).collect();
                    doc.opsomming(&items);
                }
            }
        }
    }
    doc.bestand(&v.naam)
}

/// The text with a no-break space after `€` and before `%`, and a word joiner after the minus
/// of a negative amount, so that Word never breaks an amount or a percentage over two lines
/// (and sizes a table column to the whole figure).
fn vast(tekst: &str) -> String {
    tekst
        .replace("€ -", "€\u{a0}-\u{2060}")
        .replace("€ ", "€\u{a0}")
        .replace(" %", "\u{a0}%")
}

#[cfg(test)]
mod tests {
    use super::vast;

    #[test]
    fn an_amount_and_a_percentage_are_never_broken_over_two_lines() {
        assert_eq!(
            vast("opbrengst € -1.234,56, € 7,00 en 12,5 % opkomst"),
            "opbrengst €\u{a0}-\u{2060}1.234,56, €\u{a0}7,00 en 12,5\u{a0}% opkomst"
        );
    }
}
