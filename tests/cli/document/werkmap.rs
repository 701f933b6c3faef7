//! The workbook's rows for the contract talk (split lines, own cost posts, contributions, each
//! insurer's businesscase), recalculated by LibreOffice, against figures worked out by hand.

use super::*;

/// Two groups over 2026–2027 with every addition: the consulent 33,33 % elsewhere in 2026, the
/// projectleiding wholly elsewhere from 2027, three own cost posts, a contribution in 2026, an
/// array of verzekerden and a contracted offer.
const CONTRACT: &str = "tests/fixtures/werkmap/contractgesprek.toml";

/// Sets the number in `cell` (`"B23"`) of the sheet Invoer to `value`.
fn change_invoer(xlsx: &[u8], cell: &str, value: &str) -> Vec<u8> {
    let mut files = unzip(xlsx);
    let sheet = text(&files["xl/worksheets/sheet1.xml"]);
    let at = sheet
        .find(&format!("<c r=\"{cell}\""))
        .unwrap_or_else(|| panic!("no cell {cell}"));
    let v_start = at + sheet[at..].find("<v>").unwrap() + 3;
    let v_end = v_start + sheet[v_start..].find("</v>").unwrap();
    let changed = format!("{}{value}{}", &sheet[..v_start], &sheet[v_end..]);
    files.insert("xl/worksheets/sheet1.xml".into(), changed.into_bytes());
    rezip(&files)
}

/// The rows of Kostenregels of `jaar`, `groep`, `post` and `rol` (as the sheet writes them).
fn regels<'a>(
    sheets: &'a Sheets,
    jaar: &str,
    groep: &str,
    post: &str,
    rol: &str,
) -> Vec<&'a Vec<String>> {
    sheets["Kostenregels"]
        .iter()
        .filter(|r| {
            cell(r, 0) == jaar && cell(r, 1) == groep && cell(r, 2) == post && cell(r, 3) == rol
        })
        .collect()
}

fn amount(s: &str) -> Decimal {
    round(round(dec(s).unwrap_or_else(|| panic!("{s:?}")), 9), 2)
}

fn hours(s: &str) -> Decimal {
    round(dec(s).unwrap_or_else(|| panic!("{s:?}")), 6)
}

