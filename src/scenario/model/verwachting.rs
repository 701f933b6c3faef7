//! The figures a `[[verwachting]]` can bound and the distributions of `[[onzekerheid]]`.
//! Pure data, no I/O.

use rust_decimal::Decimal;

/// A businesscase figure that an expectation can bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Grootheid {
    /// Σ all lines.
    KostenTotaal,
    /// Σ lines financed elsewhere.
    EldersGefinancierd,
    /// Costs to finance through TAPA$.
    TeFinancieren,
    /// Tariff per verzekerde (over the horizon: the flat tariff).
    KostendekkendTarief,
    /// Avoided costs (needs `[impact]`).
    VermedenKosten,
    /// Avoided costs minus costs to finance (needs `[impact]`).
    Netto,
    /// Return on investment in % (needs `[impact]`).
    RoiPercentage,
    /// Costs to finance / avoided costs (needs `[impact]`).
    BreakEvenFactor,
    /// Net present value over the horizon (needs `[impact]`; no year).
    NettoContanteWaarde,
}

impl Grootheid {
    /// Every figure, in the order of the business-case columns.
    pub const ALL: [Grootheid; 9] = [
        Grootheid::KostenTotaal,
        Grootheid::EldersGefinancierd,
        Grootheid::TeFinancieren,
        Grootheid::KostendekkendTarief,
        Grootheid::VermedenKosten,
        Grootheid::Netto,
        Grootheid::RoiPercentage,
        Grootheid::BreakEvenFactor,
        Grootheid::NettoContanteWaarde,
    ];

    /// The name as written in a scenario and in the machine-readable columns.
    pub fn as_str(self) -> &'static str {
        match self {
            Grootheid::KostenTotaal => "kosten_totaal",
            Grootheid::EldersGefinancierd => "elders_gefinancierd",
            Grootheid::TeFinancieren => "te_financieren",
            Grootheid::KostendekkendTarief => "kostendekkend_tarief",
            Grootheid::VermedenKosten => "vermeden_kosten",
            Grootheid::Netto => "netto",
            Grootheid::RoiPercentage => "roi_percentage",
            Grootheid::BreakEvenFactor => "break_even_factor",
            Grootheid::NettoContanteWaarde => "netto_contante_waarde",
        }
    }

    /// Dutch label for tables.
    pub fn label(self) -> &'static str {
        match self {
            Grootheid::KostenTotaal => "Kosten totaal",
            Grootheid::EldersGefinancierd => "Elders gefinancierd",
            Grootheid::TeFinancieren => "Te financieren",
            Grootheid::KostendekkendTarief => "Kostendekkend tarief",
            Grootheid::VermedenKosten => "Vermeden kosten",
            Grootheid::Netto => "Netto",
            Grootheid::RoiPercentage => "ROI",
            Grootheid::BreakEvenFactor => "Break-even factor",
            Grootheid::NettoContanteWaarde => "Netto contante waarde",
        }
    }

    /// Parses a figure name.
    pub fn parse(text: &str) -> Option<Grootheid> {
        Grootheid::ALL.into_iter().find(|g| g.as_str() == text)
    }

    /// Whether the figure needs `[impact]`.
    pub fn vraagt_impact(self) -> bool {
        matches!(
            self,
            Grootheid::VermedenKosten
                | Grootheid::Netto
                | Grootheid::RoiPercentage
                | Grootheid::BreakEvenFactor
                | Grootheid::NettoContanteWaarde
        )
    }

    /// Whether the figure is an amount in € (else a ratio).
    pub fn is_bedrag(self) -> bool {
        !matches!(self, Grootheid::RoiPercentage | Grootheid::BreakEvenFactor)
    }
}

/// `[[verwachting]]`: a bound on a businesscase figure, like a balance assertion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verwachting {
    /// The figure.
    pub grootheid: Grootheid,
    /// The year; `None` for the horizon total.
    pub jaar: Option<i32>,
    /// Lower bound (inclusive).
    pub min: Option<Decimal>,
    /// Upper bound (inclusive).
    pub max: Option<Decimal>,
    /// Field path, e.g. `verwachting[1]`, for messages.
    pub path: String,
}

/// `[[onzekerheid]]`: an uncertain input and its distribution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Onzekerheid {
    /// The parameter path, as written (e.g. `indicator.ic_opname.reductie_percentage`).
    pub parameter: String,
    /// The distribution, with its parameters as written.
    pub verdeling: Verdeling,
    /// Field path of the declaration, e.g. `onzekerheid[2]`, for messages.
    pub path: String,
}

/// A probability distribution, named explicitly (a bare "low to high" is never guessed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdeling {
    /// Triangular: min, most likely (modus), max.
    Driehoek {
        /// Lowest value.
        min: Decimal,
        /// Most likely value.
        modus: Decimal,
        /// Highest value.
        max: Decimal,
    },
    /// Uniform between min and max.
    Uniform {
        /// Lowest value.
        min: Decimal,
        /// Highest value.
        max: Decimal,
    },
    /// PERT (a beta distribution through min, modus and max).
    Pert {
        /// Lowest value.
        min: Decimal,
        /// Most likely value.
        modus: Decimal,
        /// Highest value.
        max: Decimal,
    },
    /// Normal, optionally truncated to `[min, max]`.
    Normaal {
        /// Mean.
        gemiddelde: Decimal,
        /// Standard deviation.
        sd: Decimal,
        /// Lower truncation.
        min: Option<Decimal>,
        /// Upper truncation.
        max: Option<Decimal>,
    },
    /// Lognormal with this mean and standard deviation of the value itself.
    Lognormaal {
        /// Mean of the value.
        gemiddelde: Decimal,
        /// Standard deviation of the value.
        sd: Decimal,
    },
    /// Beta on 0–100 % with this mean and standard deviation (for percentages).
    Beta {
        /// Mean in %.
        gemiddelde: Decimal,
        /// Standard deviation in percentage points.
        sd: Decimal,
    },
}
