// iacscan-hcl-dump: prints, per .tf file, one JSON line with the top-level blocks as the
// Terraform loader sees them (resources: attribute and nested block names from the loaded
// Value), for the differential test against HashiCorp's parser (tests/hcl_differential/).
// Private tool: it reaches into libscan's internal headers.
#include <algorithm>
#include <deque>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "terraform/hcl_body.hpp"
#include "terraform/hcl_loader.hpp"
#include "terraform/hcl_syntax.hpp"
#include "terraform/ts_parser.hpp"

namespace {

using namespace iacscan::detail;
using iacscan::Diagnostic;
using iacscan::DiagnosticCode;
using nlohmann::json;

// How each name in a resource body is written in the source: attribute, block, dynamic block.
struct BodyNames {
  std::set<std::string> attributes;
  std::set<std::string> blocks;
  std::set<std::string> dynamics;
};

BodyNames body_names(hcl::SyntaxContext& context, const hcl::BlockShape& shape) {
  BodyNames names;
  if (!shape.has_body) return names;
  const hcl::Symbols& s = hcl::symbols();
  hcl::Children items(context, shape.body);
  for (TSNode item : items) {
    if (hcl::is(item, s.attribute)) {
      names.attributes.insert(std::string(context.text(ts_node_child(item, 0))));
    } else if (hcl::is(item, s.block)) {
      hcl::BlockShape inner = hcl::block_shape(context, item);
      std::string type(context.text(inner.type));
      if (type == "dynamic" && inner.label_count >= 1) {
        names.dynamics.insert(hcl::label_text(context, inner.labels[0]));
      } else {
        names.blocks.insert(std::move(type));
      }
    }
  }
  return names;
}

// The loaded resource's keys, classified by how the source writes them. A key the syntax
// does not explain is listed as "?key" so the comparison shows it.
void describe_resource(json& out, const Resource& resource, const BodyNames& names) {
  std::set<std::string> attributes, blocks;
  for (const Value::Entry& entry : resource.attributes.entries()) {
    bool known = false;
    if (names.attributes.contains(entry.key)) {
      attributes.insert(entry.key);
      known = true;
    }
    if (names.blocks.contains(entry.key)) {
      blocks.insert(entry.key);
      known = true;
    }
    if (names.dynamics.contains(entry.key)) {
      blocks.insert("dynamic:" + entry.key);
      known = true;
    }
    if (!known) attributes.insert("?" + entry.key);
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

  LoadedFile loaded = load_terraform_file(file, ".");
  bool ok = true;
  for (const Diagnostic& d : loaded.diagnostics) {
    if (d.code == DiagnosticCode::parse_error || d.code == DiagnosticCode::limit_exceeded) {
      ok = false;
      line["error"] = d.message + " at line " + std::to_string(d.location.start_line);
      break;
    }
  }
  line["ok"] = ok;

  // Loaded resources by address, in source order.
  std::map<std::string, std::deque<const Resource*>> by_address;
  for (const Resource& r : loaded.resources) by_address[r.address].push_back(&r);

  ts::Tree tree = ts::thread_parser().parse(file.content);
  if (!tree) return line;
  TSNode root = ts_tree_root_node(tree.get());
  hcl::SyntaxContext context(file.content, file.id, root);
  const hcl::Symbols& s = hcl::symbols();
  hcl::Children parts(context, root);
  for (TSNode part : parts) {
    if (!hcl::is(part, s.body)) continue;
    hcl::Children items(context, part);
    for (TSNode item : items) {
      if (!hcl::is(item, s.block) || ts_node_has_error(item)) continue;
      hcl::BlockShape shape = hcl::block_shape(context, item);
      json block{{"type", std::string(context.text(shape.type))}, {"labels", json::array()}};
      std::size_t kept = std::min(shape.label_count, shape.labels.size());
      for (std::size_t i = 0; i < kept; ++i) {
        block["labels"].push_back(hcl::label_text(context, shape.labels[i]));
      }
      if (block["type"] == "resource" && shape.label_count == 2) {
        std::string address =
            block["labels"][0].get<std::string>() + "." + block["labels"][1].get<std::string>();
        auto found = by_address.find(address);
        if (found == by_address.end() || found->second.empty()) {
          block["loaded"] = false;
        } else {
          describe_resource(block, *found->second.front(), body_names(context, shape));
          found->second.pop_front();
        }
      }
      line["blocks"].push_back(std::move(block));
    }
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
