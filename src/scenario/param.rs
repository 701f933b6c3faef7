//! Numeric scenario parameters by path (`uurtarieven.huisarts`, `groep[2].duur_uren`,
//! `indicator.ic_opname.reductie_percentage`, `reductie_factor`): read and set on a validated
//! scenario, within their valid range. Every field and its kind come from [`super::schema`];
//! the path grammar from [`super::pad`]. Used by `--set`-like variation: `sensitivity`, `solve`,
//! `simulate` and the check of `[[onzekerheid]]` parameters while reading. Pure, no I/O.

use rust_decimal::Decimal;

use super::model::{IndicatorId, Scenario};
use super::pad::{Segment, parse_path};
use super::schema::{
    self, Grens, IndicatorGetal, ONDERSTEUNING_NAMEN, OndersteuningVeld, Veld, WerkwijzeGetal,
};
use crate::decimal::round_half_away;

/// What kind of number a parameter is, which fixes its valid range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Soort {
    /// € amount, ≥ 0.
    Bedrag,
    /// Hours or another decimal quantity, ≥ 0.
    Getal,
    /// Percentage, 0–100.
    Percentage,
    /// Whole number, ≥ `min`.
    Aantal {
        /// The lowest allowed value.
        min: u32,
    },
    /// A multiplier, ≥ 0.
    Factor,
}

impl Soort {
    /// The value brought into the valid range (whole numbers rounded half away from zero).
    pub fn clamp(self, v: Decimal) -> Decimal {
        let v = match self {
            Soort::Aantal { .. } => round_half_away(v, 0),
            _ => v,
        };
        let lo = match self {
            Soort::Aantal { min } => Decimal::from(min),
            _ => Decimal::ZERO,
        };
        let v = v.max(lo);
        match self {
            Soort::Percentage => v.min(Decimal::ONE_HUNDRED),
            _ => v,
        }
    }

    /// The valid range `(lowest, highest)`; `None` for no upper bound.
    pub fn bereik(self) -> (Decimal, Option<Decimal>) {
        match self {
            Soort::Percentage => (Decimal::ZERO, Some(Decimal::ONE_HUNDRED)),
            Soort::Aantal { min } => (Decimal::from(min), None),
            _ => (Decimal::ZERO, None),
        }
    }

    /// Whether only whole numbers are valid.
    pub fn geheel(self) -> bool {
        matches!(self, Soort::Aantal { .. })
    }

    /// The kind of a numeric schema field.
    fn van(veld: Veld) -> Soort {
        match veld.soort {
            schema::Soort::Percentage => Soort::Percentage,
            schema::Soort::Aantal => Soort::Aantal {
                min: veld.grens.map_or(0, |g| g.min),
            },
            schema::Soort::Bedrag => Soort::Bedrag,
            _ => Soort::Getal,
        }
    }
}

/// Which value a parameter is.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Doel {
    Uurtarief(usize),
    /// A `[werkwijze]` field in the groups that do not set it themselves.
    Werkwijze(WerkwijzeGetal, Vec<usize>),
    GroepWerkwijze(usize, WerkwijzeGetal),
    Deelnemers(usize, usize),
    Ondersteuning(OndersteuningVeld),
    Indexatie,
    Verzekerden,
    Marktaandeel(usize),
    Tarief(usize),
    Plafond(usize),
    KankerAandeel,
    Disconteringsvoet,
    Indicator(usize, IndicatorGetal),
    /// All reductions × this factor; holds the written reductions.
    ReductieFactor(Vec<Decimal>),
}

/// A resolved parameter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Param {
    /// The path as written.
    pub pad: String,
    /// Its kind and valid range.
    pub soort: Soort,
    /// The documented bounds of the field (README "Grenzen"); `None` for `reductie_factor`.
    pub grens: Option<Grens>,
    doel: Doel,
}

/// The numeric `[werkwijze]` field named `name`.
fn werkwijze_getal(name: &str) -> Result<WerkwijzeGetal, String> {
    WerkwijzeGetal::parse(name).ok_or_else(|| {
        let list: Vec<&str> = WerkwijzeGetal::ALL.iter().map(|f| f.veld().naam).collect();
        known(&list, name).err().unwrap_or_default()
    })
}

