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
//! 7. the cent rounding of every line equals `rust_decimal`'s own rounding over the whole range.
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

// ---------------------------------------------------------------------------------------------
// The generated scenario
// ---------------------------------------------------------------------------------------------

/// The roles of every generated scenario, in `[uurtarieven]` order.
const ROLLEN: [&str; 4] = [
    "huisarts",
    "wijkverpleegkundige",
    "consulent",
    "medisch_specialist",
];

/// `[ondersteuning]` fields that are € amounts (scaled by property 4) ...
const ONDERSTEUNING_EURO: [&str; 6] = [
    "ict_per_groep",
    "huisvesting_per_bijeenkomst",
    "projectleiding_uurtarief",
    "monitoring_per_jaar",
    "startkosten_per_nieuwe_groep",
    "scholing_per_nieuwe_deelnemer",
];

/// ... and the indicator ids, in SPEC.md's order.
const INDICATOREN: [&str; 6] = [
    "ziekenhuisopnames_meer_dan_1",
    "ziekenhuisdagen_meer_dan_14",
    "seh_bezoeken_meer_dan_1",
    "ic_opname",
    "overlijden_in_ziekenhuis",
    "chemotherapie",
];

/// `[werkwijze]` hour fields, in this order in [`Werk::uren`].
const WERK_UREN: [&str; 7] = [
    "duur_uren",
    "voorbereiding_uren",
    "reistijd_uren",
    "voorzitter_uren",
    "coordinatie_uren_per_patient",
    "telefonische_ondersteuning_uren",
    "patienten_per_jaar",
];

#[derive(Debug, Clone)]
struct Werk {
    bijeenkomsten: u32,
    /// In the order of [`WERK_UREN`].
    uren: [Decimal; 7],
    voorzitter_rol: usize,
    coordinatie_rol: usize,
}

#[derive(Debug, Clone)]
struct Groep {
    deelnemers: [u32; 4],
    /// Years after `startjaar` (may lie after the horizon: a warning, still valid).
    start: u32,
    nieuw: bool,
    bijeenkomsten: Option<u32>,
    duur_uren: Option<Decimal>,
    patienten_per_jaar: Option<Decimal>,
}

#[derive(Debug, Clone)]
struct Aanbod {
    verzekeraar: usize,
    tarief: Decimal,
    plafond: Option<Decimal>,
    /// Bit i: year `startjaar + i` is a contract year; no bit in the horizon: the whole horizon.
    jaren: u32,
}

#[derive(Debug, Clone)]
struct Impact {
    kanker: Decimal,
    disconto: Decimal,
    /// `(basis_percentage, reductie_percentage, kosten_per_geval)` per indicator.
    indicatoren: [(Decimal, Decimal, Decimal); 6],
}

#[derive(Debug, Clone)]
struct Gen {
    startjaar: i32,
    looptijd: u32,
    verzekerden: i64,
    tarieven: [Decimal; 4],
    werk: Werk,
    groepen: Vec<Groep>,
    /// In the order of [`ONDERSTEUNING_EURO`].
    ondersteuning: [Decimal; 6],
    projectleiding_uren: Decimal,
    overhead: Decimal,
    indexatie: Option<Decimal>,
    elders: [bool; 4],
    verzekeraars: Vec<Decimal>,
    aanbiedingen: Vec<Aanbod>,
    impact: Option<Impact>,
}

/// A decimal `0 ≤ x ≤ max` with 0 to `scales` decimals: inside the documented input bounds
/// (README "Grenzen"), as every valid scenario is.
fn upto(max: i64, scales: u32) -> impl Strategy<Value = Decimal> + Clone {
    (0u32..=scales)
        .prop_flat_map(move |s| (0i64..=max * 10i64.pow(s)).prop_map(move |n| Decimal::new(n, s)))
}

fn money() -> impl Strategy<Value = Decimal> + Clone {
    upto(500_000, 4)
}

/// Hours of a meeting or per patient: at most 24.
fn hours() -> impl Strategy<Value = Decimal> + Clone {
    upto(24, 2)
}

/// Whether the generated file is a valid scenario (a raised or scaled one may pass a bound).
fn valid(g: &Gen) -> bool {
    scenario::parse(&g.toml()).is_ok()
}

