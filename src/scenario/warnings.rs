//! Warnings for a valid scenario that departs from the PaTz-werkwijze or risks double
//! financing (docs/rekenregels.md). Pure, no I/O.

use super::diagnostic::{Diagnostic, Severity};
use super::model::{Pos, Scenario};

/// Huisartsen per group in the handreiking's PaTz-werkwijze.
pub const HUISARTSEN: (u32, u32) = (4, 10);
/// Wijkverpleegkundigen per group in the PaTz-werkwijze.
pub const WIJKVERPLEEGKUNDIGEN: (u32, u32) = (2, 4);
/// Meetings per year in the PaTz-werkwijze.
pub const BIJEENKOMSTEN: u32 = 6;
/// From this year proactieve zorgplanning by a medisch specialist has its own betaaltitel.
pub const MEDISCH_SPECIALIST_EIGEN_TITEL_VANAF: i32 = 2025;
/// The longest experiment under the beleidsregel Innovatie voor kleinschalige experimenten.
pub const MAX_EXPERIMENT_JAREN: u32 = 5;

/// The roles whose hours through TAPA$ get a reminder once, with what may pay them already.
const HERINNERINGEN: [(&str, &str); 2] = [
    (
        "wijkverpleegkundige",
        "herinnering: de uren van de wijkverpleegkundige worden via TAPA$ gefinancierd; houd de \
         PaTz-tijd buiten de urenindicatie onder het integraal uurtarief van de wijkverpleging \
         (handreiking, bijlage 5.1.5), anders wordt die dubbel gefinancierd",
    ),
    (
        "specialist_ouderengeneeskunde",
        "herinnering: de uren van de specialist ouderengeneeskunde worden via TAPA$ gefinancierd; \
         ga na of het overleg al binnen de mpt-prestatie (multidisciplinaire zorg) wordt betaald, \
         anders wordt het dubbel gefinancierd",
    ),
];

/// Whether group `g` has hour lines of `rol` (as a participant, or as the chair or coordinator
/// with hours).
fn heeft_uren(g: &super::model::Groep, rol: &str) -> bool {
    let w = &g.werkwijze;
    g.aantal(rol) > 0
        || (&*w.voorzitter_rol == rol && !w.voorzitter_uren.is_zero())
        || (&*w.coordinatie_rol == rol && !w.coordinatie_uren_per_patient.is_zero())
}

/// Every warning for `s`, in file order.
pub fn warnings(s: &Scenario) -> Vec<Diagnostic> {
    let mut out = collect(s);
    out.extend(s.lees_waarschuwingen.iter().cloned());
    out.sort_by_key(|a| a.pos);
    out
}

/// The number of warnings for `s` (without putting any of them into words).
pub fn count(s: &Scenario) -> usize {
    let mut n = s.lees_waarschuwingen.len();
    find(s, &mut |_| n += 1);
    n
}

/// Every warning for `s`, in the order they are found, placed in the file.
fn collect(s: &Scenario) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    find(s, &mut |make| {
        let (path, message, hint) = make();
        let pos = s.positie(&path).unwrap_or(Pos { line: 1, column: 1 });
        out.push(Diagnostic {
            severity: Severity::Waarschuwing,
            pos,
            path,
            message,
            hint,
        });
    });
    out
}

/// What a warning says, put into words only when it is shown: `(path, message, hint)`.
type Woorden<'a> = &'a dyn Fn() -> (String, String, Option<String>);

