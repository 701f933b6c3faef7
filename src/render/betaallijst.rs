//! `payout` output: the penvoerder's payment list as a table, CSV and JSON. Pure, no I/O.

use comfy_table::Cell;
use serde_json::{Map, Value, json};

use super::csv::{Csv, text};
use super::json::{dec, finish};
use super::monitor::{hours, naam, note, section};
use super::table::{heading, new_table, right};
use super::{Format, Options};
use crate::calc::payout::{Betaallijst, Per, Som};
use crate::decimal::euro;
use crate::scenario::Scenario;

/// The CSV header of `payout` (stable: the finance system reads it).
pub const PAYOUT_HEADER: [&str; 6] = ["groep", "periode", "rol", "aanwezigheden", "uren", "bedrag"];

/// Renders the result of `payout`. `bron` is the registrations file as shown, if one was given.
pub fn payout(s: &Scenario, b: &Betaallijst, bron: Option<&str>, opts: Options) -> Vec<u8> {
    match opts.format {
        Format::Table => payout_table(s, b, bron).into_bytes(),
        Format::Csv => payout_csv(s, b, opts.csv_nl),
        Format::Json => payout_json(s, b),
    }
}

fn som_cells(label: Vec<Cell>, som: &Som) -> Vec<Cell> {
    let mut row = label;
    row.push(right(som.aanwezigheden.to_string()));
    row.push(right(hours(som.uren)));
    row.push(right(euro(som.bedrag)));
    row
}

fn payout_table(s: &Scenario, b: &Betaallijst, bron: Option<&str>) -> String {
    let mut out = String::new();
    heading(&mut out, "Betaallijst penvoerder", s);
    match bron {
        Some(f) if !b.plan => {
            out.push_str(&format!("Bron: de geregistreerde bijeenkomsten in {f}"))
        }
        _ => out.push_str(
            "Bron: het plan (geen registraties opgegeven): elke groep houdt de geplande \
             bijeenkomsten met alle deelnemers",
        ),
    }
    out.push_str(match b.per {
        Per::Kwartaal => " · per kwartaal\n",
        Per::Jaar => " · per jaar\n",
    });
    match &b.tijdvak {
        Some(t) => out.push_str(&format!("Periode: {t}\n\n")),
        None => out.push_str("Periode: geen (er zijn geen bijeenkomsten geregistreerd)\n\n"),
    }
    let mut t = new_table(["Groep", "Periode", "Rol", "Aanwezigheden", "Uren", "Bedrag"]);
    for r in &b.regels {
        t.add_row(vec![
            Cell::new(naam(s, r.groep)),
            Cell::new(r.periode.label()),
            Cell::new(&r.rol),
            right(r.aanwezigheden.to_string()),
            right(hours(r.uren)),
            right(euro(r.bedrag)),
        ]);
    }
    t.add_row(som_cells(
        vec![Cell::new("Totaal"), Cell::new(""), Cell::new("")],
        &b.totaal,
    ));
    section(&mut out, "Per groep, periode en rol", &t);
    if b.regels.is_empty() {
        out.push_str("Er is niets uit te betalen: er zijn geen bijeenkomsten geregistreerd.\n\n");
    }

    let mut t = new_table(["Groep", "Aanwezigheden", "Uren", "Bedrag"]);
    for (gi, som) in &b.per_groep {
        t.add_row(som_cells(vec![Cell::new(naam(s, *gi))], som));
    }
    t.add_row(som_cells(vec![Cell::new("Totaal")], &b.totaal));
    section(&mut out, "Totaal per groep", &t);

    let mut t = new_table(["Rol", "Aanwezigheden", "Uren", "Bedrag"]);
    for (rol, som) in &b.per_rol {
        t.add_row(som_cells(vec![Cell::new(rol)], som));
    }
    t.add_row(som_cells(vec![Cell::new("Totaal")], &b.totaal));
    section(&mut out, "Totaal per rol", &t);

    for (rol, som) in &b.niet_uitbetaald {
        let tekst = if b.geheel_elders(rol) {
            format!(
                "Niet in deze lijst: {rol} (elders gefinancierd): {} aanwezigheden, {} uur, {}. De \
             penvoerder betaalt deze rol niet uit TAPA$.\n",
                som.aanwezigheden,
                hours(som.uren),
                euro(som.bedrag)
            )
        } else {
            format!(
                "Niet in deze lijst: het elders gefinancierde deel van {rol}: {} uur, {}. De \
             penvoerder betaalt alleen het TAPA$-deel uit.\n",
                hours(som.uren),
                euro(som.bedrag)
            )
        };
        note(&mut out, &tekst);
    }
    note(
        &mut out,
        "Bedrag per rol: aanwezigen × (duur + voorbereiding + reistijd), de extra uren van de \
         voorzitter per bijeenkomst, coördinatie per besproken patiënt en de telefonische \
         ondersteuning van de consulent (een kwart van het jaarplan per kwartaal van de \
         periode), × uurtarief × \
         indexfactor. Per jaar, post en rol is het bedrag op centen afgerond zoals in de kosten; \
         een kwartaal krijgt het verschil tussen de afgeronde bedragen tot en met dat kwartaal en \
         tot en met het vorige, zodat de kwartalen precies optellen tot het jaar.\n",
    );
    out
}

