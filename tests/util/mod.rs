//! Fixtures for the engine tests: a small library built in code (the shipped code
//! catalogue, fee schedules listed in the test, plans written as inline RON) and a
//! treatment plan written as inline RON, so that each test keeps its input and its
//! hand-computed expectations side by side.
//!
//! ```ignore
//! let case = Case::new()
//!     .office(&[("D2740", "1400.00")])
//!     .contracted("ppo-fees", &[("D2740", "850.00")])
//!     .plan("ppo", r#"network: InNetwork(contracted: "ppo-fees"), coverage: { MajorRestorative: 50 }"#)
//!     .treatment(r#"patient: (name: "Pat", birth_date: "1980-01-01"), ..."#);
//! let estimate = case.estimate(None, "2026-06-01");
//! ```
//!
//! `Case::estimate` checks every line with [`assert_sound`] before returning, so
//! every test that estimates also checks the reconciliation invariant.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use ferrule::engine::{self, Estimate, EstimateInput, LineEstimate, Remaining, Step};
use ferrule::library;
use ferrule::model::{
    CdtCode, FeeSchedule, FeeScheduleKind, FeeVersion, Library, SourceFile, TreatmentPlan,
};
use ferrule::money::Cents;

/// An amount: `c("850.00")`.
pub fn c(text: &str) -> Cents {
    Cents::parse(text).unwrap_or_else(|e| panic!("bad amount {text:?} in a test: {e}"))
}

/// A date: `d("2026-12-01")`.
pub fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .unwrap_or_else(|e| panic!("bad date {text:?} in a test: {e}"))
}

/// A library under construction plus, once `treatment` is called, the treatment plan.
#[derive(Clone, Debug, Default)]
pub struct Case {
    schedules: Vec<FeeSchedule>,
    plans: Vec<(String, String)>,
    /// The library the case estimates against (set by `treatment`).
    pub library: Library,
    /// The treatment plan (set by `treatment`).
    pub treatment: Option<TreatmentPlan>,
}

impl Case {
    /// An empty case.
    pub fn new() -> Case {
        Case::default()
    }

    fn schedule(mut self, id: &str, kind: FeeScheduleKind, fees: &[(&str, &str)]) -> Case {
        let mut map = BTreeMap::new();
        for (code, amount) in fees {
            let code =
                CdtCode::parse(code).unwrap_or_else(|e| panic!("bad code in schedule {id}: {e}"));
            assert!(
                map.insert(code, c(amount)).is_none(),
                "{code} listed twice in {id}"
            );
        }
        self.schedules.push(FeeSchedule {
            format: library::FORMAT_VERSION,
            id: id.to_string(),
            name: id.to_string(),
            kind,
            fees: map,
            versions: Vec::new(),
            notes: None,
        });
        self
    }

    /// A dated version of the schedule `id` (added before): the whole list of
    /// fees in force from `effective` on.
    pub fn version(mut self, id: &str, name: &str, effective: &str, fees: &[(&str, &str)]) -> Case {
        let fees = fees
            .iter()
            .map(|(code, amount)| (CdtCode::parse(code).unwrap(), c(amount)))
            .collect();
        let schedule = self
            .schedules
            .iter_mut()
            .find(|s| s.id == id)
            .unwrap_or_else(|| panic!("no schedule {id} to add a version to"));
        schedule.versions.push(FeeVersion {
            name: name.to_string(),
            effective: d(effective),
            fees,
        });
        self
    }

    /// The office fee schedule (id "office").
    pub fn office(self, fees: &[(&str, &str)]) -> Case {
        self.schedule("office", FeeScheduleKind::Office, fees)
    }

    /// A PPO's contracted fees.
    pub fn contracted(self, id: &str, fees: &[(&str, &str)]) -> Case {
        self.schedule(id, FeeScheduleKind::Contracted, fees)
    }

    /// An out-of-network / indemnity allowance schedule.
    pub fn allowance(self, id: &str, fees: &[(&str, &str)]) -> Case {
        self.schedule(id, FeeScheduleKind::Allowance, fees)
    }

    /// A fixed-benefit (scheduled allowance) schedule.
    pub fn scheduled(self, id: &str, fees: &[(&str, &str)]) -> Case {
        self.schedule(id, FeeScheduleKind::Scheduled, fees)
    }

    /// A DHMO copay schedule.
    pub fn copays(self, id: &str, fees: &[(&str, &str)]) -> Case {
        self.schedule(id, FeeScheduleKind::Copay, fees)
    }

    /// A plan: `body` is the inside of `PlanRules(...)` without `format`, `id`,
    /// `name` and `carrier` (the name is the id).
    pub fn plan(mut self, id: &str, body: &str) -> Case {
        let text = format!(
            "PlanRules(\n    format: 1,\n    id: \"{id}\",\n    name: \"{id}\",\n    carrier: \"Test carrier\",\n{body}\n)"
        );
        self.plans.push((id.to_string(), text));
        self
    }

