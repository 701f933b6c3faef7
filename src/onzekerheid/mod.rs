//! Uncertainty: declared distributions, one-way sensitivity, threshold analysis and Monte Carlo
//! simulation. Pure, no I/O; randomness only from a seeded generator.
