//! From TOML text to a validated [`Scenario`]: every number read exactly from its written text,
//! every problem collected with its place and field path. Pure, no I/O.

use std::borrow::Cow;
use std::cell::Cell;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::sync::Arc;

use rust_decimal::Decimal;
use toml::Spanned;
use toml::de::{DeArray, DeTable, DeValue};

use super::diagnostic::{Diagnostic, Severity};
use super::model::{
    Aanbod, Groep, Grootheid, Impact, Indicator, IndicatorId, Ondersteuning, Onzekerheid, Paden,
    Pos, Posities, Scenario, Uurtarief, Verdeling, Verwachting, Verzekeraar, Werkwijze,
};
use super::overrides::{self, Override};
use super::pad::nearest;
use super::schema::{
    self, AANBOD_NAMEN, FINANCIERING_NAMEN, GROEP_NAMEN, Grens, IMPACT_NAMEN, INDEXATIE_NAMEN,
    INDICATOR_NAMEN, ONDERSTEUNING_NAMEN, ONZEKERHEID_NAMEN, SCENARIO_NAMEN, SECTIE_NAMEN, Soort,
    VERWACHTING_NAMEN, VERZEKERAAR_NAMEN, Veld, WERKWIJZE_NAMEN,
};
use crate::decimal::{self, NumberError};
use crate::naam;

/// The format version this program reads.
pub const FORMAAT: u32 = 1;
/// The longest horizon in years.
pub const MAX_LOOPTIJD: u32 = match schema::SCENARIO[3].grens {
    Some(g) => g.max,
    None => 30,
};

/// Earliest and latest calendar year accepted anywhere in a scenario.
const JAAR_MIN: i64 = 1900;
const JAAR_MAX: i64 = 2200;

/// Parses and validates a scenario. On success, also returns the warnings of the reading
/// itself (the werkwijze warnings come from [`super::warnings`]).
pub fn parse(src: &str) -> Result<Scenario, Vec<Diagnostic>> {
    parse_with(src, &[])
}

/// Like [`parse`], with `sets` (`--set`) applied to the file's values before validation.
/// A message about an overridden value says so.
pub fn parse_with(src: &str, sets: &[Override]) -> Result<Scenario, Vec<Diagnostic>> {
    let mut cx = Cx {
        errors: Vec::new(),
        posities: Posities::new(src),
        paden: Paden::with_capacity(src.len()),
    };
    let (mut doc, syntax) = DeTable::parse_recoverable(src);
    if !syntax.is_empty() {
        let mut errors: Vec<Diagnostic> = syntax
            .iter()
            .map(|err| {
                let start = err.span().map_or(0, |s| s.start);
                let pos = cx.posities.pos(start);
                let detail = err.message().lines().next().unwrap_or("").trim();
                let line = src[..start.min(src.len())]
                    .rsplit('\n')
                    .next()
                    .unwrap_or("")
                    .to_string()
                    + src
                        .get(start..)
                        .and_then(|r| r.split('\n').next())
                        .unwrap_or("");
                let (message, hint) = syntax_message(detail, &line);
                Diagnostic {
                    severity: Severity::Fout,
                    pos,
                    path: String::new(),
                    message,
                    hint,
                }
            })
            .collect();
        errors.sort_by_key(|e| e.pos);
        errors.dedup();
        return Err(errors);
    }
    let mut failed: Vec<Diagnostic> = Vec::new();
    // Each override with its path as validation reports it.
    let mut set_paths: Vec<(String, &Override)> = Vec::with_capacity(sets.len());
    for ov in sets {
        match overrides::apply(&mut doc, ov) {
            Ok(path) => set_paths.push((path, ov)),
            Err(message) => {
                failed.push(Diagnostic {
                    severity: Severity::Fout,
                    pos: Pos::default(),
                    path: ov.path.clone(),
                    message: format!("--set: {message}"),
                    hint: Some(
                        "een pad is bijv. uurtarieven.huisarts, werkwijze.duur_uren, \
                     groep[2].deelnemers.huisarts of indicator.ic_opname.reductie_percentage"
                            .into(),
                    ),
                });
            }
        }
    }
    if !failed.is_empty() {
        return Err(failed);
    }
    let scenario = read_document(&mut cx, &doc);
    if cx.errors.is_empty()
        && let Some(mut s) = scenario
    {
        s.posities = cx.posities.with_paden(cx.paden);
        return Ok(s);
    }
    let mut errors = cx.errors;
    errors.sort_by_key(|a| a.pos);
    errors.dedup();
    let under = |a: &str, b: &str| {
        a == b
            || a.strip_prefix(b)
                .is_some_and(|rest| rest.starts_with(['.', '[']))
    };
    let mut from_set = false;
    for e in &mut errors {
        if let Some((_, ov)) = set_paths.iter().rev().find(|(o, _)| under(&e.path, o)) {
            // The value itself was written on the command line: it has no place in the file.
            e.pos = Pos::default();
            e.message = format!("--set {}={}: {}", ov.path, ov.value, e.message);
            from_set = true;
        } else if set_paths.iter().any(|(o, _)| under(o, &e.path)) {
            e.message.push_str(" (waarde uit --set)");
        }
    }
    if from_set {
        errors.sort_by_key(|a| a.pos);
    }
    Err(errors)
}

/// A Dutch explanation of a TOML syntax error (`detail` is the parser's English message), with
/// a hint drawn from the offending `line` where an obvious mistake shows.
fn syntax_message(detail: &str, line: &str) -> (String, Option<String>) {
    let has_decimal_comma = line
        .as_bytes()
        .windows(3)
        .any(|w| w[0].is_ascii_digit() && w[1] == b',' && w[2].is_ascii_digit());
    let comma_hint = || Some("gebruik een punt als decimaalteken: 117.50, niet 117,50".to_string());
    let first = detail.split(',').next().unwrap_or("");
    // `formaat =` with nothing after it reads to the parser as an unquoted string.
    let first = if line.trim_end().ends_with('=') && first == "string values must be quoted" {
        "missing value"
    } else {
        first
    };
    let (nl, hint): (&str, Option<String>) = match first {
        "duplicate key" => (
            "deze sleutel of sectie staat er al; elke sleutel en elke [sectie] komt één keer voor",
            Some("voor meer groepen, verzekeraars of aanbiedingen: [[groep]], [[verzekeraar]], [[aanbod]] (dubbele haken)".into()),
        ),
        "string values must be quoted" | "unquoted string" => (
            "tekst moet tussen aanhalingstekens staan",
            Some("bijv. naam = \"Delft Noord\"".into()),
        ),
        "invalid basic string" | "invalid literal string" => (
            "de tekst is niet afgesloten met een aanhalingsteken",
            None,
        ),
        "unclosed table" | "unclosed array table" => (
            "de sectienaam is niet afgesloten met ]",
            None,
        ),
        "unexpected key or value" | "unexpected content" | "extra assignment between key-value pairs" => (
            "onverwachte tekst na de waarde; elke sleutel = waarde staat op een eigen regel",
            if has_decimal_comma { comma_hint() } else { None },
        ),
        "missing comma between array elements" | "extra comma in array" | "unclosed array" => (
            "een lijst schrijft u als [a, b, c], met komma's tussen de elementen",
            if has_decimal_comma { comma_hint() } else { None },
        ),
        "missing value for key" | "missing value" | "key with no value" => (
            "na het = ontbreekt een waarde",
            None,
        ),
        "missing assignment between key-value pairs" | "invalid key-value pair" => (
            "hier ontbreekt een = tussen sleutel en waarde",
            None,
        ),
        "cannot recurse further; max recursion depth met" | "recursion limit" => (
            "te diep geneste tabellen of lijsten",
            None,
        ),
        _ => ("", None),
    };
    if nl.is_empty() {
        (
            format!("geen geldige TOML ({detail})"),
            if has_decimal_comma {
                comma_hint()
            } else {
                None
            },
        )
    } else {
        (format!("geen geldige TOML: {nl} ({detail})"), hint)
    }
}

