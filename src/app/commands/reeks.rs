//! `batch`, `compare` and `sweep`: many scenarios, or one scenario many times, as summary rows.
//! Through the application layer only.

use std::path::{Path, PathBuf};

use anyhow::Context as _;
use patz_calc::cli::OutputArgs;
use patz_calc::render::{self, Format, summary};
use patz_calc::scenario::{Bereik, Override};

use crate::app::beoordeling::{Assessment, Need, assess, assess_text, missed_expectations};
use crate::app::gebruik::{self, Invoerpad, Uitvoerpad};
use crate::app::invoer::{self, getoond};
use crate::app::uitvoer::Schrijver;
use crate::app::{App, Fout, Melding, Stap, Status};

/// Files assessed at once; bounds memory whatever the number of files.
const BATCH_CHUNK: usize = 1024;

/// One file of a batch, assessed and formatted on the pool.
struct Gedaan {
    /// Table rows (kept until the end), or none for CSV and JSON.
    rows: Vec<summary::Rij>,
    /// CSV or JSON pieces, written as they come.
    pieces: Result<Vec<Vec<u8>>, serde_json::Error>,
    a: Assessment,
    missed: Vec<Melding>,
}

/// A summary row per scenario (or per year) of every `*.toml` under `paths`, in path order;
/// each file's messages after the rows before it, so that a shared terminal shows them in
/// order. Only regular files inside folders are read (others are skipped with a message).
pub(crate) fn batch(
    app: &mut App,
    paths: &[PathBuf],
    per_jaar: bool,
    show_warnings: bool,
    output: &OutputArgs,
) -> Result<(), Fout> {
    let v = invoer::verzamel_toml(paths);
    if !v.fouten.is_empty() {
        return Err(Fout::Ongeldig(v.fouten));
    }
    app.rapport.meld_alle(&v.meldingen_overgeslagen());
    let files = v.bestanden;
    if files.is_empty() {
        return Err(Fout::ongeldig(Melding::fout(
            "geen .toml-bestanden gevonden in de opgegeven paden",
        )));
    }
    let inputs: Vec<Invoerpad<'_>> = files
        .iter()
        .map(|f| Invoerpad {
            naam: "het scenariobestand",
            pad: f,
        })
        .collect();
    gebruik::geen_overlap(
        &inputs,
        &[Uitvoerpad {
            naam: "-o",
            doel: &app.uit,
        }],
    )?;
    let opts = output.options();
    let keys: &[&str] = if per_jaar {
        &["bestand", "naam", "jaar"]
    } else {
        &["bestand", "naam"]
    };
    let mut stroom = Stroom::open(app, keys, opts)?;
    for chunk in files.chunks(BATCH_CHUNK) {
        let done = assess_chunk(chunk, &app.sets, per_jaar, show_warnings, keys, opts);
        let stappen = stroom.stappen(app, done)?;
        app.druk(&mut stroom.sink, stappen)?;
    }
    let Stroom {
        mut sink,
        table_rows,
        invalid,
        warned_files,
        warnings,
        ..
    } = stroom;
    let all_failed = invalid == files.len();
    match opts.format {
        Format::Json => sink.schrijf(b"\n]\n")?,
        // When every file fails there is no table at all (nor a file holding one): just the
        // errors.
        Format::Table if all_failed => {}
        Format::Table => {
            let table = summary::table(keys, &table_rows);
            sink.schrijf(&app.voor_mensen(Some(Format::Table), table.as_bytes()))?;
        }
        Format::Csv => {}
    }
    if !(all_failed && opts.format == Format::Table) {
        sink.plaats()?;
    }
    if warnings > 0 && !show_warnings {
        app.rapport.meld(&Melding::regel(format!(
            "{warnings} waarschuwing(en) in {warned_files} bestand(en); toon ze met \
             --waarschuwingen of patz-calc check BESTAND"
        )));
    }
    if invalid > 0 {
        app.rapport.meld(&Melding::regel(format!(
            "{invalid} van de {} bestanden ongeldig; die hebben geen rij",
            files.len()
        )));
        app.rapport.markeer(Status::Ongeldig);
    }
    Ok(())
}

