//! The shape of what the guidance tells a facilitator (PLAN!'s "Planning for challenges" and the
//! eight recommendations of ACT!), and the longer help of the present pages: typed, so every
//! language fills the same slots.

/// One recommendation of ACT!: what to do and what not to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Recommendation {
    pub title: &'static str,
    pub what_to_do: &'static str,
    pub what_to_avoid: &'static str,
}

/// The facilitator's notes, in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Facilitation {
    /// Where the recommendations come from (the guidance's own introduction to ACT!).
    pub act_intro: &'static str,
    /// The eight recommendations, in the guidance's order.
    pub recommendations: &'static [Recommendation],
    /// "Planning for challenges": why to prepare for resistance, referrals and accountability.
    pub challenges_intro: &'static str,
    pub resistance_intro: &'static str,
    /// What resistance may be due to.
    pub resistance_reasons: &'static [&'static str],
    /// Open and subtle resistance, and how to meet it.
    pub resistance_response: &'static str,
    /// Focus on the 'moveable middle'.
    pub moveable_middle: &'static str,
    pub referrals: &'static str,
    pub accountability: &'static str,
    /// Short reminders for the presenter's screen (the app's words, drawn from ACT!).
    pub reminders: &'static [&'static str],
}

/// The longer explanations of the present pages, in one language (the app's words).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PresentHelp {
    pub intro: &'static str,
    pub two_screens: &'static str,
    pub private: &'static str,
    pub agendas_intro: &'static str,
    pub agendas_empty: &'static str,
    pub services_intro: &'static str,
    pub services_private: &'static str,
    pub letter_keys: &'static str,
    pub end_of_show: &'static str,
}
