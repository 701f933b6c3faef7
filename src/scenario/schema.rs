//! The scenario schema: every field of a scenario file defined once — its name, its kind, its
//! unit, its documented bounds and whether a group may override it. Reading ([`super::read`]),
//! `--set` paths, the `[[onzekerheid]]` parameters ([`super::param`]), the werkwijze comparison
//! and the template's field list all take their fields from here. Pure data, no I/O.
//!
//! The bounds are the lead's documented input bounds (README, "Grenzen"): inside them every
//! amount the calculation produces stays below € 10^12, exact in whole cents.

use rust_decimal::Decimal;

use super::model::{Indicator, Ondersteuning, Werkwijze};

/// What kind of value a field holds, which fixes how it is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Soort {
    /// A € amount, within its [`Grens`].
    Bedrag,
    /// Hours or another decimal quantity (patients), within its [`Grens`].
    Getal,
    /// A percentage, 0–100.
    Percentage,
    /// A whole number, within its [`Grens`].
    Aantal,
    /// A calendar year, 1900–2200.
    Jaar,
    /// Any number (an expectation's bound, a distribution's parameter).
    Vrij,
    /// Free text: a name, a label, a source; at most [`Grens::max`] characters.
    Tekst,
    /// Text naming a role of `[uurtarieven]`.
    Rol,
    /// Text naming one of a fixed list (an indicator id, a figure, a distribution).
    Keuze,
    /// `true` or `false`.
    Waarheid,
    /// A list (of years or of roles).
    Lijst,
    /// A table (a section or `deelnemers`).
    Tabel,
}

/// The documented bounds of a value: `min ≤ x ≤ max` (for text: its length in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Grens {
    /// The lowest value.
    pub min: u32,
    /// The highest value.
    pub max: u32,
}

impl Grens {
    /// The lowest value as a decimal.
    pub fn min(self) -> Decimal {
        Decimal::from(self.min)
    }

    /// The highest value as a decimal.
    pub fn max(self) -> Decimal {
        Decimal::from(self.max)
    }

    /// Whether `v` lies inside.
    pub fn bevat(self, v: Decimal) -> bool {
        v >= self.min() && v <= self.max()
    }
}

/// One field of the scenario file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Veld {
    /// The key as written in the file.
    pub naam: &'static str,
    /// What it holds.
    pub soort: Soort,
    /// The unit, in Dutch, as messages and the template name it (empty: none).
    pub eenheid: &'static str,
    /// The documented bounds (`None`: none beyond the kind's own).
    pub grens: Option<Grens>,
    /// Whether a `[[groep]]` may give it itself, over `[werkwijze]`.
    pub per_groep: bool,
}

const fn veld(naam: &'static str, soort: Soort, eenheid: &'static str) -> Veld {
    Veld {
        naam,
        soort,
        eenheid,
        grens: None,
        per_groep: false,
    }
}

const fn begrensd(
    naam: &'static str,
    soort: Soort,
    eenheid: &'static str,
    min: u32,
    max: u32,
) -> Veld {
    Veld {
        grens: Some(Grens { min, max }),
        ..veld(naam, soort, eenheid)
    }
}

/// A werkwijze field: a group may override it.
const fn werkwijze(naam: &'static str, soort: Soort, eenheid: &'static str, max: u32) -> Veld {
    Veld {
        per_groep: true,
        ..match soort {
            Soort::Rol => veld(naam, soort, eenheid),
            _ => begrensd(naam, soort, eenheid, 0, max),
        }
    }
}

/// The most characters of a name or label.
pub const NAAM_MAX: u32 = 200;
/// The most characters of an indicator's `bron`.
pub const BRON_MAX: u32 = 2_000;
/// The most characters of one text of `[toelichting]` (about five printed pages).
pub const TOELICHTING_MAX: u32 = 20_000;
/// The highest € amount of a cost post (ICT, housing, a case, a ceiling, …).
pub const BEDRAG_MAX: u32 = 100_000_000;
/// The highest hourly rate.
pub const UURTARIEF_MAX: u32 = 10_000;

const fn naam(naam: &'static str) -> Veld {
    begrensd(naam, Soort::Tekst, "tekens", 1, NAAM_MAX)
}

