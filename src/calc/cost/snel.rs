//! The cost engine's fast paths: what of the lines is the same in every year or for every line
//! of a role or post, worked out once instead of once per line. Each says what it saves and is
//! guarded by the permanent property test of the engine against a plain one written from
//! docs/rekenregels.md's words (tests/cli/properties/aanvullingen.rs: every line, every total,
//! every error). Pure, no I/O.

use std::cell::OnceCell;
use std::ops::Range;
use std::sync::Arc;

use rust_decimal::Decimal;

use super::regels::*;
use super::{Herkomst, Post};
use crate::calc::GRENS_BEDRAG;
use crate::calc::verdeling::{Verdeling, verdeling};
use crate::decimal::exact::Exact;
use crate::scenario::{Groep, Ondersteuning, Scenario};

/// What of the groups' lines is the same in every year, worked out once per calculation: each
/// line before `× I(y)` (an hour line's `uren × uurtarief`, ICT, `b × huisvesting_per_bijeenkomst`)
/// on 64 bits for the fast path ([`Groepsregels::snel`]), and, only for a group whose lines the
/// general path of [`group_lines`](super::group_lines) needs, its hour lines exactly
/// ([`Groepsregels::algemeen`]). (The exact product does not depend on where the factors are
/// grouped, so this is the formula of each line as it stands.) Nothing is remembered between
/// calculations.
pub(super) struct Groepsregels<'r> {
    s: &'r Scenario,
    rollen: &'r Rollen<'r>,
    /// `ict_per_groep`, exactly.
    pub(super) ict: Exact,
    /// Per group: its hour lines and `b × huisvesting_per_bijeenkomst`, exactly, worked out
    /// when the general path first needs them.
    algemeen: Vec<OnceCell<Algemeen<'r>>>,
    /// Per group: where its lines stand in `klein`; `None` when one of them has no 64-bit
    /// mantissa or is not a line the fast path adds (a role without a rate).
    snel: Vec<Option<Range<usize>>>,
    /// The groups' lines before `× I(y)` on 64 bits: each group's hour lines in
    /// docs/rekenregels.md's order, then ICT and housing.
    klein: Vec<Snelregel<'r>>,
}

/// A group's hour lines and `b × huisvesting_per_bijeenkomst`, exactly.
pub(super) type Algemeen<'r> = (Vec<Uurregel<'r>>, Exact);

/// An hour line of a group before `× I(y)`, exactly.
pub(super) struct Uurregel<'r> {
    pub(super) post: Post,
    /// The role whose rate pays the hours; `Err` with its name when `[uurtarieven]` lacks it
    /// (reported when the line is reached, as a year's lines are worked out in order).
    pub(super) rol: Result<&'r Rol<'r>, &'r str>,
    pub(super) uren: Uren,
    /// `uren × uurtarief` (zero for an unknown role: never used).
    pub(super) basis: Exact,
}

/// A line of a group before `× I(y)` on 64 bits, and which line it is.
struct Snelregel<'r> {
    /// Mantissa and scale.
    basis: (u64, u32),
    post: Post,
    rol: Option<&'r Rol<'r>>,
}

/// Group `g`'s hour lines in docs/rekenregels.md's order, each given to `regel` as its post,
/// role and hours in numbers `G`: meetings per role (in the order of `[uurtarieven]`, roles with
/// participants only), chair, coordination, and phone support in a group with a consulent.
fn uurregels<'g, G: Getal>(g: &'g Groep, mut regel: impl FnMut(Post, &'g str, G)) {
    let w = &g.werkwijze;
    let per_bijeenkomst: G = uren_per_bijeenkomst(w);
    for (rol, n_r) in &g.deelnemers {
        if *n_r > 0 {
            regel(
                Post::Bijeenkomsten,
                rol,
                bijeenkomsten_uren(w, &per_bijeenkomst, *n_r),
            );
        }
    }
    regel(Post::Voorzitter, &w.voorzitter_rol, voorzitter_uren(w));
    regel(Post::Coordinatie, &w.coordinatie_rol, coordinatie_uren(w));
    if g.aantal("consulent") > 0 {
        regel(
            Post::TelefonischeOndersteuning,
            "consulent",
            telefonische_uren(w),
        );
    }
}

