//! The civil calendar (proleptic Gregorian, UTC) from days since the
//! epoch and back, after Howard Hinnant's `civil_from_days` and
//! `days_from_civil`: for the report's days, the admin page's times and
//! the counsellors' office hours, without a date crate.

/// The date (year, month 1–12, day 1–31) of a day since 1970-01-01.
pub fn civil_from_days(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + u64::from(month <= 2), month, day)
}

/// Days since 1970-01-01 of a date (0 for a date before it).
pub fn days_from_civil(year: u64, month: u64, day: u64) -> u64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y / 400;
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    (era * 146_097 + doe).saturating_sub(719_468)
}

/// The UTC day of a unix time, as `YYYY-MM-DD`.
pub fn day_of(unix: u64) -> String {
    let (year, month, day) = civil_from_days(unix / 86_400);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_and_dates_agree() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(day_of(951_782_400), "2000-02-29");
        for days in [0, 59, 60, 365, 10_956, 20_424, 20_819, 47_481] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days, "{y}-{m}-{d}");
        }
    }
}
