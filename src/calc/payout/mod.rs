//! The penvoerder's payment list per group, role and period. Pure, no I/O.
//!
//! Also the delivered care that `monitor` accounts for: [`leveringen`] turns registrations (or
//! the plan) into hours and amounts per group, year, post, role and quarter.
//!
//! Rounding: for every group, year, post and role the hours are accumulated over the quarters,
//! and the amount up to the end of quarter k is `(hours up to k) × uurtarief × I(y)`, rounded to
//! cents like a line of `cost`. The amount of quarter k is the difference of two of those
//! cumulative amounts. So the four quarters add up exactly to the yearly amount, the yearly
//! amount is computed exactly as `cost` computes its line, and the amount of a quarter depends
//! only on what was registered up to the end of that quarter (a payment made after Q1 never
//! changes when Q2 is registered). Hours are shown the same way, at 0.01 hour.

mod tijdvak;

use rust_decimal::Decimal;

pub use tijdvak::{Einde, Kwartaal, Tijdvak, TotFout, tijdvak};

use super::cost::{Financiering, Post};
use super::financiering::{Verdeling, verdeling};
use super::{CalcError, Checked, Lazy, Ops, index_factors};
use crate::decimal::{round_half_away, round_money};
use crate::registratie::model::Bijeenkomst;
use crate::scenario::Scenario;

/// The posts of `cost` that are hours of participants and so paid out by the penvoerder.
pub const UURPOSTEN: [Post; 4] = [
    Post::Bijeenkomsten,
    Post::Voorzitter,
    Post::Coordinatie,
    Post::TelefonischeOndersteuning,
];

/// Where the delivered care comes from.
#[derive(Debug, Clone, Copy)]
pub enum Bron<'a> {
    /// The plan: every active group holds its planned meetings with its whole composition.
    Plan,
    /// The registered meetings.
    Registraties(&'a [Bijeenkomst]),
}

/// One hour line of a group in a year: a post and a role, accumulated over the quarters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lijn {
    /// The post (one of [`UURPOSTEN`]).
    pub post: Post,
    /// Index into [`Scenario::uurtarieven`].
    pub rol: usize,
    /// Hours up to and including quarter k+1 (exact).
    pub cum_uren: [Decimal; 4],
    /// `cum_uren × uurtarief × I(y)` per quarter, rounded to cents.
    pub cum_bedrag: [Decimal; 4],
    /// TAPA$ or elsewhere.
    pub financiering: Financiering,
}

impl Lijn {
    /// Hours of quarter `k` (0-based), as the difference of the cumulative hours rounded to
    /// 0.01, so that the quarters add up to the year's hours at 0.01.
    /// A `k` past the fourth quarter has none.
    pub fn uren(&self, k: usize) -> Decimal {
        let at = |i: Option<usize>| {
            i.and_then(|i| self.cum_uren.get(i))
                .map_or(Decimal::ZERO, |h| round_half_away(*h, 2))
        };
        if k >= 4 {
            Decimal::ZERO
        } else {
            at(Some(k)) - at(k.checked_sub(1))
        }
    }

    /// Amount of quarter `k` (0-based); a `k` past the fourth quarter has none.
    pub fn bedrag(&self, k: usize) -> Decimal {
        let at = |i: Option<usize>| {
            i.and_then(|i| self.cum_bedrag.get(i))
                .copied()
                .unwrap_or(Decimal::ZERO)
        };
        if k >= 4 {
            Decimal::ZERO
        } else {
            at(Some(k)) - at(k.checked_sub(1))
        }
    }

    /// The year's hours (exact).
    pub fn jaar_uren(&self) -> Decimal {
        self.cum_uren[3]
    }

    /// The year's amount: the same number as the corresponding line of `cost` for the plan.
    pub fn jaar_bedrag(&self) -> Decimal {
        self.cum_bedrag[3]
    }
}

/// What one active group delivered (or plans to deliver) in one year, per quarter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Levering {
    /// Index into [`Scenario::groepen`].
    pub groep: usize,
    /// Calendar year.
    pub jaar: i32,
    /// Meetings held per quarter (plan: the planned meetings spread over the quarters).
    pub bijeenkomsten: [u32; 4],
    /// Attendances per role (order of [`Scenario::uurtarieven`]) per quarter.
    pub aanwezigheden: Vec<[u64; 4]>,
    /// Hour lines, in the order of [`UURPOSTEN`], then of the roles.
    pub lijnen: Vec<Lijn>,
}

