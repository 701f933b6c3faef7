//! The chapter Geschatte kosten: the costs per post, role and group (the subtotals of
//! [`crate::calc::overzicht`]), the inputs of the support lines, and two charts. Pure, no I/O.

use rust_decimal::Decimal;

use crate::calc::cost::Kosten;
use crate::calc::overzicht::overzicht;
use crate::scenario::{KostenpostPer, Scenario};

use super::opmaak::{
    Rij, einde, esc, euro_invoer, getal, hoofdstuk, invoer, jaartabel, procent, subtotaal_rij,
    tabel, th_attr, th_row, totaal_rij, zoals_gegeven,
};
use crate::render::grafiek::{self, kleur_blokje, rol_label};

pub(super) fn kosten(out: &mut String, s: &Scenario, k: &Kosten) {
    hoofdstuk(out, "kosten", "Geschatte kosten");
    let jaren: Vec<i32> = k.jaren.iter().map(|j| j.jaar).collect();
    let mut intro = String::from(
        "<p>Alle bedragen in euro, per regel op hele centen afgerond; elk totaal is de som van de \
         afgeronde regels. ",
    );
    if !s.indexatie_percentage.is_zero() {
        intro.push_str(&format!(
            "Bedragen stijgen met {} per jaar (samengesteld) vanaf {}. ",
            getal(
                &procent(s.indexatie_percentage),
                &invoer("indexatie.kosten_percentage_per_jaar")
            ),
            s.startjaar
        ));
    }
    intro.push_str(
        "De kosten omvatten de uren van de deelnemers en de facilitaire kosten (ICT, \
         huisvesting), de opleidingskosten (scholing en startkosten van nieuwe groepen), de \
         regionale projectleiding en monitoring, en de overhead van de penvoerder.</p>\n",
    );
    out.push_str(&intro);

    let o = overzicht(s, k);

    // Facilities and training: the inputs, then the costs per post.
    ondersteuning(out, s);
    if let Some(g) = grafiek::kosten_per_jaar(s, k, &o.posten) {
        out.push_str(&g.figuur());
    }
    let rijen: Vec<Rij> = o
        .posten
        .iter()
        .map(|(post, t)| {
            subtotaal_rij(
                k,
                format!("{}{}", kleur_blokje(*post), esc(post.label_in(s))),
                t,
                |som| som.post(post.naam(s)),
            )
        })
        .collect();
    kostentabel(out, k, ("Kosten per post", "Post"), &jaren, rijen);

    // Per role.
    if let Some(g) = grafiek::kosten_per_rol(s, &o) {
        out.push_str(&g.figuur());
    }
    let mut rijen: Vec<Rij> = o
        .rollen
        .iter()
        .map(|(rol, t)| {
            let label = esc(&rol_label(s, rol));
            subtotaal_rij(k, label, t, |som| som.rol(Some(rol)))
        })
        .collect();
    rijen.push(subtotaal_rij(
        k,
        "Zonder rol (ondersteuning, projectleiding, overhead)".into(),
        &o.zonder_rol,
        |som| som.rol(None),
    ));
    kostentabel(out, k, ("Kosten per rol", "Rol"), &jaren, rijen);

    // Per group.
    let mut rijen: Vec<Rij> = s
        .groepen
        .iter()
        .zip(&o.groepen)
        .enumerate()
        .map(|(gi, (g, t))| {
            let label = format!(
                "<span{}>{}</span>",
                invoer(&format!("groep[{}].naam", gi + 1)),
                esc(&g.naam)
            );
            subtotaal_rij(k, label, t, |som| som.groep(Some(&g.naam)))
        })
        .collect();
    rijen.push(subtotaal_rij(
        k,
        "Regionaal (projectleiding, monitoring, overhead)".into(),
        &o.regionaal,
        |som| som.groep(None),
    ));
    kostentabel(out, k, ("Kosten per groep", "Groep"), &jaren, rijen);
    einde(out);
}

/// A table of cost subtotals per year, closed by the row of all costs.
fn kostentabel(
    out: &mut String,
    k: &Kosten,
    (titel, kop): (&str, &str),
    jaren: &[i32],
    mut rijen: Vec<Rij>,
) {
    rijen.push(totaal_rij(k, "Totaal", "kosten_totaal", |t| {
        t.kosten_totaal
    }));
    jaartabel(out, titel, kop, jaren, &rijen);
}

fn ondersteuning(out: &mut String, s: &Scenario) {
    let o = &s.ondersteuning;
    let e =
        |v: Decimal, path: &str| getal(&euro_invoer(v), &invoer(&format!("ondersteuning.{path}")));
    let mut rijen = vec![
        vec![
            th_row("ICT"),
            format!(
                "<td>{} per actieve groep per jaar</td>",
                e(o.ict_per_groep, "ict_per_groep")
            ),
        ],
        vec![
            th_row("Huisvesting"),
            format!(
                "<td>{} per bijeenkomst</td>",
                e(o.huisvesting_per_bijeenkomst, "huisvesting_per_bijeenkomst")
            ),
        ],
        vec![
            th_row("Startkosten nieuwe groepen"),
            format!(
                "<td>{} per nieuwe groep, eenmalig in het startjaar</td>",
                e(
                    o.startkosten_per_nieuwe_groep,
                    "startkosten_per_nieuwe_groep"
                )
            ),
        ],
        vec![
            th_row("Scholing nieuwe deelnemers"),
            format!(
                "<td>{} per deelnemer van een nieuwe groep, eenmalig in het startjaar</td>",
                e(
                    o.scholing_per_nieuwe_deelnemer,
                    "scholing_per_nieuwe_deelnemer"
                )
            ),
        ],
        vec![
            th_row("Projectleiding"),
            format!(
                "<td>{} uur per jaar tegen {} per uur</td>",
                getal(
                    &zoals_gegeven(o.projectleiding_uren, 0),
                    &invoer("ondersteuning.projectleiding_uren")
                ),
                e(o.projectleiding_uurtarief, "projectleiding_uurtarief")
            ),
        ],
        vec![
            th_row("Monitoring en evaluatie"),
            format!(
                "<td>{} per jaar</td>",
                e(o.monitoring_per_jaar, "monitoring_per_jaar")
            ),
        ],
        vec![
            th_row("Overhead penvoerder"),
            format!(
                "<td>{} van de via TAPA$ gefinancierde regels van elk jaar</td>",
                getal(
                    &procent(o.overhead_percentage),
                    &invoer("ondersteuning.overhead_percentage")
                )
            ),
        ],
    ];
    rijen.extend(s.kostenposten.iter().map(|kp| {
        let eenheid = match kp.per {
            KostenpostPer::Jaar => "per jaar",
            KostenpostPer::Groep => "per actieve groep per jaar",
            KostenpostPer::Bijeenkomst => "per bijeenkomst van elke actieve groep",
        };
        let jaren = if kp.jaren.len() == s.looptijd_jaren as usize {
            String::new()
        } else {
            let j: Vec<String> = kp.jaren.iter().map(i32::to_string).collect();
            format!(", in {}", j.join(", "))
        };
        vec![
            th_attr(&kp.naam, &invoer(&format!("{}.naam", kp.path))),
            format!(
                "<td>{} {eenheid}{}</td>",
                getal(
                    &euro_invoer(kp.bedrag),
                    &invoer(&format!("{}.bedrag", kp.path))
                ),
                esc(&jaren)
            ),
        ]
    }));
    tabel(
        out,
        "Facilitaire kosten, opleidingskosten en regionale ondersteuning (grondslag, vóór indexatie)",
        &[("Post", false), ("Grondslag", false)],
        &rijen,
    );
}
