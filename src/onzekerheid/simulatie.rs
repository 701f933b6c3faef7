//! Monte Carlo simulation over the declared distributions. Every draw comes from a generator
//! seeded with (seed, iteration), and every statistic is accumulated in exact integers (cents,
//! checked `i128`), so the same seed gives the same result on every run and with any number of
//! threads. Memory does not grow with the number of iterations: the draws are made twice
//! instead of being kept. The first pass sums and counts per fixed bucket and meets every error
//! a draw can cause; only then does the second pass hand the draws to the caller (to write them
//! out) while it gathers the spread and the values in the buckets that hold a percentile. So a
//! failing simulation has written no draw. Pure, no I/O: draws and progress go to the caller's
//! callbacks.

use std::collections::BTreeMap;

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::analyse::AnalyseFout;
use super::param::Param;
use super::verdeling::{Trekker, beschrijving};
use crate::calc::{cost, impact};
use crate::decimal::{euro, round_half_away};
use crate::scenario::{Grootheid, Scenario};

/// The figures a simulation reports (horizon totals).
pub const FIGUREN: [Grootheid; 4] = [
    Grootheid::TeFinancieren,
    Grootheid::KostendekkendTarief,
    Grootheid::VermedenKosten,
    Grootheid::Netto,
];

/// The most iterations a simulation runs (the documented limit of `simulate --iteraties`): a
/// million draws take a few minutes on one core and keep every sum of cents far inside `i128`.
pub const MAX_ITERATIES: u64 = 1_000_000;

/// Iterations handled together; bounds the memory for draws handed to the caller, and how
/// often progress is reported.
const BLOK: u64 = 4096;
/// Bins of the histogram that is shown.
pub const BALKEN: usize = 20;

/// One iteration: the drawn parameter values and the four figures in cents (`None` where the
/// scenario has no such figure).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trekking {
    /// Iteration number, from 1.
    pub iteratie: u64,
    /// The values used, in the order of `[[onzekerheid]]` (after bringing them into range).
    pub waarden: Vec<Decimal>,
    /// [`FIGUREN`] in cents.
    pub figuren: [Option<i64>; 4],
}

/// Summary of one figure over all iterations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statistiek {
    /// Which figure.
    pub grootheid: Grootheid,
    /// Mean, rounded to cents.
    pub gemiddelde: Decimal,
    /// Sample standard deviation, rounded to cents.
    pub sd: Decimal,
    /// 5th, 50th and 95th percentile (nearest rank: the ⌈p·n⌉-th smallest draw).
    pub p5: Decimal,
    /// Median.
    pub p50: Decimal,
    /// 95th percentile.
    pub p95: Decimal,
    /// Smallest draw.
    pub min: Decimal,
    /// Largest draw.
    pub max: Decimal,
    /// Counts in [`BALKEN`] equal bins from min to max.
    pub histogram: Vec<u64>,
}

/// The result of a simulation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Simulatie {
    /// Iterations.
    pub iteraties: u64,
    /// Seed.
    pub seed: u64,
    /// Each uncertain parameter and how its distribution was read.
    pub parameters: Vec<(String, String)>,
    /// Statistics per figure the scenario has.
    pub figuren: Vec<Statistiek>,
    /// The share of iterations with netto ≥ 0 (0–1, exact); `None` without `[impact]`.
    pub kans_netto_positief: Option<Decimal>,
    /// The figures with every parameter as written.
    pub deterministisch: [Option<Decimal>; 4],
}

/// A figure in whole cents, or why it does not fit in a draw (`i64` cents, € 9,2 × 10^16).
fn cents(g: Grootheid, d: Decimal) -> Result<i64, AnalyseFout> {
    d.checked_mul(Decimal::ONE_HUNDRED)
        .and_then(|c| c.trunc().to_i64())
        .ok_or_else(|| {
            AnalyseFout::TeGroot(format!(
                "{} = {} is te groot voor de simulatie",
                g.as_str(),
                euro(round_half_away(d, 2))
            ))
        })
}

