//! The posts of docs/rekenregels.md's cost table and the groups' own werkwijze and start years, worked
//! out by hand (see the parent module).

use super::*;

// ---------------------------------------------------------------------------------------------
// The posts of docs/rekenregels.md's cost table
// ---------------------------------------------------------------------------------------------

#[test]
fn meeting_hours_are_meetings_times_participants_times_meeting_preparation_and_travel_per_role() {
    let k = kosten(
        r#"formaat = 1
[scenario]
naam = "Bijeenkomsten"
startjaar = 2026
looptijd_jaren = 1
verzekerden = 1000

[uurtarieven]
huisarts = 100
wijkverpleegkundige = 80
consulent = 120
specialist_ouderengeneeskunde = 110

[werkwijze]
bijeenkomsten_per_jaar = 6
duur_uren = 1.5
voorbereiding_uren = 0.5
reistijd_uren = 0.25
patienten_per_jaar = 10

[[groep]]
naam = "A"
deelnemers = { huisarts = 4, wijkverpleegkundige = 2, consulent = 1, specialist_ouderengeneeskunde = 0 }
"#,
    );
    let j = jaar(&k, 2026);
    use Financiering::Tapas;
    use Post::Bijeenkomsten;
    let (ha, wv, co) = ("huisarts", "wijkverpleegkundige", "consulent");
    // Per participant per meeting: 1.5 + 0.5 + 0.25 = 2.25 h.
    // voorzitter_uren, coordinatie_uren_per_patient and telefonische_ondersteuning_uren default
    // to 0 (0 h, € 0: no line), and there is no [ondersteuning]: only the meeting lines remain,
    // one per role with participants, in the order of [uurtarieven]; none for the role with 0.
    assert_eq!(
        rows(j),
        vec![
            // 6 × 4 × 2.25 = 54 h; 54 × 100 = 5400.00
            hours(0, Bijeenkomsten, ha, "54", "5400.00", Tapas),
            // 6 × 2 × 2.25 = 27 h; 27 × 80 = 2160.00
            hours(0, Bijeenkomsten, wv, "27", "2160.00", Tapas),
            // 6 × 1 × 2.25 = 13.5 h; 13.5 × 120 = 1620.00
            hours(0, Bijeenkomsten, co, "13.5", "1620.00", Tapas),
        ]
    );
    // 5400 + 2160 + 1620 = 9180.00; 9180.00 / 1000 = 9.18 exactly.
    assert_eq!(j.totalen.kosten_totaal, d("9180.00"));
    assert_eq!(j.totalen.elders_gefinancierd, d("0"));
    assert_eq!(j.totalen.te_financieren, d("9180.00"));
    assert_eq!(j.totalen.kostendekkend_tarief, d("9.18"));
}

#[test]
fn chair_hours_are_meetings_times_chair_hours_at_the_rate_of_the_chair_role() {
    let k = kosten(
        r#"formaat = 1
[scenario]
naam = "Voorzitter"
startjaar = 2026
looptijd_jaren = 1
verzekerden = 1000

[uurtarieven]
huisarts = 100
wijkverpleegkundige = 80
consulent = 120

[werkwijze]
bijeenkomsten_per_jaar = 6
duur_uren = 1.5
voorzitter_uren = 1.25
patienten_per_jaar = 10

[[groep]]
naam = "Standaardrol"
deelnemers = { huisarts = 4, wijkverpleegkundige = 2, consulent = 1 }

[[groep]]
naam = "Wijkverpleegkundige zit voor"
deelnemers = { huisarts = 4, wijkverpleegkundige = 2, consulent = 1 }
voorzitter_rol = "wijkverpleegkundige"
"#,
    );
    let j = jaar(&k, 2026);
    // voorzitter_rol defaults to huisarts: 6 × 1.25 = 7.5 h; 7.5 × 100 = 750.00
    let default = regel(j, Some(0), Post::Voorzitter, Some("huisarts"));
    assert_eq!(default.uren, Some(d("7.5")));
    assert_eq!(default.bedrag, d("750.00"));
    // Same hours at the wijkverpleegkundige's rate: 7.5 × 80 = 600.00
    let wv = regel(j, Some(1), Post::Voorzitter, Some("wijkverpleegkundige"));
    assert_eq!(wv.uren, Some(d("7.5")));
    assert_eq!(wv.bedrag, d("600.00"));
    assert!(regels(j, Some(1), Post::Voorzitter, Some("huisarts")).is_empty());
}

