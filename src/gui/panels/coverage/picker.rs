//! The plan picker: a small window with a search field that has the keyboard at
//! once and the library's plans sorted by carrier, then name, narrowed by what is
//! typed (carrier, name or id). Up and Down move, Enter chooses, Escape closes, so
//! "Add plan, type 'summ', Enter" adds the plan. It adds a coverage (its effective
//! date blank, to be entered from the card, which takes the keyboard next) or
//! changes an existing coverage's plan.

use egui::{Id, Key, Modifiers, RichText, Ui};

use super::super::{Out, PanelCtx};
use crate::gui::command::Edit;
use crate::gui::widgets::commit_edit::name;
use crate::gui::widgets::focus::focus_field;
use crate::model::{Coverage, Library, PlanRules};

/// What the chosen plan is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// A new coverage after the existing ones.
    Add,
    /// The coverage at this position gets another plan.
    Change(usize),
}

/// The open picker (view state, kept in egui's memory).
#[derive(Clone, Debug)]
struct Picker {
    target: Target,
    query: String,
    highlight: usize,
    focused: bool,
}

/// The accessible name of the search field.
pub const SEARCH: &str = "Search plans";

fn picker_id() -> Id {
    Id::unique("ferrule-plan-picker")
}

fn field_id() -> Id {
    Id::unique("ferrule-plan-picker-search")
}

/// Opens the picker for `target`.
pub fn open(ctx: &egui::Context, target: Target) {
    let picker = Picker {
        target,
        query: String::new(),
        highlight: 0,
        focused: false,
    };
    ctx.data_mut(|d| d.insert_temp(picker_id(), Some(picker)));
    ctx.request_repaint();
}

fn close(ctx: &egui::Context) {
    ctx.data_mut(|d| d.insert_temp::<Option<Picker>>(picker_id(), None));
}

/// How a plan reads in the list (and its accessible name).
pub fn item_label(plan: &PlanRules) -> String {
    format!(
        "{} — {} ({})",
        plan.carrier,
        plan.name,
        plan.network.label()
    )
}

/// The library's plans sorted by carrier, then name, then id, keeping those whose
/// carrier, name or id contains every word typed (case does not matter).
pub fn matching<'a>(library: &'a Library, query: &str) -> Vec<&'a PlanRules> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    let mut plans: Vec<&PlanRules> = library
        .plans
        .values()
        .filter(|p| {
            let text = format!("{} {} {}", p.carrier, p.name, p.id).to_lowercase();
            words.iter().all(|w| text.contains(w.as_str()))
        })
        .collect();
    plans.sort_by(|a, b| {
        (a.carrier.to_lowercase(), a.name.to_lowercase(), &a.id).cmp(&(
            b.carrier.to_lowercase(),
            b.name.to_lowercase(),
            &b.id,
        ))
    });
    plans
}

/// Draws the picker when it is open.
pub fn picker_ui(ui: &mut Ui, ctx: &PanelCtx<'_>, out: Out<'_>) {
    let state: Option<Picker> = ui.ctx().data(|d| d.get_temp(picker_id())).flatten();
    let Some(mut picker) = state else {
        return;
    };
    // Anchored at the top: the window grows and shrinks downward as the list
    // narrows, instead of moving under the mouse.
    let id = Id::unique("ferrule-plan-picker-window");
    let area = egui::Modal::default_area(id).anchor(egui::Align2::CENTER_TOP, [0.0, 120.0]);
    let modal = egui::Modal::new(id).area(area).show(ui.ctx(), |ui| {
        ui.set_width(460.0);
        picker_body(ui, ctx, &mut picker)
    });
    let cancel = modal.should_close();
    let (chosen, cancel) = match modal.inner {
        Outcome::Chosen(plan) => (Some(plan), cancel),
        Outcome::Cancel => (None, true),
        Outcome::Keep => (None, cancel),
    };
    if let Some(plan) = chosen {
        match picker.target {
            Target::Add => {
                out.edit(Edit::AddCoverage(Box::new(Coverage::blank(&plan))));
                // Its effective date is what to type next.
                let role = super::payer_role(ctx.plan.coverage.len());
                focus_field(ui.ctx(), format!("{role} effective date"));
            }
            Target::Change(i) => {
                if ctx.plan.coverage.get(i).is_some_and(|c| c.plan != plan) {
                    out.edit(Edit::CoveragePlan(i, plan));
                }
            }
        }
        close(ui.ctx());
    } else if cancel {
        close(ui.ctx());
    } else {
        ui.ctx()
            .data_mut(|d| d.insert_temp(picker_id(), Some(picker)));
    }
}

