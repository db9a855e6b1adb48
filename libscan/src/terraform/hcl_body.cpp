// Block and attribute nodes to AST blocks and attributes.
#include "terraform/hcl_body.hpp"

#include <unordered_map>

#include "terraform/hcl_expr_builder.hpp"
#include "terraform/hcl_text.hpp"

namespace iacscan::detail::hcl {

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

std::string string_literal(const SyntaxContext& context, TSNode string_lit) {
  std::string_view text = context.text(string_lit);
  // The node spans both quotes; its inner template_literal leaves out edge whitespace.
  if (text.size() < 2) return {};
  return decode_quoted(text.substr(1, text.size() - 2));
}

std::string label_text(const SyntaxContext& context, TSNode label) {
  if (is(label, symbols().string_lit)) return string_literal(context, label);
  return std::string(context.text(label));
}

bool build_attribute(SyntaxContext& context, TSNode attribute, int depth, tf::Attribute& out) {
  // identifier "=" expression
  TSNode name{}, expression{};
  {
    Children parts(context, attribute);
    if (parts.size() != 3) return false;
    name = parts[0];
    expression = parts[2];
  }
  out.name = std::string(context.text(name));
  out.name_span = context.span(name);
  out.span = context.span(attribute);
  out.expr = build_expression(context, expression, depth + 1);
  return true;
}

void build_body(SyntaxContext& context, TSNode body, int depth, tf::Body& out) {
  const Symbols& s = symbols();
  // Children lists nest (build_attribute and build_block take their own), so this one can
  // stay alive while the items are built.
  Children items(context, body);
  // Attribute positions by name, built only for large bodies: generated files with thousands
  // of attributes stay linear, ordinary bodies allocate nothing for it.
  constexpr std::size_t kIndexFrom = 16;
  std::unordered_map<std::string, std::size_t> index;
  auto find = [&](const std::string& name) -> tf::Attribute* {
    if (out.attributes.size() < kIndexFrom) {
      for (tf::Attribute& a : out.attributes)
        if (a.name == name) return &a;
      return nullptr;
    }
    if (index.empty()) {
      for (std::size_t i = 0; i < out.attributes.size(); ++i)
        index.emplace(out.attributes[i].name, i);
    }
    auto it = index.find(name);
    return it == index.end() ? nullptr : &out.attributes[it->second];
  };
  for (TSNode item : items) {
    if (ts_node_has_error(item)) continue;
    if (is(item, s.attribute)) {
      tf::Attribute attribute;
      if (!build_attribute(context, item, depth, attribute)) continue;
      // A repeated name keeps the last value, as if assigned twice (HCL rejects the file).
      if (tf::Attribute* existing = find(attribute.name)) {
        *existing = std::move(attribute);
        continue;
      }
      if (!index.empty()) index.emplace(attribute.name, out.attributes.size());
      out.attributes.push_back(std::move(attribute));
    } else if (is(item, s.block)) {
      out.blocks.push_back(build_block(context, item, depth + 1));
    }
  }
}

tf::Block build_block(SyntaxContext& context, TSNode block, int depth) {
  tf::Block out;
  out.span = context.span(block);
  if (depth > kMaxDepth) {
    context.too_deep(block);
    return out;
  }
  BlockShape shape = block_shape(context, block);
  out.type = std::string(context.text(shape.type));
  const std::size_t kept = std::min(shape.label_count, shape.labels.size());
  for (std::size_t i = 0; i < kept; ++i) out.labels.push_back(label_text(context, shape.labels[i]));
  TSNode last = kept > 0 ? shape.labels[kept - 1] : shape.type;
  out.labels_span = context.span(ts_node_start_byte(shape.type), ts_node_end_byte(last),
                                 ts_node_start_point(shape.type), ts_node_end_point(last));
  if (shape.has_body) build_body(context, shape.body, depth, out.body);
  return out;
}

}  // namespace iacscan::detail::hcl
