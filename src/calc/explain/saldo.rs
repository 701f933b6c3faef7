//! The audit trail of the businesscase figures (avoided costs, netto, ROI, break-even factor and
//! net present value), per year and over the horizon. Pure, no I/O.

use rust_decimal::Decimal;

use super::{Eenheid, Filter, Uitleg, number};
use crate::calc::businesscase::{BusinessCase, Saldo};
use crate::calc::impact::ImpactResultaat;
use crate::decimal::euro;

/// The businesscase figures per year and over the horizon: avoided costs, netto, ROI,
/// break-even factor and net present value, each with its formula.
pub fn explain_saldo(impact: &ImpactResultaat, bc: &BusinessCase, filter: &Filter) -> Vec<Uitleg> {
    let mut lines = SaldoRegels {
        filter,
        out: Vec::new(),
    };
    if filter.groep.is_some() {
        return lines.out;
    }
    let step = bc
        .disconteringsvoet_percentage
        .checked_div(Decimal::ONE_HUNDRED)
        .and_then(|d| d.checked_add(Decimal::ONE))
        .unwrap_or(Decimal::ONE);
    let mut discount = Decimal::ONE;
    let mut terms = Vec::new();
    let rows = bc
        .jaren
        .iter()
        .map(|(j, x)| (Some(*j), x))
        .chain(std::iter::once((None, &bc.totaal)));
    for (k, (jaar, x)) in rows.enumerate() {
        lines.figures(impact, jaar, x);
        if let Some(j) = jaar {
            if k > 0 {
                discount = discount.checked_mul(step).unwrap_or(discount);
            }
            let exact = x.netto.checked_div(discount);
            let term = exact.map(crate::decimal::round_money).unwrap_or_default();
            terms.push(term);
            lines.push(
                Some(j),
                "netto_contante_waarde",
                format!("{} / {}", euro(x.netto), number(discount)),
                exact,
                term,
                Eenheid::Euro,
            );
        }
    }
    let parts: Vec<String> = terms.iter().map(|t| euro(*t)).collect();
    lines.push(
        None,
        "netto_contante_waarde",
        parts.join(" + "),
        None,
        bc.netto_contante_waarde,
        Eenheid::Euro,
    );
    lines.out
}

/// The lines of [`explain_saldo`] that the filter asks for.
struct SaldoRegels<'a> {
    filter: &'a Filter,
    out: Vec<Uitleg>,
}

impl SaldoRegels<'_> {
    /// Adds the line of `post` in `jaar` (`None`: the horizon) when the filter asks for it.
    fn push(
        &mut self,
        jaar: Option<i32>,
        post: &str,
        formule: String,
        exact: Option<Decimal>,
        uitkomst: Decimal,
        eenheid: Eenheid,
    ) {
        if self.filter.wants(post) && self.filter.jaar.is_none_or(|f| jaar == Some(f)) {
            self.out.push(Uitleg {
                jaar,
                groep: None,
                post: post.to_string(),
                rol: None,
                formule,
                exact: exact.filter(|x| *x != uitkomst),
                uitkomst,
                eenheid,
            });
        }
    }

    /// Avoided costs, netto, ROI and break-even factor of one year (`None`: the horizon).
    fn figures(&mut self, impact: &ImpactResultaat, jaar: Option<i32>, x: &Saldo) {
        let te = x.kosten.te_financieren;
        let vermeden_parts: Vec<String> = match jaar {
            Some(j) => impact
                .jaren
                .iter()
                .find(|y| y.jaar == j)
                .map(|y| {
                    y.indicatoren
                        .iter()
                        .map(|i| euro(i.vermeden_kosten))
                        .collect()
                })
                .unwrap_or_default(),
            None => impact
                .jaren
                .iter()
                .map(|y| euro(y.vermeden_kosten))
                .collect(),
        };
        self.push(
            jaar,
            "vermeden_kosten",
            vermeden_parts.join(" + "),
            None,
            x.vermeden_kosten,
            Eenheid::Euro,
        );
        self.push(
            jaar,
            "netto",
            format!("{} − {}", euro(x.vermeden_kosten), euro(te)),
            None,
            x.netto,
            Eenheid::Euro,
        );
        if let Some(roi) = x.roi_percentage {
            let exact = x
                .netto
                .checked_div(te)
                .and_then(|r| r.checked_mul(Decimal::ONE_HUNDRED));
            self.push(
                jaar,
                "roi_percentage",
                format!("{} / {} × 100", euro(x.netto), euro(te)),
                exact,
                roi,
                Eenheid::Procent,
            );
        }
        if let Some(f) = x.break_even_factor {
            let exact = te.checked_div(x.vermeden_kosten);
            self.push(
                jaar,
                "break_even_factor",
                format!("{} / {}", euro(te), euro(x.vermeden_kosten)),
                exact,
                f,
                Eenheid::Factor,
            );
        }
    }
}
