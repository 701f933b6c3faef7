//! The application layer: the only code that touches the terminal and files. [`run`] checks the
//! command line in one step (`--set` values, every output against every input), hands the
//! command to its family in `commands`, and ends with one exit status. The parts:
//!
//! - [`invoer`]: reading scenario and CSV files (bounded, UTF-8), and batch folders;
//! - [`beoordeling`]: one scenario read, validated and calculated, its messages as values;
//! - [`uitvoer`]: the one writer of results (stdout, atomic files, devices);
//! - [`rapport`]: the one printer of messages, and the exit status;
//! - [`gebruik`]: clap's errors in Dutch, and outputs held against inputs;
//! - [`commands`]: the command families, one file each, on top of the parts above.
//!
//! The sequence of a command on one scenario (read → evaluate → print warnings → make the
//! result → write it → check expectations) is written once, in [`App::met_scenario`].

use std::io;
use std::path::{Path, PathBuf};

use patz_calc::calc;
use patz_calc::cli::{Cli, Command};
use patz_calc::render::Format;
use patz_calc::scenario::{Override, Scenario};

pub(crate) mod beoordeling;
mod commands;
pub(crate) mod gebruik;
pub(crate) mod grafieken;
pub(crate) mod invoer;
pub(crate) mod rapport;
pub(crate) mod uitvoer;
pub(crate) mod vragen;

pub(crate) use rapport::{Fout, Melding, Status};
use uitvoer::{Doel, Uitvoersoort, Vervang};

/// A command being carried out: its checked arguments, and where messages and results go.
pub(crate) struct App {
    /// The printer of messages (stderr).
    pub(crate) rapport: rapport::Rapport<io::Stderr>,
    /// The `--set` values, parsed.
    pub(crate) sets: Vec<Override>,
    /// Where the result goes (`-o`, or stdout).
    pub(crate) uit: Doel,
    /// Whether an existing file at [`App::uit`] may be replaced.
    pub(crate) vervang: Vervang,
    /// `simulate --draws`.
    pub(crate) draws: Option<Doel>,
    /// The width tables are fitted to: `--breedte`, else the terminal's when the result goes
    /// to one; `None`: tables at their natural width.
    pub(crate) breedte: Option<usize>,
}

/// Carries out the parsed command line and gives the exit status.
pub(crate) fn run(cli: Cli) -> Status {
    let mut rapport = rapport::Rapport::new(io::stderr());
    let uitkomst = match prepare(&cli) {
        Ok((sets, uit, vervang, draws)) => {
            let breedte = cli
                .command
                .output()
                .and_then(|o| o.breedte)
                .map(usize::from)
                .or_else(|| uitvoer::terminal_breedte(&uit));
            let mut app = App {
                rapport,
                sets,
                uit,
                vervang,
                draws,
                breedte,
            };
            let r = commands::run(&mut app, cli.command);
            rapport = app.rapport;
            r
        }
        Err(f) => Err(f),
    };
    rapport.sluit(uitkomst)
}

/// Translates clap's error: help on stdout, or the Dutch usage error on stderr.
pub(crate) fn clap_error(e: &clap::Error) -> Status {
    match gebruik::clap_fout(e) {
        gebruik::ClapUitkomst::Hulp(code) => {
            let _ = e.print();
            if code == 0 {
                Status::Gelukt
            } else {
                Status::Ongeldig
            }
        }
        gebruik::ClapUitkomst::Fout(m) => {
            rapport::Rapport::new(io::stderr()).sluit(Err(Fout::ongeldig(m)))
        }
    }
}

type Prepared = (Vec<Override>, Doel, Vervang, Option<Doel>);

/// The one check of the command line before any work: the `--set` values, and every output
/// (what it is, and that it is neither an input nor another output).
fn prepare(cli: &Cli) -> Result<Prepared, Fout> {
    let mut sets = Vec::with_capacity(cli.set.len());
    for arg in &cli.set {
        sets.push(Override::parse(arg).map_err(|msg| Fout::ongeldig(Melding::fout(msg)))?);
    }
    let ends = endpoints(&cli.command);
    if let Some(msg) = cli
        .command
        .output()
        .and_then(patz_calc::cli::OutputArgs::strijdig)
    {
        return Err(Fout::ongeldig(Melding::fout(msg)));
    }
    if let Some(refuse) = ends.bestaand
        && let Some(p) = ends.uit
        && p != Path::new("-")
        && p.exists()
    {
        return Err(Fout::ongeldig(refuse.melding(p)));
    }
    let uit = Doel::kies(ends.uit).map_err(Fout::ongeldig)?;
    let draws = match ends.draws {
        Some(p) => Some(Doel::kies(Some(p)).map_err(Fout::ongeldig)?),
        None => None,
    };
    let mut outputs = vec![gebruik::Uitvoerpad {
        naam: ends.uit_naam,
        doel: &uit,
    }];
    if let Some(d) = &draws {
        outputs.insert(
            0,
            gebruik::Uitvoerpad {
                naam: "--trekkingen",
                doel: d,
            },
        );
    }
    gebruik::geen_overlap(&ends.invoer, &outputs)?;
    let soort = match &cli.command {
        Command::Report(_) => Uitvoersoort::Document,
        Command::AnnualReport(_) => Uitvoersoort::Verslag,
        Command::Export(_) => Uitvoersoort::Werkmap,
        Command::Init { .. } => Uitvoersoort::Sjabloon,
        _ => Uitvoersoort::Gegevens(
            cli.command
                .output()
                .and_then(|o| o.format.map(|_| o.resolved_format())),
        ),
    };
    if let Some(p) = ends.uit {
        uitvoer::controleer_vorm(p, soort).map_err(Fout::ongeldig)?;
    }
    if let Some(p) = ends.draws {
        uitvoer::controleer_vorm(p, Uitvoersoort::Trekkingen).map_err(Fout::ongeldig)?;
    }
    let vervang = if ends.bestaand.is_some() {
        Vervang::Nee
    } else {
        Vervang::Ja
    };
    Ok((sets, uit, vervang, draws))
}

