//! How a line is split between TAPA$ and elsewhere (docs/rekenregels.md § 6): the one rule
//! that `cost`, `payout`, `monitor` and `settle` apply, below all of them (`financiering`
//! re-exports it). Pure, no I/O.

use rust_decimal::Decimal;

use super::euro_bedrag;
use super::post::Post;
use crate::decimal::exact::{Afronding, Exact};
use crate::scenario::{EldersFinanciering, Scenario};

/// How one line of a role or post in one year is split between TAPA$ and elsewhere: the one
/// rule of docs/rekenregels.md § 6 that `cost`, `payout`, `monitor` and `settle` all apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdeling {
    /// Entirely through TAPA$.
    Tapas,
    /// Entirely elsewhere.
    Elders,
    /// `p` % elsewhere (`0 < p < 100`), the rest through TAPA$.
    Deels(Decimal),
}

impl Verdeling {
    /// From the entry covering the line's year (if any) and whether the line's role is listed
    /// in `elders_gefinancierd` (a scenario built in code may list it without an entry).
    pub fn van(e: Option<&EldersFinanciering>, elders_gefinancierd: bool) -> Verdeling {
        match e {
            None if elders_gefinancierd => Verdeling::Elders,
            None => Verdeling::Tapas,
            Some(e) if e.geheel() => Verdeling::Elders,
            Some(e) => Verdeling::Deels(e.percentage),
        }
    }

    /// The elsewhere part of a line of `cents`: `cents(B × p/100)`, half away from zero.
    pub fn elders_cents(self, cents: i128) -> i128 {
        match self {
            Verdeling::Tapas => 0,
            Verdeling::Elders => cents,
            Verdeling::Deels(p) => Exact::cents(cents)
                .mul(&Exact::from(p).procent())
                .to_units(2, Afronding::HalfVanNulAf)
                .unwrap_or(cents),
        }
    }

    /// The TAPA$ part of a line of `cents`: `B − cents(B × p/100)`.
    pub fn tapas_cents(self, cents: i128) -> i128 {
        cents - self.elders_cents(cents)
    }

    /// The elsewhere part of a line amount `bedrag` (in whole cents, as every line is).
    pub fn elders(self, bedrag: Decimal) -> Decimal {
        match cents_van(bedrag) {
            Some(c) => euro_bedrag(self.elders_cents(c)),
            None => bedrag,
        }
    }

    /// The TAPA$ part of a line amount `bedrag` (in whole cents): `bedrag − elders(bedrag)`.
    pub fn tapas(self, bedrag: Decimal) -> Decimal {
        match cents_van(bedrag) {
            Some(c) => euro_bedrag(self.tapas_cents(c)),
            None => Decimal::ZERO,
        }
    }

    /// The elsewhere part of `uren` hours: `U × p/100` (exact).
    pub fn elders_uren(self, uren: &Exact) -> Exact {
        match self {
            Verdeling::Tapas => Exact::from(Decimal::ZERO),
            Verdeling::Elders => uren.clone(),
            Verdeling::Deels(p) => uren.mul(&Exact::from(p).procent()),
        }
    }

    /// The share paid elsewhere in percent: 0, `p` or 100.
    pub fn elders_percentage(self) -> Decimal {
        match self {
            Verdeling::Tapas => Decimal::ZERO,
            Verdeling::Elders => Decimal::ONE_HUNDRED,
            Verdeling::Deels(p) => p,
        }
    }
}

/// An amount in whole cents as a count of cents.
fn cents_van(bedrag: Decimal) -> Option<i128> {
    Exact::from(bedrag).to_units(2, Afronding::HalfVanNulAf)
}

/// How a line of role `rol` (an hour line) or, without a role, of post `post` is financed in
/// `jaar`: the entry of `[[financiering.elders]]` covering it, or `elders_gefinancierd`.
/// The overhead is always TAPA$.
pub fn verdeling(s: &Scenario, rol: Option<&str>, post: Post, jaar: i32) -> Verdeling {
    let genoemd = rol.is_some_and(|r| s.elders_gefinancierd.iter().any(|x| &**x == r));
    Verdeling::van(elders_regel(s, rol, post, jaar), genoemd)
}

/// The `[[financiering.elders]]` entry that covers a line of `rol` (its hours) or else of
/// `post` in `jaar`, if any; the overhead is never financed elsewhere. The one lookup behind
/// [`verdeling`], also for the workbook, which refers to the entry's percentage cell.
pub fn elders_regel<'s>(
    s: &'s Scenario,
    rol: Option<&str>,
    post: Post,
    jaar: i32,
) -> Option<&'s EldersFinanciering> {
    match (rol, post) {
        (Some(r), _) => s.elders_rol(r, jaar),
        (None, Post::Overhead) => None,
        (None, post) => s.elders_post(post.naam(s), jaar),
    }
}
