// A Location in the JSON reports (scan and roadmap): the same five keys in both, always present,
// so consumers parse one shape.
#pragma once

#include <nlohmann/json.hpp>

#include "iacscan/location.hpp"

namespace iacscan::detail {

nlohmann::ordered_json location_json(const Location& location);

}  // namespace iacscan::detail
