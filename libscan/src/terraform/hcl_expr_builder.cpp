// Expression AST construction. The grammar inlines postfix steps (`.attr`, `[i]`, splats)
// as siblings of the term they apply to, so a term is read as a sequence of sibling nodes.
#include "terraform/hcl_expr_builder.hpp"

#include <charconv>
#include <optional>
#include <span>
#include <string_view>

#include "terraform/hcl_body.hpp"
#include "terraform/hcl_text.hpp"

namespace iacscan::detail::hcl {
namespace {

using tf::Expr;
using tf::Op;

std::optional<double> parse_number(std::string_view text) {
  const char* end = text.data() + text.size();
  if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
    // The grammar accepts hex although Terraform does not; read it rather than guess.
    std::uint64_t integer = 0;
    auto [ptr, ec] = std::from_chars(text.data() + 2, end, integer, 16);
    if (ec != std::errc() || ptr != end) return std::nullopt;
    return static_cast<double>(integer);
  }
  double value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end) return std::nullopt;
  return value;
}

Expr make(Expr::Kind kind, Span span) {
  Expr e;
  e.kind = kind;
  e.span = span;
  return e;
}

Expr literal(Value value) {
  Expr e = make(Expr::Kind::literal, value.span);
  e.literal = std::move(value);
  return e;
}

std::optional<Op> binary_operator(std::string_view token) {
  static constexpr std::pair<std::string_view, Op> kOps[] = {
      {"+", Op::add},        {"-", Op::subtract},       {"*", Op::multiply},
      {"/", Op::divide},     {"%", Op::modulo},         {"==", Op::equal},
      {"!=", Op::not_equal}, {"<", Op::less},           {"<=", Op::less_equal},
      {">", Op::greater},    {">=", Op::greater_equal}, {"&&", Op::logical_and},
      {"||", Op::logical_or}};
  for (const auto& [text, op] : kOps)
    if (text == token) return op;
  return std::nullopt;
}

// Where heredoc content starts and ends, and how much indentation `<<-` removes.
struct Heredoc {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::size_t indent = 0;
  bool flush = false;
};

std::size_t common_indent(std::string_view lines) {
  std::size_t best = std::string_view::npos;
  std::size_t pos = 0;
  while (pos < lines.size()) {
    std::size_t eol = lines.find('\n', pos);
    if (eol == std::string_view::npos) eol = lines.size();
    std::string_view line = lines.substr(pos, eol - pos);
    std::size_t ws = line.find_first_not_of(" \t\r");
    if (ws != std::string_view::npos && ws < best) best = ws;
    pos = eol + 1;
  }
  return best == std::string_view::npos ? 0 : best;
}

class Builder {
 public:
  explicit Builder(SyntaxContext& context) : c_(context) {}

  Expr expression(TSNode node, int depth) {
    if (depth > kMaxDepth) return literal(c_.too_deep(node));
    Children kids(c_, node);
    if (kids.empty()) return literal(Value::unknown("empty expression", c_.span(node)));
    if (kids.size() == 1 && is(kids[0], symbols().conditional)) {
      return conditional(kids[0], depth + 1);
    }
    // The pooled child list, not a copy: one allocation less per expression node.
    std::span<const TSNode> nodes(kids.begin(), kids.end());
    return sequence(nodes, 0, nodes.size(), depth + 1);
  }

 private:
  // A term followed by postfix steps: nodes[begin, end).
  Expr sequence(std::span<const TSNode> nodes, std::size_t begin, std::size_t end, int depth) {
    if (begin >= end) return literal(Value::unknown("empty expression", {}));
    if (depth > kMaxDepth) return literal(c_.too_deep(nodes[begin]));
    TSNode head = nodes[begin];
    std::size_t i = begin + 1;
    Expr result;
    if (!ts_node_is_named(head) && c_.text(head) == "(") {
      // "(" expression ")"
      if (i < end && is(nodes[i], symbols().expression)) {
        result = expression(nodes[i], depth + 1);
        ++i;
      }
      if (i < end && !ts_node_is_named(nodes[i])) ++i;  // ")"
      result.span = span_of(head, nodes[i - 1]);
      result.parenthesized = true;
    } else {
      result = primary(head, depth + 1);
    }
    for (; i < end; ++i) {
      // Steps are siblings in the tree but nest in the AST, one level each: a long chain
      // (`x.a.a.a...`) counts against the depth limit like any other nesting.
      if (depth + static_cast<int>(i - begin) > kMaxDepth) return literal(c_.too_deep(nodes[i]));
      result = postfix(std::move(result), nodes[begin], nodes[i], depth + 1);
    }
    return result;
  }