#[test]
fn coordination_is_patients_times_hours_per_patient_and_patients_may_be_a_decimal() {
    let k = kosten(
        r#"formaat = 1
[scenario]
naam = "Coordinatie"
startjaar = 2026
looptijd_jaren = 1
verzekerden = 1000

[uurtarieven]
huisarts = 100
wijkverpleegkundige = 80
consulent = 120

[werkwijze]
bijeenkomsten_per_jaar = 6
duur_uren = 1.5
coordinatie_uren_per_patient = 0.75
patienten_per_jaar = 12.5

[[groep]]
naam = "A"
deelnemers = { huisarts = 4, wijkverpleegkundige = 2, consulent = 1 }

[[groep]]
naam = "B"
deelnemers = { huisarts = 4, wijkverpleegkundige = 2, consulent = 1 }
coordinatie_rol = "wijkverpleegkundige"
patienten_per_jaar = 7.4
"#,
    );
    let j = jaar(&k, 2026);
    // 12.5 × 0.75 = 9.375 h (not rounded); 9.375 × 100 = 937.50
    let a = regel(j, Some(0), Post::Coordinatie, Some("huisarts"));
    assert_eq!(a.uren, Some(d("9.375")));
    assert_eq!(a.bedrag, d("937.50"));
    // 7.4 × 0.75 = 5.55 h; 5.55 × 80 = 444.00
    let b = regel(j, Some(1), Post::Coordinatie, Some("wijkverpleegkundige"));
    assert_eq!(b.uren, Some(d("5.55")));
    assert_eq!(b.bedrag, d("444.00"));
}

#[test]
fn phone_support_is_paid_once_per_group_and_only_for_a_group_with_a_consulent() {
    let k = kosten(
        r#"formaat = 1
[scenario]
naam = "Telefonisch"
startjaar = 2026
looptijd_jaren = 1
verzekerden = 1000

[uurtarieven]
huisarts = 100
wijkverpleegkundige = 80
consulent = 120

[werkwijze]
bijeenkomsten_per_jaar = 6
duur_uren = 1.5
telefonische_ondersteuning_uren = 8
patienten_per_jaar = 10

[[groep]]
naam = "Met consulent"
deelnemers = { huisarts = 4, wijkverpleegkundige = 2, consulent = 1 }

[[groep]]
naam = "Zonder consulent"
deelnemers = { huisarts = 4, wijkverpleegkundige = 2 }

[[groep]]
naam = "Twee consulenten"
deelnemers = { huisarts = 4, wijkverpleegkundige = 2, consulent = 2 }
"#,
    );
    let j = jaar(&k, 2026);
    // 8 h × 120 = 960.00
    let met = regel(
        j,
        Some(0),
        Post::TelefonischeOndersteuning,
        Some("consulent"),
    );
    assert_eq!(met.uren, Some(d("8")));
    assert_eq!(met.bedrag, d("960.00"));
    // No consulent: no phone support, even though the werkwijze gives 8 h.
    assert!(
        j.regels
            .iter()
            .all(|r| !(r.groep == Some(1) && r.post == Post::TelefonischeOndersteuning))
    );
    // 8 h per group per year, not per consulent: still 8 × 120 = 960.00
    let twee = regel(
        j,
        Some(2),
        Post::TelefonischeOndersteuning,
        Some("consulent"),
    );
    assert_eq!(twee.uren, Some(d("8")));
    assert_eq!(twee.bedrag, d("960.00"));
}

