//! The cost engine of docs/rekenregels.md: line items per year, group, post and role;
//! totals; the cost-covering tariff. Pure, no I/O.
//!
//! Read it in this order: one function per kind of line (`bijeenkomsten_uren` … `overhead`)
//! holds that line's formula from docs/rekenregels.md's table, exactly (an [`Exact`] has no 28-digit limit);
//! `group_lines` and `regional_lines` list the lines of a year in docs/rekenregels.md's order; `Jaar::regel`
//! rounds each amount once to whole cents, half away from zero, and refuses an amount above
//! [`GRENS_BEDRAG`](super::GRENS_BEDRAG) with an error naming the fields of that line;
//! `Jaar::totalen` sums the rounded lines in integer cents and rounds the tariff up. What of a
//! group's lines does not depend on the year (its hours, `uren × uurtarief`) is worked out once
//! per calculation (`Groepsregels`) and multiplied by each year's `I(y)`; nothing is remembered
//! between groups or between calculations.
//!
//! Longer than 800 lines: each kind of line's formula, the year sums and the two fast paths
//! (`Groepsregels`, `Verdelingen`, guarded by tests/cli/properties) stand together so that the
//! whole rule of the cost lines reads in one file.

use std::ops::Range;
use std::sync::Arc;

use rust_decimal::Decimal;

use super::financiering::{Verdeling, verdeling};
use super::{CalcError, binnen_grens, euro_bedrag, index_factors, indexfactoren};
use crate::decimal::exact::{Afronding, Exact};
use crate::scenario::{Groep, Kostenpost, KostenpostPer, Ondersteuning, Scenario, Werkwijze};

/// How a line is financed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Financiering {
    /// Through TAPA$-prestatie 1.
    Tapas,
    /// Through another title (`elders_gefinancierd`, `[[financiering.elders]]`).
    Elders,
}

impl Financiering {
    /// The value of the `financiering` column.
    pub fn as_str(self) -> &'static str {
        match self {
            Financiering::Tapas => "tapas",
            Financiering::Elders => "elders",
        }
    }
}

/// The kinds of line item, in the order they are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Post {
    /// Meeting, preparation and travel hours per role.
    Bijeenkomsten,
    /// The chair's extra hours.
    Voorzitter,
    /// Coordination after the meetings.
    Coordinatie,
    /// The consulent's phone support.
    TelefonischeOndersteuning,
    /// ICT per group.
    Ict,
    /// Room and catering per meeting.
    Huisvesting,
    /// One-off start costs of a new group.
    Startkosten,
    /// One-off training of a new group's participants.
    Scholing,
    /// Regional project lead.
    Projectleiding,
    /// Evaluation and monitoring.
    Monitoring,
    /// A `[[kostenpost]]` of the region's own: its index in [`Scenario::kostenposten`]. Listed
    /// after the built-in posts, in file order, before the overhead.
    Kostenpost(u16),
    /// Penvoerder's fee.
    Overhead,
}

impl Post {
    /// Every built-in post, in list order (the `[[kostenpost]]`s come before the overhead).
    pub const ALL: [Post; 11] = [
        Post::Bijeenkomsten,
        Post::Voorzitter,
        Post::Coordinatie,
        Post::TelefonischeOndersteuning,
        Post::Ict,
        Post::Huisvesting,
        Post::Startkosten,
        Post::Scholing,
        Post::Projectleiding,
        Post::Monitoring,
        Post::Overhead,
    ];

