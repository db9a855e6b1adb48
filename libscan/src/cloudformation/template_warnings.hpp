// Warning diagnostics about one template (malformed intrinsic arguments, condition cycles,
// references to undeclared names): collected in the LoadedFile, each reported once.
#pragma once

#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "iacscan/finding.hpp"
#include "value/value.hpp"

namespace iacscan::detail {

class TemplateWarnings {
 public:
  TemplateWarnings(std::string path, std::vector<Diagnostic>& out)
      : path_(std::move(path)), out_(out) {}

  void warn(const Span& at, std::string message) {
    const Range& r = at.range;
    if (!seen_.emplace(r.start_line, r.start_column, message).second) return;
    Diagnostic d;
    d.code = DiagnosticCode::invalid_template;
    d.level = DiagnosticLevel::warning;
    d.message = std::move(message);
    d.location = Location{path_, r.start_line, r.start_column, r.end_line, r.end_column};
    out_.push_back(std::move(d));
  }

 private:
  std::string path_;
  std::vector<Diagnostic>& out_;
  // A value evaluated twice (both branches of an unknown Fn::If) must not warn twice.
  std::set<std::tuple<std::uint32_t, std::uint32_t, std::string>> seen_;
};

}  // namespace iacscan::detail
