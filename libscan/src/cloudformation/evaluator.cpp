// Template evaluation: the walk over values, intrinsic dispatch, Ref, Fn::GetAtt, Fn::If, and
// lazily evaluated, memoised resource properties (a Ref to a bucket reads its BucketName).
#include "cloudformation/evaluator.hpp"

#include <memory>
#include <string>
#include <utility>

#include "cloudformation/dynamic_references.hpp"
#include "cloudformation/functions.hpp"
#include "cloudformation/pseudo_parameters.hpp"
#include "cloudformation/resource_attributes.hpp"
#include "cloudformation/value_ops.hpp"

namespace iacscan::detail {
namespace {

const Value* section(const Value& root, std::string_view name) {
  const Value* found = root.find(name);
  return found != nullptr && found->is_map() ? found : nullptr;
}

// Transforms (SAM, macros), modules (Type: Org::Thing::MODULE, whose resources get prefixed
// logical ids) and preprocessors such as Rain (Type: !Rain::Module file.yml) add resources and
// parameters the template text does not declare.
bool may_add_names(const Value& root, const Value* resources) {
  if (root.find("Transform") != nullptr) return true;
  if (resources == nullptr) return false;
  for (const Value::Entry& e : resources->entries()) {
    const Value* type = e.value.find("Type");
    if (type == nullptr || !type->is_string()) return true;
    const std::string& name = type->text();
    if (name.find("::") == std::string::npos || name.ends_with("::MODULE")) return true;
  }
  return false;
}

// Resources being evaluated at once because each reads the next one's properties (a Ref to a
// bucket reads its BucketName), bounded so that a long chain cannot exhaust the stack.
constexpr std::size_t kMaxResourceNesting = 64;

std::string quoted(const std::string& text) {
  return "\"" + text + "\"";
}

// Removes the elements for which `evaluate` yields AWS::NoValue.
template <typename Container, typename Evaluate>
Container evaluate_elements(const Container& elements, Evaluate evaluate) {
  Container out;
  out.reserve(elements.size());
  for (const auto& element : elements) evaluate(element, out);
  return out;
}

}  // namespace

TemplateEvaluator::TemplateEvaluator(const Value& root, const CloudFormationContext& context,
                                     TemplateWarnings& warnings)
    : context_(context),
      warnings_(warnings),
      parameters_(section(root, "Parameters"), context),
      conditions_(section(root, "Conditions")),
      mappings_(section(root, "Mappings")),
      names_may_be_added_(may_add_names(root, section(root, "Resources"))) {
  if (const Value* resources = section(root, "Resources")) {
    for (const Value::Entry& e : resources->entries()) {
      resource_index_.emplace(e.key, resources_.size());
      resources_.emplace_back().declaration = &e.value;
    }
  }
  conditions_.evaluate_all(*this);
}

std::optional<Value> TemplateEvaluator::evaluate(const Value& node) {
  if (is_intrinsic(node)) return call(node);
  if (node.is_string()) {
    if (auto dynamic = find_dynamic_reference(node.text(), node.span)) return dynamic;
  } else if (node.is_list()) {
    Value::List items = evaluate_elements(node.items(), [&](const Value& item, Value::List& out) {
      if (auto v = evaluate(item)) out.push_back(std::move(*v));
    });
    return Value::list(std::move(items), node.span);
  } else if (node.is_map()) {
    Value::Map entries =
        evaluate_elements(node.entries(), [&](const Value::Entry& e, Value::Map& out) {
          if (auto v = evaluate(e.value))
            out.push_back(Value::Entry{e.key, e.key_span, std::move(*v)});
        });
    return Value::map(std::move(entries), node.span);
  }
  return node;
}

Value TemplateEvaluator::argument(const Value& node, std::string_view function) {
  if (std::optional<Value> value = evaluate(node)) return std::move(*value);
  const std::string message = std::string{function} + " cannot take AWS::NoValue as an argument";
  warn(node.span, message + "; the value is unknown");
  return Value::unknown(message, node.span);
}

std::optional<Value> TemplateEvaluator::call(const Value& node) {
  const Value::Entry& call = node.entries().front();
  if (call.key == "Ref") {
    if (!call.value.is_string()) {
      return malformed(*this, node.span, "Ref takes the name of a parameter or resource");
    }
    if (call.value.text() == "AWS::NoValue") return std::nullopt;
    return ref(call.value.text(), node.span);
  }
  if (call.key == "Fn::If") return fn_if(call.value, node.span);
  if (call.key == "Fn::GetAtt") return fn_get_att(call.value, node.span);
  if (const IntrinsicFunction function = find_function(call.key)) {
    return function(call.value, node.span, *this);
  }
  return unsupported(call.key, call.value, node.span);
}

// Functions iacscan does not evaluate (Fn::ForEach belongs to Resources, Fn::ValueOf to Rules):
// unknown, keeping the refs of whatever they mention.
Value TemplateEvaluator::unsupported(const std::string& function, const Value& argument,
                                     const Span& use) {
  Value out = Value::unknown(function + " is not evaluated by iacscan", use);
  if (std::optional<Value> evaluated = evaluate(argument)) add_refs(out.refs, *evaluated);
  return out;
}

Value TemplateEvaluator::ref(const std::string& name, const Span& use) {
  if (is_resource(name)) return resource_value(name, "", use);
  if (parameters_.declares(name)) return parameters_.value(name, use);
  if (is_pseudo_parameter(name)) return pseudo_parameter(name, context_, use);
  if (name == "AWS::NoValue") {
    return malformed(*this, use, "AWS::NoValue can only remove a property or list element");
  }
  return undeclared("Ref to", name, use);
}

Value TemplateEvaluator::undeclared(const std::string& what, const std::string& name,
                                    const Span& use) {
  const std::string message = what + " " + quoted(name) + ", which the template does not declare";
  if (!names_may_be_added_) warn(use, message + "; the value is unknown");
  return Value::unknown(message, use);
}

Value TemplateEvaluator::fn_get_att(const Value& argument, const Span& use) {
  if (argument.is_string()) {
    const std::size_t dot = argument.text().find('.');
    if (dot != std::string::npos && dot > 0 && dot + 1 < argument.text().size()) {
      return get_att(argument.text().substr(0, dot), argument.text().substr(dot + 1), use);
    }
  } else if (argument.is_list() && argument.items().size() == 2 &&
             argument.items()[0].is_string()) {
    const std::string& resource = argument.items()[0].text();
    const Value attribute = this->argument(argument.items()[1], "Fn::GetAtt");
    if (const auto name = scalar_text(attribute)) return get_att(resource, *name, use);
    if (attribute.is_unknown()) {
      Value out = unknown_from("Fn::GetAtt of an unknown attribute of " + quoted(resource), use,
                               {&attribute});
      if (is_resource(resource)) add_ref(out.refs, resource);
      return out;
    }
  }
  return malformed(*this, use, "Fn::GetAtt takes [resource, attribute] or \"resource.attribute\"");
}

Value TemplateEvaluator::get_att(const std::string& resource, const std::string& attribute,
                                 const Span& use) {
  if (parameters_.declares(resource)) {
    return malformed(*this, use,
                     "Fn::GetAtt of " + quoted(resource) + ", a parameter, not a resource");
  }
  if (!is_resource(resource)) return undeclared("Fn::GetAtt of", resource, use);
  return resource_value(resource, attribute, use);
}

// A resource's Ref (empty `attribute`) or attribute: known when the resource's own properties
// say it (resource_attributes), otherwise unknown; a ref to the resource either way.
Value TemplateEvaluator::resource_value(const std::string& logical_id, const std::string& attribute,
                                        const Span& use) {
  const std::string what = attribute.empty() ? "Ref of resource " + quoted(logical_id)
                                             : "attribute " + quoted(logical_id + "." + attribute);
  std::optional<Value> out;
  if (resource_condition(logical_id) == Truth::false_) {
    out = Value::unknown(what + ": the resource's condition is false, so it does not exist", use);
  } else if (const Value* properties = resource_properties(logical_id)) {
    const Value* type = slot(logical_id)->declaration->find("Type");
    const std::string type_name = type != nullptr && type->is_string() ? type->text() : "";
    out = known_resource_attribute(type_name, logical_id, attribute, *properties, use, *this);
  }
  if (!out) {
    out = Value::unknown(attribute.empty() ? "reference to resource " + logical_id
                                           : what + " is known only after deployment",
                         use);
  }
  add_ref(out->refs, logical_id);
  return std::move(*out);
}

std::optional<Value> TemplateEvaluator::fn_if(const Value& argument, const Span& use) {
  if (!argument.is_list() || argument.items().size() != 3 || !argument.items()[0].is_string()) {
    return malformed(*this, use, "Fn::If takes [condition name, value if true, value if false]");
  }
  const Value::List& items = argument.items();
  const Truth truth = condition(items[0].text(), items[0].span);
  if (truth == Truth::true_) return evaluate(items[1]);
  if (truth == Truth::false_) return evaluate(items[2]);
  // Never a guess: the value is unknown, but it may only be one of the branches, and it still
  // depends on whatever either branch refers to.
  const std::optional<Value> when_true = evaluate(items[1]);
  const std::optional<Value> when_false = evaluate(items[2]);
  if (!when_true && !when_false) return std::nullopt;  // removed either way
  Value out = Value::unknown(
      "Fn::If on condition " + quoted(items[0].text()) + ", which is unknown before deployment",
      use);
  if (when_true) add_refs(out.refs, *when_true);
  if (when_false) add_refs(out.refs, *when_false);
  if (when_true && when_false && scalar_text(*when_true) && scalar_text(*when_false)) {
    out.candidates = std::make_shared<const Value::List>(Value::List{*when_true, *when_false});
  }
  return out;
}

Truth TemplateEvaluator::condition(const std::string& name, const Span& use) {
  if (conditions_.declares(name)) return conditions_.truth(name, *this);
  if (!names_may_be_added_) {
    warn(use, "condition " + quoted(name) + " is not declared in Conditions; it is unknown");
  }
  return Truth::unknown;
}

bool TemplateEvaluator::is_resource(const std::string& logical_id) const {
  return resource_index_.contains(logical_id);
}

TemplateEvaluator::ResourceSlot* TemplateEvaluator::slot(const std::string& logical_id) {
  const auto it = resource_index_.find(logical_id);
  return it == resource_index_.end() ? nullptr : &resources_[it->second];
}

Truth TemplateEvaluator::resource_condition(const std::string& logical_id) {
  ResourceSlot* s = slot(logical_id);
  if (s == nullptr) return Truth::unknown;
  if (!s->condition) {
    const Value* name = s->declaration->find("Condition");
    if (name == nullptr) {
      s->condition = Truth::true_;
    } else if (!name->is_string()) {
      warn(name->span, "a resource's Condition must name a condition; it is unknown");
      s->condition = Truth::unknown;
    } else {
      s->condition = condition(name->text(), name->span);
    }
  }
  return *s->condition;
}

const Value* TemplateEvaluator::resource_properties(const std::string& logical_id) {
  ResourceSlot* s = slot(logical_id);
  if (s == nullptr || s->state == State::active) return nullptr;
  if (s->state == State::done) return &s->properties;
  if (active_resources_ >= kMaxResourceNesting) {
    // Not memoised: the loader evaluates it again later, from a shallow start.
    warn(s->declaration->span, "references between resources nest more than " +
                                   std::to_string(kMaxResourceNesting) +
                                   " deep; values read from this resource there are unknown");
    return nullptr;
  }
  ++active_resources_;
  s->state = State::active;
  const Value* properties = s->declaration->find("Properties");
  Value evaluated = Value::map({});
  if (properties != nullptr && !properties->is_null()) {
    evaluated = evaluate(*properties).value_or(Value::map({}, properties->span));
  } else if (properties != nullptr) {
    evaluated = Value::map({}, properties->span);
  }
  // The slot is looked up again: evaluation does not add resources, but stay obviously safe.
  s = slot(logical_id);
  s->properties = std::move(evaluated);
  s->state = State::done;
  --active_resources_;
  return &s->properties;
}

Value TemplateEvaluator::take_resource_properties(const std::string& logical_id) {
  if (resource_properties(logical_id) == nullptr) return Value::map({});
  return std::move(slot(logical_id)->properties);
}

}  // namespace iacscan::detail
