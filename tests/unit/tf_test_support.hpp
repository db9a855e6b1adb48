// Runs the Terraform stage over in-memory files, as the scan pipeline does
// (parse_terraform_source per file, then evaluate_terraform), for tests that check what comes
// out: resources, attributes, diagnostics.
#pragma once

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "source/discovery.hpp"
#include "terraform/configuration.hpp"

namespace iacscan::testing {

using Files = std::vector<std::pair<std::string, std::string>>;

// The outcome of one evaluation: the sources (for locations) and what came out.
struct Evaluated {
  using Resource = detail::Resource;
  using Value = detail::Value;
  detail::SourceSet sources;
  detail::LoadedFile out;

  const Resource* find(std::string_view address) const {
    for (const Resource& r : out.resources)
      if (r.address == address) return &r;
    return nullptr;
  }

  const Resource& resource(std::string_view address) const {
    const Resource* r = find(address);
    INFO("resources: " << addresses_text());
    REQUIRE_MESSAGE(r != nullptr, "no resource ", std::string(address));
    return *r;
  }

  // An attribute of a resource; nested keys with dots ("a.b" is attribute b of map a).
  const Value& attr(std::string_view address, std::string_view key) const {
    const Value* v = resource(address).attributes.find(key);
    REQUIRE_MESSAGE(v != nullptr, "no attribute ", std::string(key), " on ", std::string(address));
    return *v;
  }

  // Variable and provider declarations are pseudo-resources (for rules that judge them); most
  // tests are about the real resources.
  static bool is_declaration(const Resource& r) {
    return r.native_type == "terraform_variable" || r.native_type == "terraform_provider";
  }

  std::vector<const Resource*> resources() const {
    std::vector<const Resource*> real;
    for (const Resource& r : out.resources)
      if (!is_declaration(r)) real.push_back(&r);
    return real;
  }

  std::vector<std::string> addresses() const {
    std::vector<std::string> all;
    for (const Resource* r : resources()) all.push_back(r->address);
    return all;
  }

  std::string addresses_text() const {
    std::string text;
    for (const Resource& r : out.resources) text += r.address + " ";
    return text;
  }

  // Diagnostics whose message contains `fragment`.
  std::vector<const iacscan::Diagnostic*> diagnostics(std::string_view fragment) const {
    std::vector<const iacscan::Diagnostic*> found;
    for (const auto& d : out.diagnostics)
      if (d.message.find(fragment) != std::string::npos) found.push_back(&d);
    return found;
  }

  std::string diagnostics_text() const {
    std::string text;
    for (const auto& d : out.diagnostics)
      text +=
          d.location.path + ":" + std::to_string(d.location.start_line) + " " + d.message + "\n";
    return text;
  }

  std::string path_of(const iacscan::detail::Span& span) const {
    return span.file < sources.size() ? sources.at(span.file).path : "<no file>";
  }
};

// Runs the Terraform stage over in-memory files {path, content}, as the scan pipeline does.
inline Evaluated evaluate(const Files& files, detail::TerraformSettings settings = {}) {
  Evaluated e;
  settings.read_from_disk = false;
  for (const auto& [path, content] : files) {
    const std::size_t slash = path.rfind('/');
    auto kind =
        detail::classify_by_name(slash == std::string::npos ? path : path.substr(slash + 1));
    const detail::FileId id =
        e.sources.add(path, "", kind.value_or(detail::SourceKind::cloudformation_candidate));
    e.sources.at(id).content = content;
  }
  std::vector<std::shared_ptr<const iacscan::detail::tf::File>> parsed(e.sources.size());
  for (detail::FileId id = 0; id < e.sources.size(); ++id) {
    const detail::SourceFile& file = e.sources.at(id);
    if (!iacscan::detail::is_terraform(file.kind)) continue;
    parsed[id] = iacscan::detail::parse_terraform_source(file);
    for (const auto& d : parsed[id]->diagnostics) e.out.diagnostics.push_back(d);
  }
  iacscan::detail::evaluate_terraform(e.sources, parsed, settings, e.out);
  return e;
}

inline Evaluated evaluate_main(const std::string& main_tf) {
  return evaluate({{"main.tf", main_tf}});
}

}  // namespace iacscan::testing
