// Terraform plan JSON: detection, planned resources with their addresses, values known only
// after apply, references from the configuration snapshot, hostile shapes, and mapping plan
// positions back to the .tf sources.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "terraform/plan_loader.hpp"
#include "terraform/plan_source_map.hpp"
#include "value/json_reader.hpp"

using iacscan::DiagnosticCode;
using iacscan::detail::FileId;
using iacscan::detail::LoadedFile;
using iacscan::detail::Range;
using iacscan::detail::read_json;
using iacscan::detail::ReadResult;
using iacscan::detail::Resource;
using iacscan::detail::Skip;
using iacscan::detail::SourceFile;
using iacscan::detail::SourceFormat;
using iacscan::detail::Span;
using iacscan::detail::Value;
using iacscan::detail::tf::address_steps;
using iacscan::detail::tf::load_terraform_plan;
using iacscan::detail::tf::looks_like_terraform_plan;
using iacscan::detail::tf::map_plan_to_sources;
using iacscan::detail::tf::without_instance_keys;

namespace {

using Refs = std::vector<std::string>;

constexpr FileId kPlanFile = 3;
constexpr FileId kSourceFile = 9;
const char* const kFixturePath = "fixtures/terraform/plan/plan.json";

std::string fixture_text() {
  std::ifstream in(std::string(IACSCAN_SOURCE_DIR) + "/" + kFixturePath, std::ios::binary);
  REQUIRE(in.good());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

Value parse(const std::string& text) {
  ReadResult result = read_json(text, kPlanFile);
  INFO("input: " << text);
  REQUIRE(result.ok());
  return *result.value;
}

LoadedFile load_plan(const std::string& text, const std::string& path = kFixturePath) {
  SourceFile file;
  file.id = kPlanFile;
  file.path = path;
  file.content = text;
  return load_terraform_plan(file, parse(text));
}

// 1-based line of the `nth` occurrence of `needle` in `text`.
std::uint32_t line_of(const std::string& text, const std::string& needle, int nth = 0) {
  std::size_t at = text.find(needle);
  for (int i = 0; i < nth && at != std::string::npos; ++i) at = text.find(needle, at + 1);
  REQUIRE_MESSAGE(at != std::string::npos, "not in the text: ", needle);
  return 1 + static_cast<std::uint32_t>(std::count(text.begin(), text.begin() + at, '\n'));
}

const Resource& resource(const LoadedFile& loaded, const std::string& address) {
  for (const Resource& r : loaded.resources) {
    if (r.address == address) return r;
  }
  FAIL("no resource ", address);
  return loaded.resources.front();
}

const Value& at(const Value& map, std::string_view key) {
  const Value* value = map.find(key);
  REQUIRE_MESSAGE(value != nullptr, "missing key ", std::string(key));
  return *value;
}

std::vector<std::string> addresses(const LoadedFile& loaded) {
  std::vector<std::string> out;
  for (const Resource& r : loaded.resources) out.push_back(r.address);
  return out;
}

// Calls f on a value and everything inside it, with the key spans of map entries.
void visit(const Value& value, const std::function<void(const Span&)>& f) {
  f(value.span);
  for (const Value& item : value.items()) visit(item, f);
  for (const Value::Entry& entry : value.entries()) {
    f(entry.key_span);
    visit(entry.value, f);
  }
}

bool all_spans_in(const Value& value, FileId file) {
  bool ok = true;
  visit(value, [&](const Span& span) { ok = ok && span.valid() && span.file == file; });
  return ok;
}

Span span(std::uint32_t line, std::uint32_t column, std::uint32_t end_column) {
  return Span{kSourceFile, Range{line, column, line, end_column}};
}

// Source values as the .tf loader makes them, positioned at `line`.
Value str(std::string text, std::uint32_t line) {
  return Value::string(std::move(text), span(line, 12, 30));
}
Value num(double n, std::uint32_t line) {
  return Value::number(n, std::to_string(static_cast<int>(n)), span(line, 12, 14));
}
Value::Entry entry(std::string key, Value value) {
  const std::uint32_t line = value.span.range.start_line;
  return Value::Entry{std::move(key), span(line, 3, 10), std::move(value)};
}

Resource source(std::string type, std::string address, std::uint32_t first_line,
                std::uint32_t last_line, Value::Map attributes) {
  Resource r;
  r.native_type = std::move(type);
  r.address = std::move(address);
  r.scope = "fixtures/terraform/plan";
  r.span = Span{kSourceFile, Range{first_line, 1, last_line, 1}};
  r.name_span = span(first_line, 10, 40);
  r.attributes = Value::map(std::move(attributes), r.span);
  return r;
}

}  // namespace

TEST_CASE("tf plan: detection needs both versions and a plan section") {
  CHECK(looks_like_terraform_plan(parse(fixture_text())));
  CHECK(looks_like_terraform_plan(
      parse(R"({"format_version":"1.0","terraform_version":"1.5.0","resource_changes":[]})")));
  CHECK(looks_like_terraform_plan(
      parse(R"({"format_version":"0.1","terraform_version":"0.12.0","configuration":{}})")));
  // A state file (`terraform show -json` without a plan) has "values" instead.
  CHECK_FALSE(looks_like_terraform_plan(
      parse(R"({"format_version":"1.0","terraform_version":"1.5.0","values":{}})")));
  CHECK_FALSE(looks_like_terraform_plan(parse(R"({"format_version":"1.0","planned_values":{}})")));
  CHECK_FALSE(
      looks_like_terraform_plan(parse(R"({"terraform_version":"1.5.0","planned_values":{}})")));
  CHECK_FALSE(looks_like_terraform_plan(parse(R"({"AWSTemplateFormatVersion":"2010-09-09"})")));
  CHECK_FALSE(looks_like_terraform_plan(parse(R"([{"format_version":"1.0"}])")));
  CHECK_FALSE(looks_like_terraform_plan(parse("\"format_version\"")));

  // Not a plan: the loader declines it without diagnostics.
  LoadedFile loaded = load_plan(R"({"Resources":{}})");
  CHECK_FALSE(loaded.is_iac);
  CHECK(loaded.resources.empty());
  CHECK(loaded.diagnostics.empty());
}

TEST_CASE("tf plan: one resource per managed instance, in module order, data sources skipped") {
  const std::string text = fixture_text();
  LoadedFile loaded = load_plan(text);
  CHECK(loaded.is_iac);
  CHECK(loaded.diagnostics.empty());
  CHECK(addresses(loaded) == Refs{
                                 "aws_s3_bucket.b",
                                 "aws_s3_bucket.logs[0]",
                                 "aws_s3_bucket.logs[1]",
                                 "aws_s3_bucket_acl.bucket",
                                 "aws_s3_bucket_acl.logs[0]",
                                 "aws_s3_bucket_acl.logs[1]",
                                 "aws_security_group.web",
                                 "module.vpc.aws_subnet.private",
                                 "module.vpc.aws_vpc.this[\"a\"]",
                                 "module.vpc.module.flow[0].aws_cloudwatch_log_group.flow",
                             });
  for (const Resource& r : loaded.resources) {
    CHECK(r.format == SourceFormat::terraform);
    CHECK(r.scope == std::string("plan:") + kFixturePath);
    CHECK(r.span.file == kPlanFile);
    CHECK(r.skips.empty());
    CHECK(r.attributes.is_map());
    CHECK(all_spans_in(r.attributes, kPlanFile));
  }
  CHECK(resource(loaded, "aws_s3_bucket.b").native_type == "aws_s3_bucket");
  CHECK(resource(loaded, "module.vpc.aws_vpc.this[\"a\"]").native_type == "aws_vpc");

  // Positions in the plan file: the resource object, its address, each value.
  const Resource& bucket = resource(loaded, "aws_s3_bucket.b");
  const std::uint32_t address_line = line_of(text, R"("address": "aws_s3_bucket.b",)");
  CHECK(bucket.span.range.start_line == address_line - 1);
  CHECK(bucket.span.range.end_line == line_of(text, R"("address": "aws_s3_bucket.logs[0]")") - 2);
  CHECK(bucket.name_span.range.start_line == address_line);
  CHECK(bucket.name_span.range.start_column == 22);
  const Value& name = at(bucket.attributes, "bucket");
  CHECK(name.text() == "plan-example-bucket");
  CHECK(name.span.range.start_line == line_of(text, R"("bucket": "plan-example-bucket")"));
  CHECK(at(bucket.attributes, "force_destroy").is_bool());
  CHECK(at(bucket.attributes, "tags").is_null());
  CHECK(at(bucket.attributes, "tags").span.valid());

  const Resource& flow =
      resource(loaded, "module.vpc.module.flow[0].aws_cloudwatch_log_group.flow");
  CHECK(at(flow.attributes, "retention_in_days").as_number() == 90);
}

TEST_CASE("tf plan: after_unknown makes values unknown, creating the ones the plan omits") {
  const std::string text = fixture_text();
  LoadedFile loaded = load_plan(text);
  const Value& bucket = resource(loaded, "aws_s3_bucket.b").attributes;
  for (const char* key : {"arn", "grant", "id", "tags_all", "versioning"}) {
    INFO(key);
    const Value& value = at(bucket, key);
    CHECK(value.is_unknown());
    CHECK(value.text() == "known after apply");
    CHECK(value.span.file == kPlanFile);
  }
  CHECK(at(bucket, "arn").span.range.start_line == line_of(text, R"("arn": true)"));
  CHECK(at(bucket, "bucket").is_string());  // false/absent marks leave known values alone

  // Nested: a list of objects, one mark object per element.
  const Value& ingress = at(resource(loaded, "aws_security_group.web").attributes, "ingress");
  REQUIRE(ingress.items().size() == 2);
  for (const Value& rule : ingress.items()) {
    CHECK(at(rule, "ipv6_cidr_blocks").is_unknown());
    CHECK(at(rule, "cidr_blocks").is_list());
    CHECK(at(rule, "cidr_blocks").is_fully_known());
  }
  CHECK(at(ingress.items()[0], "from_port").as_number() == 80);

  const Value& acl = resource(loaded, "aws_s3_bucket_acl.bucket").attributes;
  CHECK(at(acl, "acl").text() == "public-read");
  CHECK(at(acl, "bucket").is_unknown());
  CHECK(at(acl, "access_control_policy").is_unknown());
}

TEST_CASE("tf plan: references from the configuration become refs to planned instances") {
  LoadedFile loaded = load_plan(fixture_text());
  // Attribute names dropped; only the resource address is kept.
  CHECK(at(resource(loaded, "aws_s3_bucket_acl.bucket").attributes, "bucket").refs ==
        Refs{"aws_s3_bucket.b"});
  // `aws_s3_bucket.logs[count.index]`: the instance with the referrer's own key.
  CHECK(at(resource(loaded, "aws_s3_bucket_acl.logs[0]").attributes, "bucket").refs ==
        Refs{"aws_s3_bucket.logs[0]"});
  CHECK(at(resource(loaded, "aws_s3_bucket_acl.logs[1]").attributes, "bucket").refs ==
        Refs{"aws_s3_bucket.logs[1]"});
  CHECK(at(resource(loaded, "aws_s3_bucket_acl.logs[1]").attributes, "acl").refs.empty());
  // Inside a module: module-prefixed, with the key the reference spells out.
  const Value& subnet = resource(loaded, "module.vpc.aws_subnet.private").attributes;
  CHECK(at(subnet, "vpc_id").is_unknown());
  CHECK(at(subnet, "vpc_id").refs == Refs{"module.vpc.aws_vpc.this[\"a\"]"});
  CHECK(at(subnet, "cidr_block").refs.empty());  // var.cidr is not a resource
  CHECK(at(subnet, "cidr_block").text() == "10.0.1.0/24");
  const Value& group =
      resource(loaded, "module.vpc.module.flow[0].aws_cloudwatch_log_group.flow").attributes;
  CHECK(at(group, "name").is_unknown());
  CHECK(at(group, "name").refs.empty());
  // count.index is no resource either.
  CHECK(at(resource(loaded, "aws_s3_bucket.logs[1]").attributes, "bucket").refs.empty());
}

TEST_CASE("tf plan: reference resolution in nested blocks, modules and unplanned targets") {
  const std::string text = R"({
  "format_version": "1.2", "terraform_version": "1.8.0",
  "planned_values": {"root_module": {
    "resources": [
      {"address": "aws_kms_key.k[0]", "mode": "managed", "type": "aws_kms_key", "name": "k",
       "values": {}},
      {"address": "aws_kms_key.k[1]", "mode": "managed", "type": "aws_kms_key", "name": "k",
       "values": {}},
      {"address": "aws_iam_role.r", "mode": "managed", "type": "aws_iam_role", "name": "r",
       "values": {}},
      {"address": "aws_s3_bucket_sse.e", "mode": "managed", "type": "aws_s3_bucket_sse",
       "name": "e",
       "values": {"rule": [{"apply": [{"alg": "aws:kms"}], "flag": true},
                           {"apply": [{"alg": "AES256"}]}],
                  "single": {"role": null},
                  "mismatch": [{"a": 1}, {"a": 2}],
                  "policy": "{}"}}
    ],
    "child_modules": [{"address": "module.m[\"x\"]", "resources": [
      {"address": "module.m[\"x\"].aws_sqs_queue.q", "mode": "managed", "type": "aws_sqs_queue",
       "name": "q", "values": {"kms": "k"}},
      {"address": "module.m[\"x\"].aws_kms_key.k", "mode": "managed", "type": "aws_kms_key",
       "name": "k", "values": {}}
    ]}]
  }},
  "configuration": {"root_module": {
    "resources": [
      {"address": "aws_s3_bucket_sse.e", "mode": "managed", "type": "aws_s3_bucket_sse",
       "name": "e", "expressions": {
         "rule": [
           {"apply": [{"alg": {"references": ["aws_kms_key.k[1].arn", "aws_kms_key.k[1]",
                                               "aws_kms_key.k"]}}],
            "flag": {"constant_value": true}},
           {"apply": [{"alg": {"constant_value": "AES256"}}]}],
         "single": {"role": {"references": ["aws_iam_role.r.arn", "aws_iam_role.r"]}},
         "mismatch": [{"a": {"references": ["aws_iam_role.r"]}}],
         "policy": {"references": ["data.aws_iam_policy_document.p.json",
                                   "data.aws_iam_policy_document.p", "aws_kms_key.k",
                                   "module.other.out", "module.other", "local.l", "each.key",
                                   "path.module", "self.id", "terraform.workspace",
                                   "ephemeral.random_password.p"]},
         "kms_key": {"references": ["aws_kms_key.k[0].arn", "aws_kms_key.k[0]",
                                    "aws_kms_key.k"]}
       }}
    ],
    "module_calls": {"m": {"module": {"resources": [
      {"address": "aws_sqs_queue.q", "mode": "managed", "type": "aws_sqs_queue", "name": "q",
       "expressions": {"kms": {"references": ["aws_kms_key.k.id", "aws_kms_key.k"]}}}
    ]}}}
  }}
})";
  LoadedFile loaded = load_plan(text, "plan.json");
  const Value& sse = resource(loaded, "aws_s3_bucket_sse.e").attributes;
  const Value& rules = at(sse, "rule");
  REQUIRE(rules.items().size() == 2);
  CHECK(at(at(rules.items()[0], "apply").items()[0], "alg").refs == Refs{"aws_kms_key.k[1]"});
  CHECK(at(at(rules.items()[1], "apply").items()[0], "alg").refs.empty());
  CHECK(at(rules.items()[0], "flag").refs.empty());
  // A single nested block is one object in both representations.
  CHECK(at(at(sse, "single"), "role").refs == Refs{"aws_iam_role.r"});
  // Block counts disagree (a set Terraform merged): the refs go on the enclosing list.
  CHECK(at(sse, "mismatch").refs == Refs{"aws_iam_role.r"});
  // No key spelled out and no own key: every instance. Data sources keep their address.
  CHECK(at(sse, "policy").refs ==
        Refs{"aws_kms_key.k[0]", "aws_kms_key.k[1]", "data.aws_iam_policy_document.p"});
  // Configured but absent from the planned values: known only after apply.
  const Value& kms = at(sse, "kms_key");
  CHECK(kms.is_unknown());
  CHECK(kms.refs == Refs{"aws_kms_key.k[0]"});
  CHECK(kms.span.range.start_line == line_of(text, R"("kms_key": {"references")"));
  // Module instance keys carry over to the references made inside the module.
  CHECK(at(resource(loaded, "module.m[\"x\"].aws_sqs_queue.q").attributes, "kms").refs ==
        Refs{"module.m[\"x\"].aws_kms_key.k"});
}

