//! The cost engine's fast paths: what of the lines is the same in every year or for every line
//! of a role or post, worked out once instead of once per line. Each says what it saves and is
//! guarded by the permanent property test of the engine against a plain one written from
//! docs/rekenregels.md's words (tests/cli/properties/aanvullingen.rs: every line, every total,
//! every error). Pure, no I/O.

use std::ops::Range;
use std::sync::Arc;

use rust_decimal::Decimal;

use super::jaar::Jaar;
use super::regels::*;
use super::{Herkomst, Post};
use crate::calc::GRENS_BEDRAG;
use crate::calc::financiering::{Verdeling, verdeling};
use crate::decimal::exact::Exact;
use crate::scenario::Scenario;

/// What of the groups' lines is the same in every year: each hour line's hours and
/// `uren × uurtarief`, and ICT and housing before `× I(y)`. Worked out once per calculation;
/// [`group_lines`](super::group_lines) multiplies by the year's `I(y)` and rounds. (The exact product does not
/// depend on where the factors are grouped, so this is the formula of each line as it stands.)
pub(super) struct Groepsregels<'r> {
    /// Every group's hour lines, one group after the other, each group's in docs/rekenregels.md's
    /// order: meetings per role (in the order of `[uurtarieven]`, roles with participants
    /// only), chair, coordination, and phone support in a group with a consulent.
    pub(super) uur: Vec<Uurregel<'r>>,
    /// Per group: where its hour lines stand in `uur`, and `b × huisvesting_per_bijeenkomst`.
    pub(super) groepen: Vec<(Range<usize>, Exact)>,
    /// `ict_per_groep`.
    pub(super) ict: Exact,
    /// Per group: where its lines before `× I(y)` stand in `klein` ([`Groepsregels::snel`]),
    /// `None` when one of them has no 64-bit mantissa or cannot be added without a check per
    /// line (a role without a rate, hours beyond a `Decimal`).
    snel: Vec<Option<Range<usize>>>,
    /// The groups' hour lines' `uren × uurtarief`, ICT and housing, each group's in that order,
    /// as 64-bit mantissa and scale ([`Exact::u64_delen`]).
    klein: Vec<(u64, u32)>,
}

/// An hour line of a group before `× I(y)`.
pub(super) struct Uurregel<'r> {
    pub(super) post: Post,
    /// The role whose rate pays the hours; `Err` with its name when `[uurtarieven]` lacks it
    /// (reported when the line is reached, as a year's lines are worked out in order).
    pub(super) rol: Result<&'r Rol<'r>, &'r str>,
    pub(super) uren: Uren,
    /// `uren × uurtarief` (zero for an unknown role: never used).
    pub(super) basis: Exact,
}

impl<'r> Groepsregels<'r> {
    pub(super) fn of(s: &'r Scenario, rollen: &'r Rollen<'r>) -> Groepsregels<'r> {
        let mut uur = Vec::with_capacity(s.groepen.len() * (s.uurtarieven.len() + 3));
        let mut groepen = Vec::with_capacity(s.groepen.len());
        let mut snel = Vec::with_capacity(s.groepen.len());
        let mut klein = Vec::with_capacity(uur.capacity() + 2 * s.groepen.len());
        let ict = ict(&s.ondersteuning);
        let o = &s.ondersteuning;
        for g in &s.groepen {
            let w = &g.werkwijze;
            let begin = uur.len();
            let mut uurregel = |post: Post, rol: &'r str, uren: Exact| {
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
            };
            let per_bijeenkomst = uren_per_bijeenkomst(w);
            for (rol, n_r) in &g.deelnemers {
                if *n_r > 0 {
                    let uren = bijeenkomsten_uren(w, &per_bijeenkomst, *n_r);
                    uurregel(Post::Bijeenkomsten, rol, uren);
                }
            }
            uurregel(Post::Voorzitter, &w.voorzitter_rol, voorzitter_uren(w));
            uurregel(Post::Coordinatie, &w.coordinatie_rol, coordinatie_uren(w));
            if g.aantal("consulent") > 0 {
                uurregel(
                    Post::TelefonischeOndersteuning,
                    "consulent",
                    telefonische_uren(w),
                );
            }
            let huisvesting = huisvesting(w, o);
            let lijnen = uur.get(begin..).unwrap_or_default();
            snel.push(klein_van(lijnen, [&ict, &huisvesting], &mut klein));
            groepen.push((begin..uur.len(), huisvesting));
        }
        Groepsregels {
            uur,
            groepen,
            ict,
            snel,
            klein,
        }
    }

