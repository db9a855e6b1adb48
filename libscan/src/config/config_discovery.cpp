// find_config_file: the nearest .iacscan.yaml at or above the scanned path, within the
// repository. A configuration above the repository's top belongs to some other project (or to
// the user's home), so the walk stops at the directory holding .git.
#include <filesystem>

#include "iacscan/config.hpp"

namespace iacscan {
namespace {

namespace fs = std::filesystem;

bool exists_as(const fs::path& path, bool want_directory_or_file) {
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (ec) return false;
  return want_directory_or_file ? fs::exists(status) : fs::is_regular_file(status);
}

// A path inside the current directory reads best relative to it, as users typed it; anything
// else stays absolute.
std::string as_shown(const fs::path& found) {
  std::error_code ec;
  const fs::path cwd = fs::current_path(ec);
  if (ec) return found.generic_string();
  const fs::path relative = found.lexically_relative(cwd);
  if (relative.empty() || *relative.begin() == "..") return found.generic_string();
  return relative.generic_string();
}

}  // namespace

std::optional<std::string> find_config_file(const std::string& path) {
  std::error_code ec;
  fs::path dir = fs::weakly_canonical(fs::absolute(path.empty() ? "." : path, ec), ec);
  if (ec) return std::nullopt;
  if (!fs::is_directory(dir, ec)) dir = dir.parent_path();
  while (true) {
    const fs::path candidate = dir / kConfigFileName;
    if (exists_as(candidate, false)) return as_shown(candidate);
    // .git is a directory in a clone and a file in a worktree or submodule.
    if (exists_as(dir / ".git", true)) return std::nullopt;
    if (!dir.has_parent_path() || dir.parent_path() == dir) return std::nullopt;
    dir = dir.parent_path();
  }
}

}  // namespace iacscan
