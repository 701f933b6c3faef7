//! Tables on a terminal: every command that prints tables fits the terminal's width (a real
//! pseudo-terminal made by `script` from util-linux, and `--breedte`), without breaking an
//! amount; without a terminal the output is exactly what it always was.

use std::path::Path;
use std::process::{Command, Output};

use unicode_width::UnicodeWidthStr;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_patz-calc")
}

const GROOT: &str = "scenarios/grote-regio.toml";
const BIJEENKOMSTEN: &str = "scenarios/grote-regio-bijeenkomsten.csv";

/// The table commands, each on the shipped scenario that fills its tables most.
fn table_commands() -> Vec<Vec<&'static str>> {
    vec![
        vec!["cost", GROOT],
        vec!["offers", GROOT],
        vec!["business-case", GROOT],
        vec!["impact", GROOT],
        vec!["sensitivity", GROOT],
        vec!["simulate", GROOT, "--iteraties", "200"],
        vec!["batch", "scenarios"],
        vec!["compare", "scenarios/kleine-regio.toml", GROOT],
        vec!["explain", GROOT, "--jaar", "2027"],
        vec!["monitor", GROOT, "--bijeenkomsten", BIJEENKOMSTEN],
        vec!["payout", GROOT, "--bijeenkomsten", BIJEENKOMSTEN],
    ]
}

fn run(args: &[&str]) -> Output {
    Command::new(bin())
        .args(args)
        .current_dir(root())
        .env_remove("COLUMNS")
        .output()
        .expect("patz-calc starts")
}

/// Runs `patz-calc args` on a pseudo-terminal `cols` wide (through `script`), returning what
/// the terminal showed.
fn on_terminal(cols: u16, columns_env: Option<&str>, args: &[&str]) -> String {
    let quoted: Vec<String> = std::iter::once(bin())
        .chain(args.iter().copied())
        .map(|a| format!("'{a}'"))
        .collect();
    // COLUMNS is set after stty: the shell rewrites an exported COLUMNS when the size changes.
    let env = columns_env.map_or(String::new(), |c| format!("COLUMNS={c} "));
    let line = format!(
        "stty cols {cols} rows 50; {env}{} 2>/dev/null",
        quoted.join(" ")
    );
    let out = Command::new("script")
        .args(["-qec", &line, "/dev/null"])
        .current_dir(root())
        .env_remove("COLUMNS")
        .output()
        .expect("script (util-linux) runs: the pseudo-terminal tests need it");
    assert!(
        out.status.success(),
        "patz-calc {args:?} on a terminal failed"
    );
    String::from_utf8(out.stdout)
        .expect("UTF-8")
        .replace("\r\n", "\n")
}

fn widest(text: &str) -> usize {
    text.lines().map(UnicodeWidthStr::width).max().unwrap_or(0)
}

/// Every amount `€ …,..` in `text`, in order.
fn amounts(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find("€ ") {
        let tail = &rest[i + "€ ".len()..];
        let len = tail
            .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | ',' | '-')))
            .unwrap_or(tail.len());
        out.push(tail[..len].to_string());
        rest = &tail[len..];
    }
    out
}

#[test]
fn every_table_command_fits_an_80_column_terminal_and_keeps_every_amount_whole() {
    for args in table_commands() {
        let wide = run(&args);
        assert_eq!(wide.status.code(), Some(0), "{args:?}");
        let wide = String::from_utf8(wide.stdout).unwrap();
        assert!(widest(&wide) > 80, "{args:?} was already narrow: no test");
        let shown = on_terminal(80, None, &args);
        assert!(widest(&shown) <= 80, "{args:?} is wider than 80:\n{shown}");
        // Nothing is lost or broken: the same amounts, each whole and complete (sorted,
        // because split tables show the years in a different order). An amount that wrapped
        // would show as two partial numbers.
        let mut a = amounts(&wide);
        let mut b = amounts(&shown);
        a.sort();
        b.sort();
        assert_eq!(a, b, "{args:?}: amounts changed on the terminal");
    }
}

