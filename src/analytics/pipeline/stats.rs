//! Small numeric helpers: ratios, means and medians that give `None` instead of NaN, and
//! rounding of exact sums to cents.

use crate::domain::Money;

/// `part / whole`, or `None` when `whole` is 0.
pub(super) fn ratio(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

/// `sum / count`, or `None` when `count` is 0.
pub(super) fn mean(sum: f64, count: u64) -> Option<f64> {
    (count > 0).then(|| sum / count as f64)
}

/// The median (mean of the two middle values for an even count); reorders `values`.
/// `None` when empty. Linear time, so a million cycles cost no sort.
pub(super) fn median(values: &mut [i64]) -> Option<f64> {
    let n = values.len();
    if n == 0 {
        return None;
    }
    let (below, &mut upper, _) = values.select_nth_unstable(n / 2);
    if n % 2 == 1 {
        return Some(upper as f64);
    }
    let lower = below.iter().copied().max().unwrap_or(upper);
    Some((lower as f64 + upper as f64) / 2.0)
}

/// `num / den` rounded half away from zero; 0 when `den` is 0.
pub(super) fn round_div(num: i128, den: i128) -> i128 {
    if den == 0 {
        return 0;
    }
    let (q, r) = (num / den, num % den);
    if 2 * r.abs() >= den.abs() {
        q + if (num < 0) == (den < 0) { 1 } else { -1 }
    } else {
        q
    }
}

/// Cents from an exact sum, saturating at the ends of `i64`.
pub(super) fn money(cents: i128) -> Money {
    Money(i64::try_from(cents).unwrap_or(if cents < 0 { i64::MIN } else { i64::MAX }))
}

/// Cents from a float, rounded half away from zero (`as` saturates; NaN never reaches here).
pub(super) fn money_f64(cents: f64) -> Money {
    Money(cents.round() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_of_odd_and_even_counts() {
        assert_eq!(median(&mut [60, 10, 20]), Some(20.0));
        assert_eq!(median(&mut [40, 10, 30, 20]), Some(25.0));
        assert_eq!(median(&mut [7]), Some(7.0));
        assert_eq!(median(&mut [5, 5]), Some(5.0));
        assert_eq!(median(&mut []), None);
    }

    #[test]
    fn empty_inputs_give_none_not_nan() {
        assert_eq!(ratio(0, 0), None);
        assert_eq!(mean(0.0, 0), None);
        assert_eq!(ratio(3, 4), Some(0.75));
        assert_eq!(mean(90.0, 3), Some(30.0));
    }

    #[test]
    fn rounding_is_half_away_from_zero() {
        assert_eq!(round_div(5, 2), 3);
        assert_eq!(round_div(-5, 2), -3);
        assert_eq!(round_div(4, 3), 1);
        assert_eq!(round_div(5, 3), 2);
        assert_eq!(round_div(1, 0), 0);
        assert_eq!(money(i128::MAX), Money(i64::MAX));
        assert_eq!(money_f64(2.5), Money(3));
    }
}
