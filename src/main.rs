//! The `patz-calc` binary: parses arguments, reads files, calls the pure core, writes bytes and
//! maps the outcome to an exit status. The only place that touches stdout, stderr and files.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{CommandFactory, Parser};
use patz_calc::cli::{Cli, Command};
use patz_calc::scenario::{self, Diagnostic, Override, Pos, Scenario, Severity};
use patz_calc::{calc, render};

mod commands;

/// Largest scenario file read (a scenario is a few kilobytes; this guards against a wrong path).
const MAX_INPUT_BYTES: u64 = 10 * 1024 * 1024;

/// How a command ended, when not with success.
enum Failure {
    /// Invalid input or usage: messages were printed already; exit 2.
    Invalid,
    /// Anything else (writing output); exit 1.
    Other(anyhow::Error),
    /// Output was written, but an expectation of the scenario was not met; exit 3.
    Verwachting,
}

impl From<anyhow::Error> for Failure {
    fn from(e: anyhow::Error) -> Self {
        Failure::Other(e)
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(&e),
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Invalid) => ExitCode::from(2),
        Err(Failure::Verwachting) => ExitCode::from(3),
        Err(Failure::Other(e)) => {
            eprintln!("fout: {e:#}");
            ExitCode::from(1)
        }
    }
}

/// Help and version go to stdout (exit 0); usage errors are explained in Dutch (exit 2).
fn usage_error(e: &clap::Error) -> ExitCode {
    use ErrorKind as K;
    match e.kind() {
        K::DisplayHelp | K::DisplayVersion => {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        K::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            return ExitCode::from(2);
        }
        _ => {}
    }
    let ctx = |k: ContextKind| match e.get(k) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    let arg = ctx(ContextKind::InvalidArg);
    let message = match e.kind() {
        K::InvalidSubcommand => format!(
            "onbekende opdracht '{}'",
            ctx(ContextKind::InvalidSubcommand)
        ),
        K::UnknownArgument => format!("onbekende optie '{arg}'"),
        K::InvalidValue => format!(
            "ongeldige waarde '{}' voor {arg}; kies uit: {}",
            ctx(ContextKind::InvalidValue),
            ctx(ContextKind::ValidValue)
        ),
        K::ValueValidation => format!(
            "ongeldige waarde '{}' voor {arg}",
            ctx(ContextKind::InvalidValue)
        ),
        K::MissingRequiredArgument => format!("verplicht argument ontbreekt: {arg}"),
        K::MissingSubcommand => "geef een opdracht, bijv. patz-calc cost scenario.toml".to_string(),
        K::ArgumentConflict => format!("{arg} gaat niet samen met {}", ctx(ContextKind::PriorArg)),
        K::TooManyValues | K::WrongNumberOfValues | K::TooFewValues => {
            format!("verkeerd aantal waarden voor {arg}")
        }
        _ => "ongeldige aanroep".to_string(),
    };
    eprintln!("fout: {message}");
    for k in [
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedArg,
        ContextKind::SuggestedValue,
    ] {
        let s = ctx(k);
        if !s.is_empty() {
            eprintln!("    hint: bedoelde je '{s}'?");
        }
    }
    eprintln!("Zie: patz-calc --help");
    ExitCode::from(2)
}

