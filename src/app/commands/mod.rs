//! The commands, one module per family. Each works through the application layer
//! ([`crate::app::App`]): it reads through it, returns its result bytes or a [`Fout`] with the
//! messages, and never prints or writes itself.

use crate::app::{App, Fout};
use patz_calc::cli::Command;

mod algemeen;
mod document;
mod kosten;
mod monitor;
mod onzekerheid;
mod reeks;

/// Carries out `command`.
pub(crate) fn run(app: &mut App, command: Command) -> Result<(), Fout> {
    match command {
        Command::Check { files } => algemeen::check(app, &files),
        Command::Init { keuze, .. } => algemeen::init(app, &keuze),
        Command::Completions { shell } => algemeen::completions(app, shell),
        Command::Manpage => algemeen::manpage(app),
        Command::Cost { file, output } => kosten::cost(app, &file, &output),
        Command::Impact { file, output } => kosten::impact(app, &file, &output),
        Command::Offers { file, per, output } => kosten::offers(app, &file, per, &output),
        Command::BusinessCase { file, output } => kosten::business_case(app, &file, &output),
        Command::Explain {
            file,
            jaar,
            groep,
            post,
            output,
        } => kosten::explain(app, &file, kosten::Selectie { jaar, groep, post }, &output),
        Command::Batch {
            paths,
            per_jaar,
            waarschuwingen,
            output,
        } => reeks::batch(app, &paths, per_jaar, waarschuwingen, &output),
        Command::Compare {
            files,
            reference,
            output,
        } => reeks::compare(app, &files, reference.as_deref(), &output),
        Command::Sweep { file, output } => reeks::sweep(app, &file, &output),
        Command::Sensitivity(a) => onzekerheid::sensitivity(app, &a),
        Command::Solve(a) => onzekerheid::solve(app, &a),
        Command::Simulate(a) => onzekerheid::simulate(app, &a),
        Command::Monitor(a) => monitor::monitor(app, &a),
        Command::Payout(a) => monitor::payout(app, &a),
        Command::Declare(a) => monitor::declare(app, &a),
        Command::Settle(a) => monitor::settle(app, &a),
        Command::AnnualReport(a) => monitor::annual_report(app, &a),
        Command::Report(a) => document::report(app, &a),
        Command::Export(a) => document::export(app, &a),
    }
}