/// The four figures of `s` in cents.
fn kerncijfers(s: &Scenario) -> Result<[Option<i64>; 4], AnalyseFout> {
    // The same figures as `business-case` over the horizon (netto = vermeden − te financieren),
    // without the ratios and the net present value that a draw does not need.
    let k = cost::evaluate_totals(s)?;
    let vermeden = impact::evaluate(s)?.ok().map(|i| i.vermeden_kosten);
    let te = cents(Grootheid::TeFinancieren, k.totaal.te_financieren)?;
    let tarief = cents(
        Grootheid::KostendekkendTarief,
        k.totaal.kostendekkend_tarief,
    )?;
    let vermeden = vermeden
        .map(|v| cents(Grootheid::VermedenKosten, v))
        .transpose()?;
    let netto =
        match vermeden {
            Some(v) => Some(v.checked_sub(te).ok_or_else(|| {
                AnalyseFout::TeGroot("netto is te groot voor de simulatie".into())
            })?),
            None => None,
        };
    Ok([Some(te), Some(tarief), vermeden, netto])
}

/// What happens with each block of draws (and how many iterations are done).
type PerBlok<'a> = dyn FnMut(&[Trekking], u64) -> Result<(), AnalyseFout> + 'a;

/// A checked simulation, ready to draw.
struct Opzet<'s> {
    s: &'s Scenario,
    params: Vec<Param>,
    trekkers: Vec<Trekker>,
    seed: u64,
    iteraties: u64,
}

impl<'s> Opzet<'s> {
    /// Checks the declarations and the number of iterations.
    fn new(s: &'s Scenario, iteraties: u64, seed: u64) -> Result<Opzet<'s>, AnalyseFout> {
        if s.onzekerheden.is_empty() {
            return Err(AnalyseFout::Ongeldig(
                "dit scenario declareert geen [[onzekerheid]]; een simulatie heeft verdelingen \
                 nodig"
                    .into(),
            ));
        }
        if iteraties == 0 {
            return Err(AnalyseFout::Ongeldig(
                "--iteraties moet minstens 1 zijn".into(),
            ));
        }
        if iteraties > MAX_ITERATIES {
            return Err(AnalyseFout::Ongeldig(
                "--iteraties mag hoogstens 1.000.000 zijn".into(),
            ));
        }
        let mut params = Vec::with_capacity(s.onzekerheden.len());
        for o in &s.onzekerheden {
            params.push(Param::resolve(s, &o.parameter).map_err(AnalyseFout::Ongeldig)?);
        }
        Ok(Opzet {
            s,
            trekkers: s
                .onzekerheden
                .iter()
                .map(|o| Trekker::new(&o.verdeling))
                .collect(),
            params,
            seed,
            iteraties,
        })
    }

    /// Iteration `i` (from 0) on the caller's working copy of the scenario.
    fn trek(&self, work: &mut Scenario, i: u64) -> Result<Trekking, AnalyseFout> {
        let mut rng = ChaCha8Rng::seed_from_u64(self.seed);
        rng.set_stream(i);
        let mut waarden = Vec::with_capacity(self.params.len());
        for ((p, t), o) in self
            .params
            .iter()
            .zip(&self.trekkers)
            .zip(&self.s.onzekerheden)
        {
            let x = t.trek(&mut rng).ok_or_else(|| {
                AnalyseFout::TeGroot(format!(
                    "{} ({}): een trekking valt buiten het bereik van een decimaal getal",
                    o.path, o.parameter
                ))
            })?;
            waarden.push(p.set(work, x));
        }
        Ok(Trekking {
            iteratie: i + 1,
            waarden,
            figuren: kerncijfers(work)?,
        })
    }

    /// Runs `fold` over every iteration in blocks, in parallel within a block, handing each
    /// block's draws to `per_blok` in order.
    fn pass<A: Send>(
        &self,
        init: impl Fn() -> A + Sync + Send,
        fold: impl Fn(A, &Trekking) -> A + Sync + Send,
        merge: impl Fn(A, A) -> A + Sync + Send,
        per_blok: &mut PerBlok<'_>,
    ) -> Result<A, AnalyseFout> {
        let mut acc = init();
        let mut start = 0;
        while start < self.iteraties {
            let end = (start + BLOK).min(self.iteraties);
            let draws: Result<Vec<Trekking>, AnalyseFout> = (start..end)
                .into_par_iter()
                .map_init(|| self.s.clone(), |work, i| self.trek(work, i))
                .collect();
            let draws = draws?;
            per_blok(&draws, end)?;
            let part = draws.par_iter().fold(&init, &fold).reduce(&init, &merge);
            acc = merge(acc, part);
            start = end;
        }
        Ok(acc)
    }
}

/// Count, exact sum (`None` once it overflows), min and max of one figure.
#[derive(Clone, Copy)]
struct Som {
    n: u64,
    sum: Option<i128>,
    min: i64,
    max: i64,
}

impl Som {
    fn new() -> Self {
        Som {
            n: 0,
            sum: Some(0),
            min: i64::MAX,
            max: i64::MIN,
        }
    }

