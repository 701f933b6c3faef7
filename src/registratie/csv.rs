//! The CSV layer of the registrations: a header and then one record at a time, each cell with
//! the byte offset where it starts, and the cell grammar (numbers, counts, names). Pure, no I/O.
//!
//! - The separator (`,` or `;`) is taken from the first non-empty line.
//! - An unquoted cell is trimmed; a quoted cell (`"Oost "`) is kept exactly as written between
//!   its quotes, so a name with spaces can be matched.
//! - A cell may not hold a control character ([`crate::naam::stuurteken`]): it is an error at
//!   the character's own line and column, and the cell is not looked at further.
//! - Records are read one at a time, so memory does not grow with the number of rows.

use std::cell::Cell;

use crate::naam;
use crate::scenario::Pos;

use super::fouten::Cx;

/// One cell: its value, the byte offset where it starts, and whether it was refused (it holds
/// a control character, already reported).
struct Cel {
    text: String,
    at: usize,
    refused: bool,
}

/// One data record: its cells with the byte offset where each starts.
pub(super) struct Row {
    /// 1-based number of the data record (the header not counted).
    pub(super) index: usize,
    /// Line of the record.
    pub(super) line: usize,
    /// Byte offset of the record.
    pub(super) start: usize,
    cells: Vec<Cel>,
}

impl Row {
    /// Cell `i` and its offset (an absent cell is empty, at the start of the record); `None`
    /// for a refused cell, which is already reported.
    pub(super) fn cell(&self, i: usize) -> Option<(&str, usize)> {
        match self.cells.get(i) {
            None => Some(("", self.start)),
            Some(c) if c.refused => None,
            Some(c) => Some((c.text.as_str(), c.at)),
        }
    }

    /// Where cell `i` starts (the start of the record for an absent cell).
    pub(super) fn at(&self, i: usize) -> usize {
        self.cells.get(i).map_or(self.start, |c| c.at)
    }
}

/// A CSV file being read: the header, then the records one at a time.
pub(super) struct Tabel<'t> {
    text: &'t str,
    /// Where the last position was asked: records are read in order, so a position is found by
    /// counting on from there instead of keeping an index of every line.
    cursor: Cell<Cursor>,
    /// `;` is the separator (and a decimal comma is allowed).
    pub(super) semicolon: bool,
    delim: u8,
    /// The header's cells and their offsets (a refused cell is empty).
    pub(super) header: Vec<(String, usize)>,
    /// The header cells that were refused.
    refused: Vec<usize>,
    /// Byte offset of the header record.
    pub(super) header_start: usize,
    /// How the records are named in field paths (`bijeenkomsten`).
    what: &'static str,
    reader: ::csv::Reader<&'t [u8]>,
    record: ::csv::StringRecord,
    rows: usize,
}

