//! The permanent property test of the cost engine over the additions to format 1 (issue 13
//! item 3): generated scenarios with `verzekerden` per year, `[[financiering.elders]]` entries
//! per role or post with percentages and year ranges (`vanaf`, `tot_en_met`), `[[kostenpost]]`s
//! per jaar, per groep and per bijeenkomst, and `[[bijdrage]]`s, against a plain engine written
//! here by hand from docs/rekenregels.md's words (exact fractions of big integers, one function
//! per kind of line, nothing shared with src/calc). Every line, every total and every error must
//! be the same, in `evaluate` and in the totals-only `evaluate_totals` (`batch`). This is the test
//! behind the engine's fast paths (src/calc/cost/snel.rs, `Groepsregels` and `Verdelingen`; the
//! product rounding of src/decimal/exact.rs).

use super::*;

/// The additions of a generated scenario, written after [`Gen`]'s file.
#[derive(Debug, Clone)]
pub(super) struct Aanvullingen {
    /// `verzekerden` per year (the first `looptijd` of them), or one number.
    verzekerden: Option<[i64; 5]>,
    elders: Vec<Elders>,
    kostenposten: Vec<Eigen>,
    bijdragen: Vec<(Decimal, u32)>,
}

/// A `[[financiering.elders]]` entry.
#[derive(Debug, Clone)]
struct Elders {
    /// 0..4: a role of [`ROLLEN`]; 4..10: a post of [`POSTEN`]; 10..: a `[[kostenpost]]`.
    doel: usize,
    percentage: Decimal,
    /// Years after `startjaar` (taken modulo the horizon).
    vanaf: Option<u32>,
    tot_en_met: Option<u32>,
}

/// A `[[kostenpost]]`.
#[derive(Debug, Clone)]
struct Eigen {
    bedrag: Decimal,
    /// 0 jaar, 1 groep, 2 bijeenkomst.
    per: usize,
    /// Bit i: year `startjaar + i`; no bit in the horizon: `jaren` left out (every year).
    jaren: Option<u32>,
}

/// The non-role posts an entry may name.
const POSTEN: [&str; 6] = [
    "ict",
    "huisvesting",
    "startkosten",
    "scholing",
    "projectleiding",
    "monitoring",
];

/// The ids of the generated `[[kostenpost]]`s.
const EIGEN: [&str; 3] = ["voorlichting", "portaal", "drukwerk"];

const PER: [&str; 3] = ["jaar", "groep", "bijeenkomst"];

pub(super) fn aanvullingen() -> impl Strategy<Value = Aanvullingen> {
    let elders = (
        0usize..13,
        prop_oneof![
            1 => Just(Decimal::ONE_HUNDRED),
            3 => (1i64..=9_999).prop_map(|n| Decimal::new(n, 2)),
        ],
        proptest::option::of(0u32..5),
        proptest::option::of(0u32..5),
    )
        .prop_map(|(doel, percentage, vanaf, tot_en_met)| Elders {
            doel,
            percentage,
            vanaf,
            tot_en_met,
        });
    let eigen = (money(), 0usize..3, proptest::option::of(any::<u32>()))
        .prop_map(|(bedrag, per, jaren)| Eigen { bedrag, per, jaren });
    // Mostly below what TAPA$ finances in a year; sometimes above it (an error).
    let bijdrage = (prop_oneof![3 => upto(5_000, 2), 1 => money()], 0u32..5);
    (
        proptest::option::of([
            1i64..=3_000_000,
            1i64..=3_000_000,
            1i64..=3_000_000,
            1i64..=3_000_000,
            1i64..=3_000_000,
        ]),
        proptest::collection::vec(elders, 0..=4),
        proptest::collection::vec(eigen, 0..=3),
        proptest::collection::vec(bijdrage, 0..=3),
    )
        .prop_map(
            |(verzekerden, elders, kostenposten, bijdragen)| Aanvullingen {
                verzekerden,
                elders,
                kostenposten,
                bijdragen,
            },
        )
}

