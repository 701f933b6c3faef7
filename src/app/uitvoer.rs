//! The one writer of results: stdout, files and devices. Does I/O.
//!
//! - A regular file (new, existing, or what a symbolic link points to) is never half-written:
//!   the bytes go to a hidden temporary file beside it (created like any new file, so the umask
//!   holds; an existing file's mode is kept), which is fsynced, renamed onto the target, after
//!   which the folder is fsynced. A link stays a link; the file it points to gets the content.
//! - A character device or a FIFO (`/dev/null`, `/dev/stdout` on a terminal, a named pipe) is
//!   opened for writing and written straight: there is nothing to replace.
//! - A folder, or a link to one, is a usage error and never turned into a file.
//! - A hidden temporary file is removed when the run is interrupted (SIGINT, SIGTERM, SIGHUP).
//! - `-o /dev/stdout` (or `/dev/fd/1`) is stdout itself, as `-o -`.
//! - A closed stdout (`patz-calc … | head`) ends the output quietly.

use std::borrow::Cow;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use anyhow::Context as _;
use patz_calc::naam;
use patz_calc::render::Format;

use super::invoer::{getoond, io_bericht};
use super::rapport::{Fout, Melding};

/// Where one output of a command goes, decided (and checked) before anything is computed.
#[derive(Debug, Clone)]
pub(crate) enum Doel {
    /// The standard output (no `-o`, or `-o -`).
    Stdout,
    /// A regular file, new or existing: replaced atomically.
    Bestand {
        /// As the user wrote it (for messages).
        pad: PathBuf,
        /// Where the bytes go: `pad`, or the file a symbolic link at `pad` points to.
        echt: PathBuf,
        /// The mode of the file replaced (kept); `None` for a new file.
        modus: Option<u32>,
    },
    /// A character device or a FIFO: written straight.
    Apparaat {
        /// As the user wrote it.
        pad: PathBuf,
    },
}

/// A file format, known by the extension of a file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Vorm {
    /// Plain text (`.txt`): a table.
    Tekst,
    /// `.csv`.
    Csv,
    /// `.json`.
    Json,
    /// `.html`, `.htm`.
    Html,
    /// `.docx`.
    Word,
    /// `.xlsx`.
    Excel,
    /// `.pdf`.
    Pdf,
    /// `.toml`.
    Toml,
    /// Another known format that patz-calc does not write, with how a reader names it.
    Ander(&'static str),
}

impl Vorm {
    /// The format of `pad` by its extension (any case); `None` without one, or for an
    /// extension patz-calc does not know (written as before: the command's own format).
    pub(crate) fn van(pad: &Path) -> Option<Vorm> {
        let ext = pad.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" => Vorm::Tekst,
            "csv" => Vorm::Csv,
            "json" => Vorm::Json,
            "html" | "htm" => Vorm::Html,
            "docx" => Vorm::Word,
            "xlsx" => Vorm::Excel,
            "pdf" => Vorm::Pdf,
            "toml" => Vorm::Toml,
            "doc" | "docm" | "dotx" | "odt" | "rtf" => Vorm::Ander("ander tekstverwerkerformaat"),
            "xls" | "xlsm" | "ods" => Vorm::Ander("ander spreadsheetformaat"),
            "xhtml" | "xml" | "svg" | "png" | "jpg" | "jpeg" | "md" | "zip" | "tsv" => {
                Vorm::Ander("ander formaat")
            }
            _ => return None,
        })
    }

    /// How a reader names it, in a message after "geen".
    fn naam(self) -> &'static str {
        match self {
            Vorm::Tekst => "tekst",
            Vorm::Csv => "CSV",
            Vorm::Json => "JSON",
            Vorm::Html => "HTML",
            Vorm::Word => "Word-document",
            Vorm::Excel => "Excel-werkmap",
            Vorm::Pdf => "PDF",
            Vorm::Toml => "scenario (TOML)",
            Vorm::Ander(naam) => naam,
        }
    }
}

