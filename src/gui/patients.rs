//! The patient list behind the Patients window and the start screen: the patient
//! folder's index, made on a background thread (about 2,000 files must not stop
//! the window), and the search over it: by any word of the name (its start,
//! case-insensitive), by chart number, and by birth date typed as MM/DD/YYYY or
//! YYYY-MM-DD. Patients are listed by name; the recent ones by when their file
//! last changed.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::background::{Poll, Task};
use crate::library::{self, PatientEntry, PatientIndex};
use crate::report::dates::parse_typed_date;

/// How many patients the start screen lists.
pub const RECENT_COUNT: usize = 8;

/// The index of the patient folder, as far as it is known.
#[derive(Debug, Default)]
pub struct PatientList {
    /// The last finished index.
    index: Option<PatientIndex>,
    /// Why the folder could not be listed, if it could not.
    error: Option<String>,
    /// The listing running now.
    task: Option<Task<Result<PatientIndex, String>>>,
}

impl PatientList {
    /// Lists `folder` again on a background thread; files unchanged since the
    /// last listing are not read again. A listing already running is dropped.
    pub fn refresh(&mut self, ctx: &egui::Context, folder: &Path) {
        let folder = folder.to_path_buf();
        let previous = self.index.clone();
        let task = Task::spawn(ctx, "patient-index", 0, move |_| {
            Some(library::index_patients(&folder, previous.as_ref()).map_err(|e| e.to_string()))
        });
        match task {
            Ok(task) => self.task = Some(task),
            Err(e) => self.error = Some(format!("Cannot list the patient folder: {e}")),
        }
    }

    /// Takes in a finished listing; true when it came in now.
    pub fn poll(&mut self) -> bool {
        let Some(task) = &self.task else {
            return false;
        };
        match task.poll() {
            Poll::Running => false,
            Poll::Ready(result) => {
                self.task = None;
                match result {
                    Ok(index) => {
                        self.index = Some(index);
                        self.error = None;
                    }
                    Err(e) => self.error = Some(e),
                }
                true
            }
            Poll::Gone => {
                self.task = None;
                false
            }
        }
    }

    /// True once a listing was started (whatever came of it).
    pub fn has_started(&self) -> bool {
        self.index.is_some() || self.task.is_some() || self.error.is_some()
    }

    /// True while a listing runs.
    pub fn is_loading(&self) -> bool {
        self.task.is_some()
    }

    /// The last finished index, if any.
    pub fn index(&self) -> Option<&PatientIndex> {
        self.index.as_ref()
    }

    /// Why the folder could not be listed.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// The patients matching `query`, by name.
    pub fn search(&self, query: &str) -> Vec<&PatientEntry> {
        self.index
            .as_ref()
            .map(|index| search(&index.patients, query))
            .unwrap_or_default()
    }

    /// The most recently changed patients, newest first.
    pub fn recent(&self, count: usize) -> Vec<&PatientEntry> {
        self.index
            .as_ref()
            .map(|index| recent(&index.patients, count))
            .unwrap_or_default()
    }
}

/// The entries matching every word of `query`, sorted by name (case-insensitive),
/// then by file.
pub fn search<'a>(entries: &'a [PatientEntry], query: &str) -> Vec<&'a PatientEntry> {
    let words: Vec<Word> = query.split_whitespace().map(Word::new).collect();
    let mut found: Vec<&PatientEntry> = entries
        .iter()
        .filter(|e| words.iter().all(|w| w.matches(e)))
        .collect();
    found.sort_by_cached_key(|e| (e.name.to_lowercase(), e.path.clone()));
    found
}

/// The `count` entries whose files changed last, newest first.
pub fn recent(entries: &[PatientEntry], count: usize) -> Vec<&PatientEntry> {
    let mut all: Vec<&PatientEntry> = entries.iter().collect();
    all.sort_by(|a, b| b.changed.cmp(&a.changed).then_with(|| a.path.cmp(&b.path)));
    all.truncate(count);
    all
}

/// One word of the search.
struct Word {
    lower: String,
    date: Option<NaiveDate>,
}

impl Word {
    fn new(word: &str) -> Word {
        Word {
            lower: word.to_lowercase(),
            date: parse_typed_date(word).ok(),
        }
    }

    /// The start of a word of the name, the start of the chart number, or the
    /// birth date.
    fn matches(&self, entry: &PatientEntry) -> bool {
        if self.date.is_some() && self.date == entry.birth_date {
            return true;
        }
        let name_word = entry
            .name
            .split(|c: char| c.is_whitespace() || c == '-' || c == ',')
            .any(|part| part.to_lowercase().starts_with(&self.lower));
        let chart = entry
            .chart_number
            .as_deref()
            .is_some_and(|c| c.to_lowercase().starts_with(&self.lower));
        name_word || chart
    }
}

