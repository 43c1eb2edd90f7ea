//! The option's lines as services to price: their fee, class, area and dates, in
//! the order the engine prices them (date of service, then plan order).

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::engine::step::Name;
use crate::model::plan::DateOfServiceBasis;
use crate::model::{Area, FeeSchedule, PlannedLine, ProcedureClass, TreatmentOption, Visit};
use crate::model::{CdtCode, CodeCatalogue, LineId};
use crate::money::Cents;

/// One planned line, ready to price.
#[derive(Clone, Debug)]
pub struct Service<'a> {
    /// The planned line's id.
    pub id: LineId,
    /// 1-based position in plan order.
    pub number: usize,
    /// The visit it starts in.
    pub visit: &'a Visit,
    /// The line.
    pub line: &'a PlannedLine,
    /// Date of the starting visit.
    pub started: NaiveDate,
    /// Date of the completing visit (the start date when none is named).
    pub completed: NaiveDate,
    /// Where.
    pub area: Area,
    /// Class of service from the catalogue.
    pub class: ProcedureClass,
    /// Office fee (override or schedule, times quantity).
    pub fee: Cents,
    /// The fee was entered on the line.
    pub fee_overridden: bool,
    /// Which provider's office fee schedule priced it, when a provider applies.
    pub provider_step: Option<crate::engine::step::Step>,
    /// The visit's name, made once per visit.
    pub visit_name: Name,
    /// The code's staff name, made once per code.
    pub description: Name,
}

impl Service<'_> {
    /// The date of service a plan uses.
    pub fn dos(&self, basis: DateOfServiceBasis) -> NaiveDate {
        match basis {
            DateOfServiceBasis::Completion => self.completed,
            DateOfServiceBasis::Start => self.started,
        }
    }
}

/// The services of `option` in plan order (index = number - 1).
pub fn services<'a>(
    option: &'a TreatmentOption,
    catalogue: &CodeCatalogue,
    office_fees: &FeeSchedule,
) -> Vec<Service<'a>> {
    let mut out = Vec::new();
    let mut descriptions: HashMap<CdtCode, Name> = HashMap::new();
    for visit in &option.visits {
        let visit_name: Name = visit.name.as_str().into();
        for line in &visit.lines {
            let completed = option.completion_date(visit, line);
            let quantity = i64::from(line.quantity.max(1));
            let (unit_fee, overridden) = match line.fee {
                Some(fee) => (fee, true),
                // The office fees in force when the procedure is done.
                None => (
                    office_fees
                        .fee_on(line.code, completed)
                        .unwrap_or(Cents::ZERO),
                    false,
                ),
            };
            out.push(Service {
                id: line.id,
                number: out.len() + 1,
                visit,
                line,
                started: visit.date,
                completed,
                area: line.area(),
                class: catalogue.class_of(line.code),
                fee: Cents::from_cents(unit_fee.cents().saturating_mul(quantity)),
                fee_overridden: overridden,
                provider_step: None,
                visit_name: visit_name.clone(),
                description: descriptions
                    .entry(line.code)
                    .or_insert_with(|| catalogue.name_of(line.code).into())
                    .clone(),
            });
        }
    }
    out
}

/// Pricing order: completion date, then plan order (dental-benefits.md §1.2).
pub fn pricing_order(services: &[Service<'_>]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..services.len()).collect();
    order.sort_by_key(|&i| services.get(i).map(|s| (s.completed, s.number)));
    order
}
