//! `monitor`, `payout`, `declare` and `settle`: the scenario against its registrations (meetings
//! held, indicators observed, insured counts reported). Through the application layer only.

use std::path::Path;

use patz_calc::calc;
use patz_calc::cli::monitor::{
    AnnualReportArgs, DeclareArgs, MonitorArgs, Onderdeel, PayoutArgs, SettleArgs,
};
use patz_calc::registratie;
use patz_calc::render::{self, Format};

use crate::app::beoordeling::calc_fout;
use crate::app::invoer::{self, Invoer, getoond};
use crate::app::uitvoer::Vorm;
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
                let tekst = if lijst.geheel_elders(rol) {
                    format!(
                        "{}: let op: rol '{rol}' wordt elders gefinancierd en staat daarom niet \
                         in de betaallijst",
                        getoond(&args.file)
                    )
                } else {
                    format!(
                        "{}: let op: rol '{rol}' wordt deels elders gefinancierd; alleen het \
                         TAPA$-deel staat in de betaallijst",
                        getoond(&args.file)
                    )
                };
                app.rapport.meld(&Melding::regel(tekst));
            }
        }
        let bron_naam = args.bijeenkomsten.as_deref().map(getoond);
        Ok(render::betaallijst::payout(
            s,
            &lijst,
            bron_naam.as_deref(),
            opts,
        ))
    })
}

pub(crate) fn declare(app: &mut App, args: &DeclareArgs) -> Result<(), Fout> {
    let opts = args.output.options();
    app.met_scenario(&args.file, Some(opts.format), |app, s, r| {
        let tellingen = load(&args.verzekerden, |t| registratie::read_verzekerden(t, s))
            .map_err(Fout::Ongeldig)?;
        let gekozen = gekozen(r);
        let d = calc::declaratie::evaluate(s, &tellingen, &gekozen, args.per.per())
            .map_err(|e| Fout::ongeldig(calc_fout(&getoond(&args.file), s, &e)))?;
        let bron = getoond(&args.verzekerden);
        for m in zonder_aanbod(s, &d, &tellingen, &gekozen, &bron, None) {
            app.rapport.meld(&m);
        }
        Ok(render::declaratie::declare(s, &d, &bron, opts))
    })
}

pub(crate) fn settle(app: &mut App, args: &SettleArgs) -> Result<(), Fout> {
    let opts = args.output.options();
    app.met_scenario(&args.file, Some(opts.format), |app, s, r| {
        if let Some(j) = args.jaar
            && (j < s.startjaar || j > s.eindjaar())
        {
            return Err(Fout::ongeldig(
                Melding::fout(format!(
                    "--jaar {j} valt buiten de looptijd {}–{} van het scenario",
                    s.startjaar,
                    s.eindjaar()
                ))
                .hint("kies een jaar van de looptijd"),
            ));
        }
        let mut fouten = Vec::new();
        let tellingen = load(&args.verzekerden, |t| registratie::read_verzekerden(t, s))
            .map_err(|e| fouten.extend(e))
            .ok();
        let bijeenkomsten = load(&args.bijeenkomsten, |t| {
            registratie::read_bijeenkomsten(t, s)
        })
        .map_err(|e| fouten.extend(e))
        .ok();
        let (Some(tellingen), Some(bijeenkomsten)) = (tellingen, bijeenkomsten) else {
            return Err(Fout::Ongeldig(fouten));
        };
        let jaren: Vec<i32> = match args.jaar {
            Some(j) => vec![j],
            None => {
                let mut v: Vec<i32> = tellingen
                    .iter()
                    .map(|t| t.jaar)
                    .chain(bijeenkomsten.iter().map(|b| b.datum.jaar))
                    .collect();
                v.sort_unstable();
                v.dedup();
                v
            }
        };
        let gekozen = gekozen(r);
        let calc_err = |e: calc::CalcError| Fout::ongeldig(calc_fout(&getoond(&args.file), s, &e));
        let d = calc::declaratie::evaluate(s, &tellingen, &gekozen, calc::payout::Per::Kwartaal)
            .map_err(calc_err)?;
        let a = calc::afrekening::evaluate(s, &r.kosten, &d, &tellingen, &bijeenkomsten, &jaren)
            .map_err(calc_err)?;
        let bron = getoond(&args.verzekerden);
        for m in zonder_aanbod(s, &d, &tellingen, &gekozen, &bron, Some(&jaren)) {
            app.rapport.meld(&m);
        }
        for m in onvolledig(s, &a, &bron) {
            app.rapport.meld(&m);
        }
        let bronnen = render::afrekening::Bronnen {
            verzekerden: &bron,
            bijeenkomsten: &getoond(&args.bijeenkomsten),
        };
        Ok(render::afrekening::settle(s, &a, &bronnen, opts))
    })
}

