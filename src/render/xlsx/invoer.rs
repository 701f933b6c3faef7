//! The sheet Invoer: every input of the scenario, in blue where a user may change it; returns
//! where each input stands for the formulas of the other sheets. Pure, no I/O.

use std::cell::RefCell;
use std::collections::BTreeMap;

use rust_decimal::Decimal;
use rust_xlsxwriter::{Worksheet, XlsxError};

use crate::scenario::{IndicatorId, Ondersteuning, Scenario};

use super::opmaak::{
    Opmaak, afdruk, as_f64, kolommen, kop_hoogte, kop_rij, op, regels_nodig, rol_tekst,
    titel_en_noot,
};

mod aanvullingen;
mod groepen;

use groepen::{WERKWIJZE, groep_koppen, werkwijze_koppen};

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
    /// The widths of the sheet's columns in characters, for the texts that wrap.
    pub(super) breedtes: Vec<f64>,
    /// The rows given a height of their own (points), for the page breaks between blocks.
    hoogtes: RefCell<BTreeMap<u32, f64>>,
}

#[derive(Default)]
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
    ws.set_column_range_width(1, 40, 14)?;
    let breedtes = breedtes(s);
    kolommen(ws, &breedtes)?;
    let laatste_kolom = u16::try_from(breedtes.len().saturating_sub(1)).unwrap_or(u16::MAX);
    let breedte: f64 = breedtes.iter().sum();
    titel_en_noot(
        ws,
        ("Invoer", s),
        "Blauwe cellen zijn invoer: wijzig ze en alle formules in de andere bladen rekenen mee. \
         Grijze cellen bepalen welke regels er zijn (groepen, jaren, rollen); die liggen vast in \
         het scenario waaruit deze werkmap is gemaakt.",
        laatste_kolom,
        breedte,
        o,
    )?;
    let mut c = InvoerCellen {
        breedtes,
        ..InvoerCellen::default()
    };
    // Each block starts at the row its predecessor returns.
    let blokken: [Blok; 11] = [
        scenario,
        uurtarieven,
        ondersteuning,
        aanvullingen::kostenposten,
        aanvullingen::elders,
        aanvullingen::bijdragen,
        groepen::groepen,
        groepen::werkwijze,
        verzekeraars,
        aanbiedingen,
        impact,
    ];
    let mut starts = Vec::with_capacity(blokken.len() + 1);
    let mut row: u32 = 3;
    for blok in blokken {
        starts.push(row);
        row = blok(ws, s, o, row, &mut c)?;
    }
    starts.push(row);
    starts.dedup();
    let kop = 19.0 * f64::from(regels_nodig(&s.naam, breedte / 1.4)) + 3.0 + 15.0 * 4.0;
    let breaks = pagina_einden(&starts, kop, &c, breedte);
    if !breaks.is_empty() {
        ws.set_page_breaks(&breaks)?;
    }
    afdruk(ws, row.saturating_sub(1), laatste_kolom, true)?;
    Ok(c)
}

/// A block of the sheet: writes from the given row, returns the next free row.
type Blok =
    fn(&mut Worksheet, &Scenario, &Opmaak, u32, &mut InvoerCellen) -> Result<u32, XlsxError>;

