//! Where the library is found: `--library`, then `FERRULE_LIBRARY`, then the current
//! folder when it has `plans/`, then the per-user data folder, seeded from the sample
//! built into the binary.

use std::path::{Path, PathBuf};

use ferrule::library::{self, LibraryError, resolve_library_dir, user_data_dir};

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ferrule-location-{name}-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn flag_beats_environment_beats_current_folder() {
    let flag = temp("flag");
    let env = temp("env");
    let cwd = temp("cwd");
    std::fs::create_dir_all(cwd.join("plans")).unwrap();
    let data = Some(temp("data"));
    let pick = |flag: Option<&Path>, env: Option<&Path>| {
        resolve_library_dir(
            flag,
            env.map(|e| e.as_os_str().to_owned()),
            &cwd,
            data.clone(),
        )
        .unwrap()
    };
    assert_eq!(pick(Some(&flag), Some(&env)), flag);
    assert_eq!(pick(None, Some(&env)), env);
    assert_eq!(pick(None, None), cwd);
    let missing = flag.join("nope");
    assert!(matches!(
        resolve_library_dir(Some(&missing), None, &cwd, data.clone()),
        Err(LibraryError::Missing(p)) if p == missing
    ));
    for d in [flag, env, cwd] {
        std::fs::remove_dir_all(d).ok();
    }
}

#[test]
fn the_per_user_folder_is_seeded_from_the_built_in_sample() {
    let cwd = temp("empty-cwd");
    let data = temp("seed");
    let dir = resolve_library_dir(None, None, &cwd, Some(data.clone())).unwrap();
    assert_eq!(dir, data.join("library"));
    let seeded = library::load_dir(&dir);
    assert!(seeded.problems.is_empty(), "{:?}", seeded.problems);
    let sample = library::sample();
    assert_eq!(seeded.plans, sample.plans);
    assert_eq!(seeded.fee_schedules, sample.fee_schedules);
    assert!(dir.join("assets/samples/buildup-crown-19.ron").is_file());
    // A second start keeps what the office changed.
    let edited = dir.join("plans/summit-ppo-1500.ron");
    std::fs::write(&edited, "// edited by the office\n").unwrap();
    resolve_library_dir(None, None, &cwd, Some(data.clone())).unwrap();
    assert_eq!(
        std::fs::read_to_string(&edited).unwrap(),
        "// edited by the office\n"
    );
    std::fs::remove_dir_all(cwd).ok();
    std::fs::remove_dir_all(data).ok();
}

#[test]
fn user_data_dir_follows_xdg_then_home() {
    assert_eq!(
        user_data_dir(Some("/x/data".into()), Some("/home/a".into())),
        Some(PathBuf::from("/x/data/ferrule"))
    );
    assert_eq!(
        user_data_dir(None, Some("/home/a".into())),
        Some(PathBuf::from("/home/a/.local/share/ferrule"))
    );
    assert_eq!(user_data_dir(Some("".into()), None), None);
}

// Issue 12, safe writes: "the default patient folder 0700". The per-user data
// folder also holds the app's recent-files list, so it is owner-only too.
#[cfg(unix)]
#[test]
fn the_patients_folder_and_the_seeded_data_folder_are_owner_only() {
    use std::os::unix::fs::PermissionsExt as _;
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let base = temp("private");
    let env = library::Environment {
        library: None,
        xdg_data_home: Some(base.join("data").into_os_string()),
        xdg_config_home: None,
        home: None,
        xdg_state_home: None,
        start_view: None,
        current_dir: Ok(base.clone()),
    };
    let patients = env.patients_dir().unwrap();
    assert_eq!(patients, base.join("data/ferrule/patients"));
    assert_eq!(mode(&base.join("data/ferrule")), 0o700);
    assert_eq!(mode(&patients), 0o700);

    let data = base.join("fresh/ferrule");
    let dir = resolve_library_dir(None, None, &base, Some(data.clone())).unwrap();
    for folder in [data.clone(), dir.clone(), dir.join("assets/samples")] {
        assert_eq!(mode(&folder), 0o700, "{}", folder.display());
    }
    assert_eq!(
        mode(&dir.join("assets/samples/buildup-crown-19.ron")),
        0o600
    );
    std::fs::remove_dir_all(base).ok();
}
