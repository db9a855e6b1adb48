// String functions. Terraform counts characters, not bytes, so offsets, lengths and
// reversal walk UTF-8 code points (Terraform uses grapheme clusters; the difference only
// shows with combining marks). Case mapping covers ASCII, Latin-1, Latin Extended-A, Greek
// and Cyrillic, which is what configuration text uses in practice.
#include <algorithm>
#include <cctype>
#include <string>

#include <re2/re2.h>

#include "terraform/function_groups.hpp"
#include "terraform/function_support.hpp"

namespace iacscan::detail::tf {
namespace {

char32_t decode(std::string_view character) {
  const auto byte = [&](std::size_t i) { return static_cast<char32_t>(character[i]) & 0xFF; };
  switch (character.size()) {
    case 2:
      return ((byte(0) & 0x1F) << 6) | (byte(1) & 0x3F);
    case 3:
      return ((byte(0) & 0x0F) << 12) | ((byte(1) & 0x3F) << 6) | (byte(2) & 0x3F);
    case 4:
      return ((byte(0) & 0x07) << 18) | ((byte(1) & 0x3F) << 12) | ((byte(2) & 0x3F) << 6) |
             (byte(3) & 0x3F);
    default:  // a stray byte (not UTF-8) reads as the replacement character
      return byte(0) < 0x80 ? byte(0) : 0xFFFD;
  }
}

void append_utf8(std::string& out, char32_t c) {
  const auto put = [&](char32_t bits) { out += static_cast<char>(bits); };
  if (c < 0x80) {
    put(c);
  } else if (c < 0x800) {
    put(0xC0 | (c >> 6));
    put(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    put(0xE0 | (c >> 12));
    put(0x80 | ((c >> 6) & 0x3F));
    put(0x80 | (c & 0x3F));
  } else {
    put(0xF0 | (c >> 18));
    put(0x80 | ((c >> 12) & 0x3F));
    put(0x80 | ((c >> 6) & 0x3F));
    put(0x80 | (c & 0x3F));
  }
}

// Latin Extended-A pairs upper/lower on adjacent code points; which one is upper depends
// on the block's parity.
bool in_pair_range(char32_t c, bool& upper) {
  const bool even_upper = (c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177);
  const bool odd_upper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
  if (!even_upper && !odd_upper) return false;
  upper = (c % 2 == 0) == even_upper;
  return true;
}

char32_t to_lower(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c < 0x80) return c;
  if ((c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) ||
      (c >= 0x410 && c <= 0x42F))
    return c + 32;
  if (c >= 0x400 && c <= 0x40F) return c + 80;
  if (c == 0x386) return 0x3AC;
  if (c >= 0x388 && c <= 0x38A) return c + 37;
  if (c == 0x38C) return 0x3CC;
  if (c == 0x38E || c == 0x38F) return c + 63;
  if (c == 0x130) return 'i';
  if (c == 0x178) return 0xFF;
  bool upper = false;
  if (in_pair_range(c, upper) && upper) return c + 1;
  return c;
}

char32_t to_upper(char32_t c) {
  if (c >= 'a' && c <= 'z') return c - 32;
  if (c < 0x80) return c;
  if ((c >= 0xE0 && c <= 0xFE && c != 0xF7) || (c >= 0x3B1 && c <= 0x3C9 && c != 0x3C2) ||
      (c >= 0x430 && c <= 0x44F))
    return c - 32;
  if (c >= 0x450 && c <= 0x45F) return c - 80;
  if (c == 0x3C2) return 0x3A3;
  if (c == 0x3AC) return 0x386;
  if (c >= 0x3AD && c <= 0x3AF) return c - 37;
  if (c == 0x3CC) return 0x38C;
  if (c == 0x3CD || c == 0x3CE) return c - 63;
  if (c == 0xFF) return 0x178;
  if (c == 0x131) return 'I';
  if (c == 0x17F) return 'S';
  bool upper = false;
  if (in_pair_range(c, upper) && !upper) return c - 1;
  return c;
}

bool is_space(char32_t c) {
  return (c >= 0x09 && c <= 0x0D) || c == ' ' || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
         c == 0x3000;
}

// Word boundaries for title(): Go's strings.Title treats ASCII other than letters, digits
// and '_' as separators, and beyond ASCII only spaces.
bool separates_words(char32_t c) {
  if (c < 0x80) return !(std::isalnum(static_cast<int>(c)) || c == '_');
  return is_space(c);
}

std::string map_characters(std::string_view text, char32_t (*mapping)(char32_t)) {
  std::string out;
  for (std::string_view character : utf8_characters(text)) {
    if (character.size() == 1 && static_cast<unsigned char>(character[0]) >= 0x80)
      out += character;  // a stray byte stays as it was, not as U+FFFD
    else
      append_utf8(out, mapping(decode(character)));
  }
  return out;
}

Value lower(FunctionCall& call) {
  return Value::string(map_characters(expect_string(call, 0), to_lower));
}
Value upper(FunctionCall& call) {
  return Value::string(map_characters(expect_string(call, 0), to_upper));
}

Value title(FunctionCall& call) {
  std::string out;
  char32_t previous = ' ';
  const std::string text = expect_string(call, 0);
  for (std::string_view character : utf8_characters(text)) {
    const char32_t c = decode(character);
    const bool stray_byte = c == 0xFFFD && character.size() == 1;
    if (separates_words(previous) && !stray_byte)
      append_utf8(out, to_upper(c));
    else
      out += character;
    previous = c;
  }
  return Value::string(std::move(out));
}

Value join(FunctionCall& call) {
  const std::string separator = expect_string(call, 0);
  std::string out;
  bool first = true;
  for (std::size_t i = 1; i < call.args.size(); ++i) {
    const Value::List& items = expect_list(call, i);
    for (std::size_t k = 0; k < items.size(); ++k) {
      if (items[k].is_null())
        fail("element " + std::to_string(k) + " of " + argument_label(i) +
             " is null; cannot concatenate null values");
      auto text = to_string(items[k]);
      if (!text) fail(argument_label(i) + " must be a list of strings");
      if (!first) out += separator;
      out += *text;
      first = false;
    }
  }
  return Value::string(std::move(out));
}

Value split(FunctionCall& call) {
  const std::string separator = expect_string(call, 0);
  const std::string text = expect_string(call, 1);
  Value::List parts;
  if (separator.empty()) {  // one element per character, none for ""
    for (std::string_view character : utf8_characters(text))
      parts.push_back(Value::string(std::string(character)));
    return Value::list(std::move(parts));
  }
  std::size_t start = 0;
  for (std::size_t found; (found = text.find(separator, start)) != std::string::npos;) {
    parts.push_back(Value::string(text.substr(start, found - start)));
    start = found + separator.size();
  }
  parts.push_back(Value::string(text.substr(start)));
  return Value::list(std::move(parts));
}

// Go's regexp template expansion: $1, ${1}, $name, ${name}, $$. A name that is not a group
// expands to nothing; a malformed $ is kept as written.
void expand_template(std::string& out, std::string_view replacement, const RE2& re,
                     const std::vector<re2::StringPiece>& groups) {
  const auto& names = re.NamedCapturingGroups();
  for (std::size_t i = 0; i < replacement.size(); ++i) {
    if (replacement[i] != '$' || i + 1 >= replacement.size()) {
      out += replacement[i];
      continue;
    }
    if (replacement[i + 1] == '$') {
      out += '$';
      ++i;
      continue;
    }
    const bool braced = replacement[i + 1] == '{';
    std::size_t end = i + (braced ? 2 : 1);
    const std::size_t name_start = end;
    while (end < replacement.size() &&
           (std::isalnum(static_cast<unsigned char>(replacement[end])) || replacement[end] == '_'))
      ++end;
    const std::string name(replacement.substr(name_start, end - name_start));
    if (name.empty() || (braced && (end >= replacement.size() || replacement[end] != '}'))) {
      out += '$';
      continue;
    }
    int group = -1;
    if (std::all_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      group = name.size() > 8 ? -1 : std::stoi(name);
    } else if (auto it = names.find(name); it != names.end()) {
      group = it->second;
    }
    if (group >= 0 && static_cast<std::size_t>(group) < groups.size() && groups[group].data())
      out.append(groups[group].data(), groups[group].size());
    i = braced ? end : end - 1;
  }
}

// Every non-overlapping match replaced, as Go's ReplaceAllString: an empty match right
// after a previous match is not replaced.
std::string replace_regex(const std::string& text, std::string_view pattern,
                          std::string_view replacement) {
  RE2::Options options;
  options.set_log_errors(false);
  RE2 re(re2::StringPiece(pattern.data(), pattern.size()), options);
  if (!re.ok()) fail("invalid regular expression: " + re.error());
  std::vector<re2::StringPiece> groups(static_cast<std::size_t>(re.NumberOfCapturingGroups()) + 1);
  std::string out;
  std::size_t last_end = 0;
  for (std::size_t search = 0; search <= text.size();) {
    if (!re.Match(text, search, text.size(), RE2::UNANCHORED, groups.data(),
                  static_cast<int>(groups.size())))
      break;
    const std::size_t start = static_cast<std::size_t>(groups[0].data() - text.data());
    const std::size_t end = start + groups[0].size();
    out.append(text, last_end, start - last_end);
    if (end > last_end || start == 0) expand_template(out, replacement, re, groups);
    last_end = end;
    const std::size_t width = search < text.size() ? utf8_char_length(text, search) : 0;
    if (search + width > end)
      search += width;
    else if (search + 1 > end)
      ++search;
    else
      search = end;
  }
  out.append(text, last_end);
  return out;
}

Value replace(FunctionCall& call) {
  const std::string text = expect_string(call, 0);
  const std::string search = expect_string(call, 1);
  const std::string replacement = expect_string(call, 2);
  if (search.size() > 1 && search.front() == '/' && search.back() == '/')
    return Value::string(
        replace_regex(text, std::string_view(search).substr(1, search.size() - 2), replacement));
  std::string out;
  if (search.empty()) {  // Go inserts the replacement around every character
    out = replacement;
    for (std::string_view character : utf8_characters(text)) (out += character) += replacement;
    return Value::string(std::move(out));
  }
  std::size_t start = 0;
  for (std::size_t found; (found = text.find(search, start)) != std::string::npos;) {
    out.append(text, start, found - start);
    out += replacement;
    start = found + search.size();
  }
  out.append(text, start);
  return Value::string(std::move(out));
}

Value substr(FunctionCall& call) {
  const std::string text = expect_string(call, 0);
  std::int64_t offset = expect_integer(call, 1);
  const std::int64_t length = expect_integer(call, 2);
  const auto characters = utf8_characters(text);
  const auto count = static_cast<std::int64_t>(characters.size());
  if (offset < 0) offset = std::max<std::int64_t>(offset + count, 0);
  if (length == 0 || offset >= count) return Value::string("");
  const std::int64_t end = length < 0 ? count : std::min(count, offset + length);
  const std::size_t from =
      static_cast<std::size_t>(characters[static_cast<std::size_t>(offset)].data() - text.data());
  const std::size_t to = end == count
                             ? text.size()
                             : static_cast<std::size_t>(
                                   characters[static_cast<std::size_t>(end)].data() - text.data());
  return Value::string(text.substr(from, to - from));
}

// Trims characters matching `remove` from both ends (by code point).
template <typename Predicate>
std::string trim_characters(std::string_view text, Predicate remove) {
  auto characters = utf8_characters(text);
  auto first = std::find_if_not(characters.begin(), characters.end(), remove);
  auto last = std::find_if_not(characters.rbegin(), std::make_reverse_iterator(first), remove);
  if (first == characters.end()) return "";
  const std::string_view back = *last;
  return std::string(first->data(),
                     static_cast<std::size_t>(back.data() + back.size() - first->data()));
}

Value trim(FunctionCall& call) {
  const std::string cutset = expect_string(call, 1);
  const auto cut = utf8_characters(cutset);
  return Value::string(trim_characters(expect_string(call, 0), [&](std::string_view c) {
    return std::find(cut.begin(), cut.end(), c) != cut.end();
  }));
}

Value trimspace(FunctionCall& call) {
  return Value::string(trim_characters(expect_string(call, 0),
                                       [](std::string_view c) { return is_space(decode(c)); }));
}

Value trimprefix(FunctionCall& call) {
  std::string text = expect_string(call, 0);
  const std::string prefix = expect_string(call, 1);
  if (text.starts_with(prefix)) text.erase(0, prefix.size());
  return Value::string(std::move(text));
}

Value trimsuffix(FunctionCall& call) {
  std::string text = expect_string(call, 0);
  const std::string suffix = expect_string(call, 1);
  if (text.ends_with(suffix)) text.erase(text.size() - suffix.size());
  return Value::string(std::move(text));
}

Value chomp(FunctionCall& call) {
  std::string text = expect_string(call, 0);
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return Value::string(std::move(text));
}

Value indent(FunctionCall& call) {
  const std::int64_t spaces = expect_integer(call, 0);
  if (spaces < 0 || spaces > 10'000) fail("invalid number of spaces " + std::to_string(spaces));
  const std::string text = expect_string(call, 1);
  const std::string padding(static_cast<std::size_t>(spaces), ' ');
  std::string out;
  for (char c : text) {
    out += c;
    if (c == '\n') out += padding;
  }
  return Value::string(std::move(out));
}

Value strrev(FunctionCall& call) {
  const std::string text = expect_string(call, 0);
  auto characters = utf8_characters(text);
  std::string out;
  for (auto it = characters.rbegin(); it != characters.rend(); ++it) out += *it;
  return Value::string(std::move(out));
}

Value startswith(FunctionCall& call) {
  return Value::boolean(expect_string(call, 0).starts_with(expect_string(call, 1)));
}
Value endswith(FunctionCall& call) {
  return Value::boolean(expect_string(call, 0).ends_with(expect_string(call, 1)));
}
Value strcontains(FunctionCall& call) {
  return Value::boolean(expect_string(call, 0).find(expect_string(call, 1)) != std::string::npos);
}

}  // namespace

std::vector<FunctionSpec> string_functions() {
  std::vector<FunctionSpec> specs = {
      {"chomp", chomp, 1, 1, false},
      {"endswith", endswith, 2, 2, false},
      {"indent", indent, 2, 2, false},
      {"join", join, 2, -1, false},
      {"lower", lower, 1, 1, false},
      {"replace", replace, 3, 3, false},
      {"split", split, 2, 2, false},
      {"startswith", startswith, 2, 2, false},
      {"strcontains", strcontains, 2, 2, false},
      {"strrev", strrev, 1, 1, false},
      {"substr", substr, 3, 3, false},
      {"title", title, 1, 1, false},
      {"trim", trim, 2, 2, false},
      {"trimprefix", trimprefix, 2, 2, false},
      {"trimspace", trimspace, 1, 1, false},
      {"trimsuffix", trimsuffix, 2, 2, false},
      {"upper", upper, 1, 1, false},
  };
  std::vector<FunctionSpec> formats = format_functions();
  specs.insert(specs.end(), formats.begin(), formats.end());
  return specs;
}

}  // namespace iacscan::detail::tf
