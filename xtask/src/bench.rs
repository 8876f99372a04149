//! `cargo xtask bench`: builds the release into `target/bench/dist` and compresses it as
//! `dist` does, then runs the e2e crate's `bench` binary, which serves it on loopback
//! (brotli, as deployed), measures it in headless Chromium
//! and Lighthouse, prints every figure against its budget and writes
//! `target/bench/report.json`. It never fails on a timing; sizes are guarded by
//! `cargo xtask test`.

use crate::run::{step, Cmd};
use crate::tools::Tools;
use crate::{root, Engine};

pub fn bench() -> Result<(), String> {
    let tools = Tools::ensure_for_tests(&[Engine::Chromium])?;
    step("tools: brotli, gzip", Tools::ensure_compressors)?;
    let lighthouse = step("tools: Lighthouse", Tools::ensure_lighthouse)?;
    let dist = root().join("target/bench/dist");
    let path = tools.path_var();
    step("release build (trunk build --release)", || {
        tools
            .trunk()
            .args(["build", "--release", "--dist"])
            .args([&dist])
            .status()
    })?;
    // Served precompressed, as deployed (README "Deploying"): the mobile profile's
    // 1.6 Mbps then carries the brotli bytes, not the raw ones.
    crate::dist::compress_all(&dist)?;
    step("measure (headless Chromium, Lighthouse)", || {
        Cmd::cargo()
            .args(["run", "--quiet", "--package", "e2e", "--bin", "bench"])
            .env("PATH", &path)
            .env("E2E_DIST", &dist)
            .env("BENCH_LIGHTHOUSE", &lighthouse)
            .status()
    })
}
