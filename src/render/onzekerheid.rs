//! Output of `sensitivity`, `solve` and `simulate`: tables with a Unicode tornado and
//! sparklines, CSV and JSON. Pure, no I/O.

use comfy_table::Cell;
use rust_decimal::Decimal;
use serde_json::{Value, json};

use super::csv::{Csv, text};
use super::json::{dec, finish, opt};
use super::table::{new_table, right};
use super::{Format, Options};
use crate::decimal::{dutch, euro, round_half_away};
use crate::onzekerheid::analyse::{Gevoeligheid, Grens, Onbereikt, Oplossing, Punt, Richting};
use crate::onzekerheid::simulatie::Simulatie;
use crate::scenario::{Grootheid, Scenario};

fn show(g: Grootheid, v: Decimal) -> String {
    super::summary::show(g, Some(v))
}

fn number(v: Decimal) -> String {
    let n = v.normalize();
    dutch(n, n.scale())
}

/// How every declared distribution was read (one line each).
pub fn verdelingen(s: &Scenario) -> String {
    let mut out = String::new();
    for o in &s.onzekerheden {
        out.push_str(&format!(
            "  {}: {}\n",
            o.parameter,
            crate::onzekerheid::verdeling::beschrijving(&o.verdeling)
        ));
    }
    out
}

/// A tornado bar: the part below the base to the left of `│`, the part above to the right.
fn bar(low: Decimal, high: Decimal, base: Decimal, scale: Decimal, half: usize) -> String {
    // Checked all the way: a distance too large to scale is a full half.
    let width = |d: Option<Decimal>| -> usize {
        if scale.is_zero() {
            return 0;
        }
        d.map(|d| d.max(Decimal::ZERO))
            .and_then(|d| d.checked_mul(Decimal::from(half as u64)))
            .and_then(|d| d.checked_div(scale))
            .and_then(|w| usize::try_from(w.round().mantissa()).ok())
            .unwrap_or(half)
            .min(half)
    };
    let (lo, hi) = (low.min(high), low.max(high));
    let left = width(base.checked_sub(lo));
    let right_w = width(hi.checked_sub(base));
    format!(
        "{}{}│{}{}",
        " ".repeat(half - left),
        "█".repeat(left),
        "█".repeat(right_w),
        " ".repeat(half - right_w)
    )
}

/// `sensitivity`.
pub fn gevoeligheid(s: &Scenario, g: &Gevoeligheid, opts: Options) -> Vec<u8> {
    match opts.format {
        Format::Table => gevoeligheid_tabel(s, g).into_bytes(),
        Format::Csv => gevoeligheid_csv(g, opts.csv_nl),
        Format::Json => gevoeligheid_json(s, g),
    }
}

fn gevoeligheid_tabel(s: &Scenario, g: &Gevoeligheid) -> String {
    let u = g.uitkomst;
    let mut out = format!(
        "Gevoeligheid van {} — {}\nBasis: {} = {}\n",
        u.as_str(),
        s.naam,
        u.as_str(),
        show(u, g.basis)
    );
    if g.verklaard {
        out.push_str("Lage en hoge waarden uit de verdelingen van [[onzekerheid]]:\n");
        out.push_str(&verdelingen(s));
    } else {
        out.push_str(
            "Geen [[onzekerheid]] gedeclareerd: elk tarief, percentage en aantal ±20 %.\n",
        );
    }
    out.push('\n');
    let scale = g
        .rijen
        .iter()
        .map(|r| {
            let d = |x: Decimal| x.checked_sub(g.basis).map_or(Decimal::MAX, |d| d.abs());
            d(r.uitkomst_laag).max(d(r.uitkomst_hoog))
        })
        .max()
        .unwrap_or_default();
    let mut t = new_table([
        "Parameter",
        "Laag",
        "Hoog",
        &format!("{} bij laag", u.as_str()),
        &format!("{} bij hoog", u.as_str()),
        "Verschil",
        "Tornado (← lager · hoger →)",
    ]);
    for r in &g.rijen {
        t.add_row(vec![
            Cell::new(&r.pad),
            right(number(r.laag)),
            right(number(r.hoog)),
            right(show(u, r.uitkomst_laag)),
            right(show(u, r.uitkomst_hoog)),
            right(show(u, r.swing)),
            Cell::new(bar(r.uitkomst_laag, r.uitkomst_hoog, g.basis, scale, 15)),
        ]);
    }
    out.push_str(&t.to_string());
    out.push_str("\nGesorteerd op verschil, grootste eerst.\n");
    out
}

