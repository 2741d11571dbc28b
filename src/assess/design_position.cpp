#include "casus/assess/design_position.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace casus {

namespace {

// The anchors of the guarantee-strength scale (scenarios/ukraine-settlement.notes.md) as tiers of
// commitment. A commitment's tier is the highest whose conditions it meets.
enum class Tier { None = 0, Consultations = 25, PoliticalOrUnarmed = 50, BindingArmed = 75, PactMembership = 100 };

bool IsArmed(Means means) { return means == Means::ArmedForce || means == Means::AirProtection || means == Means::SeaProtection; }

bool Contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

// Does the beneficiary belong to the pact that gives this commitment (a member, or acceding)?
bool BeneficiaryIsMember(const Commitment& commitment, const PreparedDesign& prepared, const std::string& beneficiary) {
  const Instrument& instrument = *commitment.instrument;
  return commitment.clause->kind == ClauseKind::CollectiveDefence && !instrument.parties.members.empty() &&
         (Contains(instrument.parties.members, beneficiary) || Contains(prepared.accede, beneficiary));
}

Tier TierOf(const Commitment& commitment, const PreparedDesign& prepared, const std::string& beneficiary) {
  const Duty& duty = *commitment.clause->duty;
  if (duty.strength == DutyStrength::None) return Tier::None;
  if (duty.strength <= DutyStrength::Consult) return Tier::Consultations;
  const bool legal = commitment.instrument->binding == Binding::Legal;
  if (!legal || !IsArmed(commitment.means)) return Tier::PoliticalOrUnarmed;
  return BeneficiaryIsMember(commitment, prepared, beneficiary) ? Tier::PactMembership : Tier::BindingArmed;
}

std::string_view TierWords(Tier tier) {
  switch (tier) {
    case Tier::None: return "no commitment";
    case Tier::Consultations: return "a duty to consult or seek UN action";
    case Tier::PoliticalOrUnarmed: return "a duty to act that is political or lists no armed means";
    case Tier::BindingArmed: return "a legally binding duty with armed force";
    case Tier::PactMembership: return "membership of a legally binding collective-defence pact";
  }
  return "?";
}

bool InBeneficiary(const std::string& place, const std::string& beneficiary, const PartyTable& parties) {
  if (place == beneficiary) return true;
  const PartyInfo* country = parties.IsSubdivision(place) ? parties.SubdivisionCountry(place) : nullptr;
  return country != nullptr && country->id == beneficiary;
}

}  // namespace

double DesignPosition::On(DesignAxis axis) const {
  for (const auto& entry : axes) {
    if (entry.axis == axis) return entry.value;
  }
  return 0.0;
}

AxisPosition GuaranteeStrengthOf(const PreparedDesign& prepared, const GuaranteeScenario& scenario) {
  AxisPosition best{DesignAxis::GuaranteeStrength, 0.0, "no commitment is triggered by the contemplated attack"};
  for (const auto& commitment : prepared.commitments) {
    Tier tier = TierOf(commitment, prepared, scenario.beneficiary);
    const bool blocked = BlockedByChallenger(commitment, scenario.challenger);
    if (blocked && tier > Tier::Consultations) tier = Tier::Consultations;
    if (tier == Tier::None) continue;
    const Duty& duty = *commitment.clause->duty;
    const double within = commitment.deadline_factor * commitment.duration_factor * (duty.constitutional ? kConstitutionalQualifier : 1.0);
    const double anchor = static_cast<double>(tier);
    const double value = anchor - 25.0 + 25.0 * within;
    if (value <= best.value) continue;
    std::vector<std::string> factors;
    if (commitment.deadline_factor < 1.0) factors.push_back(fmt::format("deadline {:.2f}", commitment.deadline_factor));
    if (commitment.duration_factor < 1.0) factors.push_back(fmt::format("duration {:.2f}", commitment.duration_factor));
    if (duty.constitutional) factors.push_back(fmt::format("constitutional processes {:.2f}", kConstitutionalQualifier));
    best.value = value;
    best.reason = fmt::format("{} {} {} ({}, {}{}): {}{}; {:.0f} − 25 + 25 × {:.3f}", commitment.guarantor, DutyVerb(duty.strength),
                              ToString(commitment.means), commitment.instrument->id, commitment.clause->cite, blocked ? "; the challenger can block it" : "",
                              TierWords(tier), factors.empty() ? "" : fmt::format(", × {}", fmt::join(factors, " × ")), anchor, within);
  }
  return best;
}

