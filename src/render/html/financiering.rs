//! The chapter Financiering: totals and tariff per year, the insurers, their offers and what
//! no insurer carries. Pure, no I/O.

use rust_decimal::Decimal;

use crate::calc::Resultaat;
use crate::calc::overzicht::tekort_als_enige;
use crate::calc::per_verzekeraar::{PerVerzekeraar, RegioCijfers, VerzekeraarZaak};
use crate::decimal::{dutch, euro};
use crate::render::teksten::{AANBIEDINGEN_UITLEG, aanbod_jaren};
use crate::scenario::Scenario;

use super::opmaak::{
    Cel, Rij, aantal, einde, esc, euro_invoer, getal, hoofdstuk, invoer, jaartabel, json, procent,
    ratio, tabel, td, td_attr, td_n, th_attr, totaal_rij, verzekerden,
};
use crate::render::grafiek;

/// The chapter Financiering.
pub(super) fn financiering(out: &mut String, s: &Scenario, r: &Resultaat) {
    let k = &r.kosten;
    hoofdstuk(out, "financiering", "Financiering");
    let jaren: Vec<i32> = k.jaren.iter().map(|j| j.jaar).collect();
    let mut kosten_rij = totaal_rij(k, "Kosten totaal", "kosten_totaal", |t| t.kosten_totaal);
    kosten_rij.totaalrij = false;
    let mut rijen = vec![
        kosten_rij,
        totaal_rij(k, "Elders gefinancierd", "elders_gefinancierd", |t| {
            t.elders_gefinancierd
        }),
        totaal_rij(k, "Te financieren via TAPA$", "te_financieren", |t| {
            t.te_financieren
        }),
        totaal_rij(
            k,
            "Kostendekkend tarief per verzekerde",
            "kostendekkend_tarief",
            |t| t.kostendekkend_tarief,
        ),
    ];
    if !s.bijdragen.is_empty() {
        rijen.insert(
            2,
            totaal_rij(k, "Bijdragen uit andere bronnen", "bijdragen", |t| {
                t.bijdragen
            }),
        );
    }
    if s.verzekerden_verschillen() {
        // The tariff of each year divides by that year's verzekerden: show them beside it.
        rijen.insert(
            rijen.len() - 1,
            Rij {
                label: "Verzekerden".into(),
                jaren: (0..k.jaren.len())
                    .map(|yi| {
                        Cel::new(
                            dutch(s.verzekerden_jaar(yi), 0),
                            invoer(&format!("scenario.verzekerden[{}]", yi + 1)),
                        )
                    })
                    .collect(),
                totaal: None,
                totaalrij: false,
            },
        );
    }
    jaartabel(out, "Financiering per jaar", "", &jaren, &rijen);
    let grondslag = if s.verzekerden_verschillen() {
        format!(
            "de verzekerden van elk jaar samen, over {} jaar",
            getal(
                &s.looptijd_jaren.to_string(),
                &invoer("scenario.looptijd_jaren")
            )
        )
    } else {
        format!(
            "{} verzekerden, {} jaar",
            verzekerden(s),
            getal(
                &s.looptijd_jaren.to_string(),
                &invoer("scenario.looptijd_jaren")
            )
        )
    };
    out.push_str(&format!(
        "<p class=\"noot\">Het kostendekkend tarief is het te financieren bedrag gedeeld door het \
         aantal verzekerden van dat jaar, naar boven afgerond op hele centen. In de kolom Totaal \
         staat het vaste tarief per verzekerde per jaar dat de hele looptijd dekt \
         ({grondslag}).</p>\n"
    ));

    if s.verzekeraars.is_empty() {
        out.push_str(
            "<p>Dit scenario noemt geen zorgverzekeraars; de verdeling over verzekeraars en hun \
             aanbiedingen zijn daarom niet berekend.</p>\n",
        );
        einde(out);
        return;
    }

    verzekeraars(out, s, r);
    aanbiedingen(out, s, r);
    if !s.aanbiedingen.is_empty() {
        per_verzekeraar(out, s, r);
    }
    niet_toegerekend(out, r);
    einde(out);
}

