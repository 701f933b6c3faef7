//! Fitting table output to a terminal's width. Every table of the program is drawn by
//! [`super::new_table`] in one style, at its natural width; on a terminal, [`passend`] lays each
//! table that is too wide out again: text columns wrap (at spaces, and inside long names after a
//! `.` or `_`), headers wrap, and when that is not enough the columns after the leading text
//! columns (the years, the figures) are split over several tables that repeat those leading
//! columns, as the HTML report does. An amount (`€ 12.345,67`, `12,5 %`) is never broken. Prose
//! lines wrap at spaces. Output that is not a terminal never comes here. Pure, no I/O.

use unicode_width::UnicodeWidthStr;

/// The narrowest a text column's content is made (unless its natural content is narrower).
const TEKST_MIN: usize = 14;

/// `tekst` (the table output of a command) laid out for a terminal `breedte` columns wide.
/// Tables and lines that already fit are unchanged; so is a block that does not parse as one of
/// our tables.
pub fn passend(tekst: &str, breedte: usize) -> String {
    let breedte = breedte.max(20);
    let lines: Vec<&str> = tekst.split('\n').collect();
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let line = lines.get(i).copied().unwrap_or_default();
        if line.starts_with('┌') {
            let end = (i..lines.len()).find(|&j| lines.get(j).is_some_and(|l| l.starts_with('└')));
            if let Some(end) = end {
                let block = lines.get(i..=end).unwrap_or_default();
                match Blok::lees(block) {
                    Some(b) if b.breedte() > breedte => out.extend(b.passend(breedte)),
                    _ => out.extend(block.iter().map(|l| l.to_string())),
                }
                i = end + 1;
                continue;
            }
        }
        out.extend(wrap_prose(line, breedte));
        i += 1;
    }
    out.join("\n")
}

/// A prose line, wrapped at spaces; continuation lines are indented two more than the line.
fn wrap_prose(line: &str, breedte: usize) -> Vec<String> {
    if line.width() <= breedte {
        return vec![line.to_string()];
    }
    let indent = line.len() - line.trim_start_matches(' ').len();
    let first = " ".repeat(indent);
    let rest = " ".repeat(indent + 2);
    let words = woorden(line.trim_start_matches(' '));
    let mut out = Vec::new();
    let mut cur = first.clone();
    let mut empty = true;
    for w in words {
        let lead = if empty { 0 } else { 1 };
        if !empty && cur.width() + lead + w.width() > breedte {
            out.push(cur);
            cur = rest.clone();
            empty = true;
        }
        if !empty {
            cur.push(' ');
        }
        cur.push_str(&w);
        empty = false;
    }
    out.push(cur);
    out
}

/// The words of a text, each never broken: `€` stays with the amount after it, and `%`, `u`
/// and `→` with the word before.
fn woorden(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut glue_next = false;
    for w in text.split(' ').filter(|w| !w.is_empty()) {
        let glue_prev = matches!(w, "%" | "u" | "×" | "=" | "→");
        match out.last_mut() {
            Some(last) if glue_next || glue_prev => {
                last.push(' ');
                last.push_str(w);
            }
            _ => out.push(w.to_string()),
        }
        glue_next = w == "€" || w == "−" || w == "-";
    }
    out
}

/// The pieces of a word that may go on separate lines: after a `.`, `_` or `/` followed by a letter
/// (`indicator.ic_opname` → `indicator.`, `ic_`, `opname`); amounts and numbers stay whole.
fn stukken(word: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut prev: Option<char> = None;
    for (i, c) in word.char_indices() {
        if matches!(prev, Some('.' | '_' | '/')) && c.is_alphabetic() && !word.starts_with('€') {
            out.push(word.get(start..i).unwrap_or_default());
            start = i;
        }
        prev = Some(c);
    }
    out.push(word.get(start..).unwrap_or_default());
    out
}