const fn bedrag(naam: &'static str, eenheid: &'static str) -> Veld {
    begrensd(naam, Soort::Bedrag, eenheid, 0, BEDRAG_MAX)
}

const fn percentage(naam: &'static str) -> Veld {
    begrensd(naam, Soort::Percentage, "%", 0, 100)
}

/// The key names of `velden`, in order (for reading a table in one pass).
const fn namen<const N: usize>(velden: &[Veld; N]) -> [&'static str; N] {
    let mut out = [""; N];
    let mut i = 0;
    while i < N {
        out[i] = velden[i].naam;
        i += 1;
    }
    out
}

/// The sections of a scenario file, in docs/rekenregels.md's order.
pub const SECTIES: [Veld; 17] = [
    veld("formaat", Soort::Aantal, ""),
    veld("scenario", Soort::Tabel, ""),
    veld("uurtarieven", Soort::Tabel, ""),
    veld("werkwijze", Soort::Tabel, ""),
    veld("groep", Soort::Lijst, ""),
    veld("ondersteuning", Soort::Tabel, ""),
    veld("indexatie", Soort::Tabel, ""),
    veld("financiering", Soort::Tabel, ""),
    veld("verzekeraar", Soort::Lijst, ""),
    veld("aanbod", Soort::Lijst, ""),
    veld("impact", Soort::Tabel, ""),
    veld("indicator", Soort::Lijst, ""),
    veld("verwachting", Soort::Lijst, ""),
    veld("onzekerheid", Soort::Lijst, ""),
    veld("toelichting", Soort::Tabel, ""),
    veld("kostenpost", Soort::Lijst, ""),
    veld("bijdrage", Soort::Lijst, ""),
];
pub(crate) const SECTIE_NAMEN: [&str; 17] = namen(&SECTIES);

/// `[scenario]`.
pub const SCENARIO: [Veld; 5] = [
    naam("naam"),
    naam("regio"),
    veld("startjaar", Soort::Jaar, ""),
    begrensd("looptijd_jaren", Soort::Aantal, "jaren", 1, 30),
    begrensd("verzekerden", Soort::Aantal, "verzekerden", 1, 100_000_000),
];
pub(crate) const SCENARIO_NAMEN: [&str; 5] = namen(&SCENARIO);

/// A rate of `[uurtarieven]` (every key is a role).
pub const UURTARIEF: Veld = begrensd("uurtarief", Soort::Bedrag, "€ per uur", 0, UURTARIEF_MAX);
/// A role name (a key of `[uurtarieven]` or of `deelnemers`).
pub const ROL: Veld = begrensd("rol", Soort::Rol, "tekens", 1, NAAM_MAX);

/// `[werkwijze]`, in docs/rekenregels.md's order; a group may give each of them itself.
pub const WERKWIJZE: [Veld; 10] = [
    werkwijze("bijeenkomsten_per_jaar", Soort::Aantal, "per jaar", 365),
    werkwijze("duur_uren", Soort::Getal, "uren", 24),
    werkwijze("voorbereiding_uren", Soort::Getal, "uren", 24),
    werkwijze("reistijd_uren", Soort::Getal, "uren", 24),
    werkwijze("voorzitter_rol", Soort::Rol, "", 0),
    werkwijze("voorzitter_uren", Soort::Getal, "uren", 24),
    werkwijze("coordinatie_rol", Soort::Rol, "", 0),
    werkwijze(
        "coordinatie_uren_per_patient",
        Soort::Getal,
        "uren per patiënt",
        100,
    ),
    werkwijze(
        "telefonische_ondersteuning_uren",
        Soort::Getal,
        "uren per jaar",
        8_760,
    ),
    werkwijze(
        "patienten_per_jaar",
        Soort::Getal,
        "patiënten per jaar",
        100_000,
    ),
];
pub(crate) const WERKWIJZE_NAMEN: [&str; 10] = namen(&WERKWIJZE);

