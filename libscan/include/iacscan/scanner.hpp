// Scanner: loads policies once, then scans paths. A Scanner is immutable after create(),
// so one instance may serve concurrent scan() calls from several threads.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "iacscan/export.hpp"
#include "iacscan/options.hpp"
#include "iacscan/result.hpp"
#include "iacscan/rule.hpp"
#include "iacscan/scan_result.hpp"

namespace iacscan {

// A file given in memory rather than on disk (editors, pre-commit staged content, the C API).
struct SourceBuffer {
  std::string path;  // display path; its extension decides the format (.tf, .yaml, .json)
  std::string content;
};

class IACSCAN_API Scanner {
 public:
  // Loads the built-in policies, options.policy_dirs and the CloudFormation parameter files;
  // fails on an invalid policy or a parameter file that cannot be read or has no known shape.
  static Result<Scanner> create(const ScanOptions& options);

  Scanner(Scanner&&) noexcept;
  Scanner& operator=(Scanner&&) noexcept;
  ~Scanner();

  // Scans files and directories (recursively). A path that does not exist is an Error;
  // a file that cannot be parsed is a Diagnostic in the result, and the scan goes on.
  Result<ScanResult> scan(const std::vector<std::string>& paths) const;

  // Scans in-memory files; Terraform buffers in the same directory form one module.
  Result<ScanResult> scan_buffers(const std::vector<SourceBuffer>& buffers) const;

  // Metadata of every loaded rule, sorted by id.
  const std::vector<RuleInfo>& rules() const noexcept;

 private:
  struct Impl;
  explicit Scanner(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace iacscan