impl<'t> Tabel<'t> {
    /// Opens `text` (a leading BOM is ignored) and reads its header; `what` names the records
    /// in field paths. `None` (with an error) when there is no header.
    pub(super) fn open(text: &'t str, what: &'static str, cx: &mut Cx) -> Option<Tabel<'t>> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let first = text
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or_default();
        let semicolon = first.matches(';').count() > first.matches(',').count();
        let delim = if semicolon { b';' } else { b',' };
        let reader = ::csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delim)
            .from_reader(text.as_bytes());
        let mut tabel = Tabel {
            text,
            cursor: Cell::new(Cursor::default()),
            semicolon,
            delim,
            header: Vec::new(),
            refused: Vec::new(),
            header_start: 0,
            what,
            reader,
            record: ::csv::StringRecord::new(),
            rows: 0,
        };
        match tabel.record(cx, None) {
            Some((cells, start)) => {
                tabel.refused = (0..cells.len())
                    .filter(|&i| cells.get(i).is_some_and(|c| c.refused))
                    .collect();
                tabel.header = cells.into_iter().map(|c| (c.text, c.at)).collect();
                tabel.header_start = start;
                Some(tabel)
            }
            None if cx.any() => None,
            None => {
                cx.error(
                    Pos { line: 1, column: 1 },
                    String::new(),
                    "het bestand is leeg; de eerste regel moet de kopregel met de kolomnamen zijn"
                        .into(),
                    None,
                );
                None
            }
        }
    }

    /// Whether header cell `i` was refused (it held a control character).
    pub(super) fn refused_header(&self, i: usize) -> bool {
        self.refused.contains(&i)
    }

    /// Line and character column (both from 1) of a byte offset; lines end at `\n`.
    pub(super) fn pos(&self, offset: usize) -> Pos {
        let offset = offset.min(self.text.len());
        let mut c = self.cursor.get();
        if offset < c.line_start {
            c = Cursor::default();
        }
        if offset > c.offset {
            let passed = self
                .text
                .as_bytes()
                .get(c.offset..offset)
                .unwrap_or_default();
            for (i, b) in passed.iter().enumerate() {
                if *b == b'\n' {
                    c.line += 1;
                    c.line_start = c.offset + i + 1;
                }
            }
            c.offset = offset;
        }
        self.cursor.set(c);
        let column = self
            .text
            .get(c.line_start..offset)
            .map_or(offset - c.line_start, |t| t.chars().count())
            + 1;
        Pos {
            line: c.line + 1,
            column,
        }
    }

    /// The next data record with as many cells as the header; a record of another width is
    /// reported and skipped. `None` at the end of the file.
    pub(super) fn next_row(&mut self, cx: &mut Cx) -> Option<Row> {
        loop {
            let index = self.rows + 1;
            let (cells, start) = self.record(cx, Some(index))?;
            self.rows = index;
            let width = self.header.len();
            let row = Row {
                index: self.rows,
                line: self.pos(start).line,
                start,
                cells,
            };
            if row.cells.len() == width {
                return Some(row);
            }
            let at = row
                .cells
                .get(width)
                .or(row.cells.last())
                .map_or(row.start, |c| c.at);
            let sep = if self.semicolon { ";" } else { "," };
            let n = row.cells.len();
            let what = self.what;
            cx.error_with(
                self.pos(at),
                || format!("{what}[{}]", row.index),
                || {
                    (
                        format!("deze regel heeft {n} kolommen, de kopregel {width}"),
                        Some(format!(
                            "elke regel heeft evenveel waarden als de kopregel, gescheiden door \
                             '{sep}'; staat er een '{sep}' in een naam, zet die dan tussen \
                             aanhalingstekens"
                        )),
                    )
                },
            );
        }
    }

    /// The next record that is not empty (every cell empty), with the offset where it starts.
    /// A control character is reported in the field of data record `index` (`None`: the
    /// header). `None` at the end (or, with an error, on unreadable CSV).
    fn record(&mut self, cx: &mut Cx, index: Option<usize>) -> Option<(Vec<Cel>, usize)> {
        loop {
            match self.reader.read_record(&mut self.record) {
                Ok(false) => return None,
                Ok(true) => {}
                Err(e) => {
                    let at = e.position().map_or(self.text.len(), |p| p.byte() as usize);
                    cx.error(
                        self.pos(at),
                        String::new(),
                        format!("onleesbare CSV: {}", naam::zichtbaar(&e.to_string())),
                        None,
                    );
                    return None;
                }
            }
            let raw = self.record.position().map_or(0, |p| p.byte() as usize);
            // The reader's offset can point at the line break before the record.
            let start = raw
                + self
                    .text
                    .get(raw..)
                    .unwrap_or("")
                    .bytes()
                    .take_while(|b| matches!(b, b'\r' | b'\n'))
                    .count();
            let spans = field_spans(self.text, start, self.delim);
            let mut cells = Vec::with_capacity(self.record.len());
            for (i, value) in self.record.iter().enumerate() {
                let (at, end) = spans.get(i).copied().unwrap_or((start, start));
                cells.push(self.cell(value, at, end, || self.path(index, i), cx));
            }
            if cells.iter().all(|c| c.text.is_empty() && !c.refused) {
                continue;
            }
            return Some((cells, start));
        }
    }

    /// The field path of cell `i` of data record `index` (`None`: the header).
    fn path(&self, index: Option<usize>, i: usize) -> String {
        let what = self.what;
        match (index, self.header.get(i)) {
            (None, _) => "kopregel".into(),
            (Some(n), Some((name, _))) if !name.is_empty() => format!("{what}[{n}].{name}"),
            (Some(n), _) => format!("{what}[{n}]"),
        }
    }

    /// One cell: `value` as the CSV reader gave it, written in `text[at..end]`, with the offset
    /// where it starts (after leading spaces); refused (and reported in field `path`) when it
    /// holds a control character.
    fn cell(
        &self,
        value: &str,
        at: usize,
        end: usize,
        path: impl FnOnce() -> String,
        cx: &mut Cx,
    ) -> Cel {
        let written = self.text.get(at..end).unwrap_or("");
        let lead = written.len() - written.trim_start_matches([' ', '\t']).len();
        let quoted = written.starts_with('"');
        let value = if quoted {
            // The reader keeps anything after the closing quote; spaces there are not part of
            // the value.
            let after = written.len() - written.trim_end().len();
            if written.trim_end().ends_with('"') && after > 0 {
                value
                    .get(..value.len().saturating_sub(after))
                    .unwrap_or(value)
            } else {
                value
            }
        } else {
            value.trim()
        };
        if let Some((_, c)) = naam::stuurteken(value) {
            // Where it is written: the first control character inside the cell (the spaces
            // around an unquoted cell do not count).
            let skip = if quoted {
                0
            } else {
                written.len() - written.trim_start().len()
            };
            let offset = written
                .get(skip..)
                .unwrap_or("")
                .char_indices()
                .find(|(_, ch)| ch.is_control())
                .map_or(at, |(i, _)| at + skip + i);
            cx.error(
                self.pos(offset),
                path(),
                format!("de cel bevat het stuurteken {}", naam::teken(c)),
                Some(
                    "een waarde mag geen stuurtekens (zoals een tab, regelovergang of escape) \
                     bevatten"
                        .into(),
                ),
            );
            return Cel {
                text: String::new(),
                at: at + lead,
                refused: true,
            };
        }
        Cel {
            text: value.to_string(),
            at: at + lead,
            refused: false,
        }
    }
}

