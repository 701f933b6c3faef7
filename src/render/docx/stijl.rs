//! The look of the Word document: A4 with 2 cm margins, Word's own heading styles (Heading 1 and
//! 2, so that Word's table of contents and navigation pane work), a calm body style, the styles
//! of tables and notes, and the marked style of a text the region still has to write. Pure, no
//! I/O.

/// A4 in twips (1/1440 inch): 210 × 297 mm.
const A4: (u32, u32) = (11_906, 16_838);
/// 2 cm in twips.
const MARGE: u32 = 1_134;
/// The width of the text between the margins, in twips.
pub(super) const BREEDTE_TEKST: usize = 11_906 - 2 * 1_134;

pub(super) const KOP1: &str = "Heading1";
pub(super) const KOP2: &str = "Heading2";
pub(super) const TITEL: &str = "Title";
pub(super) const ONDERTITEL: &str = "Subtitle";
pub(super) const NOOT: &str = "Noot";
pub(super) const BIJSCHRIFT: &str = "Caption";
pub(super) const AANWIJZING: &str = "Aanwijzing";
pub(super) const TABELKOP: &str = "Tabelkop";
pub(super) const TABELTEKST: &str = "Tabeltekst";
pub(super) const INHOUD1: &str = "TOC1";
pub(super) const INHOUD2: &str = "TOC2";

/// Dark blue of the headings.
const KLEUR_KOP: &str = "1F4E79";
/// Light grey-blue of a table's header row.
pub(super) const KLEUR_VELD: &str = "DCE6F0";
/// Light grey of a total row.
pub(super) const KLEUR_TOTAAL: &str = "EEF2F6";
/// The lines of a table.
pub(super) const KLEUR_LIJN: &str = "A6B4C2";

/// The section properties: A4 portrait, the margins, the footer.
pub(super) fn sectie(voet_id: &str) -> String {
    format!(
        "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"{voet_id}\"/>\
         <w:pgSz w:w=\"{}\" w:h=\"{}\"/><w:pgMar w:top=\"{MARGE}\" w:right=\"{MARGE}\" \
         w:bottom=\"{MARGE}\" w:left=\"{MARGE}\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>\
         </w:sectPr>",
        A4.0, A4.1
    )
}

/// A paragraph style: id, name, the style it follows, paragraph and run properties.
fn stijl(id: &str, naam: &str, volgende: &str, ppr: &str, rpr: &str) -> String {
    let next = if volgende.is_empty() {
        String::new()
    } else {
        format!("<w:next w:val=\"{volgende}\"/>")
    };
    format!(
        "<w:style w:type=\"paragraph\" w:styleId=\"{id}\"><w:name w:val=\"{naam}\"/>\
         <w:basedOn w:val=\"Normal\"/>{next}<w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"
    )
}

/// `word/styles.xml` (without the XML declaration).
pub(super) fn styles_xml() -> String {
    let mut out = String::from(
        "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
         <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Calibri\" w:hAnsi=\"Calibri\" \
         w:eastAsia=\"Calibri\" w:cs=\"Calibri\"/><w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/>\
         <w:lang w:val=\"nl-NL\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>\
         <w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault>\
         </w:docDefaults>\
         <w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/>\
         <w:qFormat/></w:style>\
         <w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>\
         <w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/>\
         <w:left w:w=\"85\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/>\
         </w:tblCellMar></w:tblPr></w:style>",
    );
    let kop = format!("<w:color w:val=\"{KLEUR_KOP}\"/>");
    out.push_str(&stijl(
        TITEL,
        "Title",
        "Normal",
        "<w:spacing w:before=\"2400\" w:after=\"240\"/>",
        &format!("<w:b/>{kop}<w:sz w:val=\"48\"/><w:szCs w:val=\"48\"/>"),
    ));
    out.push_str(&stijl(
        ONDERTITEL,
        "Subtitle",
        "Normal",
        "<w:spacing w:after=\"480\"/>",
        "<w:color w:val=\"404040\"/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>",
    ));
    out.push_str(&stijl(
        KOP1,
        "heading 1",
        "Normal",
        "<w:keepNext/><w:keepLines/><w:spacing w:before=\"480\" w:after=\"160\"/><w:outlineLvl w:val=\"0\"/>",
        &format!("<w:b/>{kop}<w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/>"),
    ));
    out.push_str(&stijl(
        KOP2,
        "heading 2",
        "Normal",
        "<w:keepNext/><w:keepLines/><w:spacing w:before=\"280\" w:after=\"100\"/><w:outlineLvl w:val=\"1\"/>",
        &format!("<w:b/>{kop}<w:sz w:val=\"25\"/><w:szCs w:val=\"25\"/>"),
    ));
    out.push_str(&stijl(
        BIJSCHRIFT,
        "caption",
        "Normal",
        "<w:keepNext/><w:spacing w:before=\"200\" w:after=\"60\"/>",
        &format!("<w:b/>{kop}<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>"),
    ));
    out.push_str(&stijl(
        NOOT,
        "Noot",
        "Normal",
        "<w:spacing w:before=\"60\"/>",
        "<w:color w:val=\"404040\"/><w:sz w:val=\"17\"/><w:szCs w:val=\"17\"/>",
    ));
    out.push_str(&stijl(
        AANWIJZING,
        "Aanwijzing voor de regio",
        "Normal",
        "<w:pBdr><w:left w:val=\"single\" w:sz=\"18\" w:space=\"6\" w:color=\"BF9000\"/></w:pBdr>\
         <w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"FFF2CC\"/><w:ind w:left=\"170\"/>",
        "<w:i/><w:color w:val=\"7F6000\"/>",
    ));
    let cel = "<w:spacing w:before=\"30\" w:after=\"30\" w:line=\"240\" w:lineRule=\"auto\"/>";
    out.push_str(&stijl(
        TABELKOP,
        "Tabelkop",
        "",
        cel,
        "<w:b/><w:sz w:val=\"17\"/><w:szCs w:val=\"17\"/>",
    ));
    out.push_str(&stijl(
        TABELTEKST,
        "Tabeltekst",
        "",
        cel,
        "<w:sz w:val=\"17\"/><w:szCs w:val=\"17\"/>",
    ));
    let tab = format!(
        "<w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"{BREEDTE_TEKST}\"/></w:tabs>"
    );
    out.push_str(&stijl(
        INHOUD1,
        "toc 1",
        "Normal",
        &format!("{tab}<w:spacing w:before=\"60\" w:after=\"40\"/>"),
        "<w:b/>",
    ));
    out.push_str(&stijl(
        INHOUD2,
        "toc 2",
        "Normal",
        &format!("{tab}<w:spacing w:after=\"20\"/><w:ind w:left=\"284\"/>"),
        "",
    ));
    out.push_str("</w:styles>");
    out
}