/// A cell's text in lines of at most `w` columns (a piece wider than `w` gets its own line).
fn wrap_cell(text: &str, w: usize) -> Vec<String> {
    if text.width() <= w {
        return vec![text.to_string()];
    }
    let mut out = Vec::new();
    let mut cur = String::new();
    for word in woorden(text) {
        let pieces = if word.width() > w {
            stukken(&word)
        } else {
            vec![word.as_str()]
        };
        for (n, piece) in pieces.iter().enumerate() {
            let sep = if cur.is_empty() || n > 0 { "" } else { " " };
            if !cur.is_empty() && cur.width() + sep.width() + piece.width() > w {
                out.push(std::mem::take(&mut cur));
                cur.push_str(piece);
            } else {
                cur.push_str(sep);
                cur.push_str(piece);
            }
        }
    }
    out.push(cur);
    out
}

/// The widest piece of a text that cannot be broken.
fn langste_stuk(text: &str) -> usize {
    woorden(text)
        .iter()
        .flat_map(|w| stukken(w).into_iter().map(UnicodeWidthStr::width))
        .max()
        .unwrap_or(0)
}

/// How a cell's text sits in its column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Uitlijning {
    Links,
    Rechts,
    /// The text fills the cell, or is empty: either.
    Vol,
    /// Spaces on both sides beyond the padding (a tornado bar): kept exactly, never wrapped.
    Vast,
}

/// One cell: its text and its alignment.
#[derive(Debug, Clone)]
struct Cel {
    tekst: String,
    uitlijning: Uitlijning,
}

/// A line of a table: a border, or a row of cells.
#[derive(Debug, Clone)]
enum Lijn {
    Boven,
    Kop,
    Onder,
    Rij { kop: bool, cellen: Vec<Cel> },
}

/// A table read back from its drawing.
#[derive(Debug)]
struct Blok {
    /// The width of each column between the separators (content plus one space each side).
    breedtes: Vec<usize>,
    lijnen: Vec<Lijn>,
}

impl Blok {
    /// Reads a drawn table; `None` when it is not one of ours, drawn consistently.
    fn lees(block: &[&str]) -> Option<Blok> {
        let top = block.first()?;
        let mut bounds = Vec::new();
        for (i, c) in top.chars().enumerate() {
            match c {
                '┌' | '┬' | '┐' => bounds.push(i),
                '─' => {}
                _ => return None,
            }
        }
        if bounds.len() < 2 || bounds.first() != Some(&0) {
            return None;
        }
        let breedtes: Vec<usize> = bounds.windows(2).map(|w| w[1] - w[0] - 1).collect();
        let mut lijnen = vec![Lijn::Boven];
        let mut kop = true;
        for line in block.get(1..)? {
            let first = line.chars().next()?;
            let lijn = match first {
                '╞' => {
                    kop = false;
                    check_border(line, &breedtes, ['╞', '╪', '╡'], '═')?;
                    Lijn::Kop
                }
                '└' => {
                    check_border(line, &breedtes, ['└', '┴', '┘'], '─')?;
                    Lijn::Onder
                }
                '│' => Lijn::Rij {
                    kop,
                    cellen: cells(line, &breedtes)?,
                },
                _ => return None,
            };
            lijnen.push(lijn);
        }
        Some(Blok { breedtes, lijnen })
    }

    fn breedte(&self) -> usize {
        totaal(&self.breedtes)
    }

    /// The body cells of column `k`.
    fn kolom(&self, k: usize) -> impl Iterator<Item = &Cel> {
        self.lijnen.iter().filter_map(move |l| match l {
            Lijn::Rij { kop: false, cellen } => cellen.get(k),
            _ => None,
        })
    }

    /// All cells of column `k`, header included.
    fn alle(&self, k: usize) -> impl Iterator<Item = &Cel> {
        self.lijnen.iter().filter_map(move |l| match l {
            Lijn::Rij { cellen, .. } => cellen.get(k),
            _ => None,
        })
    }

    /// A text column: its body is left-aligned (never an amount column, which is right-aligned)
    /// and holds words (a column whose widest cell fills it shows no alignment).
    fn is_tekst(&self, k: usize) -> bool {
        let mut links = false;
        for c in self.kolom(k) {
            match c.uitlijning {
                Uitlijning::Rechts => return false,
                Uitlijning::Links => links = true,
                Uitlijning::Vol => links |= c.tekst.chars().any(char::is_alphabetic),
                Uitlijning::Vast => {}
            }
        }
        links
    }