#[test]
fn ict_is_paid_per_active_group_and_housing_per_meeting() {
    let k = kosten(
        r#"formaat = 1
[scenario]
naam = "Ondersteuning per groep"
startjaar = 2026
looptijd_jaren = 1
verzekerden = 1000

[uurtarieven]
huisarts = 100
wijkverpleegkundige = 80
consulent = 120

[werkwijze]
bijeenkomsten_per_jaar = 6
duur_uren = 1.5
patienten_per_jaar = 10

[[groep]]
naam = "Zes keer"
deelnemers = { huisarts = 4, wijkverpleegkundige = 2, consulent = 1 }

[[groep]]
naam = "Tien keer"
deelnemers = { huisarts = 4, wijkverpleegkundige = 2, consulent = 1 }
bijeenkomsten_per_jaar = 10

[ondersteuning]
ict_per_groep = 450
huisvesting_per_bijeenkomst = 40
"#,
    );
    let j = jaar(&k, 2026);
    for g in [0, 1] {
        let ict = regel(j, Some(g), Post::Ict, None);
        assert_eq!(ict.bedrag, d("450.00")); // 450 × I(2026) = 450 × 1
        assert_eq!(ict.uren, None);
        assert_eq!(ict.financiering, Financiering::Tapas);
    }
    // 6 meetings × 40 = 240.00
    assert_eq!(
        regel(j, Some(0), Post::Huisvesting, None).bedrag,
        d("240.00")
    );
    // The group's own 10 meetings × 40 = 400.00
    assert_eq!(
        regel(j, Some(1), Post::Huisvesting, None).bedrag,
        d("400.00")
    );
    // No new groups: no start costs or training.
    assert!(
        j.regels
            .iter()
            .all(|r| r.post != Post::Startkosten && r.post != Post::Scholing)
    );
}

#[test]
fn new_group_pays_start_costs_and_training_only_in_its_start_year() {
    let k = kosten(
        r#"formaat = 1
[scenario]
naam = "Nieuwe groepen"
startjaar = 2026
looptijd_jaren = 3
verzekerden = 1000

[uurtarieven]
huisarts = 100
wijkverpleegkundige = 80
consulent = 120

[werkwijze]
bijeenkomsten_per_jaar = 6
duur_uren = 1.5
patienten_per_jaar = 10

[[groep]]
naam = "Nieuw vanaf het begin"
deelnemers = { huisarts = 4, wijkverpleegkundige = 2, consulent = 1 }
nieuw = true

[[groep]]
naam = "Nieuw in 2027"
deelnemers = { huisarts = 5, wijkverpleegkundige = 3, consulent = 1 }
start = 2027
nieuw = true

[[groep]]
naam = "Bestaand, erbij in 2027"
deelnemers = { huisarts = 4, wijkverpleegkundige = 2, consulent = 1 }
start = 2027

[ondersteuning]
startkosten_per_nieuwe_groep = 1500
scholing_per_nieuwe_deelnemer = 300

[indexatie]
kosten_percentage_per_jaar = 10
"#,
    );
    let j2026 = jaar(&k, 2026);
    // Group 1 starts in startjaar 2026 (the default), I = 1:
    // startkosten 1500 × 1 = 1500.00; scholing 300 × (4 + 2 + 1 = 7) × 1 = 2100.00
    assert_eq!(
        regel(j2026, Some(0), Post::Startkosten, None).bedrag,
        d("1500.00")
    );
    assert_eq!(
        regel(j2026, Some(0), Post::Scholing, None).bedrag,
        d("2100.00")
    );
    assert_eq!(regels(j2026, Some(1), Post::Startkosten, None).len(), 0);

    let j2027 = jaar(&k, 2027);
    // Group 1 is no longer in its start year.
    assert!(regels(j2027, Some(0), Post::Startkosten, None).is_empty());
    assert!(regels(j2027, Some(0), Post::Scholing, None).is_empty());
    // Group 2 starts in 2027, I(2027) = 1.10:
    // startkosten 1500 × 1.1 = 1650.00; scholing 300 × (5 + 3 + 1 = 9) × 1.1 = 2970.00
    assert_eq!(
        regel(j2027, Some(1), Post::Startkosten, None).bedrag,
        d("1650.00")
    );
    assert_eq!(
        regel(j2027, Some(1), Post::Scholing, None).bedrag,
        d("2970.00")
    );
    // Group 3 starts in 2027 but is not new: it runs, but pays no one-off costs.
    assert!(has_lines(j2027, 2));
    assert!(regels(j2027, Some(2), Post::Startkosten, None).is_empty());
    assert!(regels(j2027, Some(2), Post::Scholing, None).is_empty());

    let j2028 = jaar(&k, 2028);
    assert!(
        j2028
            .regels
            .iter()
            .all(|r| r.post != Post::Startkosten && r.post != Post::Scholing)
    );
}

