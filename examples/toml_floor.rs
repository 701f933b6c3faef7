//! The benchmark's floor: only read and parse every `*.toml` under a directory with the `toml`
//! crate, on all cores, as `batch` does before any validation or calculation.
//!
//! `cargo run --release --example toml_floor -- MAP`

use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
    Ok(())
}

fn main() -> anyhow::Result<()> {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "bench-scenarios".into()),
    );
    let started = Instant::now();
    let mut files = Vec::new();
    walk(&dir, &mut files)?;
    files.sort();
    let tables: usize = files
        .par_chunks(256)
        .map(|chunk| {
            chunk
                .iter()
                .filter_map(|f| std::fs::read_to_string(f).ok())
                .filter_map(|text| {
                    toml::de::DeTable::parse(&text)
                        .ok()
                        .map(|t| t.get_ref().len())
                })
                .sum::<usize>()
        })
        .sum();
    let elapsed = started.elapsed();
    println!(
        "floor: {} bestanden gelezen en geparsed in {:.3} s ({} tabellen op het hoogste niveau)",
        files.len(),
        elapsed.as_secs_f64(),
        tables
    );
    Ok(())
}
