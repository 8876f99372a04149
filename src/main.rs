//! The binary Trunk builds: everything lives in the library so tests can import it.

fn main() {
    symptom_quiz::run();
}
