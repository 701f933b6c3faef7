//! `monitor` and `payout`: read the scenario and the registrations, call the core, write the
//! result.

use std::path::Path;

use patz_calc::calc::{self, CalcError};
use patz_calc::cli::monitor::{MonitorArgs, Onderdeel, PayoutArgs};
use patz_calc::registratie;
use patz_calc::render::{self, Format};
use patz_calc::scenario::{Diagnostic, Override, Pos, Scenario, Severity};

use crate::{Failure, shown};

/// Largest registrations file read (a year of a large region is a few hundred kilobytes).
const MAX_REGISTRATIE_BYTES: u64 = 10 * 1024 * 1024;

pub(crate) fn monitor(args: &MonitorArgs, sets: &[Override]) -> Result<(), Failure> {
    let (s, r) = crate::evaluate_file(&args.file, sets)?;
    let opts = args.output.options();
    if opts.format == Format::Csv
        && args.onderdeel == Onderdeel::Indicatoren
        && args.indicatoren.is_none()
    {
        eprintln!("fout: --onderdeel indicatoren vraagt de waargenomen indicatoren");
        eprintln!("    hint: geef ze mee met --indicatoren BESTAND.csv");
        return Err(Failure::Invalid);
    }
    let bijeenkomsten = load(&args.bijeenkomsten, |t| {
        registratie::read_bijeenkomsten(t, &s)
    });
    let waarnemingen = match &args.indicatoren {
        None => Some(None),
        Some(path) => match &s.impact {
            None => {
                eprintln!(
                    "{}: fout: dit scenario heeft geen [impact]-sectie met de zes \
                     [[indicator]]-secties; die is nodig om de waargenomen indicatoren in {} \
                     te vergelijken met de basis en de verwachting",
                    shown(&args.file),
                    shown(path)
                );
                eprintln!(
                    "    hint: voeg [impact] met aandeel_kanker_percentage en de zes \
                     [[indicator]]-secties toe, of laat --indicatoren weg"
                );
                None
            }
            Some(impact) => {
                load(path, |t| registratie::read_indicatoren(t, &s)).map(|w| Some((impact, w)))
            }
        },
    };
    let (Some(bijeenkomsten), Some(waarnemingen)) = (bijeenkomsten, waarnemingen) else {
        return Err(Failure::Invalid);
    };
    let m = calc::monitor::evaluate(
        &s,
        &r.kosten,
        &bijeenkomsten,
        waarnemingen.as_ref().map(|(i, w)| (*i, w.as_slice())),
    )
    .map_err(|e| calc_error(&args.file, &s, &e))?;
    crate::emit(
        &render::monitor::monitor(
            &s,
            &m,
            &shown(&args.bijeenkomsten),
            args.onderdeel.render(),
            opts,
        ),
        args.output.output.as_deref(),
    )?;
    crate::finish(false, !crate::verify(&args.file, &s, &r))
}

pub(crate) fn payout(args: &PayoutArgs, sets: &[Override]) -> Result<(), Failure> {
    let (s, r) = crate::evaluate_file(&args.file, sets)?;
    let opts = args.output.options();
    let registraties = match &args.bijeenkomsten {
        None => None,
        Some(path) => {
            Some(load(path, |t| registratie::read_bijeenkomsten(t, &s)).ok_or(Failure::Invalid)?)
        }
    };
    let bron = match &registraties {
        None => calc::payout::Bron::Plan,
        Some(b) => calc::payout::Bron::Registraties(b),
    };
    let periode =
        calc::payout::tijdvak(&s, bron, args.per.per(), args.tot.as_deref()).map_err(|e| {
            let tot = patz_calc::naam::zichtbaar(args.tot.as_deref().unwrap_or_default());
            eprintln!("fout: --tot {tot}: {}", e.message);
            if let Some(hint) = &e.hint {
                eprintln!("    hint: {hint}");
            }
            Failure::Invalid
        })?;
    let lijst = calc::payout::evaluate_in(&s, bron, args.per.per(), periode)
        .map_err(|e| calc_error(&args.file, &s, &e))?;
    if let (Some(t), Some(path)) = (&lijst.tijdvak, &args.bijeenkomsten)
        && lijst.na_tijdvak > 0
    {
        eprintln!(
            "{}: let op: {} {} na {} {} niet in deze betaallijst",
            shown(path),
            lijst.na_tijdvak,
            if lijst.na_tijdvak == 1 {
                "bijeenkomst"
            } else {
                "bijeenkomsten"
            },
            t.eind(),
            if lijst.na_tijdvak == 1 {
                "staat"
            } else {
                "staan"
            },
        );
    }
    if opts.format == Format::Csv {
        // The table and JSON state the period themselves; CSV for the finance system cannot.
        let periode = lijst.tijdvak.map_or_else(
            || "geen (er zijn geen bijeenkomsten geregistreerd)".to_string(),
            |t| t.to_string(),
        );
        eprintln!(
            "{}: periode van de betaallijst: {periode}",
            shown(&args.file)
        );
    }
    if opts.format != Format::Table {
        // The table says so itself; CSV for the finance system cannot.
        for (rol, _) in &lijst.niet_uitbetaald {
            eprintln!(
                "{}: let op: rol '{rol}' wordt elders gefinancierd en staat daarom niet in de \
                 betaallijst",
                shown(&args.file)
            );
        }
    }
    let bron_naam = args.bijeenkomsten.as_deref().map(shown);
    crate::emit(
        &render::monitor::payout(&s, &lijst, bron_naam.as_deref(), opts),
        args.output.output.as_deref(),
    )?;
    crate::finish(false, !crate::verify(&args.file, &s, &r))
}

/// Reads a registrations file and checks it with `parse`, printing every problem. `None` when
/// the file cannot be read or has any problem.
fn load<T>(path: &Path, parse: impl FnOnce(&str) -> Result<T, registratie::Fouten>) -> Option<T> {
    let name = shown(path);
    let invoer = crate::Invoer {
        soort: "CSV-bestand",
        naam: "een registratiebestand",
        max: MAX_REGISTRATIE_BYTES,
        utf8: "sla het bestand op als 'CSV UTF-8' (in Excel: Opslaan als, type CSV UTF-8)",
    };
    let text = match crate::read_text(path, &invoer) {
        Ok(t) => t,
        Err((pos, msg)) => {
            match pos {
                Some(Pos { line, column }) => eprintln!("{name}:{line}:{column}: fout: {msg}"),
                None => eprintln!("{name}: fout: {msg}"),
            }
            return None;
        }
    };
    match parse(&text) {
        Ok(v) => Some(v),
        Err(errors) => {
            for line in errors.regels(&name) {
                eprintln!("{line}");
            }
            None
        }
    }
}

/// Prints a calculation that cannot be carried out (a value too large) as a scenario error.
fn calc_error(file: &Path, s: &Scenario, e: &CalcError) -> Failure {
    let d = Diagnostic {
        severity: Severity::Fout,
        pos: s.positie(e.path()).unwrap_or(Pos { line: 1, column: 1 }),
        path: e.path().to_string(),
        message: e.to_string(),
        hint: Some("kies kleinere waarden: de berekening rekent met hoogstens 28 cijfers".into()),
    };
    eprintln!("{}", d.render(&shown(file)));
    Failure::Invalid
}