/// A `[[groep]]`'s own fields; [`WERKWIJZE`] follows them.
pub const GROEP: [Veld; 4] = [
    naam("naam"),
    veld("deelnemers", Soort::Tabel, ""),
    veld("start", Soort::Jaar, ""),
    veld("nieuw", Soort::Waarheid, ""),
];
/// Every key of a `[[groep]]`: its own four, then the werkwijze.
pub(crate) const GROEP_NAMEN: [&str; 14] = {
    let own = namen(&GROEP);
    let werkwijze = WERKWIJZE_NAMEN;
    let mut all = [""; 14];
    let mut i = 0;
    while i < all.len() {
        all[i] = if i < own.len() {
            own[i]
        } else {
            werkwijze[i - own.len()]
        };
        i += 1;
    }
    all
};
/// A participant count of `deelnemers` (every key is a role).
pub const DEELNEMERS: Veld = begrensd("deelnemers", Soort::Aantal, "deelnemers", 0, 1_000);

/// `[ondersteuning]`; every field defaults to 0.
pub const ONDERSTEUNING: [Veld; 8] = [
    bedrag("ict_per_groep", "€ per groep per jaar"),
    bedrag("huisvesting_per_bijeenkomst", "€ per bijeenkomst"),
    begrensd(
        "projectleiding_uren",
        Soort::Getal,
        "uren per jaar",
        0,
        100_000,
    ),
    begrensd(
        "projectleiding_uurtarief",
        Soort::Bedrag,
        "€ per uur",
        0,
        UURTARIEF_MAX,
    ),
    bedrag("monitoring_per_jaar", "€ per jaar"),
    bedrag("startkosten_per_nieuwe_groep", "€ per nieuwe groep"),
    bedrag("scholing_per_nieuwe_deelnemer", "€ per nieuwe deelnemer"),
    percentage("overhead_percentage"),
];
pub(crate) const ONDERSTEUNING_NAMEN: [&str; 8] = namen(&ONDERSTEUNING);

/// `[indexatie]`.
pub const INDEXATIE: [Veld; 1] = [percentage("kosten_percentage_per_jaar")];
pub(crate) const INDEXATIE_NAMEN: [&str; 1] = namen(&INDEXATIE);

/// `[financiering]`'s own field: the roles of `elders_gefinancierd`.
pub const FINANCIERING: [Veld; 1] = [veld("elders_gefinancierd", Soort::Lijst, "")];
/// `[financiering]`'s arrays of tables: `[[financiering.elders]]` and
/// `[[financiering.nagegaan]]`.
pub const FINANCIERING_TABELLEN: [Veld; 2] = [
    veld("elders", Soort::Lijst, ""),
    veld("nagegaan", Soort::Lijst, ""),
];
/// Every key of `[financiering]`.
pub(crate) const FINANCIERING_NAMEN: [&str; 3] = {
    let [eigen] = namen(&FINANCIERING);
    let [elders, nagegaan] = namen(&FINANCIERING_TABELLEN);
    [eigen, elders, nagegaan]
};

/// The posts of the cost lines that are hours of a role (docs/rekenregels.md's table).
pub const POSTEN_MET_ROL: [&str; 4] = [
    "bijeenkomsten",
    "voorzitter",
    "coordinatie",
    "telefonische_ondersteuning",
];
/// The built-in posts without a role, which `[[financiering.elders]] post = …` may name.
pub const POSTEN_ZONDER_ROL: [&str; 6] = [
    "ict",
    "huisvesting",
    "startkosten",
    "scholing",
    "projectleiding",
    "monitoring",
];
/// The penvoerder's fee: never financed elsewhere.
pub const POST_OVERHEAD: &str = "overhead";

/// A `[[financiering.elders]]`: exactly one of `rol` and `post`.
pub const FINANCIERING_ELDERS: [Veld; 6] = [
    ROL,
    naam("post"),
    begrensd("percentage", Soort::Percentage, "%", 0, 100),
    veld("vanaf", Soort::Jaar, ""),
    veld("tot_en_met", Soort::Jaar, ""),
    naam("financier"),
];
pub(crate) const FINANCIERING_ELDERS_NAMEN: [&str; 6] = namen(&FINANCIERING_ELDERS);

/// A `[[financiering.nagegaan]]`.
pub const FINANCIERING_NAGEGAAN: [Veld; 2] = [
    ROL,
    begrensd("toelichting", Soort::Tekst, "tekens", 1, BRON_MAX),
];
pub(crate) const FINANCIERING_NAGEGAAN_NAMEN: [&str; 2] = namen(&FINANCIERING_NAGEGAAN);

