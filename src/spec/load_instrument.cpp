#include "casus/spec/load_instrument.hpp"

#include <algorithm>
#include <cassert>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <toml++/toml.h>

#include "casus/core/spelling.hpp"
#include "casus/spec/toml_reader.hpp"

namespace casus {

namespace {



// Like ResolveCodes, but role names (members, guarantors, …) expand to the instrument's parties.
std::vector<std::string> ResolvePartyRefs(const std::vector<std::pair<std::string, SourcePosition>>& written,
                                          const Parties& parties, const LoadState& state, std::string_view key) {
  std::vector<std::string> resolved;
  std::vector<std::pair<std::string, SourcePosition>> codes;
  for (const auto& entry : written) {
    const auto& [name, position] = entry;
    const std::vector<std::string>* group = nullptr;
    std::vector<std::string> all;
    if (name == "members") group = &parties.members;
    else if (name == "guarantors") group = &parties.guarantors;
    else if (name == "co-guarantors") group = &parties.co_guarantors;
    else if (name == "beneficiaries") group = &parties.beneficiaries;
    else if (name == "adversaries") group = &parties.adversaries;
    else if (name == "signatories") group = &parties.signatories;
    else if (name == "parties") { all = parties.All(); group = &all; }
    if (group == nullptr) {
      codes.push_back(entry);
      continue;
    }
    if (group->empty()) {
      state.Error(position, fmt::format("role '{}' in '{}' names nobody: [parties] has no {}", name, key, name),
                  fmt::format("list the {} in [parties] or name the parties here", name));
    }
    for (const auto& party : *group) {
      if (std::find(resolved.begin(), resolved.end(), party) == resolved.end()) {
        resolved.push_back(party);
      }
    }
  }
  for (const auto& party : ResolveCodes(codes, state, key)) {
    if (std::find(resolved.begin(), resolved.end(), party) == resolved.end()) {
      resolved.push_back(party);
    }
  }
  return resolved;
}

std::optional<Decision> ReadDecision(const toml::node& node, std::string_view key, const std::string& owner,
                                     const Parties& parties, const LoadState& state) {
  Decision decision;
  decision.position = state.At(node);
  const std::string example = fmt::format("{} = {{ rule = \"consensus\", by = [\"guarantors\"] }}", key);
  if (node.is_string()) {
    const std::string text = node.as_string()->get();
    auto rule = ParseEnum<DecisionRule>(text);
    if (!rule) {
      state.Error(state.At(node), fmt::format("unknown decision rule '{}'", text),
                  SuggestionHint(text, EnumNameList<DecisionRule>()));
      return std::nullopt;
    }
    if (*rule != DecisionRule::EachParty && *rule != DecisionRule::SecurityCouncil && *rule != DecisionRule::Unstated) {
      state.Error(state.At(node), fmt::format("decision rule '{}' needs to say who decides", text),
                  fmt::format("write {} = {{ rule = \"{}\", by = [\"…\"] }}", key, text));
      return std::nullopt;
    }
    decision.rule = *rule;
  } else if (const toml::table* table = node.as_table()) {
    TableReader reader(*table, fmt::format("'{}' of {}", key, owner), state);
    auto rule = reader.Enum<DecisionRule>("rule", true, "decision rule");
    auto by = reader.StringArray("by", false, "by = [\"guarantors\"]", true);
    decision.body = reader.String("body", false, "body = \"Special Commission\"").value_or("");
    decision.unencoded = reader.String("unencoded", false, "unencoded = \"why\"").value_or("");
    reader.RejectUnknownFields();
    if (!rule) {
      return std::nullopt;
    }
    decision.rule = *rule;
    decision.by_written = Written(by);
    decision.by = ResolvePartyRefs(by, parties, state, "by");
    const bool takes_deciders = *rule != DecisionRule::EachParty && *rule != DecisionRule::SecurityCouncil &&
                                *rule != DecisionRule::Unstated;
    if (takes_deciders && by.empty()) {
      state.Error(reader.Position(), fmt::format("decision rule '{}' in {} needs 'by': who must agree", ToString(*rule), owner),
                  "add by = [\"guarantors\"] or list the parties");
      return std::nullopt;
    }
    if (!takes_deciders && !by.empty()) {
      state.Error(by.front().second, fmt::format("decision rule '{}' takes no 'by'", ToString(*rule)),
                  *rule == DecisionRule::EachParty       ? "each party decides for itself; remove 'by'"
                  : *rule == DecisionRule::Unstated      ? "the rule is unstated; say what is known in 'unencoded' and remove 'by'"
                                                         : "the Security Council's permanent members are known; remove 'by'");
      return std::nullopt;
    }
    if (*rule == DecisionRule::Unstated && decision.unencoded.empty()) {
      state.Error(reader.Position(), fmt::format("decision rule 'unstated' in {} needs 'unencoded': what is known of it", owner),
                  "add unencoded = \"the text names the body but not its membership or voting rule\"");
      return std::nullopt;
    }
    if (*rule == DecisionRule::Single && decision.by.size() != 1) {
      state.Error(reader.Position(), fmt::format("decision rule 'single' needs exactly one decider, found {}", decision.by.size()),
                  "name the one party that decides, e.g. by = [\"USA\"]");
      return std::nullopt;
    }
  } else {
    state.Error(state.At(node), fmt::format("'{}' of {} must be a table or a string, not {}", key, owner, TypeName(node.type())),
                fmt::format("write it as {}", example));
    return std::nullopt;
  }
  if (decision.rule == DecisionRule::SecurityCouncil) {
    decision.by = state.parties.SecurityCouncilPermanentMembers();
  }
  return decision;
}

std::optional<Threshold> ReadThreshold(const toml::node& node, const std::string& owner, const LoadState& state) {
  Threshold threshold;
  if (node.is_string()) {
    const std::string text = node.as_string()->get();
    auto scale = ParseEnum<Scale>(text);
    if (!scale) {
      state.Error(state.At(node), fmt::format("unknown threshold '{}'", text),
                  "write \"any\", a scale (limited, significant, full-scale), or { scale = \"significant\", deliberate = true, sustained = true }");
      return std::nullopt;
    }
    threshold.scale = *scale;
    return threshold;
  }
  const toml::table* table = node.as_table();
  if (table == nullptr) {
    state.Error(state.At(node), fmt::format("'threshold' of {} must be a string or a table, not {}", owner, TypeName(node.type())),
                "write threshold = \"any\" or threshold = { scale = \"significant\", deliberate = true, sustained = true }");
    return std::nullopt;
  }
  TableReader reader(*table, fmt::format("'threshold' of {}", owner), state);
  auto scale = reader.Enum<Scale>("scale", true, "scale");
  threshold.deliberate = reader.Bool("deliberate").value_or(false);
  threshold.sustained = reader.Bool("sustained").value_or(false);
  reader.RejectUnknownFields();
  if (!scale) {
    return std::nullopt;
  }
  threshold.scale = *scale;
  return threshold;
}

std::optional<Trigger> ReadTrigger(const toml::table& table, const std::string& owner, const Instrument& instrument,
                                   const LoadState& state) {
  Trigger trigger;
  trigger.position = state.At(table);
  TableReader reader(table, fmt::format("'trigger' of {}", owner), state);
  trigger.events = ReadEnumArray<EventKind>(reader, "events", true, "event kind", state);
  if (const toml::node* node = reader.Get("threshold")) {
    if (auto threshold = ReadThreshold(*node, owner, state)) {
      trigger.threshold = *threshold;
    }
  } else {
    reader.Missing("threshold", "threshold = \"any\"");
  }
  if (auto area = reader.String("area", false, "area = \"art6\"")) {
    if (instrument.FindArea(*area) == nullptr) {
      std::vector<std::string> area_ids;
      for (const auto& candidate : instrument.areas) area_ids.push_back(candidate.id);
      state.Error(state.At(*table.get("area")), fmt::format("undefined area '{}' in {}", *area, owner),
                  area_ids.empty() ? std::string("define it in an [[area]] table with id = \"" + *area + "\"")
                                   : SuggestionHint(*area, area_ids));
    }
    trigger.area = *area;
  }
  if (const toml::node* node = reader.Get("attribution")) {
    trigger.attribution = ReadDecision(*node, "attribution", owner, instrument.parties, state);
  }
  trigger.activation = ReadEnumArray<ActivationCondition>(reader, "activation", false, "activation condition", state);
  trigger.on_request = reader.Bool("on_request").value_or(false);
  if (auto request_by = reader.Enum<RequestBy>("request_by", false, "requester")) {
    trigger.request_by = *request_by;
    if (!trigger.on_request) {
      state.Error(state.At(*table.get("request_by")), fmt::format("'request_by' in {} without on_request = true", owner),
                  "add on_request = true: the duty arises at a party's request");
    }
  }
  std::vector<std::pair<std::string, SourcePosition>> codes;
  for (const auto& [word, position] : reader.StringArray("by", false, "by = [\"RUS\"] (or [\"any-state\"], [\"non-party-state\"])")) {
    if (word == "any-state") trigger.by.any_state = true;
    else if (word == "non-party-state") trigger.by.non_party_state = true;
    else codes.emplace_back(word, position);
  }
  trigger.by.states = ResolveCodes(codes, state, "by");
  trigger.void_if = ReadEnumArray<VoidCondition>(reader, "void_if", false, "void condition", state);
  reader.RejectUnknownFields();
  if (!trigger.by.states.empty() && (trigger.by.any_state || trigger.by.non_party_state)) {
    state.Error(state.At(*table.get("by")), fmt::format("'by' in {} mixes named states with a class of attackers", owner),
                "write either the states (by = [\"RUS\"]) or one class (by = [\"non-party-state\"])");
  }
  return trigger;
}

std::optional<Duty> ReadDuty(const toml::table& table, const std::string& owner, const LoadState& state) {
  Duty duty;
  duty.position = state.At(table);
  TableReader reader(table, fmt::format("'duty' of {}", owner), state);
  auto strength = reader.Enum<DutyStrength>("strength", true, "duty strength");
  duty.means = ReadEnumArray<Means>(reader, "means", false, "means", state);
  if (auto choice = reader.Enum<MeansChoice>("means_choice", false, "means choice")) {
    duty.means_choice = *choice;
  }
  const bool needs_deadline = strength && *strength != DutyStrength::None;
  auto deadline = reader.DurationField("deadline", needs_deadline, {"forthwith", "none"}, "deadline = \"PT24H\" (or \"forthwith\", \"none\")");
  if (deadline) {
    if (auto* word = std::get_if<std::string>(&*deadline)) {
      duty.deadline.kind = *word == "forthwith" ? DeadlineKind::Forthwith : DeadlineKind::None;
    } else {
      duty.deadline.kind = DeadlineKind::Within;
      duty.deadline.within = std::get<IsoDuration>(*deadline);
    }
  }
  duty.constitutional = reader.Bool("constitutional").value_or(false);
  duty.from = reader.Enum<DeadlineFrom>("from", false, "event a deadline runs from");
  duty.deadline_hedge = reader.String("deadline_hedge", false, "deadline_hedge = \"where possible\"").value_or("");
  if (const toml::table* proviso = SubTable(reader, "proviso", "proviso = { parties = [\"AUT\"], excludes = [\"armed-force\"], cite = \"…\", text = \"…\" }", state)) {
    TableReader inner(*proviso, fmt::format("'proviso' of {}", owner), state);
    Proviso read;
    read.parties = ResolveCodes(inner.StringArray("parties", true, "parties = [\"AUT\", \"IRL\"]", true), state, "parties");
    read.excludes = ReadEnumArray<Means>(inner, "excludes", true, "means", state);
    read.cite = inner.String("cite", true, "cite = \"Art. 42(7), second sentence\"").value_or("");
    read.text = inner.String("text", true, "text = \"the operative words, verbatim\"").value_or("");
    inner.RejectUnknownFields();
    duty.proviso = std::move(read);
  }
  reader.RejectUnknownFields();
  if (!strength) {
    return std::nullopt;
  }
  if ((duty.from || !duty.deadline_hedge.empty()) && duty.deadline.kind != DeadlineKind::Within) {
    state.Error(state.At(*table.get(duty.from ? "from" : "deadline_hedge")),
                fmt::format("'{}' in {} qualifies a deadline, and the duty has none", duty.from ? "from" : "deadline_hedge", owner),
                "give deadline = \"PT24H\" (a duration), or remove it");
  }
  duty.strength = *strength;
  return duty;
}

std::optional<Forces> ReadForces(const toml::table& table, const std::string& owner, const Instrument& instrument,
                                 const LoadState& state) {
  Forces forces;
  TableReader reader(table, fmt::format("'forces' of {}", owner), state);
  // `by` may be left out when the text names no contributor ("European fighter jets"); the clause's
  // `unencoded` must then say so (checked by the caller, which reads it).
  forces.by = ResolvePartyRefs(reader.StringArray("by", false, "by = [\"GBR\", \"FRA\"]", true), instrument.parties, state, "by");
  forces.by_stated = table.get("by") != nullptr;
  auto where = reader.StringArray("where", true, "where = [\"UKR\"]");
  forces.where = CheckPlaceCodes(where, state, "where", false);
  for (const auto& [domain, position] : reader.StringArray("domains", false, "domains = [\"land\", \"air\", \"sea\"]")) {
    static const std::vector<std::string> kDomains = {"land", "air", "sea"};
    if (std::find(kDomains.begin(), kDomains.end(), domain) == kDomains.end()) {
      state.Error(position, fmt::format("unknown domain '{}'", domain), SuggestionHint(domain, kDomains));
    } else {
      forces.domains.push_back(domain);
    }
  }
  forces.size = reader.String("size", false, "size = \"10,000–25,000\"").value_or("");
  reader.RejectUnknownFields();
  return forces;
}

void ReadArea(const toml::table& table, size_t index, Instrument& instrument, const LoadState& state) {
  Area area;
  area.position = state.At(table);
  TableReader reader(table, fmt::format("[[area]] #{}", index + 1), state);
  area.id = reader.String("id", true, "id = \"art6\"").value_or("");
  area.cite = reader.String("cite", true, "cite = \"Art. 6\"").value_or("");
  area.text = reader.String("text", true, "text = \"the operative words, verbatim\"").value_or("");
  for (const auto& [code, position] : reader.StringArray("covers", true, "covers = [\"protected-territory\"]")) {
    if (code == "protected-territory") {
      area.covers_protected_territory = true;
    } else {
      area.covers.push_back(CheckPlaceCodes({{code, position}}, state, "covers", false).front());
    }
  }
  auto excludes = reader.StringArray("excludes", false, "excludes = [\"UA-43\"]");
  area.excludes = CheckPlaceCodes(excludes, state, "excludes", false);
  area.objects = ReadEnumArray<ProtectedObject>(reader, "objects", false, "protected object", state);
  for (const auto& [place, position] : reader.StringArray("objects_in", false, "objects_in = [\"protected-territory\", \"mediterranean\"]")) {
    if (place == "protected-territory") {
      area.objects_in_protected_territory = true;
    } else {
      area.objects_in.push_back(state.parties.IsSeaArea(place) ? place : CheckPlaceCodes({{place, position}}, state, "objects_in", false).front());
    }
  }
  area.unencoded = reader.String("unencoded", false, "unencoded = \"why\"").value_or("");
  reader.RejectUnknownFields();
  if (area.objects.empty() != (area.objects_in.empty() && !area.objects_in_protected_territory)) {
    state.Error(area.position, fmt::format("[[area]] '{}' needs both 'objects' and 'objects_in'", area.id),
                "objects = [\"forces\", \"vessels\", \"aircraft\"] with objects_in = [\"protected-territory\", \"mediterranean\"]");
  }
  if (!area.id.empty()) {
    CheckId(area.id, state.At(*table.get("id")), state, "area");
    if (const Area* first = instrument.FindArea(area.id)) {
      state.Error(state.At(*table.get("id")), fmt::format("duplicate area id '{}'", area.id),
                  fmt::format("the first area '{}' is at line {}", area.id, first->position.line));
      return;
    }
  }
  instrument.areas.push_back(std::move(area));
}

void ReadClause(const toml::table& table, size_t index, Instrument& instrument, const LoadState& state) {
  Clause clause;
  clause.position = state.At(table);
  TableReader reader(table, fmt::format("[[clause]] #{}", index + 1), state);
  clause.id = reader.String("id", true, "id = \"art5\"").value_or("");
  const std::string owner = clause.id.empty() ? reader.Context() : fmt::format("clause '{}'", clause.id);
  clause.cite = reader.String("cite", true, "cite = \"Art. 5\"").value_or("");
  clause.text = reader.String("text", true, "text = \"the operative words, verbatim\"").value_or("");
  auto kind = reader.Enum<ClauseKind>("kind", true, "clause kind");
  if (kind) {
    clause.kind = *kind;
  }
  const bool mutual = !instrument.parties.members.empty();
  auto obligated = reader.StringArray("obligated", false, "obligated = [\"guarantors\"]", true);
  clause.obligated = obligated.empty() ? (mutual ? instrument.parties.members : instrument.parties.guarantors)
                                       : ResolvePartyRefs(obligated, instrument.parties, state, "obligated");
  auto protected_parties = reader.StringArray("protected", false, "protected = [\"beneficiaries\"]", true);
  clause.protected_parties = protected_parties.empty()
                                 ? (mutual ? instrument.parties.members : instrument.parties.beneficiaries)
                                 : ResolvePartyRefs(protected_parties, instrument.parties, state, "protected");
  auto all_parties = instrument.parties.All();  // a named adversary may be bound too (a non-aggression promise)
  all_parties.insert(all_parties.end(), instrument.parties.adversaries.begin(), instrument.parties.adversaries.end());
  all_parties.insert(all_parties.end(), instrument.parties.signatories.begin(), instrument.parties.signatories.end());
  for (const auto& [list, written] : {std::pair{&clause.obligated, &obligated}, std::pair{&clause.protected_parties, &protected_parties}}) {
    for (const auto& party : *list) {
      if (std::find(all_parties.begin(), all_parties.end(), party) == all_parties.end()) {
        const SourcePosition position = written->empty() ? clause.position : written->front().second;
        state.Error(position, fmt::format("'{}' in {} is not a party to this instrument", party, owner),
                    "add it to [parties] (members, guarantors, co_guarantors, beneficiaries, adversaries or signatories)");
      }
    }
  }
  if (const toml::table* trigger = SubTable(reader, "trigger", "trigger = { events = [\"armed-attack\"], threshold = \"any\" }", state)) {
    clause.trigger = ReadTrigger(*trigger, owner, instrument, state);
  }
  if (const toml::table* duty = SubTable(reader, "duty", "duty = { strength = \"assist\", deadline = \"forthwith\" }", state)) {
    clause.duty = ReadDuty(*duty, owner, state);
  }
  if (const toml::node* decision = reader.Get("decision")) {
    clause.decision = ReadDecision(*decision, "decision", owner, instrument.parties, state);
  }
  if (const toml::table* forces = SubTable(reader, "forces", "forces = { by = [\"GBR\"], where = [\"UKR\"] }", state)) {
    clause.forces = ReadForces(*forces, owner, instrument, state);
  }
  clause.forbids_stated = reader.Get("forbids") != nullptr;
  clause.forbids = ReadEnumArray<Forbidden>(reader, "forbids", false, "forbidden act", state);
  const bool exceptions_stated = reader.Get("exceptions") != nullptr;
  clause.exceptions = ReadEnumArray<RestraintException>(reader, "exceptions", false, "exception", state);
  clause.unencoded = reader.String("unencoded", false, "unencoded = \"why\"").value_or("");
  reader.RejectUnknownFields();
  if (clause.forces && !clause.forces->by_stated && clause.unencoded.empty()) {
    state.Error(state.At(*table.get("forces")), fmt::format("'forces' of {} has no 'by' and the clause no 'unencoded'", owner),
                "name the contributors (by = [\"GBR\", \"FRA\"]), or, when the text names none, say so in the clause's unencoded");
  }
  if (kind && IsRestraintKind(*kind)) {
    if (!clause.forbids_stated) clause.forbids = DefaultForbids(*kind);
    const bool only_stationing = clause.forbids_stated && !clause.forbids.empty() &&
                                 std::all_of(clause.forbids.begin(), clause.forbids.end(),
                                             [](Forbidden forbidden) { return forbidden == Forbidden::StationingForces; });
    if (only_stationing && exceptions_stated && !clause.exceptions.empty()) {
      state.Error(state.At(*table.get("exceptions")),
                  fmt::format("'exceptions' in {}: self-defence and the Charter except a use of force, not the stationing of forces", owner),
                  "remove exceptions (or write exceptions = []); an exception the text makes goes into the clause's unencoded");
    }
    if (!exceptions_stated) clause.exceptions = {RestraintException::SelfDefence};
  } else if (kind && (clause.forbids_stated || exceptions_stated)) {
    state.Error(state.At(*table.get(clause.forbids_stated ? "forbids" : "exceptions")),
                fmt::format("'{}' in {}: only restraint clauses (non-aggression, neutrality, assurance) forbid",
                            clause.forbids_stated ? "forbids" : "exceptions", owner),
                "remove it, or change the kind");
  }

  if (kind && IsResponseKind(*kind)) {
    if (table.get("trigger") == nullptr) {
      state.Error(clause.position, fmt::format("{} of kind '{}' has no trigger", owner, ToString(*kind)),
                  "add trigger = { events = [\"armed-attack\"], threshold = \"any\" }: what event makes it due");
    }
    if (table.get("duty") == nullptr) {
      state.Error(clause.position, fmt::format("{} of kind '{}' has no duty", owner, ToString(*kind)),
                  "add duty = { strength = \"consult\", deadline = \"PT24H\" }: what it obliges, by when");
    }
  }
  if (kind && *kind == ClauseKind::ReassuranceForce && table.get("forces") == nullptr) {
    state.Error(clause.position, fmt::format("{} of kind 'reassurance-force' has no forces", owner),
                "add forces = { by = [\"GBR\", \"FRA\"], where = [\"UKR\"] }");
  }
  if (!clause.id.empty()) {
    CheckId(clause.id, state.At(*table.get("id")), state, "clause");
    for (const auto& other : instrument.clauses) {
      if (other.id == clause.id) {
        state.Error(state.At(*table.get("id")), fmt::format("duplicate clause id '{}'", clause.id),
                    fmt::format("the first clause '{}' is at line {}; give each clause its own id", clause.id, other.position.line));
        return;
      }
    }
  }
  instrument.clauses.push_back(std::move(clause));
}

void ReadExit(const toml::table& table, Instrument& instrument, const LoadState& state) {
  Exit exit;
  exit.position = state.At(table);
  TableReader reader(table, "[exit]", state);
  exit.cite = reader.String("cite", true, "cite = \"Art. 13\"").value_or("");
  exit.text = reader.String("text", table.get("unencoded") == nullptr, "text = \"the operative words, verbatim\" (or unencoded = \"why not\")").value_or("");
  if (auto notice = reader.DurationField("notice", false, {}, "notice = \"P1Y\"")) {
    exit.notice = std::get<IsoDuration>(*notice);
  }
  if (auto not_before = reader.DurationField("not_before", false, {}, "not_before = \"P20Y\"")) {
    exit.not_before = std::get<IsoDuration>(*not_before);
  }
  if (auto renewal = reader.Enum<Renewal>("renewal", false, "renewal")) {
    exit.renewal = *renewal;
  }
  exit.ends_if = Written(reader.StringArray("ends_if", false, "ends_if = [\"Ukraine joins NATO\"]"));
  exit.unencoded = reader.String("unencoded", false, "unencoded = \"why\"").value_or("");
  reader.RejectUnknownFields();
  instrument.exit = std::move(exit);
}

// A mutual pact may also protect states that are not parties (members plus beneficiaries, e.g.
// SEATO's protocol states). Its clauses protect the members by default, so each beneficiary must
// be protected by some clause that says so; otherwise listing it promises nothing.
void CheckBeneficiariesProtected(const Instrument& instrument, const SourcePosition& position, const LoadState& state) {
  for (const auto& beneficiary : instrument.parties.beneficiaries) {
    const bool protected_somewhere =
        std::any_of(instrument.clauses.begin(), instrument.clauses.end(), [&](const Clause& clause) {
          return std::find(clause.protected_parties.begin(), clause.protected_parties.end(), beneficiary) !=
                 clause.protected_parties.end();
        });
    if (!protected_somewhere) {
      state.Error(position,
                  fmt::format("'{}' is a beneficiary of a pact with members, but no clause protects it", beneficiary),
                  "clauses protect the members by default: add protected = [\"beneficiaries\"] (or the code) to the "
                  "clause that protects it, or drop it from beneficiaries");
    }
  }
}

// A state written for a date when its territory was part of a state since dissolved (RUS or CZE
// in 1955): a warning naming the former state, not an error (see CheckPartyEra). The successor
// did not yet exist when the former state was alive then and either continues its COW code
// (Russia 365, Serbia 345: COW's "Russia" of 1955 is the USSR) or entered the COW state system
// later (Czechia 1993). A merged state's successor (DEU for the GDR) existed beside it: no warning.
void WarnSuccessorBeforeItExisted(const std::string& code, const SourcePosition& position, const PartyInfo& party,
                                  const Date& since, const LoadState& state, std::string_view key) {
  const int year = static_cast<int>(since.year());
  for (const PartyInfo* former : state.parties.Predecessors(party.id)) {
    if (!former->dissolved || former->withdrawn.size() < 4) continue;
    if (year < former->from_year || year >= std::stoi(former->withdrawn.substr(0, 4))) continue;  // not alive then
    const bool continues = party.cow_code && party.cow_code == former->cow_code;
    if (!continues && !(party.cow_start_year && year < *party.cow_start_year)) continue;  // it existed already
    std::vector<std::string> codes{former->id};
    for (const auto& other : state.parties.AllCodes()) {
      const bool letters = std::all_of(other.begin(), other.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
      if (other.size() == 3 && letters && state.parties.Resolve(other) == former) codes.push_back(other);
    }
    state.diagnostics.Add(Diagnostic{
        Severity::Warning, position,
        fmt::format("'{}' in '{}' is {}, but on {} its territory was part of {} (ISO 3166-3 {}, until {})", code, key,
                    party.name, FormatDate(since), former->name, former->id, former->withdrawn),
        fmt::format("if the party was that state, write {}; a constituent republic that signed in its own name "
                    "keeps {} (alliance data code the Ukrainian SSR's treaties of 1990 under UKR)",
                    fmt::join(codes, " or "), code)});
  }
}

// A former state (ISO 3166-3) cannot become a party (at signature, or at its `joined` date) after
// its code was withdrawn.
void CheckPartyEra(const std::vector<std::pair<std::string, SourcePosition>>& written, const Instrument& instrument,
                   const LoadState& state, std::string_view key) {
  if (!instrument.signed_on) return;
  for (const auto& [code, position] : written) {
    const PartyInfo* party = state.parties.Resolve(code);
    if (party == nullptr) continue;
    Date since = *instrument.signed_on;
    for (const auto& [joiner, date] : instrument.parties.joined) {
      if (joiner == party->id) since = date;
    }
    const int year = static_cast<int>(since.year());
    if (!party->withdrawn.empty() && year > std::stoi(party->withdrawn.substr(0, 4))) {
      state.Error(position,
                  fmt::format("'{}' in '{}' is {}, a former state whose ISO 3166-3 code was withdrawn in {}; it became "
                              "a party on {}", code, key, party->name, party->withdrawn, FormatDate(since)),
                  fmt::format("write its successor{}: {}", party->successors.size() == 1 ? "" : "s", fmt::join(party->successors, ", ")));
      continue;
    }
    // A successor written before it existed (CZE in 1955) is not rejected: alliance data code the
    // Ukrainian SSR's treaties of 1990 under Ukraine (ATOP 4016), so it would reject real records.
    // It is warned about instead (WarnSuccessorBeforeItExisted).
    if (party->kind == PartyKind::State) WarnSuccessorBeforeItExisted(code, position, *party, since, state, key);
  }
}

void ReadParties(const toml::table& table, Instrument& instrument, const LoadState& state) {
  TableReader reader(table, "[parties]", state);
  auto& parties = instrument.parties;
  std::vector<std::pair<std::string_view, std::vector<std::pair<std::string, SourcePosition>>>> lists;
  const auto read = [&](std::string_view key, std::string_view example) {
    lists.emplace_back(key, reader.StringArray(key, false, example, true));
    return lists.back().second;
  };
  parties.members = ResolveCodes(read("members", "members = [\"USA\", \"CAN\"]"), state, "members");
  parties.guarantors = ResolveCodes(read("guarantors", "guarantors = [\"USA\"]"), state, "guarantors");
  parties.co_guarantors = ResolveCodes(read("co_guarantors", "co_guarantors = [\"FRA\", \"GBR\"]"), state, "co_guarantors");
  auto beneficiaries = read("beneficiaries", "beneficiaries = [\"UKR\"]");
  parties.beneficiaries = ResolveCodes(beneficiaries, state, "beneficiaries");
  auto adversaries = read("adversaries", "adversaries = [\"RUS\"]");
  parties.adversaries = ResolveCodes(adversaries, state, "adversaries");
  auto signatories = read("signatories", "signatories = [\"NATO\"]");
  parties.signatories = ResolveCodes(signatories, state, "signatories");
  for (const auto& [key, list] : {std::pair{"joined", &parties.joined}, std::pair{"left", &parties.left}}) {
    const toml::table* dates = SubTable(reader, key, fmt::format("{} = {{ FIN = 2023-04-04 }}", key), state);
    if (dates == nullptr) continue;
    const auto all = parties.All();
    for (auto&& [code, value] : *dates) {
      const SourcePosition position = state.At(code.source());
      auto resolved = ResolveCodes({{std::string(code.str()), position}}, state, key);
      if (resolved.empty()) continue;
      if (std::find(all.begin(), all.end(), resolved.front()) == all.end()) {
        state.Error(position, fmt::format("'{}' in '{}' is not a party to this instrument", code.str(), key),
                    "list it among the members, guarantors or beneficiaries first");
        continue;
      }
      if (!value.is_date()) {
        state.Error(state.At(value), fmt::format("the date of '{}' in '{}' must be a date, not {}", code.str(), key, TypeName(value.type())),
                    fmt::format("write {} = 2023-04-04 (a TOML date, without quotes)", code.str()));
        continue;
      }
      const toml::date date = value.as_date()->get();
      list->emplace_back(resolved.front(), Date{std::chrono::year{date.year}, std::chrono::month{date.month}, std::chrono::day{date.day}});
    }
  }
  for (const auto& [key, written] : lists) CheckPartyEra(written, instrument, state, key);
  reader.RejectUnknownFields();
  if (parties.members.empty() && parties.beneficiaries.empty()) {
    state.Error(reader.Position(), "[parties] names no protected party: neither members nor beneficiaries",
                "a mutual pact lists members = [...]; a guarantee lists guarantors = [...] and beneficiaries = [...]");
  }
  if (!parties.beneficiaries.empty() && parties.guarantors.empty() && parties.members.empty()) {
    state.Error(reader.Position(), "[parties] has beneficiaries but no guarantors", "add guarantors = [\"…\"]");
  }
  for (size_t adversary_idx = 0; adversary_idx < parties.adversaries.size(); ++adversary_idx) {
    const auto& adversary = parties.adversaries[adversary_idx];
    const auto all = parties.All();
    if (std::find(all.begin(), all.end(), adversary) != all.end()) {
      state.Error(adversaries[std::min(adversary_idx, adversaries.size() - 1)].second,
                  fmt::format("'{}' is both a party and a named adversary", adversary),
                  "a named adversary is the threat the instrument is aimed at; remove it from one list");
    }
  }
  for (size_t index = 0; index < parties.signatories.size(); ++index) {
    const auto& signatory = parties.signatories[index];
    const auto all = parties.All();
    const bool adversary = std::find(parties.adversaries.begin(), parties.adversaries.end(), signatory) != parties.adversaries.end();
    if (adversary || std::find(all.begin(), all.end(), signatory) != all.end()) {
      state.Error(signatories[std::min(index, signatories.size() - 1)].second,
                  fmt::format("'{}' is both a signatory and {}", signatory, adversary ? "a named adversary" : "a party"),
                  "signatories are those who sign but neither guarantee nor are protected (NATO in the 28-point plan); remove it from one list");
    }
  }
}

void ReadInstrumentTable(const toml::table& table, Instrument& instrument, const LoadState& state) {
  instrument.position = state.At(table);
  TableReader reader(table, "[instrument]", state);
  instrument.id = reader.String("id", true, "id = \"us-ukraine-2024\"").value_or("");
  if (!instrument.id.empty()) {
    CheckId(instrument.id, state.At(*table.get("id")), state, "instrument");
  }
  instrument.title = reader.String("title", true, "title = \"North Atlantic Treaty\"").value_or("");
  if (auto form = reader.Enum<Form>("form", true, "form")) instrument.form = *form;
  if (auto binding = reader.Enum<Binding>("binding", true, "binding force")) {
    instrument.binding = *binding;
    instrument.binding_position = state.At(*table.get("binding"));
  }
  auto status = reader.Enum<Status>("status", true, "status");
  if (status) instrument.status = *status;
  instrument.signed_on = reader.DateField("signed");
  instrument.in_force_on = reader.DateField("in_force");
  if (const toml::node* ended = table.get("ended"); ended != nullptr && ended->is_string() &&
                                                      ended->as_string()->get() == "unknown") {
    reader.Get("ended");
    instrument.ended_unknown = true;
  } else {
    instrument.ended_on = reader.DateField("ended");
  }
  instrument.last_verified = reader.DateField("last_verified");
  if (auto duration = reader.DurationField("duration", true, {"indefinite", "unstated"}, "duration = \"P10Y\" (or \"indefinite\", \"unstated\")")) {
    instrument.duration.position = state.At(*table.get("duration"));
    if (auto* word = std::get_if<std::string>(&*duration)) {
      instrument.duration.kind = *word == "indefinite" ? InstrumentDuration::Kind::Indefinite : InstrumentDuration::Kind::Unstated;
    } else {
      instrument.duration.kind = InstrumentDuration::Kind::Fixed;
      instrument.duration.length = std::get<IsoDuration>(*duration);
    }
  }
  instrument.sources = Written(reader.StringArray("sources", true, "sources = [\"https://…\"]"));
  for (const auto& source : instrument.sources) {
    if (IsBlank(source)) {
      state.Error(state.At(*table.get("sources")), "an entry of 'sources' is empty", "give a URL or a citation");
    }
  }
  instrument.notes = reader.String("notes", false, "notes = \"…\"").value_or("");
  instrument.unencoded = reader.String("unencoded", false, "unencoded = \"why\"").value_or("");
  reader.RejectUnknownFields();

  // Dates must agree with the status and with each other.
  auto position_of = [&](std::string_view key) { return state.At(*table.get(key)); };
  if (status) {
    const bool hypothetical = *status == Status::Draft || *status == Status::Proposal;
    if (hypothetical && instrument.in_force_on) {
      state.Error(position_of("in_force"), fmt::format("a {} has no entry-into-force date", ToString(*status)),
                  "remove in_force, or change the status to \"in-force\"");
    }
    if ((*status == Status::Terminated || *status == Status::Expired) && !instrument.ended_on && !instrument.ended_unknown) {
      state.Error(position_of("status"), fmt::format("status '{}' needs the date it ended", ToString(*status)),
                  "add ended = YYYY-MM-DD (or ended = \"unknown\" when the date is not known)");
    }
    if ((*status == Status::InForce || *status == Status::Signed || hypothetical) && (instrument.ended_on || instrument.ended_unknown)) {
      state.Error(position_of("ended"), fmt::format("an instrument with status '{}' has not ended", ToString(*status)),
                  "remove ended, or change the status to \"terminated\" or \"expired\"");
    }
  }
  if (instrument.signed_on && instrument.in_force_on && *instrument.in_force_on < *instrument.signed_on) {
    state.Error(position_of("in_force"), "in_force is before signed", "check both dates");
  }
  const std::optional<Date> start = instrument.in_force_on ? instrument.in_force_on : instrument.signed_on;
  if (start && instrument.ended_on && *instrument.ended_on < *start) {
    state.Error(position_of("ended"), "ended is before the instrument began", "check the dates");
  }
}

}  // namespace

std::optional<Instrument> LoadInstrumentText(std::string_view text, std::string_view file_name,
                                             const PartyTable& parties, Diagnostics& diagnostics) {
  const size_t errors_before = diagnostics.ErrorCount();
  LoadState state{std::string(file_name), diagnostics, parties};
  auto parsed = ParseTomlText(text, state, "an instrument", "docs/instrument-format.md");
  if (!parsed) {
    return std::nullopt;
  }
  const toml::table& root = *parsed;

  Instrument instrument;
  instrument.file = std::string(file_name);
  TableReader top(root, "the file", state);
  const toml::table* instrument_table = SubTable(top, "instrument", "[instrument]", state);
  const toml::table* parties_table = SubTable(top, "parties", "[parties]", state);
  if (instrument_table == nullptr && root.get("instrument") == nullptr) {
    top.Missing("instrument", "an [instrument] table with id, title, form, binding, status, duration, sources",
                "missing [instrument] table");
  }
  if (instrument_table != nullptr) {
    ReadInstrumentTable(*instrument_table, instrument, state);
  }
  if (parties_table != nullptr) {
    ReadParties(*parties_table, instrument, state);
  } else if (root.get("parties") == nullptr) {
    top.Missing("parties", "a [parties] table with members, or guarantors and beneficiaries", "missing [parties] table");
  }
  if (const toml::table* exit = SubTable(top, "exit", "[exit]", state)) {
    ReadExit(*exit, instrument, state);
  }
  ForEachTable(top.Get("area"), "area", state,
               [&](const toml::table& table, size_t index) { ReadArea(table, index, instrument, state); });
  const toml::node* clauses = top.Get("clause");
  if (clauses == nullptr) {
    top.Missing("clause", "a [[clause]] with its id, cite, verbatim text and kind", "the instrument has no [[clause]]");
  }
  ForEachTable(clauses, "clause", state,
               [&](const toml::table& table, size_t index) { ReadClause(table, index, instrument, state); });
  top.RejectUnknownFields();
  if (parties_table != nullptr && !instrument.parties.members.empty()) {
    CheckBeneficiariesProtected(instrument, state.At(parties_table->source()), state);
  }

  if (diagnostics.ErrorCount() > errors_before) {
    return std::nullopt;
  }
  return instrument;
}

std::optional<Instrument> LoadInstrumentFile(const std::filesystem::path& path, const PartyTable& parties,
                                             Diagnostics& diagnostics) {
  std::string text;
  if (!ReadTextFile(path, text, diagnostics)) {
    return std::nullopt;
  }
  return LoadInstrumentText(text, path.string(), parties, diagnostics);
}

}  // namespace casus
