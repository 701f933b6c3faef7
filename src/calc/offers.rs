//! Insurers' offers against the region's costs (docs/rekenregels.md). Pure, no I/O.

use rust_decimal::Decimal;

use super::cost::Kosten;
use super::{CalcError, binnen_grens, euro_bedrag};
use crate::decimal::exact::{Afronding, Exact};
use crate::scenario::Scenario;

/// One offer in one of its contract years.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AanbodJaar {
    /// Calendar year.
    pub jaar: i32,
    /// Index into [`Scenario::aanbiedingen`].
    pub aanbod: usize,
    /// The insurer's share of `te_financieren`, in cents.
    pub kostenaandeel: Decimal,
    /// `min(tarief × verzekerden_v, plafond)`, in cents.
    pub opbrengst: Decimal,
    /// `opbrengst − kostenaandeel`.
    pub saldo: Decimal,
    /// `opbrengst / kostenaandeel × 100`, one decimal; `None` when the share is zero.
    pub dekking_percentage: Option<Decimal>,
}

/// One insurer over the horizon.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerzekeraarResultaat {
    /// Index into [`Scenario::verzekeraars`].
    pub verzekeraar: usize,
    /// `verzekerden × marktaandeel / 100` (exact); with verzekerden per year, the first year's.
    pub verzekerden: Decimal,
    /// `verzekerden_v(y) = verzekerden(y) × marktaandeel / 100` per year (exact), in horizon
    /// order.
    pub verzekerden_per_jaar: Vec<Decimal>,
    /// The insurer's share of `te_financieren` per year (cents), in horizon order.
    pub kostenaandeel_per_jaar: Vec<Decimal>,
    /// Σ of its yearly shares.
    pub kostenaandeel: Decimal,
    /// The flat tariff per verzekerde per year that covers its share over the horizon,
    /// `Σ kostenaandeel / Σ verzekerden_v(y)`, rounded up to the cent; `None` when it has no
    /// verzekerden.
    pub break_even_tarief: Option<Decimal>,
    /// Its offer with the highest total opbrengst over the horizon (first in file order on a tie).
    pub beste_aanbod: Option<usize>,
    /// Its chosen offer ([`gekozen_aanbod`]): the contracted one, else [`Self::beste_aanbod`].
    pub gekozen_aanbod: Option<usize>,
}

/// One offer summed over its contract years.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AanbodTotaal {
    /// Index into [`Scenario::aanbiedingen`].
    pub aanbod: usize,
    /// Σ kostenaandeel over the offer's years.
    pub kostenaandeel: Decimal,
    /// Σ opbrengst.
    pub opbrengst: Decimal,
    /// Σ saldo.
    pub saldo: Decimal,
    /// Σ opbrengst / Σ kostenaandeel × 100, one decimal.
    pub dekking_percentage: Option<Decimal>,
}

/// All offers over the horizon.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Aanbiedingen {
    /// Year × offer, in year order and then file order.
    pub regels: Vec<AanbodJaar>,
    /// Per offer over its years, in file order.
    pub totalen: Vec<AanbodTotaal>,
    /// Per insurer, in file order.
    pub verzekeraars: Vec<VerzekeraarResultaat>,
    /// Per year: the part of `te_financieren` that no insurer carries.
    pub niet_toegerekend: Vec<(i32, Decimal)>,
    /// Σ `niet_toegerekend`.
    pub niet_toegerekend_totaal: Decimal,
}

/// Dekking in percent, one decimal: `opbrengst / kostenaandeel × 100`, rounded half away from
/// zero from its exact value; `None` for a zero denominator.
pub fn dekking(opbrengst: Decimal, kostenaandeel: Decimal) -> Option<Decimal> {
    ratio(
        &Exact::from(opbrengst).mul(&Exact::from(100u64)),
        &Exact::from(kostenaandeel),
        1,
    )
}

/// `a / b` rounded half away from zero to `dp` decimals, exactly; `None` when `b` is zero.
pub(crate) fn ratio(a: &Exact, b: &Exact, dp: u32) -> Option<Decimal> {
    a.div_units(b, dp, Afronding::HalfVanNulAf)
        .and_then(|units| crate::decimal::exact::units_decimal(units, dp))
        .map(crate::decimal::normalise_zero)
}

/// An amount of the cost result in whole cents (it has two decimals at most).
fn cents(d: Decimal) -> i128 {
    Exact::from(d)
        .to_units(2, Afronding::HalfVanNulAf)
        .unwrap_or(i128::MAX)
}

/// The fields an offer's opbrengst comes from, for the error of an amount above the bound.
fn te_groot(ai: usize, vi: Option<usize>, wat: &str) -> CalcError {
    let mut velden = vec![
        format!("aanbod[{}].tarief_per_verzekerde", ai + 1),
        "scenario.verzekerden".to_string(),
    ];
    if let Some(vi) = vi {
        velden.push(format!("verzekeraar[{}].marktaandeel_percentage", vi + 1));
    }
    CalcError::BedragTeGroot {
        path: format!("aanbod[{}]", ai + 1),
        wat: wat.to_string(),
        velden,
    }
}

