//! Tests: bad registrations — every error at file:line:column with its field path, exit 2,
//! nothing on stdout, nothing written; large garbage files, names as written, control
//! characters.

use super::*;

// ---------------------------------------------------------------------------------------------
// Input errors: exit 2, file:line:column, field path, nothing written
// ---------------------------------------------------------------------------------------------

/// Runs `monitor` on the test scenario with `meetings` as `b.csv` (and `indicators` as `i.csv`).
fn monitor_with(meetings: &str, indicators: Option<&str>) -> (Output, tempfile::TempDir) {
    let scenario = fx_abs("regio.toml");
    let scenario = scenario.to_str().expect("UTF-8 path");
    let mut files: Vec<(&str, &[u8])> = vec![("b.csv", meetings.as_bytes())];
    let mut args = vec!["monitor", scenario, "--bijeenkomsten", "b.csv"];
    if let Some(i) = indicators {
        files.push(("i.csv", i.as_bytes()));
        args.extend(["--indicatoren", "i.csv"]);
    }
    args.extend(["-o", "uit.csv"]);
    let (out, dir) = run_with(&files, &args);
    assert!(
        !dir.path().join("uit.csv").exists(),
        "no output file may be written"
    );
    (out, dir)
}

fn meetings_error(body: &str) -> String {
    let (out, _dir) = monitor_with(&format!("{HEADER}\n{body}"), None);
    invalid(&out)
}

#[test]
fn an_unknown_group_is_reported_with_line_column_and_the_nearest_name() {
    // "Nord" starts the record on line 2.
    let err = meetings_error("Nord,2026-01-15,1.5,3,4,2,1\n");
    assert!(
        err.contains(
            "b.csv:2:1: fout: bijeenkomsten[1].groep: groep 'Nord' staat niet in het scenario\n    \
             hint: bedoelde je 'Noord'?"
        ),
        "{err}"
    );
    assert!(
        err.contains("b.csv: 1 fout gevonden; er is niets berekend"),
        "{err}"
    );
}

#[test]
fn an_unknown_role_column_is_reported_with_the_nearest_role_and_the_missing_one() {
    // "consulnt" starts at column 72 of the header: groep(1) datum(7) duur_uren(13)
    // besproken_patienten(23) huisarts(43) wijkverpleegkundige(52) consulnt(72).
    let (out, _dir) = monitor_with(
        "groep,datum,duur_uren,besproken_patienten,huisarts,wijkverpleegkundige,consulnt\n\
         Noord,2026-01-15,1.5,3,4,2,1\n",
        None,
    );
    let err = invalid(&out);
    assert!(
        err.contains(
            "b.csv:1:1: fout: kopregel: kolom 'consulent' ontbreekt\n    hint: voeg een kolom \
             'consulent' toe"
        ),
        "{err}"
    );
    assert!(
        err.contains(
            "b.csv:1:72: fout: kopregel: onbekende kolom 'consulnt'\n    hint: bedoelde je \
             'consulent'?"
        ),
        "{err}"
    );
}

#[test]
fn a_missing_column_is_reported_on_the_header_line() {
    let (out, _dir) = monitor_with(
        "groep,datum,duur_uren,huisarts,wijkverpleegkundige,consulent\n\
         Noord,2026-01-15,1.5,4,2,1\n",
        None,
    );
    let err = invalid(&out);
    assert!(
        err.contains("b.csv:1:1: fout: kopregel: kolom 'besproken_patienten' ontbreekt"),
        "{err}"
    );
}

#[test]
fn dates_outside_the_horizon_before_the_group_start_or_not_in_the_calendar_are_errors() {
    // The date starts at column 7 after "Noord," and at column 6 after "Zuid,".
    let err = meetings_error(
        "Noord,2028-01-10,1.5,3,4,2,1\n\
         Zuid,2026-05-01,1.5,2,5,2,1\n\
         Noord,2026-02-30,1.5,3,4,2,1\n\
         Noord,12-03-2026,1.5,3,4,2,1\n",
    );
    let expected = [
        "b.csv:2:7: fout: bijeenkomsten[1].datum: 2028-01-10 valt buiten de looptijd 2026–2027",
        "b.csv:3:6: fout: bijeenkomsten[2].datum: 2026-05-01 ligt vóór het startjaar 2027 van \
         groep 'Zuid'",
        "b.csv:4:7: fout: bijeenkomsten[3].datum: '2026-02-30' bestaat niet in de kalender",
        "b.csv:5:7: fout: bijeenkomsten[4].datum: '12-03-2026' is geen datum in de vorm JJJJ-MM-DD\n    \
         hint: schrijf de datum als JJJJ-MM-DD, bijv. 2026-03-12",
        "b.csv: 4 fouten gevonden; er is niets berekend",
    ];
    let mut at = 0;
    for e in expected {
        let found = err[at..]
            .find(e)
            .unwrap_or_else(|| panic!("missing (in this order) {e:?} in:\n{err}"));
        at += found + e.len();
    }
}

