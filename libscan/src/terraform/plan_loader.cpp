// Terraform plan JSON to Resources: planned_values gives the resources and their values,
// resource_changes what is known only after apply, and the configuration snapshot the
// references between resources. Every lookup tolerates a missing or mistyped field: a plan
// file is input like any other.
#include "terraform/plan_loader.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <utility>

namespace iacscan::detail::tf {
namespace {

const Value* find_map(const Value& object, std::string_view key) {
  const Value* value = object.find(key);
  return value != nullptr && value->is_map() ? value : nullptr;
}

const Value* find_list(const Value& object, std::string_view key) {
  const Value* value = object.find(key);
  return value != nullptr && value->is_list() ? value : nullptr;
}

const std::string* find_string(const Value& object, std::string_view key) {
  const Value* value = object.find(key);
  return value != nullptr && value->is_string() ? &value->text() : nullptr;
}

// `this[0]` -> `this` and `[0]`. Names never contain '[', so the first one starts the key.
std::string_view step_name(std::string_view step) {
  return step.substr(0, step.find('['));
}

std::string_view step_key(std::string_view step) {
  const std::size_t open = step.find('[');
  return open == std::string_view::npos ? std::string_view() : step.substr(open);
}

void append_step(std::string& path, std::string_view step) {
  if (!path.empty()) path += '.';
  path += step;
}

// An absolute resource instance address taken apart.
struct InstanceAddress {
  std::string module_instance;  // `module.vpc[0].module.db`; empty in the root module
  std::string resource;         // `aws_vpc.this`, `data.aws_region.current`
  std::string key;              // `[0]`, `["a"]`; empty without count and for_each
  // The resource block's address within its module instance: what an unkeyed reference from
  // the same module instance resolves to.
  std::string block() const {
    return module_instance.empty() ? resource : module_instance + "." + resource;
  }
};

std::optional<InstanceAddress> parse_instance_address(std::string_view address) {
  const std::vector<std::string_view> steps = address_steps(address);
  InstanceAddress parts;
  std::size_t at = 0;
  // A module step pair is only a module if a resource (two or three steps) follows it.
  while (steps.size() - at >= 4 && steps[at] == "module") {
    append_step(parts.module_instance, "module");
    append_step(parts.module_instance, steps[at + 1]);
    at += 2;
  }
  const bool data = steps.size() - at == 3 && steps[at] == "data";
  if (data) ++at;
  if (steps.size() - at != 2) return std::nullopt;
  const std::string_view type = steps[at];
  const std::string_view name = step_name(steps[at + 1]);
  if (type.empty() || !step_key(type).empty() || name.empty()) return std::nullopt;
  if (type == "module" || type == "data") return std::nullopt;  // a module, or a bare `data.x`
  parts.resource = std::string(data ? "data." : "") + std::string(type) + "." + std::string(name);
  parts.key = std::string(step_key(steps[at + 1]));
  return parts;
}

// --- configuration ---------------------------------------------------------------------------

// The "expressions" of every resource block in the configuration, by block address without
// instance keys (`module.vpc.aws_vpc.this`).
using ConfigIndex = std::unordered_map<std::string, const Value*>;

// A configuration resource's module-local address, from mode/type/name, or as written.
std::string config_resource_address(const Value& resource) {
  const std::string* type = find_string(resource, "type");
  const std::string* name = find_string(resource, "name");
  if (type != nullptr && name != nullptr) {
    const std::string* mode = find_string(resource, "mode");
    const bool data = mode != nullptr && *mode == "data";
    return (data ? "data." : "") + *type + "." + *name;
  }
  const std::string* address = find_string(resource, "address");
  return address != nullptr ? *address : std::string();
}

void index_configuration(const Value& module, const std::string& prefix, ConfigIndex& index) {
  if (const Value* resources = find_list(module, "resources")) {
    for (const Value& resource : resources->items()) {
      const Value* expressions = find_map(resource, "expressions");
      const std::string address = config_resource_address(resource);
      if (expressions != nullptr && !address.empty()) index.emplace(prefix + address, expressions);
    }
  }
  if (const Value* calls = find_map(module, "module_calls")) {
    for (const Value::Entry& call : calls->entries()) {
      if (const Value* child = find_map(call.value, "module")) {
        index_configuration(*child, prefix + "module." + call.key + ".", index);
      }
    }
  }
}

// --- planned values --------------------------------------------------------------------------

struct PlannedResource {
  const Value* object = nullptr;  // the entry of planned_values ... "resources"
  std::string address;
  InstanceAddress parts;
  std::string type;
};

bool is_managed(const Value& resource, const InstanceAddress& parts) {
  if (const std::string* mode = find_string(resource, "mode")) return *mode == "managed";
  return parts.resource.rfind("data.", 0) != 0;
}

void collect_planned(const Value& module, std::vector<PlannedResource>& out) {
  if (const Value* resources = find_list(module, "resources")) {
    for (const Value& resource : resources->items()) {
      const std::string* address = find_string(resource, "address");
      if (address == nullptr) continue;
      std::optional<InstanceAddress> parts = parse_instance_address(*address);
      if (!parts || !is_managed(resource, *parts)) continue;
      const std::string* type = find_string(resource, "type");
      PlannedResource planned;
      planned.object = &resource;
      planned.address = *address;
      planned.type = type != nullptr ? *type : parts->resource.substr(0, parts->resource.find('.'));
      planned.parts = std::move(*parts);
      out.push_back(std::move(planned));
    }
  }
  if (const Value* children = find_list(module, "child_modules")) {
    for (const Value& child : children->items()) {
      if (child.is_map()) collect_planned(child, out);
    }
  }
}

// --- values known only after apply -----------------------------------------------------------

// change.after_unknown of each resource instance's current object (deposed objects are
// going away and have no planned value).
std::unordered_map<std::string, const Value*> index_after_unknown(const Value& root) {
  std::unordered_map<std::string, const Value*> index;
  const Value* changes = find_list(root, "resource_changes");
  if (changes == nullptr) return index;
  for (const Value& change : changes->items()) {
    const std::string* address = find_string(change, "address");
    const Value* detail = find_map(change, "change");
    if (address == nullptr || detail == nullptr || change.find("deposed") != nullptr) continue;
    if (const Value* marks = find_map(*detail, "after_unknown")) index.emplace(*address, marks);
  }
  return index;
}

bool marks_unknown(const Value& marks) {
  if (marks.is_bool()) return marks.as_bool();
  return std::any_of(marks.items().begin(), marks.items().end(), marks_unknown) ||
         std::any_of(marks.entries().begin(), marks.entries().end(),
                     [](const Value::Entry& e) { return marks_unknown(e.value); });
}

// Makes unknown every place `marks` (after_unknown, mirroring the value's structure) sets
// to true. planned_values omits unknown values or writes them as null, so the places are
// created when missing; the span is the value's when the plan wrote one, else the mark's.
void apply_unknown_marks(Value& target, const Value& marks) {
  if (!marks_unknown(marks)) return;
  const Span span = target.span.valid() ? target.span : marks.span;
  if (marks.is_bool()) {
    Value unknown = Value::unknown("known after apply", span);
    unknown.refs = std::move(target.refs);
    target = std::move(unknown);
  } else if (marks.is_map()) {
    if (!target.is_map()) target = Value::map({}, span);
    for (const Value::Entry& mark : marks.entries()) {
      if (!marks_unknown(mark.value)) continue;
      if (target.find(mark.key) == nullptr) target.set(mark.key, Value::null(), mark.key_span);
      apply_unknown_marks(*target.find(mark.key), mark.value);
    }
  } else if (marks.is_list()) {
    if (!target.is_list()) target = Value::list({}, span);
    const Value::List& items = marks.items();
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (!marks_unknown(items[i])) continue;
      while (target.items().size() <= i) target.items().push_back(Value::null(span));
      apply_unknown_marks(target.items()[i], items[i]);
    }
  }
}

// --- references ------------------------------------------------------------------------------

// The planned instances, to turn configuration references (to resource blocks) into the
// addresses of instances the graph holds.
class InstanceIndex {
 public:
  explicit InstanceIndex(const std::vector<PlannedResource>& planned) {
    for (const PlannedResource& resource : planned) {
      addresses_.insert(resource.address);
      by_block_[resource.parts.block()].push_back(&resource);
    }
  }
  bool contains(const std::string& address) const { return addresses_.count(address) != 0; }
  const std::vector<const PlannedResource*>* instances(const std::string& block) const {
    auto it = by_block_.find(block);
    return it == by_block_.end() ? nullptr : &it->second;
  }

