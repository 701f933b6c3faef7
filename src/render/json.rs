//! JSON output: amounts and ratios as decimal strings so that no precision is lost. Pure, no I/O.

use rust_decimal::Decimal;
use serde_json::{Map, Value, json};

use crate::calc::cost::{Kosten, Totalen};
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

fn totalen(map: &mut Map<String, Value>, t: &Totalen) {
    map.insert("kosten_totaal".into(), dec(t.kosten_totaal, 2));
    map.insert("elders_gefinancierd".into(), dec(t.elders_gefinancierd, 2));
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
                        "post": r.post.as_str(),
                        "rol": r.rol,
                        "uren": opt(r.uren, 2),
                        "bedrag": dec(r.bedrag, 2),
                        "financiering": r.financiering.as_str(),
                    })
                })
                .collect();
            let mut m = Map::new();
            m.insert("jaar".into(), json!(j.jaar));
            m.insert("regels".into(), Value::Array(regels));
            totalen(&mut m, &j.totalen);
            Value::Object(m)
        })
        .collect();
    let mut totaal = Map::new();
    totalen(&mut totaal, &k.totaal);
    finish(&json!({
        "scenario": s.naam,
        "jaren": jaren,
        "totaal": totaal,
    }))
}
