//! Registrations kept by the groups after contracting: held meetings and observed indicators,
//! read from CSV with file:line:column diagnostics. Pure, no I/O.
//!
//! Both files are UTF-8 CSV with a header row; the separator (`,` or `;`) is taken from the
//! header line. In a `;`-file a number may have a decimal comma. Every problem in a file is
//! reported at once, sorted by position; a file with any problem gives no registrations.
//! Positions are the line of the record and the character column where the cell starts.

use std::collections::HashMap;
use std::fmt;

use rust_decimal::Decimal;

use crate::decimal::{NumberError, parse_exact};
use crate::scenario::{Diagnostic, IndicatorId, Pos, Posities, Scenario, Severity};

/// The fixed columns of the meetings file, in their documented order.
pub const BIJEENKOMST_KOLOMMEN: [&str; 4] = ["groep", "datum", "duur_uren", "besproken_patienten"];

/// The columns of the indicators file, in their documented order.
pub const INDICATOR_KOLOMMEN: [&str; 4] = ["jaar", "indicator", "overleden_patienten", "gevallen"];

/// The longest meeting that is accepted, in hours.
pub const MAX_DUUR_UREN: u32 = 24;

/// A calendar day, written `JJJJ-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Datum {
    /// Year.
    pub jaar: i32,
    /// Month, 1..=12.
    pub maand: u32,
    /// Day of the month, from 1.
    pub dag: u32,
}

impl Datum {
    /// Reads an ISO date `JJJJ-MM-DD` that exists in the calendar. On failure: the Dutch message
    /// and, where obvious, a hint.
    pub fn parse(text: &str) -> Result<Datum, (String, Option<String>)> {
        let parts: Vec<&str> = text.split(['-', '/', '.']).collect();
        let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
        let iso = text.len() == 10
            && parts.len() == 3
            && text.as_bytes().get(4) == Some(&b'-')
            && text.as_bytes().get(7) == Some(&b'-')
            && parts.iter().all(|p| digits(p))
            && parts[0].len() == 4;
        if !iso {
            // A Dutch date (12-03-2026, 12/3/2026) is the likely mistake: say how to write it.
            let hint = match parts.as_slice() {
                [d, m, y]
                    if digits(d) && digits(m) && digits(y) && y.len() == 4 && d.len() <= 2 =>
                {
                    Some(format!(
                        "schrijf de datum als JJJJ-MM-DD, bijv. {y}-{m:0>2}-{d:0>2}"
                    ))
                }
                _ => Some("schrijf de datum als JJJJ-MM-DD, bijv. 2026-03-12".to_string()),
            };
            return Err((
                format!("'{text}' is geen datum in de vorm JJJJ-MM-DD"),
                hint,
            ));
        }
        let num = |s: &str| s.parse::<u32>().unwrap_or(0);
        let jaar = i32::try_from(num(parts[0])).unwrap_or(0);
        let (maand, dag) = (num(parts[1]), num(parts[2]));
        if !(1..=12).contains(&maand) || dag == 0 || dag > dagen_in_maand(jaar, maand) {
            return Err((format!("'{text}' bestaat niet in de kalender"), None));
        }
        Ok(Datum { jaar, maand, dag })
    }

    /// The quarter of the year, 1..=4.
    pub fn kwartaal(self) -> u32 {
        (self.maand.clamp(1, 12) - 1) / 3 + 1
    }
}

impl fmt::Display for Datum {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.jaar, self.maand, self.dag)
    }
}

fn dagen_in_maand(jaar: i32, maand: u32) -> u32 {
    match maand {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if jaar % 4 == 0 && (jaar % 100 != 0 || jaar % 400 == 0) => 29,
        2 => 28,
        _ => 0,
    }
}