 private:
  std::set<std::string> addresses_;
  std::unordered_map<std::string, std::vector<const PlannedResource*>> by_block_;
};

// First steps of references that do not name a resource. Ephemeral resources never appear
// in a plan's values.
bool names_no_resource(std::string_view first) {
  static constexpr std::string_view kOthers[] = {"var",  "local",     "module", "path",     "count",
                                                 "each", "terraform", "self",   "ephemeral"};
  return std::find(std::begin(kOthers), std::end(kOthers), first) != std::end(kOthers);
}

// Resolves one module's references (`aws_s3_bucket.b.id`, `aws_s3_bucket.b[0]`,
// `data.x.y`) to absolute instance addresses of the plan.
class ReferenceResolver {
 public:
  ReferenceResolver(const InstanceAddress& from, const InstanceIndex& index)
      : from_(from), index_(index) {}

  std::vector<std::string> resolve(const Value& references) const {
    // Referenced block -> the instance keys the references spell out.
    std::map<std::string, std::set<std::string>> keys_by_block;
    for (const Value& reference : references.items()) {
      if (reference.is_string()) add_reference(reference.text(), keys_by_block);
    }
    std::vector<std::string> out;
    for (const auto& [block, keys] : keys_by_block) add_targets(block, keys, out);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

 private:
  void add_reference(std::string_view reference,
                     std::map<std::string, std::set<std::string>>& keys_by_block) const {
    const std::vector<std::string_view> steps = address_steps(reference);
    if (steps.size() < 2 || !step_key(steps[0]).empty() || names_no_resource(steps[0])) return;
    const std::size_t type_at = steps[0] == "data" ? 1 : 0;
    if (steps.size() < type_at + 2) return;
    const std::string_view type = steps[type_at];
    const std::string_view name = step_name(steps[type_at + 1]);
    if (type.empty() || !step_key(type).empty() || name.empty()) return;
    std::string block = from_.module_instance;
    if (type_at == 1) append_step(block, "data");
    append_step(block, type);
    append_step(block, name);
    std::set<std::string>& keys = keys_by_block[block];
    const std::string_view key = step_key(steps[type_at + 1]);
    if (!key.empty()) keys.emplace(key);
  }

  // The instances a reference to `block` means: the ones it names by key; else the block
  // itself when it has no count/for_each; else the instance with the referrer's own key (the
  // `aws_s3_bucket.b[count.index]` pattern); else all of them. A block the plan does not
  // hold (a data source) keeps its address, as the .tf loader does.
  void add_targets(const std::string& block, const std::set<std::string>& keys,
                   std::vector<std::string>& out) const {
    const std::size_t before = out.size();
    for (const std::string& key : keys) {
      if (index_.contains(block + key)) out.push_back(block + key);
    }
    if (out.size() > before) return;
    const std::vector<const PlannedResource*>* instances = index_.instances(block);
    if (instances == nullptr || index_.contains(block)) {
      out.push_back(block);
      return;
    }
    for (const PlannedResource* instance : *instances) {
      if (!from_.key.empty() && instance->parts.key == from_.key) {
        out.push_back(instance->address);
        return;
      }
    }
    for (const PlannedResource* instance : *instances) out.push_back(instance->address);
  }

  const InstanceAddress& from_;
  const InstanceIndex& index_;
};

void merge_into_refs(Value& value, const std::vector<std::string>& refs) {
  if (refs.empty()) return;
  value.refs.insert(value.refs.end(), refs.begin(), refs.end());
  std::sort(value.refs.begin(), value.refs.end());
  value.refs.erase(std::unique(value.refs.begin(), value.refs.end()), value.refs.end());
}

// An <expression-representation> (`references` and/or `constant_value`, or nothing) rather
// than a <block-expressions-representation> of a nested block.
bool is_expression(const Value& node) {
  return node.is_map() && (node.entries().empty() || node.find("references") != nullptr ||
                           node.find("constant_value") != nullptr);
}

// Copies the configuration's references onto the planned values they configure: attribute
// expressions onto attribute values, nested block expressions (arrays of blocks, or one
// block) onto the matching blocks. Where the shapes disagree (a set of blocks Terraform
// reordered or merged) the references go onto the enclosing value, which keeps the edges.
class ReferenceAttacher {
 public:
  explicit ReferenceAttacher(const ReferenceResolver& resolver) : resolver_(resolver) {}