#[test]
fn the_contract_talk_rows_recalculate_to_hand_worked_figures_and_follow_a_changed_percentage() {
    let Some(soffice) = tool(
        "LibreOffice",
        &["soffice", "libreoffice"],
        "libreoffice-calc-nogui",
    ) else {
        return;
    };
    let dir = tmp();
    let xlsx = export(CONTRACT, dir.path(), &[]);
    let sheets = libreoffice(&soffice, &xlsx, true);
    let d = |s: &str| Decimal::from_str(s).unwrap();

    // 2026, Noord, the consulent's meetings: 1 consulent × 6 meetings × (1,5 + 0,5 + 0) h =
    // 12 h × € 120 × I(2026) = 1 → B = € 1.440,00. Elsewhere 33,33 %: 1.440 × 0,3333 = 479,952
    // → € 479,95 (3,9996 h); TAPA$ the rest, € 960,05 (8,0004 h).
    let bijeenkomsten = "Bijeenkomsten (incl. voorbereiding en reistijd)";
    let delen = regels(&sheets, "2026", "Noord", bijeenkomsten, "consulent");
    assert_eq!(delen.len(), 2, "{delen:?}");
    assert_eq!(cell(delen[0], 7), "elders");
    assert_eq!(amount(cell(delen[0], 6)), d("479.95"));
    assert_eq!(hours(cell(delen[0], 4)), d("3.9996"));
    assert_eq!(cell(delen[1], 7), "TAPA$");
    assert_eq!(amount(cell(delen[1], 6)), d("960.05"));
    assert_eq!(hours(cell(delen[1], 4)), d("8.0004"));
    // 2027: no rule for the consulent, one line: 12 h × 120 × 1,02 = € 1.468,80.
    let heel = regels(&sheets, "2027", "Noord", bijeenkomsten, "consulent");
    assert_eq!(heel.len(), 1);
    assert_eq!(amount(cell(heel[0], 6)), d("1468.80"));
    // The projectleiding from 2027 wholly elsewhere: 40 h × 90 × 1,02 = € 3.672,00, "elders".
    let pl = regels(&sheets, "2027", "", "Projectleiding", "");
    assert_eq!(pl.len(), 1);
    assert_eq!(
        (amount(cell(pl[0], 6)), cell(pl[0], 7)),
        (d("3672.00"), "elders")
    );

    // Own cost posts on Kosten: voorlichting € 1.200 a year × I → 1.200,00 and 1.224,00;
    // koffie en thee € 12,50 per meeting: 6 × 12,50 = 75,00 in 2026 (one group) and
    // 2 × 6 × 12,50 × 1,02 = 153,00 in 2027; the licence € 150 per group only in 2027:
    // 2 × 153,00 = 306,00.
    let kosten = &sheets["Kosten"];
    for (post, y1, y2) in [
        ("Voorlichting en advies", "1200.00", "1224.00"),
        ("Koffie en thee", "75.00", "153.00"),
        ("Licentie overlegsoftware", "0.00", "306.00"),
    ] {
        let r = row(kosten, post, None).unwrap_or_else(|| panic!("{post}"));
        assert_eq!(
            (amount(cell(r, 2)), amount(cell(r, 3))),
            (d(y1), d(y2)),
            "{post}"
        );
    }

    // 2026 in Financiering. The lines: huisarts 60 h × 100 = 6.000; wijkverpleegkundige 24 h × 80
    // = 1.920; consulent 1.440 (479,95 elsewhere); voorzitter 6 h × 100 = 600; coördinatie
    // 20 × 0,5 h × 100 = 1.000; telefonisch 10 h × 120 = 1.200 (1.200 × 0,3333 = 399,96
    // elsewhere); ICT 400; huisvesting 6 × 50 = 300; koffie 75; projectleiding 3.600; monitoring
    // 1.000; voorlichting 1.200: together 18.735,00. Elsewhere 479,95 + 399,96 = 879,91.
    // Overhead 5 % of the TAPA$ lines 18.735 − 879,91 = 17.855,09 → 892,7545 → 892,75.
    // Kosten totaal 19.627,75; bijdragen 10.000; te financieren 19.627,75 − 879,91 − 10.000 =
    // 8.747,84; tariff 8.747,84 / 40.000 = 0,218696 → up to € 0,22.
    let fin = &sheets["Financiering"];
    for (label, want) in [
        ("Kosten totaal", "19627.75"),
        ("Elders gefinancierd", "879.91"),
        ("Bijdragen uit andere bronnen", "10000.00"),
        ("Te financieren via TAPA$", "8747.84"),
        ("Kostendekkend tarief per verzekerde", "0.22"),
    ] {
        let r = row(fin, label, None).unwrap_or_else(|| panic!("{label}"));
        assert_eq!(amount(cell(r, 2)), d(want), "{label}");
    }

    // Per verzekeraar, A (60 %), 2026: kostenaandeel 8.747,84 × 0,6 = 5.248,704 → 5.248,70;
    // betaling of the contracted "A basis": € 0,90 × 40.000 × 0,6 = 21.600,00 (not the richer
    // "A ruim"). B's only offer covers 2027 alone: betaling 0 in 2026.
    let pv = &sheets["Per verzekeraar"];
    let a = pv
        .iter()
        .rposition(|r| cell(r, 0) == "Verzekeraar A")
        .unwrap();
    assert_eq!(amount(cell(&pv[a + 1], 2)), d("5248.70"));
    assert_eq!(amount(cell(&pv[a + 2], 2)), d("21600.00"));
    let b = pv
        .iter()
        .rposition(|r| cell(r, 0) == "Verzekeraar B")
        .unwrap();
    assert_eq!(amount(cell(&pv[b + 2], 2)), d("0.00"));

    // The consulent's percentage is an input: at 50 % the two parts are 720,00 each, and the
    // 2026 overhead 5 % of 18.735 − (720 + 600) = 17.415 → 870,75.
    let invoer = &sheets["Invoer"];
    let kop = invoer
        .iter()
        .position(|r| cell(r, 0) == "Rol of post")
        .expect("the block Elders gefinancierd");
    assert_eq!(cell(&invoer[kop + 1], 0), "consulent");
    assert_eq!(dec(cell(&invoer[kop + 1], 1)), Some(d("33.33")));
    let copy = dir.path().join("vijftig.xlsx");
    let cel = format!("B{}", kop + 2);
    std::fs::write(
        &copy,
        change_invoer(&std::fs::read(&xlsx).unwrap(), &cel, "50"),
    )
    .unwrap();
    let sheets = libreoffice(&soffice, &copy, true);
    let delen = regels(&sheets, "2026", "Noord", bijeenkomsten, "consulent");
    assert_eq!(
        (amount(cell(delen[0], 6)), amount(cell(delen[1], 6))),
        (d("720.00"), d("720.00"))
    );
    let oh = regels(&sheets, "2026", "", "Overhead penvoerder", "");
    assert_eq!(amount(cell(oh[0], 6)), d("870.75"));
    let r = row(&sheets["Financiering"], "Elders gefinancierd", None).unwrap();
    assert_eq!(amount(cell(r, 2)), d("1320.00"));
}
