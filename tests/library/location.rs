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
