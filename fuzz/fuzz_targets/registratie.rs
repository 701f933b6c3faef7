//! Fuzz target: arbitrary bytes through the monitoring CSV readers (`src/registratie/`).
//!
//! The first byte chooses the reader (bit 0 clear: held meetings, set: observed indicators)
//! and the scenario (bit 1 clear: the shipped `scenarios/grote-regio.toml`, 10 groups, three
//! roles, impact, 2026–2028; set: [`CAFE`], whose group names need NFC to match, "Café"
//! precomposed and "Zuid " with a trailing space); the rest is the file, refused when it is not
//! UTF-8 as the binary does. Besides "no panic, no hang", a successful read must only hold
//! what the readers promise, a refused file must say why within the bound of shown errors, and
//! no message may hold a control character from the file (issue 12 item 6). How to run:
//! docs/fuzzing.md.

#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use patz_calc::registratie::{self, Fouten, MAX_DUUR_UREN, MAX_FOUTEN};
use patz_calc::scenario::{self, Scenario};
use rust_decimal::Decimal;

/// A small scenario whose names test the comparison in NFC and the keeping of spaces.
const CAFE: &str = "formaat = 1\n\n[scenario]\nnaam = \"Café\"\nstartjaar = 2026\n\
looptijd_jaren = 2\nverzekerden = 10000\n\n[uurtarieven]\nhuisarts = 100\n\
wijkverpleegkundige = 80\n\n[werkwijze]\nbijeenkomsten_per_jaar = 6\nduur_uren = 1.5\n\
patienten_per_jaar = 10\n\n[[groep]]\nnaam = \"Caf\u{e9} Noord\"\n\
deelnemers = { huisarts = 5, wijkverpleegkundige = 2 }\n\n[[groep]]\nnaam = \"Zuid \"\n\
deelnemers = { huisarts = 4, wijkverpleegkundige = 2 }\n";

fn scenarios() -> &'static [Scenario; 2] {
    static S: OnceLock<[Scenario; 2]> = OnceLock::new();
    S.get_or_init(|| {
        let parse = |text: &str| {
            scenario::parse(text).unwrap_or_else(|_| panic!("the fuzz scenarios must be valid"))
        };
        [
            parse(include_str!("../../scenarios/grote-regio.toml")),
            parse(CAFE),
        ]
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let s = &scenarios()[usize::from(which & 2 != 0)];
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
            Err(fouten) => refused(&fouten, "bijeenkomsten.csv"),
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
            Err(fouten) => refused(&fouten, "indicatoren.csv"),
        }
    }
});

/// A refused file: at least one problem, at most [`MAX_FOUTEN`] shown, the count adds up, and
/// every line printed is free of control characters but the line end.
fn refused(fouten: &Fouten, file: &str) {
    assert!(fouten.aantal() > 0, "a refused file must say why");
    assert!(fouten.eerste().len() <= MAX_FOUTEN);
    assert!(fouten.verder() == 0 || fouten.eerste().len() == MAX_FOUTEN);
    for line in fouten.regels(file) {
        if let Some(c) = line.chars().find(|&c| c.is_control() && c != '\n') {
            panic!("a message holds control character {c:?}: {line:?}");
        }
    }
}
