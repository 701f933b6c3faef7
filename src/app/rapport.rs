//! The one place that prints messages: every line a command wants the user to read on stderr
//! goes through [`Rapport::meld`], which makes it safe for a terminal (control characters shown
//! as visible escapes through [`naam::zichtbaar`]), and the exit status is gathered here from
//! what happened. Writes only to the writer it is given (stderr in the binary, a buffer in tests).

use std::io::Write;

use patz_calc::naam;
use patz_calc::scenario::Diagnostic;

/// One message for stderr: one or more lines (a message and its hint). Each line is shown as
/// one line, whatever it holds: a newline in a file path cannot forge a second message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Melding(Vec<String>);

impl Melding {
    /// A message of one line, as given.
    pub(crate) fn regel(tekst: impl Into<String>) -> Melding {
        Melding(vec![tekst.into()])
    }

    /// `fout: <tekst>`.
    pub(crate) fn fout(tekst: impl std::fmt::Display) -> Melding {
        Melding::regel(format!("fout: {tekst}"))
    }

    /// Adds a `    hint: …` line.
    pub(crate) fn hint(mut self, hint: impl std::fmt::Display) -> Melding {
        self.0.push(format!("    hint: {hint}"));
        self
    }

    /// Adds a line as it is.
    pub(crate) fn plus(mut self, regel: impl Into<String>) -> Melding {
        self.0.push(regel.into());
        self
    }

    /// A scenario's error or warning for `bestand`: `bestand:line:column: fout: path: message`,
    /// with its hint on a line of its own.
    pub(crate) fn diagnose(d: &Diagnostic, bestand: &str) -> Melding {
        let kop = Diagnostic {
            hint: None,
            ..d.clone()
        }
        .render(bestand);
        let m = Melding::regel(kop);
        match &d.hint {
            Some(h) => m.hint(h),
            None => m,
        }
    }

    /// Text made by the program itself, one message line per line of the text.
    pub(crate) fn tekst(tekst: &str) -> Melding {
        Melding(tekst.lines().map(str::to_string).collect())
    }

    /// The message with `voor` before its first line (e.g. `PAD=WAARDE: ` in a sweep).
    pub(crate) fn voor(mut self, voor: &str) -> Melding {
        if let Some(first) = self.0.first_mut() {
            first.insert_str(0, voor);
        }
        self
    }

    /// The lines, as written (before escaping).
    #[cfg(test)]
    pub(crate) fn regels(&self) -> &[String] {
        &self.0
    }
}

/// How a run ended, from best to worst; the exit status is the worst that happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Status {
    /// Exit 0 (warnings possible).
    Gelukt,
    /// Exit 3: output was written, but an expectation of the scenario was not met.
    Gemist,
    /// Exit 2: invalid input or usage.
    Ongeldig,
    /// Exit 1: anything else (writing output).
    Fout,
}

impl Status {
    /// The process exit status.
    pub(crate) fn code(self) -> u8 {
        match self {
            Status::Gelukt => 0,
            Status::Fout => 1,
            Status::Ongeldig => 2,
            Status::Gemist => 3,
        }
    }
}

/// Why a command stopped early. The messages are not printed yet: [`Rapport::sluit`] does.
#[derive(Debug)]
pub(crate) enum Fout {
    /// Invalid input or usage (exit 2), with the messages that say why (possibly none, when
    /// they were printed already).
    Ongeldig(Vec<Melding>),
    /// Anything else (exit 1), printed as `fout: …` with its causes.
    Anders(anyhow::Error),
}

impl Fout {
    /// Invalid input or usage, explained by one message.
    pub(crate) fn ongeldig(m: Melding) -> Fout {
        Fout::Ongeldig(vec![m])
    }
}

impl From<anyhow::Error> for Fout {
    fn from(e: anyhow::Error) -> Self {
        Fout::Anders(e)
    }
}

/// Prints messages and gathers the exit status.
pub(crate) struct Rapport<E: Write> {
    err: E,
    status: Status,
}

impl<E: Write> Rapport<E> {
    /// A report printing to `err`.
    pub(crate) fn new(err: E) -> Self {
        Rapport {
            err,
            status: Status::Gelukt,
        }
    }

    /// Prints `m`, each line made safe for a terminal. A failing stderr is ignored: there is
    /// nowhere left to say so.
    pub(crate) fn meld(&mut self, m: &Melding) {
        for line in &m.0 {
            let _ = writeln!(self.err, "{}", naam::zichtbaar(line));
        }
    }

