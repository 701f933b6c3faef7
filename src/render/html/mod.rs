//! The businesscase as one self-contained HTML document with inline SVG charts. Pure, no I/O.
//!
//! The document follows the businesscase points of the handreiking (de te verlenen zorg,
//! onderbouwing, zorgverleners, frequentie en duur, regio, kosten, financiering, zorgreductie,
//! saldo, dubbele financiering, evaluatie en monitoring, bronnen) and prints to A4. It needs no
//! script, font or image from elsewhere: the charts are inline SVG. It speaks to the insurer:
//! no key of the scenario file, option of the program or reference to its manual appears in
//! it; the region's own texts (`[toelichting]`) stand in their chapters.
//!
//! Every number in the document carries where it comes from, so that a test can hold it against
//! the CLI's JSON:
//!
//! - `data-json="COMMAND:/json/pointer"`: the value at that pointer in `COMMAND --format json`;
//! - `data-som='{"jaar": 2026, "post": "ict"}'`: the sum of `bedrag` over the lines of
//!   `cost --format json` whose fields equal the given ones;
//! - `data-invoer="groep[2].duur_uren"`: a value of the scenario file (groups counted from 1; a
//!   group's werkwijze field falls back to `[werkwijze]`, indicators are named by id:
//!   `indicator.ic_opname.bron`);
//! - `data-telling="groep"`: the number of `[[groep]]` tables;
//! - `data-afronding="1"` beside a `data-json`: the value shown rounded to that many decimals
//!   (half away from zero), as a person writes it;
//! - `data-parameter="indicator.ic_opname.reductie_percentage"`: the Dutch label of that
//!   parameter (`scenario::param::label`), text rather than a number;
//! - `data-toelichting="zorg"`: a paragraph of the region's own text of `[toelichting]`;
//! - `data-financiering="financiering.elders[2]"`: a cell of the proof against double
//!   financing, paid elsewhere by that entry of the scenario file (or by a role of
//!   `elders_gefinancierd`), in the words of `calc::financiering::JaarFinanciering::omschrijving`;
//! - `data-waarschuwing`: a warning as printed on stderr;
//! - `data-as`: an axis label of a chart (a round number, not a figure of the businesscase).
//!
//! The charts come from [`crate::render::grafiek`], which the Word document and
//! `report --grafieken` share.

mod bronnen;
mod dubbel;
mod financiering;
mod gevoeligheid;
mod kosten;
mod opmaak;
mod saldo;
mod stijl;
mod titel;
mod zorg;
mod zorgreductie;

use crate::calc::Resultaat;
use crate::onzekerheid::analyse::Gevoeligheid;
use crate::scenario::Scenario;

pub(crate) use self::opmaak::esc;
pub(crate) use self::stijl::STYLE;

use bronnen::{afwijkingen, bronnen};
use dubbel::dubbele_financiering_hoofdstuk;
use financiering::financiering;
use gevoeligheid::gevoeligheid_hoofdstuk;
use kosten::kosten;
use saldo::saldo;
use stijl::head;
use titel::titel;
use zorg::{evaluatie, frequentie, onderbouwing, regio, zorg, zorgverleners};
use zorgreductie::{geen_impact, zorgreductie};

/// Renders the whole businesscase document.
///
/// `gevoeligheid`: the one-way sensitivity of netto (`sensitivity --format json`), computed by
/// the caller for a scenario that declares `[[onzekerheid]]` and has `[impact]`; with it the
/// document gets the chapter Gevoeligheid.
pub fn report(s: &Scenario, r: &Resultaat, gevoeligheid: Option<&Gevoeligheid>) -> Vec<u8> {
    let mut out = String::with_capacity(64 * 1024);
    head(&mut out, s);
    out.push_str("<body>\n");
    titel(&mut out, s, r);
    inhoud(&mut out, r, gevoeligheid.is_some());
    zorg(&mut out, s);
    onderbouwing(&mut out, s);
    zorgverleners(&mut out, s);
    frequentie(&mut out, s);
    regio(&mut out, s);
    afwijkingen(&mut out, s);
    kosten(&mut out, s, &r.kosten);
    financiering(&mut out, s, r);
    match (&r.impact, &r.businesscase) {
        (Some(i), Some(b)) => {
            zorgreductie(&mut out, s, i);
            saldo(&mut out, s, b);
        }
        _ => geen_impact(&mut out),
    }
    if let Some(g) = gevoeligheid {
        gevoeligheid_hoofdstuk(&mut out, s, g);
    }
    dubbele_financiering_hoofdstuk(&mut out, s, &r.kosten);
    evaluatie(&mut out, s);
    bronnen(&mut out, s);
    out.push_str(&format!(
        "<footer><p>Gemaakt met <span class=\"versie\">patz-calc {}</span>. Dezelfde invoer \
         geeft hetzelfde document.</p></footer>\n",
        env!("CARGO_PKG_VERSION")
    ));
    out.push_str("</body>\n</html>\n");
    out.into_bytes()
}

/// The table of contents: the chapters in the order they follow.
fn inhoud(out: &mut String, r: &Resultaat, gevoeligheid: bool) {
    let mut items = vec![
        ("zorg", "De te verlenen zorg"),
        ("onderbouwing", "Onderbouwing"),
        ("zorgverleners", "De uitvoerende zorgverleners"),
        ("frequentie", "Frequentie en duur"),
        ("regio", "Locatie en regio"),
        ("werkwijze", "Afwijkingen van de PaTz-werkwijze"),
        ("kosten", "Geschatte kosten"),
        ("financiering", "Financiering"),
        ("zorgreductie", "Verwachte zorgreductie"),
    ];
    if r.businesscase.is_some() {
        items.push(("saldo", "Saldo en netto contante waarde"));
        if gevoeligheid {
            items.push(("gevoeligheid", "Gevoeligheid"));
        }
    }
    items.push(("dubbele-financiering", "Dubbele financiering"));
    items.push(("evaluatie", "Evaluatie en monitoring"));
    items.push(("bronnen", "Bronnen en aannames"));
    out.push_str("<nav class=\"inhoud\">\n<h3>Inhoud</h3>\n<ol>\n");
    for (id, t) in items {
        out.push_str(&format!("<li><a href=\"#{id}\">{}</a></li>\n", esc(t)));
    }
    out.push_str("</ol>\n</nav>\n");
}
