//! `[uurtarieven]` (the roles and their rates), with the one check that a role named anywhere has a rate. A rate that nothing uses and a
//! role used without a rate, spelled alike, are one typo: reported once, at the rate. Pure, no
//! I/O.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::ops::Range;
use std::sync::Arc;

use super::super::model::{Scenario, Uurtarief};
use super::super::pad::nearest;
use super::super::schema::{self, WERKWIJZE_NAMEN};
use toml::Spanned;

use super::cx::Cx;
use super::tabel::{Table, same_key};
use super::veld::{Field, FieldPath};

/// A use of a role that has no rate.
struct Miss {
    rol: String,
    path: String,
    span: Range<usize>,
    /// Not written: the default `huisarts` of `voorzitter_rol` or `coordinatie_rol`.
    default: bool,
}

/// The roles of `[uurtarieven]`, as written and shared.
pub(super) struct Rollen<'d> {
    /// Whether `[uurtarieven]` was read (else no role is reported as unknown).
    known: bool,
    /// The role names as written, in file order.
    names: Vec<&'d str>,
    /// Each role name once, shared by every group and line that names it.
    shared: Vec<Arc<str>>,
    /// Where each role's key stands in `[uurtarieven]`, in file order.
    spans: Vec<Range<usize>>,
    /// Whether each role's name passed [`Cx::key_text`]: the same text elsewhere passes too.
    geldig: Vec<bool>,
    /// Whether each role was named somewhere (a group, a werkwijze role, `[financiering]`).
    used: Vec<Cell<bool>>,
    /// Every use of a role without a rate. Reported by [`Rollen::finish`], when every use is
    /// known.
    misses: RefCell<Vec<Miss>>,
}

impl Rollen<'_> {
    /// The shared names, in the order of `[uurtarieven]`.
    pub(super) fn shared(&self) -> &[Arc<str>] {
        &self.shared
    }

    /// Which role of `[uurtarieven]` `rol` is, if any.
    fn index(&self, rol: &str) -> Option<usize> {
        self.names.iter().position(|r| same_key(r, rol))
    }

    /// Which role of `[uurtarieven]` the key `key` names (a group's participants); the key
    /// checked as [`Cx::key_text`] checks it and reported as [`Rollen::check`] reports it. A
    /// key that is the name of a role in `[uurtarieven]` that passed the text check there
    /// passes it again: not checked twice (27,027 keys on 400 generated files: about 3 M
    /// instructions). The role's number, not its shared name: the caller shares it once.
    pub(super) fn check_key(
        &self,
        cx: &mut Cx,
        key: &Spanned<Cow<'_, str>>,
        path: FieldPath<'_>,
    ) -> Option<usize> {
        let rol: &str = key.get_ref();
        let i = self.index(rol);
        if i.is_none_or(|i| self.geldig.get(i) != Some(&true)) {
            cx.key_text(key, path);
        }
        self.found(i, rol, path, key.span())
    }

    /// The shared name of `rol`; reported at `path` and `span` when it has no rate.
    pub(super) fn check(
        &self,
        // Kept for the callers: the miss is reported by `finish`, when every use is known.
        _cx: &mut Cx,
        rol: &str,
        path: FieldPath<'_>,
        span: Range<usize>,
    ) -> Option<Arc<str>> {
        let i = self.found(self.index(rol), rol, path, span)?;
        self.shared.get(i).cloned()
    }

    /// `i`, the role `rol` is in `[uurtarieven]`, marked as used; without one, the use of `rol`
    /// at `path` and `span` is kept for [`Rollen::finish`].
    #[inline]
    fn found(
        &self,
        i: Option<usize>,
        rol: &str,
        path: FieldPath<'_>,
        span: Range<usize>,
    ) -> Option<usize> {
        if let Some(i) = i {
            if let Some(u) = self.used.get(i) {
                u.set(true);
            }
            return Some(i);
        }
        if self.known {
            self.misses.borrow_mut().push(Miss {
                rol: rol.to_string(),
                path: path.build(),
                span,
                default: false,
            });
        }
        None
    }

    /// Like [`Rollen::check`] for a role that is not written but a default (`huisarts` as
    /// voorzitter or coordinator), reported at `path` and `span` (the group).
    pub(super) fn check_default(
        &self,
        cx: &mut Cx,
        rol: &str,
        path: FieldPath<'_>,
        span: Range<usize>,
    ) -> Option<Arc<str>> {
        let before = self.misses.borrow().len();
        let found = self.check(cx, rol, path, span);
        if let Some(m) = self.misses.borrow_mut().get_mut(before) {
            m.default = true;
        }
        found
    }

    /// Reports every use of a role without a rate. A role used in several places whose
    /// spelling is close to a rate that nothing uses is one typo in `[uurtarieven]`: one error
    /// at that rate, none at the uses (which are spelled alike, so most likely right).
    pub(super) fn finish(&self, cx: &mut Cx) {
        let misses = self.misses.take();
        if misses.is_empty() {
            return;
        }
        // The missing role names, in the order they were first used.
        let mut roles: Vec<&str> = Vec::new();
        for m in &misses {
            if !roles.contains(&m.rol.as_str()) {
                roles.push(&m.rol);
            }
        }
        let mut taken: Vec<usize> = Vec::new();
        for rol in roles {
            // Each place once (every group checks the roles of [werkwijze]), in file order.
            let mut uses: Vec<&Miss> = misses.iter().filter(|m| m.rol == rol).collect();
            uses.sort_by_key(|m| (m.span.start, m.path.as_str()));
            uses.dedup_by(|a, b| a.path == b.path && a.span == b.span);
            let unused = self
                .names
                .iter()
                .enumerate()
                .filter(|(i, _)| !taken.contains(i) && !self.used.get(*i).is_some_and(Cell::get))
                .map(|(_, r)| *r);
            let typo = nearest(rol, unused)
                .and_then(|r| self.names.iter().position(|n| *n == r))
                .filter(|_| uses.len() > 1);
            // An example of a use as written: a participant count, else the first.
            let written: Vec<&&Miss> = uses.iter().filter(|m| !m.default).collect();
            let example = written
                .iter()
                .find(|m| m.path.contains(".deelnemers."))
                .or(written.first());
            match typo {
                Some(i) => {
                    taken.push(i);
                    let name = self.names.get(i).copied().unwrap_or_default();
                    let span = self.spans.get(i).cloned().unwrap_or_default();
                    let waar = match (written.len(), example) {
                        (0, _) | (_, None) => {
                            "de standaard voorzitter_rol en coordinatie_rol is".to_string()
                        }
                        (1, Some(m)) => format!("gebruikt wordt in {}", m.path),
                        (n, Some(m)) => {
                            format!("op {n} plaatsen gebruikt wordt (bijv. {})", m.path)
                        }
                    };
                    cx.error_at(
                        span,
                        &super::veld::join("uurtarieven", name),
                        format!(
                            "rol '{}' wordt nergens gebruikt, terwijl rol '{}' {waar} en geen \
                             uurtarief heeft",
                            crate::naam::zichtbaar(name),
                            crate::naam::zichtbaar(rol),
                        ),
                        Some(format!("bedoelde je '{}'?", crate::naam::zichtbaar(rol))),
                    );
                }
                None => {
                    for m in uses {
                        let hint = nearest(&m.rol, self.names.iter().copied())
                            .map(|r| format!("bedoelde je '{r}'?"))
                            .or_else(|| {
                                Some(format!("voeg '{} = …' toe aan [uurtarieven]", m.rol))
                            });
                        cx.error_at(
                            m.span.clone(),
                            &m.path,
                            format!("rol '{}' heeft geen uurtarief in [uurtarieven]", m.rol),
                            hint,
                        );
                    }
                }
            }
        }
    }
}

