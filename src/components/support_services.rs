//! The facilitator's local support services: written on the notes page, read on the presenter's
//! screen. Kept on this device; never shown on the projector.

use leptos::prelude::*;

use crate::components::save_error::SaveErrorMessage;
use crate::model::support::{
    MAX_CONTACT_CHARS, MAX_HOURS_CHARS, MAX_NAME_CHARS, MAX_NOTES_CHARS, ServiceProblem,
    SupportService, SupportServices,
};
use crate::state::Synced;
use crate::storage::SaveError;
use crate::web::focus_element;

/// The services as a list to read (the presenter's view). A change made meanwhile in another
/// tab (the facilitator notes open beside it) shows at once.
#[component]
pub fn SupportServicesList() -> impl IntoView {
    let services = Synced::<SupportServices>::open().follow_other_tabs();
    move || {
        let list = services.value.get().services;
        if list.is_empty() {
            return view! { <p class="hint">{tr!(services.none_yet)}" "<a href=crate::at("/present/notes#services-heading") target="_blank">{tr!(services.add_link)}</a></p> }.into_any();
        }
        view! {
            <ul class="services">
                {list.into_iter().map(|s| view! { <li class="service"><ServiceText service=s /></li> }).collect_view()}
            </ul>
        }
        .into_any()
    }
}

#[component]
fn ServiceText(service: SupportService) -> impl IntoView {
    let line = |label: &'static str, text: String| {
        (!text.is_empty())
            .then(|| view! { <p><span class="service__label">{label}</span>" "{text}</p> })
    };
    view! {
        <p class="service__name">{service.name}</p>
        {line(tr!(services.contact), service.contact)}
        {line(tr!(services.hours), service.hours)}
        {line(tr!(services.notes), service.notes)}
    }
}

/// The services with edit, delete (undo) and a form to add one.
#[component]
pub fn SupportServicesEditor() -> impl IntoView {
    let services = Synced::<SupportServices>::open();
    // The index being edited (None: the form adds a new one).
    let editing = RwSignal::new(None::<usize>);
    let form = RwSignal::new(SupportService::default());
    let problem = RwSignal::new(None::<ServiceProblem>);
    let error = RwSignal::new(None::<SaveError>);
    let removed = RwSignal::new(None::<(usize, SupportService)>);

    let store = move |next: SupportServices| match services.save(next) {
        Ok(()) => {
            error.set(None);
            true
        }
        Err(e) => {
            error.set(Some(e));
            false
        }
    };
    let submit = move |e: leptos::ev::SubmitEvent| {
        e.prevent_default();
        let mut next = services.value.get_untracked();
        let entry = form.get_untracked();
        let result = match editing.get_untracked() {
            Some(i) => next.update(i, entry),
            None => next.add(entry),
        };
        match result {
            Err(p) => {
                problem.set(Some(p));
                request_animation_frame(|| focus_element("service-name"));
            }
            Ok(()) => {
                problem.set(None);
                if store(next) {
                    form.set(SupportService::default());
                    editing.set(None);
                    removed.set(None);
                }
            }
        }
    };
    // Indices change when a service is deleted or restored: each of these ends what the other
    // started (an edit in progress, an Undo on offer), so no index points at the wrong entry.
    let edit = move |i: usize| {
        if let Some(s) = services
            .value
            .with_untracked(|v| v.services.get(i).cloned())
        {
            removed.set(None);
            form.set(s);
            editing.set(Some(i));
            request_animation_frame(|| focus_element("service-name"));
        }
    };
    let delete = move |i: usize| {
        let mut next = services.value.get_untracked();
        if let Some(gone) = next.remove(i)
            && store(next)
        {
            removed.set(Some((i, gone)));
            editing.set(None);
            form.set(SupportService::default());
            problem.set(None);
            request_animation_frame(|| focus_element("service-undo"));
        }
    };
    let undo = move |_| {
        if let Some((i, service)) = removed.get_untracked() {
            let mut next = services.value.get_untracked();
            next.restore(i, service);
            if store(next) {
                removed.set(None);
                editing.set(None);
                // The Undo button is gone: focus goes to the restored entry's Edit button.
                request_animation_frame(move || focus_element(&format!("service-edit-{i}")));
            }
        }
    };
    let field = move |id: &'static str,
                      label: &'static str,
                      max: usize,
                      get: fn(&SupportService) -> String,
                      put: fn(&mut SupportService, String)| {
        view! {
            <label for=id>{label}</label>
            <input id=id type="text" maxlength=max autocomplete="off"
                aria-invalid=move || (id == "service-name" && problem.get().is_some()).to_string()
                prop:value=move || form.with(get)
                on:input=move |e| form.update(|f| put(f, event_target_value(&e))) />
        }
    };
    view! {
        {move || {
            let list = services.value.get().services;
            (!list.is_empty()).then(|| view! {
                <ul class="services">
                    {list.into_iter().enumerate().map(|(i, s)| view! {
                        <li class="service">
                            <ServiceText service=s />
                            <p class="service__actions">
                                <button type="button" class="link-button" id=format!("service-edit-{i}") on:click=move |_| edit(i)>{tr!(services.edit)}</button>
                                <button type="button" class="link-button" on:click=move |_| delete(i)>{tr!(services.delete)}</button>
                            </p>
                        </li>
                    }).collect_view()}
                </ul>
            })
        }}
        {move || removed.get().map(|_| view! {
            <p class="message" role="status">
                {tr!(services.deleted)}" "
                <button type="button" class="link-button" id="service-undo" on:click=undo>{tr!(norms.undo)}</button>
            </p>
        })}
        <form class="form services-form" on:submit=submit novalidate>
            <h3>{move || if editing.get().is_some() { tr!(services.edit_heading) } else { tr!(services.add_heading) }}</h3>
            {field("service-name", tr!(services.name), MAX_NAME_CHARS, |s| s.name.clone(), |s, v| s.name = v)}
            {field("service-contact", tr!(services.contact), MAX_CONTACT_CHARS, |s| s.contact.clone(), |s, v| s.contact = v)}
            {field("service-hours", tr!(services.hours), MAX_HOURS_CHARS, |s| s.hours.clone(), |s, v| s.hours = v)}
            <label for="service-notes">{tr!(services.notes)}</label>
            <textarea id="service-notes" rows="3" maxlength=MAX_NOTES_CHARS
                prop:value=move || form.with(|f| f.notes.clone())
                on:input=move |e| form.update(|f| f.notes = event_target_value(&e))></textarea>
            {move || problem.get().map(|p| view! {
                <p class="message message--error" role="alert" id="service-problem">{match p {
                    ServiceProblem::NoName => tr!(services.no_name),
                    ServiceProblem::TooLong { .. } => tr!(services.too_long),
                    ServiceProblem::TooMany { .. } => tr!(services.too_many),
                }}</p>
            })}
            {move || error.get().map(|error| view! { <SaveErrorMessage error /> })}
            <p class="draw__buttons">
                <button type="submit" class="button" id="service-save">
                    {move || if editing.get().is_some() { tr!(services.save_changes) } else { tr!(services.add) }}
                </button>
                {move || editing.get().map(|_| view! {
                    <button type="button" class="button button--quiet" on:click=move |_| {
                        editing.set(None);
                        form.set(SupportService::default());
                        problem.set(None);
                    }>{tr!(services.cancel)}</button>
                })}
            </p>
        </form>
    }
}
