// SAM expansion: Globals merge (samtranslator plugins/globals/globals.py), execution roles,
// function URLs and the implicit ServerlessRestApi / ServerlessHttpApi that Api and HttpApi
// events without an explicit API create. Generated resources follow their SAM resource.
#include "cloudformation/serverless.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>

#include "cloudformation/serverless_role.hpp"
#include "cloudformation/value_ops.hpp"

namespace iacscan::detail {
namespace {

constexpr std::string_view kSamTransform = "AWS::Serverless-2016-10-31";
constexpr std::string_view kServerlessPrefix = "AWS::Serverless::";

// The logical id a Ref or Fn::GetAtt ("X.Attr" or [X, Attr]) names, if it is a resource.
std::string referenced_resource(const Value::Entry& call, const Value& resources) {
  const Value& argument = call.value;
  std::string id;
  if (call.key == "Ref" && argument.is_string()) id = argument.text();
  if (call.key == "Fn::GetAtt" && argument.is_string())
    id = argument.text().substr(0, argument.text().find('.'));
  if (call.key == "Fn::GetAtt" && argument.is_list() && !argument.items().empty() &&
      argument.items().front().is_string())
    id = argument.items().front().text();
  return resources.find(id) != nullptr ? id : std::string();
}

// The default Globals resolver: intrinsic functions become unknown values that still
// reference the resources they name.
void unknown_intrinsics(Value& value, const Value& resources) {
  if (is_intrinsic(value, /*in_condition=*/true)) {
    const Value::Entry& call = value.entries().front();
    std::string target = referenced_resource(call, resources);
    Value unknown = Value::unknown(call.key + " in Globals is not evaluated", value.span);
    if (!target.empty()) unknown.refs.push_back(std::move(target));
    value = std::move(unknown);
    return;
  }
  for (Value& item : value.items()) unknown_intrinsics(item, resources);
  for (Value::Entry& entry : value.entries()) unknown_intrinsics(entry.value, resources);
}

// SAM's merge of a Globals value with the resource's own: maps merge key by key (the resource
// wins), lists concatenate (Globals first, no de-duplication), anything else is the
// resource's value.
Value merge_global(const Value& global, Value local) {
  if (global.is_map() && local.is_map()) {
    Value merged = global;
    if (local.span.valid()) merged.span = local.span;
    for (Value::Entry& entry : local.entries()) {
      Value* existing = merged.find(entry.key);
      if (existing == nullptr) {
        merged.entries().push_back(std::move(entry));
        continue;
      }
      *existing = merge_global(*existing, std::move(entry.value));
      for (Value::Entry& target : merged.entries()) {
        if (target.key == entry.key) target.key_span = entry.key_span;
      }
    }
    return merged;
  }
  if (global.is_list() && local.is_list()) {
    Value::List items = global.items();
    for (Value& item : local.items()) items.push_back(std::move(item));
    local.items() = std::move(items);
  }
  return local;
}

Span key_to_value(const Span& key, const Span& value) {
  if (!key.valid()) return value;
  return Span{key.file, Range{key.range.start_line, key.range.start_column, value.range.end_line,
                              value.range.end_column}};
}

const Value::Entry* find_entry(const Value& map, std::string_view key) {
  for (const Value::Entry& entry : map.entries()) {
    if (entry.key == key) return &entry;
  }
  return nullptr;
}

// A property that is present and not null.
const Value* set_property(const Resource& r, std::string_view key) {
  const Value* v = r.attributes.find(key);
  return v != nullptr && !v->is_null() ? v : nullptr;
}

void set_property(Resource& r, std::string key, Value value) {
  if (r.attributes.is_map()) r.attributes.set(std::move(key), std::move(value));
}

Value string_value(std::string_view s, const Span& span) {
  return Value::string(std::string(s), span);
}

Value managed_arn(std::string_view name, const Span& span) {
  return Value::string(managed_policy_arn(name), span);
}

// SAM's DeadLetterQueuePolicy: the function may send to its dead-letter queue or topic.
std::optional<Value> dead_letter_policy(const Resource& fn) {
  const Value* dlq = set_property(fn, "DeadLetterQueue");
  if (dlq == nullptr || !dlq->is_map()) return std::nullopt;
  const Value* type = dlq->find("Type");
  const Value* target = dlq->find("TargetArn");
  if (type == nullptr || !type->is_string() || target == nullptr) return std::nullopt;
  const std::string_view action = type->text() == "SQS"   ? "sqs:SendMessage"
                                  : type->text() == "SNS" ? "sns:Publish"
                                                          : "";
  if (action.empty()) return std::nullopt;
  const Span& span = dlq->span;
  Value statement = Value::map({}, span);
  statement.set("Action", string_value(action, type->span));
  statement.set("Resource", *target);
  statement.set("Effect", string_value("Allow", span));
  Value document = Value::map({}, span);
  document.set("Version", string_value("2012-10-17", span));
  document.set("Statement", Value::list({std::move(statement)}, span));
  Value policy = Value::map({}, span);
  policy.set("PolicyName", string_value("DeadLetterQueuePolicy", span));
  policy.set("PolicyDocument", std::move(document));
  return policy;
}

// What samtranslator's SamFunction._construct_role adds before the Policies property: the
// basic execution policy, X-Ray when Tracing is set, VPC access when VpcConfig is, and the
// dead-letter policy. (The X-Ray policy is AWSXrayWriteOnlyAccess in the aws partition.)
ExecutionRoleSpec function_role_spec(const Resource& fn) {
  ExecutionRoleSpec spec{"lambda.amazonaws.com", {}, {}};
  spec.managed_policy_arns.push_back(managed_arn("AWSLambdaBasicExecutionRole", fn.span));
  if (const Value* tracing = set_property(fn, "Tracing")) {
    spec.managed_policy_arns.push_back(managed_arn("AWSXrayWriteOnlyAccess", tracing->span));
  }
  if (const Value* vpc = set_property(fn, "VpcConfig")) {
    spec.managed_policy_arns.push_back(managed_arn("AWSLambdaVPCAccessExecutionRole", vpc->span));
  }
  if (auto policy = dead_letter_policy(fn)) spec.inline_policies.push_back(std::move(*policy));
  return spec;
}

// A state machine with Tracing.Enabled: true also gets the X-Ray policy (SAM checks for the
// boolean exactly).
ExecutionRoleSpec state_machine_role_spec(const Resource& sm) {
  ExecutionRoleSpec spec{"states.amazonaws.com", {}, {}};
  const Value* tracing = set_property(sm, "Tracing");
  const Value* enabled = tracing != nullptr ? tracing->find("Enabled") : nullptr;
  if (enabled != nullptr && enabled->is_bool() && enabled->as_bool()) {
    spec.managed_policy_arns.push_back(managed_arn("AWSXrayWriteOnlyAccess", enabled->span));
  }
  return spec;
}

// FunctionUrlConfig becomes an AWS::Lambda::Url "<Function>Url" located at the config.
Resource function_url(const Resource& fn, const Value::Entry& config) {
  Resource url;
  url.format = fn.format;
  url.scope = fn.scope;
  url.native_type = "AWS::Lambda::Url";
  url.address = fn.address + "Url";
  url.span = key_to_value(config.key_span, config.value.span);
  url.name_span = config.key_span.valid() ? config.key_span : fn.name_span;
  url.skips = fn.skips;  // written on the function, meant for what SAM makes of it
  Value attributes = Value::map({}, config.value.span);
  for (std::string_view key : {"AuthType", "Cors", "InvokeMode"}) {
    const Value* v = config.value.find(key);
    if (v != nullptr && !v->is_null()) attributes.set(std::string(key), *v);
  }
  Value target = Value::unknown("ARN of function " + fn.address, fn.span);
  target.refs.push_back(fn.address);
  attributes.set("TargetFunctionArn", std::move(target));
  url.attributes = std::move(attributes);
  return url;
}

// The API SAM creates for Api / HttpApi events that name no API of their own.
struct ImplicitApi {
  std::string_view event_type;
  std::string_view address;
  std::string_view native_type;
  std::string_view globals_section;
  std::string_view api_id_property;  // the event property that names an explicit API
};

constexpr ImplicitApi kImplicitApis[] = {
    {"Api", "ServerlessRestApi", "AWS::Serverless::Api", "Api", "RestApiId"},
    {"HttpApi", "ServerlessHttpApi", "AWS::Serverless::HttpApi", "HttpApi", "ApiId"},
};

const ImplicitApi* implicit_api_for(const Value& event) {
  const Value* type = event.find("Type");
  if (type == nullptr || !type->is_string()) return nullptr;
  for (const ImplicitApi& api : kImplicitApis) {
    if (type->text() != api.event_type) continue;
    const Value* properties = event.find("Properties");
    const Value* id = properties != nullptr ? properties->find(api.api_id_property) : nullptr;
    return id != nullptr && !id->is_null() ? nullptr : &api;
  }
  return nullptr;
}

std::string scoped_key(const std::string& scope, std::string_view address) {
  std::string key = scope;
  key.push_back('\0');
  return key.append(address);
}

class SamExpander {
 public:
  SamExpander(const Value& root, const GlobalsResolver& resolve_globals) {
    const Value* globals = root.find("Globals");
    if (globals != nullptr && globals->is_map()) globals_ = resolve_globals(*globals);
  }

