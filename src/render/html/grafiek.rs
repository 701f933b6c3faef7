//! What every chart of the HTML document shares: width, colours per post, round axis
//! steps and the SVG frame. Pure, no I/O.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::calc::cost::Post;
use crate::decimal::dutch;

use super::opmaak::esc;

/// Width of every chart in SVG units (scaled to the page width).
pub(super) const BREEDTE: f64 = 680.0;

/// The colour of a post in the charts and the table.
pub(super) fn kleur(post: Post) -> &'static str {
    match post {
        Post::Bijeenkomsten => "#1f4e79",
        Post::Voorzitter => "#2e75b6",
        Post::Coordinatie => "#6fa8dc",
        Post::TelefonischeOndersteuning => "#b4d3ee",
        Post::Ict => "#4f7f2f",
        Post::Huisvesting => "#a9d18e",
        Post::Startkosten => "#b07d00",
        Post::Scholing => "#f2c94c",
        Post::Projectleiding => "#6a3d9a",
        Post::Monitoring => "#c2b0e0",
        Post::Overhead => "#7f7f7f",
    }
}

pub(super) fn kleur_blokje(post: Post) -> String {
    format!(
        "<svg width=\"9\" height=\"9\" viewBox=\"0 0 9 9\" aria-hidden=\"true\" \
         style=\"display:inline;width:9px;height:9px;margin-right:4px\"><rect width=\"9\" \
         height=\"9\" fill=\"{}\"/></svg>",
        kleur(post)
    )
}

pub(super) fn f(v: Decimal) -> f64 {
    v.to_f64().unwrap_or(0.0).max(0.0)
}

/// A round step for about `doel` ticks up to `max`, as (step, decimals to show).
pub(super) fn stap(max: f64, doel: f64) -> Decimal {
    if !(max.is_finite() && max > 0.0) {
        return Decimal::ONE;
    }
    let ruw = max / doel;
    let macht = ruw.log10().floor();
    let norm = ruw / 10f64.powf(macht);
    let m: i64 = if norm <= 1.0 {
        10
    } else if norm <= 2.0 {
        20
    } else if norm <= 2.5 {
        25
    } else if norm <= 5.0 {
        50
    } else {
        100
    };
    // step = m / 10 × 10^macht, built exactly.
    let e = macht as i64 - 1;
    let mut d = Decimal::from(m);
    if e >= 0 {
        for _ in 0..e.min(27) {
            d = d.checked_mul(Decimal::TEN).unwrap_or(Decimal::MAX);
        }
    } else {
        for _ in 0..(-e).min(27) {
            d = d.checked_div(Decimal::TEN).unwrap_or(Decimal::ZERO);
        }
    }
    if d.is_zero() {
        Decimal::ONE
    } else {
        d.normalize()
    }
}

/// Tick values from 0 up to at least `max`.
pub(super) fn streepjes(max: f64, doel: f64) -> Vec<Decimal> {
    let s = stap(max, doel);
    let mut out = vec![Decimal::ZERO];
    let mut v = Decimal::ZERO;
    while f(v) < max && out.len() < 50 {
        v = v.checked_add(s).unwrap_or(Decimal::MAX);
        out.push(v);
    }
    out
}

pub(super) fn as_euro(v: Decimal) -> String {
    let n = v.normalize();
    format!("€ {}", dutch(n, n.scale()))
}

pub(super) fn svg_open(out: &mut String, id: &str, hoogte: f64, titel: &str, omschrijving: &str) {
    out.push_str(&format!(
        "<figure>\n<figcaption id=\"{id}-titel\">{}</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\" \
         viewBox=\"0 0 {BREEDTE:.0} {hoogte:.0}\" role=\"img\" aria-labelledby=\"{id}-titel {id}-tekst\">\n\
         <desc id=\"{id}-tekst\">{}</desc>\n",
        esc(titel),
        esc(omschrijving)
    ));
}

pub(super) fn svg_close(out: &mut String) {
    out.push_str("</svg>\n</figure>\n");
}

pub(super) fn text(x: f64, y: f64, anchor: &str, size: f64, inhoud: &str, attr: &str) -> String {
    format!(
        "<text x=\"{x:.1}\" y=\"{y:.1}\" text-anchor=\"{anchor}\" font-size=\"{size:.1}\"{attr}>{}</text>\n",
        esc(inhoud)
    )
}

/// Rough text width in SVG units, for laying out legends.
pub(super) fn tekstbreedte(t: &str, size: f64) -> f64 {
    t.chars().count() as f64 * size * 0.56
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axis_steps_are_round_numbers() {
        assert_eq!(stap(234_816.19, 5.0), Decimal::from(50_000));
        assert_eq!(stap(163.4, 5.0), Decimal::from(50));
        assert_eq!(stap(0.9, 5.0), Decimal::new(2, 1));
        assert_eq!(stap(120.0, 5.0), Decimal::from(25));
        let t = streepjes(234_816.19, 5.0);
        assert_eq!(t.first(), Some(&Decimal::ZERO));
        assert_eq!(t.last(), Some(&Decimal::from(250_000)));
    }
}
