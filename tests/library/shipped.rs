//! The shipped library: it loads without problems, matches the sample built into
//! the binary, every shipped file survives a trip through `to_ron` unchanged, and
//! treatment plans save privately and atomically.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use ferrule::library::{
    self, SAMPLE_FILES, load_treatment_plan, parse_treatment_plan, save_treatment_plan, to_ron,
};
use ferrule::model::{CodeCatalogue, Library, SourceFile, TreatmentPlan};
use ron::extensions::Extensions;

use super::{TempDir, document_problems, ron_files, root, shipped_schedules, source};

fn shipped() -> Library {
    library::load_dir(&root())
}

fn stem(rel: &str) -> String {
    Path::new(rel)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Every sample treatment plan, parsed, with its path relative to the root.
fn sample_treatment_plans() -> Vec<(String, TreatmentPlan)> {
    ron_files("assets/samples")
        .into_iter()
        .map(|rel| {
            let file = source(&rel);
            let plan = parse_treatment_plan(&file.path, &file.text)
                .unwrap_or_else(|problem| panic!("{problem}"));
            (rel, plan)
        })
        .collect()
}

#[test]
fn shipped_library_loads_every_file_without_problems() {
    let library = shipped();
    let problems: Vec<String> = library.problems.iter().map(ToString::to_string).collect();
    assert!(problems.is_empty(), "{problems:#?}");

    // The file name is the id, and the library remembers where each came from.
    let plan_files = ron_files("plans");
    assert!(!plan_files.is_empty());
    for rel in &plan_files {
        let id = stem(rel);
        assert!(library.plans.contains_key(&id), "{rel}: no plan {id:?}");
        assert_eq!(library.plan_source(&id), Some(root().join(rel).as_path()));
    }
    assert_eq!(library.plans.len(), plan_files.len());

    let schedule_files = ron_files("fee-schedules");
    assert!(!schedule_files.is_empty());
    for rel in &schedule_files {
        let id = stem(rel);
        assert!(
            library.fee_schedules.contains_key(&id),
            "{rel}: no fee schedule {id:?}"
        );
        assert_eq!(library.sources.get(&id), Some(&root().join(rel)));
    }
    assert_eq!(library.fee_schedules.len(), schedule_files.len());

    assert_eq!(library.catalogue.format, 1);
    assert!(!library.catalogue.codes.is_empty());
    assert!(
        library
            .catalogue
            .codes
            .windows(2)
            .all(|pair| pair[0].code < pair[1].code),
        "the catalogue is sorted and lists each code once"
    );
    assert!(library.office_schedule(None).is_some());
    assert_eq!(library.root.as_deref(), Some(root().as_path()));
}

#[test]
fn built_in_sample_equals_the_shipped_folders() {
    let disk = shipped();
    let sample = library::sample();
    let problems: Vec<String> = sample.problems.iter().map(ToString::to_string).collect();
    assert!(problems.is_empty(), "{problems:#?}");
    assert_eq!(sample.plans, disk.plans);
    assert_eq!(sample.fee_schedules, disk.fee_schedules);
    assert_eq!(sample.catalogue, disk.catalogue);
    assert_eq!(sample.presets, disk.presets);
    assert_eq!(sample.code_groups, disk.code_groups);
    assert_eq!(sample.root, None);

    // The binary carries exactly the files of the three folders, the presets
    // file, the code groups file and the coding files (seeded into `coding/` from `assets/coding/`),
    // unchanged.
    let from_assets = |rel: &str| rel.replace("coding/", "assets/coding/");
    let embedded: BTreeSet<String> = SAMPLE_FILES.iter().map(|(p, _)| from_assets(p)).collect();
    let on_disk: BTreeSet<String> = ["fee-schedules", "plans", "assets/samples", "assets/coding"]
        .iter()
        .flat_map(|folder| ron_files(folder))
        .chain(["assets/presets.ron".to_string()])
        .chain(["assets/code-groups.ron".to_string()])
        .collect();
    assert_eq!(embedded, on_disk);
    for (rel, text) in SAMPLE_FILES {
        assert_eq!(
            *text,
            source(&from_assets(rel)).text,
            "{rel} differs from the built-in copy"
        );
    }
}

#[test]
fn sample_treatment_plans_open_without_problems() {
    let library = shipped();
    let mut failures = Vec::new();
    for (rel, plan) in sample_treatment_plans() {
        for problem in document_problems(&plan, &library) {
            failures.push(format!("{rel}: {problem}"));
        }
        match load_treatment_plan(&root().join(&rel)) {
            Ok(loaded) if loaded == plan => {}
            Ok(_) => failures.push(format!("{rel}: load_treatment_plan read it differently")),
            Err(e) => failures.push(format!("{rel}: {e}")),
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn shipped_plans_round_trip_through_to_ron() {
    let library = shipped();
    let schedules = shipped_schedules();
    for (id, plan) in &library.plans {
        let text = to_ron(plan).unwrap();
        assert!(text.starts_with("PlanRules("), "{text}");
        let again = library::from_sources(
            &schedules,
            &[SourceFile {
                path: PathBuf::from(format!("written/{id}.ron")),
                text: text.clone(),
            }],
        );
        let problems: Vec<String> = again.problems.iter().map(ToString::to_string).collect();
        assert!(problems.is_empty(), "{id}: {problems:#?}\n{text}");
        assert_eq!(again.plans.get(id), Some(plan), "{id} changed:\n{text}");
    }
}

#[test]
fn shipped_fee_schedules_round_trip_through_to_ron() {
    let library = shipped();
    for (id, schedule) in &library.fee_schedules {
        let text = to_ron(schedule).unwrap();
        assert!(text.starts_with("FeeSchedule("), "{text}");
        let again = library::from_sources(
            &[SourceFile {
                path: PathBuf::from(format!("written/{id}.ron")),
                text: text.clone(),
            }],
            &[],
        );
        let problems: Vec<String> = again.problems.iter().map(ToString::to_string).collect();
        assert!(problems.is_empty(), "{id}: {problems:#?}");
        assert_eq!(again.fee_schedules.get(id), Some(schedule), "{id} changed");
    }
}

#[test]
fn code_catalogue_round_trips_through_to_ron() {
    let catalogue = shipped().catalogue;
    let text = to_ron(&catalogue).unwrap();
    assert!(text.starts_with("CodeCatalogue("), "{}", &text[..80]);
    // The loader's own reader for the catalogue is private; these are its options.
    let options = ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME);
    let again: CodeCatalogue = options.from_str(&text).unwrap();
    assert_eq!(again, catalogue);
    // And the shipped file itself reads the same way (the loader sorts it).
    let mut raw: CodeCatalogue = options
        .from_str(&source("assets/cdt-codes.ron").text)
        .unwrap();
    raw.sort();
    assert_eq!(raw, catalogue);
}

#[test]
fn sample_treatment_plans_round_trip_through_to_ron() {
    for (rel, plan) in sample_treatment_plans() {
        let text = to_ron(&plan).unwrap();
        assert!(text.starts_with("TreatmentPlan("), "{text}");
        let again = parse_treatment_plan(Path::new(&rel), &text)
            .unwrap_or_else(|problem| panic!("{problem}\n{text}"));
        assert_eq!(again, plan, "{rel} changed:\n{text}");
    }
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("cannot stat {}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

#[test]
fn saved_treatment_plans_read_back_equal() {
    let dir = TempDir::new("save-all");
    for (rel, plan) in sample_treatment_plans() {
        let path = dir.path().join(Path::new(&rel).file_name().unwrap());
        save_treatment_plan(&path, &plan).unwrap();
        assert_eq!(load_treatment_plan(&path).unwrap(), plan, "{rel}");
    }
}

#[test]
fn saving_is_private_and_leaves_no_temporary_file() {
    let dir = TempDir::new("save-over");
    let path = dir.path().join("patient.ron");
    let plan = parse_treatment_plan(
        Path::new("buildup-crown-19.ron"),
        &source("assets/samples/buildup-crown-19.ron").text,
    )
    .unwrap();

    save_treatment_plan(&path, &plan).unwrap();
    assert_eq!(load_treatment_plan(&path).unwrap(), plan);
    #[cfg(unix)]
    assert_eq!(
        mode(&path),
        0o600,
        "a new file is readable by the owner only"
    );

    // Over an existing file that someone made readable to everyone.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    }
    let mut changed = plan.clone();
    changed.patient.name = "Marisol Vega-Ortiz".to_string();
    changed.options.truncate(1);
    save_treatment_plan(&path, &changed).unwrap();
    assert_eq!(load_treatment_plan(&path).unwrap(), changed);
    #[cfg(unix)]
    assert_eq!(mode(&path), 0o600, "the replaced file is owner-only again");

    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, vec!["patient.ron".to_string()]);
}

#[test]
fn a_line_with_a_code_outside_the_catalogue_is_reported() {
    let lib = shipped();
    let (_, mut plan) = sample_treatment_plans().remove(0);
    // D0999 is in neither the catalogue nor the office schedule.
    let code = ferrule::model::CdtCode::parse("D0999").unwrap();
    let visit = &mut plan.options[0].visits[0];
    visit
        .lines
        .push(ferrule::model::PlannedLine::new(code, None));
    let problems = document_problems(&plan, &lib);
    assert!(
        problems
            .iter()
            .any(|p| p == "D0999: the code is not in the code catalogue, so it has no class or fee"),
        "{problems:?}"
    );
}

#[test]
fn shipped_catalogue_has_spanish_patient_words_for_every_code() {
    let catalogue = shipped().catalogue;
    let missing: Vec<String> = catalogue
        .codes
        .iter()
        .filter(|c| {
            c.patient_text_es
                .as_deref()
                .is_none_or(|t| t.trim().is_empty() || t == c.patient_text)
        })
        .map(|c| c.code.to_string())
        .collect();
    assert!(
        missing.is_empty(),
        "no Spanish patient words for {missing:?}"
    );
    assert_eq!(catalogue.codes.len(), 227);
}
