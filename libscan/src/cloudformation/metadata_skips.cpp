// Reading the three spellings of suppression metadata.
#include "cloudformation/metadata_skips.hpp"

#include <array>
#include <string_view>

namespace iacscan::detail {
namespace {

struct SkipSpelling {
  std::string_view tool;        // key under Metadata
  std::string_view list;        // key of the list under it
  std::string_view reason_key;  // key of the free-text reason in each entry
};

constexpr std::array<SkipSpelling, 3> kSpellings = {{
    {"iacscan", "skip", "reason"},
    {"checkov", "skip", "comment"},
    {"cfn_nag", "rules_to_suppress", "reason"},
}};

void read_list(const Value& list, const SkipSpelling& spelling, std::vector<Skip>& out,
               TemplateWarnings& warnings) {
  const std::string where =
      "Metadata." + std::string{spelling.tool} + "." + std::string{spelling.list};
  if (!list.is_list()) {
    warnings.warn(list.span, where + " must be a list of {id, " + std::string{spelling.reason_key} +
                                 "}; it is ignored");
    return;
  }
  for (const Value& entry : list.items()) {
    const Value* id = entry.find("id");
    if (id == nullptr || !id->is_string() || id->text().empty()) {
      warnings.warn(entry.span, "an entry of " + where + " has no id; it is ignored");
      continue;
    }
    const Value* reason = entry.find(spelling.reason_key);
    out.push_back(Skip{std::string{spelling.tool}, id->text(),
                       reason != nullptr ? reason->to_display_string() : std::string{},
                       entry.span});
  }
}

}  // namespace

std::vector<Skip> read_skips(const Value& declaration, TemplateWarnings& warnings) {
  std::vector<Skip> skips;
  const Value* metadata = declaration.find("Metadata");
  if (metadata == nullptr) return skips;
  for (const SkipSpelling& spelling : kSpellings) {
    const Value* tool = metadata->find(spelling.tool);
    const Value* list = tool != nullptr ? tool->find(spelling.list) : nullptr;
    if (list != nullptr) read_list(*list, spelling, skips, warnings);
  }
  return skips;
}

}  // namespace iacscan::detail