/// One held meeting of a group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bijeenkomst {
    /// Index into [`Scenario::groepen`].
    pub groep: usize,
    /// The day it was held (inside the horizon, not before the group's start year).
    pub datum: Datum,
    /// Its length in hours (> 0, at most [`MAX_DUUR_UREN`]).
    pub duur_uren: Decimal,
    /// Patients discussed.
    pub besproken_patienten: u32,
    /// Number present per role, in the order of [`Scenario::uurtarieven`] (0 for a role without
    /// a column).
    pub aanwezig: Vec<u32>,
    /// The line of the record in the file.
    pub regel: usize,
}

impl Bijeenkomst {
    /// Number present of `rol` (0 when the scenario has no such role).
    pub fn aanwezig(&self, s: &Scenario, rol: &str) -> u32 {
        s.uurtarieven
            .iter()
            .position(|u| &*u.rol == rol)
            .and_then(|i| self.aanwezig.get(i))
            .copied()
            .unwrap_or(0)
    }
}

/// One observed indicator in one year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Waarneming {
    /// Year (inside the horizon).
    pub jaar: i32,
    /// Which indicator.
    pub indicator: IndicatorId,
    /// Deceased patients observed (> 0); for `chemotherapie` all deceased patients, not only
    /// those with cancer.
    pub overleden_patienten: u32,
    /// Of those, the patients with this indicator (at most `overleden_patienten`).
    pub gevallen: u32,
    /// The line of the record in the file.
    pub regel: usize,
}

