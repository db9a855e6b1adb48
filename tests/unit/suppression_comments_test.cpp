// The comment forms suppressions are written in, found in Terraform and YAML text.
#include <doctest/doctest.h>

#include "suppress/suppression_comments.hpp"
#include "suppress/suppression_date.hpp"

using iacscan::detail::CommentScope;
using iacscan::detail::find_suppression_comments;

TEST_CASE("iacscan:ignore after code covers its own line") {
  const auto found = find_suppression_comments(
      "resource \"aws_s3_bucket\" \"b\" {\n"
      "  acl = \"public-read\" # iacscan:ignore s3-bucket-public-acl,s3-bucket-logging Public "
      "site\n}\n",
      false);
  REQUIRE(found.size() == 1);
  CHECK(found[0].tool == "iacscan");
  CHECK(found[0].scope == CommentScope::line);
  CHECK(found[0].line == 2);
  CHECK(found[0].target_line == 2);
  REQUIRE(found[0].rules.size() == 2);
  CHECK(found[0].rules[0].id == "s3-bucket-public-acl");
  CHECK(found[0].rules[1].id == "s3-bucket-logging");
  CHECK(found[0].reason == "Public site");
  CHECK(found[0].start_column == 25);
}

TEST_CASE("a comment on its own line covers the next line with code") {
  const auto found = find_suppression_comments(
      "# iacscan:ignore s3-bucket-public-acl:exp:2027-01-31 Until the CDN lands\n"
      "// another comment\n"
      "\n"
      "resource \"aws_s3_bucket\" \"b\" {}\n",
      false);
  REQUIRE(found.size() == 1);
  CHECK(found[0].scope == CommentScope::next);
  CHECK(found[0].target_line == 4);
  CHECK(found[0].rules[0].id == "s3-bucket-public-acl");
  CHECK(found[0].rules[0].expires == "2027-01-31");
  CHECK(found[0].reason == "Until the CDN lands");
}

TEST_CASE("whole-file, block-comment, checkov and tfsec spellings") {
  const auto found = find_suppression_comments(
      "/* iacscan:ignore-file secret-in-template fake keys for tests */\n"
      "resource \"aws_s3_bucket\" \"b\" {\n"
      "  #checkov:skip=CKV_AWS_20,CKV_AWS_57:The bucket is a website\n"
      "  acl = \"public-read\" #tfsec:ignore:aws-s3-no-public-access-with-acl "
      "tfsec:ignore:aws-s3-enable-bucket-logging:exp:2030-01-01\n"
      "}\n",
      false);
  REQUIRE(found.size() == 4);
  CHECK(found[0].scope == CommentScope::file);
  CHECK(found[0].reason == "fake keys for tests");
  CHECK(found[1].tool == "checkov");
  CHECK(found[1].scope == CommentScope::resource);
  CHECK(found[1].rules.size() == 2);
  CHECK(found[1].reason == "The bucket is a website");
  CHECK(found[2].tool == "tfsec");
  CHECK(found[2].rules[0].id == "aws-s3-no-public-access-with-acl");
  CHECK(found[2].target_line == 4);
  CHECK(found[3].rules[0].id == "aws-s3-enable-bucket-logging");
  CHECK(found[3].rules[0].expires == "2030-01-01");
}

TEST_CASE("markers inside strings or glued to words are not comments") {
  CHECK(find_suppression_comments("description = \"iacscan:ignore s3-bucket-public-acl\"\n", false)
            .empty());
  CHECK(find_suppression_comments("# iacscan:ignored s3-bucket-public-acl x\n", false).empty());
  CHECK(find_suppression_comments("# iacscan:ignore\n", false).empty());  // no rule
  // YAML: '#' opens a comment only after a blank.
  CHECK(find_suppression_comments("Name: a#iacscan:ignore x reason\n", true).empty());
  CHECK(find_suppression_comments("Name: a # iacscan:ignore x reason\n", true).size() == 1);
  // HCL's '//' is not a YAML comment.
  CHECK(find_suppression_comments("Url: http://iacscan:ignore\n", true).empty());
}

TEST_CASE("YAML comments before a logical id") {
  const auto found = find_suppression_comments(
      "Resources:\n"
      "  # iacscan:ignore s3-bucket-logging Access logs go to CloudFront\n"
      "  Site:\n"
      "    Type: AWS::S3::Bucket\n",
      true);
  REQUIRE(found.size() == 1);
  CHECK(found[0].target_line == 3);
}

TEST_CASE("expiry dates are real calendar days") {
  using iacscan::detail::is_valid_date;
  CHECK(is_valid_date("2027-01-31"));
  CHECK(is_valid_date("2028-02-29"));
  CHECK_FALSE(is_valid_date("2027-02-29"));
  CHECK_FALSE(is_valid_date("2027-13-01"));
  CHECK_FALSE(is_valid_date("2027-1-31"));
  CHECK_FALSE(is_valid_date("31-01-2027"));
  CHECK_FALSE(is_valid_date("tomorrow"));
}
