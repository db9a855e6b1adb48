// Expression evaluation (literals only, never a guess) and reference collection for HCL.
#include "terraform/hcl_expression.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>
#include <string_view>

#include "terraform/hcl_text.hpp"

namespace iacscan::detail::hcl {
namespace {

// An unknown value for `node`: why, what was written, and what it references.
Value unknown(SyntaxContext& context, TSNode node, std::string_view reason) {
  std::string text(reason);
  text += ": ";
  text += excerpt(context.text(node));
  Value value = Value::unknown(std::move(text), context.span(node));
  value.refs = collect_refs(context, node);
  return value;
}

std::optional<double> parse_number(std::string_view text) {
  double value = 0;
  const char* end = text.data() + text.size();
  if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
    // The grammar accepts hex although Terraform does not; read it rather than guess.
    std::uint64_t integer = 0;
    auto [ptr, ec] = std::from_chars(text.data() + 2, end, integer, 16);
    if (ec != std::errc() || ptr != end) return std::nullopt;
    return static_cast<double>(integer);
  }
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end) return std::nullopt;
  return value;
}

Value number(SyntaxContext& context, TSNode numeric_lit, TSNode outer, bool negate) {
  std::string_view text = context.text(numeric_lit);
  std::optional<double> value = parse_number(text);
  if (!value) return unknown(context, outer, "number out of range");
  std::string written = negate ? "-" + std::string(text) : std::string(text);
  return Value::number(negate ? -*value : *value, std::move(written), context.span(outer));
}

// numeric_lit, bool_lit, null_lit or string_lit under a literal_value node.
Value literal(SyntaxContext& context, TSNode literal_value, TSNode outer) {
  const Symbols& s = symbols();
  TSNode child = ts_node_named_child(literal_value, 0);
  Span span = context.span(outer);
  if (is(child, s.numeric_lit)) return number(context, child, outer, false);
  if (is(child, s.bool_lit)) return Value::boolean(context.text(child) == "true", span);
  if (is(child, s.string_lit)) return Value::string(string_literal(context, child), span);
  if (is(child, s.null_lit)) return Value::null(span);
  return unknown(context, outer, "literal");
}

// Whether a template's parts include an interpolation or a directive (anything not literal).
bool has_template_code(const Children& parts) {
  const Symbols& s = symbols();
  return std::any_of(parts.begin(), parts.end(), [&](TSNode part) {
    return is(part, s.template_interpolation) || is(part, s.template_directive);
  });
}

// The bytes of a heredoc between its opening line and the line of its closing marker.
std::string_view heredoc_lines(const SyntaxContext& context, TSNode open, TSNode close) {
  std::string_view source = context.source();
  std::size_t begin = source.find('\n', ts_node_end_byte(open));
  std::size_t close_start = ts_node_start_byte(close);
  if (begin == std::string_view::npos || begin >= close_start) return {};
  ++begin;
  std::size_t end = source.rfind('\n', close_start - 1);
  end = (end == std::string_view::npos || end < begin) ? begin : end + 1;
  return source.substr(begin, end - begin);
}

Value heredoc(SyntaxContext& context, TSNode node, TSNode outer) {
  Children parts(context, node);
  if (has_template_code(parts)) return unknown(context, outer, "template");
  // Shape: heredoc_start, heredoc_identifier, literal parts..., heredoc_identifier.
  if (parts.size() < 3) return unknown(context, outer, "heredoc");
  bool flush = context.text(parts[0]) == "<<-";
  std::string_view lines = heredoc_lines(context, parts[1], parts[parts.size() - 1]);
  return Value::string(decode_heredoc(lines, flush), context.span(outer));
}

Value quoted_template(SyntaxContext& context, TSNode node, TSNode outer) {
  Children parts(context, node);
  if (has_template_code(parts)) return unknown(context, outer, "template");
  return Value::string(string_literal(context, node), context.span(outer));
}

Value template_expr(SyntaxContext& context, TSNode node, TSNode outer) {
  TSNode child = ts_node_named_child(node, 0);
  if (is(child, symbols().heredoc_template)) return heredoc(context, child, outer);
  return quoted_template(context, child, outer);
}

Value tuple(SyntaxContext& context, TSNode node, TSNode outer, int depth) {
  Children kids(context, node);
  Value::List items;
  items.reserve(kids.size());
  for (TSNode kid : kids) {
    if (is(kid, symbols().expression)) items.push_back(evaluate(context, kid, depth + 1));
  }
  return Value::list(std::move(items), context.span(outer));
}

