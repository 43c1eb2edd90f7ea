//! Issue 14 on the command line: `ferrule import-271` writes a draft plan with its
//! review items as comments (never over an existing file without --force, never
//! into fee-schedules/), shows the changes to a library plan, and refuses bad input
//! leaving the disk as it was; `ferrule fees export` then `fees import` gives back
//! the same schedule.

use std::path::{Path, PathBuf};

use super::util::ferrule;

/// A scratch library: copies of the shipped plans and fee schedules.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ferrule-import-{name}-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    for folder in ["plans", "fee-schedules"] {
        std::fs::create_dir_all(dir.join(folder)).unwrap();
        let from = Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
        for entry in std::fs::read_dir(from).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "ron") {
                std::fs::copy(&path, dir.join(folder).join(path.file_name().unwrap())).unwrap();
            }
        }
    }
    dir
}

fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = ["plans", "fee-schedules"]
        .iter()
        .flat_map(|f| std::fs::read_dir(dir.join(f)).unwrap())
        .map(|e| e.unwrap().path().display().to_string())
        .collect();
    names.sort();
    names
}

const PPO: &str = "assets/samples/271/ppo-100-80-50.edi";

#[test]
fn import_271_writes_a_draft_with_review_comments_and_never_overwrites() {
    let dir = scratch("draft");
    let lib = dir.to_str().unwrap();
    let (code, stdout, stderr) = ferrule(&["import-271", PPO, "--library", lib]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("JANE DOE (subscriber): coverage active"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Benefits used            224.60"),
        "{stdout}"
    );
    // No --plan-id: the id comes from the payer's name.
    let path = dir.join("plans/summit-dental-benefits-271.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.starts_with("// Draft plan imported from a 271"),
        "{text}"
    );
    assert!(text.contains("// REVIEW: carrier's note: read it and enter any rule it states [segment 19 MSG: MSG*DEDUCTIBLE WAIVED"), "{text}");
    // The draft is a plan file the library reads: its one problem is the fee
    // schedule staff still have to make or pick (the first review item).
    let (_, check, _) = ferrule(&["check", "--library", lib]);
    assert!(check.contains("summit-dental-benefits-271.ron:14:21: fee schedule \"summit-dental-benefits-271-fees\" does not exist"), "{check}");
    assert!(check.contains("; 1 problem\n"), "{check}");
    // Again: refused, the file untouched; with --force: replaced.
    std::fs::write(&path, "edited by staff").unwrap();
    let (code, _, stderr) = ferrule(&["import-271", PPO, "--library", lib]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("already exists: choose another name, or replace it with --force"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "edited by staff");
    let (code, _, stderr) = ferrule(&["import-271", PPO, "--library", lib, "--force"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .starts_with("// Draft plan")
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn import_271_refuses_the_fee_schedule_folder() {
    let dir = scratch("folder");
    let before = files(&dir);
    let out = dir.join("fee-schedules/draft.ron");
    let (code, _, stderr) = ferrule(&[
        "import-271",
        PPO,
        "--library",
        dir.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains(
            "is inside the library's fee-schedules/ folder, which holds fee schedules only"
        ),
        "{stderr}"
    );
    assert_eq!(files(&dir), before);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn import_271_shows_the_changes_to_a_library_plan() {
    let dir = scratch("update");
    let out = dir.join("summit-update.ron");
    let (code, stdout, stderr) = ferrule(&[
        "import-271",
        PPO,
        "--library",
        dir.to_str().unwrap(),
        "--plan-id",
        "summit-ppo-1500",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("Changes to the library plan (old -> new)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("frequency_limits[\"D2740\"]: - -> 1 every 5 years"),
        "{stdout}"
    );
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("id: \"summit-ppo-1500\"")
    );
    // Without -o the update goes to the plan's own file: refused without --force.
    let own = dir.join("plans/summit-ppo-1500.ron");
    let before = std::fs::read_to_string(&own).unwrap();
    let lib = dir.to_str().unwrap();
    let (code, _, stderr) = ferrule(&[
        "import-271",
        PPO,
        "--library",
        lib,
        "--plan-id",
        "summit-ppo-1500",
    ]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("summit-ppo-1500.ron already exists"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&own).unwrap(), before);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn import_271_bad_input_changes_nothing_on_disk() {
    let dir = scratch("bad");
    let before = files(&dir);
    let cut = dir.join("cut.edi");
    let full = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(PPO)).unwrap();
    std::fs::write(&cut, &full[..full.len() / 2]).unwrap();
    let (code, stdout, stderr) = ferrule(&[
        "import-271",
        cut.to_str().unwrap(),
        "--library",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "{stdout}");
    assert!(stderr.contains("the interchange is truncated"), "{stderr}");
    assert_eq!(files(&dir), before);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn fees_export_then_import_gives_the_same_schedule() {
    let dir = scratch("fees");
    let lib = dir.to_str().unwrap();
    let csv = dir.join("summit.csv");
    let (code, stdout, stderr) = ferrule(&[
        "fees",
        "export",
        "summit-ppo-2026",
        "-o",
        csv.to_str().unwrap(),
        "--library",
        lib,
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("Wrote "), "{stdout}");
    let (code, _, stderr) = ferrule(&[
        "fees",
        "import",
        csv.to_str().unwrap(),
        "--id",
        "summit-copy",
        "--name",
        "Summit Dental PPO 2026",
        "--library",
        lib,
    ]);
    assert_eq!(code, 0, "{stderr}");
    let loaded = ferrule::library::load_dir(&dir);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let original = &loaded.fee_schedules["summit-ppo-2026"];
    let copy = &loaded.fee_schedules["summit-copy"];
    assert_eq!((&copy.fees, copy.kind), (&original.fees, original.kind));
    assert_eq!(copy.name, "Summit Dental PPO 2026");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn fees_import_with_a_missing_column_writes_nothing() {
    let dir = scratch("fees-bad");
    let before = files(&dir);
    let csv = dir.join("bad.csv");
    std::fs::write(&csv, "code,description\nD0120,Exam\n").unwrap();
    let (code, _, stderr) = ferrule(&[
        "fees",
        "import",
        csv.to_str().unwrap(),
        "--id",
        "bad",
        "--library",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("the CSV has no fee column"), "{stderr}");
    assert_eq!(files(&dir), before);
    std::fs::remove_dir_all(&dir).ok();
}