fn known<'a>(list: &[&'a str], name: &str) -> Result<&'a str, String> {
    list.iter().copied().find(|f| *f == name).ok_or_else(|| {
        format!(
            "'{name}' is hier geen getal dat kan variëren; kies uit: {}",
            list.join(", ")
        )
    })
}

/// Finds an item of a list by number (from 1) or by name.
fn item<T>(
    items: &[T],
    what: &str,
    seg: Option<&Segment>,
    name: impl Fn(&T) -> &str,
) -> Result<usize, String> {
    match seg {
        Some(Segment::Index(n)) if *n >= 1 && *n <= items.len() => Ok(n - 1),
        Some(Segment::Index(n)) => Err(format!(
            "{what}[{n}] bestaat niet (er zijn er {})",
            items.len()
        )),
        Some(Segment::Key(k)) => items
            .iter()
            .position(|x| name(x) == k)
            .ok_or_else(|| format!("geen {what} met de naam '{k}'")),
        None => Err(format!(
            "na '{what}' hoort een nummer of naam, bijv. {what}[1]"
        )),
    }
}

/// The numeric field named by `seg` in `velden` (a section's fields in the schema).
fn numeriek(velden: &[Veld], seg: Option<&str>) -> Result<Veld, String> {
    let list: Vec<&str> = velden
        .iter()
        .filter(|v| schema::is_getal(v))
        .map(|v| v.naam)
        .collect();
    let name = known(&list, seg.unwrap_or(""))?;
    schema::zoek(velden, name).ok_or_else(|| format!("'{name}' is geen getal uit het scenario"))
}

fn key(seg: Option<&Segment>) -> Option<&str> {
    match seg {
        Some(Segment::Key(k)) => Some(k.as_str()),
        _ => None,
    }
}

