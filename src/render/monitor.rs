//! `monitor` output: tables, CSV and JSON (`payout`'s are in [`super::betaallijst`], which uses
//! the helpers here). Pure, no I/O.

use comfy_table::{Cell, Table};
use rust_decimal::Decimal;
use serde_json::{Map, Value, json};

use super::csv::{Csv, text};
use super::json::{dec, finish, opt};
use super::table::{heading, new_table, right};
use super::{Format, Options, groep_naam};
use crate::calc::financiering::Verdeling;
use crate::calc::monitor::{GroepJaar, IndicatorWaarneming, Monitor, MonitorJaar, RolJaar, Totaal};
use crate::decimal::{dutch, euro, round_half_away};
use crate::scenario::Scenario;

/// Which table `monitor --format csv` writes (CSV holds one table; table and JSON output
/// hold all of them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Onderdeel {
    /// One row per year × group: meetings, hours and cost, planned and delivered.
    Verantwoording,
    /// One row per year × group × role: attendance, hours and cost.
    Aanwezigheid,
    /// One row per signal.
    Signalen,
    /// One row per observed year × indicator.
    Indicatoren,
}

/// The CSV header of each part of `monitor` (stable: scripts depend on them).
pub fn monitor_header(o: Onderdeel) -> &'static [&'static str] {
    match o {
        Onderdeel::Verantwoording => &[
            "jaar",
            "groep",
            "bijeenkomsten_gepland",
            "bijeenkomsten_gehouden",
            "duur_uren_gepland",
            "duur_uren_gehouden",
            "uren_gepland",
            "uren_geleverd",
            "kosten_begroot",
            "kosten_geleverd",
            "verschil",
            "signalen",
        ],
        Onderdeel::Aanwezigheid => &[
            "jaar",
            "groep",
            "rol",
            "financiering",
            "deelnemers",
            "aanwezigheden_gepland",
            "aanwezigheden",
            "opkomst_percentage",
            "uren_gepland",
            "uren_geleverd",
            "kosten_begroot",
            "kosten_geleverd",
        ],
        Onderdeel::Signalen => &["jaar", "groep", "datum", "signaal", "toelichting"],
        Onderdeel::Indicatoren => &[
            "jaar",
            "indicator",
            "overleden_patienten",
            "gevallen",
            "waargenomen_percentage",
            "basis_percentage",
            "verwacht_percentage",
            "basis",
            "met_patz",
            "vermeden",
            "verwachte_reductie_percentage",
            "gerealiseerde_reductie_percentage",
            "vermeden_kosten",
        ],
    }
}

/// Renders the result of `monitor`. `bijeenkomsten` is the registrations file as shown.
pub fn monitor(
    s: &Scenario,
    m: &Monitor,
    bijeenkomsten: &str,
    onderdeel: Onderdeel,
    opts: Options,
) -> Vec<u8> {
    match opts.format {
        Format::Table => monitor_table(s, m, bijeenkomsten).into_bytes(),
        Format::Csv => monitor_csv(s, m, onderdeel, opts.csv_nl),
        Format::Json => monitor_json(s, m),
    }
}

pub(super) fn naam(s: &Scenario, gi: usize) -> &str {
    groep_naam(s, Some(gi)).unwrap_or("")
}

/// The distinct signal codes of a group-year, in order, separated by spaces.
fn codes(g: &GroepJaar) -> String {
    let mut seen: Vec<&str> = Vec::new();
    for sig in &g.signalen {
        let code = sig.soort.as_str();
        if !seen.contains(&code) {
            seen.push(code);
        }
    }
    seen.join(" ")
}

pub(super) fn hours(x: Decimal) -> String {
    dutch(x, 2)
}

/// A right-aligned cell `a / b` (held / planned, delivered / planned).
fn van(a: impl std::fmt::Display, b: impl std::fmt::Display) -> Cell {
    right(format!("{a} / {b}"))
}

/// A right-aligned cell of hours `a / b`.
fn uren_van(a: Decimal, b: Decimal) -> Cell {
    van(hours(a), hours(b))
}

fn percent(x: Option<Decimal>, dp: u32) -> String {
    x.map_or_else(|| "–".to_string(), |v| format!("{} %", dutch(v, dp)))
}

