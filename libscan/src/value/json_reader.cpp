// A strict RFC 8259 JSON reader that records where every value and key was written.
// We wrote our own because the JSON libraries at hand (nlohmann_json included) report no source
// positions, and findings in JSON templates and policies must point at the offending line.
#include "value/json_reader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <string_view>
#include <system_error>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace iacscan::detail {
namespace {

// Thrown inside the parser and turned into a ReadResult at its single entry point.
struct JsonFailure {
  ReadError error;
};

// A position in the text: byte offset plus its 1-based line and column.
struct Point {
  std::size_t offset = 0;
  std::uint32_t line = 1;
  std::uint32_t column = 1;
};

bool is_digit(char c) noexcept {
  return c >= '0' && c <= '9';
}

int hex_digit_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string hex_byte(unsigned char c) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  return std::string{"0x"} + kHex[c >> 4] + kHex[c & 0xF];
}

// Converts the validated number text; from_chars is locale-independent, unlike strtod.
double number_from_text(std::string_view text) {
  double value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec == std::errc::result_out_of_range) {
    // Too large or too small for a double: keep the sign, pick infinity or zero by exponent.
    const bool negative = text.front() == '-';
    const auto e = text.find_first_of("eE");
    const bool tiny = e != std::string_view::npos && e + 1 < text.size() && text[e + 1] == '-';
    const double magnitude = tiny ? 0.0 : std::numeric_limits<double>::infinity();
    return negative ? -magnitude : magnitude;
  }
  return value;
}

class JsonParser {
 public:
  JsonParser(std::string_view text, FileId file, const ReadLimits& limits)
      : text_(text), file_(file), limits_(limits) {}

  ReadResult parse() {
    try {
      skip_bom();
      skip_whitespace();
      if (at_end()) fail("empty input: expected a JSON value");
      Value root = parse_value(0);
      skip_whitespace();
      if (!at_end()) fail("unexpected content after the top-level value");
      return ReadResult{std::move(root), std::nullopt, std::move(warnings_)};
    } catch (const JsonFailure& failure) {
      return ReadResult::failed(failure.error);
    }
  }

 private:
  bool at_end() const noexcept { return pos_ >= text_.size(); }
  char peek() const noexcept { return at_end() ? '\0' : text_[pos_]; }
  Point here() const noexcept { return point_at(pos_); }
  Point point_at(std::size_t offset) const noexcept {
    return Point{offset, line_, static_cast<std::uint32_t>(offset - line_start_ + 1)};
  }

  [[noreturn]] void fail(std::string message) const { fail_at(here(), std::move(message)); }
  [[noreturn]] void fail_at(Point where, std::string message) const {
    throw JsonFailure{ReadError{std::move(message), where.line, where.column}};
  }

  // Truncated files are common enough to say so rather than just what was expected.
  [[noreturn]] void fail_expected(const std::string& what) const {
    if (at_end()) fail("unexpected end of input: expected " + what);
    fail("expected " + what);
  }

  // Names what we found where something else was expected.
  [[noreturn]] void fail_unexpected() const {
    if (at_end()) fail("unexpected end of input");
    const auto c = static_cast<unsigned char>(peek());
    if (c == '/') fail("unexpected character '/' (comments are not allowed in JSON)");
    if (c >= 0x20 && c < 0x7F) fail(std::string{"unexpected character '"} + peek() + "'");
    fail("unexpected byte " + hex_byte(c));
  }

  // The span from `start` to the byte before the current position (on the current line).
  Span span_from(Point start) const {
    const Point end = point_at(pos_ - 1);
    return Span{file_, Range{start.line, start.column, end.line, end.column}};
  }

  void skip_bom() {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;  // columns still count the BOM bytes
  }

  void skip_whitespace() {
    while (!at_end()) {
      const char c = text_[pos_];
      if (c == '\n') {
        ++pos_;
        ++line_;
        line_start_ = pos_;
      } else if (c == ' ' || c == '\t' || c == '\r') {
        ++pos_;
      } else {
        return;
      }
    }
  }

  Value parse_value(std::uint32_t depth) {
    switch (peek()) {
      case '{':
        return parse_object(depth + 1);
      case '[':
        return parse_array(depth + 1);
      case '"':
        return parse_string_value();
      case 't':
      case 'f':
      case 'n':
        return parse_literal();
      default:
        if (peek() == '-' || is_digit(peek())) return parse_number();
        fail_unexpected();
    }
  }

  void check_depth(std::uint32_t depth) const {
    if (depth > limits_.max_depth) {
      fail("nesting deeper than " + std::to_string(limits_.max_depth) + " levels");
    }
  }