impl Param {
    /// Resolves `path` on `s`; an error (Dutch) when it names no numeric value of `s`.
    // Over 100 lines: one arm per section of the scenario, each a few lines naming its field in
    // the schema; read as a table from top to bottom.
    pub fn resolve(s: &Scenario, path: &str) -> Result<Param, String> {
        let segs = parse_path(path)?;
        let first = key(segs.first()).unwrap_or("");
        let rest = &segs[1.min(segs.len())..];
        let field = |i: usize| key(rest.get(i));
        let single = |doel: Doel, veld: Option<Veld>, n: usize| -> Result<Param, String> {
            if rest.len() != n {
                return Err(format!("'{path}' is geen getal uit het scenario"));
            }
            Ok(Param {
                pad: path.to_string(),
                soort: veld.map_or(Soort::Factor, Soort::van),
                grens: veld.and_then(|v| v.grens),
                doel,
            })
        };
        match first {
            "reductie_factor" => {
                let impact = s
                    .impact
                    .as_ref()
                    .ok_or_else(|| "reductie_factor vraagt een [impact]-sectie".to_string())?;
                let base = impact
                    .indicatoren
                    .iter()
                    .map(|i| i.reductie_percentage)
                    .collect();
                single(Doel::ReductieFactor(base), None, 0)
            }
            "uurtarieven" => {
                let rol = field(0).unwrap_or("");
                let i = s
                    .uurtarieven
                    .iter()
                    .position(|u| &*u.rol == rol)
                    .ok_or_else(|| format!("rol '{rol}' heeft geen uurtarief"))?;
                single(Doel::Uurtarief(i), Some(schema::UURTARIEF), 1)
            }
            "werkwijze" => {
                let f = werkwijze_getal(field(0).unwrap_or(""))?;
                let naam = f.veld().naam;
                let groepen: Vec<usize> = s
                    .groepen
                    .iter()
                    .enumerate()
                    .filter(|(_, g)| !g.eigen.contains(&naam))
                    .map(|(i, _)| i)
                    .collect();
                if groepen.is_empty() {
                    return Err(format!(
                        "elke groep geeft '{naam}' zelf op; kies een groep, bijv. groep[1].{naam}"
                    ));
                }
                single(Doel::Werkwijze(f, groepen), Some(f.veld()), 1)
            }
            "groep" => {
                let gi = item(&s.groepen, "groep", rest.first(), |g| &g.naam)?;
                match field(1) {
                    Some("deelnemers") => {
                        let rol = field(2).unwrap_or("");
                        let ri = s.groepen[gi]
                            .deelnemers
                            .iter()
                            .position(|(r, _)| &**r == rol)
                            .ok_or_else(|| format!("groep heeft geen deelnemers '{rol}'"))?;
                        single(Doel::Deelnemers(gi, ri), Some(schema::DEELNEMERS), 3)
                    }
                    other => {
                        let f = werkwijze_getal(other.unwrap_or(""))?;
                        single(Doel::GroepWerkwijze(gi, f), Some(f.veld()), 2)
                    }
                }
            }
            "ondersteuning" => {
                let name = known(&ONDERSTEUNING_NAMEN, field(0).unwrap_or(""))?;
                let f = OndersteuningVeld::parse(name)
                    .ok_or_else(|| format!("'{path}' is geen getal uit het scenario"))?;
                single(Doel::Ondersteuning(f), Some(f.veld()), 1)
            }
            "indexatie" => {
                let veld = numeriek(&schema::INDEXATIE, field(0))?;
                single(Doel::Indexatie, Some(veld), 1)
            }
            "scenario" => {
                let veld = numeriek(&schema::SCENARIO[4..], field(0))?;
                single(Doel::Verzekerden, Some(veld), 1)
            }
            "verzekeraar" => {
                let vi = item(&s.verzekeraars, "verzekeraar", rest.first(), |v| &v.naam)?;
                let veld = numeriek(&schema::VERZEKERAAR, field(1))?;
                single(Doel::Marktaandeel(vi), Some(veld), 2)
            }
            "aanbod" => {
                let ai = item(&s.aanbiedingen, "aanbod", rest.first(), |a| &a.label)?;
                let veld = numeriek(&schema::AANBOD, field(1))?;
                if veld.naam == "plafond" {
                    if s.aanbiedingen.get(ai).is_some_and(|a| a.plafond.is_none()) {
                        return Err("dit aanbod heeft geen plafond".to_string());
                    }
                    single(Doel::Plafond(ai), Some(veld), 2)
                } else {
                    single(Doel::Tarief(ai), Some(veld), 2)
                }
            }
            "impact" => {
                if s.impact.is_none() {
                    return Err("dit scenario heeft geen [impact]-sectie".to_string());
                }
                let veld = numeriek(&schema::IMPACT, field(0))?;
                if veld.naam == "aandeel_kanker_percentage" {
                    single(Doel::KankerAandeel, Some(veld), 1)
                } else {
                    single(Doel::Disconteringsvoet, Some(veld), 1)
                }
            }
            "indicator" => {
                let impact = s
                    .impact
                    .as_ref()
                    .ok_or_else(|| "dit scenario heeft geen [impact]-sectie".to_string())?;
                let ii = match rest.first() {
                    Some(Segment::Key(id)) => impact
                        .indicatoren
                        .iter()
                        .position(|i| Some(i.id) == IndicatorId::parse(id))
                        .ok_or_else(|| format!("onbekende indicator '{id}'"))?,
                    other => item(&impact.indicatoren, "indicator", other, |i| i.id.as_str())?,
                };
                let veld = numeriek(&schema::INDICATOR, field(1))?;
                let f = IndicatorGetal::parse(veld.naam)
                    .ok_or_else(|| format!("'{path}' is geen getal uit het scenario"))?;
                single(Doel::Indicator(ii, f), Some(veld), 2)
            }
            _ => Err(format!("'{path}' is geen getal uit het scenario")),
        }
    }

    /// The parameter's value in `s` (for `reductie_factor`: 1).
    pub fn get(&self, s: &Scenario) -> Decimal {
        let o = &s.ondersteuning;
        match &self.doel {
            Doel::Uurtarief(i) => s.uurtarieven.get(*i).or_zero(|u| u.bedrag),
            Doel::Werkwijze(f, groepen) => groepen
                .first()
                .and_then(|g| s.groepen.get(*g))
                .or_zero(|g| f.get(&g.werkwijze)),
            Doel::GroepWerkwijze(g, f) => s.groepen.get(*g).or_zero(|g| f.get(&g.werkwijze)),
            Doel::Deelnemers(g, r) => s
                .groepen
                .get(*g)
                .and_then(|g| g.deelnemers.get(*r))
                .or_zero(|(_, n)| Decimal::from(*n)),
            Doel::Ondersteuning(f) => f.get(o),
            Doel::Indexatie => s.indexatie_percentage,
            Doel::Verzekerden => s.verzekerden,
            Doel::Marktaandeel(i) => s
                .verzekeraars
                .get(*i)
                .or_zero(|v| v.marktaandeel_percentage),
            Doel::Tarief(i) => s.aanbiedingen.get(*i).or_zero(|a| a.tarief_per_verzekerde),
            Doel::Plafond(i) => s
                .aanbiedingen
                .get(*i)
                .and_then(|a| a.plafond)
                .unwrap_or_default(),
            Doel::KankerAandeel => s.impact.as_ref().or_zero(|i| i.aandeel_kanker_percentage),
            Doel::Disconteringsvoet => s
                .impact
                .as_ref()
                .or_zero(|i| i.disconteringsvoet_percentage),
            Doel::Indicator(i, f) => s
                .impact
                .as_ref()
                .and_then(|imp| imp.indicatoren.get(*i))
                .or_zero(|ind| f.get(ind)),
            Doel::ReductieFactor(_) => Decimal::ONE,
        }
    }

