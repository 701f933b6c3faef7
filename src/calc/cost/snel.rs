//! The cost engine's fast paths: what of the lines is the same in every year or for every line
//! of a role or post, worked out once instead of once per line. Each says what it saves and is
//! guarded by the permanent property test of the engine against a plain one written from
//! docs/rekenregels.md's words (tests/cli/properties/aanvullingen.rs: every line, every total,
//! every error). Pure, no I/O.

use std::ops::Range;
use std::sync::Arc;

use rust_decimal::Decimal;

use super::regels::*;
use super::{Herkomst, Post};
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
            groepen.push((begin..uur.len(), huisvesting(w, o)));
        }
        Groepsregels {
            uur,
            groepen,
            ict: ict(o),
        }
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
        Verdelingen {
            rollen: rollen
                .0
                .iter()
                .map(|r| verdeling(s, Some(r.naam), Post::Bijeenkomsten, jaar))
                .collect(),
            posten: POSTEN_ZONDER_ROL
                .into_iter()
                .chain(eigen)
                .map(|post| verdeling(s, None, post, jaar))
                .collect(),
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
