//! One-way sensitivity (tornado) and threshold analysis (`solve`). Pure, no I/O.

use rust_decimal::Decimal;

use super::param::Param;
use super::verdeling::laag_hoog;
use crate::calc::{self, CalcError};
use crate::scenario::{Grootheid, Scenario};

/// Why an uncertainty analysis cannot be carried out.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnalyseFout {
    /// A calculation overflowed.
    #[error(transparent)]
    Calc(#[from] CalcError),
    /// The figure needs `[impact]`.
    #[error("'{0}' vraagt een [impact]-sectie met de zes indicatoren")]
    GeenImpact(String),
    /// A parameter path or target that does not fit the scenario.
    #[error("{0}")]
    Ongeldig(String),
    /// A value or a sum beyond what the analysis holds exactly (the message names it).
    #[error("{0}")]
    TeGroot(String),
}

/// What a threshold or sensitivity is measured on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Doelgrootheid {
    /// A businesscase figure over the horizon.
    Figuur(Grootheid),
    /// The coverage of one offer over its contract years (`aanbod[X].dekking_percentage`).
    Dekking(usize),
}

impl Doelgrootheid {
    /// Reads `netto`, `kostendekkend_tarief`, … or `aanbod[X].dekking_percentage`.
    pub fn parse(s: &Scenario, text: &str) -> Result<Doelgrootheid, String> {
        if let Some(g) = Grootheid::parse(text) {
            if g.vraagt_impact() && s.impact.is_none() {
                return Err(format!("'{text}' vraagt een [impact]-sectie"));
            }
            return Ok(Doelgrootheid::Figuur(g));
        }
        if let Some(inner) = text
            .strip_prefix("aanbod[")
            .and_then(|r| r.strip_suffix("].dekking_percentage"))
        {
            let i = match inner.parse::<usize>() {
                Ok(n) if n >= 1 && n <= s.aanbiedingen.len() => Some(n - 1),
                _ => s.aanbiedingen.iter().position(|a| a.label == inner),
            };
            return i
                .map(Doelgrootheid::Dekking)
                .ok_or_else(|| format!("aanbod '{inner}' bestaat niet"));
        }
        let names: Vec<&str> = Grootheid::ALL.iter().map(|g| g.as_str()).collect();
        Err(format!(
            "onbekende grootheid '{text}'; kies uit {} of aanbod[NAAM].dekking_percentage",
            names.join(", ")
        ))
    }

    /// The name as the user wrote it.
    pub fn naam(&self, s: &Scenario) -> String {
        match self {
            Doelgrootheid::Figuur(g) => g.as_str().to_string(),
            Doelgrootheid::Dekking(i) => format!(
                "aanbod[{}].dekking_percentage",
                s.aanbiedingen.get(*i).map_or("?", |a| a.label.as_str())
            ),
        }
    }

    /// Decimals the figure is shown with.
    pub fn decimalen(&self) -> u32 {
        match self {
            Doelgrootheid::Figuur(Grootheid::RoiPercentage) | Doelgrootheid::Dekking(_) => 1,
            Doelgrootheid::Figuur(Grootheid::BreakEvenFactor) => 3,
            Doelgrootheid::Figuur(_) => 2,
        }
    }

    /// The figure for scenario `s`; `None` where it does not exist (a zero denominator).
    pub fn waarde(&self, s: &Scenario) -> Result<Option<Decimal>, AnalyseFout> {
        let r = calc::evaluate_totals(s)?;
        Ok(match self {
            Doelgrootheid::Figuur(g) => {
                if g.vraagt_impact() && r.businesscase.is_none() {
                    return Err(AnalyseFout::GeenImpact(g.as_str().to_string()));
                }
                calc::expectations::figure(&r.kosten, r.businesscase.as_ref(), *g, None)
            }
            Doelgrootheid::Dekking(i) => r
                .aanbiedingen
                .totalen
                .get(*i)
                .and_then(|t| t.dekking_percentage),
        })
    }
}

