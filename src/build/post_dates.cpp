#include "build/post_dates.hpp"

#include <date/tz.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "core/dates.hpp"

namespace quire {
namespace {

// "YYYY-MM-DDTHH:MM:SS" plus "±HH:MM" when `offset` is given.
std::string iso(const DateTime& d, const int* offset) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", d.year, d.month, d.day, d.hour, d.minute,
                d.second);
  std::string out = buf;
  if (offset) {
    const int m = std::abs(*offset);
    std::snprintf(buf, sizeof buf, "%c%02d:%02d", *offset < 0 ? '-' : '+', m / 60, m % 60);
    out += buf;
  }
  return out;
}

// The engines' forms, read into a DateTime (ranges checked by parse_date).
std::optional<DateTime> read_date(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  if (s.size() <= 10) return parse_date(s);
  // The date and time as ISO 8601, then the offset, which may follow a
  // space and be written ±hh, ±hhmm or ±hh:mm.
  size_t p = 16;  // after "YYYY-MM-DD HH:MM"
  if (s.size() < p) return std::nullopt;
  if (p < s.size() && s[p] == ':') {
    p += 3;
    if (p < s.size() && s[p] == '.') {
      ++p;
      while (p < s.size() && s[p] >= '0' && s[p] <= '9') ++p;
    }
  }
  std::string iso_text(s.substr(0, std::min(p, s.size())));
  std::string_view rest = s.substr(std::min(p, s.size()));
  if (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  if (rest == "Z" || rest == "z" || rest == "UTC") {
    iso_text += "Z";
  } else if (!rest.empty()) {
    int h = 0, m = 0;
    if ((rest[0] != '+' && rest[0] != '-') || !parse_digits(rest, 1, 2, h)) return std::nullopt;
    if (rest.size() == 5 && parse_digits(rest, 3, 2, m)) {
    } else if (rest.size() == 6 && rest[3] == ':' && parse_digits(rest, 4, 2, m)) {
    } else if (rest.size() != 3) {
      return std::nullopt;
    }
    char buf[8];
    std::snprintf(buf, sizeof buf, "%c%02d:%02d", rest[0], h, m);
    iso_text += buf;
  }
  return parse_date(iso_text);
}

}  // namespace

bool known_time_zone(const std::string& zone) {
  try {
    return date::locate_zone(zone) != nullptr;
  } catch (const std::exception&) {
    return false;
  }
}

std::optional<std::string> normalize_post_date(std::string_view written, const std::string& zone,
                                               std::string& problem) {
  std::optional<DateTime> d = read_date(written);
  if (!d) {
    problem = std::string("expected ") + kPostDateExpectation + ", got \"" + std::string(written) + "\"";
    return std::nullopt;
  }
  if (!d->has_time) return iso(*d, nullptr).substr(0, 10);
  if (zone.empty()) {
    // Kept as written when core reads it as it is; else in its ISO form.
    if (parse_date(written)) return std::string(written);
    return iso(*d, d->has_offset ? &d->offset_minutes : nullptr);
  }
  const date::time_zone* tz = nullptr;
  try {
    tz = date::locate_zone(zone);
  } catch (const std::exception&) {
    problem = "unknown time zone \"" + zone + "\"";
    return std::nullopt;
  }
  using namespace std::chrono;
  const date::local_seconds local = date::local_days{date::year{d->year} / d->month / d->day} + hours{d->hour} +
                                    minutes{d->minute} + seconds{d->second};
  date::sys_seconds instant;
  if (d->has_offset) {
    instant = date::sys_seconds{local.time_since_epoch()} - minutes{d->offset_minutes};
  } else {
    // A wall-clock time in the zone: in a DST gap or overlap, the offset in
    // force before the change.
    const date::local_info info = tz->get_info(local);
    instant = date::sys_seconds{local.time_since_epoch()} - info.first.offset;
  }
  const date::sys_info at = tz->get_info(instant);
  const int offset = static_cast<int>(duration_cast<minutes>(at.offset).count());
  const date::local_seconds shown{(instant + at.offset).time_since_epoch()};
  const date::local_days day = date::floor<date::days>(shown);
  const date::year_month_day ymd{day};
  const date::hh_mm_ss<seconds> hms{shown - day};
  DateTime out;
  out.year = static_cast<int>(ymd.year());
  out.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
  out.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
  out.hour = static_cast<int>(hms.hours().count());
  out.minute = static_cast<int>(hms.minutes().count());
  out.second = static_cast<int>(hms.seconds().count());
  return iso(out, &offset);
}

bool split_dated_name(std::string_view name, std::string& date_text, std::string& rest) {
  if (name.size() < 12 || name[10] != '-') return false;
  if (!parse_date(name.substr(0, 10))) return false;
  date_text = std::string(name.substr(0, 10));
  rest = std::string(name.substr(11));
  return true;
}

std::string title_from_slug(std::string_view slug) {
  std::string out;
  bool start = true;
  for (char c : slug) {
    if (c == '-') {
      if (!out.empty() && out.back() != ' ') out += ' ';
      start = true;
      continue;
    }
    out += start && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    start = false;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace quire