/// The years a source covers: the plan the whole horizon; registrations the years from
/// `startjaar` up to the last year with a registered meeting (none without registrations).
pub fn jaren(s: &Scenario, bron: Bron<'_>) -> Vec<i32> {
    match bron {
        Bron::Plan => s.jaren().collect(),
        Bron::Registraties(r) => match r.iter().map(|b| b.datum.jaar).max() {
            Some(last) => s.jaren().filter(|y| *y <= last).collect(),
            None => Vec::new(),
        },
    }
}

/// The planned meetings of quarter k+1 when `b` meetings a year are spread as evenly as whole
/// meetings allow: `⌊b·(k+1)/4⌋ − ⌊b·k/4⌋` (6 a year: 1, 2, 1, 2).
pub fn geplande_bijeenkomsten(b: u32) -> [u32; 4] {
    let cum = |k: u64| u64::from(b) * k / 4;
    let mut out = [0u32; 4];
    for (k, slot) in out.iter_mut().enumerate() {
        let k = k as u64;
        *slot = u32::try_from(cum(k + 1) - cum(k)).unwrap_or(u32::MAX);
    }
    out
}

/// `total × part / whole`, exactly `total` when `part == whole`.
fn share(c: &impl Ops, total: Decimal, part: u64, whole: u64) -> Result<Decimal, CalcError> {
    if part == whole {
        Ok(total)
    } else if whole == 0 {
        Ok(Decimal::ZERO)
    } else {
        c.div(c.mul(total, Decimal::from(part))?, Decimal::from(whole))
    }
}

/// Which quarters of a year the delivered care covers.
#[derive(Debug, Clone, Copy)]
pub enum Dekking<'a> {
    /// `monitor`, what was delivered so far: the plan whole years; registrations the years from
    /// `startjaar` through the last with a registered meeting, each year through its last
    /// quarter with a registered meeting (of any group).
    Geregistreerd,
    /// `payout`: exactly the quarters of a stated period; meetings outside it are left out.
    Tijdvak(&'a Tijdvak),
}

/// The hours of one group in one year before they are priced: meetings held and attendances
/// per quarter, and per (post, role) the cumulative hours.
struct Uren {
    held: [u32; 4],
    att: Vec<[u64; 4]>,
    cum: Vec<(Post, usize, [Decimal; 4])>,
}

