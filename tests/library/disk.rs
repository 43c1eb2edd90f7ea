//! Issue 12, what is on disk: the app's settings file (eframe's `app.ron`, whose
//! recent-files list names patients) is owner-only in an owner-only folder,
//! however it was before and after eframe rewrites it; fingerprints tell another
//! program's version from ours; library folders are recognised through any path;
//! the library stamp changes when a library file does.

use std::io::Write as _;

use ferrule::library::{self, Environment};

use super::TempDir;

#[cfg(unix)]
fn mode(path: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[cfg(unix)]
#[test]
fn the_settings_file_is_owner_only_before_and_after_eframe_writes_it() {
    use std::os::unix::fs::PermissionsExt as _;
    let tmp = TempDir::new("settings");
    let env = Environment {
        library: None,
        xdg_data_home: Some(tmp.path().join("data").into_os_string()),
        xdg_config_home: None,
        home: None,
        xdg_state_home: None,
        start_view: None,
        current_dir: Ok(tmp.path().to_path_buf()),
    };
    let file = env.app_state_path().unwrap();
    assert_eq!(file, tmp.path().join("data/ferrule/app.ron"));

    // Not there yet: created empty ("{}", an empty map eframe reads), 0600, in 0700.
    library::prepare_private_file(&file).unwrap();
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "{}");
    assert_eq!(mode(&file), 0o600);
    assert_eq!(mode(file.parent().unwrap()), 0o700);

    // eframe rewrites it in place (File::create truncates): the mode stays.
    let mut f = std::fs::File::create(&file).unwrap();
    f.write_all(b"{\"ferrule-prefs\": \"(recent: [\\\"/p/ada.ron\\\"])\"}")
        .unwrap();
    drop(f);
    assert_eq!(mode(&file), 0o600);

    // Left world-readable by an older version: narrowed, contents kept.
    let folder = file.parent().unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
    std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o755)).unwrap();
    library::prepare_private_file(&file).unwrap();
    assert_eq!(mode(&file), 0o600);
    assert_eq!(mode(folder), 0o700);
    assert!(std::fs::read_to_string(&file).unwrap().contains("ada.ron"));
}

#[cfg(unix)]
#[test]
fn a_symlink_at_the_settings_file_is_refused_not_followed() {
    let tmp = TempDir::new("settings-link");
    let victim = tmp.path().join("victim");
    std::fs::write(&victim, "keep").unwrap();
    let file = tmp.path().join("ferrule/app.ron");
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::os::unix::fs::symlink(&victim, &file).unwrap();
    assert!(library::prepare_private_file(&file).is_err());
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep");
}

#[test]
fn fingerprints_tell_versions_apart() {
    let tmp = TempDir::new("fingerprint");
    let file = tmp.path().join("plan.ron");
    assert_eq!(library::fingerprint(&file).unwrap(), None);
    std::fs::write(&file, "version one").unwrap();
    let one = library::fingerprint(&file).unwrap().unwrap();
    std::fs::write(&file, "version two").unwrap();
    let two = library::fingerprint(&file).unwrap().unwrap();
    assert_eq!(one.len, two.len);
    assert!(!one.same_content(&two));
    std::fs::write(&file, "version one").unwrap();
    let again = library::fingerprint(&file).unwrap().unwrap();
    assert!(one.same_content(&again));
    // A folder is not a file to compare.
    assert!(library::fingerprint(tmp.path()).is_err());
}

#[test]
fn a_saved_plan_has_the_fingerprint_of_what_is_on_disk() {
    let tmp = TempDir::new("fingerprint-save");
    let file = tmp.path().join("plan.ron");
    let plan = library::parse_treatment_plan(
        std::path::Path::new("x.ron"),
        &super::source("assets/samples/buildup-crown-19.ron").text,
    )
    .unwrap();
    let saved = library::save_treatment_plan_fingerprinted(&file, &plan).unwrap();
    assert_eq!(library::fingerprint(&file).unwrap(), Some(saved.clone()));
    let (read, opened) = library::load_treatment_plan_fingerprinted(&file).unwrap();
    assert_eq!(read, plan);
    assert_eq!(opened, saved);
}

#[test]
fn library_folders_are_recognised_through_any_path() {
    let tmp = TempDir::new("in-library");
    let lib = tmp.path().join("library");
    library::seed_library(&lib).unwrap();
    assert!(library::in_library_folder(
        &lib.join("plans/summit-ppo-1500.ron"),
        &lib
    ));
    assert!(library::in_library_folder(
        &lib.join("fee-schedules/new.ron"),
        &lib
    ));
    assert!(library::in_library_folder(
        &lib.join("assets/../plans/new.ron"),
        &lib
    ));
    assert!(!library::in_library_folder(&lib.join("patient.ron"), &lib));
    assert!(!library::in_library_folder(
        &tmp.path().join("plans/new.ron"),
        &lib
    ));
    #[cfg(unix)]
    {
        let link = tmp.path().join("shortcut");
        std::os::unix::fs::symlink(lib.join("plans"), &link).unwrap();
        assert!(library::in_library_folder(&link.join("new.ron"), &lib));
    }
}

#[test]
fn the_library_stamp_changes_with_its_files_only() {
    let tmp = TempDir::new("stamp");
    let lib = tmp.path().join("library");
    library::seed_library(&lib).unwrap();
    let before = library::library_stamp(&lib);
    assert_eq!(library::library_stamp(&lib), before);
    std::fs::write(lib.join("plans/notes.txt"), "not a library file").unwrap();
    assert_eq!(library::library_stamp(&lib), before);
    let file = lib.join("fee-schedules/office-2026.ron");
    let mut text = std::fs::read_to_string(&file).unwrap();
    text.push_str("\n// changed\n");
    std::fs::write(&file, text).unwrap();
    let changed = library::library_stamp(&lib);
    assert_ne!(changed, before);
    std::fs::remove_file(&file).unwrap();
    assert_ne!(library::library_stamp(&lib), changed);
}
