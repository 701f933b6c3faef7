//! The binary's commands that live outside `main.rs`, one module per area. They do I/O through
//! the helpers of `main.rs` (`evaluate_file`, `emit`, …).

pub(crate) mod document;
pub(crate) mod monitor;
pub(crate) mod onzekerheid;