fn run(cli: Cli) -> Result<(), Failure> {
    let mut sets = Vec::with_capacity(cli.set.len());
    for arg in &cli.set {
        match Override::parse(arg) {
            Ok(o) => sets.push(o),
            Err(msg) => {
                eprintln!("fout: {msg}");
                return Err(Failure::Invalid);
            }
        }
    }
    match cli.command {
        Command::Check { files } => {
            let mut invalid = false;
            let mut missed = false;
            for file in &files {
                match evaluate_file(file, &sets) {
                    Ok((s, r)) => missed |= !verify(file, &s, &r),
                    Err(_) => invalid = true,
                }
            }
            finish(invalid, missed)
        }
        Command::Cost { file, output } => {
            let (s, r) = evaluate_file(&file, &sets)?;
            emit(
                &render::cost(&s, &r.kosten, output.options()),
                output.output.as_deref(),
            )?;
            finish(false, !verify(&file, &s, &r))
        }
        Command::Impact { file, output } => {
            let (s, r) = evaluate_file(&file, &sets)?;
            let impact = needs_impact(&file, r.impact.as_ref())?;
            emit(
                &render::impact(&s, impact, output.options()),
                output.output.as_deref(),
            )?;
            finish(false, !verify(&file, &s, &r))
        }
        Command::Offers { file, output } => {
            let (s, r) = evaluate_file(&file, &sets)?;
            emit(
                &render::offers(&s, &r.kosten, &r.aanbiedingen, output.options()),
                output.output.as_deref(),
            )?;
            finish(false, !verify(&file, &s, &r))
        }
        Command::BusinessCase { file, output } => {
            let (s, r) = evaluate_file(&file, &sets)?;
            let impact = needs_impact(&file, r.impact.as_ref())?;
            let Some(bc) = &r.businesscase else {
                return Err(Failure::Invalid);
            };
            emit(
                &render::business_case(&s, &r.kosten, impact, bc, output.options()),
                output.output.as_deref(),
            )?;
            finish(false, !verify(&file, &s, &r))
        }
        Command::Explain {
            file,
            jaar,
            groep,
            post,
            output,
        } => {
            let (s, r) = evaluate_file(&file, &sets)?;
            let filter = explain_filter(&s, jaar, groep, post)?;
            let mut lines = calc::explain::explain(&s, &r.kosten, r.impact.as_ref(), &filter);
            match (&r.impact, &r.businesscase) {
                (Some(i), Some(bc)) => {
                    lines.extend(calc::explain::explain_saldo(i, bc, &filter));
                }
                _ => {
                    let impact_figure = filter.post.as_deref().is_some_and(|p| {
                        patz_calc::scenario::Grootheid::parse(p).is_some_and(|g| g.vraagt_impact())
                    });
                    if impact_figure {
                        needs_impact(&file, None)?;
                    }
                }
            }
            emit(
                &render::explain(&s, &lines, output.options()),
                output.output.as_deref(),
            )?;
            finish(false, !verify(&file, &s, &r))
        }
        Command::Batch {
            paths,
            per_jaar,
            waarschuwingen,
            output,
        } => batch(&paths, per_jaar, waarschuwingen, &sets, &output),
        Command::Compare {
            files,
            reference,
            output,
        } => compare(&files, reference.as_deref(), &sets, &output),
        Command::Sweep { file, output } => sweep(&file, &sets, &output),
        Command::Completions { shell } => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "patz-calc", &mut out);
            write_stdout(&out)
        }
        Command::Manpage => {
            let mut out = Vec::new();
            clap_mangen::Man::new(Cli::command())
                .render(&mut out)
                .context("man-pagina maken")?;
            write_stdout(&out)
        }
        Command::Sensitivity(a) => commands::onzekerheid::sensitivity(&a, &sets),
        Command::Solve(a) => commands::onzekerheid::solve(&a, &sets),
        Command::Simulate(a) => commands::onzekerheid::simulate(&a, &sets),
        Command::Monitor(a) => commands::monitor::monitor(&a, &sets),
        Command::Payout(a) => commands::monitor::payout(&a, &sets),
        Command::Report(a) => commands::document::report(&a, &sets),
        Command::Export(a) => commands::document::export(&a, &sets),
        Command::Init { file } => init(&file),
    }
}