    fn add(mut self, x: i64) -> Self {
        self.n += 1;
        self.sum = self.sum.and_then(|s| s.checked_add(i128::from(x)));
        self.min = self.min.min(x);
        self.max = self.max.max(x);
        self
    }

    fn merge(self, o: Som) -> Som {
        Som {
            n: self.n + o.n,
            sum: self.sum.zip(o.sum).and_then(|(a, b)| a.checked_add(b)),
            min: self.min.min(o.min),
            max: self.max.max(o.max),
        }
    }
}

/// A fixed, ordered bucket of a value in cents: exact below 1024, then 512 buckets per power of
/// two (0.2 % wide). Fixed buckets need no range known in advance, so one pass both sums and
/// locates the percentiles.
fn bucket(x: i64) -> i32 {
    let a = x.unsigned_abs();
    let b = if a < 1024 {
        a as i32
    } else {
        let e = 63 - a.leading_zeros() as i32;
        1024 + (e - 10) * 512 + ((a >> (e - 9)) & 511) as i32
    };
    if x < 0 { -b - 1 } else { b }
}

/// The bin of `x` among `bins` equal bins from `min` to `max`.
fn bin(x: i64, min: i64, max: i64, bins: usize) -> usize {
    if max <= min {
        return 0;
    }
    // In i128: max − min spans up to 2^64, and × bins still fits.
    let pos =
        (i128::from(x) - i128::from(min)) * bins as i128 / (i128::from(max) - i128::from(min) + 1);
    usize::try_from(pos).map_or(bins - 1, |p| p.min(bins - 1))
}

/// The first pass: per figure its [`Som`] and its counts per [`bucket`]; and how many draws
/// have netto ≥ 0.
#[derive(Clone)]
struct Telling {
    sommen: Vec<Som>,
    positief: u64,
    emmers: Vec<BTreeMap<i32, u64>>,
}

impl Telling {
    fn new() -> Telling {
        Telling {
            sommen: vec![Som::new(); FIGUREN.len()],
            positief: 0,
            emmers: vec![BTreeMap::new(); FIGUREN.len()],
        }
    }

    fn add(mut self, t: &Trekking) -> Telling {
        for (k, f) in t.figuren.iter().enumerate() {
            if let Some(x) = f {
                self.sommen[k] = self.sommen[k].add(*x);
                *self.emmers[k].entry(bucket(*x)).or_insert(0) += 1;
            }
        }
        if t.figuren[3].is_some_and(|x| x >= 0) {
            self.positief += 1;
        }
        self
    }

