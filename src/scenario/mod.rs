//! The scenario file: TOML text -> validated [`Scenario`] ("parse, don't validate"), with
//! file:line:column diagnostics and warnings. Pure, no I/O.

mod diagnostic;
mod model;
pub(crate) mod overrides;
pub mod pad;
pub mod param;
pub(crate) mod read;
pub mod schema;
mod warnings;

pub use diagnostic::{Diagnostic, Severity};
pub use model::{
    Aanbod, Bijdrage, EldersDoel, EldersFinanciering, FINANCIER_ELDERS, Groep, Grootheid, Impact,
    Indicator, IndicatorId, Kostenpost, KostenpostPer, Nagegaan, Ondersteuning, Onzekerheid, Pos,
    Posities, Scenario, Uurtarief, Verdeling, Verwachting, Verzekeraar, Werkwijze,
};
pub use model::{Onderwerp, Toelichting};
pub use overrides::{Bereik, Override};
pub use read::{FORMAAT, MAX_LOOPTIJD, parse, parse_with};
pub use warnings::{
    BIJEENKOMSTEN, HUISARTSEN, MAX_EXPERIMENT_JAREN, MEDISCH_SPECIALIST_EIGEN_TITEL_VANAF,
    WIJKVERPLEEGKUNDIGEN, count as count_warnings, warnings,
};

/// The annotated template that `patz-calc init` writes.
pub const TEMPLATE: &str = include_str!("template.toml");