// A literal object key: a bare identifier or a string without interpolation.
std::optional<std::string> object_key(SyntaxContext& context, TSNode key_expression) {
  const Symbols& s = symbols();
  Children kids(context, key_expression);
  if (kids.size() != 1) return std::nullopt;
  TSNode key = kids[0];
  if (is(key, s.variable_expr)) return std::string(context.text(key));
  if (is(key, s.literal_value)) {
    TSNode child = ts_node_named_child(key, 0);
    if (is(child, s.string_lit)) return string_literal(context, child);
  }
  return std::nullopt;
}

Value object(SyntaxContext& context, TSNode node, TSNode outer, int depth) {
  const Symbols& s = symbols();
  Children elems(context, node);
  MapBuilder map;
  for (TSNode elem : elems) {
    if (!is(elem, s.object_elem)) continue;
    // key, "=" or ":", value; Children drops any comment in between.
    Children parts(context, elem);
    if (parts.size() != 3) return unknown(context, outer, "object");
    TSNode key_node = parts[0];
    TSNode value_node = parts[2];
    std::optional<std::string> key = object_key(context, key_node);
    if (!key) return unknown(context, outer, "object with computed key");
    map.set(std::move(*key), context.span(key_node), evaluate(context, value_node, depth + 1));
  }
  return Value::map(std::move(map).take(), context.span(outer));
}

Value collection(SyntaxContext& context, TSNode node, TSNode outer, int depth) {
  TSNode child = ts_node_named_child(node, 0);
  if (is(child, symbols().tuple)) return tuple(context, child, outer, depth);
  return object(context, child, outer, depth);
}

// `-<number>` is how negative numbers are written; any other operation is left unknown.
Value operation(SyntaxContext& context, TSNode node, TSNode outer) {
  const Symbols& s = symbols();
  TSNode op = ts_node_named_child(node, 0);
  if (is(op, s.unary_operation) && ts_node_child_count(op) == 2 &&
      is(ts_node_child(op, 0), s.minus)) {
    TSNode operand = ts_node_child(op, 1);
    if (is(operand, s.literal_value)) {
      TSNode lit = ts_node_named_child(operand, 0);
      if (is(lit, s.numeric_lit)) return number(context, lit, outer, true);
    }
  }
  return unknown(context, outer, "operation");
}

// The one term of an expression with no postfix traversal.
Value term(SyntaxContext& context, TSNode node, TSNode outer, int depth) {
  const Symbols& s = symbols();
  TSSymbol kind = ts_node_symbol(node);
  if (kind == s.literal_value) return literal(context, node, outer);
  if (kind == s.template_expr) return template_expr(context, node, outer);
  if (kind == s.collection_value) return collection(context, node, outer, depth);
  if (kind == s.operation) return operation(context, node, outer);
  if (kind == s.variable_expr) return unknown(context, outer, "reference");
  if (kind == s.function_call) return unknown(context, outer, "function call");
  if (kind == s.conditional) return unknown(context, outer, "conditional");
  if (kind == s.for_expr) return unknown(context, outer, "for expression");
  return unknown(context, outer, "expression");
}

// Why `head` followed by index/attribute/splat steps is unknown.
std::string_view postfix_reason(TSNode head, TSNode first_step) {
  const Symbols& s = symbols();
  if (is(head, s.variable_expr)) return "reference";
  if (is(head, s.function_call)) return "function call";
  if (is(first_step, s.index)) return "index";
  if (is(first_step, s.splat)) return "splat";
  if (is(first_step, s.get_attr)) return "attribute access";
  return "expression";
}

}  // namespace

Value evaluate(SyntaxContext& context, TSNode expression, int depth) {
  if (depth > kMaxDepth) return context.too_deep(expression);
  Children kids(context, expression);
  if (kids.empty()) return unknown(context, expression, "empty expression");
  TSNode head = kids[0];
  if (kids.size() == 1) return term(context, head, expression, depth);
  if (is(head, symbols().open_paren)) {
    // ( expression ) [steps...]
    if (kids.size() == 3) {
      Value inner = evaluate(context, kids[1], depth + 1);
      inner.span = context.span(expression);
      return inner;
    }
    if (kids.size() > 3) return unknown(context, expression, postfix_reason(head, kids[3]));
  }
  return unknown(context, expression, postfix_reason(head, kids[1]));
}

