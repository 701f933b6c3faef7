//! Each insurer's own businesscase (what its chosen offer pays against its share of the costs
//! and the avoided costs among its own insured) and the region's view of all chosen offers
//! together (docs/rekenregels.md § 7.2). Pure, no I/O.

use rust_decimal::Decimal;

use super::cost::Kosten;
use super::impact::ImpactResultaat;
use super::offers::{Aanbiedingen, dekking, ratio};
use super::{CalcError, binnen_grens, euro_bedrag};
use crate::decimal::exact::{Afronding, Exact};
use crate::scenario::Scenario;

/// An insurer's figures of one year or of the horizon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VerzekeraarCijfers {
    /// `te_financieren × marktaandeel / 100` (cents; over the horizon the sum).
    pub kostenaandeel: Decimal,
    /// The chosen offer's `opbrengst` (0 in a year it does not cover, or without an offer).
    pub betaling: Decimal,
    /// `cents(vermeden_kosten(y) × marktaandeel / 100)`; `None` without `[impact]`.
    pub vermeden_kosten: Option<Decimal>,
    /// `vermeden_kosten − betaling`: what the insurer itself saves; `None` without `[impact]`.
    pub netto: Option<Decimal>,
    /// `netto / betaling × 100`, one decimal; `None` without `[impact]` or when it pays nothing.
    pub roi_percentage: Option<Decimal>,
}

/// One insurer's businesscase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerzekeraarZaak {
    /// Index into [`Scenario::verzekeraars`].
    pub verzekeraar: usize,
    /// Its chosen offer ([`super::offers::gekozen_aanbod`]), an index into
    /// [`Scenario::aanbiedingen`].
    pub gekozen_aanbod: Option<usize>,
    /// Per year: `(jaar, figures)`, in horizon order.
    pub jaren: Vec<(i32, VerzekeraarCijfers)>,
    /// Over the horizon: the sums, the ROI from the sums.
    pub totaal: VerzekeraarCijfers,
}

/// The region's figures of one year or of the horizon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RegioCijfers {
    /// What TAPA$ has to finance.
    pub te_financieren: Decimal,
    /// `Σ betaling` of every insurer's chosen offer.
    pub opbrengst: Decimal,
    /// `te_financieren − opbrengst` (negative: a surplus).
    pub tekort: Decimal,
    /// `opbrengst / te_financieren × 100`, one decimal; `None` when nothing is to be financed.
    pub dekking_percentage: Option<Decimal>,
}

/// The region's view of all chosen offers together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Regio {
    /// Per year: `(jaar, figures)`.
    pub jaren: Vec<(i32, RegioCijfers)>,
    /// Over the horizon.
    pub totaal: RegioCijfers,
}

/// Every insurer's businesscase and the region's view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PerVerzekeraar {
    /// Per insurer, in file order.
    pub verzekeraars: Vec<VerzekeraarZaak>,
    /// All chosen offers together.
    pub regio: Regio,
}

/// Whether `offers` and `business-case` show each insurer's businesscase without being asked
/// (`--per verzekeraar`): when an offer is contracted. A scenario without `gecontracteerd` keeps
/// its output as before (docs/rekenregels.md § 7.2).
pub fn getoond(s: &Scenario) -> bool {
    s.aanbiedingen.iter().any(|a| a.gecontracteerd)
}

/// An amount in whole cents (the amounts here have two decimals at most).
fn cents(d: Decimal) -> i128 {
    Exact::from(d)
        .to_units(2, Afronding::HalfVanNulAf)
        .unwrap_or(i128::MAX)
}

/// Within the bound, or the error for it, naming `velden`.
fn bedrag(cents: i128, path: &str, wat: &str, velden: &[String]) -> Result<Decimal, CalcError> {
    binnen_grens(Some(cents))
        .map(euro_bedrag)
        .ok_or_else(|| CalcError::BedragTeGroot {
            path: path.to_string(),
            wat: wat.to_string(),
            velden: velden.to_vec(),
        })
}

/// An insurer's figures from its kostenaandeel, betaling and avoided costs (all in cents).
fn cijfers(
    kostenaandeel: i128,
    betaling: i128,
    vermeden: Option<i128>,
    path: &str,
    velden: &[String],
) -> Result<VerzekeraarCijfers, CalcError> {
    let vermeden_kosten = vermeden
        .map(|v| bedrag(v, path, "vermeden kosten verzekeraar", velden))
        .transpose()?;
    let netto = vermeden
        .map(|v| {
            bedrag(
                v.saturating_sub(betaling),
                path,
                "netto verzekeraar",
                velden,
            )
        })
        .transpose()?;
    let roi_percentage = netto.and_then(|n| {
        ratio(
            &Exact::from(n).mul(&Exact::from(100u64)),
            &Exact::cents(betaling),
            1,
        )
    });
    Ok(VerzekeraarCijfers {
        kostenaandeel: bedrag(kostenaandeel, path, "kostenaandeel verzekeraar", velden)?,
        betaling: bedrag(betaling, path, "betaling verzekeraar", velden)?,
        vermeden_kosten,
        netto,
        roi_percentage,
    })
}

