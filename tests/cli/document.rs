//! Tests: document.
