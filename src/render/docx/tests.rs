//! Unit tests on the XML of the Word document (as docx-rs writes it): Word's heading styles in
//! the order of the handreiking, A4, the region's texts in their chapters, the marked places, no
//! tool jargon, the same bytes for the same input, the pictures of the charts, and the chapter
//! Dubbele financiering from the per-year truth.

use std::io::Read;

use crate::scenario::{Onderwerp, Scenario};

use super::{Afbeelding, document};

const KLEIN: &str = include_str!("../../../scenarios/kleine-regio.toml");
const GROOT: &str = include_str!("../../../scenarios/grote-regio.toml");

/// The chapters in the order of the handreiking's businesscase points.
const HOOFDSTUKKEN: [&str; 12] = [
    "De te verlenen zorg",
    "Onderbouwing",
    "De uitvoerende zorgverleners",
    "Frequentie en duur",
    "Locatie",
    "Kosten inclusief facilitaire en opleidingskosten",
    "Financiering per verzekerde en per verzekeraar",
    "Verwachte zorgreductie",
    "Saldo",
    "Dubbele financiering",
    "Evaluatie en monitoring",
    "Bronnen",
];

/// The end of the table of contents: the style of the first chapter heading.
const INHOUD_EINDE: &str = "<w:pStyle w:val=\"Heading1\" />";

fn scenario(text: &str) -> Scenario {
    crate::scenario::parse(text).unwrap_or_else(|e| panic!("{e:?}"))
}

/// The bytes of the document of `s`.
fn docx(s: &Scenario) -> Vec<u8> {
    let r = crate::calc::evaluate(s).unwrap_or_else(|e| panic!("{e}"));
    document(s, &r, &[]).unwrap_or_else(|e| panic!("{e}"))
}

/// One part of the .docx archive, as text.
fn deel(bytes: &[u8], naam: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip archive");
    let mut f = zip
        .by_name(naam)
        .unwrap_or_else(|_| panic!("{naam} in the archive"));
    let mut out = String::new();
    f.read_to_string(&mut out).expect("UTF-8");
    out
}

/// The text of every paragraph with style `stijl`, in order.
fn met_stijl(xml: &str, stijl: &str) -> Vec<String> {
    let mark = format!("<w:pStyle w:val=\"{stijl}\" />");
    let mut out = Vec::new();
    for p in xml.split("<w:p ").skip(1) {
        let p = p.split("</w:p>").next().unwrap_or("");
        if !p.contains(&mark) {
            continue;
        }
        out.push(tekst(p));
    }
    out
}

/// The text of the runs in `xml`.
fn tekst(xml: &str) -> String {
    let mut out = String::new();
    for t in xml.split("<w:t xml:space=\"preserve\">").skip(1) {
        out.push_str(t.split("</w:t>").next().unwrap_or(""));
    }
    out
}

#[test]
fn every_chapter_is_a_word_heading_1_in_the_order_of_the_handreiking() {
    let xml = deel(&docx(&scenario(GROOT)), "word/document.xml");
    assert_eq!(met_stijl(&xml, "Heading1"), HOOFDSTUKKEN);
    let h2 = met_stijl(&xml, "Heading2");
    for sub in ["Doelstellingen", "Kosten per post", "Per zorgverzekeraar"] {
        assert!(h2.iter().any(|h| h == sub), "{sub} in {h2:?}");
    }
    let styles = deel(&docx(&scenario(GROOT)), "word/styles.xml");
    // Word recognises its built-in headings by these names (the table of contents uses them).
    assert!(
        styles.contains("<w:name w:val=\"heading 1\" />"),
        "{styles}"
    );
    assert!(styles.contains("<w:name w:val=\"heading 2\" />"));
}

#[test]
fn the_page_is_a4_portrait_with_2_cm_margins() {
    let xml = deel(&docx(&scenario(KLEIN)), "word/document.xml");
    // 210 × 297 mm = 11906 × 16838 twips; 2 cm = 1134 twips.
    assert!(xml.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\""), "{xml}");
    assert!(xml.contains("w:left=\"1134\""));
    assert!(!xml.contains("w:orient=\"landscape\""));
}