/// One row of the tornado.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GevoeligheidRij {
    /// The parameter path.
    pub pad: String,
    /// Its value in the scenario.
    pub basiswaarde: Decimal,
    /// Low and high value used.
    pub laag: Decimal,
    /// High value used.
    pub hoog: Decimal,
    /// Where the low and high value come from: the declared distribution, or ±20 %.
    pub bron: String,
    /// The outcome at the low value.
    pub uitkomst_laag: Decimal,
    /// The outcome at the high value.
    pub uitkomst_hoog: Decimal,
    /// |uitkomst_hoog − uitkomst_laag|.
    pub swing: Decimal,
}

/// A one-way sensitivity analysis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gevoeligheid {
    /// The outcome.
    pub uitkomst: Grootheid,
    /// The outcome with every parameter as written.
    pub basis: Decimal,
    /// Rows, largest swing first.
    pub rijen: Vec<GevoeligheidRij>,
    /// Whether the rows come from `[[onzekerheid]]` (else every parameter at ±20 %).
    pub verklaard: bool,
}

/// The outcomes a sensitivity analysis can show.
pub const UITKOMSTEN: [Grootheid; 4] = [
    Grootheid::Netto,
    Grootheid::TeFinancieren,
    Grootheid::KostendekkendTarief,
    Grootheid::VermedenKosten,
];

fn outcome(s: &Scenario, g: Grootheid) -> Result<Decimal, AnalyseFout> {
    Doelgrootheid::Figuur(g)
        .waarde(s)?
        .ok_or_else(|| AnalyseFout::Ongeldig(format!("{} bestaat hier niet", g.as_str())))
}

/// Each declared parameter (or, without declarations, every rate, percentage and count at
/// ±20 %) at its low and high value with everything else as written.
pub fn gevoeligheid(s: &Scenario, uitkomst: Grootheid) -> Result<Gevoeligheid, AnalyseFout> {
    if uitkomst.vraagt_impact() && s.impact.is_none() {
        return Err(AnalyseFout::GeenImpact(uitkomst.as_str().to_string()));
    }
    let basis = outcome(s, uitkomst)?;
    let verklaard = !s.onzekerheden.is_empty();
    let mut plan: Vec<(Param, Decimal, Decimal, String)> = Vec::new();
    if verklaard {
        for o in &s.onzekerheden {
            let p = Param::resolve(s, &o.parameter).map_err(AnalyseFout::Ongeldig)?;
            let (lo, hi) = laag_hoog(&o.verdeling).ok_or_else(|| {
                AnalyseFout::TeGroot(format!(
                    "{} ({}): het 2,5 %- of 97,5 %-punt valt buiten het bereik van een decimaal \
                     getal",
                    o.path, o.parameter
                ))
            })?;
            plan.push((p, lo, hi, "verdeling".into()));
        }
    } else {
        let (down, up) = (Decimal::new(8, 1), Decimal::new(12, 1));
        for p in Param::alle(s) {
            let v = p.get(s);
            let too_large = || AnalyseFout::Ongeldig(format!("{}: waarde te groot", p.pad));
            let lo = p.soort.clamp(v.checked_mul(down).ok_or_else(too_large)?);
            let hi = p.soort.clamp(v.checked_mul(up).ok_or_else(too_large)?);
            plan.push((p, lo, hi, "±20 %".into()));
        }
    }
    let mut rijen = Vec::with_capacity(plan.len());
    for (p, lo, hi, bron) in plan {
        let mut work = s.clone();
        let laag = p.set(&mut work, lo);
        let uitkomst_laag = outcome(&work, uitkomst)?;
        let hoog = p.set(&mut work, hi);
        let uitkomst_hoog = outcome(&work, uitkomst)?;
        let swing = uitkomst_hoog
            .checked_sub(uitkomst_laag)
            .ok_or_else(|| {
                AnalyseFout::TeGroot(format!(
                    "{}: het verschil tussen de uitkomst bij laag en bij hoog is te groot",
                    p.pad
                ))
            })?
            .abs();
        rijen.push(GevoeligheidRij {
            basiswaarde: p.get(s),
            pad: p.pad,
            laag,
            hoog,
            bron,
            uitkomst_laag,
            uitkomst_hoog,
            swing,
        });
    }
    rijen.sort_by(|a, b| b.swing.cmp(&a.swing).then_with(|| a.pad.cmp(&b.pad)));
    Ok(Gevoeligheid {
        uitkomst,
        basis,
        rijen,
        verklaard,
    })
}

