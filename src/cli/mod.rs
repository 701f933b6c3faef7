//! The command line, as clap derive types: the single definition that `--help`, and later the
//! completions and man page, come from. Pure, no I/O.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::render::Format;

pub mod document;
pub mod monitor;
pub mod onzekerheid;

/// The command line as clap shows and parses it: [`Cli`], with what derive cannot say in Dutch
/// made Dutch. Every command's usage line reads `[OPTIES]`, a default value is shown as
/// `[standaard: …]`, arguments come under "Argumenten", and `--set` is not offered where it
/// changes nothing (`init`, `completions`, `manpage`). `--help`, the man page and the
/// completions all come from this one definition.
pub fn command() -> clap::Command {
    use clap::CommandFactory;
    let mut cmd = Cli::command();
    // Building propagates the global options (--help, --set) into every command first.
    cmd.build();
    cmd.mut_subcommands(|mut sub| {
        let usage = sub.render_usage().to_string();
        let usage = usage
            .strip_prefix("Usage: ")
            .unwrap_or(&usage)
            .replace("[OPTIONS]", "[OPTIES]");
        let zonder_set = matches!(sub.get_name(), "init" | "completions" | "manpage");
        let sub = sub.override_usage(usage).mut_args(nederlands);
        if zonder_set {
            sub.mut_arg("set", |a| a.hide(true))
        } else {
            sub
        }
    })
    .mut_args(nederlands)
}

/// An argument's help in Dutch: `[standaard: …]`, and positionals under "Argumenten".
fn nederlands(a: clap::Arg) -> clap::Arg {
    let a = if a.is_positional() {
        a.help_heading("Argumenten")
    } else {
        a
    };
    if a.get_default_values().is_empty()
        || a.is_hide_default_value_set()
        || !a.get_action().takes_values()
    {
        return a;
    }
    let standaard: Vec<String> = a
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    let help = a.get_help().map(ToString::to_string).unwrap_or_default();
    a.hide_default_value(true)
        .help(format!("{help} [standaard: {}]", standaard.join(", ")))
}

/// Parses the process's arguments through [`command`].
pub fn try_parse() -> Result<Cli, clap::Error> {
    use clap::FromArgMatches;
    let mut cmd = command();
    let matches = cmd.try_get_matches_from_mut(std::env::args_os())?;
    Cli::from_arg_matches(&matches).map_err(|e| e.format(&mut cmd))
}

const HELP_TEMPLATE: &str = "\
{before-help}{about-with-newline}
Gebruik: {usage}

{all-args}{after-help}";

