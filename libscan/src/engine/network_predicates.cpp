#include "engine/network_predicates.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <set>
#include <utility>
#include <vector>

#include "engine/attribute_path.hpp"

namespace iacscan::detail::predicates {
namespace {

using Address = std::array<std::uint8_t, 16>;

constexpr long kMaxPort = 65535;

Outcome outcome(Truth truth, const Value* witness, std::string attribute) {
  Outcome o;
  o.truth = truth;
  o.witness = witness;
  o.attribute = std::move(attribute);
  return o;
}

// A whole decimal number in [0, max], digits only.
std::optional<long> parse_decimal(std::string_view text, long max) {
  if (text.empty() || text.size() > 10 || !std::isdigit(static_cast<unsigned char>(text.front())))
    return std::nullopt;
  long out = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  if (ec != std::errc() || end != text.data() + text.size() || out > max) return std::nullopt;
  return out;
}

std::optional<long> parse_hex_group(std::string_view text) {
  if (text.empty() || text.size() > 4 || !std::isxdigit(static_cast<unsigned char>(text.front())))
    return std::nullopt;
  long out = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out, 16);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return out;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (;;) {
    const std::size_t at = text.find(separator, start);
    parts.push_back(text.substr(start, at == std::string_view::npos ? at : at - start));
    if (at == std::string_view::npos) return parts;
    start = at + 1;
  }
}

// Dotted-quad IPv4 into out[0..3].
bool parse_ipv4(std::string_view text, Address& out) {
  const std::vector<std::string_view> octets = split(text, '.');
  if (octets.size() != 4) return false;
  for (std::size_t i = 0; i < 4; ++i) {
    if (octets[i].size() > 3) return false;
    auto octet = parse_decimal(octets[i], 255);
    if (!octet) return false;
    out[i] = static_cast<std::uint8_t>(*octet);
  }
  return true;
}

// Hex groups, one "::" at most, an IPv4 tail allowed ("::ffff:10.0.0.1").
bool parse_ipv6(std::string_view text, Address& out) {
  std::vector<std::uint8_t> head;
  std::vector<std::uint8_t> tail;
  std::string_view left = text;
  std::string_view right;
  bool compressed = false;
  if (const std::size_t gap = text.find("::"); gap != std::string_view::npos) {
    compressed = true;
    left = text.substr(0, gap);
    right = text.substr(gap + 2);
    if (right.find("::") != std::string_view::npos) return false;
  }
  auto read = [](std::string_view part, std::vector<std::uint8_t>& bytes, bool ipv4_allowed) {
    if (part.empty()) return true;
    const std::vector<std::string_view> groups = split(part, ':');
    for (std::size_t i = 0; i < groups.size(); ++i) {
      if (ipv4_allowed && i + 1 == groups.size() && groups[i].find('.') != std::string_view::npos) {
        Address v4{};
        if (!parse_ipv4(groups[i], v4)) return false;
        bytes.insert(bytes.end(), v4.begin(), v4.begin() + 4);
        continue;
      }
      auto group = parse_hex_group(groups[i]);
      if (!group) return false;
      bytes.push_back(static_cast<std::uint8_t>(*group >> 8));
      bytes.push_back(static_cast<std::uint8_t>(*group & 0xff));
    }
    return true;
  };
  if (!read(left, head, !compressed) || !read(right, tail, true)) return false;
  const std::size_t total = head.size() + tail.size();
  if (compressed ? total > 14 : total != 16) return false;
  out.fill(0);
  std::copy(head.begin(), head.end(), out.begin());
  std::copy(tail.begin(), tail.end(), out.end() - static_cast<std::ptrdiff_t>(tail.size()));
  return true;
}

// Clears (first) or sets (last) the bits after the prefix, within `width` bytes.
Address with_host_bits(const Address& address, int prefix_length, std::size_t width, bool set) {
  Address out = address;
  for (std::size_t byte = 0; byte < width; ++byte) {
    const int kept = std::clamp(prefix_length - static_cast<int>(byte) * 8, 0, 8);
    const auto host_mask = static_cast<std::uint8_t>(0xff >> kept);
    out[byte] = set ? static_cast<std::uint8_t>(out[byte] | host_mask)
                    : static_cast<std::uint8_t>(out[byte] & ~host_mask);
  }
  return out;
}

bool all_ones(const Address& a, std::size_t width) {
  return std::all_of(a.begin(), a.begin() + static_cast<std::ptrdiff_t>(width),
                     [](std::uint8_t b) { return b == 0xff; });
}

Address successor(Address a, std::size_t width) {
  for (std::size_t i = width; i-- > 0;) {
    if (++a[i] != 0) break;
  }
  return a;
}

// A CIDR block met in the subject: its value (where a finding points) and attribute.
struct FoundBlock {
  CidrBlock block;
  const Value* value = nullptr;
  std::string_view attribute;
};

struct FoundUnknown {
  const Value* value = nullptr;
  std::string_view attribute;
};

// Whether the blocks of one family leave no address out; `witness` is the block that starts
// at the family's first address.
bool covers_family(std::vector<const FoundBlock*> blocks, std::size_t width,
                   const FoundBlock*& witness) {
  if (blocks.empty()) return false;
  std::sort(blocks.begin(), blocks.end(), [](const FoundBlock* a, const FoundBlock* b) {
    return a->block.first < b->block.first;
  });
  Address next{};  // the first address no block seen so far holds
  for (const FoundBlock* found : blocks) {
    if (found->block.first > next) return false;
    if (found->block.last < next) continue;
    if (all_ones(found->block.last, width)) {
      witness = blocks.front();
      return true;
    }
    next = successor(found->block.last, width);
  }
  return false;
}

// Every CIDR string the attribute holds (a string or a list of them); the first unknown kept.
void collect_cidrs(const Value& v, std::string_view attribute, std::vector<FoundBlock>& blocks,
                   FoundUnknown& unknown) {
  if (v.is_unknown()) {
    if (!unknown.value) unknown = {&v, attribute};
    return;
  }
  if (v.is_list()) {
    for (const Value& item : v.items()) collect_cidrs(item, attribute, blocks, unknown);
    return;
  }
  if (!v.is_string()) return;
  if (auto block = parse_cidr(v.text())) blocks.push_back({*block, &v, attribute});
}

// The value an argument names, e.g. `from: from_port` → the subject's from_port; nullptr when
// absent (nulls count as absent).
const Value* named_value(const PredicateInput& input, std::string_view argument,
                         std::string& attribute) {
  const Value* name = input.arguments.find(argument);
  if (!name || !name->is_string()) return nullptr;
  attribute = name->text();
  const std::vector<const Value*> hits = resolve_all(input.subject, split_path(attribute));
  return hits.empty() ? nullptr : hits.front();
}

enum class ProtocolPorts { every_port, port_range, no_port };

ProtocolPorts classify_protocol(const Value& protocol) {
  if (!protocol.is_string() && !protocol.is_number()) return ProtocolPorts::no_port;
  std::string name = protocol.to_display_string();
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (name == "-1" || name == "all") return ProtocolPorts::every_port;
  if (name == "tcp" || name == "6" || name == "udp" || name == "17")
    return ProtocolPorts::port_range;
  // ICMP types are not ports; other IP protocols (GRE, ESP...) carry no TCP or UDP port.
  return ProtocolPorts::no_port;
}

std::optional<long> port_number(const Value& v) {
  if (v.is_number()) {
    const double n = v.as_number();
    if (n < 0 || n > kMaxPort || n != static_cast<double>(static_cast<long>(n)))
      return std::nullopt;
    return static_cast<long>(n);
  }
  if (v.is_string()) return parse_decimal(v.text(), kMaxPort);
  return std::nullopt;
}

std::set<long> port_list(const Value* list) {
  std::set<long> ports;
  if (!list) return ports;
  for (const Value& item : list->items()) {
    if (auto port = port_number(item)) ports.insert(*port);
  }
  return ports;
}

std::string check_attribute_name(const Value& arguments, const char* key) {
  const Value* v = arguments.find(key);
  if (!v) return std::string("missing argument \"") + key + "\"";
  if (!v->is_string() || v->text().empty())
    return std::string(key) + " must name a canonical attribute";
  return "";
}

std::string check_port_list(const Value& list, const std::string& key) {
  if (!list.is_list() || list.items().empty()) return key + " must be a non-empty list of ports";
  for (const Value& item : list.items()) {
    if (!port_number(item)) return key + " must hold port numbers 0-65535";
  }
  return "";
}

}  // namespace