impl<'r> Groepsregels<'r> {
    pub(super) fn of(s: &'r Scenario, rollen: &'r Rollen<'r>) -> Groepsregels<'r> {
        let o = &s.ondersteuning;
        let mut klein = Vec::with_capacity(s.groepen.len() * (s.uurtarieven.len() + 5));
        let ict_klein: Klein = ict(o);
        let snel = s
            .groepen
            .iter()
            .map(|g| snelle_regels(g, rollen, o, ict_klein, &mut klein))
            .collect();
        Groepsregels {
            s,
            rollen,
            ict: ict(o),
            algemeen: s.groepen.iter().map(|_| OnceCell::new()).collect(),
            snel,
            klein,
        }
    }

    /// Group `gi`'s hour lines and `b × huisvesting_per_bijeenkomst`, exactly (worked out the
    /// first time they are asked for).
    pub(super) fn algemeen(&'r self, gi: usize) -> Option<&'r Algemeen<'r>> {
        let g = self.s.groepen.get(gi)?;
        let rollen = self.rollen;
        Some(self.algemeen.get(gi)?.get_or_init(|| {
            let mut uur = Vec::with_capacity(g.deelnemers.len() + 3);
            uurregels(g, |post, rol, uren: Exact| {
                let (rol, basis) = match rollen.find(rol) {
                    Some(r) => (Ok(r), uurbedrag(&uren, r.uurtarief)),
                    None => (Err(rol), Exact::from(0u64)),
                };
                uur.push(Uurregel {
                    post,
                    rol,
                    uren: Uren::of(uren),
                    basis,
                });
            });
            (uur, huisvesting(&g.werkwijze, &self.s.ondersteuning))
        }))
    }

    /// Group `gi`'s hour lines, ICT and housing in a year whose `I(y)` has the 64-bit mantissa
    /// and scale `index`, at once: the sum of their cents and the largest of them, when each
    /// line's cents can be worked out on 64 bits and lies within the bound (`None` otherwise:
    /// the general path of [`group_lines`](super::group_lines) then adds them one by one). Only
    /// for a year without lines kept and whose lines are all TAPA$-financed (`Jaar::snel`): the
    /// sums are those of `Jaar::regel`, and the largest line its largest (a line of zero cents
    /// adds nothing and is never the largest that an error names).
    ///
    /// This is the fast path of the groups' lines, nearly every line of a calculation: per line
    /// one 64-bit product, one division and a comparison, instead of the 128-bit rounding of
    /// [`Exact::mul_units`] and the checks of `Jaar::regel`; and the lines before `× I(y)` on
    /// 64 bits ([`Klein`]) instead of as [`Exact`]s, the exact ones only for a group that needs
    /// them. The rounding took `calc::evaluate_totals` from 84.4 M to 62.3 M instructions on
    /// 400 generated files (9,009 groups, callgrind, one thread), the 64-bit lines to 46.3 M
    /// (of `batch`'s 462 M: 8 %). Guarded by tests/cli/properties/aanvullingen.rs
    /// (1g: no financing elsewhere, so that it is taken in every year, with up to 30 years and
    /// many decimals, so that the products leave 64 bits; and 1e/1f) and by the tests of
    /// [`centen_64`] and [`Klein`] below (products just within and just past 64 bits, half
    /// cents).
    pub(super) fn snel(&'r self, gi: usize, index: (u64, u32)) -> Option<Snel<'r>> {
        let plaats = self.snel.get(gi)?.as_ref()?;
        let lijnen = self.klein.get(plaats.clone()).unwrap_or_default();
        let mut som: u64 = 0;
        let mut grootste: Option<(u64, &Snelregel<'r>)> = None;
        for l in lijnen {
            let c = centen_64(l.basis, index).filter(|c| i128::from(*c) <= GRENS_BEDRAG)?;
            som = som.saturating_add(c);
            if c > grootste.map_or(0, |(g, _)| g) {
                grootste = Some((c, l));
            }
        }
        let herkomst = |l: &Snelregel<'r>| Herkomst {
            groep: Some(gi),
            post: l.post,
            rol: l.rol,
        };
        Some((som, grootste.map(|(c, l)| (c, herkomst(l)))))
    }
}

/// What [`Groepsregels::snel`] gives: the sum of a group's lines in cents, and the largest line
/// (its cents and which line it is) unless every line is zero.
pub(super) type Snel<'r> = (u64, Option<(u64, Herkomst<'r>)>);

