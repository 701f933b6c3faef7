//! The chapter Gevoeligheid: the one-way sensitivity of netto, passed in by the caller, as a
//! tornado chart and a table. Pure, no I/O.

use rust_decimal::Decimal;

use crate::decimal::{dutch, euro, round_half_away};
use crate::onzekerheid::analyse::Gevoeligheid;
use crate::scenario::Scenario;

use crate::render::grafiek;
use crate::render::grafiek::hoofdletter;
use crate::scenario::param::{self, Soort};

use super::opmaak::{
    einde, esc, hoofdstuk, json, json_afgerond, parameter, tabel, td, td_n, th_attr,
};

/// "Gevoeligheid": the one-way sensitivity of netto to every declared `[[onzekerheid]]`, as a
/// tornado chart and a table (the same rows as `patz-calc sensitivity --format json`).
pub(super) fn gevoeligheid_hoofdstuk(out: &mut String, s: &Scenario, g: &Gevoeligheid) {
    hoofdstuk(out, "gevoeligheid", "Gevoeligheid");
    out.push_str(&format!(
        "<p>De verwachte zorgreductie rust op enkele studies. Hieronder staat wat het saldo (netto) \
         wordt als één onzekere invoer op zijn lage of hoge waarde staat en al het andere blijft \
         zoals beschreven. Netto zoals beschreven: <span class=\"n\"{}>{}</span>. De lage en hoge waarde zijn \
         het minimum en maximum van de verdeling; bij een normale, lognormale of beta-verdeling \
         het 2,5 %- en het 97,5 %-punt, zodat een waarde daarbuiten maar zelden voorkomt.</p>\n",
        json("sensitivity", "/basis"),
        esc(&euro(g.basis))
    ));
    if let Some(t) = grafiek::tornado(s, g) {
        out.push_str(&t.figuur());
    }
    let rijen: Vec<Vec<String>> = g
        .rijen
        .iter()
        .enumerate()
        .map(|(k, r)| {
            let at = |veld: &str| json("sensitivity", &format!("/rijen/{k}/{veld}"));
            let verdeling = s
                .onzekerheden
                .iter()
                .find(|o| o.parameter == r.pad)
                .map_or("", |o| verdeling_naam(&o.verdeling));
            let (dp, voor, na) = afronding(s, &r.pad);
            let waarde = |v: Decimal, veld: &str| {
                td_n(
                    &format!("{voor}{}{na}", dutch(round_half_away(v, dp), dp)),
                    &json_afgerond("sensitivity", &format!("/rijen/{k}/{veld}"), dp),
                )
            };
            vec![
                th_attr(&hoofdletter(&param::label(s, &r.pad)), &parameter(&r.pad)),
                td(verdeling),
                waarde(r.laag, "laag"),
                waarde(r.hoog, "hoog"),
                td_n(&euro(r.uitkomst_laag), &at("uitkomst_laag")),
                td_n(&euro(r.uitkomst_hoog), &at("uitkomst_hoog")),
                td_n(&euro(r.swing), &at("verschil")),
            ]
        })
        .collect();
    tabel(
        out,
        "Gevoeligheid van het saldo, grootste verschil eerst",
        &[
            ("Onzekere invoer", false),
            ("Verdeling", false),
            ("Laag", true),
            ("Hoog", true),
            ("Netto bij laag", true),
            ("Netto bij hoog", true),
            ("Verschil", true),
        ],
        &rijen,
    );
    einde(out);
}

/// How a parameter's low and high value are shown, as a person writes them: decimals and
/// unit by its kind (a percentage with one decimal, an amount in cents, a count whole,
/// hours with two decimals, an amount in euro).
fn afronding(s: &Scenario, pad: &str) -> (u32, &'static str, &'static str) {
    match param::Param::resolve(s, pad).map(|p| p.soort) {
        Ok(Soort::Percentage) => (1, "", " %"),
        Ok(Soort::Aantal { .. }) => (0, "", ""),
        Ok(Soort::Bedrag) => (2, "€ ", ""),
        _ => (2, "", ""),
    }
}

fn verdeling_naam(v: &crate::scenario::Verdeling) -> &'static str {
    use crate::scenario::Verdeling as V;
    match v {
        V::Driehoek { .. } => "driehoek",
        V::Uniform { .. } => "uniform",
        V::Pert { .. } => "PERT",
        V::Normaal { .. } => "normaal",
        V::Lognormaal { .. } => "lognormaal",
        V::Beta { .. } => "beta",
    }
}
