// Recognition of CloudFormation dynamic references inside strings.
#include "cloudformation/dynamic_references.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "value/dynamic_reference.hpp"

namespace iacscan::detail {
namespace {

constexpr std::string_view kOpen = "{{resolve:";
constexpr std::array<std::string_view, 3> kServices = {"secretsmanager", "ssm-secure", "ssm"};

// The reference as written, for the reason; unknown pieces of a concatenation (control
// characters) read as "...", and a runaway reference is cut short.
std::string describe(std::string_view text, std::size_t open) {
  const std::size_t close = text.find("}}", open);
  const std::size_t end = close == std::string_view::npos ? text.size() : close + 2;
  std::string shown;
  for (char c : text.substr(open, std::min<std::size_t>(end - open, 200))) {
    if (static_cast<unsigned char>(c) < 0x20) {
      shown += "...";
    } else {
      shown += c;
    }
  }
  return shown;
}

}  // namespace

std::optional<Value> find_dynamic_reference(std::string_view text, const Span& span) {
  for (std::size_t open = text.find(kOpen); open != std::string_view::npos;
       open = text.find(kOpen, open + kOpen.size())) {
    const std::string_view rest = text.substr(open + kOpen.size());
    // Only a whole reference counts: "{{resolve:ssm:" alone is a piece of a concatenation,
    // which is recognised once joined.
    if (rest.find("}}") == std::string_view::npos) return std::nullopt;
    for (std::string_view service : kServices) {
      if (rest.starts_with(service) && rest.substr(service.size()).starts_with(":")) {
        return dynamic_reference(service, describe(text, open), span);
      }
    }
  }
  return std::nullopt;
}

}  // namespace iacscan::detail
