// Secret patterns (engine/secret_patterns.hpp), the secrets predicates through a scan, and the
// pseudo-resources they judge (CloudFormation parameters, Terraform variables and providers).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "cfn_test_support.hpp"
#include "engine/secret_patterns.hpp"
#include "iacscan/iacscan.hpp"
#include "tf_test_support.hpp"

using namespace iacscan::detail::secrets;
using iacscan::detail::Value;

namespace {

constexpr const char* kKeyId = "AKIAIACSCANFAKE00001";
constexpr const char* kSecretKey = "iacscanFakeSecretAccessKey00000000000001";

std::vector<std::string> words(std::string_view name) {
  return name_words(name);
}

std::vector<std::string> names_of(const std::vector<SecretHit>& hits) {
  std::vector<std::string> out;
  for (const SecretHit& h : hits) out.push_back(h.name);
  return out;
}

std::vector<std::string> values_of(std::string_view text, const std::vector<SecretHit>& hits) {
  std::vector<std::string> out;
  for (const SecretHit& h : hits) out.emplace_back(text.substr(h.offset, h.length));
  return out;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += item + "|";
  return out;
}

// "rule@line: attribute" for every finding of a secrets rule.
std::vector<std::string> secret_findings(const std::string& path, const std::string& code) {
  auto scanner = iacscan::Scanner::create({});
  REQUIRE(scanner.has_value());
  auto result = scanner->scan_buffers({{path, code}});
  REQUIRE(result.has_value());
  std::vector<std::string> out;
  for (const iacscan::Finding& f : result->findings) {
    if (f.rule_id.rfind("secrets-", 0) != 0) continue;
    out.push_back(f.rule_id + "@" + std::to_string(f.location.start_line) + ": " + f.attribute);
  }
  return out;
}

}  // namespace

TEST_CASE("names split into words whatever the naming convention") {
  CHECK(words("DB_PASSWORD") == std::vector<std::string>{"db", "password"});
  CHECK(words("dbMasterPassword") == std::vector<std::string>{"db", "master", "password"});
  CHECK(words("APIKey2") == std::vector<std::string>{"api", "key", "2"});
  CHECK(words("GitHubOAuthToken") == std::vector<std::string>{"git", "hub", "o", "auth", "token"});
  CHECK(words("spring.datasource.password") ==
        std::vector<std::string>{"spring", "datasource", "password"});
}

TEST_CASE("secret names: the secret word last, or followed only by words of its form") {
  for (const char* name : {"password",        "DB_PASSWORD",     "MasterUserPassword",
                           "db-pass",         "PGPASSWORD",      "api_key",
                           "ApiKey",          "APIKEY",          "GITHUB_TOKEN",
                           "authToken",       "client_secret",   "JWT_SECRET",
                           "SECRET_KEY",      "SECRET_KEY_BASE", "PRIVATE_KEY",
                           "private_key_pem", "DB_CREDENTIALS",  "passphrase",
                           "TOKEN2",          "SlackApiToken",   "aws_secret_access_key"}) {
    CAPTURE(std::string(name));
    CHECK(is_secret_name(name));
  }
  for (const char* name : {"SECRET_ARN",
                           "DbPasswordSecretArn",
                           "SECRET_NAME",
                           "secret_id",
                           "TOKEN_URL",
                           "PASSWORD_LENGTH",
                           "password_min_length",
                           "DB_PASSWORD_PARAM",
                           "API_KEY_SSM_PARAM",
                           "TOKEN_TTL",
                           "KeyName",
                           "ssh_public_key",
                           "BYPASS",
                           "compass",
                           "AWS_ACCESS_KEY_ID",
                           "ENABLE_PASSWORD_AUTH",
                           "LOG_LEVEL",
                           "kms_key_id",
                           "CREDENTIALS_FILE",
                           ""}) {
    CAPTURE(std::string(name));
    CHECK_FALSE(is_secret_name(name));
  }
}

