//! The audit trail: every line and total with its formula and the numbers substituted, so that
//! a controller can check any figure by hand. Pure, no I/O.

use rust_decimal::Decimal;

use super::cost::{Financiering, Kosten, KostenJaar, Post, Regel};
use super::impact::ImpactResultaat;
use crate::decimal::exact::Exact;
use crate::decimal::{dutch, euro};
use crate::scenario::{EldersFinanciering, Groep, IndicatorId, KostenpostPer, Scenario};

mod saldo;

pub use saldo::explain_saldo;

/// One explained figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Uitleg {
    /// Calendar year; `None` for a horizon total.
    pub jaar: Option<i32>,
    /// Group name, for group lines.
    pub groep: Option<String>,
    /// The post, total or indicator figure explained (`bijeenkomsten`, `te_financieren`, …).
    pub post: String,
    /// The role or indicator, where it applies.
    pub rol: Option<String>,
    /// The formula with the numbers substituted, up to the `=`.
    pub formule: String,
    /// The exact value of the formula, when it differs from the result (before rounding).
    pub exact: Option<Decimal>,
    /// The figure as the program reports it.
    pub uitkomst: Decimal,
    /// What the figure is: an amount, a percentage or a factor.
    pub eenheid: Eenheid,
}

/// The unit of an explained figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Eenheid {
    /// € with two decimals.
    #[default]
    Euro,
    /// A percentage with one decimal.
    Procent,
    /// A factor with three decimals.
    Factor,
}

impl Eenheid {
    /// The decimals the figure is rounded to and printed with.
    pub fn decimals(self) -> u32 {
        match self {
            Eenheid::Euro => 2,
            Eenheid::Procent => 1,
            Eenheid::Factor => 3,
        }
    }
}

impl Uitleg {
    /// `post · rol · groep · jaar: formule = uitkomst`, Dutch notation.
    pub fn line(&self) -> String {
        let mut head: Vec<String> = vec![self.post.clone()];
        head.extend(self.rol.clone());
        head.extend(self.groep.clone());
        head.push(
            self.jaar
                .map_or_else(|| "totaal".to_string(), |j| j.to_string()),
        );
        let result = match self.exact {
            Some(x) => format!("{} → {}", number(x), self.result_text()),
            None => self.result_text(),
        };
        format!("{}: {} = {}", head.join(" · "), self.formule, result)
    }

    fn result_text(&self) -> String {
        match self.eenheid {
            Eenheid::Procent => format!("{} %", dutch(self.uitkomst, 1)),
            Eenheid::Factor => dutch(self.uitkomst, 3),
            Eenheid::Euro if self.post == "kostendekkend_tarief" && self.exact.is_some() => {
                format!("naar boven afgerond {}", euro(self.uitkomst))
            }
            Eenheid::Euro => euro(self.uitkomst),
        }
    }
}

/// Which figures to explain.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only this year.
    pub jaar: Option<i32>,
    /// Only lines of the group with this name.
    pub groep: Option<String>,
    /// Only this post or total.
    pub post: Option<String>,
}

impl Filter {
    /// Whether figures of `post` are asked for.
    fn wants(&self, post: &str) -> bool {
        self.post.as_deref().is_none_or(|f| f == post)
    }
}

/// The businesscase's figures of a year, in the order `business-case` shows them: the names of
/// its columns (after `jaar`) and the first of the totals `--post` can name.
pub const JAARCIJFERS: [&str; 7] = [
    "kosten_totaal",
    "elders_gefinancierd",
    "te_financieren",
    "kostendekkend_tarief",
    "vermeden_kosten",
    "netto",
    "roi_percentage",
];

/// The totals that can be named with `--post`, besides the posts: the figures of a year and two
/// of the whole horizon.
pub const TOTALEN: [&str; 9] = {
    let mut t = [""; 9];
    let mut i = 0;
    while i < JAARCIJFERS.len() {
        t[i] = JAARCIJFERS[i];
        i += 1;
    }
    t[7] = "break_even_factor";
    t[8] = "netto_contante_waarde";
    t
};

/// The year total of the `[[bijdrage]]`s, which `--post` may name in a scenario that has them.
pub const BIJDRAGEN: &str = "bijdragen";

/// A number in Dutch notation, with all its decimals.
fn number(v: Decimal) -> String {
    let n = v.normalize();
    dutch(n, n.scale())
}

/// An amount in euro with at least two decimals (more when the input has them).
fn money(v: Decimal) -> String {
    let n = v.normalize();
    format!("€ {}", dutch(n, n.scale().max(2)))
}

