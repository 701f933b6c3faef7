//! Drawing from the declared distributions, their low and high values for a sensitivity
//! analysis, and how they were read, in Dutch. Pure; randomness only from the caller's seeded
//! generator.

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
    /// Normal, with optional truncation bounds (redrawn until inside).
    Normaal(Normal<f64>, Option<f64>, Option<f64>),
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

impl Trekker {
    /// Prepares `v` for drawing. The declaration was checked when the scenario was read, so
    /// the constructors cannot fail; should one do so all the same, the mean is used.
    pub fn new(v: &Verdeling) -> Trekker {
        let vast = Trekker::Vast(match *v {
            Verdeling::Driehoek { min, .. }
            | Verdeling::Uniform { min, .. }
            | Verdeling::Pert { min, .. } => min,
            Verdeling::Normaal { gemiddelde, .. }
            | Verdeling::Lognormaal { gemiddelde, .. }
            | Verdeling::Beta { gemiddelde, .. } => gemiddelde,
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
            } if !sd.is_zero() => Normal::new(f(gemiddelde), f(sd))
                .map_or(vast, |n| Trekker::Normaal(n, min.map(f), max.map(f))),
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
            Trekker::Normaal(n, lo, hi) => {
                // Truncation by redrawing; after 1000 misses the bound nearest to the draw.
                let mut x = n.sample(rng);
                for _ in 0..1000 {
                    if lo.is_none_or(|l| x >= l) && hi.is_none_or(|h| x <= h) {
                        break;
                    }
                    x = n.sample(rng);
                }
                let x = lo.map_or(x, |l| x.max(l));
                d(hi.map_or(x, |h| x.min(h)))
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

/// The low and high value for a one-way sensitivity analysis: min and max where the
/// distribution has them; otherwise its 2.5 % and 97.5 % points (normal: mean ± 1.96 sd, cut
/// at the truncation; lognormal: exact; beta: mean ± 1.96 sd within 0–100, an approximation).
/// `None` when a point is beyond what a decimal holds.
pub fn laag_hoog(v: &Verdeling) -> Option<(Decimal, Decimal)> {
    let z = 1.959_963_985;
    Some(match *v {
        Verdeling::Driehoek { min, max, .. }
        | Verdeling::Uniform { min, max }
        | Verdeling::Pert { min, max, .. } => (min, max),
        Verdeling::Normaal {
            gemiddelde,
            sd,
            min,
            max,
        } => {
            let lo = d(f(gemiddelde) - z * f(sd))?;
            let hi = d(f(gemiddelde) + z * f(sd))?;
            (min.map_or(lo, |m| lo.max(m)), max.map_or(hi, |m| hi.min(m)))
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
}
