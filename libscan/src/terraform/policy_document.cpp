// Renders data "aws_iam_policy_document" the way the AWS provider does: the statements of the
// block, merged with source and override documents, and the JSON text Go's encoding/json
// writes of them. The rules below follow the provider's policy model (set attributes sorted
// in reverse, single values written as strings, Sid-based merging) as its documentation and
// source describe them.
#include "terraform/policy_document.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "terraform/value_ops.hpp"
#include "value/json_reader.hpp"

namespace iacscan::detail::tf {
namespace {

constexpr std::string_view kDefaultVersion = "2012-10-17";
// The old policy language has no policy variables, so the provider refuses "&{" in it.
constexpr std::string_view kVersionWithoutVariables = "2008-10-17";

// Something the provider refuses, which fails the whole data source. Thrown while reading
// documents and caught once in render_policy_document.
struct ProviderRefusal {
  std::string message;
  Span span;
};

// ------------------------------------------------------------------ positions and refs

// The first valid span, else the last one (the caller's fallback).
Span first_valid(std::initializer_list<Span> spans) {
  for (const Span& span : spans)
    if (span.valid()) return span;
  return *(spans.end() - 1);
}

void collect_refs(const Value& value, std::vector<std::string>& refs) {
  refs.insert(refs.end(), value.refs.begin(), value.refs.end());
  for (const Value& item : value.items()) collect_refs(item, refs);
  for (const Value::Entry& entry : value.entries()) collect_refs(entry.value, refs);
}

// The refs of `values` and everything inside them, sorted and unique: a value derived from
// a whole subtree depends on every resource any part of it came from.
std::vector<std::string> refs_within(std::initializer_list<const Value*> values) {
  std::vector<std::string> refs;
  for (const Value* value : values)
    if (value) collect_refs(*value, refs);
  std::sort(refs.begin(), refs.end());
  refs.erase(std::unique(refs.begin(), refs.end()), refs.end());
  return refs;
}

Value unknown_because(std::string reason, const Span& span, std::vector<std::string> refs) {
  Value unknown = Value::unknown(std::move(reason), span);
  unknown.refs = std::move(refs);
  return unknown;
}

Value failure(std::string message, const Span& span, const Value& cause) {
  Value error = error_value(std::move(message), span);
  error.refs = refs_within({&cause});
  return error;
}

Value with_context(Value value, const Value& from) {
  value.span = from.span;
  value.refs = from.refs;
  value.origin = from.origin;
  return value;
}

// The attribute `name` of an evaluated block; nullptr when absent or null, which both mean
// "not set" to the provider.
const Value* attribute(const Value& block, std::string_view name) {
  const Value* value = block.find(name);
  return value && !value->is_null() ? value : nullptr;
}

Span key_span_of(const Value& block, std::string_view name) {
  for (const Value::Entry& entry : block.entries())
    if (entry.key == name) return entry.key_span;
  return {};
}

void sort_by_key(Value::Map& entries) {
  std::stable_sort(entries.begin(), entries.end(),
                   [](const Value::Entry& a, const Value::Entry& b) { return a.key < b.key; });
}

// ------------------------------------------------------------------ strings and sets

// One element of a string attribute as the provider receives it: numbers and bools
// converted as Terraform converts them, null as "" (the plugin SDK's zero value).
Value string_element(const Value& item) {
  if (item.is_null()) return with_context(Value::string(""), item);
  return convert_to_string(item);
}

// The provider turns "&{" into "${" in resources, principals and condition values, so IAM
// policy variables can be written without Terraform interpolating them.
Value substitute_policy_variables(const Value& item, const Value& version) {
  if (!item.is_string() || item.text().find("&{") == std::string::npos) return item;
  const std::string& text = item.text();
  if (version.is_string() && version.text() == kVersionWithoutVariables)
    return failure("found &{ sequence in (" + text +
                       "), which is not supported in document version " +
                       std::string(kVersionWithoutVariables),
                   item.span, item);
  std::string replaced = text;
  for (std::size_t pos = 0; pos + 1 < replaced.size(); ++pos)
    if (replaced[pos] == '&' && replaced[pos + 1] == '{') replaced[pos] = '$';
  return with_context(Value::string(std::move(replaced)), item);
}

// A set-of-strings attribute (actions, resources, identifiers) as the provider writes it:
// repeats dropped, a lone element as a string, several in reverse lexical order (the
// provider sorts them so). An element not known cannot be placed in that order, so unknown
// elements follow the known ones. An empty set gives an empty list, which callers leave out
// except for identifiers. `variables_version` is null where "&{" is kept as written
// (actions), else the document version for substitute_policy_variables.
Value render_string_set(const Value& attr, std::string_view name, const Value* variables_version) {
  if (attr.is_unknown()) return attr;
  if (!attr.is_list())
    return failure(
        std::string(name) + " must be a set of strings, got " + std::string(type_name(attr)),
        attr.span, attr);
  Value::List known;
  Value::List unplaced;
  for (const Value& item : attr.items()) {
    Value element = string_element(item);
    if (!element.is_string()) {
      unplaced.push_back(std::move(element));
      continue;
    }
    const bool repeat = std::any_of(known.begin(), known.end(), [&](const Value& seen) {
      return seen.text() == element.text();
    });
    if (!repeat) known.push_back(std::move(element));
  }
  // Sorted before the "&{" substitution, as the provider does.
  std::stable_sort(known.begin(), known.end(),
                   [](const Value& a, const Value& b) { return a.text() > b.text(); });
  Value::List items = std::move(known);
  for (Value& element : unplaced) items.push_back(std::move(element));
  if (variables_version)
    for (Value& element : items) element = substitute_policy_variables(element, *variables_version);
  if (items.size() == 1) {
    Value single = std::move(items.front());
    add_refs(single, attr);
    return single;
  }
  return with_context(Value::list(std::move(items)), attr);
}

// `a` followed by `b`, each a string (one value) or a list, as the provider concatenates the
// identifiers of principals of one type and the values of conditions on one key. When
// either is not known the result is not known: how many values it holds is open.
Value concatenate(const Value& a, const Value& b) {
  const auto placeable = [](const Value& v) { return v.is_string() || v.is_list(); };
  if (!placeable(a) || !placeable(b)) {
    if (is_error(a)) return a;
    if (is_error(b)) return b;
    return unknown_because("some of the values are not known", a.span, refs_within({&a, &b}));
  }
  Value joined = with_context(Value::list({}), a);
  for (const Value* part : {&a, &b}) {
    if (part->is_string()) {
      joined.items().push_back(*part);
    } else {
      for (const Value& item : part->items()) joined.items().push_back(item);
    }
  }
  add_refs(joined, b);
  return joined;
}

// ------------------------------------------------------------------ statement blocks

struct PrincipalBlock {
  Value type;         // a known string
  Value identifiers;  // as render_string_set gives them
};

// principals / not_principals blocks as the provider writes them: "*" for a lone block of
// type "*" with identifiers ["*"], otherwise a map from type (sorted) to identifiers in
// which the blocks of one type are concatenated. nullopt when there are none. The provider
// keeps the blocks in a set ordered by a hash of their contents; source order stands in for
// that, so several blocks of one type give the same identifiers, perhaps in another order.
std::optional<Value> render_principals(const Value* blocks, std::string_view name,
                                       const Value& version, const Span& fallback) {
  if (!blocks) return std::nullopt;
  if (blocks->is_unknown()) return *blocks;
  const Span span = first_valid({blocks->span, fallback});
  if (!blocks->is_list())
    return failure(std::string(name) + " must be a list of blocks", span, *blocks);
  std::vector<PrincipalBlock> decoded;
  for (const Value& block : blocks->items()) {
    // An unknown block or type could land under any key, so the whole map is open.
    if (block.is_unknown())
      return unknown_because(std::string(name) + " are not known", span, refs_within({blocks}));
    const Span block_span = first_valid({block.span, span});
    if (!block.is_map())
      return failure(std::string(name) + " blocks must be objects", block_span, block);
    const Value* type = attribute(block, "type");
    const Value* identifiers = attribute(block, "identifiers");
    if (!type || !identifiers)
      return failure(std::string(name) + " blocks need type and identifiers", block_span, block);
    Value type_text = convert_to_string(*type);
    if (is_error(type_text)) return type_text;
    if (type_text.is_unknown())
      return unknown_because("the type of " + std::string(name) + " is not known", span,
                             refs_within({blocks}));
    PrincipalBlock principal{std::move(type_text),
                             render_string_set(*identifiers, "identifiers", &version)};
    // The blocks form a set in the provider's schema, so an exact repeat counts once.
    const bool repeat = std::any_of(decoded.begin(), decoded.end(), [&](const PrincipalBlock& p) {
      const auto same = values_equal(p.identifiers, principal.identifiers);
      return p.type.text() == principal.type.text() && same && *same;
    });
    if (!repeat) decoded.push_back(std::move(principal));
  }
  if (decoded.empty()) return std::nullopt;

  if (decoded.size() == 1 && decoded.front().type.text() == "*") {
    const Value& identifiers = decoded.front().identifiers;
    if (identifiers.is_string() && identifiers.text() == "*")
      return with_context(Value::string("*"), identifiers);
    if (!identifiers.is_fully_known())
      return unknown_because("whether the principal is \"*\" is not known", span,
                             refs_within({blocks}));
  }

  Value::Map by_type;
  for (const PrincipalBlock& principal : decoded) {
    auto group = std::find_if(by_type.begin(), by_type.end(), [&](const Value::Entry& e) {
      return e.key == principal.type.text();
    });
    if (group == by_type.end()) {
      by_type.push_back({principal.type.text(), principal.type.span, principal.identifiers});
    } else {
      group->value = concatenate(group->value, principal.identifiers);
    }
  }
  sort_by_key(by_type);
  return Value::map(std::move(by_type), span);
}

// The values of a condition: a list whose order and repeats are kept.
Value render_condition_values(const Value& attr, const Value& version) {
  if (attr.is_unknown()) return attr;
  if (!attr.is_list())
    return failure(
        "condition values must be a list of strings, got " + std::string(type_name(attr)),
        attr.span, attr);
  Value::List items;
  for (const Value& item : attr.items())
    items.push_back(substitute_policy_variables(string_element(item), version));
  return with_context(Value::list(std::move(items)), attr);
}

// A lone value is written as a string, as in IAM's own syntax.
Value flatten_single(Value values) {
  if (!values.is_list() || values.items().size() != 1) return values;
  Value single = values.items().front();
  add_refs(single, values);
  return single;
}

struct ConditionBlock {
  Value test;      // a known string
  Value variable;  // a known string
  Value values;    // as render_condition_values gives them
};

// condition blocks as the provider writes them: test -> variable -> values, keys sorted,
// values of blocks on the same test and variable concatenated (in source order, standing in
// for the provider's hash order, as for principals). nullopt when there are none.
std::optional<Value> render_conditions(const Value* blocks, const Value& version,
                                       const Span& fallback) {
  if (!blocks) return std::nullopt;
  if (blocks->is_unknown()) return *blocks;
  const Span span = first_valid({blocks->span, fallback});
  if (!blocks->is_list()) return failure("condition must be a list of blocks", span, *blocks);
  std::vector<ConditionBlock> decoded;
  for (const Value& block : blocks->items()) {
    if (block.is_unknown())
      return unknown_because("conditions are not known", span, refs_within({blocks}));
    const Span block_span = first_valid({block.span, span});
    if (!block.is_map()) return failure("condition blocks must be objects", block_span, block);
    const Value* test = attribute(block, "test");
    const Value* variable = attribute(block, "variable");
    const Value* values = attribute(block, "values");
    if (!test || !variable || !values)
      return failure("condition blocks need test, variable and values", block_span, block);
    Value test_text = convert_to_string(*test);
    Value variable_text = convert_to_string(*variable);
    for (const Value* key : {&test_text, &variable_text}) {
      if (is_error(*key)) return *key;
      if (key->is_unknown())
        return unknown_because("the test or variable of a condition is not known", span,
                               refs_within({blocks}));
    }
    ConditionBlock condition{std::move(test_text), std::move(variable_text),
                             render_condition_values(*values, version)};
    // A set in the provider's schema, like principals.
    const bool repeat = std::any_of(decoded.begin(), decoded.end(), [&](const ConditionBlock& c) {
      const auto same = values_equal(c.values, condition.values);
      return c.test.text() == condition.test.text() &&
             c.variable.text() == condition.variable.text() && same && *same;
    });
    if (!repeat) decoded.push_back(std::move(condition));
  }
  if (decoded.empty()) return std::nullopt;

  Value::Map tests;
  for (const ConditionBlock& condition : decoded) {
    auto test = std::find_if(tests.begin(), tests.end(),
                             [&](const Value::Entry& e) { return e.key == condition.test.text(); });
    if (test == tests.end()) {
      tests.push_back({condition.test.text(), condition.test.span,
                       Value::map({}, first_valid({condition.test.span, span}))});
      test = tests.end() - 1;
    }
    Value::Map& variables = test->value.entries();
    auto variable = std::find_if(variables.begin(), variables.end(), [&](const Value::Entry& e) {
      return e.key == condition.variable.text();
    });
    if (variable == variables.end()) {
      variables.push_back({condition.variable.text(), condition.variable.span, condition.values});
    } else {
      variable->value = concatenate(variable->value, condition.values);
    }
  }
  for (Value::Entry& test : tests) {
    for (Value::Entry& variable : test.value.entries())
      variable.value = flatten_single(std::move(variable.value));
    sort_by_key(test.value.entries());
  }
  sort_by_key(tests);
  return Value::map(std::move(tests), span);
}

// One statement block, keys in the provider's order.
Value render_statement(const Value& block, const Value& version, const Span& fallback) {
  if (block.is_unknown()) return block;
  const Span span = first_valid({block.span, fallback});
  if (!block.is_map())
    return failure("statement blocks must be objects, got " + std::string(type_name(block)), span,
                   block);
  Value statement = Value::map({}, span);
  statement.refs = block.refs;
  statement.origin = block.origin;
  const auto put = [&](std::string key, std::string_view attribute_name, Value value) {
    statement.entries().push_back(
        {std::move(key), key_span_of(block, attribute_name), std::move(value)});
  };

  if (const Value* sid = attribute(block, "sid")) {
    Value text = convert_to_string(*sid);
    if (!text.is_string() || !text.text().empty()) put("Sid", "sid", std::move(text));
  }
  const Value* effect = attribute(block, "effect");
  put("Effect", "effect", effect ? convert_to_string(*effect) : Value::string("Allow", span));

  struct SetAttribute {
    std::string_view key;
    std::string_view name;
    bool substitutes_variables;
  };
  for (const SetAttribute& set :
       {SetAttribute{"Action", "actions", false}, SetAttribute{"NotAction", "not_actions", false},
        SetAttribute{"Resource", "resources", true},
        SetAttribute{"NotResource", "not_resources", true}}) {
    const Value* attr = attribute(block, set.name);
    if (!attr) continue;
    Value rendered =
        render_string_set(*attr, set.name, set.substitutes_variables ? &version : nullptr);
    if (rendered.is_list() && rendered.items().empty()) continue;  // the provider omits it
    put(std::string(set.key), set.name, std::move(rendered));
  }
  if (auto principal =
          render_principals(attribute(block, "principals"), "principals", version, span))
    put("Principal", "principals", std::move(*principal));
  if (auto not_principal =
          render_principals(attribute(block, "not_principals"), "not_principals", version, span))
    put("NotPrincipal", "not_principals", std::move(*not_principal));
  if (auto condition = render_conditions(attribute(block, "condition"), version, span))
    put("Condition", "condition", std::move(*condition));
  return statement;
}

// ------------------------------------------------------------------ documents and merging

// A policy document while merging, as the provider's model holds one.
struct PolicyDoc {
  Value version;  // null: none
  Value id;       // null: none
  Value::List statements;
  // Set (unknown or error) when which statements there are is not known.
  std::optional<Value> unknown_statements;
};

// A statement's Sid for merging: "" when it has none, nullopt when it is not known.
std::optional<std::string> merge_sid(const Value& statement) {
  if (!statement.is_map()) return std::nullopt;
  const Value* sid = statement.find("Sid");
  if (!sid) return std::string();
  if (sid->is_string()) return sid->text();
  return std::nullopt;
}

void merge_version(Value& merged, const Value& incoming) {
  if (incoming.is_null()) return;
  if (is_error(incoming)) {
    merged = incoming;
  } else if (incoming.is_unknown() || merged.is_unknown()) {
    if (!is_error(merged))
      merged = unknown_because("the policy version is not known", incoming.span,
                               refs_within({&merged, &incoming}));
  } else if (incoming.is_string() &&
             incoming.text() > (merged.is_string() ? merged.text() : std::string())) {
    merged = incoming;  // the provider lets a later document upgrade the version
  }
}

// Merges `incoming` over `merged` as the provider does: a non-empty Id replaces the Id, a
// newer Version upgrades it, a statement with a Sid replaces the first statement with that
// Sid and every other statement is appended. A statement whose Sid is not known is appended:
// which statement it would replace cannot be told.
void merge_document(PolicyDoc& merged, PolicyDoc incoming) {
  if (incoming.id.is_unknown() || (incoming.id.is_string() && !incoming.id.text().empty()))
    merged.id = incoming.id;
  merge_version(merged.version, incoming.version);

  if (merged.unknown_statements || incoming.unknown_statements) {
    for (const std::optional<Value>* unknown :
         {&merged.unknown_statements, &incoming.unknown_statements})
      if (*unknown && is_error(**unknown)) {
        merged.unknown_statements = **unknown;
        merged.statements.clear();
        return;
      }
    const Value before = Value::list(std::move(merged.statements));
    const Value after = Value::list(std::move(incoming.statements));
    const Value& cause =
        incoming.unknown_statements ? *incoming.unknown_statements : *merged.unknown_statements;
    merged.unknown_statements = unknown_because(
        "the statements are not known", cause.span,
        refs_within({&before, &after,
                     merged.unknown_statements ? &*merged.unknown_statements : nullptr,
                     incoming.unknown_statements ? &*incoming.unknown_statements : nullptr}));
    merged.statements.clear();
    return;
  }

  for (Value& statement : incoming.statements) {
    const std::optional<std::string> sid = merge_sid(statement);
    if (sid && !sid->empty()) {
      auto same = std::find_if(merged.statements.begin(), merged.statements.end(),
                               [&](const Value& existing) { return merge_sid(existing) == sid; });
      if (same != merged.statements.end()) {
        *same = std::move(statement);
        continue;
      }
    }
    merged.statements.push_back(std::move(statement));
  }
}

// The document the block itself describes.
PolicyDoc block_document(const Value& body, const Span& block_span) {
  PolicyDoc doc;
  const Value* version = attribute(body, "version");
  doc.version = version ? convert_to_string(*version)
                        : Value::string(std::string(kDefaultVersion), block_span);
  if (const Value* id = attribute(body, "policy_id")) doc.id = convert_to_string(*id);

  const Value* statements = attribute(body, "statement");
  if (!statements) return doc;
  const Span list_span = first_valid({statements->span, block_span});
  if (statements->is_unknown()) {
    doc.unknown_statements = *statements;
    return doc;
  }
  if (!statements->is_list()) {
    doc.unknown_statements = failure("statement must be a list of blocks", list_span, *statements);
    return doc;
  }
  std::vector<std::string> sids;
  for (const Value& block : statements->items()) {
    Value statement = render_statement(block, doc.version, list_span);
    if (const auto sid = merge_sid(statement); sid && !sid->empty()) {
      if (std::find(sids.begin(), sids.end(), *sid) != sids.end())
        throw ProviderRefusal{
            "duplicate Sid (" + *sid + "). Remove the Sid or ensure the Sid is unique.",
            statement.span};
      sids.push_back(*sid);
    }
    doc.statements.push_back(std::move(statement));
  }
  return doc;
}

// ------------------------------------------------------------------ source and override JSON
//
// The provider reads these with Go's encoding/json into its policy model and writes them back
// out, so what survives is what that model keeps: keys match case-insensitively (a later key
// winning), unknown keys are dropped, Action/Resource keep their JSON as written, principals
// and conditions are normalized.

std::string ascii_lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return lower;
}

// The JSON value Go would decode into the struct field `name` (lower case).
const Value* go_field(const Value& object, std::string_view name) {
  const Value* found = nullptr;
  for (const Value::Entry& entry : object.entries())
    if (ascii_lower(entry.key) == name) found = &entry.value;
  return found;
}

// A string field: null leaves it empty (returned as null); anything but a string is refused.
Value go_string_field(const Value& object, std::string_view name, const std::string& label,
                      const Span& span) {
  const Value* value = go_field(object, name);
  if (!value || value->is_null()) return Value::null();
  if (!value->is_string())
    throw ProviderRefusal{label + ": " + std::string(name) + " must be a string", span};
  return *value;
}

Value json_principal(const Value& principal, const std::string& label, const Span& span) {
  // Any string means everyone to the provider's model.
  if (principal.is_string()) return Value::string("*");
  if (!principal.is_map())
    throw ProviderRefusal{label + ": a principal must be a string or an object", span};
  Value::Map by_type;
  for (const Value::Entry& entry : principal.entries()) {
    const Value& identifiers = entry.value;
    if (identifiers.is_string()) {
      by_type.push_back(entry);
      continue;
    }
    if (!identifiers.is_list())
      throw ProviderRefusal{label + ": principal identifiers must be strings", span};
    Value::List items = identifiers.items();
    for (const Value& item : items)
      if (!item.is_string())
        throw ProviderRefusal{label + ": principal identifiers must be strings", span};
    std::stable_sort(items.begin(), items.end(),
                     [](const Value& a, const Value& b) { return a.text() > b.text(); });
    by_type.push_back(
        {entry.key, entry.key_span, with_context(Value::list(std::move(items)), identifiers)});
  }
  if (by_type.empty()) return Value::null();  // nothing to write: the key is left out
  if (by_type.size() == 1 && by_type.front().key == "*") {
    const Value& identifiers = by_type.front().value;
    const Value& lone = identifiers.is_list() && identifiers.items().size() == 1
                            ? identifiers.items().front()
                            : identifiers;
    if (lone.is_string() && lone.text() == "*") return Value::string("*");
  }
  sort_by_key(by_type);
  return Value::map(std::move(by_type));
}

Value json_condition(const Value& condition, const std::string& label, const Span& span) {
  if (condition.is_null()) return Value::null();
  if (!condition.is_map()) throw ProviderRefusal{label + ": Condition must be an object", span};
  Value::Map tests;
  for (const Value::Entry& test : condition.entries()) {
    if (test.value.is_null()) continue;
    if (!test.value.is_map())
      throw ProviderRefusal{label + ": condition " + test.key + " must be an object", span};
    Value::Map variables;
    for (const Value::Entry& variable : test.value.entries()) {
      const Value& values = variable.value;
      Value kept;
      if (values.is_string()) {
        kept = values;
      } else if (values.is_bool()) {
        kept = with_context(Value::string(values.as_bool() ? "true" : "false"), values);
      } else if (values.is_list()) {
        for (const Value& item : values.items())
          if (!item.is_string())
            throw ProviderRefusal{label + ": condition values must be strings", span};
        kept = flatten_single(values);
      } else {
        continue;  // the provider's model drops numbers, nulls and objects here
      }
      variables.push_back({variable.key, variable.key_span, std::move(kept)});
    }
    if (variables.empty()) continue;
    sort_by_key(variables);
    tests.push_back({test.key, test.key_span, Value::map(std::move(variables))});
  }
  if (tests.empty()) return Value::null();
  sort_by_key(tests);
  return Value::map(std::move(tests));
}

Value json_statement(const Value& statement, const std::string& label, const Span& span) {
  if (!statement.is_map()) throw ProviderRefusal{label + " must be an object", span};
  Value out = Value::map({});
  const Value sid = go_string_field(statement, "sid", label, span);
  if (sid.is_string() && !sid.text().empty()) out.set("Sid", sid);
  const Value effect = go_string_field(statement, "effect", label, span);
  if (effect.is_string() && !effect.text().empty()) out.set("Effect", effect);
  for (std::string_view key : {"Action", "NotAction", "Resource", "NotResource"}) {
    const Value* value = go_field(statement, ascii_lower(key));
    if (value && !value->is_null()) out.set(std::string(key), *value);
  }
  for (std::string_view key : {"Principal", "NotPrincipal"}) {
    const Value* value = go_field(statement, ascii_lower(key));
    if (!value) continue;
    // The provider's principal decoder is handed the null too, and refuses it.
    if (value->is_null())
      throw ProviderRefusal{label + ": " + std::string(key) + " must not be null", span};
    Value principal = json_principal(*value, label, span);
    if (!principal.is_null()) out.set(std::string(key), std::move(principal));
  }
  if (const Value* value = go_field(statement, "condition")) {
    Value condition = json_condition(*value, label, span);
    if (!condition.is_null()) out.set("Condition", std::move(condition));
  }
  return out;
}

// Gives every part of a value read from JSON text the position, refs and origin of the text:
// positions inside the text are not positions in any file.
void stamp(Value& value, const Value& text) {
  value.span = text.span;
  value.refs = text.refs;
  value.origin = text.origin;
  for (Value& item : value.items()) stamp(item, text);
  for (Value::Entry& entry : value.entries()) {
    entry.key_span = text.span;
    stamp(entry.value, text);
  }
}

PolicyDoc json_document(const Value& text, const std::string& label) {
  const Value converted = convert_to_string(text);
  if (!converted.is_string())
    throw ProviderRefusal{label + " must be a string, got " + std::string(type_name(text)),
                          text.span};
  ReadResult parsed = read_json(converted.text(), kNoFile);
  if (!parsed.ok())
    throw ProviderRefusal{label + " is not valid JSON: " + parsed.error->message, text.span};
  const Value& root = *parsed.value;
  PolicyDoc doc;
  if (root.is_null()) return doc;  // Go decodes null into an empty document
  if (!root.is_map()) throw ProviderRefusal{label + " must be a JSON object", text.span};
  doc.version = go_string_field(root, "version", label, text.span);
  doc.id = go_string_field(root, "id", label, text.span);
  if (const Value* statements = go_field(root, "statement"); statements && !statements->is_null()) {
    if (!statements->is_list())
      throw ProviderRefusal{label + ": Statement must be a list", text.span};
    for (std::size_t i = 0; i < statements->items().size(); ++i)
      doc.statements.push_back(json_statement(
          statements->items()[i], label + " statement " + std::to_string(i), text.span));
  }
  stamp(doc.version, text);
  stamp(doc.id, text);
  for (Value& statement : doc.statements) stamp(statement, text);
  return doc;
}

// The documents of a list attribute (source_policy_documents, override_policy_documents), in
// order; null entries are skipped as the provider skips them.
std::vector<PolicyDoc> json_documents(const Value* attr, std::string_view name) {
  std::vector<PolicyDoc> docs;
  if (!attr) return docs;
  if (!attr->is_list())
    throw ProviderRefusal{std::string(name) + " must be a list of strings", attr->span};
  for (std::size_t i = 0; i < attr->items().size(); ++i) {
    const Value& text = attr->items()[i];
    if (text.is_null()) continue;
    docs.push_back(json_document(text, std::string(name) + "[" + std::to_string(i) + "]"));
  }
  return docs;
}

// The deprecated single-document attributes (source_json, override_json); an empty string
// means unset, as in the provider.
std::optional<PolicyDoc> legacy_json_document(const Value& body, std::string_view name) {
  const Value* text = attribute(body, name);
  if (!text || (text->is_string() && text->text().empty())) return std::nullopt;
  return json_document(*text, std::string(name));
}

Value assemble(PolicyDoc merged, const Value& body, const Span& block_span) {
  Value document = Value::map({}, block_span);
  const auto present = [](const Value& v) {
    return v.is_unknown() || (v.is_string() && !v.text().empty());
  };
  if (present(merged.version))
    document.entries().push_back({"Version", key_span_of(body, "version"), merged.version});
  if (present(merged.id))
    document.entries().push_back({"Id", key_span_of(body, "policy_id"), merged.id});
  const Value* statement_attr = body.find("statement");
  const Span list_span = first_valid({statement_attr ? statement_attr->span : Span{}, block_span});
  const Span key_span = key_span_of(body, "statement");
  if (merged.unknown_statements) {
    document.entries().push_back({"Statement", key_span, std::move(*merged.unknown_statements)});
  } else if (!merged.statements.empty()) {
    // The provider leaves out an empty statement list.
    document.entries().push_back(
        {"Statement", key_span, Value::list(std::move(merged.statements), list_span)});
  }
  return document;
}

PolicyDoc merged_document(const Value& body, const Span& block_span) {
  PolicyDoc merged;
  // The provider reads source_json straight into the result, before any merging.
  if (auto source = legacy_json_document(body, "source_json")) merged = std::move(*source);

  // Sids must be unique across the source documents (source_json included).
  std::vector<std::string> source_sids;
  for (const Value& statement : merged.statements)
    if (const auto sid = merge_sid(statement); sid && !sid->empty()) source_sids.push_back(*sid);
  std::size_t index = 0;
  for (PolicyDoc& source :
       json_documents(attribute(body, "source_policy_documents"), "source_policy_documents")) {
    for (const Value& statement : source.statements) {
      const auto sid = merge_sid(statement);
      if (!sid || sid->empty()) continue;
      if (std::find(source_sids.begin(), source_sids.end(), *sid) != source_sids.end())
        throw ProviderRefusal{"duplicate Sid (" + *sid + ") in source_policy_documents[" +
                                  std::to_string(index) +
                                  "]. Remove the Sid or ensure Sids are unique.",
                              statement.span};
      source_sids.push_back(*sid);
    }
    merge_document(merged, std::move(source));
    ++index;
  }

  merge_document(merged, block_document(body, block_span));

  for (PolicyDoc& override_doc :
       json_documents(attribute(body, "override_policy_documents"), "override_policy_documents"))
    merge_document(merged, std::move(override_doc));
  if (auto override_doc = legacy_json_document(body, "override_json"))
    merge_document(merged, std::move(*override_doc));
  return merged;
}

// ------------------------------------------------------------------ JSON text

// A string as Go's encoding/json writes it: <, > and & escaped for HTML, U+2028 and U+2029
// escaped for JavaScript, invalid UTF-8 replaced by U+FFFD.
void write_go_string(std::string_view text, std::string& out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  for (std::size_t pos = 0; pos < text.size();) {
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) {
      ++pos;
      switch (byte) {
        case '"':
          out += "\\\"";
          continue;
        case '\\':
          out += "\\\\";
          continue;
        case '\b':
          out += "\\b";
          continue;
        case '\f':
          out += "\\f";
          continue;
        case '\n':
          out += "\\n";
          continue;
        case '\r':
          out += "\\r";
          continue;
        case '\t':
          out += "\\t";
          continue;
        default:
          break;
      }
      if (byte < 0x20 || byte == '<' || byte == '>' || byte == '&') {
        out += "\\u00";
        out += kHex[byte >> 4];
        out += kHex[byte & 0xF];
      } else {
        out += static_cast<char>(byte);
      }
      continue;
    }
    const std::size_t length = utf8_sequence_length(text, pos);
    if (length == 0) {
      out += "\\ufffd";
      ++pos;
      continue;
    }
    const std::string_view sequence = text.substr(pos, length);
    if (sequence == "\xE2\x80\xA8") {
      out += "\\u2028";
    } else if (sequence == "\xE2\x80\xA9") {
      out += "\\u2029";
    } else {
      out += sequence;
    }
    pos += length;
  }
  out += '"';
}

