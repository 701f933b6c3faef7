//! `[financiering]`: the roles of `elders_gefinancierd`, `[[financiering.elders]]` (a role or a
//! non-role post financed elsewhere, per year and in part) and `[[financiering.nagegaan]]`
//! (answered double-financing reminders), with the check that no two entries cover the same
//! line in the same year. Pure, no I/O.

use rust_decimal::Decimal;

use super::super::model::{EldersDoel, EldersFinanciering, FINANCIER_ELDERS, Nagegaan, Scenario};
use super::super::pad::nearest;
use super::super::schema::{
    self, FINANCIERING_ELDERS_NAMEN, FINANCIERING_NAGEGAAN_NAMEN, FINANCIERING_NAMEN,
};
use super::cx::{Cx, leeg};
use super::rollen::Rollen;
use super::tabel::{FINANCIER_HINT, Table, need, need_with};
use super::veld::{Field, items_of};

/// `[financiering]` into `s`; `horizon`: the first and last year, when known. The
/// `[[kostenpost]]` ids must be read already (a post may name one).
pub(super) fn financiering(
    cx: &mut Cx,
    financiering_field: Option<Field<'_, '_, '_>>,
    rollen: &Rollen<'_>,
    horizon: Option<(i32, i32)>,
    s: &mut Scenario,
) {
    let Some(f) = financiering_field else {
        return;
    };
    let Some(t) = cx.table(&f) else {
        return;
    };
    let [lijst, elders, nagegaan] = t.fields(&FINANCIERING_NAMEN);
    if let Some(lf) = lijst
        && let Some(items) = cx.array(&lf)
    {
        let parent = lf.path.build();
        for field in items_of(&parent, items) {
            if let Some(rol) = cx.text(&field) {
                if s.elders_gefinancierd.contains(&rol) {
                    cx.error(&field, format!("rol '{rol}' staat er al in"), None);
                } else if let Some(gedeeld) = rollen.check(cx, &rol, field.path, field.value.span())
                {
                    s.elders_gefinancierd.push(rol);
                    s.financiering_elders.push(EldersFinanciering {
                        doel: EldersDoel::Rol(gedeeld),
                        percentage: Decimal::ONE_HUNDRED,
                        vanaf: None,
                        tot_en_met: None,
                        financier: FINANCIER_ELDERS.to_string(),
                        path: field.path.build(),
                    });
                }
            }
        }
    }
    if let Some(ef) = elders {
        for et in cx.tables(&ef) {
            if let Some(e) = entry(cx, &et, rollen, horizon, s) {
                s.financiering_elders.push(e);
            }
        }
    }
    if let Some(nf) = nagegaan {
        for nt in cx.tables(&nf) {
            if let Some(n) = answer(cx, &nt, rollen, s) {
                s.nagegaan.push(n);
            }
        }
    }
    t.finish_fields(cx);
}

/// One `[[financiering.elders]]`; `None` (with the errors reported) when it is not valid or
/// overlaps an earlier entry.
fn entry(
    cx: &mut Cx,
    t: &Table<'_, '_>,
    rollen: &Rollen<'_>,
    horizon: Option<(i32, i32)>,
    s: &Scenario,
) -> Option<EldersFinanciering> {
    let [rol, post, percentage, vanaf, tot_en_met, financier] =
        t.fields(&FINANCIERING_ELDERS_NAMEN);
    let doel = doel(cx, t, rol, post, rollen, s);
    let percentage = match percentage {
        Some(f) => deel(cx, &f),
        None => Some(Decimal::ONE_HUNDRED),
    };
    let jaar = |cx: &mut Cx, f: Option<Field<'_, '_, '_>>| match f {
        None => Some(None),
        Some(f) => cx
            .year_in(
                &f,
                horizon,
                Some(
                    "kies een jaar van de looptijd, of laat vanaf en tot_en_met weg voor de \
                     hele looptijd",
                ),
            )
            .map(Some),
    };
    let tot_field = tot_en_met;
    let vanaf = jaar(cx, vanaf);
    let tot = jaar(cx, tot_en_met);
    let financier =
        need_with(cx, t, financier, "financier", FINANCIER_HINT).and_then(|f| cx.text(&f));
    t.finish_fields(cx);
    let ((doel, doel_field), percentage, vanaf, tot, financier) =
        (doel?, percentage?, vanaf?, tot?, financier?);
    if let (Some(vanaf), Some(tot)) = (vanaf, tot)
        && vanaf > tot
    {
        if let Some(f) = tot_field {
            cx.error(
                &f,
                format!("tot_en_met {tot} ligt voor vanaf {vanaf}"),
                Some("tot_en_met is het laatste jaar, vanaf het eerste".into()),
            );
        }
        return None;
    }
    let nieuw = EldersFinanciering {
        doel,
        percentage,
        vanaf,
        tot_en_met: tot,
        financier,
        path: t.path.clone(),
    };
    if overlapt(cx, &nieuw, &doel_field, horizon, s) {
        return None;
    }
    Some(nieuw)
}

