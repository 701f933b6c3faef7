//! The path of a field (`groep[2].deelnemers.huisarts`), put together only when a message or
//! the path table needs it, and a value with its path. Pure, no I/O.

use toml::Spanned;
use toml::de::{DeArray, DeValue};

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
    /// The entry in [`super::cx::Cx::paden`] of the path without its last name (`parent`, or
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
                // `[n]` made in one piece, with room for the whole path made once (a push per
                // character, each making room, cost about 70 instructions a group path).
                let mut digits = [0u8; 22];
                let i = write_index(n, &mut digits);
                out.reserve(self.parent.len() + digits.len() - i);
                out.push_str(self.parent);
                for &d in digits.get(i..).unwrap_or_default() {
                    out.push(char::from(d));
                }
            }
        }
    }

    pub(super) fn build(self) -> String {
        let mut out = String::with_capacity(self.parent.len() + 24);
        self.write_to(&mut out);
        out
    }
}

/// Writes `[n]` (`n` in decimal, in brackets) to the end of `digits`, giving where it starts.
/// By hand: the formatting machinery costs more than the path it is part of.
pub(super) fn write_index(n: usize, digits: &mut [u8; 22]) -> usize {
    let mut i = digits.len() - 1;
    digits[i] = b']';
    let mut rest = n;
    loop {
        i -= 1;
        digits[i] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            i -= 1;
            digits[i] = b'[';
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_item_path_is_the_parent_with_the_number_in_brackets() {
        let path = |n| {
            FieldPath {
                parent: "groep",
                pad: None,
                key: Key::Index(n),
            }
            .build()
        };
        assert_eq!(path(1), "groep[1]");
        assert_eq!(path(12), "groep[12]");
        assert_eq!(path(9_009), "groep[9009]");
        // The longest number there is: 20 digits.
        assert_eq!(path(usize::MAX), "groep[18446744073709551615]");
    }
}
