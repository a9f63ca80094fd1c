//! English content, taken from the OSCE guidance (`shared/seeds/004_*.txt`).

use super::Source;

pub const SOURCE: Source = Source {
    title: "Engaging young men in the promotion of gender equality",
    subtitle: "Guidance for young men from Central Asia who want to take action for more inclusive and just societies",
    publisher: "Organization for Security and Co-operation in Europe (OSCE), Gender Issues Programme",
    authors: &["Henri Myrttinen", "Tynchtykbek Bakytov"],
    byline: "Henri Myrttinen and Tynchtykbek Bakytov",
    programme: "Prepared within the OSCE project “WIN for Women and Men”, under the Young Women 4 Peace Initiative: Empowering Central Asian Young Women (YW4P), funded by the European Union.",
    funder_note: "Its content is the sole responsibility of the authors and does not necessarily reflect the views of the European Union and the OSCE.",
};
