//! Where output goes: devices, FIFOs and symbolic links are written as what they are, an output
//! is never one of the inputs, new files respect the umask, an interrupted run leaves no
//! temporary file, and what reaches the terminal holds no control characters (issue 12).
//!
//! Every test runs the binary through assert_cmd. `PATZ_CALC_BIN` may name another binary
//! (e.g. the previous release) to see these tests fail without the fixes.

use std::fs;
use std::io::Read;
use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::Command as StdCommand;
use std::time::{Duration, Instant};

use assert_cmd::Command;

fn bin() -> PathBuf {
    std::env::var_os("PATZ_CALC_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_patz-calc")))
}

fn cmd() -> Command {
    let mut c = Command::new(bin());
    c.timeout(Duration::from_secs(60));
    c
}

fn scenario(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scenarios")
        .join(name)
}

/// `cost kleine-regio.toml --format csv` on stdout: what every file target must receive.
fn cost_csv() -> Vec<u8> {
    let out = cmd()
        .args(["cost", "--format", "csv"])
        .arg(scenario("kleine-regio.toml"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.len() > 100);
    out.stdout
}

/// Names in `dir` that start with the temporary prefix.
fn leftovers(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".patz-calc-"))
        .collect()
}

/// A character device with /dev/null's numbers (1, 3), made in `dir` (we run as root in CI).
fn null_device(dir: &Path) -> Option<PathBuf> {
    let node = dir.join("mijn-null");
    let ok = StdCommand::new("mknod")
        .args(["-m", "666"])
        .arg(&node)
        .args(["c", "1", "3"])
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        eprintln!("mknod is not allowed here; the device test is skipped");
        return None;
    }
    Some(node)
}

fn is_char_device(p: &Path) -> bool {
    fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_char_device())
}

#[test]
fn a_device_node_as_output_stays_a_device_for_every_writing_command() {
    let dir = tempfile::tempdir().unwrap();
    let Some(node) = null_device(dir.path()) else {
        return;
    };
    let groot = scenario("grote-regio.toml");
    let runs: Vec<Vec<std::ffi::OsString>> = vec![
        vec![
            "cost".into(),
            groot.clone().into(),
            "-o".into(),
            node.clone().into(),
        ],
        vec![
            "report".into(),
            groot.clone().into(),
            "--force".into(),
            "-o".into(),
            node.clone().into(),
        ],
        vec![
            "export".into(),
            groot.clone().into(),
            "--force".into(),
            "-o".into(),
            node.clone().into(),
        ],
        vec![
            "simulate".into(),
            groot.clone().into(),
            "--iteraties".into(),
            "50".into(),
            "--draws".into(),
            node.clone().into(),
        ],
    ];
    for args in runs {
        let out = cmd().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}: {out:?}");
        assert!(is_char_device(&node), "{args:?} replaced the device");
        assert_eq!(leftovers(dir.path()), Vec::<String>::new(), "{args:?}");
    }
}

#[test]
fn a_fifo_as_output_receives_every_byte() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pijp.csv");
    assert!(
        StdCommand::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut got = Vec::new();
            fs::File::open(&fifo)
                .unwrap()
                .read_to_end(&mut got)
                .unwrap();
            got
        })
    };
    let out = cmd()
        .args(["cost", "--format", "csv"])
        .arg(scenario("kleine-regio.toml"))
        .arg("-o")
        .arg(&fifo)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    // Checked before waiting for the reader: had the FIFO been replaced, it would wait forever.
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    let got = reader.join().unwrap();
    assert_eq!(got, cost_csv());
}

#[test]
fn a_symlink_as_output_stays_a_link_and_its_target_gets_the_content() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("echt.csv");
    fs::write(&target, "oud").unwrap();
    fs::set_permissions(&target, fs::Permissions::from_mode(0o640)).unwrap();
    let link = dir.path().join("link.csv");
    std::os::unix::fs::symlink("echt.csv", &link).unwrap();
    cmd()
        .arg("cost")
        .arg(scenario("kleine-regio.toml"))
        .arg("-o")
        .arg(&link)
        .assert()
        .code(0);
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(fs::read(&target).unwrap(), cost_csv());
    // The file replaced keeps its mode.
    let mode = fs::metadata(&target).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
    assert_eq!(leftovers(dir.path()), Vec::<String>::new());
}

