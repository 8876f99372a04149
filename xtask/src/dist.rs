//! `cargo xtask dist`: the release build in `dist/`, a `.br` and a `.gz` beside each
//! asset (for static hosts that serve precompressed files), and a size table.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::root;
use crate::run::{step, Cmd};
use crate::tools::Tools;

/// `public_url`: where the files will be served, e.g. `/quiz/` (Trunk's `--public-url`).
pub fn dist(public_url: &str) -> Result<(), String> {
    let tools = Tools::ensure_for_build()?;
    step("tools: brotli, gzip", Tools::ensure_compressors)?;
    let dist = root().join("dist");
    step("release build (trunk build --release)", || {
        tools
            .trunk()
            .args(["build", "--release", "--public-url", public_url, "--dist"])
            .args([&dist])
            .status()
    })?;
    let assets = compress_all(&dist)?;
    print_sizes(&dist, &assets);
    println!();
    // Over budget is the test suite's failure; here it is only said.
    if let Err(over) = crate::size::check(&dist) {
        eprintln!("\nover the size budget:\n{over}");
    }
    Ok(())
}

/// Writes a `.br` and a `.gz` beside each file of the build in `dist`; returns the files.
pub fn compress_all(dist: &Path) -> Result<Vec<PathBuf>, String> {
    step("compress (gzip -9, brotli -q 11)", || {
        let assets = crate::size::files(dist)?;
        for asset in &assets {
            compress(asset)?;
        }
        Ok::<_, String>(assets)
    })
}

fn compress(asset: &Path) -> Result<(), String> {
    let with_suffix = |suffix: &str| {
        let mut name = asset.as_os_str().to_owned();
        name.push(suffix);
        PathBuf::from(name)
    };
    // gzip -n leaves out the name and time, so the bytes depend on the content only.
    let gz = fs::File::create(with_suffix(".gz")).map_err(|e| e.to_string())?;
    let gzip = Command::new("gzip")
        .args(["-9", "-n", "-c"])
        .arg(asset)
        .stdout(Stdio::from(gz))
        .status();
    if !gzip.is_ok_and(|s| s.success()) {
        return Err(format!("gzip failed on {}", asset.display()));
    }
    Cmd::new("brotli")
        .args(["-q", "11", "-f", "-o"])
        .args([with_suffix(".br").as_os_str(), asset.as_os_str()])
        .output()
        .map(drop)
        .ok_or_else(|| format!("brotli failed on {}", asset.display()))
}

fn size(path: &Path) -> u64 {
    fs::metadata(path).map_or(0, |m| m.len())
}

fn print_sizes(dist: &Path, assets: &[PathBuf]) {
    println!(
        "\n{:<48} {:>10} {:>10} {:>10}",
        "file", "raw", "gzip", "brotli"
    );
    let mut total = [0u64; 3];
    for asset in assets {
        let name = asset
            .strip_prefix(dist)
            .unwrap_or(asset)
            .display()
            .to_string();
        let sizes = [".gz", ".br"].map(|suffix| {
            let mut name = asset.as_os_str().to_owned();
            name.push(suffix);
            size(Path::new(&name))
        });
        let row = [size(asset), sizes[0], sizes[1]];
        for (sum, value) in total.iter_mut().zip(row) {
            *sum += value;
        }
        println!("{name:<48} {:>10} {:>10} {:>10}", row[0], row[1], row[2]);
    }
    println!(
        "{:<48} {:>10} {:>10} {:>10}",
        "total", total[0], total[1], total[2]
    );
    println!("\n(bytes) The build is in {}", dist.display());
}
