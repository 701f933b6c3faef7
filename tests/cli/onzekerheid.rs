//! Uncertainty: sensitivity, solve and simulate on a scenario small enough to work out by hand.
//!
//! `tests/fixtures/onzekerheid/basis.toml`: one group of 5 huisartsen (€ 100/h), 2
//! wijkverpleegkundigen (€ 80/h) and 1 consulent (€ 120/h), 6 meetings of 1,5 h, one year, no
//! indexation, 10,000 verzekerden, 10 patients; only `ic_opname` has an effect: basis 10 %,
//! reductie 30 %, € 2,000 per case.
//!
//! - costs: huisarts 6 × 5 × 1,5 = 45 h × 100 = 4,500; wijkverpleegkundige 6 × 2 × 1,5 = 18 h ×
//!   80 = 1,440; consulent 6 × 1 × 1,5 = 9 h × 120 = 1,080; te financieren 7,020; tariff
//!   7,020 / 10,000 = 0.702 → rounded up 0.71.
//! - impact: 10 × 10 % = 1 case; × r % reduction; × 2,000 → vermeden = 20 × r; at r = 30: 600.
//! - netto(r, rate) = 20 r − (45 × rate + 2,520); as written: 600 − 7,020 = −6,420.

use std::process::Command;

const BASIS: &str = "tests/fixtures/onzekerheid/basis.toml";
const TWEE: &str = "tests/fixtures/onzekerheid/twee.toml";
const LINEAIR: &str = "tests/fixtures/onzekerheid/lineair.toml";
const ONTAARD: &str = "tests/fixtures/onzekerheid/ontaard.toml";
const FOUT: &str = "tests/fixtures/onzekerheid/fout.toml";
const AFGEKAPT: &str = "tests/fixtures/onzekerheid/afgekapt.toml";

