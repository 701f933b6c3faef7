//! A table being read: its fields found in one pass, the paths of its keys, a missing field
//! and every key it does not know (with the nearest known name) reported; the reading of a
//! table or a list of tables (`[[groep]]`) from a value. Pure, no I/O.

use std::cell::Cell;
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::super::pad::nearest;
use super::super::schema::{self, Soort};
use super::cx::Cx;
use super::veld::{Field, FieldPath, Key, items_of, join};

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

impl Cx {
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

    pub(super) fn table<'a, 'i>(&mut self, field: &Field<'a, 'i, '_>) -> Option<Table<'a, 'i>> {
        self.table_in(field, String::new())
    }

    /// [`Cx::table`], with the table's path written into `buf` (emptied first): a reader of
    /// many tables (`[[groep]]`) hands each table's path back for the next one, instead of a
    /// string of its own per table (9,009 groups on 400 generated files: about 2.5 M
    /// instructions).
    pub(super) fn table_in<'a, 'i>(
        &mut self,
        field: &Field<'a, 'i, '_>,
        buf: String,
    ) -> Option<Table<'a, 'i>> {
        let DeValue::Table(t) = field.value.get_ref() else {
            self.not_a_table(field);
            return None;
        };
        let mut path = buf;
        path.clear();
        path.reserve(field.path.parent.len() + 24);
        field.path.write_to(&mut path);
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

    /// Reads each table of the array of tables `field` with `each`, in order, with one path
    /// buffer for all of them (see [`Cx::table_in`]; 2,400 indicators on 400 generated files:
    /// about 0.6 M instructions); an item that is not a table is reported.
    pub(super) fn each_table<'a, 'i>(
        &mut self,
        field: &Field<'a, 'i, '_>,
        mut each: impl FnMut(&mut Cx, &Table<'a, 'i>),
    ) {
        let Some(items) = self.array(field) else {
            return;
        };
        let parent = field.path.build();
        let mut pad = String::new();
        for f in items_of(&parent, items) {
            if let Some(t) = self.table_in(&f, std::mem::take(&mut pad)) {
                each(self, &t);
                pad = t.path;
            }
        }
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
