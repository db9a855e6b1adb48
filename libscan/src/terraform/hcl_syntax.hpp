// Shared plumbing for turning an HCL syntax tree into Values: the grammar's node symbols,
// and the per-file context (source bytes, file id, a reusable cursor, the depth limit).
// Internal to libscan/src/terraform/.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "terraform/ts_parser.hpp"
#include "value/value.hpp"

namespace iacscan::detail::hcl {

// Nesting of blocks and expressions beyond which a value is left unknown. Keeps the
// recursive conversion far from the stack limit whatever the input.
inline constexpr int kMaxDepth = 200;

// Grammar symbols looked up once, so node kinds are compared as integers, not strings.
struct Symbols {
  TSSymbol body, block, attribute, identifier, string_lit, expression, literal_value, numeric_lit,
      bool_lit, null_lit, template_expr, quoted_template, heredoc_template, heredoc_start,
      heredoc_identifier, template_interpolation, template_directive, collection_value, tuple,
      object, object_elem, variable_expr, get_attr, index, splat, function_call, conditional,
      operation, unary_operation, for_expr, for_intro, template_for_start, comment, open_paren,
      minus, binary_operation, new_index, legacy_index, attr_splat, full_splat, function_arguments,
      ellipsis, for_tuple_expr, for_object_expr, for_cond, template_literal, template_for,
      template_if, template_if_intro, template_else_intro, strip_marker;
};
const Symbols& symbols();

// One file's conversion state. Not thread-safe; one per load.
class SyntaxContext {
 public:
  SyntaxContext(std::string_view source, FileId file, TSNode root)
      : source_(source), file_(file), cursor_(root) {}

  std::string_view source() const noexcept { return source_; }
  std::string_view text(TSNode node) const noexcept {
    std::uint32_t begin = ts_node_start_byte(node);
    return source_.substr(begin, ts_node_end_byte(node) - begin);
  }
  // 1-based, end-inclusive span of `node`.
  Span span(TSNode node) const noexcept;
  // Span of the byte range [begin, end) starting at `start` (0-based point of `begin`).
  Span span(std::uint32_t begin, std::uint32_t end, TSPoint start, TSPoint stop) const noexcept;

  // The shared cursor. Callers reset it and must not hold positions across other calls.
  ts::Cursor& cursor() noexcept { return cursor_; }

  // The value of a node past the depth limit. Records where the limit was first hit, for
  // the one limit_exceeded diagnostic of the file.
  Value too_deep(TSNode node);
  const std::optional<Span>& depth_exceeded() const noexcept { return depth_exceeded_; }

 private:
  friend class Children;
  std::string_view source_;
  FileId file_;
  ts::Cursor cursor_;
  // Child lists, one per nesting level of live Children objects, kept for reuse. A deque,
  // because growing it must not move the lists already handed out.
  std::deque<std::vector<TSNode>> child_pool_;
  std::size_t child_pool_used_ = 0;
  std::optional<Span> depth_exceeded_;
};

// The children of a node, comments left out, gathered with the cursor: O(1) per child, where
// ts_node_child(i) costs O(i). Buffers are pooled, so nesting these allocates nothing after
// warm-up. Must be destroyed in reverse order of creation (scoped locals ensure it).
class Children {
 public:
  Children(SyntaxContext& context, TSNode node);
  ~Children() { --context_.child_pool_used_; }
  Children(const Children&) = delete;
  Children& operator=(const Children&) = delete;

  std::size_t size() const noexcept { return nodes_->size(); }
  bool empty() const noexcept { return nodes_->empty(); }
  TSNode operator[](std::size_t i) const noexcept { return (*nodes_)[i]; }
  auto begin() const noexcept { return nodes_->cbegin(); }
  auto end() const noexcept { return nodes_->cend(); }

 private:
  SyntaxContext& context_;
  std::vector<TSNode>* nodes_;
};

// Builds a Value map with unique keys in first-seen order; a repeated key keeps the last
// value (HCL would reject the file; we must not crash). Lookups switch from a linear scan to
// a hash index once the map is large, so huge generated maps stay linear.
class MapBuilder {
 public:
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  std::size_t find(std::string_view key);
  // Adds `key` or replaces its value and key span; returns its index.
  std::size_t set(std::string key, Span key_span, Value value);
  Value::Entry& at(std::size_t i) noexcept { return entries_[i]; }
  std::size_t size() const noexcept { return entries_.size(); }
  Value::Map take() && { return std::move(entries_); }

 private:
  void rebuild_index();

  Value::Map entries_;
  // Views into entries_[i].key; rebuilt whenever entries_ reallocates.
  std::unordered_map<std::string_view, std::size_t> index_;
  const Value::Entry* indexed_data_ = nullptr;
};

inline bool is(TSNode node, TSSymbol symbol) noexcept {
  return ts_node_symbol(node) == symbol;
}

}  // namespace iacscan::detail::hcl