impl Aanvullingen {
    /// `g`'s file with the additions: `verzekerden` per year in `[scenario]`, the sections at
    /// the end. Entries that would make the file invalid (a role of `elders_gefinancierd`, a
    /// second entry for the same role or post, an own post that does not exist) are left out.
    pub(super) fn toml(&self, g: &Gen) -> String {
        let mut t = g.toml();
        let jaar = |offset: u32| g.startjaar + (offset % g.looptijd) as i32;
        if let Some(v) = &self.verzekerden {
            let per_jaar: Vec<String> = v
                .iter()
                .take(g.looptijd as usize)
                .map(i64::to_string)
                .collect();
            t = t.replacen(
                &format!("\nverzekerden = {}\n", g.verzekerden),
                &format!("\nverzekerden = [{}]\n", per_jaar.join(", ")),
                1,
            );
        }
        for (k, id) in self.kostenposten.iter().zip(EIGEN) {
            let _ = writeln!(
                t,
                "\n[[kostenpost]]\nid = \"{id}\"\nnaam = \"Eigen {id}\"\nbedrag = {}\nper = \"{}\"",
                k.bedrag, PER[k.per]
            );
            let jaren: Vec<String> = (0..g.looptijd)
                .filter(|y| k.jaren.is_some_and(|b| b & (1 << y) != 0))
                .map(|y| jaar(y).to_string())
                .collect();
            if !jaren.is_empty() {
                let _ = writeln!(t, "jaren = [{}]", jaren.join(", "));
            }
        }
        let mut genoemd = Vec::new();
        for e in &self.elders {
            let doel = match e.doel {
                r @ 0..4 if !g.elders[r] => format!("rol = \"{}\"", ROLLEN[r]),
                p @ 4..10 => format!("post = \"{}\"", POSTEN[p - 4]),
                k @ 10.. if k - 10 < self.kostenposten.len() => {
                    format!("post = \"{}\"", EIGEN[k - 10])
                }
                _ => continue,
            };
            if genoemd.contains(&doel) {
                continue;
            }
            let _ = writeln!(
                t,
                "\n[[financiering.elders]]\n{doel}\npercentage = {}\nfinancier = \"Fonds\"",
                e.percentage
            );
            let (vanaf, tot) = match (e.vanaf.map(jaar), e.tot_en_met.map(jaar)) {
                (Some(a), Some(b)) => (Some(a.min(b)), Some(a.max(b))),
                other => other,
            };
            if let Some(v) = vanaf {
                let _ = writeln!(t, "vanaf = {v}");
            }
            if let Some(v) = tot {
                let _ = writeln!(t, "tot_en_met = {v}");
            }
            genoemd.push(doel);
        }
        for (i, (bedrag, j)) in self.bijdragen.iter().enumerate() {
            let _ = writeln!(
                t,
                "\n[[bijdrage]]\nnaam = \"Bijdrage {}\"\nbedrag = {bedrag}\njaar = {}\nfinancier = \"Fonds\"",
                i + 1,
                jaar(*j)
            );
        }
        t
    }
}

// ---------------------------------------------------------------------------------------------
// The plain engine: docs/rekenregels.md's rules, one function each, in exact fractions
// ---------------------------------------------------------------------------------------------

/// The bound of every amount: € 10^12 in cents.
const GRENS: i128 = 100_000_000_000_000;

/// One year as the plain engine works it out: its lines (with the exact hours of hour lines)
/// and its totals in cents.
#[derive(Debug, Clone, PartialEq)]
struct PlainJaar {
    jaar: i32,
    lines: Vec<(Lijn, Option<Q>)>,
    totalen: PlainTotalen,
}

/// `kosten_totaal`, `elders_gefinancierd`, `bijdragen`, `te_financieren`,
/// `kostendekkend_tarief`, in cents.
type PlainTotalen = [i128; 5];

/// The errors the rules name.
#[derive(Debug, Clone, PartialEq, Eq)]
enum PlainFout {
    /// A line, a year total or the horizon total above € 10^12.
    Grens,
    /// The contribution (its path) that takes a year's contributions above what TAPA$
    /// would otherwise finance that year.
    Bijdrage(String),
}

impl PartialEq for Q {
    fn eq(&self, o: &Q) -> bool {
        &self.0 * &o.1 == &o.0 * &self.1
    }
}

/// `I(y)` of the `k`-th year: `(1 + p/100)^k`.
fn plain_index(s: &Scenario, k: usize) -> Q {
    let step = Q::int(1).add(&Q::of(s.indexatie_percentage).pct());
    (0..k).fold(Q::int(1), |i, _| i.mul(&step))
}