#[test]
fn project_lead_and_monitoring_are_regional_lines_of_every_year() {
    let k = kosten(
        r#"formaat = 1
[scenario]
naam = "Regionaal"
startjaar = 2026
looptijd_jaren = 2
verzekerden = 1000

[uurtarieven]
huisarts = 100
wijkverpleegkundige = 80
consulent = 120

[werkwijze]
bijeenkomsten_per_jaar = 6
duur_uren = 1.5
patienten_per_jaar = 10

[[groep]]
naam = "A"
deelnemers = { huisarts = 4, wijkverpleegkundige = 2, consulent = 1 }

[ondersteuning]
projectleiding_uren = 80
projectleiding_uurtarief = 95
monitoring_per_jaar = 2500

[indexatie]
kosten_percentage_per_jaar = 3
"#,
    );
    let j2026 = jaar(&k, 2026);
    let pl = regel(j2026, None, Post::Projectleiding, None);
    assert_eq!(pl.uren, Some(d("80")));
    assert_eq!(pl.bedrag, d("7600.00")); // 80 × 95 × 1
    assert_eq!(pl.financiering, Financiering::Tapas);
    let mon = regel(j2026, None, Post::Monitoring, None);
    assert_eq!(mon.uren, None);
    assert_eq!(mon.bedrag, d("2500.00")); // 2500 × 1

    let j2027 = jaar(&k, 2027);
    // I(2027) = 1.03: 80 × 95 × 1.03 = 7828.00; 2500 × 1.03 = 2575.00
    assert_eq!(
        regel(j2027, None, Post::Projectleiding, None).bedrag,
        d("7828.00")
    );
    assert_eq!(
        regel(j2027, None, Post::Monitoring, None).bedrag,
        d("2575.00")
    );
    // Regional lines come after the group lines.
    let last_group_line = j2027.regels.iter().rposition(|r| r.groep.is_some());
    let first_regional = j2027.regels.iter().position(|r| r.groep.is_none());
    assert!(last_group_line < first_regional);
}

