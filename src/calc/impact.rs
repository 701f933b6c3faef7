//! Expected zorgreductie on the six indicators (SPEC.md "Impact per year"). Pure, no I/O.

use rust_decimal::Decimal;

use super::{CalcError, Checked, Lazy, Ops, index_factors, pct};
use crate::scenario::{IndicatorId, Scenario};

/// One indicator in one year. Expected counts are exact (not rounded); the avoided costs are
/// rounded to cents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndicatorJaar {
    /// Which indicator.
    pub indicator: IndicatorId,
    /// Expected cases without PaTz.
    pub basis: Decimal,
    /// Expected avoided cases.
    pub vermeden: Decimal,
    /// Expected cases with PaTz.
    pub met_patz: Decimal,
    /// € avoided, rounded to cents.
    pub vermeden_kosten: Decimal,
}

/// One year of impact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImpactJaar {
    /// Calendar year.
    pub jaar: i32,
    /// `P(y)`: palliative patients of the active groups.
    pub patienten: Decimal,
    /// The six indicators in SPEC.md's order.
    pub indicatoren: Vec<IndicatorJaar>,
    /// Σ avoided costs of the year.
    pub vermeden_kosten: Decimal,
}

/// Impact over the horizon.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImpactResultaat {
    /// Per year.
    pub jaren: Vec<ImpactJaar>,
    /// Per indicator summed over the horizon.
    pub totaal: Vec<IndicatorJaar>,
    /// Σ patients over the horizon.
    pub patienten: Decimal,
    /// Σ avoided costs over the horizon.
    pub vermeden_kosten: Decimal,
}

/// The scenario has no `[impact]`: `impact` and `business-case` cannot run.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "dit scenario heeft geen [impact]-sectie met de zes [[indicator]]-secties; die is nodig voor de zorgreductie"
)]
pub struct GeenImpact;

/// `P(y)`: Σ `patienten_per_jaar` of the groups active in `jaar`.
pub fn patienten(s: &Scenario, jaar: i32) -> Result<Decimal, CalcError> {
    let c = Checked {
        path: "werkwijze.patienten_per_jaar",
        wat: "aantal patiënten",
    };
    c.sum(
        s.groepen
            .iter()
            .filter(|g| g.start <= jaar)
            .map(|g| g.werkwijze.patienten_per_jaar),
    )
}

/// Calculates the impact for every year; `Ok(Err(GeenImpact))` without `[impact]`.
pub fn evaluate(s: &Scenario) -> Result<Result<ImpactResultaat, GeenImpact>, CalcError> {
    let Some(impact) = &s.impact else {
        return Ok(Err(GeenImpact));
    };
    let factors = index_factors(s)?;
    // The fractions are the same every year.
    let kanker = pct(impact.aandeel_kanker_percentage);
    let fracties: Vec<(Decimal, Decimal)> = impact
        .indicatoren
        .iter()
        .map(|ind| (pct(ind.basis_percentage), pct(ind.reductie_percentage)))
        .collect();
    let mut jaren = Vec::with_capacity(factors.len());
    for (jaar, factor) in s.jaren().zip(factors) {
        let p = patienten(s, jaar)?;
        let mut indicatoren = Vec::with_capacity(impact.indicatoren.len());
        for (ind, &(basis_fractie, reductie)) in impact.indicatoren.iter().zip(&fracties) {
            let c = Lazy(|| {
                (
                    format!("indicator.{}", ind.id.as_str()),
                    format!("zorgreductie {} {jaar}", ind.id.as_str()),
                )
            });
            let mut basis = c.mul(p, basis_fractie)?;
            if ind.id == IndicatorId::Chemotherapie {
                basis = c.mul(basis, kanker)?;
            }
            let vermeden = c.mul(basis, reductie)?;
            let met_patz = basis - vermeden;
            let vermeden_kosten = c.bedrag(&[vermeden, ind.kosten_per_geval, factor])?;
            indicatoren.push(IndicatorJaar {
                indicator: ind.id,
                basis,
                vermeden,
                met_patz,
                vermeden_kosten,
            });
        }
        let c = Checked {
            path: "indicator",
            wat: "vermeden kosten",
        };
        let vermeden_kosten = c.sum(indicatoren.iter().map(|i| i.vermeden_kosten))?;
        jaren.push(ImpactJaar {
            jaar,
            patienten: p,
            indicatoren,
            vermeden_kosten,
        });
    }
    let c = Checked {
        path: "indicator",
        wat: "totaal over de looptijd",
    };
    let mut totaal = Vec::new();
    for (k, ind) in impact.indicatoren.iter().enumerate() {
        let pick = |f: fn(&IndicatorJaar) -> Decimal| {
            c.sum(jaren.iter().filter_map(|j| j.indicatoren.get(k)).map(f))
        };
        totaal.push(IndicatorJaar {
            indicator: ind.id,
            basis: pick(|i| i.basis)?,
            vermeden: pick(|i| i.vermeden)?,
            met_patz: pick(|i| i.met_patz)?,
            vermeden_kosten: pick(|i| i.vermeden_kosten)?,
        });
    }
    let patienten = c.sum(jaren.iter().map(|j| j.patienten))?;
    let vermeden_kosten = c.sum(jaren.iter().map(|j| j.vermeden_kosten))?;
    Ok(Ok(ImpactResultaat {
        jaren,
        totaal,
        patienten,
        vermeden_kosten,
    }))
}
