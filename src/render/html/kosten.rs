//! The chapter Geschatte kosten: the costs per post, role and group (the subtotals of
//! [`crate::calc::overzicht`]), the inputs of the support lines, and two charts. Pure, no I/O.

use rust_decimal::Decimal;

use crate::calc::cost::{Kosten, Post};
use crate::calc::overzicht::{Overzicht, Subtotaal, overzicht};
use crate::decimal::euro;
use crate::scenario::Scenario;

use super::grafiek::{
    BREEDTE, as_euro, f, kleur, kleur_blokje, streepjes, svg_close, svg_open, tekstbreedte, text,
};
use super::opmaak::{
    Rij, Som, einde, esc, euro_invoer, getal, hoofdstuk, invoer, jaartabel, json, procent,
    subtotaal_rij, tabel, th_row, totaal_rij, zoals_gegeven,
};

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

    // Per post.
    out.push_str(&svg_kosten_per_jaar(k, &o.posten));
    let mut rijen: Vec<Rij> = o
        .posten
        .iter()
        .map(|(post, t)| {
            subtotaal_rij(
                k,
                format!("{}{}", kleur_blokje(*post), esc(post.label())),
                t,
                |som| som.post(*post),
            )
        })
        .collect();
    rijen.push(totaal_rij(k, "Totaal", "kosten_totaal", |t| {
        t.kosten_totaal
    }));
    jaartabel(out, "Kosten per post", "Post", &jaren, &rijen);

    // Facilities and training: the inputs.
    ondersteuning(out, s);

    // Per role.
    out.push_str(&svg_kosten_per_rol(s, &o));
    let mut rijen: Vec<Rij> = o
        .rollen
        .iter()
        .map(|(rol, t)| {
            let label = if s.is_elders_gefinancierd(rol) {
                format!("{} (elders gefinancierd)", esc(rol))
            } else {
                esc(rol)
            };
            subtotaal_rij(k, label, t, |som| som.rol(Some(rol)))
        })
        .collect();
    rijen.push(subtotaal_rij(
        k,
        "Zonder rol (ondersteuning, projectleiding, overhead)".into(),
        &o.zonder_rol,
        |som| som.rol(None),
    ));
    rijen.push(totaal_rij(k, "Totaal", "kosten_totaal", |t| {
        t.kosten_totaal
    }));
    jaartabel(out, "Kosten per rol", "Rol", &jaren, &rijen);

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
    rijen.push(totaal_rij(k, "Totaal", "kosten_totaal", |t| {
        t.kosten_totaal
    }));
    jaartabel(out, "Kosten per groep", "Groep", &jaren, &rijen);
    einde(out);
}

