// Type conversion following Terraform's rules for input variables.
#include "terraform/type_constraints.hpp"

#include <algorithm>

#include "terraform/expr_evaluator.hpp"
#include "terraform/value_ops.hpp"

namespace iacscan::detail::tf {
namespace {

const Expr* object_type_attributes(const Expr& type) {
  // object({ name = string, ... })
  if (type.kind != Expr::Kind::call || type.name != "object" || type.children.size() != 1) {
    return nullptr;
  }
  const Expr& spec = type.children[0];
  return spec.kind == Expr::Kind::object ? &spec : nullptr;
}

// Optional attribute defaults are constant expressions (`{}`, `[]`, `{ a = 1 }`): they are
// evaluated with no names and no files in scope.
class ConstantScope final : public Scope, public FunctionEnvironment {
 public:
  Value resolve(std::span<const std::string_view> names, std::size_t&, const Span& span) override {
    return error_value("\"" + std::string(names[0]) + "\" is not available in a type default",
                       span);
  }
  FunctionEnvironment& functions() override { return *this; }
  std::optional<std::string> read_file(std::string_view, std::string& error) override {
    error = "files are not available in a type default";
    return std::nullopt;
  }
  bool file_exists(std::string_view) override { return false; }
  Value render_template(std::string_view, const Value&, const Span& span) override {
    return error_value("templates are not available in a type default", span);
  }
};

Value constant(const Expr& expr) {
  ConstantScope scope;
  Evaluator evaluator(scope);
  return evaluator.evaluate(expr);
}

std::string key_name(const Expr& key) {
  if (key.kind == Expr::Kind::literal && key.literal.is_string()) return key.literal.text();
  if (key.kind == Expr::Kind::variable) return key.name;
  return {};
}

Value convert_object(const Value& value, const Expr& spec) {
  if (!value.is_map()) return error_value("an object is required", value.span);
  Value out = value;
  for (std::size_t i = 0; i + 1 < spec.children.size(); i += 2) {
    std::string name = key_name(spec.children[i]);
    if (name.empty()) continue;
    const Expr& attribute_type = spec.children[i + 1];
    const bool optional = attribute_type.kind == Expr::Kind::call &&
                          attribute_type.name == "optional" && !attribute_type.children.empty();
    const Expr& inner = optional ? attribute_type.children[0] : attribute_type;
    Value* present = out.find(name);
    if (present && !present->is_null()) {
      *present = convert_to_type(*present, inner);
      continue;
    }
    if (!optional) continue;  // Terraform rejects the value; we keep what was given
    Value filled = Value::null(value.span);
    if (attribute_type.children.size() > 1) {
      filled = convert_to_type(constant(attribute_type.children[1]), inner);
    }
    if (present) {
      *present = std::move(filled);
    } else {
      out.set(name, std::move(filled), value.span);
    }
  }
  // Attributes the type does not declare are discarded, as Terraform discards them.
  std::erase_if(out.entries(), [&](const Value::Entry& e) {
    for (std::size_t i = 0; i + 1 < spec.children.size(); i += 2)
      if (key_name(spec.children[i]) == e.key) return false;
    return true;
  });
  std::stable_sort(out.entries().begin(), out.entries().end(),
                   [](const Value::Entry& a, const Value::Entry& b) { return a.key < b.key; });
  return out;
}

}  // namespace

bool is_primitive_type(const Expr& type) {
  return type.kind == Expr::Kind::variable &&
         (type.name == "string" || type.name == "number" || type.name == "bool");
}

Value convert_to_type(const Value& value, const Expr& type) {
  if (value.is_unknown() || value.is_null()) return value;
  if (type.kind == Expr::Kind::variable) {
    if (type.name == "string") return convert_to_string(value);
    if (type.name == "number") return convert_to_number(value);
    if (type.name == "bool") return convert_to_bool(value);
    return value;  // any
  }
  if (type.kind != Expr::Kind::call) return value;
  const std::string& name = type.name;
  if ((name == "list" || name == "set") && type.children.size() == 1) {
    if (!value.is_list()) return error_value("a " + name + " is required", value.span);
    Value out = value;
    for (Value& item : out.items()) item = convert_to_type(item, type.children[0]);
    if (name == "set" && out.is_fully_known()) out.items() = make_set(std::move(out.items()));
    return out;
  }
  if (name == "map" && type.children.size() == 1) {
    if (!value.is_map()) return error_value("a map is required", value.span);
    Value out = value;
    for (Value::Entry& e : out.entries()) e.value = convert_to_type(e.value, type.children[0]);
    return out;
  }
  if (name == "tuple" && type.children.size() == 1 && type.children[0].kind == Expr::Kind::tuple) {
    if (!value.is_list()) return error_value("a tuple is required", value.span);
    Value out = value;
    const auto& types = type.children[0].children;
    for (std::size_t i = 0; i < out.items().size() && i < types.size(); ++i)
      out.items()[i] = convert_to_type(out.items()[i], types[i]);
    return out;
  }
  if (const Expr* spec = object_type_attributes(type)) return convert_object(value, *spec);
  return value;
}

}  // namespace iacscan::detail::tf
