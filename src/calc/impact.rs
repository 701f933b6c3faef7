//! Expected zorgreductie on the six indicators (docs/rekenregels.md). Pure, no I/O.

use rust_decimal::Decimal;

use super::{CalcError, binnen_grens, euro_bedrag, indexfactoren};
use crate::decimal::exact::{Afronding, Exact};
use crate::scenario::{Impact, Indicator, IndicatorId, Scenario};

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
    /// The six indicators in docs/rekenregels.md's order.
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

/// `P(y)`: Σ `patienten_per_jaar` of the groups active in `jaar`, exactly.
fn patienten_exact(s: &Scenario, jaar: i32) -> Exact {
    s.groepen
        .iter()
        .filter(|g| g.start <= jaar)
        .fold(Exact::from(0u64), |p, g| {
            p.add(&Exact::from(g.werkwijze.patienten_per_jaar))
        })
}

/// `P(y)` for every year of the horizon, exactly: each year's the previous year's plus the
/// `patienten_per_jaar` of the groups that start that year (the first year's: of every group
/// active in it). The same sums as [`patienten_exact`] per year, with one addition per group
/// instead of one per group and year.
fn patienten_per_jaar(s: &Scenario) -> Vec<Exact> {
    let eerste = s.startjaar;
    let mut nieuw = vec![Exact::from(0u64); s.looptijd_jaren as usize];
    for g in &s.groepen {
        let k = usize::try_from(g.start.saturating_sub(eerste)).unwrap_or(0);
        if let Some(n) = nieuw.get_mut(k) {
            *n = n.add(&Exact::from(g.werkwijze.patienten_per_jaar));
        }
    }
    let mut p = Exact::from(0u64);
    nieuw
        .iter()
        .map(|n| {
            p = p.add(n);
            p.clone()
        })
        .collect()
}

/// `P(y)`: Σ `patienten_per_jaar` of the groups active in `jaar`.
pub fn patienten(s: &Scenario, jaar: i32) -> Result<Decimal, CalcError> {
    decimal(
        &patienten_exact(s, jaar),
        "werkwijze.patienten_per_jaar",
        "aantal patiënten",
    )
}

/// An exact expected count as a `Decimal` (rounded once past 28 digits, which only a count with
/// more decimals than any input has can need).
fn decimal(v: &Exact, path: &str, wat: &str) -> Result<Decimal, CalcError> {
    v.to_decimal().ok_or_else(|| CalcError::Overflow {
        path: path.to_string(),
        wat: wat.to_string(),
    })
}

/// One indicator in one year, exactly: `basis = P(y) × basis_percentage/100` (for
/// `chemotherapie` also `× aandeel_kanker_percentage/100`); `vermeden = basis ×
/// reductie_percentage/100`; `met_patz = basis − vermeden`; `vermeden_kosten = vermeden ×
/// kosten_per_geval × I(y)`.
struct Telling {
    basis: Exact,
    vermeden: Exact,
    vermeden_kosten: Exact,
}

fn telling(impact: &Impact, ind: &Indicator, p: &Exact, i: &Exact) -> Telling {
    let mut basis = p.mul(&Exact::from(ind.basis_percentage).procent());
    if ind.id == IndicatorId::Chemotherapie {
        basis = basis.mul(&Exact::from(impact.aandeel_kanker_percentage).procent());
    }
    let vermeden = basis.mul(&Exact::from(ind.reductie_percentage).procent());
    let vermeden_kosten = vermeden.mul(&Exact::from(ind.kosten_per_geval)).mul(i);
    Telling {
        basis,
        vermeden,
        vermeden_kosten,
    }
}

/// The fields an indicator's avoided costs come from, for the error of an amount above the
/// bound.
fn velden(s: &Scenario, ind: &Indicator) -> Vec<String> {
    let id = ind.id.as_str();
    let mut v = vec![
        "werkwijze.patienten_per_jaar".to_string(),
        format!("indicator.{id}.basis_percentage"),
        format!("indicator.{id}.reductie_percentage"),
        format!("indicator.{id}.kosten_per_geval"),
    ];
    if ind.id == IndicatorId::Chemotherapie {
        v.push("impact.aandeel_kanker_percentage".into());
    }
    if !s.indexatie_percentage.is_zero() {
        v.push("indexatie.kosten_percentage_per_jaar".into());
    }
    v
}

