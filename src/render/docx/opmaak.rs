//! The building blocks of the Word document, on the docx-rs crate: headings, paragraphs, the
//! region's texts or the marked place for them, tables (plain and one column per year),
//! pictures with a caption, the table of contents, and the number formats a Dutch reader
//! expects (`€ 1.234,56`, `25 %`). [`Doc::bestand`] puts it all into a .docx file: A4, the
//! styles of [`super::stijl`], a footer with the page number. Pure, no I/O: the file is built in
//! memory.
//!
//! Every paragraph gets its id from the document itself (docx-rs would take one from a
//! counter of the thread), and every picture its relationship id, so the same input gives the
//! same bytes, also when one thread writes several documents.

use std::io::Cursor;

use docx_rs::{
    AlignmentType, BreakType, Docx, FieldCharType, Footer, Hyperlink, HyperlinkType, InstrPAGEREF,
    InstrText, PageMargin, PageNum, Paragraph, Pic, Run, SpecialIndentType, Table, TableBorder,
    TableBorderPosition, TableBorders, TableCell, TableCellMargins, TableLayoutType, TableRow,
    WidthType,
};
use rust_decimal::Decimal;

use crate::calc::overzicht::Subtotaal;
use crate::decimal::dutch;
use crate::scenario::{Onderwerp, Scenario, Toelichting};

use super::nabewerking;
use super::stijl::{
    A4, AANWIJZING, BIJSCHRIFT, BREEDTE_TEKST, FIGUUR, INHOUD1, INHOUD2, KLEUR_LIJN, KLEUR_TOTAAL,
    KLEUR_VELD, KOP1, KOP2, MARGE, NOOT, ONDERTITEL, TABELKOP, TABELTEKST, TITEL,
};
use super::{Afbeelding, DocxError};

/// Year columns per table: more do not fit the width of an A4 page.
pub(crate) const JAREN_PER_TABEL: usize = 4;

/// Tables of at most this many rows are kept on one page.
const HEEL: usize = 14;

/// English Metric Units per twip (914.400 per inch, 1.440 twips per inch).
const EMU_PER_TWIP: u64 = 635;

/// A heading in the document, for the table of contents.
struct Kop {
    /// 1 or 2.
    niveau: usize,
    /// The text.
    tekst: String,
    /// The bookmark the table of contents points to.
    anker: String,
}

/// A piece of the body, in order.
enum Blok {
    Alinea(Box<Paragraph>),
    Tabel(Box<Table>),
    /// Where the table of contents goes; `true`: on a new page.
    Inhoud(bool),
}

/// The document being written: its body, piece by piece, and its headings.
#[derive(Default)]
pub(crate) struct Doc {
    blokken: Vec<Blok>,
    koppen: Vec<Kop>,
    /// Paragraphs made so far (their ids).
    alineas: u32,
    /// Pictures placed so far (their relationship ids).
    afbeeldingen: usize,
    /// The report's charts, each placed by [`Doc::grafiek`] in its chapter.
    grafieken: Vec<Afbeelding>,
    /// The next paragraph starts a new page ([`Doc::nieuwe_pagina`]).
    nieuwe_pagina: bool,
}

