//! Each insurer's businesscase and the region's view of all chosen offers (calc::per_verzekeraar)
//! as table sections, as the `verzekeraars` and `regio` objects of JSON, and as the CSV of
//! `offers --per verzekeraar` (docs/rekenregels.md § 7.2). It uses the table and JSON helpers;
//! `render::offers` and `render::business_case` hand its parts to the table and JSON reports.
//! Pure, no I/O.

use comfy_table::Cell;
use rust_decimal::Decimal;
use serde_json::{Value, json};

use super::csv::{Csv, text};
use super::json::{dec, opt};
use super::table::{YearTable, new_table, percent, right, section};
use crate::calc::cost::Kosten;
use crate::calc::per_verzekeraar::{PerVerzekeraar, RegioCijfers, VerzekeraarCijfers};
use crate::decimal::{dutch, euro};
use crate::scenario::Scenario;

/// The label of the chosen offer `gekozen`, if there is one.
fn gekozen_label(s: &Scenario, gekozen: Option<usize>) -> Option<&str> {
    gekozen
        .and_then(|g| s.aanbiedingen.get(g))
        .map(|a| a.label.as_str())
}

/// A ratio in percent with one decimal, or a dash without one.
fn procent(v: Option<Decimal>) -> String {
    v.map_or_else(|| "—".to_string(), |v| format!("{} %", dutch(v, 1)))
}

/// An amount, or a dash without one.
fn bedrag(v: Option<Decimal>) -> String {
    v.map_or_else(|| "—".to_string(), euro)
}

/// The sections "Businesscase per verzekeraar" (over the horizon) and "Regio: alle gekozen
/// aanbiedingen" (per year), which a table report appends.
pub(crate) fn tabel(s: &Scenario, k: &Kosten, p: &PerVerzekeraar) -> String {
    let mut out = String::new();
    if !p.verzekeraars.is_empty() {
        let mut t = new_table([
            "Verzekeraar",
            "Marktaandeel",
            "Gekozen aanbod",
            "Kostenaandeel",
            "Betaling",
            "Vermeden kosten",
            "Netto",
            "ROI",
        ]);
        for z in &p.verzekeraars {
            let Some(v) = s.verzekeraars.get(z.verzekeraar) else {
                continue;
            };
            let c = &z.totaal;
            t.add_row(vec![
                Cell::new(&v.naam),
                right(percent(v.marktaandeel_percentage)),
                Cell::new(gekozen_label(s, z.gekozen_aanbod).unwrap_or("geen aanbod")),
                right(euro(c.kostenaandeel)),
                right(euro(c.betaling)),
                right(bedrag(c.vermeden_kosten)),
                right(bedrag(c.netto)),
                right(procent(c.roi_percentage)),
            ]);
        }
        section(&mut out, "Businesscase per verzekeraar (looptijd)", &t);
        out.push_str(
            "Betaling: wat het gekozen aanbod (het gecontracteerde, anders het beste) de regio \
             betaalt. Vermeden kosten: het deel van de vermeden kosten bij de eigen verzekerden \
             (naar marktaandeel). Netto = vermeden kosten − betaling: wat de verzekeraar zelf \
             bespaart; ROI = netto / betaling.\n\n",
        );
    }
    let mut t = YearTable::new(k, "", "Totaal");
    let regio = &p.regio;
    let rij = |f: fn(&RegioCijfers) -> Decimal| -> (Vec<Decimal>, Decimal) {
        (
            regio.jaren.iter().map(|(_, c)| f(c)).collect(),
            f(&regio.totaal),
        )
    };
    let (j, tot) = rij(|c| c.te_financieren);
    t.row("Te financieren via TAPA$", j, tot);
    let (j, tot) = rij(|c| c.opbrengst);
    t.row("Opbrengst gekozen aanbiedingen", j, tot);
    let (j, tot) = rij(|c| c.tekort);
    t.row("Tekort (negatief: overschot)", j, tot);
    let mut dekking: Vec<String> = regio
        .jaren
        .iter()
        .map(|(_, c)| procent(c.dekking_percentage))
        .collect();
    dekking.push(procent(regio.totaal.dekking_percentage));
    t.text_row("Dekking", dekking);
    t.finish(&mut out, "Regio: alle gekozen aanbiedingen samen");
    out
}