#[test]
fn a_negative_count_is_an_error_at_its_cell() {
    // The huisarts cell starts at column 24: "Noord,2026-01-15,1.5,3," is 23 characters.
    let err = meetings_error("Noord,2026-01-15,1.5,3,-4,2,1\n");
    assert!(
        err.contains("b.csv:2:24: fout: bijeenkomsten[1].huisarts: -4: mag niet negatief zijn"),
        "{err}"
    );
}

#[test]
fn non_numeric_and_fractional_counts_and_a_decimal_comma_in_a_comma_file_are_errors() {
    let err = meetings_error(
        "Noord,2026-01-15,anderhalf,3,4,2,1\n\
         Noord,2026-02-15,1.5,drie,4,2,1\n\
         Noord,2026-03-15,1.5,3,4.5,2,1\n\
         Noord,2026-04-15,1,5,3,4,2,1\n\
         Noord,2026-05-15,0,3,4,2,1\n",
    );
    for e in [
        // duur_uren starts at column 18, besproken_patienten at 22, huisarts at 24.
        "b.csv:2:18: fout: bijeenkomsten[1].duur_uren: 'anderhalf' is geen getal",
        "b.csv:3:22: fout: bijeenkomsten[2].besproken_patienten: 'drie' is geen getal",
        "b.csv:4:24: fout: bijeenkomsten[3].huisarts: 4.5: geen geheel getal",
        // "1,5" splits into two cells: 8 instead of 7; the 8th starts at column 28.
        "b.csv:5:28: fout: bijeenkomsten[4]: deze regel heeft 8 kolommen, de kopregel 7",
        "b.csv:6:18: fout: bijeenkomsten[5].duur_uren: 0: de duur moet groter dan 0 zijn",
    ] {
        assert!(err.contains(e), "missing {e:?} in:\n{err}");
    }
}

#[test]
fn an_unknown_indicator_id_and_other_indicator_problems_are_reported_with_positions() {
    let (out, _dir) = monitor_with(
        &format!("{HEADER}\nNoord,2026-01-15,1.5,3,4,2,1\n"),
        Some(
            "jaar,indicator,overleden_patienten,gevallen\n\
             2026,ic_opnames,120,7\n\
             2029,ic_opname,120,7\n\
             2026,chemotherapie,0,0\n\
             2026,seh_bezoeken_meer_dan_1,10,11\n\
             2026,ic_opname,120,7\n\
             2026,ic_opname,100,5\n",
        ),
    );
    let err = invalid(&out);
    for e in [
        // The id starts at column 6 after "2026,".
        "i.csv:2:6: fout: indicatoren[1].indicator: 'ic_opnames' is geen indicator-id\n    hint: \
         bedoelde je 'ic_opname'?",
        "i.csv:3:1: fout: indicatoren[2].jaar: 2029 valt buiten de looptijd 2026–2027",
        // "2026,chemotherapie," is 19 characters.
        "i.csv:4:20: fout: indicatoren[3].overleden_patienten: 0: er moet minstens één overleden \
         patiënt zijn",
        // "2026,seh_bezoeken_meer_dan_1,10," is 32 characters.
        "i.csv:5:33: fout: indicatoren[4].gevallen: 11 gevallen is meer dan de 10 overleden \
         patiënten",
        "i.csv:7:6: fout: indicatoren[6].indicator: ic_opname staat voor 2026 al op regel 6",
        "i.csv: 5 fouten gevonden; er is niets berekend",
    ] {
        assert!(err.contains(e), "missing {e:?} in:\n{err}");
    }
}