    /// The value of the `post` column of a built-in post (`kostenpost` for an own post: use
    /// [`Post::naam`], which knows its id).
    pub fn as_str(self) -> &'static str {
        match self {
            Post::Kostenpost(_) => "kostenpost",
            Post::Bijeenkomsten => "bijeenkomsten",
            Post::Voorzitter => "voorzitter",
            Post::Coordinatie => "coordinatie",
            Post::TelefonischeOndersteuning => "telefonische_ondersteuning",
            Post::Ict => "ict",
            Post::Huisvesting => "huisvesting",
            Post::Startkosten => "startkosten",
            Post::Scholing => "scholing",
            Post::Projectleiding => "projectleiding",
            Post::Monitoring => "monitoring",
            Post::Overhead => "overhead",
        }
    }

    /// Dutch label for tables of a built-in post (use [`Post::label_in`], which knows an own
    /// post's naam).
    pub fn label(self) -> &'static str {
        match self {
            Post::Kostenpost(_) => "Eigen kostenpost",
            Post::Bijeenkomsten => "Bijeenkomsten (incl. voorbereiding en reistijd)",
            Post::Voorzitter => "Voorzitter",
            Post::Coordinatie => "Coördinatie na bespreking",
            Post::TelefonischeOndersteuning => "Telefonische ondersteuning consulent",
            Post::Ict => "ICT",
            Post::Huisvesting => "Huisvesting",
            Post::Startkosten => "Startkosten nieuwe groepen",
            Post::Scholing => "Scholing nieuwe deelnemers",
            Post::Projectleiding => "Projectleiding",
            Post::Monitoring => "Monitoring en evaluatie",
            Post::Overhead => "Overhead penvoerder",
        }
    }

    /// Parses the `post` column value of a built-in post.
    pub fn parse(text: &str) -> Option<Post> {
        Post::ALL.into_iter().find(|p| p.as_str() == text)
    }

    /// The value of the `post` column: a built-in post's name or a `[[kostenpost]]`'s id.
    pub fn naam(self, s: &Scenario) -> &str {
        match self {
            Post::Kostenpost(i) => s
                .kostenposten
                .get(usize::from(i))
                .map_or("kostenpost", |k| k.id.as_str()),
            _ => self.as_str(),
        }
    }

    /// The Dutch label for tables: a built-in post's label or a `[[kostenpost]]`'s naam.
    pub fn label_in(self, s: &Scenario) -> &str {
        match self {
            Post::Kostenpost(i) => s
                .kostenposten
                .get(usize::from(i))
                .map_or("Eigen kostenpost", |k| k.naam.as_str()),
            _ => self.label(),
        }
    }

    /// Parses a `post` column value of `s`: a built-in post or one of its `[[kostenpost]]` ids.
    pub fn parse_in(text: &str, s: &Scenario) -> Option<Post> {
        Post::parse(text).or_else(|| {
            s.kostenposten
                .iter()
                .position(|k| k.id == text)
                .and_then(|i| u16::try_from(i).ok())
                .map(Post::Kostenpost)
        })
    }
}

/// One line item, rounded to cents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Regel {
    /// Calendar year.
    pub jaar: i32,
    /// Index into [`Scenario::groepen`]; `None` for regional lines.
    pub groep: Option<usize>,
    /// What the line is for.
    pub post: Post,
    /// The role whose rate pays the hours; `None` for non-hour lines.
    pub rol: Option<Arc<str>>,
    /// Hours (exact, not rounded); `None` where hours do not apply.
    pub uren: Option<Decimal>,
    /// Amount in €, rounded to cents half away from zero.
    pub bedrag: Decimal,
    /// TAPA$ or elsewhere.
    pub financiering: Financiering,
}

/// The totals of docs/rekenregels.md, for a year or for the horizon.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Totalen {
    /// Σ all lines.
    pub kosten_totaal: Decimal,
    /// Σ lines financed elsewhere.
    pub elders_gefinancierd: Decimal,
    /// Σ `[[bijdrage]]`s of the year (over the horizon: of every year), each rounded to cents.
    pub bijdragen: Decimal,
    /// `kosten_totaal − elders_gefinancierd − bijdragen`.
    pub te_financieren: Decimal,
    /// Per verzekerde, rounded up to the cent (over the horizon: the flat yearly tariff).
    pub kostendekkend_tarief: Decimal,
}

/// One year's costs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KostenJaar {
    /// Calendar year.
    pub jaar: i32,
    /// `I(y)`.
    pub indexfactor: Decimal,
    /// Line items: per group in file order, then the regional lines, overhead last.
    pub regels: Vec<Regel>,
    /// The year's totals.
    pub totalen: Totalen,
}

/// The costs over the whole horizon.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kosten {
    /// Per year of the horizon.
    pub jaren: Vec<KostenJaar>,
    /// Summed over the horizon, with the flat tariff.
    pub totaal: Totalen,
}

/// Calculates every line item and total of docs/rekenregels.md for `s`.
pub fn evaluate(s: &Scenario) -> Result<Kosten, CalcError> {
    calculate(s, true)
}

/// The same totals as [`evaluate`], without keeping the line items: every `regels` is left
/// empty. For callers that only report totals (`batch`, the simulation).
pub fn evaluate_totals(s: &Scenario) -> Result<Kosten, CalcError> {
    calculate(s, false)
}

