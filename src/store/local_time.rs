//! The system's local time, as people read it in names: of copies kept beside a board, of the cards
//! the screenshot inbox makes.

use std::time::SystemTime;

use jiff::ZonedDateTime;
use jiff::tz::TimeZone;

/// `time` in the system's time zone, or in UTC where the zone can't be found; `None` for a time
/// outside the years -9999 to 9999.
pub fn local_time(time: SystemTime) -> Option<ZonedDateTime> {
    let timestamp = jiff::Timestamp::try_from(time).ok()?;
    let zone = TimeZone::try_system().unwrap_or(TimeZone::UTC);
    Some(timestamp.to_zoned_datetime(zone))
}

/// `time` as a file name may hold it, in local time: `2026-12-02T14-03-05` (no `:`, which some file
/// systems refuse).
pub fn file_name_time(time: SystemTime) -> String {
    local_time(time).map_or_else(
        || "0000-00-00T00-00-00".to_owned(),
        |local| local.strftime("%Y-%m-%dT%H-%M-%S").to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_name_time_is_the_local_date_and_time_without_colons() {
        let now = SystemTime::now();
        let stamp = file_name_time(now);
        let local = local_time(now).unwrap();
        let expected = format!(
            "{:04}-{:02}-{:02}T{:02}-{:02}-{:02}",
            local.year(),
            local.month(),
            local.day(),
            local.hour(),
            local.minute(),
            local.second()
        );
        assert_eq!(stamp, expected);
        assert_eq!(stamp.len(), "2026-12-02T14-03-05".len(), "{stamp}");
    }
}
