// Scanner: loads policies once, then scans paths or in-memory files as often as needed.
//
// Ownership: a Scanner owns its loaded rules, the CloudFormation parameter files it read and a
// copy of the ScanOptions it was created with (changing the caller's options afterwards has no
// effect). Every ScanResult it returns is a self-contained value that owns all of its data: it
// may outlive the Scanner and be moved to another thread.
//
// Thread safety: a Scanner is immutable after create(), so one instance may serve concurrent
// scan() and scan_buffers() calls from several threads; each scan builds its own sources and
// graph. Every such scan calls the same copy of ScanOptions::progress. Moving from or
// destroying a Scanner must not race with a scan on it.
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
// scan_buffers() copies what it needs: the buffers may be freed once it returns.
struct SourceBuffer {
  std::string path;  // display path; its extension decides the format (.tf, .yaml, .json)
  std::string content;
};

// Move-only; a moved-from Scanner may only be assigned to or destroyed.
class IACSCAN_API Scanner {
 public:
  // Loads the built-in policies, options.policy_dirs and the CloudFormation parameter files,
  // and applies options.rule_settings. An Error (never an exception) on an invalid policy
  // (invalid_policy), a parameter file that cannot be read or has no known shape, an unknown
  // policy type or a rule setting for a rule that is not loaded (invalid_option).
  static Result<Scanner> create(const ScanOptions& options);

  Scanner(Scanner&&) noexcept;
  Scanner& operator=(Scanner&&) noexcept;
  ~Scanner();

  // Scans files and directories (recursively; relative paths against the current directory,
  // and reported as given). A path that does not exist is an Error (io); a file that cannot be
  // read or parsed is a Diagnostic in the result, and the scan goes on. A bug caught inside
  // the scan is an Error with ErrorCode::internal rather than an exception.
  Result<ScanResult> scan(const std::vector<std::string>& paths) const;

  // Scans in-memory files. Terraform buffers in the same directory form one module; a buffer
  // whose name no format claims is skipped. No source is read from disk: a local module or a
  // nested template is loaded only when it is among the buffers (the variable files named in
  // ScanOptions are still read).
  Result<ScanResult> scan_buffers(const std::vector<SourceBuffer>& buffers) const;

  // Metadata of every loaded rule, sorted by id; the reference stays valid as long as the
  // Scanner does.
  const std::vector<RuleInfo>& rules() const noexcept;

 private:
  struct Impl;
  explicit Scanner(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace iacscan
