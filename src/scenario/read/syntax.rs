//! TOML syntax errors in Dutch: every message of the TOML parser mapped to a Dutch one (its
//! English never reaches the user), with a hint drawn from the offending line, and numbers
//! written the Dutch way (`€ 117`, `45%`, `116,35`, `140.000.000`) recognised wherever they
//! appear, with the number as a scenario writes it. Pure, no I/O.

use super::super::diagnostic::{Diagnostic, Severity};
use super::super::model::Posities;
use crate::naam;

/// A syntax error in Dutch.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Uitleg {
    /// What is wrong.
    pub(super) message: String,
    /// How to fix it, where that is obvious.
    pub(super) hint: Option<String>,
    /// Whether the mistake is the value after `key =` (then it is shown at the value, with the
    /// key's path).
    pub(super) at_value: bool,
    /// Where in the line the mistake is, when that is not where the parser stopped.
    pub(super) offset: Option<usize>,
}

/// Every syntax error of `src` in Dutch, at its line and column, in file order.
pub(super) fn syntax_errors(
    src: &str,
    errors: &[toml::de::Error],
    posities: &Posities,
) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = errors
        .iter()
        .map(|err| {
            let start = err.span().map_or(0, |s| s.start).min(src.len());
            let line_start = src
                .get(..start)
                .and_then(|before| before.rfind('\n'))
                .map_or(0, |i| i + 1);
            let line_end = src
                .get(start..)
                .and_then(|rest| rest.find('\n'))
                .map_or(src.len(), |i| start + i);
            let line = src.get(line_start..line_end).unwrap_or("");
            let detail = err.message().lines().next().unwrap_or("").trim();
            let uitleg = syntax_message(detail, line, start - line_start);
            let (pos, path) = match (uitleg.at_value, assignment(line)) {
                _ if uitleg.offset.is_some() => (
                    posities.pos(line_start + uitleg.offset.unwrap_or(0)),
                    String::new(),
                ),
                (true, Some(a)) => (
                    posities.pos(line_start + a.value_start),
                    naam::zichtbaar(&section_path(src, line_start, a.key)).into_owned(),
                ),
                _ => (posities.pos(start), String::new()),
            };
            Diagnostic {
                severity: Severity::Fout,
                pos,
                path,
                message: uitleg.message,
                hint: uitleg.hint,
            }
        })
        .collect();
    out.sort_by_key(|e| e.pos);
    out.dedup();
    out
}

/// A line `key = value # comment`: the key, the value as written and where the value starts.
struct Assignment<'l> {
    key: &'l str,
    value: &'l str,
    value_start: usize,
}

/// `line` read as `key = value`, when it is one (not a section header, not an inline table).
fn assignment(line: &str) -> Option<Assignment<'_>> {
    let (key, rest) = line.split_once('=')?;
    let key = key.trim();
    if key.is_empty() || key.starts_with('[') || key.contains(['{', '"', '\'', ' ']) {
        return None;
    }
    let lead = rest.len() - rest.trim_start().len();
    let value_start = line.find('=')? + 1 + lead;
    let value = line.get(value_start..)?;
    // A comment ends the value, unless the value is quoted text (which may hold a #).
    let value = if value.starts_with(['"', '\'']) {
        value
    } else {
        value.split('#').next().unwrap_or(value)
    };
    Some(Assignment {
        key,
        value: value.trim_end(),
        value_start,
    })
}

/// The field path of `key` on the line starting at `line_start`: the last section header
/// above it (`[[groep]]` counted from 1), then the key.
fn section_path(src: &str, line_start: usize, key: &str) -> String {
    let before = src.get(..line_start).unwrap_or("");
    let mut section = String::new();
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for l in before.lines() {
        let l = l.trim();
        if let Some(name) = l.strip_prefix("[[").and_then(|r| r.split("]]").next()) {
            let name = name.trim();
            let n = match counts.iter_mut().find(|(c, _)| *c == name) {
                Some((_, n)) => {
                    *n += 1;
                    *n
                }
                None => {
                    counts.push((name, 1));
                    1
                }
            };
            section = format!("{name}[{n}]");
        } else if let Some(name) = l.strip_prefix('[').and_then(|r| r.split(']').next()) {
            section = name.trim().to_string();
        }
    }
    if section.is_empty() {
        key.to_string()
    } else {
        format!("{section}.{key}")
    }
}

