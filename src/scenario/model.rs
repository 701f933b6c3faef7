//! The validated scenario: every value checked, every default filled in. Pure data, no I/O.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

use rust_decimal::Decimal;

mod toelichting;
mod verwachting;

pub use super::diagnostic::Pos;
pub use toelichting::{Onderwerp, Toelichting};
pub use verwachting::{Grootheid, Onzekerheid, Verdeling, Verwachting};

/// Field paths and where they stand in the file. Recorded as byte offsets while reading (cheap);
/// turned into line and column only when a message needs one.
#[derive(Debug, Clone, Default)]
pub struct Posities {
    /// The recorded paths. Shared, so that cloning a scenario (as the simulation does per thread)
    /// does not copy it.
    paden: Arc<Paden>,
    /// Byte offset of the start of every line, made on the first question about a place.
    regels: Arc<OnceLock<Vec<usize>>>,
    /// The text, for columns counted in characters.
    tekst: Arc<str>,
    /// Every path with its offset, made once many places are asked for (as for a warning per
    /// group): a search from the end per question would make that quadratic.
    index: Arc<Index>,
}

/// See [`Posities::index`].
#[derive(Debug, Default)]
struct Index {
    /// How many places were asked for so far.
    vragen: AtomicUsize,
    /// Path -> offset, the last entry for a path winning.
    kaart: OnceLock<HashMap<Box<str>, usize>>,
}

/// Up to this many questions a search is cheaper than making the index.
const ZOEKEN_ZONDER_INDEX: usize = 8;

/// `(path, byte offset)` pairs in reading order; a later entry for the same path wins. Most
/// paths are not written out: a field of a table is kept as the table's entry and the field's
/// name, and put together only when a place is asked for (which few runs do). On 400 generated
/// files of 9,009 groups this saves about 8 M of the reading's 78 M instructions.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Paden {
    /// The paths written out and the names that are not `'static`, one after the other.
    tekst: String,
    /// Per path: how it is made, and its offset.
    paden: Vec<(Pad, usize)>,
}

/// How one recorded path is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pad {
    /// Written out: `tekst[van..tot]`.
    Tekst { van: usize, tot: usize },
    /// The path of the earlier entry `ouder`, a point (unless that path is empty) and a name.
    Onder { ouder: usize, naam: Naam },
}

/// The last step of a [`Pad::Onder`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Naam {
    /// A name of the schema.
    Vast(&'static str),
    /// A name from the file: `tekst[van..tot]`.
    Tekst { van: usize, tot: usize },
}

impl Paden {
    /// Room for the paths of a file of `len` bytes.
    pub(crate) fn with_capacity(len: usize) -> Self {
        Paden {
            tekst: String::with_capacity(len / 4),
            paden: Vec::with_capacity(len / 16),
        }
    }

    /// Records the path that `write` appends to the buffer, at byte offset `offset`; gives the
    /// entry's number, for [`Paden::push_onder`].
    pub(crate) fn push_with(&mut self, offset: usize, write: impl FnOnce(&mut String)) -> usize {
        let van = self.tekst.len();
        write(&mut self.tekst);
        self.push(
            Pad::Tekst {
                van,
                tot: self.tekst.len(),
            },
            offset,
        )
    }

    /// Records the path `<path of entry ouder>.naam` (a schema name) at byte offset `offset`.
    pub(crate) fn push_veld(&mut self, offset: usize, ouder: usize, naam: &'static str) -> usize {
        self.push(
            Pad::Onder {
                ouder,
                naam: Naam::Vast(naam),
            },
            offset,
        )
    }

    /// Records the path `<path of entry ouder>.naam` (a name from the file) at `offset`.
    pub(crate) fn push_onder(&mut self, offset: usize, ouder: usize, naam: &str) -> usize {
        let van = self.tekst.len();
        self.tekst.push_str(naam);
        let naam = Naam::Tekst {
            van,
            tot: self.tekst.len(),
        };
        self.push(Pad::Onder { ouder, naam }, offset)
    }

    fn push(&mut self, pad: Pad, offset: usize) -> usize {
        self.paden.push((pad, offset));
        self.paden.len() - 1
    }

