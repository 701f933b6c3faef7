//! The building blocks of the Word document: headings, paragraphs, the region's texts or the
//! marked place for them, tables (plain and one column per year), and the number formats a
//! Dutch reader expects (`€ 1.234,56`, `25 %`). Pure, no I/O.

use rust_decimal::Decimal;

use crate::decimal::dutch;
use crate::scenario::{Onderwerp, Scenario, Toelichting};

use super::pakket::esc;
use super::stijl::{
    AANWIJZING, BIJSCHRIFT, BREEDTE_TEKST, KLEUR_LIJN, KLEUR_TOTAAL, KLEUR_VELD, KOP1, KOP2, NOOT,
    TABELKOP, TABELTEKST,
};

/// Year columns per table: more do not fit the width of an A4 page.
pub(super) const JAREN_PER_TABEL: usize = 4;

/// Tables of at most this many rows are kept on one page.
const HEEL: usize = 14;

/// A heading in the document, for the table of contents.
pub(super) struct Kop {
    /// 1 or 2.
    pub(super) niveau: usize,
    /// The text.
    pub(super) tekst: String,
    /// The bookmark the table of contents points to.
    pub(super) anker: String,
}

/// The document being written: the WordprocessingML of its body, and its headings.
#[derive(Default)]
pub(super) struct Doc {
    pub(super) body: String,
    pub(super) koppen: Vec<Kop>,
}

/// A paragraph in style `stijl` (empty: Normal) with more paragraph properties `ppr` (in the
/// schema's order after the style) and the runs `runs`.
pub(super) fn alinea_xml(stijl: &str, ppr: &str, runs: &str) -> String {
    let style = if stijl.is_empty() {
        String::new()
    } else {
        format!("<w:pStyle w:val=\"{stijl}\"/>")
    };
    if style.is_empty() && ppr.is_empty() {
        format!("<w:p>{runs}</w:p>")
    } else {
        format!("<w:p><w:pPr>{style}{ppr}</w:pPr>{runs}</w:p>")
    }
}

/// A run of text, bold or not.
pub(super) fn run(tekst: &str, vet: bool) -> String {
    let rpr = if vet { "<w:rPr><w:b/></w:rPr>" } else { "" };
    format!(
        "<w:r>{rpr}<w:t xml:space=\"preserve\">{}</w:t></w:r>",
        esc(tekst)
    )
}

impl Doc {
    fn kop(&mut self, niveau: usize, tekst: &str) {
        let id = self.koppen.len() + 1;
        let anker = format!("_Toc{id:08}");
        let stijl = if niveau == 1 { KOP1 } else { KOP2 };
        self.body.push_str(&alinea_xml(
            stijl,
            "",
            &format!(
                "<w:bookmarkStart w:id=\"{id}\" w:name=\"{anker}\"/>{}<w:bookmarkEnd w:id=\"{id}\"/>",
                run(tekst, false)
            ),
        ));
        self.koppen.push(Kop {
            niveau,
            tekst: tekst.to_string(),
            anker,
        });
    }

    /// A chapter heading (Heading 1).
    pub(super) fn hoofdstuk(&mut self, tekst: &str) {
        self.kop(1, tekst);
    }

    /// A section heading (Heading 2).
    pub(super) fn paragraaf(&mut self, tekst: &str) {
        self.kop(2, tekst);
    }

    /// A paragraph of plain text.
    pub(super) fn alinea(&mut self, tekst: &str) {
        self.body.push_str(&alinea_xml("", "", &run(tekst, false)));
    }

    /// A paragraph of text in the paragraph style `stijl`.
    pub(super) fn met_stijl(&mut self, stijl: &str, tekst: &str) {
        self.body
            .push_str(&alinea_xml(stijl, "", &run(tekst, false)));
    }

