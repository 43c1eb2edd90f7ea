//! The fee schedule editor's table: one row per code with a fee, plus the codes
//! the plans use that have no fee (marked); searched, sorted, and only the rows
//! in view drawn, so a schedule of hundreds of codes stays quick.

use std::collections::BTreeMap;

use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::fee_model::FeeDraft;
use crate::gui::widgets::commit_edit::commit_edit;
use crate::model::{CdtCode, Library};
use crate::money::Cents;

/// The table's order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    /// By code, D0120 first.
    #[default]
    CodeUp,
    /// By code, last first.
    CodeDown,
    /// Cheapest first (codes with no fee last).
    FeeUp,
    /// Dearest first.
    FeeDown,
}

/// One row of the table.
#[derive(Clone, Debug, PartialEq)]
pub struct FeeRow {
    /// The code.
    pub code: CdtCode,
    /// Its catalogue name.
    pub description: String,
    /// Its fee in the list edited; None when it has none.
    pub fee: Option<Cents>,
    /// The plans that name it while it has no fee (empty when it has one).
    pub used_by: Vec<String>,
}

/// The rows shown: every fee plus the missing codes, those matching `search`
/// (code or words, any case), in `sort` order.
pub fn rows(
    fees: &BTreeMap<CdtCode, Cents>,
    missing: &BTreeMap<CdtCode, Vec<String>>,
    library: &Library,
    search: &str,
    sort: Sort,
) -> Vec<FeeRow> {
    let search = search.trim().to_lowercase();
    let mut rows: Vec<FeeRow> = fees
        .iter()
        .map(|(code, fee)| (*code, Some(*fee), Vec::new()))
        .chain(missing.iter().map(|(code, by)| (*code, None, by.clone())))
        .map(|(code, fee, used_by)| FeeRow {
            code,
            description: library.catalogue.name_of(code),
            fee,
            used_by,
        })
        .filter(|row| {
            search.is_empty()
                || row.code.to_string().to_lowercase().contains(&search)
                || row.description.to_lowercase().contains(&search)
        })
        .collect();
    match sort {
        Sort::CodeUp => rows.sort_by_key(|r| r.code),
        Sort::CodeDown => rows.sort_by_key(|r| std::cmp::Reverse(r.code)),
        Sort::FeeUp => rows.sort_by_key(|r| (r.fee.is_none(), r.fee, r.code)),
        Sort::FeeDown => rows.sort_by_key(|r| (r.fee.is_none(), std::cmp::Reverse(r.fee), r.code)),
    }
    rows
}

/// The label of a row's fee field (tests type into it).
pub fn fee_label(code: CdtCode) -> String {
    format!("Fee {code}")
}

/// Draws the table; a fee typed and committed is set on `draft` (one undo step)
/// or, when it is not an amount, kept in `errors` and shown on its row.
pub fn table_ui(
    ui: &mut Ui,
    rows: &[FeeRow],
    sort: &mut Sort,
    errors: &mut BTreeMap<CdtCode, String>,
    draft: &mut FeeDraft,
) {
    let height = ui.text_style_height(&egui::TextStyle::Body) + 10.0;
    let order = match sort {
        Sort::CodeUp => "by code",
        Sort::CodeDown => "by code, last first",
        Sort::FeeUp => "by fee, lowest first",
        Sort::FeeDown => "by fee, highest first",
    };
    let shown = format!(
        "{} code(s) shown, {order} (click Code or Fee to sort)",
        rows.len()
    );
    ui.label(shown);
    TableBuilder::new(ui)
        .id_salt("fee_table")
        .striped(true)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::exact(80.0))
        .column(Column::remainder().at_least(200.0).clip(true))
        .column(Column::exact(110.0))
        .column(Column::exact(260.0).clip(true))
        .header(height, |mut header| {
            header.col(|ui| sort_button(ui, sort, "Code", Sort::CodeUp, Sort::CodeDown));
            header.col(|ui| {
                ui.strong("Description");
            });
            header.col(|ui| sort_button(ui, sort, "Fee", Sort::FeeUp, Sort::FeeDown));
            header.col(|ui| {
                ui.strong("Note");
            });
        })
        .body(|body| {
            body.rows(height, rows.len(), |mut row| {
                let Some(fee_row) = rows.get(row.index()) else {
                    return;
                };
                row.col(|ui| {
                    ui.label(RichText::new(fee_row.code.to_string()).monospace());
                });
                row.col(|ui| {
                    ui.label(&fee_row.description);
                });
                row.col(|ui| fee_cell(ui, fee_row, errors, draft));
                row.col(|ui| note_cell(ui, fee_row, errors));
            });
        });
}

fn sort_button(ui: &mut Ui, sort: &mut Sort, what: &str, up: Sort, down: Sort) {
    let button = egui::Button::new(RichText::new(what).strong().underline()).frame(false);
    if ui
        .add(button)
        .on_hover_text(format!("Sort by {}", what.to_lowercase()))
        .clicked()
    {
        *sort = if *sort == up { down } else { up };
    }
}

fn fee_cell(
    ui: &mut Ui,
    row: &FeeRow,
    errors: &mut BTreeMap<CdtCode, String>,
    draft: &mut FeeDraft,
) {
    let value = row.fee.map(Cents::to_plain_string).unwrap_or_default();
    let label = fee_label(row.code);
    let salt = ("fee", row.code, draft.version);
    let Some(typed) = commit_edit(ui, salt, &label, &value, "no fee", 96.0) else {
        return;
    };
    if typed.trim().is_empty() {
        errors.remove(&row.code);
        draft.set_fee(row.code, None);
        return;
    }
    match Cents::parse_non_negative(&typed) {
        Ok(fee) => {
            errors.remove(&row.code);
            draft.set_fee(row.code, Some(fee));
        }
        Err(e) => {
            errors.insert(row.code, format!("{typed:?} not accepted: {e}"));
        }
    }
}

fn note_cell(ui: &mut Ui, row: &FeeRow, errors: &BTreeMap<CdtCode, String>) {
    let warn = ui.visuals().warn_fg_color;
    if let Some(error) = errors.get(&row.code) {
        ui.colored_label(ui.visuals().error_fg_color, error)
            .on_hover_text(error);
    } else if !row.used_by.is_empty() {
        let text = format!("No fee; used by {}", row.used_by.join(", "));
        ui.colored_label(warn, &text).on_hover_text(&text);
    }
}
