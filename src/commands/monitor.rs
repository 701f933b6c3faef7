//! `monitor` and `payout`: the scenario against its registrations (meetings held, indicators
//! observed). Through the application layer only.

use std::path::Path;

use patz_calc::calc;
use patz_calc::cli::monitor::{MonitorArgs, Onderdeel, PayoutArgs};
use patz_calc::registratie;
use patz_calc::render::{self, Format};

use crate::app::beoordeling::calc_fout;
use crate::app::invoer::{self, Invoer, getoond};
use crate::app::{App, Fout, Melding};

/// Largest registrations file read (a year of a large region is a few hundred kilobytes).
const MAX_REGISTRATIE_BYTES: u64 = 10 * 1024 * 1024;

/// A registrations CSV.
const REGISTRATIE: Invoer = Invoer {
    soort: "CSV-bestand",
    naam: "een registratiebestand",
    max: MAX_REGISTRATIE_BYTES,
    utf8: "sla het bestand op als 'CSV UTF-8' (in Excel: Opslaan als, type CSV UTF-8)",
};

pub(crate) fn monitor(app: &mut App, args: &MonitorArgs) -> Result<(), Fout> {
    let opts = args.output.options();
    app.met_scenario(&args.file, Some(opts.format), |_, s, r| {
        if opts.format == Format::Csv
            && args.onderdeel == Onderdeel::Indicatoren
            && args.indicatoren.is_none()
        {
            return Err(Fout::ongeldig(
                Melding::fout("--onderdeel indicatoren vraagt de waargenomen indicatoren")
                    .hint("geef ze mee met --indicatoren BESTAND.csv"),
            ));
        }
        let mut fouten = Vec::new();
        let bijeenkomsten = load(&args.bijeenkomsten, |t| {
            registratie::read_bijeenkomsten(t, s)
        })
        .map_err(|e| fouten.extend(e))
        .ok();
        let waarnemingen = match &args.indicatoren {
            None => Some(None),
            Some(path) => match &s.impact {
                None => {
                    fouten.push(
                        Melding::regel(format!(
                            "{}: fout: dit scenario heeft geen [impact]-sectie met de zes \
                             [[indicator]]-secties; die is nodig om de waargenomen indicatoren \
                             in {} te vergelijken met de basis en de verwachting",
                            getoond(&args.file),
                            getoond(path)
                        ))
                        .hint(
                            "voeg [impact] met aandeel_kanker_percentage en de zes \
                             [[indicator]]-secties toe, of laat --indicatoren weg",
                        ),
                    );
                    None
                }
                Some(impact) => load(path, |t| registratie::read_indicatoren(t, s))
                    .map_err(|e| fouten.extend(e))
                    .ok()
                    .map(|w| Some((impact, w))),
            },
        };
        let (Some(bijeenkomsten), Some(waarnemingen)) = (bijeenkomsten, waarnemingen) else {
            return Err(Fout::Ongeldig(fouten));
        };
        let m = calc::monitor::evaluate(
            s,
            &r.kosten,
            &bijeenkomsten,
            waarnemingen.as_ref().map(|(i, w)| (*i, w.as_slice())),
        )
        .map_err(|e| Fout::ongeldig(calc_fout(&getoond(&args.file), s, &e)))?;
        Ok(render::monitor::monitor(
            s,
            &m,
            &getoond(&args.bijeenkomsten),
            args.onderdeel.render(),
            opts,
        ))
    })
}

pub(crate) fn payout(app: &mut App, args: &PayoutArgs) -> Result<(), Fout> {
    let opts = args.output.options();
    app.met_scenario(&args.file, Some(opts.format), |app, s, _| {
        let registraties = match &args.bijeenkomsten {
            None => None,
            Some(path) => Some(
                load(path, |t| registratie::read_bijeenkomsten(t, s)).map_err(Fout::Ongeldig)?,
            ),
        };
        let bron = match &registraties {
            None => calc::payout::Bron::Plan,
            Some(b) => calc::payout::Bron::Registraties(b),
        };
        let periode =
            calc::payout::tijdvak(s, bron, args.per.per(), args.tot.as_deref()).map_err(|e| {
                let tot = args.tot.as_deref().unwrap_or_default();
                let m = Melding::fout(format!("--tot {tot}: {}", e.message));
                Fout::ongeldig(match &e.hint {
                    Some(hint) => m.hint(hint),
                    None => m,
                })
            })?;
        let lijst = calc::payout::evaluate_in(s, bron, args.per.per(), periode)
            .map_err(|e| Fout::ongeldig(calc_fout(&getoond(&args.file), s, &e)))?;
        if let (Some(t), Some(path)) = (&lijst.tijdvak, &args.bijeenkomsten)
            && lijst.na_tijdvak > 0
        {
            let een = lijst.na_tijdvak == 1;
            app.rapport.meld(&Melding::regel(format!(
                "{}: let op: {} {} na {} {} niet in deze betaallijst",
                getoond(path),
                lijst.na_tijdvak,
                if een { "bijeenkomst" } else { "bijeenkomsten" },
                t.eind(),
                if een { "staat" } else { "staan" },
            )));
        }
        if opts.format == Format::Csv {
            // The table and JSON state the period themselves; CSV for the finance system cannot.
            let periode = lijst.tijdvak.map_or_else(
                || "geen (er zijn geen bijeenkomsten geregistreerd)".to_string(),
                |t| t.to_string(),
            );
            app.rapport.meld(&Melding::regel(format!(
                "{}: periode van de betaallijst: {periode}",
                getoond(&args.file)
            )));
        }
        if opts.format != Format::Table {
            // The table says so itself; CSV for the finance system cannot.
            for (rol, _) in &lijst.niet_uitbetaald {
                app.rapport.meld(&Melding::regel(format!(
                    "{}: let op: rol '{rol}' wordt elders gefinancierd en staat daarom niet in \
                     de betaallijst",
                    getoond(&args.file)
                )));
            }
        }
        let bron_naam = args.bijeenkomsten.as_deref().map(getoond);
        Ok(render::monitor::payout(
            s,
            &lijst,
            bron_naam.as_deref(),
            opts,
        ))
    })
}

/// Reads a registrations file and checks it with `parse`; every problem shown as a message (the
/// first ones, then a count of the rest).
fn load<T>(
    path: &Path,
    parse: impl FnOnce(&str) -> Result<T, registratie::Fouten>,
) -> Result<T, Vec<Melding>> {
    let name = getoond(path);
    let text = invoer::lees_tekst(path, &REGISTRATIE).map_err(|e| vec![e.melding(&name)])?;
    parse(&text).map_err(|errors| {
        let shown = errors.eerste();
        let mut out: Vec<Melding> = shown.iter().map(|e| Melding::diagnose(e, &name)).collect();
        // After the problems themselves: the count of the rest and the total, one line each.
        out.extend(
            errors
                .regels(&name)
                .into_iter()
                .skip(shown.len())
                .map(Melding::regel),
        );
        out
    })
}
