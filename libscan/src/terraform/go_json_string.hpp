// A string quoted as Go's encoding/json writes it, which Terraform's jsonencode and format's %q
// go through: HTML-sensitive <, > and & escaped, as are U+2028 and U+2029; invalid UTF-8
// becomes U+FFFD. Rules read the strings these functions build (a bucket policy from
// jsonencode), so the text must be Terraform's exactly.
#pragma once

#include <string>
#include <string_view>

namespace iacscan::detail::tf {

void append_go_json_string(std::string& out, std::string_view text);

}  // namespace iacscan::detail::tf