fn calculate(s: &Scenario, keep_lines: bool) -> Result<Kosten, CalcError> {
    let display = index_factors(s)?;
    let exact = indexfactoren(s);
    let rollen = Rollen::of(s);
    // What of each group's lines is the same in every year, worked out once.
    let groepen = Groepsregels::of(s, &rollen);
    let mut jaren = Vec::with_capacity(exact.len());
    let mut totaal = Jaar::new(0, false, Verdelingen::default());
    for (k, ((jaar, indexfactor), i)) in s.jaren().zip(display).zip(&exact).enumerate() {
        let mut y = Jaar::new(jaar, keep_lines, Verdelingen::of(s, &rollen, jaar));
        for (gi, g) in s.groepen.iter().enumerate() {
            if g.start <= jaar {
                group_lines(s, &groepen, gi, g, jaar, i, &mut y)?;
            }
        }
        regional_lines(s, i, &mut y)?;
        y.bijdragen(s)?;
        let totalen = y.totalen(s, &Exact::from(s.verzekerden_jaar(k)), "jaartotaal")?;
        totaal.voeg_toe(&y);
        jaren.push(KostenJaar {
            jaar,
            indexfactor,
            regels: y.regels,
            totalen,
        });
    }
    let verzekerde_jaren = verzekerde_jaren(s);
    let totaal = totaal.totalen(s, &verzekerde_jaren, "totaal over de looptijd")?;
    Ok(Kosten { jaren, totaal })
}

// ---------------------------------------------------------------------------------------------
// The lines, one function per post, in docs/rekenregels.md's words. Each gives the line's hours (hour lines)
// and its exact amount before rounding; `Jaar::regel` rounds it once to cents.
// ---------------------------------------------------------------------------------------------

fn x(d: Decimal) -> Exact {
    Exact::from(d)
}

fn n(v: impl Into<u64>) -> Exact {
    Exact::from(v.into())
}

/// `bijeenkomsten` of a role with `n_r` participants:
/// `uren = b × n_r × (duur_uren + voorbereiding_uren + reistijd_uren)`.
fn bijeenkomsten_uren(w: &Werkwijze, per_bijeenkomst: &Exact, n_r: u32) -> Exact {
    n(w.bijeenkomsten_per_jaar)
        .mul(&n(n_r))
        .mul(per_bijeenkomst)
}

/// A participant's hours per meeting: `duur_uren + voorbereiding_uren + reistijd_uren`.
fn uren_per_bijeenkomst(w: &Werkwijze) -> Exact {
    x(w.duur_uren)
        .add(&x(w.voorbereiding_uren))
        .add(&x(w.reistijd_uren))
}

/// `voorzitter`: `uren = b × voorzitter_uren`.
fn voorzitter_uren(w: &Werkwijze) -> Exact {
    n(w.bijeenkomsten_per_jaar).mul(&x(w.voorzitter_uren))
}

/// `coordinatie`: `uren = patienten_per_jaar × coordinatie_uren_per_patient`.
fn coordinatie_uren(w: &Werkwijze) -> Exact {
    x(w.patienten_per_jaar).mul(&x(w.coordinatie_uren_per_patient))
}

/// `telefonische_ondersteuning`: `uren = telefonische_ondersteuning_uren` (a group with a
/// consulent only).
fn telefonische_uren(w: &Werkwijze) -> Exact {
    x(w.telefonische_ondersteuning_uren)
}

/// Every hour line: `bedrag = uren × uurtarief × I(y)`; this is `uren × uurtarief`, the same
/// in every year ([`Groepsregels`]).
fn uurbedrag(uren: &Exact, uurtarief: Decimal) -> Exact {
    uren.mul(&x(uurtarief))
}

/// `ict`: `ict_per_groep × I(y)`; this is `ict_per_groep`.
fn ict(o: &Ondersteuning) -> Exact {
    x(o.ict_per_groep)
}

/// `huisvesting`: `b × huisvesting_per_bijeenkomst × I(y)`; this is
/// `b × huisvesting_per_bijeenkomst`.
fn huisvesting(w: &Werkwijze, o: &Ondersteuning) -> Exact {
    n(w.bijeenkomsten_per_jaar).mul(&x(o.huisvesting_per_bijeenkomst))
}

/// `startkosten`: `startkosten_per_nieuwe_groep × I(y)` (start year of a new group only).
fn startkosten(o: &Ondersteuning, i: &Exact) -> Exact {
    x(o.startkosten_per_nieuwe_groep).mul(i)
}

/// `scholing`: `scholing_per_nieuwe_deelnemer × Σ n_r × I(y)` (start year of a new group only).
fn scholing(o: &Ondersteuning, g: &Groep, i: &Exact) -> Exact {
    x(o.scholing_per_nieuwe_deelnemer)
        .mul(&n(g.totaal_deelnemers()))
        .mul(i)
}

/// `projectleiding`: `projectleiding_uren × projectleiding_uurtarief × I(y)`.
fn projectleiding(o: &Ondersteuning, i: &Exact) -> Exact {
    x(o.projectleiding_uren)
        .mul(&x(o.projectleiding_uurtarief))
        .mul(i)
}

