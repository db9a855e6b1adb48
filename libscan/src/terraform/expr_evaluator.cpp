// Expression evaluation. Every result carries the span of the expression that produced it
// and the refs of everything it was derived from, known or not.
#include "terraform/expr_evaluator.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>

#include "terraform/value_ops.hpp"

namespace iacscan::detail::tf {
namespace {

// Expression nesting is bounded by the parser; this only guards evaluation recursion that
// the AST depth does not bound (templates inside for expressions inside templates...).
constexpr int kMaxEvaluationDepth = 400;
// The same over every evaluator of the thread: a local referring to a local referring to ...
// nests evaluators, each counting only its own depth. A debug build spends about 1.5 KB of
// stack per level, a sanitizer build several times that: this keeps deep-but-finite
// configurations far from the end of an 8 MB stack in every build.
constexpr int kMaxTotalEvaluationDepth = 500;
thread_local int total_evaluation_depth = 0;

Value unknown_from(std::string reason, const Span& span, std::vector<const Value*> sources) {
  Value v = Value::unknown(std::move(reason), span);
  v.refs = merge_refs(sources);
  return v;
}

// The first unknown or error among `values`, re-spanned, carrying all their refs; nullopt when
// all are fully known.
std::optional<Value> first_unknown(const Span& span, std::vector<const Value*> values) {
  for (const Value* v : values) {
    if (is_error(*v)) {
      Value e = *v;
      e.span = span;
      return e;
    }
  }
  for (const Value* v : values) {
    if (!v->is_fully_known()) {
      std::string reason = v->is_unknown() ? v->text() : "depends on an unknown value";
      return unknown_from(std::move(reason), span, values);
    }
  }
  return std::nullopt;
}

// Terraform iterates maps and objects in lexical key order, whatever order they were written
// in; Value maps keep source order, so iteration sorts its copy first.
void sort_keys(Value& map) {
  std::stable_sort(map.entries().begin(), map.entries().end(),
                   [](const Value::Entry& a, const Value::Entry& b) { return a.key < b.key; });
}

// True when `ref` is `base` or one of its instances: "aws_s3_bucket.b[1]" of "aws_s3_bucket.b".
bool refines(const std::string& ref, const std::string& base) {
  return ref == base || (ref.size() > base.size() && ref.compare(0, base.size(), base) == 0 &&
                         ref[base.size()] == '[');
}

// An element taken out of a collection derives from what the collection derives from, except
// where the element already names something more precise: aws_s3_bucket.b[1] (an instance)
// rather than aws_s3_bucket.b (all of them), so a reference to one instance never reaches
// the others.
void add_collection_refs(Value& element, const Value& collection) {
  std::vector<std::string> added;
  for (const std::string& ref : collection.refs) {
    const bool refined = std::any_of(element.refs.begin(), element.refs.end(),
                                     [&](const std::string& own) { return refines(own, ref); });
    if (!refined) added.push_back(ref);
  }
  if (added.empty()) return;
  added.insert(added.end(), element.refs.begin(), element.refs.end());
  std::sort(added.begin(), added.end());
  added.erase(std::unique(added.begin(), added.end()), added.end());
  element.refs = std::move(added);
}

void respan(Value& value, const Span& span, const std::shared_ptr<const Provenance>& origin) {
  value.span = span;
  if (!value.origin) value.origin = origin;
  for (Value& item : value.items()) respan(item, span, origin);
  for (Value::Entry& e : value.entries()) respan(e.value, span, origin);
}

bool all_data_sources(const std::vector<std::string>& refs) {
  return std::all_of(refs.begin(), refs.end(), [](const std::string& ref) {
    return ref.rfind("data.", 0) == 0 || ref.find(".data.") != std::string::npos;
  });
}

}  // namespace

void attach_origins(Value& value, const std::string& note) {
  if (!value.origin && value.span.valid()) {
    value.origin = std::make_shared<const Provenance>(Provenance{value.span, note});
  }
  for (Value& item : value.items()) attach_origins(item, note);
  for (Value::Entry& e : value.entries()) attach_origins(e.value, note);
}

Value used_at(Value value, const Span& span, const std::shared_ptr<const Provenance>& origin) {
  respan(value, span, origin);
  return value;
}

Value get_attribute(const Value& object, std::string_view name, const Span& span) {
  if (object.is_unknown()) {
    Value v = object;
    v.span = span;
    return v;
  }
  if (object.is_map()) {
    if (const Value* found = object.find(name)) {
      Value v = *found;
      // Read from a managed resource: the value depends on that resource, not on what it in
      // turn was built from; direct refs keep graph edges meaningful and chains of references
      // linear. Data sources are not graph nodes, so what they were built from shows through
      // (a policy document naming a bucket stays linked to the bucket).
      if (!object.refs.empty() && !all_data_sources(object.refs)) {
        v.refs = object.refs;
      } else {
        add_refs(v, object);
      }
      return v;
    }
    // A resource or data object holds only what the configuration sets; everything else
    // (id, arn, computed defaults) is known after apply.
    if (!object.refs.empty()) {
      return unknown_from("\"" + std::string(name) + "\" is known only after apply", span,
                          {&object});
    }
    return error_value("no attribute \"" + std::string(name) + "\"", span);
  }
  if (object.is_null()) return error_value("attribute \"" + std::string(name) + "\" of null", span);
  return error_value(
      "cannot read attribute \"" + std::string(name) + "\" of a " + std::string(type_name(object)),
      span);
}

Value index_value(const Value& collection, const Value& key, const Span& span) {
  if (is_error(collection)) return collection;
  if (is_error(key)) return key;
  if (collection.is_unknown() || key.is_unknown()) {
    return unknown_from(collection.is_unknown() ? collection.text() : key.text(), span,
                        {&collection, &key});
  }
  if (collection.is_list()) {
    auto n = to_number(key);
    if (!n || *n != std::floor(*n)) return error_value("list index must be a whole number", span);
    if (*n < 0 || *n >= static_cast<double>(collection.items().size())) {
      return error_value("index " + format_number(*n) + " out of range", span);
    }
    Value v = collection.items()[static_cast<std::size_t>(*n)];
    add_collection_refs(v, collection);
    return v;
  }
  if (collection.is_map()) {
    auto text = to_string(key);
    if (!text) return error_value("map key must be a string", span);
    if (const Value* found = collection.find(*text)) {
      Value v = *found;
      add_collection_refs(v, collection);
      return v;
    }
    if (!collection.refs.empty() && !collection.is_fully_known()) {
      return unknown_from("key \"" + *text + "\" not known", span, {&collection});
    }
    return error_value("no element \"" + *text + "\"", span);
  }
  return error_value("cannot index a " + std::string(type_name(collection)), span);
}

const Value* Evaluator::binding(std::string_view name) const {
  for (auto it = bindings_.rbegin(); it != bindings_.rend(); ++it)
    if (it->first == name) return &it->second;
  return nullptr;
}

Value Evaluator::evaluate(const Expr& expr) {
  if (depth_ > kMaxEvaluationDepth || total_evaluation_depth > kMaxTotalEvaluationDepth)
    return error_value("expression nested too deeply", expr.span);
  struct DepthGuard {
    int& depth;
    explicit DepthGuard(int& d) : depth(++d) { ++total_evaluation_depth; }
    ~DepthGuard() {
      --depth;
      --total_evaluation_depth;
    }
  } guard(depth_);

  switch (expr.kind) {
    case Expr::Kind::literal:
      return expr.literal;
    case Expr::Kind::template_:
      return template_value(expr);
    case Expr::Kind::tuple: {
      Value::List items;
      items.reserve(expr.children.size());
      for (const Expr& child : expr.children) items.push_back(evaluate(child));
      return Value::list(std::move(items), expr.span);
    }
    case Expr::Kind::object: {
      Value::Map entries;
      std::vector<Value> keys;
      for (std::size_t i = 0; i + 1 < expr.children.size(); i += 2) {
        Value key = evaluate(expr.children[i]);
        if (!key.is_fully_known()) {
          return unknown_from("object key not known", expr.span, {&key});
        }
        auto text = to_string(key);
        if (!text) return error_value("object key must be a string", expr.children[i].span);
        Value value = evaluate(expr.children[i + 1]);
        auto existing = std::find_if(entries.begin(), entries.end(),
                                     [&](const Value::Entry& e) { return e.key == *text; });
        if (existing != entries.end()) {
          existing->value = std::move(value);
        } else {
          entries.push_back(Value::Entry{*text, expr.children[i].span, std::move(value)});
        }
      }
      return Value::map(std::move(entries), expr.span);
    }
    case Expr::Kind::variable:
    case Expr::Kind::get_attr:
    case Expr::Kind::index:
      return traversal(expr);
    case Expr::Kind::splat:
      return splat(expr);
    case Expr::Kind::call:
      return call(expr);
    case Expr::Kind::conditional:
      return conditional(expr);
    case Expr::Kind::binary:
      return binary(expr);
    case Expr::Kind::unary:
      return unary(expr);
    case Expr::Kind::for_:
      return for_expression(expr);
    case Expr::Kind::template_if:
    case Expr::Kind::template_for: {
      Expr wrapper;
      wrapper.kind = Expr::Kind::template_;
      wrapper.span = expr.span;
      wrapper.children.push_back(expr);
      return template_value(wrapper);
    }
  }
  return error_value("unsupported expression", expr.span);
}

// A chain of attribute and index steps over a root name. Scope names (var.x, aws_x.y,
// module.m) are resolved with as many leading attribute names as they need; bound local
// names first hide them.
Value Evaluator::traversal(const Expr& expr) {
  std::vector<const Expr*> steps;
  const Expr* node = &expr;
  while (node->kind == Expr::Kind::get_attr || node->kind == Expr::Kind::index) {
    steps.push_back(node);
    if (node->children.empty()) return error_value("malformed traversal", expr.span);
    node = &node->children[0];
  }
  std::reverse(steps.begin(), steps.end());
  Value value;
  std::size_t next = 0;
  if (node->kind != Expr::Kind::variable) {
    value = evaluate(*node);
  } else if (const Value* bound = binding(node->name)) {
    value = *bound;
    value.span = node->span;
  } else {
    std::array<std::string_view, 4> names{};
    std::size_t count = 0;
    names[count++] = node->name;
    while (count < names.size() && count - 1 < steps.size() &&
           steps[count - 1]->kind == Expr::Kind::get_attr) {
      names[count] = steps[count - 1]->name;
      ++count;
    }
    std::size_t used = 1;
    const Span& span = count > 1 ? steps[count - 2]->span : node->span;
    value = scope_.resolve(std::span<const std::string_view>(names.data(), count), used, span);
    used = std::clamp<std::size_t>(used, 1, count);
    next = used - 1;
  }
  for (; next < steps.size(); ++next) {
    const Expr* step = steps[next];
    if (is_error(value)) {
      value.span = step->span;
      continue;
    }
    if (step->kind == Expr::Kind::get_attr) {
      value = get_attribute(value, step->name, step->span);
    } else {
      Value key = evaluate(step->children[1]);
      value = index_value(value, key, step->span);
    }
  }
  if (!steps.empty()) value.span = expr.span;
  return value;
}

Value Evaluator::template_value(const Expr& expr) {
  // "${x}" alone is x itself, not its string form.
  if (expr.children.size() == 1) {
    const Expr& only = expr.children[0];
    if (only.kind != Expr::Kind::literal && only.kind != Expr::Kind::template_if &&
        only.kind != Expr::Kind::template_for) {
      Value v = evaluate(only);
      v.span = expr.span;
      return v;
    }
  }
  std::string out;
  Value unknown = Value::unknown("template", expr.span);
  bool is_unknown = false;
  render_parts(expr, out, unknown, is_unknown);
  if (is_unknown) {
    unknown.span = expr.span;
    // A policy written as a heredoc around "${aws_s3_bucket.b.arn}" is still readable.
    if (!is_error(unknown))
      unknown.encoded = std::make_shared<const EncodedText>(EncodedText{nullptr, std::move(out)});
    return unknown;
  }
  Value v = Value::string(std::move(out), expr.span);
  v.refs = std::move(unknown.refs);
  return v;
}

// Appends the rendering of a template's parts; an unknown or error part makes `is_unknown`
// true (the first error wins as the reason) and every part's refs gather in `unknown`.
void Evaluator::render_parts(const Expr& parts, std::string& out, Value& unknown,
                             bool& is_unknown) {
  auto mark = [&](const Value& v) {
    add_refs(unknown, v);
    if (!v.is_unknown() && v.is_fully_known()) return false;
    if (!is_error(v)) out += kUnknownMarker;
    if (!is_unknown || (is_error(v) && !is_error(unknown))) {
      std::vector<std::string> refs = std::move(unknown.refs);
      unknown = v.is_unknown() ? v : Value::unknown("depends on an unknown value");
      unknown.refs = std::move(refs);
      add_refs(unknown, v);
    }
    is_unknown = true;
    return true;
  };
  for (const Expr& part : parts.children) {
    if (part.kind == Expr::Kind::template_if) {
      Value cond = evaluate(part.children[0]);
      if (mark(cond)) continue;
      auto flag = to_bool(cond);
      if (!flag) {
        mark(error_value("template condition is not a bool", part.span));
        continue;
      }
      render_parts(part.children[*flag ? 1 : 2], out, unknown, is_unknown);
      continue;
    }
    if (part.kind == Expr::Kind::template_for) {
      Value collection = evaluate(part.children[0]);
      if (mark(collection)) continue;
      const bool is_map = collection.is_map();
      if (is_map) sort_keys(collection);
      const std::size_t n = is_map ? collection.entries().size() : collection.items().size();
      for (std::size_t i = 0; i < n; ++i) {
        Value key = is_map ? Value::string(collection.entries()[i].key) : make_number(double(i));
        Value item = is_map ? collection.entries()[i].value : collection.items()[i];
        int bound = 0;
        if (!part.name.empty()) {
          bind(part.name, std::move(key));
          ++bound;
        }
        bind(part.name2, std::move(item));
        ++bound;
        render_parts(part.children[1], out, unknown, is_unknown);
        while (bound-- > 0) unbind();
      }
      continue;
    }
    Value v = part.kind == Expr::Kind::literal ? part.literal : evaluate(part);
    if (mark(v)) continue;
    if (v.is_null()) {
      mark(error_value("null value in a template", part.span));
      continue;
    }
    auto text = to_string(v);
    if (!text) {
      mark(error_value("cannot use a " + std::string(type_name(v)) + " in a template", part.span));
      continue;
    }
    out += *text;
  }
}

Value Evaluator::for_expression(const Expr& expr) {
  Value collection = evaluate(expr.children[0]);
  if (is_error(collection)) return collection;
  if (collection.is_unknown()) return unknown_from(collection.text(), expr.span, {&collection});
  if (!collection.is_list() && !collection.is_map()) {
    return error_value("for expression over a " + std::string(type_name(collection)), expr.span);
  }
  const bool is_map = collection.is_map();
  if (is_map) sort_keys(collection);
  const std::size_t n = is_map ? collection.entries().size() : collection.items().size();
  Value::List items;
  Value::Map entries;
  std::vector<std::string> refs = collection.refs;
  for (std::size_t i = 0; i < n; ++i) {
    Value key = is_map
                    ? Value::string(collection.entries()[i].key, collection.entries()[i].key_span)
                    : make_number(double(i));
    Value item = is_map ? collection.entries()[i].value : collection.items()[i];
    int bound = 0;
    if (!expr.name.empty()) {
      bind(expr.name, std::move(key));
      ++bound;
    }
    bind(expr.name2, std::move(item));
    ++bound;
    struct Unbind {
      Evaluator& e;
      int& n;
      ~Unbind() {
        while (n-- > 0) e.unbind();
      }
    } unbind_guard{*this, bound};
    if (expr.has_condition) {
      Value cond = evaluate(expr.children[3]);
      if (!cond.is_fully_known())
        return unknown_from("for condition not known", expr.span, {&cond, &collection});
      auto keep = to_bool(cond);
      if (!keep) return error_value("for condition is not a bool", expr.span);
      if (!*keep) continue;
    }
    Value value = evaluate(expr.children[2]);
    if (!expr.flag) {
      items.push_back(std::move(value));
      continue;
    }
    Value k = evaluate(expr.children[1]);
    if (!k.is_fully_known()) return unknown_from("for key not known", expr.span, {&k, &collection});
    auto text = to_string(k);
    if (!text) return error_value("for key must be a string", expr.span);
    auto existing = std::find_if(entries.begin(), entries.end(),
                                 [&](const Value::Entry& e) { return e.key == *text; });
    if (expr.grouping) {
      if (existing == entries.end()) {
        entries.push_back(Value::Entry{*text, expr.span, Value::list({}, expr.span)});
        existing = entries.end() - 1;
      }
      existing->value.items().push_back(std::move(value));
    } else if (existing != entries.end()) {
      return error_value("duplicate key \"" + *text + "\" in for expression (use ... to group)",
                         expr.span);
    } else {
      entries.push_back(Value::Entry{*text, expr.span, std::move(value)});
    }
  }
  Value result = expr.flag ? Value::map(std::move(entries), expr.span)
                           : Value::list(std::move(items), expr.span);
  if (expr.flag) {
    std::stable_sort(result.entries().begin(), result.entries().end(),
                     [](const Value::Entry& a, const Value::Entry& b) { return a.key < b.key; });
  }
  result.refs = std::move(refs);
  return result;
}

Value Evaluator::splat(const Expr& expr) {
  Value source = evaluate(expr.children[0]);
  if (is_error(source)) return source;
  if (source.is_unknown()) return unknown_from(source.text(), expr.span, {&source});
  if (source.is_null()) return Value::list({}, expr.span);
  Value::List inputs;
  if (source.is_list()) {
    inputs = source.items();
  } else {
    inputs.push_back(source);  // a single value splats as a one-element list
  }
  Value::List out;
  out.reserve(inputs.size());
  for (Value& item : inputs) {
    bind(kSplatItem, std::move(item));
    out.push_back(evaluate(expr.children[1]));
    unbind();
  }
  Value result = Value::list(std::move(out), expr.span);
  result.refs = source.refs;
  return result;
}

Value Evaluator::call(const Expr& expr) {
  if (expr.name == "try") {
    // The first argument that evaluates without an error; an unknown one decides nothing
    // yet, so the result is unknown.
    for (const Expr& arg : expr.children) {
      Value v = evaluate(arg);
      if (!contains_error(v)) return v;
    }
    return error_value("try: no argument succeeded", expr.span);
  }
  if (expr.name == "can") {
    if (expr.children.size() != 1) return error_value("can: needs one argument", expr.span);
    Value v = evaluate(expr.children[0]);
    if (contains_error(v)) return Value::boolean(false, expr.span);
    if (v.is_unknown()) return unknown_from(v.text(), expr.span, {&v});
    Value yes = Value::boolean(true, expr.span);
    yes.refs = v.refs;
    return yes;
  }
  std::vector<Value> args;
  args.reserve(expr.children.size());
  for (const Expr& arg : expr.children) args.push_back(evaluate(arg));
  if (expr.flag && !args.empty()) {
    Value last = std::move(args.back());
    args.pop_back();
    if (is_error(last)) return last;
    if (last.is_unknown()) return unknown_from(last.text(), expr.span, {&last});
    if (!last.is_list())
      return error_value("cannot expand a " + std::string(type_name(last)), expr.span);
    for (Value& item : last.items()) args.push_back(std::move(item));
  }
  return call_function(expr.name, std::move(args), expr.span, scope_.functions());
}

Value Evaluator::conditional(const Expr& expr) {
  Value cond = evaluate(expr.children[0]);
  if (is_error(cond)) return cond;
  if (!cond.is_fully_known()) {
    Value then_value = evaluate(expr.children[1]);
    Value else_value = evaluate(expr.children[2]);
    Value v = unknown_from("condition not known: " + cond.text(), expr.span,
                           {&cond, &then_value, &else_value});
    // Either branch may be the value: rules can still decide when both agree.
    if (!contains_error(then_value) && !contains_error(else_value)) {
      v.candidates = std::make_shared<const Value::List>(Value::List{then_value, else_value});
    }
    return v;
  }
  auto flag = to_bool(cond);
  if (!flag) return error_value("condition is not a bool", expr.children[0].span);
  Value v = evaluate(expr.children[*flag ? 1 : 2]);
  add_refs(v, cond);
  return v;
}

Value Evaluator::binary(const Expr& expr) {
  Value left = evaluate(expr.children[0]);
  Value right = evaluate(expr.children[1]);
  const Span& span = expr.span;
  auto with_refs = [&](Value v) {
    v.refs = merge_refs({&left, &right});
    return v;
  };
  switch (expr.op) {
    case Op::logical_and:
    case Op::logical_or: {
      // A known deciding operand decides even when the other is unknown: false && x is
      // false whatever x turns out to be.
      const bool is_and = expr.op == Op::logical_and;
      auto l = left.is_fully_known() ? to_bool(left) : std::nullopt;
      auto r = right.is_fully_known() ? to_bool(right) : std::nullopt;
      if (is_error(left)) return left;
      if (is_error(right)) return right;
      if ((l && *l != is_and) || (r && *r != is_and))
        return with_refs(Value::boolean(!is_and, span));
      if (auto u = first_unknown(span, {&left, &right})) return *u;
      if (!l || !r) return error_value("operands of && and || must be bools", span);
      return with_refs(Value::boolean(is_and, span));
    }
    case Op::equal:
    case Op::not_equal: {
      if (is_error(left)) return left;
      if (is_error(right)) return right;
      // Null against a value that is itself known (whatever is unknown inside it) is decided:
      // `var.config != null` with an unknown attribute in the object is true.
      if ((left.is_null() && !right.is_unknown()) || (right.is_null() && !left.is_unknown())) {
        const bool both = left.is_null() && right.is_null();
        return with_refs(Value::boolean(expr.op == Op::equal ? both : !both, span));
      }
      if (auto u = first_unknown(span, {&left, &right})) return *u;
      bool same = *values_equal(left, right);
      return with_refs(Value::boolean(expr.op == Op::equal ? same : !same, span));
    }
    default:
      break;
  }
  if (auto u = first_unknown(span, {&left, &right})) return *u;
  auto a = to_number(left);
  auto b = to_number(right);
  if (!a || !b) return error_value("arithmetic and comparison need numbers", span);
  switch (expr.op) {
    case Op::add:
      return with_refs(make_number(*a + *b, span));
    case Op::subtract:
      return with_refs(make_number(*a - *b, span));
    case Op::multiply:
      return with_refs(make_number(*a * *b, span));
    case Op::divide:
      if (*b == 0) return error_value("division by zero", span);
      return with_refs(make_number(*a / *b, span));
    case Op::modulo:
      if (*b == 0) return error_value("modulo by zero", span);
      return with_refs(make_number(std::fmod(*a, *b), span));
    case Op::less:
      return with_refs(Value::boolean(*a < *b, span));
    case Op::less_equal:
      return with_refs(Value::boolean(*a <= *b, span));
    case Op::greater:
      return with_refs(Value::boolean(*a > *b, span));
    case Op::greater_equal:
      return with_refs(Value::boolean(*a >= *b, span));
    default:
      return error_value("unsupported operator", span);
  }
}

Value Evaluator::unary(const Expr& expr) {
  Value operand = evaluate(expr.children[0]);
  if (auto u = first_unknown(expr.span, {&operand})) return *u;
  Value result;
  if (expr.op == Op::logical_not) {
    auto flag = to_bool(operand);
    if (!flag) return error_value("! needs a bool", expr.span);
    result = Value::boolean(!*flag, expr.span);
  } else {
    auto n = to_number(operand);
    if (!n) return error_value("- needs a number", expr.span);
    // Keep the written text of negative literals ("-1" rather than a reformatted value).
    const std::string& text = operand.text();
    result = operand.is_number() && !text.empty() && text[0] != '-'
                 ? Value::number(-*n, "-" + text, expr.span)
                 : make_number(-*n, expr.span);
  }
  result.refs = operand.refs;
  return result;
}

}  // namespace iacscan::detail::tf