fn percentage() -> impl Strategy<Value = Decimal> + Clone {
    (0i64..=10_000).prop_map(|n| Decimal::new(n, 2))
}

fn groep() -> impl Strategy<Value = Groep> {
    (
        [0u32..=12, 0u32..=6, 0u32..=2, 0u32..=2],
        0u32..=5,
        any::<bool>(),
        proptest::option::of(0u32..=12),
        proptest::option::of(hours()),
        proptest::option::of(hours()),
    )
        .prop_map(
            |(deelnemers, start, nieuw, bijeenkomsten, duur_uren, patienten_per_jaar)| Groep {
                deelnemers,
                start,
                nieuw,
                bijeenkomsten,
                duur_uren,
                patienten_per_jaar,
            },
        )
}

fn impact() -> impl Strategy<Value = Impact> {
    let ind = (percentage(), percentage(), money());
    (
        percentage(),
        (0i64..=2_000).prop_map(|n| Decimal::new(n, 2)),
        [
            ind.clone(),
            ind.clone(),
            ind.clone(),
            ind.clone(),
            ind.clone(),
            ind,
        ],
    )
        .prop_map(|(kanker, disconto, indicatoren)| Impact {
            kanker,
            disconto,
            indicatoren,
        })
}

fn aanbod(tarief_max: i64) -> impl Strategy<Value = Aanbod> {
    (
        0usize..3,
        upto(tarief_max, 4),
        proptest::option::of(money()),
        any::<u32>(),
    )
        .prop_map(|(verzekeraar, tarief, plafond, jaren)| Aanbod {
            verzekeraar,
            tarief,
            plafond,
            jaren,
        })
}

fn gen_scenario() -> impl Strategy<Value = Gen> {
    gen_scenario_with(10_000)
}

/// A scenario whose hourly rates are at most `uurtarief_max` € and whose offers' tariffs at
/// most a tenth of that.
fn gen_scenario_with(uurtarief_max: i64) -> impl Strategy<Value = Gen> {
    let werk = (
        0u32..=12,
        [
            hours(),
            hours(),
            hours(),
            hours(),
            hours(),
            hours(),
            hours(),
        ],
        0usize..4,
        0usize..4,
    )
        .prop_map(
            |(bijeenkomsten, uren, voorzitter_rol, coordinatie_rol)| Werk {
                bijeenkomsten,
                uren,
                voorzitter_rol,
                coordinatie_rol,
            },
        );
    let verzekeraars = prop_oneof![
        4 => proptest::collection::vec((0i64..=3_333).prop_map(|n| Decimal::new(n, 2)), 0..=3),
        1 => Just(vec![Decimal::ONE_HUNDRED]),
    ];
    (
        (2020i32..=2030, 1u32..=5, 1i64..=3_000_000),
        [
            upto(uurtarief_max, 4),
            upto(uurtarief_max, 4),
            upto(uurtarief_max, 4),
            upto(uurtarief_max, 4),
        ],
        werk,
        proptest::collection::vec(groep(), 1..=4),
        (
            [
                upto(500_000, 4),
                upto(500_000, 4),
                upto(uurtarief_max, 4),
                upto(500_000, 4),
                upto(500_000, 4),
                upto(500_000, 4),
            ],
            hours(),
            percentage(),
        ),
        proptest::option::of((0i64..=1_000).prop_map(|n| Decimal::new(n, 2))),
        [any::<bool>(), any::<bool>(), any::<bool>(), any::<bool>()],
        verzekeraars,
        proptest::collection::vec(aanbod(uurtarief_max / 10), 0..=3),
        proptest::option::of(impact()),
    )
        .prop_map(
            |(
                (startjaar, looptijd, verzekerden),
                tarieven,
                werk,
                groepen,
                (ondersteuning, projectleiding_uren, overhead),
                indexatie,
                elders,
                verzekeraars,
                aanbiedingen,
                impact,
            )| Gen {
                startjaar,
                looptijd,
                verzekerden,
                tarieven,
                werk,
                groepen,
                ondersteuning,
                projectleiding_uren,
                overhead,
                indexatie,
                elders,
                verzekeraars,
                aanbiedingen,
                impact,
            },
        )
}

