// The C API (iacscan.h) through its C functions: options JSON, scanning paths and buffers,
// reports, walking findings and diagnostics, and errors (never crashes) for bad input.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "config/config_document.hpp"
#include "iacscan/config.hpp"
#include "iacscan/iacscan.h"
#include "iacscan/report.hpp"
#include "iacscan/scanner.hpp"
#include "iacscan/version.hpp"

namespace {

// Owners for the C handles, so a failed CHECK never leaks.
struct ScannerFree {
  void operator()(iacscan_scanner* s) const { iacscan_scanner_free(s); }
};
struct ResultFree {
  void operator()(iacscan_result* r) const { iacscan_result_free(r); }
};
struct StringFree {
  void operator()(char* s) const { iacscan_string_free(s); }
};
using ScannerPtr = std::unique_ptr<iacscan_scanner, ScannerFree>;
using ResultPtr = std::unique_ptr<iacscan_result, ResultFree>;
using CString = std::unique_ptr<char, StringFree>;

// What a call left in its error out-parameter ("" for none), freed.
std::string take(char* error) {
  const CString owned(error);
  return owned ? std::string(owned.get()) : std::string();
}

ScannerPtr new_scanner(const char* options) {
  char* error = nullptr;
  ScannerPtr scanner(iacscan_scanner_new(options, &error));
  const std::string message = take(error);
  INFO(message);
  REQUIRE(scanner != nullptr);
  CHECK(message.empty());
  return scanner;
}

// The error iacscan_scanner_new reports for `options` (which must fail).
std::string options_error(const char* options) {
  char sentinel = 0;
  char* error = &sentinel;  // a failure must overwrite it
  ScannerPtr scanner(iacscan_scanner_new(options, &error));
  CHECK(scanner == nullptr);
  REQUIRE(error != &sentinel);
  return take(error);
}

ResultPtr scan_buffer(const iacscan_scanner* scanner, const std::string& path,
                      const std::string& text) {
  const iacscan_source source{path.c_str(), text.data(), text.size()};
  char* error = nullptr;
  ResultPtr result(iacscan_scan_buffers(scanner, &source, 1, &error));
  const std::string message = take(error);
  INFO(message);
  REQUIRE(result != nullptr);
  return result;
}

// "rule@line" of every finding, in result order.
std::vector<std::string> finding_summary(const iacscan_result* result) {
  std::vector<std::string> out;
  for (size_t i = 0; i < iacscan_result_finding_count(result); ++i) {
    const iacscan_finding* f = iacscan_result_finding(result, i);
    out.push_back(std::string(iacscan_finding_rule_id(f)) + "@" +
                  std::to_string(iacscan_finding_start_line(f)));
  }
  return out;
}

const iacscan_finding* find_rule(const iacscan_result* result, const std::string& rule) {
  for (size_t i = 0; i < iacscan_result_finding_count(result); ++i) {
    const iacscan_finding* f = iacscan_result_finding(result, i);
    if (iacscan_finding_rule_id(f) == rule) return f;
  }
  return nullptr;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// A configuration value (as the YAML reader read it) written back as JSON.
std::string to_json(const iacscan::detail::Value& value) {
  using Kind = iacscan::detail::Value::Kind;
  std::string out;
  switch (value.kind()) {
    case Kind::boolean:
      return value.as_bool() ? "true" : "false";
    case Kind::number:
      return value.text();
    case Kind::string:
      out = "\"";
      for (char c : value.text())
        out += (c == '"' || c == '\\') ? std::string("\\") + c : std::string(1, c);
      return out + "\"";
    case Kind::list:
      for (const auto& item : value.items()) out += (out.empty() ? "" : ", ") + to_json(item);
      return "[" + out + "]";
    case Kind::map:
      for (const auto& entry : value.entries())
        out += (out.empty() ? "\"" : ", \"") + entry.key + "\": " + to_json(entry.value);
      return "{" + out + "}";
    default:
      return "null";
  }
}

const std::string kPublicBucket = R"(resource "aws_s3_bucket" "site" {
  bucket = "www-example"
  acl    = "public-read"
}
)";

const std::string kSourceDir = IACSCAN_SOURCE_DIR;

}  // namespace

TEST_CASE("c api: version and ABI number") {
  CHECK(std::string(iacscan_version()) == std::string(iacscan::version()));
  CHECK(iacscan_c_abi_version() == IACSCAN_C_ABI_VERSION);
}

