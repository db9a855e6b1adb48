#include "iam/condition_values.hpp"

#include <charconv>
#include <cmath>
#include <string>
#include <vector>

#include "iam/iam_pattern.hpp"

namespace iacscan::detail::iam {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Exactly `count` digits at `pos`.
std::optional<int> take_digits(std::string_view s, std::size_t& pos, std::size_t count) {
  if (pos + count > s.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const char c = s[pos + i];
    if (!is_digit(c)) return std::nullopt;
    value = value * 10 + (c - '0');
  }
  pos += count;
  return value;
}

// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's days_from_civil).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::optional<std::int64_t> parse_iso_date(std::string_view s) {
  std::size_t pos = 0;
  const auto year = take_digits(s, pos, 4);
  if (!year || pos >= s.size() || s[pos++] != '-') return std::nullopt;
  const auto month = take_digits(s, pos, 2);
  if (!month || pos >= s.size() || s[pos++] != '-') return std::nullopt;
  const auto day = take_digits(s, pos, 2);
  if (!day || *month < 1 || *month > 12 || *day < 1 || *day > 31) return std::nullopt;
  std::int64_t ms =
      days_from_civil(*year, static_cast<unsigned>(*month), static_cast<unsigned>(*day)) * 86400000;
  if (pos == s.size()) return ms;
  if (s[pos] != 'T' && s[pos] != 't') return std::nullopt;
  ++pos;
  const auto hour = take_digits(s, pos, 2);
  if (!hour || pos >= s.size() || s[pos++] != ':') return std::nullopt;
  const auto minute = take_digits(s, pos, 2);
  if (!minute || *hour > 23 || *minute > 59) return std::nullopt;
  ms += (static_cast<std::int64_t>(*hour) * 60 + *minute) * 60000;
  if (pos < s.size() && s[pos] == ':') {
    ++pos;
    const auto second = take_digits(s, pos, 2);
    if (!second || *second > 60) return std::nullopt;
    ms += static_cast<std::int64_t>(*second) * 1000;
    if (pos < s.size() && s[pos] == '.') {
      ++pos;
      const std::size_t start = pos;
      std::int64_t fraction = 0;
      std::int64_t scale = 1000;
      while (pos < s.size() && is_digit(s[pos])) {
        if (scale > 1) {
          scale /= 10;
          fraction += (s[pos] - '0') * scale;
        }
        ++pos;
      }
      if (pos == start) return std::nullopt;
      ms += fraction;
    }
  }
  if (pos == s.size()) return ms;
  if (s[pos] == 'Z' || s[pos] == 'z') return pos + 1 == s.size() ? std::optional(ms) : std::nullopt;
  if (s[pos] != '+' && s[pos] != '-') return std::nullopt;
  const int sign = s[pos++] == '+' ? 1 : -1;
  const auto zone_hour = take_digits(s, pos, 2);
  if (!zone_hour) return std::nullopt;
  if (pos < s.size() && s[pos] == ':') ++pos;
  const auto zone_minute = take_digits(s, pos, 2);
  if (!zone_minute || pos != s.size()) return std::nullopt;
  // 12:00+02:00 is 10:00Z.
  return ms - sign * (static_cast<std::int64_t>(*zone_hour) * 60 + *zone_minute) * 60000;
}

std::optional<std::array<std::uint8_t, 4>> parse_ipv4(std::string_view s) {
  std::array<std::uint8_t, 4> out{};
  std::size_t pos = 0;
  for (int part = 0; part < 4; ++part) {
    if (part > 0) {
      if (pos >= s.size() || s[pos] != '.') return std::nullopt;
      ++pos;
    }
    const std::size_t start = pos;
    unsigned value = 0;
    while (pos < s.size() && is_digit(s[pos]) && pos - start < 3) {
      value = value * 10 + static_cast<unsigned>(s[pos] - '0');
      ++pos;
    }
    if (pos == start || value > 255) return std::nullopt;
    out[static_cast<std::size_t>(part)] = static_cast<std::uint8_t>(value);
  }
  if (pos != s.size()) return std::nullopt;
  return out;
}

