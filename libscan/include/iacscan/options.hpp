// ScanOptions: everything that changes what a scan reads and reports.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace iacscan {

struct ScanOptions {
  // Worker threads for loading and evaluating; 0 means one per hardware thread.
  unsigned jobs = 0;
  // Extra directories of policy files, loaded after the built-in ones.
  std::vector<std::string> policy_dirs;
  // Load only these extra policy directories, not the built-in policies.
  bool no_builtin_policies = false;
  // Files larger than this are refused with a limit-exceeded diagnostic (default 20 MiB).
  std::size_t max_file_bytes = 20u * 1024u * 1024u;
};

}  // namespace iacscan