TEST_CASE("tf plan: after_unknown marks build missing structure only where something is true") {
  LoadedFile loaded = load_plan(R"({
  "format_version": "1.0", "terraform_version": "1.3.0",
  "planned_values": {"root_module": {"resources": [
    {"address": "t.n", "mode": "managed", "type": "t", "name": "n",
     "values": {"a": null, "list": [1], "scalar": "s", "keep": 1}}
  ]}},
  "resource_changes": [
    {"address": "t.n", "deposed": "00000001",
     "change": {"after_unknown": {"keep": true}}},
    {"address": "t.n", "change": {"after_unknown": {
      "a": true, "list": [false, true], "obj": {"k": true, "j": false}, "none": false,
      "empty": {}, "nested": [{"x": [true]}], "scalar": {"inner": true}, "keep": false}}}
  ]
})");
  REQUIRE(loaded.resources.size() == 1);
  const Value& attrs = loaded.resources[0].attributes;
  CHECK(at(attrs, "a").is_unknown());
  const Value& list = at(attrs, "list");
  REQUIRE(list.items().size() == 2);
  CHECK(list.items()[0].as_number() == 1);
  CHECK(list.items()[1].is_unknown());
  CHECK(at(at(attrs, "obj"), "k").is_unknown());
  CHECK(at(attrs, "obj").find("j") == nullptr);
  CHECK(attrs.find("none") == nullptr);
  CHECK(attrs.find("empty") == nullptr);
  CHECK(at(at(attrs, "nested").items()[0], "x").items()[0].is_unknown());
  CHECK(at(at(attrs, "scalar"), "inner").is_unknown());
  CHECK(at(attrs, "keep").as_number() == 1);  // the deposed object's marks do not apply
  CHECK(all_spans_in(attrs, kPlanFile));
}

