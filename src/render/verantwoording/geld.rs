//! The money chapters of the yearly report: declared and paid out, and the settlement. Pure,
//! no I/O.

use super::{Geld, alinea, hoofdstuk, noot, tabel};
use crate::calc::afrekening::Afrekening;
use crate::decimal::{dutch, euro};
use crate::render::afrekening::{aanbod, post_label, soort, verzekeraar};
use crate::render::declaratie::{aantal, tarief};
use crate::scenario::Scenario;

/// Without counts: the chapters say what is missing.
pub(super) fn zonder(out: &mut String) {
    hoofdstuk(out, "declaratie", "Declaratie en uitbetaling");
    alinea(
        out,
        "Niet opgegeven: geef de verzekerden die de verzekeraars per kwartaal opgeven mee met \
         --verzekerden om hier de declaratie, de uitbetaling en de afrekening te tonen.",
    );
    out.push_str("</section>\n");
}

/// Per year and insurer what was declared, per quarter; and what was paid out.
pub(super) fn declaratie(out: &mut String, s: &Scenario, g: Geld<'_>) {
    hoofdstuk(out, "declaratie", "Declaratie en uitbetaling");
    for j in &g.afrekening.jaren {
        let mut rijen: Vec<Vec<String>> = Vec::new();
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
            let mut rij = vec![
                verzekeraar(s, v.verzekeraar).to_string(),
                aanbod(s, v.aanbod).unwrap_or("geen aanbod").to_string(),
                aantal(v.verzekerden),
            ];
            rij.extend(kwartalen);
            rij.push(euro(v.gedeclareerd));
            rijen.push(rij);
        }
        rijen.push(vec![
            "Totaal".into(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            euro(j.saldi.opbrengst),
        ]);
        tabel(
            out,
            &format!("{}: gedeclareerd per verzekeraar en kwartaal", j.jaar),
            &[
                ("Verzekeraar", false),
                ("Aanbod", false),
                ("Verzekerden (kwartalen)", true),
                ("K1", true),
                ("K2", true),
                ("K3", true),
                ("K4", true),
                ("Jaar", true),
            ],
            &rijen,
            true,
        );
        alinea(
            out,
            &format!(
                "Uitbetaald aan de deelnemers over {}: {} (begroot {}).",
                j.jaar,
                euro(j.saldi.uitbetaald),
                euro(j.saldi.uitbetaald_begroot)
            ),
        );
    }
    noot(
        out,
        "Per kwartaal: tarief per verzekerde × verzekerden van dat kwartaal / 4, op centen \
         afgerond; met een plafond krijgen de kwartalen van een jaar op volgorde wat er onder het \
         plafond past. Verzekerden (kwartalen): de som van de kwartaaltellingen.",
    );
    out.push_str("</section>\n");
}

/// The settlement per year and over the years.
pub(super) fn afrekening(out: &mut String, s: &Scenario, a: &Afrekening) {
    hoofdstuk(out, "afrekening", "Afrekening");
    for j in &a.jaren {
        let x = &j.saldi;
        let rij = |label: String, b: rust_decimal::Decimal, w: rust_decimal::Decimal| {
            vec![label, euro(b), euro(w), euro(w - b)]
        };
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
        tabel(
            out,
            &format!("{}: kosten, begroot en afgerekend", j.jaar),
            &[
                ("Post", false),
                ("Begroot", true),
                ("Afgerekend", true),
                ("Verschil", true),
            ],
            &rijen,
            true,
        );
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
        tabel(
            out,
            &format!("{}: resultaat per verzekeraar", j.jaar),
            &[
                ("Verzekeraar", false),
                ("Gedeclareerd", true),
                ("Aandeel in het resultaat", true),
            ],
            &rijen,
            true,
        );
        let nacalculatie = match x.nacalculatie_tarief {
            Some(t) => format!(
                " Nacalculatie: {} / {} verzekerdenjaren = {} per verzekerde per jaar.",
                euro(x.kosten),
                dutch(x.verzekerdenjaren, 2),
                tarief(t)
            ),
            None => String::new(),
        };
        alinea(
            out,
            &format!(
                "Resultaat {}: opbrengst {} − kosten {} = {} ({}).{nacalculatie}",
                j.jaar,
                euro(x.opbrengst),
                euro(x.kosten),
                euro(x.resultaat),
                soort(x.resultaat)
            ),
        );
    }
    if a.jaren.len() > 1 {
        let rijen: Vec<Vec<String>> = a
            .jaren
            .iter()
            .map(|j| (j.jaar.to_string(), &j.saldi))
            .chain(std::iter::once(("Totaal".to_string(), &a.totaal)))
            .map(|(label, x)| {
                vec![
                    label,
                    euro(x.opbrengst),
                    euro(x.kosten),
                    euro(x.resultaat),
                    x.nacalculatie_tarief.map_or_else(|| "–".into(), tarief),
                ]
            })
            .collect();
        tabel(
            out,
            "Over de afgerekende jaren",
            &[
                ("Jaar", false),
                ("Opbrengst", true),
                ("Kosten", true),
                ("Resultaat", true),
                ("Nacalculatie tarief", true),
            ],
            &rijen,
            true,
        );
    }
    noot(
        out,
        "Het resultaat (opbrengst min kosten) wordt verdeeld naar wat aan elke verzekeraar is \
         gedeclareerd, in hele centen die precies optellen tot het resultaat. Nacalculatie: het \
         tarief per verzekerde dat de werkelijke kosten op de werkelijke aantallen had gedekt, \
         naar boven afgerond op de cent.",
    );
    out.push_str("</section>\n");
}
