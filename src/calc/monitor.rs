//! The verantwoording: delivered meetings, attendance and hours against the plan, and observed
//! indicators against the expectation. Pure, no I/O.
