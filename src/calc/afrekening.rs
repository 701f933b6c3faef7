//! The settlement (afrekening) of a closed year: what was declared to each insurer against what
//! the year cost, the result, each insurer's part of it, and the nacalculatie of the tariff
//! (docs/rekenregels.md, "Afrekenen"). Pure, no I/O.
//!
//! Per year `y`:
//! - `opbrengst` = Σ declared (the [`declaratie`](super::declaratie) of the year's counts);
//! - `uitbetaald` = what the penvoerder pays the participants for the whole year, as
//!   `payout --per jaar` computes it from the registered meetings;
//! - the plan's other TAPA$-financed lines of the year (`cost`), the meeting-bound ones on the
//!   meetings actually held: huisvesting `cents(gehouden × huisvesting_per_bijeenkomst × I(y))`
//!   per group and a `[[kostenpost]]` per bijeenkomst `cents(gehouden × bedrag × I(y))` per
//!   group, each of which only its TAPA$ part when it is partly financed elsewhere (the split of
//!   `cost`); a `[[kostenpost]]` per groep for the groups that held a meeting that year; every
//!   other line as planned;
//! - `overhead` = `cents(overhead_percentage / 100 × (uitbetaald + Σ other lines))`;
//! - `kosten` = `uitbetaald + Σ other lines + overhead`; `bijdragen` = Σ the year's
//!   `[[bijdrage]]`s; `resultaat` = `opbrengst + bijdragen − kosten` (positive: a surplus);
//! - each insurer's part of `resultaat` in proportion to what it was declared, in whole cents that
//!   add up to `resultaat` exactly (largest remainder: every part first rounded towards zero, the
//!   cents left over go one each to the largest remainders, the first insurer in the file on a
//!   tie);
//! - the nacalculatie: `(kosten − bijdragen) / verzekerdenjaren`, rounded up to the cent, with
//!   `verzekerdenjaren = Σ verzekerden of the year's quarters / 4` (every count in the file).

use rust_decimal::Decimal;

use super::cost::{Financiering, Kosten, KostenJaar, Post, Regel};
use super::declaratie::Declaratie;
use super::financiering::{BijdrageRij, verdeling};
use super::payout::{self, Bron, Einde, Kwartaal, Per, Tijdvak, UURPOSTEN};
use super::{CalcError, binnen_grens, euro_bedrag, indexfactoren};
use crate::decimal::exact::{Afronding, Exact};
use crate::decimal::round_money;
use crate::registratie::model::{Bijeenkomst, Telling};
use crate::scenario::{KostenpostPer, Scenario};

/// One post of the year's other costs, planned and actual.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kostenpost {
    /// The post.
    pub post: Post,
    /// The plan's TAPA$-financed amount (`cost`).
    pub begroot: Decimal,
    /// The amount settled: the plan's, or for a meeting-bound post on the meetings held.
    pub werkelijk: Decimal,
    /// For a meeting-bound post: meetings held and planned (of the groups it applies to).
    pub bijeenkomsten: Option<(u64, u64)>,
    /// For a `[[kostenpost]]` per groep: the groups that held a meeting, of those planned.
    pub groepen: Option<(u64, u64)>,
    /// The `post` value in CSV and JSON (a `[[kostenpost]]`'s id).
    pub id: String,
    /// The label in tables (a `[[kostenpost]]`'s naam).
    pub label: String,
}

/// One insurer in the settlement of a year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerzekeraarDeel {
    /// Index into [`Scenario::verzekeraars`].
    pub verzekeraar: usize,
    /// The chosen offer that covers the year, if any.
    pub aanbod: Option<usize>,
    /// Σ of the quarters' counts.
    pub verzekerden: u64,
    /// Quarters with a count.
    pub kwartalen: u32,
    /// Σ declared.
    pub gedeclareerd: Decimal,
    /// Its part of the result, in proportion to `gedeclareerd`; `None` when nothing was
    /// declared to anyone.
    pub aandeel_resultaat: Option<Decimal>,
}

