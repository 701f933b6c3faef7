//! `cost`, `impact`, `offers`, `business-case` and `explain`: one scenario's figures, each a
//! render of the calculation. Through the application layer only.

use std::path::Path;

use patz_calc::cli::{OffersPer, OutputArgs};
use patz_calc::scenario::{Grootheid, Scenario};
use patz_calc::{calc, render};

use crate::app::beoordeling::needs_impact;
use crate::app::{App, Fout, Melding};

pub(crate) fn cost(app: &mut App, file: &Path, output: &OutputArgs) -> Result<(), Fout> {
    let opts = output.options();
    app.met_scenario(file, Some(opts.format), |_, s, r| {
        Ok(render::cost(s, &r.kosten, opts))
    })
}

pub(crate) fn impact(app: &mut App, file: &Path, output: &OutputArgs) -> Result<(), Fout> {
    let opts = output.options();
    app.met_scenario(file, Some(opts.format), |_, s, r| {
        let impact = needs_impact(file, r.impact.as_ref())?;
        Ok(render::impact(s, impact, opts))
    })
}

pub(crate) fn offers(
    app: &mut App,
    file: &Path,
    per: OffersPer,
    output: &OutputArgs,
) -> Result<(), Fout> {
    let opts = output.options();
    let per_verzekeraar = per == OffersPer::Verzekeraar;
    app.met_scenario(file, Some(opts.format), |_, s, r| {
        Ok(render::offers(s, r, per_verzekeraar, opts))
    })
}

pub(crate) fn business_case(app: &mut App, file: &Path, output: &OutputArgs) -> Result<(), Fout> {
    let opts = output.options();
    app.met_scenario(file, Some(opts.format), |_, s, r| {
        let impact = needs_impact(file, r.impact.as_ref())?;
        let Some(bc) = &r.businesscase else {
            return Err(Fout::Ongeldig(Vec::new()));
        };
        Ok(render::business_case(
            s,
            &r.kosten,
            impact,
            bc,
            &r.per_verzekeraar,
            opts,
        ))
    })
}

/// What `explain` is asked to show.
pub(crate) struct Selectie {
    pub(crate) jaar: Option<i32>,
    pub(crate) groep: Option<String>,
    pub(crate) post: Option<String>,
}

pub(crate) fn explain(
    app: &mut App,
    file: &Path,
    selectie: Selectie,
    output: &OutputArgs,
) -> Result<(), Fout> {
    let opts = output.options();
    app.met_scenario(file, Some(opts.format), |_, s, r| {
        let filter = explain_filter(s, selectie)?;
        let mut lines = calc::explain::explain(s, &r.kosten, r.impact.as_ref(), &filter);
        match (&r.impact, &r.businesscase) {
            (Some(i), Some(bc)) => lines.extend(calc::explain::explain_saldo(i, bc, &filter)),
            _ => {
                let impact_figure = filter
                    .post
                    .as_deref()
                    .is_some_and(|p| Grootheid::parse(p).is_some_and(|g| g.vraagt_impact()));
                if impact_figure {
                    needs_impact(file, None)?;
                }
            }
        }
        Ok(render::explain(s, &lines, opts))
    })
}

/// The name `explain` knows for a post or total the user wrote in any case, or as its label in
/// the tables (`ICT`, `Overhead penvoerder`); `None` when it is none of them.
fn post_naam(p: &str) -> Option<String> {
    let key = p.trim().to_lowercase().replace([' ', '-'], "_");
    let label = p.trim().to_lowercase();
    calc::cost::Post::ALL
        .iter()
        .find(|x| x.as_str() == key || x.label().to_lowercase() == label)
        .map(|x| x.as_str().to_string())
        .or_else(|| {
            calc::explain::TOTALEN
                .iter()
                .find(|t| **t == key)
                .map(|t| t.to_string())
        })
}

/// Checks the `explain` selection against the scenario (a usage error when it names nothing).
fn explain_filter(s: &Scenario, selectie: Selectie) -> Result<calc::explain::Filter, Fout> {
    let Selectie { jaar, groep, post } = selectie;
    // A post as the tables show it ("ICT", "Overhead penvoerder") or in any case is that post.
    let post = post.map(|p| post_naam(&p).unwrap_or(p));
    let mut fouten = Vec::new();
    if let Some(j) = jaar
        && !s.jaren().any(|y| y == j)
    {
        fouten.push(Melding::fout(format!(
            "--jaar {j} ligt buiten de looptijd {}–{}",
            s.startjaar,
            s.eindjaar()
        )));
    }
    if let Some(g) = &groep
        && !s.groepen.iter().any(|x| &x.naam == g)
    {
        let names: Vec<&str> = s.groepen.iter().map(|x| x.naam.as_str()).collect();
        fouten.push(
            Melding::fout(format!("--groep '{g}' bestaat niet in dit scenario"))
                .hint(format!("groepen: {}", names.join(", "))),
        );
    }
    if let Some(p) = &post
        && calc::cost::Post::parse_in(p, s).is_none()
        && !calc::explain::TOTALEN.contains(&p.as_str())
        && (p != calc::explain::BIJDRAGEN || s.bijdragen.is_empty())
    {
        let mut names: Vec<&str> = calc::cost::Post::ALL.iter().map(|p| p.as_str()).collect();
        names.extend(s.kostenposten.iter().map(|k| k.id.as_str()));
        names.extend(calc::explain::TOTALEN);
        if !s.bijdragen.is_empty() {
            names.push(calc::explain::BIJDRAGEN);
        }
        fouten.push(
            Melding::fout(format!("--post '{p}' is geen post of totaal"))
                .hint(format!("kies uit: {}", names.join(", "))),
        );
    }
    if !fouten.is_empty() {
        return Err(Fout::Ongeldig(fouten));
    }
    Ok(calc::explain::Filter { jaar, groep, post })
}