#[test]
fn a_regions_text_stands_in_its_chapter_before_the_figures_and_an_absent_one_is_marked() {
    let tekst_zorg = "Wij bieden proactieve zorgplanning in Zutphen &amp; Eefde.";
    let src = format!(
        "{KLEIN}\n[toelichting]\nzorg = \"\"\"\nWij bieden proactieve zorgplanning\nin Zutphen & \
         Eefde.\n\nTweede alinea.\"\"\"\nevaluatie = \"Elk kwartaal een rapportage.\"\n"
    );
    let xml = deel(&docx(&scenario(&src)), "word/document.xml");
    // The body, after the table of contents.
    let xml = xml.split_once(INHOUD_EINDE).map_or("", |(_, b)| b);
    let kop = |t: &str| {
        xml.find(&format!("{t}</w:t>"))
            .unwrap_or_else(|| panic!("{t}"))
    };
    let zorg = kop("De te verlenen zorg");
    let onderbouwing = kop("Onderbouwing");
    let eerste = xml
        .find(tekst_zorg)
        .expect("the first paragraph, its lines joined");
    let tweede = xml.find("Tweede alinea.").expect("the second paragraph");
    assert!(zorg < eerste && eerste < tweede && tweede < onderbouwing);
    // Before the chapter's fixed text.
    assert!(tweede < xml.find("In een PaTz-groep").unwrap_or(0));
    let evaluatie = kop("Evaluatie en monitoring");
    let e = xml.find("Elk kwartaal een rapportage.").unwrap_or(0);
    assert!(evaluatie < e && e < kop("Bronnen"));
    // Absent: the marked place, in the style Aanwijzing, once per absent text.
    let aanwijzingen = met_stijl(xml, "Aanwijzing");
    assert_eq!(
        aanwijzingen.len(),
        Onderwerp::ALL.len() - 2,
        "{aanwijzingen:?}"
    );
    assert!(
        aanwijzingen
            .iter()
            .all(|a| a.starts_with("In te vullen door de regio: "))
    );
    assert!(
        aanwijzingen
            .iter()
            .any(|a| a.ends_with(Onderwerp::Onderbouwing.aanwijzing()))
    );
}

#[test]
fn the_document_speaks_no_tool_jargon() {
    for src in [
        KLEIN,
        GROOT,
        include_str!("../../../scenarios/elders-gefinancierd.toml"),
    ] {
        let xml = deel(&docx(&scenario(src)), "word/document.xml");
        let text = tekst(&xml);
        for jargon in [
            "elders_gefinancierd",
            "--",
            "[financiering]",
            "[toelichting]",
            "README",
            "patz-calc",
            "toml",
            "uurtarieven.",
            "ondersteuning.",
            "indicator.",
            "_percentage",
            "_per_",
            "medisch_specialist",
        ] {
            assert!(!text.contains(jargon), "{jargon} in the document");
        }
    }
}

#[test]
fn the_same_scenario_gives_the_same_bytes() {
    let s = scenario(GROOT);
    assert_eq!(docx(&s), docx(&s));
}

#[test]
fn the_table_of_contents_lists_every_heading_with_a_reference_to_its_page() {
    let xml = deel(&docx(&scenario(KLEIN)), "word/document.xml");
    // The body starts at the first chapter heading.
    let (toc, body) = xml.split_once(INHOUD_EINDE).unwrap_or(("", ""));
    let toc = toc.split_once(">Inhoud</w:t>").map_or("", |(_, t)| t);
    let ankers: Vec<&str> = body
        .split("<w:bookmarkStart w:id=\"")
        .skip(1)
        .filter_map(|b| b.split("w:name=\"").nth(1)?.split('"').next())
        .collect();
    let koppen = met_stijl(&xml, "Heading1").len() + met_stijl(&xml, "Heading2").len();
    assert_eq!(ankers.len(), koppen, "one bookmark per heading");
    let regels = met_stijl(toc, "TOC1").len() + met_stijl(toc, "TOC2").len();
    assert_eq!(regels, koppen, "one entry per heading");
    for h in HOOFDSTUKKEN {
        assert!(
            met_stijl(toc, "TOC1").iter().any(|t| t == h),
            "{h} in the table of contents"
        );
    }
    // Each entry links to its heading and ends in a reference to the heading's page, which
    // LibreOffice computes when it lays out the pages (no TOC field: it would not).
    for a in &ankers {
        let link = format!("<w:hyperlink w:anchor=\"{a}\"");
        let verwijzing = format!("<w:instrText>PAGEREF {a} \\h</w:instrText>");
        let na = toc.split_once(&link).map_or("", |(_, t)| t);
        let na = na.split("</w:hyperlink>").next().unwrap_or("");
        assert!(na.contains(&verwijzing), "{a}: {na}");
    }
    assert!(!xml.contains("<w:instrText>TOC"), "no TOC field");
}

/// The smallest PNG there is: 1 × 1 pixel, transparent.
const PNG_1X1: [u8; 67] = [
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
    0x89, 0x00, 0x00, 0x00, 0x0A, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00,
    0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE,
    0x42, 0x60, 0x82,
];

