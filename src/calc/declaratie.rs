//! Declaring to the insurers after contracting: per insurer and quarter the amount under its
//! chosen offer, from the insured counts the insurers report (docs/rekenregels.md,
//! "Declareren"). Pure, no I/O.
//!
//! - `bedrag = cents(tarief_per_verzekerde × verzekerden / 4)`, rounded once, half away from
//!   zero; the tariff is not indexed.
//! - With a `plafond` (per year) the quarters of a year are capped in calendar order: a quarter
//!   gets `min(bedrag, plafond − Σ earlier quarters of that year)`, never below 0.
//! - An insurer whose chosen offer does not cover the year (or that has none) gets no amount.
//!
//! Every amount is whole cents; sums are sums of those cents.

use rust_decimal::Decimal;

use super::payout::{Per, Periode};
use super::{CalcError, binnen_grens, euro_bedrag};
use crate::decimal::exact::{Afronding, Exact};
use crate::registratie::model::Telling;
use crate::scenario::{Aanbod, Scenario};

/// One row of the declaration: an insurer and a quarter (or, per year, a year).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Regel {
    /// Index into [`Scenario::verzekeraars`].
    pub verzekeraar: usize,
    /// The quarter, or the year.
    pub periode: Periode,
    /// The chosen offer that covers the year (index into [`Scenario::aanbiedingen`]); `None`:
    /// nothing can be declared.
    pub aanbod: Option<usize>,
    /// The reported count (per year: the sum of the quarters' counts).
    pub verzekerden: u64,
    /// The offer's `tarief_per_verzekerde`.
    pub tarief: Option<Decimal>,
    /// The amount to declare; `None` without an offer.
    pub bedrag: Option<Decimal>,
    /// What the plafond cut off: `cents(tarief × verzekerden / 4) − bedrag` (0 when not capped).
    pub afgetopt: Decimal,
}

/// One insurer in one year: the sums of its quarters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerzekeraarJaar {
    /// Index into [`Scenario::verzekeraars`].
    pub verzekeraar: usize,
    /// Calendar year.
    pub jaar: i32,
    /// The chosen offer that covers the year.
    pub aanbod: Option<usize>,
    /// Σ of the quarters' counts.
    pub verzekerden: u64,
    /// The quarters that have a count.
    pub kwartalen: u32,
    /// Σ declared; `None` without an offer.
    pub bedrag: Option<Decimal>,
    /// The offer's plafond in cents, if it has one.
    pub plafond: Option<Decimal>,
    /// Σ cut off by the plafond.
    pub afgetopt: Decimal,
}

/// The whole declaration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Declaratie {
    /// Per quarter or per year.
    pub per: Per,
    /// Per insurer (file order of `[[verzekeraar]]`), then period.
    pub regels: Vec<Regel>,
    /// Per insurer (file order), then year: every insurer-year with a count.
    pub jaren: Vec<VerzekeraarJaar>,
    /// Σ declared per insurer with a count, in file order.
    pub per_verzekeraar: Vec<(usize, Decimal)>,
    /// Σ declared per year with a count, in year order.
    pub per_jaar: Vec<(i32, Decimal)>,
    /// Σ declared.
    pub totaal: Decimal,
}

impl Declaratie {
    /// The insurer-years with counts but without an offer that covers the year.
    pub fn zonder_aanbod(&self) -> impl Iterator<Item = &VerzekeraarJaar> {
        self.jaren.iter().filter(|j| j.aanbod.is_none())
    }

    /// What insurer `vi` declared in `jaar` (0 when nothing).
    pub fn gedeclareerd(&self, vi: usize, jaar: i32) -> Decimal {
        self.jaren
            .iter()
            .find(|j| j.verzekeraar == vi && j.jaar == jaar)
            .and_then(|j| j.bedrag)
            .unwrap_or(Decimal::ZERO)
    }
}

/// The offer `gekozen[vi]` of insurer `vi` when it covers `jaar`.
fn aanbod_in(s: &Scenario, gekozen: &[Option<usize>], vi: usize, jaar: i32) -> Option<usize> {
    let ai = gekozen.get(vi).copied().flatten()?;
    s.aanbiedingen
        .get(ai)
        .filter(|a| a.jaren.contains(&jaar))
        .map(|_| ai)
}

fn te_groot(wat: &str) -> CalcError {
    CalcError::BedragTeGroot {
        path: "aanbod".into(),
        wat: wat.into(),
        velden: vec![
            "aanbod.tarief_per_verzekerde".into(),
            "de verzekerden van --verzekerden".into(),
        ],
    }
}

