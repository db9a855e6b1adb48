// Network predicates: CIDR and port-range arithmetic for security group rules. They read the
// canonical attributes they are told to (`with: {cidrs: [cidr_ipv4, cidr_ipv6]}`) on the
// subject they are given, so one predicate serves an inline ingress entry (inside `some`, the
// subject is the entry) and a standalone rule resource alike.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "engine/builtin_predicates.hpp"

namespace iacscan::detail::predicates {

// The addresses a CIDR block holds, as big-endian bytes: IPv4 uses the first 4 of 16 (the rest
// stay zero, so blocks of one family compare byte by byte).
struct CidrBlock {
  bool ipv6 = false;
  int prefix_length = 0;
  std::array<std::uint8_t, 16> first{};
  std::array<std::uint8_t, 16> last{};
};

// "10.0.0.0/8", "::/0", "2001:db8::/32"; host bits may be set ("10.1.2.3/8"). nullopt for
// anything else, a bare address without a prefix length included.
std::optional<CidrBlock> parse_cidr(std::string_view text);

// True when the CIDR attributes named in `cidrs` hold the whole IPv4 or IPv6 internet: a block
// with prefix length 0, or blocks that together cover one family (0.0.0.0/1 + 128.0.0.0/1).
Outcome cidr_open_world(const PredicateInput& input);
std::string cidr_open_world_arguments(const Value& arguments);

// True when the rule's protocol and port range (attributes `protocol`, `from`, `to`) let in
// one of `ports`, or (with `except`) some port not in that list. Protocol -1 / all covers every
// port; tcp and udp (6, 17) cover their range; ICMP and other protocols cover no port.
Outcome port_range_covers(const PredicateInput& input);
std::string port_range_covers_arguments(const Value& arguments);

}  // namespace iacscan::detail::predicates
