//! [`Few`]: a list that is nearly always empty or of one item, kept without an
//! allocation until a second item comes. A pricing step explains itself with
//! none or one step and flag; a `Vec` for each was an allocation per step, per
//! payer, per line (issue 18).

/// None, one or several items, in the order they were pushed.
#[derive(Clone, Debug)]
pub struct Few<T> {
    first: Option<T>,
    rest: Vec<T>,
}

impl<T> Default for Few<T> {
    fn default() -> Few<T> {
        Few {
            first: None,
            rest: Vec::new(),
        }
    }
}

impl<T> Few<T> {
    /// No items.
    pub fn new() -> Few<T> {
        Few::default()
    }

    /// One item.
    pub fn one(item: T) -> Few<T> {
        Few {
            first: Some(item),
            rest: Vec::new(),
        }
    }

    /// Adds `item` after the others.
    pub fn push(&mut self, item: T) {
        if self.first.is_none() && self.rest.is_empty() {
            self.first = Some(item);
        } else {
            self.rest.push(item);
        }
    }

    /// The items, in order.
    pub fn iter(&self) -> impl Iterator<Item = &T> {
        self.first.iter().chain(&self.rest)
    }

    /// Keeps only the items `keep` says yes to, in order.
    pub fn retain(&mut self, keep: impl Fn(&T) -> bool) {
        let items = std::mem::take(self);
        for item in items {
            if keep(&item) {
                self.push(item);
            }
        }
    }
}

impl<T> Extend<T> for Few<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, items: I) {
        for item in items {
            self.push(item);
        }
    }
}

impl<T> IntoIterator for Few<T> {
    type Item = T;
    type IntoIter = std::iter::Chain<std::option::IntoIter<T>, std::vec::IntoIter<T>>;

    fn into_iter(self) -> Self::IntoIter {
        self.first.into_iter().chain(self.rest)
    }
}

#[cfg(test)]
mod tests {
    use super::Few;

    #[test]
    fn items_come_back_in_the_order_they_were_pushed() {
        let mut few = Few::new();
        few.push(1);
        few.extend([2, 3, 4]);
        few.retain(|&n| n != 4);
        assert_eq!(few.iter().copied().collect::<Vec<_>>(), [1, 2, 3]);
        assert_eq!(few.into_iter().collect::<Vec<_>>(), [1, 2, 3]);
        assert_eq!(Few::one(7).into_iter().collect::<Vec<_>>(), [7]);
    }
}
