//! `sensitivity`, `solve` and `simulate`: read the scenario, call the core, write the result.

use std::io::IsTerminal;

use patz_calc::cli::onzekerheid::{SensitivityArgs, SimulateArgs, SolveArgs};
use patz_calc::onzekerheid::analyse::{self, AnalyseFout, Doelgrootheid};
use patz_calc::onzekerheid::simulatie::{self, FIGUREN, Trekking};
use patz_calc::scenario::{Grootheid, Override, Scenario};
use patz_calc::{decimal, render};

use crate::{Failure, Sink, emit, evaluate_file, finish, shown, verify};

/// An analysis error: invalid input (exit 2), printed in Dutch.
fn failed(file: &std::path::Path, e: &AnalyseFout) -> Failure {
    eprintln!("{}: fout: {e}", shown(file));
    Failure::Invalid
}

/// Prints how every declared distribution was read (for the machine formats, on stderr; the
/// table shows it itself).
fn echo(s: &Scenario, format: render::Format) {
    if format != render::Format::Table && !s.onzekerheden.is_empty() {
        eprint!("verdelingen:\n{}", render::onzekerheid::verdelingen(s));
    }
}

pub(crate) fn sensitivity(args: &SensitivityArgs, sets: &[Override]) -> Result<(), Failure> {
    let (s, r) = evaluate_file(&args.file, sets)?;
    let uitkomst = match Grootheid::parse(&args.uitkomst) {
        Some(g) if analyse::UITKOMSTEN.contains(&g) => g,
        _ => {
            let names: Vec<&str> = analyse::UITKOMSTEN.iter().map(|g| g.as_str()).collect();
            eprintln!(
                "fout: --uitkomst '{}' kan niet; kies uit: {}",
                args.uitkomst,
                names.join(", ")
            );
            return Err(Failure::Invalid);
        }
    };
    let opts = args.output.options();
    echo(&s, opts.format);
    let g = analyse::gevoeligheid(&s, uitkomst).map_err(|e| failed(&args.file, &e))?;
    emit(
        &render::onzekerheid::gevoeligheid(&s, &g, opts),
        args.output.output.as_deref(),
    )?;
    finish(false, !verify(&args.file, &s, &r))
}

pub(crate) fn solve(args: &SolveArgs, sets: &[Override]) -> Result<(), Failure> {
    let (s, r) = evaluate_file(&args.file, sets)?;
    let Some((name, value)) = args.doel.split_once('=') else {
        eprintln!(
            "fout: --doel '{}': schrijf GROOTHEID=WAARDE, bijv. --doel netto=0",
            args.doel
        );
        return Err(Failure::Invalid);
    };
    let doel = match Doelgrootheid::parse(&s, name.trim()) {
        Ok(d) => d,
        Err(msg) => {
            eprintln!("fout: --doel: {msg}");
            return Err(Failure::Invalid);
        }
    };
    let waarde = match decimal::parse_exact(value) {
        Ok(v) => v,
        Err(e) => {
            eprintln!(
                "fout: --doel: '{}' is geen geldig getal ({e})",
                value.trim()
            );
            return Err(Failure::Invalid);
        }
    };
    let o = analyse::los_op(&s, &args.parameter, &doel, waarde).map_err(|e| match e {
        AnalyseFout::Ongeldig(msg) => {
            eprintln!("fout: --parameter {}: {msg}", args.parameter);
            Failure::Invalid
        }
        other => failed(&args.file, &other),
    })?;
    emit(
        &render::onzekerheid::oplossing(&s, &o, doel.decimalen(), args.output.options()),
        args.output.output.as_deref(),
    )?;
    finish(false, !verify(&args.file, &s, &r))
}

pub(crate) fn simulate(args: &SimulateArgs, sets: &[Override]) -> Result<(), Failure> {
    let (s, r) = evaluate_file(&args.file, sets)?;
    let opts = args.output.options();
    echo(&s, opts.format);
    // Every draw as CSV, streamed in blocks to a temporary file that is renamed at the end.
    // The header goes with the first block: the simulation hands over draws only once it has
    // met every error, so a failing one writes nothing (also not to stdout).
    let mut draws_sink = match &args.draws {
        Some(p) => Some(Sink::open(Some(p))?),
        None => None,
    };
    let mut header = {
        let mut h = vec!["iteratie".to_string()];
        h.extend(s.onzekerheden.iter().map(|o| o.parameter.clone()));
        h.extend(FIGUREN.iter().map(|g| g.as_str().to_string()));
        Some(format!("{}\r\n", h.join(",")))
    };
    let mut write_error: Option<Failure> = None;
    let mut on_draws = |block: &[Trekking]| -> Result<(), AnalyseFout> {
        let Some(sink) = draws_sink.as_mut() else {
            return Ok(());
        };
        let mut text = header.take().unwrap_or_default();
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
        if let Err(e) = sink.write(text.as_bytes()) {
            write_error = Some(e);
            return Err(AnalyseFout::Ongeldig(
                "schrijven van de trekkingen mislukt".into(),
            ));
        }
        Ok(())
    };
    let bar = (std::io::stderr().is_terminal() && args.iteraties >= 20_000).then(|| {
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
    let result = simulatie::simuleer(&s, args.iteraties, args.seed, &mut on_draws, &mut progress);
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    if let Some(e) = write_error {
        return Err(e);
    }
    let sim = result.map_err(|e| failed(&args.file, &e))?;
    if let Some(sink) = draws_sink {
        sink.commit()?;
    }
    emit(
        &render::onzekerheid::simulatie(&s, &sim, opts),
        args.output.output.as_deref(),
    )?;
    finish(false, !verify(&args.file, &s, &r))
}
