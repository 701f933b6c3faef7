//! The yearly report as one self-contained HTML document, the same kind as the businesscase
//! report (its style sheet, A4). It lays out a [`Jaarverslag`] and computes nothing. Pure, no
//! I/O.

use super::{Blok, Jaarverslag, Tabel};
use crate::render::html::{STYLE, esc};

/// Lays out the report `v` as HTML.
pub fn html(v: &Jaarverslag) -> Vec<u8> {
    let mut out = String::with_capacity(32 * 1024);
    out.push_str("<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(&format!(
        "<meta name=\"generator\" content=\"patz-calc {}\">\n<title>Verantwoording en \
         afrekening — {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        env!("CARGO_PKG_VERSION"),
        esc(&v.naam)
    ));
    out.push_str(&format!(
        "<header>\n<p class=\"soort\">{}</p>\n<h1>{}</h1>\n<dl class=\"feiten\">\n",
        esc(v.soort),
        esc(&v.naam)
    ));
    for (wat, waarde) in &v.feiten {
        out.push_str(&format!("<dt>{}</dt><dd>{}</dd>\n", esc(wat), esc(waarde)));
    }
    out.push_str("</dl>\n</header>\n<div class=\"kerncijfers\">\n");
    for k in &v.kerncijfers {
        let klasse = if k.negatief { "n negatief" } else { "n" };
        out.push_str(&format!(
            "<div class=\"kerncijfer\"><span class=\"wat\">{}</span><span class=\"{klasse}\">{}\
             </span></div>\n",
            esc(&k.wat),
            esc(&k.waarde)
        ));
    }
    out.push_str("</div>\n");
    for h in &v.hoofdstukken {
        out.push_str(&format!(
            "<section class=\"hoofdstuk\" id=\"{}\">\n<h2>{}</h2>\n",
            h.id,
            esc(h.titel)
        ));
        for b in &h.blokken {
            match b {
                Blok::Alinea(t) => out.push_str(&format!("<p>{}</p>\n", esc(t))),
                Blok::Noot(t) => out.push_str(&format!("<p class=\"noot\">{}</p>\n", esc(t))),
                Blok::Tabel(t) => tabel(&mut out, t),
                Blok::Signalen(items) => {
                    out.push_str("<ul class=\"waarschuwingen\">\n");
                    for i in items {
                        out.push_str(&format!(
                            "<li class=\"waarschuwing\"><span>{}</span></li>\n",
                            esc(i)
                        ));
                    }
                    out.push_str("</ul>\n");
                }
            }
        }
        out.push_str("</section>\n");
    }
    out.push_str(&format!(
        "<footer><p>Gemaakt met <span class=\"versie\">patz-calc {}</span> uit de registraties \
         van de regio. Dezelfde invoer geeft hetzelfde document.</p></footer>\n</body>\n</html>\n",
        env!("CARGO_PKG_VERSION")
    ));
    out.into_bytes()
}

/// A table with its caption; a short one is kept on one page when printed.
fn tabel(out: &mut String, t: &Tabel) {
    let heel = if t.rijen.len() <= 14 {
        " class=\"heel\""
    } else {
        ""
    };
    out.push_str(&format!(
        "<table{heel}>\n<caption>{}</caption>\n<thead><tr>",
        esc(&t.titel)
    ));
    for (k, n) in &t.kop {
        let c = if *n { " class=\"n\"" } else { "" };
        out.push_str(&format!("<th scope=\"col\"{c}>{}</th>", esc(k)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for (ri, r) in t.rijen.iter().enumerate() {
        let last = t.totaal && ri + 1 == t.rijen.len();
        out.push_str(if last {
            "<tr class=\"totaal\">"
        } else {
            "<tr>"
        });
        for (ci, c) in r.iter().enumerate() {
            let n = t.kop.get(ci).is_some_and(|(_, n)| *n);
            match (ci, n) {
                (0, _) => out.push_str(&format!("<th scope=\"row\">{}</th>", esc(c))),
                (_, true) => out.push_str(&format!("<td class=\"n\">{}</td>", esc(c))),
                _ => out.push_str(&format!("<td>{}</td>", esc(c))),
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}
