//! The sheet Invoer: every input of the scenario, in blue where a user may change it; returns
//! where each input stands for the formulas of the other sheets. Pure, no I/O.

use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, Worksheet, XlsxError};

use crate::scenario::{IndicatorId, Scenario};

use super::opmaak::{
    Opmaak, abs, afdruk, as_f64, kolommen, kop_hoogte, kop_rij, noot, op, regels_nodig, rol_tekst,
    titel,
};

mod aanvullingen;

pub(super) const INVOER: &str = "Invoer";

/// Where each input stands in `Invoer`, as absolute references.
#[derive(Default)]
pub(super) struct InvoerCellen {
    pub(super) startjaar: String,
    pub(super) looptijd: String,
    /// The first year's verzekerden.
    pub(super) verzekerden: String,
    /// `verzekerden(y)` per year of the horizon (the same cell in every year without an array).
    pub(super) verzekerden_jaar: Vec<String>,
    /// `Σ verzekerden(y)` over the horizon, as a formula (`(B8*B7)`, or `SUM(B8:D8)`).
    pub(super) verzekerde_jaren: String,
    pub(super) indexatie: String,
    /// Per role of `[uurtarieven]`: its rate.
    pub(super) tarief: Vec<String>,
    /// Per `[[kostenpost]]`: its amount.
    pub(super) kostenpost: Vec<String>,
    /// Per entry of `Scenario::financiering_elders`: its percentage.
    pub(super) elders_percentage: Vec<String>,
    /// Per `[[bijdrage]]`: its year and its amount.
    pub(super) bijdragen: Vec<(i32, String)>,
    pub(super) ict: String,
    pub(super) huisvesting: String,
    pub(super) projectleiding_uren: String,
    pub(super) projectleiding_uurtarief: String,
    pub(super) monitoring: String,
    pub(super) startkosten: String,
    pub(super) scholing: String,
    pub(super) overhead: String,
    pub(super) groepen: Vec<GroepCellen>,
    /// The start years and patients of all groups, for `SUMIFS`.
    pub(super) start_bereik: String,
    pub(super) patienten_bereik: String,
    pub(super) verzekeraar_aandeel: Vec<String>,
    pub(super) aanbod_label: Vec<String>,
    pub(super) aanbod_tarief: Vec<String>,
    pub(super) aanbod_plafond: Vec<String>,
    pub(super) kanker: String,
    pub(super) disconto: String,
    /// Per indicator in `IndicatorId::ALL` order: basis, reductie, kosten per geval.
    pub(super) indicator: Vec<(IndicatorId, String, String, String)>,
}

pub(super) struct GroepCellen {
    pub(super) deelnemers: Vec<String>,
    pub(super) deelnemers_bereik: String,
    pub(super) bijeenkomsten: String,
    pub(super) duur: String,
    pub(super) voorbereiding: String,
    pub(super) reistijd: String,
    pub(super) voorzitter_uren: String,
    pub(super) coordinatie: String,
    pub(super) telefonisch: String,
    pub(super) patienten: String,
}