/// Reads the held meetings for scenario `s`: `groep,datum,duur_uren,besproken_patienten` and
/// one column per role of `[uurtarieven]`. A role that has participants in some group must
/// have a column; a role without participants anywhere may be left out (it counts as 0).
pub fn read_bijeenkomsten(text: &str, s: &Scenario) -> Result<Vec<Bijeenkomst>, Vec<Diagnostic>> {
    let mut cx = Cx::default();
    let Some(table) = Table::read(text, "bijeenkomsten", &mut cx) else {
        return Err(cx.finish());
    };
    let rollen: Vec<&str> = s.uurtarieven.iter().map(|u| &*u.rol).collect();
    let mut allowed: Vec<&str> = BIJEENKOMST_KOLOMMEN.to_vec();
    allowed.extend(&rollen);
    let cols = table.columns(&allowed, &mut cx);
    for name in BIJEENKOMST_KOLOMMEN {
        table.require(&cols, name, None, &mut cx);
    }
    for rol in &rollen {
        if s.groepen.iter().any(|g| g.aantal(rol) > 0) {
            let hint = format!(
                "voeg een kolom '{rol}' toe met het aantal aanwezigen per bijeenkomst (0 als er \
                 niemand was): de groepen in het scenario hebben deelnemers met deze rol"
            );
            table.require(&cols, rol, Some(hint), &mut cx);
        }
    }

    let mut out = Vec::with_capacity(table.rows.len());
    let mut seen: HashMap<(usize, Datum), usize> = HashMap::new();
    for row in &table.rows {
        let path = |col: &str| format!("bijeenkomsten[{}].{col}", row.index);
        let errors_before = cx.errors.len();
        let groep = cols.get("groep").and_then(|&c| {
            let (cell, at) = row.cell(c);
            let found = s.groepen.iter().position(|g| g.naam == cell);
            if found.is_none() {
                let names = s.groepen.iter().map(|g| g.naam.as_str());
                let hint = if cell.is_empty() {
                    None
                } else {
                    nearest(cell, names).map(|n| format!("bedoelde je '{n}'?"))
                };
                let message = if cell.is_empty() {
                    "leeg; vul de naam van de groep in zoals in het scenario".to_string()
                } else {
                    format!("groep '{cell}' staat niet in het scenario")
                };
                cx.error(table.pos(at), path("groep"), message, hint);
            }
            found
        });
        let datum = cols.get("datum").and_then(|&c| {
            let (cell, at) = row.cell(c);
            let p = path("datum");
            match Datum::parse(cell) {
                Err((message, hint)) => {
                    cx.error(table.pos(at), p, message, hint);
                    None
                }
                Ok(d) if d.jaar < s.startjaar || d.jaar > s.eindjaar() => {
                    cx.error(
                        table.pos(at),
                        p,
                        format!("{d} valt buiten de looptijd {}", looptijd(s)),
                        None,
                    );
                    None
                }
                Ok(d) => match groep.and_then(|gi| s.groepen.get(gi)) {
                    Some(g) if d.jaar < g.start => {
                        cx.error(
                            table.pos(at),
                            p,
                            format!(
                                "{d} ligt vóór het startjaar {} van groep '{}'",
                                g.start, g.naam
                            ),
                            None,
                        );
                        None
                    }
                    _ => Some(d),
                },
            }
        });
        let duur_uren = cols.get("duur_uren").and_then(|&c| {
            let (cell, at) = row.cell(c);
            let p = path("duur_uren");
            match number(cell, table.semicolon) {
                Err((message, hint)) => {
                    cx.error(table.pos(at), p, message, hint);
                    None
                }
                Ok(x) if x <= Decimal::ZERO => {
                    cx.error(
                        table.pos(at),
                        p,
                        format!("{cell}: de duur moet groter dan 0 zijn"),
                        None,
                    );
                    None
                }
                Ok(x) if x > Decimal::from(MAX_DUUR_UREN) => {
                    cx.error(
                        table.pos(at),
                        p,
                        format!("{cell} uur: een bijeenkomst duurt hoogstens {MAX_DUUR_UREN} uur"),
                        Some("de duur staat in uren, bijv. 1.5 voor anderhalf uur".into()),
                    );
                    None
                }
                Ok(x) => Some(x),
            }
        });
        let besproken = cols.get("besproken_patienten").and_then(|&c| {
            let (cell, at) = row.cell(c);
            count(cell, table.semicolon)
                .map_err(|(m, h)| cx.error(table.pos(at), path("besproken_patienten"), m, h))
                .ok()
        });
        let mut aanwezig = vec![0u32; rollen.len()];
        for (ri, rol) in rollen.iter().enumerate() {
            if let Some(&c) = cols.get(*rol) {
                let (cell, at) = row.cell(c);
                match count(cell, table.semicolon) {
                    Ok(n) => aanwezig[ri] = n,
                    Err((m, h)) => cx.error(table.pos(at), path(rol), m, h),
                }
            }
        }
        if let (Some(gi), Some(d)) = (groep, datum) {
            if let Some(first) = seen.get(&(gi, d)) {
                let at = cols.get("datum").map_or(row.start, |&c| row.cell(c).1);
                let naam = s.groepen.get(gi).map_or("", |g| g.naam.as_str());
                cx.error(
                    table.pos(at),
                    path("datum"),
                    format!("groep '{naam}' heeft op {d} al een bijeenkomst (regel {first})"),
                    Some(
                        "staat dezelfde bijeenkomst er twee keer in? Dan wordt hij dubbel betaald"
                            .into(),
                    ),
                );
            } else {
                seen.insert((gi, d), row.line);
            }
        }
        if cx.errors.len() > errors_before {
            continue;
        }
        if let (Some(groep), Some(datum), Some(duur_uren), Some(besproken_patienten)) =
            (groep, datum, duur_uren, besproken)
        {
            out.push(Bijeenkomst {
                groep,
                datum,
                duur_uren,
                besproken_patienten,
                aanwezig,
                regel: row.line,
            });
        }
    }
    if cx.errors.is_empty() {
        Ok(out)
    } else {
        Err(cx.finish())
    }
}