/// The figures of a settlement, for a year or summed over the settled years.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Saldi {
    /// Σ declared.
    pub opbrengst: Decimal,
    /// Paid out to the participants.
    pub uitbetaald: Decimal,
    /// The plan's TAPA$-financed hour lines (what `uitbetaald` is measured against).
    pub uitbetaald_begroot: Decimal,
    /// Σ of the other posts, settled.
    pub overige_kosten: Decimal,
    /// Σ of the other posts in the plan.
    pub overige_begroot: Decimal,
    /// The penvoerder's overhead on what was settled.
    pub overhead: Decimal,
    /// The plan's overhead.
    pub overhead_begroot: Decimal,
    /// `uitbetaald + overige_kosten + overhead`.
    pub kosten: Decimal,
    /// The plan's TAPA$-financed lines (`te_financieren + bijdragen`).
    pub kosten_begroot: Decimal,
    /// Σ `[[bijdrage]]` of the year: money from other sources that lowers what the insurers
    /// must carry.
    pub bijdragen: Decimal,
    /// `opbrengst + bijdragen − kosten` (negative: a deficit).
    pub resultaat: Decimal,
    /// `Σ verzekerden / 4` over the quarters (exact).
    pub verzekerdenjaren: Decimal,
    /// `(kosten − bijdragen) / verzekerdenjaren` rounded up to the cent; `None` without counts.
    pub nacalculatie_tarief: Option<Decimal>,
}

/// The settlement of one year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AfrekeningJaar {
    /// Calendar year.
    pub jaar: i32,
    /// The insurers with counts in the year, in file order.
    pub verzekeraars: Vec<VerzekeraarDeel>,
    /// The other posts (not the participants' hours, not the overhead), in list order.
    pub posten: Vec<Kostenpost>,
    /// The year's contributions (`[[bijdrage]]`), in file order.
    pub bijdragen: Vec<BijdrageRij>,
    /// Meetings held and planned of the groups active in the year.
    pub bijeenkomsten: (u64, u64),
    /// The figures.
    pub saldi: Saldi,
}

/// The settlement of the settled years.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Afrekening {
    /// Per settled year, in order.
    pub jaren: Vec<AfrekeningJaar>,
    /// Summed over those years; the nacalculatie from the sums.
    pub totaal: Saldi,
}

/// A whole calendar year as a payment period.
fn heel_jaar(jaar: i32) -> Tijdvak {
    Tijdvak {
        van: jaar,
        tot: Kwartaal { jaar, kwartaal: 4 },
        einde: Einde::HeleJaren,
    }
}

fn cents(d: Decimal) -> i128 {
    Exact::from(d)
        .to_units(2, Afronding::HalfVanNulAf)
        .unwrap_or(i128::MAX)
}

fn te_groot(wat: String) -> CalcError {
    CalcError::BedragTeGroot {
        path: "scenario".into(),
        wat,
        velden: vec![
            "de verzekerden van --verzekerden".into(),
            "de bijeenkomsten van --bijeenkomsten".into(),
        ],
    }
}

fn euro(c: i128, wat: impl FnOnce() -> String) -> Result<Decimal, CalcError> {
    binnen_grens(Some(c))
        .map(euro_bedrag)
        .ok_or_else(|| te_groot(wat()))
}

/// The inputs of a settlement.
struct Invoer<'a> {
    s: &'a Scenario,
    d: &'a Declaratie,
    tellingen: &'a [Telling],
    bijeenkomsten: &'a [Bijeenkomst],
    /// Meetings held per year of the horizon (from `startjaar`) and group, counted once.
    gehouden: Vec<Vec<u64>>,
}

impl Invoer<'_> {
    /// Meetings held by group `gi` in `jaar`.
    fn gehouden(&self, gi: usize, jaar: i32) -> u64 {
        usize::try_from(jaar - self.s.startjaar)
            .ok()
            .and_then(|y| self.gehouden.get(y))
            .and_then(|g| g.get(gi))
            .copied()
            .unwrap_or(0)
    }
}

