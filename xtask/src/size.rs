//! Byte sizes of a release build as a browser fetches them (brotli, `-q 11`), part by
//! part, and the size guard of `cargo xtask test`: no part may grow past its limit in
//! `xtask/size-budget.txt`. Sizes are deterministic for a given toolchain, so this is a
//! test; timings are not, and live in `cargo xtask bench`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::root;

/// The budget file, beside this crate's sources.
const BUDGET: &str = "xtask/size-budget.txt";

/// One part of the build: what a page fetches, grouped by role.
pub struct Part {
    pub name: &'static str,
    pub files: Vec<PathBuf>,
    pub raw: u64,
    pub brotli: u64,
}

/// Which part a file of the build belongs to, by its name (`None`: not fetched).
fn part_of(relative: &str) -> Option<&'static str> {
    let file = relative.rsplit('/').next().unwrap_or(relative);
    Some(match relative {
        "embed/v1.js" => "loader",
        "index.html" => "html",
        "boot.js" => "boot",
        "sw.js" => "worker",
        _ if relative.starts_with("lang/") && file.ends_with(".txt") => "lang",
        _ if file.ends_with("_bg.wasm") => "wasm",
        _ if file.ends_with(".js") => "glue",
        _ if file.ends_with(".css") => "css",
        _ => return None,
    })
}

/// The parts of the build in `dist`, in a fixed order, plus `run`: everything a full run
/// of the quiz in English fetches (all but the loader, which only host pages run, and
/// `lang`, the other languages' packs, fetched only by a visitor who needs one).
pub fn parts(dist: &Path) -> Result<Vec<Part>, String> {
    let order = [
        "wasm", "glue", "css", "html", "boot", "worker", "loader", "lang",
    ];
    let mut parts: Vec<Part> = order
        .iter()
        .map(|&name| Part {
            name,
            files: Vec::new(),
            raw: 0,
            brotli: 0,
        })
        .collect();
    for file in files(dist)? {
        let relative = file
            .strip_prefix(dist)
            .unwrap_or(&file)
            .to_string_lossy()
            .into_owned();
        let Some(name) = part_of(&relative) else {
            continue;
        };
        let part = parts.iter_mut().find(|p| p.name == name).unwrap();
        part.raw += fs::metadata(&file).map_or(0, |m| m.len());
        part.brotli += brotli_size(&file)?;
        part.files.push(file);
    }
    let run = Part {
        name: "run",
        files: Vec::new(),
        raw: parts
            .iter()
            .filter(|p| !matches!(p.name, "loader" | "lang"))
            .map(|p| p.raw)
            .sum(),
        brotli: parts
            .iter()
            .filter(|p| !matches!(p.name, "loader" | "lang"))
            .map(|p| p.brotli)
            .sum(),
    };
    parts.push(run);
    Ok(parts)
}

