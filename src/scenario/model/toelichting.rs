//! The region's own texts for the documents (`[toelichting]`) and the chapters they stand in.
//! Pure data, no I/O.

/// The region's own texts for the documents (`[toelichting]`), each `None` when absent. Plain
/// text: a blank line separates paragraphs ([`Toelichting::alineas`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Toelichting {
    /// De te verlenen zorg.
    pub zorg: Option<String>,
    /// Why this care: the grounds and the evidence.
    pub onderbouwing: Option<String>,
    /// The professionals who deliver it.
    pub zorgverleners: Option<String>,
    /// Frequency and duration.
    pub frequentie: Option<String>,
    /// Where the care is given.
    pub locatie: Option<String>,
    /// The aims.
    pub doelstellingen: Option<String>,
    /// Why it is innovative (the insurer's experiment argument).
    pub innovatie: Option<String>,
    /// How delivery and the six indicators will be evaluated.
    pub evaluatie: Option<String>,
}

/// One text of `[toelichting]`: its key and the chapter it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Onderwerp {
    /// `zorg`.
    Zorg,
    /// `onderbouwing`.
    Onderbouwing,
    /// `zorgverleners`.
    Zorgverleners,
    /// `frequentie`.
    Frequentie,
    /// `locatie`.
    Locatie,
    /// `doelstellingen`.
    Doelstellingen,
    /// `innovatie`.
    Innovatie,
    /// `evaluatie`.
    Evaluatie,
}

impl Onderwerp {
    /// Every text, in the order of `[toelichting]` in docs/rekenregels.md.
    pub const ALL: [Onderwerp; 8] = [
        Onderwerp::Zorg,
        Onderwerp::Onderbouwing,
        Onderwerp::Zorgverleners,
        Onderwerp::Frequentie,
        Onderwerp::Locatie,
        Onderwerp::Doelstellingen,
        Onderwerp::Innovatie,
        Onderwerp::Evaluatie,
    ];

    /// The key in `[toelichting]`.
    pub fn as_str(self) -> &'static str {
        match self {
            Onderwerp::Zorg => "zorg",
            Onderwerp::Onderbouwing => "onderbouwing",
            Onderwerp::Zorgverleners => "zorgverleners",
            Onderwerp::Frequentie => "frequentie",
            Onderwerp::Locatie => "locatie",
            Onderwerp::Doelstellingen => "doelstellingen",
            Onderwerp::Innovatie => "innovatie",
            Onderwerp::Evaluatie => "evaluatie",
        }
    }

    /// What the region should write here, for the marked place in a document where the text
    /// is absent (Dutch, without any term of the scenario file).
    pub fn aanwijzing(self) -> &'static str {
        match self {
            Onderwerp::Zorg => {
                "Beschrijf hier in eigen woorden de zorg die de regio wil verlenen: welke \
                 patiënten, welke werkwijze, en wat er voor patiënt en naasten verandert."
            }
            Onderwerp::Onderbouwing => {
                "Onderbouw hier waarom deze zorg nodig is in de regio: de huidige situatie, de \
                 knelpunten en het bewijs dat de PaTz-werkwijze helpt (met bronnen)."
            }
            Onderwerp::Zorgverleners => {
                "Beschrijf hier wie de zorg verlenen: de huisartsen, wijkverpleegkundigen en \
                 consulenten palliatieve zorg, hun organisaties en hoe zij samenwerken."
            }
            Onderwerp::Frequentie => {
                "Beschrijf hier hoe vaak en hoe lang de groepen bijeenkomen, hoe de bijeenkomsten \
                 worden voorbereid en hoe de zorg tussen de bijeenkomsten doorloopt."
            }
            Onderwerp::Locatie => {
                "Beschrijf hier waar de zorg wordt verleend: de wijken en dorpen, de plaats van de \
                 bijeenkomsten en de zorg bij de patiënt thuis."
            }
            Onderwerp::Doelstellingen => {
                "Noem hier de doelstellingen van de regio: wat er na de looptijd bereikt moet \
                 zijn, en waaraan de regio en de verzekeraar dat zien."
            }
            Onderwerp::Innovatie => {
                "Leg hier uit waarom deze zorg vernieuwend is voor de regio en waarom zij als \
                 experiment bekostigd moet worden."
            }
            Onderwerp::Evaluatie => {
                "Beschrijf hier hoe de regio de geleverde zorg (bijeenkomsten, deelnemers, duur) \
                 en de zes indicatoren van mogelijk niet-passende zorg meet en evalueert, wie dat \
                 doet en wanneer de verzekeraar de uitkomsten ontvangt."
            }
        }
    }
}

impl Toelichting {
    /// The text of `onderwerp`, when the region wrote one.
    pub fn tekst(&self, onderwerp: Onderwerp) -> Option<&str> {
        let t = match onderwerp {
            Onderwerp::Zorg => &self.zorg,
            Onderwerp::Onderbouwing => &self.onderbouwing,
            Onderwerp::Zorgverleners => &self.zorgverleners,
            Onderwerp::Frequentie => &self.frequentie,
            Onderwerp::Locatie => &self.locatie,
            Onderwerp::Doelstellingen => &self.doelstellingen,
            Onderwerp::Innovatie => &self.innovatie,
            Onderwerp::Evaluatie => &self.evaluatie,
        };
        t.as_deref()
    }

    /// The place of the text of `onderwerp`.
    pub fn tekst_mut(&mut self, onderwerp: Onderwerp) -> &mut Option<String> {
        match onderwerp {
            Onderwerp::Zorg => &mut self.zorg,
            Onderwerp::Onderbouwing => &mut self.onderbouwing,
            Onderwerp::Zorgverleners => &mut self.zorgverleners,
            Onderwerp::Frequentie => &mut self.frequentie,
            Onderwerp::Locatie => &mut self.locatie,
            Onderwerp::Doelstellingen => &mut self.doelstellingen,
            Onderwerp::Innovatie => &mut self.innovatie,
            Onderwerp::Evaluatie => &mut self.evaluatie,
        }
    }

    /// The paragraphs of `tekst`: a blank line (or one holding only spaces and tabs) separates
    /// two; within a paragraph, line breaks and runs of spaces and tabs become one space (other
    /// spaces, such as the no-break space in `€ 20.000`, stay as written).
    pub fn alineas(tekst: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut alinea = String::new();
        for regel in tekst.lines() {
            if regel.trim_matches([' ', '\t']).is_empty() {
                if !alinea.is_empty() {
                    out.push(std::mem::take(&mut alinea));
                }
                continue;
            }
            for woord in regel.split([' ', '\t']).filter(|w| !w.is_empty()) {
                if !alinea.is_empty() {
                    alinea.push(' ');
                }
                alinea.push_str(woord);
            }
        }
        if !alinea.is_empty() {
            out.push(alinea);
        }
        out
    }
}