/// Within the bound, or the error for it.
fn bedrag(cents: i128, err: impl FnOnce() -> CalcError) -> Result<Decimal, CalcError> {
    binnen_grens(Some(cents)).map(euro_bedrag).ok_or_else(err)
}

/// Compares every offer with its insurer's share of the costs.
pub fn evaluate(s: &Scenario, kosten: &Kosten) -> Result<Aanbiedingen, CalcError> {
    let te_financieren: Vec<i128> = kosten
        .jaren
        .iter()
        .map(|j| cents(j.totalen.te_financieren))
        .collect();
    let (mut verzekeraars, aantallen) = insurers(s, &te_financieren)?;
    let regels = offer_years(s, kosten, &verzekeraars, &aantallen)?;
    let totalen = offer_totals(s, &regels)?;
    for v in &mut verzekeraars {
        v.beste_aanbod = best_offer(s, v.verzekeraar, &totalen);
        v.gekozen_aanbod = contracted_offer(s, v.verzekeraar).or(v.beste_aanbod);
    }
    let (niet_toegerekend, niet_toegerekend_totaal) =
        not_allocated(kosten, &te_financieren, &verzekeraars)?;
    Ok(Aanbiedingen {
        regels,
        totalen,
        verzekeraars,
        niet_toegerekend,
        niet_toegerekend_totaal,
    })
}

/// Per insurer: `verzekerden_v(y) = verzekerden(y) × marktaandeel/100` (exact, also returned
/// as such, per year), `kostenaandeel_v = te_financieren × marktaandeel/100` per year (cents)
/// and summed, and the flat tariff that covers its share over the horizon, rounded up.
fn insurers(
    s: &Scenario,
    te_financieren: &[i128],
) -> Result<(Vec<VerzekeraarResultaat>, Vec<Vec<Exact>>), CalcError> {
    let mut verzekeraars = Vec::with_capacity(s.verzekeraars.len());
    let mut aantallen = Vec::with_capacity(s.verzekeraars.len());
    for (vi, v) in s.verzekeraars.iter().enumerate() {
        let err = || CalcError::Overflow {
            path: format!("verzekeraar[{}]", vi + 1),
            wat: "kostenaandeel verzekeraar".into(),
        };
        let share = Exact::from(v.marktaandeel_percentage).procent();
        let verzekerden: Vec<Exact> = (0..te_financieren.len())
            .map(|k| Exact::from(s.verzekerden_jaar(k)).mul(&share))
            .collect();
        let mut per_jaar = Vec::with_capacity(te_financieren.len());
        let mut som: i128 = 0;
        for te in te_financieren {
            let aandeel = Exact::cents(*te)
                .mul(&share)
                .to_units(2, Afronding::HalfVanNulAf)
                .ok_or_else(err)?;
            per_jaar.push(bedrag(aandeel, err)?);
            som = som.saturating_add(aandeel);
        }
        let kostenaandeel = bedrag(som, err)?;
        let verzekerde_jaren = super::cost::verzekerde_jaren(s).mul(&share);
        let break_even_tarief = if verzekerde_jaren.is_zero() {
            None
        } else {
            Some(super::cost::tariff(som, &verzekerde_jaren)?)
        };
        let verzekerden_per_jaar = verzekerden
            .iter()
            .map(|x| x.to_decimal().ok_or_else(err))
            .collect::<Result<Vec<_>, _>>()?;
        verzekeraars.push(VerzekeraarResultaat {
            verzekeraar: vi,
            verzekerden: Exact::from(s.verzekerden)
                .mul(&share)
                .to_decimal()
                .ok_or_else(err)?,
            verzekerden_per_jaar,
            kostenaandeel_per_jaar: per_jaar,
            kostenaandeel,
            break_even_tarief,
            beste_aanbod: None,
            gekozen_aanbod: None,
        });
        aantallen.push(verzekerden);
    }
    Ok((verzekeraars, aantallen))
}

/// Year × offer, in each of the offer's years: `opbrengst = min(tarief_per_verzekerde ×
/// verzekerden_v, plafond)` in cents, `saldo = opbrengst − kostenaandeel`, the dekking.
fn offer_years(
    s: &Scenario,
    kosten: &Kosten,
    verzekeraars: &[VerzekeraarResultaat],
    aantallen: &[Vec<Exact>],
) -> Result<Vec<AanbodJaar>, CalcError> {
    let mut regels = Vec::new();
    for (yi, j) in kosten.jaren.iter().enumerate() {
        for (ai, a) in s.aanbiedingen.iter().enumerate() {
            if !a.jaren.contains(&j.jaar) {
                continue;
            }
            let Some(vi) = s.verzekeraars.iter().position(|v| v.naam == a.verzekeraar) else {
                continue;
            };
            let verzekerden = aantallen.get(vi).and_then(|a| a.get(yi));
            let (Some(v), Some(verzekerden)) = (verzekeraars.get(vi), verzekerden) else {
                continue;
            };
            let kostenaandeel = v
                .kostenaandeel_per_jaar
                .get(yi)
                .copied()
                .unwrap_or_default();
            // The rounding to cents keeps the order, so the smaller rounded amount is the
            // rounded smaller amount.
            let half = Afronding::HalfVanNulAf;
            let mut opbrengst = Exact::from(a.tarief_per_verzekerde)
                .mul(verzekerden)
                .to_units(2, half);
            if let Some(plafond) = a.plafond {
                let plafond = Exact::from(plafond).to_units(2, half);
                opbrengst = match (opbrengst, plafond) {
                    (Some(o), Some(p)) => Some(o.min(p)),
                    (o, p) => o.or(p),
                };
            }
            let opbrengst = opbrengst.unwrap_or(i128::MAX);
            let saldo = opbrengst.saturating_sub(cents(kostenaandeel));
            let err = || te_groot(ai, Some(vi), "opbrengst aanbod");
            let opbrengst = bedrag(opbrengst, err)?;
            regels.push(AanbodJaar {
                jaar: j.jaar,
                aanbod: ai,
                kostenaandeel,
                opbrengst,
                saldo: bedrag(saldo, err)?,
                dekking_percentage: dekking(opbrengst, kostenaandeel),
            });
        }
    }
    Ok(regels)
}

