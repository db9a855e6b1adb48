// Fn::FindInMap over the template's Mappings, with the optional DefaultValue of the
// AWS::LanguageExtensions transform. A found value is placed at the call; its origin is the
// mapping entry ("Mappings.RegionMap.us-east-1.Ami"), which findings show as a related place.
#include <memory>
#include <string>
#include <utility>

#include "cloudformation/evaluator.hpp"
#include "cloudformation/functions.hpp"
#include "cloudformation/value_ops.hpp"

namespace iacscan::detail {
namespace {

// The optional fourth argument {DefaultValue: value}.
const Value* default_value(const Value::List& args) {
  return args.size() == 4 ? args[3].find("DefaultValue") : nullptr;
}

// With only the top-level key unknown (typically !Ref Environment), the value is still one of
// the second-level values across the map: kept as the unknown's candidates when all are scalars.
void add_candidates(Value& unknown, const Value* map, const Value keys[3]) {
  if (map == nullptr || !map->is_map() || keys[0].is_unknown() || !keys[1].is_unknown() ||
      keys[2].is_unknown()) {
    return;
  }
  const std::optional<std::string> second = scalar_text(keys[2]);
  if (!second) return;
  Value::List candidates;
  for (const Value::Entry& top : map->entries()) {
    const Value* value = top.value.find(*second);
    if (value == nullptr || !scalar_text(*value)) return;
    candidates.push_back(*value);
  }
  if (!candidates.empty()) {
    unknown.candidates = std::make_shared<const Value::List>(std::move(candidates));
  }
}

}  // namespace

Value fn_find_in_map(const Value& argument, const Span& use, TemplateEvaluator& evaluator) {
  const std::size_t count = argument.is_list() ? argument.items().size() : 0;
  if ((count != 3 && count != 4) || (count == 4 && default_value(argument.items()) == nullptr)) {
    return malformed(evaluator, use,
                     "Fn::FindInMap takes [map, top-level key, second-level key] and optionally "
                     "{DefaultValue: value}");
  }
  const Value::List& args = argument.items();
  Value keys[3];
  std::string names[3];
  for (std::size_t i = 0; i < 3; ++i) keys[i] = evaluator.argument(args[i], "Fn::FindInMap");
  const Value* mappings = evaluator.mappings();
  const std::optional<std::string> map_name = scalar_text(keys[0]);
  const Value* map = mappings != nullptr && map_name ? mappings->find(*map_name) : nullptr;
  for (std::size_t i = 0; i < 3; ++i) {
    if (keys[i].is_unknown()) {
      Value out = unknown_from("Fn::FindInMap with an unknown key: " + keys[i].text(), use,
                               {&keys[0], &keys[1], &keys[2]});
      add_candidates(out, map, keys);
      return out;
    }
    const std::optional<std::string> text = scalar_text(keys[i]);
    if (!text) {
      return malformed(evaluator, use, "Fn::FindInMap keys must be strings",
                       {&keys[0], &keys[1], &keys[2]});
    }
    names[i] = *text;
  }
  const Value* top = map != nullptr ? map->find(names[1]) : nullptr;
  const Value* found = top != nullptr ? top->find(names[2]) : nullptr;
  const std::string path = "Mappings." + names[0] + "." + names[1] + "." + names[2];
  if (found == nullptr) {
    if (const Value* fallback = default_value(args))
      return evaluator.argument(*fallback, "Fn::FindInMap");
    return malformed(evaluator, use, "Fn::FindInMap: " + path + " does not exist",
                     {&keys[0], &keys[1], &keys[2]});
  }
  Value out = *found;
  give_origin(out, path);
  move_to(out, use);
  for (const Value& key : keys) add_refs(out.refs, key);
  return out;
}

}  // namespace iacscan::detail
