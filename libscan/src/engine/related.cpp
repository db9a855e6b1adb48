// Graph tests. Links are read from the values themselves (their `refs`), not from the graph's
// edges, because a rule names the attribute that must hold the link (a flow log's resource id,
// not its IAM role) and that attribute is canonical, the same for every format.
#include "engine/related.hpp"

#include <algorithm>

#include "engine/attribute_path.hpp"
#include "graph/resource_graph.hpp"

namespace iacscan::detail {
namespace {

// What a value points at: resources of the scan it references, literal strings it holds (a
// bucket named in plain text), and whether part of it is unknown without a reference that says
// where it points (a variable, a data source, a module output).
struct Links {
  std::vector<std::size_t> targets;
  std::vector<const Value*> literals;
  const Value* unknown = nullptr;
};

void collect(const Value& v, const ResourceGraph& graph, const std::string& scope, Links& out) {
  bool resolved = false;
  for (const std::string& ref : v.refs) {
    for (std::size_t target : graph.resolve(scope, ref)) {
      out.targets.push_back(target);
      resolved = true;
    }
  }
  if (v.is_unknown()) {
    if (!resolved && !out.unknown) out.unknown = &v;
    return;
  }
  if (v.is_string() && v.refs.empty()) out.literals.push_back(&v);
  for (const Value& item : v.items()) collect(item, graph, scope, out);
  for (const Value::Entry& e : v.entries()) collect(e.value, graph, scope, out);
}

Links links_of(const Value& holder, const RelatedSpec& spec, const ResourceGraph& graph,
               const std::string& scope) {
  Links links;
  if (spec.via.empty()) {
    collect(holder, graph, scope, links);
    return links;
  }
  for (const Value* v : resolve_all(holder, spec.via)) collect(*v, graph, scope, links);
  return links;
}

bool holds_literal(const Links& links, const Value* name) {
  if (!name || !name->is_string()) return false;
  return std::any_of(links.literals.begin(), links.literals.end(),
                     [&](const Value* v) { return v->text() == name->text(); });
}

// The attributes a condition sees on another resource: canonical when the spec names a kind,
// native when it names the resource's native type.
const Value& view_of(const Resource& r, const RelatedSpec& spec) {
  return r.native_type == spec.kind ? r.attributes : r.canonical;
}

bool is_of_kind(const Resource& r, const std::string& kind) {
  return r.kind == kind || r.native_type == kind;
}

Outcome unknown_link(const Resource& other, const Value* why) {
  Outcome o;
  o.truth = Truth::unknown;
  o.witness = why;
  o.detail = "whether " + other.address + " is linked is unknown";
  if (why && why->is_unknown() && !why->text().empty()) o.detail += " (" + why->text() + ")";
  return o;
}

// Folds the verdict on one linked (or possibly linked) resource into the running outcome.
class Verdict {
 public:
  // Returns true once decided.
  bool add(Truth link, const Resource& other, std::size_t other_index, const Condition& c,
           const EvalContext& context, const Value* why_unknown) {
    if (link == Truth::false_) return false;
    const RelatedSpec& spec = *c.related;
    Truth holds = Truth::true_;
    Outcome inner;
    if (spec.has_where) {
      EvalContext around(&other, context.graph, other_index);
      around.options = context.options;
      inner = evaluate(c.children.front(), view_of(other, spec), around);
      holds = inner.truth;
    }
    if (holds == Truth::false_) return false;
    if (link == Truth::true_ && holds == Truth::true_) {
      result_ = Outcome{};
      result_.truth = Truth::true_;
      result_.detail = other.address;
      result_.attribute = "related " + spec.kind;
      return true;
    }
    if (!unknown_) {
      unknown_ = true;
      result_ = link == Truth::unknown ? unknown_link(other, why_unknown) : std::move(inner);
      if (result_.detail.empty()) result_.detail = other.address + ": " + result_.attribute;
    }
    return false;
  }

  Outcome finish() {
    if (!unknown_ && result_.truth != Truth::true_) result_.truth = Truth::false_;
    return std::move(result_);
  }

 private:
  Outcome result_;
  bool unknown_ = false;
};

Outcome referenced_by(const Condition& c, const Value& subject, const EvalContext& context) {
  const RelatedSpec& spec = *c.related;
  const ResourceGraph& graph = *context.graph;
  const Resource& self = *context.resource;
  const Value* name = nullptr;
  if (!spec.match.empty()) {
    std::vector<const Value*> names = resolve_all(subject, spec.match);
    if (!names.empty()) name = names.front();
  }
  Verdict verdict;
  for (std::size_t i : graph.of_kind(self.scope, spec.kind)) {
    if (i == context.index) continue;
    const Resource& other = graph.resources[i];
    const Links links = links_of(view_of(other, spec), spec, graph, other.scope);
    Truth link = Truth::false_;
    if (std::find(links.targets.begin(), links.targets.end(), context.index) !=
            links.targets.end() ||
        holds_literal(links, name)) {
      link = Truth::true_;
    } else if (links.unknown) {
      link = Truth::unknown;
    }
    if (verdict.add(link, other, i, c, context, links.unknown)) break;
  }
  return verdict.finish();
}

Outcome references(const Condition& c, const Value& subject, const EvalContext& context) {
  const RelatedSpec& spec = *c.related;
  const ResourceGraph& graph = *context.graph;
  const Resource& self = *context.resource;
  Links links = links_of(subject, spec, graph, self.scope);
  std::sort(links.targets.begin(), links.targets.end());
  links.targets.erase(std::unique(links.targets.begin(), links.targets.end()), links.targets.end());
  Verdict verdict;
  for (std::size_t i : links.targets) {
    if (i == context.index || !is_of_kind(graph.resources[i], spec.kind)) continue;
    if (verdict.add(Truth::true_, graph.resources[i], i, c, context, nullptr))
      return verdict.finish();
  }
  if (!spec.match.empty() && !links.literals.empty()) {
    for (std::size_t i : graph.of_kind(self.scope, spec.kind)) {
      if (i == context.index) continue;
      const Resource& other = graph.resources[i];
      std::vector<const Value*> names = resolve_all(view_of(other, spec), spec.match);
      if (names.empty() || !holds_literal(links, names.front())) continue;
      if (verdict.add(Truth::true_, other, i, c, context, nullptr)) return verdict.finish();
    }
  }
  // An unknown value might name a resource of the kind: undecided, unless one is linked.
  if (links.unknown) {
    Outcome o = verdict.finish();
    if (o.truth == Truth::true_) return o;
    o.truth = Truth::unknown;
    o.witness = links.unknown;
    o.detail = "what " + spec.kind + " it references is unknown";
    if (!links.unknown->text().empty()) o.detail += " (" + links.unknown->text() + ")";
    return o;
  }
  return verdict.finish();
}

}  // namespace

Outcome evaluate_related(const Condition& c, const Value& subject, const EvalContext& context) {
  if (!context.graph || !context.resource) {
    Outcome o;
    o.truth = Truth::unknown;
    o.detail = "graph tests need the resource graph";
    return o;
  }
  return c.related->referenced_by ? referenced_by(c, subject, context)
                                  : references(c, subject, context);
}

}  // namespace iacscan::detail
