//! The plans "New plan" starts from (assets/plan-templates): a typical PPO
//! (100/80/50, $50 deductible, $1,500 maximum), a dental HMO, an indemnity plan
//! and a Medicaid plan. Each gets the library's first fee schedule of the kind
//! its network needs and an id no plan has yet.

use std::path::Path;

use crate::library;
use crate::model::derived::PlanFile;
use crate::model::plan::Network;
use crate::model::{FeeScheduleKind, Library, PlanRules};

/// The templates: the name on the button and the plan file.
pub const TEMPLATES: [(&str, &str); 4] = [
    (
        "PPO 100/80/50",
        include_str!("../../../assets/plan-templates/ppo.ron"),
    ),
    (
        "Dental HMO",
        include_str!("../../../assets/plan-templates/dhmo.ron"),
    ),
    (
        "Indemnity",
        include_str!("../../../assets/plan-templates/indemnity.ron"),
    ),
    (
        "Medicaid",
        include_str!("../../../assets/plan-templates/medicaid.ron"),
    ),
];

/// A new plan from template `name`, fitted to `library`.
pub fn from_template(name: &str, library: &Library) -> Result<PlanRules, String> {
    let (_, text) = TEMPLATES
        .iter()
        .find(|(n, _)| *n == name)
        .ok_or_else(|| format!("no template called {name:?}"))?;
    let mut plan = match library::parse_plan_file(Path::new(name), text) {
        Ok(PlanFile::Full(plan)) => plan,
        Ok(PlanFile::Derived(_)) => return Err("a template cannot be a derived plan".into()),
        Err(problem) => return Err(problem.to_string()),
    };
    let kind = schedule_kind(&plan.network);
    if let Some(schedule) = library.fee_schedules.values().find(|s| s.kind == kind) {
        set_schedule(&mut plan.network, &schedule.id);
    }
    plan.id = free_id(library, &plan.id);
    Ok(plan)
}

/// The kind of fee schedule a network prices with.
pub fn schedule_kind(network: &Network) -> FeeScheduleKind {
    match network {
        Network::InNetwork { .. } => FeeScheduleKind::Contracted,
        Network::OutOfNetwork { .. } | Network::Indemnity { .. } => FeeScheduleKind::Allowance,
        Network::ScheduledAllowance { .. } => FeeScheduleKind::Scheduled,
        Network::Dhmo { .. } => FeeScheduleKind::Copay,
    }
}

/// Points a network at schedule `id`.
pub fn set_schedule(network: &mut Network, id: &str) {
    let id = id.to_string();
    match network {
        Network::InNetwork { contracted } => *contracted = id,
        Network::OutOfNetwork { allowed } | Network::Indemnity { allowed } => *allowed = id,
        Network::ScheduledAllowance { schedule } => *schedule = id,
        Network::Dhmo { copays } => *copays = id,
    }
}

/// `wanted`, or `wanted-2`, `wanted-3`... : the first id no plan has.
pub fn free_id(library: &Library, wanted: &str) -> String {
    let mut id = wanted.to_string();
    let mut n = 2;
    while library.plans.contains_key(&id) {
        id = format!("{wanted}-{n}");
        n += 1;
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_loads_cleanly_on_the_sample_library() {
        let library = library::sample();
        for (name, _) in TEMPLATES {
            let plan = from_template(name, &library).unwrap();
            let schedule = &library.fee_schedules[plan.network.schedule_id()];
            assert_eq!(schedule.kind, schedule_kind(&plan.network), "{name}");
        }
        let ppo = from_template("PPO 100/80/50", &library).unwrap();
        assert_eq!(ppo.deductible.individual.cents(), 5_000);
        assert_eq!(ppo.maximum.annual.map(|c| c.cents()), Some(150_000));
    }
}
