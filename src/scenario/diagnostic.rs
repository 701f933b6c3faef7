//! Problems and warnings found in a scenario, with their place in the file. Pure, no I/O.

use std::fmt;

/// A line and column (both 1-based, column counted in characters) in the scenario file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Pos {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
}

/// How serious a [`Diagnostic`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The scenario is invalid; nothing is calculated.
    Fout,
    /// The scenario is valid but departs from the PaTz-werkwijze or risks double financing.
    Waarschuwing,
}

/// One problem or warning: where, which field, what, and (where obvious) the fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Line and column in the file (line 0: not at a place in the file, e.g. a `--set`).
    pub pos: Pos,
    /// Field path such as `groep[2].deelnemers.huisarts` (groups counted from 1); empty for the
    /// whole file.
    pub path: String,
    /// Dutch explanation.
    pub message: String,
    /// Dutch suggestion for the fix, if there is an obvious one.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// Renders the diagnostic for `file` as `file:line:column: fout: path: message`, with the hint
    /// on a second line.
    pub fn render(&self, file: &str) -> String {
        let mut out = if self.pos.line == 0 {
            format!("{file}: {self}")
        } else {
            format!("{file}:{}:{}: {self}", self.pos.line, self.pos.column)
        };
        if let Some(hint) = &self.hint {
            out.push_str("\n    hint: ");
            out.push_str(hint);
        }
        out
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Fout => "fout",
            Severity::Waarschuwing => "waarschuwing",
        };
        if self.path.is_empty() {
            write!(f, "{kind}: {}", self.message)
        } else {
            write!(f, "{kind}: {}: {}", self.path, self.message)
        }
    }
}
