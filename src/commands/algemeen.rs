//! `check`, `init`, `completions` and `manpage`: the commands that make no calculation of
//! their own. Through the application layer only.

use std::path::PathBuf;

use anyhow::Context as _;
use patz_calc::cli;
use patz_calc::scenario;

use crate::app::{App, Fout, Melding, invoer::getoond, uitvoer::Doel};

/// Checks every file, reporting each one's warnings, errors and missed expectations.
pub(crate) fn check(app: &mut App, files: &[PathBuf]) -> Result<(), Fout> {
    for file in files {
        match app.scenario(file) {
            Ok((s, r)) => app.verwachtingen(file, &s, &r),
            Err(f) => app.rapport.toon(f),
        }
    }
    Ok(())
}

/// Writes the template (never over an existing file: checked before, and again when placed).
pub(crate) fn init(app: &mut App) -> Result<(), Fout> {
    app.lever(None, scenario::TEMPLATE.as_bytes())?;
    if let Doel::Bestand { pad, .. } | Doel::Apparaat { pad } = &app.uit {
        let shown = getoond(pad);
        app.rapport.meld(&Melding::regel(format!(
            "{shown} geschreven. Pas de waarden aan en reken met: patz-calc cost {shown}"
        )));
    }
    Ok(())
}

/// Shell completion on stdout.
pub(crate) fn completions(app: &mut App, shell: clap_complete::Shell) -> Result<(), Fout> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cli::command(), "patz-calc", &mut out);
    app.lever(None, &out)
}

/// The man page on stdout.
pub(crate) fn manpage(app: &mut App) -> Result<(), Fout> {
    let mut out = Vec::new();
    clap_mangen::Man::new(cli::command())
        .render(&mut out)
        .context("man-pagina maken")?;
    app.lever(None, &out)
}
