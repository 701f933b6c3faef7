//! The questions of `init` on a terminal: the number of groups, the insurers with their
//! shares, the first year, the horizon and the verzekerden, each with the template's example as
//! the answer Enter gives. Asks only when stdin and stderr are both a terminal; questions and
//! their corrections go to stderr, so stdout stays clean. Does I/O.

use std::io::{self, BufRead, IsTerminal, Write};

use patz_calc::sjabloon::{Keuze, MAX_GROEPEN, lees_verzekeraars};

/// Asks every question and fills in `keuze`; does nothing off a terminal. End of input (Ctrl-D)
/// keeps the examples for the questions not yet answered.
pub(crate) fn stel(keuze: &mut Keuze) {
    if !(io::stdin().is_terminal() && io::stderr().is_terminal()) {
        return;
    }
    let mut input = io::stdin().lock();
    let mut err = io::stderr();
    let _ = writeln!(
        err,
        "Een paar vragen voor uw scenario (Enter kiest het voorbeeld tussen haken; alles is \
         daarna in het bestand aan te passen):"
    );
    let mut ask = |vraag: &str, voorbeeld: &str| -> Option<String> {
        let _ = write!(err, "  {vraag} [{voorbeeld}]: ");
        let _ = err.flush();
        let mut line = String::new();
        match input.read_line(&mut line) {
            Ok(0) | Err(_) => {
                let _ = writeln!(err);
                None
            }
            Ok(_) => Some(line.trim().to_string()),
        }
    };
    let mut err = io::stderr();
    let mut fout = |m: &str| {
        let _ = writeln!(err, "    {m}; probeer het nog eens");
    };
    // Each question until its answer is good, Enter (the example) or the end of input.
    macro_rules! vraag {
        ($vraag:expr, $voorbeeld:expr, $lees:expr) => {
            loop {
                match ask($vraag, $voorbeeld) {
                    None => return,
                    Some(a) if a.is_empty() => break None,
                    Some(a) => match $lees(&a) {
                        Ok(v) => break Some(v),
                        Err(m) => fout(&m),
                    },
                }
            }
        };
    }
    keuze.groepen = vraag!("Hoeveel PaTz-groepen heeft uw regio?", "2", |a: &str| {
        a.parse::<usize>()
            .ok()
            .filter(|n| (1..=MAX_GROEPEN).contains(n))
            .ok_or_else(|| format!("geef een heel getal van 1 tot en met {MAX_GROEPEN}"))
    });
    keuze.verzekeraars = vraag!(
        "Welke verzekeraars, met hun marktaandeel in %? (bijv. CZ=45,VGZ=30)",
        "Verzekeraar A=60,Verzekeraar B=30",
        lees_verzekeraars
    );
    keuze.startjaar = vraag!("Eerste jaar?", "2026", |a: &str| {
        a.parse::<i32>()
            .ok()
            .filter(|j| (1900..=2170).contains(j))
            .ok_or_else(|| "geef een jaartal van 1900 tot en met 2170".to_string())
    });
    keuze.looptijd = vraag!(
        "Hoeveel jaar? (TAPA$ duurt hoogstens 5 jaar)",
        "3",
        |a: &str| {
            a.parse::<u32>()
                .ok()
                .filter(|n| (1..=30).contains(n))
                .ok_or_else(|| "geef een heel getal van 1 tot en met 30".to_string())
        }
    );
    keuze.verzekerden = vraag!(
        "Hoeveel verzekerden (ingeschreven patiënten van de praktijken)?",
        "29330",
        |a: &str| {
            // A whole number: a point or space here separates thousands (29.330 = 29330).
            let digits: String = a
                .chars()
                .filter(|c| !matches!(c, '.' | '_' | ' '))
                .collect();
            digits
                .parse::<u64>()
                .ok()
                .filter(|n| (1..=100_000_000).contains(n))
                .ok_or_else(|| "geef een heel getal van 1 tot en met 100.000.000".to_string())
        }
    );
}