TEST_CASE("c api: NULL, empty and blank options are the defaults") {
  for (const char* options : {static_cast<const char*>(nullptr), "", " \n\t", "{}", "{ }"}) {
    CAPTURE(options);
    new_scanner(options);
  }
}

TEST_CASE("c api: invalid options are errors that name the key and its position") {
  CHECK(contains(options_error("{\"jobs\": }"), "options:1:10: invalid JSON"));
  CHECK(contains(options_error("[\"exclude\"]"), "must be a JSON object"));
  CHECK(contains(options_error("{\"exlude\": []}"),
                 "options:1:2: unknown key \"exlude\"; did you mean \"exclude\"?"));
  // The C API's own keys are known to the suggestions too.
  CHECK(contains(options_error("{\"job\": 2}"), "did you mean \"jobs\"?"));
  CHECK(contains(options_error("{\"jobs\": \"four\"}"), "options:1:10: jobs: expected a positive"));
  CHECK(contains(options_error("{\"jobs\": -1}"), "jobs: expected a positive"));
  CHECK(contains(options_error("{\"report_unknowns\": 1}"), "report_unknowns: expected true or"));
  CHECK(contains(options_error("{\"today\": \"2025-02-30\"}"), "today: expected a date"));
  CHECK(contains(options_error("{\"config\": 7}"), "config: expected a string"));
  CHECK(contains(options_error("{\"jobs\": 1, \"jobs\": 2}"), "duplicate key \"jobs\""));
  // A configuration key's error keeps its line and column in the caller's text, even with the
  // C API's own keys around it.
  CHECK(options_error("{\"jobs\": 2,\n \"organization\": {\"approved_regions\": [\"eu-wst\"]},\n"
                      " \"today\": \"2025-01-01\"}")
            .rfind("options:2:40: organization.approved_regions[0]: expected an AWS region", 0) ==
        0);
  CHECK(contains(options_error("{\"limits\": {\"scp_syntax\": \"old\"}}"), "limits.scp_syntax"));
  // Rule ids are checked once the rules are loaded.
  CHECK(contains(options_error("{\"rules\": {\"s3-bucket-publc-acl\": \"off\"}}"),
                 "s3-bucket-publc-acl"));
  CHECK(contains(options_error("{\"config\": \"/nonexistent/.iacscan.yaml\"}"),
                 "no such configuration file"));
  CHECK(contains(options_error("{\"policy_dirs\": [\"/nonexistent/policies\"]}"),
                 "/nonexistent/policies"));
}

TEST_CASE("c api: options in any JSON layout are read as the configuration file reads them") {
  // The text goes on to the configuration reader (YAML, of which JSON is nearly a subset): a
  // compact object, tabs, CRLF lines and every escape, surrogate pairs included, must work.
  const char* layouts[] = {
      "{\"rules\":{\"s3-bucket-public-acl\":\"off\"},\"jobs\":1}",
      "{\t\"jobs\":\t1,\t\"rules\":\t{\"s3-bucket-public-acl\":\t\"off\"}\t}",
      "{\r\n  \"rules\": {\r\n    \"s3-bucket-public-acl\": \"off\"\r\n  }\r\n}\r\n",
      "{\"rules\": {\"s3-bucket-public\\u002dacl\": \"off\"}, \"exclude\": [\"a\\/b\"]}",
      // One element written on two lines (the parentheses say so to clang).
      ("{\"exclude\": [\"\\u00e9\\ud83d\\ude00\\\\ud83d\", \"# x\", \"&a\", \"!t\", \"a: b\"],"
       " \"rules\": {\"s3-bucket-public-acl\": \"off\"}}"),
  };
  for (const char* options : layouts) {
    CAPTURE(options);
    const ScannerPtr scanner = new_scanner(options);
    const ResultPtr result = scan_buffer(scanner.get(), "main.tf", kPublicBucket);
    CHECK(find_rule(result.get(), "s3-bucket-public-acl") == nullptr);
  }
}

TEST_CASE("c api: a failing call without an error out-parameter only returns NULL") {
  CHECK(iacscan_scanner_new("{", nullptr) == nullptr);
  CHECK(iacscan_scan_paths(nullptr, nullptr, 0, nullptr) == nullptr);
  CHECK(iacscan_result_json(nullptr, nullptr) == nullptr);
}

