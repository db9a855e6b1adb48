#include "roff.hpp"

#include <cstdio>

namespace iacscan::cli::roff {
namespace {

// The code point of the UTF-8 sequence at text[i], advancing i past it; U+FFFD when malformed.
char32_t next_code_point(std::string_view text, std::size_t& i) {
  const auto byte = [&](std::size_t at) { return static_cast<unsigned char>(text[at]); };
  const unsigned char lead = byte(i);
  const std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
  if (length == 1 || i + length > text.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t point = lead & (0x3F >> (length - 1));
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    point = (point << 6) | (byte(i + k) & 0x3F);
  }
  i += length;
  return point;
}

// Appends text[i] (and the rest of its UTF-8 sequence) escaped; advances i.
void append_escaped(std::string_view text, std::size_t& i, bool minus, std::string& out) {
  const char c = text[i];
  if (static_cast<unsigned char>(c) >= 0x80) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "\\[u%04X]",
                  static_cast<unsigned>(next_code_point(text, i)));
    out += buffer;
    return;
  }
  ++i;
  if (c == '\\') {
    out += "\\e";
  } else if (c == '-' && minus) {
    out += "\\-";
  } else {
    out += c;
  }
}

bool starts_word(char c) {
  return c == ' ' || c == '\t' || c == '\n';
}
bool opens_word(char c) {
  return c == '(' || c == '[' || c == '"' || c == '\'';
}

}  // namespace

std::string code(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) append_escaped(text, i, true, out);
  return out;
}

std::string prose(std::string_view text) {
  std::string out;
  bool option_word = false;  // inside a word that began with '-'
  bool at_word_start = true;
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (c == '`') {
      const std::size_t close = text.find('`', i + 1);
      if (close != std::string_view::npos) {
        out += "\\fB" + code(text.substr(i + 1, close - i - 1)) + "\\fR";
        i = close + 1;
        at_word_start = false;
        continue;
      }
    }
    if (starts_word(c)) {
      option_word = false;
      at_word_start = true;
    } else if (at_word_start && !opens_word(c)) {
      option_word = c == '-';
      at_word_start = false;
    }
    append_escaped(text, i, option_word, out);
  }
  return out;
}

std::string macro_argument(std::string_view escaped) {
  std::string out = "\"";
  for (const char c : escaped) out += c == '"' ? std::string("\\(dq") : std::string(1, c);
  return out + "\"";
}

std::string text_lines(std::string_view escaped) {
  std::string out;
  std::size_t start = 0;
  while (start <= escaped.size()) {
    std::size_t end = escaped.find('\n', start);
    if (end == std::string_view::npos) end = escaped.size();
    const std::string_view line = escaped.substr(start, end - start);
    if (!line.empty()) {
      if (line.front() == '.' || line.front() == '\'') out += "\\&";
      out += line;
      out += '\n';
    }
    start = end + 1;
  }
  return out;
}

}  // namespace iacscan::cli::roff
