//! The registrations as the calculation sees them: held meetings and observed indicators, each
//! already checked against the scenario. Pure, no I/O; reading them from CSV is
//! [`super::read_bijeenkomsten`] and [`super::read_indicatoren`].

use std::fmt;

use rust_decimal::Decimal;

use crate::scenario::{IndicatorId, Scenario};

/// The longest meeting that is accepted, in hours.
pub const MAX_DUUR_UREN: u32 = 24;

/// A calendar day, written `JJJJ-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Datum {
    /// Year.
    pub jaar: i32,
    /// Month, 1..=12.
    pub maand: u32,
    /// Day of the month, from 1.
    pub dag: u32,
}

impl Datum {
    /// Reads an ISO date `JJJJ-MM-DD` that exists in the calendar. On failure: the Dutch message
    /// and, where obvious, a hint.
    pub fn parse(text: &str) -> Result<Datum, (String, Option<String>)> {
        let parts: Vec<&str> = text.split(['-', '/', '.']).collect();
        let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
        let iso = match parts.as_slice() {
            [y, m, d] => {
                text.len() == 10
                    && text.as_bytes().get(4) == Some(&b'-')
                    && text.as_bytes().get(7) == Some(&b'-')
                    && [y, m, d].iter().all(|p| digits(p))
                    && y.len() == 4
            }
            _ => false,
        };
        if !iso {
            // A Dutch date (12-03-2026, 12/3/2026) is the likely mistake: say how to write it.
            let hint = match parts.as_slice() {
                [d, m, y]
                    if digits(d) && digits(m) && digits(y) && y.len() == 4 && d.len() <= 2 =>
                {
                    Some(format!(
                        "schrijf de datum als JJJJ-MM-DD, bijv. {y}-{m:0>2}-{d:0>2}"
                    ))
                }
                _ => Some("schrijf de datum als JJJJ-MM-DD, bijv. 2026-03-12".to_string()),
            };
            return Err((
                format!("'{text}' is geen datum in de vorm JJJJ-MM-DD"),
                hint,
            ));
        }
        let num = |i: usize| {
            parts
                .get(i)
                .and_then(|s| s.parse::<u32>().ok())
                .unwrap_or(0)
        };
        let jaar = i32::try_from(num(0)).unwrap_or(0);
        let (maand, dag) = (num(1), num(2));
        if !(1..=12).contains(&maand) || dag == 0 || dag > dagen_in_maand(jaar, maand) {
            return Err((format!("'{text}' bestaat niet in de kalender"), None));
        }
        Ok(Datum { jaar, maand, dag })
    }

    /// The quarter of the year, 1..=4.
    pub fn kwartaal(self) -> u32 {
        (self.maand.clamp(1, 12) - 1) / 3 + 1
    }

    /// The last day of quarter `kwartaal` (1..=4) of `jaar`.
    pub fn einde_kwartaal(jaar: i32, kwartaal: u32) -> Datum {
        let maand = kwartaal.clamp(1, 4) * 3;
        Datum {
            jaar,
            maand,
            dag: dagen_in_maand(jaar, maand),
        }
    }

    /// The first day of quarter `kwartaal` (1..=4) of `jaar`.
    pub fn begin_kwartaal(jaar: i32, kwartaal: u32) -> Datum {
        Datum {
            jaar,
            maand: (kwartaal.clamp(1, 4) - 1) * 3 + 1,
            dag: 1,
        }
    }
}

impl fmt::Display for Datum {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.jaar, self.maand, self.dag)
    }
}

fn dagen_in_maand(jaar: i32, maand: u32) -> u32 {
    match maand {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if jaar % 4 == 0 && (jaar % 100 != 0 || jaar % 400 == 0) => 29,
        2 => 28,
        _ => 0,
    }
}

/// One held meeting of a group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bijeenkomst {
    /// Index into [`Scenario::groepen`].
    pub groep: usize,
    /// The day it was held (inside the horizon, not before the group's start year).
    pub datum: Datum,
    /// Its length in hours (> 0, at most [`MAX_DUUR_UREN`]).
    pub duur_uren: Decimal,
    /// Patients discussed.
    pub besproken_patienten: u32,
    /// Number present per role, in the order of [`Scenario::uurtarieven`] (0 for a role without
    /// a column).
    pub aanwezig: Vec<u32>,
    /// The line of the record in the file.
    pub regel: usize,
}

impl Bijeenkomst {
    /// Number present of `rol` (0 when the scenario has no such role).
    pub fn aanwezig(&self, s: &Scenario, rol: &str) -> u32 {
        s.uurtarieven
            .iter()
            .position(|u| &*u.rol == rol)
            .and_then(|i| self.aanwezig.get(i))
            .copied()
            .unwrap_or(0)
    }
}

/// One observed indicator in one year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Waarneming {
    /// Year (inside the horizon).
    pub jaar: i32,
    /// Which indicator.
    pub indicator: IndicatorId,
    /// Deceased patients observed (> 0); for `chemotherapie` all deceased patients, not only
    /// those with cancer.
    pub overleden_patienten: u32,
    /// Of those, the patients with this indicator (at most `overleden_patienten`).
    pub gevallen: u32,
    /// The line of the record in the file.
    pub regel: usize,
}

/// One insured count reported by an insurer: its insured registered with the region's
/// practices in one quarter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Telling {
    /// Index into [`Scenario::verzekeraars`].
    pub verzekeraar: usize,
    /// Year (inside the horizon).
    pub jaar: i32,
    /// Quarter, 1..=4.
    pub kwartaal: u32,
    /// The count (at most [`super::MAX_VERZEKERDEN`]).
    pub verzekerden: u64,
    /// The line of the record in the file.
    pub regel: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_iso_and_must_exist_in_the_calendar() {
        assert_eq!(
            Datum::parse("2028-02-29"),
            Ok(Datum {
                jaar: 2028,
                maand: 2,
                dag: 29
            })
        );
        assert!(Datum::parse("2026-02-29").is_err());
        assert!(Datum::parse("2100-02-29").is_err());
        assert!(Datum::parse("2000-02-29").is_ok());
        assert!(Datum::parse("2026-04-31").is_err());
        assert!(Datum::parse("2026-13-01").is_err());
        assert!(Datum::parse("2026-3-12").is_err());
        let (_, hint) = Datum::parse("12-3-2026").unwrap_err();
        assert_eq!(
            hint.as_deref(),
            Some("schrijf de datum als JJJJ-MM-DD, bijv. 2026-03-12")
        );
    }

    #[test]
    fn quarters_follow_the_months() {
        let q = |m| {
            Datum {
                jaar: 2026,
                maand: m,
                dag: 1,
            }
            .kwartaal()
        };
        assert_eq!(
            [q(1), q(3), q(4), q(6), q(7), q(9), q(10), q(12)],
            [1, 1, 2, 2, 3, 3, 4, 4]
        );
    }

    #[test]
    fn quarters_begin_and_end_on_their_calendar_days() {
        assert_eq!(Datum::einde_kwartaal(2026, 1).to_string(), "2026-03-31");
        assert_eq!(Datum::einde_kwartaal(2026, 2).to_string(), "2026-06-30");
        assert_eq!(Datum::einde_kwartaal(2026, 3).to_string(), "2026-09-30");
        assert_eq!(Datum::einde_kwartaal(2026, 4).to_string(), "2026-12-31");
        assert_eq!(Datum::begin_kwartaal(2026, 3).to_string(), "2026-07-01");
    }
}
