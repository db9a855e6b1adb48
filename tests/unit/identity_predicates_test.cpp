// Identity predicates: service trust in role trust policies, administrator managed policy ARNs,
// personal mail domains.
#include <doctest/doctest.h>

#include <deque>

#include <string>
#include <string_view>

#include "engine/identity_predicates.hpp"
#include "engine/predicate_support.hpp"
#include "graph/resource.hpp"
#include "value/json_reader.hpp"

using namespace iacscan::detail;
using namespace iacscan::detail::predicates;

namespace {

Resource role_with_trust(std::string_view trust_json) {
  ReadResult read = read_json(trust_json, 1);
  REQUIRE(read.ok());
  Resource r;
  r.format = SourceFormat::cloudformation;
  r.native_type = "AWS::IAM::Role";
  r.address = "Role";
  r.attributes.set("AssumeRolePolicyDocument", std::move(*read.value));
  return r;
}

Outcome trust(std::string_view trust_json) {
  const Resource r = role_with_trust(trust_json);
  const Value no_arguments = Value::map({});
  return iam_trust_allows_service(PredicateInput{r, r.attributes, no_arguments});
}

std::string statement(std::string_view body) {
  return std::string(R"({"Version": "2012-10-17", "Statement": [)") + std::string(body) + "]}";
}

Value with_attribute(const char* name) {
  Value args = Value::map({});
  args.set("attribute", Value::string(name));
  return args;
}

// An outcome's witness points into the subject it judged, so every subject outlives the
// test (a deque never moves its elements).
const Value& kept(Value value) {
  static std::deque<Value> subjects;
  subjects.push_back(std::move(value));
  return subjects.back();
}

Outcome on_subject(Outcome (*predicate)(const PredicateInput&), const char* attribute,
                   Value value) {
  const Resource r;
  Value subject = Value::map({});
  subject.set(attribute, std::move(value));
  const Value args = with_attribute(attribute);
  return predicate(PredicateInput{r, kept(std::move(subject)), args});
}

Value line_string(const char* text, std::uint32_t line) {
  Span span;
  span.file = 0;
  span.range = {line, 1, line, 40};
  return Value::string(text, span);
}

// A Terraform template around an unknown part: "<?>" marks it.
Value partial(std::string_view text) {
  std::string rendered;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.substr(i, 3) == "<?>") {
      rendered += kUnknownMarker;
      i += 2;
    } else {
      rendered += text[i];
    }
  }
  Value v = Value::unknown("var.x has no value");
  auto encoded = std::make_shared<EncodedText>();
  encoded->partial_text = std::move(rendered);
  v.encoded = std::move(encoded);
  return v;
}

}  // namespace

TEST_CASE("iam-trust-allows-service: a service principal that may assume the role") {
  const Outcome o = trust(statement(R"({"Effect": "Allow",
      "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"})"));
  CHECK(o.truth == Truth::true_);
  CHECK(o.span.range.start_line == 2);
  CHECK(o.detail == "lambda.amazonaws.com can assume the role");

  CHECK(trust(statement(R"({"Effect": "Allow", "Principal": {"Service": ["ec2.amazonaws.com"]},
      "Action": ["sts:AssumeRole", "sts:TagSession"],
      "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}}})"))
            .truth == Truth::true_);
  CHECK(trust(statement(R"({"Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"},
      "Action": "sts:*"})"))
            .truth == Truth::true_);
}

TEST_CASE("iam-trust-allows-service: people, federation, Deny and other actions are not") {
  CHECK(trust(statement(R"({"Effect": "Allow",
      "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "sts:AssumeRole"})"))
            .truth == Truth::false_);
  CHECK(trust(statement(R"({"Effect": "Allow",
      "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},
      "Action": "sts:AssumeRoleWithWebIdentity"})"))
            .truth == Truth::false_);
  CHECK(trust(statement(R"({"Effect": "Deny", "Principal": {"Service": "ec2.amazonaws.com"},
      "Action": "sts:AssumeRole"})"))
            .truth == Truth::false_);
  CHECK(trust(statement(R"({"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"},
      "Action": "sts:TagSession"})"))
            .truth == Truth::false_);
  CHECK(trust(statement(R"({"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole"})"))
            .truth == Truth::false_);
}

TEST_CASE("iam-trust-allows-service: unknown trust parts") {
  Resource r = role_with_trust(statement(R"({"Effect": "Allow",
      "Principal": {"Service": "x"}, "Action": "sts:AssumeRole"})"));
  // An unknown service is still a service.
  r.attributes.find("AssumeRolePolicyDocument")
      ->find("Statement")
      ->items()[0]
      .find("Principal")
      ->set("Service", Value::unknown("var.service"));
  const Value none = Value::map({});
  CHECK(iam_trust_allows_service(PredicateInput{r, r.attributes, none}).truth == Truth::true_);
  // An unknown principal might be one.
  r.attributes.find("AssumeRolePolicyDocument")
      ->find("Statement")
      ->items()[0]
      .set("Principal", Value::unknown("var.principal"));
  CHECK(iam_trust_allows_service(PredicateInput{r, r.attributes, none}).truth == Truth::unknown);
  // A trust policy known only after apply.
  r.attributes.set("AssumeRolePolicyDocument", Value::unknown("data.x.json"));
  CHECK(iam_trust_allows_service(PredicateInput{r, r.attributes, none}).truth == Truth::unknown);
}

