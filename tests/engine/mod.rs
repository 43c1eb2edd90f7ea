//! Engine tests: the worked examples of dental-benefits.md, accumulators across
//! lines and benefit years, every plan limitation from seed-rules.md, and
//! properties over random plans and options.

mod accumulators;
mod bundling_index;
mod carrier_settings;
mod cob_examples;
mod code_groups;
mod derived_plan_terms;
mod fee_versions;
mod fixed_benefit;
mod frequency_scopes;
mod in_network_cob;
mod limitations;
mod missing_tooth_history;
mod own_maximums;
mod plan_copays;
mod plan_limits;
mod properties;
mod separate_deductibles;
mod worked_examples;