TEST_CASE("tf plan: malformed and partial plans never crash") {
  const char* const kCases[] = {
      R"({"format_version":"1.0","terraform_version":"1","planned_values":5})",
      R"({"format_version":"1.0","terraform_version":"1","planned_values":{"root_module":[]}})",
      R"({"format_version":"1.0","terraform_version":"1","planned_values":{"root_module":
          {"resources":{}, "child_modules":"x"}}})",
      R"({"format_version":"1.0","terraform_version":"1","planned_values":{"root_module":
          {"resources":[1,"x",null,{},{"address":5},{"address":""},{"address":"a"},
                        {"address":"a.b.c.d.e"},{"address":"module.m"},
                        {"address":"module.m.a"},{"address":"a[0].b"},{"address":"a.[0]"},
                        {"address":"a.b[\"unterminated"},{"address":"data.a.b"},
                        {"address":"a.b","mode":"data"},{"address":"a.b","mode":"other"}],
           "child_modules":[5,null,{"resources":"x"},{"child_modules":[{}]}]}}})",
      R"({"format_version":"1.0","terraform_version":"1","planned_values":{"root_module":
          {"resources":[{"address":"a.b","values":[1,2]},{"address":"a.c","values":null,
                         "type":7}]}},
          "resource_changes":"x",
          "configuration":{"root_module":{"resources":[5,{"address":"a.b","expressions":[]},
            {"address":"a.c","expressions":{"x":5,"y":{"references":"z"},
              "z":{"references":[1,null,"",".","a","a.","a..b","data","data.x","x[0].y.z",
                                 "a[\"q\"]"]},
              "w":[5,{"q":{"references":["a.b"]}}]}}],
            "module_calls":{"m":5,"n":{"module":[]},"o":{"module":{"module_calls":{}}}}}}})",
      R"({"format_version":"1.0","terraform_version":"1","planned_values":{"root_module":
          {"resources":[{"address":"a.b","values":{"x":1}}]}},
          "resource_changes":[5,{"address":"a.b"},{"address":"a.b","change":5},
            {"address":"a.b","change":{"after_unknown":true}},
            {"address":"a.b","change":{"after_unknown":{"x":[true,{"y":[[true]]}]}}}]})",
      R"({"format_version":5,"terraform_version":null,"resource_changes":null})",
      R"({"format_version":"","terraform_version":"","configuration":[]})",
  };
  for (const char* text : kCases) {
    INFO(text);
    LoadedFile loaded = load_plan(text, "p.json");
    CHECK(loaded.is_iac);
    for (const Resource& r : loaded.resources) {
      CHECK(r.attributes.is_map());
      CHECK(r.span.valid());
      CHECK(r.name_span.valid());
      CHECK(all_spans_in(r.attributes, kPlanFile));
    }
  }
  LoadedFile shapes = load_plan(kCases[3], "p.json");
  // Only managed resources whose addresses parse. An unterminated key is still one address.
  CHECK(addresses(shapes) == Refs{"a.b[\"unterminated"});
  LoadedFile untyped = load_plan(kCases[4], "p.json");
  CHECK(addresses(untyped) == Refs{"a.b", "a.c"});
  CHECK(resource(untyped, "a.c").native_type == "a");
  LoadedFile nested = load_plan(kCases[5], "p.json");
  REQUIRE(nested.resources.size() == 1);
  const Value& x = at(nested.resources[0].attributes, "x");
  REQUIRE(x.items().size() == 2);
  CHECK(x.items()[0].is_unknown());
  CHECK(at(x.items()[1], "y").items()[0].items()[0].is_unknown());
}

