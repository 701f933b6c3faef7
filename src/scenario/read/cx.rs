//! The reading machinery shared by every section: the context that collects problems, a table
//! with its field path, and the readers of one value (text, number within its documented
//! bounds, whole number, year, true/false) that report a problem at the value's place. Pure,
//! no I/O.

use std::ops::Range;

use rust_decimal::Decimal;
use toml::Spanned;
use toml::de::{DeArray, DeTable, DeValue};

use super::super::diagnostic::{Diagnostic, Severity};
use super::super::model::{Paden, Posities};
use super::super::pad::nearest;
use super::super::schema::{self, Grens, Soort, Veld};
use super::syntax::{dutch_number, thousands_points, with_underscores};
use crate::decimal::{self, NumberError};
use crate::naam;
use std::cell::Cell;

/// Earliest and latest calendar year accepted anywhere in a scenario.
const JAAR_MIN: i64 = 1900;
const JAAR_MAX: i64 = 2200;

pub(super) struct Cx {
    pub(super) errors: Vec<Diagnostic>,
    /// Warnings about how a value is written (a money amount with three decimals).
    pub(super) warnings: Vec<Diagnostic>,
    pub(super) posities: Posities,
    /// The path and place of every field read, for messages about computed values.
    pub(super) paden: Paden,
    /// Sections the file lacks that an unknown section name is spelled almost like: the
    /// unknown name is reported (with the section as the hint), the missing section not.
    pub(super) secties_bedoeld: Vec<&'static str>,
}

/// A table being read, with its path.
pub(super) struct Table<'a, 'i> {
    pub(super) table: &'a DeTable<'i>,
    pub(super) span: Range<usize>,
    pub(super) path: String,
    /// The entry of `path` in [`Cx::paden`], when it was recorded: the paths of its fields are
    /// recorded as that entry and their key.
    pub(super) pad: Option<usize>,
    /// The key list of the last [`Table::fields`] pass, and whether every key of the table
    /// is in it (then [`Table::finish_fields`] has nothing to report).
    pub(super) fields_pass: Cell<(&'static [&'static str], bool)>,
}

/// The last step of a field's path.
#[derive(Clone, Copy)]
pub(super) enum Key<'p> {
    /// A key of a table as written in the file: `parent.name`.
    Name(&'p str),
    /// A key of a table that the schema names: `parent.name`.
    Veld(&'static str),
    /// A key as written in the file of the schema's table `veld` below `parent`:
    /// `parent.veld.name` (a group's participants, whose table gets no path of its own).
    Onder(&'static str, &'p str),
    /// An item of an array, counted from 1: `parent[n]`.
    Index(usize),
    /// Nothing: `parent` is the whole path.
    Whole,
}

/// A field's path, put together only when it is needed (a message or the path table).
#[derive(Clone, Copy)]
pub(super) struct FieldPath<'p> {
    pub(super) parent: &'p str,
    /// The entry in [`Cx::paden`] of the path without its last name (`parent`, or
    /// `parent.veld` for [`Key::Onder`]), if recorded.
    pub(super) pad: Option<usize>,
    pub(super) key: Key<'p>,
}

impl FieldPath<'_> {
    /// Appends the path to `out`.
    pub(super) fn write_to(self, out: &mut String) {
        match self.key {
            Key::Name(name) | Key::Veld(name) => {
                // Room made once for the whole path.
                out.reserve(self.parent.len() + 1 + name.len());
                out.push_str(self.parent);
                if !self.parent.is_empty() {
                    out.push('.');
                }
                out.push_str(name);
            }
            Key::Onder(veld, name) => {
                out.reserve(self.parent.len() + 2 + veld.len() + name.len());
                out.push_str(self.parent);
                if !self.parent.is_empty() {
                    out.push('.');
                }
                out.push_str(veld);
                out.push('.');
                out.push_str(name);
            }
            Key::Whole => out.push_str(self.parent),
            Key::Index(n) => {
                out.push_str(self.parent);
                let mut digits = [0u8; 20];
                let i = write_digits(n, &mut digits);
                out.push('[');
                out.extend(digits[i..].iter().map(|&d| char::from(d)));
                out.push(']');
            }
        }
    }

    pub(super) fn build(self) -> String {
        let mut out = String::with_capacity(self.parent.len() + 24);
        self.write_to(&mut out);
        out
    }
}

