#include "global_condition_keys.hpp"

#include <cctype>
#include <cstddef>
#include <map>
#include <utility>

#include "model.hpp"

namespace iam_table_gen {
namespace {

// Just enough of JavaScript for `<name> = [ { key: 'aws:X', type: 'String', ... }, ... ]`.
class JsLiteralReader {
 public:
  struct Token {
    enum class Kind { punctuation, string, word, end } kind;
    std::string text;
  };

  JsLiteralReader(std::string_view text, std::size_t position) : text_(text), pos_(position) {}

  Token next() {
    skip_space_and_comments();
    if (pos_ >= text_.size()) return {Token::Kind::end, ""};
    const char c = text_[pos_];
    if (c == '\'' || c == '"') return read_string(c);
    if (c == '`') fail("template literal");
    if (is_word_char(c)) {
      const std::size_t start = pos_;
      while (pos_ < text_.size() && is_word_char(text_[pos_])) ++pos_;
      return {Token::Kind::word, std::string(text_.substr(start, pos_ - start))};
    }
    ++pos_;
    return {Token::Kind::punctuation, std::string(1, c)};
  }

  [[noreturn]] void fail(std::string_view what) const {
    throw GenerationError("globalConditionKeys.js: unexpected " + std::string(what) +
                          " at offset " + std::to_string(pos_));
  }

 private:
  static bool is_word_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '$' || c == '.' ||
           c == '-' || c == '+';
  }

  void skip_space_and_comments() {
    while (pos_ < text_.size()) {
      if (std::isspace(static_cast<unsigned char>(text_[pos_])) != 0) {
        ++pos_;
      } else if (text_.substr(pos_, 2) == "//") {
        pos_ = text_.find('\n', pos_);
        if (pos_ == std::string_view::npos) pos_ = text_.size();
      } else if (text_.substr(pos_, 2) == "/*") {
        const std::size_t end = text_.find("*/", pos_ + 2);
        if (end == std::string_view::npos) fail("unterminated comment");
        pos_ = end + 2;
      } else {
        return;
      }
    }
  }

  Token read_string(char quote) {
    std::string value;
    ++pos_;
    while (pos_ < text_.size() && text_[pos_] != quote) {
      char c = text_[pos_++];
      if (c == '\\') {
        if (pos_ >= text_.size()) break;
        c = text_[pos_++];
        if (c == 'n') c = '\n';
        if (c == 'u' || c == 'x') fail("escape sequence");
      }
      value.push_back(c);
    }
    if (pos_ >= text_.size()) fail("unterminated string");
    ++pos_;
    return {Token::Kind::string, std::move(value)};
  }

  std::string_view text_;
  std::size_t pos_;
};

// The position just after `globalConditionKeys = [`.
std::size_t find_global_key_array(std::string_view text) {
  constexpr std::string_view name = "globalConditionKeys";
  for (std::size_t at = text.find(name); at != std::string_view::npos;
       at = text.find(name, at + 1)) {
    std::size_t pos = at + name.size();
    auto skip_space = [&] {
      while (pos < text.size() && std::isspace(static_cast<unsigned char>(text[pos])) != 0) ++pos;
    };
    skip_space();
    if (pos >= text.size() || text[pos] != '=' || text.substr(pos, 2) == "==") continue;
    ++pos;
    skip_space();
    if (pos < text.size() && text[pos] == '[') return pos + 1;
  }
  throw GenerationError("globalConditionKeys.js: no `globalConditionKeys = [` array found");
}

// AWS writes a global key's variable part as "tag-key" (aws:PrincipalTag/tag-key); service
// keys write it "${TagKey}", and one template syntax is what the catalog matches.
std::string template_global_key(const std::string& key) {
  const std::size_t slash = key.find('/');
  if (slash == std::string::npos || key.find("${") != std::string::npos) return key;
  const std::string variable = key.substr(slash + 1);
  return key.substr(0, slash + 1) + "${" + (variable == "tag-key" ? "TagKey" : variable) + "}";
}

}  // namespace

std::vector<WrittenConditionKey> parse_global_condition_keys(std::string_view js_text) {
  JsLiteralReader reader(js_text, find_global_key_array(js_text));
  using Kind = JsLiteralReader::Token::Kind;
  std::vector<WrittenConditionKey> keys;
  for (;;) {
    auto token = reader.next();
    if (token.kind == Kind::punctuation && token.text == "]") break;
    if (token.kind == Kind::punctuation && token.text == ",") continue;
    if (token.kind != Kind::punctuation || token.text != "{") reader.fail("token " + token.text);
    std::map<std::string, std::string> fields;
    for (;;) {
      auto name = reader.next();
      if (name.kind == Kind::punctuation && name.text == "}") break;
      if (name.kind == Kind::punctuation && name.text == ",") continue;
      if (name.kind != Kind::word && name.kind != Kind::string) reader.fail("token " + name.text);
      if (auto colon = reader.next(); colon.kind != Kind::punctuation || colon.text != ":") {
        reader.fail("token " + colon.text);
      }
      auto value = reader.next();
      if (value.kind != Kind::word && value.kind != Kind::string) {
        reader.fail("value for " + name.text);
      }
      fields[name.text] = value.text;
    }
    if (!fields.contains("key") || !fields.contains("type")) reader.fail("object without key/type");
    keys.push_back({template_global_key(fields["key"]), fields["type"]});
  }
  // AWS documents about sixty; far fewer means the file changed shape under us.
  if (keys.size() < 30) throw GenerationError("globalConditionKeys.js: too few keys found");
  return keys;
}

}  // namespace iam_table_gen
