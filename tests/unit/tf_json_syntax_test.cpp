// Terraform JSON syntax (.tf.json, .tfvars.json) to the configuration AST: label levels,
// array bodies, the literal-string exceptions, dynamic blocks, "//" comments, spans and
// diagnostics.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "terraform/json_syntax.hpp"
#include "test_support.hpp"

using iacscan::DiagnosticCode;
using iacscan::DiagnosticLevel;
using iacscan::detail::FileId;
using iacscan::detail::SourceFile;
using iacscan::detail::Value;
using iacscan::detail::tf::Attribute;
using iacscan::detail::tf::Block;
using iacscan::detail::tf::Body;
using iacscan::detail::tf::Expr;
using iacscan::detail::tf::File;
using iacscan::detail::tf::parse_json_configuration;
using iacscan::detail::tf::parse_json_variables;
using iacscan::testing::where;

namespace {

constexpr FileId kFile = 3;

SourceFile source(std::string content, std::string path = "net/main.tf.json") {
  SourceFile file;
  file.id = kFile;
  file.path = std::move(path);
  file.content = std::move(content);
  return file;
}

File configuration(std::string content) {
  return parse_json_configuration(source(std::move(content)));
}

// A configuration that must load without diagnostics.
File clean_configuration(std::string content) {
  File file = configuration(std::move(content));
  for (const auto& d : file.diagnostics) INFO(d.message);
  REQUIRE(file.diagnostics.empty());
  return file;
}

std::string join_children(const Expr& e, std::size_t from, const char* separator);

// A compact rendering of an expression tree: literals as JSON-ish text, references as
// written in HCL, templates as template(...).
std::string render(const Expr& e) {
  switch (e.kind) {
    case Expr::Kind::literal:
      if (e.literal.is_string()) return "\"" + e.literal.text() + "\"";
      if (e.literal.is_null()) return "null";
      if (e.literal.is_bool()) return e.literal.as_bool() ? "true" : "false";
      return e.literal.to_display_string();
    case Expr::Kind::template_:
      return "template(" + join_children(e, 0, ", ") + ")";
    case Expr::Kind::tuple:
      return "[" + join_children(e, 0, ", ") + "]";
    case Expr::Kind::object: {
      std::string out = "{";
      for (std::size_t i = 0; i + 1 < e.children.size(); i += 2) {
        if (i > 0) out += ", ";
        out += render(e.children[i]) + ": " + render(e.children[i + 1]);
      }
      return out + "}";
    }
    case Expr::Kind::variable:
      return e.name;
    case Expr::Kind::get_attr:
      return render(e.children.at(0)) + "." + e.name;
    case Expr::Kind::index:
      return render(e.children.at(0)) + "[" + render(e.children.at(1)) + "]";
    case Expr::Kind::call:
      return e.name + "(" + join_children(e, 0, ", ") + ")";
    default:
      return "<expr>";
  }
}

std::string join_children(const Expr& e, std::size_t from, const char* separator) {
  std::string out;
  for (std::size_t i = from; i < e.children.size(); ++i) {
    if (i > from) out += separator;
    out += render(e.children[i]);
  }
  return out;
}

const Attribute& attr(const Body& body, std::string_view name) {
  const Attribute* a = body.attribute(name);
  REQUIRE_MESSAGE(a != nullptr, "missing attribute ", std::string(name));
  return *a;
}

std::string expr_of(const Body& body, std::string_view name) {
  return render(attr(body, name).expr);
}

std::vector<const Block*> blocks_of(const Body& body, std::string_view type) {
  std::vector<const Block*> out;
  for (const Block& b : body.blocks)
    if (b.type == type) out.push_back(&b);
  return out;
}

const Block& only_block(const Body& body, std::string_view type) {
  std::vector<const Block*> found = blocks_of(body, type);
  REQUIRE_MESSAGE(found.size() == 1, "expected one ", std::string(type), " block");
  return *found[0];
}

using Labels = std::vector<std::string>;

}  // namespace