fn payout_csv(s: &Scenario, b: &Betaallijst, nl: bool) -> Vec<u8> {
    let mut csv = Csv::new(nl, &PAYOUT_HEADER);
    for r in &b.regels {
        let row = [
            text(naam(s, r.groep)),
            r.periode.label(),
            text(&r.rol),
            r.aanwezigheden.to_string(),
            csv.num(r.uren, 2),
            csv.num(r.bedrag, 2),
        ];
        csv.row(row);
    }
    csv.finish()
}

fn som_json(som: &Som) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("aanwezigheden".into(), json!(som.aanwezigheden));
    m.insert("uren".into(), dec(som.uren, 2));
    m.insert("bedrag".into(), dec(som.bedrag, 2));
    m
}

fn payout_json(s: &Scenario, b: &Betaallijst) -> Vec<u8> {
    let regels: Vec<Value> = b
        .regels
        .iter()
        .map(|r| {
            let posten: Vec<Value> = r
                .posten
                .iter()
                .map(|p| {
                    json!({
                        "post": p.post.as_str(),
                        "uren": dec(p.uren, 2),
                        "bedrag": dec(p.bedrag, 2),
                    })
                })
                .collect();
            json!({
                "groep": naam(s, r.groep),
                "periode": r.periode.label(),
                "rol": r.rol,
                "aanwezigheden": r.aanwezigheden,
                "uren": dec(r.uren, 2),
                "bedrag": dec(r.bedrag, 2),
                "posten": posten,
            })
        })
        .collect();
    let named = |key: &str, name: &str, som: &Som| {
        let mut m = Map::new();
        m.insert(key.into(), json!(name));
        m.extend(som_json(som));
        Value::Object(m)
    };
    let per_groep: Vec<Value> = b
        .per_groep
        .iter()
        .map(|(gi, som)| named("groep", naam(s, *gi), som))
        .collect();
    let per_rol: Vec<Value> = b
        .per_rol
        .iter()
        .map(|(rol, som)| named("rol", rol, som))
        .collect();
    let niet: Vec<Value> = b
        .niet_uitbetaald
        .iter()
        .map(|(rol, som)| {
            let mut m = Map::new();
            m.insert("rol".into(), json!(rol));
            let reden = if b.geheel_elders(rol) {
                "elders_gefinancierd"
            } else {
                "deels_elders_gefinancierd"
            };
            m.insert("reden".into(), json!(reden));
            m.extend(som_json(som));
            Value::Object(m)
        })
        .collect();
    finish(&json!({
        "scenario": s.naam,
        "bron": if b.plan { "plan" } else { "registraties" },
        "per": match b.per { Per::Kwartaal => "kwartaal", Per::Jaar => "jaar" },
        "periode": b.tijdvak.map(|t| json!({
            "van": t.begin().to_string(),
            "tot": t.eind().to_string(),
            "einde": t.einde.as_str(),
        })),
        "regels": regels,
        "per_groep": per_groep,
        "per_rol": per_rol,
        "totaal": som_json(&b.totaal),
        "niet_uitbetaald": niet,
    }))
}
