#include "engine/image_predicates.hpp"

#include "engine/attribute_path.hpp"
#include "engine/predicate_support.hpp"
#include "value/dynamic_reference.hpp"

namespace iacscan::detail::predicates {
namespace {

// The public SSM parameters of Amazon Linux 2023 images, e.g.
// /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-6.1-x86_64; a dynamic reference's
// reason quotes the parameter it reads.
bool names_al2023_image(const Value& image) {
  const bool readable = image.is_string() || is_dynamic_reference(image);
  return readable && image.text().find("/al2023-ami-") != std::string::npos;
}

}  // namespace

Outcome image_requires_imdsv2(const PredicateInput& input) {
  Outcome o;
  o.truth = Truth::false_;
  const std::string& attribute = input.arguments.find("attribute")->text();
  for (const Value* image : resolve_all(input.subject, split_path(attribute))) {
    if (names_al2023_image(*image)) {
      o.truth = Truth::true_;
      o.attribute = attribute;
      o.detail = "an Amazon Linux 2023 image";
      return o;
    }
    // An image known only at deployment (a data source, a variable) may be one: undecided.
    // A store read whose parameter is named (an SSM parameter type) is known to be another.
    if (image->is_unknown() && !is_dynamic_reference(*image) && o.truth != Truth::unknown) {
      o.truth = Truth::unknown;
      o.witness = image;
      o.attribute = attribute;
    }
  }
  return o;
}

}  // namespace iacscan::detail::predicates
