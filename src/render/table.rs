//! Tables for people: comfy-table, Dutch labels, amounts as `€ 12.345,67`. Deterministic (no
//! terminal width is read). Pure, no I/O.

use comfy_table::{Cell, CellAlignment, ContentArrangement, Table, presets};
use rust_decimal::Decimal;

use crate::calc::cost::{Kosten, Post};
use crate::decimal::{dutch, euro};
use crate::scenario::Scenario;

/// A new table in the house style.
pub(crate) fn new_table(header: Vec<String>) -> Table {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(header);
    t
}

/// A right-aligned cell.
pub(crate) fn right(text: String) -> Cell {
    Cell::new(text).set_alignment(CellAlignment::Right)
}

/// A row: a label then right-aligned amounts.
pub(crate) fn money_row(label: &str, amounts: impl IntoIterator<Item = Decimal>) -> Vec<Cell> {
    let mut row = vec![Cell::new(label)];
    row.extend(amounts.into_iter().map(|a| right(euro(a))));
    row
}

/// The scenario's heading lines.
pub(crate) fn heading(out: &mut String, title: &str, s: &Scenario) {
    out.push_str(&format!("{title} — {}\n", s.naam));
    let mut facts = Vec::new();
    if let Some(r) = &s.regio {
        facts.push(format!("regio {r}"));
    }
    facts.push(format!("{} verzekerden", dutch(s.verzekerden, 0)));
    facts.push(format!("looptijd {}–{}", s.startjaar, s.eindjaar()));
    if !s.indexatie_percentage.is_zero() {
        facts.push(format!(
            "indexatie {} % per jaar",
            dutch(
                s.indexatie_percentage.normalize(),
                s.indexatie_percentage.normalize().scale()
            )
        ));
    }
    out.push_str(&facts.join(" · "));
    out.push_str("\n\n");
}

fn section(out: &mut String, title: &str, table: &Table) {
    out.push_str(title);
    out.push('\n');
    out.push_str(&table.to_string());
    out.push_str("\n\n");
}

/// `cost`: per post, per role and per group, years as columns, then the financing.
pub fn cost(s: &Scenario, k: &Kosten) -> String {
    let mut out = String::new();
    heading(&mut out, "Kosten", s);
    let mut header: Vec<String> = vec![String::new()];
    header.extend(k.jaren.iter().map(|j| j.jaar.to_string()));
    header.push("Totaal".into());
    let with_label = |label: &str| {
        let mut h = header.clone();
        h[0] = label.to_string();
        h
    };
    // One row: the sum of the lines that `keep` selects, per year and in total.
    let row = |keep: &dyn Fn(&crate::calc::cost::Regel) -> bool| -> Vec<Decimal> {
        let mut v: Vec<Decimal> = k
            .jaren
            .iter()
            .map(|j| super::sum(j.regels.iter().filter(|r| keep(r)).map(|r| r.bedrag)))
            .collect();
        v.push(super::sum(v.clone()));
        v
    };
    let total_row = {
        let mut v: Vec<Decimal> = k.jaren.iter().map(|j| j.totalen.kosten_totaal).collect();
        v.push(k.totaal.kosten_totaal);
        v
    };

    // Per post.
    let mut t = new_table(with_label("Post"));
    for post in Post::ALL {
        if k.jaren
            .iter()
            .any(|j| j.regels.iter().any(|r| r.post == post))
        {
            t.add_row(money_row(post.label(), row(&|r| r.post == post)));
        }
    }
    t.add_row(money_row("Totaal", total_row.clone()));
    section(&mut out, "Kosten per post", &t);

    // Per role.
    let mut t = new_table(with_label("Rol"));
    for u in &s.uurtarieven {
        let rol = u.rol.as_str();
        if k.jaren
            .iter()
            .any(|j| j.regels.iter().any(|r| r.rol.as_deref() == Some(rol)))
        {
            let label = if s.is_elders_gefinancierd(rol) {
                format!("{rol} (elders gefinancierd)")
            } else {
                rol.to_string()
            };
            t.add_row(money_row(&label, row(&|r| r.rol.as_deref() == Some(rol))));
        }
    }
    t.add_row(money_row(
        "Zonder rol (ondersteuning, projectleiding, overhead)",
        row(&|r| r.rol.is_none()),
    ));
    t.add_row(money_row("Totaal", total_row.clone()));
    section(&mut out, "Kosten per rol", &t);

    // Per group.
    let mut t = new_table(with_label("Groep"));
    for (gi, g) in s.groepen.iter().enumerate() {
        let mut label = g.naam.clone();
        if g.nieuw {
            label.push_str(&format!(" (nieuw, start {})", g.start));
        } else if g.start > s.startjaar {
            label.push_str(&format!(" (start {})", g.start));
        }
        t.add_row(money_row(&label, row(&|r| r.groep == Some(gi))));
    }
    t.add_row(money_row(
        "Regionaal (projectleiding, monitoring, overhead)",
        row(&|r| r.groep.is_none()),
    ));
    t.add_row(money_row("Totaal", total_row.clone()));
    section(&mut out, "Kosten per groep", &t);

    // Financing.
    let mut t = new_table(with_label(""));
    let per_year = |f: &dyn Fn(&crate::calc::cost::Totalen) -> Decimal| -> Vec<Decimal> {
        let mut v: Vec<Decimal> = k.jaren.iter().map(|j| f(&j.totalen)).collect();
        v.push(f(&k.totaal));
        v
    };
    t.add_row(money_row("Kosten totaal", per_year(&|t| t.kosten_totaal)));
    t.add_row(money_row(
        "Elders gefinancierd",
        per_year(&|t| t.elders_gefinancierd),
    ));
    t.add_row(money_row(
        "Te financieren via TAPA$",
        per_year(&|t| t.te_financieren),
    ));
    t.add_row(money_row(
        "Kostendekkend tarief per verzekerde",
        per_year(&|t| t.kostendekkend_tarief),
    ));
    section(&mut out, "Financiering", &t);
    out.push_str(&format!(
        "Het kostendekkend tarief is naar boven afgerond op hele centen. In de kolom Totaal staat \
         het vaste tarief per verzekerde per jaar dat de hele looptijd dekt ({} verzekerden × {} jaar).\n",
        dutch(s.verzekerden, 0),
        s.looptijd_jaren
    ));
    out
}
