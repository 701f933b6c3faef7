//! `[impact]` and the six `[[indicator]]`s: the expected zorgreductie. Pure, no I/O.

use rust_decimal::Decimal;

use super::super::model::{Impact, Indicator, IndicatorId, Scenario};
use super::super::pad::nearest;
use super::super::schema::{self, IMPACT_NAMEN, INDICATOR_NAMEN};
use super::cx::{Cx, leeg};
use super::tabel::{Table, need};
use super::veld::Field;

/// `[impact]` with its `[[indicator]]`s into `s`.
pub(super) fn impact(
    cx: &mut Cx,
    impact_field: Option<Field<'_, '_, '_>>,
    indicator_field: Option<Field<'_, '_, '_>>,
    s: &mut Scenario,
) {
    if let Some(f) = impact_field {
        if let Some(t) = cx.table(&f) {
            let [kanker, discontering] = t.fields(&IMPACT_NAMEN);
            let kanker =
                need(cx, &t, kanker, "aandeel_kanker_percentage").and_then(|f| cx.percentage(&f));
            let discontering = match discontering {
                Some(f) => cx.percentage(&f),
                None => Some(Decimal::ZERO),
            };
            t.finish_fields(cx);
            let indicatoren = read_indicators(cx, &t, indicator_field.as_ref());
            if let (Some(kanker), Some(discontering), Some(indicatoren)) =
                (kanker, discontering, indicatoren)
            {
                s.impact = Some(Impact {
                    aandeel_kanker_percentage: kanker,
                    disconteringsvoet_percentage: discontering,
                    indicatoren,
                });
            }
        }
    } else if let Some(f) = indicator_field {
        cx.error(
            &f,
            "[[indicator]] zonder [impact]".to_string(),
            Some("voeg een sectie [impact] toe met aandeel_kanker_percentage".into()),
        );
    }
}

fn read_indicators(
    cx: &mut Cx,
    impact: &Table<'_, '_>,
    field: Option<&Field<'_, '_, '_>>,
) -> Option<Vec<Indicator>> {
    let Some(field) = field else {
        cx.error_at(
            impact.span.clone(),
            "indicator",
            "[impact] vraagt de zes [[indicator]]-secties; er is er geen".to_string(),
            Some(format!("ids: {}", ids_list())),
        );
        return None;
    };
    // Made at their size: growing them cost about 0.4 M instructions on 400 files.
    let mut found: Vec<Indicator> = Vec::with_capacity(IndicatorId::ALL.len());
    let mut seen: Vec<IndicatorId> = Vec::with_capacity(IndicatorId::ALL.len());
    let mut ok = true;
    cx.each_table(field, |cx, t| {
        let [id, basis, reductie, kosten, bron] = t.fields(&INDICATOR_NAMEN);
        let id = need(cx, t, id, "id").and_then(|f| {
            let text = cx.text_ref(&f)?;
            let Some(id) = IndicatorId::parse(text) else {
                let hint = nearest(text, IndicatorId::ALL.iter().map(|i| i.as_str()))
                    .map(|r| format!("bedoelde je '{r}'?"))
                    .or_else(|| Some(format!("geldige ids: {}", ids_list())));
                cx.error(&f, format!("onbekende indicator '{text}'"), hint);
                return None;
            };
            if seen.contains(&id) {
                cx.error(&f, format!("indicator '{text}' komt twee keer voor"), None);
                return None;
            }
            seen.push(id);
            Some(id)
        });
        let basis = need(cx, t, basis, "basis_percentage").and_then(|f| cx.percentage(&f));
        let reductie = need(cx, t, reductie, "reductie_percentage").and_then(|f| cx.percentage(&f));
        let [_, _, _, kosten_veld, bron_veld] = schema::INDICATOR;
        let kosten =
            need(cx, t, kosten, "kosten_per_geval").and_then(|f| cx.getal(&f, &kosten_veld));
        let bron = need(cx, t, bron, "bron").and_then(|f| {
            let max = bron_veld.grens.map_or(schema::BRON_MAX, |g| g.max);
            let text = cx.str_ref_max(&f, max)?;
            if leeg(text) {
                cx.error(&f, "mag niet leeg zijn".to_string(), None);
                return None;
            }
            Some(text.to_string())
        });
        t.finish_fields(cx);
        match (id, basis, reductie, kosten, bron) {
            (Some(id), Some(basis), Some(reductie), Some(kosten), Some(bron)) => {
                found.push(Indicator {
                    id,
                    basis_percentage: basis,
                    reductie_percentage: reductie,
                    kosten_per_geval: kosten,
                    bron,
                });
            }
            _ => ok = false,
        }
    });
    let missing: Vec<&str> = IndicatorId::ALL
        .iter()
        .filter(|id| !seen.contains(id))
        .map(|id| id.as_str())
        .collect();
    if !missing.is_empty() {
        cx.error(
            field,
            format!("ontbrekende indicator(en): {}", missing.join(", ")),
            Some("[impact] vraagt elk van de zes indicatoren precies één keer".into()),
        );
        return None;
    }
    if !ok {
        return None;
    }
    found.sort_by_key(|i| i.id);
    Some(found)
}

fn ids_list() -> String {
    IndicatorId::ALL
        .iter()
        .map(|i| i.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}
