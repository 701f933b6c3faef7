//! Arguments of `monitor`, `payout`, `declare`, `settle` and `annual-report`. Pure, no I/O.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::OutputArgs;

/// `patz-calc monitor`.
#[derive(Debug, Clone, Args)]
pub struct MonitorArgs {
    /// Het scenariobestand (.toml).
    #[arg(value_name = "BESTAND")]
    pub file: PathBuf,
    /// De gehouden bijeenkomsten (CSV: groep,datum,duur_uren,besproken_patienten,<rol>…).
    #[arg(long, value_name = "CSV")]
    pub bijeenkomsten: PathBuf,
    /// De waargenomen indicatoren (CSV: jaar,indicator,overleden_patienten,gevallen); vraagt
    /// een [impact]-sectie in het scenario.
    #[arg(long, value_name = "CSV")]
    pub indicatoren: Option<PathBuf>,
    /// Welke tabel in CSV komt (een CSV-bestand bevat één tabel; tabel- en JSON-uitvoer bevatten
    /// alles): verantwoording (standaard, per jaar en groep), aanwezigheid (per jaar, groep en
    /// rol), signalen of indicatoren.
    #[arg(
        long,
        value_enum,
        value_name = "DEEL",
        default_value = "verantwoording",
        hide_possible_values = true,
        hide_default_value = true
    )]
    pub onderdeel: Onderdeel,
    /// Output options.
    #[command(flatten)]
    pub output: OutputArgs,
}

/// `patz-calc payout`.
#[derive(Debug, Clone, Args)]
pub struct PayoutArgs {
    /// Het scenariobestand (.toml).
    #[arg(value_name = "BESTAND")]
    pub file: PathBuf,
    /// De gehouden bijeenkomsten (CSV); zonder dit bestand volgt de betaallijst het plan.
    #[arg(long, value_name = "CSV")]
    pub bijeenkomsten: Option<PathBuf>,
    /// Periode van de betaallijst: kwartaal (standaard, 2026-K1 … 2026-K4) of jaar.
    #[arg(
        long,
        value_enum,
        value_name = "PERIODE",
        default_value = "kwartaal",
        hide_possible_values = true,
        hide_default_value = true
    )]
    pub per: Periode,
    /// Laatste dag die de betaallijst betaalt (JJJJ-MM-DD): het einde van een kwartaal, of met
    /// --per jaar van een jaar. Standaard: per kwartaal t/m het laatste kwartaal met een
    /// bijeenkomst, per jaar t/m het einde van het laatste jaar met een bijeenkomst.
    #[arg(long, value_name = "DATUM")]
    pub tot: Option<String>,
    /// Output options.
    #[command(flatten)]
    pub output: OutputArgs,
}

/// `patz-calc declare`.
#[derive(Debug, Clone, Args)]
pub struct DeclareArgs {
    /// Het scenariobestand (.toml).
    #[arg(value_name = "BESTAND")]
    pub file: PathBuf,
    /// De verzekerden die de verzekeraars opgeven (CSV: periode,verzekeraar,verzekerden; één
    /// regel per verzekeraar en kwartaal, bijv. 2026-K1,CZ,41250).
    #[arg(long, value_name = "CSV")]
    pub verzekerden: PathBuf,
    /// Periode van de declaratie: kwartaal (standaard) of jaar (de sommen van de kwartalen).
    #[arg(
        long,
        value_enum,
        value_name = "PERIODE",
        default_value = "kwartaal",
        hide_possible_values = true,
        hide_default_value = true
    )]
    pub per: Periode,
    /// Output options.
    #[command(flatten)]
    pub output: OutputArgs,
}

/// `patz-calc settle`.
#[derive(Debug, Clone, Args)]
pub struct SettleArgs {
    /// Het scenariobestand (.toml).
    #[arg(value_name = "BESTAND")]
    pub file: PathBuf,
    /// De verzekerden die de verzekeraars opgeven (CSV: periode,verzekeraar,verzekerden), zoals
    /// bij declare.
    #[arg(long, value_name = "CSV")]
    pub verzekerden: PathBuf,
    /// De gehouden bijeenkomsten (CSV: groep,datum,duur_uren,besproken_patienten,<rol>…).
    #[arg(long, value_name = "CSV")]
    pub bijeenkomsten: PathBuf,
    /// Alleen dit jaar afrekenen (standaard elk jaar met tellingen of bijeenkomsten).
    #[arg(long, value_name = "JAAR")]
    pub jaar: Option<i32>,
    /// Output options.
    #[command(flatten)]
    pub output: OutputArgs,
}

/// `patz-calc annual-report`.
#[derive(Debug, Clone, Args)]
pub struct AnnualReportArgs {
    /// Het scenariobestand (.toml).
    #[arg(value_name = "BESTAND")]
    pub file: PathBuf,
    /// De gehouden bijeenkomsten (CSV: groep,datum,duur_uren,besproken_patienten,<rol>…).
    #[arg(long, value_name = "CSV")]
    pub bijeenkomsten: PathBuf,
    /// De waargenomen indicatoren (CSV: jaar,indicator,overleden_patienten,gevallen); vraagt
    /// een [impact]-sectie in het scenario.
    #[arg(long, value_name = "CSV")]
    pub indicatoren: Option<PathBuf>,
    /// De verzekerden die de verzekeraars opgeven (CSV: periode,verzekeraar,verzekerden); met
    /// dit bestand bevat het verslag ook de declaratie en de afrekening.
    #[arg(long, value_name = "CSV")]
    pub verzekerden: Option<PathBuf>,
    /// Het jaarverslag dat geschreven wordt: .html (HTML, af te drukken op A4) of .docx
    /// (Word-document, verder te bewerken); - is de standaarduitvoer (HTML). Een bestaand
    /// bestand wordt alleen met --force vervangen.
    #[arg(short = 'o', long = "output", value_name = "BESTAND")]
    pub output: PathBuf,
    /// Vervang een bestaand uitvoerbestand.
    #[arg(long)]
    pub force: bool,
}

/// `--onderdeel` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Onderdeel {
    /// Per jaar en groep: bijeenkomsten, uren en kosten, gepland en geleverd.
    Verantwoording,
    /// Per jaar, groep en rol: aanwezigheid, uren en kosten.
    Aanwezigheid,
    /// Eén rij per signaal.
    Signalen,
    /// Per jaar en indicator: waargenomen tegen verwacht.
    Indicatoren,
}

impl Onderdeel {
    /// The render choice.
    pub fn render(self) -> crate::render::monitor::Onderdeel {
        use crate::render::monitor::Onderdeel as R;
        match self {
            Onderdeel::Verantwoording => R::Verantwoording,
            Onderdeel::Aanwezigheid => R::Aanwezigheid,
            Onderdeel::Signalen => R::Signalen,
            Onderdeel::Indicatoren => R::Indicatoren,
        }
    }
}

/// `--per` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Periode {
    /// Per kwartaal (2026-K1 … 2026-K4).
    Kwartaal,
    /// Per jaar.
    Jaar,
}

impl Periode {
    /// The calculation's choice.
    pub fn per(self) -> crate::calc::payout::Per {
        match self {
            Periode::Kwartaal => crate::calc::payout::Per::Kwartaal,
            Periode::Jaar => crate::calc::payout::Per::Jaar,
        }
    }
}