    /// Group `gi`'s hour lines, ICT and housing in a year whose `I(y)` has the 64-bit mantissa
    /// and scale `index`, added to `y` at once when each line's cents can be worked out on 64
    /// bits and lies within the bound (`false`, and nothing added, otherwise: the general path
    /// of [`group_lines`](super::group_lines) then adds them one by one). Only for a year
    /// without lines kept and whose lines are all TAPA$-financed ([`Jaar::snel`]): the sums are
    /// those of [`Jaar::regel`], and the largest line its largest (a line of zero cents adds
    /// nothing and is never the largest that an error names).
    ///
    /// This is the fast path of the groups' lines, nearly every line of a calculation: per line
    /// one 64-bit product, one division and a comparison, instead of the 128-bit rounding of
    /// [`Exact::mul_units`] and the checks of `Jaar::regel`. With [`klein_van`] it took
    /// `calc::evaluate_totals` from 84.4 M to 43.4 M instructions on 400 generated files
    /// (9,009 groups, callgrind, one thread). Guarded by tests/cli/properties/aanvullingen.rs
    /// (1g: no financing elsewhere, so that it is taken in every year, with up to 30 years and
    /// many decimals, so that the products cross 64 bits; and 1e/1f) and by the test of
    /// [`centen_64`] below (products just within and just past 64 bits, half cents).
    pub(super) fn snel(&'r self, gi: usize, index: (u64, u32), y: &mut Jaar<'r>) -> bool {
        let Some(Some(plaats)) = self.snel.get(gi) else {
            return false;
        };
        let mut som: u64 = 0;
        let mut grootste: Option<(u64, usize)> = None;
        for (k, basis) in self
            .klein
            .get(plaats.clone())
            .unwrap_or_default()
            .iter()
            .enumerate()
        {
            let Some(c) = centen_64(*basis, index).filter(|c| i128::from(*c) <= GRENS_BEDRAG)
            else {
                return false;
            };
            som = som.saturating_add(c);
            if c > grootste.map_or(0, |(g, _)| g) {
                grootste = Some((c, k));
            }
        }
        let grootste = grootste.and_then(|(c, k)| Some((c, self.herkomst(gi, k)?)));
        y.snel_erbij(som, grootste);
        true
    }

    /// Which line the `k`-th of group `gi`'s lines in `klein` is: an hour line, ICT or housing.
    fn herkomst(&'r self, gi: usize, k: usize) -> Option<Herkomst<'r>> {
        let (uur, _) = self.groepen.get(gi)?;
        let lijnen = self.uur.get(uur.clone())?;
        let (post, rol) = match lijnen.get(k) {
            Some(l) => (l.post, Some(l.rol.ok()?)),
            None if k == lijnen.len() => (Post::Ict, None),
            None => (Post::Huisvesting, None),
        };
        Some(Herkomst {
            groep: Some(gi),
            post,
            rol,
        })
    }
}

/// A group's lines before `× I(y)` (its hour lines, then `vast`: ICT and housing) appended to
/// `klein` as 64-bit mantissas and scales; where they stand, or `None` (and nothing appended)
/// when one does not fit or is a line the fast path does not add (a role without a rate, or
/// hours beyond a `Decimal`, which are errors at that line).
fn klein_van(
    uur: &[Uurregel<'_>],
    vast: [&Exact; 2],
    klein: &mut Vec<(u64, u32)>,
) -> Option<Range<usize>> {
    let begin = klein.len();
    let uur = uur
        .iter()
        .map(|l| (l.rol.is_ok() && l.uren.past).then_some(&l.basis));
    for basis in uur.chain(vast.map(Some)) {
        match basis.and_then(Exact::u64_delen) {
            Some(k) => klein.push(k),
            None => {
                klein.truncate(begin);
                return None;
            }
        }
    }
    Some(begin..klein.len())
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

/// The posts without a role an entry may cover, before the `[[kostenpost]]`s.
pub(super) const POSTEN_ZONDER_ROL: [Post; 6] = [
    Post::Ict,
    Post::Huisvesting,
    Post::Startkosten,
    Post::Scholing,
    Post::Projectleiding,
    Post::Monitoring,
];

impl Verdelingen {
    pub(super) fn of(s: &Scenario, rollen: &Rollen<'_>, jaar: i32) -> Verdelingen {
        let eigen =
            (0..s.kostenposten.len()).filter_map(|ki| u16::try_from(ki).ok().map(Post::Kostenpost));
        let rollen: Vec<Verdeling> = rollen
            .0
            .iter()
            .map(|r| verdeling(s, Some(r.naam), Post::Bijeenkomsten, jaar))
            .collect();
        let posten: Vec<Verdeling> = POSTEN_ZONDER_ROL
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
            Post::Kostenpost(ki) => Some(POSTEN_ZONDER_ROL.len() + usize::from(ki)),
            post => POSTEN_ZONDER_ROL.iter().position(|p| *p == post),
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

    proptest! {
        /// The 64-bit rounding is the general one wherever it gives a value, and it gives one
        /// wherever the product fits 64 bits and the scale the table: mantissas of any size and
        /// products just within and just past 64 bits.
        #[test]
        fn the_64_bit_rounding_is_the_general_rounding(
            b in any::<u64>(),
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
