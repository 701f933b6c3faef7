//! The yearly report to the insurer (`annual-report -o x.docx`) as an editable Word document:
//! the same [`Jaarverslag`] as the HTML version (its facts, key figures, chapters, tables and
//! sentences), laid out with the businesscase document's building blocks: Word's own title and
//! heading styles, a table of contents, real tables, A4. Computes nothing. Pure, no I/O.
//!
//! Owned by the yearly report (`render::verantwoording`); it lives here because it builds on
//! this module's writer.

use crate::render::verantwoording::{Blok, Jaarverslag};

use super::DocxError;
use super::opmaak::{Doc, ongebroken};

/// Renders the yearly report `v` as a .docx file. A note stays on the page of the table or
/// paragraph it explains, so the last note of a chapter never stands alone on a page.
pub fn document(v: &Jaarverslag) -> Result<Vec<u8>, DocxError> {
    let mut doc = Doc::default();
    doc.titel(&v.naam);
    // One line as the HTML writes it (searched for as written): it takes four fifths of the
    // line in LibreOffice's widest fallback font, so "TAPA$-prestatie 1" is not broken.
    doc.ondertitel(&[v.soort]);
    let mut feiten: Vec<(&str, String)> =
        v.feiten.iter().map(|(k, w)| (*k, ongebroken(w))).collect();
    feiten.extend(
        v.kerncijfers
            .iter()
            .map(|k| (k.wat.as_str(), ongebroken(&k.waarde))),
    );
    doc.feiten(&feiten);
    doc.inhoudsopgave();
    doc.nieuwe_pagina();
    for h in &v.hoofdstukken {
        doc.hoofdstuk(h.titel);
        let mut blokken = h.blokken.iter().peekable();
        while let Some(b) = blokken.next() {
            let voor_noot = matches!(blokken.peek(), Some(Blok::Noot(_)));
            let voor_tabel = matches!(blokken.peek(), Some(Blok::Tabel(_)));
            match b {
                // A paragraph stays with its note, or with the table it leads into (the
                // settlement's result before its split per insurer).
                Blok::Alinea(t) if voor_noot || voor_tabel => {
                    doc.alinea_bij_volgende(&ongebroken(t));
                }
                Blok::Alinea(t) => doc.alinea(&ongebroken(t)),
                Blok::Noot(t) => doc.noot(&ongebroken(t)),
                Blok::Tabel(t) => {
                    let rijen: Vec<Vec<String>> = t
                        .rijen
                        .iter()
                        .map(|r| r.iter().map(|c| ongebroken(c)).collect())
                        .collect();
                    if voor_noot {
                        doc.tabel_bij_volgende(&t.titel, &t.kop, &rijen, t.totaal);
                    } else {
                        doc.tabel(&t.titel, &t.kop, &rijen, t.totaal);
                    }
                }
                Blok::Signalen(items) => {
                    let items: Vec<String> = items.iter().map(|i| ongebroken(i)).collect();
                    doc.opsomming(&items);
                }
            }
        }
    }
    doc.bestand(&v.naam)
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use crate::render::verantwoording::{Blok, Hoofdstuk, Jaarverslag, Tabel};

    fn tabel(titel: &str, rijen: usize) -> Blok {
        Blok::Tabel(Tabel {
            titel: titel.to_string(),
            kop: vec![("Post", false), ("Bedrag", true)],
            rijen: (0..rijen)
                .map(|i| vec![format!("Post {i}"), format!("€ {i},00")])
                .collect(),
            totaal: false,
        })
    }

    /// The paragraphs of `word/document.xml` of `v`, in order, each as its XML.
    fn alineas(v: &Jaarverslag) -> Vec<String> {
        let bytes = super::document(v).unwrap_or_else(|e| panic!("{e}"));
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip archive");
        let mut xml = String::new();
        zip.by_name("word/document.xml")
            .expect("the document")
            .read_to_string(&mut xml)
            .expect("UTF-8");
        xml.split("<w:p ")
            .skip(1)
            .map(|p| p.split("</w:p>").next().unwrap_or("").to_string())
            .collect()
    }

    #[test]
    fn the_last_note_stays_on_the_page_of_the_table_and_the_sentence_it_belongs_to() {
        let v = Jaarverslag {
            naam: "Test".to_string(),
            soort: "Verantwoording",
            feiten: Vec::new(),
            kerncijfers: Vec::new(),
            hoofdstukken: vec![Hoofdstuk {
                id: "afrekening",
                titel: "Afrekening",
                blokken: vec![
                    tabel("Kosten", 3),
                    Blok::Alinea("Resultaat: € -5,00.".to_string()),
                    tabel("Per verzekeraar", 30),
                    Blok::Noot("De laatste noot.".to_string()),
                ],
            }],
        };
        let p = alineas(&v);
        let plaats = |t: &str| {
            p.iter()
                .position(|a| a.contains(t))
                .unwrap_or_else(|| panic!("{t}"))
        };
        let bij_volgende = |i: usize| p[i].contains("<w:keepNext />");
        // The sentence goes with the caption of the table it leads into.
        assert!(bij_volgende(plaats("Resultaat: €\u{a0}-\u{2060}5,00.")));
        // The long table's last row, and the paragraph under the table, go with the note.
        let noot = plaats("De laatste noot.");
        assert!(bij_volgende(plaats("Post 29")));
        assert!(bij_volgende(noot - 1), "{}", p[noot - 1]);
        // Its other rows may run onto the next page (under the repeated header row).
        assert!(!bij_volgende(plaats("Post 5<")));
        // The short table before the sentence is kept together, but not with the sentence.
        assert!(bij_volgende(plaats("Post 1<")) && !bij_volgende(plaats("Post 2<")));
    }
}
