// Encoding functions: jsonencode, jsondecode, yamlencode, yamldecode, base64encode,
// base64decode, base64gzip, urlencode, csvdecode, textencodebase64, textdecodebase64.
// Encoders reproduce Terraform's exact text, since rules read the strings they build
// (a bucket policy from jsonencode); decoders give values positioned at the call.
#include <cctype>
#include <cmath>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "terraform/csv_reader.hpp"
#include "terraform/function_groups.hpp"
#include "terraform/function_support.hpp"
#include "terraform/go_json_string.hpp"
#include "terraform/hash_digest.hpp"
#include "terraform/yaml_encoder.hpp"
#include "value/json_reader.hpp"
#include "value/yaml_reader.hpp"

namespace iacscan::detail::tf {
namespace {

void append_json(const Value& value, std::string& out) {
  switch (value.kind()) {
    case Value::Kind::null:
      out += "null";
      return;
    case Value::Kind::boolean:
      out += value.as_bool() ? "true" : "false";
      return;
    case Value::Kind::number:
      if (std::isinf(value.as_number())) fail("cannot serialize infinity as JSON");
      out += decimal_number(value.as_number());
      return;
    case Value::Kind::string:
      append_go_json_string(out, value.text());
      return;
    case Value::Kind::list:
      out += '[';
      for (std::size_t i = 0; i < value.items().size(); ++i) {
        if (i > 0) out += ',';
        append_json(value.items()[i], out);
      }
      out += ']';
      return;
    case Value::Kind::map: {
      // Terraform's objects and maps iterate in lexical key order.
      std::vector<const Value::Entry*> entries;
      for (const Value::Entry& e : value.entries()) entries.push_back(&e);
      std::stable_sort(entries.begin(), entries.end(),
                       [](const auto* a, const auto* b) { return a->key < b->key; });
      out += '{';
      for (std::size_t i = 0; i < entries.size(); ++i) {
        if (i > 0) out += ',';
        append_go_json_string(out, entries[i]->key);
        out += ':';
        append_json(entries[i]->value, out);
      }
      out += '}';
      return;
    }
    case Value::Kind::unknown:
      fail("cannot serialize unknown value as JSON");
  }
}

// Sees unknown arguments itself: the known parts of a policy built with jsonencode can
// still be judged, so the result keeps the positioned structure it encodes.
Value jsonencode(FunctionCall& call) {
  const Value& document = arg(call, 0);
  auto encoded = std::make_shared<EncodedText>();
  encoded->structure = std::make_shared<const Value>(document);
  Value result;
  if (document.is_fully_known()) {
    std::string out;
    append_json(document, out);
    result = Value::string(std::move(out));
  } else {
    result = Value::unknown("depends on an unknown value", call.span);
  }
  result.encoded = std::move(encoded);
  return result;
}

// A decoded document as if written at the call: every span is the call's, maps sorted as
// Terraform's objects are.
Value place_at_call(Value value, const Span& span) {
  value.span = span;
  for (Value& item : value.items()) item = place_at_call(std::move(item), span);
  if (!value.is_map()) return value;
  Value::Map entries = std::move(value.entries());
  for (Value::Entry& e : entries) {
    e.key_span = span;
    e.value = place_at_call(std::move(e.value), span);
  }
  Value sorted = sorted_map(std::move(entries));
  sorted.span = span;
  return sorted;
}

std::string read_error_text(const ReadError& error) {
  return error.message + " (line " + std::to_string(error.line) + ", column " +
         std::to_string(error.column) + ")";
}

Value jsondecode(FunctionCall& call) {
  ReadResult result = read_json(expect_string(call, 0), kNoFile);
  if (!result.ok()) fail(read_error_text(*result.error));
  // go-cty refuses a repeated object key rather than keeping the last one.
  if (!result.warnings.empty()) fail(read_error_text(result.warnings.front()));
  return place_at_call(std::move(*result.value), call.span);
}

Value yamlencode(FunctionCall& call) {
  return Value::string(encode_yaml(arg(call, 0)));
}

// The first document only, as the YAML reader reads it; tags such as !Ref are kept as the
// plain value they annotate.
Value yamldecode(FunctionCall& call) {
  ReadResult result = read_yaml(expect_string(call, 0), kNoFile, YamlTagHandler{});
  if (!result.ok()) fail(read_error_text(*result.error));
  return place_at_call(std::move(*result.value), call.span);
}

Value base64encode(FunctionCall& call) {
  return Value::string(base64_encode(expect_string(call, 0)));
}

Value base64decode(FunctionCall& call) {
  const std::string text = expect_string(call, 0);
  std::optional<std::string> decoded = base64_decode(text);
  if (!decoded) fail("failed to decode base64 data " + text);
  if (!is_valid_utf8(*decoded))
    fail("the result of decoding the provided string is not valid UTF-8");
  return Value::string(std::move(*decoded));
}

Value base64gzip(FunctionCall& call) {
  expect_string(call, 0);
  return Value::unknown("base64gzip's compressed bytes are not reproduced by the scanner",
                        call.span);
}

// Go's url.QueryEscape: unreserved characters stay, space becomes '+', every other byte
// becomes %XX.
Value urlencode(FunctionCall& call) {
  const std::string text = expect_string(call, 0);
  std::string out;
  for (char ch : text) {
    const auto byte = static_cast<unsigned char>(ch);
    if (std::isalnum(byte) || ch == '-' || ch == '_' || ch == '.' || ch == '~') {
      out += ch;
    } else if (ch == ' ') {
      out += '+';
    } else {
      out += '%';
      out += "0123456789ABCDEF"[byte >> 4];
      out += "0123456789ABCDEF"[byte & 0xF];
    }
  }
  return Value::string(std::move(out));
}

// A list of maps, one per row after the header row, keyed by the header's column names.
Value csv_rows(CsvReader& reader) {
  const auto header = reader.next_record();
  if (!header) fail("missing header line");
  for (std::size_t i = 0; i < header->size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if ((*header)[i] == (*header)[j]) fail("duplicate column name \"" + (*header)[i] + "\"");
  Value::List rows;
  while (const auto record = reader.next_record()) {
    if (record->size() != header->size())
      throw CsvSyntaxError{reader.record_line(), "wrong number of fields"};
    Value::Map row;
    for (std::size_t i = 0; i < record->size(); ++i)
      row.push_back({(*header)[i], {}, Value::string((*record)[i])});
    rows.push_back(sorted_map(std::move(row)));
  }
  return Value::list(std::move(rows));
}

Value csvdecode(FunctionCall& call) {
  const std::string text = expect_string(call, 0);
  CsvReader reader(text);
  try {
    return csv_rows(reader);
  } catch (const CsvSyntaxError& error) {
    fail("CSV parse error on line " + std::to_string(error.line) + ": " + error.message);
  }
}

enum class TextEncoding { utf8, utf16le, utf16be, latin1, unsupported };

struct EncodingName {
  std::string_view canonical;
  TextEncoding encoding;
  std::vector<std::string_view> names;  // lowercase IANA name and aliases
};

// The encodings the scanner converts, by IANA name or alias, case-insensitively; others
// give an unknown result rather than a guess.
TextEncoding text_encoding(std::string name, std::string& canonical) {
  static const std::vector<EncodingName> kEncodings = {
      {"UTF-8", TextEncoding::utf8, {"utf-8", "csutf8"}},
      {"UTF-16LE", TextEncoding::utf16le, {"utf-16le", "csutf16le"}},
      {"UTF-16BE", TextEncoding::utf16be, {"utf-16be", "csutf16be"}},
      {"ISO-8859-1",
       TextEncoding::latin1,
       {"iso-8859-1", "iso_8859-1", "iso_8859-1:1987", "iso-ir-100", "latin1", "l1", "ibm819",
        "cp819", "csisolatin1"}},
  };
  for (char& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  for (const EncodingName& known : kEncodings) {
    for (std::string_view alias : known.names) {
      if (alias != name) continue;
      canonical = known.canonical;
      return known.encoding;
    }
  }
  return TextEncoding::unsupported;
}

// Code points of valid UTF-8 text; nullopt when it is not valid.
std::optional<std::vector<char32_t>> code_points(std::string_view text) {
  std::vector<char32_t> points;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t length = utf8_sequence_length(text, i);
    if (length == 0) return std::nullopt;
    const auto lead = static_cast<unsigned char>(text[i]);
    char32_t point = length == 1 ? lead : lead & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k)
      point = (point << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    points.push_back(point);
    i += length;
  }
  return points;
}

void append_utf8(char32_t point, std::string& out) {
  if (point < 0x80) {
    out += static_cast<char>(point);
    return;
  }
  const int length = point < 0x800 ? 2 : point < 0x10000 ? 3 : 4;
  out += static_cast<char>(((0xF00 >> length) | (point >> (6 * (length - 1)))) & 0xFF);
  for (int k = length - 2; k >= 0; --k)
    out += static_cast<char>(0x80 | ((point >> (6 * k)) & 0x3F));
}

Value textencodebase64(FunctionCall& call) {
  const std::string text = expect_string(call, 0);
  std::string canonical;
  const TextEncoding encoding = text_encoding(expect_string(call, 1), canonical);
  if (encoding == TextEncoding::unsupported)
    return Value::unknown("text encoding not supported by the scanner", call.span);
  const auto points = code_points(text);
  if (!points || encoding == TextEncoding::utf8) return Value::string(base64_encode(text));
  std::string bytes;
  for (char32_t point : *points) {
    if (encoding == TextEncoding::latin1) {
      if (point > 0xFF)
        fail("the given string contains characters that cannot be represented in " + canonical);
      bytes += static_cast<char>(point);
      continue;
    }
    std::vector<char32_t> units = {point};
    if (point >= 0x10000)
      units = {0xD800 + ((point - 0x10000) >> 10), 0xDC00 + ((point - 0x10000) & 0x3FF)};
    for (char32_t unit : units) {
      const char high = static_cast<char>(unit >> 8), low = static_cast<char>(unit & 0xFF);
      bytes += encoding == TextEncoding::utf16le ? std::string{low, high} : std::string{high, low};
    }
  }
  return Value::string(base64_encode(bytes));
}

Value textdecodebase64(FunctionCall& call) {
  const std::string source = expect_string(call, 0);
  std::string canonical;
  const TextEncoding encoding = text_encoding(expect_string(call, 1), canonical);
  if (encoding == TextEncoding::unsupported)
    return Value::unknown("text encoding not supported by the scanner", call.span);
  std::size_t bad_offset = 0;
  const std::optional<std::string> bytes = base64_decode(source, &bad_offset);
  if (!bytes)
    fail("the given value is has an invalid base64 symbol at offset " + std::to_string(bad_offset));
  const std::string undefined =
      "the given string contains symbols that are not defined for " + canonical;
  std::string out;
  if (encoding == TextEncoding::utf8) {
    if (!is_valid_utf8(*bytes) || bytes->find("\xEF\xBF\xBD") != std::string::npos) fail(undefined);
    return Value::string(*bytes);
  }
  if (encoding == TextEncoding::latin1) {
    for (char ch : *bytes) append_utf8(static_cast<unsigned char>(ch), out);
    return Value::string(std::move(out));
  }
  if (bytes->size() % 2 != 0) fail(undefined);
  for (std::size_t i = 0; i < bytes->size(); i += 2) {
    auto unit_at = [&](std::size_t at) -> char32_t {
      const auto a = static_cast<unsigned char>((*bytes)[at]),
                 b = static_cast<unsigned char>((*bytes)[at + 1]);
      return encoding == TextEncoding::utf16le ? (b << 8 | a) : (a << 8 | b);
    };
    char32_t point = unit_at(i);
    if (point >= 0xD800 && point < 0xDC00 && i + 3 < bytes->size()) {
      const char32_t low = unit_at(i + 2);
      if (low < 0xDC00 || low >= 0xE000) fail(undefined);
      point = 0x10000 + ((point - 0xD800) << 10) + (low - 0xDC00);
      i += 2;
    } else if (point >= 0xD800 && point < 0xE000) {
      fail(undefined);  // a lone surrogate
    }
    if (point == 0xFFFD) fail(undefined);
    append_utf8(point, out);
  }
  return Value::string(std::move(out));
}

}  // namespace

std::vector<FunctionSpec> encoding_functions() {
  return {
      {"base64decode", base64decode, 1, 1, false},
      {"base64encode", base64encode, 1, 1, false},
      {"base64gzip", base64gzip, 1, 1, false},
      {"csvdecode", csvdecode, 1, 1, false},
      {"jsondecode", jsondecode, 1, 1, false},
      {"jsonencode", jsonencode, 1, 1, true},
      {"textdecodebase64", textdecodebase64, 2, 2, false},
      {"textencodebase64", textencodebase64, 2, 2, false},
      {"urlencode", urlencode, 1, 1, false},
      {"yamldecode", yamldecode, 1, 1, false},
      {"yamlencode", yamlencode, 1, 1, false},
  };
}

}  // namespace iacscan::detail::tf
