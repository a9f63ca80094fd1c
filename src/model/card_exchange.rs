//! Sharing custom cards without a server: a versioned JSON file, a CSV file for spreadsheets,
//! and a link that carries a small deck in its fragment (the part after `#`, which browsers
//! never send to a server). Everything read from outside is checked here before anything is
//! stored; an import first shows what is new, changed or identical and never overwrites silently.

use serde::{Deserialize, Serialize};

use super::custom_cards::{
    AREA_ID_PREFIX, CardProblem, CustomArea, CustomAreas, CustomCard, MAX_AREA_NAME_CHARS,
    MAX_AREAS, new_area_id, new_card_id,
};
use super::deck::encode_component;

/// Names the kind of file, so a file of another app (or another kind) is recognised.
pub const FORMAT: &str = "think-plan-act/cards";
/// The version of the file layout this build writes and reads (older ones are migrated here).
pub const FORMAT_VERSION: u32 = 1;
/// Larger files are refused before they are read: 2 MB holds hundreds of cards.
pub const MAX_IMPORT_BYTES: usize = 2_000_000;
pub const MAX_IMPORT_CARDS: usize = 500;
/// The longest fragment a share link may carry: messengers and browsers handle this safely.
pub const MAX_LINK_CHARS: usize = 8_000;
/// The fragment of a share link starts with this.
pub const LINK_PREFIX: &str = "cards=";

/// A file of cards (and the custom areas they use), as exported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardFile {
    pub format: String,
    pub version: u32,
    #[serde(default)]
    pub areas: Vec<CustomArea>,
    pub cards: Vec<CustomCard>,
}

/// Why a file or link could not be imported. Nothing is stored when any of these happens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    TooLarge {
        bytes: usize,
        max: usize,
    },
    /// Not JSON or CSV of cards at all (a photo, a document, a damaged file).
    Unreadable(String),
    /// JSON, but not a card file of this app.
    NotCards,
    /// Made by a newer version of the app.
    NewerVersion {
        found: u32,
        known: u32,
    },
    TooManyCards {
        count: usize,
        max: usize,
    },
    NoCards,
    /// Card number `index` (from 1) is not usable.
    BadCard {
        index: usize,
        problem: CardProblem,
    },
    BadArea {
        index: usize,
    },
    /// A share link that was cut off when it was copied.
    Truncated,
}

/// How many characters a share link for these cards would need, when it is too many.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LinkTooLarge {
    pub chars: usize,
    pub max: usize,
}

pub fn card_file(areas: &[CustomArea], cards: &[CustomCard]) -> CardFile {
    // Only the areas these cards use travel with them.
    let used = areas
        .iter()
        .filter(|a| cards.iter().any(|c| c.area == a.id))
        .cloned()
        .collect();
    CardFile {
        format: FORMAT.into(),
        version: FORMAT_VERSION,
        areas: used,
        cards: cards.to_vec(),
    }
}

/// The JSON file: indented, so a person can read it too.
pub fn to_json(file: &CardFile) -> String {
    serde_json::to_string_pretty(file).unwrap_or_default()
}

/// Reads a JSON card file. `known_areas` are the area ids cards may use besides the file's own.
pub fn from_json(text: &str, known_areas: &[&str]) -> Result<CardFile, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge {
            bytes: text.len(),
            max: MAX_IMPORT_BYTES,
        });
    }
    // The header first: a newer file may not fit this build's shape, and should say so.
    #[derive(Deserialize)]
    struct Header {
        format: Option<String>,
        version: Option<u32>,
    }
    let text = text.trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return Err(ImportError::NoCards);
    }
    let header: Header = serde_json::from_str(text).map_err(|e| match json_error(e) {
        // Valid JSON of another shape (a list, a number): not a card file.
        ImportError::Unreadable(_)
            if !text.trim().is_empty()
                && serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok() =>
        {
            ImportError::NotCards
        }
        other => other,
    })?;
    if header.format.as_deref() != Some(FORMAT) {
        return Err(ImportError::NotCards);
    }
    let version = header.version.unwrap_or(0);
    if version > FORMAT_VERSION {
        return Err(ImportError::NewerVersion {
            found: version,
            known: FORMAT_VERSION,
        });
    }
    let file: CardFile = serde_json::from_str(text).map_err(json_error)?;
    check_file(file, known_areas)
}