/// The delivered care per active group and year, ordered by year, then group.
///
/// Per held meeting each role present is paid `aanwezig × (duur_uren + voorbereiding_uren +
/// reistijd_uren)` hours, the voorzitter_rol `voorzitter_uren`, and the coordinatie_rol
/// `besproken_patienten × coordinatie_uren_per_patient`. Phone support (not registered) is a
/// quarter of `telefonische_ondersteuning_uren` per covered quarter, for a group with a
/// consulent ([`Dekking`] says which quarters are covered).
pub fn leveringen(
    s: &Scenario,
    bron: Bron<'_>,
    dekking: Dekking<'_>,
) -> Result<Vec<Levering>, CalcError> {
    let factors = index_factors(s)?;
    let years: Vec<i32> = match dekking {
        Dekking::Geregistreerd => jaren(s, bron),
        Dekking::Tijdvak(t) => s.jaren().filter(|y| t.kwartalen(*y) > 0).collect(),
    };
    let consulent = s.uurtarieven.iter().position(|u| &*u.rol == "consulent");
    let mut out = Vec::new();
    for jaar in years {
        let offset = usize::try_from(jaar - s.startjaar).unwrap_or(usize::MAX);
        let Some(&factor) = factors.get(offset) else {
            continue;
        };
        let meetings: Vec<&Bijeenkomst> = match (bron, dekking) {
            (Bron::Plan, _) => Vec::new(),
            (Bron::Registraties(r), Dekking::Geregistreerd) => {
                r.iter().filter(|b| b.datum.jaar == jaar).collect()
            }
            (Bron::Registraties(r), Dekking::Tijdvak(t)) => r
                .iter()
                .filter(|b| b.datum.jaar == jaar && t.bevat(b.datum))
                .collect(),
        };
        let covered: u32 = match (bron, dekking) {
            (_, Dekking::Tijdvak(t)) => t.kwartalen(jaar),
            (Bron::Plan, Dekking::Geregistreerd) => 4,
            (Bron::Registraties(_), Dekking::Geregistreerd) => meetings
                .iter()
                .map(|b| b.datum.kwartaal())
                .max()
                .unwrap_or(0),
        };
        // The year's meetings per group, in one pass.
        let mut per_groep: Vec<Vec<&Bijeenkomst>> = vec![Vec::new(); s.groepen.len()];
        for m in &meetings {
            if let Some(v) = per_groep.get_mut(m.groep) {
                v.push(m);
            }
        }
        for (gi, g) in s.groepen.iter().enumerate() {
            if g.start > jaar {
                continue;
            }
            let meetings = per_groep.get(gi).map_or(&[][..], Vec::as_slice);
            let c = Lazy(|| {
                (
                    format!("groep[{}]", gi + 1),
                    format!("uitbetaling · {jaar}"),
                )
            });
            let mut uren = match bron {
                Bron::Plan => plan_uren(s, gi, &c)?,
                Bron::Registraties(_) => geregistreerde_uren(s, gi, meetings, &c)?,
            };
            if let Some(ci) = consulent
                && g.aantal("consulent") > 0
            {
                let mut cum = [Decimal::ZERO; 4];
                for (k, slot) in cum.iter_mut().enumerate() {
                    let done = (k as u64 + 1).min(u64::from(covered));
                    *slot = share(&c, g.werkwijze.telefonische_ondersteuning_uren, done, 4)?;
                }
                uren.cum.push((Post::TelefonischeOndersteuning, ci, cum));
            }
            // Nothing after the last covered quarter (the plan of a period ending mid-year).
            let from = covered.min(4) as usize;
            for k in from..4 {
                uren.held[k] = 0;
                for a in &mut uren.att {
                    a[k] = 0;
                }
                for (_, _, cum) in &mut uren.cum {
                    cum[k] = from.checked_sub(1).map_or(Decimal::ZERO, |i| cum[i]);
                }
            }
            out.push(prijs(s, gi, jaar, factor, uren)?);
        }
    }
    Ok(out)
}

fn rol_index(s: &Scenario, gi: usize, rol: &str) -> Result<usize, CalcError> {
    s.uurtarieven
        .iter()
        .position(|u| &*u.rol == rol)
        .ok_or_else(|| CalcError::OnbekendeRol {
            path: format!("groep[{}]", gi + 1),
            rol: rol.to_string(),
        })
}

/// The plan of group `gi` for a year: its planned meetings spread over the quarters
/// ([`geplande_bijeenkomsten`]) with its whole composition, coordination following the
/// meetings.
fn plan_uren(s: &Scenario, gi: usize, c: &impl Ops) -> Result<Uren, CalcError> {
    let nroles = s.uurtarieven.len();
    let Some(g) = s.groepen.get(gi) else {
        return Ok(Uren {
            held: [0; 4],
            att: vec![[0; 4]; nroles],
            cum: Vec::new(),
        });
    };
    let w = &g.werkwijze;
    let voorzitter = rol_index(s, gi, &w.voorzitter_rol)?;
    let coordinatie = rol_index(s, gi, &w.coordinatie_rol)?;
    let coord_total = c.mul(w.patienten_per_jaar, w.coordinatie_uren_per_patient)?;
    let zero = [Decimal::ZERO; 4];
    let b = w.bijeenkomsten_per_jaar;
    let held = geplande_bijeenkomsten(b);
    let mut att = vec![[0u64; 4]; nroles];
    let mut cum_meetings = [0u64; 4];
    let mut acc = 0u64;
    for (k, m) in held.iter().enumerate() {
        acc += u64::from(*m);
        cum_meetings[k] = acc;
    }
    let hours = c.sum([w.duur_uren, w.voorbereiding_uren, w.reistijd_uren])?;
    let mut out = Vec::new();
    for (rol, n) in &g.deelnemers {
        if *n == 0 {
            continue;
        }
        let ri = rol_index(s, gi, rol)?;
        let mut cum = zero;
        for k in 0..4 {
            cum[k] = c.product(&[Decimal::from(cum_meetings[k]), Decimal::from(*n), hours])?;
            if let Some(a) = att.get_mut(ri) {
                a[k] = u64::from(held[k]) * u64::from(*n);
            }
        }
        out.push((Post::Bijeenkomsten, ri, cum));
    }
    let mut cum_vz = zero;
    let mut cum_coord = zero;
    for k in 0..4 {
        cum_vz[k] = c.mul(Decimal::from(cum_meetings[k]), w.voorzitter_uren)?;
        cum_coord[k] = if b == 0 {
            share(c, coord_total, k as u64 + 1, 4)?
        } else {
            share(c, coord_total, cum_meetings[k], u64::from(b))?
        };
    }
    out.push((Post::Voorzitter, voorzitter, cum_vz));
    out.push((Post::Coordinatie, coordinatie, cum_coord));
    Ok(Uren {
        held,
        att,
        cum: out,
    })
}