/// Each insurer's businesscase and the region's view (docs/rekenregels.md § 7.2): per insurer
/// and year `betaling` = its chosen offer's opbrengst, `vermeden_kosten = cents(vermeden_kosten(y)
/// × marktaandeel/100)`, `netto = vermeden_kosten − betaling`, `roi = netto / betaling × 100`;
/// for the region `opbrengst = Σ betaling`, `tekort = te_financieren − opbrengst`,
/// `dekking = opbrengst / te_financieren × 100`. Over the horizon the sums, ratios from the sums.
pub fn evaluate(
    s: &Scenario,
    kosten: &Kosten,
    a: &Aanbiedingen,
    impact: Option<&ImpactResultaat>,
) -> Result<PerVerzekeraar, CalcError> {
    let n = kosten.jaren.len();
    let mut opbrengst_regio = vec![0i128; n];
    let mut verzekeraars = Vec::with_capacity(a.verzekeraars.len());
    for v in &a.verzekeraars {
        let Some(vz) = s.verzekeraars.get(v.verzekeraar) else {
            continue;
        };
        let path = format!("verzekeraar[{}]", v.verzekeraar + 1);
        let mut velden = vec![format!("{path}.marktaandeel_percentage")];
        if let Some(g) = v.gekozen_aanbod {
            velden.push(format!("aanbod[{}].tarief_per_verzekerde", g + 1));
        }
        let share = Exact::from(vz.marktaandeel_percentage).procent();
        let mut jaren = Vec::with_capacity(n);
        let (mut k_som, mut b_som, mut v_som) = (0i128, 0i128, 0i128);
        for (yi, kj) in kosten.jaren.iter().enumerate() {
            let kostenaandeel = v.kostenaandeel_per_jaar.get(yi).map_or(0, |k| cents(*k));
            let betaling = v
                .gekozen_aanbod
                .and_then(|g| a.regels.iter().find(|r| r.aanbod == g && r.jaar == kj.jaar))
                .map_or(0, |r| cents(r.opbrengst));
            let vermeden = impact.and_then(|i| i.jaren.get(yi)).map(|ij| {
                Exact::from(ij.vermeden_kosten)
                    .mul(&share)
                    .to_units(2, Afronding::HalfVanNulAf)
                    .unwrap_or(i128::MAX)
            });
            k_som = k_som.saturating_add(kostenaandeel);
            b_som = b_som.saturating_add(betaling);
            v_som = v_som.saturating_add(vermeden.unwrap_or(0));
            if let Some(o) = opbrengst_regio.get_mut(yi) {
                *o = o.saturating_add(betaling);
            }
            let c = cijfers(kostenaandeel, betaling, vermeden, &path, &velden)?;
            jaren.push((kj.jaar, c));
        }
        let totaal = cijfers(
            k_som,
            b_som,
            impact.is_some().then_some(v_som),
            &path,
            &velden,
        )?;
        verzekeraars.push(VerzekeraarZaak {
            verzekeraar: v.verzekeraar,
            gekozen_aanbod: v.gekozen_aanbod,
            jaren,
            totaal,
        });
    }
    let regio = regio(kosten, &opbrengst_regio)?;
    Ok(PerVerzekeraar {
        verzekeraars,
        regio,
    })
}

/// The region's figures per year and over the horizon from the yearly opbrengst (cents).
fn regio(kosten: &Kosten, opbrengst: &[i128]) -> Result<Regio, CalcError> {
    let velden = ["aanbod".to_string()];
    let figures = |te: Decimal, o: i128| -> Result<RegioCijfers, CalcError> {
        let opbrengst = bedrag(
            o,
            "aanbod",
            "opbrengst van de gekozen aanbiedingen",
            &velden,
        )?;
        let tekort = bedrag(
            cents(te).saturating_sub(o),
            "aanbod",
            "tekort van de regio",
            &velden,
        )?;
        Ok(RegioCijfers {
            te_financieren: te,
            opbrengst,
            tekort,
            dekking_percentage: dekking(opbrengst, te),
        })
    };
    let mut jaren = Vec::with_capacity(kosten.jaren.len());
    let mut som = 0i128;
    for (kj, o) in kosten.jaren.iter().zip(opbrengst) {
        som = som.saturating_add(*o);
        jaren.push((kj.jaar, figures(kj.totalen.te_financieren, *o)?));
    }
    let totaal = figures(kosten.totaal.te_financieren, som)?;
    Ok(Regio { jaren, totaal })
}
