//! The Invoer sheet's blocks for the contract talk: own cost posts, what is financed elsewhere
//! (with the answered reminders) and contributions from other sources. Pure, no I/O.

use rust_xlsxwriter::{Worksheet, XlsxError};

use crate::calc::cost::Post;
use crate::scenario::{EldersDoel, Scenario};

use super::super::opmaak::{Opmaak, as_f64, op, rol_tekst};
use super::{INVOER, InvoerCellen, tabel_kop, tekst_over, teksten};

/// `2026, 2027` or `2026–2028`: years as a person writes them.
fn jaren_tekst(jaren: &[i32]) -> String {
    let aaneen = jaren.windows(2).all(|w| w[1] == w[0] + 1);
    match (jaren.first(), jaren.last()) {
        (Some(a), Some(b)) if aaneen && jaren.len() > 2 => format!("{a}–{b}"),
        _ => jaren
            .iter()
            .map(i32::to_string)
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// The `[[kostenpost]]`s: name, amount (an input), unit, years and source. Returns the next
/// free row.
pub(super) fn kostenposten(
    ws: &mut Worksheet,
    s: &Scenario,
    o: &Opmaak,
    mut row: u32,
    c: &mut InvoerCellen,
) -> Result<u32, XlsxError> {
    if s.kostenposten.is_empty() {
        return Ok(row);
    }
    row = tabel_kop(
        ws,
        c,
        row,
        "Eigen kostenposten",
        &["Kostenpost", "Bedrag (geïndexeerd)", "Per", "Jaren", "Bron"],
        &[0, 2, 3, 4],
        o,
    )?;
    for (i, k) in s.kostenposten.iter().enumerate() {
        let post = Post::Kostenpost(u16::try_from(i).unwrap_or(u16::MAX));
        let naam = super::super::opmaak::post_tekst(s, post);
        ws.write_number_with_format(row, 1, as_f64(k.bedrag), &o.euro_invoer)?;
        let per = match k.per {
            crate::scenario::KostenpostPer::Jaar => "jaar (regio)",
            crate::scenario::KostenpostPer::Groep => "actieve groep per jaar",
            crate::scenario::KostenpostPer::Bijeenkomst => "bijeenkomst",
        };
        let regels = match &k.bron {
            Some(bron) => tekst_over(ws, c, row, (4, c.laatste_kolom()), bron, o)?,
            None => 1,
        };
        teksten(
            ws,
            c,
            row,
            &[(0, naam.as_ref()), (2, per), (3, &jaren_tekst(&k.jaren))],
            regels,
            o,
        )?;
        c.kostenpost.push(op(INVOER, row, 1));
        row += 1;
    }
    Ok(row + 1)
}

/// What is financed elsewhere: per rule the role or post, the percentage (an input where the
/// line is split, so that the parts follow a changed percentage), the years and the financier;
/// then every answered reminder with what was checked. Returns the next free row.
pub(super) fn elders(
    ws: &mut Worksheet,
    s: &Scenario,
    o: &Opmaak,
    mut row: u32,
    c: &mut InvoerCellen,
) -> Result<u32, XlsxError> {
    if !s.financiering_elders.is_empty() {
        row = tabel_kop(
            ws,
            c,
            row,
            "Elders gefinancierd",
            &[
                "Rol of post",
                "Deel elders (%)",
                "Vanaf",
                "Tot en met",
                "Financier",
            ],
            &[0, 4],
            o,
        )?;
        let (eerste, laatste) = (
            s.startjaar,
            s.startjaar + i32::try_from(s.looptijd_jaren).unwrap_or(1) - 1,
        );
        for e in &s.financiering_elders {
            let wat = match &e.doel {
                EldersDoel::Rol(r) => rol_tekst(r),
                EldersDoel::Post(p) => Post::parse_in(p, s)
                    .map_or_else(|| p.clone(), |post| post.label_in(s).to_string()),
            };
            // A whole line stays one row, so its percentage is fixed; a split one is an input.
            let fmt = if e.geheel() {
                &o.getal_vast
            } else {
                &o.getal_invoer
            };
            ws.write_number_with_format(row, 1, as_f64(e.percentage), fmt)?;
            let vanaf = e.vanaf.unwrap_or(eerste);
            let tot = e.tot_en_met.unwrap_or(laatste);
            ws.write_number_with_format(row, 2, f64::from(vanaf), &o.getal_vast)?;
            ws.write_number_with_format(row, 3, f64::from(tot), &o.getal_vast)?;
            let regels = tekst_over(ws, c, row, (4, c.laatste_kolom()), &e.financier, o)?;
            teksten(ws, c, row, &[(0, &wat)], regels, o)?;
            c.elders_percentage.push(op(INVOER, row, 1));
            row += 1;
        }
        row += 1;
    }
    if !s.nagegaan.is_empty() {
        row = tabel_kop(
            ws,
            c,
            row,
            "Nagegaan: geen dubbele financiering",
            &["Rol", "Wat is nagegaan"],
            &[0, 1],
            o,
        )?;
        for n in &s.nagegaan {
            let regels = tekst_over(ws, c, row, (1, c.laatste_kolom()), &n.toelichting, o)?;
            teksten(ws, c, row, &[(0, &rol_tekst(&n.rol))], regels, o)?;
            row += 1;
        }
        row += 1;
    }
    Ok(row)
}

/// The `[[bijdrage]]`s: name, year, amount (an input) and financier. Returns the next free row.
pub(super) fn bijdragen(
    ws: &mut Worksheet,
    s: &Scenario,
    o: &Opmaak,
    mut row: u32,
    c: &mut InvoerCellen,
) -> Result<u32, XlsxError> {
    if s.bijdragen.is_empty() {
        return Ok(row);
    }
    row = tabel_kop(
        ws,
        c,
        row,
        "Bijdragen uit andere bronnen",
        &["Bijdrage", "Bedrag", "Jaar", "Financier"],
        &[0, 3],
        o,
    )?;
    for b in &s.bijdragen {
        ws.write_number_with_format(row, 1, as_f64(b.bedrag), &o.euro_invoer)?;
        ws.write_number_with_format(row, 2, f64::from(b.jaar), &o.getal_vast)?;
        let regels = tekst_over(ws, c, row, (3, c.laatste_kolom()), &b.financier, o)?;
        teksten(ws, c, row, &[(0, &b.naam)], regels, o)?;
        c.bijdragen.push((b.jaar, op(INVOER, row, 1)));
        row += 1;
    }
    Ok(row + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_in_a_row_are_a_range_and_others_a_list() {
        assert_eq!(jaren_tekst(&[2026, 2027, 2028]), "2026–2028");
        assert_eq!(jaren_tekst(&[2026, 2027]), "2026, 2027");
        assert_eq!(jaren_tekst(&[2026, 2028]), "2026, 2028");
        assert_eq!(jaren_tekst(&[]), "");
    }
}
