// No NaN out: every numeric result passes through RequireFinite before it is printed, written to a
// report or stored. nlohmann::json would print a NaN as null and fmt as "nan"; casus refuses
// instead, naming the result and what caused it (exit 2, docs/reliability.md).
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace casus {

//! A result that is not a finite number: "error: <what> is not a finite number (…)" + hint.
class NonFiniteResult : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

//! The JSON path (e.g. "designs[2].p_attack") of the first number in `document` that is NaN or
//! infinite; nullopt when all are finite.
std::optional<std::string> FindNonFinite(const nlohmann::json& document);

//! "the largest parameter is reneging_cost = 1e+308": the number of `parameters` (a JSON object,
//! nested objects flattened with dots) with the largest magnitude, the usual cause of an overflow.
std::string LargestParameter(const nlohmann::json& parameters);

//! Throws NonFiniteResult when `document` holds a NaN or an infinity. `source` names the input the
//! result was computed from ("scenario.toml"), `cause` the parameters that drove it, for the hint.
void RequireFinite(const nlohmann::json& document, std::string_view source, std::string_view cause);

}  // namespace casus
