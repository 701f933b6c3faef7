//! `monitor` and `payout`: read the scenario and the registrations, call the core, write the
//! result.

use patz_calc::cli::monitor::{MonitorArgs, PayoutArgs};
use patz_calc::scenario::Override;

use crate::Failure;

pub(crate) fn monitor(_args: &MonitorArgs, _sets: &[Override]) -> Result<(), Failure> {
    crate::not_yet("monitor")
}

pub(crate) fn payout(_args: &PayoutArgs, _sets: &[Override]) -> Result<(), Failure> {
    crate::not_yet("payout")
}
