//! Tables for people: comfy-table, Dutch labels, amounts as `€ 12.345,67`. Deterministic: every
//! table is drawn at its natural width (no terminal width is read here); [`passend`] lays the
//! output out again for a terminal of a given width. Pure, no I/O.

use comfy_table::{Cell, CellAlignment, ContentArrangement, Row, Table, presets};
use rust_decimal::Decimal;

use crate::calc::businesscase::{BusinessCase, Saldo};
use crate::calc::cost::{Kosten, Post, Totalen};
use crate::calc::financiering::DubbeleFinanciering;
use crate::calc::impact::{ImpactResultaat, IndicatorJaar};
use crate::calc::offers::Aanbiedingen;
use crate::calc::overzicht::{Subtotaal, overzicht, per_post, tekort_als_enige};
use crate::decimal::{dutch, euro};
use crate::scenario::{Groep, Scenario};

pub mod passend;

pub use passend::passend;

/// A new table in the house style.
pub(crate) fn new_table(header: impl Into<Row>) -> Table {
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
    match &s.verzekerden_per_jaar {
        Some(per_jaar) if s.verzekerden_verschillen() => facts.push(format!(
            "verzekerden per jaar {}",
            per_jaar
                .iter()
                .map(|v| dutch(*v, 0))
                .collect::<Vec<_>>()
                .join(" / ")
        )),
        _ => facts.push(format!("{} verzekerden", dutch(s.verzekerden, 0))),
    }
    if s.looptijd_jaren == 1 {
        facts.push(format!("looptijd {}", s.startjaar));
    } else {
        facts.push(format!("looptijd {}–{}", s.startjaar, s.eindjaar()));
    }
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

pub(crate) fn section(out: &mut String, title: &str, table: &Table) {
    out.push_str(title);
    out.push('\n');
    out.push_str(&table.to_string());
    out.push_str("\n\n");
}

/// A table with a label column, one column per year of the horizon and a last column.
pub(crate) struct YearTable<'k> {
    kosten: &'k Kosten,
    table: Table,
}

impl<'k> YearTable<'k> {
    pub(crate) fn new(kosten: &'k Kosten, label: &str, last: &str) -> Self {
        let mut header = vec![label.to_string()];
        header.extend(kosten.jaren.iter().map(|j| j.jaar.to_string()));
        header.push(last.to_string());
        YearTable {
            kosten,
            table: new_table(header),
        }
    }

    /// A row of amounts: one per year, then the given last value.
    pub(crate) fn row(&mut self, label: &str, per_year: Vec<Decimal>, last: Decimal) {
        let mut v = per_year;
        v.push(last);
        self.table.add_row(money_row(label, v));
    }

    /// A row of cells already formatted.
    pub(crate) fn text_row(&mut self, label: &str, cells: Vec<String>) {
        let mut row = vec![Cell::new(label)];
        row.extend(cells.into_iter().map(right));
        self.table.add_row(row);
    }

    /// A row of a subtotal, per year and in total.
    fn subtotal(&mut self, label: &str, t: &Subtotaal) {
        self.row(label, t.per_jaar.clone(), t.totaal);
    }

    /// A row of one of the four totals.
    pub(crate) fn totals(&mut self, label: &str, f: fn(&Totalen) -> Decimal) {
        let v = self.kosten.jaren.iter().map(|j| f(&j.totalen)).collect();
        self.row(label, v, f(&self.kosten.totaal));
    }

    pub(crate) fn finish(self, out: &mut String, title: &str) {
        section(out, title, &self.table);
    }
}

/// The costs per post, years as columns.
pub(crate) fn posts(out: &mut String, s: &Scenario, k: &Kosten, posten: &[(Post, Subtotaal)]) {
    let mut t = YearTable::new(k, "Post", "Totaal");
    for (post, sub) in posten {
        t.subtotal(post.label_in(s), sub);
    }
    t.totals("Totaal", |t| t.kosten_totaal);
    t.finish(out, "Kosten per post");
}

