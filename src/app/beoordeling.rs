//! What became of one scenario file: read, validated, calculated, with its warnings, errors and
//! missed expectations as messages (not printed), so that files can be assessed in parallel
//! and reported in order. Reads the file; prints nothing.

use std::path::Path;

use patz_calc::calc::{self, CalcError};
use patz_calc::decimal;
use patz_calc::scenario::{self, Diagnostic, Grootheid, Override, Pos, Scenario, Severity};

use super::invoer::{self, getoond};
use super::rapport::{Fout, Melding};

/// One scenario file, assessed.
pub(crate) struct Assessment {
    pub(crate) outcome: Option<(Scenario, calc::Resultaat)>,
    /// The warnings, when [`Need::warnings`]; else empty.
    pub(crate) warnings: Vec<Melding>,
    /// How many warnings there are.
    pub(crate) warning_count: usize,
    pub(crate) errors: Vec<Melding>,
}

/// What a command needs of each scenario.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Need {
    /// Every cost line; else only the totals (for summary rows).
    pub(crate) lines: bool,
    /// The warnings themselves; else only how many there are.
    pub(crate) warnings: bool,
}

impl Need {
    /// Everything.
    pub(crate) const ALL: Need = Need {
        lines: true,
        warnings: true,
    };
}

/// Reads and assesses the scenario file `file`.
pub(crate) fn assess(file: &Path, sets: &[Override], need: Need) -> Assessment {
    let name = getoond(file);
    match invoer::lees_tekst(file, &invoer::SCENARIO) {
        Ok(text) => assess_text(&name, &text, sets, need),
        Err(e) => Assessment {
            outcome: None,
            warnings: Vec::new(),
            warning_count: 0,
            errors: vec![e.melding(&name)],
        },
    }
}

/// `name: N fout(en) gevonden; er is niets berekend`.
fn footer(name: &str, n: usize) -> Melding {
    Melding::regel(format!(
        "{name}: {n} {} gevonden; er is niets berekend",
        if n == 1 { "fout" } else { "fouten" }
    ))
}

/// Assesses a scenario's text (shown as `name` in messages).
pub(crate) fn assess_text(name: &str, text: &str, sets: &[Override], need: Need) -> Assessment {
    let s = match scenario::parse_with(text, sets) {
        Err(errors) => {
            let mut lines: Vec<Melding> =
                errors.iter().map(|e| Melding::diagnose(e, name)).collect();
            lines.push(footer(name, errors.len()));
            return Assessment {
                outcome: None,
                warnings: Vec::new(),
                warning_count: 0,
                errors: lines,
            };
        }
        Ok(s) => s,
    };
    let (warnings, warning_count) = if need.warnings {
        let w: Vec<Melding> = scenario::warnings(&s)
            .iter()
            .map(|w| Melding::diagnose(w, name))
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
        Err(e) => Assessment {
            errors: vec![calc_fout(name, &s, &e), footer(name, 1)],
            outcome: None,
            warnings,
            warning_count,
        },
    }
}

/// A calculation that cannot be carried out (a value too large), as a scenario error.
pub(crate) fn calc_fout(name: &str, s: &Scenario, e: &CalcError) -> Melding {
    let d = Diagnostic {
        severity: Severity::Fout,
        pos: s.positie(e.path()).unwrap_or(Pos { line: 1, column: 1 }),
        path: e.path().to_string(),
        message: e.to_string(),
        hint: Some(e.hint().into()),
    };
    Melding::diagnose(&d, name)
}

/// The impact results, or the usage error of a command that needs an `[impact]` section.
pub(crate) fn needs_impact<'r>(
    file: &Path,
    impact: Option<&'r calc::impact::ImpactResultaat>,
) -> Result<&'r calc::impact::ImpactResultaat, Fout> {
    impact.ok_or_else(|| {
        Fout::ongeldig(
            Melding::regel(format!(
                "{}: fout: {}",
                getoond(file),
                calc::impact::GeenImpact
            ))
            .hint(
                "voeg [impact] met aandeel_kanker_percentage en de zes [[indicator]]-secties \
                 toe (zie patz-calc init voor een voorbeeld)",
            ),
        )
    })
}

/// One message per expectation of `s` that `r` does not meet.
pub(crate) fn missed_expectations(name: &str, s: &Scenario, r: &calc::Resultaat) -> Vec<Melding> {
    let mut out = Vec::new();
    for u in calc::expectations::check(s, &r.kosten, r.businesscase.as_ref()) {
        if u.gehaald {
            continue;
        }
        let v = u.verwachting;
        let pos = s.positie(&v.path).unwrap_or(Pos { line: 1, column: 1 });
        let show = |x: rust_decimal::Decimal| match v.grootheid {
            Grootheid::RoiPercentage => {
                format!("{} %", decimal::dutch(x.normalize(), x.normalize().scale()))
            }
            g if g.is_bedrag() => decimal::euro(x),
            _ => decimal::dutch(x.normalize(), x.normalize().scale()),
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
        out.push(Melding::regel(format!(
            "{name}:{}:{}: verwachting niet gehaald: {}: {} {jaar}: verwacht {}, {outcome}",
            pos.line,
            pos.column,
            v.path,
            v.grootheid.as_str(),
            bounds.join(" en ")
        )));
    }
    out
}
