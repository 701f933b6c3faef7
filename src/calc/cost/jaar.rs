//! The sums of a year's lines (and of the horizon's) in integer cents as the lines are added,
//! the bound on every amount with the fields an error names, and the cost-covering tariff.
//! Pure, no I/O.

use std::sync::Arc;

use rust_decimal::Decimal;

use super::snel::{Rol, Uren, Verdelingen};
use super::{Financiering, Post, Regel, Totalen};
use crate::calc::verdeling::Verdeling;
use crate::calc::{CalcError, binnen_grens, euro_bedrag};
use crate::decimal::exact::{Afronding, Exact};
use crate::scenario::{KostenpostPer, Scenario};

/// Which line an amount is: enough to name the fields it comes from, should it be too large.
#[derive(Clone, Copy)]
pub(super) struct Herkomst<'r> {
    pub(super) groep: Option<usize>,
    pub(super) post: Post,
    pub(super) rol: Option<&'r Rol<'r>>,
}

/// The line's field path, description and the fields it is calculated from.
pub(super) struct Velden {
    pub(super) path: String,
    pub(super) wat: String,
    pub(super) velden: Vec<String>,
}

impl Velden {
    pub(super) fn te_groot(self) -> CalcError {
        CalcError::BedragTeGroot {
            path: self.path,
            wat: self.wat,
            velden: self.velden,
        }
    }
}

impl Herkomst<'_> {
    pub(super) fn velden(&self, s: &Scenario, jaar: i32) -> Velden {
        let g = self.groep.and_then(|gi| s.groepen.get(gi).map(|g| (gi, g)));
        // A werkwijze field as the group has it: its own, or `[werkwijze]`'s.
        let ww = |veld: &str| match g {
            Some((gi, g)) if g.eigen.contains(&veld) => format!("groep[{}].{veld}", gi + 1),
            _ => format!("werkwijze.{veld}"),
        };
        let steun = |veld: &str| format!("ondersteuning.{veld}");
        let groep = |veld: &str| match g {
            Some((gi, _)) => format!("groep[{}].{veld}", gi + 1),
            None => format!("groep.{veld}"),
        };
        let rol = self.rol.map(|r| r.naam.to_string()).unwrap_or_default();
        let tarief = format!("uurtarieven.{rol}");
        let mut velden = match self.post {
            Post::Bijeenkomsten => vec![
                ww("bijeenkomsten_per_jaar"),
                groep(&format!("deelnemers.{rol}")),
                ww("duur_uren"),
                ww("voorbereiding_uren"),
                ww("reistijd_uren"),
                tarief,
            ],
            Post::Voorzitter => vec![ww("bijeenkomsten_per_jaar"), ww("voorzitter_uren"), tarief],
            Post::Coordinatie => vec![
                ww("patienten_per_jaar"),
                ww("coordinatie_uren_per_patient"),
                tarief,
            ],
            Post::TelefonischeOndersteuning => {
                vec![ww("telefonische_ondersteuning_uren"), tarief]
            }
            Post::Ict => vec![steun("ict_per_groep")],
            Post::Huisvesting => vec![
                ww("bijeenkomsten_per_jaar"),
                steun("huisvesting_per_bijeenkomst"),
            ],
            Post::Startkosten => vec![steun("startkosten_per_nieuwe_groep")],
            Post::Scholing => vec![steun("scholing_per_nieuwe_deelnemer"), groep("deelnemers")],
            Post::Projectleiding => vec![
                steun("projectleiding_uren"),
                steun("projectleiding_uurtarief"),
            ],
            Post::Monitoring => vec![steun("monitoring_per_jaar")],
            Post::Kostenpost(ki) => {
                let k = s.kostenposten.get(usize::from(ki));
                let mut v = vec![k.map_or_else(
                    || "kostenpost".to_string(),
                    |k| format!("{}.bedrag", k.path),
                )];
                if k.is_some_and(|k| k.per == KostenpostPer::Bijeenkomst) {
                    v.push(ww("bijeenkomsten_per_jaar"));
                }
                v
            }
            Post::Overhead => vec![
                steun("overhead_percentage"),
                format!("de TAPA$-regels van {jaar}"),
            ],
        };
        if self.post != Post::Overhead && !s.indexatie_percentage.is_zero() {
            velden.push("indexatie.kosten_percentage_per_jaar".into());
        }
        let path = match (self.rol, g) {
            (Some(_), Some((gi, _))) => format!("groep[{}]", gi + 1),
            _ => velden.first().cloned().unwrap_or_default(),
        };
        let wat = match self.rol {
            Some(r) => format!("{} · {} · {jaar}", self.post.naam(s), r.naam),
            None => format!("{} · {jaar}", self.post.naam(s)),
        };
        Velden { path, wat, velden }
    }
}