/// Costs, elsewhere financed, to be financed and the tariff, years as columns.
pub(crate) fn financing(out: &mut String, s: &Scenario, k: &Kosten) {
    let mut t = YearTable::new(k, "", "Totaal");
    t.totals("Kosten totaal", |t| t.kosten_totaal);
    t.totals("Elders gefinancierd", |t| t.elders_gefinancierd);
    if !s.bijdragen.is_empty() {
        t.totals("Bijdragen uit andere bronnen", |t| t.bijdragen);
    }
    t.totals("Te financieren via TAPA$", |t| t.te_financieren);
    t.totals("Kostendekkend tarief per verzekerde", |t| {
        t.kostendekkend_tarief
    });
    t.finish(out, "Financiering");
    let noemer = match &s.verzekerden_per_jaar {
        Some(per_jaar) if s.verzekerden_verschillen() => {
            let som = per_jaar
                .iter()
                .try_fold(Decimal::ZERO, |acc, v| acc.checked_add(*v))
                .unwrap_or_default();
            format!(
                "{} = {} verzekerden over de jaren samen",
                per_jaar
                    .iter()
                    .map(|v| dutch(*v, 0))
                    .collect::<Vec<_>>()
                    .join(" + "),
                dutch(som, 0)
            )
        }
        _ => format!(
            "{} verzekerden × {} jaar",
            dutch(s.verzekerden, 0),
            s.looptijd_jaren
        ),
    };
    out.push_str(&format!(
        "Het kostendekkend tarief is naar boven afgerond op hele centen. In de kolom Totaal staat \
         het vaste tarief per verzekerde per jaar dat de hele looptijd dekt ({noemer}).\n"
    ));
}

/// `cost`: per post, per role and per group, years as columns, then the financing.
pub fn cost(s: &Scenario, k: &Kosten) -> String {
    let mut out = String::new();
    heading(&mut out, "Kosten", s);
    let o = overzicht(s, k);
    posts(&mut out, s, k, &o.posten);

    let mut t = YearTable::new(k, "Rol", "Totaal");
    for (rol, sub) in &o.rollen {
        let label = match crate::calc::financiering::rol_wijze(s, rol).tekst() {
            Some(t) => format!("{rol} ({t})"),
            None => rol.to_string(),
        };
        t.subtotal(&label, sub);
    }
    t.subtotal(
        "Zonder rol (ondersteuning, projectleiding, overhead)",
        &o.zonder_rol,
    );
    t.totals("Totaal", |t| t.kosten_totaal);
    t.finish(&mut out, "Kosten per rol");

    let mut t = YearTable::new(k, "Groep", "Totaal");
    for (g, sub) in s.groepen.iter().zip(&o.groepen) {
        t.subtotal(&group_label(s, g), sub);
    }
    t.subtotal(
        "Regionaal (projectleiding, monitoring, overhead)",
        &o.regionaal,
    );
    t.totals("Totaal", |t| t.kosten_totaal);
    t.finish(&mut out, "Kosten per groep");

    financing(&mut out, s, k);
    out
}

fn group_label(s: &Scenario, g: &Groep) -> String {
    let mut label = g.naam.clone();
    if g.nieuw {
        label.push_str(&format!(" (nieuw, start {})", g.start));
    } else if g.start > s.startjaar {
        label.push_str(&format!(" (start {})", g.start));
    }
    label
}

/// An expected count with one decimal, Dutch notation.
fn count(v: Decimal) -> String {
    dutch(v, 1)
}

/// A computed ratio in percent, with one decimal: `83,0 %`.
fn ratio(v: Decimal) -> String {
    format!("{} %", dutch(v, 1))
}

/// A percentage as written (`45`, `12,5`) with a `%` sign.
pub(crate) fn percent(v: Decimal) -> String {
    let n = v.normalize();
    format!("{} %", dutch(n, n.scale()))
}

fn impact_rows(t: &mut Table, rows: &[IndicatorJaar]) {
    for i in rows {
        t.add_row(vec![
            Cell::new(i.indicator.omschrijving()),
            right(count(i.basis)),
            right(count(i.vermeden)),
            right(count(i.met_patz)),
            right(euro(i.vermeden_kosten)),
        ]);
    }
}

fn impact_header() -> [&'static str; 5] {
    [
        "Indicator (laatste 30 dagen)",
        "Zonder PaTz",
        "Vermeden",
        "Met PaTz",
        "Vermeden kosten",
    ]
}

