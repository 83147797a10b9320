//! File upload: choose up to N photos or PDFs; each is listed with its name, size and a Remove
//! button. Photos from phone cameras (often 3–8 MB) are scaled down in the browser to a JPEG of
//! at most 200 KB before they are kept, so they upload on a weak signal.

use crate::forms::{text, Attachment, FormState};
use crate::i18n::{keys::errors, keys::forms, use_i18n};
use contract::forms::{AttachmentSpec, ATTACHMENTS_FIELD};
use contract::rules::file::{self, FileKind};
use js_sys::{Promise, Uint8Array};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The most a file may be after preparation (the server enforces the same).
pub const MAX_FILE_BYTES: usize = 1024 * 1024;
/// Target size for a photo after scaling down.
pub const PHOTO_TARGET_BYTES: f64 = 200.0 * 1024.0;

#[derive(Debug, Clone, Copy, PartialEq)]
enum UploadError {
    WrongType,
    TooLarge,
    TooMany,
}

async fn bytes_of(blob: &web_sys::Blob) -> Result<Vec<u8>, JsValue> {
    let buffer = JsFuture::from(blob.array_buffer()).await?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

async fn canvas_blob(
    canvas: &web_sys::HtmlCanvasElement,
    quality: f64,
) -> Result<web_sys::Blob, JsValue> {
    let canvas = canvas.clone();
    let promise = Promise::new(&mut |resolve, reject| {
        let cb = Closure::once_into_js(move |blob: JsValue| {
            if blob.is_null() {
                let _ = reject.call1(&JsValue::NULL, &JsValue::from_str("toBlob"));
            } else {
                let _ = resolve.call1(&JsValue::NULL, &blob);
            }
        });
        let _ = canvas.to_blob_with_type_and_encoder_options(
            cb.unchecked_ref(),
            "image/jpeg",
            &JsValue::from_f64(quality),
        );
    });
    Ok(JsFuture::from(promise).await?.unchecked_into())
}

/// Scales a photo down until its JPEG is at most [`PHOTO_TARGET_BYTES`].
async fn downscale_photo(file: &web_sys::File) -> Result<Vec<u8>, JsValue> {
    let url = web_sys::Url::create_object_url_with_blob(file)?;
    let img = web_sys::HtmlImageElement::new()?;
    img.set_src(&url);
    let decoded = JsFuture::from(img.decode()).await;
    let _ = web_sys::Url::revoke_object_url(&url);
    decoded?;
    let (w, h) = (img.natural_width() as f64, img.natural_height() as f64);
    let canvas: web_sys::HtmlCanvasElement = document().create_element("canvas")?.unchecked_into();
    let ctx: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")?
        .ok_or("no 2d context")?
        .unchecked_into();
    let mut longest = 1600.0_f64;
    let mut quality = 0.8;
    loop {
        let scale = (longest / w.max(h)).min(1.0);
        let (cw, ch) = ((w * scale).round().max(1.0), (h * scale).round().max(1.0));
        canvas.set_width(cw as u32);
        canvas.set_height(ch as u32);
        ctx.draw_image_with_html_image_element_and_dw_and_dh(&img, 0.0, 0.0, cw, ch)?;
        let blob = canvas_blob(&canvas, quality).await?;
        if blob.size() <= PHOTO_TARGET_BYTES || longest < 400.0 {
            return bytes_of(&blob).await;
        }
        longest *= 0.75;
        quality = (quality - 0.1_f64).max(0.5);
    }
}

async fn prepare(file: web_sys::File, photos_only: bool) -> Result<Attachment, UploadError> {
    let head = bytes_of(
        &file
            .slice_with_i32_and_i32(0, 16)
            .map_err(|_| UploadError::WrongType)?,
    )
    .await
    .map_err(|_| UploadError::WrongType)?;
    let kind = file::sniff(&head).ok_or(UploadError::WrongType)?;
    if photos_only && !matches!(kind, FileKind::Jpeg | FileKind::Png) {
        return Err(UploadError::WrongType);
    }
    let (bytes, mime) = match kind {
        FileKind::Jpeg | FileKind::Png if file.size() > PHOTO_TARGET_BYTES => {
            let b = downscale_photo(&file)
                .await
                .map_err(|_| UploadError::WrongType)?;
            (b, FileKind::Jpeg.mime())
        }
        other => (
            bytes_of(&file).await.map_err(|_| UploadError::WrongType)?,
            other.mime(),
        ),
    };
    if bytes.len() > MAX_FILE_BYTES {
        return Err(UploadError::TooLarge);
    }
    Ok(Attachment {
        name: file.name(),
        mime: mime.to_owned(),
        bytes,
        uploaded: None,
    })
}

/// The files of a form, on the step its service declares for them. A photo-only service
/// (a person's photo) takes JPEG and PNG; the others documents as PDF too.
#[component]
pub fn FileUpload(form: FormState, policy: AttachmentSpec) -> impl IntoView {
    let i18n = use_i18n();
    let files = form.files;
    let max = policy.max;
    let photos_only = policy.photos_only;
    let error = RwSignal::new(None::<UploadError>);
    let busy = RwSignal::new(false);
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(list) = input.files() else { return };
        let chosen: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
        input.set_value("");
        error.set(None);
        busy.set(true);
        spawn_local(async move {
            for f in chosen {
                if files.with_untracked(|v| v.len()) >= max {
                    error.try_set(Some(UploadError::TooMany));
                    break;
                }
                match prepare(f, photos_only).await {
                    Ok(a) => {
                        files.update(|v| v.push(a));
                        form.problems
                            .update(|p| p.retain(|x| x.field != ATTACHMENTS_FIELD));
                    }
                    Err(e) => {
                        error.try_set(Some(e));
                    }
                }
            }
            busy.try_set(false);
        });
    };
    // A problem found on Continue or by the server, else one from choosing a file.
    let step_problem = move || {
        form.problems.with(|p| {
            p.iter().find(|x| x.field == ATTACHMENTS_FIELD).map(|x| {
                i18n.get(text::attachments_error(photos_only, x.error))
                    .to_owned()
            })
        })
    };
    let message = move || {
        step_problem().or_else(|| {
            error.get().map(|e| match e {
                UploadError::WrongType if photos_only => {
                    i18n.get(errors::WRONG_PHOTO_TYPE).to_owned()
                }
                UploadError::WrongType => i18n.get(errors::WRONG_FILE_TYPE).to_owned(),
                UploadError::TooLarge => i18n.get(errors::FILE_TOO_LARGE).to_owned(),
                UploadError::TooMany => {
                    i18n.format(errors::TOO_MANY_FILES, &[("count", &max.to_string())])
                }
            })
        })
    };
    let (label, hint) = if photos_only {
        (forms::PHOTO_LABEL, forms::PHOTO_HINT)
    } else {
        (forms::FILES_LABEL, forms::FILES_HINT)
    };
    let accept = if photos_only {
        "image/jpeg,image/png,.jpg,.jpeg,.png"
    } else {
        "image/jpeg,image/png,application/pdf,.jpg,.jpeg,.png,.pdf"
    };
    let has_error = move || message().is_some();
    view! {
        <div class="ns-field" class:ns-field--error=has_error>
            <label class="ns-label" for="f-attachments">{i18n.t(label)}</label>
            <div id="f-attachments-hint" class="ns-hint">
                {move || i18n.format(hint, &[("count", &max.to_string())])}
            </div>
            {move || message().map(|m| view! {
                <p id="f-attachments-error" class="ns-error-message">
                    <span class="ns-visually-hidden">{i18n.t(errors::ERROR_PREFIX)}" "</span>{m}
                </p>
            })}
            <input
                class="ns-file-upload"
                id="f-attachments"
                name="attachments"
                type="file"
                multiple={max > 1}
                accept=accept
                aria-describedby=move || if has_error() { "f-attachments-hint f-attachments-error" } else { "f-attachments-hint" }
                disabled=move || busy.get() || files.with(|f| f.len() >= max)
                on:change=on_change
            />
            <p class="ns-hint" role="status">{move || busy.get().then(|| i18n.get(forms::FILE_PREPARING))}</p>
            <Show when=move || files.with(|f| !f.is_empty())>
                <h2 class="ns-heading-m">{i18n.t(forms::FILES_ADDED)}</h2>
                <ul class="ns-file-list" data-testid="file-list">
                    {move || {
                        files
                            .get()
                            .into_iter()
                            .enumerate()
                            .map(|(i, f)| {
                                let size = f.bytes.len().div_ceil(1024).to_string();
                                let name = f.name.clone();
                                view! {
                                    <li class="ns-file-list__item">
                                        <span class="ns-file-list__name">{f.name.clone()}</span>
                                        " "
                                        <span class="ns-file-list__size">{move || i18n.format(forms::KB, &[("count", &size)])}</span>
                                        " "
                                        <button
                                            type="button"
                                            class="ns-button ns-button--secondary"
                                            on:click=move |_| files.update(|v| { v.remove(i); })
                                        >
                                            {move || i18n.format(forms::FILE_REMOVE, &[("name", &name)])}
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </Show>
        </div>
    }
}
