//! JSON output: amounts and ratios as decimal strings so that no precision is lost. Pure, no I/O.

use rust_decimal::Decimal;
use serde_json::{Map, Value, json};

use crate::calc::businesscase::{BusinessCase, Saldo};
use crate::calc::cost::{Kosten, Totalen};
use crate::calc::explain::Uitleg;
use crate::calc::impact::{ImpactResultaat, IndicatorJaar};
use crate::calc::offers::Aanbiedingen;
use crate::calc::overzicht::tekort_als_enige;
use crate::decimal::fixed;
use crate::scenario::Scenario;

/// A decimal string with exactly `dp` decimals.
pub(crate) fn dec(value: Decimal, dp: u32) -> Value {
    Value::String(fixed(value, dp))
}

/// A decimal string, or `null`.
pub(crate) fn opt(value: Option<Decimal>, dp: u32) -> Value {
    value.map_or(Value::Null, |v| dec(v, dp))
}

/// Pretty JSON with a final newline.
pub(crate) fn finish(value: &Value) -> Vec<u8> {
    let mut out = serde_json::to_vec_pretty(value).unwrap_or_default();
    out.push(b'\n');
    out
}

/// The totals; `bijdragen` only for a scenario with `[[bijdrage]]`s (without, the output stays
/// as it was before contributions existed).
fn totalen(map: &mut Map<String, Value>, s: &Scenario, t: &Totalen) {
    map.insert("kosten_totaal".into(), dec(t.kosten_totaal, 2));
    map.insert("elders_gefinancierd".into(), dec(t.elders_gefinancierd, 2));
    if !s.bijdragen.is_empty() {
        map.insert("bijdragen".into(), dec(t.bijdragen, 2));
    }
    map.insert("te_financieren".into(), dec(t.te_financieren, 2));
    map.insert(
        "kostendekkend_tarief".into(),
        dec(t.kostendekkend_tarief, 2),
    );
}

/// `cost --format json`.
pub fn cost(s: &Scenario, k: &Kosten) -> Vec<u8> {
    let jaren: Vec<Value> = k
        .jaren
        .iter()
        .map(|j| {
            let regels: Vec<Value> = j
                .regels
                .iter()
                .map(|r| {
                    json!({
                        "jaar": r.jaar,
                        "groep": super::groep_naam(s, r.groep),
                        "post": r.post.naam(s),
                        "rol": r.rol.as_deref(),
                        "uren": opt(r.uren, 2),
                        "bedrag": dec(r.bedrag, 2),
                        "financiering": r.financiering.as_str(),
                    })
                })
                .collect();
            let mut m = Map::new();
            m.insert("jaar".into(), json!(j.jaar));
            m.insert("regels".into(), Value::Array(regels));
            totalen(&mut m, s, &j.totalen);
            Value::Object(m)
        })
        .collect();
    let mut totaal = Map::new();
    totalen(&mut totaal, s, &k.totaal);
    finish(&json!({
        "scenario": s.naam,
        "jaren": jaren,
        "totaal": totaal,
    }))
}

fn indicator(jaar: Option<i32>, i: &IndicatorJaar) -> Value {
    let mut m = Map::new();
    if let Some(j) = jaar {
        m.insert("jaar".into(), json!(j));
    }
    m.insert("indicator".into(), json!(i.indicator.as_str()));
    m.insert("basis".into(), dec(i.basis, 1));
    m.insert("vermeden".into(), dec(i.vermeden, 1));
    m.insert("met_patz".into(), dec(i.met_patz, 1));
    m.insert("vermeden_kosten".into(), dec(i.vermeden_kosten, 2));
    Value::Object(m)
}

/// `impact --format json`.
pub fn impact(s: &Scenario, r: &ImpactResultaat) -> Vec<u8> {
    let jaren: Vec<Value> = r
        .jaren
        .iter()
        .map(|j| {
            json!({
                "jaar": j.jaar,
                "patienten": dec(j.patienten, 1),
                "indicatoren": j.indicatoren.iter().map(|i| indicator(Some(j.jaar), i)).collect::<Vec<_>>(),
                "vermeden_kosten": dec(j.vermeden_kosten, 2),
            })
        })
        .collect();
    finish(&json!({
        "scenario": s.naam,
        "jaren": jaren,
        "totaal": {
            "patienten": dec(r.patienten, 1),
            "indicatoren": r.totaal.iter().map(|i| indicator(None, i)).collect::<Vec<_>>(),
            "vermeden_kosten": dec(r.vermeden_kosten, 2),
        },
    }))
}

