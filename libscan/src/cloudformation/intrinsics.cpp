// Minimal intrinsic function resolution for CloudFormation resource properties.
#include "cloudformation/intrinsics.hpp"

#include <algorithm>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

namespace iacscan::detail {
namespace {

enum class Outcome { keep, remove };

bool is_intrinsic(const Value& value) {
  if (!value.is_map() || value.entries().size() != 1) return false;
  const std::string& key = value.entries().front().key;
  return key == "Ref" || key.rfind("Fn::", 0) == 0;
}

// The logical id a Fn::GetAtt argument names: ["Bucket", "Arn"] or "Bucket.Arn".
std::string get_att_target(const Value& argument) {
  if (argument.is_list() && !argument.items().empty() && argument.items().front().is_string()) {
    return argument.items().front().text();
  }
  if (argument.is_string()) return argument.text().substr(0, argument.text().find('.'));
  return {};
}

void add_ref(std::vector<std::string>& refs, const TemplateSymbols& symbols,
             const std::string& name) {
  if (!symbols.resources.contains(name)) return;
  if (std::find(refs.begin(), refs.end(), name) == refs.end()) refs.push_back(name);
}

// Names used as ${Name} or ${Name.Attribute} in a Fn::Sub string (${!Literal} is an escape).
void collect_sub_refs(std::string_view text, const TemplateSymbols& symbols,
                      std::vector<std::string>& refs) {
  for (std::size_t open = text.find("${"); open != std::string_view::npos;
       open = text.find("${", open + 2)) {
    const std::size_t close = text.find('}', open + 2);
    if (close == std::string_view::npos) return;
    const std::string_view inside = text.substr(open + 2, close - open - 2);
    if (inside.empty() || inside.front() == '!') continue;
    add_ref(refs, symbols, std::string{inside.substr(0, inside.find('.'))});
  }
}

// Resources that Refs, GetAtts and Sub strings anywhere inside `value` point at.
void collect_refs(const Value& value, const TemplateSymbols& symbols,
                  std::vector<std::string>& refs) {
  if (is_intrinsic(value)) {
    const Value::Entry& call = value.entries().front();
    if (call.key == "Ref" && call.value.is_string()) add_ref(refs, symbols, call.value.text());
    if (call.key == "Fn::GetAtt") add_ref(refs, symbols, get_att_target(call.value));
    if (call.key == "Fn::Sub") {
      const Value& format = call.value.is_list() && !call.value.items().empty()
                                ? call.value.items().front()
                                : call.value;
      if (format.is_string()) collect_sub_refs(format.text(), symbols, refs);
    }
  }
  if (value.is_list()) {
    for (const Value& item : value.items()) collect_refs(item, symbols, refs);
  } else if (value.is_map()) {
    for (const Value::Entry& e : value.entries()) collect_refs(e.value, symbols, refs);
  }
}

const Value* find_parameter(const TemplateSymbols& symbols, const std::string& name) {
  return symbols.parameters != nullptr ? symbols.parameters->find(name) : nullptr;
}

// A Ref to a parameter reads as its default, located where the Ref is written; the default's
// own place becomes the value's origin, which reports show as a related location.
Value parameter_default(const Value& parameter, const std::string& name, const Span& use) {
  const Value* fallback = parameter.find("Default");
  if (fallback == nullptr)
    return Value::unknown("parameter " + name + " has no default value", use);
  Value value = *fallback;
  value.span = use;
  value.origin = std::make_shared<const Provenance>(
      Provenance{fallback->span, "default of parameter \"" + name + "\""});
  return value;
}

Outcome resolve_ref(Value& value, const TemplateSymbols& symbols) {
  const Value& argument = value.entries().front().value;
  const Span span = value.span;
  if (!argument.is_string()) {
    value = Value::unknown("Ref to something that is not a name", span);
    return Outcome::keep;
  }
  const std::string name = argument.text();
  if (name == "AWS::NoValue") return Outcome::remove;
  if (symbols.resources.contains(name)) {
    value = Value::unknown("reference to resource " + name, span);
    value.refs.push_back(name);
  } else if (const Value* parameter = find_parameter(symbols, name)) {
    value = parameter_default(*parameter, name, span);
  } else if (name.rfind("AWS::", 0) == 0) {
    value = Value::unknown("pseudo parameter " + name + " is known only at deployment", span);
  } else {
    value = Value::unknown("reference to " + name + ", which the template does not declare", span);
  }
  return Outcome::keep;
}

Outcome resolve_function(Value& value, const TemplateSymbols& symbols) {
  const Value::Entry& call = value.entries().front();
  if (call.key == "Ref") return resolve_ref(value, symbols);
  std::vector<std::string> refs;
  std::string reason;
  if (call.key == "Fn::GetAtt") {
    const std::string target = get_att_target(call.value);
    add_ref(refs, symbols, target);
    reason = "attribute of resource " + target + " is known only after deployment";
  } else {
    collect_refs(value, symbols, refs);
    reason = call.key + " is not evaluated yet";
  }
  value = Value::unknown(std::move(reason), value.span);
  value.refs = std::move(refs);
  return Outcome::keep;
}

Outcome resolve(Value& value, const TemplateSymbols& symbols);

// Resolves each element and drops those that resolve to AWS::NoValue.
template <typename Container, typename ValueOf>
void resolve_elements(Container& elements, const TemplateSymbols& symbols, ValueOf value_of) {
  std::size_t kept = 0;
  for (std::size_t i = 0; i < elements.size(); ++i) {
    if (resolve(value_of(elements[i]), symbols) == Outcome::remove) continue;
    if (kept != i) elements[kept] = std::move(elements[i]);
    ++kept;
  }
  elements.resize(kept);
}

Outcome resolve(Value& value, const TemplateSymbols& symbols) {
  if (is_intrinsic(value)) return resolve_function(value, symbols);
  if (value.is_list()) {
    resolve_elements(value.items(), symbols, [](Value& v) -> Value& { return v; });
  } else if (value.is_map()) {
    resolve_elements(value.entries(), symbols, [](Value::Entry& e) -> Value& { return e.value; });
  }
  return Outcome::keep;
}

}  // namespace

Value resolve_intrinsics(Value properties, const TemplateSymbols& symbols) {
  if (resolve(properties, symbols) == Outcome::remove) return Value::map({}, properties.span);
  return properties;
}

}  // namespace iacscan::detail