/// Every `*.toml` under `paths` (files as given, directories recursively), sorted and unique.
fn collect_toml(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Failure> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
        for entry in std::fs::read_dir(dir)? {
            let entry = entry?;
            let path = entry.path();
            let kind = entry.file_type()?;
            if kind.is_dir() {
                walk(&path, out)?;
            } else if path.extension().is_some_and(|e| e == "toml") {
                out.push(path);
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    let mut bad = false;
    for p in paths {
        if p.is_dir() {
            if let Err(e) = walk(p, &mut out) {
                eprintln!("{}: fout: map niet te lezen: {e}", shown(p));
                bad = true;
            }
        } else {
            out.push(p.clone());
        }
    }
    out.sort();
    out.dedup();
    if bad { Err(Failure::Invalid) } else { Ok(out) }
}

/// Where streamed output goes: stdout, or a temporary file that is renamed into place at the end.
enum Sink {
    Stdout { closed: bool },
    File(tempfile::NamedTempFile, PathBuf),
}

impl Sink {
    fn open(output: Option<&Path>) -> Result<Sink, Failure> {
        match output {
            None => Ok(Sink::Stdout { closed: false }),
            Some(p) if p == Path::new("-") => Ok(Sink::Stdout { closed: false }),
            Some(p) => {
                let dir = match p.parent() {
                    Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
                    _ => PathBuf::from("."),
                };
                let tmp = tempfile::Builder::new()
                    .prefix(".patz-calc-")
                    .tempfile_in(&dir)
                    .map_err(|e| {
                        anyhow::anyhow!(
                            "{}: kan niet schrijven in map {}: {}",
                            shown(p),
                            dir.display(),
                            io_message(&e)
                        )
                    })?;
                Ok(Sink::File(tmp, p.to_path_buf()))
            }
        }
    }

    fn write(&mut self, bytes: &[u8]) -> Result<(), Failure> {
        match self {
            Sink::Stdout { closed: true } => Ok(()),
            Sink::Stdout { closed } => {
                let mut out = io::stdout().lock();
                match out.write_all(bytes) {
                    Ok(()) => Ok(()),
                    Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                        *closed = true;
                        Ok(())
                    }
                    Err(e) => Err(anyhow::Error::new(e)
                        .context("schrijven naar de standaarduitvoer")
                        .into()),
                }
            }
            Sink::File(tmp, target) => tmp
                .write_all(bytes)
                .with_context(|| format!("{}: schrijven mislukt", shown(target)))
                .map_err(Failure::from),
        }
    }

    fn commit(self) -> Result<(), Failure> {
        match self {
            Sink::Stdout { closed } => {
                if !closed {
                    let _ = io::stdout().flush();
                }
                Ok(())
            }
            Sink::File(tmp, target) => {
                let name = shown(&target);
                tmp.as_file().sync_all().map_err(|e| {
                    anyhow::anyhow!("{name}: schrijven mislukt: {}", io_message(&e))
                })?;
                public_mode(tmp.as_file(), &target);
                tmp.persist(&target).map_err(|e| {
                    anyhow::anyhow!(
                        "{name}: kan het bestand niet plaatsen: {}",
                        io_message(&e.error)
                    )
                })?;
                Ok(())
            }
        }
    }
}

/// Files assessed at once; bounds memory whatever the number of files.
const BATCH_CHUNK: usize = 1024;

fn batch(
    paths: &[PathBuf],
    per_jaar: bool,
    show_warnings: bool,
    sets: &[Override],
    output: &patz_calc::cli::OutputArgs,
) -> Result<(), Failure> {
    use rayon::prelude::*;
    use render::summary;

    let files = collect_toml(paths)?;
    if files.is_empty() {
        eprintln!("fout: geen .toml-bestanden gevonden in de opgegeven paden");
        return Err(Failure::Invalid);
    }
    let opts = output.options();
    let keys: &[&str] = if per_jaar {
        &["bestand", "naam", "jaar"]
    } else {
        &["bestand", "naam"]
    };
    let mut sink = Sink::open(output.output.as_deref())?;
    let mut table_rows = Vec::new();
    let mut first_json = true;
    match opts.format {
        render::Format::Csv => sink.write(&summary::csv_header(keys, opts.csv_nl))?,
        render::Format::Json => sink.write(b"[")?,
        render::Format::Table => {}
    }
    let (mut invalid, mut missed, mut warned_files, mut warnings) = (0usize, false, 0usize, 0usize);
    for chunk in files.chunks(BATCH_CHUNK) {
        // Each file is read, checked, calculated and formatted on the pool; what is left for
        // this thread is writing the pieces in order.
        type Pieces = Result<Vec<Vec<u8>>, serde_json::Error>;
        let done: Vec<(Vec<summary::Rij>, Pieces, Assessment, Vec<String>)> = chunk
            .par_iter()
            .map(|file| {
                let need = Need {
                    lines: false,
                    warnings: show_warnings,
                };
                let mut a = assess(file, sets, need);
                let name = shown(file);
                let (rows, missed) = match a.outcome.take() {
                    Some((s, r)) => {
                        let rows = summary::rows(&[name.clone(), s.naam.clone()], &r, per_jaar);
                        (rows, missed_expectations(&name, &s, &r))
                    }
                    None => (Vec::new(), Vec::new()),
                };
                let (rows, pieces) = match opts.format {
                    render::Format::Csv => {
                        (Vec::new(), Ok(vec![summary::csv_rows(&rows, opts.csv_nl)]))
                    }
                    render::Format::Json => {
                        let pieces = rows
                            .iter()
                            .map(|r| serde_json::to_vec(&summary::json_row(keys, r)))
                            .collect();
                        (Vec::new(), pieces)
                    }
                    render::Format::Table => (rows, Ok(Vec::new())),
                };
                (rows, pieces, a, missed)
            })
            .collect();
        // The rows are gathered and written at once (stdout is line-buffered and the temporary
        // file not at all), but always before a file's messages: rows and messages keep the
        // order of the files when both go to one terminal.
        let mut buf: Vec<u8> = Vec::new();
        for (rows, pieces, a, miss) in done {
            let pieces = pieces.context("JSON maken")?;
            if !a.errors.is_empty() {
                invalid += 1;
            }
            if a.warning_count > 0 {
                warned_files += 1;
                warnings += a.warning_count;
            }
            let mut messages = a.warnings.iter().chain(&a.errors).chain(&miss).peekable();
            if messages.peek().is_some() && !buf.is_empty() {
                sink.write(&buf)?;
                buf.clear();
            }
            for line in messages {
                eprintln!("{line}");
            }
            missed |= !miss.is_empty();
            match opts.format {
                render::Format::Csv => {
                    for piece in &pieces {
                        buf.extend_from_slice(piece);
                    }
                }
                render::Format::Json => {
                    for piece in &pieces {
                        let sep: &[u8] = if first_json { b"\n  " } else { b",\n  " };
                        first_json = false;
                        buf.extend_from_slice(sep);
                        buf.extend_from_slice(piece);
                    }
                }
                render::Format::Table => table_rows.extend(rows),
            }
        }
        sink.write(&buf)?;
    }
    match opts.format {
        render::Format::Json => sink.write(b"\n]\n")?,
        render::Format::Table => sink.write(summary::table(keys, &table_rows).as_bytes())?,
        render::Format::Csv => {}
    }
    sink.commit()?;
    if warnings > 0 && !show_warnings {
        eprintln!(
            "{warnings} waarschuwing(en) in {warned_files} bestand(en); toon ze met --waarschuwingen \
             of patz-calc check BESTAND"
        );
    }
    if invalid > 0 {
        eprintln!(
            "{invalid} van de {} bestanden ongeldig; die hebben geen rij",
            files.len()
        );
    }
    finish(invalid > 0, missed)
}

fn compare(
    files: &[PathBuf],
    reference: Option<&Path>,
    sets: &[Override],
    output: &patz_calc::cli::OutputArgs,
) -> Result<(), Failure> {
    let mut all: Vec<PathBuf> = files.to_vec();
    let reference_index = match reference {
        None => 0,
        Some(r) => match all.iter().position(|f| f == r) {
            Some(i) => i,
            None => {
                all.insert(0, r.to_path_buf());
                0
            }
        },
    };
    let mut loaded = Vec::with_capacity(all.len());
    let mut invalid = false;
    for f in &all {
        match evaluate_file(f, sets) {
            Ok(x) => loaded.push((shown(f), x)),
            Err(_) => invalid = true,
        }
    }
    if invalid {
        return Err(Failure::Invalid);
    }
    let variants: Vec<render::summary::Variant<'_>> = loaded
        .iter()
        .map(|(name, (s, r))| render::summary::Variant {
            bestand: name,
            naam: &s.naam,
            resultaat: r,
        })
        .collect();
    emit(
        &render::summary::compare(&variants, reference_index, output.options()),
        output.output.as_deref(),
    )?;
    // Every file's expectations are reported, not just the first file's that fails.
    let missed = loaded
        .iter()
        .zip(&all)
        .filter(|((_, (s, r)), f)| !verify(f, s, r))
        .count()
        > 0;
    finish(false, missed)
}

/// The most rows a sweep produces.
const SWEEP_MAX: usize = 10_000;

fn sweep(
    file: &Path,
    sets: &[Override],
    output: &patz_calc::cli::OutputArgs,
) -> Result<(), Failure> {
    use render::summary;
    let ranges: Vec<(usize, Result<patz_calc::scenario::Bereik, String>)> = sets
        .iter()
        .enumerate()
        .filter_map(|(i, o)| patz_calc::scenario::Bereik::parse(&o.value).map(|b| (i, b)))
        .collect();
    let (index, range) = match ranges.as_slice() {
        [(i, Ok(b))] => (*i, b.clone()),
        [(_, Err(msg))] => {
            eprintln!("fout: {msg}");
            return Err(Failure::Invalid);
        }
        [] => {
            eprintln!(
                "fout: geef één reeks met --set PAD=VAN..TOT:STAP, bijv. --set uurtarieven.huisarts=100..140:10"
            );
            return Err(Failure::Invalid);
        }
        _ => {
            eprintln!(
                "fout: sweep doorloopt één reeks tegelijk; er zijn er {}",
                ranges.len()
            );
            return Err(Failure::Invalid);
        }
    };
    let values = match range.values(SWEEP_MAX) {
        Ok(v) => v,
        Err(msg) => {
            eprintln!("fout: --set {}: {msg}", sets[index].path);
            return Err(Failure::Invalid);
        }
    };
    let name = shown(file);
    let text = read_input(file).map_err(|(pos, msg)| {
        match pos {
            Some(Pos { line, column }) => eprintln!("{name}:{line}:{column}: fout: {msg}"),
            None => eprintln!("{name}: fout: {msg}"),
        }
        Failure::Invalid
    })?;
    let path = sets[index].path.clone();
    let mut rows = Vec::with_capacity(values.len());
    let mut invalid = false;
    let mut missed = false;
    for (k, v) in values.iter().enumerate() {
        let mut these: Vec<Override> = sets.to_vec();
        these[index].value = v.to_string();
        let need = Need {
            lines: false,
            warnings: true,
        };
        let a = assess_text(&name, &text, &these, need);
        let quiet_warnings = k > 0;
        if !quiet_warnings {
            for w in &a.warnings {
                eprintln!("{w}");
            }
        }
        for e in &a.errors {
            eprintln!("{path}={v}: {e}");
        }
        match a.outcome {
            Some((s, r)) => {
                for m in missed_expectations(&name, &s, &r) {
                    eprintln!("{path}={v}: {m}");
                    missed = true;
                }
                rows.extend(summary::rows(
                    &[path.clone(), v.normalize().to_string()],
                    &r,
                    false,
                ));
            }
            None => invalid = true,
        }
    }
    let keys = ["parameter", "waarde"];
    let opts = output.options();
    let bytes = match opts.format {
        render::Format::Csv => {
            let mut b = summary::csv_header(&keys, opts.csv_nl);
            b.extend(summary::csv_rows(&rows, opts.csv_nl));
            b
        }
        render::Format::Json => {
            let list: Vec<serde_json::Value> =
                rows.iter().map(|r| summary::json_row(&keys, r)).collect();
            let mut b = serde_json::to_vec_pretty(&list).context("JSON maken")?;
            b.push(b'\n');
            b
        }
        render::Format::Table => summary::table(&keys, &rows).into_bytes(),
    };
    if invalid {
        return Err(Failure::Invalid);
    }
    emit(&bytes, output.output.as_deref())?;
    finish(false, missed)
}

/// The exit status after all output: invalid input wins over missed expectations.
fn finish(invalid: bool, missed: bool) -> Result<(), Failure> {
    if invalid {
        Err(Failure::Invalid)
    } else if missed {
        Err(Failure::Verwachting)
    } else {
        Ok(())
    }
}

/// Reads, validates and calculates one scenario, printing warnings and errors.
fn evaluate_file(file: &Path, sets: &[Override]) -> Result<(Scenario, calc::Resultaat), Failure> {
    let a = assess(file, sets, Need::ALL);
    for line in a.warnings.iter().chain(&a.errors) {
        eprintln!("{line}");
    }
    a.outcome.ok_or(Failure::Invalid)
}

/// What became of one scenario file: the messages are collected, not printed, so that files
/// can be assessed in parallel and reported in order.
struct Assessment {
    outcome: Option<(Scenario, calc::Resultaat)>,
    /// The warnings, when [`Need::warnings`]; else empty.
    warnings: Vec<String>,
    /// How many warnings there are.
    warning_count: usize,
    errors: Vec<String>,
}

/// What a command needs of each scenario.
#[derive(Debug, Clone, Copy)]
struct Need {
    /// Every cost line; else only the totals (for summary rows).
    lines: bool,
    /// The warnings themselves; else only how many there are.
    warnings: bool,
}

impl Need {
    const ALL: Need = Need {
        lines: true,
        warnings: true,
    };
}

fn assess(file: &Path, sets: &[Override], need: Need) -> Assessment {
    let name = shown(file);
    match read_input(file) {
        Ok(text) => assess_text(&name, &text, sets, need),
        Err((pos, msg)) => Assessment {
            outcome: None,
            warnings: Vec::new(),
            warning_count: 0,
            errors: vec![match pos {
                Some(Pos { line, column }) => format!("{name}:{line}:{column}: fout: {msg}"),
                None => format!("{name}: fout: {msg}"),
            }],
        },
    }
}

fn assess_text(name: &str, text: &str, sets: &[Override], need: Need) -> Assessment {
    let footer = |n: usize| {
        format!(
            "{name}: {n} {} gevonden; er is niets berekend",
            if n == 1 { "fout" } else { "fouten" }
        )
    };
    match scenario::parse_with(text, sets) {
        Err(errors) => {
            let mut lines: Vec<String> = errors.iter().map(|e| e.render(name)).collect();
            lines.push(footer(errors.len()));
            Assessment {
                outcome: None,
                warnings: Vec::new(),
                warning_count: 0,
                errors: lines,
            }
        }
        Ok(s) => {
            let (warnings, warning_count): (Vec<String>, usize) = if need.warnings {
                let w: Vec<String> = scenario::warnings(&s)
                    .iter()
                    .map(|w| w.render(name))
                    .collect();
                let n = w.len();
                (w, n)
            } else {
                (Vec::new(), scenario::count_warnings(&s))
            };
            let result = if need.lines {
                calc::evaluate(&s)
            } else {
                calc::evaluate_totals(&s)
            };
            match result {
                Ok(r) => Assessment {
                    outcome: Some((s, r)),
                    warnings,
                    warning_count,
                    errors: Vec::new(),
                },
                Err(e) => {
                    let d = Diagnostic {
                        severity: Severity::Fout,
                        pos: s.positie(e.path()).unwrap_or(Pos { line: 1, column: 1 }),
                        path: e.path().to_string(),
                        message: e.to_string(),
                        hint: Some(
                            "kies kleinere waarden: de berekening rekent met hoogstens 28 cijfers"
                                .into(),
                        ),
                    };
                    Assessment {
                        outcome: None,
                        warnings,
                        warning_count,
                        errors: vec![d.render(name), footer(1)],
                    }
                }
            }
        }
    }
}

fn needs_impact<'r>(
    file: &Path,
    impact: Option<&'r calc::impact::ImpactResultaat>,
) -> Result<&'r calc::impact::ImpactResultaat, Failure> {
    impact.ok_or_else(|| {
        eprintln!("{}: fout: {}", shown(file), calc::impact::GeenImpact);
        eprintln!(
            "    hint: voeg [impact] met aandeel_kanker_percentage en de zes [[indicator]]-secties \
             toe (zie patz-calc init voor een voorbeeld)"
        );
        Failure::Invalid
    })
}