struct Out {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run_env(args: &[&str], env: &[(&str, &str)]) -> Out {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_patz-calc"));
    cmd.args(args).current_dir(env!("CARGO_MANIFEST_DIR"));
    for (k, v) in env {
        cmd.env(k, v);
    }
    let o = cmd.output().expect("patz-calc runs");
    Out {
        code: o.status.code(),
        stdout: String::from_utf8(o.stdout).expect("utf-8"),
        stderr: String::from_utf8(o.stderr).expect("utf-8"),
    }
}

fn run(args: &[&str]) -> Out {
    run_env(args, &[])
}

fn json(args: &[&str]) -> serde_json::Value {
    let out = run(args);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    serde_json::from_str(&out.stdout).expect("JSON")
}

#[test]
fn sensitivity_rows_follow_the_declared_low_and_high_values_sorted_by_swing() {
    // huisarts uniform 80–120: netto = 600 − (45 × rate + 2,520):
    //   rate 80 → 600 − 6,120 = −5,520; rate 120 → 600 − 7,920 = −7,320; swing 1,800.
    // ic_opname reductie driehoek 10–50: netto = 20 r − 7,020:
    //   r 10 → −6,820; r 50 → −6,020; swing 800.
    let out = run(&["sensitivity", TWEE, "--format", "csv"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(
        out.stdout,
        "parameter,basiswaarde,laag,hoog,bron,uitkomst,uitkomst_basis,uitkomst_laag,uitkomst_hoog,verschil\r\n\
         uurtarieven.huisarts,100,80,120,verdeling,netto,-6420.00,-5520.00,-7320.00,1800.00\r\n\
         indicator.ic_opname.reductie_percentage,30,10,50,verdeling,netto,-6420.00,-6820.00,-6020.00,800.00\r\n"
    );
    // The distributions are echoed (on stderr for the machine formats).
    assert!(
        out.stderr
            .contains("uurtarieven.huisarts: uniform (min 80, max 120; gemiddelde 100)")
    );
}

#[test]
fn sensitivity_without_declarations_moves_every_parameter_twenty_percent() {
    // te_financieren is linear in the huisarts rate: ±20 % of 100 = 80 and 120:
    // 45 × 80 + 2,520 = 6,120 and 45 × 120 + 2,520 = 7,920.
    let v = json(&[
        "sensitivity",
        BASIS,
        "--uitkomst",
        "te_financieren",
        "--format",
        "json",
    ]);
    assert_eq!(v["verklaard"], false);
    let rows = v["rijen"].as_array().unwrap();
    let huisarts = rows
        .iter()
        .find(|r| r["parameter"] == "uurtarieven.huisarts")
        .unwrap();
    assert_eq!(huisarts["laag"], "80");
    assert_eq!(huisarts["hoog"], "120");
    assert_eq!(huisarts["uitkomst_laag"], "6120.00");
    assert_eq!(huisarts["uitkomst_hoog"], "7920.00");
    assert_eq!(huisarts["bron"], "±20 %");
    // Sorted by swing: every swing at most the one before.
    let swings: Vec<f64> = rows
        .iter()
        .map(|r| r["verschil"].as_str().unwrap().parse().unwrap())
        .collect();
    assert!(swings.windows(2).all(|w| w[0] >= w[1]), "{swings:?}");
    // The table draws a tornado.
    let out = run(&["sensitivity", TWEE]);
    assert!(
        out.stdout.contains('│') && out.stdout.contains('█'),
        "{}",
        out.stdout
    );
}

#[test]
fn solve_finds_where_netto_reaches_the_target_and_plugging_it_back_gives_the_target() {
    // netto = 20 r − 7,020 = −6,000 ⇔ r = 51 (exactly on the 0,01 grid); one step earlier,
    // r = 50,99: 20 × 50,99 = 1,019.80 → netto −6,000.20.
    let v = json(&[
        "solve",
        BASIS,
        "--parameter",
        "indicator.ic_opname.reductie_percentage",
        "--doel",
        "netto=-6000",
        "--format",
        "json",
    ]);
    assert_eq!(v["kruising"]["eerste"]["waarde"], "51");
    assert_eq!(v["kruising"]["eerste"]["uitkomst"], "-6000.00");
    assert_eq!(v["kruising"]["ervoor"]["waarde"], "50.99");
    assert_eq!(v["kruising"]["ervoor"]["uitkomst"], "-6000.20");
    assert_eq!(v["lineair"], "51");
    // Plugged back with --set, business-case gives exactly the target.
    let out = run(&[
        "business-case",
        BASIS,
        "--set",
        "indicator.ic_opname.reductie_percentage=51",
        "--format",
        "csv",
    ]);
    assert!(
        out.stdout
            .contains("\r\ntotaal,7020.00,0.00,7020.00,0.71,1020.00,-6000.00,"),
        "{}",
        out.stdout
    );
}

#[test]
fn solve_gives_the_range_of_rates_a_tariff_carries() {
    // kostendekkend tarief = ⌈(45 × rate + 2,520) / 10,000⌉ (to the cent) = 0.80 when
    // 7,900 < 45 × rate + 2,520 ≤ 8,000 ⇔ 119.555… < rate ≤ 121.777…: on the grid 119.56 to
    // 121.77. At 119.55: 45 × 119.55 = 5,379.75 → 7,899.75 → 0.789975 → 0.79.
    let v = json(&[
        "solve",
        BASIS,
        "--parameter",
        "uurtarieven.huisarts",
        "--doel",
        "kostendekkend_tarief=0.80",
        "--format",
        "json",
    ]);
    assert_eq!(v["kruising"]["eerste"]["waarde"], "119.56");
    assert_eq!(v["kruising"]["eerste"]["uitkomst"], "0.80");
    assert_eq!(v["kruising"]["ervoor"]["waarde"], "119.55");
    assert_eq!(v["kruising"]["ervoor"]["uitkomst"], "0.79");
    assert_eq!(v["kruising"]["tot"]["waarde"], "121.77");
    // The highest rate the tariff 0.80 carries, plugged back: 45 × 121.77 = 5,479.65 →
    // 7,999.65 → 0.80; one cent more (121.78 → 8,000.10) needs 0.81.
    for (rate, tariff) in [("121.77", "0.80"), ("121.78", "0.81"), ("119.56", "0.80")] {
        let out = run(&[
            "cost",
            BASIS,
            "--set",
            &format!("uurtarieven.huisarts={rate}"),
            "--format",
            "json",
        ]);
        let c: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
        assert_eq!(c["totaal"]["kostendekkend_tarief"], tariff, "{rate}");
    }
}

#[test]
fn solve_says_so_when_no_value_in_the_range_reaches_the_target() {
    // vermeden = 20 r ≤ 2,000 at r = 100 %: netto never reaches 0 (2,000 − 7,020 < 0).
    let out = run(&[
        "solve",
        BASIS,
        "--parameter",
        "indicator.ic_opname.reductie_percentage",
        "--doel",
        "netto=0",
    ]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(
        out.stdout
            .contains("Geen waarde van indicator.ic_opname.reductie_percentage"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_degenerate_distribution_makes_the_simulation_equal_the_deterministic_case() {
    // min = modus = max = 30 and sd = 0 at the written values: every draw is the scenario.
    let v = json(&[
        "simulate",
        ONTAARD,
        "--iteraties",
        "200",
        "--format",
        "json",
    ]);
    for (figure, value) in [
        ("te_financieren", "7020.00"),
        ("kostendekkend_tarief", "0.71"),
        ("vermeden_kosten", "600.00"),
        ("netto", "-6420.00"),
    ] {
        for stat in ["gemiddelde", "p5", "p50", "p95"] {
            assert_eq!(v[figure][stat], value, "{figure} {stat}");
        }
        assert_eq!(v[figure]["sd"], "0.00", "{figure}");
    }
    assert_eq!(v["kans_netto_positief"], "0.0000");
    assert_eq!(v["iteraties"], 200);
}

#[test]
fn a_fixed_seed_gives_byte_identical_output_across_runs_and_thread_counts() {
    let dir = std::env::temp_dir().join(format!("patz-sim-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut outputs = Vec::new();
    for threads in ["1", "2", "2"] {
        let draws = dir.join(format!("draws-{threads}-{}.csv", outputs.len()));
        let out = run_env(
            &[
                "simulate",
                TWEE,
                "--iteraties",
                "3000",
                "--seed",
                "42",
                "--format",
                "json",
                "--draws",
                draws.to_str().unwrap(),
            ],
            &[("RAYON_NUM_THREADS", threads)],
        );
        assert_eq!(out.code, Some(0), "{}", out.stderr);
        outputs.push((out.stdout, std::fs::read(&draws).unwrap()));
    }
    assert!(outputs.windows(2).all(|w| w[0] == w[1]));
    // One header line and one line per draw.
    let draws = String::from_utf8(outputs[0].1.clone()).unwrap();
    assert_eq!(draws.lines().count(), 3001);
    assert!(draws.starts_with(
        "iteratie,indicator.ic_opname.reductie_percentage,uurtarieven.huisarts,te_financieren,"
    ));
    // The statistics equal those computed here from the draws themselves: the exact mean and
    // the nearest-rank percentiles (the ⌈p·n⌉-th smallest draw).
    let v: serde_json::Value = serde_json::from_str(&outputs[0].0).unwrap();
    let mut netto: Vec<rust_decimal::Decimal> = draws
        .lines()
        .skip(1)
        .map(|l| l.rsplit(',').next().unwrap().parse().unwrap())
        .collect();
    let n = rust_decimal::Decimal::from(netto.len());
    let mean = netto.iter().sum::<rust_decimal::Decimal>() / n;
    assert_eq!(
        v["netto"]["gemiddelde"],
        mean.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
            .to_string()
    );
    netto.sort();
    for (p, key) in [(5, "p5"), (50, "p50"), (95, "p95")] {
        let rank = (p * netto.len()).div_ceil(100);
        assert_eq!(v["netto"][key], format!("{:.2}", netto[rank - 1]), "{key}");
    }
    // Another seed gives other draws.
    let other = run(&[
        "simulate",
        TWEE,
        "--iteraties",
        "3000",
        "--seed",
        "43",
        "--format",
        "json",
    ]);
    assert_ne!(other.stdout, outputs[0].0);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_simulated_mean_of_a_linear_outcome_is_within_one_percent_of_the_analytic_mean() {
    // netto = 20 r − 7,020 with r ~ driehoek(10, 30, 50): E[r] = (10 + 30 + 50) / 3 = 30, so
    // E[netto] = 600 − 7,020 = −6,420; 1 % of that is 64.20. Likewise E[vermeden] = 600.
    let v = json(&[
        "simulate",
        LINEAIR,
        "--iteraties",
        "100000",
        "--seed",
        "7",
        "--format",
        "json",
    ]);
    let mean = |f: &str| -> f64 { v[f]["gemiddelde"].as_str().unwrap().parse().unwrap() };
    assert!((mean("netto") + 6420.0).abs() <= 64.2, "{}", mean("netto"));
    assert!((mean("vermeden_kosten") - 600.0).abs() <= 6.0);
    // sd of a triangular(10, 30, 50): √((a² + b² + c² − ab − ac − bc) / 18)
    // = √((100 + 900 + 2,500 − 300 − 500 − 1,500) / 18) = √(1,200 / 18) = 8.165; × 20 = 163.3 for
    // vermeden and netto; within 2 % at this many draws.
    let sd: f64 = v["netto"]["sd"].as_str().unwrap().parse().unwrap();
    assert!((sd - 163.3).abs() < 3.3, "{sd}");
    // P5 < P50 < P95 and the median near the mode-free middle 30 → 600 − 7,020 = −6,420.
    let p = |s: &str| -> f64 { v["netto"][s].as_str().unwrap().parse().unwrap() };
    assert!(p("p5") < p("p50") && p("p50") < p("p95"));
}

#[test]
fn bad_declarations_are_each_reported_with_line_and_path() {
    let out = run(&["check", FOUT]);
    assert_eq!(out.code, Some(2));
    assert_eq!(out.stdout, "");
    for expected in [
        "fout.toml:71:13: fout: onzekerheid[1].verdeling: onbekende verdeling 'driehoekig'",
        "    hint: bedoelde je 'driehoek'?",
        "fout.toml:76:1: fout: onzekerheid[2].modus: verplicht veld 'modus' ontbreekt",
        "fout.toml:84:13: fout: onzekerheid[3]: min ≤ modus ≤ max geldt niet (120, 100, 80)",
        "fout.toml:90:13: fout: onzekerheid[4].parameter: rol 'tandarts' heeft geen uurtarief",
        "fout.toml:96:13: fout: onzekerheid[5].parameter: 'naam' is hier geen getal",
        "fout.toml:103:13: fout: onzekerheid[6]: een beta-verdeling vraagt",
        "fout.toml: 6 fouten gevonden; er is niets berekend",
    ] {
        assert!(
            out.stderr.contains(expected),
            "missing {expected:?} in\n{}",
            out.stderr
        );
    }
}

#[test]
fn simulate_without_declarations_or_iterations_is_a_clear_error() {
    let out = run(&["simulate", BASIS]);
    assert_eq!(out.code, Some(2));
    assert!(
        out.stderr.contains("geen [[onzekerheid]]"),
        "{}",
        out.stderr
    );
    let out = run(&["simulate", TWEE, "--iteraties", "0"]);
    assert_eq!(out.code, Some(2));
    assert!(
        out.stderr.contains("--iteraties moet minstens 1 zijn"),
        "{}",
        out.stderr
    );
}

#[test]
fn solve_rejects_an_unknown_parameter_or_target() {
    let out = run(&[
        "solve",
        BASIS,
        "--parameter",
        "uurtarieven.tandarts",
        "--doel",
        "netto=0",
    ]);
    assert_eq!(out.code, Some(2));
    assert!(
        out.stderr.contains("rol 'tandarts' heeft geen uurtarief"),
        "{}",
        out.stderr
    );
    let out = run(&[
        "solve",
        BASIS,
        "--parameter",
        "uurtarieven.huisarts",
        "--doel",
        "nett=0",
    ]);
    assert_eq!(out.code, Some(2));
    assert!(
        out.stderr.contains("onbekende grootheid 'nett'"),
        "{}",
        out.stderr
    );
    let out = run(&[
        "solve",
        BASIS,
        "--parameter",
        "uurtarieven.huisarts",
        "--doel",
        "netto",
    ]);
    assert_eq!(out.code, Some(2));
    let out = run(&["sensitivity", BASIS, "--uitkomst", "roi_percentage"]);
    assert_eq!(out.code, Some(2));
}

/// grote-regio with its costs doubling every year for 30 years: the horizon holds
/// 2^0 + … + 2^29 = 2^30 − 1 ≈ 1,07 × 10^9 times one year's costs (about € 270.000), so
/// business-case gives te_financieren ≈ € 2,9 × 10^14.
const VERDUBBELING: [&str; 4] = [
    "--set",
    "indexatie.kosten_percentage_per_jaar=100",
    "--set",
    "scenario.looptijd_jaren=30",
];

#[test]
fn simulate_accepts_or_refuses_a_huge_scenario_exactly_as_business_case_does() {
    // Either both compute it (the spread of € 10^14 figures, squared, is past a Decimal, but
    // not past i128) or both refuse it with a Dutch error (once amounts above € 10^12 are a
    // calculation error, and rates above € 10.000 a range error); never a panic. The second
    // case (projectleiding at € 2.195.312.500 an hour) panicked even with one iteration.
    let huge_rate = ["--set", "ondersteuning.projectleiding_uurtarief=2195312500"];
    for sets in [&VERDUBBELING[..], &huge_rate[..]] {
        let mut args = vec![
            "business-case",
            "scenarios/grote-regio.toml",
            "--format",
            "csv",
        ];
        args.extend(sets);
        let bc = run(&args);
        let mut args = vec![
            "simulate",
            "scenarios/grote-regio.toml",
            "--iteraties",
            "20",
            "--format",
            "json",
        ];
        args.extend(sets);
        let sim = run(&args);
        assert!(!sim.stderr.contains("panicked"), "{}", sim.stderr);
        assert!(matches!(sim.code, Some(0 | 2)), "{:?}", sim.code);
        assert_eq!(sim.code, bc.code, "{sets:?}: {}", sim.stderr);
        if sim.code == Some(0) {
            let v: serde_json::Value = serde_json::from_str(&sim.stdout).unwrap();
            let sd: f64 = v["te_financieren"]["sd"].as_str().unwrap().parse().unwrap();
            assert!(sd > 0.0, "{sd}");
        }
    }
}

#[test]
fn draws_to_stdout_write_nothing_when_the_simulation_fails() {
    // Projectleiding at € 10.000 × 100.000 h = € 10^9 a year, doubling for 30 years: the last
    // year alone costs 2^29 × 10^9 ≈ € 5,4 × 10^17, past what a draw holds (i64 cents, € 9,2 ×
    // 10^16) and past the € 10^12 bound of any amount. The failure shows before the header.
    let mut args = vec![
        "simulate",
        "scenarios/grote-regio.toml",
        "--iteraties",
        "10",
        "--draws",
        "-",
        "--set",
        "ondersteuning.projectleiding_uurtarief=10000",
        "--set",
        "ondersteuning.projectleiding_uren=100000",
    ];
    args.extend(VERDUBBELING);
    let out = run(&args);
    assert_eq!(out.code, Some(2), "{}", out.stderr);
    assert_eq!(out.stdout, "");
    assert!(out.stderr.contains("fout:"), "{}", out.stderr);
    assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
}

#[test]
fn sensitivity_takes_a_truncated_normals_low_and_high_value_inside_its_bounds() {
    // huisarts ~ normaal(100, 10) cut to [0, 50]: nearly all mass just below 50. Its 2,5 % and
    // 97,5 % points (worked out in verdeling.rs with Mills' ratio): 43,307 and 49,9512 — not
    // 100 ± 1,96 × 10 = 80,40 (above the bound) and 50.
    let out = run(&["sensitivity", AFGEKAPT, "--format", "json"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let row = &v["rijen"][0];
    assert_eq!(row["parameter"], "uurtarieven.huisarts");
    let num = |k: &str| -> f64 { row[k].as_str().unwrap().parse().unwrap() };
    let (laag, hoog) = (num("laag"), num("hoog"));
    assert!((0.0..=50.0).contains(&laag) && (0.0..=50.0).contains(&hoog));
    assert!(laag <= hoog);
    assert!((laag - 43.307).abs() < 0.002, "{laag}");
    assert!((hoog - 49.9512).abs() < 0.0002, "{hoog}");
    // The outcome there: netto = 600 − (45 × rate, to the cent) − 2.520.
    for (k, rate) in [("uitkomst_laag", laag), ("uitkomst_hoog", hoog)] {
        let netto = 600.0 - (45.0 * rate * 100.0).round() / 100.0 - 2520.0;
        assert!((num(k) - netto).abs() < 0.005, "{k}: {} {netto}", num(k));
    }
}

#[test]
fn solve_says_a_falling_figure_below_the_target_at_the_low_end_never_reaches_it() {
    // netto = 600 − (45 × rate + 2.520) = −1.920 − 45 × rate falls as the rate rises; at the
    // lowest valid rate, 0, it is already −1.920 < 0. The straight line meets 0 at
    // −1.920 / 45 = −42,666667, below the range.
    let v = json(&[
        "solve",
        BASIS,
        "--parameter",
        "uurtarieven.huisarts",
        "--doel",
        "netto=0",
        "--format",
        "json",
    ]);
    assert_eq!(v["gevonden"], false);
    assert_eq!(v["kruising"], serde_json::Value::Null);
    assert_eq!(v["reden"]["richting"], "dalend");
    assert_eq!(v["reden"]["grens"], "ondergrens");
    assert_eq!(v["reden"]["waarde"], "0");
    assert_eq!(v["reden"]["uitkomst"], "-1920.00");
    assert_eq!(v["lineair"], "-42.666667");
    let out = run(&[
        "solve",
        BASIS,
        "--parameter",
        "uurtarieven.huisarts",
        "--doel",
        "netto=0",
    ]);
    assert!(
        out.stdout.contains(
            "Geen waarde van uurtarieven.huisarts in het geldige bereik haalt netto = 0,00: netto \
             daalt als uurtarieven.huisarts stijgt en is bij de ondergrens (uurtarieven.huisarts = \
             0) al -1.920,00.\n"
        ),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("de rechte lijn raakt het doel pas bij -42,666667, onder de ondergrens 0."),
        "{}",
        out.stdout
    );
}

#[test]
fn solve_on_grote_regio_no_longer_claims_break_even_at_a_huisarts_rate_of_zero() {
    // The case. netto is linear in the rate (up to the cent per line): from business-case
    // at rate 0 and at 117, the line through both meets 0 at −netto(0) / slope, with slope =
    // (netto(117) − netto(0)) / 117 — below 0 (about −1,85), outside the valid range.
    let netto_at = |rate: &str| -> f64 {
        let out = run(&[
            "business-case",
            "scenarios/grote-regio.toml",
            "--set",
            &format!("uurtarieven.huisarts={rate}"),
            "--format",
            "json",
        ]);
        let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
        v["totaal"]["netto"].as_str().unwrap().parse().unwrap()
    };
    let (n0, n117) = (netto_at("0"), netto_at("117"));
    let root = -n0 / ((n117 - n0) / 117.0);
    assert!(n0 < 0.0 && root < 0.0, "{n0} {root}");
    let v = json(&[
        "solve",
        "scenarios/grote-regio.toml",
        "--parameter",
        "uurtarieven.huisarts",
        "--doel",
        "netto=0",
        "--format",
        "json",
    ]);
    assert_eq!(v["gevonden"], false);
    assert_eq!(v["reden"]["richting"], "dalend");
    let uitkomst: f64 = v["reden"]["uitkomst"].as_str().unwrap().parse().unwrap();
    assert!((uitkomst - n0).abs() < 0.005, "{uitkomst} {n0}");
    let lineair: f64 = v["lineair"].as_str().unwrap().parse().unwrap();
    assert!((lineair - root).abs() < 0.001, "{lineair} {root}");
}

#[test]
fn solve_gives_up_to_which_value_a_falling_figure_reaches_the_target() {
    // netto = −1.920 − 45 × rate ≥ −6.000 ⇔ rate ≤ 4.080 / 45 = 90,666…: on the grid up to
    // 90,66 (45 × 90,66 = 4.079,70 → −5.999,70); one step further, 90,67: 4.080,15 → −6.000,15.
    let v = json(&[
        "solve",
        BASIS,
        "--parameter",
        "uurtarieven.huisarts",
        "--doel",
        "netto=-6000",
        "--format",
        "json",
    ]);
    assert_eq!(v["gevonden"], true);
    assert_eq!(v["kruising"]["eerste"]["waarde"], "90.66");
    assert_eq!(v["kruising"]["eerste"]["uitkomst"], "-5999.70");
    assert_eq!(v["kruising"]["ervoor"]["waarde"], "90.67");
    assert_eq!(v["kruising"]["ervoor"]["uitkomst"], "-6000.15");
    assert_eq!(v["lineair"], "90.666667");
    // Meetings: each costs 5 × 1,5 × 100 + 2 × 1,5 × 80 + 1 × 1,5 × 120 = 1.170, so netto =
    // 600 − 1.170 × b ≥ −3.000 ⇔ b ≤ 3,08: up to 3 (−2.910); at 4, −4.080.
    let out = run(&[
        "solve",
        BASIS,
        "--parameter",
        "werkwijze.bijeenkomsten_per_jaar",
        "--doel",
        "netto=-3000",
    ]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(
        out.stdout.contains(
            "Tot en met werkwijze.bijeenkomsten_per_jaar = 3 wordt het doel gehaald: netto = \
             -2.910,00.\nEén stap (1) verder, bij 4: netto = -4.080,00.\n"
        ),
        "{}",
        out.stdout
    );
}

#[test]
fn solve_gives_the_range_of_insured_numbers_a_falling_tariff_holds() {
    // kostendekkend tarief = ⌈7.020 / V⌉ (to the cent) = 0,80 when 0,79 < 7.020 / V ≤ 0,80 ⇔
    // 8.775 ≤ V < 8.886,08: from 8.775 (exactly 0,80) to 8.886 (0,790007 → 0,80); at 8.887
    // (0,789918) it is 0,79, and at 8.774 (0,800091) 0,81.
    let v = json(&[
        "solve",
        BASIS,
        "--parameter",
        "scenario.verzekerden",
        "--doel",
        "kostendekkend_tarief=0.80",
        "--format",
        "json",
    ]);
    assert_eq!(v["kruising"]["eerste"]["waarde"], "8886");
    assert_eq!(v["kruising"]["eerste"]["uitkomst"], "0.80");
    assert_eq!(v["kruising"]["ervoor"]["waarde"], "8887");
    assert_eq!(v["kruising"]["ervoor"]["uitkomst"], "0.79");
    assert_eq!(v["kruising"]["tot"]["waarde"], "8775");
    let out = run(&[
        "solve",
        BASIS,
        "--parameter",
        "scenario.verzekerden",
        "--doel",
        "kostendekkend_tarief=0.80",
    ]);
    assert!(
        out.stdout.contains(
            "kostendekkend_tarief = 0,80 voor scenario.verzekerden van 8.775 tot en met 8.886.\n"
        ),
        "{}",
        out.stdout
    );
}

const REKENGRENS: &str = "tests/fixtures/onzekerheid/rekengrens.toml";

#[test]
fn solve_ends_its_range_where_an_amount_would_pass_the_calculation_bound() {
    // 15 groups × 1.000 huisartsen × 365 meetings × 24 h = 131.400.000 hours in the one year,
    // one verzekerde: kostendekkend_tarief = 131.400.000 × rate. The documented bound of a rate is
    // 10.000, but above 10^12 / 131.400.000 = 7.610,3500… an amount passes € 10^12: the last
    // rate on the 0,01 grid is 7.610,35, giving 131.400.000 × 7.610,35 = 999.999.990.000,00;
    // the straight line meets 10^12 at 7.610,350076 (rounded to 6 decimals).
    let v = json(&[
        "solve",
        REKENGRENS,
        "--parameter",
        "uurtarieven.huisarts",
        "--doel",
        "kostendekkend_tarief=1000000000000",
        "--format",
        "json",
    ]);
    assert_eq!(v["gevonden"], false);
    assert_eq!(v["reden"]["grens"], "rekengrens");
    assert_eq!(v["reden"]["waarde"], "7610.35");
    assert_eq!(v["reden"]["uitkomst"], "999999990000.00");
    assert_eq!(v["lineair"], "7610.350076");
    let out = run(&[
        "solve",
        REKENGRENS,
        "--parameter",
        "uurtarieven.huisarts",
        "--doel",
        "kostendekkend_tarief=1000000000000",
    ]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(
        out.stdout.contains("hoogste waarde die nog te berekenen is (uurtarieven.huisarts = 7.610,35; daarboven komt een bedrag boven € 1.000.000.000.000)"),
        "{}",
        out.stdout
    );
}

#[test]
fn solve_searches_no_further_than_a_fields_documented_bound() {
    // duur_uren is at most 24. kostendekkend_tarief = 15 × 1.000 × 365 × 100 × duur =
    // 547.500.000 × duur: 13.140.000.000,00 at 24. A target of 2 × 10^10 would need
    // 2 × 10^10 / 547.500.000 = 36,529680… hours: outside the bound, so no value reaches it.
    let v = json(&[
        "solve",
        REKENGRENS,
        "--parameter",
        "werkwijze.duur_uren",
        "--doel",
        "kostendekkend_tarief=20000000000",
        "--format",
        "json",
    ]);
    assert_eq!(v["gevonden"], false);
    assert_eq!(v["reden"]["grens"], "bovengrens");
    assert_eq!(v["reden"]["waarde"], "24");
    assert_eq!(v["reden"]["uitkomst"], "13140000000.00");
    // 36,529680 to six decimals; JSON writes it without the trailing zero.
    assert_eq!(v["lineair"], "36.52968");
}

#[test]
fn solve_says_a_plafond_is_why_an_offers_coverage_cannot_reach_the_target() {
    // plafond.toml: basis.toml (te financieren 7.020, 10.000 verzekerden) with one insurer of
    // 100 % and an offer of € 0,50 per verzekerde capped at € 3.510 a year: opbrengst
    // min(0,50 × 10.000, 3.510) = 3.510, coverage 3.510 / 7.020 = 50,0 %. No tariff gives more
    // than the plafond, so 100 % is out of reach, because of the plafond.
    let args = [
        "solve",
        "tests/fixtures/onzekerheid/plafond.toml",
        "--parameter",
        "aanbod[A met plafond].tarief_per_verzekerde",
        "--doel",
        "aanbod[A met plafond].dekking_percentage=100",
    ];
    let out = run(&args);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(
        out.stdout.contains(
            "Dat komt door het plafond van het aanbod: de opbrengst is per jaar hoogstens \
             € 3.510,00"
        ),
        "{}",
        out.stdout
    );
    let mut json_args = args.to_vec();
    json_args.extend(["--format", "json"]);
    let v = json(&json_args);
    assert_eq!(v["huidig"]["uitkomst"], "50.0");
    assert_eq!(v["reden"]["plafond"], "3510.00");
}
