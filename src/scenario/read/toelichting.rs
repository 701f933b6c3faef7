//! `[toelichting]`: the region's own texts for the documents (docs/rekenregels.md, "Teksten van
//! de regio"). Plain text of at most [`schema::TOELICHTING_MAX`] characters; unlike a name, a
//! text may hold line breaks and tabs, but no other control character. Pure, no I/O.

use super::super::model::{Onderwerp, Scenario};
use super::super::schema::{self, TOELICHTING_NAMEN};
use super::cx::{Cx, leeg, type_name};
use super::veld::Field;
use crate::naam;
use toml::de::DeValue;

/// `[toelichting]` into `s`; every text is optional.
pub(super) fn toelichting(
    cx: &mut Cx,
    toelichting_field: Option<Field<'_, '_, '_>>,
    s: &mut Scenario,
) {
    let Some(f) = toelichting_field else { return };
    let Some(t) = cx.table(&f) else { return };
    let fields = t.fields(&TOELICHTING_NAMEN);
    for (onderwerp, field) in Onderwerp::ALL.into_iter().zip(fields) {
        if let Some(field) = field {
            *s.toelichting.tekst_mut(onderwerp) = tekst(cx, &field);
        }
    }
    t.finish_fields(cx);
}

/// One text: a string, not blank, without control characters other than line breaks and tabs,
/// at most [`schema::TOELICHTING_MAX`] characters. A Windows line break (`\r\n`) is read as a
/// line break.
fn tekst(cx: &mut Cx, field: &Field<'_, '_, '_>) -> Option<String> {
    let DeValue::String(text) = field.value.get_ref() else {
        cx.error(
            field,
            format!(
                "verwacht tekst tussen aanhalingstekens, gevonden: {}",
                type_name(field.value.get_ref())
            ),
            Some("een lange tekst schrijft u tussen drie aanhalingstekens: \"\"\"…\"\"\"".into()),
        );
        return None;
    };
    let text = text.replace("\r\n", "\n");
    if let Some((plaats, c)) = stuurteken(&text) {
        cx.error(
            field,
            format!(
                "bevat een stuurteken ({}) op teken {plaats}; in een toelichting zijn alleen \
                 regeleinden en tabs toegestaan",
                naam::teken(c)
            ),
            Some("haal het teken weg of vervang het door een spatie".into()),
        );
        return None;
    }
    let tekens = text.chars().count();
    let max = usize::try_from(schema::TOELICHTING_MAX).unwrap_or(usize::MAX);
    if tekens > max {
        cx.error(
            field,
            format!(
                "is te lang: {} tekens, hoogstens {}",
                schema::duizendtallen(u32::try_from(tekens).unwrap_or(u32::MAX)),
                schema::duizendtallen(schema::TOELICHTING_MAX)
            ),
            Some("kort de tekst in, of verwijs naar een bijlage".into()),
        );
        return None;
    }
    if leeg(&text) {
        cx.error(
            field,
            "mag niet leeg zijn".into(),
            Some(
                "laat de regel weg als de tekst nog niet geschreven is: het document markeert dan \
                 de plaats"
                    .into(),
            ),
        );
        return None;
    }
    cx.remember(field.path, field.value.span());
    Some(text)
}

/// The first control character other than a line break or a tab, with its place counted in
/// characters from 1.
fn stuurteken(text: &str) -> Option<(usize, char)> {
    text.chars()
        .enumerate()
        .find(|&(_, c)| c.is_control() && c != '\n' && c != '\t')
        .map(|(i, c)| (i + 1, c))
}

#[cfg(test)]
mod tests {
    use super::super::super::model::Toelichting;
    use super::super::parse;
    use super::*;

    const BASE: &str = "formaat = 1\n\n[scenario]\nnaam = \"T\"\nstartjaar = 2026\n\
        looptijd_jaren = 1\nverzekerden = 1000\n\n[uurtarieven]\nhuisarts = 100\n\n\
        [werkwijze]\nbijeenkomsten_per_jaar = 6\nduur_uren = 1.5\npatienten_per_jaar = 10\n\n\
        [[groep]]\nnaam = \"A\"\ndeelnemers = { huisarts = 4 }\n";

    fn with(toelichting: &str) -> String {
        format!("{BASE}\n[toelichting]\n{toelichting}\n")
    }

    /// The message of the only error of `text`, with its path and line.
    fn only_error(text: &str) -> (String, String, usize) {
        match parse(text) {
            Ok(_) => panic!("accepted: {text}"),
            Err(errors) => {
                assert_eq!(errors.len(), 1, "{errors:?}");
                let e = &errors[0];
                (e.message.clone(), e.path.clone(), e.pos.line)
            }
        }
    }

