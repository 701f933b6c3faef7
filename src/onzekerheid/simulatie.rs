//! Monte Carlo simulation over the declared distributions. Every draw comes from a generator
//! seeded with (seed, iteration), and every statistic is accumulated in exact integers (cents),
//! so the same seed gives the same result on every run and with any number of threads. Memory
//! does not grow with the number of iterations: the draws are made twice (statistics and
//! counts per fixed bucket, then the spread and the values in the buckets that hold a
//! percentile) instead of being kept. Pure, no I/O: draws and progress go to the caller's
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
use crate::decimal::round_half_away;
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

/// Iterations handled together; bounds the memory for draws handed to the caller.
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

fn cents(d: Decimal) -> Option<i64> {
    d.checked_mul(Decimal::ONE_HUNDRED)?.trunc().to_i64()
}

fn from_cents(c: i128) -> Decimal {
    Decimal::from_i128_with_scale(c, 2)
}

/// The four figures of `s` in cents.
fn kerncijfers(s: &Scenario) -> Result<[Option<i64>; 4], AnalyseFout> {
    // The same figures as `business-case` over the horizon (netto = vermeden − te financieren),
    // without the ratios and the net present value that a draw does not need.
    let k = cost::evaluate_totals(s)?;
    let vermeden = impact::evaluate(s)?.ok().map(|i| i.vermeden_kosten);
    let too_large = || AnalyseFout::Ongeldig("uitkomst te groot voor de simulatie".into());
    let c = |d: Decimal| cents(d).ok_or_else(too_large);
    let te = c(k.totaal.te_financieren)?;
    let vermeden = vermeden.map(c).transpose()?;
    Ok([
        Some(te),
        Some(c(k.totaal.kostendekkend_tarief)?),
        vermeden,
        vermeden.map(|v| v - te),
    ])
}

/// What happens with each block of draws (and how many iterations are done).
type PerBlok<'a> = dyn FnMut(&[Trekking], u64) -> Result<(), AnalyseFout> + 'a;

struct Opzet<'s> {
    s: &'s Scenario,
    params: Vec<Param>,
    trekkers: Vec<Trekker>,
    seed: u64,
}