/// A batch's output while it is written, and what it has counted so far.
struct Stroom {
    sink: Schrijver,
    opts: render::Options,
    /// The table's rows, kept until the end; CSV and JSON rows are written as they come.
    table_rows: Vec<summary::Rij>,
    first_json: bool,
    invalid: usize,
    warned_files: usize,
    warnings: usize,
}

impl Stroom {
    /// Opens the output and writes what comes before the rows (the CSV header, JSON's `[`).
    fn open(app: &App, keys: &[&str], opts: render::Options) -> Result<Self, Fout> {
        let mut sink = Schrijver::open(&app.uit, app.vervang)?;
        match opts.format {
            Format::Csv => sink.schrijf(&summary::csv_header(keys, opts.csv_nl))?,
            Format::Json => sink.schrijf(b"[")?,
            Format::Table => {}
        }
        Ok(Stroom {
            sink,
            opts,
            table_rows: Vec::new(),
            first_json: true,
            invalid: 0,
            warned_files: 0,
            warnings: 0,
        })
    }

    /// The messages and pieces of a chunk of files, in order: the rows gathered and written at
    /// once (stdout is line-buffered and the temporary file not at all), but always before a
    /// file's messages.
    fn stappen(&mut self, app: &mut App, done: Vec<Gedaan>) -> Result<Vec<Stap>, Fout> {
        let mut stappen = Vec::new();
        let mut buf: Vec<u8> = Vec::new();
        for d in done {
            let pieces = d.pieces.context("JSON maken")?;
            if !d.a.errors.is_empty() {
                self.invalid += 1;
            }
            if d.a.warning_count > 0 {
                self.warned_files += 1;
                self.warnings += d.a.warning_count;
            }
            if !d.missed.is_empty() {
                app.rapport.markeer(Status::Gemist);
            }
            let messages = d.a.warnings.into_iter().chain(d.a.errors).chain(d.missed);
            let mut messages = messages.peekable();
            if messages.peek().is_some() && !buf.is_empty() {
                stappen.push(Stap::Uitvoer(std::mem::take(&mut buf)));
            }
            stappen.extend(messages.map(Stap::Melding));
            match self.opts.format {
                Format::Csv => pieces.iter().for_each(|p| buf.extend_from_slice(p)),
                Format::Json => {
                    for piece in &pieces {
                        let sep: &[u8] = if self.first_json { b"\n  " } else { b",\n  " };
                        self.first_json = false;
                        buf.extend_from_slice(sep);
                        buf.extend_from_slice(piece);
                    }
                }
                Format::Table => self.table_rows.extend(d.rows),
            }
        }
        stappen.push(Stap::Uitvoer(buf));
        Ok(stappen)
    }
}

/// Each file read, checked, calculated and formatted on the pool, in order.
fn assess_chunk(
    chunk: &[PathBuf],
    sets: &[Override],
    per_jaar: bool,
    show_warnings: bool,
    keys: &[&str],
    opts: render::Options,
) -> Vec<Gedaan> {
    use rayon::prelude::*;
    chunk
        .par_iter()
        .map(|file| {
            let need = Need {
                lines: false,
                warnings: show_warnings,
            };
            let mut a = assess(file, sets, need);
            let name = getoond(file);
            let (rows, missed) = match a.outcome.take() {
                Some((s, r)) => {
                    let rows = summary::rows(&[name.clone(), s.naam.clone()], &r, per_jaar);
                    (rows, missed_expectations(&name, &s, &r))
                }
                None => (Vec::new(), Vec::new()),
            };
            let (rows, pieces) = match opts.format {
                Format::Csv => (Vec::new(), Ok(vec![summary::csv_rows(&rows, opts.csv_nl)])),
                Format::Json => {
                    let pieces = rows
                        .iter()
                        .map(|r| serde_json::to_vec(&summary::json_row(keys, r)))
                        .collect();
                    (Vec::new(), pieces)
                }
                Format::Table => (rows, Ok(Vec::new())),
            };
            Gedaan {
                rows,
                pieces,
                a,
                missed,
            }
        })
        .collect()
}

