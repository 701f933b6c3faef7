//! `report` and `export`: the businesscase as an HTML document and as an Excel workbook.

use patz_calc::cli::document::{ExportArgs, ReportArgs};
use patz_calc::scenario::Override;

use crate::Failure;

pub(crate) fn report(_args: &ReportArgs, _sets: &[Override]) -> Result<(), Failure> {
    crate::not_yet("report")
}

pub(crate) fn export(_args: &ExportArgs, _sets: &[Override]) -> Result<(), Failure> {
    crate::not_yet("export")
}
