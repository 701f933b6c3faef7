//! TOML syntax errors in Dutch, with a hint where the offending line shows an obvious mistake
//! (a decimal comma, a missing quote). Pure, no I/O.

/// A Dutch explanation of a TOML syntax error (`detail` is the parser's English message), with
/// a hint drawn from the offending `line` where an obvious mistake shows.
pub(super) fn syntax_message(detail: &str, line: &str) -> (String, Option<String>) {
    let has_decimal_comma = line
        .as_bytes()
        .windows(3)
        .any(|w| w[0].is_ascii_digit() && w[1] == b',' && w[2].is_ascii_digit());
    let comma_hint = || Some("gebruik een punt als decimaalteken: 117.50, niet 117,50".to_string());
    let first = detail.split(',').next().unwrap_or("");
    // `formaat =` with nothing after it reads to the parser as an unquoted string.
    let first = if line.trim_end().ends_with('=') && first == "string values must be quoted" {
        "missing value"
    } else {
        first
    };
    let (nl, hint): (&str, Option<String>) = match first {
        "duplicate key" => (
            "deze sleutel of sectie staat er al; elke sleutel en elke [sectie] komt één keer voor",
            Some("voor meer groepen, verzekeraars of aanbiedingen: [[groep]], [[verzekeraar]], [[aanbod]] (dubbele haken)".into()),
        ),
        "string values must be quoted" | "unquoted string" => (
            "tekst moet tussen aanhalingstekens staan",
            Some("bijv. naam = \"Delft Noord\"".into()),
        ),
        "invalid basic string" | "invalid literal string" => (
            "de tekst is niet afgesloten met een aanhalingsteken",
            None,
        ),
        "unclosed table" | "unclosed array table" => (
            "de sectienaam is niet afgesloten met ]",
            None,
        ),
        "unexpected key or value" | "unexpected content" | "extra assignment between key-value pairs" => (
            "onverwachte tekst na de waarde; elke sleutel = waarde staat op een eigen regel",
            if has_decimal_comma { comma_hint() } else { None },
        ),
        "missing comma between array elements" | "extra comma in array" | "unclosed array" => (
            "een lijst schrijft u als [a, b, c], met komma's tussen de elementen",
            if has_decimal_comma { comma_hint() } else { None },
        ),
        "missing value for key" | "missing value" | "key with no value" => (
            "na het = ontbreekt een waarde",
            None,
        ),
        "missing assignment between key-value pairs" | "invalid key-value pair" => (
            "hier ontbreekt een = tussen sleutel en waarde",
            None,
        ),
        "cannot recurse further; max recursion depth met" | "recursion limit" => (
            "te diep geneste tabellen of lijsten",
            None,
        ),
        _ => ("", None),
    };
    if nl.is_empty() {
        (
            format!("geen geldige TOML ({detail})"),
            if has_decimal_comma {
                comma_hint()
            } else {
                None
            },
        )
    } else {
        (format!("geen geldige TOML: {nl} ({detail})"), hint)
    }
}