/// The share (a fraction, `p/100`) of a line of `rol` (hour lines) or else of the post named
/// `post` that is paid elsewhere in `jaar`: the `[[financiering.elders]]` entry covering it
/// (a role's entry for an hour line, a post's for a line without a role), or 100 % for a role
/// of `elders_gefinancierd`; never for the overhead.
fn plain_elders(s: &Scenario, rol: Option<&str>, post: &str, jaar: i32) -> Option<Q> {
    if post == "overhead" {
        return None;
    }
    let covers = |e: &scenario::EldersFinanciering| {
        let doel = match (&e.doel, rol) {
            (scenario::EldersDoel::Rol(r), Some(rol)) => &**r == rol,
            (scenario::EldersDoel::Post(p), None) => p == post,
            _ => false,
        };
        doel && e.vanaf.is_none_or(|v| v <= jaar) && e.tot_en_met.is_none_or(|t| jaar <= t)
    };
    match s.financiering_elders.iter().find(|e| covers(e)) {
        Some(e) => Some(Q::of(e.percentage).pct()),
        None if rol.is_some_and(|r| s.elders_gefinancierd.iter().any(|x| x == r)) => {
            Some(Q::int(1))
        }
        None => None,
    }
}

/// A year's lines as they are added: the lines, and the sums of the TAPA$-financed and the
/// elsewhere-financed ones.
struct PlainRegels<'s> {
    s: &'s Scenario,
    jaar: i32,
    lines: Vec<(Lijn, Option<Q>)>,
    tapas: i128,
    elders: i128,
}

impl PlainRegels<'_> {
    /// A line of `bedrag` (exact) and `uren`: rounded once to cents, half away from zero;
    /// an error above the bound; left out when both amount and hours are zero; split by the
    /// entry that covers it (`cents(B × p/100)` and `U × p/100` elsewhere, the rest TAPA$).
    fn line(
        &mut self,
        groep: Option<usize>,
        post: Post,
        rol: Option<&str>,
        uren: Option<Q>,
        bedrag: &Q,
    ) -> Result<(), PlainFout> {
        let cents = bedrag.cents();
        if cents.abs() > GRENS {
            return Err(PlainFout::Grens);
        }
        let zero_hours = uren
            .as_ref()
            .is_none_or(|u| u.0.sign() == num_bigint::Sign::NoSign);
        if cents == 0 && zero_hours {
            return Ok(());
        }
        let naam = post.naam(self.s);
        let lijn = |cents, f| (groep, post, rol.map(str::to_string), cents, f);
        match plain_elders(self.s, rol, naam, self.jaar) {
            None => {
                self.tapas += cents;
                self.lines.push((lijn(cents, Financiering::Tapas), uren));
            }
            Some(p) if p == Q::int(1) => {
                self.elders += cents;
                self.lines.push((lijn(cents, Financiering::Elders), uren));
            }
            Some(p) => {
                let elders = Q(BigInt::from(cents), BigInt::from(100u8)).mul(&p).cents();
                let elders_uren = uren.as_ref().map(|u| u.mul(&p));
                let tapas_uren = uren
                    .as_ref()
                    .zip(elders_uren.as_ref())
                    .map(|(u, e)| u.add(&Q(-e.0.clone(), e.1.clone())));
                self.elders += elders;
                self.tapas += cents - elders;
                self.lines
                    .push((lijn(elders, Financiering::Elders), elders_uren));
                self.lines
                    .push((lijn(cents - elders, Financiering::Tapas), tapas_uren));
            }
        }
        Ok(())
    }
}