impl Gen {
    /// The scenario as a TOML file.
    fn toml(&self) -> String {
        let mut t = String::new();
        let _ = writeln!(t, "formaat = 1\n\n[scenario]\nnaam = \"Eigenschap\"");
        let _ = writeln!(
            t,
            "startjaar = {}\nlooptijd_jaren = {}\nverzekerden = {}\n\n[uurtarieven]",
            self.startjaar, self.looptijd, self.verzekerden
        );
        for (rol, tarief) in ROLLEN.iter().zip(&self.tarieven) {
            let _ = writeln!(t, "{rol} = {tarief}");
        }
        let w = &self.werk;
        let _ = writeln!(
            t,
            "\n[werkwijze]\nbijeenkomsten_per_jaar = {}",
            w.bijeenkomsten
        );
        for (key, v) in WERK_UREN.iter().zip(&w.uren) {
            let _ = writeln!(t, "{key} = {v}");
        }
        let _ = writeln!(
            t,
            "voorzitter_rol = \"{}\"\ncoordinatie_rol = \"{}\"",
            ROLLEN[w.voorzitter_rol], ROLLEN[w.coordinatie_rol]
        );
        for (i, g) in self.groepen.iter().enumerate() {
            let deelnemers: Vec<String> = ROLLEN
                .iter()
                .zip(&g.deelnemers)
                .map(|(r, n)| format!("{r} = {n}"))
                .collect();
            let _ = writeln!(
                t,
                "\n[[groep]]\nnaam = \"Groep {}\"\ndeelnemers = {{ {} }}\nstart = {}\nnieuw = {}",
                i + 1,
                deelnemers.join(", "),
                self.startjaar + g.start as i32,
                g.nieuw
            );
            if let Some(b) = g.bijeenkomsten {
                let _ = writeln!(t, "bijeenkomsten_per_jaar = {b}");
            }
            if let Some(d) = g.duur_uren {
                let _ = writeln!(t, "duur_uren = {d}");
            }
            if let Some(p) = g.patienten_per_jaar {
                let _ = writeln!(t, "patienten_per_jaar = {p}");
            }
        }
        let _ = writeln!(t, "\n[ondersteuning]");
        for (key, v) in ONDERSTEUNING_EURO.iter().zip(&self.ondersteuning) {
            let _ = writeln!(t, "{key} = {v}");
        }
        let _ = writeln!(
            t,
            "projectleiding_uren = {}\noverhead_percentage = {}",
            self.projectleiding_uren, self.overhead
        );
        if let Some(p) = self.indexatie {
            let _ = writeln!(t, "\n[indexatie]\nkosten_percentage_per_jaar = {p}");
        }
        let elders: Vec<String> = ROLLEN
            .iter()
            .zip(&self.elders)
            .filter(|(_, e)| **e)
            .map(|(r, _)| format!("\"{r}\""))
            .collect();
        let _ = writeln!(
            t,
            "\n[financiering]\nelders_gefinancierd = [{}]",
            elders.join(", ")
        );
        for (i, m) in self.verzekeraars.iter().enumerate() {
            let _ = writeln!(
                t,
                "\n[[verzekeraar]]\nnaam = \"V{}\"\nmarktaandeel_percentage = {m}",
                i + 1
            );
        }
        if !self.verzekeraars.is_empty() {
            for (i, a) in self.aanbiedingen.iter().enumerate() {
                let _ = writeln!(
                    t,
                    "\n[[aanbod]]\nverzekeraar = \"V{}\"\nlabel = \"A{}\"\ntarief_per_verzekerde = {}",
                    a.verzekeraar % self.verzekeraars.len() + 1,
                    i + 1,
                    a.tarief
                );
                if let Some(p) = a.plafond {
                    let _ = writeln!(t, "plafond = {p}");
                }
                let jaren: Vec<String> = (0..self.looptijd)
                    .filter(|y| a.jaren & (1 << y) != 0)
                    .map(|y| (self.startjaar + y as i32).to_string())
                    .collect();
                if !jaren.is_empty() {
                    let _ = writeln!(t, "jaren = [{}]", jaren.join(", "));
                }
            }
        }
        if let Some(imp) = &self.impact {
            let _ = writeln!(
                t,
                "\n[impact]\naandeel_kanker_percentage = {}\ndisconteringsvoet_percentage = {}",
                imp.kanker, imp.disconto
            );
            for (id, (basis, reductie, kosten)) in INDICATOREN.iter().zip(&imp.indicatoren) {
                let _ = writeln!(
                    t,
                    "\n[[indicator]]\nid = \"{id}\"\nbasis_percentage = {basis}\n\
                     reductie_percentage = {reductie}\nkosten_per_geval = {kosten}\nbron = \"test\""
                );
            }
        }
        t
    }

