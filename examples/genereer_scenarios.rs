//! Writes generated, valid scenarios for the benchmark: `N` files of 5–40 groups each.
//!
//! `cargo run --release --example genereer_scenarios -- MAP N [SEED]`

use std::fmt::Write as _;
use std::path::PathBuf;

/// A small deterministic generator (xorshift64*); the same seed gives the same files.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }
}

fn scenario(rng: &mut Rng, i: usize) -> String {
    let groups = rng.range(5, 40);
    let mut s = String::new();
    let _ = writeln!(s, "formaat = 1\n\n[scenario]\nnaam = \"Gegenereerd {i}\"");
    let _ = writeln!(
        s,
        "startjaar = 2026\nlooptijd_jaren = {}\nverzekerden = {}\n",
        rng.range(1, 5),
        groups * 16_760
    );
    let _ = writeln!(
        s,
        "[uurtarieven]\nhuisarts = {}.{:02}\nwijkverpleegkundige = 88.35\nconsulent = {}.50\n",
        rng.range(100, 130),
        rng.range(0, 99),
        rng.range(100, 140)
    );
    let _ = writeln!(
        s,
        "[werkwijze]\nbijeenkomsten_per_jaar = 6\nduur_uren = 1.5\nvoorbereiding_uren = 0.5\n\
         reistijd_uren = 0.25\nvoorzitter_uren = 1\ncoordinatie_uren_per_patient = 0.5\n\
         telefonische_ondersteuning_uren = 8\npatienten_per_jaar = 30\n"
    );
    for g in 0..groups {
        let _ = writeln!(
            s,
            "[[groep]]\nnaam = \"Groep {g}\"\ndeelnemers = {{ huisarts = {}, wijkverpleegkundige = {}, consulent = 1 }}\nstart = {}\nnieuw = {}\n",
            rng.range(4, 10),
            rng.range(2, 4),
            2026 + rng.range(0, 1),
            rng.range(0, 3) == 0
        );
    }
    let _ = writeln!(
        s,
        "[ondersteuning]\nict_per_groep = 450\nhuisvesting_per_bijeenkomst = 40\n\
         projectleiding_uren = {}\nprojectleiding_uurtarief = 95\nmonitoring_per_jaar = 2500\n\
         startkosten_per_nieuwe_groep = 1500\nscholing_per_nieuwe_deelnemer = 300\n\
         overhead_percentage = 5\n\n[indexatie]\nkosten_percentage_per_jaar = 3\n",
        rng.range(80, 400)
    );
    let _ = writeln!(
        s,
        "[[verzekeraar]]\nnaam = \"A\"\nmarktaandeel_percentage = 60\n\n\
         [[aanbod]]\nverzekeraar = \"A\"\nlabel = \"A\"\ntarief_per_verzekerde = 1.5\n\n\
         [impact]\naandeel_kanker_percentage = 41\ndisconteringsvoet_percentage = 3\n"
    );
    for (id, basis) in [
        ("ziekenhuisopnames_meer_dan_1", 8),
        ("ziekenhuisdagen_meer_dan_14", 5),
        ("seh_bezoeken_meer_dan_1", 7),
        ("ic_opname", 5),
        ("overlijden_in_ziekenhuis", 19),
        ("chemotherapie", 8),
    ] {
        let _ = writeln!(
            s,
            "[[indicator]]\nid = \"{id}\"\nbasis_percentage = {basis}\nreductie_percentage = {}\n\
             kosten_per_geval = {}\nbron = \"gegenereerd\"\n",
            rng.range(5, 40),
            rng.range(200, 9000)
        );
    }
    s
}

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
