//! The error catalogue: each file in `tests/library/broken/` is a small, complete
//! file with one kind of mistake, and each test pins the exact problem the loader
//! reports for it (`path:line:column: message`).
//!
//! Plans are loaded next to every shipped fee schedule, so only the planted mistake
//! can go wrong; a file that reuses an id is loaded after the shipped file it
//! copies. Treatment plans go through `parse_treatment_plan`, as when the app opens
//! one.

use ferrule::library::{self, parse_treatment_plan};
use ferrule::model::SourceFile;

use super::{ron_files, shipped_schedules, source};

const DIR: &str = "tests/library/broken";

/// What the loader reports for one broken fixture, as `path:line:column: message`
/// lines, and how many plans and fee schedules got in beside it.
struct Loaded {
    problems: Vec<String>,
    plans: usize,
    schedules: usize,
}

fn load(name: &str) -> Loaded {
    let file = source(&format!("{DIR}/{name}"));
    if file.text.contains("TreatmentPlan(") {
        let problems = match parse_treatment_plan(&file.path, &file.text) {
            Ok(_) => Vec::new(),
            Err(problem) => vec![problem.to_string()],
        };
        return Loaded {
            problems,
            plans: 0,
            schedules: 0,
        };
    }
    // A file reusing an id comes after the shipped file it copies.
    let first = |rel: &str| -> Vec<SourceFile> {
        if name.contains("duplicate") {
            vec![source(rel)]
        } else {
            Vec::new()
        }
    };
    let library = if file.text.contains("FeeSchedule(") {
        let mut schedules = first("fee-schedules/summit-ppo-2026.ron");
        schedules.push(file);
        library::from_sources(&schedules, &[])
    } else {
        let mut plans = first("plans/summit-ppo-1500.ron");
        plans.push(file);
        library::from_sources(&shipped_schedules(), &plans)
    };
    Loaded {
        problems: library.problems.iter().map(ToString::to_string).collect(),
        plans: library.plans.len(),
        schedules: library.fee_schedules.len(),
    }
}

/// One test per fixture: exactly this one problem, and the broken file did not
/// get into the library (everything else did).
macro_rules! broken {
    ($($test:ident: $file:literal => $expected:literal;)*) => {
        $(
            #[test]
            fn $test() {
                let loaded = load($file);
                assert_eq!(loaded.problems, vec![$expected.to_string()], "{}", $file);
                let is_plan = !$file.starts_with("schedule") && !$file.starts_with("treatment")
                    && $file != "syntax-unclosed-paren.ron";
                let duplicate = usize::from($file.contains("duplicate"));
                if $file.starts_with("treatment") {
                    // Nothing else to check: the document did not open.
                } else if is_plan {
                    assert_eq!(loaded.plans, duplicate, "only the first of a duplicate loads");
                    assert_eq!(loaded.schedules, shipped_schedules().len());
                } else {
                    assert_eq!(loaded.schedules, duplicate, "only the first of a duplicate loads");
                }
            }
        )*

        /// Every pinned problem, as the loader prints it.
        const PINNED: &[&str] = &[$($expected),*];

        /// Every fixture in the folder has a test above.
        #[test]
        fn every_broken_fixture_is_pinned() {
            let pinned = [$($file),*];
            let unpinned: Vec<String> = ron_files(DIR)
                .into_iter()
                .filter(|rel| !pinned.iter().any(|p| rel.ends_with(&format!("/{p}"))))
                .collect();
            assert!(unpinned.is_empty(), "fixtures without a test: {unpinned:?}");
        }
    };
}

