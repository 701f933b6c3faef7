//! Fuzz target: arbitrary bytes through everything a scenario file goes through in the binary.
//!
//! bytes -> UTF-8 check (as `read_input`) -> `scenario::parse_with` (with `--set` overrides taken
//! from leading comment lines, so the override code is fuzzed too) -> every diagnostic rendered
//! -> warnings -> `calc::evaluate` -> every command rendered in every format (table, CSV, CSV-NL,
//! JSON), explain, expectations and the batch/compare summaries.
//!
//! Leading comment lines the target reads (the rest of the file is the scenario, unchanged):
//! - `#set PAD=WAARDE`: `--set PAD=WAARDE`, with `\xHH`, `\u{H…}`, `\n`, `\r`, `\t` and `\\`
//!   in WAARDE decoded, so that a value can hold ESC, BEL, a newline, a C1 control or a
//!   combining accent (NFD) while the comment itself stays valid TOML;
//! - `#groot PAD=K`: `--set PAD=` the K-th value of [`GROOT`] (K modulo its length): values at,
//!   just past and far past the documented input bounds and the 10^12 limit of an amount.
//!
//! Besides "no panic, no hang", it checks the invariants that a wrong number would break:
//! every total is the sum of its rounded lines, `tapas + elders = totaal`, and the cost-covering
//! tariff covers the costs while one cent less does not; that no rendered output holds a
//! control character (other than the line ends), and that an accepted scenario's names hold
//! none. How to run: docs/fuzzing.md.

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
        .filter_map(directive)
        .filter_map(|arg| Override::parse(&arg).ok())
        .collect();
    let s = match scenario::parse_with(text, &sets) {
        Ok(s) => s,
        Err(errors) => {
            assert!(!errors.is_empty(), "an invalid scenario must say why");
            for e in &errors {
                // The binary escapes control characters when it prints a message
                // (src/app), not in `render`; so only the output below is checked.
                let _ = e.render("fuzz.toml");
            }
            return;
        }
    };
    check_names(&s);
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
            shown(render::cost(&s, &r.kosten, opts));
            shown(render::offers(&s, &r.kosten, &r.aanbiedingen, opts));
            if let Some(impact) = &r.impact {
                shown(render::impact(&s, impact, opts));
                if let Some(bc) = &r.businesscase {
                    shown(render::business_case(&s, &r.kosten, impact, bc, opts));
                }
            }
            let filter = calc::explain::Filter::default();
            let mut lines = calc::explain::explain(&s, &r.kosten, r.impact.as_ref(), &filter);
            if let (Some(i), Some(bc)) = (&r.impact, &r.businesscase) {
                lines.extend(calc::explain::explain_saldo(i, bc, &filter));
            }
            shown(render::explain(&s, &lines, opts));
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
            shown(render::summary::compare(&variants, 0, opts));
        }
    }
    for per_jaar in [false, true] {
        let rows = render::summary::rows(&["fuzz.toml".to_string()], &r, per_jaar);
        shown(render::summary::csv_rows(&rows, false));
        shown(render::summary::table(&["bestand"], &rows));
        for row in &rows {
            let _ = render::summary::json_row(&["bestand"], row);
        }
    }
    for u in calc::expectations::check(&s, &r.kosten, r.businesscase.as_ref()) {
        let _ = s.positie(&u.verwachting.path);
    }
});

/// Values for `#groot PAD=K`: the documented bounds (COMMON.md's table: € 10.000 an hour,
/// € 100.000.000 an amount, € 1.000 a tariff, 24 / 100 / 8.760 / 100.000 hours, 365 meetings,
/// 1.000 participants, 100.000.000 insured), a step past each, the 10^12 limit of a produced
/// amount, the band where `simulate` used to panic, and the extremes of a 96-bit decimal.
const GROOT: &[&str] = &[
    "10000",
    "10000.01",
    "100000000",
    "100000000.005",
    "1000",
    "1000.001",
    "24",
    "24.0001",
    "100",
    "100.5",
    "8760",
    "8761",
    "100000",
    "100001",
    "365",
    "366",
    "1001",
    "100000001",
    "1000000000000",
    "999999999999.995",
    "1000000000000.01",
    "2195312500",
    "9223372036854775807",
    "18446744073709551616",
    "79228162514264337593543950335",
    "7922816251426433759354395033.5",
    "0.0000000000000000000000000001",
    "1000000000000000000000044.665",
    "-0.005",
    "-79228162514264337593543950335",
];

