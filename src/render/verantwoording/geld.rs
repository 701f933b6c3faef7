//! The money chapters of the yearly report: declared and paid out, and the settlement. Pure,
//! no I/O.

use rust_decimal::Decimal;

use super::{Blok, Geld, Hoofdstuk, Tabel};
use crate::calc::afrekening::{Afrekening, AfrekeningJaar};
use crate::decimal::{dutch, euro};
use crate::render::afrekening::{aanbod, post_label, soort, verzekeraar};
use crate::render::declaratie::{aantal, tarief};
use crate::scenario::Scenario;

/// Without counts: the chapter says what is missing.
pub(super) fn zonder() -> Hoofdstuk {
    Hoofdstuk {
        id: "declaratie",
        titel: "Declaratie en uitbetaling",
        blokken: vec![Blok::Alinea(
            "De verzekerden die de verzekeraars per kwartaal opgeven zijn voor dit verslag niet \
             aangeleverd; daarom staan de declaratie, de uitbetaling en de afrekening er niet in."
                .into(),
        )],
    }
}

/// A row of `n` cells: `eerste`, empty cells, and `laatste`.
fn totaalrij(eerste: &str, n: usize, laatste: String) -> Vec<String> {
    let mut rij = vec![eerste.to_string()];
    rij.extend(std::iter::repeat_n(String::new(), n.saturating_sub(2)));
    rij.push(laatste);
    rij
}

/// Per year and insurer what was declared, per quarter; and what was paid out.
pub(super) fn declaratie(s: &Scenario, g: Geld<'_>) -> Hoofdstuk {
    let mut blokken = Vec::new();
    for j in &g.afrekening.jaren {
        let mut aanbod_rijen: Vec<Vec<String>> = Vec::new();
        let mut kwartaal_rijen: Vec<Vec<String>> = Vec::new();
        for v in &j.verzekeraars {
            let mut kwartalen = ["–".to_string(), "–".into(), "–".into(), "–".into()];
            for r in g
                .declaratie
                .regels
                .iter()
                .filter(|r| r.verzekeraar == v.verzekeraar && r.periode.jaar == j.jaar)
            {
                let k = r.periode.kwartaal.unwrap_or(1).clamp(1, 4) as usize - 1;
                if let Some(slot) = kwartalen.get_mut(k) {
                    *slot = r.bedrag.map_or_else(|| "–".into(), euro);
                }
            }
            let naam = verzekeraar(s, v.verzekeraar).to_string();
            aanbod_rijen.push(vec![
                naam.clone(),
                aanbod(s, v.aanbod).unwrap_or("geen aanbod").to_string(),
                aantal(v.verzekerden),
                euro(v.gedeclareerd),
            ]);
            let mut rij = vec![naam];
            rij.extend(kwartalen);
            rij.push(euro(v.gedeclareerd));
            kwartaal_rijen.push(rij);
        }
        aanbod_rijen.push(totaalrij("Totaal", 4, euro(j.saldi.opbrengst)));
        kwartaal_rijen.push(totaalrij("Totaal", 6, euro(j.saldi.opbrengst)));
        blokken.push(Blok::Tabel(Tabel {
            titel: format!("{}: aanbod en gedeclareerd per verzekeraar", j.jaar),
            kop: vec![
                ("Verzekeraar", false),
                ("Aanbod", false),
                ("Verzekerden (kwartalen)", true),
                ("Gedeclareerd", true),
            ],
            rijen: aanbod_rijen,
            totaal: true,
        }));
        blokken.push(Blok::Tabel(Tabel {
            titel: format!("{}: gedeclareerd per verzekeraar en kwartaal", j.jaar),
            kop: vec![
                ("Verzekeraar", false),
                ("K1", true),
                ("K2", true),
                ("K3", true),
                ("K4", true),
                ("Jaar", true),
            ],
            rijen: kwartaal_rijen,
            totaal: true,
        }));
        blokken.push(Blok::Alinea(format!(
            "Uitbetaald aan de deelnemers over {}: {} (begroot {}).",
            j.jaar,
            euro(j.saldi.uitbetaald),
            euro(j.saldi.uitbetaald_begroot)
        )));
    }
    blokken.push(Blok::Noot(
        "Per kwartaal: tarief per verzekerde × verzekerden van dat kwartaal / 4, op centen \
         afgerond; met een plafond krijgen de kwartalen van een jaar op volgorde wat er onder het \
         plafond past. Verzekerden (kwartalen): de som van de kwartaaltellingen."
            .into(),
    ));
    Hoofdstuk {
        id: "declaratie",
        titel: "Declaratie en uitbetaling",
        blokken,
    }
}

