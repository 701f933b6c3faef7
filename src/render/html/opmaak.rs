//! The building blocks of the HTML document: escaping, where a number comes from
//! (`data-json`, `data-som`, `data-invoer`), number formats, tables and chapters. Pure, no I/O.

use rust_decimal::Decimal;

use crate::calc::cost::Kosten;
use crate::calc::overzicht::Subtotaal;
use crate::decimal::{dutch, euro};
use crate::scenario::{Onderwerp, Scenario, Toelichting};

/// Year columns per table: wider tables do not fit an A4 page, so longer horizons are split.
pub(super) const JAREN_PER_TABEL: usize = 6;

/// Tables of at most this many rows are kept on one page; a longer one may break across pages
/// (its header repeated) rather than leave half a page empty.
pub(super) const HEEL: usize = 8;

/// ... and of at most this many lines of text: a few rows of long names are as tall as a long
/// table, and kept whole they would leave the page before them half empty.
const HEEL_REGELS: usize = 12;

/// About this many characters of table text fill one line of the page's width (8,8 pt on
/// 180 mm).
const TEKENS_OP_BREEDTE: usize = 110;

/// A row of more lines than this is tall: its table may break before any row (no two rows
/// kept with the header), or the header and two such rows would leave a page half empty.
const HOGE_RIJ: usize = 4;

/// How a table whose rows need these numbers of lines may break over pages, as its class:
/// `" heel"` kept on one page (at most [`HEEL`] rows and [`HEEL_REGELS`] lines), `" hoog"`
/// between any two rows (a row of more than [`HOGE_RIJ`] lines), else `""` (not right after
/// the header nor before the last two rows).
pub(super) fn breuk(regels: impl IntoIterator<Item = usize>) -> &'static str {
    let (mut rijen, mut samen, mut hoogste) = (0, 0, 0);
    for r in regels {
        rijen += 1;
        samen += r.max(1);
        hoogste = hoogste.max(r);
    }
    if rijen <= HEEL && samen <= HEEL_REGELS {
        " heel"
    } else if hoogste > HOGE_RIJ {
        " hoog"
    } else {
        ""
    }
}

/// The lines a text needs in `breedte` (a share of the page's width, in 1/100), by the
/// characters a reader sees in its HTML (tags not counted). For a row of a table: its cells
/// together in the whole width (the browser gives the wordy columns what the figures leave).
pub(super) fn regels(html: &str, breedte: usize) -> usize {
    let mut in_tag = false;
    let mut tekens: usize = 0;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => tekens += 1,
            _ => {}
        }
    }
    let per_regel = (TEKENS_OP_BREEDTE * breedte / 100).max(1);
    tekens.div_ceil(per_regel).max(1)
}

/// The share of the page's width of a row's label in a table per year (`table.jaren`).
pub(super) const LABEL_BREEDTE: usize = 38;

pub(crate) use crate::render::herkomst::esc;
pub(super) use crate::render::herkomst::{Som, invoer, json, json_afgerond, parameter};

/// A figure in running text.
pub(super) fn getal(text: &str, attr: &str) -> String {
    format!("<span class=\"n\"{attr}>{}</span>", esc(text))
}

/// An expected count, one decimal.
pub(super) fn aantal(v: Decimal) -> String {
    dutch(v, 1)
}

/// A calculated percentage, one decimal.
pub(super) fn ratio(v: Decimal) -> String {
    format!("{} %", dutch(v, 1))
}

/// A number as written in the scenario, with at least `min` decimals.
pub(super) fn zoals_gegeven(v: Decimal, min: u32) -> String {
    let n = v.normalize();
    dutch(n, n.scale().max(min))
}

/// A percentage as written in the scenario: `45 %`, `5,3 %`.
pub(super) fn procent(v: Decimal) -> String {
    format!("{} %", zoals_gegeven(v, 0))
}

/// An amount as written in the scenario, in euro with at least two decimals.
pub(super) fn euro_invoer(v: Decimal) -> String {
    format!("€ {}", zoals_gegeven(v, 2))
}

/// A table cell holding a figure.
pub(super) struct Cel {
    pub(super) tekst: String,
    pub(super) attr: String,
}

impl Cel {
    pub(super) fn new(tekst: String, attr: String) -> Self {
        Cel { tekst, attr }
    }
    pub(super) fn html(&self) -> String {
        format!("<td class=\"n\"{}>{}</td>", self.attr, esc(&self.tekst))
    }
}

/// A row of a table with one column per year.
pub(super) struct Rij {
    /// The label, already HTML.
    pub(super) label: String,
    pub(super) jaren: Vec<Cel>,
    pub(super) totaal: Option<Cel>,
    pub(super) totaalrij: bool,
}

