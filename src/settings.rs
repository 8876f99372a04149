//! Presentation settings a page may give (URL parameters now, embed attributes later),
//! parsed and validated without the browser so that every rule is tested on the host.
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
/// libm's pow, 1.4 KB), Rust's on the host, where the tests run.
#[cfg(target_arch = "wasm32")]
fn pow(x: f64, y: f64) -> f64 {
    js_sys::Math::pow(x, y)
}

#[cfg(not(target_arch = "wasm32"))]
fn pow(x: f64, y: f64) -> f64 {
    x.powf(y)
}

/// WCAG contrast ratio of a colour against white.
fn contrast_with_white(rgb: [u8; 3]) -> f64 {
    let linear = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            pow((c + 0.055) / 1.055, 2.4)
        }
    };
    let l = 0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2]);
    1.05 / (l + 0.05)
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
