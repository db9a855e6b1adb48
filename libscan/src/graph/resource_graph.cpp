// Graph construction: kind projection, reference edges, folding of split resources.
#include "graph/resource_graph.hpp"

#include <algorithm>
#include <optional>
#include <tuple>
#include <unordered_map>

namespace iacscan::detail {
namespace {

std::string scoped_key(const std::string& scope, const std::string& address) {
  std::string key;
  key.reserve(scope.size() + address.size() + 1);
  key.append(scope).push_back('\0');
  key.append(address);
  return key;
}

class GraphBuilder {
 public:
  GraphBuilder(ResourceGraph& graph, const KindCatalog& kinds) : graph_(graph), kinds_(kinds) {}

  void run() {
    for (std::size_t i = 0; i < graph_.resources.size(); ++i) {
      Resource& r = graph_.resources[i];
      by_address_.emplace(scoped_key(r.scope, r.address), i);
      if (const SourceMapping* m = kinds_.find(r.native_type)) {
        r.kind = m->kind;
        r.canonical = KindCatalog::project(r.attributes, m->attributes);
        r.canonical.span = r.span;
      }
    }
    for (std::size_t i = 0; i < graph_.resources.size(); ++i) {
      for (const Value::Entry& e : graph_.resources[i].attributes.entries()) {
        add_edges(i, e.key, e.value);
      }
    }
    std::sort(graph_.edges.begin(), graph_.edges.end(), [](const Edge& a, const Edge& b) {
      return std::tie(a.from, a.to, a.attribute) < std::tie(b.from, b.to, b.attribute);
    });
    graph_.edges.erase(std::unique(graph_.edges.begin(), graph_.edges.end()), graph_.edges.end());
    for (std::size_t i = 0; i < graph_.resources.size(); ++i) fold(i);
  }

 private:
  void add_edges(std::size_t from, const std::string& attribute, const Value& v) {
    for (const std::string& ref : v.refs) {
      auto it = by_address_.find(scoped_key(graph_.resources[from].scope, ref));
      if (it != by_address_.end() && it->second != from) {
        graph_.edges.push_back(Edge{from, it->second, attribute});
      }
    }
    for (const Value& item : v.items()) add_edges(from, attribute, item);
    for (const Value::Entry& e : v.entries()) add_edges(from, attribute, e.value);
  }

  bool is_primary_of(const Resource& candidate, const std::string& kind) const {
    const SourceMapping* m = kinds_.find(candidate.native_type);
    return m && m->kind == kind && !m->fold;
  }

  // The resource a split resource configures: by reference first, then by literal name.
  std::optional<std::size_t> fold_target(const Resource& split, const FoldSpec& spec) const {
    const Value* via = split.attributes.find(spec.via);
    if (!via) return std::nullopt;
    for (const std::string& ref : via->refs) {
      auto it = by_address_.find(scoped_key(split.scope, ref));
      if (it != by_address_.end() && is_primary_of(graph_.resources[it->second], split.kind)) {
        return it->second;
      }
    }
    if (!via->is_string() || spec.match.empty()) return std::nullopt;
    for (std::size_t i = 0; i < graph_.resources.size(); ++i) {
      const Resource& candidate = graph_.resources[i];
      if (candidate.scope != split.scope || !is_primary_of(candidate, split.kind)) continue;
      const Value* name = candidate.canonical.find(spec.match);
      if (name && name->is_string() && name->text() == via->text()) return i;
    }
    return std::nullopt;
  }

  void fold(std::size_t index) {
    Resource& split = graph_.resources[index];
    const SourceMapping* m = kinds_.find(split.native_type);
    if (!m || !m->fold) return;
    auto target = fold_target(split, *m->fold);
    if (!target) return;  // judged on its own: its target is outside the scan or unknown
    Resource& owner = graph_.resources[*target];
    for (Value::Entry& e : split.canonical.entries())
      owner.canonical.set(e.key, e.value, e.key_span);
    split.folded = true;
  }

  ResourceGraph& graph_;
  const KindCatalog& kinds_;
  std::unordered_map<std::string, std::size_t> by_address_;
};

}  // namespace

ResourceGraph build_graph(std::vector<LoadedFile>& files, const KindCatalog& kinds) {
  ResourceGraph graph;
  std::size_t total = 0;
  for (const LoadedFile& f : files) total += f.resources.size();
  graph.resources.reserve(total);
  for (LoadedFile& f : files) {
    for (Resource& r : f.resources) graph.resources.push_back(std::move(r));
    f.resources.clear();
  }
  GraphBuilder(graph, kinds).run();
  return graph;
}

}  // namespace iacscan::detail
