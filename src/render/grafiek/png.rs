//! A chart as a PNG picture, rasterised from its SVG by resvg. Pure, no I/O: the fonts are
//! read by the caller (the application layer) and handed in as [`Lettertypen`].

use std::sync::Arc;

use resvg::tiny_skia;
use resvg::usvg;

use super::Grafiek;

pub use resvg::usvg::fontdb;

/// The fonts a chart's text is drawn with.
#[derive(Debug, Clone)]
pub struct Lettertypen(Arc<fontdb::Database>);

impl Lettertypen {
    /// The fonts of `db` (for example `fontdb::Database::load_system_fonts`, called where I/O
    /// is allowed).
    pub fn new(db: fontdb::Database) -> Lettertypen {
        Lettertypen(Arc::new(db))
    }

    /// Whether there is no font at all: a picture would then have no text.
    pub fn is_leeg(&self) -> bool {
        self.0.is_empty()
    }
}

/// Why a chart could not be made into a picture.
#[derive(Debug, thiserror::Error)]
pub enum PngFout {
    /// The SVG was not understood (a defect of this module).
    #[error("de grafiek kon niet worden gelezen: {0}")]
    Svg(String),
    /// The picture would be empty or too large.
    #[error("de afbeelding heeft geen geldige afmetingen")]
    Afmeting,
    /// Encoding the PNG failed.
    #[error("de afbeelding kon niet worden gemaakt: {0}")]
    Png(String),
}

/// The chart `g` (as [`Grafiek::svg`] with `met_titel`) as a PNG, `schaal` pixels per SVG
/// unit (2 gives a picture 1392 pixels wide, sharp on a slide and in print).
pub fn png(
    g: &Grafiek,
    met_titel: bool,
    lettertypen: &Lettertypen,
    schaal: f32,
) -> Result<Vec<u8>, PngFout> {
    let opt = usvg::Options {
        fontdb: Arc::clone(&lettertypen.0),
        font_family: "Liberation Sans".to_string(),
        ..usvg::Options::default()
    };
    let tree =
        usvg::Tree::from_str(&g.svg(met_titel), &opt).map_err(|e| PngFout::Svg(e.to_string()))?;
    let size = tree
        .size()
        .to_int_size()
        .scale_by(schaal)
        .ok_or(PngFout::Afmeting)?;
    let mut pixmap =
        tiny_skia::Pixmap::new(size.width(), size.height()).ok_or(PngFout::Afmeting)?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(schaal, schaal),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().map_err(|e| PngFout::Png(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chart_becomes_a_png_of_its_size_times_the_scale() {
        let mut g = Grafiek::new("proef", "Proef", "Een vlak", 100.0);
        g.inhoud
            .push_str(&super::super::vlak(0.0, 0.0, 50.0, 50.0, "#1f4e79"));
        let lt = Lettertypen::new(fontdb::Database::new());
        let bytes = png(&g, false, &lt, 2.0).unwrap();
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
        // The IHDR chunk: width and height big-endian at bytes 16..24; the file is
        // (680 + 16) × (100 + 8) units, so 1392 × 216 pixels at scale 2.
        assert_eq!(
            u32::from_be_bytes([bytes[16], bytes[17], bytes[18], bytes[19]]),
            1392
        );
        assert_eq!(
            u32::from_be_bytes([bytes[20], bytes[21], bytes[22], bytes[23]]),
            216
        );
    }
}
