//! Arguments of `report` and `export`. Pure, no I/O.

use std::path::PathBuf;

use clap::Args;

/// `patz-calc report`.
#[derive(Debug, Clone, Args)]
pub struct ReportArgs {
    /// Het scenariobestand (.toml).
    #[arg(value_name = "BESTAND")]
    pub file: PathBuf,
    /// Het HTML-bestand dat geschreven wordt.
    #[arg(short = 'o', long = "output", value_name = "BESTAND")]
    pub output: PathBuf,
    /// Overschrijf een bestaand bestand.
    #[arg(long)]
    pub force: bool,
}

/// `patz-calc export`.
#[derive(Debug, Clone, Args)]
pub struct ExportArgs {
    /// Het scenariobestand (.toml).
    #[arg(value_name = "BESTAND")]
    pub file: PathBuf,
    /// Het Excel-bestand (.xlsx) dat geschreven wordt.
    #[arg(short = 'o', long = "output", value_name = "BESTAND")]
    pub output: PathBuf,
    /// Overschrijf een bestaand bestand.
    #[arg(long)]
    pub force: bool,
}
