// regex and regexall. Terraform uses Go's regexp package, whose syntax is RE2's, so RE2 runs
// the patterns; the result's shape follows the capture groups: none gives the matched
// string, unnamed groups a list, named groups a map (mixing both is an error).
#include <re2/re2.h>

#include <memory>
#include <string>
#include <string_view>

#include "terraform/function_groups.hpp"
#include "terraform/function_support.hpp"

namespace iacscan::detail::tf {
namespace {

// Go accepts named groups as (?<name>...) as well as (?P<name>...); the RE2 release the
// scanner builds against knows only the latter, so the former is respelled. Escapes and
// character classes are skipped so a literal "(?<" there stays as written.
std::string respell_named_groups(std::string_view pattern) {
  std::string out;
  bool in_class = false;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char ch = pattern[i];
    out += ch;
    if (ch == '\\' && i + 1 < pattern.size()) {
      out += pattern[++i];
    } else if (in_class) {
      in_class = ch != ']';
    } else if (ch == '[') {
      in_class = true;
      // A ']' right after '[' or "[^" is a literal member, not the end of the class.
      if (i + 1 < pattern.size() && pattern[i + 1] == '^') out += pattern[++i];
      if (i + 1 < pattern.size() && pattern[i + 1] == ']') out += pattern[++i];
    } else if (ch == '(' && pattern.substr(i + 1, 2) == "?<" && i + 3 < pattern.size() &&
               pattern[i + 3] != '=' && pattern[i + 3] != '!') {
      out += "?P<";
      i += 2;
    }
  }
  return out;
}

enum class Shape { whole_match, list, map };

// A compiled pattern and the shape of its results; one per call, nothing shared.
struct CompiledPattern {
  std::unique_ptr<re2::RE2> regex;
  Shape shape = Shape::whole_match;
  std::vector<std::string> group_names;  // index i - 1 names group i ("" when unnamed)
};

CompiledPattern compile(const std::string& pattern) {
  re2::RE2::Options options;
  options.set_log_errors(false);
  CompiledPattern compiled;
  compiled.regex = std::make_unique<re2::RE2>(respell_named_groups(pattern), options);
  if (!compiled.regex->ok()) fail("invalid regexp pattern: " + compiled.regex->error());
  const int groups = compiled.regex->NumberOfCapturingGroups();
  compiled.group_names.assign(static_cast<std::size_t>(groups), "");
  for (const auto& [index, name] : compiled.regex->CapturingGroupNames())
    compiled.group_names[static_cast<std::size_t>(index - 1)] = name;
  const auto named = static_cast<int>(compiled.regex->NamedCapturingGroups().size());
  if (named > 0 && named < groups)
    fail("invalid regexp pattern: cannot mix both named and unnamed capture groups");
  compiled.shape = groups == 0 ? Shape::whole_match : named > 0 ? Shape::map : Shape::list;
  return compiled;
}

// One match as Terraform returns it. `groups[0]` is the whole match; a group that took no
// part in the match is null.
Value match_value(const CompiledPattern& pattern, const std::vector<re2::StringPiece>& groups) {
  auto group_value = [](const re2::StringPiece& piece) {
    return piece.data() == nullptr ? Value::null() : Value::string(std::string(piece));
  };
  if (pattern.shape == Shape::whole_match) return group_value(groups[0]);
  if (pattern.shape == Shape::list) {
    Value::List items;
    for (std::size_t i = 1; i < groups.size(); ++i) items.push_back(group_value(groups[i]));
    return Value::list(std::move(items));
  }
  Value::Map entries;
  for (std::size_t i = 1; i < groups.size(); ++i)
    entries.push_back({pattern.group_names[i - 1], {}, group_value(groups[i])});
  return sorted_map(std::move(entries));
}

// Finds the next match at or after `from`; false when there is none.
bool find_at(const CompiledPattern& pattern, std::string_view text, std::size_t from,
             std::vector<re2::StringPiece>& groups) {
  const re2::StringPiece subject(text.data(), text.size());
  return pattern.regex->Match(subject, from, text.size(), re2::RE2::UNANCHORED, groups.data(),
                              static_cast<int>(groups.size()));
}

std::size_t offset_in(std::string_view text, const re2::StringPiece& piece) {
  return static_cast<std::size_t>(piece.data() - text.data());
}

Value regex(FunctionCall& call) {
  const CompiledPattern pattern = compile(expect_string(call, 0));
  const std::string text = expect_string(call, 1);
  std::vector<re2::StringPiece> groups(pattern.group_names.size() + 1);
  if (!find_at(pattern, text, 0, groups))
    fail("pattern did not match any part of the given string");
  return match_value(pattern, groups);
}

// Every non-overlapping match, left to right, as Go's FindAll reports them: after an empty
// match the search moves on by one character, and an empty match right where the previous
// match ended is skipped.
Value regexall(FunctionCall& call) {
  const CompiledPattern pattern = compile(expect_string(call, 0));
  const std::string text = expect_string(call, 1);
  std::vector<re2::StringPiece> groups(pattern.group_names.size() + 1);
  Value::List matches;
  std::size_t position = 0;
  std::size_t previous_end = std::string::npos;
  while (position <= text.size() && find_at(pattern, text, position, groups)) {
    const std::size_t start = offset_in(text, groups[0]);
    const std::size_t end = start + groups[0].size();
    bool accept = true;
    if (end == position) {
      accept = start != previous_end;
      position += position < text.size() ? utf8_char_length(text, position) : 1;
    } else {
      position = end;
    }
    previous_end = end;
    if (accept) matches.push_back(match_value(pattern, groups));
  }
  return Value::list(std::move(matches));
}

}  // namespace

std::vector<FunctionSpec> regex_functions() {
  return {
      {"regex", regex, 2, 2, false},
      {"regexall", regexall, 2, 2, false},
  };
}

}  // namespace iacscan::detail::tf