    /// A paragraph of pieces (text with figures in bold).
    pub(super) fn alinea_delen(&mut self, delen: &[Deel<'_>]) {
        let runs: String = delen.iter().map(Deel::xml).collect();
        self.body.push_str(&alinea_xml("", "", &runs));
    }

    /// A note under a table, in smaller type.
    pub(super) fn noot(&mut self, tekst: &str) {
        self.met_stijl(NOOT, tekst);
    }

    /// The region's own text on `onderwerp`, paragraph by paragraph; where the region wrote
    /// none, a marked place saying what belongs there.
    pub(super) fn toelichting(&mut self, s: &Scenario, onderwerp: Onderwerp) {
        match s.toelichting.tekst(onderwerp) {
            Some(tekst) => {
                for a in Toelichting::alineas(tekst) {
                    self.alinea(&a);
                }
            }
            None => {
                let runs =
                    run("In te vullen door de regio: ", true) + &run(onderwerp.aanwijzing(), false);
                self.body.push_str(&alinea_xml(AANWIJZING, "", &runs));
            }
        }
    }

    /// A table with a caption: `kop` names the columns (`true`: a figure, right-aligned), the
    /// rows hold the cells' text. `totaal`: the last row is a total (bold, shaded). The header
    /// row repeats on every page the table runs over; no row is split over two pages.
    pub(super) fn tabel(
        &mut self,
        titel: &str,
        kop: &[(&str, bool)],
        rijen: &[Vec<String>],
        totaal: bool,
    ) {
        if rijen.is_empty() {
            return;
        }
        self.body
            .push_str(&alinea_xml(BIJSCHRIFT, "", &run(titel, false)));
        let breedtes = kolombreedtes(kop, rijen);
        let lijn = |kant: &str| {
            format!(
                "<w:{kant} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"{KLEUR_LIJN}\"/>"
            )
        };
        let randen: String = ["top", "left", "bottom", "right", "insideH", "insideV"]
            .iter()
            .map(|k| lijn(k))
            .collect();
        self.body.push_str(&format!(
            "<w:tbl><w:tblPr><w:tblW w:w=\"{}\" w:type=\"dxa\"/><w:tblBorders>{randen}</w:tblBorders>\
             <w:tblLayout w:type=\"fixed\"/>{CELMARGES}<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" \
             w:lastRow=\"0\" w:firstColumn=\"1\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/>\
             </w:tblPr><w:tblGrid>",
            breedtes.iter().sum::<usize>()
        ));
        for w in &breedtes {
            self.body.push_str(&format!("<w:gridCol w:w=\"{w}\"/>"));
        }
        self.body.push_str("</w:tblGrid>");
        // The header row.
        self.body
            .push_str("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
        for ((tekst, getal), w) in kop.iter().zip(&breedtes) {
            self.body.push_str(&cel(
                tekst,
                *getal,
                true,
                Some(KLEUR_VELD),
                *w,
                TABELKOP,
                true,
            ));
        }
        self.body.push_str("</w:tr>");
        let n = rijen.len();
        // A short table stays on one page: every row but the last is kept with the next.
        let heel = n <= HEEL;
        for (i, r) in rijen.iter().enumerate() {
            let vet = totaal && i + 1 == n;
            let bij_elkaar = heel && i + 1 < n;
            let vlak = vet.then_some(KLEUR_TOTAAL);
            self.body.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
            for (tekst, ((_, getal), w)) in r.iter().zip(kop.iter().zip(&breedtes)) {
                self.body
                    .push_str(&cel(tekst, *getal, vet, vlak, *w, TABELTEKST, bij_elkaar));
            }
            self.body.push_str("</w:tr>");
        }
        self.body.push_str("</w:tbl>");
        // Room before what follows, and a paragraph between two tables (else they run
        // together).
        self.body.push_str(&alinea_xml(
            NOOT,
            "<w:spacing w:before=\"0\" w:after=\"60\"/>",
            "",
        ));
    }
    /// A table with one column per year and a total column, split into tables of at most
    /// [`JAREN_PER_TABEL`] years (the total in the last one). Each row: its label, a value per
    /// year, and its total (`None`: empty).
    pub(super) fn jaartabel(&mut self, titel: &str, kop: &str, jaren: &[i32], rijen: &[JaarRij]) {
        if rijen.is_empty() || jaren.is_empty() {
            return;
        }
        let heeft_totaal = rijen.iter().any(|r| r.totaal.is_some());
        let stukken: Vec<&[i32]> = jaren.chunks(JAREN_PER_TABEL).collect();
        let n = stukken.len();
        for (k, stuk) in stukken.iter().enumerate() {
            let begin = k * JAREN_PER_TABEL;
            let laatste = k + 1 == n;
            let titel = match (n > 1, stuk.first(), stuk.last()) {
                (true, Some(a), Some(b)) if a != b => format!("{titel} ({a}–{b})"),
                (true, Some(a), _) => format!("{titel} ({a})"),
                _ => titel.to_string(),
            };
            let jaar_koppen: Vec<String> = stuk.iter().map(|j| j.to_string()).collect();
            let mut koppen: Vec<(&str, bool)> = vec![(kop, false)];
            koppen.extend(jaar_koppen.iter().map(|j| (j.as_str(), true)));
            if laatste && heeft_totaal {
                koppen.push(("Totaal", true));
            }
            let tekst_rijen: Vec<Vec<String>> = rijen
                .iter()
                .map(|r| {
                    let mut cellen = vec![r.label.clone()];
                    cellen.extend(r.jaren.iter().skip(begin).take(stuk.len()).cloned());
                    if laatste && heeft_totaal {
                        cellen.push(r.totaal.clone().unwrap_or_default());
                    }
                    cellen
                })
                .collect();
            let totaal = rijen.last().is_some_and(|r| r.totaalrij);
            self.tabel(&titel, &koppen, &tekst_rijen, totaal);
        }
    }

    /// Facts as a two-column table without lines: a label (bold), then its value.
    pub(super) fn feiten(&mut self, feiten: &[(&str, String)]) {
        let breedtes = [BREEDTE_TEKST * 2 / 5, BREEDTE_TEKST - BREEDTE_TEKST * 2 / 5];
        self.body.push_str(&format!(
            "<w:tbl><w:tblPr><w:tblW w:w=\"{BREEDTE_TEKST}\" w:type=\"dxa\"/>\
             <w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"{}\"/>\
             <w:gridCol w:w=\"{}\"/></w:tblGrid>",
            breedtes[0], breedtes[1]
        ));
        for (label, waarde) in feiten {
            self.body.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
            self.body
                .push_str(&cel(label, false, true, None, breedtes[0], "", false));
            self.body
                .push_str(&cel(waarde, false, false, None, breedtes[1], "", false));
            self.body.push_str("</w:tr>");
        }
        self.body.push_str("</w:tbl>");
        // Word needs a paragraph between two tables, or they run together.
        self.body.push_str(&alinea_xml("", "", ""));
    }

    /// A list of items, each a paragraph after a dash, hanging.
    pub(super) fn opsomming(&mut self, items: &[String]) {
        for i in items {
            self.body.push_str(&alinea_xml(
                "",
                "<w:spacing w:after=\"60\"/><w:ind w:left=\"360\" w:hanging=\"360\"/>",
                &format!("{}<w:r><w:tab/></w:r>{}", run("–", false), run(i, false)),
            ));
        }
    }

    /// A page break.
    pub(super) fn nieuwe_pagina(&mut self) {
        self.body
            .push_str("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>");
    }
}

/// One table cell: its text in paragraph style `stijl` (right-aligned for a figure), bold or
/// not, shaded with `vlak`.
fn cel(
    tekst: &str,
    getal: bool,
    vet: bool,
    vlak: Option<&str>,
    breedte: usize,
    stijl: &str,
    bij_elkaar: bool,
) -> String {
    let shd = vlak.map_or(String::new(), |f| {
        format!("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{f}\"/>")
    });
    let mut ppr = String::new();
    if bij_elkaar {
        ppr.push_str("<w:keepNext/>");
    }
    if getal {
        ppr.push_str("<w:jc w:val=\"right\"/>");
    }
    format!(
        "<w:tc><w:tcPr><w:tcW w:w=\"{breedte}\" w:type=\"dxa\"/>{shd}</w:tcPr>{}</w:tc>",
        alinea_xml(stijl, &ppr, &run(tekst, vet))
    )
}

/// A piece of running text: plain, or a figure (bold).
pub(super) enum Deel<'a> {
    /// Plain text.
    Tekst(&'a str),
    /// A figure.
    Getal(String),
}

impl Deel<'_> {
    fn xml(&self) -> String {
        match self {
            Deel::Tekst(t) => run(t, false),
            Deel::Getal(g) => run(g, true),
        }
    }
}

/// A row of a year table.
pub(super) struct JaarRij {
    pub(super) label: String,
    pub(super) jaren: Vec<String>,
    pub(super) totaal: Option<String>,
    /// The row is the table's total (bold, shaded): only for the last row.
    pub(super) totaalrij: bool,
}

impl JaarRij {
    /// A row of amounts per year and a total.
    pub(super) fn bedragen(
        label: &str,
        jaren: impl IntoIterator<Item = Decimal>,
        totaal: Decimal,
    ) -> Self {
        JaarRij {
            label: label.to_string(),
            jaren: jaren.into_iter().map(euro).collect(),
            totaal: Some(euro(totaal)),
            totaalrij: false,
        }
    }

