//! The proof against double financing (docs/rekenregels.md § 6): for every role and post, per
//! year, how its lines are financed (through TAPA$, or elsewhere with financier and
//! percentage), the answered reminders with their toelichting, and the contributions from
//! other sources. Worked out once here, so that the `business-case` table, the HTML report and
//! the Word document show the same value. Pure, no I/O.

use std::sync::Arc;

use rust_decimal::Decimal;

pub use super::verdeling::{Verdeling, elders_regel, verdeling};

use super::cost::{Financiering, Kosten, Post, Regel};
use super::overzicht::per_post;
use crate::decimal::dutch;
use crate::scenario::{EldersFinanciering, Scenario};

/// What a row is about: a role's hour lines, or the lines of a post without a role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Onderwerp {
    /// The hour lines of a role of `[uurtarieven]` (every post).
    Rol(Arc<str>),
    /// The lines of a post without a role (a built-in post, a `[[kostenpost]]`, the overhead).
    Post(Post),
}

/// How a role's or post's lines of one year are financed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Wijze {
    /// No line of it in that year.
    Geen,
    /// Entirely through TAPA$.
    Tapas,
    /// Elsewhere, `percentage` (100: entirely) by `financier`; the rest through TAPA$.
    Elders {
        /// Who pays that part (`elders` for a role of `elders_gefinancierd`).
        financier: String,
        /// The share paid elsewhere, `0 < p ≤ 100`.
        percentage: Decimal,
    },
}

/// One year of a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JaarFinanciering {
    /// Calendar year.
    pub jaar: i32,
    /// How it is financed.
    pub wijze: Wijze,
    /// Σ of its lines (and parts) financed through TAPA$ that year.
    pub tapas: Decimal,
    /// Σ of its lines (and parts) financed elsewhere that year.
    pub elders: Decimal,
}

impl JaarFinanciering {
    /// The Dutch text of a table cell: `TAPA$`, `elders: Stichting PZNL`,
    /// `50 % Stichting PZNL, rest TAPA$`, `elders` (a role of `elders_gefinancierd`, whose
    /// financier is not named), or `—` without lines.
    pub fn omschrijving(&self) -> String {
        match &self.wijze {
            Wijze::Geen => "—".to_string(),
            Wijze::Tapas => "TAPA$".to_string(),
            Wijze::Elders {
                financier,
                percentage,
            } if *percentage == Decimal::ONE_HUNDRED
                && financier == crate::scenario::FINANCIER_ELDERS =>
            {
                "elders".to_string()
            }
            Wijze::Elders {
                financier,
                percentage,
            } if *percentage == Decimal::ONE_HUNDRED => format!("elders: {financier}"),
            Wijze::Elders {
                financier,
                percentage,
            } => {
                let p = percentage.normalize();
                format!("{} % {financier}, rest TAPA$", dutch(p, p.scale()))
            }
        }
    }
}

/// One role or post with its financing per year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FinancieringRij {
    /// The role or post.
    pub onderwerp: Onderwerp,
    /// Its label in tables: the role's name, or the post's label (an own post's naam).
    pub label: String,
    /// One per year of the horizon, in order.
    pub jaren: Vec<JaarFinanciering>,
}

/// An answered reminder (`[[financiering.nagegaan]]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NagegaanRij {
    /// The role.
    pub rol: Arc<str>,
    /// What was checked.
    pub toelichting: String,
}

/// A contribution from another source (`[[bijdrage]]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BijdrageRij {
    /// Label.
    pub naam: String,
    /// The year.
    pub jaar: i32,
    /// The amount as counted, rounded to cents.
    pub bedrag: Decimal,
    /// Who pays it.
    pub financier: String,
}

/// The proof against double financing of one scenario.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DubbeleFinanciering {
    /// The years of the horizon (the columns).
    pub jaren: Vec<i32>,
    /// Every role of `[uurtarieven]` with lines (in that order), then every post without a role
    /// with lines (in the order of "Kosten per post", the overhead last).
    pub rijen: Vec<FinancieringRij>,
    /// The answered reminders, in file order.
    pub nagegaan: Vec<NagegaanRij>,
    /// The contributions, in file order.
    pub bijdragen: Vec<BijdrageRij>,
}