/// A command's files: what it reads and where it writes.
struct Endpoints<'a> {
    invoer: Vec<gebruik::Invoerpad<'a>>,
    uit: Option<&'a Path>,
    uit_naam: &'static str,
    /// How an existing output file is refused, if it is (`init`, `report` without `--force`).
    bestaand: Option<Weiger>,
    draws: Option<&'a Path>,
}

/// Why an existing output file is not replaced.
#[derive(Clone, Copy)]
enum Weiger {
    Init,
    ZonderForce,
}

impl Weiger {
    fn melding(self, p: &Path) -> Melding {
        let shown = invoer::getoond(p);
        match self {
            Weiger::Init => Melding::regel(format!(
                "{shown}: fout: bestaat al; patz-calc init overschrijft nooit een bestand"
            ))
            .hint(format!(
                "kies een andere naam, bijv. patz-calc init {}",
                invoer::getoond(&vrije_naam(p))
            )),
            Weiger::ZonderForce => Melding::regel(format!(
                "{shown}: fout: bestaat al; patz-calc overschrijft een bestaand bestand alleen \
                 met --force"
            ))
            .hint("kies een andere naam, of voeg --force toe om het te vervangen"),
        }
    }
}

/// A file name like `p` that does not exist yet: `mijn-regio-2.toml`, `mijn-regio-3.toml`, ….
fn vrije_naam(p: &Path) -> std::path::PathBuf {
    let stem = p
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "scenario".into());
    let ext = p
        .extension()
        .map(|e| format!(".{}", e.to_string_lossy()))
        .unwrap_or_default();
    (2..1000)
        .map(|n| p.with_file_name(format!("{stem}-{n}{ext}")))
        .find(|c| !c.exists())
        .unwrap_or_else(|| p.with_file_name(format!("{stem}-nieuw{ext}")))
}

impl<'a> Endpoints<'a> {
    /// Adds the files `paden`, read through `naam` (an option, or "het scenariobestand").
    fn lees(&mut self, naam: &'static str, paden: impl IntoIterator<Item = &'a PathBuf>) {
        self.invoer.extend(
            paden
                .into_iter()
                .map(|pad| gebruik::Invoerpad { naam, pad }),
        );
    }

    /// A document written to `uit`, an existing file refused without `--force`.
    fn document(&mut self, uit: &'a Path, force: bool) {
        self.uit = Some(uit);
        self.bestaand = (!force).then_some(Weiger::ZonderForce);
    }
}

