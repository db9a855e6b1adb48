// Database predicates: the CloudFormation default-VPC default of PubliclyAccessible, and an
// OpenSearch domain's placement and access policy (inline, folded from a split policy, or a
// split policy whose domain is elsewhere). The predicates read canonical attributes, so the
// direct tests build those from JSON; the scan tests check kinds, folding and locations.
#include <doctest/doctest.h>

#include <string>

#include "engine/database_predicates.hpp"
#include "graph/resource.hpp"
#include "iacscan/iacscan.hpp"
#include "value/json_reader.hpp"

using namespace iacscan::detail;
using namespace iacscan::detail::predicates;

namespace {

Value json(const std::string& text) {
  auto result = read_json(text, 0);
  REQUIRE(result.ok());
  return *result.value;
}

Resource resource_of_type(const std::string& native_type) {
  Resource r;
  r.native_type = native_type;
  r.address = "Db";
  r.name_span.file = 0;
  r.name_span.range = {1, 1, 1, 3};
  return r;
}

Outcome judge(Outcome (*predicate)(const PredicateInput&), const std::string& native_type,
              const Value& subject) {
  const Resource r = resource_of_type(native_type);
  const Value arguments = Value::map({});
  return predicate(PredicateInput{r, subject, arguments});
}

Outcome rds(const std::string& native_type, const Value& subject) {
  return judge(rds_public_by_default, native_type, subject);
}

Outcome domain(const std::string& native_type, const Value& subject) {
  return judge(opensearch_domain_public, native_type, subject);
}

// A subject with one unknown attribute besides the JSON ones.
Value with_unknown(const std::string& text, const char* key) {
  Value subject = json(text);
  subject.set(key, Value::unknown("parameter \"X\" has no value"));
  return subject;
}

std::size_t findings_of(const iacscan::ScanResult& result, const std::string& rule,
                        std::uint32_t* line = nullptr) {
  std::size_t count = 0;
  for (const iacscan::Finding& f : result.findings) {
    if (f.rule_id != rule) continue;
    ++count;
    if (line != nullptr) *line = f.location.start_line;
  }
  return count;
}

iacscan::ScanResult scan(const std::string& path, const std::string& code) {
  auto scanner = iacscan::Scanner::create({});
  REQUIRE(scanner.has_value());
  auto result = scanner->scan_buffers({{path, code}});
  REQUIRE(result.has_value());
  CHECK(result->diagnostics.empty());
  return *result;
}

constexpr const char* kOpenPolicy = R"({
  "access_policies": {
    "Version": "2012-10-17",
    "Statement": [
      {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:role/indexer"},
       "Action": "es:*", "Resource": "*"},
      {"Effect": "Allow", "Principal": "*", "Action": "es:ESHttpGet", "Resource": "*"}
    ]
  }
})";

}  // namespace

TEST_CASE("a CloudFormation DB instance without PubliclyAccessible and subnet group is public") {
  const Outcome bare = rds("AWS::RDS::DBInstance", json(R"({"engine": "mysql"})"));
  CHECK(bare.truth == Truth::true_);
  CHECK(bare.span.range.start_line == 1);  // the logical id
  CHECK(bare.detail.find("default VPC") != std::string::npos);

  // Any of these decides the placement or the setting another way.
  CHECK(rds("AWS::RDS::DBInstance", json(R"({"publicly_accessible": false})")).truth ==
        Truth::false_);
  CHECK(rds("AWS::RDS::DBInstance", json(R"({"db_subnet_group_name": "private"})")).truth ==
        Truth::false_);
  CHECK(rds("AWS::RDS::DBInstance", json(R"({"db_cluster_identifier": "analytics"})")).truth ==
        Truth::false_);
  CHECK(rds("AWS::RDS::DBInstance", json(R"({"replicate_source": "orders"})")).truth ==
        Truth::false_);

  // Terraform sends publicly_accessible = false when it is unset.
  CHECK(rds("aws_db_instance", json("{}")).truth == Truth::false_);
  CHECK(rds("aws_rds_cluster_instance", json("{}")).truth == Truth::false_);
}

TEST_CASE("an unknown placement property leaves the default-VPC question open") {
  // Fn::If with AWS::NoValue may leave the property unset at deployment.
  const Outcome o = rds("AWS::RDS::DBInstance", with_unknown("{}", "db_subnet_group_name"));
  CHECK(o.truth == Truth::unknown);
  CHECK(o.attribute == "db_subnet_group_name");
  // A known setting elsewhere still decides.
  Value subject = with_unknown(R"({"db_cluster_identifier": "analytics"})", "publicly_accessible");
  CHECK(rds("AWS::RDS::DBInstance", subject).truth == Truth::false_);
}

TEST_CASE("an OpenSearch domain outside a VPC with an open policy points at the statement") {
  const Outcome o = domain("aws_opensearch_domain", json(kOpenPolicy));
  CHECK(o.truth == Truth::true_);
  CHECK(o.attribute == "access_policies");
  CHECK(o.span.range.start_line == 7);  // the second statement
  CHECK(!o.detail.empty());
}