/// Writes `n` in decimal to the end of `digits`, giving where it starts. By hand: the
/// formatting machinery costs more than the path it is part of.
pub(super) fn write_digits(n: usize, digits: &mut [u8; 20]) -> usize {
    let mut i = digits.len();
    let mut rest = n;
    loop {
        i -= 1;
        digits[i] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            return i;
        }
    }
}

/// One value with its path.
#[derive(Clone, Copy)]
pub(super) struct Field<'a, 'i, 'p> {
    pub(super) value: &'a Spanned<DeValue<'i>>,
    pub(super) path: FieldPath<'p>,
}

/// The items of the array `items` at `parent`, each with its path `parent[n]` (counted from 1).
pub(super) fn items_of<'a, 'i, 'p>(
    parent: &'p str,
    items: &'a DeArray<'i>,
) -> impl Iterator<Item = Field<'a, 'i, 'p>> {
    items.iter().enumerate().map(move |(i, value)| Field {
        value,
        path: FieldPath {
            parent,
            pad: None,
            key: Key::Index(i + 1),
        },
    })
}

pub(super) fn join(path: &str, key: &str) -> String {
    FieldPath {
        parent: path,
        pad: None,
        key: Key::Name(key),
    }
    .build()
}

/// `a == b`, with the cheap tests first: most keys compared differ in length or first byte.
pub(super) fn same_key(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.as_bytes().first() == b.as_bytes().first() && a == b
}

/// Tables up to this size are searched by comparing keys, which is faster than hashing them.
pub(super) const SMALL_TABLE: usize = 16;

impl<'a, 'i> Table<'a, 'i> {
    pub(super) fn new(table: &'a DeTable<'i>, span: Range<usize>, path: String) -> Self {
        Table {
            table,
            span,
            path,
            pad: None,
            fields_pass: Cell::new((&[], false)),
        }
    }

