//! The plan editor's live price check: a treatment plan priced under the plan
//! as edited, beside the form, so each change shows how it moves the numbers.
//! The open document is used when it names the plan; otherwise a small sample
//! (exam, cleaning, a back-tooth filling and a molar crown, dated today). The
//! engine prices it; this only shows the report's table.

use chrono::NaiveDate;
use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::plan_model::PlanDraft;
use crate::gui::estimates::EstimateCache;
use crate::library;
use crate::model::{Library, TreatmentPlan};
use crate::report::fmt;

const SAMPLE: &str = include_str!("../../../assets/plan-templates/preview-sample.ron");

/// The priced treatment plan and what it was priced for.
#[derive(Debug, Default)]
pub struct Preview {
    key: Option<(u64, u64, String)>,
    cache: EstimateCache,
    /// Where the treatment plan came from ("the open treatment plan").
    pub source: String,
}

impl Preview {
    /// Prices again when the draft or the library changed.
    pub fn refresh(
        &mut self,
        draft: &PlanDraft,
        library: &Library,
        library_revision: u64,
        document: &TreatmentPlan,
        today: NaiveDate,
    ) {
        let key = (
            draft.revision,
            library_revision,
            draft.path.display().to_string(),
        );
        if self.key.as_ref() == Some(&key) {
            return;
        }
        self.key = Some(key);
        let mut priced = library.clone();
        if let Some(old) = &draft.saved_id {
            priced.plans.remove(old);
        }
        priced
            .plans
            .insert(draft.plan.id.clone(), draft.plan.clone());
        let (plan, source) = treatment_plan(draft, document, today);
        self.source = source;
        self.cache = EstimateCache::default();
        self.cache.refresh((1, 1), &priced, &plan, today);
    }

    /// Draws the priced lines and totals.
    pub fn ui(&self, ui: &mut Ui) {
        ui.label(RichText::new("Priced under this plan").strong());
        ui.weak(&self.source);
        let Some((option, _)) = self.cache.options.first() else {
            return;
        };
        if let Some(error) = self.cache.option_error(*option) {
            ui.colored_label(ui.visuals().error_fg_color, error);
        }
        for problem in self
            .cache
            .document_problems
            .iter()
            .filter(|p| p.is_blocking())
        {
            ui.colored_label(ui.visuals().error_fg_color, &problem.message);
        }
        let Some(table) = self.cache.table(*option) else {
            return;
        };
        TableBuilder::new(ui)
            .id_salt("plan_preview")
            .striped(true)
            .column(Column::exact(48.0))
            .column(Column::remainder().clip(true))
            .columns(Column::exact(66.0), 2)
            .header(20.0, |mut h| {
                for title in ["Code", "", "Plan pays", "Patient"] {
                    h.col(|ui| {
                        ui.strong(title);
                    });
                }
            })
            .body(|mut body| {
                for row in &table.rows {
                    body.row(20.0, |mut r| {
                        r.col(|ui| {
                            ui.label(row.code.to_string());
                        });
                        r.col(|ui| {
                            ui.label(&row.description);
                        });
                        let pays = row.amounts.payers.first().copied().unwrap_or_default();
                        money(&mut r, fmt::amount(pays));
                        money(&mut r, fmt::amount(row.amounts.patient));
                    });
                }
                body.row(22.0, |mut r| {
                    r.col(|ui| {
                        ui.strong("Total");
                    });
                    r.col(|_| {});
                    let pays = table.totals.payers.first().copied().unwrap_or_default();
                    money(&mut r, fmt::amount(pays));
                    money(&mut r, fmt::amount(table.totals.patient));
                });
            });
    }

    /// The total the plan pays and the patient's total, as shown.
    pub fn totals(&self) -> Option<(String, String)> {
        let (option, _) = self.cache.options.first()?;
        let table = self.cache.table(*option)?;
        let pays = table.totals.payers.first().copied().unwrap_or_default();
        Some((fmt::amount(pays), fmt::amount(table.totals.patient)))
    }
}

fn money(row: &mut egui_extras::TableRow<'_, '_>, text: String) {
    row.col(|ui| {
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.label(text);
        });
    });
}

/// The open document when it names the plan (under the plan's new id), else
/// the sample dated `today`.
fn treatment_plan(
    draft: &PlanDraft,
    document: &TreatmentPlan,
    today: NaiveDate,
) -> (TreatmentPlan, String) {
    let uses = |id: &str| document.coverage.iter().any(|c| c.plan == id);
    if let Some(old) = draft.saved_id.as_deref().filter(|id| uses(id)) {
        let mut plan = document.clone();
        for coverage in &mut plan.coverage {
            if coverage.plan == old {
                coverage.plan.clone_from(&draft.plan.id);
            }
        }
        return (plan, "The open treatment plan".into());
    }
    let sample = library::parse_treatment_plan(std::path::Path::new("sample"), SAMPLE);
    let Ok(mut plan) = sample else {
        return (document.clone(), "The open treatment plan".into());
    };
    for coverage in &mut plan.coverage {
        coverage.plan.clone_from(&draft.plan.id);
    }
    for option in &mut plan.options {
        for visit in &mut option.visits {
            visit.date = today;
        }
    }
    (
        plan,
        "A sample: exam, cleaning, filling and crown today".into(),
    )
}
