//! The baseline `cargo xtask bench` measures the app's pages against: a Leptos 0.8 CSR app
//! with `leptos_router` and one route, a page of plain text about as long as the app's home
//! page. Whatever a page of the app costs beyond this is the app's own doing.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

fn main() {
    leptos::mount::mount_to_body(App);
}

#[component]
fn App() -> impl IntoView {
    view! {
        <Router>
            <main>
                <Routes fallback=|| "Page not found.">
                    <Route path=path!("/") view=TextPage/>
                </Routes>
            </main>
        </Router>
    }
}

#[component]
fn TextPage() -> impl IntoView {
    view! {
        <h1>"Citizen services without a visit to the station"</h1>
        <p>
            "Lodge a complaint, apply for a verification or a certificate, and follow your case \
             from your phone. Each service asks only for what the police need, one question at a \
             time, and keeps what you typed if the signal drops."
        </p>
        <p>
            "In an emergency, call 112. For cyber fraud call 1930, for the women's helpline \
             1091, and for the child helpline 1098. These numbers work from any phone, without \
             credit and without a SIM card."
        </p>
        <h2>"What you need"</h2>
        <p>
            "Keep your mobile phone at hand: a six-digit code is sent to it before anything is \
             filed, so that nobody can file in your name. An identity document such as Aadhaar, \
             a voter card or a driving licence helps the station find you."
        </p>
        <p>
            "When you send a form you get a reference number and a slip with a QR code. Show it \
             at the station, or open it later to see what has happened to your case: received, \
             assigned to an officer, under enquiry, or closed with a reason."
        </p>
        <p>
            "The pages work in Hindi and in English, on old phones and slow networks, and with a \
             screen reader. Text can be made larger from the top of every page."
        </p>
    }
}
