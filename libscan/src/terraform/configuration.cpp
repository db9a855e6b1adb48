// Root discovery, module resolution (scanned, local on disk, installed by `terraform init`),
// variable values for roots, and the file functions' confinement.
#include "terraform/configuration.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "core/thread_pool.hpp"
#include "terraform/expr_evaluator.hpp"
#include "terraform/hcl_file_parser.hpp"
#include "terraform/json_syntax.hpp"
#include "terraform/module.hpp"
#include "terraform/module_instance.hpp"
#include "terraform/type_constraints.hpp"
#include "terraform/value_ops.hpp"

namespace iacscan::detail {
namespace {

namespace fs = std::filesystem;
using tf::File;
using tf::Module;

std::string file_name(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string join_normal(const std::string& dir, const std::string& relative) {
  fs::path joined = dir == "." ? fs::path(relative) : fs::path(dir) / relative;
  std::string s = joined.lexically_normal().generic_string();
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  if (s.empty()) s = ".";
  return s;
}

bool is_local_source(const std::string& source) {
  return source.rfind("./", 0) == 0 || source.rfind("../", 0) == 0 || source == "." ||
         source == "..";
}

bool is_configuration(SourceKind kind) {
  return kind == SourceKind::terraform_hcl || kind == SourceKind::terraform_json;
}

bool within(const std::string& path, const std::string& root) {
  if (root == "/") return true;
  return path == root || (path.size() > root.size() && path.compare(0, root.size(), root) == 0 &&
                          path[root.size()] == '/');
}

std::string canonical_or_empty(const fs::path& p) {
  std::error_code ec;
  fs::path c = fs::weakly_canonical(p, ec);
  return ec ? std::string() : c.generic_string();
}

Diagnostic make_diagnostic(const SourceSet& sources, DiagnosticCode code, DiagnosticLevel level,
                           std::string message, const Span& where) {
  Diagnostic d;
  d.code = code;
  d.level = level;
  d.message = std::move(message);
  d.location = where.file < sources.size() ? sources.location(where) : Location{};
  return d;
}

// All modules of one scan, parsed or read from disk, by directory.
class ModuleSet {
 public:
  ModuleSet(SourceSet& sources, const TerraformSettings& settings)
      : sources_(sources), settings_(settings) {}

  void add_scanned(const std::vector<std::shared_ptr<const File>>& parsed) {
    std::map<std::string, std::vector<const File*>> by_dir;
    for (std::size_t i = 0; i < parsed.size(); ++i) {
      if (!parsed[i]) continue;
      const SourceFile& source = sources_.at(static_cast<FileId>(i));
      if (!is_configuration(source.kind)) {
        variable_files_[display_directory(source.path)].push_back(parsed[i].get());
        continue;
      }
      by_dir[display_directory(source.path)].push_back(parsed[i].get());
      if (!source.fs_path.empty())
        fs_dir_of_[display_directory(source.path)] = parent_dir_fs(source.fs_path);
    }
    for (auto& [dir, files] : by_dir) {
      const std::string fs_dir = fs_dir_of_.count(dir) ? fs_dir_of_[dir] : std::string();
      auto module = tf::build_module(dir, fs_dir, files);
      scanned_.push_back(module.get());
      if (!fs_dir.empty()) by_fs_dir_[canonical_or_empty(fs_dir)] = module.get();
      by_dir_[dir] = module.get();
      modules_.push_back(std::move(module));
    }
  }

  const std::vector<Module*>& scanned() const { return scanned_; }
  const std::vector<const File*>& variable_files(const std::string& dir) {
    return variable_files_[dir];
  }

  // The module at display path `dir`: scanned, or read from disk at `fs_dir`.
  const Module* find_or_load(const std::string& dir, const std::string& fs_dir,
                             std::vector<Diagnostic>& diagnostics, const Span& call) {
    if (auto it = by_dir_.find(dir); it != by_dir_.end()) return it->second;
    if (fs_dir.empty() || !settings_.read_from_disk || frozen_) return nullptr;
    const std::string canonical = canonical_or_empty(fs_dir);
    if (canonical.empty()) return nullptr;
    if (auto it = by_fs_dir_.find(canonical); it != by_fs_dir_.end()) return it->second;
    if (frozen_) return nullptr;
    std::error_code ec;
    if (!fs::is_directory(canonical, ec)) return nullptr;
    std::vector<fs::path> files;
    for (fs::directory_iterator it(canonical, ec), end; !ec && it != end; it.increment(ec)) {
      const std::string name = it->path().filename().string();
      const bool tf = name.size() > 3 && name.ends_with(".tf");
      const bool json = name.ends_with(".tf.json");
      if ((tf || json) && it->is_regular_file(ec)) files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    std::vector<const File*> parsed;
    for (const fs::path& p : files) {
      const std::string display = join_normal(dir, p.filename().string());
      const std::string name = p.filename().string();
      const SourceKind kind =
          name.ends_with(".tf.json") ? SourceKind::terraform_json : SourceKind::terraform_hcl;
      const FileId id = sources_.add(display, p.string(), kind);
      SourceFile& file = sources_.at(id);
      std::ifstream in(p, std::ios::binary);
      std::ostringstream bytes;
      bytes << in.rdbuf();
      if (!in && !in.eof()) {
        diagnostics.push_back(make_diagnostic(sources_, DiagnosticCode::read_error,
                                              DiagnosticLevel::error,
                                              "cannot read module file " + display, call));
        continue;
      }
      file.content = bytes.str();
      if (file.content.size() > settings_.max_file_bytes) {
        diagnostics.push_back(make_diagnostic(
            sources_, DiagnosticCode::limit_exceeded, DiagnosticLevel::error,
            "module file " + display + " is larger than the file size limit", call));
        continue;
      }
      auto parsed_file = std::make_unique<File>(kind == SourceKind::terraform_json
                                                    ? tf::parse_json_configuration(file)
                                                    : tf::parse_hcl_file(file));
      for (Diagnostic& d : parsed_file->diagnostics) diagnostics.push_back(std::move(d));
      parsed.push_back(parsed_file.get());
      owned_files_.push_back(std::move(parsed_file));
    }
    auto module = tf::build_module(dir, canonical, parsed);
    for (Diagnostic& d : module->diagnostics) diagnostics.push_back(std::move(d));
    module->diagnostics.clear();
    Module* raw = module.get();
    by_fs_dir_[canonical] = raw;
    by_dir_[dir] = raw;
    modules_.push_back(std::move(module));
    return raw;
  }

  SourceSet& sources() { return sources_; }
  const TerraformSettings& settings() const { return settings_; }

  // After this, nothing is added (no module read from disk, no source file): roots can then
  // be evaluated in parallel, reading only.
  void freeze() { frozen_ = true; }
  void unfreeze() { frozen_ = false; }

 private:
  // "" only for in-memory buffers (no fs_path): a bare file name ("main.tf") lives in the
  // current directory, from which its local modules and file() paths must resolve.
  static std::string parent_dir_fs(const std::string& fs_path) {
    if (fs_path.empty()) return {};
    const std::string parent = fs::path(fs_path).parent_path().string();
    return parent.empty() ? "." : parent;
  }

  SourceSet& sources_;
  const TerraformSettings& settings_;
  std::vector<std::unique_ptr<Module>> modules_;
  std::vector<Module*> scanned_;
  std::map<std::string, Module*> by_dir_;
  std::map<std::string, Module*> by_fs_dir_;
  std::map<std::string, std::string> fs_dir_of_;
  std::map<std::string, std::vector<const File*>> variable_files_;
  std::vector<std::unique_ptr<File>> owned_files_;
  bool frozen_ = false;
};

// A scope with no names: tfvars values and templatefile templates (whose variables are
// bound on the evaluator).
class EmptyScope final : public tf::Scope {
 public:
  explicit EmptyScope(tf::FunctionEnvironment& functions) : functions_(functions) {}
  Value resolve(std::span<const std::string_view> names, std::size_t&, const Span& span) override {
    return tf::error_value("\"" + std::string(names[0]) + "\" is not available here", span);
  }
  tf::FunctionEnvironment& functions() override { return functions_; }

 private:
  tf::FunctionEnvironment& functions_;
};

// File access for the functions of one root's modules, confined to the scan roots. Relative
// paths are relative to the root module's directory, where Terraform runs (a module reads its
// own files through path.module, which is relative to that directory too).
class FileEnvironment final : public tf::FunctionEnvironment {
 public:
  FileEnvironment(const Module& root, ModuleSet& modules) : root_(root), modules_(modules) {}

  std::optional<std::string> read_file(std::string_view path, std::string& error) override {
    // In-memory scans: only the buffers given.
    const std::string display = join_normal(root_.dir, std::string(path));
    const SourceSet& sources = modules_.sources();
    for (FileId id = 0; id < sources.size(); ++id) {
      const SourceFile& f = sources.at(id);
      if (f.path == display && (!f.content.empty() || f.fs_path.empty())) return f.content;
    }
    const std::string resolved = resolve(path, error);
    if (resolved.empty()) return std::nullopt;
    std::ifstream in(resolved, std::ios::binary);
    if (!in) {
      error = "cannot read " + std::string(path);
      return std::nullopt;
    }
    std::string content;
    char buffer[65536];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
      content.append(buffer, static_cast<std::size_t>(in.gcount()));
      if (content.size() > modules_.settings().max_file_bytes) {
        error = std::string(path) + " is larger than the file size limit";
        return std::nullopt;
      }
    }
    return content;
  }

  bool file_exists(std::string_view path) override {
    std::string error;
    const std::string resolved = resolve(path, error);
    std::error_code ec;
    return !resolved.empty() && fs::is_regular_file(resolved, ec);
  }

  Value render_template(std::string_view text, const Value& variables, const Span& span) override {
    tf::Expr parsed = tf::parse_template_text(text, span);
    EmptyScope scope(*this);
    tf::Evaluator evaluator(scope);
    for (const Value::Entry& e : variables.entries()) evaluator.bind(e.key, e.value);
    return evaluator.evaluate(parsed);
  }

 private:
  std::string resolve(std::string_view path, std::string& error) const {
    const TerraformSettings& settings = modules_.settings();
    if (!settings.read_from_disk || root_.fs_dir.empty()) {
      error = "no file " + std::string(path) + " among the scanned files";
      return {};
    }
    fs::path p(std::string{path});
    if (p.is_relative()) p = fs::path(root_.fs_dir) / p;
    const std::string canonical = canonical_or_empty(p);
    const bool allowed =
        std::any_of(settings.scan_roots.begin(), settings.scan_roots.end(),
                    [&](const std::string& root) { return within(canonical, root); });
    if (canonical.empty() || !allowed) {
      error = std::string(path) + " is outside the scanned tree; not read";
      return {};
    }
    return canonical;
  }

  const Module& root_;
  ModuleSet& modules_;
};

class RootHost final : public tf::ModuleHost {
 public:
  RootHost(ModuleSet& modules, const Module& root, LoadedFile& out,
           std::set<const Module*>& instantiated)
      : modules_(modules), root_(root), out_(out), instantiated_(instantiated) {
    read_installed_modules();
  }

  const Module* resolve_module(const Module& caller, const std::string& source,
                               const std::string& key_path, const Span& call) override {
    const Module* found = nullptr;
    if (is_local_source(source)) {
      const std::string dir = join_normal(caller.dir, source);
      const std::string fs_dir =
          caller.fs_dir.empty() ? std::string() : (fs::path(caller.fs_dir) / source).string();
      found = modules_.find_or_load(dir, fs_dir, out_.diagnostics, call);
      if (!found) {
        diagnose(
            DiagnosticCode::not_loaded, DiagnosticLevel::note,
            "module source \"" + source + "\" (" + dir + ") was not found; its outputs are unknown",
            call);
      }
    } else if (auto it = installed_.find(key_path); it != installed_.end()) {
      const std::string dir = join_normal(root_.dir, it->second);
      const std::string fs_dir = (fs::path(root_.fs_dir) / it->second).string();
      found = modules_.find_or_load(dir, fs_dir, out_.diagnostics, call);
    }
    if (!found && !is_local_source(source)) {
      diagnose(DiagnosticCode::not_loaded, DiagnosticLevel::note,
               "module \"" + key_path + "\" (source \"" + source +
                   "\") is not available locally (run terraform init to install it); its outputs "
                   "are unknown",
               call);
    }
    if (found) instantiated_.insert(found);
    return found;
  }

  // Resolves every module call reachable from `module` (as evaluation will), so every module
  // is loaded before the roots are evaluated in parallel. Calls are found by their literal
  // `source`, which Terraform requires; cycles and absurd depths stop the walk.
  void preload(const Module& module, const std::string& key_path = {}, int depth = 0) {
    constexpr int kMaxDepth = 256;
    if (depth > kMaxDepth || ++preload_visits_ > modules_.settings().max_module_instances) return;
    preload_stack_.push_back(&module);
    for (const auto& [name, block] : module.module_calls) {
      const tf::Attribute* source = block->body.attribute("source");
      if (!source || source->expr.kind != tf::Expr::Kind::literal ||
          !source->expr.literal.is_string()) {
        continue;
      }
      const std::string key = key_path.empty() ? name : key_path + "." + name;
      const Module* child =
          resolve_module(module, source->expr.literal.text(), key, block->labels_span);
      if (child &&
          std::find(preload_stack_.begin(), preload_stack_.end(), child) == preload_stack_.end()) {
        preload(*child, key, depth + 1);
      }
    }
    preload_stack_.pop_back();
  }

  void diagnose(DiagnosticCode code, DiagnosticLevel level, std::string message,
                const Span& where) override {
    // The same problem in every instance of a module is one diagnostic.
    const std::string key =
        message + "@" + std::to_string(where.file) + ":" + std::to_string(where.range.start_line);
    if (!reported_.insert(key).second) return;
    out_.diagnostics.push_back(
        make_diagnostic(modules_.sources(), code, level, std::move(message), where));
  }

  tf::FunctionEnvironment& functions_for(const Module&) override {
    if (!files_) files_ = std::make_unique<FileEnvironment>(root_, modules_);
    return *files_;
  }

  std::size_t max_instances() const override { return modules_.settings().max_instances; }

  bool charge_module_instance() override {
    if (++module_instances_ <= modules_.settings().max_module_instances) return true;
    if (!budget_reported_) {
      budget_reported_ = true;
      diagnose(DiagnosticCode::limit_exceeded, DiagnosticLevel::warning,
               "more than " + std::to_string(modules_.settings().max_module_instances) +
                   " module instances; the rest are not evaluated",
               Span{});
    }
    return false;
  }

  void emit(Resource resource) override { out_.resources.push_back(std::move(resource)); }
  const std::string& root_scope() const override { return root_.dir; }

 private:
  // .terraform/modules/modules.json, written by `terraform init`: where each installed
  // module call (by its dotted key) was unpacked.
  void read_installed_modules() {
    if (root_.fs_dir.empty() || !modules_.settings().read_from_disk) return;
    std::ifstream in(fs::path(root_.fs_dir) / ".terraform" / "modules" / "modules.json");
    if (!in) return;
    nlohmann::json manifest = nlohmann::json::parse(in, nullptr, false);
    if (!manifest.is_object() || !manifest.contains("Modules") || !manifest["Modules"].is_array())
      return;
    for (const auto& entry : manifest["Modules"]) {
      if (!entry.is_object()) continue;
      auto key = entry.find("Key");
      auto dir = entry.find("Dir");
      if (key == entry.end() || dir == entry.end() || !key->is_string() || !dir->is_string())
        continue;
      if (key->get<std::string>().empty()) continue;
      installed_[key->get<std::string>()] = dir->get<std::string>();
    }
  }

  ModuleSet& modules_;
  const Module& root_;
  LoadedFile& out_;
  std::set<const Module*>& instantiated_;
  std::map<std::string, std::string> installed_;
  std::unique_ptr<FileEnvironment> files_;  // relative to the root, for all its modules
  std::set<std::string> reported_;
  std::size_t module_instances_ = 0;
  bool budget_reported_ = false;
  std::vector<const Module*> preload_stack_;
  std::size_t preload_visits_ = 0;
};

bool is_auto_variables(const std::string& name) {
  return name.ends_with(".auto.tfvars") || name.ends_with(".auto.tfvars.json");
}

// The order Terraform reads variable files in a root: terraform.tfvars,
// terraform.tfvars.json, then *.auto.tfvars(.json) in lexical order.
std::vector<const File*> root_variable_files(const std::vector<const File*>& files) {
  std::vector<const File*> ordered;
  for (const char* name : {"terraform.tfvars", "terraform.tfvars.json"})
    for (const File* f : files)
      if (file_name(f->path) == name) ordered.push_back(f);
  std::vector<const File*> automatic;
  for (const File* f : files)
    if (is_auto_variables(file_name(f->path))) automatic.push_back(f);
  std::sort(automatic.begin(), automatic.end(),
            [](const File* a, const File* b) { return file_name(a->path) < file_name(b->path); });
  ordered.insert(ordered.end(), automatic.begin(), automatic.end());
  return ordered;
}

class NoFiles final : public tf::FunctionEnvironment {
 public:
  std::optional<std::string> read_file(std::string_view path, std::string& error) override {
    error = "file functions are not available in variable files: " + std::string(path);
    return std::nullopt;
  }
  bool file_exists(std::string_view) override { return false; }
  Value render_template(std::string_view, const Value&, const Span& span) override {
    return tf::error_value("templatefile is not available in variable files", span);
  }
};

void apply_variable_file(const File& file, std::map<std::string, tf::ModuleInput>& inputs) {
  NoFiles no_files;
  EmptyScope scope(no_files);
  for (const tf::Attribute& a : file.body.attributes) {
    tf::Evaluator evaluator(scope);
    tf::ModuleInput input;
    input.value = evaluator.evaluate(a.expr);
    tf::attach_origins(input.value,
                       "value of variable \"" + a.name + "\" in " + file_name(file.path));
    input.has_value = true;
    inputs[a.name] = std::move(input);
  }
}

}  // namespace

std::shared_ptr<const tf::File> parse_terraform_source(const SourceFile& file) {
  switch (file.kind) {
    case SourceKind::terraform_hcl:
    case SourceKind::terraform_variables:
      return std::make_shared<const File>(tf::parse_hcl_file(file));
    case SourceKind::terraform_json:
      return std::make_shared<const File>(tf::parse_json_configuration(file));
    case SourceKind::terraform_variables_json:
      return std::make_shared<const File>(tf::parse_json_variables(file));
    case SourceKind::cloudformation_candidate:
      break;
  }
  return nullptr;
}

void evaluate_terraform(SourceSet& sources, const std::vector<std::shared_ptr<const File>>& parsed,
                        const TerraformSettings& settings, LoadedFile& out) {
  ModuleSet modules(sources, settings);
  modules.add_scanned(parsed);
  if (modules.scanned().empty()) return;

  // Variable files given on the command line, read once for every root.
  std::vector<std::unique_ptr<File>> given_files;
  for (const std::string& path : settings.variable_files) {
    const SourceKind kind = path.ends_with(".json") ? SourceKind::terraform_variables_json
                                                    : SourceKind::terraform_variables;
    const FileId id = sources.add(path, path, kind);
    SourceFile& file = sources.at(id);
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      Diagnostic d;
      d.code = DiagnosticCode::read_error;
      d.message = "cannot read variable file " + path;
      d.location = Location{path, 0, 0, 0, 0};
      out.diagnostics.push_back(std::move(d));
      continue;
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    file.content = bytes.str();
    auto parsed_file = parse_terraform_source(file);
    for (const Diagnostic& d : parsed_file->diagnostics) out.diagnostics.push_back(d);
    given_files.push_back(std::make_unique<File>(*parsed_file));
  }

  // Roots: scanned directories that no scanned directory calls as a local module.
  std::set<const Module*> called;
  for (const Module* m : modules.scanned()) {
    for (const auto& [name, block] : m->module_calls) {
      const tf::Attribute* source = block->body.attribute("source");
      if (!source || source->expr.kind != tf::Expr::Kind::literal ||
          !source->expr.literal.is_string())
        continue;
      const std::string& text = source->expr.literal.text();
      if (!is_local_source(text)) continue;
      const std::string dir = join_normal(m->dir, text);
      for (const Module* other : modules.scanned())
        if (other->dir == dir && other != m) called.insert(other);
    }
  }
  // Each root is evaluated on its own, in parallel: modules are all loaded first (preload),
  // then nothing shared changes. Outputs are merged in root order, so the result does not
  // depend on scheduling.
  struct RootJob {
    const Module* root = nullptr;
    std::map<std::string, tf::ModuleInput> inputs;
    LoadedFile out;
    std::set<const Module*> instantiated;
    std::unique_ptr<RootHost> host;
  };
  std::vector<std::unique_ptr<RootJob>> jobs;
  for (const Module* root : modules.scanned()) {
    for (const Diagnostic& d : root->diagnostics) out.diagnostics.push_back(d);
    if (called.count(root)) continue;
    auto job = std::make_unique<RootJob>();
    job->root = root;
    std::map<std::string, tf::ModuleInput>& inputs = job->inputs;
    for (const File* f : root_variable_files(modules.variable_files(root->dir)))
      apply_variable_file(*f, inputs);
    for (const auto& f : given_files) apply_variable_file(*f, inputs);
    for (const auto& [name, text] : settings.variables) {
      tf::ModuleInput input;
      input.has_value = true;
      input.value = Value::string(text);
      auto declared = root->variables.find(name);
      const tf::Attribute* type =
          declared == root->variables.end() ? nullptr : declared->second->body.attribute("type");
      if (type && !tf::is_primitive_type(type->expr)) {
        if (auto expr = tf::parse_hcl_expression(text, Span{})) {
          NoFiles no_files;
          EmptyScope scope(no_files);
          tf::Evaluator evaluator(scope);
          input.value = evaluator.evaluate(*expr);
        }
      }
      inputs[name] = std::move(input);
    }
    job->host = std::make_unique<RootHost>(modules, *root, job->out, job->instantiated);
    job->host->preload(*root);
    jobs.push_back(std::move(job));
  }
  modules.freeze();
  parallel_for(jobs.size(), settings.jobs, [&](std::size_t i) {
    RootJob& job = *jobs[i];
    tf::ModuleInstance instance(*job.host, *job.root,
                                tf::ModuleInstance::Call{{}, {}, {}, {job.root}},
                                std::move(job.inputs));
    instance.instantiate();
  });
  std::set<const Module*> instantiated;
  for (auto& job : jobs) {
    for (Resource& r : job->out.resources) out.resources.push_back(std::move(r));
    for (Diagnostic& d : job->out.diagnostics) out.diagnostics.push_back(std::move(d));
    instantiated.insert(job->instantiated.begin(), job->instantiated.end());
  }
  modules.unfreeze();  // the rest runs on this thread alone
  // A directory only ever called from modules that were never evaluated (a cycle of
  // modules with no root): evaluate it on its own rather than not at all.
  for (const Module* m : modules.scanned()) {
    if (!called.count(m) || instantiated.count(m)) continue;
    bool caller_evaluated = false;
    for (const Module* other : modules.scanned()) {
      if (other == m || (called.count(other) && !instantiated.count(other))) continue;
      for (const auto& [name, block] : other->module_calls) {
        const tf::Attribute* source = block->body.attribute("source");
        if (source && source->expr.kind == tf::Expr::Kind::literal &&
            source->expr.literal.is_string() &&
            join_normal(other->dir, source->expr.literal.text()) == m->dir) {
          caller_evaluated = true;
        }
      }
    }
    if (caller_evaluated) continue;
    RootHost host(modules, *m, out, instantiated);
    tf::ModuleInstance instance(host, *m, tf::ModuleInstance::Call{{}, {}, {}, {m}}, {});
    instance.instantiate();
  }
}

}  // namespace iacscan::detail