/// What a command writes to its output file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Uitvoersoort {
    /// A table, CSV or JSON (`--format`, or the extension).
    Gegevens(Option<Format>),
    /// The businesscase document: HTML or Word.
    Document,
    /// The Excel workbook.
    Werkmap,
    /// The yearly report (`annual-report`): HTML or Word; an extension patz-calc does not
    /// know is refused rather than guessed.
    Verslag,
    /// The scenario template.
    Sjabloon,
    /// The draws of `simulate --trekkingen`: CSV.
    Trekkingen,
}

/// Checks, before anything is computed or written, that the extension of `pad` names a format
/// the command writes there; bytes of one format never go under another's extension. A file
/// without an extension, or with one patz-calc does not know, gets the command's own format.
pub(crate) fn controleer_vorm(pad: &Path, soort: Uitvoersoort) -> Result<(), Melding> {
    let shown = getoond(pad);
    let Some(vorm) = Vorm::van(pad) else {
        return match (soort, pad.extension()) {
            (Uitvoersoort::Verslag, Some(ext)) => Err(Melding::regel(format!(
                "{shown}: fout: het jaarverslag is een HTML-document (.html) of een \
                 Word-document (.docx); de extensie .{} kent patz-calc niet",
                naam::zichtbaar(&ext.to_string_lossy())
            ))
            .hint("kies bijv. -o jaarverslag.docx of -o jaarverslag.html")),
            _ => Ok(()),
        };
    };
    let fout = |(wat, hint): (String, String)| -> Result<(), Melding> {
        Err(Melding::regel(format!("{shown}: fout: {wat}")).hint(hint))
    };
    if vorm == Vorm::Pdf && soort == Uitvoersoort::Verslag {
        return fout((
            "patz-calc schrijft zelf geen PDF".into(),
            "maak het verslag als HTML (-o jaarverslag.html) en kies in de browser Afdrukken → Opslaan als PDF, of als Word-document (-o jaarverslag.docx) en kies in Word Opslaan als → PDF".into(),
        ));
    }
    if vorm == Vorm::Pdf && soort != Uitvoersoort::Werkmap {
        return fout((
            "patz-calc schrijft zelf geen PDF".into(),
            "maak het document als HTML (report … -o businesscase.html) en kies in de browser Afdrukken → Opslaan als PDF, of als Word-document (report … -o businesscase.docx) en kies in Word Opslaan als → PDF".into(),
        ));
    }
    let (past, wat, hint) = match soort {
        Uitvoersoort::Gegevens(format) => return gegevens_vorm(vorm, format).map_or(Ok(()), fout),
        Uitvoersoort::Document => (
            &[Vorm::Html, Vorm::Word][..],
            "report schrijft een HTML-document (.html) of een Word-document (.docx)",
            "kies bijv. -o businesscase.docx of -o businesscase.html",
        ),
        Uitvoersoort::Verslag => (
            &[Vorm::Html, Vorm::Word][..],
            "het jaarverslag is een HTML-document (.html) of een Word-document (.docx)",
            "kies bijv. -o jaarverslag.docx of -o jaarverslag.html",
        ),
        Uitvoersoort::Werkmap => (
            &[Vorm::Excel][..],
            "export schrijft een Excel-werkmap (.xlsx)",
            "kies bijv. -o businesscase.xlsx (LibreOffice en Numbers lezen die ook)",
        ),
        Uitvoersoort::Sjabloon => (
            &[Vorm::Toml, Vorm::Tekst][..],
            "het sjabloon is een scenario (.toml)",
            "kies bijv. patz-calc init mijn-regio.toml",
        ),
        Uitvoersoort::Trekkingen => (
            &[Vorm::Csv, Vorm::Tekst][..],
            "--trekkingen schrijft CSV",
            "kies bijv. --trekkingen trekkingen.csv",
        ),
    };
    if past.contains(&vorm) {
        Ok(())
    } else {
        fout((format!("{wat}, geen {}", vorm.naam()), hint.to_string()))
    }
}