    /// Every € input multiplied by `k` (hours, counts and percentages unchanged).
    fn scaled(&self, k: Decimal) -> Gen {
        let mut g = self.clone();
        for t in &mut g.tarieven {
            *t *= k;
        }
        for o in &mut g.ondersteuning {
            *o *= k;
        }
        for a in &mut g.aanbiedingen {
            a.tarief *= k;
            a.plafond = a.plafond.map(|p| p * k);
        }
        if let Some(imp) = &mut g.impact {
            for ind in &mut imp.indicatoren {
                ind.2 *= k;
            }
        }
        g
    }
}

/// Parses the generated file; it must be valid.
fn parse(g: &Gen) -> Scenario {
    let text = g.toml();
    scenario::parse(&text).unwrap_or_else(|errors| {
        let all: Vec<String> = errors.iter().map(|e| e.render("gen.toml")).collect();
        panic!(
            "generated scenario is invalid:\n{}\n---\n{text}",
            all.join("\n")
        )
    })
}

/// Parses and calculates the generated file; both must succeed (the ranges are sane).
fn evaluate(g: &Gen) -> (Scenario, Resultaat) {
    let s = parse(g);
    let r = calc::evaluate(&s)
        .unwrap_or_else(|e| panic!("sane scenario failed to calculate: {e:?}\n{}", g.toml()));
    (s, r)
}

fn cent() -> Decimal {
    Decimal::new(1, 2)
}

// ---------------------------------------------------------------------------------------------
// 1. Totals are sums of rounded lines
// ---------------------------------------------------------------------------------------------

fn is_cents(d: Decimal) -> bool {
    d.round_dp(2) == d
}

fn assert_totals_add_up(r: &Resultaat) {
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

fn assert_tariff_is_the_smallest_that_covers(
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

fn assert_tariffs(s: &Scenario, r: &Resultaat) {
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
fn cost_figures(k: &Kosten) -> BTreeMap<String, Decimal> {
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
enum Raise {
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

fn raise() -> impl Strategy<Value = Raise> {
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
    fn apply(&self, g: &Gen) -> Gen {
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
struct Tol {
    value: Decimal,
    /// Allowed `|out' − k·out|`, in unscaled euros (multiplied by k when checked).
    slack: Decimal,
}

/// Every money output with its allowance.
fn money_outputs(s: &Scenario, r: &Resultaat) -> BTreeMap<String, Tol> {
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
fn table_row(text: &str, section: &str, label: &str) -> Vec<String> {
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

fn json_decimal(v: &serde_json::Value) -> Decimal {
    let s = v
        .as_str()
        .unwrap_or_else(|| panic!("{v} is not a decimal string"));
    Decimal::from_str_exact(s).unwrap_or_else(|e| panic!("{s:?}: {e}"))
}

const OPTS: [Options; 4] = [
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
fn all_outputs(s: &Scenario, r: &Resultaat) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for opts in OPTS {
        out.push(render::cost(s, &r.kosten, opts));
        out.push(render::offers(s, &r.kosten, &r.aanbiedingen, opts));
        if let (Some(i), Some(bc)) = (&r.impact, &r.businesscase) {
            out.push(render::impact(s, i, opts));
            out.push(render::business_case(s, &r.kosten, i, bc, opts));
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

    /// 1a. Every line is its own formula of SPEC.md, worked out here from scratch with exact
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
                String::from_utf8(render::business_case(&s, &r.kosten, i, bc, OPTS[0])).unwrap();
            let json: serde_json::Value = serde_json::from_slice(&render::business_case(
                &s, &r.kosten, i, bc, OPTS[3],
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

/// Every line of SPEC.md "Calculation" for `s`, each worked out from its formula with exact
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