/// The hour lines, ICT, housing, start costs, training and own posts of group `gi` in its
/// active year `jaar`, each `× I(y)`.
fn plain_group(r: &mut PlainRegels<'_>, gi: usize, i: &Q) -> Result<(), PlainFout> {
    let s = r.s;
    let g = &s.groepen[gi];
    let o = &s.ondersteuning;
    let w = &g.werkwijze;
    let b = Q::int(u64::from(w.bijeenkomsten_per_jaar));
    let rate = |rol: &str| Q::of(s.uurtarief(rol).expect("a rate"));
    let per_meeting = Q::of(w.duur_uren)
        .add(&Q::of(w.voorbereiding_uren))
        .add(&Q::of(w.reistijd_uren));
    // The hour lines: `uren × uurtarief × I(y)`.
    let hours = |r: &mut PlainRegels<'_>, post, rol: &str, uren: Q| {
        let bedrag = uren.mul(&rate(rol)).mul(i);
        r.line(Some(gi), post, Some(rol), Some(uren), &bedrag)
    };
    for (rol, n) in g.deelnemers.iter().filter(|(_, n)| *n > 0) {
        let uren = b.mul(&Q::int(u64::from(*n))).mul(&per_meeting);
        hours(r, Post::Bijeenkomsten, rol, uren)?;
    }
    let voorzitter = b.mul(&Q::of(w.voorzitter_uren));
    hours(r, Post::Voorzitter, &w.voorzitter_rol, voorzitter)?;
    let coordinatie = Q::of(w.patienten_per_jaar).mul(&Q::of(w.coordinatie_uren_per_patient));
    hours(r, Post::Coordinatie, &w.coordinatie_rol, coordinatie)?;
    if g.aantal("consulent") > 0 {
        let tel = Q::of(w.telefonische_ondersteuning_uren);
        hours(r, Post::TelefonischeOndersteuning, "consulent", tel)?;
    }
    let vast =
        |r: &mut PlainRegels<'_>, post, bedrag: Q| r.line(Some(gi), post, None, None, &bedrag);
    vast(r, Post::Ict, Q::of(o.ict_per_groep).mul(i))?;
    let huis = b.mul(&Q::of(o.huisvesting_per_bijeenkomst)).mul(i);
    vast(r, Post::Huisvesting, huis)?;
    if g.nieuw && g.start == r.jaar {
        vast(
            r,
            Post::Startkosten,
            Q::of(o.startkosten_per_nieuwe_groep).mul(i),
        )?;
        let n = Q::int(g.totaal_deelnemers());
        let scholing = Q::of(o.scholing_per_nieuwe_deelnemer).mul(&n).mul(i);
        vast(r, Post::Scholing, scholing)?;
    }
    // Own posts per group (`bedrag × I(y)`) and per meeting (`b × bedrag × I(y)`).
    for (ki, k) in s.kostenposten.iter().enumerate() {
        if !k.jaren.contains(&r.jaar) {
            continue;
        }
        let post = Post::Kostenpost(u16::try_from(ki).unwrap());
        match k.per {
            scenario::KostenpostPer::Jaar => {}
            scenario::KostenpostPer::Groep => vast(r, post, Q::of(k.bedrag).mul(i))?,
            scenario::KostenpostPer::Bijeenkomst => {
                vast(r, post, b.mul(&Q::of(k.bedrag)).mul(i))?;
            }
        }
    }
    Ok(())
}

/// Project lead, monitoring and the own posts per year, each `× I(y)`; then the overhead over
/// the year's TAPA$-financed lines (TAPA$ parts included).
fn plain_regional(r: &mut PlainRegels<'_>, i: &Q) -> Result<(), PlainFout> {
    let s = r.s;
    let o = &s.ondersteuning;
    let pl_uren = Q::of(o.projectleiding_uren);
    let pl = pl_uren.mul(&Q::of(o.projectleiding_uurtarief)).mul(i);
    r.line(None, Post::Projectleiding, None, Some(pl_uren), &pl)?;
    let monitoring = Q::of(o.monitoring_per_jaar).mul(i);
    r.line(None, Post::Monitoring, None, None, &monitoring)?;
    for (ki, k) in s.kostenposten.iter().enumerate() {
        if k.per == scenario::KostenpostPer::Jaar && k.jaren.contains(&r.jaar) {
            let post = Post::Kostenpost(u16::try_from(ki).unwrap());
            r.line(None, post, None, None, &Q::of(k.bedrag).mul(i))?;
        }
    }
    let tapas = Q(BigInt::from(r.tapas), BigInt::from(100u8));
    let overhead = Q::of(o.overhead_percentage).pct().mul(&tapas);
    r.line(None, Post::Overhead, None, None, &overhead)
}

/// The smallest whole-cent tariff `t` with `t × verzekerden ≥ te_financieren`.
fn plain_tarief(te_financieren: i128, verzekerden: i128) -> i128 {
    (te_financieren + verzekerden - 1).div_euclid(verzekerden)
}

fn plain_binnen(totalen: &[i128]) -> Result<(), PlainFout> {
    match totalen.iter().any(|c| c.abs() > GRENS) {
        true => Err(PlainFout::Grens),
        false => Ok(()),
    }
}