/// Group `g`'s lines before `× I(y)` on 64 bits (its hour lines, ICT `ict` and housing)
/// appended to `klein`; where they stand, or `None` (and nothing appended) when one has no
/// 64-bit value or its role no rate (an error at that line, which the general path reports).
fn snelle_regels<'r>(
    g: &'r Groep,
    rollen: &'r Rollen<'r>,
    o: &Ondersteuning,
    ict: Klein,
    klein: &mut Vec<Snelregel<'r>>,
) -> Option<Range<usize>> {
    let begin = klein.len();
    let mut alle = true;
    uurregels(g, |post, rol, uren: Klein| {
        let regel = rollen.find(rol).and_then(|r| {
            let (m, scale) = uurbedrag(&uren, r.uurtarief).0?;
            Some(Snelregel {
                basis: (m, scale),
                post,
                rol: Some(r),
            })
        });
        match regel {
            Some(regel) if alle => klein.push(regel),
            _ => alle = false,
        }
    });
    let vast = [
        (Post::Ict, ict),
        (Post::Huisvesting, huisvesting(&g.werkwijze, o)),
    ];
    for (post, basis) in vast {
        match basis.0 {
            Some(basis) if alle => klein.push(Snelregel {
                basis,
                post,
                rol: None,
            }),
            _ => alle = false,
        }
    }
    if !alle {
        klein.truncate(begin);
        return None;
    }
    Some(begin..klein.len())
}

/// A value `m × 10^-scale` with a mantissa within a `u64` (not negative), or `None` where a
/// step of a formula left 64 bits: the numbers of the lines before `× I(y)` on the fast path.
/// Where it has a value, it is the [`Exact`] value of the same formula.
#[derive(Clone, Copy)]
pub(super) struct Klein(Option<(u64, u32)>);

impl Getal for Klein {
    #[inline]
    fn van(d: Decimal) -> Klein {
        Klein(u64::try_from(d.mantissa()).ok().map(|m| (m, d.scale())))
    }

    #[inline]
    fn geheel(n: impl Into<u64>) -> Klein {
        Klein(Some((n.into(), 0)))
    }

    #[inline]
    fn mul(&self, other: &Klein) -> Klein {
        Klein(match (self.0, other.0) {
            (Some((a, s)), Some((b, t))) => a.checked_mul(b).map(|m| (m, s + t)),
            _ => None,
        })
    }

    #[inline]
    fn add(&self, other: &Klein) -> Klein {
        let som = |(a, s): (u64, u32), (b, t): (u64, u32)| {
            let scale = s.max(t);
            let a = a.checked_mul(*POW10.get((scale - s) as usize)?)?;
            let b = b.checked_mul(*POW10.get((scale - t) as usize)?)?;
            Some((a.checked_add(b)?, scale))
        };
        Klein(self.0.zip(other.0).and_then(|(a, b)| som(a, b)))
    }
}

/// `10^k` for every `k` whose power fits a `u64` (0..=19).
const POW10: [u64; 20] = {
    let mut p = [1u64; 20];
    let mut k = 1;
    while k < 20 {
        p[k] = p[k - 1] * 10;
        k += 1;
    }
    p
};

