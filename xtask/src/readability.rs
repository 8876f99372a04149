//! Reading grade of English text: the Flesch–Kincaid grade level,
//! `0.39 × words per sentence + 11.8 × syllables per word − 15.59`.
//! Syllables are counted by the usual rule of thumb (groups of vowels, less a silent
//! final "e"), which is close enough to rank texts and to track an average.

/// The grade of one text, at least 0 (the formula goes below 0 for a few short words);
/// `None` for a text with no words.
pub fn grade(text: &str) -> Option<f64> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == '/' || c == '—')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        return None;
    }
    let sentences = text
        .split(['.', '?', '!', ':', ';'])
        .filter(|s| s.chars().any(char::is_alphanumeric))
        .count()
        .max(1);
    let syllables: usize = words.iter().map(|w| syllables(w)).sum();
    let words = words.len() as f64;
    Some((0.39 * words / sentences as f64 + 11.8 * syllables as f64 / words - 15.59).max(0.0))
}

/// Syllables in one word, at least one.
pub fn syllables(word: &str) -> usize {
    let word = word.to_lowercase();
    if word.chars().all(|c| c.is_ascii_digit()) {
        return 1;
    }
    let vowel = |c: char| "aeiouy".contains(c);
    let chars: Vec<char> = word.chars().collect();
    let mut count = 0;
    let mut previous = false;
    for &c in &chars {
        let v = vowel(c);
        if v && !previous {
            count += 1;
        }
        previous = v;
    }
    // "make" has one syllable, "little" two: a final "e" is silent unless it ends "-le"
    // after a consonant.
    let n = chars.len();
    let ends_silent_e = n > 2
        && chars[n - 1] == 'e'
        && !vowel(chars[n - 2])
        && (chars[n - 2] != 'l' || vowel(chars[n - 3]));
    if ends_silent_e && count > 1 {
        count -= 1;
    }
    count.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_syllables_by_the_usual_rule() {
        assert_eq!(syllables("pain"), 1);
        assert_eq!(syllables("acupuncture"), 4);
        assert_eq!(syllables("little"), 2);
        assert_eq!(syllables("make"), 1);
        assert_eq!(syllables("12"), 1);
    }

    #[test]
    fn simple_text_grades_lower_than_dense_text() {
        let simple = grade("See a doctor today. Call the clinic.").unwrap();
        let dense = grade(
            "Non-pharmacological interventions demonstrate considerably improved \
             comparative tolerability characteristics.",
        )
        .unwrap();
        assert!(simple < 4.0, "{simple}");
        assert!(dense > 12.0, "{dense}");
        assert_eq!(grade("  "), None);
    }
}
