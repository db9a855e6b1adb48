// Nested stack expansion. Each instance of a child template gets its own scope, so two
// parents nesting the same template give two independent sets of resources.
#include "cloudformation/nested_stacks.hpp"

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <unordered_map>

#include "cloudformation/template_loader.hpp"
#include "scan/file_reader.hpp"

namespace iacscan::detail {
namespace {

namespace fs = std::filesystem;

bool is_remote(const std::string& url) {
  return url.find("://") != std::string::npos || url.rfind("s3:", 0) == 0;
}

std::string parent_directory(const std::string& path) {
  const fs::path parent = fs::path(path).parent_path();
  return parent.empty() ? std::string(".") : parent.generic_string();
}

std::string join_normal(const std::string& dir, const std::string& relative) {
  std::string out = (fs::path(dir) / relative).lexically_normal().generic_string();
  while (out.rfind("./", 0) == 0) out.erase(0, 2);
  return out;
}

void prefix_refs(Value& value, const std::string& prefix) {
  for (std::string& ref : value.refs) ref.insert(0, prefix);
  for (Value& item : value.items()) prefix_refs(item, prefix);
  for (Value::Entry& entry : value.entries()) prefix_refs(entry.value, prefix);
}

class Expander {
 public:
  Expander(SourceSet& sources, const CloudFormationContext& context,
           const NestedStackLimits& limits)
      : sources_(sources), context_(context), limits_(limits) {
    for (FileId id = 0; id < sources_.size(); ++id) by_path_.emplace(sources_.at(id).path, id);
  }

  // Child resources of `stack` (declared in file `parent`), qualified and expanded in turn.
  void expand(const Resource& stack, FileId parent, std::vector<FileId> chain,
              std::vector<Resource>& out, std::vector<Diagnostic>& diagnostics) {
    const Value* url = stack.attributes.find("TemplateURL");
    if (url == nullptr || !url->is_string()) return;  // unknown: nothing we could load
    auto problem = [&](DiagnosticCode code, DiagnosticLevel level, std::string message) {
      diagnostics.push_back(
          Diagnostic{code, std::move(message), sources_.location(url->span), {}, level});
    };
    if (is_remote(url->text())) {
      problem(DiagnosticCode::not_loaded, DiagnosticLevel::note,
              "nested stack \"" + stack.address + "\": template " + url->text() +
                  " is remote; iacscan never fetches it");
      return;
    }
    const std::optional<FileId> child = child_file(parent, url->text(), problem);
    if (!child) return;
    if (chain.size() >= limits_.max_depth ||
        std::find(chain.begin(), chain.end(), *child) != chain.end()) {
      problem(DiagnosticCode::limit_exceeded, DiagnosticLevel::warning,
              "nested stack \"" + stack.address + "\" nests " + sources_.at(*child).path +
                  (chain.size() >= limits_.max_depth ? " too deeply" : " within itself"));
      return;
    }
    nested_.insert(*child);
    chain.push_back(*child);
    LoadedFile loaded = load_cloudformation_file(sources_.at(*child), child_context(stack));
    for (Diagnostic& d : loaded.diagnostics) diagnostics.push_back(std::move(d));
    const std::string prefix = stack.address + ".";
    const std::string scope = stack.scope + ">" + stack.address;
    for (Resource& resource : loaded.resources) {
      resource.address.insert(0, prefix);
      resource.scope = scope;
      prefix_refs(resource.attributes, prefix);
      out.push_back(std::move(resource));
      if (out.back().native_type == "AWS::CloudFormation::Stack") {
        const Resource nested = out.back();
        expand(nested, *child, chain, out, diagnostics);
      }
    }
  }

  const std::set<FileId>& nested_files() const { return nested_; }

 private:
  template <typename Problem>
  std::optional<FileId> child_file(FileId parent, const std::string& url, Problem& problem) {
    const SourceFile& from = sources_.at(parent);
    const std::string path = join_normal(parent_directory(from.path), url);
    if (auto it = by_path_.find(path); it != by_path_.end()) return it->second;
    if (!limits_.read_from_disk || from.fs_path.empty()) {
      problem(DiagnosticCode::read_error, DiagnosticLevel::error,
              "nested stack template not found: " + path);
      return std::nullopt;
    }
    const std::string fs_path = join_normal(parent_directory(from.fs_path), url);
    const FileId id = sources_.add(path, fs_path, SourceKind::cloudformation_candidate);
    by_path_.emplace(path, id);
    if (auto failure = read_source(sources_.at(id), limits_.max_file_bytes)) {
      problem(failure->code, DiagnosticLevel::error,
              "nested stack template " + path + ": " + failure->message);
      return std::nullopt;
    }
    return id;
  }

  // The child sees the scan's pseudo parameters and exactly the parameters its parent passes.
  CloudFormationContext child_context(const Resource& stack) const {
    CloudFormationContext child;
    for (const auto& [name, given] : context_.parameters) {
      if (name.rfind("AWS::", 0) == 0) child.parameters.emplace(name, given);
    }
    const Value* passed = stack.attributes.find("Parameters");
    if (passed == nullptr || !passed->is_map()) return child;
    for (const Value::Entry& entry : passed->entries()) {
      GivenParameter given;
      given.source = "passed by nested stack \"" + stack.address + "\"";
      given.passed = std::make_shared<const Value>(entry.value);
      child.parameters[entry.key] = std::move(given);
    }
    return child;
  }

  SourceSet& sources_;
  const CloudFormationContext& context_;
  const NestedStackLimits& limits_;
  std::unordered_map<std::string, FileId> by_path_;
  std::set<FileId> nested_;
};

}  // namespace

void expand_nested_stacks(SourceSet& sources, std::vector<LoadedFile>& loaded,
                          const CloudFormationContext& context, const NestedStackLimits& limits) {
  Expander expander(sources, context, limits);
  const std::size_t scanned = loaded.size();
  for (std::size_t i = 0; i < scanned; ++i) {
    std::vector<Resource> added;
    for (const Resource& resource : loaded[i].resources) {
      if (resource.format != SourceFormat::cloudformation ||
          resource.native_type != "AWS::CloudFormation::Stack") {
        continue;
      }
      expander.expand(resource, static_cast<FileId>(i), {static_cast<FileId>(i)}, added,
                      loaded[i].diagnostics);
    }
    for (Resource& r : added) loaded[i].resources.push_back(std::move(r));
  }
  for (FileId id : expander.nested_files()) {
    if (id >= scanned) continue;
    // Judged as its parents deploy it; its standalone copy would use defaults instead.
    loaded[id].resources.erase(
        std::remove_if(loaded[id].resources.begin(), loaded[id].resources.end(),
                       [&](const Resource& r) { return r.scope == sources.at(id).path; }),
        loaded[id].resources.end());
  }
}

}  // namespace iacscan::detail
