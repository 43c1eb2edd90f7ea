//! The estimate table's columns, defined once: what each column is
//! ([`ColumnKey`]), its headings and alignment, and which columns each reader
//! gets ([`ColumnSet`]: the command line, the screen, the printed estimate).

/// One payer of the estimate, in payer order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PayerColumn {
    /// Plan id.
    pub plan: String,
    /// The plan's name (its id when the library lacks it).
    pub name: String,
    /// The name without filler words ("Summit PPO 1500").
    pub short_name: String,
    /// "Primary insurance".
    pub role: String,
    /// "Primary".
    pub role_short: String,
}

/// One column of the estimate table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ColumnKey {
    /// Line number in the option.
    Number,
    /// Date of service.
    Date,
    /// CDT code.
    Code,
    /// Tooth, surfaces or area in one column.
    Area,
    /// Tooth number (or quadrant/arch) alone.
    Tooth,
    /// Surfaces alone.
    Surfaces,
    /// What the procedure is.
    Description,
    /// Office fee.
    Fee,
    /// The primary plan's allowed fee.
    Allowed,
    /// Contractual write-off (the network discount).
    WriteOff,
    /// Deductible taken by the primary.
    Deductible,
    /// What payer `k` (0 = primary) pays.
    Payer(usize),
    /// What the patient owes.
    Patient,
    /// Flag words.
    Status,
}

/// Who reads the table: picks the columns, their headings and the cell wording.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ColumnSet {
    /// `ferrule estimate`: plan ids as payer headings, area in words.
    CommandLine,
    /// The desktop table: tooth and surfaces apart, payer roles as headings.
    Screen,
    /// The patient's printed estimate: patient wording, no staff columns.
    Printed,
}

/// Left or right alignment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Align {
    /// Words.
    Left,
    /// Amounts.
    Right,
}

/// One column as a reader gets it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    /// Which column.
    pub key: ColumnKey,
    /// Whose column set it belongs to (decides the cell wording).
    pub set: ColumnSet,
    /// The heading this reader sees.
    pub title: String,
    /// The full name, for tooltips and screen readers ("Summit PPO 1500 pays").
    pub long_title: String,
    /// Alignment of the heading and the cells.
    pub align: Align,
}

impl ColumnKey {
    /// True for money columns.
    pub fn is_money(self) -> bool {
        matches!(
            self,
            ColumnKey::Fee
                | ColumnKey::Allowed
                | ColumnKey::WriteOff
                | ColumnKey::Deductible
                | ColumnKey::Payer(_)
                | ColumnKey::Patient
        )
    }

    /// The staff heading: full and short ("Deductible", "Deduct.").
    fn staff_titles(self) -> (&'static str, &'static str) {
        match self {
            ColumnKey::Number => ("Line", "#"),
            ColumnKey::Date => ("Date of service", "Date"),
            ColumnKey::Code => ("Code", "Code"),
            ColumnKey::Area => ("Tooth / area", "Area"),
            ColumnKey::Tooth => ("Tooth", "Tooth"),
            ColumnKey::Surfaces => ("Surfaces", "Surf."),
            ColumnKey::Description => ("Description", "Description"),
            ColumnKey::Fee => ("Office fee", "Fee"),
            ColumnKey::Allowed => ("Allowed fee", "Allowed"),
            ColumnKey::WriteOff => ("Write-off", "Write-off"),
            ColumnKey::Deductible => ("Deductible", "Deduct."),
            ColumnKey::Payer(_) => ("Insurance", "Insurance"),
            ColumnKey::Patient => ("Patient", "Patient"),
            ColumnKey::Status => ("Status", "Status"),
        }
    }

    /// The patient's heading on the printed estimate.
    fn printed_title(self) -> &'static str {
        match self {
            ColumnKey::WriteOff => "Network discount",
            ColumnKey::Patient => "You pay",
            ColumnKey::Fee => "Fee",
            other => other.staff_titles().0,
        }
    }
}

impl ColumnSet {
    /// The columns this reader gets, in order, for `payers` payers; the printed
    /// estimate shows the network discount only when some line has one.
    pub fn keys(self, payers: usize, has_write_off: bool) -> Vec<ColumnKey> {
        let payers = (0..payers).map(ColumnKey::Payer);
        let mut keys = match self {
            ColumnSet::CommandLine => vec![ColumnKey::Number, ColumnKey::Date, ColumnKey::Code],
            ColumnSet::Screen => vec![ColumnKey::Tooth, ColumnKey::Surfaces, ColumnKey::Code],
            ColumnSet::Printed => vec![ColumnKey::Number, ColumnKey::Area, ColumnKey::Code],
        };
        match self {
            ColumnSet::CommandLine => keys.push(ColumnKey::Area),
            ColumnSet::Screen | ColumnSet::Printed => keys.push(ColumnKey::Description),
        }
        keys.push(ColumnKey::Fee);
        match self {
            ColumnSet::CommandLine | ColumnSet::Screen => keys.extend([
                ColumnKey::Allowed,
                ColumnKey::WriteOff,
                ColumnKey::Deductible,
            ]),
            // The patient sees the discount only when there is one.
            ColumnSet::Printed if has_write_off => keys.push(ColumnKey::WriteOff),
            ColumnSet::Printed => {}
        }
        keys.extend(payers);
        keys.push(ColumnKey::Patient);
        if self != ColumnSet::Printed {
            keys.push(ColumnKey::Status);
        }
        keys
    }

    /// The column `key` as this reader gets it.
    pub fn column(self, key: ColumnKey, payers: &[PayerColumn]) -> Column {
        let (long, short) = key.staff_titles();
        let (title, long_title) = match (key, self) {
            (ColumnKey::Payer(k), set) => payer_titles(set, payers, k),
            (_, ColumnSet::Printed) => (key.printed_title().to_string(), long.to_string()),
            _ => (short.to_string(), long.to_string()),
        };
        Column {
            key,
            set: self,
            title,
            long_title,
            align: if key.is_money() {
                Align::Right
            } else {
                Align::Left
            },
        }
    }
}

/// A payer column's heading and full name: the plan id on the command line, the
/// role on screen, "Insurance" or the plan's short name on paper.
fn payer_titles(set: ColumnSet, payers: &[PayerColumn], k: usize) -> (String, String) {
    let Some(p) = payers.get(k) else {
        return ("Insurance".to_string(), "Insurance".to_string());
    };
    let long = format!("{} pays", p.name);
    let title = match set {
        ColumnSet::CommandLine => p.plan.clone(),
        ColumnSet::Screen => p.role_short.clone(),
        ColumnSet::Printed if payers.len() == 1 => "Insurance".to_string(),
        ColumnSet::Printed => p.short_name.clone(),
    };
    (title, long)
}