/// `monitoring`: `monitoring_per_jaar × I(y)`.
fn monitoring(o: &Ondersteuning, i: &Exact) -> Exact {
    x(o.monitoring_per_jaar).mul(i)
}

/// `overhead`: `overhead_percentage / 100 × Σ rounded TAPA$-financed lines of the year`.
fn overhead(o: &Ondersteuning, tapas_cents: i128) -> Exact {
    x(o.overhead_percentage)
        .procent()
        .mul(&Exact::cents(tapas_cents))
}

/// What of the groups' lines is the same in every year: each hour line's hours and
/// `uren × uurtarief`, and ICT and housing before `× I(y)`. Worked out once per calculation;
/// [`group_lines`] multiplies by the year's `I(y)` and rounds. (The exact product does not
/// depend on where the factors are grouped, so this is the formula of each line as it stands.)
struct Groepsregels<'r> {
    /// Every group's hour lines, one group after the other, each group's in docs/rekenregels.md's
    /// order: meetings per role (in the order of `[uurtarieven]`, roles with participants
    /// only), chair, coordination, and phone support in a group with a consulent.
    uur: Vec<Uurregel<'r>>,
    /// Per group: where its hour lines stand in `uur`, and `b × huisvesting_per_bijeenkomst`.
    groepen: Vec<(Range<usize>, Exact)>,
    /// `ict_per_groep`.
    ict: Exact,
}

/// An hour line of a group before `× I(y)`.
struct Uurregel<'r> {
    post: Post,
    /// The role whose rate pays the hours; `Err` with its name when `[uurtarieven]` lacks it
    /// (reported when the line is reached, as a year's lines are worked out in order).
    rol: Result<&'r Rol<'r>, &'r str>,
    uren: Uren,
    /// `uren × uurtarief` (zero for an unknown role: never used).
    basis: Exact,
}