    /// The fields named in `keys`, found in one pass over the table, in the order of `keys`.
    pub(super) fn fields<const N: usize>(
        &self,
        keys: &'static [&'static str; N],
    ) -> [Option<Field<'a, 'i, '_>>; N] {
        let mut out: [Option<Field<'a, 'i, '_>>; N] = [None; N];
        let mut all_known = true;
        for (key, value) in self.table.iter() {
            let name: &str = key.get_ref();
            match keys.iter().position(|k| same_key(k, name)) {
                Some(i) => {
                    out[i] = Some(Field {
                        value,
                        path: self.veld(keys[i]),
                    });
                }
                None => all_known = false,
            }
        }
        self.fields_pass.set((keys, all_known));
        out
    }

    pub(super) fn value(&self, key: &str) -> Option<&'a Spanned<DeValue<'i>>> {
        if self.table.len() <= SMALL_TABLE {
            self.table
                .iter()
                .find(|(k, _)| k.get_ref() == key)
                .map(|(_, v)| v)
        } else {
            self.table.get(key)
        }
    }

    pub(super) fn get(&self, key: &'static str) -> Option<Field<'a, 'i, '_>> {
        self.value(key).map(|value| Field {
            value,
            path: self.veld(key),
        })
    }

    /// The path of `key`, a key as written in the file, in this table.
    pub(super) fn child<'p>(&'p self, key: &'p str) -> FieldPath<'p> {
        FieldPath {
            parent: &self.path,
            pad: self.pad,
            key: Key::Name(key),
        }
    }

    /// The path of the schema's field `key` in this table.
    pub(super) fn veld(&self, key: &'static str) -> FieldPath<'_> {
        FieldPath {
            parent: &self.path,
            pad: self.pad,
            key: Key::Veld(key),
        }
    }

    /// Reports every key that is not in `allowed`, with the nearest allowed name.
    pub(super) fn finish(&self, cx: &mut Cx, allowed: &[&str]) {
        for (key, value) in self.table.iter() {
            let name: &str = key.get_ref();
            if allowed.contains(&name) {
                continue;
            }
            // At the top a table is a section: [naam] or [[naam]].
            let haken = match value.get_ref() {
                DeValue::Table(_) if self.path.is_empty() => Some(("[", "]")),
                DeValue::Array(a)
                    if self.path.is_empty()
                        && a.iter().all(|v| matches!(v.get_ref(), DeValue::Table(_))) =>
                {
                    Some(("[[", "]]"))
                }
                _ => None,
            };
            let (message, hint) = match haken {
                Some((open, close)) => (
                    format!("onbekende sectie {open}{name}{close}"),
                    match nearest(name, allowed.iter().copied()) {
                        Some(a) => format!("bedoelde je {open}{a}{close}?"),
                        None => format!("geldige secties: {}", allowed.join(", ")),
                    },
                ),
                None => (
                    format!("onbekende sleutel '{name}'"),
                    match nearest(name, allowed.iter().copied()) {
                        Some(a) => format!("bedoelde je '{a}'?"),
                        None => format!("geldige namen hier: {}", allowed.join(", ")),
                    },
                ),
            };
            cx.error_at(key.span(), &join(&self.path, name), message, Some(hint));
        }
    }
}

impl Table<'_, '_> {
    /// [`Table::finish`] with the keys of the last [`Table::fields`] pass, which already knows
    /// whether there is anything to report.
    pub(super) fn finish_fields(&self, cx: &mut Cx) {
        let (keys, all_known) = self.fields_pass.get();
        if !all_known {
            self.finish(cx, keys);
        }
    }
}

impl Cx {
    pub(super) fn error_at(
        &mut self,
        span: Range<usize>,
        path: &str,
        message: String,
        hint: Option<String>,
    ) {
        let pos = self.posities.pos(span.start);
        self.errors.push(Diagnostic {
            severity: Severity::Fout,
            pos,
            path: path.to_string(),
            message,
            hint,
        });
    }

    pub(super) fn error(
        &mut self,
        field: &Field<'_, '_, '_>,
        message: String,
        hint: Option<String>,
    ) {
        self.error_at(field.value.span(), &field.path.build(), message, hint);
    }

    pub(super) fn missing(&mut self, table: &Table<'_, '_>, key: &str, hint: Option<String>) {
        let path = join(&table.path, key);
        let message = match schema::zoek(&schema::SECTIES, key) {
            Some(v) if table.path.is_empty() => {
                if self.secties_bedoeld.contains(&v.naam) {
                    // Its name is misspelt: that error says it.
                    return;
                }
                match v.soort {
                    Soort::Tabel => format!("sectie [{key}] ontbreekt"),
                    Soort::Lijst => format!("sectie [[{key}]] ontbreekt"),
                    _ => format!("verplicht veld '{key}' ontbreekt"),
                }
            }
            _ => format!("verplicht veld '{key}' ontbreekt"),
        };
        self.error_at(table.span.clone(), &path, message, hint);
    }

    /// Reports a key that names something (a role) when it holds a control character or is
    /// too long; whether it is fine.
    pub(super) fn key_text(
        &mut self,
        key: &Spanned<std::borrow::Cow<'_, str>>,
        path: FieldPath<'_>,
    ) -> bool {
        match tekst_fout(key.get_ref(), schema::NAAM_MAX) {
            Some((message, hint)) => {
                self.error_at(key.span(), &path.build(), message, Some(hint));
                false
            }
            None => true,
        }
    }

    /// Records the place of `path` (see [`Paden`]); gives its entry.
    pub(super) fn remember(&mut self, path: FieldPath<'_>, span: Range<usize>) -> usize {
        let offset = span.start;
        match (path.pad, path.key) {
            (Some(ouder), Key::Veld(naam)) => self.paden.push_veld(offset, ouder, naam),
            (Some(ouder), Key::Name(naam) | Key::Onder(_, naam)) => {
                self.paden.push_onder(offset, ouder, naam)
            }
            _ => self.paden.push_with(offset, |out| path.write_to(out)),
        }
    }

    pub(super) fn table<'a, 'i>(&mut self, field: &Field<'a, 'i, '_>) -> Option<Table<'a, 'i>> {
        let DeValue::Table(t) = field.value.get_ref() else {
            self.not_a_table(field);
            return None;
        };
        let path = field.path.build();
        let offset = field.value.span().start;
        let pad = match (field.path.pad, field.path.key) {
            (Some(ouder), Key::Veld(naam)) => self.paden.push_veld(offset, ouder, naam),
            // Written out once, for the table and for its entry.
            _ => self.paden.push_with(offset, |out| out.push_str(&path)),
        };
        let mut table = Table::new(t, field.value.span(), path);
        table.pad = Some(pad);
        Some(table)
    }

    /// The table of `field` and its entry in [`Cx::paden`], recorded as [`Cx::table`] records
    /// it but without a path string of its own: for a table whose keys are read one by one
    /// with [`Key::Onder`] (a group's participants: 9,009 paths on 400 generated files, about
    /// 3 M instructions).
    pub(super) fn table_entry<'a, 'i>(
        &mut self,
        field: &Field<'a, 'i, '_>,
    ) -> Option<(&'a DeTable<'i>, usize)> {
        let DeValue::Table(t) = field.value.get_ref() else {
            self.not_a_table(field);
            return None;
        };
        Some((t, self.remember(field.path, field.value.span())))
    }

    fn not_a_table(&mut self, field: &Field<'_, '_, '_>) {
        self.error(
            field,
            format!(
                "verwacht een tabel, gevonden: {}",
                type_name(field.value.get_ref())
            ),
            None,
        );
    }

    /// An array of tables (`[[groep]]`), or an error.
    pub(super) fn tables<'a, 'i>(&mut self, field: &Field<'a, 'i, '_>) -> Vec<Table<'a, 'i>> {
        let Some(items) = self.array(field) else {
            return Vec::new();
        };
        let parent = field.path.build();
        let mut out = Vec::with_capacity(items.len());
        for f in items_of(&parent, items) {
            if let Some(t) = self.table(&f) {
                out.push(t);
            }
        }
        out
    }

    pub(super) fn array<'a, 'i>(&mut self, field: &Field<'a, 'i, '_>) -> Option<&'a DeArray<'i>> {
        match field.value.get_ref() {
            DeValue::Array(a) => Some(a),
            other => {
                self.error(
                    field,
                    format!("verwacht een lijst, gevonden: {}", type_name(other)),
                    None,
                );
                None
            }
        }
    }

    pub(super) fn string(&mut self, field: &Field<'_, '_, '_>) -> Option<String> {
        self.str_ref(field).map(str::to_string)
    }

    /// Like [`Cx::string`], borrowed from the document: at most [`schema::NAAM_MAX`]
    /// characters, without control characters.
    pub(super) fn str_ref<'a>(&mut self, field: &Field<'a, '_, '_>) -> Option<&'a str> {
        self.str_ref_max(field, schema::NAAM_MAX)
    }

    /// Text of at most `max` characters, without control characters (docs/rekenregels.md: a name could
    /// otherwise clear a terminal or forge a line of output).
    pub(super) fn str_ref_max<'a>(
        &mut self,
        field: &Field<'a, '_, '_>,
        max: u32,
    ) -> Option<&'a str> {
        match field.value.get_ref() {
            DeValue::String(s) => {
                if let Some((message, hint)) = tekst_fout(s, max) {
                    self.error(field, message, Some(hint));
                    return None;
                }
                self.remember(field.path, field.value.span());
                Some(s)
            }
            other => {
                self.error(
                    field,
                    format!(
                        "verwacht tekst tussen aanhalingstekens, gevonden: {}",
                        type_name(other)
                    ),
                    None,
                );
                None
            }
        }
    }

    pub(super) fn text(&mut self, field: &Field<'_, '_, '_>) -> Option<String> {
        self.text_ref(field).map(str::to_string)
    }

    /// Like [`Cx::text`], borrowed from the document.
    pub(super) fn text_ref<'a>(&mut self, field: &Field<'a, '_, '_>) -> Option<&'a str> {
        let s = self.str_ref(field)?;
        if s.trim().is_empty() {
            self.error(field, "mag niet leeg zijn".to_string(), None);
            return None;
        }
        Some(s)
    }

    pub(super) fn boolean(&mut self, field: &Field<'_, '_, '_>) -> Option<bool> {
        match field.value.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            other => {
                self.error(
                    field,
                    format!("verwacht true of false, gevonden: {}", type_name(other)),
                    None,
                );
                None
            }
        }
    }

    /// Any number, read exactly from its written text.
    pub(super) fn decimal(&mut self, field: &Field<'_, '_, '_>) -> Option<Decimal> {
        let result = match field.value.get_ref() {
            DeValue::Integer(i) => decimal::parse_integer(i.as_str(), i.radix()),
            DeValue::Float(f) => decimal::parse_exact(f.as_str()),
            DeValue::String(s) => decimal::parse_exact(s),
            other => {
                self.error(
                    field,
                    format!("verwacht een getal, gevonden: {}", type_name(other)),
                    None,
                );
                return None;
            }
        };
        match result {
            Ok(v) => {
                self.remember(field.path, field.value.span());
                Some(v)
            }
            Err(e) => {
                let (message, hint) = match (&e, field.value.get_ref()) {
                    (NumberError::Invalid, DeValue::String(text))
                        if let Some(fix) = dutch_number(text) =>
                    {
                        (fix.message(text), Some(fix.hint()))
                    }
                    (NumberError::Invalid, DeValue::String(text)) => (
                        format!("'{}' is geen getal", naam::zichtbaar(text)),
                        Some(if text.contains(',') {
                            format!(
                                "gebruik een punt als decimaalteken: {}",
                                text.replace('.', "").replace(',', ".")
                            )
                        } else {
                            "schrijf een getal, bijv. 116.35".to_string()
                        }),
                    ),
                    _ => (format!("ongeldig getal: {e}"), None),
                };
                self.error(field, message, hint);
                None
            }
        }
    }

    /// A number of the schema field `veld`, inside its documented bounds.
    pub(super) fn getal(&mut self, field: &Field<'_, '_, '_>, veld: &Veld) -> Option<Decimal> {
        let grens = veld.grens.unwrap_or(Grens { min: 0, max: 0 });
        match veld.soort {
            Soort::Percentage => self.percentage(field),
            Soort::Aantal => self
                .whole_in(field, i64::from(grens.min), i64::from(grens.max), true)
                .map(Decimal::from),
            _ => {
                let v = self.amount(field)?;
                if veld.soort == Soort::Bedrag {
                    self.three_decimals(field, v, veld.grens);
                }
                if veld.grens.is_some() && v > grens.max() {
                    self.error(
                        field,
                        format!(
                            "moet tussen {} en {} liggen ({}; gevonden: {v})",
                            schema::duizendtallen(grens.min),
                            schema::duizendtallen(grens.max),
                            veld.eenheid
                        ),
                        Some(GRENZEN_HINT.into()),
                    );
                    return None;
                }
                Some(v)
            }
        }
    }

    /// A whole number of the schema field `veld` (a count), inside its bounds.
    pub(super) fn aantal(&mut self, field: &Field<'_, '_, '_>, veld: &Veld) -> Option<u32> {
        let grens = veld.grens.unwrap_or(Grens {
            min: 0,
            max: u32::MAX,
        });
        self.whole_in(field, i64::from(grens.min), i64::from(grens.max), true)
            .and_then(|n| u32::try_from(n).ok())
    }

    /// A number >= 0.
    pub(super) fn amount(&mut self, field: &Field<'_, '_, '_>) -> Option<Decimal> {
        let v = self.decimal(field)?;
        if v.is_sign_negative() && !v.is_zero() {
            self.error(
                field,
                format!("mag niet negatief zijn (gevonden: {v})"),
                None,
            );
            return None;
        }
        Some(v)
    }

    /// A percentage 0..=100.
    pub(super) fn percentage(&mut self, field: &Field<'_, '_, '_>) -> Option<Decimal> {
        let v = self.decimal(field)?;
        if v < Decimal::ZERO || v > Decimal::ONE_HUNDRED {
            self.error(
                field,
                format!("een percentage moet tussen 0 en 100 liggen (gevonden: {v})"),
                Some("percentages worden als percentage geschreven: 25 betekent 25 %".into()),
            );
            return None;
        }
        Some(v)
    }

    /// A whole number in `min..=max`.
    pub(super) fn whole(&mut self, field: &Field<'_, '_, '_>, min: i64, max: i64) -> Option<i64> {
        self.whole_in(field, min, max, false)
    }

    /// A whole number in `min..=max`; `dutch`: the bounds written with points between
    /// thousands (a count, not a year).
    pub(super) fn whole_in(
        &mut self,
        field: &Field<'_, '_, '_>,
        min: i64,
        max: i64,
        dutch: bool,
    ) -> Option<i64> {
        self.plain_whole(field, min, max)
            .or_else(|| self.whole_any(field, min, max, dutch))
    }

    /// The value of `field` when it is a plain integer (decimal digits only) in `min..=max`,
    /// recorded as [`Cx::whole_any`] records it; `None` for anything else. Nearly every count
    /// and year is one: read straight into an i64, without a Decimal and the checks of its
    /// written form, which it passes (on 400 generated files, 51,000 values: about 6 M
    /// instructions).
    fn plain_whole(&mut self, field: &Field<'_, '_, '_>, min: i64, max: i64) -> Option<i64> {
        let DeValue::Integer(i) = field.value.get_ref() else {
            return None;
        };
        let n =
            decimal::plain_integer(i.as_str(), i.radix()).filter(|n| (min..=max).contains(n))?;
        self.remember(field.path, field.value.span());
        Some(n)
    }

    /// [`Cx::whole_in`] for any value: read as a decimal, checked for its written form, whole
    /// and inside `min..=max`.
    fn whole_any(
        &mut self,
        field: &Field<'_, '_, '_>,
        min: i64,
        max: i64,
        dutch: bool,
    ) -> Option<i64> {
        let v = self.decimal(field)?;
        if !self.written_whole(field, v) {
            return None;
        }
        // Integers arrive with scale 0: nothing to check or cut off.
        let whole = if v.scale() == 0 {
            v
        } else {
            if v.fract() != Decimal::ZERO {
                self.error(
                    field,
                    format!("moet een geheel getal zijn (gevonden: {v})"),
                    None,
                );
                return None;
            }
            v.trunc()
        };
        let n = i64::try_from(whole.mantissa())
            .ok()
            .filter(|n| (min..=max).contains(n));
        if n.is_none() {
            let show = |b: i64| match u32::try_from(b) {
                Ok(b) if dutch => schema::duizendtallen(b),
                _ => b.to_string(),
            };
            self.error(
                field,
                format!(
                    "moet een geheel getal van {} tot en met {} zijn (gevonden: {v})",
                    show(min),
                    show(max)
                ),
                None,
            );
        }
        n
    }

    /// Whether the whole number `v` of a count or year is written as one: an integer, or text
    /// without a point or exponent. A TOML float is refused even when its value is whole:
    /// `verzekerden = 140.000` is 140 in TOML, which a Dutch writer never means
    /// (docs/rekenregels.md, "Hele getallen"). A value with a fraction is left to the caller.
    pub(super) fn written_whole(&mut self, field: &Field<'_, '_, '_>, v: Decimal) -> bool {
        let text = match field.value.get_ref() {
            DeValue::Float(f) => f.as_str(),
            DeValue::String(t) if t.contains(['.', 'e', 'E']) => t,
            _ => return true,
        };
        let meant = thousands_points(text);
        if meant.is_none() && v.fract() != Decimal::ZERO {
            return true;
        }
        let whole = v.normalize();
        let (message, hint) = match meant {
            Some(meant) => (
                format!(
                    "{text} is in TOML {whole}; schrijf {meant} of {}",
                    with_underscores(&meant).unwrap_or_else(|| meant.clone())
                ),
                "een punt is hier een decimaalteken, geen scheiding tussen duizendtallen; \
                 een geheel getal schrijft u zonder punt"
                    .to_string(),
            ),
            None => (
                format!("moet een geheel getal zijn, zonder punt of exponent (gevonden: {text})"),
                format!("schrijf {whole}"),
            ),
        };
        self.error(field, message, Some(hint));
        false
    }

    /// Warns when the money amount `v` is written with exactly three decimals after one to
    /// three digits (`plafond = 30.000`): a Dutch writer may have meant thirty thousand. Not
    /// when that reading lies above the field's bound (`huisarts = 116.355` is never € 116.355
    /// an hour).
    fn three_decimals(&mut self, field: &Field<'_, '_, '_>, v: Decimal, grens: Option<Grens>) {
        let text = match field.value.get_ref() {
            DeValue::Float(f) => f.as_str(),
            DeValue::String(t) => t,
            _ => return,
        };
        let Some(meant) = thousands_points(text) else {
            return;
        };
        let plausible =
            Decimal::from_str_exact(&meant).is_ok_and(|m| grens.is_none_or(|g| m <= g.max()));
        if plausible {
            let pos = self.posities.pos(field.value.span().start);
            let euro = |d: Decimal| format!("€ {}", decimal::dutch(d, d.scale()));
            let as_written = v.normalize();
            // Written without the trailing zeros, the amount no longer has three decimals; an
            // amount with a third decimal keeps its value with a fourth.
            let plain = if as_written.scale() < 3 {
                as_written.to_string()
            } else {
                format!("{text}0")
            };
            self.warnings.push(Diagnostic {
                severity: Severity::Waarschuwing,
                pos,
                path: field.path.build(),
                message: format!(
                    "{text} is hier {}: een punt is in een scenario een decimaalteken, geen \
                     scheiding tussen duizendtallen",
                    euro(as_written)
                ),
                hint: Some(format!(
                    "bedoelt u {}, schrijf dan {meant} of {}; bedoelt u {}, schrijf dan {plain}",
                    euro(Decimal::from_str_exact(&meant).unwrap_or(v)),
                    with_underscores(&meant).unwrap_or_else(|| meant.clone()),
                    euro(as_written),
                )),
            });
        }
    }

    pub(super) fn year(&mut self, field: &Field<'_, '_, '_>) -> Option<i32> {
        self.whole(field, JAAR_MIN, JAAR_MAX)
            .and_then(|n| i32::try_from(n).ok())
    }

    /// A year inside `horizon` (first and last year, when known); outside it an error with the
    /// fix `buiten`.
    pub(super) fn year_in(
        &mut self,
        field: &Field<'_, '_, '_>,
        horizon: Option<(i32, i32)>,
        buiten: Option<&str>,
    ) -> Option<i32> {
        let y = self.year(field)?;
        if let Some((a, b)) = horizon
            && (y < a || y > b)
        {
            self.error(
                field,
                format!("jaar {y} ligt buiten de looptijd {a}–{b}"),
                buiten.map(str::to_string),
            );
            return None;
        }
        Some(y)
    }
}

