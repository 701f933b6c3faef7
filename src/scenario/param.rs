//! Numeric scenario parameters by path (`uurtarieven.huisarts`, `groep[2].duur_uren`,
//! `indicator.ic_opname.reductie_percentage`, `reductie_factor`): read and set on a validated
//! scenario, within their valid range. Pure, no I/O.

use rust_decimal::Decimal;

use crate::decimal::round_half_away;
use crate::scenario::overrides::{Segment, parse_path};
use crate::scenario::read::{ONDERSTEUNING_KEYS, WERKWIJZE_KEYS};
use crate::scenario::{IndicatorId, Scenario};

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
}

/// Which value a parameter is.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Doel {
    Uurtarief(usize),
    /// A `[werkwijze]` field in the groups that do not set it themselves.
    Werkwijze(&'static str, Vec<usize>),
    GroepWerkwijze(usize, &'static str),
    Deelnemers(usize, usize),
    Ondersteuning(&'static str),
    Indexatie,
    Verzekerden,
    Marktaandeel(usize),
    Tarief(usize),
    Plafond(usize),
    KankerAandeel,
    Disconteringsvoet,
    Indicator(usize, &'static str),
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
    doel: Doel,
}

/// The numeric `[werkwijze]` fields (the two role fields are text).
const WERKWIJZE_GETALLEN: [&str; 8] = {
    let k = WERKWIJZE_KEYS;
    [k[0], k[1], k[2], k[3], k[5], k[7], k[8], k[9]]
};

fn werkwijze_soort(f: &str) -> Soort {
    if f == "bijeenkomsten_per_jaar" {
        Soort::Aantal { min: 0 }
    } else {
        Soort::Getal
    }
}

fn known(list: &[&'static str], name: &str) -> Result<&'static str, String> {
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

fn key(seg: Option<&Segment>) -> Option<&str> {
    match seg {
        Some(Segment::Key(k)) => Some(k.as_str()),
        _ => None,
    }
}

impl Param {
    /// Resolves `path` on `s`; an error (Dutch) when it names no numeric value of `s`.
    pub fn resolve(s: &Scenario, path: &str) -> Result<Param, String> {
        let segs = parse_path(path)?;
        let first = key(segs.first()).unwrap_or("");
        let rest = &segs[1.min(segs.len())..];
        let field = |i: usize| key(rest.get(i));
        let single = |doel: Doel, soort: Soort, n: usize| -> Result<Param, String> {
            if rest.len() != n {
                return Err(format!("'{path}' is geen getal uit het scenario"));
            }
            Ok(Param {
                pad: path.to_string(),
                soort,
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
                single(Doel::ReductieFactor(base), Soort::Factor, 0)
            }
            "uurtarieven" => {
                let rol = field(0).unwrap_or("");
                let i = s
                    .uurtarieven
                    .iter()
                    .position(|u| &*u.rol == rol)
                    .ok_or_else(|| format!("rol '{rol}' heeft geen uurtarief"))?;
                single(Doel::Uurtarief(i), Soort::Bedrag, 1)
            }
            "werkwijze" => {
                let f = known(&WERKWIJZE_GETALLEN, field(0).unwrap_or(""))?;
                let groepen: Vec<usize> = s
                    .groepen
                    .iter()
                    .enumerate()
                    .filter(|(_, g)| !g.eigen.contains(&f))
                    .map(|(i, _)| i)
                    .collect();
                if groepen.is_empty() {
                    return Err(format!(
                        "elke groep geeft '{f}' zelf op; kies een groep, bijv. groep[1].{f}"
                    ));
                }
                single(Doel::Werkwijze(f, groepen), werkwijze_soort(f), 1)
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
                        if rest.len() != 3 {
                            return Err(format!("'{path}' is geen getal uit het scenario"));
                        }
                        Ok(Param {
                            pad: path.to_string(),
                            soort: Soort::Aantal { min: 0 },
                            doel: Doel::Deelnemers(gi, ri),
                        })
                    }
                    other => {
                        let f = known(&WERKWIJZE_GETALLEN, other.unwrap_or(""))?;
                        single(Doel::GroepWerkwijze(gi, f), werkwijze_soort(f), 2)
                    }
                }
            }
            "ondersteuning" => {
                let f = known(ONDERSTEUNING_KEYS, field(0).unwrap_or(""))?;
                let soort = match f {
                    "overhead_percentage" => Soort::Percentage,
                    "projectleiding_uren" => Soort::Getal,
                    _ => Soort::Bedrag,
                };
                single(Doel::Ondersteuning(f), soort, 1)
            }
            "indexatie" => {
                known(&["kosten_percentage_per_jaar"], field(0).unwrap_or(""))?;
                single(Doel::Indexatie, Soort::Percentage, 1)
            }
            "scenario" => {
                known(&["verzekerden"], field(0).unwrap_or(""))?;
                single(Doel::Verzekerden, Soort::Aantal { min: 1 }, 1)
            }
            "verzekeraar" => {
                let vi = item(&s.verzekeraars, "verzekeraar", rest.first(), |v| &v.naam)?;
                known(&["marktaandeel_percentage"], field(1).unwrap_or(""))?;
                single(Doel::Marktaandeel(vi), Soort::Percentage, 2)
            }
            "aanbod" => {
                let ai = item(&s.aanbiedingen, "aanbod", rest.first(), |a| &a.label)?;
                match known(
                    &["tarief_per_verzekerde", "plafond"],
                    field(1).unwrap_or(""),
                )? {
                    "plafond" => {
                        if s.aanbiedingen[ai].plafond.is_none() {
                            return Err("dit aanbod heeft geen plafond".to_string());
                        }
                        single(Doel::Plafond(ai), Soort::Bedrag, 2)
                    }
                    _ => single(Doel::Tarief(ai), Soort::Bedrag, 2),
                }
            }
            "impact" => {
                if s.impact.is_none() {
                    return Err("dit scenario heeft geen [impact]-sectie".to_string());
                }
                match known(
                    &["aandeel_kanker_percentage", "disconteringsvoet_percentage"],
                    field(0).unwrap_or(""),
                )? {
                    "aandeel_kanker_percentage" => {
                        single(Doel::KankerAandeel, Soort::Percentage, 1)
                    }
                    _ => single(Doel::Disconteringsvoet, Soort::Percentage, 1),
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
                let f = known(
                    &[
                        "basis_percentage",
                        "reductie_percentage",
                        "kosten_per_geval",
                    ],
                    field(1).unwrap_or(""),
                )?;
                let soort = if f == "kosten_per_geval" {
                    Soort::Bedrag
                } else {
                    Soort::Percentage
                };
                single(Doel::Indicator(ii, f), soort, 2)
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
                .or_zero(|g| werkwijze_get(&g.werkwijze, f)),
            Doel::GroepWerkwijze(g, f) => s
                .groepen
                .get(*g)
                .or_zero(|g| werkwijze_get(&g.werkwijze, f)),
            Doel::Deelnemers(g, r) => s
                .groepen
                .get(*g)
                .and_then(|g| g.deelnemers.get(*r))
                .or_zero(|(_, n)| Decimal::from(*n)),
            Doel::Ondersteuning(f) => match *f {
                "ict_per_groep" => o.ict_per_groep,
                "huisvesting_per_bijeenkomst" => o.huisvesting_per_bijeenkomst,
                "projectleiding_uren" => o.projectleiding_uren,
                "projectleiding_uurtarief" => o.projectleiding_uurtarief,
                "monitoring_per_jaar" => o.monitoring_per_jaar,
                "startkosten_per_nieuwe_groep" => o.startkosten_per_nieuwe_groep,
                "scholing_per_nieuwe_deelnemer" => o.scholing_per_nieuwe_deelnemer,
                _ => o.overhead_percentage,
            },
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
                .or_zero(|ind| match *f {
                    "basis_percentage" => ind.basis_percentage,
                    "reductie_percentage" => ind.reductie_percentage,
                    _ => ind.kosten_per_geval,
                }),
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
                        werkwijze_set(&mut g.werkwijze, f, v);
                    }
                }
            }
            Doel::GroepWerkwijze(gi, f) => {
                if let Some(g) = s.groepen.get_mut(*gi) {
                    werkwijze_set(&mut g.werkwijze, f, v);
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
            Doel::Ondersteuning(f) => match *f {
                "ict_per_groep" => o.ict_per_groep = v,
                "huisvesting_per_bijeenkomst" => o.huisvesting_per_bijeenkomst = v,
                "projectleiding_uren" => o.projectleiding_uren = v,
                "projectleiding_uurtarief" => o.projectleiding_uurtarief = v,
                "monitoring_per_jaar" => o.monitoring_per_jaar = v,
                "startkosten_per_nieuwe_groep" => o.startkosten_per_nieuwe_groep = v,
                "scholing_per_nieuwe_deelnemer" => o.scholing_per_nieuwe_deelnemer = v,
                _ => o.overhead_percentage = v,
            },
            Doel::Indexatie => s.indexatie_percentage = v,
            Doel::Verzekerden => s.verzekerden = v,
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
                    match *f {
                        "basis_percentage" => ind.basis_percentage = v,
                        "reductie_percentage" => ind.reductie_percentage = v,
                        _ => ind.kosten_per_geval = v,
                    }
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
        for f in WERKWIJZE_GETALLEN {
            paths.push(format!("werkwijze.{f}"));
        }
        for f in ONDERSTEUNING_KEYS {
            paths.push(format!("ondersteuning.{f}"));
        }
        paths.push("indexatie.kosten_percentage_per_jaar".into());
        paths.push("scenario.verzekerden".into());
        if let Some(imp) = &s.impact {
            paths.push("impact.aandeel_kanker_percentage".into());
            for ind in &imp.indicatoren {
                for f in [
                    "basis_percentage",
                    "reductie_percentage",
                    "kosten_per_geval",
                ] {
                    paths.push(format!("indicator.{}.{f}", ind.id.as_str()));
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

trait OrZero<T> {
    fn or_zero(self, f: impl FnOnce(T) -> Decimal) -> Decimal;
}

impl<T> OrZero<T> for Option<T> {
    fn or_zero(self, f: impl FnOnce(T) -> Decimal) -> Decimal {
        self.map_or(Decimal::ZERO, f)
    }
}

fn werkwijze_get(w: &crate::scenario::Werkwijze, f: &str) -> Decimal {
    match f {
        "bijeenkomsten_per_jaar" => Decimal::from(w.bijeenkomsten_per_jaar),
        "duur_uren" => w.duur_uren,
        "voorbereiding_uren" => w.voorbereiding_uren,
        "reistijd_uren" => w.reistijd_uren,
        "voorzitter_uren" => w.voorzitter_uren,
        "coordinatie_uren_per_patient" => w.coordinatie_uren_per_patient,
        "telefonische_ondersteuning_uren" => w.telefonische_ondersteuning_uren,
        _ => w.patienten_per_jaar,
    }
}

fn werkwijze_set(w: &mut crate::scenario::Werkwijze, f: &str, v: Decimal) {
    match f {
        "bijeenkomsten_per_jaar" => {
            w.bijeenkomsten_per_jaar = u32::try_from(v.trunc().mantissa()).unwrap_or(u32::MAX);
        }
        "duur_uren" => w.duur_uren = v,
        "voorbereiding_uren" => w.voorbereiding_uren = v,
        "reistijd_uren" => w.reistijd_uren = v,
        "voorzitter_uren" => w.voorzitter_uren = v,
        "coordinatie_uren_per_patient" => w.coordinatie_uren_per_patient = v,
        "telefonische_ondersteuning_uren" => w.telefonische_ondersteuning_uren = v,
        _ => w.patienten_per_jaar = v,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_numeric_werkwijze_fields_are_all_but_the_two_roles() {
        let expected: Vec<&str> = WERKWIJZE_KEYS
            .iter()
            .copied()
            .filter(|k| !k.ends_with("_rol"))
            .collect();
        assert_eq!(WERKWIJZE_GETALLEN.to_vec(), expected);
    }
}
