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
mod onderbouwing;
mod opmaak;
mod pakket;
mod saldo;
mod stijl;
mod titel;
mod zorg;
mod zorgreductie;
mod zorgverleners;

use crate::calc::Resultaat;
use crate::scenario::Scenario;

use opmaak::{Doc, alinea_xml, run};

/// A Word document that could not be put together (the zip archive failed).
#[derive(Debug, thiserror::Error)]
#[error("het Word-document kon niet worden gemaakt: {0}")]
pub struct DocxError(String);

/// Renders the whole businesscase as a .docx file.
pub fn document(s: &Scenario, r: &Resultaat) -> Result<Vec<u8>, DocxError> {
    let mut doc = Doc::default();
    zorg::hoofdstuk(&mut doc, s);
    onderbouwing::hoofdstuk(&mut doc, s);
    zorgverleners::hoofdstuk(&mut doc, s);
    frequentie::hoofdstuk(&mut doc, s);
    locatie::hoofdstuk(&mut doc, s);
    kosten::hoofdstuk(&mut doc, s, &r.kosten);
    financiering::hoofdstuk(&mut doc, s, r);
    zorgreductie::hoofdstuk(&mut doc, s, r);
    saldo::hoofdstuk(&mut doc, s, r);
    dubbel::hoofdstuk(&mut doc, s, r);
    evaluatie::hoofdstuk(&mut doc, s, r);
    bronnen::hoofdstuk(&mut doc, s);

    let mut blad = Doc::default();
    titel::titelblad(&mut blad, s, r);
    blad.nieuwe_pagina();
    let mut body = blad.body;
    body.push_str(&inhoud(&doc));
    body.push_str("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>");
    body.push_str(&doc.body);
    body.push_str(&stijl::sectie(pakket::VOET_ID));
    pakket::pakket(&body, &s.naam, &s.naam).map_err(|e| DocxError(e.to_string()))
}

/// The table of contents: Word's own field over Heading 1 and 2, filled in already (without
/// page numbers, which Word adds when it brings the field up to date on opening), each entry a
/// link to its heading.
fn inhoud(doc: &Doc) -> String {
    let mut out = String::from(
        "<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val=\"Table of Contents\"/>\
         <w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent>",
    );
    out.push_str(&alinea_xml(stijl::ONDERTITEL, "", &run("Inhoud", false)));
    let begin = "<w:r><w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\"/></w:r>\
         <w:r><w:instrText xml:space=\"preserve\"> TOC \\o \"1-2\" \\h \\z \\u </w:instrText></w:r>\
         <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>";
    for (i, k) in doc.koppen.iter().enumerate() {
        let stijl = if k.niveau == 1 {
            stijl::INHOUD1
        } else {
            stijl::INHOUD2
        };
        let link = format!(
            "<w:hyperlink w:anchor=\"{}\" w:history=\"1\">{}</w:hyperlink>",
            k.anker,
            run(&k.tekst, false)
        );
        let runs = if i == 0 {
            format!("{begin}{link}")
        } else {
            link
        };
        out.push_str(&alinea_xml(stijl, "", &runs));
    }
    out.push_str("<w:p><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>");
    out.push_str("</w:sdtContent></w:sdt>");
    out
}

/// A role as a reader writes it: `specialist_ouderengeneeskunde` → "specialist
/// ouderengeneeskunde".
pub(crate) fn rol_naam(rol: &str) -> String {
    rol.replace('_', " ")
}

#[cfg(test)]
mod tests;