/// The sections missing from the top table `top` that one of its unknown keys is spelled
/// almost like (`[scenari]` for `[scenario]`).
pub(super) fn sections_meant(top: &Table<'_, '_>) -> Vec<&'static str> {
    let mut out = Vec::new();
    for (key, _) in top.table.iter() {
        let name: &str = key.get_ref();
        if schema::SECTIE_NAMEN.contains(&name) {
            continue;
        }
        if let Some(meant) = nearest(name, schema::SECTIE_NAMEN.iter().copied())
            && top.value(meant).is_none()
        {
            out.push(meant);
        }
    }
    out
}

/// Said of two names that are equal in Unicode NFC but written with other code points.
pub(super) const ANDERS_GESCHREVEN: &str = ", alleen anders gecodeerd (bijv. é als één teken of als e met \
     een los accent); twee namen die er hetzelfde uitzien gelden als dezelfde naam";

/// The hint of a range error.
pub(super) const GRENZEN_HINT: &str =
    "binnen deze grenzen blijft elke berekening exact tot op de cent; zie 'Grenzen' in de README";

/// Why `text` cannot be a name, label or other text of at most `max` characters: a control
/// character, or too long. `(message, hint)`.
pub(super) fn tekst_fout(text: &str, max: u32) -> Option<(String, String)> {
    // A control character (C0, DEL, C1) is a byte below 0x20, 0x7f, or in UTF-8 a C1 character's
    // lead byte 0xc2: a text without any of these (nearly every one) has none to look for.
    // (Looked for without stopping early, so that the loop runs many bytes at a time.)
    let verdacht = text
        .as_bytes()
        .iter()
        .fold(false, |v, &b| v | (b < 0x20) | (b == 0x7f) | (b == 0xc2));
    if verdacht && let Some((at, c)) = naam::stuurteken(text) {
        let plaats = text.get(..at).map_or(0, |t| t.chars().count()) + 1;
        return Some((
            format!(
                "bevat een stuurteken ({}) op teken {plaats}; stuurtekens zoals tab, regeleinde en escape zijn in tekst niet toegestaan",
                naam::teken(c)
            ),
            "haal het teken weg of vervang het door een spatie".into(),
        ));
    }
    // Most texts are shorter in bytes than the bound in characters: nothing to count.
    let limit = usize::try_from(max).unwrap_or(usize::MAX);
    if text.len() > limit && text.chars().count() > limit {
        return Some((
            format!(
                "is te lang: {} tekens, hoogstens {}",
                schema::duizendtallen(u32::try_from(text.chars().count()).unwrap_or(u32::MAX)),
                schema::duizendtallen(max)
            ),
            "kort de tekst in".into(),
        ));
    }
    None
}

