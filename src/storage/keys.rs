//! The names of everything in localStorage: `tpa:<name>`.
//!
//! A fixed key holds one value (`tpa:settings`). A collection holds many small items, one key
//! each (`tpa:answer:<id>`), so writing one answer rewrites only that answer. Listing a collection
//! scans the key names (no separate index to keep in step).

/// Every key the app writes starts with this.
pub const PREFIX: &str = "tpa:";
/// Copies of unreadable text: `tpa:backup:<key name>:<milliseconds since 1970>`.
pub const BACKUP_PREFIX: &str = "tpa:backup:";
/// Shared-device mode's marker: `"1"` in this tab's sessionStorage (this tab keeps nothing
/// after it closes), and also in localStorage if the person asked for every new tab to start that
/// way. The one value that is not an envelope: it is read to decide which storage to open, before
/// any value is read through a store. Not data: never exported or imported.
pub const SHARED_DEVICE_FLAG: &str = "tpa:shared-device";
/// The passphrase lock (`storage::lock`): its idle time and a check text sealed under its key.
/// Not data either: never exported, imported or counted; erasing everything removes it.
pub const LOCK_KEY: &str = "tpa:lock";

/// A family of stored items that share a key prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Collection {
    /// One written answer of the THINK journey (and, later, of other reflections).
    Answer,
    /// One list of named gender norms (one per round of the exercise).
    Norms,
    /// The aims a person chose in one round ("What do you want to achieve?").
    Aims,
    /// A person's note on one scenario card, under the card's id.
    CardNote,
    /// A scenario card a person wrote or adapted (`my-…`).
    CustomCard,
    /// A facilitator's session plan (`plan-…`).
    Agenda,
}

impl Collection {
    pub const ALL: [Collection; 6] = [
        Collection::Answer,
        Collection::Norms,
        Collection::Aims,
        Collection::CardNote,
        Collection::CustomCard,
        Collection::Agenda,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Collection::Answer => "answer",
            Collection::Norms => "norms",
            Collection::Aims => "aims",
            Collection::CardNote => "note",
            Collection::CustomCard => "card",
            Collection::Agenda => "agenda",
        }
    }

    fn from_name(name: &str) -> Option<Collection> {
        Collection::ALL.into_iter().find(|c| c.name() == name)
    }
}

/// The id of one item: 1 to 64 of `a-z 0-9 _ . -`. Ids come from the app (content ids, round
/// numbers), never from what a person types, so a key can always be read back unambiguously.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ItemId(String);

impl ItemId {
    pub const MAX_LEN: usize = 64;

    pub fn new(id: &str) -> Option<ItemId> {
        let ok = !id.is_empty()
            && id.len() <= Self::MAX_LEN
            && id
                .bytes()
                .all(|b| matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'_' | b'.' | b'-'));
        ok.then(|| ItemId(id.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Where one value lives.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Key {
    Settings,
    /// The THINK journey's position (step on screen, one page or step by step).
    Journey,
    /// The THINK exercise's rounds (which one is current, when each began).
    Rounds,
    /// The thematic areas a person added for their own cards.
    CustomAreas,
    /// What present mode shows now (shared by the audience and presenter windows).
    Show,
    /// The facilitator's list of local support services.
    SupportServices,
    /// When everything was last exported to a file (for a gentle reminder, never a nag).
    ExportMark,
    Item(Collection, ItemId),
}

impl Key {
    /// The part after the prefix: `settings`, `answer:1.norms`.
    pub fn name(&self) -> String {
        match self {
            Key::Settings => "settings".into(),
            Key::Journey => "journey".into(),
            Key::Rounds => "rounds".into(),
            Key::CustomAreas => "areas".into(),
            Key::Show => "show".into(),
            Key::SupportServices => "services".into(),
            Key::ExportMark => "exported".into(),
            Key::Item(collection, id) => format!("{}:{}", collection.name(), id.as_str()),
        }
    }

    pub fn storage_key(&self) -> String {
        format!("{PREFIX}{}", self.name())
    }

    /// The key behind a raw localStorage key, e.g. from a `storage` event of another tab.
    /// Backups and foreign keys give `None`.
    pub fn from_storage_key(raw: &str) -> Option<Key> {
        let name = raw.strip_prefix(PREFIX)?;
        match name {
            "settings" => Some(Key::Settings),
            "journey" => Some(Key::Journey),
            "rounds" => Some(Key::Rounds),
            "areas" => Some(Key::CustomAreas),
            "show" => Some(Key::Show),
            "services" => Some(Key::SupportServices),
            "exported" => Some(Key::ExportMark),
            _ => {
                let (collection, id) = name.split_once(':')?;
                Some(Key::Item(
                    Collection::from_name(collection)?,
                    ItemId::new(id)?,
                ))
            }
        }
    }

    /// The collection-wide prefix: `tpa:answer:`.
    pub fn collection_prefix(collection: Collection) -> String {
        format!("{PREFIX}{}:", collection.name())
    }
}
