//! The verantwoording: delivered meetings, attendance and hours against the plan, and observed
//! indicators against the expectation. Pure, no I/O.
//!
//! The delivered hours and amounts are those of [`payout::leveringen`] from the registrations,
//! so that the delivered TAPA$ cost of a group in a year is exactly what the penvoerder pays
//! that group for that year. The budget is the plan's lines of `cost` for the same posts.

use std::collections::HashMap;

use rust_decimal::Decimal;

use super::cost::{Financiering, Kosten, Post, Regel};
use super::financiering::{Verdeling, verdeling};
use super::payout::{self, Bron, Dekking, UURPOSTEN};
use super::{CalcError, Checked, Ops, index_factors, pct};
use crate::decimal::round_money;
use crate::registratie::model::{Bijeenkomst, Datum, Waarneming};
use crate::scenario::{HUISARTSEN, Impact, IndicatorId, Scenario, WIJKVERPLEEGKUNDIGEN};

/// What an insurer will ask about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SignaalSoort {
    /// Fewer meetings held than planned.
    MinderBijeenkomsten,
    /// More meetings held than planned (and paid).
    MeerBijeenkomsten,
    /// A meeting without a consulent present.
    ZonderConsulent,
    /// A meeting with fewer huisartsen or wijkverpleegkundigen than the werkwijze minimum.
    OnderMinimum,
}

impl SignaalSoort {
    /// The code in CSV and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            SignaalSoort::MinderBijeenkomsten => "minder_bijeenkomsten",
            SignaalSoort::MeerBijeenkomsten => "meer_bijeenkomsten",
            SignaalSoort::ZonderConsulent => "zonder_consulent",
            SignaalSoort::OnderMinimum => "onder_minimum",
        }
    }
}

/// One signal for a group in a year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signaal {
    /// Which kind.
    pub soort: SignaalSoort,
    /// The meeting it is about, if it is about one.
    pub datum: Option<Datum>,
    /// Dutch explanation.
    pub toelichting: String,
}

/// One role of a group in a year: attendance, hours and cost, planned and delivered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RolJaar {
    /// The role.
    pub rol: String,
    /// TAPA$ or elsewhere.
    pub financiering: Financiering,
    /// Participants of this role in the group's composition.
    pub deelnemers: u32,
    /// `bijeenkomsten_per_jaar × deelnemers`.
    pub aanwezigheden_gepland: u64,
    /// Registered attendances.
    pub aanwezigheden: u64,
    /// `aanwezigheden / (held meetings × deelnemers) × 100`; `None` when that is zero.
    pub opkomst_percentage: Option<Decimal>,
    /// Hours of the plan's lines (meetings, voorzitter, coordination, phone support).
    pub uren_gepland: Decimal,
    /// Delivered hours of the same posts.
    pub uren_geleverd: Decimal,
    /// The plan's amount of those lines.
    pub kosten_begroot: Decimal,
    /// The delivered amount, at the scenario's rates.
    pub kosten_geleverd: Decimal,
    /// How the role's lines are financed that year (calc::financiering::verdeling).
    pub verdeling: Verdeling,
    /// The TAPA$ part of `kosten_begroot` (the plan's TAPA$ lines and parts).
    pub tapas_begroot: Decimal,
    /// The TAPA$ part of `kosten_geleverd`: what the penvoerder pays for it.
    pub tapas_geleverd: Decimal,
}

/// One group in one year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroepJaar {
    /// Index into [`Scenario::groepen`].
    pub groep: usize,
    /// `bijeenkomsten_per_jaar`.
    pub bijeenkomsten_gepland: u32,
    /// Registered meetings.
    pub bijeenkomsten_gehouden: u32,
    /// `bijeenkomsten_per_jaar × duur_uren`.
    pub duur_uren_gepland: Decimal,
    /// Σ registered `duur_uren`.
    pub duur_uren_gehouden: Decimal,
    /// Σ of the roles' planned hours.
    pub uren_gepland: Decimal,
    /// Σ of the roles' delivered hours.
    pub uren_geleverd: Decimal,
    /// Σ of the TAPA$ parts of the roles' planned amounts.
    pub kosten_begroot: Decimal,
    /// Σ of the TAPA$ parts of the roles' delivered amounts.
    pub kosten_geleverd: Decimal,
    /// Per role (order of `[uurtarieven]`), those with participants, attendance or hours.
    pub rollen: Vec<RolJaar>,
    /// What an insurer will ask about.
    pub signalen: Vec<Signaal>,
}

