#include "engine/secret_predicates.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "engine/attribute_path.hpp"
#include "engine/predicate_support.hpp"
#include "engine/secret_patterns.hpp"
#include "iam/policy.hpp"
#include "value/dynamic_reference.hpp"

namespace iacscan::detail::predicates {
namespace {

using secrets::SecretHit;
using secrets::SecretKind;

// A finding on a value of the resource itself: the witness carries its origin (the default
// of a parameter it came from). Messages of these rules show {attribute}, never {value}.
Outcome found_at(std::string attribute, const Value& witness) {
  Outcome o;
  o.truth = Truth::true_;
  o.attribute = std::move(attribute);
  o.witness = &witness;
  o.span = witness.span;
  return o;
}

Outcome unknown_outcome(std::string attribute, const Span& span) {
  return undecided(std::move(attribute), span, "");
}

// Where a piece of a string's text was written. A string spanning several source lines (a
// heredoc, a YAML block scalar) has its text lines on the source lines, starting on the line
// after the opening one when the span has room for it; a one-line string has its characters
// after the opening quote. Columns are approximate (escapes, stripped indentation).
Span locate(const Span& holder, std::string_view text, std::size_t offset, std::size_t length) {
  if (!holder.valid()) return holder;
  const std::string_view before = text.substr(0, offset);
  const auto inner_line =
      static_cast<std::uint32_t>(std::count(before.begin(), before.end(), '\n')) + 1;
  const std::size_t line_start =
      before.rfind('\n') == std::string_view::npos ? 0 : before.rfind('\n') + 1;
  const auto inner_column = static_cast<std::uint32_t>(offset - line_start) + 1;
  const auto width = static_cast<std::uint32_t>(std::max<std::size_t>(length, 1)) - 1;
  std::size_t text_lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
  if (!text.empty() && text.back() == '\n') --text_lines;
  const std::uint32_t span_lines = holder.range.end_line - holder.range.start_line + 1;
  Span s = holder;
  if (span_lines <= 1) {
    s.range.start_column =
        std::min(holder.range.start_column + inner_column, holder.range.end_column);
    s.range.end_column = std::min(s.range.start_column + width, holder.range.end_column);
    return s;
  }
  const std::uint32_t first = span_lines > text_lines ? 1 : 0;
  s.range.start_line =
      std::min(holder.range.start_line + first + inner_line - 1, holder.range.end_line);
  s.range.end_line = s.range.start_line;
  s.range.start_column = inner_column;
  s.range.end_column = inner_column + width;
  return s;
}

std::string join(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : path + "." + std::string(key);
}

std::string indexed(const std::string& path, std::size_t i) {
  return path + "[" + std::to_string(i) + "]";
}

// Case-insensitive lookup: ECS JSON writes `environment`/`name`, CloudFormation
// `Environment`/`Name`.
const Value* find_any_case(const Value& map, std::string_view key) {
  for (const Value::Entry& e : map.entries()) {
    if (e.key.size() == key.size() &&
        std::equal(e.key.begin(), e.key.end(), key.begin(), [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) ==
                 std::tolower(static_cast<unsigned char>(b));
        }))
      return &e.value;
  }
  return nullptr;
}

// The text a string value holds for scanning: its own text and, when it is base64 of text
// (user data), the decoded text, which has the lines of the source it was encoded from.
std::vector<std::string> texts_of(const Value& value) {
  std::vector<std::string> texts;
  if (value.is_string()) {
    texts.push_back(value.text());
    if (auto decoded = secrets::decode_base64_text(value.text())) texts.push_back(*decoded);
  } else if (value.is_unknown() && value.encoded && !value.encoded->partial_text.empty()) {
    // A template around unknown parts: its written parts are known.
    texts.push_back(value.encoded->partial_text);
  }
  return texts;
}

// Key ids keep their last four characters, secrets only their first four.
std::string redacted(std::string_view text, const SecretHit& hit) {
  const std::string_view secret = text.substr(hit.offset, hit.length);
  return secrets::redact(secret, hit.kind == SecretKind::aws_access_key_id ? 4 : 0);
}

bool looks_like_json(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && (text[first] == '{' || text[first] == '[');
}

// Written as the default of a parameter or variable: the declaration's own pseudo-resource
// reports it there, once, rather than at every use.
bool written_as_default(const Value& value) {
  return value.origin && value.origin->note.starts_with("default of ");
}

// "secret" in any case: where a secret access key could be assigned by name.
bool mentions_secret(std::string_view text) {
  constexpr std::string_view kWord = "secret";
  return std::search(text.begin(), text.end(), kWord.begin(), kWord.end(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) == b;
         }) != text.end();
}