/// Appends `text` as a paragraph wrapped at 100 characters.
pub(crate) fn note(out: &mut String, text: &str) {
    let mut width = 0;
    for word in text.split_whitespace() {
        let n = word.chars().count();
        if width > 0 && width + 1 + n > 100 {
            out.push('\n');
            width = 0;
        } else if width > 0 {
            out.push(' ');
            width += 1;
        }
        out.push_str(word);
        width += n;
    }
    out.push('\n');
}

pub(crate) fn section(out: &mut String, title: &str, table: &Table) {
    out.push_str(title);
    out.push('\n');
    out.push_str(&table.to_string());
    out.push_str("\n\n");
}

fn monitor_table(s: &Scenario, m: &Monitor, bijeenkomsten: &str) -> String {
    let mut out = String::new();
    heading(&mut out, "Verantwoording", s);
    out.push_str(&format!("Registraties: {bijeenkomsten}\n\n"));
    if m.jaren.is_empty() {
        out.push_str("Er zijn geen bijeenkomsten geregistreerd.\n\n");
    }
    for j in &m.jaren {
        monitor_jaar(&mut out, s, j);
    }
    if m.jaren.len() > 1 {
        let mut t = new_table(verantwoording_kop("Jaar"));
        for j in &m.jaren {
            let mut row = totaal_row(&j.totaal, signalen(j));
            row[0] = Cell::new(j.jaar.to_string());
            t.add_row(row);
        }
        let nsig: usize = m.jaren.iter().map(signalen).sum();
        t.add_row(totaal_row(&m.totaal, nsig));
        section(&mut out, "Alle jaren", &t);
    }
    note(
        &mut out,
        "Begroot en geleverd: de uren van bijeenkomsten (met voorbereiding en reistijd), \
         voorzitter, coördinatie en telefonische ondersteuning tegen de uurtarieven van het \
         scenario, alleen wat via TAPA$ wordt gefinancierd. Coördinatie volgt de besproken \
         patiënten; de telefonische ondersteuning telt per kwartaal tot en met het laatste \
         kwartaal met een geregistreerde bijeenkomst. Opkomst: aanwezigen / (gehouden \
         bijeenkomsten × deelnemers).\n",
    );

    if !m.indicatoren.is_empty() {
        indicatoren_table(&mut out, m);
    }
    out
}

/// The three tables of one year: per group, per role, and the signals.
fn monitor_jaar(out: &mut String, s: &Scenario, j: &MonitorJaar) {
    let mut t = new_table(verantwoording_kop("Groep"));
    for g in &j.groepen {
        t.add_row(vec![
            Cell::new(naam(s, g.groep)),
            van(g.bijeenkomsten_gehouden, g.bijeenkomsten_gepland),
            uren_van(g.duur_uren_gehouden, g.duur_uren_gepland),
            uren_van(g.uren_geleverd, g.uren_gepland),
            right(euro(g.kosten_begroot)),
            right(euro(g.kosten_geleverd)),
            right(euro(g.verschil())),
            right(g.signalen.len().to_string()),
        ]);
    }
    let tot = &j.totaal;
    t.add_row(totaal_row(tot, signalen(j)));
    section(
        out,
        &format!("Bijeenkomsten, uren en kosten per groep — {}", j.jaar),
        &t,
    );

    let mut t = new_table([
        "Groep",
        "Rol",
        "Deelnemers",
        "Aanwezig\n/ gepland",
        "Opkomst",
        "Uren\ngeleverd / gepland",
        "Begroot",
        "Geleverd",
    ]);
    for g in &j.groepen {
        for r in &g.rollen {
            let rol = rol_label(r);
            t.add_row(vec![
                Cell::new(naam(s, g.groep)),
                Cell::new(rol),
                right(r.deelnemers.to_string()),
                van(r.aanwezigheden, r.aanwezigheden_gepland),
                right(percent(
                    r.opkomst_percentage.map(|p| round_half_away(p, 1)),
                    1,
                )),
                uren_van(r.uren_geleverd, r.uren_gepland),
                right(euro(r.kosten_begroot)),
                right(euro(r.kosten_geleverd)),
            ]);
        }
    }
    section(out, &format!("Aanwezigheid per rol — {}", j.jaar), &t);

    let signals: Vec<(&GroepJaar, &crate::calc::monitor::Signaal)> = j
        .groepen
        .iter()
        .flat_map(|g| g.signalen.iter().map(move |x| (g, x)))
        .collect();
    out.push_str(&format!("Signalen — {}\n", j.jaar));
    if signals.is_empty() {
        out.push_str(
            "Geen signalen: elke groep hield de geplande bijeenkomsten, met consulent en \
                      voldoende huisartsen en wijkverpleegkundigen.\n\n",
        );
    } else {
        let mut t = new_table(["Groep", "Datum", "Signaal", "Toelichting"]);
        for (g, sig) in signals {
            t.add_row(vec![
                Cell::new(naam(s, g.groep)),
                Cell::new(sig.datum.map(|d| d.to_string()).unwrap_or_default()),
                Cell::new(sig.soort.as_str()),
                Cell::new(&sig.toelichting),
            ]);
        }
        out.push_str(&t.to_string());
        out.push_str("\n\n");
    }
}