/// Every line and total of `kosten` (and of `impact` when given) that passes `filter`.
pub fn explain(
    s: &Scenario,
    kosten: &Kosten,
    impact: Option<&ImpactResultaat>,
    filter: &Filter,
) -> Vec<Uitleg> {
    let mut out = Vec::new();
    let index = super::indexfactoren(s);
    let one = Exact::from(1u64);
    for (yi, j) in kosten.jaren.iter().enumerate() {
        if filter.jaar.is_none_or(|f| f == j.jaar) {
            year_lines(s, j, index.get(yi).unwrap_or(&one), filter, &mut out);
            if filter.groep.is_none() {
                year_totals(s, j, filter, &mut out);
            }
        }
    }
    if filter.groep.is_none() && filter.jaar.is_none() {
        horizon_totals(s, kosten, filter, &mut out);
    }
    if let (Some(impact), true) = (impact, filter.groep.is_none()) {
        impact_lines(s, kosten, impact, &index, filter, &mut out);
    }
    out
}

/// ` × I(y)` as the formulas show it, or nothing without indexation.
fn factor_text(s: &Scenario, indexfactor: Decimal) -> String {
    if s.indexatie_percentage.is_zero() {
        String::new()
    } else {
        format!(" × {}", number(indexfactor))
    }
}

/// The cost lines of year `j` that pass `filter`, each with its formula; `i` is the exact `I(y)`.
fn year_lines(s: &Scenario, j: &KostenJaar, i: &Exact, filter: &Filter, out: &mut Vec<Uitleg>) {
    let factor = factor_text(s, j.indexfactor);
    for r in &j.regels {
        let groep = r.groep.and_then(|g| s.groepen.get(g));
        if let Some(f) = &filter.groep
            && groep.is_none_or(|g| &g.naam != f)
        {
            continue;
        }
        if !filter.wants(r.post.naam(s)) {
            continue;
        }
        let (formule, exact) = match deel_van(s, r, &j.regels) {
            Some(deel) => part_formula(s, r, &deel, &j.regels, &factor, i),
            None => {
                let (formule, exact) = line_formula(s, r, &j.regels, &factor, i);
                match geheel_elders(s, r) {
                    Some(e) => (format!("{formule} (elders: {})", e.financier), exact),
                    None => (formule, exact),
                }
            }
        };
        let exact = exact.and_then(|x| x.to_decimal());
        out.push(Uitleg {
            jaar: Some(j.jaar),
            groep: groep.map(|g| g.naam.clone()),
            post: r.post.naam(s).to_string(),
            rol: r.rol.as_deref().map(str::to_string),
            formule,
            exact: exact.filter(|x| *x != r.bedrag),
            uitkomst: r.bedrag,
            eenheid: Eenheid::Euro,
        });
    }
}

/// A line split by a `[[financiering.elders]]` of less than 100 %: the entry and the other part.
struct Deel<'a> {
    elders: &'a EldersFinanciering,
    ander: &'a Regel,
}

/// The split `r` is a part of, if it is one.
fn deel_van<'a>(s: &'a Scenario, r: &Regel, regels: &'a [Regel]) -> Option<Deel<'a>> {
    let elders = match (&r.rol, r.post) {
        (Some(rol), _) => s.elders_rol(rol, r.jaar),
        (None, Post::Overhead) => None,
        (None, post) => s.elders_post(post.naam(s), r.jaar),
    }
    .filter(|e| !e.geheel())?;
    let ander = regels.iter().find(|x| {
        x.groep == r.groep && x.post == r.post && x.rol == r.rol && x.financiering != r.financiering
    })?;
    Some(Deel { elders, ander })
}

/// The `[[financiering.elders]]` entry that pays the whole line `r` elsewhere, if one does: its
/// financier is shown with the formula (docs/rekenregels.md § 6.1). A role of the older
/// `elders_gefinancierd` list (financier "elders") keeps its formula as it was.
fn geheel_elders<'a>(s: &'a Scenario, r: &Regel) -> Option<&'a EldersFinanciering> {
    if r.financiering != Financiering::Elders {
        return None;
    }
    match (&r.rol, r.post) {
        (Some(rol), _) => s.elders_rol(rol, r.jaar),
        (None, Post::Overhead) => None,
        (None, post) => s.elders_post(post.naam(s), r.jaar),
    }
    .filter(|e| e.geheel() && !e.path.starts_with("financiering.elders_gefinancierd"))
}

