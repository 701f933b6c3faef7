//! Cost engine numbers worked out by hand, through the library API.
