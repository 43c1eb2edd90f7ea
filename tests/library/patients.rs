//! Issue 19 item 6, the patient folder's index: every treatment plan directly in
//! the folder with its patient's name, chart number and birth date; a file that
//! does not load is a problem with its file name and reason, never a failure;
//! other files, subfolders and (on Unix) a FIFO never stop or block the listing;
//! the default folder is "Ferrule Patients" in the user's documents folder.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use ferrule::library::{self, PatientIndex, index_patients};

use super::TempDir;

fn plan_text(name: &str, chart: Option<&str>, born: &str) -> String {
    let chart = chart.map_or(String::new(), |c| format!(", chart_number: \"{c}\""));
    format!(
        "TreatmentPlan(format: 1, patient: (name: \"{name}\", birth_date: \"{born}\"{chart}), \
         coverage: [], options: [])"
    )
}

fn write(dir: &Path, file: &str, text: &str) -> PathBuf {
    let path = dir.join(file);
    std::fs::write(&path, text).unwrap();
    path
}

fn names(index: &PatientIndex) -> Vec<String> {
    let mut names: Vec<String> = index.patients.iter().map(|p| p.name.clone()).collect();
    names.sort();
    names
}

#[test]
fn lists_name_chart_and_birth_date_of_each_plan_in_the_folder() {
    let tmp = TempDir::new("patients-index");
    let dir = tmp.path();
    let vega = write(
        dir,
        "Marisol Vega 10442.ron",
        &plan_text("Marisol Vega", Some("10442"), "1978-03-14"),
    );
    write(
        dir,
        "lind.ron",
        &plan_text(" Ada Lind ", None, "1975-03-02"),
    );
    write(
        dir,
        "notes.txt",
        &plan_text("Not Listed", None, "1990-01-01"),
    );
    write(dir, ".hidden.ron", &plan_text("Hidden", None, "1990-01-01"));
    std::fs::create_dir(dir.join("old.ron")).unwrap();
    std::fs::create_dir(dir.join("archive")).unwrap();
    write(
        &dir.join("archive"),
        "deep.ron",
        &plan_text("In A Subfolder", None, "1990-01-01"),
    );
    write(dir, "broken.ron", "TreatmentPlan(format: 1, patient: (");

    let index = index_patients(dir, None).unwrap();
    assert_eq!(names(&index), ["Ada Lind", "Marisol Vega"]);
    let entry = index.patients.iter().find(|p| p.path == vega).unwrap();
    assert_eq!(entry.chart_number.as_deref(), Some("10442"));
    assert_eq!(entry.birth_date, NaiveDate::from_ymd_opt(1978, 3, 14));
    assert!(entry.changed.is_some());
    let lind = index
        .patients
        .iter()
        .find(|p| p.name == "Ada Lind")
        .unwrap();
    assert_eq!(lind.chart_number, None);
    // The broken file is a problem, named by its file name only, with a reason.
    assert_eq!(index.problems.len(), 1, "{:?}", index.problems);
    assert_eq!(index.problems[0].file_name, "broken.ron");
    assert!(!index.problems[0].reason.is_empty());
    assert!(!index.problems[0].reason.contains(&*dir.to_string_lossy()));
}