/// The lines of a year (or, summed, of the horizon) as they are added: their sums in cents and
/// the largest line, whose fields an error about a total names.
pub(super) struct Jaar<'r> {
    /// The calendar year; 0 for the horizon.
    pub(super) jaar: i32,
    /// The line items, kept only when asked for.
    pub(super) regels: Vec<Regel>,
    pub(super) keep_lines: bool,
    pub(super) tapas: i128,
    pub(super) elders: i128,
    /// Σ `[[bijdrage]]`s in cents.
    pub(super) bijdragen: i128,
    /// The largest line so far: its amount (in size), year and origin.
    pub(super) grootste: Option<(i128, i32, Herkomst<'r>)>,
    /// How the year's lines are financed.
    pub(super) verdelingen: Verdelingen,
    /// `I(y)`'s 64-bit mantissa and scale when the groups' lines may take the fast path
    /// `Groepsregels::snel` (src/calc/cost/snel.rs): no lines kept, all of them TAPA$-financed.
    pub(super) snel: Option<(u64, u32)>,
}

impl<'r> Jaar<'r> {
    pub(super) fn new(jaar: i32, keep_lines: bool, verdelingen: Verdelingen) -> Jaar<'r> {
        Jaar {
            jaar,
            regels: Vec::new(),
            keep_lines,
            tapas: 0,
            elders: 0,
            bijdragen: 0,
            grootste: None,
            verdelingen,
            snel: None,
        }
    }

    /// The year whose `I(y)` is `i`, with [`Jaar::snel`] set where the fast path may be taken.
    pub(super) fn met_snel(mut self, i: &Exact) -> Jaar<'r> {
        self.snel = match self.keep_lines || !self.verdelingen.alles_tapas {
            true => None,
            false => i.u64_delen(),
        };
        self
    }

    /// Adds TAPA$-financed lines the fast path rounded (src/calc/cost/snel.rs): their sum in
    /// cents and the largest of them, as [`Jaar::regel`] adds them one by one.
    pub(super) fn snel_erbij(&mut self, tapas: u64, grootste: Option<(u64, Herkomst<'r>)>) {
        self.tapas = self.tapas.saturating_add(i128::from(tapas));
        if let Some((size, h)) = grootste {
            self.grootste_van(i128::from(size), self.jaar, h);
        }
    }

    /// Adds a line whose exact amount rounded once to cents, half away from zero, is `cents`
    /// ([`cents`](super::regels::cents)); an hour line unless both hours and amount are zero, another line unless it
    /// is zero.
    pub(super) fn regel(
        &mut self,
        s: &Scenario,
        h: Herkomst<'r>,
        uren: Option<&Uren>,
        cents: Option<i128>,
    ) -> Result<(), CalcError> {
        let Some(cents) = binnen_grens(cents) else {
            return Err(h.velden(s, self.jaar).te_groot());
        };
        let uren_exact = uren.map(|u| &u.exact);
        if cents == 0 && uren_exact.is_none_or(Exact::is_zero) {
            return Ok(());
        }
        // The hours as a `Decimal` (exact, or rounded once past 28 digits): the same error
        // with or without the lines kept.
        if uren.is_some_and(|u| !u.past) {
            return Err(CalcError::Overflow {
                path: h.groep.map_or_else(
                    || "ondersteuning.projectleiding_uren".to_string(),
                    |gi| format!("groep[{}]", gi + 1),
                ),
                wat: format!("uren · {}", self.jaar),
            });
        }
        self.grootste_van(cents.abs(), self.jaar, h);
        let uren = uren_exact;
        // The split is calc::financiering's rule, the same one payout, monitor and settle use.
        let verdeling = self.verdelingen.van(s, &h, self.jaar);
        match verdeling {
            Verdeling::Tapas => self.deel(h, uren, cents, Financiering::Tapas),
            Verdeling::Elders => self.deel(h, uren, cents, Financiering::Elders),
            Verdeling::Deels(_) => {
                // The elsewhere part `cents(B × p/100)`, `U × p/100`; the TAPA$ part the rest.
                let elders_cents = verdeling.elders_cents(cents);
                let elders_uren = uren.map(|u| verdeling.elders_uren(u));
                let tapas_uren = uren.zip(elders_uren.as_ref()).map(|(u, e)| u.add(&e.neg()));
                self.deel(h, elders_uren.as_ref(), elders_cents, Financiering::Elders);
                self.deel(
                    h,
                    tapas_uren.as_ref(),
                    cents - elders_cents,
                    Financiering::Tapas,
                );
            }
        }
        Ok(())
    }

    /// Adds a line (or the part of one) of `cents`, financed as `financiering`.
    #[inline]
    pub(super) fn deel(
        &mut self,
        h: Herkomst<'r>,
        uren: Option<&Exact>,
        cents: i128,
        financiering: Financiering,
    ) {
        // (Below 10^14 each; no count of lines brings an i128 near its end.)
        match financiering {
            Financiering::Tapas => self.tapas = self.tapas.saturating_add(cents),
            Financiering::Elders => self.elders = self.elders.saturating_add(cents),
        }
        if self.keep_lines {
            self.bewaar(h, uren, cents, financiering);
        }
    }

    /// Keeps a line (or the part of one) as a [`Regel`].
    #[inline(never)]
    pub(super) fn bewaar(
        &mut self,
        h: Herkomst<'r>,
        uren: Option<&Exact>,
        cents: i128,
        financiering: Financiering,
    ) {
        self.regels.push(Regel {
            jaar: self.jaar,
            groep: h.groep,
            post: h.post,
            rol: h.rol.map(|r| Arc::clone(r.naam)),
            uren: uren.and_then(Exact::to_decimal),
            bedrag: euro_bedrag(cents),
            financiering,
        });
    }

    /// The year's `[[bijdrage]]`s, each rounded to cents; an error at the contribution that
    /// takes their sum above what TAPA$ would otherwise finance that year.
    pub(super) fn bijdragen(&mut self, s: &Scenario) -> Result<(), CalcError> {
        for b in s.bijdragen.iter().filter(|b| b.jaar == self.jaar) {
            let cents = Exact::from(b.bedrag)
                .to_units(2, Afronding::HalfVanNulAf)
                .unwrap_or(i128::MAX);
            self.bijdragen = self.bijdragen.saturating_add(cents);
            if self.bijdragen > self.tapas {
                return Err(CalcError::BijdrageTeGroot {
                    path: format!("{}.bedrag", b.path),
                    jaar: self.jaar,
                    bijdragen: euro_bedrag(self.bijdragen),
                    tapas: euro_bedrag(self.tapas),
                });
            }
        }
        Ok(())
    }

    pub(super) fn grootste_van(&mut self, size: i128, jaar: i32, h: Herkomst<'r>) {
        if self.grootste.is_none_or(|(g, _, _)| size > g) {
            self.grootste = Some((size, jaar, h));
        }
    }

    /// Adds the sums of a year to the horizon's.
    pub(super) fn voeg_toe(&mut self, y: &Jaar<'r>) {
        self.tapas = self.tapas.saturating_add(y.tapas);
        self.elders = self.elders.saturating_add(y.elders);
        self.bijdragen = self.bijdragen.saturating_add(y.bijdragen);
        if let Some((size, jaar, h)) = y.grootste {
            self.grootste_van(size, jaar, h);
        }
    }

    /// The totals, each within the bound (else an error naming the fields of the largest
    /// line); `te_financieren` the TAPA$ lines less the contributions (never below 0: each
    /// year's contributions were checked); the tariff `te_financieren / verzekerden` rounded up
    /// to the cent.
    pub(super) fn totalen(
        &self,
        s: &Scenario,
        verzekerden: &Exact,
        wat: &str,
    ) -> Result<Totalen, CalcError> {
        let kosten = self.tapas.saturating_add(self.elders);
        if [kosten, self.tapas, self.elders]
            .iter()
            .any(|c| binnen_grens(Some(*c)).is_none())
        {
            let wat = if self.jaar == 0 {
                wat.to_string()
            } else {
                format!("{wat} {}", self.jaar)
            };
            let (path, velden) = match self.grootste {
                Some((_, jaar, h)) => {
                    let v = h.velden(s, jaar);
                    (v.path, v.velden)
                }
                None => ("scenario".to_string(), Vec::new()),
            };
            return Err(CalcError::BedragTeGroot { path, wat, velden });
        }
        let te_financieren = self.tapas.saturating_sub(self.bijdragen);
        Ok(Totalen {
            kosten_totaal: euro_bedrag(kosten),
            elders_gefinancierd: euro_bedrag(self.elders),
            bijdragen: euro_bedrag(self.bijdragen),
            te_financieren: euro_bedrag(te_financieren),
            kostendekkend_tarief: tariff(te_financieren, verzekerden)?,
        })
    }
}

/// `Σ verzekerden(y)` over the horizon: the denominator of the flat horizon tariff
/// (`verzekerden × looptijd_jaren` when it is one number), exactly.
pub(crate) fn verzekerde_jaren(s: &Scenario) -> Exact {
    match &s.verzekerden_per_jaar {
        Some(per_jaar) => per_jaar
            .iter()
            .fold(Exact::from(0u64), |acc, v| acc.add(&Exact::from(*v))),
        None => Exact::from(s.verzekerden).mul(&Exact::from(u64::from(s.looptijd_jaren))),
    }
}

/// The kostendekkend tarief: `te_financieren / verzekerden`, rounded up to the whole cent (the
/// smallest whole-cent tariff `t` with `t × verzekerden ≥ te_financieren`), exactly.
pub(crate) fn tariff(
    te_financieren_cents: i128,
    verzekerden: &Exact,
) -> Result<Decimal, CalcError> {
    Exact::cents(te_financieren_cents)
        .div_units(verzekerden, 2, Afronding::Omhoog)
        .map(euro_bedrag)
        .ok_or_else(|| CalcError::Overflow {
            path: "scenario.verzekerden".into(),
            wat: "kostendekkend tarief (nul verzekerden)".into(),
        })
}