/// `[uurtarieven]` into `s`. A key that is a `[werkwijze]` field is no role: with
/// `werkwijze_present` false, the header `[werkwijze]` above it was left out (one error for all
/// of them; [`super::werkwijze::defaults`] reads them as the werkwijze), else it is in the
/// wrong section.
pub(super) fn uurtarieven<'d>(
    cx: &mut Cx,
    top: &Table<'_, '_>,
    uurtarieven_field: Option<Field<'d, '_, '_>>,
    werkwijze_present: bool,
    s: &mut Scenario,
) -> Rollen<'d> {
    let mut roles_known = false;
    let mut roles: Vec<&str> = Vec::new();
    let mut role_names: Vec<Arc<str>> = Vec::new();
    let mut spans: Vec<Range<usize>> = Vec::new();
    let mut geldig: Vec<bool> = Vec::new();
    match uurtarieven_field {
        Some(f) => {
            if let Some(t) = cx.table(&f) {
                roles_known = true;
                let mut misplaced: Vec<(&str, Range<usize>)> = Vec::new();
                for (key, value) in t.table.iter() {
                    if WERKWIJZE_NAMEN.contains(&key.get_ref().as_ref()) {
                        misplaced.push((key.get_ref(), key.span()));
                        continue;
                    }
                    let field = Field {
                        value,
                        path: t.child(key.get_ref()),
                    };
                    geldig.push(cx.key_text(key, field.path));
                    roles.push(key.get_ref());
                    spans.push(key.span());
                    let name: Arc<str> = Arc::from(key.get_ref().as_ref());
                    role_names.push(Arc::clone(&name));
                    if let Some(v) = cx.getal(&field, &schema::UURTARIEF) {
                        s.uurtarieven.push(Uurtarief {
                            rol: name,
                            bedrag: v,
                        });
                    }
                }
                misplaced_werkwijze(cx, &misplaced, werkwijze_present);
            }
        }
        None => cx.missing(
            top,
            "uurtarieven",
            Some(
                "voeg [uurtarieven] toe met een bedrag per uur per rol, bijv. huisarts = 116.00"
                    .into(),
            ),
        ),
    }
    Rollen {
        known: roles_known,
        used: roles.iter().map(|_| Cell::new(false)).collect(),
        names: roles,
        shared: role_names,
        spans,
        geldig,
        misses: RefCell::new(Vec::new()),
    }
}

/// One error for the `[werkwijze]` fields written in `[uurtarieven]`, at the first of them.
fn misplaced_werkwijze(cx: &mut Cx, misplaced: &[(&str, Range<usize>)], werkwijze_present: bool) {
    let Some((first, span)) = misplaced.first() else {
        return;
    };
    let names: Vec<String> = misplaced.iter().map(|(k, _)| format!("'{k}'")).collect();
    let (what, are) = match names.as_slice() {
        [one] => (one.clone(), "is geen rol maar een veld"),
        [a, b, c, rest @ ..] if rest.len() > 1 => (
            format!("{a}, {b}, {c} en {} andere", rest.len()),
            "zijn geen rollen maar velden",
        ),
        _ => (names.join(", "), "zijn geen rollen maar velden"),
    };
    let (message, hint) = if werkwijze_present {
        (
            format!("{what} {are} van [werkwijze]"),
            "zet ze in [werkwijze] (voor alle groepen) of in een [[groep]]".to_string(),
        )
    } else {
        (
            format!("{what} {are} van [werkwijze]: de kop [werkwijze] ontbreekt erboven"),
            format!("zet [werkwijze] op een eigen regel boven {first}"),
        )
    };
    cx.error_at(
        span.clone(),
        &super::veld::join("uurtarieven", first),
        message,
        Some(hint),
    );
}