/// Text as Word may hold it: a tab or line break becomes a space, other control characters go
/// (the scenario refuses them, so nothing is lost from a valid one).
fn schoon(tekst: &str) -> String {
    tekst
        .chars()
        .filter_map(|c| match c {
            '\t' | '\n' | '\r' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

/// A run of text, bold or not.
fn run(tekst: &str, vet: bool) -> Run {
    let r = Run::new().add_text(schoon(tekst));
    if vet { r.bold() } else { r }
}

impl Doc {
    /// An empty document whose chapters place the charts `grafieken`.
    pub(crate) fn met_afbeeldingen(grafieken: &[Afbeelding]) -> Doc {
        Doc {
            grafieken: grafieken.to_vec(),
            ..Doc::default()
        }
    }

    /// The chart named `naam` (a [`crate::render::grafiek::NAMEN`]) with its caption, when
    /// the document has it as a picture; a note that it is in the HTML report when it could not
    /// be drawn; else nothing.
    pub(crate) fn grafiek(&mut self, naam: &str) {
        let Some(i) = self.grafieken.iter().position(|g| g.naam == naam) else {
            return;
        };
        let g = self.grafieken.swap_remove(i);
        if g.png.is_empty() {
            self.noot(&format!(
                "De grafiek ‘{}’ staat in het HTML-rapport van deze businesscase.",
                g.titel
            ));
            return;
        }
        self.afbeelding(g.png, g.breedte_px, g.hoogte_px, &g.titel);
    }

    /// Whether the document has the chart `naam` as a picture (still to be placed).
    pub(crate) fn heeft_grafiek(&self, naam: &str) -> bool {
        self.grafieken.iter().any(|g| g.naam == naam)
    }

    /// A new, empty paragraph with its own id (at the top of a new page after
    /// [`Doc::nieuwe_pagina`]).
    fn p(&mut self) -> Paragraph {
        self.alineas += 1;
        let p = Paragraph::new().id(format!("{:08X}", self.alineas));
        if std::mem::take(&mut self.nieuwe_pagina) {
            p.page_break_before(true)
        } else {
            p
        }
    }

    /// A paragraph in style `stijl` (empty: Normal).
    fn p_stijl(&mut self, stijl: &str) -> Paragraph {
        let p = self.p();
        if stijl.is_empty() { p } else { p.style(stijl) }
    }

    fn push(&mut self, p: Paragraph) {
        self.blokken.push(Blok::Alinea(Box::new(p)));
    }

    fn kop(&mut self, niveau: usize, tekst: &str) {
        let id = self.koppen.len() + 1;
        let anker = format!("_Toc{id:08}");
        let stijl = if niveau == 1 { KOP1 } else { KOP2 };
        let p = self
            .p_stijl(stijl)
            .add_bookmark_start(id, &anker)
            .add_run(run(&koptekst(tekst), false))
            .add_bookmark_end(id);
        self.push(p);
        self.koppen.push(Kop {
            niveau,
            tekst: tekst.to_string(),
            anker,
        });
    }

    /// A chapter heading (Heading 1).
    pub(crate) fn hoofdstuk(&mut self, tekst: &str) {
        self.kop(1, tekst);
    }

    /// A section heading (Heading 2).
    pub(crate) fn paragraaf(&mut self, tekst: &str) {
        self.kop(2, tekst);
    }

    /// The document's title (style Title), `TAPA$-prestatie 1` kept on one line.
    pub(crate) fn titel(&mut self, tekst: &str) {
        self.met_stijl(TITEL, &koptekst(tekst));
    }

    /// A subtitle under the title in lines short enough not to wrap (one paragraph, a line
    /// break between two), so that no line breaks inside `TAPA$-prestatie 1`; the text keeps
    /// its plain hyphen, as a reader searches for it.
    pub(crate) fn ondertitel(&mut self, regels: &[&str]) {
        let mut p = self.p_stijl(ONDERTITEL);
        for (i, r) in regels.iter().enumerate() {
            if i > 0 {
                p = p.add_run(Run::new().add_break(BreakType::TextWrapping));
            }
            p = p.add_run(run(r, false));
        }
        self.push(p);
    }

    /// A paragraph of plain text.
    pub(crate) fn alinea(&mut self, tekst: &str) {
        self.met_stijl("", tekst);
    }

    /// A paragraph of plain text kept on the page of what follows (a figure it introduces).
    pub(crate) fn alinea_bij_volgende(&mut self, tekst: &str) {
        let p = self.p().keep_next(true).add_run(run(tekst, false));
        self.push(p);
    }

    /// A paragraph of text in the paragraph style `stijl`.
    pub(crate) fn met_stijl(&mut self, stijl: &str, tekst: &str) {
        let p = self.p_stijl(stijl).add_run(run(tekst, false));
        self.push(p);
    }

    /// A paragraph of pieces (text with figures in bold).
    pub(crate) fn alinea_delen(&mut self, delen: &[Deel<'_>]) {
        self.delen_met_stijl("", delen);
    }

    /// A paragraph of pieces in the paragraph style `stijl`.
    pub(crate) fn delen_met_stijl(&mut self, stijl: &str, delen: &[Deel<'_>]) {
        let mut p = self.p_stijl(stijl);
        for d in delen {
            p = p.add_run(d.run());
        }
        self.push(p);
    }

    /// A note under a table, in smaller type.
    pub(crate) fn noot(&mut self, tekst: &str) {
        self.met_stijl(NOOT, tekst);
    }

    /// The region's own text on `onderwerp`, paragraph by paragraph; where the region wrote
    /// none, a marked place saying what belongs there.
    pub(crate) fn toelichting(&mut self, s: &Scenario, onderwerp: Onderwerp) {
        match s.toelichting.tekst(onderwerp) {
            Some(tekst) => {
                for a in Toelichting::alineas(tekst) {
                    self.alinea(&a);
                }
            }
            None => {
                let p = self
                    .p_stijl(AANWIJZING)
                    .add_run(run("In te vullen door de regio: ", true))
                    .add_run(run(onderwerp.aanwijzing(), false));
                self.push(p);
            }
        }
    }

    /// A table with a caption: `kop` names the columns (`true`: a figure, right-aligned), the
    /// rows hold the cells' text. `totaal`: the last row is a total (bold, shaded). No row is
    /// split over two pages; a short table is kept on one page; the header row is repeated on
    /// every page a long table runs onto.
    pub(crate) fn tabel(
        &mut self,
        titel: &str,
        kop: &[(&str, bool)],
        rijen: &[Vec<String>],
        totaal: bool,
    ) {
        self.tabel_met(titel, kop, rijen, totaal, false);
    }

    /// The same table kept on the page of the paragraph that follows it (its note): its last
    /// row (a short table: the whole table) goes with that paragraph to the next page.
    pub(crate) fn tabel_bij_volgende(
        &mut self,
        titel: &str,
        kop: &[(&str, bool)],
        rijen: &[Vec<String>],
        totaal: bool,
    ) {
        self.tabel_met(titel, kop, rijen, totaal, true);
    }

    fn tabel_met(
        &mut self,
        titel: &str,
        kop: &[(&str, bool)],
        rijen: &[Vec<String>],
        totaal: bool,
        bij_volgende: bool,
    ) {
        if rijen.is_empty() {
            return;
        }
        self.met_stijl(BIJSCHRIFT, titel);
        let breedtes = kolombreedtes(kop, rijen);
        let koprij: Vec<TableCell> = kop
            .iter()
            .zip(&breedtes)
            .map(|((tekst, getal), w)| {
                let p = self.p_stijl(TABELKOP);
                cel(p, tekst, *getal, true, Some(KLEUR_VELD), *w, true)
            })
            .collect();
        let mut rows = vec![nabewerking::als_koprij(TableRow::new(koprij).cant_split())];
        let n = rijen.len();
        // A short table stays on one page: every row but the last is kept with the next.
        let heel = n <= HEEL;
        for (i, r) in rijen.iter().enumerate() {
            let vet = totaal && i + 1 == n;
            let bij_elkaar = (heel && i + 1 < n) || (bij_volgende && i + 1 == n);
            let vlak = vet.then_some(KLEUR_TOTAAL);
            let cellen: Vec<TableCell> = r
                .iter()
                .zip(kop.iter().zip(&breedtes))
                .map(|(tekst, ((_, getal), w))| {
                    let p = self.p_stijl(TABELTEKST);
                    cel(p, tekst, *getal, vet, vlak, *w, bij_elkaar)
                })
                .collect();
            rows.push(TableRow::new(cellen).cant_split());
        }
        let lijn = |kant| TableBorder::new(kant).size(4).color(KLEUR_LIJN);
        let randen = [
            TableBorderPosition::Top,
            TableBorderPosition::Left,
            TableBorderPosition::Bottom,
            TableBorderPosition::Right,
            TableBorderPosition::InsideH,
            TableBorderPosition::InsideV,
        ]
        .into_iter()
        .fold(TableBorders::new(), |b, k| b.set(lijn(k)));
        let tabel = Table::new(rows)
            .set_grid(breedtes.clone())
            .width(breedtes.iter().sum(), WidthType::Dxa)
            .layout(TableLayoutType::Fixed)
            .margins(celmarges())
            .set_borders(randen);
        self.blokken.push(Blok::Tabel(Box::new(tabel)));
        // Room before what follows, and a paragraph between two tables (else they run
        // together).
        let p = self
            .p_stijl(NOOT)
            .line_spacing(docx_rs::LineSpacing::new().before(0).after(60))
            .keep_next(bij_volgende);
        self.push(p);
    }

    /// A table with one column per year and a total column, split into tables of at most
    /// [`JAREN_PER_TABEL`] years (the total in the last one). Each row: its label, a value per
    /// year, and its total (`None`: empty).
    pub(crate) fn jaartabel(&mut self, titel: &str, kop: &str, jaren: &[i32], rijen: &[JaarRij]) {
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
    pub(crate) fn feiten(&mut self, feiten: &[(&str, String)]) {
        let links = BREEDTE_TEKST * 2 / 5;
        let breedtes = [links, BREEDTE_TEKST - links];
        let rows: Vec<TableRow> = feiten
            .iter()
            .map(|(label, waarde)| {
                let a = self.p();
                let b = self.p();
                TableRow::new(vec![
                    cel(a, label, false, true, None, breedtes[0], false),
                    cel(b, waarde, false, false, None, breedtes[1], false),
                ])
                .cant_split()
            })
            .collect();
        let tabel = Table::without_borders(rows)
            .set_grid(breedtes.to_vec())
            .width(BREEDTE_TEKST, WidthType::Dxa)
            .layout(TableLayoutType::Fixed)
            .margins(celmarges());
        self.blokken.push(Blok::Tabel(Box::new(tabel)));
        // Word needs a paragraph between two tables, or they run together.
        let p = self.p();
        self.push(p);
    }

    /// A list of items, each a paragraph after a dash, hanging.
    pub(crate) fn opsomming(&mut self, items: &[String]) {
        for i in items {
            let p = self
                .p()
                .line_spacing(docx_rs::LineSpacing::new().after(60))
                .indent(Some(360), Some(SpecialIndentType::Hanging(360)), None, None)
                .add_run(run("–", false))
                .add_run(Run::new().add_tab())
                .add_run(run(i, false));
            self.push(p);
        }
    }

    /// What follows starts on a new page: its first paragraph breaks the page before it (a
    /// paragraph holding a page break would stand on a page of its own when the page before is
    /// full).
    pub(crate) fn nieuwe_pagina(&mut self) {
        self.nieuwe_pagina = true;
    }

    /// A picture (PNG, `breedte_px` × `hoogte_px` pixels) across the width of the text, with
    /// its caption above it. A picture without pixels is left out.
    pub(crate) fn afbeelding(
        &mut self,
        png: Vec<u8>,
        breedte_px: u32,
        hoogte_px: u32,
        bijschrift: &str,
    ) {
        if breedte_px == 0 || hoogte_px == 0 || png.is_empty() {
            return;
        }
        self.afbeeldingen += 1;
        let breedte = BREEDTE_TEKST as u64 * EMU_PER_TWIP;
        let hoogte = breedte * u64::from(hoogte_px) / u64::from(breedte_px);
        let (Ok(b), Ok(h)) = (u32::try_from(breedte), u32::try_from(hoogte)) else {
            return;
        };
        let pic = Pic::new_with_dimensions(png, breedte_px, hoogte_px)
            .id(format!("rIdImage{}", self.afbeeldingen))
            .size(b, h);
        self.met_stijl(BIJSCHRIFT, bijschrift);
        let p = self.p_stijl(FIGUUR).add_run(Run::new().add_image(pic));
        self.push(p);
    }

    /// Marks the place of the table of contents: every Heading 1 and 2, each a link to its
    /// heading, with its page number.
    pub(crate) fn inhoudsopgave(&mut self) {
        let nieuw = std::mem::take(&mut self.nieuwe_pagina);
        self.blokken.push(Blok::Inhoud(nieuw));
    }

    /// The table of contents of the headings written. Each entry ends in a page reference
    /// (`PAGEREF` to the heading's bookmark, after a dotted tab), with no page number stored:
    /// LibreOffice computes such a reference when it lays out the pages (so its PDF shows the
    /// numbers), and Word brings it up to date on opening (the settings ask it to, see
    /// `nabewerking`) or on F9. The entries are deliberately no Word TOC field: LibreOffice
    /// shows a TOC field's entries as stored and computes no reference inside one (tried: every
    /// entry showed the stored number, or none), and we cannot store the numbers, which depend
    /// on the reader's fonts. Word's own table of contents can still be inserted from the
    /// headings (Verwijzingen ▸ Inhoudsopgave).
    fn inhoud(&mut self, nieuwe_pagina: bool) -> Vec<Paragraph> {
        self.nieuwe_pagina = nieuwe_pagina;
        let titel = self.p_stijl(ONDERTITEL).add_run(run("Inhoud", false));
        let mut out = vec![titel];
        let koppen: Vec<(usize, String, String)> = self
            .koppen
            .iter()
            .map(|k| (k.niveau, koptekst(&k.tekst), k.anker.clone()))
            .collect();
        for (niveau, tekst, anker) in &koppen {
            let stijl = if *niveau == 1 { INHOUD1 } else { INHOUD2 };
            let pagina = Run::new()
                .add_field_char(FieldCharType::Begin, false)
                .add_instr_text(InstrText::PAGEREF(InstrPAGEREF::new(anker).hyperlink()))
                .add_field_char(FieldCharType::Separate, false)
                .add_field_char(FieldCharType::End, false);
            let p = self.p_stijl(stijl).add_hyperlink(
                Hyperlink::new(anker, HyperlinkType::Anchor)
                    .add_run(run(tekst, false))
                    .add_run(Run::new().add_tab())
                    .add_run(pagina),
            );
            out.push(p);
        }
        out
    }

    /// The whole .docx file: A4 portrait with 2 cm margins, the styles, the body, and on every
    /// page but the first a footer "`voet` — pagina N"; titled `titel`. Editable: no
    /// protection of any kind.
    pub(crate) fn bestand(mut self, voet: &str) -> Result<Vec<u8>, DocxError> {
        let inhoud = match self.blokken.iter().find_map(|b| match b {
            Blok::Inhoud(nieuw) => Some(*nieuw),
            _ => None,
        }) {
            Some(nieuw) => self.inhoud(nieuw),
            None => Vec::new(),
        };
        let voettekst = self
            .p_stijl(NOOT)
            .align(AlignmentType::Right)
            .add_run(run(&format!("{voet} — pagina "), false))
            .add_page_num(PageNum::new());
        let leeg = self.p();
        let mut docx = Docx::new()
            .styles(super::stijl::styles())
            .page_size(A4.0, A4.1)
            .page_margin(
                PageMargin::new()
                    .top(MARGE)
                    .right(MARGE)
                    .bottom(MARGE)
                    .left(MARGE)
                    .header(567)
                    .footer(567)
                    .gutter(0),
            )
            .footer(Footer::new().add_paragraph(voettekst))
            .first_footer(Footer::new().add_paragraph(leeg))
            .default_tab_stop(708);
        let mut inhoud = Some(inhoud);
        for b in self.blokken {
            docx = match b {
                Blok::Alinea(p) => docx.add_paragraph(*p),
                Blok::Tabel(t) => docx.add_table(*t),
                Blok::Inhoud(_) => inhoud
                    .take()
                    .unwrap_or_default()
                    .into_iter()
                    .fold(docx, Docx::add_paragraph),
            };
        }
        let mut uit = Cursor::new(Vec::with_capacity(64 * 1024));
        let mut xml = docx.build();
        nabewerking::afwerken(&mut xml);
        xml.pack(&mut uit).map_err(|e| DocxError(e.to_string()))?;
        Ok(uit.into_inner())
    }
}

/// The cell margins of every table: 85 twips left and right.
fn celmarges() -> TableCellMargins {
    TableCellMargins::new()
        .margin_left(85, WidthType::Dxa)
        .margin_right(85, WidthType::Dxa)
}

/// One table cell holding paragraph `p` with `tekst` (right-aligned for a figure), bold or
/// not, shaded with `vlak`, kept with the next row or not.
fn cel(
    p: Paragraph,
    tekst: &str,
    getal: bool,
    vet: bool,
    vlak: Option<&str>,
    breedte: usize,
    bij_elkaar: bool,
) -> TableCell {
    let mut p = p.add_run(run(tekst, vet));
    if bij_elkaar {
        p = p.keep_next(true);
    }
    if getal {
        p = p.align(AlignmentType::Right);
    }
    let mut c = TableCell::new()
        .width(breedte, WidthType::Dxa)
        .add_paragraph(p);
    if let Some(f) = vlak {
        c = c.shading(docx_rs::Shading::new().fill(f));
    }
    c
}

/// A piece of running text: plain, or a figure (bold).
pub(crate) enum Deel<'a> {
    /// Plain text.
    Tekst(&'a str),
    /// A figure.
    Getal(String),
}

impl Deel<'_> {
    fn run(&self) -> Run {
        match self {
            Deel::Tekst(t) => run(t, false),
            Deel::Getal(g) => run(g, true),
        }
    }
}

/// A row of a year table.
pub(crate) struct JaarRij {
    pub(crate) label: String,
    pub(crate) jaren: Vec<String>,
    pub(crate) totaal: Option<String>,
    /// The row is the table's total (bold, shaded): only for the last row.
    pub(crate) totaalrij: bool,
}

impl JaarRij {
    /// A row of amounts per year and a total.
    pub(crate) fn bedragen(
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

    /// A row of calculated percentages per year and over the horizon ([`ratio`]).
    pub(crate) fn procenten(
        label: &str,
        jaren: impl IntoIterator<Item = Option<Decimal>>,
        totaal: Option<Decimal>,
    ) -> Self {
        JaarRij {
            label: label.to_string(),
            jaren: jaren.into_iter().map(ratio).collect(),
            totaal: Some(ratio(totaal)),
            totaalrij: false,
        }
    }

    /// A row of one of the calculation's subtotals (per post, role or group).
    pub(crate) fn subtotaal(label: &str, t: &Subtotaal) -> Self {
        JaarRij::bedragen(label, t.per_jaar.iter().copied(), t.totaal)
    }

    /// The same row, as the table's total.
    pub(crate) fn als_totaal(mut self) -> Self {
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
/// A cell's left and right margins together, in twips (85 each, [`celmarges`]), and a little
/// room.
const MARGES: usize = 2 * 85 + 40;

/// Column widths in twips, from the content: no column narrower than its longest word (a
/// figure, with its no-break spaces, is one word), so that no heading or amount is split
/// mid-word; what is left goes to the columns whose text would wrap, in proportion.
fn kolombreedtes(kop: &[(&str, bool)], rijen: &[Vec<String>]) -> Vec<usize> {
    let lengte = |t: &str| t.chars().filter(|c| *c != '\u{2060}').count();
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

/// What keeps a minus with its figure: a word joiner (U+2060, invisible) after it. Word and
/// LibreOffice may otherwise break a line after the `-` of `€ -4.935,50`.
const MIN: &str = "-\u{2060}";

/// The figure `getal` (Dutch notation, perhaps negative) as an amount in euro, on one line: a
/// no-break space after the sign, the minus joined to the digits.
fn bedrag(getal: &str) -> String {
    match getal.strip_prefix('-') {
        Some(rest) => format!("€\u{a0}{MIN}{rest}"),
        None => format!("€\u{a0}{getal}"),
    }
}

/// An amount in euro, Dutch notation, never broken over two lines: `€ 1.234,56`, `€ -0,50`.
pub(crate) fn euro(v: Decimal) -> String {
    bedrag(&dutch(v, 2))
}

/// An amount as written in the scenario, with at least two decimals.
pub(crate) fn euro_invoer(v: Decimal) -> String {
    bedrag(&zoals_gegeven(v, 2))
}

/// Text with its amounts and percentages written as [`euro`] and [`procent`] write them (for
/// text made elsewhere with plain spaces): a no-break space after `€` and before `%`, the minus
/// of a negative amount joined to its digits.
pub(crate) fn ongebroken(tekst: &str) -> String {
    tekst
        .replace("€ -", &format!("€\u{a0}{MIN}"))
        .replace("€ ", "€\u{a0}")
        .replace(" %", "\u{a0}%")
}

/// The text of a title or heading with `TAPA$-prestatie 1` on one line: a non-breaking hyphen
/// (U+2011, which Word and LibreOffice draw as a hyphen and never break at; LibreOffice saves
/// it as Word's `w:noBreakHyphen`) and a no-break space before the number. Only in the title
/// and the headings, whose text the region writes (the scenario's name, group and insurer
/// names): running text and our own subtitles keep the plain hyphen, as a reader searches for
/// it.
pub(crate) fn koptekst(tekst: &str) -> String {
    tekst
        .replace("TAPA$-prestatie ", "TAPA$\u{2011}prestatie\u{a0}")
        .replace("TAPA$-prestatie", "TAPA$\u{2011}prestatie")
}

/// A number as written in the scenario, with at least `min` decimals.
pub(crate) fn zoals_gegeven(v: Decimal, min: u32) -> String {
    let n = v.normalize();
    dutch(n, n.scale().max(min))
}

/// A percentage as written in the scenario: `45 %`, `5,3 %`.
pub(crate) fn procent(v: Decimal) -> String {
    format!("{}\u{a0}%", zoals_gegeven(v, 0))
}

/// A calculated percentage, one decimal; `—` without one (a zero denominator).
pub(crate) fn ratio(v: Option<Decimal>) -> String {
    v.map_or_else(|| "—".to_string(), |v| format!("{}\u{a0}%", dutch(v, 1)))
}

/// An expected count, one decimal.
pub(crate) fn aantal(v: Decimal) -> String {
    dutch(v, 1)
}

/// The insured persons: one number, or per year (`150.000 in 2026, 158.000 in 2027`).
pub(crate) fn verzekerden(s: &Scenario) -> String {
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

pub(crate) use crate::render::teksten::looptijd;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_written_the_dutch_way_with_a_no_break_space() {
        assert_eq!(euro(Decimal::new(123_456, 2)), "€\u{a0}1.234,56");
        assert_eq!(euro(Decimal::new(-5, 1)), "€\u{a0}-\u{2060}0,50");
        assert_eq!(euro(Decimal::new(-123_456, 2)), "€\u{a0}-\u{2060}1.234,56");
        assert_eq!(euro_invoer(Decimal::new(1165, 1)), "€\u{a0}116,50");
        assert_eq!(procent(Decimal::new(53, 1)), "5,3\u{a0}%");
        assert_eq!(ratio(None), "—");
        assert_eq!(ratio(Some(Decimal::new(12_345, 3))), "12,3\u{a0}%");
    }

    #[test]
    fn text_made_elsewhere_gets_the_same_unbroken_amounts_as_euro_writes() {
        assert_eq!(
            ongebroken("opbrengst € -1.234,56, € 7,00 en 12,5 % opkomst"),
            format!(
                "opbrengst {}, {} en 12,5\u{a0}% opkomst",
                euro(Decimal::new(-123_456, 2)),
                euro(Decimal::new(700, 2))
            )
        );
    }

    #[test]
    fn a_heading_keeps_tapa_prestatie_1_on_one_line() {
        assert_eq!(
            koptekst("3 PaTz-groepen via TAPA$-prestatie 1, vier verzekeraars"),
            "3 PaTz-groepen via TAPA$\u{2011}prestatie\u{a0}1, vier verzekeraars"
        );
        assert_eq!(koptekst("TAPA$-prestatie"), "TAPA$\u{2011}prestatie");
        assert_eq!(koptekst("Kosten per post"), "Kosten per post");
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