/// The settlement of `jaren` (each inside the horizon): the declaration `d` of the counts
/// `tellingen` and the registered meetings `bijeenkomsten`, against the plan `kosten`.
pub fn evaluate(
    s: &Scenario,
    kosten: &Kosten,
    d: &Declaratie,
    tellingen: &[Telling],
    bijeenkomsten: &[Bijeenkomst],
    jaren: &[i32],
) -> Result<Afrekening, CalcError> {
    let factors = indexfactoren(s);
    let mut gehouden = vec![vec![0u64; s.groepen.len()]; s.looptijd_jaren as usize];
    for b in bijeenkomsten {
        let slot = usize::try_from(b.datum.jaar - s.startjaar)
            .ok()
            .and_then(|y| gehouden.get_mut(y))
            .and_then(|g| g.get_mut(b.groep));
        if let Some(n) = slot {
            *n += 1;
        }
    }
    let invoer = Invoer {
        s,
        d,
        tellingen,
        bijeenkomsten,
        gehouden,
    };
    let mut out = Vec::with_capacity(jaren.len());
    for &jaar in jaren {
        let Some(plan) = kosten.jaren.iter().find(|k| k.jaar == jaar) else {
            continue;
        };
        let offset = usize::try_from(jaar - s.startjaar).unwrap_or(usize::MAX);
        let i = factors.get(offset).cloned().unwrap_or(Exact::from(1u64));
        out.push(jaar_afrekening(&invoer, plan, &i)?);
    }
    let totaal = totaal(&out)?;
    Ok(Afrekening {
        jaren: out.into_iter().map(|(j, _)| j).collect(),
        totaal,
    })
}

/// The plan's TAPA$-financed lines of `post`.
fn tapas(plan: &KostenJaar, post: Post) -> impl Iterator<Item = &Regel> {
    plan.regels
        .iter()
        .filter(move |r| r.post == post && r.financiering == Financiering::Tapas)
}

/// A post in cents: planned and settled, and the meetings (or groups) it was settled on.
struct PostCenten {
    post: Post,
    begroot: i128,
    werkelijk: i128,
    bijeenkomsten: Option<(u64, u64)>,
    groepen: Option<(u64, u64)>,
}

impl PostCenten {
    /// The post as the settlement shows it, in euros, with its name and label.
    fn kostenpost(self, s: &Scenario) -> Kostenpost {
        Kostenpost {
            post: self.post,
            begroot: euro_bedrag(self.begroot),
            werkelijk: euro_bedrag(self.werkelijk),
            bijeenkomsten: self.bijeenkomsten,
            groepen: self.groepen,
            id: self.post.naam(s).to_string(),
            label: self.post.label_in(s).to_string(),
        }
    }
}

/// The other posts of the year, in the order of `cost` (the built-in posts, then the
/// `[[kostenpost]]`s): each post's TAPA$ lines of the plan, the meeting-bound ones (huisvesting,
/// a kostenpost per bijeenkomst) on the meetings held, a kostenpost per groep for the groups
/// that held a meeting; the others as planned.
fn overige_posten(
    v: &Invoer<'_>,
    plan: &KostenJaar,
    i: &Exact,
) -> Result<Vec<PostCenten>, CalcError> {
    let (s, jaar) = (v.s, plan.jaar);
    let eigen =
        (0..s.kostenposten.len()).filter_map(|k| u16::try_from(k).ok().map(Post::Kostenpost));
    let alle = Post::ALL
        .into_iter()
        .filter(|p| !UURPOSTEN.contains(p) && *p != Post::Overhead)
        .chain(eigen);
    let mut posten = Vec::new();
    for post in alle {
        let lines: Vec<&Regel> = tapas(plan, post).collect();
        if lines.is_empty() {
            continue;
        }
        let begroot: i128 = lines.iter().map(|r| cents(r.bedrag)).sum();
        let mut p = PostCenten {
            post,
            begroot,
            werkelijk: begroot,
            bijeenkomsten: None,
            groepen: None,
        };
        let eigen = match post {
            Post::Kostenpost(k) => s.kostenposten.get(usize::from(k)),
            _ => None,
        };
        match (post, eigen.map(|k| k.per)) {
            (Post::Huisvesting, _) => {
                let tarief = s.ondersteuning.huisvesting_per_bijeenkomst;
                per_bijeenkomst(v, &lines, tarief, i, &mut p)?;
            }
            (_, Some(KostenpostPer::Bijeenkomst)) => {
                let tarief = eigen.map_or(Decimal::ZERO, |k| k.bedrag);
                per_bijeenkomst(v, &lines, tarief, i, &mut p)?;
            }
            (_, Some(KostenpostPer::Groep)) => {
                // Each group's planned (TAPA$) line, for the groups that held a meeting.
                let met = lines
                    .iter()
                    .filter(|r| r.groep.is_some_and(|gi| v.gehouden(gi, jaar) > 0));
                p.werkelijk = met.clone().map(|r| cents(r.bedrag)).sum();
                p.groepen = Some((met.count() as u64, lines.len() as u64));
            }
            _ => {}
        }
        posten.push(p);
    }
    Ok(posten)
}

