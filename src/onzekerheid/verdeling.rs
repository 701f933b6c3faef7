//! Drawing from the declared distributions, their low and high values for a sensitivity
//! analysis, and how they were read, in Dutch. Pure; randomness only from the caller's seeded
//! generator.

use rand::RngExt;
use rand_distr::{Beta, Distribution, LogNormal, Normal, Pert, Triangular, Uniform};
use rust_decimal::Decimal;
use rust_decimal::prelude::{FromPrimitive, ToPrimitive};

use crate::decimal::{dutch, round_half_away};
use crate::scenario::Verdeling;

/// Decimals a drawn value keeps (a draw is a float; six decimals are far below any input's
/// meaning and make every draw an exact, reproducible decimal).
pub const DECIMALEN: u32 = 6;

fn f(v: Decimal) -> f64 {
    v.to_f64().unwrap_or(0.0)
}

/// A float as a decimal with [`DECIMALEN`] decimals; `None` for a value no decimal holds (not
/// finite, or beyond ±7.9 × 10^28).
fn d(v: f64) -> Option<Decimal> {
    Decimal::from_f64(v).map(|x| round_half_away(x, DECIMALEN))
}

/// A distribution ready to draw from.
#[derive(Debug, Clone)]
pub enum Trekker {
    /// Every draw is this value (a degenerate distribution: min = modus = max, or sd = 0).
    Vast(Decimal),
    /// Triangular.
    Driehoek(Triangular<f64>),
    /// Uniform.
    Uniform(Uniform<f64>),
    /// PERT.
    Pert(Pert<f64>),
    /// Normal, with optional truncation bounds (redrawn until inside), as written.
    Normaal(Normal<f64>, Option<Decimal>, Option<Decimal>),
    /// Lognormal.
    Lognormaal(LogNormal<f64>),
    /// Beta on 0–1, scaled to 0–100.
    Beta(Beta<f64>),
}

/// The parameters of the underlying normal of a lognormal with this mean and sd.
fn lognormal_mu_sigma(m: f64, s: f64) -> (f64, f64) {
    let sigma2 = (1.0 + (s * s) / (m * m)).ln();
    (m.ln() - sigma2 / 2.0, sigma2.sqrt())
}

/// α and β of a beta distribution with this mean and sd on 0–1.
fn beta_ab(m: f64, s: f64) -> (f64, f64) {
    let k = m * (1.0 - m) / (s * s) - 1.0;
    (m * k, (1.0 - m) * k)
}

/// Φ, the standard normal distribution function (through `erfc`, accurate in both tails).
fn phi(z: f64) -> f64 {
    0.5 * libm::erfc(-z / std::f64::consts::SQRT_2)
}