  Span span_of(TSNode first, TSNode last) {
    return c_.span(ts_node_start_byte(first), ts_node_end_byte(last), ts_node_start_point(first),
                   ts_node_end_point(last));
  }

  Expr postfix(Expr base, TSNode head, TSNode step, int depth) {
    const Symbols& s = symbols();
    Span span = span_of(head, step);
    if (is(step, s.get_attr)) return get_attr(std::move(base), step, span);
    if (is(step, s.index)) return index(std::move(base), step, span, depth);
    if (is(step, s.splat)) return splat(std::move(base), step, span, depth);
    return base;
  }

  Expr get_attr(Expr base, TSNode step, Span span) {
    Expr e = make(Expr::Kind::get_attr, span);
    TSNode name = ts_node_named_child(step, 0);
    e.name = std::string(c_.text(name));
    e.children.push_back(std::move(base));
    return e;
  }

  Expr index(Expr base, TSNode step, Span span, int depth) {
    const Symbols& s = symbols();
    Expr e = make(Expr::Kind::index, span);
    e.children.push_back(std::move(base));
    TSNode inner = ts_node_named_child(step, 0);
    if (is(inner, s.legacy_index)) {
      // ".0": the digits after the dot
      std::string_view text = c_.text(inner);
      text.remove_prefix(std::min<std::size_t>(1, text.size()));
      double n = parse_number(text).value_or(0);
      e.children.push_back(literal(Value::number(n, std::string(text), c_.span(inner))));
    } else {
      TSNode key = ts_node_named_child(inner, 0);
      e.children.push_back(is(key, s.expression) ? expression(key, depth + 1)
                                                 : literal(Value::unknown("index", span)));
    }
    return e;
  }

  // The steps inside a splat apply to each element. A legacy `.*` splat applies only its
  // attribute steps per element; an index after it applies to the resulting list.
  Expr splat(Expr base, TSNode step, Span span, int depth) {
    const Symbols& s = symbols();
    TSNode kind = ts_node_named_child(step, 0);
    const bool full = is(kind, s.full_splat);
    Expr e = make(Expr::Kind::splat, span);
    e.flag = full;
    e.children.push_back(std::move(base));
    Expr each = make(Expr::Kind::variable, span);
    each.name = tf::kSplatItem;
    Children parts(c_, kind);
    std::vector<TSNode> after;
    int steps = 0;
    for (TSNode part : parts) {
      if (!ts_node_is_named(part)) continue;                               // ".*" / "[*]"
      if (depth + ++steps > kMaxDepth) return literal(c_.too_deep(part));  // as in sequence()
      if (!after.empty() || (!full && is(part, s.index))) {
        after.push_back(part);
        continue;
      }
      Span step_span = c_.span(part);
      each = is(part, s.get_attr) ? get_attr(std::move(each), part, step_span)
                                  : index(std::move(each), part, step_span, depth + 1);
    }
    e.children.push_back(std::move(each));
    for (TSNode part : after) {
      e = is(part, s.get_attr) ? get_attr(std::move(e), part, span)
                               : index(std::move(e), part, span, depth + 1);
    }
    return e;
  }

  Expr primary(TSNode node, int depth) {
    const Symbols& s = symbols();
    TSSymbol kind = ts_node_symbol(node);
    Span span = c_.span(node);
    if (kind == s.literal_value) return literal_value(node);
    if (kind == s.template_expr) return template_expr(node, depth);
    if (kind == s.collection_value) return collection(node, depth);
    if (kind == s.variable_expr) {
      Expr e = make(Expr::Kind::variable, span);
      e.name = std::string(c_.text(node));
      return e;
    }
    if (kind == s.function_call) return function_call(node, depth);
    if (kind == s.for_expr) return for_expr(node, depth);
    if (kind == s.operation) return operation(node, depth);
    if (kind == s.conditional) return conditional(node, depth);
    return literal(Value::unknown("expression: " + excerpt(c_.text(node)), span));
  }

