//! The lines of the cost engine, one plain function per kind of line, in docs/rekenregels.md's
//! words: each gives the line's hours (hour lines) or its exact amount before rounding, and
//! [`cents`] rounds an amount once to whole cents, half away from zero. Pure, no I/O.

use rust_decimal::Decimal;

use crate::decimal::exact::{Afronding, Exact};
use crate::scenario::{Groep, Kostenpost, Ondersteuning, Scenario, Werkwijze};

pub(super) fn x(d: Decimal) -> Exact {
    Exact::from(d)
}

pub(super) fn n(v: impl Into<u64>) -> Exact {
    Exact::from(v.into())
}

/// The numbers the formulas of a group's lines before `× I(y)` are worked out in: exact
/// ([`Exact`]), or on 64 bits for the fast path (`snel::Klein`, without a value where a step
/// leaves 64 bits). Where both give a value it is the same.
pub(super) trait Getal: Sized {
    fn van(d: Decimal) -> Self;
    fn geheel(n: impl Into<u64>) -> Self;
    fn mul(&self, other: &Self) -> Self;
    fn add(&self, other: &Self) -> Self;
}

impl Getal for Exact {
    #[inline]
    fn van(d: Decimal) -> Exact {
        x(d)
    }

    #[inline]
    fn geheel(v: impl Into<u64>) -> Exact {
        n(v)
    }

    #[inline]
    fn mul(&self, other: &Exact) -> Exact {
        Exact::mul(self, other)
    }

    #[inline]
    fn add(&self, other: &Exact) -> Exact {
        Exact::add(self, other)
    }
}

/// `bijeenkomsten` of a role with `n_r` participants:
/// `uren = b × n_r × (duur_uren + voorbereiding_uren + reistijd_uren)`.
pub(super) fn bijeenkomsten_uren<G: Getal>(w: &Werkwijze, per_bijeenkomst: &G, n_r: u32) -> G {
    G::geheel(w.bijeenkomsten_per_jaar)
        .mul(&G::geheel(n_r))
        .mul(per_bijeenkomst)
}

/// A participant's hours per meeting: `duur_uren + voorbereiding_uren + reistijd_uren`.
pub(super) fn uren_per_bijeenkomst<G: Getal>(w: &Werkwijze) -> G {
    G::van(w.duur_uren)
        .add(&G::van(w.voorbereiding_uren))
        .add(&G::van(w.reistijd_uren))
}

/// `voorzitter`: `uren = b × voorzitter_uren`.
pub(super) fn voorzitter_uren<G: Getal>(w: &Werkwijze) -> G {
    G::geheel(w.bijeenkomsten_per_jaar).mul(&G::van(w.voorzitter_uren))
}

/// `coordinatie`: `uren = patienten_per_jaar × coordinatie_uren_per_patient`.
pub(super) fn coordinatie_uren<G: Getal>(w: &Werkwijze) -> G {
    G::van(w.patienten_per_jaar).mul(&G::van(w.coordinatie_uren_per_patient))
}

/// `telefonische_ondersteuning`: `uren = telefonische_ondersteuning_uren` (a group with a
/// consulent only).
pub(super) fn telefonische_uren<G: Getal>(w: &Werkwijze) -> G {
    G::van(w.telefonische_ondersteuning_uren)
}

/// Every hour line: `bedrag = uren × uurtarief × I(y)`; this is `uren × uurtarief`, the same
/// in every year ([`Groepsregels`](super::snel::Groepsregels)).
pub(super) fn uurbedrag<G: Getal>(uren: &G, uurtarief: Decimal) -> G {
    uren.mul(&G::van(uurtarief))
}

/// `ict`: `ict_per_groep × I(y)`; this is `ict_per_groep`.
pub(super) fn ict<G: Getal>(o: &Ondersteuning) -> G {
    G::van(o.ict_per_groep)
}

/// `huisvesting`: `b × huisvesting_per_bijeenkomst × I(y)`; this is
/// `b × huisvesting_per_bijeenkomst`.
pub(super) fn huisvesting<G: Getal>(w: &Werkwijze, o: &Ondersteuning) -> G {
    G::geheel(w.bijeenkomsten_per_jaar).mul(&G::van(o.huisvesting_per_bijeenkomst))
}

/// `startkosten`: `startkosten_per_nieuwe_groep × I(y)` (start year of a new group only).
pub(super) fn startkosten(o: &Ondersteuning, i: &Exact) -> Exact {
    x(o.startkosten_per_nieuwe_groep).mul(i)
}

/// `scholing`: `scholing_per_nieuwe_deelnemer × Σ n_r × I(y)` (start year of a new group only).
pub(super) fn scholing(o: &Ondersteuning, g: &Groep, i: &Exact) -> Exact {
    x(o.scholing_per_nieuwe_deelnemer)
        .mul(&n(g.totaal_deelnemers()))
        .mul(i)
}

/// `projectleiding`: `projectleiding_uren × projectleiding_uurtarief × I(y)`.
pub(super) fn projectleiding(o: &Ondersteuning, i: &Exact) -> Exact {
    x(o.projectleiding_uren)
        .mul(&x(o.projectleiding_uurtarief))
        .mul(i)
}

/// `monitoring`: `monitoring_per_jaar × I(y)`.
pub(super) fn monitoring(o: &Ondersteuning, i: &Exact) -> Exact {
    x(o.monitoring_per_jaar).mul(i)
}

/// `overhead`: `overhead_percentage / 100 × Σ rounded TAPA$-financed lines of the year`.
pub(super) fn overhead(o: &Ondersteuning, tapas_cents: i128) -> Exact {
    x(o.overhead_percentage)
        .procent()
        .mul(&Exact::cents(tapas_cents))
}

/// The `[[kostenpost]]`s with lines in `jaar`, with their [`Post::Kostenpost`](super::Post::Kostenpost) index.
pub(super) fn kostenposten(s: &Scenario, jaar: i32) -> impl Iterator<Item = (u16, &Kostenpost)> {
    s.kostenposten
        .iter()
        .enumerate()
        .filter(move |(_, k)| k.jaren.contains(&jaar))
        .filter_map(|(ki, k)| u16::try_from(ki).ok().map(|ki| (ki, k)))
}

/// A `[[kostenpost]]`: `bedrag × I(y)` (per year, or per active group; per meeting times `b`).
pub(super) fn kostenpost(k: &Kostenpost, i: &Exact) -> Exact {
    x(k.bedrag).mul(i)
}

/// An exact amount rounded once to whole cents, half away from zero (`None`: past an `i128`).
pub(super) fn cents(bedrag: &Exact) -> Option<i128> {
    bedrag.to_units(2, Afronding::HalfVanNulAf)
}

/// `basis × I(y)` rounded once to whole cents, half away from zero: [`cents`] of the product,
/// without building the product ([`Exact::mul_units`]) for the lines of the groups, which are
/// nearly all lines.
#[inline]
pub(super) fn maal_index(basis: &Exact, i: &Exact) -> Option<i128> {
    basis.mul_units(i, 2, Afronding::HalfVanNulAf)
}