/// Reads the observed indicators for scenario `s`: `jaar,indicator,overleden_patienten,gevallen`,
/// at most one row per year and indicator.
pub fn read_indicatoren(text: &str, s: &Scenario) -> Result<Vec<Waarneming>, Vec<Diagnostic>> {
    let mut cx = Cx::default();
    let Some(table) = Table::read(text, "indicatoren", &mut cx) else {
        return Err(cx.finish());
    };
    let cols = table.columns(&INDICATOR_KOLOMMEN, &mut cx);
    for name in INDICATOR_KOLOMMEN {
        table.require(&cols, name, None, &mut cx);
    }
    let mut out = Vec::with_capacity(table.rows.len());
    let mut seen: HashMap<(i32, IndicatorId), usize> = HashMap::new();
    for row in &table.rows {
        let path = |col: &str| format!("indicatoren[{}].{col}", row.index);
        let errors_before = cx.errors.len();
        let jaar = cols.get("jaar").and_then(|&c| {
            let (cell, at) = row.cell(c);
            let p = path("jaar");
            let parsed = cell
                .parse::<i32>()
                .ok()
                .filter(|_| cell.chars().all(|c| c.is_ascii_digit()));
            match parsed {
                None => {
                    let message = if cell.is_empty() {
                        "leeg; vul het jaar in, bijv. 2026".to_string()
                    } else {
                        format!("'{cell}' is geen jaartal")
                    };
                    cx.error(table.pos(at), p, message, None);
                    None
                }
                Some(y) if y < s.startjaar || y > s.eindjaar() => {
                    cx.error(
                        table.pos(at),
                        p,
                        format!("{y} valt buiten de looptijd {}", looptijd(s)),
                        None,
                    );
                    None
                }
                Some(y) => Some(y),
            }
        });
        let indicator = cols.get("indicator").and_then(|&c| {
            let (cell, at) = row.cell(c);
            let found = IndicatorId::parse(cell);
            if found.is_none() {
                let ids = IndicatorId::ALL.map(IndicatorId::as_str);
                let hint = nearest(cell, ids.iter().copied())
                    .map(|n| format!("bedoelde je '{n}'?"))
                    .or_else(|| Some(format!("kies uit: {}", ids.join(", "))));
                let message = if cell.is_empty() {
                    "leeg; vul een van de zes indicator-ids in".to_string()
                } else {
                    format!("'{cell}' is geen indicator-id")
                };
                cx.error(table.pos(at), path("indicator"), message, hint);
            }
            found
        });
        let overleden = cols.get("overleden_patienten").and_then(|&c| {
            let (cell, at) = row.cell(c);
            let p = path("overleden_patienten");
            match count(cell, table.semicolon) {
                Err((m, h)) => {
                    cx.error(table.pos(at), p, m, h);
                    None
                }
                Ok(0) => {
                    cx.error(
                        table.pos(at),
                        p,
                        "0: er moet minstens één overleden patiënt zijn om een percentage te \
                         berekenen"
                            .into(),
                        Some("laat de rij weg als er in dat jaar geen gegevens zijn".into()),
                    );
                    None
                }
                Ok(n) => Some(n),
            }
        });
        let gevallen = cols.get("gevallen").and_then(|&c| {
            let (cell, at) = row.cell(c);
            let p = path("gevallen");
            match count(cell, table.semicolon) {
                Err((m, h)) => {
                    cx.error(table.pos(at), p, m, h);
                    None
                }
                Ok(n) => match overleden {
                    Some(o) if n > o => {
                        cx.error(
                            table.pos(at),
                            p,
                            format!("{n} gevallen is meer dan de {o} overleden patiënten"),
                            None,
                        );
                        None
                    }
                    _ => Some(n),
                },
            }
        });
        if let (Some(y), Some(id)) = (jaar, indicator) {
            if let Some(first) = seen.get(&(y, id)) {
                let at = cols.get("indicator").map_or(row.start, |&c| row.cell(c).1);
                cx.error(
                    table.pos(at),
                    path("indicator"),
                    format!("{} staat voor {y} al op regel {first}", id.as_str()),
                    Some("geef per jaar en indicator één rij".into()),
                );
            } else {
                seen.insert((y, id), row.line);
            }
        }
        if cx.errors.len() > errors_before {
            continue;
        }
        if let (Some(jaar), Some(indicator), Some(overleden_patienten), Some(gevallen)) =
            (jaar, indicator, overleden, gevallen)
        {
            out.push(Waarneming {
                jaar,
                indicator,
                overleden_patienten,
                gevallen,
                regel: row.line,
            });
        }
    }
    if cx.errors.is_empty() {
        Ok(out)
    } else {
        Err(cx.finish())
    }
}

