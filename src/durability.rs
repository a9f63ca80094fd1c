//! What the browser promises about keeping this site's data: how much is used of what it allows,
//! whether it has agreed to keep it ("persistent" storage), asking it to, and the app's own
//! caches (removed by "erase everything").
//!
//! Called through `js_sys::Reflect` rather than web-sys's typed bindings: each typed binding adds
//! glue to the first download, which has a few hundred bytes to spare; these run only on
//! "My data". Every call treats a missing API (older browsers, some private modes) as "unknown".

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn get(target: &JsValue, name: &str) -> Option<JsValue> {
    Reflect::get(target, &JsValue::from_str(name))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// Calls `target.name(arg?)` and awaits the promise it returns.
async fn call(target: &JsValue, name: &str, arg: Option<&JsValue>) -> Option<JsValue> {
    let method: Function = get(target, name)?.dyn_into().ok()?;
    let returned = match arg {
        Some(arg) => method.call1(target, arg),
        None => method.call0(target),
    }
    .ok()?;
    JsFuture::from(returned.dyn_into::<Promise>().ok()?)
        .await
        .ok()
}

fn storage_manager() -> Option<JsValue> {
    get(&crate::web::window()?.navigator(), "storage")
}

/// Bytes this site uses (all its storage, the app's files included) and may use.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Estimate {
    pub usage: f64,
    pub quota: f64,
}

pub async fn estimate() -> Option<Estimate> {
    let result = call(&storage_manager()?, "estimate", None).await?;
    Some(Estimate {
        usage: get(&result, "usage")?.as_f64()?,
        quota: get(&result, "quota")?.as_f64()?,
    })
}

/// Whether the browser has agreed to keep this site's data until the person removes it.
pub async fn persisted() -> Option<bool> {
    call(&storage_manager()?, "persisted", None)
        .await?
        .as_bool()
}

/// Asks the browser to keep this site's data. Browsers decide by their own rules (an installed
/// app, a bookmark, how often the site is used); some ask the person.
pub async fn persist() -> Option<bool> {
    call(&storage_manager()?, "persist", None).await?.as_bool()
}

/// Safari (on iPhone and Mac) deletes what a website stored after seven days without a visit,
/// unless the site was added to the Home Screen.
pub fn is_safari() -> bool {
    let agent = crate::web::window()
        .and_then(|w| get(&w.navigator(), "userAgent"))
        .and_then(|a| a.as_string())
        .unwrap_or_default();
    agent.contains("Safari")
        && !["Chrome", "Chromium", "CriOS", "FxiOS", "Android", "Edg"]
            .iter()
            .any(|other| agent.contains(other))
}

/// Removes every cache this site created (offline copies of the app's files). Returns how many.
pub async fn clear_caches() -> usize {
    let Some(caches) = crate::web::window().and_then(|w| get(&w, "caches")) else {
        return 0;
    };
    let Some(names) = call(&caches, "keys", None).await else {
        return 0;
    };
    let mut removed = 0;
    for name in js_sys::Array::from(&names).iter() {
        if call(&caches, "delete", Some(&name))
            .await
            .and_then(|v| v.as_bool())
            == Some(true)
        {
            removed += 1;
        }
    }
    removed
}