#[test]
fn a_symlink_to_a_folder_is_a_usage_error_and_never_becomes_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("map");
    fs::create_dir(&folder).unwrap();
    let link = dir.path().join("uit.csv");
    std::os::unix::fs::symlink(&folder, &link).unwrap();
    let out = cmd()
        .arg("cost")
        .arg(scenario("kleine-regio.toml"))
        .arg("-o")
        .arg(&link)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("uit.csv: fout: dit is een map; geef een bestandsnaam"),
        "{stderr}"
    );
    // Refused before the scenario is read: no warnings of kleine-regio.toml either.
    assert!(!stderr.contains("waarschuwing"), "{stderr}");
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(fs::read_dir(&folder).unwrap().count(), 0);
}

/// Runs `args` in `dir` and expects a usage error naming `fragment`, with nothing written.
fn refused(dir: &Path, args: &[&str], fragment: &str) {
    let before: Vec<(String, Vec<u8>)> = snapshot(dir);
    let out = cmd().current_dir(dir).args(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
    assert!(out.stdout.is_empty(), "{args:?}");
    assert!(stderr.contains(fragment), "{args:?}: {stderr}");
    assert_eq!(snapshot(dir), before, "{args:?} changed a file");
}

fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<(String, Vec<u8>)> = fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                fs::read(e.path()).unwrap_or_default(),
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn an_output_that_is_an_input_or_another_output_is_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::copy(scenario("kleine-regio.toml"), d.join("a.toml")).unwrap();
    fs::copy(scenario("grote-regio.toml"), d.join("X.toml")).unwrap();
    fs::copy(
        scenario("grote-regio-bijeenkomsten.csv"),
        d.join("regs.csv"),
    )
    .unwrap();
    fs::hard_link(d.join("a.toml"), d.join("harde-link.toml")).unwrap();
    std::os::unix::fs::symlink("a.toml", d.join("zachte-link.toml")).unwrap();
    let zelf = "is hetzelfde bestand als";
    refused(d, &["cost", "a.toml", "-o", "a.toml"], zelf);
    refused(d, &["cost", "a.toml", "-o", "./a.toml"], zelf);
    refused(d, &["cost", "a.toml", "-o", "harde-link.toml"], zelf);
    refused(d, &["cost", "a.toml", "-o", "zachte-link.toml"], zelf);
    refused(d, &["simulate", "X.toml", "--draws", "X.toml"], zelf);
    refused(
        d,
        &[
            "payout",
            "X.toml",
            "--bijeenkomsten",
            "regs.csv",
            "-o",
            "regs.csv",
        ],
        zelf,
    );
    refused(
        d,
        &[
            "monitor",
            "X.toml",
            "--bijeenkomsten",
            "regs.csv",
            "-o",
            "regs.csv",
        ],
        zelf,
    );
    refused(d, &["compare", "a.toml", "X.toml", "-o", "X.toml"], zelf);
    refused(d, &["report", "a.toml", "--force", "-o", "a.toml"], zelf);
    refused(d, &["batch", ".", "-o", "harde-link.toml"], zelf);
    refused(
        d,
        &[
            "simulate", "X.toml", "--draws", "same.csv", "-o", "same.csv",
        ],
        "zijn hetzelfde bestand",
    );
    assert!(!d.join("same.csv").exists());
}

#[test]
fn new_files_respect_the_umask_and_replaced_files_keep_their_mode() {
    let dir = tempfile::tempdir().unwrap();
    let run = |umask: &str, target: &Path| {
        let script = format!("umask {umask} && exec \"$0\" cost \"$1\" -o \"$2\"",);
        let status = StdCommand::new("sh")
            .args(["-c", &script])
            .arg(bin())
            .arg(scenario("kleine-regio.toml"))
            .arg(target)
            .stderr(std::process::Stdio::null())
            .status()
            .unwrap();
        assert_eq!(status.code(), Some(0));
        fs::metadata(target).unwrap().permissions().mode() & 0o777
    };
    // 0666 less the umask, as for any file a program creates.
    assert_eq!(run("077", &dir.path().join("prive.txt")), 0o600);
    assert_eq!(run("022", &dir.path().join("gewoon.txt")), 0o644);
    assert_eq!(run("002", &dir.path().join("groep.txt")), 0o664);
    // Replacing a file keeps its mode, whatever the umask.
    let kept = dir.path().join("bestaand.txt");
    fs::write(&kept, "oud").unwrap();
    fs::set_permissions(&kept, fs::Permissions::from_mode(0o604)).unwrap();
    assert_eq!(run("077", &kept), 0o604);
}