  void attach_block(Value& body, const Value& expressions) const {
    if (!expressions.is_map()) return;
    if (!body.is_map()) {
      merge_into_refs(body, all_refs(expressions));
      return;
    }
    for (const Value::Entry& entry : expressions.entries()) {
      if (Value* slot = body.find(entry.key)) {
        attach(*slot, entry.value);
        continue;
      }
      // A configured attribute planned_values leaves out is one not known until apply.
      if (!is_expression(entry.value)) continue;
      std::vector<std::string> refs = all_refs(entry.value);
      if (refs.empty()) continue;
      Value unknown = Value::unknown("known after apply", entry.value.span);
      unknown.refs = std::move(refs);
      body.set(entry.key, std::move(unknown), entry.key_span);
    }
  }

 private:
  void attach(Value& slot, const Value& expression) const {
    if (is_expression(expression)) {
      merge_into_refs(slot, all_refs(expression));
    } else if (expression.is_list()) {
      const Value::List& blocks = expression.items();
      if (slot.is_list() && slot.items().size() == blocks.size()) {
        for (std::size_t i = 0; i < blocks.size(); ++i) attach_block(slot.items()[i], blocks[i]);
      } else if (slot.is_map() && blocks.size() == 1) {
        attach_block(slot, blocks[0]);
      } else {
        merge_into_refs(slot, all_refs(expression));
      }
    } else if (expression.is_map()) {
      if (slot.is_list() && slot.items().size() == 1) {
        attach_block(slot.items()[0], expression);
      } else {
        attach_block(slot, expression);
      }
    }
  }