/// A value of the parameter and the figure there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Punt {
    /// The parameter's value.
    pub waarde: Decimal,
    /// The figure at that value.
    pub uitkomst: Decimal,
}

/// Which way the figure goes as the parameter rises, from the two ends of the searched range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Richting {
    /// Higher at the high end.
    Stijgend,
    /// Lower at the high end.
    Dalend,
    /// The same at both ends.
    Vlak,
}

/// Which end of the searched range a point is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grens {
    /// The lowest valid value.
    Ondergrens,
    /// The highest valid value.
    Bovengrens,
    /// The highest value tried where the range has no upper bound.
    Zoekgrens,
    /// The highest value at which the figure can still be calculated: above it an amount would
    /// pass the € 10^12 every amount is bounded by (docs/rekenregels.md, "Grenzen").
    Rekengrens,
}

/// Why no value reaches the target: even at the end of the range where the figure is highest
/// it stays below the target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Onbereikt {
    /// That end and the figure there.
    pub punt: Punt,
    /// Which end it is.
    pub grens: Grens,
}

/// The result of a threshold analysis. The target is reached where the figure is at least the
/// target (`netto=0`: break even); a rising figure reaches it from some value on, a falling one
/// up to some value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Oplossing {
    /// The parameter path.
    pub pad: String,
    /// The figure's name.
    pub grootheid: String,
    /// The target.
    pub doel: Decimal,
    /// The parameter as written, and the figure there.
    pub huidig: Punt,
    /// The grid step searched on (0.01, or 1 for whole numbers).
    pub stap: Decimal,
    /// Which way the figure goes as the parameter rises.
    pub richting: Richting,
    /// Where the figure reaches the target: `None` when no value in the valid range does.
    pub kruising: Option<Kruising>,
    /// Why not, when no value does.
    pub onbereikt: Option<Onbereikt>,
    /// The value where a straight line through the figure meets the target, when the figure is
    /// linear in the parameter (up to the rounding per line); `None` otherwise. Outside the
    /// range when no value reaches the target.
    pub lineair: Option<Decimal>,
    /// The searched range's low end.
    pub ondergrens: Decimal,
    /// When the target is an offer's coverage that no value reaches and the offer's `plafond`
    /// caps its opbrengst at the end of the range where the coverage is highest: that plafond
    /// (€ per year), which is why.
    pub plafond: Option<Decimal>,
}

/// Where the figure meets the target, on the grid. Walking from the end of the range where the
/// target is not reached (the low end for a rising figure, the high end for a falling one):
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kruising {
    /// The first value that reaches the target: the lowest for a rising figure, the highest
    /// for a falling one.
    pub eerste: Punt,
    /// The value one step before it on that walk, which does not reach the target (one step
    /// lower for a rising figure, one step higher for a falling one); `None` at the end of the
    /// range.
    pub ervoor: Option<Punt>,
    /// The far end of a stretch where the figure equals the target exactly (a plateau from cent
    /// rounding): its highest value for a rising figure, its lowest for a falling one.
    pub tot: Option<Punt>,
}

/// Where the straight line through `(x0, a)` and `(x2, b)` meets `target`, if `(x1, m)` lies
/// on that line up to a cent per ten thousandth of the spread (rounding per line); all checked.
fn linear_root(
    x0: Decimal,
    x1: Decimal,
    x2: Decimal,
    a: Decimal,
    m: Decimal,
    b: Decimal,
    target: Decimal,
) -> Option<Decimal> {
    let rise = b.checked_sub(a)?;
    let run = x2.checked_sub(x0)?;
    let predicted = a.checked_add(rise.checked_mul(x1.checked_sub(x0)?)?.checked_div(run)?)?;
    let tolerance = rise
        .abs()
        .checked_div(Decimal::from(10_000))?
        .max(Decimal::new(1, 2));
    if m.checked_sub(predicted)?.abs() > tolerance {
        return None;
    }
    x0.checked_add(target.checked_sub(a)?.checked_mul(run)?.checked_div(rise)?)
}

