//! Insurers' offers against the region's costs (SPEC.md "Per insurer v and year"). Pure, no I/O.

use rust_decimal::Decimal;

use super::cost::Kosten;
use super::{CalcError, Checked, Lazy, Ops, pct};
use crate::decimal::{round_half_away, round_money};
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
    /// `verzekerden × marktaandeel / 100` (exact).
    pub verzekerden: Decimal,
    /// The insurer's share of `te_financieren` per year (cents), in horizon order.
    pub kostenaandeel_per_jaar: Vec<Decimal>,
    /// Σ of its yearly shares.
    pub kostenaandeel: Decimal,
    /// The flat tariff per verzekerde per year that covers its share over the horizon,
    /// rounded up to the cent; `None` when it has no verzekerden.
    pub break_even_tarief: Option<Decimal>,
    /// Its offer with the highest total opbrengst over the horizon (first in file order on a tie).
    pub beste_aanbod: Option<usize>,
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

/// Dekking in percent, one decimal; `None` for a zero denominator.
pub fn dekking(opbrengst: Decimal, kostenaandeel: Decimal) -> Option<Decimal> {
    if kostenaandeel.is_zero() {
        return None;
    }
    let ratio = opbrengst.checked_div(kostenaandeel)?;
    Some(round_half_away(ratio.checked_mul(Decimal::ONE_HUNDRED)?, 1))
}

/// Compares every offer with its insurer's share of the costs.
pub fn evaluate(s: &Scenario, kosten: &Kosten) -> Result<Aanbiedingen, CalcError> {
    let mut verzekeraars = Vec::with_capacity(s.verzekeraars.len());
    for (vi, v) in s.verzekeraars.iter().enumerate() {
        let c = Lazy(|| {
            (
                format!("verzekeraar[{}]", vi + 1),
                "kostenaandeel verzekeraar".to_string(),
            )
        });
        let share = pct(v.marktaandeel_percentage);
        let verzekerden = c.mul(s.verzekerden, share)?;
        let mut per_jaar = Vec::with_capacity(kosten.jaren.len());
        for j in &kosten.jaren {
            per_jaar.push(c.bedrag(&[j.totalen.te_financieren, share])?);
        }
        let kostenaandeel = c.sum(per_jaar.iter().copied())?;
        let break_even_tarief = if verzekerden.is_zero() {
            None
        } else {
            let denom = c.mul(verzekerden, Decimal::from(s.looptijd_jaren))?;
            Some(super::cost::tariff(&c, kostenaandeel, denom)?)
        };
        verzekeraars.push(VerzekeraarResultaat {
            verzekeraar: vi,
            verzekerden,
            kostenaandeel_per_jaar: per_jaar,
            kostenaandeel,
            break_even_tarief,
            beste_aanbod: None,
        });
    }

    let mut regels = Vec::new();
    for (yi, j) in kosten.jaren.iter().enumerate() {
        for (ai, a) in s.aanbiedingen.iter().enumerate() {
            if !a.jaren.contains(&j.jaar) {
                continue;
            }
            let Some(v) = s
                .verzekeraars
                .iter()
                .position(|v| v.naam == a.verzekeraar)
                .and_then(|vi| verzekeraars.get(vi))
            else {
                continue;
            };
            let c = Lazy(|| {
                (
                    format!("aanbod[{}]", ai + 1),
                    "opbrengst aanbod".to_string(),
                )
            });
            let kostenaandeel = v
                .kostenaandeel_per_jaar
                .get(yi)
                .copied()
                .unwrap_or_default();
            let mut opbrengst = c.mul(a.tarief_per_verzekerde, v.verzekerden)?;
            if let Some(plafond) = a.plafond {
                opbrengst = opbrengst.min(plafond);
            }
            let opbrengst = round_money(opbrengst);
            regels.push(AanbodJaar {
                jaar: j.jaar,
                aanbod: ai,
                kostenaandeel,
                opbrengst,
                saldo: opbrengst - kostenaandeel,
                dekking_percentage: dekking(opbrengst, kostenaandeel),
            });
        }
    }

    let c = Checked {
        path: "aanbod",
        wat: "totaal aanbod",
    };
    let mut totalen = Vec::with_capacity(s.aanbiedingen.len());
    for ai in 0..s.aanbiedingen.len() {
        let mine = || regels.iter().filter(move |r| r.aanbod == ai);
        let kostenaandeel = c.sum(mine().map(|r| r.kostenaandeel))?;
        let opbrengst = c.sum(mine().map(|r| r.opbrengst))?;
        totalen.push(AanbodTotaal {
            aanbod: ai,
            kostenaandeel,
            opbrengst,
            saldo: opbrengst - kostenaandeel,
            dekking_percentage: dekking(opbrengst, kostenaandeel),
        });
    }
    for v in &mut verzekeraars {
        let naam = &s.verzekeraars[v.verzekeraar].naam;
        let mut best: Option<(usize, Decimal)> = None;
        for t in &totalen {
            if &s.aanbiedingen[t.aanbod].verzekeraar == naam
                && best.is_none_or(|(_, o)| t.opbrengst > o)
            {
                best = Some((t.aanbod, t.opbrengst));
            }
        }
        v.beste_aanbod = best.map(|(a, _)| a);
    }

    let mut niet_toegerekend = Vec::with_capacity(kosten.jaren.len());
    for (yi, j) in kosten.jaren.iter().enumerate() {
        let toegerekend = c.sum(
            verzekeraars
                .iter()
                .filter_map(|v| v.kostenaandeel_per_jaar.get(yi).copied()),
        )?;
        niet_toegerekend.push((j.jaar, j.totalen.te_financieren - toegerekend));
    }
    let niet_toegerekend_totaal = c.sum(niet_toegerekend.iter().map(|(_, x)| *x))?;
    Ok(Aanbiedingen {
        regels,
        totalen,
        verzekeraars,
        niet_toegerekend,
        niet_toegerekend_totaal,
    })
}
