//! Checking the command line before any work: clap's errors in Dutch, and the inputs and
//! outputs of a command held against each other (an output may never be one of the command's
//! inputs or another of its outputs). Reads file metadata; prints nothing.

use std::fs;
use std::path::{Path, PathBuf};

use clap::error::{ContextKind, ContextValue, ErrorKind};

use super::invoer::getoond;
use super::rapport::{Fout, Melding};
use super::uitvoer::Doel;

/// What clap's error means for the user: help and version text for stdout (exit 0, or 2 for
/// the help shown on a missing command), or a Dutch usage error (exit 2).
pub(crate) enum ClapUitkomst {
    /// clap's own text, to be printed by clap on stdout, with the exit status.
    Hulp(u8),
    /// A usage error, in Dutch.
    Fout(Melding),
}

/// Translates a clap error.
pub(crate) fn clap_fout(e: &clap::Error) -> ClapUitkomst {
    use ErrorKind as K;
    match e.kind() {
        K::DisplayHelp | K::DisplayVersion => return ClapUitkomst::Hulp(0),
        K::DisplayHelpOnMissingArgumentOrSubcommand => return ClapUitkomst::Hulp(2),
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
    let mut m = Melding::fout(message);
    for k in [
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedArg,
        ContextKind::SuggestedValue,
    ] {
        let s = ctx(k);
        if !s.is_empty() {
            m = m.hint(format!("bedoelde je '{s}'?"));
        }
    }
    ClapUitkomst::Fout(m.plus("Zie: patz-calc --help"))
}

/// What a file is, for comparing: the same file (device and inode) when it exists, else the
/// same place (canonical folder and name).
#[derive(Debug, PartialEq, Eq)]
enum Id {
    Inode(u64, u64),
    Pad(PathBuf),
}

/// An existing regular file by device and inode (devices and FIFOs never clash: writing two
/// outputs to `/dev/null` is fine); a new file by its canonical place.
fn id(path: &Path) -> Option<Id> {
    match fs::metadata(path) {
        Ok(m) if m.is_file() => inode(&m),
        Ok(_) => None,
        Err(_) => {
            let name = path.file_name()?;
            let dir = match path.parent() {
                Some(d) if !d.as_os_str().is_empty() => d,
                _ => Path::new("."),
            };
            Some(Id::Pad(fs::canonicalize(dir).ok()?.join(name)))
        }
    }
}

#[cfg(unix)]
fn inode(m: &fs::Metadata) -> Option<Id> {
    use std::os::unix::fs::MetadataExt;
    Some(Id::Inode(m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn inode(_: &fs::Metadata) -> Option<Id> {
    None
}

/// An input of a command, named as in its messages ("het scenariobestand", "--bijeenkomsten").
pub(crate) struct Invoerpad<'a> {
    pub(crate) naam: &'static str,
    pub(crate) pad: &'a Path,
}

/// An output of a command ("-o", "--draws") and where it goes.
pub(crate) struct Uitvoerpad<'a> {
    pub(crate) naam: &'static str,
    pub(crate) doel: &'a Doel,
}

/// Refuses, before anything is read or written, an output that is one of the inputs or another
/// output (also through links).
pub(crate) fn geen_overlap(
    invoer: &[Invoerpad<'_>],
    uitvoer: &[Uitvoerpad<'_>],
) -> Result<(), Fout> {
    let ids: Vec<(&Uitvoerpad<'_>, Id)> = uitvoer
        .iter()
        .filter_map(|u| match u.doel {
            Doel::Bestand { echt, .. } => id(echt).map(|i| (u, i)),
            _ => None,
        })
        .collect();
    for (k, (u, uid)) in ids.iter().enumerate() {
        let upad = u.doel.pad().map(getoond).unwrap_or_default();
        for i in invoer {
            if id(i.pad).as_ref() == Some(uid) {
                return Err(Fout::ongeldig(
                    Melding::fout(format!(
                        "{} {upad} is hetzelfde bestand als {} {}; patz-calc schrijft nooit \
                         over zijn eigen invoer",
                        u.naam,
                        i.naam,
                        getoond(i.pad)
                    ))
                    .hint("kies een andere naam voor de uitvoer"),
                ));
            }
        }
        for (v, vid) in &ids[..k] {
            if vid == uid {
                let vpad = v.doel.pad().map(getoond).unwrap_or_default();
                return Err(Fout::ongeldig(
                    Melding::fout(format!(
                        "{} {vpad} en {} {upad} zijn hetzelfde bestand",
                        v.naam, u.naam
                    ))
                    .hint("geef elke uitvoer een eigen bestand"),
                ));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;
    use patz_calc::cli::Cli;

    fn melding(args: &[&str]) -> Vec<String> {
        match clap_fout(&Cli::try_parse_from(args).unwrap_err()) {
            ClapUitkomst::Fout(m) => m.regels().to_vec(),
            ClapUitkomst::Hulp(code) => vec![format!("hulp {code}")],
        }
    }

    #[test]
    fn a_misspelt_command_is_explained_in_dutch_with_a_suggestion() {
        assert_eq!(
            melding(&["patz-calc", "kost"]),
            [
                "fout: onbekende opdracht 'kost'",
                "    hint: bedoelde je 'cost'?",
                "Zie: patz-calc --help"
            ]
        );
        assert_eq!(melding(&["patz-calc", "--help"]), ["hulp 0"]);
    }

    #[test]
    fn an_output_through_a_hard_link_to_the_input_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("a.toml");
        fs::write(&input, "x").unwrap();
        let link = dir.path().join("b.toml");
        fs::hard_link(&input, &link).unwrap();
        // The scenario read from `input`, the result written to `uit`.
        let overlap = |uit: &Doel| {
            geen_overlap(
                &[Invoerpad {
                    naam: "het scenariobestand",
                    pad: &input,
                }],
                &[Uitvoerpad {
                    naam: "-o",
                    doel: uit,
                }],
            )
        };
        let doel = Doel::kies(Some(&link)).unwrap();
        assert!(matches!(overlap(&doel), Err(Fout::Ongeldig(_))));
        // Another, new file is fine.
        let other = Doel::kies(Some(&dir.path().join("c.toml"))).unwrap();
        assert!(overlap(&other).is_ok());
    }

    #[test]
    fn two_outputs_to_one_new_file_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let a = Doel::kies(Some(&dir.path().join("same.csv"))).unwrap();
        let b = Doel::kies(Some(&dir.path().join("./same.csv"))).unwrap();
        let r = geen_overlap(
            &[],
            &[
                Uitvoerpad {
                    naam: "--draws",
                    doel: &a,
                },
                Uitvoerpad {
                    naam: "-o",
                    doel: &b,
                },
            ],
        );
        let Err(Fout::Ongeldig(ms)) = r else {
            panic!("not refused")
        };
        assert!(ms[0].regels()[0].ends_with("zijn hetzelfde bestand"));
    }
}