    /// Sets the parameter in `s` to `v`, brought into its valid range; returns the value used.
    pub fn set(&self, s: &mut Scenario, v: Decimal) -> Decimal {
        let v = self.soort.clamp(v);
        let whole = || u32::try_from(v.trunc().mantissa()).unwrap_or(u32::MAX);
        let o = &mut s.ondersteuning;
        match &self.doel {
            Doel::Uurtarief(i) => {
                if let Some(u) = s.uurtarieven.get_mut(*i) {
                    u.bedrag = v;
                }
            }
            Doel::Werkwijze(f, groepen) => {
                for gi in groepen {
                    if let Some(g) = s.groepen.get_mut(*gi) {
                        f.set(&mut g.werkwijze, v);
                    }
                }
            }
            Doel::GroepWerkwijze(gi, f) => {
                if let Some(g) = s.groepen.get_mut(*gi) {
                    f.set(&mut g.werkwijze, v);
                }
            }
            Doel::Deelnemers(gi, ri) => {
                if let Some((_, n)) = s
                    .groepen
                    .get_mut(*gi)
                    .and_then(|g| g.deelnemers.get_mut(*ri))
                {
                    *n = whole();
                }
            }
            Doel::Ondersteuning(f) => *f.of(o) = v,
            Doel::Indexatie => s.indexatie_percentage = v,
            Doel::Verzekerden => {
                // With verzekerden per year, every year changes in the same proportion as the
                // first (docs/rekenregels.md, "Verzekerden per jaar").
                let oud = s.verzekerden;
                if let Some(per_jaar) = &mut s.verzekerden_per_jaar {
                    for (k, n) in per_jaar.iter_mut().enumerate() {
                        *n = if k == 0 {
                            v
                        } else {
                            n.checked_mul(v)
                                .and_then(|x| x.checked_div(oud))
                                .unwrap_or(v)
                        };
                    }
                }
                s.verzekerden = v;
            }
            Doel::Marktaandeel(i) => {
                if let Some(x) = s.verzekeraars.get_mut(*i) {
                    x.marktaandeel_percentage = v;
                }
            }
            Doel::Tarief(i) => {
                if let Some(a) = s.aanbiedingen.get_mut(*i) {
                    a.tarief_per_verzekerde = v;
                }
            }
            Doel::Plafond(i) => {
                if let Some(a) = s.aanbiedingen.get_mut(*i) {
                    a.plafond = Some(v);
                }
            }
            Doel::KankerAandeel => {
                if let Some(i) = s.impact.as_mut() {
                    i.aandeel_kanker_percentage = v;
                }
            }
            Doel::Disconteringsvoet => {
                if let Some(i) = s.impact.as_mut() {
                    i.disconteringsvoet_percentage = v;
                }
            }
            Doel::Indicator(ii, f) => {
                if let Some(ind) = s.impact.as_mut().and_then(|i| i.indicatoren.get_mut(*ii)) {
                    *f.of(ind) = v;
                }
            }
            Doel::ReductieFactor(base) => {
                if let Some(imp) = s.impact.as_mut() {
                    for (ind, b) in imp.indicatoren.iter_mut().zip(base) {
                        let r = b.checked_mul(v).unwrap_or(Decimal::ONE_HUNDRED);
                        ind.reductie_percentage = Soort::Percentage.clamp(r);
                    }
                }
            }
        }
        v
    }

