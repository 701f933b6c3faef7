//! Chapter "Financiering per verzekerde en per verzekeraar": the totals and the cost-covering
//! tariff per year, each insurer's share, the offers and what no insurer carries. Pure, no I/O.

use rust_decimal::Decimal;

use crate::calc::Resultaat;
use crate::calc::overzicht::tekort_als_enige;
use crate::calc::per_verzekeraar::RegioCijfers;
use crate::render::teksten::{AANBIEDINGEN_UITLEG, aanbod_jaren};
use crate::scenario::Scenario;

use super::opmaak::{Doc, JaarRij, aantal, euro, euro_invoer, procent, ratio, verzekerden};

pub(super) fn hoofdstuk(doc: &mut Doc, s: &Scenario, r: &Resultaat) {
    let k = &r.kosten;
    doc.hoofdstuk("Financiering per verzekerde en per verzekeraar");
    doc.alinea(
        "TAPA$-prestatie 1 wordt betaald als tarief per ingeschreven verzekerde. Het kostendekkend \
         tarief is het te financieren bedrag gedeeld door het aantal verzekerden, naar boven \
         afgerond op hele centen.",
    );
    let jaren: Vec<i32> = k.jaren.iter().map(|j| j.jaar).collect();
    let rij = |label: &str, f: fn(&crate::calc::cost::Totalen) -> Decimal| {
        JaarRij::bedragen(label, k.jaren.iter().map(|j| f(&j.totalen)), f(&k.totaal))
    };
    let rijen = vec![
        rij("Kosten totaal", |t| t.kosten_totaal),
        rij("Uit een andere bron betaald", |t| t.elders_gefinancierd),
        rij("Te financieren via TAPA$", |t| t.te_financieren),
        rij("Kostendekkend tarief per verzekerde", |t| {
            t.kostendekkend_tarief
        }),
    ];
    doc.jaartabel("Financiering per jaar", "", &jaren, &rijen);
    doc.noot(&format!(
        "In de kolom Totaal staat bij het tarief het vaste tarief per verzekerde per jaar dat de \
         hele looptijd dekt ({} verzekerden, {} jaar).",
        verzekerden(s),
        s.looptijd_jaren
    ));

    if s.verzekeraars.is_empty() {
        doc.alinea(
            "Deze businesscase noemt geen zorgverzekeraars; de verdeling over verzekeraars en hun \
             aanbiedingen zijn daarom niet berekend.",
        );
        return;
    }
    verzekeraars(doc, s, r);
    aanbiedingen(doc, s, r);
    per_verzekeraar(doc, s, r);
    niet_toegerekend(doc, r);
}