fn ondersteuning(out: &mut String, s: &Scenario) {
    let o = &s.ondersteuning;
    let e =
        |v: Decimal, path: &str| getal(&euro_invoer(v), &invoer(&format!("ondersteuning.{path}")));
    let rijen = vec![
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
    tabel(
        out,
        "Facilitaire kosten, opleidingskosten en regionale ondersteuning (grondslag, vóór indexatie)",
        &[("Post", false), ("Grondslag", false)],
        &rijen,
    );
}

/// Costs per year, stacked by post. (One drawing laid out from the top down: legend, axis, bars
/// and labels share its coordinates, so it stays one function.)
fn svg_kosten_per_jaar(k: &Kosten, posten: &[(Post, Subtotaal)]) -> String {
    let mut out = String::new();
    let max = k
        .jaren
        .iter()
        .map(|j| f(j.totalen.kosten_totaal))
        .fold(0.0, f64::max);
    if max <= 0.0 || posten.is_empty() {
        return out;
    }
    let ticks = streepjes(max, 5.0);
    let top = ticks.last().map_or(max, |t| f(*t)).max(max);
    let (links, rechts, boven, plot_h) = (78.0, 10.0, 22.0, 230.0);
    // Legend: rows of items.
    let mut legenda = Vec::new();
    let (mut lx, mut ly) = (links, 0.0);
    for (p, _) in posten {
        let w = 16.0 + tekstbreedte(p.label(), 10.0) + 14.0;
        if lx + w > BREEDTE - rechts && lx > links {
            lx = links;
            ly += 16.0;
        }
        legenda.push((lx, ly, *p));
        lx += w;
    }
    let as_y = boven + plot_h;
    let legenda_y = as_y + 30.0;
    let hoogte = legenda_y + ly + 14.0;
    svg_open(
        &mut out,
        "grafiek-kosten-jaar",
        hoogte,
        "Kosten per jaar, opgebouwd per post",
        "Gestapelde staven: per jaar de kosten van elke post; boven elke staaf het totaal van het \
         jaar. Dezelfde bedragen staan in de tabel Kosten per post.",
    );
    let schaal = plot_h / top;
    for t in &ticks {
        let y = as_y - f(*t) * schaal;
        out.push_str(&format!(
            "<line x1=\"{links:.1}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\" stroke=\"#d5dbe0\" stroke-width=\"0.8\"/>\n",
            BREEDTE - rechts
        ));
        out.push_str(&text(
            links - 6.0,
            y + 3.5,
            "end",
            10.0,
            &as_euro(*t),
            " data-as",
        ));
    }
    let n = k.jaren.len() as f64;
    let vak = (BREEDTE - links - rechts) / n;
    let staaf = (vak * 0.62).min(70.0);
    let labels = k.jaren.len() <= 8;
    for (yi, j) in k.jaren.iter().enumerate() {
        let x = links + vak * yi as f64 + (vak - staaf) / 2.0;
        let mut y = as_y;
        for (p, t) in posten {
            let v = f(t.per_jaar.get(yi).copied().unwrap_or_default());
            if v <= 0.0 {
                continue;
            }
            let h = v * schaal;
            y -= h;
            out.push_str(&format!(
                "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{staaf:.1}\" height=\"{h:.1}\" fill=\"{}\" stroke=\"#fff\" stroke-width=\"0.4\"/>\n",
                kleur(*p)
            ));
        }
        if labels {
            out.push_str(&text(
                x + staaf / 2.0,
                y - 5.0,
                "middle",
                9.5,
                &euro(j.totalen.kosten_totaal),
                &json("cost", &format!("/jaren/{yi}/kosten_totaal")),
            ));
        }
        let toon_jaar = k.jaren.len() <= 15 || yi % 5 == 0 || yi + 1 == k.jaren.len();
        if toon_jaar {
            out.push_str(&text(
                x + staaf / 2.0,
                as_y + 14.0,
                "middle",
                10.0,
                &j.jaar.to_string(),
                "",
            ));
        }
    }
    out.push_str(&format!(
        "<line x1=\"{links:.1}\" y1=\"{as_y:.1}\" x2=\"{:.1}\" y2=\"{as_y:.1}\" stroke=\"#333\" stroke-width=\"1\"/>\n",
        BREEDTE - rechts
    ));
    for (x, y, p) in legenda {
        let yy = legenda_y + y;
        out.push_str(&format!(
            "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"10\" height=\"10\" fill=\"{}\"/>\n",
            yy - 9.0,
            kleur(p)
        ));
        out.push_str(&text(x + 14.0, yy, "start", 10.0, p.label(), ""));
    }
    svg_close(&mut out);
    out
}

/// Costs per role over the horizon, horizontal bars.
fn svg_kosten_per_rol(s: &Scenario, o: &Overzicht) -> String {
    let mut out = String::new();
    let mut balken: Vec<(String, Decimal, String, bool)> = o
        .rollen
        .iter()
        .map(|(rol, t)| {
            let label = if s.is_elders_gefinancierd(rol) {
                format!("{rol} (elders gefinancierd)")
            } else {
                rol.to_string()
            };
            (
                label,
                t.totaal,
                Som::default().rol(Some(rol)).attr(),
                s.is_elders_gefinancierd(rol),
            )
        })
        .collect();
    balken.push((
        "zonder rol (ondersteuning, projectleiding, overhead)".into(),
        o.zonder_rol.totaal,
        Som::default().rol(None).attr(),
        false,
    ));
    let max = balken.iter().map(|b| f(b.1)).fold(0.0, f64::max);
    if max <= 0.0 {
        return out;
    }
    let ticks = streepjes(max, 4.0);
    let top = ticks.last().map_or(max, |t| f(*t)).max(max);
    let links = 10.0;
    let rechts = 34.0;
    let rij = 34.0;
    let boven = 8.0;
    let hoogte = boven + rij * balken.len() as f64 + 24.0;
    svg_open(
        &mut out,
        "grafiek-kosten-rol",
        hoogte,
        "Kosten per rol over de looptijd",
        "Liggende staven: per rol de kosten over de hele looptijd, met het bedrag erbij. Dezelfde \
         bedragen staan in de tabel Kosten per rol.",
    );
    let breed = BREEDTE - links - rechts;
    let schaal = breed / top;
    let as_y = boven + rij * balken.len() as f64;
    for t in &ticks {
        let x = links + f(*t) * schaal;
        out.push_str(&format!(
            "<line x1=\"{x:.1}\" y1=\"{boven:.1}\" x2=\"{x:.1}\" y2=\"{as_y:.1}\" stroke=\"#d5dbe0\" stroke-width=\"0.8\"/>\n"
        ));
        out.push_str(&text(
            x,
            as_y + 14.0,
            "middle",
            9.5,
            &as_euro(*t),
            " data-as",
        ));
    }
    for (i, (label, v, attr, elders)) in balken.iter().enumerate() {
        let y = boven + rij * i as f64;
        out.push_str(&text(links, y + 11.0, "start", 10.0, label, ""));
        let w = f(*v) * schaal;
        let kleur = if *elders { "#9aa5b1" } else { "#2e75b6" };
        out.push_str(&format!(
            "<rect x=\"{links:.1}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"13\" fill=\"{kleur}\"/>\n",
            y + 15.0
        ));
        let tekst = euro(*v);
        let tw = tekstbreedte(&tekst, 9.5);
        let (tx, anchor) = if links + w + 6.0 + tw <= BREEDTE - 2.0 {
            (links + w + 5.0, "start")
        } else {
            (links + w - 5.0, "end")
        };
        let fill = if anchor == "end" {
            " fill=\"#fff\""
        } else {
            ""
        };
        out.push_str(&format!(
            "<text x=\"{tx:.1}\" y=\"{:.1}\" text-anchor=\"{anchor}\" font-size=\"9.5\"{fill}{attr}>{}</text>\n",
            y + 25.5,
            esc(&tekst)
        ));
    }
    svg_close(&mut out);
    out
}
