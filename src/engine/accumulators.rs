//! Running totals per plan: deductible and maximums used, per benefit year (and
//! for lifetime amounts), starting from what the coverage record says is used.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::window::BenefitYearStart;
use crate::model::edit::BenefitYear;
use crate::model::plan::{DeductiblePeriod, FamilyDeductibleModel};
use crate::model::treatment_plan::YearUsed;
use crate::model::{Coverage, PlanRules, ProcedureClass};
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
            class: BTreeMap::new(),
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
        year
    }
}

/// A plan's accumulators for one patient.
#[derive(Clone, Debug)]
pub struct Accumulators<'a> {
    plan: &'a PlanRules,
    year_start: BenefitYearStart,
    years: BTreeMap<NaiveDate, Used>,
    lifetime: Used,
}

/// What a line may still take from the deductible and the maximums.
#[derive(Clone, Debug)]
pub struct Room {
    /// Deductible the line may take (individual and family both allow it).
    pub deductible: Cents,
    /// Individual deductible left.
    pub individual_deductible: Cents,
    /// Caps on the payment, each with its name; None = no cap.
    pub caps: Vec<(String, Cents)>,
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
        }
    }

    /// First and last day of the benefit year containing `date`.
    pub fn year_of(&self, date: NaiveDate) -> (NaiveDate, NaiveDate) {
        self.year_start.year_containing(date)
    }

    fn year(&self, date: NaiveDate) -> Used {
        let start = self.year_of(date).0;
        self.years.get(&start).cloned().unwrap_or_default()
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
        let (used, ..) = self.deductible_used(&self.year(date));
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

    /// Room for a line of `class` on `date`.
    pub fn room(&self, class: ProcedureClass, date: NaiveDate) -> Room {
        let d = &self.plan.deductible;
        let year = self.year(date);
        let (ind_used, fam_used, members_met) = self.deductible_used(&year);
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
        let waived = d.waived_classes.contains(&class);
        let deductible = if waived {
            Cents::ZERO
        } else {
            individual.min(family)
        };
        let mut caps = Vec::new();
        let m = &self.plan.maximum;
        if !m.exempt_classes.contains(&class) {
            if let Some(annual) = m.annual {
                caps.push((
                    "annual maximum".to_string(),
                    annual.saturating_sub_floor(year.maximum),
                ));
            }
            if let Some(family) = m.family_annual {
                caps.push((
                    "family maximum".to_string(),
                    family.saturating_sub_floor(year.family_maximum),
                ));
            }
        }
        for max in m
            .class_maximums
            .iter()
            .filter(|c| c.classes.contains(&class))
        {
            let used = match max.period {
                DeductiblePeriod::Lifetime => self.lifetime.class.get(&max.id),
                DeductiblePeriod::BenefitYear => year.class.get(&max.id),
            };
            caps.push((
                max.name.clone(),
                max.amount
                    .saturating_sub_floor(used.copied().unwrap_or_default()),
            ));
        }
        Room {
            deductible,
            individual_deductible: individual,
            caps,
        }
    }

    /// Records a line's deductible and payment.
    pub fn record(
        &mut self,
        class: ProcedureClass,
        date: NaiveDate,
        deductible: Cents,
        paid: Cents,
    ) {
        let plan = self.plan;
        let individual = plan.deductible.individual;
        let counts = !plan.maximum.exempt_classes.contains(&class);
        let lifetime_deductible = plan.deductible.period == DeductiblePeriod::Lifetime;
        let bump_deductible = |used: &mut Used| {
            let was_met = used.deductible >= individual;
            used.deductible += deductible;
            used.family_deductible += deductible;
            if !was_met && used.deductible >= individual && !individual.is_zero() {
                used.family_members_met += 1;
            }
        };
        if lifetime_deductible {
            bump_deductible(&mut self.lifetime);
        }
        let year = self.year_mut(date);
        if !lifetime_deductible {
            bump_deductible(year);
        }
        if counts {
            year.maximum += paid;
            year.family_maximum += paid;
        }
        for max in plan
            .maximum
            .class_maximums
            .iter()
            .filter(|c| c.classes.contains(&class))
        {
            let target = match max.period {
                DeductiblePeriod::Lifetime => &mut self.lifetime.class,
                DeductiblePeriod::BenefitYear => &mut self.year_mut(date).class,
            };
            *target.entry(max.id.clone()).or_default() += paid;
        }
    }

    /// Benefit-year starts that have any use recorded or are the as-of year.
    pub fn years(&self) -> Vec<NaiveDate> {
        self.years.keys().copied().collect()
    }
}
