//! Property tests (proptest) over generated valid scenarios.
//!
//! A generated scenario is a plain description ([`Gen`]) that is written out as TOML and read
//! back through `scenario::parse`, so every property goes through the same path as a user's
//! file. Money is generated as `Decimal::new(i64 in a sane range, 0..=4)` (STYLE.md).
//!
//! The properties (each numbered as in the issue):
//! 1. every total is the sum of its rounded lines; `tapas + elders = totaal`;
//! 2. `kostendekkend_tarief × verzekerden ≥ te_financieren`, and one cent less does not cover;
//! 3. adding a group or a participant, or raising any rate, never lowers any cost figure;
//! 4. multiplying every € input by k ≥ 1 multiplies every money output by k, up to one cent per
//!    line measured in the unscaled euros (`|out' − k·out| ≤ k × 1 ct` per rounded line; a figure
//!    built from several lines gets the sum of their allowances);
//! 5. JSON parses back to the same decimals as the table shows; output is byte-identical
//!    across runs;
//! 6. no valid scenario makes any command panic or overflow silently, in the library and in the
//!    binary (exit status never 101), and a scenario with large values is either an overflow
//!    error or an exact result whose totals add up (up to 9.2e18 per field, and up to
//!    `Decimal::MAX`);
//! 7. the cent rounding of every line equals `rust_decimal`'s own rounding over the whole range;
//! 8. with the additions of format 1 (verzekerden per year, `[[financiering.elders]]`,
//!    `[[kostenpost]]`, `[[bijdrage]]`) every line, total and error is that of a plain engine
//!    written by hand in `aanvullingen.rs` (the test behind the cost engine's fast paths).
//!
//! Run time and reproduction: every property runs [`CASES`] cases (64; `PROPTEST_CASES=N`
//! overrides it) so that the suite stays well under 30 s in a debug `cargo test`. A failure is
//! shrunk and its seed is written to `tests/cli/proptest-regressions/properties.txt`
//! (proptest's own regression file, next to this source file); commit that file, and every
//! later run replays the saved seeds first. See docs/fuzzing.md.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use num_bigint::BigInt;
use patz_calc::calc::cost::{Financiering, Kosten, Post};
use patz_calc::calc::{self, Resultaat};
use patz_calc::decimal::euro;
use patz_calc::render::{self, Format, Options};
use patz_calc::scenario::{self, Scenario};
use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence};
use rust_decimal::Decimal;

/// Cases per property, unless `PROPTEST_CASES` says otherwise.
const CASES: u32 = 64;

/// Where proptest saves the seed of every failure it found, replayed first on every run.
const REGRESSIONS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/cli/proptest-regressions/properties.txt"
);

fn config(cases: u32) -> Config {
    Config {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(cases),
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(REGRESSIONS))),
        // Shrinking a failure must not take minutes.
        max_shrink_iters: 2048,
        ..Config::default()
    }
}

mod genereer;
use genereer::*;

mod controle;
use controle::*;

mod aanvullingen;

