//! The passphrase lock's sealed envelope (issue 7, item 3; first step: the format alone).
//!
//! Under the lock, a stored value (or an exported file) is kept as
//! `{"sealed": 1, "kdf": {"name": "PBKDF2-SHA-256", "iterations": 600000, "salt": "<base64>"},
//!   "cipher": "AES-GCM-256", "iv": "<base64>", "ct": "<base64>"}`:
//! the key comes from the passphrase by PBKDF2-SHA-256 with a random 16-byte salt, and every write
//! uses a fresh 12-byte IV. A stored value has its storage key's name as AES-GCM's additional
//! data (`storage::lock`); a file has none. The browser's Web Crypto does the cryptography; this module only
//! writes and checks the envelope, so that a damaged or hostile one is refused with a reason
//! before any key is derived (a file asking for a billion iterations must not hang a phone).

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize, Serialize};

/// The envelope layout this build writes and reads.
pub const SEALED_VERSION: u32 = 1;
pub const KDF_NAME: &str = "PBKDF2-SHA-256";
pub const CIPHER_NAME: &str = "AES-GCM-256";
/// At least this many PBKDF2 rounds (OWASP's 2023 figure for PBKDF2-HMAC-SHA256).
pub const MIN_ITERATIONS: u32 = 600_000;
/// At most this many: a hostile envelope cannot make a phone derive keys for minutes.
pub const MAX_ITERATIONS: u32 = 10_000_000;
pub const SALT_BYTES: usize = 16;
pub const IV_BYTES: usize = 12;
/// AES-GCM's authentication tag: every ciphertext is at least this long.
pub const TAG_BYTES: usize = 16;
/// One sealed value: an answer of 100,000 characters is at most 400 kB of UTF-8; files are
/// checked against their own limit before they get here.
pub const MAX_CIPHERTEXT_BYTES: usize = 16_000_000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kdf {
    pub name: String,
    pub iterations: u32,
    /// base64
    pub salt: String,
}

/// The envelope as it is stored (base64 text inside).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Stored {
    sealed: u32,
    kdf: Kdf,
    cipher: String,
    iv: String,
    ct: String,
}

/// A checked envelope, its bytes decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sealed {
    pub iterations: u32,
    pub salt: Vec<u8>,
    pub iv: Vec<u8>,
    pub ciphertext: Vec<u8>,
}

/// Why an envelope cannot be opened. Nothing is derived or decrypted when any of these happens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SealedError {
    /// Not JSON, or not the shape of an envelope.
    Unreadable,
    /// Written by a newer version of the app.
    NewerVersion { found: u32, known: u32 },
    /// A key derivation or cipher this build does not use.
    UnknownMethod,
    /// Fewer or more PBKDF2 rounds than this build accepts.
    Iterations { found: u32 },
    /// Salt, IV or ciphertext of the wrong length, or not base64.
    BadBytes(&'static str),
}

impl Sealed {
    /// The envelope's text. Panics never: every field is plain data.
    pub fn to_json(&self) -> String {
        let stored = Stored {
            sealed: SEALED_VERSION,
            kdf: Kdf {
                name: KDF_NAME.into(),
                iterations: self.iterations,
                salt: STANDARD.encode(&self.salt),
            },
            cipher: CIPHER_NAME.into(),
            iv: STANDARD.encode(&self.iv),
            ct: STANDARD.encode(&self.ciphertext),
        };
        serde_json::to_string(&stored).unwrap_or_default()
    }

    /// Whether stored text is a sealed envelope at all (rather than a plain `{v, rev, data}`).
    pub fn is_sealed(text: &str) -> bool {
        #[derive(Deserialize)]
        struct Marker {
            sealed: Option<u32>,
        }
        serde_json::from_str::<Marker>(text).is_ok_and(|m| m.sealed.is_some())
    }