/// Checks the scenario's expectations and prints every one that is not met. True when all hold.
fn verify(file: &Path, s: &Scenario, r: &calc::Resultaat) -> bool {
    let missed = missed_expectations(&shown(file), s, r);
    for line in &missed {
        eprintln!("{line}");
    }
    missed.is_empty()
}

/// One message per expectation of `s` that `r` does not meet.
fn missed_expectations(name: &str, s: &Scenario, r: &calc::Resultaat) -> Vec<String> {
    let mut out = Vec::new();
    for u in calc::expectations::check(s, &r.kosten, r.businesscase.as_ref()) {
        if u.gehaald {
            continue;
        }
        let v = u.verwachting;
        let pos = s.positie(&v.path).unwrap_or(Pos { line: 1, column: 1 });
        let show = |x: rust_decimal::Decimal| match v.grootheid {
            scenario::Grootheid::RoiPercentage => {
                format!(
                    "{} %",
                    patz_calc::decimal::dutch(x.normalize(), x.normalize().scale())
                )
            }
            g if g.is_bedrag() => patz_calc::decimal::euro(x),
            _ => patz_calc::decimal::dutch(x.normalize(), x.normalize().scale()),
        };
        let jaar = v
            .jaar
            .map_or_else(|| "over de looptijd".to_string(), |j| format!("in {j}"));
        let mut bounds = Vec::new();
        if let Some(lo) = v.min {
            bounds.push(format!("≥ {}", show(lo)));
        }
        if let Some(hi) = v.max {
            bounds.push(format!("≤ {}", show(hi)));
        }
        let outcome = match u.waarde {
            Some(x) => format!(
                "uitkomst {}, {} {}",
                show(x),
                show(u.afwijking.abs()),
                if u.afwijking.is_sign_positive() {
                    "te hoog"
                } else {
                    "te laag"
                }
            ),
            None => "de uitkomst bestaat niet (noemer nul)".to_string(),
        };
        out.push(format!(
            "{name}:{}:{}: verwachting niet gehaald: {}: {} {jaar}: verwacht {}, {outcome}",
            pos.line,
            pos.column,
            v.path,
            v.grootheid.as_str(),
            bounds.join(" en ")
        ));
    }
    out
}

