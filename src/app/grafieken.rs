//! `report --grafieken MAP`: every chart of the report as a file of its own, for a slide or
//! another document. Does I/O: the folder is checked before any work and made when missing;
//! each file goes through the one writer ([`super::uitvoer`]), so it is never half-written.
//!
//! Every chart is written as SVG (`kosten-per-jaar.svg`), with its caption above it; a build
//! with the feature `png` writes a PNG beside it too (twice the SVG's size in pixels, the
//! system's fonts).

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
    pub(crate) fn schrijf(&self, grafieken: &[Grafiek]) -> Result<(), Fout> {
        let mut bestanden: Vec<(String, Vec<u8>)> = Vec::with_capacity(2 * grafieken.len());
        #[cfg(feature = "png")]
        let lettertypen = lettertypen();
        for g in grafieken {
            bestanden.push((format!("{}.svg", g.naam), g.svg(true).into_bytes()));
            #[cfg(feature = "png")]
            bestanden.push((
                format!("{}.png", g.naam),
                patz_calc::render::grafiek::png(g, true, &lettertypen, 2.0)
                    .map_err(|e| anyhow::anyhow!("{}: {e}", g.naam))?,
            ));
        }
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
        Ok(())
    }

    fn bestand(&self, naam: &str, bytes: &[u8]) -> Result<(), Fout> {
        let doel = Doel::kies(Some(&self.map.join(naam))).map_err(Fout::ongeldig)?;
        schrijf_alles(&doel, bytes, self.vervang)
    }
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