impl Opzet<'_> {
    /// Iteration `i` (from 0) on the caller's working copy of the scenario.
    fn trek(&self, work: &mut Scenario, i: u64) -> Result<Trekking, AnalyseFout> {
        let mut rng = ChaCha8Rng::seed_from_u64(self.seed);
        rng.set_stream(i);
        let mut waarden = Vec::with_capacity(self.params.len());
        for (p, t) in self.params.iter().zip(&self.trekkers) {
            waarden.push(p.set(work, t.trek(&mut rng)));
        }
        Ok(Trekking {
            iteratie: i + 1,
            waarden,
            figuren: kerncijfers(work)?,
        })
    }

    /// Runs `f` over every iteration in blocks, in parallel within a block, handing each
    /// block's draws to `per_blok` in order.
    fn pass<A: Send>(
        &self,
        n: u64,
        init: impl Fn() -> A + Sync + Send,
        fold: impl Fn(A, &Trekking) -> A + Sync + Send,
        merge: impl Fn(A, A) -> A + Sync + Send,
        per_blok: &mut PerBlok<'_>,
    ) -> Result<A, AnalyseFout> {
        let mut acc = init();
        let mut start = 0;
        while start < n {
            let end = (start + BLOK).min(n);
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

#[derive(Clone, Copy)]
struct Som {
    n: u64,
    sum: i128,
    min: i64,
    max: i64,
}

impl Som {
    fn new() -> Self {
        Som {
            n: 0,
            sum: 0,
            min: i64::MAX,
            max: i64::MIN,
        }
    }

    fn add(mut self, x: i64) -> Self {
        self.n += 1;
        self.sum += i128::from(x);
        self.min = self.min.min(x);
        self.max = self.max.max(x);
        self
    }

    fn merge(self, o: Som) -> Som {
        Som {
            n: self.n + o.n,
            sum: self.sum + o.sum,
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
    let pos = i128::from(x - min) * bins as i128 / (i128::from(max - min) + 1);
    (pos as usize).min(bins - 1)
}

/// Runs `iteraties` draws with `seed`. `draws` receives every block of draws in order (to
/// write them out); `voortgang` the number of iterations done so far.
pub fn simuleer(
    s: &Scenario,
    iteraties: u64,
    seed: u64,
    draws: &mut dyn FnMut(&[Trekking]) -> Result<(), AnalyseFout>,
    voortgang: &mut dyn FnMut(u64),
) -> Result<Simulatie, AnalyseFout> {
    if s.onzekerheden.is_empty() {
        return Err(AnalyseFout::Ongeldig(
            "dit scenario declareert geen [[onzekerheid]]; een simulatie heeft verdelingen nodig"
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
    let opzet = Opzet {
        s,
        trekkers: s
            .onzekerheden
            .iter()
            .map(|o| Trekker::new(&o.verdeling))
            .collect(),
        params,
        seed,
    };
    let deterministisch = kerncijfers(s)?.map(|c| c.map(|c| from_cents(i128::from(c))));
    let figure_count = FIGUREN.len();

    // Pass 1: count, sum, min, max per figure; netto ≥ 0; counts per fixed bucket (for the
    // percentiles); the draws to the caller.
    type Pass1 = (Vec<Som>, u64, Vec<BTreeMap<i32, u64>>);
    let init1 = || -> Pass1 {
        (
            vec![Som::new(); figure_count],
            0,
            vec![BTreeMap::new(); figure_count],
        )
    };
    let fold1 = |(mut sums, mut pos, mut buckets): Pass1, t: &Trekking| -> Pass1 {
        for (k, f) in t.figuren.iter().enumerate() {
            if let Some(x) = f {
                sums[k] = sums[k].add(*x);
                *buckets[k].entry(bucket(*x)).or_insert(0) += 1;
            }
        }
        if t.figuren[3].is_some_and(|x| x >= 0) {
            pos += 1;
        }
        (sums, pos, buckets)
    };
    let merge1 = |(a, pa, mut ba): Pass1, (b, pb, bb): Pass1| -> Pass1 {
        for (x, y) in ba.iter_mut().zip(bb) {
            for (key, n) in y {
                *x.entry(key).or_insert(0) += n;
            }
        }
        (
            a.iter().zip(&b).map(|(x, y)| x.merge(*y)).collect(),
            pa + pb,
            ba,
        )
    };
    let (sums, positive, buckets) =
        opzet.pass(iteraties, init1, fold1, merge1, &mut |block, done| {
            draws(block)?;
            voortgang(done / 2);
            Ok(())
        })?;

    // The rank of each percentile (nearest rank) and the bucket it falls in.
    let targets: Vec<[(i32, u64); 3]> = (0..figure_count)
        .map(|k| {
            let n = sums[k].n;
            [5u64, 50, 95].map(|p| {
                let r = (p * n).div_ceil(100).max(1);
                let mut seen = 0;
                for (b, c) in &buckets[k] {
                    if seen + c >= r {
                        return (*b, r - seen);
                    }
                    seen += c;
                }
                (i32::MAX, 1)
            })
        })
        .collect();

    // Pass 2: Σ(x − m)² around the mean in whole cents, the shown histogram, and the draws in
    // the buckets that hold a percentile.
    let means: Vec<i64> = sums
        .iter()
        .map(|s| {
            if s.n == 0 {
                0
            } else {
                let m = from_cents(s.sum) / Decimal::from(s.n);
                round_half_away(m, 0).to_i64().unwrap_or(0)
            }
        })
        .collect();
    type Pass2 = Vec<(i128, Vec<u64>, [Vec<i64>; 3])>;
    let init2 = || -> Pass2 {
        vec![(0, vec![0; BALKEN], [Vec::new(), Vec::new(), Vec::new()]); figure_count]
    };
    let fold2 = |mut acc: Pass2, t: &Trekking| -> Pass2 {
        for (k, f) in t.figuren.iter().enumerate() {
            if let Some(x) = f {
                let d = i128::from(x - means[k]);
                acc[k].0 += d * d;
                acc[k].1[bin(*x, sums[k].min, sums[k].max, BALKEN)] += 1;
                let b = bucket(*x);
                for (j, (tb, _)) in targets[k].iter().enumerate() {
                    if *tb == b {
                        acc[k].2[j].push(*x);
                    }
                }
            }
        }
        acc
    };
    let merge2 = |mut a: Pass2, b: Pass2| -> Pass2 {
        for (x, y) in a.iter_mut().zip(b) {
            x.0 += y.0;
            x.1.iter_mut().zip(&y.1).for_each(|(p, q)| *p += q);
            for (p, q) in x.2.iter_mut().zip(y.2) {
                p.extend(q);
            }
        }
        a
    };
    let mut spread = opzet.pass(iteraties, init2, fold2, merge2, &mut |_, done| {
        voortgang(iteraties / 2 + done / 2);
        Ok(())
    })?;
    voortgang(iteraties);

    let mut figuren = Vec::new();
    for k in 0..figure_count {
        let sm = sums[k];
        if sm.n == 0 {
            continue;
        }
        let n = Decimal::from(sm.n);
        let mean = from_cents(sm.sum) / n;
        // Σ(x − mean)² = Σ(x − m)² − n (mean − m)², with m the whole-cent mean used above.
        let shift = mean - Decimal::from(means[k]) / Decimal::ONE_HUNDRED;
        let ss = from_cents(spread[k].0) / Decimal::ONE_HUNDRED - n * shift * shift;
        let var = if sm.n > 1 {
            (ss / (n - Decimal::ONE)).max(Decimal::ZERO)
        } else {
            Decimal::ZERO
        };
        let sd = Decimal::try_from(var.to_f64().unwrap_or(0.0).sqrt()).unwrap_or(Decimal::ZERO);
        let pick = |j: usize, values: &mut Vec<i64>| -> Decimal {
            values.sort_unstable();
            let within = targets[k][j].1 as usize;
            from_cents(i128::from(
                values
                    .get(within.saturating_sub(1))
                    .copied()
                    .unwrap_or(sm.min),
            ))
        };
        let [a, b, c] = &mut spread[k].2;
        figuren.push(Statistiek {
            grootheid: FIGUREN[k],
            gemiddelde: round_half_away(mean, 2),
            sd: round_half_away(sd, 2),
            p5: pick(0, a),
            p50: pick(1, b),
            p95: pick(2, c),
            min: from_cents(i128::from(sm.min)),
            max: from_cents(i128::from(sm.max)),
            histogram: spread[k].1.clone(),
        });
    }
    let kans_netto_positief =
        (sums[3].n > 0).then(|| Decimal::from(positive) / Decimal::from(sums[3].n));
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
