//! The `patz-calc` binary: parses the command line and hands it to the application layer
//! ([`app`]), the only code that reads files, writes output and prints; maps the outcome to an
//! exit status.

use std::process::ExitCode;

mod app;

fn main() -> ExitCode {
    let status = match patz_calc::cli::try_parse() {
        Ok(cli) => app::run(cli),
        Err(e) => app::clap_error(&e),
    };
    ExitCode::from(status.code())
}