TEST_CASE("secret access key names") {
  CHECK(is_secret_access_key_name("secret_key"));
  CHECK(is_secret_access_key_name("SecretAccessKey"));
  CHECK(is_secret_access_key_name("AWS_SECRET_ACCESS_KEY"));
  CHECK(is_secret_access_key_name("aws_secret_key"));
  CHECK_FALSE(is_secret_access_key_name("secret_key_id"));
  CHECK_FALSE(is_secret_access_key_name("access_key"));
}

TEST_CASE("values that are flags, counts or pointers are not secrets") {
  for (const char* value : {"hunter2!", "not-a-real-password", "Zm9vYmFy", "a b c"}) {
    CAPTURE(std::string(value));
    CHECK(looks_like_secret_value(value));
  }
  for (const char* value : {"",
                            "  ",
                            "true",
                            "False",
                            "yes",
                            "off",
                            "none",
                            "null",
                            "4096",
                            "-1.5",
                            "arn:aws:secretsmanager:eu-west-1:123456789012:secret:x",
                            "{{resolve:secretsmanager:x}}",
                            "/prod/db/password",
                            "$DB_PASSWORD",
                            "${token}",
                            "%TOKEN%",
                            "{{ token }}",
                            "<your-token>",
                            "********",
                            "xxxxxxxx"}) {
    CAPTURE(std::string(value));
    CHECK_FALSE(looks_like_secret_value(value));
  }
  CHECK_FALSE(
      looks_like_secret_value(std::string("pre") + std::string(iacscan::detail::kUnknownMarker)));
}

TEST_CASE("AWS access key ids stand alone and are not documentation examples") {
  CHECK(is_aws_access_key_id(kKeyId));
  CHECK(is_aws_access_key_id("ASIAIACSCANFAKE00002"));
  CHECK_FALSE(is_aws_access_key_id("AKIAIOSFODNN7EXAMPLE"));
  CHECK_FALSE(is_aws_access_key_id("AKIAiacscanfake00001"));
  CHECK_FALSE(is_aws_access_key_id("AIDAIACSCANFAKE00001"));  // a user id, not a key
  CHECK_FALSE(is_aws_access_key_id("AKIAIACSCANFAKE0001"));

  const std::string text =
      std::string("id=") + kKeyId + " x" + kKeyId + " " + kKeyId + "9 " + "ASIAIACSCANFAKE00002\n";
  const auto hits = find_aws_access_key_ids(text);
  CHECK(values_of(text, hits) == std::vector<std::string>{kKeyId, "ASIAIACSCANFAKE00002"});
  CHECK(hits.front().kind == SecretKind::aws_access_key_id);
  CHECK(hits.front().offset == 3);
}

