//! Field paths as users write them (`groep[2].deelnemers.huisarts`, `groep[Delft Noord].duur_uren`,
//! `indicator.ic_opname.reductie_percentage`) and suggestions for a misspelt name: the one home
//! of the path grammar, used by `--set`, by `[[onzekerheid]]` parameters and by reading. Pure,
//! no I/O.

/// One step of a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    /// A key of a table, or (on an array of tables) the item with this naam, label or id.
    Key(String),
    /// The N-th item of an array, counted from 1.
    Index(usize),
}

/// Splits `groep[2].deelnemers.huisarts` into its segments.
pub fn parse_path(path: &str) -> Result<Vec<Segment>, String> {
    let mut out = Vec::new();
    let mut rest = path;
    let mut after_bracket = false;
    while !rest.is_empty() {
        let end = rest.find(['.', '[']).unwrap_or(rest.len());
        let key = &rest[..end];
        if !key.is_empty() {
            out.push(Segment::Key(key.to_string()));
        }
        rest = &rest[end..];
        if let Some(r) = rest.strip_prefix('.') {
            if r.is_empty() || key.is_empty() && !after_bracket {
                return Err(format!("ongeldig pad '{path}'"));
            }
            rest = r;
        } else if let Some(r) = rest.strip_prefix('[') {
            let close = r
                .find(']')
                .ok_or_else(|| format!("ongeldig pad '{path}': ']' ontbreekt"))?;
            let inner = r[..close].trim().trim_matches('"');
            match inner.parse::<usize>() {
                Ok(0) => return Err(format!("ongeldig pad '{path}': tellen begint bij 1")),
                Ok(n) => out.push(Segment::Index(n)),
                Err(_) if !inner.is_empty() => out.push(Segment::Key(inner.to_string())),
                Err(_) => return Err(format!("ongeldig pad '{path}'")),
            }
            rest = &r[close + 1..];
            after_bracket = true;
            continue;
        }
        after_bracket = false;
    }
    if out.is_empty() {
        return Err("leeg pad".to_string());
    }
    Ok(out)
}

/// The candidate a misspelt `name` most likely meant: a small edit distance, or one is the
/// start of the other (`reistijd` for `reistijd_uren`). The one home of name suggestions
/// ("bedoelde je …?") for scenario keys, roles, ids and paths.
pub fn nearest<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .map(|c| {
            let prefix = name.len() >= 4 && (c.starts_with(name) || name.starts_with(c));
            let dist = strsim::damerau_levenshtein(name, c);
            (if prefix { 0 } else { dist }, c)
        })
        .filter(|(d, c)| *d <= 3.max(c.len() / 4) && *d < c.len())
        .min()
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_split_into_keys_and_one_based_indices() {
        use Segment::{Index, Key};
        assert_eq!(
            parse_path("groep[2].deelnemers.huisarts").unwrap(),
            vec![
                Key("groep".into()),
                Index(2),
                Key("deelnemers".into()),
                Key("huisarts".into())
            ]
        );
        assert_eq!(
            parse_path("groep[Delft Noord].duur_uren").unwrap(),
            vec![
                Key("groep".into()),
                Key("Delft Noord".into()),
                Key("duur_uren".into())
            ]
        );
        assert!(parse_path("groep[0].x").is_err());
        assert!(parse_path("a..b").is_err());
        assert!(parse_path("").is_err());
    }

    #[test]
    fn a_misspelt_name_suggests_the_nearest_and_a_prefix_counts_as_near() {
        let names = ["duur_uren", "reistijd_uren", "voorzitter_rol"];
        assert_eq!(
            nearest("duur_urn", names.iter().copied()),
            Some("duur_uren")
        );
        assert_eq!(
            nearest("reistijd", names.iter().copied()),
            Some("reistijd_uren")
        );
        assert_eq!(nearest("xyz", names.iter().copied()), None);
    }
}