/// The formula of one part of a split line: the whole line `B` (its own formula), then the
/// elsewhere part `B × p %` or the TAPA$ part `B − elders part`.
fn part_formula(
    s: &Scenario,
    r: &Regel,
    deel: &Deel<'_>,
    regels: &[Regel],
    factor: &str,
    index: &Exact,
) -> (String, Option<Exact>) {
    let heel_bedrag = r.bedrag.checked_add(deel.ander.bedrag).unwrap_or(r.bedrag);
    let heel = Regel {
        uren: r
            .uren
            .zip(deel.ander.uren)
            .and_then(|(a, b)| a.checked_add(b)),
        bedrag: heel_bedrag,
        ..r.clone()
    };
    let (formule, _) = line_formula(s, &heel, regels, factor, index);
    let p = deel.elders.percentage;
    let financier = &deel.elders.financier;
    match r.financiering {
        Financiering::Elders => (
            format!(
                "({formule} = {}) × {} % elders ({financier})",
                euro(heel_bedrag),
                number(p)
            ),
            Some(Exact::from(heel_bedrag).mul(&Exact::from(p).procent())),
        ),
        Financiering::Tapas => (
            format!(
                "{} − {} elders ({financier}, {} %)",
                euro(heel_bedrag),
                euro(deel.ander.bedrag),
                number(p)
            ),
            None,
        ),
    }
}

/// The totals of year `j`, each as the sum or quotient it is.
fn year_totals(s: &Scenario, j: &KostenJaar, filter: &Filter, out: &mut Vec<Uitleg>) {
    let t = &j.totalen;
    let sum_of = |keep: &dyn Fn(&Regel) -> bool| {
        let parts: Vec<String> = j
            .regels
            .iter()
            .filter(|r| keep(r))
            .map(|r| euro(r.bedrag))
            .collect();
        if parts.is_empty() {
            "geen regels".to_string()
        } else {
            parts.join(" + ")
        }
    };
    let mut push = |post: &str, formule: String, exact: Option<Decimal>, uitkomst: Decimal| {
        if filter.wants(post) {
            out.push(Uitleg {
                jaar: Some(j.jaar),
                groep: None,
                post: post.to_string(),
                rol: None,
                formule,
                exact,
                uitkomst,
                eenheid: Eenheid::Euro,
            });
        }
    };
    push("kosten_totaal", sum_of(&|_| true), None, t.kosten_totaal);
    push(
        "elders_gefinancierd",
        sum_of(&|r| r.financiering == Financiering::Elders),
        None,
        t.elders_gefinancierd,
    );
    if s.bijdragen.is_empty() {
        push(
            "te_financieren",
            format!(
                "{} − {}",
                euro(t.kosten_totaal),
                euro(t.elders_gefinancierd)
            ),
            None,
            t.te_financieren,
        );
    } else {
        let parts: Vec<String> = s
            .bijdragen
            .iter()
            .filter(|b| b.jaar == j.jaar)
            .map(|b| format!("{} ({}, {})", money(b.bedrag), b.naam, b.financier))
            .collect();
        let formule = if parts.is_empty() {
            "geen bijdragen".to_string()
        } else {
            parts.join(" + ")
        };
        let exact = s
            .bijdragen
            .iter()
            .filter(|b| b.jaar == j.jaar)
            .fold(Exact::from(0u64), |a, b| a.add(&Exact::from(b.bedrag)))
            .to_decimal();
        push(
            BIJDRAGEN,
            formule,
            exact.filter(|x| *x != t.bijdragen),
            t.bijdragen,
        );
        push(
            "te_financieren",
            format!(
                "{} − {} − {} bijdragen",
                euro(t.kosten_totaal),
                euro(t.elders_gefinancierd),
                euro(t.bijdragen)
            ),
            None,
            t.te_financieren,
        );
    }
    let verzekerden = s.verzekerden_in(j.jaar);
    let exact = t.te_financieren.checked_div(verzekerden);
    push(
        "kostendekkend_tarief",
        format!(
            "{} / {} verzekerden",
            euro(t.te_financieren),
            dutch(verzekerden, 0)
        ),
        exact.filter(|x| *x != t.kostendekkend_tarief),
        t.kostendekkend_tarief,
    );
}