#[test]
fn a_chart_picture_stands_in_its_chapter_under_its_caption_across_the_text_width() {
    let s = scenario(GROOT);
    let r = crate::calc::evaluate(&s).unwrap_or_else(|e| panic!("{e}"));
    let g = crate::onzekerheid::analyse::gevoeligheid(&s, crate::scenario::Grootheid::Netto)
        .unwrap_or_else(|e| panic!("{e}"));
    let grafieken = crate::render::grafiek::alle(&s, &r, Some(&g));
    // Each picture its own bytes (a byte after the end), else the package holds one for all.
    let afbeeldingen: Vec<Afbeelding> = grafieken
        .iter()
        .zip(0u8..)
        .filter_map(|(g, i)| Afbeelding::van(g, [&PNG_1X1[..], &[i]].concat()))
        .collect();
    // Every chart there is, each read as 1 × 1 pixels.
    assert_eq!(afbeeldingen.len(), crate::render::grafiek::NAMEN.len());
    assert!(
        afbeeldingen
            .iter()
            .all(|a| (a.breedte_px, a.hoogte_px) == (1, 1))
    );
    let bytes = document(&s, &r, &afbeeldingen).unwrap_or_else(|e| panic!("{e}"));
    let xml = deel(&bytes, "word/document.xml");
    // Each in its chapter: none is left out.
    assert_eq!(
        xml.matches("<w:drawing>").count(),
        crate::render::grafiek::NAMEN.len()
    );
    // 1 × 1 pixels over the text width: 9.638 twips × 635 = 6.120.130 EMU wide and high.
    assert!(
        xml.contains("<wp:extent cx=\"6120130\" cy=\"6120130\" />"),
        "{xml}"
    );
    let rels = deel(&bytes, "word/_rels/document.xml.rels");
    assert_eq!(
        rels.matches("media/").count(),
        crate::render::grafiek::NAMEN.len(),
        "{rels}"
    );
    // The chart of the costs per year, under its caption, after the table of the costs per
    // post and before the next section.
    let body = xml.split_once(INHOUD_EINDE).map_or("", |(_, b)| b);
    let tabel = body.find("Kosten per post</w:t>").unwrap_or(usize::MAX);
    let titel = body
        .find(&format!("{}</w:t>", grafieken[0].titel))
        .expect("the caption");
    let plaatje = body.find("<w:drawing>").unwrap_or(0);
    let volgende = body.find("Kosten per rol</w:t>").unwrap_or(0);
    assert!(tabel < titel && titel < plaatje && plaatje < volgende);
}

#[test]
fn without_pictures_the_document_has_no_drawing_and_no_media() {
    let bytes = docx(&scenario(GROOT));
    let xml = deel(&bytes, "word/document.xml");
    assert!(!xml.contains("<w:drawing"));
    assert!(!deel(&bytes, "word/_rels/document.xml.rels").contains("media/"));
}

#[test]
fn bytes_that_are_no_png_make_no_picture() {
    let s = scenario(GROOT);
    let r = crate::calc::evaluate(&s).unwrap_or_else(|e| panic!("{e}"));
    let g = &crate::render::grafiek::alle(&s, &r, None)[0];
    assert_eq!(Afbeelding::van(g, b"<svg/>".to_vec()), None);
    assert_eq!(Afbeelding::van(g, PNG_1X1[..20].to_vec()), None);
}

#[test]
fn the_double_financing_chapter_shows_each_year_and_the_care_givers_chapter_follows_it() {
    let src = format!(
        "{GROOT}\n[[financiering.elders]]\nrol = \"consulent\"\npercentage = 50\nvanaf = 2027\n\
         financier = \"Stichting PZNL\"\n"
    );
    let s = scenario(&src);
    let xml = deel(&docx(&s), "word/document.xml");
    let text = tekst(&xml);
    // 2026 through TAPA$, 2027 and 2028 half elsewhere: once per year column, and in words in
    // the rates table of "De uitvoerende zorgverleners".
    assert_eq!(
        text.matches("50 % Stichting PZNL, rest TAPA$").count(),
        2 + 1
    );
    assert!(text.contains("2026 TAPA$; 2027–2028 50 % Stichting PZNL, rest TAPA$"));
    assert!(text.contains("consulent (deels uit een andere bron)"));
    // The consulent is partly paid through TAPA$ and not checked: the reminder stays, as a fact.
    assert!(text.contains("De inzet van de consulent palliatieve zorg wordt (deels) via TAPA$"));
    let nagegaan = format!(
        "{src}\n[[financiering.nagegaan]]\nrol = \"consulent\"\ntoelichting = \"PZNL stopt per \
         2026.\"\n"
    );
    let text = tekst(&deel(&docx(&scenario(&nagegaan)), "word/document.xml"));
    assert!(text.contains("Consulent: PZNL stopt per 2026."));
    assert!(!text.contains("De inzet van de consulent palliatieve zorg wordt"));
}