  Expr literal_value(TSNode node) {
    const Symbols& s = symbols();
    TSNode child = ts_node_named_child(node, 0);
    Span span = c_.span(node);
    if (is(child, s.numeric_lit)) {
      std::string_view text = c_.text(child);
      auto n = parse_number(text);
      if (!n) return literal(Value::unknown("number out of range: " + std::string(text), span));
      return literal(Value::number(*n, std::string(text), span));
    }
    if (is(child, s.bool_lit)) return literal(Value::boolean(c_.text(child) == "true", span));
    if (is(child, s.string_lit)) return literal(Value::string(string_literal(c_, child), span));
    return literal(Value::null(span));
  }

  Expr collection(TSNode node, int depth) {
    const Symbols& s = symbols();
    TSNode inner = ts_node_named_child(node, 0);
    Span span = c_.span(node);
    Children kids(c_, inner);
    if (is(inner, s.tuple)) {
      Expr e = make(Expr::Kind::tuple, span);
      e.children.reserve(kids.size() / 2 + 1);
      for (TSNode kid : kids)
        if (is(kid, s.expression)) e.children.push_back(expression(kid, depth + 1));
      return e;
    }
    Expr e = make(Expr::Kind::object, span);
    e.children.reserve(kids.size() * 2);
    for (TSNode elem : kids) {
      if (!is(elem, s.object_elem)) continue;
      Children parts(c_, elem);
      if (parts.size() != 3) continue;
      e.children.push_back(object_key(parts[0], depth + 1));
      e.children.push_back(expression(parts[2], depth + 1));
    }
    return e;
  }

  // A bare identifier key is the literal name; anything else is evaluated.
  Expr object_key(TSNode key, int depth) {
    Children kids(c_, key);
    if (kids.size() == 1 && is(kids[0], symbols().variable_expr)) {
      return literal(Value::string(std::string(c_.text(kids[0])), c_.span(key)));
    }
    return expression(key, depth);
  }

  Expr function_call(TSNode node, int depth) {
    const Symbols& s = symbols();
    Expr e = make(Expr::Kind::call, c_.span(node));
    Children kids(c_, node);
    for (TSNode kid : kids) {
      if (is(kid, s.identifier)) {
        e.name = std::string(c_.text(kid));
      } else if (is(kid, s.function_arguments)) {
        Children args(c_, kid);
        e.children.reserve(args.size() / 2 + 1);
        for (TSNode arg : args) {
          if (is(arg, s.expression)) e.children.push_back(expression(arg, depth + 1));
          if (is(arg, s.ellipsis)) e.flag = true;
        }
      }
    }
    return e;
  }

  Expr conditional(TSNode node, int depth) {
    Expr e = make(Expr::Kind::conditional, c_.span(node));
    Children kids(c_, node);
    for (TSNode kid : kids)
      if (is(kid, symbols().expression)) e.children.push_back(expression(kid, depth + 1));
    while (e.children.size() < 3) e.children.push_back(literal(Value::unknown("missing", e.span)));
    // The grammar makes `?:` left-associative, so `a ? b : c ? d : e` arrives as
    // `(a ? b : c) ? d : e`. HCL's is right-associative: rotate an unparenthesized
    // conditional out of the condition.
    while (e.children[0].kind == Expr::Kind::conditional && !e.children[0].parenthesized) {
      Expr inner = std::move(e.children[0]);
      Expr rest = make(Expr::Kind::conditional, e.span);
      rest.children.push_back(std::move(inner.children[2]));
      rest.children.push_back(std::move(e.children[1]));
      rest.children.push_back(std::move(e.children[2]));
      e.children.clear();
      e.children.push_back(std::move(inner.children[0]));
      e.children.push_back(std::move(inner.children[1]));
      e.children.push_back(std::move(rest));
    }
    return e;
  }

  Expr operation(TSNode node, int depth) {
    const Symbols& s = symbols();
    TSNode op = ts_node_named_child(node, 0);
    Span span = c_.span(node);
    Children kids(c_, op);
    std::span<const TSNode> nodes(kids.begin(), kids.end());
    if (is(op, s.unary_operation)) {
      Expr e = make(Expr::Kind::unary, span);
      e.op = !nodes.empty() && c_.text(nodes[0]) == "!" ? Op::logical_not : Op::negate;
      e.children.push_back(sequence(nodes, 1, nodes.size(), depth + 1));
      return e;
    }
    std::size_t at = nodes.size();
    std::optional<Op> which;
    for (std::size_t i = 1; i < nodes.size(); ++i) {
      if (ts_node_is_named(nodes[i])) continue;
      which = binary_operator(c_.text(nodes[i]));
      if (which) {
        at = i;
        break;
      }
    }
    if (!which) return literal(Value::unknown("operation: " + excerpt(c_.text(node)), span));
    Expr e = make(Expr::Kind::binary, span);
    e.op = *which;
    e.children.push_back(sequence(nodes, 0, at, depth + 1));
    e.children.push_back(sequence(nodes, at + 1, nodes.size(), depth + 1));
    return e;
  }

