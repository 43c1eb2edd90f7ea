//! The plan form's coverage per code: a percentage for one code that differs
//! from its class's (periodontal maintenance at 100% in an 80% class). Each
//! row is a code and its percentage; "more" adds one, typed "D4910 = 100".

use egui::Ui;

use super::plan_model::PlanDraft;
use super::plan_trial::Env;
use super::typed::{self, typed_edit};
use crate::model::CdtCode;
use crate::money::Percent;

/// The label of a code's coverage field.
pub fn code_coverage_label(code: CdtCode) -> String {
    format!("Coverage of {code}")
}

fn read_percent(text: &str) -> Result<Percent, String> {
    Percent::parse(text).map_err(|e| e.to_string())
}

/// Reads "D4910 = 100": a code, '=' and its percentage.
fn read_entry(text: &str) -> Result<(CdtCode, Percent), String> {
    let Some((code, percent)) = text.split_once('=') else {
        return Err("expected a code, '=' and its percentage, like D4910 = 100".into());
    };
    let code = CdtCode::parse(code.trim()).map_err(|e| e.to_string())?;
    Ok((code, read_percent(percent)?))
}

/// The codes with a percentage of their own.
pub fn code_coverage_ui(ui: &mut Ui, draft: &mut PlanDraft, env: &Env<'_>) {
    let entries: Vec<(CdtCode, Percent)> = draft
        .plan
        .code_coverage
        .iter()
        .map(|(c, p)| (*c, *p))
        .collect();
    for (code, percent) in entries {
        ui.horizontal(|ui| {
            let label = code_coverage_label(code);
            let inherited = draft.derivation.is_some()
                && draft
                    .derivation
                    .as_ref()
                    .is_some_and(|d| d.code_inherited(code));
            let text = egui::RichText::new(code.to_string());
            ui.label(if inherited { text.weak() } else { text });
            let shared: &PlanDraft = draft;
            let read = |t: &str| {
                let p = read_percent(t)?;
                env.accept(shared, "code_coverage", p, |plan, p| {
                    plan.code_coverage.insert(code, p);
                })
            };
            let value = percent.to_string();
            if let Some(p) = typed_edit(ui, label.as_str(), &label, &value, "", 60.0, read) {
                draft.set_code_coverage(code, Some(p));
            }
            if typed::small_button(ui, "remove", &format!("Remove coverage of {code}")) {
                draft.set_code_coverage(code, None);
            }
            if inherited {
                ui.weak("inherited");
            }
        });
    }
    ui.horizontal(|ui| {
        ui.label("more");
        let shared: &PlanDraft = draft;
        let read = |t: &str| {
            let (code, p) = read_entry(t)?;
            env.accept(shared, "code_coverage", (code, p), |plan, (c, p)| {
                plan.code_coverage.insert(c, p);
            })
        };
        let label = "More code coverage";
        if let Some((code, p)) = typed_edit(ui, label, label, "", "D4910 = 100", 140.0, read) {
            draft.set_code_coverage(code, Some(p));
        }
    });
}