fn gevoeligheid_csv(g: &Gevoeligheid, csv_nl: bool) -> Vec<u8> {
    let u = g.uitkomst;
    let mut csv = Csv::new(
        csv_nl,
        &[
            "parameter",
            "basiswaarde",
            "laag",
            "hoog",
            "bron",
            "uitkomst",
            "uitkomst_basis",
            "uitkomst_laag",
            "uitkomst_hoog",
            "verschil",
        ],
    );
    let dp = super::summary::decimals(u);
    for r in &g.rijen {
        let row = vec![
            text(&r.pad),
            r.basiswaarde.normalize().to_string(),
            r.laag.normalize().to_string(),
            r.hoog.normalize().to_string(),
            r.bron.clone(),
            u.as_str().to_string(),
            csv.num(g.basis, dp),
            csv.num(r.uitkomst_laag, dp),
            csv.num(r.uitkomst_hoog, dp),
            csv.num(r.swing, dp),
        ];
        let row = if csv_nl {
            row.into_iter()
                .enumerate()
                .map(|(i, c)| {
                    if (1..=3).contains(&i) {
                        c.replace('.', ",")
                    } else {
                        c
                    }
                })
                .collect()
        } else {
            row
        };
        csv.row(row);
    }
    csv.finish()
}

fn gevoeligheid_json(s: &Scenario, g: &Gevoeligheid) -> Vec<u8> {
    let u = g.uitkomst;
    let dp = super::summary::decimals(u);
    let rows: Vec<Value> = g
        .rijen
        .iter()
        .map(|r| {
            json!({
                "parameter": r.pad,
                "basiswaarde": r.basiswaarde.normalize().to_string(),
                "laag": r.laag.normalize().to_string(),
                "hoog": r.hoog.normalize().to_string(),
                "bron": r.bron,
                "uitkomst_laag": dec(r.uitkomst_laag, dp),
                "uitkomst_hoog": dec(r.uitkomst_hoog, dp),
                "verschil": dec(r.swing, dp),
            })
        })
        .collect();
    finish(&json!({
        "scenario": s.naam,
        "uitkomst": u.as_str(),
        "basis": dec(g.basis, dp),
        "verklaard": g.verklaard,
        "rijen": rows,
    }))
}

fn punt(p: &Punt, dp: u32) -> Value {
    json!({ "waarde": p.waarde.normalize().to_string(), "uitkomst": dec(p.uitkomst, dp) })
}

/// `solve`.
pub fn oplossing(s: &Scenario, o: &Oplossing, dp: u32, opts: Options) -> Vec<u8> {
    match opts.format {
        Format::Table => oplossing_tabel(s, o, dp).into_bytes(),
        Format::Csv => oplossing_csv(o, dp, opts.csv_nl),
        Format::Json => oplossing_json(s, o, dp),
    }
}

/// Why no value reaches the target, after "Geen waarde … haalt … = …".
fn onbereikt(o: &Oplossing, n: &Onbereikt, fig: &dyn Fn(Decimal) -> String) -> String {
    let (g, pad, v, f) = (
        &o.grootheid,
        &o.pad,
        number(n.punt.waarde),
        fig(n.punt.uitkomst),
    );
    match (n.grens, o.richting) {
        (Grens::Ondergrens, _) => {
            format!(": {g} daalt als {pad} stijgt en is bij de ondergrens ({pad} = {v}) al {f}")
        }
        (_, Richting::Vlak) => format!(
            ": {g} is bij {pad} = {} en bij {pad} = {v} gelijk, {f}",
            number(o.ondergrens)
        ),
        (Grens::Bovengrens, _) => {
            format!(": {g} stijgt met {pad}, maar is bij de bovengrens ({pad} = {v}) pas {f}")
        }
        (Grens::Zoekgrens, _) => format!(
            ": {g} stijgt met {pad}, maar is bij de hoogste onderzochte waarde ({pad} = {v}) \
             pas {f}"
        ),
        (Grens::Rekengrens, _) => format!(
            ": {g} stijgt met {pad}, maar is bij de hoogste waarde die nog te berekenen is \
             ({pad} = {v}; daarboven komt een bedrag boven € 1.000.000.000.000) pas {f}"
        ),
    }
}