/// What an entry finances elsewhere, `rol` or `post` (exactly one of them), with its field.
fn doel<'a, 'i, 't>(
    cx: &mut Cx,
    t: &Table<'_, '_>,
    rol: Option<Field<'a, 'i, 't>>,
    post: Option<Field<'a, 'i, 't>>,
    rollen: &Rollen<'_>,
    s: &Scenario,
) -> Option<(EldersDoel, Field<'a, 'i, 't>)> {
    match (rol, post) {
        (Some(r), None) => cx
            .text_ref(&r)
            .and_then(|naam| rollen.check(cx, naam, r.path, r.value.span()))
            .map(|g| (EldersDoel::Rol(g), r)),
        (None, Some(p)) => cx
            .text_ref(&p)
            .and_then(|naam| post_doel(cx, &p, naam, s))
            .map(|d| (d, p)),
        (Some(_), Some(p)) => {
            cx.error(
                &p,
                "geef 'rol' of 'post', niet allebei".to_string(),
                Some(
                    "maak voor de rol en voor de post elk een eigen [[financiering.elders]]".into(),
                ),
            );
            None
        }
        (None, None) => {
            cx.missing(
                t,
                "rol",
                Some(
                    "geef de rol (rol = \"consulent\") of de post (post = \"projectleiding\") \
                     die elders betaald wordt"
                        .into(),
                ),
            );
            None
        }
    }
}

/// The entry's `percentage`: a percentage above 0.
fn deel(cx: &mut Cx, f: &Field<'_, '_, '_>) -> Option<Decimal> {
    let p = cx.percentage(f)?;
    if p.is_zero() {
        cx.error(
            f,
            "het percentage moet groter dan 0 zijn (gevonden: 0)".to_string(),
            Some("laat een regel die helemaal via TAPA$ loopt weg".into()),
        );
        return None;
    }
    Some(p)
}

/// Whether `nieuw` covers a line of an earlier entry in one of the same years (reported at
/// `doel_field`, its `rol` or `post`).
fn overlapt(
    cx: &mut Cx,
    nieuw: &EldersFinanciering,
    doel_field: &Field<'_, '_, '_>,
    horizon: Option<(i32, i32)>,
    s: &Scenario,
) -> bool {
    // The years each covers, a missing bound being the horizon's.
    let (eerste, laatste) = horizon.unwrap_or((i32::MIN, i32::MAX));
    let jaren =
        |e: &EldersFinanciering| (e.vanaf.unwrap_or(eerste), e.tot_en_met.unwrap_or(laatste));
    let (va, ta) = jaren(nieuw);
    let Some(eerder) = s.financiering_elders.iter().find(|e| {
        let (vb, tb) = jaren(e);
        e.doel == nieuw.doel && vb <= ta && va <= tb
    }) else {
        return false;
    };
    let (vb, tb) = jaren(eerder);
    let (a, b) = (va.max(vb), ta.min(tb));
    let jaren = if a == b {
        format!("{a}")
    } else {
        format!("{a}–{b}")
    };
    let wat = match &nieuw.doel {
        EldersDoel::Rol(r) => format!("de uren van rol '{r}' staan"),
        EldersDoel::Post(p) => format!("post '{p}' staat"),
    };
    cx.error(
        doel_field,
        format!(
            "{wat} in {jaren} al in {} (twee regels voor dezelfde kosten in hetzelfde jaar)",
            eerder.path
        ),
        Some(
            "geef elk jaar één regel per rol of post; gebruik vanaf en tot_en_met om de jaren te \
             verdelen"
                .into(),
        ),
    );
    true
}