/// A `[[kostenpost]]`.
pub const KOSTENPOST: [Veld; 6] = [
    naam("id"),
    naam("naam"),
    bedrag("bedrag", "€ per jaar, groep of bijeenkomst"),
    veld("per", Soort::Keuze, ""),
    veld("jaren", Soort::Lijst, ""),
    begrensd("bron", Soort::Tekst, "tekens", 1, BRON_MAX),
];
pub(crate) const KOSTENPOST_NAMEN: [&str; 6] = namen(&KOSTENPOST);

/// A `[[bijdrage]]`.
pub const BIJDRAGE: [Veld; 4] = [
    naam("naam"),
    bedrag("bedrag", "€"),
    veld("jaar", Soort::Jaar, ""),
    naam("financier"),
];
pub(crate) const BIJDRAGE_NAMEN: [&str; 4] = namen(&BIJDRAGE);

/// A `[[verzekeraar]]`.
pub const VERZEKERAAR: [Veld; 2] = [naam("naam"), percentage("marktaandeel_percentage")];
pub(crate) const VERZEKERAAR_NAMEN: [&str; 2] = namen(&VERZEKERAAR);

/// An `[[aanbod]]`.
pub const AANBOD: [Veld; 6] = [
    naam("verzekeraar"),
    naam("label"),
    begrensd(
        "tarief_per_verzekerde",
        Soort::Bedrag,
        "€ per verzekerde per jaar",
        0,
        1_000,
    ),
    bedrag("plafond", "€ per jaar"),
    veld("jaren", Soort::Lijst, ""),
    veld("gecontracteerd", Soort::Waarheid, ""),
];
pub(crate) const AANBOD_NAMEN: [&str; 6] = namen(&AANBOD);

/// `[impact]`.
pub const IMPACT: [Veld; 2] = [
    percentage("aandeel_kanker_percentage"),
    percentage("disconteringsvoet_percentage"),
];
pub(crate) const IMPACT_NAMEN: [&str; 2] = namen(&IMPACT);

/// An `[[indicator]]`.
pub const INDICATOR: [Veld; 5] = [
    veld("id", Soort::Keuze, ""),
    percentage("basis_percentage"),
    percentage("reductie_percentage"),
    bedrag("kosten_per_geval", "€ per geval"),
    begrensd("bron", Soort::Tekst, "tekens", 1, BRON_MAX),
];
pub(crate) const INDICATOR_NAMEN: [&str; 5] = namen(&INDICATOR);

/// A `[[verwachting]]`.
pub const VERWACHTING: [Veld; 4] = [
    veld("grootheid", Soort::Keuze, ""),
    veld("jaar", Soort::Jaar, ""),
    veld("min", Soort::Vrij, ""),
    veld("max", Soort::Vrij, ""),
];
pub(crate) const VERWACHTING_NAMEN: [&str; 4] = namen(&VERWACHTING);

/// An `[[onzekerheid]]`.
pub const ONZEKERHEID: [Veld; 7] = [
    veld("parameter", Soort::Keuze, ""),
    veld("verdeling", Soort::Keuze, ""),
    veld("min", Soort::Vrij, ""),
    veld("modus", Soort::Vrij, ""),
    veld("max", Soort::Vrij, ""),
    veld("gemiddelde", Soort::Vrij, ""),
    veld("sd", Soort::Vrij, ""),
];
pub(crate) const ONZEKERHEID_NAMEN: [&str; 7] = namen(&ONZEKERHEID);

/// `[toelichting]`: the region's own texts, in the order of [`super::model::Onderwerp::ALL`].
pub const TOELICHTING: [Veld; 8] = [
    toelichting("zorg"),
    toelichting("onderbouwing"),
    toelichting("zorgverleners"),
    toelichting("frequentie"),
    toelichting("locatie"),
    toelichting("doelstellingen"),
    toelichting("innovatie"),
    toelichting("evaluatie"),
];
pub(crate) const TOELICHTING_NAMEN: [&str; 8] = namen(&TOELICHTING);

const fn toelichting(naam: &'static str) -> Veld {
    begrensd(naam, Soort::Tekst, "tekens", 1, TOELICHTING_MAX)
}