// ---------------------------------------------------------------------------------------------
// The properties
// ---------------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(config(CASES))]

    /// 1.
    #[test]
    fn every_total_is_the_sum_of_its_rounded_lines(g in gen_scenario()) {
        let (_, r) = evaluate(&g);
        assert_totals_add_up(&r);
    }

    /// 1a. Every line is its own formula of docs/rekenregels.md, worked out here from scratch with exact
    /// fractions of big integers (the engine works in decimals with a mantissa of any size).
    #[test]
    fn every_line_is_its_formula(g in gen_scenario()) {
        let (s, r) = evaluate(&g);
        assert_lines_are_their_formulas(&s, &r.kosten);
    }

    /// 1b. The totals-only calculation (`batch`) gives the same figures as the full one.
    #[test]
    fn the_totals_only_calculation_gives_the_same_figures(g in gen_scenario()) {
        assert_totals_only_agrees(&parse(&g));
    }

    /// 1c. `batch` counts the warnings without placing them: the same number.
    #[test]
    fn the_warning_count_is_the_number_of_warnings(g in gen_scenario()) {
        let s = parse(&g);
        prop_assert_eq!(scenario::count_warnings(&s), scenario::warnings(&s).len());
    }

    /// 2.
    #[test]
    fn the_cost_covering_tariff_covers_and_one_cent_less_does_not(g in gen_scenario()) {
        let (s, r) = evaluate(&g);
        assert_tariffs(&s, &r);
    }

    /// 3.
    #[test]
    fn adding_a_group_or_participant_or_raising_a_rate_never_lowers_a_cost(
        g in gen_scenario(),
        change in raise(),
    ) {
        prop_assume!(valid(&change.apply(&g)));
        let (_, before) = evaluate(&g);
        let (_, after) = evaluate(&change.apply(&g));
        let (before, after) = (cost_figures(&before.kosten), cost_figures(&after.kosten));
        for (key, old) in &before {
            let new = after.get(key).copied().unwrap_or_default();
            prop_assert!(new >= *old, "{key}: {old} -> {new} after {change:?}");
        }
    }

    /// 4.
    #[test]
    fn scaling_every_euro_input_by_k_scales_every_money_output_by_k(
        // Rates up to € 1.000 and k up to 10: the scaled rates stay inside their bound.
        g in gen_scenario_with(1_000),
        k in (100i64..=1_000).prop_map(|n| Decimal::new(n, 2)),
    ) {
        let (s, r) = evaluate(&g);
        let (s2, r2) = evaluate(&g.scaled(k));
        let before = money_outputs(&s, &r);
        let after = money_outputs(&s2, &r2);
        let keys: std::collections::BTreeSet<&String> = before.keys().chain(after.keys()).collect();
        for key in keys {
            let b = before.get(key).copied().unwrap_or_default();
            let a = after.get(key).copied().unwrap_or_default();
            let slack = b.slack.max(a.slack) * k;
            let off = (a.value - b.value * k).abs();
            prop_assert!(
                off <= slack,
                "{key}: {} × {k} = {} but scaled gives {} (allowed {slack})",
                b.value, b.value * k, a.value
            );
        }
    }

    /// 5a.
    #[test]
    fn json_holds_the_same_decimals_as_the_table_shows(g in gen_scenario()) {
        let (s, r) = evaluate(&g);
        let table = String::from_utf8(render::cost(&s, &r.kosten, OPTS[0])).unwrap();
        let json: serde_json::Value =
            serde_json::from_slice(&render::cost(&s, &r.kosten, OPTS[3])).unwrap();
        let jaren = json["jaren"].as_array().unwrap();
        prop_assert_eq!(jaren.len(), r.kosten.jaren.len());
        for (field, label) in [
            ("kosten_totaal", "Kosten totaal"),
            ("elders_gefinancierd", "Elders gefinancierd"),
            ("te_financieren", "Te financieren via TAPA$"),
            ("kostendekkend_tarief", "Kostendekkend tarief per verzekerde"),
        ] {
            let mut values: Vec<Decimal> = jaren.iter().map(|j| json_decimal(&j[field])).collect();
            values.push(json_decimal(&json["totaal"][field]));
            let shown: Vec<String> = values.iter().map(|v| euro(*v)).collect();
            prop_assert_eq!(table_row(&table, "Financiering", label), shown, "{}", field);
        }
        // The line items in JSON are the library's, and per post they sum to the table's rows.
        for (j, kj) in jaren.iter().zip(&r.kosten.jaren) {
            let regels = j["regels"].as_array().unwrap();
            prop_assert_eq!(regels.len(), kj.regels.len());
            for (x, regel) in regels.iter().zip(&kj.regels) {
                prop_assert_eq!(json_decimal(&x["bedrag"]), regel.bedrag);
            }
        }
        for post in Post::ALL {
            let per_year: Vec<Decimal> = jaren
                .iter()
                .map(|j| {
                    j["regels"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .filter(|x| x["post"] == post.as_str())
                        .map(|x| json_decimal(&x["bedrag"]))
                        .sum()
                })
                .collect();
            if !r.kosten.jaren.iter().any(|j| j.regels.iter().any(|x| x.post == post)) {
                continue;
            }
            let mut shown: Vec<String> = per_year.iter().map(|v| euro(*v)).collect();
            shown.push(euro(per_year.iter().copied().sum()));
            prop_assert_eq!(table_row(&table, "Kosten per post", post.label()), shown);
        }

        if let (Some(i), Some(bc)) = (&r.impact, &r.businesscase) {
            let table =
                String::from_utf8(render::business_case(
                &s,
                &r.kosten,
                i,
                bc,
                &r.per_verzekeraar,
                OPTS[0],
            )).unwrap();
            let json: serde_json::Value = serde_json::from_slice(&render::business_case(
                &s,
                &r.kosten,
                i,
                bc,
                &r.per_verzekeraar,
                OPTS[3],
            ))
            .unwrap();
            let jaren = json["jaren"].as_array().unwrap();
            for (field, label) in [
                ("te_financieren", "Te financieren via TAPA$"),
                ("vermeden_kosten", "Vermeden kosten"),
                ("netto", "Netto (vermeden − te financieren)"),
            ] {
                let mut values: Vec<Decimal> =
                    jaren.iter().map(|j| json_decimal(&j[field])).collect();
                values.push(json_decimal(&json["totaal"][field]));
                let shown: Vec<String> = values.iter().map(|v| euro(*v)).collect();
                prop_assert_eq!(table_row(&table, "Saldo", label), shown, "{}", field);
            }
            let roi: Vec<String> = jaren
                .iter()
                .chain(std::iter::once(&json["totaal"]))
                .map(|j| match &j["roi_percentage"] {
                    serde_json::Value::Null => "—".to_string(),
                    v => format!("{} %", patz_calc::decimal::dutch(json_decimal(v), 1)),
                })
                .collect();
            prop_assert_eq!(table_row(&table, "Saldo", "ROI"), roi);
            let npv = json_decimal(&json["totaal"]["netto_contante_waarde"]);
            prop_assert_eq!(npv, bc.netto_contante_waarde);
            let npv_line = format!("): {}\n", euro(npv));
            prop_assert!(table.contains(&npv_line), "{} not in table", npv_line);
        }
    }

    /// 5b.
    #[test]
    fn the_same_scenario_gives_byte_identical_output(g in gen_scenario()) {
        let (s1, r1) = evaluate(&g);
        let (s2, r2) = evaluate(&g);
        prop_assert_eq!(&r1, &r2);
        let first = all_outputs(&s1, &r1);
        let second = all_outputs(&s2, &r2);
        prop_assert_eq!(first.len(), second.len());
        for (a, b) in first.iter().zip(&second) {
            prop_assert!(a == b, "output differs between runs");
        }
    }

    /// 6a. Every command, in every format, through the library.
    #[test]
    fn no_valid_scenario_makes_a_command_panic(g in gen_scenario()) {
        let (s, r) = evaluate(&g);
        let _ = scenario::warnings(&s);
        for bytes in all_outputs(&s, &r) {
            prop_assert!(!bytes.is_empty());
        }
    }

    /// 6b. Large values (up to 9.2e18 per field, still representable to the cent in every
    /// total): an overflow error naming a field, or an exact result whose totals add up.
    #[test]
    fn large_values_are_an_error_or_an_exact_result(
        g in gen_scenario(),
        huge in (0i64..=i64::MAX, 0u32..=4),
        which in 0usize..12,
    ) {
        huge_value_case(g, Decimal::new(huge.0, huge.1), which)?;
    }

    /// 6c. Values up to `Decimal::MAX`: the same. This found two bugs (fixed in cfcfbd5): totals
    /// above ~7.9e26 € were silently rounded to fewer than two decimals, and the tariff search
    /// in src/calc/cost.rs looped forever when a cent no longer changed a 29-digit tariff.
    #[test]
    fn huge_values_are_an_error_or_an_exact_result(
        g in gen_scenario(),
        huge in (0i64..=i64::MAX, 0u32..=4),
        which in 0usize..12,
        power in 0u32..=14,
    ) {
        let big = Decimal::new(huge.0, huge.1)
            .checked_mul(Decimal::from(10i64.pow(power)))
            .unwrap_or(Decimal::MAX);
        huge_value_case(g, big, which)?;
    }
}