    /// Every rate, percentage and count of `s` that is not zero: the parameters of a
    /// sensitivity analysis without declarations.
    pub fn alle(s: &Scenario) -> Vec<Param> {
        let mut paths: Vec<String> = Vec::new();
        paths.extend(
            s.uurtarieven
                .iter()
                .map(|u| format!("uurtarieven.{}", u.rol)),
        );
        for f in WerkwijzeGetal::ALL {
            paths.push(format!("werkwijze.{}", f.veld().naam));
        }
        for f in ONDERSTEUNING_NAMEN {
            paths.push(format!("ondersteuning.{f}"));
        }
        paths.push("indexatie.kosten_percentage_per_jaar".into());
        paths.push("scenario.verzekerden".into());
        if let Some(imp) = &s.impact {
            paths.push("impact.aandeel_kanker_percentage".into());
            for ind in &imp.indicatoren {
                for f in IndicatorGetal::ALL {
                    paths.push(format!("indicator.{}.{}", ind.id.as_str(), f.veld().naam));
                }
            }
        }
        paths
            .iter()
            .filter_map(|p| Param::resolve(s, p).ok())
            .filter(|p| !p.get(s).is_zero())
            .collect()
    }
}

/// The Dutch label of the parameter at `path` in `s`, for a reader who never saw the scenario
/// file ("uurtarief huisarts", "verwachte reductie: sterven in het ziekenhuis", "duur van een
/// bijeenkomst (uren), groep Delft Noord"); `path` itself when it names no parameter.
pub fn label(s: &Scenario, path: &str) -> String {
    Param::resolve(s, path).map_or_else(|_| path.to_string(), |p| p.label(s))
}

impl Param {
    /// The Dutch label of this parameter (see [`label`]).
    pub fn label(&self, s: &Scenario) -> String {
        let veld = |naam: &str| schema::label(naam).unwrap_or("").to_string();
        let rol = |r: &str| r.replace('_', " ");
        let groep = |g: usize| s.groepen.get(g).map_or("", |g| g.naam.as_str());
        match &self.doel {
            Doel::Uurtarief(i) => match s.uurtarieven.get(*i) {
                Some(u) => format!("uurtarief {}", rol(&u.rol)),
                None => self.pad.clone(),
            },
            Doel::Werkwijze(f, _) => format!("{} (werkwijze)", veld(f.veld().naam)),
            Doel::GroepWerkwijze(g, f) => format!("{}, groep {}", veld(f.veld().naam), groep(*g)),
            Doel::Deelnemers(g, r) => {
                let r = s
                    .groepen
                    .get(*g)
                    .and_then(|x| x.deelnemers.get(*r))
                    .map_or(String::new(), |(r, _)| rol(r));
                format!("aantal deelnemers {r}, groep {}", groep(*g))
            }
            Doel::Ondersteuning(f) => veld(f.veld().naam),
            Doel::Indexatie => veld("kosten_percentage_per_jaar"),
            Doel::Verzekerden => veld("verzekerden"),
            Doel::Marktaandeel(i) => format!(
                "marktaandeel {}",
                s.verzekeraars.get(*i).map_or("", |v| v.naam.as_str())
            ),
            Doel::Tarief(i) | Doel::Plafond(i) => {
                let wat = if matches!(self.doel, Doel::Tarief(_)) {
                    "tarief_per_verzekerde"
                } else {
                    "plafond"
                };
                format!(
                    "{}, aanbod {}",
                    veld(wat),
                    s.aanbiedingen.get(*i).map_or("", |a| a.label.as_str())
                )
            }
            Doel::KankerAandeel => veld("aandeel_kanker_percentage"),
            Doel::Disconteringsvoet => veld("disconteringsvoet_percentage"),
            Doel::Indicator(i, f) => format!(
                "{}: {}",
                veld(f.veld().naam),
                s.impact
                    .as_ref()
                    .and_then(|imp| imp.indicatoren.get(*i))
                    .map_or("", |ind| ind.id.omschrijving())
            ),
            Doel::ReductieFactor(_) => "alle verwachte reducties samen (factor)".to_string(),
        }
    }
}

trait OrZero<T> {
    fn or_zero(self, f: impl FnOnce(T) -> Decimal) -> Decimal;
}

impl<T> OrZero<T> for Option<T> {
    fn or_zero(self, f: impl FnOnce(T) -> Decimal) -> Decimal {
        self.map_or(Decimal::ZERO, f)
    }
}