pub(crate) fn annual_report(app: &mut App, args: &AnnualReportArgs) -> Result<(), Fout> {
    let word = Vorm::van(&args.output) == Some(Vorm::Word);
    app.met_scenario(&args.file, None, |app, s, r| {
        let mut fouten = Vec::new();
        let bijeenkomsten = load(&args.bijeenkomsten, |t| {
            registratie::read_bijeenkomsten(t, s)
        })
        .map_err(|e| fouten.extend(e))
        .ok();
        let waarnemingen = match (&args.indicatoren, &s.impact) {
            (None, _) => Some(None),
            (Some(path), None) => {
                fouten.push(
                    Melding::regel(format!(
                        "{}: fout: dit scenario heeft geen [impact]-sectie; die is nodig om de \
                         waargenomen indicatoren in {} te vergelijken met de verwachting",
                        getoond(&args.file),
                        getoond(path)
                    ))
                    .hint("voeg [impact] en de zes [[indicator]]-secties toe, of laat --indicatoren weg"),
                );
                None
            }
            (Some(path), Some(impact)) => load(path, |t| registratie::read_indicatoren(t, s))
                .map_err(|e| fouten.extend(e))
                .ok()
                .map(|w| Some((impact, w))),
        };
        let tellingen = match &args.verzekerden {
            None => Some(None),
            Some(path) => load(path, |t| registratie::read_verzekerden(t, s))
                .map_err(|e| fouten.extend(e))
                .ok()
                .map(Some),
        };
        let (Some(bijeenkomsten), Some(waarnemingen), Some(tellingen)) =
            (bijeenkomsten, waarnemingen, tellingen)
        else {
            return Err(Fout::Ongeldig(fouten));
        };
        let calc_err = |e: calc::CalcError| Fout::ongeldig(calc_fout(&getoond(&args.file), s, &e));
        let m = calc::monitor::evaluate(
            s,
            &r.kosten,
            &bijeenkomsten,
            waarnemingen.as_ref().map(|(i, w)| (*i, w.as_slice())),
        )
        .map_err(calc_err)?;
        let jaren: Vec<i32> = m.jaren.iter().map(|j| j.jaar).collect();
        let geld = match &tellingen {
            None => None,
            Some(t) => {
                let gekozen = gekozen(r);
                let d = calc::declaratie::evaluate(s, t, &gekozen, calc::payout::Per::Kwartaal)
                    .map_err(calc_err)?;
                let a = calc::afrekening::evaluate(s, &r.kosten, &d, t, &bijeenkomsten, &jaren)
                    .map_err(calc_err)?;
                let bron = args.verzekerden.as_deref().map(getoond).unwrap_or_default();
                for w in zonder_aanbod(s, &d, t, &gekozen, &bron, Some(&jaren)) {
                    app.rapport.meld(&w);
                }
                for w in onvolledig(s, &a, &bron) {
                    app.rapport.meld(&w);
                }
                Some((d, a))
            }
        };
        let geld = geld
            .as_ref()
            .map(|(d, a)| render::verantwoording::Geld {
                declaratie: d,
                afrekening: a,
            });
        let verslag =
            render::verantwoording::jaarverslag(s, &m, geld, args.indicatoren.is_some());
        // The extension was checked before: .docx is the Word document, anything else HTML.
        if word {
            render::docx::jaarverslag::document(&verslag)
                .map_err(|e| Fout::Anders(anyhow::anyhow!("{}: {e}", getoond(&args.output))))
        } else {
            Ok(render::verantwoording::html(&verslag))
        }
    })?;
    super::document::geschreven(
        app,
        if word {
            "open het in Word of LibreOffice om verder te bewerken; Opslaan als → PDF geeft een PDF"
        } else {
            "open het in een browser; afdrukken op A4 of opslaan als PDF"
        },
    );
    Ok(())
}