#[test]
fn a_chart_that_could_not_be_drawn_is_named_in_its_place_and_no_empty_frame_is_left() {
    let s = scenario(GROOT);
    let r = crate::calc::evaluate(&s).unwrap_or_else(|e| panic!("{e}"));
    let grafieken = crate::render::grafiek::alle(&s, &r, None);
    let zonder: Vec<Afbeelding> = grafieken.iter().map(Afbeelding::zonder_beeld).collect();
    let xml = deel(
        &document(&s, &r, &zonder).unwrap_or_else(|e| panic!("{e}")),
        "word/document.xml",
    );
    assert!(!xml.contains("<w:drawing"));
    let noten = met_stijl(&xml, "Noot");
    for g in &grafieken {
        let zin = format!(
            "De grafiek ‘{}’ staat in het HTML-rapport van deze businesscase.",
            g.titel
        );
        assert!(noten.contains(&zin), "{zin} in {noten:?}");
    }
}

#[test]
fn the_header_row_of_every_table_and_no_other_row_repeats_on_the_next_page() {
    let xml = deel(&docx(&scenario(GROOT)), "word/document.xml");
    let mut koprijen = 0;
    for tabel in xml.split("<w:tbl>").skip(1) {
        let tabel = tabel.split("</w:tbl>").next().unwrap_or("");
        for (i, rij) in tabel.split("<w:tr>").skip(1).enumerate() {
            // A table with column headings has them in its first row, in style Tabelkop;
            // the facts on the cover have none.
            let kop = rij.contains("<w:pStyle w:val=\"Tabelkop\" />");
            assert_eq!(kop, i == 0 && kop, "headings in row {i}");
            assert_eq!(rij.contains("<w:tblHeader />"), kop, "row {i}: {rij}");
            koprijen += usize::from(kop);
        }
    }
    // Every table but the facts: more than twenty in the large region.
    assert!(koprijen > 20, "{koprijen} header rows");
    assert_eq!(xml.matches("<w:tblHeader />").count(), koprijen);
    assert!(!xml.contains("w:trHeight"));
}

#[test]
fn the_document_is_in_dutch_and_asks_word_to_update_its_page_numbers_on_opening() {
    let bytes = docx(&scenario(KLEIN));
    let styles = deel(&bytes, "word/styles.xml");
    let standaard = styles
        .split_once("<w:rPrDefault>")
        .and_then(|(_, r)| r.split_once("</w:rPrDefault>"))
        .map_or("", |(r, _)| r);
    assert!(standaard.contains("<w:lang w:val=\"nl-NL\""), "{standaard}");
    // No style names another language.
    assert_eq!(styles.matches("<w:lang ").count(), 1);
    let settings = deel(&bytes, "word/settings.xml");
    assert!(
        settings.contains("<w:updateFields w:val=\"true\" />"),
        "{settings}"
    );
}

#[test]
fn tapa_prestatie_1_is_never_broken_over_two_lines_on_the_cover_and_stays_searchable_in_the_text() {
    let xml = deel(&docx(&scenario(GROOT)), "word/document.xml");
    // The title (the scenario's name): a non-breaking hyphen and a no-break space.
    assert_eq!(
        met_stijl(&xml, "Title"),
        [
            "Grote regio — 10 PaTz-groepen via TAPA$\u{2011}prestatie\u{a0}1, met verzekeraars en impact"
        ]
    );
    // The subtitle in two short lines (a line break between), the plain hyphen kept.
    let ondertitel = xml
        .split("<w:p ")
        .find(|p| p.contains("<w:pStyle w:val=\"Subtitle\" />"))
        .unwrap_or("");
    let regels: Vec<String> = ondertitel
        .split("<w:br w:type=\"textWrapping\" />")
        .map(tekst)
        .collect();
    assert_eq!(
        regels,
        [
            "Businesscase voor PaTz (Palliatieve Zorg Thuis)",
            "via TAPA$-prestatie 1"
        ]
    );
    // Running text keeps the hyphen a reader searches for.
    let body = xml.split_once(INHOUD_EINDE).map_or("", |(_, b)| b);
    assert!(tekst(body).contains("TAPA$-prestatie 1 wordt betaald als tarief"));
}

#[test]
fn a_negative_amount_keeps_its_minus_on_the_line_of_its_digits() {
    let xml = deel(&docx(&scenario(GROOT)), "word/document.xml");
    let text = tekst(&xml);
    // The large region's netto is negative; every negative amount is written the one way.
    assert!(text.contains("€\u{a0}-\u{2060}"), "a negative amount");
    assert!(!text.contains("€\u{a0}-0") && !text.contains("€\u{a0}-1"));
    assert!(!text.contains("€ -"), "a plain space after the sign");
}
