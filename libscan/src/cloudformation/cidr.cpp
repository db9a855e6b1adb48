// IPv4 and IPv6 address parsing, formatting and subnet arithmetic for Fn::Cidr. Addresses are
// held as 128-bit numbers (two 64-bit halves); IPv4 uses the low 32 bits.
#include "cloudformation/cidr.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <optional>

namespace iacscan::detail {
namespace {

struct U128 {
  std::uint64_t hi = 0;
  std::uint64_t lo = 0;
};

U128 add(U128 a, U128 b) {
  U128 sum{a.hi + b.hi, a.lo + b.lo};
  if (sum.lo < a.lo) ++sum.hi;
  return sum;
}

// `value` << `shift`, for shift < 128 and results below 2^128.
U128 shifted(std::uint64_t value, unsigned shift) {
  if (shift >= 64) return {value << (shift - 64), 0};
  if (shift == 0) return {0, value};
  return {value >> (64 - shift), value << shift};
}

// Keeps the first `prefix` of `width` bits.
U128 network(U128 address, unsigned prefix, unsigned width) {
  const unsigned keep = prefix + (128 - width);  // IPv4 sits in the low 32 bits
  const auto mask = [](unsigned bits) -> std::uint64_t {
    return bits == 0 ? 0 : bits >= 64 ? ~std::uint64_t{0} : ~std::uint64_t{0} << (64 - bits);
  };
  return {address.hi & mask(keep > 64 ? 64 : keep), address.lo & mask(keep > 64 ? keep - 64 : 0)};
}

template <typename Int>
std::optional<Int> parse_int(std::string_view text, int base = 10) {
  Int value{};
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value, base);
  if (text.empty() || error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<std::uint32_t> parse_ipv4(std::string_view text) {
  std::uint32_t address = 0;
  for (int octet = 0; octet < 4; ++octet) {
    const std::size_t dot = octet < 3 ? text.find('.') : text.size();
    if (dot == std::string_view::npos || dot > 3) return std::nullopt;
    const auto value = parse_int<unsigned>(text.substr(0, dot));
    if (!value || *value > 255) return std::nullopt;
    address = (address << 8) | *value;
    text.remove_prefix(octet < 3 ? dot + 1 : dot);
  }
  return address;
}

// Colon-separated groups; the last may be dotted IPv4 (two groups) when `allow_ipv4`.
std::optional<std::vector<std::uint16_t>> parse_groups(std::string_view text, bool allow_ipv4) {
  std::vector<std::uint16_t> groups;
  if (text.empty()) return groups;
  while (true) {
    const std::size_t colon = text.find(':');
    const std::string_view group = text.substr(0, colon);
    if (colon == std::string_view::npos && allow_ipv4 &&
        group.find('.') != std::string_view::npos) {
      const auto v4 = parse_ipv4(group);
      if (!v4) return std::nullopt;
      groups.push_back(static_cast<std::uint16_t>(*v4 >> 16));
      groups.push_back(static_cast<std::uint16_t>(*v4 & 0xFFFF));
      return groups;
    }
    if (group.size() > 4) return std::nullopt;
    const auto value = parse_int<std::uint16_t>(group, 16);
    if (!value) return std::nullopt;
    groups.push_back(*value);
    if (colon == std::string_view::npos) return groups;
    text.remove_prefix(colon + 1);
  }
}

std::optional<U128> parse_ipv6(std::string_view text) {
  const std::size_t gap = text.find("::");
  std::optional<std::vector<std::uint16_t>> head;
  std::optional<std::vector<std::uint16_t>> tail;
  if (gap == std::string_view::npos) {
    head = parse_groups(text, true);
    tail.emplace();
    if (!head || head->size() != 8) return std::nullopt;
  } else {
    head = parse_groups(text.substr(0, gap), false);
    tail = parse_groups(text.substr(gap + 2), true);
    if (!head || !tail || head->size() + tail->size() > 7) return std::nullopt;
  }
  std::array<std::uint16_t, 8> all{};
  std::copy(head->begin(), head->end(), all.begin());
  std::copy(tail->begin(), tail->end(), all.end() - static_cast<std::ptrdiff_t>(tail->size()));
  U128 address;
  for (int i = 0; i < 4; ++i) address.hi = (address.hi << 16) | all[static_cast<std::size_t>(i)];
  for (int i = 4; i < 8; ++i) address.lo = (address.lo << 16) | all[static_cast<std::size_t>(i)];
  return address;
}

std::string format_ipv4(std::uint64_t address) {
  std::string out;
  for (int shift = 24; shift >= 0; shift -= 8) {
    if (!out.empty()) out += '.';
    out += std::to_string((address >> shift) & 0xFF);
  }
  return out;
}

// RFC 5952: lower-case hex without leading zeros; the first longest run of two or more zero
// groups becomes "::".
std::string format_ipv6(U128 address) {
  std::array<unsigned, 8> groups{};
  for (std::size_t i = 0; i < 4; ++i) {
    groups[i] = static_cast<unsigned>((address.hi >> (48 - 16 * i)) & 0xFFFF);
    groups[i + 4] = static_cast<unsigned>((address.lo >> (48 - 16 * i)) & 0xFFFF);
  }
  std::size_t best_start = 8, best_length = 0;
  for (std::size_t i = 0; i < 8;) {
    std::size_t j = i;
    while (j < 8 && groups[j] == 0) ++j;
    if (j - i > best_length && j - i >= 2) {
      best_start = i;
      best_length = j - i;
    }
    i = j == i ? i + 1 : j;
  }
  std::string out;
  for (std::size_t i = 0; i < 8; ++i) {
    if (i == best_start) {
      out += "::";
      i += best_length - 1;
      continue;
    }
    if (!out.empty() && out.back() != ':') out += ':';
    char hex[8];
    const auto result = std::to_chars(hex, hex + sizeof hex, groups[i], 16);
    out.append(hex, result.ptr);
  }
  return out;
}

}  // namespace

std::variant<std::vector<std::string>, std::string> cidr_subnets(std::string_view block,
                                                                 unsigned count,
                                                                 unsigned subnet_bits) {
  const std::size_t slash = block.find('/');
  if (slash == std::string_view::npos) return std::string{"the block has no /prefix"};
  const std::string_view text = block.substr(0, slash);
  const bool v6 = text.find(':') != std::string_view::npos;
  const unsigned width = v6 ? 128 : 32;
  const auto prefix = parse_int<unsigned>(block.substr(slash + 1));
  if (!prefix || *prefix > width) return std::string{"the block's prefix length is invalid"};
  std::optional<U128> address;
  if (v6) {
    address = parse_ipv6(text);
  } else if (const auto v4 = parse_ipv4(text)) {
    address = U128{0, *v4};
  }
  if (!address) return "\"" + std::string{text} + "\" is not an IP address";
  if (count < 1 || count > 256) return std::string{"the count must be between 1 and 256"};
  if (subnet_bits > width - *prefix) {
    return "subnets of " + std::to_string(subnet_bits) + " bits do not fit in a /" +
           std::to_string(*prefix);
  }
  const unsigned network_bits = width - *prefix - subnet_bits;
  if (network_bits < 9 && count > (1u << network_bits)) {
    return "a /" + std::to_string(*prefix) + " holds only " + std::to_string(1u << network_bits) +
           " subnets of " + std::to_string(subnet_bits) + " bits";
  }
  const U128 base = network(*address, *prefix, width);
  const std::string suffix = "/" + std::to_string(width - subnet_bits);
  std::vector<std::string> subnets;
  for (unsigned i = 0; i < count; ++i) {
    const U128 subnet = add(base, shifted(i, subnet_bits));
    subnets.push_back((v6 ? format_ipv6(subnet) : format_ipv4(subnet.lo)) + suffix);
  }
  return subnets;
}

}  // namespace iacscan::detail
