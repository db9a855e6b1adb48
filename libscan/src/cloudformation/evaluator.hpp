// Evaluation of one CloudFormation template: intrinsic functions, parameters, pseudo
// parameters, conditions and references between resources become values, or honest unknowns
// that keep the resources they came from (Value::refs, which the graph turns into edges). One
// evaluator per template, used by one thread; templates load in parallel, each with its own.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "cloudformation/conditions.hpp"
#include "cloudformation/context.hpp"
#include "cloudformation/parameters.hpp"
#include "cloudformation/template_warnings.hpp"
#include "engine/truth.hpp"
#include "value/value.hpp"

namespace iacscan::detail {

class TemplateEvaluator {
 public:
  // `root` (the whole template) must outlive the evaluator. Evaluates the Conditions section.
  TemplateEvaluator(const Value& root, const CloudFormationContext& context,
                    TemplateWarnings& warnings);

  // The value of `node` as a deployment would see it, placed where it is written (values
  // substituted from elsewhere keep that place as their origin). nullopt: AWS::NoValue, directly
  // or through Fn::If, i.e. the property or list element is removed.
  std::optional<Value> evaluate(const Value& node);
  // evaluate() for an argument of `function`, where AWS::NoValue is malformed.
  Value argument(const Value& node, std::string_view function);

  // Ref of a parameter, pseudo parameter or resource, placed at `use`.
  Value ref(const std::string& name, const Span& use);
  // Fn::GetAtt of a resource attribute, placed at `use`.
  Value get_att(const std::string& resource, const std::string& attribute, const Span& use);
  // A named condition; an undeclared one is unknown, with a warning at `use`.
  Truth condition(const std::string& name, const Span& use);

  bool is_resource(const std::string& logical_id) const;
  // A resource's own Condition: true when it has none.
  Truth resource_condition(const std::string& logical_id);
  // Its evaluated Properties (an empty map when it has none), evaluated once; nullptr while
  // they are being evaluated, i.e. when resources refer to each other in a cycle.
  const Value* resource_properties(const std::string& logical_id);
  // Moves the evaluated Properties out, once no other resource will be evaluated.
  Value take_resource_properties(const std::string& logical_id);

  const Value* mappings() const noexcept { return mappings_; }
  void warn(const Span& at, std::string message) { warnings_.warn(at, std::move(message)); }

 private:
  enum class State { pending, active, done };
  struct ResourceSlot {
    const Value* declaration = nullptr;
    State state = State::pending;
    std::optional<Truth> condition;
    Value properties;
  };

  std::optional<Value> call(const Value& node);
  std::optional<Value> fn_if(const Value& argument, const Span& use);
  Value fn_get_att(const Value& argument, const Span& use);
  Value unsupported(const std::string& function, const Value& argument, const Span& use);
  Value resource_value(const std::string& logical_id, const std::string& attribute,
                       const Span& use);
  Value undeclared(const std::string& what, const std::string& name, const Span& use);
  ResourceSlot* slot(const std::string& logical_id);

  const CloudFormationContext& context_;
  TemplateWarnings& warnings_;
  ParameterTable parameters_;
  ConditionTable conditions_;
  const Value* mappings_ = nullptr;
  // A Transform, module or preprocessor may add resources, parameters and conditions that this
  // template does not declare: references to undeclared names are then unknown, not warned of.
  bool names_may_be_added_ = false;
  std::vector<ResourceSlot> resources_;
  std::size_t active_resources_ = 0;  // resources whose properties are being evaluated
  std::unordered_map<std::string, std::size_t> resource_index_;
};

}  // namespace iacscan::detail