TEST_CASE("AWS secret access keys: 40 base64 characters mixing letters and digits") {
  CHECK(is_aws_secret_access_key(kSecretKey));
  CHECK_FALSE(is_aws_secret_access_key("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));
  CHECK_FALSE(is_aws_secret_access_key("abcdefghijabcdefghijabcdefghijabcdefghij"));
  CHECK_FALSE(is_aws_secret_access_key(std::string(kSecretKey) + "0"));
}

TEST_CASE("assignments of literal secrets in free text") {
  const std::string script =
      "#!/bin/bash\n"
      "export DB_PASSWORD='not-a-real-password'\n"
      "PGPASSWORD=\"$(aws ssm get-parameter --name /db --query Parameter.Value)\"\n"
      "echo \"token: ${API_TOKEN}\"\n"
      "if [ \"$PASSWORD\" == \"x\" ]; then exit 1; fi\n"
      "mysql --password=hunter22 -e 'select 1'\n"
      "password_file=/etc/app/password\n"
      "aws_secret_access_key = " +
      std::string(kSecretKey) +
      "\n"
      "{\"apiKey\": \"not-a-real-api-key\", \"apiKeyUrl\": \"https://x\"}\n"
      "enable_token: true\n";
  const auto hits = find_secret_assignments(script);
  CAPTURE(joined(names_of(hits)));
  CAPTURE(joined(values_of(script, hits)));
  CHECK(names_of(hits) ==
        std::vector<std::string>{"DB_PASSWORD", "password", "aws_secret_access_key", "apiKey"});
  CHECK(values_of(script, hits) == std::vector<std::string>{"not-a-real-password", "hunter22",
                                                            kSecretKey, "not-a-real-api-key"});
  CHECK(hits[2].kind == SecretKind::aws_secret_access_key);
  CHECK(hits[0].kind == SecretKind::password);
}

TEST_CASE("private key blocks") {
  const std::string text =
      "a\n-----BEGIN OPENSSH PRIVATE KEY-----\nxyz\n-----END OPENSSH PRIVATE KEY-----\n"
      "-----BEGIN PUBLIC KEY-----\n-----BEGIN PRIVATE KEY-----\n"
      "-----BEGIN PGP PRIVATE KEY BLOCK-----\n";
  const auto hits = find_private_keys(text);
  REQUIRE(hits.size() == 3);
  CHECK(hits[0].offset == 2);
  CHECK(values_of(text, hits)[2] == "-----BEGIN PGP PRIVATE KEY BLOCK-----");
  CHECK(find_credentials(text).size() == 3);
}

TEST_CASE("base64 of text decodes; words and binary do not") {
  CHECK(decode_base64_text("IyEvYmluL2Jhc2gKeXVtIGluc3RhbGwgLXkgbmdpbngK") ==
        std::optional<std::string>("#!/bin/bash\nyum install -y nginx\n"));
  CHECK(decode_base64_text("IyEvYmluL2Jh\nc2gK") == std::optional<std::string>("#!/bin/bash\n"));
  CHECK_FALSE(decode_base64_text("password"));  // decodes to bytes that are not text
  CHECK_FALSE(decode_base64_text("not base64!"));
  CHECK_FALSE(decode_base64_text("AAAAAAAAAAAA"));  // NUL bytes
  CHECK_FALSE(decode_base64_text("abc"));
}

TEST_CASE("redaction keeps four characters, and a key id's last four") {
  CHECK(redact(kSecretKey) == "iacs************************************");
  CHECK(redact(kKeyId, 4) == "AKIA************0001");
  CHECK(redact("short") == "*****");
}

TEST_CASE("CloudFormation parameters become pseudo-resources") {
  const auto loaded = iacscan::testing::load_template(R"(Parameters:
  DBPassword:
    Type: String
    NoEcho: true
  Bad: text
Resources:
  Topic:
    Type: AWS::SNS::Topic
)");
  REQUIRE(loaded.resources.size() == 2);
  const auto& parameter = iacscan::testing::resource_of(loaded, "Parameters.DBPassword");
  CHECK(parameter.native_type == "CloudFormation::Parameter");
  CHECK(parameter.kind.empty());
  CHECK(parameter.name_span.range.start_line == 2);
  CHECK(parameter.span.range.end_line >= 4);
  REQUIRE(parameter.attributes.find("NoEcho") != nullptr);
  CHECK(parameter.attributes.find("NoEcho")->to_display_string() == "true");
}

TEST_CASE("Terraform variables and providers become pseudo-resources, in child modules too") {
  const auto e = iacscan::testing::evaluate({
      {"main.tf", R"(variable "db_password" {
  type      = map(string)
  sensitive = true
  default   = { a = "b" }
  validation {
    condition     = length(var.db_password) > 0
    error_message = "empty"
  }
}
provider "aws" {
  region = "eu-west-1"
}
provider "aws" {
  alias  = "west"
  region = "us-west-2"
  assume_role {
    role_arn = "arn:aws:iam::123456789012:role/deploy"
  }
}
module "db" {
  source   = "./db"
  password = "from-the-caller"
}
)"},
      {"db/main.tf", R"(variable "password" {
  type = string
}
)"},
  });
  const auto& variable = e.resource("var.db_password");
  CHECK(variable.native_type == "terraform_variable");
  CHECK(e.attr("var.db_password", "type").text() == "map(string)");
  CHECK(e.attr("var.db_password", "sensitive").as_bool());
  CHECK(e.attr("var.db_password", "default").find("a")->text() == "b");
  CHECK(variable.attributes.find("validation") == nullptr);
  CHECK(variable.name_span.range.start_line == 1);

  CHECK(e.resource("provider.aws").native_type == "terraform_provider");
  CHECK(e.attr("provider.aws", "region").text() == "eu-west-1");
  CHECK(e.attr("provider.aws.west", "assume_role").items().size() == 1);

  // The child's declaration, as written there: the caller's value is not part of it.
  const auto& child = e.resource("module.db.var.password");
  CHECK(child.attributes.find("default") == nullptr);
  CHECK(e.attr("module.db.var.password", "type").text() == "string");
  CHECK(e.diagnostics_text().empty());
}

