// Reads a positioned Value into the policy model (policy.hpp).
#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "iam/policy.hpp"
#include "value/json_reader.hpp"

namespace iacscan::detail::iam {
namespace {

bool has_unknown_marker(std::string_view text) {
  return text.find(kUnknownMarker) != std::string_view::npos;
}

// A scalar element. `scalars_allowed`: condition values may be numbers and booleans.
Element read_element(const Value& v, bool scalars_allowed) {
  Element e;
  e.span = v.span;
  switch (v.kind()) {
    case Value::Kind::unknown:
      e.unknown = true;
      break;
    case Value::Kind::string:
      e.text = v.text();
      // A part of a Terraform template that was unknown: the element could be anything.
      e.unknown = has_unknown_marker(e.text);
      break;
    case Value::Kind::number:
    case Value::Kind::boolean:
      e.text = v.to_display_string();
      e.is_string = scalars_allowed;
      break;
    default:
      e.is_string = false;
      break;
  }
  return e;
}

ElementList read_list(const Value& v, bool scalars_allowed = false) {
  ElementList list;
  list.present = true;
  list.span = v.span;
  if (v.is_unknown()) {
    list.unknown = true;
    return list;
  }
  if (v.is_list()) {
    list.was_list = true;
    for (const Value& item : v.items()) list.items.push_back(read_element(item, scalars_allowed));
  } else {
    list.items.push_back(read_element(v, scalars_allowed));
  }
  return list;
}

PrincipalBlock read_principal(const Value& v) {
  PrincipalBlock p;
  p.present = true;
  p.span = v.span;
  if (v.is_unknown()) {
    p.unknown = true;
  } else if (v.is_string()) {
    if (has_unknown_marker(v.text()))
      p.unknown = true;
    else if (v.text() == "*")
      p.wildcard = true;
    else
      p.malformed = true;
  } else if (v.is_map()) {
    for (const Value::Entry& entry : v.entries())
      p.entries.push_back({entry.key, entry.key_span, read_list(entry.value)});
  } else {
    p.malformed = true;
  }
  return p;
}

ConditionBlock read_condition(const Value& v) {
  ConditionBlock c;
  c.present = true;
  c.span = v.span;
  if (v.is_unknown()) {
    c.unknown = true;
    return c;
  }
  if (!v.is_map()) {
    c.malformed = true;
    return c;
  }
  for (const Value::Entry& op_entry : v.entries()) {
    if (op_entry.value.is_unknown()) {
      c.unknown = true;
      continue;
    }
    if (!op_entry.value.is_map()) {
      c.malformed = true;
      continue;
    }
    const ConditionOperator op = parse_condition_operator(op_entry.key);
    for (const Value::Entry& key_entry : op_entry.value.entries()) {
      ConditionClause clause{op, op_entry.key_span, key_entry.key, key_entry.key_span,
                             read_list(key_entry.value, true)};
      if (clause.values.unknown) c.unknown = true;
      c.clauses.push_back(std::move(clause));
    }
  }
  return c;
}

Effect read_effect(const Value& v) {
  if (v.is_unknown()) return Effect::unknown;
  if (!v.is_string()) return Effect::invalid;
  if (has_unknown_marker(v.text())) return Effect::unknown;
  if (v.text() == "Allow") return Effect::allow;
  if (v.text() == "Deny") return Effect::deny;
  return Effect::invalid;
}

Statement read_statement(const Value& v, std::size_t index) {
  Statement s;
  s.index = index;
  s.span = v.span;
  if (v.is_unknown()) {
    s.unknown = true;
    return s;
  }
  if (!v.is_map()) {
    s.malformed = true;
    return s;
  }
  for (const Value::Entry& entry : v.entries()) {
    const std::string& key = entry.key;
    const Value& value = entry.value;
    if (key == "Sid") {
      s.has_sid = true;
      s.sid = read_element(value, false);
    } else if (key == "Effect") {
      s.effect = read_effect(value);
      s.effect_element = read_element(value, false);
    } else if (key == "Action") {
      s.action = read_list(value);
    } else if (key == "NotAction") {
      s.not_action = read_list(value);
    } else if (key == "Resource") {
      s.resource = read_list(value);
    } else if (key == "NotResource") {
      s.not_resource = read_list(value);
    } else if (key == "Principal") {
      s.principal = read_principal(value);
    } else if (key == "NotPrincipal") {
      s.not_principal = read_principal(value);
    } else if (key == "Condition") {
      s.condition = read_condition(value);
    } else {
      s.unexpected_keys.emplace_back(key, entry.key_span);
    }
  }
  return s;
}

void read_document(const Value& v, Policy& policy) {
  policy.span = v.span;
  if (!v.is_map()) {
    policy.malformed = true;
    policy.malformed_reason = "a policy document must be a JSON object";
    policy.malformed_span = v.span;
    return;
  }
  for (const Value::Entry& entry : v.entries()) {
    const Value& value = entry.value;
    if (entry.key == "Version") {
      policy.has_version = true;
      policy.version = read_element(value, false);
    } else if (entry.key == "Id") {
      policy.has_id = true;
      policy.id = read_element(value, false);
    } else if (entry.key == "Statement") {
      policy.has_statement = true;
      policy.statement_span = value.span;
      if (value.is_unknown()) {
        policy.statement_unknown = true;
      } else if (value.is_list()) {
        for (const Value& item : value.items())
          policy.statements.push_back(read_statement(item, policy.statements.size()));
      } else {
        policy.statements.push_back(read_statement(value, 0));
      }
    } else {
      policy.unexpected_keys.emplace_back(entry.key, entry.key_span);
    }
  }
}

// Maps a position inside a string's text onto the source that wrote the string. A string
// spanning several source lines (a heredoc, a YAML block scalar) has its text lines on source
// lines, starting on the line after the opening one when the span has room for it; a
// one-line string (quoted) has its characters after the opening quote. Escapes and stripped
// indentation make columns approximate; lines are exact for heredocs.
class SpanMapper {
 public:
  SpanMapper(const Span& outer, std::string_view text) : outer_(outer) {
    std::size_t lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
    if (!text.empty() && text.back() == '\n') --lines;
    const std::uint32_t span_lines = outer.range.end_line - outer.range.start_line + 1;
    multi_line_ = span_lines > 1;
    first_line_offset_ = multi_line_ && span_lines > lines ? 1 : 0;
  }

