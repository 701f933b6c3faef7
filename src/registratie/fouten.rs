//! The problems found in one registrations file, kept within a fixed bound: the first
//! [`MAX_FOUTEN`] in file order and a count of the rest, so that a large garbage file costs
//! neither millions of lines nor gigabytes. Pure, no I/O.

use crate::scenario::{Diagnostic, Pos, Severity};

/// How many problems of one file are shown; the rest are counted.
pub const MAX_FOUTEN: usize = 100;

/// The problems of one registrations file: the first [`MAX_FOUTEN`] in file order (by line and
/// column; problems at the same place in the order they were found), and how many more there are.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Fouten {
    eerste: Vec<Diagnostic>,
    verder: usize,
}

impl Fouten {
    /// The problems that are shown, in file order.
    pub fn eerste(&self) -> &[Diagnostic] {
        &self.eerste
    }

    /// How many problems there are beyond [`Fouten::eerste`].
    pub fn verder(&self) -> usize {
        self.verder
    }

    /// How many problems there are in all.
    pub fn aantal(&self) -> usize {
        self.eerste.len() + self.verder
    }

    /// The lines to print for the file shown as `file`: every shown problem (a hint on its own
    /// line), then `… en nog N fouten` when there are more, then the total.
    pub fn regels(&self, file: &str) -> Vec<String> {
        let mut out: Vec<String> = self.eerste.iter().map(|d| d.render(file)).collect();
        if self.verder > 0 {
            out.push(format!("{file}: … en nog {}", fouten(self.verder)));
        }
        out.push(format!(
            "{file}: {} gevonden; er is niets berekend",
            fouten(self.aantal())
        ));
        out
    }
}

/// `1 fout`, `2 fouten`, `5.999.900 fouten`.
fn fouten(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 7);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out.push_str(if n == 1 { " fout" } else { " fouten" });
    out
}

/// Collects the problems while a file is read. Memory stays at [`MAX_FOUTEN`] diagnostics
/// whatever the file holds.
#[derive(Default)]
pub(super) struct Cx {
    fouten: Fouten,
    /// The last problem that was only counted, so that one found twice in a row counts once,
    /// as it is shown once.
    laatste: Option<Diagnostic>,
}

impl Cx {
    /// Whether any problem was found.
    pub(super) fn any(&self) -> bool {
        self.fouten.aantal() > 0
    }

    /// Whether a problem at `pos` would only be counted, not shown (so its message need not be
    /// put into words).
    pub(super) fn vol(&self, pos: Pos) -> bool {
        self.fouten.eerste.len() >= MAX_FOUTEN
            && self.fouten.eerste.last().is_some_and(|d| d.pos <= pos)
    }

    /// Records an error at `pos` in field `path`.
    pub(super) fn error(&mut self, pos: Pos, path: String, message: String, hint: Option<String>) {
        self.push(Diagnostic {
            severity: Severity::Fout,
            pos,
            path,
            message,
            hint,
        });
    }

    /// Records an error that is only counted when it cannot be shown: the message is put into
    /// words only when it is.
    pub(super) fn error_with(
        &mut self,
        pos: Pos,
        path: impl FnOnce() -> String,
        message: impl FnOnce() -> (String, Option<String>),
    ) {
        if self.vol(pos) {
            self.fouten.verder += 1;
            self.laatste = None;
            return;
        }
        let (message, hint) = message();
        self.error(pos, path(), message, hint);
    }

    fn push(&mut self, d: Diagnostic) {
        let shown = &mut self.fouten.eerste;
        // After every problem at the same or an earlier place: equal places keep their order.
        let at = shown.partition_point(|e| e.pos <= d.pos);
        // The same problem found twice in a row at one place is one problem.
        let repeat = at.checked_sub(1).and_then(|i| shown.get(i)) == Some(&d);
        if repeat || self.laatste.as_ref() == Some(&d) {
            return;
        }
        if at >= MAX_FOUTEN {
            self.fouten.verder += 1;
            self.laatste = Some(d);
            return;
        }
        shown.insert(at, d);
        if shown.len() > MAX_FOUTEN {
            shown.pop();
            self.fouten.verder += 1;
        }
    }

    /// The problems, or `None` when there are none.
    pub(super) fn finish(self) -> Option<Fouten> {
        self.any().then_some(self.fouten)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: usize, column: usize) -> Pos {
        Pos { line, column }
    }

    #[test]
    fn counts_are_written_with_thousands_dots() {
        assert_eq!(fouten(1), "1 fout");
        assert_eq!(fouten(999), "999 fouten");
        assert_eq!(fouten(1000), "1.000 fouten");
        assert_eq!(fouten(5_999_900), "5.999.900 fouten");
    }

    #[test]
    fn the_first_hundred_by_place_are_kept_in_any_order_of_finding_and_the_rest_counted() {
        let mut cx = Cx::default();
        // Lines 300 down to 2, then one on line 1: the kept ones are lines 1..=100.
        for line in (2..=300).rev() {
            cx.error(at(line, 1), String::new(), format!("r{line}"), None);
        }
        cx.error(at(1, 1), String::new(), "kop".into(), None);
        let f = cx.finish().expect("errors");
        assert_eq!(f.aantal(), 300);
        assert_eq!(f.verder(), 200);
        let lines: Vec<usize> = f.eerste().iter().map(|d| d.pos.line).collect();
        assert_eq!(lines, (1..=100).collect::<Vec<_>>());
    }

    #[test]
    fn problems_at_one_place_keep_their_order_and_a_repeat_in_a_row_counts_once() {
        let mut cx = Cx::default();
        for m in ["a", "a", "b", "a", "c"] {
            cx.error(at(1, 1), String::new(), m.into(), None);
        }
        let f = cx.finish().expect("errors");
        let messages: Vec<&str> = f.eerste().iter().map(|d| d.message.as_str()).collect();
        assert_eq!(messages, ["a", "b", "a", "c"]);
        assert_eq!(f.aantal(), 4);
    }
}