    #[test]
    fn a_scenario_without_toelichting_has_no_texts() {
        let s = parse(BASE).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(s.toelichting, Toelichting::default());
        assert!(
            Onderwerp::ALL
                .iter()
                .all(|&o| s.toelichting.tekst(o).is_none())
        );
    }

    #[test]
    fn every_text_is_read_into_its_own_topic() {
        let mut lines = String::new();
        for o in Onderwerp::ALL {
            lines.push_str(&format!("{} = \"tekst over {}\"\n", o.as_str(), o.as_str()));
        }
        let s = parse(&with(&lines)).unwrap_or_else(|e| panic!("{e:?}"));
        for o in Onderwerp::ALL {
            assert_eq!(
                s.toelichting.tekst(o),
                Some(format!("tekst over {}", o.as_str()).as_str())
            );
        }
        assert_eq!(s.toelichting.zorg.as_deref(), Some("tekst over zorg"));
        assert_eq!(
            s.toelichting.evaluatie.as_deref(),
            Some("tekst over evaluatie")
        );
    }

    #[test]
    fn the_schema_names_the_topics_in_order() {
        let keys: Vec<&str> = Onderwerp::ALL.iter().map(|o| o.as_str()).collect();
        assert_eq!(keys, TOELICHTING_NAMEN);
    }

    #[test]
    fn a_multi_line_text_keeps_its_line_breaks_and_tabs() {
        let text = with("zorg = \"\"\"\nEerste alinea,\n\tnog steeds de eerste.\n\nTweede.\"\"\"");
        let s = parse(&text).unwrap_or_else(|e| panic!("{e:?}"));
        let zorg = s.toelichting.zorg.unwrap_or_default();
        // TOML drops the line break right after the opening quotes.
        assert_eq!(zorg, "Eerste alinea,\n\tnog steeds de eerste.\n\nTweede.");
        assert_eq!(
            Toelichting::alineas(&zorg),
            ["Eerste alinea, nog steeds de eerste.", "Tweede."]
        );
    }

    #[test]
    fn a_windows_line_break_is_read_as_a_line_break() {
        let text = with("locatie = \"Zutphen\\r\\nEefde\"");
        let s = parse(&text).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(s.toelichting.locatie.as_deref(), Some("Zutphen\nEefde"));
    }

    #[test]
    fn an_escape_in_a_text_is_refused_at_the_text() {
        let text = with("innovatie = \"Nieuw\\u001b[2J\"");
        let (message, path, line) = only_error(&text);
        assert_eq!(path, "toelichting.innovatie");
        // BASE has 19 lines, then a blank line and the header: the text is on line 22.
        assert_eq!(line, 22);
        assert_eq!(
            message,
            "bevat een stuurteken (\\u{1b}) op teken 6; in een toelichting zijn alleen \
             regeleinden en tabs toegestaan"
        );
        let lone_cr = with("innovatie = \"a\\rb\"");
        assert!(only_error(&lone_cr).0.contains("(\\r) op teken 2"));
    }

    #[test]
    fn a_text_one_character_over_the_bound_is_refused_and_one_at_it_is_read() {
        let at = "é".repeat(20_000);
        let s = parse(&with(&format!("evaluatie = \"{at}\""))).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(
            s.toelichting.evaluatie.map(|t| t.chars().count()),
            Some(20_000)
        );
        let over = "é".repeat(20_001);
        let (message, path, _) = only_error(&with(&format!("evaluatie = \"{over}\"")));
        assert_eq!(path, "toelichting.evaluatie");
        assert_eq!(message, "is te lang: 20.001 tekens, hoogstens 20.000");
    }

    #[test]
    fn a_blank_text_a_number_and_an_unknown_topic_are_refused() {
        let (message, path, _) = only_error(&with("zorg = \" \\n \""));
        assert_eq!(
            (message.as_str(), path.as_str()),
            ("mag niet leeg zijn", "toelichting.zorg")
        );
        let (message, path, _) = only_error(&with("frequentie = 6"));
        assert_eq!(path, "toelichting.frequentie");
        assert_eq!(
            message,
            "verwacht tekst tussen aanhalingstekens, gevonden: een geheel getal"
        );
        let (message, path, _) = only_error(&with("doelen = \"x\""));
        assert_eq!(path, "toelichting.doelen");
        assert_eq!(message, "onbekende sleutel 'doelen'");
    }

    #[test]
    fn paragraphs_are_separated_by_blank_lines_only() {
        assert_eq!(Toelichting::alineas(""), Vec::<String>::new());
        assert_eq!(
            Toelichting::alineas("  a  b\nc\n \t \n\n\nd\u{a0}€\n"),
            ["a b c", "d\u{a0}€"]
        );
    }
}
