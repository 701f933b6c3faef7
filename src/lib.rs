//! `patz-calc`: the businesscase calculator for PaTz groups financed through TAPA$-prestatie 1.
//!
//! The library is the pure core: [`scenario::parse`] turns a scenario file's text into a
//! validated [`scenario::Scenario`], [`calc`] computes costs (and later impact, offers and the
//! businesscase) from it, and [`render`] turns results into bytes. Nothing here reads or writes
//! files or prints; the `patz-calc` binary does that.
//!
//! ```
//! let text = std::fs::read_to_string("scenarios/kleine-regio.toml").unwrap();
//! let scenario = patz_calc::scenario::parse(&text).unwrap();
//! let kosten = patz_calc::calc::cost::evaluate(&scenario).unwrap();
//! assert!(kosten.totaal.te_financieren > rust_decimal::Decimal::ZERO);
//! ```

pub mod calc;
pub mod cli;
pub mod decimal;
pub mod naam;
pub mod onzekerheid;
pub mod registratie;
pub mod render;
pub mod scenario;
pub mod sjabloon;
