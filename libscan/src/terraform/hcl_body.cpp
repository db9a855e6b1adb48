// Block bodies to maps: attributes by name, repeated nested blocks as one list, dynamic
// blocks as unknowns carrying the references of their for_each.
#include "terraform/hcl_body.hpp"

#include <algorithm>
#include <vector>

#include "terraform/hcl_expression.hpp"

namespace iacscan::detail::hcl {
namespace {

// What produced a map entry, which decides how a later entry of the same name combines.
enum class Origin : unsigned char { attribute, blocks, dynamic };

// Accumulates one body's entries.
class BodyBuilder {
 public:
  BodyBuilder(SyntaxContext& context, int depth) : context_(context), depth_(depth) {}

  void add(TSNode item) {
    const Symbols& s = symbols();
    if (is(item, s.attribute)) {
      add_attribute(item);
    } else if (is(item, s.block)) {
      add_block(item);
    }
  }

  Value finish(Span span) && { return Value::map(std::move(map_).take(), span); }

 private:
  void add_attribute(TSNode attribute) {
    // identifier "=" expression
    Children parts(context_, attribute);
    if (parts.size() != 3) return;
    Value value = evaluate(context_, parts[2], depth_ + 1);
    // A repeated name keeps the last value, as if assigned twice.
    record(
        map_.set(std::string(context_.text(parts[0])), context_.span(parts[0]), std::move(value)),
        Origin::attribute);
  }

  void add_block(TSNode block) {
    BlockShape shape = block_shape(context_, block);
    std::string_view type = context_.text(shape.type);
    if (type == "dynamic" && shape.label_count >= 1) {
      add_dynamic(block, shape);
      return;
    }
    std::size_t i = map_.find(type);
    if (i != MapBuilder::npos && origin_[i] == Origin::dynamic) return;  // already unknown
    Value body = block_body(context_, block, shape, depth_ + 1);
    if (i != MapBuilder::npos && origin_[i] == Origin::blocks) {
      map_.at(i).value.items().push_back(std::move(body));
      return;
    }
    Value::List list;
    list.push_back(std::move(body));
    record(map_.set(std::string(type), context_.span(shape.type),
                    Value::list(std::move(list), context_.span(block))),
           Origin::blocks);
  }

  // Its content repeats once per for_each element, which only a plan knows: the whole
  // entry is unknown, even if static blocks of the same name exist.
  void add_dynamic(TSNode block, const BlockShape& shape) {
    TSNode label = shape.labels[0];
    std::string name = label_text(context_, label);
    Value value = Value::unknown("dynamic block \"" + name + "\"", context_.span(block));
    if (shape.has_body) value.refs = for_each_refs(shape.body);
    std::size_t i = map_.find(name);
    if (i != MapBuilder::npos && origin_[i] == Origin::dynamic) {
      merge_refs(map_.at(i).value.refs, value.refs);
      return;
    }
    record(map_.set(std::move(name), context_.span(label), std::move(value)), Origin::dynamic);
  }

  std::vector<std::string> for_each_refs(TSNode body) {
    TSNode for_each{};
    bool found = false;
    {
      Children items(context_, body);
      for (TSNode item : items) {
        if (!is(item, symbols().attribute)) continue;
        TSNode name = ts_node_named_child(item, 0);
        if (context_.text(name) == "for_each") {
          for_each = item;
          found = true;
        }
      }
    }
    // collect_refs reuses the cursor, so only after the child list above is released.
    return found ? collect_refs(context_, for_each) : std::vector<std::string>{};
  }

  static void merge_refs(std::vector<std::string>& into, const std::vector<std::string>& more) {
    std::vector<std::string> merged;
    merged.reserve(into.size() + more.size());
    std::set_union(into.begin(), into.end(), more.begin(), more.end(), std::back_inserter(merged));
    into = std::move(merged);
  }

  void record(std::size_t index, Origin origin) {
    if (index >= origin_.size()) origin_.resize(index + 1);
    origin_[index] = origin;
  }

  SyntaxContext& context_;
  int depth_;
  MapBuilder map_;
  std::vector<Origin> origin_;  // parallel to map_ entries
};

}  // namespace

BlockShape block_shape(SyntaxContext& context, TSNode block) {
  const Symbols& s = symbols();
  BlockShape shape;
  Children parts(context, block);
  // identifier, labels (string_lit or identifier)..., block_start, body?, block_end
  for (std::size_t i = 0; i < parts.size(); ++i) {
    TSNode part = parts[i];
    if (i == 0) {
      shape.type = part;
    } else if (is(part, s.string_lit) || is(part, s.identifier)) {
      if (shape.label_count < shape.labels.size()) shape.labels[shape.label_count] = part;
      ++shape.label_count;
    } else if (is(part, s.body)) {
      shape.body = part;
      shape.has_body = true;
    }
  }
  return shape;
}

std::string label_text(const SyntaxContext& context, TSNode label) {
  if (is(label, symbols().string_lit)) return string_literal(context, label);
  return std::string(context.text(label));
}

Value block_body(SyntaxContext& context, TSNode block, const BlockShape& shape, int depth) {
  if (depth > kMaxDepth) return context.too_deep(block);
  BodyBuilder builder(context, depth);
  if (shape.has_body) {
    Children items(context, shape.body);
    for (TSNode item : items) builder.add(item);
  }
  return std::move(builder).finish(context.span(block));
}

}  // namespace iacscan::detail::hcl
