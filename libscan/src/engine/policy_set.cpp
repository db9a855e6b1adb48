// Loading built-in and user policy files. A file under a `kinds/` folder is a kind mapping;
// any other .yaml file is a rule.
#include "engine/policy_set.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "engine/builtin_policies.hpp"
#include "engine/yaml_node.hpp"

namespace iacscan::detail {
namespace {

namespace fs = std::filesystem;

bool is_kind_file(const std::string& relative_path) {
  return relative_path.rfind("kinds/", 0) == 0 ||
         relative_path.find("/kinds/") != std::string::npos;
}

// Adds one file; returns an Error naming the file and line when it is invalid.
std::optional<Error> add_policy_file(PolicySet& set, const std::string& relative_path,
                                     const std::string& display_path, const std::string& text) {
  try {
    if (is_kind_file(relative_path)) {
      set.kinds.add_file(text);
    } else {
      set.rules.push_back(parse_rule(text, display_path));
    }
  } catch (const PolicyFileError& e) {
    Location where{display_path, static_cast<std::uint32_t>(e.line), 0, 0, 0};
    return Error{ErrorCode::invalid_policy,
                 display_path + ":" + std::to_string(e.line) + ": " + e.what(), where};
  } catch (const YAML::Exception& e) {
    Location where{display_path, static_cast<std::uint32_t>(e.mark.line + 1), 0, 0, 0};
    return Error{ErrorCode::invalid_policy, display_path + ": " + e.what(), where};
  }
  return std::nullopt;
}

std::optional<Error> add_policy_dir(PolicySet& set, const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return Error{ErrorCode::io, "policy directory not found: " + dir, {}};
  }
  std::vector<fs::path> files;
  for (fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec),
       end;
       !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec) && it->path().extension() == ".yaml") files.push_back(it->path());
  }
  if (ec)
    return Error{ErrorCode::io, "cannot read policy directory " + dir + ": " + ec.message(), {}};
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return Error{ErrorCode::io, "cannot read policy file " + file.string(), {}};
    std::ostringstream text;
    text << in.rdbuf();
    const std::string relative = fs::relative(file, dir).generic_string();
    if (auto error = add_policy_file(set, relative, file.generic_string(), text.str()))
      return error;
  }
  return std::nullopt;
}

}  // namespace

Result<PolicySet> load_policies(const ScanOptions& options) {
  PolicySet set;
  // The built-in kinds are the vocabulary users' rules are written in: they load even when the
  // built-in rules do not.
  for (const EmbeddedFile& file : builtin_policy_files()) {
    const std::string relative(file.path);
    if (relative.size() < 5 || relative.substr(relative.size() - 5) != ".yaml") continue;
    if (options.no_builtin_policies && !is_kind_file(relative)) continue;
    if (auto error =
            add_policy_file(set, relative, "builtin:" + relative, std::string(file.content))) {
      return *error;
    }
  }
  for (const std::string& dir : options.policy_dirs) {
    if (auto error = add_policy_dir(set, dir)) return *error;
  }
  std::sort(set.rules.begin(), set.rules.end(),
            [](const Rule& a, const Rule& b) { return a.info.id < b.info.id; });
  for (std::size_t i = 1; i < set.rules.size(); ++i) {
    if (set.rules[i].info.id == set.rules[i - 1].info.id) {
      return Error{ErrorCode::invalid_policy,
                   "rule id '" + set.rules[i].info.id + "' defined twice: " +
                       set.rules[i - 1].info.source_path + " and " + set.rules[i].info.source_path,
                   {}};
    }
  }
  return set;
}

}  // namespace iacscan::detail
