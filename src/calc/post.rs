//! The kinds of cost line ([`Post`]) and how a line is financed ([`Financiering`]): the names
//! every calculation and every output share, below the cost engine (`cost` re-exports them).
//! Pure, no I/O.

use crate::scenario::{Kostenpost, Scenario};

/// How a line is financed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Financiering {
    /// Through TAPA$-prestatie 1.
    Tapas,
    /// Through another title (`elders_gefinancierd`, `[[financiering.elders]]`).
    Elders,
}

impl Financiering {
    /// The value of the `financiering` column.
    pub fn as_str(self) -> &'static str {
        match self {
            Financiering::Tapas => "tapas",
            Financiering::Elders => "elders",
        }
    }
}

/// The kinds of line item, in the order they are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Post {
    /// Meeting, preparation and travel hours per role.
    Bijeenkomsten,
    /// The chair's extra hours.
    Voorzitter,
    /// Coordination after the meetings.
    Coordinatie,
    /// The consulent's phone support.
    TelefonischeOndersteuning,
    /// ICT per group.
    Ict,
    /// Room and catering per meeting.
    Huisvesting,
    /// One-off start costs of a new group.
    Startkosten,
    /// One-off training of a new group's participants.
    Scholing,
    /// Regional project lead.
    Projectleiding,
    /// Evaluation and monitoring.
    Monitoring,
    /// A `[[kostenpost]]` of the region's own: its index in [`Scenario::kostenposten`]. Listed
    /// after the built-in posts, in file order, before the overhead.
    Kostenpost(u16),
    /// Penvoerder's fee.
    Overhead,
}

impl Post {
    /// The built-in posts without a role, in list order: the posts a `[[financiering.elders]]`
    /// entry may name besides a role (the scenario's names of them:
    /// [`POSTEN_ZONDER_ROL`](crate::scenario::schema::POSTEN_ZONDER_ROL)).
    pub const ZONDER_ROL: [Post; 6] = [
        Post::Ict,
        Post::Huisvesting,
        Post::Startkosten,
        Post::Scholing,
        Post::Projectleiding,
        Post::Monitoring,
    ];

    /// Every built-in post, in list order (the `[[kostenpost]]`s come before the overhead):
    /// the hour posts, [`Post::ZONDER_ROL`], the overhead.
    pub const ALL: [Post; 11] = {
        let [
            ict,
            huisvesting,
            startkosten,
            scholing,
            projectleiding,
            monitoring,
        ] = Post::ZONDER_ROL;
        [
            Post::Bijeenkomsten,
            Post::Voorzitter,
            Post::Coordinatie,
            Post::TelefonischeOndersteuning,
            ict,
            huisvesting,
            startkosten,
            scholing,
            projectleiding,
            monitoring,
            Post::Overhead,
        ]
    };

    /// The value of the `post` column of a built-in post (`kostenpost` for an own post: use
    /// [`Post::naam`], which knows its id).
    pub fn as_str(self) -> &'static str {
        match self {
            Post::Kostenpost(_) => "kostenpost",
            Post::Bijeenkomsten => "bijeenkomsten",
            Post::Voorzitter => "voorzitter",
            Post::Coordinatie => "coordinatie",
            Post::TelefonischeOndersteuning => "telefonische_ondersteuning",
            Post::Ict => "ict",
            Post::Huisvesting => "huisvesting",
            Post::Startkosten => "startkosten",
            Post::Scholing => "scholing",
            Post::Projectleiding => "projectleiding",
            Post::Monitoring => "monitoring",
            Post::Overhead => "overhead",
        }
    }

    /// Dutch label for tables of a built-in post (use [`Post::label_in`], which knows an own
    /// post's naam).
    pub fn label(self) -> &'static str {
        match self {
            Post::Kostenpost(_) => "Eigen kostenpost",
            Post::Bijeenkomsten => "Bijeenkomsten (incl. voorbereiding en reistijd)",
            Post::Voorzitter => "Voorzitter",
            Post::Coordinatie => "Coördinatie na bespreking",
            Post::TelefonischeOndersteuning => "Telefonische ondersteuning consulent",
            Post::Ict => "ICT",
            Post::Huisvesting => "Huisvesting",
            Post::Startkosten => "Startkosten nieuwe groepen",
            Post::Scholing => "Scholing nieuwe deelnemers",
            Post::Projectleiding => "Projectleiding",
            Post::Monitoring => "Monitoring en evaluatie",
            Post::Overhead => "Overhead penvoerder",
        }
    }

    /// Parses the `post` column value of a built-in post.
    pub fn parse(text: &str) -> Option<Post> {
        Post::ALL.into_iter().find(|p| p.as_str() == text)
    }

    /// The value of the `post` column: a built-in post's name or a `[[kostenpost]]`'s id.
    pub fn naam(self, s: &Scenario) -> &str {
        self.eigen_of(s, self.as_str(), |k| &k.id)
    }

    /// The Dutch label for tables: a built-in post's label or a `[[kostenpost]]`'s naam.
    pub fn label_in(self, s: &Scenario) -> &str {
        self.eigen_of(s, self.label(), |k| &k.naam)
    }

    /// `veld` of the `[[kostenpost]]` this post is, else `ingebouwd` (a built-in post's text).
    fn eigen_of<'s>(
        self,
        s: &'s Scenario,
        ingebouwd: &'static str,
        veld: fn(&Kostenpost) -> &str,
    ) -> &'s str {
        match self {
            Post::Kostenpost(i) => s.kostenposten.get(usize::from(i)).map_or(ingebouwd, veld),
            _ => ingebouwd,
        }
    }

    /// Parses a `post` column value of `s`: a built-in post or one of its `[[kostenpost]]` ids.
    pub fn parse_in(text: &str, s: &Scenario) -> Option<Post> {
        Post::parse(text).or_else(|| {
            s.kostenposten
                .iter()
                .position(|k| k.id == text)
                .and_then(|i| u16::try_from(i).ok())
                .map(Post::Kostenpost)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Post;
    use crate::scenario::schema::POSTEN_ZONDER_ROL;

    /// The posts without a role as the calculation lists them are the ones the scenario may
    /// name in `[[financiering.elders]]`, in the same order.
    #[test]
    fn the_posts_without_a_role_are_the_schemas_in_its_order() {
        let namen: Vec<&str> = Post::ZONDER_ROL.iter().map(|p| p.as_str()).collect();
        assert_eq!(namen, POSTEN_ZONDER_ROL);
    }
}