/// A Dutch explanation of a TOML syntax error: `detail` is the parser's English message,
/// `line` the offending line and `at` where in it the parser stopped.
pub(super) fn syntax_message(detail: &str, line: &str, at: usize) -> Uitleg {
    let kind = detail.split(", expected").next().unwrap_or("").trim();
    // A control character (other than the tab TOML allows) is the mistake, wherever the
    // parser stopped; it is never printed as it is.
    if let Some((i, c)) = line
        .char_indices()
        .find(|(_, c)| c.is_control() && *c != '\t')
    {
        return Uitleg {
            message: format!(
                "geen geldige TOML: hier staat een stuurteken ({}); stuurtekens zoals escape \
                 en NUL horen niet in een scenario",
                naam::teken(c)
            ),
            hint: Some("haal het teken weg of vervang het door een spatie".into()),
            at_value: false,
            offset: Some(i),
        };
    }
    let a = assignment(line);
    // A number written the Dutch way is the mistake whatever the parser made of it.
    if let Some(a) = &a
        && let Some(fix) = dutch_number(a.value)
    {
        return Uitleg {
            message: fix.message(a.value),
            hint: Some(fix.hint()),
            at_value: true,
            offset: None,
        };
    }
    // The same inside an inline table or a list: the value after the last `=` or `[` before
    // the parser stopped.
    if let Some(value) = value_near(line, at)
        && let Some(fix) = dutch_number(value)
    {
        return Uitleg {
            message: fix.message(value),
            hint: Some(fix.hint()),
            at_value: false,
            offset: None,
        };
    }
    let (nl, hint, at_value) = explain(kind, line, a.as_ref());
    Uitleg {
        // A value's mistake is said of the value; anything else breaks the file's structure.
        message: if at_value && a.is_some() {
            nl
        } else {
            format!("geen geldige TOML: {nl}")
        },
        hint,
        at_value,
        offset: None,
    }
}