    /// The narrowest column `k` may become: a text column down to [`TEKST_MIN`] or its widest
    /// unbreakable piece; any other column to its widest body cell (a header wraps).
    fn minimum(&self, k: usize) -> usize {
        let natural = self.breedtes.get(k).copied().unwrap_or(0);
        let pieces = self
            .alle(k)
            .map(|c| match c.uitlijning {
                Uitlijning::Vast => c.tekst.width(),
                _ => langste_stuk(&c.tekst),
            })
            .max()
            .unwrap_or(0);
        let content = if self.is_tekst(k) {
            pieces.max(TEKST_MIN.min(natural.saturating_sub(2)))
        } else {
            let body = self.kolom(k).map(|c| c.tekst.width()).max().unwrap_or(0);
            body.max(pieces)
        };
        (content + 2).min(natural)
    }

    /// The table in one or more tables that each fit `breedte` (as far as unbreakable content
    /// allows).
    fn passend(&self, breedte: usize) -> Vec<String> {
        let n = self.breedtes.len();
        let min: Vec<usize> = (0..n).map(|k| self.minimum(k)).collect();
        let all: Vec<usize> = (0..n).collect();
        if totaal(&min) <= breedte {
            return self.teken(&all, &krimp(&self.breedtes, &min, breedte));
        }
        // Split: the leading text columns are repeated, the others divided in order.
        // At most half the width goes to repeated columns (a batch's path and name: the path).
        let mut keys = (0..n).take_while(|&k| self.is_tekst(k)).count().max(1);
        while keys > 1 && totaal(min.get(..keys).unwrap_or_default()) > breedte / 2 {
            keys -= 1;
        }
        let key_cols: Vec<usize> = (0..keys).collect();
        let mut groups: Vec<Vec<usize>> = Vec::new();
        let mut cur: Vec<usize> = Vec::new();
        for k in keys..n {
            let mut trial = key_cols.clone();
            trial.extend(&cur);
            trial.push(k);
            let w = totaal(&trial.iter().map(|&c| min[c]).collect::<Vec<_>>());
            if w > breedte && !cur.is_empty() {
                groups.push(std::mem::take(&mut cur));
            }
            cur.push(k);
        }
        if !cur.is_empty() {
            groups.push(cur);
        }
        // As many tables as needed, but the columns spread evenly over them (2 + 2, not 3 + 1).
        let rest: Vec<usize> = (keys..n).collect();
        let per = rest.len().div_ceil(groups.len().max(1)).max(1);
        let even: Vec<Vec<usize>> = rest.chunks(per).map(<[usize]>::to_vec).collect();
        let fits = |g: &Vec<usize>| {
            let w: Vec<usize> = key_cols.iter().chain(g).map(|&c| min[c]).collect();
            totaal(&w) <= breedte
        };
        if even.len() == groups.len() && even.iter().all(fits) {
            groups = even;
        }
        let mut out = Vec::new();
        for (g, group) in groups.iter().enumerate() {
            let mut cols = key_cols.clone();
            cols.extend(group);
            let natural: Vec<usize> = cols.iter().map(|&c| self.breedtes[c]).collect();
            let lows: Vec<usize> = cols.iter().map(|&c| min[c]).collect();
            if g > 0 {
                out.push(String::new());
            }
            out.extend(self.teken(&cols, &krimp(&natural, &lows, breedte)));
        }
        out
    }