/// `impact`: per year a table of the six indicators, then the horizon.
pub fn impact(s: &Scenario, r: &ImpactResultaat) -> String {
    let mut out = String::new();
    heading(&mut out, "Zorgreductie", s);
    if let Some(i) = &s.impact {
        out.push_str(&format!(
            "Verwachte aantallen overleden palliatieve patiënten met de indicator; chemotherapie \
             geldt alleen voor het aandeel met kanker ({}).\n\n",
            percent(i.aandeel_kanker_percentage)
        ));
    }
    for j in &r.jaren {
        let mut t = new_table(impact_header());
        impact_rows(&mut t, &j.indicatoren);
        t.add_row(vec![
            Cell::new("Totaal"),
            right(String::new()),
            right(String::new()),
            right(String::new()),
            right(euro(j.vermeden_kosten)),
        ]);
        section(
            &mut out,
            &format!("{} — {} patiënten", j.jaar, count(j.patienten)),
            &t,
        );
    }
    let mut t = new_table(impact_header());
    impact_rows(&mut t, &r.totaal);
    t.add_row(vec![
        Cell::new("Totaal"),
        right(String::new()),
        right(String::new()),
        right(String::new()),
        right(euro(r.vermeden_kosten)),
    ]);
    section(
        &mut out,
        &format!(
            "Looptijd {}–{} — {} patiënten",
            s.startjaar,
            s.eindjaar(),
            count(r.patienten)
        ),
        &t,
    );
    out.push_str(
        "Aantallen zijn verwachtingen en worden elk apart op één decimaal getoond; daardoor kan \
         'Vermeden' + 'Met PaTz' een tiende afwijken van 'Zonder PaTz'. De bedragen zijn per regel \
         op centen afgerond en tellen precies op.\n",
    );
    out
}

/// `offers`: every offer per year, then per insurer, then what no insurer carries.
/// `offers`; with `per_verzekeraar`, also each insurer's businesscase and the region's view
/// (those sections as `per_verzekeraar::tabel` renders them).
pub fn offers(s: &Scenario, k: &Kosten, a: &Aanbiedingen, per_verzekeraar: Option<&str>) -> String {
    let mut out = String::new();
    heading(&mut out, "Aanbiedingen van verzekeraars", s);
    if s.aanbiedingen.is_empty() {
        out.push_str("Dit scenario heeft geen [[aanbod]].\n\n");
    } else {
        let mut t = new_table([
            "Jaar",
            "Aanbod",
            "Verzekeraar",
            "Tarief",
            "Kostenaandeel",
            "Opbrengst",
            "Saldo",
            "Dekking",
        ]);
        for r in &a.regels {
            let Some(aanbod) = s.aanbiedingen.get(r.aanbod) else {
                continue;
            };
            let mut tarief = euro(aanbod.tarief_per_verzekerde);
            if let Some(p) = aanbod.plafond {
                tarief.push_str(&format!(" (plafond {})", euro(p)));
            }
            t.add_row(vec![
                Cell::new(r.jaar),
                Cell::new(&aanbod.label),
                Cell::new(&aanbod.verzekeraar),
                right(tarief),
                right(euro(r.kostenaandeel)),
                right(euro(r.opbrengst)),
                right(euro(r.saldo)),
                right(
                    r.dekking_percentage
                        .map(ratio)
                        .unwrap_or_else(|| "—".into()),
                ),
            ]);
        }
        for tot in &a.totalen {
            let Some(aanbod) = s.aanbiedingen.get(tot.aanbod) else {
                continue;
            };
            t.add_row(vec![
                Cell::new("Totaal"),
                Cell::new(&aanbod.label),
                Cell::new(&aanbod.verzekeraar),
                right(String::new()),
                right(euro(tot.kostenaandeel)),
                right(euro(tot.opbrengst)),
                right(euro(tot.saldo)),
                right(
                    tot.dekking_percentage
                        .map(ratio)
                        .unwrap_or_else(|| "—".into()),
                ),
            ]);
        }
        section(&mut out, "Per aanbod en jaar", &t);
    }

    if !s.verzekeraars.is_empty() {
        insurers(&mut out, s, k, a);
    }

    let mut t = YearTable::new(k, "", "Totaal");
    t.totals("Te financieren via TAPA$", |t| t.te_financieren);
    t.row(
        "Niet toegerekend aan een verzekeraar",
        a.niet_toegerekend.iter().map(|(_, x)| *x).collect(),
        a.niet_toegerekend_totaal,
    );
    t.finish(&mut out, "Niet toegerekend");
    if let Some(p) = per_verzekeraar {
        out.push_str(p);
    }
    out
}