// The first access key id or secret access key assignment in `text`. Every string of every
// resource comes here, so the assignment search runs only where a secret key name could be.
std::optional<SecretHit> first_aws_key(std::string_view text) {
  std::vector<SecretHit> hits = secrets::find_aws_access_key_ids(text);
  if (mentions_secret(text)) {
    for (const SecretHit& hit : secrets::find_secret_assignments(text))
      if (hit.kind == SecretKind::aws_secret_access_key) hits.push_back(hit);
  }
  if (hits.empty()) return std::nullopt;
  return *std::min_element(hits.begin(), hits.end(), [](const SecretHit& a, const SecretHit& b) {
    return a.offset < b.offset;
  });
}

// secrets-aws-access-key: a walk over every value of the resource.
class AwsKeyScan {
 public:
  std::optional<Outcome> scan(const Value& value, const std::string& path) {
    if (written_as_default(value)) return std::nullopt;
    if (value.encoded && value.encoded->structure) return scan(*value.encoded->structure, path);
    if (value.is_list()) {
      for (std::size_t i = 0; i < value.items().size(); ++i)
        if (auto o = scan(value.items()[i], indexed(path, i))) return o;
      return std::nullopt;
    }
    if (value.is_map()) return scan_map(value, path);
    if (value.is_string() && looks_like_json(value.text())) {
      iam::DecodedDocument decoded = iam::decode_document(value);
      if (const Value* parsed = decoded.get(); parsed != nullptr && decoded.parsed)
        return scan(*parsed, path);
    }
    for (const std::string& text : texts_of(value)) {
      if (const std::optional<SecretHit> hit = first_aws_key(text))
        return found(path, locate(value.span, text, hit->offset, hit->length),
                     std::string(secrets::describe(hit->kind)) + " " + redacted(text, *hit));
    }
    return std::nullopt;
  }

 private:
  std::optional<Outcome> secret_key_under(std::string_view name, const Value& value,
                                          const std::string& path) {
    // The value first: it is rarely 40 characters, and names cost more to read.
    if (!value.is_string() || !secrets::is_aws_secret_access_key(value.text()) ||
        written_as_default(value) || !secrets::is_secret_access_key_name(name))
      return std::nullopt;
    return found(path, value.span, "AWS secret access key " + secrets::redact(value.text()));
  }

  std::optional<Outcome> scan_map(const Value& map, const std::string& path) {
    // {Name: AWS_SECRET_ACCESS_KEY, Value: ...}: an environment entry of a container.
    const Value* name = find_any_case(map, "name");
    const Value* named = find_any_case(map, "value");
    if (name && named && name->is_string())
      if (auto o = secret_key_under(name->text(), *named, join(path, name->text()))) return o;
    for (const Value::Entry& e : map.entries()) {
      const std::string at = join(path, e.key);
      if (auto o = secret_key_under(e.key, e.value, at)) return o;
      if (auto o = scan(e.value, at)) return o;
    }
    return std::nullopt;
  }
};

std::string text_argument(const Value& arguments, std::string_view key) {
  const Value* v = arguments.find(key);
  return v != nullptr && v->is_string() ? v->text() : std::string();
}

// A known literal worth calling a secret; dynamic references and other unknowns are not.
bool holds_literal_secret(const Value& value) {
  return value.is_string() && secrets::looks_like_secret_value(value.text());
}

// What decides a container definitions value: the list itself (CloudFormation, jsonencode's
// structure) or the JSON text parsed (a heredoc, file()).
struct Containers {
  iam::DecodedDocument decoded;
  const Value* list = nullptr;
  bool owned = false;  // parsed from text: positions are right, but the values are temporary
  bool unknown = false;
};

