//! Entry of the records bundle (`fir-copy/index.html`); see `nagrik_seva::start_records`.
fn main() {
    nagrik_seva::start_records();
}
