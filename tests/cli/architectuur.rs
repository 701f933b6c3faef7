//! The layout of `src/` as the contributors' section of the README describes it: no import
//! cycle between modules. Reads the source files as text; no build of its own.
//!
//! A module's dependencies are the paths it names (`use crate::…`, `use super::…`,
//! `patz_calc::…`, and the same paths written inline), outside comments and its test module. An
//! edge from `a::x::…` to `a::y::…` counts as an edge between the siblings `a::x` and `a::y`;
//! a module that names its own parent or child is no edge (a parent lists its children, a child
//! reads its parent's types). Among the siblings of every level the edges must form no cycle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// A module path: `["calc", "cost"]` for `src/calc/cost.rs` or `src/calc/cost/mod.rs`.
type Module = Vec<String>;

/// Every `.rs` file under `dir` with its module path; `lib.rs` and `main.rs` are the root (the
/// binary's modules `app` and `commands` and the library's have distinct names).
fn modules(dir: &Path, prefix: &[String], out: &mut BTreeMap<Module, String>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        let name = p.file_stem().unwrap().to_string_lossy().to_string();
        if p.is_dir() {
            let mut m = prefix.to_vec();
            m.push(name);
            modules(&p, &m, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            let mut m = prefix.to_vec();
            if !matches!(name.as_str(), "mod" | "lib" | "main") {
                m.push(name);
            }
            out.insert(m, std::fs::read_to_string(&p).unwrap());
        }
    }
}

/// The source without comments and without the test module at its end.
fn code(source: &str) -> String {
    let mut out = String::new();
    for line in source.lines() {
        if line.starts_with("#[cfg(test)]") {
            break;
        }
        let line = match line.find("//") {
            Some(i) => &line[..i],
            None => line,
        };
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// Expands a `use` tree (`crate::{a::b, c::{d, e}}`) into its paths.
fn expand(tree: &str, prefix: &str, out: &mut Vec<String>) {
    let tree = tree.trim();
    let (Some(open), Some(close)) = (tree.find('{'), tree.rfind('}')) else {
        let leaf = tree.split(" as ").next().unwrap_or(tree);
        out.push(format!("{prefix}{leaf}"));
        return;
    };
    let head = tree[..open].trim();
    let body = &tree[open + 1..close.max(open + 1)];
    let mut depth = 0;
    let mut start = 0;
    for (i, c) in body.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                expand(&body[start..i], &format!("{prefix}{head}"), out);
                start = i + 1;
            }
            _ => {}
        }
    }
    expand(&body[start..], &format!("{prefix}{head}"), out);
}

/// The paths a module's code names, each as written (`super::cost::Kosten`).
fn named_paths(code: &str) -> Vec<String> {
    let mut paths = Vec::new();
    let mut rest = code;
    // `use` statements, with their trees.
    while let Some(i) = rest.find("use ") {
        let before = rest[..i].chars().last();
        rest = &rest[i + 4..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let Some(end) = rest.find(';') else { break };
        let tree = rest[..end].split_whitespace().collect::<Vec<_>>().join(" ");
        expand(&tree, "", &mut paths);
    }
    // Paths written inline.
    let bytes = code.as_bytes();
    for root in ["crate::", "super::", "self::", "patz_calc::"] {
        let mut from = 0;
        while let Some(i) = code[from..].find(root) {
            let at = from + i;
            from = at + root.len();
            if at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_') {
                continue;
            }
            let len = code[at..]
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .unwrap_or(code.len() - at);
            paths.push(code[at..at + len].to_string());
        }
    }
    paths
}

/// The module a path names from module `m`: the longest prefix that is a module.
fn resolve(m: &Module, path: &str, known: &BTreeMap<Module, String>) -> Option<Module> {
    let mut segs: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
    let mut target: Module = match segs.first().copied() {
        Some("crate") | Some("patz_calc") => {
            segs.remove(0);
            Vec::new()
        }
        Some("super") => {
            let mut t = m.clone();
            while segs.first() == Some(&"super") {
                segs.remove(0);
                t.pop();
            }
            t
        }
        Some("self") => {
            segs.remove(0);
            m.clone()
        }
        _ => return None,
    };
    let mut best = known.contains_key(&target).then(|| target.clone());
    for s in segs {
        target.push(s.to_string());
        if known.contains_key(&target) {
            best = Some(target.clone());
        }
    }
    best
}

