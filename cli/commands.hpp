// One function per subcommand; run.cpp picks one.
#pragma once

#include "flags.hpp"
#include "iacscan/scanner.hpp"

namespace iacscan::cli {

// `options` made `scanner`: --changed needs their exclude globs.
int run_scan(const Scanner& scanner, const ScanOptions& options, const RawArgs& args);
int run_roadmap(const Scanner& scanner, const RawArgs& args);
int run_rules(const Scanner& scanner);
int run_explain(const Scanner& scanner, const RawArgs& args);
int run_docs(const Scanner& scanner, const RawArgs& args);
int run_init(const RawArgs& args);

}  // namespace iacscan::cli