pub(super) fn invoer(
    ws: &mut Worksheet,
    s: &Scenario,
    o: &Opmaak,
) -> Result<InvoerCellen, XlsxError> {
    ws.set_name(INVOER)?;
    ws.set_column_width(0, 38)?;
    ws.set_column_range_width(1, 40, 14)?;
    // The groups table is the widest: its headings set the widths of their columns.
    let koppen = groep_koppen(s);
    let mut breedtes = breedtes_van(&koppen);
    // The chair's and the coordinator's role: as wide as the longest role, indent included.
    let rol = s
        .uurtarieven
        .iter()
        .map(|u| rol_tekst(&u.rol).chars().count())
        .max()
        .unwrap_or(0) as f64
        + 3.0;
    for k in [3 + s.uurtarieven.len() + 4, 3 + s.uurtarieven.len() + 6] {
        if let Some(b) = breedtes.get_mut(k) {
            *b = b.max(rol);
        }
    }
    kolommen(ws, &breedtes)?;
    let laatste_kolom = u16::try_from(koppen.len().saturating_sub(1))
        .unwrap_or(u16::MAX)
        .max(BRON_TOT);
    let breedte: f64 = breedtes.iter().sum::<f64>()
        + 14.0 * f64::from(laatste_kolom.saturating_sub(u16::try_from(koppen.len()).unwrap_or(0)));
    titel(ws, &format!("Invoer — {}", s.naam), o)?;
    noot(
        ws,
        1,
        "Blauwe cellen zijn invoer: wijzig ze en alle formules in de andere bladen rekenen mee. \
         Grijze cellen bepalen welke regels er zijn (groepen, jaren, rollen); die liggen vast in \
         het scenario waaruit deze werkmap is gemaakt.",
        laatste_kolom,
        breedte,
        o,
    )?;
    let mut c = InvoerCellen::default();
    let mut row: u32 = 3;
    row = scenario(ws, s, o, row, &mut c)?;
    row = uurtarieven(ws, s, o, row, &mut c)?;
    row = ondersteuning(ws, s, o, row, &mut c)?;
    row = aanvullingen::kostenposten(ws, s, o, row, &mut c)?;
    row = aanvullingen::elders(ws, s, o, row, &mut c)?;
    row = aanvullingen::bijdragen(ws, s, o, row, &mut c)?;
    row = groepen(ws, s, o, row, &breedtes, &mut c)?;
    row = verzekeraars(ws, s, o, row, &mut c)?;
    row = aanbiedingen(ws, s, o, row, &mut c)?;
    let eind = impact(ws, s, o, row, &mut c)?;
    afdruk(ws, eind, laatste_kolom, true)?;
    Ok(c)
}

/// The last column of a source text (`Bron`), which spans the columns from E.
pub(super) const BRON_TOT: u16 = 10;

/// A long text from column `eerste` to `laatste`, `breedte` characters together, wrapped.
pub(super) fn tekst_over(
    ws: &mut Worksheet,
    row: u32,
    (eerste, laatste): (u16, u16),
    tekst: &str,
    breedte: f64,
    o: &Opmaak,
) -> Result<(), XlsxError> {
    ws.merge_range(row, eerste, row, laatste, tekst, &o.tekst_lang)?;
    let regels = regels_nodig(tekst, breedte);
    if regels > 1 {
        ws.set_row_height(row, 15.0 * f64::from(regels) + 2.0)?;
    }
    Ok(())
}

/// The widths of the columns: 38 characters for the labels, then what each heading of the
/// groups table needs for its longest word, at least 15 for B to E and 11 after.
fn breedtes_van(koppen: &[String]) -> Vec<f64> {
    let mut breedtes = vec![38.0];
    for (i, k) in koppen.iter().enumerate().skip(1) {
        let woord = k.split_whitespace().map(|w| w.chars().count()).max();
        // Columns B to E also hold amounts of the other tables (rates, offers).
        let minst = if i <= 4 { 15.0 } else { 11.0 };
        breedtes.push((woord.unwrap_or(0) as f64 + 2.0).max(minst));
    }
    breedtes
}

/// A header row of the sheet, as high as its wrapped headings need.
pub(super) fn kop(
    ws: &mut Worksheet,
    s: &Scenario,
    row: u32,
    koppen: &[&str],
    tekst: &[usize],
    o: &Opmaak,
) -> Result<(), XlsxError> {
    kop_rij(ws, row, koppen, tekst, o)?;
    ws.set_row_height(row, kop_hoogte(koppen, &breedtes_van(&groep_koppen(s))))?;
    Ok(())
}

/// The headings of the groups table.
fn groep_koppen(s: &Scenario) -> Vec<String> {
    let mut koppen: Vec<String> = vec!["Groep".into(), "Start".into(), "Nieuw".into()];
    koppen.extend(
        s.uurtarieven
            .iter()
            .map(|u| format!("Deelnemers {}", rol_tekst(&u.rol))),
    );
    koppen.extend(
        [
            "Bijeenkomsten per jaar",
            "Duur (uur)",
            "Voorbereiding (uur)",
            "Reistijd (uur)",
            "Voorzitter (rol)",
            "Voorzitter (uur per bijeenkomst)",
            "Coördinatie (rol)",
            "Coördinatie (uur per patiënt)",
            "Telefonische ondersteuning (uur per jaar)",
            "Patiënten per jaar",
        ]
        .map(String::from),
    );
    koppen
}

