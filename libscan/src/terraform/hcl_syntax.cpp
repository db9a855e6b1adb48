// Grammar symbol lookup, tree-sitter point to Span conversion, and comment-free child lists.
#include "terraform/hcl_syntax.hpp"

#include <cstring>
#include <stdexcept>
#include <string>

#include "terraform/hcl_text.hpp"

namespace iacscan::detail::hcl {
namespace {

TSSymbol lookup(const TSLanguage* language, const char* name, bool named) {
  TSSymbol symbol = ts_language_symbol_for_name(
      language, name, static_cast<std::uint32_t>(std::strlen(name)), named);
  // 0 is "end of input": the grammar no longer has this node kind, a build problem.
  if (symbol == 0) throw std::logic_error(std::string("HCL grammar lacks node type ") + name);
  return symbol;
}

Symbols make_symbols() {
  const TSLanguage* l = tree_sitter_hcl();
  Symbols s{};
  s.body = lookup(l, "body", true);
  s.block = lookup(l, "block", true);
  s.attribute = lookup(l, "attribute", true);
  s.identifier = lookup(l, "identifier", true);
  s.string_lit = lookup(l, "string_lit", true);
  s.expression = lookup(l, "expression", true);
  s.literal_value = lookup(l, "literal_value", true);
  s.numeric_lit = lookup(l, "numeric_lit", true);
  s.bool_lit = lookup(l, "bool_lit", true);
  s.null_lit = lookup(l, "null_lit", true);
  s.template_expr = lookup(l, "template_expr", true);
  s.quoted_template = lookup(l, "quoted_template", true);
  s.heredoc_template = lookup(l, "heredoc_template", true);
  s.heredoc_start = lookup(l, "heredoc_start", true);
  s.heredoc_identifier = lookup(l, "heredoc_identifier", true);
  s.template_interpolation = lookup(l, "template_interpolation", true);
  s.template_directive = lookup(l, "template_directive", true);
  s.collection_value = lookup(l, "collection_value", true);
  s.tuple = lookup(l, "tuple", true);
  s.object = lookup(l, "object", true);
  s.object_elem = lookup(l, "object_elem", true);
  s.variable_expr = lookup(l, "variable_expr", true);
  s.get_attr = lookup(l, "get_attr", true);
  s.index = lookup(l, "index", true);
  s.splat = lookup(l, "splat", true);
  s.function_call = lookup(l, "function_call", true);
  s.conditional = lookup(l, "conditional", true);
  s.operation = lookup(l, "operation", true);
  s.unary_operation = lookup(l, "unary_operation", true);
  s.for_expr = lookup(l, "for_expr", true);
  s.for_intro = lookup(l, "for_intro", true);
  s.template_for_start = lookup(l, "template_for_start", true);
  s.comment = lookup(l, "comment", true);
  s.open_paren = lookup(l, "(", false);
  s.minus = lookup(l, "-", false);
  s.binary_operation = lookup(l, "binary_operation", true);
  s.new_index = lookup(l, "new_index", true);
  s.legacy_index = lookup(l, "legacy_index", true);
  s.attr_splat = lookup(l, "attr_splat", true);
  s.full_splat = lookup(l, "full_splat", true);
  s.function_arguments = lookup(l, "function_arguments", true);
  s.ellipsis = lookup(l, "ellipsis", true);
  s.for_tuple_expr = lookup(l, "for_tuple_expr", true);
  s.for_object_expr = lookup(l, "for_object_expr", true);
  s.for_cond = lookup(l, "for_cond", true);
  s.template_literal = lookup(l, "template_literal", true);
  s.template_for = lookup(l, "template_for", true);
  s.template_if = lookup(l, "template_if", true);
  s.template_if_intro = lookup(l, "template_if_intro", true);
  s.template_else_intro = lookup(l, "template_else_intro", true);
  s.strip_marker = lookup(l, "strip_marker", true);
  return s;
}

}  // namespace

const Symbols& symbols() {
  static const Symbols table = make_symbols();
  return table;
}

Span SyntaxContext::span(TSNode node) const noexcept {
  return span(ts_node_start_byte(node), ts_node_end_byte(node), ts_node_start_point(node),
              ts_node_end_point(node));
}

Span SyntaxContext::span(std::uint32_t begin, std::uint32_t end, TSPoint start,
                         TSPoint stop) const noexcept {
  return make_span(source_, file_,
                   TextRange{begin, end, start.row, start.column, stop.row, stop.column});
}

Value SyntaxContext::too_deep(TSNode node) {
  Span where = span(node);
  if (!depth_exceeded_) depth_exceeded_ = where;
  return Value::unknown("nesting deeper than " + std::to_string(kMaxDepth) + " levels", where);
}

Children::Children(SyntaxContext& context, TSNode node) : context_(context) {
  if (context.child_pool_used_ == context.child_pool_.size()) context.child_pool_.emplace_back();
  nodes_ = &context.child_pool_[context.child_pool_used_++];
  nodes_->clear();
  ts::Cursor& cursor = context.cursor();
  cursor.reset(node);
  if (!ts_tree_cursor_goto_first_child(cursor.get())) return;
  const TSSymbol comment = symbols().comment;
  do {
    // Comments only: ERROR nodes are extras too, and callers must see those.
    TSNode child = ts_tree_cursor_current_node(cursor.get());
    if (ts_node_symbol(child) != comment) nodes_->push_back(child);
  } while (ts_tree_cursor_goto_next_sibling(cursor.get()));
}

namespace {
// Below this many entries a linear scan beats hashing.
constexpr std::size_t kIndexThreshold = 16;
}  // namespace

std::size_t MapBuilder::find(std::string_view key) {
  if (entries_.size() < kIndexThreshold) {
    for (std::size_t i = 0; i < entries_.size(); ++i) {
      if (entries_[i].key == key) return i;
    }
    return npos;
  }
  if (indexed_data_ != entries_.data()) rebuild_index();
  auto it = index_.find(key);
  return it == index_.end() ? npos : it->second;
}

std::size_t MapBuilder::set(std::string key, Span key_span, Value value) {
  std::size_t i = find(key);
  if (i != npos) {
    entries_[i].key_span = key_span;
    entries_[i].value = std::move(value);
    return i;
  }
  entries_.push_back(Value::Entry{std::move(key), key_span, std::move(value)});
  // Keep a live index current; after a reallocation the next find() rebuilds it.
  if (indexed_data_ == entries_.data()) index_.emplace(entries_.back().key, entries_.size() - 1);
  return entries_.size() - 1;
}

void MapBuilder::rebuild_index() {
  index_.clear();
  index_.reserve(entries_.size() * 2);
  for (std::size_t i = 0; i < entries_.size(); ++i) index_.emplace(entries_[i].key, i);
  indexed_data_ = entries_.data();
}

}  // namespace iacscan::detail::hcl
