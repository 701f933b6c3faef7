//! What docx-rs 0.4.22 cannot write, added to the parts it built before they are zipped: the
//! repeated header row of a table (`w:tblHeader`), the document's language (Dutch, for spelling
//! and hyphenation) and Word's request to bring the fields up to date on opening. One place, on
//! the XML text of `word/document.xml`, `word/styles.xml` and `word/settings.xml`, each change
//! an insertion at a place docx-rs writes in a fixed form (the unit tests below and in
//! `super::tests` check that the form is still found). Pure, no I/O.

use docx_rs::{HeightRule, TableRow, XMLDocx};

/// The mark on a table's header row: a row height of 1 twip with the rule `auto` (which Word
/// ignores: the content decides the height). docx-rs has no `tblHeader` (its row properties are
/// `cantSplit`, `trHeight`, `ins` and `del`), so the header rows carry this mark and
/// [`koprijen`] turns it into `<w:tblHeader />`. No other row has a height.
const MERK: &str = "<w:trHeight w:val=\"1\" w:hRule=\"auto\" />";

/// The row `rij` as a table's header row: Word and LibreOffice repeat it at the top of every
/// page the table runs onto.
pub(super) fn als_koprij(rij: TableRow) -> TableRow {
    rij.row_height(1.0).height_rule(HeightRule::Auto)
}

/// The document's language, on the default run properties: Dutch (the Netherlands).
const TAAL: &str = "<w:lang w:val=\"nl-NL\" w:eastAsia=\"nl-NL\" w:bidi=\"ar-SA\" />";

/// Adds to the built parts of `docx` what docx-rs cannot write.
pub(super) fn afwerken(docx: &mut XMLDocx) {
    docx.document = koprijen(&docx.document);
    docx.styles = taal(&docx.styles);
    docx.settings = velden_bijwerken(&docx.settings);
}

/// `xml` with `nieuw` inserted before the first `voor` (unchanged without one, or when `xml` is
/// no UTF-8: docx-rs writes UTF-8).
fn invoegen(xml: &[u8], voor: &str, nieuw: &str) -> Vec<u8> {
    match std::str::from_utf8(xml) {
        Ok(s) => s.replacen(voor, &format!("{nieuw}{voor}"), 1).into_bytes(),
        Err(_) => xml.to_vec(),
    }
}

/// The document with every marked header row ([`als_koprij`]) a repeated header row.
fn koprijen(document: &[u8]) -> Vec<u8> {
    match std::str::from_utf8(document) {
        Ok(s) => s.replace(MERK, "<w:tblHeader />").into_bytes(),
        Err(_) => document.to_vec(),
    }
}

/// The styles with Dutch as the language of every run that names none: `w:lang` closes the
/// default run properties (its place in `w:rPr` is after the size and fonts docx-rs writes;
/// without those docx-rs writes an empty `<w:rPr />`).
fn taal(styles: &[u8]) -> Vec<u8> {
    const LEEG: &str = "<w:rPrDefault><w:rPr /></w:rPrDefault>";
    match std::str::from_utf8(styles) {
        Ok(s) if s.contains(LEEG) => s
            .replacen(
                LEEG,
                &format!("<w:rPrDefault><w:rPr>{TAAL}</w:rPr></w:rPrDefault>"),
                1,
            )
            .into_bytes(),
        _ => invoegen(styles, "</w:rPr></w:rPrDefault>", TAAL),
    }
}

/// The settings asking Word to bring every field up to date when the document is opened (it
/// asks the reader first): the page numbers of the table of contents (see
/// `Doc::inhoud`). Its place in `w:settings` is before `w:compat`, which docx-rs always writes.
fn velden_bijwerken(settings: &[u8]) -> Vec<u8> {
    invoegen(settings, "<w:compat>", "<w:updateFields w:val=\"true\" />")
}

#[cfg(test)]
mod tests {
    use super::*;
    use docx_rs::{BuildXML, Docx, Paragraph, Run, Table, TableCell};

    fn cel(t: &str) -> TableCell {
        TableCell::new().add_paragraph(Paragraph::new().add_run(Run::new().add_text(t)))
    }

    fn xml(docx: Docx) -> (String, String, String) {
        let mut x = docx.build();
        afwerken(&mut x);
        let s = |b: Vec<u8>| String::from_utf8(b).expect("UTF-8");
        (s(x.document), s(x.styles), s(x.settings))
    }

    #[test]
    fn only_a_marked_header_row_becomes_a_repeated_header_row() {
        let tabel = Table::new(vec![
            als_koprij(TableRow::new(vec![cel("Kop")]).cant_split()),
            TableRow::new(vec![cel("Rij 1")]).cant_split(),
            TableRow::new(vec![cel("Rij 2")]),
        ]);
        // docx-rs writes the mark as this row property (else nothing below is found).
        let rij = String::from_utf8(als_koprij(TableRow::new(vec![cel("x")]).cant_split()).build())
            .expect("UTF-8");
        assert!(rij.contains(MERK), "{rij}");
        let (document, _, _) = xml(Docx::new().add_table(tabel));
        let rijen: Vec<&str> = document.split("<w:tr>").skip(1).collect();
        assert_eq!(rijen.len(), 3);
        assert!(
            rijen[0].starts_with("<w:trPr><w:cantSplit /><w:tblHeader /></w:trPr>"),
            "{}",
            rijen[0]
        );
        assert!(rijen[0].contains("Kop"));
        assert!(!rijen[1].contains("tblHeader") && !rijen[2].contains("tblHeader"));
        assert!(!document.contains("w:trHeight"), "{document}");
    }

    #[test]
    fn the_default_run_properties_carry_dutch_and_word_updates_the_fields_on_opening() {
        let (_, styles, settings) = xml(Docx::new().styles(super::super::stijl::styles()));
        let (_, leeg, _) = xml(Docx::new());
        assert!(
            leeg.contains(&format!("<w:rPrDefault><w:rPr>{TAAL}</w:rPr>")),
            "{leeg}"
        );
        let standaard = styles
            .split_once("<w:rPrDefault>")
            .and_then(|(_, r)| r.split_once("</w:rPrDefault>"))
            .map_or("", |(r, _)| r);
        assert!(
            standaard.ends_with(
                "<w:lang w:val=\"nl-NL\" w:eastAsia=\"nl-NL\" w:bidi=\"ar-SA\" /></w:rPr>"
            ),
            "{styles}"
        );
        assert_eq!(styles.matches("<w:lang ").count(), 1);
        assert_eq!(
            settings
                .matches("<w:updateFields w:val=\"true\" />")
                .count(),
            1
        );
        assert!(
            settings.contains("<w:updateFields w:val=\"true\" /><w:compat>"),
            "{settings}"
        );
    }
}