/// Whether the scenario uses the financing additions (`[[financiering.elders]]`,
/// `[[financiering.nagegaan]]`, `[[bijdrage]]`): then the `business-case` table shows the
/// proof (without them its output stays as it was).
pub fn heeft_aanvullingen(s: &Scenario) -> bool {
    s.financiering_elders.len() > s.elders_gefinancierd.len()
        || !s.nagegaan.is_empty()
        || !s.bijdragen.is_empty()
}

/// The proof against double financing of `s`, whose costs (with their lines) are `k`.
pub fn dubbele_financiering(s: &Scenario, k: &Kosten) -> DubbeleFinanciering {
    let mut rijen = Vec::new();
    for u in &s.uurtarieven {
        let rol = Arc::clone(&u.rol);
        let van = |r: &Regel| r.rol.as_deref() == Some(&*rol);
        if heeft_regels(k, &van) {
            let jaren = per_jaar(k, &van, |jaar| {
                s.elders_rol(&rol, jaar).map(wijze).or_else(|| {
                    s.elders_gefinancierd
                        .iter()
                        .any(|r| **r == *rol)
                        .then(|| Wijze::Elders {
                            financier: crate::scenario::FINANCIER_ELDERS.to_string(),
                            percentage: Decimal::ONE_HUNDRED,
                        })
                })
            });
            rijen.push(FinancieringRij {
                label: rol.to_string(),
                onderwerp: Onderwerp::Rol(rol),
                jaren,
            });
        }
    }
    for (post, _) in per_post(k) {
        let van = |r: &Regel| r.rol.is_none() && r.post == post;
        if !heeft_regels(k, &van) {
            continue;
        }
        let jaren = per_jaar(k, &van, |jaar| match post {
            Post::Overhead => None,
            _ => s.elders_post(post.naam(s), jaar).map(wijze),
        });
        rijen.push(FinancieringRij {
            onderwerp: Onderwerp::Post(post),
            label: post.label_in(s).to_string(),
            jaren,
        });
    }
    DubbeleFinanciering {
        jaren: k.jaren.iter().map(|j| j.jaar).collect(),
        rijen,
        nagegaan: s
            .nagegaan
            .iter()
            .map(|n| NagegaanRij {
                rol: Arc::clone(&n.rol),
                toelichting: n.toelichting.clone(),
            })
            .collect(),
        bijdragen: s
            .bijdragen
            .iter()
            .map(|b| BijdrageRij {
                naam: b.naam.clone(),
                jaar: b.jaar,
                bedrag: crate::decimal::round_money(b.bedrag),
                financier: b.financier.clone(),
            })
            .collect(),
    }
}

/// How a role's hour lines are financed over the whole horizon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RolWijze {
    /// Through TAPA$ in every year.
    Tapas,
    /// Entirely elsewhere in every year (what `elders_gefinancierd` says).
    Elders,
    /// Elsewhere in part, or only in some years.
    Deels,
}

impl RolWijze {
    /// The words after a role's name in a label: `None`, `elders gefinancierd`,
    /// `deels elders gefinancierd`.
    pub fn tekst(self) -> Option<&'static str> {
        match self {
            RolWijze::Tapas => None,
            RolWijze::Elders => Some("elders gefinancierd"),
            RolWijze::Deels => Some("deels elders gefinancierd"),
        }
    }
}

/// How the hour lines of `rol` are financed over the horizon of `s`.
pub fn rol_wijze(s: &Scenario, rol: &str) -> RolWijze {
    let mut tapas = false;
    let mut elders = false;
    for jaar in s.jaren() {
        match verdeling(s, Some(rol), Post::Bijeenkomsten, jaar) {
            Verdeling::Tapas => tapas = true,
            Verdeling::Elders => elders = true,
            Verdeling::Deels(_) => return RolWijze::Deels,
        }
    }
    match (tapas, elders) {
        (_, false) => RolWijze::Tapas,
        (false, true) => RolWijze::Elders,
        (true, true) => RolWijze::Deels,
    }
}