/// A decimal `0 ≤ x ≤ max` with up to 20 decimals: more digits than a rounded intermediate
/// keeps (within the documented bounds).
fn precise(max: u64) -> impl Strategy<Value = Decimal> + Clone {
    (0u32..=20, any::<u128>()).prop_map(move |(s, r)| {
        let limit = u128::from(max) * 10u128.pow(s);
        let m = i128::try_from(r % (limit + 1)).unwrap_or(0);
        Decimal::try_from_i128_with_scale(m, s).unwrap_or(Decimal::ZERO)
    })
}

/// The amounts of `lines` above the bound: a line, a year total or the horizon total.
fn above_the_bound(lines: &[(i32, Lijn, Option<Q>)]) -> bool {
    const GRENS: i128 = 100_000_000_000_000;
    let mut years: BTreeMap<i32, i128> = BTreeMap::new();
    for (j, l, _) in lines {
        *years.entry(*j).or_default() += l.3;
    }
    lines.iter().any(|(_, l, _)| l.3.abs() > GRENS)
        || years.values().any(|t| t.abs() > GRENS)
        || years.values().sum::<i128>().abs() > GRENS
}

proptest! {
    #![proptest_config(config(CASES))]

    /// 1d. With many decimals and up to 30 years of indexation: every line is its exact
    /// formula rounded once (never a value cut to 28 digits first), and the engine refuses a
    /// scenario exactly when one of its amounts passes € 10^12.
    #[test]
    fn every_line_is_its_exact_formula_with_many_decimals(
        g in gen_scenario(),
        looptijd in 1u32..=30,
        indexatie in precise(100),
        tarieven in [precise(10_000), precise(10_000), precise(10_000), precise(10_000)],
        steun in [precise(100_000_000), precise(100_000_000), precise(100_000_000)],
        overhead in precise(100),
        uren in [precise(24), precise(24), precise(24), precise(100), precise(8760)],
    ) {
        let mut s = parse(&g);
        s.looptijd_jaren = looptijd;
        s.indexatie_percentage = indexatie;
        for (u, t) in s.uurtarieven.iter_mut().zip(tarieven) {
            u.bedrag = t;
        }
        let o = &mut s.ondersteuning;
        (o.ict_per_groep, o.monitoring_per_jaar, o.startkosten_per_nieuwe_groep) =
            (steun[0], steun[1], steun[2]);
        o.overhead_percentage = overhead;
        for gr in &mut s.groepen {
            let w = &mut gr.werkwijze;
            w.duur_uren = uren[0];
            w.voorbereiding_uren = uren[1];
            w.voorzitter_uren = uren[2];
            w.coordinatie_uren_per_patient = uren[3];
            w.telefonische_ondersteuning_uren = uren[4];
        }
        let want = lines_by_formula(&s);
        match calc::cost::evaluate(&s) {
            Ok(k) => {
                prop_assert!(!above_the_bound(&want));
                assert_lines_are_their_formulas(&s, &k);
                assert_totals_only_agrees(&s);
            }
            Err(e) => {
                prop_assert!(above_the_bound(&want), "{e}");
                prop_assert!(matches!(e, calc::CalcError::BedragTeGroot { .. }), "{e}");
            }
        }
    }
}

