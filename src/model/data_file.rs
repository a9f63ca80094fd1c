//! "Everything I have stored" as one file: the format a person exports to keep a copy or move to
//! another device, and reads back in. Read here (size, kind, version, shape) before anything is
//! compared or stored; what each entry holds is checked by `storage::everything`, which knows
//! which type lives under which key.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::schema::Versioned;

/// Names the kind of file, so a card file or another app's file is recognised as not this.
pub const FORMAT: &str = "think-plan-act/data";
/// The layout this build writes and reads.
pub const FORMAT_VERSION: u32 = 1;
/// Larger files are refused before they are parsed. A browser keeps about 5 million characters
/// per site (10 MB as UTF-16), and exported JSON is a little larger than what is stored.
pub const MAX_FILE_BYTES: usize = 16_000_000;
/// More entries than any real use (a few hundred answers and cards) but bounded.
pub const MAX_ENTRIES: usize = 20_000;
/// One stored value larger than this is refused (an answer holds at most 100,000 characters).
pub const MAX_ENTRY_BYTES: usize = 1_000_000;
/// After this many answers or notes changed since the last export, My data and My reflections
/// mention (once, quietly) that a copy in a file would keep them safe.
pub const REMIND_AFTER_CHANGES: usize = 10;

/// The exported file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DataFile {
    pub format: String,
    pub version: u32,
    /// Milliseconds since 1970, when the file was made.
    #[serde(default)]
    pub exported_at: u64,
    /// Every readable stored value: its storage key → its stored form `{v, rev, data}`.
    #[serde(default)]
    pub entries: BTreeMap<String, Value>,
    /// Text the app could not read when exporting, and earlier backup copies, exactly as stored:
    /// in the file so that nothing is lost, never imported.
    #[serde(default)]
    pub copies: BTreeMap<String, String>,
}

impl DataFile {
    pub fn new(exported_at: u64) -> DataFile {
        DataFile {
            format: FORMAT.into(),
            version: FORMAT_VERSION,
            exported_at,
            entries: BTreeMap::new(),
            copies: BTreeMap::new(),
        }
    }

    /// Indented, so a person can read it too.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// Why a file cannot be read at all. Nothing is stored when any of these happens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    TooLarge {
        bytes: usize,
        max: usize,
    },
    /// Nothing in it.
    Empty,
    /// Not JSON (a photo, a document), or nested deeper than a parser should follow.
    Unreadable,
    /// Cut off before its end (an interrupted download or copy).
    Truncated,
    /// JSON, but not a data file of this app (a card file is named as such).
    NotDataFile {
        is_card_file: bool,
    },
    NewerVersion {
        found: u32,
        known: u32,
    },
    TooManyEntries {
        count: usize,
        max: usize,
    },
}

/// Reads an exported file. Entries are not checked here (see `storage::everything`).
pub fn parse(text: &str) -> Result<DataFile, FileError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge {
            bytes: text.len(),
            max: MAX_FILE_BYTES,
        });
    }
    let text = text.trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return Err(FileError::Empty);
    }
    // The header first: a newer file may not fit this build's shape and should say so.
    #[derive(Deserialize)]
    struct Header {
        format: Option<String>,
        version: Option<u32>,
    }
    let header: Header = match serde_json::from_str(text) {
        Ok(header) => header,
        // Valid JSON of another shape (a list, a number, a string): not a data file.
        Err(_) if serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok() => {
            return Err(FileError::NotDataFile {
                is_card_file: false,
            });
        }
        Err(e) => return Err(json_error(&e)),
    };
    match header.format.as_deref() {
        Some(FORMAT) => {}
        Some(super::card_exchange::FORMAT) => {
            return Err(FileError::NotDataFile { is_card_file: true });
        }
        _ => {
            return Err(FileError::NotDataFile {
                is_card_file: false,
            });
        }
    }
    let version = header.version.unwrap_or(0);
    if version > FORMAT_VERSION {
        return Err(FileError::NewerVersion {
            found: version,
            known: FORMAT_VERSION,
        });
    }
    let file: DataFile = serde_json::from_str(text).map_err(|e| json_error(&e))?;
    let count = file.entries.len() + file.copies.len();
    if count > MAX_ENTRIES {
        return Err(FileError::TooManyEntries {
            count,
            max: MAX_ENTRIES,
        });
    }
    Ok(file)
}

fn json_error(e: &serde_json::Error) -> FileError {
    if e.is_eof() {
        FileError::Truncated
    } else {
        FileError::Unreadable
    }
}

/// When the person last exported, and when they last said "not now" to the reminder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ExportMark {
    pub exported_at: u64,
    pub reminder_dismissed_at: u64,
}

impl Versioned for ExportMark {
    const VERSION: u32 = 1;
}

impl ExportMark {
    /// The mark after a copy was saved at `now_ms`.
    pub fn exported(self, now_ms: u64) -> ExportMark {
        ExportMark {
            exported_at: now_ms,
            ..self
        }
    }

    /// The mark after "Not now" at `now_ms`.
    pub fn dismissed(self, now_ms: u64) -> ExportMark {
        ExportMark {
            reminder_dismissed_at: now_ms,
            ..self
        }
    }

    /// Whether to mention exporting: enough writing (`changed_at`: when each answer or note last
    /// changed) since the last export or the last "not now". Never more than that: no nagging.
    pub fn reminder_due(&self, changed_at: impl IntoIterator<Item = u64>) -> bool {
        let since = self.exported_at.max(self.reminder_dismissed_at);
        changed_at.into_iter().filter(|at| *at > since).count() >= REMIND_AFTER_CHANGES
    }
}

/// A key read from a file, shortened for display (a hostile file may carry any text as a key).
pub fn short_key(key: &str) -> String {
    let short: String = key.chars().take(60).collect();
    if short.len() < key.len() {
        format!("{short}…")
    } else {
        short
    }
}

/// A file name with the date, e.g. `think-plan-act-data-2026-12-01.json`.
pub fn file_name(date_iso: &str) -> String {
    format!("think-plan-act-data-{date_iso}.json")
}

/// The name of a copy locked with a passphrase (a sealed envelope around the file's text).
pub fn locked_file_name(date_iso: &str) -> String {
    format!("think-plan-act-data-{date_iso}-locked.json")
}

/// A size for people: `900 B`, `12 kB`, `4.8 MB`; in Russian `900 Б`, `12 КБ`, `4,8 МБ` (1 kB =
/// 1,000 bytes, as browsers count quota).
pub fn size_words(bytes: f64, lang: crate::content::Lang) -> String {
    use crate::content::Lang;
    let (b, kb, mb, gb, point) = match lang {
        Lang::En => ("B", "kB", "MB", "GB", "."),
        Lang::Ru => ("Б", "КБ", "МБ", "ГБ", ","),
    };
    let bytes = bytes.max(0.0);
    if bytes < 1_000.0 {
        format!("{} {b}", bytes.round() as u64)
    } else if bytes < 1_000_000.0 {
        format!("{} {kb}", (bytes / 1_000.0).round().max(1.0) as u64)
    } else if bytes < 10_000_000_000.0 {
        let tenths = (bytes / 100_000.0).round() as u64;
        match tenths % 10 {
            0 => format!("{} {mb}", tenths / 10),
            t => format!("{}{point}{t} {mb}", tenths / 10),
        }
    } else {
        format!("{} {gb}", (bytes / 1_000_000_000.0).round() as u64)
    }
}

// Native only: proptest is a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