    fn naam(&self, naam: Naam) -> &str {
        match naam {
            Naam::Vast(n) => n,
            Naam::Tekst { van, tot } => self.tekst.get(van..tot).unwrap_or_default(),
        }
    }

    /// The path of entry `i`, written out.
    fn pad(&self, i: usize) -> String {
        // The steps from the last back to the first written out.
        let mut stappen: Vec<&str> = Vec::new();
        let mut at = i;
        let begin = loop {
            match self.paden.get(at) {
                Some((Pad::Onder { ouder, naam }, _)) if *ouder < at => {
                    stappen.push(self.naam(*naam));
                    at = *ouder;
                }
                Some((Pad::Tekst { van, tot }, _)) => {
                    break self.tekst.get(*van..*tot).unwrap_or_default();
                }
                _ => break "",
            }
        };
        let mut out = String::from(begin);
        for stap in stappen.iter().rev() {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(stap);
        }
        out
    }

    /// Whether the path of entry `i` is `path`, without writing it out.
    fn is(&self, i: usize, path: &str) -> bool {
        let mut at = i;
        let mut rest = path;
        loop {
            match self.paden.get(at) {
                Some((Pad::Onder { ouder, naam }, _)) if *ouder < at => {
                    let Some(voor) = rest.strip_suffix(self.naam(*naam)) else {
                        return false;
                    };
                    // `parent.naam`, or `naam` alone below the empty path.
                    rest = match voor.strip_suffix('.') {
                        Some(p) if !p.is_empty() => p,
                        _ if voor.is_empty() => {
                            return self.pad(*ouder).is_empty();
                        }
                        _ => return false,
                    };
                    at = *ouder;
                }
                Some((Pad::Tekst { van, tot }, _)) => {
                    return self.tekst.get(*van..*tot) == Some(rest);
                }
                _ => return false,
            }
        }
    }

    /// Every path with the offset of its last entry.
    fn kaart(&self) -> HashMap<Box<str>, usize> {
        let mut kaart = HashMap::with_capacity(self.paden.len());
        for (i, &(_, offset)) in self.paden.iter().enumerate() {
            kaart.insert(self.pad(i).into_boxed_str(), offset);
        }
        kaart
    }

    /// The offset of the last entry for `path`.
    fn get(&self, path: &str) -> Option<usize> {
        (0..self.paden.len())
            .rev()
            .find(|&i| self.is(i, path))
            .and_then(|i| self.paden.get(i).map(|&(_, offset)| offset))
    }
}

/// The line-start index is derived from the text, so it takes no part in equality.
impl PartialEq for Posities {
    fn eq(&self, other: &Self) -> bool {
        self.paden == other.paden && self.tekst == other.tekst
    }
}

impl Eq for Posities {}

impl Posities {
    pub(crate) fn new(src: &str) -> Self {
        Posities {
            paden: Arc::default(),
            regels: Arc::default(),
            tekst: Arc::from(src),
            index: Arc::default(),
        }
    }

    /// These positions with the paths recorded while reading.
    pub(crate) fn with_paden(self, paden: Paden) -> Self {
        Posities {
            paden: Arc::new(paden),
            index: Arc::default(),
            ..self
        }
    }

    /// Line and character column of `path`, if it was recorded.
    pub fn get(&self, path: &str) -> Option<Pos> {
        let vragen = self.index.vragen.fetch_add(1, Ordering::Relaxed);
        let offset = if vragen < ZOEKEN_ZONDER_INDEX {
            self.paden.get(path)
        } else {
            self.index
                .kaart
                .get_or_init(|| self.paden.kaart())
                .get(path)
                .copied()
        };
        offset.map(|offset| self.pos(offset))
    }

    /// Line and character column (both from 1) of a byte offset in the file.
    pub(crate) fn pos(&self, offset: usize) -> Pos {
        let regels = self.regels.get_or_init(|| {
            // Counted first, so that the index is allocated once.
            let bytes = self.tekst.as_bytes();
            let mut regels = Vec::with_capacity(1 + bytes.iter().filter(|&&b| b == b'\n').count());
            regels.push(0);
            regels.extend(
                bytes
                    .iter()
                    .enumerate()
                    .filter(|&(_, &b)| b == b'\n')
                    .map(|(i, _)| i + 1),
            );
            regels
        });
        let offset = offset.min(self.tekst.len());
        let line = regels.partition_point(|&s| s <= offset).max(1);
        let start = regels[line - 1];
        let column = self
            .tekst
            .get(start..offset)
            .map_or(offset - start, |t| t.chars().count())
            + 1;
        Pos { line, column }
    }
}