/// The highest value tried when the range has no upper bound.
const MAX_WAARDE: i64 = 1_000_000_000_000;

/// The figure on the grid `lo + k × stap` of one parameter.
struct Raster<'a> {
    p: Param,
    doel: &'a Doelgrootheid,
    work: Scenario,
    lo: Decimal,
    stap: Decimal,
}

impl Raster<'_> {
    fn waarde(&self, k: i64) -> Decimal {
        // k ≤ 10^14 (10^12 in steps of 0.01): far inside a Decimal.
        self.lo + self.stap * Decimal::from(k)
    }

    /// The figure at grid index `k`; `None` where it does not exist (a zero denominator).
    fn f(&mut self, k: i64) -> Result<Option<Decimal>, AnalyseFout> {
        let v = self.waarde(k);
        self.p.set(&mut self.work, v);
        self.doel.waarde(&self.work)
    }

    fn punt(&mut self, k: i64) -> Result<Option<Punt>, AnalyseFout> {
        let waarde = self.waarde(k);
        Ok(self.f(k)?.map(|uitkomst| Punt { waarde, uitkomst }))
    }

    /// The smallest `k` in `(l, r]` where `pred` holds, for `pred` false at `l` and true at `r`
    /// and changing once in between (bisection).
    fn eerste_waar(
        &mut self,
        mut l: i64,
        mut r: i64,
        pred: impl Fn(Option<Decimal>) -> bool,
    ) -> Result<i64, AnalyseFout> {
        while r - l > 1 {
            let mid = l + (r - l) / 2;
            if pred(self.f(mid)?) {
                r = mid;
            } else {
                l = mid;
            }
        }
        Ok(r)
    }

    /// The largest `k` in `[l, r)` where the figure can be calculated, for `f(l)` calculable and
    /// `f(r)` too large (an amount above € 10^12); amounts grow with the parameter, so this is
    /// one change from calculable to not (bisection).
    fn laatste_berekenbaar(&mut self, mut l: i64, mut r: i64) -> Result<i64, AnalyseFout> {
        while r - l > 1 {
            let mid = l + (r - l) / 2;
            match self.f(mid) {
                Ok(_) => l = mid,
                Err(AnalyseFout::Calc(_)) => r = mid,
                Err(e) => return Err(e),
            }
        }
        Ok(l)
    }

    /// `k` with its figure when that can be calculated; else the last calculable index below
    /// it (down to `l`, which can) with its figure, marked [`Grens::Rekengrens`].
    fn berekenbaar(
        &mut self,
        l: i64,
        k: i64,
        grens: Grens,
    ) -> Result<(i64, Option<Decimal>, Grens), AnalyseFout> {
        match self.f(k) {
            Ok(f) => Ok((k, f, grens)),
            Err(AnalyseFout::Calc(_)) => {
                let k = self.laatste_berekenbaar(l, k)?;
                Ok((k, self.f(k)?, Grens::Rekengrens))
            }
            Err(e) => Err(e),
        }
    }

    /// The grid index of the top of the range: its bound, or where there is none, doubling
    /// from twice the current value until the figure is on the other side of `doel` than at
    /// the low end, or the field's documented bound `zoek_tot` or [`MAX_WAARDE`] is reached.
    /// Either way the range ends where the figure can no longer be calculated (the low end,
    /// index 0, can: the caller has calculated it).
    fn bovenkant(
        &mut self,
        hi: Option<Decimal>,
        zoek_tot: Option<Decimal>,
        huidig: Decimal,
        f_lo: Option<Decimal>,
        doel: Decimal,
    ) -> Result<(i64, Grens), AnalyseFout> {
        let index = |v: Option<Decimal>, stap: Decimal| -> i64 {
            v.and_then(|v| v.checked_div(stap))
                .and_then(|k| k.trunc().try_into().ok())
                .unwrap_or(i64::MAX)
        };
        if let Some(h) = hi {
            let k = index(h.checked_sub(self.lo), self.stap);
            let (k, _, grens) = self.berekenbaar(0, k, Grens::Bovengrens)?;
            return Ok((k, grens));
        }
        let (top, top_grens) = match zoek_tot {
            Some(t) if t < Decimal::from(MAX_WAARDE) => (t, Grens::Bovengrens),
            _ => (Decimal::from(MAX_WAARDE), Grens::Zoekgrens),
        };
        let k_top = index(top.checked_sub(self.lo), self.stap);
        let start = huidig
            .max(Decimal::ONE)
            .checked_mul(Decimal::TWO)
            .unwrap_or(Decimal::MAX);
        let mut k = index(start.checked_sub(self.lo), self.stap).min(k_top);
        let grens_at = |k: i64| {
            if k >= k_top {
                top_grens
            } else {
                Grens::Zoekgrens
            }
        };
        let side = |f: Option<Decimal>| f.map(|x| x.cmp(&doel));
        let mut below = 0;
        loop {
            let (k_ok, f, grens) = self.berekenbaar(below, k, grens_at(k))?;
            if grens == Grens::Rekengrens {
                return Ok((k_ok, grens));
            }
            if side(f) != side(f_lo) || k >= k_top {
                return Ok((k, grens));
            }
            below = k;
            k = k.saturating_mul(2).max(k + 1).min(k_top);
        }
    }
}