/// Each insurer's own businesscase (what its chosen offer pays, what it avoids at its own
/// insured persons, netto and return) and the region's view of all chosen offers together,
/// per year. Only with offers: without one nothing is paid.
fn per_verzekeraar(doc: &mut Doc, s: &Scenario, r: &Resultaat) {
    if s.aanbiedingen.is_empty() {
        return;
    }
    let p = &r.per_verzekeraar;
    let k = &r.kosten;
    doc.paragraaf("De businesscase van elke verzekeraar");
    doc.alinea(
        "Per verzekeraar telt het gekozen aanbod: het gecontracteerde, anders het aanbod met de \
         hoogste opbrengst. De betaling is wat dat aanbod de regio over de looptijd betaalt. De \
         vermeden kosten zijn het deel van alle vermeden kosten dat bij de eigen verzekerden \
         valt (naar marktaandeel). Netto is vermeden kosten min betaling: wat de verzekeraar zelf \
         bespaart; het rendement is netto gedeeld door de betaling.",
    );
    let streep = |v: Option<Decimal>| v.map_or_else(|| "—".to_string(), euro);
    let rijen: Vec<Vec<String>> = p
        .verzekeraars
        .iter()
        .filter_map(|z| {
            let v = s.verzekeraars.get(z.verzekeraar)?;
            let gekozen = z
                .gekozen_aanbod
                .and_then(|g| s.aanbiedingen.get(g))
                .map_or_else(|| "geen aanbod".to_string(), |a| a.label.clone());
            let c = &z.totaal;
            Some(vec![
                v.naam.clone(),
                gekozen,
                euro(c.kostenaandeel),
                euro(c.betaling),
                streep(c.vermeden_kosten),
                streep(c.netto),
                ratio(c.roi_percentage),
            ])
        })
        .collect();
    doc.tabel(
        "Businesscase per verzekeraar (looptijd)",
        &[
            ("Verzeke\u{ad}raar", false),
            ("Gekozen aanbod", false),
            ("Kosten\u{ad}aandeel", true),
            ("Betaling", true),
            ("Vermeden kosten", true),
            ("Netto", true),
            ("Rende\u{ad}ment", true),
        ],
        &rijen,
        false,
    );
    doc.grafiek("businesscase-per-verzekeraar");
    let jaren: Vec<i32> = k.jaren.iter().map(|j| j.jaar).collect();
    let regio = &p.regio;
    let rij = |label: &str, f: fn(&RegioCijfers) -> Decimal| {
        JaarRij::bedragen(
            label,
            regio.jaren.iter().map(|(_, c)| f(c)),
            f(&regio.totaal),
        )
    };
    let rijen = vec![
        rij("Te financieren via TAPA$", |c| c.te_financieren),
        rij("Opbrengst van de gekozen aanbiedingen", |c| c.opbrengst),
        rij("Tekort (negatief: overschot)", |c| c.tekort),
        JaarRij::procenten(
            "Dekking",
            regio.jaren.iter().map(|(_, c)| c.dekking_percentage),
            regio.totaal.dekking_percentage,
        ),
    ];
    doc.jaartabel(
        "De regio: alle gekozen aanbiedingen samen",
        "",
        &jaren,
        &rijen,
    );
}

/// Each insurer's share of the costs, break-even tariff and best offer.
fn verzekeraars(doc: &mut Doc, s: &Scenario, r: &Resultaat) {
    let k = &r.kosten;
    let a = &r.aanbiedingen;
    doc.paragraaf("Per zorgverzekeraar");
    doc.alinea(
        "Elke verzekeraar draagt het deel van het te financieren bedrag dat overeenkomt met zijn \
         marktaandeel. Het break-even tarief is het vaste tarief per verzekerde per jaar waarmee de \
         verzekeraar zijn aandeel over de looptijd dekt (naar boven afgerond). Het tekort als alleen \
         deze tekent is wat van het hele te financieren bedrag ongedekt blijft als alleen deze \
         verzekeraar zijn beste aanbod contracteert.",
    );
    let rijen: Vec<Vec<String>> = a
        .verzekeraars
        .iter()
        .filter_map(|v| {
            let vz = s.verzekeraars.get(v.verzekeraar)?;
            let beste = v.beste_aanbod.and_then(|b| s.aanbiedingen.get(b));
            Some(vec![
                vz.naam.clone(),
                procent(vz.marktaandeel_percentage),
                aantal(v.verzekerden),
                euro(v.kostenaandeel),
                v.break_even_tarief.map_or_else(|| "—".to_string(), euro),
                beste.map_or_else(|| "geen aanbod".to_string(), |b| b.label.clone()),
                euro(tekort_als_enige(k, a, v)),
            ])
        })
        .collect();
    doc.tabel(
        "Kostenaandeel en break-even tarief per verzekeraar (looptijd)",
        &[
            ("Verzeke\u{ad}raar", false),
            ("Markt\u{ad}aandeel", true),
            ("Verzeker\u{ad}den", true),
            ("Kosten\u{ad}aandeel", true),
            ("Break-even tarief", true),
            ("Beste aanbod", false),
            ("Tekort als alleen deze tekent", true),
        ],
        &rijen,
        false,
    );
    // The contracted offers, where the region has them.
    let gecontracteerd: Vec<String> = a
        .verzekeraars
        .iter()
        .filter_map(|v| {
            let vz = s.verzekeraars.get(v.verzekeraar)?;
            let x = s.aanbiedingen.get(v.gekozen_aanbod?)?;
            x.gecontracteerd
                .then(|| format!("{}: gecontracteerd is {}.", vz.naam, x.label))
        })
        .collect();
    if !gecontracteerd.is_empty() {
        doc.opsomming(&gecontracteerd);
    }
}