/// A validated scenario (docs/rekenregels.md, format 1).
#[derive(Debug, Clone, Default)]
pub struct Scenario {
    /// `scenario.naam`.
    pub naam: String,
    /// `scenario.regio`.
    pub regio: Option<String>,
    /// First calendar year of the businesscase.
    pub startjaar: i32,
    /// Horizon in years (1..=30).
    pub looptijd_jaren: u32,
    /// Insured persons the tariff is spread over (a whole number > 0); with `verzekerden` per
    /// year, the first year's number. Calculations use [`Scenario::verzekerden_jaar`].
    pub verzekerden: Decimal,
    /// `verzekerden` written as an array: one whole number per year of the horizon, in order
    /// (`None`: [`Scenario::verzekerden`] in every year).
    pub verzekerden_per_jaar: Option<Vec<Decimal>>,
    /// € per hour per role, in file order; the roles are the keys.
    pub uurtarieven: Vec<Uurtarief>,
    /// The groups, in file order.
    pub groepen: Vec<Groep>,
    /// Regional support costs.
    pub ondersteuning: Ondersteuning,
    /// Yearly cost indexation in percent (0 without `[indexatie]`).
    pub indexatie_percentage: Decimal,
    /// Roles whose hour lines are financed through another title, as `elders_gefinancierd`
    /// lists them (each is also an entry of [`Scenario::financiering_elders`]).
    pub elders_gefinancierd: Vec<String>,
    /// Every line financed elsewhere, per role or post, per year and in part: the roles of
    /// `elders_gefinancierd` first (100 %, every year), then `[[financiering.elders]]` in file
    /// order. No two entries cover the same line in the same year.
    pub financiering_elders: Vec<EldersFinanciering>,
    /// `[[financiering.nagegaan]]`: double-financing reminders answered, in file order.
    pub nagegaan: Vec<Nagegaan>,
    /// `[[kostenpost]]`: the region's own cost posts, in file order.
    pub kostenposten: Vec<Kostenpost>,
    /// `[[bijdrage]]`: contributions from other sources, in file order.
    pub bijdragen: Vec<Bijdrage>,
    /// Insurers, in file order.
    pub verzekeraars: Vec<Verzekeraar>,
    /// Offers to compare, in file order.
    pub aanbiedingen: Vec<Aanbod>,
    /// Expected zorgreductie; `None` without `[impact]`.
    pub impact: Option<Impact>,
    /// Expectations checked after every command (`[[verwachting]]`).
    pub verwachtingen: Vec<Verwachting>,
    /// Uncertain inputs with their distributions (`[[onzekerheid]]`).
    pub onzekerheden: Vec<Onzekerheid>,
    /// The region's own texts for the documents (`[toelichting]`).
    pub toelichting: Toelichting,
    /// Where each field path stands in the file, for messages about computed values.
    pub posities: Posities,
    /// Warnings about how values are written (a money amount with three decimals), found
    /// while reading; [`super::warnings`] gives them with the others.
    pub lees_waarschuwingen: Vec<super::diagnostic::Diagnostic>,
}

/// One role's hourly rate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Uurtarief {
    /// Role name (a key of `[uurtarieven]`).
    pub rol: Arc<str>,
    /// € per hour, not indexed.
    pub bedrag: Decimal,
}

/// One PaTz group with its effective werkwijze.
#[derive(Debug, Clone)]
pub struct Groep {
    /// Unique name.
    pub naam: String,
    /// Participants per role, in the order of `[uurtarieven]`; roles with 0 are kept.
    pub deelnemers: Vec<(Arc<str>, u32)>,
    /// First year the group runs.
    pub start: i32,
    /// A new group pays start costs in its start year.
    pub nieuw: bool,
    /// `[werkwijze]` with this group's overrides applied.
    pub werkwijze: Werkwijze,
    /// The `[werkwijze]` fields this group sets itself (a change of `werkwijze.X` passes them by).
    pub eigen: Vec<&'static str>,
}