    /// The same row, as the table's total.
    pub(super) fn als_totaal(mut self) -> Self {
        self.totaalrij = true;
        self
    }
}

/// The width of one character of table text in twips, generous: a bold digit at 8.5 points
/// in the widest font a reader may see (LibreOffice without Calibri or its metric twin draws
/// DejaVu Sans, about 108 twips; Calibri in Word about 86).
const TEKEN: usize = 112;
/// The same for a letter of a header cell (bold).
const KOPTEKEN: usize = 125;
/// A cell's left and right margins together, in twips (85 each, [`CELMARGES`]), and a little
/// room.
const MARGES: usize = 2 * 85 + 40;
/// The cell margins of every table.
const CELMARGES: &str = "<w:tblCellMar><w:left w:w=\"85\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar>";

/// Column widths in twips, from the content: no column narrower than its longest word (a
/// figure, with its no-break spaces, is one word), so that no heading or amount is split
/// mid-word; what is left goes to the columns whose text would wrap, in proportion.
fn kolombreedtes(kop: &[(&str, bool)], rijen: &[Vec<String>]) -> Vec<usize> {
    let lengte = |t: &str| t.chars().count();
    // Only a plain space breaks a line: `€ -1.234,56` (no-break space) is one word.
    let woord = |t: &str| t.split(' ').map(lengte).max().unwrap_or(0);
    // A heading may also break at a soft hyphen.
    let kopwoord = |t: &str| t.split([' ', '\u{ad}']).map(lengte).max().unwrap_or(0);
    let mut min: Vec<usize> = kop
        .iter()
        .map(|(k, _)| (kopwoord(k) * KOPTEKEN).div_ceil(TEKEN))
        .collect();
    let mut wil: Vec<usize> = kop.iter().map(|(k, _)| lengte(k).min(24)).collect();
    for r in rijen {
        for (i, c) in r.iter().enumerate().take(kop.len()) {
            min[i] = min[i].max(woord(c));
            wil[i] = wil[i].max(lengte(c));
        }
    }
    let min: Vec<usize> = min.iter().map(|n| n * TEKEN + MARGES).collect();
    let wil: Vec<usize> = wil
        .iter()
        .zip(&min)
        .map(|(n, m)| (n * TEKEN + MARGES).max(*m))
        .collect();
    verdeel(&min, &wil, BREEDTE_TEKST)
}

/// Widths between `min` and `wil` that fill `breedte`: all `wil` and the rest spread
/// evenly when they fit; else `min` and the rest in proportion to what each still wants; else
/// `min` scaled down.
fn verdeel(min: &[usize], wil: &[usize], breedte: usize) -> Vec<usize> {
    let n = min.len().max(1);
    let som_wil: usize = wil.iter().sum();
    let som_min: usize = min.iter().sum();
    if som_wil <= breedte {
        let extra = (breedte - som_wil) / n;
        return wil.iter().map(|w| w + extra).collect();
    }
    if som_min <= breedte {
        let rest = breedte - som_min;
        let tekort = som_wil - som_min;
        return min
            .iter()
            .zip(wil)
            .map(|(m, w)| m + (w - m) * rest / tekort.max(1))
            .collect();
    }
    min.iter().map(|m| m * breedte / som_min.max(1)).collect()
}

/// An amount in euro, Dutch notation, a no-break space after the sign: `€ 1.234,56`.
pub(super) fn euro(v: Decimal) -> String {
    format!("€\u{a0}{}", dutch(v, 2))
}

/// An amount as written in the scenario, with at least two decimals.
pub(super) fn euro_invoer(v: Decimal) -> String {
    format!("€\u{a0}{}", zoals_gegeven(v, 2))
}

/// A number as written in the scenario, with at least `min` decimals.
pub(super) fn zoals_gegeven(v: Decimal, min: u32) -> String {
    let n = v.normalize();
    dutch(n, n.scale().max(min))
}

/// A percentage as written in the scenario: `45 %`, `5,3 %`.
pub(super) fn procent(v: Decimal) -> String {
    format!("{}\u{a0}%", zoals_gegeven(v, 0))
}

/// A calculated percentage, one decimal; `—` without one (a zero denominator).
pub(super) fn ratio(v: Option<Decimal>) -> String {
    v.map_or_else(|| "—".to_string(), |v| format!("{}\u{a0}%", dutch(v, 1)))
}

/// An expected count, one decimal.
pub(super) fn aantal(v: Decimal) -> String {
    dutch(v, 1)
}

/// The insured persons: one number, or per year (`150.000 in 2026, 158.000 in 2027`).
pub(super) fn verzekerden(s: &Scenario) -> String {
    match &s.verzekerden_per_jaar {
        Some(per_jaar) => per_jaar
            .iter()
            .zip(s.jaren())
            .map(|(v, j)| format!("{} in {j}", dutch(*v, 0)))
            .collect::<Vec<_>>()
            .join(", "),
        None => dutch(s.verzekerden, 0),
    }
}

/// The horizon: `2026` or `2026–2028`.
pub(super) fn looptijd(s: &Scenario) -> String {
    if s.looptijd_jaren == 1 {
        s.startjaar.to_string()
    } else {
        format!("{}–{}", s.startjaar, s.eindjaar())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_written_the_dutch_way_with_a_no_break_space() {
        assert_eq!(euro(Decimal::new(123_456, 2)), "€\u{a0}1.234,56");
        assert_eq!(euro(Decimal::new(-5, 1)), "€\u{a0}-0,50");
        assert_eq!(euro_invoer(Decimal::new(1165, 1)), "€\u{a0}116,50");
        assert_eq!(procent(Decimal::new(53, 1)), "5,3\u{a0}%");
        assert_eq!(ratio(None), "—");
        assert_eq!(ratio(Some(Decimal::new(12_345, 3))), "12,3\u{a0}%");
    }

    #[test]
    fn no_column_is_narrower_than_its_longest_word_and_together_they_fill_the_page() {
        let kop = [("Verzekeraar", false), ("Kostenaandeel", true)];
        let rijen = vec![vec!["CZ".to_string(), euro(Decimal::new(36_398_284, 2))]];
        let w = kolombreedtes(&kop, &rijen);
        // "Kostenaandeel" (13) and "€ 363.982,84" (12): 13 characters at least.
        assert!(w[1] >= 13 * TEKEN + MARGES, "{w:?}");
        let som: usize = w.iter().sum();
        assert!(som <= BREEDTE_TEKST && som + 2 > BREEDTE_TEKST, "{w:?}");
        // Too much: every column keeps its longest word, the wrapping text gives way.
        assert_eq!(verdeel(&[100, 100], &[100, 500], 300), [100, 200]);
        assert_eq!(verdeel(&[100, 100], &[150, 150], 400), [200, 200]);
        assert_eq!(verdeel(&[300, 300], &[300, 300], 300), [150, 150]);
    }
}
