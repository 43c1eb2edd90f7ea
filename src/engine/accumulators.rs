//! Running totals per plan: deductible and maximums used, per benefit year (and
//! for lifetime amounts), starting from what the coverage record says is used.

use std::borrow::Cow;
use std::cell::Cell;
use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::few::Few;
use super::window::BenefitYearStart;
use crate::model::benefit_rows::SeparateUsed;
use crate::model::edit::BenefitYear;
use crate::model::plan::{DeductiblePeriod, FamilyDeductibleModel, SeparateDeductible};
use crate::model::treatment_plan::YearUsed;
use crate::model::{CdtCode, Coverage, PlanRules, ProcedureClass};
use crate::money::Cents;

/// Amounts used in one benefit year (or over the lifetime of the coverage).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Used {
    /// The patient's deductible.
    pub deductible: Cents,
    /// The family's deductible dollars.
    pub family_deductible: Cents,
    /// Family members who have met their deductible.
    pub family_members_met: u32,
    /// Plan payments toward the individual annual maximum.
    pub maximum: Cents,
    /// Plan payments toward the family maximum.
    pub family_maximum: Cents,
    /// Payments toward class maximums, by id.
    pub class: BTreeMap<String, Cents>,
    /// The patient's separate deductibles met, by id.
    pub separate_deductible: BTreeMap<String, Cents>,
    /// The family's dollars toward separate deductibles, by id.
    pub family_separate_deductible: BTreeMap<String, Cents>,
    /// The family's payments toward class maximums' family amounts, by id.
    pub family_class: BTreeMap<String, Cents>,
}

impl Used {
    /// The year's figures from the card (class maximums are added per plan).
    fn seeded(used: &YearUsed) -> Used {
        Used {
            deductible: used.deductible_met,
            family_deductible: used.family_deductible_met,
            family_members_met: used.family_members_met,
            maximum: used.benefits_used,
            family_maximum: used.family_benefits_used,
            ..Used::default()
        }
    }

    /// Seeds the separate deductibles and family class maximums of `period`
    /// from what the card shows used.
    fn seed_separate(&mut self, plan: &PlanRules, used: &SeparateUsed, period: DeductiblePeriod) {
        for row in plan
            .deductible
            .separate
            .iter()
            .filter(|r| r.period == period)
        {
            let get = |map: &BTreeMap<String, Cents>| map.get(&row.id).copied().unwrap_or_default();
            self.separate_deductible
                .insert(row.id.clone(), get(&used.deductibles_met));
            self.family_separate_deductible
                .insert(row.id.clone(), get(&used.family_deductibles_met));
        }
        for max in plan
            .maximum
            .class_maximums
            .iter()
            .filter(|m| m.period == period)
        {
            let amount = used.family_class_maximum_used.get(&max.id).copied();
            self.family_class
                .insert(max.id.clone(), amount.unwrap_or_default());
        }
    }

    /// The next benefit year's figures: a lifetime deductible or class maximum
    /// is one pool seeded from the current figures, so next year's do not count
    /// toward it.
    fn next_year(plan: &PlanRules, used: &YearUsed) -> Used {
        let mut year = Used::seeded(used);
        if plan.deductible.period == DeductiblePeriod::Lifetime {
            year.deductible = Cents::ZERO;
            year.family_deductible = Cents::ZERO;
            year.family_members_met = 0;
        }
        for max in &plan.maximum.class_maximums {
            if max.period == DeductiblePeriod::BenefitYear {
                let amount = used.class_maximum_used.get(&max.id).copied();
                year.class
                    .insert(max.id.clone(), amount.unwrap_or_default());
            }
        }
        year.seed_separate(plan, &used.separate_used, DeductiblePeriod::BenefitYear);
        year
    }
}

/// A benefit year with nothing recorded.
static NOTHING_USED: Used = Used {
    deductible: Cents::ZERO,
    family_deductible: Cents::ZERO,
    family_members_met: 0,
    maximum: Cents::ZERO,
    family_maximum: Cents::ZERO,
    class: BTreeMap::new(),
    separate_deductible: BTreeMap::new(),
    family_separate_deductible: BTreeMap::new(),
    family_class: BTreeMap::new(),
};

/// A plan's accumulators for one patient.
#[derive(Clone, Debug)]
pub struct Accumulators<'a> {
    plan: &'a PlanRules,
    year_start: BenefitYearStart,
    years: BTreeMap<NaiveDate, Used>,
    lifetime: Used,
    /// The rollover bank when the as-of benefit year began, and that year's start.
    bank: (Cents, NaiveDate),
    /// The benefit year last asked for (first and last day): nearly every
    /// question of an estimate falls in the same year, and working a year out
    /// from a date is date arithmetic.
    recent: Cell<(NaiveDate, NaiveDate)>,
}

