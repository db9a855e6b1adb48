// What the roadmap model and its three renderers share: the stage names, which statuses count
// against a stage, per-status counts, the caps on what a human-facing report lists, and the
// grouping of configuration hints by key.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "iacscan/roadmap.hpp"

namespace iacscan::detail {

inline constexpr int kRoadmapStageCount = 10;
// Text and Markdown list this many next steps (JSON lists all of them): a short list gets acted
// on, and the stage table below it has the rest.
inline constexpr std::size_t kNextStepsShown = 5;
// Evidence files shown per control in text and Markdown before "+N more".
inline constexpr std::size_t kEvidenceFilesShown = 2;

// "Inventory", "Have backups", ...; empty outside 1..10.
std::string_view roadmap_stage_name(int number) noexcept;

// Missing and undecided controls keep a stage from being met; the other statuses are listed
// but do not count against it.
bool counts_against_stage(ControlStatus status) noexcept;

// Sort rank of a rule's scope: account rules (the landing-zone baseline) first, then org-config
// rules, then resource rules.
int scope_rank(RuleScope scope) noexcept;
// "resource", "account", "org-config" (the policy files' spelling).
std::string_view scope_name(RuleScope scope) noexcept;

// The six statuses in report order: what is done, what blocks, then what does not count.
inline constexpr std::array<ControlStatus, 6> kStatusOrder = {
    ControlStatus::met,
    ControlStatus::missing,
    ControlStatus::undecided,
    ControlStatus::needs_configuration,
    ControlStatus::not_applicable,
    ControlStatus::not_run,
};

// "met", "missing", "undecided", "needs configuration", "not applicable", "not run".
std::string_view status_words(ControlStatus status) noexcept;

struct StatusCounts {
  std::array<std::size_t, kStatusOrder.size()> by_status{};  // indexed like ControlStatus
  std::size_t of(ControlStatus status) const noexcept {
    return by_status[static_cast<std::size_t>(status)];
  }
};
StatusCounts count_statuses(const std::vector<RoadmapControl>& controls);
// "5 met, 2 missing, 1 not applicable": the non-zero counts in kStatusOrder; "no controls"
// when there are none.
std::string describe_counts(const StatusCounts& counts);

// The stage the next steps lead to, or 0 when all ten are met.
int next_stage_number(const Roadmap& roadmap) noexcept;
// "Stages 1 to 3 are met; stage 4 is next." (or "Stage 1 is not met yet.", "All ten stages are
// met.")
std::string describe_progress(const Roadmap& roadmap);

// Configuration keys the controls need, each with the rule ids it would enable; sorted by key,
// ids in the order given.
std::vector<std::pair<std::string, std::vector<std::string>>> configuration_hints(
    const std::vector<RoadmapControl>& controls);

// The text with what a terminal or a Markdown renderer would act on instead of printing (C0
// and C1 controls, bidi overrides, invalid UTF-8) written as visible escapes.
std::string printable(std::string_view text);

}  // namespace iacscan::detail