/// `business-case`: Zorg, Kosten, Financiering, Zorgreductie, Saldo and Bronnen.
/// `business-case`; with `per_verzekeraar`, also each insurer's businesscase and the region's
/// view (those sections as `per_verzekeraar::tabel` renders them).
pub fn business_case(
    s: &Scenario,
    k: &Kosten,
    r: &ImpactResultaat,
    b: &BusinessCase,
    per_verzekeraar: Option<&str>,
) -> String {
    let mut out = String::new();
    heading(&mut out, "Businesscase", s);

    care(&mut out, s);

    posts(&mut out, s, k, &per_post(k));
    financing(&mut out, s, k);
    out.push('\n');
    if crate::calc::financiering::heeft_aanvullingen(s) {
        double_financing(
            &mut out,
            &crate::calc::financiering::dubbele_financiering(s, k),
        );
    }

    // Zorgreductie.
    let mut t = new_table([
        "Indicator (laatste 30 dagen)",
        "Basis",
        "Reductie",
        "Kosten per geval",
        "Zonder PaTz",
        "Met PaTz",
        "Vermeden",
        "Vermeden kosten",
    ]);
    let inds = s
        .impact
        .as_ref()
        .map(|i| i.indicatoren.as_slice())
        .unwrap_or_default();
    for (ind, tot) in inds.iter().zip(&r.totaal) {
        t.add_row(vec![
            Cell::new(ind.id.omschrijving()),
            right(percent(ind.basis_percentage)),
            right(percent(ind.reductie_percentage)),
            right(euro(ind.kosten_per_geval)),
            right(count(tot.basis)),
            right(count(tot.met_patz)),
            right(count(tot.vermeden)),
            right(euro(tot.vermeden_kosten)),
        ]);
    }
    section(
        &mut out,
        &format!(
            "Zorgreductie over de looptijd ({} patiënten)",
            count(r.patienten)
        ),
        &t,
    );

    balance(&mut out, k, b);
    if let Some(p) = per_verzekeraar {
        out.push_str(p);
    }

    // Bronnen.
    out.push_str("Bronnen van de indicatorcijfers\n");
    for (n, ind) in inds.iter().enumerate() {
        out.push_str(&format!("{}. {}: {}\n", n + 1, ind.id.as_str(), ind.bron));
    }
    out
}

/// The insurers' shares, break-even tariffs and best offers.
fn insurers(out: &mut String, s: &Scenario, k: &Kosten, a: &Aanbiedingen) {
    let mut t = new_table([
        "Verzekeraar",
        "Marktaandeel",
        "Verzekerden",
        "Kostenaandeel looptijd",
        "Break-even tarief",
        "Beste aanbod",
        "Tekort als alleen deze tekent",
    ]);
    for v in &a.verzekeraars {
        let Some(vz) = s.verzekeraars.get(v.verzekeraar) else {
            continue;
        };
        let best_label = v
            .beste_aanbod
            .filter(|b| a.totalen.get(*b).is_some())
            .and_then(|b| s.aanbiedingen.get(b))
            .map_or_else(|| "geen aanbod".to_string(), |x| x.label.clone());
        t.add_row(vec![
            Cell::new(&vz.naam),
            right(percent(vz.marktaandeel_percentage)),
            right(count(v.verzekerden)),
            right(euro(v.kostenaandeel)),
            right(v.break_even_tarief.map(euro).unwrap_or_else(|| "—".into())),
            Cell::new(best_label),
            right(euro(tekort_als_enige(k, a, v))),
        ]);
    }
    section(out, "Per verzekeraar", &t);
    out.push_str(
        "Break-even tarief: het vaste tarief per verzekerde per jaar waarmee de verzekeraar \
         zijn kostenaandeel over de looptijd dekt (naar boven afgerond). Tekort als alleen deze \
         tekent: wat van het hele te financieren bedrag over de looptijd ongedekt blijft als \
         alleen deze verzekeraar zijn beste aanbod contracteert.\n\n",
    );
}