/// The scenario's name, region, horizon, insured and indexation. Returns the next free row.
fn scenario(
    ws: &mut Worksheet,
    s: &Scenario,
    o: &Opmaak,
    mut row: u32,
    c: &mut InvoerCellen,
) -> Result<u32, XlsxError> {
    ws.write_string_with_format(row, 0, "Scenario", &o.sectie)?;
    row += 1;
    ws.write_string(row, 0, "Naam")?;
    tekst_over(ws, row, (1, 6), &s.naam, 6.0 * 14.0, o)?;
    row += 1;
    ws.write_string(row, 0, "Regio")?;
    tekst_over(
        ws,
        row,
        (1, 6),
        s.regio.as_deref().unwrap_or(""),
        6.0 * 14.0,
        o,
    )?;
    row += 1;
    ws.write_string(row, 0, "Startjaar")?;
    ws.write_number_with_format(row, 1, f64::from(s.startjaar), &o.getal_vast)?;
    let startjaar = op(INVOER, row, 1);
    row += 1;
    ws.write_string(row, 0, "Looptijd (jaren)")?;
    ws.write_number_with_format(row, 1, f64::from(s.looptijd_jaren), &o.getal_vast)?;
    let looptijd = op(INVOER, row, 1);
    row += 1;
    let (verzekerden, verzekerden_jaar, verzekerde_jaren) = match &s.verzekerden_per_jaar {
        None => {
            ws.write_string(row, 0, "Verzekerden")?;
            ws.write_number_with_format(row, 1, as_f64(s.verzekerden), &o.getal_invoer)?;
            let cel = op(INVOER, row, 1);
            row += 1;
            let jaren = format!("({cel}*{looptijd})");
            (cel.clone(), vec![cel; s.looptijd_jaren as usize], jaren)
        }
        Some(per_jaar) => {
            // One number per year: the years above, the numbers below, from column B.
            ws.write_string(row, 0, "Jaar")?;
            ws.write_string(row + 1, 0, "Verzekerden per jaar")?;
            let mut cellen = Vec::with_capacity(per_jaar.len());
            for ((k, n), jaar) in per_jaar.iter().enumerate().zip(s.jaren()) {
                let col = 1 + u16::try_from(k).unwrap_or(u16::MAX - 1);
                ws.write_number_with_format(row, col, f64::from(jaar), &o.getal_vast)?;
                ws.write_number_with_format(row + 1, col, as_f64(*n), &o.getal_invoer)?;
                cellen.push(op(INVOER, row + 1, col));
            }
            let eerste = cellen.first().cloned().unwrap_or_default();
            let laatste = cellen.last().cloned().unwrap_or_default();
            let laatste = laatste.rsplit('!').next().unwrap_or_default().to_string();
            row += 2;
            (eerste.clone(), cellen, format!("SUM({eerste}:{laatste})"))
        }
    };
    ws.write_string(row, 0, "Indexatie (% per jaar)")?;
    ws.write_number_with_format(row, 1, as_f64(s.indexatie_percentage), &o.getal_invoer)?;
    let indexatie = op(INVOER, row, 1);
    row += 2;
    c.startjaar = startjaar;
    c.looptijd = looptijd;
    c.verzekerden = verzekerden;
    c.verzekerden_jaar = verzekerden_jaar;
    c.verzekerde_jaren = verzekerde_jaren;
    c.indexatie = indexatie;
    Ok(row)
}