TEST_CASE("tf json: a resource maps to a two-label block with exact spans") {
  File file = clean_configuration(
      "{\n"                                   // 1
      "  \"resource\": {\n"                   // 2
      "    \"aws_s3_bucket\": {\n"            // 3
      "      \"logs\": {\n"                   // 4
      "        \"//\": \"backup bucket\",\n"  // 5
      "        \"bucket\": \"my-logs\",\n"    // 6
      "        \"force_destroy\": true\n"     // 7
      "      }\n"                             // 8
      "    }\n"                               // 9
      "  }\n"                                 // 10
      "}\n");                                 // 11
  CHECK(file.file == kFile);
  CHECK(file.path == "net/main.tf.json");
  CHECK(file.body.from_json);
  REQUIRE(file.body.blocks.size() == 1);
  const Block& bucket = file.body.blocks[0];
  CHECK(bucket.type == "resource");
  CHECK(bucket.labels == Labels{"aws_s3_bucket", "logs"});
  CHECK(where(bucket.labels_span) == "4:7-4:12");
  CHECK(where(bucket.span) == "4:7-8:7");
  CHECK(bucket.body.from_json);
  REQUIRE(bucket.body.attributes.size() == 2);  // the "//" comment is not an attribute
  const Attribute& name = attr(bucket.body, "bucket");
  CHECK(where(name.name_span) == "6:9-6:16");
  CHECK(where(name.span) == "6:9-6:27");
  CHECK(where(name.expr.span) == "6:19-6:27");
  CHECK(render(name.expr) == "\"my-logs\"");
  CHECK(expr_of(bucket.body, "force_destroy") == "true");
}

TEST_CASE("tf json: array bodies, several names per type and data blocks") {
  File file = clean_configuration(R"json({
    "resource": {
      "aws_instance": {
        "web": [{"ami": "a-1"}, {"ami": "a-2"}],
        "db": {"ami": "a-3"}
      },
      "aws_s3_bucket": {"b": {}}
    },
    "data": [
      {"aws_ami": {"ubuntu": {"most_recent": true}}},
      {"aws_caller_identity": {"current": {}}}
    ]
  })json");
  std::vector<const Block*> resources = blocks_of(file.body, "resource");
  REQUIRE(resources.size() == 4);
  CHECK(resources[0]->labels == Labels{"aws_instance", "web"});
  CHECK(expr_of(resources[0]->body, "ami") == "\"a-1\"");
  CHECK(resources[1]->labels == Labels{"aws_instance", "web"});
  CHECK(expr_of(resources[1]->body, "ami") == "\"a-2\"");
  // An array element's block spans the element only; its labels point at the name key.
  CHECK(where(resources[1]->span) == "4:33-4:46");
  CHECK(where(resources[1]->labels_span) == "4:9-4:13");
  CHECK(resources[2]->labels == Labels{"aws_instance", "db"});
  CHECK(resources[3]->labels == Labels{"aws_s3_bucket", "b"});
  CHECK(resources[3]->body.attributes.empty());
  std::vector<const Block*> data = blocks_of(file.body, "data");
  REQUIRE(data.size() == 2);
  CHECK(data[0]->labels == Labels{"aws_ami", "ubuntu"});
  CHECK(expr_of(data[0]->body, "most_recent") == "true");
  CHECK(data[1]->labels == Labels{"aws_caller_identity", "current"});
}

