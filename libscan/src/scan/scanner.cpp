// Scanner: the public entry point. Holds the loaded policies; every scan builds its own
// SourceSet and graph, so concurrent scans share nothing mutable.
#include "iacscan/scanner.hpp"

#include <algorithm>
#include <chrono>
#include <exception>

#include "cloudformation/context.hpp"
#include "config/rule_settings.hpp"
#include "engine/policy_set.hpp"
#include "iam/policy_file.hpp"
#include "scan/pipeline.hpp"
#include "source/discovery.hpp"
#include "suppress/suppression_rules.hpp"

namespace iacscan {

struct Scanner::Impl {
  ScanOptions options;
  detail::PolicySet policies;
  detail::CloudFormationContext cloudformation;
  std::vector<RuleInfo> rules;
};

Scanner::Scanner(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Scanner::Scanner(Scanner&&) noexcept = default;
Scanner& Scanner::operator=(Scanner&&) noexcept = default;
Scanner::~Scanner() = default;

Result<Scanner> Scanner::create(const ScanOptions& options) {
  for (const auto& [glob, type] : options.policy_types) {
    if (!detail::iam::parse_policy_type(type))
      return Error{ErrorCode::invalid_option,
                   "unknown policy type \"" + type + "\" for \"" + glob +
                       "\": expected scp, rcp, identity, resource, endpoint, trust or ai-opt-out",
                   {}};
  }
  auto policies = detail::load_policies(options);
  if (!policies) return policies.error();
  detail::add_suppression_rules(*policies);
  if (auto error = detail::apply_rule_settings(options.rule_settings, *policies)) return *error;
  auto cloudformation = detail::make_cloudformation_context(options);
  if (!cloudformation) return cloudformation.error();
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  impl->cloudformation = std::move(cloudformation).value();
  impl->policies = std::move(policies).value();
  for (const detail::Rule& rule : impl->policies.rules) impl->rules.push_back(rule.info);
  return Scanner(std::move(impl));
}

const std::vector<RuleInfo>& Scanner::rules() const noexcept {
  return impl_->rules;
}

Result<ScanResult> Scanner::scan(const std::vector<std::string>& paths) const {
  try {
    const auto start = std::chrono::steady_clock::now();
    auto discovery = detail::discover(paths, impl_->options.exclude);
    if (!discovery) return discovery.error();
    detail::SourceSet sources;
    for (const detail::DiscoveredFile& f : discovery->files)
      sources.add(f.display_path, f.fs_path, f.kind);
    const double discover_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    ScanResult result =
        detail::run_pipeline(sources, true, impl_->policies, impl_->cloudformation, impl_->options,
                             std::move(discovery->diagnostics), detail::scan_roots(paths));
    result.statistics.discover_seconds = discover_seconds;
    return result;
  } catch (const std::exception& e) {
    return Error{ErrorCode::internal, std::string("internal error: ") + e.what(), {}};
  }
}

Result<ScanResult> Scanner::scan_buffers(const std::vector<SourceBuffer>& buffers) const {
  try {
    std::vector<const SourceBuffer*> sorted;
    for (const SourceBuffer& b : buffers) sorted.push_back(&b);
    std::sort(sorted.begin(), sorted.end(),
              [](const SourceBuffer* a, const SourceBuffer* b) { return a->path < b->path; });
    detail::SourceSet sources;
    for (const SourceBuffer* buffer : sorted) {
      const SourceBuffer& b = *buffer;
      auto kind = detail::classify_by_name(b.path);
      if (!kind) continue;
      const detail::FileId id = sources.add(b.path, {}, *kind);
      sources.at(id).content = b.content;
    }
    return detail::run_pipeline(sources, false, impl_->policies, impl_->cloudformation,
                                impl_->options, {});
  } catch (const std::exception& e) {
    return Error{ErrorCode::internal, std::string("internal error: ") + e.what(), {}};
  }
}

}  // namespace iacscan
