// Snapshot files of rendered reports: compare byte for byte, or rewrite them when
// IACSCAN_UPDATE_SNAPSHOTS=1 (docs/testing.md). Shared by the report and roadmap snapshot tests.
#pragma once

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>

namespace iacscan::testing {

inline bool updating_snapshots() {
  const char* value = std::getenv("IACSCAN_UPDATE_SNAPSHOTS");
  return value != nullptr && std::string_view(value) == "1";
}

inline std::string read_text_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The first differing line of each, so a failure is readable without printing two reports.
inline std::string first_difference(const std::string& expected, const std::string& actual) {
  std::istringstream a(expected);
  std::istringstream b(actual);
  std::string line_a;
  std::string line_b;
  for (int number = 1;; ++number) {
    const bool more_a = static_cast<bool>(std::getline(a, line_a));
    const bool more_b = static_cast<bool>(std::getline(b, line_b));
    if (!more_a && !more_b) return "they differ only in line endings";
    if (!more_a || !more_b || line_a != line_b) {
      return "line " + std::to_string(number) +
             ":\n  snapshot: " + (more_a ? line_a : "<end of file>") +
             "\n  rendered: " + (more_b ? line_b : "<end of file>");
    }
  }
}

class SnapshotDirectory {
 public:
  // `root`: the repository, which messages name paths relative to.
  SnapshotDirectory(std::filesystem::path root, std::filesystem::path dir)
      : root_(std::move(root)), dir_(std::move(dir)) {}

  // Compares a rendered report with its snapshot, or rewrites the snapshot when updating.
  void check(const std::string& file_name, const std::string& rendered) const {
    const std::filesystem::path path = dir_ / file_name;
    if (updating_snapshots()) {
      if (!std::filesystem::exists(path) || read_text_file(path) != rendered) {
        std::filesystem::create_directories(path.parent_path());
        std::ofstream(path, std::ios::binary | std::ios::trunc) << rendered;
        MESSAGE("updated " << shown(path));
      }
      return;
    }
    INFO("snapshot " << shown(path)
                     << "; regenerate with IACSCAN_UPDATE_SNAPSHOTS=1 (docs/testing.md)");
    REQUIRE_MESSAGE(std::filesystem::exists(path), "the snapshot does not exist yet");
    const std::string expected = read_text_file(path);
    // A bool, so a failure prints the first difference rather than both reports whole.
    const bool matches = expected == rendered;
    CHECK_MESSAGE(matches, first_difference(expected, rendered));
  }

  // Every snapshot `belongs` rejects is stale: removed when updating, else a failure that says
  // `gone` ("its fixture is gone").
  void check_none_stale(const std::function<bool(const std::filesystem::path&)>& belongs,
                        std::string_view gone) const {
    std::error_code error;
    if (!std::filesystem::is_directory(dir_, error)) return;
    for (const auto& entry : std::filesystem::directory_iterator(dir_, error)) {
      if (belongs(entry.path())) continue;
      if (updating_snapshots()) {
        std::filesystem::remove(entry.path());
        MESSAGE("removed stale " << shown(entry.path()));
      } else {
        FAIL_CHECK("stale snapshot " << shown(entry.path()) << ": " << gone
                                     << " (IACSCAN_UPDATE_SNAPSHOTS=1 removes it)");
      }
    }
  }

 private:
  std::string shown(const std::filesystem::path& path) const {
    return path.lexically_relative(root_).generic_string();
  }

  std::filesystem::path root_;
  std::filesystem::path dir_;
};

}  // namespace iacscan::testing
