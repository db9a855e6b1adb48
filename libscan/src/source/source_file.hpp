// SourceFile: one file of the scan, its bytes and how it was classified. SourceSet owns all
// files of a scan and turns (file id, range) spans into public Locations.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "iacscan/location.hpp"
#include "value/value.hpp"

namespace iacscan::detail {

enum class SourceKind {
  cloudformation_candidate,  // .yaml/.yml/.json/.template: a template only if its content says so
  terraform_hcl,             // .tf
  terraform_json,            // .tf.json
  terraform_variables,       // .tfvars
  terraform_variables_json,  // .tfvars.json
};

// The directory part of a display path: "." for a bare file name, "/" for a file at the root.
// A Terraform module is such a directory.
std::string display_directory(const std::string& path);

inline bool is_terraform(SourceKind kind) noexcept {
  return kind != SourceKind::cloudformation_candidate;
}

struct SourceFile {
  FileId id = kNoFile;
  std::string path;     // display path, '/' separated, as reports show it
  std::string fs_path;  // what to open; empty for in-memory buffers
  SourceKind kind = SourceKind::cloudformation_candidate;
  std::string content;  // filled by the loader stage (read lazily, in parallel)
};

class SourceSet {
 public:
  FileId add(std::string path, std::string fs_path, SourceKind kind);
  SourceFile& at(FileId id) { return *files_.at(id); }
  const SourceFile& at(FileId id) const { return *files_.at(id); }
  std::size_t size() const noexcept { return files_.size(); }

  Location location(const Span& span) const;
  // Location of a whole file (no position).
  Location location(FileId id) const;

 private:
  std::vector<std::unique_ptr<SourceFile>> files_;
};

}  // namespace iacscan::detail