fn json_error(e: serde_json::Error) -> ImportError {
    if e.is_eof() {
        ImportError::Truncated
    } else {
        ImportError::Unreadable(e.to_string())
    }
}

/// Checks every area and card of a file read from outside.
fn check_file(file: CardFile, known_areas: &[&str]) -> Result<CardFile, ImportError> {
    if file.cards.len() > MAX_IMPORT_CARDS {
        return Err(ImportError::TooManyCards {
            count: file.cards.len(),
            max: MAX_IMPORT_CARDS,
        });
    }
    if file.cards.is_empty() {
        return Err(ImportError::NoCards);
    }
    if file.areas.len() > MAX_AREAS {
        return Err(ImportError::BadArea {
            index: MAX_AREAS + 1,
        });
    }
    for (i, area) in file.areas.iter().enumerate() {
        let ok = area.id.starts_with(AREA_ID_PREFIX)
            && crate::storage::ItemId::new(&area.id).is_some()
            && !area.name.trim().is_empty()
            && area.name.chars().count() <= MAX_AREA_NAME_CHARS;
        if !ok {
            return Err(ImportError::BadArea { index: i + 1 });
        }
    }
    let mut areas: Vec<&str> = known_areas.to_vec();
    areas.extend(file.areas.iter().map(|a| a.id.as_str()));
    for (i, card) in file.cards.iter().enumerate() {
        card.check(&areas).map_err(|problem| ImportError::BadCard {
            index: i + 1,
            problem,
        })?;
    }
    // The same id twice would make one card silently replace the other.
    let mut ids: Vec<&str> = file.cards.iter().map(|c| c.id.as_str()).collect();
    ids.sort_unstable();
    if let Some(pair) = ids.windows(2).find(|w| w[0] == w[1]) {
        let index = file
            .cards
            .iter()
            .rposition(|c| c.id == pair[0])
            .unwrap_or(0);
        return Err(ImportError::BadCard {
            index: index + 1,
            problem: CardProblem::BadId,
        });
    }
    Ok(file)
}

// ---- CSV ----

/// The CSV columns, in the order written. On import the order may differ; `topic` and
/// `questions` are required, the rest optional.
pub const CSV_COLUMNS: [&str; 8] = [
    "id",
    "theme",
    "topic",
    "example",
    "questions",
    "content_note",
    "language",
    "based_on",
];

/// A CSV file for spreadsheets: UTF-8 with a byte order mark (so Excel shows Cyrillic), CRLF
/// line ends, one card per row, questions one per line inside their cell. `area_name` gives
/// the name written in the `theme` column.
pub fn to_csv(file: &CardFile, area_name: impl Fn(&str) -> String) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&CSV_COLUMNS.join(","));
    out.push_str("\r\n");
    for card in &file.cards {
        let row = [
            card.id.clone(),
            area_name(&card.area),
            card.topic.clone(),
            card.example.clone(),
            card.questions.join("\n"),
            card.content_note.clone(),
            card.lang.clone(),
            card.based_on.clone().unwrap_or_default(),
        ];
        let cells: Vec<String> = row.iter().map(|c| csv_cell(c)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// One cell, quoted when needed. A cell that a spreadsheet would run as a formula (`=`, `+`,
/// `-`, `@` first) gets a leading apostrophe, which spreadsheets hide and the import removes.
fn csv_cell(text: &str) -> String {
    let guarded = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

fn uncell(text: &str) -> String {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest.to_string(),
        _ => text.to_string(),
    }
}

/// Splits CSV text into rows of cells (RFC 4180: quoted cells may hold commas, quotes and
/// line breaks). Semicolons separate cells instead when the header uses them (Excel in many
/// European locales saves CSV that way).
pub fn parse_csv(text: &str) -> Result<Vec<Vec<String>>, ImportError> {
    let text = text.trim_start_matches('\u{feff}');
    let first_line = text.lines().next().unwrap_or_default();
    let separator = if !first_line.contains(',') && first_line.contains(';') {
        ';'
    } else {
        ','
    };
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    cell.push('"');
                    chars.next();
                }
                '"' => quoted = false,
                _ => cell.push(c),
            }
            continue;
        }
        match c {
            '"' if cell.is_empty() => quoted = true,
            c if c == separator => row.push(std::mem::take(&mut cell)),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            _ => cell.push(c),
        }
    }
    if quoted {
        return Err(ImportError::Unreadable(
            "a quoted cell is not closed".into(),
        ));
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        rows.push(row);
    }
    // Blank lines (often at the end) are not cards.
    rows.retain(|r| r.iter().any(|c| !c.trim().is_empty()));
    Ok(rows)
}