/// An exact fraction `teller / noemer` (`noemer > 0`) of big integers: the arithmetic the
/// properties recompute the lines with, independent of the engine's own.
#[derive(Debug, Clone)]
struct Q(BigInt, BigInt);

impl Q {
    fn of(d: Decimal) -> Q {
        Q(
            BigInt::from(d.mantissa()),
            BigInt::from(10u8).pow(d.scale()),
        )
    }

    fn int(n: u64) -> Q {
        Q(BigInt::from(n), BigInt::from(1u8))
    }

    fn mul(&self, o: &Q) -> Q {
        Q(&self.0 * &o.0, &self.1 * &o.1)
    }

    fn add(&self, o: &Q) -> Q {
        Q(&self.0 * &o.1 + &o.0 * &self.1, &self.1 * &o.1)
    }

    /// `self / 100`.
    fn pct(&self) -> Q {
        Q(self.0.clone(), &self.1 * 100u8)
    }

    /// Rounded to whole cents, half away from zero: ⌊(200·|t| + n) / 2n⌋ cents with the sign.
    fn cents(&self) -> i128 {
        let (t, n) = (&self.0, &self.1);
        let c = (t.magnitude() * 200u8 + n.magnitude()) / (n.magnitude() * 2u8);
        let c = i128::try_from(&c).expect("within the bound");
        if t.sign() == num_bigint::Sign::Minus {
            -c
        } else {
            c
        }
    }