/// Every year of `s` and the horizon's totals, by the rules alone.
fn plain_engine(s: &Scenario) -> Result<(Vec<PlainJaar>, PlainTotalen), PlainFout> {
    let verzekerden = |k: usize| -> i128 {
        let v = match &s.verzekerden_per_jaar {
            Some(per_jaar) => per_jaar[k],
            None => s.verzekerden,
        };
        v.mantissa() / 10i128.pow(v.scale())
    };
    let mut jaren = Vec::new();
    let (mut kosten, mut elders, mut tapas, mut bijdragen, mut verzekerde_jaren) =
        (0i128, 0i128, 0i128, 0i128, 0i128);
    for (k, jaar) in s.jaren().enumerate() {
        let i = plain_index(s, k);
        let mut r = PlainRegels {
            s,
            jaar,
            lines: Vec::new(),
            tapas: 0,
            elders: 0,
        };
        for gi in 0..s.groepen.len() {
            if s.groepen[gi].start <= jaar {
                plain_group(&mut r, gi, &i)?;
            }
        }
        plain_regional(&mut r, &i)?;
        // The contributions, each rounded to cents, in file order.
        let mut b = 0i128;
        for bijdrage in s.bijdragen.iter().filter(|b| b.jaar == jaar) {
            b += Q::of(bijdrage.bedrag).cents();
            if b > r.tapas {
                return Err(PlainFout::Bijdrage(format!("{}.bedrag", bijdrage.path)));
            }
        }
        let totaal = r.tapas + r.elders;
        plain_binnen(&[totaal, r.tapas, r.elders])?;
        let te_financieren = r.tapas - b;
        let totalen = [
            totaal,
            r.elders,
            b,
            te_financieren,
            plain_tarief(te_financieren, verzekerden(k)),
        ];
        (kosten, elders, tapas, bijdragen) = (
            kosten + totaal,
            elders + r.elders,
            tapas + r.tapas,
            bijdragen + b,
        );
        verzekerde_jaren += verzekerden(k);
        jaren.push(PlainJaar {
            jaar,
            lines: r.lines,
            totalen,
        });
    }
    plain_binnen(&[kosten, tapas, elders])?;
    let te_financieren = tapas - bijdragen;
    let totaal = [
        kosten,
        elders,
        bijdragen,
        te_financieren,
        plain_tarief(te_financieren, verzekerde_jaren),
    ];
    Ok((jaren, totaal))
}

// ---------------------------------------------------------------------------------------------
// The comparison
// ---------------------------------------------------------------------------------------------

fn in_cents(d: Decimal) -> i128 {
    match d.scale() {
        s @ 0..=2 => d.mantissa() * 10i128.pow(2 - s),
        _ => panic!("{d} is not in cents"),
    }
}

fn totalen_cents(t: &calc::cost::Totalen) -> PlainTotalen {
    [
        in_cents(t.kosten_totaal),
        in_cents(t.elders_gefinancierd),
        in_cents(t.bijdragen),
        in_cents(t.te_financieren),
        in_cents(t.kostendekkend_tarief),
    ]
}

/// The engine's result for `s` is the plain engine's: the same lines in the same order (each
/// amount to the cent, each financing, each hour line's hours exactly), the same totals per
/// year and over the horizon, or the same error; the totals-only calculation agrees.
pub(super) fn assert_engine_is_plain(s: &Scenario) {
    let want = plain_engine(s);
    let got = calc::cost::evaluate(s);
    match (&got, &want) {
        (Ok(k), Ok((jaren, totaal))) => {
            assert_eq!(k.jaren.len(), jaren.len());
            for (kj, pj) in k.jaren.iter().zip(jaren) {
                assert_eq!(kj.jaar, pj.jaar);
                let lines: Vec<Lijn> = kj
                    .regels
                    .iter()
                    .map(|r| {
                        let rol = r.rol.as_deref().map(str::to_string);
                        (r.groep, r.post, rol, in_cents(r.bedrag), r.financiering)
                    })
                    .collect();
                let plain: Vec<Lijn> = pj.lines.iter().map(|(l, _)| l.clone()).collect();
                assert_eq!(lines, plain, "the lines of {}", pj.jaar);
                for (r, (l, uren)) in kj.regels.iter().zip(&pj.lines) {
                    match (r.uren, uren) {
                        (Some(u), Some(x)) => assert!(x.is(u), "hours of {l:?}: {u} is not {x:?}"),
                        (None, None) => {}
                        other => panic!("hours of {l:?}: {other:?}"),
                    }
                }
                assert_eq!(
                    totalen_cents(&kj.totalen),
                    pj.totalen,
                    "totals of {}",
                    pj.jaar
                );
            }
            assert_eq!(totalen_cents(&k.totaal), *totaal, "totals over the horizon");
        }
        (Err(calc::CalcError::BedragTeGroot { .. }), Err(PlainFout::Grens)) => {}
        (Err(calc::CalcError::BijdrageTeGroot { path, .. }), Err(PlainFout::Bijdrage(p))) => {
            assert_eq!(path, p);
        }
        (got, want) => panic!("the engine gives {got:?}, the rules {want:?}"),
    }
    // `batch`: the same totals without the lines, or the same error.
    let totals = calc::cost::evaluate_totals(s);
    let strip = |mut k: Kosten| {
        for j in &mut k.jaren {
            j.regels.clear();
        }
        k
    };
    assert_eq!(totals, got.map(strip));
}

