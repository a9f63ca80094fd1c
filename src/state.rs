//! App state in context, and the bridge between signals and the storage module.
//!
//! Components read and change state through these context types; only this file and
//! `storage/` know that localStorage exists. Context values are newtypes, so
//! `expect_context::<Notices>()` cannot pick up the wrong signal.

use leptos::prelude::*;

use crate::content::{Lang, deck};
use crate::model::custom_cards::{CustomAreas, CustomCard};
use crate::model::deck::FullDeck;
use crate::model::settings::Settings;
use crate::storage::{
    self, ItemId, LoadProblem, Loaded, SaveError, StoreError, Stored, StoredItem,
    browser::LocalStore,
};
use crate::web::now_ms;

/// Stored values that could not be read, newest last, each shown with a way to download it.
#[derive(Clone, Copy)]
pub struct Notices(pub RwSignal<Vec<LoadProblem>>);

impl Notices {
    fn push(&self, problem: LoadProblem) {
        // Reloading the same unreadable text gives an equal problem (its backup is reused).
        self.0.update(|all| {
            if !all.contains(&problem) {
                all.push(problem);
            }
        });
    }
}

/// Whether localStorage could be opened at start. When it can't, the app runs in memory.
#[derive(Clone, Copy)]
pub struct StorageAvailable(pub bool);

/// One stored value kept in a signal, with the revision it was loaded or saved at.
pub struct Synced<T: Send + Sync + 'static> {
    pub value: RwSignal<T>,
    rev: RwSignal<u64>,
    notices: Notices,
}

impl<T: Send + Sync + 'static> Clone for Synced<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for Synced<T> {}

impl<T: Stored + Send + Sync + 'static> Synced<T> {
    /// Loads the value for a page that needs it (call inside the app's providers).
    pub fn open() -> Self {
        Self::new(expect_context::<Notices>())
    }

    fn new(notices: Notices) -> Self {
        let synced = Synced {
            value: RwSignal::new(T::default()),
            rev: RwSignal::new(0),
            notices,
        };
        synced.reload();
        synced
    }

    /// Reads the stored value again (at start, and when another tab changed it).
    pub fn reload(&self) {
        let Ok(store) = LocalStore::open() else {
            return;
        };
        // An error means storage vanished: keep what is in memory.
        if let Ok(loaded) = storage::load::<T>(&store, now_ms()) {
            take_loaded(loaded, self.value, self.rev, self.notices);
        }
    }

    /// Saves a new value. On success the signal holds it; on failure the stored data is unchanged
    /// and the caller keeps what the person typed on screen.
    pub fn save(&self, value: T) -> Result<(), SaveError> {
        let result = save_through(self.value, self.rev, value, |store, value, rev| {
            storage::save(store, value, rev, now_ms())
        });
        if let Err(SaveError::Conflict { .. }) = result {
            // A form with a Save button: show the other tab's value; the person saves again.
            self.reload();
        }
        result
    }

    /// Saves a value whose newest version simply wins, whatever another tab saved meanwhile
    /// (present mode's show: see [`storage::save_latest`]).
    pub fn save_latest(&self, value: T) -> Result<(), SaveError> {
        save_through(self.value, self.rev, value, |store, value, _| {
            storage::save_latest(store, value, now_ms())
        })
    }

    /// [`Self::save_latest`] for bookkeeping (the date of the last export): if the browser
    /// refuses, the value still holds for this visit, and nothing else needs saying.
    pub fn save_latest_or_hold(&self, value: T)
    where
        T: Clone,
    {
        if self.save_latest(value.clone()).is_err() {
            self.value.set(value);
        }
    }

    /// Takes the newer value another tab stores under this key, for as long as the calling
    /// component lives (instead of overwriting it later).
    pub fn follow_other_tabs(self) -> Self {
        crate::web::listen_while_alive(leptos::ev::storage, move |event| {
            if event.key().and_then(|k| storage::Key::from_storage_key(&k)) == Some(T::KEY) {
                self.reload();
            }
        });
        self
    }
}

/// One item of a collection (an answer, a norm list) kept in a signal, with its revision.
/// Saving writes that item's key only.
pub struct SyncedItem<T: Send + Sync + 'static> {
    id: StoredValue<ItemId>,
    pub value: RwSignal<T>,
    rev: RwSignal<u64>,
    // Taken at creation: event handlers run outside the component, where context is not found.
    notices: Notices,
}

impl<T: Send + Sync + 'static> Clone for SyncedItem<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for SyncedItem<T> {}

