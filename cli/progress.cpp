// Why these rules: a CI log keeps every carriage-return redraw as a separate line, and a pipe
// or file is read by a program, so `auto` draws only on an interactive terminal, as cargo's
// term.progress.when = "auto" does. Redraws are rate-limited because the callback runs once
// per file, from every worker thread.
#include "progress.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <string>

namespace iacscan::cli {
namespace {

constexpr std::array<std::string_view, 8> kCiVariables = {
    "CI",       "CONTINUOUS_INTEGRATION", "GITHUB_ACTIONS", "GITLAB_CI", "BUILDKITE", "JENKINS_URL",
    "TF_BUILD", "TEAMCITY_VERSION"};

bool is_set(std::string_view name) {
  const char* value = std::getenv(std::string(name).c_str());
  if (value == nullptr) return false;
  const std::string_view text(value);
  return !text.empty() && text != "0" && text != "false";  // CI=false is not a CI job
}

bool in_ci() {
  for (const std::string_view name : kCiVariables)
    if (is_set(name)) return true;
  return false;
}

bool dumb_terminal() {
  const char* term = std::getenv("TERM");
  return term != nullptr && std::string_view(term) == "dumb";
}

bool is_stderr(const std::string& path) {
  struct stat file {};
  struct stat error_stream {};
  if (path.empty() || stat(path.c_str(), &file) != 0 || fstat(STDERR_FILENO, &error_stream) != 0)
    return false;
  return file.st_dev == error_stream.st_dev && file.st_ino == error_stream.st_ino;
}

// -o /dev/stderr, -o sarif=/dev/fd/2, or the file stderr is redirected to.
bool report_goes_to_stderr(const RawArgs& args) {
  if (is_stderr(args.output)) return true;
  for (const std::string& spec : args.extra_outputs) {  // FORMAT=FILE, checked by the parser
    if (is_stderr(spec.substr(spec.find('=') + 1))) return true;
  }
  return false;
}

// Shared by every copy of the callback (ScanOptions is copied into the Scanner).
class ProgressLine {
 public:
  void update(std::size_t done, std::size_t total) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (done >= total) {
      // The pipeline's last call: erase, and ignore any report that was still in flight.
      finished_ = true;
      erase();
      return;
    }
    // Threads may report out of order: a smaller count than the one shown is stale.
    if (finished_ || done <= shown_) return;
    const auto now = Clock::now();
    if (!drawn_.empty() && now - last_draw_ < kRedrawInterval) return;
    const std::string line = "iacscan: files " + std::to_string(done) + "/" + std::to_string(total);
    // The count only grows, so the new line covers the old one.
    write("\r" + line);
    drawn_ = line;
    shown_ = done;
    last_draw_ = now;
  }

 private:
  using Clock = std::chrono::steady_clock;
  static constexpr std::chrono::milliseconds kRedrawInterval{100};

  void erase() {
    if (drawn_.empty()) return;
    write("\r" + std::string(drawn_.size(), ' ') + "\r");
    drawn_.clear();
  }
  static void write(const std::string& text) {
    std::fwrite(text.data(), 1, text.size(), stderr);
    std::fflush(stderr);
  }

  std::mutex mutex_;
  std::string drawn_;  // what the terminal shows now; empty: nothing
  std::size_t shown_ = 0;
  bool finished_ = false;
  Clock::time_point last_draw_{};
};

bool wanted(const RawArgs& args) {
  if (args.progress == "never" || report_goes_to_stderr(args)) return false;
  if (args.progress == "always") return true;
  return isatty(STDERR_FILENO) != 0 && !dumb_terminal() && !in_ci();
}

}  // namespace

void add_progress_flag(CLI::App& command, RawArgs& args) {
  command
      .add_option("--progress", args.progress,
                  "Show how many files are loaded on stderr: auto (on a terminal, outside CI), "
                  "always, or never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
}

std::span<const std::string_view> ci_environment_variables() {
  return kCiVariables;
}

ProgressCallback progress_reporter(const RawArgs& args) {
  if (!wanted(args)) return {};
  auto line = std::make_shared<ProgressLine>();
  return [line](std::size_t done, std::size_t total) { line->update(done, total); };
}

}  // namespace iacscan::cli
