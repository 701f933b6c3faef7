//! The .docx package: the WordprocessingML parts around the document body (content types,
//! relationships, settings, footer, properties) zipped into one file. Written by hand on the
//! zip crate the workbook already uses: a Word-writing crate (docx-rs) measured as much build
//! time as all of patz-calc, for the handful of elements used here. Pure, no I/O: the archive
//! is built in memory.

use std::io::{Cursor, Write};

use zip::CompressionMethod;
use zip::write::{SimpleFileOptions, ZipWriter};

use super::stijl;

/// The namespaces of the main document part.
pub(super) const NAMESPACES: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
     xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

const KOP: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

const CONTENT_TYPES: &str = "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>\
<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>\
<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>\
<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>\
</Types>";

const RELS: &str = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>\
</Relationships>";

/// The relationship id of the footer in `word/_rels/document.xml.rels`.
pub(super) const VOET_ID: &str = "rId3";

const DOCUMENT_RELS: &str = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>\
<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>\
</Relationships>";

/// Word brings the table of contents (its page numbers) up to date when the document opens.
const SETTINGS: &str = "<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:updateFields w:val=\"true\"/><w:defaultTabStop w:val=\"708\"/>\
<w:characterSpacingControl w:val=\"doNotCompress\"/><w:compat><w:compatSetting w:name=\"compatibilityMode\" \
w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat></w:settings>";

const APP: &str = "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">\
<Application>patz-calc</Application></Properties>";

/// The zip archive of a document whose body (`<w:body>` content, section properties included)
/// is `body`, titled `titel`, with `voet` as the footer text before the page number.
pub(super) fn pakket(
    body: &str,
    titel: &str,
    voet: &str,
) -> Result<Vec<u8>, zip::result::ZipError> {
    let document = format!("{KOP}<w:document {NAMESPACES}><w:body>{body}</w:body></w:document>");
    let footer = format!(
        "{KOP}<w:ftr {NAMESPACES}><w:p><w:pPr><w:pStyle w:val=\"{}\"/><w:jc w:val=\"right\"/></w:pPr>\
         <w:r><w:t xml:space=\"preserve\">{} — pagina </w:t></w:r>\
         <w:fldSimple w:instr=\" PAGE \"><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:ftr>",
        stijl::NOOT,
        esc(voet)
    );
    let core = format!(
        "{KOP}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>{}</dc:title><dc:language>nl-NL</dc:language>\
         </cp:coreProperties>",
        esc(titel)
    );
    let delen: [(&str, String); 8] = [
        ("[Content_Types].xml", format!("{KOP}{CONTENT_TYPES}")),
        ("_rels/.rels", format!("{KOP}{RELS}")),
        ("docProps/core.xml", core),
        ("docProps/app.xml", format!("{KOP}{APP}")),
        (
            "word/_rels/document.xml.rels",
            format!("{KOP}{DOCUMENT_RELS}"),
        ),
        ("word/document.xml", document),
        ("word/styles.xml", format!("{KOP}{}", stijl::styles_xml())),
        ("word/settings.xml", format!("{KOP}{SETTINGS}")),
    ];
    let mut zip = ZipWriter::new(Cursor::new(Vec::with_capacity(body.len() / 4 + 16 * 1024)));
    // A fixed date (the zip format's earliest): the same input gives the same bytes.
    let opties = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    for (naam, inhoud) in delen
        .iter()
        .chain(std::iter::once(&("word/footer1.xml", footer)))
    {
        zip.start_file(*naam, opties)?;
        zip.write_all(inhoud.as_bytes())?;
    }
    Ok(zip.finish()?.into_inner())
}

/// Escapes text for XML content and attribute values; drops what XML 1.0 cannot hold (the
/// scenario refuses control characters, so nothing is lost from a valid one).
pub(super) fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_for_xml_and_control_characters_never_reach_it() {
        assert_eq!(esc("a < b & \"c\""), "a &lt; b &amp; &quot;c&quot;");
        assert_eq!(esc("x\u{1b}[2Jy\tz"), "x[2Jy z");
    }
}