/// A year's settlement: its costs planned and settled, its result, the result per insurer.
fn jaar_afrekening(s: &Scenario, j: &AfrekeningJaar, met_bijdragen: bool, blokken: &mut Vec<Blok>) {
    let x = &j.saldi;
    let rij = |label: String, b: Decimal, w: Decimal| vec![label, euro(b), euro(w), euro(w - b)];
    let mut rijen = vec![rij(
        "Uitbetaald aan deelnemers".into(),
        x.uitbetaald_begroot,
        x.uitbetaald,
    )];
    rijen.extend(
        j.posten
            .iter()
            .map(|p| rij(post_label(p), p.begroot, p.werkelijk)),
    );
    rijen.push(rij(
        "Overhead penvoerder".into(),
        x.overhead_begroot,
        x.overhead,
    ));
    rijen.push(rij("Kosten".into(), x.kosten_begroot, x.kosten));
    if met_bijdragen {
        for b in &j.bijdragen {
            let label = format!("Bijdrage: {} ({})", b.naam, b.financier);
            rijen.push(rij(label, -b.bedrag, -b.bedrag));
        }
        rijen.push(rij(
            "Te dragen door de verzekeraars".into(),
            x.kosten_begroot - x.bijdragen,
            x.kosten - x.bijdragen,
        ));
    }
    blokken.push(Blok::Tabel(Tabel {
        titel: format!("{}: kosten, begroot en afgerekend", j.jaar),
        kop: vec![
            ("Post", false),
            ("Begroot", true),
            ("Afgerekend", true),
            ("Verschil", true),
        ],
        rijen,
        totaal: true,
    }));
    let (bijdragen, te_dragen) = if met_bijdragen {
        (
            format!(" + bijdragen {}", euro(x.bijdragen)),
            format!("({} − {})", euro(x.kosten), euro(x.bijdragen)),
        )
    } else {
        (String::new(), euro(x.kosten))
    };
    let nacalculatie = match x.nacalculatie_tarief {
        Some(t) => format!(
            " Nacalculatie: {te_dragen} / {} verzekerdenjaren = {} per verzekerde per jaar.",
            dutch(x.verzekerdenjaren, 2),
            tarief(t)
        ),
        None => String::new(),
    };
    blokken.push(Blok::Alinea(format!(
        "Resultaat {}: opbrengst {}{bijdragen} − kosten {} = {} ({}).{nacalculatie}",
        j.jaar,
        euro(x.opbrengst),
        euro(x.kosten),
        euro(x.resultaat),
        soort(x.resultaat)
    )));
    let mut rijen: Vec<Vec<String>> = j
        .verzekeraars
        .iter()
        .map(|v| {
            vec![
                verzekeraar(s, v.verzekeraar).to_string(),
                euro(v.gedeclareerd),
                v.aandeel_resultaat.map_or_else(|| "–".into(), euro),
            ]
        })
        .collect();
    rijen.push(vec!["Totaal".into(), euro(x.opbrengst), euro(x.resultaat)]);
    blokken.push(Blok::Tabel(Tabel {
        titel: format!("{}: resultaat per verzekeraar", j.jaar),
        kop: vec![
            ("Verzekeraar", false),
            ("Gedeclareerd", true),
            ("Aandeel in het resultaat", true),
        ],
        rijen,
        totaal: true,
    }));
}

/// The settled years side by side, with their total.
fn over_de_jaren(a: &Afrekening, met_bijdragen: bool) -> Blok {
    let rijen: Vec<Vec<String>> = a
        .jaren
        .iter()
        .map(|j| (j.jaar.to_string(), &j.saldi))
        .chain(std::iter::once(("Totaal".to_string(), &a.totaal)))
        .map(|(label, x)| {
            let mut rij = vec![label, euro(x.opbrengst)];
            if met_bijdragen {
                rij.push(euro(x.bijdragen));
            }
            rij.extend([
                euro(x.kosten),
                euro(x.resultaat),
                x.nacalculatie_tarief.map_or_else(|| "–".into(), tarief),
            ]);
            rij
        })
        .collect();
    let mut kop = vec![("Jaar", false), ("Opbrengst", true)];
    if met_bijdragen {
        kop.push(("Bijdragen", true));
    }
    kop.extend([
        ("Kosten", true),
        ("Resultaat", true),
        ("Nacalculatie tarief", true),
    ]);
    Blok::Tabel(Tabel {
        titel: "Over de afgerekende jaren".into(),
        kop,
        rijen,
        totaal: true,
    })
}

/// The settlement per year and over the years.
pub(super) fn afrekening(s: &Scenario, a: &Afrekening) -> Hoofdstuk {
    let mut blokken = Vec::new();
    // Contributions from other sources lower what the insurers carry (as `settle` shows them).
    let met_bijdragen = !s.bijdragen.is_empty();
    for j in &a.jaren {
        jaar_afrekening(s, j, met_bijdragen, &mut blokken);
    }
    if a.jaren.len() > 1 {
        blokken.push(over_de_jaren(a, met_bijdragen));
    }
    blokken.push(Blok::Noot(if met_bijdragen {
        "Bijdragen uit andere bronnen verlagen wat de verzekeraars moeten dragen: resultaat = \
         opbrengst + bijdragen − kosten. Het resultaat wordt verdeeld naar wat aan elke \
         verzekeraar is gedeclareerd, in hele centen die precies optellen tot het resultaat. \
         Nacalculatie: het tarief per verzekerde dat de werkelijke kosten min de bijdragen op de \
         werkelijke aantallen had gedekt, naar boven afgerond op de cent."
            .into()
    } else {
        "Het resultaat (opbrengst min kosten) wordt verdeeld naar wat aan elke verzekeraar is \
         gedeclareerd, in hele centen die precies optellen tot het resultaat. Nacalculatie: het \
         tarief per verzekerde dat de werkelijke kosten op de werkelijke aantallen had gedekt, \
         naar boven afgerond op de cent."
            .into()
    }));
    Hoofdstuk {
        id: "afrekening",
        titel: "Afrekening",
        blokken,
    }
}