broken! {
    // RON syntax.
    syntax_missing_comma: "syntax-missing-comma.ron" =>
        // Points at the field after the missing comma (where ron noticed).
        "tests/library/broken/syntax-missing-comma.ron:7:5: Expected comma";
    syntax_unclosed_paren_at_end: "syntax-unclosed-paren.ron" =>
        "tests/library/broken/syntax-unclosed-paren.ron:10:7: Unexpected end of RON";
    // Issue 12, loader edges: "errors at the position where the mistake is". ron
    // reports this one at 13:37 ("Expected comma"), where the string it ran on in
    // ends; closing the string on line 7 is what makes the file parse.
    syntax_unclosed_string_at_its_start: "syntax-unclosed-string.ron" =>
        r#"tests/library/broken/syntax-unclosed-string.ron:7:14: unclosed text: expected a closing " on this line; as written, the text runs on to line 13"#;
    syntax_unclosed_string_to_the_end: "syntax-unclosed-string-at-end.ron" =>
        r#"tests/library/broken/syntax-unclosed-string-at-end.ron:12:11: unclosed text: expected a closing " (the text runs on to the end of the file)"#;
    treatment_unclosed_string_at_its_start: "treatment-unclosed-string.ron" =>
        r#"tests/library/broken/treatment-unclosed-string.ron:17:27: unclosed text: expected a closing " on this line; as written, the text runs on to line 18"#;
    syntax_unclosed_paren_inside: "syntax-unclosed-paren-inner.ron" =>
        // Reported: an unclosed `(` reads as the next field being inside it, so the
        // message names the field, not the parenthesis (line 8).
        "tests/library/broken/syntax-unclosed-paren-inner.ron:10:5: unknown field `coverage` in `Deductible`, expected one of `individual`, `family`, `family_model`, `waived_classes`, `period`, or `placement` instead";

    // Unknown and missing fields.
    unknown_field_in_plan: "plan-unknown-field.ron" =>
        "tests/library/broken/plan-unknown-field.ron:8:5: unknown field `annual_maximum` in `PlanRules`, expected one of `format`, `id`, `name`, `carrier`, `network`, `benefit_year`, `rounding`, `deductible`, `maximum`, `coverage`, `code_coverage`, `frequency_limits`, `age_limits`, `waiting_periods`, `missing_tooth_clause`, `exclusions`, `preauthorization`, `alternate_benefits`, `bundling`, `cob`, `dhmo_upgrades`, or `settings` instead";
    unknown_field_in_fee_schedule: "schedule-unknown-field.ron" =>
        "tests/library/broken/schedule-unknown-field.ron:7:5: unknown field `effective` in `FeeSchedule`, expected one of `format`, `id`, `name`, `kind`, or `fees` instead";
    missing_required_field: "plan-missing-field.ron" =>
        // At the closing parenthesis of the plan: ron only knows at the end.
        "tests/library/broken/plan-missing-field.ron:12:1: missing field `carrier` in `PlanRules`";

    // Codes, teeth, surfaces, dates.
    code_with_five_digits: "schedule-bad-code-five-digits.ron" =>
        r#"tests/library/broken/schedule-bad-code-five-digits.ron:9:10: expected a CDT code: D followed by four digits, such as "D2740"; found "D27400""#;
    code_without_d: "plan-bad-code-no-d.ron" =>
        // Column 40 is the `]` after "2740" (col 34): code lists report at their end.
        r#"tests/library/broken/plan-bad-code-no-d.ron:14:40: expected a CDT code: D followed by four digits, such as "D2740"; found "2740""#;
    code_in_a_multiline_list: "plan-bad-code-in-list.ron" =>
        // Reported: the bad code is on line 15; line 17 is the list's closing `]`.
        r#"tests/library/broken/plan-bad-code-in-list.ron:15:16: expected a CDT code: D followed by four digits, such as "D2740"; found "D274""#;
    tooth_33: "treatment-bad-tooth.ron" =>
        r#"tests/library/broken/treatment-bad-tooth.ron:19:53: expected a tooth in Universal numbering (1-32, A-T, 51-82 or AS-TS), found "33""#;
    surface_letter: "treatment-bad-surface.ron" =>
        r#"tests/library/broken/treatment-bad-surface.ron:19:69: expected surfaces from M, O, I, D, B, F, L (such as "MOD"), found "MX""#;
    date_month_13: "treatment-bad-date.ron" =>
        // Reported: chrono's message does not say a "YYYY-MM-DD" date was expected.
        "tests/library/broken/treatment-bad-date.ron:6:22: input is out of range: expected a date written \"YYYY-MM-DD\"";

    // Money and percentages.
    negative_money: "schedule-negative-money.ron" =>
        r#"tests/library/broken/schedule-negative-money.ron:9:19: expected an amount of zero or more, found "-5.00""#;
    money_with_three_decimals: "schedule-three-decimals.ron" =>
        r#"tests/library/broken/schedule-three-decimals.ron:9:19: expected at most two decimals (cents) in "12.345""#;
    money_as_a_bare_number: "schedule-bare-number.ron" =>
        r#"tests/library/broken/schedule-bare-number.ron:9:18: Expected an amount in quotes, such as "125.00" but found the floating point number `1400` instead"#;
    percentage_above_100: "plan-percent-out-of-range.ron" =>
        "tests/library/broken/plan-percent-out-of-range.ron:11:27: expected a percentage from 0 to 100, found 120";

    // Format version.
    plan_format_2: "plan-format-2.ron" =>
        // Reported: line 1 is the file's comment, which contains the word "format";
        // `format: 2` is on line 3.
        "tests/library/broken/plan-format-2.ron:3:5: unsupported format version 2: expected 1, the version this Ferrule reads";
    treatment_plan_format_2: "treatment-format-2.ron" =>
        "tests/library/broken/treatment-format-2.ron:3:5: unsupported format version 2: expected 1, the version this Ferrule reads";

    // Ids and references between files.
    duplicate_plan_id: "plan-duplicate-id.ron" =>
        r#"tests/library/broken/plan-duplicate-id.ron:4:9: duplicate plan id "summit-ppo-1500" (first in plans/summit-ppo-1500.ron): expected every id to be unique"#;
    duplicate_fee_schedule_id: "schedule-duplicate-id.ron" =>
        r#"tests/library/broken/schedule-duplicate-id.ron:4:9: duplicate fee schedule id "summit-ppo-2026" (first in fee-schedules/summit-ppo-2026.ron): expected every id to be unique"#;
    code_listed_twice_in_a_fee_schedule: "schedule-code-twice.ron" =>
        // Line 11 is the second D1110; column 10 is just past the key.
        "tests/library/broken/schedule-code-twice.ron:11:10: D1110 is listed twice: expected each code once";
    class_listed_twice_in_coverage: "plan-class-twice.ron" =>
        "tests/library/broken/plan-class-twice.ron:11:9: Diagnostic is listed twice: expected each class once";
    missing_fee_schedule: "plan-missing-schedule.ron" =>
        r#"tests/library/broken/plan-missing-schedule.ron:7:36: fee schedule "nowhere-ppo-2026" does not exist: expected the id of a file in fee-schedules/"#;
    wrong_kind_of_fee_schedule: "plan-wrong-schedule-kind.ron" =>
        r#"tests/library/broken/plan-wrong-schedule-kind.ron:7:36: fee schedule "lakeview-dhmo-copays-2026" holds member copays, but this plan's network (in-network PPO) expected contracted fees"#;

    // Rules that contradict each other.
    family_deductible_below_individual: "plan-family-deductible-below.ron" =>
        "tests/library/broken/plan-family-deductible-below.ron:10:9: family deductible 40.00 is less than the individual deductible 50.00: expected at least the individual amount";
    alternate_benefit_to_itself: "plan-alternate-to-itself.ron" =>
        r#"tests/library/broken/plan-alternate-to-itself.ron:16:42: alternate benefit "Molar crowns" pays D2740 as itself: expected a different code"#;
    excluded_code_with_its_own_coverage: "plan-excluded-and-covered.ron" =>
        r#"tests/library/broken/plan-excluded-and-covered.ron:13:36: D9972 is covered at 50% here but excluded ("Whitening is cosmetic."): expected one or the other"#;
    age_limit_from_after_through: "plan-age-limit-reversed.ron" =>
        "tests/library/broken/plan-age-limit-reversed.ron:15:28: age limit from age 19 through age 18 covers nobody: expected from_age <= through_age";
    age_limit_from_after_through_second: "plan-age-limit-reversed-second.ron" =>
        // Reported: the bad limit is on line 15; line 14 is the first `from_age`
        // after `age_limits`, which belongs to a good limit.
        "tests/library/broken/plan-age-limit-reversed-second.ron:15:28: age limit from age 19 through age 18 covers nobody: expected from_age <= through_age";
    frequency_count_zero: "plan-frequency-count-zero.ron" =>
        r#"tests/library/broken/plan-frequency-count-zero.ron:15:47: frequency limit "Cleanings" allows 0 services: expected 1 or more (use an exclusion for services the plan never pays)"#;
    // Issue 12, loader edges: "zero-length windows ... refused", every kind of window.
    frequency_window_years_0: "plan-window-years-0.ron" =>
        r#"tests/library/broken/plan-window-years-0.ron:15:65: frequency limit "Bitewings" looks back 0 years: expected a window of 1 year or more"#;
    frequency_window_days_0: "plan-window-days-0.ron" =>
        r#"tests/library/broken/plan-window-days-0.ron:15:65: frequency limit "Bitewings" looks back 0 days: expected a window of 1 day or more"#;
    frequency_window_months_to_the_day_0: "plan-window-months-to-the-day-0.ron" =>
        r#"tests/library/broken/plan-window-months-to-the-day-0.ron:15:65: frequency limit "Bitewings" looks back 0 months: expected a window of 1 month or more"#;
    frequency_window_months_to_the_month_0: "plan-window-months-to-the-month-0.ron" =>
        r#"tests/library/broken/plan-window-months-to-the-month-0.ron:15:65: frequency limit "Bitewings" looks back 0 months: expected a window of 1 month or more"#;
    frequency_window_rolling_0: "plan-window-rolling-0.ron" =>
        r#"tests/library/broken/plan-window-rolling-0.ron:15:65: frequency limit "Bitewings" looks back 0 months: expected a window of 1 month or more"#;
    // Issue 12, loader edges: "circles of any length refused", named in order.
    alternate_benefits_two_way: "plan-alternate-two-way.ron" =>
        "tests/library/broken/plan-alternate-two-way.ron:14:47: alternate benefits pay D2740 as D2750 and D2750 as D2740: a circle; expected every chain of downgrades to end";
    alternate_benefits_three_way_across_rules: "plan-alternate-circle.ron" =>
        "tests/library/broken/plan-alternate-circle.ron:17:24: alternate benefits pay D2740 as D2750, D2750 as D2791 and D2791 as D2740: a circle; expected every chain of downgrades to end";
}

