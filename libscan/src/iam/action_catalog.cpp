#include "iam/action_catalog.hpp"

#include <algorithm>
#include <cassert>
#include <utility>

#include "iam/ascii_case.hpp"
#include "iam/wildcard_match.hpp"

namespace iacscan::detail::iam {

// The action-name part of a pattern, lowercased: its literal prefix (up to the first wildcard)
// narrows the search to a range of names sorted by lowercase name, and the rest is matched
// against what follows the prefix.
class ActionNamePattern {
 public:
  explicit ActionNamePattern(std::string_view pattern)
      : lower_(ascii_lowercase(pattern)),
        prefix_length_(std::min(lower_.find_first_of("*?"), lower_.size())),
        rest_(std::string_view(lower_).substr(prefix_length_)) {}

  std::string_view literal_prefix() const {
    return std::string_view(lower_).substr(0, prefix_length_);
  }
  // "Get*": every name that starts with the prefix matches.
  bool matches_any_rest() const { return std::string_view(lower_).substr(prefix_length_) == "*"; }
  // For a lowercase name that starts with the literal prefix.
  bool matches(std::string_view lower_name) const {
    return rest_.matches(lower_name.substr(prefix_length_));
  }

 private:
  std::string lower_;
  std::size_t prefix_length_;
  WildcardPattern rest_;
};

namespace {

// The positions [begin, end) hold names in sorted order (a service's actions, all actions by
// name, the services); those that start with `prefix` are one run, found by two binary searches.
template <typename NameAt>
std::pair<std::uint32_t, std::uint32_t> names_with_prefix(std::uint32_t begin, std::uint32_t end,
                                                          std::string_view prefix, NameAt name_at) {
  // The first position in [low, high) where `past` holds; it holds from some position on.
  const auto first_where = [](std::uint32_t low, std::uint32_t high, auto past) {
    while (low < high) {
      const std::uint32_t middle = low + (high - low) / 2;
      if (past(middle)) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
    return low;
  };
  if (prefix.empty()) return {begin, end};
  const std::uint32_t first =
      first_where(begin, end, [&](std::uint32_t at) { return !(name_at(at) < prefix); });
  const std::uint32_t last =
      first_where(first, end, [&](std::uint32_t at) { return !name_at(at).starts_with(prefix); });
  return {first, last};
}

}  // namespace

const ActionCatalog& ActionCatalog::builtin() {
  static const ActionCatalog catalog(generated_action_table());
  return catalog;
}

ActionCatalog::ActionCatalog(const ActionTable& table)
    : table_(table), lower_strings_(ascii_lowercase(table.strings)), condition_keys_(table) {
  assert(sorted_by_service_and_lowercase_name());
}

// find and expand search runs of sorted names, which relies on the generator's order.
bool ActionCatalog::sorted_by_service_and_lowercase_name() const {
  for (std::size_t service = 0; service < service_count(); ++service) {
    const Range range = service_actions(service);
    for (ActionId id = range.first; id + 1 < range.last; ++id) {
      if (!(lower_name(id) < lower_name(id + 1))) return false;
    }
    if (service > 0 && !(lower_text(table_.service_names[service - 1]) <
                         lower_text(table_.service_names[service]))) {
      return false;
    }
  }
  const auto& by_name = table_.actions_by_name;
  for (std::size_t i = 1; i < by_name.size(); ++i) {
    if (lower_name(by_name[i]) < lower_name(by_name[i - 1])) return false;
  }
  return by_name.size() == size();
}

std::string_view ActionCatalog::text(std::uint32_t string_id) const {
  const std::uint32_t offset = table_.string_offsets[string_id];
  return table_.strings.substr(offset, table_.string_offsets[string_id + 1] - offset);
}

std::string_view ActionCatalog::lower_text(std::uint32_t string_id) const {
  const std::uint32_t offset = table_.string_offsets[string_id];
  return std::string_view(lower_strings_)
      .substr(offset, table_.string_offsets[string_id + 1] - offset);
}

std::optional<std::size_t> ActionCatalog::find_service(std::string_view lower_prefix) const {
  const auto& names = table_.service_names;
  const auto at = std::lower_bound(
      names.begin(), names.end(), lower_prefix,
      [this](std::uint32_t id, std::string_view prefix) { return lower_text(id) < prefix; });
  if (at == names.end() || lower_text(*at) != lower_prefix) return std::nullopt;
  return static_cast<std::size_t>(at - names.begin());
}

bool ActionCatalog::is_known_service(std::string_view prefix) const {
  return find_service(ascii_lowercase(prefix)).has_value();
}

std::size_t ActionCatalog::service_of(ActionId id) const {
  const auto& first = table_.service_first_action;
  // The last service whose first action is at or before id.
  return static_cast<std::size_t>(std::upper_bound(first.begin(), first.end(), id) -
                                  first.begin()) -
         1;
}

ActionCatalog::Range ActionCatalog::service_actions(std::size_t service) const {
  return {table_.service_first_action[service], table_.service_first_action[service + 1]};
}

ActionCatalog::Range ActionCatalog::actions_with_prefix(std::size_t service,
                                                        std::string_view lower_prefix) const {
  const Range all_of_service = service_actions(service);
  const auto [first, last] =
      names_with_prefix(all_of_service.first, all_of_service.last, lower_prefix,
                        [this](ActionId id) { return lower_name(id); });
  return {first, last};
}

ActionCatalog::Range ActionCatalog::positions_by_name_with_prefix(
    std::string_view lower_prefix) const {
  const auto [first, last] = names_with_prefix(
      0, static_cast<ActionId>(size()), lower_prefix,
      [this](std::uint32_t position) { return lower_name(table_.actions_by_name[position]); });
  return {first, last};
}

std::optional<ActionId> ActionCatalog::find(std::string_view action) const {
  const std::size_t colon = action.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  const auto service = find_service(ascii_lowercase(action.substr(0, colon)));
  if (!service) return std::nullopt;
  const std::string lower = ascii_lowercase(action.substr(colon + 1));
  const Range range = actions_with_prefix(*service, lower);
  if (range.first == range.last || lower_name(range.first) != lower) return std::nullopt;
  return range.first;
}

std::string ActionCatalog::qualified_name(ActionId id) const {
  std::string out(service(id));
  out += ':';
  out += name(id);
  return out;
}

std::string_view ActionCatalog::service(ActionId id) const {
  return text(table_.service_names[service_of(id)]);
}

std::string_view ActionCatalog::name(ActionId id) const {
  return text(table_.action_names[id]);
}

AccessLevel ActionCatalog::access_level(ActionId id) const {
  return static_cast<AccessLevel>(table_.action_access_levels[id]);
}

std::vector<ActionCatalog::ResourceTypeRef> ActionCatalog::resource_types(ActionId id) const {
  std::vector<ResourceTypeRef> out;
  for (std::uint32_t i = table_.action_first_resource[id]; i < table_.action_first_resource[id + 1];
       ++i) {
    const std::uint32_t entry = table_.action_resources[i];
    const std::uint32_t type = entry >> 1;
    out.push_back({text(table_.resource_type_names[type]), text(table_.resource_type_arns[type]),
                   (entry & 1) != 0});
  }
  return out;
}

std::vector<std::string_view> ActionCatalog::condition_keys(ActionId id) const {
  std::vector<std::string_view> out;
  for (std::uint32_t i = table_.action_first_condition_key[id];
       i < table_.action_first_condition_key[id + 1]; ++i) {
    out.push_back(text(table_.condition_key_names[table_.action_condition_keys[i]]));
  }
  return out;
}

bool ActionCatalog::action_has_condition_key(ActionId id, std::string_view key) const {
  const auto index = condition_keys_.find(key);
  if (!index) return false;
  const auto keys = table_.action_condition_keys.subspan(
      table_.action_first_condition_key[id],
      table_.action_first_condition_key[id + 1] - table_.action_first_condition_key[id]);
  return std::binary_search(keys.begin(), keys.end(), *index);
}

void ActionCatalog::expand_in_service(std::size_t service, const ActionNamePattern& pattern,
                                      ActionSet& into) const {
  const Range range = actions_with_prefix(service, pattern.literal_prefix());
  if (pattern.matches_any_rest()) {
    into.insert_range(range.first, range.last);
    return;
  }
  for (ActionId id = range.first; id < range.last; ++id) {
    if (pattern.matches(lower_name(id))) into.insert(id);
  }
}

void ActionCatalog::expand_in_services(const WildcardPattern& service_pattern,
                                       const ActionNamePattern& pattern, ActionSet& into) const {
  // Services are sorted too: those the service pattern's literal prefix allows are one run.
  const std::string_view service_prefix = service_pattern.literal_prefix();
  if (!service_prefix.empty() || pattern.literal_prefix().empty()) {
    const auto [first, last] = names_with_prefix(
        0, static_cast<ActionId>(service_count()), service_prefix,
        [this](std::uint32_t service) { return lower_text(table_.service_names[service]); });
    for (std::size_t service = first; service < last; ++service) {
      if (service_pattern.matches(lower_text(table_.service_names[service]))) {
        expand_in_service(service, pattern, into);
      }
    }
    return;
  }
  // The name's literal prefix picks the candidates across all services ("*:GetObject" has
  // five); each service is matched once, when a candidate first needs it.
  enum class Known : std::uint8_t { unknown, matches, differs };
  std::vector<Known> services(service_count(), Known::unknown);
  const Range positions = positions_by_name_with_prefix(pattern.literal_prefix());
  for (ActionId position = positions.first; position < positions.last; ++position) {
    const ActionId id = table_.actions_by_name[position];
    if (!pattern.matches(lower_name(id))) continue;
    const std::size_t service = service_of(id);
    if (services[service] == Known::unknown) {
      services[service] = service_pattern.matches(lower_text(table_.service_names[service]))
                              ? Known::matches
                              : Known::differs;
    }
    if (services[service] == Known::matches) into.insert(id);
  }
}

ActionSet ActionCatalog::expand(std::string_view pattern) const {
  if (pattern == "*") return all();
  ActionSet result = none();
  const std::size_t colon = pattern.find(':');
  if (colon == std::string_view::npos) return result;
  const std::string service_pattern = ascii_lowercase(pattern.substr(0, colon));
  const ActionNamePattern name_pattern(pattern.substr(colon + 1));
  if (!has_wildcard(service_pattern)) {
    if (const auto service = find_service(service_pattern)) {
      expand_in_service(*service, name_pattern, result);
    }
  } else {
    expand_in_services(WildcardPattern(service_pattern), name_pattern, result);
  }
  return result;
}

std::optional<ActionCatalog::ConditionKeyInfo> ActionCatalog::find_condition_key(
    std::string_view key) const {
  const auto index = condition_keys_.find(key);
  if (!index) return std::nullopt;
  return ConditionKeyInfo{text(table_.condition_key_names[*index]),
                          decode_condition_key_type(table_.condition_key_types[*index])};
}

}  // namespace iacscan::detail::iam
