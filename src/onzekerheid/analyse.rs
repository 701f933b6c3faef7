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
        rijen.push(GevoeligheidRij {
            basiswaarde: p.get(s),
            pad: p.pad,
            laag,
            hoog,
            bron,
            uitkomst_laag,
            uitkomst_hoog,
            swing: uitkomst_hoog
                .checked_sub(uitkomst_laag)
                .map_or(Decimal::MAX, |d| d.abs()),
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

/// The result of a threshold analysis.
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
    /// Where the figure reaches the target: `None` when no value in the valid range does.
    pub kruising: Option<Kruising>,
    /// The value where a straight line through the figure meets the target, when the figure is
    /// linear in the parameter (up to the rounding per line); `None` otherwise.
    pub lineair: Option<Decimal>,
}

/// Where the figure meets the target, on the grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kruising {
    /// The first value (from the low end) at which the target is reached.
    pub eerste: Punt,
    /// The last value before it (not reaching the target); `None` at the low end of the range.
    pub ervoor: Option<Punt>,
    /// The last value at which the figure still equals the target exactly, when it stays there
    /// over a stretch (a plateau from cent rounding).
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
    let mut work = s.clone();
    let mut eval = |v: Decimal| -> Result<Option<Decimal>, AnalyseFout> {
        p.set(&mut work, v);
        doel.waarde(&work)
    };
    let huidig_v = p.get(s);
    let huidig_u = doel
        .waarde(s)?
        .ok_or_else(|| AnalyseFout::Ongeldig("de uitkomst bestaat niet (noemer nul)".into()))?;
    let grid = |k: i64| lo + stap * Decimal::from(k);
    // Grid index of the top of the range: the bound, or doubling until the target is passed.
    let f_lo = eval(lo)?;
    let mut k_hi: i64 = match hi_bound {
        Some(h) => ((h - lo) / stap).trunc().try_into().unwrap_or(i64::MAX),
        None => {
            let start = huidig_v
                .max(Decimal::ONE)
                .checked_mul(Decimal::TWO)
                .unwrap_or(Decimal::MAX)
                .min(Decimal::from(MAX_WAARDE));
            ((start - lo) / stap).trunc().try_into().unwrap_or(i64::MAX)
        }
    };
    let side = |f: Option<Decimal>| f.map(|x| x.cmp(&waarde));
    let start_side = side(f_lo);
    loop {
        let f = eval(grid(k_hi))?;
        if side(f) != start_side || hi_bound.is_some() || grid(k_hi) >= Decimal::from(MAX_WAARDE) {
            break;
        }
        k_hi = k_hi.saturating_mul(2);
    }
    let f_hi = eval(grid(k_hi))?;
    let (Some(a), Some(b)) = (f_lo, f_hi) else {
        return Err(AnalyseFout::Ongeldig(
            "de uitkomst bestaat niet over het hele bereik (noemer nul)".into(),
        ));
    };
    let increasing = b >= a;
    let reached = |f: Decimal| {
        if increasing { f >= waarde } else { f <= waarde }
    };
    let mut oplossing = Oplossing {
        pad: pad.to_string(),
        grootheid: doel.naam(s),
        doel: waarde,
        huidig: Punt {
            waarde: huidig_v,
            uitkomst: huidig_u,
        },
        stap,
        kruising: None,
        lineair: None,
    };
    // With `increasing` taken from the two ends, reaching the target at the low end implies
    // reaching it at the high end; not reaching it at the high end means no value does.
    if !reached(b) {
        return Ok(oplossing);
    }
    // Smallest grid index where the target is reached.
    let value_at =
        |k: i64, eval: &mut dyn FnMut(Decimal) -> Result<Option<Decimal>, AnalyseFout>| {
            eval(grid(k)).map(|f| {
                f.unwrap_or(if increasing {
                    Decimal::MIN
                } else {
                    Decimal::MAX
                })
            })
        };
    let (mut left, mut right) = (0i64, k_hi);
    if reached(a) {
        right = 0;
    } else {
        while right - left > 1 {
            let mid = left + (right - left) / 2;
            if reached(value_at(mid, &mut eval)?) {
                right = mid;
            } else {
                left = mid;
            }
        }
    }
    let eerste = Punt {
        waarde: grid(right),
        uitkomst: value_at(right, &mut eval)?,
    };
    let ervoor = if right > 0 {
        Some(Punt {
            waarde: grid(right - 1),
            uitkomst: value_at(right - 1, &mut eval)?,
        })
    } else {
        None
    };
    // A plateau at exactly the target: its last grid value.
    let tot = if eerste.uitkomst == waarde {
        let (mut l, mut r) = (right, k_hi);
        if value_at(r, &mut eval)? == waarde {
            l = r;
        } else {
            while r - l > 1 {
                let mid = l + (r - l) / 2;
                if value_at(mid, &mut eval)? == waarde {
                    l = mid;
                } else {
                    r = mid;
                }
            }
        }
        (l > right).then(|| Punt {
            waarde: grid(l),
            uitkomst: waarde,
        })
    } else {
        None
    };
    oplossing.kruising = Some(Kruising {
        eerste,
        ervoor,
        tot,
    });
    // Linear through the two ends and the middle (up to a cent per 100 of the spread)?
    if !p.soort.geheel() && k_hi > 2 && a != b {
        let mid_k = k_hi / 2;
        let m = value_at(mid_k, &mut eval)?;
        oplossing.lineair = linear_root(lo, grid(mid_k), grid(k_hi), a, m, b, waarde);
    }
    Ok(oplossing)
}