/// An insurer's figures as a JSON object (with `jaar` for a year).
fn cijfers_json(jaar: Option<i32>, c: &VerzekeraarCijfers) -> Value {
    let mut v = json!({
        "kostenaandeel": dec(c.kostenaandeel, 2),
        "betaling": dec(c.betaling, 2),
        "vermeden_kosten": opt(c.vermeden_kosten, 2),
        "netto": opt(c.netto, 2),
        "roi_percentage": opt(c.roi_percentage, 1),
    });
    if let (Some(jaar), Value::Object(m)) = (jaar, &mut v) {
        let mut met_jaar = serde_json::Map::new();
        met_jaar.insert("jaar".into(), json!(jaar));
        met_jaar.append(m);
        return Value::Object(met_jaar);
    }
    v
}

/// The region's figures as a JSON object (with `jaar` for a year).
fn regio_json(jaar: Option<i32>, c: &RegioCijfers) -> Value {
    let mut m = serde_json::Map::new();
    if let Some(jaar) = jaar {
        m.insert("jaar".into(), json!(jaar));
    }
    m.insert("te_financieren".into(), dec(c.te_financieren, 2));
    m.insert("opbrengst".into(), dec(c.opbrengst, 2));
    m.insert("tekort".into(), dec(c.tekort, 2));
    m.insert("dekking_percentage".into(), opt(c.dekking_percentage, 1));
    Value::Object(m)
}

/// Whether `offers --format json` carries the `verzekeraars` array and the `regio` object:
/// whenever the scenario has a `[[verzekeraar]]`, contracted offer or not, so that a script reads
/// each insurer's businesscase and the region's tekort in the same place before and after the
/// contract is signed; and, as asked, with `--per verzekeraar` (docs/rekenregels.md § 7.2). The
/// tables show those sections only with a contracted offer or `--per verzekeraar`
/// ([`crate::calc::per_verzekeraar::getoond`]).
pub(crate) fn in_json(s: &Scenario, per_verzekeraar: bool) -> bool {
    per_verzekeraar || !s.verzekeraars.is_empty()
}

/// The `verzekeraars` array and the `regio` object of `offers --format json`.
pub(crate) fn json(s: &Scenario, p: &PerVerzekeraar) -> (Value, Value) {
    let verzekeraars: Vec<Value> = p
        .verzekeraars
        .iter()
        .filter_map(|z| {
            let v = s.verzekeraars.get(z.verzekeraar)?;
            let share = v.marktaandeel_percentage.normalize();
            Some(json!({
                "naam": v.naam,
                "marktaandeel_percentage": dec(share, share.scale()),
                "gekozen_aanbod": gekozen_label(s, z.gekozen_aanbod),
                "jaren": z.jaren.iter().map(|(j, c)| cijfers_json(Some(*j), c)).collect::<Vec<_>>(),
                "totaal": cijfers_json(None, &z.totaal),
            }))
        })
        .collect();
    let regio = json!({
        "jaren": p.regio.jaren.iter().map(|(j, c)| regio_json(Some(*j), c)).collect::<Vec<_>>(),
        "totaal": regio_json(None, &p.regio.totaal),
    });
    (Value::Array(verzekeraars), regio)
}

/// `offers --per verzekeraar --format csv`: one row per insurer and year, then a row `totaal`
/// per insurer.
pub fn csv(s: &Scenario, p: &PerVerzekeraar, nl: bool) -> Vec<u8> {
    let mut csv = Csv::new(
        nl,
        &[
            "jaar",
            "verzekeraar",
            "marktaandeel_percentage",
            "gekozen_aanbod",
            "kostenaandeel",
            "betaling",
            "vermeden_kosten",
            "netto",
            "roi_percentage",
        ],
    );
    for z in &p.verzekeraars {
        let Some(v) = s.verzekeraars.get(z.verzekeraar) else {
            continue;
        };
        let share = v.marktaandeel_percentage.normalize();
        let label = text(gekozen_label(s, z.gekozen_aanbod).unwrap_or(""));
        let rijen = z
            .jaren
            .iter()
            .map(|(j, c)| (j.to_string(), c))
            .chain(std::iter::once(("totaal".to_string(), &z.totaal)));
        for (jaar, c) in rijen {
            let row = [
                jaar,
                text(&v.naam),
                csv.num(share, share.scale()),
                label.clone(),
                csv.num(c.kostenaandeel, 2),
                csv.num(c.betaling, 2),
                csv.opt(c.vermeden_kosten, 2),
                csv.opt(c.netto, 2),
                csv.opt(c.roi_percentage, 1),
            ];
            csv.row(row);
        }
    }
    csv.finish()
}