/// Reads a CSV card file. Themes are matched by name (or id) to `areas` (id, name) — the
/// guidance's and the person's own; an unknown theme name becomes a new area. Rows without an
/// id (cards written in a spreadsheet) get a new one.
pub fn from_csv(
    text: &str,
    areas: &[(&str, &str)],
    now_ms: u64,
    lang: &str,
) -> Result<CardFile, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge {
            bytes: text.len(),
            max: MAX_IMPORT_BYTES,
        });
    }
    let rows = parse_csv(text)?;
    let Some((header, body)) = rows.split_first() else {
        return Err(ImportError::NoCards);
    };
    let column = |name: &str| {
        header
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
    };
    let (Some(topic_col), Some(questions_col)) = (column("topic"), column("questions")) else {
        return Err(ImportError::NotCards);
    };
    if body.len() > MAX_IMPORT_CARDS {
        return Err(ImportError::TooManyCards {
            count: body.len(),
            max: MAX_IMPORT_CARDS,
        });
    }
    let cell = |row: &[String], col: Option<usize>| {
        col.and_then(|c| row.get(c))
            .map(|c| uncell(c))
            .unwrap_or_default()
    };
    let mut new_areas: Vec<CustomArea> = Vec::new();
    let mut cards = Vec::new();
    for (i, row) in body.iter().enumerate() {
        let theme = cell(row, column("theme"));
        let theme = theme.trim();
        let known = areas
            .iter()
            .find(|(id, name)| *id == theme || name.to_lowercase() == theme.to_lowercase())
            .map(|(id, _)| id.to_string())
            .or_else(|| {
                new_areas
                    .iter()
                    .find(|a| a.name.to_lowercase() == theme.to_lowercase())
                    .map(|a| a.id.clone())
            });
        let area = match known {
            Some(id) => id,
            None if theme.is_empty() => String::new(),
            None => {
                let id = new_area_id(now_ms, new_areas.len() as u32);
                new_areas.push(CustomArea {
                    id: id.clone(),
                    name: theme.to_string(),
                });
                id
            }
        };
        let id = cell(row, column("id"));
        let based_on = cell(row, column("based_on"));
        let language = cell(row, column("language"));
        cards.push(CustomCard {
            id: if id.trim().is_empty() {
                new_card_id(now_ms, i as u32)
            } else {
                id.trim().to_string()
            },
            area,
            topic: cell(row, Some(topic_col)).trim().to_string(),
            example: cell(row, column("example")).trim().to_string(),
            questions: super::custom_cards::questions_from_lines(&cell(row, Some(questions_col))),
            content_note: cell(row, column("content_note")).trim().to_string(),
            lang: if language.trim().is_empty() {
                lang.to_string()
            } else {
                language.trim().to_string()
            },
            based_on: (!based_on.trim().is_empty()).then(|| based_on.trim().to_string()),
            updated_at: now_ms,
        });
    }
    let known: Vec<&str> = areas.iter().map(|(id, _)| *id).collect();
    check_file(
        CardFile {
            format: FORMAT.into(),
            version: FORMAT_VERSION,
            areas: new_areas,
            cards,
        },
        &known,
    )
}

/// Reads a picked file as JSON or CSV: by its name, else by its first character (`{`).
/// `areas` are every area id with its name (the guidance's and the person's own).
pub fn read_card_file(
    name: &str,
    text: &str,
    areas: &[(String, String)],
    now_ms: u64,
    lang: &str,
) -> Result<CardFile, ImportError> {
    let name = name.to_lowercase();
    let looks_json = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('{');
    if name.ends_with(".json") || (!name.ends_with(".csv") && looks_json) {
        let ids: Vec<&str> = areas.iter().map(|(id, _)| id.as_str()).collect();
        from_json(text, &ids)
    } else {
        let named: Vec<(&str, &str)> = areas
            .iter()
            .map(|(i, n)| (i.as_str(), n.as_str()))
            .collect();
        from_csv(text, &named, now_ms, lang)
    }
}

