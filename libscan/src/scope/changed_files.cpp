// Changed-files scans: which files to load for a change, and which findings are about it.
#include "iacscan/changed_files.hpp"

#include <algorithm>
#include <filesystem>
#include <optional>
#include <set>
#include <system_error>

#include "source/discovery.hpp"
#include "source/path_glob.hpp"
#include "source/source_file.hpp"

namespace iacscan {
namespace {

namespace fs = std::filesystem;

// The spelling discovery gives display paths, so that changed paths compare equal to the paths
// in findings whatever form the caller used ("./infra//main.tf").
std::string display_spelling(const fs::path& path) {
  std::string text = path.lexically_normal().generic_string();
  while (text.rfind("./", 0) == 0) text.erase(0, 2);
  return text;
}

// A module's neighbours (the modules it calls, files its functions read) are found relative to
// the directory of the path given to Scanner::scan, which a bare "main.tf" does not name.
std::string scan_spelling(const std::string& display) {
  return fs::path(display).has_parent_path() ? display : "./" + display;
}

bool names_a_file(const fs::path& path) {
  std::error_code ec;
  return fs::is_regular_file(path, ec);  // follows symbolic links, like discovery
}

bool excluded(const std::string& path, const std::vector<std::string>& exclude) {
  return std::any_of(exclude.begin(), exclude.end(),
                     [&](const std::string& glob) { return detail::path_glob_match(glob, path); });
}

// Every Terraform file directly in `dir` (not below it: subdirectories are other modules,
// which load through the module calls that use them).
void add_module_files(const fs::path& dir, std::set<std::string>& out) {
  std::error_code ec;
  fs::directory_iterator it(dir.empty() ? fs::path(".") : dir, ec);
  for (fs::directory_iterator end; !ec && it != end; it.increment(ec)) {
    const fs::path& entry = it->path();
    const auto kind = detail::classify_by_name(entry.filename().string());
    if (kind && detail::is_terraform(*kind) && names_a_file(entry))
      out.insert(scan_spelling(display_spelling(dir / entry.filename())));
  }
}

}  // namespace

ChangedFilesScope changed_files_scope(const std::vector<std::string>& changed_files,
                                      const std::vector<std::string>& exclude) {
  std::set<std::string> scan_paths;
  std::set<std::string> changed;
  std::set<std::string> module_dirs;
  for (const std::string& given : changed_files) {
    const fs::path path(given);
    const std::string spelled = display_spelling(path);
    const auto kind = detail::classify_by_name(path.filename().string());
    if (!kind || !names_a_file(path) || excluded(spelled, exclude)) continue;
    changed.insert(spelled);
    scan_paths.insert(scan_spelling(spelled));
    if (detail::is_terraform(*kind)) {
      const fs::path dir = fs::path(spelled).parent_path();
      if (module_dirs.insert(dir.generic_string()).second) add_module_files(dir, scan_paths);
    }
  }
  return ChangedFilesScope{{scan_paths.begin(), scan_paths.end()},
                           {changed.begin(), changed.end()}};
}

bool touches_changed_files(const Finding& finding, const ChangedFilesScope& scope) {
  auto changed = [&](const Location& location) {
    return std::binary_search(scope.changed_paths.begin(), scope.changed_paths.end(),
                              location.path);
  };
  return changed(finding.location) ||
         std::any_of(finding.related.begin(), finding.related.end(),
                     [&](const RelatedLocation& related) { return changed(related.location); });
}

void keep_changed_file_findings(ScanResult& result, const ChangedFilesScope& scope) {
  std::erase_if(result.findings,
                [&](const Finding& finding) { return !touches_changed_files(finding, scope); });
}

Result<ScanResult> scan_changed_files(const Scanner& scanner,
                                      const std::vector<std::string>& changed_files,
                                      const std::vector<std::string>& exclude) {
  const ChangedFilesScope scope = changed_files_scope(changed_files, exclude);
  auto result = scanner.scan(scope.scan_paths);
  if (!result) return result;
  keep_changed_file_findings(*result, scope);
  return result;
}

}  // namespace iacscan