/// Where a figure going `richting` over grid indices `0..=k_hi` (values `a` and `b` at the
/// ends) reaches `doel`: `(k*, neighbour, plateau end)`, or `None` when it does not.
fn kruising_op(
    r: &mut Raster<'_>,
    richting: Richting,
    k_hi: i64,
    (a, b): (Decimal, Decimal),
    doel: Decimal,
) -> Result<Option<Kruising>, AnalyseFout> {
    let reached = |f: Option<Decimal>| f.is_some_and(|x| x >= doel);
    let equal = |f: Option<Decimal>| f == Some(doel);
    let (k, ervoor, tot) = if richting == Richting::Dalend {
        // Reached on [0, k*]: k* is the last index that reaches it.
        if a < doel {
            return Ok(None);
        }
        let k = if b >= doel {
            k_hi
        } else {
            r.eerste_waar(0, k_hi, |f| !reached(f))? - 1
        };
        let ervoor = if k < k_hi { r.punt(k + 1)? } else { None };
        let tot = if equal(r.f(k)?) && k > 0 {
            let first = if equal(r.f(0)?) {
                0
            } else {
                r.eerste_waar(0, k, equal)?
            };
            (first < k).then_some(first)
        } else {
            None
        };
        (k, ervoor, tot)
    } else {
        // Reached on [k*, k_hi].
        if b < doel {
            return Ok(None);
        }
        let k = if a >= doel {
            0
        } else {
            r.eerste_waar(0, k_hi, reached)?
        };
        let ervoor = if k > 0 { r.punt(k - 1)? } else { None };
        let tot = if equal(r.f(k)?) {
            let last = if equal(r.f(k_hi)?) {
                k_hi
            } else {
                r.eerste_waar(k, k_hi, |f| !equal(f))? - 1
            };
            (last > k).then_some(last)
        } else {
            None
        };
        (k, ervoor, tot)
    };
    let Some(eerste) = r.punt(k)? else {
        return Ok(None);
    };
    Ok(Some(Kruising {
        eerste,
        ervoor,
        tot: tot.map(|t| Punt {
            waarde: r.waarde(t),
            uitkomst: doel,
        }),
    }))
}

