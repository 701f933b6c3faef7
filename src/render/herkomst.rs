//! Where a number of a document comes from, written as attributes beside it so that a test can
//! hold it against the CLI (`data-json`, `data-som`, `data-invoer`), and the escaping of text
//! for HTML and SVG. Shared by the HTML report and the charts. Pure, no I/O.

use serde_json::{Map, Value};

/// Escapes text for HTML or SVG content and attribute values.
pub(crate) fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A number at `pointer` of `COMMAND --format json`, as an attribute (with its leading space).
pub(crate) fn json(command: &str, pointer: &str) -> String {
    format!(" data-json=\"{}:{}\"", esc(command), esc(pointer))
}

/// Like [`json`], for a number shown rounded to `dp` decimals (half away from zero): the
/// document shows a value as a person writes it, the JSON keeps it exact.
pub(crate) fn json_afgerond(command: &str, pointer: &str, dp: u32) -> String {
    format!("{} data-afronding=\"{dp}\"", json(command, pointer))
}

/// A value of the scenario file by its field path, as an attribute.
pub(crate) fn invoer(path: &str) -> String {
    format!(" data-invoer=\"{}\"", esc(path))
}

/// The Dutch label of the parameter at `path` (see `scenario::param::label`), as an
/// attribute: the label is text, the path says which parameter it names.
pub(crate) fn parameter(path: &str) -> String {
    format!(" data-parameter=\"{}\"", esc(path))
}

/// A sum of cost lines: the fields a line must have to count.
#[derive(Default)]
pub(crate) struct Som(Map<String, Value>);

impl Som {
    pub(crate) fn jaar(mut self, jaar: i32) -> Self {
        self.0.insert("jaar".into(), Value::from(jaar));
        self
    }
    /// The lines of a post, by its name in the cost output (`Post::naam`).
    pub(crate) fn post(mut self, naam: &str) -> Self {
        self.0.insert("post".into(), Value::from(naam));
        self
    }
    pub(crate) fn rol(mut self, rol: Option<&str>) -> Self {
        self.0
            .insert("rol".into(), rol.map_or(Value::Null, Value::from));
        self
    }
    pub(crate) fn groep(mut self, groep: Option<&str>) -> Self {
        self.0
            .insert("groep".into(), groep.map_or(Value::Null, Value::from));
        self
    }
    /// The filter as an attribute (with its leading space).
    pub(crate) fn attr(&self) -> String {
        format!(
            " data-som=\"{}\"",
            esc(&Value::Object(self.0.clone()).to_string())
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_every_character_that_could_open_markup() {
        assert_eq!(
            esc("<script>\"a\" & 'b'</script>"),
            "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;"
        );
    }
}
