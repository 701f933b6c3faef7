//! Documents: `report` (one self-contained HTML file) and `export` (an Excel workbook with live
//! formulas).
//!
//! - Every number in the HTML report says where it comes from (`data-json`, `data-som`,
//!   `data-invoer`, …, see `src/render/html/mod.rs`); each is held against the CLI's own JSON, the
//!   cost lines or the scenario file, and no other number may appear in the report's text.
//! - A real browser, headless Chromium, prints the report to an A4 PDF and a PNG.
//! - A real spreadsheet engine, LibreOffice headless, recalculates the workbook and writes every
//!   sheet as CSV: every total equals the CLI's to the cent, with the cached values too, and after
//!   an uurtarief is changed in a test copy of the workbook the totals equal those of
//!   `patz-calc --set` with that rate.
//!
//! The browser and spreadsheet tests run when `chromium` and `soffice` are on PATH and print a
//! note when they are not; with `PATZ_DOCUMENT_TESTS=1` (as `.ci/run` sets after installing
//! them) they are required and fail when a tool is missing.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::str::FromStr;
use std::time::{Duration, Instant};

use rust_decimal::{Decimal, RoundingStrategy};
use serde_json::Value;

mod werkmap;

const BIN: &str = env!("CARGO_BIN_EXE_patz-calc");
const GROOT: &str = "scenarios/grote-regio.toml";
const LASTIG: &str = "tests/fixtures/document/lang-en-lastig.toml";
/// grote-regio with the additions of the contract talk: financing elsewhere in part and per
/// year, own posts, contributions, an answered reminder, a contracted offer.
const CONTRACT: &str = "tests/fixtures/document/aanvullingen.toml";
/// Every example scenario and the document fixtures: with and without insurers, offers, impact,
/// financing elsewhere; three and eight years.
const ALLE: [&str; 6] = [
    GROOT,
    "scenarios/kleine-regio.toml",
    "scenarios/elders-gefinancierd.toml",
    "scenarios/contractgesprek.toml",
    LASTIG,
    CONTRACT,
];

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(root())
        .output()
        .expect("patz-calc starts")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().expect("temporary directory")
}

/// `patz-calc [--set …] COMMAND SCENARIO --format json`, or `None` when the command refuses
/// (e.g. `impact` without `[impact]`).
fn cli_json(scenario: &str, command: &str, sets: &[&str]) -> Option<Value> {
    let mut args = Vec::new();
    for s in sets {
        args.push("--set");
        args.push(s);
    }
    args.extend([command, scenario, "--format", "json"]);
    let out = run(&args);
    if !out.status.success() {
        return None;
    }
    Some(serde_json::from_slice(&out.stdout).expect("CLI JSON"))
}

fn dec(s: &str) -> Option<Decimal> {
    let s = s.trim();
    Decimal::from_str(s)
        .ok()
        .or_else(|| Decimal::from_scientific(s).ok())
}

fn json_dec(v: &Value) -> Option<Decimal> {
    match v {
        Value::String(s) => dec(s),
        Value::Number(n) => dec(&n.to_string()),
        _ => None,
    }
}

fn round(v: Decimal, dp: u32) -> Decimal {
    v.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
}

/// A number as the report shows it (`€ 12.345,67`, `83,0 %`, `2,224`, `159.220`).
fn shown(s: &str) -> Option<Decimal> {
    let t = s.trim();
    let t = t.strip_prefix('€').unwrap_or(t);
    let t = t.strip_suffix('%').unwrap_or(t);
    let t: String = t
        .trim()
        .chars()
        .filter(|c| *c != '.')
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    if t.is_empty() || !t.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    Decimal::from_str(&t).ok()
}

/// Where a tool is on PATH: the first of `names` found.
fn on_path(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path) {
        for n in names {
            let p = dir.join(n);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    None
}

/// The tool for a document test, or `None` (with a note) when it may be skipped.
fn tool(what: &str, names: &[&str], package: &str) -> Option<PathBuf> {
    let found = on_path(names);
    if found.is_none() {
        let required = std::env::var("PATZ_DOCUMENT_TESTS").is_ok_and(|v| v == "1");
        assert!(
            !required,
            "PATZ_DOCUMENT_TESTS=1, maar {what} ({}) staat niet op PATH; installeer het \
             Debian-pakket {package}",
            names.join(" of ")
        );
        eprintln!(
            "overgeslagen: {what} ({}) niet gevonden; installeer {package} of zet \
             PATZ_DOCUMENT_TESTS=1 om deze test verplicht te maken",
            names.join(" of ")
        );
    }
    found
}

/// Runs an external tool with a time limit; stdout and stderr go to files in `dir`.
fn run_tool(mut cmd: Command, dir: &Path, name: &str, limit: Duration) -> (bool, String, String) {
    let out_path = dir.join(format!("{name}.stdout"));
    let err_path = dir.join(format!("{name}.stderr"));
    let out = std::fs::File::create(&out_path).expect("stdout file");
    let err = std::fs::File::create(&err_path).expect("stderr file");
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(out)
        .stderr(err)
        .spawn()
        .expect("tool starts");
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait") {
            break s;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{name}: na {limit:?} nog niet klaar, afgebroken");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    (
        status.success(),
        std::fs::read_to_string(out_path).unwrap_or_default(),
        std::fs::read_to_string(err_path).unwrap_or_default(),
    )
}

// ---------------------------------------------------------------------------------------------
// The HTML report, read back
// ---------------------------------------------------------------------------------------------

/// Where a number in the report comes from.
#[derive(Debug)]
enum Herkomst {
    /// `command:pointer`, and the decimals the value is shown rounded to (`data-afronding`).
    Json(String, Option<u32>),
    Som(String),
    /// A parameter's Dutch label (`data-parameter`).
    Parameter(String),
    /// A paragraph of the region's own text (`data-toelichting`).
    Toelichting(String),
    Invoer(String),
    Telling(String),
    /// A cell of the proof against double financing: the `[[financiering.elders]]` entry (or
    /// `elders_gefinancierd` role) that finances it (`data-financiering`).
    Financiering(String),
    Waarschuwing,
    As,
}

