// iacscan-iam-eval: evaluates requests against service control policies with the IAM request
// evaluator (libscan/src/iam/request_evaluator.hpp) and prints one JSON line per request. It
// feeds the differential test against @cloud-copilot/iam-simulate (tests/iam-diff/). Private
// tool: it reaches into libscan's internal headers.
//
// Input (a file, or "-" for stdin):
//   { "scps": [ [ "path/to/scp.json" or {policy object}, ... ], ... ],   // root first
//     "requests": [ { "action": "s3:GetObject", "resource": "arn:...", "principal": "arn:...",
//                     "region": "us-east-1", "context": { "aws:TagKeys": ["a", "b"], ... },
//                     "context_complete": true } ],
//     "guardrails": [ { "action": "organizations:LeaveOrganization", "resource": "*",
//                       "region": "" } ] }
// Paths are relative to the input file. A context value given as a list is a set-valued key.
// A request without "context_complete" has a complete context: keys not given are absent.
// Output: {"request":0,"decision":"denied","explicit":true,"decisive":[[level,policy,statement]],
//          "unknown_keys":[]} per request, then {"guardrail":0,"denied":"true",...} per guardrail.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "iam/policy.hpp"
#include "iam/request_evaluator.hpp"
#include "iam/scp_guardrail.hpp"
#include "value/json_reader.hpp"

namespace {

using namespace iacscan::detail;
using namespace iacscan::detail::iam;
using nlohmann::json;

struct Failure {
  std::string message;
};

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Failure{"cannot read " + path.string()};
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

Value parse_json(const std::string& text, FileId file, const std::string& name) {
  ReadResult parsed = read_json(text, file);
  if (!parsed.ok())
    throw Failure{name + ":" + std::to_string(parsed.error->line) + ": " + parsed.error->message};
  return std::move(*parsed.value);
}

std::string text_of(const Value* v) {
  return v && v->is_string() ? v->text() : std::string();
}

Request read_request(const Value& v) {
  Request r;
  r.action = text_of(v.find("action"));
  if (const Value* resource = v.find("resource"); resource && resource->is_string())
    r.resource = resource->text();
  if (text_of(v.find("resource_scope")) == "every") r.resource_scope = ResourceScope::every;
  r.principal_arn = text_of(v.find("principal"));
  r.region = text_of(v.find("region"));
  const Value* complete = v.find("context_complete");
  r.context_complete = !complete || !complete->is_bool() || complete->as_bool();
  if (const Value* context = v.find("context"); context && context->is_map()) {
    for (const Value::Entry& entry : context->entries()) {
      std::vector<std::string> values;
      if (entry.value.is_list()) {
        for (const Value& item : entry.value.items()) values.push_back(item.to_display_string());
      } else {
        values.push_back(entry.value.to_display_string());
      }
      r.set(entry.key, std::move(values), entry.value.is_list());
    }
  }
  return r;
}

json refs_json(const std::vector<StatementRef>& refs) {
  json out = json::array();
  for (const StatementRef& ref : refs) {
    out.push_back({ref.level, ref.policy,
                   ref.statement == kNoStatement ? json(nullptr) : json(ref.statement)});
  }
  return out;
}

std::string truth_name(Truth t) {
  return t == Truth::true_ ? "true" : t == Truth::false_ ? "false" : "unknown";
}

int run(const std::string& input_path) {
  const bool from_stdin = input_path == "-";
  std::string text;
  if (from_stdin) {
    std::ostringstream buffer;
    buffer << std::cin.rdbuf();
    text = buffer.str();
  } else {
    text = read_file(input_path);
  }
  const std::filesystem::path base = from_stdin ? std::filesystem::current_path()
                                                : std::filesystem::path(input_path).parent_path();
  const Value input = parse_json(text, 0, input_path);

  // Policies are kept at stable addresses: the levels point at them.
  std::vector<std::unique_ptr<Policy>> policies;
  std::vector<ScpLevel> levels;
  FileId next_file = 1;
  if (const Value* scps = input.find("scps"); scps && scps->is_list()) {
    for (const Value& level_value : scps->items()) {
      ScpLevel level;
      level.name = "level " + std::to_string(levels.size());
      for (const Value& item : level_value.items()) {
        if (item.is_string()) {
          const std::filesystem::path path = base / item.text();
          policies.push_back(std::make_unique<Policy>(
              read_policy(parse_json(read_file(path), next_file++, path.string()))));
        } else {
          policies.push_back(std::make_unique<Policy>(read_policy(item)));
        }
        level.policies.push_back(policies.back().get());
      }
      levels.push_back(std::move(level));
    }
  }

  std::size_t index = 0;
  if (const Value* requests = input.find("requests"); requests && requests->is_list()) {
    for (const Value& request_value : requests->items()) {
      const ScpDecision d = evaluate_scps(read_request(request_value), levels);
      json line{{"request", index++},
                {"decision", verdict_name(d.verdict)},
                {"explicit", d.explicit_deny},
                {"decisive", refs_json(d.decisive)},
                {"unknown_keys", d.unknown_keys}};
      if (d.level_without_allow) line["level_without_allow"] = *d.level_without_allow;
      std::cout << line.dump() << '\n';
    }
  }
  index = 0;
  if (const Value* guardrails = input.find("guardrails"); guardrails && guardrails->is_list()) {
    for (const Value& g : guardrails->items()) {
      GuardrailQuery query;
      query.action = text_of(g.find("action"));
      if (const Value* resource = g.find("resource"); resource && resource->is_string())
        query.resource = resource->text();
      query.region = text_of(g.find("region"));
      const GuardrailResult r = is_denied_except(levels, query);
      json exceptions = json::array();
      for (const GuardrailException& e : r.exceptions) {
        exceptions.push_back({{"kind", exception_kind_name(e.kind)},
                              {"op", e.op},
                              {"key", e.key},
                              {"values", e.values},
                              {"statement", refs_json({e.statement})[0]}});
      }
      std::cout << json{{"guardrail", index++},        {"denied", truth_name(r.denied)},
                        {"explicit", r.explicit_deny}, {"denying", refs_json(r.denying_statements)},
                        {"exceptions", exceptions},    {"unknown_keys", r.unknown_keys}}
                       .dump()
                << '\n';
    }
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: iacscan-iam-eval INPUT.json|-\n";
    return 2;
  }
  try {
    return run(argv[1]);
  } catch (const Failure& f) {
    std::cerr << "iacscan-iam-eval: " << f.message << '\n';
    return 2;
  }
}