/// Calculates the impact for every year; `Ok(Err(GeenImpact))` without `[impact]`.
pub fn evaluate(s: &Scenario) -> Result<Result<ImpactResultaat, GeenImpact>, CalcError> {
    let Some(impact) = &s.impact else {
        return Ok(Err(GeenImpact));
    };
    let factors = indexfactoren(s);
    let n = impact.indicatoren.len();
    // Per indicator over the horizon: basis, vermeden (exact) and vermeden_kosten (cents).
    let mut som: Vec<(Exact, Exact, i128)> = vec![(Exact::from(0u64), Exact::from(0u64), 0); n];
    let mut som_patienten = Exact::from(0u64);
    let mut som_kosten: i128 = 0;
    let mut grootste: Option<(i128, &Indicator)> = None;
    let te_groot = |ind: &Indicator, wat: String| CalcError::BedragTeGroot {
        path: format!("indicator.{}", ind.id.as_str()),
        wat,
        velden: velden(s, ind),
    };
    let mut jaren = Vec::with_capacity(factors.len());
    for ((jaar, i), p) in s.jaren().zip(&factors).zip(patienten_per_jaar(s)) {
        let mut indicatoren = Vec::with_capacity(n);
        let mut jaar_kosten: i128 = 0;
        for (ind, som) in impact.indicatoren.iter().zip(som.iter_mut()) {
            let t = telling(impact, ind, &p, i);
            let wat = || format!("zorgreductie {} {jaar}", ind.id.as_str());
            let Some(cents) = binnen_grens(t.vermeden_kosten.to_units(2, Afronding::HalfVanNulAf))
            else {
                return Err(te_groot(ind, wat()));
            };
            let met_patz = t.basis.add(&t.vermeden.neg());
            let telling = |v: &Exact| {
                v.to_decimal().ok_or_else(|| CalcError::Overflow {
                    path: format!("indicator.{}", ind.id.as_str()),
                    wat: wat(),
                })
            };
            indicatoren.push(IndicatorJaar {
                indicator: ind.id,
                basis: telling(&t.basis)?,
                vermeden: telling(&t.vermeden)?,
                met_patz: telling(&met_patz)?,
                vermeden_kosten: euro_bedrag(cents),
            });
            *som = (som.0.add(&t.basis), som.1.add(&t.vermeden), som.2 + cents);
            jaar_kosten += cents;
            if grootste.is_none_or(|(g, _)| cents.abs() > g) {
                grootste = Some((cents.abs(), ind));
            }
        }
        let boven = |cents: i128, wat: &dyn Fn() -> String| match grootste {
            Some((_, ind)) if binnen_grens(Some(cents)).is_none() => Err(te_groot(ind, wat())),
            _ => Ok(euro_bedrag(cents)),
        };
        let vermeden_kosten = boven(jaar_kosten, &|| format!("vermeden kosten {jaar}"))?;
        som_kosten += jaar_kosten;
        boven(som_kosten, &|| "vermeden kosten over de looptijd".into())?;
        som_patienten = som_patienten.add(&p);
        jaren.push(ImpactJaar {
            jaar,
            patienten: decimal(&p, "werkwijze.patienten_per_jaar", "aantal patiënten")?,
            indicatoren,
            vermeden_kosten,
        });
    }
    let (path, wat) = ("indicator", "totaal over de looptijd");
    let mut totaal = Vec::with_capacity(n);
    for (ind, (basis, vermeden, kosten)) in impact.indicatoren.iter().zip(&som) {
        totaal.push(IndicatorJaar {
            indicator: ind.id,
            basis: decimal(basis, path, wat)?,
            vermeden: decimal(vermeden, path, wat)?,
            met_patz: decimal(&basis.add(&vermeden.neg()), path, wat)?,
            vermeden_kosten: euro_bedrag(*kosten),
        });
    }
    Ok(Ok(ImpactResultaat {
        jaren,
        totaal,
        patienten: decimal(
            &som_patienten,
            "werkwijze.patienten_per_jaar",
            "aantal patiënten",
        )?,
        vermeden_kosten: euro_bedrag(som_kosten),
    }))
}
