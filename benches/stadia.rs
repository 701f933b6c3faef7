//! In-process figures per stage of `batch`, on 200 generated scenarios (the same generator as
//! `bench/run.sh`): parsing with the `toml` crate alone (the floor), reading and checking a
//! scenario, the calculation with and without the cost lines, the warnings; and `business-case`
//! on the large example. Whole-process figures come from `bench/run.sh`.
//!
//! `cargo bench --bench stadia`

use patz_calc::{calc, scenario};

#[path = "../bench/genereer.rs"]
mod genereer;

fn main() {
    divan::main();
}

/// The scenario texts, generated once.
fn teksten() -> &'static [String] {
    static TEKSTEN: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    TEKSTEN.get_or_init(|| {
        let mut rng = genereer::Rng(42);
        (0..200).map(|i| genereer::scenario(&mut rng, i)).collect()
    })
}

/// The scenarios, read once.
fn scenarios() -> &'static [scenario::Scenario] {
    static SCENARIOS: std::sync::OnceLock<Vec<scenario::Scenario>> = std::sync::OnceLock::new();
    SCENARIOS.get_or_init(|| {
        teksten()
            .iter()
            .filter_map(|t| scenario::parse(t).ok())
            .collect()
    })
}

/// The floor: the `toml` crate's parse of each text, nothing more.
#[divan::bench]
fn toml_parse() -> usize {
    teksten()
        .iter()
        .filter_map(|t| toml::de::DeTable::parse(t).ok())
        .map(|t| t.get_ref().len())
        .sum()
}

/// Parse, check and turn into a `Scenario` (what `check` does).
#[divan::bench]
fn lezen_en_controleren() -> usize {
    teksten()
        .iter()
        .filter_map(|t| scenario::parse(t).ok())
        .map(|s| s.groepen.len())
        .sum()
}

/// The warnings of each scenario.
#[divan::bench]
fn waarschuwingen() -> usize {
    scenarios()
        .iter()
        .map(|s| scenario::warnings(s).len())
        .sum()
}

/// Everything `batch` reports: totals, impact, offers, businesscase, without the cost lines.
#[divan::bench]
fn rekenen_totalen() -> usize {
    rekenen(calc::evaluate_totals)
}

/// The same with every cost line (what `cost` and `business-case` calculate).
#[divan::bench]
fn rekenen_met_regels() -> usize {
    rekenen(calc::evaluate)
}

/// Calculates every scenario with `evaluate`; the number of years, so nothing is optimised away.
fn rekenen(evaluate: fn(&scenario::Scenario) -> Result<calc::Resultaat, calc::CalcError>) -> usize {
    scenarios()
        .iter()
        .filter_map(|s| evaluate(s).ok())
        .map(|r| r.kosten.jaren.len())
        .sum()
}

/// `business-case` on the large example, read and calculated.
#[divan::bench]
fn grote_regio() -> Option<usize> {
    let tekst = include_str!("../scenarios/grote-regio.toml");
    let s = scenario::parse(tekst).ok()?;
    calc::evaluate(&s).ok().map(|r| r.kosten.jaren.len())
}