/// The plafond of offer `i` when it caps that offer's opbrengst in some contract year at
/// parameter value `waarde` (the opbrengst there equals the plafond).
fn plafond_bindt(
    r: &mut Raster<'_>,
    i: usize,
    waarde: Decimal,
) -> Result<Option<Decimal>, AnalyseFout> {
    let Some(plafond) = r.work.aanbiedingen.get(i).and_then(|a| a.plafond) else {
        return Ok(None);
    };
    r.p.set(&mut r.work, waarde);
    let totals = calc::evaluate_totals(&r.work)?;
    let capped = totals
        .aanbiedingen
        .regels
        .iter()
        .any(|j| j.aanbod == i && j.opbrengst == plafond);
    Ok(capped.then_some(plafond))
}

/// Finds the value of `pad` at which `doel` reaches `waarde` (see [`Oplossing`]).
pub fn los_op(
    s: &Scenario,
    pad: &str,
    doel: &Doelgrootheid,
    waarde: Decimal,
) -> Result<Oplossing, AnalyseFout> {
    let p = Param::resolve(s, pad).map_err(AnalyseFout::Ongeldig)?;
    let stap = if p.soort.geheel() {
        Decimal::ONE
    } else {
        Decimal::new(1, 2)
    };
    let (lo, hi_bound) = p.soort.bereik();
    // Where the kind has no upper bound, the search doubles no further than the field's
    // documented bound (a value beyond it would be refused as input).
    let zoek_tot = p.grens.map(|g| g.max());
    let geheel = p.soort.geheel();
    let huidig_v = p.get(s);
    let huidig_u = doel
        .waarde(s)?
        .ok_or_else(|| AnalyseFout::Ongeldig("de uitkomst bestaat niet (noemer nul)".into()))?;
    let mut r = Raster {
        p,
        doel,
        work: s.clone(),
        lo,
        stap,
    };
    let f_lo = r.f(0)?;
    let (k_hi, grens_hi) = r.bovenkant(hi_bound, zoek_tot, huidig_v, f_lo, waarde)?;
    let (Some(a), Some(b)) = (f_lo, r.f(k_hi)?) else {
        return Err(AnalyseFout::Ongeldig(
            "de uitkomst bestaat niet over het hele bereik (noemer nul)".into(),
        ));
    };
    let richting = match b.cmp(&a) {
        std::cmp::Ordering::Greater => Richting::Stijgend,
        std::cmp::Ordering::Less => Richting::Dalend,
        std::cmp::Ordering::Equal => Richting::Vlak,
    };
    let kruising = kruising_op(&mut r, richting, k_hi, (a, b), waarde)?;
    // Not reached: the figure is highest at the low end when it falls, else at the high end.
    let onbereikt = kruising.is_none().then(|| match richting {
        Richting::Dalend => Onbereikt {
            punt: Punt {
                waarde: lo,
                uitkomst: a,
            },
            grens: Grens::Ondergrens,
        },
        _ => Onbereikt {
            punt: Punt {
                waarde: r.waarde(k_hi),
                uitkomst: b,
            },
            grens: grens_hi,
        },
    });
    // Linear through the two ends and the middle (up to a cent per 10,000 of the spread)?
    let lineair = if !geheel && k_hi > 2 && a != b {
        let mid_k = k_hi / 2;
        match r.f(mid_k)? {
            Some(m) => linear_root(lo, r.waarde(mid_k), r.waarde(k_hi), a, m, b, waarde),
            None => None,
        }
    } else {
        None
    };
    let plafond = match (&onbereikt, doel) {
        (Some(n), Doelgrootheid::Dekking(i)) => plafond_bindt(&mut r, *i, n.punt.waarde)?,
        _ => None,
    };
    Ok(Oplossing {
        plafond,
        pad: pad.to_string(),
        grootheid: doel.naam(s),
        doel: waarde,
        huidig: Punt {
            waarde: huidig_v,
            uitkomst: huidig_u,
        },
        stap,
        richting,
        kruising,
        onbereikt,
        lineair,
        ondergrens: lo,
    })
}