  Value parse_object(std::uint32_t depth) {
    check_depth(depth);
    const Point start = here();
    ++pos_;  // '{'
    skip_whitespace();
    Value::Map entries;
    if (peek() == '}') {
      ++pos_;
      return Value::map(std::move(entries), span_from(start));
    }
    while (true) {
      if (peek() != '"') {
        if (peek() == '}' && !entries.empty()) fail("trailing comma before '}'");
        fail("expected '\"' to start an object key");
      }
      const Point key_start = here();
      std::string key = parse_string();
      const Span key_span = span_from(key_start);
      skip_whitespace();
      if (peek() != ':') fail("expected ':' after object key");
      ++pos_;
      skip_whitespace();
      Value value = parse_value(depth);
      entries.push_back(Value::Entry{std::move(key), key_span, std::move(value)});
      skip_whitespace();
      if (peek() == ',') {
        ++pos_;
        skip_whitespace();
        continue;
      }
      if (peek() == '}') break;
      fail_expected("',' or '}' after object member");
    }
    ++pos_;  // '}'
    drop_shadowed_keys(entries, warnings_);
    return Value::map(std::move(entries), span_from(start));
  }

  Value parse_array(std::uint32_t depth) {
    check_depth(depth);
    const Point start = here();
    ++pos_;  // '['
    skip_whitespace();
    Value::List items;
    if (peek() == ']') {
      ++pos_;
      return Value::list(std::move(items), span_from(start));
    }
    while (true) {
      if (peek() == ']' && !items.empty()) fail("trailing comma before ']'");
      items.push_back(parse_value(depth));
      skip_whitespace();
      if (peek() == ',') {
        ++pos_;
        skip_whitespace();
        continue;
      }
      if (peek() == ']') break;
      fail_expected("',' or ']' after array element");
    }
    ++pos_;  // ']'
    return Value::list(std::move(items), span_from(start));
  }

  Value parse_string_value() {
    const Point start = here();
    std::string text = parse_string();
    return Value::string(std::move(text), span_from(start));
  }

  // Reads a string token starting at its opening quote and returns the decoded text.
  std::string parse_string() {
    const Point open = here();
    ++pos_;  // '"'
    std::string out;
    while (true) {
      const std::size_t run_start = pos_;
      while (!at_end()) {
        const auto c = static_cast<unsigned char>(text_[pos_]);
        if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) break;
        ++pos_;
      }
      out.append(text_.substr(run_start, pos_ - run_start));
      if (at_end()) fail_at(open, "unterminated string");
      const auto c = static_cast<unsigned char>(text_[pos_]);
      if (c == '"') {
        ++pos_;
        return out;
      }
      if (c == '\\') {
        parse_escape(out);
      } else if (c < 0x20) {
        fail("control character " + hex_byte(c) + " in string (it must be escaped)");
      } else {
        const std::size_t length = utf8_sequence_length(text_, pos_);
        if (length == 0) fail("invalid UTF-8 in string");
        out.append(text_.substr(pos_, length));
        pos_ += length;
      }
    }
  }

  void parse_escape(std::string& out) {
    const Point backslash = here();
    ++pos_;
    if (at_end()) fail_at(backslash, "unterminated string");
    const char c = text_[pos_++];
    switch (c) {
      case '"':
      case '\\':
      case '/':
        out.push_back(c);
        return;
      case 'b':
        out.push_back('\b');
        return;
      case 'f':
        out.push_back('\f');
        return;
      case 'n':
        out.push_back('\n');
        return;
      case 'r':
        out.push_back('\r');
        return;
      case 't':
        out.push_back('\t');
        return;
      case 'u':
        append_utf8(out, parse_unicode_escape(backslash));
        return;
      default:
        fail_at(backslash, std::string{"invalid escape '\\"} + c + "' in string");
    }
  }

  // After "\u": four hex digits, combining a UTF-16 surrogate pair into one code point.
  std::uint32_t parse_unicode_escape(Point backslash) {
    const std::uint32_t first = parse_hex4(backslash);
    if (first >= 0xDC00 && first <= 0xDFFF) {
      fail_at(backslash, "unpaired low surrogate in \\u escape");
    }
    if (first < 0xD800 || first > 0xDBFF) return first;
    if (text_.substr(pos_, 2) != "\\u") {
      fail_at(backslash, "high surrogate in \\u escape is not followed by a low surrogate");
    }
    pos_ += 2;
    const std::uint32_t second = parse_hex4(backslash);
    if (second < 0xDC00 || second > 0xDFFF) {
      fail_at(backslash, "high surrogate in \\u escape is not followed by a low surrogate");
    }
    return 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
  }

  std::uint32_t parse_hex4(Point backslash) {
    std::uint32_t value = 0;
    for (int i = 0; i < 4; ++i) {
      const int digit = at_end() ? -1 : hex_digit_value(text_[pos_]);
      if (digit < 0) fail_at(backslash, "invalid \\u escape: expected four hex digits");
      value = value * 16 + static_cast<std::uint32_t>(digit);
      ++pos_;
    }
    return value;
  }

  void expect_digits(const char* what) {
    if (!is_digit(peek())) fail(std::string{"expected a digit "} + what + " in number");
    while (is_digit(peek())) ++pos_;
  }

  Value parse_number() {
    const Point start = here();
    if (peek() == '-') ++pos_;
    if (peek() == '0') {
      ++pos_;
      if (is_digit(peek())) fail("leading zeros are not allowed in numbers");
    } else {
      expect_digits(start.offset == pos_ ? "at the start" : "after '-'");
    }
    if (peek() == '.') {
      ++pos_;
      expect_digits("after '.'");
    }
    if (peek() == 'e' || peek() == 'E') {
      ++pos_;
      if (peek() == '+' || peek() == '-') ++pos_;
      expect_digits("in the exponent");
    }
    const std::string_view text = text_.substr(start.offset, pos_ - start.offset);
    return Value::number(number_from_text(text), std::string{text}, span_from(start));
  }

  Value parse_literal() {
    const Point start = here();
    const std::string_view rest = text_.substr(pos_);
    for (std::string_view word : {"true", "false", "null"}) {
      if (rest.substr(0, word.size()) != word) continue;
      pos_ += word.size();
      if (word == "null") return Value::null(span_from(start));
      return Value::boolean(word == "true", span_from(start));
    }
    fail("invalid literal (expected true, false or null)");
  }

  std::string_view text_;
  FileId file_;
  ReadLimits limits_;
  std::vector<ReadError> warnings_;
  std::size_t pos_ = 0;
  std::uint32_t line_ = 1;
  std::size_t line_start_ = 0;  // offset of the first byte of the current line
};