AxisPosition ForeignForcesOf(const PreparedDesign& prepared, const GuaranteeScenario& scenario, const PartyTable& parties) {
  std::set<std::string> contributors;
  std::set<std::string> domains;
  std::vector<std::string> sources;
  for (const Instrument* instrument : prepared.design.instruments) {
    for (const auto& clause : instrument->clauses) {
      if (!clause.forces) continue;
      const bool here = std::any_of(clause.forces->where.begin(), clause.forces->where.end(),
                                    [&](const std::string& place) { return InBeneficiary(place, scenario.beneficiary, parties); });
      if (!here) continue;
      contributors.insert(clause.forces->by.begin(), clause.forces->by.end());
      domains.insert(clause.forces->domains.begin(), clause.forces->domains.end());
      sources.push_back(fmt::format("{} {}", instrument->id, clause.cite));
    }
  }
  for (const auto& party : prepared.design.forces_in_place) {
    if (contributors.insert(party).second) {  // not placed by a clause already
      domains.insert("land");  // the scenario's `forces` names no domain: taken as ground forces
      sources.push_back(fmt::format("the scenario's forces = [{}], taken as ground forces", party));
    }
  }
  AxisPosition position{DesignAxis::ForeignForces, 0.0, ""};
  const std::string who = fmt::format("{}", fmt::join(contributors, ", "));
  const std::string from = fmt::format("{}", fmt::join(sources, "; "));
  if (domains.count("land") > 0) {
    position.value = contributors.size() >= 2 ? 75.0 : 62.5;
    position.reason = fmt::format("ground forces of {} in {} ({}){}", who, scenario.beneficiary, from,
                                  contributors.size() >= 2 ? ": a multinational force on the ground" : ": one nation's ground presence");
    return position;
  }
  if (!contributors.empty()) {
    position.value = 50.0;
    position.reason = fmt::format("{} forces of {} in {} ({}): air/sea protection, small presence", fmt::join(domains, "/"), who,
                                  scenario.beneficiary, from);
    return position;
  }
  for (const auto& commitment : prepared.commitments) {
    if (commitment.means == Means::AirProtection || commitment.means == Means::SeaProtection || commitment.means == Means::Training) {
      position.value = 25.0;
      position.reason = fmt::format("no forces in {}; {} would give {} ({}): protection or training from outside", scenario.beneficiary,
                                    commitment.guarantor, ToString(commitment.means), commitment.instrument->id);
      return position;
    }
  }
  position.reason = fmt::format("no forces clause places forces in {}", scenario.beneficiary);
  return position;
}

DesignPosition PositionOfDesign(const PreparedDesign& prepared, const GuaranteeScenario& scenario, const PartyTable& parties) {
  DesignPosition position;
  position.design = prepared.design.id;
  position.axes.push_back(GuaranteeStrengthOf(prepared, scenario));
  position.axes.push_back(ForeignForcesOf(prepared, scenario, parties));
  std::set<std::string> guarantors;
  for (const auto& commitment : prepared.commitments) guarantors.insert(commitment.guarantor);
  for (const Instrument* instrument : prepared.design.instruments) {
    for (const auto& clause : instrument->clauses) {
      if (!clause.forces) continue;
      for (const auto& place : clause.forces->where) {
        if (InBeneficiary(place, scenario.beneficiary, parties)) guarantors.insert(clause.forces->by.begin(), clause.forces->by.end());
      }
    }
  }
  guarantors.insert(prepared.design.forces_in_place.begin(), prepared.design.forces_in_place.end());
  guarantors.erase(scenario.challenger);
  guarantors.erase(scenario.beneficiary);
  position.guarantors.assign(guarantors.begin(), guarantors.end());
  return position;
}

}  // namespace casus
