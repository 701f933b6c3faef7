//! `report` and `export`: the businesscase as an HTML or Word document (by the extension of
//! the output) and as an Excel workbook,
//! rendered whole in memory and written at once (an existing file only with `--force`, checked
//! before any work). Through the application layer only.

use std::io::IsTerminal;
use std::path::Path;

use patz_calc::cli::document::{ExportArgs, ReportArgs};
use patz_calc::onzekerheid::analyse::{self, Gevoeligheid};
use patz_calc::render;
use patz_calc::scenario::{Grootheid, Scenario};

use crate::app::grafieken::{self, Grafiekmap};
use crate::app::invoer::getoond;
use crate::app::uitvoer::{Doel, Vorm};
use crate::app::{App, Fout, Melding};

pub(crate) fn report(app: &mut App, args: &ReportArgs) -> Result<(), Fout> {
    let map = match &args.grafieken {
        Some(m) => Some(Grafiekmap::kies(m, args.force)?),
        None => None,
    };
    let mut grafieken = Vec::new();
    // The extension was checked before: .docx is the Word document, anything else HTML.
    let wat_nu = if Vorm::van(&args.output) == Some(Vorm::Word) {
        app.met_scenario(&args.file, None, |_, s, r| {
            // The charts: as files for --grafieken, and as pictures in the document where
            // this build draws them.
            let mut afbeeldingen = Vec::new();
            if map.is_some() || grafieken::AFBEELDINGEN {
                // The Word document has no chapter on the sensitivity, only its chart: when it
                // cannot be computed the chart is left out (the chart files still refuse).
                let g = match &map {
                    Some(_) => gevoeligheid(&args.file, s)?,
                    None => gevoeligheid(&args.file, s).ok().flatten(),
                };
                grafieken = render::grafiek::alle(s, r, g.as_ref());
                afbeeldingen = grafieken::afbeeldingen(&grafieken)?;
            }
            render::docx::document(s, r, &afbeeldingen)
                .map_err(|e| Fout::Anders(anyhow::anyhow!("{}: {e}", getoond(&args.output))))
        })?;
        "open het in Word of LibreOffice om verder te bewerken; Opslaan als → PDF geeft een PDF"
    } else {
        app.met_scenario(&args.file, None, |_, s, r| {
            let g = gevoeligheid(&args.file, s)?;
            if map.is_some() {
                grafieken = render::grafiek::alle(s, r, g.as_ref());
            }
            Ok(render::html::report(s, r, g.as_ref()))
        })?;
        "open het in een browser; afdrukken op A4 of opslaan als PDF"
    };
    if let Some(m) = map
        && let Some(melding) = m.schrijf(&grafieken)?
    {
        app.rapport.meld(&melding);
    }
    geschreven(app, wat_nu);
    Ok(())
}

/// Says on stderr where a document went (stdout stays the document's alone).
pub(super) fn geschreven(app: &mut App, wat_nu: &str) {
    if let Doel::Bestand { pad, .. } | Doel::Apparaat { pad } = &app.uit {
        let shown = getoond(pad);
        app.rapport
            .meld(&Melding::regel(format!("{shown} geschreven; {wat_nu}")));
    }
}

/// The report's chapter Gevoeligheid: for a scenario that declares `[[onzekerheid]]` and has
/// `[impact]`, netto's one-way sensitivity, computed once here; an error in it is reported as
/// `sensitivity` reports it (exit 2, nothing written).
fn gevoeligheid(file: &Path, s: &Scenario) -> Result<Option<Gevoeligheid>, Fout> {
    if s.onzekerheden.is_empty() || s.impact.is_none() {
        return Ok(None);
    }
    analyse::gevoeligheid(s, Grootheid::Netto)
        .map(Some)
        .map_err(|e| Fout::ongeldig(Melding::regel(format!("{}: fout: {e}", getoond(file)))))
}

pub(crate) fn export(app: &mut App, args: &ExportArgs) -> Result<(), Fout> {
    if matches!(app.uit, Doel::Stdout) && std::io::stdout().is_terminal() {
        return Err(Fout::ongeldig(
            Melding::fout("een Excel-werkmap is geen tekst voor de terminal")
                .hint("schrijf hem naar een bestand, bijv. -o businesscase.xlsx"),
        ));
    }
    app.met_scenario(&args.file, None, |_, s, r| {
        // The line items in a "low memory" sheet: rust_xlsxwriter writes each finished row to a
        // temporary file, so that memory stays flat in the number of groups.
        render::xlsx::workbook_met(
            s,
            r,
            rust_xlsxwriter::Workbook::add_worksheet_with_low_memory,
        )
        .map_err(|e| {
            Fout::Anders(anyhow::anyhow!(
                "{}: de werkmap kon niet worden gemaakt: {e}",
                getoond(&args.output)
            ))
        })
    })?;
    geschreven(app, "open het in Excel of LibreOffice Calc");
    Ok(())
}
