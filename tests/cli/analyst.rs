//! Analyst features: batch, compare, --set, sweep, expectations, completions and man page.