impl Groep {
    /// Number of participants of `rol` (0 when absent).
    pub fn aantal(&self, rol: &str) -> u32 {
        self.deelnemers
            .iter()
            .find(|(r, _)| &**r == rol)
            .map_or(0, |(_, n)| *n)
    }

    /// Total number of participants over all roles.
    pub fn totaal_deelnemers(&self) -> u64 {
        self.deelnemers.iter().map(|(_, n)| u64::from(*n)).sum()
    }
}

/// The way of working of one group (docs/rekenregels.md `[werkwijze]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Werkwijze {
    /// Meetings per year.
    pub bijeenkomsten_per_jaar: u32,
    /// Length of one meeting in hours.
    pub duur_uren: Decimal,
    /// Preparation per participant per meeting.
    pub voorbereiding_uren: Decimal,
    /// Travel per participant per meeting.
    pub reistijd_uren: Decimal,
    /// The role whose rate pays the chair's extra time.
    pub voorzitter_rol: Arc<str>,
    /// Chair's extra hours per meeting.
    pub voorzitter_uren: Decimal,
    /// The role that coordinates care after a meeting.
    pub coordinatie_rol: Arc<str>,
    /// Coordination hours per patient.
    pub coordinatie_uren_per_patient: Decimal,
    /// Consulent's phone support per group per year.
    pub telefonische_ondersteuning_uren: Decimal,
    /// Palliative patients per group per year (may be an average).
    pub patienten_per_jaar: Decimal,
}

/// Regional support (docs/rekenregels.md `[ondersteuning]`); every field defaults to 0.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ondersteuning {
    /// € per active group per year.
    pub ict_per_groep: Decimal,
    /// € per meeting.
    pub huisvesting_per_bijeenkomst: Decimal,
    /// Regional project lead hours per year.
    pub projectleiding_uren: Decimal,
    /// € per project lead hour.
    pub projectleiding_uurtarief: Decimal,
    /// € per year for evaluation and monitoring.
    pub monitoring_per_jaar: Decimal,
    /// One-off € per new group, in its start year.
    pub startkosten_per_nieuwe_groep: Decimal,
    /// One-off € per participant of a new group.
    pub scholing_per_nieuwe_deelnemer: Decimal,
    /// Penvoerder's fee in % of the year's TAPA$-financed lines.
    pub overhead_percentage: Decimal,
}

/// What a `[[financiering.elders]]` entry covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EldersDoel {
    /// The hour lines of a role of `[uurtarieven]`.
    Rol(Arc<str>),
    /// The lines of a non-role post: `ict`, `huisvesting`, `startkosten`, `scholing`,
    /// `projectleiding`, `monitoring` or a `[[kostenpost]]` id (never `overhead`).
    Post(String),
}

impl EldersDoel {
    /// The role or post as written.
    pub fn naam(&self) -> &str {
        match self {
            EldersDoel::Rol(r) => r,
            EldersDoel::Post(p) => p,
        }
    }
}

/// The financier of a role of `elders_gefinancierd`.
pub const FINANCIER_ELDERS: &str = "elders";

/// Lines financed elsewhere (docs/rekenregels.md "Elders gefinancierd").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EldersFinanciering {
    /// The role or post covered.
    pub doel: EldersDoel,
    /// Share paid elsewhere, `0 < p ≤ 100`.
    pub percentage: Decimal,
    /// First year covered; `None`: from the first year of the horizon.
    pub vanaf: Option<i32>,
    /// Last year covered; `None`: to the last year of the horizon.
    pub tot_en_met: Option<i32>,
    /// Who pays that part (`elders` for a role of `elders_gefinancierd`).
    pub financier: String,
    /// Field path, `financiering.elders[2]` or `financiering.elders_gefinancierd[1]`.
    pub path: String,
}

impl EldersFinanciering {
    /// Whether `jaar` lies in `vanaf ..= tot_en_met`.
    pub fn dekt_jaar(&self, jaar: i32) -> bool {
        self.vanaf.is_none_or(|v| v <= jaar) && self.tot_en_met.is_none_or(|t| jaar <= t)
    }