/// The observed indicators against the expectation, with the note on how they are computed.
fn indicatoren_table(out: &mut String, m: &Monitor) {
    out.push('\n');
    let mut t = new_table([
        "Jaar",
        "Indicator",
        "Gevallen\n/ overleden",
        "Waar-\ngenomen",
        "Basis",
        "Verwacht\nmet PaTz",
        "Reductie\ngerealiseerd",
        "Reductie\nverwacht",
        "Vermeden\ngevallen",
        "Vermeden\nkosten",
    ]);
    for i in &m.indicatoren {
        t.add_row(vec![
            Cell::new(i.jaar.to_string()),
            Cell::new(i.indicator.omschrijving()),
            van(i.gevallen, i.overleden_patienten),
            right(percent(i.waargenomen_percentage, 2)),
            right(percent(Some(i.basis_percentage), 2)),
            right(percent(Some(i.verwacht_percentage), 2)),
            right(percent(i.gerealiseerde_reductie_percentage, 1)),
            right(percent(Some(i.verwachte_reductie_percentage), 1)),
            right(dutch(i.vermeden, 1)),
            right(euro(i.vermeden_kosten)),
        ]);
    }
    let mut total = vec![Cell::new("Totaal")];
    total.extend((0..8).map(|_| Cell::new("")));
    total.push(right(euro(m.vermeden_kosten)));
    t.add_row(total);
    section(out, "Indicatoren — waargenomen tegen verwacht", &t);
    note(
        out,
        "Waargenomen = gevallen / overleden patiënten; bij chemotherapie alleen het aandeel \
         met kanker uit het scenario. Vermeden gevallen = verwacht zonder PaTz (basis) − \
         gevallen; negatief is meer dan de basis. Vermeden kosten = vermeden gevallen × \
         kosten per geval × indexfactor van het jaar.\n",
    );
}

/// The number of signals of a year, over its groups.
fn signalen(j: &MonitorJaar) -> usize {
    j.groepen.iter().map(|g| g.signalen.len()).sum()
}

fn totaal_row(t: &Totaal, nsig: usize) -> Vec<Cell> {
    vec![
        Cell::new("Totaal"),
        van(t.bijeenkomsten_gehouden, t.bijeenkomsten_gepland),
        right(String::new()),
        uren_van(t.uren_geleverd, t.uren_gepland),
        right(euro(t.kosten_begroot)),
        right(euro(t.kosten_geleverd)),
        right(euro(t.verschil())),
        right(nsig.to_string()),
    ]
}