/// Per offer over its years: the sums, and the dekking of the sums.
fn offer_totals(s: &Scenario, regels: &[AanbodJaar]) -> Result<Vec<AanbodTotaal>, CalcError> {
    let mut totalen = Vec::with_capacity(s.aanbiedingen.len());
    for ai in 0..s.aanbiedingen.len() {
        let som = |f: fn(&AanbodJaar) -> Decimal| {
            regels
                .iter()
                .filter(|r| r.aanbod == ai)
                .fold(0i128, |acc, r| acc.saturating_add(cents(f(r))))
        };
        let (k, o) = (som(|r| r.kostenaandeel), som(|r| r.opbrengst));
        let err = || te_groot(ai, None, "totaal aanbod");
        let (kostenaandeel, opbrengst) = (bedrag(k, err)?, bedrag(o, err)?);
        totalen.push(AanbodTotaal {
            aanbod: ai,
            kostenaandeel,
            opbrengst,
            saldo: bedrag(o.saturating_sub(k), err)?,
            dekking_percentage: dekking(opbrengst, kostenaandeel),
        });
    }
    Ok(totalen)
}

/// The chosen offer of insurer `verzekeraar` (an index into [`Scenario::verzekeraars`]), as an
/// index into [`Scenario::aanbiedingen`]: its offer with `gecontracteerd = true`, else its best
/// offer (the highest opbrengst over the horizon, the first in the file on a tie), else `None`
/// (docs/rekenregels.md, "Het gekozen aanbod"). `a` is [`evaluate`]'s result for `s`.
pub fn gekozen_aanbod(s: &Scenario, a: &Aanbiedingen, verzekeraar: usize) -> Option<usize> {
    contracted_offer(s, verzekeraar).or_else(|| best_offer(s, verzekeraar, &a.totalen))
}

/// The insurer's offer with `gecontracteerd = true` (reading allows at most one).
fn contracted_offer(s: &Scenario, vi: usize) -> Option<usize> {
    let naam = &s.verzekeraars.get(vi)?.naam;
    s.aanbiedingen
        .iter()
        .position(|a| a.gecontracteerd && &a.verzekeraar == naam)
}

/// The insurer's offer with the highest total opbrengst (the first in the file on a tie).
fn best_offer(s: &Scenario, vi: usize, totalen: &[AanbodTotaal]) -> Option<usize> {
    let naam = &s.verzekeraars.get(vi)?.naam;
    let mut best: Option<(usize, Decimal)> = None;
    for t in totalen {
        if s.aanbiedingen
            .get(t.aanbod)
            .is_some_and(|a| &a.verzekeraar == naam)
            && best.is_none_or(|(_, o)| t.opbrengst > o)
        {
            best = Some((t.aanbod, t.opbrengst));
        }
    }
    best.map(|(a, _)| a)
}

/// What no insurer carries: `te_financieren − Σ kostenaandeel_v`, per year and in total.
fn not_allocated(
    kosten: &Kosten,
    te_financieren: &[i128],
    verzekeraars: &[VerzekeraarResultaat],
) -> Result<(Vec<(i32, Decimal)>, Decimal), CalcError> {
    let err = || CalcError::Overflow {
        path: "verzekeraar".into(),
        wat: "niet toegerekend".into(),
    };
    let mut niet_toegerekend = Vec::with_capacity(kosten.jaren.len());
    let mut som: i128 = 0;
    for (yi, (j, te)) in kosten.jaren.iter().zip(te_financieren).enumerate() {
        let toegerekend = verzekeraars
            .iter()
            .filter_map(|v| v.kostenaandeel_per_jaar.get(yi))
            .fold(0i128, |acc, k| acc.saturating_add(cents(*k)));
        let rest = te.saturating_sub(toegerekend);
        som = som.saturating_add(rest);
        niet_toegerekend.push((j.jaar, bedrag(rest, err)?));
    }
    Ok((niet_toegerekend, bedrag(som, err)?))
}
