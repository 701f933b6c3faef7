//! Arguments of `monitor` and `payout`. Pure, no I/O.

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
    /// De waargenomen indicatoren (CSV: jaar,indicator,overleden_patienten,gevallen).
    #[arg(long, value_name = "CSV")]
    pub indicatoren: Option<PathBuf>,
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
    /// Periode van de betaallijst.
    #[arg(long, value_enum, value_name = "PERIODE", default_value = "kwartaal")]
    pub per: Periode,
    /// Output options.
    #[command(flatten)]
    pub output: OutputArgs,
}

/// `--per` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Periode {
    /// Per kwartaal (2026-K1 … 2026-K4).
    Kwartaal,
    /// Per jaar.
    Jaar,
}