/// One leading comment line as a `--set` argument: `#set PAD=WAARDE` with its escapes decoded,
/// `#groot PAD=K` with the K-th value of [`GROOT`]; `None` for any other comment.
fn directive(line: &str) -> Option<String> {
    if let Some(arg) = line.strip_prefix("#set ") {
        return Some(unescape(arg));
    }
    let (path, k) = line.strip_prefix("#groot ")?.split_once('=')?;
    let k: usize = k.trim().parse().ok()?;
    Some(format!("{path}={}", GROOT[k % GROOT.len()]))
}

/// `\xHH` (as the code point U+00HH), `\u{H…}`, `\n`, `\r`, `\t` and `\\` decoded; any other
/// backslash kept as written.
fn unescape(arg: &str) -> String {
    let mut out = String::with_capacity(arg.len());
    let mut rest = arg;
    while let Some(i) = rest.find('\\') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let (c, used) = if let Some(hex) = after.strip_prefix('x') {
            let h = hex.get(..2).and_then(|h| u32::from_str_radix(h, 16).ok());
            (h.and_then(char::from_u32), 3)
        } else if let Some(body) = after.strip_prefix("u{") {
            match body.find('}') {
                Some(end) => (
                    u32::from_str_radix(&body[..end], 16)
                        .ok()
                        .and_then(char::from_u32),
                    end + 3,
                ),
                None => (None, 0),
            }
        } else if let Some(c) = after.chars().next().and_then(|c| match c {
            '\\' => Some('\\'),
            'n' => Some('\n'),
            'r' => Some('\r'),
            't' => Some('\t'),
            _ => None,
        }) {
            (Some(c), 1)
        } else {
            (None, 0)
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &after[used..];
            }
            None => {
                out.push('\\');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Issue 12 item 6: what the program prints never holds a control character (ESC, BEL, C1, …)
/// that came from the input; names are refused at read time and messages escape them. Line
/// ends are allowed, and a carriage return in output (CSV ends its records with CR LF).
fn schoon(text: &str, what: &str, output: bool) {
    if let Some((at, c)) = text
        .char_indices()
        .find(|&(_, c)| c.is_control() && c != '\n' && !(output && c == '\r'))
    {
        panic!("{what} holds control character {c:?} at byte {at}: {text:?}");
    }
}

/// A rendered command's output: UTF-8, no control characters but the line ends.
fn shown(out: impl AsRef<[u8]>) {
    match std::str::from_utf8(out.as_ref()) {
        Ok(text) => schoon(text, "rendered output", true),
        Err(e) => panic!("rendered output is not UTF-8: {e}"),
    }
}

/// The names and labels of an accepted scenario: no control characters, at most 200 characters
/// (a `bron` 2.000), and no two groups or insurers that are the same name in NFC.
fn check_names(s: &scenario::Scenario) {
    let mut names: Vec<(&str, usize)> = vec![(&s.naam, 200)];
    names.extend(s.regio.as_deref().map(|r| (r, 200)));
    names.extend(s.groepen.iter().map(|g| (g.naam.as_str(), 200)));
    names.extend(s.verzekeraars.iter().map(|v| (v.naam.as_str(), 200)));
    names.extend(s.aanbiedingen.iter().map(|a| (a.label.as_str(), 200)));
    if let Some(i) = &s.impact {
        names.extend(i.indicatoren.iter().map(|i| (i.bron.as_str(), 2000)));
    }
    for (name, max) in names {
        assert!(
            patz_calc::naam::stuurteken(name).is_none(),
            "accepted a name with a control character: {name:?}"
        );
        assert!(
            name.chars().count() <= max,
            "accepted a name over {max} characters"
        );
    }
    for list in [
        s.groepen
            .iter()
            .map(|g| g.naam.as_str())
            .collect::<Vec<_>>(),
        s.verzekeraars.iter().map(|v| v.naam.as_str()).collect(),
    ] {
        for (i, a) in list.iter().enumerate() {
            for b in &list[i + 1..] {
                assert!(
                    !patz_calc::naam::zelfde(a, b),
                    "two names that are one: {a:?} {b:?}"
                );
            }
        }
    }
}

/// docs/rekenregels.md and "Calculation": what must hold for every calculated scenario.
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