impl<'r> Groepsregels<'r> {
    fn of(s: &'r Scenario, rollen: &'r Rollen<'r>) -> Groepsregels<'r> {
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

/// Group `gi`'s lines in year `jaar`, in docs/rekenregels.md's order: its hour lines and ICT and
/// housing (from `regels`, each `× I(y)`), and in the start year of a new group its start costs
/// and training; then the `[[kostenpost]]`s per group or per meeting.
fn group_lines<'r>(
    s: &Scenario,
    regels: &'r Groepsregels<'r>,
    gi: usize,
    g: &Groep,
    jaar: i32,
    i: &Exact,
    y: &mut Jaar<'r>,
) -> Result<(), CalcError> {
    let groep = Some(gi);
    let Some((uur, huisvesting)) = regels.groepen.get(gi) else {
        return Ok(());
    };
    for l in regels.uur.get(uur.clone()).unwrap_or_default() {
        let r = l.rol.map_err(|rol| CalcError::OnbekendeRol {
            path: format!("groep[{}]", gi + 1),
            rol: rol.to_string(),
        })?;
        let h = Herkomst {
            groep,
            post: l.post,
            rol: Some(r),
        };
        y.regel(s, h, Some(&l.uren), maal_index(&l.basis, i))?;
    }
    let w = &g.werkwijze;
    let o = &s.ondersteuning;
    let vast = |post| Herkomst {
        groep,
        post,
        rol: None,
    };
    y.regel(s, vast(Post::Ict), None, maal_index(&regels.ict, i))?;
    y.regel(s, vast(Post::Huisvesting), None, maal_index(huisvesting, i))?;
    if g.nieuw && g.start == jaar {
        y.regel(s, vast(Post::Startkosten), None, cents(&startkosten(o, i)))?;
        y.regel(s, vast(Post::Scholing), None, cents(&scholing(o, g, i)))?;
    }
    for (ki, k) in kostenposten(s, jaar) {
        let bedrag = match k.per {
            KostenpostPer::Jaar => continue,
            KostenpostPer::Groep => kostenpost(k, i),
            KostenpostPer::Bijeenkomst => n(w.bijeenkomsten_per_jaar).mul(&kostenpost(k, i)),
        };
        y.regel(s, vast(Post::Kostenpost(ki)), None, cents(&bedrag))?;
    }
    Ok(())
}

/// The `[[kostenpost]]`s with lines in `jaar`, with their [`Post::Kostenpost`] index.
fn kostenposten(s: &Scenario, jaar: i32) -> impl Iterator<Item = (u16, &Kostenpost)> {
    s.kostenposten
        .iter()
        .enumerate()
        .filter(move |(_, k)| k.jaren.contains(&jaar))
        .filter_map(|(ki, k)| u16::try_from(ki).ok().map(|ki| (ki, k)))
}

/// A `[[kostenpost]]`: `bedrag × I(y)` (per year, or per active group; per meeting times `b`).
fn kostenpost(k: &Kostenpost, i: &Exact) -> Exact {
    x(k.bedrag).mul(i)
}

/// The regional lines of the year: project lead, monitoring, the `[[kostenpost]]`s per year,
/// and last the overhead over the year's TAPA$-financed lines.
fn regional_lines(s: &Scenario, i: &Exact, y: &mut Jaar<'_>) -> Result<(), CalcError> {
    let o = &s.ondersteuning;
    let regionaal = |post| Herkomst {
        groep: None,
        post,
        rol: None,
    };
    let uren = Uren::of(Exact::from(o.projectleiding_uren));
    y.regel(
        s,
        regionaal(Post::Projectleiding),
        Some(&uren),
        cents(&projectleiding(o, i)),
    )?;
    y.regel(
        s,
        regionaal(Post::Monitoring),
        None,
        cents(&monitoring(o, i)),
    )?;
    for (ki, k) in kostenposten(s, y.jaar) {
        if k.per == KostenpostPer::Jaar {
            y.regel(
                s,
                regionaal(Post::Kostenpost(ki)),
                None,
                cents(&kostenpost(k, i)),
            )?;
        }
    }
    let tapas = y.tapas;
    y.regel(
        s,
        regionaal(Post::Overhead),
        None,
        cents(&overhead(o, tapas)),
    )
}

// ---------------------------------------------------------------------------------------------
// Rounding, sums and the bound
// ---------------------------------------------------------------------------------------------

/// An exact amount rounded once to whole cents, half away from zero (`None`: past an `i128`).
fn cents(bedrag: &Exact) -> Option<i128> {
    bedrag.to_units(2, Afronding::HalfVanNulAf)
}

/// `basis × I(y)` rounded once to whole cents, half away from zero: [`cents`] of the product,
/// without building the product ([`Exact::mul_units`]) for the lines of the groups, which are
/// nearly all lines.
#[inline]
fn maal_index(basis: &Exact, i: &Exact) -> Option<i128> {
    basis.mul_units(i, 2, Afronding::HalfVanNulAf)
}

/// A line's hours, exact, and whether they fit a `Decimal` (the `uren` of a [`Regel`]): the
/// hours do not depend on the year, so this is worked out once per calculation.
struct Uren {
    exact: Exact,
    past: bool,
}

impl Uren {
    #[inline]
    fn of(exact: Exact) -> Uren {
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
struct Verdelingen {
    /// Per role of `[uurtarieven]`, in that order ([`Rol::index`]).
    rollen: Vec<Verdeling>,
    /// Per post without a role, by [`Verdelingen::post_index`]; the overhead is always TAPA$.
    posten: Vec<Verdeling>,
}

/// The posts without a role an entry may cover, before the `[[kostenpost]]`s.
const POSTEN_ZONDER_ROL: [Post; 6] = [
    Post::Ict,
    Post::Huisvesting,
    Post::Startkosten,
    Post::Scholing,
    Post::Projectleiding,
    Post::Monitoring,
];

impl Verdelingen {
    fn of(s: &Scenario, rollen: &Rollen<'_>, jaar: i32) -> Verdelingen {
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

    fn post_index(post: Post) -> Option<usize> {
        match post {
            Post::Kostenpost(ki) => Some(POSTEN_ZONDER_ROL.len() + usize::from(ki)),
            post => POSTEN_ZONDER_ROL.iter().position(|p| *p == post),
        }
    }

    /// The split of a line of `h` (looked up again should the table not have it).
    #[inline]
    fn van(&self, s: &Scenario, h: &Herkomst<'_>, jaar: i32) -> Verdeling {
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
struct Rol<'s> {
    naam: &'s Arc<str>,
    uurtarief: Decimal,
    /// Its place in `[uurtarieven]`.
    index: usize,
}

/// The roles of `[uurtarieven]`.
struct Rollen<'s>(Vec<Rol<'s>>);

impl<'s> Rollen<'s> {
    fn of(s: &'s Scenario) -> Rollen<'s> {
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

    fn find(&self, rol: &str) -> Option<&Rol<'s>> {
        // The scenario's role names are shared, so the same name is mostly the same pointer.
        self.0
            .iter()
            .find(|r| std::ptr::eq(&**r.naam, rol) || &**r.naam == rol)
    }
}

/// Which line an amount is: enough to name the fields it comes from, should it be too large.
#[derive(Clone, Copy)]
struct Herkomst<'r> {
    groep: Option<usize>,
    post: Post,
    rol: Option<&'r Rol<'r>>,
}

/// The line's field path, description and the fields it is calculated from.
struct Velden {
    path: String,
    wat: String,
    velden: Vec<String>,
}

impl Velden {
    fn te_groot(self) -> CalcError {
        CalcError::BedragTeGroot {
            path: self.path,
            wat: self.wat,
            velden: self.velden,
        }
    }
}

impl Herkomst<'_> {
    fn velden(&self, s: &Scenario, jaar: i32) -> Velden {
        let g = self.groep.and_then(|gi| s.groepen.get(gi).map(|g| (gi, g)));
        // A werkwijze field as the group has it: its own, or `[werkwijze]`'s.
        let ww = |veld: &str| match g {
            Some((gi, g)) if g.eigen.contains(&veld) => format!("groep[{}].{veld}", gi + 1),
            _ => format!("werkwijze.{veld}"),
        };
        let steun = |veld: &str| format!("ondersteuning.{veld}");
        let groep = |veld: &str| match g {
            Some((gi, _)) => format!("groep[{}].{veld}", gi + 1),
            None => format!("groep.{veld}"),
        };
        let rol = self.rol.map(|r| r.naam.to_string()).unwrap_or_default();
        let tarief = format!("uurtarieven.{rol}");
        let mut velden = match self.post {
            Post::Bijeenkomsten => vec![
                ww("bijeenkomsten_per_jaar"),
                groep(&format!("deelnemers.{rol}")),
                ww("duur_uren"),
                ww("voorbereiding_uren"),
                ww("reistijd_uren"),
                tarief,
            ],
            Post::Voorzitter => vec![ww("bijeenkomsten_per_jaar"), ww("voorzitter_uren"), tarief],
            Post::Coordinatie => vec![
                ww("patienten_per_jaar"),
                ww("coordinatie_uren_per_patient"),
                tarief,
            ],
            Post::TelefonischeOndersteuning => {
                vec![ww("telefonische_ondersteuning_uren"), tarief]
            }
            Post::Ict => vec![steun("ict_per_groep")],
            Post::Huisvesting => vec![
                ww("bijeenkomsten_per_jaar"),
                steun("huisvesting_per_bijeenkomst"),
            ],
            Post::Startkosten => vec![steun("startkosten_per_nieuwe_groep")],
            Post::Scholing => vec![steun("scholing_per_nieuwe_deelnemer"), groep("deelnemers")],
            Post::Projectleiding => vec![
                steun("projectleiding_uren"),
                steun("projectleiding_uurtarief"),
            ],
            Post::Monitoring => vec![steun("monitoring_per_jaar")],
            Post::Kostenpost(ki) => {
                let k = s.kostenposten.get(usize::from(ki));
                let mut v = vec![k.map_or_else(
                    || "kostenpost".to_string(),
                    |k| format!("{}.bedrag", k.path),
                )];
                if k.is_some_and(|k| k.per == KostenpostPer::Bijeenkomst) {
                    v.push(ww("bijeenkomsten_per_jaar"));
                }
                v
            }
            Post::Overhead => vec![
                steun("overhead_percentage"),
                format!("de TAPA$-regels van {jaar}"),
            ],
        };
        if self.post != Post::Overhead && !s.indexatie_percentage.is_zero() {
            velden.push("indexatie.kosten_percentage_per_jaar".into());
        }
        let path = match (self.rol, g) {
            (Some(_), Some((gi, _))) => format!("groep[{}]", gi + 1),
            _ => velden.first().cloned().unwrap_or_default(),
        };
        let wat = match self.rol {
            Some(r) => format!("{} · {} · {jaar}", self.post.naam(s), r.naam),
            None => format!("{} · {jaar}", self.post.naam(s)),
        };
        Velden { path, wat, velden }
    }
}

/// The lines of a year (or, summed, of the horizon) as they are added: their sums in cents and
/// the largest line, whose fields an error about a total names.
struct Jaar<'r> {
    /// The calendar year; 0 for the horizon.
    jaar: i32,
    /// The line items, kept only when asked for.
    regels: Vec<Regel>,
    keep_lines: bool,
    tapas: i128,
    elders: i128,
    /// Σ `[[bijdrage]]`s in cents.
    bijdragen: i128,
    /// The largest line so far: its amount (in size), year and origin.
    grootste: Option<(i128, i32, Herkomst<'r>)>,
    /// How the year's lines are financed.
    verdelingen: Verdelingen,
}

impl<'r> Jaar<'r> {
    fn new(jaar: i32, keep_lines: bool, verdelingen: Verdelingen) -> Jaar<'r> {
        Jaar {
            jaar,
            regels: Vec::new(),
            keep_lines,
            tapas: 0,
            elders: 0,
            bijdragen: 0,
            grootste: None,
            verdelingen,
        }
    }

    /// Adds a line whose exact amount rounded once to cents, half away from zero, is `cents`
    /// ([`cents`]); an hour line unless both hours and amount are zero, another line unless it
    /// is zero.
    fn regel(
        &mut self,
        s: &Scenario,
        h: Herkomst<'r>,
        uren: Option<&Uren>,
        cents: Option<i128>,
    ) -> Result<(), CalcError> {
        let Some(cents) = binnen_grens(cents) else {
            return Err(h.velden(s, self.jaar).te_groot());
        };
        let uren_exact = uren.map(|u| &u.exact);
        if cents == 0 && uren_exact.is_none_or(Exact::is_zero) {
            return Ok(());
        }
        // The hours as a `Decimal` (exact, or rounded once past 28 digits): the same error
        // with or without the lines kept.
        if uren.is_some_and(|u| !u.past) {
            return Err(CalcError::Overflow {
                path: h.groep.map_or_else(
                    || "ondersteuning.projectleiding_uren".to_string(),
                    |gi| format!("groep[{}]", gi + 1),
                ),
                wat: format!("uren · {}", self.jaar),
            });
        }
        self.grootste_van(cents.abs(), self.jaar, h);
        let uren = uren_exact;
        // The split is calc::financiering's rule, the same one payout, monitor and settle use.
        let verdeling = self.verdelingen.van(s, &h, self.jaar);
        match verdeling {
            Verdeling::Tapas => self.deel(h, uren, cents, Financiering::Tapas),
            Verdeling::Elders => self.deel(h, uren, cents, Financiering::Elders),
            Verdeling::Deels(_) => {
                // The elsewhere part `cents(B × p/100)`, `U × p/100`; the TAPA$ part the rest.
                let elders_cents = verdeling.elders_cents(cents);
                let elders_uren = uren.map(|u| verdeling.elders_uren(u));
                let tapas_uren = uren.zip(elders_uren.as_ref()).map(|(u, e)| u.add(&e.neg()));
                self.deel(h, elders_uren.as_ref(), elders_cents, Financiering::Elders);
                self.deel(
                    h,
                    tapas_uren.as_ref(),
                    cents - elders_cents,
                    Financiering::Tapas,
                );
            }
        }
        Ok(())
    }

    /// Adds a line (or the part of one) of `cents`, financed as `financiering`.
    #[inline]
    fn deel(
        &mut self,
        h: Herkomst<'r>,
        uren: Option<&Exact>,
        cents: i128,
        financiering: Financiering,
    ) {
        // (Below 10^14 each; no count of lines brings an i128 near its end.)
        match financiering {
            Financiering::Tapas => self.tapas = self.tapas.saturating_add(cents),
            Financiering::Elders => self.elders = self.elders.saturating_add(cents),
        }
        if self.keep_lines {
            self.bewaar(h, uren, cents, financiering);
        }
    }

    /// Keeps a line (or the part of one) as a [`Regel`].
    #[inline(never)]
    fn bewaar(
        &mut self,
        h: Herkomst<'r>,
        uren: Option<&Exact>,
        cents: i128,
        financiering: Financiering,
    ) {
        self.regels.push(Regel {
            jaar: self.jaar,
            groep: h.groep,
            post: h.post,
            rol: h.rol.map(|r| Arc::clone(r.naam)),
            uren: uren.and_then(Exact::to_decimal),
            bedrag: euro_bedrag(cents),
            financiering,
        });
    }

    /// The year's `[[bijdrage]]`s, each rounded to cents; an error at the contribution that
    /// takes their sum above what TAPA$ would otherwise finance that year.
    fn bijdragen(&mut self, s: &Scenario) -> Result<(), CalcError> {
        for b in s.bijdragen.iter().filter(|b| b.jaar == self.jaar) {
            let cents = Exact::from(b.bedrag)
                .to_units(2, Afronding::HalfVanNulAf)
                .unwrap_or(i128::MAX);
            self.bijdragen = self.bijdragen.saturating_add(cents);
            if self.bijdragen > self.tapas {
                return Err(CalcError::BijdrageTeGroot {
                    path: format!("{}.bedrag", b.path),
                    jaar: self.jaar,
                    bijdragen: euro_bedrag(self.bijdragen),
                    tapas: euro_bedrag(self.tapas),
                });
            }
        }
        Ok(())
    }

    fn grootste_van(&mut self, size: i128, jaar: i32, h: Herkomst<'r>) {
        if self.grootste.is_none_or(|(g, _, _)| size > g) {
            self.grootste = Some((size, jaar, h));
        }
    }

    /// Adds the sums of a year to the horizon's.
    fn voeg_toe(&mut self, y: &Jaar<'r>) {
        self.tapas = self.tapas.saturating_add(y.tapas);
        self.elders = self.elders.saturating_add(y.elders);
        self.bijdragen = self.bijdragen.saturating_add(y.bijdragen);
        if let Some((size, jaar, h)) = y.grootste {
            self.grootste_van(size, jaar, h);
        }
    }

    /// The totals, each within the bound (else an error naming the fields of the largest
    /// line); `te_financieren` the TAPA$ lines less the contributions (never below 0: each
    /// year's contributions were checked); the tariff `te_financieren / verzekerden` rounded up
    /// to the cent.
    fn totalen(&self, s: &Scenario, verzekerden: &Exact, wat: &str) -> Result<Totalen, CalcError> {
        let kosten = self.tapas.saturating_add(self.elders);
        if [kosten, self.tapas, self.elders]
            .iter()
            .any(|c| binnen_grens(Some(*c)).is_none())
        {
            let wat = if self.jaar == 0 {
                wat.to_string()
            } else {
                format!("{wat} {}", self.jaar)
            };
            let (path, velden) = match self.grootste {
                Some((_, jaar, h)) => {
                    let v = h.velden(s, jaar);
                    (v.path, v.velden)
                }
                None => ("scenario".to_string(), Vec::new()),
            };
            return Err(CalcError::BedragTeGroot { path, wat, velden });
        }
        let te_financieren = self.tapas.saturating_sub(self.bijdragen);
        Ok(Totalen {
            kosten_totaal: euro_bedrag(kosten),
            elders_gefinancierd: euro_bedrag(self.elders),
            bijdragen: euro_bedrag(self.bijdragen),
            te_financieren: euro_bedrag(te_financieren),
            kostendekkend_tarief: tariff(te_financieren, verzekerden)?,
        })
    }
}

/// `Σ verzekerden(y)` over the horizon: the denominator of the flat horizon tariff
/// (`verzekerden × looptijd_jaren` when it is one number), exactly.
pub(crate) fn verzekerde_jaren(s: &Scenario) -> Exact {
    match &s.verzekerden_per_jaar {
        Some(per_jaar) => per_jaar
            .iter()
            .fold(Exact::from(0u64), |acc, v| acc.add(&Exact::from(*v))),
        None => Exact::from(s.verzekerden).mul(&Exact::from(u64::from(s.looptijd_jaren))),
    }
}

/// The kostendekkend tarief: `te_financieren / verzekerden`, rounded up to the whole cent (the
/// smallest whole-cent tariff `t` with `t × verzekerden ≥ te_financieren`), exactly.
pub(crate) fn tariff(
    te_financieren_cents: i128,
    verzekerden: &Exact,
) -> Result<Decimal, CalcError> {
    Exact::cents(te_financieren_cents)
        .div_units(verzekerden, 2, Afronding::Omhoog)
        .map(euro_bedrag)
        .ok_or_else(|| CalcError::Overflow {
            path: "scenario.verzekerden".into(),
            wat: "kostendekkend tarief (nul verzekerden)".into(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scenario(text: &str) -> Scenario {
        crate::scenario::parse(text).unwrap_or_else(|e| panic!("test scenario invalid: {e:?}"))
    }

    /// An amount above the bound names the fields as the group has them: a werkwijze field the
    /// group sets itself at the group, the others at `[werkwijze]`.
    #[test]
    fn the_error_of_a_line_names_a_groups_own_werkwijze_field_at_the_group() {
        let mut s = scenario(
            "formaat = 1\n[scenario]\nnaam = \"t\"\nstartjaar = 2026\nlooptijd_jaren = 1\n\
             verzekerden = 1000\n[uurtarieven]\nhuisarts = 100\n[werkwijze]\n\
             bijeenkomsten_per_jaar = 6\nduur_uren = 1\npatienten_per_jaar = 12\n\
             [[groep]]\nnaam = \"A\"\ndeelnemers = { huisarts = 4 }\nduur_uren = 2\n",
        );
        // Past the read-time bound, on the validated scenario: 6 × 4 × 2 h × € 10^11 =
        // € 4.8 × 10^12 for the meetings.
        if let Some(u) = s.uurtarieven.first_mut() {
            u.bedrag = Decimal::from(100_000_000_000u64);
        }
        match evaluate(&s) {
            Err(CalcError::BedragTeGroot { path, velden, .. }) => {
                assert_eq!(path, "groep[1]");
                assert!(
                    velden.contains(&"groep[1].duur_uren".to_string()),
                    "{velden:?}"
                );
                assert!(
                    velden.contains(&"werkwijze.bijeenkomsten_per_jaar".to_string()),
                    "{velden:?}"
                );
            }
            other => panic!("expected the line above the bound, got {other:?}"),
        }
    }
}