std::optional<CidrBlock> parse_cidr(std::string_view text) {
  const std::size_t slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const std::string_view address = text.substr(0, slash);
  CidrBlock block;
  block.ipv6 = address.find(':') != std::string_view::npos;
  const long max_prefix = block.ipv6 ? 128 : 32;
  auto prefix = parse_decimal(text.substr(slash + 1), max_prefix);
  if (!prefix) return std::nullopt;
  block.prefix_length = static_cast<int>(*prefix);
  Address parsed{};
  if (block.ipv6 ? !parse_ipv6(address, parsed) : !parse_ipv4(address, parsed)) return std::nullopt;
  const std::size_t width = block.ipv6 ? 16 : 4;
  block.first = with_host_bits(parsed, block.prefix_length, width, false);
  block.last = with_host_bits(parsed, block.prefix_length, width, true);
  return block;
}

Outcome cidr_open_world(const PredicateInput& input) {
  std::vector<FoundBlock> blocks;
  FoundUnknown unknown;
  if (const Value* names = input.arguments.find("cidrs")) {
    for (const Value& name : names->items()) {
      for (const Value* hit : resolve_all(input.subject, split_path(name.text())))
        collect_cidrs(*hit, name.text(), blocks, unknown);
    }
  }
  auto found = [](const FoundBlock& b) {
    return outcome(Truth::true_, b.value, std::string(b.attribute));
  };
  for (const FoundBlock& b : blocks) {
    if (b.block.prefix_length == 0) return found(b);
  }
  for (const bool ipv6 : {false, true}) {
    std::vector<const FoundBlock*> family;
    for (const FoundBlock& b : blocks)
      if (b.block.ipv6 == ipv6) family.push_back(&b);
    const FoundBlock* witness = nullptr;
    if (covers_family(family, ipv6 ? 16 : 4, witness)) return found(*witness);
  }
  if (unknown.value) return outcome(Truth::unknown, unknown.value, std::string(unknown.attribute));
  if (blocks.empty()) return outcome(Truth::false_, nullptr, {});
  return outcome(Truth::false_, blocks.front().value, std::string(blocks.front().attribute));
}