/// The post `naam` of `field` as a target: a non-role post or a `[[kostenpost]]` id.
fn post_doel(
    cx: &mut Cx,
    field: &Field<'_, '_, '_>,
    naam: &str,
    s: &Scenario,
) -> Option<EldersDoel> {
    if schema::POSTEN_ZONDER_ROL.contains(&naam) || s.kostenposten.iter().any(|k| k.id == naam) {
        return Some(EldersDoel::Post(naam.to_string()));
    }
    let (message, hint) = if naam == schema::POST_OVERHEAD {
        (
            "de overhead kan niet elders gefinancierd worden: hij is het percentage over de \
             TAPA$-regels"
                .to_string(),
            Some("laat deze regel weg; de overhead daalt vanzelf met de TAPA$-regels".to_string()),
        )
    } else if schema::POSTEN_MET_ROL.contains(&naam) {
        (
            format!("post '{naam}' bestaat uit uren per rol"),
            Some("geef de rol die elders betaald wordt: rol = \"…\"".to_string()),
        )
    } else {
        let kandidaten = schema::POSTEN_ZONDER_ROL
            .iter()
            .copied()
            .chain(s.kostenposten.iter().map(|k| k.id.as_str()));
        let hint = nearest(naam, kandidaten.clone())
            .map(|p| format!("bedoelde je '{p}'?"))
            .unwrap_or_else(|| {
                format!(
                    "geldige posten: {}",
                    kandidaten.collect::<Vec<_>>().join(", ")
                )
            });
        (format!("onbekende post '{naam}'"), Some(hint))
    };
    cx.error(field, message, hint);
    None
}

/// The fix for a missing or empty `toelichting`.
const TOELICHTING_HINT: &str = "schrijf wat is nagegaan, bijv. met wie en per wanneer";

/// One `[[financiering.nagegaan]]`.
fn answer(cx: &mut Cx, t: &Table<'_, '_>, rollen: &Rollen<'_>, s: &Scenario) -> Option<Nagegaan> {
    let [rol, toelichting] = t.fields(&FINANCIERING_NAGEGAAN_NAMEN);
    let [_, toelichting_veld] = schema::FINANCIERING_NAGEGAAN;
    let rol = need(cx, t, rol, "rol").and_then(|f| {
        let naam = cx.text_ref(&f)?;
        let gedeeld = rollen.check(cx, naam, f.path, f.value.span())?;
        if let Some(eerder) = s.nagegaan.iter().find(|n| n.rol == gedeeld) {
            cx.error(
                &f,
                format!("rol '{naam}' is al nagegaan in {}", eerder.path),
                Some("zet alles wat is nagegaan in één toelichting".into()),
            );
            return None;
        }
        Some(gedeeld)
    });
    let max = toelichting_veld.grens.map_or(schema::BRON_MAX, |g| g.max);
    let toelichting =
        need_with(cx, t, toelichting, "toelichting", TOELICHTING_HINT).and_then(|f| {
            let text = cx.str_ref_max(&f, max)?;
            if leeg(text) {
                cx.error(
                    &f,
                    "mag niet leeg zijn".to_string(),
                    Some(TOELICHTING_HINT.into()),
                );
                return None;
            }
            Some(text.to_string())
        });
    t.finish_fields(cx);
    Some(Nagegaan {
        rol: rol?,
        toelichting: toelichting?,
        path: t.path.clone(),
    })
}
