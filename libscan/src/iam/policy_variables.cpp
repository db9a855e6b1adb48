#include "iam/policy_variables.hpp"

#include <string>

#include "iam/ascii_case.hpp"

namespace iacscan::detail::iam {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

struct Variable {
  std::string_view name;
  bool has_default = false;
  std::string_view default_value;
};

// "aws:username" or "aws:username, 'fallback'".
Variable parse_variable(std::string_view inside) {
  Variable v;
  const std::size_t comma = inside.find(',');
  v.name = trim(inside.substr(0, comma));
  if (comma != std::string_view::npos) {
    const std::string_view fallback = trim(inside.substr(comma + 1));
    if (fallback.size() >= 2 && fallback.front() == '\'' && fallback.back() == '\'') {
      v.has_default = true;
      v.default_value = fallback.substr(1, fallback.size() - 2);
    }
  }
  return v;
}

}  // namespace

ResolvedPattern resolve_policy_variables(std::string_view text, const ContextLookup& context,
                                         const EvalOptions& options, EvalTrace& trace) {
  ResolvedPattern out;
  if (!options.substitute_variables || text.find("${") == std::string_view::npos) {
    out.pattern = plain_pattern(text);
    return out;
  }
  bool no_value = false;
  bool unknown = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t open = text.find("${", pos);
    const std::size_t close = open == std::string_view::npos ? open : text.find('}', open + 2);
    if (close == std::string_view::npos) {
      out.pattern.append_wildcards_allowed(text.substr(pos));
      break;
    }
    out.pattern.append_wildcards_allowed(text.substr(pos, open - pos));
    pos = close + 1;
    const std::string_view inside = text.substr(open + 2, close - open - 2);
    if (inside == "*" || inside == "?" || inside == "$") {
      out.pattern.append_literal(inside);
      continue;
    }
    const Variable variable = parse_variable(inside);
    const std::string key = ascii_lowercase(variable.name);
    // Every context key has a "service:" prefix; "${Account}" (a template's placeholder) names
    // none, so it has no value in any request.
    KeyLookup found;
    found.state = KeyLookup::State::absent;
    if (key.find(':') != std::string::npos) found = context.find(key);
    switch (found.state) {
      case KeyLookup::State::present:
        // Only a single, non-empty value substitutes; a set-valued key cannot be a variable.
        if (!found.multivalued && found.values->size() == 1 && !found.values->front().empty()) {
          out.pattern.append_literal(found.values->front());
          continue;
        }
        break;
      case KeyLookup::State::absent:
        break;
      case KeyLookup::State::unknown:
      case KeyLookup::State::opaque:
        unknown = true;
        trace.unknown_keys.insert(key);
        continue;
    }
    if (variable.has_default) {
      out.pattern.append_literal(variable.default_value);
    } else {
      no_value = true;
      out.pattern.append_wildcards_allowed("*");
    }
  }
  if (no_value)
    out.status = Resolution::no_value;
  else if (unknown)
    out.status = Resolution::unknown;
  return out;
}

}  // namespace iacscan::detail::iam