// Marks entries whose key appears again later. Small maps (the common case) compare pairwise
// to avoid a hash set allocation per map.
std::vector<bool> find_shadowed_keys(const Value::Map& entries) {
  std::vector<bool> shadowed(entries.size(), false);
  if (entries.size() <= 8) {
    for (std::size_t i = 0; i < entries.size(); ++i) {
      for (std::size_t j = i + 1; j < entries.size() && !shadowed[i]; ++j) {
        shadowed[i] = entries[i].key == entries[j].key;
      }
    }
    return shadowed;
  }
  // Walk backwards: the first time we meet a key it is the last occurrence, which wins.
  std::unordered_set<std::string_view> seen;
  seen.reserve(entries.size());
  for (std::size_t i = entries.size(); i-- > 0;) {
    shadowed[i] = !seen.insert(entries[i].key).second;
  }
  return shadowed;
}

}  // namespace

ReadResult read_json(std::string_view text, FileId file, const ReadLimits& limits) {
  return JsonParser(text, file, limits).parse();
}

// Enough to show the problem without letting a hostile file flood the report.
constexpr std::size_t kMaxDuplicateWarnings = 20;

void drop_shadowed_keys(Value::Map& entries, std::vector<ReadError>& warnings) {
  if (entries.size() < 2) return;
  const std::vector<bool> shadowed = find_shadowed_keys(entries);
  if (std::find(shadowed.begin(), shadowed.end(), true) == shadowed.end()) return;
  // Report each shadowed key at its next occurrence; walking backwards finds that in one pass.
  std::unordered_map<std::string_view, std::size_t> next_occurrence;
  std::vector<ReadError> found;
  for (std::size_t i = entries.size(); i-- > 0;) {
    auto [it, first] = next_occurrence.try_emplace(entries[i].key, i);
    if (!first) {
      const Range& at = entries[it->second].key_span.range;
      if (found.size() < kMaxDuplicateWarnings) {
        found.push_back(ReadError{"duplicate key \"" + entries[i].key + "\": the value at line " +
                                      std::to_string(entries[i].key_span.range.start_line) +
                                      " is ignored",
                                  at.start_line, at.start_column});
      }
      it->second = i;
    }
  }
  warnings.insert(warnings.end(), found.rbegin(), found.rend());
  std::size_t kept = 0;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (shadowed[i]) continue;
    if (kept != i) entries[kept] = std::move(entries[i]);
    ++kept;
  }
  entries.resize(kept);
}

bool is_valid_utf8(std::string_view text) noexcept {
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t length = utf8_sequence_length(text, pos);
    if (length == 0) return false;
    pos += length;
  }
  return true;
}

std::size_t utf8_sequence_length(std::string_view text, std::size_t pos) noexcept {
  const auto byte = [&](std::size_t i) -> unsigned {
    return pos + i < text.size() ? static_cast<unsigned char>(text[pos + i]) : 0U;
  };
  const auto continuation = [&](std::size_t i) { return (byte(i) & 0xC0) == 0x80; };
  const unsigned lead = byte(0);
  if (pos >= text.size()) return 0;
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return continuation(1) ? 2 : 0;
  if (lead >= 0xE0 && lead <= 0xEF) {
    // E0 needs A0..BF next (no overlongs); ED needs 80..9F next (no surrogates).
    const unsigned second = byte(1);
    if (lead == 0xE0 && second < 0xA0) return 0;
    if (lead == 0xED && second > 0x9F) return 0;
    return continuation(1) && continuation(2) ? 3 : 0;
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    // F0 needs 90..BF next (no overlongs); F4 needs 80..8F next (at most U+10FFFF).
    const unsigned second = byte(1);
    if (lead == 0xF0 && second < 0x90) return 0;
    if (lead == 0xF4 && second > 0x8F) return 0;
    return continuation(1) && continuation(2) && continuation(3) ? 4 : 0;
  }
  return 0;
}

}  // namespace iacscan::detail