/// `te_financieren` and the flat tariff over the horizon.
fn horizon_totals(s: &Scenario, kosten: &Kosten, filter: &Filter, out: &mut Vec<Uitleg>) {
    let t = &kosten.totaal;
    if filter.wants("te_financieren") {
        let parts: Vec<String> = kosten
            .jaren
            .iter()
            .map(|j| euro(j.totalen.te_financieren))
            .collect();
        out.push(Uitleg {
            jaar: None,
            groep: None,
            post: "te_financieren".into(),
            rol: None,
            formule: parts.join(" + "),
            exact: None,
            uitkomst: t.te_financieren,
            eenheid: Eenheid::Euro,
        });
    }
    if filter.wants("kostendekkend_tarief") {
        let (noemer, formule) = match &s.verzekerden_per_jaar {
            // verzekerden per year: Σ verzekerden(y) (docs/rekenregels.md).
            Some(per_jaar) if s.verzekerden_verschillen() => (
                per_jaar
                    .iter()
                    .try_fold(Decimal::ZERO, |acc, v| acc.checked_add(*v)),
                format!(
                    "{} / ({} verzekerden)",
                    euro(t.te_financieren),
                    per_jaar
                        .iter()
                        .map(|v| dutch(*v, 0))
                        .collect::<Vec<_>>()
                        .join(" + ")
                ),
            ),
            _ => (
                Decimal::from(s.looptijd_jaren).checked_mul(s.verzekerden),
                format!(
                    "{} / ({} verzekerden × {} jaar)",
                    euro(t.te_financieren),
                    dutch(s.verzekerden, 0),
                    s.looptijd_jaren
                ),
            ),
        };
        let exact = noemer.and_then(|d| t.te_financieren.checked_div(d));
        out.push(Uitleg {
            jaar: None,
            groep: None,
            post: "kostendekkend_tarief".into(),
            rol: None,
            formule,
            exact: exact.filter(|x| *x != t.kostendekkend_tarief),
            uitkomst: t.kostendekkend_tarief,
            eenheid: Eenheid::Euro,
        });
    }
}

/// The avoided costs of every indicator and year, each with its formula.
fn impact_lines(
    s: &Scenario,
    kosten: &Kosten,
    impact: &ImpactResultaat,
    index: &[Exact],
    filter: &Filter,
    out: &mut Vec<Uitleg>,
) {
    let Some(imp) = &s.impact else {
        return;
    };
    let one = Exact::from(1u64);
    for (yi, (j, kj)) in impact.jaren.iter().zip(&kosten.jaren).enumerate() {
        if filter.jaar.is_some_and(|f| f != j.jaar) || !filter.wants("vermeden_kosten") {
            continue;
        }
        let i = index.get(yi).unwrap_or(&one);
        let factor = factor_text(s, kj.indexfactor);
        for (ind, res) in imp.indicatoren.iter().zip(&j.indicatoren) {
            let kanker = if ind.id == IndicatorId::Chemotherapie {
                format!(" × {} %", number(imp.aandeel_kanker_percentage))
            } else {
                String::new()
            };
            let exact = Exact::from(res.vermeden)
                .mul(&Exact::from(ind.kosten_per_geval))
                .mul(i)
                .to_decimal();
            out.push(Uitleg {
                jaar: Some(j.jaar),
                groep: None,
                post: "vermeden_kosten".into(),
                rol: Some(ind.id.as_str().into()),
                formule: format!(
                    "{} patiënten × {} %{kanker} × {} % × {}{factor}",
                    number(j.patienten),
                    number(ind.basis_percentage),
                    number(ind.reductie_percentage),
                    money(ind.kosten_per_geval),
                ),
                exact: exact.filter(|x| *x != res.vermeden_kosten),
                uitkomst: res.vermeden_kosten,
                eenheid: Eenheid::Euro,
            });
        }
    }
}

/// The formula of one cost line and its exact (unrounded) value, `I(y)` = `index`: hours times
/// a tariff for the lines of a group's meetings and support, an amount otherwise.
fn line_formula(
    s: &Scenario,
    r: &Regel,
    regels: &[Regel],
    factor: &str,
    index: &Exact,
) -> (String, Option<Exact>) {
    let g = r.groep.and_then(|g| s.groepen.get(g));
    match (r.post, g) {
        (
            Post::Bijeenkomsten
            | Post::Voorzitter
            | Post::Coordinatie
            | Post::TelefonischeOndersteuning,
            Some(g),
        ) => hours_formula(s, r, g, factor, index),
        _ => amount_formula(s, r, g, regels, factor, index),
    }
}

