// yamlencode's text. Terraform writes YAML through a libyaml-derived emitter with its
// defaults (indent 2, width 80, Unicode allowed); the layout rules below follow that
// emitter's behaviour for the events Terraform sends it, so the output matches its quirks:
// sequences in a mapping are not indented, empty collections are written in flow style,
// keys longer than 128 bytes use the explicit "? " form, and a plain scalar at the top level
// is followed by a "..." document end marker.
#include "terraform/yaml_encoder.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <vector>

#include "terraform/value_ops.hpp"

namespace iacscan::detail::tf {

std::string decimal_number(double value) {
  std::string text = format_number(value);
  if (text.find_first_of("eE") == std::string::npos) return text;
  char buffer[512];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
  return ec == std::errc() ? std::string(buffer, end) : text;
}

namespace {

constexpr int kBestIndent = 2;
constexpr int kBestWidth = 80;

// Byte-level character classes of the emitter. `at` is always a character start.
std::size_t char_width(std::string_view s, std::size_t at) {
  const auto b = static_cast<unsigned char>(s[at]);
  std::size_t width = 1;  // also for a stray byte, so malformed text still advances
  if ((b & 0xE0) == 0xC0) width = 2;
  if ((b & 0xF0) == 0xE0) width = 3;
  if ((b & 0xF8) == 0xF0) width = 4;
  return std::min(width, s.size() - at);
}
unsigned char byte_at(std::string_view s, std::size_t at) {
  return at < s.size() ? static_cast<unsigned char>(s[at]) : 0;
}
bool is_break(std::string_view s, std::size_t at) {
  const unsigned char b = byte_at(s, at);
  return b == '\r' || b == '\n' || (b == 0xC2 && byte_at(s, at + 1) == 0x85) ||
         (b == 0xE2 && byte_at(s, at + 1) == 0x80 &&
          (byte_at(s, at + 2) == 0xA8 || byte_at(s, at + 2) == 0xA9));
}
bool is_space(std::string_view s, std::size_t at) {
  return byte_at(s, at) == ' ';
}
// The emitter's "printable": tab, C1 controls, non-characters and everything outside the
// Basic Multilingual Plane are not, and get escaped.
bool is_printable(std::string_view s, std::size_t at) {
  const unsigned char b = byte_at(s, at), next = byte_at(s, at + 1);
  return b == 0x0A || (b >= 0x20 && b <= 0x7E) || (b == 0xC2 && next >= 0xA0) ||
         (b > 0xC2 && b < 0xED) || (b == 0xED && next < 0xA0) || b == 0xEE ||
         (b == 0xEF && !(next == 0xBB && byte_at(s, at + 2) == 0xBF) &&
          !(next == 0xBF && (byte_at(s, at + 2) == 0xBE || byte_at(s, at + 2) == 0xBF)));
}

// What the emitter's scalar analysis decides for a string.
struct ScalarTraits {
  bool multiline = false;      // holds a line break
  bool block_allowed = false;  // a literal block can represent it
};

ScalarTraits analyze(std::string_view s) {
  ScalarTraits traits;
  if (s.empty()) return traits;
  bool special = false, trailing_space = false, space_break = false;
  bool previous_space = false;
  for (std::size_t i = 0; i < s.size(); i += char_width(s, i)) {
    if (!is_printable(s, i)) special = true;
    if (is_space(s, i)) {
      trailing_space = i + 1 == s.size();
      previous_space = true;
    } else if (is_break(s, i)) {
      traits.multiline = true;
      space_break = space_break || previous_space;
      previous_space = false;
    } else {
      previous_space = false;
    }
  }
  traits.block_allowed = !trailing_space && !space_break && !special;
  return traits;
}

class Emitter {
 public:
  std::string finish(const Value& root) {
    node(root, true, false, false);
    write_indent();  // document end
    if (open_ended_) {
      indicator("...", true, false, false);
      write_indent();
    }
    return std::move(out_);
  }