fn looptijd(s: &Scenario) -> String {
    if s.looptijd_jaren <= 1 {
        s.startjaar.to_string()
    } else {
        format!("{}–{}", s.startjaar, s.eindjaar())
    }
}

/// Collected diagnostics.
#[derive(Default)]
struct Cx {
    errors: Vec<Diagnostic>,
}

impl Cx {
    fn error(&mut self, pos: Pos, path: String, message: String, hint: Option<String>) {
        self.errors.push(Diagnostic {
            severity: Severity::Fout,
            pos,
            path,
            message,
            hint,
        });
    }

    fn finish(mut self) -> Vec<Diagnostic> {
        // Stable: problems at the same place keep the order in which they were found.
        self.errors.sort_by_key(|e| e.pos);
        self.errors.dedup();
        self.errors
    }
}

/// One data record: its cells (trimmed) with the byte offset where each starts.
struct Row {
    /// 1-based number of the data record (the header not counted).
    index: usize,
    /// Line of the record.
    line: usize,
    /// Byte offset of the record.
    start: usize,
    cells: Vec<(String, usize)>,
}

impl Row {
    fn cell(&self, i: usize) -> (&str, usize) {
        self.cells
            .get(i)
            .map_or(("", self.start), |(c, at)| (c.as_str(), *at))
    }
}

/// A CSV file split into a header and records, with positions.
struct Table {
    posities: Posities,
    semicolon: bool,
    header: Vec<(String, usize)>,
    header_start: usize,
    rows: Vec<Row>,
}

