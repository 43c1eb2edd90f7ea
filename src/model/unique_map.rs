//! Reading a RON map that must not name a key twice. A plain `BTreeMap` keeps the
//! last value silently, which would hide a typo such as two `Diagnostic` entries.

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};

use super::code::{CdtCode, GroupRef, ProcedureClass};

/// A map key that can name itself in an error.
pub trait MapKey: Ord + fmt::Display {
    /// What a key is, for the message: "code", "class".
    const WHAT: &'static str;
}

impl MapKey for CdtCode {
    const WHAT: &'static str = "code";
}

impl MapKey for ProcedureClass {
    const WHAT: &'static str = "class";
}

impl MapKey for GroupRef {
    const WHAT: &'static str = "code group";
}

/// Ids of a plan's separate maximums ("ortho"), as a coverage lists what is used.
impl MapKey for String {
    const WHAT: &'static str = "maximum id";
}

/// `deserialize_with` for maps whose keys must be unique.
pub fn unique_map<'de, D, K, V>(deserializer: D) -> Result<BTreeMap<K, V>, D::Error>
where
    D: Deserializer<'de>,
    K: MapKey + Deserialize<'de>,
    V: Deserialize<'de>,
{
    struct Unique<K, V>(PhantomData<(K, V)>);
    impl<'de, K, V> Visitor<'de> for Unique<K, V>
    where
        K: MapKey + Deserialize<'de>,
        V: Deserialize<'de>,
    {
        type Value = BTreeMap<K, V>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "a map with each {} once", K::WHAT)
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = BTreeMap::new();
            while let Some(key) = map.next_key::<K>()? {
                if out.contains_key(&key) {
                    return Err(de::Error::custom(format!(
                        "{key} is listed twice: expected each {} once",
                        K::WHAT
                    )));
                }
                let value = map.next_value::<V>()?;
                out.insert(key, value);
            }
            Ok(out)
        }
    }
    deserializer.deserialize_map(Unique(PhantomData))
}