TEST_CASE("tf plan: an unknown major format version is reported, not guessed at") {
  const std::string text = R"({
  "format_version": "2.0", "terraform_version": "9.0.0",
  "planned_values": {"root_module": {"resources": [
    {"address": "t.n", "mode": "managed", "type": "t", "name": "n", "values": {}}]}}
})";
  LoadedFile loaded = load_plan(text, "future/plan.json");
  CHECK(loaded.is_iac);
  CHECK(loaded.resources.empty());
  REQUIRE(loaded.diagnostics.size() == 1);
  const iacscan::Diagnostic& d = loaded.diagnostics[0];
  CHECK(d.code == DiagnosticCode::not_loaded);
  CHECK(d.location.path == "future/plan.json");
  CHECK(d.location.start_line == 2);
  CHECK(d.message.find("\"2.0\"") != std::string::npos);
  CHECK(load_plan(R"({"format_version":"0.2","terraform_version":"0.15.0","configuration":{}})")
            .diagnostics.empty());
}

TEST_CASE("tf plan: addresses split into steps and lose their instance keys") {
  using Steps = std::vector<std::string_view>;
  CHECK(address_steps(R"(module.vpc["a.b"].aws_vpc.this[0])") ==
        Steps{"module", R"(vpc["a.b"])", "aws_vpc", "this[0]"});
  CHECK(address_steps(R"(a.b["x\".[y"].c)") == Steps{"a", R"(b["x\".[y"])", "c"});
  CHECK(address_steps("") == Steps{""});
  CHECK(address_steps("a.") == Steps{"a", ""});
  CHECK(without_instance_keys(R"(module.vpc["a.b"].aws_vpc.this[0])") == "module.vpc.aws_vpc.this");
  CHECK(without_instance_keys(R"(module.m[1].module.n["k]"].t.n["\"]"])") ==
        "module.m.module.n.t.n");
  CHECK(without_instance_keys("aws_s3_bucket.b") == "aws_s3_bucket.b");
  CHECK(without_instance_keys("a.b[\"") == "a.b");  // unterminated: the rest is the key
}