/// The edges between siblings: (parent, from child, to child) → an example (module, path).
fn sibling_edges(known: &BTreeMap<Module, String>) -> BTreeMap<(Module, String, String), String> {
    let mut edges = BTreeMap::new();
    for (m, source) in known {
        for path in named_paths(&code(source)) {
            let Some(t) = resolve(m, &path, known) else {
                continue;
            };
            let common = m.iter().zip(&t).take_while(|(a, b)| a == b).count();
            // One is the other's ancestor (or the same module): no edge.
            if common == m.len() || common == t.len() {
                continue;
            }
            let key = (m[..common].to_vec(), m[common].clone(), t[common].clone());
            edges
                .entry(key)
                .or_insert_with(|| format!("{} names {path}", m.join("::")));
        }
    }
    edges
}

/// The modules `from` reaches along `edges`.
fn reach(from: &str, edges: &BTreeMap<String, BTreeSet<String>>) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut todo = vec![from.to_string()];
    while let Some(n) = todo.pop() {
        for next in edges.get(&n).into_iter().flatten() {
            if seen.insert(next.clone()) {
                todo.push(next.clone());
            }
        }
    }
    seen
}

/// Every group of siblings that import one another in a circle (a strongly connected set of
/// two or more), as `"parent: a b c"` (the root is `crate`), with the edges among them.
fn import_cycles(src: &Path) -> BTreeMap<String, Vec<String>> {
    let mut known = BTreeMap::new();
    modules(src, &[], &mut known);
    let edges = sibling_edges(&known);
    let mut per_parent: BTreeMap<Module, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
    for (parent, a, b) in edges.keys() {
        per_parent
            .entry(parent.clone())
            .or_default()
            .entry(a.clone())
            .or_default()
            .insert(b.clone());
    }
    let mut out = BTreeMap::new();
    for (parent, graph) in &per_parent {
        let mut done = BTreeSet::new();
        for n in graph.keys() {
            if done.contains(n) {
                continue;
            }
            let from_n = reach(n, graph);
            let group: BTreeSet<String> = from_n
                .iter()
                .filter(|m| reach(m, graph).contains(n))
                .cloned()
                .collect();
            if group.is_empty() {
                continue;
            }
            done.extend(group.iter().cloned());
            let steps = edges
                .iter()
                .filter(|((p, a, b), _)| p == parent && group.contains(a) && group.contains(b))
                .map(|(_, example)| example.clone())
                .collect();
            let name = if parent.is_empty() {
                "crate".to_string()
            } else {
                parent.join("::")
            };
            let members: Vec<&str> = group.iter().map(String::as_str).collect();
            out.insert(format!("{name}: {}", members.join(" ")), steps);
        }
    }
    out
}

#[test]
fn no_module_of_src_imports_a_module_that_imports_it_back() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let found: Vec<String> = import_cycles(&src)
        .iter()
        .map(|(k, steps)| format!("{k} ({})", steps.join("; ")))
        .collect();
    assert!(
        found.is_empty(),
        "import cycles in src/:\n{}",
        found.join("\n")
    );
}

/// The check itself finds a cycle, through `use` trees, inline paths and `super`, and does not
/// count a child naming its parent.
#[test]
fn the_cycle_check_finds_a_planted_cycle_and_no_false_one() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path();
    std::fs::create_dir_all(src.join("calc/cost")).unwrap();
    std::fs::write(src.join("lib.rs"), "pub mod calc;\n").unwrap();
    std::fs::write(
        src.join("calc/mod.rs"),
        "pub mod cost;\npub mod financiering;\n",
    )
    .unwrap();
    // cost's child names financiering through a use tree; financiering names cost inline.
    std::fs::write(
        src.join("calc/cost/mod.rs"),
        "mod snel;\npub struct Post;\n",
    )
    .unwrap();
    std::fs::write(
        src.join("calc/cost/snel.rs"),
        "use crate::{calc::{financiering::Verdeling}, x};\nuse super::Post; // a child names its parent\n",
    )
    .unwrap();
    std::fs::write(
        src.join("calc/financiering.rs"),
        "// crate::calc::cost in a comment is no edge\npub struct Verdeling;\nfn f() { let _ = super::cost::Post; }\n#[cfg(test)]\nmod tests { use crate::calc::cost; }\n",
    )
    .unwrap();
    let found = import_cycles(src);
    let keys: Vec<&String> = found.keys().collect();
    assert_eq!(keys, ["calc: cost financiering"], "{found:?}");
    assert_eq!(
        found["calc: cost financiering"],
        [
            "calc::cost::snel names crate::calc::financiering::Verdeling",
            "calc::financiering names super::cost::Post"
        ]
    );
    // Without financiering's inline path there is no cycle (the comment and the test module
    // do not count).
    std::fs::write(
        src.join("calc/financiering.rs"),
        "// crate::calc::cost in a comment is no edge\npub struct Verdeling;\n#[cfg(test)]\nmod tests { use crate::calc::cost; }\n",
    )
    .unwrap();
    assert!(import_cycles(src).is_empty());
}
