#include "iam/resource_scope.hpp"

#include <algorithm>
#include <optional>
#include <string>

#include "iam/analysis_hit.hpp"
#include "iam/ascii_case.hpp"
#include "iam/pattern_text.hpp"
#include "iam/wildcard_match.hpp"

namespace iacscan::detail::iam {
namespace {

// The ARN service segment ("iam" in "arn:aws:iam::1:role/x"), or empty when the pattern is
// not an ARN with one.
std::string_view arn_service(std::string_view pattern) {
  if (!pattern.starts_with("arn:")) return {};
  const std::size_t partition_end = pattern.find(':', 4);
  if (partition_end == std::string_view::npos) return {};
  const std::size_t service_end = pattern.find(':', partition_end + 1);
  return pattern.substr(partition_end + 1, service_end == std::string_view::npos
                                               ? std::string_view::npos
                                               : service_end - partition_end - 1);
}

bool everything(const ResourceTarget& target) {
  return target.services.empty();
}

// The text after the fifth colon of an ARN or ARN pattern (its resource part); nullopt when
// there are fewer colons.
std::optional<std::string_view> arn_resource_part(std::string_view arn) {
  std::size_t at = 0;
  for (int colon = 0; colon < 5; ++colon) {
    at = arn.find(':', at);
    if (at == std::string_view::npos) return std::nullopt;
    ++at;
  }
  return arn.substr(at);
}

// What every text a pattern (or ARN format) stands for starts with: the text before its first
// wildcard or policy variable.
std::string_view literal_start(std::string_view text) {
  return text.substr(0, std::min(text.find_first_of("*?"), text.find("${")));
}

// Whether a pattern's resource part could match an ARN of the format: their literal starts
// agree as far as both go.
bool could_be_of_format(std::optional<std::string_view> resource, const ResourceFormat& format) {
  if (!resource) return true;
  const std::string_view pattern_start = literal_start(*resource);
  const std::string_view format_start = literal_start(format.resource);
  const std::size_t common = std::min(pattern_start.size(), format_start.size());
  return pattern_start.substr(0, common) == format_start.substr(0, common);
}

// Whether a pattern of `service` (lowercase, perhaps with wildcards) could name a resource
// the target asks about.
bool of_target(std::string_view pattern, const std::string& service, const ResourceTarget& target) {
  if (target.formats.empty())
    return everything(target) ||
           std::any_of(target.services.begin(), target.services.end(),
                       [&](const std::string& wanted) { return wildcard_match(service, wanted); });
  const std::optional<std::string_view> resource = arn_resource_part(pattern);
  return std::any_of(
      target.formats.begin(), target.formats.end(), [&](const ResourceFormat& format) {
        return wildcard_match(service, format.service) && could_be_of_format(resource, format);
      });
}

// "arn:aws:iam::*:user/${aws:username}", "arn:aws:iam::*:user/division/*/${aws:userid}": the
// last path segment is exactly the caller's own name or id, so only the caller's user matches.
bool names_only_the_caller(std::string_view pattern) {
  const std::optional<std::string_view> resource = arn_resource_part(pattern);
  if (!resource) return false;
  const std::size_t slash = resource->rfind('/');
  if (slash == std::string_view::npos) return false;
  const std::string_view last = resource->substr(slash + 1);
  return ascii_iequals(last, "${aws:username}") || ascii_iequals(last, "${aws:userid}");
}

// Whether an Allow naming a pattern of this kind reaches the target.
bool reaches(ResourceReach reach, const ResourceTarget& target) {
  if (reach == ResourceReach::all) return true;
  return !everything(target) && reach == ResourceReach::service_wildcard;
}

ResourceReach classify_element(const Element& item, const ResourceTarget& target) {
  return classify_resource(widest_pattern(item), target);
}

}  // namespace

std::optional<ResourceFormat> parse_resource_format(std::string_view arn_format) {
  const std::string service = ascii_lowercase(arn_service(arn_format));
  const std::optional<std::string_view> resource = arn_resource_part(arn_format);
  if (service.empty() || service.find('$') != std::string::npos || !resource) return std::nullopt;
  return ResourceFormat{service, std::string(*resource)};
}

namespace {

// `list` is "instance|managed-instance".
bool names_type(std::string_view list, std::string_view name) {
  while (!list.empty()) {
    const std::size_t bar = list.find('|');
    if (list.substr(0, bar) == name) return true;
    if (bar == std::string_view::npos) break;
    list.remove_prefix(bar + 1);
  }
  return false;
}

}  // namespace

ResourceTarget action_resources(const ActionCatalog& catalog, ActionId action,
                                std::string_view only_type) {
  ResourceTarget target;
  for (const ActionCatalog::ResourceTypeRef& type : catalog.resource_types(action)) {
    if (!only_type.empty() && !names_type(only_type, type.name)) continue;
    std::optional<ResourceFormat> format = parse_resource_format(type.arn);
    if (!format) continue;
    if (std::find(target.services.begin(), target.services.end(), format->service) ==
        target.services.end())
      target.services.push_back(format->service);
    target.formats.push_back(std::move(*format));
  }
  // No ARN to name: requests carry "*" as their resource.
  target.star_only = target.services.empty();
  return target;
}

bool covers_all_resources(std::string_view pattern) {
  if (only_stars(pattern)) return true;
  if (!pattern.starts_with("arn:")) return false;
  std::string_view rest = pattern.substr(4);
  // Every ARN has at least four colons after "arn:" (partition:service:region:account:
  // resource), and a star also matches colons, so star segments with at most four colons
  // between them match every ARN. A named partition still means every resource in it.
  std::size_t max_colons = 4;
  const std::size_t colon = rest.find(':');
  if (colon != std::string_view::npos && colon > 0 &&
      rest.substr(0, colon).find('*') == std::string_view::npos) {
    rest.remove_prefix(colon + 1);
    max_colons = 3;
  }
  std::size_t colons = 0;
  while (true) {
    const std::size_t next = rest.find(':');
    if (!only_stars(rest.substr(0, next))) return false;
    if (next == std::string_view::npos) break;
    ++colons;
    rest.remove_prefix(next + 1);
  }
  return colons <= max_colons;
}

ResourceReach classify_resource(std::string_view pattern, const ResourceTarget& target) {
  if (target.star_only) return only_stars(pattern) ? ResourceReach::all : ResourceReach::other;
  if (covers_all_resources(pattern)) return ResourceReach::all;
  const std::string service = ascii_lowercase(arn_service(pattern));
  if (service.empty() || !of_target(pattern, service, target)) return ResourceReach::other;
  if (target.excludes_caller && names_only_the_caller(pattern)) return ResourceReach::other;
  return has_wildcard(pattern) ? ResourceReach::service_wildcard : ResourceReach::service_specific;
}

Truth none_could_be_target(const ElementList& patterns, const ResourceTarget& target) {
  if (patterns.unknown) return Truth::unknown;
  Truth result = Truth::true_;
  for (const Element& item : patterns.items) {
    if (!item.is_string || classify_element(item, target) == ResourceReach::other) continue;
    if (!item.unknown) return Truth::false_;
    result = Truth::unknown;
  }
  return result;
}

Truth allow_reaches(const Statement& statement, const ResourceTarget& target) {
  if (statement.unknown) return Truth::unknown;
  if (statement.resource.present) {
    const ElementList& list = statement.resource;
    if (list.unknown) return Truth::unknown;
    Truth result = Truth::false_;
    for (const Element& item : list.items) {
      if (!item.is_string || !reaches(classify_element(item, target), target)) continue;
      if (!item.unknown) return Truth::true_;
      result = Truth::unknown;
    }
    return result;
  }
  if (statement.not_resource.present) {
    // Everything but the listed resources: reaches unless a pattern takes away all targets.
    const ElementList& list = statement.not_resource;
    if (list.unknown) return Truth::unknown;
    Truth result = Truth::true_;
    for (const Element& item : list.items) {
      if (!item.is_string) continue;
      const ResourceReach reach = classify_element(item, target);
      const bool takes_all = reach == ResourceReach::all;
      const bool may_take_all =
          takes_all || (!everything(target) && reach == ResourceReach::service_wildcard);
      if (takes_all && !item.unknown) return Truth::false_;
      if (may_take_all) result = truth_and(result, Truth::unknown);
    }
    return result;
  }
  return Truth::false_;
}

Truth deny_covers(const Statement& statement, const ResourceTarget& target) {
  if (statement.unknown) return Truth::unknown;
  if (statement.resource.present) {
    const ElementList& list = statement.resource;
    if (list.unknown) return Truth::unknown;
    Truth result = Truth::false_;
    for (const Element& item : list.items) {
      if (!item.is_string) continue;
      const ResourceReach reach = classify_element(item, target);
      if (reach == ResourceReach::all && !item.unknown) return Truth::true_;
      if (reach == ResourceReach::all || reaches(reach, target)) result = Truth::unknown;
    }
    return result;
  }
  // Denies everything but the listed resources: covers the targets only when no listed
  // pattern could be one of them.
  if (statement.not_resource.present) return none_could_be_target(statement.not_resource, target);
  return Truth::false_;
}

}  // namespace iacscan::detail::iam
