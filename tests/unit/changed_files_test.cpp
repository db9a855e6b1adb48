// Changed-files scans (iacscan/changed_files.hpp): which files a change brings into the scan,
// and that findings are kept exactly when they touch a changed file, a related location (the
// terraform.tfvars value behind a finding in main.tf) included.
#include "iacscan/changed_files.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace iacscan;
namespace fs = std::filesystem;

namespace {

// A fresh directory under the system's temporary directory, removed at the end of the test.
// Paths are absolute, so the test never depends on (or changes) the current directory.
struct ChangeTree {
  fs::path root;
  ChangeTree() {
    root = fs::temp_directory_path() /
           ("iacscan-changed-" +
            std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
    fs::create_directories(root);
  }
  ~ChangeTree() {
    std::error_code ec;
    fs::remove_all(root, ec);
  }
  ChangeTree(const ChangeTree&) = delete;
  ChangeTree& operator=(const ChangeTree&) = delete;

  std::string write(const std::string& relative, const std::string& text) const {
    const fs::path file = root / relative;
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
    return path(relative);
  }
  std::string path(const std::string& relative) const { return (root / relative).generic_string(); }
};

// A module whose bucket ACL comes from a variable: private by default, public through
// terraform.tfvars.
void write_module(const ChangeTree& tree) {
  tree.write("site/variables.tf",
             "variable \"acl\" {\n  type    = string\n  default = \"private\"\n}\n");
  tree.write("site/main.tf",
             "resource \"aws_s3_bucket\" \"site\" {\n  bucket = \"example-site\"\n"
             "  acl    = var.acl\n}\n");
  tree.write("site/terraform.tfvars", "acl = \"public-read\"\n");
}

std::vector<std::string> rules_of(const ScanResult& result) {
  std::vector<std::string> ids;
  for (const Finding& f : result.findings) ids.push_back(f.rule_id + " " + f.location.path);
  return ids;
}

bool has_rule(const ScanResult& result, const std::string& rule) {
  return std::any_of(result.findings.begin(), result.findings.end(),
                     [&](const Finding& f) { return f.rule_id == rule; });
}

Scanner make_scanner() {
  auto scanner = Scanner::create(ScanOptions{});
  REQUIRE(scanner);
  return std::move(scanner).value();
}

}  // namespace

TEST_CASE("changed files: a Terraform file brings its module directory, not subdirectories") {
  ChangeTree tree;
  write_module(tree);
  tree.write("site/prod.auto.tfvars.json", "{}\n");
  tree.write("site/modules/logs/main.tf", "");
  tree.write("site/README.md", "# site\n");
  const ChangedFilesScope scope = changed_files_scope({tree.path("site/terraform.tfvars")});
  CHECK(scope.changed_paths == std::vector<std::string>{tree.path("site/terraform.tfvars")});
  CHECK(scope.scan_paths == std::vector<std::string>{tree.path("site/main.tf"),
                                                     tree.path("site/prod.auto.tfvars.json"),
                                                     tree.path("site/terraform.tfvars"),
                                                     tree.path("site/variables.tf")});
}

TEST_CASE("changed files: deleted, non-IaC and excluded files are left out silently") {
  ChangeTree tree;
  const std::string stack = tree.write("stacks/app.yaml", "Resources: {}\n");
  const std::string readme = tree.write("README.md", "# docs\n");
  tree.write("examples/demo.yaml", "Resources: {}\n");
  fs::create_directories(tree.root / "dir.tf");  // a directory is no changed file
  const ChangedFilesScope scope =
      changed_files_scope({readme, tree.path("gone/main.tf"), tree.path("stacks/./app.yaml"),
                           tree.path("examples/demo.yaml"), tree.path("dir.tf")},
                          {"**/examples/**"});
  CHECK(scope.changed_paths == std::vector<std::string>{stack});
  CHECK(scope.scan_paths == std::vector<std::string>{stack});
  CHECK(changed_files_scope({}).scan_paths.empty());
}

TEST_CASE("changed files: a finding touches a changed file by its location or a related one") {
  ChangedFilesScope scope;
  scope.changed_paths = {"site/terraform.tfvars"};
  Finding finding;
  finding.location = Location{"site/main.tf", 3, 3, 3, 20};
  CHECK_FALSE(touches_changed_files(finding, scope));
  finding.related.push_back({Location{"site/terraform.tfvars", 1, 1, 1, 20}, "value of acl"});
  CHECK(touches_changed_files(finding, scope));
  Finding whole_set;  // an account rule's finding points at the scanned directory
  whole_set.location = Location{"site", 0, 0, 0, 0};
  CHECK_FALSE(touches_changed_files(whole_set, scope));
}

TEST_CASE("changed files: a tfvars change that makes a bucket public is a finding about it") {
  ChangeTree tree;
  write_module(tree);
  const Scanner scanner = make_scanner();

  auto tfvars = scan_changed_files(scanner, {tree.path("site/terraform.tfvars")});
  REQUIRE(tfvars);
  INFO(rules_of(*tfvars));
  CHECK(has_rule(*tfvars, "s3-bucket-public-acl"));
  // Findings of main.tf that owe nothing to terraform.tfvars are not about this change.
  CHECK_FALSE(has_rule(*tfvars, "s3-bucket-versioning"));

  // variables.tf only declares the default that terraform.tfvars overrides.
  auto variables = scan_changed_files(scanner, {tree.path("site/variables.tf")});
  REQUIRE(variables);
  CHECK_FALSE(has_rule(*variables, "s3-bucket-public-acl"));

  auto main = scan_changed_files(scanner, {tree.path("site/main.tf")});
  REQUIRE(main);
  CHECK(has_rule(*main, "s3-bucket-public-acl"));
  CHECK(has_rule(*main, "s3-bucket-versioning"));
}

TEST_CASE("changed files: the values of the whole module decide, not the changed file alone") {
  ChangeTree tree;
  write_module(tree);
  tree.write("site/terraform.tfvars", "acl = \"private\"\n");
  const Scanner scanner = make_scanner();
  // Alone, main.tf's var.acl has no value (never a finding); with its module it is private.
  auto main = scan_changed_files(scanner, {tree.path("site/main.tf")});
  REQUIRE(main);
  CHECK_FALSE(has_rule(*main, "s3-bucket-public-acl"));
  tree.write("site/variables.tf", "variable \"acl\" {\n  default = \"public-read-write\"\n}\n");
  tree.write("site/terraform.tfvars", "");
  auto with_default = scan_changed_files(scanner, {tree.path("site/variables.tf")});
  REQUIRE(with_default);
  CHECK(has_rule(*with_default, "s3-bucket-public-acl"));
}

TEST_CASE("changed files: no IaC file among them scans nothing and is no error") {
  ChangeTree tree;
  const Scanner scanner = make_scanner();
  auto result =
      scan_changed_files(scanner, {tree.write("notes.txt", "hello\n"), tree.path("deleted.tf")});
  REQUIRE(result);
  CHECK(result->findings.empty());
  CHECK(result->diagnostics.empty());
  CHECK(result->files_scanned == 0);
  CHECK_FALSE(result->rules.empty());
}

TEST_CASE("changed files: a CloudFormation template is judged with the scanner's parameters") {
  ChangeTree tree;
  const std::string stack = tree.write("stack.yaml",
                                       "AWSTemplateFormatVersion: '2010-09-09'\n"
                                       "Parameters:\n  Acl:\n    Type: String\n"
                                       "    Default: Private\n"
                                       "Resources:\n  Site:\n    Type: AWS::S3::Bucket\n"
                                       "    Properties:\n      AccessControl: !Ref Acl\n");
  const std::string params = tree.write(
      "params/prod.json", R"([{"ParameterKey": "Acl", "ParameterValue": "PublicRead"}])");
  auto plain = scan_changed_files(make_scanner(), {stack});
  REQUIRE(plain);
  CHECK_FALSE(has_rule(*plain, "s3-bucket-public-acl"));
  ScanOptions options;
  options.cloudformation_parameter_files = {params};
  auto scanner = Scanner::create(options);
  REQUIRE(scanner);
  auto with_params = scan_changed_files(*scanner, {stack});
  REQUIRE(with_params);
  CHECK(has_rule(*with_params, "s3-bucket-public-acl"));
}