/// One broken plan in a folder of good files: the good ones load, one problem.
#[test]
fn a_broken_plan_does_not_stop_the_others() {
    let dir = super::TempDir::new("one-broken");
    let copy = |from: &str, to: &str| {
        let to = dir.path().join(to);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(super::root().join(from), &to).unwrap();
    };
    copy(
        "fee-schedules/summit-ppo-2026.ron",
        "fee-schedules/summit-ppo-2026.ron",
    );
    copy("plans/summit-ppo-1500.ron", "plans/summit-ppo-1500.ron");
    copy(&format!("{DIR}/plan-unknown-field.ron"), "plans/broken.ron");

    let library = library::load_dir(dir.path());

    // The same problem as the fixture on its own, at the copy's path.
    let broken = dir.path().join("plans/broken.ron");
    let pinned = PINNED
        .iter()
        .find_map(|p| p.strip_prefix(&format!("{DIR}/plan-unknown-field.ron")))
        .unwrap();
    let problems: Vec<String> = library.problems.iter().map(ToString::to_string).collect();
    assert_eq!(problems, vec![format!("{}{pinned}", broken.display())]);
    assert_eq!(library.problems[0].path, broken);
    assert_eq!(
        library.plans.keys().collect::<Vec<_>>(),
        vec!["summit-ppo-1500"]
    );
    assert_eq!(
        library.fee_schedules.keys().collect::<Vec<_>>(),
        vec!["summit-ppo-2026"]
    );
    assert_eq!(
        library.plan_source("summit-ppo-1500"),
        Some(dir.path().join("plans/summit-ppo-1500.ron").as_path())
    );
    assert_eq!(library.root.as_deref(), Some(dir.path()));
}