/// The Dutch text, hint and whether it is about the value, for the parser's `kind` of error.
// One arm per message of the TOML parser: a long match, read top to bottom.
fn explain(kind: &str, line: &str, a: Option<&Assignment<'_>>) -> (String, Option<String>, bool) {
    let s = |t: &str| t.to_string();
    let number_hint = || Some(s("schrijf een getal zoals 116.35 of 140000"));
    // A number's mistake, said of the number as written.
    let getal = |why: &str| match a {
        Some(a) if why.is_empty() => {
            format!("'{}' is geen geldig getal", naam::zichtbaar(a.value))
        }
        Some(a) => format!("'{}' is geen geldig getal: {why}", naam::zichtbaar(a.value)),
        None if why.is_empty() => s("ongeldig getal"),
        None => format!("ongeldig getal: {why}"),
    };
    // `formaat =` with nothing after it reads to the parser as an unquoted string.
    let empty_value = line.trim_end().ends_with('=');
    match kind {
        "duplicate key" => (
            s(
                "deze sleutel of sectie staat er al; elke sleutel en elke [sectie] komt één keer voor",
            ),
            Some(s(
                "voor meer groepen, verzekeraars of aanbiedingen: [[groep]], [[verzekeraar]], [[aanbod]] (dubbele haken)",
            )),
            false,
        ),
        _ if empty_value => (s("na het = ontbreekt een waarde"), None, false),
        "string values must be quoted" | "unquoted string" => match a {
            Some(a) if a.value.starts_with('[') => (
                s("een lijst schrijft u als [a, b, c], met komma's tussen de elementen"),
                None,
                false,
            ),
            Some(a) if a.value.starts_with('{') => (
                s(
                    "een tabel op één regel schrijft u als { a = 1, b = 2 }: komma's ertussen, een } aan het eind",
                ),
                None,
                false,
            ),
            Some(a) if a.value.contains('=') => (
                s("onverwachte tekst na de waarde; elke sleutel = waarde staat op een eigen regel"),
                None,
                false,
            ),
            Some(a)
                if a.value
                    .starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '+') =>
            {
                (
                    format!("'{}' is geen getal", naam::zichtbaar(a.value)),
                    Some(s(
                        "schrijf alleen het getal, zonder letters of tekens erachter, bijv. 116.35",
                    )),
                    true,
                )
            }
            Some(a) if !a.value.is_empty() => (
                s("tekst moet tussen aanhalingstekens staan"),
                Some(format!(
                    "schrijf {} = \"{}\"",
                    naam::zichtbaar(a.key),
                    naam::zichtbaar(a.value)
                )),
                true,
            ),
            _ => (
                s("tekst moet tussen aanhalingstekens staan"),
                Some(s("bijv. naam = \"Delft Noord\"")),
                false,
            ),
        },
        "invalid basic string"
        | "invalid literal string"
        | "invalid string"
        | "invalid multi-line basic string"
        | "missing opening quote" => (
            s("de tekst is niet afgesloten met een aanhalingsteken"),
            Some(s(
                "tekst staat tussen twee aanhalingstekens op dezelfde regel: naam = \"Delft Noord\"",
            )),
            false,
        ),
        "missing escaped value" | "invalid value" => (
            s(
                "na een \\ in tekst tussen \"…\" hoort een bekend teken (\\\\, \\\", \\n, \\t of \\u)",
            ),
            Some(s(
                "schrijf \\\\ voor een \\, of zet de tekst tussen enkele aanhalingstekens: 'C:\\map'",
            )),
            false,
        ),
        "too few unicode value digits" => (
            s("na \\u volgen vier cijfers (0-9, a-f), na \\U acht"),
            None,
            false,
        ),
        "carriage return must be followed by newline" => (
            s("een los regeleindeteken (CR) zonder nieuwe regel erna"),
            Some(s("sla het bestand op met gewone regeleinden")),
            false,
        ),
        "invalid comment character" => (
            s("het commentaar bevat een stuurteken"),
            Some(s("haal het teken weg of vervang het door een spatie")),
            false,
        ),
        "missing comment start" | "unexpected content between comment and newline" => {
            (s("onverwachte tekst; commentaar begint met #"), None, false)
        }
        "unclosed table" | "unclosed array table" | "missing table open" | "invalid table" => (
            s("de sectienaam is niet afgesloten met ]"),
            Some(s(
                "een sectie schrijft u als [werkwijze], meerdere als [[groep]]",
            )),
            false,
        ),
        "unexpected key or value"
        | "unexpected content"
        | "extra assignment between key-value pairs"
        | "missing comma between key-value pairs" => (
            s("onverwachte tekst na de waarde; elke sleutel = waarde staat op een eigen regel"),
            None,
            false,
        ),
        "missing comma between array elements"
        | "extra comma in array"
        | "unclosed array"
        | "missing array opening"
        | "unexpected `=` in array" => (
            s("een lijst schrijft u als [a, b, c], met komma's tussen de elementen"),
            None,
            false,
        ),
        "unclosed inline table"
        | "extra comma in inline table"
        | "invalid inline table element"
        | "missing key for inline table element"
        | "missing inline table opening" => (
            s(
                "een tabel op één regel schrijft u als { a = 1, b = 2 }: komma's ertussen, een } aan het eind",
            ),
            Some(s(
                "bijv. deelnemers = { huisarts = 6, wijkverpleegkundige = 3, consulent = 1 }",
            )),
            false,
        ),
        "missing value for key" | "missing value" => {
            (s("na het = ontbreekt een waarde"), None, false)
        }
        "key with no value"
        | "missing assignment between key-value pairs"
        | "invalid key-value pair" => (
            s("hier ontbreekt een = tussen sleutel en waarde"),
            Some(s("elke regel is sleutel = waarde, bijv. duur_uren = 1.5")),
            false,
        ),
        "extra `=`" => (s("tussen sleutel en waarde staat één ="), None, false),
        "unquoted keys cannot be empty" => (
            s("hier ontbreekt de sleutel: de naam vóór het ="),
            None,
            false,
        ),
        "invalid unquoted key"
        | "invalid key"
        | "keys cannot be multi-line basic strings"
        | "keys cannot be multi-line literal strings" => (
            s("een sleutel bestaat uit letters, cijfers, _ en -"),
            Some(s(
                "zet een naam met andere tekens tussen aanhalingstekens: \"specialist ouderengeneeskunde\" = 120",
            )),
            false,
        ),
        "cannot recurse further; max recursion depth met" | "recursion limit" => {
            (s("te diep geneste tabellen of lijsten"), None, false)
        }
        "`_` may only go between digits" => (
            getal("een _ staat alleen tussen twee cijfers (140_000)"),
            None,
            true,
        ),
        "unexpected leading zero" => (
            getal("een getal begint niet met een 0 (schrijf 7, niet 07)"),
            None,
            true,
        ),
        "invalid fraction" => (
            getal("na de decimale punt volgt minstens één cijfer (1.0, niet 1.)"),
            None,
            true,
        ),
        "invalid mantissa" => (
            getal("vóór de decimale punt staat minstens één cijfer (0.5, niet .5)"),
            None,
            true,
        ),
        "invalid exponent" => (
            getal("na de e van een exponent volgt een getal (1e3)"),
            None,
            true,
        ),
        "redundant numeric sign" | "unexpected sign" | "integers with a radix cannot be signed" => {
            (
                getal("vóór een getal staat hoogstens één teken + of -"),
                None,
                true,
            )
        }
        "radix must be lowercase"
        | "redundant integer number prefix"
        | "invalid hexadecimal number"
        | "invalid octal number"
        | "invalid binary number" => (
            getal("schrijf een gewoon getal in cijfers"),
            number_hint(),
            true,
        ),
        "invalid float" | "invalid integer number" => (getal(""), number_hint(), true),
        "invalid boolean" => (s("ja of nee schrijft u als true of false"), None, true),
        _ if kind.starts_with("cannot extend value of type") => (
            s(
                "deze sleutel heeft al een waarde; met een punt (a.b = …) kan er niets aan worden toegevoegd",
            ),
            None,
            false,
        ),
        _ if kind.starts_with("invalid date")
            || kind.starts_with("invalid time")
            || kind.contains("date-time") =>
        {
            (
                s("ongeldige datum of tijd; een jaartal schrijft u als getal"),
                Some(s("bijv. startjaar = 2026")),
                true,
            )
        }
        _ => (
            s("de tekst past hier niet in de opbouw van het bestand"),
            None,
            false,
        ),
    }
}