 private:
  void put(char ch) {
    out_ += ch;
    ++column_;
  }
  void put_break() {
    out_ += '\n';
    column_ = 0;
  }
  // Copies one character; columns count characters, not bytes.
  void write(std::string_view s, std::size_t& at) {
    const std::size_t width = char_width(s, at);
    out_.append(s.substr(at, width));
    at += width;
    ++column_;
  }
  void write_indent() {
    const int indent = std::max(indent_, 0);
    if (!indention_ || column_ > indent || (column_ == indent && !whitespace_)) put_break();
    while (column_ < indent) put(' ');
    whitespace_ = indention_ = true;
  }
  void indicator(std::string_view text, bool need_whitespace, bool is_whitespace,
                 bool is_indention) {
    if (need_whitespace && !whitespace_) put(' ');
    for (char ch : text) put(ch);
    whitespace_ = is_whitespace;
    indention_ = indention_ && is_indention;
    open_ended_ = false;
  }
  void increase_indent(bool flow, bool indentless) {
    indents_.push_back(indent_);
    if (indent_ < 0) {
      indent_ = flow ? kBestIndent : 0;
    } else if (!indentless) {
      indent_ += kBestIndent;
    }
  }
  void restore_indent() {
    indent_ = indents_.back();
    indents_.pop_back();
  }

  void node(const Value& value, bool root, bool mapping_context, bool simple_key) {
    if (value.is_list()) return sequence(value.items(), mapping_context);
    if (value.is_map()) return mapping(value.entries());
    increase_indent(true, false);
    if (value.is_string()) {
      const ScalarTraits traits = analyze(value.text());
      const bool literal =
          value.text().find('\n') != std::string::npos && traits.block_allowed && !simple_key;
      literal ? literal_scalar(value.text()) : double_quoted(value.text(), !simple_key);
    } else {
      plain(scalar_text(value), root);
    }
    restore_indent();
  }

  static std::string scalar_text(const Value& value) {
    if (value.is_bool()) return value.as_bool() ? "true" : "false";
    if (!value.is_number()) return "null";
    if (std::isinf(value.as_number())) return value.as_number() > 0 ? "+.Inf" : "-.Inf";
    return decimal_number(value.as_number());
  }

  void sequence(const Value::List& items, bool mapping_context) {
    if (items.empty()) {
      indicator("[", true, true, false);
      indicator("]", false, false, false);
      return;
    }
    increase_indent(false, mapping_context && !indention_);
    for (const Value& item : items) {
      write_indent();
      indicator("-", true, false, true);
      node(item, false, false, false);
    }
    restore_indent();
  }

  void mapping(const Value::Map& unsorted) {
    if (unsorted.empty()) {
      indicator("{", true, true, false);
      indicator("}", false, false, false);
      return;
    }
    std::vector<const Value::Entry*> entries;
    for (const Value::Entry& e : unsorted) entries.push_back(&e);
    std::stable_sort(entries.begin(), entries.end(),
                     [](const auto* a, const auto* b) { return a->key < b->key; });
    increase_indent(false, false);
    for (const Value::Entry* entry : entries) {
      write_indent();
      const Value key = Value::string(entry->key);
      if (!analyze(entry->key).multiline && entry->key.size() <= 128) {
        node(key, false, true, true);
        indicator(":", false, false, false);
      } else {
        indicator("?", true, false, true);
        node(key, false, true, false);
        write_indent();
        indicator(":", true, false, true);
      }
      node(entry->value, false, true, false);
    }
    restore_indent();
  }

  void plain(const std::string& text, bool root) {
    if (!whitespace_) put(' ');
    for (std::size_t i = 0; i < text.size();) write(text, i);
    whitespace_ = indention_ = false;
    if (root) open_ended_ = true;
  }