/// The field named `naam` of `velden`.
pub fn zoek(velden: &[Veld], naam: &str) -> Option<Veld> {
    velden.iter().find(|v| v.naam == naam).copied()
}

/// The Dutch label of a numeric field as a document shows it to a reader who never saw the
/// scenario file (`duur_uren` → "duur van een bijeenkomst"), lower case; `None` for a name
/// that is no such field. Names only: which group, role or indicator it is for is added by
/// the caller ([`super::param::label`]).
pub fn label(naam: &str) -> Option<&'static str> {
    Some(match naam {
        "uurtarief" => "uurtarief",
        "bijeenkomsten_per_jaar" => "bijeenkomsten per jaar",
        "duur_uren" => "duur van een bijeenkomst (uren)",
        "voorbereiding_uren" => "voorbereiding per deelnemer per bijeenkomst (uren)",
        "reistijd_uren" => "reistijd per deelnemer per bijeenkomst (uren)",
        "voorzitter_uren" => "extra uren van de voorzitter per bijeenkomst",
        "coordinatie_uren_per_patient" => "coördinatie per patiënt (uren)",
        "telefonische_ondersteuning_uren" => "telefonische ondersteuning per groep per jaar (uren)",
        "patienten_per_jaar" => "patiënten per groep per jaar",
        "deelnemers" => "aantal deelnemers",
        "ict_per_groep" => "ICT per groep per jaar",
        "huisvesting_per_bijeenkomst" => "huisvesting per bijeenkomst",
        "projectleiding_uren" => "uren projectleiding per jaar",
        "projectleiding_uurtarief" => "uurtarief projectleiding",
        "monitoring_per_jaar" => "monitoring en evaluatie per jaar",
        "startkosten_per_nieuwe_groep" => "startkosten per nieuwe groep",
        "scholing_per_nieuwe_deelnemer" => "scholing per nieuwe deelnemer",
        "overhead_percentage" => "overhead van de penvoerder",
        "kosten_percentage_per_jaar" => "indexatie van de kosten per jaar",
        "verzekerden" => "aantal verzekerden",
        "marktaandeel_percentage" => "marktaandeel",
        "tarief_per_verzekerde" => "tarief per verzekerde",
        "plafond" => "plafond per jaar",
        "aandeel_kanker_percentage" => "aandeel patiënten met kanker",
        "disconteringsvoet_percentage" => "disconteringsvoet",
        "basis_percentage" => "basispercentage",
        "reductie_percentage" => "verwachte reductie",
        "kosten_per_geval" => "kosten per vermeden geval",
        _ => return None,
    })
}

/// Whether a field is a number that a `--set`, a sweep or an `[[onzekerheid]]` may vary.
pub fn is_getal(v: &Veld) -> bool {
    matches!(
        v.soort,
        Soort::Bedrag | Soort::Getal | Soort::Percentage | Soort::Aantal
    )
}

/// A numeric werkwijze field: one of [`WERKWIJZE`] that is a number (all but the two roles).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WerkwijzeGetal {
    /// `bijeenkomsten_per_jaar`.
    BijeenkomstenPerJaar,
    /// `duur_uren`.
    DuurUren,
    /// `voorbereiding_uren`.
    VoorbereidingUren,
    /// `reistijd_uren`.
    ReistijdUren,
    /// `voorzitter_uren`.
    VoorzitterUren,
    /// `coordinatie_uren_per_patient`.
    CoordinatieUrenPerPatient,
    /// `telefonische_ondersteuning_uren`.
    TelefonischeOndersteuningUren,
    /// `patienten_per_jaar`.
    PatientenPerJaar,
}

impl WerkwijzeGetal {
    /// All of them, in the order of [`WERKWIJZE`].
    pub const ALL: [WerkwijzeGetal; 8] = [
        WerkwijzeGetal::BijeenkomstenPerJaar,
        WerkwijzeGetal::DuurUren,
        WerkwijzeGetal::VoorbereidingUren,
        WerkwijzeGetal::ReistijdUren,
        WerkwijzeGetal::VoorzitterUren,
        WerkwijzeGetal::CoordinatieUrenPerPatient,
        WerkwijzeGetal::TelefonischeOndersteuningUren,
        WerkwijzeGetal::PatientenPerJaar,
    ];

