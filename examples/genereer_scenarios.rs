//! Writes generated, valid scenarios for the benchmark: `N` files of 5–40 groups each.
//!
//! `cargo run --release --example genereer_scenarios -- MAP N [SEED]`

use std::path::PathBuf;

#[path = "../bench/genereer.rs"]
mod genereer;

use genereer::{Rng, scenario};

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().unwrap_or_else(|| "bench-scenarios".into()));
    let n: usize = args.next().unwrap_or_else(|| "10000".into()).parse()?;
    let seed: u64 = args.next().unwrap_or_else(|| "42".into()).parse()?;
    std::fs::create_dir_all(&dir)?;
    let mut rng = Rng(seed.max(1));
    for i in 0..n {
        let sub = dir.join(format!("{:03}", i / 1000));
        std::fs::create_dir_all(&sub)?;
        std::fs::write(
            sub.join(format!("scenario-{i:05}.toml")),
            scenario(&mut rng, i),
        )?;
    }
    println!("{n} scenario's geschreven in {}", dir.display());
    Ok(())
}
