//! `sensitivity`, `solve` and `simulate`: the uncertainty analyses of one scenario. Through the
//! application layer only.

use std::io::IsTerminal;
use std::path::Path;

use patz_calc::cli::onzekerheid::{SensitivityArgs, SimulateArgs, SolveArgs};
use patz_calc::onzekerheid::analyse::{self, AnalyseFout, Doelgrootheid};
use patz_calc::onzekerheid::simulatie::{self, FIGUREN, Simulatie, Trekking};
use patz_calc::scenario::{Grootheid, Scenario};
use patz_calc::{decimal, render};

use crate::app::invoer::getoond;
use crate::app::uitvoer::{Schrijver, Vervang};
use crate::app::{App, Fout, Melding};

/// An analysis error: invalid input (exit 2).
fn failed(file: &Path, e: &AnalyseFout) -> Fout {
    Fout::ongeldig(Melding::regel(format!("{}: fout: {e}", getoond(file))))
}

/// Prints how every declared distribution was read (for the machine formats, on stderr; the
/// table shows it itself).
fn echo(app: &mut App, s: &Scenario, format: render::Format) {
    if format != render::Format::Table && !s.onzekerheden.is_empty() {
        let text = format!("verdelingen:\n{}", render::onzekerheid::verdelingen(s));
        app.rapport.meld(&Melding::tekst(&text));
    }
}

pub(crate) fn sensitivity(app: &mut App, args: &SensitivityArgs) -> Result<(), Fout> {
    let opts = args.output.options();
    app.met_scenario(&args.file, Some(opts.format), |app, s, _| {
        let uitkomst = match Grootheid::parse(&args.uitkomst) {
            Some(g) if analyse::UITKOMSTEN.contains(&g) => g,
            _ => {
                let names: Vec<&str> = analyse::UITKOMSTEN.iter().map(|g| g.as_str()).collect();
                return Err(Fout::ongeldig(Melding::fout(format!(
                    "--uitkomst '{}' kan niet; kies uit: {}",
                    args.uitkomst,
                    names.join(", ")
                ))));
            }
        };
        echo(app, s, opts.format);
        let g = analyse::gevoeligheid(s, uitkomst).map_err(|e| failed(&args.file, &e))?;
        Ok(render::onzekerheid::gevoeligheid(s, &g, opts))
    })
}

pub(crate) fn solve(app: &mut App, args: &SolveArgs) -> Result<(), Fout> {
    let opts = args.output.options();
    app.met_scenario(&args.file, Some(opts.format), |_, s, _| {
        let Some((name, value)) = args.doel.split_once('=') else {
            return Err(Fout::ongeldig(Melding::fout(format!(
                "--doel '{}': schrijf GROOTHEID=WAARDE, bijv. --doel netto=0",
                args.doel
            ))));
        };
        let doel = Doelgrootheid::parse(s, name.trim())
            .map_err(|msg| Fout::ongeldig(Melding::fout(format!("--doel: {msg}"))))?;
        let waarde = decimal::parse_exact(value).map_err(|e| {
            Fout::ongeldig(Melding::fout(format!(
                "--doel: '{}' is geen geldig getal ({e})",
                value.trim()
            )))
        })?;
        let o = analyse::los_op(s, &args.parameter, &doel, waarde).map_err(|e| match e {
            AnalyseFout::Ongeldig(msg) => Fout::ongeldig(Melding::fout(format!(
                "--parameter {}: {msg}",
                args.parameter
            ))),
            other => failed(&args.file, &other),
        })?;
        Ok(render::onzekerheid::oplossing(
            s,
            &o,
            doel.decimalen(),
            opts,
        ))
    })
}

/// Runs of at least this many draws show a progress bar (when stderr is a terminal).
const PROGRESS_FROM: u64 = 20_000;

