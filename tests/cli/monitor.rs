//! Tests: monitor.