/// The registered meetings of group `gi` among `meetings` (one year), per quarter.
fn geregistreerde_uren(
    s: &Scenario,
    gi: usize,
    meetings: &[&Bijeenkomst],
    c: &impl Ops,
) -> Result<Uren, CalcError> {
    let nroles = s.uurtarieven.len();
    let zero = [Decimal::ZERO; 4];
    let mut bij = vec![zero; nroles];
    let mut vz = zero;
    let mut coord = zero;
    let mut held = [0u32; 4];
    let mut att = vec![[0u64; 4]; nroles];
    let Some(g) = s.groepen.get(gi) else {
        return Ok(Uren {
            held,
            att,
            cum: Vec::new(),
        });
    };
    let w = &g.werkwijze;
    let voorzitter = rol_index(s, gi, &w.voorzitter_rol)?;
    let coordinatie = rol_index(s, gi, &w.coordinatie_rol)?;
    for m in meetings.iter().filter(|m| m.groep == gi) {
        let k = (m.datum.kwartaal() as usize).clamp(1, 4) - 1;
        held[k] += 1;
        let hours = c.sum([m.duur_uren, w.voorbereiding_uren, w.reistijd_uren])?;
        for (ri, n) in m.aanwezig.iter().enumerate() {
            if *n == 0 || ri >= nroles {
                continue;
            }
            att[ri][k] += u64::from(*n);
            bij[ri][k] = c.add(bij[ri][k], c.mul(Decimal::from(*n), hours)?)?;
        }
        vz[k] = c.add(vz[k], w.voorzitter_uren)?;
        let d = c.mul(
            Decimal::from(m.besproken_patienten),
            w.coordinatie_uren_per_patient,
        )?;
        coord[k] = c.add(coord[k], d)?;
    }
    let cumulate = |q: [Decimal; 4]| -> Result<[Decimal; 4], CalcError> {
        let mut out = zero;
        let mut acc = Decimal::ZERO;
        for k in 0..4 {
            acc = c.add(acc, q[k])?;
            out[k] = acc;
        }
        Ok(out)
    };
    let mut cum = Vec::with_capacity(nroles + 2);
    for (ri, q) in bij.iter().enumerate() {
        cum.push((Post::Bijeenkomsten, ri, cumulate(*q)?));
    }
    cum.push((Post::Voorzitter, voorzitter, cumulate(vz)?));
    cum.push((Post::Coordinatie, coordinatie, cumulate(coord)?));
    Ok(Uren { held, att, cum })
}