/// Φ⁻¹ for 0 < p < 1: P. J. Acklam's rational approximation (relative error below 1.2 × 10^-9),
/// then one Halley step on [`phi`], which brings it to about the precision of a float.
fn phi_inv(p: f64) -> f64 {
    const A: [f64; 6] = [
        -3.969_683_028_665_376e1,
        2.209_460_984_245_205e2,
        -2.759_285_104_469_687e2,
        1.383_577_518_672_69e2,
        -3.066_479_806_614_716e1,
        2.506_628_277_459_239,
    ];
    const B: [f64; 5] = [
        -5.447_609_879_822_406e1,
        1.615_858_368_580_409e2,
        -1.556_989_798_598_866e2,
        6.680_131_188_771_972e1,
        -1.328_068_155_288_572e1,
    ];
    const C: [f64; 6] = [
        -7.784_894_002_430_293e-3,
        -3.223_964_580_411_365e-1,
        -2.400_758_277_161_838,
        -2.549_732_539_343_734,
        4.374_664_141_464_968,
        2.938_163_982_698_783,
    ];
    const D: [f64; 4] = [
        7.784_695_709_041_462e-3,
        3.224_671_290_700_398e-1,
        2.445_134_137_142_996,
        3.754_408_661_907_416,
    ];
    let tail = |q: f64| {
        (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    };
    let x = if p < 0.024_25 {
        tail((-2.0 * p.ln()).sqrt())
    } else if p > 1.0 - 0.024_25 {
        -tail((-2.0 * (1.0 - p).ln()).sqrt())
    } else {
        let q = p - 0.5;
        let r = q * q;
        (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
            / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0)
    };
    let e = phi(x) - p;
    let u = e * (2.0 * std::f64::consts::PI).sqrt() * (x * x / 2.0).exp();
    x - u / (1.0 + x * u / 2.0)
}

/// The `p`-quantile (0 < p < 1) of a standard normal truncated to `[za, zb]` (±∞ allowed):
/// Φ⁻¹(Φ(za) + p (Φ(zb) − Φ(za))). An interval above the mean is mirrored below it, so the
/// probabilities stay small where they are exact.
fn afgekapt_kwantiel(p: f64, za: f64, zb: f64) -> f64 {
    if za > 0.0 {
        return -afgekapt_kwantiel(1.0 - p, -zb, -za);
    }
    let (fa, fb) = (phi(za), phi(zb));
    // max/min, not clamp: never a panic, also on a NaN from an extreme declaration.
    phi_inv(fa + p * (fb - fa)).max(za).min(zb)
}

impl Trekker {
    /// Prepares `v` for drawing. The declaration was checked when the scenario was read, so
    /// the constructors cannot fail; should one do so all the same, the mean is used.
    pub fn new(v: &Verdeling) -> Trekker {
        let vast = Trekker::Vast(match *v {
            Verdeling::Driehoek { min, .. }
            | Verdeling::Uniform { min, .. }
            | Verdeling::Pert { min, .. } => min,
            // sd = 0: the limit of the truncated normal, the mean brought into [min, max].
            Verdeling::Normaal {
                gemiddelde,
                min,
                max,
                ..
            } => binnen(gemiddelde, min, max),
            Verdeling::Lognormaal { gemiddelde, .. } | Verdeling::Beta { gemiddelde, .. } => {
                gemiddelde
            }
        });
        match *v {
            Verdeling::Driehoek { min, modus, max } if min < max => {
                Triangular::new(f(min), f(max), f(modus)).map_or(vast, Trekker::Driehoek)
            }
            Verdeling::Uniform { min, max } if min < max => {
                Uniform::new_inclusive(f(min), f(max)).map_or(vast, Trekker::Uniform)
            }
            Verdeling::Pert { min, modus, max } if min < max => Pert::new(f(min), f(max))
                .with_mode(f(modus))
                .map_or(vast, Trekker::Pert),
            Verdeling::Normaal {
                gemiddelde,
                sd,
                min,
                max,
            } if !sd.is_zero() => {
                Normal::new(f(gemiddelde), f(sd)).map_or(vast, |n| Trekker::Normaal(n, min, max))
            }
            Verdeling::Lognormaal { gemiddelde, sd } if !sd.is_zero() => {
                let (mu, sigma) = lognormal_mu_sigma(f(gemiddelde), f(sd));
                LogNormal::new(mu, sigma).map_or(vast, Trekker::Lognormaal)
            }
            Verdeling::Beta { gemiddelde, sd } if !sd.is_zero() => {
                let (a, b) = beta_ab(f(gemiddelde) / 100.0, f(sd) / 100.0);
                Beta::new(a, b).map_or(vast, Trekker::Beta)
            }
            _ => vast,
        }
    }

    /// One draw, as an exact decimal with [`DECIMALEN`] decimals (a degenerate distribution
    /// gives its value exactly as written); `None` when the draw is beyond what a decimal holds.
    pub fn trek<R: rand::Rng + ?Sized>(&self, rng: &mut R) -> Option<Decimal> {
        match self {
            Trekker::Vast(v) => Some(*v),
            Trekker::Driehoek(t) => d(t.sample(rng)),
            Trekker::Uniform(u) => d(u.sample(rng)),
            Trekker::Pert(p) => d(p.sample(rng)),
            Trekker::Normaal(n, min, max) => {
                // Truncation by redrawing; after 1000 misses (the interval holds less than
                // about 1 % of the normal) one draw through the truncated quantile function.
                // Rounded to six decimals, a draw is brought into the bounds as written (a
                // no-op for bounds of at most six decimals).
                let (lo, hi) = (min.map(f), max.map(f));
                let inside = |x: f64| lo.is_none_or(|l| x >= l) && hi.is_none_or(|h| x <= h);
                let mut x = n.sample(rng);
                for _ in 0..1000 {
                    if inside(x) {
                        return d(x).map(|x| binnen(x, *min, *max));
                    }
                    x = n.sample(rng);
                }
                if !inside(x) {
                    let (m, s) = (n.mean(), n.std_dev());
                    let z = |b: Option<f64>, inf: f64| b.map_or(inf, |b| (b - m) / s);
                    let u: f64 = rng.random();
                    let q = afgekapt_kwantiel(u, z(lo, f64::NEG_INFINITY), z(hi, f64::INFINITY));
                    x = m + s * q;
                }
                d(x).map(|x| binnen(x, *min, *max))
            }
            Trekker::Lognormaal(l) => d(l.sample(rng)),
            Trekker::Beta(b) => d(b.sample(rng) * 100.0),
        }
    }
}

/// The mean of the distribution (exact where it is a simple formula of the written values);
/// `None` only for values too large to add up.
pub fn gemiddelde(v: &Verdeling) -> Option<Decimal> {
    let sum = |xs: &[Decimal]| {
        xs.iter()
            .try_fold(Decimal::ZERO, |acc, x| acc.checked_add(*x))
    };
    match *v {
        Verdeling::Driehoek { min, modus, max } => {
            sum(&[min, modus, max])?.checked_div(Decimal::from(3))
        }
        Verdeling::Uniform { min, max } => sum(&[min, max])?.checked_div(Decimal::TWO),
        Verdeling::Pert { min, modus, max } => {
            sum(&[min, modus.checked_mul(Decimal::from(4))?, max])?.checked_div(Decimal::from(6))
        }
        Verdeling::Normaal { gemiddelde, .. }
        | Verdeling::Lognormaal { gemiddelde, .. }
        | Verdeling::Beta { gemiddelde, .. } => Some(gemiddelde),
    }
}

/// `v` brought into `[min, max]` (either bound may be absent).
fn binnen(v: Decimal, min: Option<Decimal>, max: Option<Decimal>) -> Decimal {
    let v = min.map_or(v, |m| v.max(m));
    max.map_or(v, |m| v.min(m))
}

/// The low and high value for a one-way sensitivity analysis: min and max where the
/// distribution has them; otherwise its 2.5 % and 97.5 % points. Normal: mean ± 1.96 sd, and
/// when truncated the truncated distribution's own points (the distribution `simulate` draws
/// from), so both lie in [min, max]; lognormal: exact; beta: mean ± 1.96 sd within 0–100, an
/// approximation. `None` when a point is beyond what a decimal holds.
pub fn laag_hoog(v: &Verdeling) -> Option<(Decimal, Decimal)> {
    let z = 1.959_963_985;
    Some(match *v {
        Verdeling::Driehoek { min, max, .. }
        | Verdeling::Uniform { min, max }
        | Verdeling::Pert { min, max, .. } => (min, max),
        Verdeling::Normaal {
            gemiddelde,
            sd,
            min: None,
            max: None,
        } => (d(f(gemiddelde) - z * f(sd))?, d(f(gemiddelde) + z * f(sd))?),
        Verdeling::Normaal {
            gemiddelde,
            sd,
            min,
            max,
        } => {
            if sd.is_zero() {
                let v = binnen(gemiddelde, min, max);
                return Some((v, v));
            }
            let (m, s) = (f(gemiddelde), f(sd));
            let za = min.map_or(f64::NEG_INFINITY, |b| (f(b) - m) / s);
            let zb = max.map_or(f64::INFINITY, |b| (f(b) - m) / s);
            let lo = d(m + s * afgekapt_kwantiel(0.025, za, zb))?;
            let hi = d(m + s * afgekapt_kwantiel(0.975, za, zb))?;
            // Rounded to six decimals, both stay within the bounds and in order.
            let (lo, hi) = (binnen(lo, min, max), binnen(hi, min, max));
            (lo.min(hi), hi.max(lo))
        }
        Verdeling::Lognormaal { gemiddelde, sd } => {
            if sd.is_zero() {
                return Some((gemiddelde, gemiddelde));
            }
            let (mu, sigma) = lognormal_mu_sigma(f(gemiddelde), f(sd));
            (d((mu - z * sigma).exp())?, d((mu + z * sigma).exp())?)
        }
        Verdeling::Beta { gemiddelde, sd } => {
            let lo = d(f(gemiddelde) - z * f(sd))?.max(Decimal::ZERO);
            let hi = d(f(gemiddelde) + z * f(sd))?.min(Decimal::ONE_HUNDRED);
            (lo, hi)
        }
    })
}

fn n(v: Decimal) -> String {
    let v = v.normalize();
    dutch(v, v.scale())
}

/// How the distribution was read, in Dutch, e.g.
/// `driehoek (min 10, modus 30, max 40; gemiddelde 26,666667)`.
pub fn beschrijving(v: &Verdeling) -> String {
    let mean = gemiddelde(v).map_or_else(|| "?".to_string(), |m| n(round_half_away(m, DECIMALEN)));
    match *v {
        Verdeling::Driehoek { min, modus, max } => format!(
            "driehoek (min {}, modus {}, max {}; gemiddelde {mean})",
            n(min),
            n(modus),
            n(max)
        ),
        Verdeling::Uniform { min, max } => {
            format!(
                "uniform (min {}, max {}; gemiddelde {mean})",
                n(min),
                n(max)
            )
        }
        Verdeling::Pert { min, modus, max } => format!(
            "pert (min {}, modus {}, max {}; gemiddelde {mean})",
            n(min),
            n(modus),
            n(max)
        ),
        Verdeling::Normaal {
            gemiddelde,
            sd,
            min,
            max,
        } => {
            let mut s = format!("normaal (gemiddelde {}, sd {}", n(gemiddelde), n(sd));
            if min.is_some() || max.is_some() {
                s.push_str(&format!(
                    "; afgekapt op {} tot {}",
                    min.map_or("−∞".into(), n),
                    max.map_or("+∞".into(), n)
                ));
            }
            s.push(')');
            s
        }
        Verdeling::Lognormaal { gemiddelde, sd } => format!(
            "lognormaal (gemiddelde {}, sd {} van de waarde zelf)",
            n(gemiddelde),
            n(sd)
        ),
        Verdeling::Beta { gemiddelde, sd } => format!(
            "beta op 0–100 % (gemiddelde {}, sd {})",
            n(gemiddelde),
            n(sd)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    #[test]
    fn a_degenerate_distribution_draws_its_value_exactly() {
        let v = Verdeling::Driehoek {
            min: dec("12.345"),
            modus: dec("12.345"),
            max: dec("12.345"),
        };
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(7);
        let t = Trekker::new(&v);
        for _ in 0..10 {
            assert_eq!(t.trek(&mut rng), Some(dec("12.345")));
        }
    }

    #[test]
    fn triangular_mean_is_the_average_of_its_three_points() {
        // (10 + 30 + 40) / 3 = 26.666…
        let v = Verdeling::Driehoek {
            min: dec("10"),
            modus: dec("30"),
            max: dec("40"),
        };
        assert_eq!(round_half_away(gemiddelde(&v).unwrap(), 4), dec("26.6667"));
        assert_eq!(laag_hoog(&v), Some((dec("10"), dec("40"))));
    }

    #[test]
    fn draws_stay_inside_a_truncated_normal() {
        let v = Verdeling::Normaal {
            gemiddelde: dec("50"),
            sd: dec("30"),
            min: Some(dec("40")),
            max: Some(dec("60")),
        };
        let t = Trekker::new(&v);
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(1);
        for _ in 0..1000 {
            let x = t.trek(&mut rng).unwrap();
            assert!(x >= dec("40") && x <= dec("60"), "{x}");
        }
    }

    fn normaal(gemiddelde: &str, sd: &str, min: Option<&str>, max: Option<&str>) -> Verdeling {
        Verdeling::Normaal {
            gemiddelde: dec(gemiddelde),
            sd: dec(sd),
            min: min.map(dec),
            max: max.map(dec),
        }
    }

    #[test]
    fn the_inverse_normal_meets_tabulated_quantiles() {
        // Tables: Φ⁻¹(0.975) = 1.959963984540054, Φ⁻¹(0.5) = 0, Φ⁻¹(10^-10) = −6.361340902404056;
        // Φ(−3) = 0.001349898031630.
        for (p, z) in [
            (0.975, 1.959_963_984_540_054),
            (0.025, -1.959_963_984_540_054),
            (0.5, 0.0),
            (1e-10, -6.361_340_902_404_056),
        ] {
            assert!((phi_inv(p) - z).abs() < 1e-12, "{p}: {}", phi_inv(p));
        }
        assert!((phi(-3.0) - 0.001_349_898_031_630).abs() < 1e-15);
    }

    #[test]
    fn a_truncated_normal_has_its_low_and_high_value_inside_its_bounds() {
        // Normal(100, 10) cut to [0, 50]: the bounds lie at z = −10 and z = −5, so nearly all
        // mass sits just below 50. Below z = −5 the tail is close to exponential: with
        // Mills' ratio, P(Z < −5 − t | Z < −5) ≈ e^(−5t − t²/2) · 5/(5 + t) · (1 − 1/(5 + t)² +
        // 3/(5 + t)⁴) / (1 − 1/25 + 3/625). That is 0.025 at t ≈ 0.6693, so laag ≈ 100 +
        // 10 × (−5.6693) = 43.307. For hoog, −ln 0.975 = 0.025318 over the hazard
        // φ(5)/Φ(−5) = 1.4867e-6 / 2.8665e-7 = 5.1865 gives t ≈ 0.004879: hoog ≈ 49.9512.
        let (lo, hi) = laag_hoog(&normaal("100", "10", Some("0"), Some("50"))).unwrap();
        assert!((lo - dec("43.307")).abs() < dec("0.002"), "{lo}");
        assert!((hi - dec("49.9512")).abs() < dec("0.0002"), "{hi}");
        // grote-regio's N(30, 10) cut to [0, 60]: Φ(−3) = 0.0013499 below, as much above, so
        // the 2.5 % point is Φ⁻¹(0.0013499 + 0.025 × 0.9973002) = Φ⁻¹(0.0262824); from
        // Φ⁻¹(0.025) = −1.959964 with φ(1.96) = 0.058445 and the second-order term
        // ½ · z/φ² · Δp² = −0.000472: z ≈ −1.959964 + 0.021942 − 0.000472 = −1.938494, so
        // laag ≈ 30 − 19.38494 = 10.6151 and, by symmetry, hoog ≈ 49.3849.
        let (lo, hi) = laag_hoog(&normaal("30", "10", Some("0"), Some("60"))).unwrap();
        assert!((lo - dec("10.6151")).abs() < dec("0.0005"), "{lo}");
        assert!((lo + hi - dec("60")).abs() < dec("0.000002"), "{lo} {hi}");
        // One bound: N(0, 1) cut below at 0 is the half-normal, whose p-quantile is
        // Φ⁻¹((1 + p) / 2). 2.5 % → Φ⁻¹(0.5 + e) with e = 0.0125: by the series
        // √(2π) e + (√(2π))³ e³ / 6 = 0.03133285 + 0.00000513 = 0.031338; 97.5 % → Φ⁻¹(0.9875) =
        // 2.241403 (tables: 2.2414027).
        let (lo, hi) = laag_hoog(&normaal("0", "1", Some("0"), None)).unwrap();
        assert_eq!((lo, hi), (dec("0.031338"), dec("2.241403")));
        // Untruncated: mean ± 1.959963985 sd, as before.
        let (lo, hi) = laag_hoog(&normaal("100", "10", None, None)).unwrap();
        assert_eq!((lo, hi), (dec("80.40036"), dec("119.59964")));
        // sd = 0: the mean brought into the bounds, for the low and high value and every draw.
        let v = normaal("100", "0", Some("0"), Some("50"));
        assert_eq!(laag_hoog(&v), Some((dec("50"), dec("50"))));
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(1);
        assert_eq!(Trekker::new(&v).trek(&mut rng), Some(dec("50")));
    }

    #[test]
    fn draws_from_a_normal_cut_far_into_its_tail_follow_the_truncated_distribution() {
        // N(100, 10) cut to [0, 50] holds 2.9e-7 of the normal, so redrawing never lands in it.
        // The truncated distribution's mean is μ − σ φ(−5)/Φ(−5) = 100 − 10 × 5.1865 = 48.135
        // and its sd σ √(1 − 5 × 5.1865 − 5.1865²) = 10 × √0.0327 = 1.81: over 2,000 draws the
        // mean is within 0.15 (about 3.7 standard errors of 0.04). Clamping to the nearest
        // bound would put nearly every draw at 50.
        let t = Trekker::new(&normaal("100", "10", Some("0"), Some("50")));
        let mut sum = Decimal::ZERO;
        for i in 0..2000 {
            let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(9);
            rng.set_stream(i);
            let x = t.trek(&mut rng).unwrap();
            assert!(x >= dec("0") && x <= dec("50"), "{x}");
            sum += x;
        }
        let mean = sum / Decimal::from(2000);
        assert!((mean - dec("48.135")).abs() < dec("0.15"), "{mean}");
    }

    #[test]
    fn no_normal_declaration_makes_the_low_and_high_value_or_a_draw_panic() {
        // Extreme but readable declarations: whatever comes out is None (too large for a
        // decimal) or inside the bounds, laag ≤ hoog.
        let big = Decimal::MAX;
        let values = [
            -big,
            dec("-100000000000000000000"),
            dec("-1"),
            Decimal::ZERO,
            dec("0.0000000000000000000000000001"),
            dec("100000000000000000000"),
            big,
        ];
        let sds = [
            dec("0.0000000000000000000000000001"),
            dec("1"),
            dec("100000000000000000000"),
            big,
        ];
        for &m in &values {
            for &sd in &sds {
                for (i, &lo) in values.iter().enumerate() {
                    for &hi in &values[i..] {
                        for (min, max) in [(Some(lo), Some(hi)), (Some(lo), None), (None, Some(hi))]
                        {
                            let v = Verdeling::Normaal {
                                gemiddelde: m,
                                sd,
                                min,
                                max,
                            };
                            let inside = |x: Decimal| {
                                min.is_none_or(|l| x >= l) && max.is_none_or(|h| x <= h)
                            };
                            if let Some((l, h)) = laag_hoog(&v) {
                                assert!(l <= h && inside(l) && inside(h), "{v:?}: {l} {h}");
                            }
                            let t = Trekker::new(&v);
                            let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(3);
                            for _ in 0..3 {
                                if let Some(x) = t.trek(&mut rng) {
                                    assert!(inside(x), "{v:?}: {x}");
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