/// Checks the `explain` selection against the scenario (a usage error when it names nothing).
fn explain_filter(
    s: &Scenario,
    jaar: Option<i32>,
    groep: Option<String>,
    post: Option<String>,
) -> Result<calc::explain::Filter, Failure> {
    let mut ok = true;
    if let Some(j) = jaar
        && !s.jaren().any(|y| y == j)
    {
        eprintln!(
            "fout: --jaar {j} ligt buiten de looptijd {}–{}",
            s.startjaar,
            s.eindjaar()
        );
        ok = false;
    }
    if let Some(g) = &groep
        && !s.groepen.iter().any(|x| &x.naam == g)
    {
        let names: Vec<&str> = s.groepen.iter().map(|x| x.naam.as_str()).collect();
        eprintln!("fout: --groep '{g}' bestaat niet in dit scenario");
        eprintln!("    hint: groepen: {}", names.join(", "));
        ok = false;
    }
    if let Some(p) = &post
        && calc::cost::Post::parse(p).is_none()
        && !calc::explain::TOTALEN.contains(&p.as_str())
    {
        let mut names: Vec<&str> = calc::cost::Post::ALL.iter().map(|p| p.as_str()).collect();
        names.extend(calc::explain::TOTALEN);
        eprintln!("fout: --post '{p}' is geen post of totaal");
        eprintln!("    hint: kies uit: {}", names.join(", "));
        ok = false;
    }
    if !ok {
        return Err(Failure::Invalid);
    }
    Ok(calc::explain::Filter { jaar, groep, post })
}