/// Totals over groups (a year) or over years (the whole monitor).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Totaal {
    /// Planned meetings.
    pub bijeenkomsten_gepland: u64,
    /// Held meetings.
    pub bijeenkomsten_gehouden: u64,
    /// Planned hours.
    pub uren_gepland: Decimal,
    /// Delivered hours.
    pub uren_geleverd: Decimal,
    /// Planned TAPA$ amount.
    pub kosten_begroot: Decimal,
    /// Delivered TAPA$ amount.
    pub kosten_geleverd: Decimal,
}

impl Totaal {
    /// `kosten_geleverd − kosten_begroot`.
    pub fn verschil(&self) -> Decimal {
        self.kosten_geleverd - self.kosten_begroot
    }

    fn add(&mut self, c: &Checked<'_>, g: &GroepJaar) -> Result<(), CalcError> {
        self.bijeenkomsten_gepland += u64::from(g.bijeenkomsten_gepland);
        self.bijeenkomsten_gehouden += u64::from(g.bijeenkomsten_gehouden);
        self.uren_gepland = c.add(self.uren_gepland, g.uren_gepland)?;
        self.uren_geleverd = c.add(self.uren_geleverd, g.uren_geleverd)?;
        self.kosten_begroot = c.add(self.kosten_begroot, g.kosten_begroot)?;
        self.kosten_geleverd = c.add(self.kosten_geleverd, g.kosten_geleverd)?;
        Ok(())
    }

    fn merge(&mut self, c: &Checked<'_>, t: &Totaal) -> Result<(), CalcError> {
        self.bijeenkomsten_gepland += t.bijeenkomsten_gepland;
        self.bijeenkomsten_gehouden += t.bijeenkomsten_gehouden;
        self.uren_gepland = c.add(self.uren_gepland, t.uren_gepland)?;
        self.uren_geleverd = c.add(self.uren_geleverd, t.uren_geleverd)?;
        self.kosten_begroot = c.add(self.kosten_begroot, t.kosten_begroot)?;
        self.kosten_geleverd = c.add(self.kosten_geleverd, t.kosten_geleverd)?;
        Ok(())
    }
}

impl GroepJaar {
    /// `kosten_geleverd − kosten_begroot`.
    pub fn verschil(&self) -> Decimal {
        self.kosten_geleverd - self.kosten_begroot
    }
}

/// One year of the verantwoording.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonitorJaar {
    /// Calendar year.
    pub jaar: i32,
    /// The groups active in that year, in file order.
    pub groepen: Vec<GroepJaar>,
    /// Σ over the groups.
    pub totaal: Totaal,
}

/// One observed indicator in one year against the baseline and the expectation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndicatorWaarneming {
    /// Year.
    pub jaar: i32,
    /// Which indicator.
    pub indicator: IndicatorId,
    /// Deceased patients observed.
    pub overleden_patienten: u32,
    /// Of those, with this indicator.
    pub gevallen: u32,
    /// The patients the percentages are about: `overleden_patienten`, for `chemotherapie` ×
    /// `aandeel_kanker_percentage / 100`.
    pub noemer: Decimal,
    /// `gevallen / noemer × 100`; `None` when `noemer` is 0.
    pub waargenomen_percentage: Option<Decimal>,
    /// The scenario's `basis_percentage`.
    pub basis_percentage: Decimal,
    /// `basis_percentage × (1 − reductie_percentage / 100)`.
    pub verwacht_percentage: Decimal,
    /// Cases expected without PaTz: `noemer × basis_percentage / 100`.
    pub basis: Decimal,
    /// Cases expected with PaTz: `basis × (1 − reductie_percentage / 100)`.
    pub met_patz: Decimal,
    /// Realised avoided cases: `basis − gevallen` (negative: more cases than the baseline).
    pub vermeden: Decimal,
    /// The scenario's `reductie_percentage`.
    pub verwachte_reductie_percentage: Decimal,
    /// `vermeden / basis × 100` = `(basis% − waargenomen%) / basis% × 100`; `None` when the
    /// baseline is 0.
    pub gerealiseerde_reductie_percentage: Option<Decimal>,
    /// `vermeden × kosten_per_geval × I(y)`, rounded to cents.
    pub vermeden_kosten: Decimal,
}