#[derive(Debug)]
struct Gevonden {
    herkomst: Herkomst,
    tekst: String,
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

const VOID: [&str; 11] = [
    "meta", "br", "hr", "img", "input", "link", "col", "wbr", "area", "base", "source",
];

/// Parses the attributes of a start tag's inside (after the name).
fn attributes(s: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let b: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < b.len() {
        while i < b.len() && (b[i].is_whitespace() || b[i] == '/') {
            i += 1;
        }
        let start = i;
        while i < b.len() && !b[i].is_whitespace() && b[i] != '=' && b[i] != '/' {
            i += 1;
        }
        let name: String = b[start..i].iter().collect();
        if name.is_empty() {
            break;
        }
        let mut value = String::new();
        if i < b.len() && b[i] == '=' {
            i += 1;
            let q = b[i];
            assert!(q == '"' || q == '\'', "unquoted attribute value in <{s}>");
            i += 1;
            let vs = i;
            while i < b.len() && b[i] != q {
                i += 1;
            }
            value = unescape(&b[vs..i].iter().collect::<String>());
            i += 1;
        }
        out.push((name, value));
    }
    out
}

/// Reads the body of the report: every tagged element with its text, and the text outside them.
fn read_report(html: &str) -> (Vec<Gevonden>, Vec<String>) {
    let body = html.find("<body").expect("a body");
    let mut i = body;
    let mut stack: Vec<(String, Option<Herkomst>, String)> = Vec::new();
    let mut found = Vec::new();
    let mut loose = Vec::new();
    while let Some(lt) = html[i..].find('<').map(|p| p + i) {
        let t = unescape(&html[i..lt]);
        if !t.trim().is_empty() {
            match stack.iter_mut().rev().find(|(_, h, _)| h.is_some()) {
                Some((_, _, buf)) => buf.push_str(&t),
                None => loose.push(t),
            }
        }
        let rest = &html[lt..];
        if rest.starts_with("<!--") {
            i = lt + rest.find("-->").expect("comment end") + 3;
            continue;
        }
        // A '>' inside a quoted attribute value is escaped by the renderer, so the first '>'
        // ends the tag.
        let gt = lt + rest.find('>').expect("tag end");
        let inner = &html[lt + 1..gt];
        i = gt + 1;
        if let Some(name) = inner.strip_prefix('/') {
            let name = name.trim().to_ascii_lowercase();
            let (open, herkomst, buf) = stack.pop().expect("an open element");
            assert_eq!(open, name, "badly nested HTML at byte {lt}");
            if let Some(h) = herkomst {
                found.push(Gevonden {
                    herkomst: h,
                    tekst: buf.trim().to_string(),
                });
            }
            if name == "body" {
                break;
            }
            continue;
        }
        let (name, attrs) = match inner.find(|c: char| c.is_whitespace()) {
            Some(p) => (&inner[..p], attributes(&inner[p..])),
            None => (inner.trim_end_matches('/'), Vec::new()),
        };
        let name = name.to_ascii_lowercase();
        if name == "style" || name == "script" {
            let end = format!("</{name}>");
            i = gt + html[gt..].find(&end).expect("raw text end") + end.len();
            continue;
        }
        let get = |k: &str| attrs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
        let herkomst = if let Some(v) = get("data-json") {
            let dp = get("data-afronding").map(|d| d.parse().expect("data-afronding is a count"));
            Some(Herkomst::Json(v, dp))
        } else if let Some(v) = get("data-parameter") {
            Some(Herkomst::Parameter(v))
        } else if let Some(v) = get("data-toelichting") {
            Some(Herkomst::Toelichting(v))
        } else if let Some(v) = get("data-som") {
            Some(Herkomst::Som(v))
        } else if let Some(v) = get("data-invoer") {
            Some(Herkomst::Invoer(v))
        } else if let Some(v) = get("data-telling") {
            Some(Herkomst::Telling(v))
        } else if let Some(v) = get("data-financiering") {
            Some(Herkomst::Financiering(v))
        } else if get("data-waarschuwing").is_some() {
            Some(Herkomst::Waarschuwing)
        } else if get("data-as").is_some() {
            Some(Herkomst::As)
        } else {
            None
        };
        if herkomst.is_some() {
            assert!(
                stack.iter().all(|(_, h, _)| h.is_none()),
                "a figure inside a figure at byte {lt}"
            );
        }
        let closed = inner.ends_with('/') || VOID.contains(&name.as_str());
        if !closed {
            stack.push((name, herkomst, String::new()));
        } else if let Some(h) = herkomst {
            found.push(Gevonden {
                herkomst: h,
                tekst: String::new(),
            });
        }
    }
    (found, loose)
}

/// Numbers in text outside any tagged element: none is allowed but years and the fixed phrases.
fn stray_numbers(loose: &[String]) -> Vec<String> {
    let mut allowed: Vec<String> = vec![
        "TAPA$-prestatie 1".into(),
        "30 dagen".into(),
        "het 2,5 %- en het 97,5 %-punt".into(),
        format!("patz-calc {}", env!("CARGO_PKG_VERSION")),
    ];
    allowed.extend(
        patz_calc::scenario::IndicatorId::ALL
            .iter()
            .map(|i| i.omschrijving().to_string()),
    );
    let mut out = Vec::new();
    for t in loose {
        let mut t = t.clone();
        for a in &allowed {
            t = t.replace(a.as_str(), " ");
        }
        for run in t.split(|c: char| !(c.is_ascii_digit() || c == '.' || c == ',')) {
            let run = run.trim_matches(|c| c == '.' || c == ',');
            if !run.chars().any(|c| c.is_ascii_digit()) {
                continue;
            }
            let year =
                run.len() == 4 && run.parse::<i32>().is_ok_and(|y| (1900..=2200).contains(&y));
            if !year {
                out.push(format!("{run:?} in {t:?}"));
            }
        }
    }
    out
}

/// A value of the scenario file by its field path, with docs/rekenregels.md's defaults.
fn scenario_value(file: &toml::Table, path: &str) -> Option<toml::Value> {
    fn walk(v: &toml::Value, path: &str) -> Option<toml::Value> {
        let mut cur = v.clone();
        for seg in path.split('.') {
            let (key, index) = match seg.split_once('[') {
                Some((k, rest)) => (k, rest.trim_end_matches(']').parse::<usize>().ok()),
                None => (seg, None),
            };
            cur = cur.get(key)?.clone();
            if let Some(n) = index {
                cur = cur.get(n.checked_sub(1)?)?.clone();
            }
        }
        Some(cur)
    }
    let root = toml::Value::Table(file.clone());
    if let Some(rest) = path.strip_prefix("indicator.") {
        let (id, field) = rest.split_once('.')?;
        let list = root.get("indicator")?.as_array()?;
        let ind = list
            .iter()
            .find(|x| x.get("id").and_then(|i| i.as_str()) == Some(id))?;
        return ind.get(field).cloned();
    }
    if let Some(v) = walk(&root, path) {
        return Some(v);
    }
    if path.starts_with("groep[") {
        let field = path.split_once("].")?.1;
        if field.starts_with("deelnemers.") {
            return Some(toml::Value::Integer(0));
        }
        if field == "start" {
            return walk(&root, "scenario.startjaar");
        }
        return walk(&root, &format!("werkwijze.{field}")).or(Some(toml::Value::Integer(0)));
    }
    Some(toml::Value::Integer(0))
}

/// The cell text of a line financed elsewhere by the entry at `path`, worked out from the file
/// as docs/rekenregels.md § 6 writes it: `elders: FINANCIER` at 100 %, else `P % FINANCIER, rest
/// TAPA$`; a role of `elders_gefinancierd` is paid elsewhere in full by "elders".
fn financiering_cel(file: &toml::Table, path: &str) -> Option<String> {
    if path.starts_with("financiering.elders_gefinancierd[") {
        return Some("elders".to_string());
    }
    let e = scenario_value(file, path)?;
    let financier = e.get("financier")?.as_str()?.to_string();
    let p = match e.get("percentage") {
        None => Decimal::ONE_HUNDRED,
        Some(v) => dec(&toml_text(v))?,
    };
    Some(if p == Decimal::ONE_HUNDRED {
        format!("elders: {financier}")
    } else {
        format!(
            "{} % {financier}, rest TAPA$",
            p.normalize().to_string().replace('.', ",")
        )
    })
}

fn toml_text(v: &toml::Value) -> String {
    match v {
        toml::Value::String(s) => s.clone(),
        toml::Value::Integer(i) => i.to_string(),
        toml::Value::Float(f) => f.to_string(),
        other => other.to_string(),
    }
}

/// Whether the report's text shows `expected` (a number compared as a number, else as text).
fn same(expected: &Value, tekst: &str) -> bool {
    match expected {
        Value::Null => tekst == "—",
        Value::String(s) => match (dec(s), shown(tekst)) {
            (Some(a), Some(b)) => a == b,
            _ => s == tekst,
        },
        Value::Number(_) => json_dec(expected) == shown(tekst),
        _ => false,
    }
}

/// Renders the report of `scenario` and holds every number in it against the CLI and the file.
fn check_report(scenario: &str) {
    let dir = tmp();
    let html_path = dir.path().join("businesscase.html");
    let out = run(&[
        "report",
        scenario,
        "-o",
        html_path.to_str().expect("utf-8 path"),
    ]);
    assert!(out.status.success(), "{scenario}: {}", text(&out.stderr));
    assert!(out.stdout.is_empty(), "report writes nothing to stdout");
    let stderr = text(&out.stderr);
    let html = std::fs::read_to_string(&html_path).expect("the report");
    let file: toml::Table =
        toml::from_str(&std::fs::read_to_string(root().join(scenario)).expect("scenario"))
            .expect("scenario TOML");
    let mut json: BTreeMap<String, Option<Value>> = BTreeMap::new();
    let (found, loose) = read_report(&html);
    let mut fouten = Vec::new();
    let mut figuren = 0;
    for g in &found {
        match &g.herkomst {
            Herkomst::Json(spec, dp) => {
                figuren += 1;
                let (cmd, pointer) = spec.split_once(':').expect("command:pointer");
                let doc = json
                    .entry(cmd.to_string())
                    .or_insert_with(|| cli_json(scenario, cmd, &[]));
                let Some(v) = doc.as_ref().and_then(|d| d.pointer(pointer)) else {
                    fouten.push(format!("{spec}: not in the CLI's JSON"));
                    continue;
                };
                let gelijk = match dp {
                    // Shown rounded: the CLI's exact value rounded as the report says.
                    Some(dp) => json_dec(v).map(|x| round(x, *dp)) == shown(&g.tekst),
                    None => same(v, &g.tekst),
                };
                if !gelijk {
                    fouten.push(format!("{spec}: report {:?}, CLI {v}", g.tekst));
                }
            }
            Herkomst::Som(filter) => {
                figuren += 1;
                let filter: serde_json::Map<String, Value> =
                    serde_json::from_str(filter).expect("filter JSON");
                let cost = json
                    .entry("cost".into())
                    .or_insert_with(|| cli_json(scenario, "cost", &[]))
                    .clone()
                    .expect("cost JSON");
                let mut sum = Decimal::ZERO;
                for j in cost["jaren"].as_array().expect("jaren") {
                    for r in j["regels"].as_array().expect("regels") {
                        if filter.iter().all(|(k, v)| &r[k] == v) {
                            sum += json_dec(&r["bedrag"]).expect("bedrag");
                        }
                    }
                }
                if shown(&g.tekst) != Some(sum) {
                    fouten.push(format!(
                        "sum {filter:?}: report {:?}, CLI lines {sum}",
                        g.tekst
                    ));
                }
            }
            Herkomst::Invoer(path) => {
                let Some(v) = scenario_value(&file, path) else {
                    fouten.push(format!("{path}: not in the scenario"));
                    continue;
                };
                let expected = toml_text(&v);
                let ok = match (dec(&expected), shown(&g.tekst)) {
                    (Some(a), Some(b)) => a == b,
                    _ => expected == g.tekst,
                };
                if !ok {
                    fouten.push(format!(
                        "{path}: report {:?}, scenario {expected:?}",
                        g.tekst
                    ));
                }
            }
            Herkomst::Telling(what) => {
                let n = file
                    .get(what)
                    .and_then(|v| v.as_array())
                    .map_or(0, Vec::len);
                if shown(&g.tekst) != Some(Decimal::from(n)) {
                    fouten.push(format!(
                        "count of {what}: report {:?}, scenario {n}",
                        g.tekst
                    ));
                }
            }
            Herkomst::Parameter(path) => {
                // A label in words: never the path itself, never a key of the file.
                if g.tekst.is_empty() || g.tekst.contains('_') || g.tekst.contains(path.as_str()) {
                    fouten.push(format!("{path}: label {:?} is not in words", g.tekst));
                }
            }
            Herkomst::Toelichting(key) => {
                let tekst = file
                    .get("toelichting")
                    .and_then(|t| t.get(key))
                    .and_then(|t| t.as_str())
                    .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
                    .unwrap_or_default();
                if g.tekst.is_empty() || !tekst.contains(&g.tekst) {
                    fouten.push(format!(
                        "toelichting.{key}: paragraph {:?} is not the region's text",
                        g.tekst
                    ));
                }
            }
            Herkomst::Financiering(path) => {
                let expected = financiering_cel(&file, path);
                if expected.as_deref() != Some(g.tekst.as_str()) {
                    fouten.push(format!(
                        "{path}: report {:?}, scenario says {expected:?}",
                        g.tekst
                    ));
                }
            }
            Herkomst::Waarschuwing => {
                if !stderr.contains(&g.tekst) {
                    fouten.push(format!("warning {:?} is not what the CLI prints", g.tekst));
                }
            }
            Herkomst::As => {
                if shown(&g.tekst).is_none() {
                    fouten.push(format!("axis label {:?} is not a number", g.tekst));
                }
            }
        }
    }
    fouten.extend(
        stray_numbers(&loose)
            .into_iter()
            .map(|s| format!("number without a source: {s}")),
    );
    assert!(
        fouten.is_empty(),
        "{scenario}: {} problems:\n{}",
        fouten.len(),
        fouten.join("\n")
    );
    assert!(
        figuren > 60,
        "{scenario}: only {figuren} figures checked; the report should have many more"
    );
}

// ---------------------------------------------------------------------------------------------
// The HTML report
// ---------------------------------------------------------------------------------------------

#[test]
fn every_number_in_the_report_equals_the_cli_json_or_the_scenario_file() {
    for scenario in ALLE {
        check_report(scenario);
    }
}

#[test]
fn a_report_with_verzekerden_per_year_shows_each_years_number_beside_its_tariff() {
    let dir = tmp();
    let groot = std::fs::read_to_string(root().join(GROOT)).unwrap();
    let regel = groot
        .lines()
        .find(|l| l.starts_with("verzekerden = "))
        .expect("verzekerden in grote-regio");
    let scenario = dir.path().join("per-jaar.toml");
    std::fs::write(
        &scenario,
        groot.replacen(regel, "verzekerden = [150000, 158000, 159220]", 1),
    )
    .unwrap();
    // Every number, each year's verzekerden included, equals the CLI's or the file's.
    check_report(scenario.to_str().unwrap());
    let p = dir.path().join("r.html");
    let out = run(&[
        "report",
        scenario.to_str().unwrap(),
        "-o",
        p.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let html = std::fs::read_to_string(&p).unwrap();
    assert!(html.contains("<td class=\"n\" data-invoer=\"scenario.verzekerden[2]\">158.000</td>"));
    assert!(html.contains("de verzekerden van elk jaar samen"));
    assert!(html.contains("Verzekerden (eerste jaar)"));
}

/// The report of `scenario` as HTML.
fn report_html(scenario: &str) -> String {
    let dir = tmp();
    let p = dir.path().join("r.html");
    let out = run(&["report", scenario, "-o", p.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    std::fs::read_to_string(&p).unwrap()
}

/// The section with id `id` of a report.
fn section<'a>(html: &'a str, id: &str) -> &'a str {
    let from = html
        .find(&format!("<section class=\"hoofdstuk\" id=\"{id}\">"))
        .unwrap_or_else(|| panic!("chapter {id}"));
    let rest = &html[from..];
    &rest[..rest.find("</section>").expect("section end")]
}

/// The visible cells of the table row whose header is `label`, in a piece of HTML.
fn row_cells(html: &str, label: &str) -> Vec<String> {
    let at = html
        .find(&format!("<th scope=\"row\">{label}</th>"))
        .or_else(|| html.find(&format!(">{label}</th>")))
        .unwrap_or_else(|| panic!("row {label}"));
    let rij = &html[at..];
    let rij = &rij[..rij.find("</tr>").expect("row end")];
    rij.split("<td")
        .skip(1)
        .map(|c| {
            visible_text(&format!("<body><td{c}"))
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

#[test]
fn the_double_financing_chapter_says_per_year_how_each_role_and_post_is_paid() {
    let html = report_html(CONTRACT);
    let d = section(&html, "dubbele-financiering");
    // The consulent: half by PZNL in 2026 only (tot_en_met = 2026), then TAPA$.
    assert_eq!(
        row_cells(d, "Consulent"),
        ["50 % Stichting PZNL, rest TAPA$", "TAPA$", "TAPA$"]
    );
    // Projectleiding by the Netwerk from 2027 (vanaf = 2027), 100 % by default.
    assert_eq!(
        row_cells(d, "Projectleiding"),
        [
            "TAPA$",
            "elders: Netwerk Palliatieve Zorg",
            "elders: Netwerk Palliatieve Zorg"
        ]
    );
    // An own post by its own name, 40 % by the municipality every year; the post per meeting
    // only in its years 2027 and 2028; no start costs in 2028 (no group starts then).
    assert_eq!(
        row_cells(d, "Voorlichting en advies"),
        ["40 % Gemeente, rest TAPA$"; 3]
    );
    assert_eq!(
        row_cells(d, "Drukwerk per bijeenkomst"),
        ["—", "TAPA$", "TAPA$"]
    );
    assert_eq!(
        row_cells(d, "Startkosten nieuwe groepen"),
        ["TAPA$", "TAPA$", "—"]
    );
    assert_eq!(row_cells(d, "Huisarts"), ["TAPA$"; 3]);
    // The contributions, each with its financier and amount.
    assert_eq!(
        row_cells(d, "Vacatiegeld PZNL, tweede deel"),
        ["2027", "Stichting PZNL", "€ 10.000,00"]
    );
    // The answered reminder shows its answer, the open one says it is open.
    let z: String = visible_text(&format!("<body>{d}"))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        z.contains(
            "De uren van de wijkverpleegkundige worden via TAPA$ gefinancierd. De PaTz-tijd moet \
             buiten de urenindicatie onder het integraal uurtarief van de wijkverpleging blijven. \
             Nagegaan: De PaTz-uren staan niet in de urenindicatie van de wijkverpleging"
        ),
        "{z}"
    );
    assert!(
        z.contains(
            "De uren van de consulent worden via TAPA$ gefinancierd, in 2026 voor een deel. \
             Vergoedt PZNL de inzet van de consulent in deze regio nog, dan is dat deel dubbel \
             gefinancierd. Nog niet vastgelegd dat dit is nagegaan."
        ),
        "{z}"
    );
    // Neither the all-or-nothing wording of before nor any role said to be elsewhere in full.
    assert!(!d.contains("in elk jaar volledig"));
    let zorgverleners = section(&html, "zorgverleners");
    assert_eq!(
        row_cells(zorgverleners, "Consulent")
            .last()
            .map(String::as_str),
        Some("deels elders gefinancierd, rest via TAPA$")
    );
    let kosten = section(&html, "kosten");
    assert!(kosten.contains("Consulent (deels elders gefinancierd)"));
    assert!(kosten.contains(">Voorlichting en advies</th>"));

    // The shipped scenario with a role elsewhere in every year: "elders", the financier unnamed.
    let html = report_html("scenarios/elders-gefinancierd.toml");
    let d = section(&html, "dubbele-financiering");
    assert!(
        row_cells(d, "Consulent").iter().all(|c| c == "elders"),
        "{d}"
    );
}

#[test]
fn the_report_shows_each_insurer_s_businesscase_and_the_region_s_view_with_a_chart() {
    let html = report_html(CONTRACT);
    let sectie = section(&html, "financiering");
    let f = &sectie[sectie
        .find("<caption>Businesscase per verzekeraar (looptijd)")
        .expect("the table")..];
    // Zilveren Kruis, 45 %, contracted "TAPA$ 3 jaar" at € 1,50 with verzekerden
    // [150.000, 158.000, 159.220]: 1,50 × (67.500 + 71.100 + 71.649) = 1,50 × 210.249
    // = € 315.373,50 over the horizon.
    let zk = row_cells(f, "Zilveren Kruis");
    assert_eq!(
        zk.first().map(String::as_str),
        Some("Zilveren Kruis TAPA$ 3 jaar (gecontracteerd)")
    );
    assert!(zk.contains(&"€ 315.373,50".to_string()), "{zk:?}");
    // CZ has no contracted offer: its best one, "CZ met plafond", capped at € 40.000 a year
    // (1,60 × 20 % × 150.000 = € 48.000 > 40.000): € 120.000,00.
    let cz = row_cells(f, "CZ");
    assert_eq!(cz.first().map(String::as_str), Some("CZ met plafond"));
    assert!(cz.contains(&"€ 120.000,00".to_string()), "{cz:?}");
    // The region in 2026: 101.250 (ZK) + 40.000 (CZ) + 1,40 × 27.000 = 37.800 (VGZ)
    // + 1,85 × 15.000 = 27.750 (Menzis) = € 206.800,00.
    let opbrengst = row_cells(f, "Opbrengst gekozen aanbiedingen");
    assert_eq!(opbrengst.first().map(String::as_str), Some("€ 206.800,00"));
    // The chart (above the table: a figure cannot split over two pages, a table can): two bars
    // per insurer, the amounts in whole euro.
    let grafiek = &sectie[sectie
        .find("id=\"grafiek-businesscase-per-verzekeraar-titel\"")
        .expect("the chart")..];
    let grafiek = &grafiek[..grafiek.find("</figure>").unwrap()];
    assert_eq!(grafiek.matches("/totaal/betaling\"").count(), 4);
    assert_eq!(grafiek.matches("/totaal/vermeden_kosten\"").count(), 4);
    assert!(grafiek.contains(">€ 315.374</text>"), "{grafiek}");
    // Without insurers and offers there is no businesscase per insurer.
    let html = report_html("scenarios/kleine-regio.toml");
    assert!(!html.contains("grafiek-businesscase-per-verzekeraar"));
}

#[test]
fn every_chart_of_the_report_stands_before_the_tables_it_draws_so_a_table_can_fill_a_page() {
    // A figure is kept whole on one page, a long table may break: with the chart first, the
    // table after it fills what is left of a page instead of a chart leaving it empty.
    for (scenario, paren) in [
        (
            CONTRACT,
            &[
                (
                    "financiering",
                    "dekking-per-aanbod",
                    "Uitkomst per aanbod over zijn jaren",
                ),
                (
                    "financiering",
                    "businesscase-per-verzekeraar",
                    "Businesscase per verzekeraar (looptijd)",
                ),
                ("kosten", "kosten-per-jaar", "Kosten per post"),
                ("kosten", "kosten-per-rol", "Kosten per rol"),
                (
                    "zorgreductie",
                    "zorgreductie-per-indicator",
                    "Indicatoren over de looptijd",
                ),
            ][..],
        ),
        (
            "scenarios/kleine-regio.toml",
            &[
                ("kosten", "kosten-per-jaar", "Kosten per post"),
                ("kosten", "kosten-per-rol", "Kosten per rol"),
            ][..],
        ),
    ] {
        let html = report_html(scenario);
        for (hoofdstuk, grafiek, tabel) in paren {
            let h = section(&html, hoofdstuk);
            let g = h
                .find(&format!("id=\"grafiek-{grafiek}-titel\""))
                .unwrap_or_else(|| panic!("{scenario}: chart {grafiek}"));
            let t = h
                .find(&format!("<caption>{tabel}"))
                .unwrap_or_else(|| panic!("{scenario}: table {tabel}"));
            assert!(g < t, "{scenario}: chart {grafiek} after its table {tabel}");
        }
    }
}

#[test]
fn a_table_of_a_few_rows_of_long_names_may_break_over_pages_instead_of_leaving_one_half_empty() {
    // The fixture's insurers and offers have names of about 200 characters: four rows of them
    // are taller than what is left of most pages.
    let html = report_html("tests/fixtures/document/groot-en-lang.toml");
    let f = section(&html, "financiering");
    for titel in [
        "Kostenaandeel en break-even tarief per verzekeraar (looptijd)",
        "Voorwaarden van de aanbiedingen",
    ] {
        let at = f
            .find(&format!("<caption>{titel}</caption>"))
            .unwrap_or_else(|| panic!("table {titel}"));
        let open = f[..at].rfind("<table").expect("table");
        assert_eq!(
            &f[open..at],
            "<table class=\"hoog\">\n",
            "{titel}: not kept whole, may break between any rows"
        );
    }
    assert!(html.contains("table.hoog tbody tr { break-before: auto; }"));
    // The shipped scenario's short tables stay whole.
    let html = report_html(CONTRACT);
    let f = section(&html, "financiering");
    assert!(
        f.contains("<table class=\"heel\">\n<caption>Voorwaarden van de aanbiedingen</caption>")
    );
    assert!(!html.contains("class=\"hoog\""));
}

#[test]
fn the_report_is_one_self_contained_file_that_needs_no_script() {
    let dir = tmp();
    let p = dir.path().join("r.html");
    let out = run(&["report", LASTIG, "-o", p.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let html = std::fs::read_to_string(&p).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"nl\">"));
    assert!(html.contains("<meta charset=\"utf-8\">"));
    assert!(html.contains("@page { size: A4"), "print CSS for A4");
    for forbidden in [
        "<script", "<link", "<img", " src=", "url(", "@import", "https://",
    ] {
        assert!(
            !html.contains(forbidden),
            "the report contains {forbidden:?}"
        );
    }
    // The only address is the SVG namespace.
    assert_eq!(
        html.matches("http://").count(),
        html.matches("xmlns=\"http://www.w3.org/2000/svg\"").count()
    );
}

#[test]
fn the_report_escapes_every_name_from_the_scenario() {
    let dir = tmp();
    let p = dir.path().join("r.html");
    assert!(
        run(&["report", LASTIG, "-o", p.to_str().unwrap()])
            .status
            .success()
    );
    let html = std::fs::read_to_string(&p).unwrap();
    assert!(!html.contains("<script>alert"));
    assert!(html.contains("Groep 1 &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    assert!(html.contains(
        "<h1 data-invoer=\"scenario.naam\">Regio &lt;Zuid&gt; &amp; &quot;Oost&quot; — 8 jaar</h1>"
    ));
}

#[test]
fn the_report_follows_the_businesscase_points_of_the_handreiking() {
    let dir = tmp();
    let p = dir.path().join("r.html");
    assert!(
        run(&["report", GROOT, "-o", p.to_str().unwrap()])
            .status
            .success()
    );
    let html = std::fs::read_to_string(&p).unwrap();
    let order = [
        "<h2>De te verlenen zorg</h2>",
        "<h2>Onderbouwing</h2>",
        "<h2>De uitvoerende zorgverleners</h2>",
        "<h2>Frequentie en duur</h2>",
        "<h2>Locatie en regio</h2>",
        "<h2>Afwijkingen van de PaTz-werkwijze</h2>",
        "<h2>Geschatte kosten</h2>",
        "<h2>Financiering</h2>",
        "<h2>Verwachte zorgreductie</h2>",
        "<h2>Saldo en netto contante waarde</h2>",
        "<h2>Gevoeligheid</h2>",
        "<h2>Dubbele financiering</h2>",
        "<h2>Evaluatie en monitoring</h2>",
        "<h2>Bronnen en aannames</h2>",
    ];
    // The table of contents lists every chapter, in the same order.
    let nav = &html[html.find("<nav").expect("contents")..html.find("</nav>").expect("end")];
    let mut at = 0;
    for h in order {
        let t = h.trim_start_matches("<h2>").trim_end_matches("</h2>");
        let p = nav[at..]
            .find(&format!(">{t}</a>"))
            .unwrap_or_else(|| panic!("{t} missing from the contents or out of order"));
        at += p;
    }
    let mut at = 0;
    for h in order {
        let p = html[at..]
            .find(h)
            .unwrap_or_else(|| panic!("{h} missing or out of order"));
        at += p + h.len();
    }
    for chart in [
        "grafiek-kosten-per-jaar",
        "grafiek-kosten-per-rol",
        "grafiek-zorgreductie-per-indicator",
        "grafiek-dekking-per-aanbod",
        "grafiek-gevoeligheid-van-het-saldo",
    ] {
        assert!(
            html.contains(&format!("aria-labelledby=\"{chart}-titel {chart}-tekst\"")),
            "chart {chart}"
        );
    }
    assert!(html.contains("Facilitaire kosten, opleidingskosten"));
    assert!(html.contains("De uren van de consulent worden via TAPA$ gefinancierd."));
    // grote-regio declares [[onzekerheid]]: the sensitivity section has its tornado and table.
    assert!(html.contains("Gevoeligheid van het saldo, grootste verschil eerst"));
}

#[test]
fn a_report_without_impact_still_has_costs_and_financing_and_says_what_is_missing() {
    let dir = tmp();
    let p = dir.path().join("r.html");
    let out = run(&[
        "report",
        "scenarios/kleine-regio.toml",
        "-o",
        p.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let html = std::fs::read_to_string(&p).unwrap();
    assert!(html.contains("Deze businesscase rekent niet met de zes indicatoren"));
    assert!(html.contains("Dit scenario noemt geen zorgverzekeraars"));
    assert!(!html.contains("<h2>Saldo en netto contante waarde</h2>"));
    assert!(html.contains("<h2>Geschatte kosten</h2>"));
}

/// The text a reader sees in the report: the body without tags, attributes or style sheet.
fn visible_text(html: &str) -> String {
    let body = &html[html.find("<body").expect("a body")..];
    let mut out = String::with_capacity(body.len());
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    unescape(&out)
}

#[test]
fn the_report_of_every_shipped_scenario_speaks_without_keys_options_or_manual_references() {
    let mut scenarios: Vec<PathBuf> = std::fs::read_dir(root().join("scenarios"))
        .expect("scenarios/")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    scenarios.sort();
    assert!(scenarios.len() >= 3, "the shipped scenarios");
    scenarios.push(root().join(LASTIG));
    scenarios.push(root().join(CONTRACT));
    for scenario in &scenarios {
        let dir = tmp();
        let p = dir.path().join("r.html");
        let out = run(&[
            "report",
            scenario.to_str().unwrap(),
            "-o",
            p.to_str().unwrap(),
        ]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let html = std::fs::read_to_string(&p).unwrap();
        let zichtbaar = visible_text(&html);
        let file = std::fs::read_to_string(scenario).unwrap();
        // Every parameter path the scenario names (its [[onzekerheid]] and [[verwachting]]).
        let mut verboden: Vec<String> = file
            .lines()
            .filter_map(|l| l.trim().strip_prefix("parameter = \""))
            .filter_map(|l| l.split('"').next())
            .map(str::to_string)
            .collect();
        verboden.extend(
            [
                "elders_gefinancierd",
                "[financiering]",
                "[impact]",
                "[toelichting]",
                "--format",
                "--force",
                "--set",
                "README",
                "patz-calc explain",
                ".toml",
                "herinnering:",
                "Oplossing:",
                // The analyst's name of a chart, not the reader's.
                "Tornado",
            ]
            .map(String::from),
        );
        for v in &verboden {
            assert!(
                !zichtbaar.contains(v.as_str()),
                "{}: the report shows {v:?}",
                scenario.display()
            );
        }
        // No key of the file at all: a word joined by an underscore is one.
        for w in zichtbaar.split(|c: char| c.is_whitespace() || "()[],;:'\"".contains(c)) {
            let w = w.trim_matches('.');
            assert!(
                !(w.contains('_')
                    && w.chars()
                        .all(|c| c.is_ascii_lowercase() || c == '_' || c == '.')),
                "{}: the report shows the key {w:?}",
                scenario.display()
            );
        }
        assert!(
            !html.contains("<code"),
            "{}: code in the report",
            scenario.display()
        );
    }
}

#[test]
fn the_region_s_own_texts_stand_in_their_chapters_and_absent_ones_are_marked() {
    let dir = tmp();
    let p = dir.path().join("r.html");
    let out = run(&["report", LASTIG, "-o", p.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let html = std::fs::read_to_string(&p).unwrap();
    let hoofdstuk = |id: &str| {
        let start = html
            .find(&format!("<section class=\"hoofdstuk\" id=\"{id}\">"))
            .unwrap_or_else(|| panic!("chapter {id}"));
        let end = html[start..].find("</section>").expect("chapter end") + start;
        html[start..end].to_string()
    };
    // Two paragraphs, escaped, the line break and the run of spaces inside one made one space,
    // before the chapter's own text with its figures.
    let zorg = hoofdstuk("zorg");
    let a = zorg
        .find("<p class=\"regio\" data-toelichting=\"zorg\">In Zuid &amp; Oost bespreken 3 groepen &lt;elke&gt; 2 maanden hun palliatieve patiënten.</p>")
        .expect("the first paragraph");
    let b = zorg
        .find(">Tussen de bijeenkomsten belt de consulent de huisarts binnen 24 uur terug.</p>")
        .expect("the second paragraph");
    let figuren = zorg
        .find("data-telling=\"groep\"")
        .expect("the chapter's figures");
    assert!(a < b && b < figuren);
    // The region's text replaces the general description of PaTz.
    assert!(!zorg.contains("In een PaTz-groep (Palliatieve Zorg Thuis)"));
    assert!(!zorg.contains("In te vullen door de regio"));
    assert!(hoofdstuk("evaluatie").contains("in 2028 volgt een evaluatie."));
    // Absent texts: the chapter's own text and a visible mark saying what to write there.
    let onderbouwing = hoofdstuk("onderbouwing");
    assert!(onderbouwing.contains("Een deel van de patiënten in de laatste levensfase"));
    assert_eq!(
        onderbouwing
            .matches("<p class=\"invullen\"><strong>In te vullen door de regio:</strong>")
            .count(),
        3,
        "onderbouwing, doelstellingen and innovatie are absent"
    );
    for id in ["zorgverleners", "frequentie", "regio"] {
        assert!(
            hoofdstuk(id).contains("In te vullen door de regio:"),
            "{id}"
        );
    }
    assert!(
        html.contains(".invullen { border: 0.3mm dashed"),
        "the mark is visible"
    );
}

#[test]
fn report_grafieken_writes_every_chart_as_an_svg_file_of_its_own() {
    let dir = tmp();
    let html_pad = dir.path().join("r.html");
    let map = dir.path().join("dia's");
    let out = run(&[
        "report",
        GROOT,
        "-o",
        html_pad.to_str().unwrap(),
        "--grafieken",
        map.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(out.stdout.is_empty());
    let html = std::fs::read_to_string(&html_pad).unwrap();
    let mut namen: Vec<String> = std::fs::read_dir(&map)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".svg"))
        .collect();
    namen.sort();
    assert_eq!(
        namen,
        [
            "businesscase-per-verzekeraar.svg",
            "dekking-per-aanbod.svg",
            "gevoeligheid-van-het-saldo.svg",
            "kosten-per-jaar.svg",
            "kosten-per-rol.svg",
            "zorgreductie-per-indicator.svg",
        ]
    );
    for n in &namen {
        let svg = std::fs::read_to_string(map.join(n)).unwrap();
        let stam = n.trim_end_matches(".svg");
        assert!(svg.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\""));
        // The same drawing as the report's figure, with the report's caption as its title.
        let id = format!("grafiek-{stam}");
        let titel_at = html
            .find(&format!("<figcaption id=\"{id}-titel\">"))
            .expect("figure");
        let titel = &html[titel_at..];
        let titel = &titel[titel.find('>').unwrap() + 1..titel.find("</figcaption>").unwrap()];
        assert!(svg.contains(&format!("<title>{titel}</title>")), "{n}");
        let desc = format!("<desc id=\"{id}-tekst\">");
        let from = html.find(&desc).expect("description");
        let tekening = &html[from..];
        let tekening =
            &tekening[tekening.find("</desc>\n").unwrap() + 8..tekening.find("</svg>").unwrap()];
        assert!(
            tekening.len() > 500 && svg.contains(tekening),
            "{n}: another drawing"
        );
    }
    #[cfg(feature = "png")]
    for n in &namen {
        let png = std::fs::read(map.join(n.replace(".svg", ".png"))).unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    }
    // Again: every chart file exists, so nothing is replaced without --force.
    let voor = std::fs::read(map.join("kosten-per-jaar.svg")).unwrap();
    let html2 = dir.path().join("r2.html");
    let out = run(&[
        "report",
        GROOT,
        "-o",
        html2.to_str().unwrap(),
        "--grafieken",
        map.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("kosten-per-jaar.svg: fout: bestaat al"),
        "{}",
        text(&out.stderr)
    );
    assert!(!html2.exists(), "nothing written");
    let out = run(&[
        "report",
        GROOT,
        "-o",
        html2.to_str().unwrap(),
        "--grafieken",
        map.to_str().unwrap(),
        "--force",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        std::fs::read(map.join("kosten-per-jaar.svg")).unwrap(),
        voor,
        "the same bytes"
    );
    assert!(leftovers(&map).is_empty());
    // A scenario without offers or impact has only the cost charts; a file is not a folder.
    let klein = dir.path().join("klein");
    let out = run(&[
        "report",
        "scenarios/kleine-regio.toml",
        "-o",
        dir.path().join("k.html").to_str().unwrap(),
        "--grafieken",
        klein.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        std::fs::read_dir(&klein).unwrap().count(),
        if cfg!(feature = "png") { 4 } else { 2 }
    );
    let out = run(&[
        "report",
        GROOT,
        "-o",
        dir.path().join("x.html").to_str().unwrap(),
        "--grafieken",
        html_pad.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--grafieken vraagt een map"));
}

// ---------------------------------------------------------------------------------------------
// Writing files
// ---------------------------------------------------------------------------------------------

fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".patz-calc-"))
        .collect()
}

#[test]
fn documents_never_replace_an_existing_file_without_force() {
    for (command, name) in [("report", "b.html"), ("export", "b.xlsx")] {
        let dir = tmp();
        let p = dir.path().join(name);
        std::fs::write(&p, "oud").unwrap();
        let out = run(&[command, GROOT, "-o", p.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2), "{command}");
        assert!(
            text(&out.stderr).contains("bestaat al"),
            "{}",
            text(&out.stderr)
        );
        assert!(text(&out.stderr).contains("--force"));
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "oud");
        let out = run(&[command, GROOT, "-o", p.to_str().unwrap(), "--force"]);
        assert!(out.status.success(), "{command}: {}", text(&out.stderr));
        assert_ne!(std::fs::read(&p).unwrap(), b"oud");
        assert!(leftovers(dir.path()).is_empty());
    }
}

#[test]
fn an_invalid_scenario_writes_no_document_and_exits_2() {
    for (command, name) in [("report", "b.html"), ("export", "b.xlsx")] {
        let dir = tmp();
        let p = dir.path().join(name);
        let out = run(&[
            command,
            "tests/cmd/fixtures/negatief-bedrag.toml",
            "-o",
            p.to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(2));
        assert!(text(&out.stderr).contains("fout"));
        assert!(!p.exists());
        assert!(leftovers(dir.path()).is_empty());
    }
}

/// The report's chapter Gevoeligheid is the `sensitivity` analysis of netto; when that fails,
/// the report fails with the same message instead of leaving the chapter out (as it once did).
#[test]
fn a_report_whose_sensitivity_analysis_fails_says_why_and_writes_nothing() {
    const FAALT: &str = "tests/fixtures/document/gevoeligheid-faalt.toml";
    // The scenario as written calculates; only its analysis fails.
    assert_eq!(run(&["business-case", FAALT]).status.code(), Some(0));
    let analyse = run(&["sensitivity", FAALT]);
    assert_eq!(analyse.status.code(), Some(2));
    let dir = tmp();
    let p = dir.path().join("b.html");
    let out = run(&["report", FAALT, "-o", p.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(text(&out.stderr), text(&analyse.stderr));
    assert!(text(&out.stderr).contains("fout"));
    assert!(out.stdout.is_empty());
    assert!(!p.exists());
    assert!(leftovers(dir.path()).is_empty());
}

#[test]
fn a_document_in_a_missing_directory_fails_with_exit_1_and_leaves_nothing() {
    let dir = tmp();
    let p = dir.path().join("bestaat-niet").join("b.html");
    let out = run(&["report", GROOT, "-o", p.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("kan niet schrijven"));
    assert!(!p.exists());
}

#[test]
fn the_same_scenario_gives_byte_identical_documents() {
    let dir = tmp();
    for (command, ext) in [("report", "html"), ("export", "xlsx")] {
        let a = dir.path().join(format!("a.{ext}"));
        let b = dir.path().join(format!("b.{ext}"));
        assert!(
            run(&[command, LASTIG, "-o", a.to_str().unwrap()])
                .status
                .success()
        );
        assert!(
            run(&[command, LASTIG, "-o", b.to_str().unwrap()])
                .status
                .success()
        );
        assert_eq!(
            std::fs::read(&a).unwrap(),
            std::fs::read(&b).unwrap(),
            "{command}"
        );
    }
}

#[test]
fn documents_honour_set_and_report_missed_expectations_with_exit_3() {
    let dir = tmp();
    let p = dir.path().join("b.html");
    let out = run(&[
        "--set",
        "uurtarieven.huisarts=130",
        "report",
        GROOT,
        "-o",
        p.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    let html = std::fs::read_to_string(&p).unwrap();
    // 857,535.85 is the total of `cost --set uurtarieven.huisarts=130` (see the LibreOffice test).
    assert!(html.contains("€ 857.535,85"));
    let out = run(&[
        "report",
        "tests/fixtures/analyst/verwachting-gemist.toml",
        "-o",
        dir.path().join("v.html").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(3), "{}", text(&out.stderr));
    assert!(
        dir.path().join("v.html").exists(),
        "written before the exit status"
    );
}

// ---------------------------------------------------------------------------------------------
// The workbook, read without a spreadsheet
// ---------------------------------------------------------------------------------------------

fn unzip(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip archive");
    let mut out = BTreeMap::new();
    for i in 0..z.len() {
        let mut f = z.by_index(i).unwrap();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        out.insert(f.name().expect("entry name").to_string(), data);
    }
    out
}

fn rezip(files: &BTreeMap<String, Vec<u8>>) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    // [Content_Types].xml first, as Office writes it.
    let mut names: Vec<&String> = files.keys().collect();
    names.sort_by_key(|n| (n.as_str() != "[Content_Types].xml", n.to_string()));
    for n in names {
        w.start_file(n.as_str(), zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(&files[n]).unwrap();
    }
    w.finish().unwrap().into_inner()
}

fn export(scenario: &str, dir: &Path, sets: &[&str]) -> PathBuf {
    let p = dir.join("businesscase.xlsx");
    let mut args: Vec<&str> = Vec::new();
    for s in sets {
        args.extend(["--set", s]);
    }
    let ps = p.to_str().unwrap().to_string();
    args.extend(["export", scenario, "-o", &ps]);
    let out = run(&args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    p
}

#[test]
fn the_workbook_has_seven_sheets_of_formulas_each_with_its_value() {
    let dir = tmp();
    let p = export(GROOT, dir.path(), &[]);
    let files = unzip(&std::fs::read(p).unwrap());
    let wb = text(&files["xl/workbook.xml"]);
    let names: Vec<&str> = wb
        .split("<sheet name=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .collect();
    assert_eq!(
        names,
        [
            "Invoer",
            "Kosten",
            "Financiering",
            "Zorgreductie",
            "Samenvatting",
            "Per verzekeraar",
            "Kostenregels"
        ]
    );
    assert!(
        wb.contains("fullCalcOnLoad=\"1\""),
        "Excel recalculates on opening"
    );
    for (i, sheet) in names.iter().enumerate() {
        let xml = text(&files[&format!("xl/worksheets/sheet{}.xml", i + 1)]);
        let formulas = xml.matches("<f>").count();
        if *sheet == "Invoer" {
            assert_eq!(formulas, 0, "Invoer holds only inputs");
            continue;
        }
        assert!(formulas > 10, "{sheet}: {formulas} formulas");
        // Every formula carries a cached value (empty only for a ratio with a zero denominator).
        for cell in xml.split("<c ").skip(1).filter(|c| c.contains("<f>")) {
            assert!(
                cell.contains("<v>"),
                "{sheet}: formula without value: {cell}"
            );
        }
    }
    let regels = text(&files["xl/worksheets/sheet7.xml"]);
    assert!(regels.contains("ROUND(E") && regels.contains("Invoer!$B$"));
    let kosten = text(&files["xl/worksheets/sheet2.xml"]);
    assert!(kosten.contains("SUMIFS(Kostenregels!$G$"));
    let fin = text(&files["xl/worksheets/sheet3.xml"]);
    assert!(fin.contains("ROUNDUP("));
}

/// The texts a reader of the workbook sees: the shared strings and the text results of formulas.
fn workbook_texts(files: &BTreeMap<String, Vec<u8>>) -> Vec<String> {
    let mut out = Vec::new();
    let strings = text(&files["xl/sharedStrings.xml"]);
    for si in strings.split("<si>").skip(1) {
        let si = si.split("</si>").next().unwrap_or("");
        let plain: String = si
            .split('<')
            .map(|part| part.split_once('>').map_or(part, |(_, after)| after))
            .collect();
        out.push(unescape(&plain));
    }
    for (name, data) in files {
        if !name.starts_with("xl/worksheets/sheet") {
            continue;
        }
        let xml = text(data);
        for c in xml.split("<c ").skip(1).filter(|c| c.contains("t=\"str\"")) {
            if let Some(v) = c.split("<v>").nth(1).and_then(|v| v.split("</v>").next()) {
                out.push(unescape(v));
            }
        }
    }
    out
}

/// What the scenario's writer typed (names, labels, sources): their own words, not jargon.
fn own_words(scenario: &str) -> Vec<String> {
    let file: toml::Table = std::fs::read_to_string(root().join(scenario))
        .unwrap()
        .parse()
        .unwrap();
    let mut out = Vec::new();
    for (table, field) in [
        ("groep", "naam"),
        ("verzekeraar", "naam"),
        ("aanbod", "label"),
        ("aanbod", "verzekeraar"),
        ("indicator", "bron"),
    ] {
        for t in file
            .get(table)
            .and_then(|t| t.as_array())
            .into_iter()
            .flatten()
        {
            if let Some(x) = t.get(field).and_then(|x| x.as_str()) {
                out.push(x.to_string());
            }
        }
    }
    for field in ["naam", "regio"] {
        if let Some(x) = file["scenario"].get(field).and_then(|x| x.as_str()) {
            out.push(x.to_string());
        }
    }
    // Longest first, so that a name inside another is taken out after it.
    out.sort_by_key(|x| std::cmp::Reverse(x.len()));
    out
}

/// The first piece of jargon in `t`: a key as written in a scenario (`snake_case`, `[sectie]`),
/// a command-line option or command, a file of the tool, or the machine value `tapas`.
fn jargon(t: &str) -> Option<String> {
    for w in t.split(|c: char| c.is_whitespace() || "(),;:\"'".contains(c)) {
        let w = w.trim_matches(|c: char| ".!?".contains(c));
        let snake = w.contains('_') && w.chars().all(|c| c.is_ascii_lowercase() || c == '_');
        let sectie = w.starts_with('[') && w.ends_with(']') && w.len() > 2;
        if snake
            || sectie
            || w.starts_with("--")
            || w == "tapas"
            || w.ends_with(".toml")
            || w.contains("README")
            || w.contains("SPEC")
        {
            return Some(w.to_string());
        }
    }
    [
        "patz-calc cost",
        "patz-calc export",
        "business-case",
        "--format",
        "ROUND",
    ]
    .iter()
    .find(|x| t.contains(*x))
    .map(|x| x.to_string())
}

#[test]
fn no_text_in_the_workbook_is_a_scenario_key_a_command_or_an_option() {
    let mut scenarios: Vec<String> = std::fs::read_dir(root().join("scenarios"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .map(|p| format!("scenarios/{}", p.file_name().unwrap().to_str().unwrap()))
        .collect();
    scenarios.sort();
    assert!(scenarios.len() >= 3, "{scenarios:?}");
    scenarios.push(LASTIG.to_string());
    let mut fouten = Vec::new();
    for scenario in &scenarios {
        let dir = tmp();
        let files = unzip(&std::fs::read(export(scenario, dir.path(), &[])).unwrap());
        let own = own_words(scenario);
        for t in workbook_texts(&files) {
            let mut rest = t.clone();
            for w in &own {
                rest = rest.replace(w.as_str(), " ");
            }
            if let Some(j) = jargon(&rest) {
                fouten.push(format!("{scenario}: {j:?} in {t:?}"));
            }
        }
    }
    assert!(fouten.is_empty(), "{}", fouten.join("\n"));
    // The check itself finds what it is meant to find.
    for bad in [
        "zet consulent in elders_gefinancierd",
        "zonder [impact]",
        "zie --format csv",
        "Regels (zoals patz-calc cost --format csv)",
        "financiering: tapas",
        "zie de README",
    ] {
        assert!(jargon(bad).is_some(), "{bad}");
    }
    for good in [
        "Telefonische ondersteuning consulent",
        "TAPA$",
        "Kosten — Regio (2026–2028)",
        "specialist ouderengeneeskunde",
    ] {
        assert_eq!(jargon(good), None, "{good}");
    }
}

#[test]
fn every_sheet_prints_on_a4_one_page_wide_within_its_print_area_with_charts_for_costs_and_coverage()
{
    let dir = tmp();
    let p = export(GROOT, dir.path(), &[]);
    let files = unzip(&std::fs::read(p).unwrap());
    let wb = text(&files["xl/workbook.xml"]);
    // A print area for each of the seven sheets, and the line items' header repeated on every page.
    for (i, name) in [
        "Invoer",
        "Kosten",
        "Financiering",
        "Zorgreductie",
        "Samenvatting",
        "Per verzekeraar",
        "Kostenregels",
    ]
    .iter()
    .enumerate()
    {
        // (A name with a space is quoted in a reference.)
        let blad = if name.contains(' ') {
            format!("'{name}'")
        } else {
            name.to_string()
        };
        assert!(
            wb.contains(&format!(
                "<definedName name=\"_xlnm.Print_Area\" localSheetId=\"{i}\">{blad}!$A$1:"
            )),
            "{name}: no print area\n{wb}"
        );
        let xml = text(&files[&format!("xl/worksheets/sheet{}.xml", i + 1)]);
        assert!(xml.contains("paperSize=\"9\""), "{name}: not A4");
        assert!(
            xml.contains("fitToHeight=\"0\""),
            "{name}: not one page wide"
        );
        assert!(
            xml.contains("<pageSetUpPr fitToPage=\"1\"/>"),
            "{name}: not fitted"
        );
        assert!(
            xml.contains("Pagina &amp;P van &amp;N"),
            "{name}: no page numbers"
        );
    }
    assert!(
        wb.contains(
            "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"6\">Kostenregels!$4:$4"
        ),
        "{wb}"
    );
    // Wide sheets print landscape, the three-year summary portrait.
    for (sheet, stand) in [
        ("sheet1", "landscape"),
        ("sheet7", "landscape"),
        ("sheet5", "portrait"),
        ("sheet6", "portrait"),
    ] {
        let xml = text(&files[&format!("xl/worksheets/{sheet}.xml")]);
        assert!(
            xml.contains(&format!("orientation=\"{stand}\"")),
            "{sheet}: {stand}"
        );
    }
    // Two native charts: the costs per year stacked by post (one series per post of Kosten),
    // and per insurer its share against the best offer's revenue.
    let kosten = text(&files["xl/charts/chart1.xml"]);
    assert!(kosten.contains("<c:grouping val=\"stacked\"/>"), "{kosten}");
    let posten = cli_json(GROOT, "cost", &[]).unwrap()["jaren"][0]["regels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["post"].as_str().unwrap().to_string())
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    assert_eq!(kosten.matches("<c:ser>").count(), posten);
    assert!(kosten.contains("Kosten!$C$4:$E$4"), "years as categories");
    let dekking = text(&files["xl/charts/chart2.xml"]);
    assert_eq!(dekking.matches("<c:ser>").count(), 2);
    assert!(
        dekking.contains("<c:f>Financiering!$A$"),
        "insurers as categories"
    );
    assert!(text(&files["xl/worksheets/_rels/sheet2.xml.rels"]).contains("drawing"));
    assert!(text(&files["xl/worksheets/_rels/sheet3.xml.rels"]).contains("drawing"));
    // A third chart on Per verzekeraar: per insurer the betaling against the avoided costs,
    // from the sheet's own table of the four insurers (rows 6–9, under the header in row 5).
    let eigen = text(&files["xl/charts/chart3.xml"]);
    assert_eq!(eigen.matches("<c:ser>").count(), 2, "{eigen}");
    assert!(
        eigen.contains("<c:f>'Per verzekeraar'!$A$6:$A$9</c:f>"),
        "insurers as categories\n{eigen}"
    );
    assert!(
        eigen.contains("<c:f>'Per verzekeraar'!$D$6:$D$9</c:f>"),
        "betaling"
    );
    assert!(
        eigen.contains("<c:f>'Per verzekeraar'!$E$6:$E$9</c:f>"),
        "vermeden kosten"
    );
    assert!(text(&files["xl/worksheets/_rels/sheet6.xml.rels"]).contains("drawing"));
}

#[test]
fn every_sheet_prints_readably_titles_unclipped_year_headers_repeated_blocks_whole() {
    let dir = tmp();
    let p = export(GROOT, dir.path(), &[]);
    let files = unzip(&std::fs::read(p).unwrap());
    let wb = text(&files["xl/workbook.xml"]);
    // The year header (row 4) repeats on every page of the year-wise sheets.
    for (i, blad) in [(1, "Kosten"), (3, "Zorgreductie"), (4, "Samenvatting")] {
        assert!(
            wb.contains(&format!(
                "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"{i}\">{blad}!$4:$4<"
            )),
            "{blad}\n{wb}"
        );
    }
    // Per verzekeraar: under its table of four insurers and the chart (19 rows) the year
    // header: row 5 + 4 insurers + 1 blank + 19 + 1 = row 30, 0-based, so row 31.
    assert!(
        wb.contains(
            "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"5\">'Per verzekeraar'!$31:$31<"
        ),
        "{wb}"
    );
    // Invoer is no wider than its widest table: the groups' three roles make the groups table
    // seven columns (A–G: groep, start, nieuw, three roles, patiënten), and the meetings table
    // too (groep and six fields); the fourteen fields used to stand in one table of sixteen.
    assert!(
        wb.contains("<definedName name=\"_xlnm.Print_Area\" localSheetId=\"0\">Invoer!$A$1:$G$"),
        "{wb}"
    );
    // Every title spans its sheet's print width and wraps there.
    for i in 1..=7 {
        let xml = text(&files[&format!("xl/worksheets/sheet{i}.xml")]);
        assert!(
            xml.contains("<mergeCell ref=\"A1:"),
            "sheet{i}: title not over the width"
        );
    }
    // Invoer breaks its pages between blocks: each break stands before a block's title.
    let invoer = text(&files["xl/worksheets/sheet1.xml"]);
    let strings: Vec<String> = text(&files["xl/sharedStrings.xml"])
        .split("<si>")
        .skip(1)
        .map(|si| {
            si.split("</si>")
                .next()
                .unwrap_or("")
                .split('<')
                .map(|part| part.split_once('>').map_or(part, |(_, after)| after))
                .collect()
        })
        .collect();
    let breaks: Vec<u32> = invoer
        .match_indices("<brk id=\"")
        .map(|(at, m)| {
            invoer[at + m.len()..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect::<String>()
                .parse()
                .unwrap()
        })
        .collect();
    assert!(!breaks.is_empty(), "no page breaks in Invoer");
    let blokken = [
        "Uurtarieven",
        "Ondersteuning",
        "Eigen kostenposten",
        "Elders gefinancierd",
        "Nagegaan: geen dubbele financiering",
        "Bijdragen uit andere bronnen",
        "Groepen",
        "Bijeenkomsten per groep",
        "Coördinatie en ondersteuning per groep",
        "Verzekeraars",
        "Aanbiedingen",
        "Impact",
    ];
    for b in breaks {
        // A break with id n stands before the row numbered n + 1.
        let cel = format!("<c r=\"A{}\"", b + 1);
        let at = invoer
            .find(&cel)
            .unwrap_or_else(|| panic!("no cell A{}", b + 1));
        let v = &invoer[at..];
        let index: usize = v[v.find("<v>").unwrap() + 3..v.find("</v>").unwrap()]
            .parse()
            .unwrap();
        assert!(
            blokken.contains(&strings[index].as_str()),
            "break before {:?}",
            strings[index]
        );
    }
}

// ---------------------------------------------------------------------------------------------
// The workbook, recalculated by LibreOffice
// ---------------------------------------------------------------------------------------------

type Sheets = BTreeMap<String, Vec<Vec<String>>>;

/// Converts every sheet of `xlsx` to CSV with LibreOffice: recalculating every formula on
/// loading (`recalc`), or showing the cached values.
fn libreoffice(soffice: &Path, xlsx: &Path, recalc: bool) -> Sheets {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("profiel");
    std::fs::create_dir_all(profile.join("user")).unwrap();
    // 0: always recalculate, 1: never (show the cached values).
    let mode = if recalc { 0 } else { 1 };
    std::fs::write(
        profile.join("user/registrymodifications.xcu"),
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<oor:items \
             xmlns:oor=\"http://openoffice.org/2001/registry\" \
             xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" \
             xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n\
             <item oor:path=\"/org.openoffice.Office.Calc/Formula/Load\"><prop \
             oor:name=\"OOXMLRecalcMode\" oor:op=\"fuse\"><value>{mode}</value></prop></item>\n\
             </oor:items>\n"
        ),
    )
    .unwrap();
    let input = dir.path().join("werkmap.xlsx");
    std::fs::copy(xlsx, &input).unwrap();
    let mut cmd = Command::new(soffice);
    cmd.arg("--headless")
        .arg("--norestore")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.to_str().unwrap()
        ))
        // Comma, double quote, UTF-8, from line 1, raw values (not as shown), every sheet.
        .arg("--convert-to")
        .arg("csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1")
        .arg("--outdir")
        .arg(dir.path())
        .arg(&input)
        .env("HOME", dir.path());
    let (ok, out, err) = run_tool(cmd, dir.path(), "soffice", Duration::from_secs(180));
    assert!(ok, "soffice failed:\n{out}\n{err}");
    let mut sheets = Sheets::new();
    for name in [
        "Invoer",
        "Kosten",
        "Financiering",
        "Zorgreductie",
        "Samenvatting",
        "Per verzekeraar",
        "Kostenregels",
    ] {
        let p = dir.path().join(format!("werkmap-{name}.csv"));
        let mut r = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_path(&p)
            .unwrap_or_else(|e| panic!("{}: {e}\n{out}\n{err}", p.display()));
        let rows = r
            .records()
            .map(|rec| rec.unwrap().iter().map(str::to_string).collect())
            .collect();
        sheets.insert(name.to_string(), rows);
    }
    sheets
}

fn row<'a>(sheet: &'a [Vec<String>], a: &str, b: Option<&str>) -> Option<&'a Vec<String>> {
    sheet.iter().find(|r| {
        r.first().is_some_and(|x| x == a) && b.is_none_or(|b| r.get(1).is_some_and(|x| x == b))
    })
}

fn cell(r: &[String], col: usize) -> &str {
    r.get(col).map_or("", String::as_str)
}

/// The exact expected counts (not rounded), from the library, for `sets`.
fn exact_impact(scenario: &str, sets: &[&str]) -> Option<patz_calc::calc::impact::ImpactResultaat> {
    let text = std::fs::read_to_string(root().join(scenario)).unwrap();
    let sets: Vec<patz_calc::scenario::Override> = sets
        .iter()
        .map(|s| patz_calc::scenario::Override::parse(s).unwrap())
        .collect();
    let s = patz_calc::scenario::parse_with(&text, &sets).unwrap();
    patz_calc::calc::evaluate(&s).unwrap().impact
}

/// The scenario as the library reads it, with `sets`.
fn scenario_model(scenario: &str, sets: &[&str]) -> patz_calc::scenario::Scenario {
    let text = std::fs::read_to_string(root().join(scenario)).unwrap();
    let sets: Vec<patz_calc::scenario::Override> = sets
        .iter()
        .map(|s| patz_calc::scenario::Override::parse(s).unwrap())
        .collect();
    patz_calc::scenario::parse_with(&text, &sets).unwrap()
}

struct Vergelijk {
    fouten: Vec<String>,
    getallen: usize,
}

impl Vergelijk {
    /// A spreadsheet amount against the CLI's, to the cent.
    fn bedrag(&mut self, waar: &str, lo: &str, cli: &Value) {
        self.getallen += 1;
        let want = json_dec(cli);
        let got = dec(lo).map(|x| round(round(x, 9), 2));
        if got != want.map(|w| round(w, 2)) {
            self.fouten
                .push(format!("{waar}: spreadsheet {lo:?}, CLI {cli}"));
        }
    }

    /// A ratio rounded to `dp` decimals, or empty against `null`.
    fn verhouding(&mut self, waar: &str, lo: &str, cli: &Value, dp: u32) {
        self.getallen += 1;
        let ok = match (dec(lo), json_dec(cli)) {
            (None, None) => lo.is_empty() && cli.is_null(),
            (Some(a), Some(b)) => round(round(a, 9), dp) == b,
            _ => false,
        };
        if !ok {
            self.fouten
                .push(format!("{waar}: spreadsheet {lo:?}, CLI {cli}"));
        }
    }

    /// An expected count against the exact value.
    fn aantal(&mut self, waar: &str, lo: &str, exact: Decimal) {
        self.getallen += 1;
        let ok = dec(lo).is_some_and(|x| (x - exact).abs() <= Decimal::new(1, 9));
        if !ok {
            self.fouten
                .push(format!("{waar}: spreadsheet {lo:?}, exact {exact}"));
        }
    }

    fn tekst(&mut self, waar: &str, lo: &str, cli: &str) {
        if lo != cli {
            self.fouten
                .push(format!("{waar}: spreadsheet {lo:?}, CLI {cli:?}"));
        }
    }
}

/// Holds every figure of the recalculated (or cached) workbook against the CLI with `sets`.
fn compare_workbook(sheets: &Sheets, scenario: &str, sets: &[&str]) -> Vergelijk {
    let mut v = Vergelijk {
        fouten: Vec::new(),
        getallen: 0,
    };
    let cost = cli_json(scenario, "cost", sets).expect("cost JSON");
    let offers = cli_json(scenario, "offers", sets).expect("offers JSON");
    let bc = cli_json(scenario, "business-case", sets);
    let impact = cli_json(scenario, "impact", sets);
    let jaren = cost["jaren"].as_array().unwrap();
    let n = jaren.len();
    let col = |yi: usize| 2 + yi;
    let model = scenario_model(scenario, sets);

    // Kostenregels: every line item, as `cost --format csv` lists them, in Dutch words.
    let kosten = &sheets["Kosten"];
    let lijst = &sheets["Kostenregels"];
    let kop = lijst
        .iter()
        .position(|r| cell(r, 0) == "Jaar" && cell(r, 1) == "Groep")
        .expect("line items header");
    let regels: Vec<&Value> = jaren
        .iter()
        .flat_map(|j| j["regels"].as_array().unwrap())
        .collect();
    for (k, r) in regels.iter().enumerate() {
        let Some(rij) = lijst.get(kop + 1 + k) else {
            v.fouten.push(format!("line {k} missing"));
            continue;
        };
        let waar = format!("Kostenregels line {}", k + 1);
        v.tekst(&waar, cell(rij, 0), &r["jaar"].to_string());
        v.tekst(&waar, cell(rij, 1), r["groep"].as_str().unwrap_or(""));
        let post =
            patz_calc::calc::cost::Post::parse_in(r["post"].as_str().unwrap(), &model).unwrap();
        v.tekst(&waar, cell(rij, 2), post.label_in(&model));
        v.tekst(
            &waar,
            cell(rij, 3),
            &r["rol"].as_str().unwrap_or("").replace('_', " "),
        );
        if !r["uren"].is_null() {
            v.verhouding(&format!("{waar} uren"), cell(rij, 4), &r["uren"], 2);
        }
        v.bedrag(&format!("{waar} bedrag"), cell(rij, 6), &r["bedrag"]);
        let financiering = match r["financiering"].as_str().unwrap() {
            "tapas" => "TAPA$",
            other => other,
        };
        v.tekst(&waar, cell(rij, 7), financiering);
    }
    if lijst
        .get(kop + 1 + regels.len())
        .is_some_and(|r| !cell(r, 0).is_empty())
    {
        v.fouten.push("more line items than the CLI".into());
    }
    // Kosten per post, the own posts too.
    let eigen = (0..model.kostenposten.len())
        .map(|i| patz_calc::calc::cost::Post::Kostenpost(u16::try_from(i).unwrap()));
    for post in patz_calc::calc::cost::Post::ALL.into_iter().chain(eigen) {
        let Some(rij) = row(kosten, post.label_in(&model), None) else {
            assert!(
                !matches!(post, patz_calc::calc::cost::Post::Kostenpost(_)),
                "{} not on Kosten",
                post.label_in(&model)
            );
            continue;
        };
        let mut totaal = Decimal::ZERO;
        for (yi, j) in jaren.iter().enumerate() {
            let sum: Decimal = j["regels"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|r| r["post"] == post.naam(&model))
                .map(|r| json_dec(&r["bedrag"]).unwrap())
                .sum();
            totaal += sum;
            v.bedrag(
                &format!("Kosten {} {yi}", post.naam(&model)),
                cell(rij, col(yi)),
                &Value::String(sum.to_string()),
            );
        }
        v.bedrag(
            &format!("Kosten {} totaal", post.naam(&model)),
            cell(rij, col(n)),
            &Value::String(totaal.to_string()),
        );
    }

    // Financiering: the four totals, and the contributions in a scenario with any.
    let fin = &sheets["Financiering"];
    let mut totalen = vec![
        ("Kosten totaal", "kosten_totaal"),
        ("Elders gefinancierd", "elders_gefinancierd"),
        ("Te financieren via TAPA$", "te_financieren"),
        (
            "Kostendekkend tarief per verzekerde",
            "kostendekkend_tarief",
        ),
    ];
    if model.bijdragen.is_empty() {
        assert!(row(fin, "Bijdragen uit andere bronnen", None).is_none());
    } else {
        totalen.push(("Bijdragen uit andere bronnen", "bijdragen"));
    }
    for (label, field) in totalen {
        let rij = row(fin, label, None).expect(label);
        for (yi, j) in jaren.iter().enumerate() {
            v.bedrag(&format!("{label} {yi}"), cell(rij, col(yi)), &j[field]);
        }
        v.bedrag(
            &format!("{label} totaal"),
            cell(rij, col(n)),
            &cost["totaal"][field],
        );
    }
    // Insurers.
    let totaal = &offers["totaal"];
    for x in totaal["verzekeraars"].as_array().unwrap() {
        let naam = x["verzekeraar"].as_str().unwrap();
        let rij = fin
            .iter()
            .find(|r| cell(r, 0) == naam && cell(r, 1) != "kostenaandeel")
            .expect("insurer row");
        v.verhouding(
            &format!("{naam} verzekerden"),
            cell(rij, 2),
            &x["verzekerden"],
            1,
        );
        v.bedrag(
            &format!("{naam} kostenaandeel"),
            cell(rij, 3),
            &x["kostenaandeel"],
        );
        v.verhouding(
            &format!("{naam} break-even"),
            cell(rij, 5),
            &x["break_even_tarief"],
            2,
        );
        v.tekst(
            &format!("{naam} beste aanbod"),
            cell(rij, 7),
            x["beste_aanbod"].as_str().unwrap_or("geen aanbod"),
        );
        v.bedrag(
            &format!("{naam} tekort"),
            cell(rij, 6),
            &x["tekort_als_enige"],
        );
        // What the best offer brings in over the horizon: its total opbrengst (0 without one).
        let opbrengst = x["beste_aanbod"].as_str().map_or(Value::from("0.00"), |b| {
            totaal["aanbiedingen"]
                .as_array()
                .unwrap()
                .iter()
                .find(|a| a["aanbod"] == b)
                .unwrap()["opbrengst"]
                .clone()
        });
        v.bedrag(&format!("{naam} opbrengst beste"), cell(rij, 4), &opbrengst);
        let rij = row(fin, naam, Some("kostenaandeel")).expect("kostenaandeel row");
        v.bedrag(
            &format!("{naam} kostenaandeel totaal"),
            cell(rij, col(n)),
            &x["kostenaandeel"],
        );
    }
    if let Some(rij) = row(fin, "Niet toegerekend aan een verzekeraar", None) {
        for (yi, j) in offers["jaren"].as_array().unwrap().iter().enumerate() {
            v.bedrag(
                &format!("niet toegerekend {yi}"),
                cell(rij, col(yi)),
                &j["niet_toegerekend"],
            );
        }
        v.bedrag(
            "niet toegerekend totaal",
            cell(rij, col(n)),
            &totaal["niet_toegerekend"],
        );
    }
    // Offers per year and in total.
    for t in totaal["aanbiedingen"].as_array().unwrap() {
        let label = t["aanbod"].as_str().unwrap();
        for (m, field) in [
            ("kostenaandeel", "kostenaandeel"),
            ("opbrengst", "opbrengst"),
            ("saldo", "saldo"),
            ("dekking (%)", "dekking_percentage"),
        ] {
            let rij = row(fin, label, Some(m)).expect("offer row");
            for (yi, j) in offers["jaren"].as_array().unwrap().iter().enumerate() {
                let found = j["aanbiedingen"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|x| x["aanbod"] == label);
                let waar = format!("{label} {m} {yi}");
                match found {
                    None => v.tekst(&waar, cell(rij, col(yi)), ""),
                    Some(x) if field == "dekking_percentage" => {
                        v.verhouding(&waar, cell(rij, col(yi)), &x[field], 1);
                    }
                    Some(x) => v.bedrag(&waar, cell(rij, col(yi)), &x[field]),
                }
            }
            let waar = format!("{label} {m} totaal");
            if field == "dekking_percentage" {
                v.verhouding(&waar, cell(rij, col(n)), &t[field], 1);
            } else {
                v.bedrag(&waar, cell(rij, col(n)), &t[field]);
            }
        }
    }

    // Zorgreductie and Samenvatting.
    let zorg = &sheets["Zorgreductie"];
    let sam = &sheets["Samenvatting"];
    for (label, field) in [
        ("Kosten totaal", "kosten_totaal"),
        ("Te financieren via TAPA$", "te_financieren"),
        (
            "Kostendekkend tarief per verzekerde",
            "kostendekkend_tarief",
        ),
    ] {
        let rij = row(sam, label, None).expect(label);
        for (yi, j) in jaren.iter().enumerate() {
            v.bedrag(
                &format!("Samenvatting {label} {yi}"),
                cell(rij, col(yi)),
                &j[field],
            );
        }
        v.bedrag(
            &format!("Samenvatting {label}"),
            cell(rij, col(n)),
            &cost["totaal"][field],
        );
    }
    per_verzekeraar(&mut v, &sheets["Per verzekeraar"], scenario, sets);
    let (Some(impact), Some(bc)) = (impact, bc) else {
        return v;
    };
    let exact = exact_impact(scenario, sets).expect("impact");
    let rij = row(zorg, "Patiënten van de actieve groepen P(jaar)", None).expect("patients");
    for (yi, j) in exact.jaren.iter().enumerate() {
        v.aantal(&format!("patiënten {yi}"), cell(rij, col(yi)), j.patienten);
    }
    v.aantal("patiënten totaal", cell(rij, col(n)), exact.patienten);
    for (k, id) in patz_calc::scenario::IndicatorId::ALL.iter().enumerate() {
        let naam = id.omschrijving();
        for (m, pick) in [("zonder PaTz", 0usize), ("vermeden", 1), ("met PaTz", 2)] {
            let rij = row(zorg, naam, Some(m)).expect("indicator row");
            let get = |x: &patz_calc::calc::impact::IndicatorJaar| match pick {
                0 => x.basis,
                1 => x.vermeden,
                _ => x.met_patz,
            };
            for (yi, j) in exact.jaren.iter().enumerate() {
                v.aantal(
                    &format!("{naam} {m} {yi}"),
                    cell(rij, col(yi)),
                    get(&j.indicatoren[k]),
                );
            }
            v.aantal(
                &format!("{naam} {m} totaal"),
                cell(rij, col(n)),
                get(&exact.totaal[k]),
            );
        }
        let rij = row(zorg, naam, Some("vermeden kosten")).expect("vermeden kosten");
        for (yi, j) in impact["jaren"].as_array().unwrap().iter().enumerate() {
            v.bedrag(
                &format!("{naam} vermeden kosten {yi}"),
                cell(rij, col(yi)),
                &j["indicatoren"][k]["vermeden_kosten"],
            );
        }
        v.bedrag(
            &format!("{naam} vermeden kosten totaal"),
            cell(rij, col(n)),
            &impact["totaal"]["indicatoren"][k]["vermeden_kosten"],
        );
    }
    let rij = row(zorg, "Vermeden kosten totaal", None).expect("vermeden kosten totaal");
    for (yi, j) in impact["jaren"].as_array().unwrap().iter().enumerate() {
        v.bedrag(
            &format!("vermeden kosten {yi}"),
            cell(rij, col(yi)),
            &j["vermeden_kosten"],
        );
    }
    v.bedrag(
        "vermeden kosten totaal",
        cell(rij, col(n)),
        &impact["totaal"]["vermeden_kosten"],
    );

    for (label, field, dp) in [
        ("Vermeden kosten", "vermeden_kosten", None),
        ("Netto (vermeden − te financieren)", "netto", None),
        ("ROI (%)", "roi_percentage", Some(1)),
    ] {
        let rij = row(sam, label, None).expect(label);
        let mut all: Vec<(String, &str, &Value)> = bc["jaren"]
            .as_array()
            .unwrap()
            .iter()
            .enumerate()
            .map(|(yi, j)| (format!("{label} {yi}"), cell(rij, col(yi)), &j[field]))
            .collect();
        all.push((
            format!("{label} totaal"),
            cell(rij, col(n)),
            &bc["totaal"][field],
        ));
        for (waar, lo, cli) in all {
            match dp {
                Some(dp) => v.verhouding(&waar, lo, cli, dp),
                None => v.bedrag(&waar, lo, cli),
            }
        }
    }
    let rij = row(sam, "Break-even factor", None).expect("break-even");
    v.verhouding(
        "break-even",
        cell(rij, col(n)),
        &bc["totaal"]["break_even_factor"],
        3,
    );
    let rij = row(sam, "Netto contante waarde", None).expect("NCW");
    v.bedrag(
        "netto contante waarde",
        cell(rij, col(n)),
        &bc["totaal"]["netto_contante_waarde"],
    );
    v
}

/// The sheet Per verzekeraar against `offers --per verzekeraar`: each insurer's kostenaandeel,
/// betaling, vermeden kosten, netto and ROI, and the region's te financieren, opbrengst, tekort
/// and dekking, per year and over the horizon.
fn per_verzekeraar(v: &mut Vergelijk, blad: &[Vec<String>], scenario: &str, sets: &[&str]) {
    let mut args: Vec<&str> = Vec::new();
    for s in sets {
        args.extend(["--set", s]);
    }
    args.extend([
        "offers",
        scenario,
        "--per",
        "verzekeraar",
        "--format",
        "json",
    ]);
    let out = run(&args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let offers: Value = serde_json::from_slice(&out.stdout).unwrap();
    let col = |yi: usize| 2 + yi;
    // (JSON field, row label, ratio with one decimal)
    type Rij<'a> = (&'a str, &'a str, bool);
    let verzekeraar_rijen: [Rij; 5] = [
        ("kostenaandeel", "Kostenaandeel", false),
        ("betaling", "Betaling (gekozen aanbod)", false),
        (
            "vermeden_kosten",
            "Vermeden kosten eigen verzekerden",
            false,
        ),
        ("netto", "Netto (vermeden − betaling)", false),
        ("roi_percentage", "ROI (%)", true),
    ];
    let regio_rijen: [Rij; 4] = [
        ("te_financieren", "Te financieren via TAPA$", false),
        ("opbrengst", "Opbrengst gekozen aanbiedingen", false),
        ("tekort", "Tekort (negatief: overschot)", false),
        ("dekking_percentage", "Dekking (%)", true),
    ];
    let mut blokken: Vec<(String, &Value, &[Rij])> = offers["verzekeraars"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| {
            let naam = x["naam"].as_str().unwrap().to_string();
            (naam, x, &verzekeraar_rijen[..])
        })
        .collect();
    if blokken.is_empty() {
        v.tekst(
            "Per verzekeraar without insurers",
            cell(&blad[5], 0),
            "Dit scenario noemt geen zorgverzekeraars.",
        );
    } else {
        blokken.push((
            "De regio: alle gekozen aanbiedingen".to_string(),
            &offers["regio"],
            &regio_rijen[..],
        ));
    }
    // The insurers over the horizon, on top: per insurer its kostenaandeel, betaling, and
    // (with avoided costs) vermeden kosten and netto over the horizon.
    if let Some(kop) = blad.iter().position(|r| cell(r, 0) == "Verzekeraar") {
        for (i, x) in offers["verzekeraars"]
            .as_array()
            .unwrap()
            .iter()
            .enumerate()
        {
            let rij = &blad[kop + 1 + i];
            let naam = x["naam"].as_str().unwrap();
            v.tekst(&format!("{naam} over de looptijd"), cell(rij, 0), naam);
            for (k, veld) in ["kostenaandeel", "betaling", "vermeden_kosten", "netto"]
                .iter()
                .enumerate()
            {
                if !x["totaal"][*veld].is_null() {
                    v.bedrag(
                        &format!("{naam} {veld} over de looptijd"),
                        cell(rij, 2 + k),
                        &x["totaal"][*veld],
                    );
                }
            }
        }
    } else if !offers["verzekeraars"].as_array().unwrap().is_empty() {
        v.fouten
            .push("Per verzekeraar: no table of the insurers over the horizon".into());
    }
    for (naam, x, rijen) in blokken {
        // The block of an insurer is the last row with its name (the first is in the table
        // over the horizon).
        let Some(kop) = blad.iter().rposition(|r| cell(r, 0) == naam) else {
            v.fouten.push(format!("Per verzekeraar: no block {naam}"));
            continue;
        };
        let jaren = x["jaren"].as_array().unwrap();
        for (k, (veld, label, verhouding)) in rijen.iter().enumerate() {
            let rij = &blad[kop + 1 + k];
            if *veld == "vermeden_kosten" && x["totaal"][*veld].is_null() {
                // Without [impact]: a note instead of avoided costs, netto and ROI.
                v.tekst(
                    &format!("{naam}: no avoided costs"),
                    cell(rij, 0),
                    "Vermeden kosten, netto en ROI: zonder verwachte zorgreductie niet berekend.",
                );
                break;
            }
            v.tekst(&format!("{naam}: row {k}"), cell(rij, 0), label);
            let mut cijfers: Vec<(String, &Value, usize)> = jaren
                .iter()
                .enumerate()
                .map(|(yi, j)| (format!("{naam} {veld} {yi}"), &j[*veld], col(yi)))
                .collect();
            cijfers.push((
                format!("{naam} {veld} totaal"),
                &x["totaal"][*veld],
                col(jaren.len()),
            ));
            for (waar, cli, c) in cijfers {
                if *verhouding {
                    v.verhouding(&waar, cell(rij, c), cli, 1);
                } else {
                    v.bedrag(&waar, cell(rij, c), cli);
                }
            }
        }
    }
}

fn assert_same(v: &Vergelijk, what: &str) {
    assert!(
        v.fouten.is_empty(),
        "{what}: {} differences:\n{}",
        v.fouten.len(),
        v.fouten.join("\n")
    );
    assert!(
        v.getallen > 100,
        "{what}: only {} figures compared",
        v.getallen
    );
}

#[test]
fn libreoffice_recalculates_the_workbook_to_the_cli_numbers_and_caches_them_too() {
    let Some(soffice) = tool(
        "LibreOffice",
        &["soffice", "libreoffice"],
        "libreoffice-calc-nogui",
    ) else {
        return;
    };
    for scenario in [
        GROOT,
        LASTIG,
        "scenarios/elders-gefinancierd.toml",
        "tests/fixtures/document/verzekerden-per-jaar.toml",
        "tests/fixtures/werkmap/contractgesprek.toml",
    ] {
        let dir = tmp();
        let xlsx = export(scenario, dir.path(), &[]);
        let recalculated = libreoffice(&soffice, &xlsx, true);
        assert_same(
            &compare_workbook(&recalculated, scenario, &[]),
            &format!("{scenario}, recalculated"),
        );
        let cached = libreoffice(&soffice, &xlsx, false);
        assert_same(
            &compare_workbook(&cached, scenario, &[]),
            &format!("{scenario}, cached values"),
        );
    }
}

/// Amounts near the documented bound (every produced amount at most € 10^12, that is below 2^53
/// cents, so exact as a double) and names of the longest allowed length, 200 characters.
const GROOT_EN_LANG: &str = "tests/fixtures/document/groot-en-lang.toml";

#[test]
fn a_total_near_the_bound_keeps_every_cent_in_the_workbook_and_long_names_stay_whole() {
    let dir = tmp();
    let p = export(GROOT_EN_LANG, dir.path(), &[]);
    let files = unzip(&std::fs::read(&p).unwrap());
    let cost = cli_json(GROOT_EN_LANG, "cost", &[]).expect("cost JSON");
    let totaal = cost["totaal"]["kosten_totaal"]
        .as_str()
        .unwrap()
        .to_string();
    let bedrag = dec(&totaal).unwrap();
    // Of the order of the bound, with cents that a float of fewer than 14 significant digits
    // would lose.
    assert!(bedrag > Decimal::from(500_000_000_000u64), "{totaal}");
    assert!(bedrag < Decimal::from(1_000_000_000_000u64), "{totaal}");
    assert!(!(bedrag * Decimal::from(10)).fract().is_zero(), "{totaal}");
    // The cached value of the horizon total, in Kosten and in Financiering: the CLI's text.
    for sheet in ["sheet2", "sheet3"] {
        let xml = text(&files[&format!("xl/worksheets/{sheet}.xml")]);
        assert!(
            xml.contains(&format!("<v>{totaal}</v>")),
            "{sheet}: {totaal}"
        );
    }
    // Every name and label of 200 characters is in the workbook whole.
    let strings = text(&files["xl/sharedStrings.xml"]);
    let file: toml::Table = std::fs::read_to_string(root().join(GROOT_EN_LANG))
        .unwrap()
        .parse()
        .unwrap();
    let mut names: Vec<String> = Vec::new();
    for (table, field) in [
        ("groep", "naam"),
        ("verzekeraar", "naam"),
        ("aanbod", "label"),
    ] {
        for t in file[table].as_array().unwrap() {
            names.push(t[field].as_str().unwrap().to_string());
        }
    }
    names.push(file["scenario"]["regio"].as_str().unwrap().to_string());
    assert_eq!(names.len(), 20);
    for n in &names {
        assert_eq!(n.chars().count(), 200, "{n}");
        let xml = n
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        assert!(strings.contains(&xml), "{n}");
    }
    // A spreadsheet reading the workbook (and recalculating it in doubles) gets the same cents.
    let Some(soffice) = tool(
        "LibreOffice",
        &["soffice", "libreoffice"],
        "libreoffice-calc-nogui",
    ) else {
        return;
    };
    for recalc in [true, false] {
        assert_same(
            &compare_workbook(&libreoffice(&soffice, &p, recalc), GROOT_EN_LANG, &[]),
            &format!("{GROOT_EN_LANG}, recalculated: {recalc}"),
        );
    }
}

/// Sets the rate of `rol` in the `Invoer` sheet of the workbook to `value`, as an analyst would.
fn change_rate(xlsx: &[u8], rol: &str, value: &str) -> Vec<u8> {
    let mut files = unzip(xlsx);
    let strings = text(&files["xl/sharedStrings.xml"]);
    let index = strings
        .split("<si>")
        .skip(1)
        .position(|si| {
            let t = si.split("</si>").next().unwrap_or("");
            let plain: String = t
                .split('<')
                .map(|part| part.split_once('>').map_or(part, |(_, after)| after))
                .collect();
            plain == rol
        })
        .expect("the role among the strings");
    let sheet = text(&files["xl/worksheets/sheet1.xml"]);
    // The first cell in column A holding the role is its row in the table of rates.
    let needle = format!(" t=\"s\"><v>{index}</v></c>");
    let at = sheet
        .match_indices(&needle)
        .map(|(p, _)| p)
        .find(|p| {
            sheet[..*p]
                .rfind("<c r=\"A")
                .is_some_and(|a| !sheet[a..*p].contains("</c>"))
        })
        .expect("the role's row");
    let start = sheet[..at].rfind("<c r=\"A").unwrap() + "<c r=\"A".len();
    let row: String = sheet[start..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let b = sheet
        .find(&format!("<c r=\"B{row}\""))
        .expect("the rate cell");
    let v_start = b + sheet[b..].find("<v>").unwrap() + 3;
    let v_end = v_start + sheet[v_start..].find("</v>").unwrap();
    let changed = format!("{}{value}{}", &sheet[..v_start], &sheet[v_end..]);
    files.insert("xl/worksheets/sheet1.xml".into(), changed.into_bytes());
    rezip(&files)
}

#[test]
fn libreoffice_follows_an_uurtarief_changed_in_the_invoer_sheet() {
    let Some(soffice) = tool(
        "LibreOffice",
        &["soffice", "libreoffice"],
        "libreoffice-calc-nogui",
    ) else {
        return;
    };
    for (scenario, rol, value) in [
        (GROOT, "huisarts", "130"),
        (LASTIG, "wijkverpleegkundige", "91.125"),
    ] {
        let dir = tmp();
        let xlsx = export(scenario, dir.path(), &[]);
        let copy = dir.path().join("kopie.xlsx");
        std::fs::write(
            &copy,
            change_rate(&std::fs::read(&xlsx).unwrap(), rol, value),
        )
        .unwrap();
        let sheets = libreoffice(&soffice, &copy, true);
        let set = format!("uurtarieven.{rol}={value}");
        let v = compare_workbook(&sheets, scenario, &[&set]);
        assert_same(&v, &format!("{scenario} with {set}"));
        // And the change mattered: the total differs from the unchanged scenario's.
        let before = cli_json(scenario, "cost", &[]).unwrap();
        let fin = &sheets["Financiering"];
        let rij = row(fin, "Kosten totaal", None).unwrap();
        let n = before["jaren"].as_array().unwrap().len();
        assert_ne!(
            dec(cell(rij, 2 + n)),
            json_dec(&before["totaal"]["kosten_totaal"])
        );
    }
}

// ---------------------------------------------------------------------------------------------
// The report, rendered by Chromium
// ---------------------------------------------------------------------------------------------

fn chromium(browser: &Path, dir: &Path, name: &str, args: &[String]) -> (bool, String, String) {
    let mut cmd = Command::new(browser);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
    ])
    .arg(format!(
        "--user-data-dir={}",
        dir.join(format!("profiel-{name}")).display()
    ))
    .args(args)
    .env("HOME", dir);
    run_tool(cmd, dir, name, Duration::from_secs(120))
}

#[test]
fn chromium_prints_the_report_to_a4_pages_and_a_picture() {
    let Some(browser) = tool(
        "Chromium",
        &["chromium", "chromium-browser", "google-chrome"],
        "chromium",
    ) else {
        return;
    };
    // grote-regio declares [[onzekerheid]], so it has the tornado as a fifth chart.
    for (scenario, charts) in [
        (GROOT, 6),
        ("scenarios/kleine-regio.toml", 2),
        (LASTIG, 5),
        (CONTRACT, 6),
    ] {
        let dir = tmp();
        let html = dir.path().join("businesscase.html");
        let out = run(&["report", scenario, "-o", html.to_str().unwrap()]);
        assert!(out.status.success());
        let url = format!("file://{}", html.display());

        let pdf = dir.path().join("businesscase.pdf");
        let (ok, o, e) = chromium(
            &browser,
            dir.path(),
            "pdf",
            &[
                "--no-pdf-header-footer".into(),
                format!("--print-to-pdf={}", pdf.display()),
                url.clone(),
            ],
        );
        assert!(ok, "{scenario}: chromium --print-to-pdf failed:\n{o}\n{e}");
        let bytes = std::fs::read(&pdf).expect("a PDF");
        assert!(bytes.starts_with(b"%PDF-"));
        let body = String::from_utf8_lossy(&bytes);
        let pages = body.matches("/Type /Page").count() - body.matches("/Type /Pages").count();
        assert!((3..=40).contains(&pages), "{scenario}: {pages} pages");
        let a4 = body.matches("/MediaBox [0 0 594.9").count();
        assert_eq!(a4, pages, "{scenario}: every page is A4");

        let png = dir.path().join("businesscase.png");
        let (ok, o, e) = chromium(
            &browser,
            dir.path(),
            "png",
            &[
                "--window-size=1000,1400".into(),
                format!("--screenshot={}", png.display()),
                url.clone(),
            ],
        );
        assert!(ok, "{scenario}: chromium --screenshot failed:\n{o}\n{e}");
        let bytes = std::fs::read(&png).expect("a PNG");
        assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"));
        assert!(bytes.len() > 10_000, "a picture with something on it");

        // The browser's own reading of the document: every chart and chapter is there.
        let (ok, dom, e) = chromium(&browser, dir.path(), "dom", &["--dump-dom".into(), url]);
        assert!(ok, "{scenario}: chromium --dump-dom failed:\n{e}");
        assert_eq!(
            dom.matches("role=\"img\"").count(),
            charts,
            "{scenario}: charts"
        );
        assert!(dom.matches("<h2>").count() >= 10, "{scenario}: chapters");
        assert!(dom.contains("</footer>"));
    }
}