    /// Its field in [`WERKWIJZE`].
    pub fn veld(self) -> Veld {
        let i = match self {
            WerkwijzeGetal::BijeenkomstenPerJaar => 0,
            WerkwijzeGetal::DuurUren => 1,
            WerkwijzeGetal::VoorbereidingUren => 2,
            WerkwijzeGetal::ReistijdUren => 3,
            WerkwijzeGetal::VoorzitterUren => 5,
            WerkwijzeGetal::CoordinatieUrenPerPatient => 7,
            WerkwijzeGetal::TelefonischeOndersteuningUren => 8,
            WerkwijzeGetal::PatientenPerJaar => 9,
        };
        WERKWIJZE[i]
    }

    /// The field named `naam`.
    pub fn parse(naam: &str) -> Option<WerkwijzeGetal> {
        WerkwijzeGetal::ALL
            .into_iter()
            .find(|f| f.veld().naam == naam)
    }

    /// Its value in `w`.
    pub fn get(self, w: &Werkwijze) -> Decimal {
        match self {
            WerkwijzeGetal::BijeenkomstenPerJaar => Decimal::from(w.bijeenkomsten_per_jaar),
            WerkwijzeGetal::DuurUren => w.duur_uren,
            WerkwijzeGetal::VoorbereidingUren => w.voorbereiding_uren,
            WerkwijzeGetal::ReistijdUren => w.reistijd_uren,
            WerkwijzeGetal::VoorzitterUren => w.voorzitter_uren,
            WerkwijzeGetal::CoordinatieUrenPerPatient => w.coordinatie_uren_per_patient,
            WerkwijzeGetal::TelefonischeOndersteuningUren => w.telefonische_ondersteuning_uren,
            WerkwijzeGetal::PatientenPerJaar => w.patienten_per_jaar,
        }
    }

    /// Sets it in `w` (a count: `v`'s whole part, saturated).
    pub fn set(self, w: &mut Werkwijze, v: Decimal) {
        match self {
            WerkwijzeGetal::BijeenkomstenPerJaar => {
                w.bijeenkomsten_per_jaar = u32::try_from(v.trunc().mantissa()).unwrap_or(u32::MAX);
            }
            WerkwijzeGetal::DuurUren => w.duur_uren = v,
            WerkwijzeGetal::VoorbereidingUren => w.voorbereiding_uren = v,
            WerkwijzeGetal::ReistijdUren => w.reistijd_uren = v,
            WerkwijzeGetal::VoorzitterUren => w.voorzitter_uren = v,
            WerkwijzeGetal::CoordinatieUrenPerPatient => w.coordinatie_uren_per_patient = v,
            WerkwijzeGetal::TelefonischeOndersteuningUren => {
                w.telefonische_ondersteuning_uren = v;
            }
            WerkwijzeGetal::PatientenPerJaar => w.patienten_per_jaar = v,
        }
    }
}

/// A field of `[ondersteuning]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OndersteuningVeld {
    /// `ict_per_groep`.
    IctPerGroep,
    /// `huisvesting_per_bijeenkomst`.
    HuisvestingPerBijeenkomst,
    /// `projectleiding_uren`.
    ProjectleidingUren,
    /// `projectleiding_uurtarief`.
    ProjectleidingUurtarief,
    /// `monitoring_per_jaar`.
    MonitoringPerJaar,
    /// `startkosten_per_nieuwe_groep`.
    StartkostenPerNieuweGroep,
    /// `scholing_per_nieuwe_deelnemer`.
    ScholingPerNieuweDeelnemer,
    /// `overhead_percentage`.
    OverheadPercentage,
}

impl OndersteuningVeld {
    /// All of them, in the order of [`ONDERSTEUNING`].
    pub const ALL: [OndersteuningVeld; 8] = [
        OndersteuningVeld::IctPerGroep,
        OndersteuningVeld::HuisvestingPerBijeenkomst,
        OndersteuningVeld::ProjectleidingUren,
        OndersteuningVeld::ProjectleidingUurtarief,
        OndersteuningVeld::MonitoringPerJaar,
        OndersteuningVeld::StartkostenPerNieuweGroep,
        OndersteuningVeld::ScholingPerNieuweDeelnemer,
        OndersteuningVeld::OverheadPercentage,
    ];