/// The rows before which a new page starts, so that no block that fits on a page is split
/// over two: the blocks start at `starts` (the last entry is the end of the last block), the
/// rows above the first take `boven` points, and the sheet is `breedte` characters wide.
fn pagina_einden(starts: &[u32], boven: f64, c: &InvoerCellen, breedte: f64) -> Vec<u32> {
    // A4 landscape: 10.69 in wide and 7.07 in high within the margins; the sheet is shrunk to
    // the width (a character about 7 pixels, 0.75 point each), and a little is kept in hand.
    let schaal = (10.69 * 72.0 / ((breedte + 0.7 * c.breedtes.len() as f64) * 7.0 * 0.75)).min(1.0);
    let pagina = 7.07 * 72.0 / schaal * 0.94;
    let hoogtes = c.hoogtes.borrow();
    let hoogte = |r: u32| hoogtes.get(&r).copied().unwrap_or(15.0);
    let laatste = starts.last().copied().unwrap_or(0);
    let mut breaks = Vec::new();
    let mut y = boven;
    for w in starts.windows(2) {
        let (start, eind) = (w[0], w[1]);
        // A long block (many groups) is measured only until it fills a page.
        let mut h = 0.0;
        for r in start..eind {
            h += hoogte(r);
            if h > pagina {
                break;
            }
        }
        if y + h > pagina && y > 0.0 {
            breaks.push(start);
            y = 0.0;
        }
        if h > pagina {
            // The block runs over pages; where it ends on its last page is not worked out, so
            // the next block starts a page of its own.
            if eind < laatste {
                breaks.push(eind);
            }
            y = 0.0;
        } else {
            y += h;
        }
    }
    breaks.dedup();
    breaks
}

/// The widest column A gets for its labels, in characters; a longer label wraps.
const LABEL_MAX: f64 = 40.0;

/// A long text from column `eerste` to `laatste`, wrapped within them. Returns the number of
/// lines it takes.
pub(super) fn tekst_over(
    ws: &mut Worksheet,
    c: &InvoerCellen,
    row: u32,
    (eerste, laatste): (u16, u16),
    tekst: &str,
    o: &Opmaak,
) -> Result<u32, XlsxError> {
    ws.merge_range(row, eerste, row, laatste, tekst, &o.tekst_lang)?;
    let regels = regels_nodig(tekst, c.breedte(eerste, laatste));
    hoogte(ws, c, row, regels)?;
    Ok(regels)
}

/// The height of a row of `regels` wrapped lines (more than one).
fn hoogte(ws: &mut Worksheet, c: &InvoerCellen, row: u32, regels: u32) -> Result<(), XlsxError> {
    if regels > 1 {
        rij_hoogte(ws, c, row, 15.0 * f64::from(regels) + 2.0)?;
    }
    Ok(())
}

/// Sets the height of `row` in points, and keeps it for the page breaks.
fn rij_hoogte(ws: &mut Worksheet, c: &InvoerCellen, row: u32, pt: f64) -> Result<(), XlsxError> {
    ws.set_row_height(row, pt)?;
    c.hoogtes.borrow_mut().insert(row, pt);
    Ok(())
}

/// Fixed texts of a row (grey), each in its column and wrapped there, the row as high as the
/// longest needs, and at least `regels` lines.
pub(super) fn teksten(
    ws: &mut Worksheet,
    c: &InvoerCellen,
    row: u32,
    cellen: &[(u16, &str)],
    regels: u32,
    o: &Opmaak,
) -> Result<(), XlsxError> {
    let mut nodig = regels;
    for (col, tekst) in cellen {
        ws.write_string_with_format(row, *col, *tekst, &o.tekst_vast)?;
        nodig = nodig.max(regels_nodig(tekst, c.breedte(*col, *col)));
    }
    if nodig > regels {
        hoogte(ws, c, row, nodig)?;
    }
    Ok(())
}

impl InvoerCellen {
    /// The last column of the sheet's tables; a long text (`Bron`) spans the columns up to it.
    pub(super) fn laatste_kolom(&self) -> u16 {
        u16::try_from(self.breedtes.len().saturating_sub(1)).unwrap_or(u16::MAX)
    }

    /// How many characters the columns `eerste..=laatste` hold together.
    pub(super) fn breedte(&self, eerste: u16, laatste: u16) -> f64 {
        (eerste..=laatste)
            .map(|col| self.breedtes.get(usize::from(col)).copied().unwrap_or(14.0))
            .sum()
    }
}