TEST_CASE("secrets findings point at the secret inside heredocs, block scalars and JSON") {
  using Strings = std::vector<std::string>;
  CHECK(secret_findings("t/main.tf", R"(resource "aws_ecs_task_definition" "worker" {
  family                = "worker"
  container_definitions = <<-JSON
    [
      {
        "name": "worker",
        "environment": [
          {"name": "QUEUE", "value": "jobs"},
          {"name": "REDIS_PASSWORD", "value": "not-a-real-password"}
        ]
      }
    ]
  JSON
}
)") == Strings{"secrets-ecs-task-env@9: container_definitions[0].environment.REDIS_PASSWORD"});

  CHECK(secret_findings("t/template.yaml", R"(Resources:
  Web:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-12345678
      UserData:
        Fn::Base64: |
          #!/bin/bash
          yum install -y nginx
          echo "API_TOKEN=not-a-real-token" >> /etc/app.env
)") == Strings{"secrets-userdata@10: UserData"});

  CHECK(secret_findings("t/main.tf", R"(resource "aws_launch_template" "w" {
  image_id  = "ami-12345678"
  user_data = base64encode(<<-EOT
    #!/bin/bash
    export DB_PASSWORD=not-a-real-password
  EOT
  )
}
)") == Strings{"secrets-userdata@5: user_data"});
}

TEST_CASE("secrets of a template's known parts are found around unknown parts") {
  using Strings = std::vector<std::string>;
  CHECK(secret_findings("t/main.tf", R"(variable "region" {
  type = string
}
resource "aws_instance" "w" {
  ami           = "ami-12345678"
  instance_type = "t3.micro"
  user_data     = <<-EOT
    #!/bin/bash
    export AWS_REGION=${var.region}
    export AWS_ACCESS_KEY_ID=AKIAIACSCANFAKE00001
  EOT
}
)") == Strings{"secrets-hardcoded-aws-key@10: user_data", "secrets-userdata@10: user_data"});
}

TEST_CASE("a key written as a default is reported at the default, not at every use") {
  using Strings = std::vector<std::string>;
  CHECK(secret_findings("t/main.tf", R"(variable "key_id" {
  type    = string
  default = "AKIAIACSCANFAKE00001"
}
provider "aws" {
  region     = "eu-west-1"
  access_key = var.key_id
}
)") == Strings{"secrets-hardcoded-aws-key@3: default"});
}

TEST_CASE("container definitions through jsonencode keep their positions") {
  using Strings = std::vector<std::string>;
  CHECK(secret_findings("t/main.tf", R"(variable "token" {
  type      = string
  sensitive = true
}
resource "aws_ecs_task_definition" "web" {
  family = "web"
  container_definitions = jsonencode([{
    name        = "web"
    environment = [{ name = "GITHUB_TOKEN", value = var.token }]
  }])
}
)") == Strings{"secrets-ecs-task-env@9: container_definitions[0].environment.GITHUB_TOKEN"});
}