TEST_CASE("tf json: strings are templates; interpolations become references") {
  File file = clean_configuration(R"json({
    "resource": {"aws_s3_bucket": {"b": {
      "bucket": "${var.prefix}-logs",
      "acl": "${var.acl}",
      "policy": "${data.aws_iam_policy_document.p.json}",
      "tags": {"Name": "${local.name}", "Team": "core"},
      "cors": ["GET", "${var.method}"],
      "escaped": "$${not.a.reference}",
      "count_like": 3,
      "nothing": null
    }}}
  })json");
  const Body& body = only_block(file.body, "resource").body;
  CHECK(expr_of(body, "bucket") == "template(var.prefix, \"-logs\")");
  // A template that is a single interpolation: the reference is its only part.
  const std::string acl = expr_of(body, "acl");
  CHECK((acl == "var.acl" || acl == "template(var.acl)"));
  CHECK(expr_of(body, "policy").find("data.aws_iam_policy_document.p.json") != std::string::npos);
  const Attribute& tags = attr(body, "tags");
  CHECK(tags.expr.kind == Expr::Kind::object);
  CHECK(render(tags.expr).find("\"Name\": ") != std::string::npos);
  CHECK(render(tags.expr).find("local.name") != std::string::npos);
  CHECK(render(tags.expr).find("\"Team\": \"core\"") != std::string::npos);
  const Attribute& cors = attr(body, "cors");
  CHECK(cors.expr.kind == Expr::Kind::tuple);
  REQUIRE(cors.expr.children.size() == 2);
  CHECK(render(cors.expr.children[0]) == "\"GET\"");
  CHECK(render(cors.expr.children[1]).find("var.method") != std::string::npos);
  CHECK(render(attr(body, "escaped").expr).find("${not.a.reference}") != std::string::npos);
  CHECK(expr_of(body, "count_like") == "3");
  CHECK(expr_of(body, "nothing") == "null");
}

TEST_CASE("tf json: resource meta-arguments and nested meta blocks") {
  File file = clean_configuration(R"json({
    "resource": {"aws_instance": {"web": {
      "count": "${length(var.names)}",
      "provider": "aws.west",
      "depends_on": ["aws_iam_role.r", "module.net"],
      "lifecycle": {
        "ignore_changes": ["tags"],
        "precondition": [{"condition": "${var.ok}", "error_message": "no"}]
      },
      "connection": {"type": "ssh", "host": "${self.public_ip}"},
      "provisioner": [
        {"local-exec": {"command": "echo-${self.id}"}},
        {"remote-exec": {"inline": ["a"], "connection": {"type": "winrm"}}}
      ]
    }}}
  })json");
  const Block& web = only_block(file.body, "resource");
  CHECK(expr_of(web.body, "count").find("length(var.names)") != std::string::npos);
  CHECK(expr_of(web.body, "provider") == "\"aws.west\"");
  CHECK(expr_of(web.body, "depends_on") == "[\"aws_iam_role.r\", \"module.net\"]");
  CHECK(web.body.attribute("lifecycle") == nullptr);

  const Block& lifecycle = only_block(web.body, "lifecycle");
  CHECK(lifecycle.labels.empty());
  CHECK(expr_of(lifecycle.body, "ignore_changes") == "[\"tags\"]");
  const Block& precondition = only_block(lifecycle.body, "precondition");
  CHECK(expr_of(precondition.body, "condition").find("var.ok") != std::string::npos);

  const Block& connection = only_block(web.body, "connection");
  CHECK(expr_of(connection.body, "type") == "\"ssh\"");
  CHECK(expr_of(connection.body, "host").find("self.public_ip") != std::string::npos);

  std::vector<const Block*> provisioners = blocks_of(web.body, "provisioner");
  REQUIRE(provisioners.size() == 2);
  CHECK(provisioners[0]->labels == Labels{"local-exec"});
  CHECK(expr_of(provisioners[0]->body, "command") == "template(\"echo-\", self.id)");
  CHECK(provisioners[1]->labels == Labels{"remote-exec"});
  CHECK(only_block(provisioners[1]->body, "connection").labels.empty());
}