/// The widths of the columns: column A as wide as its longest label (at least 38, at most
/// [`LABEL_MAX`] characters), then per column what the headings of the groups tables need
/// for their longest word (a role column: its longest role), at least 15 for B to E (they also
/// hold the amounts of the other tables, and B the insurers of the offers) and 11 after.
fn breedtes(s: &Scenario) -> Vec<f64> {
    let langste = |teksten: &mut dyn Iterator<Item = usize>| teksten.max().unwrap_or(0) as f64;
    let labels = langste(
        &mut s
            .groepen
            .iter()
            .map(|g| g.naam.chars().count())
            .chain(s.aanbiedingen.iter().map(|a| a.label.chars().count()))
            .chain(s.verzekeraars.iter().map(|v| v.naam.chars().count()))
            .chain(s.kostenposten.iter().map(|k| k.naam.chars().count()))
            .chain(s.bijdragen.iter().map(|b| b.naam.chars().count())),
    );
    let rol = langste(
        &mut s
            .uurtarieven
            .iter()
            .map(|u| rol_tekst(&u.rol).chars().count()),
    ) + 3.0;
    let mut breedtes = vec![(labels + 3.0).clamp(38.0, LABEL_MAX)];
    let groep = groep_koppen(s);
    let mut tabellen: Vec<Vec<&str>> = vec![groep.iter().map(String::as_str).collect()];
    tabellen.extend(WERKWIJZE.iter().map(|(_, velden)| werkwijze_koppen(velden)));
    let n = tabellen.iter().map(Vec::len).max().unwrap_or(1).max(7);
    for i in 1..n {
        let minst = if i <= 4 { 15.0 } else { 11.0 };
        let mut b: f64 = minst;
        for k in tabellen.iter().filter_map(|t| t.get(i)) {
            let woord = k.split_whitespace().map(|w| w.chars().count()).max();
            b = b.max(woord.unwrap_or(0) as f64 + 2.0);
            if k.ends_with("(rol)") {
                b = b.max(rol);
            }
        }
        breedtes.push(b);
    }
    if let Some(b) = breedtes.get_mut(1) {
        let verzekeraar = langste(&mut s.verzekeraars.iter().map(|v| v.naam.chars().count()));
        *b = b.max((verzekeraar + 3.0).min(30.0));
    }
    breedtes
}

/// A header row of the sheet, as high as its wrapped headings need.
pub(super) fn kop(
    ws: &mut Worksheet,
    c: &InvoerCellen,
    row: u32,
    koppen: &[&str],
    tekst: &[usize],
    o: &Opmaak,
) -> Result<(), XlsxError> {
    kop_rij(ws, row, koppen, tekst, o)?;
    rij_hoogte(ws, c, row, kop_hoogte(koppen, &c.breedtes))?;
    Ok(())
}

