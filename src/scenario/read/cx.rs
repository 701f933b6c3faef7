//! The context that collects a reading's problems, warnings and field places, and the readers
//! of a list, a text and true/false that report a problem at the value's place. The other
//! shared parts: field paths in [`super::veld`], tables and their fields in [`super::tabel`],
//! numbers in [`super::getal`]. Pure, no I/O.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeArray, DeTable, DeValue};

use super::super::diagnostic::{Diagnostic, Severity};
use super::super::model::{Paden, Posities};
use super::super::schema;
use super::veld::{Field, FieldPath, Key};
use crate::naam;

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

    pub(super) fn not_a_table(&mut self, field: &Field<'_, '_, '_>) {
        self.error(
            field,
            format!(
                "verwacht een tabel, gevonden: {}",
                type_name(field.value.get_ref())
            ),
            None,
        );
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
        if leeg(s) {
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
}

/// Said of two names that are equal in Unicode NFC but written with other code points.
const ANDERS_GESCHREVEN: &str = ", alleen anders gecodeerd (bijv. é als één teken of als e met \
     een los accent); twee namen die er hetzelfde uitzien gelden als dezelfde naam";

/// The error for the name `n` of a `wat` ("verzekeraar", "groepsnaam") that the earlier name
/// `eerder` is the same name as (equal in NFC, see [`naam::zelfde`]); `waar`: where the earlier
/// one stands (" in groep[1]"), or "".
pub(super) fn al_gebruikt(wat: &str, n: &str, eerder: &str, waar: &str) -> String {
    if eerder == n {
        format!("{wat} '{n}' komt al voor{waar}")
    } else {
        format!("{wat} '{n}' is dezelfde naam als '{eerder}'{waar}{ANDERS_GESCHREVEN}")
    }
}

/// Whether `text` holds nothing but white space (what `text.trim().is_empty()` says), decided
/// at the first character that is not: for a name, its first (a trim looked at both ends,
/// about 40 instructions a text more).
pub(super) fn leeg(text: &str) -> bool {
    text.chars().all(char::is_whitespace)
}

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
