//! `--set PATH=VALUE`: scenario values overridden before validation, with the same exact
//! number reading as the file. Pure, no I/O.

use std::borrow::Cow;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::pad::{self, Segment, parse_path};

/// One override from the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Override {
    /// Field path, e.g. `uurtarieven.huisarts`, `groep[2].duur_uren`,
    /// `groep[Delft Noord].patienten_per_jaar`, `indicator.ic_opname.reductie_percentage`.
    pub path: String,
    /// The value as TOML (`120`, `0.35`, `"tekst"`, `[2026, 2027]`) or bare text.
    pub value: String,
}

impl Override {
    /// Reads `PATH=VALUE`.
    pub fn parse(arg: &str) -> Result<Override, String> {
        match arg.split_once('=') {
            Some((path, value)) if !path.trim().is_empty() => Ok(Override {
                path: path.trim().to_string(),
                value: value.trim().to_string(),
            }),
            _ => Err(format!(
                "--set '{arg}': schrijf PAD=WAARDE, bijv. --set uurtarieven.huisarts=120"
            )),
        }
    }
}

/// The field that names an item of an array of tables.
fn item_name<'a>(item: &'a DeValue<'_>) -> Option<&'a str> {
    let t = item.as_table()?;
    ["naam", "label", "id"]
        .iter()
        .find_map(|k| t.get(*k).and_then(|v| v.get_ref().as_str()))
}

/// Applies `ov` to the parsed document. The new value takes the span of the value it replaces
/// (or of the table it is added to), so messages about it point into the file.
/// Returns the path as validation reports it (items by number: `groep[2]`, `indicator[4]`).
// Over 100 lines: one walk down the path, a step per segment kind (table, array by number or
// name, last key); split, the walk's state would be passed between pieces.
pub(crate) fn apply<'a>(
    doc: &mut Spanned<DeTable<'a>>,
    ov: &'a Override,
) -> Result<String, String> {
    let segments = parse_path(&ov.path)?;
    let value = match DeValue::parse(&ov.value) {
        Ok(v) => v.into_inner(),
        Err(_) => DeValue::String(Cow::Borrowed(ov.value.as_str())),
    };
    let span = doc.span();
    let mut table: &mut DeTable<'a> = doc.get_mut();
    let mut table_span = span;
    let mut i = 0;
    let mut shown = String::new();
    while i < segments.len() {
        let Segment::Key(key) = &segments[i] else {
            return Err("een pad begint met een naam".to_string());
        };
        shown = if shown.is_empty() {
            key.clone()
        } else {
            format!("{shown}.{key}")
        };
        let last = i + 1 == segments.len();
        if last {
            if !table.contains_key(key.as_str()) && shown == format!("uurtarieven.{key}") {
                // A role is only useful with participants; a new one here is a typo.
                let roles: Vec<&str> = table.keys().map(|k| k.get_ref().as_ref()).collect();
                return Err(match pad::nearest(key, roles.iter().copied()) {
                    Some(r) => format!("rol '{key}' bestaat niet; bedoelde je '{r}'?"),
                    None => format!("rol '{key}' bestaat niet; rollen: {}", roles.join(", ")),
                });
            }
            let span = table
                .get(key.as_str())
                .map_or(table_span.clone(), |v| v.span());
            table.insert(
                Spanned::new(span.clone(), Cow::Owned(key.clone())),
                Spanned::new(span, value),
            );
            return Ok(shown);
        }
        if !table.contains_key(key.as_str()) {
            // A missing section such as [ondersteuning] is created; validation then reports
            // any key that does not belong there.
            let empty = DeValue::Table(DeTable::new());
            table.insert(
                Spanned::new(table_span.clone(), Cow::Owned(key.clone())),
                Spanned::new(table_span.clone(), empty),
            );
        }
        let Some(entry) = table.get_mut(key.as_str()) else {
            return Err(format!("'{shown}' niet gevonden"));
        };
        let entry_span = entry.span();
        match entry.get_mut() {
            DeValue::Table(t) => {
                table = t;
                table_span = entry_span;
                i += 1;
            }
            DeValue::Array(items) => {
                let which = segments.get(i + 1);
                let pos = match which {
                    Some(Segment::Index(n)) => {
                        if *n > items.len() {
                            return Err(format!(
                                "{shown}[{n}] bestaat niet (er zijn er {})",
                                items.len()
                            ));
                        }
                        n - 1
                    }
                    Some(Segment::Key(name)) => items
                        .iter()
                        .position(|it| item_name(it.get_ref()) == Some(name.as_str()))
                        .ok_or_else(|| format!("geen {shown} met de naam '{name}'"))?,
                    None => {
                        return Err(format!("'{shown}' is een lijst"));
                    }
                };
                let item = &mut (**items)[pos];
                let item_span = item.span();
                shown = format!("{shown}[{}]", pos + 1);
                if i + 2 == segments.len() {
                    *item = Spanned::new(item_span, value);
                    return Ok(shown);
                }
                match item.get_mut() {
                    DeValue::Table(t) => {
                        table = t;
                        table_span = item_span;
                        i += 2;
                    }
                    _ => return Err(format!("'{shown}' is geen tabel")),
                }
            }
            _ => {
                return Err(format!("'{shown}' is een waarde, geen sectie"));
            }
        }
    }
    Ok(shown)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn override_needs_path_and_value() {
        assert_eq!(
            Override::parse("uurtarieven.huisarts=120").unwrap(),
            Override {
                path: "uurtarieven.huisarts".into(),
                value: "120".into()
            }
        );
        assert!(Override::parse("=120").is_err());
        assert!(Override::parse("uurtarieven.huisarts").is_err());
    }
}

