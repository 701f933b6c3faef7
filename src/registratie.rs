//! Registrations kept by the groups after contracting: held meetings and observed indicators,
//! read from CSV with file:line:column diagnostics. Pure, no I/O.