/// `basis × I(y)` rounded once to whole cents, half away from zero, from the two factors'
/// 64-bit mantissas and scales (both not negative): exactly [`maal_index`] when the product of
/// the mantissas fits a `u64` and the scale is at most 21; `None` otherwise.
#[inline]
pub(super) fn centen_64((b, b_scale): (u64, u32), (i, i_scale): (u64, u32)) -> Option<u64> {
    let p = b.checked_mul(i)?;
    let scale = b_scale + i_scale;
    match scale.checked_sub(2) {
        // A remainder of at least half the divisor rounds up (away from zero: both positive).
        Some(k) => {
            let d = *POW10.get(k as usize)?;
            let (q, r) = (p / d, p % d);
            Some(q + u64::from(r >= d - r))
        }
        None => p.checked_mul(*POW10.get((2 - scale) as usize)?),
    }
}

/// A line's hours, exact, and whether they fit a `Decimal` (the `uren` of a [`Regel`](super::Regel)): the
/// hours do not depend on the year, so this is worked out once per calculation.
pub(super) struct Uren {
    pub(super) exact: Exact,
    pub(super) past: bool,
}

impl Uren {
    #[inline]
    pub(super) fn of(exact: Exact) -> Uren {
        Uren {
            past: exact.fits_decimal(),
            exact,
        }
    }
}

/// How each role's hour lines and each post's lines are financed in one year: calc::financiering's
/// [`verdeling`] (the entry of `[[financiering.elders]]` covering that year), the same rule that
/// payout, monitor and settle use, looked up once per year and role or post instead of once per
/// line (the lookup compares names). Guarded by tests/cli/properties/aanvullingen.rs, which
/// generates entries per role and post, in part and per year range.
#[derive(Default)]
pub(super) struct Verdelingen {
    /// Per role of `[uurtarieven]`, in that order ([`Rol::index`]).
    pub(super) rollen: Vec<Verdeling>,
    /// Per post without a role, by [`Verdelingen::post_index`]; the overhead is always TAPA$.
    pub(super) posten: Vec<Verdeling>,
    /// Whether every role's and post's lines are TAPA$-financed (the year of most scenarios:
    /// the fast path `Groepsregels::snel` adds them without a split).
    pub(super) alles_tapas: bool,
}

impl Verdelingen {
    pub(super) fn of(s: &Scenario, rollen: &Rollen<'_>, jaar: i32) -> Verdelingen {
        // Without any financing elsewhere in the scenario (most of them) every line is
        // TAPA$-financed: no lookups, and `van`'s own lookup gives TAPA$ for every line.
        if s.financiering_elders.is_empty() && s.elders_gefinancierd.is_empty() {
            return Verdelingen {
                rollen: Vec::new(),
                posten: Vec::new(),
                alles_tapas: true,
            };
        }
        let eigen =
            (0..s.kostenposten.len()).filter_map(|ki| u16::try_from(ki).ok().map(Post::Kostenpost));
        let rollen: Vec<Verdeling> = rollen
            .0
            .iter()
            .map(|r| verdeling(s, Some(r.naam), Post::Bijeenkomsten, jaar))
            .collect();
        let posten: Vec<Verdeling> = Post::ZONDER_ROL
            .into_iter()
            .chain(eigen)
            .map(|post| verdeling(s, None, post, jaar))
            .collect();
        let alles_tapas = rollen
            .iter()
            .chain(&posten)
            .all(|v| matches!(v, Verdeling::Tapas));
        Verdelingen {
            rollen,
            posten,
            alles_tapas,
        }
    }

    pub(super) fn post_index(post: Post) -> Option<usize> {
        match post {
            Post::Kostenpost(ki) => Some(Post::ZONDER_ROL.len() + usize::from(ki)),
            post => Post::ZONDER_ROL.iter().position(|p| *p == post),
        }
    }

