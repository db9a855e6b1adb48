// Lays the model out as the C++ source of an ActionTable (libscan/src/iam/action_table.hpp):
// one string pool and integer arrays, which compile in about a second, never one initialiser
// per action.
#pragma once

#include <ostream>
#include <string>

#include "model.hpp"

namespace iam_table_gen {

// Deterministic: the same model gives the same bytes. `license` is the data's licence text,
// repeated in the header comment.
void write_table(const Model& model, const std::string& license, std::ostream& out);

}  // namespace iam_table_gen
