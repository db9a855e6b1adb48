// Operations on evaluated values shared by the intrinsic functions: which resources a value
// came from, scalar text, unknowns that keep their inputs' refs, and relocation of values
// substituted from elsewhere (a parameter default, a mapping) to the place they are used.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "value/value.hpp"

namespace iacscan::detail {

// A map with a single key "Ref" or "Fn::..." (or "Condition" where conditions are allowed).
bool is_intrinsic(const Value& value, bool in_condition = false);

// Adds `name` to `refs` unless it is there already (refs keep first-seen order).
void add_ref(std::vector<std::string>& refs, const std::string& name);
// Adds the refs of `value` and of everything inside it.
void add_refs(std::vector<std::string>& refs, const Value& value);

// An unknown at `use` that keeps the refs of every input, so the graph still has the edges.
Value unknown_from(std::string reason, const Span& use, std::initializer_list<const Value*> inputs);

// Strings as they are, numbers as written, booleans as true/false; nullopt for anything else.
std::optional<std::string> scalar_text(const Value& value);

// Gives `value` and everything inside it an origin at its current span, where none is set yet.
void give_origin(Value& value, const std::string& note);
// Puts `value` and everything inside it at `use`.
void move_to(Value& value, const Span& use);

// Builds a string from literal text and evaluated pieces (Fn::Sub, Fn::Join). It is known only
// when every piece is; a `{{resolve:...}}` in the combined text makes it a dynamic reference
// whatever else is unknown, since the pieces usually only name the secret.
class Concatenation {
 public:
  void text(std::string_view literal) { text_.append(literal); }
  // `label` names the piece in the reason of an unknown result, e.g. "${AWS::Region}".
  // Returns false for a list or map, which cannot be part of a string.
  bool piece(const Value& value, std::string_view label);
  Value finish(const Span& use, std::string_view function);

 private:
  std::string text_;
  std::string unknown_reason_;    // empty while every piece is known
  std::optional<Value> dynamic_;  // the first piece that is a dynamic reference
  std::vector<std::string> refs_;
};

}  // namespace iacscan::detail