#[test]
fn columns_from_the_environment_and_breedte_set_the_width() {
    let args = ["cost", GROOT];
    let shown = on_terminal(200, Some("60"), &args);
    assert!(widest(&shown) <= 60, "COLUMNS=60 ignored:\n{shown}");
    let mut with = args.to_vec();
    with.extend(["--breedte", "100"]);
    let shown = on_terminal(80, None, &with);
    let w = widest(&shown);
    assert!(
        w <= 100 && w > 80,
        "--breedte 100 on an 80 terminal gave {w}"
    );
    // --breedte also fits output that is not a terminal.
    let out = run(&with);
    assert!(widest(&String::from_utf8(out.stdout).unwrap()) <= 100);
}

#[test]
fn without_a_terminal_tables_keep_their_natural_width_whatever_columns_says() {
    let plain = run(&["cost", GROOT]);
    let with_env = Command::new(bin())
        .args(["cost", GROOT])
        .current_dir(root())
        .env("COLUMNS", "60")
        .output()
        .unwrap();
    assert_eq!(plain.stdout, with_env.stdout);
    // "Kosten per post" at its natural width: the label "Bijeenkomsten (incl. voorbereiding
    // en reistijd)" is 47 wide, the widest amount "€ 495.582,44" 12, with a space each side
    // and a border per column: 1 + (47 + 2 + 1) + 4 × (12 + 2 + 1) = 111 (3 years and Totaal).
    let text = String::from_utf8(plain.stdout).unwrap();
    let post = text
        .lines()
        .skip_while(|l| *l != "Kosten per post")
        .nth(1)
        .unwrap();
    assert_eq!(post.width(), 111);
}

#[test]
fn a_breedte_outside_its_bounds_is_a_usage_error() {
    let out = run(&["cost", GROOT, "--breedte", "5"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("--breedte"), "{err}");
}

#[test]
fn init_on_a_terminal_asks_for_groups_insurers_years_and_verzekerden() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("regio.toml");
    // Answers: 3 groups, two insurers (the second with a decimal comma), first year 2027, Enter
    // for the example horizon of 3 years, and 29.330 verzekerden with a thousands point.
    let line = format!("'{}' init '{}'", bin(), target.display());
    let mut child = Command::new("script")
        .args(["-qec", &line, "/dev/null"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("script (util-linux) runs");
    {
        use std::io::Write as _;
        let mut stdin = child.stdin.take().unwrap();
        stdin
            .write_all(b"3\nCZ=50, VGZ=20,5\n2027\n\n29.330\n")
            .unwrap();
    }
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(shown.contains("Hoeveel PaTz-groepen"), "{shown}");
    let text = std::fs::read_to_string(&target).unwrap();
    for expected in [
        "startjaar = 2027\n",
        "looptijd_jaren = 3\n",
        "verzekerden = 29330\n",
        "naam = \"Groep Oost\"\n",
        "naam = \"CZ\"\n",
        "marktaandeel_percentage = 50\n",
        "naam = \"VGZ\"\nmarktaandeel_percentage = 20.5\n",
        "jaren = [2027, 2028, 2029]\n",
    ] {
        assert!(text.contains(expected), "{expected:?} not in the scenario");
    }
    assert!(!text.contains("naam = \"Groep West\""));
    let check = run(&["check", target.to_str().unwrap()]);
    assert_eq!(check.status.code(), Some(0));
}

#[test]
fn init_with_options_writes_a_valid_scenario_with_those_choices_and_asks_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("zes.toml");
    let t = target.to_str().unwrap();
    let out = run(&[
        "init",
        t,
        "--groepen",
        "6",
        "--verzekeraars",
        "CZ=45,VGZ=30,Menzis=10",
        "--looptijd",
        "5",
        "--startjaar",
        "2026",
        "--verzekerden",
        "150000",
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    let json = run(&["offers", t, "--format", "json"]);
    assert_eq!(json.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let text = std::fs::read_to_string(&target).unwrap();
    assert_eq!(text.lines().filter(|l| *l == "[[groep]]").count(), 6);
    // 3 offers over 5 years: 15 rows per offer and year.
    let jaren = v["jaren"].as_array().cloned().unwrap_or_default();
    assert_eq!(jaren.len(), 5);
    let rows: usize = jaren
        .iter()
        .map(|j| j["aanbiedingen"].as_array().map_or(0, Vec::len))
        .sum();
    assert_eq!(rows, 15, "{v}");
    let bc = run(&["business-case", t]);
    assert_eq!(
        bc.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&bc.stderr)
    );
}
