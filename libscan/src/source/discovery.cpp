// Directory walking. Symbolic links to directories are followed once: a set of visited
// canonical directories stops link loops. VCS and tool caches are skipped.
#include "source/discovery.hpp"

#include <algorithm>
#include <filesystem>
#include <set>

#include "source/path_glob.hpp"

namespace iacscan::detail {
namespace {

namespace fs = std::filesystem;

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool is_skipped_directory(const std::string& name) {
  static const std::set<std::string> kSkipped = {".git", ".hg", ".svn", ".terraform",
                                                 "node_modules"};
  return kSkipped.count(name) != 0;
}

std::string display_path(const fs::path& p) {
  std::string s = p.lexically_normal().generic_string();
  while (s.rfind("./", 0) == 0) s.erase(0, 2);
  return s;
}

class Walker {
 public:
  Walker(Discovery& out, const std::vector<std::string>& exclude) : out_(out), exclude_(exclude) {}

  void add_file(const fs::path& path, bool explicitly_named) {
    auto kind = classify_by_name(path.filename().string());
    if (!kind && explicitly_named) kind = SourceKind::cloudformation_candidate;
    if (!kind) return;
    out_.files.push_back(DiscoveredFile{display_path(path), path.string(), *kind});
  }

  // `relative` is `dir` relative to the scanned directory ("" for that directory itself): what
  // exclude globs match.
  void walk(const fs::path& dir, const std::string& relative = {}) {
    std::error_code ec;
    const fs::path canonical = fs::canonical(dir, ec);
    if (ec || !visited_.insert(canonical.string()).second) return;  // loop or vanished
    fs::directory_iterator it(dir, ec);
    if (ec) {
      diagnose(dir, "cannot read directory: " + ec.message());
      return;
    }
    std::vector<fs::directory_entry> entries;
    for (fs::directory_iterator end; it != end; it.increment(ec)) {
      if (ec) break;
      entries.push_back(*it);
    }
    std::sort(entries.begin(), entries.end());
    for (const fs::directory_entry& entry : entries) visit(entry, relative);
  }

 private:
  bool excluded(const std::string& relative) const {
    for (const std::string& glob : exclude_)
      if (path_glob_match(glob, relative)) return true;
    return false;
  }

  void visit(const fs::directory_entry& entry, const std::string& parent_relative) {
    std::error_code ec;
    const std::string name = entry.path().filename().string();
    const std::string relative = parent_relative.empty() ? name : parent_relative + "/" + name;
    if (excluded(relative)) return;
    const fs::file_status status = entry.status(ec);  // follows symbolic links
    if (ec || status.type() == fs::file_type::not_found) {
      if (classify_by_name(name)) diagnose(entry.path(), "broken symbolic link");
      return;
    }
    if (fs::is_directory(status)) {
      if (!is_skipped_directory(name)) walk(entry.path(), relative);
    } else if (fs::is_regular_file(status)) {
      add_file(entry.path(), false);
    }
  }

  void diagnose(const fs::path& p, std::string message) {
    out_.diagnostics.push_back(Diagnostic{
        DiagnosticCode::read_error, std::move(message), Location{display_path(p), 0, 0, 0, 0}, {}});
  }

  Discovery& out_;
  const std::vector<std::string>& exclude_;
  std::set<std::string> visited_;
};

}  // namespace

std::optional<SourceKind> classify_by_name(const std::string& filename) {
  if (ends_with(filename, ".tf")) return SourceKind::terraform_hcl;
  if (ends_with(filename, ".tf.json")) return SourceKind::terraform_json;
  if (ends_with(filename, ".tfvars")) return SourceKind::terraform_variables;
  if (ends_with(filename, ".tfvars.json")) return SourceKind::terraform_variables_json;
  if (ends_with(filename, ".yaml") || ends_with(filename, ".yml") || ends_with(filename, ".json") ||
      ends_with(filename, ".template")) {
    return SourceKind::cloudformation_candidate;
  }
  return std::nullopt;
}

std::vector<std::string> scan_roots(const std::vector<std::string>& paths) {
  std::vector<std::string> roots;
  for (const std::string& given : paths) {
    std::error_code ec;
    fs::path path = fs::weakly_canonical(fs::path(given), ec);
    if (ec) continue;
    if (!fs::is_directory(path, ec)) path = path.parent_path();
    roots.push_back(path.generic_string());
  }
  std::sort(roots.begin(), roots.end());
  roots.erase(std::unique(roots.begin(), roots.end()), roots.end());
  return roots;
}

Result<Discovery> discover(const std::vector<std::string>& paths,
                           const std::vector<std::string>& exclude) {
  Discovery out;
  Walker walker(out, exclude);
  for (const std::string& given : paths) {
    std::error_code ec;
    const fs::path path(given);
    const fs::file_status status = fs::status(path, ec);
    if (status.type() == fs::file_type::not_found ||
        (ec && !fs::exists(fs::symlink_status(path, ec)))) {
      return Error{ErrorCode::io, "no such file or directory: " + given,
                   Location{given, 0, 0, 0, 0}};
    }
    if (fs::is_directory(status)) {
      walker.walk(path);
    } else {
      walker.add_file(path, true);
    }
  }
  std::sort(out.files.begin(), out.files.end(),
            [](const DiscoveredFile& a, const DiscoveredFile& b) {
              return a.display_path < b.display_path;
            });
  out.files.erase(std::unique(out.files.begin(), out.files.end(),
                              [](const DiscoveredFile& a, const DiscoveredFile& b) {
                                return a.display_path == b.display_path;
                              }),
                  out.files.end());
  return out;
}

}  // namespace iacscan::detail
