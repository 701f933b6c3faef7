//! The scenario `patz-calc init` writes: the annotated template
//! ([`crate::scenario::TEMPLATE`]), with the region's own number of groups, insurers and their
//! shares, first year, horizon and verzekerden when the user gives them (as options, or as
//! answers on a terminal). It sits above `scenario` and `calc`: it fits the template's example
//! expectation to the user's numbers with [`crate::calc::evaluate`]. The first
//! group, insurer and offer keep the template's explanation of every field; further ones are
//! short. Pure, no I/O.

use rust_decimal::Decimal;

use crate::scenario::TEMPLATE;

/// What the user chose; `None` keeps the template's example.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Keuze {
    /// The number of PaTz groups, 1 to [`MAX_GROEPEN`].
    pub groepen: Option<usize>,
    /// The insurers and their market shares in % (see [`lees_verzekeraars`]).
    pub verzekeraars: Option<Vec<(String, Decimal)>>,
    /// The first year.
    pub startjaar: Option<i32>,
    /// The horizon in years.
    pub looptijd: Option<u32>,
    /// The number of verzekerden.
    pub verzekerden: Option<u64>,
}

impl Keuze {
    /// Nothing chosen: the template as it is.
    pub fn is_leeg(&self) -> bool {
        *self == Keuze::default()
    }
}

/// The most groups `init` writes.
pub const MAX_GROEPEN: usize = 100;

/// The template's example values, as its lines write them.
const STARTJAAR: i32 = 2026;
const LOOPTIJD: u32 = 3;

/// Names of the groups `init` writes: the template's two, these, then "Groep 7", "Groep 8", ….
const GROEPSNAMEN: [&str; 6] = [
    "Groep Noord",
    "Groep Zuid",
    "Groep Oost",
    "Groep West",
    "Groep Centrum",
    "Groep Dorpen",
];

/// Reads `"CZ=45,VGZ=30"`: insurers with their market share in % (a decimal comma or a `%`
/// sign is fine). The error is a Dutch message naming the part at fault.
pub fn lees_verzekeraars(text: &str) -> Result<Vec<(String, Decimal)>, String> {
    // A decimal comma ("VGZ=30,5") splits like a separator: glue the digits back on.
    let mut parts: Vec<String> = Vec::new();
    for p in text.split([',', ';']).map(str::trim) {
        match parts.last_mut() {
            Some(last) if !p.is_empty() && p.chars().all(|c| c.is_ascii_digit() || c == '%') => {
                last.push('.');
                last.push_str(p);
            }
            _ => parts.push(p.to_string()),
        }
    }
    let mut out: Vec<(String, Decimal)> = Vec::new();
    for part in parts.iter().map(|p| p.as_str()).filter(|p| !p.is_empty()) {
        let Some((naam, aandeel)) = part.rsplit_once('=') else {
            return Err(format!(
                "'{part}': schrijf NAAM=PERCENTAGE, bijv. CZ=45 (het marktaandeel in %)"
            ));
        };
        let naam = naam.trim();
        if naam.is_empty() || naam.chars().count() > 200 || crate::naam::stuurteken(naam).is_some()
        {
            return Err(format!(
                "'{part}': de naam van een verzekeraar is 1 tot en met 200 tekens, zonder \
                 stuurtekens"
            ));
        }
        let aandeel = aandeel.trim().trim_end_matches('%').trim();
        let aandeel: Decimal = aandeel
            .parse()
            .ok()
            .filter(|d: &Decimal| *d >= Decimal::ZERO && *d <= Decimal::ONE_HUNDRED)
            .ok_or_else(|| {
                format!("'{part}': het marktaandeel is een getal van 0 tot en met 100")
            })?;
        if out.iter().any(|(n, _)| crate::naam::zelfde(n, naam)) {
            return Err(format!("'{naam}' staat er twee keer in"));
        }
        out.push((naam.to_string(), aandeel.normalize()));
    }
    if out.is_empty() {
        return Err("geef minstens één verzekeraar, bijv. CZ=45,VGZ=30".into());
    }
    let som: Decimal = out.iter().map(|(_, a)| *a).sum();
    if som > Decimal::ONE_HUNDRED {
        return Err(format!(
            "de marktaandelen zijn samen {} %; dat is hoogstens 100",
            crate::decimal::dutch(som.normalize(), som.normalize().scale())
        ));
    }
    Ok(out)
}

