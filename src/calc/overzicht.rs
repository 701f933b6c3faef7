//! Subtotals of the cost lines per post, per role and per group, for every year and over the
//! horizon: the one home of the sums that `cost`, `compare`, `report` and `export` show next to
//! the engine's totals. Each is the sum of lines already rounded to cents (docs/rekenregels.md: a total is
//! the sum of its rounded lines), worked out in one pass over the lines. Pure, no I/O.

use std::sync::Arc;

use rust_decimal::Decimal;

use super::cost::{Financiering, Kosten, KostenJaar, Post, Regel};
use super::offers::{Aanbiedingen, VerzekeraarResultaat};
use crate::scenario::Scenario;

/// The sum of some of the lines, per year and over the horizon.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subtotaal {
    /// Per year, in the order of [`Kosten::jaren`].
    pub per_jaar: Vec<Decimal>,
    /// Over the horizon: the sum of `per_jaar`.
    pub totaal: Decimal,
    /// How many lines were summed (a post or a role without any line is not listed).
    pub regels: usize,
}

/// The cost lines summed three ways.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overzicht {
    /// Every post that has a line in some year, in [`Post::ALL`] order (own posts before the
    /// overhead).
    pub posten: Vec<(Post, Subtotaal)>,
    /// Every role of `[uurtarieven]` that pays a line in some year, in that order.
    pub rollen: Vec<(Arc<str>, Subtotaal)>,
    /// The lines without a role (support, project lead, overhead).
    pub zonder_rol: Subtotaal,
    /// Every group of the scenario in file order; one without lines in the horizon sums to 0.
    pub groepen: Vec<Subtotaal>,
    /// The regional lines (those of no group).
    pub regionaal: Subtotaal,
}

/// The subtotals per post, role and group of `k`, the costs of `s`.
pub fn overzicht(s: &Scenario, k: &Kosten) -> Overzicht {
    let n_rollen = s.uurtarieven.len();
    let rol_index = |r: &Regel| match &r.rol {
        // A handful of roles: a linear search beats a map here.
        Some(rol) => s.uurtarieven.iter().position(|u| u.rol == *rol),
        None => Some(n_rollen),
    };
    let mut rollen = verdeel(k, n_rollen + 1, rol_index);
    let zonder_rol = rollen.pop().unwrap_or_else(|| leeg(k));
    let rollen = s
        .uurtarieven
        .iter()
        .zip(rollen)
        .filter(|(_, t)| t.regels > 0)
        .map(|(u, t)| (Arc::clone(&u.rol), t))
        .collect();

    let n_groepen = s.groepen.len();
    let mut groepen = verdeel(k, n_groepen + 1, |r| Some(r.groep.unwrap_or(n_groepen)));
    let regionaal = groepen.pop().unwrap_or_else(|| leeg(k));

    Overzicht {
        posten: per_post(k),
        rollen,
        zonder_rol,
        groepen,
        regionaal,
    }
}

/// The subtotal of every post that has a line in some year, in [`Post::ALL`] order with the
/// `[[kostenpost]]`s (in file order) before the overhead.
pub fn per_post(k: &Kosten) -> Vec<(Post, Subtotaal)> {
    let mut alle: Vec<Post> = Post::ALL.to_vec();
    for j in &k.jaren {
        for r in &j.regels {
            if matches!(r.post, Post::Kostenpost(_)) && !alle.contains(&r.post) {
                alle.push(r.post);
            }
        }
    }
    alle.sort();
    let posten = verdeel(k, alle.len(), |r| alle.iter().position(|p| *p == r.post));
    alle.into_iter()
        .zip(posten)
        .filter(|(_, t)| t.regels > 0)
        .collect()
}

/// The base of a year's overhead: the year's lines financed through TAPA$, overhead aside.
pub fn overhead_grondslag(j: &KostenJaar) -> Decimal {
    som(j
        .regels
        .iter()
        .filter(|r| r.post != Post::Overhead && r.financiering == Financiering::Tapas)
        .map(|r| r.bedrag))
}