/// For a command that writes a table, CSV or JSON (`format`: its `--format`, if given): `None`
/// when `vorm` fits, else what is wrong and a hint.
fn gegevens_vorm(vorm: Vorm, format: Option<Format>) -> Option<(String, String)> {
    let tekst = |wat: &str, hint: &str| Some((wat.to_string(), hint.to_string()));
    let Some(gevraagd) = format else {
        // A `.toml` is left to the input checks, which know every scenario read
        // (batch finds its files only later) and refuse to write over one.
        return match vorm {
            Vorm::Tekst | Vorm::Csv | Vorm::Json | Vorm::Toml => None,
            Vorm::Html | Vorm::Word => tekst(
                &format!(
                    "deze opdracht schrijft een tabel, CSV of JSON, geen {}",
                    vorm.naam()
                ),
                "het businesscase-document schrijft u met report … -o businesscase.html of -o businesscase.docx; hier: kies .csv, .json of .txt",
            ),
            Vorm::Excel => tekst(
                "deze opdracht schrijft een tabel, CSV of JSON, geen Excel-werkmap",
                "de werkmap schrijft u met export … -o businesscase.xlsx; hier: kies .csv, .json of .txt",
            ),
            _ => tekst(
                &format!(
                    "deze opdracht schrijft een tabel, CSV of JSON, geen {}",
                    vorm.naam()
                ),
                "kies een bestandsnaam op .csv, .json of .txt",
            ),
        };
    };
    let past = matches!(
        (gevraagd, vorm),
        (Format::Table, Vorm::Tekst)
            | (Format::Csv, Vorm::Csv | Vorm::Tekst)
            | (Format::Json, Vorm::Json | Vorm::Tekst)
    );
    if past {
        return None;
    }
    let (naam, ext) = match gevraagd {
        Format::Table => ("een tabel", ".txt"),
        Format::Csv => ("CSV", ".csv"),
        Format::Json => ("JSON", ".json"),
    };
    Some((
        format!(
            "de uitvoer is {naam}, maar de bestandsnaam zegt {}",
            vorm.naam()
        ),
        format!(
            "kies een bestandsnaam op {ext}, of laat --format weg: dan volgt de vorm uit de extensie"
        ),
    ))
}

/// Whether a file may be replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Vervang {
    /// Replaced (`-o`, `--draws`, `--force`).
    Ja,
    /// Never replaced: a file that appears meanwhile wins (`init`, `report` without `--force`).
    Nee,
}

impl Doel {
    /// The output at `pad` (`None` or `-`: stdout). A folder, a link to one, a block device or
    /// a socket is a usage error.
    pub(crate) fn kies(pad: Option<&Path>) -> Result<Doel, Melding> {
        let pad = match pad {
            None => return Ok(Doel::Stdout),
            Some(p) if p == Path::new("-") => return Ok(Doel::Stdout),
            // The process's own stdout by name is stdout, whatever it is redirected to (a file
            // opened with `>>` must not be replaced, nor written from its start).
            Some(p)
                if ["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"]
                    .map(Path::new)
                    .contains(&p) =>
            {
                return Ok(Doel::Stdout);
            }
            Some(p) => p,
        };
        let shown = getoond(pad);
        match fs::metadata(pad) {
            Ok(m) if m.is_file() => {
                let link = fs::symlink_metadata(pad).is_ok_and(|l| l.file_type().is_symlink());
                let echt = if link {
                    fs::canonicalize(pad).unwrap_or_else(|_| pad.to_path_buf())
                } else {
                    pad.to_path_buf()
                };
                Ok(Doel::Bestand {
                    pad: pad.to_path_buf(),
                    echt,
                    modus: Some(modus(&m)),
                })
            }
            Ok(m) if m.is_dir() => Err(Melding::regel(format!(
                "{shown}: fout: dit is een map; geef een bestandsnaam"
            ))),
            Ok(m) if straight(&m) => Ok(Doel::Apparaat {
                pad: pad.to_path_buf(),
            }),
            Ok(_) => Err(Melding::regel(format!(
                "{shown}: fout: dit is geen gewoon bestand (een blokapparaat of socket); geef \
                 een bestandsnaam"
            ))),
            // Nothing there yet, or a link to nothing: a new file where the link points.
            Err(_) => Ok(Doel::Bestand {
                pad: pad.to_path_buf(),
                echt: link_target(pad),
                modus: None,
            }),
        }
    }

