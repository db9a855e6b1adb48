// Fn::Base64 and Fn::ToJsonString: encodings of known values.
#include <cstdint>
#include <cstdio>
#include <string>
#include <utility>

#include "cloudformation/evaluator.hpp"
#include "cloudformation/functions.hpp"
#include "cloudformation/value_ops.hpp"
#include "value/dynamic_reference.hpp"

namespace iacscan::detail {
namespace {

std::string base64(std::string_view bytes) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    const std::size_t left = bytes.size() - i;
    std::uint32_t group = static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) << 16;
    if (left > 1)
      group |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8;
    if (left > 2) group |= static_cast<unsigned char>(bytes[i + 2]);
    out += kAlphabet[(group >> 18) & 63];
    out += kAlphabet[(group >> 12) & 63];
    out += left > 1 ? kAlphabet[(group >> 6) & 63] : '=';
    out += left > 2 ? kAlphabet[group & 63] : '=';
  }
  return out;
}

void append_json_string(std::string& out, const std::string& text) {
  out += '"';
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
          out += escaped;
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

// Compact JSON of a fully known value; numbers as written, maps in source order.
void append_json(std::string& out, const Value& value) {
  if (value.is_string()) {
    append_json_string(out, value.text());
  } else if (value.is_list()) {
    out += '[';
    for (std::size_t i = 0; i < value.items().size(); ++i) {
      if (i > 0) out += ',';
      append_json(out, value.items()[i]);
    }
    out += ']';
  } else if (value.is_map()) {
    out += '{';
    for (std::size_t i = 0; i < value.entries().size(); ++i) {
      if (i > 0) out += ',';
      append_json_string(out, value.entries()[i].key);
      out += ':';
      append_json(out, value.entries()[i].value);
    }
    out += '}';
  } else {
    out += value.to_display_string();
  }
}

}  // namespace

Value fn_base64(const Value& argument, const Span& use, TemplateEvaluator& evaluator) {
  Value input = evaluator.argument(argument, "Fn::Base64");
  if (is_dynamic_reference(input)) {  // still a reference to a stored secret, not a literal
    input.span = use;
    return input;
  }
  if (input.is_unknown()) {
    return unknown_from("Fn::Base64 of an unknown value: " + input.text(), use, {&input});
  }
  const std::optional<std::string> text = scalar_text(input);
  if (!text) return malformed(evaluator, use, "Fn::Base64 takes a string", {&input});
  Value out = Value::string(base64(*text), use);
  add_refs(out.refs, input);
  return out;
}

Value fn_to_json_string(const Value& argument, const Span& use, TemplateEvaluator& evaluator) {
  const Value input = evaluator.argument(argument, "Fn::ToJsonString");
  if (!input.is_fully_known()) {
    return unknown_from("Fn::ToJsonString of a value that is not fully known", use, {&input});
  }
  if (!input.is_map() && !input.is_list()) {
    return malformed(evaluator, use, "Fn::ToJsonString takes a map or a list", {&input});
  }
  std::string json;
  append_json(json, input);
  Value out = Value::string(std::move(json), use);
  add_refs(out.refs, input);
  return out;
}

}  // namespace iacscan::detail
