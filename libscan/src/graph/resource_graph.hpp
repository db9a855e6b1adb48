// ResourceGraph: every resource of a scan with its canonical kind and attributes, and edges
// for references between resources. Split resources are folded onto the resource they
// configure, so a rule about a bucket sees the bucket's whole configuration.
#pragma once

#include <cstddef>
#include <string>
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
};

// Consumes the loaders' resources (in file order) and builds the graph.
ResourceGraph build_graph(std::vector<LoadedFile>& files, const KindCatalog& kinds);

}  // namespace iacscan::detail
