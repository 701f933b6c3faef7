//! Arguments of `report` and `export`. Pure, no I/O.

use std::path::PathBuf;

use clap::Args;

/// `patz-calc report`.
#[derive(Debug, Clone, Args)]
pub struct ReportArgs {
    /// Het scenariobestand (.toml).
    #[arg(value_name = "BESTAND")]
    pub file: PathBuf,
    /// Het document dat geschreven wordt: .html (af te drukken in de browser) of .docx (een
    /// Word-document om verder te bewerken); - is HTML op de standaarduitvoer. Een bestaand
    /// bestand wordt alleen met --force vervangen.
    #[arg(short = 'o', long = "output", value_name = "BESTAND")]
    pub output: PathBuf,
    /// Vervang een bestaand uitvoerbestand.
    #[arg(long)]
    pub force: bool,
    /// Schrijf ook elke grafiek van het rapport als eigen afbeelding (SVG) in deze map, voor een
    /// presentatie; de map wordt zo nodig gemaakt. Een bestaande grafiek wordt alleen met
    /// --force vervangen.
    #[arg(long = "grafieken", value_name = "MAP")]
    pub grafieken: Option<PathBuf>,
}

/// `patz-calc export`.
#[derive(Debug, Clone, Args)]
pub struct ExportArgs {
    /// Het scenariobestand (.toml).
    #[arg(value_name = "BESTAND")]
    pub file: PathBuf,
    /// Het Excel-bestand (.xlsx) dat geschreven wordt (- is de standaarduitvoer, niet naar een
    /// terminal). Een bestaand bestand wordt alleen met --force vervangen.
    #[arg(short = 'o', long = "output", value_name = "XLSX-BESTAND")]
    pub output: PathBuf,
    /// Vervang een bestaand uitvoerbestand.
    #[arg(long)]
    pub force: bool,
}
