//! The businesscase as a Word document (.docx), the region's editable draft for the insurer.
//! Pure, no I/O: returns the bytes of the file.
//!
//! The chapters follow the businesscase points of the handreiking: de te verlenen zorg,
//! onderbouwing, de uitvoerende zorgverleners, frequentie en duur, locatie, kosten inclusief
//! facilitaire en opleidingskosten, financiering per verzekerde en per verzekeraar, verwachte
//! zorgreductie, saldo, dubbele financiering, evaluatie en monitoring, bronnen. One file per
//! chapter. Each chapter opens with the region's own text from `[toelichting]` (or a marked place
//! saying what belongs there), then the figures.
//!
//! Every figure is one the calculation produced ([`crate::calc::Resultaat`], the subtotals of
//! [`crate::calc::overzicht`]) or one the scenario holds; nothing is computed here. Headings use
//! Word's own Heading 1 and Heading 2 styles, tables are real Word tables, the page is A4.

mod bronnen;
mod dubbel;
mod evaluatie;
mod financiering;
mod frequentie;
pub mod jaarverslag;
mod kosten;
mod locatie;
mod nabewerking;
mod onderbouwing;
pub(crate) mod opmaak;
mod saldo;
pub(crate) mod stijl;
mod titel;
mod zorg;
mod zorgreductie;
mod zorgverleners;

use crate::calc::Resultaat;
use crate::scenario::Scenario;

/// A role as a reader writes it (the one rule for every document, in `render::grafiek`).
use crate::render::grafiek::rol_naam;

use opmaak::Doc;

/// A Word document that could not be put together (the archive failed).
#[derive(Debug, thiserror::Error)]
#[error("het Word-document kon niet worden gemaakt: {0}")]
pub struct DocxError(String);

/// A chart of the report as a PNG picture, for its chapter in the Word document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Afbeelding {
    /// Which chart ([`crate::render::grafiek::Grafiek::naam`]): it decides the chapter.
    pub naam: &'static str,
    /// The caption (Dutch).
    pub titel: String,
    /// The PNG file; empty: no picture ([`Afbeelding::zonder_beeld`]).
    pub png: Vec<u8>,
    /// Its size in pixels.
    pub breedte_px: u32,
    /// Its height in pixels.
    pub hoogte_px: u32,
}

impl Afbeelding {
    /// The chart `g` without a picture (it could not be drawn, e.g. no font for its text): the
    /// document says in its place that the chart is in the HTML report.
    pub fn zonder_beeld(g: &crate::render::grafiek::Grafiek) -> Afbeelding {
        Afbeelding {
            naam: g.naam,
            titel: g.titel.clone(),
            png: Vec::new(),
            breedte_px: 0,
            hoogte_px: 0,
        }
    }

    /// The picture `png` of the chart `g`, its size read from the PNG header; `None` when the
    /// bytes are no PNG.
    pub fn van(g: &crate::render::grafiek::Grafiek, png: Vec<u8>) -> Option<Afbeelding> {
        const HANDTEKENING: &[u8] = b"\x89PNG\r\n\x1a\n";
        let maat = |van: usize| -> Option<u32> {
            let b: [u8; 4] = png.get(van..van + 4)?.try_into().ok()?;
            Some(u32::from_be_bytes(b))
        };
        // The IHDR chunk follows the signature: length, "IHDR", width, height.
        if !png.starts_with(HANDTEKENING) || png.get(12..16) != Some(b"IHDR") {
            return None;
        }
        let (breedte_px, hoogte_px) = (maat(16)?, maat(20)?);
        Some(Afbeelding {
            naam: g.naam,
            titel: g.titel.clone(),
            png,
            breedte_px,
            hoogte_px,
        })
    }
}

/// Renders the whole businesscase as a .docx file; `afbeeldingen`: the report's charts as
/// pictures, each placed in its chapter (none: the document has no pictures, and says nothing
/// about them).
pub fn document(
    s: &Scenario,
    r: &Resultaat,
    afbeeldingen: &[Afbeelding],
) -> Result<Vec<u8>, DocxError> {
    let mut doc = Doc::met_afbeeldingen(afbeeldingen);
    titel::titelblad(&mut doc, s, r);
    doc.nieuwe_pagina();
    doc.inhoudsopgave();
    doc.nieuwe_pagina();
    zorg::hoofdstuk(&mut doc, s);
    onderbouwing::hoofdstuk(&mut doc, s);
    zorgverleners::hoofdstuk(&mut doc, s, &r.kosten);
    frequentie::hoofdstuk(&mut doc, s);
    locatie::hoofdstuk(&mut doc, s);
    kosten::hoofdstuk(&mut doc, s, &r.kosten);
    financiering::hoofdstuk(&mut doc, s, r);
    zorgreductie::hoofdstuk(&mut doc, s, r);
    saldo::hoofdstuk(&mut doc, s, r);
    dubbel::hoofdstuk(&mut doc, s, r);
    evaluatie::hoofdstuk(&mut doc, s, r);
    bronnen::hoofdstuk(&mut doc, s);
    doc.bestand(&s.naam)
}

#[cfg(test)]
mod tests;