/// The insurers: each one's share of the costs, break-even tarief and best offer.
fn verzekeraars(out: &mut String, s: &Scenario, r: &Resultaat) {
    let k = &r.kosten;
    let a = &r.aanbiedingen;
    out.push_str("<h3>Per zorgverzekeraar</h3>\n");
    out.push_str(
        "<p>Elke verzekeraar draagt het deel van het te financieren bedrag dat overeenkomt met zijn \
         marktaandeel. Het break-even tarief is het vaste tarief per verzekerde per jaar waarmee \
         de verzekeraar zijn aandeel over de looptijd dekt (naar boven afgerond). Het tekort als \
         alleen deze tekent is wat van het hele te financieren bedrag ongedekt blijft als alleen \
         deze verzekeraar zijn beste aanbod contracteert.</p>\n",
    );
    let rijen: Vec<Vec<String>> = a
        .verzekeraars
        .iter()
        .enumerate()
        .filter_map(|(i, v)| {
            let vz = s.verzekeraars.get(v.verzekeraar)?;
            let p = format!("/totaal/verzekeraars/{i}");
            let beste = v.beste_aanbod.and_then(|b| s.aanbiedingen.get(b));
            Some(vec![
                th_attr(
                    &vz.naam,
                    &invoer(&format!("verzekeraar[{}].naam", v.verzekeraar + 1)),
                ),
                td_n(
                    &procent(vz.marktaandeel_percentage),
                    &invoer(&format!(
                        "verzekeraar[{}].marktaandeel_percentage",
                        v.verzekeraar + 1
                    )),
                ),
                td_n(
                    &aantal(v.verzekerden),
                    &json("offers", &format!("{p}/verzekerden")),
                ),
                td_n(
                    &euro(v.kostenaandeel),
                    &json("offers", &format!("{p}/kostenaandeel")),
                ),
                td_n(
                    &v.break_even_tarief.map_or_else(|| "—".to_string(), euro),
                    &json("offers", &format!("{p}/break_even_tarief")),
                ),
                match beste {
                    Some(b) => td_attr(&b.label, &json("offers", &format!("{p}/beste_aanbod"))),
                    None => td("geen aanbod"),
                },
                td_n(
                    &euro(tekort_als_enige(k, a, v)),
                    &json("offers", &format!("{p}/tekort_als_enige")),
                ),
            ])
        })
        .collect();
    tabel(
        out,
        "Kostenaandeel en break-even tarief per verzekeraar (looptijd)",
        &[
            ("Verzekeraar", false),
            ("Marktaandeel", true),
            (
                if s.verzekerden_verschillen() {
                    "Verzekerden (eerste jaar)"
                } else {
                    "Verzekerden"
                },
                true,
            ),
            ("Kostenaandeel", true),
            ("Break-even tarief", true),
            ("Beste aanbod", false),
            ("Tekort als alleen deze tekent", true),
        ],
        &rijen,
    );
}

/// The offers: their terms, their outcome over their years (with a chart) and per year.
fn aanbiedingen(out: &mut String, s: &Scenario, r: &Resultaat) {
    let a = &r.aanbiedingen;
    if s.aanbiedingen.is_empty() {
        out.push_str("<p>Dit scenario bevat geen aanbiedingen van verzekeraars.</p>\n");
    } else {
        out.push_str("<h3>Aanbiedingen</h3>\n");
        out.push_str(&format!("<p>{}</p>\n", esc(AANBIEDINGEN_UITLEG)));
        let rijen: Vec<Vec<String>> = s
            .aanbiedingen
            .iter()
            .enumerate()
            .map(|(ai, x)| {
                let p = format!("aanbod[{}]", ai + 1);
                let jaren = aanbod_jaren(s, x);
                vec![
                    th_attr(&x.label, &invoer(&format!("{p}.label"))),
                    td_attr(&x.verzekeraar, &invoer(&format!("{p}.verzekeraar"))),
                    td_n(
                        &euro_invoer(x.tarief_per_verzekerde),
                        &invoer(&format!("{p}.tarief_per_verzekerde")),
                    ),
                    match x.plafond {
                        Some(pl) => td_n(&euro_invoer(pl), &invoer(&format!("{p}.plafond"))),
                        None => td_n("geen", ""),
                    },
                    td(&jaren),
                ]
            })
            .collect();
        tabel(
            out,
            "Voorwaarden van de aanbiedingen",
            &[
                ("Aanbod", false),
                ("Verzekeraar", false),
                ("Tarief per verzekerde", true),
                ("Plafond per jaar", true),
                ("Jaren", false),
            ],
            &rijen,
        );
        // The chart before its table: a figure cannot split over two pages, the table can.
        if let Some(g) = grafiek::dekking(s, r) {
            out.push_str(&g.figuur());
        }
        let rijen: Vec<Vec<String>> = a
            .totalen
            .iter()
            .enumerate()
            .filter_map(|(i, t)| {
                let x = s.aanbiedingen.get(t.aanbod)?;
                Some(aanbod_cellen(
                    &format!("/totaal/aanbiedingen/{i}"),
                    &x.label,
                    [t.kostenaandeel, t.opbrengst, t.saldo],
                    t.dekking_percentage,
                ))
            })
            .collect();
        tabel(
            out,
            "Uitkomst per aanbod over zijn jaren",
            &AANBOD_KOP,
            &rijen,
        );

        per_jaar(out, s, r);
    }
}