  // for_intro: "for" identifier ["," identifier] "in" expression ":"
  void for_intro(TSNode intro, Expr& e, int depth) {
    Children kids(c_, intro);
    std::vector<std::string> names;
    for (TSNode kid : kids) {
      if (is(kid, symbols().identifier)) names.emplace_back(c_.text(kid));
      if (is(kid, symbols().expression)) e.children.push_back(expression(kid, depth + 1));
    }
    if (names.size() == 2) {
      e.name = names[0];
      e.name2 = names[1];
    } else if (names.size() == 1) {
      e.name2 = names[0];
    }
  }

  Expr for_expr(TSNode node, int depth) {
    const Symbols& s = symbols();
    TSNode inner = ts_node_named_child(node, 0);
    Expr e = make(Expr::Kind::for_, c_.span(node));
    e.flag = is(inner, s.for_object_expr);
    Children kids(c_, inner);
    std::vector<Expr> bodies;
    std::optional<Expr> condition;
    for (TSNode kid : kids) {
      if (is(kid, s.for_intro)) {
        for_intro(kid, e, depth);
      } else if (is(kid, s.expression)) {
        bodies.push_back(expression(kid, depth + 1));
      } else if (is(kid, s.ellipsis)) {
        e.grouping = true;
      } else if (is(kid, s.for_cond)) {
        TSNode cond = ts_node_named_child(kid, 0);
        condition = expression(cond, depth + 1);
      }
    }
    if (e.children.empty()) e.children.push_back(literal(Value::unknown("for", e.span)));
    if (!e.flag) bodies.insert(bodies.begin(), literal(Value::null(e.span)));
    while (bodies.size() < 2) bodies.push_back(literal(Value::unknown("for", e.span)));
    e.children.push_back(std::move(bodies[0]));
    e.children.push_back(std::move(bodies[1]));
    if (condition) {
      e.has_condition = true;
      e.children.push_back(std::move(*condition));
    }
    return e;
  }

  // --- templates ---

  Expr template_expr(TSNode node, int depth) {
    TSNode inner = ts_node_named_child(node, 0);
    Span span = c_.span(node);
    Children kids(c_, inner);
    std::vector<TSNode> parts;
    std::optional<Heredoc> heredoc;
    std::uint32_t begin = 0, end = 0;
    if (is(inner, symbols().heredoc_template)) {
      // heredoc_start heredoc_identifier parts... heredoc_identifier
      if (kids.size() < 3) return literal(Value::string("", span));
      heredoc = heredoc_bounds(kids[1], kids[kids.size() - 1], c_.text(kids[0]) == "<<-");
      for (std::size_t i = 2; i + 1 < kids.size(); ++i) parts.push_back(kids[i]);
      begin = heredoc->begin;
      end = heredoc->end;
    } else {
      // quoted_template_start parts... quoted_template_end
      if (kids.size() < 2) return literal(Value::string("", span));
      for (std::size_t i = 1; i + 1 < kids.size(); ++i) parts.push_back(kids[i]);
      begin = ts_node_end_byte(kids[0]);
      end = ts_node_start_byte(kids[kids.size() - 1]);
    }
    Expr e = make(Expr::Kind::template_, span);
    // Templates nest (a quoted string inside an interpolation of a heredoc): save the outer
    // template's state.
    const Heredoc* outer_heredoc = heredoc_;
    const bool outer_trim = pending_trim_;
    const Span outer_span = literal_span_;
    heredoc_ = heredoc ? &*heredoc : nullptr;
    pending_trim_ = false;
    literal_span_ = span;
    template_parts(parts, begin, end, e.children, depth + 1);
    heredoc_ = outer_heredoc;
    pending_trim_ = outer_trim;
    literal_span_ = outer_span;
    return simplify(std::move(e));
  }