/// A place in the text: a byte offset, and the line (from 0) and the start of the line it is on.
#[derive(Debug, Clone, Copy, Default)]
struct Cursor {
    offset: usize,
    line: usize,
    line_start: usize,
}

/// Byte ranges of the fields of the record starting at `start`: each from its first byte up to
/// the separator or line break after it (quote-aware; the record ends at the first line break
/// outside quotes).
fn field_spans(text: &str, start: usize, delim: u8) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = start;
    let mut quoted = false;
    let bytes = text.as_bytes();
    let mut end = bytes.len();
    for (i, b) in bytes.iter().enumerate().skip(start) {
        match *b {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => {
                end = i;
                break;
            }
            d if d == delim && !quoted => {
                out.push((from, i));
                from = i + 1;
            }
            _ => {}
        }
    }
    out.push((from, end.max(from)));
    out
}

/// What is wrong with a cell: the Dutch message and, where obvious, a hint.
pub(super) type CellError = (String, Option<String>);

/// A non-negative-or-negative decimal as written in a cell: digits with at most one decimal
/// separator (`.`, and in a `;`-file also `,`). No exponent, no thousands separators.
pub(super) fn number(cell: &str, semicolon: bool) -> Result<rust_decimal::Decimal, CellError> {
    use crate::decimal::{NumberError, parse_exact};
    if cell.is_empty() {
        return Err(("leeg; vul een getal in".into(), None));
    }
    let (neg, body) = match cell.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, cell),
    };
    let seps = body.chars().filter(|c| matches!(c, '.' | ',')).count();
    let shape_ok = !body.is_empty()
        && seps <= 1
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ','))
        && !body.starts_with(['.', ','])
        && !body.ends_with(['.', ',']);
    if !shape_ok {
        return Err((format!("'{cell}' is geen getal"), None));
    }
    if body.contains(',') && !semicolon {
        return Err((
            format!("'{cell}': gebruik een punt als decimaalteken in een bestand met komma's"),
            Some(format!("schrijf {}", cell.replace(',', "."))),
        ));
    }
    let plain = body.replace(',', ".");
    let value = parse_exact(&plain).map_err(|e| match e {
        NumberError::OutOfRange => (format!("'{cell}' {e}"), None),
        _ => (format!("'{cell}' is geen getal"), None),
    })?;
    if neg && !value.is_zero() {
        return Err((format!("{cell}: mag niet negatief zijn"), None));
    }
    Ok(value)
}

/// A whole number ≥ 0 (`4`, or `4,0` / `4.0` as a spreadsheet may write it).
pub(super) fn count(cell: &str, semicolon: bool) -> Result<u32, CellError> {
    let value = number(cell, semicolon).map_err(|(m, h)| {
        if cell.is_empty() {
            (
                "leeg; vul een aantal in (0 als er niemand of niets was)".into(),
                h,
            )
        } else {
            (m, h)
        }
    })?;
    if !value.fract().is_zero() {
        return Err((format!("{cell}: geen geheel getal"), None));
    }
    rust_decimal::prelude::ToPrimitive::to_u32(&value)
        .ok_or_else(|| (format!("{cell}: te groot"), None))
}