/// Every offer in every year of it.
fn per_jaar(out: &mut String, s: &Scenario, r: &Resultaat) {
    let k = &r.kosten;
    let a = &r.aanbiedingen;
    let mut rijen = Vec::new();
    for (yi, j) in k.jaren.iter().enumerate() {
        for (k_in_jaar, x) in a.regels.iter().filter(|x| x.jaar == j.jaar).enumerate() {
            let Some(aanbod) = s.aanbiedingen.get(x.aanbod) else {
                continue;
            };
            let mut rij = vec![td(&j.jaar.to_string())];
            rij.extend(aanbod_cellen(
                &format!("/jaren/{yi}/aanbiedingen/{k_in_jaar}"),
                &aanbod.label,
                [x.kostenaandeel, x.opbrengst, x.saldo],
                x.dekking_percentage,
            ));
            rijen.push(rij);
        }
    }
    let kop: Vec<(&str, bool)> = std::iter::once(("Jaar", false)).chain(AANBOD_KOP).collect();
    tabel(out, "Aanbiedingen per jaar", &kop, &rijen);
}

/// What no insurer carries, per year and over the horizon.
fn niet_toegerekend(out: &mut String, r: &Resultaat) {
    let k = &r.kosten;
    let a = &r.aanbiedingen;
    let jaren: Vec<i32> = k.jaren.iter().map(|j| j.jaar).collect();
    let mut te_rij = totaal_rij(k, "Te financieren via TAPA$", "te_financieren", |t| {
        t.te_financieren
    });
    te_rij.totaalrij = false;
    let rijen = vec![
        te_rij,
        Rij {
            label: "Niet toegerekend aan een verzekeraar".into(),
            jaren: a
                .niet_toegerekend
                .iter()
                .enumerate()
                .map(|(yi, (_, x))| {
                    Cel::new(
                        euro(*x),
                        json("offers", &format!("/jaren/{yi}/niet_toegerekend")),
                    )
                })
                .collect(),
            totaal: Some(Cel::new(
                euro(a.niet_toegerekend_totaal),
                json("offers", "/totaal/niet_toegerekend"),
            )),
            totaalrij: false,
        },
    ];
    out.push_str("<h3>Niet toegerekend</h3>\n");
    out.push_str(
        "<p>Het deel van de verzekerden dat bij geen van de genoemde verzekeraars is verzekerd, \
         draagt ook een deel van de kosten. Dat deel is aan geen verzekeraar toegerekend en moet \
         op een andere manier worden gedekt.</p>\n",
    );
    jaartabel(out, "Niet toegerekende kosten", "", &jaren, &rijen);
}

/// The columns of an offer's row (its cells: [`aanbod_cellen`]), and whether each is a number.
const AANBOD_KOP: [(&str, bool); 5] = [
    ("Aanbod", false),
    ("Kostenaandeel", true),
    ("Opbrengst", true),
    ("Saldo", true),
    ("Dekking", true),
];

/// The cells of an offer's row (label, kostenaandeel, opbrengst, saldo, dekking), each with its
/// source at JSON pointer `p` of `offers --format json`.
fn aanbod_cellen(
    p: &str,
    label: &str,
    bedragen: [Decimal; 3],
    dekking: Option<Decimal>,
) -> Vec<String> {
    let mut cellen = vec![th_attr(label, &json("offers", &format!("{p}/aanbod")))];
    for (veld, v) in ["kostenaandeel", "opbrengst", "saldo"]
        .into_iter()
        .zip(bedragen)
    {
        cellen.push(td_n(&euro(v), &json("offers", &format!("{p}/{veld}"))));
    }
    cellen.push(td_n(
        &dekking.map_or_else(|| "—".to_string(), ratio),
        &json("offers", &format!("{p}/dekking_percentage")),
    ));
    cellen
}

