//! stub
use chrono::NaiveDate;
use crate::model::{Library, TreatmentPlan};
#[derive(Debug, Default)]
pub struct PlanWindow { pub open: bool }
impl PlanWindow {
    pub fn show(&mut self, _library: &Library) { self.open = true; }
    pub fn ui(&mut self, _ctx: &egui::Context, _library: &Library, _doc: &TreatmentPlan, _today: NaiveDate) -> bool { false }
}