    /// The path as the user wrote it; `None` for stdout.
    pub(crate) fn pad(&self) -> Option<&Path> {
        match self {
            Doel::Stdout => None,
            Doel::Bestand { pad, .. } | Doel::Apparaat { pad } => Some(pad),
        }
    }
}

#[cfg(unix)]
fn modus(m: &fs::Metadata) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    m.permissions().mode() & 0o7777
}

#[cfg(not(unix))]
fn modus(_: &fs::Metadata) -> u32 {
    0o644
}

/// A character device or a FIFO.
#[cfg(unix)]
fn straight(m: &fs::Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt;
    m.file_type().is_char_device() || m.file_type().is_fifo()
}

#[cfg(not(unix))]
fn straight(_: &fs::Metadata) -> bool {
    false
}

/// Where a dangling symbolic link at `pad` points (followed up to 40 links), else `pad`.
fn link_target(pad: &Path) -> PathBuf {
    let mut cur = pad.to_path_buf();
    for _ in 0..40 {
        match (fs::symlink_metadata(&cur), fs::read_link(&cur)) {
            (Ok(m), Ok(to)) if m.file_type().is_symlink() => {
                cur = match cur.parent() {
                    Some(dir) => dir.join(to),
                    None => to,
                };
            }
            _ => return cur,
        }
    }
    pad.to_path_buf()
}

/// The folder a file is placed in.
fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Makes table text safe for a terminal: every control character except the line ends is
/// shown as a visible escape (a name or `--set` value holding ESC cannot clear the screen).
/// CSV, JSON, HTML and xlsx escape in their own way and are written as they are.
pub(crate) fn veilig(format: Option<Format>, bytes: &[u8]) -> Cow<'_, [u8]> {
    if format != Some(Format::Table) {
        return Cow::Borrowed(bytes);
    }
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Cow::Borrowed(bytes);
    };
    if !text.chars().any(|c| c.is_control() && c != '\n') {
        return Cow::Borrowed(bytes);
    }
    let lines: Vec<Cow<'_, str>> = text.split('\n').map(naam::zichtbaar).collect();
    Cow::Owned(lines.join("\n").into_bytes())
}

/// The width of the terminal that stdout is, when `doel` is stdout and stdout is a terminal:
/// `COLUMNS` when it holds a width, else the terminal's own. `None` otherwise (a pipe, a file).
pub(crate) fn terminal_breedte(doel: &Doel) -> Option<usize> {
    use std::io::IsTerminal as _;
    if !matches!(doel, Doel::Stdout) || !io::stdout().is_terminal() {
        return None;
    }
    let columns = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&c| c > 0);
    columns.or_else(|| terminal_size::terminal_size().map(|(w, _)| usize::from(w.0)))
}

/// An output being written: opened before the first byte, placed (renamed into place) after
/// the last. Dropped without [`Schrijver::plaats`], a temporary file is removed.
pub(crate) struct Schrijver {
    soort: Soort,
}

enum Soort {
    Stdout { closed: bool },
    Tijdelijk(Tijdelijk),
    Apparaat { file: fs::File, pad: PathBuf },
}

struct Tijdelijk {
    tmp: tempfile::NamedTempFile,
    pad: PathBuf,
    echt: PathBuf,
    vervang: Vervang,
}

