#include "config/suppressions_section.hpp"

#include "suppress/suppression_date.hpp"

namespace iacscan::detail {
namespace {

ConfiguredSuppression read_entry(const Field& item, const std::string& display_path) {
  check_known_keys(item, {"rule", "paths", "resources", "reason", "expires"});
  ConfiguredSuppression entry;
  const Span& span = item.value.span;
  entry.location = Location{display_path, span.range.start_line, span.range.start_column,
                            span.range.start_line, span.range.start_column};
  bool has_rule = false;
  for (const Value::Entry& e : read_map(item)) {
    const Field field = entry_field(item, e);
    if (e.key == "rule") {
      entry.rule = read_string(field);
      has_rule = true;
    } else if (e.key == "paths") {
      read_each(field, entry.paths, read_string);
    } else if (e.key == "resources") {
      read_each(field, entry.resources, read_string);
    } else if (e.key == "reason") {
      entry.reason = read_scalar_text(field);
    } else if (e.key == "expires") {
      entry.expires = read_scalar_text(field);
      if (!is_valid_date(entry.expires))
        fail(field, "expected a date in the form YYYY-MM-DD, got \"" + entry.expires + "\"");
    }
  }
  if (!has_rule) fail(item, "expected a `rule` (a rule id, or \"*\" for every rule)");
  return entry;
}

}  // namespace

void apply_suppressions_section(const Field& section, const std::string& display_path,
                                std::vector<ConfiguredSuppression>& out) {
  if (!is_set(section)) return;
  const Value::List& items = read_list(section);
  std::vector<ConfiguredSuppression> entries;
  for (std::size_t i = 0; i < items.size(); ++i)
    entries.push_back(read_entry(item_field(section, i), display_path));
  out = std::move(entries);
}

}  // namespace iacscan::detail