    /// Whether the whole line is paid elsewhere.
    pub fn geheel(&self) -> bool {
        self.percentage == Decimal::ONE_HUNDRED
    }
}

/// `[[financiering.nagegaan]]`: the answer to a reminder about a role's double financing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nagegaan {
    /// The role (of `[uurtarieven]`).
    pub rol: Arc<str>,
    /// What was checked, for the documents.
    pub toelichting: String,
    /// Field path, `financiering.nagegaan[1]`.
    pub path: String,
}

/// The unit of a [`Kostenpost`]'s amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KostenpostPer {
    /// One regional line a year.
    Jaar,
    /// One line per active group per year.
    Groep,
    /// Per meeting: one line per active group, `b × bedrag`.
    Bijeenkomst,
}

impl KostenpostPer {
    /// The value as written (`per = "…"`).
    pub fn as_str(self) -> &'static str {
        match self {
            KostenpostPer::Jaar => "jaar",
            KostenpostPer::Groep => "groep",
            KostenpostPer::Bijeenkomst => "bijeenkomst",
        }
    }
}

/// `[[kostenpost]]`: a cost post of the region's own (docs/rekenregels.md "Eigen kostenposten").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kostenpost {
    /// snake_case, unique, not a built-in post: the `post` of its lines.
    pub id: String,
    /// The label in tables and documents.
    pub naam: String,
    /// € per unit, indexed.
    pub bedrag: Decimal,
    /// The unit.
    pub per: KostenpostPer,
    /// The years with lines, ascending, inside the horizon.
    pub jaren: Vec<i32>,
    /// Where the amount comes from.
    pub bron: Option<String>,
    /// Field path, `kostenpost[1]`.
    pub path: String,
}

/// `[[bijdrage]]`: money from another source that lowers what TAPA$ finances in one year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bijdrage {
    /// Label.
    pub naam: String,
    /// €, not indexed.
    pub bedrag: Decimal,
    /// The year (inside the horizon).
    pub jaar: i32,
    /// Who pays it.
    pub financier: String,
    /// Field path, `bijdrage[1]`.
    pub path: String,
}

/// An insurer and its market share.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verzekeraar {
    /// Insurer name, unique.
    pub naam: String,
    /// % of the verzekerden insured with this insurer.
    pub marktaandeel_percentage: Decimal,
}

/// An insurer's offer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Aanbod {
    /// The insurer (names a [`Verzekeraar`]).
    pub verzekeraar: String,
    /// Label, unique.
    pub label: String,
    /// € per verzekerde of this insurer per year (not indexed).
    pub tarief_per_verzekerde: Decimal,
    /// At most this many € per year.
    pub plafond: Option<Decimal>,
    /// Contract years (inside the horizon), ascending.
    pub jaren: Vec<i32>,
    /// `gecontracteerd = true`: the offer the insurer signed (at most one per insurer); it is
    /// then the insurer's chosen offer (see `calc::offers::gekozen_aanbod`).
    pub gecontracteerd: bool,
}

/// Expected zorgreductie (docs/rekenregels.md `[impact]` and `[[indicator]]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Impact {
    /// % of patients with cancer (chemotherapy indicator).
    pub aandeel_kanker_percentage: Decimal,
    /// Discount rate in % for the net present value.
    pub disconteringsvoet_percentage: Decimal,
    /// The six indicators, in the order of [`IndicatorId::ALL`].
    pub indicatoren: Vec<Indicator>,
}

/// One indicator of niet-passende zorg in the last 30 days of life.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Indicator {
    /// Which indicator.
    pub id: IndicatorId,
    /// % of deceased patients with this indicator without PaTz.
    pub basis_percentage: Decimal,
    /// Expected relative reduction with PaTz, in %.
    pub reductie_percentage: Decimal,
    /// € avoided per avoided case (indexed).
    pub kosten_per_geval: Decimal,
    /// Source of the figures.
    pub bron: String,
}

