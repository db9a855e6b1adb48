// Suppression metadata on a CloudFormation resource, read into Resource::skips:
//   Metadata: {iacscan: {skip: [{id, reason}]}}
// and, kept with their own ids for the reports to map, checkov's Metadata.checkov.skip
// ({id, comment}) and cfn_nag's Metadata.cfn_nag.rules_to_suppress ({id, reason}).
#pragma once

#include <vector>

#include "cloudformation/template_warnings.hpp"
#include "graph/resource.hpp"
#include "value/value.hpp"

namespace iacscan::detail {

// `declaration` is the resource's entry under Resources (with Type, Properties, Metadata).
// Entries without a string id are left out with a warning.
std::vector<Skip> read_skips(const Value& declaration, TemplateWarnings& warnings);

}  // namespace iacscan::detail