/// A block's title with its table's header row under it. Returns the row below the header.
pub(super) fn tabel_kop(
    ws: &mut Worksheet,
    c: &InvoerCellen,
    row: u32,
    titel: &str,
    koppen: &[&str],
    tekst: &[usize],
    o: &Opmaak,
) -> Result<u32, XlsxError> {
    ws.write_string_with_format(row, 0, titel, &o.sectie)?;
    kop(ws, c, row + 1, koppen, tekst, o)?;
    Ok(row + 2)
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
    ws.write_string_with_format(row, 0, "Naam", &o.label_boven)?;
    tekst_over(ws, c, row, (1, c.laatste_kolom()), &s.naam, o)?;
    row += 1;
    ws.write_string_with_format(row, 0, "Regio", &o.label_boven)?;
    tekst_over(
        ws,
        c,
        row,
        (1, c.laatste_kolom()),
        s.regio.as_deref().unwrap_or(""),
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
    row = tabel_kop(ws, c, row, "Uurtarieven", &["Rol", "€ per uur"], &[0], o)?;
    let mut tarief = Vec::new();
    for u in &s.uurtarieven {
        teksten(ws, c, row, &[(0, &rol_tekst(&u.rol))], 1, o)?;
        ws.write_number_with_format(row, 1, as_f64(u.bedrag), &o.euro_invoer)?;
        tarief.push(op(INVOER, row, 1));
        row += 1;
    }
    row += 1;
    c.tarief = tarief;
    Ok(row)
}

/// The inputs of the support lines: label, value, whether it is an amount in euro, and the cell
/// of [`InvoerCellen`] that refers to it.
type OndersteuningVeld = (
    &'static str,
    fn(&Ondersteuning) -> Decimal,
    bool,
    fn(&mut InvoerCellen) -> &mut String,
);

const ONDERSTEUNING: [OndersteuningVeld; 8] = [
    (
        "ICT per actieve groep per jaar",
        |od| od.ict_per_groep,
        true,
        |c| &mut c.ict,
    ),
    (
        "Huisvesting per bijeenkomst",
        |od| od.huisvesting_per_bijeenkomst,
        true,
        |c| &mut c.huisvesting,
    ),
    (
        "Projectleiding (uren per jaar)",
        |od| od.projectleiding_uren,
        false,
        |c| &mut c.projectleiding_uren,
    ),
    (
        "Projectleiding (€ per uur)",
        |od| od.projectleiding_uurtarief,
        true,
        |c| &mut c.projectleiding_uurtarief,
    ),
    (
        "Monitoring en evaluatie per jaar",
        |od| od.monitoring_per_jaar,
        true,
        |c| &mut c.monitoring,
    ),
    (
        "Startkosten per nieuwe groep (eenmalig)",
        |od| od.startkosten_per_nieuwe_groep,
        true,
        |c| &mut c.startkosten,
    ),
    (
        "Scholing per nieuwe deelnemer (eenmalig)",
        |od| od.scholing_per_nieuwe_deelnemer,
        true,
        |c| &mut c.scholing,
    ),
    (
        "Overhead penvoerder (% van de TAPA$-regels)",
        |od| od.overhead_percentage,
        false,
        |c| &mut c.overhead,
    ),
];

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
    for (label, waarde, euro, cel) in ONDERSTEUNING {
        ws.write_string(row, 0, label)?;
        let fmt = if euro {
            &o.euro_invoer
        } else {
            &o.getal_invoer
        };
        ws.write_number_with_format(row, 1, as_f64(waarde(&s.ondersteuning)), fmt)?;
        *cel(c) = op(INVOER, row, 1);
        row += 1;
    }
    row += 1;
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
        row = tabel_kop(
            ws,
            c,
            row,
            "Verzekeraars",
            &["Verzekeraar", "Marktaandeel (%)"],
            &[0],
            o,
        )?;
        for v in &s.verzekeraars {
            teksten(ws, c, row, &[(0, &v.naam)], 1, o)?;
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
        row = tabel_kop(
            ws,
            c,
            row,
            "Aanbiedingen",
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
        for a in &s.aanbiedingen {
            let jaren: Vec<String> = a.jaren.iter().map(|j| j.to_string()).collect();
            let jaren = jaren.join(", ");
            teksten(
                ws,
                c,
                row,
                &[(0, &a.label), (1, &a.verzekeraar), (4, &jaren)],
                1,
                o,
            )?;
            ws.write_number_with_format(row, 2, as_f64(a.tarief_per_verzekerde), &o.euro_invoer)?;
            match a.plafond {
                Some(p) => ws.write_number_with_format(row, 3, as_f64(p), &o.euro_invoer)?,
                None => ws.write_blank(row, 3, &o.euro_invoer)?,
            };
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
        row = tabel_kop(
            ws,
            c,
            row,
            "Indicatoren (laatste 30 dagen)",
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
        for ind in &imp.indicatoren {
            ws.write_number_with_format(row, 1, as_f64(ind.basis_percentage), &o.getal_invoer)?;
            ws.write_number_with_format(row, 2, as_f64(ind.reductie_percentage), &o.getal_invoer)?;
            ws.write_number_with_format(row, 3, as_f64(ind.kosten_per_geval), &o.euro_invoer)?;
            let regels = tekst_over(ws, c, row, (4, c.laatste_kolom()), &ind.bron, o)?;
            teksten(ws, c, row, &[(0, ind.id.omschrijving())], regels, o)?;
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