/// The hourly rate of every role and whether it is paid elsewhere. Returns the next free row.
fn uurtarieven(
    ws: &mut Worksheet,
    s: &Scenario,
    o: &Opmaak,
    mut row: u32,
    c: &mut InvoerCellen,
) -> Result<u32, XlsxError> {
    ws.write_string_with_format(row, 0, "Uurtarieven", &o.sectie)?;
    row += 1;
    kop(ws, s, row, &["Rol", "€ per uur"], &[0], o)?;
    row += 1;
    let mut tarief = Vec::new();
    for u in &s.uurtarieven {
        ws.write_string_with_format(row, 0, rol_tekst(&u.rol), &o.tekst_vast)?;
        ws.write_number_with_format(row, 1, as_f64(u.bedrag), &o.euro_invoer)?;
        tarief.push(op(INVOER, row, 1));
        row += 1;
    }
    row += 1;
    c.tarief = tarief;
    Ok(row)
}

/// The fixed amounts of the support lines. Returns the next free row.
fn ondersteuning(
    ws: &mut Worksheet,
    s: &Scenario,
    o: &Opmaak,
    mut row: u32,
    c: &mut InvoerCellen,
) -> Result<u32, XlsxError> {
    ws.write_string_with_format(row, 0, "Ondersteuning", &o.sectie)?;
    row += 1;
    let od = &s.ondersteuning;
    let veld = |ws: &mut Worksheet,
                row: &mut u32,
                label: &str,
                v: Decimal,
                fmt: &Format|
     -> Result<String, XlsxError> {
        ws.write_string(*row, 0, label)?;
        ws.write_number_with_format(*row, 1, as_f64(v), fmt)?;
        let cel = op(INVOER, *row, 1);
        *row += 1;
        Ok(cel)
    };
    let ict = veld(
        ws,
        &mut row,
        "ICT per actieve groep per jaar",
        od.ict_per_groep,
        &o.euro_invoer,
    )?;
    let huisvesting = veld(
        ws,
        &mut row,
        "Huisvesting per bijeenkomst",
        od.huisvesting_per_bijeenkomst,
        &o.euro_invoer,
    )?;
    let projectleiding_uren = veld(
        ws,
        &mut row,
        "Projectleiding (uren per jaar)",
        od.projectleiding_uren,
        &o.getal_invoer,
    )?;
    let projectleiding_uurtarief = veld(
        ws,
        &mut row,
        "Projectleiding (€ per uur)",
        od.projectleiding_uurtarief,
        &o.euro_invoer,
    )?;
    let monitoring = veld(
        ws,
        &mut row,
        "Monitoring en evaluatie per jaar",
        od.monitoring_per_jaar,
        &o.euro_invoer,
    )?;
    let startkosten = veld(
        ws,
        &mut row,
        "Startkosten per nieuwe groep (eenmalig)",
        od.startkosten_per_nieuwe_groep,
        &o.euro_invoer,
    )?;
    let scholing = veld(
        ws,
        &mut row,
        "Scholing per nieuwe deelnemer (eenmalig)",
        od.scholing_per_nieuwe_deelnemer,
        &o.euro_invoer,
    )?;
    let overhead = veld(
        ws,
        &mut row,
        "Overhead penvoerder (% van de TAPA$-regels)",
        od.overhead_percentage,
        &o.getal_invoer,
    )?;
    row += 1;
    c.ict = ict;
    c.huisvesting = huisvesting;
    c.projectleiding_uren = projectleiding_uren;
    c.projectleiding_uurtarief = projectleiding_uurtarief;
    c.monitoring = monitoring;
    c.startkosten = startkosten;
    c.scholing = scholing;
    c.overhead = overhead;
    Ok(row)
}