// A float64 as Go's encoding/json writes it: plain notation from 1e-6 up to 1e21, exponent
// notation outside, with "e-07" shortened to "e-7".
std::string go_number(double value) {
  if (!std::isfinite(value)) return "null";  // not reachable from JSON or HCL input
  const double magnitude = std::fabs(value);
  const bool plain = magnitude == 0 || (magnitude >= 1e-6 && magnitude < 1e21);
  char buffer[512];
  const auto [end, ec] =
      std::to_chars(buffer, buffer + sizeof buffer, value,
                    plain ? std::chars_format::fixed : std::chars_format::scientific);
  if (ec != std::errc()) return "0";
  std::string text(buffer, end);
  const std::size_t n = text.size();
  if (!plain && n >= 4 && text[n - 4] == 'e' && text[n - 3] == '-' && text[n - 2] == '0')
    text.erase(n - 2, 1);
  return text;
}

// Writes fully known Values as Go's json.Marshal (or MarshalIndent with a two-space indent)
// writes the provider's model: map entries in their order, empty collections as {} and [].
class GoJsonWriter {
 public:
  explicit GoJsonWriter(bool indented) : indented_(indented) {}

  void write(const Value& value, int depth) {
    switch (value.kind()) {
      case Value::Kind::null:
      case Value::Kind::unknown:  // callers check is_fully_known first
        out_ += "null";
        return;
      case Value::Kind::boolean:
        out_ += value.as_bool() ? "true" : "false";
        return;
      case Value::Kind::number:
        out_ += go_number(value.as_number());
        return;
      case Value::Kind::string:
        write_go_string(value.text(), out_);
        return;
      case Value::Kind::list:
        write_list(value.items(), depth);
        return;
      case Value::Kind::map:
        write_map(value.entries(), depth);
        return;
    }
  }