impl<T: StoredItem + Clone + Send + Sync + 'static> SyncedItem<T> {
    /// Loads the item (its default when absent). Unreadable text is backed up and reported.
    pub fn open(id: ItemId) -> Self {
        let item = SyncedItem {
            id: StoredValue::new(id),
            value: RwSignal::new(T::default()),
            rev: RwSignal::new(0),
            notices: expect_context::<Notices>(),
        };
        item.reload();
        item
    }

    pub fn reload(&self) {
        let Ok(store) = LocalStore::open() else {
            return;
        };
        if let Ok(loaded) = storage::load_item::<T>(&store, &self.id.get_value(), now_ms()) {
            take_loaded(loaded, self.value, self.rev, self.notices);
        }
    }

    /// Saves a new value; on failure the stored data is unchanged and the caller keeps the text.
    pub fn save(&self, value: T) -> Result<(), SaveError> {
        let id = self.id.get_value();
        let result = save_through(self.value, self.rev, value, |store, value, rev| {
            storage::save_item(store, &id, value, rev, now_ms())
        });
        if let (Err(SaveError::Conflict { .. }), Ok(store)) = (&result, LocalStore::open()) {
            // Autosaved text: another tab saved this item meanwhile. What is on screen here wins on
            // the next save, but only once the other version is kept as a backup copy; if no copy
            // can be made, the revision stays old and every save here is refused.
            if storage::backup_item::<T>(&store, &id, now_ms()).is_ok()
                && let Ok(loaded) = storage::load_item::<T>(&store, &id, now_ms())
            {
                self.rev.set(loaded.rev);
            }
        }
        result
    }

    /// The localStorage key of this item, to recognise `storage` events from other tabs.
    pub fn storage_key(&self) -> String {
        storage::Key::Item(T::COLLECTION, self.id.get_value()).storage_key()
    }

    /// Deletes the stored item (text this build cannot read is backed up first).
    pub fn remove(&self) -> Result<(), StoreError> {
        let store = LocalStore::open()?;
        storage::remove_item::<T>(&store, &self.id.get_value(), now_ms())?;
        self.rev.set(0);
        Ok(())
    }
}

/// Every stored item of a collection with its value; unreadable ones are reported and skipped.
pub fn load_collection<T: StoredItem>() -> Vec<(ItemId, T)> {
    let Ok(store) = LocalStore::open() else {
        return Vec::new();
    };
    let notices = expect_context::<Notices>();
    let ids = storage::list_items(&store, T::COLLECTION).unwrap_or_default();
    ids.into_iter()
        .filter_map(|id| {
            let loaded = storage::load_item::<T>(&store, &id, now_ms()).ok()?;
            if let Some(problem) = loaded.problem {
                notices.push(problem);
                return None;
            }
            Some((id, loaded.value))
        })
        .collect()
}

/// The deck with the person's own cards and areas, as stored now.
pub fn load_full_deck() -> FullDeck {
    let own = load_collection::<CustomCard>()
        .into_iter()
        .map(|(id, mut card)| {
            // The key names the card: a stored copy that says otherwise cannot move it.
            card.id = id.as_str().to_string();
            card
        })
        .collect();
    let areas = Synced::<CustomAreas>::open().value.get_untracked();
    FullDeck::new(deck(crate::current_lang()), own, areas)
}

/// Saves several items at once (an import): all of them, or none and an error.
pub fn save_all_or_nothing<T: StoredItem>(items: &[(ItemId, T)]) -> Result<(), SaveError> {
    let store = LocalStore::open()?;
    storage::save_items_all_or_nothing(&store, items, now_ms())
}

/// The language to start in: the one chosen in the switcher (kept in the settings), else the
/// browser's (`model::language::first_choice`).
pub fn start_language() -> Lang {
    let chosen = LocalStore::open()
        .ok()
        .and_then(|store| storage::load::<Settings>(&store, now_ms()).ok())
        .and_then(|loaded| loaded.value.language);
    crate::model::language::first_choice(chosen.as_deref(), &crate::web::browser_languages())
}

/// Keeps the language chosen in the switcher among the settings; false if storage refused.
/// In a chunk of its own (`#[lazy]`): nothing else in the first download saves settings, and
/// a language is chosen rarely, so every visitor would pay for the saving code otherwise.
#[leptos::lazy]
pub fn keep_language(code: String) -> bool {
    let Ok(store) = LocalStore::open() else {
        return false;
    };
    let Ok(loaded) = storage::load::<Settings>(&store, now_ms()) else {
        return false;
    };
    let settings = Settings {
        language: Some(code),
        ..loaded.value
    };
    storage::save_latest(&store, &settings, now_ms()).is_ok()
}

/// Loads everything from storage and provides it as context. Call once, inside the i18n provider.
pub fn provide_app_state() {
    let notices = Notices(RwSignal::new(Vec::new()));
    provide_context(notices);
    // (At build time there is no storage, yet the page is rendered as if there were.)
    provide_context(StorageAvailable(
        !cfg!(target_arch = "wasm32") || LocalStore::open().is_ok(),
    ));
    let settings = Synced::<Settings>::new(notices);
    provide_context(settings);
    // One listener for the app's lifetime (a second one would cost the first download bytes):
    // - settings changed in another tab are taken here;
    // - another tab turned the lock on: this page loads afresh, and a page that shows what a
    //   person wrote gives way to the unlock page (see `leave_if_locked`). A tab whose lock is
    //   open follows changes to the lock in `lock_session`.
    crate::web::listen_while_alive(leptos::ev::storage, move |event| {
        let Some(key) = event.key() else {
            return;
        };
        if key == storage::LOCK_KEY && crate::storage::browser::lock_closed() {
            // "": this very address, query included (the first download has no `reload`).
            crate::web::load_afresh("");
        } else if storage::Key::from_storage_key(&key) == Some(Settings::KEY) {
            settings.reload();
        }
    });
}