/// The value being written where the parser stopped (`at` in `line`): after the last `=`, `[`
/// or `{` before it, up to a `}`, `]`, `#` or the end of the line.
fn value_near(line: &str, at: usize) -> Option<&str> {
    let before = line.get(..at.min(line.len()))?;
    let start = before.rfind(['=', '[', '{'])? + 1;
    let rest = line.get(start..)?;
    let end = rest.find(['}', ']', '#', '=']).unwrap_or(rest.len());
    let value = rest.get(..end)?.trim();
    // In an inline table the next key follows a comma and a space.
    let value = match value.find(", ") {
        Some(i) => value.get(..i)?.trim(),
        None => value,
    };
    (!value.is_empty()).then_some(value)
}

/// How a number written the Dutch way is written in a scenario.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct DutchNumber {
    /// Written with `€`, `EUR` or `euro`.
    euro: bool,
    /// Written with `%`.
    procent: bool,
    /// A decimal comma (`116,35`).
    komma: bool,
    /// Points (or commas) between thousands (`140.000.000`, `1.000,50`).
    duizendtallen: bool,
    /// The number as a scenario writes it (`140000000`, `116.35`).
    pub(super) fixed: String,
}

impl DutchNumber {
    /// What is wrong with `written`, in Dutch.
    pub(super) fn message(&self, written: &str) -> String {
        let mut why: Vec<&str> = Vec::new();
        if self.euro {
            why.push("een bedrag schrijft u zonder €-teken");
        }
        if self.procent {
            why.push("een percentage schrijft u zonder %-teken (45 betekent 45 %)");
        }
        if self.komma {
            why.push("het decimaalteken is een punt, geen komma");
        }
        if self.duizendtallen {
            why.push(
                "een punt is hier een decimaalteken; duizendtallen schrijft u zonder punt \
                 (of met _)",
            );
        }
        format!(
            "'{}' is geen getal zoals een scenario het schrijft: {}",
            naam::zichtbaar(written),
            why.join("; ")
        )
    }

    /// The fix: the number as it should be written (also with `_` between thousands when
    /// that was the mistake).
    pub(super) fn hint(&self) -> String {
        if self.duizendtallen
            && let Some(grouped) = with_underscores(&self.fixed)
        {
            return format!("schrijf {} of {grouped}", self.fixed);
        }
        format!("schrijf {}", self.fixed)
    }
}

/// `140000000` as `140_000_000` (the whole part grouped by three), if it has four digits or
/// more before the point.
pub(super) fn with_underscores(number: &str) -> Option<String> {
    let (sign, rest) = match number.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", number),
    };
    let (whole, fraction) = match rest.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (rest, None),
    };
    if whole.len() < 4 {
        return None;
    }
    let mut out = String::from(sign);
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push('_');
        }
        out.push(c);
    }
    if let Some(f) = fraction {
        out.push('.');
        out.push_str(f);
    }
    Some(out)
}

