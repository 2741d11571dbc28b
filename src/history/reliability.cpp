#include "casus/history/reliability.hpp"

#include <cmath>

namespace casus {

std::string_view CodingName(ReliabilityCoding coding) {
  switch (coding) {
    case ReliabilityCoding::Llm: return "llm";
    case ReliabilityCoding::Bf: return "bf";
    case ReliabilityCoding::Sabrosky: return "sabrosky";
  }
  return "llm";
}

HonourRate MakeHonourRate(long honoured, long violated) {
  HonourRate rate{honoured, violated, 0.0, 0.0, 0.0};
  const double n = static_cast<double>(honoured + violated);
  if (n == 0.0) return rate;
  constexpr double z = 1.959963984540054;  // the 97.5th percentile of the standard normal
  const double p = static_cast<double>(honoured) / n;
  rate.rate = p;
  const double centre = (p + z * z / (2.0 * n)) / (1.0 + z * z / n);
  const double half = z * std::sqrt(p * (1.0 - p) / n + z * z / (4.0 * n * n)) / (1.0 + z * z / n);
  rate.ci95_low = centre - half;
  rate.ci95_high = centre + half;
  return rate;
}

ReliabilityTable ComputeReliability(const std::vector<ReliabilityCase>& cases, ReliabilityCoding coding) {
  struct Counts {
    long honoured = 0;
    long violated = 0;
    void Add(bool honour) { (honour ? honoured : violated) += 1; }
  };
  Counts overall;
  std::map<std::string, Counts> eras;
  std::map<std::string, Counts> types;
  for (const auto& reliability_case : cases) {
    const std::optional<bool>& honoured = coding == ReliabilityCoding::Llm  ? reliability_case.honoured_llm
                                          : coding == ReliabilityCoding::Bf ? reliability_case.honoured_bf
                                                                            : reliability_case.honoured_sabrosky;
    if (!honoured) continue;  // the casus foederis did not arise under this coding
    overall.Add(*honoured);
    eras[reliability_case.early_sample ? "1816-1944" : "1945-2003"].Add(*honoured);
    if (reliability_case.defense) types["defense"].Add(*honoured);
    if (reliability_case.offense) types["offense"].Add(*honoured);
    if (reliability_case.neutral) types["neutral"].Add(*honoured);
    if (reliability_case.nonagg) types["nonagg"].Add(*honoured);
    if (reliability_case.consul) types["consul"].Add(*honoured);
  }
  ReliabilityTable table;
  table.coding = coding;
  table.overall = MakeHonourRate(overall.honoured, overall.violated);
  for (const auto& [era, counts] : eras) table.by_era[era] = MakeHonourRate(counts.honoured, counts.violated);
  for (const auto& [type, counts] : types) table.by_type[type] = MakeHonourRate(counts.honoured, counts.violated);
  return table;
}

}  // namespace casus