#[test]
fn an_interrupted_simulation_removes_its_hidden_draws_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = StdCommand::new(bin())
        .arg("simulate")
        .arg(scenario("grote-regio.toml"))
        .args(["--iteraties", "1000000", "--draws"])
        .arg(dir.path().join("trekkingen.csv"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Wait until the hidden temporary file exists (the draws follow once the simulation has
    // met every error; a million of them take a while).
    let start = Instant::now();
    loop {
        if !leftovers(dir.path()).is_empty() {
            std::thread::sleep(Duration::from_millis(200));
            break;
        }
        if let Some(status) = child.try_wait().unwrap() {
            panic!("the simulation ended before it was interrupted: {status}");
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "no draws written"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let killed = StdCommand::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = child.wait().unwrap();
    assert!(!status.success());
    assert_eq!(leftovers(dir.path()), Vec::<String>::new());
    assert!(!dir.path().join("trekkingen.csv").exists());
}

#[test]
fn draws_to_stdout_print_nothing_when_the_simulation_fails() {
    // kleine-regio.toml declares no [[onzekerheid]]: the simulation fails before any draw.
    let out = cmd()
        .arg("simulate")
        .arg(scenario("kleine-regio.toml"))
        .args(["--iteraties", "10", "--draws", "-"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        out.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn more_than_a_million_iterations_are_refused() {
    let out = cmd()
        .arg("simulate")
        .arg(scenario("grote-regio.toml"))
        .args(["--iteraties", "1000001"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("1.000.000"));
}

#[test]
fn batch_skips_a_fifo_in_a_folder_instead_of_waiting_for_it() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(scenario("kleine-regio.toml"), dir.path().join("a.toml")).unwrap();
    assert!(
        StdCommand::new("mkfifo")
            .arg(dir.path().join("x.toml"))
            .status()
            .unwrap()
            .success()
    );
    let out = cmd()
        .args(["batch", "--format", "csv"])
        .arg(dir.path())
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("x.toml: overgeslagen: geen gewoon bestand"),
        "{stderr}"
    );
    // The header and one row for a.toml.
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.lines().count(), 2, "{stdout}");
    assert!(stdout.contains("a.toml"));
}

#[test]
fn batch_prints_no_table_when_every_file_fails() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("kapot.toml"), "x =\n").unwrap();
    fs::write(dir.path().join("leeg.toml"), "").unwrap();
    let out = cmd().arg("batch").arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        out.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("2 van de 2 bestanden ongeldig"));
    // Nor a file with an empty table.
    let target = dir.path().join("samenvatting.txt");
    let out = cmd()
        .arg("batch")
        .arg(dir.path())
        .arg("-o")
        .arg(&target)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(!target.exists());
    assert_eq!(leftovers(dir.path()), Vec::<String>::new());
}

#[test]
fn a_newline_in_a_file_path_cannot_forge_a_diagnostic_line() {
    let out = cmd()
        .arg("check")
        .arg("weg.toml\nscenario.toml:1:1: fout: vervalst")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr,
        "weg.toml\\nscenario.toml:1:1: fout: vervalst: fout: bestand niet gevonden\n"
    );
}

#[test]
fn an_escape_sequence_in_a_file_name_never_reaches_the_terminal_through_a_table() {
    let dir = tempfile::tempdir().unwrap();
    let evil = dir.path().join("oost\u{1b}[2J.toml");
    fs::copy(scenario("kleine-regio.toml"), &evil).unwrap();
    let out = cmd().arg("batch").arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(!out.stdout.contains(&0x1b), "ESC in the table");
    assert!(!out.stderr.contains(&0x1b), "ESC in a message");
    assert!(String::from_utf8_lossy(&out.stdout).contains("oost\\u{1b}[2J"));
    // A message showing the path escapes it too.
    let out = cmd()
        .arg("cost")
        .arg(&evil)
        .arg("--set")
        .arg("uurtarieven.huisarts=abc")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(!out.stderr.contains(&0x1b));
}

#[test]
fn dev_fd_1_as_output_is_stdout_even_when_it_is_a_file_opened_for_appending() {
    // /dev/fd/1 rather than /dev/stdout: should this ever regress to a rename, it fails inside
    // /proc instead of replacing the machine's /dev/stdout.
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("log.txt");
    fs::write(&log, "eerder\n").unwrap();
    let script = "exec \"$0\" cost \"$1\" --format csv -o /dev/fd/1 >> \"$2\" 2>/dev/null";
    let status = StdCommand::new("sh")
        .args(["-c", script])
        .arg(bin())
        .arg(scenario("kleine-regio.toml"))
        .arg(&log)
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(0));
    let mut expected = b"eerder\n".to_vec();
    expected.extend(cost_csv());
    assert_eq!(fs::read(&log).unwrap(), expected);
    // Through a pipe: everything arrives on stdout.
    let out = cmd()
        .args(["cost", "--format", "csv", "-o", "/dev/fd/1"])
        .arg(scenario("kleine-regio.toml"))
        .output()
        .unwrap();
    assert_eq!(out.stdout, cost_csv());
}
