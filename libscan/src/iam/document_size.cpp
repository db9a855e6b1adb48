#include "iam/document_size.hpp"

#include <algorithm>
#include <limits>

namespace iacscan::detail::iam {
namespace {

bool is_json_whitespace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Characters a string takes in compact JSON, quotes and escapes included (the escapes a JSON
// writer must use: quote, backslash, control characters).
std::size_t quoted_size(std::string_view s) {
  std::size_t n = 2;
  for (char c : s) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\' || c == '\n' || c == '\t' || c == '\r' || c == '\b' || c == '\f')
      n += 2;
    else if (byte < 0x20)
      n += 6;
    else
      n += 1;
  }
  return n;
}

// An unknown that may stand for AWS::NoValue and so remove its entry or element.
bool may_be_absent(const Value& v) {
  return v.is_unknown() && (v.candidates == nullptr || v.candidates->empty());
}

}  // namespace

std::size_t minified_size(std::string_view json_text) {
  std::size_t n = 0;
  bool in_string = false, escaped = false;
  for (char c : json_text) {
    if (in_string) {
      ++n;
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (is_json_whitespace(c)) continue;
    if (c == '"') in_string = true;
    ++n;
  }
  return n;
}

StructureSize structure_size(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::unknown: {
      if (v.candidates == nullptr || v.candidates->empty()) return {0, false};
      std::size_t smallest = std::numeric_limits<std::size_t>::max();
      for (const Value& candidate : *v.candidates)
        smallest = std::min(smallest, structure_size(candidate).at_least);
      return {smallest, false};
    }
    case Value::Kind::null:
      return {4, true};
    case Value::Kind::boolean:
      return {v.as_bool() ? std::size_t{4} : std::size_t{5}, true};
    case Value::Kind::number:
      return {v.text().size(), true};
    case Value::Kind::string:
      return {quoted_size(v.text()), true};
    case Value::Kind::list:
    case Value::Kind::map:
      break;
  }
  // Brackets, then the members that are surely there with a separator between each two.
  StructureSize size{2, true};
  std::size_t members = 0;
  const auto add = [&](const Value& value, std::size_t key_bytes) {
    const StructureSize member = structure_size(value);
    size.known = size.known && member.known;
    if (may_be_absent(value)) return;
    size.at_least += key_bytes + member.at_least + (members > 0 ? 1 : 0);
    ++members;
  };
  for (const Value& item : v.items()) add(item, 0);
  for (const Value::Entry& e : v.entries()) add(e.value, quoted_size(e.key) + 1);
  return size;
}

std::optional<std::size_t> minified_size(const Value& v) {
  const StructureSize size = structure_size(v);
  if (!size.known) return std::nullopt;
  return size.at_least;
}

}  // namespace iacscan::detail::iam
