//! Entry of the forms bundle (`complaint/index.html`); see `nagrik_seva::start_forms`.
fn main() {
    nagrik_seva::start_forms();
}
