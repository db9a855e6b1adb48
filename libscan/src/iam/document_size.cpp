#include "iam/document_size.hpp"

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

std::optional<std::size_t> minified_size(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::unknown:
      return std::nullopt;
    case Value::Kind::null:
      return 4;
    case Value::Kind::boolean:
      return v.as_bool() ? 4 : 5;
    case Value::Kind::number:
      return v.text().size();
    case Value::Kind::string:
      return quoted_size(v.text());
    case Value::Kind::list: {
      std::size_t n = 2 + (v.items().empty() ? 0 : v.items().size() - 1);
      for (const Value& item : v.items()) {
        const auto size = minified_size(item);
        if (!size) return std::nullopt;
        n += *size;
      }
      return n;
    }
    case Value::Kind::map: {
      std::size_t n = 2 + (v.entries().empty() ? 0 : v.entries().size() - 1);
      for (const Value::Entry& e : v.entries()) {
        const auto size = minified_size(e.value);
        if (!size) return std::nullopt;
        n += quoted_size(e.key) + 1 + *size;
      }
      return n;
    }
  }
  return std::nullopt;
}

}  // namespace iacscan::detail::iam