/// The six indicator ids of docs/rekenregels.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum IndicatorId {
    /// > 1 ziekenhuisopname.
    ZiekenhuisopnamesMeerDan1,
    /// > 14 dagen opgenomen.
    ZiekenhuisdagenMeerDan14,
    /// > 1 SEH-bezoek.
    SehBezoekenMeerDan1,
    /// Opname op de IC.
    IcOpname,
    /// Sterven in het ziekenhuis.
    OverlijdenInZiekenhuis,
    /// Chemotherapie (alleen bij kanker).
    Chemotherapie,
}

impl IndicatorId {
    /// All six, in docs/rekenregels.md's order.
    pub const ALL: [IndicatorId; 6] = [
        IndicatorId::ZiekenhuisopnamesMeerDan1,
        IndicatorId::ZiekenhuisdagenMeerDan14,
        IndicatorId::SehBezoekenMeerDan1,
        IndicatorId::IcOpname,
        IndicatorId::OverlijdenInZiekenhuis,
        IndicatorId::Chemotherapie,
    ];

    /// The id as written in a scenario.
    pub fn as_str(self) -> &'static str {
        match self {
            IndicatorId::ZiekenhuisopnamesMeerDan1 => "ziekenhuisopnames_meer_dan_1",
            IndicatorId::ZiekenhuisdagenMeerDan14 => "ziekenhuisdagen_meer_dan_14",
            IndicatorId::SehBezoekenMeerDan1 => "seh_bezoeken_meer_dan_1",
            IndicatorId::IcOpname => "ic_opname",
            IndicatorId::OverlijdenInZiekenhuis => "overlijden_in_ziekenhuis",
            IndicatorId::Chemotherapie => "chemotherapie",
        }
    }

    /// Dutch description for tables.
    pub fn omschrijving(self) -> &'static str {
        match self {
            IndicatorId::ZiekenhuisopnamesMeerDan1 => "> 1 ziekenhuisopname",
            IndicatorId::ZiekenhuisdagenMeerDan14 => "> 14 dagen opgenomen in het ziekenhuis",
            IndicatorId::SehBezoekenMeerDan1 => "> 1 SEH-bezoek",
            IndicatorId::IcOpname => "een opname op de IC",
            IndicatorId::OverlijdenInZiekenhuis => "sterven in het ziekenhuis",
            IndicatorId::Chemotherapie => "chemotherapie ontvangen (alleen bij kanker)",
        }
    }

    /// Parses an id as written in a scenario.
    pub fn parse(text: &str) -> Option<IndicatorId> {
        IndicatorId::ALL.into_iter().find(|id| id.as_str() == text)
    }
}

