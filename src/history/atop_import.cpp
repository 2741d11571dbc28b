#include "casus/history/atop_import.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace casus {

namespace {

// The codebook's definitions (ATOP 5.1 codebook, August 2022, section on obligations), quoted.
constexpr std::string_view kDefense =
    "DEFENSE: Dummy variable coded 1 if any alliance member promises to provide active military support in the event "
    "of attack on the sovereignty or territorial integrity of one or more alliance partners. A promise to treat such an "
    "attack on one alliance member as an attack on all alliance members qualifies as a promise of defensive support.";
constexpr std::string_view kOffense =
    "OFFENSE: Dummy variable coded 1 if any alliance member promises to provide active military support under any "
    "conditions not precipitated by attack on the sovereignty or territorial integrity of an alliance partner, "
    "regardless of whether the goals of the action are to maintain the status quo.";
constexpr std::string_view kNeutral =
    "NEUTRAL: Dummy variable coded 1 if any alliance member promises not to join a conflict between one or more "
    "alliance partners and a third party on the side of the ally's adversary.";
constexpr std::string_view kNonagg =
    "NONAGG: Dummy variable coded 1 if any alliance member promises not to use force against one or more alliance "
    "partners to settle disputes.";
constexpr std::string_view kConsul =
    "CONSUL: Dummy variable coded 1 if any alliance member promises to consult with one or more alliance partners in "
    "the event of crises with the potential to become militarized conflicts.";

std::string Quote(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// A TOML date from a partial date, or "" when the year is unknown. Unknown month/day become 1,
// which the caller notes.
std::string TomlDate(const PartialDate& date, bool& approximated) {
  if (!date.year || *date.year <= 0) return {};
  const long month = date.month && *date.month >= 1 && *date.month <= 12 ? *date.month : 1;
  long day = date.day && *date.day >= 1 && *date.day <= 31 ? *date.day : 1;
  if (month != date.month.value_or(0) || day != date.day.value_or(0)) approximated = true;
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (*date.year % 4 == 0 && *date.year % 100 != 0) || *date.year % 400 == 0;
  const long last = month == 2 && !leap ? 28 : kDays[month - 1];
  if (day > last) {
    day = last;
    approximated = true;
  }
  return fmt::format("{:04}-{:02}-{:02}", *date.year, month, day);
}

}  // namespace

std::string AtopInstrumentId(long atopid) { return fmt::format("atop-{}", atopid); }

std::vector<AtopRecord> ReadAtop(const std::filesystem::path& atop_dir) {
  std::map<long, AtopRecord> records;
  ReadAtopAlliances(atop_dir / "atop5_1a.csv", [&](const AtopAlliance& alliance) { records[alliance.atopid].alliance = alliance; });
  ReadAtopMembers(atop_dir / "atop5_1m.csv", [&](const AtopMember& member) {
    auto found = records.find(member.atopid);
    if (found == records.end()) {
      throw DataError(fmt::format("{}: error: member row for atopid {}, which the alliance file does not have",
                                  (atop_dir / "atop5_1m.csv").string(), member.atopid));
    }
    found->second.members.push_back(member);
  });
  std::vector<AtopRecord> out;
  for (auto& [atopid, record] : records) out.push_back(std::move(record));
  return out;
}

std::string AtopInstrumentToml(const AtopRecord& record, const PartyTable& parties) {
  const AtopAlliance& alliance = record.alliance;
  const long id = alliance.atopid;
  auto party = [&](long cow_code) -> std::string {
    const PartyInfo* info = parties.Resolve(std::to_string(cow_code));
    if (info == nullptr) throw DataError(fmt::format("ATOP alliance {}: COW code {} is not in data/cow-states.csv", id, cow_code));
    return info->id;
  };
  std::vector<std::string> unencoded;
  bool approximated = false;
  const std::string signed_on = TomlDate(alliance.begin, approximated);
  const std::string ended_on = alliance.in_effect ? std::string() : TomlDate(alliance.end, approximated);

  // Members, and when those who joined later or left early did so.
  std::vector<std::string> members;
  std::vector<std::pair<std::string, std::string>> joined;
  std::vector<std::pair<std::string, std::string>> left;
  for (const long code : alliance.members) {
    const std::string member = party(code);
    if (std::find(members.begin(), members.end(), member) == members.end()) members.push_back(member);
  }
  for (const auto& row : record.members) {
    const std::string member = party(row.member);
    if (std::find(members.begin(), members.end(), member) == members.end()) members.push_back(member);
    bool unused = false;
    const std::string entry = TomlDate(row.entry, unused);
    if (!entry.empty() && !signed_on.empty() && entry > signed_on &&
        std::none_of(joined.begin(), joined.end(), [&](const auto& item) { return item.first == member; })) {
      joined.emplace_back(member, entry);
    }
    const std::string exit = TomlDate(row.exit, unused);
    if (!exit.empty() && (ended_on.empty() || exit < ended_on)) {
      auto previous = std::find_if(left.begin(), left.end(), [&](const auto& item) { return item.first == member; });
      if (previous == left.end()) left.emplace_back(member, exit);
      else previous->second = std::max(previous->second, exit);
    }
  }
  // A member that left and came back (several phases) is not modelled: keep it a member throughout.
  std::erase_if(left, [&](const auto& item) {
    return std::any_of(record.members.begin(), record.members.end(), [&](const AtopMember& row) {
      return party(row.member) == item.first && (!row.exit.year || *row.exit.year == 0);
    });
  });
  if (members.size() < 2) throw DataError(fmt::format("ATOP alliance {} has fewer than two members", id));

  std::vector<std::string> adversaries;
  if (alliance.specthrt && (*alliance.specthrt == 1 || *alliance.specthrt == 3)) {
    for (const auto& threat : {alliance.statthr1, alliance.statthr2}) {
      if (!threat || *threat <= 0) continue;
      const std::string adversary = party(*threat);
      if (std::find(members.begin(), members.end(), adversary) == members.end() &&
          std::find(adversaries.begin(), adversaries.end(), adversary) == adversaries.end()) {
        adversaries.push_back(adversary);
      }
    }
  }

  std::string duration = "unstated";
  if (alliance.speclgth == 1 && alliance.length_months && *alliance.length_months > 0) {
    duration = fmt::format("P{}M", *alliance.length_months);
  } else if (alliance.speclgth == 3) {
    duration = "indefinite";
  } else if (alliance.speclgth == 2) {
    unencoded.push_back("in force until a condition occurs (SPECLGTH=2)");
  } else if (!alliance.speclgth) {
    unencoded.push_back("duration not known to ATOP (SPECLGTH missing)");
  }
  if (approximated) unencoded.push_back("a date's unknown month or day is encoded as the first (or the month's last valid day)");
  if (alliance.asymm == 1) unencoded.push_back("obligations differ between members (ASYMM=1); encoded here as if every member had them all");
  if (alliance.conditio == 1) unencoded.push_back("some obligations are conditional (CONDITIO=1): the conditions (adversary, location, conflict, demands) are in the member-level ATOP variables, not encoded");
  if (alliance.specthrt && *alliance.specthrt >= 2) unencoded.push_back(fmt::format("a specific threat other than a state is named (SPECTHRT={})", *alliance.specthrt));
  if (alliance.milcon.value_or(0) > 0) unencoded.push_back(fmt::format("military contact among the armed services is required (MILCON={})", *alliance.milcon));
  if (alliance.intcom == 1) unencoded.push_back("an integrated military command (INTCOM=1)");
  if (alliance.base.value_or(0) > 0) unencoded.push_back(fmt::format("troop placements or bases (BASE={}): who is placed where is not coded", *alliance.base));

  std::string out;
  out += fmt::format("# Generated by `casus history import-atop` from ATOP 5.1 (Leeds, Ritter, Mitchell & Long 2002),\n"
                     "# alliance {}. Do not edit: rerun the import. Mapping: docs/history.md.\n\n", id);
  out += "[instrument]\n";
  out += fmt::format("id = {}\n", Quote(AtopInstrumentId(id)));
  out += fmt::format("title = {}\n", Quote(fmt::format("ATOP alliance {} ({}): {}", id, alliance.begin.year.value_or(0), fmt::join(members, ", "))));
  out += fmt::format("form = {}\n", Quote(alliance.estmode == 1 ? "treaty" : "executive-agreement"));
  out += "binding = \"legal\"\n";
  out += fmt::format("status = {}\n", Quote(alliance.in_effect ? "in-force" : "terminated"));
  if (!signed_on.empty()) out += fmt::format("signed = {}\n", signed_on);
  if (!ended_on.empty()) out += fmt::format("ended = {}\n", ended_on);
  out += fmt::format("duration = {}\n", Quote(duration));
  out += fmt::format("sources = [{}]\n", Quote(fmt::format("ATOP 5.1, alliance-level and member-level files, atopid {} (Leeds, Ritter, Mitchell & Long 2002, International Interactions 28(3))", id)));
  out += "notes = \"Encoded from ATOP's codes; the treaty's own words are not in ATOP. Each clause's text is the codebook's definition of the obligation coded.\"\n";
  if (alliance.estmode != 1) unencoded.push_back(alliance.estmode ? "the agreement does not require ratification (ESTMODE=0)" : "the form of the agreement is unknown (ESTMODE missing)");
  if (!unencoded.empty()) out += fmt::format("unencoded = {}\n", Quote(fmt::format("{}", fmt::join(unencoded, "; "))));

  const bool can_renounce = alliance.renounce && *alliance.renounce >= 1 && *alliance.renounce <= 3;
  if (can_renounce || alliance.proren.value_or(0) > 0) {
    out += "\n[exit]\n";
    out += fmt::format("cite = {}\n", Quote(fmt::format("ATOP {}: RENOUNCE={}, PROREN={}", id, alliance.renounce.value_or(-1), alliance.proren.value_or(-1))));
    out += fmt::format("renewal = {}\n", Quote(alliance.proren == 2 ? "automatic" : alliance.proren == 1 ? "mutual-agreement" : "unstated"));
    out += fmt::format("unencoded = {}\n", Quote(can_renounce ? "a member may renounce its obligations during the term (RENOUNCE 1: on notice; 2: if another member aggresses; 3: after a set time); the notice period is not coded"
                                                                 : "renewal provisions only (PROREN); no renunciation during the term"));
  }

  out += "\n[parties]\n";
  std::vector<std::string> quoted;
  for (const auto& member : members) quoted.push_back(Quote(member));
  out += fmt::format("members = [{}]\n", fmt::join(quoted, ", "));
  if (!adversaries.empty()) {
    quoted.clear();
    for (const auto& adversary : adversaries) quoted.push_back(Quote(adversary));
    out += fmt::format("adversaries = [{}]\n", fmt::join(quoted, ", "));
  }
  auto dated_table = [&out](std::string_view name, const std::vector<std::pair<std::string, std::string>>& dated) {
    if (dated.empty()) return;
    out += fmt::format("\n[parties.{}]\n", name);
    for (const auto& [who, when] : dated) out += fmt::format("{} = {}\n", who, when);
  };
  dated_table("joined", joined);
  dated_table("left", left);

  auto clause = [&](std::string_view clause_id, std::string_view variable, std::string_view text, std::string_view body) {
    out += fmt::format("\n[[clause]]\nid = {}\ncite = {}\ntext = {}\n{}", Quote(clause_id),
                       Quote(fmt::format("ATOP {}: {}=1", id, variable)), Quote(text), body);
  };
  std::string means = "\"armed-force\"";
  if (alliance.milaid.value_or(0) > 0) means += ", \"military-aid\"";
  const std::string conditional = alliance.defcon == 1 ? "unencoded = \"conditional defence obligation (DEFCON=1): its conditions are not encoded\"\n" : "";
  if (alliance.defense) {
    clause("defense", "DEFENSE", kDefense,
           fmt::format("kind = \"collective-defence\"\ntrigger = {{ events = [\"armed-attack\"], threshold = \"any\" }}\n"
                       "duty = {{ strength = \"assist\", means = [{}], means_choice = \"each-party\", deadline = \"none\" }}\n{}",
                       means, conditional));
  }
  if (alliance.offense) {
    clause("offense", "OFFENSE", kOffense,
           "kind = \"support\"\nunencoded = \"an offensive promise of active military support (not triggered by an attack on a partner): no clause kind of casus expresses it\"\n");
  }
  if (alliance.neutral) clause("neutral", "NEUTRAL", kNeutral, "kind = \"neutrality\"\n");
  if (alliance.nonagg) clause("nonagg", "NONAGG", kNonagg, "kind = \"non-aggression\"\n");
  if (alliance.consul) {
    clause("consul", "CONSUL", kConsul,
           "kind = \"consultation\"\ntrigger = { events = [\"security-threat\", \"threat-of-armed-attack\"], threshold = \"any\" }\n"
           "duty = { strength = \"consult\", deadline = \"none\" }\n");
  }
  if (!alliance.defense && !alliance.offense && !alliance.neutral && !alliance.nonagg && !alliance.consul) {
    throw DataError(fmt::format("ATOP alliance {} codes no obligation", id));
  }
  return out;
}

}  // namespace casus
