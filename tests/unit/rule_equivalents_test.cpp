// A rule's `equivalents:` (the same check in checkov, cfn_nag, tfsec and Trivy): how the loader
// reads it, what it refuses, and what the built-in rules declare.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "engine/rule.hpp"
#include "engine/yaml_node.hpp"
#include "iacscan/iacscan.hpp"

using namespace iacscan::detail;

namespace {

// A complete rule; `equivalents` is spliced in as the file's last lines.
std::string rule_text(const std::string& equivalents) {
  return "id: demo-rule\n"
         "title: t\n"
         "severity: high\n"
         "stage: 6\n"
         "category: demo\n"
         "description: d\n"
         "remediation: r\n"
         "kinds: [aws.s3.bucket]\n"
         "condition: {attribute: acl, equals: public-read}\n"
         "message: m\n" +
         equivalents;
}

// The error parse_rule throws for the text, with its line; "" when it accepts it.
std::pair<std::string, int> rejection(const std::string& equivalents) {
  try {
    parse_rule(rule_text(equivalents), "test.yaml");
  } catch (const PolicyFileError& e) {
    return {e.what(), e.line};
  }
  return {"", 0};
}

}  // namespace

TEST_CASE("equivalents: read per tool, in the order written") {
  const Rule rule = parse_rule(rule_text("equivalents:\n"
                                         "  checkov: [CKV_AWS_20, CKV2_AWS_11]\n"
                                         "  cfn_nag: [W31, F14]\n"
                                         "  tfsec: [aws-s3-no-public-access-with-acl]\n"
                                         "  trivy: [AVD-AWS-0092, AWS-0086]\n"),
                               "test.yaml");
  const auto& equivalents = rule.info.equivalents;
  REQUIRE(equivalents.size() == 4);
  CHECK(equivalents.at("checkov") == std::vector<std::string>{"CKV_AWS_20", "CKV2_AWS_11"});
  CHECK(equivalents.at("cfn_nag") == std::vector<std::string>{"W31", "F14"});
  CHECK(equivalents.at("tfsec") == std::vector<std::string>{"aws-s3-no-public-access-with-acl"});
  CHECK(equivalents.at("trivy") == std::vector<std::string>{"AVD-AWS-0092", "AWS-0086"});
}

TEST_CASE("equivalents: optional, and one tool is enough") {
  CHECK(parse_rule(rule_text(""), "test.yaml").info.equivalents.empty());
  const Rule rule = parse_rule(rule_text("equivalents:\n  cfn_nag: [W35]\n"), "test.yaml");
  CHECK(rule.info.equivalents.size() == 1);
  CHECK(rule.info.equivalents.at("cfn_nag") == std::vector<std::string>{"W35"});
}

TEST_CASE("equivalents: an unknown tool is an invalid policy, at its line") {
  const auto [message, line] = rejection("equivalents:\n  checkov: [CKV_AWS_20]\n  kics: [x]\n");
  CHECK(message.find("unknown tool \"kics\"") != std::string::npos);
  CHECK(message.find("checkov, cfn_nag, tfsec or trivy") != std::string::npos);
  CHECK(line == 13);
}

TEST_CASE("equivalents: each tool takes a non-empty list of ids") {
  CHECK(rejection("equivalents:\n  checkov: CKV_AWS_20\n")
            .first.find("'equivalents.checkov' must be a non-empty list") != std::string::npos);
  CHECK(rejection("equivalents:\n  checkov: []\n").first.find("non-empty list") !=
        std::string::npos);
  CHECK(rejection("equivalents:\n  checkov:\n").first.find("non-empty list") != std::string::npos);
  CHECK(rejection("equivalents:\n  checkov: [[CKV_AWS_20]]\n").first.find("list of ids") !=
        std::string::npos);
  CHECK(rejection("equivalents: [CKV_AWS_20]\n").first.find("maps tools") != std::string::npos);
  CHECK(rejection("equivalents: {}\n").first.find("maps tools") != std::string::npos);
}

TEST_CASE("equivalents: an id filed under the wrong tool, or twice, is refused") {
  // Each would never match a suppression, so the mistake would go unnoticed otherwise.
  for (const char* misfiled :
       {"  tfsec: [AVD-AWS-0089]\n", "  trivy: [aws-s3-enable-versioning]\n", "  checkov: [W35]\n",
        "  cfn_nag: [CKV_AWS_18]\n", "  checkov: [ckv_aws_18]\n", "  cfn_nag: [W]\n",
        "  tfsec: [aws]\n", "  checkov: [CKV_AWS_]\n"}) {
    CAPTURE(misfiled);
    const auto [message, line] = rejection(std::string("equivalents:\n") + misfiled);
    CHECK(message.find("which is not a") != std::string::npos);
    CHECK(line == 12);
  }
  const auto [message, line] = rejection("equivalents:\n  checkov: [CKV_AWS_18, CKV_AWS_18]\n");
  CHECK(message.find("names \"CKV_AWS_18\" twice") != std::string::npos);
}