    /// Reads and checks an envelope.
    pub fn from_json(text: &str) -> Result<Sealed, SealedError> {
        let stored: Stored = serde_json::from_str(text).map_err(|_| {
            // A newer envelope may have another shape: its version still says so.
            #[derive(Deserialize)]
            struct Version {
                sealed: u32,
            }
            match serde_json::from_str::<Version>(text) {
                Ok(Version { sealed }) if sealed > SEALED_VERSION => SealedError::NewerVersion {
                    found: sealed,
                    known: SEALED_VERSION,
                },
                _ => SealedError::Unreadable,
            }
        })?;
        if stored.sealed > SEALED_VERSION {
            return Err(SealedError::NewerVersion {
                found: stored.sealed,
                known: SEALED_VERSION,
            });
        }
        if stored.sealed == 0 {
            return Err(SealedError::Unreadable);
        }
        if stored.kdf.name != KDF_NAME || stored.cipher != CIPHER_NAME {
            return Err(SealedError::UnknownMethod);
        }
        let iterations = stored.kdf.iterations;
        if !(MIN_ITERATIONS..=MAX_ITERATIONS).contains(&iterations) {
            return Err(SealedError::Iterations { found: iterations });
        }
        let bytes = |text: &str, what: &'static str, ok: &dyn Fn(usize) -> bool| {
            // base64 of the largest allowed ciphertext, with room for padding.
            if text.len() > MAX_CIPHERTEXT_BYTES / 3 * 4 + 8 {
                return Err(SealedError::BadBytes(what));
            }
            let decoded = STANDARD
                .decode(text)
                .map_err(|_| SealedError::BadBytes(what))?;
            if ok(decoded.len()) {
                Ok(decoded)
            } else {
                Err(SealedError::BadBytes(what))
            }
        };
        Ok(Sealed {
            iterations,
            salt: bytes(&stored.kdf.salt, "salt", &|n| n == SALT_BYTES)?,
            iv: bytes(&stored.iv, "iv", &|n| n == IV_BYTES)?,
            ciphertext: bytes(&stored.ct, "ct", &|n| {
                (TAG_BYTES..=MAX_CIPHERTEXT_BYTES).contains(&n)
            })?,
        })
    }
}

/// When an open lock closes by itself: after `minutes` without a touch, a key or a scroll.
/// The clock is injected (milliseconds), so the rule is tested natively.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Idle {
    /// 0 = never by itself.
    pub minutes: u32,
    last_use_ms: f64,
}

impl Idle {
    pub fn new(minutes: u32, now_ms: f64) -> Self {
        Self {
            minutes,
            last_use_ms: now_ms,
        }
    }

    /// The person did something.
    pub fn used(&mut self, now_ms: f64) {
        // A clock that went back (a changed system time) counts as use, never as idle time.
        self.last_use_ms = now_ms;
    }

    pub fn expired(&self, now_ms: f64) -> bool {
        self.minutes > 0 && now_ms - self.last_use_ms >= f64::from(self.minutes) * 60_000.0
    }
}