#[test]
fn an_unchanged_file_is_taken_from_the_last_listing_and_a_changed_one_read_again() {
    let tmp = TempDir::new("patients-reuse");
    let dir = tmp.path();
    let path = write(dir, "a.ron", &plan_text("Ada Lind", None, "1975-03-02"));
    let first = index_patients(dir, None).unwrap();
    let again = index_patients(dir, Some(&first)).unwrap();
    assert_eq!(again, first);
    // A different size is a different file, even within the same second.
    std::fs::write(&path, plan_text("Ada Lind-Berg", Some("7"), "1975-03-02")).unwrap();
    let changed = index_patients(dir, Some(&first)).unwrap();
    assert_eq!(names(&changed), ["Ada Lind-Berg"]);
    std::fs::remove_file(&path).unwrap();
    assert!(
        index_patients(dir, Some(&changed))
            .unwrap()
            .patients
            .is_empty()
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_is_a_problem_not_a_hang_and_a_symlink_is_read_like_the_reader_does() {
    use std::os::unix::fs::{PermissionsExt as _, symlink};
    let tmp = TempDir::new("patients-special");
    let dir = tmp.path().join("Ferrule Patients");
    // Created owner-only when missing.
    let index = index_patients(&dir, None).unwrap();
    assert!(index.patients.is_empty() && index.problems.is_empty());
    let mode = std::fs::metadata(&dir).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o700);

    let fifo = dir.join("pipe.ron");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let elsewhere = write(
        tmp.path(),
        "real.ron",
        &plan_text("Ada Lind", None, "1975-03-02"),
    );
    symlink(&elsewhere, dir.join("link.ron")).unwrap();
    symlink(tmp.path().join("missing.ron"), dir.join("dangling.ron")).unwrap();

    let index = index_patients(&dir, None).unwrap();
    assert_eq!(names(&index), ["Ada Lind"]);
    let problems: Vec<(String, String)> = index
        .problems
        .iter()
        .map(|p| (p.file_name.clone(), p.reason.clone()))
        .collect();
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert_eq!(problems[0].0, "dangling.ron");
    assert_eq!(problems[1].0, "pipe.ron");
    assert!(problems[1].1.contains("named pipe (FIFO)"), "{problems:?}");
}

#[test]
fn the_default_patient_folder_is_in_the_documents_folder() {
    let tmp = TempDir::new("documents");
    let home = tmp.path().join("home");
    let env = |config: Option<PathBuf>| library::Environment {
        library: None,
        xdg_data_home: None,
        xdg_config_home: config.map(PathBuf::into_os_string),
        home: Some(home.clone().into_os_string()),
        xdg_state_home: None,
        start_view: None,
        current_dir: Ok(tmp.path().to_path_buf()),
    };
    // No user-dirs.dirs: ~/Documents.
    let dir = env(None).patients_dir().unwrap();
    assert_eq!(dir, home.join("Documents/Ferrule Patients"));
    assert!(dir.is_dir());
    // The desktop's own documents folder, from user-dirs.dirs.
    let config = tmp.path().join("config");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(
        config.join("user-dirs.dirs"),
        "# written by xdg-user-dirs-update\nXDG_DESKTOP_DIR=\"$HOME/Desktop\"\nXDG_DOCUMENTS_DIR=\"$HOME/Dokumente\"\n",
    )
    .unwrap();
    let dir = env(Some(config)).patients_dir().unwrap();
    assert_eq!(dir, home.join("Dokumente/Ferrule Patients"));
    // "$HOME" alone means the desktop has no documents folder: ~/Documents then.
    assert_eq!(
        library::documents_in_user_dirs("XDG_DOCUMENTS_DIR=\"$HOME/\"", &home),
        None
    );
    assert_eq!(
        library::documents_in_user_dirs("XDG_DOCUMENTS_DIR=\"/srv/docs\"", &home),
        Some(PathBuf::from("/srv/docs"))
    );
}

#[test]
fn two_thousand_patients_are_listed_and_a_second_listing_reads_none_again() {
    let tmp = TempDir::new("patients-many");
    let sample =
        std::fs::read_to_string(super::root().join("assets/samples/buildup-crown-19.ron")).unwrap();
    for n in 0..2000 {
        let text = sample.replace("Marisol Vega", &format!("Patient {n:04}"));
        std::fs::write(tmp.path().join(format!("p{n:04}.ron")), text).unwrap();
    }
    let start = std::time::Instant::now();
    let first = index_patients(tmp.path(), None).unwrap();
    let cold = start.elapsed();
    let start = std::time::Instant::now();
    let second = index_patients(tmp.path(), Some(&first)).unwrap();
    let warm = start.elapsed();
    eprintln!("2000 patients: first listing {cold:?}, again {warm:?}");
    assert_eq!(first.patients.len(), 2000);
    assert!(first.problems.is_empty());
    assert_eq!(second, first);
}
