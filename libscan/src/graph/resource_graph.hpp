// ResourceGraph: every resource of a scan with its canonical kind and attributes, and edges
// for references between resources. Split resources are folded onto the resource they
// configure, so a rule about a bucket sees the bucket's whole configuration.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/kind_catalog.hpp"
#include "graph/loaded_file.hpp"

namespace iacscan::detail {

struct Edge {
  std::size_t from = 0;
  std::size_t to = 0;
  std::string attribute;  // top-level native attribute holding the reference
  friend bool operator==(const Edge&, const Edge&) = default;
};

struct ResourceGraph {
  std::vector<Resource> resources;  // in file order, then declaration order
  std::vector<Edge> edges;          // sorted by (from, to, attribute)

  // The resources a reference written in `scope` reaches: one instance, or every instance
  // of a counted resource referenced as a whole; ascending.
  std::vector<std::size_t> resolve(const std::string& scope, const std::string& ref) const;
  // The resources of one scope whose canonical kind or native type is `kind`, folded split
  // resources included; ascending.
  const std::vector<std::size_t>& of_kind(const std::string& scope, const std::string& kind) const;

  // Indexes behind resolve and of_kind, keyed by scope and name (see resource_graph.cpp).
  std::unordered_multimap<std::string, std::size_t> by_address;
  std::unordered_map<std::string, std::vector<std::size_t>> by_kind;
};

// Consumes the loaders' resources (in file order) and builds the graph.
ResourceGraph build_graph(std::vector<LoadedFile>& files, const KindCatalog& kinds);

}  // namespace iacscan::detail
