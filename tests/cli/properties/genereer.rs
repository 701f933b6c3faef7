//! The generated scenario of the property tests: a plain description written out as TOML.

use super::*;

// ---------------------------------------------------------------------------------------------
// The generated scenario
// ---------------------------------------------------------------------------------------------

/// The roles of every generated scenario, in `[uurtarieven]` order.
pub(super) const ROLLEN: [&str; 4] = [
    "huisarts",
    "wijkverpleegkundige",
    "consulent",
    "medisch_specialist",
];

/// `[ondersteuning]` fields that are € amounts (scaled by property 4) ...
pub(super) const ONDERSTEUNING_EURO: [&str; 6] = [
    "ict_per_groep",
    "huisvesting_per_bijeenkomst",
    "projectleiding_uurtarief",
    "monitoring_per_jaar",
    "startkosten_per_nieuwe_groep",
    "scholing_per_nieuwe_deelnemer",
];

/// ... and the indicator ids, in docs/rekenregels.md's order.
pub(super) const INDICATOREN: [&str; 6] = [
    "ziekenhuisopnames_meer_dan_1",
    "ziekenhuisdagen_meer_dan_14",
    "seh_bezoeken_meer_dan_1",
    "ic_opname",
    "overlijden_in_ziekenhuis",
    "chemotherapie",
];

/// `[werkwijze]` hour fields, in this order in [`Werk::uren`].
pub(super) const WERK_UREN: [&str; 7] = [
    "duur_uren",
    "voorbereiding_uren",
    "reistijd_uren",
    "voorzitter_uren",
    "coordinatie_uren_per_patient",
    "telefonische_ondersteuning_uren",
    "patienten_per_jaar",
];

#[derive(Debug, Clone)]
pub(super) struct Werk {
    pub(super) bijeenkomsten: u32,
    /// In the order of [`WERK_UREN`].
    pub(super) uren: [Decimal; 7],
    pub(super) voorzitter_rol: usize,
    pub(super) coordinatie_rol: usize,
}

#[derive(Debug, Clone)]
pub(super) struct Groep {
    pub(super) deelnemers: [u32; 4],
    /// Years after `startjaar` (may lie after the horizon: a warning, still valid).
    pub(super) start: u32,
    pub(super) nieuw: bool,
    pub(super) bijeenkomsten: Option<u32>,
    pub(super) duur_uren: Option<Decimal>,
    pub(super) patienten_per_jaar: Option<Decimal>,
}

#[derive(Debug, Clone)]
pub(super) struct Aanbod {
    pub(super) verzekeraar: usize,
    pub(super) tarief: Decimal,
    pub(super) plafond: Option<Decimal>,
    /// Bit i: year `startjaar + i` is a contract year; no bit in the horizon: the whole horizon.
    pub(super) jaren: u32,
}

#[derive(Debug, Clone)]
pub(super) struct Impact {
    pub(super) kanker: Decimal,
    pub(super) disconto: Decimal,
    /// `(basis_percentage, reductie_percentage, kosten_per_geval)` per indicator.
    pub(super) indicatoren: [(Decimal, Decimal, Decimal); 6],
}

#[derive(Debug, Clone)]
pub(super) struct Gen {
    pub(super) startjaar: i32,
    pub(super) looptijd: u32,
    pub(super) verzekerden: i64,
    pub(super) tarieven: [Decimal; 4],
    pub(super) werk: Werk,
    pub(super) groepen: Vec<Groep>,
    /// In the order of [`ONDERSTEUNING_EURO`].
    pub(super) ondersteuning: [Decimal; 6],
    pub(super) projectleiding_uren: Decimal,
    pub(super) overhead: Decimal,
    pub(super) indexatie: Option<Decimal>,
    pub(super) elders: [bool; 4],
    pub(super) verzekeraars: Vec<Decimal>,
    pub(super) aanbiedingen: Vec<Aanbod>,
    pub(super) impact: Option<Impact>,
}

/// A decimal `0 ≤ x ≤ max` with 0 to `scales` decimals: inside the documented input bounds
/// (README "Grenzen"), as every valid scenario is.
pub(super) fn upto(max: i64, scales: u32) -> impl Strategy<Value = Decimal> + Clone {
    (0u32..=scales)
        .prop_flat_map(move |s| (0i64..=max * 10i64.pow(s)).prop_map(move |n| Decimal::new(n, s)))
}

pub(super) fn money() -> impl Strategy<Value = Decimal> + Clone {
    upto(500_000, 4)
}

/// Hours of a meeting or per patient: at most 24.
pub(super) fn hours() -> impl Strategy<Value = Decimal> + Clone {
    upto(24, 2)
}

/// Whether the generated file is a valid scenario (a raised or scaled one may pass a bound).
pub(super) fn valid(g: &Gen) -> bool {
    scenario::parse(&g.toml()).is_ok()
}

pub(super) fn percentage() -> impl Strategy<Value = Decimal> + Clone {
    (0i64..=10_000).prop_map(|n| Decimal::new(n, 2))
}

pub(super) fn groep() -> impl Strategy<Value = Groep> {
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

pub(super) fn impact() -> impl Strategy<Value = Impact> {
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

pub(super) fn aanbod(tarief_max: i64) -> impl Strategy<Value = Aanbod> {
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

pub(super) fn gen_scenario() -> impl Strategy<Value = Gen> {
    gen_scenario_with(10_000)
}

/// A scenario whose hourly rates are at most `uurtarief_max` € and whose offers' tariffs at
/// most a tenth of that.
pub(super) fn gen_scenario_with(uurtarief_max: i64) -> impl Strategy<Value = Gen> {
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
    pub(super) fn toml(&self) -> String {
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
    pub(super) fn scaled(&self, k: Decimal) -> Gen {
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
pub(super) fn parse(g: &Gen) -> Scenario {
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
pub(super) fn evaluate(g: &Gen) -> (Scenario, Resultaat) {
    let s = parse(g);
    let r = calc::evaluate(&s)
        .unwrap_or_else(|e| panic!("sane scenario failed to calculate: {e:?}\n{}", g.toml()));
    (s, r)
}

pub(super) fn cent() -> Decimal {
    Decimal::new(1, 2)
}
