#include "casus/report/finite.hpp"

#include <cmath>

#include <fmt/format.h>

namespace casus {

std::optional<std::string> FindNonFinite(const nlohmann::json& document) {
  if (document.is_number_float()) {
    return std::isfinite(document.get<double>()) ? std::nullopt : std::optional<std::string>("");
  }
  if (document.is_object()) {
    for (const auto& [key, value] : document.items()) {
      if (auto path = FindNonFinite(value)) return path->empty() || path->front() == '[' ? key + *path : key + "." + *path;
    }
  } else if (document.is_array()) {
    for (size_t idx = 0; idx < document.size(); ++idx) {
      if (auto path = FindNonFinite(document[idx])) {
        return fmt::format("[{}]{}{}", idx, path->empty() || path->front() == '[' ? "" : ".", *path);
      }
    }
  }
  return std::nullopt;
}

namespace {
void Largest(const nlohmann::json& node, const std::string& path, std::string& best_path, double& best_value) {
  if (node.is_number()) {
    const double value = node.get<double>();
    if (best_path.empty() || !(std::fabs(value) <= std::fabs(best_value))) {  // NaN counts as largest
      best_value = value;
      best_path = path;
    }
  } else if (node.is_object()) {
    for (const auto& [key, value] : node.items()) Largest(value, path.empty() ? key : path + "." + key, best_path, best_value);
  }
}
}  // namespace

std::string LargestParameter(const nlohmann::json& parameters) {
  std::string path;
  double value = 0.0;
  Largest(parameters, "", path, value);
  if (path.empty()) return "check the parameters";
  return fmt::format("the largest parameter is {} = {}; give it a value of the game's scale (about 1)", path, value);
}

void RequireFinite(const nlohmann::json& document, std::string_view source, std::string_view cause) {
  if (auto path = FindNonFinite(document)) {
    throw NonFiniteResult(fmt::format("{}: error: the result {} is not a finite number (the model's arithmetic overflowed)\n"
                                      "  hint: {}",
                                      source, *path, cause));
  }
}

}  // namespace casus
