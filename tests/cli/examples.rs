//! Every shipped scenario in `scenarios/` through `cost` in each format, as snapshots.