// Fills `c` in place: `list` may point into `c.decoded`.
void read_containers(const Value& value, Containers& c) {
  if (value.is_list()) {
    c.list = &value;
    return;
  }
  c.decoded = iam::decode_document(value);
  c.unknown = c.decoded.unknown;
  const Value* got = c.decoded.get();
  if (got != nullptr && got->is_list()) {
    c.list = got;
    c.owned = c.decoded.parsed.has_value();
  } else if (got != nullptr && got->is_unknown()) {
    c.unknown = true;
  }
}

std::string parameter_name(const std::string& address) {
  const std::size_t dot = address.rfind('.');
  return dot == std::string::npos ? address : address.substr(dot + 1);
}

bool is_true(const Value* v) {
  if (v == nullptr) return false;
  if (v->is_bool()) return v->as_bool();
  return v->is_string() && (v->text() == "true" || v->text() == "True" || v->text() == "TRUE");
}

// A default that writes a secret down: a literal string, or a collection holding one.
const Value* literal_in(const Value& value) {
  if (holds_literal_secret(value)) return &value;
  for (const Value& item : value.items())
    if (const Value* found_value = literal_in(item)) return found_value;
  for (const Value::Entry& e : value.entries())
    if (const Value* found_value = literal_in(e.value)) return found_value;
  return nullptr;
}

// Parameters whose values are not secrets by type: numbers, flags, names of SSM parameters
// and of AWS resources (AWS::EC2::KeyPair::KeyName names a key pair, it is not one).
bool cloudformation_type_may_hold_secret(const Value& declaration) {
  const Value* type = declaration.find("Type");
  if (type == nullptr || !type->is_string()) return true;
  const std::string& t = type->text();
  if (t != "String" && t != "CommaDelimitedList") return false;
  // AllowedValues of flags only ("true", "false"): a switch, not a secret.
  const Value* allowed = declaration.find("AllowedValues");
  if (allowed == nullptr || !allowed->is_list() || allowed->items().empty()) return true;
  return std::any_of(allowed->items().begin(), allowed->items().end(),
                     [](const Value& v) { return holds_literal_secret(v); });
}

bool terraform_type_may_hold_secret(const Value& declaration) {
  const Value* type = declaration.find("type");
  if (type != nullptr && type->is_string()) {
    const std::string& t = type->text();
    if (t == "bool" || t == "number" || t.find("(bool)") != std::string::npos ||
        t.find("(number)") != std::string::npos)
      return false;
  }
  const Value* fallback = declaration.find("default");
  return fallback == nullptr || !(fallback->is_bool() || fallback->is_number());
}

Outcome judge_parameter(const Resource& r, const char* masked_key, const char* default_key,
                        const char* mask_text) {
  const Value& declaration = r.attributes;
  if (const Value* fallback = declaration.find(default_key)) {
    if (const Value* literal = literal_in(*fallback))
      return found(default_key, literal->span, "has a default value");
  }
  const Value* masked = declaration.find(masked_key);
  if (is_true(masked)) return Outcome{};
  if (masked != nullptr && masked->is_unknown()) return unknown_outcome(masked_key, masked->span);
  const Span at = masked != nullptr && masked->span.valid() ? masked->span : r.name_span;
  return found(masked_key, at, std::string("is not declared with ") + mask_text);
}

}  // namespace

Outcome secrets_aws_access_key(const PredicateInput& input) {
  AwsKeyScan scan;
  return scan.scan(input.resource.attributes, "").value_or(Outcome{});
}

Outcome secrets_named_literal(const PredicateInput& input) {
  const std::string attribute = text_argument(input.arguments, "attribute");
  Outcome undecided;
  for (const Value* map : resolve_all(input.subject, split_path(attribute))) {
    if (map->is_unknown() && undecided.truth != Truth::unknown)
      undecided = unknown_outcome(attribute, map->span);
    for (const Value::Entry& e : map->entries()) {
      if (!secrets::is_secret_name(e.key)) continue;
      if (holds_literal_secret(e.value)) return found_at(join(attribute, e.key), e.value);
      if (e.value.is_unknown() && !is_dynamic_reference(e.value) &&
          undecided.truth != Truth::unknown)
        undecided = unknown_outcome(join(attribute, e.key), e.value.span);
    }
  }
  return undecided;
}