  // A template of literal parts only is a plain string.
  static Expr simplify(Expr e) {
    std::string joined;
    for (const Expr& part : e.children) {
      if (part.kind != Expr::Kind::literal || !part.literal.is_string()) return e;
      joined += part.literal.text();
    }
    return literal(Value::string(std::move(joined), e.span));
  }

  Heredoc heredoc_bounds(TSNode open, TSNode close, bool flush) {
    std::string_view source = c_.source();
    Heredoc h;
    h.flush = flush;
    std::size_t begin = source.find('\n', ts_node_end_byte(open));
    std::size_t close_start = ts_node_start_byte(close);
    if (begin == std::string_view::npos || begin >= close_start) {
      h.begin = h.end = static_cast<std::uint32_t>(close_start);
      return h;
    }
    ++begin;
    std::size_t end = source.rfind('\n', close_start - 1);
    end = (end == std::string_view::npos || end < begin) ? begin : end + 1;
    h.begin = static_cast<std::uint32_t>(begin);
    h.end = static_cast<std::uint32_t>(end);
    if (flush) h.indent = common_indent(source.substr(begin, end - begin));
    return h;
  }

  // The parts of a template region [begin, end): interpolations and directives, and the
  // literal text between them. Literal text is taken from the gaps, not from the grammar's
  // template_literal nodes, which leave out whitespace next to an interpolation.
  void template_parts(const std::vector<TSNode>& nodes, std::uint32_t begin, std::uint32_t end,
                      std::vector<Expr>& out, int depth) {
    const Symbols& s = symbols();
    std::uint32_t cursor = begin;
    for (TSNode node : nodes) {
      const bool code = is(node, s.template_interpolation) || is(node, s.template_directive);
      if (!code) continue;
      add_literal(cursor, ts_node_start_byte(node), out);
      if (is(node, s.template_interpolation)) {
        interpolation(node, out, depth);
      } else {
        directive(ts_node_named_child(node, 0), out, depth);
      }
      cursor = ts_node_end_byte(node);
    }
    add_literal(cursor, end, out);
  }

  void add_literal(std::uint32_t b, std::uint32_t e, std::vector<Expr>& out) {
    std::string text;
    std::string_view source = c_.source();
    if (heredoc_) {
      b = std::max(b, heredoc_->begin);
      e = std::min(e, heredoc_->end);
      if (b >= e) return;
      std::string raw;
      for (std::uint32_t i = b; i < e;) {
        const bool line_start = i == heredoc_->begin || source[i - 1] == '\n';
        if (line_start && heredoc_->flush) {
          std::size_t skipped = 0;
          while (i < e && skipped < heredoc_->indent && (source[i] == ' ' || source[i] == '\t')) {
            ++i;
            ++skipped;
          }
        }
        std::size_t eol = source.find('\n', i);
        std::uint32_t stop = eol == std::string_view::npos
                                 ? e
                                 : std::min<std::uint32_t>(e, static_cast<std::uint32_t>(eol) + 1);
        raw.append(source.substr(i, stop - i));
        i = stop;
      }
      text = decode_heredoc(raw, false);
    } else {
      if (b >= e) return;
      text = decode_quoted(source.substr(b, e - b));
    }
    if (pending_trim_) {
      std::size_t first = text.find_first_not_of(" \t\r\n");
      text.erase(0, first == std::string::npos ? text.size() : first);
      pending_trim_ = false;
    }
    out.push_back(literal(Value::string(std::move(text), literal_span_)));
  }

  static void trim_end(std::vector<Expr>& parts) {
    if (parts.empty() || parts.back().kind != Expr::Kind::literal) return;
    Value& v = parts.back().literal;
    if (!v.is_string()) return;
    std::string text = v.text();
    std::size_t last = text.find_last_not_of(" \t\r\n");
    text.erase(last == std::string::npos ? 0 : last + 1);
    Span span = v.span;
    v = Value::string(std::move(text), span);
  }

  // Strip markers of a directive/interpolation node: (leading, trailing).
  std::pair<bool, bool> strip_markers(TSNode node) {
    Children kids(c_, node);
    bool leading = false, trailing = false;
    for (std::size_t i = 0; i < kids.size(); ++i) {
      if (!is(kids[i], symbols().strip_marker)) continue;
      if (i <= 1) leading = true;
      if (i + 2 >= kids.size()) trailing = true;
    }
    return {leading, trailing};
  }

