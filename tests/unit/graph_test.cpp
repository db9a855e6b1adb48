// Graph building: kind projection, reference edges, folding of split resources.
#include <doctest/doctest.h>

#include "engine/kind_catalog.hpp"
#include "graph/resource_graph.hpp"

using namespace iacscan::detail;

namespace {

const char* kKinds = R"(
kind: aws.s3.bucket
sources:
  - type: aws_s3_bucket
    attributes:
      bucket_name: {path: bucket}
      acl: {path: acl}
  - type: AWS::S3::Bucket
    attributes:
      acl: {path: AccessControl, values: {PublicRead: public-read}}
  - type: aws_s3_bucket_acl
    fold: {via: bucket, match: bucket_name}
    attributes:
      acl: {path: acl}
      grants:
        path: policy.grant
        each: {uri: {path: grantee.uri}}
)";

Resource tf(const char* type, const char* name, Value attributes) {
  Resource r;
  r.scope = "mod";
  r.native_type = type;
  r.address = std::string(type) + "." + name;
  r.attributes = std::move(attributes);
  return r;
}

Value attrs(std::initializer_list<std::pair<const char*, Value>> entries) {
  Value m = Value::map({});
  for (const auto& [k, v] : entries) m.set(k, v);
  return m;
}

Value ref(const char* address) {
  Value v = Value::unknown("known after apply");
  v.refs.push_back(address);
  return v;
}

}  // namespace

TEST_CASE("values are translated to the canonical vocabulary") {
  KindCatalog kinds;
  kinds.add_file(kKinds);
  LoadedFile file;
  Resource cfn;
  cfn.format = SourceFormat::cloudformation;
  cfn.native_type = "AWS::S3::Bucket";
  cfn.address = "B";
  cfn.attributes = attrs({{"AccessControl", Value::string("PublicRead")}});
  file.resources.push_back(cfn);
  std::vector<LoadedFile> files{file};
  ResourceGraph g = build_graph(files, kinds);
  REQUIRE(g.resources.size() == 1);
  CHECK(g.resources[0].kind == "aws.s3.bucket");
  CHECK(g.resources[0].canonical.find("acl")->text() == "public-read");
}

TEST_CASE("split resources fold onto their target by reference or by literal name") {
  KindCatalog kinds;
  kinds.add_file(kKinds);
  LoadedFile file;
  file.resources.push_back(tf("aws_s3_bucket", "a", attrs({{"bucket", Value::string("name-a")}})));
  file.resources.push_back(tf("aws_s3_bucket", "b", attrs({{"bucket", Value::string("name-b")}})));
  file.resources.push_back(
      tf("aws_s3_bucket_acl", "a",
         attrs({{"bucket", ref("aws_s3_bucket.a")}, {"acl", Value::string("public-read")}})));
  file.resources.push_back(
      tf("aws_s3_bucket_acl", "b",
         attrs({{"bucket", Value::string("name-b")}, {"acl", Value::string("private")}})));
  file.resources.push_back(
      tf("aws_s3_bucket_acl", "c",
         attrs({{"bucket", Value::string("elsewhere")}, {"acl", Value::string("x")}})));
  std::vector<LoadedFile> files{file};
  ResourceGraph g = build_graph(files, kinds);
  REQUIRE(g.resources.size() == 5);
  CHECK(g.resources[0].canonical.find("acl")->text() == "public-read");
  CHECK(g.resources[1].canonical.find("acl")->text() == "private");
  CHECK(g.resources[2].folded);
  CHECK(g.resources[3].folded);
  CHECK_FALSE(g.resources[4].folded);  // its bucket is not in the scan: judged on its own
  REQUIRE(g.edges.size() == 1);
  CHECK(g.edges[0] == Edge{2, 0, "bucket"});
}

TEST_CASE("each builds one canonical map per list element, through block lists") {
  Value grant1 = attrs({{"grantee", Value::list({attrs({{"uri", Value::string("u1")}})})}});
  Value grant2 = attrs({{"grantee", Value::list({attrs({{"uri", Value::string("u2")}})})}});
  Value native =
      attrs({{"policy", Value::list({attrs({{"grant", Value::list({grant1, grant2})}})})}});
  KindCatalog kinds;
  kinds.add_file(kKinds);
  const SourceMapping* m = kinds.find("aws_s3_bucket_acl");
  REQUIRE(m != nullptr);
  Value canonical = KindCatalog::project(native, m->attributes);
  const Value* grants = canonical.find("grants");
  REQUIRE(grants != nullptr);
  REQUIRE(grants->items().size() == 2);
  CHECK(grants->items()[1].find("uri")->text() == "u2");
}