TEST_CASE("a domain in a VPC may allow everyone; an unknown VPC setting is undecided") {
  Value in_vpc = json(kOpenPolicy);
  in_vpc.set("vpc_options", json(R"([{"subnet_ids": ["subnet-1"]}])"));
  CHECK(domain("aws_opensearch_domain", in_vpc).truth == Truth::false_);

  Value no_block = json(kOpenPolicy);
  no_block.set("vpc_options", json("[]"));  // a dynamic block that produced nothing
  CHECK(domain("aws_opensearch_domain", no_block).truth == Truth::true_);

  Value unknown_vpc = json(kOpenPolicy);
  unknown_vpc.set("vpc_options", Value::unknown("condition \"UseVpc\" is unknown"));
  CHECK(domain("AWS::OpenSearchService::Domain", unknown_vpc).truth == Truth::unknown);

  Value dynamic_vpc = json(kOpenPolicy);  // dynamic "vpc_options" with an unknown for_each
  dynamic_vpc.set("vpc_options", Value::list({Value::unknown("for_each is unknown")}));
  CHECK(domain("aws_opensearch_domain", dynamic_vpc).truth == Truth::unknown);

  // Where nobody gets in, the placement does not matter.
  Value closed = json(R"({"access_policies": {"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"},
     "Action": "es:*", "Resource": "*"}]}})");
  closed.set("vpc_options", Value::unknown("condition \"UseVpc\" is unknown"));
  CHECK(domain("AWS::OpenSearchService::Domain", closed).truth == Truth::false_);
}

TEST_CASE("restricted, absent and unknown domain policies") {
  const Value ip_limited = json(R"({"access_policies": {"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": "*", "Action": "es:*", "Resource": "*",
     "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}}]}})");
  CHECK(domain("AWS::Elasticsearch::Domain", ip_limited).truth == Truth::false_);

  const Value open_range = json(R"({"access_policies": {"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": "*", "Action": "es:*", "Resource": "*",
     "Condition": {"IpAddress": {"aws:SourceIp": "0.0.0.0/0"}}}]}})");
  CHECK(domain("AWS::Elasticsearch::Domain", open_range).truth == Truth::true_);

  CHECK(domain("aws_elasticsearch_domain", json(R"({"domain_name": "logs"})")).truth ==
        Truth::false_);
  CHECK(domain("aws_elasticsearch_domain", with_unknown("{}", "access_policies")).truth ==
        Truth::unknown);
}

TEST_CASE("a split domain policy judged on its own does not know its domain's placement") {
  const Outcome o = domain("aws_opensearch_domain_policy", json(kOpenPolicy));
  CHECK(o.truth == Truth::unknown);
  CHECK(o.detail.find("not in the scan") != std::string::npos);
  CHECK(o.span.range.start_line == 7);  // still the statement

  const Value closed = json(R"({"access_policies": {"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"},
     "Action": "es:*", "Resource": "*"}]}})");
  CHECK(domain("aws_elasticsearch_domain_policy", closed).truth == Truth::false_);
}

TEST_CASE("a split domain policy folds onto its domain, VPC or not") {
  const std::string policy = R"(
resource "aws_opensearch_domain_policy" "catalog" {
  domain_name = aws_opensearch_domain.catalog.domain_name
  access_policies = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "es:*"
      Resource  = "*"
    }]
  })
}
)";
  const std::string public_domain = R"(resource "aws_opensearch_domain" "catalog" {
  domain_name = "catalog"
}
)";
  const std::string vpc_domain = R"(resource "aws_opensearch_domain" "catalog" {
  domain_name = "catalog"
  vpc_options {
    subnet_ids = ["subnet-1"]
  }
}
)";
  std::uint32_t line = 0;
  CHECK(findings_of(scan("m/main.tf", public_domain + policy), "opensearch-domain-public", &line) ==
        1);
  CHECK(line == 9);  // the statement, inside the split resource
  CHECK(findings_of(scan("m/main.tf", vpc_domain + policy), "opensearch-domain-public") == 0);
  // By literal name, too.
  const std::string by_name = R"(resource "aws_opensearch_domain" "catalog" {
  domain_name = "catalog"
}
resource "aws_opensearch_domain_policy" "catalog" {
  domain_name     = "catalog"
  access_policies = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"es:*\",\"Resource\":\"*\"}]}"
}
)";
  CHECK(findings_of(scan("m/main.tf", by_name), "opensearch-domain-public") == 1);
}

TEST_CASE("the default-VPC instance is reported at its logical id, not when placed") {
  std::uint32_t line = 0;
  CHECK(findings_of(scan("t/template.yaml", R"(Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      DBInstanceClass: db.t3.micro
)"),
                    "rds-publicly-accessible", &line) == 1);
  CHECK(line == 2);
  CHECK(findings_of(scan("t/template.yaml", R"(Parameters:
  SubnetGroup:
    Type: String
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      DBInstanceClass: db.t3.micro
      DBSubnetGroupName: !Ref SubnetGroup
)"),
                    "rds-publicly-accessible") == 0);
}