/// The formula of a line of hours (`uren × uurtarief × I(y)`, docs/rekenregels.md) of group `g`.
fn hours_formula(
    s: &Scenario,
    r: &Regel,
    g: &Groep,
    factor: &str,
    index: &Exact,
) -> (String, Option<Exact>) {
    let rate = r.rol.as_deref().and_then(|rol| s.uurtarief(rol));
    let x = Exact::from;
    let exact = r
        .uren
        .and_then(|uren| rate.map(|t| x(uren).mul(&x(t)).mul(index)));
    let rate_text = rate.map(money).unwrap_or_default();
    let w = &g.werkwijze;
    let formule = match r.post {
        Post::Bijeenkomsten => {
            let n = r.rol.as_deref().map_or(0, |rol| g.aantal(rol));
            format!(
                "{} × {} × ({} + {} + {}) u × {}{}",
                w.bijeenkomsten_per_jaar,
                n,
                number(w.duur_uren),
                number(w.voorbereiding_uren),
                number(w.reistijd_uren),
                rate_text,
                factor
            )
        }
        Post::Voorzitter => format!(
            "{} × {} u × {}{}",
            w.bijeenkomsten_per_jaar,
            number(w.voorzitter_uren),
            rate_text,
            factor
        ),
        Post::Coordinatie => format!(
            "{} patiënten × {} u × {}{}",
            number(w.patienten_per_jaar),
            number(w.coordinatie_uren_per_patient),
            rate_text,
            factor
        ),
        _ => format!(
            "{} u × {}{}",
            number(w.telefonische_ondersteuning_uren),
            rate_text,
            factor
        ),
    };
    (formule, exact)
}

/// The formula of a line of an amount: the support lines, the `[[kostenpost]]`s and the
/// overhead over the year's TAPA$ lines `regels`.
fn amount_formula(
    s: &Scenario,
    r: &Regel,
    g: Option<&Groep>,
    regels: &[Regel],
    factor: &str,
    index: &Exact,
) -> (String, Option<Exact>) {
    let o = &s.ondersteuning;
    let x = Exact::from;
    match (r.post, g) {
        (Post::Ict, _) => (
            format!("{}{}", money(o.ict_per_groep), factor),
            Some(x(o.ict_per_groep).mul(index)),
        ),
        (Post::Huisvesting, Some(g)) => {
            let b = Decimal::from(g.werkwijze.bijeenkomsten_per_jaar);
            (
                format!(
                    "{} bijeenkomsten × {}{}",
                    b,
                    money(o.huisvesting_per_bijeenkomst),
                    factor
                ),
                Some(x(b).mul(&x(o.huisvesting_per_bijeenkomst)).mul(index)),
            )
        }
        (Post::Startkosten, _) => (
            format!("{}{}", money(o.startkosten_per_nieuwe_groep), factor),
            Some(x(o.startkosten_per_nieuwe_groep).mul(index)),
        ),
        (Post::Scholing, Some(g)) => {
            let n = Decimal::from(g.totaal_deelnemers());
            (
                format!(
                    "{} × {} deelnemers{}",
                    money(o.scholing_per_nieuwe_deelnemer),
                    n,
                    factor
                ),
                Some(x(o.scholing_per_nieuwe_deelnemer).mul(&x(n)).mul(index)),
            )
        }
        (Post::Projectleiding, _) => (
            format!(
                "{} u × {}{}",
                number(o.projectleiding_uren),
                money(o.projectleiding_uurtarief),
                factor
            ),
            Some(
                x(o.projectleiding_uren)
                    .mul(&x(o.projectleiding_uurtarief))
                    .mul(index),
            ),
        ),
        (Post::Monitoring, _) => (
            format!("{}{}", money(o.monitoring_per_jaar), factor),
            Some(x(o.monitoring_per_jaar).mul(index)),
        ),
        (Post::Kostenpost(ki), _) => match s.kostenposten.get(usize::from(ki)) {
            Some(k) if k.per == KostenpostPer::Bijeenkomst => {
                let b = g.map_or(0, |g| g.werkwijze.bijeenkomsten_per_jaar);
                (
                    format!("{b} bijeenkomsten × {}{}", money(k.bedrag), factor),
                    Some(x(Decimal::from(b)).mul(&x(k.bedrag)).mul(index)),
                )
            }
            Some(k) => (
                format!("{}{}", money(k.bedrag), factor),
                Some(x(k.bedrag).mul(index)),
            ),
            None => (String::from("(formule onbekend)"), None),
        },
        (Post::Overhead, _) => {
            let base = regels
                .iter()
                .filter(|x| x.post != Post::Overhead && x.financiering == Financiering::Tapas)
                .fold(Exact::from(0u64), |a, r| a.add(&x(r.bedrag)));
            (
                format!(
                    "{} % × {} (TAPA$-regels van het jaar)",
                    number(o.overhead_percentage),
                    euro(base.to_decimal().unwrap_or_default())
                ),
                Some(x(o.overhead_percentage).procent().mul(&base)),
            )
        }
        _ => (String::from("(formule onbekend)"), None),
    }
}
