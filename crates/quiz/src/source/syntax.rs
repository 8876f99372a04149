//! TOML syntax errors in plain words for the people who edit the content.

/// The curly quotes a word processor puts in place of straight ones.
const CURLY_QUOTES: [char; 6] = ['“', '”', '„', '‘', '’', '‚'];

/// A TOML syntax error (the `toml` crate's `message`, found at byte `at`) in plain words
/// for the people who edit the content: the two mistakes a word processor or a quote in
/// a sentence cause are explained; any other keeps the parser's own words. For those
/// two, also the text with that line as it was meant (its value quoted right), when the
/// line is a plain `key = value`: reading goes on from it, so that the file's other
/// problems are found at once (the mistake is still reported, and still fails the build).
pub(super) fn syntax_error(text: &str, at: usize, message: &str) -> (String, Option<String>) {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let (before, after, line) = (&text[start..at], &text[at..end], &text[start..end]);
    let meant = || requote(line).map(|line| format!("{}{line}{}", &text[..start], &text[end..]));
    // A quote inside a text ends it early: the parser stops just after that quote and
    // finds more of the text, with the real closing quote, on the same line.
    let closed_by = before.trim_end().chars().last();
    let rest = after.trim_start();
    let ends_early = |quote: char| {
        closed_by == Some(quote) && !rest.is_empty() && !rest.starts_with('#') && {
            rest.contains(quote)
        }
    };
    if ends_early('"') {
        let message = "a \" inside a text must be written \\\" (or put the text in single \
                       quotes: key = 'He said \"stop\"')";
        return (message.into(), meant());
    }
    if ends_early('\'') {
        let message = "a ' inside a text in single quotes ends the text; put the text in \
                       double quotes instead: key = \"It's here\"";
        return (message.into(), meant());
    }
    let curly_here = after.starts_with(CURLY_QUOTES)
        || line
            .split_once('=')
            .is_some_and(|(_, value)| value.trim_start().starts_with(CURLY_QUOTES))
        || message.contains("must be quoted")
        || message.contains("invalid basic string")
        || message.contains("invalid literal string");
    if line.contains(CURLY_QUOTES) && curly_here {
        let message =
            "this line uses curly quotes (“ ”) from a word processor; write straight quotes \"…\"";
        return (message.into(), meant());
    }
    // The parser's own limit (about 80 levels) keeps any file from exhausting its stack.
    if message.contains("max recursion depth") {
        let message = "nested too deeply: arrays and tables inside each other, more levels \
                       than the reader takes (the quiz file uses 4)";
        return (message.into(), None);
    }
    let plain = if message.starts_with("invalid basic string") && rest.is_empty() {
        "a text is not closed; end it with \" on the same line: "
    } else if message.starts_with("string values must be quoted") {
        "a text must be in quotes: key = \"…\"; "
    } else {
        ""
    };
    (
        format!("the file's syntax is broken here: {plain}{message}"),
        None,
    )
}

/// A `key = value` line whose value is one text between quotes of any kind (straight,
/// single, curly), with that text written as TOML reads it: between straight double
/// quotes, a `"` inside it escaped. `None` for any other line.
fn requote(line: &str) -> Option<String> {
    const OPEN: [char; 5] = ['"', '\'', '“', '‘', '„'];
    const CLOSE: [char; 5] = ['"', '\'', '”', '’', '“'];
    let (key, value) = line.split_once('=')?;
    let bare = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.');
    if key.trim().is_empty() || !key.trim().chars().all(bare) {
        return None;
    }
    let value = value.trim();
    let open = value.chars().next().filter(|c| OPEN.contains(c))?;
    let inner = value[open.len_utf8()..].strip_suffix(CLOSE)?;
    let mut quoted = String::new();
    let mut escaped = false;
    for c in inner.chars() {
        match c {
            // In a basic string ("…") a backslash escapes; anywhere else it is a letter.
            '\\' if open == '"' => {
                escaped = !escaped;
                quoted.push(c);
                continue;
            }
            '\\' => quoted.push_str("\\\\"),
            '"' if !escaped => quoted.push_str("\\\""),
            _ => quoted.push(c),
        }
        escaped = false;
    }
    Some(format!("{key}= \"{quoted}\""))
}