fn oplossing_tabel(s: &Scenario, o: &Oplossing, dp: u32) -> String {
    let fig = |v: Decimal| dutch(round_half_away(v, dp), dp);
    let dalend = o.richting == Richting::Dalend;
    let mut out = format!(
        "Drempel — {}\nGezocht: de waarde van {} waarbij {} = {}\nNu: {} = {} geeft {} = {}\n\n",
        s.naam,
        o.pad,
        o.grootheid,
        fig(o.doel),
        o.pad,
        number(o.huidig.waarde),
        o.grootheid,
        fig(o.huidig.uitkomst)
    );
    match &o.kruising {
        None => {
            out.push_str(&format!(
                "Geen waarde van {} in het geldige bereik haalt {} = {}{}.\n",
                o.pad,
                o.grootheid,
                fig(o.doel),
                o.onbereikt
                    .as_ref()
                    .map_or(String::new(), |n| onbereikt(o, n, &fig))
            ));
            if let Some(p) = o.plafond {
                out.push_str(&format!(
                    "Dat komt door het plafond van het aanbod: de opbrengst is per jaar \
                     hoogstens {}, welk tarief per verzekerde er ook staat.\n",
                    euro(p)
                ));
            }
        }
        Some(k) => {
            match k.tot {
                Some(t) => {
                    let (van, tot) = if dalend {
                        (t.waarde, k.eerste.waarde)
                    } else {
                        (k.eerste.waarde, t.waarde)
                    };
                    out.push_str(&format!(
                        "{} = {} voor {} van {} tot en met {}.\n",
                        o.grootheid,
                        fig(o.doel),
                        o.pad,
                        number(van),
                        number(tot)
                    ))
                }
                None => out.push_str(&format!(
                    "{} {} = {} wordt het doel gehaald: {} = {}.\n",
                    if dalend { "Tot en met" } else { "Bij" },
                    o.pad,
                    number(k.eerste.waarde),
                    o.grootheid,
                    fig(k.eerste.uitkomst)
                )),
            }
            if let Some(v) = k.ervoor {
                out.push_str(&format!(
                    "Eén stap ({}) {}, bij {}: {} = {}.\n",
                    number(o.stap),
                    if dalend { "verder" } else { "eerder" },
                    number(v.waarde),
                    o.grootheid,
                    fig(v.uitkomst)
                ));
            }
        }
    }
    out.push_str(&lijn(o));
    out
}

/// The line on linearity (with the straight line's root), or how the value was found.
fn lijn(o: &Oplossing) -> String {
    match (o.lineair, &o.kruising) {
        (Some(l), Some(_)) => format!(
            "{} is lineair in {} (op de afronding per regel na); de rechte lijn raakt het doel bij {}.\n",
            o.grootheid,
            o.pad,
            number(round_half_away(l, 6))
        ),
        (Some(l), None) => {
            let waar = match o.onbereikt {
                _ if l < o.ondergrens => format!(", onder de ondergrens {}", number(o.ondergrens)),
                Some(n) if n.grens == Grens::Bovengrens && l > n.punt.waarde => {
                    format!(", boven de bovengrens {}", number(n.punt.waarde))
                }
                Some(n) if n.grens == Grens::Zoekgrens && l > n.punt.waarde => {
                    ", voorbij de hoogste onderzochte waarde".to_string()
                }
                Some(n) if n.grens == Grens::Rekengrens && l > n.punt.waarde => {
                    ", voorbij de hoogste waarde die nog te berekenen is".to_string()
                }
                _ => String::new(),
            };
            format!(
                "{} is lineair in {} (op de afronding per regel na); de rechte lijn raakt het doel pas bij {}{waar}.\n",
                o.grootheid,
                o.pad,
                number(round_half_away(l, 6))
            )
        }
        (None, Some(_)) => format!(
            "Gevonden door bisectie op stappen van {}.\n",
            number(o.stap)
        ),
        (None, None) => String::new(),
    }
}