TEST_CASE("c api: every configuration file key is an options key") {
  // starter_config() writes every top-level key; a key added to the configuration file must
  // work in the C options too (they share config_top_level_keys).
  const auto document = iacscan::detail::read_config_document(iacscan::starter_config());
  REQUIRE(!document.entries().empty());
  for (const auto& entry : document.entries()) {
    CAPTURE(entry.key);
    const std::string options = "{\"" + entry.key + "\": " + to_json(entry.value) + "}";
    new_scanner(options.c_str());
  }
  // And the whole starter configuration as one options object.
  new_scanner(to_json(document).c_str());
}

TEST_CASE("c api: an in-memory Terraform file with a public bucket ACL") {
  const ScannerPtr scanner = new_scanner(nullptr);
  const ResultPtr result = scan_buffer(scanner.get(), "infra/main.tf", kPublicBucket);

  const iacscan_finding* f = find_rule(result.get(), "s3-bucket-public-acl");
  REQUIRE(f != nullptr);
  CHECK(std::string(iacscan_finding_path(f)) == "infra/main.tf");
  CHECK(iacscan_finding_start_line(f) == 3);
  CHECK(iacscan_finding_start_column(f) == 12);
  CHECK(iacscan_finding_end_line(f) == 3);
  CHECK(iacscan_finding_end_column(f) == 24);
  CHECK(std::string(iacscan_finding_resource(f)) == "aws_s3_bucket.site");
  CHECK(std::string(iacscan_finding_resource_type(f)) == "aws_s3_bucket");
  CHECK(iacscan_finding_severity(f) == IACSCAN_SEVERITY_CRITICAL);
  CHECK(std::string(iacscan_finding_severity_name(f)) == "critical");
  CHECK(iacscan_finding_kind_of(f) == IACSCAN_FINDING_FAIL);
  CHECK(contains(iacscan_finding_message(f), "public"));
  CHECK(std::string(iacscan_finding_fingerprint(f)).size() > 8);
  CHECK(iacscan_finding_suppressed(f) == 0);
  CHECK(iacscan_finding_active(f) == 1);

  CHECK(iacscan_result_complete(result.get()) == 1);
  CHECK(iacscan_result_files_scanned(result.get()) == 1);
  CHECK(iacscan_result_diagnostic_count(result.get()) == 0);
  CHECK(iacscan_result_exit_code(result.get(), IACSCAN_SEVERITY_LOW) == 1);
  CHECK(iacscan_result_exit_code(result.get(), IACSCAN_SEVERITY_CRITICAL) == 1);
  CHECK(iacscan_result_finding(result.get(), iacscan_result_finding_count(result.get())) ==
        nullptr);
}

TEST_CASE("c api: buffers are sized, not NUL-terminated, and copied") {
  const ScannerPtr scanner = new_scanner(nullptr);
  std::string text = kPublicBucket + "garbage that the size leaves out {";
  const iacscan_source sources[] = {{"a/main.tf", text.data(), kPublicBucket.size()},
                                    {"b/empty.tf", nullptr, 0}};
  char* error = nullptr;
  const ResultPtr result(iacscan_scan_buffers(scanner.get(), sources, 2, &error));
  REQUIRE(result != nullptr);
  CHECK(error == nullptr);
  text.assign(text.size(), 'x');  // the result must not depend on the caller's memory
  CHECK(iacscan_result_complete(result.get()) == 1);
  CHECK(find_rule(result.get(), "s3-bucket-public-acl") != nullptr);
}

TEST_CASE("c api: the JSON report is the one the CLI writes") {
  const ScannerPtr scanner = new_scanner(nullptr);
  const ResultPtr result = scan_buffer(scanner.get(), "main.tf", kPublicBucket);
  char* error = nullptr;
  const CString json(iacscan_result_json(result.get(), &error));
  REQUIRE(json != nullptr);
  CHECK(error == nullptr);

  auto cpp_scanner = iacscan::Scanner::create({});
  REQUIRE(cpp_scanner.has_value());
  auto cpp_result = cpp_scanner->scan_buffers({{"main.tf", kPublicBucket}});
  REQUIRE(cpp_result.has_value());
  CHECK(std::string(json.get()) ==
        iacscan::render_report(*cpp_result, iacscan::ReportFormat::json));

  const CString sarif(iacscan_result_report(result.get(), "sarif", &error));
  REQUIRE(sarif != nullptr);
  CHECK(contains(sarif.get(), "\"version\": \"2.1.0\""));
  const CString text(iacscan_result_report(result.get(), "text", &error));
  REQUIRE(text != nullptr);
  CHECK(contains(text.get(), "s3-bucket-public-acl"));
  CHECK(!contains(text.get(), "\x1b["));  // never coloured

  CHECK(iacscan_result_report(result.get(), "pdf", &error) == nullptr);
  CHECK(contains(take(error), "unknown report format \"pdf\""));
  CHECK(iacscan_result_report(result.get(), nullptr, &error) == nullptr);
  CHECK(contains(take(error), "format is NULL"));
  CHECK(iacscan_result_json(nullptr, &error) == nullptr);
  CHECK(contains(take(error), "result is NULL"));
}