/// A TOML string for `text`.
fn tekst(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

/// The template's lines as a list, each with its line ending.
fn regels(text: &str) -> Vec<&str> {
    text.split_inclusive('\n').collect()
}

/// The line index of the first line equal to `header`.
fn vind(lines: &[&str], header: &str, from: usize) -> Option<usize> {
    (from..lines.len()).find(|&i| lines.get(i).is_some_and(|l| l.trim_end() == header))
}

/// Splits a part of the template into blocks, each from a `[[…]]` header to before the next.
fn blokken<'a>(lines: &[&'a str]) -> Vec<Vec<&'a str>> {
    let mut out: Vec<Vec<&str>> = Vec::new();
    for l in lines {
        if l.starts_with("[[") || out.is_empty() {
            out.push(Vec::new());
        }
        if let Some(b) = out.last_mut() {
            b.push(l);
        }
    }
    out
}

/// A block without its trailing comments and blank lines, and those as a second part.
fn kern_en_staart<'a>(block: &[&'a str]) -> (Vec<&'a str>, Vec<&'a str>) {
    let keep = block
        .iter()
        .rposition(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map_or(0, |i| i + 1);
    let (kern, staart) = block.split_at(keep.min(block.len()));
    (kern.to_vec(), staart.to_vec())
}

/// `block` with every line `from` (as written, without its line end) replaced by `to`.
fn vervang(block: &[&str], pairs: &[(&str, String)]) -> String {
    let mut out = String::new();
    for l in block {
        let bare = l.trim_end_matches(['\n', '\r']);
        match pairs.iter().find(|(from, _)| *from == bare) {
            Some((_, to)) => {
                out.push_str(to);
                out.push('\n');
            }
            None => out.push_str(l),
        }
    }
    out
}

/// The scenario `init` writes for `k`: exactly the template when nothing was chosen.
pub fn sjabloon(k: &Keuze) -> String {
    if k.is_leeg() {
        return TEMPLATE.to_string();
    }
    let startjaar = k.startjaar.unwrap_or(STARTJAAR);
    let looptijd = k.looptijd.unwrap_or(LOOPTIJD).max(1);
    let eindjaar = startjaar + i32::try_from(looptijd).unwrap_or(1) - 1;
    let tweede = (startjaar + 1).min(eindjaar);
    let jaren: Vec<String> = (startjaar..=eindjaar).map(|j| j.to_string()).collect();
    let hier = if looptijd == 1 {
        format!("Hier: alleen {startjaar}.")
    } else {
        format!("Hier: {startjaar} tot en met {eindjaar}.")
    };
    let lines = regels(TEMPLATE);
    let scenario_pairs = vec![
        ("startjaar = 2026", format!("startjaar = {startjaar}")),
        ("looptijd_jaren = 3", format!("looptijd_jaren = {looptijd}")),
        (
            "verzekerden = 29330",
            format!("verzekerden = {}", k.verzekerden.unwrap_or(29330)),
        ),
        (
            "# Verplicht, een heel getal van 1 tot en met 30. Hier: 2026, 2027 en 2028.",
            format!("# Verplicht, een heel getal van 1 tot en met 30. {hier}"),
        ),
        ("start = 2026", format!("start = {startjaar}")),
        ("start = 2027", format!("start = {tweede}")),
        (
            "jaren = [2026, 2027, 2028]",
            format!("jaren = [{}]", jaren.join(", ")),
        ),
    ];
    // The parts: up to the groups, the groups, up to the insurers, the insurers, the rest.
    let (Some(g0), Some(o), Some(v0), Some(imp)) = (
        vind(&lines, "[[groep]]", 0),
        vind(&lines, "[ondersteuning]", 0),
        vind(&lines, "[[verzekeraar]]", 0),
        vind(&lines, "[impact]", 0),
    ) else {
        return TEMPLATE.to_string();
    };
    // Each section starts after the dashed line above its header.
    let g1 = o.saturating_sub(1);
    let v1 = imp.saturating_sub(1);
    if !(g0 < g1 && g1 < v0 && v0 < v1) {
        return TEMPLATE.to_string();
    }
    let part = |a: usize, b: usize| lines.get(a..b).unwrap_or_default().to_vec();
    let mut out = String::with_capacity(TEMPLATE.len() + 4096);
    out.push_str(&vervang(&part(0, g0), &scenario_pairs));
    out.push_str(&groepen(
        &part(g0, g1),
        k.groepen.unwrap_or(2),
        &scenario_pairs,
    ));
    out.push_str(&vervang(&part(g1, v0), &scenario_pairs));
    let verzekeraars = part(v0, v1);
    match &k.verzekeraars {
        None => out.push_str(&vervang(&verzekeraars, &scenario_pairs)),
        Some(v) => out.push_str(&eigen_verzekeraars(
            &verzekeraars,
            v,
            looptijd,
            &scenario_pairs,
        )),
    }
    out.push_str(&vervang(&part(v1, lines.len()), &scenario_pairs));
    haalbare_verwachting(out)
}

/// The template's example [[verwachting]] (the tariff at most € 2,50) is met by the template;
/// for the user's own numbers its bound is raised, when needed, to the next half euro above
/// the tariff plus € 0,50, so that a new scenario never starts with a missed expectation.
fn haalbare_verwachting(text: String) -> String {
    const REGEL: &str = "max = 2.50";
    let tarief = crate::scenario::parse(&text)
        .ok()
        .and_then(|s| crate::calc::evaluate(&s).ok())
        .map(|r| r.kosten.totaal.kostendekkend_tarief);
    let grens = Decimal::new(250, 2);
    match tarief {
        Some(t) if t > grens => {
            let half = Decimal::new(5, 1);
            let boven = (t / half).ceil() * half + half;
            let regel = format!("max = {:.2}", boven);
            text.replacen(&format!("\n{REGEL}\n"), &format!("\n{regel}\n"), 1)
        }
        _ => text,
    }
}

/// `n` groups: the template's documented first (and second, a new group starting a year
/// later), then short ones.
fn groepen(part: &[&str], n: usize, pairs: &[(&str, String)]) -> String {
    let blocks = blokken(part);
    let mut out = String::new();
    for (i, b) in blocks.iter().take(n.min(2)).enumerate() {
        let (kern, staart) = kern_en_staart(b);
        out.push_str(&vervang(&kern, pairs));
        if i + 1 < n.min(2) || n > 2 {
            out.push('\n');
        } else {
            out.push_str(&staart.concat());
        }
    }
    for i in 2..n {
        let naam = GROEPSNAMEN
            .get(i)
            .map_or_else(|| format!("Groep {}", i + 1), |s| s.to_string());
        out.push_str(&format!(
            "[[groep]]\nnaam = {}\ndeelnemers = {{ huisarts = 6, wijkverpleegkundige = 2, \
             consulent = 1 }}\n",
            tekst(&naam)
        ));
        out.push('\n');
    }
    out
}

/// The user's insurers, each with one offer for the whole horizon: the first with the
/// template's explanation of every field, the others short.
fn eigen_verzekeraars(
    part: &[&str],
    eigen: &[(String, Decimal)],
    looptijd: u32,
    pairs: &[(&str, String)],
) -> String {
    let blocks = blokken(part);
    let vz = blocks
        .iter()
        .find(|b| b.first().is_some_and(|l| l.starts_with("[[verzekeraar]]")));
    let ab = blocks
        .iter()
        .find(|b| b.first().is_some_and(|l| l.starts_with("[[aanbod]]")));
    let (Some(vz), Some(ab)) = (vz, ab) else {
        return part.concat();
    };
    let (vz_kern, vz_staart) = kern_en_staart(vz);
    let (ab_kern, _) = kern_en_staart(ab);
    let label = |naam: &str| tekst(&format!("{naam} {looptijd} jaar"));
    let mut out = String::new();
    for (i, (naam, aandeel)) in eigen.iter().enumerate() {
        if i == 0 {
            let mut p = pairs.to_vec();
            p.push((
                "naam = \"Verzekeraar A\"",
                format!("naam = {}", tekst(naam)),
            ));
            p.push((
                "marktaandeel_percentage = 60",
                format!("marktaandeel_percentage = {aandeel}"),
            ));
            out.push_str(&vervang(&vz_kern, &p));
        } else {
            out.push_str(&format!(
                "[[verzekeraar]]\nnaam = {}\nmarktaandeel_percentage = {aandeel}\n",
                tekst(naam)
            ));
        }
        out.push('\n');
    }
    out.push_str(vz_staart.concat().trim_start_matches('\n'));
    for (i, (naam, _)) in eigen.iter().enumerate() {
        if i == 0 {
            let mut p = pairs.to_vec();
            p.push((
                "verzekeraar = \"Verzekeraar A\"",
                format!("verzekeraar = {}", tekst(naam)),
            ));
            p.push((
                "label = \"Verzekeraar A 3 jaar\"",
                format!("label = {}", label(naam)),
            ));
            out.push_str(&vervang(&ab_kern, &p));
        } else {
            out.push_str(&format!(
                "[[aanbod]]\nverzekeraar = {}\nlabel = {}\ntarief_per_verzekerde = 1.20\n",
                tekst(naam),
                label(naam)
            ));
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(k: &Keuze) -> crate::scenario::Scenario {
        let text = sjabloon(k);
        let s = crate::scenario::parse(&text)
            .unwrap_or_else(|e| panic!("{k:?} gives an invalid scenario: {e:?}\n{text}"));
        crate::calc::evaluate(&s).unwrap_or_else(|e| panic!("{k:?}: {e:?}"));
        s
    }

    #[test]
    fn without_choices_init_writes_the_template_itself() {
        assert_eq!(sjabloon(&Keuze::default()), TEMPLATE);
        let s = check(&Keuze::default());
        assert_eq!(s.groepen.len(), 2);
        assert_eq!(s.verzekeraars.len(), 2);
        assert_eq!(s.aanbiedingen.len(), 2);
        assert!(!s.onzekerheden.is_empty());
    }

    #[test]
    fn six_groups_two_insurers_and_a_horizon_make_a_valid_scenario_with_those_numbers() {
        let k = Keuze {
            groepen: Some(6),
            verzekeraars: Some(lees_verzekeraars("CZ=45, VGZ=30,5").unwrap_or_default()),
            startjaar: Some(2027),
            looptijd: Some(4),
            verzekerden: Some(150_000),
        };
        let s = check(&k);
        assert_eq!(s.groepen.len(), 6);
        let names: Vec<&str> = s.groepen.iter().map(|g| g.naam.as_str()).collect();
        assert_eq!(names[..3], ["Groep Noord", "Groep Zuid", "Groep Oost"]);
        // The second group is the template's new group starting a year after the first year.
        assert_eq!(s.groepen[1].start, 2028);
        assert_eq!((s.startjaar, s.looptijd_jaren), (2027, 4));
        assert_eq!(s.verzekerden, Decimal::from(150_000));
        let v: Vec<(&str, String)> = s
            .verzekeraars
            .iter()
            .map(|v| {
                (
                    v.naam.as_str(),
                    v.marktaandeel_percentage.normalize().to_string(),
                )
            })
            .collect();
        assert_eq!(v, [("CZ", "45".to_string()), ("VGZ", "30.5".to_string())]);
        let labels: Vec<&str> = s.aanbiedingen.iter().map(|a| a.label.as_str()).collect();
        assert_eq!(labels, ["CZ 4 jaar", "VGZ 4 jaar"]);
        // The first offer keeps the template's years, now the whole new horizon.
        assert_eq!(s.aanbiedingen[0].jaren, [2027, 2028, 2029, 2030]);
    }

    #[test]
    fn a_small_list_of_verzekerden_raises_the_example_expectation_so_it_is_met() {
        // 6 groups over 1.000 verzekerden: far above the template's € 2,50.
        let k = Keuze {
            groepen: Some(6),
            verzekerden: Some(1_000),
            ..Keuze::default()
        };
        let s = check(&k);
        let r = crate::calc::evaluate(&s).unwrap_or_else(|e| panic!("{e:?}"));
        let tarief = r.kosten.totaal.kostendekkend_tarief;
        assert!(tarief > Decimal::new(250, 2));
        let max = s
            .verwachtingen
            .first()
            .and_then(|v| v.max)
            .unwrap_or_default();
        assert!(
            max >= tarief && max <= tarief + Decimal::ONE,
            "{max} for {tarief}"
        );
    }

    #[test]
    fn one_group_one_year_and_one_insurer_is_valid_too() {
        let k = Keuze {
            groepen: Some(1),
            verzekeraars: Some(vec![("Zilveren Kruis".into(), Decimal::from(100))]),
            looptijd: Some(1),
            ..Keuze::default()
        };
        let s = check(&k);
        assert_eq!(s.groepen.len(), 1);
        assert_eq!(s.aanbiedingen.len(), 1);
        assert_eq!(s.aanbiedingen[0].jaren, [2026]);
    }

    #[test]
    fn insurers_are_read_with_their_shares_and_bad_ones_are_explained() {
        assert_eq!(
            lees_verzekeraars("CZ=45;VGZ = 30 %").unwrap_or_default(),
            [
                ("CZ".to_string(), Decimal::from(45)),
                ("VGZ".to_string(), Decimal::from(30))
            ]
        );
        assert!(
            lees_verzekeraars("CZ")
                .unwrap_err()
                .contains("NAAM=PERCENTAGE")
        );
        assert!(
            lees_verzekeraars("CZ=60,VGZ=50")
                .unwrap_err()
                .contains("samen 110 %")
        );
        assert!(
            lees_verzekeraars("CZ=1,CZ=2")
                .unwrap_err()
                .contains("twee keer")
        );
        assert!(
            lees_verzekeraars("CZ=abc")
                .unwrap_err()
                .contains("0 tot en met 100")
        );
    }
}