  void interpolation(TSNode node, std::vector<Expr>& out, int depth) {
    auto [leading, trailing] = strip_markers(node);
    if (leading) trim_end(out);
    pending_trim_ = false;
    TSNode expr{};
    bool found = false;
    {
      Children kids(c_, node);
      for (TSNode kid : kids) {
        if (is(kid, symbols().expression)) {
          expr = kid;
          found = true;
        }
      }
    }
    if (found) out.push_back(expression(expr, depth + 1));
    pending_trim_ = trailing;
  }

  void directive(TSNode node, std::vector<Expr>& out, int depth) {
    const Symbols& s = symbols();
    Children kids(c_, node);
    std::vector<TSNode> all(kids.begin(), kids.end());
    if (all.empty()) return;
    if (is(node, s.template_if)) {
      Expr e = make(Expr::Kind::template_if, c_.span(node));
      auto [lead, trail] = strip_markers(all[0]);
      if (lead) trim_end(out);
      pending_trim_ = trail;
      TSNode cond = first_expression(all[0]);
      e.children.push_back(ts_node_is_null(cond) ? literal(Value::unknown("if", e.span))
                                                 : expression(cond, depth + 1));
      Expr then_part = make(Expr::Kind::template_, e.span);
      Expr else_part = make(Expr::Kind::template_, e.span);
      std::vector<Expr>* current = &then_part.children;
      std::vector<TSNode> run;
      std::uint32_t run_begin = ts_node_end_byte(all[0]);
      for (std::size_t i = 1; i < all.size(); ++i) {
        TSNode kid = all[i];
        const bool is_else = is(kid, s.template_else_intro);
        const bool is_end = i + 1 == all.size();
        if (is_else || is_end) {
          template_parts(run, run_begin, ts_node_start_byte(kid), *current, depth + 1);
          run_begin = ts_node_end_byte(kid);
          run.clear();
          auto [l, t] = strip_markers(kid);
          if (l) trim_end(*current);
          pending_trim_ = t;
          if (is_else) current = &else_part.children;
          continue;
        }
        run.push_back(kid);
      }
      e.children.push_back(std::move(then_part));
      e.children.push_back(std::move(else_part));
      out.push_back(std::move(e));
      return;
    }
    // template_for: template_for_start parts... template_for_end
    Expr e = make(Expr::Kind::template_for, c_.span(node));
    TSNode start = all[0];
    auto [lead, trail] = strip_markers(start);
    if (lead) trim_end(out);
    pending_trim_ = trail;
    {
      Children intro(c_, start);
      std::vector<std::string> names;
      TSNode collection{};
      bool has_collection = false;
      for (TSNode kid : intro) {
        if (is(kid, s.identifier)) names.emplace_back(c_.text(kid));
        if (is(kid, s.expression)) {
          collection = kid;
          has_collection = true;
        }
      }
      if (names.size() == 2) {
        e.name = names[0];
        e.name2 = names[1];
      } else if (!names.empty()) {
        e.name2 = names[0];
      }
      if (has_collection) {
        e.children.push_back(expression(collection, depth + 1));
      } else {
        e.children.push_back(literal(Value::unknown("for", e.span)));
      }
    }
    Expr body = make(Expr::Kind::template_, e.span);
    std::vector<TSNode> run(all.begin() + 1, all.end() - (all.size() > 1 ? 1 : 0));
    template_parts(run, ts_node_end_byte(start),
                   all.size() > 1 ? ts_node_start_byte(all.back()) : ts_node_end_byte(start),
                   body.children, depth + 1);
    if (all.size() > 1) {
      auto [l, t] = strip_markers(all.back());
      if (l) trim_end(body.children);
      pending_trim_ = t;
    }
    e.children.push_back(std::move(body));
    out.push_back(std::move(e));
  }

  TSNode first_expression(TSNode node) {
    Children kids(c_, node);
    for (TSNode kid : kids)
      if (is(kid, symbols().expression)) return kid;
    return TSNode{};
  }

  SyntaxContext& c_;
  const Heredoc* heredoc_ = nullptr;
  bool pending_trim_ = false;
  Span literal_span_;  // the enclosing template's span, for its literal parts
};

}  // namespace

tf::Expr build_expression(SyntaxContext& context, TSNode expression, int depth) {
  return Builder(context).expression(expression, depth);
}

}  // namespace iacscan::detail::hcl
