// Dates as authors write them (ISO 8601 date or date-time with offset) and
// as readers see them (a site-configurable format, month names by language).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace quire {

struct DateTime {
  int year = 0, month = 0, day = 0;
  int hour = 0, minute = 0, second = 0;
  bool has_time = false;
  bool has_offset = false;     // 'Z' or ±HH:MM given
  int offset_minutes = 0;      // east of UTC

  // Seconds since 1970-01-01T00:00:00Z (local time when no offset given).
  int64_t epoch_seconds() const;
};

// Accepts YYYY-MM-DD and YYYY-MM-DDTHH:MM[:SS][.fff][Z|±HH:MM] (a space may
// stand for the T). Checks ranges, including the days of each month.
std::optional<DateTime> parse_date(std::string_view text);

// What authors are told when parse_date refuses their input.
inline constexpr const char* kDateExpectation = "YYYY-MM-DD[THH:MM[:SS][±HH:MM]]";

// strftime-like, in the wall-clock time the author wrote. Tokens:
//   %Y 2022  %m 10  %d 09  %-d 9  %B October  %b Oct  %A Sunday  %a Sun
//   %H 20  %I 08  %-I 8  %M 25  %S 00  %p pm  %P PM  %% %
// A date-only value drops the format's time part, before its first date
// token or after its last one, with the text around it: "%B %-d, %Y at
// %-I:%M%p" prints "January 2, 2024"; time tokens between date tokens stay.
std::string format_date(const DateTime& date, std::string_view format,
                         std::string_view language);

// Two named formats a site's date_format may give instead of tokens:
// "natural", the default, the date as the site's language writes it
// ("October 9, 2022", "9 octobre 2022", "9. Oktober 2022"); "timestamp",
// the time first ("8:25pm. October 9, 2022.").
inline constexpr const char* kDefaultDateFormat = "natural";
inline constexpr const char* kTimestampDateFormat = "%-I:%M%p. %B %-d, %Y.";
// The tokens a named format stands for in `language` (else `format`).
std::string_view date_format_tokens(std::string_view format, std::string_view language);
// Whether the format (named or not) shows the time of day.
bool date_format_shows_time(std::string_view format);
// A date's UTC offset for readers: "UTC", "UTC+2", "UTC-5:30".
std::string utc_offset_text(const DateTime& date);

// "October 2022" in the given language.
std::string month_name(int month, std::string_view language);
std::string month_year(int year, int month, std::string_view language);

// `count` ASCII digits of `s` from `pos`, as a number (false: not all digits,
// or past the end).
bool parse_digits(std::string_view s, size_t pos, size_t count, int& out);

}  // namespace quire