/// A warning for every settled year that is not complete: an insurer with counts for fewer
/// than four quarters, or no counts at all.
fn onvolledig(
    s: &patz_calc::scenario::Scenario,
    a: &calc::afrekening::Afrekening,
    bron: &str,
) -> Vec<Melding> {
    let mut out = Vec::new();
    for j in &a.jaren {
        if j.verzekeraars.is_empty() {
            out.push(
                Melding::regel(format!(
                    "{bron}: waarschuwing: geen verzekerden voor {}: in de afrekening van {} is \
                     niets gedeclareerd",
                    j.jaar, j.jaar
                ))
                .hint(format!(
                    "voeg de tellingen van {}-K1 … {}-K4 per verzekeraar toe",
                    j.jaar, j.jaar
                )),
            );
        }
        for v in j.verzekeraars.iter().filter(|v| v.kwartalen < 4) {
            let naam = s
                .verzekeraars
                .get(v.verzekeraar)
                .map_or("", |x| x.naam.as_str());
            out.push(Melding::regel(format!(
                "{bron}: waarschuwing: verzekeraar '{naam}' heeft voor {} tellingen van {} van \
                 de 4 kwartalen; de afrekening van {} is nog niet volledig",
                j.jaar, v.kwartalen, j.jaar
            )));
        }
    }
    out
}

/// The chosen offer of every insurer, in the order of `[[verzekeraar]]`: its contracted offer,
/// else its best (docs/rekenregels.md, "Eigen businesscase per verzekeraar").
fn gekozen(r: &calc::Resultaat) -> Vec<Option<usize>> {
    r.aanbiedingen
        .verzekeraars
        .iter()
        .map(|v| v.gekozen_aanbod)
        .collect()
}

/// A warning for every insurer-year with counts but without a chosen offer that covers it, at
/// the first line of that insurer-year in `bron` (only the years `jaren`, when given).
fn zonder_aanbod(
    s: &patz_calc::scenario::Scenario,
    d: &calc::declaratie::Declaratie,
    tellingen: &[registratie::Telling],
    gekozen: &[Option<usize>],
    bron: &str,
    jaren: Option<&[i32]>,
) -> Vec<Melding> {
    d.zonder_aanbod()
        .filter(|j| jaren.is_none_or(|js| js.contains(&j.jaar)))
        .map(|j| {
            let naam = s
                .verzekeraars
                .get(j.verzekeraar)
                .map_or("", |v| v.naam.as_str());
            let regel = tellingen
                .iter()
                .filter(|t| t.verzekeraar == j.verzekeraar && t.jaar == j.jaar)
                .map(|t| t.regel)
                .min()
                .unwrap_or(1);
            let gekozen = gekozen
                .get(j.verzekeraar)
                .copied()
                .flatten()
                .and_then(|ai| s.aanbiedingen.get(ai));
            let (waarom, hint) = match gekozen {
                Some(a) => (
                    format!("het gekozen aanbod '{}' dekt {} niet", a.label, j.jaar),
                    format!("voeg {} toe aan jaren van dat [[aanbod]]", j.jaar),
                ),
                None => (
                    "er is geen [[aanbod]] van deze verzekeraar".to_string(),
                    "voeg het aanbod toe dat met deze verzekeraar is afgesproken".to_string(),
                ),
            };
            Melding::regel(format!(
                "{bron}:{regel}: waarschuwing: verzekeraar '{naam}' heeft geen aanbod voor {}: \
                 {waarom}; voor {} wordt aan '{naam}' niets gedeclareerd",
                j.jaar, j.jaar
            ))
            .hint(hint)
        })
        .collect()
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