/// The offers: their terms, their outcome over their years and per year.
fn aanbiedingen(doc: &mut Doc, s: &Scenario, r: &Resultaat) {
    let a = &r.aanbiedingen;
    doc.paragraaf("Aanbiedingen");
    if s.aanbiedingen.is_empty() {
        doc.alinea("Er zijn (nog) geen aanbiedingen van verzekeraars.");
        return;
    }
    doc.alinea(AANBIEDINGEN_UITLEG);
    let rijen: Vec<Vec<String>> = s
        .aanbiedingen
        .iter()
        .map(|x| {
            let jaren = aanbod_jaren(s, x);
            vec![
                x.label.clone(),
                x.verzekeraar.clone(),
                euro_invoer(x.tarief_per_verzekerde),
                x.plafond.map_or_else(|| "geen".to_string(), euro_invoer),
                jaren,
            ]
        })
        .collect();
    doc.tabel(
        "Voorwaarden van de aanbiedingen",
        &[
            ("Aanbod", false),
            ("Verzekeraar", false),
            ("Tarief per verzekerde per jaar", true),
            ("Plafond per jaar", true),
            ("Jaren", false),
        ],
        &rijen,
        false,
    );
    let kop = [
        ("Aanbod", false),
        ("Kosten\u{ad}aandeel", true),
        ("Opbrengst", true),
        ("Saldo", true),
        ("Dekking", true),
    ];
    let cellen = |label: &str, b: [Decimal; 3], dekking: Option<Decimal>| {
        let mut c = vec![label.to_string()];
        c.extend(b.into_iter().map(euro));
        c.push(ratio(dekking));
        c
    };
    let rijen: Vec<Vec<String>> = a
        .totalen
        .iter()
        .filter_map(|t| {
            let x = s.aanbiedingen.get(t.aanbod)?;
            Some(cellen(
                &x.label,
                [t.kostenaandeel, t.opbrengst, t.saldo],
                t.dekking_percentage,
            ))
        })
        .collect();
    doc.tabel("Uitkomst per aanbod over zijn jaren", &kop, &rijen, false);
    let mut kop_jaar = vec![("Jaar", false)];
    kop_jaar.extend(kop);
    let rijen: Vec<Vec<String>> = a
        .regels
        .iter()
        .filter_map(|x| {
            let aanbod = s.aanbiedingen.get(x.aanbod)?;
            let mut rij = vec![x.jaar.to_string()];
            rij.extend(cellen(
                &aanbod.label,
                [x.kostenaandeel, x.opbrengst, x.saldo],
                x.dekking_percentage,
            ));
            Some(rij)
        })
        .collect();
    doc.tabel("Aanbiedingen per jaar", &kop_jaar, &rijen, false);
    doc.grafiek("dekking-per-aanbod");
}

/// What no insurer carries, per year and over the horizon.
fn niet_toegerekend(doc: &mut Doc, r: &Resultaat) {
    let k = &r.kosten;
    let a = &r.aanbiedingen;
    doc.paragraaf("Niet toegerekend");
    doc.alinea(
        "Het deel van de verzekerden dat bij geen van de genoemde verzekeraars is verzekerd, \
         draagt ook een deel van de kosten. Dat deel is aan geen verzekeraar toegerekend en moet op \
         een andere manier worden gedekt.",
    );
    let jaren: Vec<i32> = k.jaren.iter().map(|j| j.jaar).collect();
    let rijen = vec![
        JaarRij::bedragen(
            "Te financieren via TAPA$",
            k.jaren.iter().map(|j| j.totalen.te_financieren),
            k.totaal.te_financieren,
        ),
        JaarRij::bedragen(
            "Niet toegerekend aan een verzekeraar",
            a.niet_toegerekend.iter().map(|(_, x)| *x),
            a.niet_toegerekend_totaal,
        ),
    ];
    doc.jaartabel("Niet toegerekende kosten", "", &jaren, &rijen);
}
