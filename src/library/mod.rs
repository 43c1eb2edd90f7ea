//! The library on disk: a folder with `plans/` and `fee-schedules/` of RON files,
//! plus the code catalogue built into Ferrule; treatment-plan documents; the
//! practice settings and logo; the patient folder's index; where these live.
//! This is the only module that reads or writes files or the environment. What it reads is plain data in
//! [`crate::model`].
//!
//! Loading never stops at the first bad file: [`load_dir`] returns every file that
//! loaded plus a [`Problem`](crate::model::Problem) (`path:line:column: message`)
//! for each one that did not, so the app can show the problems and work with the
//! rest.

mod code_groups;
mod coding;
mod derive;
mod disk;
mod document;
mod imports;
mod lint;
mod load;
mod location;
mod parse;
mod patients;
mod plan_positions;
pub mod practice;
mod presets;
pub mod printer;
mod problem;
mod read;
pub mod recovery;
mod save;
mod text;
mod unclosed;
mod validate;
mod validate_rows;
mod write;

pub use code_groups::{CODE_GROUPS_PATH, load_code_groups};
pub use coding::{CODING_DIR, load_coding};
pub use disk::{
    Fingerprint, LibraryStamp, can_replace, exists, fingerprint, in_library_folder, library_stamp,
    load_treatment_plan_fingerprinted, prepare_private_file, save_treatment_plan_fingerprinted,
};
pub use document::{DocumentError, load_treatment_plan, place_problems, save_treatment_plan};
pub use imports::{ImportFileError, draft_plan_text, fee_schedule_text, read_import, write_import};
pub use lint::lint;
pub use load::{from_sources, from_sources_grouped, lint_library, load_dir, sample};
pub use location::{
    Environment, LibraryError, PATIENTS_FOLDER_NAME, documents_dir, documents_in_user_dirs,
    resolve_library_dir, seed_library, user_data_dir,
};
pub use parse::{
    FORMAT_VERSION, parse as parse_ron, parse_catalogue, parse_fee_schedule, parse_plan_file,
    parse_treatment_plan, to_ron,
};
pub use patients::{
    IndexProblem, PatientEntry, PatientFolderError, PatientIndex, index_patients,
    prepare_patient_folder,
};
pub use presets::{PRESETS_PATH, load_presets};
pub use problem::locate;
pub use read::{MAX_LOGO_BYTES, MAX_TEXT_BYTES, file_start, same_file};
pub use save::{
    SaveError, delete_plan_file, file_has_comments, has_comments, plan_file_text,
    save_fee_schedule, save_plan_file,
};
pub use write::{create_private_dir, write_atomic};

mod built_in {
    include!(concat!(env!("OUT_DIR"), "/sample_library.rs"));
}
pub use built_in::SAMPLE_FILES;
