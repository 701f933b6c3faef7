//! Reading the held meetings (`--bijeenkomsten`) against a scenario. Pure, no I/O.

use std::collections::HashMap;

use rust_decimal::Decimal;

use super::csv::{Row, Tabel, count, naam_in, number};
use super::fouten::{Cx, Fouten};
use super::model::{Bijeenkomst, Datum, MAX_DUUR_UREN};
use super::{eerder, kolom_at, lees, looptijd, vast};
use crate::naam;
use crate::scenario::Scenario;

/// The fixed columns of the meetings file, in their documented order.
pub const BIJEENKOMST_KOLOMMEN: [&str; 4] = ["groep", "datum", "duur_uren", "besproken_patienten"];

/// Reads the held meetings for scenario `s`: `groep,datum,duur_uren,besproken_patienten` and
/// one column per role of `[uurtarieven]`. A role that has participants in some group must
/// have a column; a role without participants anywhere may be left out (it counts as 0).
/// Group names and role columns are matched in NFC.
pub fn read_bijeenkomsten(text: &str, s: &Scenario) -> Result<Vec<Bijeenkomst>, Fouten> {
    let rollen: Vec<&str> = s.uurtarieven.iter().map(|u| &*u.rol).collect();
    let mut allowed: Vec<&str> = BIJEENKOMST_KOLOMMEN.to_vec();
    allowed.extend(&rollen);
    // A role with participants in some group must have a column.
    let nodig = rollen
        .iter()
        .filter(|rol| s.groepen.iter().any(|g| g.aantal(rol) > 0));
    let verplicht = vast(&BIJEENKOMST_KOLOMMEN).chain(nodig.map(|rol| {
        let hint = format!(
            "voeg een kolom '{rol}' toe met het aantal aanwezigen per bijeenkomst (0 als er \
             niemand was): de groepen in het scenario hebben deelnemers met deze rol"
        );
        (*rol, Some(hint))
    }));
    let lezer = Lezer {
        s,
        rollen: &rollen,
        groepen: s.groepen.iter().map(|g| naam::sleutel(&g.naam)).collect(),
    };
    let mut seen: HashMap<(usize, Datum), usize> = HashMap::new();
    lees(
        text,
        "bijeenkomsten",
        &allowed,
        verplicht,
        |t, cols, row, cx| lezer.row(t, cols, row, &mut seen, cx),
    )
}

/// What one record is checked against.
struct Lezer<'a> {
    s: &'a Scenario,
    /// The roles of `[uurtarieven]`, in order.
    rollen: &'a [&'a str],
    /// The NFC form of every group name, in file order.
    groepen: Vec<std::borrow::Cow<'a, str>>,
}

impl Lezer<'_> {
    /// The meeting of `row`, or `None` when a cell is wrong (reported) or missing.
    fn row(
        &self,
        t: &Tabel<'_>,
        cols: &HashMap<&str, usize>,
        row: &Row,
        seen: &mut HashMap<(usize, Datum), usize>,
        cx: &mut Cx,
    ) -> Option<Bijeenkomst> {
        let path = |col: &str| format!("bijeenkomsten[{}].{col}", row.index);
        let cell = |name: &str| cols.get(name).and_then(|&c| row.cell(c));
        let groep = cell("groep").and_then(|(c, at)| self.groep(t, c, at, &path, cx));
        let datum = cell("datum").and_then(|(c, at)| self.datum(t, c, at, groep, &path, cx));
        let duur_uren = cell("duur_uren").and_then(|(c, at)| duur(t, c, at, &path, cx));
        let besproken = cell("besproken_patienten").and_then(|(c, at)| {
            count(c, t.semicolon)
                .map_err(|e| cx.error_with(t.pos(at), || path("besproken_patienten"), || e))
                .ok()
        });
        let mut aanwezig = vec![0u32; self.rollen.len()];
        for (slot, rol) in aanwezig.iter_mut().zip(self.rollen) {
            if let Some((c, at)) = cell(rol) {
                match count(c, t.semicolon) {
                    Ok(n) => *slot = n,
                    Err(e) => cx.error_with(t.pos(at), || path(rol), || e),
                }
            }
        }
        if let (Some(gi), Some(d)) = (groep, datum)
            && let Some(first) = eerder(seen, (gi, d), row.line)
        {
            let at = kolom_at(cols, row, "datum");
            let naam = self.s.groepen.get(gi).map_or("", |g| g.naam.as_str());
            cx.error(
                t.pos(at),
                path("datum"),
                format!("groep '{naam}' heeft op {d} al een bijeenkomst (regel {first})"),
                Some(
                    "staat dezelfde bijeenkomst er twee keer in? Dan wordt hij dubbel betaald"
                        .into(),
                ),
            );
        }
        Some(Bijeenkomst {
            groep: groep?,
            datum: datum?,
            duur_uren: duur_uren?,
            besproken_patienten: besproken?,
            aanwezig,
            regel: row.line,
        })
    }

    /// The group named in `cell` (compared in NFC).
    fn groep(
        &self,
        t: &Tabel<'_>,
        cell: &str,
        at: usize,
        path: &dyn Fn(&str) -> String,
        cx: &mut Cx,
    ) -> Option<usize> {
        let namen = self.s.groepen.iter().map(|g| g.naam.as_str());
        naam_in(
            cell,
            "groep",
            &self.groepen,
            namen,
            None,
            t.pos(at),
            path,
            cx,
        )
    }

    /// The date in `cell`: in the calendar, in the horizon, not before the start of `groep`.
    fn datum(
        &self,
        t: &Tabel<'_>,
        cell: &str,
        at: usize,
        groep: Option<usize>,
        path: &dyn Fn(&str) -> String,
        cx: &mut Cx,
    ) -> Option<Datum> {
        let s = self.s;
        let p = || path("datum");
        match Datum::parse(cell) {
            Err((message, hint)) => {
                cx.error_with(t.pos(at), p, || (message, hint));
                None
            }
            Ok(d) if d.jaar < s.startjaar || d.jaar > s.eindjaar() => {
                let message = format!("{d} valt buiten de looptijd {}", looptijd(s));
                cx.error(t.pos(at), p(), message, None);
                None
            }
            Ok(d) => match groep.and_then(|gi| s.groepen.get(gi)) {
                Some(g) if d.jaar < g.start => {
                    let message = format!(
                        "{d} ligt vóór het startjaar {} van groep '{}'",
                        g.start, g.naam
                    );
                    cx.error(t.pos(at), p(), message, None);
                    None
                }
                _ => Some(d),
            },
        }
    }
}

/// The length of a meeting in `cell`: more than 0, at most [`MAX_DUUR_UREN`] hours.
fn duur(
    t: &Tabel<'_>,
    cell: &str,
    at: usize,
    path: &dyn Fn(&str) -> String,
    cx: &mut Cx,
) -> Option<Decimal> {
    match number(cell, t.semicolon) {
        Err(e) => {
            cx.error_with(t.pos(at), || path("duur_uren"), || e);
            None
        }
        Ok(x) if x <= Decimal::ZERO => {
            let message = format!("{cell}: de duur moet groter dan 0 zijn");
            cx.error(t.pos(at), path("duur_uren"), message, None);
            None
        }
        Ok(x) if x > Decimal::from(MAX_DUUR_UREN) => {
            cx.error(
                t.pos(at),
                path("duur_uren"),
                format!("{cell} uur: een bijeenkomst duurt hoogstens {MAX_DUUR_UREN} uur"),
                Some("de duur staat in uren, bijv. 1.5 voor anderhalf uur".into()),
            );
            None
        }
        Ok(x) => Some(x),
    }
}
