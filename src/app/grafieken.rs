//! `report --grafieken MAP`: every chart of the report as a file of its own, for a slide or
//! another document. Does I/O: the folder is checked before any work and made when missing;
//! each file goes through the one writer ([`super::uitvoer`]), so it is never half-written.
//!
//! Every chart is written as SVG (`kosten-per-jaar.svg`), with its caption above it; a build
//! with the feature `png` writes a PNG beside it too (twice the SVG's size in pixels, the
//! system's fonts). Where no font is found only the SVG files are written, and stderr says
//! why and which package to install.

use std::fs;
use std::path::{Path, PathBuf};

use patz_calc::render::grafiek::{Grafiek, NAMEN};

use super::invoer::{getoond, io_bericht};
use super::uitvoer::{Doel, Vervang, schrijf_alles};
use super::{Fout, Melding};

/// The extensions written.
#[cfg(feature = "png")]
const SOORTEN: [&str; 2] = ["svg", "png"];
#[cfg(not(feature = "png"))]
const SOORTEN: [&str; 1] = ["svg"];

/// The folder the charts go to, checked.
#[derive(Debug)]
pub(crate) struct Grafiekmap {
    map: PathBuf,
    vervang: Vervang,
}

impl Grafiekmap {
    /// Checks `map` before any work: it is a folder or nothing yet (a file is a usage error),
    /// and without `force` no chart file is there yet (a chart file that exists is refused,
    /// as the report itself is).
    pub(crate) fn kies(map: &Path, force: bool) -> Result<Grafiekmap, Fout> {
        let shown = getoond(map);
        match fs::metadata(map) {
            Ok(m) if m.is_dir() => {}
            Ok(_) => {
                return Err(Fout::ongeldig(
                    Melding::regel(format!(
                        "{shown}: fout: --grafieken vraagt een map, en dit is een bestand"
                    ))
                    .hint("geef de naam van een (nieuwe) map, bijv. --grafieken grafieken"),
                ));
            }
            Err(_) => {
                return Ok(Grafiekmap {
                    map: map.to_path_buf(),
                    vervang: Vervang::Nee,
                });
            }
        }
        if !force {
            for naam in NAMEN {
                for ext in SOORTEN {
                    let p = map.join(format!("{naam}.{ext}"));
                    if fs::symlink_metadata(&p).is_ok() {
                        return Err(Fout::ongeldig(
                            Melding::regel(format!(
                                "{}: fout: bestaat al; patz-calc overschrijft een bestaande \
                                 grafiek alleen met --force",
                                getoond(&p)
                            ))
                            .hint("kies een andere map, of voeg --force toe om te vervangen"),
                        ));
                    }
                }
            }
        }
        Ok(Grafiekmap {
            map: map.to_path_buf(),
            vervang: if force { Vervang::Ja } else { Vervang::Nee },
        })
    }

    /// Writes every chart of `grafieken` into the folder (made when missing). Every file is
    /// made before the first is written, so a chart that cannot be drawn leaves no files.
    /// Returns the message for stderr when the PNG files were left out (no font found).
    pub(crate) fn schrijf(&self, grafieken: &[Grafiek]) -> Result<Option<Melding>, Fout> {
        #[cfg(feature = "png")]
        let lettertypen = Some(lettertypen());
        #[cfg(not(feature = "png"))]
        let lettertypen = None;
        let (bestanden, melding) = bestanden(grafieken, lettertypen.as_ref())?;
        fs::create_dir_all(&self.map).map_err(|e| {
            anyhow::anyhow!(
                "{}: kan de map voor de grafieken niet maken: {}",
                getoond(&self.map),
                io_bericht(&e)
            )
        })?;
        for (naam, bytes) in &bestanden {
            self.bestand(naam, bytes)?;
        }
        Ok(melding)
    }

    fn bestand(&self, naam: &str, bytes: &[u8]) -> Result<(), Fout> {
        let doel = Doel::kies(Some(&self.map.join(naam))).map_err(Fout::ongeldig)?;
        schrijf_alles(&doel, bytes, self.vervang)
    }
}

/// The fonts a chart's PNG picture is drawn with: in a build without the feature `png` there
/// are none to give, and no PNG is made.
#[cfg(feature = "png")]
type Fonts = patz_calc::render::grafiek::Lettertypen;
#[cfg(not(feature = "png"))]
type Fonts = std::convert::Infallible;

/// A file to write: its name in the folder and its bytes.
type Bestand = (String, Vec<u8>);

/// The files for `grafieken`: every chart as SVG, and as PNG when `lettertypen` has a font.
/// Without any font a PNG would be a picture without a word of text, so only the SVG files
/// are made, and the message says why and what to install (the run still succeeds).
fn bestanden(
    grafieken: &[Grafiek],
    lettertypen: Option<&Fonts>,
) -> Result<(Vec<Bestand>, Option<Melding>), Fout> {
    let mut uit: Vec<Bestand> = Vec::with_capacity(2 * grafieken.len());
    for g in grafieken {
        uit.push((format!("{}.svg", g.naam), g.svg(true).into_bytes()));
    }
    #[cfg(feature = "png")]
    if let Some(lt) = lettertypen {
        if lt.is_leeg() {
            let melding = (!grafieken.is_empty()).then(zonder_lettertype);
            return Ok((uit, melding));
        }
        for g in grafieken {
            uit.push((
                format!("{}.png", g.naam),
                patz_calc::render::grafiek::png(g, true, lt, 2.0)
                    .map_err(|e| anyhow::anyhow!("{}: {e}", g.naam))?,
            ));
        }
    }
    #[cfg(not(feature = "png"))]
    let _ = lettertypen;
    Ok((uit, None))
}