TEST_CASE("tf json: variables take a type expression and literal defaults") {
  File file = clean_configuration(R"json({
    "variable": {
      "names": {
        "type": "list(string)",
        "default": ["a", "${not_a_template}"],
        "description": "Uses ${literally}",
        "validation": {
  "condition" : "${length(var.names) > 0}", "error_message" : "empty"}
      },
      "acl": {"type": "string", "default": "private"},
      "settings": {
  "type" : "map(object({ a = number }))", "default" : {
    "k" : {
      "a" : 1
    }
  }
}
}
})json");
  std::vector<const Block*> variables = blocks_of(file.body, "variable");
  REQUIRE(variables.size() == 3);
  const Body& names = variables[0]->body;
  CHECK(variables[0]->labels == Labels{"names"});
  CHECK(expr_of(names, "type") == "list(string)");
  CHECK(expr_of(names, "default") == "[\"a\", \"${not_a_template}\"]");
  CHECK(expr_of(names, "description") == "\"Uses ${literally}\"");
  const Block& validation = only_block(names, "validation");
  CHECK(attr(validation.body, "condition").expr.kind != Expr::Kind::literal);
  CHECK(expr_of(validation.body, "error_message") == "\"empty\"");

  CHECK(expr_of(variables[1]->body, "type") == "string");
  CHECK(attr(variables[1]->body, "type").expr.kind == Expr::Kind::variable);
  CHECK(expr_of(variables[1]->body, "default") == "\"private\"");
  CHECK(expr_of(variables[2]->body, "type").starts_with("map(object("));
  CHECK(expr_of(variables[2]->body, "default") == "{\"k\": {\"a\": 1}}");
}

TEST_CASE("tf json: locals, outputs, modules, providers and terraform settings") {
  File file = clean_configuration(R"json({
    "//": "generated by a tool",
    "locals": {"greeting": "Hello-${var.name}", "n": 2},
    "output": {
      "id": {"value": "${aws_instance.web.id}", "description": "The ${id}", "sensitive": true}
    },
    "module": {
      "net": {
        "source": "./modules/${literal}",
        "version": "1.0.0",
        "providers": {"aws": "aws.usw1"},
        "cidr": "${var.cidr}"
      }
    },
    "provider": {
      "aws": [{"region": "us-east-1"}, {"alias": "usw1", "region": "${var.region}"}]
    },
    "terraform": {
      "required_version": ">= 1.0",
      "backend": {"s3": {"bucket": "state-${literal}"}},
      "required_providers": {"aws": {"source": "hashicorp/aws"}}
    }
  })json");
  const Block& locals = only_block(file.body, "locals");
  CHECK(locals.labels.empty());
  CHECK(expr_of(locals.body, "greeting") == "template(\"Hello-\", var.name)");
  CHECK(expr_of(locals.body, "n") == "2");

  const Block& output = only_block(file.body, "output");
  CHECK(output.labels == Labels{"id"});
  CHECK(expr_of(output.body, "value").find("aws_instance.web.id") != std::string::npos);
  CHECK(expr_of(output.body, "description") == "\"The ${id}\"");
  CHECK(expr_of(output.body, "sensitive") == "true");

  const Block& module = only_block(file.body, "module");
  CHECK(module.labels == Labels{"net"});
  CHECK(expr_of(module.body, "source") == "\"./modules/${literal}\"");
  CHECK(expr_of(module.body, "providers") == "{\"aws\": \"aws.usw1\"}");
  CHECK(expr_of(module.body, "cidr").find("var.cidr") != std::string::npos);

  std::vector<const Block*> providers = blocks_of(file.body, "provider");
  REQUIRE(providers.size() == 2);
  CHECK(providers[0]->labels == Labels{"aws"});
  CHECK(providers[0]->body.attribute("alias") == nullptr);
  CHECK(expr_of(providers[1]->body, "alias") == "\"usw1\"");
  CHECK(expr_of(providers[1]->body, "region").find("var.region") != std::string::npos);

  const Block& terraform = only_block(file.body, "terraform");
  CHECK(terraform.labels.empty());
  CHECK(expr_of(terraform.body, "required_version") == "\">= 1.0\"");
  const Block& backend = only_block(terraform.body, "backend");
  CHECK(backend.labels == Labels{"s3"});
  CHECK(expr_of(backend.body, "bucket") == "\"state-${literal}\"");
  const Block& required = only_block(terraform.body, "required_providers");
  CHECK(expr_of(required.body, "aws") == "{\"source\": \"hashicorp/aws\"}");
}