TEST_CASE("c api: scanning paths, and a path that does not exist") {
  const ScannerPtr scanner = new_scanner("{\"jobs\": 1}");
  const std::string dir = kSourceDir + "/fixtures/terraform/s3-public-acl-v3";
  const char* paths[] = {dir.c_str()};
  char* error = nullptr;
  const ResultPtr result(iacscan_scan_paths(scanner.get(), paths, 1, &error));
  REQUIRE(result != nullptr);
  CHECK(error == nullptr);
  const std::vector<std::string> findings = finding_summary(result.get());
  CHECK(std::count(findings.begin(), findings.end(), "s3-bucket-public-acl@4") == 1);
  CHECK(std::count(findings.begin(), findings.end(), "s3-bucket-public-acl@12") == 1);
  const iacscan_finding* f = find_rule(result.get(), "s3-bucket-public-acl");
  REQUIRE(f != nullptr);
  CHECK(std::string(iacscan_finding_path(f)) == dir + "/main.tf");

  const std::string missing = kSourceDir + "/fixtures/no-such-directory";
  const char* missing_paths[] = {missing.c_str()};
  CHECK(iacscan_scan_paths(scanner.get(), missing_paths, 1, &error) == nullptr);
  CHECK(contains(take(error), "no-such-directory"));
}

TEST_CASE("c api: a malformed file is a diagnostic and the scan is incomplete") {
  const ScannerPtr scanner = new_scanner(nullptr);
  const ResultPtr result = scan_buffer(scanner.get(), "broken/main.tf",
                                       "resource \"aws_s3_bucket\" \"b\" {\n  acl = \n");
  REQUIRE(iacscan_result_diagnostic_count(result.get()) >= 1);
  const iacscan_diagnostic* d = iacscan_result_diagnostic(result.get(), 0);
  CHECK(std::string(iacscan_diagnostic_code(d)) == "parse-error");
  CHECK(iacscan_diagnostic_level_of(d) == IACSCAN_DIAGNOSTIC_ERROR);
  CHECK(std::string(iacscan_diagnostic_level_name(d)) == "error");
  CHECK(std::string(iacscan_diagnostic_path(d)) == "broken/main.tf");
  CHECK(iacscan_diagnostic_line(d) >= 1);
  CHECK(iacscan_diagnostic_column(d) >= 1);
  CHECK(!std::string(iacscan_diagnostic_message(d)).empty());
  CHECK(iacscan_result_diagnostic(result.get(), iacscan_result_diagnostic_count(result.get())) ==
        nullptr);
  CHECK(iacscan_result_complete(result.get()) == 0);
  CHECK(iacscan_result_exit_code(result.get(), IACSCAN_SEVERITY_LOW) == 3);
}

