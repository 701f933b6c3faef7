//! Fuzz target: arbitrary bytes through everything a scenario file goes through in the binary.
//!
//! bytes -> UTF-8 check (as `read_input`) -> `scenario::parse_with` (with `--set` overrides taken
//! from leading `#set PATH=VALUE` comment lines, so the override code is fuzzed too) -> every
//! diagnostic rendered -> warnings -> `calc::evaluate` -> every command rendered in every format
//! (table, CSV, CSV-NL, JSON), explain, expectations and the batch/compare summaries.
//!
//! Besides "no panic, no hang", it checks the invariants that a wrong number would break:
//! every total is the sum of its rounded lines, `tapas + elders = totaal`, and the cost-covering
//! tariff covers the costs while one cent less does not. How to run: docs/fuzzing.md.

#![no_main]

use libfuzzer_sys::fuzz_target;
use patz_calc::calc::{self, cost::Financiering};
use patz_calc::render::{self, Format, Options};
use patz_calc::scenario::{self, Override};
use rust_decimal::Decimal;

fuzz_target!(|data: &[u8]| {
    // The binary refuses a file that is not UTF-8 before parsing; so do we.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let sets: Vec<Override> = text
        .lines()
        .take_while(|l| l.starts_with('#'))
        .filter_map(|l| l.strip_prefix("#set "))
        .filter_map(|arg| Override::parse(arg).ok())
        .collect();
    let s = match scenario::parse_with(text, &sets) {
        Ok(s) => s,
        Err(errors) => {
            assert!(!errors.is_empty(), "an invalid scenario must say why");
            for e in &errors {
                let _ = e.render("fuzz.toml");
            }
            return;
        }
    };
    for w in scenario::warnings(&s) {
        let _ = w.render("fuzz.toml");
    }
    let r = match calc::evaluate(&s) {
        Ok(r) => r,
        Err(e) => {
            // Exactly what the binary does with a calculation error.
            let _ = s.positie(e.path());
            let _ = e.to_string();
            return;
        }
    };
    check_invariants(&s, &r);

    for format in [Format::Table, Format::Csv, Format::Json] {
        for csv_nl in [false, true] {
            if csv_nl && format != Format::Csv {
                continue;
            }
            let opts = Options { format, csv_nl };
            let _ = render::cost(&s, &r.kosten, opts);
            let _ = render::offers(&s, &r.kosten, &r.aanbiedingen, opts);
            if let Some(impact) = &r.impact {
                let _ = render::impact(&s, impact, opts);
                if let Some(bc) = &r.businesscase {
                    let _ = render::business_case(&s, &r.kosten, impact, bc, opts);
                }
            }
            let filter = calc::explain::Filter::default();
            let mut lines = calc::explain::explain(&s, &r.kosten, r.impact.as_ref(), &filter);
            if let (Some(i), Some(bc)) = (&r.impact, &r.businesscase) {
                lines.extend(calc::explain::explain_saldo(i, bc, &filter));
            }
            let _ = render::explain(&s, &lines, opts);
            let variants = [
                render::summary::Variant {
                    bestand: "a.toml",
                    naam: &s.naam,
                    resultaat: &r,
                },
                render::summary::Variant {
                    bestand: "b.toml",
                    naam: &s.naam,
                    resultaat: &r,
                },
            ];
            let _ = render::summary::compare(&variants, 0, opts);
        }
    }
    for per_jaar in [false, true] {
        let rows = render::summary::rows(&["fuzz.toml".to_string()], &r, per_jaar);
        let _ = render::summary::csv_rows(&rows, false);
        let _ = render::summary::table(&["bestand"], &rows);
        for row in &rows {
            let _ = render::summary::json_row(&["bestand"], row);
        }
    }
    for u in calc::expectations::check(&s, &r.kosten, r.businesscase.as_ref()) {
        let _ = s.positie(&u.verwachting.path);
    }
});

/// SPEC.md "Numbers" and "Calculation": what must hold for every calculated scenario.
fn check_invariants(s: &scenario::Scenario, r: &calc::Resultaat) {
    let cent = Decimal::new(1, 2);
    let mut te_financieren = Decimal::ZERO;
    for j in &r.kosten.jaren {
        let mut totaal = Decimal::ZERO;
        let mut elders = Decimal::ZERO;
        for regel in &j.regels {
            assert_eq!(regel.bedrag, regel.bedrag.round_dp(2), "line not in cents");
            totaal += regel.bedrag;
            if regel.financiering == Financiering::Elders {
                elders += regel.bedrag;
            }
        }
        let t = &j.totalen;
        assert_eq!(t.kosten_totaal, totaal, "{}: total is not the sum", j.jaar);
        assert_eq!(t.elders_gefinancierd, elders, "{}: elders", j.jaar);
        assert_eq!(
            t.te_financieren + elders,
            totaal,
            "{}: tapas + elders",
            j.jaar
        );
        assert!(t.kostendekkend_tarief * s.verzekerden >= t.te_financieren);
        if t.kostendekkend_tarief > Decimal::ZERO {
            assert!((t.kostendekkend_tarief - cent) * s.verzekerden < t.te_financieren);
        }
        te_financieren += t.te_financieren;
    }
    assert_eq!(r.kosten.totaal.te_financieren, te_financieren);
    let tarief = r.kosten.totaal.kostendekkend_tarief;
    let verzekerde_jaren = s.verzekerden * Decimal::from(s.looptijd_jaren);
    assert!(tarief * verzekerde_jaren >= te_financieren);
    if tarief > Decimal::ZERO {
        assert!((tarief - cent) * verzekerde_jaren < te_financieren);
    }
}
