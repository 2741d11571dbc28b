// The companion of a KTAB CSV that says what its numbers mean (docs/negotiation.md, "Scale
// files"): for each dimension, what 0 and 100 stand for and, optionally, what points between stand
// for and which facts of a guarantee design set it (`casus assess`, docs/assess.md); and each
// actor's party code. `X.csv`'s companion is `X.scales.toml` beside it. Validated against the CSV
// with file:line:col diagnostics.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "casus/bargain/smp.hpp"
#include "casus/core/diagnostic.hpp"
#include "casus/core/enum_names.hpp"
#include "casus/core/party_table.hpp"

namespace casus {

//! The facts of a guarantee design that set a bargaining dimension (docs/assess.md, "The mapping").
enum class DesignAxis { GuaranteeStrength, ForeignForces };
CASUS_ENUM_NAMES(DesignAxis, 2, {DesignAxis::GuaranteeStrength, "guarantee-strength"}, {DesignAxis::ForeignForces, "foreign-forces"})

struct DimensionScale {
  std::string name;                      //!< as in the CSV's header
  std::string low;                       //!< what 0 stands for
  std::string high;                      //!< what 100 stands for
  std::map<double, std::string> anchors; //!< points strictly between 0 and 100 (on 0–100) → what they stand for
  std::optional<DesignAxis> set_by_design;  //!< absent: a design leaves this dimension to the negotiation
  std::optional<double> no_agreement;       //!< on 0..1: where the dimension stands if talks fail (the disagreement point)
  SourcePosition position;
};

struct SettlementScales {
  std::vector<DimensionScale> dimensions;  //!< in the CSV's dimension order
  std::vector<std::string> actor_codes;    //!< per CSV actor, its canonical party id; empty when not given
  std::string file;

  //! The disagreement point on 0..1 (every dimension's no_agreement; CheckSettlementInputs requires them).
  std::vector<double> NoAgreement() const;
  //! The dimension a design sets for `axis`, or −1 when no dimension is set by it.
  int DimensionOf(DesignAxis axis) const;
  //! "35.5 (between consultations … and "Article 5-like" …)": a value on 0–100 in words.
  std::string Describe(size_t dimension, double value) const;
};

//! `X.scales.toml` for `X.csv`.
std::filesystem::path DefaultScalesPath(const std::filesystem::path& csv);

//! Reads and validates a scale file against the scenario it describes: one [[dimension]] per CSV
//! dimension (matched by name), anchors inside (0, 100), each design axis at most once; [actors]
//! names CSV actors with known party codes, no code twice.
std::optional<SettlementScales> ReadScaleFile(const std::filesystem::path& path, const SmpScenario& scenario, const PartyTable& parties,
                                              Diagnostics& diagnostics);

}  // namespace casus
