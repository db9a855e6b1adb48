// Snapshot tests of every report format over realistic fixture directories: each
// tests/fixtures/reports/<name>/ is scanned as `iacscan scan <name> --unknowns=report
// --report-unused-suppressions` scans it from tests/fixtures/reports (relative display paths, the
// directory's own .iacscan.yaml), with a fixed date for suppression expiry and a fixed tool
// version, rendered in every format and compared byte for byte with
// tests/snapshots/reports/<name>.<format extension>. A fixture with a baseline beside it
// (tests/fixtures/reports/<name>.baseline.json) is rendered a second time against it, as
// `--baseline` would, into <name>.baseline.<format extension>. Nothing is normalised after
// rendering: the reports hold no absolute path and no timestamp to begin with.
//
// Regenerate after an intended change, then review the diff:
//   IACSCAN_UPDATE_SNAPSHOTS=1 build/<preset>/tests/iacscan_unit_tests -tc='report snapshot*'
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "iacscan/baseline.hpp"
#include "iacscan/config.hpp"
#include "iacscan/report.hpp"
#include "iacscan/scanner.hpp"
#include "snapshot.hpp"

using namespace iacscan;
namespace fs = std::filesystem;

namespace {

const fs::path kRoot = IACSCAN_SOURCE_DIR;
const iacscan::testing::SnapshotDirectory kSnapshots(kRoot,
                                                     kRoot / "tests" / "snapshots" / "reports");
const fs::path kFixtureDir = kRoot / "tests" / "fixtures" / "reports";
// Suppression expiry is judged against this day, so that a date in a fixture never lapses
// between two runs; the tool version stands in for the release, which must not rewrite every
// snapshot.
constexpr std::string_view kToday = "2026-06-30";
constexpr std::string_view kToolVersion = "0.0.0-snapshot";

struct Rendering {
  std::string extension;
  ReportFormat format;
  bool color;
};

const std::vector<Rendering> kRenderings = {
    {"txt", ReportFormat::text, false},          {"color.txt", ReportFormat::text, true},
    {"json", ReportFormat::json, false},         {"sarif", ReportFormat::sarif, false},
    {"junit.xml", ReportFormat::junit, false},   {"md", ReportFormat::markdown, false},
    {"github.txt", ReportFormat::github, false},
};

std::vector<std::string> fixture_names() {
  std::vector<std::string> names;
  std::error_code error;
  for (const fs::directory_entry& entry : fs::directory_iterator(kFixtureDir, error)) {
    if (entry.is_directory()) names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

// Scans from inside the fixtures folder, so that display paths are "<name>/...", as a user's
// `iacscan scan <name>` from there would show them. Restores the working directory however the
// scan ends.
class WorkingDirectory {
 public:
  explicit WorkingDirectory(const fs::path& path) : previous_(fs::current_path()) {
    fs::current_path(path);
  }
  ~WorkingDirectory() {
    std::error_code ignored;
    fs::current_path(previous_, ignored);
  }
  WorkingDirectory(const WorkingDirectory&) = delete;
  WorkingDirectory& operator=(const WorkingDirectory&) = delete;

 private:
  fs::path previous_;
};

ScanResult scan_fixture(const std::string& name) {
  const WorkingDirectory inside(kFixtureDir);
  ScanOptions options;
  options.report_unknowns = true;
  options.report_unused_suppressions = true;
  options.today = std::string(kToday);
  if (const std::optional<std::string> config = find_config_file(name)) {
    auto configured = apply_config_file(*config, options);
    REQUIRE_MESSAGE(configured.has_value(), *config << ": " << configured.error().message);
    options = *configured;
  }
  auto scanner = Scanner::create(options);
  REQUIRE_MESSAGE(scanner.has_value(), scanner.error().message);
  auto result = scanner->scan({name});
  REQUIRE_MESSAGE(result.has_value(), result.error().message);
  return *result;
}

fs::path baseline_of(const std::string& name) {
  return kFixtureDir / (name + ".baseline.json");
}

// The snapshot names of a fixture: one per format, and one more per format with its baseline.
std::vector<std::string> snapshot_stems(const std::string& name) {
  std::vector<std::string> stems = {name};
  if (fs::exists(baseline_of(name))) stems.push_back(name + ".baseline");
  return stems;
}

void check_every_format(const std::string& stem, const ScanResult& result) {
  for (const Rendering& rendering : kRenderings) {
    ReportOptions options;
    options.color = rendering.color;
    options.tool_version = std::string(kToolVersion);
    kSnapshots.check(stem + "." + rendering.extension,
                     render_report(result, rendering.format, options));
  }
}

}  // namespace

TEST_CASE("report snapshot: every format over every report fixture") {
  const std::vector<std::string> names = fixture_names();
  REQUIRE_MESSAGE(names.size() >= 2,
                  "expected the report fixtures under " << kFixtureDir.generic_string());
  for (const std::string& name : names) {
    INFO("fixture " << name);
    const ScanResult result = scan_fixture(name);
    check_every_format(name, result);
    if (!fs::exists(baseline_of(name))) continue;
    ScanResult against_baseline = result;
    const auto applied =
        apply_baseline(against_baseline, iacscan::testing::read_text_file(baseline_of(name)));
    REQUIRE_MESSAGE(applied.has_value(), applied.error().message);
    check_every_format(name + ".baseline", against_baseline);
  }
}

TEST_CASE("report snapshot: every snapshot belongs to a fixture and a format") {
  std::set<std::string> expected;
  for (const std::string& name : fixture_names()) {
    for (const std::string& stem : snapshot_stems(name)) {
      for (const Rendering& rendering : kRenderings) {
        expected.insert(stem + "." + rendering.extension);
      }
    }
  }
  kSnapshots.check_none_stale(
      [&expected](const fs::path& path) { return expected.count(path.filename().string()) != 0; },
      "its fixture or format is gone");
}
