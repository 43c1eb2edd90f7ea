//! Issue 12, safe writes: every file Ferrule writes (treatment plans, practice
//! settings, PDFs) goes through a temporary file that a planted symlink cannot
//! redirect, is owner-only, leaves nothing behind when it fails, and never
//! replaces a read-only file. (Filling every possible temporary name is done in
//! `library::write`'s unit test, with a one-character random part.)

use std::path::{Path, PathBuf};

use ferrule::library::{self, practice, save_treatment_plan};
use ferrule::model::{PracticeSettings, TreatmentPlan};

use super::{TempDir, source};

fn sample_plan() -> TreatmentPlan {
    library::parse_treatment_plan(
        Path::new("buildup-crown-19.ron"),
        &source("assets/samples/buildup-crown-19.ron").text,
    )
    .unwrap()
}

/// The names in a folder, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Temporary names an attacker could guess for `name`: the old `.NAME.PID.tmp`,
/// the same without a number, tempfile's default `.tmpXXXXXX`, and a few hundred
/// of the current `.NAME.<12 letters and digits>.tmp`.
fn guessable_temp_names(name: &str) -> Vec<String> {
    let mut names = vec![
        format!(".{name}.{}.tmp", std::process::id()),
        format!(".{name}.tmp"),
        format!("{name}.tmp"),
    ];
    let chars: Vec<char> = ('0'..='9').chain('a'..='z').chain('A'..='Z').collect();
    for i in 0..300usize {
        let pick = |k: usize| chars[(i * 7 + k * 13 + i / 7) % chars.len()];
        names.push(format!(".tmp{}", (0..6).map(pick).collect::<String>()));
        names.push(format!(
            ".{name}.{}.tmp",
            (0..12).map(pick).collect::<String>()
        ));
    }
    names.sort();
    names.dedup();
    names
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::symlink_metadata(path)
        .unwrap()
        .permissions()
        .mode()
        & 0o777
}

/// Plants a symlink at every guessable temporary name of `target` (half to
/// existing files outside, half dangling), runs `save`, and shows nothing outside
/// changed and the saved file is a regular 0600 file.
#[cfg(unix)]
fn assert_symlinks_not_followed(label: &str, save: impl Fn(&Path)) {
    let dir = TempDir::new(&format!("{label}-folder"));
    let outside = TempDir::new(&format!("{label}-outside"));
    let target = dir.path().join("patient.ron");
    let planted = guessable_temp_names("patient.ron");
    let victims: Vec<PathBuf> = (0..planted.len())
        .map(|i| outside.path().join(format!("victim-{i}")))
        .collect();
    for (i, (name, victim)) in planted.iter().zip(&victims).enumerate() {
        if i % 2 == 0 {
            std::fs::write(victim, "outside").unwrap();
        }
        std::os::unix::fs::symlink(victim, dir.path().join(name)).unwrap();
    }
    let before = names(dir.path());

    save(&target);

    for (i, victim) in victims.iter().enumerate() {
        if i % 2 == 0 {
            assert_eq!(std::fs::read_to_string(victim).unwrap(), "outside");
        } else {
            assert!(!victim.exists(), "{} was created", victim.display());
        }
    }
    let meta = std::fs::symlink_metadata(&target).unwrap();
    assert!(meta.file_type().is_file(), "{label}: not a regular file");
    assert_eq!(mode(&target), 0o600, "{label}");
    let mut after = before.clone();
    after.push("patient.ron".into());
    after.sort();
    assert_eq!(
        names(dir.path()),
        after,
        "{label}: only the saved file is new"
    );
}

// Issue 12, safe writes: "no symlink following" for every kind of file Ferrule
// writes, and "every file Ferrule writes that can hold patient data is 0600".
#[cfg(unix)]
#[test]
fn symlinks_planted_at_temp_names_are_never_followed() {
    let plan = sample_plan();
    assert_symlinks_not_followed("plan", |path| {
        save_treatment_plan(path, &plan).unwrap();
        assert_eq!(library::load_treatment_plan(path).unwrap(), plan);
    });
    assert_symlinks_not_followed("settings", |path| {
        practice::save(path, &PracticeSettings::default()).unwrap();
    });
    assert_symlinks_not_followed("pdf", |path| {
        library::write_atomic(path, b"%PDF-1.7 patient estimate").unwrap();
    });
}

// Issue 12, safe writes: "cleaned up on failure". A folder where the file should
// go: refused before anything is written.
#[test]
fn a_failed_save_leaves_no_temporary_file() {
    let dir = TempDir::new("save-fails");
    let target = dir.path().join("patient.ron");
    std::fs::create_dir(&target).unwrap();
    let e = save_treatment_plan(&target, &sample_plan()).unwrap_err();
    assert_eq!(
        e.to_string(),
        format!(
            "cannot save {}: it is a folder, not a file: expected a file name",
            target.display()
        )
    );
    assert_eq!(names(dir.path()), vec!["patient.ron".to_string()]);
}

// Issue 12, safe writes: a folder the user may not write. Root may write anywhere,
// so this part only runs for an ordinary user.
#[cfg(unix)]
#[test]
fn a_save_into_a_read_only_folder_fails_and_leaves_nothing() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = TempDir::new("save-read-only-folder");
    let folder = dir.path().join("locked");
    std::fs::create_dir(&folder).unwrap();
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o500)).unwrap();
    let privileged = std::fs::write(folder.join("probe"), "x").is_ok();
    std::fs::remove_file(folder.join("probe")).ok();
    if !privileged {
        let e = save_treatment_plan(&folder.join("patient.ron"), &sample_plan()).unwrap_err();
        assert!(e.to_string().contains("Permission denied"), "{e}");
        assert!(names(&folder).is_empty());
    }
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o700)).unwrap();
}

// Issue 12, never overwrite: "respect read-only files". The rename would replace
// a read-only file (only the folder's permissions count for a rename), so it is
// refused first; the file keeps its text and its mode.
#[cfg(unix)]
#[test]
fn a_read_only_file_is_refused_not_replaced() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = TempDir::new("save-read-only");
    let path = dir.path().join("patient.ron");
    std::fs::write(&path, "// the office's copy\n").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let e = save_treatment_plan(&path, &sample_plan()).unwrap_err();
    assert_eq!(
        e.to_string(),
        format!(
            "cannot save {}: the file is read-only: save under another name, or make it writable first",
            path.display()
        )
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "// the office's copy\n"
    );
    assert_eq!(mode(&path), 0o444);
    assert_eq!(names(dir.path()), vec!["patient.ron".to_string()]);
    let pdf = dir.path().join("estimate.pdf");
    std::fs::write(&pdf, "%PDF-old").unwrap();
    std::fs::set_permissions(&pdf, std::fs::Permissions::from_mode(0o400)).unwrap();
    let e = library::write_atomic(&pdf, b"%PDF-new").unwrap_err();
    assert_eq!(e.kind(), std::io::ErrorKind::PermissionDenied, "{e}");
    assert_eq!(std::fs::read(&pdf).unwrap(), b"%PDF-old");
}
