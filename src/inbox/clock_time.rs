//! The time of day a screenshot was taken, as its card's title shows it.

use std::time::SystemTime;

use crate::store::local_time;

/// `time` as hours and minutes in the system's time zone ("14:03"); in UTC where the zone can't
/// be found.
pub fn clock_time(time: SystemTime) -> String {
    let Some(local) = local_time(time) else {
        return "00:00".to_owned();
    };
    format!("{:02}:{:02}", local.hour(), local.minute())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_and_minutes_in_two_digits() {
        let time = clock_time(SystemTime::now());
        assert_eq!(time.len(), 5, "{time}");
        assert_eq!(time.as_bytes()[2], b':', "{time}");
        assert!(time.chars().filter(|c| *c != ':').all(|c| c.is_ascii_digit()), "{time}");
    }
}