/// Every group with its participants and werkwijze. Returns the next free row.
fn groepen(
    ws: &mut Worksheet,
    s: &Scenario,
    o: &Opmaak,
    mut row: u32,
    breedtes: &[f64],
    c: &mut InvoerCellen,
) -> Result<u32, XlsxError> {
    ws.write_string_with_format(row, 0, "Groepen en werkwijze", &o.sectie)?;
    row += 1;
    let koppen = groep_koppen(s);
    let koppen_ref: Vec<&str> = koppen.iter().map(String::as_str).collect();
    let n = s.uurtarieven.len();
    kop_rij(ws, row, &koppen_ref, &[0, 2, 3 + n + 4, 3 + n + 6], o)?;
    ws.set_row_height(row, kop_hoogte(&koppen_ref, breedtes))?;
    row += 1;
    let eerste_groep = row;
    let n_rollen = u16::try_from(s.uurtarieven.len()).unwrap_or(u16::MAX);
    let werk = 3 + n_rollen;
    let mut groepen = Vec::new();
    for g in &s.groepen {
        let w = &g.werkwijze;
        ws.write_string_with_format(row, 0, &g.naam, &o.tekst_vast)?;
        ws.write_number_with_format(row, 1, f64::from(g.start), &o.getal_vast)?;
        ws.write_string_with_format(row, 2, if g.nieuw { "ja" } else { "nee" }, &o.tekst_vast)?;
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
        let num = |ws: &mut Worksheet, col: u16, v: Decimal| -> Result<String, XlsxError> {
            ws.write_number_with_format(row, werk + col, as_f64(v), &o.getal_invoer)?;
            Ok(op(INVOER, row, werk + col))
        };
        let bijeenkomsten = num(ws, 0, Decimal::from(w.bijeenkomsten_per_jaar))?;
        let duur = num(ws, 1, w.duur_uren)?;
        let voorbereiding = num(ws, 2, w.voorbereiding_uren)?;
        let reistijd = num(ws, 3, w.reistijd_uren)?;
        ws.write_string_with_format(row, werk + 4, rol_tekst(&w.voorzitter_rol), &o.tekst_vast)?;
        let voorzitter_uren = num(ws, 5, w.voorzitter_uren)?;
        ws.write_string_with_format(row, werk + 6, rol_tekst(&w.coordinatie_rol), &o.tekst_vast)?;
        let coordinatie = num(ws, 7, w.coordinatie_uren_per_patient)?;
        let telefonisch = num(ws, 8, w.telefonische_ondersteuning_uren)?;
        let patienten = num(ws, 9, w.patienten_per_jaar)?;
        groepen.push(GroepCellen {
            deelnemers,
            deelnemers_bereik,
            bijeenkomsten,
            duur,
            voorbereiding,
            reistijd,
            voorzitter_uren,
            coordinatie,
            telefonisch,
            patienten,
        });
        row += 1;
    }
    let laatste_groep = row.saturating_sub(1).max(eerste_groep);
    let start_bereik = format!(
        "{INVOER}!{}:{}",
        abs(eerste_groep, 1),
        abs(laatste_groep, 1)
    );
    let patienten_bereik = format!(
        "{INVOER}!{}:{}",
        abs(eerste_groep, werk + 9),
        abs(laatste_groep, werk + 9)
    );
    row += 1;
    c.groepen = groepen;
    c.start_bereik = start_bereik;
    c.patienten_bereik = patienten_bereik;
    Ok(row)
}

/// The insurers and their market shares. Returns the next free row.
fn verzekeraars(
    ws: &mut Worksheet,
    s: &Scenario,
    o: &Opmaak,
    mut row: u32,
    c: &mut InvoerCellen,
) -> Result<u32, XlsxError> {
    let mut verzekeraar_aandeel = Vec::new();
    if !s.verzekeraars.is_empty() {
        ws.write_string_with_format(row, 0, "Verzekeraars", &o.sectie)?;
        row += 1;
        kop(ws, s, row, &["Verzekeraar", "Marktaandeel (%)"], &[0], o)?;
        row += 1;
        for v in &s.verzekeraars {
            ws.write_string_with_format(row, 0, &v.naam, &o.tekst_vast)?;
            ws.write_number_with_format(
                row,
                1,
                as_f64(v.marktaandeel_percentage),
                &o.getal_invoer,
            )?;
            verzekeraar_aandeel.push(op(INVOER, row, 1));
            row += 1;
        }
        row += 1;
    }
    c.verzekeraar_aandeel = verzekeraar_aandeel;
    Ok(row)
}

