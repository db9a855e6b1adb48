// SourceSet bookkeeping.
#include "source/source_file.hpp"

namespace iacscan::detail {

FileId SourceSet::add(std::string path, std::string fs_path, SourceKind kind) {
  auto file = std::make_unique<SourceFile>();
  file->id = static_cast<FileId>(files_.size());
  file->path = std::move(path);
  file->fs_path = std::move(fs_path);
  file->kind = kind;
  files_.push_back(std::move(file));
  return files_.back()->id;
}

Location SourceSet::location(const Span& span) const {
  if (span.file == kNoFile || span.file >= files_.size()) return {};
  Location loc;
  loc.path = files_[span.file]->path;
  loc.start_line = span.range.start_line;
  loc.start_column = span.range.start_column;
  loc.end_line = span.range.end_line;
  loc.end_column = span.range.end_column;
  return loc;
}

Location SourceSet::location(FileId id) const {
  if (id >= files_.size()) return {};
  return Location{files_[id]->path, 0, 0, 0, 0};
}

std::string display_directory(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

}  // namespace iacscan::detail
