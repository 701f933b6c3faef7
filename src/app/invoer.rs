//! Reading input: scenario files and registration CSVs as bounded UTF-8 text, and the scenario
//! files of a `batch` (folders walked, only regular files read). Does I/O (reads files); prints
//! nothing: problems come back as values.

use std::io;
use std::path::{Path, PathBuf};

use patz_calc::scenario::Pos;

use super::rapport::Melding;

/// Largest scenario file read (a scenario is a few kilobytes; this guards against a wrong path).
const MAX_SCENARIO_BYTES: u64 = 10 * 1024 * 1024;

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

/// A scenario file.
pub(crate) const SCENARIO: Invoer = Invoer {
    soort: "scenariobestand",
    naam: "een scenario",
    max: MAX_SCENARIO_BYTES,
    utf8: "sla het bestand op als UTF-8 (in Excel of Kladblok: 'Opslaan als' met codering UTF-8)",
};

/// Why an input file could not be read: where (if known) and what.
#[derive(Debug)]
pub(crate) struct Leesfout {
    pub(crate) pos: Option<Pos>,
    pub(crate) bericht: String,
}

impl Leesfout {
    fn zonder_plaats(bericht: String) -> Leesfout {
        Leesfout { pos: None, bericht }
    }

    /// `file:line:column: fout: …` (or `file: fout: …`).
    pub(crate) fn melding(&self, bestand: &str) -> Melding {
        match self.pos {
            Some(Pos { line, column }) => {
                Melding::regel(format!("{bestand}:{line}:{column}: fout: {}", self.bericht))
            }
            None => Melding::regel(format!("{bestand}: fout: {}", self.bericht)),
        }
    }
}

/// A path as shown in messages (made safe for a terminal when printed).
pub(crate) fn getoond(path: &Path) -> String {
    path.display().to_string()
}

/// Reads an input file as UTF-8 text; on failure, where (if known) and why, in Dutch.
pub(crate) fn lees_tekst(path: &Path, invoer: &Invoer) -> Result<String, Leesfout> {
    // Opened first and asked for its metadata (one lookup of the path). Should opening fail,
    // the path's own metadata is asked instead: what it says (a directory, too large) comes
    // before the reason the file cannot be opened.
    let opened = std::fs::File::open(path);
    let meta = match &opened {
        Ok(file) => file.metadata(),
        Err(_) => std::fs::metadata(path),
    }
    .map_err(|e| Leesfout::zonder_plaats(leesbericht(&e)))?;
    if meta.is_dir() {
        return Err(Leesfout::zonder_plaats(format!(
            "dit is een map, geen {}",
            invoer.soort
        )));
    }
    let mib = invoer.max / 1024 / 1024;
    if meta.len() > invoer.max {
        return Err(Leesfout::zonder_plaats(format!(
            "bestand is {} bytes; {} mag hoogstens {mib} MiB zijn",
            meta.len(),
            invoer.naam,
        )));
    }
    // The length from the metadata is 0 for a pipe or a device: read at most one byte more
    // than the limit, so that such an input cannot fill the memory either.
    // Sized from the metadata, so that a file is read in one go.
    let mut bytes = Vec::with_capacity(meta.len().min(invoer.max) as usize + 1);
    let file = opened.map_err(|e| Leesfout::zonder_plaats(leesbericht(&e)))?;
    io::Read::read_to_end(&mut io::Read::take(file, invoer.max + 1), &mut bytes)
        .map_err(|e| Leesfout::zonder_plaats(leesbericht(&e)))?;
    if bytes.len() as u64 > invoer.max {
        return Err(Leesfout::zonder_plaats(format!(
            "bestand is groter dan {mib} MiB; {} mag hoogstens {mib} MiB zijn",
            invoer.naam,
        )));
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let valid = String::from_utf8_lossy(valid);
        let line = valid.matches('\n').count() + 1;
        let column = valid.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Leesfout {
            pos: Some(Pos { line, column }),
            bericht: format!("geen geldige UTF-8-tekst; {}", invoer.utf8),
        }
    })
}

/// Why an input file cannot be read, in Dutch.
fn leesbericht(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "bestand niet gevonden".into(),
        io::ErrorKind::PermissionDenied => "geen leesrechten voor dit bestand".into(),
        _ => format!("kan het bestand niet lezen: {}", io_bericht(e)),
    }
}

/// A Dutch description of an I/O error, without the operating system's English text where a
/// common cause is known.
pub(crate) fn io_bericht(e: &io::Error) -> String {
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

/// The scenario files of a `batch`: every `*.toml` under `paths` (files as given, folders
/// recursively), sorted and unique.
pub(crate) struct Verzameling {
    pub(crate) bestanden: Vec<PathBuf>,
    /// Files in a folder that are not read, sorted: a `*.toml` that is not a regular file (a
    /// FIFO, a device, a socket, a link to a folder) would block or mislead.
    pub(crate) overgeslagen: Vec<PathBuf>,
    /// Folders that could not be read.
    pub(crate) fouten: Vec<Melding>,
}

/// Walks `paths` for [`Verzameling`]. A path given on the command line is taken as given (it
/// may be a pipe, e.g. `<(…)`); inside folders only regular files, or links to them, are read.
pub(crate) fn verzamel_toml(paths: &[PathBuf]) -> Verzameling {
    let mut v = Verzameling {
        bestanden: Vec::new(),
        overgeslagen: Vec::new(),
        fouten: Vec::new(),
    };
    for p in paths {
        if p.is_dir() {
            if let Err(e) = walk(p, &mut v) {
                v.fouten.push(Melding::regel(format!(
                    "{}: fout: map niet te lezen: {e}",
                    getoond(p)
                )));
            }
        } else {
            v.bestanden.push(p.clone());
        }
    }
    v.bestanden.sort();
    v.bestanden.dedup();
    v.overgeslagen.sort();
    v.overgeslagen.dedup();
    v
}

impl Verzameling {
    /// One message per file skipped.
    pub(crate) fn meldingen_overgeslagen(&self) -> Vec<Melding> {
        self.overgeslagen
            .iter()
            .map(|p| {
                Melding::regel(format!(
                    "{}: overgeslagen: geen gewoon bestand (bijv. een FIFO, apparaat of map); \
                     batch leest in een map alleen gewone bestanden",
                    getoond(p)
                ))
            })
            .collect()
    }
}

fn walk(dir: &Path, v: &mut Verzameling) -> io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let kind = entry.file_type()?;
        if kind.is_dir() {
            walk(&path, v)?;
        } else if path.extension().is_some_and(|e| e == "toml") {
            // A link is followed to see what it points to (a folder is not walked: no loops);
            // a dangling link is read, so that it is reported as a missing file.
            let regular = kind.is_file()
                || (kind.is_symlink() && std::fs::metadata(&path).map_or(true, |m| m.is_file()));
            if regular {
                v.bestanden.push(path);
            } else {
                v.overgeslagen.push(path);
            }
        }
    }
    Ok(())
}