/// The offers' terms. Returns the next free row.
fn aanbiedingen(
    ws: &mut Worksheet,
    s: &Scenario,
    o: &Opmaak,
    mut row: u32,
    c: &mut InvoerCellen,
) -> Result<u32, XlsxError> {
    let mut aanbod_label = Vec::new();
    let mut aanbod_tarief = Vec::new();
    let mut aanbod_plafond = Vec::new();
    if !s.aanbiedingen.is_empty() {
        ws.write_string_with_format(row, 0, "Aanbiedingen", &o.sectie)?;
        row += 1;
        kop(
            ws,
            s,
            row,
            &[
                "Aanbod",
                "Verzekeraar",
                "Tarief per verzekerde per jaar",
                "Plafond per jaar (leeg: geen)",
                "Jaren",
            ],
            &[0, 1, 4],
            o,
        )?;
        row += 1;
        for a in &s.aanbiedingen {
            ws.write_string_with_format(row, 0, &a.label, &o.tekst_vast)?;
            ws.write_string_with_format(row, 1, &a.verzekeraar, &o.tekst_vast)?;
            ws.write_number_with_format(row, 2, as_f64(a.tarief_per_verzekerde), &o.euro_invoer)?;
            match a.plafond {
                Some(p) => ws.write_number_with_format(row, 3, as_f64(p), &o.euro_invoer)?,
                None => ws.write_blank(row, 3, &o.euro_invoer)?,
            };
            let jaren: Vec<String> = a.jaren.iter().map(|j| j.to_string()).collect();
            ws.write_string_with_format(row, 4, jaren.join(", "), &o.tekst_vast)?;
            aanbod_label.push(op(INVOER, row, 0));
            aanbod_tarief.push(op(INVOER, row, 2));
            aanbod_plafond.push(op(INVOER, row, 3));
            row += 1;
        }
        row += 1;
    }
    c.aanbod_label = aanbod_label;
    c.aanbod_tarief = aanbod_tarief;
    c.aanbod_plafond = aanbod_plafond;
    Ok(row)
}

/// The impact inputs and the six indicators. Returns the next free row.
fn impact(
    ws: &mut Worksheet,
    s: &Scenario,
    o: &Opmaak,
    mut row: u32,
    c: &mut InvoerCellen,
) -> Result<u32, XlsxError> {
    let mut kanker = String::new();
    let mut disconto = String::new();
    let mut indicator = Vec::new();
    if let Some(imp) = &s.impact {
        ws.write_string_with_format(row, 0, "Impact", &o.sectie)?;
        row += 1;
        ws.write_string(row, 0, "Aandeel patiënten met kanker (%)")?;
        ws.write_number_with_format(
            row,
            1,
            as_f64(imp.aandeel_kanker_percentage),
            &o.getal_invoer,
        )?;
        kanker = op(INVOER, row, 1);
        row += 1;
        ws.write_string(row, 0, "Disconteringsvoet (% per jaar)")?;
        ws.write_number_with_format(
            row,
            1,
            as_f64(imp.disconteringsvoet_percentage),
            &o.getal_invoer,
        )?;
        disconto = op(INVOER, row, 1);
        row += 2;
        ws.write_string_with_format(row, 0, "Indicatoren (laatste 30 dagen)", &o.sectie)?;
        row += 1;
        kop(
            ws,
            s,
            row,
            &[
                "Indicator",
                "Basis (% van de patiënten)",
                "Reductie (%)",
                "Kosten per geval",
                "Bron",
            ],
            &[0, 4],
            o,
        )?;
        row += 1;
        for ind in &imp.indicatoren {
            ws.write_string_with_format(row, 0, ind.id.omschrijving(), &o.tekst_vast)?;
            ws.write_number_with_format(row, 1, as_f64(ind.basis_percentage), &o.getal_invoer)?;
            ws.write_number_with_format(row, 2, as_f64(ind.reductie_percentage), &o.getal_invoer)?;
            ws.write_number_with_format(row, 3, as_f64(ind.kosten_per_geval), &o.euro_invoer)?;
            tekst_over(ws, row, (4, BRON_TOT), &ind.bron, 14.0 * 7.0, o)?;
            indicator.push((
                ind.id,
                op(INVOER, row, 1),
                op(INVOER, row, 2),
                op(INVOER, row, 3),
            ));
            row += 1;
        }
    }

    c.kanker = kanker;
    c.disconto = disconto;
    c.indicator = indicator;
    Ok(row)
}