/// Businesscase-calculator voor PaTz-groepen via TAPA$-prestatie 1: kosten per jaar, per groep
/// en per verzekerde, exact tot op de cent.
#[derive(Debug, Parser)]
#[command(
    name = "patz-calc",
    version,
    override_usage = "patz-calc [OPTIES] <OPDRACHT> [BESTAND…]",
    help_template = HELP_TEMPLATE,
    subcommand_help_heading = "Opdrachten",
    disable_help_subcommand = true,
    disable_help_flag = true,
    disable_version_flag = true,
    after_help = "Afsluitcodes: 0 gelukt (waarschuwingen mogelijk), 2 ongeldige invoer of \
                  aanroep, 3 een [[verwachting]] uit het scenario niet gehaald (de uitvoer is wel \
                  geschreven), 1 een andere fout.\nBegin met: patz-calc init mijn-regio.toml"
)]
pub struct Cli {
    /// Toon deze hulp.
    #[arg(
        short = 'h',
        long = "help",
        action = clap::ArgAction::Help,
        global = true,
        help_heading = "Opties"
    )]
    help: Option<bool>,
    /// Toon de versie.
    #[arg(short = 'V', long = "version", action = clap::ArgAction::Version, help_heading = "Opties")]
    version: Option<bool>,
    /// Vervang een waarde uit het scenario voor deze opdracht, zonder het bestand te wijzigen
    /// (herhaalbaar), bijv.
    /// --set uurtarieven.huisarts=120 of --set groep[2].deelnemers.huisarts=8.
    #[arg(
        long = "set",
        global = true,
        value_name = "PAD=WAARDE",
        help_heading = "Opties"
    )]
    pub set: Vec<String>,
    /// Wat patz-calc moet doen.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Controleer scenario's: stil bij een geldig scenario (waarschuwingen op stderr), anders
    /// elke fout met bestand, regel en kolom.
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Opties")]
    Check {
        /// Een of meer scenariobestanden (.toml).
        #[arg(required = true, value_name = "BESTAND")]
        files: Vec<PathBuf>,
    },
    /// Kosten per jaar, per post, per rol en per groep, met het kostendekkend tarief per
    /// verzekerde.
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Opties")]
    Cost {
        /// Het scenariobestand (.toml).
        #[arg(value_name = "BESTAND")]
        file: PathBuf,
        /// Output options.
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Verwachte zorgreductie op de zes indicatoren van niet-passende zorg, met de vermeden
    /// kosten (vraagt een [impact]-sectie).
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Opties")]
    Impact {
        /// Het scenariobestand (.toml).
        #[arg(value_name = "BESTAND")]
        file: PathBuf,
        /// Output options.
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Vergelijk de aanbiedingen van verzekeraars met hun aandeel in de kosten: opbrengst,
    /// saldo, dekking, break-even tarief en wat niet is toegerekend.
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Opties")]
    Offers {
        /// Het scenariobestand (.toml).
        #[arg(value_name = "BESTAND")]
        file: PathBuf,
        /// Eén regel per jaar en aanbod (standaard), of per verzekeraar: de businesscase van
        /// elke verzekeraar met zijn gekozen aanbod (in tabel en JSON ook de regio).
        #[arg(
            long,
            value_enum,
            value_name = "EENHEID",
            default_value = "aanbod",
            hide_default_value = true
        )]
        per: OffersPer,
        /// Output options.
        #[command(flatten)]
        output: OutputArgs,
    },
    /// De hele businesscase: zorg, kosten, financiering, zorgreductie, saldo, ROI,
    /// break-even factor, netto contante waarde en bronnen (vraagt een [impact]-sectie).
    #[command(
        name = "business-case",
        help_template = HELP_TEMPLATE,
        next_help_heading = "Opties"
    )]
    BusinessCase {
        /// Het scenariobestand (.toml).
        #[arg(value_name = "BESTAND")]
        file: PathBuf,
        /// Output options.
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Het rekenspoor: elke regel en elk totaal met de formule en de ingevulde getallen, om
    /// met de hand na te rekenen.
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Opties")]
    Explain {
        /// Het scenariobestand (.toml).
        #[arg(value_name = "BESTAND")]
        file: PathBuf,
        /// Alleen dit jaar.
        #[arg(long, value_name = "JAAR")]
        jaar: Option<i32>,
        /// Alleen de regels van deze groep (totalen vallen dan weg).
        #[arg(long, value_name = "NAAM")]
        groep: Option<String>,
        /// Alleen deze post (bijv. bijeenkomsten, overhead) of dit totaal (kosten_totaal,
        /// elders_gefinancierd, te_financieren, kostendekkend_tarief, vermeden_kosten).
        #[arg(long, value_name = "POST")]
        post: Option<String>,
        /// Output options.
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Reken veel scenario's door: bestanden en mappen (alle *.toml daarin), één samenvattingsrij
    /// per scenario, gesorteerd op pad. Een ongeldig bestand krijgt geen rij; de afsluitcode is
    /// dan 2.
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Opties")]
    Batch {
        /// Scenariobestanden en/of mappen.
        #[arg(required = true, value_name = "PAD")]
        paths: Vec<PathBuf>,
        /// Een rij per jaar (en een rij 'totaal') in plaats van één rij per scenario.
        #[arg(long = "per-jaar")]
        per_jaar: bool,
        /// Toon ook de waarschuwingen per bestand (standaard alleen hun aantal).
        #[arg(long)]
        waarschuwingen: bool,
        /// Output options.
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Zet scenario's naast elkaar: de kerncijfers en elke kostenpost over de looptijd, met het
    /// verschil (absoluut en in %) ten opzichte van de referentie.
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Opties")]
    Compare {
        /// Twee of meer scenariobestanden.
        #[arg(required = true, num_args = 2.., value_name = "BESTAND")]
        files: Vec<PathBuf>,
        /// Het scenario waartegen vergeleken wordt (standaard het eerste).
        #[arg(long = "referentie", alias = "reference", value_name = "BESTAND")]
        reference: Option<PathBuf>,
        /// Output options.
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Laat één waarde een reeks doorlopen: --set PAD=VAN..TOT:STAP geeft één
    /// samenvattingsrij per waarde (andere --set-waarden gelden voor elke rij).
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Opties")]
    Sweep {
        /// Het scenariobestand (.toml).
        #[arg(value_name = "BESTAND")]
        file: PathBuf,
        /// Output options.
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Schrijf shell-aanvulling (completion) voor bash, zsh, fish, elvish of powershell naar de
    /// standaarduitvoer.
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Opties")]
    Completions {
        /// De shell.
        #[arg(value_enum, value_name = "SHELL")]
        shell: clap_complete::Shell,
    },
    /// Schrijf de man-pagina (roff) naar de standaarduitvoer, bijv.
    /// patz-calc manpage > patz-calc.1
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Opties")]
    Manpage,
    /// Eenzijdige gevoeligheidsanalyse: elke onzekere parameter op zijn lage en hoge waarde,
    /// gesorteerd op effect, als tornado.
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Opties")]
    Sensitivity(onzekerheid::SensitivityArgs),
    /// Drempelanalyse: bij welke waarde van één parameter haalt een uitkomst een doel?
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Opties")]
    Solve(onzekerheid::SolveArgs),
    /// Monte-Carlosimulatie over de verdelingen uit [[onzekerheid]]: gemiddelde, spreiding,
    /// percentielen en de kans op een positief saldo.
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Opties")]
    Simulate(onzekerheid::SimulateArgs),
    /// Verantwoording: gehouden bijeenkomsten, aanwezigheid en geleverde uren tegen het plan,
    /// en de waargenomen indicatoren tegen de verwachting.
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Opties")]
    Monitor(monitor::MonitorArgs),
    /// Betaallijst van de penvoerder: per groep, rol en periode de aanwezigheden, uren en het
    /// bedrag.
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Opties")]
    Payout(monitor::PayoutArgs),
    /// Declaratie aan de verzekeraars: per verzekeraar en kwartaal het bedrag onder het gekozen
    /// aanbod, uit de verzekerden die de verzekeraars opgeven (met het plafond per jaar).
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Opties")]
    Declare(monitor::DeclareArgs),
    /// Afrekening per jaar: gedeclareerd, uitbetaald en de overige kosten op de gehouden
    /// bijeenkomsten, het resultaat en het deel van elke verzekeraar, en de nacalculatie van het
    /// tarief.
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Opties")]
    Settle(monitor::SettleArgs),
    /// Het jaarverslag aan de verzekeraar als HTML- of Word-document (A4): gehouden
    /// bijeenkomsten tegen het plan, deelnemers, de zes indicatoren, en met --verzekerden de
    /// declaratie, de uitbetaling en de afrekening.
    #[command(
        name = "annual-report",
        alias = "jaarverslag",
        help_template = HELP_TEMPLATE,
        next_help_heading = "Opties"
    )]
    AnnualReport(monitor::AnnualReportArgs),
    /// De businesscase als document: één zelfstandig HTML-bestand met grafieken, af te drukken op
    /// A4, of een Word-document (.docx) om verder te bewerken.
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Opties")]
    Report(document::ReportArgs),
    /// De businesscase als Excel-werkmap met werkende formules.
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Opties")]
    Export(document::ExportArgs),
    /// Schrijf een scenario om mee te beginnen, met uitleg bij elk veld, voor uw aantal
    /// groepen, verzekeraars, jaren en verzekerden (overschrijft nooit een bestaand bestand).
    /// Zonder opties stelt init op een terminal die vragen; Enter kiest het voorbeeld.
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Opties")]
    Init {
        /// Waar het scenario heen moet; '-' is de standaarduitvoer.
        #[arg(value_name = "BESTAND", default_value = "scenario.toml")]
        file: PathBuf,
        /// The choices.
        #[command(flatten)]
        keuze: InitArgs,
    },
}

/// The choices of `init`.
#[derive(Debug, Clone, Default, Args)]
pub struct InitArgs {
    /// Aantal PaTz-groepen, 1 tot en met 100 (het voorbeeld heeft er 2).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=100))]
    pub groepen: Option<u16>,
    /// Verzekeraars met hun marktaandeel in %, samen hoogstens 100, bijv. --verzekeraars
    /// "CZ=45,VGZ=30"; elk krijgt een voorbeeldaanbod.
    #[arg(long, value_name = "NAAM=PERCENTAGE,…")]
    pub verzekeraars: Option<String>,
    /// Eerste jaar van de businesscase, 1900 tot en met 2170 (het voorbeeld: 2026).
    #[arg(long, value_name = "JAAR", value_parser = clap::value_parser!(i32).range(1900..=2170))]
    pub startjaar: Option<i32>,
    /// Looptijd in jaren, 1 tot en met 30 (het voorbeeld: 3; TAPA$ duurt hoogstens 5 jaar).
    #[arg(long, value_name = "JAREN", value_parser = clap::value_parser!(u32).range(1..=30))]
    pub looptijd: Option<u32>,
    /// Aantal verzekerden (ingeschreven patiënten), 1 tot en met 100000000 (het voorbeeld: 29330).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=100_000_000))]
    pub verzekerden: Option<u64>,
    /// Stel geen vragen, ook niet op een terminal.
    #[arg(long = "zonder-vragen")]
    pub zonder_vragen: bool,
}

impl InitArgs {
    /// The choices as the template takes them; a Dutch message for bad `--verzekeraars`.
    pub fn keuze(&self) -> Result<crate::sjabloon::Keuze, String> {
        let verzekeraars = match &self.verzekeraars {
            Some(v) => Some(
                crate::sjabloon::lees_verzekeraars(v)
                    .map_err(|m| format!("--verzekeraars: {m}"))?,
            ),
            None => None,
        };
        Ok(crate::sjabloon::Keuze {
            groepen: self.groepen.map(usize::from),
            verzekeraars,
            startjaar: self.startjaar,
            looptijd: self.looptijd,
            verzekerden: self.verzekerden,
        })
    }
}

impl Command {
    /// The output options of a command that produces results.
    pub fn output(&self) -> Option<&OutputArgs> {
        match self {
            Command::Cost { output, .. }
            | Command::Impact { output, .. }
            | Command::Offers { output, .. }
            | Command::BusinessCase { output, .. }
            | Command::Explain { output, .. }
            | Command::Batch { output, .. }
            | Command::Compare { output, .. }
            | Command::Sweep { output, .. } => Some(output),
            Command::Sensitivity(a) => Some(&a.output),
            Command::Solve(a) => Some(&a.output),
            Command::Simulate(a) => Some(&a.output),
            Command::Monitor(a) => Some(&a.output),
            Command::Payout(a) => Some(&a.output),
            Command::Declare(a) => Some(&a.output),
            Command::Settle(a) => Some(&a.output),
            Command::Check { .. }
            | Command::Completions { .. }
            | Command::Manpage
            | Command::Report(_)
            | Command::Export(_)
            | Command::AnnualReport(_)
            | Command::Init { .. } => None,
        }
    }
}

/// Output options shared by every command that produces results.
#[derive(Debug, Clone, Args)]
pub struct OutputArgs {
    /// Uitvoervorm: table (tabellen, standaard), csv of json. Zonder deze optie volgt de vorm uit
    /// de extensie van --output (.csv, .json), anders CSV met --csv-nl, anders een tabel.
    #[arg(long, value_enum, value_name = "VORM", hide_possible_values = true)]
    pub format: Option<FormatArg>,
    /// Schrijf naar dit bestand in plaats van naar de standaarduitvoer ('-' is de
    /// standaarduitvoer).
    #[arg(short = 'o', long = "output", value_name = "BESTAND")]
    pub output: Option<PathBuf>,
    /// CSV voor Nederlandse spreadsheets: puntkomma als scheidingsteken, decimale komma en een
    /// UTF-8-markering vooraan (zodat Excel de tekens goed toont). Geeft CSV, ook zonder
    /// --format.
    #[arg(long = "csv-nl")]
    pub csv_nl: bool,
    /// Maak tabellen hoogstens N tekens breed (20 tot en met 1.000): lange teksten lopen door
    /// op een volgende regel en jaarkolommen worden over meer tabellen verdeeld. Standaard op
    /// een terminal zijn breedte (of COLUMNS); zonder terminal zijn tabellen zo breed als nodig.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(20..=1000))]
    pub breedte: Option<u16>,
}

/// `offers --per` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OffersPer {
    /// Per jaar en aanbod (standaard).
    Aanbod,
    /// Per verzekeraar en jaar: de businesscase van elke verzekeraar.
    Verzekeraar,
}

/// `--format` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Tabellen voor mensen (standaard).
    Table,
    /// CSV (RFC 4180) voor spreadsheets en scripts.
    Csv,
    /// JSON met bedragen als decimale tekst.
    Json,
}

