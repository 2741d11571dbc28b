#include "casus/history/calibration.hpp"

#include <string>

namespace casus {

CalibratedDefaults Calibrate(const std::filesystem::path& data_dir, const PartyTable& parties, ReliabilityCoding coding) {
  CalibratedDefaults defaults;
  defaults.coding = coding;
  std::vector<ReliabilityCase> cases;
  ReadReliability(data_dir / "reliability" / "BerkemeierFuhrmannRAP2018_0303.csv",
                  [&cases](const ReliabilityCase& row) { cases.push_back(row); });
  const std::vector<std::pair<std::string, bool ReliabilityCase::*>> types = {
      {"defense", &ReliabilityCase::defense}, {"offense", &ReliabilityCase::offense}, {"neutral", &ReliabilityCase::neutral},
      {"nonagg", &ReliabilityCase::nonagg},   {"consul", &ReliabilityCase::consul}};
  auto prior = [coding](const std::vector<ReliabilityCase>& subset) {
    const ReliabilityTable table = ComputeReliability(subset, coding);
    return CredibilityPrior{static_cast<double>(table.overall.honoured) + 1.0, static_cast<double>(table.overall.violated) + 1.0,
                            table.overall};
  };
  for (const auto& [era, early] : std::vector<std::pair<std::string, int>>{{"1816-1944", 1}, {"1945-2003", 0}, {"all", -1}}) {
    std::vector<ReliabilityCase> in_era;
    for (const auto& row : cases) {
      if (early < 0 || row.early_sample == (early == 1)) in_era.push_back(row);
    }
    defaults.credibility["all"][era] = prior(in_era);
    for (const auto& [type, member] : types) {
      std::vector<ReliabilityCase> of_type;
      for (const auto& row : in_era) {
        if (row.*member) of_type.push_back(row);
      }
      defaults.credibility[type][era] = prior(of_type);
    }
  }
  ReadNmc(data_dir / "nmc" / "cow_nmc_v7.csv", [&](const NmcRecord& row) {
    if (!row.cinc) return;
    const PartyInfo* party = parties.Resolve(std::to_string(row.ccode));
    if (party == nullptr) return;  // a COW code the party table lacks: reported by the readers' tests, not a default
    CapabilityWeight& weight = defaults.capability[party->id];
    if (row.year >= weight.year) weight = CapabilityWeight{*row.cinc, row.year};
  });
  return defaults;
}

}  // namespace casus