/// A path as shown in messages.
fn shown(path: &Path) -> String {
    path.display().to_string()
}

/// Reads a scenario file as UTF-8 text; on failure, where (if known) and why.
fn read_input(path: &Path) -> Result<String, (Option<Pos>, String)> {
    read_text(
        path,
        &Invoer {
            soort: "scenariobestand",
            naam: "een scenario",
            max: MAX_INPUT_BYTES,
            utf8: "sla het bestand op als UTF-8 (in Excel of Kladblok: 'Opslaan als' met codering UTF-8)",
        },
    )
}

/// What kind of input file is read, for its messages.
pub(crate) struct Invoer {
    /// "scenariobestand", "CSV-bestand".
    pub(crate) soort: &'static str,
    /// "een scenario", "een registratiebestand".
    pub(crate) naam: &'static str,
    /// Largest size read.
    pub(crate) max: u64,
    /// How to save the file as UTF-8.
    pub(crate) utf8: &'static str,
}

/// Reads an input file as UTF-8 text; on failure, where (if known) and why, in Dutch.
pub(crate) fn read_text(path: &Path, invoer: &Invoer) -> Result<String, (Option<Pos>, String)> {
    // Opened first and asked for its metadata (one lookup of the path). Should opening fail,
    // the path's own metadata is asked instead: what it says (a directory, too large) comes
    // before the reason the file cannot be opened.
    let opened = std::fs::File::open(path);
    let meta = match &opened {
        Ok(file) => file.metadata(),
        Err(_) => std::fs::metadata(path),
    }
    .map_err(|e| (None, read_message(&e)))?;
    if meta.is_dir() {
        return Err((None, format!("dit is een map, geen {}", invoer.soort)));
    }
    if meta.len() > invoer.max {
        return Err((
            None,
            format!(
                "bestand is {} bytes; {} mag hoogstens {} MiB zijn",
                meta.len(),
                invoer.naam,
                invoer.max / 1024 / 1024
            ),
        ));
    }
    // The length from the metadata is 0 for a pipe or a device: read at most one byte more
    // than the limit, so that such an input cannot fill the memory either.
    // Sized from the metadata, so that a file is read in one go.
    let mut bytes = Vec::with_capacity(meta.len().min(invoer.max) as usize + 1);
    let file = opened.map_err(|e| (None, read_message(&e)))?;
    io::Read::read_to_end(&mut io::Read::take(file, invoer.max + 1), &mut bytes)
        .map_err(|e| (None, read_message(&e)))?;
    if bytes.len() as u64 > invoer.max {
        return Err((
            None,
            format!(
                "bestand is groter dan {} MiB; {} mag hoogstens {} MiB zijn",
                invoer.max / 1024 / 1024,
                invoer.naam,
                invoer.max / 1024 / 1024
            ),
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let valid = String::from_utf8_lossy(valid);
        let line = valid.matches('\n').count() + 1;
        let column = valid.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        (
            Some(Pos { line, column }),
            format!("geen geldige UTF-8-tekst; {}", invoer.utf8),
        )
    })
}

/// Why an input file cannot be read, in Dutch.
fn read_message(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "bestand niet gevonden".into(),
        io::ErrorKind::PermissionDenied => "geen leesrechten voor dit bestand".into(),
        _ => format!("kan het bestand niet lezen: {}", io_message(e)),
    }
}