    /// Its field in [`ONDERSTEUNING`].
    pub fn veld(self) -> Veld {
        ONDERSTEUNING[self as usize]
    }

    /// The field named `naam`.
    pub fn parse(naam: &str) -> Option<OndersteuningVeld> {
        OndersteuningVeld::ALL
            .into_iter()
            .find(|f| f.veld().naam == naam)
    }

    /// The place of this field in `o`.
    pub fn of(self, o: &mut Ondersteuning) -> &mut Decimal {
        match self {
            OndersteuningVeld::IctPerGroep => &mut o.ict_per_groep,
            OndersteuningVeld::HuisvestingPerBijeenkomst => &mut o.huisvesting_per_bijeenkomst,
            OndersteuningVeld::ProjectleidingUren => &mut o.projectleiding_uren,
            OndersteuningVeld::ProjectleidingUurtarief => &mut o.projectleiding_uurtarief,
            OndersteuningVeld::MonitoringPerJaar => &mut o.monitoring_per_jaar,
            OndersteuningVeld::StartkostenPerNieuweGroep => &mut o.startkosten_per_nieuwe_groep,
            OndersteuningVeld::ScholingPerNieuweDeelnemer => &mut o.scholing_per_nieuwe_deelnemer,
            OndersteuningVeld::OverheadPercentage => &mut o.overhead_percentage,
        }
    }

    /// Its value in `o`.
    pub fn get(self, o: &Ondersteuning) -> Decimal {
        match self {
            OndersteuningVeld::IctPerGroep => o.ict_per_groep,
            OndersteuningVeld::HuisvestingPerBijeenkomst => o.huisvesting_per_bijeenkomst,
            OndersteuningVeld::ProjectleidingUren => o.projectleiding_uren,
            OndersteuningVeld::ProjectleidingUurtarief => o.projectleiding_uurtarief,
            OndersteuningVeld::MonitoringPerJaar => o.monitoring_per_jaar,
            OndersteuningVeld::StartkostenPerNieuweGroep => o.startkosten_per_nieuwe_groep,
            OndersteuningVeld::ScholingPerNieuweDeelnemer => o.scholing_per_nieuwe_deelnemer,
            OndersteuningVeld::OverheadPercentage => o.overhead_percentage,
        }
    }
}

/// A numeric field of an `[[indicator]]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IndicatorGetal {
    /// `basis_percentage`.
    BasisPercentage,
    /// `reductie_percentage`.
    ReductiePercentage,
    /// `kosten_per_geval`.
    KostenPerGeval,
}

impl IndicatorGetal {
    /// All of them, in the order of [`INDICATOR`].
    pub const ALL: [IndicatorGetal; 3] = [
        IndicatorGetal::BasisPercentage,
        IndicatorGetal::ReductiePercentage,
        IndicatorGetal::KostenPerGeval,
    ];

    /// Its field in [`INDICATOR`].
    pub fn veld(self) -> Veld {
        INDICATOR[self as usize + 1]
    }

    /// The field named `naam`.
    pub fn parse(naam: &str) -> Option<IndicatorGetal> {
        IndicatorGetal::ALL
            .into_iter()
            .find(|f| f.veld().naam == naam)
    }

    /// The place of this field in `i`.
    pub fn of(self, i: &mut Indicator) -> &mut Decimal {
        match self {
            IndicatorGetal::BasisPercentage => &mut i.basis_percentage,
            IndicatorGetal::ReductiePercentage => &mut i.reductie_percentage,
            IndicatorGetal::KostenPerGeval => &mut i.kosten_per_geval,
        }
    }

    /// Its value in `i`.
    pub fn get(self, i: &Indicator) -> Decimal {
        match self {
            IndicatorGetal::BasisPercentage => i.basis_percentage,
            IndicatorGetal::ReductiePercentage => i.reductie_percentage,
            IndicatorGetal::KostenPerGeval => i.kosten_per_geval,
        }
    }
}

