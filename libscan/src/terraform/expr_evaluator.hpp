// Evaluates Terraform expressions (tf::Expr) to Values with Terraform's semantics: unknown
// in, unknown out, except where Terraform itself decides with unknowns (`length` of a list
// of unknowns, `try`/`coalesce` with a known choice, `false && x`).
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "terraform/ast.hpp"
#include "terraform/functions.hpp"
#include "value/value.hpp"

namespace iacscan::detail::tf {

// What the names at the root of a traversal mean in one module instance: var.x, local.x,
// aws_s3_bucket.b, data.t.n, module.m, path.module, terraform.workspace.
class Scope {
 public:
  virtual ~Scope() = default;
  // `names`: the root variable and the attribute names directly after it (up to three).
  // Returns the value and sets `used` to how many of the names it stands for; the evaluator
  // applies the remaining steps. An unknown root is an error value.
  virtual Value resolve(std::span<const std::string_view> names, std::size_t& used,
                        const Span& span) = 0;
  virtual FunctionEnvironment& functions() = 0;
};

class Evaluator {
 public:
  explicit Evaluator(Scope& scope) : scope_(scope) {}

  Value evaluate(const Expr& expr);

  // Local names (count, each, a dynamic block's iterator, for-expression variables): they
  // hide the scope's names while bound. Pops in reverse order of binding.
  void bind(std::string name, Value value) {
    bindings_.emplace_back(std::move(name), std::move(value));
  }
  void unbind() { bindings_.pop_back(); }

 private:
  const Value* binding(std::string_view name) const;
  Value traversal(const Expr& expr);
  Value template_value(const Expr& expr);
  void render_parts(const Expr& parts, std::string& out, Value& unknown, bool& is_unknown);
  Value for_expression(const Expr& expr);
  Value splat(const Expr& expr);
  Value call(const Expr& expr);
  Value binary(const Expr& expr);
  Value unary(const Expr& expr);
  Value conditional(const Expr& expr);

  Scope& scope_;
  std::vector<std::pair<std::string, Value>> bindings_;
  int depth_ = 0;
};

// Attribute access and indexing with Terraform's rules, shared with the scopes: a missing
// attribute of a resource object (a map with refs) is unknown until apply; of any other map
// it is an error.
Value get_attribute(const Value& object, std::string_view name, const Span& span);
Value index_value(const Value& collection, const Value& key, const Span& span);

// `value` as used at `span`: the whole tree re-spanned to the use site, with `origin` (where
// it was written) recorded on every node that has none. Provenance for related locations.
Value used_at(Value value, const Span& span, const std::shared_ptr<const Provenance>& origin);

// Records on every node of `value` that has a position and no origin yet that it was written
// there (`note` says what it is: "default of variable \"acl\""), so a value later taken
// apart (each.value of a map from a tfvars file) still points at its own line.
void attach_origins(Value& value, const std::string& note);

}  // namespace iacscan::detail::tf