pub(super) fn type_name(v: &DeValue<'_>) -> &'static str {
    match v {
        DeValue::String(_) => "tekst",
        DeValue::Integer(_) => "een geheel getal",
        DeValue::Float(_) => "een getal",
        DeValue::Boolean(_) => "true/false",
        DeValue::Datetime(_) => "een datum",
        DeValue::Array(_) => "een lijst",
        DeValue::Table(_) => "een tabel",
    }
}

pub(super) fn required<'a, 'i, 't>(
    cx: &mut Cx,
    t: &'t Table<'a, 'i>,
    key: &'static str,
) -> Option<Field<'a, 'i, 't>> {
    need(cx, t, t.get(key), key)
}

/// The fix for a missing `financier`.
pub(super) const FINANCIER_HINT: &str =
    "geef aan wie dit deel betaalt, bijv. financier = \"Stichting PZNL\"";

/// `f`, the field `key` of `t`, reported as missing (with the fix `hint`) when it is not there.
pub(super) fn need_with<'a, 'i, 't>(
    cx: &mut Cx,
    t: &Table<'_, '_>,
    f: Option<Field<'a, 'i, 't>>,
    key: &str,
    hint: &str,
) -> Option<Field<'a, 'i, 't>> {
    if f.is_none() {
        cx.missing(t, key, Some(hint.to_string()));
    }
    f
}

