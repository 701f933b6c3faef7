//! Tests: onzekerheid.
