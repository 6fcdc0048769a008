// Post dates as the engines write them, placed in the site's time zone.
// Accepted: YYYY-MM-DD; YYYY-MM-DD[T or space]HH:MM[:SS[.fff]] followed,
// optionally after a space, by Z, ±hh, ±hhmm or ±hh:mm (ISO 8601, Jekyll's
// documented "2016-10-06 11:10:38 -0700", TOML's date-times). With a site
// `timezone` (an IANA name, looked up in the OS tz database through
// Howard Hinnant's date/tz, Debian's libdate-tz), a date-time without an
// offset is read as wall-clock time in that zone (the offset in force at
// that instant, DST included), and one with an offset is moved to the zone's
// wall clock, so every date string in the bundle carries the site zone's
// offset and shows the site's time without the browser knowing any zone.
// Without a `timezone`, a date-time is kept as written. A date-only value
// stays date-only. The result is what core/dates.hpp's parse_date reads.
// Also here: the date and title a Jekyll file name gives.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace quire {

// What authors are told when normalize_post_date refuses their input.
inline constexpr const char* kPostDateExpectation =
    "YYYY-MM-DD, or YYYY-MM-DD HH:MM[:SS] with an optional offset (Z, +01:00, -0700)";

// The date normalised as above, or nullopt (with `problem` set) when the
// text is not a date or `zone` is not a known time zone.
std::optional<std::string> normalize_post_date(std::string_view written, const std::string& zone,
                                               std::string& problem);

// Whether `zone` names a time zone of the OS tz database ("Europe/Berlin").
bool known_time_zone(const std::string& zone);

// "2019-03-14-my-post" -> date "2019-03-14", rest "my-post"; false when the
// name does not start with a valid date and a '-'.
bool split_dated_name(std::string_view name, std::string& date, std::string& rest);

// Jekyll's title for a slug: words split at '-', each capitalised
// ("my-first-post" -> "My First Post").
std::string title_from_slug(std::string_view slug);

}  // namespace quire