/// What a line may still take from the deductible and the maximums. Names are
/// borrowed from the plan: a step copies one only when it is written.
#[derive(Clone, Debug)]
pub struct Room<'a> {
    /// Deductible the line may take (individual and family both allow it).
    pub deductible: Cents,
    /// Individual deductible left.
    pub individual_deductible: Cents,
    /// Caps on the payment, each with its name; None = no cap.
    pub caps: Few<(Cow<'a, str>, Cents)>,
    /// The separate deductible the line takes instead of the general one: its
    /// name and amount per person.
    pub separate: Option<(&'a str, Cents)>,
    /// The maximum of its own that takes the line out of the annual maximum: its
    /// name and what it has left.
    pub outside_annual: Option<(&'a str, Cents)>,
    /// The annual maximum's part and the rollover bank's part of its cap, when
    /// the plan has a bank with money in it.
    pub rollover: Option<RolloverRoom>,
}

/// The two parts of the annual cap of a plan with a rollover bank.
#[derive(Clone, Copy, Debug)]
pub struct RolloverRoom {
    /// Left of the annual maximum.
    pub annual: Cents,
    /// Left in the bank.
    pub bank: Cents,
}

impl<'a> Accumulators<'a> {
    /// Starts from the coverage record: its amounts used apply to the benefit year
    /// containing `as_of`, its `next_year` amounts to the benefit year after it
    /// (later years start from zero). Lifetime deductibles and class maximums are
    /// one pool, seeded from the current figures only.
    pub fn new(plan: &'a PlanRules, coverage: &Coverage, as_of: NaiveDate) -> Accumulators<'a> {
        let year_start = BenefitYearStart {
            month: plan.benefit_year.start_month(),
        };
        let (as_of_year, as_of_end) = year_start.year_containing(as_of);
        let current = coverage.used_in(BenefitYear::This);
        let mut year = Used::seeded(&current);
        let mut lifetime = Used::default();
        if plan.deductible.period == DeductiblePeriod::Lifetime {
            lifetime.deductible = coverage.deductible_met;
            lifetime.family_deductible = coverage.family_deductible_met;
            lifetime.family_members_met = coverage.family_members_met;
            year.deductible = Cents::ZERO;
            year.family_deductible = Cents::ZERO;
        }
        for max in &plan.maximum.class_maximums {
            let used = current
                .class_maximum_used
                .get(&max.id)
                .copied()
                .unwrap_or_default();
            match max.period {
                DeductiblePeriod::Lifetime => lifetime.class.insert(max.id.clone(), used),
                DeductiblePeriod::BenefitYear => year.class.insert(max.id.clone(), used),
            };
        }
        year.seed_separate(plan, &current.separate_used, DeductiblePeriod::BenefitYear);
        lifetime.seed_separate(plan, &coverage.separate_used, DeductiblePeriod::Lifetime);
        let mut years = BTreeMap::new();
        years.insert(as_of_year, year);
        let next_start = as_of_end.succ_opt();
        if let (Some(next), Some(start)) = (&coverage.next_year, next_start) {
            years.insert(start, Used::next_year(plan, next));
        }
        Accumulators {
            plan,
            year_start,
            years,
            lifetime,
            bank: (coverage.rollover_bank, as_of_year),
            recent: Cell::new((as_of_year, as_of_end)),
        }
    }

    /// First and last day of the benefit year containing `date`.
    pub fn year_of(&self, date: NaiveDate) -> (NaiveDate, NaiveDate) {
        let (start, end) = self.recent.get();
        if start <= date && date <= end {
            return (start, end);
        }
        let year = self.year_start.year_containing(date);
        self.recent.set(year);
        year
    }

    /// What the benefit year containing `date` has used, borrowed (a year with
    /// nothing recorded has used nothing).
    fn year(&self, date: NaiveDate) -> &Used {
        let start = self.year_of(date).0;
        self.years.get(&start).unwrap_or(&NOTHING_USED)
    }

    fn year_mut(&mut self, date: NaiveDate) -> &mut Used {
        let start = self.year_of(date).0;
        self.years.entry(start).or_default()
    }

    fn deductible_used(&self, used_year: &Used) -> (Cents, Cents, u32) {
        match self.plan.deductible.period {
            DeductiblePeriod::BenefitYear => (
                used_year.deductible,
                used_year.family_deductible,
                used_year.family_members_met,
            ),
            DeductiblePeriod::Lifetime => (
                self.lifetime.deductible,
                self.lifetime.family_deductible,
                self.lifetime.family_members_met,
            ),
        }
    }

    /// Individual deductible left in the year containing `date`.
    pub fn deductible_left(&self, date: NaiveDate) -> Cents {
        let (used, ..) = self.deductible_used(self.year(date));
        self.plan.deductible.individual.saturating_sub_floor(used)
    }

    /// Individual annual maximum left in the year containing `date`.
    pub fn maximum_left(&self, date: NaiveDate) -> Option<Cents> {
        let used = self.year(date).maximum;
        self.plan
            .maximum
            .annual
            .map(|m| m.saturating_sub_floor(used))
    }

    /// Class maximums left: (name, left).
    pub fn class_maximums_left(&self, date: NaiveDate) -> Vec<(String, Cents)> {
        let year = self.year(date);
        self.plan
            .maximum
            .class_maximums
            .iter()
            .map(|m| {
                let used = match m.period {
                    DeductiblePeriod::Lifetime => self.lifetime.class.get(&m.id),
                    DeductiblePeriod::BenefitYear => year.class.get(&m.id),
                };
                (
                    m.name.clone(),
                    m.amount
                        .saturating_sub_floor(used.copied().unwrap_or_default()),
                )
            })
            .collect()
    }

    /// Room for a line of `code` and `class` on `date`.
    pub fn room(&self, code: CdtCode, class: ProcedureClass, date: NaiveDate) -> Room<'a> {
        let year = self.year(date);
        let (deductible, individual_deductible, separate) =
            match self.plan.separate_deductible_for(code, class) {
                Some(row) => self.separate_room(row, year),
                None => {
                    let (deductible, individual) = self.general_deductible(class, year);
                    (deductible, individual, None)
                }
            };
        let own = self.plan.maximums_for(code, class);
        let outside = own.iter().any(|m| m.outside_annual);
        let mut caps = Few::new();
        let mut rollover = None;
        let m = &self.plan.maximum;
        if !outside && !m.exempt_classes.contains(&class) {
            if let Some(annual) = m.annual {
                let left = annual.saturating_sub_floor(year.maximum);
                let bank = self.bank_left(self.year_of(date).0, year);
                let name = if bank.is_zero() {
                    "annual maximum"
                } else {
                    rollover = Some(RolloverRoom { annual: left, bank });
                    "annual maximum and rollover bank"
                };
                caps.push((Cow::Borrowed(name), left + bank));
            }
            if let Some(family) = m.family_annual {
                caps.push((
                    Cow::Borrowed("family maximum"),
                    family.saturating_sub_floor(year.family_maximum),
                ));
            }
        }
        let mut outside_annual = None;
        for max in &own {
            let (used, family_used) = match max.period {
                DeductiblePeriod::Lifetime => (&self.lifetime.class, &self.lifetime.family_class),
                DeductiblePeriod::BenefitYear => (&year.class, &year.family_class),
            };
            let get = |map: &BTreeMap<String, Cents>| map.get(&max.id).copied().unwrap_or_default();
            let left = max.amount.saturating_sub_floor(get(used));
            if max.outside_annual && outside_annual.is_none() {
                outside_annual = Some((max.name.as_str(), left));
            }
            caps.push((Cow::Borrowed(max.name.as_str()), left));
            if let Some(family) = max.family_amount {
                let left = family.saturating_sub_floor(get(family_used));
                caps.push((Cow::Owned(format!("{} for the family", max.name)), left));
            }
        }
        Room {
            deductible,
            individual_deductible,
            caps,
            separate,
            outside_annual,
            rollover,
        }
    }

    /// The general deductible a line of `class` may take, and the individual left.
    fn general_deductible(&self, class: ProcedureClass, year: &Used) -> (Cents, Cents) {
        let d = &self.plan.deductible;
        let (ind_used, fam_used, members_met) = self.deductible_used(year);
        let individual = d.individual.saturating_sub_floor(ind_used);
        let family = match (d.family, d.family_model) {
            (None, _) => individual,
            (Some(family), FamilyDeductibleModel::AggregateDollars) => {
                family.saturating_sub_floor(fam_used)
            }
            (Some(_), FamilyDeductibleModel::MemberCount(n)) => {
                if members_met >= n {
                    Cents::ZERO
                } else {
                    individual
                }
            }
        };
        if d.waived_classes.contains(&class) {
            (Cents::ZERO, individual)
        } else {
            (individual.min(family), individual)
        }
    }

    /// A separate deductible's room: what the line may take (individual and
    /// family both allow it), the individual left, and the row's name and amount.
    fn separate_room(
        &self,
        row: &'a SeparateDeductible,
        year: &Used,
    ) -> (Cents, Cents, Option<(&'a str, Cents)>) {
        let pool = match row.period {
            DeductiblePeriod::Lifetime => &self.lifetime,
            DeductiblePeriod::BenefitYear => year,
        };
        let get = |map: &BTreeMap<String, Cents>| map.get(&row.id).copied().unwrap_or_default();
        let individual = row
            .individual
            .saturating_sub_floor(get(&pool.separate_deductible));
        let family = row.family.map_or(individual, |f| {
            f.saturating_sub_floor(get(&pool.family_separate_deductible))
        });
        (
            individual.min(family),
            individual,
            Some((row.name.as_str(), row.individual)),
        )
    }

    /// Records a line's deductible and payment.
    pub fn record(
        &mut self,
        code: CdtCode,
        class: ProcedureClass,
        date: NaiveDate,
        deductible: Cents,
        paid: Cents,
    ) {
        let plan = self.plan;
        match plan.separate_deductible_for(code, class) {
            Some(row) => {
                let pool = match row.period {
                    DeductiblePeriod::Lifetime => &mut self.lifetime,
                    DeductiblePeriod::BenefitYear => self.year_mut(date),
                };
                *pool.separate_deductible.entry(row.id.clone()).or_default() += deductible;
                *pool
                    .family_separate_deductible
                    .entry(row.id.clone())
                    .or_default() += deductible;
            }
            None => self.record_general_deductible(date, deductible),
        }
        let own = plan.maximums_for(code, class);
        let outside = own.iter().any(|m| m.outside_annual);
        if !outside && !plan.maximum.exempt_classes.contains(&class) {
            let year = self.year_mut(date);
            year.maximum += paid;
            year.family_maximum += paid;
        }
        for max in own {
            let pool = match max.period {
                DeductiblePeriod::Lifetime => &mut self.lifetime,
                DeductiblePeriod::BenefitYear => self.year_mut(date),
            };
            *pool.class.entry(max.id.clone()).or_default() += paid;
            if max.family_amount.is_some() {
                *pool.family_class.entry(max.id.clone()).or_default() += paid;
            }
        }
    }

    /// Records the general deductible a line took.
    fn record_general_deductible(&mut self, date: NaiveDate, deductible: Cents) {
        let individual = self.plan.deductible.individual;
        let bump = |used: &mut Used| {
            let was_met = used.deductible >= individual;
            used.deductible += deductible;
            used.family_deductible += deductible;
            if !was_met && used.deductible >= individual && !individual.is_zero() {
                used.family_members_met += 1;
            }
        };
        if self.plan.deductible.period == DeductiblePeriod::Lifetime {
            bump(&mut self.lifetime);
        } else {
            bump(self.year_mut(date));
        }
    }

    /// The rollover bank left in the benefit year starting `start` (whose use so
    /// far is `year`): the bank it began with less what its payments above the
    /// annual maximum drew. A year after the as-of year begins with the bank the
    /// year before ended with, plus the credit when that year's paid claims stayed
    /// at or under the threshold, never above the cap.
    fn bank_left(&self, start: NaiveDate, year: &Used) -> Cents {
        let (Some(rollover), Some(annual)) =
            (&self.plan.maximum.rollover, self.plan.maximum.annual)
        else {
            return Cents::ZERO;
        };
        let left = |bank: Cents, used: &Used| {
            bank.saturating_sub_floor(used.maximum.saturating_sub_floor(annual))
        };
        let (mut bank, mut at) = self.bank;
        while at < start {
            let used = self.year(at);
            let credit = if used.maximum <= rollover.threshold {
                rollover.amount
            } else {
                Cents::ZERO
            };
            bank = (left(bank, used) + credit).min(rollover.cap);
            let Some(next) = self.year_of(at).1.succ_opt() else {
                break;
            };
            at = next;
        }
        if at == start {
            left(bank, year)
        } else {
            Cents::ZERO
        }
    }

    /// Benefit-year starts that have any use recorded or are the as-of year.
    pub fn years(&self) -> Vec<NaiveDate> {
        self.years.keys().copied().collect()
    }
}
