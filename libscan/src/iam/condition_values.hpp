// The typed values IAM's condition operators compare: numbers, dates, booleans and IP
// addresses, parsed from a policy value or a request value. Each parser returns nullopt for
// text that is not of its type.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace iacscan::detail::iam {

// An integer or decimal ("10", "-2", "0.5").
std::optional<double> parse_iam_number(std::string_view text);

// Milliseconds since 1970-01-01T00:00:00Z. ISO 8601 as IAM documents it (W3C profile:
// "2025-01-31", "2025-01-31T12:00Z", "2025-01-31T12:00:00.250+02:00"; no zone means UTC) or
// UNIX epoch seconds ("1735689600").
std::optional<std::int64_t> parse_iam_date(std::string_view text);

// "true" / "false", any case.
std::optional<bool> parse_iam_bool(std::string_view text);

// An IPv4 or IPv6 address with a prefix length; a bare address is a one-address range.
struct IpRange {
  bool v6 = false;
  std::array<std::uint8_t, 16> bytes{};  // IPv4 uses the first 4
  unsigned prefix = 0;
};
std::optional<IpRange> parse_ip_range(std::string_view text);    // "10.0.0.0/8", "2001:db8::/32"
std::optional<IpRange> parse_ip_address(std::string_view text);  // no prefix allowed
// An IPv4 address is never inside an IPv6 range and the other way round.
bool ip_in_range(const IpRange& address, const IpRange& range);

}  // namespace iacscan::detail::iam
