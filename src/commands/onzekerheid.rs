//! `sensitivity`, `solve` and `simulate`: read the scenario, call the core, write the result.

use patz_calc::cli::onzekerheid::{SensitivityArgs, SimulateArgs, SolveArgs};
use patz_calc::scenario::Override;

use crate::Failure;

pub(crate) fn sensitivity(_args: &SensitivityArgs, _sets: &[Override]) -> Result<(), Failure> {
    crate::not_yet("sensitivity")
}

pub(crate) fn solve(_args: &SolveArgs, _sets: &[Override]) -> Result<(), Failure> {
    crate::not_yet("solve")
}

pub(crate) fn simulate(_args: &SimulateArgs, _sets: &[Override]) -> Result<(), Failure> {
    crate::not_yet("simulate")
}