fn bedrag(cents: i128, wat: &str) -> Result<Decimal, CalcError> {
    binnen_grens(Some(cents))
        .map(euro_bedrag)
        .ok_or_else(|| te_groot(wat))
}

/// The declaration of `tellingen` (checked against `s`), with `gekozen[vi]` the chosen offer of
/// insurer `vi` (docs/rekenregels.md, "Eigen businesscase per verzekeraar").
pub fn evaluate(
    s: &Scenario,
    tellingen: &[Telling],
    gekozen: &[Option<usize>],
    per: Per,
) -> Result<Declaratie, CalcError> {
    let mut sorted: Vec<&Telling> = tellingen.iter().collect();
    sorted.sort_by_key(|t| (t.verzekeraar, t.jaar, t.kwartaal));
    let mut kwartalen: Vec<Regel> = Vec::with_capacity(sorted.len());
    let mut jaren: Vec<VerzekeraarJaar> = Vec::new();
    // Per insurer-year: declared so far (cents), the plafond (cents).
    let mut so_far: i128 = 0;
    for t in sorted {
        let ai = aanbod_in(s, gekozen, t.verzekeraar, t.jaar);
        let a = ai.and_then(|ai| s.aanbiedingen.get(ai));
        let plafond = a
            .and_then(|a| a.plafond)
            .and_then(|p| Exact::from(p).to_units(2, Afronding::HalfVanNulAf));
        let nieuw_jaar = jaren
            .last()
            .is_none_or(|j| (j.verzekeraar, j.jaar) != (t.verzekeraar, t.jaar));
        if nieuw_jaar {
            so_far = 0;
            jaren.push(VerzekeraarJaar {
                verzekeraar: t.verzekeraar,
                jaar: t.jaar,
                aanbod: ai,
                verzekerden: 0,
                kwartalen: 0,
                bedrag: a.map(|_| Decimal::ZERO),
                plafond: plafond.map(euro_bedrag),
                afgetopt: Decimal::ZERO,
            });
        }
        let (bedrag_c, afgetopt_c) = match a {
            None => (None, 0),
            Some(a) => {
                let (b, afgetopt) = kwartaalbedrag(a, t.verzekerden, plafond, so_far)?;
                so_far = so_far.saturating_add(b);
                (Some(b), afgetopt)
            }
        };
        let regel = Regel {
            verzekeraar: t.verzekeraar,
            periode: Periode {
                jaar: t.jaar,
                kwartaal: Some(t.kwartaal),
            },
            aanbod: ai,
            verzekerden: t.verzekerden,
            tarief: a.map(|a| a.tarief_per_verzekerde),
            bedrag: bedrag_c.map(euro_bedrag),
            afgetopt: euro_bedrag(afgetopt_c),
        };
        if let Some(j) = jaren.last_mut() {
            j.verzekerden = j.verzekerden.saturating_add(t.verzekerden);
            j.kwartalen += 1;
            if let (Some(sum), Some(b)) = (j.bedrag, bedrag_c) {
                j.bedrag = Some(bedrag(
                    cents(sum).saturating_add(b),
                    "jaartotaal declaratie",
                )?);
            }
            j.afgetopt = euro_bedrag(cents(j.afgetopt).saturating_add(afgetopt_c));
        }
        kwartalen.push(regel);
    }
    let regels = match per {
        Per::Kwartaal => kwartalen,
        Per::Jaar => jaren.iter().map(|j| jaarregel(s, j)).collect(),
    };
    let (per_verzekeraar, per_jaar, totaal) = sommen(&jaren)?;
    Ok(Declaratie {
        per,
        regels,
        jaren,
        per_verzekeraar,
        per_jaar,
        totaal,
    })
}

/// A quarter's declaration under offer `a` for `verzekerden`, in cents: the full amount
/// `tarief × verzekerden / 4` rounded once to cents, capped at what the offer's plafond leaves
/// after `so_far` of that insurer-year; with the part the cap took off.
fn kwartaalbedrag(
    a: &Aanbod,
    verzekerden: u64,
    plafond: Option<i128>,
    so_far: i128,
) -> Result<(i128, i128), CalcError> {
    let vol = Exact::from(a.tarief_per_verzekerde)
        .mul(&Exact::from(verzekerden))
        .div_units(&Exact::from(4u64), 2, Afronding::HalfVanNulAf)
        .and_then(|c| binnen_grens(Some(c)))
        .ok_or_else(|| te_groot("declaratie"))?;
    let b = match plafond {
        Some(p) => vol.min(p.saturating_sub(so_far)).max(0),
        None => vol,
    };
    Ok((b, vol - b))
}

