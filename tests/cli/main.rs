//! The one integration test binary: CLI cases, snapshots of the example scenarios, and
//! hand-worked numbers through the library API.

mod businesscase;
mod cases;
mod engine;
mod examples;
