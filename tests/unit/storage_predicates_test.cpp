// Storage predicates and the storage rules built on them: native-type-in tells a bucket from a
// split configuration resource judged on its own, so rules about a setting the bucket lacks
// blame only buckets, and a bucket is left undecided when a split resource of its module names
// its bucket through an unknown value.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "engine/storage_predicates.hpp"
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

Outcome native_type(const std::string& type, const Value& arguments) {
  Resource r;
  r.native_type = type;
  r.address = "x";
  const Value subject = Value::map({});
  return native_type_in(PredicateInput{r, subject, arguments});
}

// "rule@line" for each finding of the storage S3 rules, sorted.
std::vector<std::string> storage_findings(const std::string& path, const std::string& code) {
  auto scanner = iacscan::Scanner::create({});
  REQUIRE(scanner.has_value());
  auto result = scanner->scan_buffers({{path, code}});
  REQUIRE(result.has_value());
  CHECK(result->diagnostics.empty());
  std::vector<std::string> out;
  for (const iacscan::Finding& f : result->findings) {
    if (f.rule_id.rfind("s3-bucket-", 0) != 0 || f.rule_id == "s3-bucket-public-acl" ||
        f.rule_id == "s3-bucket-policy-public")
      continue;
    out.push_back(f.rule_id + "@" + std::to_string(f.location.start_line));
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("native-type-in holds for the listed native types only and never points anywhere") {
  const Value args = json(R"({"in": ["AWS::S3::Bucket", "aws_s3_bucket"]})");
  const Outcome bucket = native_type("aws_s3_bucket", args);
  CHECK(bucket.truth == Truth::true_);
  CHECK(bucket.witness == nullptr);
  CHECK(!bucket.span.valid());
  CHECK(native_type("AWS::S3::Bucket", args).truth == Truth::true_);
  CHECK(native_type("aws_s3_bucket_versioning", args).truth == Truth::false_);
  CHECK(native_type("", args).truth == Truth::false_);
}

TEST_CASE("native-type-in arguments: a non-empty list of type names under `in`") {
  CHECK(native_type_in_arguments(json(R"({"in": ["aws_s3_bucket"]})")).empty());
  CHECK(!native_type_in_arguments(json("{}")).empty());
  CHECK(!native_type_in_arguments(json(R"({"in": []})")).empty());
  CHECK(!native_type_in_arguments(json(R"({"in": "aws_s3_bucket"})")).empty());
  CHECK(!native_type_in_arguments(json(R"({"in": [1]})")).empty());
  CHECK(!native_type_in_arguments(json(R"({"in": ["a"], "types": ["b"]})")).empty());
}

TEST_CASE("kms-key-rotatable: symmetric, KMS-generated keys outside custom key stores") {
  auto rotatable = [](const Value& subject) {
    Resource r;
    r.native_type = "aws_kms_key";
    const Value arguments = Value::map({});
    return kms_key_rotatable(PredicateInput{r, subject, arguments});
  };
  CHECK(rotatable(json("{}")).truth == Truth::true_);
  const Outcome explicit_default =
      rotatable(json(R"({"key_spec": "SYMMETRIC_DEFAULT", "origin": "AWS_KMS"})"));
  CHECK(explicit_default.truth == Truth::true_);
  CHECK(explicit_default.witness == nullptr);  // the finding stays on the rotation setting

  CHECK(rotatable(json(R"({"key_spec": "RSA_2048"})")).truth == Truth::false_);
  CHECK(rotatable(json(R"({"key_spec": "HMAC_256"})")).truth == Truth::false_);
  CHECK(rotatable(json(R"({"origin": "EXTERNAL"})")).truth == Truth::false_);
  CHECK(rotatable(json(R"({"custom_key_store": "cks-1234567890abcdef0"})")).truth == Truth::false_);
  CHECK(rotatable(json(R"({"custom_key_store": null})")).truth == Truth::true_);

  Value unknown_spec = json("{}");
  unknown_spec.set("key_spec", Value::unknown("variable \"key_spec\" has no value"));
  const Outcome undecided = rotatable(unknown_spec);
  CHECK(undecided.truth == Truth::unknown);
  CHECK(undecided.attribute == "key_spec");
  // A known disqualifier decides even when another setting is unknown.
  unknown_spec.set("origin", Value::string("EXTERNAL"));
  CHECK(rotatable(unknown_spec).truth == Truth::false_);
}

TEST_CASE("a split resource whose bucket is elsewhere is not blamed for the bucket's settings") {
  // Only its own explicit setting is judged: versioning suspended.
  const std::vector<std::string> found = storage_findings("m/main.tf", R"(
resource "aws_s3_bucket_versioning" "external" {
  bucket = "bucket-of-another-stack"
  versioning_configuration {
    status = "Suspended"
  }
}
)");
  CHECK(found == std::vector<std::string>{"s3-bucket-versioning@5"});
}

TEST_CASE("a bucket whose settings name it through an unknown value is undecided") {
  const std::vector<std::string> found = storage_findings("m/main.tf", R"(
variable "bucket_name" {}
resource "aws_s3_bucket" "data" {
  bucket = "example-data"
}
resource "aws_s3_bucket_public_access_block" "data" {
  bucket                  = var.bucket_name
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
resource "aws_s3_bucket_versioning" "data" {
  bucket = var.bucket_name
  versioning_configuration {
    status = "Enabled"
  }
}
)");
  // Logging is configured nowhere: that one is decided.
  CHECK(found == std::vector<std::string>{"s3-bucket-access-logging@3"});
}

TEST_CASE("settings fold onto their bucket by reference and by literal name") {
  const std::vector<std::string> found = storage_findings("m/main.tf", R"(
resource "aws_s3_bucket" "logs" {
  bucket = "example-logs"
}
resource "aws_s3_bucket" "data" {
  bucket = "example-data"
}
resource "aws_s3_bucket_public_access_block" "data" {
  bucket                  = aws_s3_bucket.data.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
resource "aws_s3_bucket_versioning" "data" {
  bucket = "example-data"
  versioning_configuration {
    status = "Enabled"
  }
}
resource "aws_s3_bucket_logging" "data" {
  bucket        = aws_s3_bucket.data.id
  target_bucket = "example-logs"
  target_prefix = "data/"
}
)");
  // The log bucket receives access logs, so only its versioning is missing (a bucket that
  // declares no Block Public Access has all four settings on by S3's default).
  CHECK(found == std::vector<std::string>{"s3-bucket-versioning@2"});
}
