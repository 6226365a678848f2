//! Distinct, realistic company names: word combinations, a few international ones, and a legal
//! form or number appended only when every attempt collided with a name already given.

use std::collections::HashSet;

use rand::Rng as _;
use rand::seq::IndexedRandom;

use super::Rng;
use super::names::Lists;

/// Share of customers that get an international name (accents, CJK, emoji).
const INTERNATIONAL_SHARE: f64 = 0.02;
/// Fresh combinations tried before a suffix is appended.
const ATTEMPTS: usize = 4;

/// Hands out company names, never the same one twice.
pub(super) struct CompanyNamer<'a> {
    lists: &'a Lists,
    used: HashSet<String>,
}

impl<'a> CompanyNamer<'a> {
    /// A namer that has given no name yet.
    pub fn new(lists: &'a Lists) -> Self {
        CompanyNamer {
            lists,
            used: HashSet::new(),
        }
    }

    /// A new name for a company of `industry`, and the industry it ends up in (an international
    /// name carries its own).
    pub fn name(&mut self, rng: &mut Rng, industry: usize) -> (String, usize) {
        if rng.random::<f64>() < INTERNATIONAL_SHARE {
            for _ in 0..ATTEMPTS {
                let (ind, name) = self.international(rng);
                if self.claim(&name) {
                    return (name, ind);
                }
            }
        }
        let mut name = String::new();
        for _ in 0..ATTEMPTS {
            name = self.regular(rng, industry);
            if self.claim(&name) {
                return (name, industry);
            }
        }
        (self.suffixed(rng, &name), industry)
    }

    fn claim(&mut self, name: &str) -> bool {
        !name.is_empty() && self.used.insert(name.to_owned())
    }

    fn regular(&self, rng: &mut Rng, industry: usize) -> String {
        let lists = self.lists;
        let word = lists
            .industries
            .get(industry)
            .map_or("Company", |ind| any(rng, &ind.words));
        match rng.random_range(0..100) {
            0..50 => {
                let (prefix, root) = (any(rng, &lists.prefixes), any(rng, &lists.roots));
                if prefix.eq_ignore_ascii_case(root) {
                    format!("{prefix} {word}")
                } else {
                    format!("{prefix}{root} {word}")
                }
            }
            50..70 => format!("{} {word}", any(rng, &lists.prefixes)),
            70..88 => format!("{} {word}", any(rng, &lists.last)),
            _ => format!(
                "{} & {} {word}",
                any(rng, &lists.last),
                any(rng, &lists.last)
            ),
        }
    }

    fn international(&self, rng: &mut Rng) -> (usize, String) {
        let lists = self.lists;
        if rng.random::<f64>() < 0.25 || lists.intl_forms.is_empty() {
            return lists
                .international
                .choose(rng)
                .map_or((0, String::new()), |(ind, name)| (*ind, (*name).to_owned()));
        }
        lists
            .intl_forms
            .choose(rng)
            .map_or((0, String::new()), |(ind, pattern, stems)| {
                (*ind, pattern.replace("{}", any(rng, stems)))
            })
    }

    fn suffixed(&mut self, rng: &mut Rng, base: &str) -> String {
        let forms = &self.lists.legal_forms;
        let start = if forms.is_empty() {
            0
        } else {
            rng.random_range(0..forms.len())
        };
        for k in 0..forms.len() {
            let candidate = format!("{base} {}", forms[(start + k) % forms.len()]);
            if self.claim(&candidate) {
                return candidate;
            }
        }
        let mut n = 2u64;
        loop {
            let candidate = format!("{base} {n}");
            if self.claim(&candidate) {
                return candidate;
            }
            n += 1;
        }
    }
}

/// One item of a list; a list is never empty (names.rs tests that), "" if it were.
pub(super) fn any<'s>(rng: &mut Rng, items: &[&'s str]) -> &'s str {
    items.choose(rng).copied().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use rand::SeedableRng;

    use super::*;

    #[test]
    fn names_stay_distinct_and_some_are_international() {
        let lists = Lists::load();
        let mut namer = CompanyNamer::new(&lists);
        let mut rng = Rng::seed_from_u64(7);
        let names: Vec<String> = (0..20_000)
            .map(|i| namer.name(&mut rng, i % lists.industries.len()).0)
            .collect();
        let distinct: HashSet<&String> = names.iter().collect();
        assert_eq!(distinct.len(), names.len());
        let intl = names.iter().filter(|n| !n.is_ascii()).count();
        assert!((100..600).contains(&intl), "{intl} international names");
        let suffixed = names
            .iter()
            .filter(|n| n.ends_with(" Inc.") || n.ends_with(" LLC"))
            .count();
        assert!(suffixed < 200, "{suffixed} names needed a suffix");
    }
}