int hex_value(char c) {
  if (is_digit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Groups of up to four hex digits separated by ':', at most one "::", an IPv4 tail allowed.
std::optional<std::array<std::uint8_t, 16>> parse_ipv6(std::string_view s) {
  std::vector<std::uint16_t> head, tail;
  bool compressed = false;
  const std::size_t gap = s.find("::");
  if (gap != std::string_view::npos) {
    if (s.find("::", gap + 1) != std::string_view::npos) return std::nullopt;
    compressed = true;
  }
  auto parse_groups = [](std::string_view part, std::vector<std::uint16_t>& groups,
                         bool allow_ipv4_tail) -> bool {
    if (part.empty()) return true;
    std::size_t pos = 0;
    while (true) {
      const std::size_t colon = part.find(':', pos);
      const std::string_view group =
          part.substr(pos, colon == std::string_view::npos ? colon : colon - pos);
      if (colon == std::string_view::npos && allow_ipv4_tail &&
          group.find('.') != std::string_view::npos) {
        const auto v4 = parse_ipv4(group);
        if (!v4) return false;
        groups.push_back(static_cast<std::uint16_t>((*v4)[0] << 8 | (*v4)[1]));
        groups.push_back(static_cast<std::uint16_t>((*v4)[2] << 8 | (*v4)[3]));
        return true;
      }
      if (group.empty() || group.size() > 4) return false;
      unsigned value = 0;
      for (char c : group) {
        const int h = hex_value(c);
        if (h < 0) return false;
        value = value * 16 + static_cast<unsigned>(h);
      }
      groups.push_back(static_cast<std::uint16_t>(value));
      if (colon == std::string_view::npos) return true;
      pos = colon + 1;
    }
  };
  if (compressed) {
    if (!parse_groups(s.substr(0, gap), head, false) ||
        !parse_groups(s.substr(gap + 2), tail, true))
      return std::nullopt;
    if (head.size() + tail.size() > 7) return std::nullopt;
  } else {
    if (!parse_groups(s, head, true) || head.size() != 8) return std::nullopt;
  }
  std::array<std::uint8_t, 16> out{};
  auto put = [&](std::size_t index, std::uint16_t group) {
    out[index * 2] = static_cast<std::uint8_t>(group >> 8);
    out[index * 2 + 1] = static_cast<std::uint8_t>(group & 0xff);
  };
  for (std::size_t i = 0; i < head.size(); ++i) put(i, head[i]);
  for (std::size_t i = 0; i < tail.size(); ++i) put(8 - tail.size() + i, tail[i]);
  return out;
}

}  // namespace

std::optional<double> parse_iam_number(std::string_view text) {
  if (text.empty()) return std::nullopt;
  double value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::optional<std::int64_t> parse_iam_date(std::string_view text) {
  if (text.empty()) return std::nullopt;
  bool all_digits = true;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!is_digit(text[i]) && !(i == 0 && text[i] == '-' && text.size() > 1)) all_digits = false;
  }
  if (all_digits && text.size() <= 15) {
    std::int64_t seconds = 0;
    std::from_chars(text.data(), text.data() + text.size(), seconds);
    return seconds * 1000;
  }
  return parse_iso_date(text);
}

std::optional<bool> parse_iam_bool(std::string_view text) {
  if (ascii_iequals(text, "true")) return true;
  if (ascii_iequals(text, "false")) return false;
  return std::nullopt;
}

std::optional<IpRange> parse_ip_address(std::string_view text) {
  IpRange out;
  if (const auto v4 = parse_ipv4(text)) {
    std::copy(v4->begin(), v4->end(), out.bytes.begin());
    out.prefix = 32;
    return out;
  }
  if (const auto v6 = parse_ipv6(text)) {
    out.v6 = true;
    out.bytes = *v6;
    out.prefix = 128;
    return out;
  }
  return std::nullopt;
}

std::optional<IpRange> parse_ip_range(std::string_view text) {
  const std::size_t slash = text.find('/');
  auto address = parse_ip_address(text.substr(0, slash));
  if (!address || slash == std::string_view::npos) return address;
  const std::string_view digits = text.substr(slash + 1);
  unsigned prefix = 0;
  const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), prefix);
  if (digits.empty() || ec != std::errc() || ptr != digits.data() + digits.size() ||
      prefix > address->prefix)
    return std::nullopt;
  address->prefix = prefix;
  return address;
}

bool ip_in_range(const IpRange& address, const IpRange& range) {
  if (address.v6 != range.v6) return false;
  unsigned bits = range.prefix;
  for (std::size_t i = 0; bits > 0; ++i, bits = bits >= 8 ? bits - 8 : 0) {
    const unsigned mask = bits >= 8 ? 0xffu : (0xffu << (8 - bits)) & 0xffu;
    if ((address.bytes[i] & mask) != (range.bytes[i] & mask)) return false;
  }
  return true;
}

}  // namespace iacscan::detail::iam
