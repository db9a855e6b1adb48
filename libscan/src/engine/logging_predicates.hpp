// Predicates for logging rules. Two answer "is there anything to judge here?": a Gateway Load
// Balancer cannot write access logs, and an API Gateway deployment without a stage name creates
// no stage. As `all` guards written as attribute tests they would point the finding at the
// value they read (a load balancer's type, a deployment's stage name); a predicate points
// nowhere, so the finding stays where the rest of the condition puts it. The third reads a
// setting from a key/value list (CloudFormation's LoadBalancerAttributes), which a path cannot
// select by key.
#pragma once

#include <string>

#include "engine/builtin_predicates.hpp"

namespace iacscan::detail::predicates {

// True when the load balancer's canonical load_balancer_type is `gateway`; unknown when the
// type is. An absent type is the default (application), never a gateway.
Outcome elb_gateway(const PredicateInput& input);

// True when the judged resource is an aws.apigateway.deployment that creates no stage: its
// canonical stage_name is absent or empty (Terraform's `stage_name = ""` idiom); unknown when
// the name is. False for every other resource.
Outcome apigw_deployment_without_stage(const PredicateInput& input);

// with: {attribute: canonical list of {key, value} maps, key: setting name}. True when the
// setting is off: its entry's value is not true (pointing at the value), or no entry has the
// key, or the list is absent (pointing nowhere). Unknown when the list, the entry's value, or a
// key that might be the setting's is unknown.
Outcome keyed_setting_off(const PredicateInput& input);
std::string keyed_setting_off_arguments(const Value& arguments);

}  // namespace iacscan::detail::predicates
