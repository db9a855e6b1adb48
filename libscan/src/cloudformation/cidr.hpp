// Fn::Cidr's arithmetic: `count` consecutive subnets with `subnet_bits` host bits each, carved
// from the start of an IPv4 or IPv6 block, as CloudFormation computes them. IPv6 results use
// the canonical text form (RFC 5952: lower case, longest zero run as "::").
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace iacscan::detail {

// The subnets ("10.0.0.0/24", "2001:db8::/64"), or why there are none.
std::variant<std::vector<std::string>, std::string> cidr_subnets(std::string_view block,
                                                                 unsigned count,
                                                                 unsigned subnet_bits);

}  // namespace iacscan::detail