/// A Dutch description of an I/O error, without the operating system's English text where a
/// common cause is known.
fn io_message(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "bestand of map niet gevonden".into(),
        io::ErrorKind::PermissionDenied => "geen rechten".into(),
        io::ErrorKind::AlreadyExists => "bestaat al".into(),
        io::ErrorKind::IsADirectory => "dit is een map".into(),
        io::ErrorKind::StorageFull => "de schijf is vol".into(),
        io::ErrorKind::ReadOnlyFilesystem => "alleen-lezen bestandssysteem".into(),
        _ => format!("invoer/uitvoer-fout ({e})"),
    }
}

/// Writes `bytes` to stdout, or atomically to `output` (a temporary file beside it, renamed
/// into place, so the target is never half-written).
fn emit(bytes: &[u8], output: Option<&Path>) -> Result<(), Failure> {
    match output {
        None => write_stdout(bytes),
        Some(p) if p == Path::new("-") => write_stdout(bytes),
        Some(p) => {
            write_atomic(p, bytes, true)?;
            Ok(())
        }
    }
}

fn write_stdout(bytes: &[u8]) -> Result<(), Failure> {
    let mut out = io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        // `patz-calc … | head` closes the pipe early: stop quietly.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(anyhow::Error::new(e)
            .context("schrijven naar de standaarduitvoer")
            .into()),
    }
}

