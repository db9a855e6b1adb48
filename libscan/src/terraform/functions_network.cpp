// CIDR functions: cidrhost, cidrnetmask, cidrsubnet, cidrsubnets, for IPv4 and IPv6.
// Addresses are parsed and printed the way Terraform's copy of Go's net package does
// (leading zeros in IPv4 octets are decimal, IPv6 prints with the longest zero run as "::"),
// and the arithmetic follows the go-cidr library Terraform calls, errors included.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "terraform/function_groups.hpp"
#include "terraform/function_support.hpp"

namespace iacscan::detail::tf {
namespace {

// 128 bits hold an IPv6 address; an IPv4 address uses the low 32.
__extension__ typedef unsigned __int128 Bits;

struct Network {
  Bits address = 0;  // already masked to `prefix`
  int width = 32;    // 32 for IPv4, 128 for IPv6
  int prefix = 0;
};

Bits all_ones(int width) {
  return width == 128 ? ~Bits(0) : (Bits(1) << width) - 1;
}
// The host part of a `prefix`-bit network: all bits after the prefix.
Bits host_mask(int prefix, int width) {
  return prefix >= width ? Bits(0) : all_ones(width - prefix);
}
Bits network_mask(int prefix, int width) {
  return all_ones(width) & ~host_mask(prefix, width);
}

// Go's dtoi: decimal digits at the start of `text`, at most 0xFFFFFF; 0 digits fails.
std::optional<int> leading_decimal(std::string_view text, std::size_t& used) {
  int value = 0;
  used = 0;
  while (used < text.size() && text[used] >= '0' && text[used] <= '9') {
    value = value * 10 + (text[used++] - '0');
    if (value >= 0xFFFFFF) return std::nullopt;
  }
  if (used == 0) return std::nullopt;
  return value;
}

std::optional<Bits> parse_ipv4(std::string_view text) {
  Bits value = 0;
  for (int octet = 0; octet < 4; ++octet) {
    if (octet > 0) {
      if (text.empty() || text.front() != '.') return std::nullopt;
      text.remove_prefix(1);
    }
    std::size_t used = 0;
    const auto number = leading_decimal(text, used);
    if (!number || *number > 0xFF) return std::nullopt;
    value = (value << 8) | static_cast<Bits>(*number);
    text.remove_prefix(used);
  }
  if (!text.empty()) return std::nullopt;
  return value;
}

int hex_digit(char ch) {
  if (ch >= '0' && ch <= '9') return ch - '0';
  if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
  if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
  return -1;
}

// Eight 16-bit groups separated by ':', one "::" standing for at least one zero group, and
// optionally a dotted IPv4 address as the last 32 bits.
std::optional<Bits> parse_ipv6(std::string_view text) {
  std::uint16_t groups[8] = {};
  int count = 0;
  int ellipsis = -1;
  if (text.starts_with("::")) {
    ellipsis = 0;
    text.remove_prefix(2);
  }
  while (!text.empty() && count < 8) {
    std::size_t used = 0;
    int value = 0;
    while (used < text.size() && hex_digit(text[used]) >= 0) {
      value = value * 16 + hex_digit(text[used++]);
      if (value > 0xFFFF) return std::nullopt;
    }
    if (used < text.size() && text[used] == '.') {
      if (count > 6) return std::nullopt;
      const auto v4 = parse_ipv4(text);
      if (!v4) return std::nullopt;
      groups[count++] = static_cast<std::uint16_t>(*v4 >> 16);
      groups[count++] = static_cast<std::uint16_t>(*v4 & 0xFFFF);
      text = {};
      break;
    }
    if (used == 0) return std::nullopt;
    groups[count++] = static_cast<std::uint16_t>(value);
    text.remove_prefix(used);
    if (text.empty()) break;
    if (text.front() != ':' || text.size() == 1) return std::nullopt;
    text.remove_prefix(1);
    if (text.front() == ':') {
      if (ellipsis >= 0) return std::nullopt;
      ellipsis = count;
      text.remove_prefix(1);
    }
  }
  if (!text.empty()) return std::nullopt;
  if (count < 8) {
    if (ellipsis < 0) return std::nullopt;
    const int missing = 8 - count;
    for (int i = count - 1; i >= ellipsis; --i) groups[i + missing] = groups[i];
    for (int i = ellipsis; i < ellipsis + missing; ++i) groups[i] = 0;
  } else if (ellipsis >= 0) {
    return std::nullopt;  // "::" must stand for at least one group
  }
  Bits value = 0;
  for (std::uint16_t group : groups) value = (value << 16) | group;
  return value;
}

// An IPv4 address written as IPv6 (::ffff:a.b.c.d); Go treats these as IPv4 throughout.
bool is_ipv4_mapped(Bits value) {
  return (value >> 32) == 0xFFFF;
}

std::optional<Network> parse_cidr(std::string_view text) {
  const std::size_t slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  Network network;
  auto address = parse_ipv4(text.substr(0, slash));
  if (!address) {
    address = parse_ipv6(text.substr(0, slash));
    network.width = 128;
  }
  std::size_t used = 0;
  const std::string_view prefix_text = text.substr(slash + 1);
  const auto prefix = leading_decimal(prefix_text, used);
  if (!address || !prefix || used != prefix_text.size() || *prefix > network.width)
    return std::nullopt;
  network.prefix = *prefix;
  network.address = *address & network_mask(network.prefix, network.width);
  if (network.width == 128 && network.prefix >= 96 && is_ipv4_mapped(network.address))
    network = {network.address & all_ones(32), 32, network.prefix - 96};
  return network;
}

Network expect_cidr(const FunctionCall& call) {
  const std::string text = expect_string(call, 0);
  const auto network = parse_cidr(text);
  if (!network) fail("invalid CIDR expression: invalid CIDR address: " + text);
  return *network;
}

std::string format_ipv4(Bits value) {
  std::string out;
  for (int shift = 24; shift >= 0; shift -= 8) {
    if (!out.empty()) out += '.';
    out += std::to_string(static_cast<unsigned>((value >> shift) & 0xFF));
  }
  return out;
}

std::string format_address(Bits value, int width) {
  if (width == 32 || is_ipv4_mapped(value)) return format_ipv4(value & all_ones(32));
  std::uint16_t groups[8];
  for (int i = 0; i < 8; ++i) groups[i] = static_cast<std::uint16_t>(value >> (112 - 16 * i));
  // The longest run of two or more zero groups (the first of equals) becomes "::".
  int best_start = -1, best_length = 1;
  for (int i = 0; i < 8;) {
    int j = i;
    while (j < 8 && groups[j] == 0) ++j;
    if (j - i > best_length) best_start = i, best_length = j - i;
    i = j > i ? j : i + 1;
  }
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < 8; ++i) {
    if (i == best_start) {
      out += "::";
      i += best_length - 1;
      continue;
    }
    if (!out.empty() && out.back() != ':') out += ':';
    std::string group;
    for (unsigned v = groups[i]; v != 0 || group.empty(); v >>= 4)
      group.insert(group.begin(), kDigits[v & 0xF]);
    out += group;
  }
  return out;
}

std::string format_network(const Network& network) {
  return format_address(network.address, network.width) + "/" + std::to_string(network.prefix);
}

Value cidrhost(FunctionCall& call) {
  const Network network = expect_cidr(call);
  const std::int64_t number = expect_integer(call, 1);
  const Bits max_host = host_mask(network.prefix, network.width);
  // A negative number counts back from the last address: -1 is the last one.
  const Bits magnitude = number < 0 ? static_cast<Bits>(-(number + 1)) : static_cast<Bits>(number);
  if (magnitude > max_host)
    fail("prefix of " + std::to_string(network.prefix) + " does not accommodate a host numbered " +
         std::to_string(number));
  const Bits host = number < 0 ? max_host - magnitude : magnitude;
  return Value::string(format_address(network.address | host, network.width));
}

Value cidrnetmask(FunctionCall& call) {
  const Network network = expect_cidr(call);
  if (network.width != 32) fail("IPv6 addresses cannot have a netmask: " + expect_string(call, 0));
  return Value::string(format_ipv4(network_mask(network.prefix, 32)));
}

Value cidrsubnet(FunctionCall& call) {
  const Network network = expect_cidr(call);
  const std::int64_t newbits = expect_integer(call, 1);
  const std::int64_t number = expect_integer(call, 2);
  if (newbits < 0) fail("newbits must not be negative, got " + std::to_string(newbits));
  const std::int64_t prefix = network.prefix + newbits;
  if (prefix > network.width)
    fail("insufficient address space to extend prefix of " + std::to_string(network.prefix) +
         " by " + std::to_string(newbits));
  if (number < 0 || (newbits < 63 && number >= (std::int64_t{1} << newbits)))
    fail("prefix extension of " + std::to_string(newbits) +
         " does not accommodate a subnet numbered " + std::to_string(number));
  Network subnet = network;
  subnet.prefix = static_cast<int>(prefix);
  if (number != 0) subnet.address |= static_cast<Bits>(number) << (network.width - prefix);
  return Value::string(format_network(subnet));
}

// Consecutive subnets of the given extra prefix lengths, each starting after the last one
// ends, aligned to its own size (so a smaller subnet may leave a gap before a larger one).
Value cidrsubnets(FunctionCall& call) {
  const Network network = expect_cidr(call);
  Value::List subnets;
  // go-cidr starts from the block of the first size that ends just before the network;
  // a network starting at address 0 therefore "rolls over", as Terraform reports.
  Network current;
  for (std::size_t i = 1; i < call.args.size(); ++i) {
    const std::int64_t bits = expect_integer(call, i);
    if (bits < 1) fail(argument_label(i) + ": must extend prefix by at least one bit");
    if (bits > 32) fail(argument_label(i) + ": may not extend prefix by more than 32 bits");
    const int prefix = network.prefix + static_cast<int>(bits);
    if (prefix > network.width)
      fail(argument_label(i) + ": would extend prefix to " + std::to_string(prefix) +
           " bits, which is too long for an " + (network.width == 32 ? "IPv4" : "IPv6") +
           " address");
    if (i == 1) {
      const Bits before = (network.address - 1) & all_ones(network.width);
      current = {before & network_mask(prefix, network.width), network.width, prefix};
    }
    const Bits current_last = current.address | host_mask(current.prefix, network.width);
    const Bits block_last = current_last | host_mask(prefix, network.width);
    const Bits next = (block_last + 1) & all_ones(network.width);
    const bool inside = (next & network_mask(network.prefix, network.width)) == network.address;
    if (next == 0 || !inside)
      fail(argument_label(i) +
           ": not enough remaining address space for a subnet with a prefix of " +
           std::to_string(prefix) + " bits after " + format_network(current));
    current = {next, network.width, prefix};
    subnets.push_back(Value::string(format_network(current)));
  }
  return Value::list(std::move(subnets));
}

}  // namespace

std::vector<FunctionSpec> network_functions() {
  return {
      {"cidrhost", cidrhost, 2, 2, false},
      {"cidrnetmask", cidrnetmask, 1, 1, false},
      {"cidrsubnet", cidrsubnet, 3, 3, false},
      {"cidrsubnets", cidrsubnets, 1, -1, false},
  };
}

}  // namespace iacscan::detail::tf
