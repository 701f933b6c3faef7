//! `--csv-nl`: CSV for Dutch spreadsheets in every command that has it, without `--format`; a
//! UTF-8 byte-order mark first; a contradicting `--format` is a usage error; plain CSV keeps
//! no byte-order mark (issue 15, item 7).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str]) -> Output {
    let bin = std::env::var_os("PATZ_CALC_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_patz-calc")));
    Command::new(bin)
        .args(args)
        .current_dir(root())
        .output()
        .unwrap()
}

const BOM: &[u8] = "\u{FEFF}".as_bytes();

/// Every command with `--csv-nl`, with the arguments it needs.
const COMMANDS: &[&[&str]] = &[
    &["cost", "scenarios/kleine-regio.toml"],
    &["impact", "scenarios/grote-regio.toml"],
    &["offers", "scenarios/grote-regio.toml"],
    &["business-case", "scenarios/grote-regio.toml"],
    &["explain", "scenarios/kleine-regio.toml", "--jaar", "2026"],
    &["batch", "scenarios"],
    &[
        "compare",
        "scenarios/kleine-regio.toml",
        "scenarios/grote-regio.toml",
    ],
    &[
        "sweep",
        "scenarios/kleine-regio.toml",
        "--set",
        "uurtarieven.huisarts=100..120:10",
    ],
    &["sensitivity", "scenarios/grote-regio.toml"],
    &[
        "solve",
        "scenarios/grote-regio.toml",
        "--parameter",
        "uurtarieven.huisarts",
        "--doel",
        "netto=0",
    ],
    &[
        "simulate",
        "scenarios/grote-regio.toml",
        "--iteraties",
        "50",
        "--seed",
        "1",
    ],
    &[
        "monitor",
        "tests/fixtures/monitor/regio.toml",
        "--bijeenkomsten",
        "tests/fixtures/monitor/noord-2026.csv",
    ],
    &["payout", "tests/fixtures/monitor/regio.toml"],
];

fn with(base: &[&str], extra: &[&str]) -> Vec<String> {
    base.iter().chain(extra).map(|s| (*s).to_string()).collect()
}

fn ok(args: &[String]) -> Vec<u8> {
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = run(&a);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[test]
fn csv_nl_alone_gives_the_same_csv_as_with_format_csv_and_starts_with_a_byte_order_mark() {
    for base in COMMANDS {
        let alone = ok(&with(base, &["--csv-nl"]));
        let explicit = ok(&with(base, &["--csv-nl", "--format", "csv"]));
        assert_eq!(alone, explicit, "{base:?}");
        assert!(alone.starts_with(BOM), "{base:?}: no byte-order mark");
        // One mark only, and after it the header row with semicolons.
        let rest = &alone[BOM.len()..];
        assert!(!rest.starts_with(BOM), "{base:?}");
        let header = String::from_utf8_lossy(rest.split(|b| *b == b'\r').next().unwrap());
        assert!(header.contains(';'), "{base:?}: {header}");
        // Plain CSV has no mark.
        let plain = ok(&with(base, &["--format", "csv"]));
        assert!(!plain.starts_with(BOM), "{base:?}: plain CSV");
        assert!(!plain.starts_with(b"\xEF"), "{base:?}: plain CSV");
    }
}

#[test]
fn csv_nl_with_a_table_or_json_format_is_a_usage_error_that_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    for base in COMMANDS {
        for vorm in ["table", "json"] {
            let uit = dir.path().join("uit.csv");
            let uit = uit.to_str().unwrap();
            let out = run(&with(base, &["--csv-nl", "--format", vorm, "-o", uit])
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>());
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{base:?} {vorm}: {err}");
            assert!(out.stdout.is_empty(), "{base:?} {vorm}");
            assert!(!Path::new(uit).exists(), "{base:?} {vorm}: written");
            assert!(
                err.contains(&format!(
                    "fout: --csv-nl maakt CSV, maar --format {vorm} vraagt om een andere vorm"
                )),
                "{base:?} {vorm}: {err}"
            );
        }
    }
}

#[test]
fn with_csv_nl_the_output_extension_still_decides_and_an_unknown_one_gives_csv() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("kosten.json");
    let txt = dir.path().join("kosten.txt");
    for p in [&json, &txt] {
        ok(&with(
            &["cost", "scenarios/kleine-regio.toml"],
            &["--csv-nl", "-o", p.to_str().unwrap()],
        ));
    }
    let json = std::fs::read(json).unwrap();
    assert!(json.starts_with(b"{"), "{}", String::from_utf8_lossy(&json));
    let txt = std::fs::read(txt).unwrap();
    assert!(txt.starts_with(BOM));
    assert!(txt[BOM.len()..].starts_with(b"jaar;groep;post;rol;uren;bedrag;financiering\r\n"));
}
