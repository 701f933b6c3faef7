//! The cost engine of SPEC.md: line items per year, group, post and role; totals; the
//! cost-covering tariff. Pure, no I/O.

use rust_decimal::Decimal;

use std::sync::Arc;

use super::{CalcError, Checked, Lazy, Ops, exact_parts, index_factors, pct};
use crate::decimal::{money_cents, round_money, round_tariff_up};
use crate::scenario::{Groep, Scenario};

/// How a line is financed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Financiering {
    /// Through TAPA$-prestatie 1.
    Tapas,
    /// Through another title (`elders_gefinancierd`).
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
    /// Penvoerder's fee.
    Overhead,
}

impl Post {
    /// Every post, in list order.
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

    /// The value of the `post` column.
    pub fn as_str(self) -> &'static str {
        match self {
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

    /// Dutch label for tables.
    pub fn label(self) -> &'static str {
        match self {
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

    /// Parses the `post` column value.
    pub fn parse(text: &str) -> Option<Post> {
        Post::ALL.into_iter().find(|p| p.as_str() == text)
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

/// The four totals of SPEC.md, for a year or for the horizon.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Totalen {
    /// Σ all lines.
    pub kosten_totaal: Decimal,
    /// Σ lines financed elsewhere.
    pub elders_gefinancierd: Decimal,
    /// `kosten_totaal − elders_gefinancierd`.
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

/// Calculates every line item and total of SPEC.md "Calculation" for `s`.
pub fn evaluate(s: &Scenario) -> Result<Kosten, CalcError> {
    calculate(s, true)
}

/// The same totals as [`evaluate`], without keeping the line items: every `regels` is left
/// empty. For callers that only report totals (`batch`, the simulation), where building the
/// lines would cost more than the arithmetic.
pub fn evaluate_totals(s: &Scenario) -> Result<Kosten, CalcError> {
    calculate(s, false)
}

fn calculate(s: &Scenario, detail: bool) -> Result<Kosten, CalcError> {
    let factors = index_factors(s)?;
    let rollen: Vec<Rol> = s
        .uurtarieven
        .iter()
        .map(|u| Rol {
            naam: Arc::clone(&u.rol),
            uurtarief: u.bedrag,
            financiering: if s.is_elders_gefinancierd(&u.rol) {
                Financiering::Elders
            } else {
                Financiering::Tapas
            },
        })
        .collect();
    let mut plannen = Plannen {
        // Eight lines a group, two more in a new group's start year.
        lijnen: Vec::with_capacity(s.groepen.len() * 10),
        groepen: Vec::new(),
        gedeeld: Gedeeld::default(),
    };
    plannen.groepen.resize_with(s.groepen.len(), || None);
    let mut jaren = Vec::with_capacity(factors.len());
    for (jaar, &factor) in s.jaren().zip(&factors) {
        let mut y = YearBuilder {
            rollen: &rollen,
            jaar,
            factor,
            regels: Vec::with_capacity(if detail { s.groepen.len() * 10 + 3 } else { 0 }),
            detail,
            vorige: [None; 12],
            tapas: Som::default(),
            elders: Som::default(),
            laatste_schaal: None,
            regel_te_groot: false,
        };
        jaren.push(y.year(s, &mut plannen)?);
    }
    let c = Checked {
        path: "scenario.verzekerden",
        wat: "totaal over de looptijd",
    };
    let mut totaal = Totalen::default();
    for j in &jaren {
        totaal.kosten_totaal = c.add(totaal.kosten_totaal, j.totalen.kosten_totaal)?;
        totaal.elders_gefinancierd =
            c.add(totaal.elders_gefinancierd, j.totalen.elders_gefinancierd)?;
        totaal.te_financieren = c.add(totaal.te_financieren, j.totalen.te_financieren)?;
    }
    let verzekerde_jaren = c.mul(s.verzekerden, Decimal::from(s.looptijd_jaren))?;
    totaal.kostendekkend_tarief = tariff(&c, totaal.te_financieren, verzekerde_jaren)?;
    Ok(Kosten { jaren, totaal })
}

/// The smallest whole-cent tariff `t` with `t × verzekerden ≥ te_financieren`. The quotient is
/// carried at 28 digits, so after rounding up the tariff is checked against the costs and raised
/// by a cent should the cut-off digits have mattered.
pub(crate) fn tariff(
    c: &impl Ops,
    te_financieren: Decimal,
    verzekerden: Decimal,
) -> Result<Decimal, CalcError> {
    if verzekerden.is_zero() {
        return Err(CalcError::Overflow {
            path: "scenario.verzekerden".into(),
            wat: "kostendekkend tarief (nul verzekerden)".into(),
        });
    }
    let mut t = round_tariff_up(c.div(te_financieren, verzekerden)?);
    // At most a cent or two short; a tariff too large to carry cents is an overflow.
    for _ in 0..3 {
        if c.mul(t, verzekerden)? >= te_financieren {
            return Ok(t);
        }
        t = c.add(t, Decimal::new(1, 2))?;
    }
    Err(c.err())
}

/// A role's rate and financing, looked up once per calculation; the name is shared by every
/// line of that role instead of copied.
struct Rol {
    naam: Arc<str>,
    uurtarief: Decimal,
    financiering: Financiering,
}

/// Amounts in cents summed as `Ops::add` sums them, in integers: the same value and scale
/// (the largest scale of the terms; a zero term adds nothing, a zero sum takes the next term
/// as it is), and an error where the sum no longer fits a `Decimal` with its cents. The error
/// is given when the sum is taken, so that the lines' own errors come first, as when the lines
/// were summed after all of them were worked out. Every term is an amount already rounded to
/// cents (at most two decimals).
#[derive(Debug, Clone, Copy, Default)]
struct Som {
    cents: i128,
    scale: u32,
    /// A term or partial sum that did not fit.
    te_groot: bool,
}

impl Som {
    /// `10^(2 − scale)` for scale 0, 1, 2.
    const TO_CENTS: [i128; 3] = [100, 10, 1];
    /// `2^96 × 10^(2 − scale)`: the first sum in cents that no longer fits at that scale.
    const LIMIT: [u128; 3] = [100 << 96, 10 << 96, 1 << 96];

    /// Adds an amount of `cents` whole cents that has `scale` decimals (at most 2).
    #[inline]
    fn add(&mut self, cents: i128, scale: u32) {
        if self.cents == 0 {
            (self.cents, self.scale) = (cents, scale);
        } else if cents != 0 {
            match self.cents.checked_add(cents) {
                Some(sum) => self.cents = sum,
                None => self.te_groot = true,
            }
            self.scale = self.scale.max(scale);
        }
        // A partial sum beyond a `Decimal` at this scale would have lost its cents
        // (`|cents / to_cents| < 2^96`, without the division).
        let limit = Self::LIMIT.get(self.scale as usize);
        self.te_groot |= limit.is_none_or(|l| self.cents.unsigned_abs() >= *l);
    }

    fn decimal(&self) -> Option<Decimal> {
        let to_cents = Self::TO_CENTS.get(self.scale as usize)?;
        Decimal::try_from_i128_with_scale(self.cents / to_cents, self.scale).ok()
    }

    fn value(&self, c: &impl Ops) -> Result<Decimal, CalcError> {
        match self.decimal() {
            Some(v) if !self.te_groot => Ok(v),
            _ => Err(c.err()),
        }
    }
}

/// A decimal as `(mantissa, scale)`; an amount in cents as `(cents, scale)`.
type Parts = (i128, u32);

/// Where a group line's value comes from, for the message should it not fit.
#[derive(Debug, Clone, Copy)]
enum Bron {
    /// An hour line of a role (index into the roles).
    Uren(usize),
    /// An amount from `[ondersteuning]` (the field path).
    Veld(&'static str),
}

/// One line of a group before indexation: the same in every year the group runs, so it is
/// worked out once and multiplied by `I(y)` each year.
#[derive(Debug, Clone)]
struct Lijn {
    post: Post,
    bron: Bron,
    /// Hours of an hour line.
    uren: Option<Decimal>,
    /// The product of the line's factors except `I(y)`, unrounded.
    basis: Decimal,
    /// `basis` as mantissa and scale.
    basis_parts: Parts,
    /// Start costs and training: only in the start year of a new group.
    alleen_startjaar: bool,
}

/// Whether two werkwijzen are written exactly the same: equal numbers with the same number of
/// decimals (the scale decides when a product is too large to carry its cents, so `1` and
/// `1.000` do not count as the same here), the same roles.
fn zelfde_werkwijze(a: &crate::scenario::Werkwijze, b: &crate::scenario::Werkwijze) -> bool {
    let same = |x: &Decimal, y: &Decimal| x.serialize() == y.serialize();
    // Every field named, so that a new one cannot be forgotten here.
    let crate::scenario::Werkwijze {
        bijeenkomsten_per_jaar,
        duur_uren,
        voorbereiding_uren,
        reistijd_uren,
        voorzitter_rol,
        voorzitter_uren,
        coordinatie_rol,
        coordinatie_uren_per_patient,
        telefonische_ondersteuning_uren,
        patienten_per_jaar,
    } = a;
    *bijeenkomsten_per_jaar == b.bijeenkomsten_per_jaar
        && same(duur_uren, &b.duur_uren)
        && same(voorbereiding_uren, &b.voorbereiding_uren)
        && same(reistijd_uren, &b.reistijd_uren)
        && *voorzitter_rol == b.voorzitter_rol
        && same(voorzitter_uren, &b.voorzitter_uren)
        && *coordinatie_rol == b.coordinatie_rol
        && same(
            coordinatie_uren_per_patient,
            &b.coordinatie_uren_per_patient,
        )
        && same(
            telefonische_ondersteuning_uren,
            &b.telefonische_ondersteuning_uren,
        )
        && same(patienten_per_jaar, &b.patienten_per_jaar)
}

/// A group's lines in list order (a range of [`Plannen::lijnen`]); `fout`: the first
/// calculation that failed while working them out (and whether it was a start-year line),
/// which the lines after it never reach.
#[derive(Debug, Clone)]
struct GroepPlan {
    lijnen: std::ops::Range<usize>,
    fout: Option<(CalcError, bool)>,
}

/// The plans of all groups, made as each group first runs; the lines of all groups in one list.
#[derive(Debug, Default)]
struct Plannen<'s> {
    lijnen: Vec<Lijn>,
    groepen: Vec<Option<GroepPlan>>,
    gedeeld: Gedeeld<'s>,
}

/// What a group's plan takes from its werkwijze alone, kept from the last group planned: groups
/// whose werkwijze is written exactly the same (as most follow `[werkwijze]`) reuse it instead
/// of working it out again. Only what was worked out without error is kept; anything missing is worked out as
/// for the first group, so errors come exactly where they would.
#[derive(Debug, Default)]
struct Gedeeld<'s> {
    /// The werkwijze these were worked out for.
    werkwijze: Option<&'s crate::scenario::Werkwijze>,
    /// Hours per participant per meeting.
    per_meeting: Option<Decimal>,
    /// The chair's, coordination and phone support lines.
    voorzitter: Option<Lijn>,
    coordinatie: Option<Lijn>,
    telefonisch: Option<Lijn>,
}

impl<'s> Gedeeld<'s> {
    /// Keeps what is kept when `w` is written exactly as the werkwijze it was for; else starts
    /// afresh for `w`.
    fn voor(&mut self, w: &'s crate::scenario::Werkwijze) {
        if !self.werkwijze.is_some_and(|v| zelfde_werkwijze(v, w)) {
            *self = Gedeeld {
                werkwijze: Some(w),
                ..Gedeeld::default()
            };
        }
    }
}

struct YearBuilder<'s> {
    rollen: &'s [Rol],
    jaar: i32,
    factor: Decimal,
    /// The line items, kept only when `detail`.
    regels: Vec<Regel>,
    /// Per place in a group's plan: the basis and amount (in cents) of the line last worked
    /// out there this year.
    vorige: [Option<(Parts, Parts)>; 12],
    detail: bool,
    tapas: Som,
    elders: Som,
    /// The scale of the last line: a year whose lines are all zero totals with it, as the
    /// chain of additions over its lines does.
    laatste_schaal: Option<u32>,
    /// A line that did not fit a `Decimal` (not possible; reported as the year's total).
    regel_te_groot: bool,
}

impl YearBuilder<'_> {
    /// Adds a line of `cents` whole cents with `scale` decimals (as [`money_cents`] gives it) to
    /// the sums and, when lines are kept, to the list.
    #[inline(always)]
    fn push(
        &mut self,
        groep: Option<usize>,
        post: Post,
        rol: Option<&Rol>,
        uren: Option<Decimal>,
        (cents, scale): (i128, u32),
    ) {
        let financiering = rol.map_or(Financiering::Tapas, |r| r.financiering);
        match financiering {
            Financiering::Tapas => self.tapas.add(cents, scale),
            Financiering::Elders => self.elders.add(cents, scale),
        }
        self.laatste_schaal = Some(scale);
        if self.detail {
            let mantissa = match scale {
                0 => cents / 100,
                1 => cents / 10,
                _ => cents,
            };
            // Always fits (the amount came from a `Decimal`); should it not, the year's
            // total reports it.
            let Ok(bedrag) = Decimal::try_from_i128_with_scale(mantissa, scale) else {
                self.regel_te_groot = true;
                return;
            };
            self.regels.push(Regel {
                jaar: self.jaar,
                groep,
                post,
                rol: rol.map(|r| Arc::clone(&r.naam)),
                uren,
                bedrag,
                financiering,
            });
        }
    }

    /// Works out group `gi`'s lines before indexation, in list order, in the first year it runs
    /// (so that a calculation that fails is reported with that year, as each line is).
    fn plan<'s>(
        &self,
        gi: usize,
        g: &'s Groep,
        s: &Scenario,
        lijnen: &mut Vec<Lijn>,
        gedeeld: &mut Gedeeld<'s>,
    ) -> GroepPlan {
        let start = lijnen.len();
        gedeeld.voor(&g.werkwijze);
        let fout = self.plan_lines(gi, g, s, lijnen, gedeeld).err();
        GroepPlan {
            lijnen: start..lijnen.len(),
            fout,
        }
    }