pub(crate) fn simulate(app: &mut App, args: &SimulateArgs) -> Result<(), Fout> {
    let opts = args.output.options();
    let draws = app.draws.clone();
    app.met_scenario(&args.file, Some(opts.format), |app, s, _| {
        if s.onzekerheden.is_empty() {
            return Err(Fout::ongeldig(
                Melding::regel(format!(
                    "{}: fout: dit scenario declareert geen [[onzekerheid]]; een simulatie \
                     heeft verdelingen nodig",
                    getoond(&args.file)
                ))
                .hint(
                    "voeg per onzekere waarde een blok toe, bijv. [[onzekerheid]] met \
                     parameter = \"uurtarieven.huisarts\", verdeling = \"uniform\", \
                     min = 100, max = 135; het scenario van patz-calc init heeft voorbeelden",
                ),
            ));
        }
        echo(app, s, opts.format);
        // Every draw as CSV, streamed in blocks to the draws' output (a temporary file that is
        // renamed at the end, or stdout or a device as they come). The simulation hands over
        // draws only once it has met every error, and the header goes with the first block: a
        // failing simulation writes nothing, also not to stdout.
        let sim = match &draws {
            None => run(s, args, None).map_err(|e| e.fout(&args.file))?,
            Some(doel) => {
                let mut sink = Schrijver::open(doel, Vervang::Ja)?;
                let sim = run(s, args, Some(&mut sink)).map_err(|e| e.fout(&args.file))?;
                sink.plaats()?;
                sim
            }
        };
        Ok(render::onzekerheid::simulatie(s, &sim, opts))
    })
}

/// Why a simulation run stopped.
enum Stop {
    Analyse(AnalyseFout),
    Fout(Fout),
}

impl Stop {
    fn fout(self, file: &Path) -> Fout {
        match self {
            Stop::Analyse(e) => failed(file, &e),
            Stop::Fout(f) => f,
        }
    }
}

/// One simulation, with the draws as CSV to `sink` (the header with the first block) and a
/// progress bar on a terminal for long runs.
fn run(s: &Scenario, args: &SimulateArgs, sink: Option<&mut Schrijver>) -> Result<Simulatie, Stop> {
    let mut write_error: Option<Fout> = None;
    let mut sink = sink;
    let mut header = {
        let mut h = vec!["iteratie".to_string()];
        h.extend(s.onzekerheden.iter().map(|o| o.parameter.clone()));
        h.extend(FIGUREN.iter().map(|g| g.as_str().to_string()));
        Some(format!("{}\r\n", h.join(",")))
    };
    let mut on_draws = |block: &[Trekking]| -> Result<(), AnalyseFout> {
        let Some(w) = sink.as_deref_mut() else {
            return Ok(());
        };
        let mut text = header.take().unwrap_or_default();
        text.push_str(&draws_csv(block));
        if let Err(e) = w.schrijf(text.as_bytes()) {
            write_error = Some(e);
            return Err(AnalyseFout::Ongeldig(
                "schrijven van de trekkingen mislukt".into(),
            ));
        }
        Ok(())
    };
    let bar = (std::io::stderr().is_terminal() && args.iteraties >= PROGRESS_FROM).then(|| {
        let b = indicatif::ProgressBar::new(args.iteraties);
        b.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} trekkingen ({eta})")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        b
    });
    let mut progress = |done: u64| {
        if let Some(b) = &bar {
            b.set_position(done);
        }
    };
    let result = simulatie::simuleer(s, args.iteraties, args.seed, &mut on_draws, &mut progress);
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    if let Some(e) = write_error {
        return Err(Stop::Fout(e));
    }
    result.map_err(Stop::Analyse)
}

/// A block of draws as CSV rows.
fn draws_csv(block: &[Trekking]) -> String {
    let mut text = String::new();
    for t in block {
        text.push_str(&t.iteratie.to_string());
        for v in &t.waarden {
            text.push(',');
            text.push_str(&v.normalize().to_string());
        }
        for f in &t.figuren {
            text.push(',');
            if let Some(c) = f {
                text.push_str(&decimal::fixed(rust_decimal::Decimal::new(*c, 2), 2));
            }
        }
        text.push_str("\r\n");
    }
    text
}
