// Lazy, memoised evaluation of one module instance.
#include "terraform/module_instance.hpp"

#include <algorithm>
#include <filesystem>

#include "terraform/policy_document.hpp"
#include "terraform/type_constraints.hpp"
#include "terraform/value_ops.hpp"

namespace iacscan::detail::tf {
namespace {

// Declarations evaluated inside one another (a local needing a resource needing a module
// output...). Deep chains are legal but each level costs stack; past this the value is
// unknown and a diagnostic says so. Evaluation of one root runs on one thread. Kept below
// the evaluator's own bound on nested evaluation (expr_evaluator.cpp), which is silent, so a
// long chain of references is reported here first.
constexpr int kMaxNesting = 128;
thread_local int nesting = 0;

struct Nesting {
  Nesting() { ++nesting; }
  ~Nesting() { --nesting; }
  bool too_deep() const { return nesting > kMaxNesting; }
};

// Arguments that configure Terraform itself, not the resource.
bool is_meta_argument(std::string_view name) {
  return name == "count" || name == "for_each" || name == "provider" || name == "depends_on";
}
bool is_meta_block(std::string_view type) {
  return type == "lifecycle" || type == "provisioner" || type == "connection";
}
bool is_module_meta_argument(std::string_view name) {
  return name == "source" || name == "version" || name == "count" || name == "for_each" ||
         name == "providers" || name == "depends_on";
}

// A type constraint as written ("map(string)", "object({name = string})"): rules read it as
// text, and evaluating it as an expression would make it unknown.
std::string type_text(const Expr& e) {
  auto joined = [](const std::vector<Expr>& items, std::size_t from, const char* separator) {
    std::string out;
    for (std::size_t i = from; i < items.size(); ++i) {
      if (i > from) out += separator;
      out += type_text(items[i]);
    }
    return out;
  };
  switch (e.kind) {
    case Expr::Kind::variable:
      return e.name;
    case Expr::Kind::literal:
      return e.literal.to_display_string();
    case Expr::Kind::call:
      return e.name + "(" + joined(e.children, 0, ", ") + ")";
    case Expr::Kind::tuple:
      return "[" + joined(e.children, 0, ", ") + "]";
    case Expr::Kind::object: {
      std::string out = "{";
      for (std::size_t i = 0; i + 1 < e.children.size(); i += 2) {
        if (i > 0) out += ", ";
        out += type_text(e.children[i]) + " = " + type_text(e.children[i + 1]);
      }
      return out + "}";
    }
    default:
      return "";
  }
}

// A resource or data object as references see it: its configured arguments, and refs that
// make every other attribute "known after apply".
Value reference_object(const Value& attributes, const std::string& address) {
  Value object = attributes;
  object.refs = {address};
  return object;
}

}  // namespace

ModuleInstance::ModuleInstance(ModuleHost& host, const Module& module, Call call,
                               std::map<std::string, ModuleInput> inputs)
    : host_(host), module_(module), call_(std::move(call)), inputs_(std::move(inputs)) {}

ModuleInstance::~ModuleInstance() = default;

FunctionEnvironment& ModuleInstance::functions() {
  return host_.functions_for(module_);
}

Value ModuleInstance::cycle(const std::string& what, const Span& span) {
  host_.diagnose(DiagnosticCode::invalid_template, DiagnosticLevel::warning,
                 what + " depends on itself; its value is treated as unknown", span);
  return Value::unknown(what + " depends on itself", span);
}

void ModuleInstance::instantiate() {
  for (const Block* block : module_.resources) {
    const ResourceInstances* instances = resource_instances(*block, true);
    if (!instances) continue;
    for (std::size_t i = 0; i < instances->attributes.size(); ++i) {
      Resource r;
      r.format = SourceFormat::terraform;
      r.scope = host_.root_scope();
      r.native_type = block->labels[0];
      r.address = instances->addresses[i];
      r.span = block->span;
      r.name_span = block->labels_span;
      r.attributes = instances->attributes[i];
      r.related = call_.chain;
      if (const Attribute* provider = block->body.attribute("provider")) {
        const Expr& e = provider->expr;
        if (e.kind == Expr::Kind::get_attr && !e.children.empty() &&
            e.children[0].kind == Expr::Kind::variable) {
          r.provider = e.children[0].name + "." + e.name;
        } else if (e.kind == Expr::Kind::literal && e.literal.is_string()) {
          r.provider = e.literal.text();
        }
      }
      host_.emit(std::move(r));
    }
  }
  emit_declarations();
  for (const auto& [name, block] : module_.module_calls) {
    CallInstances* calls = call_instances(name);
    if (!calls) continue;
    for (auto& child : calls->children)
      if (child) child->instantiate();
  }
}

// Variables and provider configurations as pseudo-resources: rules judge a variable's
// declaration (not the value a caller gives it) and a provider's arguments (credentials).
void ModuleInstance::emit_declarations() {
  auto declaration = [&](const Block& block, const char* type, std::string address) {
    Resource r;
    r.format = SourceFormat::terraform;
    r.scope = host_.root_scope();
    r.native_type = type;
    r.address = call_.address_prefix + std::move(address);
    r.span = block.span;
    r.name_span = block.labels_span;
    r.related = call_.chain;
    return r;
  };
  for (const auto& [name, block] : module_.variables) {
    Resource r = declaration(*block, "terraform_variable", "var." + name);
    Value::Map entries;
    Evaluator evaluator(*this);
    for (const Attribute& a : block->body.attributes) {
      Value value = a.name == "type" ? Value::string(type_text(a.expr), a.expr.span)
                                     : evaluator.evaluate(a.expr);
      entries.push_back(Value::Entry{a.name, a.name_span, std::move(value)});
    }
    r.attributes = Value::map(std::move(entries), block->span);
    host_.emit(std::move(r));
  }
  for (const Block* block : module_.providers) {
    if (block->labels.empty()) continue;
    std::string address = "provider." + block->labels[0];
    if (const Attribute* alias = block->body.attribute("alias");
        alias && alias->expr.kind == Expr::Kind::literal && alias->expr.literal.is_string()) {
      address += "." + alias->expr.literal.text();
    }
    Resource r = declaration(*block, "terraform_provider", std::move(address));
    r.attributes = evaluate_body(block->body, block->span, {});
    host_.emit(std::move(r));
  }
}

Value ModuleInstance::resolve(std::span<const std::string_view> names, std::size_t& used,
                              const Span& span) {
  Nesting guard;
  if (guard.too_deep()) {
    host_.diagnose(DiagnosticCode::limit_exceeded, DiagnosticLevel::warning,
                   "references nested more than " + std::to_string(kMaxNesting) +
                       " levels deep; the value is treated as unknown",
                   span);
    return Value::unknown("references nested too deeply", span);
  }
  const std::string_view root = names[0];
  auto need = [&](std::size_t n) { return names.size() >= n; };
  if (root == "var" && need(2)) {
    used = 2;
    return variable(std::string(names[1]), span);
  }
  if (root == "local" && need(2)) {
    used = 2;
    return local(std::string(names[1]), span);
  }
  if (root == "module" && need(2)) {
    std::string name(names[1]);
    if (need(3)) {
      used = 3;
      std::string output(names[2]);
      return module_object(name, &output, span);
    }
    used = 2;
    return module_object(name, nullptr, span);
  }
  if (root == "data" && need(3)) {
    used = 3;
    return data_object(std::string(names[1]), std::string(names[2]), span);
  }
  if (root == "path" && need(2)) {
    used = 2;
    return path_value(names[1], span);
  }
  if (root == "terraform" && need(2)) {
    used = 2;
    if (names[1] == "workspace") return Value::string("default", span);
    return Value::unknown("terraform." + std::string(names[1]), span);
  }
  if (root == "count" || root == "each" || root == "self") {
    return Value::unknown(std::string(root) + " is not available here", span);
  }
  if (need(2)) {
    used = 2;
    return resource_object(std::string(root), std::string(names[1]), span);
  }
  return error_value("unknown name \"" + std::string(root) + "\"", span);
}

// Terraform runs in the root module's directory: path.root is ".", and path.module is the
// module's directory relative to it ("modules/site", "../shared"), not to the scan.
Value ModuleInstance::path_value(std::string_view which, const Span& span) const {
  if (which == "module") {
    const std::string relative =
        std::filesystem::path(module_.dir).lexically_relative(host_.root_scope()).generic_string();
    return Value::string(relative.empty() ? module_.dir : relative, span);
  }
  if (which == "root") return Value::string(".", span);
  if (which == "cwd") return Value::string(host_.root_scope(), span);
  return error_value("unknown path." + std::string(which), span);
}

Value ModuleInstance::variable(const std::string& name, const Span& span) {
  Memo& memo = variables_[name];
  if (memo.state == Memo::State::active) return cycle("variable \"" + name + "\"", span);
  if (memo.state == Memo::State::fresh) {
    memo.state = Memo::State::active;
    auto declared = module_.variables.find(name);
    const Block* block = declared == module_.variables.end() ? nullptr : declared->second;
    const Attribute* type = block ? block->body.attribute("type") : nullptr;
    const Attribute* fallback = block ? block->body.attribute("default") : nullptr;
    Value value;
    std::shared_ptr<const Provenance> origin;
    auto given = inputs_.find(name);
    bool have = false;
    if (given != inputs_.end()) {
      ModuleInput& input = given->second;
      if (input.has_value) {
        value = input.value;
      } else if (input.caller && input.argument) {
        value = input.caller->evaluate_with(input.argument->expr, input.key);
        origin = std::make_shared<const Provenance>(
            Provenance{input.argument->span, "argument \"" + name + "\" of the module call"});
      }
      have = true;
      // A null argument means "not set" unless the variable accepts null (nullable).
      const Attribute* nullable = block ? block->body.attribute("nullable") : nullptr;
      const bool accepts_null =
          !nullable || !(nullable->expr.kind == Expr::Kind::literal &&
                         nullable->expr.literal.is_bool() && !nullable->expr.literal.as_bool());
      if (value.is_null() && !accepts_null) have = false;
    }
    if (!have && fallback) {
      Evaluator evaluator(*this);
      value = evaluator.evaluate(fallback->expr);
      origin = std::make_shared<const Provenance>(
          Provenance{fallback->expr.span, "default of variable \"" + name + "\""});
      have = true;
    }
    if (!have) {
      value = Value::unknown("variable \"" + name + "\" has no value",
                             block ? block->labels_span : span);
    }
    if (type && have) value = convert_to_type(value, type->expr);
    if (origin) attach_origins(value, origin->note);
    memo.value = std::move(value);
    memo.state = Memo::State::done;
  }
  Value out = memo.value;
  // Where it is used is where a finding points; where it was written is the origin.
  std::shared_ptr<const Provenance> origin = out.origin;
  if (!origin && out.span.valid()) {
    origin = std::make_shared<const Provenance>(
        Provenance{out.span, "value of variable \"" + name + "\""});
  }
  return used_at(std::move(out), span, origin);
}

Value ModuleInstance::local(const std::string& name, const Span& span) {
  auto declared = module_.locals.find(name);
  if (declared == module_.locals.end()) return error_value("no local \"" + name + "\"", span);
  Memo& memo = locals_[name];
  if (memo.state == Memo::State::active) return cycle("local \"" + name + "\"", span);
  if (memo.state == Memo::State::fresh) {
    memo.state = Memo::State::active;
    Evaluator evaluator(*this);
    Value value = evaluator.evaluate(declared->second->expr);
    memo.value = std::move(value);
    memo.state = Memo::State::done;
  }
  Value out = memo.value;
  out.span = span;
  return out;
}

Value ModuleInstance::evaluate_with(const Expr& expr, const InstanceKey& key) {
  Nesting guard;
  if (guard.too_deep()) return Value::unknown("references nested too deeply", expr.span);
  Evaluator evaluator(*this);
  bind_instance(evaluator, key);
  return evaluator.evaluate(expr);
}

void ModuleInstance::add_nested_block(const Block& block, Value::Map& entries,
                                      const Bindings& bindings) {
  Value body = evaluate_body(block.body, block.span, bindings);
  auto it = std::find_if(entries.begin(), entries.end(),
                         [&](const Value::Entry& e) { return e.key == block.type; });
  if (it == entries.end()) {
    entries.push_back(Value::Entry{block.type, block.labels_span, Value::list({}, block.span)});
    it = entries.end() - 1;
  }
  if (it->value.is_list()) it->value.items().push_back(std::move(body));
}

// dynamic "NAME" { for_each = ...; iterator = it; content { ... } }: one NAME block per
// element. Over an unknown collection the blocks' number and content are unknown.
void ModuleInstance::add_dynamic_block(const Block& block, Value::Map& entries,
                                       const Bindings& bindings) {
  if (block.labels.empty()) return;
  const std::string& name = block.labels[0];
  auto it = std::find_if(entries.begin(), entries.end(),
                         [&](const Value::Entry& e) { return e.key == name; });
  if (it == entries.end()) {
    entries.push_back(Value::Entry{name, block.labels_span, Value::list({}, block.span)});
    it = entries.end() - 1;
  }
  if (!it->value.is_list()) return;
  Value::List& items = it->value.items();
  const Attribute* for_each = block.body.attribute("for_each");
  const Block* content = nullptr;
  for (const Block& b : block.body.blocks)
    if (b.type == "content") content = &b;
  if (!for_each || !content) return;
  std::string iterator = name;
  if (const Attribute* it_name = block.body.attribute("iterator")) {
    if (it_name->expr.kind == Expr::Kind::variable) iterator = it_name->expr.name;
  }
  Evaluator evaluator(*this);
  for (const auto& [bound, value] : bindings) evaluator.bind(bound, value);
  Value collection = evaluator.evaluate(for_each->expr);
  if (!collection.is_list() && !collection.is_map()) {
    Value unknown =
        Value::unknown("dynamic block \"" + name + "\" over an unknown collection", block.span);
    unknown.refs = collection.refs;
    items.push_back(std::move(unknown));
    return;
  }
  auto add = [&](Value key, Value value) {
    Value::Map iter;
    iter.push_back(Value::Entry{"key", block.span, std::move(key)});
    iter.push_back(Value::Entry{"value", block.span, std::move(value)});
    Bindings inner = bindings;
    inner.emplace_back(iterator, Value::map(std::move(iter), block.span));
    items.push_back(evaluate_body(content->body, content->span, inner));
  };
  if (collection.is_map()) {
    // One block per key, in Terraform's lexical key order.
    std::stable_sort(collection.entries().begin(), collection.entries().end(),
                     [](const Value::Entry& a, const Value::Entry& b) { return a.key < b.key; });
    for (const Value::Entry& e : collection.entries())
      add(Value::string(e.key, e.key_span), e.value);
  } else if (collection.is_list()) {
    for (std::size_t i = 0; i < collection.items().size(); ++i)
      add(make_number(static_cast<double>(i)), collection.items()[i]);
  }
}

Value ModuleInstance::evaluate_body(const Body& body, const Span& span, const Bindings& bindings) {
  Evaluator evaluator(*this);
  for (const auto& [name, value] : bindings) evaluator.bind(name, value);
  Value::Map entries;
  for (const Attribute& a : body.attributes) {
    if (is_meta_argument(a.name)) continue;
    entries.push_back(Value::Entry{a.name, a.name_span, evaluator.evaluate(a.expr)});
  }
  for (const Block& b : body.blocks) {
    if (is_meta_block(b.type)) continue;
    if (b.type == "dynamic") {
      add_dynamic_block(b, entries, bindings);
    } else {
      add_nested_block(b, entries, bindings);
    }
  }
  return Value::map(std::move(entries), span);
}

const ModuleInstance::ResourceInstances* ModuleInstance::resource_instances(const Block& block,
                                                                            bool managed) {
  const std::string key =
      std::string(managed ? "resource " : "data ") + block.labels[0] + "." + block.labels[1];
  Memo& memo = resource_state_[key];
  if (memo.state == Memo::State::active) {
    cycle((managed ? "" : "data.") + block.labels[0] + "." + block.labels[1], block.labels_span);
    return nullptr;
  }
  if (memo.state == Memo::State::done) return &resources_[key];
  memo.state = Memo::State::active;
  ResourceInstances instances;
  {
    Evaluator evaluator(*this);
    instances.expansion = expand_instances(block.body, evaluator, host_.max_instances());
  }
  if (instances.expansion.problem) {
    host_.diagnose(DiagnosticCode::limit_exceeded, DiagnosticLevel::warning,
                   *instances.expansion.problem, block.labels_span);
  }
  const std::string base =
      call_.address_prefix + (managed ? "" : "data.") + block.labels[0] + "." + block.labels[1];
  for (const InstanceKey& k : instances.expansion.keys) {
    Value attributes = evaluate_body(block.body, block.span, instance_bindings(k));
    if (!managed && block.labels[0] == "aws_iam_policy_document") {
      // The provider's `json` is indented, its `minified_json` is not.
      Value document = render_policy_document(attributes, block.span);
      attributes.set("json", policy_document_json(document, block.span, PolicyJsonLayout::indented),
                     block.span);
      attributes.set("minified_json",
                     policy_document_json(document, block.span, PolicyJsonLayout::minified),
                     block.span);
    }
    instances.addresses.push_back(base + k.suffix);
    instances.attributes.push_back(std::move(attributes));
  }
  auto [it, inserted] = resources_.insert_or_assign(key, std::move(instances));
  memo.state = Memo::State::done;
  return &it->second;
}

const Block* ModuleInstance::managed_resource(const std::string& type, const std::string& name) {
  if (resource_blocks_.empty()) {
    for (const Block* b : module_.resources)
      resource_blocks_.insert_or_assign(b->labels[0] + "." + b->labels[1], b);
  }
  auto found = resource_blocks_.find(type + "." + name);
  return found == resource_blocks_.end() ? nullptr : found->second;
}

Value ModuleInstance::resource_object(const std::string& type, const std::string& name,
                                      const Span& span) {
  const Block* block = managed_resource(type, name);
  if (!block) return error_value("reference to undeclared resource " + type + "." + name, span);
  const ResourceInstances* instances = resource_instances(*block, true);
  const std::string base = call_.address_prefix + type + "." + name;
  if (!instances) {
    Value v = Value::unknown(type + "." + name + " depends on itself", span);
    v.refs = {base};
    return v;
  }
  return collect_instances(*instances, base, span);
}

Value ModuleInstance::collect_instances(const ResourceInstances& instances, const std::string& base,
                                        const Span& span) {
  const Expansion& e = instances.expansion;
  if (!e.known) {
    Value v = Value::unknown("instances of " + base + " not known", span);
    v.refs = {base};
    return v;
  }
  if (e.mode == InstanceKey::Mode::single) {
    if (instances.attributes.empty()) return Value::null(span);
    return reference_object(instances.attributes[0], instances.addresses[0]);
  }
  if (e.mode == InstanceKey::Mode::count) {
    Value::List items;
    for (std::size_t i = 0; i < instances.attributes.size(); ++i)
      items.push_back(reference_object(instances.attributes[i], instances.addresses[i]));
    Value v = Value::list(std::move(items), span);
    v.refs = {base};
    return v;
  }
  Value::Map entries;
  for (std::size_t i = 0; i < instances.attributes.size(); ++i) {
    entries.push_back(
        Value::Entry{e.keys[i].key.text(), span,
                     reference_object(instances.attributes[i], instances.addresses[i])});
  }
  Value v = Value::map(std::move(entries), span);
  v.refs = {base};
  return v;
}

Value ModuleInstance::data_object(const std::string& type, const std::string& name,
                                  const Span& span) {
  auto found = module_.data.find(type + "." + name);
  const std::string base = call_.address_prefix + "data." + type + "." + name;
  if (found == module_.data.end())
    return error_value("reference to undeclared data." + type + "." + name, span);
  const ResourceInstances* instances = resource_instances(*found->second, false);
  if (!instances) {
    Value v = Value::unknown("data." + type + "." + name + " depends on itself", span);
    v.refs = {base};
    return v;
  }
  return collect_instances(*instances, base, span);
}

ModuleInstance::CallInstances* ModuleInstance::call_instances(const std::string& name) {
  auto declared = module_.module_calls.find(name);
  if (declared == module_.module_calls.end()) return nullptr;
  const Block& block = *declared->second;
  Memo& memo = call_state_[name];
  if (memo.state == Memo::State::active) {
    cycle("module \"" + name + "\"", block.labels_span);
    return nullptr;
  }
  if (memo.state == Memo::State::done) return &calls_[name];
  memo.state = Memo::State::active;
  CallInstances calls;
  const Attribute* source = block.body.attribute("source");
  std::string source_text;
  if (source && source->expr.kind == Expr::Kind::literal && source->expr.literal.is_string()) {
    source_text = source->expr.literal.text();
  }
  const std::string key_path = call_.key_path.empty() ? name : call_.key_path + "." + name;
  const Module* child_module =
      source_text.empty() ? nullptr
                          : host_.resolve_module(module_, source_text, key_path, block.labels_span);
  if (source_text.empty()) {
    host_.diagnose(DiagnosticCode::not_loaded, DiagnosticLevel::note,
                   "module \"" + name + "\" has no literal source; its outputs are unknown",
                   block.labels_span);
  }
  {
    Evaluator evaluator(*this);
    calls.expansion = expand_instances(block.body, evaluator, host_.max_instances());
  }
  if (calls.expansion.problem) {
    host_.diagnose(DiagnosticCode::limit_exceeded, DiagnosticLevel::warning,
                   *calls.expansion.problem, block.labels_span);
  }
  if (child_module &&
      std::find(call_.stack.begin(), call_.stack.end(), child_module) != call_.stack.end()) {
    host_.diagnose(
        DiagnosticCode::invalid_template, DiagnosticLevel::warning,
        "module \"" + name + "\" calls itself (directly or through other modules); not evaluated",
        block.labels_span);
    child_module = nullptr;
  }
  for (const InstanceKey& k : calls.expansion.keys) {
    if (!child_module || !host_.charge_module_instance()) {
      calls.children.push_back(nullptr);
      continue;
    }
    Call child;
    child.address_prefix = call_.address_prefix + "module." + name + k.suffix + ".";
    child.key_path = key_path;
    child.chain.push_back(Provenance{block.labels_span, "module \"" + name + "\" called here"});
    child.chain.insert(child.chain.end(), call_.chain.begin(), call_.chain.end());
    child.stack = call_.stack;
    child.stack.push_back(&module_);
    std::map<std::string, ModuleInput> inputs;
    for (const Attribute& a : block.body.attributes) {
      if (is_module_meta_argument(a.name)) continue;
      ModuleInput input;
      input.argument = &a;
      input.caller = this;
      input.key = k;
      inputs.emplace(a.name, std::move(input));
    }
    calls.children.push_back(std::make_unique<ModuleInstance>(host_, *child_module,
                                                              std::move(child), std::move(inputs)));
  }
  auto [it, inserted] = calls_.insert_or_assign(name, std::move(calls));
  memo.state = Memo::State::done;
  return &it->second;
}

Value ModuleInstance::module_object(const std::string& name, const std::string* output,
                                    const Span& span) {
  CallInstances* calls = call_instances(name);
  const std::string base = call_.address_prefix + "module." + name;
  if (!calls) {
    if (module_.module_calls.count(name) == 0)
      return error_value("no module \"" + name + "\"", span);
    Value v = Value::unknown("module \"" + name + "\" not available", span);
    v.refs = {base};
    return v;
  }
  auto one = [&](std::size_t i) -> Value {
    ModuleInstance* child = calls->children[i].get();
    if (!child) {
      Value v = Value::unknown("module \"" + name + "\" is not available locally", span);
      v.refs = {base};
      return v;
    }
    return output ? child->output(*output, span) : child->all_outputs(span);
  };
  const Expansion& e = calls->expansion;
  if (!e.known || e.mode == InstanceKey::Mode::single) {
    if (calls->children.empty()) return Value::null(span);
    Value v = one(0);
    if (!e.known) {
      Value unknown = Value::unknown("instances of module \"" + name + "\" not known", span);
      unknown.refs = v.refs;
      return unknown;
    }
    return v;
  }
  if (output) {
    // module.m.x on a module with count/for_each is an error in Terraform.
    return error_value("module \"" + name + "\" has several instances; index it first", span);
  }
  if (e.mode == InstanceKey::Mode::count) {
    Value::List items;
    for (std::size_t i = 0; i < calls->children.size(); ++i) items.push_back(one(i));
    return Value::list(std::move(items), span);
  }
  Value::Map entries;
  for (std::size_t i = 0; i < calls->children.size(); ++i)
    entries.push_back(Value::Entry{e.keys[i].key.text(), span, one(i)});
  return Value::map(std::move(entries), span);
}

Value ModuleInstance::output(const std::string& name, const Span& span) {
  auto declared = module_.outputs.find(name);
  if (declared == module_.outputs.end())
    return error_value("module has no output \"" + name + "\"", span);
  Memo& memo = outputs_[name];
  if (memo.state == Memo::State::active) return cycle("output \"" + name + "\"", span);
  if (memo.state == Memo::State::fresh) {
    memo.state = Memo::State::active;
    const Attribute* value = declared->second->body.attribute("value");
    if (value) {
      Evaluator evaluator(*this);
      memo.value = evaluator.evaluate(value->expr);
    } else {
      memo.value = Value::null(declared->second->span);
    }
    memo.state = Memo::State::done;
  }
  Value out = memo.value;
  out.span = span;
  return out;
}

Value ModuleInstance::all_outputs(const Span& span) {
  Value::Map entries;
  for (const auto& [name, block] : module_.outputs)
    entries.push_back(Value::Entry{name, span, output(name, span)});
  return Value::map(std::move(entries), span);
}

}  // namespace iacscan::detail::tf