TEST_CASE("c api: options change what the scan reports") {
  SUBCASE("rules: a rule turned off") {
    const ScannerPtr scanner = new_scanner("{\"rules\": {\"s3-bucket-public-acl\": \"off\"}}");
    const ResultPtr result = scan_buffer(scanner.get(), "main.tf", kPublicBucket);
    CHECK(find_rule(result.get(), "s3-bucket-public-acl") == nullptr);
  }
  SUBCASE("rules: a severity changed") {
    const ScannerPtr scanner =
        new_scanner("{\"rules\": {\"s3-bucket-public-acl\": {\"severity\": \"low\"}}}");
    const ResultPtr result = scan_buffer(scanner.get(), "main.tf", kPublicBucket);
    const iacscan_finding* f = find_rule(result.get(), "s3-bucket-public-acl");
    REQUIRE(f != nullptr);
    CHECK(iacscan_finding_severity(f) == IACSCAN_SEVERITY_LOW);
  }
  SUBCASE("suppressions, judged against `today`") {
    const ScannerPtr scanner = new_scanner(
        "{\"today\": \"2026-01-01\", \"suppressions\": [{\"rule\": \"s3-bucket-public-acl\","
        " \"reason\": \"public website\", \"expires\": \"2026-06-30\"}]}");
    const ResultPtr result = scan_buffer(scanner.get(), "main.tf", kPublicBucket);
    const iacscan_finding* f = find_rule(result.get(), "s3-bucket-public-acl");
    REQUIRE(f != nullptr);
    CHECK(iacscan_finding_suppressed(f) == 1);
    CHECK(iacscan_finding_active(f) == 0);

    const ScannerPtr later = new_scanner(
        "{\"today\": \"2026-07-01\", \"suppressions\": [{\"rule\": \"s3-bucket-public-acl\","
        " \"reason\": \"public website\", \"expires\": \"2026-06-30\"}]}");
    const ResultPtr expired = scan_buffer(later.get(), "main.tf", kPublicBucket);
    CHECK(iacscan_finding_suppressed(find_rule(expired.get(), "s3-bucket-public-acl")) == 0);
  }
  SUBCASE("report_unknowns: an undecided check becomes a review finding") {
    const std::string code =
        "variable \"acl\" {}\nresource \"aws_s3_bucket\" \"b\" {\n  bucket = \"b\"\n"
        "  acl    = var.acl\n}\n";
    const ScannerPtr quiet = new_scanner(nullptr);
    CHECK(find_rule(scan_buffer(quiet.get(), "main.tf", code).get(), "s3-bucket-public-acl") ==
          nullptr);
    const ScannerPtr scanner = new_scanner("{\"report_unknowns\": true}");
    const ResultPtr result = scan_buffer(scanner.get(), "main.tf", code);
    const iacscan_finding* f = find_rule(result.get(), "s3-bucket-public-acl");
    REQUIRE(f != nullptr);
    CHECK(iacscan_finding_kind_of(f) == IACSCAN_FINDING_REVIEW);
    CHECK(iacscan_finding_active(f) == 0);
  }
  SUBCASE("terraform.variables") {
    const std::string code =
        "variable \"acl\" {}\nresource \"aws_s3_bucket\" \"b\" {\n  bucket = \"b\"\n"
        "  acl    = var.acl\n}\n";
    const ScannerPtr scanner =
        new_scanner("{\"terraform\": {\"variables\": {\"acl\": \"public-read\"}}}");
    CHECK(find_rule(scan_buffer(scanner.get(), "main.tf", code).get(), "s3-bucket-public-acl") !=
          nullptr);
  }
  SUBCASE("config: a configuration file, then the options over it") {
    const auto dir = std::filesystem::temp_directory_path() / "iacscan_c_api_config_test";
    std::filesystem::create_directories(dir);
    const std::string config = (dir / ".iacscan.yaml").string();
    std::ofstream(config) << "rules:\n  s3-bucket-public-acl: off\n  s3-bucket-versioning: off\n";

    const std::string options = "{\"config\": \"" + config + "\"}";
    const ScannerPtr scanner = new_scanner(options.c_str());
    const ResultPtr result = scan_buffer(scanner.get(), "main.tf", kPublicBucket);
    CHECK(find_rule(result.get(), "s3-bucket-public-acl") == nullptr);
    CHECK(find_rule(result.get(), "s3-bucket-versioning") == nullptr);

    const std::string over =
        "{\"config\": \"" + config + "\", \"rules\": {\"s3-bucket-public-acl\": \"on\"}}";
    const ScannerPtr overridden = new_scanner(over.c_str());
    const ResultPtr again = scan_buffer(overridden.get(), "main.tf", kPublicBucket);
    CHECK(find_rule(again.get(), "s3-bucket-public-acl") != nullptr);
    CHECK(find_rule(again.get(), "s3-bucket-versioning") == nullptr);
    std::filesystem::remove_all(dir);
  }
}

