//! The businesscase as one self-contained HTML document with inline SVG charts. Pure, no I/O.
//!
//! The document follows the businesscase points of the handreiking (de te verlenen zorg,
//! onderbouwing, zorgverleners, frequentie en duur, regio, kosten, financiering, zorgreductie,
//! saldo, waarschuwingen, bronnen) and prints to A4. It needs no script, font or image from
//! elsewhere: the charts are drawn here as inline SVG.
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
//! - `data-waarschuwing`: a warning as printed on stderr;
//! - `data-as`: an axis label of a chart (a round number, not a figure of the businesscase).

mod bronnen;
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

use bronnen::{bronnen, waarschuwingen};
use financiering::financiering;
use gevoeligheid::gevoeligheid_hoofdstuk;
use kosten::kosten;
use saldo::saldo;
use stijl::head;
use titel::titel;
use zorg::{frequentie, onderbouwing, regio, zorg, zorgverleners};
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
    inhoud(&mut out, r);
    zorg(&mut out, s);
    onderbouwing(&mut out, s);
    zorgverleners(&mut out, s);
    frequentie(&mut out, s);
    regio(&mut out, s);
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
    waarschuwingen(&mut out, s);
    bronnen(&mut out, s);
    out.push_str(&format!(
        "<footer><p>Gemaakt met <span class=\"versie\">patz-calc {}</span>. Dezelfde invoer \
         geeft hetzelfde document; elk getal is na te rekenen met <code>patz-calc \
         explain</code>.</p></footer>\n",
        env!("CARGO_PKG_VERSION")
    ));
    out.push_str("</body>\n</html>\n");
    out.into_bytes()
}

fn inhoud(out: &mut String, r: &Resultaat) {
    let mut items = vec![
        ("zorg", "De te verlenen zorg"),
        ("onderbouwing", "Onderbouwing"),
        ("zorgverleners", "De uitvoerende zorgverleners"),
        ("frequentie", "Frequentie en duur"),
        ("regio", "Locatie en regio"),
        ("kosten", "Geschatte kosten"),
        ("financiering", "Financiering"),
    ];
    if r.businesscase.is_some() {
        items.push(("zorgreductie", "Verwachte zorgreductie"));
        items.push(("saldo", "Saldo en netto contante waarde"));
    } else {
        items.push(("zorgreductie", "Verwachte zorgreductie"));
    }
    items.push(("waarschuwingen", "Waarschuwingen"));
    items.push(("bronnen", "Bronnen en aannames"));
    out.push_str("<nav class=\"inhoud\">\n<h3>Inhoud</h3>\n<ol>\n");
    for (id, t) in items {
        out.push_str(&format!("<li><a href=\"#{id}\">{}</a></li>\n", esc(t)));
    }
    out.push_str("</ol>\n</nav>\n");
}