/// `text` read as a number written the Dutch way (`€ 117`, `45%`, `116,35`, `140.000.000`,
/// `€ 1.000,50`); `None` when it is no number or already written as a scenario writes it.
pub(super) fn dutch_number(text: &str) -> Option<DutchNumber> {
    let mut t = text.trim();
    let mut euro = false;
    let mut procent = false;
    // Strip the signs and words around the number (as often at the front as at the back).
    for _ in 0..2 {
        for sign in ["€", "EUR", "eur", "euro", "Euro"] {
            if let Some(r) = t.strip_prefix(sign) {
                t = r.trim_start_matches([' ', '-']).trim();
                euro = true;
            }
            if let Some(r) = t.strip_suffix(sign) {
                t = r.trim_end_matches([' ', ',', '-']).trim();
                euro = true;
            }
        }
        for sign in ["%", "procent"] {
            if let Some(r) = t.strip_suffix(sign) {
                t = r.trim();
                procent = true;
            }
        }
    }
    let (sign, digits) = match t.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", t),
    };
    if digits.is_empty() || !digits.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if !digits
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b'.' || b == b',' || b == b'_')
    {
        return None;
    }
    let groups_of_three = |s: &str, sep: char| {
        let mut parts = s.split(sep);
        let first = parts.next().unwrap_or("");
        (1..=3).contains(&first.len())
            && first.bytes().all(|b| b.is_ascii_digit())
            && parts.clone().count() >= 1
            && parts.all(|p| p.len() == 3 && p.bytes().all(|b| b.is_ascii_digit()))
    };
    let is_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit() || b == b'_');
    let points = digits.matches('.').count();
    let commas = digits.matches(',').count();
    let (fixed, komma, duizendtallen) = match (points, commas) {
        // 117, 117.50: already a number.
        (0 | 1, 0)
            if !(euro && groups_of_three(digits, '.')) && digits.split('.').all(is_digits) =>
        {
            (digits.to_string(), false, false)
        }
        // 140.000.000, and € 30.000: with a euro sign a point is never a decimal point
        (2.., 0) | (1, 0) if (points > 1 || euro) && groups_of_three(digits, '.') => {
            (digits.replace('.', ""), false, true)
        }
        // 116,35
        (0, 1) => {
            let (w, f) = digits.split_once(',')?;
            if !is_digits(w) || !is_digits(f) {
                return None;
            }
            (format!("{w}.{f}"), true, false)
        }
        // 1,500,000 (thousands with commas, the English way)
        (0, 2..) if groups_of_three(digits, ',') => (digits.replace(',', ""), false, true),
        // 1.000,50
        (1.., 1) => {
            let (w, f) = digits.split_once(',')?;
            if !groups_of_three(w, '.') || !is_digits(f) {
                return None;
            }
            (format!("{}.{f}", w.replace('.', "")), true, true)
        }
        _ => return None,
    };
    if !(euro || procent || komma || duizendtallen) {
        return None;
    }
    Some(DutchNumber {
        euro,
        procent,
        komma,
        duizendtallen,
        fixed: format!("{sign}{fixed}"),
    })
}