/// The scenarios side by side; every file's problems are reported before the command stops.
pub(crate) fn compare(
    app: &mut App,
    files: &[PathBuf],
    reference: Option<&Path>,
    output: &OutputArgs,
) -> Result<(), Fout> {
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
        match app.scenario(f) {
            Ok(x) => loaded.push((getoond(f), x)),
            Err(e) => {
                app.rapport.toon(e);
                invalid = true;
            }
        }
    }
    if invalid {
        return Err(Fout::Ongeldig(Vec::new()));
    }
    let variants: Vec<summary::Variant<'_>> = loaded
        .iter()
        .map(|(name, (s, r))| summary::Variant {
            bestand: name,
            naam: &s.naam,
            resultaat: r,
        })
        .collect();
    let opts = output.options();
    app.lever(
        Some(opts.format),
        &summary::compare(&variants, reference_index, opts),
    )?;
    // Every file's expectations are reported, not just the first file's that fails.
    for ((_, (s, r)), f) in loaded.iter().zip(&all) {
        app.verwachtingen(f, s, r);
    }
    Ok(())
}

/// The most rows a sweep produces.
const SWEEP_MAX: usize = 10_000;

/// One value of a `--set` range at a time, a summary row per value.
pub(crate) fn sweep(app: &mut App, file: &Path, output: &OutputArgs) -> Result<(), Fout> {
    let sets = app.sets.clone();
    let ranges: Vec<(usize, Result<Bereik, String>)> = sets
        .iter()
        .enumerate()
        .filter_map(|(i, o)| Bereik::parse(&o.value).map(|b| (i, b)))
        .collect();
    let (index, range) = match ranges.as_slice() {
        [(i, Ok(b))] => (*i, b.clone()),
        [(_, Err(msg))] => return Err(Fout::ongeldig(Melding::fout(msg))),
        [] => {
            return Err(Fout::ongeldig(Melding::fout(
                "geef één reeks met --set PAD=VAN..TOT:STAP, bijv. --set \
                 uurtarieven.huisarts=100..140:10",
            )));
        }
        _ => {
            return Err(Fout::ongeldig(Melding::fout(format!(
                "sweep doorloopt één reeks tegelijk; er zijn er {}",
                ranges.len()
            ))));
        }
    };
    let path = sets[index].path.clone();
    let values = range
        .values(SWEEP_MAX)
        .map_err(|msg| Fout::ongeldig(Melding::fout(format!("--set {path}: {msg}"))))?;
    let name = getoond(file);
    let text = invoer::lees_tekst(file, &invoer::SCENARIO)
        .map_err(|e| Fout::ongeldig(e.melding(&name)))?;
    let mut rows = Vec::with_capacity(values.len());
    let mut invalid = false;
    for (k, v) in values.iter().enumerate() {
        let mut these: Vec<Override> = sets.clone();
        these[index].value = v.to_string();
        let need = Need {
            lines: false,
            warnings: true,
        };
        let a = assess_text(&name, &text, &these, need);
        if k == 0 {
            app.rapport.meld_alle(&a.warnings);
        }
        let voor = format!("{path}={v}: ");
        for e in a.errors {
            app.rapport.meld(&e.voor(&voor));
        }
        match a.outcome {
            Some((s, r)) => {
                let missed = missed_expectations(&name, &s, &r);
                if !missed.is_empty() {
                    app.rapport.markeer(Status::Gemist);
                }
                for m in missed {
                    app.rapport.meld(&m.voor(&voor));
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
    if invalid {
        return Err(Fout::Ongeldig(Vec::new()));
    }
    let keys = ["parameter", "waarde"];
    let opts = output.options();
    let bytes = match opts.format {
        Format::Csv => {
            let mut b = summary::csv_header(&keys, opts.csv_nl);
            b.extend(summary::csv_rows(&rows, opts.csv_nl));
            b
        }
        Format::Json => {
            let list: Vec<serde_json::Value> =
                rows.iter().map(|r| summary::json_row(&keys, r)).collect();
            let mut b = serde_json::to_vec_pretty(&list).context("JSON maken")?;
            b.push(b'\n');
            b
        }
        Format::Table => summary::table(&keys, &rows).into_bytes(),
    };
    app.lever(Some(opts.format), &bytes)
}
