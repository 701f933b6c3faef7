//! Unit tests on the XML of the Word document: Word's heading styles in the order of the
//! handreiking, A4, the region's texts in their chapters, the marked places, no tool jargon,
//! and the same bytes for the same input.

use std::io::Read;

use crate::scenario::{Onderwerp, Scenario};

use super::document;

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

fn scenario(text: &str) -> Scenario {
    crate::scenario::parse(text).unwrap_or_else(|e| panic!("{e:?}"))
}

/// The bytes of the document of `s`.
fn docx(s: &Scenario) -> Vec<u8> {
    let r = crate::calc::evaluate(s).unwrap_or_else(|e| panic!("{e}"));
    document(s, &r).unwrap_or_else(|e| panic!("{e}"))
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
    let mark = format!("<w:pStyle w:val=\"{stijl}\"/>");
    let mut out = Vec::new();
    for p in xml.split("<w:p>").skip(1) {
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
    for t in xml.split("<w:t").skip(1) {
        let Some((_, rest)) = t.split_once('>') else {
            continue;
        };
        out.push_str(rest.split("</w:t>").next().unwrap_or(""));
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
    assert!(styles.contains("<w:name w:val=\"heading 1\"/>"), "{styles}");
    assert!(styles.contains("<w:name w:val=\"heading 2\"/>"));
}

#[test]
fn the_page_is_a4_portrait_with_2_cm_margins() {
    let xml = deel(&docx(&scenario(KLEIN)), "word/document.xml");
    // 210 × 297 mm = 11906 × 16838 twips; 2 cm = 1134 twips.
    assert!(xml.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\""), "{xml}");
    assert!(xml.contains("w:left=\"1134\""));
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
    let xml = xml.split_once("</w:sdt>").map_or("", |(_, b)| b);
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
fn the_table_of_contents_lists_every_heading() {
    let xml = deel(&docx(&scenario(KLEIN)), "word/document.xml");
    // The body starts at the first chapter heading.
    let toc = xml.split_once("</w:sdt>").map_or("", |(t, _)| t);
    assert!(toc.contains("TOC \\o \"1-2\" \\h"), "{toc}");
    for h in HOOFDSTUKKEN {
        assert!(toc.contains(h), "{h} in the table of contents");
    }
}
