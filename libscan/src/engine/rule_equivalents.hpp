// A rule's `equivalents:` — the same check in other scanners — read from its rule file.
#pragma once

#include <yaml-cpp/yaml.h>

#include <map>
#include <string>
#include <vector>

namespace iacscan::detail {

// Reads `equivalents: {checkov: [CKV_AWS_20], cfn_nag: [W31], tfsec: [...], trivy: [...]}`.
// An absent node gives an empty map. Throws PolicyFileError (with the line) for a tool other
// than checkov, cfn_nag, tfsec and trivy, a value that is not a non-empty list, a repeated id,
// or an id not shaped like that tool's ids: a misfiled id would never match a suppression,
// so the mistake would otherwise go unnoticed.
std::map<std::string, std::vector<std::string>> parse_equivalents(const YAML::Node& node);

}  // namespace iacscan::detail