/// The files of each command (batch adds the files found in its folders later).
fn endpoints(c: &Command) -> Endpoints<'_> {
    const SCENARIO: &str = "het scenariobestand";
    let mut e = Endpoints {
        invoer: Vec::new(),
        uit: None,
        uit_naam: "-o",
        bestaand: None,
        draws: None,
    };
    match c {
        Command::Check { files } => e.lees(SCENARIO, files),
        Command::Cost { file, output }
        | Command::Impact { file, output }
        | Command::Offers { file, output, .. }
        | Command::BusinessCase { file, output }
        | Command::Explain { file, output, .. }
        | Command::Sweep { file, output } => {
            e.lees(SCENARIO, [file]);
            e.uit = output.output.as_deref();
        }
        Command::Batch { paths, output, .. } => {
            e.lees(SCENARIO, paths);
            e.uit = output.output.as_deref();
        }
        Command::Compare {
            files,
            reference,
            output,
        } => {
            e.lees(SCENARIO, files);
            e.lees(SCENARIO, reference);
            e.uit = output.output.as_deref();
        }
        Command::Sensitivity(a) => {
            e.lees(SCENARIO, [&a.file]);
            e.uit = a.output.output.as_deref();
        }
        Command::Solve(a) => {
            e.lees(SCENARIO, [&a.file]);
            e.uit = a.output.output.as_deref();
        }
        Command::Simulate(a) => {
            e.lees(SCENARIO, [&a.file]);
            e.uit = a.output.output.as_deref();
            e.draws = a.draws.as_deref();
        }
        Command::Monitor(a) => {
            e.lees(SCENARIO, [&a.file]);
            e.lees("--bijeenkomsten", [&a.bijeenkomsten]);
            e.lees("--indicatoren", &a.indicatoren);
            e.uit = a.output.output.as_deref();
        }
        Command::Payout(a) => {
            e.lees(SCENARIO, [&a.file]);
            e.lees("--bijeenkomsten", &a.bijeenkomsten);
            e.uit = a.output.output.as_deref();
        }
        Command::Declare(a) => {
            e.lees(SCENARIO, [&a.file]);
            e.lees("--verzekerden", [&a.verzekerden]);
            e.uit = a.output.output.as_deref();
        }
        Command::Settle(a) => {
            e.lees(SCENARIO, [&a.file]);
            e.lees("--verzekerden", [&a.verzekerden]);
            e.lees("--bijeenkomsten", [&a.bijeenkomsten]);
            e.uit = a.output.output.as_deref();
        }
        Command::AnnualReport(a) => {
            e.lees(SCENARIO, [&a.file]);
            e.lees("--bijeenkomsten", [&a.bijeenkomsten]);
            e.lees("--indicatoren", &a.indicatoren);
            e.lees("--verzekerden", &a.verzekerden);
            e.document(&a.output, a.force);
        }
        Command::Report(a) => {
            e.lees(SCENARIO, [&a.file]);
            e.document(&a.output, a.force);
        }
        Command::Export(a) => {
            e.lees(SCENARIO, [&a.file]);
            e.document(&a.output, a.force);
        }
        Command::Init { file, .. } => {
            e.uit = Some(file);
            e.uit_naam = "het sjabloon";
            e.bestaand = Some(Weiger::Init);
        }
        Command::Completions { .. } | Command::Manpage => {}
    }
    e
}

/// One step of a streamed result, in the order a shared terminal shows it.
pub(crate) enum Stap {
    /// A message, on stderr.
    Melding(Melding),
    /// A piece of the result, for the output being written.
    Uitvoer(Vec<u8>),
}

impl App {
    /// Carries out `stappen` in order: messages printed, pieces written to `sink`.
    pub(crate) fn druk(
        &mut self,
        sink: &mut uitvoer::Schrijver,
        stappen: Vec<Stap>,
    ) -> Result<(), Fout> {
        for stap in stappen {
            match stap {
                Stap::Melding(m) => self.rapport.meld(&m),
                Stap::Uitvoer(bytes) if bytes.is_empty() => {}
                Stap::Uitvoer(bytes) => sink.schrijf(&bytes)?,
            }
        }
        Ok(())
    }

    /// Reads and evaluates one scenario, printing its warnings; its errors end the command.
    pub(crate) fn scenario(&mut self, file: &Path) -> Result<(Scenario, calc::Resultaat), Fout> {
        let a = beoordeling::assess(file, &self.sets, beoordeling::Need::ALL);
        self.rapport.meld_alle(&a.warnings);
        a.outcome.ok_or(Fout::Ongeldig(a.errors))
    }

    /// Prints every expectation of `s` that `r` misses; one missed makes the exit status 3.
    pub(crate) fn verwachtingen(&mut self, file: &Path, s: &Scenario, r: &calc::Resultaat) {
        let missed = beoordeling::missed_expectations(&invoer::getoond(file), s, r);
        if !missed.is_empty() {
            self.rapport.markeer(Status::Gemist);
        }
        self.rapport.meld_alle(&missed);
    }

    /// Writes a command's whole result to its output; a table made safe for a terminal.
    pub(crate) fn lever(&mut self, format: Option<Format>, bytes: &[u8]) -> Result<(), Fout> {
        uitvoer::schrijf_alles(&self.uit, &self.voor_mensen(format, bytes), self.vervang)
    }

    /// A table made safe for a terminal (control characters shown) and fitted to
    /// [`App::breedte`]; anything else unchanged.
    pub(crate) fn voor_mensen<'b>(
        &self,
        format: Option<Format>,
        bytes: &'b [u8],
    ) -> std::borrow::Cow<'b, [u8]> {
        let veilig = uitvoer::veilig(format, bytes);
        match (format, self.breedte, std::str::from_utf8(&veilig)) {
            (Some(Format::Table), Some(b), Ok(text)) => {
                let fitted = patz_calc::render::table::passend(text, b);
                std::borrow::Cow::Owned(fitted.into_bytes())
            }
            _ => veilig,
        }
    }

    /// A command on one scenario: read and evaluate it (warnings printed), `maak` the result
    /// (in `format`, when it is a table, CSV or JSON), write it, then report the expectations
    /// that are missed.
    pub(crate) fn met_scenario(
        &mut self,
        file: &Path,
        format: Option<Format>,
        maak: impl FnOnce(&mut App, &Scenario, &calc::Resultaat) -> Result<Vec<u8>, Fout>,
    ) -> Result<(), Fout> {
        let (s, r) = self.scenario(file)?;
        let bytes = maak(self, &s, &r)?;
        self.lever(format, &bytes)?;
        self.verwachtingen(file, &s, &r);
        Ok(())
    }
}