TEST_CASE("tf plan: mapped to its .tf sources, plan values take the source positions") {
  LoadedFile loaded = load_plan(fixture_text());

  // Sources as the .tf loader reads fixtures/terraform/plan/main.tf (after module
  // expansion gives them absolute addresses).
  Value bucket_ref = Value::unknown("reference: aws_s3_bucket.b.id", span(8, 12, 29));
  bucket_ref.refs = {"aws_s3_bucket.b"};
  Resource acl = source("aws_s3_bucket_acl", "aws_s3_bucket_acl.bucket", 7, 10,
                        {entry("bucket", bucket_ref), entry("acl", str("public-read", 9))});
  acl.skips.push_back(Skip{"iacscan", "some-rule", "", span(6, 1, 20)});
  Resource logs = source(
      "aws_s3_bucket", "aws_s3_bucket.logs", 12, 15,
      {entry("count", num(2, 13)), entry("bucket", Value::unknown("template", span(14, 12, 45)))});
  auto rule = [](std::uint32_t first, double port, Value::List cidrs, Span cidrs_span) {
    return Value::map(
        {entry("from_port", num(port, first + 1)), entry("to_port", num(port, first + 2)),
         entry("protocol", str("tcp", first + 3)),
         entry("cidr_blocks", Value::list(std::move(cidrs), cidrs_span))},
        Span{kSourceFile, Range{first, 3, first + 5, 3}});
  };
  Value ingress = Value::list({rule(26, 443, {str("10.0.0.0/8", 30)}, span(30, 19, 32)),
                               rule(33, 80,
                                    {Value::string("10.1.0.0/16", span(37, 20, 32)),
                                     Value::string("10.0.0.0/16", span(37, 35, 47))},
                                    span(37, 19, 48))},
                              Span{kSourceFile, Range{26, 3, 31, 3}});
  Resource group = source("aws_security_group", "aws_security_group.web", 23, 39,
                          {entry("name", str("web", 24)), entry("ingress", ingress)});
  group.attributes.entries()[1].key_span = span(26, 3, 9);
  Resource vpc =
      source("aws_vpc", "module.vpc.aws_vpc.this[\"a\"]", 5, 8,
             {entry("cidr_block", Value::unknown("reference: var.cidr", span(7, 16, 23)))});

  map_plan_to_sources(loaded.resources, {&acl, &logs, nullptr, &group, &vpc});

  // The ACL: spans from the source, values and refs from the plan.
  const Resource& planned_acl = resource(loaded, "aws_s3_bucket_acl.bucket");
  CHECK(planned_acl.span == acl.span);
  CHECK(planned_acl.name_span == acl.name_span);
  CHECK(planned_acl.scope == std::string("plan:") + kFixturePath);
  CHECK(all_spans_in(planned_acl.attributes, kSourceFile));
  CHECK(planned_acl.attributes.span == acl.attributes.span);
  const Value& acl_value = at(planned_acl.attributes, "acl");
  CHECK(acl_value.text() == "public-read");
  CHECK(acl_value.span == span(9, 12, 30));
  CHECK(planned_acl.attributes.entries()[0].key_span == span(9, 3, 10));  // "acl" comes first
  const Value& bucket = at(planned_acl.attributes, "bucket");
  CHECK(bucket.is_unknown());
  CHECK(bucket.text() == "known after apply");
  CHECK(bucket.span == span(8, 12, 29));
  CHECK(bucket.refs == Refs{"aws_s3_bucket.b"});
  // Defaults and computed attributes point at the resource name.
  CHECK(at(planned_acl.attributes, "expected_bucket_owner").span == acl.name_span);
  CHECK(at(planned_acl.attributes, "id").span == acl.name_span);
  REQUIRE(planned_acl.skips.size() == 1);
  CHECK(planned_acl.skips[0].id == "some-rule");

  // Instances of a count resource map to its one block.
  for (const char* address : {"aws_s3_bucket.logs[0]", "aws_s3_bucket.logs[1]"}) {
    const Resource& planned = resource(loaded, address);
    CHECK(planned.span == logs.span);
    CHECK(at(planned.attributes, "bucket").span == span(14, 12, 45));
    CHECK(all_spans_in(planned.attributes, kSourceFile));
  }
  CHECK(at(resource(loaded, "aws_s3_bucket.logs[1]").attributes, "bucket").text() ==
        "plan-example-logs-1");

  // A set of blocks Terraform reordered pairs by content: port 80 is the second block.
  const Resource& planned_group = resource(loaded, "aws_security_group.web");
  CHECK(all_spans_in(planned_group.attributes, kSourceFile));
  const Value& rules = at(planned_group.attributes, "ingress");
  CHECK(rules.span == ingress.span);
  REQUIRE(rules.items().size() == 2);
  const Value& http = rules.items()[0];
  CHECK(at(http, "from_port").as_number() == 80);
  CHECK(http.span.range.start_line == 33);
  CHECK(at(http, "from_port").span.range.start_line == 34);
  CHECK(at(http, "to_port").span.range.start_line == 35);
  // Set elements too: "10.0.0.0/16" is written second.
  const Value& cidrs = at(http, "cidr_blocks");
  CHECK(cidrs.items()[0].text() == "10.0.0.0/16");
  CHECK(cidrs.items()[0].span == span(37, 35, 47));
  CHECK(cidrs.items()[1].span == span(37, 20, 32));
  // Inside a block, what the source leaves out points at the block.
  CHECK(at(http, "description").span == http.span);
  CHECK(at(http, "ipv6_cidr_blocks").is_unknown());
  CHECK(at(http, "ipv6_cidr_blocks").span == http.span);
  CHECK(rules.items()[1].span.range.start_line == 26);
  CHECK(at(rules.items()[1], "from_port").span.range.start_line == 27);
  CHECK(at(planned_group.attributes, "arn").span == group.name_span);
  for (const Value::Entry& e : planned_group.attributes.entries()) {
    if (e.key == "ingress") CHECK(e.key_span == span(26, 3, 9));
  }

  // Module resources match by their absolute address.
  const Resource& planned_vpc = resource(loaded, "module.vpc.aws_vpc.this[\"a\"]");
  CHECK(planned_vpc.span == vpc.span);
  CHECK(at(planned_vpc.attributes, "cidr_block").span == span(7, 16, 23));
  CHECK(at(planned_vpc.attributes, "cidr_block").text() == "10.0.0.0/16");

  // No source: the plan file's positions stay.
  const Resource& unmatched = resource(loaded, "aws_s3_bucket.b");
  CHECK(unmatched.span.file == kPlanFile);
  CHECK(all_spans_in(unmatched.attributes, kPlanFile));
  CHECK(all_spans_in(resource(loaded, "module.vpc.aws_subnet.private").attributes, kPlanFile));
}

