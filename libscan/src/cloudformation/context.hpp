// What a scan tells the CloudFormation loader beyond the template itself: parameter values
// from --parameter and --parameters-file. Built once per Scanner and shared, read-only, by every
// template loaded in parallel.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>

#include "iacscan/options.hpp"
#include "iacscan/result.hpp"
#include "value/value.hpp"

namespace iacscan::detail {

struct GivenParameter {
  std::string value;   // as given, e.g. "PublicRead" or "a, b" for a list parameter
  std::string source;  // "given on the command line", "in params.json"
  // A nested stack's parameter: the evaluated value its parent passes (possibly unknown), with
  // its span in the parent template. Wins over `value`.
  std::shared_ptr<const Value> passed;
};

struct CloudFormationContext {
  // Parameters and pseudo parameters (AWS::Region) by name. A value applies to every template
  // that declares the parameter; pseudo parameters apply to every template.
  std::map<std::string, GivenParameter, std::less<>> parameters;
};

// Reads options.cloudformation_parameter_files in order (a later file wins), then applies
// options.cloudformation_parameters, which win over files. A file that cannot be read or has
// neither accepted shape is an Error naming it.
Result<CloudFormationContext> make_cloudformation_context(const ScanOptions& options);

}  // namespace iacscan::detail