#[test]
fn every_problem_in_both_files_is_reported_at_once_and_nothing_is_written() {
    let (out, _dir) = monitor_with(
        &format!(
            "{HEADER}\n\
             Noord,2026-01-15,1.5,3,4,2,1\n\
             Noord,2026-01-15,1.5,3,4,2,1\n\
             Nord,2026-13-01,-1,x,4,2,1\n"
        ),
        Some("jaar,indicator,overleden_patienten,gevallen,bron\n2026,ic_opname,120,7,x\n"),
    );
    let err = invalid(&out);
    let expected = [
        "b.csv:3:7: fout: bijeenkomsten[2].datum: groep 'Noord' heeft op 2026-01-15 al een \
         bijeenkomst (regel 2)",
        "b.csv:4:1: fout: bijeenkomsten[3].groep: groep 'Nord' staat niet in het scenario",
        "b.csv:4:6: fout: bijeenkomsten[3].datum: '2026-13-01' bestaat niet in de kalender",
        "b.csv:4:17: fout: bijeenkomsten[3].duur_uren: -1: mag niet negatief zijn",
        "b.csv:4:20: fout: bijeenkomsten[3].besproken_patienten: 'x' is geen getal",
        "b.csv: 5 fouten gevonden; er is niets berekend",
        // "jaar,indicator,overleden_patienten,gevallen," is 44 characters.
        "i.csv:1:45: fout: kopregel: onbekende kolom 'bron'",
        "i.csv: 1 fout gevonden; er is niets berekend",
    ];
    let mut at = 0;
    for e in expected {
        let found = err[at..]
            .find(e)
            .unwrap_or_else(|| panic!("missing (in this order) {e:?} in:\n{err}"));
        at += found + e.len();
    }
}

#[test]
fn payout_with_an_invalid_registration_writes_nothing() {
    let scenario = fx_abs("regio.toml");
    let (out, dir) = run_with(
        &[(
            "b.csv",
            format!("{HEADER}\nNoord,2026-01-15,1.5,3,4,2,x\n").as_bytes(),
        )],
        &[
            "payout",
            scenario.to_str().expect("UTF-8 path"),
            "--bijeenkomsten",
            "b.csv",
            "-o",
            "betaal.csv",
        ],
    );
    // The consulent cell starts at column 28.
    assert!(
        invalid(&out).contains("b.csv:2:28: fout: bijeenkomsten[1].consulent: 'x' is geen getal")
    );
    assert!(!dir.path().join("betaal.csv").exists());
}

#[test]
fn a_registration_that_is_not_utf8_or_is_empty_is_reported() {
    let (out, _dir) = run_with(
        &[("b.csv", b"groep,datum\xff\n")],
        &[
            "monitor",
            fx_abs("regio.toml").to_str().expect("UTF-8 path"),
            "--bijeenkomsten",
            "b.csv",
        ],
    );
    assert!(invalid(&out).contains("b.csv:1:12: fout: geen geldige UTF-8-tekst"));
    let (out, _dir) = monitor_with("", None);
    assert!(invalid(&out).contains("b.csv:1:1: fout: het bestand is leeg"));
}

// ---------------------------------------------------------------------------------------------
// Large garbage, names as written, control characters
// ---------------------------------------------------------------------------------------------

#[test]
fn a_garbage_file_reports_the_first_hundred_errors_in_file_order_and_counts_the_rest() {
    // 1,000 records of one cell each: every one is an error ("1 kolommen, de kopregel 7") with
    // a hint. Printed: the errors of lines 2..=101, then the count of the other 900, then the
    // total of 1,000 (written with a thousands dot).
    let body = "x\n".repeat(1000);
    let err = meetings_error(&body);
    let fouten: Vec<&str> = err.lines().filter(|l| l.contains(": fout: ")).collect();
    assert_eq!(fouten.len(), 100, "{err}");
    assert!(
        fouten[0].starts_with("b.csv:2:1: fout: bijeenkomsten[1]: "),
        "{err}"
    );
    assert!(
        fouten[99].starts_with("b.csv:101:1: fout: bijeenkomsten[100]: "),
        "{err}"
    );
    assert!(!err.contains("b.csv:102:"), "{err}");
    let tail: Vec<&str> = err.lines().rev().take(2).collect();
    assert_eq!(
        tail,
        vec![
            "b.csv: 1.000 fouten gevonden; er is niets berekend",
            "b.csv: … en nog 900 fouten",
        ],
        "{err}"
    );
}