    /// The split of a line of `h` (looked up again should the table not have it).
    #[inline]
    pub(super) fn van(&self, s: &Scenario, h: &Herkomst<'_>, jaar: i32) -> Verdeling {
        let found = match (h.rol, h.post) {
            (Some(r), _) => self.rollen.get(r.index),
            (None, Post::Overhead) => return Verdeling::Tapas,
            (None, post) => Verdelingen::post_index(post).and_then(|k| self.posten.get(k)),
        };
        match found {
            Some(v) => *v,
            None => verdeling(s, h.rol.map(|r| &**r.naam), h.post, jaar),
        }
    }
}

/// A role's rate, looked up once per calculation; the name is shared by every line of that
/// role instead of copied.
pub(super) struct Rol<'s> {
    pub(super) naam: &'s Arc<str>,
    pub(super) uurtarief: Decimal,
    /// Its place in `[uurtarieven]`.
    pub(super) index: usize,
}

/// The roles of `[uurtarieven]`.
pub(super) struct Rollen<'s>(pub(super) Vec<Rol<'s>>);

impl<'s> Rollen<'s> {
    pub(super) fn of(s: &'s Scenario) -> Rollen<'s> {
        Rollen(
            s.uurtarieven
                .iter()
                .enumerate()
                .map(|(index, u)| Rol {
                    naam: &u.rol,
                    uurtarief: u.bedrag,
                    index,
                })
                .collect(),
        )
    }

    pub(super) fn find(&self, rol: &str) -> Option<&Rol<'s>> {
        // The scenario's role names are shared, so the same name is mostly the same pointer.
        self.0
            .iter()
            .find(|r| std::ptr::eq(&**r.naam, rol) || &**r.naam == rol)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decimal::exact::Afronding;
    use proptest::prelude::*;

    fn exact(m: u64, scale: u32) -> Exact {
        Exact::from(Decimal::from_i128_with_scale(i128::from(m), scale))
    }

    /// What the general path gives: the exact product rounded once.
    fn algemeen((b, bs): (u64, u32), (i, is): (u64, u32)) -> Option<i128> {
        exact(b, bs).mul_units(&exact(i, is), 2, Afronding::HalfVanNulAf)
    }

    #[test]
    fn a_line_on_a_half_cent_rounds_up_and_just_below_it_down() {
        // 0.125 × 1 = 0.125 → 0.13; 0.005 → 0.01; 0.04999 → 0.05; 0.0049 → 0.00.
        assert_eq!(centen_64((125, 3), (1, 0)), Some(13));
        assert_eq!(centen_64((5, 3), (1, 0)), Some(1));
        assert_eq!(centen_64((4_999, 5), (1, 0)), Some(5));
        assert_eq!(centen_64((49, 4), (1, 0)), Some(0));
        // 2.25 h × € 88.35 × 1.03² = 198.7875 × 1.0609 = 210.89365875 → 210.89;
        // 2.5 × 1.05 = 2.625 → 2.63.
        assert_eq!(centen_64((1_987_875, 4), (10_609, 4)), Some(21_089));
        assert_eq!(centen_64((25, 1), (105, 2)), Some(263));
        // Whole euros: 12 × 3 = € 36 = 3600 ct.
        assert_eq!(centen_64((12, 0), (3, 0)), Some(3_600));
    }

    #[test]
    fn a_product_past_64_bits_or_a_scale_past_the_table_is_left_to_the_general_path() {
        // 2^32 × 2^32 = 2^64 does not fit; 2^32 × (2^32 − 1) does.
        assert_eq!(centen_64((1 << 32, 2), (1 << 32, 0)), None);
        assert_eq!(
            centen_64((1 << 32, 2), ((1 << 32) - 1, 0)),
            Some(u64::MAX - (1 << 32) + 1)
        );
        // Scale 22: 10^20 does not fit a u64.
        assert_eq!(centen_64((1, 11), (1, 11)), None);
    }

    fn getal() -> impl Strategy<Value = Decimal> {
        let mantisse = prop_oneof![0i128..=1_000, 0i128..=i128::from(u64::MAX), -1_000i128..0];
        (mantisse, 0u32..=12).prop_map(|(m, s)| Decimal::from_i128_with_scale(m, s))
    }

    /// `m` as a `u64` when it is one.
    fn past(m: Option<u128>) -> Option<u128> {
        m.filter(|m| *m <= u128::from(u64::MAX))
    }

    proptest! {
        /// A formula on 64 bits (`a × b + c`, as the hours of a meeting line are built) has the
        /// exact value wherever it has one, and has one wherever every step fits 64 bits.
        #[test]
        fn the_64_bit_numbers_are_the_exact_numbers(a in getal(), b in getal(), c in getal()) {
            let klein = Klein::van(a).mul(&Klein::van(b)).add(&Klein::van(c));
            let exact = Exact::from(a).mul(&Exact::from(b)).add(&Exact::from(c));
            // Each step on 128 bits, for whether it fits 64.
            let deel = |d: Decimal| past(u128::try_from(d.mantissa()).ok());
            let scale = (a.scale() + b.scale()).max(c.scale());
            let schuif = |m: u128, k: u32| past(m.checked_mul(10u128.checked_pow(k)?));
            let verwacht = (|| {
                let p = past(deel(a)?.checked_mul(deel(b)?))?;
                let p = schuif(p, scale - a.scale() - b.scale())?;
                let q = schuif(deel(c)?, scale - c.scale())?;
                past(p.checked_add(q))
            })();
            match klein.0 {
                Some((m, s)) => {
                    prop_assert_eq!(s, scale);
                    prop_assert_eq!(exact.to_units(s, Afronding::HalfVanNulAf), Some(i128::from(m)));
                    prop_assert_eq!(verwacht, Some(u128::from(m)));
                }
                None => prop_assert_eq!(verwacht, None),
            }
        }

        /// A product exactly on a half cent, or one unit of its last decimal either side of
        /// it, rounds as the general rounding does (the half away from zero).
        #[test]
        fn a_product_on_or_next_to_a_half_cent_rounds_as_the_general_rounding(
            cents in 0u64..1_000_000,
            k in 1u32..=12,
            naast in -1i64..=1,
            i in 1u64..=3,
        ) {
            // (cents + ½) × 10^k units of 10^-(k + 2), as the product `b × i`.
            let half = (cents * 10 + 5) * 10u64.pow(k - 1);
            let b = half.saturating_add_signed(naast);
            prop_assert_eq!(
                centen_64((b, k + 2), (i, 0)).map(i128::from),
                algemeen((b, k + 2), (i, 0))
            );
        }

        /// The 64-bit rounding is the general one wherever it gives a value, and it gives one
        /// wherever the product fits 64 bits and the scale the table: mantissas of any size,
        /// products just within and just past 64 bits, and small ones (often on a half cent).
        #[test]
        fn the_64_bit_rounding_is_the_general_rounding(
            b in prop_oneof![any::<u64>(), 0u64..100_000],
            los in any::<u64>(),
            rand in -3i64..=3,
            kies in 0u8..3,
            bs in 0u32..=12,
            is in 0u32..=12,
        ) {
            let i = match kies {
                0 => los,
                1 => (u64::MAX / b.max(1)).saturating_add_signed(rand),
                _ => los % 1_000_000,
            };
            match centen_64((b, bs), (i, is)) {
                Some(c) => prop_assert_eq!(Some(i128::from(c)), algemeen((b, bs), (i, is))),
                // Only where the product, the scale or the cents do not fit.
                None => prop_assert!(
                    b.checked_mul(i).is_none()
                        || bs + is > 21
                        || algemeen((b, bs), (i, is)).is_none_or(|c| c > i128::from(u64::MAX))
                ),
            }
        }
    }
}