impl Table {
    /// Splits `text` (a leading BOM is ignored); `what` names the records in field paths.
    /// `None` (with an error) when there is no header.
    fn read(text: &str, what: &str, cx: &mut Cx) -> Option<Table> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let posities = Posities::new(text);
        let first = text
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or_default();
        let semicolon = first.matches(';').count() > first.matches(',').count();
        let delim = if semicolon { b';' } else { b',' };
        let mut reader = ::csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delim)
            .from_reader(text.as_bytes());
        let mut header: Option<(Vec<(String, usize)>, usize)> = None;
        let mut rows = Vec::new();
        let mut record = ::csv::StringRecord::new();
        loop {
            match reader.read_record(&mut record) {
                Ok(false) => break,
                Ok(true) => {}
                Err(e) => {
                    let at = e.position().map_or(text.len(), |p| p.byte() as usize);
                    cx.error(
                        posities.pos(at),
                        String::new(),
                        format!("onleesbare CSV: {e}"),
                        None,
                    );
                    return None;
                }
            }
            let raw = record.position().map_or(0, |p| p.byte() as usize);
            // The reader's offset can point at the line break before the record.
            let start = raw
                + text
                    .get(raw..)
                    .unwrap_or("")
                    .bytes()
                    .take_while(|b| matches!(b, b'\r' | b'\n'))
                    .count();
            let starts = field_starts(text, start, delim);
            let cells: Vec<(String, usize)> = record
                .iter()
                .enumerate()
                .map(|(i, value)| {
                    let at = starts.get(i).copied().unwrap_or(start);
                    let lead = text
                        .get(at..)
                        .unwrap_or("")
                        .bytes()
                        .take_while(|b| *b == b' ' || *b == b'\t')
                        .count();
                    (value.trim().to_string(), at + lead)
                })
                .collect();
            if cells.iter().all(|(c, _)| c.is_empty()) {
                continue;
            }
            if header.is_none() {
                header = Some((cells, start));
                continue;
            }
            let line = posities.pos(start).line;
            rows.push(Row {
                index: rows.len() + 1,
                line,
                start,
                cells,
            });
        }
        let Some((header, header_start)) = header else {
            cx.error(
                Pos { line: 1, column: 1 },
                String::new(),
                "het bestand is leeg; de eerste regel moet de kopregel met de kolomnamen zijn"
                    .into(),
                None,
            );
            return None;
        };
        let width = header.len();
        let table = Table {
            posities,
            semicolon,
            header,
            header_start,
            rows: Vec::new(),
        };
        let mut kept = Vec::with_capacity(rows.len());
        for row in rows {
            if row.cells.len() == width {
                kept.push(row);
                continue;
            }
            let at = row
                .cells
                .get(width)
                .map_or_else(|| row.cells.last().map_or(row.start, |c| c.1), |c| c.1);
            let sep = if semicolon { ";" } else { "," };
            cx.error(
                table.pos(at),
                format!("{what}[{}]", row.index),
                format!(
                    "deze regel heeft {} kolommen, de kopregel {width}",
                    row.cells.len()
                ),
                Some(format!(
                    "elke regel heeft evenveel waarden als de kopregel, gescheiden door '{sep}'; \
                     staat er een '{sep}' in een naam, zet die dan tussen aanhalingstekens"
                )),
            );
        }
        Some(Table {
            rows: kept,
            ..table
        })
    }

    fn pos(&self, offset: usize) -> Pos {
        self.posities.pos(offset)
    }

    /// Maps every header name to its column; unknown, empty and duplicate names are errors.
    fn columns<'a>(&self, allowed: &[&'a str], cx: &mut Cx) -> HashMap<&'a str, usize> {
        let mut out = HashMap::new();
        for (i, (name, at)) in self.header.iter().enumerate() {
            match allowed.iter().find(|a| **a == name.as_str()) {
                Some(known) => {
                    if out.contains_key(known) {
                        cx.error(
                            self.pos(*at),
                            "kopregel".into(),
                            format!("kolom '{name}' staat twee keer in de kopregel"),
                            None,
                        );
                    } else {
                        out.insert(*known, i);
                    }
                }
                None if name.is_empty() => cx.error(
                    self.pos(*at),
                    "kopregel".into(),
                    format!("kolom {} heeft geen naam", i + 1),
                    None,
                ),
                None => {
                    let hint = nearest(name, allowed.iter().copied())
                        .map(|n| format!("bedoelde je '{n}'?"))
                        .or_else(|| Some(format!("toegestane kolommen: {}", allowed.join(", "))));
                    cx.error(
                        self.pos(*at),
                        "kopregel".into(),
                        format!("onbekende kolom '{name}'"),
                        hint,
                    );
                }
            }
        }
        out
    }

    /// Reports `name` as missing from the header, unless it is there.
    fn require(&self, cols: &HashMap<&str, usize>, name: &str, hint: Option<String>, cx: &mut Cx) {
        if !cols.contains_key(name) {
            cx.error(
                self.pos(self.header_start),
                "kopregel".into(),
                format!("kolom '{name}' ontbreekt"),
                hint,
            );
        }
    }
}

/// Byte offsets where the fields of the record starting at `start` begin (quote-aware; stops at
/// the first line break outside quotes).
fn field_starts(text: &str, start: usize, delim: u8) -> Vec<usize> {
    let mut out = vec![start];
    let mut quoted = false;
    for (i, b) in text.as_bytes().iter().enumerate().skip(start) {
        match *b {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            d if d == delim && !quoted => out.push(i + 1),
            _ => {}
        }
    }
    out
}

type CellError = (String, Option<String>);