    /// Loads the library (failing on any problem, so fixtures are valid plans) and
    /// parses the treatment plan: `body` is the inside of `TreatmentPlan(...)`
    /// without `format`.
    pub fn treatment(mut self, body: &str) -> Case {
        let schedule_files: Vec<SourceFile> = self
            .schedules
            .iter()
            .map(|s| SourceFile {
                path: PathBuf::from(format!("fee-schedules/{}.ron", s.id)),
                text: library::to_ron(s).unwrap_or_else(|e| panic!("cannot write {}: {e}", s.id)),
            })
            .collect();
        let plan_files: Vec<SourceFile> = self
            .plans
            .iter()
            .map(|(id, text)| SourceFile {
                path: PathBuf::from(format!("plans/{id}.ron")),
                text: text.clone(),
            })
            .collect();
        let library = library::from_sources(&schedule_files, &plan_files);
        let problems: Vec<String> = library.problems.iter().map(ToString::to_string).collect();
        assert!(
            problems.is_empty(),
            "the test library has problems:\n{}",
            problems.join("\n")
        );
        let text = format!("TreatmentPlan(\n    format: 1,\n{body}\n)");
        let plan = library::parse_treatment_plan(Path::new("treatment.ron"), &text)
            .unwrap_or_else(|p| panic!("the test treatment plan does not parse: {p}"));
        self.library = library;
        self.treatment = Some(plan);
        self
    }

    fn plan_ref(&self) -> &TreatmentPlan {
        self.treatment
            .as_ref()
            .unwrap_or_else(|| panic!("call .treatment(..) before estimating"))
    }

    /// Estimates `option` (None = the first) as of `as_of`, and checks every line
    /// with [`assert_sound`].
    pub fn estimate(&self, option: Option<&str>, as_of: &str) -> Estimate {
        estimate_plan(&self.library, self.plan_ref(), option, as_of)
    }

    /// Estimates only the first `n` lines (plan order) of `option`: the benefits
    /// left after line `n` are then `remaining[..].maximum_after`.
    pub fn estimate_first(&self, n: usize, option: Option<&str>, as_of: &str) -> Estimate {
        let mut plan = self.plan_ref().clone();
        let index = match option {
            Some(name) => plan
                .options
                .iter()
                .position(|o| o.name == name)
                .unwrap_or_else(|| panic!("no option {name}")),
            None => 0,
        };
        let mut kept = 0;
        if let Some(opt) = plan.options.get_mut(index) {
            for visit in &mut opt.visits {
                let room = n.saturating_sub(kept);
                visit.lines.truncate(room);
                kept += visit.lines.len();
            }
        }
        estimate_plan(&self.library, &plan, option, as_of)
    }
}

fn estimate_plan(
    library: &Library,
    plan: &TreatmentPlan,
    option: Option<&str>,
    as_of: &str,
) -> Estimate {
    let input = EstimateInput::from_document(library, plan, option, d(as_of))
        .unwrap_or_else(|e| panic!("cannot set up the estimate: {e}"));
    let estimate = engine::estimate(&input);
    assert_sound(&estimate);
    estimate
}

/// Every line balances (fee = write-off + payments + patient), no amount is
/// negative, and the totals are the sums of the lines.
pub fn assert_sound(estimate: &Estimate) {
    for line in &estimate.lines {
        let row = Row::of(line);
        assert!(
            line.balances(),
            "line {} does not balance: {row:?}",
            line.number
        );
        let mut amounts = vec![
            ("fee", line.fee),
            ("allowed", line.allowed),
            ("write-off", line.write_off),
            ("deductible", line.deductible),
            ("patient", line.patient),
        ];
        for p in &line.payers {
            amounts.push(("pays", p.pays));
            amounts.push(("payer allowed", p.allowed));
            amounts.push(("payer deductible", p.deductible));
            amounts.push(("normal benefit", p.normal_benefit));
        }
        for (what, amount) in amounts {
            assert!(
                !amount.is_negative(),
                "line {} has a negative {what}: {row:?}",
                line.number
            );
        }
    }
    let t = &estimate.totals;
    let sum = |f: fn(&LineEstimate) -> Cents| estimate.lines.iter().map(f).sum::<Cents>();
    assert_eq!(t.fee, sum(|l| l.fee), "total fee");
    assert_eq!(t.write_off, sum(|l| l.write_off), "total write-off");
    assert_eq!(t.patient, sum(|l| l.patient), "total patient");
    assert_eq!(
        t.fee,
        t.write_off + t.insurance_total() + t.patient,
        "totals do not balance"
    );
}