    fn merge(mut self, o: Telling) -> Telling {
        for (x, y) in self.emmers.iter_mut().zip(o.emmers) {
            for (key, n) in y {
                *x.entry(key).or_insert(0) += n;
            }
        }
        self.sommen = self
            .sommen
            .iter()
            .zip(&o.sommen)
            .map(|(x, y)| x.merge(*y))
            .collect();
        self.positief += o.positief;
        self
    }
}

/// What the second pass needs of one figure, from the first: where its percentiles lie and
/// the centre its squares are taken around.
struct Plan {
    /// Per percentile (5, 50, 95): its bucket and its rank within that bucket (from 1).
    doelen: [(i32, u64); 3],
    /// The mean in whole cents (rounded half away from zero).
    midden: i64,
    /// The exact sum, for the mean.
    som: i128,
}

/// The mean of `sum / n` in whole cents, rounded half away from zero (`n` > 0).
fn midden(sum: i128, n: u64) -> Option<i64> {
    let n = i128::from(n);
    let (q, r) = (sum / n, sum % n);
    let q = if 2 * r.abs() >= n { q + r.signum() } else { q };
    i64::try_from(q).ok()
}

/// An upper bound of Σ(x − m)² over `n` draws between `min` and `max`, when it fits in `i128`
/// (so the exact sum of the second pass cannot overflow).
fn spreiding_past(n: u64, min: i64, max: i64, m: i64) -> Option<i128> {
    let d = (i128::from(max) - i128::from(m)).max(i128::from(m) - i128::from(min));
    d.checked_mul(d)?.checked_mul(i128::from(n))
}

impl Plan {
    /// The plan of figure `k`; an error when its sums do not fit in exact integers (checked
    /// here, so the second pass, which streams the draws, cannot fail).
    fn new(t: &Telling, k: usize) -> Result<Plan, AnalyseFout> {
        let sm = t.sommen[k];
        let te_groot = || {
            AnalyseFout::TeGroot(format!(
                "{}: de trekkingen lopen te ver uiteen ({} tot {}) om exact op te tellen",
                FIGUREN[k].as_str(),
                euro(Decimal::new(sm.min, 2)),
                euro(Decimal::new(sm.max, 2))
            ))
        };
        let som = sm.sum.ok_or_else(te_groot)?;
        let midden = midden(som, sm.n.max(1)).ok_or_else(te_groot)?;
        if sm.n > 0 {
            spreiding_past(sm.n, sm.min, sm.max, midden).ok_or_else(te_groot)?;
        }
        let doelen = [5u64, 50, 95].map(|p| {
            let r = (p * sm.n).div_ceil(100).max(1);
            let mut seen = 0;
            for (b, c) in &t.emmers[k] {
                if seen + c >= r {
                    return (*b, r - seen);
                }
                seen += c;
            }
            (i32::MAX, 1)
        });
        Ok(Plan {
            doelen,
            midden,
            som,
        })
    }
}

/// The second pass, per figure: Σ(x − m)² around the whole-cent mean (exact), the shown
/// histogram, and the draws in the buckets that hold a percentile.
#[derive(Clone)]
struct Spreiding {
    kwadraten: Option<i128>,
    histogram: Vec<u64>,
    kandidaten: [Vec<i64>; 3],
}

impl Spreiding {
    fn new() -> Spreiding {
        Spreiding {
            kwadraten: Some(0),
            histogram: vec![0; BALKEN],
            kandidaten: [Vec::new(), Vec::new(), Vec::new()],
        }
    }

    fn add(&mut self, x: i64, sm: &Som, plan: &Plan) {
        let d = i128::from(x) - i128::from(plan.midden);
        self.kwadraten = self
            .kwadraten
            .and_then(|q| q.checked_add(d.checked_mul(d)?));
        self.histogram[bin(x, sm.min, sm.max, BALKEN)] += 1;
        let b = bucket(x);
        for (j, (tb, _)) in plan.doelen.iter().enumerate() {
            if *tb == b {
                self.kandidaten[j].push(x);
            }
        }
    }

