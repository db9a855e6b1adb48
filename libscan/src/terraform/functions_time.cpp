// Time functions: formatdate, timeadd, timecmp, and timestamp/plantimestamp, whose value is
// the moment Terraform runs and so is unknown to a static scan. Timestamps are RFC 3339 as
// go-cty parses them (four-digit year, optional fraction, "Z" or a +hh:mm offset).
#include <array>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "terraform/function_groups.hpp"
#include "terraform/function_support.hpp"

namespace iacscan::detail::tf {
namespace {

constexpr std::int64_t kNanosPerSecond = 1'000'000'000;

struct Timestamp {
  std::int64_t seconds = 0;  // since 1970-01-01T00:00:00Z
  std::int64_t nanos = 0;    // 0 .. 999,999,999
  int offset_seconds = 0;    // the zone it was written in, kept for printing
};

struct CivilTime {
  std::int64_t year;
  int month, day, hour, minute, second, weekday;  // weekday 0 = Sunday
};

bool is_leap(std::int64_t year) {
  return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

int days_in_month(std::int64_t year, int month) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

// Days since 1970-01-01 of a proleptic Gregorian date, counting in 400-year eras
// (146097 days each) with years starting in March so the leap day comes last.
std::int64_t days_from_civil(std::int64_t year, int month, int day) {
  year -= month <= 2;
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const std::int64_t year_of_era = year - era * 400;
  const std::int64_t day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const std::int64_t day_of_era =
      year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

CivilTime civil_from_seconds(std::int64_t seconds) {
  std::int64_t days = seconds / 86400;
  std::int64_t rest = seconds % 86400;
  if (rest < 0) rest += 86400, days -= 1;
  CivilTime civil{};
  civil.hour = static_cast<int>(rest / 3600);
  civil.minute = static_cast<int>(rest % 3600 / 60);
  civil.second = static_cast<int>(rest % 60);
  civil.weekday = static_cast<int>(((days % 7) + 11) % 7);  // 1970-01-01 was a Thursday
  const std::int64_t shifted = days + 719468;
  const std::int64_t era = (shifted >= 0 ? shifted : shifted - 146096) / 146097;
  const std::int64_t day_of_era = shifted - era * 146097;
  const std::int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const std::int64_t day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const std::int64_t month_index = (5 * day_of_year + 2) / 153;
  civil.day = static_cast<int>(day_of_year - (153 * month_index + 2) / 5 + 1);
  civil.month = static_cast<int>(month_index < 10 ? month_index + 3 : month_index - 9);
  civil.year = year_of_era + era * 400 + (civil.month <= 2);
  return civil;
}

// Digits at text[at, at + count) as a number in [low, high], or -1.
int read_field(std::string_view text, std::size_t at, std::size_t count, int low, int high) {
  if (at + count > text.size()) return -1;
  int value = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value < low || value > high ? -1 : value;
}

Timestamp parse_timestamp(std::string_view text) {
  auto invalid = [&](const std::string& what) -> Timestamp {
    fail("not a valid RFC3339 timestamp: " + what);
  };
  auto expect_separator = [&](std::size_t at, char separator) {
    if (at >= text.size())
      invalid(std::string("end of string where \"") + separator + "\" is expected");
    if (text[at] != separator) {
      if (separator == 'T') invalid("missing required time introducer 'T'");
      invalid("found \"" + std::string(text.substr(at)) + "\" where \"" + separator +
              "\" is expected");
    }
  };
  auto field = [&](std::size_t at, std::size_t count, int low, int high, const char* what) {
    const int value = read_field(text, at, count, low, high);
    if (value < 0) {
      if (at >= text.size()) invalid(std::string("end of string before ") + what);
      invalid("cannot use \"" + std::string(text.substr(at, count)) + "\" as " + what);
    }
    return value;
  };
  const int year = field(0, 4, 0, 9999, "year");
  expect_separator(4, '-');
  const int month = field(5, 2, 1, 12, "month");
  expect_separator(7, '-');
  const int day = field(8, 2, 1, days_in_month(year, month), "day of month");
  expect_separator(10, 'T');
  const int hour = field(11, 2, 0, 23, "hour");
  expect_separator(13, ':');
  const int minute = field(14, 2, 0, 59, "minute");
  expect_separator(16, ':');
  const int second = field(17, 2, 0, 59, "second");
  std::size_t at = 19;
  std::int64_t nanos = 0;
  if (at + 1 < text.size() && text[at] == '.' && text[at + 1] >= '0' && text[at + 1] <= '9') {
    std::int64_t scale = kNanosPerSecond;
    for (++at; at < text.size() && text[at] >= '0' && text[at] <= '9'; ++at)
      if (scale > 1) nanos += (text[at] - '0') * (scale /= 10);
  }
  Timestamp result;
  const std::string_view zone = text.substr(at);
  if (zone != "Z") {
    const int zone_hour = zone.size() == 6 ? read_field(zone, 1, 2, 0, 23) : -1;
    const int zone_minute = zone.size() == 6 ? read_field(zone, 4, 2, 0, 59) : -1;
    if (zone_hour < 0 || zone_minute < 0 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':')
      invalid(zone.empty() ? "end of string before UTC offset"
                           : "cannot use \"" + std::string(zone) + "\" as UTC offset");
    result.offset_seconds = (zone_hour * 60 + zone_minute) * 60 * (zone[0] == '-' ? -1 : 1);
  }
  result.seconds = days_from_civil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second -
                   result.offset_seconds;
  result.nanos = nanos;
  return result;
}

std::string two_digits(std::int64_t value) {
  char buffer[24];
  std::snprintf(buffer, sizeof buffer, "%02lld", static_cast<long long>(value));
  return buffer;
}

// "+05:30" or "-0800" style offsets.
std::string format_offset(int offset_seconds, bool with_colon) {
  const int minutes = (offset_seconds < 0 ? -offset_seconds : offset_seconds) / 60;
  return std::string(offset_seconds < 0 ? "-" : "+") + two_digits(minutes / 60) +
         (with_colon ? ":" : "") + two_digits(minutes % 60);
}

std::string format_year(std::int64_t year) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04lld", static_cast<long long>(year));
  return buffer;
}

// Go's time.RFC3339 layout: whole seconds, "Z" for a zero offset.
std::string format_rfc3339(const Timestamp& time) {
  const CivilTime c = civil_from_seconds(time.seconds + time.offset_seconds);
  return format_year(c.year) + "-" + two_digits(c.month) + "-" + two_digits(c.day) + "T" +
         two_digits(c.hour) + ":" + two_digits(c.minute) + ":" + two_digits(c.second) +
         (time.offset_seconds == 0 ? "Z" : format_offset(time.offset_seconds, true));
}

constexpr std::array<std::string_view, 12> kMonths = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};
constexpr std::array<std::string_view, 7> kWeekdays = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                       "Thursday", "Friday", "Saturday"};

// One run of a repeated letter, e.g. "YYYY", "MMM", "h".
void format_verb(std::string_view verb, const CivilTime& c, int offset, std::string& out) {
  const std::size_t n = verb.size();
  auto bad = [&](const std::string& rule) {
    fail("invalid date format verb \"" + std::string(verb) + "\"" +
         (rule.empty() ? "" : ": " + rule));
  };
  auto number = [&](std::int64_t value, const char* rule) {
    if (n == 1) {
      out += std::to_string(value);
    } else if (n == 2) {
      out += two_digits(value);
    } else {
      bad(rule);
    }
  };
  const int hour12 = c.hour % 12 == 0 ? 12 : c.hour % 12;
  switch (verb[0]) {
    case 'Y':
      if (n == 2) {
        out += two_digits(c.year % 100);
      } else if (n == 4) {
        out += format_year(c.year);
      } else {
        bad("year must either be \"YY\" or \"YYYY\"");
      }
      break;
    case 'M':
      if (n <= 2)
        number(c.month, "");
      else if (n <= 4)
        out += kMonths[c.month - 1].substr(0, n == 3 ? 3 : std::string_view::npos);
      else
        bad("month must be \"M\", \"MM\", \"MMM\", or \"MMMM\"");
      break;
    case 'D':
      number(c.day, "day of month must either be \"D\" or \"DD\"");
      break;
    case 'E':
      if (n == 3 || n == 4)
        out += kWeekdays[c.weekday].substr(0, n == 3 ? 3 : std::string_view::npos);
      else
        bad("day of week must either be \"EEE\" or \"EEEE\"");
      break;
    case 'h':
      number(c.hour, "24-hour must either be \"h\" or \"hh\"");
      break;
    case 'H':
      number(hour12, "12-hour must either be \"H\" or \"HH\"");
      break;
    case 'A':
    case 'a':
      if (n != 2) bad(std::string("must be \"") + verb[0] + verb[0] + "\"");
      out += c.hour < 12 ? (verb[0] == 'A' ? "AM" : "am") : (verb[0] == 'A' ? "PM" : "pm");
      break;
    case 'm':
      number(c.minute, "minute must either be \"m\" or \"mm\"");
      break;
    case 's':
      number(c.second, "second must either be \"s\" or \"ss\"");
      break;
    case 'Z':
      if (n == 1)
        out += offset == 0 ? "Z" : format_offset(offset, true);
      else if (n == 3)
        out += offset == 0 ? "UTC" : format_offset(offset, false);
      else if (n == 4 || n == 5)
        out += format_offset(offset, n == 5);
      else
        bad("timezone must be Z, ZZZZ, or ZZZZZ");
      break;
    default:
      bad("");
  }
}

bool is_letter(char ch) {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

// Letters are verbs (a run of one repeated letter each), text in single quotes is literal
// ('' is a quote), anything else is copied.
Value formatdate(FunctionCall& call) {
  const std::string spec = expect_string(call, 0);
  const std::string timestamp_text = expect_string(call, 1);
  const Timestamp time = parse_timestamp(timestamp_text);
  const CivilTime civil = civil_from_seconds(time.seconds + time.offset_seconds);
  std::string out;
  for (std::size_t i = 0; i < spec.size();) {
    if (spec[i] == '\'') {
      if (i + 1 < spec.size() && spec[i + 1] == '\'') {
        out += '\'';
        i += 2;
        continue;
      }
      std::size_t j = i + 1;
      for (; j < spec.size(); ++j) {
        if (spec[j] != '\'') continue;
        if (j + 1 < spec.size() && spec[j + 1] == '\'') {
          ++j;
          continue;
        }
        break;
      }
      if (j >= spec.size()) fail("unterminated literal '");
      for (std::size_t k = i + 1; k < j; ++k) {
        out += spec[k];
        if (spec[k] == '\'') ++k;  // a doubled quote inside stands for one
      }
      i = j + 1;
    } else if (is_letter(spec[i])) {
      std::size_t j = i;
      while (j < spec.size() && spec[j] == spec[i]) ++j;
      format_verb(std::string_view(spec).substr(i, j - i), civil, time.offset_seconds, out);
      i = j;
    } else {
      out += spec[i++];
    }
  }
  return Value::string(std::move(out));
}

// Go's time.ParseDuration: an optional sign, then number-unit pairs ("1h30m", "1.5s",
// "-2h45m"); units ns, us (or with a micro sign), ms, s, m, h. The result is in nanoseconds. Whole
// parts are exact; a fraction is scaled through a double, as Go does.
std::int64_t parse_duration(std::string_view text) {
  const std::string quoted = "\"" + std::string(text) + "\"";
  auto invalid = [&]() { fail("time: invalid duration " + quoted); };
  constexpr std::uint64_t kLimit = std::uint64_t{1} << 63;
  std::string_view rest = text;
  bool negative = false;
  if (!rest.empty() && (rest[0] == '-' || rest[0] == '+')) {
    negative = rest[0] == '-';
    rest.remove_prefix(1);
  }
  if (rest == "0") return 0;
  if (rest.empty()) invalid();
  std::uint64_t total = 0;
  while (!rest.empty()) {
    auto is_digit = [&](std::size_t i) {
      return i < rest.size() && rest[i] >= '0' && rest[i] <= '9';
    };
    std::size_t used = 0;
    std::uint64_t whole = 0;
    for (; is_digit(used); ++used) {
      if (whole > (kLimit - 1) / 10) invalid();
      whole = whole * 10 + static_cast<std::uint64_t>(rest[used] - '0');
    }
    const bool had_whole = used > 0;
    std::uint64_t fraction = 0;
    double scale = 1;
    bool had_fraction = false;
    if (used < rest.size() && rest[used] == '.') {
      bool overflowed = false;  // further digits add no precision
      for (++used; is_digit(used); ++used) {
        had_fraction = true;
        if (overflowed || fraction > (kLimit - 1) / 10) {
          overflowed = true;
          continue;
        }
        fraction = fraction * 10 + static_cast<std::uint64_t>(rest[used] - '0');
        scale *= 10;
      }
    }
    if (!had_whole && !had_fraction) invalid();
    rest.remove_prefix(used);
    std::size_t unit_length = 0;
    while (unit_length < rest.size() && rest[unit_length] != '.' && !is_digit(unit_length))
      ++unit_length;
    const std::string_view unit = rest.substr(0, unit_length);
    rest.remove_prefix(unit_length);
    std::uint64_t nanos_per_unit = 0;
    if (unit == "ns")
      nanos_per_unit = 1;
    else if (unit == "us" || unit == "\xC2\xB5s" || unit == "\xCE\xBCs")
      nanos_per_unit = 1000;
    else if (unit == "ms")
      nanos_per_unit = 1000000;
    else if (unit == "s")
      nanos_per_unit = 1000000000;
    else if (unit == "m")
      nanos_per_unit = 60000000000;
    else if (unit == "h")
      nanos_per_unit = 3600000000000;
    else if (unit.empty())
      fail("time: missing unit in duration " + quoted);
    else
      fail("time: unknown unit \"" + std::string(unit) + "\" in duration " + quoted);
    if (whole > kLimit / nanos_per_unit) invalid();
    std::uint64_t value = whole * nanos_per_unit;
    if (fraction > 0) {
      value += static_cast<std::uint64_t>(static_cast<double>(fraction) *
                                          (static_cast<double>(nanos_per_unit) / scale));
      if (value > kLimit) invalid();
    }
    total += value;
    if (total > kLimit) invalid();
  }
  if (!negative && total > kLimit - 1) invalid();
  return negative ? static_cast<std::int64_t>(0 - total) : static_cast<std::int64_t>(total);
}

Value timeadd(FunctionCall& call) {
  Timestamp time = parse_timestamp(expect_string(call, 0));
  const std::int64_t duration = parse_duration(expect_string(call, 1));
  const std::int64_t nanos = time.nanos + duration % kNanosPerSecond;
  time.seconds += duration / kNanosPerSecond + nanos / kNanosPerSecond;
  time.nanos = nanos % kNanosPerSecond;
  if (time.nanos < 0) time.nanos += kNanosPerSecond, time.seconds -= 1;
  return Value::string(format_rfc3339(time));
}

Value timecmp(FunctionCall& call) {
  const Timestamp a = parse_timestamp(expect_string(call, 0));
  const Timestamp b = parse_timestamp(expect_string(call, 1));
  if (a.seconds != b.seconds) return make_number(a.seconds < b.seconds ? -1 : 1);
  if (a.nanos != b.nanos) return make_number(a.nanos < b.nanos ? -1 : 1);
  return make_number(0);
}

Value known_only_when_applied(FunctionCall& call) {
  return Value::unknown(std::string(call.name) + "() is known only when applied", call.span);
}

}  // namespace

std::vector<FunctionSpec> time_functions() {
  return {
      {"formatdate", formatdate, 2, 2, false},
      {"plantimestamp", known_only_when_applied, 0, 0, false},
      {"timeadd", timeadd, 2, 2, false},
      {"timecmp", timecmp, 2, 2, false},
      {"timestamp", known_only_when_applied, 0, 0, false},
  };
}

}  // namespace iacscan::detail::tf