fn monitor_csv(s: &Scenario, m: &Monitor, onderdeel: Onderdeel, nl: bool) -> Vec<u8> {
    let mut csv = Csv::new(nl, monitor_header(onderdeel));
    match onderdeel {
        Onderdeel::Verantwoording => {
            for j in &m.jaren {
                for g in &j.groepen {
                    let row = [
                        j.jaar.to_string(),
                        text(naam(s, g.groep)),
                        g.bijeenkomsten_gepland.to_string(),
                        g.bijeenkomsten_gehouden.to_string(),
                        csv.num(g.duur_uren_gepland, 2),
                        csv.num(g.duur_uren_gehouden, 2),
                        csv.num(g.uren_gepland, 2),
                        csv.num(g.uren_geleverd, 2),
                        csv.num(g.kosten_begroot, 2),
                        csv.num(g.kosten_geleverd, 2),
                        csv.num(g.verschil(), 2),
                        codes(g),
                    ];
                    csv.row(row);
                }
            }
        }
        Onderdeel::Aanwezigheid => {
            for j in &m.jaren {
                for g in &j.groepen {
                    for r in &g.rollen {
                        let row = [
                            j.jaar.to_string(),
                            text(naam(s, g.groep)),
                            text(&r.rol),
                            financiering(r).to_string(),
                            r.deelnemers.to_string(),
                            r.aanwezigheden_gepland.to_string(),
                            r.aanwezigheden.to_string(),
                            csv.opt(r.opkomst_percentage, 1),
                            csv.num(r.uren_gepland, 2),
                            csv.num(r.uren_geleverd, 2),
                            csv.num(r.kosten_begroot, 2),
                            csv.num(r.kosten_geleverd, 2),
                        ];
                        csv.row(row);
                    }
                }
            }
        }
        Onderdeel::Signalen => {
            for j in &m.jaren {
                for g in &j.groepen {
                    for sig in &g.signalen {
                        let row = [
                            j.jaar.to_string(),
                            text(naam(s, g.groep)),
                            sig.datum.map(|d| d.to_string()).unwrap_or_default(),
                            sig.soort.as_str().to_string(),
                            text(&sig.toelichting),
                        ];
                        csv.row(row);
                    }
                }
            }
        }
        Onderdeel::Indicatoren => {
            for i in &m.indicatoren {
                let row = indicator_cells(&csv, i);
                csv.row(row);
            }
        }
    }
    csv.finish()
}

fn indicator_cells(csv: &Csv, i: &IndicatorWaarneming) -> [String; 13] {
    [
        i.jaar.to_string(),
        i.indicator.as_str().to_string(),
        i.overleden_patienten.to_string(),
        i.gevallen.to_string(),
        csv.opt(i.waargenomen_percentage, 2),
        csv.num(i.basis_percentage, 2),
        csv.num(i.verwacht_percentage, 2),
        csv.num(i.basis, 1),
        csv.num(i.met_patz, 1),
        csv.num(i.vermeden, 1),
        csv.num(i.verwachte_reductie_percentage, 1),
        csv.opt(i.gerealiseerde_reductie_percentage, 1),
        csv.num(i.vermeden_kosten, 2),
    ]
}

fn totaal_json(t: &Totaal) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert(
        "bijeenkomsten_gepland".into(),
        json!(t.bijeenkomsten_gepland),
    );
    m.insert(
        "bijeenkomsten_gehouden".into(),
        json!(t.bijeenkomsten_gehouden),
    );
    m.insert("uren_gepland".into(), dec(t.uren_gepland, 2));
    m.insert("uren_geleverd".into(), dec(t.uren_geleverd, 2));
    m.insert("kosten_begroot".into(), dec(t.kosten_begroot, 2));
    m.insert("kosten_geleverd".into(), dec(t.kosten_geleverd, 2));
    m.insert("verschil".into(), dec(t.verschil(), 2));
    m
}

/// A role's name in the attendance table, with how it is financed that year.
fn rol_label(r: &RolJaar) -> String {
    match r.verdeling {
        Verdeling::Elders => format!("{} (elders gefinancierd)", r.rol),
        Verdeling::Deels(p) => {
            let p = p.normalize();
            format!("{} ({} % elders)", r.rol, dutch(p, p.scale()))
        }
        Verdeling::Tapas => r.rol.clone(),
    }
}

/// A role of a group-year in JSON; a role partly financed elsewhere also has its share and
/// the TAPA$ parts of its amounts.
fn rol_json(r: &RolJaar) -> Value {
    let mut v = json!({
        "rol": r.rol,
        "financiering": financiering(r),
        "deelnemers": r.deelnemers,
        "aanwezigheden_gepland": r.aanwezigheden_gepland,
        "aanwezigheden": r.aanwezigheden,
        "opkomst_percentage": opt(r.opkomst_percentage, 1),
        "uren_gepland": dec(r.uren_gepland, 2),
        "uren_geleverd": dec(r.uren_geleverd, 2),
        "kosten_begroot": dec(r.kosten_begroot, 2),
        "kosten_geleverd": dec(r.kosten_geleverd, 2),
    });
    if let (Verdeling::Deels(p), Some(m)) = (r.verdeling, v.as_object_mut()) {
        m.insert("elders_percentage".into(), json!(p.normalize().to_string()));
        m.insert("kosten_begroot_tapas".into(), dec(r.tapas_begroot, 2));
        m.insert("kosten_geleverd_tapas".into(), dec(r.tapas_geleverd, 2));
    }
    v
}

