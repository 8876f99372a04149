//! Presentation settings from the page: valid values pass, everything else is refused.
#![cfg(not(target_arch = "wasm32"))]

use symptom_quiz::settings::{accent, font, radius, SYSTEM_FONT};

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
