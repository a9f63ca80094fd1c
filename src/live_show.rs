//! The presentation that present mode's windows share: one [`Show`] in a signal, saved on every
//! change (so a reload, or a window opened later, picks it up) and sent to the other windows of
//! this browser over a BroadcastChannel. No server is involved: the channel never leaves the
//! device. Either window can drive; each takes another's state only when it is newer.
//!
//! The channel is used through `web_sys` directly. leptos-use's `use_broadcast_channel` was tried
//! first: its shared event-filter code (debounce, throttle) then moved into the first download,
//! +3.6 kB of wasm for every visitor, where these twenty lines cost nothing there.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use crate::model::presenter::Show;
use crate::state::Synced;
use crate::web::{now_ms, random_u32};

/// The channel's name; the same in every window of the app.
const CHANNEL: &str = "tpa-present";
/// What a window that just opened sends: "tell me where the room is". Every other window
/// answers with its state (the newest one wins), so a new window is right even when the last
/// change could not be stored.
const HELLO: &str = "hello";

/// The open channel and its message handler (kept alive as long as the channel).
type Channel = Option<(
    web_sys::BroadcastChannel,
    Closure<dyn Fn(web_sys::MessageEvent)>,
)>;

#[derive(Clone, Copy)]
pub struct LiveShow {
    /// The stored presentation (`tpa:show`); `show` is its signal.
    stored: Synced<Show>,
    pub show: RwSignal<Show>,
    channel: StoredValue<Channel, LocalStorage>,
    /// This window, to break ties between changes made in the same millisecond.
    window: u32,
    /// The last change could not be stored (full or blocked storage): the room still sees it,
    /// but a reload would go back.
    pub unsaved: RwSignal<bool>,
}

impl LiveShow {
    /// Loads the stored presentation and joins the channel (call inside a page of present mode;
    /// the channel closes when the page goes). Without BroadcastChannel (very old browsers) the
    /// window still presents on its own.
    pub fn open() -> LiveShow {
        let stored = Synced::<Show>::open();
        let live = LiveShow {
            stored,
            show: stored.value,
            channel: StoredValue::new_local(None),
            window: random_u32(),
            unsaved: RwSignal::new(false),
        };
        // (Rendered at build time: no other windows.)
        if crate::web::rendering_at_build_time() {
            return live;
        }
        let Ok(channel) = web_sys::BroadcastChannel::new(CHANNEL) else {
            return live;
        };
        // Another window changed the presentation: take it if it is newer than ours.
        let on_message =
            Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
                let text = event.data().as_string().unwrap_or_default();
                if text == HELLO {
                    live.send();
                    return;
                }
                let theirs = serde_json::from_str::<Show>(&text).ok();
                if let Some(theirs) = theirs
                    && live
                        .show
                        .try_with_untracked(|ours| theirs.is_newer_than(ours))
                        == Some(true)
                {
                    live.show.set(theirs);
                }
            });
        channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        let _ = channel.post_message(&HELLO.into());
        live.channel.set_value(Some((channel, on_message)));
        on_cleanup(move || {
            live.channel.update_value(|open| {
                if let Some((channel, _handler)) = open.take() {
                    channel.set_onmessage(None);
                    channel.close();
                }
            });
        });
        live
    }

    /// Changes the presentation; if anything changed, it is stored and sent to other windows.
    pub fn update(&self, change: impl FnOnce(&mut Show)) {
        let mut next = self.show.get_untracked();
        let before = next.clone();
        change(&mut next);
        if next != before {
            self.replace(next);
        }
    }

    /// Puts a new presentation on screen in every window.
    pub fn replace(&self, mut next: Show) {
        next.touch(now_ms(), self.window);
        // Not stored? The room still sees the change; only a reload would go back.
        let stored = self.stored.save_latest(next.clone()).is_ok();
        self.unsaved.set(!stored);
        if !stored {
            self.show.set(next);
        }
        self.send();
    }

    /// Sends this window's presentation to the others (after a change, or to a new window).
    fn send(&self) {
        let Some(text) = self
            .show
            .try_with_untracked(|show| serde_json::to_string(show).ok())
            .flatten()
        else {
            return;
        };
        self.channel.with_value(|open| {
            if let Some((channel, _)) = open {
                let _ = channel.post_message(&text.into());
            }
        });
    }
}