fn oplossing_csv(o: &Oplossing, dp: u32, csv_nl: bool) -> Vec<u8> {
    let mut csv = Csv::new(
        csv_nl,
        &[
            "parameter",
            "grootheid",
            "doel",
            "waarde",
            "uitkomst",
            "waarde_ervoor",
            "uitkomst_ervoor",
            "waarde_tot",
            "lineair",
        ],
    );
    let nl = |s: String| if csv_nl { s.replace('.', ",") } else { s };
    let k = o.kruising.as_ref();
    csv.row(vec![
        text(&o.pad),
        text(&o.grootheid),
        csv.num(o.doel, dp),
        k.map(|k| nl(k.eerste.waarde.normalize().to_string()))
            .unwrap_or_default(),
        csv.opt(k.map(|k| k.eerste.uitkomst), dp),
        k.and_then(|k| k.ervoor)
            .map(|p| nl(p.waarde.normalize().to_string()))
            .unwrap_or_default(),
        csv.opt(k.and_then(|k| k.ervoor).map(|p| p.uitkomst), dp),
        k.and_then(|k| k.tot)
            .map(|p| nl(p.waarde.normalize().to_string()))
            .unwrap_or_default(),
        o.lineair
            .map(|l| nl(round_half_away(l, 6).normalize().to_string()))
            .unwrap_or_default(),
    ]);
    csv.finish()
}

fn oplossing_json(s: &Scenario, o: &Oplossing, dp: u32) -> Vec<u8> {
    let k = o.kruising.as_ref();
    let mut v = json!({
        "scenario": s.naam,
        "parameter": o.pad,
        "grootheid": o.grootheid,
        "doel": dec(o.doel, dp),
        "huidig": punt(&o.huidig, dp),
        "stap": o.stap.normalize().to_string(),
        "gevonden": k.is_some(),
        "kruising": k.map(|k| json!({
            "eerste": punt(&k.eerste, dp),
            "ervoor": k.ervoor.map(|p| punt(&p, dp)),
            "tot": k.tot.map(|p| punt(&p, dp)),
        })),
    });
    if let (Some(n), Some(m)) = (o.onbereikt, v.as_object_mut()) {
        let richting = match o.richting {
            Richting::Stijgend => "stijgend",
            Richting::Dalend => "dalend",
            Richting::Vlak => "vlak",
        };
        let grens = match n.grens {
            Grens::Ondergrens => "ondergrens",
            Grens::Bovengrens => "bovengrens",
            Grens::Zoekgrens => "zoekgrens",
            Grens::Rekengrens => "rekengrens",
        };
        m.insert(
            "reden".into(),
            json!({
                "richting": richting,
                "grens": grens,
                "waarde": n.punt.waarde.normalize().to_string(),
                "uitkomst": dec(n.punt.uitkomst, dp),
            }),
        );
        if let (Some(p), Some(reden)) =
            (o.plafond, m.get_mut("reden").and_then(Value::as_object_mut))
        {
            reden.insert("plafond".into(), dec(p, 2));
        }
    }
    if let Some(m) = v.as_object_mut() {
        m.insert(
            "lineair".into(),
            json!(
                o.lineair
                    .map(|l| round_half_away(l, 6).normalize().to_string())
            ),
        );
    }
    finish(&v)
}

/// A sparkline of histogram counts.
fn sparkline(counts: &[u64]) -> String {
    const LEVELS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let max = counts.iter().copied().max().unwrap_or(0);
    counts
        .iter()
        .map(|&c| {
            if max == 0 || c == 0 {
                ' '
            } else {
                LEVELS[((c * 7).div_ceil(max)) as usize]
            }
        })
        .collect()
}

