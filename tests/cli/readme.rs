//! The README cannot drift: every command in its `sh` examples runs, in order, in a fresh folder
//! holding the shipped scenarios, what `patz-calc init` writes (`regio.toml`; the README's own
//! `init mijn-regio.toml` makes `mijn-regio.toml`) and the registration files a region keeps
//! (`bijeenkomsten-2026.csv`, `verzekerden-2026.csv`, `indicatoren-2026.csv`), and succeeds.

use std::path::Path;
use std::process::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The commands of the README's ```sh blocks: `\`-continued lines joined, comments left off;
/// `cargo run --release --` is the program itself; other cargo commands (building, testing,
/// installing) are left to CI.
fn readme_commands() -> Vec<String> {
    let text = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    let mut out = Vec::new();
    let mut in_sh = false;
    let mut pending = String::new();
    for line in text.lines() {
        if line.starts_with("```") {
            in_sh = line == "```sh";
            continue;
        }
        if !in_sh {
            continue;
        }
        let line = line.trim();
        if let Some(part) = line.strip_suffix('\\') {
            pending.push_str(part);
            continue;
        }
        pending.push_str(line);
        let command = match pending.split_once(" #") {
            Some((c, _)) => c.trim().to_string(),
            None => pending.trim().to_string(),
        };
        pending.clear();
        let command = command.replace("cargo run --release -- ", "patz-calc ");
        if command.starts_with("patz-calc ") {
            out.push(command);
        }
    }
    out
}

#[test]
fn every_command_example_of_the_readme_runs_on_what_init_writes_and_the_shipped_scenarios() {
    let commands = readme_commands();
    assert!(commands.len() >= 12, "found only {commands:?}");
    assert!(commands.iter().any(|c| c.starts_with("patz-calc init ")));
    let dir = tempfile::tempdir().unwrap();
    let bin = dir.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_patz-calc"), bin.join("patz-calc")).unwrap();
    std::os::unix::fs::symlink(root().join("scenarios"), dir.path().join("scenarios")).unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let run = |command: &str| {
        Command::new("sh")
            .args(["-c", command])
            .current_dir(dir.path())
            .env("PATH", &path)
            .env_remove("COLUMNS")
            .output()
            .unwrap()
    };
    let init = run("patz-calc init regio.toml");
    assert_eq!(init.status.code(), Some(0));
    // The registrations a region keeps after contracting (docs/registraties.md), for the
    // groups and insurers that init writes: Groep Noord (8 huisartsen, 3 wijkverpleegkundigen,
    // 1 consulent), Verzekeraar A and B.
    let mut bijeenkomsten =
        "groep,datum,duur_uren,besproken_patienten,huisarts,wijkverpleegkundige,consulent\n"
            .to_string();
    for maand in ["01", "03", "05", "07", "09", "11"] {
        bijeenkomsten.push_str(&format!("Groep Noord,2026-{maand}-15,1.5,5,8,3,1\n"));
    }
    std::fs::write(dir.path().join("bijeenkomsten-2026.csv"), bijeenkomsten).unwrap();
    let mut verzekerden = "periode,verzekeraar,verzekerden\n".to_string();
    for k in 1..=4 {
        verzekerden.push_str(&format!("2026-K{k},Verzekeraar A,17598\n"));
        verzekerden.push_str(&format!("2026-K{k},Verzekeraar B,8799\n"));
    }
    std::fs::write(dir.path().join("verzekerden-2026.csv"), verzekerden).unwrap();
    std::fs::write(
        dir.path().join("indicatoren-2026.csv"),
        "jaar,indicator,overleden_patienten,gevallen\n2026,ic_opname,32,1\n",
    )
    .unwrap();
    for command in &commands {
        let out = run(command);
        assert_eq!(
            out.status.code(),
            Some(0),
            "README: {command}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
