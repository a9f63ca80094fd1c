//! Schema versions and migrations.
//!
//! Every stored value is wrapped in an [`Envelope`]: `{"v": schema version, "rev": revision, "data": …}`.
//! `v` says which shape `data` has; `rev` grows by one with every write, so two open tabs can tell
//! whose copy is newer. Migrations are pure functions from one version's JSON to the next one's.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A stored value with its schema version and revision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Envelope<T> {
    pub v: u32,
    pub rev: u64,
    pub data: T,
}

/// One migration step: turns the JSON of version `n` into the JSON of version `n + 1`.
pub type Migration = fn(Value) -> Result<Value, String>;

/// A type that can be stored: its current schema version and the steps that lead to it.
///
/// `MIGRATIONS[i]` turns version `i + 1` into version `i + 2`, so `MIGRATIONS.len()` must be
/// `VERSION - 1`. The first version of a type has no migrations.
pub trait Versioned: Serialize + serde::de::DeserializeOwned + Default + Clone {
    const VERSION: u32;
    const MIGRATIONS: &'static [Migration] = &[];
}

/// Why a stored text could not be turned into a value of this build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// Not JSON, or not the shape of an envelope, or `data` does not fit the type.
    Corrupt(String),
    /// Written by a newer version of the app than this one.
    NewerSchema { found: u32, known: u32 },
    /// A migration step refused the data.
    MigrationFailed { from: u32, reason: String },
}

/// The first two fields of every envelope, read before deciding how to read `data`.
#[derive(Deserialize)]
struct Header {
    v: u32,
    rev: u64,
}

fn corrupt(e: serde_json::Error) -> Unreadable {
    // Position only: the person never sees this text, and serde_json's full messages cost wasm bytes.
    Unreadable::Corrupt(format!("line {}, column {}", e.line(), e.column()))
}

/// Parses a stored text and brings it up to `T::VERSION`. Never panics on any input.
pub fn decode<T: Versioned>(raw: &str) -> Result<Envelope<T>, Unreadable> {
    let Header { v, rev } = serde_json::from_str(raw).map_err(corrupt)?;
    if v == 0 {
        return Err(Unreadable::Corrupt(
            "schema version 0 does not exist".into(),
        ));
    }
    if v > T::VERSION {
        return Err(Unreadable::NewerSchema {
            found: v,
            known: T::VERSION,
        });
    }
    if v == T::VERSION {
        return serde_json::from_str(raw).map_err(corrupt);
    }
    // An older version. Types without migrations never get here at run time; the constant check
    // lets the compiler drop the generic JSON `Value` machinery from the app for them.
    if T::MIGRATIONS.is_empty() {
        return Err(Unreadable::MigrationFailed {
            from: v,
            reason: format!("no migration from version {v}"),
        });
    }
    let envelope: Envelope<Value> = serde_json::from_str(raw).map_err(corrupt)?;
    let data = migrate(T::MIGRATIONS, v, T::VERSION, envelope.data)?;
    let data = serde_json::from_value(data).map_err(corrupt)?;
    Ok(Envelope {
        v: T::VERSION,
        rev,
        data,
    })
}

/// Encodes a value at the current schema version.
pub fn encode<T: Versioned>(data: &T, rev: u64) -> Result<String, String> {
    serde_json::to_string(&Envelope {
        v: T::VERSION,
        rev,
        data,
    })
    .map_err(|e| e.to_string())
}

/// Runs the migration steps from version `from` up to version `to`.
pub fn migrate(
    steps: &[Migration],
    from: u32,
    to: u32,
    mut data: Value,
) -> Result<Value, Unreadable> {
    for version in from..to {
        let step =
            steps
                .get((version - 1) as usize)
                .ok_or_else(|| Unreadable::MigrationFailed {
                    from: version,
                    reason: format!("no migration from version {version}"),
                })?;
        data = step(data).map_err(|reason| Unreadable::MigrationFailed {
            from: version,
            reason,
        })?;
    }
    Ok(data)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// A test type at version 3: v1 had `name`, v2 renamed it to `title`, v3 added `count`.
    #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
    struct Thing {
        title: String,
        count: u32,
    }

    fn v1_to_v2(mut data: Value) -> Result<Value, String> {
        let obj = data.as_object_mut().ok_or("not an object")?;
        let name = obj.remove("name").ok_or("missing name")?;
        obj.insert("title".into(), name);
        Ok(data)
    }

    fn v2_to_v3(mut data: Value) -> Result<Value, String> {
        let obj = data.as_object_mut().ok_or("not an object")?;
        obj.insert("count".into(), json!(0));
        Ok(data)
    }

    impl Versioned for Thing {
        const VERSION: u32 = 3;
        const MIGRATIONS: &'static [Migration] = &[v1_to_v2, v2_to_v3];
    }

    #[test]
    fn current_version_round_trips() {
        let thing = Thing {
            title: "Тест 🙂".into(),
            count: 7,
        };
        let raw = encode(&thing, 4).unwrap();
        let back = decode::<Thing>(&raw).unwrap();
        assert_eq!(back.data, thing);
        assert_eq!(back.rev, 4);
        assert_eq!(back.v, 3);
    }

    #[test]
    fn old_versions_are_migrated_step_by_step() {
        let v1 = r#"{"v":1,"rev":2,"data":{"name":"old"}}"#;
        let got = decode::<Thing>(v1).unwrap();
        assert_eq!(
            got.data,
            Thing {
                title: "old".into(),
                count: 0
            }
        );
        assert_eq!(got.rev, 2);

        let v2 = r#"{"v":2,"rev":5,"data":{"title":"mid"}}"#;
        assert_eq!(decode::<Thing>(v2).unwrap().data.title, "mid");
    }

    #[test]
    fn a_newer_schema_is_refused_not_guessed() {
        let raw = r#"{"v":4,"rev":1,"data":{"title":"x","count":1}}"#;
        assert_eq!(
            decode::<Thing>(raw),
            Err(Unreadable::NewerSchema { found: 4, known: 3 })
        );
    }

    #[test]
    fn corrupt_text_is_reported() {
        for raw in [
            "",
            "{not json",
            "null",
            "[]",
            r#"{"v":1}"#,
            r#"{"v":0,"rev":0,"data":{}}"#,
            r#"{"v":3,"rev":1,"data":{"title":5}}"#,
            r#"{"v":-1,"rev":0,"data":{}}"#,
        ] {
            assert!(
                matches!(decode::<Thing>(raw), Err(Unreadable::Corrupt(_))),
                "{raw:?} should be corrupt"
            );
        }
    }

    #[test]
    fn a_failing_migration_is_reported_with_its_version() {
        let raw = r#"{"v":1,"rev":1,"data":{"nameless":true}}"#;
        assert_eq!(
            decode::<Thing>(raw),
            Err(Unreadable::MigrationFailed {
                from: 1,
                reason: "missing name".into()
            })
        );
    }

    #[test]
    fn an_older_version_without_migrations_is_reported() {
        #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
        struct Plain {}
        impl Versioned for Plain {
            const VERSION: u32 = 2;
        }
        let got = decode::<Plain>(r#"{"v":1,"rev":1,"data":{}}"#);
        assert!(matches!(
            got,
            Err(Unreadable::MigrationFailed { from: 1, .. })
        ));
    }

    #[test]
    fn a_missing_migration_step_is_an_error_not_a_panic() {
        let steps: &[Migration] = &[v1_to_v2];
        let got = migrate(steps, 1, 3, json!({"name": "a"}));
        assert!(matches!(
            got,
            Err(Unreadable::MigrationFailed { from: 2, .. })
        ));
    }
}