Outcome port_range_covers(const PredicateInput& input) {
  std::string protocol_attribute;
  const Value* protocol = named_value(input, "protocol", protocol_attribute);
  if (!protocol) return outcome(Truth::false_, nullptr, protocol_attribute);
  if (protocol->is_unknown()) return outcome(Truth::unknown, protocol, protocol_attribute);
  switch (classify_protocol(*protocol)) {
    case ProtocolPorts::every_port:
      return outcome(Truth::true_, protocol, protocol_attribute);
    case ProtocolPorts::no_port:
      return outcome(Truth::false_, protocol, protocol_attribute);
    case ProtocolPorts::port_range:
      break;
  }
  std::string from_attribute;
  std::string to_attribute;
  const Value* from = named_value(input, "from", from_attribute);
  const Value* to = named_value(input, "to", to_attribute);
  // AWS refuses a TCP or UDP rule without both ends of its range: it lets nothing in.
  if (!from || !to) return outcome(Truth::false_, protocol, protocol_attribute);
  if (from->is_unknown()) return outcome(Truth::unknown, from, from_attribute);
  if (to->is_unknown()) return outcome(Truth::unknown, to, to_attribute);
  const auto low = port_number(*from);
  const auto high = port_number(*to);
  if (!low || !high || *low > *high) return outcome(Truth::false_, from, from_attribute);
  if (const Value* except = input.arguments.find("except")) {
    const std::set<long> excepted = port_list(except);
    const auto inside = std::distance(excepted.lower_bound(*low), excepted.upper_bound(*high));
    return outcome(truth_of(*high - *low + 1 > inside), from, from_attribute);
  }
  const std::set<long> wanted = port_list(input.arguments.find("ports"));
  const bool covered = wanted.lower_bound(*low) != wanted.upper_bound(*high);
  return outcome(truth_of(covered), from, from_attribute);
}

std::string cidr_open_world_arguments(const Value& arguments) {
  for (const Value::Entry& e : arguments.entries()) {
    if (e.key != "cidrs") return "unknown argument \"" + e.key + "\"";
  }
  const Value* cidrs = arguments.find("cidrs");
  if (!cidrs) return "missing argument \"cidrs\"";
  if (!cidrs->is_list() || cidrs->items().empty())
    return "cidrs must be a non-empty list of canonical attributes";
  for (const Value& name : cidrs->items()) {
    if (!name.is_string() || name.text().empty())
      return "cidrs must be a non-empty list of canonical attributes";
  }
  return "";
}

std::string port_range_covers_arguments(const Value& arguments) {
  for (const Value::Entry& e : arguments.entries()) {
    if (e.key == "protocol" || e.key == "from" || e.key == "to") continue;
    if (e.key == "ports" || e.key == "except") {
      if (std::string problem = check_port_list(e.value, e.key); !problem.empty()) return problem;
      continue;
    }
    return "unknown argument \"" + e.key + "\"";
  }
  for (const char* key : {"protocol", "from", "to"}) {
    if (std::string problem = check_attribute_name(arguments, key); !problem.empty())
      return problem;
  }
  if ((arguments.find("ports") != nullptr) == (arguments.find("except") != nullptr))
    return "give exactly one of ports and except";
  return "";
}

}  // namespace iacscan::detail::predicates