TEST_CASE("equivalents: the built-in rules' mappings") {
  iacscan::ScanOptions options;
  auto scanner = iacscan::Scanner::create(options);
  REQUIRE(scanner.has_value());
  const auto& rules = scanner->rules();
  const auto rule = [&](const std::string& id) -> const iacscan::RuleInfo& {
    const auto found = std::find_if(rules.begin(), rules.end(),
                                    [&](const iacscan::RuleInfo& r) { return r.id == id; });
    REQUIRE(found != rules.end());
    return *found;
  };
  CHECK(rule("s3-bucket-public-acl").equivalents.at("checkov") ==
        std::vector<std::string>{"CKV_AWS_20", "CKV_AWS_393"});
  CHECK(rule("s3-bucket-access-logging").equivalents.at("cfn_nag") ==
        std::vector<std::string>{"W35"});
  CHECK(rule("s3-bucket-versioning").equivalents.at("trivy") ==
        std::vector<std::string>{"AVD-AWS-0090"});
  // Left out on purpose: the peer checks report less than the rule (one port of several, one
  // Block Public Access flag of four), so their suppressions must not hide the rule's findings.
  CHECK(rule("sg-ingress-admin-ports-open-world").equivalents.count("checkov") == 0);
  CHECK(rule("s3-bucket-public-access-block").equivalents.empty());

  std::set<std::string> mapped;
  for (const iacscan::RuleInfo& info : rules) {
    if (info.equivalents.empty()) continue;
    mapped.insert(info.id);
    // A finding about the whole scanned set belongs to no resource whose Metadata or comments
    // could carry another tool's suppression.
    CHECK_MESSAGE(!info.judges_whole_set, info.id);
  }
  CHECK(mapped.size() >= 40);
}

TEST_CASE("equivalents: docs/migrating.md lists exactly the built-in rules' mappings") {
  iacscan::ScanOptions options;
  auto scanner = iacscan::Scanner::create(options);
  REQUIRE(scanner.has_value());
  std::vector<const iacscan::RuleInfo*> mapped;
  for (const iacscan::RuleInfo& info : scanner->rules())
    if (!info.equivalents.empty()) mapped.push_back(&info);
  std::sort(mapped.begin(), mapped.end(),
            [](const auto* a, const auto* b) { return a->id < b->id; });
  std::string expected =
      "| iacscan rule | checkov | cfn_nag | tfsec | Trivy |\n|---|---|---|---|---|\n";
  for (const iacscan::RuleInfo* info : mapped) {
    expected += "| [" + info->id + "](rules/" + info->id + ".md) |";
    for (const char* tool : {"checkov", "cfn_nag", "tfsec", "trivy"}) {
      const auto found = info->equivalents.find(tool);
      std::string cell;
      if (found != info->equivalents.end())
        for (const std::string& id : found->second) cell += (cell.empty() ? "" : ", ") + id;
      expected += " " + (cell.empty() ? std::string("-") : cell) + " |";
    }
    expected += "\n";
  }
  std::ifstream in(std::string(IACSCAN_SOURCE_DIR) + "/docs/migrating.md");
  REQUIRE(in.good());
  std::stringstream text;
  text << in.rdbuf();
  const std::string doc = text.str();
  const std::size_t start = doc.find("| iacscan rule |");
  REQUIRE(start != std::string::npos);
  const std::size_t end = doc.find("\n\n", start);
  // On a difference, paste `expected` into the page.
  CHECK(doc.substr(start, end - start + 1) == expected);

  const auto count = [&](const char* tool) {
    return std::to_string(std::count_if(mapped.begin(), mapped.end(), [&](const auto* info) {
      return info->equivalents.count(tool) != 0;
    }));
  };
  const std::string summary = std::to_string(mapped.size()) +
                              " rules have equivalents: " + count("checkov") + " in checkov, " +
                              count("cfn_nag") + " in cfn_nag, " + count("tfsec") +
                              " in tfsec and " + count("trivy") + " in Trivy.";
  CHECK_MESSAGE(doc.find(summary) != std::string::npos, summary);
}