  void escape(std::string_view s, std::size_t& at) {
    const std::size_t width = char_width(s, at);
    const auto lead = static_cast<unsigned char>(s[at]);
    std::uint32_t code = width == 1 ? lead
                                    : lead & (width == 2   ? 0x1Fu
                                              : width == 3 ? 0x0Fu
                                                           : 0x07u);
    for (std::size_t k = 1; k < width; ++k)
      code = (code << 6) | (static_cast<unsigned char>(s[at + k]) & 0x3Fu);
    at += width;
    put('\\');
    switch (code) {
      case 0x00:
        return put('0');
      case 0x07:
        return put('a');
      case 0x08:
        return put('b');
      case 0x09:
        return put('t');
      case 0x0A:
        return put('n');
      case 0x0B:
        return put('v');
      case 0x0C:
        return put('f');
      case 0x0D:
        return put('r');
      case 0x1B:
        return put('e');
      case 0x22:
        return put('"');
      case 0x5C:
        return put('\\');
      case 0x85:
        return put('N');
      case 0xA0:
        return put('_');
      case 0x2028:
        return put('L');
      case 0x2029:
        return put('P');
      default:
        break;
    }
    const int digits = code <= 0xFF ? 2 : code <= 0xFFFF ? 4 : 8;
    put(digits == 2 ? 'x' : digits == 4 ? 'u' : 'U');
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4)
      put("0123456789ABCDEF"[(code >> shift) & 0xF]);
  }

  void double_quoted(std::string_view s, bool allow_breaks) {
    indicator("\"", true, false, false);
    bool spaces = false;
    for (std::size_t i = 0; i < s.size();) {
      const bool bom =
          byte_at(s, i) == 0xEF && byte_at(s, i + 1) == 0xBB && byte_at(s, i + 2) == 0xBF;
      if (!is_printable(s, i) || bom || is_break(s, i) || s[i] == '"' || s[i] == '\\') {
        escape(s, i);
        spaces = false;
      } else if (is_space(s, i)) {
        // Folding: past the width, a space becomes a line break (read back as a space);
        // a following space is escaped so the reader does not trim it.
        if (allow_breaks && !spaces && column_ > kBestWidth && i > 0 && i + 1 < s.size()) {
          write_indent();
          if (is_space(s, i + 1)) put('\\');
          ++i;
        } else {
          write(s, i);
        }
        spaces = true;
      } else {
        write(s, i);
        spaces = false;
      }
    }
    indicator("\"", false, false, false);
    whitespace_ = indention_ = false;
  }

  void literal_scalar(std::string_view s) {
    indicator("|", true, false, false);
    // An indentation indicator when the text starts with a space or a break, then the
    // chomping indicator: "-" without a final break, "+" with more than one.
    if (is_space(s, 0) || is_break(s, 0)) indicator("2", false, false, false);  // kBestIndent
    std::size_t last = s.size() - 1;
    while (last > 0 && (byte_at(s, last) & 0xC0) == 0x80) --last;
    if (!is_break(s, last)) {
      indicator("-", false, false, false);
    } else {
      std::size_t before = last;
      if (before > 0) --before;
      while (before > 0 && (byte_at(s, before) & 0xC0) == 0x80) --before;
      if (last == 0 || is_break(s, before)) indicator("+", false, false, false);
    }
    put_break();
    indention_ = whitespace_ = true;
    bool breaks = true;
    for (std::size_t i = 0; i < s.size();) {
      if (is_break(s, i)) {
        if (s[i] == '\n') {
          put_break();
          ++i;
        } else {
          write(s, i);
          column_ = 0;
        }
        indention_ = breaks = true;
      } else {
        if (breaks) write_indent();
        write(s, i);
        indention_ = breaks = false;
      }
    }
  }

  std::string out_;
  int column_ = 0;
  int indent_ = -1;
  std::vector<int> indents_;
  bool whitespace_ = true;
  bool indention_ = true;
  bool open_ended_ = false;
};

}  // namespace

std::string encode_yaml(const Value& value) {
  return Emitter().finish(value);
}

}  // namespace iacscan::detail::tf
