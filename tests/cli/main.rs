//! The one integration test binary: CLI cases, snapshots of the example scenarios, and
//! hand-worked numbers through the library API.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod analyst;
mod architectuur;
mod businesscase;
mod cases;
mod corpus;
mod csv_nl;
mod document;
mod elders;
mod engine;
mod examples;
mod invoer;
mod monitor;
mod onzekerheid;
mod properties;
mod readme;
mod terminal;
mod uitvoer;
mod verzekeraars;
mod voorbeelden;
mod word;
