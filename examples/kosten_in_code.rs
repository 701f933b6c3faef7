//! Builds a scenario in code (no file) and prints its costs per year through the library API.
//!
//! Run with `cargo run --example kosten_in_code`.

use patz_calc::calc::cost;
use patz_calc::decimal::euro;
use patz_calc::scenario::{Groep, Ondersteuning, Scenario, Uurtarief, Werkwijze};
use rust_decimal::Decimal;

fn main() -> anyhow::Result<()> {
    let uurtarief = |rol: &str, cents: i64| Uurtarief {
        rol: rol.into(),
        bedrag: Decimal::new(cents, 2),
    };
    let werkwijze = Werkwijze {
        bijeenkomsten_per_jaar: 6,
        duur_uren: Decimal::new(15, 1),
        voorbereiding_uren: Decimal::new(5, 1),
        reistijd_uren: Decimal::new(25, 2),
        voorzitter_rol: "huisarts".into(),
        voorzitter_uren: Decimal::ONE,
        coordinatie_rol: "huisarts".into(),
        coordinatie_uren_per_patient: Decimal::new(5, 1),
        telefonische_ondersteuning_uren: Decimal::from(8),
        patienten_per_jaar: Decimal::from(12),
    };
    let scenario = Scenario {
        naam: "Regio in code".into(),
        startjaar: 2026,
        looptijd_jaren: 2,
        verzekerden: Decimal::from(250_000),
        uurtarieven: vec![
            uurtarief("huisarts", 11600),
            uurtarief("wijkverpleegkundige", 7150),
            uurtarief("consulent", 12500),
        ],
        groepen: vec![Groep {
            naam: "Delft Noord".into(),
            deelnemers: vec![
                ("huisarts".into(), 6),
                ("wijkverpleegkundige".into(), 3),
                ("consulent".into(), 1),
            ],
            start: 2026,
            nieuw: true,
            werkwijze,
            eigen: Vec::new(),
        }],
        ondersteuning: Ondersteuning {
            ict_per_groep: Decimal::from(450),
            startkosten_per_nieuwe_groep: Decimal::from(1500),
            overhead_percentage: Decimal::from(5),
            ..Ondersteuning::default()
        },
        indexatie_percentage: Decimal::from(3),
        ..Scenario::default()
    };

    let kosten = cost::evaluate(&scenario)?;
    for jaar in &kosten.jaren {
        println!("{}", jaar.jaar);
        for regel in &jaar.regels {
            println!(
                "  {:<28} {:<20} {:>14}",
                regel.post.as_str(),
                regel.rol.as_deref().unwrap_or(""),
                euro(regel.bedrag)
            );
        }
        println!(
            "  te financieren {} · kostendekkend tarief {} per verzekerde",
            euro(jaar.totalen.te_financieren),
            euro(jaar.totalen.kostendekkend_tarief)
        );
    }
    Ok(())
}
