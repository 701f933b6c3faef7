//! The penvoerder's payment list per group, role and period. Pure, no I/O.
