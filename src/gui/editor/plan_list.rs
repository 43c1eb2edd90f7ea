//! The pieces every part of the plan form is built from: a labelled row, the
//! derived plan's "override" / "back to inherited", a field typed and tried on
//! the plan before it is used, and a list section (frequency limits, waiting
//! periods...) with a box per item, "Remove" and "Add".

use egui::{RichText, Ui};

use super::plan_model::PlanDraft;
use super::plan_trial::Env;
use super::typed::{self, typed_edit};
use crate::model::PlanRules;

/// Width of the labels column.
pub const LABEL_WIDTH: f32 = 150.0;

/// A section title.
pub fn heading(ui: &mut Ui, text: &str) {
    ui.add_space(6.0);
    ui.label(RichText::new(text).strong());
}

/// A labelled row; the label greyed when `inherited`.
pub fn row(ui: &mut Ui, label: &str, inherited: bool, add: impl FnOnce(&mut Ui)) {
    ui.horizontal(|ui| {
        let text = RichText::new(label);
        let text = if inherited { text.weak() } else { text };
        ui.add_sized([LABEL_WIDTH, 18.0], egui::Label::new(text));
        add(ui);
    });
}

/// "inherited" with "override", or "back to inherited", for a derived plan's
/// `field` (a record's field is named `deductible.family`).
pub fn derived_controls(ui: &mut Ui, draft: &mut PlanDraft, field: &'static str) {
    if draft.derivation.is_none() {
        return;
    }
    if draft.inherits(field) {
        ui.weak("inherited");
        if typed::small_button(ui, "override", &format!("override {field}")) {
            draft.override_field(field);
        }
    } else if typed::small_button(ui, "back to inherited", &format!("inherit {field}")) {
        draft.back_to_inherited(field);
    }
}

/// A plan value typed in a field: `read` turns the typing into a value, which
/// is then tried on the plan (the loader's message shows when it brings a
/// problem) and, once committed, `put` into `field` as one undo step.
pub struct Typed<'a> {
    /// The accessible name (and the test handle).
    pub label: &'a str,
    /// Shown when the field is empty.
    pub hint: &'a str,
    /// Its width.
    pub width: f32,
    /// The plan field it writes (`record.field` for a record's field).
    pub field: &'static str,
}

impl Typed<'_> {
    /// Draws the field showing `value`.
    pub fn show<T: Clone>(
        &self,
        ui: &mut Ui,
        draft: &mut PlanDraft,
        env: &Env<'_>,
        value: &str,
        read: impl Fn(&str) -> Result<T, String>,
        put: impl Fn(&mut PlanRules, T),
    ) {
        let field = self.field;
        let shared: &PlanDraft = draft;
        let committed = typed_edit(
            ui,
            self.label,
            self.label,
            value,
            self.hint,
            self.width,
            |text| env.accept(shared, field, read(text)?, &put),
        );
        if let Some(value) = committed {
            draft.edit(field, |plan| put(plan, value));
        }
    }
}

/// A list of a plan's rules, each in a box with "Remove", and "Add" below.
pub struct List<'a, T> {
    /// The plan field the list is.
    pub field: &'static str,
    /// "Add" button's text: "Add a frequency limit".
    pub add: &'a str,
    /// The list in a plan.
    pub items: fn(&PlanRules) -> &Vec<T>,
    /// The list in a plan, to change it.
    pub items_mut: fn(&mut PlanRules) -> &mut Vec<T>,
    /// What "Add" puts at the end.
    pub new_item: fn() -> T,
    /// What an item is called on its "Remove" button.
    pub name: fn(usize, &T) -> String,
}

/// An item's "Remove" button, drawn by the item at the end of its last row.
pub struct Remove {
    name: String,
    clicked: bool,
}

impl Remove {
    /// Draws the button.
    pub fn button(&mut self, ui: &mut Ui) {
        if typed::small_button(ui, "Remove", &format!("Remove {}", self.name)) {
            self.clicked = true;
        }
    }
}

impl<T: Clone> List<'_, T> {
    /// Draws the list; `item` draws one item's fields (index and a copy) and
    /// its "Remove" button.
    pub fn show(
        &self,
        ui: &mut Ui,
        draft: &mut PlanDraft,
        mut item: impl FnMut(&mut Ui, &mut PlanDraft, usize, &T, &mut Remove),
    ) {
        let field = self.field;
        ui.horizontal(|ui| derived_controls(ui, draft, field));
        let inherited = draft.derivation.is_some() && draft.inherits(field);
        let mut remove = None;
        let count = (self.items)(&draft.plan).len();
        for i in 0..count {
            let Some(value) = (self.items)(&draft.plan).get(i).cloned() else {
                continue;
            };
            let name = (self.name)(i, &value);
            egui::Frame::group(ui.style())
                .inner_margin(4.0)
                .show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.push_id((field, i), |ui| {
                        if inherited {
                            ui.weak(format!("{name} (inherited)"));
                        }
                        let mut button = Remove {
                            name: name.clone(),
                            clicked: false,
                        };
                        item(ui, draft, i, &value, &mut button);
                        if button.clicked {
                            remove = Some(i);
                        }
                    });
                });
        }
        let items_mut = self.items_mut;
        if let Some(i) = remove {
            draft.edit(field, |plan| {
                items_mut(plan).remove(i);
            });
        }
        if ui.button(self.add).clicked() {
            let new = (self.new_item)();
            draft.edit(field, |plan| items_mut(plan).push(new));
        }
    }
}