#[test]
fn the_first_hundred_errors_are_the_first_in_the_file_whatever_order_they_are_found_in() {
    // 150 bad rows; the header lacks `besproken_patienten` (an error on line 1, found after the
    // header's other checks). In file order the header error comes first, then rows 2..=100.
    let s = scenario_of(&fx("regio.toml"));
    let mut text = String::from("groep,datum,duur_uren,huisarts,wijkverpleegkundige,consulent\n");
    text.push_str(&"Nord,2026-01-15,1.5,4,2,1\n".repeat(150));
    let e = registratie::read_bijeenkomsten(&text, &s).expect_err("invalid");
    assert_eq!(e.aantal(), 151);
    assert_eq!(e.eerste().len(), 100);
    assert_eq!(e.verder(), 51);
    let lines: Vec<usize> = e.eerste().iter().map(|d| d.pos.line).collect();
    let expected: Vec<usize> = std::iter::once(1).chain(2..=100).collect();
    assert_eq!(lines, expected);
}

#[test]
fn a_quoted_group_name_is_kept_exactly_as_written_and_an_unquoted_one_is_trimmed() {
    let s = scenario_of(&fx("namen.toml"));
    // The scenario's group is "Oost " (with a space): only the quoted cell names it.
    let quoted = format!("{HEADER}\n\"Oost \",2026-01-15,1.5,3,4,2,1\n");
    let b = meetings_of(&s, &quoted);
    assert_eq!(b.len(), 1);
    assert_eq!(b[0].groep, 0);
    // Unquoted, the spaces around a value do not count: "  Oost  " is "Oost", not in the
    // scenario.
    let (out, _dir) = run_with(
        &[(
            "b.csv",
            format!("{HEADER}\n  Oost  ,2026-01-15,1.5,3,4,2,1\n").as_bytes(),
        )],
        &[
            "payout",
            fx_abs("namen.toml").to_str().expect("UTF-8 path"),
            "--bijeenkomsten",
            "b.csv",
        ],
    );
    let err = invalid(&out);
    assert!(
        err.contains(
            "b.csv:2:3: fout: bijeenkomsten[1].groep: groep 'Oost' staat niet in het scenario\n    \
             hint: bedoelde je 'Oost '?"
        ),
        "{err}"
    );
    // A quoted cell keeps its spaces in numbers too, so " 1.5" is not a number there.
    let e = registratie::read_bijeenkomsten(
        &format!("{HEADER}\n\"Oost \",2026-01-15,\" 1.5\",3,4,2,1\n"),
        &s,
    )
    .expect_err("a quoted space is part of the value");
    assert_eq!(e.eerste()[0].message, "' 1.5' is geen getal");
}

#[test]
fn a_group_name_written_in_nfd_is_the_same_group_as_in_nfc() {
    // namen.toml writes "Café" with the precomposed é (U+00E9); the file writes e + U+0301.
    let s = scenario_of(&fx("namen.toml"));
    let text = format!("{HEADER}\nCafe\u{301},2026-01-15,1.5,3,5,2,1\n");
    let b = meetings_of(&s, &text);
    assert_eq!(b.len(), 1);
    assert_eq!(b[0].groep, 1);
}

#[test]
fn a_control_character_in_a_cell_is_refused_at_its_own_line_and_column() {
    // ESC starts at column 6 of line 2 ("Noord" is 5 characters); in the quoted name of line 3
    // the newline ends line 3 at column 4 ("\"No"), and the record's other errors do not hide
    // it. Nothing of the escape sequence reaches the terminal raw.
    let err = meetings_error(
        "Noord\u{1b}[2J,2026-01-15,1.5,3,4,2,1\n\
         \"No\nord\",2026-02-15,1.5,3,4,2,1\n",
    );
    assert!(
        err.contains(
            "b.csv:2:6: fout: bijeenkomsten[1].groep: de cel bevat het stuurteken \\u{1b}"
        ),
        "{err}"
    );
    assert!(
        err.contains("b.csv:3:4: fout: bijeenkomsten[2].groep: de cel bevat het stuurteken \\n"),
        "{err}"
    );
    assert!(!err.contains('\u{1b}'), "{err:?}");
    // In the header too.
    let (out, _dir) = monitor_with(
        &format!("{HEADER}\u{7}\nNoord,2026-01-15,1.5,3,4,2,1\n"),
        None,
    );
    let err = invalid(&out);
    assert!(
        err.contains("b.csv:1:81: fout: kopregel: de cel bevat het stuurteken \\u{7}"),
        "{err}"
    );
}
