#include "casus/lint/lint_context.hpp"

#include <algorithm>
#include <cassert>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace casus {

namespace {
bool Contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

// COW direct contiguity types (Stinnett et al. 2002).
std::string ContiguityWords(int type) {
  static const char* const kWater[] = {"12", "24", "150", "400"};
  return type == 1 ? std::string("contiguous by land") : fmt::format("contiguous across at most {} miles of water", kWater[type - 2]);
}
}  // namespace

std::vector<std::pair<std::string, std::string>> LintContext::PlausibleAggressors(
    const std::vector<std::string>& protected_parties, bool security_council) const {
  struct Reasons {
    std::string party;
    bool named = false;
    std::vector<std::string> bound_by;  // cites of restraint clauses
    bool permanent_member = false;
    std::optional<int> contiguity;  // closest COW contiguity type with a protected party
  };
  std::vector<Reasons> found;
  auto entry = [&found](const std::string& party) -> Reasons& {
    for (auto& reasons : found) {
      if (reasons.party == party) return reasons;
    }
    found.push_back(Reasons{party, false, {}, false, std::nullopt});
    return found.back();
  };
  for (const auto& adversary : instrument_.parties.adversaries) {
    entry(adversary).named = true;
  }
  for (const auto& clause : instrument_.clauses) {
    const bool only_stationing = std::all_of(clause.forbids.begin(), clause.forbids.end(),
                                             [](Forbidden forbidden) { return forbidden == Forbidden::StationingForces; });
    if (!IsRestraintKind(clause.kind) || only_stationing) {  // not stationing forces is no promise to refrain from force
      continue;
    }
    const bool protects_one = std::any_of(clause.protected_parties.begin(), clause.protected_parties.end(),
                                          [&](const std::string& party) { return Contains(protected_parties, party); });
    if (!protects_one) {
      continue;
    }
    for (const auto& party : clause.obligated) {
      if (!Contains(protected_parties, party)) {
        entry(party).bound_by.push_back(clause.cite);
      }
    }
  }
  if (security_council) {
    for (const auto& member : parties_.SecurityCouncilPermanentMembers()) {
      if (!Contains(protected_parties, member)) {
        entry(member).permanent_member = true;
      }
    }
  }
  // A restraint commitment or a Council seat alone does not make a suspect (Budapest's US and UK
  // gave the assurances and hold vetoes, but are not who the memorandum guards against): such a
  // party counts only when it is also contiguous with a protected party (COW direct contiguity in
  // the year the instrument was signed; drafts and undated texts: the data's last year).
  const int year = instrument_.signed_on ? static_cast<int>(instrument_.signed_on->year()) : 9999;
  std::vector<std::pair<std::string, std::string>> aggressors;
  for (auto& reasons : found) {
    for (const auto& party : protected_parties) {
      const auto type = parties_.ContiguityType(reasons.party, party, year);
      if (type && (!reasons.contiguity || *type < *reasons.contiguity)) reasons.contiguity = type;
    }
    if (!reasons.named && !reasons.contiguity) continue;
    std::vector<std::string> parts;
    if (reasons.named) parts.emplace_back("named adversary");
    if (!reasons.bound_by.empty()) parts.push_back(fmt::format("bound to restraint by {}", fmt::join(reasons.bound_by, ", ")));
    if (reasons.permanent_member) parts.emplace_back("veto in the Security Council");
    if (reasons.contiguity) parts.push_back(ContiguityWords(*reasons.contiguity));
    aggressors.emplace_back(reasons.party, fmt::format("{}", fmt::join(parts, "; ")));
  }
  return aggressors;
}

void LintContext::Report(std::string_view rule, const Clause* clause, const SourcePosition& position, std::string message) {
  const RuleInfo* info = FindRule(rule);
  assert(info != nullptr && "lint rule missing from the catalogue");
  findings_.push_back(Finding{std::string(rule), info->severity, clause ? clause->id : std::string(),
                              clause ? clause->cite : std::string(), position, std::move(message)});
}

std::string DescribeClause(const Clause& clause) { return fmt::format("clause '{}' ({})", clause.id, clause.cite); }

}  // namespace casus
