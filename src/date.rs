//! Calendar dates as the glossary and front matter write them. Facts change
//! over time, and only ordering matters, so a date is just (year, month, day).

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// Parses `YYYY-MM-DD` or `YYYY-MM` (the first of the month), ignoring
    /// anything after the date such as a time (`2024-10-03T10:00`).
    pub fn parse(s: &str) -> Option<Date> {
        let s = s.trim().trim_matches(|c| c == '"' || c == '\'');
        let bytes = s.as_bytes();
        let num = |r: std::ops::Range<usize>| -> Option<u16> {
            let part = s.get(r)?;
            if part.bytes().all(|b| b.is_ascii_digit()) {
                part.parse().ok()
            } else {
                None
            }
        };
        let year = num(0..4)?;
        if bytes.get(4) != Some(&b'-') {
            return None;
        }
        let month = num(5..7)? as u8;
        let day = if bytes.get(7) == Some(&b'-') {
            num(8..10)? as u8
        } else if bytes.len() == 7 || !bytes[7].is_ascii_digit() {
            1
        } else {
            return None;
        };
        if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
            return None;
        }
        Some(Date { year, month, day })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl std::str::FromStr for Date {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Date::parse(s).ok_or_else(|| format!("invalid date '{s}': expected YYYY-MM-DD"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_forms_articles_use() {
        assert_eq!(Date::parse("2024-10-03").unwrap().to_string(), "2024-10-03");
        assert_eq!(Date::parse("2024-10").unwrap().to_string(), "2024-10-01");
        assert_eq!(
            Date::parse("'2023-05-31T10:00:00Z'").unwrap().to_string(),
            "2023-05-31"
        );
        assert!(Date::parse("2024-13-01").is_none());
        assert!(Date::parse("oct 2024").is_none());
        assert!(Date::parse("2024-1").is_none());
    }
}