struct Cx {
    errors: Vec<Diagnostic>,
    posities: Posities,
    /// The path and place of every field read, for messages about computed values.
    paden: Paden,
}

/// A table being read, with its path.
struct Table<'a, 'i> {
    table: &'a DeTable<'i>,
    span: Range<usize>,
    path: String,
    /// The key list of the last [`Table::fields`] pass, and whether every key of the table
    /// is in it (then [`Table::finish_fields`] has nothing to report).
    fields_pass: Cell<(&'static [&'static str], bool)>,
}

/// The last step of a field's path.
#[derive(Clone, Copy)]
enum Key<'p> {
    /// A key of a table: `parent.name`.
    Name(&'p str),
    /// An item of an array, counted from 1: `parent[n]`.
    Index(usize),
    /// Nothing: `parent` is the whole path.
    Whole,
}

/// A field's path, put together only when it is needed (a message or the path table).
#[derive(Clone, Copy)]
struct FieldPath<'p> {
    parent: &'p str,
    key: Key<'p>,
}

impl FieldPath<'_> {
    /// Appends the path to `out`.
    fn write_to(self, out: &mut String) {
        out.push_str(self.parent);
        match self.key {
            Key::Name(name) => {
                if !self.parent.is_empty() {
                    out.push('.');
                }
                out.push_str(name);
            }
            Key::Whole => {}
            Key::Index(n) => {
                let mut digits = [0u8; 20];
                let i = write_digits(n, &mut digits);
                out.push('[');
                out.extend(digits[i..].iter().map(|&d| char::from(d)));
                out.push(']');
            }
        }
    }

    fn build(self) -> String {
        let mut out = String::with_capacity(self.parent.len() + 24);
        self.write_to(&mut out);
        out
    }
}

/// Writes `n` in decimal to the end of `digits`, giving where it starts. By hand: the
/// formatting machinery costs more than the path it is part of.
fn write_digits(n: usize, digits: &mut [u8; 20]) -> usize {
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
struct Field<'a, 'i, 'p> {
    value: &'a Spanned<DeValue<'i>>,
    path: FieldPath<'p>,
}

fn join(path: &str, key: &str) -> String {
    FieldPath {
        parent: path,
        key: Key::Name(key),
    }
    .build()
}

/// `a == b`, with the cheap tests first: most keys compared differ in length or first byte.
fn same_key(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.as_bytes().first() == b.as_bytes().first() && a == b
}

/// Tables up to this size are searched by comparing keys, which is faster than hashing them.
const SMALL_TABLE: usize = 16;

impl<'a, 'i> Table<'a, 'i> {
    fn new(table: &'a DeTable<'i>, span: Range<usize>, path: String) -> Self {
        Table {
            table,
            span,
            path,
            fields_pass: Cell::new((&[], false)),
        }
    }

    /// The fields named in `keys`, found in one pass over the table, in the order of `keys`.
    fn fields<const N: usize>(
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
                        path: self.child(keys[i]),
                    });
                }
                None => all_known = false,
            }
        }
        self.fields_pass.set((keys, all_known));
        out
    }

    fn value(&self, key: &str) -> Option<&'a Spanned<DeValue<'i>>> {
        if self.table.len() <= SMALL_TABLE {
            self.table
                .iter()
                .find(|(k, _)| k.get_ref() == key)
                .map(|(_, v)| v)
        } else {
            self.table.get(key)
        }
    }

    fn get(&self, key: &'static str) -> Option<Field<'a, 'i, '_>> {
        self.value(key).map(|value| Field {
            value,
            path: self.child(key),
        })
    }

    /// The path of `key` in this table.
    fn child<'p>(&'p self, key: &'p str) -> FieldPath<'p> {
        FieldPath {
            parent: &self.path,
            key: Key::Name(key),
        }
    }

    /// Reports every key that is not in `allowed`, with the nearest allowed name.
    fn finish(&self, cx: &mut Cx, allowed: &[&str]) {
        for (key, _) in self.table.iter() {
            let name: &str = key.get_ref();
            if allowed.contains(&name) {
                continue;
            }
            let hint = match nearest(name, allowed.iter().copied()) {
                Some(a) => Some(format!("bedoelde je '{a}'?")),
                None => Some(format!("geldige namen hier: {}", allowed.join(", "))),
            };
            cx.error_at(
                key.span(),
                &join(&self.path, name),
                format!("onbekende sleutel '{name}'"),
                hint,
            );
        }
    }
}

impl Table<'_, '_> {
    /// [`Table::finish`] with the keys of the last [`Table::fields`] pass, which already knows
    /// whether there is anything to report.
    fn finish_fields(&self, cx: &mut Cx) {
        let (keys, all_known) = self.fields_pass.get();
        if !all_known {
            self.finish(cx, keys);
        }
    }
}

impl Cx {
    fn error_at(&mut self, span: Range<usize>, path: &str, message: String, hint: Option<String>) {
        let pos = self.posities.pos(span.start);
        self.errors.push(Diagnostic {
            severity: Severity::Fout,
            pos,
            path: path.to_string(),
            message,
            hint,
        });
    }

    fn error(&mut self, field: &Field<'_, '_, '_>, message: String, hint: Option<String>) {
        self.error_at(field.value.span(), &field.path.build(), message, hint);
    }

    fn missing(&mut self, table: &Table<'_, '_>, key: &str, hint: Option<String>) {
        let path = join(&table.path, key);
        self.error_at(
            table.span.clone(),
            &path,
            format!("verplicht veld '{key}' ontbreekt"),
            hint,
        );
    }

    /// Reports a key that names something (a role) when it holds a control character or is
    /// too long.
    fn key_text(&mut self, key: &Spanned<std::borrow::Cow<'_, str>>, path: FieldPath<'_>) {
        if let Some((message, hint)) = tekst_fout(key.get_ref(), schema::NAAM_MAX) {
            self.error_at(key.span(), &path.build(), message, Some(hint));
        }
    }

    fn remember(&mut self, path: FieldPath<'_>, span: Range<usize>) {
        self.paden.push_with(span.start, |out| path.write_to(out));
    }

    fn table<'a, 'i>(&mut self, field: &Field<'a, 'i, '_>) -> Option<Table<'a, 'i>> {
        match field.value.get_ref() {
            DeValue::Table(t) => {
                let path = field.path.build();
                self.paden
                    .push_with(field.value.span().start, |out| out.push_str(&path));
                Some(Table::new(t, field.value.span(), path))
            }
            other => {
                self.error(
                    field,
                    format!("verwacht een tabel, gevonden: {}", type_name(other)),
                    None,
                );
                None
            }
        }
    }