    /// Draws the columns `cols` at the widths `w`.
    fn teken(&self, cols: &[usize], w: &[usize]) -> Vec<String> {
        let border = |l: char, m: char, r: char, f: char| {
            let parts: Vec<String> = w.iter().map(|&x| f.to_string().repeat(x)).collect();
            format!("{l}{}{r}", parts.join(&m.to_string()))
        };
        let mut out = Vec::new();
        for lijn in &self.lijnen {
            match lijn {
                Lijn::Boven => out.push(border('┌', '┬', '┐', '─')),
                Lijn::Kop => out.push(border('╞', '╪', '╡', '═')),
                Lijn::Onder => out.push(border('└', '┴', '┘', '─')),
                Lijn::Rij { cellen, .. } => {
                    let wrapped: Vec<(Vec<String>, Uitlijning, usize)> = cols
                        .iter()
                        .zip(w)
                        .map(|(&c, &width)| {
                            let cel = cellen.get(c);
                            let text = cel.map(|x| x.tekst.as_str()).unwrap_or_default();
                            let al = cel.map_or(Uitlijning::Links, |x| x.uitlijning);
                            let inner = width.saturating_sub(2);
                            let lines = if al == Uitlijning::Vast {
                                vec![text.to_string()]
                            } else {
                                wrap_cell(text, inner)
                            };
                            (lines, al, inner)
                        })
                        .collect();
                    let height = wrapped.iter().map(|x| x.0.len()).max().unwrap_or(1);
                    for r in 0..height {
                        let parts: Vec<String> = wrapped
                            .iter()
                            .map(|(lines, al, inner)| {
                                let t = lines.get(r).map(String::as_str).unwrap_or_default();
                                let pad = " ".repeat(inner.saturating_sub(t.width()));
                                if *al == Uitlijning::Rechts {
                                    format!(" {pad}{t} ")
                                } else {
                                    format!(" {t}{pad} ")
                                }
                            })
                            .collect();
                        out.push(format!("│{}│", parts.join("┆")));
                    }
                }
            }
        }
        out
    }
}

/// The width of a table with columns of widths `w` (content and padding) and their borders.
fn totaal(w: &[usize]) -> usize {
    w.iter().sum::<usize>() + w.len() + 1
}

/// Widths from `natural` narrowed, widest first and never below `min`, until the table fits
/// `breedte` (or every column is at its minimum).
fn krimp(natural: &[usize], min: &[usize], breedte: usize) -> Vec<usize> {
    let mut w = natural.to_vec();
    while totaal(&w) > breedte {
        let widest = (0..w.len())
            .filter(|&k| w.get(k) > min.get(k))
            .max_by_key(|&k| (w.get(k).copied(), std::cmp::Reverse(k)));
        match widest.and_then(|k| w.get_mut(k)) {
            Some(x) => *x -= 1,
            None => break,
        }
    }
    w
}

/// Checks a border line against the column widths.
fn check_border(line: &str, breedtes: &[usize], [l, m, r]: [char; 3], f: char) -> Option<()> {
    let mut expect = String::new();
    expect.push(l);
    for (i, &w) in breedtes.iter().enumerate() {
        if i > 0 {
            expect.push(m);
        }
        expect.extend(std::iter::repeat_n(f, w));
    }
    expect.push(r);
    (line == expect).then_some(())
}

/// The cells of a row line, cut at the column boundaries (by display width).
fn cells(line: &str, breedtes: &[usize]) -> Option<Vec<Cel>> {
    let mut rest = line.strip_prefix('│')?;
    let mut out = Vec::with_capacity(breedtes.len());
    for (i, &w) in breedtes.iter().enumerate() {
        let mut taken = 0;
        let mut end = 0;
        for (idx, c) in rest.char_indices() {
            if taken >= w {
                break;
            }
            taken += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            end = idx + c.len_utf8();
        }
        if taken != w {
            return None;
        }
        let raw = rest.get(..end)?;
        rest = rest.get(end..)?;
        let sep = if i + 1 == breedtes.len() {
            '│'
        } else {
            '┆'
        };
        rest = rest.strip_prefix(sep)?;
        out.push(cel(raw));
    }
    rest.is_empty().then_some(out)
}

