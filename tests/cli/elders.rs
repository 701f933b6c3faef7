//! Money from elsewhere (issue 14, items 2, 3, 4, 6 and 8): `[[financiering.elders]]` per role or
//! post, per year and in part; `[[financiering.nagegaan]]`; own cost posts `[[kostenpost]]`;
//! contributions `[[bijdrage]]`. The numbers are worked out by hand in the comments; every rule
//! broken on purpose is refused by the real binary with exit status 2, nothing on stdout, the
//! place in the file, the field path, the Dutch message and its fix.
//!
//! `PATZ_CALC_BIN` runs the CLI cases against another binary (e.g. `/work/baseline/patz-calc`,
//! to see them fail on the release before these additions).

use std::path::Path;
use std::process::{Command, Output};

use patz_calc::calc::cost::{Financiering, Kosten, KostenJaar, Post, evaluate};
use patz_calc::scenario::{self, Scenario};
use rust_decimal::Decimal;

fn bin() -> String {
    std::env::var("PATZ_CALC_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_patz-calc").into())
}

/// Two years, one group, no indexation: a huisarts at € 100, a wijkverpleegkundige at € 80 and
/// a consulent at € 120 per hour; 6 meetings of 1 hour, 10 hours of phone support, no patients,
/// project lead 100 h × € 90, overhead 10 %. Per year, by hand:
/// - bijeenkomsten huisarts 6 × 4 × 1 h = 24 h × € 100 = € 2.400,00;
/// - bijeenkomsten wijkverpleegkundige 6 × 2 × 1 h = 12 h × € 80 = € 960,00;
/// - bijeenkomsten consulent 6 × 1 × 1 h = 6 h × € 120 = € 720,00;
/// - telefonische ondersteuning 10 h × € 120 = € 1.200,00;
/// - projectleiding 100 h × € 90 = € 9.000,00;
/// - overhead 10 % of the TAPA$ lines.
const BASE: &str = r#"formaat = 1

[scenario]
naam = "Elders"
startjaar = 2026
looptijd_jaren = 2
verzekerden = 1000

[uurtarieven]
huisarts = 100
wijkverpleegkundige = 80
consulent = 120

[werkwijze]
bijeenkomsten_per_jaar = 6
duur_uren = 1
telefonische_ondersteuning_uren = 10
patienten_per_jaar = 0

[[groep]]
naam = "A"
deelnemers = { huisarts = 4, wijkverpleegkundige = 2, consulent = 1 }

[ondersteuning]
projectleiding_uren = 100
projectleiding_uurtarief = 90
overhead_percentage = 10
"#;

fn d(s: &str) -> Decimal {
    Decimal::from_str_exact(s).unwrap_or_else(|e| panic!("{s:?} is geen decimaal: {e}"))
}

fn valid(src: &str) -> Scenario {
    scenario::parse(src).unwrap_or_else(|errors| {
        let all: Vec<String> = errors.iter().map(|e| e.render("s.toml")).collect();
        panic!("scenario should be valid, got:\n{}", all.join("\n"))
    })
}

fn kosten(src: &str) -> Kosten {
    evaluate(&valid(src)).unwrap_or_else(|e| panic!("evaluate failed: {e:?}"))
}

fn jaar(k: &Kosten, jaar: i32) -> &KostenJaar {
    k.jaren
        .iter()
        .find(|j| j.jaar == jaar)
        .unwrap_or_else(|| panic!("no year {jaar}"))
}