/// `text` (a valid TOML float) when it reads like a Dutch whole number with points between
/// thousands: one to three digits, then groups of three (`140.000`, `1.500`). The number a
/// Dutch writer meant, without the points.
pub(super) fn thousands_points(text: &str) -> Option<String> {
    let mut parts = text.split('.');
    let first = parts.next()?;
    let digit = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if !((1..=3).contains(&first.len()) && digit(first) && !first.starts_with('0')) {
        return None;
    }
    // The groups looked at as they come, without a list of them: this runs for every amount
    // written with a point (a list cost about 400 instructions each).
    let mut groups = 0;
    for p in parts {
        if p.len() != 3 || !digit(p) {
            return None;
        }
        groups += 1;
    }
    (groups > 0).then(|| text.replace('.', ""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_one_to_three_digits_then_groups_of_three_read_as_points_between_thousands() {
        // Worked out by hand from the rule: "140.000" is 140 thousand, "1.500.000" 1.5 million.
        assert_eq!(thousands_points("140.000").as_deref(), Some("140000"));
        assert_eq!(thousands_points("1.500.000").as_deref(), Some("1500000"));
        // A decimal amount, a leading zero, four digits first, no group, a short last group.
        for text in [
            "110.35", "0.500", "1234.000", "12", "12.000.5", "12.", ".500",
        ] {
            assert_eq!(thousands_points(text), None, "{text}");
        }
    }

    #[test]
    fn a_euro_sign_is_dropped_and_the_number_kept() {
        let n = dutch_number("€ 117").unwrap();
        assert_eq!(n.fixed, "117");
        assert!(n.message("€ 117").contains("zonder €-teken"));
        assert_eq!(n.hint(), "schrijf 117");
        assert_eq!(dutch_number("117 euro").unwrap().fixed, "117");
        assert_eq!(dutch_number("€116,35").unwrap().fixed, "116.35");
        assert_eq!(dutch_number("€ 30.000").unwrap().fixed, "30000");
        assert_eq!(dutch_number("€ 117.50").unwrap().fixed, "117.50");
    }

    #[test]
    fn a_percent_sign_is_dropped() {
        let n = dutch_number("45%").unwrap();
        assert_eq!(n.fixed, "45");
        assert!(n.message("45%").contains("zonder %-teken"));
        assert_eq!(dutch_number("4,5 %").unwrap().fixed, "4.5");
    }

    #[test]
    fn a_decimal_comma_becomes_the_users_own_value_with_a_point() {
        assert_eq!(dutch_number("116,35").unwrap().hint(), "schrijf 116.35");
    }

    #[test]
    fn points_between_thousands_are_dropped_with_an_underscore_alternative() {
        let n = dutch_number("140.000.000").unwrap();
        assert_eq!(n.hint(), "schrijf 140000000 of 140_000_000");
        assert_eq!(
            dutch_number("1.000,50").unwrap().hint(),
            "schrijf 1000.50 of 1_000.50"
        );
        assert_eq!(dutch_number("1,500,000").unwrap().fixed, "1500000");
    }

    #[test]
    fn numbers_already_written_right_and_other_text_are_left_alone() {
        for text in [
            "117",
            "117.50",
            "1.5",
            "Delft Noord",
            "6x",
            "1.2.3",
            "12,3,4",
            "",
        ] {
            assert_eq!(dutch_number(text), None, "{text}");
        }
    }

    #[test]
    fn a_float_with_groups_of_three_reads_as_thousands() {
        assert_eq!(thousands_points("140.000").as_deref(), Some("140000"));
        assert_eq!(thousands_points("1.500").as_deref(), Some("1500"));
        assert_eq!(thousands_points("0.125"), None);
        assert_eq!(thousands_points("1234.500"), None);
        assert_eq!(thousands_points("117.50"), None);
        assert_eq!(thousands_points("6"), None);
    }

    #[test]
    fn no_english_message_of_the_parser_reaches_the_user() {
        for detail in [
            "invalid float, expected nothing",
            "unclosed inline table, expected `}`",
            "something new, expected nothing",
            "invalid date, expected month between 01 and 12",
        ] {
            let u = syntax_message(detail, "a = x", 4);
            assert!(!u.message.contains("expected"), "{}", u.message);
            assert!(!u.message.contains(detail.split(',').next().unwrap()));
        }
    }

    #[test]
    fn text_without_quotes_gets_the_users_own_text_quoted() {
        let u = syntax_message(
            "string values must be quoted, expected literal string",
            "regio = Delft",
            8,
        );
        assert_eq!(u.hint.as_deref(), Some("schrijf regio = \"Delft\""));
        assert!(u.at_value);
    }

    #[test]
    fn a_comma_inside_an_inline_table_is_found() {
        let u = syntax_message(
            "unexpected key or value, expected newline",
            "deelnemers = { huisarts = 6,5 }",
            28,
        );
        assert_eq!(u.hint.as_deref(), Some("schrijf 6.5"));
    }

    #[test]
    fn the_path_of_a_syntax_error_counts_arrays_of_tables() {
        let src = "[scenario]\nnaam = \"x\"\n[[groep]]\n[[groep]]\nduur_uren = 1,5\n";
        let at = src.find("duur_uren").unwrap();
        assert_eq!(section_path(src, at, "duur_uren"), "groep[2].duur_uren");
        assert_eq!(section_path(src, 0, "formaat"), "formaat");
    }
}
