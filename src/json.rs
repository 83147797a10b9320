//! JSON as the browser reads and writes it (`JSON.parse`, `JSON.stringify`), turned into our
//! types by serde through `serde-wasm-bindgen`: the API's answers and bodies, and what is kept
//! in storage. No JSON parser or printer of our own is compiled into the bundles (serde_json
//! was 17–19 KiB of each, before compression).

use serde::{de::DeserializeOwned, Serialize};

/// `text` read as a `T`; `None` if it is not JSON or not a `T`.
pub fn from_text<T: DeserializeOwned>(text: &str) -> Option<T> {
    let value = js_sys::JSON::parse(text).ok()?;
    serde_wasm_bindgen::from_value(value).ok()
}

/// `value` as JSON text: maps as objects and numbers as numbers, as serde_json writes them.
pub fn to_text<T: Serialize + ?Sized>(value: &T) -> Option<String> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    let value = value.serialize(&serializer).ok()?;
    js_sys::JSON::stringify(&value).ok().map(String::from)
}
