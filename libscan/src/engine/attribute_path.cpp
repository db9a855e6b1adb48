// Attribute path splitting and resolution with list traversal.
#include "engine/attribute_path.hpp"

namespace iacscan::detail {

std::vector<std::string> split_path(std::string_view dotted) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= dotted.size()) {
    std::size_t dot = dotted.find('.', start);
    if (dot == std::string_view::npos) dot = dotted.size();
    if (dot > start) parts.emplace_back(dotted.substr(start, dot - start));
    start = dot + 1;
  }
  return parts;
}

namespace {

void collect(const Value& value, const std::vector<std::string>& path, std::size_t depth,
             std::vector<const Value*>& out) {
  if (depth == path.size()) {
    if (!value.is_null()) out.push_back(&value);
    return;
  }
  if (value.is_unknown()) {
    out.push_back(&value);
    return;
  }
  if (value.is_list()) {
    for (const Value& item : value.items()) collect(item, path, depth, out);
    return;
  }
  if (const Value* child = value.find(path[depth])) collect(*child, path, depth + 1, out);
}

}  // namespace

std::vector<const Value*> resolve_all(const Value& root, const std::vector<std::string>& path) {
  std::vector<const Value*> found;
  collect(root, path, 0, found);
  return found;
}

Resolved resolve_path(const Value& root, const std::vector<std::string>& path) {
  std::vector<const Value*> found = resolve_all(root, path);
  if (found.empty()) return {};
  for (const Value* v : found) {
    if (v->is_unknown()) return {true, *v};
  }
  if (found.size() == 1) return {true, *found.front()};
  Value::List items;
  items.reserve(found.size());
  for (const Value* v : found) items.push_back(*v);
  Span span = found.front()->span;
  return {true, Value::list(std::move(items), span)};
}

}  // namespace iacscan::detail