    /// Equal as numbers to `d`.
    fn is(&self, d: Decimal) -> bool {
        let o = Q::of(d);
        &self.0 * &o.1 == &o.0 * &self.1
    }
}

/// A line as the properties compare it: (groep, post, rol, cents, financiering).
type Lijn = (Option<usize>, Post, Option<String>, i128, Financiering);

/// Every line of docs/rekenregels.md for `s`, each worked out from its formula with exact
/// fractions and rounded once to cents, half away from zero; with the hours of each hour line.
fn lines_by_formula(s: &Scenario) -> Vec<(i32, Lijn, Option<Q>)> {
    let o = &s.ondersteuning;
    let step = Q::int(1).add(&Q::of(s.indexatie_percentage).pct());
    let mut out = Vec::new();
    let mut index = Q::int(1);
    for (k, jaar) in s.jaren().enumerate() {
        if k > 0 {
            index = index.mul(&step);
        }
        let i = &index;
        let mut tapas: i128 = 0;
        {
            let mut push = |groep, post, rol: Option<&str>, uren: Option<Q>, bedrag: Q| {
                let cents = bedrag.cents();
                let no_hours = uren
                    .as_ref()
                    .is_none_or(|u| u.0.sign() == num_bigint::Sign::NoSign);
                if cents == 0 && no_hours {
                    return;
                }
                let f = match rol {
                    Some(r) if s.is_elders_gefinancierd(r) => Financiering::Elders,
                    _ => Financiering::Tapas,
                };
                if f == Financiering::Tapas {
                    tapas += cents;
                }
                out.push((jaar, (groep, post, rol.map(str::to_string), cents, f), uren));
            };
            for (gi, g) in s
                .groepen
                .iter()
                .enumerate()
                .filter(|(_, g)| g.start <= jaar)
            {
                let w = &g.werkwijze;
                let b = Q::int(u64::from(w.bijeenkomsten_per_jaar));
                let rate = |rol: &str| Q::of(s.uurtarief(rol).expect("a rate"));
                let mut hours = |post, rol: &str, uren: Q| {
                    let bedrag = uren.mul(&rate(rol)).mul(i);
                    push(Some(gi), post, Some(rol), Some(uren), bedrag);
                };
                for (rol, n) in g.deelnemers.iter().filter(|(_, n)| *n > 0) {
                    let per = Q::of(w.duur_uren)
                        .add(&Q::of(w.voorbereiding_uren))
                        .add(&Q::of(w.reistijd_uren));
                    hours(
                        Post::Bijeenkomsten,
                        rol,
                        b.mul(&Q::int(u64::from(*n))).mul(&per),
                    );
                }
                hours(
                    Post::Voorzitter,
                    &w.voorzitter_rol,
                    b.mul(&Q::of(w.voorzitter_uren)),
                );
                let coord = Q::of(w.patienten_per_jaar).mul(&Q::of(w.coordinatie_uren_per_patient));
                hours(Post::Coordinatie, &w.coordinatie_rol, coord);
                if g.aantal("consulent") > 0 {
                    let tel = Q::of(w.telefonische_ondersteuning_uren);
                    hours(Post::TelefonischeOndersteuning, "consulent", tel);
                }
                push(
                    Some(gi),
                    Post::Ict,
                    None,
                    None,
                    Q::of(o.ict_per_groep).mul(i),
                );
                let huis = b.mul(&Q::of(o.huisvesting_per_bijeenkomst)).mul(i);
                push(Some(gi), Post::Huisvesting, None, None, huis);
                if g.nieuw && g.start == jaar {
                    let start = Q::of(o.startkosten_per_nieuwe_groep).mul(i);
                    push(Some(gi), Post::Startkosten, None, None, start);
                    let n = Q::int(g.totaal_deelnemers());
                    let scholing = Q::of(o.scholing_per_nieuwe_deelnemer).mul(&n).mul(i);
                    push(Some(gi), Post::Scholing, None, None, scholing);
                }
            }
            let pl_uren = Q::of(o.projectleiding_uren);
            let pl = pl_uren.mul(&Q::of(o.projectleiding_uurtarief)).mul(i);
            push(None, Post::Projectleiding, None, Some(pl_uren), pl);
            push(
                None,
                Post::Monitoring,
                None,
                None,
                Q::of(o.monitoring_per_jaar).mul(i),
            );
        }
        // Overhead over the rounded TAPA$-financed lines of the year.
        let base = Q(BigInt::from(tapas), BigInt::from(100u8));
        let overhead = Q::of(o.overhead_percentage).pct().mul(&base).cents();
        if overhead != 0 {
            let line = (None, Post::Overhead, None, overhead, Financiering::Tapas);
            out.push((jaar, line, None));
        }
    }
    out
}

