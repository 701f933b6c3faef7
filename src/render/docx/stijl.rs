//! The look of the Word document: A4 with 2 cm margins, Word's own heading styles (Heading 1 and
//! 2, so that Word's table of contents and navigation pane work), a calm body style, the styles
//! of tables, captions and notes, and the marked style of a text the region still has to write.
//! Built with docx-rs's style types. Pure, no I/O.

use docx_rs::{
    AlignmentType, BorderType, LineSpacing, LineSpacingType, ParagraphBorder,
    ParagraphBorderPosition, ParagraphBorders, RunFonts, Shading, Style, StyleType, Styles, Tab,
    TabLeaderType, TabValueType,
};

/// A4 in twips (1/1440 inch): 210 × 297 mm.
pub(crate) const A4: (u32, u32) = (11_906, 16_838);
/// 2 cm in twips.
pub(crate) const MARGE: i32 = 1_134;
/// The width of the text between the margins, in twips.
pub(crate) const BREEDTE_TEKST: usize = 11_906 - 2 * 1_134;

pub(crate) const KOP1: &str = "Heading1";
pub(crate) const KOP2: &str = "Heading2";
pub(crate) const TITEL: &str = "Title";
pub(crate) const ONDERTITEL: &str = "Subtitle";
pub(crate) const NOOT: &str = "Noot";
pub(crate) const BIJSCHRIFT: &str = "Caption";
pub(crate) const AANWIJZING: &str = "Aanwijzing";
pub(crate) const TABELKOP: &str = "Tabelkop";
pub(crate) const TABELTEKST: &str = "Tabeltekst";
pub(crate) const INHOUD1: &str = "TOC1";
pub(crate) const INHOUD2: &str = "TOC2";
/// A figure centred on its own line.
pub(crate) const FIGUUR: &str = "Figuur";
/// The reading guide on the cover: a framed block.
pub(crate) const KADER: &str = "Kader";

/// Dark blue of the headings.
pub(crate) const KLEUR_KOP: &str = "1F4E79";
/// Light grey-blue of a table's header row.
pub(crate) const KLEUR_VELD: &str = "DCE6F0";
/// Light grey of a total row.
pub(crate) const KLEUR_TOTAAL: &str = "EEF2F6";
/// The lines of a table.
pub(crate) const KLEUR_LIJN: &str = "A6B4C2";

/// Spacing before and after a paragraph, in twips.
fn ruimte(voor: u32, na: u32) -> LineSpacing {
    LineSpacing::new().before(voor).after(na)
}

/// A thick line on the left of a paragraph, and no other.
fn links(kleur: &str) -> ParagraphBorders {
    ParagraphBorders::with_empty().set(
        ParagraphBorder::new(ParagraphBorderPosition::Left)
            .val(BorderType::Single)
            .size(18)
            .space(6)
            .color(kleur),
    )
}

/// A paragraph style based on Normal: id, name, the style of the next paragraph (empty: the
/// same), its spacing.
fn stijl(id: &str, naam: &str, volgende: &str, spacing: LineSpacing) -> Style {
    let mut s = Style::new(id, StyleType::Paragraph)
        .name(naam)
        .based_on("Normal")
        .line_spacing(spacing);
    if !volgende.is_empty() {
        s = s.next(volgende);
    }
    s
}

/// A heading style: outline level `niveau` (0: Heading 1), kept with the next paragraph.
fn kop(id: &str, naam: &str, niveau: usize, grootte: usize, spacing: LineSpacing) -> Style {
    let mut s = stijl(id, naam, "Normal", spacing)
        .bold()
        .color(KLEUR_KOP)
        .size(grootte)
        .outline_lvl(niveau);
    s.paragraph_property = s.paragraph_property.keep_next(true).keep_lines(true);
    s
}

/// Every style of the document.
pub(crate) fn styles() -> Styles {
    let fonts = RunFonts::new()
        .ascii("Calibri")
        .hi_ansi("Calibri")
        .east_asia("Calibri")
        .cs("Calibri");
    let mut styles = Styles::new()
        .default_fonts(fonts)
        .default_size(21)
        .default_line_spacing(
            LineSpacing::new()
                .after(120)
                .line(264)
                .line_rule(LineSpacingType::Auto),
        );
    let titel = stijl(TITEL, "Title", "Normal", ruimte(1800, 240))
        .bold()
        .color(KLEUR_KOP)
        .size(52);
    let ondertitel = stijl(ONDERTITEL, "Subtitle", "Normal", ruimte(0, 480))
        .color("404040")
        .size(28);
    let kop1 = kop(KOP1, "heading 1", 0, 32, ruimte(480, 160));
    let kop2 = kop(KOP2, "heading 2", 1, 25, ruimte(280, 100));
    let mut bijschrift = stijl(BIJSCHRIFT, "caption", "Normal", ruimte(200, 60))
        .bold()
        .color(KLEUR_KOP)
        .size(18);
    bijschrift.paragraph_property = bijschrift.paragraph_property.keep_next(true);
    let noot = stijl(NOOT, "Noot", "Normal", ruimte(60, 120))
        .color("404040")
        .size(17);
    let mut aanwijzing = stijl(
        AANWIJZING,
        "Aanwijzing voor de regio",
        "Normal",
        ruimte(0, 120),
    )
    .italic()
    .color("7F6000")
    .indent(Some(170), None, None, None);
    aanwijzing.paragraph_property = aanwijzing
        .paragraph_property
        .set_borders(links("BF9000"))
        .shading(Shading::new().fill("FFF2CC"));
    let mut kader = stijl(KADER, "Kader", "", ruimte(0, 80)).indent(Some(170), None, None, None);
    kader.paragraph_property = kader
        .paragraph_property
        .set_borders(links(KLEUR_KOP))
        .shading(Shading::new().fill(KLEUR_TOTAAL));
    let cel = || {
        LineSpacing::new()
            .before(30)
            .after(30)
            .line(240)
            .line_rule(LineSpacingType::Auto)
    };
    let tabelkop = stijl(TABELKOP, "Tabelkop", "", cel()).bold().size(17);
    let tabeltekst = stijl(TABELTEKST, "Tabeltekst", "", cel()).size(17);
    let mut figuur =
        stijl(FIGUUR, "Figuur", "Normal", ruimte(60, 160)).align(AlignmentType::Center);
    figuur.paragraph_property = figuur.paragraph_property.keep_lines(true);
    let tab = Tab::new()
        .val(TabValueType::Right)
        .leader(TabLeaderType::Dot)
        .pos(BREEDTE_TEKST);
    let mut inhoud1 = stijl(INHOUD1, "toc 1", "Normal", ruimte(60, 40)).bold();
    inhoud1.paragraph_property = inhoud1.paragraph_property.add_tab(tab.clone());
    let mut inhoud2 =
        stijl(INHOUD2, "toc 2", "Normal", ruimte(0, 20)).indent(Some(284), None, None, None);
    inhoud2.paragraph_property = inhoud2.paragraph_property.add_tab(tab);
    for s in [
        titel, ondertitel, kop1, kop2, bijschrift, noot, aanwijzing, kader, tabelkop, tabeltekst,
        figuur, inhoud1, inhoud2,
    ] {
        styles = styles.add_style(s);
    }
    styles
}