/// `n` written the Dutch way, with a point between thousands: `100.000.000`.
pub fn duizendtallen(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_numeric_werkwijze_fields_are_all_but_the_two_roles_in_schema_order() {
        let numeric: Vec<&str> = WERKWIJZE
            .iter()
            .filter(|v| v.soort != Soort::Rol)
            .map(|v| v.naam)
            .collect();
        let fields: Vec<&str> = WerkwijzeGetal::ALL.iter().map(|f| f.veld().naam).collect();
        assert_eq!(fields, numeric);
        assert!(WERKWIJZE.iter().all(|v| v.per_groep));
    }

    #[test]
    fn the_support_and_indicator_fields_follow_their_tables() {
        let names: Vec<&str> = OndersteuningVeld::ALL
            .iter()
            .map(|f| f.veld().naam)
            .collect();
        assert_eq!(names, ONDERSTEUNING_NAMEN);
        let names: Vec<&str> = IndicatorGetal::ALL.iter().map(|f| f.veld().naam).collect();
        assert_eq!(names, INDICATOR_NAMEN[1..4]);
    }

    #[test]
    fn a_group_allows_its_own_fields_then_the_werkwijze() {
        assert_eq!(GROEP_NAMEN[..4], ["naam", "deelnemers", "start", "nieuw"]);
        assert_eq!(GROEP_NAMEN[4..], WERKWIJZE_NAMEN);
    }

    /// The template (`patz-calc init`) shows every field of the schema in its section, with
    /// the field's documented bound in the comment right above it.
    #[test]
    fn the_template_writes_every_field_with_its_bound() {
        let lines: Vec<&str> = super::super::TEMPLATE.lines().collect();
        let sections: [(&str, &[Veld]); 10] = [
            ("[scenario]", &SCENARIO),
            ("[werkwijze]", &WERKWIJZE),
            ("[[groep]]", &GROEP),
            ("[ondersteuning]", &ONDERSTEUNING),
            ("[indexatie]", &INDEXATIE),
            ("[financiering]", &FINANCIERING),
            ("[[verzekeraar]]", &VERZEKERAAR),
            ("[[aanbod]]", &AANBOD),
            ("[impact]", &IMPACT),
            ("[[indicator]]", &INDICATOR),
        ];
        let comment_above = |field: usize| -> String {
            let above: Vec<&str> = lines[..field]
                .iter()
                .rev()
                .take_while(|l| l.starts_with('#'))
                .copied()
                .collect();
            above.join(" ")
        };
        for (header, velden) in sections {
            let start = lines.iter().position(|l| *l == header);
            let start = start.unwrap_or_else(|| panic!("{header} in the template"));
            for v in velden {
                let key = format!("{} =", v.naam);
                let at = lines[start..].iter().position(|l| l.starts_with(&key));
                let at =
                    start + at.unwrap_or_else(|| panic!("{header} {} in the template", v.naam));
                let Some(g) = v.grens else { continue };
                let bound = match v.soort {
                    Soort::Tekst => format!("{} tekens", duizendtallen(g.max)),
                    _ => duizendtallen(g.max),
                };
                let comment = comment_above(at);
                assert!(
                    comment.contains(&bound),
                    "{header} {}: {bound} in {comment:?}",
                    v.naam
                );
            }
        }
        let groep = lines.iter().position(|l| *l == "[[groep]]").unwrap_or(0);
        let deelnemers = lines[groep..]
            .iter()
            .position(|l| l.starts_with("deelnemers ="))
            .map_or(0, |i| groep + i);
        let max = DEELNEMERS.grens.map_or(0, |g| g.max);
        assert!(comment_above(deelnemers).contains(&duizendtallen(max)));
        let max = UURTARIEF.grens.map_or(0, |g| g.max);
        let uurtarieven = lines
            .iter()
            .position(|l| *l == "[uurtarieven]")
            .unwrap_or(0);
        assert!(lines[uurtarieven + 1].contains(&duizendtallen(max)));
    }

    #[test]
    fn bounds_are_written_with_points_between_thousands() {
        assert_eq!(duizendtallen(0), "0");
        assert_eq!(duizendtallen(365), "365");
        assert_eq!(duizendtallen(1_000), "1.000");
        assert_eq!(duizendtallen(8_760), "8.760");
        assert_eq!(duizendtallen(100_000_000), "100.000.000");
    }
}