impl Scenario {
    /// The years of the horizon, `startjaar ..= startjaar + looptijd_jaren - 1`.
    pub fn jaren(&self) -> impl Iterator<Item = i32> + '_ {
        (0..self.looptijd_jaren).map(move |i| self.startjaar.saturating_add_unsigned(i))
    }

    /// The last year of the horizon.
    pub fn eindjaar(&self) -> i32 {
        self.startjaar
            .saturating_add_unsigned(self.looptijd_jaren.saturating_sub(1))
    }

    /// `verzekerden(y)` of the `k`-th year of the horizon (from 0): the year's number of
    /// `verzekerden = [..]`, else `verzekerden` (docs/rekenregels.md, "Verzekerden per jaar").
    pub fn verzekerden_jaar(&self, k: usize) -> Decimal {
        self.verzekerden_per_jaar
            .as_ref()
            .and_then(|v| v.get(k).copied())
            .unwrap_or(self.verzekerden)
    }

    /// `verzekerden(y)` of calendar year `jaar` (`verzekerden` for a year outside the horizon).
    pub fn verzekerden_in(&self, jaar: i32) -> Decimal {
        let k = jaar
            .checked_sub(self.startjaar)
            .and_then(|k| usize::try_from(k).ok());
        k.map_or(self.verzekerden, |k| self.verzekerden_jaar(k))
    }

    /// Whether `verzekerden` differs between years (written as an array of unequal numbers).
    pub fn verzekerden_verschillen(&self) -> bool {
        self.verzekerden_per_jaar
            .as_ref()
            .is_some_and(|v| v.iter().any(|n| *n != self.verzekerden))
    }

    /// The hourly rate of `rol`, if the scenario has one.
    pub fn uurtarief(&self, rol: &str) -> Option<Decimal> {
        self.uurtarieven
            .iter()
            .find(|t| &*t.rol == rol)
            .map(|t| t.bedrag)
    }

    /// Whether the hour lines of `rol` are financed outside TAPA$ entirely: 100 % in every year
    /// of the horizon (as `elders_gefinancierd` says it).
    pub fn is_elders_gefinancierd(&self, rol: &str) -> bool {
        self.elders_gefinancierd.iter().any(|r| r == rol)
            || self.jaren().all(|jaar| {
                self.elders_rol(rol, jaar)
                    .is_some_and(EldersFinanciering::geheel)
            })
    }

    /// The entry that finances the hour lines of `rol` elsewhere in `jaar`, if any.
    pub fn elders_rol(&self, rol: &str, jaar: i32) -> Option<&EldersFinanciering> {
        self.financiering_elders
            .iter()
            .find(|e| matches!(&e.doel, EldersDoel::Rol(r) if &**r == rol) && e.dekt_jaar(jaar))
    }

    /// The entry that finances the lines of the non-role post `post` elsewhere in `jaar`.
    pub fn elders_post(&self, post: &str, jaar: i32) -> Option<&EldersFinanciering> {
        self.financiering_elders
            .iter()
            .find(|e| matches!(&e.doel, EldersDoel::Post(p) if p == post) && e.dekt_jaar(jaar))
    }

    /// Whether a reminder about double financing of `rol` was answered
    /// (`[[financiering.nagegaan]]`).
    pub fn is_nagegaan(&self, rol: &str) -> bool {
        self.nagegaan.iter().any(|n| &*n.rol == rol)
    }

    /// Where `path` stands in the file (the nearest enclosing path that is known).
    pub fn positie(&self, path: &str) -> Option<Pos> {
        let mut p = path;
        loop {
            if let Some(pos) = self.posities.get(p) {
                return Some(pos);
            }
            match p.rfind(['.', '[']) {
                Some(i) => p = &p[..i],
                None => return None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters_from_one() {
        let p = Posities::new("ab\nc€d\n");
        assert_eq!(p.pos(0), Pos { line: 1, column: 1 });
        assert_eq!(p.pos(3), Pos { line: 2, column: 1 });
        // '€' is three bytes but one column.
        assert_eq!(p.pos(7), Pos { line: 2, column: 3 });
        assert_eq!(p.pos(100), Pos { line: 3, column: 1 });
    }

    #[test]
    fn a_path_kept_as_its_table_and_key_is_found_as_when_written_out() {
        let mut p = Paden::default();
        let groep = p.push_with(0, |out| out.push_str("groep[2]"));
        let deelnemers = p.push_veld(5, groep, "deelnemers");
        p.push_onder(9, deelnemers, "huisarts");
        let scenario = p.push_with(12, |out| out.push_str("scenario"));
        p.push_veld(20, scenario, "naam");
        let top = p.push_with(30, |_| {});
        p.push_veld(31, top, "formaat");
        let vragen = [
            ("groep[2].deelnemers.huisarts", Some(9)),
            ("groep[2].deelnemers", Some(5)),
            ("groep[2]", Some(0)),
            ("scenario.naam", Some(20)),
            // Below the empty path a name stands alone, as `formaat` at the top of a file.
            ("formaat", Some(31)),
            (".formaat", None),
            ("deelnemers.huisarts", None),
            ("groep[2].huisarts", None),
            ("groep[2].deelnemers.huisarts.x", None),
            ("", Some(30)),
        ];
        for (path, offset) in vragen {
            assert_eq!(p.get(path), offset, "{path}");
        }
        // A later entry for the same path wins, in the search and in the index alike.
        p.push_veld(40, scenario, "naam");
        assert_eq!(p.get("scenario.naam"), Some(40));
        let kaart = p.kaart();
        assert_eq!(kaart.get("scenario.naam"), Some(&40));
        assert_eq!(kaart.get("groep[2].deelnemers.huisarts"), Some(&9));
        assert_eq!(kaart.get("formaat"), Some(&31));
        assert_eq!(kaart.len(), 7);
    }
}