// Native only: proptest is a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn sample() -> Sealed {
        Sealed {
            iterations: MIN_ITERATIONS,
            salt: (0..16).collect(),
            iv: (100..112).collect(),
            ciphertext: vec![7; 40],
        }
    }

    #[test]
    fn the_lock_closes_after_the_chosen_idle_time_and_never_when_none_is_chosen() {
        let mut idle = Idle::new(5, 1_000.0);
        assert!(!idle.expired(1_000.0 + 299_999.0));
        assert!(idle.expired(1_000.0 + 300_000.0));
        idle.used(200_000.0);
        assert!(!idle.expired(1_000.0 + 300_000.0), "use restarts the wait");
        assert!(idle.expired(500_000.0));
        let never = Idle::new(0, 0.0);
        assert!(!never.expired(1e15));
    }

    #[test]
    fn an_envelope_reads_back_the_same() {
        let text = sample().to_json();
        assert!(text.starts_with(r#"{"sealed":1,"kdf":{"name":"PBKDF2-SHA-256","iterations":600000,"salt":"AAECAwQFBgcICQoLDA0ODw=="}"#), "{text}");
        assert_eq!(Sealed::from_json(&text), Ok(sample()));
        assert!(Sealed::is_sealed(&text));
        assert!(!Sealed::is_sealed(r#"{"v":1,"rev":1,"data":{}}"#));
        assert!(!Sealed::is_sealed("not json"));
    }

    fn with(change: impl FnOnce(&mut serde_json::Value)) -> String {
        let mut value: serde_json::Value = serde_json::from_str(&sample().to_json()).unwrap();
        change(&mut value);
        value.to_string()
    }

    #[test]
    fn a_damaged_or_hostile_envelope_is_refused_with_its_reason() {
        use serde_json::json;
        let cases: Vec<(String, SealedError)> = vec![
            ("".into(), SealedError::Unreadable),
            ("[1]".into(), SealedError::Unreadable),
            (with(|v| v["sealed"] = json!(0)), SealedError::Unreadable),
            (with(|v| v["kdf"] = json!("fast")), SealedError::Unreadable),
            (
                r#"{"sealed":4,"anything":"new"}"#.into(),
                SealedError::NewerVersion { found: 4, known: 1 },
            ),
            (
                with(|v| v["kdf"]["name"] = json!("MD5")),
                SealedError::UnknownMethod,
            ),
            (
                with(|v| v["cipher"] = json!("AES-CBC")),
                SealedError::UnknownMethod,
            ),
            (
                with(|v| v["kdf"]["iterations"] = json!(1000)),
                SealedError::Iterations { found: 1000 },
            ),
            (
                with(|v| v["kdf"]["iterations"] = json!(4_000_000_000u32)),
                SealedError::Iterations {
                    found: 4_000_000_000,
                },
            ),
            (
                with(|v| v["kdf"]["salt"] = json!("AAEC")),
                SealedError::BadBytes("salt"),
            ),
            (
                with(|v| v["iv"] = json!("not base64!")),
                SealedError::BadBytes("iv"),
            ),
            (
                with(|v| v["ct"] = json!("AAEC")),
                SealedError::BadBytes("ct"),
            ),
            (
                with(|v| v["ct"] = json!("A".repeat(MAX_CIPHERTEXT_BYTES / 3 * 4 + 12))),
                SealedError::BadBytes("ct"),
            ),
        ];
        for (text, want) in cases {
            assert_eq!(Sealed::from_json(&text), Err(want), "{text:.80}");
        }
    }

    proptest! {
        #[test]
        fn any_text_is_read_or_refused_without_panicking(text in ".{0,300}") {
            let _ = Sealed::from_json(&text);
            let _ = Sealed::is_sealed(&text);
        }

        #[test]
        fn any_valid_envelope_round_trips(
            iterations in MIN_ITERATIONS..=MAX_ITERATIONS,
            salt in prop::collection::vec(any::<u8>(), SALT_BYTES),
            iv in prop::collection::vec(any::<u8>(), IV_BYTES),
            ciphertext in prop::collection::vec(any::<u8>(), TAG_BYTES..300),
        ) {
            let sealed = Sealed { iterations, salt, iv, ciphertext };
            prop_assert_eq!(Sealed::from_json(&sealed.to_json()), Ok(sealed));
        }

        #[test]
        fn any_field_of_any_type_is_read_or_refused(
            field in prop::sample::select(vec!["sealed", "kdf", "cipher", "iv", "ct"]),
            value in prop_oneof![
                Just(serde_json::Value::Null),
                any::<i64>().prop_map(serde_json::Value::from),
                ".{0,40}".prop_map(serde_json::Value::from),
                Just(serde_json::json!({"name": KDF_NAME, "iterations": -1, "salt": ""})),
                Just(serde_json::json!([1, 2, 3])),
            ],
        ) {
            let text = with(|v| v[field] = value);
            prop_assert!(Sealed::from_json(&text).is_err());
        }
    }
}
