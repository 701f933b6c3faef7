//! The Invoer sheet's tables of the groups: who takes part in each group, its meetings and
//! chair, its coordination and support; one row per group in each. Pure, no I/O.

use rust_decimal::Decimal;
use rust_xlsxwriter::{Worksheet, XlsxError};

use crate::scenario::{Scenario, Werkwijze};

use super::super::opmaak::{Opmaak, abs, as_f64, op, rol_tekst};
use super::{GroepCellen, INVOER, InvoerCellen, kop, teksten};

/// The headings of the groups table: who takes part, and the patients.
pub(super) fn groep_koppen(s: &Scenario) -> Vec<String> {
    let mut koppen: Vec<String> = vec!["Groep".into(), "Start".into(), "Nieuw".into()];
    koppen.extend(
        s.uurtarieven
            .iter()
            .map(|u| format!("Deelnemers {}", rol_tekst(&u.rol))),
    );
    koppen.push("Patiënten per jaar".into());
    koppen
}

/// A column of a table of the groups' werkwijze: its heading and what it shows.
pub(super) struct Veld {
    pub(super) kop: &'static str,
    waarde: Waarde,
}

pub(super) enum Waarde {
    /// A role (fixed, grey).
    Rol(fn(&Werkwijze) -> &str),
    /// A number (an input, blue) and the cell of [`GroepCellen`] that refers to it.
    Getal(
        fn(&Werkwijze) -> Decimal,
        fn(&mut GroepCellen) -> &mut String,
    ),
}

/// The two tables of the groups' werkwijze: the meetings and the chair; coordination and
/// support. Each starts with the group's name in column A.
pub(super) const WERKWIJZE: [(&str, &[Veld]); 2] = [
    (
        "Bijeenkomsten per groep",
        &[
            Veld {
                kop: "Bijeenkomsten per jaar",
                waarde: Waarde::Getal(
                    |w| Decimal::from(w.bijeenkomsten_per_jaar),
                    |g| &mut g.bijeenkomsten,
                ),
            },
            Veld {
                kop: "Duur (uur)",
                waarde: Waarde::Getal(|w| w.duur_uren, |g| &mut g.duur),
            },
            Veld {
                kop: "Voorbereiding (uur)",
                waarde: Waarde::Getal(|w| w.voorbereiding_uren, |g| &mut g.voorbereiding),
            },
            Veld {
                kop: "Reistijd (uur)",
                waarde: Waarde::Getal(|w| w.reistijd_uren, |g| &mut g.reistijd),
            },
            Veld {
                kop: "Voorzitter (rol)",
                waarde: Waarde::Rol(|w| &w.voorzitter_rol),
            },
            Veld {
                kop: "Voorzitter (uur per bijeenkomst)",
                waarde: Waarde::Getal(|w| w.voorzitter_uren, |g| &mut g.voorzitter_uren),
            },
        ],
    ),
    (
        "Coördinatie en ondersteuning per groep",
        &[
            Veld {
                kop: "Coördinatie (rol)",
                waarde: Waarde::Rol(|w| &w.coordinatie_rol),
            },
            Veld {
                kop: "Coördinatie (uur per patiënt)",
                waarde: Waarde::Getal(|w| w.coordinatie_uren_per_patient, |g| &mut g.coordinatie),
            },
            Veld {
                kop: "Telefonische ondersteuning (uur per jaar)",
                waarde: Waarde::Getal(
                    |w| w.telefonische_ondersteuning_uren,
                    |g| &mut g.telefonisch,
                ),
            },
        ],
    ),
];

/// The headings of a table of [`WERKWIJZE`], the group's name first.
pub(super) fn werkwijze_koppen(velden: &[Veld]) -> Vec<&'static str> {
    std::iter::once("Groep")
        .chain(velden.iter().map(|v| v.kop))
        .collect()
}

