// A Scanner that runs only the rules a test writes, from a temporary policy directory, over
// in-memory files. Shared by the tests that exercise the rule language end to end.
#pragma once

#include <doctest/doctest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "iacscan/iacscan.hpp"

namespace iacscan::testing {

class RuleScanner {
 public:
  RuleScanner(const std::vector<std::string>& rules, ScanOptions options) {
    namespace fs = std::filesystem;
    dir_ = fs::temp_directory_path() /
           ("iacscan-rules-" + std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    fs::create_directories(dir_ / "test");
    for (std::size_t i = 0; i < rules.size(); ++i)
      std::ofstream(dir_ / "test" / ("rule" + std::to_string(i) + ".yaml")) << rules[i];
    options.no_builtin_policies = true;
    options.policy_dirs = {dir_.string()};
    auto scanner = Scanner::create(options);
    REQUIRE_MESSAGE(scanner.has_value(), scanner.error().message);
    scanner_.emplace(std::move(*scanner));
  }
  ~RuleScanner() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  RuleScanner(const RuleScanner&) = delete;
  RuleScanner& operator=(const RuleScanner&) = delete;

  // Scans the files, which must parse cleanly.
  ScanResult scan(const std::vector<SourceBuffer>& files) const {
    auto result = scanner_->scan_buffers(files);
    REQUIRE(result.has_value());
    CHECK(result->diagnostics.empty());
    return std::move(*result);
  }

 private:
  std::filesystem::path dir_;
  std::optional<Scanner> scanner_;
};

}  // namespace iacscan::testing