impl Schrijver {
    /// Opens `doel` for writing: creates the temporary file, or opens the device.
    pub(crate) fn open(doel: &Doel, vervang: Vervang) -> Result<Schrijver, Fout> {
        let soort = match doel {
            Doel::Stdout => Soort::Stdout { closed: false },
            Doel::Apparaat { pad } => {
                let file = fs::OpenOptions::new().write(true).open(pad).map_err(|e| {
                    anyhow::anyhow!("{}: kan niet schrijven: {}", getoond(pad), io_bericht(&e))
                })?;
                Soort::Apparaat {
                    file,
                    pad: pad.clone(),
                }
            }
            Doel::Bestand { pad, echt, modus } => {
                let dir = folder_of(echt);
                let tmp = temp_in(&dir, *modus).map_err(|e| {
                    anyhow::anyhow!(
                        "{}: kan niet schrijven in map {}: {}",
                        getoond(pad),
                        dir.display(),
                        io_bericht(&e)
                    )
                })?;
                register(tmp.path());
                Soort::Tijdelijk(Tijdelijk {
                    tmp,
                    pad: pad.clone(),
                    echt: echt.clone(),
                    vervang,
                })
            }
        };
        Ok(Schrijver { soort })
    }

    /// Writes `bytes` on.
    pub(crate) fn schrijf(&mut self, bytes: &[u8]) -> Result<(), Fout> {
        match &mut self.soort {
            Soort::Stdout { closed: true } => Ok(()),
            Soort::Stdout { closed } => match io::stdout().lock().write_all(bytes) {
                Ok(()) => Ok(()),
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                    *closed = true;
                    Ok(())
                }
                Err(e) => Err(anyhow::Error::new(e)
                    .context("schrijven naar de standaarduitvoer")
                    .into()),
            },
            Soort::Tijdelijk(t) => t
                .tmp
                .write_all(bytes)
                .with_context(|| format!("{}: schrijven mislukt", getoond(&t.pad)))
                .map_err(Fout::from),
            Soort::Apparaat { file, pad } => file
                .write_all(bytes)
                .with_context(|| format!("{}: schrijven mislukt", getoond(pad)))
                .map_err(Fout::from),
        }
    }

    /// Finishes the output: flushes stdout or the device; fsyncs the temporary file, renames it
    /// onto the target and fsyncs the folder.
    pub(crate) fn plaats(self) -> Result<(), Fout> {
        match self.soort {
            Soort::Stdout { closed } => {
                if !closed {
                    match io::stdout().lock().flush() {
                        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
                            return Err(anyhow::Error::new(e)
                                .context("schrijven naar de standaarduitvoer")
                                .into());
                        }
                        _ => {}
                    }
                }
                Ok(())
            }
            Soort::Apparaat { mut file, pad } => file
                .flush()
                .with_context(|| format!("{}: schrijven mislukt", getoond(&pad)))
                .map_err(Fout::from),
            Soort::Tijdelijk(t) => t.plaats(),
        }
    }
}

impl Tijdelijk {
    fn plaats(self) -> Result<(), Fout> {
        let name = getoond(&self.pad);
        let tmp_path = self.tmp.path().to_path_buf();
        self.tmp
            .as_file()
            .sync_all()
            .map_err(|e| anyhow::anyhow!("{name}: schrijven mislukt: {}", io_bericht(&e)))?;
        let placed = match self.vervang {
            Vervang::Ja => self.tmp.persist(&self.echt).map(|_| ()),
            Vervang::Nee => self.tmp.persist_noclobber(&self.echt).map(|_| ()),
        };
        // On failure the temporary file is removed when the error (holding it) is dropped.
        let placed = placed.map_err(|e| {
            anyhow::anyhow!(
                "{name}: kan het bestand niet plaatsen: {}",
                io_bericht(&e.error)
            )
        });
        unregister(&tmp_path);
        placed?;
        // The rename is durable once the folder is; not every system can fsync a folder.
        if let Ok(dir) = fs::File::open(folder_of(&self.echt)) {
            let _ = dir.sync_all();
        }
        Ok(())
    }
}