// ---- Share links ----

/// The fragment of a share link (`cards=…`), or how long it would be when it is too long.
pub fn to_link_fragment(file: &CardFile) -> Result<String, LinkTooLarge> {
    let json = serde_json::to_string(file).unwrap_or_default();
    let fragment = format!("{LINK_PREFIX}{}", encode_component(&json));
    let chars = fragment.len();
    if chars > MAX_LINK_CHARS {
        Err(LinkTooLarge {
            chars,
            max: MAX_LINK_CHARS,
        })
    } else {
        Ok(fragment)
    }
}

/// Reads the fragment of a share link (with or without its `#`).
pub fn from_link_fragment(fragment: &str, known_areas: &[&str]) -> Result<CardFile, ImportError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.len() > MAX_LINK_CHARS * 2 {
        return Err(ImportError::TooLarge {
            bytes: fragment.len(),
            max: MAX_LINK_CHARS,
        });
    }
    let Some(encoded) = fragment.strip_prefix(LINK_PREFIX) else {
        return Err(ImportError::NotCards);
    };
    let json = decode_component(encoded).ok_or(ImportError::Truncated)?;
    from_json(&json, known_areas)
}

/// Undoes [`encode_component`]; `None` for a broken escape (a link cut in the middle of one).
pub fn decode_component(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

// ---- Preview and merge ----

/// What an imported card is, compared with the cards already here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Incoming {
    New,
    /// A card with this id exists here with other content.
    Changed,
    Identical,
}

/// An import, before anything is stored: each card with what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preview {
    pub cards: Vec<(CustomCard, Incoming)>,
    /// Areas of the file that are not here yet (same-named ones are used instead).
    pub new_areas: Vec<CustomArea>,
}

impl Preview {
    pub fn count(&self, kind: Incoming) -> usize {
        self.cards.iter().filter(|(_, k)| *k == kind).count()
    }

    /// The cards to store: new ones, and changed ones only when the person said to replace.
    pub fn to_store(&self, replace_changed: bool) -> Vec<CustomCard> {
        self.cards
            .iter()
            .filter(|(_, kind)| match kind {
                Incoming::New => true,
                Incoming::Changed => replace_changed,
                Incoming::Identical => false,
            })
            .map(|(card, _)| card.clone())
            .collect()
    }
}

/// Compares an imported file with what is here. `named_areas` are the guidance's areas (id,
/// name): a file's area with the same name as one here is merged into it.
pub fn preview(
    file: CardFile,
    existing: &[CustomCard],
    areas_here: &CustomAreas,
    named_areas: &[(&str, &str)],
) -> Preview {
    let same_name = |name: &str| {
        let lower = name.trim().to_lowercase();
        named_areas
            .iter()
            .map(|(id, n)| (id.to_string(), n.to_string()))
            .chain(
                areas_here
                    .areas
                    .iter()
                    .map(|a| (a.id.clone(), a.name.clone())),
            )
            .find(|(_, n)| n.to_lowercase() == lower)
            .map(|(id, _)| id)
    };
    let mut remap: Vec<(String, String)> = Vec::new();
    let mut new_areas = Vec::new();
    for area in file.areas {
        if areas_here.name(&area.id).is_some() {
            continue;
        }
        match same_name(&area.name) {
            Some(id) => remap.push((area.id, id)),
            None => new_areas.push(area),
        }
    }
    let cards = file
        .cards
        .into_iter()
        .map(|mut card| {
            if let Some((_, to)) = remap.iter().find(|(from, _)| *from == card.area) {
                card.area = to.clone();
            }
            let kind = match existing.iter().find(|c| c.id == card.id) {
                None => Incoming::New,
                Some(here) if here.same_content(&card) => Incoming::Identical,
                Some(_) => Incoming::Changed,
            };
            (card, kind)
        })
        .collect();
    Preview { cards, new_areas }
}

#[cfg(test)]
mod tests;