TEST_CASE("is_admin_managed_policy_arn: the three policies in any partition") {
  CHECK(is_admin_managed_policy_arn("arn:aws:iam::aws:policy/AdministratorAccess"));
  CHECK(is_admin_managed_policy_arn("arn:aws-us-gov:iam::aws:policy/PowerUserAccess"));
  CHECK(is_admin_managed_policy_arn("arn:aws-cn:iam::aws:policy/IAMFullAccess"));
  CHECK(is_admin_managed_policy_arn(std::string("arn:") + std::string(kUnknownMarker) +
                                    ":iam::aws:policy/AdministratorAccess"));
  CHECK_FALSE(is_admin_managed_policy_arn("arn:aws:iam::aws:policy/ReadOnlyAccess"));
  CHECK_FALSE(is_admin_managed_policy_arn("arn:aws:iam::aws:policy/job-function/Billing"));
  CHECK_FALSE(is_admin_managed_policy_arn("arn:aws:iam::111122223333:policy/AdministratorAccess"));
  CHECK_FALSE(is_admin_managed_policy_arn("arn:aws:iam::aws:policy/AdministratorAccess-Amplify"));
  CHECK_FALSE(is_admin_managed_policy_arn(std::string("arn:aws:iam::aws:policy/") +
                                          std::string(kUnknownMarker)));
}

TEST_CASE("iam-admin-managed-policy: lists, single ARNs, templates and unknowns") {
  Value list = Value::list({line_string("arn:aws:iam::aws:policy/ReadOnlyAccess", 3),
                            line_string("arn:aws:iam::aws:policy/AdministratorAccess", 4)});
  Outcome o = on_subject(iam_admin_managed_policy, "managed_policy_arns", list);
  REQUIRE(o.truth == Truth::true_);
  REQUIRE(o.witness != nullptr);
  CHECK(o.witness->span.range.start_line == 4);

  CHECK(on_subject(iam_admin_managed_policy, "policy_arn",
                   Value::string("arn:aws:iam::aws:policy/PowerUserAccess"))
            .truth == Truth::true_);
  CHECK(on_subject(iam_admin_managed_policy, "policy_arn",
                   partial("arn:<?>:iam::aws:policy/IAMFullAccess"))
            .truth == Truth::true_);
  CHECK(on_subject(iam_admin_managed_policy, "policy_arn",
                   Value::string("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"))
            .truth == Truth::false_);
  // Unknown: a whole list, or one element with no better one beside it.
  CHECK(on_subject(iam_admin_managed_policy, "managed_policy_arns", Value::unknown("var.arns"))
            .truth == Truth::unknown);
  CHECK(on_subject(iam_admin_managed_policy, "managed_policy_arns",
                   Value::list({Value::string("arn:aws:iam::aws:policy/ReadOnlyAccess"),
                                Value::unknown("var.extra")}))
            .truth == Truth::unknown);
  CHECK(on_subject(iam_admin_managed_policy, "policy_arn", partial("arn:aws:iam::<?>")).truth ==
        Truth::unknown);
  // Absent: the role has no managed policies.
  const Resource r;
  const Value empty = Value::map({});
  const Value args = with_attribute("managed_policy_arns");
  CHECK(iam_admin_managed_policy(PredicateInput{r, empty, args}).truth == Truth::false_);
}

TEST_CASE("personal mail domains") {
  for (const char* domain :
       {"gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "hotmail.co.uk", "live.com",
        "yahoo.com", "yahoo.co.jp", "yahoo.com.br", "icloud.com", "me.com", "aol.com",
        "protonmail.com", "proton.me", "gmx.de", "gmx.net", "mail.com", "yandex.ru"}) {
    CAPTURE(domain);
    CHECK(is_personal_mail_domain(domain));
  }
  for (const char* domain :
       {"example.com", "yahooinc.com", "yahoo.example.com", "corp.gmail.company.io",
        "livenation.com", "outlook-team.example.org", "mail.example.com"}) {
    CAPTURE(domain);
    CHECK_FALSE(is_personal_mail_domain(domain));
  }
}

TEST_CASE("email-personal-domain: addresses, templates and unknowns") {
  const Outcome o =
      on_subject(email_personal_domain, "email", line_string("Jane.Doe@GMail.com", 7));
  CHECK(o.truth == Truth::true_);
  REQUIRE(o.witness != nullptr);
  CHECK(o.witness->span.range.start_line == 7);
  CHECK(on_subject(email_personal_domain, "email", Value::string("aws+prod@example.com")).truth ==
        Truth::false_);
  // The domain is known even though the local part is not.
  const Outcome t = on_subject(email_personal_domain, "email", partial("aws-<?>@yahoo.co.uk"));
  CHECK(t.truth == Truth::true_);
  CHECK(t.detail == "aws-${...}@yahoo.co.uk");
  CHECK(on_subject(email_personal_domain, "email", partial("aws@<?>")).truth == Truth::unknown);
  CHECK(on_subject(email_personal_domain, "email", Value::unknown("var.email")).truth ==
        Truth::unknown);
  CHECK(on_subject(email_personal_domain, "email", Value::string("not-an-address")).truth ==
        Truth::false_);
}

TEST_CASE("identity predicates check their arguments") {
  CHECK(attribute_argument(with_attribute("email")).empty());
  CHECK_FALSE(attribute_argument(Value::map({})).empty());
  Value wrong = Value::map({});
  wrong.set("attr", Value::string("email"));
  CHECK_FALSE(attribute_argument(wrong).empty());
}
