// Reading and checking a rule's `equivalents:`.
#include "engine/rule_equivalents.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "engine/yaml_node.hpp"

namespace iacscan::detail {
namespace {

bool is_upper_or_digit(char ch) {
  return (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
}
bool is_lower_or_digit(char ch) {
  return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
}
bool is_digit(char ch) {
  return ch >= '0' && ch <= '9';
}

bool all_of(std::string_view text, bool (*accept)(char)) {
  return !text.empty() && std::all_of(text.begin(), text.end(), accept);
}

// CKV_AWS_20, CKV2_AWS_11: checkov's prefix, a provider and a number.
bool is_checkov_id(std::string_view id) {
  for (std::string_view prefix : {"CKV_", "CKV2_"}) {
    if (!id.starts_with(prefix)) continue;
    const std::string_view rest = id.substr(prefix.size());
    const std::size_t underscore = rest.rfind('_');
    return underscore != std::string_view::npos &&
           all_of(rest.substr(0, underscore), is_upper_or_digit) &&
           all_of(rest.substr(underscore + 1), is_digit);
  }
  return false;
}

// W35, F1000: a warning or failure letter and a number.
bool is_cfn_nag_id(std::string_view id) {
  return id.size() > 1 && (id.front() == 'W' || id.front() == 'F') &&
         all_of(id.substr(1), is_digit);
}

// aws-s3-enable-bucket-logging: tfsec's long ids are lower-case words joined by hyphens.
bool is_tfsec_id(std::string_view id) {
  if (id.find('-') == std::string_view::npos) return false;
  std::size_t start = 0;
  while (true) {
    const std::size_t hyphen = id.find('-', start);
    if (!all_of(id.substr(start, hyphen - start), is_lower_or_digit)) return false;
    if (hyphen == std::string_view::npos) return true;
    start = hyphen + 1;
  }
}

// AVD-AWS-0089 (Trivy's AVD ids; recent Trivy also writes AWS-0089).
bool is_trivy_id(std::string_view id) {
  if (id.starts_with("AVD-")) id.remove_prefix(4);
  const std::size_t hyphen = id.find('-');
  return hyphen != std::string_view::npos && all_of(id.substr(0, hyphen), is_upper_or_digit) &&
         all_of(id.substr(hyphen + 1), is_digit);
}

struct Tool {
  std::string_view name;
  bool (*accepts)(std::string_view);
  std::string_view example;
};

constexpr std::array<Tool, 4> kTools = {{
    {"checkov", is_checkov_id, "CKV_AWS_20"},
    {"cfn_nag", is_cfn_nag_id, "W35"},
    {"tfsec", is_tfsec_id, "aws-s3-enable-bucket-logging"},
    {"trivy", is_trivy_id, "AVD-AWS-0089"},
}};

const Tool* find_tool(std::string_view name) {
  for (const Tool& tool : kTools)
    if (tool.name == name) return &tool;
  return nullptr;
}

std::vector<std::string> parse_ids(const Tool& tool, const YAML::Node& list) {
  const std::string where = "'equivalents." + std::string(tool.name) + "'";
  if (!list.IsSequence() || list.size() == 0)
    fail_at(list, where + " must be a non-empty list of " + std::string(tool.name) + " ids");
  std::vector<std::string> ids;
  for (const YAML::Node& item : list) {
    if (!item.IsScalar()) fail_at(item, where + " must be a list of ids");
    const std::string& id = item.Scalar();
    if (!tool.accepts(id))
      fail_at(item, where + " holds \"" + id + "\", which is not a " + std::string(tool.name) +
                        " id (like " + std::string(tool.example) + ")");
    if (std::find(ids.begin(), ids.end(), id) != ids.end())
      fail_at(item, where + " names \"" + id + "\" twice");
    ids.push_back(id);
  }
  return ids;
}

}  // namespace

std::map<std::string, std::vector<std::string>> parse_equivalents(const YAML::Node& node) {
  std::map<std::string, std::vector<std::string>> equivalents;
  if (!node) return equivalents;
  if (!node.IsMap() || node.size() == 0)
    fail_at(node, "'equivalents' maps tools (checkov, cfn_nag, tfsec, trivy) to lists of ids");
  for (const auto& entry : node) {
    const std::string name = entry.first.Scalar();
    const Tool* tool = find_tool(name);
    if (!tool)
      fail_at(entry.first,
              "unknown tool \"" + name + "\" in 'equivalents': checkov, cfn_nag, tfsec or trivy");
    equivalents[name] = parse_ids(*tool, entry.second);
  }
  return equivalents;
}

}  // namespace iacscan::detail
