fn main() {
    nagrik_seva::start();
}