/// Each line of `k` is its formula (see [`lines_by_formula`]): the same lines in the same
/// order, each amount to the cent, each hour line's hours exactly.
fn assert_lines_are_their_formulas(s: &Scenario, k: &Kosten) {
    let want = lines_by_formula(s);
    let got: Vec<(i32, Lijn, Option<Decimal>)> = k
        .jaren
        .iter()
        .flat_map(|j| &j.regels)
        .map(|r| {
            let cents = match r.bedrag.scale() {
                s @ 0..=2 => r.bedrag.mantissa() * 10i128.pow(2 - s),
                _ => panic!("{r:?} is not in cents"),
            };
            (
                r.jaar,
                (
                    r.groep,
                    r.post,
                    r.rol.as_deref().map(str::to_string),
                    cents,
                    r.financiering,
                ),
                r.uren,
            )
        })
        .collect();
    let strip = |v: &[(i32, Lijn, Option<Q>)]| {
        v.iter()
            .map(|(j, l, _)| (*j, l.clone()))
            .collect::<Vec<_>>()
    };
    let got_lines: Vec<(i32, Lijn)> = got.iter().map(|(j, l, _)| (*j, l.clone())).collect();
    assert_eq!(got_lines, strip(&want));
    for ((_, l, uren), (_, _, exact)) in got.iter().zip(&want) {
        match (uren, exact) {
            // Exact, or (more digits than a Decimal holds) the exact hours rounded at the last
            // of 20 or more decimals: |u − x| · 2 · 10^scale ≤ 1.
            (Some(u), Some(x)) => {
                let d = x.add(&Q::of(-*u));
                let off = d.0.magnitude() * 2u8 * BigInt::from(10u8).pow(u.scale()).magnitude();
                assert!(
                    x.is(*u) || (u.scale() >= 20 && off <= *d.1.magnitude()),
                    "hours of {l:?}: {u} is not {x:?}"
                );
            }
            (None, None) => {}
            other => panic!("hours of {l:?}: {other:?}"),
        }
    }
}

/// `calc::evaluate_totals` is `calc::evaluate` without the cost lines: the same result with
/// every `regels` emptied, or the same error (the same field path and description).
fn assert_totals_only_agrees(s: &Scenario) {
    let strip = |mut r: Resultaat| {
        for j in &mut r.kosten.jaren {
            j.regels.clear();
        }
        r
    };
    let full = calc::evaluate(s).map(strip);
    let totals = calc::evaluate_totals(s);
    if let Ok(t) = &totals {
        assert!(t.kosten.jaren.iter().all(|j| j.regels.is_empty()));
    }
    assert_eq!(totals, full);
}