/// An insurer-year's sum as one line of the declaration per year.
fn jaarregel(s: &Scenario, j: &VerzekeraarJaar) -> Regel {
    Regel {
        verzekeraar: j.verzekeraar,
        periode: Periode {
            jaar: j.jaar,
            kwartaal: None,
        },
        aanbod: j.aanbod,
        verzekerden: j.verzekerden,
        tarief: j
            .aanbod
            .and_then(|ai| s.aanbiedingen.get(ai))
            .map(|a| a.tarief_per_verzekerde),
        bedrag: j.bedrag,
        afgetopt: j.afgetopt,
    }
}

/// The sums declared per insurer (file order), per year (in order) and in all.
type Sommen = (Vec<(usize, Decimal)>, Vec<(i32, Decimal)>, Decimal);

fn sommen(jaren: &[VerzekeraarJaar]) -> Result<Sommen, CalcError> {
    let mut per_verzekeraar: Vec<(usize, i128)> = Vec::new();
    let mut per_jaar: Vec<(i32, i128)> = Vec::new();
    let mut totaal: i128 = 0;
    for j in jaren {
        let c = j.bedrag.map_or(0, cents);
        match per_verzekeraar.last_mut() {
            Some((vi, sum)) if *vi == j.verzekeraar => *sum = sum.saturating_add(c),
            _ => per_verzekeraar.push((j.verzekeraar, c)),
        }
        match per_jaar.iter_mut().find(|(y, _)| *y == j.jaar) {
            Some((_, sum)) => *sum = sum.saturating_add(c),
            None => per_jaar.push((j.jaar, c)),
        }
        totaal = totaal.saturating_add(c);
    }
    per_jaar.sort_by_key(|(y, _)| *y);
    Ok((
        euros(per_verzekeraar, "totaal declaratie per verzekeraar")?,
        euros(per_jaar, "totaal declaratie per jaar")?,
        bedrag(totaal, "totaal declaratie")?,
    ))
}

/// Sums in cents as euros, each within the bound.
fn euros<K>(v: Vec<(K, i128)>, wat: &str) -> Result<Vec<(K, Decimal)>, CalcError> {
    v.into_iter()
        .map(|(k, c)| bedrag(c, wat).map(|b| (k, b)))
        .collect()
}

