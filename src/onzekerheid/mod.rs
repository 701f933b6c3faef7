//! Uncertainty: declared distributions, one-way sensitivity, threshold analysis and Monte Carlo
//! simulation. Pure, no I/O; randomness only from a seeded generator.

pub mod analyse;
pub mod param;
pub mod simulatie;
pub mod verdeling;