/// A meeting-bound post settled on the meetings held: per group of its plan `lines`,
/// `cents(gehouden × tarief × I(y))`, of which the TAPA$ part as `cost` splits it
/// (calc::financiering::verdeling).
fn per_bijeenkomst(
    v: &Invoer<'_>,
    lines: &[&Regel],
    tarief: Decimal,
    i: &Exact,
    p: &mut PostCenten,
) -> Result<(), CalcError> {
    let (s, post) = (v.s, p.post);
    let mut sum: i128 = 0;
    let (mut h, mut gepland) = (0u64, 0u64);
    for r in lines {
        let Some((gi, g)) = r.groep.and_then(|gi| s.groepen.get(gi).map(|g| (gi, g))) else {
            continue;
        };
        let n = v.gehouden(gi, r.jaar);
        h += n;
        gepland += u64::from(g.werkwijze.bijeenkomsten_per_jaar);
        let c = Exact::from(n)
            .mul(&Exact::from(tarief))
            .mul(i)
            .to_units(2, Afronding::HalfVanNulAf)
            .and_then(|c| binnen_grens(Some(c)))
            .ok_or_else(|| te_groot(format!("{} · {}", post.naam(s), r.jaar)))?;
        let deel = verdeling(s, None, post, r.jaar).tapas_cents(c);
        sum = sum.saturating_add(deel);
    }
    p.werkelijk = sum;
    p.bijeenkomsten = Some((h, gepland));
    Ok(())
}

/// The settlement of the year of `plan`, with the year's count of quarter counts.
fn jaar_afrekening(
    v: &Invoer<'_>,
    plan: &KostenJaar,
    i: &Exact,
) -> Result<(AfrekeningJaar, u64), CalcError> {
    let (s, jaar) = (v.s, plan.jaar);
    let lijst = payout::evaluate_in(
        s,
        Bron::Registraties(v.bijeenkomsten),
        Per::Jaar,
        Some(heel_jaar(jaar)),
    )?;
    let uitbetaald = cents(lijst.totaal.bedrag);
    let uitbetaald_begroot: i128 = UURPOSTEN
        .iter()
        .flat_map(|p| tapas(plan, *p))
        .map(|r| cents(r.bedrag))
        .sum();
    let actief = || {
        s.groepen
            .iter()
            .enumerate()
            .filter(|(_, g)| g.start <= jaar)
    };
    let gehouden_jaar: u64 = actief().map(|(gi, _)| v.gehouden(gi, jaar)).sum();
    let gepland: u64 = actief()
        .map(|(_, g)| u64::from(g.werkwijze.bijeenkomsten_per_jaar))
        .sum();
    let posten = overige_posten(v, plan, i)?;
    let overige: i128 = posten.iter().map(|p| p.werkelijk).sum();
    let overige_begroot: i128 = posten.iter().map(|p| p.begroot).sum();
    let bijdragen = bijdragen(s, jaar);
    let bijdragen_som: i128 = bijdragen.iter().map(|b| cents(b.bedrag)).sum();
    let grondslag = uitbetaald.saturating_add(overige);
    let overhead = Exact::from(s.ondersteuning.overhead_percentage)
        .procent()
        .mul(&Exact::cents(grondslag))
        .to_units(2, Afronding::HalfVanNulAf)
        .unwrap_or(i128::MAX);
    let overhead_begroot: i128 = tapas(plan, Post::Overhead).map(|r| cents(r.bedrag)).sum();
    let kosten = grondslag.saturating_add(overhead);
    let verzekeraars: Vec<_> = v.d.jaren.iter().filter(|j| j.jaar == jaar).collect();
    let gedeclareerd: Vec<i128> = verzekeraars
        .iter()
        .map(|j| j.bedrag.map_or(0, cents))
        .collect();
    let opbrengst: i128 = gedeclareerd.iter().sum();
    let te_dragen = kosten.saturating_sub(bijdragen_som);
    let resultaat = opbrengst.saturating_sub(te_dragen);
    let delen = verdeel(resultaat, &gedeclareerd);
    let tellen: u64 = v
        .tellingen
        .iter()
        .filter(|t| t.jaar == jaar)
        .map(|t| t.verzekerden)
        .sum();
    let verzekeraars = verzekeraars
        .iter()
        .zip(&delen)
        .map(|(j, deel)| VerzekeraarDeel {
            verzekeraar: j.verzekeraar,
            aanbod: j.aanbod,
            verzekerden: j.verzekerden,
            kwartalen: j.kwartalen,
            gedeclareerd: j.bedrag.unwrap_or(Decimal::ZERO),
            aandeel_resultaat: deel.map(euro_bedrag),
        })
        .collect();
    let wat = |w: &str| format!("{w} · afrekening {jaar}");
    let saldi = Saldi {
        opbrengst: euro(opbrengst, || wat("opbrengst"))?,
        uitbetaald: euro(uitbetaald, || wat("uitbetaald"))?,
        uitbetaald_begroot: euro(uitbetaald_begroot, || wat("uitbetaald begroot"))?,
        overige_kosten: euro(overige, || wat("overige kosten"))?,
        overige_begroot: euro(overige_begroot, || wat("overige kosten begroot"))?,
        overhead: euro(overhead, || wat("overhead"))?,
        overhead_begroot: euro(overhead_begroot, || wat("overhead begroot"))?,
        kosten: euro(kosten, || wat("kosten"))?,
        kosten_begroot: euro(
            cents(plan.totalen.te_financieren).saturating_add(cents(plan.totalen.bijdragen)),
            || wat("kosten begroot"),
        )?,
        bijdragen: euro(bijdragen_som, || wat("bijdragen"))?,
        resultaat: euro(resultaat, || wat("resultaat"))?,
        verzekerdenjaren: verzekerdenjaren(tellen),
        nacalculatie_tarief: nacalculatie(te_dragen, tellen),
    };
    let posten = posten.into_iter().map(|p| p.kostenpost(s)).collect();
    let jaar_uit = AfrekeningJaar {
        jaar,
        verzekeraars,
        posten,
        bijdragen,
        bijeenkomsten: (gehouden_jaar, gepland),
        saldi,
    };
    Ok((jaar_uit, tellen))
}