TEST_CASE("c api: NULL handles and arguments are errors, never crashes") {
  const ScannerPtr scanner = new_scanner(nullptr);
  char* error = nullptr;
  const char* paths[] = {nullptr};
  CHECK(iacscan_scan_paths(nullptr, paths, 1, &error) == nullptr);
  CHECK(contains(take(error), "scanner is NULL"));
  CHECK(iacscan_scan_paths(scanner.get(), nullptr, 1, &error) == nullptr);
  CHECK(contains(take(error), "paths is NULL"));
  CHECK(iacscan_scan_paths(scanner.get(), paths, 1, &error) == nullptr);
  CHECK(contains(take(error), "paths[0] is NULL"));

  CHECK(iacscan_scan_buffers(nullptr, nullptr, 0, &error) == nullptr);
  CHECK(contains(take(error), "scanner is NULL"));
  CHECK(iacscan_scan_buffers(scanner.get(), nullptr, 2, &error) == nullptr);
  CHECK(contains(take(error), "sources is NULL"));
  const iacscan_source no_path{nullptr, "x", 1};
  CHECK(iacscan_scan_buffers(scanner.get(), &no_path, 1, &error) == nullptr);
  CHECK(contains(take(error), "sources[0].path is NULL or empty"));
  const iacscan_source no_data{"main.tf", nullptr, 4};
  CHECK(iacscan_scan_buffers(scanner.get(), &no_data, 1, &error) == nullptr);
  CHECK(contains(take(error), "sources[0].data is NULL"));

  CHECK(iacscan_result_complete(nullptr) == 0);
  CHECK(iacscan_result_files_scanned(nullptr) == 0);
  CHECK(iacscan_result_exit_code(nullptr, IACSCAN_SEVERITY_LOW) == -1);
  CHECK(iacscan_result_finding_count(nullptr) == 0);
  CHECK(iacscan_result_finding(nullptr, 0) == nullptr);
  CHECK(iacscan_result_diagnostic_count(nullptr) == 0);
  CHECK(iacscan_result_diagnostic(nullptr, 0) == nullptr);
  CHECK(iacscan_finding_rule_id(nullptr) == nullptr);
  CHECK(iacscan_finding_severity(nullptr) == IACSCAN_SEVERITY_INFO);
  CHECK(iacscan_finding_severity_name(nullptr) == nullptr);
  CHECK(iacscan_finding_kind_of(nullptr) == IACSCAN_FINDING_FAIL);
  CHECK(iacscan_finding_message(nullptr) == nullptr);
  CHECK(iacscan_finding_resource(nullptr) == nullptr);
  CHECK(iacscan_finding_resource_type(nullptr) == nullptr);
  CHECK(iacscan_finding_path(nullptr) == nullptr);
  CHECK(iacscan_finding_start_line(nullptr) == 0);
  CHECK(iacscan_finding_start_column(nullptr) == 0);
  CHECK(iacscan_finding_end_line(nullptr) == 0);
  CHECK(iacscan_finding_end_column(nullptr) == 0);
  CHECK(iacscan_finding_fingerprint(nullptr) == nullptr);
  CHECK(iacscan_finding_suppressed(nullptr) == 0);
  CHECK(iacscan_finding_active(nullptr) == 0);
  CHECK(iacscan_diagnostic_code(nullptr) == nullptr);
  CHECK(iacscan_diagnostic_level_of(nullptr) == IACSCAN_DIAGNOSTIC_ERROR);
  CHECK(iacscan_diagnostic_level_name(nullptr) == nullptr);
  CHECK(iacscan_diagnostic_message(nullptr) == nullptr);
  CHECK(iacscan_diagnostic_path(nullptr) == nullptr);
  CHECK(iacscan_diagnostic_line(nullptr) == 0);
  CHECK(iacscan_diagnostic_column(nullptr) == 0);

  iacscan_scanner_free(nullptr);
  iacscan_result_free(nullptr);
  iacscan_string_free(nullptr);
}

TEST_CASE("c api: one scanner serves several threads at once") {
  const ScannerPtr scanner = new_scanner("{\"jobs\": 1}");
  std::vector<std::string> reports(4);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < reports.size(); ++i) {
    threads.emplace_back([&, i] {
      const iacscan_source source{"main.tf", kPublicBucket.data(), kPublicBucket.size()};
      const ResultPtr result(iacscan_scan_buffers(scanner.get(), &source, 1, nullptr));
      if (!result) return;
      const CString json(iacscan_result_json(result.get(), nullptr));
      if (json) reports[i] = json.get();
    });
  }
  for (std::thread& t : threads) t.join();
  REQUIRE(!reports[0].empty());
  for (const std::string& report : reports) CHECK(report == reports[0]);
}
