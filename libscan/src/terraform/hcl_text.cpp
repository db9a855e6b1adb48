// String escapes, heredoc indentation, UTF-8 validation and message excerpts for HCL.
#include "terraform/hcl_text.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>

namespace iacscan::detail::hcl {
namespace {

void append_utf8(std::string& out, std::uint32_t cp) {
  // Surrogates and values past Unicode are not characters; HCL rejects them, we keep the
  // string usable and visibly damaged.
  if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = 0xFFFD;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

int hex_digit(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Reads `digits` hex digits at text[pos]; false if they are not all there.
bool read_hex(std::string_view text, std::size_t pos, std::size_t digits, std::uint32_t& cp) {
  if (pos + digits > text.size()) return false;
  cp = 0;
  for (std::size_t i = 0; i < digits; ++i) {
    int d = hex_digit(text[pos + i]);
    if (d < 0) return false;
    cp = cp * 16 + static_cast<std::uint32_t>(d);
  }
  return true;
}

// If text[i] starts "$${" or "%%{", appends the unescaped "${"/"%{" and advances i.
bool take_template_escape(std::string_view text, std::size_t& i, std::string& out) {
  char c = text[i];
  if ((c == '$' || c == '%') && i + 2 < text.size() && text[i + 1] == c && text[i + 2] == '{') {
    out += c;
    out += '{';
    i += 3;
    return true;
  }
  return false;
}

// Length of the backslash escape at body[i] (body[i] == '\\'), appending its value;
// 0 when it is not a known escape.
std::size_t take_backslash_escape(std::string_view body, std::size_t i, std::string& out) {
  if (i + 1 >= body.size()) return 0;
  switch (body[i + 1]) {
    case 'n':
      out += '\n';
      return 2;
    case 'r':
      out += '\r';
      return 2;
    case 't':
      out += '\t';
      return 2;
    case '"':
      out += '"';
      return 2;
    case '\\':
      out += '\\';
      return 2;
    case 'u':
    case 'U': {
      std::size_t digits = body[i + 1] == 'u' ? 4 : 8;
      std::uint32_t cp = 0;
      if (!read_hex(body, i + 2, digits, cp)) return 0;
      append_utf8(out, cp);
      return 2 + digits;
    }
    default:
      return 0;
  }
}

bool is_space(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

// Leading whitespace of a line, or max() for a blank line, which HCL leaves out of the
// common indentation (and leaves untouched).
std::size_t indentation(std::string_view line) noexcept {
  std::size_t n = 0;
  while (n < line.size() && is_space(line[n])) ++n;
  if (n == line.size() || line[n] == '\n') return std::numeric_limits<std::size_t>::max();
  return n;
}

// Calls f(line) for each line of `text`, newline included.
template <class F>
void for_each_line(std::string_view text, F&& f) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    std::size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
    f(text.substr(pos, end - pos));
    pos = end;
  }
}

void append_unescaped_heredoc(std::string_view text, std::string& out) {
  for (std::size_t i = 0; i < text.size();) {
    if (!take_template_escape(text, i, out)) out += text[i++];
  }
}

// Length of the UTF-8 sequence starting at text[i], 0 if invalid there.
std::size_t utf8_length(std::string_view text, std::size_t i) noexcept {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char b = byte(i);
  std::size_t len;
  std::uint32_t min_cp;
  std::uint32_t cp;
  if (b < 0x80) return b == 0 ? 0 : 1;
  if ((b & 0xE0) == 0xC0) {
    len = 2, min_cp = 0x80, cp = b & 0x1Fu;
  } else if ((b & 0xF0) == 0xE0) {
    len = 3, min_cp = 0x800, cp = b & 0x0Fu;
  } else if ((b & 0xF8) == 0xF0) {
    len = 4, min_cp = 0x10000, cp = b & 0x07u;
  } else {
    return 0;
  }
  if (i + len > text.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3Fu);
  }
  // Overlong forms, surrogates and values past U+10FFFF are invalid UTF-8.
  if (cp < min_cp || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

}  // namespace

std::string decode_quoted(std::string_view body) {
  std::string out;
  out.reserve(body.size());
  for (std::size_t i = 0; i < body.size();) {
    if (body[i] == '\\') {
      std::size_t used = take_backslash_escape(body, i, out);
      if (used == 0) {
        // HCL rejects unknown escapes; keeping them visible is more useful than dropping.
        out += body[i++];
        if (i < body.size()) out += body[i++];
      }
      i += used;
      continue;
    }
    if (!take_template_escape(body, i, out)) out += body[i++];
  }
  return out;
}

std::string decode_heredoc(std::string_view lines, bool flush) {
  std::string out;
  out.reserve(lines.size());
  if (!flush) {
    append_unescaped_heredoc(lines, out);
    return out;
  }
  std::size_t strip = std::numeric_limits<std::size_t>::max();
  for_each_line(lines, [&](std::string_view line) { strip = std::min(strip, indentation(line)); });
  for_each_line(lines, [&](std::string_view line) {
    // Blank lines were not counted, so they may be shorter than `strip`: keep them as is.
    if (indentation(line) != std::numeric_limits<std::size_t>::max()) line.remove_prefix(strip);
    append_unescaped_heredoc(line, out);
  });
  return out;
}

bool is_text(std::string_view text) noexcept {
  for (std::size_t i = 0; i < text.size();) {
    // Fast path: most .tf bytes are ASCII.
    if (static_cast<unsigned char>(text[i]) < 0x80 && text[i] != '\0') {
      ++i;
      continue;
    }
    std::size_t len = utf8_length(text, i);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

Span make_span(std::string_view source, FileId file, const TextRange& range) noexcept {
  Span span;
  span.file = file;
  Range& r = span.range;
  r.start_line = range.start_row + 1;
  r.start_column = range.start_column + 1;
  if (range.end_byte <= range.begin_byte) {
    r.end_line = r.start_line;
    r.end_column = r.start_column;
  } else if (range.end_column > 0) {
    // Exclusive 0-based end == inclusive 1-based column of the last byte.
    r.end_line = range.end_row + 1;
    r.end_column = range.end_column;
  } else {
    // Non-empty and ending at column 0: the last byte is a newline on row end_row - 1.
    std::size_t last = range.end_byte - 1;
    std::size_t line_start = 0;
    if (last > 0) {
      std::size_t newline = source.rfind('\n', last - 1);
      if (newline != std::string_view::npos) line_start = newline + 1;
    }
    r.end_line = range.end_row;
    r.end_column = static_cast<std::uint32_t>(last - line_start + 1);
  }
  return span;
}

std::string excerpt(std::string_view text, std::size_t max_bytes) {
  std::string out;
  out.reserve(std::min(text.size(), max_bytes + 3));
  bool pending_space = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    // Cut only before a lead byte, never inside a multi-byte character.
    bool lead = (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    if (lead && out.size() >= max_bytes) {
      if (out.back() == ' ') out.pop_back();
      out += "...";
      return out;
    }
    out += c;
  }
  return out;
}

}  // namespace iacscan::detail::hcl