/// The contributions (`[[bijdrage]]`) of `jaar`, each rounded to cents, in file order.
fn bijdragen(s: &Scenario, jaar: i32) -> Vec<BijdrageRij> {
    s.bijdragen
        .iter()
        .filter(|b| b.jaar == jaar)
        .map(|b| BijdrageRij {
            naam: b.naam.clone(),
            jaar,
            bedrag: round_money(b.bedrag),
            financier: b.financier.clone(),
        })
        .collect()
}

/// The settled years summed; the nacalculatie from the sums.
fn totaal(jaren: &[(AfrekeningJaar, u64)]) -> Result<Saldi, CalcError> {
    let som = |f: fn(&Saldi) -> Decimal, wat: &str| {
        let c = jaren
            .iter()
            .fold(0i128, |acc, (j, _)| acc.saturating_add(cents(f(&j.saldi))));
        euro(c, || format!("{wat} · afrekening totaal"))
    };
    let tellen: u64 = jaren.iter().map(|(_, n)| *n).sum();
    let kosten = som(|x| x.kosten, "kosten")?;
    let bijdragen = som(|x| x.bijdragen, "bijdragen")?;
    Ok(Saldi {
        opbrengst: som(|x| x.opbrengst, "opbrengst")?,
        uitbetaald: som(|x| x.uitbetaald, "uitbetaald")?,
        uitbetaald_begroot: som(|x| x.uitbetaald_begroot, "uitbetaald begroot")?,
        overige_kosten: som(|x| x.overige_kosten, "overige kosten")?,
        overige_begroot: som(|x| x.overige_begroot, "overige kosten begroot")?,
        overhead: som(|x| x.overhead, "overhead")?,
        overhead_begroot: som(|x| x.overhead_begroot, "overhead begroot")?,
        kosten,
        kosten_begroot: som(|x| x.kosten_begroot, "kosten begroot")?,
        bijdragen,
        resultaat: som(|x| x.resultaat, "resultaat")?,
        verzekerdenjaren: verzekerdenjaren(tellen),
        nacalculatie_tarief: nacalculatie(cents(kosten).saturating_sub(cents(bijdragen)), tellen),
    })
}