/// A range of values for `sweep`: `VAN..TOT:STAP`, both ends included, exact decimals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bereik {
    /// First value.
    pub van: rust_decimal::Decimal,
    /// Last value (included when a whole number of steps away).
    pub tot: rust_decimal::Decimal,
    /// Step, > 0.
    pub stap: rust_decimal::Decimal,
}

impl Bereik {
    /// `None` when `text` is not written as a range; otherwise the range or why it is wrong.
    pub fn parse(text: &str) -> Option<Result<Bereik, String>> {
        if !text.contains("..") {
            return None;
        }
        let Some((span, stap)) = text.split_once(':') else {
            return Some(Err(format!(
                "reeks '{text}': de stap ontbreekt; schrijf VAN..TOT:STAP, bijv. {text}:10"
            )));
        };
        let (van, tot) = span.split_once("..")?;
        let num = |t: &str, what: &str| {
            crate::decimal::parse_exact(t).map_err(|e| match e {
                crate::decimal::NumberError::Invalid => {
                    format!("reeks '{text}': {what} '{}' is geen getal", t.trim())
                }
                other => format!("reeks '{text}': {what} '{}': {other}", t.trim()),
            })
        };
        Some((|| {
            let b = Bereik {
                van: num(van, "van")?,
                tot: num(tot, "tot")?,
                stap: num(stap, "stap")?,
            };
            if b.stap <= rust_decimal::Decimal::ZERO {
                return Err(format!("reeks '{text}': de stap moet groter dan 0 zijn"));
            }
            if b.tot < b.van {
                return Err(format!("reeks '{text}': 'tot' is kleiner dan 'van'"));
            }
            Ok(b)
        })())
    }

    /// Every value `van, van + stap, …` up to and including `tot`; at most `max` of them.
    pub fn values(&self, max: usize) -> Result<Vec<rust_decimal::Decimal>, String> {
        let mut out = Vec::new();
        let mut v = self.van;
        while v <= self.tot {
            if out.len() == max {
                return Err(format!("meer dan {max} waarden; kies een grotere stap"));
            }
            out.push(v);
            v = v
                .checked_add(self.stap)
                .ok_or_else(|| "waarde te groot voor de berekening".to_string())?;
        }
        Ok(out)
    }
}

#[cfg(test)]
mod range_tests {
    use super::*;
    use rust_decimal::Decimal;

    #[test]
    fn a_range_includes_both_ends_in_exact_steps() {
        let b = Bereik::parse("0.1..0.3:0.1").unwrap().unwrap();
        let d = |s| Decimal::from_str_exact(s).unwrap();
        assert_eq!(b.values(100).unwrap(), vec![d("0.1"), d("0.2"), d("0.3")]);
        let b = Bereik::parse("100..140:15").unwrap().unwrap();
        assert_eq!(b.values(100).unwrap(), vec![d("100"), d("115"), d("130")]);
        assert!(b.values(2).is_err());
    }

    #[test]
    fn plain_values_are_not_ranges_and_bad_ranges_say_why() {
        assert!(Bereik::parse("120").is_none());
        assert!(Bereik::parse("1..2:0").unwrap().is_err());
        assert!(Bereik::parse("2..1:1").unwrap().is_err());
        assert!(Bereik::parse("a..2:1").unwrap().is_err());
    }
}