/// A non-negative-or-negative decimal as written in a cell: digits with at most one decimal
/// separator (`.`, and in a `;`-file also `,`). No exponent, no thousands separators.
fn number(cell: &str, semicolon: bool) -> Result<Decimal, CellError> {
    if cell.is_empty() {
        return Err(("leeg; vul een getal in".into(), None));
    }
    let (neg, body) = match cell.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, cell),
    };
    let seps = body.chars().filter(|c| matches!(c, '.' | ',')).count();
    let shape_ok = !body.is_empty()
        && seps <= 1
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ','))
        && !body.starts_with(['.', ','])
        && !body.ends_with(['.', ',']);
    if !shape_ok {
        return Err((format!("'{cell}' is geen getal"), None));
    }
    if body.contains(',') && !semicolon {
        return Err((
            format!("'{cell}': gebruik een punt als decimaalteken in een bestand met komma's"),
            Some(format!("schrijf {}", cell.replace(',', "."))),
        ));
    }
    let plain = body.replace(',', ".");
    let value = parse_exact(&plain).map_err(|e| match e {
        NumberError::OutOfRange => (format!("'{cell}' {e}"), None),
        _ => (format!("'{cell}' is geen getal"), None),
    })?;
    if neg && !value.is_zero() {
        return Err((format!("{cell}: mag niet negatief zijn"), None));
    }
    Ok(value)
}

/// A whole number ≥ 0 (`4`, or `4,0` / `4.0` as a spreadsheet may write it).
fn count(cell: &str, semicolon: bool) -> Result<u32, CellError> {
    let value = number(cell, semicolon).map_err(|(m, h)| {
        if cell.is_empty() {
            (
                "leeg; vul een aantal in (0 als er niemand of niets was)".into(),
                h,
            )
        } else {
            (m, h)
        }
    })?;
    if !value.fract().is_zero() {
        return Err((format!("{cell}: geen geheel getal"), None));
    }
    rust_decimal::prelude::ToPrimitive::to_u32(&value)
        .ok_or_else(|| (format!("{cell}: te groot"), None))
}

/// The candidate a misspelt `name` most likely meant (small edit distance, ignoring case).
fn nearest<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let lower = name.to_lowercase();
    candidates
        .map(|c| (strsim::damerau_levenshtein(&lower, &c.to_lowercase()), c))
        .filter(|(d, c)| *d <= 3.max(c.chars().count() / 4) && *d < c.chars().count())
        .min()
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_iso_and_must_exist_in_the_calendar() {
        assert_eq!(
            Datum::parse("2028-02-29"),
            Ok(Datum {
                jaar: 2028,
                maand: 2,
                dag: 29
            })
        );
        assert!(Datum::parse("2026-02-29").is_err());
        assert!(Datum::parse("2100-02-29").is_err());
        assert!(Datum::parse("2000-02-29").is_ok());
        assert!(Datum::parse("2026-04-31").is_err());
        assert!(Datum::parse("2026-13-01").is_err());
        assert!(Datum::parse("2026-3-12").is_err());
        let (_, hint) = Datum::parse("12-3-2026").unwrap_err();
        assert_eq!(
            hint.as_deref(),
            Some("schrijf de datum als JJJJ-MM-DD, bijv. 2026-03-12")
        );
    }

    #[test]
    fn quarters_follow_the_months() {
        let q = |m| {
            Datum {
                jaar: 2026,
                maand: m,
                dag: 1,
            }
            .kwartaal()
        };
        assert_eq!(
            [q(1), q(3), q(4), q(6), q(7), q(9), q(10), q(12)],
            [1, 1, 2, 2, 3, 3, 4, 4]
        );
    }

    #[test]
    fn numbers_accept_a_decimal_comma_only_in_semicolon_files() {
        assert_eq!(number("1.5", false), Ok(Decimal::new(15, 1)));
        assert_eq!(number("1,5", true), Ok(Decimal::new(15, 1)));
        assert!(number("1,5", false).is_err());
        assert!(number("1e3", false).is_err());
        assert!(number("1.234,5", true).is_err());
        assert!(number("-1", false).is_err());
        assert_eq!(count("4,0", true), Ok(4));
        assert!(count("4.5", false).is_err());
        assert!(count("4294967296", false).is_err());
        assert_eq!(count("4294967295", false), Ok(u32::MAX));
    }

    #[test]
    fn field_starts_skip_quoted_separators() {
        let text = "a,\"b,c\",d\ne";
        assert_eq!(field_starts(text, 0, b','), vec![0, 2, 8]);
    }
}
