// Graph construction: kind projection, reference edges, folding of split resources.
#include "graph/resource_graph.hpp"

#include <algorithm>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_map>
#include <utility>

namespace iacscan::detail {
namespace {

std::string scoped_key(const std::string& scope, const std::string& address) {
  std::string key;
  key.reserve(scope.size() + address.size() + 1);
  key.append(scope).push_back('\0');
  key.append(address);
  return key;
}

// A Terraform instance address without its final instance key: aws_s3_bucket.b[0] and
// module.m["a"].aws_s3_bucket.b["x"] stand for aws_s3_bucket.b and module.m["a"].aws_s3_bucket.b.
// A reference to the whole resource (no index) reaches every instance.
std::string base_address(const std::string& address) {
  if (address.empty() || address.back() != ']') return address;
  int depth = 0;
  bool quoted = false;
  for (std::size_t i = address.size(); i-- > 0;) {
    const char c = address[i];
    if (c == '"' && (i == 0 || address[i - 1] != '\\')) quoted = !quoted;
    if (quoted) continue;
    if (c == ']') ++depth;
    if (c == '[' && --depth == 0) return address.substr(0, i);
  }
  return address;
}

class GraphBuilder {
 public:
  GraphBuilder(ResourceGraph& graph, const KindCatalog& kinds) : graph_(graph), kinds_(kinds) {}

  void run() {
    for (std::size_t i = 0; i < graph_.resources.size(); ++i) {
      Resource& r = graph_.resources[i];
      by_address_.emplace(scoped_key(r.scope, r.address), i);
      const std::string base = base_address(r.address);
      if (base != r.address) by_address_.emplace(scoped_key(r.scope, base), i);
      graph_.by_kind[scoped_key(r.scope, r.native_type)].push_back(i);
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
    index_names();
    for (std::size_t i = 0; i < graph_.resources.size(); ++i) fold(i);
    for (std::size_t i = 0; i < graph_.resources.size(); ++i) {
      const Resource& r = graph_.resources[i];
      if (!r.kind.empty()) graph_.by_kind[scoped_key(r.scope, r.kind)].push_back(i);
    }
  }

  // Hands the address index over once the graph is built.
  std::unordered_multimap<std::string, std::size_t> take_address_index() {
    return std::move(by_address_);
  }

 private:
  void add_edges(std::size_t from, const std::string& attribute, const Value& v) {
    for (const std::string& ref : v.refs) {
      auto [begin, end] = by_address_.equal_range(scoped_key(graph_.resources[from].scope, ref));
      for (auto it = begin; it != end; ++it) {
        if (it->second != from) graph_.edges.push_back(Edge{from, it->second, attribute});
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
      // Several instances may match a reference to the whole resource: the first declared
      // wins, whatever order the hash map keeps them in.
      std::optional<std::size_t> first;
      auto [begin, end] = by_address_.equal_range(scoped_key(split.scope, ref));
      for (auto it = begin; it != end; ++it) {
        if (is_primary_of(graph_.resources[it->second], split.kind) &&
            (!first || it->second < *first)) {
          first = it->second;
        }
      }
      if (first) return first;
    }
    if (!via->is_string() || spec.match.empty()) return std::nullopt;
    auto it = by_name_.find(name_key(split.scope, split.kind, spec.match, via->text()));
    if (it == by_name_.end()) return std::nullopt;
    return it->second;
  }

  static std::string name_key(const std::string& scope, const std::string& kind,
                              const std::string& attribute, const std::string& name) {
    return scoped_key(scoped_key(scoped_key(scope, kind), attribute), name);
  }

  // Primary resources by the literal names split resources may use to point at them (the
  // `match` attribute of each fold spec), built once before folding: the first declared wins.
  void index_names() {
    std::set<std::pair<std::string, std::string>> matched;  // (kind, attribute)
    for (const Resource& r : graph_.resources) {
      const SourceMapping* m = kinds_.find(r.native_type);
      if (m && m->fold && !m->fold->match.empty()) matched.emplace(m->kind, m->fold->match);
    }
    if (matched.empty()) return;
    for (std::size_t i = 0; i < graph_.resources.size(); ++i) {
      const Resource& r = graph_.resources[i];
      if (!is_primary_of(r, r.kind)) continue;
      for (auto it = matched.lower_bound({r.kind, ""}); it != matched.end() && it->first == r.kind;
           ++it) {
        const Value* name = r.canonical.find(it->second);
        if (name && name->is_string()) {
          by_name_.emplace(name_key(r.scope, r.kind, it->second, name->text()), i);
        }
      }
    }
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
  // Exact instance addresses, and base addresses for every instance (in resource order).
  std::unordered_multimap<std::string, std::size_t> by_address_;
  std::unordered_map<std::string, std::size_t> by_name_;
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
  GraphBuilder builder(graph, kinds);
  builder.run();
  graph.by_address = builder.take_address_index();
  return graph;
}

std::vector<std::size_t> ResourceGraph::resolve(const std::string& scope,
                                                const std::string& ref) const {
  std::vector<std::size_t> out;
  auto [begin, end] = by_address.equal_range(scoped_key(scope, ref));
  for (auto it = begin; it != end; ++it) out.push_back(it->second);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

const std::vector<std::size_t>& ResourceGraph::of_kind(const std::string& scope,
                                                       const std::string& kind) const {
  static const std::vector<std::size_t> kNone;
  auto it = by_kind.find(scoped_key(scope, kind));
  return it == by_kind.end() ? kNone : it->second;
}

}  // namespace iacscan::detail
