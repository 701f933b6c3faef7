//! The cost engine of docs/rekenregels.md: line items per year, group, post and role;
//! totals; the cost-covering tariff. Pure, no I/O.
//!
//! Read it in this order:
//! - here: the line items and totals ([`Regel`], [`Totalen`], [`Kosten`]), [`evaluate`], and
//!   `group_lines` and `regional_lines`, which list the lines of a year in docs/rekenregels.md's
//!   order;
//! - `regels`: one plain function per kind of line (`bijeenkomsten_uren` … `overhead`), that
//!   line's formula from docs/rekenregels.md's table, exactly (an [`Exact`] has no 28-digit
//!   limit), and the one rounding to whole cents, half away from zero;
//! - `jaar`: the sums of a year and of the horizon (`Jaar::regel` adds a rounded line and refuses
//!   an amount above [`GRENS_BEDRAG`](super::GRENS_BEDRAG) with an error naming the fields of
//!   that line; `Jaar::totalen` sums the lines in integer cents and rounds the tariff up);
//! - `snel`: the fast paths, each with what it saves and the property test that guards it. What
//!   of a group's lines does not depend on the year (its hours, `uren × uurtarief`) is worked
//!   out once per calculation (`Groepsregels`) and multiplied by each year's `I(y)`; the split of
//!   each role's and post's lines is looked up once per year (`Verdelingen`). Nothing is
//!   remembered between groups or between calculations.

mod jaar;
mod regels;
mod snel;

use std::sync::Arc;

use rust_decimal::Decimal;

use super::{CalcError, index_factors, indexfactoren};
use crate::decimal::exact::Exact;
use crate::scenario::{Groep, KostenpostPer, Scenario};
use jaar::{Herkomst, Jaar};
use regels::*;
use snel::{Groepsregels, Rollen, Uren, Verdelingen};

pub use super::post::{Financiering, Post};
pub(crate) use jaar::{tariff, verzekerde_jaren};

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
        let mut y = Jaar::new(jaar, keep_lines, Verdelingen::of(s, &rollen, jaar)).met_snel(i);
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
    let vast = |post| Herkomst {
        groep,
        post,
        rol: None,
    };
    // The hour lines, ICT and housing at once where the fast path can (`Groepsregels::snel`),
    // else one by one.
    if let Some((som, grootste)) = y.snel.and_then(|index| regels.snel(gi, index)) {
        y.snel_erbij(som, grootste);
    } else {
        let Some((uur, huisvesting)) = regels.algemeen(gi) else {
            return Ok(());
        };
        for l in uur {
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
        y.regel(s, vast(Post::Ict), None, maal_index(&regels.ict, i))?;
        y.regel(s, vast(Post::Huisvesting), None, maal_index(huisvesting, i))?;
    }
    let w = &g.werkwijze;
    let o = &s.ondersteuning;
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

#[cfg(test)]
mod tests {
    use super::*;

    /// One group of 4 huisartsen meeting 6 times a year, `duur_uren` in `[werkwijze]` and
    /// `groep` appended to the group, with the rate set past the read-time bound on the
    /// validated scenario: € 10^11 an hour.
    fn tarief_boven_grens(duur_uren: u32, groep: &str) -> Scenario {
        let text = format!(
            "formaat = 1\n[scenario]\nnaam = \"t\"\nstartjaar = 2026\nlooptijd_jaren = 1\n\
             verzekerden = 1000\n[uurtarieven]\nhuisarts = 100\n[werkwijze]\n\
             bijeenkomsten_per_jaar = 6\nduur_uren = {duur_uren}\npatienten_per_jaar = 12\n\
             [[groep]]\nnaam = \"A\"\ndeelnemers = {{ huisarts = 4 }}\n{groep}"
        );
        let mut s = crate::scenario::parse(&text)
            .unwrap_or_else(|e| panic!("test scenario invalid: {e:?}"));
        if let Some(u) = s.uurtarieven.first_mut() {
            u.bedrag = Decimal::from(100_000_000_000u64);
        }
        s
    }

    /// An amount above the bound names the fields as the group has them: a werkwijze field the
    /// group sets itself at the group, the others at `[werkwijze]`.
    #[test]
    fn the_error_of_a_line_names_a_groups_own_werkwijze_field_at_the_group() {
        // 6 × 4 × 2 h × € 10^11 = € 4.8 × 10^12 for the meetings.
        let s = tarief_boven_grens(1, "duur_uren = 2\n");
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

    /// The totals-only calculation (`batch`) adds the groups' lines on 64 bits
    /// (`Groepsregels::snel`); a line above the bound leaves that to the general path, so the
    /// error is the line's, as in the full calculation, and not its year total's.
    #[test]
    fn a_line_above_the_bound_is_the_same_error_with_and_without_the_lines_kept() {
        // 6 × 4 × 2 h × € 10^11 = € 4.8 × 10^12 for the meetings: 4.8 × 10^14 cents, which fits
        // 64 bits but is above the bound of 10^14 cents.
        let s = tarief_boven_grens(2, "");
        let full = evaluate(&s);
        assert!(
            matches!(&full, Err(CalcError::BedragTeGroot { wat, .. }) if wat == "bijeenkomsten · huisarts · 2026"),
            "{full:?}"
        );
        assert_eq!(evaluate_totals(&s), full);
    }
}
