//! What the properties check: totals, tariffs, monotonicity, scaling, the formats.

use super::*;

// ---------------------------------------------------------------------------------------------
// 1. Totals are sums of rounded lines
// ---------------------------------------------------------------------------------------------

pub(super) fn is_cents(d: Decimal) -> bool {
    d.round_dp(2) == d
}

pub(super) fn assert_totals_add_up(r: &Resultaat) {
    let k = &r.kosten;
    let (mut totaal, mut elders, mut tapas) = (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
    for j in &k.jaren {
        let lines = j.regels.iter().map(|r| r.bedrag);
        assert!(j.regels.iter().all(|r| is_cents(r.bedrag)), "{}", j.jaar);
        let sum: Decimal = lines.sum();
        let e: Decimal = j
            .regels
            .iter()
            .filter(|r| r.financiering == Financiering::Elders)
            .map(|r| r.bedrag)
            .sum();
        let t: Decimal = j
            .regels
            .iter()
            .filter(|r| r.financiering == Financiering::Tapas)
            .map(|r| r.bedrag)
            .sum();
        assert_eq!(j.totalen.kosten_totaal, sum, "{}: kosten_totaal", j.jaar);
        assert_eq!(j.totalen.elders_gefinancierd, e, "{}: elders", j.jaar);
        assert_eq!(j.totalen.te_financieren, t, "{}: te_financieren", j.jaar);
        assert_eq!(t + e, j.totalen.kosten_totaal, "{}: tapas + elders", j.jaar);
        totaal += sum;
        elders += e;
        tapas += t;
    }
    assert_eq!(k.totaal.kosten_totaal, totaal);
    assert_eq!(k.totaal.elders_gefinancierd, elders);
    assert_eq!(k.totaal.te_financieren, tapas);
    assert_eq!(tapas + elders, k.totaal.kosten_totaal);

    if let Some(i) = &r.impact {
        let mut horizon = Decimal::ZERO;
        for j in &i.jaren {
            assert!(j.indicatoren.iter().all(|x| is_cents(x.vermeden_kosten)));
            let sum: Decimal = j.indicatoren.iter().map(|x| x.vermeden_kosten).sum();
            assert_eq!(j.vermeden_kosten, sum, "{}: vermeden_kosten", j.jaar);
            horizon += sum;
        }
        assert_eq!(i.vermeden_kosten, horizon);
        for (n, t) in i.totaal.iter().enumerate() {
            let sum: Decimal = i
                .jaren
                .iter()
                .map(|j| j.indicatoren[n].vermeden_kosten)
                .sum();
            assert_eq!(t.vermeden_kosten, sum, "{:?}", t.indicator);
        }
        let per_indicator: Decimal = i.totaal.iter().map(|t| t.vermeden_kosten).sum();
        assert_eq!(per_indicator, i.vermeden_kosten);
    }

    let a = &r.aanbiedingen;
    for t in &a.totalen {
        let mine = a.regels.iter().filter(|x| x.aanbod == t.aanbod);
        let (ka, op): (Decimal, Decimal) = mine.fold((Decimal::ZERO, Decimal::ZERO), |acc, x| {
            (acc.0 + x.kostenaandeel, acc.1 + x.opbrengst)
        });
        assert_eq!(t.kostenaandeel, ka);
        assert_eq!(t.opbrengst, op);
        assert_eq!(t.saldo, op - ka);
    }
    for x in &a.regels {
        assert!(is_cents(x.opbrengst) && is_cents(x.kostenaandeel));
        assert_eq!(x.saldo, x.opbrengst - x.kostenaandeel);
    }
    for (yi, (jaar, niet)) in a.niet_toegerekend.iter().enumerate() {
        let shares: Decimal = a
            .verzekeraars
            .iter()
            .map(|v| v.kostenaandeel_per_jaar[yi])
            .sum();
        assert_eq!(*niet + shares, k.jaren[yi].totalen.te_financieren, "{jaar}");
    }
    let niet: Decimal = a.niet_toegerekend.iter().map(|(_, x)| *x).sum();
    assert_eq!(a.niet_toegerekend_totaal, niet);

    if let Some(bc) = &r.businesscase {
        for (jaar, s) in &bc.jaren {
            assert_eq!(
                s.netto,
                s.vermeden_kosten - s.kosten.te_financieren,
                "{jaar}"
            );
        }
        assert_eq!(
            bc.totaal.netto,
            bc.totaal.vermeden_kosten - bc.totaal.kosten.te_financieren
        );
        let netto: Decimal = bc.jaren.iter().map(|(_, s)| s.netto).sum();
        assert_eq!(bc.totaal.netto, netto);
    }
}

// ---------------------------------------------------------------------------------------------
// 2. The cost-covering tariff covers, and one cent less does not
// ---------------------------------------------------------------------------------------------

pub(super) fn assert_tariff_is_the_smallest_that_covers(
    tarief: Decimal,
    verzekerden: Decimal,
    kosten: Decimal,
) {
    assert!(is_cents(tarief), "tariff {tarief} is not in cents");
    assert!(
        tarief * verzekerden >= kosten,
        "{tarief} × {verzekerden} < {kosten}"
    );
    if tarief > Decimal::ZERO {
        assert!(
            (tarief - cent()) * verzekerden < kosten,
            "{tarief} − 1 ct still covers {kosten} for {verzekerden}"
        );
    } else {
        assert!(kosten.is_zero());
    }
}

pub(super) fn assert_tariffs(s: &Scenario, r: &Resultaat) {
    for j in &r.kosten.jaren {
        assert_tariff_is_the_smallest_that_covers(
            j.totalen.kostendekkend_tarief,
            s.verzekerden,
            j.totalen.te_financieren,
        );
    }
    let t = &r.kosten.totaal;
    assert_tariff_is_the_smallest_that_covers(
        t.kostendekkend_tarief,
        s.verzekerden * Decimal::from(s.looptijd_jaren),
        t.te_financieren,
    );
    for v in &r.aanbiedingen.verzekeraars {
        if let Some(b) = v.break_even_tarief {
            assert_tariff_is_the_smallest_that_covers(
                b,
                v.verzekerden * Decimal::from(s.looptijd_jaren),
                v.kostenaandeel,
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// 3. Monotonicity
// ---------------------------------------------------------------------------------------------

/// Every cost figure by name: the four totals per year and over the horizon, and the sums per
/// year × post, year × role, year × group and year × financing.
pub(super) fn cost_figures(k: &Kosten) -> BTreeMap<String, Decimal> {
    let mut m = BTreeMap::new();
    let mut put = |key: String, v: Decimal| *m.entry(key).or_insert(Decimal::ZERO) += v;
    for j in &k.jaren {
        let t = &j.totalen;
        put(format!("{} kosten_totaal", j.jaar), t.kosten_totaal);
        put(format!("{} elders", j.jaar), t.elders_gefinancierd);
        put(format!("{} te_financieren", j.jaar), t.te_financieren);
        put(format!("{} tarief", j.jaar), t.kostendekkend_tarief);
        for r in &j.regels {
            put(format!("{} post {}", j.jaar, r.post.as_str()), r.bedrag);
            put(format!("{} rol {:?}", j.jaar, r.rol), r.bedrag);
            put(format!("{} groep {:?}", j.jaar, r.groep), r.bedrag);
        }
    }
    put("totaal kosten_totaal".into(), k.totaal.kosten_totaal);
    put("totaal elders".into(), k.totaal.elders_gefinancierd);
    put("totaal te_financieren".into(), k.totaal.te_financieren);
    put("totaal tarief".into(), k.totaal.kostendekkend_tarief);
    m
}

/// One change that may only raise costs.
#[derive(Debug, Clone)]
pub(super) enum Raise {
    AddGroup(Groep),
    AddParticipant { groep: usize, rol: usize },
    Uurtarief { rol: usize, by: Decimal },
    Ondersteuning { veld: usize, by: Decimal },
    ProjectleidingUren(Decimal),
    Overhead(Decimal),
    Indexatie(Decimal),
    WerkUren { veld: usize, by: Decimal },
    Bijeenkomsten(u32),
}

pub(super) fn raise() -> impl Strategy<Value = Raise> {
    prop_oneof![
        groep().prop_map(Raise::AddGroup),
        (0usize..4, 0usize..4).prop_map(|(groep, rol)| Raise::AddParticipant { groep, rol }),
        (0usize..4, money()).prop_map(|(rol, by)| Raise::Uurtarief { rol, by }),
        (0usize..6, money()).prop_map(|(veld, by)| Raise::Ondersteuning { veld, by }),
        hours().prop_map(Raise::ProjectleidingUren),
        percentage().prop_map(Raise::Overhead),
        percentage().prop_map(Raise::Indexatie),
        (0usize..7, hours()).prop_map(|(veld, by)| Raise::WerkUren { veld, by }),
        (1u32..=6).prop_map(Raise::Bijeenkomsten),
    ]
}

impl Raise {
    pub(super) fn apply(&self, g: &Gen) -> Gen {
        let mut g = g.clone();
        let hundred = Decimal::ONE_HUNDRED;
        match self {
            Raise::AddGroup(x) => g.groepen.push(x.clone()),
            Raise::AddParticipant { groep, rol } => {
                let n = g.groepen.len();
                g.groepen[groep % n].deelnemers[*rol] += 1;
            }
            Raise::Uurtarief { rol, by } => g.tarieven[*rol] += by,
            Raise::Ondersteuning { veld, by } => g.ondersteuning[*veld] += by,
            Raise::ProjectleidingUren(by) => g.projectleiding_uren += by,
            Raise::Overhead(by) => g.overhead = (g.overhead + by).min(hundred),
            Raise::Indexatie(by) => {
                g.indexatie = Some((g.indexatie.unwrap_or_default() + by / hundred).min(hundred))
            }
            Raise::WerkUren { veld, by } => {
                g.werk.uren[*veld] += by;
                // A group's own value overrides [werkwijze]: raise it too.
                for x in &mut g.groepen {
                    match *veld {
                        0 => x.duur_uren = x.duur_uren.map(|d| d + by),
                        6 => x.patienten_per_jaar = x.patienten_per_jaar.map(|p| p + by),
                        _ => {}
                    }
                }
            }
            Raise::Bijeenkomsten(by) => {
                g.werk.bijeenkomsten += by;
                for x in &mut g.groepen {
                    x.bijeenkomsten = x.bijeenkomsten.map(|b| b + by);
                }
            }
        }
        g
    }
}

// ---------------------------------------------------------------------------------------------
// 4. Scaling every € input by k
// ---------------------------------------------------------------------------------------------

/// A money figure with the rounding it may be off by after scaling (in unscaled cents).
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Tol {
    pub(super) value: Decimal,
    /// Allowed `|out' − k·out|`, in unscaled euros (multiplied by k when checked).
    pub(super) slack: Decimal,
}

/// Every money output with its allowance.
pub(super) fn money_outputs(s: &Scenario, r: &Resultaat) -> BTreeMap<String, Tol> {
    let mut m: BTreeMap<String, Tol> = BTreeMap::new();
    let put = |m: &mut BTreeMap<String, Tol>, key: String, value: Decimal, slack: Decimal| {
        let e = m.entry(key).or_default();
        e.value += value;
        e.slack += slack;
    };
    let mut te_fin_slack = Vec::new();
    let mut horizon_slack = Decimal::ZERO;
    for j in &r.kosten.jaren {
        let tapas_lines = j
            .regels
            .iter()
            .filter(|x| x.financiering == Financiering::Tapas && x.post != Post::Overhead)
            .count();
        let mut year_slack = Decimal::ZERO;
        let mut tapas_slack = Decimal::ZERO;
        for x in &j.regels {
            // A line is off by at most a cent; overhead also carries the lines it is a % of.
            let slack = if x.post == Post::Overhead {
                cent() * Decimal::from(tapas_lines + 1)
            } else {
                cent()
            };
            let key = format!("{} regel {:?} {:?} {:?}", j.jaar, x.groep, x.post, x.rol);
            put(&mut m, key, x.bedrag, slack);
            year_slack += slack;
            if x.financiering == Financiering::Tapas {
                tapas_slack += slack;
            }
        }
        put(
            &mut m,
            format!("{} kosten_totaal", j.jaar),
            j.totalen.kosten_totaal,
            year_slack,
        );
        put(
            &mut m,
            format!("{} te_financieren", j.jaar),
            j.totalen.te_financieren,
            tapas_slack,
        );
        put(
            &mut m,
            format!("{} elders", j.jaar),
            j.totalen.elders_gefinancierd,
            year_slack - tapas_slack,
        );
        // Rounding up: a cent on each side, plus the costs' allowance spread over the insured.
        put(
            &mut m,
            format!("{} tarief", j.jaar),
            j.totalen.kostendekkend_tarief,
            cent() * Decimal::TWO + tapas_slack / s.verzekerden,
        );
        te_fin_slack.push(tapas_slack);
        horizon_slack += year_slack;
    }
    let tapas_horizon: Decimal = te_fin_slack.iter().copied().sum();
    put(
        &mut m,
        "totaal kosten_totaal".into(),
        r.kosten.totaal.kosten_totaal,
        horizon_slack,
    );
    put(
        &mut m,
        "totaal te_financieren".into(),
        r.kosten.totaal.te_financieren,
        tapas_horizon,
    );
    put(
        &mut m,
        "totaal tarief".into(),
        r.kosten.totaal.kostendekkend_tarief,
        cent() * Decimal::TWO + tapas_horizon / s.verzekerden,
    );
    let mut vermeden_slack = Vec::new();
    if let Some(i) = &r.impact {
        for j in &i.jaren {
            for x in &j.indicatoren {
                put(
                    &mut m,
                    format!("{} {:?}", j.jaar, x.indicator),
                    x.vermeden_kosten,
                    cent(),
                );
            }
            let n = Decimal::from(j.indicatoren.len());
            put(
                &mut m,
                format!("{} vermeden", j.jaar),
                j.vermeden_kosten,
                cent() * n,
            );
            vermeden_slack.push(cent() * n);
        }
        let total: Decimal = vermeden_slack.iter().copied().sum();
        put(&mut m, "totaal vermeden".into(), i.vermeden_kosten, total);
    }
    for x in &r.aanbiedingen.regels {
        let yi = r
            .kosten
            .jaren
            .iter()
            .position(|j| j.jaar == x.jaar)
            .unwrap_or(0);
        put(
            &mut m,
            format!("{} opbrengst {}", x.jaar, x.aanbod),
            x.opbrengst,
            cent(),
        );
        // kostenaandeel = te_financieren × share ≤ 100 %, rounded.
        put(
            &mut m,
            format!("{} kostenaandeel {}", x.jaar, x.aanbod),
            x.kostenaandeel,
            te_fin_slack[yi] + cent(),
        );
    }
    if let Some(bc) = &r.businesscase {
        let mut npv_slack = Decimal::ZERO;
        for (yi, (jaar, x)) in bc.jaren.iter().enumerate() {
            let slack = te_fin_slack[yi] + vermeden_slack[yi];
            put(&mut m, format!("{jaar} netto"), x.netto, slack);
            // Each discounted term (discount ≥ 1) is rounded once more.
            npv_slack += slack + cent();
        }
        put(
            &mut m,
            "netto contante waarde".into(),
            bc.netto_contante_waarde,
            npv_slack,
        );
    }
    m
}

// ---------------------------------------------------------------------------------------------
// 5. JSON against the table; byte-identical output
// ---------------------------------------------------------------------------------------------

/// The cells of the row labelled `label` in the table under the heading `section`.
pub(super) fn table_row(text: &str, section: &str, label: &str) -> Vec<String> {
    let mut lines = text.lines().skip_while(|l| *l != section);
    assert!(lines.next().is_some(), "no section {section:?} in:\n{text}");
    for l in lines {
        if l.is_empty() {
            break;
        }
        let Some(inner) = l.strip_prefix('│').and_then(|x| x.strip_suffix('│')) else {
            continue;
        };
        let cells: Vec<String> = inner.split('┆').map(|c| c.trim().to_string()).collect();
        if cells.first().map(String::as_str) == Some(label) {
            return cells[1..].to_vec();
        }
    }
    panic!("no row {label:?} in section {section:?} of:\n{text}")
}

pub(super) fn json_decimal(v: &serde_json::Value) -> Decimal {
    let s = v
        .as_str()
        .unwrap_or_else(|| panic!("{v} is not a decimal string"));
    Decimal::from_str_exact(s).unwrap_or_else(|e| panic!("{s:?}: {e}"))
}

pub(super) const OPTS: [Options; 4] = [
    Options {
        format: Format::Table,
        csv_nl: false,
    },
    Options {
        format: Format::Csv,
        csv_nl: false,
    },
    Options {
        format: Format::Csv,
        csv_nl: true,
    },
    Options {
        format: Format::Json,
        csv_nl: false,
    },
];

/// Every command's output in every format, as the binary would print it.
pub(super) fn all_outputs(s: &Scenario, r: &Resultaat) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for opts in OPTS {
        out.push(render::cost(s, &r.kosten, opts));
        out.push(render::offers(s, r, false, opts));
        out.push(render::offers(s, r, true, opts));
        if let (Some(i), Some(bc)) = (&r.impact, &r.businesscase) {
            out.push(render::impact(s, i, opts));
            out.push(render::business_case(
                s,
                &r.kosten,
                i,
                bc,
                &r.per_verzekeraar,
                opts,
            ));
        }
        let filter = calc::explain::Filter::default();
        let mut lines = calc::explain::explain(s, &r.kosten, r.impact.as_ref(), &filter);
        if let (Some(i), Some(bc)) = (&r.impact, &r.businesscase) {
            lines.extend(calc::explain::explain_saldo(i, bc, &filter));
        }
        out.push(render::explain(s, &lines, opts));
    }
    out
}