#[test]
fn overhead_is_a_percentage_of_the_rounded_tapas_lines_only_and_comes_last() {
    let k = kosten(
        r#"formaat = 1
[scenario]
naam = "Overhead"
startjaar = 2026
looptijd_jaren = 1
verzekerden = 1000

[uurtarieven]
huisarts = 100
wijkverpleegkundige = 88.35
consulent = 112.35
medisch_specialist = 150

[werkwijze]
bijeenkomsten_per_jaar = 6
duur_uren = 1.5
voorbereiding_uren = 0.5
reistijd_uren = 0.25
patienten_per_jaar = 10

[[groep]]
naam = "A"
deelnemers = { wijkverpleegkundige = 3, consulent = 1, medisch_specialist = 1 }

[ondersteuning]
monitoring_per_jaar = 1000
overhead_percentage = 50

[financiering]
elders_gefinancierd = ["medisch_specialist"]
"#,
    );
    let j = jaar(&k, 2026);
    // wijkverpleegkundige: 6 × 3 × 2.25 = 40.5 h × 88.35 = 3578.175 -> 3578.18 (tapas)
    // consulent:           6 × 1 × 2.25 = 13.5 h × 112.35 = 1516.725 -> 1516.73 (tapas)
    // medisch_specialist:  13.5 h × 150 = 2025.00 (elders)
    // monitoring 1000.00 (tapas)
    // Σ rounded TAPA$ lines = 3578.18 + 1516.73 + 1000.00 = 6094.91
    // overhead = 50/100 × 6094.91 = 3047.455 -> 3047.46
    //   (over the unrounded lines 6094.90 it would be 3047.45;
    //    including the elders line, 0.5 × 8119.91 = 4059.96)
    let last = j.regels.last().unwrap();
    assert_eq!(last.post, Post::Overhead);
    assert_eq!(last.groep, None);
    assert_eq!(last.rol, None);
    assert_eq!(last.financiering, Financiering::Tapas);
    assert_eq!(last.bedrag, d("3047.46"));
    assert_eq!(
        regel(j, Some(0), Post::Bijeenkomsten, Some("medisch_specialist")).financiering,
        Financiering::Elders
    );
    // kosten_totaal = 3578.18 + 1516.73 + 2025.00 + 1000.00 + 3047.46 = 11167.37
    // elders = 2025.00; te_financieren = 11167.37 − 2025.00 = 9142.37
    // tarief = 9142.37 / 1000 = 9.14237 -> up 9.15
    assert_eq!(j.totalen.kosten_totaal, d("11167.37"));
    assert_eq!(j.totalen.elders_gefinancierd, d("2025.00"));
    assert_eq!(j.totalen.te_financieren, d("9142.37"));
    assert_eq!(j.totalen.kostendekkend_tarief, d("9.15"));
}

// ---------------------------------------------------------------------------------------------
// Group overrides and start years
// ---------------------------------------------------------------------------------------------

