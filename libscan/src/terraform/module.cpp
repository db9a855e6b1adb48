// Module assembly and override merging.
#include "terraform/module.hpp"

#include <algorithm>

namespace iacscan::detail::tf {
namespace {

std::string_view file_name(std::string_view path) {
  std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string block_key(const Block& block) {
  std::string key;
  for (const std::string& label : block.labels) {
    if (!key.empty()) key += '.';
    key += label;
  }
  return key;
}

// Terraform's override semantics for one block: each attribute of the override replaces the
// original's; the nested blocks of a type present in the override replace all of the
// original's blocks of that type.
Block merge_block(const Block& original, const Block& override_block) {
  Block merged = original;
  // In the JSON syntax a nested block may be written as an object-valued argument, so an
  // argument and a block type of the same name override each other.
  for (const Attribute& a : override_block.body.attributes) {
    std::erase_if(merged.body.blocks, [&](const Block& b) { return b.type == a.name; });
  }
  for (const Block& b : override_block.body.blocks) {
    std::erase_if(merged.body.attributes, [&](const Attribute& m) { return m.name == b.type; });
  }
  for (const Attribute& a : override_block.body.attributes) {
    auto it = std::find_if(merged.body.attributes.begin(), merged.body.attributes.end(),
                           [&](const Attribute& m) { return m.name == a.name; });
    if (it != merged.body.attributes.end()) {
      *it = a;
    } else {
      merged.body.attributes.push_back(a);
    }
  }
  std::vector<std::string> replaced;
  for (const Block& b : override_block.body.blocks) {
    if (std::find(replaced.begin(), replaced.end(), b.type) == replaced.end()) {
      replaced.push_back(b.type);
    }
  }
  if (!replaced.empty()) {
    std::erase_if(merged.body.blocks, [&](const Block& b) {
      return std::find(replaced.begin(), replaced.end(), b.type) != replaced.end();
    });
    for (const Block& b : override_block.body.blocks) merged.body.blocks.push_back(b);
  }
  return merged;
}

Diagnostic duplicate(const Block& block, std::string_view what, const std::string& path) {
  Diagnostic d;
  d.code = DiagnosticCode::duplicate_key;
  d.level = DiagnosticLevel::warning;
  d.message = std::string(what) + " \"" + block_key(block) +
              "\" is declared more than once; the first declaration is used";
  d.location = Location{path, block.span.range.start_line, block.span.range.start_column,
                        block.span.range.end_line, block.span.range.end_column};
  return d;
}

class Assembler {
 public:
  explicit Assembler(Module& m) : m_(m) {}

  void add(const File& file) {
    for (const Block& block : file.body.blocks) add_block(block, file.path);
  }

  void apply_override(const File& file) {
    for (const Block& block : file.body.blocks) override_block(block);
  }

 private:
  template <class Map>
  void add_named(Map& map, const Block& block, std::string_view what, const std::string& path) {
    if (!map.emplace(block_key(block), &block).second)
      m_.diagnostics.push_back(duplicate(block, what, path));
  }

  void add_block(const Block& block, const std::string& path) {
    const std::string& type = block.type;
    if (type == "resource" && block.labels.size() == 2) {
      if (!m_.resource_index.emplace(block_key(block), m_.resources.size()).second) {
        m_.diagnostics.push_back(duplicate(block, "resource", path));
        return;
      }
      m_.resources.push_back(&block);
    } else if (type == "data" && block.labels.size() == 2) {
      add_named(m_.data, block, "data source", path);
    } else if (type == "variable" && block.labels.size() == 1) {
      add_named(m_.variables, block, "variable", path);
    } else if (type == "module" && block.labels.size() == 1) {
      add_named(m_.module_calls, block, "module", path);
    } else if (type == "output" && block.labels.size() == 1) {
      add_named(m_.outputs, block, "output", path);
    } else if (type == "provider") {
      m_.providers.push_back(&block);
    } else if (type == "locals") {
      for (const Attribute& a : block.body.attributes) m_.locals.emplace(a.name, &a);
    }
  }

  const Block* merged(const Block& original, const Block& over) {
    m_.merged.push_back(merge_block(original, over));
    return &m_.merged.back();
  }

  template <class Map>
  void override_named(Map& map, const Block& block) {
    auto it = map.find(block_key(block));
    if (it != map.end()) it->second = merged(*it->second, block);
  }

  void override_block(const Block& block) {
    const std::string& type = block.type;
    if (type == "resource") {
      auto it = m_.resource_index.find(block_key(block));
      if (it != m_.resource_index.end()) {
        m_.resources[it->second] = merged(*m_.resources[it->second], block);
      }
    } else if (type == "data") {
      override_named(m_.data, block);
    } else if (type == "variable") {
      override_named(m_.variables, block);
    } else if (type == "module") {
      override_named(m_.module_calls, block);
    } else if (type == "output") {
      override_named(m_.outputs, block);
    } else if (type == "locals") {
      for (const Attribute& a : block.body.attributes) {
        m_.merged_locals.push_back(a);
        m_.locals[a.name] = &m_.merged_locals.back();
      }
    }
  }

  Module& m_;
};

}  // namespace

bool is_override_file(std::string_view path) {
  std::string_view name = file_name(path);
  for (std::string_view suffix : {".tf", ".tf.json"}) {
    if (name.size() < suffix.size() || name.substr(name.size() - suffix.size()) != suffix) continue;
    std::string_view stem = name.substr(0, name.size() - suffix.size());
    if (stem == "override") return true;
    constexpr std::string_view kSuffix = "_override";
    if (stem.size() > kSuffix.size() && stem.substr(stem.size() - kSuffix.size()) == kSuffix)
      return true;
  }
  return false;
}

std::unique_ptr<Module> build_module(std::string dir, std::string fs_dir,
                                     const std::vector<const File*>& files) {
  auto module = std::make_unique<Module>();
  module->dir = std::move(dir);
  module->fs_dir = std::move(fs_dir);
  Assembler assembler(*module);
  for (const File* f : files)
    if (!is_override_file(f->path)) assembler.add(*f);
  for (const File* f : files)
    if (is_override_file(f->path)) assembler.apply_override(*f);
  return module;
}

}  // namespace iacscan::detail::tf