/// Prices the hours of group `gi` in `jaar`: per (post, role) with hours, the cumulative
/// amounts `cum_uren × uurtarief × I(y)` rounded to cents.
fn prijs(
    s: &Scenario,
    gi: usize,
    jaar: i32,
    factor: Decimal,
    mut uren: Uren,
) -> Result<Levering, CalcError> {
    uren.cum.sort_by_key(|(post, ri, _)| (*post, *ri));
    let mut lijnen = Vec::with_capacity(uren.cum.len());
    for (post, ri, cum_uren) in uren.cum {
        let Some(u) = s.uurtarieven.get(ri) else {
            continue;
        };
        if cum_uren[3].is_zero() {
            continue;
        }
        let c = Lazy(|| {
            (
                format!("groep[{}]", gi + 1),
                format!("uitbetaling {} · {} · {jaar}", post.as_str(), u.rol),
            )
        });
        let mut cum_bedrag = [Decimal::ZERO; 4];
        for k in 0..4 {
            cum_bedrag[k] = round_money(c.product(&[cum_uren[k], u.bedrag, factor])?);
        }
        let lijn = |cum_uren, cum_bedrag, financiering| Lijn {
            post,
            rol: ri,
            cum_uren,
            cum_bedrag,
            financiering,
        };
        // The line is split as `cost` splits it (calc::financiering::verdeling), on the
        // cumulative amounts, so that the quarters of each part add up to that part of the year.
        match verdeling(s, Some(&u.rol), post, jaar) {
            Verdeling::Tapas => lijnen.push(lijn(cum_uren, cum_bedrag, Financiering::Tapas)),
            Verdeling::Elders => lijnen.push(lijn(cum_uren, cum_bedrag, Financiering::Elders)),
            v @ Verdeling::Deels(_) => {
                let p = v.elders_percentage();
                let mut elders_uren = [Decimal::ZERO; 4];
                let mut elders_bedrag = [Decimal::ZERO; 4];
                for k in 0..4 {
                    elders_uren[k] = c.div(c.mul(cum_uren[k], p)?, Decimal::ONE_HUNDRED)?;
                    elders_bedrag[k] = v.elders(cum_bedrag[k]);
                }
                let mut tapas_uren = cum_uren;
                let mut tapas_bedrag = cum_bedrag;
                for k in 0..4 {
                    tapas_uren[k] = c.add(cum_uren[k], -elders_uren[k])?;
                    tapas_bedrag[k] = c.add(cum_bedrag[k], -elders_bedrag[k])?;
                }
                lijnen.push(lijn(elders_uren, elders_bedrag, Financiering::Elders));
                lijnen.push(lijn(tapas_uren, tapas_bedrag, Financiering::Tapas));
            }
        }
    }
    Ok(Levering {
        groep: gi,
        jaar,
        bijeenkomsten: uren.held,
        aanwezigheden: uren.att,
        lijnen,
    })
}

/// The period of the payment list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Per {
    /// Per quarter.
    Kwartaal,
    /// Per calendar year.
    Jaar,
}

/// One period: a year, or a quarter of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Periode {
    /// Calendar year.
    pub jaar: i32,
    /// Quarter 1..=4; `None` for the whole year.
    pub kwartaal: Option<u32>,
}

impl Periode {
    /// As in the CSV: `2026-K1`, or `2026`.
    pub fn label(&self) -> String {
        match self.kwartaal {
            Some(k) => format!("{}-K{k}", self.jaar),
            None => self.jaar.to_string(),
        }
    }
}

/// Hours and amount of one post in a payment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostBetaling {
    /// The post.
    pub post: Post,
    /// Hours at 0.01.
    pub uren: Decimal,
    /// Amount in €.
    pub bedrag: Decimal,
}

/// One row of the payment list: a group, a period and a role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Betaling {
    /// Index into [`Scenario::groepen`].
    pub groep: usize,
    /// The period.
    pub periode: Periode,
    /// The role.
    pub rol: String,
    /// Attendances at meetings.
    pub aanwezigheden: u64,
    /// Hours of all posts, at 0.01.
    pub uren: Decimal,
    /// Amount of all posts, in €.
    pub bedrag: Decimal,
    /// The posts it is made of (those with hours or an amount).
    pub posten: Vec<PostBetaling>,
}

/// A sum of payments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Som {
    /// Attendances.
    pub aanwezigheden: u64,
    /// Hours.
    pub uren: Decimal,
    /// Amount in €.
    pub bedrag: Decimal,
}