/// The candidate a misspelt `name` most likely meant (small edit distance, ignoring case; names
/// compared in NFC).
pub(super) fn nearest<'a>(
    name: &str,
    candidates: impl Iterator<Item = &'a str>,
) -> Option<&'a str> {
    let lower = naam::sleutel(name).to_lowercase();
    candidates
        .map(|c| {
            let key = naam::sleutel(c).to_lowercase();
            (strsim::damerau_levenshtein(&lower, &key), c)
        })
        .filter(|(d, c)| *d <= 3.max(c.chars().count() / 4) && *d < c.chars().count())
        .min()
        .map(|(_, c)| c)
}

/// Which scenario name a cell names: the `wat` ("groep", "verzekeraar") column of a
/// registrations file, matched in NFC against `sleutels` (the keys of `namen`, in order).
/// The index, or an error at the cell: empty, or unknown with the nearest name (or `zonder`
/// when the scenario has none).
#[allow(clippy::too_many_arguments)] // the cell, what it names and where an error goes
pub(super) fn naam_in<'a>(
    cell: &str,
    wat: &str,
    sleutels: &[std::borrow::Cow<'_, str>],
    namen: impl Iterator<Item = &'a str>,
    zonder: Option<&str>,
    pos: Pos,
    path: &dyn Fn(&str) -> String,
    cx: &mut Cx,
) -> Option<usize> {
    let key = naam::sleutel(cell);
    let found = sleutels.iter().position(|n| *n == key);
    if found.is_none() {
        cx.error_with(
            pos,
            || path(wat),
            || {
                if cell.is_empty() {
                    let m = format!("leeg; vul de naam van de {wat} in zoals in het scenario");
                    return (m, None);
                }
                let hint = match zonder {
                    Some(z) if sleutels.is_empty() => Some(z.to_string()),
                    _ => nearest(cell, namen).map(|n| format!("bedoelde je '{n}'?")),
                };
                (format!("{wat} '{cell}' staat niet in het scenario"), hint)
            },
        );
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    #[test]
    fn numbers_accept_a_decimal_comma_only_in_semicolon_files() {
        assert_eq!(number("1.5", false), Ok(Decimal::new(15, 1)));
        assert_eq!(number("1,5", true), Ok(Decimal::new(15, 1)));
        assert!(number("1,5", false).is_err());
        assert!(number("1e3", false).is_err());
        assert!(number("1.234,5", true).is_err());
        assert!(number("-1", false).is_err());
        assert_eq!(count("4,0", true), Ok(4));
        assert!(count("4.5", false).is_err());
        assert!(count("4294967296", false).is_err());
        assert_eq!(count("4294967295", false), Ok(u32::MAX));
    }

    #[test]
    fn field_spans_skip_quoted_separators() {
        let text = "a,\"b,c\",d\ne";
        assert_eq!(field_spans(text, 0, b','), vec![(0, 1), (2, 7), (8, 9)]);
        assert_eq!(field_spans(text, 10, b','), vec![(10, 11)]);
    }

    fn cells_of(text: &str) -> Vec<String> {
        let mut cx = Cx::default();
        let mut t = Tabel::open(text, "x", &mut cx).expect("a header");
        assert!(!cx.any());
        let row = t.next_row(&mut cx).expect("a row");
        row.cells.into_iter().map(|c| c.text).collect()
    }

    #[test]
    fn positions_are_found_forwards_backwards_and_on_later_lines() {
        let mut cx = Cx::default();
        let text = "ab\ncé,d\n\nx";
        let t = Tabel::open(text, "x", &mut cx).expect("a header");
        let p = |o| {
            let Pos { line, column } = t.pos(o);
            (line, column)
        };
        // "é" is two bytes: the "," at byte 6 is column 3 of line 2.
        assert_eq!(p(6), (2, 3));
        assert_eq!(p(4), (2, 2));
        assert_eq!(p(10), (4, 1));
        assert_eq!(p(0), (1, 1));
        // A line break belongs to the line it ends.
        assert_eq!(p(2), (1, 3));
        assert_eq!(p(99), (4, 2));
    }

    #[test]
    fn quoted_cells_keep_their_spaces_and_unquoted_cells_are_trimmed() {
        assert_eq!(
            cells_of("a,b,c,d\n  Oost  ,\"Oost \",\"Oo\"\"st\" ,\" \"\n"),
            ["Oost", "Oost ", "Oo\"st", " "]
        );
    }
}