/// The whole verantwoording.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Monitor {
    /// From `startjaar` up to the last year with a registered meeting.
    pub jaren: Vec<MonitorJaar>,
    /// Σ over those years.
    pub totaal: Totaal,
    /// Observed indicators, by year and then in docs/rekenregels.md's order.
    pub indicatoren: Vec<IndicatorWaarneming>,
    /// Σ `vermeden_kosten` of the indicators.
    pub vermeden_kosten: Decimal,
}

/// Role `ri` of the group-year `l`: attendance, hours and cost against the plan's lines `plan`
/// of that group and year; `None` for a role without participants, attendance or hours.
fn rol_jaar(
    s: &Scenario,
    c: &Checked<'_>,
    l: &payout::Levering,
    ri: usize,
    plan: &[&Regel],
) -> Result<Option<RolJaar>, CalcError> {
    let (Some(g), Some(u)) = (s.groepen.get(l.groep), s.uurtarieven.get(ri)) else {
        return Ok(None);
    };
    let gehouden: u32 = l.bijeenkomsten.iter().sum();
    let b = g.werkwijze.bijeenkomsten_per_jaar;
    let deelnemers = g.aantal(&u.rol);
    let aanwezigheden: u64 = l.aanwezigheden.get(ri).map_or(0, |a| a.iter().sum());
    let mine = || plan.iter().filter(|r| r.rol.as_deref() == Some(&*u.rol));
    let uren_gepland = c.sum(mine().filter_map(|r| r.uren))?;
    let kosten_begroot = c.sum(mine().map(|r| r.bedrag))?;
    let lijnen = || l.lijnen.iter().filter(|x| x.rol == ri);
    let uren_geleverd = c.sum(lijnen().map(|x| x.jaar_uren()))?;
    let kosten_geleverd = c.sum(lijnen().map(|x| x.jaar_bedrag()))?;
    let tapas_begroot = c.sum(
        mine()
            .filter(|r| r.financiering == Financiering::Tapas)
            .map(|r| r.bedrag),
    )?;
    let tapas_geleverd = c.sum(
        lijnen()
            .filter(|x| x.financiering == Financiering::Tapas)
            .map(|x| x.jaar_bedrag()),
    )?;
    let verdeling = verdeling(s, Some(&u.rol), Post::Bijeenkomsten, l.jaar);
    if deelnemers == 0 && aanwezigheden == 0 && uren_gepland.is_zero() && uren_geleverd.is_zero() {
        return Ok(None);
    }
    let capacity = u64::from(gehouden) * u64::from(deelnemers);
    let opkomst_percentage = if capacity == 0 {
        None
    } else {
        Some(c.mul(
            c.div(Decimal::from(aanwezigheden), Decimal::from(capacity))?,
            Decimal::ONE_HUNDRED,
        )?)
    };
    Ok(Some(RolJaar {
        rol: u.rol.to_string(),
        financiering: if verdeling == Verdeling::Elders {
            Financiering::Elders
        } else {
            Financiering::Tapas
        },
        deelnemers,
        aanwezigheden_gepland: u64::from(b) * u64::from(deelnemers),
        aanwezigheden,
        opkomst_percentage,
        uren_gepland,
        uren_geleverd,
        kosten_begroot,
        kosten_geleverd,
        verdeling,
        tapas_begroot,
        tapas_geleverd,
    }))
}