/// The penvoerder's payment list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Betaallijst {
    /// From the plan (no registrations given).
    pub plan: bool,
    /// Per quarter or per year.
    pub per: Per,
    /// The period it covers; `None` when nothing is registered.
    pub tijdvak: Option<Tijdvak>,
    /// Registered meetings after the end of the period, not in this list.
    pub na_tijdvak: usize,
    /// Per group (file order), period and role (order of `[uurtarieven]`).
    pub regels: Vec<Betaling>,
    /// Per group with payments, in file order.
    pub per_groep: Vec<(usize, Som)>,
    /// Per role with payments, in the order of `[uurtarieven]`.
    pub per_rol: Vec<(String, Som)>,
    /// Everything.
    pub totaal: Som,
    /// Roles whose lines (or parts of lines) are financed elsewhere, with what those parts
    /// delivered: left out of the list. A role also in [`Betaallijst::per_rol`] is financed
    /// elsewhere only in part (or in some years).
    pub niet_uitbetaald: Vec<(String, Som)>,
}

impl Betaallijst {
    /// Whether `rol` is paid nothing from TAPA$ in this list (it is wholly financed elsewhere).
    pub fn geheel_elders(&self, rol: &str) -> bool {
        !self.per_rol.iter().any(|(r, _)| r == rol)
    }
}

fn add_som(
    c: &Checked<'_>,
    s: &mut Som,
    aanwezigheden: u64,
    uren: Decimal,
    bedrag: Decimal,
) -> Result<(), CalcError> {
    s.aanwezigheden = s.aanwezigheden.saturating_add(aanwezigheden);
    s.uren = c.add(s.uren, uren)?;
    s.bedrag = c.add(s.bedrag, bedrag)?;
    Ok(())
}

/// The periods of a year: its four quarters (with their 0-based index) or the whole year.
fn perioden(jaar: i32, per: Per) -> Vec<(Periode, Option<usize>)> {
    match per {
        Per::Kwartaal => (0..4u32)
            .map(|k| {
                let periode = Periode {
                    jaar,
                    kwartaal: Some(k + 1),
                };
                (periode, Some(k as usize))
            })
            .collect(),
        Per::Jaar => vec![(
            Periode {
                jaar,
                kwartaal: None,
            },
            None,
        )],
    }
}

/// What role `ri` (named `rol`) of the group-year `l` gets in `periode`: quarter `k` (0-based)
/// or, for `None`, the whole year, from its lines (or parts) financed as `financiering`, with
/// its attendances when `met_aanwezigheden`. `None` when there is nothing (no attendance, hours
/// or amount).
fn betaling(
    c: &Checked<'_>,
    l: &Levering,
    (periode, k): (Periode, Option<usize>),
    ri: usize,
    rol: &str,
    financiering: Financiering,
    met_aanwezigheden: bool,
) -> Result<Option<Betaling>, CalcError> {
    let att = match l.aanwezigheden.get(ri) {
        Some(a) if met_aanwezigheden => match k {
            Some(k) => a.get(k).copied().unwrap_or(0),
            None => a.iter().sum(),
        },
        _ => 0,
    };
    let mut posten = Vec::new();
    let mut uren = Decimal::ZERO;
    let mut bedrag = Decimal::ZERO;
    for lijn in l
        .lijnen
        .iter()
        .filter(|x| x.rol == ri && x.financiering == financiering)
    {
        let (h, a) = match k {
            Some(k) => (lijn.uren(k), lijn.bedrag(k)),
            None => (round_half_away(lijn.jaar_uren(), 2), lijn.jaar_bedrag()),
        };
        uren = c.add(uren, h)?;
        bedrag = c.add(bedrag, a)?;
        if !(h.is_zero() && a.is_zero()) {
            posten.push(PostBetaling {
                post: lijn.post,
                uren: h,
                bedrag: a,
            });
        }
    }
    if att == 0 && uren.is_zero() && bedrag.is_zero() {
        return Ok(None);
    }
    Ok(Some(Betaling {
        groep: l.groep,
        periode,
        rol: rol.to_string(),
        aanwezigheden: att,
        uren,
        bedrag,
        posten,
    }))
}

/// The payment list for `bron`, per quarter or per year, over the period [`tijdvak`] gives
/// without `--tot`. It pays exactly the TAPA$ part of each line of each year (as `cost` splits
/// it); the parts financed elsewhere are left out (and listed in
/// [`Betaallijst::niet_uitbetaald`]).
pub fn evaluate(s: &Scenario, bron: Bron<'_>, per: Per) -> Result<Betaallijst, CalcError> {
    let periode = tijdvak(s, bron, per, None).ok().flatten();
    evaluate_in(s, bron, per, periode)
}

