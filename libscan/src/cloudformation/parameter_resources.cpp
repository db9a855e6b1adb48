#include "cloudformation/parameter_resources.hpp"

#include <string>

namespace iacscan::detail {

void add_parameter_resources(const SourceFile& file, const Value& root, LoadedFile& loaded) {
  const Value* parameters = root.find("Parameters");
  if (parameters == nullptr || !parameters->is_map()) return;
  for (const Value::Entry& entry : parameters->entries()) {
    if (!entry.value.is_map()) continue;  // not a declaration; the evaluator says so
    Resource resource;
    resource.format = SourceFormat::cloudformation;
    resource.scope = file.path;
    resource.native_type = std::string(kParameterNativeType);
    resource.address = "Parameters." + entry.key;
    // The whole declaration: from the name to the end of its map.
    resource.span = entry.key_span;
    if (entry.value.span.valid()) {
      resource.span.range.end_line = entry.value.span.range.end_line;
      resource.span.range.end_column = entry.value.span.range.end_column;
    }
    resource.name_span = entry.key_span;
    resource.attributes = entry.value;
    loaded.resources.push_back(std::move(resource));
  }
}

}  // namespace iacscan::detail
