//! The person's norms placed on the rings of the socio-ecological model (Annex 1 of the guidance):
//! an SVG picture with a numbered legend, readable on a phone and in print.

use leptos::prelude::*;

use crate::model::norms::{Level, NormList};
use crate::model::rings::{CENTRE, RADII, SIZE, position};

pub fn level_name(level: Level) -> &'static str {
    match level {
        Level::Individual => tr!(norms.level_individual),
        Level::FamilyAndRelationships => tr!(norms.level_family),
        Level::Community => tr!(norms.level_community),
        Level::InstitutionsAndSociety => tr!(norms.level_institutions),
    }
}

#[component]
pub fn NormRings(list: Signal<NormList>) -> impl IntoView {
    let rings = Level::ALL
        .iter()
        .rev()
        .map(|level| {
            let ring = level.ring();
            let r = RADII[ring];
            view! {
                <circle class=format!("rings__ring rings__ring--{ring}") cx=CENTRE cy=CENTRE r=r />
                <text class="rings__label" x=CENTRE y=CENTRE - r + 20 text-anchor="middle">
                    {level_name(*level)}
                </text>
            }
        })
        .collect_view();

    let dots = move || {
        list.with(|list| {
            let mut out = Vec::new();
            for (ring, norms) in list.by_level().iter().enumerate() {
                for (k, norm) in norms.iter().enumerate() {
                    let number = list.norms.iter().position(|n| n.id == norm.id).unwrap_or(0) + 1;
                    let (x, y) = position(ring, k, norms.len());
                    out.push(view! {
                        <g class="rings__dot">
                            <circle cx=x cy=y r="15" />
                            <text x=x y=y + 5 text-anchor="middle">{number}</text>
                        </g>
                    });
                }
            }
            out
        })
    };

    let legend = move || {
        list.with(|list| {
            // Numbered like the dots: by place in the whole list, blank norms skipped.
            list.norms
                .iter()
                .enumerate()
                .filter(|(_, norm)| !norm.text.trim().is_empty())
                .map(|(i, norm)| {
                    let place = norm.level.map(level_name).unwrap_or(tr!(norms.level_unset));
                    view! {
                        <li value=i + 1>{norm.text.clone()}" — "<span class="rings__where">{place}</span></li>
                    }
                })
                .collect_view()
        })
    };

    view! {
        <figure class="rings">
            <svg
                class="rings__picture"
                viewBox=format!("0 0 {SIZE} {SIZE}")
                role="img"
                aria-labelledby="rings-title"
            >
                <title id="rings-title">{tr!(norms.rings_title)}</title>
                {rings}
                {dots}
            </svg>
            <figcaption>
                <p>{tr!(norms.rings_caption)}</p>
                <ol class="rings__legend answer-text">{legend}</ol>
            </figcaption>
        </figure>
    }
}
