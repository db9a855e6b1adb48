#include "report/json_location.hpp"

namespace iacscan::detail {

nlohmann::ordered_json location_json(const Location& location) {
  nlohmann::ordered_json json = nlohmann::ordered_json::object();
  json["path"] = location.path;
  // 0 means "no position" (the whole file); the keys stay so the shape is fixed.
  json["startLine"] = location.start_line;
  json["startColumn"] = location.start_column;
  json["endLine"] = location.end_line;
  json["endColumn"] = location.end_column;
  return json;
}

}  // namespace iacscan::detail