  // Every reference anywhere under a configuration node.
  std::vector<std::string> all_refs(const Value& node) const {
    std::vector<std::string> out;
    collect(node, out);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

  void collect(const Value& node, std::vector<std::string>& out) const {
    if (is_expression(node)) {
      if (const Value* references = find_list(node, "references")) {
        std::vector<std::string> refs = resolver_.resolve(*references);
        out.insert(out.end(), refs.begin(), refs.end());
      }
      return;
    }
    for (const Value& item : node.items()) collect(item, out);
    for (const Value::Entry& entry : node.entries()) collect(entry.value, out);
  }

  const ReferenceResolver& resolver_;
};

// --- resources -------------------------------------------------------------------------------

template <class Map>
const Value* lookup(const Map& map, const std::string& key) {
  auto it = map.find(key);
  return it == map.end() ? nullptr : it->second;
}

Resource make_resource(const SourceFile& file, const PlannedResource& planned,
                       const Value* unknown_marks, const Value* expressions,
                       const InstanceIndex& instances) {
  Resource resource;
  resource.format = SourceFormat::terraform;
  resource.scope = "plan:" + file.path;
  resource.native_type = planned.type;
  resource.address = planned.address;
  resource.span = planned.object->span;
  const Value* address = planned.object->find("address");
  resource.name_span = address->span.valid() ? address->span : resource.span;
  const Value* values = find_map(*planned.object, "values");
  resource.attributes = values != nullptr ? *values : Value::map({}, resource.span);
  if (unknown_marks != nullptr) apply_unknown_marks(resource.attributes, *unknown_marks);
  if (expressions != nullptr) {
    const ReferenceResolver resolver(planned.parts, instances);
    ReferenceAttacher(resolver).attach_block(resource.attributes, *expressions);
  }
  return resource;
}

Location location_of(const std::string& path, const Span& span) {
  const Range& r = span.range;
  return Location{path, r.start_line, r.start_column, r.end_line, r.end_column};
}

// Terraform promises to bump the major format version for incompatible changes and asks
// consumers to reject majors they do not know; 0.x (Terraform 0.12 to 1.0) and 1.x are known.
std::optional<Diagnostic> unsupported_version(const SourceFile& file, const Value& root) {
  const Value* version = root.find("format_version");
  if (version == nullptr || !version->is_string()) return std::nullopt;
  const std::string major = version->text().substr(0, version->text().find('.'));
  if (major == "0" || major == "1") return std::nullopt;
  Diagnostic d;
  d.code = DiagnosticCode::not_loaded;
  d.message = "unsupported Terraform plan format_version \"" + version->text() +
              "\": its resources are not scanned";
  d.location = location_of(file.path, version->span);
  return d;
}

}  // namespace

bool looks_like_terraform_plan(const Value& root) {
  if (root.find("format_version") == nullptr || root.find("terraform_version") == nullptr) {
    return false;
  }
  return root.find("planned_values") != nullptr || root.find("resource_changes") != nullptr ||
         root.find("configuration") != nullptr;
}

LoadedFile load_terraform_plan(const SourceFile& file, const Value& root) {
  LoadedFile loaded;
  if (!looks_like_terraform_plan(root)) return loaded;
  loaded.is_iac = true;
  if (std::optional<Diagnostic> problem = unsupported_version(file, root)) {
    loaded.diagnostics.push_back(std::move(*problem));
    return loaded;
  }
  std::vector<PlannedResource> planned;
  if (const Value* values = find_map(root, "planned_values")) {
    if (const Value* module = find_map(*values, "root_module")) collect_planned(*module, planned);
  }
  ConfigIndex config;
  if (const Value* configuration = find_map(root, "configuration")) {
    if (const Value* module = find_map(*configuration, "root_module")) {
      index_configuration(*module, "", config);
    }
  }
  const auto unknown_marks = index_after_unknown(root);
  const InstanceIndex instances(planned);
  loaded.resources.reserve(planned.size());
  for (const PlannedResource& resource : planned) {
    loaded.resources.push_back(
        make_resource(file, resource, lookup(unknown_marks, resource.address),
                      lookup(config, without_instance_keys(resource.address)), instances));
  }
  return loaded;
}

std::vector<std::string_view> address_steps(std::string_view address) {
  std::vector<std::string_view> steps;
  std::size_t start = 0;
  int depth = 0;
  bool quoted = false;
  for (std::size_t i = 0; i < address.size(); ++i) {
    const char c = address[i];
    if (quoted) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        quoted = false;
      }
    } else if (c == '"' && depth > 0) {
      quoted = true;
    } else if (c == '[') {
      ++depth;
    } else if (c == ']' && depth > 0) {
      --depth;
    } else if (c == '.' && depth == 0) {
      steps.push_back(address.substr(start, i - start));
      start = i + 1;
    }
  }
  steps.push_back(address.substr(std::min(start, address.size())));
  return steps;
}

std::string without_instance_keys(std::string_view address) {
  std::string out;
  out.reserve(address.size());
  int depth = 0;
  bool quoted = false;
  for (std::size_t i = 0; i < address.size(); ++i) {
    const char c = address[i];
    if (quoted) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        quoted = false;
      }
    } else if (c == '"' && depth > 0) {
      quoted = true;
    } else if (c == '[') {
      ++depth;
    } else if (c == ']' && depth > 0) {
      --depth;
    } else if (depth == 0) {
      out += c;
    }
  }
  return out;
}

}  // namespace iacscan::detail::tf
