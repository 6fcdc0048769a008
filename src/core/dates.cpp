#include "core/dates.hpp"

#include "core/html.hpp"

namespace quire {
namespace {

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

// Howard Hinnant's days_from_civil.
int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

struct Names {
  const char* language;
  const char* months[12];
  const char* months_short[12];
  const char* days[7];
  const char* days_short[7];
};

// Month and day names for the languages we know; English otherwise.
const Names kNames[] = {
    {"en",
     {"January", "February", "March", "April", "May", "June", "July", "August",
      "September", "October", "November", "December"},
     {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
     {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"},
     {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}},
    {"fr",
     {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
      "septembre", "octobre", "novembre", "décembre"},
     {"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.",
      "nov.", "déc."},
     {"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"},
     {"dim.", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam."}},
    {"de",
     {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
      "September", "Oktober", "November", "Dezember"},
     {"Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sep.", "Okt.", "Nov.",
      "Dez."},
     {"Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"},
     {"So.", "Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa."}},
    {"es",
     {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
      "septiembre", "octubre", "noviembre", "diciembre"},
     {"ene.", "feb.", "mar.", "abr.", "may.", "jun.", "jul.", "ago.", "sept.", "oct.",
      "nov.", "dic."},
     {"domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"},
     {"dom.", "lun.", "mar.", "mié.", "jue.", "vie.", "sáb."}},
};

const Names& names_for(std::string_view language) {
  // "fr-CA" uses "fr".
  std::string_view primary = language.substr(0, language.find_first_of("-_"));
  for (const Names& n : kNames)
    if (primary == n.language) return n;
  return kNames[0];
}

int weekday(const DateTime& d) {  // 0 = Sunday
  int64_t days = days_from_civil(d.year, static_cast<unsigned>(d.month), static_cast<unsigned>(d.day));
  return static_cast<int>(((days % 7) + 11) % 7);
}

}  // namespace

bool parse_digits(std::string_view s, size_t pos, size_t count, int& out) {
  if (pos + count > s.size()) return false;
  int v = 0;
  for (size_t i = pos; i < pos + count; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  out = v;
  return true;
}


int64_t DateTime::epoch_seconds() const {
  int64_t days = days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  return days * 86400 + hour * 3600 + minute * 60 + second - offset_minutes * 60;
}

std::optional<DateTime> parse_date(std::string_view s) {
  DateTime d;
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  if (!parse_digits(s, 0, 4, d.year) || !parse_digits(s, 5, 2, d.month) || !parse_digits(s, 8, 2, d.day))
    return std::nullopt;
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > days_in_month(d.year, d.month))
    return std::nullopt;
  if (s.size() == 10) return d;
  if (s[10] != 'T' && s[10] != 't' && s[10] != ' ') return std::nullopt;
  size_t p = 11;
  if (!parse_digits(s, p, 2, d.hour) || s.size() < p + 5 || s[p + 2] != ':' ||
      !parse_digits(s, p + 3, 2, d.minute))
    return std::nullopt;
  p += 5;
  if (p < s.size() && s[p] == ':') {
    if (!parse_digits(s, p + 1, 2, d.second)) return std::nullopt;
    p += 3;
    if (p < s.size() && s[p] == '.') {  // fractional seconds, ignored
      ++p;
      size_t start = p;
      while (p < s.size() && s[p] >= '0' && s[p] <= '9') ++p;
      if (p == start) return std::nullopt;
    }
  }
  if (d.hour > 23 || d.minute > 59 || d.second > 60) return std::nullopt;
  d.has_time = true;
  if (p == s.size()) return d;
  if ((s[p] == 'Z' || s[p] == 'z') && p + 1 == s.size()) {
    d.has_offset = true;
    return d;
  }
  if (s[p] != '+' && s[p] != '-') return std::nullopt;
  int oh = 0, om = 0;
  if (!parse_digits(s, p + 1, 2, oh)) return std::nullopt;
  size_t q = p + 3;
  if (q < s.size() && s[q] == ':') ++q;
  if (!parse_digits(s, q, 2, om) || q + 2 != s.size() || oh > 23 || om > 59) return std::nullopt;
  d.has_offset = true;
  d.offset_minutes = (s[p] == '-' ? -1 : 1) * (oh * 60 + om);
  return d;
}

std::string month_name(int month, std::string_view language) {
  if (month < 1 || month > 12) return {};
  return names_for(language).months[month - 1];
}

std::string month_year(int year, int month, std::string_view language) {
  return month_name(month, language) + " " + std::to_string(year);
}

namespace {

// Whether format[at] is the letter (or '-') of a %-token.
bool in_token(std::string_view format, size_t at) {
  return (at >= 1 && format[at - 1] == '%') || (at >= 2 && format[at - 1] == '-' && format[at - 2] == '%');
}

// A separator between a time part and the date: not the date's.
bool is_separator(char c) { return c == ',' || c == ';' || c == ':'; }

// The end of the text attached to a date token ending at `end`: up to a
// space or the next token ("日", ")" stay with the date; "%Y, %H" keeps no
// ',').
size_t attached_end(std::string_view format, size_t end) {
  size_t at = end;
  while (at < format.size() && format[at] != ' ' && format[at] != '%') ++at;
  while (at > end && is_separator(format[at - 1])) --at;
  return at;
}

// The start of the text attached to a date token starting at `begin`: back
// to a space or the previous token ("(" stays with the date; "%M, %d" and
// "%M,%d" keep no ',').
size_t attached_begin(std::string_view format, size_t begin) {
  size_t at = begin;
  while (at > 0 && format[at - 1] != ' ' && format[at - 1] != '%' && !in_token(format, at - 1)) --at;
  while (at < begin && is_separator(format[at])) ++at;
  return at;
}

}  // namespace

std::string_view date_format_tokens(std::string_view format, std::string_view language) {
  if (format == "timestamp") return kTimestampDateFormat;
  if (format != "natural") return format;
  const std::string_view primary = language.substr(0, language.find_first_of("-_"));
  if (primary == "de") return "%-d. %B %Y";
  if (primary == "fr" || primary == "es") return "%-d %B %Y";
  return "%B %-d, %Y";
}

bool date_format_shows_time(std::string_view format) {
  format = date_format_tokens(format, "en");
  for (size_t i = 0; i + 1 < format.size(); ++i) {
    if (format[i] != '%') continue;
    size_t j = i + 1;
    if (format[j] == '-' && j + 1 < format.size()) ++j;
    const char t = format[j];
    if (t == 'H' || t == 'I' || t == 'M' || t == 'S') return true;
    i = j;
  }
  return false;
}

std::string utc_offset_text(const DateTime& d) {
  std::string out = "UTC";
  if (d.offset_minutes == 0) return out;
  const int minutes = d.offset_minutes < 0 ? -d.offset_minutes : d.offset_minutes;
  out += d.offset_minutes < 0 ? '-' : '+';
  out += std::to_string(minutes / 60);
  if (minutes % 60) {
    out += ':';
    append_padded(out, minutes % 60, 2);
  }
  return out;
}

std::string format_date(const DateTime& d, std::string_view format, std::string_view language) {
  format = date_format_tokens(format, language);
  // A date-only value drops the time part of the format: before the first
  // date token, everything when time tokens are there ("%-I:%M%p. " in the
  // default format); after the last date token, everything when time
  // tokens are there (" at %-I:%M%p", " %H:%M"), separators included. Text
  // attached to the date tokens stays ("%Y年%-m月%-d日 %H:%M", "%H:%M
  // (%d.%m.%Y)").
  if (!d.has_time) {
    size_t first_date = std::string_view::npos, after_last_date = 0;
    bool time_before = false, time_after = false;
    for (size_t i = 0; i + 1 < format.size(); ++i) {
      if (format[i] != '%') continue;
      size_t j = i + 1;
      if (format[j] == '-' && j + 1 < format.size()) ++j;
      const char t = format[j];
      if (t == 'H' || t == 'I' || t == 'M' || t == 'S' || t == 'p' || t == 'P') {
        (first_date == std::string_view::npos ? time_before : time_after) = true;
      } else if (t == 'Y' || t == 'm' || t == 'd' || t == 'B' || t == 'b' || t == 'A' || t == 'a') {
        if (first_date == std::string_view::npos) first_date = i;
        after_last_date = j + 1;
        time_after = false;
      }
      i = j;
    }
    if (first_date != std::string_view::npos) {
      const size_t end = time_after ? attached_end(format, after_last_date) : format.size();
      const size_t begin = time_before ? attached_begin(format, first_date) : 0;
      format = format.substr(begin, end - begin);
    }
  }
  const Names& names = names_for(language);
  std::string out;
  for (size_t i = 0; i < format.size(); ++i) {
    char c = format[i];
    if (c != '%' || i + 1 == format.size()) {
      out += c;
      continue;
    }
    bool no_pad = false;
    char t = format[++i];
    if (t == '-' && i + 1 < format.size()) {
      no_pad = true;
      t = format[++i];
    }
    auto num = [&](int v) { append_padded(out, v, no_pad ? 1 : 2); };
    int hour12 = d.hour % 12 == 0 ? 12 : d.hour % 12;
    switch (t) {
      case 'Y': out += std::to_string(d.year); break;
      case 'm': num(d.month); break;
      case 'd': num(d.day); break;
      // A date the loader did not check (a month 0 from an empty date)
      // names no month rather than reading before the table.
      case 'B': if (d.month >= 1 && d.month <= 12) out += names.months[d.month - 1]; break;
      case 'b': if (d.month >= 1 && d.month <= 12) out += names.months_short[d.month - 1]; break;
      case 'A': out += names.days[weekday(d)]; break;
      case 'a': out += names.days_short[weekday(d)]; break;
      case 'H': num(d.hour); break;
      case 'I': num(hour12); break;
      case 'M': num(d.minute); break;
      case 'S': num(d.second); break;
      case 'p': out += d.hour < 12 ? "am" : "pm"; break;
      case 'P': out += d.hour < 12 ? "AM" : "PM"; break;
      case '%': out += '%'; break;
      default: out += '%'; if (no_pad) out += '-'; out += t; break;
    }
  }
  return out;
}

}  // namespace quire