    /// Prints every message, in order.
    pub(crate) fn meld_alle<'m>(&mut self, ms: impl IntoIterator<Item = &'m Melding>) {
        for m in ms {
            self.meld(m);
        }
    }

    /// Records that the run ends at least as badly as `s`.
    pub(crate) fn markeer(&mut self, s: Status) {
        self.status = self.status.max(s);
    }

    /// Prints why `f` stopped the command and records its status; for a command that goes on
    /// with the next file (check, compare).
    pub(crate) fn toon(&mut self, f: Fout) {
        match f {
            Fout::Ongeldig(ms) => {
                self.meld_alle(&ms);
                self.markeer(Status::Ongeldig);
            }
            Fout::Anders(e) => {
                self.meld(&Melding::fout(format!("{e:#}")));
                self.markeer(Status::Fout);
            }
        }
    }

    /// The end of a run: prints why it stopped (if it did) and gives the exit status.
    pub(crate) fn sluit(mut self, uitkomst: Result<(), Fout>) -> Status {
        if let Err(f) = uitkomst {
            self.toon(f);
        }
        let _ = self.err.flush();
        self.status
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use patz_calc::scenario::{Pos, Severity};

    fn printed(f: impl FnOnce(&mut Rapport<&mut Vec<u8>>) -> Result<(), Fout>) -> (String, u8) {
        let mut buf = Vec::new();
        let mut r = Rapport::new(&mut buf);
        let uitkomst = f(&mut r);
        let status = r.sluit(uitkomst);
        (String::from_utf8(buf).unwrap(), status.code())
    }

    #[test]
    fn a_newline_in_a_path_cannot_forge_a_second_message_line() {
        let (text, code) = printed(|r| {
            r.meld(&Melding::regel("x\nfout: vervalst.toml:1:1: nep: niets"));
            Ok(())
        });
        assert_eq!(text, "x\\nfout: vervalst.toml:1:1: nep: niets\n");
        assert_eq!(code, 0);
    }

    #[test]
    fn an_escape_sequence_in_a_value_never_reaches_the_terminal() {
        let (text, _) = printed(|_| {
            Err(Fout::ongeldig(Melding::fout(
                "--groep 'Oost\u{1b}[2J' bestaat niet",
            )))
        });
        assert_eq!(text, "fout: --groep 'Oost\\u{1b}[2J' bestaat niet\n");
    }

    #[test]
    fn a_diagnostic_keeps_its_hint_on_a_line_of_its_own_and_escapes_the_file_name() {
        let d = Diagnostic {
            severity: Severity::Fout,
            pos: Pos { line: 3, column: 7 },
            path: "uurtarieven.huisarts".into(),
            message: "moet een getal zijn".into(),
            hint: Some("schrijf 120".into()),
        };
        let m = Melding::diagnose(&d, "a\nb.toml");
        assert_eq!(
            m.regels(),
            [
                "a\nb.toml:3:7: fout: uurtarieven.huisarts: moet een getal zijn",
                "    hint: schrijf 120"
            ]
        );
        let (text, _) = printed(|r| {
            r.meld(&m);
            Ok(())
        });
        assert_eq!(
            text,
            "a\\nb.toml:3:7: fout: uurtarieven.huisarts: moet een getal zijn\n    hint: schrijf 120\n"
        );
    }

    #[test]
    fn invalid_input_wins_over_a_missed_expectation_and_a_write_error_over_both() {
        let (_, code) = printed(|r| {
            r.markeer(Status::Gemist);
            r.markeer(Status::Ongeldig);
            r.markeer(Status::Gemist);
            Ok(())
        });
        assert_eq!(code, 2);
        let (_, code) = printed(|r| {
            r.markeer(Status::Gemist);
            Ok(())
        });
        assert_eq!(code, 3);
        let (text, code) = printed(|r| {
            r.markeer(Status::Ongeldig);
            Err(anyhow::anyhow!("uit.csv: schrijven mislukt").into())
        });
        assert_eq!(
            (text.as_str(), code),
            ("fout: uit.csv: schrijven mislukt\n", 1)
        );
    }

    #[test]
    fn a_usage_error_prints_its_messages_in_order_and_exits_2() {
        let (text, code) = printed(|r| {
            r.meld(&Melding::regel("a.toml:1:1: waarschuwing: eerst"));
            Err(Fout::Ongeldig(vec![
                Melding::fout("één").hint("twee"),
                Melding::fout("drie"),
            ]))
        });
        assert_eq!(
            text,
            "a.toml:1:1: waarschuwing: eerst\nfout: één\n    hint: twee\nfout: drie\n"
        );
        assert_eq!(code, 2);
    }
}
