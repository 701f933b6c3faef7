//! The cost engine of SPEC.md: line items per year, group, post and role; totals; the
//! cost-covering tariff. Pure, no I/O.

use rust_decimal::Decimal;

use std::sync::Arc;

use super::{CalcError, Checked, Lazy, Ops, index_factors, pct};
use crate::decimal::round_tariff_up;
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
    let factors = index_factors(s)?;
    let rollen: Vec<Rol> = s
        .uurtarieven
        .iter()
        .map(|u| Rol {
            naam: Arc::from(u.rol.as_str()),
            uurtarief: u.bedrag,
            financiering: if s.is_elders_gefinancierd(&u.rol) {
                Financiering::Elders
            } else {
                Financiering::Tapas
            },
        })
        .collect();
    let mut jaren = Vec::with_capacity(factors.len());
    for (jaar, &factor) in s.jaren().zip(&factors) {
        jaren.push(year(s, &rollen, jaar, factor)?);
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
    c: &Checked<'_>,
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

struct YearBuilder<'s> {
    s: &'s Scenario,
    rollen: &'s [Rol],
    jaar: i32,
    factor: Decimal,
    regels: Vec<Regel>,
}

impl YearBuilder<'_> {
    /// Adds `uren × uurtarief(rol) × I(y)` unless both hours and amount are zero.
    fn hours(&mut self, gi: usize, post: Post, rol: &str, uren: Decimal) -> Result<(), CalcError> {
        let Some(r) = self.rollen.iter().find(|r| &*r.naam == rol) else {
            return Err(CalcError::OnbekendeRol {
                path: format!("groep[{}]", gi + 1),
                rol: rol.to_string(),
            });
        };
        let jaar = self.jaar;
        let c = Lazy(|| {
            (
                format!("groep[{}]", gi + 1),
                format!("{} · {} · {}", post.as_str(), rol, jaar),
            )
        });
        let bedrag = c.bedrag(&[uren, r.uurtarief, self.factor])?;
        if uren.is_zero() && bedrag.is_zero() {
            return Ok(());
        }
        self.regels.push(Regel {
            jaar: self.jaar,
            groep: Some(gi),
            post,
            rol: Some(Arc::clone(&r.naam)),
            uren: Some(uren),
            bedrag,
            financiering: r.financiering,
        });
        Ok(())
    }

    /// Adds a line without a role: `Π factors × I(y)`, unless it is zero.
    fn fixed(
        &mut self,
        groep: Option<usize>,
        post: Post,
        uren: Option<Decimal>,
        factors: &[Decimal],
        path: &str,
    ) -> Result<(), CalcError> {
        let jaar = self.jaar;
        let c = Lazy(|| (path.to_string(), format!("{} · {}", post.as_str(), jaar)));
        let mut all = factors.to_vec();
        all.push(self.factor);
        let bedrag = c.bedrag(&all)?;
        if bedrag.is_zero() && uren.is_none_or(|u| u.is_zero()) {
            return Ok(());
        }
        self.regels.push(Regel {
            jaar: self.jaar,
            groep,
            post,
            rol: None,
            uren,
            bedrag,
            financiering: Financiering::Tapas,
        });
        Ok(())
    }

    fn group(&mut self, gi: usize, g: &Groep) -> Result<(), CalcError> {
        let w = &g.werkwijze;
        let jaar = self.jaar;
        let c = Lazy(|| (format!("groep[{}]", gi + 1), format!("uren · {jaar}")));
        let b = Decimal::from(w.bijeenkomsten_per_jaar);
        let per_meeting = c.sum([w.duur_uren, w.voorbereiding_uren, w.reistijd_uren])?;
        for (rol, n) in &g.deelnemers {
            if *n > 0 {
                let uren = c.product(&[b, Decimal::from(*n), per_meeting])?;
                self.hours(gi, Post::Bijeenkomsten, rol, uren)?;
            }
        }
        self.hours(
            gi,
            Post::Voorzitter,
            &w.voorzitter_rol,
            c.mul(b, w.voorzitter_uren)?,
        )?;
        let coord = c.mul(w.patienten_per_jaar, w.coordinatie_uren_per_patient)?;
        self.hours(gi, Post::Coordinatie, &w.coordinatie_rol, coord)?;
        if g.aantal("consulent") > 0 {
            self.hours(
                gi,
                Post::TelefonischeOndersteuning,
                "consulent",
                w.telefonische_ondersteuning_uren,
            )?;
        }
        let o = &self.s.ondersteuning;
        let (ict, huisvesting, start, scholing) = (
            o.ict_per_groep,
            o.huisvesting_per_bijeenkomst,
            o.startkosten_per_nieuwe_groep,
            o.scholing_per_nieuwe_deelnemer,
        );
        self.fixed(
            Some(gi),
            Post::Ict,
            None,
            &[ict],
            "ondersteuning.ict_per_groep",
        )?;
        self.fixed(
            Some(gi),
            Post::Huisvesting,
            None,
            &[b, huisvesting],
            "ondersteuning.huisvesting_per_bijeenkomst",
        )?;
        if g.nieuw && g.start == self.jaar {
            self.fixed(
                Some(gi),
                Post::Startkosten,
                None,
                &[start],
                "ondersteuning.startkosten_per_nieuwe_groep",
            )?;
            let n = Decimal::from(g.totaal_deelnemers());
            self.fixed(
                Some(gi),
                Post::Scholing,
                None,
                &[scholing, n],
                "ondersteuning.scholing_per_nieuwe_deelnemer",
            )?;
        }
        Ok(())
    }
}