Outcome secrets_container_environment(const PredicateInput& input) {
  const std::string attribute = text_argument(input.arguments, "attribute");
  Outcome undecided;
  auto unknown_at = [&](const std::string& at, const Span& span) {
    if (undecided.truth != Truth::unknown) undecided = unknown_outcome(at, span);
  };
  for (const Value* value : resolve_all(input.subject, split_path(attribute))) {
    Containers containers;
    read_containers(*value, containers);
    if (containers.unknown || containers.list == nullptr) {
      if (containers.unknown || value->is_unknown()) unknown_at(attribute, value->span);
      continue;
    }
    for (std::size_t i = 0; i < containers.list->items().size(); ++i) {
      const Value& container = containers.list->items()[i];
      const std::string at = indexed(attribute, i);
      if (container.is_unknown()) unknown_at(at, container.span);
      if (!container.is_map()) continue;
      const Value* environment = find_any_case(container, "environment");
      if (environment == nullptr) continue;
      if (environment->is_unknown()) unknown_at(at, environment->span);
      for (const Value& variable : environment->items()) {
        if (variable.is_unknown()) unknown_at(at, variable.span);
        if (!variable.is_map()) continue;
        const Value* name = find_any_case(variable, "name");
        const Value* setting = find_any_case(variable, "value");
        if (name == nullptr || setting == nullptr || setting->is_null()) continue;
        if (name->is_unknown()) unknown_at(at, name->span);
        if (!name->is_string() || !secrets::is_secret_name(name->text())) continue;
        // Known or not, the value is stored in plain text in the task definition.
        if (!setting->is_unknown() && !holds_literal_secret(*setting)) continue;
        const std::string where = at + ".environment." + name->text();
        if (containers.owned) {
          return found(where, setting->span, "environment variable \"" + name->text() + "\"");
        }
        return found_at(where, *setting);
      }
    }
  }
  return undecided;
}

Outcome secrets_user_data(const PredicateInput& input) {
  Outcome undecided;
  const Value* paths = input.arguments.find("paths");
  if (paths == nullptr) return undecided;
  for (const Value& path : paths->items()) {
    for (const Value* value : resolve_all(input.resource.attributes, split_path(path.text()))) {
      const std::vector<std::string> texts = texts_of(*value);
      for (const std::string& text : texts) {
        const std::vector<SecretHit> hits = secrets::find_credentials(text);
        if (hits.empty()) continue;
        const SecretHit& hit = hits.front();
        std::string detail(secrets::describe(hit.kind));
        if (!hit.name.empty()) detail += " assigned to " + hit.name;
        if (hit.kind == SecretKind::aws_access_key_id) detail += " " + redacted(text, hit);
        return found(path.text(), locate(value->span, text, hit.offset, hit.length), detail);
      }
      // Unknown parts may hold anything.
      if (value->is_unknown() && undecided.truth != Truth::unknown)
        undecided = unknown_outcome(path.text(), value->span);
    }
  }
  return undecided;
}

Outcome secrets_parameter_unmasked(const PredicateInput& input) {
  const Resource& r = input.resource;
  if (!secrets::is_secret_name(parameter_name(r.address))) return Outcome{};
  if (r.native_type == "CloudFormation::Parameter") {
    if (!cloudformation_type_may_hold_secret(r.attributes)) return Outcome{};
    return judge_parameter(r, "NoEcho", "Default", "NoEcho: true");
  }
  if (r.native_type == "terraform_variable") {
    if (!terraform_type_may_hold_secret(r.attributes)) return Outcome{};
    return judge_parameter(r, "sensitive", "default", "sensitive = true");
  }
  return Outcome{};
}

std::string secret_paths_arguments(const Value& arguments) {
  for (const Value::Entry& e : arguments.entries())
    if (e.key != "paths") return "unknown argument \"" + e.key + "\"";
  const Value* paths = arguments.find("paths");
  if (paths == nullptr || !paths->is_list() || paths->items().empty())
    return "paths (a list of native attribute paths) is required";
  for (const Value& p : paths->items())
    if (!p.is_string() || p.text().empty()) return "paths must be attribute paths";
  return "";
}

}  // namespace iacscan::detail::predicates