/// Every file of the build in `dir`, without compressed copies (`.br`, `.gz`), sorted.
pub fn files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        let entries = fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        for path in entries.filter_map(Result::ok).map(|e| e.path()) {
            if path.is_dir() {
                dirs.push(path);
            } else if !matches!(path.extension().and_then(|e| e.to_str()), Some("br" | "gz")) {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

/// `brotli -q 11` of `file`, in bytes (Debian's brotli, as `cargo xtask dist` uses).
/// The `.br` copy `dist` and `bench` write beside the file, with the same settings, is
/// that size already: it is read instead when it is not older than the file.
pub fn brotli_size(file: &Path) -> Result<u64, String> {
    let mut copy = file.as_os_str().to_owned();
    copy.push(".br");
    let modified = |path: &Path| fs::metadata(path).and_then(|m| m.modified()).ok();
    if let (Some(copy_at), Some(file_at)) = (modified(Path::new(&copy)), modified(file)) {
        if copy_at >= file_at {
            return fs::metadata(&copy)
                .map(|m| m.len())
                .map_err(|e| e.to_string());
        }
    }
    let output = Command::new("brotli")
        .args(["-q", "11", "-c"])
        .arg(file)
        .stderr(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run brotli: {e}"))?;
    if !output.status.success() {
        return Err(format!("brotli failed on {}", file.display()));
    }
    Ok(output.stdout.len() as u64)
}

/// The limits of the budget file: `part bytes` lines; `#` starts a comment.
fn budget() -> Result<Vec<(String, u64)>, String> {
    let path = root().join(BUDGET);
    let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut limits = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.split('#').next().unwrap_or_default().trim();
        if line.is_empty() {
            continue;
        }
        let mut words = line.split_whitespace();
        let (Some(name), Some(bytes), None) = (words.next(), words.next(), words.next()) else {
            return Err(format!("{BUDGET}:{}: expected `part bytes`", number + 1));
        };
        let bytes = bytes.parse().map_err(|_| {
            format!(
                "{BUDGET}:{}: {bytes:?} is not a number of bytes",
                number + 1
            )
        })?;
        limits.push((name.to_string(), bytes));
    }
    Ok(limits)
}

/// The size guard: every part within its limit, every part named in the budget. On
/// failure, the message names what grew and, for the wasm, its biggest items.
pub fn check(dist: &Path) -> Result<(), String> {
    let parts = parts(dist)?;
    let limits = budget()?;
    let mut over = Vec::new();
    println!("{:<8} {:>8} {:>8}  (brotli bytes)", "part", "size", "limit");
    for part in &parts {
        let Some((_, limit)) = limits.iter().find(|(name, _)| name == part.name) else {
            return Err(format!("{BUDGET} has no limit for {:?}", part.name));
        };
        let mark = if part.brotli <= *limit { "" } else { "  OVER" };
        println!("{:<8} {:>8} {:>8}{mark}", part.name, part.brotli, limit);
        if part.brotli > *limit {
            over.push(format!(
                "{} is {} B, over its limit of {limit} B",
                part.name, part.brotli
            ));
        }
    }
    split_holds(&parts)?;
    if over.is_empty() {
        return Ok(());
    }
    let wasm = parts
        .iter()
        .find(|p| p.name == "wasm")
        .and_then(|p| p.files.first());
    let contributors = wasm
        .and_then(|wasm| {
            // Only now, on a failure, is twiggy worth installing (a minute or two).
            let twiggy = crate::tools::Tools::ensure_twiggy().ok()?;
            let output = Command::new(twiggy)
                .args(["top", "-n", "15"])
                .arg(wasm)
                .output()
                .ok()?;
            output
                .status
                .success()
                .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
        })
        .unwrap_or_else(|| {
            format!(
                "(twiggy could not run: `twiggy top -n 15 {}` lists them)",
                wasm.map_or_else(String::new, |w| w.display().to_string())
            )
        });
    Err(format!(
        "{}\nLimits only move down ({BUDGET}). The wasm's biggest contributors:\n{contributors}",
        over.join("\n")
    ))
}

/// The language split (`quiz::pack`): each language after the first has its pack, the
/// one the wasm asks for, and the wasm holds none of that language's words (a screen
/// string, the content's first prompt), so an English visit does not download them.
fn split_holds(parts: &[Part]) -> Result<(), String> {
    let part = |name| {
        parts
            .iter()
            .find(|p| p.name == name)
            .expect("every part is listed")
    };
    let wasm = part("wasm").files.first().ok_or("the build has no wasm")?;
    let wasm = fs::read(wasm).map_err(|e| format!("{}: {e}", wasm.display()))?;
    let content = crate::history::current()?;
    for lang in quiz::Lang::ALL
        .iter()
        .filter(|l| **l != quiz::Lang::BUILT_IN)
    {
        let pack = format!("{}-", lang.tag());
        // The file the wasm asks for (`PackRef::file`) is one the build wrote: the hook
        // wrote it from a second call of the emitter, which could have read other content.
        let written: Vec<String> = part("lang")
            .files
            .iter()
            .filter_map(|f| f.file_name().map(|n| n.to_string_lossy().into_owned()))
            .filter(|n| n.starts_with(&pack))
            .map(|n| format!("lang/{n}"))
            .collect();
        let asked = written
            .iter()
            .any(|file| wasm.windows(file.len()).any(|w| w == file.as_bytes()));
        if !asked {
            return Err(format!(
                "the wasm does not ask for a {} pack the build wrote ({written:?}): build again",
                lang.english_name()
            ));
        }
        let words = [
            quiz::strings::table(*lang).start_intro.0,
            content.quiz.questions[0].prompt.myself(*lang),
        ];
        for words in words {
            if wasm.windows(words.len()).any(|w| w == words.as_bytes()) {
                return Err(format!(
                    "the wasm holds {} words, which its pack should carry: {words:?}",
                    lang.english_name()
                ));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{brotli_size, budget, part_of};

    #[test]
    fn files_are_sorted_into_parts() {
        assert_eq!(
            part_of("symptom-quiz-254031565013f7af_bg.wasm"),
            Some("wasm")
        );
        assert_eq!(part_of("symptom-quiz-254031565013f7af.js"), Some("glue"));
        assert_eq!(part_of("main-7311c2d71f932071.css"), Some("css"));
        assert_eq!(part_of("embed/v1.js"), Some("loader"));
        assert_eq!(part_of("sw.js"), Some("worker"));
        assert_eq!(part_of("boot.js"), Some("boot"));
        assert_eq!(part_of("index.html"), Some("html"));
        assert_eq!(part_of("lang/es-ca33fa61c3c8de3c.txt"), Some("lang"));
        assert_eq!(part_of("notes.txt"), None);
    }

    #[test]
    fn the_budget_names_every_part_and_the_loader_stays_under_2_kb() {
        let limits = budget().unwrap();
        for part in [
            "wasm", "glue", "css", "html", "boot", "worker", "loader", "lang", "run",
        ] {
            assert!(
                limits.iter().any(|(name, _)| name == part),
                "no limit for {part}"
            );
        }
        let loader = limits.iter().find(|(name, _)| name == "loader").unwrap().1;
        assert!(
            loader <= 2048,
            "the loader's limit is the issue's 2 KB at most"
        );
    }

    #[test]
    fn a_br_copy_gives_the_size_unless_it_is_older_than_its_file() {
        let dir = std::env::temp_dir().join(format!("xtask-size-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let (file, copy) = (dir.join("a.js"), dir.join("a.js.br"));
        std::fs::write(&file, "let a = 1;\n".repeat(50)).unwrap();
        std::fs::write(&copy, [7u8; 13]).unwrap();
        assert_eq!(brotli_size(&file), Ok(13));
        // A file rebuilt after its copy: the copy is not trusted (brotli measures it, or
        // fails here if it is missing; either way not 13).
        let later = std::time::SystemTime::now() + std::time::Duration::from_secs(60);
        std::fs::File::options()
            .write(true)
            .open(&file)
            .unwrap()
            .set_modified(later)
            .unwrap();
        assert_ne!(brotli_size(&file), Ok(13));
        let _ = std::fs::remove_dir_all(dir);
    }
}
