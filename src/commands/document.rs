//! `report` and `export`: the businesscase as an HTML document and as an Excel workbook. Reads
//! the scenario, renders the whole document in memory, then writes it atomically (a temporary
//! file beside the target, renamed into place), so that a failure never leaves a partial file.

use std::io::IsTerminal;
use std::path::Path;

use patz_calc::cli::document::{ExportArgs, ReportArgs};
use patz_calc::render;
use patz_calc::scenario::Override;

use crate::Failure;

pub(crate) fn report(args: &ReportArgs, sets: &[Override]) -> Result<(), Failure> {
    refuse_existing(&args.output, args.force)?;
    let (s, r) = crate::evaluate_file(&args.file, sets)?;
    let bytes = render::html::report(&s, &r);
    write(&args.output, &bytes, args.force)?;
    crate::finish(false, !crate::verify(&args.file, &s, &r))
}

pub(crate) fn export(args: &ExportArgs, sets: &[Override]) -> Result<(), Failure> {
    refuse_existing(&args.output, args.force)?;
    if is_stdout(&args.output) && std::io::stdout().is_terminal() {
        eprintln!("fout: een Excel-werkmap is geen tekst voor de terminal");
        eprintln!("    hint: schrijf hem naar een bestand, bijv. -o businesscase.xlsx");
        return Err(Failure::Invalid);
    }
    let (s, r) = crate::evaluate_file(&args.file, sets)?;
    let bytes = render::xlsx::workbook(&s, &r).map_err(|e| {
        Failure::Other(anyhow::anyhow!(
            "{}: de werkmap kon niet worden gemaakt: {e}",
            crate::shown(&args.output)
        ))
    })?;
    write(&args.output, &bytes, args.force)?;
    crate::finish(false, !crate::verify(&args.file, &s, &r))
}

fn is_stdout(output: &Path) -> bool {
    output == Path::new("-")
}

/// An existing output file is only replaced with `--force`; checked before any work is done.
fn refuse_existing(output: &Path, force: bool) -> Result<(), Failure> {
    if is_stdout(output) || force {
        return Ok(());
    }
    if output.exists() {
        eprintln!(
            "{}: fout: bestaat al; patz-calc overschrijft een bestaand bestand alleen met --force",
            crate::shown(output)
        );
        eprintln!("    hint: kies een andere naam, of voeg --force toe om het te vervangen");
        return Err(Failure::Invalid);
    }
    Ok(())
}

/// Writes the whole document at once: to stdout for `-`, else atomically to the file (without
/// `--force`, never over a file that appeared in the meantime).
fn write(output: &Path, bytes: &[u8], force: bool) -> Result<(), Failure> {
    if is_stdout(output) {
        return crate::write_stdout(bytes);
    }
    if output.is_dir() {
        eprintln!(
            "{}: fout: dit is een map; geef een bestandsnaam",
            crate::shown(output)
        );
        return Err(Failure::Invalid);
    }
    crate::write_atomic(output, bytes, force)?;
    Ok(())
}
