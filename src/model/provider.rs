//! The practice's providers (issue 16 item 7): dentists, hygienists and
//! specialists, each with an optional office fee schedule of their own and
//! optional contracted schedules per carrier or plan. A line priced for a provider
//! uses their schedules, and the practice's where they have none.

use serde::{Deserialize, Serialize};

/// One person who treats patients at the practice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provider {
    /// Short id lines name ("dr-ortiz"); unique among the providers.
    pub id: String,
    /// Name for people ("Dr. Ana Ortiz").
    pub name: String,
    /// What kind of provider.
    #[serde(default)]
    pub kind: ProviderKind,
    /// Their own office fee schedule (library id); None: the practice's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office_fee_schedule: Option<String>,
    /// Contracted schedules of their own, per plan or carrier; a plan not listed
    /// uses the schedule its network names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contracts: Vec<ProviderContract>,
}

/// What kind of provider.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ProviderKind {
    /// A general dentist.
    #[default]
    Dentist,
    /// A dental hygienist.
    Hygienist,
    /// A specialist (orthodontist, oral surgeon, periodontist...).
    Specialist,
}

/// A provider's own contracted schedule with one plan, or with every plan of one
/// carrier. A row naming the plan wins over a row naming its carrier.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProviderContract {
    /// The plan id it applies to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<String>,
    /// The carrier it applies to (every plan whose `carrier` is this), when no
    /// plan is named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carrier: Option<String>,
    /// The fee schedule (library id) the provider's lines are allowed under.
    pub schedule: String,
}

/// The practice's providers as pricing needs them: attached to the loaded
/// library from the practice settings by whoever reads both (the app and the
/// command line), so every estimate and comparison sees the same ones.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PracticeProviders {
    /// The providers.
    pub list: Vec<Provider>,
    /// The practice's default provider (id).
    pub default: Option<String>,
}

impl Provider {
    /// The provider's contracted schedule id for a plan (by id and carrier):
    /// the row naming the plan, else the row naming its carrier; with whether the
    /// row matched by carrier.
    pub fn contract_for(&self, plan: &str, carrier: &str) -> Option<(&str, bool)> {
        let by_plan = self
            .contracts
            .iter()
            .find(|c| c.plan.as_deref() == Some(plan));
        if let Some(c) = by_plan {
            return Some((c.schedule.as_str(), false));
        }
        self.contracts
            .iter()
            .find(|c| c.plan.is_none() && c.carrier.as_deref() == Some(carrier))
            .map(|c| (c.schedule.as_str(), true))
    }
}

/// A message when the providers do not fit together: a blank or repeated id, a
/// contract row naming neither plan nor carrier, or a default provider not listed.
pub fn check_providers(providers: &[Provider], default: Option<&str>) -> Result<(), String> {
    let mut seen = std::collections::BTreeSet::new();
    for p in providers {
        if p.id.trim().is_empty() {
            return Err(format!(
                "provider \"{}\" has a blank id: expected a short id such as \"dr-ortiz\"",
                p.name
            ));
        }
        if !seen.insert(p.id.as_str()) {
            return Err(format!(
                "provider id \"{}\" is listed twice: expected each id once",
                p.id
            ));
        }
        if p.contracts
            .iter()
            .any(|c| c.plan.is_none() && c.carrier.is_none())
        {
            return Err(format!(
                "provider \"{}\" has a contract that names neither a plan nor a carrier: expected plan: \"...\" or carrier: \"...\"",
                p.id
            ));
        }
    }
    if let Some(id) = default
        && !seen.contains(id)
    {
        return Err(format!(
            "default_provider is \"{id}\": expected the id of one of the providers listed"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn provider(id: &str, contracts: Vec<ProviderContract>) -> Provider {
        Provider {
            id: id.into(),
            name: id.into(),
            kind: ProviderKind::Specialist,
            office_fee_schedule: None,
            contracts,
        }
    }

    fn row(plan: Option<&str>, carrier: Option<&str>, schedule: &str) -> ProviderContract {
        ProviderContract {
            plan: plan.map(Into::into),
            carrier: carrier.map(Into::into),
            schedule: schedule.into(),
        }
    }

    #[test]
    fn a_plan_row_wins_over_its_carriers_row() {
        let p = provider(
            "ortho",
            vec![
                row(None, Some("Delta"), "carrier-fees"),
                row(Some("delta-ppo"), None, "plan-fees"),
            ],
        );
        assert_eq!(
            p.contract_for("delta-ppo", "Delta"),
            Some(("plan-fees", false))
        );
        assert_eq!(
            p.contract_for("delta-2", "Delta"),
            Some(("carrier-fees", true))
        );
        assert_eq!(p.contract_for("aetna", "Aetna"), None);
    }

    #[test]
    fn repeated_ids_and_unknown_defaults_are_refused() {
        let two = [provider("a", vec![]), provider("a", vec![])];
        assert!(check_providers(&two, None).unwrap_err().contains("twice"));
        let one = [provider("a", vec![])];
        assert!(check_providers(&one, Some("a")).is_ok());
        assert!(
            check_providers(&one, Some("b"))
                .unwrap_err()
                .contains("default_provider")
        );
        let bad = [provider("a", vec![row(None, None, "x")])];
        assert!(check_providers(&bad, None).unwrap_err().contains("neither"));
    }
}