/// A cell's text and alignment from its drawn content (one space of padding each side).
fn cel(raw: &str) -> Cel {
    let tekst = raw.trim_matches(' ').to_string();
    let lead = raw.len() - raw.trim_start_matches(' ').len();
    let trail = raw.len() - raw.trim_end_matches(' ').len();
    if !tekst.is_empty() && lead > 1 && trail > 1 {
        let inner = raw.get(1..raw.len() - 1).unwrap_or_default();
        return Cel {
            tekst: inner.to_string(),
            uitlijning: Uitlijning::Vast,
        };
    }
    let uitlijning = if tekst.is_empty() || (lead <= 1 && trail <= 1) {
        Uitlijning::Vol
    } else if lead > 1 {
        Uitlijning::Rechts
    } else {
        Uitlijning::Links
    };
    Cel { tekst, uitlijning }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::table::{new_table, right};
    use comfy_table::Cell;

    fn widest(text: &str) -> usize {
        text.split('\n')
            .map(UnicodeWidthStr::width)
            .max()
            .unwrap_or(0)
    }

    fn year_table() -> String {
        let mut header = vec!["Post".to_string()];
        header.extend((2026..=2030).map(|y| y.to_string()));
        header.push("Totaal".into());
        let mut t = new_table(header);
        let mut row = vec![Cell::new("Bijeenkomsten (incl. voorbereiding en reistijd)")];
        row.extend((0..6).map(|_| right("€ 130.137,33".into())));
        t.add_row(row);
        let mut row = vec![Cell::new("ICT")];
        row.extend((0..6).map(|_| right("€ 0,00".into())));
        t.add_row(row);
        format!("Kosten per post\n{t}\n")
    }

    #[test]
    fn a_table_that_fits_is_left_exactly_as_drawn() {
        let t = year_table();
        assert_eq!(passend(&t, 500), t);
    }

    #[test]
    fn a_wide_year_table_is_split_into_tables_that_fit_without_breaking_an_amount() {
        // Natural width: 1 + 49 + 1 + 6 × (14 + 1) = 141 columns.
        let t = year_table();
        assert_eq!(widest(&t), 141);
        let fitted = passend(&t, 80);
        assert!(widest(&fitted) <= 80, "{fitted}");
        // Every amount is still whole, once per year and the total: 6 on each amount row.
        assert_eq!(fitted.matches("€ 130.137,33").count(), 6, "{fitted}");
        assert_eq!(fitted.matches("€ 0,00").count(), 6);
        // The years all appear, in order, and the label column is repeated in each table.
        let years: Vec<usize> = (2026..=2030)
            .map(|y| fitted.find(&y.to_string()).unwrap())
            .collect();
        assert!(years.windows(2).all(|w| w[0] < w[1]));
        assert!(fitted.matches("│ ICT").count() >= 2, "{fitted}");
        assert!(fitted.starts_with("Kosten per post\n┌"));
    }

    #[test]
    fn a_text_column_wraps_at_spaces_when_that_is_enough() {
        let mut t = new_table(["Post", "2026"]);
        t.add_row(vec![
            Cell::new("Bijeenkomsten (incl. voorbereiding en reistijd)"),
            right("€ 42.523,00".into()),
        ]);
        let fitted = passend(&t.to_string(), 40);
        assert!(widest(&fitted) <= 40, "{fitted}");
        assert_eq!(fitted.matches('┌').count(), 1, "one table: {fitted}");
        assert!(fitted.contains("€ 42.523,00"));
        assert!(fitted.contains("│ Bijeenkomsten"));
        assert!(fitted.contains("reistijd)"));
    }

    #[test]
    fn a_long_prose_line_wraps_at_spaces_keeping_amounts_whole() {
        let line = "ict · Oost · 2026: € 450,00 × 1 = € 450,00 en nog veel meer woorden hier";
        let fitted = passend(line, 30);
        assert!(widest(&fitted) <= 30, "{fitted}");
        assert_eq!(fitted.matches("€ 450,00").count(), 2, "{fitted}");
    }

    #[test]
    fn long_parameter_names_break_after_a_point_or_underscore() {
        assert_eq!(
            stukken("indicator.ic_opname.reductie_percentage"),
            ["indicator.", "ic_", "opname.", "reductie_", "percentage"]
        );
        assert_eq!(stukken("€ 1.234,56"), ["€ 1.234,56"]);
        assert_eq!(stukken("12.345"), ["12.345"]);
    }

    #[test]
    fn a_block_that_is_not_one_of_our_tables_is_left_alone() {
        let odd = "┌──┐\n│ abc │\n└──┘";
        assert_eq!(passend(odd, 20), odd);
    }
}
