//! The browser's Web Crypto, through `js_sys::Reflect` (no new glue in the first download):
//! PBKDF2-SHA-256 for keys from passphrases, and AES-GCM-256 for files locked with one (an
//! export, which has time to wait for promises; values at rest are sealed synchronously in Rust,
//! see `storage::lock`). Both write the same envelope (`model::lock::Sealed`).

use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::model::lock::{IV_BYTES, SALT_BYTES, Sealed};
use crate::storage::lock::{ITERATIONS, SealKey};

/// Why a passphrase did not open or make a sealed text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CryptoError {
    /// The passphrase does not open it (or the text was changed: AES-GCM checks both).
    Wrong,
    /// No Web Crypto here (an old browser, or a page not served securely).
    Unavailable,
}

fn subtle() -> Result<JsValue, JsValue> {
    let window = crate::web::window().ok_or(JsValue::NULL)?;
    Reflect::get(&Reflect::get(&window, &"crypto".into())?, &"subtle".into())
}

/// Calls `crypto.subtle.<name>(...args)` and waits for its promise.
async fn call(name: &str, args: Array) -> Result<JsValue, JsValue> {
    let subtle = subtle()?;
    let method: Function = Reflect::get(&subtle, &name.into())?.dyn_into()?;
    let promise: Promise = Reflect::apply(&method, &subtle, &args)?.dyn_into()?;
    JsFuture::from(promise).await
}

fn object(fields: &[(&str, JsValue)]) -> Result<Object, JsValue> {
    let object = Object::new();
    for (name, value) in fields {
        Reflect::set(&object, &(*name).into(), value)?;
    }
    Ok(object)
}

/// 32 bytes from `passphrase` by PBKDF2-SHA-256 in the browser (native code, off the page's
/// thread: 600,000 rounds take a fraction of a second instead of seconds in wasm). The
/// passphrase is normalised (NFC) first, so the same words typed or pasted give one key.
pub async fn derive_bits(
    passphrase: &str,
    salt: &[u8],
    iterations: u32,
) -> Result<[u8; 32], CryptoError> {
    let bits = async {
        let normal = String::from(js_sys::JsString::from(passphrase).normalize("NFC"));
        let usages = Array::of1(&"deriveBits".into());
        let base = call(
            "importKey",
            Array::of5(
                &"raw".into(),
                &Uint8Array::from(normal.as_bytes()),
                &"PBKDF2".into(),
                &false.into(),
                &usages,
            ),
        )
        .await?;
        let params = object(&[
            ("name", "PBKDF2".into()),
            ("hash", "SHA-256".into()),
            ("salt", Uint8Array::from(salt).into()),
            ("iterations", iterations.into()),
        ])?;
        let bits = call("deriveBits", Array::of3(&params, &base, &256.into())).await?;
        Ok::<_, JsValue>(Uint8Array::new(&bits).to_vec())
    };
    bits.await
        .ok()
        .and_then(|b| b.try_into().ok())
        .ok_or(CryptoError::Unavailable)
}

/// The key of the passphrase lock: derived here, used by the Rust cipher.
pub async fn derive_seal_key(
    passphrase: &str,
    salt: [u8; SALT_BYTES],
    iterations: u32,
) -> Result<SealKey, CryptoError> {
    let key = derive_bits(passphrase, &salt, iterations).await?;
    Ok(SealKey::new(key, salt, iterations))
}

async fn aes_key(bits: &[u8; 32], usage: &str) -> Result<JsValue, JsValue> {
    call(
        "importKey",
        Array::of5(
            &"raw".into(),
            &Uint8Array::from(&bits[..]),
            &"AES-GCM".into(),
            &false.into(),
            &Array::of1(&usage.into()),
        ),
    )
    .await
}

fn random<const N: usize>() -> Result<[u8; N], CryptoError> {
    let mut bytes = [0; N];
    rand::TryRng::try_fill_bytes(&mut rand::rngs::SysRng, &mut bytes)
        .map_err(|_| CryptoError::Unavailable)?;
    Ok(bytes)
}

/// Locks a text (a file to save) with a passphrase: a fresh salt and IV, AES-GCM-256.
pub async fn seal_text(passphrase: &str, text: &str) -> Result<String, CryptoError> {
    let salt = random::<SALT_BYTES>()?;
    let iv = random::<IV_BYTES>()?;
    let bits = derive_bits(passphrase, &salt, ITERATIONS).await?;
    let ciphertext = async {
        let key = aes_key(&bits, "encrypt").await?;
        let params = object(&[
            ("name", "AES-GCM".into()),
            ("iv", Uint8Array::from(&iv[..]).into()),
        ])?;
        let data = Uint8Array::from(text.as_bytes());
        let sealed = call("encrypt", Array::of3(&params, &key, &data)).await?;
        Ok::<_, JsValue>(Uint8Array::new(&sealed).to_vec())
    };
    let ciphertext = ciphertext.await.map_err(|_| CryptoError::Unavailable)?;
    Ok(Sealed {
        iterations: ITERATIONS,
        salt: salt.to_vec(),
        iv: iv.to_vec(),
        ciphertext,
    }
    .to_json())
}

/// Opens a locked text (a file being brought back) with a passphrase. The envelope was checked
/// already (`Sealed::from_json`: known methods, a bounded number of rounds).
pub async fn open_text(passphrase: &str, sealed: &Sealed) -> Result<String, CryptoError> {
    let bits = derive_bits(passphrase, &sealed.salt, sealed.iterations).await?;
    let plain = async {
        let key = aes_key(&bits, "decrypt").await?;
        let params = object(&[
            ("name", "AES-GCM".into()),
            ("iv", Uint8Array::from(&sealed.iv[..]).into()),
        ])?;
        let data = Uint8Array::from(&sealed.ciphertext[..]);
        let plain = call("decrypt", Array::of3(&params, &key, &data)).await?;
        Ok::<_, JsValue>(Uint8Array::new(&plain).to_vec())
    };
    // The browser rejects a wrong key or a changed text with an OperationError.
    let plain = plain.await.map_err(|_| CryptoError::Wrong)?;
    String::from_utf8(plain).map_err(|_| CryptoError::Wrong)
}
