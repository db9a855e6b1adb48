// A program that links iacscan the way a user's tool would: scans the paths given after the
// expected rule id and succeeds only when that rule fired. The package tests build it with
// find_package, add_subdirectory and pkg-config.
#include <cstdio>
#include <string>
#include <vector>

#include <iacscan/iacscan.hpp>

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s RULE_ID PATH...\n", argv[0]);
    return 2;
  }
  const std::string expected_rule = argv[1];
  const std::vector<std::string> paths(argv + 2, argv + argc);

  iacscan::Result<iacscan::Scanner> scanner = iacscan::Scanner::create(iacscan::ScanOptions{});
  if (!scanner) {
    std::fprintf(stderr, "create: %s\n", scanner.error().message.c_str());
    return 2;
  }
  iacscan::Result<iacscan::ScanResult> result = scanner->scan(paths);
  if (!result) {
    std::fprintf(stderr, "scan: %s\n", result.error().message.c_str());
    return 2;
  }
  bool found = false;
  for (const iacscan::Finding& finding : result->findings) {
    std::printf("%s %s:%u\n", finding.rule_id.c_str(), finding.location.path.c_str(),
                static_cast<unsigned>(finding.location.start_line));
    found = found || finding.rule_id == expected_rule;
  }
  // A report renders through the library too, so the exported API covers it.
  const std::string sarif = iacscan::render_report(*result, iacscan::ReportFormat::sarif, {});
  std::printf("iacscan %s, %zu rules, SARIF %zu bytes\n", std::string(iacscan::version()).c_str(),
              scanner->rules().size(), sarif.size());
  return found ? 0 : 1;
}
