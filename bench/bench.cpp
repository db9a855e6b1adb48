// iacscan-bench: scans paths repeatedly through the public API and prints throughput.
// Usage: iacscan-bench [--jobs N] [--repeat R] PATH...
// Measure speed with this program over ../shared/corpus, never with timed tests.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "iacscan/iacscan.hpp"

int main(int argc, char** argv) {
  iacscan::ScanOptions options;
  int repeat = 5;
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--jobs" && i + 1 < argc) {
      options.jobs = static_cast<unsigned>(std::atoi(argv[++i]));
    } else if (arg == "--repeat" && i + 1 < argc) {
      repeat = std::max(1, std::atoi(argv[++i]));
    } else {
      paths.push_back(arg);
    }
  }
  if (paths.empty()) {
    std::fprintf(stderr, "usage: iacscan-bench [--jobs N] [--repeat R] PATH...\n");
    return 2;
  }
  auto scanner = iacscan::Scanner::create(options);
  if (!scanner) {
    std::fprintf(stderr, "%s\n", scanner.error().message.c_str());
    return 2;
  }
  std::vector<double> seconds;
  std::size_t files = 0, findings = 0, diagnostics = 0;
  for (int r = 0; r < repeat; ++r) {
    const auto start = std::chrono::steady_clock::now();
    auto result = scanner->scan(paths);
    const auto stop = std::chrono::steady_clock::now();
    if (!result) {
      std::fprintf(stderr, "%s\n", result.error().message.c_str());
      return 2;
    }
    files = result->files_scanned;
    findings = result->findings.size();
    diagnostics = result->diagnostics.size();
    seconds.push_back(std::chrono::duration<double>(stop - start).count());
  }
  std::sort(seconds.begin(), seconds.end());
  const double median = seconds[seconds.size() / 2];
  std::printf("files %zu, findings %zu, diagnostics %zu, jobs %u\n", files, findings, diagnostics,
              options.jobs);
  std::printf("median %.3f s over %d runs (min %.3f s): %.0f files/s\n", median, repeat,
              seconds.front(), median > 0 ? static_cast<double>(files) / median : 0.0);
  return 0;
}