std::string string_literal(const SyntaxContext& context, TSNode string_lit) {
  std::string_view text = context.text(string_lit);
  // The node spans both quotes; its inner template_literal leaves out edge whitespace.
  if (text.size() < 2) return {};
  return decode_quoted(text.substr(1, text.size() - 2));
}

namespace {

// One pre-order walk over a subtree, tracking the traversal being read (a variable_expr
// and the get_attr steps that follow it as siblings) and the iteration variables in scope.
class RefCollector {
 public:
  explicit RefCollector(SyntaxContext& context) : context_(context) {}

  std::vector<std::string> run(TSNode root) {
    ts::Cursor& cursor = context_.cursor();
    cursor.reset(root);
    TSTreeCursor* c = cursor.get();
    int depth = 0;
    for (;;) {
      visit(ts_tree_cursor_current_node(c), depth);
      if (ts_tree_cursor_goto_first_child(c)) {
        ++depth;
        continue;
      }
      while (depth > 0 && !ts_tree_cursor_goto_next_sibling(c)) {
        ts_tree_cursor_goto_parent(c);
        --depth;
      }
      if (depth == 0) break;
    }
    close_traversal();
    std::sort(refs_.begin(), refs_.end());
    refs_.erase(std::unique(refs_.begin(), refs_.end()), refs_.end());
    return std::move(refs_);
  }

 private:
  struct IterationVariable {
    std::string_view name;
    int owner_depth;  // depth of the for expression / template for that declares it
  };

  void visit(TSNode node, int depth) {
    if (ts_node_is_extra(node)) return;
    const Symbols& s = symbols();
    TSSymbol kind = ts_node_symbol(node);
    if (open_ && depth <= traversal_depth_) {
      // A get_attr sibling continues the traversal; anything else at that level ends it.
      if (depth == traversal_depth_ && kind == s.get_attr) {
        if (part_count_ < parts_.size()) parts_[part_count_++] = attribute_name(node);
        return;
      }
      close_traversal();
    }
    while (!scope_.empty() && scope_.back().owner_depth >= depth) scope_.pop_back();
    if (kind == s.variable_expr) {
      open_ = true;
      traversal_depth_ = depth;
      parts_[0] = context_.text(node);
      part_count_ = 1;
    } else if (kind == s.for_intro || kind == s.template_for_start) {
      declare_iteration_variables(node, depth - 1);
    }
  }

  void declare_iteration_variables(TSNode intro, int owner_depth) {
    // for_intro / template_for_start have a handful of children: direct access is cheap.
    std::uint32_t count = ts_node_child_count(intro);
    for (std::uint32_t i = 0; i < count; ++i) {
      TSNode child = ts_node_child(intro, i);
      if (is(child, symbols().identifier)) scope_.push_back({context_.text(child), owner_depth});
    }
  }

  std::string_view attribute_name(TSNode get_attr) const {
    std::string_view text = context_.text(get_attr);  // ".name", maybe with spaces
    std::size_t begin = text.find_first_not_of(". \t\r\n");
    if (begin == std::string_view::npos) return {};
    std::size_t end = text.find_first_of(" \t\r\n#/", begin);
    return text.substr(begin, end == std::string_view::npos ? end : end - begin);
  }

  bool is_iteration_variable(std::string_view name) const {
    return std::any_of(scope_.begin(), scope_.end(),
                       [&](const IterationVariable& v) { return v.name == name; });
  }

  void close_traversal() {
    if (!open_) return;
    open_ = false;
    std::string_view root = parts_[0];
    if (is_iteration_variable(root)) return;
    if (root == "each" || root == "count" || root == "self" || root == "path" ||
        root == "terraform") {
      return;
    }
    // data.TYPE.NAME needs two steps; var.x, local.x, module.x and TYPE.NAME one.
    std::size_t needed = root == "data" ? 3 : 2;
    if (part_count_ < needed) return;
    std::string ref(root);
    for (std::size_t i = 1; i < needed; ++i) {
      ref += '.';
      ref += parts_[i];
    }
    refs_.push_back(std::move(ref));
  }

  SyntaxContext& context_;
  std::vector<std::string> refs_;
  std::vector<IterationVariable> scope_;
  bool open_ = false;
  int traversal_depth_ = 0;
  std::array<std::string_view, 3> parts_{};
  std::size_t part_count_ = 0;
};

}  // namespace

std::vector<std::string> collect_refs(SyntaxContext& context, TSNode node) {
  return RefCollector(context).run(node);
}

}  // namespace iacscan::detail::hcl