TEST_CASE("tf json: dynamic blocks, nested dynamic content and object attributes") {
  File file = clean_configuration(R"json({
    "resource": {"aws_security_group": {"sg": {
      "dynamic": {
        "ingress": {
          "for_each": "${var.rules}",
          "iterator": "rule",
          "content": {
            "from_port": "${rule.value.port}",
            "dynamic": {"cidr": {"for_each": "${rule.value.cidrs}", "content": {"c": "${cidr.value}"}}}
          }
        }
      },
      "egress": {"from_port": 0, "cidr_blocks": ["0.0.0.0/0"]}
    }}}
  })json");
  const Block& sg = only_block(file.body, "resource");
  const Block& dynamic = only_block(sg.body, "dynamic");
  CHECK(dynamic.labels == Labels{"ingress"});
  CHECK(expr_of(dynamic.body, "for_each").find("var.rules") != std::string::npos);
  const Attribute& iterator = attr(dynamic.body, "iterator");
  CHECK(iterator.expr.kind == Expr::Kind::variable);
  CHECK(iterator.expr.name == "rule");
  const Block& content = only_block(dynamic.body, "content");
  CHECK(content.body.from_json);
  CHECK(expr_of(content.body, "from_port").find("rule.value.port") != std::string::npos);
  const Block& inner = only_block(content.body, "dynamic");
  CHECK(inner.labels == Labels{"cidr"});
  CHECK(expr_of(only_block(inner.body, "content").body, "c").find("cidr.value") !=
        std::string::npos);
  // Not a known block type: an object attribute that evaluation may treat as a block.
  CHECK(sg.body.from_json);
  const Attribute& egress = attr(sg.body, "egress");
  CHECK(egress.expr.kind == Expr::Kind::object);
  CHECK(render(egress.expr) == "{\"from_port\": 0, \"cidr_blocks\": [\"0.0.0.0/0\"]}");
}

TEST_CASE("tf json: \"//\" comments are skipped everywhere and may repeat") {
  File file = configuration(R"json({
    "//": "first",
    "//": "second",
    "resource": {
      "//": "a comment at the label level",
      "t": {"//": "and here", "n": {"//": "body", "v": {"//": "value", "x": 1}}}
    }
  })json");
  CHECK(file.diagnostics.empty());
  const Block& block = only_block(file.body, "resource");
  CHECK(block.labels == Labels{"t", "n"});
  CHECK(block.body.attributes.size() == 1);
  CHECK(expr_of(block.body, "v") == "{\"x\": 1}");
}

TEST_CASE("tf json: tfvars values are literal, never templates") {
  File file = parse_json_variables(source(R"json({
  "//": "comment",
  "region": "us-east-1",
  "name": "${var.not_expanded}",
  "count": 3,
  "enabled": false,
  "zones": ["a", "b"],
  "tags": {"Env": "prod", "Ref": "${x}"},
  "nothing": null
})json",
                                          "prod.tfvars.json"));
  CHECK(file.diagnostics.empty());
  CHECK(file.path == "prod.tfvars.json");
  CHECK(file.body.blocks.empty());
  REQUIRE(file.body.attributes.size() == 7);
  CHECK(file.body.attributes[0].name == "region");
  CHECK(where(file.body.attributes[0].name_span) == "3:3-3:10");
  CHECK(where(file.body.attributes[0].expr.span) == "3:13-3:23");
  CHECK(expr_of(file.body, "name") == "\"${var.not_expanded}\"");
  CHECK(attr(file.body, "name").expr.kind == Expr::Kind::literal);
  CHECK(expr_of(file.body, "count") == "3");
  CHECK(expr_of(file.body, "enabled") == "false");
  CHECK(expr_of(file.body, "zones") == "[\"a\", \"b\"]");
  CHECK(expr_of(file.body, "tags") == "{\"Env\": \"prod\", \"Ref\": \"${x}\"}");
  CHECK(expr_of(file.body, "nothing") == "null");
}

