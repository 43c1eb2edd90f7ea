//! Embeds the sample library (plans, fee schedules, sample treatment plans) in the
//! binary, so an installed `ferrule` can seed a per-user library from anywhere.
#![allow(
    clippy::disallowed_methods,
    reason = "a build script reads the sample files and cargo's environment"
)]

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs, io};

fn main() -> io::Result<()> {
    let out_dir = env::var("OUT_DIR").map_err(io::Error::other)?;
    let mut code =
        String::from("/// Sample library files: (path relative to the library, contents).\n");
    code.push_str("pub const SAMPLE_FILES: &[(&str, &str)] = &[\n");
    for dir in ["fee-schedules", "plans", "assets/samples"] {
        println!("cargo:rerun-if-changed={dir}");
        let Ok(entries) = fs::read_dir(dir) else {
            continue;
        };
        let mut names: Vec<String> = entries
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".ron"))
            .collect();
        names.sort();
        for name in names {
            let rel = format!("{dir}/{name}");
            let _ = writeln!(
                code,
                "    ({rel:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/{rel}\"))),"
            );
        }
    }
    // The quick-entry presets, so a seeded library has a copy the office can edit.
    println!("cargo:rerun-if-changed=assets/presets.ron");
    code.push_str("    (\"assets/presets.ron\", include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/assets/presets.ron\"))),\n");
    // The code groups plans name (`@implants`), so a seeded library can edit them.
    println!("cargo:rerun-if-changed=assets/code-groups.ron");
    code.push_str("    (\"assets/code-groups.ron\", include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/assets/code-groups.ron\"))),\n");
    // The coding files, seeded into the library's `coding/` folder.
    println!("cargo:rerun-if-changed=assets/coding");
    for name in [
        "checks.ron",
        "reminders.ron",
        "narratives.ron",
        "look-alikes.ron",
    ] {
        let _ = writeln!(
            code,
            "    (\"coding/{name}\", include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/assets/coding/{name}\"))),"
        );
    }
    code.push_str("];\n");
    fs::write(Path::new(&out_dir).join("sample_library.rs"), code)
}