/// `simulate`.
pub fn simulatie(s: &Scenario, r: &Simulatie, opts: Options) -> Vec<u8> {
    match opts.format {
        Format::Table => simulatie_tabel(s, r).into_bytes(),
        Format::Csv => simulatie_csv(r, opts.csv_nl),
        Format::Json => simulatie_json(r),
    }
}

fn simulatie_tabel(s: &Scenario, r: &Simulatie) -> String {
    let kans = r.kans_netto_positief.map(|k| round_half_away(k, 4));
    let mut out = format!(
        "Simulatie — {}\n{} trekkingen, seed {}. Verdelingen:\n",
        s.naam,
        dutch(Decimal::from(r.iteraties), 0),
        r.seed
    );
    out.push_str(&verdelingen(s));
    out.push('\n');
    let mut t = new_table([
        "Uitkomst (looptijd)",
        "Zonder onzekerheid",
        "Gemiddelde",
        "SD",
        "P5",
        "P50",
        "P95",
        "Verdeling (min → max)",
    ]);
    for f in &r.figuren {
        let g = f.grootheid;
        let base = crate::onzekerheid::simulatie::FIGUREN
            .iter()
            .position(|x| *x == g)
            .and_then(|i| r.deterministisch[i]);
        t.add_row(vec![
            Cell::new(g.label()),
            right(base.map_or("—".into(), |b| show(g, b))),
            right(show(g, f.gemiddelde)),
            right(show(g, f.sd)),
            right(show(g, f.p5)),
            right(show(g, f.p50)),
            right(show(g, f.p95)),
            Cell::new(format!(
                "{} {} {}",
                euro(f.min),
                sparkline(&f.histogram),
                euro(f.max)
            )),
        ]);
    }
    out.push_str(&t.to_string());
    out.push('\n');
    if let Some(k) = kans {
        out.push_str(&format!(
            "Kans dat netto ≥ 0: {} %\n",
            dutch(k * Decimal::ONE_HUNDRED, 2)
        ));
    }
    out.push_str(
        "Percentielen volgens de rangmethode (de ⌈p·n⌉-de kleinste trekking); dezelfde \
         seed geeft altijd dezelfde uitkomst.\n",
    );
    out
}

fn simulatie_csv(r: &Simulatie, csv_nl: bool) -> Vec<u8> {
    let mut csv = Csv::new(
        csv_nl,
        &[
            "grootheid",
            "gemiddelde",
            "sd",
            "p5",
            "p50",
            "p95",
            "min",
            "max",
        ],
    );
    for f in &r.figuren {
        csv.row(vec![
            f.grootheid.as_str().to_string(),
            csv.num(f.gemiddelde, 2),
            csv.num(f.sd, 2),
            csv.num(f.p5, 2),
            csv.num(f.p50, 2),
            csv.num(f.p95, 2),
            csv.num(f.min, 2),
            csv.num(f.max, 2),
        ]);
    }
    csv.finish()
}

fn simulatie_json(r: &Simulatie) -> Vec<u8> {
    let kans = r.kans_netto_positief.map(|k| round_half_away(k, 4));
    let mut m = serde_json::Map::new();
    for f in &r.figuren {
        m.insert(
            f.grootheid.as_str().to_string(),
            json!({
                "gemiddelde": dec(f.gemiddelde, 2),
                "sd": dec(f.sd, 2),
                "p5": dec(f.p5, 2),
                "p50": dec(f.p50, 2),
                "p95": dec(f.p95, 2),
                "min": dec(f.min, 2),
                "max": dec(f.max, 2),
                "histogram": f.histogram,
            }),
        );
    }
    m.insert("kans_netto_positief".into(), opt(kans, 4));
    m.insert("iteraties".into(), json!(r.iteraties));
    m.insert("seed".into(), json!(r.seed));
    m.insert(
        "verdelingen".into(),
        Value::Array(
            r.parameters
                .iter()
                .map(|(p, d)| json!({ "parameter": p, "verdeling": d }))
                .collect(),
        ),
    );
    finish(&Value::Object(m))
}
