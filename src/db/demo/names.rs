//! The name lists shipped in `assets/demo`, parsed once per run.
//!
//! Lines are plain text; blank lines and lines starting with `#` are comments. Fields within a
//! line are separated by `|`. Malformed lines are skipped (a unit test keeps the files clean).

const FIRST_NAMES: &str = include_str!("../../../assets/demo/first_names.txt");
const LAST_NAMES: &str = include_str!("../../../assets/demo/last_names.txt");
const PREFIXES: &str = include_str!("../../../assets/demo/company_prefixes.txt");
const ROOTS: &str = include_str!("../../../assets/demo/company_roots.txt");
const INDUSTRIES: &str = include_str!("../../../assets/demo/industries.txt");
const LEGAL_FORMS: &str = include_str!("../../../assets/demo/legal_forms.txt");
const INTERNATIONAL: &str = include_str!("../../../assets/demo/international.txt");
const INTL_STEMS: &str = include_str!("../../../assets/demo/intl_stems.txt");
const INTL_FORMS: &str = include_str!("../../../assets/demo/intl_forms.txt");

/// An industry, how common it is among customers, and the words its company names end with.
pub(super) struct Industry {
    pub name: &'static str,
    pub weight: f64,
    pub words: Vec<&'static str>,
}

/// Every list, parsed.
pub(super) struct Lists {
    pub first: Vec<&'static str>,
    pub last: Vec<&'static str>,
    pub prefixes: Vec<&'static str>,
    pub roots: Vec<&'static str>,
    pub legal_forms: Vec<&'static str>,
    pub industries: Vec<Industry>,
    /// Whole international names with the index of their industry.
    pub international: Vec<(usize, &'static str)>,
    /// International patterns (`{}` is the stem) with their industry and stems of the same set.
    pub intl_forms: Vec<(usize, &'static str, Vec<&'static str>)>,
}

impl Lists {
    /// Parses every list shipped with the binary.
    pub fn load() -> Lists {
        let industries: Vec<Industry> = lines(INDUSTRIES)
            .filter_map(|line| {
                let mut fields = line.split('|');
                let name = fields.next()?.trim();
                let weight = fields.next()?.trim().parse().ok()?;
                let words = fields.next()?.split(',').map(str::trim).collect();
                Some(Industry {
                    name,
                    weight,
                    words,
                })
            })
            .collect();
        let industry = |name: &str| industries.iter().position(|i| i.name == name.trim());
        let international = lines(INTERNATIONAL)
            .filter_map(|line| {
                let (ind, name) = line.split_once('|')?;
                Some((industry(ind)?, name.trim()))
            })
            .collect();
        let stems: Vec<(&str, &str)> = lines(INTL_STEMS)
            .filter_map(|line| line.split_once('|'))
            .collect();
        let intl_forms = lines(INTL_FORMS)
            .filter_map(|line| {
                let mut fields = line.split('|');
                let set = fields.next()?;
                let ind = industry(fields.next()?)?;
                let pattern = fields.next()?.trim();
                let of_set = stems
                    .iter()
                    .filter(|(s, _)| *s == set)
                    .map(|(_, stem)| stem.trim())
                    .collect::<Vec<_>>();
                (pattern.contains("{}") && !of_set.is_empty()).then_some((ind, pattern, of_set))
            })
            .collect();
        Lists {
            first: lines(FIRST_NAMES).collect(),
            last: lines(LAST_NAMES).collect(),
            prefixes: lines(PREFIXES).collect(),
            roots: lines(ROOTS).collect(),
            legal_forms: lines(LEGAL_FORMS).collect(),
            industries,
            international,
            intl_forms,
        }
    }
}

fn lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_parses_completely() {
        let lists = Lists::load();
        assert!(lists.first.len() >= 80 && lists.last.len() >= 100);
        assert!(lists.prefixes.len() >= 60 && lists.roots.len() >= 40);
        assert_eq!(lists.industries.len(), lines(INDUSTRIES).count());
        assert!(lists.industries.iter().all(|i| i.words.len() >= 5));
        assert_eq!(lists.international.len(), lines(INTERNATIONAL).count());
        assert_eq!(lists.intl_forms.len(), lines(INTL_FORMS).count());
        assert!(lists.first.iter().chain(&lists.last).all(|n| n.is_ascii()));
        assert!(lists.international.iter().any(|(_, n)| n.contains('🚀')));
    }
}