/// The lines of `post` and `rol` in `j`, as (uren, bedrag, financiering).
fn delen(
    j: &KostenJaar,
    post: Post,
    rol: Option<&str>,
) -> Vec<(Option<Decimal>, Decimal, Financiering)> {
    j.regels
        .iter()
        .filter(|r| r.post == post && r.rol.as_deref() == rol)
        .map(|r| (r.uren, r.bedrag, r.financiering))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Financed elsewhere, per year and in part
// ---------------------------------------------------------------------------------------------

#[test]
fn a_role_half_financed_elsewhere_in_one_year_splits_its_lines_in_that_year_only() {
    let k = kosten(&format!(
        "{BASE}\n[[financiering.elders]]\nrol = \"consulent\"\npercentage = 50\nvanaf = 2026\n\
         tot_en_met = 2026\nfinancier = \"Stichting PZNL\"\n"
    ));
    let j = jaar(&k, 2026);
    // 2026: € 720,00 × 50 % = € 360,00 elsewhere (3 h), € 720,00 − € 360,00 = € 360,00 TAPA$
    // (6 − 3 = 3 h); phone support € 1.200,00 → € 600,00 (5 h) and € 600,00 (5 h).
    use Financiering::{Elders, Tapas};
    assert_eq!(
        delen(j, Post::Bijeenkomsten, Some("consulent")),
        vec![
            (Some(d("3")), d("360.00"), Elders),
            (Some(d("3")), d("360.00"), Tapas)
        ]
    );
    assert_eq!(
        delen(j, Post::TelefonischeOndersteuning, Some("consulent")),
        vec![
            (Some(d("5")), d("600.00"), Elders),
            (Some(d("5")), d("600.00"), Tapas)
        ]
    );
    // Overhead over the TAPA$ lines, TAPA$ parts included: 2.400 + 960 + 360 + 600 + 9.000 =
    // € 13.320,00 → 10 % = € 1.332,00. Elsewhere € 960,00; total 13.320 + 960 + 1.332 =
    // € 15.612,00; te financieren 15.612 − 960 = € 14.652,00; tariff 14.652 / 1.000 = € 14,66
    // (14,652 rounded up).
    assert_eq!(
        delen(j, Post::Overhead, None),
        vec![(None, d("1332.00"), Tapas)]
    );
    assert_eq!(j.totalen.elders_gefinancierd, d("960.00"));
    assert_eq!(j.totalen.kosten_totaal, d("15612.00"));
    assert_eq!(j.totalen.te_financieren, d("14652.00"));
    assert_eq!(j.totalen.kostendekkend_tarief, d("14.66"));
    // 2027: not covered, one TAPA$ line each, as without the entry.
    let j = jaar(&k, 2027);
    assert_eq!(
        delen(j, Post::Bijeenkomsten, Some("consulent")),
        vec![(Some(d("6")), d("720.00"), Tapas)]
    );
    assert_eq!(j.totalen.elders_gefinancierd, Decimal::ZERO);
}

#[test]
fn the_elsewhere_part_is_the_rounded_line_times_the_share_rounded_once_half_away_from_zero() {
    // Rate € 100,0025: 6 × 1 × 1 h × 100,0025 = € 600,015 → € 600,02 (half away from zero).
    // Elsewhere 25 %: 600,02 × 0,25 = 150,005 → € 150,01 (not banker's 150,00); TAPA$ part
    // 600,02 − 150,01 = € 450,01. Hours 6 × 25 % = 1,5 and 6 − 1,5 = 4,5.
    let src = BASE.replace("consulent = 120", "consulent = 100.0025");
    let k = kosten(&format!(
        "{src}\n[[financiering.elders]]\nrol = \"consulent\"\npercentage = 25\n\
         financier = \"Stichting PZNL\"\n"
    ));
    assert_eq!(
        delen(jaar(&k, 2027), Post::Bijeenkomsten, Some("consulent")),
        vec![
            (Some(d("1.5")), d("150.01"), Financiering::Elders),
            (Some(d("4.5")), d("450.01"), Financiering::Tapas)
        ]
    );
}

#[test]
fn a_non_role_post_financed_elsewhere_from_the_second_year_stays_tapas_in_the_first() {
    let k = kosten(&format!(
        "{BASE}\n[[financiering.elders]]\npost = \"projectleiding\"\nvanaf = 2027\n\
         financier = \"Netwerk Palliatieve Zorg\"\n"
    ));
    use Financiering::{Elders, Tapas};
    assert_eq!(
        delen(jaar(&k, 2026), Post::Projectleiding, None),
        vec![(Some(d("100")), d("9000.00"), Tapas)]
    );
    let j = jaar(&k, 2027);
    assert_eq!(
        delen(j, Post::Projectleiding, None),
        vec![(Some(d("100")), d("9000.00"), Elders)]
    );
    // 2027 TAPA$: 2.400 + 960 + 720 + 1.200 = € 5.280,00 → overhead € 528,00.
    assert_eq!(
        delen(j, Post::Overhead, None),
        vec![(None, d("528.00"), Tapas)]
    );
    assert_eq!(j.totalen.te_financieren, d("5808.00"));
}

#[test]
fn elders_gefinancierd_still_means_the_whole_role_in_every_year_with_financier_elders() {
    let s = valid(&format!(
        "{BASE}\n[financiering]\nelders_gefinancierd = [\"consulent\"]\n"
    ));
    assert!(s.is_elders_gefinancierd("consulent"));
    assert_eq!(s.financiering_elders.len(), 1);
    assert_eq!(s.financiering_elders[0].financier, "elders");
    let k = evaluate(&s).expect("costs");
    for j in &k.jaren {
        // 720 + 1.200 = € 1.920,00 elsewhere in each year.
        assert_eq!(j.totalen.elders_gefinancierd, d("1920.00"), "{}", j.jaar);
    }
}

// ---------------------------------------------------------------------------------------------
// Own cost posts
// ---------------------------------------------------------------------------------------------

#[test]
fn own_cost_posts_per_year_group_and_meeting_are_indexed_and_count_for_the_overhead() {
    let src = format!(
        "{}\n[indexatie]\nkosten_percentage_per_jaar = 3\n\n\
         [[kostenpost]]\nid = \"voorlichting\"\nnaam = \"Voorlichting en advies\"\nbedrag = 2500\n\n\
         [[kostenpost]]\nid = \"portaal\"\nnaam = \"Portaal per groep\"\nbedrag = 450\nper = \"groep\"\n\
         jaren = [2027]\n\n\
         [[kostenpost]]\nid = \"drukwerk\"\nnaam = \"Drukwerk\"\nbedrag = 12.34\nper = \"bijeenkomst\"\n",
        BASE
    );
    let s = valid(&src);
    let k = evaluate(&s).expect("costs");
    let eigen = |j: &KostenJaar, id: &str| -> Vec<(Option<usize>, Decimal)> {
        j.regels
            .iter()
            .filter(|r| r.post.naam(&s) == id)
            .map(|r| (r.groep, r.bedrag))
            .collect()
    };
    let j = jaar(&k, 2026);
    // 2026, I = 1: voorlichting € 2.500,00 (regional); drukwerk 6 × 12,34 = € 74,04 (group A);
    // portaal only in 2027.
    assert_eq!(eigen(j, "voorlichting"), vec![(None, d("2500.00"))]);
    assert_eq!(eigen(j, "drukwerk"), vec![(Some(0), d("74.04"))]);
    assert_eq!(eigen(j, "portaal"), vec![]);
    // Overhead: 2.400 + 960 + 720 + 1.200 + 9.000 + 2.500 + 74,04 = € 16.854,04 → 10 % =
    // 1.685,404 → € 1.685,40.
    assert_eq!(delen(j, Post::Overhead, None)[0].1, d("1685.40"));
    let j = jaar(&k, 2027);
    // 2027, I = 1,03: 2.500 × 1,03 = € 2.575,00; 450 × 1,03 = € 463,50; 6 × 12,34 × 1,03 =
    // 76,2612 → € 76,26.
    assert_eq!(eigen(j, "voorlichting"), vec![(None, d("2575.00"))]);
    assert_eq!(eigen(j, "portaal"), vec![(Some(0), d("463.50"))]);
    assert_eq!(eigen(j, "drukwerk"), vec![(Some(0), d("76.26"))]);
    // The label in tables is the naam.
    let post = j.regels.iter().find(|r| r.post.naam(&s) == "portaal");
    assert_eq!(post.map(|r| r.post.label_in(&s)), Some("Portaal per groep"));
}

#[test]
fn an_own_cost_post_can_be_financed_elsewhere_in_part() {
    let k = kosten(&format!(
        "{BASE}\n[[kostenpost]]\nid = \"voorlichting\"\nnaam = \"Voorlichting\"\nbedrag = 2500\n\n\
         [[financiering.elders]]\npost = \"voorlichting\"\npercentage = 40\nfinancier = \"Gemeente\"\n"
    ));
    // 2.500 × 40 % = € 1.000,00 elsewhere, € 1.500,00 TAPA$.
    let j = jaar(&k, 2026);
    let delen: Vec<(Decimal, Financiering)> = j
        .regels
        .iter()
        .filter(|r| matches!(r.post, Post::Kostenpost(0)))
        .map(|r| (r.bedrag, r.financiering))
        .collect();
    assert_eq!(
        delen,
        vec![
            (d("1000.00"), Financiering::Elders),
            (d("1500.00"), Financiering::Tapas)
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// Contributions
// ---------------------------------------------------------------------------------------------

#[test]
fn a_contribution_lowers_what_tapas_finances_in_its_year_and_the_flat_tariff() {
    let k = kosten(&format!(
        "{BASE}\n[[bijdrage]]\nnaam = \"Vacatiegeld PZNL\"\nbedrag = 10000\njaar = 2026\n\
         financier = \"Stichting PZNL\"\n\n\
         [[bijdrage]]\nnaam = \"Netwerk\"\nbedrag = 0.005\njaar = 2027\nfinancier = \"Netwerk\"\n"
    ));
    // Each year: 2.400 + 960 + 720 + 1.200 + 9.000 = € 14.280,00, overhead € 1.428,00, total
    // € 15.708,00. 2026: te financieren 15.708 − 10.000 = € 5.708,00, tariff € 5,71 (5,708 up).
    // 2027: the contribution € 0,005 → € 0,01 (half away from zero); 15.708 − 0,01 = € 15.707,99.
    // Horizon: 5.708 + 15.707,99 = € 21.415,99 over 2.000 verzekerde-years = 10,707995 → € 10,71.
    let j = jaar(&k, 2026);
    assert_eq!(j.totalen.bijdragen, d("10000.00"));
    assert_eq!(j.totalen.kosten_totaal, d("15708.00"));
    assert_eq!(j.totalen.te_financieren, d("5708.00"));
    assert_eq!(j.totalen.kostendekkend_tarief, d("5.71"));
    assert_eq!(jaar(&k, 2027).totalen.te_financieren, d("15707.99"));
    assert_eq!(k.totaal.bijdragen, d("10000.01"));
    assert_eq!(k.totaal.te_financieren, d("21415.99"));
    assert_eq!(k.totaal.kostendekkend_tarief, d("10.71"));
    // The overhead is not lowered by a contribution.
    assert_eq!(
        delen(jaar(&k, 2026), Post::Overhead, None)[0].1,
        d("1428.00")
    );
}

// ---------------------------------------------------------------------------------------------
// The CLI: output and errors
// ---------------------------------------------------------------------------------------------

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run_in(dir: &Path, args: &[&str]) -> Run {
    let out: Output = Command::new(bin())
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the binary runs");
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Writes `text` as `s.toml` in a fresh folder and runs `args` with `s.toml` after the command.
fn run_text(text: &str, args: &[&str]) -> Run {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("s.toml"), text).expect("write");
    let mut all: Vec<&str> = args.to_vec();
    all.insert(1, "s.toml");
    run_in(dir.path(), &all)
}

/// The 1-based line and character column where `needle` starts in `src` (its one occurrence).
fn place(src: &str, needle: &str) -> (usize, usize) {
    assert_eq!(src.matches(needle).count(), 1, "{needle:?} once in:\n{src}");
    let at = src.find(needle).unwrap_or(0);
    let line = src[..at].matches('\n').count() + 1;
    let start = src[..at].rfind('\n').map_or(0, |i| i + 1);
    (line, src[start..at].chars().count() + 1)
}

/// Asserts that `cost` refuses BASE + `extra` with exactly one error at the place where `at`
/// starts, at `path`, with `message` and the fix `hint`.
fn refused(extra: &str, at: &str, path: &str, message: &str, hint: &str) {
    let text = format!("{BASE}\n{extra}");
    let r = run_text(&text, &["cost"]);
    let (line, column) = place(&text, at);
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert_eq!(r.stdout, "", "nothing on stdout");
    let first = format!("s.toml:{line}:{column}: fout: {path}: {message}\n    hint: {hint}\n");
    assert!(
        r.stderr.contains(&first),
        "expected\n{first}\ngot\n{}",
        r.stderr
    );
    assert!(
        r.stderr
            .ends_with("s.toml: 1 fout gevonden; er is niets berekend\n"),
        "one error only:\n{}",
        r.stderr
    );
}

#[test]
fn an_elsewhere_entry_with_both_a_role_and_a_post_is_refused_at_the_post() {
    refused(
        "[[financiering.elders]]\nrol = \"consulent\"\npost = \"ict\"\nfinancier = \"X\"\n",
        "\"ict\"",
        "financiering.elders[1].post",
        "geef 'rol' of 'post', niet allebei",
        "maak voor de rol en voor de post elk een eigen [[financiering.elders]]",
    );
}

#[test]
fn an_elsewhere_entry_without_role_or_post_is_refused_at_the_entry() {
    refused(
        "[[financiering.elders]]\nfinancier = \"X\"\n",
        "[[financiering.elders]]",
        "financiering.elders[1].rol",
        "verplicht veld 'rol' ontbreekt",
        "geef de rol (rol = \"consulent\") of de post (post = \"projectleiding\") die elders betaald wordt",
    );
}

#[test]
fn an_elsewhere_share_of_zero_percent_is_refused() {
    refused(
        "[[financiering.elders]]\nrol = \"consulent\"\npercentage = 0\nfinancier = \"X\"\n",
        "0\nfinancier",
        "financiering.elders[1].percentage",
        "het percentage moet groter dan 0 zijn (gevonden: 0)",
        "laat een regel die helemaal via TAPA$ loopt weg",
    );
}

#[test]
fn an_elsewhere_share_above_100_percent_is_refused() {
    refused(
        "[[financiering.elders]]\nrol = \"consulent\"\npercentage = 100.5\nfinancier = \"X\"\n",
        "100.5",
        "financiering.elders[1].percentage",
        "een percentage moet tussen 0 en 100 liggen (gevonden: 100.5)",
        "percentages worden als percentage geschreven: 25 betekent 25 %",
    );
}

#[test]
fn an_elsewhere_entry_without_a_financier_is_refused() {
    refused(
        "[[financiering.elders]]\nrol = \"consulent\"\n",
        "[[financiering.elders]]",
        "financiering.elders[1].financier",
        "verplicht veld 'financier' ontbreekt",
        "geef aan wie dit deel betaalt, bijv. financier = \"Stichting PZNL\"",
    );
}

#[test]
fn an_elsewhere_year_outside_the_horizon_is_refused() {
    refused(
        "[[financiering.elders]]\nrol = \"consulent\"\nvanaf = 2025\nfinancier = \"X\"\n",
        "2025",
        "financiering.elders[1].vanaf",
        "jaar 2025 ligt buiten de looptijd 2026–2027",
        "kies een jaar van de looptijd, of laat vanaf en tot_en_met weg voor de hele looptijd",
    );
}

#[test]
fn an_elsewhere_range_that_ends_before_it_starts_is_refused_at_its_end() {
    refused(
        "[[financiering.elders]]\nrol = \"consulent\"\nvanaf = 2027\ntot_en_met = 2026\n\
         financier = \"X\"\n",
        "2026\nfinancier",
        "financiering.elders[1].tot_en_met",
        "tot_en_met 2026 ligt voor vanaf 2027",
        "tot_en_met is het laatste jaar, vanaf het eerste",
    );
}

#[test]
fn two_entries_for_the_same_role_in_the_same_year_are_refused_at_the_second() {
    refused(
        "[[financiering.elders]]\nrol = \"consulent\"\npercentage = 50\nfinancier = \"PZNL\"\n\n\
         [[financiering.elders]]\nrol = \"consulent\"\nvanaf = 2027\nfinancier = \"Netwerk\"\n",
        "\"consulent\"\nvanaf",
        "financiering.elders[2].rol",
        "de uren van rol 'consulent' staan in 2027 al in financiering.elders[1] (twee regels voor \
         dezelfde kosten in hetzelfde jaar)",
        "geef elk jaar één regel per rol of post; gebruik vanaf en tot_en_met om de jaren te verdelen",
    );
}

#[test]
fn an_entry_for_a_role_of_elders_gefinancierd_is_an_overlap() {
    refused(
        "[financiering]\nelders_gefinancierd = [\"consulent\"]\n\n\
         [[financiering.elders]]\nrol = \"consulent\"\npercentage = 50\nfinancier = \"PZNL\"\n",
        "\"consulent\"\npercentage",
        "financiering.elders[1].rol",
        "de uren van rol 'consulent' staan in 2026–2027 al in financiering.elders_gefinancierd[1] \
         (twee regels voor dezelfde kosten in hetzelfde jaar)",
        "geef elk jaar één regel per rol of post; gebruik vanaf en tot_en_met om de jaren te verdelen",
    );
}

#[test]
fn the_overhead_cannot_be_financed_elsewhere() {
    refused(
        "[[financiering.elders]]\npost = \"overhead\"\nfinancier = \"X\"\n",
        "\"overhead\"",
        "financiering.elders[1].post",
        "de overhead kan niet elders gefinancierd worden: hij is het percentage over de TAPA$-regels",
        "laat deze regel weg; de overhead daalt vanzelf met de TAPA$-regels",
    );
}

#[test]
fn an_hour_post_is_financed_elsewhere_by_its_role_not_by_its_post() {
    refused(
        "[[financiering.elders]]\npost = \"bijeenkomsten\"\nfinancier = \"X\"\n",
        "\"bijeenkomsten\"",
        "financiering.elders[1].post",
        "post 'bijeenkomsten' bestaat uit uren per rol",
        "geef de rol die elders betaald wordt: rol = \"…\"",
    );
}

#[test]
fn an_unknown_post_is_refused_with_the_nearest_name() {
    refused(
        "[[financiering.elders]]\npost = \"projectleidng\"\nfinancier = \"X\"\n",
        "\"projectleidng\"",
        "financiering.elders[1].post",
        "onbekende post 'projectleidng'",
        "bedoelde je 'projectleiding'?",
    );
}

#[test]
fn an_elsewhere_role_without_a_rate_is_refused() {
    refused(
        "[[financiering.elders]]\nrol = \"medisch_specialist\"\nfinancier = \"X\"\n",
        "\"medisch_specialist\"",
        "financiering.elders[1].rol",
        "rol 'medisch_specialist' heeft geen uurtarief in [uurtarieven]",
        "voeg 'medisch_specialist = …' toe aan [uurtarieven]",
    );
}

#[test]
fn an_answered_reminder_without_an_explanation_is_refused() {
    refused(
        "[[financiering.nagegaan]]\nrol = \"consulent\"\n",
        "[[financiering.nagegaan]]",
        "financiering.nagegaan[1].toelichting",
        "verplicht veld 'toelichting' ontbreekt",
        "schrijf wat is nagegaan, bijv. met wie en per wanneer",
    );
}

#[test]
fn a_role_answered_twice_is_refused_at_the_second_answer() {
    refused(
        "[[financiering.nagegaan]]\nrol = \"consulent\"\ntoelichting = \"a\"\n\n\
         [[financiering.nagegaan]]\nrol = \"consulent\"\ntoelichting = \"b\"\n",
        "\"consulent\"\ntoelichting = \"b\"",
        "financiering.nagegaan[2].rol",
        "rol 'consulent' is al nagegaan in financiering.nagegaan[1]",
        "zet alles wat is nagegaan in één toelichting",
    );
}

#[test]
fn a_cost_post_id_that_is_not_snake_case_is_refused_with_a_proposal() {
    refused(
        "[[kostenpost]]\nid = \"Voorlichting Advies\"\nnaam = \"V\"\nbedrag = 1\n",
        "\"Voorlichting Advies\"",
        "kostenpost[1].id",
        "id 'Voorlichting Advies' is geen snake_case",
        "een id bestaat uit kleine letters, cijfers en '_' en begint met een letter, bijv. \
         'voorlichting_advies'",
    );
}

#[test]
fn a_cost_post_named_like_a_built_in_post_is_refused() {
    refused(
        "[[kostenpost]]\nid = \"ict\"\nnaam = \"V\"\nbedrag = 1\n",
        "\"ict\"",
        "kostenpost[1].id",
        "id 'ict' is de naam van een vaste post",
        "kies een andere id, bijv. 'eigen_ict'",
    );
}

#[test]
fn two_cost_posts_with_one_id_are_refused_at_the_second() {
    refused(
        "[[kostenpost]]\nid = \"v\"\nnaam = \"V\"\nbedrag = 1\n\n\
         [[kostenpost]]\nid = \"v\"\nnaam = \"W\"\nbedrag = 2\n",
        "\"v\"\nnaam = \"W\"",
        "kostenpost[2].id",
        "id 'v' komt al voor in kostenpost[1]",
        "elke kostenpost heeft een eigen id",
    );
}

#[test]
fn a_cost_post_per_unknown_unit_is_refused() {
    refused(
        "[[kostenpost]]\nid = \"v\"\nnaam = \"V\"\nbedrag = 1\nper = \"maand\"\n",
        "\"maand\"",
        "kostenpost[1].per",
        "onbekende eenheid 'maand'",
        "kies \"jaar\", \"groep\" of \"bijeenkomst\"",
    );
}

#[test]
fn a_cost_post_in_a_year_outside_the_horizon_is_refused() {
    refused(
        "[[kostenpost]]\nid = \"v\"\nnaam = \"V\"\nbedrag = 1\njaren = [2026, 2028]\n",
        "2028",
        "kostenpost[1].jaren[2]",
        "jaar 2028 ligt buiten de looptijd 2026–2027",
        "kies jaren van de looptijd, of laat 'jaren' weg voor de hele looptijd",
    );
}

#[test]
fn a_cost_post_amount_past_its_bound_is_a_range_error() {
    refused(
        "[[kostenpost]]\nid = \"v\"\nnaam = \"V\"\nbedrag = 100000000.01\n",
        "100000000.01",
        "kostenpost[1].bedrag",
        "moet tussen 0 en 100.000.000 liggen (€ per jaar, groep of bijeenkomst; gevonden: \
         100000000.01)",
        "binnen deze grenzen blijft elke berekening exact tot op de cent; zie 'Grenzen' in de README",
    );
}

#[test]
fn a_cost_post_without_a_naam_is_refused() {
    refused(
        "[[kostenpost]]\nid = \"v\"\nbedrag = 1\n",
        "[[kostenpost]]",
        "kostenpost[1].naam",
        "verplicht veld 'naam' ontbreekt",
        "geef de naam die in tabellen en documenten staat, bijv. naam = \"Voorlichting en advies\"",
    );
}

#[test]
fn a_contribution_outside_the_horizon_is_refused() {
    refused(
        "[[bijdrage]]\nnaam = \"V\"\nbedrag = 1\njaar = 2030\nfinancier = \"PZNL\"\n",
        "2030",
        "bijdrage[1].jaar",
        "jaar 2030 ligt buiten de looptijd 2026–2027",
        "een bijdrage hoort bij een jaar van de looptijd",
    );
}

#[test]
fn a_contribution_without_a_financier_is_refused() {
    refused(
        "[[bijdrage]]\nnaam = \"V\"\nbedrag = 1\njaar = 2026\n",
        "[[bijdrage]]",
        "bijdrage[1].financier",
        "verplicht veld 'financier' ontbreekt",
        "geef aan wie dit deel betaalt, bijv. financier = \"Stichting PZNL\"",
    );
}

#[test]
fn contributions_above_what_tapas_would_finance_are_refused_at_the_contribution_that_passes_it() {
    // Each year TAPA$ would finance € 15.708,00 (see the contribution test above); 15.000 fits,
    // 15.000 + 708,01 = € 15.708,01 does not.
    refused(
        "[[bijdrage]]\nnaam = \"A\"\nbedrag = 15000\njaar = 2026\nfinancier = \"PZNL\"\n\n\
         [[bijdrage]]\nnaam = \"B\"\nbedrag = 708.01\njaar = 2026\nfinancier = \"Netwerk\"\n",
        "708.01",
        "bijdrage[2].bedrag",
        "de bijdragen van 2026 (€ 15.708,01) zijn groter dan wat in 2026 via TAPA$ gefinancierd \
         zou worden (€ 15.708,00)",
        "een bijdrage verlaagt alleen wat via TAPA$ gefinancierd wordt: verlaag de bijdrage of \
         verdeel haar over de jaren van de looptijd",
    );
}

/// BASE with the consulent half elsewhere in 2026 and a contribution, as the CLI cases use it.
fn met_alles() -> String {
    format!(
        "{BASE}\n[[financiering.elders]]\nrol = \"consulent\"\npercentage = 50\nvanaf = 2026\n\
         tot_en_met = 2026\nfinancier = \"Stichting PZNL\"\n\n\
         [[bijdrage]]\nnaam = \"Vacatiegeld PZNL\"\nbedrag = 10000\njaar = 2026\n\
         financier = \"Stichting PZNL\"\n"
    )
}

#[test]
fn explain_shows_both_parts_of_a_split_line_and_the_contribution() {
    let r = run_text(&met_alles(), &["explain", "--jaar", "2026"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    for line in [
        "bijeenkomsten · consulent · A · 2026: (6 × 1 × (1 + 0 + 0) u × € 120,00 = € 720,00) × \
         50 % elders (Stichting PZNL) = € 360,00",
        "bijeenkomsten · consulent · A · 2026: € 720,00 − € 360,00 elders (Stichting PZNL, 50 %) \
         = € 360,00",
        "bijdragen · 2026: € 10.000,00 (Vacatiegeld PZNL, Stichting PZNL) = € 10.000,00",
        // 15.612 − 960 − 10.000 = € 4.652,00.
        "te_financieren · 2026: € 15.612,00 − € 960,00 − € 10.000,00 bijdragen = € 4.652,00",
    ] {
        assert!(
            r.stdout.lines().any(|l| l == line),
            "{line}\nnot in\n{}",
            r.stdout
        );
    }
}

#[test]
fn the_business_case_csv_gets_a_last_column_bijdragen_only_with_contributions() {
    let impact = "\n[impact]\naandeel_kanker_percentage = 45\n".to_string()
        + &[
            "ziekenhuisopnames_meer_dan_1",
            "ziekenhuisdagen_meer_dan_14",
            "seh_bezoeken_meer_dan_1",
            "ic_opname",
            "overlijden_in_ziekenhuis",
            "chemotherapie",
        ]
        .map(|id| {
            format!(
                "\n[[indicator]]\nid = \"{id}\"\nbasis_percentage = 10\nreductie_percentage = 10\n\
                 kosten_per_geval = 1000\nbron = \"illustratie\"\n"
            )
        })
        .concat();
    let r = run_text(
        &(met_alles() + &impact),
        &["business-case", "--format", "csv"],
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let mut lines = r.stdout.lines();
    assert_eq!(
        lines.next(),
        Some(
            "jaar,kosten_totaal,elders_gefinancierd,te_financieren,kostendekkend_tarief,\
             vermeden_kosten,netto,roi_percentage,bijdragen"
        )
    );
    // 2026: 15.612,00 total, 960,00 elsewhere, 4.652,00 to finance, tariff 4,66 (4,652 up); no
    // patients, so nothing avoided: netto −4.652,00, ROI −100,0 %.
    assert_eq!(
        lines.next(),
        Some("2026,15612.00,960.00,4652.00,4.66,0.00,-4652.00,-100.0,10000.00")
    );
    let r = run_text(
        &(BASE.to_string() + &impact),
        &["business-case", "--format", "csv"],
    );
    assert_eq!(
        r.stdout.lines().next(),
        Some(
            "jaar,kosten_totaal,elders_gefinancierd,te_financieren,kostendekkend_tarief,\
             vermeden_kosten,netto,roi_percentage"
        )
    );
}

#[test]
fn cost_json_carries_bijdragen_per_year_and_in_total_only_with_contributions() {
    let r = run_text(&met_alles(), &["cost", "--format", "json"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("json");
    assert_eq!(v["jaren"][0]["bijdragen"], "10000.00");
    assert_eq!(v["jaren"][1]["bijdragen"], "0.00");
    assert_eq!(v["totaal"]["bijdragen"], "10000.00");
    assert_eq!(v["totaal"]["te_financieren"], "20360.00");
    let r = run_text(BASE, &["cost", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("json");
    assert!(v["totaal"].get("bijdragen").is_none());
}

// ---------------------------------------------------------------------------------------------
// Warnings
// ---------------------------------------------------------------------------------------------

/// The field paths of the warnings of a valid scenario, in file order.
fn waarschuwingen(src: &str) -> Vec<String> {
    scenario::warnings(&valid(src))
        .into_iter()
        .map(|w| w.path)
        .collect()
}

#[test]
fn a_horizon_above_five_years_gets_the_experiment_warning_and_five_does_not() {
    let zes = BASE.replace("looptijd_jaren = 2", "looptijd_jaren = 6");
    let w = scenario::warnings(&valid(&zes));
    let w: Vec<_> = w
        .iter()
        .filter(|w| w.path == "scenario.looptijd_jaren")
        .collect();
    assert_eq!(w.len(), 1);
    assert!(
        w[0].message
            .contains("beleidsregel Innovatie voor kleinschalige experimenten"),
        "{}",
        w[0].message
    );
    let vijf = BASE.replace("looptijd_jaren = 2", "looptijd_jaren = 5");
    assert!(!waarschuwingen(&vijf).contains(&"scenario.looptijd_jaren".to_string()));
}

#[test]
fn hours_of_the_wijkverpleegkundige_through_tapas_get_one_reminder_until_answered() {
    // BASE: one group with wijkverpleegkundigen and a consulent, both through TAPA$.
    assert_eq!(
        waarschuwingen(BASE),
        ["uurtarieven.wijkverpleegkundige", "uurtarieven.consulent"]
    );
    let beantwoord = format!(
        "{BASE}\n[[financiering.nagegaan]]\nrol = \"wijkverpleegkundige\"\n\
         toelichting = \"PaTz-uren niet in de urenindicatie (afspraak met de thuiszorg)\"\n\n\
         [[financiering.nagegaan]]\nrol = \"consulent\"\ntoelichting = \"PZNL vergoedt niet meer\"\n"
    );
    assert_eq!(waarschuwingen(&beantwoord), Vec::<String>::new());
    // Financed elsewhere entirely: no reminder either; in part: still a reminder.
    let geheel = format!(
        "{BASE}\n[[financiering.elders]]\nrol = \"wijkverpleegkundige\"\nfinancier = \"Thuiszorg\"\n"
    );
    assert_eq!(waarschuwingen(&geheel), ["uurtarieven.consulent"]);
    let deels = format!(
        "{BASE}\n[[financiering.elders]]\nrol = \"consulent\"\npercentage = 50\nfinancier = \"PZNL\"\n"
    );
    assert_eq!(
        waarschuwingen(&deels),
        ["uurtarieven.wijkverpleegkundige", "uurtarieven.consulent"]
    );
}

#[test]
fn hours_of_the_specialist_ouderengeneeskunde_through_tapas_get_the_mpt_reminder() {
    let src = BASE
        .replace(
            "consulent = 120\n",
            "consulent = 120\nspecialist_ouderengeneeskunde = 140\n",
        )
        .replace(
            "consulent = 1 }",
            "consulent = 1, specialist_ouderengeneeskunde = 1 }",
        );
    let w = scenario::warnings(&valid(&src));
    let so: Vec<_> = w
        .iter()
        .filter(|w| w.path == "uurtarieven.specialist_ouderengeneeskunde")
        .collect();
    assert_eq!(so.len(), 1);
    assert!(so[0].message.contains("mpt-prestatie"), "{}", so[0].message);
}

#[test]
fn the_medisch_specialist_financed_elsewhere_from_2025_only_keeps_2024_in_tapas_without_a_warning()
{
    // 2024–2026: the 2024 line stays TAPA$ (no own betaaltitel yet), 2025 and 2026 elsewhere.
    let src = BASE
        .replace("startjaar = 2026", "startjaar = 2024")
        .replace("looptijd_jaren = 2", "looptijd_jaren = 3")
        .replace(
            "consulent = 120\n",
            "consulent = 120\nmedisch_specialist = 150\n",
        )
        .replace("consulent = 1 }", "consulent = 1, medisch_specialist = 1 }")
        + "\n[[financiering.elders]]\nrol = \"medisch_specialist\"\nvanaf = 2025\n\
           financier = \"Ziekenhuis (proactieve zorgplanning)\"\n";
    let k = kosten(&src);
    // 6 × 1 × 1 h × € 150 = € 900,00 in each year.
    assert_eq!(
        delen(
            jaar(&k, 2024),
            Post::Bijeenkomsten,
            Some("medisch_specialist")
        ),
        vec![(Some(d("6")), d("900.00"), Financiering::Tapas)]
    );
    assert_eq!(
        delen(
            jaar(&k, 2025),
            Post::Bijeenkomsten,
            Some("medisch_specialist")
        ),
        vec![(Some(d("6")), d("900.00"), Financiering::Elders)]
    );
    assert!(!waarschuwingen(&src).contains(&"groep[1].deelnemers.medisch_specialist".to_string()));
    // Elsewhere only from 2026: the 2025 line goes through TAPA$, and the warning names 2025.
    let laat = src.replace("vanaf = 2025", "vanaf = 2026");
    let w = scenario::warnings(&valid(&laat));
    let ms: Vec<_> = w
        .iter()
        .filter(|w| w.path == "groep[1].deelnemers.medisch_specialist")
        .collect();
    assert_eq!(ms.len(), 1);
    assert!(ms[0].message.contains("vanaf 2025"), "{}", ms[0].message);
}

#[test]
fn the_business_case_table_shows_who_pays_what_and_the_answered_reminders() {
    let impact = "\n[impact]\naandeel_kanker_percentage = 45\n".to_string()
        + &[
            "ziekenhuisopnames_meer_dan_1",
            "ziekenhuisdagen_meer_dan_14",
            "seh_bezoeken_meer_dan_1",
            "ic_opname",
            "overlijden_in_ziekenhuis",
            "chemotherapie",
        ]
        .map(|id| {
            format!(
                "\n[[indicator]]\nid = \"{id}\"\nbasis_percentage = 10\nreductie_percentage = 10\n\
                 kosten_per_geval = 1000\nbron = \"illustratie\"\n"
            )
        })
        .concat();
    let src = met_alles()
        + "\n[[financiering.nagegaan]]\nrol = \"consulent\"\n\
           toelichting = \"PZNL-overeenkomst gepauzeerd per 1 januari 2027\"\n"
        + &impact;
    let r = run_text(&src, &["business-case"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let at = r.stdout.find("Dubbele financiering: wie betaalt wat");
    let out = &r.stdout[at.unwrap_or_else(|| panic!("no proof table in\n{}", r.stdout))..];
    let rij = |label: &str| {
        out.lines()
            .find(|l| l.starts_with(&format!("│ {label} ")))
            .map(|l| {
                l.split(['│', '┆'])
                    .map(str::trim)
                    .filter(|c| !c.is_empty())
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
    };
    assert_eq!(
        rij("consulent"),
        Some(vec![
            "consulent".to_string(),
            "50 % Stichting PZNL, rest TAPA$".to_string(),
            "TAPA$".to_string()
        ])
    );
    assert_eq!(
        rij("Overhead penvoerder").map(|r| r[1..].to_vec()),
        Some(vec!["TAPA$".to_string(), "TAPA$".to_string()])
    );
    assert!(
        out.contains("- consulent: PZNL-overeenkomst gepauzeerd per 1 januari 2027"),
        "{out}"
    );
    assert!(out.contains("Vacatiegeld PZNL"), "{out}");
    // Without the additions, no such table.
    let r = run_text(&(BASE.to_string() + &impact), &["business-case"]);
    assert!(!r.stdout.contains("Dubbele financiering"), "{}", r.stdout);
}
