//! Presentation settings from the page: valid values pass, everything else is refused.

use proptest::prelude::*;
use symptom_quiz::settings::{
    accent, accent_for_dark, contrast, font, origin, radius, DARK_ON_ACCENT, DARK_SURFACE,
    SYSTEM_FONT,
};

#[test]
fn accent_colours_must_be_dark_enough_to_read() {
    assert_eq!(accent("#0B5CAD"), Ok("#0b5cad".into()));
    assert_eq!(accent("#036"), Ok("#003366".into()));
    assert_eq!(accent(" Navy "), Ok("#000080".into()));
    for light in ["#ffff00", "#fff", "#0b8cff", "yellow", "orange"] {
        assert!(accent(light).is_err(), "{light}");
    }
    for hostile in [
        "red; background: url(//evil)",
        "#12345",
        "#gggggg",
        "expression(alert(1))",
        "var(--x)",
        "</style><script>",
        "#0000008",
        "",
        "\u{202e}#000000",
    ] {
        assert!(accent(hostile).is_err(), "{hostile:?}");
    }
}

fn rgb(hex: &str) -> [u8; 3] {
    let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).unwrap();
    [channel(1), channel(3), channel(5)]
}

/// No colour reads both on white and on the dark background, so every accepted accent
/// gets a dark-scheme variant that reads there: text in it on the dark background, and
/// the dark text of a button on it, 4.5:1 both; the quiz's own accent gives its own.
#[test]
fn every_accepted_accent_has_a_readable_dark_variant() {
    let mut accepted = 0;
    // Every 12th value of each channel, and the named colours.
    let steps: Vec<u8> = (0..=255u16).step_by(12).map(|v| v as u8).collect();
    let mut values: Vec<String> = ["navy", "black", "darkgreen", "indigo", "firebrick"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    for &r in &steps {
        for &g in &steps {
            for &b in &steps {
                values.push(format!("#{r:02x}{g:02x}{b:02x}"));
            }
        }
    }
    for value in values {
        let Ok(light) = accent(&value) else { continue };
        accepted += 1;
        let dark = rgb(&accent_for_dark(&light));
        assert!(
            contrast(dark, DARK_SURFACE) >= 4.5,
            "{value} -> {dark:?} on the background"
        );
        assert!(
            contrast(dark, DARK_ON_ACCENT) >= 4.5,
            "{value} -> {dark:?} under button text"
        );
    }
    assert!(accepted > 1000, "only {accepted} accents were tried");
    // The quiz's own accent: the same as styles/main.css's dark one would be.
    assert!(contrast(rgb("#8cc4ff"), DARK_SURFACE) >= 4.5);
    // The light accent itself fails on dark (the reason for the variant).
    assert!(contrast(rgb("#0b5cad"), DARK_SURFACE) < 3.0);
    assert_eq!(
        accent_for_dark("#8cc4ff"),
        "#8cc4ff",
        "a readable one is kept"
    );
}

#[test]
fn radius_is_a_small_number_of_pixels() {
    assert_eq!(radius("0"), Ok("0px".into()));
    assert_eq!(radius("12px"), Ok("12px".into()));
    for bad in ["25", "-1", "1e3", "12em", "4;x", ""] {
        assert!(radius(bad).is_err(), "{bad}");
    }
}

#[test]
fn fonts_are_system_stacks_only() {
    assert_eq!(font("system"), Ok(SYSTEM_FONT));
    assert!(font("serif").unwrap().ends_with("serif"));
    for bad in [
        "Comic Sans",
        "url(https://fonts.example/x.woff)",
        "serif; color: red",
    ] {
        assert!(font(bad).is_err(), "{bad}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    // An embed's attributes and URL parameters are untrusted: whatever passes is safe CSS.
    #[test]
    fn settings_give_only_safe_css(value in "\\PC{0,60}") {
        if let Ok(accent) = accent(&value) {
            prop_assert!(accent.len() == 7 && accent.starts_with('#'));
            prop_assert!(accent[1..].bytes().all(|b| b.is_ascii_hexdigit()));
        }
        if let Ok(radius) = radius(&value) {
            let px: u8 = radius.trim_end_matches("px").parse().unwrap();
            prop_assert!(px <= 24);
        }
        if let Ok(font) = font(&value) {
            prop_assert!(!font.contains(['(', ';', '<']), "{font}");
        }
        if let Ok(origin) = origin(&value) {
            prop_assert!(origin.starts_with("http://") || origin.starts_with("https://"));
            prop_assert!(!origin[8..].contains(['/', ' ', '@', '?', '#', '"', '<']));
        }
    }
}