/// A file name for a new patient's plan: "Marisol Vega 10442.ron" (name and
/// chart number), without characters file systems refuse or that would make a
/// path ('/', '\\', ':', control characters...); "Untitled patient.ron" when
/// there is neither.
pub fn suggested_file_name(name: &str, chart_number: Option<&str>) -> String {
    let mut stem = name.trim().to_string();
    if let Some(chart) = chart_number.map(str::trim).filter(|c| !c.is_empty()) {
        stem.push(' ');
        stem.push_str(chart);
    }
    let cleaned: String = stem
        .chars()
        .map(|c| {
            if c.is_control() || "/\\:*?\"<>|".contains(c) {
                ' '
            } else {
                c
            }
        })
        .collect();
    let mut stem = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    // No hidden files and no "..": the name never starts with a dot.
    stem = stem.trim_start_matches('.').trim().to_string();
    if stem.chars().count() > 120 {
        stem = stem
            .chars()
            .take(120)
            .collect::<String>()
            .trim()
            .to_string();
    }
    if stem.is_empty() {
        stem = "Untitled patient".to_string();
    }
    format!("{stem}.ron")
}

/// `name` in `folder`, or, when taken, "name 2.ron" and so on.
pub fn free_path_in(folder: &Path, name: &str) -> PathBuf {
    let first = folder.join(name);
    if !library::exists(&first) {
        return first;
    }
    let stem = name.strip_suffix(".ron").unwrap_or(name);
    (2..1000)
        .map(|n| folder.join(format!("{stem} {n}.ron")))
        .find(|p| !library::exists(p))
        .unwrap_or(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(name: &str, chart: Option<&str>, birth: (i32, u32, u32), day: u32) -> PatientEntry {
        let changed = NaiveDate::from_ymd_opt(2026, 11, day).and_then(|d| d.and_hms_opt(9, 0, 0));
        PatientEntry::new(
            name,
            chart,
            NaiveDate::from_ymd_opt(birth.0, birth.1, birth.2),
            PathBuf::from(format!("/p/{name}.ron")),
            changed,
        )
    }

    fn names(found: &[&PatientEntry]) -> Vec<String> {
        found.iter().map(|e| e.name.clone()).collect()
    }

    fn sample() -> Vec<PatientEntry> {
        vec![
            entry("Marisol Vega", Some("10442"), (1978, 3, 14), 20),
            entry("ada lind", None, (1975, 3, 2), 24),
            entry("Victor Valdez-Ortiz", Some("A-7"), (1990, 12, 1), 22),
        ]
    }

    #[test]
    fn any_word_of_the_name_from_its_start_in_any_case() {
        let all = sample();
        assert_eq!(names(&search(&all, "VEG")), ["Marisol Vega"]);
        assert_eq!(names(&search(&all, "ortiz")), ["Victor Valdez-Ortiz"]);
        // Inside a word is not a match; every typed word must match.
        assert!(search(&all, "ega").is_empty());
        assert_eq!(names(&search(&all, "v mar")), ["Marisol Vega"]);
        // Blank: everyone, by name whatever the case.
        assert_eq!(
            names(&search(&all, "  ")),
            ["ada lind", "Marisol Vega", "Victor Valdez-Ortiz"]
        );
    }

    #[test]
    fn chart_number_and_birth_date_in_either_form() {
        let all = sample();
        assert_eq!(names(&search(&all, "1044")), ["Marisol Vega"]);
        assert_eq!(names(&search(&all, "a-7")), ["Victor Valdez-Ortiz"]);
        assert_eq!(names(&search(&all, "03/14/1978")), ["Marisol Vega"]);
        assert_eq!(names(&search(&all, "1975-03-02")), ["ada lind"]);
        assert!(search(&all, "03/15/1978").is_empty());
    }

    #[test]
    fn recent_patients_newest_first() {
        let all = sample();
        assert_eq!(names(&recent(&all, 2)), ["ada lind", "Victor Valdez-Ortiz"]);
    }

    #[test]
    fn file_names_are_the_name_and_chart_without_path_characters() {
        assert_eq!(
            suggested_file_name(" Marisol  Vega ", Some("10442")),
            "Marisol Vega 10442.ron"
        );
        assert_eq!(suggested_file_name("Ada Lind", Some(" ")), "Ada Lind.ron");
        assert_eq!(suggested_file_name("../etc/passwd", None), "etc passwd.ron");
        assert_eq!(suggested_file_name("a:b*c?\n", None), "a b c.ron");
        assert_eq!(suggested_file_name("", None), "Untitled patient.ron");
        assert_eq!(suggested_file_name("..", None), "Untitled patient.ron");
    }
}
