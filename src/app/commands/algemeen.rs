//! `check`, `init`, `completions` and `manpage`: the commands that make no calculation of
//! their own. Through the application layer only.

use std::path::PathBuf;

use anyhow::Context as _;
use patz_calc::cli;
use patz_calc::cli::InitArgs;
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

/// Writes the scenario to start from (never over an existing file: checked before, and again
/// when placed): the template, for the user's choices (options, or answers on a terminal).
pub(crate) fn init(app: &mut App, args: &InitArgs) -> Result<(), Fout> {
    if !app.sets.is_empty() {
        return Err(Fout::ongeldig(
            Melding::fout("--set geldt niet voor init: er is nog geen scenario om te wijzigen")
                .hint(
                    "kies met --groepen, --verzekeraars, --startjaar, --looptijd en \
                     --verzekerden, of pas de waarden aan in het geschreven bestand",
                ),
        ));
    }
    let mut keuze = args.keuze().map_err(|m| Fout::ongeldig(Melding::fout(m)))?;
    if keuze.is_leeg() && !args.zonder_vragen && matches!(app.uit, Doel::Bestand { .. }) {
        crate::app::vragen::stel(&mut keuze);
    }
    let text = patz_calc::sjabloon::sjabloon(&keuze);
    if let Err(d) = scenario::parse(&text) {
        let first = d.first().map(|x| x.message.clone()).unwrap_or_default();
        return Err(Fout::ongeldig(Melding::fout(format!(
            "met deze keuzes wordt het scenario ongeldig: {first}"
        ))));
    }
    app.lever(None, text.as_bytes())?;
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