/// An amount of whole cents as cents.
fn cents(d: Decimal) -> i128 {
    Exact::from(d)
        .to_units(2, Afronding::HalfVanNulAf)
        .unwrap_or(i128::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scenario(extra: &str) -> Scenario {
        let text = format!(
            "formaat = 1\n[scenario]\nnaam = \"t\"\nstartjaar = 2026\nlooptijd_jaren = 2\n\
             verzekerden = 1000\n[uurtarieven]\nhuisarts = 100\n[werkwijze]\n\
             bijeenkomsten_per_jaar = 6\nduur_uren = 1\npatienten_per_jaar = 12\n\
             [[groep]]\nnaam = \"A\"\ndeelnemers = {{ huisarts = 4 }}\n{extra}"
        );
        crate::scenario::parse(&text).unwrap_or_else(|e| panic!("test scenario invalid: {e:?}"))
    }

    fn telling(vi: usize, jaar: i32, kwartaal: u32, verzekerden: u64) -> Telling {
        Telling {
            verzekeraar: vi,
            jaar,
            kwartaal,
            verzekerden,
            regel: 0,
        }
    }

    fn d(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap_or_default()
    }

    #[test]
    fn the_plafond_caps_the_quarters_of_a_year_in_calendar_order_never_below_zero() {
        // € 1.00 per verzekerde per year, plafond € 5,000 a year.
        let s = scenario(
            "[[verzekeraar]]\nnaam = \"CZ\"\nmarktaandeel_percentage = 50\n\
             [[aanbod]]\nverzekeraar = \"CZ\"\nlabel = \"CZ\"\ntarief_per_verzekerde = 1\n\
             plafond = 5000\n",
        );
        // Given out of order: K3 first. By hand, per quarter 1.00 × n / 4:
        // K1 8,000 → 2,000.00; K2 8,002 → 2,000.50; K3 8,000 → 2,000.00 but only
        // 5,000 − 4,000.50 = 999.50 is left (1,000.50 cut); K4 → 0 (2,000.00 cut).
        // 2027 starts again: K1 8,000 → 2,000.00.
        let t = [
            telling(0, 2026, 3, 8000),
            telling(0, 2026, 1, 8000),
            telling(0, 2026, 2, 8002),
            telling(0, 2026, 4, 8000),
            telling(0, 2027, 1, 8000),
        ];
        let r = evaluate(&s, &t, &[Some(0)], Per::Kwartaal).expect("declares");
        let got: Vec<(String, Option<Decimal>, Decimal)> = r
            .regels
            .iter()
            .map(|x| (x.periode.label(), x.bedrag, x.afgetopt))
            .collect();
        assert_eq!(
            got,
            vec![
                ("2026-K1".into(), Some(d("2000.00")), d("0")),
                ("2026-K2".into(), Some(d("2000.50")), d("0")),
                ("2026-K3".into(), Some(d("999.50")), d("1000.50")),
                ("2026-K4".into(), Some(d("0")), d("2000.00")),
                ("2027-K1".into(), Some(d("2000.00")), d("0")),
            ]
        );
        assert_eq!(r.jaren[0].bedrag, Some(d("5000.00")));
        assert_eq!(r.jaren[0].verzekerden, 32_002);
        assert_eq!(r.totaal, d("7000.00"));
        let jaar = evaluate(&s, &t, &[Some(0)], Per::Jaar).expect("declares");
        let got: Vec<(String, u64, Option<Decimal>)> = jaar
            .regels
            .iter()
            .map(|x| (x.periode.label(), x.verzekerden, x.bedrag))
            .collect();
        assert_eq!(
            got,
            vec![
                ("2026".into(), 32_002, Some(d("5000.00"))),
                ("2027".into(), 8_000, Some(d("2000.00")))
            ]
        );
    }

    #[test]
    fn a_quarter_is_a_quarter_of_the_yearly_tariff_rounded_once_half_away_from_zero() {
        // 0.35 × 4,321 / 4 = 378.0875 → 378.09; 0.35 × 1 / 4 = 0.0875 → 0.09; 0 → 0.00.
        let s = scenario(
            "[[verzekeraar]]\nnaam = \"VGZ\"\nmarktaandeel_percentage = 50\n\
             [[aanbod]]\nverzekeraar = \"VGZ\"\nlabel = \"V\"\ntarief_per_verzekerde = 0.35\n",
        );
        let t = [
            telling(0, 2026, 1, 4321),
            telling(0, 2026, 2, 1),
            telling(0, 2026, 3, 0),
        ];
        let r = evaluate(&s, &t, &[Some(0)], Per::Kwartaal).expect("declares");
        let got: Vec<Option<Decimal>> = r.regels.iter().map(|x| x.bedrag).collect();
        assert_eq!(
            got,
            vec![Some(d("378.09")), Some(d("0.09")), Some(d("0.00"))]
        );
        assert_eq!(r.totaal, d("378.18"));
    }

    #[test]
    fn an_insurer_without_an_offer_for_the_year_gets_no_amount() {
        // The offer covers 2027 only; the second insurer has none.
        let s = scenario(
            "[[verzekeraar]]\nnaam = \"CZ\"\nmarktaandeel_percentage = 50\n\
             [[verzekeraar]]\nnaam = \"VGZ\"\nmarktaandeel_percentage = 30\n\
             [[aanbod]]\nverzekeraar = \"CZ\"\nlabel = \"CZ\"\ntarief_per_verzekerde = 2\n\
             jaren = [2027]\n",
        );
        let t = [
            telling(1, 2026, 1, 100),
            telling(0, 2026, 1, 100),
            telling(0, 2027, 1, 100),
        ];
        let r = evaluate(&s, &t, &[Some(0), None], Per::Kwartaal).expect("declares");
        let got: Vec<(usize, i32, Option<Decimal>)> = r
            .regels
            .iter()
            .map(|x| (x.verzekeraar, x.periode.jaar, x.bedrag))
            .collect();
        // 2 × 100 / 4 = 50.00 in 2027 only.
        assert_eq!(
            got,
            vec![
                (0, 2026, None),
                (0, 2027, Some(d("50.00"))),
                (1, 2026, None)
            ]
        );
        let zonder: Vec<(usize, i32)> =
            r.zonder_aanbod().map(|j| (j.verzekeraar, j.jaar)).collect();
        assert_eq!(zonder, vec![(0, 2026), (1, 2026)]);
        assert_eq!(r.totaal, d("50.00"));
        assert_eq!(r.per_jaar, vec![(2026, d("0")), (2027, d("50.00"))]);
    }
}