    /// An array of tables (`[[groep]]`), or an error.
    fn tables<'a, 'i>(&mut self, field: &Field<'a, 'i, '_>) -> Vec<Table<'a, 'i>> {
        let Some(items) = self.array(field) else {
            return Vec::new();
        };
        let parent = field.path.build();
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let f = Field {
                value: item,
                path: FieldPath {
                    parent: &parent,
                    key: Key::Index(i + 1),
                },
            };
            if let Some(t) = self.table(&f) {
                out.push(t);
            }
        }
        out
    }

    fn array<'a, 'i>(&mut self, field: &Field<'a, 'i, '_>) -> Option<&'a DeArray<'i>> {
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

    fn string(&mut self, field: &Field<'_, '_, '_>) -> Option<String> {
        self.str_ref(field).map(str::to_string)
    }

    /// Like [`Cx::string`], borrowed from the document: at most [`schema::NAAM_MAX`]
    /// characters, without control characters.
    fn str_ref<'a>(&mut self, field: &Field<'a, '_, '_>) -> Option<&'a str> {
        self.str_ref_max(field, schema::NAAM_MAX)
    }

    /// Text of at most `max` characters, without control characters (SPEC.md: a name could
    /// otherwise clear a terminal or forge a line of output).
    fn str_ref_max<'a>(&mut self, field: &Field<'a, '_, '_>, max: u32) -> Option<&'a str> {
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

    fn text(&mut self, field: &Field<'_, '_, '_>) -> Option<String> {
        self.text_ref(field).map(str::to_string)
    }

    /// Like [`Cx::text`], borrowed from the document.
    fn text_ref<'a>(&mut self, field: &Field<'a, '_, '_>) -> Option<&'a str> {
        let s = self.str_ref(field)?;
        if s.trim().is_empty() {
            self.error(field, "mag niet leeg zijn".to_string(), None);
            return None;
        }
        Some(s)
    }

    fn boolean(&mut self, field: &Field<'_, '_, '_>) -> Option<bool> {
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
    fn decimal(&mut self, field: &Field<'_, '_, '_>) -> Option<Decimal> {
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
                    (NumberError::Invalid, DeValue::String(text)) => (
                        format!("'{text}' is geen getal"),
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
    fn getal(&mut self, field: &Field<'_, '_, '_>, veld: &Veld) -> Option<Decimal> {
        let grens = veld.grens.unwrap_or(Grens { min: 0, max: 0 });
        match veld.soort {
            Soort::Percentage => self.percentage(field),
            Soort::Aantal => self
                .whole_in(field, i64::from(grens.min), i64::from(grens.max), true)
                .map(Decimal::from),
            _ => {
                let v = self.amount(field)?;
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
    fn aantal(&mut self, field: &Field<'_, '_, '_>, veld: &Veld) -> Option<u32> {
        let grens = veld.grens.unwrap_or(Grens {
            min: 0,
            max: u32::MAX,
        });
        self.whole_in(field, i64::from(grens.min), i64::from(grens.max), true)
            .and_then(|n| u32::try_from(n).ok())
    }

    /// A number >= 0.
    fn amount(&mut self, field: &Field<'_, '_, '_>) -> Option<Decimal> {
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
    fn percentage(&mut self, field: &Field<'_, '_, '_>) -> Option<Decimal> {
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
    fn whole(&mut self, field: &Field<'_, '_, '_>, min: i64, max: i64) -> Option<i64> {
        self.whole_in(field, min, max, false)
    }

    /// A whole number in `min..=max`; `dutch`: the bounds written with points between
    /// thousands (a count, not a year).
    fn whole_in(
        &mut self,
        field: &Field<'_, '_, '_>,
        min: i64,
        max: i64,
        dutch: bool,
    ) -> Option<i64> {
        let v = self.decimal(field)?;
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

    fn year(&mut self, field: &Field<'_, '_, '_>) -> Option<i32> {
        self.whole(field, JAAR_MIN, JAAR_MAX)
            .and_then(|n| i32::try_from(n).ok())
    }
}

/// Said of two names that are equal in Unicode NFC but written with other code points.
const ANDERS_GESCHREVEN: &str = ", alleen anders gecodeerd (bijv. é als één teken of als e met \
     een los accent); twee namen die er hetzelfde uitzien gelden als dezelfde naam";

/// The hint of a range error.
const GRENZEN_HINT: &str =
    "binnen deze grenzen blijft elke berekening exact tot op de cent; zie 'Grenzen' in de README";

/// Why `text` cannot be a name, label or other text of at most `max` characters: a control
/// character, or too long. `(message, hint)`.
fn tekst_fout(text: &str, max: u32) -> Option<(String, String)> {
    if let Some((at, c)) = naam::stuurteken(text) {
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

fn type_name(v: &DeValue<'_>) -> &'static str {
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

/// The `[werkwijze]` fields as written in one place (the defaults table or one group).
#[derive(Default, Clone)]
struct WerkwijzeRaw {
    /// A field was present but invalid (already reported): report no missing fields.
    invalid: bool,
    bijeenkomsten_per_jaar: Option<u32>,
    duur_uren: Option<Decimal>,
    voorbereiding_uren: Option<Decimal>,
    reistijd_uren: Option<Decimal>,
    voorzitter_rol: Option<(String, String, Range<usize>)>,
    voorzitter_uren: Option<Decimal>,
    coordinatie_rol: Option<(String, String, Range<usize>)>,
    coordinatie_uren_per_patient: Option<Decimal>,
    telefonische_ondersteuning_uren: Option<Decimal>,
    patienten_per_jaar: Option<Decimal>,
}

impl WerkwijzeRaw {
    /// Reads the fields of [`schema::WERKWIJZE`], given in that order.
    fn read(cx: &mut Cx, fields: [Option<Field<'_, '_, '_>>; 10]) -> Self {
        let [
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
        ] = fields;
        let mut w = WerkwijzeRaw::default();
        let errors_before = cx.errors.len();
        let [b, duur, voorb, reis, _, vz, _, coord, tel, pat] = schema::WERKWIJZE;
        let hours =
            |cx: &mut Cx, f: Option<Field<'_, '_, '_>>, veld| f.and_then(|f| cx.getal(&f, &veld));
        w.duur_uren = hours(cx, duur_uren, duur);
        w.voorbereiding_uren = hours(cx, voorbereiding_uren, voorb);
        w.reistijd_uren = hours(cx, reistijd_uren, reis);
        w.voorzitter_uren = hours(cx, voorzitter_uren, vz);
        w.coordinatie_uren_per_patient = hours(cx, coordinatie_uren_per_patient, coord);
        w.telefonische_ondersteuning_uren = hours(cx, telefonische_ondersteuning_uren, tel);
        w.patienten_per_jaar = hours(cx, patienten_per_jaar, pat);
        w.bijeenkomsten_per_jaar = bijeenkomsten_per_jaar.and_then(|f| cx.aantal(&f, &b));
        let rol = |cx: &mut Cx, f: Option<Field<'_, '_, '_>>| {
            f.and_then(|f| {
                let span = f.value.span();
                cx.text(&f).map(|s| (s, f.path.build(), span))
            })
        };
        w.voorzitter_rol = rol(cx, voorzitter_rol);
        w.coordinatie_rol = rol(cx, coordinatie_rol);
        w.invalid = cx.errors.len() > errors_before;
        w
    }

    /// This group's values over the defaults, without the roles (see [`effective_werkwijze`]).
    fn over(&self, base: &WerkwijzeRaw) -> WerkwijzeRaw {
        WerkwijzeRaw {
            invalid: self.invalid || base.invalid,
            bijeenkomsten_per_jaar: self.bijeenkomsten_per_jaar.or(base.bijeenkomsten_per_jaar),
            duur_uren: self.duur_uren.or(base.duur_uren),
            voorbereiding_uren: self.voorbereiding_uren.or(base.voorbereiding_uren),
            reistijd_uren: self.reistijd_uren.or(base.reistijd_uren),
            voorzitter_rol: None,
            voorzitter_uren: self.voorzitter_uren.or(base.voorzitter_uren),
            coordinatie_rol: None,
            coordinatie_uren_per_patient: self
                .coordinatie_uren_per_patient
                .or(base.coordinatie_uren_per_patient),
            telefonische_ondersteuning_uren: self
                .telefonische_ondersteuning_uren
                .or(base.telefonische_ondersteuning_uren),
            patienten_per_jaar: self.patienten_per_jaar.or(base.patienten_per_jaar),
        }
    }
}

fn read_document(cx: &mut Cx, doc: &Spanned<DeTable<'_>>) -> Option<Scenario> {
    let top = Table::new(doc.get_ref(), 0..0, String::new());
    let [
        formaat_field,
        scenario_field,
        uurtarieven_field,
        werkwijze_field,
        groep_field,
        ondersteuning_field,
        indexatie_field,
        financiering_field,
        verzekeraar_field,
        aanbod_field,
        impact_field,
        indicator_field,
        verwachting_field,
        onzekerheid_field,
    ] = top.fields(&SECTIE_NAMEN);

    // formaat
    match formaat_field {
        Some(f) => {
            if let Some(n) = cx.whole(&f, 0, i64::from(u32::MAX))
                && n != i64::from(FORMAAT)
            {
                cx.error(
                    &f,
                    format!(
                        "formaat {n} wordt niet ondersteund; deze versie leest formaat {FORMAAT}"
                    ),
                    None,
                );
            }
        }
        None => cx.missing(
            &top,
            "formaat",
            Some(format!("zet 'formaat = {FORMAAT}' bovenaan het bestand")),
        ),
    }

    // [scenario]
    let mut s = Scenario::default();
    let mut scenario_ok = false;
    let mut horizon_ok = false;
    match scenario_field {
        Some(f) => {
            if let Some(t) = cx.table(&f) {
                let [naam, regio, startjaar, looptijd, verzekerden] = t.fields(&SCENARIO_NAMEN);
                let naam = need(cx, &t, naam, "naam").and_then(|f| cx.text(&f));
                let regio = regio.and_then(|f| cx.string(&f));
                let startjaar = need(cx, &t, startjaar, "startjaar").and_then(|f| cx.year(&f));
                let [_, _, _, looptijd_veld, verzekerden_veld] = schema::SCENARIO;
                let looptijd = need(cx, &t, looptijd, "looptijd_jaren")
                    .and_then(|f| cx.aantal(&f, &looptijd_veld));
                let verzekerden = need(cx, &t, verzekerden, "verzekerden").and_then(|f| {
                    let v = cx.decimal(&f)?;
                    if v <= Decimal::ZERO || v.fract() != Decimal::ZERO {
                        cx.error(
                            &f,
                            format!("moet een geheel getal groter dan 0 zijn (gevonden: {v})"),
                            Some(
                                "het aantal verzekerden waarover het tarief wordt verdeeld".into(),
                            ),
                        );
                        return None;
                    }
                    if let Some(g) = verzekerden_veld.grens
                        && !g.bevat(v)
                    {
                        cx.error(
                            &f,
                            format!(
                                "moet een geheel getal van {} tot en met {} zijn (gevonden: {v})",
                                schema::duizendtallen(g.min),
                                schema::duizendtallen(g.max)
                            ),
                            Some(GRENZEN_HINT.into()),
                        );
                        return None;
                    }
                    Some(v)
                });
                t.finish_fields(cx);
                if let (Some(startjaar), Some(looptijd)) = (startjaar, looptijd) {
                    s.startjaar = startjaar;
                    s.looptijd_jaren = looptijd;
                    horizon_ok = true;
                }
                if let (Some(naam), Some(startjaar), Some(looptijd), Some(verzekerden)) =
                    (naam, startjaar, looptijd, verzekerden)
                {
                    s.naam = naam;
                    s.regio = regio;
                    s.startjaar = startjaar;
                    s.looptijd_jaren = looptijd;
                    s.verzekerden = verzekerden;
                    scenario_ok = true;
                }
            }
        }
        None => cx.missing(
            &top,
            "scenario",
            Some(
                "voeg een sectie [scenario] toe met naam, startjaar, looptijd_jaren en verzekerden"
                    .into(),
            ),
        ),
    }

    // [uurtarieven]
    let mut roles_known = false;
    let mut roles: Vec<&str> = Vec::new();
    // Each role name once, shared by every group and line that names it.
    let mut role_names: Vec<Arc<str>> = Vec::new();
    match uurtarieven_field {
        Some(f) => {
            if let Some(t) = cx.table(&f) {
                roles_known = true;
                for (key, value) in t.table.iter() {
                    let field = Field {
                        value,
                        path: t.child(key.get_ref()),
                    };
                    cx.key_text(key, field.path);
                    roles.push(key.get_ref());
                    let name: Arc<str> = Arc::from(key.get_ref().as_ref());
                    role_names.push(Arc::clone(&name));
                    if let Some(v) = cx.getal(&field, &schema::UURTARIEF) {
                        s.uurtarieven.push(Uurtarief {
                            rol: name,
                            bedrag: v,
                        });
                    }
                }
            }
        }
        None => cx.missing(
            &top,
            "uurtarieven",
            Some(
                "voeg [uurtarieven] toe met een bedrag per uur per rol, bijv. huisarts = 116.00"
                    .into(),
            ),
        ),
    }
    let check_role =
        |cx: &mut Cx, rol: &str, path: FieldPath<'_>, span: Range<usize>| -> Option<Arc<str>> {
            if let Some(i) = roles.iter().position(|r| *r == rol) {
                return role_names.get(i).cloned();
            }
            if roles_known {
                let hint = nearest(rol, roles.iter().copied())
                    .map(|r| format!("bedoelde je '{r}'?"))
                    .or_else(|| Some(format!("voeg '{rol} = …' toe aan [uurtarieven]")));
                cx.error_at(
                    span,
                    &path.build(),
                    format!("rol '{rol}' heeft geen uurtarief in [uurtarieven]"),
                    hint,
                );
            }
            None
        };

    // [werkwijze]
    let base = match werkwijze_field {
        Some(f) => match cx.table(&f) {
            Some(t) => {
                let w = WerkwijzeRaw::read(cx, t.fields(&WERKWIJZE_NAMEN));
                t.finish_fields(cx);
                w
            }
            None => WerkwijzeRaw::default(),
        },
        None => WerkwijzeRaw::default(),
    };

    // [[groep]]
    match groep_field {
        Some(f) => {
            let groepen = cx.tables(&f);
            s.groepen.reserve(groepen.len());
            // Each name (in NFC) with the name as written and the path of the group that has
            // it first.
            let mut names: BTreeMap<Cow<'_, str>, (&str, &str)> = BTreeMap::new();
            // One buffer for every group's participants.
            let mut counts: Vec<(Arc<str>, u32)> = Vec::new();
            for t in &groepen {
                let [naam, deelnemers, start, nieuw, eigen_fields @ ..] = t.fields(&GROEP_NAMEN);
                let naam = need(cx, t, naam, "naam").and_then(|f| {
                    let n = cx.text_ref(&f)?;
                    let key = naam::sleutel(n);
                    if let Some((written, first)) = names.get(&key) {
                        let message = if *written == n {
                            format!("groepsnaam '{n}' komt al voor in {first}")
                        } else {
                            format!(
                                "groepsnaam '{n}' is dezelfde naam als '{written}' in {first}{ANDERS_GESCHREVEN}"
                            )
                        };
                        cx.error(&f, message, Some("elke groep heeft een eigen naam".into()));
                        return None;
                    }
                    names.insert(key, (n, &t.path));
                    Some(n.to_string())
                });
                let mut deelnemers_ok = true;
                counts.clear();
                match need(cx, t, deelnemers, "deelnemers") {
                    Some(f) => {
                        if let Some(dt) = cx.table(&f) {
                            for (key, value) in dt.table.iter() {
                                let field = Field {
                                    value,
                                    path: dt.child(key.get_ref()),
                                };
                                cx.key_text(key, field.path);
                                let n = cx.aantal(&field, &schema::DEELNEMERS);
                                let known = check_role(cx, key.get_ref(), field.path, key.span());
                                match (n, known) {
                                    (Some(n), Some(rol)) => counts.push((rol, n)),
                                    _ => deelnemers_ok = false,
                                }
                            }
                        } else {
                            deelnemers_ok = false;
                        }
                    }
                    None => deelnemers_ok = false,
                }
                let start = match start {
                    Some(f) => cx.year(&f),
                    None => Some(s.startjaar),
                };
                let nieuw = match nieuw {
                    Some(f) => cx.boolean(&f),
                    None => Some(false),
                };
                let eigen: Vec<&'static str> = WERKWIJZE_NAMEN
                    .iter()
                    .zip(&eigen_fields)
                    .filter(|(_, f)| f.is_some())
                    .map(|(k, _)| *k)
                    .collect();
                // Most groups set nothing of their own.
                let own = if eigen.is_empty() {
                    WerkwijzeRaw::default()
                } else {
                    WerkwijzeRaw::read(cx, eigen_fields)
                };
                t.finish_fields(cx);
                let werkwijze = effective_werkwijze(cx, t, own, &base, &check_role);
                if let (Some(naam), true, Some(start), Some(nieuw), Some(werkwijze)) =
                    (naam, deelnemers_ok, start, nieuw, werkwijze)
                {
                    // Participants in the order of [uurtarieven].
                    let mut ordered: Vec<(Arc<str>, u32)> = Vec::with_capacity(counts.len());
                    for r in &role_names {
                        if let Some((_, n)) = counts.iter().find(|(c, _)| Arc::ptr_eq(c, r)) {
                            ordered.push((Arc::clone(r), *n));
                        }
                    }
                    s.groepen.push(Groep {
                        naam,
                        deelnemers: ordered,
                        start,
                        nieuw,
                        werkwijze,
                        eigen,
                    });
                }
            }
        }
        None => cx.missing(
            &top,
            "groep",
            Some("voeg minstens één [[groep]] toe".into()),
        ),
    }

    // [ondersteuning]
    if let Some(f) = ondersteuning_field
        && let Some(t) = cx.table(&f)
    {
        let [
            ict_per_groep,
            huisvesting_per_bijeenkomst,
            projectleiding_uren,
            projectleiding_uurtarief,
            monitoring_per_jaar,
            startkosten_per_nieuwe_groep,
            scholing_per_nieuwe_deelnemer,
            overhead_percentage,
        ] = t.fields(&ONDERSTEUNING_NAMEN);
        let o = &mut s.ondersteuning;
        let [ict, huis, pl_uren, pl_tarief, mon, start, scholing, _] = schema::ONDERSTEUNING;
        let amt = |cx: &mut Cx, f: Option<Field<'_, '_, '_>>, veld| {
            f.and_then(|f| cx.getal(&f, &veld)).unwrap_or(Decimal::ZERO)
        };
        *o = Ondersteuning {
            ict_per_groep: amt(cx, ict_per_groep, ict),
            huisvesting_per_bijeenkomst: amt(cx, huisvesting_per_bijeenkomst, huis),
            projectleiding_uren: amt(cx, projectleiding_uren, pl_uren),
            projectleiding_uurtarief: amt(cx, projectleiding_uurtarief, pl_tarief),
            monitoring_per_jaar: amt(cx, monitoring_per_jaar, mon),
            startkosten_per_nieuwe_groep: amt(cx, startkosten_per_nieuwe_groep, start),
            scholing_per_nieuwe_deelnemer: amt(cx, scholing_per_nieuwe_deelnemer, scholing),
            overhead_percentage: Decimal::ZERO,
        };
        o.overhead_percentage = overhead_percentage
            .and_then(|f| cx.percentage(&f))
            .unwrap_or(Decimal::ZERO);
        t.finish_fields(cx);
    }

    // [indexatie]
    if let Some(f) = indexatie_field
        && let Some(t) = cx.table(&f)
    {
        let [kosten] = t.fields(&INDEXATIE_NAMEN);
        s.indexatie_percentage = need(cx, &t, kosten, "kosten_percentage_per_jaar")
            .and_then(|f| cx.percentage(&f))
            .unwrap_or(Decimal::ZERO);
        t.finish_fields(cx);
    }

    // [financiering]
    if let Some(f) = financiering_field
        && let Some(t) = cx.table(&f)
    {
        let [elders] = t.fields(&FINANCIERING_NAMEN);
        if let Some(lf) = elders
            && let Some(items) = cx.array(&lf)
        {
            let parent = lf.path.build();
            for (i, item) in items.iter().enumerate() {
                let field = Field {
                    value: item,
                    path: FieldPath {
                        parent: &parent,
                        key: Key::Index(i + 1),
                    },
                };
                if let Some(rol) = cx.text(&field) {
                    if s.elders_gefinancierd.contains(&rol) {
                        cx.error(&field, format!("rol '{rol}' staat er al in"), None);
                    } else if check_role(cx, &rol, field.path, item.span()).is_some() {
                        s.elders_gefinancierd.push(rol);
                    }
                }
            }
        }
        t.finish_fields(cx);
    }

    let horizon = horizon_ok.then(|| (s.startjaar, s.eindjaar()));

    // [[verzekeraar]]
    let mut shares = Decimal::ZERO;
    let mut shares_span = None;
    if let Some(f) = verzekeraar_field {
        shares_span = Some((f.value.span(), f.path));
        for t in cx.tables(&f) {
            let [naam, aandeel] = t.fields(&VERZEKERAAR_NAMEN);
            let naam = need(cx, &t, naam, "naam").and_then(|f| {
                let n = cx.text(&f)?;
                if let Some(v) = s.verzekeraars.iter().find(|v| naam::zelfde(&v.naam, &n)) {
                    let message = if v.naam == n {
                        format!("verzekeraar '{n}' komt al voor")
                    } else {
                        format!(
                            "verzekeraar '{n}' is dezelfde naam als '{}'{ANDERS_GESCHREVEN}",
                            v.naam
                        )
                    };
                    cx.error(&f, message, None);
                    return None;
                }
                Some(n)
            });
            let aandeel =
                need(cx, &t, aandeel, "marktaandeel_percentage").and_then(|f| cx.percentage(&f));
            t.finish_fields(cx);
            if let (Some(naam), Some(aandeel)) = (naam, aandeel) {
                shares += aandeel;
                s.verzekeraars.push(Verzekeraar {
                    naam,
                    marktaandeel_percentage: aandeel,
                });
            }
        }
    }
    if shares > Decimal::ONE_HUNDRED
        && let Some((span, path)) = shares_span
    {
        cx.error_at(
            span,
            &path.build(),
            format!("de marktaandelen tellen op tot {shares} %, meer dan 100 %"),
            None,
        );
    }

    // [[aanbod]]
    if let Some(f) = aanbod_field {
        for t in cx.tables(&f) {
            let [verzekeraar, label, tarief, plafond, jaren] = t.fields(&AANBOD_NAMEN);
            let verzekeraar = need(cx, &t, verzekeraar, "verzekeraar").and_then(|f| {
                let n = cx.text(&f)?;
                // The insurer's name as its [[verzekeraar]] writes it (equal in NFC).
                let Some(v) = s.verzekeraars.iter().find(|v| naam::zelfde(&v.naam, &n)) else {
                    let hint = nearest(&n, s.verzekeraars.iter().map(|v| v.naam.as_str()))
                        .map(|r| format!("bedoelde je '{r}'?"))
                        .or_else(|| Some("voeg een [[verzekeraar]] met deze naam toe".into()));
                    cx.error(&f, format!("onbekende verzekeraar '{n}'"), hint);
                    return None;
                };
                Some(v.naam.clone())
            });
            let label = need(cx, &t, label, "label").and_then(|f| {
                let n = cx.text(&f)?;
                if let Some(a) = s.aanbiedingen.iter().find(|a| naam::zelfde(&a.label, &n)) {
                    let message = if a.label == n {
                        format!("aanbod '{n}' komt al voor")
                    } else {
                        format!(
                            "aanbod '{n}' is dezelfde naam als '{}'{ANDERS_GESCHREVEN}",
                            a.label
                        )
                    };
                    cx.error(&f, message, None);
                    return None;
                }
                Some(n)
            });
            let [_, _, tarief_veld, plafond_veld, _] = schema::AANBOD;
            let tarief = need(cx, &t, tarief, "tarief_per_verzekerde")
                .and_then(|f| cx.getal(&f, &tarief_veld));
            let plafond = match plafond {
                Some(f) => cx.getal(&f, &plafond_veld).map(Some),
                None => Some(None),
            };
            let jaren = match jaren {
                Some(f) => read_years(cx, &f, horizon),
                None => horizon.map(|(a, b)| (a..=b).collect()),
            };
            t.finish_fields(cx);
            if let (Some(verzekeraar), Some(label), Some(tarief), Some(plafond), Some(jaren)) =
                (verzekeraar, label, tarief, plafond, jaren)
            {
                s.aanbiedingen.push(Aanbod {
                    verzekeraar,
                    label,
                    tarief_per_verzekerde: tarief,
                    plafond,
                    jaren,
                });
            }
        }
    }

    // [impact] and [[indicator]]
    let impact_field_present = impact_field.as_ref().map(|_| ());
    if let Some(f) = impact_field {
        if let Some(t) = cx.table(&f) {
            let [kanker, discontering] = t.fields(&IMPACT_NAMEN);
            let kanker =
                need(cx, &t, kanker, "aandeel_kanker_percentage").and_then(|f| cx.percentage(&f));
            let discontering = match discontering {
                Some(f) => cx.percentage(&f),
                None => Some(Decimal::ZERO),
            };
            t.finish_fields(cx);
            let indicatoren = read_indicators(cx, &t, indicator_field.as_ref());
            if let (Some(kanker), Some(discontering), Some(indicatoren)) =
                (kanker, discontering, indicatoren)
            {
                s.impact = Some(Impact {
                    aandeel_kanker_percentage: kanker,
                    disconteringsvoet_percentage: discontering,
                    indicatoren,
                });
            }
        }
    } else if let Some(f) = indicator_field {
        cx.error(
            &f,
            "[[indicator]] zonder [impact]".to_string(),
            Some("voeg een sectie [impact] toe met aandeel_kanker_percentage".into()),
        );
    }

    if let Some(f) = verwachting_field {
        for t in cx.tables(&f) {
            let grootheid = required(cx, &t, "grootheid").and_then(|f| {
                let text = cx.text(&f)?;
                let Some(g) = Grootheid::parse(&text) else {
                    let names: Vec<&str> = Grootheid::ALL.iter().map(|g| g.as_str()).collect();
                    let hint = nearest(&text, names.iter().copied())
                        .map(|n| format!("bedoelde je '{n}'?"))
                        .or_else(|| Some(format!("kies uit: {}", names.join(", "))));
                    cx.error(&f, format!("onbekende grootheid '{text}'"), hint);
                    return None;
                };
                if g.vraagt_impact() && impact_field_present.is_none() {
                    cx.error(&f, format!("'{text}' vraagt een [impact]-sectie"), None);
                    return None;
                }
                Some(g)
            });
            let jaar = match t.get("jaar") {
                Some(f) => {
                    let y = cx.year(&f);
                    match (y, horizon) {
                        (Some(y), Some((a, b))) if y < a || y > b => {
                            cx.error(
                                &f,
                                format!("jaar {y} ligt buiten de looptijd {a}–{b}"),
                                None,
                            );
                            None
                        }
                        (Some(y), _) if grootheid == Some(Grootheid::NettoContanteWaarde) => {
                            cx.error(
                                &f,
                                format!("de netto contante waarde geldt voor de hele looptijd, niet voor {y}"),
                                Some("laat 'jaar' weg".into()),
                            );
                            None
                        }
                        (y, _) => y.map(Some),
                    }
                }
                None => Some(None),
            };
            let min = t.get("min").map(|f| cx.decimal(&f));
            let max = t.get("max").map(|f| cx.decimal(&f));
            if min.is_none() && max.is_none() {
                cx.missing(&t, "max", Some("geef 'min', 'max' of allebei".into()));
            }
            if let (Some(Some(lo)), Some(Some(hi))) = (min, max)
                && lo > hi
            {
                cx.error_at(
                    t.span.clone(),
                    &t.path,
                    format!("min ({lo}) is groter dan max ({hi})"),
                    None,
                );
            }
            t.finish(cx, &VERWACHTING_NAMEN);
            let path = t.path.clone();
            if let (Some(grootheid), Some(jaar), false, false) = (
                grootheid,
                jaar,
                matches!(min, Some(None)),
                matches!(max, Some(None)),
            ) {
                s.verwachtingen.push(Verwachting {
                    grootheid,
                    jaar,
                    min: min.flatten(),
                    max: max.flatten(),
                    path,
                });
            }
        }
    }

    let mut onzeker_spans: Vec<Range<usize>> = Vec::new();
    if let Some(f) = onzekerheid_field {
        for t in cx.tables(&f) {
            let parameter = required(cx, &t, "parameter").and_then(|f| {
                let span = f.value.span();
                cx.text(&f).map(|p| (p, span))
            });
            let verdeling = read_verdeling(cx, &t);
            t.finish(cx, &ONZEKERHEID_NAMEN);
            if let (Some((parameter, span)), Some(verdeling)) = (parameter, verdeling) {
                onzeker_spans.push(span);
                s.onzekerheden.push(Onzekerheid {
                    parameter,
                    verdeling,
                    path: t.path.clone(),
                });
            }
        }
    }

    top.finish_fields(cx);
    if !scenario_ok {
        return None;
    }

    // Uncertain parameters must name a numeric value of this scenario. A parameter is not
    // checked when a section it depends on has an error: then what it names may be missing
    // only because one of its values was refused (already reported), not because it is not
    // in the file.
    for (o, span) in s.onzekerheden.iter().zip(&onzeker_spans) {
        let sections = depends_on(&o.parameter);
        let refused = cx.errors.iter().any(|e| {
            sections.iter().any(|sec| {
                e.path
                    .strip_prefix(sec)
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
            })
        });
        if refused {
            continue;
        }
        if let Err(message) = super::param::Param::resolve(&s, &o.parameter) {
            cx.error_at(
                span.clone(),
                &format!("{}.parameter", o.path),
                message,
                Some("bijv. uurtarieven.huisarts, werkwijze.patienten_per_jaar, groep[2].duur_uren, indicator.ic_opname.reductie_percentage of reductie_factor".into()),
            );
        }
    }
    Some(s)
}

/// The sections whose values the parameter `path` of an `[[onzekerheid]]` is found in.
fn depends_on(path: &str) -> &'static [&'static str] {
    let first = path.split(['.', '[']).next().unwrap_or("");
    match first {
        "uurtarieven" => &["uurtarieven"],
        // A group is left out when one of its roles has no valid rate.
        "werkwijze" | "groep" => &["groep", "werkwijze", "uurtarieven"],
        "aanbod" => &["aanbod", "verzekeraar"],
        "impact" | "indicator" | "reductie_factor" => &["impact", "indicator"],
        "ondersteuning" => &["ondersteuning"],
        "indexatie" => &["indexatie"],
        "verzekeraar" => &["verzekeraar"],
        _ => &["scenario"],
    }
}

fn required<'a, 'i, 't>(
    cx: &mut Cx,
    t: &'t Table<'a, 'i>,
    key: &'static str,
) -> Option<Field<'a, 'i, 't>> {
    need(cx, t, t.get(key), key)
}

/// `f`, the field `key` of `t`, reported as missing when it is not there.
fn need<'a, 'i, 't>(
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

/// Checks that a role has a rate, reporting it at `path` and `span` when not.
/// Gives the shared name of the role.
type RoleCheck<'r> = dyn Fn(&mut Cx, &str, FieldPath<'_>, Range<usize>) -> Option<Arc<str>> + 'r;

/// A group's werkwijze: its own values (`own`) over the defaults of `[werkwijze]` (`base`).
fn effective_werkwijze(
    cx: &mut Cx,
    t: &Table<'_, '_>,
    own: WerkwijzeRaw,
    base: &WerkwijzeRaw,
    check_role: &RoleCheck<'_>,
) -> Option<Werkwijze> {
    let voorzitter = own.voorzitter_rol.as_ref().or(base.voorzitter_rol.as_ref());
    let coordinatie = own
        .coordinatie_rol
        .as_ref()
        .or(base.coordinatie_rol.as_ref());
    let w = own.over(base);
    let mut ok = true;
    for (key, present) in [
        ("bijeenkomsten_per_jaar", w.bijeenkomsten_per_jaar.is_some()),
        ("duur_uren", w.duur_uren.is_some()),
        ("patienten_per_jaar", w.patienten_per_jaar.is_some()),
    ] {
        if !present {
            ok = false;
        }
        if !present && !w.invalid {
            cx.missing(
                t,
                key,
                Some(format!(
                    "geef '{key}' op in [werkwijze] (voor alle groepen) of in deze groep"
                )),
            );
            ok = false;
        }
    }
    let mut role = |raw: Option<&(String, String, Range<usize>)>, key| match raw {
        Some((rol, path, span)) => {
            let path = FieldPath {
                parent: path,
                key: Key::Whole,
            };
            check_role(cx, rol, path, span.clone())
        }
        None => check_role(cx, "huisarts", t.child(key), t.span.clone()),
    };
    let voorzitter_rol = role(voorzitter, "voorzitter_rol");
    let coordinatie_rol = role(coordinatie, "coordinatie_rol");
    if !ok {
        return None;
    }
    Some(Werkwijze {
        bijeenkomsten_per_jaar: w.bijeenkomsten_per_jaar?,
        duur_uren: w.duur_uren?,
        voorbereiding_uren: w.voorbereiding_uren.unwrap_or_default(),
        reistijd_uren: w.reistijd_uren.unwrap_or_default(),
        voorzitter_rol: voorzitter_rol?,
        voorzitter_uren: w.voorzitter_uren.unwrap_or_default(),
        coordinatie_rol: coordinatie_rol?,
        coordinatie_uren_per_patient: w.coordinatie_uren_per_patient.unwrap_or_default(),
        telefonische_ondersteuning_uren: w.telefonische_ondersteuning_uren.unwrap_or_default(),
        patienten_per_jaar: w.patienten_per_jaar?,
    })
}

/// The distribution of an `[[onzekerheid]]`: `verdeling` and the fields it needs, checked.
fn read_verdeling(cx: &mut Cx, t: &Table<'_, '_>) -> Option<Verdeling> {
    let naam_field = required(cx, t, "verdeling")?;
    let naam = cx.text(&naam_field)?;
    let kinds = [
        "driehoek",
        "uniform",
        "pert",
        "normaal",
        "lognormaal",
        "beta",
    ];
    let (needed, optional): (&[&str], &[&str]) = match naam.as_str() {
        "driehoek" | "pert" => (&["min", "modus", "max"], &[]),
        "uniform" => (&["min", "max"], &[]),
        "normaal" => (&["gemiddelde", "sd"], &["min", "max"]),
        "lognormaal" | "beta" => (&["gemiddelde", "sd"], &[]),
        _ => {
            let hint = nearest(&naam, kinds.iter().copied())
                .map(|k| format!("bedoelde je '{k}'?"))
                .unwrap_or_else(|| format!("kies uit: {}", kinds.join(", ")));
            cx.error(
                &naam_field,
                format!("onbekende verdeling '{naam}'"),
                Some(hint),
            );
            return None;
        }
    };
    let mut values: Vec<(&str, Decimal)> = Vec::new();
    let mut ok = true;
    for key in ["min", "modus", "max", "gemiddelde", "sd"] {
        let Some(f) = t.get(key) else {
            if needed.contains(&key) {
                cx.missing(t, key, Some(format!("{naam} vraagt {}", needed.join(", "))));
                ok = false;
            }
            continue;
        };
        if !needed.contains(&key) && !optional.contains(&key) {
            cx.error(
                &f,
                format!("'{key}' hoort niet bij verdeling {naam}"),
                Some(format!("{naam} vraagt {}", needed.join(", "))),
            );
            ok = false;
            continue;
        }
        match cx.decimal(&f) {
            Some(v) => values.push((key, v)),
            None => ok = false,
        }
    }
    if !ok {
        return None;
    }
    let get = |k: &str| values.iter().find(|(n, _)| *n == k).map(|(_, v)| *v);
    let v = |k: &str| get(k).unwrap_or_default();
    let span = naam_field.value.span();
    let bad = |cx: &mut Cx, msg: String| {
        cx.error_at(span.clone(), &t.path, msg, None);
    };
    let verdeling = match naam.as_str() {
        "driehoek" | "pert" => {
            let (min, modus, max) = (v("min"), v("modus"), v("max"));
            if !(min <= modus && modus <= max) {
                bad(
                    cx,
                    format!("min ≤ modus ≤ max geldt niet ({min}, {modus}, {max})"),
                );
                return None;
            }
            if naam == "pert" {
                Verdeling::Pert { min, modus, max }
            } else {
                Verdeling::Driehoek { min, modus, max }
            }
        }
        "uniform" => {
            let (min, max) = (v("min"), v("max"));
            if min > max {
                bad(cx, format!("min ({min}) is groter dan max ({max})"));
                return None;
            }
            Verdeling::Uniform { min, max }
        }
        _ => {
            let (gemiddelde, sd) = (v("gemiddelde"), v("sd"));
            if sd < Decimal::ZERO {
                bad(cx, format!("sd mag niet negatief zijn ({sd})"));
                return None;
            }
            match naam.as_str() {
                "normaal" => {
                    let (min, max) = (get("min"), get("max"));
                    if let (Some(lo), Some(hi)) = (min, max)
                        && lo > hi
                    {
                        bad(cx, format!("min ({lo}) is groter dan max ({hi})"));
                        return None;
                    }
                    Verdeling::Normaal {
                        gemiddelde,
                        sd,
                        min,
                        max,
                    }
                }
                "lognormaal" => {
                    if gemiddelde <= Decimal::ZERO {
                        bad(
                            cx,
                            "een lognormale verdeling vraagt een gemiddelde groter dan 0".into(),
                        );
                        return None;
                    }
                    Verdeling::Lognormaal { gemiddelde, sd }
                }
                _ => {
                    // Beta on 0–100: the variance must be below m(100 − m).
                    let inside = gemiddelde > Decimal::ZERO && gemiddelde < Decimal::ONE_HUNDRED;
                    let room = Decimal::ONE_HUNDRED
                        .checked_sub(gemiddelde)
                        .and_then(|r| r.checked_mul(gemiddelde));
                    let too_wide = match (sd.checked_mul(sd), room) {
                        (Some(var), Some(room)) => !sd.is_zero() && var >= room,
                        _ => true,
                    };
                    if !inside || too_wide {
                        bad(
                            cx,
                            format!(
                                "een beta-verdeling vraagt 0 < gemiddelde < 100 en sd² < gemiddelde × (100 − gemiddelde) (gemiddelde {gemiddelde}, sd {sd})"
                            ),
                        );
                        return None;
                    }
                    Verdeling::Beta { gemiddelde, sd }
                }
            }
        }
    };
    Some(verdeling)
}

fn read_years(cx: &mut Cx, f: &Field<'_, '_, '_>, horizon: Option<(i32, i32)>) -> Option<Vec<i32>> {
    let items = cx.array(f)?;
    let mut years = BTreeSet::new();
    let mut ok = true;
    let parent = f.path.build();
    for (i, item) in items.iter().enumerate() {
        let field = Field {
            value: item,
            path: FieldPath {
                parent: &parent,
                key: Key::Index(i + 1),
            },
        };
        let Some(y) = cx.year(&field) else {
            ok = false;
            continue;
        };
        if let Some((a, b)) = horizon
            && (y < a || y > b)
        {
            cx.error(
                &field,
                format!("jaar {y} ligt buiten de looptijd {a}–{b}"),
                None,
            );
            ok = false;
            continue;
        }
        if !years.insert(y) {
            cx.error(&field, format!("jaar {y} staat er twee keer in"), None);
            ok = false;
        }
    }
    if items.is_empty() {
        cx.error(
            f,
            "de lijst met jaren is leeg".to_string(),
            Some("laat 'jaren' weg voor de hele looptijd".into()),
        );
        ok = false;
    }
    ok.then(|| years.into_iter().collect())
}

fn read_indicators(
    cx: &mut Cx,
    impact: &Table<'_, '_>,
    field: Option<&Field<'_, '_, '_>>,
) -> Option<Vec<Indicator>> {
    let Some(field) = field else {
        cx.error_at(
            impact.span.clone(),
            "indicator",
            "[impact] vraagt de zes [[indicator]]-secties; er is er geen".to_string(),
            Some(format!("ids: {}", ids_list())),
        );
        return None;
    };
    let mut found: Vec<Indicator> = Vec::new();
    let mut seen: Vec<IndicatorId> = Vec::new();
    let mut ok = true;
    for t in cx.tables(field) {
        let [id, basis, reductie, kosten, bron] = t.fields(&INDICATOR_NAMEN);
        let id = need(cx, &t, id, "id").and_then(|f| {
            let text = cx.text_ref(&f)?;
            let Some(id) = IndicatorId::parse(text) else {
                let hint = nearest(text, IndicatorId::ALL.iter().map(|i| i.as_str()))
                    .map(|r| format!("bedoelde je '{r}'?"))
                    .or_else(|| Some(format!("geldige ids: {}", ids_list())));
                cx.error(&f, format!("onbekende indicator '{text}'"), hint);
                return None;
            };
            if seen.contains(&id) {
                cx.error(&f, format!("indicator '{text}' komt twee keer voor"), None);
                return None;
            }
            seen.push(id);
            Some(id)
        });
        let basis = need(cx, &t, basis, "basis_percentage").and_then(|f| cx.percentage(&f));
        let reductie =
            need(cx, &t, reductie, "reductie_percentage").and_then(|f| cx.percentage(&f));
        let [_, _, _, kosten_veld, bron_veld] = schema::INDICATOR;
        let kosten =
            need(cx, &t, kosten, "kosten_per_geval").and_then(|f| cx.getal(&f, &kosten_veld));
        let bron = need(cx, &t, bron, "bron").and_then(|f| {
            let max = bron_veld.grens.map_or(schema::BRON_MAX, |g| g.max);
            let text = cx.str_ref_max(&f, max)?;
            if text.trim().is_empty() {
                cx.error(&f, "mag niet leeg zijn".to_string(), None);
                return None;
            }
            Some(text.to_string())
        });
        t.finish_fields(cx);
        match (id, basis, reductie, kosten, bron) {
            (Some(id), Some(basis), Some(reductie), Some(kosten), Some(bron)) => {
                found.push(Indicator {
                    id,
                    basis_percentage: basis,
                    reductie_percentage: reductie,
                    kosten_per_geval: kosten,
                    bron,
                });
            }
            _ => ok = false,
        }
    }
    let missing: Vec<&str> = IndicatorId::ALL
        .iter()
        .filter(|id| !seen.contains(id))
        .map(|id| id.as_str())
        .collect();
    if !missing.is_empty() {
        cx.error(
            field,
            format!("ontbrekende indicator(en): {}", missing.join(", ")),
            Some("[impact] vraagt elk van de zes indicatoren precies één keer".into()),
        );
        return None;
    }
    if !ok {
        return None;
    }
    found.sort_by_key(|i| i.id);
    Some(found)
}

fn ids_list() -> String {
    IndicatorId::ALL
        .iter()
        .map(|i| i.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}
