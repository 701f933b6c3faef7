//! `monitor` and `payout` output: tables, CSV and JSON. Pure, no I/O.
