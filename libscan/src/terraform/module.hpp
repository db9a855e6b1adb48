// A module: the merged configuration of one directory's .tf and .tf.json files, with the
// override files (`override.tf`, `*_override.tf`) applied as Terraform applies them.
#pragma once

#include <deque>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "terraform/ast.hpp"

namespace iacscan::detail::tf {

struct Module {
  std::string dir;     // display path of the directory ("." for the scan root)
  std::string fs_dir;  // where it is on disk; empty for in-memory buffers
  // Declarations by name, in the order their files and blocks were read. Pointers into the
  // Files the module was built from, or into `merged` for overridden declarations.
  std::map<std::string, const Block*> variables;
  std::map<std::string, const Attribute*> locals;
  std::map<std::string, const Block*> module_calls;
  std::map<std::string, const Block*> outputs;
  std::vector<const Block*> resources;                // managed resources, source order
  std::map<std::string, std::size_t> resource_index;  // "TYPE.NAME" -> index in resources
  std::map<std::string, const Block*> data;           // "TYPE.NAME"
  std::vector<const Block*> providers;
  std::vector<Diagnostic> diagnostics;  // duplicate declarations
  std::deque<Block> merged;             // owned results of override merging
  std::deque<Attribute> merged_locals;
};

// Builds a module from its files (sorted by path). Override files are applied after all
// others, in path order.
std::unique_ptr<Module> build_module(std::string dir, std::string fs_dir,
                                     const std::vector<const File*>& files);

// Whether a file name is an override file.
bool is_override_file(std::string_view path);

}  // namespace iacscan::detail::tf
