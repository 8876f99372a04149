//! Presentation settings a page may give (URL parameters now, embed attributes later),
//! parsed and validated without the browser so that every rule is tested natively, on the build machine.
//! A value that fails is ignored (the browser edge warns once, naming it); none of
//! these can carry HTML, script or CSS beyond the values listed here.

/// A colour for buttons and links: `#rgb`, `#rrggbb` or a CSS colour name from
/// [`NAMED`], dark enough for text on white (contrast at least 4.5:1, WCAG AA), so that
/// no setting can make the quiz unreadable.
pub fn accent(value: &str) -> Result<String, &'static str> {
    let value = value.trim().to_ascii_lowercase();
    let hex = match NAMED.iter().find(|(name, _)| *name == value) {
        Some((_, hex)) => hex.to_string(),
        None => value,
    };
    let rgb = parse_hex(&hex).ok_or("not a #rgb or #rrggbb colour or a known colour name")?;
    if contrast_with_white(rgb) < 4.5 {
        return Err("too light: text in this colour on white would be hard to read");
    }
    Ok(format!("#{:02x}{:02x}{:02x}", rgb[0], rgb[1], rgb[2]))
}

/// Corner radius in CSS pixels, 0 to 24.
pub fn radius(value: &str) -> Result<String, &'static str> {
    let px: u8 = value
        .trim()
        .trim_end_matches("px")
        .parse()
        .map_err(|_| "not a whole number of pixels")?;
    if px > 24 {
        return Err("larger than 24");
    }
    Ok(format!("{px}px"))
}

/// A system font stack by name: the quiz loads no fonts.
pub fn font(value: &str) -> Result<&'static str, &'static str> {
    match value.trim().to_ascii_lowercase().as_str() {
        "system" | "sans-serif" => Ok(SYSTEM_FONT),
        "serif" => Ok("\"Iowan Old Style\", \"Palatino Linotype\", Georgia, serif"),
        "rounded" => Ok("ui-rounded, \"SF Pro Rounded\", system-ui, sans-serif"),
        _ => Err("not one of system, serif, rounded"),
    }
}

pub const SYSTEM_FONT: &str =
    "system-ui, -apple-system, \"Segoe UI\", Roboto, \"Helvetica Neue\", Arial, sans-serif";

/// Colour names a page may use, with their CSS values (dark ones; light names such as
/// `yellow` are refused by the contrast rule anyway).
const NAMED: [(&str, &str); 16] = [
    ("black", "#000000"),
    ("navy", "#000080"),
    ("darkblue", "#00008b"),
    ("mediumblue", "#0000cd"),
    ("blue", "#0000ff"),
    ("teal", "#008080"),
    ("green", "#008000"),
    ("darkgreen", "#006400"),
    ("seagreen", "#2e8b57"),
    ("darkslategray", "#2f4f4f"),
    ("indigo", "#4b0082"),
    ("purple", "#800080"),
    ("maroon", "#800000"),
    ("darkred", "#8b0000"),
    ("firebrick", "#b22222"),
    ("brown", "#a52a2a"),
];

fn parse_hex(value: &str) -> Option<[u8; 3]> {
    let digits = value.strip_prefix('#')?;
    if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let channel = |s: &str| u8::from_str_radix(s, 16).ok();
    match digits.len() {
        3 => {
            let d: Vec<u8> = digits
                .chars()
                .map(|c| channel(&format!("{c}{c}")))
                .collect::<Option<_>>()?;
            Some([d[0], d[1], d[2]])
        }
        6 => Some([
            channel(&digits[0..2])?,
            channel(&digits[2..4])?,
            channel(&digits[4..6])?,
        ]),
        _ => None,
    }
}

/// `x` to the power `y`: the browser's `Math.pow` in the wasm (Rust's `powf` would add
/// libm's pow, 1.4 KB), Rust's on the build machine, where the tests run.
#[cfg(target_arch = "wasm32")]
fn pow(x: f64, y: f64) -> f64 {
    js_sys::Math::pow(x, y)
}

#[cfg(not(target_arch = "wasm32"))]
fn pow(x: f64, y: f64) -> f64 {
    x.powf(y)
}

/// WCAG relative luminance.
fn luminance(rgb: [u8; 3]) -> f64 {
    let linear = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            pow((c + 0.055) / 1.055, 2.4)
        }
    };
    0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2])
}

/// WCAG contrast ratio of two colours.
pub fn contrast(a: [u8; 3], b: [u8; 3]) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

fn contrast_with_white(rgb: [u8; 3]) -> f64 {
    contrast(rgb, [255, 255, 255])
}

/// The dark scheme's background and the text on its accent-coloured buttons
/// (`styles/main.css`: `--surface`, `--accent-contrast`).
pub const DARK_SURFACE: [u8; 3] = [0x16, 0x18, 0x1b];
pub const DARK_ON_ACCENT: [u8; 3] = [0x0b, 0x1b, 0x2b];

/// The page's accent for the dark scheme: no colour reads both on white and on the
/// dark background, so the accent (as [`accent`] returns it) is mixed with white, in
/// steps of 5 %, until text in it reads on the dark background and the dark text of a
/// button reads on it (4.5:1 both). Same hue family, always readable.
pub fn accent_for_dark(light: &str) -> String {
    let rgb = parse_hex(light).unwrap_or([0x0b, 0x5c, 0xad]);
    let mut mixed = rgb;
    for step in 0..=20u16 {
        let mix = |c: u8| ((u16::from(c) * (20 - step) + 255 * step) / 20) as u8;
        mixed = rgb.map(mix);
        if contrast(mixed, DARK_SURFACE) >= 4.5 && contrast(mixed, DARK_ON_ACCENT) >= 4.5 {
            break;
        }
    }
    format!("#{:02x}{:02x}{:02x}", mixed[0], mixed[1], mixed[2])
}

/// The host page's origin, as the embed loader passes it: `http(s)://host[:port]`,
/// nothing else (no path, no credentials, no spaces).
pub fn origin(value: &str) -> Result<String, &'static str> {
    let rest = value
        .strip_prefix("https://")
        .or_else(|| value.strip_prefix("http://"))
        .ok_or("not an http(s) origin")?;
    let ok = !rest.is_empty()
        && rest.len() <= 253
        && rest
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-.:[]".contains(&b));
    if !ok {
        return Err("not an origin");
    }
    Ok(value.to_string())
}
