// The global condition keys (aws:PrincipalArn, aws:SourceIp, ...), which the package has only
// in compiled TypeScript: dist/cjs/globalConditionKeys.js.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace iam_table_gen {

struct WrittenConditionKey {
  std::string key;   // "aws:PrincipalTag/${TagKey}": AWS's "tag-key" variable written as in
                     // service keys, so that one template syntax serves both
  std::string type;  // as written: "String", "ArrayOfString", "ARN", ...
};

// Reads `globalConditionKeys = [ { key: '...', type: '...', ... }, ... ]` out of the file's
// text: comments, either quote style and any layout are fine; anything else throws
// GenerationError, as does a list too short to be the real one.
std::vector<WrittenConditionKey> parse_global_condition_keys(std::string_view js_text);

}  // namespace iam_table_gen