/// Every group: its start, whether it is new, its participants per role and its patients.
/// Returns the next free row.
pub(super) fn groepen(
    ws: &mut Worksheet,
    s: &Scenario,
    o: &Opmaak,
    mut row: u32,
    c: &mut InvoerCellen,
) -> Result<u32, XlsxError> {
    ws.write_string_with_format(row, 0, "Groepen", &o.sectie)?;
    row += 1;
    let koppen = groep_koppen(s);
    let koppen_ref: Vec<&str> = koppen.iter().map(String::as_str).collect();
    let n_rollen = u16::try_from(s.uurtarieven.len()).unwrap_or(u16::MAX);
    let patienten_kolom = 3 + n_rollen;
    kop(ws, c, row, &koppen_ref, &[0, 2], o)?;
    row += 1;
    let eerste_groep = row;
    let mut groepen = Vec::new();
    for g in &s.groepen {
        teksten(
            ws,
            c,
            row,
            &[(0, &g.naam), (2, if g.nieuw { "ja" } else { "nee" })],
            1,
            o,
        )?;
        ws.write_number_with_format(row, 1, f64::from(g.start), &o.getal_vast)?;
        let mut deelnemers = Vec::new();
        for (ri, u) in s.uurtarieven.iter().enumerate() {
            let col = 3 + u16::try_from(ri).unwrap_or(u16::MAX);
            ws.write_number_with_format(row, col, f64::from(g.aantal(&u.rol)), &o.getal_invoer)?;
            deelnemers.push(op(INVOER, row, col));
        }
        let deelnemers_bereik = if n_rollen == 0 {
            "0".to_string()
        } else {
            format!("{INVOER}!{}:{}", abs(row, 3), abs(row, 3 + n_rollen - 1))
        };
        ws.write_number_with_format(
            row,
            patienten_kolom,
            as_f64(g.werkwijze.patienten_per_jaar),
            &o.getal_invoer,
        )?;
        groepen.push(GroepCellen {
            deelnemers,
            deelnemers_bereik,
            patienten: op(INVOER, row, patienten_kolom),
            ..GroepCellen::default()
        });
        row += 1;
    }
    let laatste_groep = row.saturating_sub(1).max(eerste_groep);
    c.start_bereik = format!(
        "{INVOER}!{}:{}",
        abs(eerste_groep, 1),
        abs(laatste_groep, 1)
    );
    c.patienten_bereik = format!(
        "{INVOER}!{}:{}",
        abs(eerste_groep, patienten_kolom),
        abs(laatste_groep, patienten_kolom)
    );
    c.groepen = groepen;
    Ok(row + 1)
}

/// The groups' werkwijze, in the tables of [`WERKWIJZE`]; fills in the cells of the groups
/// that [`groepen`] made. Returns the next free row.
pub(super) fn werkwijze(
    ws: &mut Worksheet,
    s: &Scenario,
    o: &Opmaak,
    mut row: u32,
    c: &mut InvoerCellen,
) -> Result<u32, XlsxError> {
    for (titel, velden) in WERKWIJZE {
        row = werkwijze_tabel(ws, s, o, row, c, titel, velden)?;
    }
    Ok(row)
}

/// One table of the groups' werkwijze. Returns the next free row.
fn werkwijze_tabel(
    ws: &mut Worksheet,
    s: &Scenario,
    o: &Opmaak,
    mut row: u32,
    c: &mut InvoerCellen,
    titel: &str,
    velden: &[Veld],
) -> Result<u32, XlsxError> {
    ws.write_string_with_format(row, 0, titel, &o.sectie)?;
    row += 1;
    let rollen: Vec<usize> = std::iter::once(0)
        .chain(
            velden
                .iter()
                .enumerate()
                .filter(|(_, v)| matches!(v.waarde, Waarde::Rol(_)))
                .map(|(i, _)| i + 1),
        )
        .collect();
    kop(ws, c, row, &werkwijze_koppen(velden), &rollen, o)?;
    row += 1;
    let mut groepen = std::mem::take(&mut c.groepen);
    for (g, cel) in s.groepen.iter().zip(groepen.iter_mut()) {
        let w = &g.werkwijze;
        let mut teksten_rij: Vec<(u16, String)> = vec![(0, g.naam.to_string())];
        for (i, v) in velden.iter().enumerate() {
            let col = 1 + u16::try_from(i).unwrap_or(u16::MAX - 1);
            match v.waarde {
                Waarde::Rol(rol) => teksten_rij.push((col, rol_tekst(rol(w)))),
                Waarde::Getal(getal, veld) => {
                    ws.write_number_with_format(row, col, as_f64(getal(w)), &o.getal_invoer)?;
                    *veld(cel) = op(INVOER, row, col);
                }
            }
        }
        let teksten_ref: Vec<(u16, &str)> =
            teksten_rij.iter().map(|(k, t)| (*k, t.as_str())).collect();
        teksten(ws, c, row, &teksten_ref, 1, o)?;
        row += 1;
    }
    c.groepen = groepen;
    Ok(row + 1)
}