/// The payment list for `bron`, per quarter or per year, over `periode` (`None`: nothing to
/// pay).
pub fn evaluate_in(
    s: &Scenario,
    bron: Bron<'_>,
    per: Per,
    periode: Option<Tijdvak>,
) -> Result<Betaallijst, CalcError> {
    let lev = match &periode {
        Some(t) => leveringen(s, bron, Dekking::Tijdvak(t))?,
        None => Vec::new(),
    };
    let na_tijdvak = match (bron, &periode) {
        (Bron::Registraties(r), Some(t)) => r.iter().filter(|b| b.datum > t.eind()).count(),
        _ => 0,
    };
    let c = Checked {
        path: "uurtarieven",
        wat: "betaallijst",
    };
    let nroles = s.uurtarieven.len();
    let mut regels = Vec::new();
    let mut per_rol = vec![Som::default(); nroles];
    let mut elders = vec![Som::default(); nroles];
    let mut per_groep = Vec::new();
    let mut totaal = Som::default();
    for gi in 0..s.groepen.len() {
        let mut groep_som = Som::default();
        let mut any = false;
        for l in lev.iter().filter(|l| l.groep == gi) {
            for (periode, k) in perioden(l.jaar, per) {
                for (ri, u) in s.uurtarieven.iter().enumerate() {
                    // Attendance goes with the TAPA$ payment, unless the role is wholly
                    // elsewhere that year.
                    let geheel_elders = verdeling(s, Some(&u.rol), Post::Bijeenkomsten, l.jaar)
                        == Verdeling::Elders;
                    let deel = |f| {
                        let met = geheel_elders == (f == Financiering::Elders);
                        betaling(&c, l, (periode, k), ri, &u.rol, f, met)
                    };
                    if let Some(b) = deel(Financiering::Elders)? {
                        add_som(&c, &mut elders[ri], b.aanwezigheden, b.uren, b.bedrag)?;
                    }
                    let Some(b) = deel(Financiering::Tapas)? else {
                        continue;
                    };
                    let (att, uren, bedrag) = (b.aanwezigheden, b.uren, b.bedrag);
                    add_som(&c, &mut per_rol[ri], att, uren, bedrag)?;
                    add_som(&c, &mut groep_som, att, uren, bedrag)?;
                    add_som(&c, &mut totaal, att, uren, bedrag)?;
                    any = true;
                    regels.push(b);
                }
            }
        }
        if any {
            per_groep.push((gi, groep_som));
        }
    }
    let named = |sums: Vec<Som>| -> Vec<(String, Som)> {
        s.uurtarieven
            .iter()
            .zip(sums)
            .filter(|(_, som)| *som != Som::default())
            .map(|(u, som)| (u.rol.to_string(), som))
            .collect()
    };
    Ok(Betaallijst {
        plan: matches!(bron, Bron::Plan),
        per,
        tijdvak: periode,
        na_tijdvak,
        regels,
        per_groep,
        per_rol: named(per_rol),
        totaal,
        niet_uitbetaald: named(elders),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn planned_meetings_are_spread_as_whole_meetings_over_the_quarters() {
        assert_eq!(geplande_bijeenkomsten(6), [1, 2, 1, 2]);
        assert_eq!(geplande_bijeenkomsten(4), [1, 1, 1, 1]);
        assert_eq!(geplande_bijeenkomsten(2), [0, 1, 0, 1]);
        assert_eq!(geplande_bijeenkomsten(0), [0, 0, 0, 0]);
        assert_eq!(geplande_bijeenkomsten(10), [2, 3, 2, 3]);
    }

    #[test]
    fn periods_are_labelled_like_the_finance_system_expects() {
        let q = Periode {
            jaar: 2026,
            kwartaal: Some(1),
        };
        assert_eq!(q.label(), "2026-K1");
        let y = Periode {
            jaar: 2026,
            kwartaal: None,
        };
        assert_eq!(y.label(), "2026");
    }
}
