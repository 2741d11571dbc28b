#include "casus/spec/instrument.hpp"
#include "casus/spec/in_words.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace casus {

std::string FormatDate(const Date& date) {
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                     static_cast<unsigned>(date.day()));
}

std::vector<std::string> BlockingParties(const Decision& decision) {
  switch (decision.rule) {
    case DecisionRule::Consensus:
    case DecisionRule::Unanimity:
    case DecisionRule::Single:
    case DecisionRule::SecurityCouncil:
      return decision.by;
    case DecisionRule::EachParty:
    case DecisionRule::Majority:
    case DecisionRule::TwoThirds:
    case DecisionRule::Unstated:
      return {};
  }
  return {};
}

std::string Threshold::ToString() const {
  if (IsAny()) {
    return "any";
  }
  std::vector<std::string> parts;
  if (scale != Scale::Any) parts.emplace_back(casus::ToString(scale));
  if (deliberate) parts.emplace_back("deliberate");
  if (sustained) parts.emplace_back("sustained");
  return fmt::format("{}", fmt::join(parts, ", "));
}

std::string Deadline::ToString() const {
  switch (kind) {
    case DeadlineKind::None: return "none";
    case DeadlineKind::Forthwith: return "forthwith";
    case DeadlineKind::Within: return within.ToString();
  }
  return "none";
}

std::string InWords(const IsoDuration& duration) {
  std::string out;
  auto part = [&out](int value, const char* unit) {
    if (value == 0) return;
    if (!out.empty()) out += ' ';
    out += fmt::format("{} {}{}", value, unit, value == 1 ? "" : "s");
  };
  part(duration.years, "year");
  part(duration.months, "month");
  part(duration.weeks, "week");
  part(duration.days, "day");
  part(duration.hours, "hour");
  part(duration.minutes, "minute");
  part(duration.seconds, "second");
  return out.empty() ? "0 days" : out;
}

std::string InWords(const Deadline& deadline) {
  return deadline.kind == DeadlineKind::Within ? InWords(deadline.within) : deadline.ToString();
}

std::string InWords(const InstrumentDuration& duration) {
  return duration.kind == InstrumentDuration::Kind::Fixed ? InWords(duration.length) : duration.ToString();
}

std::string InstrumentDuration::ToString() const {
  switch (kind) {
    case Kind::Indefinite: return "indefinite";
    case Kind::Unstated: return "unstated";
    case Kind::Fixed: return length.ToString();
  }
  return "unstated";
}

std::vector<std::string> Parties::All() const {
  std::vector<std::string> all;
  for (const auto* group : {&members, &guarantors, &co_guarantors, &beneficiaries}) {
    for (const auto& party : *group) {
      if (std::find(all.begin(), all.end(), party) == all.end()) {
        all.push_back(party);
      }
    }
  }
  return all;
}

bool Parties::IsPartyOn(const std::string& party, const Date& date) const {
  for (const auto& [who, when] : joined) {
    if (who == party && date < when) return false;
  }
  for (const auto& [who, when] : left) {
    if (who == party && !(date < when)) return false;
  }
  return true;
}

const Area* Instrument::FindArea(const std::string& area_id) const {
  for (const auto& area : areas) {
    if (area.id == area_id) {
      return &area;
    }
  }
  return nullptr;
}

bool IsResponseKind(ClauseKind kind) {
  switch (kind) {
    case ClauseKind::CollectiveDefence:
    case ClauseKind::Assistance:
    case ClauseKind::Consultation:
    case ClauseKind::UnAction:
    case ClauseKind::Sanctions:
      return true;
    default:
      return false;
  }
}

bool IsRestraintKind(ClauseKind kind) {
  return kind == ClauseKind::NonAggression || kind == ClauseKind::Neutrality || kind == ClauseKind::Assurance;
}

std::vector<Forbidden> DefaultForbids(ClauseKind kind) {
  if (kind == ClauseKind::Neutrality) return {Forbidden::UseOfForce};
  if (kind == ClauseKind::NonAggression || kind == ClauseKind::Assurance) return {Forbidden::UseOfForce, Forbidden::ThreatOfForce};
  return {};
}

}  // namespace casus