fn wijze(e: &EldersFinanciering) -> Wijze {
    Wijze::Elders {
        financier: e.financier.clone(),
        percentage: e.percentage,
    }
}

fn heeft_regels(k: &Kosten, van: &dyn Fn(&Regel) -> bool) -> bool {
    k.jaren.iter().any(|j| j.regels.iter().any(van))
}

/// Per year: the sums of the lines `van` picks, and how they are financed (`elders` gives the
/// entry covering the year, if any).
fn per_jaar(
    k: &Kosten,
    van: &dyn Fn(&Regel) -> bool,
    elders: impl Fn(i32) -> Option<Wijze>,
) -> Vec<JaarFinanciering> {
    k.jaren
        .iter()
        .map(|j| {
            let mut tapas = Decimal::ZERO;
            let mut elders_som = Decimal::ZERO;
            let mut any = false;
            for r in j.regels.iter().filter(|r| van(r)) {
                any = true;
                // Sums of lines within the engine's bound: exact, never overflowing.
                let som = match r.financiering {
                    Financiering::Tapas => &mut tapas,
                    Financiering::Elders => &mut elders_som,
                };
                *som = som.checked_add(r.bedrag).unwrap_or(*som);
            }
            let wijze = if any {
                elders(j.jaar).unwrap_or(Wijze::Tapas)
            } else {
                Wijze::Geen
            };
            JaarFinanciering {
                jaar: j.jaar,
                wijze,
                tapas,
                elders: elders_som,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scenario(extra: &str) -> Scenario {
        let text = format!(
            "formaat = 1\n[scenario]\nnaam = \"t\"\nstartjaar = 2026\nlooptijd_jaren = 2\n\
             verzekerden = 1000\n[uurtarieven]\nhuisarts = 100\nconsulent = 120\n[werkwijze]\n\
             bijeenkomsten_per_jaar = 6\nduur_uren = 1\npatienten_per_jaar = 0\n\
             [[groep]]\nnaam = \"A\"\ndeelnemers = {{ huisarts = 4, consulent = 1 }}\n\
             [ondersteuning]\nmonitoring_per_jaar = 500\noverhead_percentage = 10\n{extra}"
        );
        crate::scenario::parse(&text).unwrap_or_else(|e| panic!("invalid: {e:?}"))
    }

    #[test]
    fn every_role_and_post_says_per_year_how_it_is_financed() {
        let s = scenario(
            "[[financiering.elders]]\nrol = \"consulent\"\npercentage = 50\ntot_en_met = 2026\n\
             financier = \"Stichting PZNL\"\n\
             [[financiering.elders]]\npost = \"monitoring\"\nvanaf = 2027\nfinancier = \"Netwerk\"\n\
             [[financiering.nagegaan]]\nrol = \"consulent\"\ntoelichting = \"gepauzeerd\"\n",
        );
        let k = crate::calc::cost::evaluate(&s).expect("costs");
        let f = dubbele_financiering(&s, &k);
        assert!(heeft_aanvullingen(&s));
        let labels: Vec<&str> = f.rijen.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "huisarts",
                "consulent",
                "Monitoring en evaluatie",
                "Overhead penvoerder"
            ]
        );
        let cel = |rij: usize, jaar: usize| {
            f.rijen
                .get(rij)
                .and_then(|r| r.jaren.get(jaar))
                .map(JaarFinanciering::omschrijving)
        };
        assert_eq!(cel(0, 0).as_deref(), Some("TAPA$"));
        assert_eq!(
            cel(1, 0).as_deref(),
            Some("50 % Stichting PZNL, rest TAPA$")
        );
        assert_eq!(cel(1, 1).as_deref(), Some("TAPA$"));
        assert_eq!(cel(2, 0).as_deref(), Some("TAPA$"));
        assert_eq!(cel(2, 1).as_deref(), Some("elders: Netwerk"));
        // The consulent in 2026: 6 h × € 120 = € 720,00, half elsewhere.
        let c = &f.rijen[1].jaren[0];
        assert_eq!(
            (c.tapas, c.elders),
            (Decimal::new(36000, 2), Decimal::new(36000, 2))
        );
        assert_eq!(f.nagegaan.len(), 1);
        assert_eq!(f.nagegaan[0].toelichting, "gepauzeerd");
    }

    #[test]
    fn a_split_line_gives_the_elsewhere_part_rounded_half_away_from_zero_and_tapas_the_rest() {
        let v = Verdeling::Deels(Decimal::from(60));
        // € 1,516.73 × 0.6 = 910.038 → 910.04; TAPA$ 606.69.
        assert_eq!(v.elders_cents(151_673), 91_004);
        assert_eq!(v.tapas(Decimal::new(151_673, 2)), Decimal::new(60_669, 2));
        // € 0.25 × 0.6 = 0.15 exactly; € 0.05 × 0.5 = 0.025 → 0.03 (half away from zero).
        assert_eq!(v.elders_cents(25), 15);
        assert_eq!(Verdeling::Deels(Decimal::from(50)).elders_cents(5), 3);
        assert_eq!(Verdeling::Deels(Decimal::from(50)).tapas_cents(5), 2);
        assert_eq!(
            Verdeling::Tapas.tapas(Decimal::new(12_345, 2)),
            Decimal::new(12_345, 2)
        );
        assert_eq!(
            Verdeling::Elders.tapas(Decimal::new(12_345, 2)),
            Decimal::ZERO
        );
    }

    #[test]
    fn a_role_is_labelled_by_how_it_is_financed_over_the_whole_horizon() {
        let s = scenario(
            "[[financiering.elders]]\nrol = \"consulent\"\ntot_en_met = 2026\n\
             financier = \"Stichting PZNL\"\n",
        );
        // Elsewhere in 2026 only: 2027 is TAPA$.
        assert_eq!(rol_wijze(&s, "consulent"), RolWijze::Deels);
        assert_eq!(
            verdeling(&s, Some("consulent"), Post::Bijeenkomsten, 2026),
            Verdeling::Elders
        );
        assert_eq!(
            verdeling(&s, Some("consulent"), Post::TelefonischeOndersteuning, 2027),
            Verdeling::Tapas
        );
        assert_eq!(rol_wijze(&s, "huisarts"), RolWijze::Tapas);
        assert_eq!(RolWijze::Deels.tekst(), Some("deels elders gefinancierd"));
        let s = scenario("[financiering]\nelders_gefinancierd = [\"consulent\"]\n");
        assert_eq!(rol_wijze(&s, "consulent"), RolWijze::Elders);
        assert_eq!(RolWijze::Elders.tekst(), Some("elders gefinancierd"));
        let s = scenario(
            "[[financiering.elders]]\nrol = \"consulent\"\npercentage = 60\n\
             financier = \"Stichting PZNL\"\n",
        );
        assert_eq!(rol_wijze(&s, "consulent"), RolWijze::Deels);
        assert_eq!(
            verdeling(&s, Some("consulent"), Post::Voorzitter, 2027),
            Verdeling::Deels(Decimal::from(60))
        );
        assert_eq!(verdeling(&s, None, Post::Overhead, 2026), Verdeling::Tapas);
    }

    #[test]
    fn a_scenario_with_only_elders_gefinancierd_has_no_additions() {
        let s = scenario("[financiering]\nelders_gefinancierd = [\"consulent\"]\n");
        assert!(!heeft_aanvullingen(&s));
        let k = crate::calc::cost::evaluate(&s).expect("costs");
        let f = dubbele_financiering(&s, &k);
        assert_eq!(
            f.rijen[1].jaren[0].omschrijving(),
            "elders",
            "the role of elders_gefinancierd: no financier to name"
        );
    }
}