    fn merge(&mut self, o: Spreiding) {
        self.kwadraten = self
            .kwadraten
            .zip(o.kwadraten)
            .and_then(|(a, b)| a.checked_add(b));
        self.histogram
            .iter_mut()
            .zip(&o.histogram)
            .for_each(|(p, q)| *p += q);
        for (p, q) in self.kandidaten.iter_mut().zip(o.kandidaten) {
            p.extend(q);
        }
    }
}

/// The sample standard deviation in euros from the exact sums: with D = Σx − n·m,
/// Σ(x − mean)² = Σ(x − m)² − D²/n (cents²). The square root is a float's in any case; the
/// float steps are the same on every machine, so the result is reproducible.
fn standaardafwijking(n: u64, kwadraten: i128, som: i128, m: i64) -> Decimal {
    if n <= 1 {
        return Decimal::ZERO;
    }
    // |D| ≤ n/2 (m is the rounded mean), so D² is small and exact.
    let d = som - i128::from(n) * i128::from(m);
    let ss = kwadraten as f64 - (d * d) as f64 / n as f64;
    let var = (ss / (n - 1) as f64 / 10_000.0).max(0.0);
    Decimal::try_from(var.sqrt()).unwrap_or(Decimal::ZERO)
}

/// The [`Statistiek`] of figure `k` from both passes.
fn statistiek(k: usize, sm: &Som, plan: &Plan, sp: &mut Spreiding) -> Statistiek {
    let sd = sp.kwadraten.map_or(Decimal::ZERO, |q| {
        standaardafwijking(sm.n, q, plan.som, plan.midden)
    });
    let mut pick = |j: usize| -> Decimal {
        let values = &mut sp.kandidaten[j];
        values.sort_unstable();
        let within = usize::try_from(plan.doelen[j].1).unwrap_or(usize::MAX);
        Decimal::new(
            values
                .get(within.saturating_sub(1))
                .copied()
                .unwrap_or(sm.min),
            2,
        )
    };
    let (p5, p50, p95) = (pick(0), pick(1), pick(2));
    // The sum fits a Decimal: at most 10^6 draws of at most 2^63 cents, below 2^96.
    let mean = Decimal::try_from_i128_with_scale(plan.som, 2)
        .ok()
        .and_then(|s| s.checked_div(Decimal::from(sm.n)))
        .unwrap_or(Decimal::ZERO);
    Statistiek {
        grootheid: FIGUREN[k],
        gemiddelde: round_half_away(mean, 2),
        sd: round_half_away(sd, 2),
        p5,
        p50,
        p95,
        min: Decimal::new(sm.min, 2),
        max: Decimal::new(sm.max, 2),
        histogram: std::mem::take(&mut sp.histogram),
    }
}

/// Runs `iteraties` draws with `seed`. `draws` receives every block of draws in order (to
/// write them out), and only once the first pass has met every error a draw can cause;
/// `voortgang` the number of iterations done so far (each pass counts for half), once per
/// block of 4096.
pub fn simuleer(
    s: &Scenario,
    iteraties: u64,
    seed: u64,
    draws: &mut dyn FnMut(&[Trekking]) -> Result<(), AnalyseFout>,
    voortgang: &mut dyn FnMut(u64),
) -> Result<Simulatie, AnalyseFout> {
    let opzet = Opzet::new(s, iteraties, seed)?;
    let deterministisch = kerncijfers(s)?.map(|c| c.map(|c| Decimal::new(c, 2)));

    let telling = opzet.pass(
        Telling::new,
        Telling::add,
        Telling::merge,
        &mut |_, done| {
            voortgang(done / 2);
            Ok(())
        },
    )?;
    let plans = (0..FIGUREN.len())
        .map(|k| Plan::new(&telling, k))
        .collect::<Result<Vec<Plan>, AnalyseFout>>()?;

    let fold2 = |mut acc: Vec<Spreiding>, t: &Trekking| {
        for (k, f) in t.figuren.iter().enumerate() {
            if let Some(x) = f {
                acc[k].add(*x, &telling.sommen[k], &plans[k]);
            }
        }
        acc
    };
    let merge2 = |mut a: Vec<Spreiding>, b: Vec<Spreiding>| {
        a.iter_mut().zip(b).for_each(|(x, y)| x.merge(y));
        a
    };
    let mut spreiding = opzet.pass(
        || vec![Spreiding::new(); FIGUREN.len()],
        fold2,
        merge2,
        &mut |block, done| {
            draws(block)?;
            voortgang(iteraties / 2 + done / 2);
            Ok(())
        },
    )?;
    voortgang(iteraties);

    let mut figuren = Vec::new();
    for (k, sp) in spreiding.iter_mut().enumerate() {
        let sm = &telling.sommen[k];
        if sm.n > 0 {
            figuren.push(statistiek(k, sm, &plans[k], sp));
        }
    }
    let netto = telling.sommen[3].n;
    let kans_netto_positief =
        (netto > 0).then(|| Decimal::from(telling.positief) / Decimal::from(netto));
    Ok(Simulatie {
        iteraties,
        seed,
        parameters: s
            .onzekerheden
            .iter()
            .map(|o| (o.parameter.clone(), beschrijving(&o.verdeling)))
            .collect(),
        figuren,
        kans_netto_positief,
        deterministisch,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hand-worked scenario of tests/cli/onzekerheid.rs (two declared parameters).
    fn twee() -> Scenario {
        let text = include_str!("../../tests/fixtures/onzekerheid/twee.toml");
        crate::scenario::parse(text).unwrap()
    }

    #[test]
    fn more_than_the_documented_limit_of_iterations_is_refused_before_any_draw() {
        // The limit itself (10^6) is the documented bound of `simulate --iteraties`.
        assert_eq!(MAX_ITERATIES, 1_000_000);
        let mut drawn = 0;
        let mut draws = |block: &[Trekking]| {
            drawn += block.len();
            Err(AnalyseFout::Ongeldig("er is getrokken".into()))
        };
        let e = simuleer(&twee(), MAX_ITERATIES + 1, 1, &mut draws, &mut |_| {}).unwrap_err();
        assert_eq!(
            e,
            AnalyseFout::Ongeldig("--iteraties mag hoogstens 1.000.000 zijn".into())
        );
        assert_eq!(drawn, 0);
    }

    /// Ten groups of 1,000 huisartsen meeting 365 times 24 hours a year: 10 × 1,000 × 365 × 24
    /// = 87,600,000 hours, at a rate drawn uniformly from 0 to 10,000 (the documented bounds).
    /// te_financieren = 87,600,000 × rate: up to € 876 × 10^9, below the € 10^12 bound.
    fn wijd() -> Scenario {
        let mut text = String::from(
            "formaat = 1\n[scenario]\nnaam = \"Wijd\"\nstartjaar = 2026\nlooptijd_jaren = 1\n\
             verzekerden = 1000\n[uurtarieven]\nhuisarts = 5000\n[werkwijze]\n\
             bijeenkomsten_per_jaar = 365\nduur_uren = 24\npatienten_per_jaar = 10\n",
        );
        for g in 1..=10 {
            text.push_str(&format!(
                "[[groep]]\nnaam = \"G{g}\"\ndeelnemers = {{ huisarts = 1000 }}\n"
            ));
        }
        text.push_str(
            "[[onzekerheid]]\nparameter = \"uurtarieven.huisarts\"\nverdeling = \"uniform\"\n\
             min = 0\nmax = 10000\n",
        );
        crate::scenario::parse(&text).unwrap()
    }

    #[test]
    fn a_spread_past_the_range_of_a_decimal_gives_the_sample_sd_instead_of_a_panic() {
        // sd of the rate: 10,000 / √12 = 2,886.75; of te_financieren 87,600,000 × 2,886.75 =
        // € 2.5288 × 10^11 = 2.5288 × 10^13 cents. Σ(x − mean)² over 200 draws is about
        // 200 × 6.4 × 10^26 = 1.3 × 10^29 cents², past a Decimal's 7.9 × 10^28.
        let mut te: Vec<i128> = Vec::new();
        let sim = simuleer(
            &wijd(),
            200,
            3,
            &mut |block| {
                te.extend(block.iter().map(|t| i128::from(t.figuren[0].unwrap())));
                Ok(())
            },
            &mut |_| {},
        )
        .unwrap();
        let f = &sim.figuren[0];
        assert_eq!(f.grootheid, Grootheid::TeFinancieren);
        // The exact mean of the draws, in cents, rounded half away from zero.
        let n = te.len() as i128;
        let sum: i128 = te.iter().sum();
        let mean_cents = (2 * sum + n).div_euclid(2 * n);
        assert_eq!(f.gemiddelde, Decimal::from_i128_with_scale(mean_cents, 2));
        // The sample sd from the exact sums: (n Σx² − (Σx)²) / (n (n − 1)) cents².
        let sq: i128 = te.iter().map(|x| x * x).sum();
        let var = (n * sq - sum * sum) as f64 / (n * (n - 1)) as f64;
        let sd_euro = var.sqrt() / 100.0;
        let shown = f.sd.to_f64().unwrap();
        assert!((shown - sd_euro).abs() <= 1.0, "{shown} {sd_euro}");
        // And near the distribution's own sd (within 15 % for 200 draws).
        assert!((shown / 2.5288e11 - 1.0).abs() < 0.15, "{shown}");
        // The mean near 87,600,000 × 5,000 = € 4.38 × 10^11 (within 15 %).
        let mean = f.gemiddelde.to_f64().unwrap();
        assert!((mean / 4.38e11 - 1.0).abs() < 0.15, "{mean}");
    }

    #[test]
    fn draws_reach_the_caller_only_after_every_iteration_was_computed_once() {
        // Every error (a figure too large, an overflow) shows in the first pass, so a caller
        // streaming the draws (`--draws -`) has written nothing when the simulation fails.
        // Progress runs to half the iterations over the first pass.
        let done = std::cell::Cell::new(0);
        let mut first_draw_at = None;
        simuleer(
            &twee(),
            10_000,
            1,
            &mut |_| {
                first_draw_at.get_or_insert(done.get());
                Ok(())
            },
            &mut |d| done.set(d),
        )
        .unwrap();
        assert_eq!(first_draw_at, Some(5_000));
    }

    #[test]
    fn a_spread_too_wide_for_exact_sums_is_found_before_the_second_pass() {
        // |x − m| up to 2^63 cents: its square, about 2^126, fits in i128 (2^127 − 1) once,
        // four times (2^128) it does not.
        assert!(spreiding_past(1, i64::MIN + 1, i64::MAX, 0).is_some());
        assert!(spreiding_past(4, i64::MIN + 1, i64::MAX, 0).is_none());
        // € 10^12 either side of a zero mean (10^14 cents), a million draws: 10^6 × 10^28 =
        // 10^34 < 1.7 × 10^38.
        let grens = 100_000_000_000_000;
        assert!(spreiding_past(1_000_000, -grens, grens, 0).is_some());
    }

    #[test]
    fn buckets_are_ordered_like_the_values() {
        let xs = [
            i64::MIN + 1,
            -5_000_000,
            -1025,
            -1024,
            -1023,
            -1,
            0,
            1,
            1023,
            1024,
            1025,
            2047,
            2048,
            99_999_999,
            i64::MAX,
        ];
        for w in xs.windows(2) {
            assert!(bucket(w[0]) <= bucket(w[1]), "{} {}", w[0], w[1]);
        }
        assert_eq!(bucket(1023), 1023);
        assert_eq!(bucket(1024), 1024);
    }
}