/// Puts `big` into one field of `g` and checks that the result is an error or exact.
fn huge_value_case(mut g: Gen, big: Decimal, which: usize) -> Result<(), TestCaseError> {
    match which {
        0..=3 => g.tarieven[which] = big,
        4..=9 => g.ondersteuning[which - 4] = big,
        10 => g.projectleiding_uren = big,
        _ => g.werk.uren[0] = big,
    }
    // Past the documented bounds: a range error at the field, before any calculation.
    let s = match scenario::parse(&g.toml()) {
        Ok(s) => s,
        Err(errors) => {
            for e in &errors {
                prop_assert!(
                    e.message.contains("moet tussen") || e.message.contains("past niet"),
                    "{}",
                    e.render("gen.toml")
                );
            }
            return Ok(());
        }
    };
    assert_totals_only_agrees(&s);
    match calc::evaluate(&s) {
        Ok(r) => {
            assert_totals_add_up(&r);
            assert_tariffs(&s, &r);
            for bytes in all_outputs(&s, &r) {
                prop_assert!(!bytes.is_empty());
            }
        }
        Err(e) => {
            prop_assert!(!e.path().is_empty());
            prop_assert!(e.to_string().contains("te groot"), "{}", e);
        }
    }
    Ok(())
}

/// Any decimal: a 96-bit mantissa, either sign, scale 0..=28.
fn any_decimal() -> impl Strategy<Value = Decimal> {
    (
        any::<u32>(),
        any::<u32>(),
        any::<u32>(),
        any::<bool>(),
        0u32..=28,
    )
        .prop_map(|(lo, mid, hi, negative, scale)| {
            Decimal::from_parts(lo, mid, hi, negative, scale)
        })
}

proptest! {
    #![proptest_config(config(CASES * 16))]

    /// 7. The cent rounding of every line (src/decimal.rs, a fast path on the integer mantissa)
    /// is `rust_decimal`'s own rounding, half away from zero, and up for the tariff, over the
    /// whole range of a decimal.
    #[test]
    fn cent_rounding_is_rust_decimals_rounding_over_the_whole_range(
        x in any_decimal(),
        small in (any::<i64>(), 0u32..=28).prop_map(|(m, s)| Decimal::new(m, s)),
    ) {
        use rust_decimal::RoundingStrategy as R;
        for v in [x, small] {
            let money = patz_calc::decimal::round_money(v);
            let tariff = patz_calc::decimal::round_tariff_up(v);
            prop_assert_eq!(money, v.round_dp_with_strategy(2, R::MidpointAwayFromZero), "{}", v);
            prop_assert_eq!(tariff, v.round_dp_with_strategy(2, R::ToPositiveInfinity), "{}", v);
            prop_assert!(money.scale() <= 2 && tariff.scale() <= 2, "{}", v);
            prop_assert!(!money.is_sign_negative() || !money.is_zero(), "-0 from {}", v);
            prop_assert!(!tariff.is_sign_negative() || !tariff.is_zero(), "-0 from {}", v);
        }
    }
}

proptest! {
    // Each case starts the binary up to 15 times: fewer cases.
    #![proptest_config(config(CASES / 8))]

    /// 6d. Every command and format through the real binary: never a panic (exit 101).
    #[test]
    fn no_valid_scenario_makes_the_binary_panic(g in gen_scenario()) {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("gen.toml");
        std::fs::write(&file, g.toml()).unwrap();
        let mut commands = vec!["cost", "offers", "explain"];
        if g.impact.is_some() {
            commands.extend(["impact", "business-case"]);
        }
        for command in commands {
            for format in ["table", "csv", "json"] {
                let out = std::process::Command::new(env!("CARGO_BIN_EXE_patz-calc"))
                    .args([command, "--format", format])
                    .arg(&file)
                    .output()
                    .unwrap();
                prop_assert_eq!(
                    out.status.code(),
                    Some(0),
                    "{} --format {}: {}",
                    command,
                    format,
                    String::from_utf8_lossy(&out.stderr)
                );
                prop_assert!(!out.stdout.is_empty());
            }
        }
    }
}