proptest! {
    #![proptest_config(config(CASES * 4))]

    /// 1e. With the additions (verzekerden per year, financing elsewhere per role or post, in
    /// part and per year range, own cost posts, contributions): every line, every total and
    /// every error of the engine is the plain engine's.
    #[test]
    fn every_line_total_and_error_of_the_additions_is_the_plain_rules(
        g in gen_scenario(),
        extra in aanvullingen(),
    ) {
        let text = extra.toml(&g);
        let s = scenario::parse(&text).unwrap_or_else(|errors| {
            let all: Vec<String> = errors.iter().map(|e| e.render("gen.toml")).collect();
            panic!("generated scenario is invalid:\n{}\n---\n{text}", all.join("\n"))
        });
        assert_engine_is_plain(&s);
    }

    /// 1f. The same with many decimals and up to 30 years of indexation, so that the exact
    /// product `uren × uurtarief × I(y)` leaves 64 bits and the engine's fast paths their range.
    #[test]
    fn every_line_of_the_additions_is_exact_with_many_decimals(
        g in gen_scenario(),
        extra in aanvullingen(),
        looptijd in 1u32..=30,
        indexatie in precise(100),
        tarieven in [precise(10_000), precise(10_000), precise(10_000), precise(10_000)],
        eigen in [precise(100_000_000), precise(100_000_000), precise(100_000_000)],
    ) {
        let text = extra.toml(&g);
        let mut s = scenario::parse(&text).unwrap_or_else(|errors| {
            let all: Vec<String> = errors.iter().map(|e| e.render("gen.toml")).collect();
            panic!("generated scenario is invalid:\n{}\n---\n{text}", all.join("\n"))
        });
        // More years than the file: the per-year lists follow (verzekerden, an own post's years).
        s.looptijd_jaren = looptijd;
        if let Some(v) = &mut s.verzekerden_per_jaar {
            v.resize(looptijd as usize, s.verzekerden);
        }
        s.indexatie_percentage = indexatie;
        for (u, t) in s.uurtarieven.iter_mut().zip(tarieven) {
            u.bedrag = t;
        }
        for (k, b) in s.kostenposten.iter_mut().zip(eigen) {
            k.bedrag = b;
        }
        assert_engine_is_plain(&s);
    }

    /// 1g. The fast path of the groups' lines (src/calc/cost/snel.rs, `Groepsregels::snel`,
    /// taken by the totals-only calculation in a year whose lines are all TAPA$-financed):
    /// without financing elsewhere it is tried in every year; with up to 30 years of indexation
    /// and rates of few or many decimals, the product of a line's mantissas stays within 64
    /// bits in the first years and leaves them in a later one (where the general path takes
    /// over), and a line can lie exactly on a half cent. Every line, total and error is the
    /// plain engine's, and the totals-only figures are the full calculation's.
    #[test]
    fn the_fast_path_of_the_groups_lines_is_the_plain_rules_within_and_past_64_bits(
        g in gen_scenario(),
        looptijd in 1u32..=30,
        indexatie in prop_oneof![upto(100, 3), precise(100)],
        tarieven in [
            prop_oneof![upto(10_000, 3), precise(10_000)],
            prop_oneof![upto(10_000, 3), precise(10_000)],
            prop_oneof![upto(10_000, 3), precise(10_000)],
            prop_oneof![upto(10_000, 3), precise(10_000)],
        ],
    ) {
        let mut s = parse(&g);
        s.elders_gefinancierd.clear();
        s.financiering_elders.clear();
        s.looptijd_jaren = looptijd;
        s.indexatie_percentage = indexatie;
        for (u, t) in s.uurtarieven.iter_mut().zip(tarieven) {
            u.bedrag = t;
        }
        assert_engine_is_plain(&s);
    }
}
