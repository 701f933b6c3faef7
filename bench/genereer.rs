//! The generated scenarios of the benchmark (shared by `examples/genereer_scenarios.rs` and
//! `benches/stadia.rs`): valid, of 5–40 groups each, the same for the same seed. No I/O.

use std::fmt::Write as _;

/// A small deterministic generator (xorshift64*); the same seed gives the same files.
pub(crate) struct Rng(pub(crate) u64);

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

/// Scenario number `i`: 5–40 groups, 1–5 years, an insurer with an offer and six indicators.
pub(crate) fn scenario(rng: &mut Rng, i: usize) -> String {
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