/// `f`, the field `key` of `t`, reported as missing when it is not there.
pub(super) fn need<'a, 'i, 't>(
    cx: &mut Cx,
    t: &Table<'_, '_>,
    f: Option<Field<'a, 'i, 't>>,
    key: &str,
) -> Option<Field<'a, 'i, 't>> {
    if f.is_none() {
        cx.missing(t, key, None);
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn cx(src: &str) -> Cx {
        Cx {
            errors: Vec::new(),
            warnings: Vec::new(),
            posities: Posities::new(src),
            paden: Paden::default(),
            secties_bedoeld: Vec::new(),
        }
    }

    proptest! {
        /// The shortcut of `whole_in` for a plain integer gives what the full reading gives:
        /// the value, the errors and the recorded path.
        #[test]
        fn a_whole_number_read_by_the_shortcut_is_read_as_the_full_reading_reads_it(
            text in "[0-9]{1,20}|[1-9][0-9]{0,3}_[0-9]{3}|[+-][0-9]{1,4}|0x[0-9a-f]{1,4}|[0-9]{1,3}\\.[0-9]{1,3}|[0-9]e[0-9]",
            min in -5i64..=5,
            max in 0i64..=2_000_000,
            dutch in any::<bool>(),
        ) {
            let src = format!("x = {text}\n");
            // Leading zeros are not TOML.
            let Ok(doc) = DeTable::parse(&src) else {
                return Ok(());
            };
            let mut table = Table::new(doc.get_ref(), 0..src.len(), "t".to_string());
            table.pad = Some(0);
            let field = table.get("x");
            prop_assume!(field.is_some());
            let Some(field) = field else { return Ok(()) };
            let (mut kort, mut vol) = (cx(&src), cx(&src));
            kort.paden.push_with(0, |out| out.push('t'));
            vol.paden.push_with(0, |out| out.push('t'));
            let snel = kort.whole_in(&field, min, max, dutch);
            let lang = vol.whole_any(&field, min, max, dutch);
            prop_assert_eq!(snel, lang);
            prop_assert_eq!(&kort.errors, &vol.errors);
            prop_assert_eq!(&kort.paden, &vol.paden);
        }
    }
}