/// `offers --format json`.
/// `offers --format json`; with `per_verzekeraar`, also the `verzekeraars` and `regio` objects
/// (as `per_verzekeraar::json` renders them).
pub fn offers(
    s: &Scenario,
    k: &Kosten,
    a: &Aanbiedingen,
    per_verzekeraar: Option<(Value, Value)>,
) -> Vec<u8> {
    let label = |ai: usize| s.aanbiedingen.get(ai).map(|x| x.label.clone());
    let insurer = |ai: usize| s.aanbiedingen.get(ai).map(|x| x.verzekeraar.clone());
    let jaren: Vec<Value> = k
        .jaren
        .iter()
        .zip(&a.niet_toegerekend)
        .map(|(j, (_, niet))| {
            let rows: Vec<Value> = a
                .regels
                .iter()
                .filter(|r| r.jaar == j.jaar)
                .map(|r| {
                    json!({
                        "jaar": r.jaar,
                        "aanbod": label(r.aanbod),
                        "verzekeraar": insurer(r.aanbod),
                        "kostenaandeel": dec(r.kostenaandeel, 2),
                        "opbrengst": dec(r.opbrengst, 2),
                        "saldo": dec(r.saldo, 2),
                        "dekking_percentage": opt(r.dekking_percentage, 1),
                    })
                })
                .collect();
            json!({
                "jaar": j.jaar,
                "te_financieren": dec(j.totalen.te_financieren, 2),
                "aanbiedingen": rows,
                "niet_toegerekend": dec(*niet, 2),
            })
        })
        .collect();
    let totalen: Vec<Value> = a
        .totalen
        .iter()
        .map(|t| {
            json!({
                "aanbod": label(t.aanbod),
                "verzekeraar": insurer(t.aanbod),
                "jaren": s.aanbiedingen.get(t.aanbod).map(|x| x.jaren.clone()).unwrap_or_default(),
                "kostenaandeel": dec(t.kostenaandeel, 2),
                "opbrengst": dec(t.opbrengst, 2),
                "saldo": dec(t.saldo, 2),
                "dekking_percentage": opt(t.dekking_percentage, 1),
            })
        })
        .collect();
    let verzekeraars: Vec<Value> = a
        .verzekeraars
        .iter()
        .filter_map(|v| {
            let naam = s.verzekeraars.get(v.verzekeraar)?;
            Some(json!({
                "verzekeraar": naam.naam,
                "marktaandeel_percentage": dec(naam.marktaandeel_percentage.normalize(), naam.marktaandeel_percentage.normalize().scale()),
                "verzekerden": dec(v.verzekerden, 1),
                "kostenaandeel": dec(v.kostenaandeel, 2),
                "break_even_tarief": opt(v.break_even_tarief, 2),
                "beste_aanbod": v.beste_aanbod.and_then(label),
                "tekort_als_enige": dec(tekort_als_enige(k, a, v), 2),
            }))
        })
        .collect();
    let mut doc = json!({
        "scenario": s.naam,
        "jaren": jaren,
        "totaal": {
            "te_financieren": dec(k.totaal.te_financieren, 2),
            "aanbiedingen": totalen,
            "verzekeraars": verzekeraars,
            "niet_toegerekend": dec(a.niet_toegerekend_totaal, 2),
        },
    });
    if let (Some((verzekeraars, regio)), Value::Object(m)) = (per_verzekeraar, &mut doc) {
        m.insert("verzekeraars".into(), verzekeraars);
        m.insert("regio".into(), regio);
    }
    finish(&doc)
}

fn saldo(map: &mut Map<String, Value>, sc: &Scenario, s: &Saldo) {
    totalen(map, sc, &s.kosten);
    map.insert("vermeden_kosten".into(), dec(s.vermeden_kosten, 2));
    map.insert("netto".into(), dec(s.netto, 2));
    map.insert("roi_percentage".into(), opt(s.roi_percentage, 1));
}

/// `business-case --format json`.
pub fn business_case(s: &Scenario, b: &BusinessCase) -> Vec<u8> {
    let jaren: Vec<Value> = b
        .jaren
        .iter()
        .map(|(jaar, sj)| {
            let mut m = Map::new();
            m.insert("jaar".into(), json!(jaar));
            saldo(&mut m, s, sj);
            Value::Object(m)
        })
        .collect();
    let mut totaal = Map::new();
    saldo(&mut totaal, s, &b.totaal);
    totaal.insert(
        "break_even_factor".into(),
        opt(b.totaal.break_even_factor, 3),
    );
    totaal.insert(
        "netto_contante_waarde".into(),
        dec(b.netto_contante_waarde, 2),
    );
    finish(&json!({
        "scenario": s.naam,
        "jaren": jaren,
        "totaal": totaal,
    }))
}

/// `explain --format json`.
pub fn explain(s: &Scenario, lines: &[Uitleg]) -> Vec<u8> {
    let rows: Vec<Value> = lines
        .iter()
        .map(|l| {
            json!({
                "jaar": l.jaar,
                "groep": l.groep,
                "post": l.post,
                "rol": l.rol,
                "formule": l.formule,
                "exact": l.exact.map(|x| x.normalize().to_string()),
                "uitkomst": dec(l.uitkomst, l.eenheid.decimals()),
                "regel": l.line(),
            })
        })
        .collect();
    finish(&json!({
        "scenario": s.naam,
        "regels": rows,
    }))
}