/// What happened in the picker this frame.
enum Outcome {
    /// Still choosing.
    Keep,
    /// Closed without a choice.
    Cancel,
    /// This plan id was chosen.
    Chosen(String),
}

/// The search field and the list; `picker` holds the typing and the highlighted row.
fn picker_body(ui: &mut Ui, ctx: &PanelCtx<'_>, picker: &mut Picker) -> Outcome {
    let title = match picker.target {
        Target::Add => "Add a plan".to_string(),
        Target::Change(i) => format!(
            "Plan of the {} insurance",
            super::payer_role(i).to_lowercase()
        ),
    };
    ui.heading(title);
    // The list takes these keys before the field sees them.
    let (down, up, enter) = ui.input_mut(|i| {
        (
            i.consume_key(Modifiers::NONE, Key::ArrowDown),
            i.consume_key(Modifiers::NONE, Key::ArrowUp),
            i.consume_key(Modifiers::NONE, Key::Enter),
        )
    });
    let hint = "Type a carrier, plan name or id";
    let response = egui::TextEdit::singleline(&mut picker.query)
        .id(field_id())
        .hint_text(hint)
        .desired_width(f32::INFINITY)
        .show(ui)
        .response
        .response;
    name(&response, SEARCH, &picker.query, hint);
    if !picker.focused {
        response.request_focus();
        picker.focused = true;
    }
    if response.changed() {
        picker.highlight = 0;
    }
    let mut chosen = plan_list(ui, ctx.library, picker, (up, down));
    if enter {
        let plans = matching(ctx.library, &picker.query);
        chosen = chosen.or_else(|| plans.get(picker.highlight).map(|p| p.id.clone()));
    }
    let mut cancelled = false;
    ui.horizontal(|ui| {
        let cancel = ui.button("Cancel");
        super::named(&cancel, "Close plan picker");
        if cancel.clicked() {
            cancelled = true;
        }
        ui.label(
            RichText::new("Up and Down move, Enter chooses, Escape closes")
                .weak()
                .small(),
        );
    });
    match chosen {
        Some(plan) => Outcome::Chosen(plan),
        None if cancelled => Outcome::Cancel,
        None => Outcome::Keep,
    }
}

/// The matching plans, the highlighted one moved by Up/Down (`keys`); returns the
/// one clicked.
fn plan_list(
    ui: &mut Ui,
    library: &Library,
    picker: &mut Picker,
    keys: (bool, bool),
) -> Option<String> {
    let (up, down) = keys;
    let plans = matching(library, &picker.query);
    let last = plans.len().saturating_sub(1);
    if down {
        picker.highlight = (picker.highlight + 1).min(last);
    }
    if up {
        picker.highlight = picker.highlight.saturating_sub(1);
    }
    picker.highlight = picker.highlight.min(last);
    if plans.is_empty() {
        let text = format!("No plan matches \"{}\"", picker.query.trim());
        ui.label(RichText::new(text).color(ui.visuals().warn_fg_color));
    }
    let mut chosen = None;
    egui::ScrollArea::vertical()
        .max_height(320.0)
        .show(ui, |ui| {
            for (k, plan) in plans.iter().enumerate() {
                let row = ui.selectable_label(k == picker.highlight, item_label(plan));
                if k == picker.highlight && (up || down) {
                    row.scroll_to_me(None);
                }
                if row.clicked() {
                    chosen = Some(plan.id.clone());
                }
            }
        });
    chosen
}