  std::vector<Resource> run(std::vector<Resource>& resources) {
    for (const Resource& r : resources) taken_.insert(scoped_key(r.scope, r.address));
    std::vector<Resource> out;
    out.reserve(resources.size());
    for (Resource& r : resources) {
      std::vector<Resource> generated;
      if (r.format == SourceFormat::cloudformation &&
          r.native_type.rfind(kServerlessPrefix, 0) == 0)
        expand(r, generated);
      out.push_back(std::move(r));
      for (Resource& g : generated) out.push_back(std::move(g));
    }
    return out;
  }

 private:
  void expand(Resource& r, std::vector<Resource>& generated) {
    const std::string_view type = std::string_view(r.native_type).substr(kServerlessPrefix.size());
    if (type == "Function" || type == "StateMachine" || type == "Api" || type == "HttpApi" ||
        type == "SimpleTable") {
      merge_globals(r, type);
    }
    if (type == "Function") expand_function(r, generated);
    if (type == "StateMachine") expand_state_machine(r, generated);
  }

  void expand_function(Resource& fn, std::vector<Resource>& generated) {
    if (set_property(fn, "Role") == nullptr) {
      add(make_execution_role(fn, function_role_spec(fn)), generated);
      set_property(fn, "Role", execution_role_arn(fn));
    }
    const Value::Entry* url = find_entry(fn.attributes, "FunctionUrlConfig");
    if (url != nullptr && url->value.is_map()) add(function_url(fn, *url), generated);
    add_implicit_apis(fn, generated);
  }