/// A hidden temporary file in `dir`, created as any new file is (mode 0666 less the umask), or
/// with the mode of the file it will replace.
fn temp_in(dir: &Path, modus: Option<u32>) -> io::Result<tempfile::NamedTempFile> {
    let mut b = tempfile::Builder::new();
    b.prefix(".patz-calc-");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Created no wider than the file it replaces (the umask may narrow it further); set to
        // exactly that mode before a byte is written.
        b.permissions(fs::Permissions::from_mode(modus.unwrap_or(0o666) & 0o777));
        let tmp = b.tempfile_in(dir)?;
        if let Some(m) = modus {
            tmp.as_file()
                .set_permissions(fs::Permissions::from_mode(m))?;
        }
        Ok(tmp)
    }
    #[cfg(not(unix))]
    {
        let _ = modus;
        b.tempfile_in(dir)
    }
}

/// Writes `bytes` to `doel` at once (see the module docs).
pub(crate) fn schrijf_alles(doel: &Doel, bytes: &[u8], vervang: Vervang) -> Result<(), Fout> {
    let mut w = Schrijver::open(doel, vervang)?;
    w.schrijf(bytes)?;
    w.plaats()
}

/// The temporary files being written, removed on SIGINT, SIGTERM and SIGHUP.
static TIJDELIJK: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn register(path: &Path) {
    static HANDLER: OnceLock<()> = OnceLock::new();
    HANDLER.get_or_init(install_handler);
    if let Ok(mut list) = TIJDELIJK.lock() {
        list.push(path.to_path_buf());
    }
}

fn unregister(path: &Path) {
    if let Ok(mut list) = TIJDELIJK.lock() {
        list.retain(|p| p != path);
    }
}

/// A thread that waits for an interruption, removes the temporary files and then ends the
/// process as the signal would have (so a shell sees "interrupted", not an exit status).
#[cfg(unix)]
fn install_handler() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
        return;
    };
    let _ = std::thread::Builder::new()
        .name("opruimen".into())
        .spawn(move || {
            if let Some(sig) = signals.forever().next() {
                if let Ok(list) = TIJDELIJK.lock() {
                    for p in list.iter() {
                        let _ = fs::remove_file(p);
                    }
                }
                let _ = signal_hook::low_level::emulate_default_handler(sig);
                std::process::exit(128 + sig);
            }
        });
}

#[cfg(not(unix))]
fn install_handler() {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_text_shows_control_characters_but_keeps_its_lines() {
        let t = "│ Oost\u{1b}[2J │\n│ West │\n";
        assert_eq!(
            veilig(Some(Format::Table), t.as_bytes()).as_ref(),
            "│ Oost\\u{1b}[2J │\n│ West │\n".as_bytes()
        );
        assert!(matches!(
            veilig(Some(Format::Table), b"a\nb\n"),
            Cow::Borrowed(_)
        ));
        // CSV keeps its bytes: a control character there is data, quoted by the CSV writer.
        assert_eq!(
            veilig(Some(Format::Csv), "a\u{1b}\n".as_bytes()).as_ref(),
            "a\u{1b}\n".as_bytes()
        );
    }

    #[test]
    fn a_folder_is_never_an_output_file() {
        let dir = tempfile::tempdir().unwrap();
        let e = Doel::kies(Some(dir.path())).unwrap_err();
        assert!(format!("{e:?}").contains("dit is een map"));
        #[cfg(unix)]
        {
            let link = dir.path().join("naar-map");
            std::os::unix::fs::symlink(dir.path(), &link).unwrap();
            assert!(Doel::kies(Some(&link)).is_err());
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_dangling_link_writes_the_file_it_points_to() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("link.csv");
        std::os::unix::fs::symlink("doel.csv", &link).unwrap();
        let doel = Doel::kies(Some(&link)).unwrap();
        schrijf_alles(&doel, b"a,b\r\n", Vervang::Ja).unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read(dir.path().join("doel.csv")).unwrap(), b"a,b\r\n");
    }
}
