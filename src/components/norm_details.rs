//! What a person wrote about a norm besides its name (whom it affects, where it shows, its level,
//! its effects), in words: THINK's editor sums it up, My reflections and the printable copy list
//! it. The rules of what counts are `model::norms::Norm::details`.

use leptos::prelude::*;

use crate::components::norm_rings::level_name;
use crate::model::norms::{Affects, Norm, NormDetail, Place};

pub fn place_name(place: Place) -> &'static str {
    match place {
        Place::Home => tr!(norms.place_home),
        Place::Relationships => tr!(norms.place_relationships),
        Place::WorkOrSchool => tr!(norms.place_work),
        Place::CommunityAndPublic => tr!(norms.place_community),
        Place::Online => tr!(norms.place_online),
    }
}

pub fn affects_name(affects: Affects) -> &'static str {
    match affects {
        Affects::MenAndBoys => tr!(norms.affects_men),
        Affects::WomenAndGirls => tr!(norms.affects_women),
        Affects::Both => tr!(norms.affects_both),
    }
}

/// One detail as (what was asked, the answer).
pub fn detail_words(detail: &NormDetail) -> (&'static str, String) {
    match detail {
        NormDetail::Affects(affects) => (tr!(norms.affects_label), affects_name(*affects).into()),
        NormDetail::Places(places) => (
            tr!(norms.places_label),
            places
                .iter()
                .map(|p| place_name(*p))
                .collect::<Vec<_>>()
                .join(", "),
        ),
        NormDetail::Level(level) => (tr!(norms.level_label), level_name(*level).into()),
        NormDetail::EffectOnMen(text) => (tr!(norms.effect_men), (*text).into()),
        NormDetail::EffectOnWomen(text) => (tr!(norms.effect_women), (*text).into()),
        NormDetail::EqualityChange(text) => (tr!(norms.equality_change), (*text).into()),
    }
}

/// What is chosen for `norm` (whom it affects, where, its level) in one line: the summary of its
/// folded details.
pub fn chosen_in_words(norm: &Norm) -> String {
    let mut parts = Vec::new();
    for detail in norm.details() {
        match detail {
            NormDetail::Affects(affects) => parts.push(affects_name(affects)),
            NormDetail::Places(places) => parts.extend(places.iter().map(|p| place_name(*p))),
            NormDetail::Level(level) => parts.push(level_name(level)),
            _ => {}
        }
    }
    parts.join(" · ")
}

/// Every detail of `norm` in words.
pub fn details_in_words(norm: &Norm) -> Vec<(&'static str, String)> {
    norm.details().iter().map(detail_words).collect()
}

/// A norm's details as a list of questions and answers; nothing when none was written.
#[component]
pub fn NormDetails(norm: Norm) -> impl IntoView {
    let details = details_in_words(&norm);
    (!details.is_empty()).then(|| {
        view! {
            <dl class="norm-details">
                {details
                    .into_iter()
                    .map(|(label, value)| view! { <dt>{label}</dt><dd>{value}</dd> })
                    .collect_view()}
            </dl>
        }
    })
}