/// The money columns of one line, for one-line assertions.
#[derive(Clone, PartialEq, Eq)]
pub struct Row {
    /// Office fee.
    pub fee: Cents,
    /// Allowed (primary's).
    pub allowed: Cents,
    /// Write-off.
    pub write_off: Cents,
    /// Deductible (primary's).
    pub deductible: Cents,
    /// Each payer's payment.
    pub pays: Vec<Cents>,
    /// Patient.
    pub patient: Cents,
}

impl Row {
    /// The columns of `line`.
    pub fn of(line: &LineEstimate) -> Row {
        Row {
            fee: line.fee,
            allowed: line.allowed,
            write_off: line.write_off,
            deductible: line.deductible,
            pays: line.payers.iter().map(|p| p.pays).collect(),
            patient: line.patient,
        }
    }
}

impl fmt::Debug for Row {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pays: Vec<String> = self.pays.iter().map(ToString::to_string).collect();
        write!(
            f,
            "fee {} | allowed {} | write-off {} | deductible {} | pays [{}] | patient {}",
            self.fee,
            self.allowed,
            self.write_off,
            self.deductible,
            pays.join(", "),
            self.patient
        )
    }
}

/// A row written out: fee, allowed, write-off, deductible, payments, patient.
pub fn row(
    fee: &str,
    allowed: &str,
    write_off: &str,
    deductible: &str,
    pays: &[&str],
    patient: &str,
) -> Row {
    Row {
        fee: c(fee),
        allowed: c(allowed),
        write_off: c(write_off),
        deductible: c(deductible),
        pays: pays.iter().map(|p| c(p)).collect(),
        patient: c(patient),
    }
}

/// Asserts the money columns of line `number` (1-based, plan order).
#[track_caller]
pub fn assert_row(estimate: &Estimate, number: usize, expected: Row) {
    let line = line(estimate, number);
    assert_eq!(
        Row::of(line),
        expected,
        "line {number} ({} {:?})",
        line.code,
        line.area
    );
}

/// Line `number` (1-based, plan order).
#[track_caller]
pub fn line(estimate: &Estimate, number: usize) -> &LineEstimate {
    estimate
        .lines
        .iter()
        .find(|l| l.number == number)
        .unwrap_or_else(|| panic!("no line {number}"))
}

/// The date a frequency-denied line becomes eligible again, from its steps.
pub fn eligible_again(line: &LineEstimate) -> Option<NaiveDate> {
    line.steps.iter().find_map(|s| match s {
        Step::FrequencyLimit { eligible_again, .. } => *eligible_again,
        _ => None,
    })
}

/// The benefits left for `plan` in the benefit year starting `year_start`.
#[track_caller]
pub fn remaining<'e>(estimate: &'e Estimate, plan: &str, year_start: &str) -> &'e Remaining {
    let start = d(year_start);
    estimate
        .remaining
        .iter()
        .find(|r| r.plan == plan && r.year_start == start)
        .unwrap_or_else(|| panic!("no benefits-left entry for {plan} from {year_start}"))
}

/// Runs the real `ferrule` binary from the repository folder (no
/// `FERRULE_LIBRARY`, an empty private home): its exit code, stdout and stderr.
pub fn ferrule(args: &[&str]) -> (i32, String, String) {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_ferrule"));
    command.args(args).current_dir(env!("CARGO_MANIFEST_DIR"));
    let _home = private_home(&mut command);
    let out = command
        .output()
        .unwrap_or_else(|e| panic!("run ferrule: {e}"));
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Every `.rs` file below `dir`.
pub fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Points `command`'s home and XDG folders into a fresh empty folder, so the
/// developer's own practice settings (providers, default provider, logo) or data
/// folder can never change what `ferrule` prints. Keep the returned folder alive
/// until the command has run.
pub fn private_home(command: &mut std::process::Command) -> tempfile::TempDir {
    let home = tempfile::tempdir().unwrap_or_else(|e| panic!("temp home: {e}"));
    let path = home.path();
    command
        .env("HOME", path)
        .env("XDG_CONFIG_HOME", path.join("config"))
        .env("XDG_DATA_HOME", path.join("data"))
        .env("XDG_STATE_HOME", path.join("state"))
        .env_remove("FERRULE_LIBRARY");
    home
}

/// [`private_home`] for a command built in one chain: the home is one empty
/// folder under Cargo's test scratch folder, shared by the commands that only
/// read their settings.
pub trait PrivateHome {
    /// Points the home and XDG folders at the shared empty folder.
    fn private_home(&mut self) -> &mut Self;
}

impl PrivateHome for std::process::Command {
    fn private_home(&mut self) -> &mut Self {
        let home = Path::new(env!("CARGO_TARGET_TMPDIR")).join("empty-home");
        std::fs::create_dir_all(&home).unwrap_or_else(|e| panic!("empty home: {e}"));
        self.env("HOME", &home)
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_STATE_HOME", home.join("state"))
    }
}