/// What of the whole amount to be financed over the horizon stays uncovered when only this
/// insurer contracts its best offer: `te_financieren − opbrengst` of that offer over its years
/// (the whole amount when it has none). Both are amounts within docs/rekenregels.md's bounds, so the
/// difference is exact; were that ever broken, it saturates rather than panic.
pub fn tekort_als_enige(k: &Kosten, a: &Aanbiedingen, v: &VerzekeraarResultaat) -> Decimal {
    let opbrengst = v
        .beste_aanbod
        .and_then(|b| a.totalen.get(b))
        .map_or(Decimal::ZERO, |t| t.opbrengst);
    k.totaal
        .te_financieren
        .checked_sub(opbrengst)
        .unwrap_or(Decimal::MIN)
}

/// A subtotal of no lines.
fn leeg(k: &Kosten) -> Subtotaal {
    Subtotaal {
        per_jaar: vec![Decimal::ZERO; k.jaren.len()],
        totaal: Decimal::ZERO,
        regels: 0,
    }
}

/// `n` subtotals: each line is added to the one `sleutel` names (a line it names none of, or
/// one out of range, is left out).
fn verdeel(k: &Kosten, n: usize, sleutel: impl Fn(&Regel) -> Option<usize>) -> Vec<Subtotaal> {
    let mut out = vec![leeg(k); n];
    for (yi, j) in k.jaren.iter().enumerate() {
        for r in &j.regels {
            let Some(t) = sleutel(r).and_then(|i| out.get_mut(i)) else {
                continue;
            };
            if let Some(v) = t.per_jaar.get_mut(yi) {
                *v = som([*v, r.bedrag]);
            }
            t.regels += 1;
        }
    }
    for t in &mut out {
        t.totaal = som(t.per_jaar.iter().copied());
    }
    out
}