TEST_CASE("tf plan: source matching order, opaque expressions, single blocks, bad spans") {
  LoadedFile loaded = load_plan(R"({
  "format_version": "1.2", "terraform_version": "1.8.0",
  "planned_values": {"root_module": {"resources": [
    {"address": "t.n[0]", "mode": "managed", "type": "t", "name": "n", "values": {"v": 1}},
    {"address": "t.n[1]", "mode": "managed", "type": "t", "name": "n", "values": {"v": 2}},
    {"address": "t.m[\"b\"]", "mode": "managed", "type": "t", "name": "m",
     "values": {"tags": {"a": "1", "b": "2"}, "versioning": {"enabled": true, "mfa": false},
                "list": [1, 2, 3], "other": [1]}},
    {"address": "t.bad", "mode": "managed", "type": "t", "name": "bad", "values": {"v": 1}}
  ]}}
})",
                                "plan.json");
  Resource n0 = source("t", "t.n[0]", 1, 3, {entry("v", num(1, 2))});
  Resource n = source("t", "t.n", 10, 12, {entry("v", num(1, 11))});
  Resource m = source(
      "t", "t.m[\"a\"]", 20, 30,
      {entry("tags", Value::unknown("function call: merge(...)", span(21, 12, 40))),
       entry("versioning", Value::list({Value::map({entry("enabled", str("true", 23))},
                                                   Span{kSourceFile, Range{22, 3, 24, 3}})},
                                       Span{kSourceFile, Range{22, 3, 24, 3}})),
       entry("list", Value::list({num(1, 25)}, span(25, 12, 20))), entry("other", num(1, 26))});
  Resource bad;
  bad.address = "t.bad";
  bad.attributes = Value::map({Value::Entry{"v", Span{}, Value::number(1, "1")}});

  map_plan_to_sources(loaded.resources, {&n, &n0, &m, &bad});
  CHECK(resource(loaded, "t.n[0]").span == n0.span);  // exact address first
  CHECK(resource(loaded, "t.n[1]").span == n.span);   // then the unexpanded block
  const Resource& planned_m = resource(loaded, "t.m[\"b\"]");
  CHECK(planned_m.span == m.span);  // then any instance of the block
  CHECK(all_spans_in(planned_m.attributes, kSourceFile));
  // Everything inside an opaque expression points at the expression.
  const Value& tags = at(planned_m.attributes, "tags");
  CHECK(tags.is_map());
  CHECK(tags.span == span(21, 12, 40));
  CHECK(at(tags, "b").span == span(21, 12, 40));
  CHECK(tags.entries()[1].key_span == span(21, 12, 40));
  // A single nested block: one object in the plan, a one-element list in the source.
  const Value& versioning = at(planned_m.attributes, "versioning");
  CHECK(at(versioning, "enabled").span == span(23, 12, 30));
  CHECK(at(versioning, "mfa").span.range.start_line == 22);
  // List items the source does not spell out point at the list; kind mismatches at the value.
  const Value& list = at(planned_m.attributes, "list");
  CHECK(list.items()[0].span == span(25, 12, 14));
  CHECK(list.items()[2].span == span(25, 12, 20));
  CHECK(at(planned_m.attributes, "other").items()[0].span == span(26, 12, 14));
  // A source without positions is never copied: nothing ends up at line 0.
  const Resource& planned_bad = resource(loaded, "t.bad");
  CHECK(planned_bad.span.file == kPlanFile);
  CHECK(all_spans_in(planned_bad.attributes, kPlanFile));

  // Without sources nothing changes.
  LoadedFile again = load_plan(fixture_text());
  const Span before = again.resources[0].span;
  map_plan_to_sources(again.resources, {});
  CHECK(again.resources[0].span == before);
}