/// The verantwoording of `bijeenkomsten` against the plan `kosten` of `s`, and of the observed
/// indicators (`waarnemingen` with the scenario's `[impact]`) when given.
pub fn evaluate(
    s: &Scenario,
    kosten: &Kosten,
    bijeenkomsten: &[Bijeenkomst],
    waarnemingen: Option<(&Impact, &[Waarneming])>,
) -> Result<Monitor, CalcError> {
    let c = Checked {
        path: "uurtarieven",
        wat: "verantwoording",
    };
    let leveringen =
        payout::leveringen(s, Bron::Registraties(bijeenkomsten), Dekking::Geregistreerd)?;
    // The registered meetings per (year, group), each in date order, found once (not once per
    // group-year over the whole file).
    let mut per_groep_jaar: HashMap<(i32, usize), Vec<&Bijeenkomst>> = HashMap::new();
    for b in bijeenkomsten {
        per_groep_jaar
            .entry((b.datum.jaar, b.groep))
            .or_default()
            .push(b);
    }
    for m in per_groep_jaar.values_mut() {
        m.sort_by_key(|b| (b.datum, b.regel));
    }
    let mut jaren: Vec<MonitorJaar> = Vec::new();
    for l in &leveringen {
        let Some(g) = s.groepen.get(l.groep) else {
            continue;
        };
        let w = &g.werkwijze;
        let plan: Vec<_> = kosten
            .jaren
            .iter()
            .filter(|j| j.jaar == l.jaar)
            .flat_map(|j| &j.regels)
            .filter(|r| r.groep == Some(l.groep) && UURPOSTEN.contains(&r.post))
            .collect();
        let meetings: &[&Bijeenkomst] = per_groep_jaar
            .get(&(l.jaar, l.groep))
            .map_or(&[], Vec::as_slice);
        let gehouden: u32 = l.bijeenkomsten.iter().sum();
        let b = w.bijeenkomsten_per_jaar;

        let mut rollen = Vec::new();
        for ri in 0..s.uurtarieven.len() {
            if let Some(r) = rol_jaar(s, &c, l, ri, &plan)? {
                rollen.push(r);
            }
        }

        let groep = GroepJaar {
            groep: l.groep,
            bijeenkomsten_gepland: b,
            bijeenkomsten_gehouden: gehouden,
            duur_uren_gepland: c.mul(Decimal::from(b), w.duur_uren)?,
            duur_uren_gehouden: c.sum(meetings.iter().map(|m| m.duur_uren))?,
            uren_gepland: c.sum(rollen.iter().map(|r| r.uren_gepland))?,
            uren_geleverd: c.sum(rollen.iter().map(|r| r.uren_geleverd))?,
            kosten_begroot: c.sum(rollen.iter().map(|r| r.tapas_begroot))?,
            kosten_geleverd: c.sum(rollen.iter().map(|r| r.tapas_geleverd))?,
            signalen: signalen(s, gehouden, b, meetings),
            rollen,
        };
        match jaren.last_mut() {
            Some(j) if j.jaar == l.jaar => {
                j.totaal.add(&c, &groep)?;
                j.groepen.push(groep);
            }
            _ => {
                let mut totaal = Totaal::default();
                totaal.add(&c, &groep)?;
                jaren.push(MonitorJaar {
                    jaar: l.jaar,
                    groepen: vec![groep],
                    totaal,
                });
            }
        }
    }
    let mut totaal = Totaal::default();
    for j in &jaren {
        totaal.merge(&c, &j.totaal)?;
    }
    let indicatoren = match waarnemingen {
        Some((impact, w)) => indicatoren(s, impact, w)?,
        None => Vec::new(),
    };
    let vermeden_kosten = c.sum(indicatoren.iter().map(|i| i.vermeden_kosten))?;
    Ok(Monitor {
        jaren,
        totaal,
        indicatoren,
        vermeden_kosten,
    })
}

