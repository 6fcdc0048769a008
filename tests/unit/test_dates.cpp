#include <doctest/doctest.h>

#include "core/dates.hpp"
#include "core/html.hpp"
#include "core/router.hpp"

using quire::format_date;
using quire::parse_date;

TEST_SUITE("dates") {
  TEST_CASE("ISO 8601 dates and date-times parse") {
    SUBCASE("valid input") {
      auto d = parse_date("2022-10-09");
      REQUIRE(d);
      CHECK(d->year == 2022);
      CHECK(d->month == 10);
      CHECK(d->day == 9);
      CHECK_FALSE(d->has_time);

      auto t = parse_date("2022-10-09T20:25:00+01:00");
      REQUIRE(t);
      CHECK(t->hour == 20);
      CHECK(t->minute == 25);
      CHECK(t->offset_minutes == 60);
      CHECK(parse_date("2022-10-09T20:25")->has_time);
      CHECK(parse_date("2022-10-09 20:25:30Z")->has_offset);
      CHECK(parse_date("2022-10-09T20:25:30.123-05:30")->offset_minutes == -330);
      CHECK(parse_date("2024-02-29"));
    }
    SUBCASE("invalid input") {
      const char* bad[] = {"", "yesterday", "2022-1-09", "2022-13-01", "2022-00-10", "2023-02-29",
                           "2022-04-31", "2022-10-09T25:00", "2022-10-09T20:61", "2022-10-09T20:25+1",
                           "2022-10-09T20:25:00+01:00junk", "2022/10/09", "2022-10-09X20:25"};
      for (const char* s : bad) {
        CAPTURE(s);
        CHECK_FALSE(parse_date(s));
      }
    }
  }

  // Found by the sanitized run of unit.search: a view formatting a post
  // whose date was never parsed read months[-1].
  TEST_CASE("a date with month 0 names no month") {
    quire::DateTime d{};
    d.year = 2022;
    d.day = 1;
    CHECK(format_date(d, "%B %b %Y", "en") == "  2022");
  }

  TEST_CASE("instants compare across offsets") {
    auto a = parse_date("2022-10-09T20:25:00+01:00");
    auto b = parse_date("2022-10-09T19:25:00Z");
    CHECK(a->epoch_seconds() == b->epoch_seconds());
    CHECK(parse_date("1970-01-01")->epoch_seconds() == 0);
  }

  TEST_CASE("the timestamp format reads like 8:25pm. October 9, 2022.") {
    auto t = parse_date("2022-10-09T20:25:00+01:00");
    CHECK(format_date(*t, "timestamp", "en") == "8:25pm. October 9, 2022.");
    CHECK(format_date(*parse_date("2022-10-09T00:05"), quire::kTimestampDateFormat, "en") ==
          "12:05am. October 9, 2022.");
    SUBCASE("a date without time drops the time part of the format") {
      CHECK(format_date(*parse_date("2022-10-09"), "timestamp", "en") == "October 9, 2022.");
    }
  }

  TEST_CASE("the default format reads like October 9, 2022, time or not") {
    CHECK(format_date(*parse_date("2022-10-09T20:25:00+01:00"), quire::kDefaultDateFormat, "en") == "October 9, 2022");
    CHECK(format_date(*parse_date("2022-10-09"), quire::kDefaultDateFormat, "es") == "9 octubre 2022");
  }

  TEST_CASE("a date without time drops the format's time part, leading or trailing, with its separators") {
    auto day = parse_date("2024-01-02");
    auto at = parse_date("2024-01-02T15:04");
    struct Case {
      const char* format;
      const char* date_only;
      const char* with_time;
    };
    const Case cases[] = {
        {"%d/%m/%Y %H:%M", "02/01/2024", "02/01/2024 15:04"},
        {"%B %-d, %Y at %-I:%M%p", "January 2, 2024", "January 2, 2024 at 3:04pm"},
        {"%H:%M, %d %B %Y", "02 January 2024", "15:04, 02 January 2024"},
        {"%-I:%M%p. %B %-d, %Y.", "January 2, 2024.", "3:04pm. January 2, 2024."},  // the default
        {"%a %-d %b %Y, %H:%M:%S %P (local)", "Tue 2 Jan 2024", "Tue 2 Jan 2024, 15:04:00 PM (local)"},
        {"%H:%M %Y-%m-%d %H:%M", "2024-01-02", "15:04 2024-01-02 15:04"},  // both sides
        {"%Y-%m-%d (100%%)", "2024-01-02 (100%)", "2024-01-02 (100%)"},   // no time part: all kept
        {"%d %H:%M %m", "02 00:00 01", "02 15:04 01"},  // time between date tokens: kept
        {"%H:%M", "00:00", "15:04"},                    // no date token: kept
        // Text attached to the date stays with it.
        {"%Y年%-m月%-d日 %H:%M", "2024年1月2日", "2024年1月2日 15:04"},
        {"%B %-d, %Y (%a) %H:%M", "January 2, 2024 (Tue)", "January 2, 2024 (Tue) 15:04"},
        {"%A (%-d %B %Y) %H:%M", "Tuesday (2 January 2024)", "Tuesday (2 January 2024) 15:04"},
        {"%H:%M (%d.%m.%Y)", "(02.01.2024)", "15:04 (02.01.2024)"},
        {"%H:%M,%d.%m.%Y", "02.01.2024", "15:04,02.01.2024"},
    };
    for (const Case& c : cases) {
      CAPTURE(c.format);
      CHECK(format_date(*day, c.format, "en") == c.date_only);
      CHECK(format_date(*at, c.format, "en") == c.with_time);
    }
  }

  TEST_CASE("format tokens and languages") {
    auto t = parse_date("2022-10-09T08:05:07");
    CHECK(format_date(*t, "%Y-%m-%d %H:%M:%S", "en") == "2022-10-09 08:05:07");
    CHECK(format_date(*t, "%A %-d %b, %I%P", "en") == "Sunday 9 Oct, 08AM");
    CHECK(format_date(*t, "%-d %B %Y", "fr") == "9 octobre 2022");
    CHECK(format_date(*t, "%-d. %B %Y", "de-AT") == "9. Oktober 2022");
    CHECK(format_date(*t, "100%% %q", "en") == "100% %q");
    CHECK(quire::month_year(2022, 11, "en") == "November 2022");
    CHECK(quire::month_year(2022, 11, "xx") == "November 2022");
  }
  TEST_CASE("numbers for dates and archive paths are zero-padded like printf's %0Nd") {
    auto padded = [](long long n, int width) {
      std::string out = "x";
      quire::append_padded(out, n, width);
      return out;
    };
    CHECK(padded(7, 2) == "x07");
    CHECK(padded(7, 1) == "x7");
    CHECK(padded(0, 2) == "x00");
    CHECK(padded(12, 2) == "x12");
    CHECK(padded(123, 2) == "x123");
    CHECK(padded(2022, 4) == "x2022");
    CHECK(padded(33, 4) == "x0033");
    CHECK(padded(-5, 4) == "x-005");
    CHECK(padded(-9223372036854775807LL - 1, 1) == "x-9223372036854775808");
    CHECK(quire::route_path(quire::month_route(33, 3)) == "/archive/0033/03/");
  }
}