  void expand_state_machine(Resource& sm, std::vector<Resource>& generated) {
    if (set_property(sm, "Role") == nullptr) {
      add(make_execution_role(sm, state_machine_role_spec(sm)), generated);
      set_property(sm, "Role", execution_role_arn(sm));
    }
    add_implicit_apis(sm, generated);
  }

  void add_implicit_apis(const Resource& owner, std::vector<Resource>& generated) {
    const Value* events = set_property(owner, "Events");
    if (events == nullptr) return;
    for (const Value::Entry& event : events->entries()) {
      const ImplicitApi* api = implicit_api_for(event.value);
      if (api == nullptr || taken_.count(scoped_key(owner.scope, api->address)) != 0) continue;
      add(implicit_api(owner, event, *api), generated);
    }
  }

  // Located at the first event that implies it; it inherits the Globals of its type.
  Resource implicit_api(const Resource& owner, const Value::Entry& event,
                        const ImplicitApi& api) const {
    Resource r;
    r.format = owner.format;
    r.scope = owner.scope;
    r.native_type = std::string(api.native_type);
    r.address = std::string(api.address);
    r.span = key_to_value(event.key_span, event.value.span);
    r.name_span = event.key_span.valid() ? event.key_span : owner.name_span;
    r.attributes = Value::map({}, event.value.span);
    merge_globals(r, api.globals_section);
    return r;
  }

  void merge_globals(Resource& r, std::string_view section) const {
    const Value* global = globals_.find(section);
    if (global != nullptr && global->is_map())
      r.attributes = merge_global(*global, std::move(r.attributes));
  }

  // A template that declares a generated logical id itself keeps its own resource.
  void add(Resource generated, std::vector<Resource>& out) {
    if (!taken_.insert(scoped_key(generated.scope, generated.address)).second) return;
    out.push_back(std::move(generated));
  }

  Value globals_ = Value::map({});
  std::unordered_set<std::string> taken_;
};

}  // namespace

bool is_serverless_template(const Value& template_root) {
  const Value* transform = template_root.find("Transform");
  if (transform == nullptr) return false;
  if (transform->is_string()) return transform->text() == kSamTransform;
  for (const Value& item : transform->items()) {
    if (item.is_string() && item.text() == kSamTransform) return true;
  }
  return false;
}

void expand_serverless(std::vector<Resource>& resources, const Value& template_root) {
  const Value* declared = template_root.find("Resources");
  const Value no_resources = Value::map({});
  const Value& resource_ids = declared != nullptr ? *declared : no_resources;
  expand_serverless(resources, template_root, [&resource_ids](const Value& globals) {
    Value resolved = globals;
    unknown_intrinsics(resolved, resource_ids);
    return resolved;
  });
}

void expand_serverless(std::vector<Resource>& resources, const Value& template_root,
                       const GlobalsResolver& resolve_globals) {
  if (!is_serverless_template(template_root)) return;
  resources = SamExpander(template_root, resolve_globals).run(resources);
}

}  // namespace iacscan::detail