/// Each insurer's own businesscase (its chosen offer's betaling against the avoided costs among
/// its own insured) with a chart, and the region's view of all chosen offers together.
fn per_verzekeraar(out: &mut String, s: &Scenario, r: &Resultaat) {
    let p = &r.per_verzekeraar;
    let impact = r.impact.is_some();
    out.push_str("<h3>Businesscase per verzekeraar</h3>\n");
    out.push_str(
        "<p>Elke verzekeraar heeft zijn eigen businesscase. De betaling is wat zijn gekozen aanbod \
         de regio over de looptijd betaalt: het gecontracteerde aanbod, en zolang er geen is het \
         aanbod met de hoogste opbrengst.",
    );
    if impact {
        out.push_str(
            " De vermeden kosten zijn het deel van de vermeden zorgkosten dat bij zijn eigen \
             verzekerden valt (naar marktaandeel); netto is vermeden kosten min betaling, wat de \
             verzekeraar zelf bespaart, en het rendement is netto als percentage van de \
             betaling.",
        );
    }
    out.push_str("</p>\n");
    let mut kop = vec![
        ("Verzekeraar", false),
        ("Gekozen aanbod", false),
        ("Kostenaandeel", true),
        ("Betaling", true),
    ];
    if impact {
        kop.extend([
            ("Vermeden kosten", true),
            ("Netto", true),
            ("Rendement", true),
        ]);
    }
    let rijen: Vec<Vec<String>> = p
        .verzekeraars
        .iter()
        .enumerate()
        .filter_map(|(i, z)| verzekeraar_rij(s, (i, z), impact))
        .collect();
    // The chart before its table, as above.
    if let Some(g) = grafiek::per_verzekeraar(s, r) {
        out.push_str(&g.figuur());
    }
    tabel(out, "Businesscase per verzekeraar (looptijd)", &kop, &rijen);

    regio(out, p);
}

/// The region's view: all chosen offers together against what is to be financed, per year.
fn regio(out: &mut String, p: &PerVerzekeraar) {
    let jaren: Vec<i32> = p.regio.jaren.iter().map(|(j, _)| *j).collect();
    let rij = |label: &str, veld: &str, f: fn(&RegioCijfers) -> String| Rij {
        label: esc(label),
        jaren: p
            .regio
            .jaren
            .iter()
            .enumerate()
            .map(|(yi, (_, c))| {
                Cel::new(f(c), json("offers", &format!("/regio/jaren/{yi}/{veld}")))
            })
            .collect(),
        totaal: Some(Cel::new(
            f(&p.regio.totaal),
            json("offers", &format!("/regio/totaal/{veld}")),
        )),
        totaalrij: false,
    };
    let mut tekort = rij("Tekort (negatief: overschot)", "tekort", |c| euro(c.tekort));
    tekort.totaalrij = true;
    let rijen = vec![
        rij("Te financieren via TAPA$", "te_financieren", |c| {
            euro(c.te_financieren)
        }),
        rij("Opbrengst gekozen aanbiedingen", "opbrengst", |c| {
            euro(c.opbrengst)
        }),
        tekort,
        rij("Dekking", "dekking_percentage", |c| {
            c.dekking_percentage.map_or_else(|| "—".to_string(), ratio)
        }),
    ];
    out.push_str(
        "<p>Alle gekozen aanbiedingen samen: wat zij de regio per jaar betalen, tegenover wat via \
         TAPA$ te financieren is.</p>\n",
    );
    jaartabel(
        out,
        "Regio: alle gekozen aanbiedingen samen",
        "",
        &jaren,
        &rijen,
    );
}

/// An insurer's row of [`per_verzekeraar`] (`i`: its place in `offers --format json`); the avoided
/// costs, netto and ROI only with an `[impact]`.
fn verzekeraar_rij(
    s: &Scenario,
    (i, z): (usize, &VerzekeraarZaak),
    impact: bool,
) -> Option<Vec<String>> {
    let vz = s.verzekeraars.get(z.verzekeraar)?;
    let pad = format!("/verzekeraars/{i}");
    let t = format!("{pad}/totaal");
    let c = &z.totaal;
    let mut rij = vec![
        th_attr(&vz.naam, &json("offers", &format!("{pad}/naam"))),
        match z.gekozen_aanbod.and_then(|g| s.aanbiedingen.get(g)) {
            Some(a) => format!(
                "<td><span{}>{}</span>{}</td>",
                json("offers", &format!("{pad}/gekozen_aanbod")),
                esc(&a.label),
                if a.gecontracteerd {
                    " (gecontracteerd)"
                } else {
                    ""
                }
            ),
            None => td("geen aanbod"),
        },
        td_n(
            &euro(c.kostenaandeel),
            &json("offers", &format!("{t}/kostenaandeel")),
        ),
        td_n(&euro(c.betaling), &json("offers", &format!("{t}/betaling"))),
    ];
    if impact {
        let bedrag = |v: Option<Decimal>| v.map_or_else(|| "—".to_string(), euro);
        rij.extend([
            td_n(
                &bedrag(c.vermeden_kosten),
                &json("offers", &format!("{t}/vermeden_kosten")),
            ),
            td_n(&bedrag(c.netto), &json("offers", &format!("{t}/netto"))),
            td_n(
                &c.roi_percentage.map_or_else(|| "—".to_string(), ratio),
                &json("offers", &format!("{t}/roi_percentage")),
            ),
        ]);
    }
    Some(rij)
}
