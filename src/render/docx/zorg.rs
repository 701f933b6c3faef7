//! Chapter "De te verlenen zorg": the region's description of the care, its aims and why it is
//! innovative, then what PaTz is and what this businesscase asks for. Pure, no I/O.

use crate::scenario::{Onderwerp, Scenario};

use super::opmaak::{Deel, Doc, looptijd};

pub(super) fn hoofdstuk(doc: &mut Doc, s: &Scenario) {
    doc.hoofdstuk("De te verlenen zorg");
    doc.toelichting(s, Onderwerp::Zorg);
    doc.alinea(
        "In een PaTz-groep (Palliatieve Zorg Thuis) komen huisartsen en wijkverpleegkundigen uit \
         één wijk of dorp, begeleid door een consulent palliatieve zorg, een aantal keer per jaar \
         bijeen. Ze brengen palliatieve patiënten vroeg in beeld, houden hen bij in een palliatief \
         zorgregister en plannen hun zorg vooruit. Eén deelnemer zit de bijeenkomsten voor; tussen \
         de bijeenkomsten is de consulent telefonisch bereikbaar; na een bespreking coördineert de \
         huisarts de zorg voor de patiënt.",
    );
    let groepen = s.groepen.len().to_string();
    let periode = looptijd(s);
    doc.alinea_delen(&[
        Deel::Tekst("Deze businesscase vraagt financiering van "),
        Deel::Getal(groepen),
        Deel::Tekst(" PaTz-groepen in de periode "),
        Deel::Getal(periode),
        Deel::Tekst(
            " via de experimentele NZa-prestatie TAPA$-prestatie 1 (Transmurale coördinatie & \
             continuïteit van palliatieve zorg), als tarief per ingeschreven verzekerde. De \
             penvoerder contracteert dat tarief met elke zorgverzekeraar en betaalt de deelnemers \
             uit.",
        ),
    ]);
    doc.paragraaf("Doelstellingen");
    doc.toelichting(s, Onderwerp::Doelstellingen);
    doc.paragraaf("Vernieuwend karakter");
    doc.toelichting(s, Onderwerp::Innovatie);
}