/// Sums amounts rounded to cents. Every line is at least 0 and the engine already formed the
/// sum of all of them (a year total, the horizon total, each at most € 10^12 by docs/rekenregels.md's
/// bounds), so a sum of some of them is exact and cannot overflow; were that ever broken, the
/// sum saturates rather than panic.
fn som(items: impl IntoIterator<Item = Decimal>) -> Decimal {
    items.into_iter().fold(Decimal::ZERO, |a, b| {
        a.checked_add(b).unwrap_or(Decimal::MAX)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::cost::{KostenJaar, Totalen};

    fn regel(
        jaar: i32,
        groep: Option<usize>,
        post: Post,
        rol: Option<&str>,
        bedrag: &str,
    ) -> Regel {
        Regel {
            jaar,
            groep,
            post,
            rol: rol.map(Arc::from),
            uren: None,
            bedrag: d(bedrag),
            financiering: Financiering::Tapas,
        }
    }

    fn d(s: &str) -> Decimal {
        Decimal::from_str_exact(s).expect("a decimal")
    }

    fn kosten(jaren: Vec<(i32, Vec<Regel>)>) -> Kosten {
        Kosten {
            jaren: jaren
                .into_iter()
                .map(|(jaar, regels)| KostenJaar {
                    jaar,
                    indexfactor: Decimal::ONE,
                    regels,
                    totalen: Totalen::default(),
                })
                .collect(),
            totaal: Totalen::default(),
        }
    }

    #[test]
    fn posts_are_summed_per_year_and_over_the_horizon_and_only_posts_with_lines_are_listed() {
        let k = kosten(vec![
            (
                2026,
                vec![
                    regel(2026, Some(0), Post::Ict, None, "100.05"),
                    regel(2026, Some(1), Post::Ict, None, "200.10"),
                    regel(2026, None, Post::Monitoring, None, "0"),
                ],
            ),
            (2027, vec![regel(2027, Some(0), Post::Ict, None, "103.01")]),
        ]);
        let p = per_post(&k);
        // ICT: 100.05 + 200.10 = 300.15 in 2026, 103.01 in 2027, 403.16 in all. Monitoring has
        // one line of € 0 and is listed; no other post has a line.
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].0, Post::Ict);
        assert_eq!(p[0].1.per_jaar, vec![d("300.15"), d("103.01")]);
        assert_eq!(p[0].1.totaal, d("403.16"));
        assert_eq!(p[0].1.regels, 3);
        assert_eq!(p[1].0, Post::Monitoring);
        assert_eq!(p[1].1.totaal, Decimal::ZERO);
    }

    #[test]
    fn the_overhead_base_is_the_years_tapas_lines_without_the_overhead() {
        let mut elders = regel(
            2026,
            Some(0),
            Post::Bijeenkomsten,
            Some("consulent"),
            "500.00",
        );
        elders.financiering = Financiering::Elders;
        let k = kosten(vec![(
            2026,
            vec![
                regel(
                    2026,
                    Some(0),
                    Post::Bijeenkomsten,
                    Some("huisarts"),
                    "1000.00",
                ),
                elders,
                regel(2026, None, Post::Monitoring, None, "250.50"),
                regel(2026, None, Post::Overhead, None, "50.02"),
            ],
        )]);
        // 1,000.00 + 250.50: the consulent's hours are paid elsewhere, the overhead is the
        // result, not its base.
        assert_eq!(overhead_grondslag(&k.jaren[0]), d("1250.50"));
    }

    #[test]
    fn roles_groups_and_regional_lines_are_each_summed_once() {
        // Two groups with one huisarts each, 2 meetings of 1 hour (no preparation or travel),
        // no patients: per group a meetings line of 2 × 1 × 1 h × € 100 = € 200.00 and an ICT
        // line of € 10.00; group B starts after the one-year horizon and has no lines. The
        // monitoring line (€ 50.00) is regional and has no role.
        let s = crate::scenario::parse(
            r#"
formaat = 1
[scenario]
naam = "t"
startjaar = 2026
looptijd_jaren = 1
verzekerden = 1000
[uurtarieven]
huisarts = 100
wijkverpleegkundige = 80
[werkwijze]
bijeenkomsten_per_jaar = 2
duur_uren = 1
voorbereiding_uren = 0
reistijd_uren = 0
voorzitter_uren = 0
coordinatie_uren_per_patient = 0
telefonische_ondersteuning_uren = 0
patienten_per_jaar = 0
[ondersteuning]
ict_per_groep = 10
huisvesting_per_bijeenkomst = 0
projectleiding_uren = 0
projectleiding_uurtarief = 0
monitoring_per_jaar = 50
startkosten_per_nieuwe_groep = 0
scholing_per_nieuwe_deelnemer = 0
overhead_percentage = 0
[[groep]]
naam = "A"
deelnemers = { huisarts = 1 }
[[groep]]
naam = "B"
start = 2027
deelnemers = { huisarts = 1 }
"#,
        )
        .expect("a valid scenario");
        let k = crate::calc::cost::evaluate(&s).expect("costs");
        let o = overzicht(&s, &k);
        let huisarts: Vec<_> = o.rollen.iter().map(|(r, t)| (&**r, t.totaal)).collect();
        // The wijkverpleegkundige has no line and is not listed.
        assert!(huisarts.iter().all(|(r, _)| *r == "huisarts"));
        assert_eq!(huisarts.first().map(|x| x.1), Some(d("200.00")));
        assert_eq!(o.groepen.len(), 2);
        assert_eq!(o.groepen[1].totaal, Decimal::ZERO);
        assert_eq!(o.groepen[1].regels, 0);
        assert_eq!(o.regionaal.totaal, d("50.00"));
        // Every line lands in exactly one group row and in exactly one role row.
        let groepen = o.groepen.iter().map(|t| t.totaal).sum::<Decimal>() + o.regionaal.totaal;
        let rollen = o.rollen.iter().map(|(_, t)| t.totaal).sum::<Decimal>() + o.zonder_rol.totaal;
        assert_eq!(groepen, k.totaal.kosten_totaal);
        assert_eq!(rollen, k.totaal.kosten_totaal);
    }
}
