// The Terraform loader: one .tf file in, its resource blocks (as Values) and any syntax
// diagnostics out. Parsing is tree-sitter's HCL grammar; nothing here exposes it.
#pragma once

#include <string>

#include "graph/loaded_file.hpp"
#include "source/source_file.hpp"

namespace iacscan::detail {

// Loads the resource blocks of one .tf file. `scope` is the module directory the file
// belongs to. Thread-safe: each thread parses with its own parser.
LoadedFile load_terraform_file(const SourceFile& file, const std::string& scope);

}  // namespace iacscan::detail