fn year(s: &Scenario, rollen: &[Rol], jaar: i32, factor: Decimal) -> Result<KostenJaar, CalcError> {
    let mut y = YearBuilder {
        s,
        rollen,
        jaar,
        factor,
        regels: Vec::with_capacity(s.groepen.len() * 10 + 3),
    };
    for (gi, g) in s.groepen.iter().enumerate() {
        if g.start <= jaar {
            y.group(gi, g)?;
        }
    }
    let o = &s.ondersteuning;
    y.fixed(
        None,
        Post::Projectleiding,
        Some(o.projectleiding_uren),
        &[o.projectleiding_uren, o.projectleiding_uurtarief],
        "ondersteuning.projectleiding_uurtarief",
    )?;
    y.fixed(
        None,
        Post::Monitoring,
        None,
        &[o.monitoring_per_jaar],
        "ondersteuning.monitoring_per_jaar",
    )?;
    let c = Checked {
        path: "ondersteuning.overhead_percentage",
        wat: "overhead",
    };
    let tapas = c.sum(
        y.regels
            .iter()
            .filter(|r| r.financiering == Financiering::Tapas)
            .map(|r| r.bedrag),
    )?;
    let overhead = c.bedrag(&[pct(o.overhead_percentage), tapas])?;
    if !overhead.is_zero() {
        y.regels.push(Regel {
            jaar,
            groep: None,
            post: Post::Overhead,
            rol: None,
            uren: None,
            bedrag: overhead,
            financiering: Financiering::Tapas,
        });
    }
    let c = Checked {
        path: "scenario.verzekerden",
        wat: "jaartotaal",
    };
    let kosten_totaal = c.sum(y.regels.iter().map(|r| r.bedrag))?;
    let elders = c.sum(
        y.regels
            .iter()
            .filter(|r| r.financiering == Financiering::Elders)
            .map(|r| r.bedrag),
    )?;
    let te_financieren = kosten_totaal - elders;
    let kostendekkend_tarief = tariff(&c, te_financieren, s.verzekerden)?;
    Ok(KostenJaar {
        jaar,
        indexfactor: factor,
        regels: y.regels,
        totalen: Totalen {
            kosten_totaal,
            elders_gefinancierd: elders,
            te_financieren,
            kostendekkend_tarief,
        },
    })
}