impl OutputArgs {
    /// The format: `--format`, else from the output file's extension, else a table.
    pub fn resolved_format(&self) -> Format {
        match self.format {
            Some(FormatArg::Table) => Format::Table,
            Some(FormatArg::Csv) => Format::Csv,
            Some(FormatArg::Json) => Format::Json,
            None => {
                let ext = self
                    .output
                    .as_ref()
                    .and_then(|p| p.extension())
                    .and_then(|e| e.to_str())
                    .map(str::to_ascii_lowercase);
                match ext.as_deref() {
                    Some("csv") => Format::Csv,
                    Some("json") => Format::Json,
                    _ if self.csv_nl => Format::Csv,
                    _ => Format::Table,
                }
            }
        }
    }

    /// Why the options contradict each other: `--csv-nl` (which makes CSV) with a `--format`
    /// other than csv. A Dutch usage message.
    pub fn strijdig(&self) -> Option<String> {
        let vorm = match self.format {
            Some(FormatArg::Table) if self.csv_nl => "table",
            Some(FormatArg::Json) if self.csv_nl => "json",
            _ => return None,
        };
        Some(format!(
            "--csv-nl maakt CSV, maar --format {vorm} vraagt om een andere vorm; laat --format \
             weg (of schrijf --format csv), of laat --csv-nl weg"
        ))
    }

