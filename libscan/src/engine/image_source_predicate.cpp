// Where machine images come from, compared with the organization's approved publishers.
#include <algorithm>
#include <array>
#include <optional>

#include "engine/attribute_path.hpp"
#include "engine/org_accounts.hpp"
#include "engine/org_config_predicates.hpp"
#include "engine/predicate_support.hpp"
#include "value/dynamic_reference.hpp"

namespace iacscan::detail::predicates {
namespace {

constexpr std::string_view kPublicParameters = "/aws/service/";

// Publishers of the public SSM parameters that are not Amazon itself, by path.
struct Publisher {
  std::string_view path;   // below /aws/service/
  std::string_view owner;  // the AMI owner account
};
constexpr auto kOtherPublishers = std::to_array<Publisher>({
    {"canonical/", "099720109477"},  // Ubuntu
    {"debian/", "136693071363"},
});

// The SSM parameter an image is read from: Terraform's "resolve:ssm:<name>" image id, or a
// CloudFormation dynamic reference ({{resolve:ssm:...}}, an SSM parameter type) whose reason
// quotes the parameter.
std::optional<std::string> ssm_parameter(const Value& image) {
  if (image.is_string() && image.text().starts_with("resolve:ssm:")) return image.text().substr(12);
  if (dynamic_reference_service(image) != "ssm") return std::nullopt;
  const std::string& reason = image.text();
  const std::size_t at = reason.find(kPublicParameters);
  // A private parameter: its name does not matter, only that it is not a public one.
  return at == std::string::npos ? std::string("private") : reason.substr(at);
}

// The owner of the images a public SSM parameter points to ("amazon" for AWS's own).
std::string_view public_parameter_owner(std::string_view parameter) {
  const std::string_view below = parameter.substr(kPublicParameters.size());
  for (const Publisher& p : kOtherPublishers)
    if (below.starts_with(p.path)) return p.owner;
  return "amazon";
}

bool approved(const OrganizationFacts& facts, std::string_view owner) {
  return std::find(facts.approved_ami_owners.begin(), facts.approved_ami_owners.end(), owner) !=
         facts.approved_ami_owners.end();
}

Outcome pointing(Truth truth, const Value* image, std::string attribute, std::string detail) {
  Outcome o;
  o.truth = truth;
  o.witness = image;
  o.attribute = std::move(attribute);
  o.detail = std::move(detail);
  return o;
}

}  // namespace

Outcome image_source_not_approved(const PredicateInput& input) {
  const std::string& attribute = input.arguments.find("attribute")->text();
  const OrganizationFacts* facts = organization_facts(input);
  if (facts == nullptr) return undecided(attribute, {}, "the approved image owners are not known");
  Outcome maybe;
  for (const Value* image : resolve_all(input.subject, split_path(attribute))) {
    if (const std::optional<std::string> parameter = ssm_parameter(*image)) {
      // The organization's own parameter is where its image pipeline publishes.
      if (!parameter->starts_with(kPublicParameters)) continue;
      const std::string_view owner = public_parameter_owner(*parameter);
      if (approved(*facts, owner)) continue;
      return pointing(Truth::true_, image, attribute,
                      "SSM parameter " + *parameter + " names images of " + std::string(owner) +
                          ", not an approved owner");
    }
    if (image->is_unknown()) {
      if (maybe.truth != Truth::unknown) maybe = pointing(Truth::unknown, image, attribute, {});
      continue;
    }
    if (image->is_string() && image->text().starts_with("ami-"))
      return pointing(Truth::true_, image, attribute,
                      "hard-coded image " + image->text() +
                          ", whose owner cannot be checked against the approved owners");
  }
  return maybe;
}

}  // namespace iacscan::detail::predicates
