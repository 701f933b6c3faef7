//! Arguments of `sensitivity`, `solve` and `simulate`. Pure, no I/O.

use std::path::PathBuf;

use clap::Args;

use super::OutputArgs;

/// `patz-calc sensitivity`.
#[derive(Debug, Clone, Args)]
pub struct SensitivityArgs {
    /// Het scenariobestand (.toml).
    #[arg(value_name = "BESTAND")]
    pub file: PathBuf,
    /// De uitkomst: netto, te_financieren, kostendekkend_tarief of vermeden_kosten.
    #[arg(long, value_name = "UITKOMST", default_value = "netto")]
    pub uitkomst: String,
    /// Output options.
    #[command(flatten)]
    pub output: OutputArgs,
}

/// `patz-calc solve`.
#[derive(Debug, Clone, Args)]
pub struct SolveArgs {
    /// Het scenariobestand (.toml).
    #[arg(value_name = "BESTAND")]
    pub file: PathBuf,
    /// De parameter die varieert, bijv. uurtarieven.huisarts of
    /// indicator.ic_opname.reductie_percentage.
    #[arg(long, value_name = "PAD")]
    pub parameter: String,
    /// Het doel, bijv. netto=0 of kostendekkend_tarief=0.55.
    #[arg(long, value_name = "GROOTHEID=WAARDE")]
    pub doel: String,
    /// Output options.
    #[command(flatten)]
    pub output: OutputArgs,
}

/// `patz-calc simulate`.
#[derive(Debug, Clone, Args)]
pub struct SimulateArgs {
    /// Het scenariobestand (.toml).
    #[arg(value_name = "BESTAND")]
    pub file: PathBuf,
    /// Aantal trekkingen: 1 tot en met 1.000.000.
    #[arg(long, value_name = "N", default_value_t = 10_000)]
    pub iteraties: u64,
    /// Startwaarde van de toevalsgenerator: dezelfde startwaarde geeft dezelfde uitkomst.
    #[arg(
        long = "startwaarde",
        alias = "seed",
        value_name = "S",
        default_value_t = 1
    )]
    pub seed: u64,
    /// Schrijf elke trekking als CSV naar dit bestand.
    #[arg(long = "trekkingen", alias = "draws", value_name = "BESTAND")]
    pub draws: Option<PathBuf>,
    /// Output options.
    #[command(flatten)]
    pub output: OutputArgs,
}
