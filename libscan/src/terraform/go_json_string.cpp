#include "terraform/go_json_string.hpp"

#include "value/json_reader.hpp"

namespace iacscan::detail::tf {

void append_go_json_string(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  for (std::size_t i = 0; i < text.size();) {
    const auto ch = static_cast<unsigned char>(text[i]);
    if (ch >= 0x80) {
      const std::size_t length = utf8_sequence_length(text, i);
      if (length == 0) {
        out += "\\ufffd";
        ++i;
      } else {
        const std::string_view sequence = text.substr(i, length);
        if (sequence == "\xE2\x80\xA8" || sequence == "\xE2\x80\xA9")
          out += sequence == "\xE2\x80\xA8" ? "\\u2028" : "\\u2029";
        else
          out += sequence;
        i += length;
      }
      continue;
    }
    ++i;
    switch (ch) {
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
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (ch < 0x20 || ch == '<' || ch == '>' || ch == '&') {
          out += "\\u00";
          out += kHex[ch >> 4];
          out += kHex[ch & 0xF];
        } else {
          out += static_cast<char>(ch);
        }
    }
  }
  out += '"';
}

}  // namespace iacscan::detail::tf