/// Finds every warning for `s`, in order, and hands each to `warn`.
// One pass over the groups, then the reminders: longer than 100 lines, read top to bottom.
fn find(s: &Scenario, warn: &mut dyn FnMut(Woorden<'_>)) {
    if s.looptijd_jaren > MAX_EXPERIMENT_JAREN {
        warn(&|| {
            (
                "scenario.looptijd_jaren".to_string(),
                format!(
                    "een looptijd van {} jaar: TAPA$ valt onder de beleidsregel Innovatie voor \
                     kleinschalige experimenten, die hoogstens {MAX_EXPERIMENT_JAREN} jaar duurt",
                    s.looptijd_jaren
                ),
                Some(format!(
                    "reken met hoogstens {MAX_EXPERIMENT_JAREN} jaar, of leg uit hoe de jaren daarna \
                     gefinancierd worden"
                )),
            )
        });
    }
    let mut consulent_via_tapas = false;
    let mut herinneren = HERINNERINGEN.map(|(rol, _)| {
        !s.is_nagegaan(rol) && !s.is_elders_gefinancierd(rol) && s.uurtarief(rol).is_some()
    });
    let mut herinnering = [false; HERINNERINGEN.len()];
    for (i, g) in s.groepen.iter().enumerate() {
        // Put together only for a warning: most groups have none.
        let p = || format!("groep[{}]", i + 1);
        let who = || format!("groep '{}'", g.naam);
        let range = |rol: &str, (lo, hi): (u32, u32), warn: &mut dyn FnMut(Woorden<'_>)| {
            let n = g.aantal(rol);
            if n < lo || n > hi {
                warn(&|| {
                    (
                        format!("{}.deelnemers.{rol}", p()),
                        format!(
                            "{} heeft {n} {rol}(en); de PaTz-werkwijze gaat uit van {lo} tot {hi}",
                            who()
                        ),
                        None,
                    )
                });
            }
        };
        range("huisarts", HUISARTSEN, warn);
        range("wijkverpleegkundige", WIJKVERPLEEGKUNDIGEN, warn);
        if g.aantal("consulent") == 0 {
            warn(&|| {
                (
                    format!("{}.deelnemers", p()),
                    format!(
                        "{} heeft geen consulent palliatieve zorg; de PaTz-werkwijze vraagt er één",
                        who()
                    ),
                    Some("voeg 'consulent = 1' toe aan de deelnemers".into()),
                )
            });
        } else if !s.is_elders_gefinancierd("consulent") && !s.is_nagegaan("consulent") {
            consulent_via_tapas = true;
        }
        for ((rol, _), (nog, gevonden)) in HERINNERINGEN
            .iter()
            .zip(herinneren.iter_mut().zip(&mut herinnering))
        {
            if *nog && heeft_uren(g, rol) {
                *gevonden = true;
                *nog = false;
            }
        }
        let b = g.werkwijze.bijeenkomsten_per_jaar;
        if b != BIJEENKOMSTEN {
            warn(&|| {
                (
                    format!("{}.bijeenkomsten_per_jaar", p()),
                    format!(
                        "{} komt {b} keer per jaar bijeen; de PaTz-werkwijze gaat uit van {BIJEENKOMSTEN}",
                        who()
                    ),
                    None,
                )
            });
        }
        if g.start > s.eindjaar() {
            warn(&|| {
                (
                    format!("{}.start", p()),
                    format!(
                        "{} start in {}, na de looptijd ({}–{}); de groep telt nergens mee",
                        who(),
                        g.start,
                        s.startjaar,
                        s.eindjaar()
                    ),
                    None,
                )
            });
        }
        let ms = "medisch_specialist";
        let ms_lines = heeft_uren(g, ms);
        // The first year from 2025 (and the group's start) that is not entirely elsewhere.
        let first = (g
            .start
            .max(s.startjaar)
            .max(MEDISCH_SPECIALIST_EIGEN_TITEL_VANAF)..=s.eindjaar())
            .find(|&jaar| s.elders_rol(ms, jaar).is_none_or(|e| !e.geheel()));
        if ms_lines
            && !s.is_elders_gefinancierd(ms)
            && !s.is_nagegaan(ms)
            && let Some(first) = first
        {
            warn(&|| {
                (
                    format!("{}.deelnemers.{ms}", p()),
                    format!(
                        "{}: uren van de medisch specialist worden vanaf {first} via TAPA$ gefinancierd, \
                     terwijl proactieve zorgplanning vanaf {MEDISCH_SPECIALIST_EIGEN_TITEL_VANAF} een eigen betaaltitel heeft (risico op dubbele financiering)",
                        who()
                    ),
                    Some("zet \"medisch_specialist\" in [financiering] elders_gefinancierd".into()),
                )
            });
        }
    }
    if consulent_via_tapas {
        warn(&|| {
            (
            "uurtarieven.consulent".to_string(),
            "herinnering: de consulent wordt via TAPA$ gefinancierd; ga na of PZNL de inzet van de \
             consulent in uw regio nog vergoedt, anders wordt die dubbel gefinancierd"
                .to_string(),
            Some("wordt de consulent elders betaald, zet \"consulent\" in [financiering] elders_gefinancierd \
                  of geef [[financiering.elders]]; is het nagegaan, schrijf dat in [[financiering.nagegaan]]".into()))
        });
    }
    for ((rol, message), gevonden) in HERINNERINGEN.iter().zip(herinnering) {
        if gevonden {
            warn(&|| {
                (
                    format!("uurtarieven.{rol}"),
                    (*message).to_string(),
                    Some(format!(
                        "is dat nagegaan, schrijf het in [[financiering.nagegaan]] met \
                         rol = \"{rol}\" en een toelichting"
                    )),
                )
            });
        }
    }
}
