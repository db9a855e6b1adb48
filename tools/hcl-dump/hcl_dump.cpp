// iacscan-hcl-dump: prints, per .tf file, one JSON line with the top-level blocks as the
// Terraform parser sees them (resources: attribute and nested block names from the AST), for the
// differential test against HashiCorp's parser (tests/hcl_differential/). Private tool: it reaches
// into libscan's internal headers.
#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "terraform/ast.hpp"
#include "terraform/hcl_file_parser.hpp"

namespace {

using namespace iacscan::detail;
using iacscan::Diagnostic;
using iacscan::DiagnosticCode;
using nlohmann::json;

// A resource body's names as the AST holds them: attributes, nested block types, and
// dynamic blocks as "dynamic:LABEL".
void describe_body(json& out, const tf::Body& body) {
  std::set<std::string> attributes, blocks;
  for (const tf::Attribute& a : body.attributes) attributes.insert(a.name);
  for (const tf::Block& b : body.blocks) {
    if (b.type == "dynamic" && !b.labels.empty()) {
      blocks.insert("dynamic:" + b.labels[0]);
    } else {
      blocks.insert(b.type);
    }
  }
  out["attributes"] = std::vector<std::string>(attributes.begin(), attributes.end());
  out["blocks"] = std::vector<std::string>(blocks.begin(), blocks.end());
}

json dump_file(const std::string& path) {
  json line{{"file", path}, {"ok", false}, {"blocks", json::array()}};
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    line["error"] = "cannot read";
    return line;
  }
  SourceFile file;
  file.id = 0;
  file.path = path;
  file.fs_path = path;
  file.kind = SourceKind::terraform_hcl;
  file.content.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());

  tf::File parsed = tf::parse_hcl_file(file);
  bool ok = true;
  for (const Diagnostic& d : parsed.diagnostics) {
    if (d.code == DiagnosticCode::parse_error || d.code == DiagnosticCode::limit_exceeded) {
      ok = false;
      line["error"] = d.message + " at line " + std::to_string(d.location.start_line);
      break;
    }
  }
  line["ok"] = ok;
  for (const tf::Block& b : parsed.body.blocks) {
    json block{{"type", b.type}, {"labels", b.labels}};
    if (b.type == "resource" && b.labels.size() == 2) describe_body(block, b.body);
    line["blocks"].push_back(std::move(block));
  }
  return line;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: iacscan-hcl-dump FILE.tf... (or - to read paths from stdin)\n";
    return 2;
  }
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "-") {
      for (std::string p; std::getline(std::cin, p);) {
        if (!p.empty()) paths.push_back(p);
      }
    } else {
      paths.push_back(std::move(arg));
    }
  }
  for (const std::string& path : paths) {
    std::cout << dump_file(path).dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
  }
  return 0;
}