/// A temporary file is private (0600); an output file is not: it gets the mode of the file it
/// replaces, or the usual 0644.
fn public_mode(file: &std::fs::File, target: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(target).map_or(0o644, |m| m.permissions().mode() & 0o777);
        let _ = file.set_permissions(std::fs::Permissions::from_mode(mode));
    }
    #[cfg(not(unix))]
    let _ = (file, target);
}

fn write_atomic(target: &Path, bytes: &[u8], overwrite: bool) -> anyhow::Result<()> {
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = shown(target);
    let mut tmp = tempfile::Builder::new()
        .prefix(".patz-calc-")
        .tempfile_in(&dir)
        .map_err(|e| {
            anyhow::anyhow!(
                "{name}: kan niet schrijven in map {}: {}",
                dir.display(),
                io_message(&e)
            )
        })?;
    tmp.write_all(bytes)
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| anyhow::anyhow!("{name}: schrijven mislukt: {}", io_message(&e)))?;
    public_mode(tmp.as_file(), target);
    let placed = if overwrite {
        tmp.persist(target).map(|_| ())
    } else {
        tmp.persist_noclobber(target).map(|_| ())
    };
    // On failure the temporary file is removed when the error (holding it) is dropped.
    placed.map_err(|e| {
        anyhow::anyhow!(
            "{name}: kan het bestand niet plaatsen: {}",
            io_message(&e.error)
        )
    })
}

fn init(file: &Path) -> Result<(), Failure> {
    if file == Path::new("-") {
        return write_stdout(scenario::TEMPLATE.as_bytes());
    }
    if file.exists() {
        eprintln!(
            "{}: fout: bestaat al; patz-calc init overschrijft nooit een bestand",
            shown(file)
        );
        eprintln!("    hint: kies een andere naam, bijv. patz-calc init mijn-regio.toml");
        return Err(Failure::Invalid);
    }
    write_atomic(file, scenario::TEMPLATE.as_bytes(), false)?;
    eprintln!(
        "{} geschreven. Pas de waarden aan en reken met: patz-calc cost {}",
        shown(file),
        shown(file)
    );
    Ok(())
}
