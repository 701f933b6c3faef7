//! Numeric scenario parameters by path, as the analyses vary them. They are defined with the
//! scenario's schema ([`crate::scenario::param`]); this module names them for the analyses, so
//! that `onzekerheid` depends on `scenario` and never the other way round. Pure, no I/O.

pub use crate::scenario::param::{Param, Soort};
