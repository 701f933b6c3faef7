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
fn find(s: &Scenario, warn: &mut dyn FnMut(Woorden<'_>)) {
    let mut consulent_via_tapas = false;
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
        } else if !s.is_elders_gefinancierd("consulent") {
            consulent_via_tapas = true;
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
        let ms_lines = g.aantal(ms) > 0
            || (&*g.werkwijze.voorzitter_rol == ms && !g.werkwijze.voorzitter_uren.is_zero())
            || (&*g.werkwijze.coordinatie_rol == ms
                && !g.werkwijze.coordinatie_uren_per_patient.is_zero());
        let first = g
            .start
            .max(s.startjaar)
            .max(MEDISCH_SPECIALIST_EIGEN_TITEL_VANAF);
        if ms_lines && !s.is_elders_gefinancierd(ms) && first <= s.eindjaar() {
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
            Some("wordt de consulent elders betaald, zet \"consulent\" in [financiering] elders_gefinancierd".into()))
        });
    }
}
