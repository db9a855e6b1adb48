// One instance of a module (the root, or module.x["a"] of a call), evaluated lazily: a name
// is evaluated the first time something needs it, so declarations may appear in any order
// and a cycle is detected (and reported) instead of followed.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "graph/resource.hpp"
#include "terraform/expr_evaluator.hpp"
#include "terraform/instance_keys.hpp"
#include "terraform/module.hpp"

namespace iacscan::detail::tf {

class ModuleInstance;

// What instances need from the configuration they belong to.
class ModuleHost {
 public:
  virtual ~ModuleHost() = default;
  // The module a call's `source` names, relative to `caller`; nullptr when it is not
  // available (the host has already said why). `key_path` is the call's "a.b" path from the
  // root, as .terraform/modules/modules.json names installed modules.
  virtual const Module* resolve_module(const Module& caller, const std::string& source,
                                       const std::string& key_path, const Span& call) = 0;
  virtual void diagnose(DiagnosticCode code, DiagnosticLevel level, std::string message,
                        const Span& where) = 0;
  virtual FunctionEnvironment& functions_for(const Module& module) = 0;
  virtual std::size_t max_instances() const = 0;
  // Module instances allowed in one root; false once the budget is spent.
  virtual bool charge_module_instance() = 0;
  virtual void emit(Resource resource) = 0;
  // The root directory: the scope of every resource.
  virtual const std::string& root_scope() const = 0;
};

// A variable's value as given by the caller: evaluated lazily in the caller's instance.
struct ModuleInput {
  const Attribute* argument = nullptr;  // in the caller's module block
  ModuleInstance* caller = nullptr;
  InstanceKey key;  // the call's count / for_each instance
  Value value;      // root inputs: already a value (tfvars, --var)
  bool has_value = false;
};

class ModuleInstance final : public Scope {
 public:
  struct Call {
    std::string address_prefix;        // "" or "module.a[0]." ...
    std::string key_path;              // "" or "a.b"
    std::vector<Provenance> chain;     // calling module blocks, innermost first
    std::vector<const Module*> stack;  // modules of the enclosing instances, for cycles
  };

  ModuleInstance(ModuleHost& host, const Module& module, Call call,
                 std::map<std::string, ModuleInput> inputs);
  ~ModuleInstance() override;

  // Evaluates every resource and module call and emits the resources.
  void instantiate();

  Value resolve(std::span<const std::string_view> names, std::size_t& used,
                const Span& span) override;
  FunctionEnvironment& functions() override;

  // Evaluates `expr` in this instance with `key` bound (for a module call's arguments).
  Value evaluate_with(const Expr& expr, const InstanceKey& key);
  // One output's value, or all of them as an object.
  Value output(const std::string& name, const Span& span);
  Value all_outputs(const Span& span);

 private:
  struct Memo {
    enum class State { fresh, active, done } state = State::fresh;
    Value value;
  };
  struct ResourceInstances {
    Expansion expansion;
    std::vector<std::string> addresses;
    std::vector<Value> attributes;  // parallel to expansion.keys
  };
  struct CallInstances {
    Expansion expansion;
    std::vector<std::unique_ptr<ModuleInstance>> children;  // null when unavailable
  };

  void emit_declarations();
  Value variable(const std::string& name, const Span& span);
  Value local(const std::string& name, const Span& span);
  Value resource_object(const std::string& type, const std::string& name, const Span& span);
  Value data_object(const std::string& type, const std::string& name, const Span& span);
  Value module_object(const std::string& name, const std::string* output, const Span& span);
  Value path_value(std::string_view which, const Span& span) const;

  const Block* managed_resource(const std::string& type, const std::string& name);
  const ResourceInstances* resource_instances(const Block& block, bool managed);
  CallInstances* call_instances(const std::string& name);
  using Bindings = std::vector<std::pair<std::string, Value>>;
  Value evaluate_body(const Body& body, const Span& span, const Bindings& bindings);
  void add_nested_block(const Block& block, Value::Map& entries, const Bindings& bindings);
  void add_dynamic_block(const Block& block, Value::Map& entries, const Bindings& bindings);
  Value collect_instances(const ResourceInstances& instances, const std::string& base,
                          const Span& span);
  Value cycle(const std::string& what, const Span& span);

  ModuleHost& host_;
  const Module& module_;
  Call call_;
  std::map<std::string, ModuleInput> inputs_;
  std::map<std::string, Memo> variables_, locals_, outputs_;
  std::map<std::string, Memo> resource_state_;  // "resource TYPE.NAME" / "data TYPE.NAME"
  std::map<std::string, ResourceInstances> resources_;
  // The module's managed resources by "TYPE.NAME", built on first reference: a lookup per
  // reference must not scan every resource of a large module.
  std::unordered_map<std::string, const Block*> resource_blocks_;
  std::map<std::string, Memo> call_state_;
  std::map<std::string, CallInstances> calls_;
};

}  // namespace iacscan::detail::tf