/// Dubbele financiering: per role and post, per year, how it is financed; the answered reminders
/// and the contributions from other sources.
pub(crate) fn double_financing(out: &mut String, f: &DubbeleFinanciering) {
    let mut header = vec!["Rol of post".to_string()];
    header.extend(f.jaren.iter().map(|j| j.to_string()));
    let mut t = new_table(header);
    for rij in &f.rijen {
        let mut row = vec![Cell::new(&rij.label)];
        row.extend(rij.jaren.iter().map(|j| Cell::new(j.omschrijving())));
        t.add_row(row);
    }
    section(out, "Dubbele financiering: wie betaalt wat", &t);
    if !f.nagegaan.is_empty() {
        out.push_str("Nagegaan\n");
        for n in &f.nagegaan {
            out.push_str(&format!("- {}: {}\n", n.rol, n.toelichting));
        }
        out.push('\n');
    }
    if !f.bijdragen.is_empty() {
        let mut t = new_table(["Bijdrage", "Jaar", "Financier", "Bedrag"]);
        for b in &f.bijdragen {
            t.add_row(vec![
                Cell::new(&b.naam),
                Cell::new(b.jaar),
                Cell::new(&b.financier),
                right(euro(b.bedrag)),
            ]);
        }
        section(out, "Bijdragen uit andere bronnen", &t);
    }
}

/// Zorg: the groups, their participants, frequency and duration.
fn care(out: &mut String, s: &Scenario) {
    let mut header = vec!["Groep".to_string(), "Start".to_string()];
    let roles: Vec<&str> = s
        .uurtarieven
        .iter()
        .map(|u| &*u.rol)
        .filter(|rol| s.groepen.iter().any(|g| g.aantal(rol) > 0))
        .collect();
    header.extend(roles.iter().map(|r| r.to_string()));
    header.extend(["Bijeenkomsten/jaar", "Duur (uur)", "Patiënten/jaar"].map(String::from));
    let mut t = new_table(header);
    for g in &s.groepen {
        let mut row = vec![Cell::new(&g.naam), Cell::new(g.start)];
        row.extend(roles.iter().map(|rol| right(g.aantal(rol).to_string())));
        row.push(right(g.werkwijze.bijeenkomsten_per_jaar.to_string()));
        let duur = g.werkwijze.duur_uren.normalize();
        row.push(right(dutch(duur, duur.scale().max(1))));
        row.push(right(count(g.werkwijze.patienten_per_jaar)));
        t.add_row(row);
    }
    section(out, "Zorg: groepen, deelnemers, frequentie en duur", &t);
}

/// Saldo: costs against avoided costs per year, ROI, break-even factor and the NPV.
fn balance(out: &mut String, k: &Kosten, b: &BusinessCase) {
    let mut t = YearTable::new(k, "", "Totaal");
    let per = |f: fn(&Saldo) -> Decimal| -> (Vec<Decimal>, Decimal) {
        (b.jaren.iter().map(|(_, x)| f(x)).collect(), f(&b.totaal))
    };
    let (v, l) = per(|x| x.kosten.te_financieren);
    t.row("Te financieren via TAPA$", v, l);
    let (v, l) = per(|x| x.vermeden_kosten);
    t.row("Vermeden kosten", v, l);
    let (v, l) = per(|x| x.netto);
    t.row("Netto (vermeden − te financieren)", v, l);
    let roi = |x: Option<Decimal>| x.map(ratio).unwrap_or_else(|| "—".into());
    let mut cells: Vec<String> = b.jaren.iter().map(|(_, x)| roi(x.roi_percentage)).collect();
    cells.push(roi(b.totaal.roi_percentage));
    t.text_row("ROI", cells);
    let factor = |x: Option<Decimal>| x.map(|f| dutch(f, 3)).unwrap_or_else(|| "—".into());
    let mut cells: Vec<String> = b
        .jaren
        .iter()
        .map(|(_, x)| factor(x.break_even_factor))
        .collect();
    cells.push(factor(b.totaal.break_even_factor));
    t.text_row("Break-even factor", cells);
    t.finish(out, "Saldo");
    out.push_str(&format!(
        "Netto contante waarde (disconteringsvoet {}): {}\n",
        percent(b.disconteringsvoet_percentage),
        euro(b.netto_contante_waarde)
    ));
    out.push_str(
        "Break-even factor: het veelvoud van alle verwachte reducties waarbij de vermeden kosten \
         gelijk zijn aan de te financieren kosten (1 = precies quitte; boven 1 is meer reductie \
         nodig dan verwacht).\n\n",
    );
}