TEST_CASE("tf json: malformed input, non-object roots, bad shapes and duplicate keys") {
  SUBCASE("malformed JSON: one parse error with its line, and an empty body") {
    File file = configuration("{\n  \"resource\": {\n    \"t\": {\"n\": {\"a\": 1,}}\n  }\n}\n");
    REQUIRE(file.diagnostics.size() == 1);
    const auto& d = file.diagnostics[0];
    CHECK(d.code == DiagnosticCode::parse_error);
    CHECK(d.level == DiagnosticLevel::error);
    CHECK(d.location.path == "net/main.tf.json");
    CHECK(d.location.start_line == 3);
    CHECK(d.location.start_column > 0);
    CHECK(file.body.blocks.empty());
    CHECK(file.body.attributes.empty());
  }
  SUBCASE("tfvars: malformed") {
    File file = parse_json_variables(source("{\"a\": ", "x.tfvars.json"));
    REQUIRE(file.diagnostics.size() == 1);
    CHECK(file.diagnostics[0].code == DiagnosticCode::parse_error);
    CHECK(file.diagnostics[0].location.path == "x.tfvars.json");
    CHECK(file.body.attributes.empty());
  }
  SUBCASE("a root that is not an object") {
    File file = configuration("\n[1, 2]\n");
    REQUIRE(file.diagnostics.size() == 1);
    CHECK(file.diagnostics[0].code == DiagnosticCode::parse_error);
    CHECK(file.diagnostics[0].location.start_line == 2);
    CHECK(file.body.blocks.empty());
    CHECK(parse_json_variables(source("\"text\"")).diagnostics.size() == 1);
  }
  SUBCASE("a block of the wrong shape is reported; the rest is kept") {
    File file = configuration(R"json({
      "resource": {"t": {"bad": "not a body", "good": {"a": 1}}},
      "locals": [{"x": 1}, 2]
    })json");
    REQUIRE(file.diagnostics.size() == 2);
    CHECK(file.diagnostics[0].code == DiagnosticCode::parse_error);
    CHECK(file.diagnostics[0].message.find("resource \"t\" \"bad\"") != std::string::npos);
    CHECK(file.diagnostics[0].location.start_line == 2);
    CHECK(file.diagnostics[1].location.start_line == 3);
    CHECK(only_block(file.body, "resource").labels == Labels{"t", "good"});
    CHECK(expr_of(only_block(file.body, "locals").body, "x") == "1");
  }
  SUBCASE("duplicate keys: a warning, and the last value wins") {
    File file = configuration("{\"locals\": {\"a\": 1,\n \"a\": 2}}");
    REQUIRE(file.diagnostics.size() == 1);
    CHECK(file.diagnostics[0].code == DiagnosticCode::duplicate_key);
    CHECK(file.diagnostics[0].level == DiagnosticLevel::warning);
    CHECK(file.diagnostics[0].location.start_line == 2);
    CHECK(expr_of(only_block(file.body, "locals").body, "a") == "2");
  }
}

TEST_CASE("tf json: the fixture configuration loads completely") {
  std::ifstream in(std::string(IACSCAN_SOURCE_DIR) +
                   "/fixtures/terraform/json-syntax/main.tf.json");
  REQUIRE(in);
  std::stringstream text;
  text << in.rdbuf();
  File file = configuration(text.str());
  CHECK(file.diagnostics.empty());
  const Block& bucket = only_block(file.body, "resource");
  CHECK(bucket.labels == Labels{"aws_s3_bucket", "logs"});
  CHECK(expr_of(bucket.body, "bucket").find("var.prefix") != std::string::npos);
  CHECK(only_block(bucket.body, "dynamic").labels == Labels{"lifecycle_rule"});
  CHECK(only_block(file.body, "variable").labels == Labels{"prefix"});
  CHECK(only_block(file.body, "output").labels == Labels{"bucket_arn"});
}