/// The messages quoted in docs/formats.md ("How problems are reported") are ones
/// the loader really prints: each `path:line:column: message` line there ends like
/// a pinned problem (the docs shorten the paths).
#[test]
fn formats_doc_quotes_real_messages() {
    let doc = std::fs::read_to_string(super::root().join("docs/formats.md")).unwrap();
    let section = doc
        .split("## How problems are reported")
        .nth(1)
        .expect("docs/formats.md has a section \"How problems are reported\"");
    let block = section
        .split("```text\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("the section quotes messages in a ```text block");
    let mut quoted = 0;
    let mut unknown = Vec::new();
    for line in block.lines() {
        // `path:line:column: message`; lines without a position are whole-file
        // problems (an unreadable folder) that depend on the machine.
        let mut parts = line.splitn(4, ':');
        let (Some(_), Some(l), Some(c), Some(message)) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        if l.parse::<usize>().is_err() || c.parse::<usize>().is_err() {
            continue;
        }
        quoted += 1;
        let tail = format!(":{l}:{c}:{message}");
        if !PINNED.iter().any(|p| p.ends_with(&tail)) {
            unknown.push(line.to_string());
        }
    }
    assert!(quoted >= 10, "only {quoted} messages quoted");
    assert!(
        unknown.is_empty(),
        "not printed by any fixture: {unknown:#?}"
    );
}

/// What is planted at `plans/NAME` for a file-level case.
#[derive(Clone, Copy)]
enum Planted {
    /// A named pipe: opening it for reading would wait for a writer forever.
    Fifo,
    /// A symlink to this path (`/dev/zero` never ends).
    SymlinkTo(&'static str),
    /// A (sparse) file of this many bytes.
    Sparse(u64),
    /// A folder.
    Folder,
    /// A file with these bytes.
    Bytes(&'static [u8]),
}

/// A library folder holding one good fee schedule and plan, with `planted` at
/// `plans/NAME` (NAME sorts after the good plan).
fn library_with(dir: &std::path::Path, name: &str, planted: Planted) {
    for rel in [
        "fee-schedules/summit-ppo-2026.ron",
        "plans/summit-ppo-1500.ron",
    ] {
        let to = dir.join(rel);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(super::root().join(rel), &to).unwrap();
    }
    let path = dir.join("plans").join(name);
    match planted {
        Planted::Fifo => {
            let status = std::process::Command::new("mkfifo")
                .arg(&path)
                .status()
                .unwrap();
            assert!(status.success(), "mkfifo failed");
        }
        #[cfg(unix)]
        Planted::SymlinkTo(target) => std::os::unix::fs::symlink(target, &path).unwrap(),
        #[cfg(not(unix))]
        Planted::SymlinkTo(_) => unreachable!("unix only"),
        Planted::Sparse(len) => std::fs::File::create(&path).unwrap().set_len(len).unwrap(),
        Planted::Folder => std::fs::create_dir(&path).unwrap(),
        Planted::Bytes(bytes) => std::fs::write(&path, bytes).unwrap(),
    }
}

/// Runs `ferrule ARGS`: exit code, stdout and stderr. Killed (and the test failed)
/// if it has not finished in 60 s, so a loader that blocks on a FIFO or reads a
/// device without end fails instead of hanging the suite.
fn ferrule_with_timeout(args: &[&std::ffi::OsStr]) -> (Option<i32>, String, String) {
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_ferrule"))
        .args(args)
        .env_remove("FERRULE_LIBRARY")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > std::time::Duration::from_secs(60) {
            child.kill().ok();
            child.wait().ok();
            panic!("ferrule {args:?} did not finish in 60 s");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    (out.status.code(), text(&out.stdout), text(&out.stderr))
}

/// Issue 12, loader edges: "only regular files, with a size cap and a clear
/// message". One test per input that is a file rather than text: the exact problem
/// (`{lib}` is the library folder), the good plan beside it still loads, and the
/// real `ferrule check` prints it and exits 2 without hanging.
macro_rules! broken_file {
    ($($test:ident: $name:literal, $planted:expr => $expected:literal;)*) => {$(
        #[cfg(unix)]
        #[test]
        fn $test() {
            let dir = super::TempDir::new(stringify!($test));
            library_with(dir.path(), $name, $planted);
            let expected = $expected.replace("{lib}", &dir.path().display().to_string());

            let library = library::load_dir(dir.path());
            let problems: Vec<String> = library.problems.iter().map(ToString::to_string).collect();
            assert_eq!(problems, vec![expected.clone()]);
            assert_eq!(library.plans.keys().collect::<Vec<_>>(), vec!["summit-ppo-1500"]);

            let args = ["check".as_ref(), "--library".as_ref(), dir.path().as_os_str()];
            let (code, stdout, _) = ferrule_with_timeout(&args);
            assert_eq!(code, Some(2), "{stdout}");
            assert!(stdout.starts_with(&format!("{expected}\n")), "{stdout}");
        }
    )*};
}

broken_file! {
    fifo_named_ron: "fifo.ron", Planted::Fifo =>
        "{lib}/plans/fifo.ron: cannot read the file: it is a named pipe (FIFO): expected a regular file";
    symlink_to_dev_zero: "zero.ron", Planted::SymlinkTo("/dev/zero") =>
        "{lib}/plans/zero.ron: cannot read the file: it is a character device: expected a regular file";
    file_over_the_size_cap: "huge.ron", Planted::Sparse(library::MAX_TEXT_BYTES + 1) =>
        "{lib}/plans/huge.ron: cannot read the file: the file is 4194305 bytes: expected at most 4 MiB (4194304 bytes)";
    folder_named_ron: "folder.ron", Planted::Folder =>
        "{lib}/plans/folder.ron: cannot read the file: it is a folder: expected a regular file";
    not_utf8: "latin1.ron", Planted::Bytes(b"PlanRules(\n    name: \"Caf\xe9\",\n)\n") =>
        "{lib}/plans/latin1.ron: cannot read the file: line 2, column 15 is not UTF-8 text: expected a UTF-8 text file";
}

/// The same for a treatment plan: `ferrule estimate` on a FIFO or on a symlink to
/// `/dev/zero` exits 2 with the reason, at once.
#[cfg(unix)]
#[test]
fn treatment_plan_that_is_not_a_regular_file() {
    let dir = super::TempDir::new("treatment-fifo");
    library_with(dir.path(), "fifo.ron", Planted::Fifo);
    library_with(dir.path(), "zero.ron", Planted::SymlinkTo("/dev/zero"));
    for (name, what) in [
        ("fifo.ron", "a named pipe (FIFO)"),
        ("zero.ron", "a character device"),
    ] {
        let path = dir.path().join("plans").join(name);
        let args = ["estimate".as_ref(), path.as_os_str()];
        let (code, _, stderr) = ferrule_with_timeout(&args);
        assert_eq!(code, Some(2), "{stderr}");
        assert_eq!(
            stderr,
            format!(
                "ferrule: cannot read {}: it is {what}: expected a regular file\n",
                path.display()
            )
        );
    }
}

/// A file at exactly the cap is read (the cap is documented as "at most").
#[test]
fn a_file_at_the_size_cap_is_read() {
    let dir = super::TempDir::new("at-cap");
    let text = source("plans/summit-ppo-1500.ron").text;
    let padding = usize::try_from(library::MAX_TEXT_BYTES).unwrap() - text.len();
    let padded = format!("{text}{}", " ".repeat(padding));
    library_with(dir.path(), "x.ron", Planted::Bytes(b""));
    std::fs::write(dir.path().join("plans/x.ron"), padded).unwrap();
    let library = library::load_dir(dir.path());
    // Read and parsed: the problem is the duplicate id, not the size.
    assert_eq!(library.problems.len(), 1);
    assert!(
        library.problems[0].message.starts_with("duplicate plan id"),
        "{}",
        library.problems[0]
    );
}

/// Issue 12, loader edges: "BOM accepted". A byte-order mark before a file's text
/// changes nothing, and positions count from after it, as editors show them.
#[test]
fn a_byte_order_mark_is_accepted() {
    let bom = |f: &SourceFile| SourceFile {
        path: f.path.clone(),
        text: format!("\u{feff}{}", f.text),
    };
    let schedules = shipped_schedules();
    let plans: Vec<SourceFile> = ron_files("plans").iter().map(|r| source(r)).collect();
    let plain = library::from_sources(&schedules, &plans);
    let marked = library::from_sources(
        &schedules.iter().map(bom).collect::<Vec<_>>(),
        &plans.iter().map(bom).collect::<Vec<_>>(),
    );
    assert!(marked.problems.is_empty(), "{:?}", marked.problems);
    assert_eq!(marked.plans, plain.plans);
    assert_eq!(marked.fee_schedules, plain.fee_schedules);

    // A mistake on the first line keeps its column.
    let one_line = source("plans/summit-ppo-1500.ron")
        .text
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join(" ")
        .replacen("Preventive: 100", "Preventive: 120", 1);
    let file = SourceFile {
        path: "one-line.ron".into(),
        text: one_line,
    };
    let problems = |f: &SourceFile| -> Vec<String> {
        library::from_sources(&schedules, std::slice::from_ref(f))
            .problems
            .iter()
            .map(ToString::to_string)
            .collect()
    };
    let expected = problems(&file);
    assert!(expected[0].starts_with("one-line.ron:1:"), "{expected:?}");
    assert_eq!(problems(&bom(&file)), expected);

    // From disk: the library folder, a treatment plan, the practice settings.
    let dir = super::TempDir::new("bom");
    library_with(dir.path(), "marked.ron", Planted::Bytes(b""));
    let marked_plan = bom(&source("plans/summit-ppo-1500.ron"))
        .text
        .replace("summit-ppo-1500", "summit-ppo-1500-copy");
    std::fs::write(dir.path().join("plans/marked.ron"), marked_plan).unwrap();
    let loaded = library::load_dir(dir.path());
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.plans.len(), 2);
    let sample = source("assets/samples/buildup-crown-19.ron");
    std::fs::write(dir.path().join("patient.ron"), &bom(&sample).text).unwrap();
    assert_eq!(
        library::load_treatment_plan(&dir.path().join("patient.ron")).unwrap(),
        parse_treatment_plan(&sample.path, &sample.text).unwrap()
    );
    std::fs::write(
        dir.path().join("practice.ron"),
        "\u{feff}(name: \"Bright\")",
    )
    .unwrap();
    let settings = library::practice::load(&dir.path().join("practice.ron")).unwrap();
    assert_eq!(settings.name, "Bright");
}
