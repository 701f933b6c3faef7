//! The period a payment list covers, always stated and never guessed from the meeting dates
//! alone. Pure, no I/O.
//!
//! - `--per jaar` pays whole calendar years: from the first year with a registered meeting
//!   through the last one.
//! - `--per kwartaal` pays from the first quarter of the first year with a registered meeting
//!   through the last quarter with a registered meeting.
//! - `--tot DATUM` ends the period on that day instead: the last day of a quarter (per
//!   kwartaal) or of a year (per jaar), inside the horizon.
//! - Without registrations the list follows the plan over the whole horizon (or through
//!   `--tot`).
//!
//! Phone support (not registered) is paid for every quarter of the period in which a group is
//! active; meetings after the end of the period are not in the list.

use std::fmt;

use super::{Bron, Per};
use crate::registratie::model::Datum;
use crate::scenario::Scenario;

/// A quarter of a calendar year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Kwartaal {
    /// Calendar year.
    pub jaar: i32,
    /// 1..=4.
    pub kwartaal: u32,
}

/// Why a period ends where it ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Einde {
    /// The plan: the last year of the horizon.
    Looptijd,
    /// `--per jaar`: the end of the last year with a registered meeting.
    HeleJaren,
    /// `--per kwartaal`: the end of the last quarter with a registered meeting.
    LaatsteKwartaal,
    /// `--tot DATUM`.
    Tot,
}

impl Einde {
    /// The code in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Einde::Looptijd => "looptijd",
            Einde::HeleJaren => "hele_jaren",
            Einde::LaatsteKwartaal => "laatste_kwartaal",
            Einde::Tot => "tot",
        }
    }

    /// Why, in Dutch words.
    pub fn uitleg(self) -> &'static str {
        match self {
            Einde::Looptijd => "de looptijd van het scenario",
            Einde::HeleJaren => {
                "hele kalenderjaren, tot en met het laatste jaar met een bijeenkomst"
            }
            Einde::LaatsteKwartaal => {
                "tot en met het laatste kwartaal met een bijeenkomst; geef --tot om verder te \
                 betalen"
            }
            Einde::Tot => "tot en met de datum van --tot",
        }
    }
}

/// The period of a payment list: whole quarters from 1 January of `van` through the last day
/// of `tot`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tijdvak {
    /// The first year (the period starts on its 1 January).
    pub van: i32,
    /// The last quarter.
    pub tot: Kwartaal,
    /// Why it ends there.
    pub einde: Einde,
}

impl Tijdvak {
    /// The first day.
    pub fn begin(&self) -> Datum {
        Datum::begin_kwartaal(self.van, 1)
    }

    /// The last day.
    pub fn eind(&self) -> Datum {
        Datum::einde_kwartaal(self.tot.jaar, self.tot.kwartaal)
    }

    /// How many quarters of `jaar`, counted from the first, lie in the period (0..=4).
    pub fn kwartalen(&self, jaar: i32) -> u32 {
        if jaar < self.van || jaar > self.tot.jaar {
            0
        } else if jaar == self.tot.jaar {
            self.tot.kwartaal
        } else {
            4
        }
    }

    /// Whether day `d` lies in the period.
    pub fn bevat(&self, d: Datum) -> bool {
        self.begin() <= d && d <= self.eind()
    }
}

impl fmt::Display for Tijdvak {
    /// `2026-01-01 t/m 2026-09-30 (…why…)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} t/m {} ({})",
            self.begin(),
            self.eind(),
            self.einde.uitleg()
        )
    }
}

/// A `--tot` that cannot end a payment list: the Dutch message and a hint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TotFout {
    /// What is wrong.
    pub message: String,
    /// How to write it.
    pub hint: Option<String>,
}

/// The period of the payment list for `bron` and `per`, ending at `tot` (the text of `--tot`)
/// when given. `Ok(None)`: there is nothing to pay (no meeting registered).
pub fn tijdvak(
    s: &Scenario,
    bron: Bron<'_>,
    per: Per,
    tot: Option<&str>,
) -> Result<Option<Tijdvak>, TotFout> {
    let tot = tot.map(|t| einddatum(s, per, t)).transpose()?;
    let (van, laatste) = match bron {
        Bron::Plan => (
            s.startjaar,
            Kwartaal {
                jaar: s.eindjaar(),
                kwartaal: 4,
            },
        ),
        Bron::Registraties(r) => {
            let dates = r.iter().map(|b| b.datum);
            let (Some(first), Some(last)) = (dates.clone().min(), dates.max()) else {
                return Ok(None);
            };
            let kwartaal = match per {
                Per::Jaar => 4,
                Per::Kwartaal => last.kwartaal(),
            };
            (
                first.jaar,
                Kwartaal {
                    jaar: last.jaar,
                    kwartaal,
                },
            )
        }
    };
    let einde = match (bron, per) {
        (Bron::Plan, _) => Einde::Looptijd,
        (_, Per::Jaar) => Einde::HeleJaren,
        (_, Per::Kwartaal) => Einde::LaatsteKwartaal,
    };
    let Some(tot) = tot else {
        return Ok(Some(Tijdvak {
            van,
            tot: laatste,
            einde,
        }));
    };
    let q = Kwartaal {
        jaar: tot.jaar,
        kwartaal: tot.kwartaal(),
    };
    if q.jaar < van {
        return Err(TotFout {
            message: format!(
                "{tot} ligt vóór het begin van de betaallijst ({})",
                Datum::begin_kwartaal(van, 1)
            ),
            hint: Some(
                "de lijst begint in het eerste jaar met een geregistreerde bijeenkomst".into(),
            ),
        });
    }
    Ok(Some(Tijdvak {
        van,
        tot: q,
        einde: Einde::Tot,
    }))
}

/// `--tot` as a day that can end a payment list `per` quarter or year, inside the horizon.
fn einddatum(s: &Scenario, per: Per, text: &str) -> Result<Datum, TotFout> {
    let d = Datum::parse(text).map_err(|(message, hint)| TotFout { message, hint })?;
    if d.jaar < s.startjaar || d.jaar > s.eindjaar() {
        return Err(TotFout {
            message: if s.startjaar == s.eindjaar() {
                format!(
                    "{d} valt buiten de looptijd {} van het scenario",
                    s.startjaar
                )
            } else {
                format!(
                    "{d} valt buiten de looptijd {}–{} van het scenario",
                    s.startjaar,
                    s.eindjaar()
                )
            },
            hint: None,
        });
    }
    let end_of_quarter = d == Datum::einde_kwartaal(d.jaar, d.kwartaal());
    match per {
        Per::Jaar if d != Datum::einde_kwartaal(d.jaar, 4) => Err(TotFout {
            message: format!("{d} is niet de laatste dag van een jaar"),
            hint: Some(format!(
                "--per jaar betaalt hele kalenderjaren: geef {}-12-31, of kies --per kwartaal",
                d.jaar
            )),
        }),
        Per::Kwartaal if !end_of_quarter => Err(TotFout {
            message: format!("{d} is niet de laatste dag van een kwartaal"),
            hint: Some(format!(
                "een betaallijst per kwartaal loopt tot het einde van een kwartaal: {} of {}",
                vorig_kwartaal_einde(d),
                Datum::einde_kwartaal(d.jaar, d.kwartaal())
            )),
        }),
        _ => Ok(d),
    }
}

/// The last day of the quarter before the one of `d`.
fn vorig_kwartaal_einde(d: Datum) -> Datum {
    match d.kwartaal() {
        1 => Datum::einde_kwartaal(d.jaar - 1, 4),
        k => Datum::einde_kwartaal(d.jaar, k - 1),
    }
}