#[test]
fn a_group_overrides_every_werkwijze_field_for_itself_only() {
    let k = kosten(
        r#"formaat = 1
[scenario]
naam = "Overrides"
startjaar = 2026
looptijd_jaren = 1
verzekerden = 1000

[uurtarieven]
huisarts = 100
wijkverpleegkundige = 80
consulent = 120

[werkwijze]
bijeenkomsten_per_jaar = 6
duur_uren = 1.5
voorbereiding_uren = 0.5
reistijd_uren = 0.25
voorzitter_rol = "huisarts"
voorzitter_uren = 1.0
coordinatie_rol = "huisarts"
coordinatie_uren_per_patient = 0.5
telefonische_ondersteuning_uren = 8
patienten_per_jaar = 12

[[groep]]
naam = "Standaard"
deelnemers = { huisarts = 4, wijkverpleegkundige = 2, consulent = 1 }

[[groep]]
naam = "Eigen werkwijze"
deelnemers = { huisarts = 4, wijkverpleegkundige = 2, consulent = 1 }
bijeenkomsten_per_jaar = 4
duur_uren = 2
voorbereiding_uren = 0.75
reistijd_uren = 0
voorzitter_rol = "wijkverpleegkundige"
voorzitter_uren = 0.5
coordinatie_rol = "consulent"
coordinatie_uren_per_patient = 1
telefonische_ondersteuning_uren = 3
patienten_per_jaar = 9

[ondersteuning]
huisvesting_per_bijeenkomst = 40
"#,
    );
    let j = jaar(&k, 2026);
    use Financiering::Tapas;
    use Post::{TelefonischeOndersteuning as Tel, *};
    let (ha, wv, co) = ("huisarts", "wijkverpleegkundige", "consulent");
    let group = |g: usize| -> Vec<Row> { rows(j).into_iter().filter(|r| r.0 == Some(g)).collect() };
    // Defaults: 1.5 + 0.5 + 0.25 = 2.25 h per participant per meeting, 6 meetings.
    assert_eq!(
        group(0),
        vec![
            // 6 × 4 × 2.25 = 54 h × 100
            hours(0, Bijeenkomsten, ha, "54", "5400.00", Tapas),
            // 6 × 2 × 2.25 = 27 h × 80
            hours(0, Bijeenkomsten, wv, "27", "2160.00", Tapas),
            // 6 × 1 × 2.25 = 13.5 h × 120
            hours(0, Bijeenkomsten, co, "13.5", "1620.00", Tapas),
            // 6 × 1.0 = 6 h × 100
            hours(0, Voorzitter, ha, "6", "600.00", Tapas),
            // 12 × 0.5 = 6 h × 100
            hours(0, Coordinatie, ha, "6", "600.00", Tapas),
            // 8 h × 120
            hours(0, Tel, co, "8", "960.00", Tapas),
            // 6 × 40
            fixed(Some(0), Huisvesting, "240.00"),
        ]
    );
    // Overrides: 2 + 0.75 + 0 = 2.75 h per participant per meeting, 4 meetings.
    assert_eq!(
        group(1),
        vec![
            // 4 × 4 × 2.75 = 44 h × 100
            hours(1, Bijeenkomsten, ha, "44", "4400.00", Tapas),
            // 4 × 2 × 2.75 = 22 h × 80
            hours(1, Bijeenkomsten, wv, "22", "1760.00", Tapas),
            // 4 × 1 × 2.75 = 11 h × 120
            hours(1, Bijeenkomsten, co, "11", "1320.00", Tapas),
            // 4 × 0.5 = 2 h × 80 (wijkverpleegkundige)
            hours(1, Voorzitter, wv, "2", "160.00", Tapas),
            // 9 × 1 = 9 h × 120 (consulent)
            hours(1, Coordinatie, co, "9", "1080.00", Tapas),
            // 3 h × 120
            hours(1, Tel, co, "3", "360.00", Tapas),
            // 4 × 40
            fixed(Some(1), Huisvesting, "160.00"),
        ]
    );
}

#[test]
fn a_group_starting_in_a_later_year_is_absent_in_earlier_years() {
    let k = kosten(
        r#"formaat = 1
[scenario]
naam = "Later"
startjaar = 2026
looptijd_jaren = 2
verzekerden = 1000

[uurtarieven]
huisarts = 100
wijkverpleegkundige = 80
consulent = 120

[werkwijze]
bijeenkomsten_per_jaar = 6
duur_uren = 1.5
patienten_per_jaar = 10

[[groep]]
naam = "Vanaf 2026"
deelnemers = { huisarts = 4, wijkverpleegkundige = 2, consulent = 1 }

[[groep]]
naam = "Vanaf 2027"
deelnemers = { huisarts = 4, wijkverpleegkundige = 2, consulent = 1 }
start = 2027

[ondersteuning]
ict_per_groep = 450
"#,
    );
    let j2026 = jaar(&k, 2026);
    assert!(has_lines(j2026, 0));
    assert!(!has_lines(j2026, 1));
    // 2026: group 1 only. No preparation or travel: 1.5 h per participant per meeting.
    //   huisarts 6 × 4 × 1.5 = 36 h × 100 = 3600; wv 6 × 2 × 1.5 = 18 h × 80 = 1440;
    //   consulent 6 × 1 × 1.5 = 9 h × 120 = 1080; ict 450
    //   = 3600 + 1440 + 1080 + 450 = 6570.00
    assert_eq!(j2026.totalen.kosten_totaal, d("6570.00"));
    let j2027 = jaar(&k, 2027);
    assert!(has_lines(j2027, 1));
    // 2027: both groups: 2 × 6570.00 = 13140.00 (no indexation)
    assert_eq!(j2027.totalen.kosten_totaal, d("13140.00"));
}