  std::string take() { return std::move(out_); }

 private:
  void newline(int depth) {
    if (!indented_) return;
    out_ += '\n';
    out_.append(static_cast<std::size_t>(depth) * 2, ' ');
  }

  void write_list(const Value::List& items, int depth) {
    out_ += '[';
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (i > 0) out_ += ',';
      newline(depth + 1);
      write(items[i], depth + 1);
    }
    if (!items.empty()) newline(depth);
    out_ += ']';
  }

  void write_map(const Value::Map& entries, int depth) {
    out_ += '{';
    for (std::size_t i = 0; i < entries.size(); ++i) {
      if (i > 0) out_ += ',';
      newline(depth + 1);
      write_go_string(entries[i].key, out_);
      out_ += indented_ ? ": " : ":";
      write(entries[i].value, depth + 1);
    }
    if (!entries.empty()) newline(depth);
    out_ += '}';
  }

  bool indented_;
  std::string out_;
};

const Value* first_error(const Value& value) {
  if (is_error(value)) return &value;
  for (const Value& item : value.items())
    if (const Value* error = first_error(item)) return error;
  for (const Value::Entry& entry : value.entries())
    if (const Value* error = first_error(entry.value)) return error;
  return nullptr;
}

}  // namespace

Value render_policy_document(const Value& body, const Span& block_span) {
  if (body.is_unknown()) return body;
  if (!body.is_map())
    return failure("a policy document body must be an object, got " + std::string(type_name(body)),
                   block_span, body);
  // A document merged in may replace or add any statement, so nothing is known until every
  // one of them is.
  for (std::string_view name :
       {"source_json", "source_policy_documents", "override_policy_documents", "override_json"}) {
    const Value* attr = attribute(body, name);
    if (!attr || attr->is_fully_known()) continue;
    if (const Value* error = first_error(*attr)) {
      Value failed = *error;
      failed.refs = refs_within({&body});
      return failed;
    }
    return unknown_because(std::string(name) + " is not known yet", block_span,
                           refs_within({&body}));
  }
  try {
    return assemble(merged_document(body, block_span), body, block_span);
  } catch (const ProviderRefusal& refusal) {
    return failure(refusal.message, first_valid({refusal.span, block_span}), body);
  }
}

Value policy_document_json(const Value& document, const Span& span, PolicyJsonLayout layout) {
  std::vector<std::string> refs = refs_within({&document});
  if (const Value* error = first_error(document)) {
    Value failed = *error;
    failed.span = span;
    failed.refs = std::move(refs);
    return failed;
  }
  // Readers of the text (the IAM policy engine) judge the statements where they were written.
  auto encoded = std::make_shared<EncodedText>();
  encoded->structure = std::make_shared<const Value>(document);
  if (!document.is_fully_known()) {
    Value partial =
        unknown_because("the policy document is not fully known", span, std::move(refs));
    partial.encoded = std::move(encoded);
    return partial;
  }
  // Written here rather than with jsonencode: the provider keeps its model's key order
  // (Version before Statement, Sid before Effect ...) where jsonencode sorts keys, and its
  // `json` attribute is indented.
  GoJsonWriter writer(layout == PolicyJsonLayout::indented);
  writer.write(document, 0);
  Value text = Value::string(writer.take(), span);
  text.refs = std::move(refs);
  text.origin = document.origin;
  text.encoded = std::move(encoded);
  return text;
}

}  // namespace iacscan::detail::tf
