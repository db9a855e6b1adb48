// Discovery: walks the paths given to a scan and lists the files that may hold IaC, sorted by
// display path. Classification here is by name; loaders decide by content.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "iacscan/finding.hpp"
#include "iacscan/result.hpp"
#include "source/source_file.hpp"

namespace iacscan::detail {

struct DiscoveredFile {
  std::string display_path;  // '/' separated, relative when the scan path was relative
  std::string fs_path;
  SourceKind kind;
};

struct Discovery {
  std::vector<DiscoveredFile> files;
  std::vector<Diagnostic> diagnostics;  // unreadable directories, broken links
};

// The SourceKind a file name implies, or nullopt when the file is not ours.
std::optional<SourceKind> classify_by_name(const std::string& filename);

// The canonical directories of the scan paths (a file's directory for a file): what the
// scan may read beyond the files it lists.
std::vector<std::string> scan_roots(const std::vector<std::string>& paths);

// Fails only when a given path does not exist; problems below it become diagnostics.
// `exclude` globs (path_glob.hpp) match paths relative to the given directory being walked;
// a directory that matches is not entered. Files named directly in `paths` are always listed.
Result<Discovery> discover(const std::vector<std::string>& paths,
                           const std::vector<std::string>& exclude = {});

}  // namespace iacscan::detail