/// The note that the PNG files were left out because no font was found.
#[cfg(feature = "png")]
fn zonder_lettertype() -> Melding {
    Melding::regel(
        "let op: geen lettertype gevonden; de grafieken zijn alleen als SVG geschreven, de \
         PNG-bestanden zijn weggelaten (zonder lettertype zouden ze geen tekst hebben)",
    )
    .hint(
        "installeer een lettertype (op Debian/Ubuntu: fonts-dejavu-core of fonts-liberation2) \
         en maak de grafieken opnieuw met --force",
    )
}

/// Whether this build draws the charts as pictures (the feature `png`): only then does the
/// Word document have them.
pub(crate) const AFBEELDINGEN: bool = cfg!(feature = "png");

/// The charts `grafieken` as PNG pictures for the Word document (twice the SVG's size in
/// pixels, without the caption drawn in: Word writes it above the picture). None without the
/// feature `png`: the document then has no pictures and says nothing about them.
#[cfg(feature = "png")]
pub(crate) fn afbeeldingen(
    grafieken: &[Grafiek],
) -> Result<Vec<patz_calc::render::docx::Afbeelding>, Fout> {
    use patz_calc::render::docx::Afbeelding;
    if grafieken.is_empty() {
        return Ok(Vec::new());
    }
    let lettertypen = lettertypen();
    // Without a font a chart would be a picture without text: the document says where the
    // charts are instead.
    if lettertypen.is_leeg() {
        return Ok(grafieken.iter().map(Afbeelding::zonder_beeld).collect());
    }
    let mut out = Vec::with_capacity(grafieken.len());
    for g in grafieken {
        let png = patz_calc::render::grafiek::png(g, false, &lettertypen, 2.0)
            .map_err(|e| anyhow::anyhow!("{}: {e}", g.naam))?;
        out.extend(Afbeelding::van(g, png));
    }
    Ok(out)
}

/// Without the feature `png`: no pictures.
#[cfg(not(feature = "png"))]
pub(crate) fn afbeeldingen(
    _grafieken: &[Grafiek],
) -> Result<Vec<patz_calc::render::docx::Afbeelding>, Fout> {
    Ok(Vec::new())
}

/// The system's fonts, for the PNG pictures.
#[cfg(feature = "png")]
fn lettertypen() -> patz_calc::render::grafiek::Lettertypen {
    use patz_calc::render::grafiek::{Lettertypen, fontdb};
    let mut db = fontdb::Database::new();
    db.load_system_fonts();
    Lettertypen::new(db)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The charts of the shipped small region (the two cost charts).
    fn grafieken() -> Vec<Grafiek> {
        let tekst = include_str!("../../scenarios/kleine-regio.toml");
        let s = patz_calc::scenario::parse(tekst).unwrap();
        let r = patz_calc::calc::evaluate(&s).unwrap();
        patz_calc::render::grafiek::alle(&s, &r, None)
    }

    #[cfg(feature = "png")]
    #[test]
    fn without_any_font_only_the_svg_files_are_made_and_the_user_is_told_what_to_install() {
        use patz_calc::render::grafiek::{Lettertypen, fontdb};
        let leeg = Lettertypen::new(fontdb::Database::new());
        let (bestanden, melding) = bestanden(&grafieken(), Some(&leeg)).unwrap();
        let namen: Vec<&str> = bestanden.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(namen, ["kosten-per-jaar.svg", "kosten-per-rol.svg"]);
        let regels = melding.expect("a note on stderr").regels().join("\n");
        assert!(
            regels.starts_with("let op: geen lettertype gevonden"),
            "{regels}"
        );
        assert!(regels.contains("PNG-bestanden zijn weggelaten"), "{regels}");
        assert!(regels.contains("fonts-dejavu-core"), "{regels}");
        assert!(regels.contains("fonts-liberation2"), "{regels}");
    }

    #[cfg(feature = "png")]
    #[test]
    fn with_a_font_every_chart_is_also_a_png_and_nothing_is_said() {
        use patz_calc::render::grafiek::{Lettertypen, fontdb};
        let mut db = fontdb::Database::new();
        db.load_system_fonts();
        if db.is_empty() {
            // This machine has no font: the case above is the one that applies.
            return;
        }
        let (bestanden, melding) = bestanden(&grafieken(), Some(&Lettertypen::new(db))).unwrap();
        let namen: Vec<&str> = bestanden.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            namen,
            [
                "kosten-per-jaar.svg",
                "kosten-per-rol.svg",
                "kosten-per-jaar.png",
                "kosten-per-rol.png"
            ]
        );
        assert!(bestanden[2].1.starts_with(b"\x89PNG"));
        assert_eq!(melding, None);
    }

    #[test]
    fn no_charts_no_files_and_no_note() {
        let (bestanden, melding) = bestanden(&[], None).unwrap();
        assert!(bestanden.is_empty());
        assert_eq!(melding, None);
    }
}