/// `n / 4`, exactly (a quarter's count is a quarter of a verzekerdenjaar).
fn verzekerdenjaren(n: u64) -> Decimal {
    Decimal::from(n)
        .checked_div(Decimal::from(4))
        .unwrap_or(Decimal::ZERO)
}

/// The tariff that covers `kosten` (cents) over `n / 4` verzekerdenjaren, rounded up to the
/// cent: the smallest whole-cent `t` with `t × n / 4 ≥ kosten`. `None` for `n = 0`.
fn nacalculatie(kosten: i128, n: u64) -> Option<Decimal> {
    Exact::cents(kosten)
        .mul(&Exact::from(4u64))
        .div_units(&Exact::from(n), 2, Afronding::Omhoog)
        .map(euro_bedrag)
}

/// `resultaat` (cents) in parts proportional to `gewichten` (cents ≥ 0), in whole cents that add
/// up to `resultaat` exactly: each part `|resultaat| × w / Σw` rounded towards zero, then the
/// cents left over one each to the largest remainders (the first on a tie), with the sign of
/// `resultaat`. All `None` when `Σw = 0`.
pub fn verdeel(resultaat: i128, gewichten: &[i128]) -> Vec<Option<i128>> {
    let total: i128 = gewichten.iter().sum();
    if total <= 0 {
        return vec![None; gewichten.len()];
    }
    let r = resultaat.unsigned_abs();
    let total_u = total.unsigned_abs();
    // |resultaat| and every weight stay below 10^14 cents: the products fit a u128.
    let mut parts: Vec<(u128, u128)> = gewichten
        .iter()
        .map(|w| {
            let p = r.saturating_mul(w.unsigned_abs());
            (p / total_u, p % total_u)
        })
        .collect();
    let given: u128 = parts.iter().map(|(q, _)| q).sum();
    let mut left = r.saturating_sub(given);
    let mut order: Vec<usize> = (0..parts.len()).collect();
    // Largest remainder first; the sort is stable, so equal remainders keep file order.
    order.sort_by(|a, b| parts[*b].1.cmp(&parts[*a].1));
    for i in order {
        if left == 0 {
            break;
        }
        if let Some(p) = parts.get_mut(i) {
            p.0 += 1;
            left -= 1;
        }
    }
    parts
        .into_iter()
        .map(|(q, _)| {
            let q = i128::try_from(q).unwrap_or(i128::MAX);
            Some(if resultaat < 0 { -q } else { q })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_of_the_result_add_up_to_it_and_the_left_over_cents_go_to_the_largest_remainders() {
        // € 1.00 over weights 1 : 1 : 1: 33⅓ cents each; 33 + 33 + 33 = 99, one cent left,
        // all remainders equal (1/3): the first insurer gets it.
        assert_eq!(verdeel(100, &[5, 5, 5]), vec![Some(34), Some(33), Some(33)]);
        // −€ 10.00 over 700 : 200 : 100 (cents): −700, −200, −100 exactly.
        assert_eq!(
            verdeel(-1000, &[700, 200, 100]),
            vec![Some(-700), Some(-200), Some(-100)]
        );
        // 101 cents over 2 : 1: 67.33… and 33.66…; floors 67 + 33 = 100; the larger remainder
        // (0.66…) is the second's: 67 and 34.
        assert_eq!(verdeel(101, &[2, 1]), vec![Some(67), Some(34)]);
        // An insurer declared nothing: no part of the result.
        assert_eq!(verdeel(-500, &[0, 300]), vec![Some(0), Some(-500)]);
        assert_eq!(verdeel(-500, &[0, 0]), vec![None, None]);
    }

    #[test]
    fn the_nacalculatie_is_rounded_up_to_the_cent() {
        // € 1,000.00 over 30,001 quarter counts = 7,500.25 verzekerdenjaren:
        // 1,000 / 7,500.25 = 0.133328… → 0.14.
        assert_eq!(nacalculatie(100_000, 30_001), Some(Decimal::new(14, 2)));
        // Exactly 0.10: 750 over 30,000 quarter counts (7,500 verzekerdenjaren).
        assert_eq!(nacalculatie(75_000, 30_000), Some(Decimal::new(10, 2)));
        assert_eq!(nacalculatie(75_000, 0), None);
        assert_eq!(verzekerdenjaren(30_001), Decimal::new(750_025, 2));
    }
}
