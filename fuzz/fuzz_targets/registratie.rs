//! Fuzz target: arbitrary bytes through the monitoring CSV readers (`src/registratie.rs`).
//!
//! The first byte chooses the reader (even: held meetings, odd: observed indicators); the rest
//! is the file, refused when it is not UTF-8 as the binary does. The scenario is the shipped
//! `scenarios/grote-regio.toml` (10 groups, three roles, impact, 2026–2028). Besides "no panic,
//! no hang", a successful read must only hold what the readers promise. How to run:
//! docs/fuzzing.md.

#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use patz_calc::registratie::{self, MAX_DUUR_UREN};
use patz_calc::scenario::{self, Scenario};
use rust_decimal::Decimal;

fn scenario() -> &'static Scenario {
    static S: OnceLock<Scenario> = OnceLock::new();
    S.get_or_init(|| {
        scenario::parse(include_str!("../../scenarios/grote-regio.toml"))
            .unwrap_or_else(|_| panic!("the shipped scenario must be valid"))
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let s = scenario();
    if which % 2 == 0 {
        match registratie::read_bijeenkomsten(text, s) {
            Ok(list) => {
                for b in &list {
                    assert!(b.groep < s.groepen.len());
                    assert_eq!(b.aanwezig.len(), s.uurtarieven.len());
                    assert!(b.duur_uren > Decimal::ZERO);
                    assert!(b.duur_uren <= Decimal::from(MAX_DUUR_UREN));
                    assert!(s.jaren().any(|y| y == b.datum.jaar));
                    let _ = (b.datum.kwartaal(), b.datum.to_string());
                    for u in &s.uurtarieven {
                        let _ = b.aanwezig(s, &u.rol);
                    }
                }
            }
            Err(errors) => {
                assert!(!errors.is_empty(), "a refused file must say why");
                for e in &errors {
                    let _ = e.render("bijeenkomsten.csv");
                }
            }
        }
    } else {
        match registratie::read_indicatoren(text, s) {
            Ok(list) => {
                for w in &list {
                    assert!(w.gevallen <= w.overleden_patienten);
                    assert!(w.overleden_patienten > 0);
                    assert!(s.jaren().any(|y| y == w.jaar));
                }
            }
            Err(errors) => {
                assert!(!errors.is_empty(), "a refused file must say why");
                for e in &errors {
                    let _ = e.render("indicatoren.csv");
                }
            }
        }
    }
});