  Span map(const Span& inner) const {
    if (!outer_.valid()) return outer_;
    Span s;
    s.file = outer_.file;
    s.range.start_line = line(inner.range.start_line);
    s.range.end_line = line(inner.range.end_line);
    s.range.start_column = column(inner.range.start_line, inner.range.start_column);
    s.range.end_column = column(inner.range.end_line, inner.range.end_column);
    if (s.range.start_line == s.range.end_line && s.range.end_column < s.range.start_column)
      s.range.end_column = s.range.start_column;
    return s;
  }

 private:
  std::uint32_t line(std::uint32_t inner_line) const {
    if (!multi_line_) return outer_.range.start_line;
    return std::min(outer_.range.start_line + first_line_offset_ + inner_line - 1,
                    outer_.range.end_line);
  }
  std::uint32_t column(std::uint32_t inner_line, std::uint32_t inner_column) const {
    if (multi_line_) return inner_column;
    if (inner_line > 1) return outer_.range.start_column;
    return std::min(outer_.range.start_column + inner_column, outer_.range.end_column);
  }

  Span outer_;
  bool multi_line_ = false;
  std::uint32_t first_line_offset_ = 0;
};

void relocate(Value& v, const SpanMapper& mapper) {
  v.span = mapper.map(v.span);
  for (Value& item : v.items()) relocate(item, mapper);
  for (Value::Entry& entry : v.entries()) {
    entry.key_span = mapper.map(entry.key_span);
    relocate(entry.value, mapper);
  }
}

// Parses JSON text held by `holder`, positions mapped into the holder's span.
void parse_text(std::string_view text, const Value& holder, DecodedDocument& out) {
  out.text = std::string(text);
  ReadResult parsed = read_json(text, holder.span.file);
  const SpanMapper mapper(holder.span, text);
  if (!parsed.ok()) {
    // Text around an unknown part that is not inside a JSON string (a list spliced in with
    // jsonencode) cannot be read, but it is not wrong either.
    if (has_unknown_marker(text)) {
      out.unknown = true;
      out.unknown_reason = "the document has unknown parts outside its strings";
      return;
    }
    out.malformed = true;
    Span at;
    at.file = holder.span.file;
    at.range = {parsed.error->line, parsed.error->column, parsed.error->line, parsed.error->column};
    out.malformed_span = mapper.map(at);
    out.malformed_reason = "the document is not valid JSON: " + parsed.error->message;
    return;
  }
  relocate(*parsed.value, mapper);
  out.parsed = std::move(parsed.value);
}

}  // namespace

std::string_view policy_type_name(PolicyType type) {
  switch (type) {
    case PolicyType::identity:
      return "identity";
    case PolicyType::trust:
      return "trust";
    case PolicyType::resource:
      return "resource";
    case PolicyType::endpoint:
      return "endpoint";
    case PolicyType::scp:
      return "scp";
    case PolicyType::rcp:
      return "rcp";
    case PolicyType::ai_opt_out:
      return "ai-opt-out";
  }
  return "identity";
}

ConditionOperator parse_condition_operator(std::string_view written) {
  ConditionOperator op;
  op.written = std::string(written);
  std::string_view rest = written;
  constexpr std::string_view kForAll = "ForAllValues:";
  constexpr std::string_view kForAny = "ForAnyValue:";
  if (rest.starts_with(kForAll)) {
    op.qualifier = ConditionOperator::SetQualifier::for_all_values;
    rest.remove_prefix(kForAll.size());
  } else if (rest.starts_with(kForAny)) {
    op.qualifier = ConditionOperator::SetQualifier::for_any_value;
    rest.remove_prefix(kForAny.size());
  }
  constexpr std::string_view kIfExists = "IfExists";
  if (rest.size() > kIfExists.size() && rest.ends_with(kIfExists)) {
    op.if_exists = true;
    rest.remove_suffix(kIfExists.size());
  }
  op.base = std::string(rest);
  return op;
}

bool ElementList::has_unknown() const {
  return unknown ||
         std::any_of(items.begin(), items.end(), [](const Element& e) { return e.unknown; });
}

bool ElementList::contains_text(std::string_view text) const {
  return std::any_of(items.begin(), items.end(),
                     [&](const Element& e) { return !e.unknown && e.text == text; });
}

bool is_statement_key(std::string_view key) {
  static constexpr std::array<std::string_view, 9> kKeys = {
      "Action",      "Condition", "Effect",   "NotAction", "NotPrincipal",
      "NotResource", "Principal", "Resource", "Sid"};
  return std::binary_search(kKeys.begin(), kKeys.end(), key);
}

DecodedDocument decode_document(const Value& value) {
  DecodedDocument out;
  if (value.encoded && value.encoded->structure) {
    const Value& structure = *value.encoded->structure;
    if (structure.is_string() || structure.is_unknown()) return decode_document(structure);
    out.value = &structure;
    // The text Terraform would send is what AWS counts a document's size on.
    if (value.is_string()) out.text = value.text();
    return out;
  }
  if (value.is_map()) {
    out.value = &value;
  } else if (value.is_string()) {
    parse_text(value.text(), value, out);
  } else if (value.is_unknown() && value.encoded && !value.encoded->partial_text.empty()) {
    parse_text(value.encoded->partial_text, value, out);
  } else if (value.is_unknown()) {
    out.unknown = true;
    out.unknown_reason = value.text();
  } else {
    out.malformed = true;
    out.malformed_reason = "the document must be a JSON object";
    out.malformed_span = value.span;
  }
  return out;
}

Policy read_policy(const Value& value) {
  Policy policy;
  const DecodedDocument decoded = decode_document(value);
  policy.source_text = decoded.text;
  if (decoded.unknown) {
    policy.unknown = true;
    policy.unknown_reason = decoded.unknown_reason;
  } else if (decoded.malformed) {
    policy.malformed = true;
    policy.malformed_reason = decoded.malformed_reason;
    policy.malformed_span = decoded.malformed_span;
  } else {
    read_document(*decoded.get(), policy);
  }
  policy.span = value.span;
  return policy;
}

}  // namespace iacscan::detail::iam