/// While the lock is closed, a page that shows what a person wrote gives way to the unlock
/// page (a fresh load, which returns here afterwards). Returns whether it did. Every page but
/// home (which reads nothing written) is loaded lazily, and each calls this first, so no page
/// reads sealed values even for a moment (the store refuses them meanwhile too). Not called
/// from the first download: it would cost every visitor bytes for what only locked ones need.
pub fn leave_if_locked() -> bool {
    let here = crate::web::current_address();
    let (path, search) = here.split_once('?').unwrap_or((&here, ""));
    leave_if_locked_at(path, search)
}

/// [`leave_if_locked`] for the address the router is about to show (its `pathname` and its
/// query without `?`): in-app links change the address bar only after the page is built.
pub fn leave_if_locked_at(path: &str, search: &str) -> bool {
    use crate::model::pages::{open_while_locked, split_language, unlock_address};
    // The page's own path: the language in front of it names no page (`/ru/think` → `/think`).
    let (_, path) = split_language(path);
    let leave = crate::storage::browser::lock_closed() && !open_while_locked(path);
    if leave {
        let here = if search.is_empty() {
            path.to_string()
        } else {
            format!("{path}?{search}")
        };
        crate::web::load_afresh(&crate::at(&unlock_address(&here)));
    }
    leave
}

/// Puts a loaded value into the signals, reporting unreadable text. Shared by both kinds.
fn take_loaded<T: Send + Sync + 'static>(
    loaded: Loaded<T>,
    value: RwSignal<T>,
    rev: RwSignal<u64>,
    notices: Notices,
) {
    if let Some(problem) = loaded.problem {
        notices.push(problem);
    }
    value.set(loaded.value);
    rev.set(loaded.rev);
}

/// Saves through `write` (given the store, the value and the base revision). On success the
/// signals hold the new value and revision; when storage is blocked the value still works for
/// this tab; on any other error nothing changes (the caller decides what a conflict means).
fn save_through<T: Send + Sync + 'static>(
    value: RwSignal<T>,
    rev: RwSignal<u64>,
    new: T,
    write: impl FnOnce(&LocalStore, &T, u64) -> Result<u64, SaveError>,
) -> Result<(), SaveError> {
    let store = match LocalStore::open() {
        Ok(store) => store,
        Err(e) => {
            value.set(new);
            return Err(SaveError::Store(e));
        }
    };
    let new_rev = write(&store, &new, rev.get_untracked())?;
    rev.set(new_rev);
    value.set(new);
    Ok(())
}

/// Everything stored at once, for "My data" (see `storage::everything`). Each call opens the
/// store: a blocked storage gives an error the page can put into words. These run in event
/// handlers, where context cannot be looked up: the page reloads its own `Synced` values.
pub mod everything {
    use crate::model::data_file::DataFile;
    use crate::storage::everything::{self as all, ImportMode, ImportPlan, Imported, Summary};
    use crate::storage::{SaveError, StoreError, browser::LocalStore};
    use crate::web::now_ms;

    pub fn summary() -> Result<Summary, StoreError> {
        all::summary(&LocalStore::open()?)
    }

    /// The file of everything stored now.
    pub fn export() -> Result<DataFile, StoreError> {
        all::export(&LocalStore::open()?, now_ms())
    }

    pub fn plan_import(file: &DataFile) -> Result<ImportPlan, StoreError> {
        all::plan_import(&LocalStore::open()?, file)
    }

    /// Stores a planned import, all or nothing.
    pub fn apply_import(plan: &ImportPlan, mode: ImportMode) -> Result<Imported, SaveError> {
        all::apply_import(&LocalStore::open()?, plan, mode, now_ms())
    }

    /// Removes everything the app stored in this browser, the passphrase lock too (this tab's
    /// key goes with it).
    pub fn erase() -> Result<usize, StoreError> {
        let erased = all::erase(&LocalStore::open()?)?;
        crate::storage::browser::close_lock();
        Ok(erased)
    }
}

/// Shared-device mode ("keep nothing after this tab closes"), on the real stores (the rules are
/// `storage::shared_device`). Switching reloads the page, so every value is read again from the
/// storage now in use.
pub mod shared_device {
    use crate::storage::everything::Imported;
    use crate::storage::shared_device as rules;
    use crate::storage::{SaveError, StoreError, browser::LocalStore};
    use crate::web::now_ms;

    pub fn start(remember: bool) -> Result<(), StoreError> {
        rules::start(&LocalStore::device()?, &LocalStore::tab()?, remember)
    }

    /// Whether new tabs start in the mode.
    pub fn remembered() -> bool {
        LocalStore::device().is_ok_and(|d| rules::remembered(&d))
    }

    pub fn remember(on: bool) -> Result<(), StoreError> {
        rules::remember(&LocalStore::device()?, on)
    }

    pub fn stop(keep: bool) -> Result<Imported, SaveError> {
        rules::stop(&LocalStore::device()?, &LocalStore::tab()?, keep, now_ms())
    }
}
