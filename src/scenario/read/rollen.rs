//! `[uurtarieven]` (the roles and their rates) and `[financiering]` (roles financed elsewhere),
//! with the one check that a role named anywhere has a rate. Pure, no I/O.

use std::ops::Range;
use std::sync::Arc;

use super::super::model::{Scenario, Uurtarief};
use super::super::pad::nearest;
use super::super::schema::{self, FINANCIERING_NAMEN};
use super::cx::{Cx, Field, FieldPath, Key, Table};

/// The roles of `[uurtarieven]`, as written and shared.
pub(super) struct Rollen<'d> {
    /// Whether `[uurtarieven]` was read (else no role is reported as unknown).
    known: bool,
    /// The role names as written, in file order.
    names: Vec<&'d str>,
    /// Each role name once, shared by every group and line that names it.
    shared: Vec<Arc<str>>,
}

impl Rollen<'_> {
    /// The shared names, in the order of `[uurtarieven]`.
    pub(super) fn shared(&self) -> &[Arc<str>] {
        &self.shared
    }

    /// The shared name of `rol`; reported at `path` and `span` when it has no rate.
    pub(super) fn check(
        &self,
        cx: &mut Cx,
        rol: &str,
        path: FieldPath<'_>,
        span: Range<usize>,
    ) -> Option<Arc<str>> {
        if let Some(i) = self.names.iter().position(|r| *r == rol) {
            return self.shared.get(i).cloned();
        }
        if self.known {
            let hint = nearest(rol, self.names.iter().copied())
                .map(|r| format!("bedoelde je '{r}'?"))
                .or_else(|| Some(format!("voeg '{rol} = …' toe aan [uurtarieven]")));
            cx.error_at(
                span,
                &path.build(),
                format!("rol '{rol}' heeft geen uurtarief in [uurtarieven]"),
                hint,
            );
        }
        None
    }
}

/// `[uurtarieven]` into `s`.
pub(super) fn uurtarieven<'d>(
    cx: &mut Cx,
    top: &Table<'_, '_>,
    uurtarieven_field: Option<Field<'d, '_, '_>>,
    s: &mut Scenario,
) -> Rollen<'d> {
    let mut roles_known = false;
    let mut roles: Vec<&str> = Vec::new();
    let mut role_names: Vec<Arc<str>> = Vec::new();
    match uurtarieven_field {
        Some(f) => {
            if let Some(t) = cx.table(&f) {
                roles_known = true;
                for (key, value) in t.table.iter() {
                    let field = Field {
                        value,
                        path: t.child(key.get_ref()),
                    };
                    cx.key_text(key, field.path);
                    roles.push(key.get_ref());
                    let name: Arc<str> = Arc::from(key.get_ref().as_ref());
                    role_names.push(Arc::clone(&name));
                    if let Some(v) = cx.getal(&field, &schema::UURTARIEF) {
                        s.uurtarieven.push(Uurtarief {
                            rol: name,
                            bedrag: v,
                        });
                    }
                }
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
        names: roles,
        shared: role_names,
    }
}

/// `[financiering]` into `s`.
pub(super) fn financiering(
    cx: &mut Cx,
    financiering_field: Option<Field<'_, '_, '_>>,
    rollen: &Rollen<'_>,
    s: &mut Scenario,
) {
    if let Some(f) = financiering_field
        && let Some(t) = cx.table(&f)
    {
        let [elders] = t.fields(&FINANCIERING_NAMEN);
        if let Some(lf) = elders
            && let Some(items) = cx.array(&lf)
        {
            let parent = lf.path.build();
            for (i, item) in items.iter().enumerate() {
                let field = Field {
                    value: item,
                    path: FieldPath {
                        parent: &parent,
                        key: Key::Index(i + 1),
                    },
                };
                if let Some(rol) = cx.text(&field) {
                    if s.elders_gefinancierd.contains(&rol) {
                        cx.error(&field, format!("rol '{rol}' staat er al in"), None);
                    } else if rollen.check(cx, &rol, field.path, item.span()).is_some() {
                        s.elders_gefinancierd.push(rol);
                    }
                }
            }
        }
        t.finish_fields(cx);
    }
}