    fn plan_lines(
        &self,
        gi: usize,
        g: &Groep,
        s: &Scenario,
        out: &mut Vec<Lijn>,
        gedeeld: &mut Gedeeld<'_>,
    ) -> Result<(), (CalcError, bool)> {
        let w = &g.werkwijze;
        let jaar = self.jaar;
        let c = Lazy(|| (format!("groep[{}]", gi + 1), format!("uren · {jaar}")));
        let every = |e| (e, false);
        let b = Decimal::from(w.bijeenkomsten_per_jaar);
        let per_meeting = match gedeeld.per_meeting {
            Some(p) => p,
            None => {
                let p = c
                    .sum([w.duur_uren, w.voorbereiding_uren, w.reistijd_uren])
                    .map_err(every)?;
                *gedeeld.per_meeting.insert(p)
            }
        };
        let hours = |post: Post, rol: &str, uren: Decimal| -> Result<Lijn, CalcError> {
            // The scenario's role names are shared, so the same name is mostly the same pointer.
            let Some((ri, r)) = self
                .rollen
                .iter()
                .enumerate()
                .find(|(_, r)| std::ptr::eq(&*r.naam, rol) || &*r.naam == rol)
            else {
                return Err(CalcError::OnbekendeRol {
                    path: format!("groep[{}]", gi + 1),
                    rol: rol.to_string(),
                });
            };
            let c = Lazy(|| {
                (
                    format!("groep[{}]", gi + 1),
                    format!("{} · {} · {}", post.as_str(), rol, jaar),
                )
            });
            let basis = c.unrounded(&[uren, r.uurtarief])?;
            Ok(Lijn {
                post,
                bron: Bron::Uren(ri),
                uren: Some(uren),
                basis,
                basis_parts: (basis.mantissa(), basis.scale()),
                alleen_startjaar: false,
            })
        };
        for (rol, n) in &g.deelnemers {
            if *n > 0 {
                let uren = c
                    .product(&[b, Decimal::from(*n), per_meeting])
                    .map_err(every)?;
                out.push(hours(Post::Bijeenkomsten, rol, uren).map_err(every)?);
            }
        }
        // A kept line, or one worked out (and kept) now.
        let kept = |slot: &mut Option<Lijn>,
                    make: &dyn Fn() -> Result<Lijn, CalcError>|
         -> Result<Lijn, CalcError> {
            match slot {
                Some(l) => Ok(l.clone()),
                None => Ok(slot.insert(make()?).clone()),
            }
        };
        out.push(
            kept(&mut gedeeld.voorzitter, &|| {
                let voorzitter = c.mul(b, w.voorzitter_uren)?;
                hours(Post::Voorzitter, &w.voorzitter_rol, voorzitter)
            })
            .map_err(every)?,
        );
        out.push(
            kept(&mut gedeeld.coordinatie, &|| {
                let coord = c.mul(w.patienten_per_jaar, w.coordinatie_uren_per_patient)?;
                hours(Post::Coordinatie, &w.coordinatie_rol, coord)
            })
            .map_err(every)?,
        );
        if g.aantal("consulent") > 0 {
            out.push(
                kept(&mut gedeeld.telefonisch, &|| {
                    hours(
                        Post::TelefonischeOndersteuning,
                        "consulent",
                        w.telefonische_ondersteuning_uren,
                    )
                })
                .map_err(every)?,
            );
        }
        let o = &s.ondersteuning;
        let n = Decimal::from(g.totaal_deelnemers());
        let fixed: [(Post, &[Decimal], &'static str, bool); 4] = [
            (
                Post::Ict,
                &[o.ict_per_groep],
                "ondersteuning.ict_per_groep",
                false,
            ),
            (
                Post::Huisvesting,
                &[b, o.huisvesting_per_bijeenkomst],
                "ondersteuning.huisvesting_per_bijeenkomst",
                false,
            ),
            (
                Post::Startkosten,
                &[o.startkosten_per_nieuwe_groep],
                "ondersteuning.startkosten_per_nieuwe_groep",
                true,
            ),
            (
                Post::Scholing,
                &[o.scholing_per_nieuwe_deelnemer, n],
                "ondersteuning.scholing_per_nieuwe_deelnemer",
                true,
            ),
        ];
        for (post, factors, path, alleen_startjaar) in fixed {
            if alleen_startjaar && !g.nieuw {
                continue;
            }
            let c = Lazy(|| (path.to_string(), format!("{} · {}", post.as_str(), jaar)));
            let basis = c.unrounded(factors).map_err(|e| (e, alleen_startjaar))?;
            out.push(Lijn {
                post,
                bron: Bron::Veld(path),
                uren: None,
                basis,
                basis_parts: (basis.mantissa(), basis.scale()),
                alleen_startjaar,
            });
        }
        Ok(())
    }

    /// Adds group `gi`'s lines of this year: each line's `basis × I(y)`, rounded to cents;
    /// an hour line unless both hours and amount are zero, another line unless it is zero.
    fn group(
        &mut self,
        gi: usize,
        g: &Groep,
        plan: &GroepPlan,
        lijnen: &[Lijn],
    ) -> Result<(), CalcError> {
        let startjaar = g.nieuw && g.start == self.jaar;
        let jaar = self.jaar;
        let factor = (self.factor.mantissa(), self.factor.scale());
        for (k, l) in lijnen
            .get(plan.lijnen.clone())
            .unwrap_or_default()
            .iter()
            .enumerate()
        {
            if l.alleen_startjaar && !startjaar {
                continue;
            }
            let rol = match l.bron {
                // (An index the plan took from this same list.)
                Bron::Uren(ri) => self.rollen.get(ri),
                Bron::Veld(_) => None,
            };
            // The previous group's line in this place mostly has the same basis (the chair,
            // ICT, ...): then it has the same amount.
            let vorige = match self.vorige.get(k) {
                Some(Some((basis, bedrag))) if *basis == l.basis_parts => Some(*bedrag),
                _ => None,
            };
            let exact = match vorige {
                Some(bedrag) => Some(bedrag),
                // On the mantissas where the product is exact; else as `Ops::bedrag` does it.
                None => exact_parts(l.basis_parts, factor).map(|(m, scale)| {
                    let bedrag = money_cents(m, scale);
                    if let Some(v) = self.vorige.get_mut(k) {
                        *v = Some((l.basis_parts, bedrag));
                    }
                    bedrag
                }),
            };
            let bedrag = match exact {
                Some(bedrag) => bedrag,
                None => {
                    let (path, wat) = (
                        || match l.bron {
                            Bron::Uren(_) => format!("groep[{}]", gi + 1),
                            Bron::Veld(path) => path.to_string(),
                        },
                        || match rol {
                            Some(r) => format!("{} · {} · {}", l.post.as_str(), r.naam, jaar),
                            None => format!("{} · {}", l.post.as_str(), jaar),
                        },
                    );
                    let c = Lazy(|| (path(), wat()));
                    let b = round_money(c.amount_step(l.basis, self.factor)?);
                    money_cents(b.mantissa(), b.scale())
                }
            };
            if bedrag.0 == 0 && l.uren.is_none_or(|u| u.is_zero()) {
                continue;
            }
            self.push(Some(gi), l.post, rol, l.uren, bedrag);
        }
        match &plan.fout {
            Some((e, alleen_startjaar)) if startjaar || !alleen_startjaar => Err(e.clone()),
            _ => Ok(()),
        }
    }

    /// A regional line: `Π factors × I(y)`, unless it is zero.
    fn regional(
        &mut self,
        post: Post,
        uren: Option<Decimal>,
        factors: &[Decimal],
        path: &str,
    ) -> Result<(), CalcError> {
        let jaar = self.jaar;
        let c = Lazy(|| (path.to_string(), format!("{} · {}", post.as_str(), jaar)));
        let bedrag = round_money(c.amount_step(c.unrounded(factors)?, self.factor)?);
        if bedrag.is_zero() && uren.is_none_or(|u| u.is_zero()) {
            return Ok(());
        }
        self.push(
            None,
            post,
            None,
            uren,
            money_cents(bedrag.mantissa(), bedrag.scale()),
        );
        Ok(())
    }

    fn year<'s>(
        &mut self,
        s: &'s Scenario,
        plannen: &mut Plannen<'s>,
    ) -> Result<KostenJaar, CalcError> {
        let jaar = self.jaar;
        let Plannen {
            lijnen,
            groepen,
            gedeeld,
        } = plannen;
        for ((gi, g), plan) in s.groepen.iter().enumerate().zip(groepen.iter_mut()) {
            if g.start <= jaar {
                let plan = plan.get_or_insert_with(|| self.plan(gi, g, s, lijnen, gedeeld));
                self.group(gi, g, plan, lijnen)?;
            }
        }
        let o = &s.ondersteuning;
        self.regional(
            Post::Projectleiding,
            Some(o.projectleiding_uren),
            &[o.projectleiding_uren, o.projectleiding_uurtarief],
            "ondersteuning.projectleiding_uurtarief",
        )?;
        self.regional(
            Post::Monitoring,
            None,
            &[o.monitoring_per_jaar],
            "ondersteuning.monitoring_per_jaar",
        )?;
        let c = Checked {
            path: "ondersteuning.overhead_percentage",
            wat: "overhead",
        };
        let tapas = self.tapas.value(&c)?;
        let overhead = c.bedrag(&[pct(o.overhead_percentage), tapas])?;
        if !overhead.is_zero() {
            let cents = money_cents(overhead.mantissa(), overhead.scale());
            self.push(None, Post::Overhead, None, None, cents);
        }
        let c = Checked {
            path: "scenario.verzekerden",
            wat: "jaartotaal",
        };
        let elders = self.elders.value(&c)?;
        // Σ all lines: TAPA$ plus elsewhere, the same value, scale and overflow as adding every
        // line in turn (all lines are ≥ 0), except when all are zero: then the last one.
        let tapas = self.tapas.value(&c)?;
        let kosten_totaal = if self.regel_te_groot {
            return Err(c.err());
        } else if tapas.is_zero() && elders.is_zero() {
            let mut zero = Decimal::ZERO;
            zero.set_scale(self.laatste_schaal.unwrap_or(0))
                .map_err(|_| c.err())?;
            zero
        } else {
            c.add(tapas, elders)?
        };
        let te_financieren = kosten_totaal - elders;
        let kostendekkend_tarief = tariff(&c, te_financieren, s.verzekerden)?;
        Ok(KostenJaar {
            jaar,
            indexfactor: self.factor,
            regels: std::mem::take(&mut self.regels),
            totalen: Totalen {
                kosten_totaal,
                elders_gefinancierd: elders,
                te_financieren,
                kostendekkend_tarief,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scenario(groepen: &str, uurtarieven: &str, werkwijze: &str) -> Scenario {
        let text = format!(
            "formaat = 1\n[scenario]\nnaam = \"t\"\nstartjaar = 2026\nlooptijd_jaren = 1\n\
             verzekerden = 250000\n[uurtarieven]\n{uurtarieven}\n[werkwijze]\n{werkwijze}\n{groepen}"
        );
        match crate::scenario::parse(&text) {
            Ok(s) => s,
            Err(e) => panic!("test scenario invalid: {e:?}"),
        }
    }

    /// `s` with the rate of `rol` set to `bedrag`, past the bounds reading enforces (the
    /// engine on its own still refuses what does not fit).
    fn with_rate(mut s: Scenario, rol: &str, bedrag: &str) -> Scenario {
        for u in &mut s.uurtarieven {
            if &*u.rol == rol {
                u.bedrag = Decimal::from_str_exact(bedrag).unwrap_or_default();
            }
        }
        s
    }

    /// A group whose werkwijze has the same numbers written with more decimals does not share
    /// the first group's lines: with 6 meetings, group B's chair has 6.0000 hours, and
    /// 6.0000 h × € 2·10^25 no longer fits a `Decimal` with its decimals (an error), where
    /// group A's 6 h × € 2·10^25 = € 1,2·10^26 does.
    #[test]
    fn a_werkwijze_written_with_other_decimals_is_worked_out_for_itself() {
        let s = scenario(
            "[[groep]]\nnaam = \"A\"\ndeelnemers = { wijkverpleegkundige = 3 }\n\
             [[groep]]\nnaam = \"B\"\ndeelnemers = { wijkverpleegkundige = 3 }\n\
             voorzitter_uren = 1.0000\n",
            "huisarts = 2\nwijkverpleegkundige = 1\nconsulent = 1",
            "bijeenkomsten_per_jaar = 6\nduur_uren = 1\nvoorzitter_uren = 1\npatienten_per_jaar = 12",
        );
        let s = with_rate(s, "huisarts", "20000000000000000000000000");
        match evaluate(&s) {
            Err(CalcError::Overflow { path, wat }) => {
                assert_eq!(path, "groep[2]");
                assert_eq!(wat, "voorzitter · huisarts · 2026");
            }
            other => panic!("expected the overflow of group B's chair, got {other:?}"),
        }
    }

    /// And the other way round: group B uses `[werkwijze]`'s `duur_uren = 1`, so its consulent
    /// has 6 × 1 × 1 = 6 hours and 6 × € 3·10^25 = € 1,8·10^26 exactly, even though group A,
    /// planned first, wrote `duur_uren = 1.00000`.
    #[test]
    fn a_group_after_one_with_other_decimals_gets_its_own_amount() {
        let s = scenario(
            "[[groep]]\nnaam = \"A\"\ndeelnemers = { huisarts = 6 }\nduur_uren = 1.00000\n\
             [[groep]]\nnaam = \"B\"\ndeelnemers = { huisarts = 6, consulent = 1 }\n",
            "huisarts = 100\nconsulent = 3",
            "bijeenkomsten_per_jaar = 6\nduur_uren = 1\npatienten_per_jaar = 12",
        );
        let s = with_rate(s, "consulent", "30000000000000000000000000");
        let k = match evaluate(&s) {
            Ok(k) => k,
            Err(e) => panic!("expected amounts, got {e:?}"),
        };
        let line = k.jaren[0].regels.iter().find(|r| {
            r.groep == Some(1)
                && r.post == Post::Bijeenkomsten
                && r.rol.as_deref() == Some("consulent")
        });
        assert_eq!(
            line.map(|r| r.bedrag),
            Some(Decimal::from_str_exact("180000000000000000000000000").unwrap_or_default())
        );
    }

    /// A year whose only line rounds to € 0.00 (0.0001 h × € 1) totals 0.00 with the line's
    /// two decimals, as the sum of its lines does.
    #[test]
    fn a_year_of_zero_lines_totals_with_their_scale() {
        let s = scenario(
            "[[groep]]\nnaam = \"A\"\ndeelnemers = { huisarts = 1 }\n",
            "huisarts = 1",
            "bijeenkomsten_per_jaar = 1\nduur_uren = 0.0001\npatienten_per_jaar = 12",
        );
        for k in [evaluate(&s), evaluate_totals(&s)] {
            let t = match k {
                Ok(k) => k.jaren[0].totalen,
                Err(e) => panic!("{e:?}"),
            };
            assert!(t.kosten_totaal.is_zero());
            assert_eq!(t.kosten_totaal.scale(), 2);
        }
    }

    /// `Som` against the chain of checked additions it stands for: value and scale, zero terms
    /// (which add nothing, and a zero sum takes the next term as it is) and the overflow.
    #[test]
    fn som_is_the_chain_of_additions() {
        let c = Checked {
            path: "p",
            wat: "w",
        };
        let cases: &[&[(i64, u32)]] = &[
            &[],
            &[(0, 2)],
            &[(0, 2), (0, 0)],
            &[(0, 0), (0, 2)],
            &[(500, 2), (0, 0), (7, 1)],
            &[(0, 1), (3, 0), (0, 2)],
            &[(12345, 2), (67890, 2), (1, 0)],
        ];
        for terms in cases {
            let mut som = Som::default();
            let mut chain = Ok(Decimal::ZERO);
            for &(m, scale) in *terms {
                let d = Decimal::new(m, scale);
                let (cents, scale) = money_cents(d.mantissa(), d.scale());
                som.add(cents, scale);
                chain = chain.and_then(|acc| c.add(acc, d));
            }
            let (got, want) = (som.value(&c), chain);
            assert_eq!(got, want, "{terms:?}");
            assert_eq!(
                got.map(|d| d.scale()).ok(),
                want.map(|d| d.scale()).ok(),
                "{terms:?}"
            );
        }
        // The largest amount with cents plus one cent no longer fits.
        let mut som = Som::default();
        som.add((1 << 96) - 1, 2);
        assert!(som.value(&c).is_ok());
        som.add(1, 2);
        assert!(som.value(&c).is_err());
    }
}
