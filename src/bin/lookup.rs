//! Entry of the status bundle (`status/index.html`); see `nagrik_seva::start_lookup`.
fn main() {
    nagrik_seva::start_lookup();
}