    /// The render options.
    pub fn options(&self) -> crate::render::Options {
        crate::render::Options {
            format: self.resolved_format(),
            csv_nl: self.csv_nl,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn format_follows_the_output_extension_unless_given() {
        let args = |format, output: &str| OutputArgs {
            format,
            output: Some(PathBuf::from(output)),
            csv_nl: false,
            breedte: None,
        };
        assert_eq!(args(None, "x.CSV").resolved_format(), Format::Csv);
        assert_eq!(args(None, "x.json").resolved_format(), Format::Json);
        assert_eq!(args(None, "x.txt").resolved_format(), Format::Table);
        assert_eq!(
            args(Some(FormatArg::Json), "x.csv").resolved_format(),
            Format::Json
        );
    }

    #[test]
    fn csv_nl_gives_csv_unless_format_or_extension_says_otherwise() {
        let args = |format, output: Option<&str>| OutputArgs {
            format,
            output: output.map(PathBuf::from),
            csv_nl: true,
            breedte: None,
        };
        assert_eq!(args(None, None).resolved_format(), Format::Csv);
        assert_eq!(args(None, Some("x.txt")).resolved_format(), Format::Csv);
        assert_eq!(args(None, Some("x.json")).resolved_format(), Format::Json);
        assert_eq!(args(None, None).strijdig(), None);
        assert_eq!(args(Some(FormatArg::Csv), None).strijdig(), None);
        assert!(args(Some(FormatArg::Json), None).strijdig().is_some());
        assert!(args(Some(FormatArg::Table), None).strijdig().is_some());
        let zonder = OutputArgs {
            csv_nl: false,
            ..args(Some(FormatArg::Table), None)
        };
        assert_eq!(zonder.strijdig(), None);
        assert_eq!(zonder.resolved_format(), Format::Table);
    }
}