/// A role's financing in CSV and JSON: `tapas`, `elders`, or `deels` (part elsewhere).
fn financiering(r: &RolJaar) -> &'static str {
    match r.verdeling {
        Verdeling::Deels(_) => "deels",
        _ => r.financiering.as_str(),
    }
}

fn monitor_json(s: &Scenario, m: &Monitor) -> Vec<u8> {
    let jaren: Vec<Value> = m
        .jaren
        .iter()
        .map(|j| {
            let groepen: Vec<Value> = j
                .groepen
                .iter()
                .map(|g| {
                    let rollen: Vec<Value> = g.rollen.iter().map(rol_json).collect();
                    let signalen: Vec<Value> = g
                        .signalen
                        .iter()
                        .map(|x| {
                            json!({
                                "signaal": x.soort.as_str(),
                                "datum": x.datum.map(|d| d.to_string()),
                                "toelichting": x.toelichting,
                            })
                        })
                        .collect();
                    json!({
                        "groep": naam(s, g.groep),
                        "bijeenkomsten_gepland": g.bijeenkomsten_gepland,
                        "bijeenkomsten_gehouden": g.bijeenkomsten_gehouden,
                        "duur_uren_gepland": dec(g.duur_uren_gepland, 2),
                        "duur_uren_gehouden": dec(g.duur_uren_gehouden, 2),
                        "uren_gepland": dec(g.uren_gepland, 2),
                        "uren_geleverd": dec(g.uren_geleverd, 2),
                        "kosten_begroot": dec(g.kosten_begroot, 2),
                        "kosten_geleverd": dec(g.kosten_geleverd, 2),
                        "verschil": dec(g.verschil(), 2),
                        "rollen": rollen,
                        "signalen": signalen,
                    })
                })
                .collect();
            let mut o = Map::new();
            o.insert("jaar".into(), json!(j.jaar));
            o.insert("groepen".into(), Value::Array(groepen));
            o.extend(totaal_json(&j.totaal));
            Value::Object(o)
        })
        .collect();
    let indicatoren: Vec<Value> = m
        .indicatoren
        .iter()
        .map(|i| {
            json!({
                "jaar": i.jaar,
                "indicator": i.indicator.as_str(),
                "overleden_patienten": i.overleden_patienten,
                "gevallen": i.gevallen,
                "waargenomen_percentage": opt(i.waargenomen_percentage, 2),
                "basis_percentage": dec(i.basis_percentage, 2),
                "verwacht_percentage": dec(i.verwacht_percentage, 2),
                "basis": dec(i.basis, 1),
                "met_patz": dec(i.met_patz, 1),
                "vermeden": dec(i.vermeden, 1),
                "verwachte_reductie_percentage": dec(i.verwachte_reductie_percentage, 1),
                "gerealiseerde_reductie_percentage": opt(i.gerealiseerde_reductie_percentage, 1),
                "vermeden_kosten": dec(i.vermeden_kosten, 2),
            })
        })
        .collect();
    let mut totaal = totaal_json(&m.totaal);
    totaal.insert(
        "vermeden_kosten".into(),
        if m.indicatoren.is_empty() {
            Value::Null
        } else {
            dec(m.vermeden_kosten, 2)
        },
    );
    finish(&json!({
        "scenario": s.naam,
        "jaren": jaren,
        "indicatoren": indicatoren,
        "totaal": totaal,
    }))
}

/// The header of a verantwoording table whose first column is `eerste` (Groep or Jaar).
fn verantwoording_kop(eerste: &str) -> [&str; 8] {
    [
        eerste,
        "Bijeenkomsten\ngehouden / gepland",
        "Duur (uur)\ngehouden / gepland",
        "Uren\ngeleverd / gepland",
        "Begroot",
        "Geleverd",
        "Verschil",
        "Signalen",
    ]
}