/// The signals of one group in one year; `meetings` sorted by date.
fn signalen(s: &Scenario, gehouden: u32, gepland: u32, meetings: &[&Bijeenkomst]) -> Vec<Signaal> {
    let mut out = Vec::new();
    if gehouden < gepland {
        out.push(Signaal {
            soort: SignaalSoort::MinderBijeenkomsten,
            datum: None,
            toelichting: format!("{gehouden} van de {gepland} geplande bijeenkomsten gehouden"),
        });
    } else if gehouden > gepland {
        out.push(Signaal {
            soort: SignaalSoort::MeerBijeenkomsten,
            datum: None,
            toelichting: format!("{gehouden} bijeenkomsten gehouden, {gepland} gepland"),
        });
    }
    for m in meetings {
        if m.aanwezig(s, "consulent") == 0 {
            out.push(Signaal {
                soort: SignaalSoort::ZonderConsulent,
                datum: Some(m.datum),
                toelichting: "bijeenkomst zonder consulent palliatieve zorg".into(),
            });
        }
        for (rol, meervoud, (min, _)) in [
            ("huisarts", "huisartsen", HUISARTSEN),
            (
                "wijkverpleegkundige",
                "wijkverpleegkundigen",
                WIJKVERPLEEGKUNDIGEN,
            ),
        ] {
            let n = m.aanwezig(s, rol);
            if n < min {
                out.push(Signaal {
                    soort: SignaalSoort::OnderMinimum,
                    datum: Some(m.datum),
                    toelichting: format!(
                        "{n} {} aanwezig; de PaTz-werkwijze vraagt er minstens {min}",
                        if n == 1 { rol } else { meervoud }
                    ),
                });
            }
        }
    }
    out
}

/// Observed indicators against the baseline and the expectation of `impact`.
///
/// For `chemotherapie` `overleden_patienten` are all deceased patients, as in the other rows;
/// like the `impact` rule of docs/rekenregels.md, only the share with cancer (`aandeel_kanker_percentage`)
/// is at risk, so every percentage of that row is one of those patients.
pub fn indicatoren(
    s: &Scenario,
    impact: &Impact,
    waarnemingen: &[Waarneming],
) -> Result<Vec<IndicatorWaarneming>, CalcError> {
    let factors = index_factors(s)?;
    let mut sorted: Vec<&Waarneming> = waarnemingen.iter().collect();
    sorted.sort_by_key(|w| (w.jaar, w.indicator, w.regel));
    let mut out = Vec::with_capacity(sorted.len());
    for w in sorted {
        let Some(ind) = impact.indicatoren.iter().find(|i| i.id == w.indicator) else {
            continue;
        };
        let offset = usize::try_from(w.jaar - s.startjaar).unwrap_or(usize::MAX);
        let Some(&factor) = factors.get(offset) else {
            continue;
        };
        let path = format!("indicator.{}", w.indicator.as_str());
        let wat = format!("waargenomen {} {}", w.indicator.as_str(), w.jaar);
        let c = Checked {
            path: &path,
            wat: &wat,
        };
        let mut noemer = Decimal::from(w.overleden_patienten);
        if w.indicator == IndicatorId::Chemotherapie {
            noemer = c.mul(noemer, pct(impact.aandeel_kanker_percentage))?;
        }
        let gevallen = Decimal::from(w.gevallen);
        let waargenomen_percentage = if noemer.is_zero() {
            None
        } else {
            Some(c.mul(c.div(gevallen, noemer)?, Decimal::ONE_HUNDRED)?)
        };
        let blijft = Decimal::ONE - pct(ind.reductie_percentage);
        let basis = c.mul(noemer, pct(ind.basis_percentage))?;
        let met_patz = c.mul(basis, blijft)?;
        let vermeden = basis - gevallen;
        let gerealiseerde_reductie_percentage = if basis.is_zero() {
            None
        } else {
            Some(c.mul(c.div(vermeden, basis)?, Decimal::ONE_HUNDRED)?)
        };
        out.push(IndicatorWaarneming {
            jaar: w.jaar,
            indicator: w.indicator,
            overleden_patienten: w.overleden_patienten,
            gevallen: w.gevallen,
            noemer,
            waargenomen_percentage,
            basis_percentage: ind.basis_percentage,
            verwacht_percentage: c.mul(ind.basis_percentage, blijft)?,
            basis,
            met_patz,
            vermeden,
            verwachte_reductie_percentage: ind.reductie_percentage,
            gerealiseerde_reductie_percentage,
            vermeden_kosten: round_money(c.product(&[vermeden, ind.kosten_per_geval, factor])?),
        });
    }
    Ok(out)
}