impl Rij {
    /// A row of figures shown as `command`'s JSON has them: the year cells at
    /// `/jaren/{i}/{veld}` and the total, when there is one, at `/totaal/{veld}`.
    pub(super) fn uit_json(
        label: String,
        command: &str,
        veld: &str,
        jaren: impl IntoIterator<Item = String>,
        totaal: Option<String>,
    ) -> Rij {
        Rij {
            label,
            jaren: jaren
                .into_iter()
                .enumerate()
                .map(|(yi, t)| Cel::new(t, json(command, &format!("/jaren/{yi}/{veld}"))))
                .collect(),
            totaal: totaal.map(|t| Cel::new(t, json(command, &format!("/totaal/{veld}")))),
            totaalrij: false,
        }
    }
}

/// A table with a label column, one column per year and a total column; split into several
/// tables of at most [`JAREN_PER_TABEL`] years (the total in the last one).
pub(super) fn jaartabel(out: &mut String, titel: &str, kop: &str, jaren: &[i32], rijen: &[Rij]) {
    let heeft_totaal = rijen.iter().any(|r| r.totaal.is_some());
    let stukken: Vec<(usize, &[i32])> = jaren
        .chunks(JAREN_PER_TABEL)
        .enumerate()
        .map(|(i, c)| (i * JAREN_PER_TABEL, c))
        .collect();
    let n = stukken.len();
    for (k, (begin, stuk)) in stukken.iter().enumerate() {
        let laatste = k + 1 == n;
        let caption = match (n > 1, stuk.first(), stuk.last()) {
            (true, Some(a), Some(b)) => format!("{} ({a}–{b})", esc(titel)),
            _ => esc(titel),
        };
        let heel = breuk(rijen.iter().map(|r| regels(&r.label, LABEL_BREEDTE)));
        out.push_str(&format!(
            "<table class=\"jaren{heel}\">\n<caption>{caption}</caption>\n<thead><tr><th scope=\"col\">{}</th>",
            esc(kop)
        ));
        for j in *stuk {
            out.push_str(&format!("<th scope=\"col\" class=\"n\">{j}</th>"));
        }
        if laatste && heeft_totaal {
            out.push_str("<th scope=\"col\" class=\"n\">Totaal</th>");
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for r in rijen {
            out.push_str(if r.totaalrij {
                "<tr class=\"totaal\">"
            } else {
                "<tr>"
            });
            out.push_str(&format!("<th scope=\"row\">{}</th>", r.label));
            for c in r.jaren.iter().skip(*begin).take(stuk.len()) {
                out.push_str(&c.html());
            }
            if laatste && heeft_totaal {
                match &r.totaal {
                    Some(c) => out.push_str(&c.html()),
                    None => out.push_str("<td></td>"),
                }
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n</table>\n");
    }
}

/// A plain table: header cells, then rows of ready HTML cells.
pub(super) fn tabel(out: &mut String, titel: &str, kop: &[(&str, bool)], rijen: &[Vec<String>]) {
    let mut klassen = Vec::new();
    if kop.len() <= 3 {
        klassen.push("smal");
    }
    let breuk = breuk(rijen.iter().map(|r| regels(&r.concat(), 100)));
    if !breuk.is_empty() {
        klassen.push(breuk.trim_start());
    }
    out.push_str(&format!(
        "<table class=\"{}\">\n<caption>{}</caption>\n<thead><tr>",
        klassen.join(" "),
        esc(titel)
    ));
    for (k, rechts) in kop {
        if *rechts {
            out.push_str(&format!("<th scope=\"col\" class=\"n\">{}</th>", esc(k)));
        } else {
            out.push_str(&format!("<th scope=\"col\">{}</th>", esc(k)));
        }
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for r in rijen {
        out.push_str("<tr>");
        for c in r {
            out.push_str(c);
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

pub(super) fn td(text: &str) -> String {
    format!("<td>{}</td>", esc(text))
}

pub(super) fn td_attr(text: &str, attr: &str) -> String {
    format!("<td{attr}>{}</td>", esc(text))
}

pub(super) fn td_n(text: &str, attr: &str) -> String {
    format!("<td class=\"n\"{attr}>{}</td>", esc(text))
}

/// A row heading holding `text`, with where it comes from (`attr`).
pub(super) fn th_attr(text: &str, attr: &str) -> String {
    format!("<th scope=\"row\"{attr}>{}</th>", esc(text))
}

pub(super) fn th_row(html: &str) -> String {
    format!("<th scope=\"row\">{html}</th>")
}

/// The region's own text on `onderwerp` (`[toelichting]`), paragraph by paragraph; where the
/// region wrote none, a visible mark saying what it should write there. `true` when the
/// region's text was placed (the chapter may then leave out its own general text).
pub(super) fn toelichting(out: &mut String, s: &Scenario, onderwerp: Onderwerp) -> bool {
    match s.toelichting.tekst(onderwerp) {
        Some(t) => {
            for a in Toelichting::alineas(t) {
                out.push_str(&format!(
                    "<p class=\"regio\" data-toelichting=\"{}\">{}</p>\n",
                    onderwerp.as_str(),
                    esc(&a)
                ));
            }
            true
        }
        None => {
            out.push_str(&format!(
                "<p class=\"invullen\"><strong>In te vullen door de regio:</strong> {}</p>\n",
                esc(onderwerp.aanwijzing())
            ));
            false
        }
    }
}

pub(super) fn hoofdstuk(out: &mut String, id: &str, titel: &str) {
    out.push_str(&format!(
        "<section class=\"hoofdstuk\" id=\"{id}\">\n<h2>{}</h2>\n",
        esc(titel)
    ));
}

pub(super) fn einde(out: &mut String) {
    out.push_str("</section>\n");
}

/// A row of a year table: a subtotal of cost lines per year and over the horizon; each cell
/// carries its source as a cost-line filter (`som` adds the fields to the year, or to nothing
/// for the total).
pub(super) fn subtotaal_rij(
    k: &Kosten,
    label: String,
    t: &Subtotaal,
    som: impl Fn(Som) -> Som,
) -> Rij {
    Rij {
        label,
        jaren: k
            .jaren
            .iter()
            .zip(&t.per_jaar)
            .map(|(j, v)| Cel::new(euro(*v), som(Som::default().jaar(j.jaar)).attr()))
            .collect(),
        totaal: Some(Cel::new(euro(t.totaal), som(Som::default()).attr())),
        totaalrij: false,
    }
}

/// A row of one of the cost totals, per year and over the horizon.
pub(super) fn totaal_rij(
    k: &Kosten,
    label: &str,
    veld: &str,
    f: fn(&crate::calc::cost::Totalen) -> Decimal,
) -> Rij {
    Rij {
        label: esc(label),
        jaren: k
            .jaren
            .iter()
            .enumerate()
            .map(|(yi, j)| {
                Cel::new(
                    euro(f(&j.totalen)),
                    json("cost", &format!("/jaren/{yi}/{veld}")),
                )
            })
            .collect(),
        totaal: Some(Cel::new(
            euro(f(&k.totaal)),
            json("cost", &format!("/totaal/{veld}")),
        )),
        totaalrij: matches!(veld, "kosten_totaal" | "te_financieren"),
    }
}

/// The verzekerden as running text: one number, or, when the scenario gives a number per year
/// and they differ, each year's.
pub(super) fn verzekerden(s: &Scenario) -> String {
    if !s.verzekerden_verschillen() {
        let pad = if s.verzekerden_per_jaar.is_some() {
            "scenario.verzekerden[1]"
        } else {
            "scenario.verzekerden"
        };
        return getal(&dutch(s.verzekerden, 0), &invoer(pad));
    }
    let jaren: Vec<String> = (0..s.looptijd_jaren as usize)
        .map(|k| {
            format!(
                "{} in {}",
                getal(
                    &dutch(s.verzekerden_jaar(k), 0),
                    &invoer(&format!("scenario.verzekerden[{}]", k + 1))
                ),
                s.startjaar + k as i32
            )
        })
        .collect();
    jaren.join(", ")
}

pub(super) use crate::render::teksten::looptijd;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_needs_the_lines_its_visible_text_fills_and_tags_do_not_count() {
        // 110 characters fill the page's width: 38 % of it holds 41 (110 × 38 / 100 = 41,8).
        assert_eq!(regels("", 100), 1);
        assert_eq!(regels(&"a".repeat(110), 100), 1);
        assert_eq!(regels(&"a".repeat(111), 100), 2);
        assert_eq!(regels(&"a".repeat(42), 38), 2);
        let cel = format!(
            "<td class=\"n\" data-json=\"{}\">€ 1,50</td>",
            "x".repeat(300)
        );
        assert_eq!(regels(&cel, 100), 1);
    }

    #[test]
    fn a_short_table_stays_whole_and_a_few_tall_rows_may_break_between_any_two() {
        assert_eq!(breuk([1; 8]), " heel");
        // Nine rows: may break, but not right after the header nor before the last two rows.
        assert_eq!(breuk([1; 9]), "");
        // Three rows of 5 lines: 15 lines is more than a page should wait for.
        assert_eq!(breuk([5, 5, 5]), " hoog");
        // Two of them (10 lines) still fit on what is left of most pages.
        assert_eq!(breuk([5, 5]), " heel");
        // Long, but no tall row: the rows at its ends stay together.
        assert_eq!(breuk([2, 2, 2, 2, 2, 2, 2]), "");
    }
}
