#include "casus/engine/load_timeline.hpp"

#include <algorithm>
#include <fstream>

#include "casus/spec/load_instrument.hpp"
#include "casus/spec/toml_reader.hpp"

namespace casus {

std::string FormatTime(Time time) {
  const auto day = std::chrono::floor<std::chrono::days>(time);
  const std::chrono::year_month_day date{day};
  const std::chrono::hh_mm_ss clock{time - day};
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()), clock.hours().count(),
                     clock.minutes().count(), clock.seconds().count());
}

namespace {

std::string ReadParty(TableReader& reader, std::string_view key, bool allow_non_state, const LoadState& state) {
  auto code = reader.String(key, true, fmt::format("{} = \"RUS\"", key));
  if (!code) {
    return {};
  }
  if (allow_non_state && *code == kNonStateActor) {
    return *code;
  }
  auto resolved = ResolveCodes({{*code, state.At(*reader.Get(key))}}, state, key);
  return resolved.empty() ? std::string() : resolved.front();
}

void ReadStatus(const toml::table& table, size_t index, Timeline& timeline, const LoadState& state) {
  StatusEvent status;
  status.position = state.At(table);
  TableReader reader(table, fmt::format("[[status]] #{}", index + 1), state);
  auto at = ReadOffsetTime(reader, "at", state);
  auto kind = reader.Enum<StatusKind>("kind", true, "status kind");
  auto parties = reader.StringArray("parties", false, "parties = [\"UKR\", \"RUS\"]", true);
  status.parties = ResolveCodes(parties, state, "parties");
  status.instrument = reader.String("instrument", false, "instrument = \"nato-1949\"").value_or("");
  status.clause = reader.String("clause", false, "clause = \"art5\"").value_or("");
  status.incident = reader.String("incident", false, "incident = \"world-trade-center\"").value_or("");
  auto towards = reader.StringArray("towards", false, "towards = [\"NZL\"]", true);
  status.towards = ResolveCodes(towards, state, "towards");
  status.finding = reader.Enum<Determined>("finding", false, "finding");
  status.body = reader.String("body", false, "body = \"North Atlantic Council\"").value_or("");
  status.notes = reader.String("notes", false, "notes = \"…\"").value_or("");
  reader.RejectUnknownFields();
  if (!at || !kind) {
    return;
  }
  status.at = *at;
  status.kind = *kind;
  const bool act = IsIncidentAct(*kind);
  if (act && status.incident.empty()) {
    state.Error(status.position, fmt::format("a {} needs the incident it concerns", ToString(*kind)),
                "add incident = \"…\": the id of an [[incident]] of this timeline");
    return;
  }
  if (!act && !status.incident.empty()) {
    state.Error(state.At(*table.get("incident")), fmt::format("status '{}' concerns no incident", ToString(*kind)),
                "remove incident (only request, invocation, determination and approval name an incident)");
    return;
  }
  if (*kind == StatusKind::Determination && !status.finding) {
    state.Error(status.position, "a determination needs its finding",
                fmt::format("add finding = \"armed-attack\" (one of: {})", fmt::join(EnumNameList<Determined>(), ", ")));
    return;
  }
  if (*kind != StatusKind::Determination && (status.finding || !status.body.empty())) {
    state.Error(state.At(*table.get(status.finding ? "finding" : "body")),
                fmt::format("status '{}' has no finding or body", ToString(*kind)), "only a determination has them");
    return;
  }
  if ((*kind == StatusKind::Suspension) != !towards.empty()) {
    state.Error(*kind == StatusKind::Suspension ? status.position : towards.front().second,
                *kind == StatusKind::Suspension ? std::string("a suspension needs 'towards': whom the parties' obligations are suspended towards")
                                                : fmt::format("status '{}' takes no 'towards'", ToString(*kind)),
                *kind == StatusKind::Suspension ? "add towards = [\"NZL\"]" : "remove towards");
    return;
  }
  if (!status.clause.empty() && status.instrument.empty()) {
    state.Error(state.At(*table.get("clause")), "a clause is named without its instrument", "add instrument = \"…\"");
    return;
  }
  const bool about_instrument = *kind == StatusKind::Accession || *kind == StatusKind::WithdrawalNotice ||
                                *kind == StatusKind::Termination || *kind == StatusKind::Suspension;
  if (about_instrument && status.instrument.empty()) {
    state.Error(status.position, fmt::format("status '{}' needs the instrument it concerns", ToString(*kind)),
                "add instrument = \"nato-1949\" (an instrument given to adjudicate)");
    return;
  }
  if (!about_instrument && !act && !status.instrument.empty()) {
    state.Error(state.At(*table.get("instrument")), fmt::format("status '{}' concerns parties, not an instrument", ToString(*kind)),
                "remove instrument");
    return;
  }
  if (*kind != StatusKind::Termination && *kind != StatusKind::Determination && parties.empty()) {
    state.Error(status.position, fmt::format("status '{}' needs the parties it concerns", ToString(*kind)),
                "add parties = [\"UKR\", \"RUS\"]");
    return;
  }
  if (!timeline.statuses.empty() && status.at < timeline.statuses.back().at) {
    state.Error(state.At(*table.get("at")),
                fmt::format("status at {} is earlier than the status before it ({})", FormatTime(status.at),
                            FormatTime(timeline.statuses.back().at)),
                "list [[status]] entries in time order");
    return;
  }
  timeline.statuses.push_back(std::move(status));
}

void ReadIncident(const toml::table& table, size_t index, Timeline& timeline, const LoadState& state) {
  Incident incident;
  incident.position = state.At(table);
  TableReader reader(table, fmt::format("[[incident]] #{}", index + 1), state);
  incident.id = reader.String("id", true, "id = \"kharkiv-offensive\"").value_or("");
  if (!incident.id.empty()) CheckId(incident.id, state.At(table, "id"), state, "incident");
  auto at = ReadOffsetTime(reader, "at", state);
  auto kind = reader.Enum<IncidentKind>("kind", true, "incident kind");
  incident.by = ReadParty(reader, "by", true, state);
  incident.against = ReadParty(reader, "against", false, state);
  auto where = reader.String("where", true, "where = \"UA-63\"");
  if (where && !state.parties.IsSeaArea(*where)) {  // a name ("Odesa") becomes its code (UA-51)
    where = CheckPlaceCodes({{*where, state.At(*table.get("where"))}}, state, "where", false).front();
  }
  incident.scale = reader.Enum<Scale>("scale", false, "scale");
  incident.deliberate = reader.Bool("deliberate");
  incident.sustained = reader.Bool("sustained");
  incident.character = reader.Enum<Character>("character", false, "character");
  incident.target = reader.Enum<Target>("target", false, "target").value_or(Target::Territory);
  incident.effects = reader.Enum<Effects>("effects", false, "effects");
  if (reader.Get("sponsor") != nullptr) incident.sponsor = ReadParty(reader, "sponsor", false, state);
  incident.attribution = reader.Enum<AttributionBasis>("attribution", false, "basis of attribution");
  incident.notes = reader.String("notes", false, "notes = \"…\"").value_or("");
  reader.RejectUnknownFields();
  if (incident.attribution && *incident.attribution != AttributionBasis::None && incident.sponsor.empty()) {
    state.Error(state.At(*table.get("attribution")), "an attribution basis without the state it attributes the attack to",
                "add sponsor = \"…\": the state answerable for the attack");
  }
  if (!incident.sponsor.empty() && incident.by != kNonStateActor) {
    state.Error(state.At(*table.get("sponsor")), "a sponsor is for a non-state attacker",
                "the attack is already the act of the state in 'by'; remove sponsor, or write by = \"non-state\"");
  }
  if (incident.scale && *incident.scale == Scale::Any) {
    state.Error(state.At(*table.get("scale")), "an incident's scale is 'limited', 'significant' or 'full-scale', not 'any'",
                "'any' is for thresholds; say how large the incident was");
  }
  if (where) {
    const bool territory = incident.target == Target::Territory;
    incident.where = *where;
    const PartyInfo* place = state.parties.TerritoryOf(*where);
    if (territory && state.parties.IsSeaArea(*where)) {
      state.Error(state.At(*table.get("where")), fmt::format("'{}' is a sea area, not {}'s territory", *where, incident.against),
                  "an attack at sea hits forces, vessels or aircraft: add target = \"vessels\"");
    } else if (territory && place != nullptr && !incident.against.empty() && place->id != incident.against) {
      std::string hint = fmt::format("give a place in {} (its code, an ISO 3166-2 subdivision, or a dependency", incident.against);
      const auto dependencies = state.parties.DependenciesOf(incident.against);
      hint += dependencies.empty() ? ")" : fmt::format(": {})", fmt::join(dependencies, ", "));
      hint += "; for forces, vessels or aircraft abroad add target = \"forces\"";
      // The place as written, its code and its name: "'Lviv' (UA-46, Lvivska oblast) is in UKR, not in POL".
      const std::string written = table.get("where")->value<std::string>().value_or(*where);
      const std::string name = state.parties.PlaceName(*where);
      const std::string label = written != *where ? fmt::format("'{}' ({}{})", written, *where, name.empty() ? "" : ", " + name)
                                                  : fmt::format("'{}'{}", *where, name.empty() ? "" : " (" + name + ")");
      state.Error(state.At(*table.get("where")), fmt::format("{} is in {}, not in {}, the attacked party", label, place->id, incident.against), hint);
    }
  }
  if (kind && *kind == IncidentKind::Stationing) {
    for (const char* key : {"character", "scale", "effects", "deliberate", "sustained"}) {
      if (table.get(key) == nullptr) continue;
      state.Error(state.At(*table.get(key)), fmt::format("a stationing incident has no '{}'", key),
                  "stationing is forces of 'by' placed in 'against' (the host), not an attack; remove it");
    }
  }
  if (!incident.by.empty() && incident.by == incident.against) {
    state.Error(state.At(*table.get("against")), fmt::format("{} attacks itself", incident.by), "check by and against");
  }
  if (!at || !kind) {
    return;
  }
  incident.at = *at;
  incident.kind = *kind;
  for (const auto& other : timeline.incidents) {
    if (!incident.id.empty() && other.id == incident.id) {  // a missing id is reported already
      state.Error(state.At(table, "id"), fmt::format("duplicate incident id '{}'", incident.id),
                  fmt::format("the first is at line {}", other.position.line));
      return;
    }
  }
  if (!timeline.incidents.empty() && incident.at < timeline.incidents.back().at) {
    state.Error(state.At(*table.get("at")),
                fmt::format("incident '{}' at {} is earlier than the incident before it ('{}' at {})", incident.id,
                            FormatTime(incident.at), timeline.incidents.back().id, FormatTime(timeline.incidents.back().at)),
                "list [[incident]] entries in time order");
    return;
  }
  timeline.incidents.push_back(std::move(incident));
}

void ReadRecord(const toml::table& table, size_t index, Timeline& timeline, const LoadState& state) {
  Record record;
  record.position = state.At(table);
  TableReader reader(table, fmt::format("[[record]] #{}", index + 1), state);
  record.incident = reader.String("incident", true, "incident = \"…\"").value_or("");
  record.instrument = reader.String("instrument", true, "instrument = \"nato-1949\"").value_or("");
  record.clause = reader.String("clause", true, "clause = \"art5\"").value_or("");
  auto outcome = reader.Enum<RecordOutcome>("outcome", true, "record outcome");
  record.text = reader.String("text", true, "text = \"what happened\"").value_or("");
  record.sources = Written(reader.StringArray("sources", true, "sources = [\"…\"]"));
  reader.RejectUnknownFields();
  if (outcome) record.outcome = *outcome;
  timeline.records.push_back(std::move(record));
}

// Requests, invocations, determinations, approvals and records must name an incident of the timeline.
void CheckIncidentNames(const Timeline& timeline, const LoadState& state) {
  std::vector<std::string> ids;
  for (const auto& incident : timeline.incidents) ids.push_back(incident.id);
  auto check = [&](const std::string& id, const SourcePosition& position, std::string_view what) {
    if (id.empty() || std::find(ids.begin(), ids.end(), id) != ids.end()) return;
    state.Error(position, fmt::format("the {} names incident '{}', which the timeline does not have", what, id),
                ids.empty() ? std::string("add the [[incident]]") : SuggestionHint(id, ids));
  };
  for (const auto& status : timeline.statuses) check(status.incident, status.position, ToString(status.kind));
  for (const auto& record : timeline.records) check(record.incident, record.position, "record");
}

}  // namespace

std::optional<Timeline> LoadTimelineText(std::string_view text, std::string_view file_name, const PartyTable& parties,
                                         Diagnostics& diagnostics) {
  const size_t errors_before = diagnostics.ErrorCount();
  LoadState state{std::string(file_name), diagnostics, parties};
  auto parsed = ParseTomlText(text, state, "a timeline", "docs/timeline-format.md");
  if (!parsed) {
    return std::nullopt;
  }
  const toml::table& root = *parsed;
  Timeline timeline;
  timeline.file = std::string(file_name);
  TableReader top(root, "the file", state);
  if (const toml::table* header = SubTable(top, "timeline", "[timeline]", state)) {
    TableReader reader(*header, "[timeline]", state);
    timeline.id = reader.String("id", true, "id = \"renewed-attack-2027\"").value_or("");
    if (!timeline.id.empty()) CheckId(timeline.id, state.At(*header, "id"), state, "timeline");
    timeline.title = reader.String("title", false, "title = \"…\"").value_or("");
    timeline.sources = Written(reader.StringArray("sources", false, "sources = [\"https://…\"]"));
    timeline.notes = reader.String("notes", false, "notes = \"…\"").value_or("");
    if (const toml::table* accumulation =
            SubTable(reader, "accumulation", "accumulation = { window = \"P30D\", count = 3 }", state)) {
      TableReader inner(*accumulation, "'accumulation' of [timeline]", state);
      auto window = inner.DurationField("window", true, {}, "window = \"P30D\"");
      std::optional<int64_t> count;
      if (const toml::node* node = inner.Get("count"); node == nullptr) {
        inner.Missing("count", "count = 3");
      } else if (!node->is_integer()) {
        inner.WrongType("count", *node, "an integer", "count = 3");
      } else {
        count = node->as_integer()->get();
      }
      inner.RejectUnknownFields();
      if (count && *count < 2) {
        state.Error(state.At(*accumulation->get("count")), fmt::format("an accumulation of {} incident is no accumulation", *count),
                    "count = 2 or more: how many deliberate incidents within the window count as one significant attack");
      } else if (window && count) {
        timeline.accumulation = Accumulation{std::get<IsoDuration>(*window), static_cast<int>(*count)};
      }
    }
    reader.RejectUnknownFields();
  } else if (root.get("timeline") == nullptr) {
    top.Missing("timeline", "a [timeline] table with its id", "missing [timeline] table");
  }
  ForEachTable(top.Get("status"), "status", state,
               [&](const toml::table& table, size_t index) { ReadStatus(table, index, timeline, state); });
  const toml::node* incidents = top.Get("incident");
  if (incidents == nullptr) {
    top.Missing("incident", "an [[incident]] with its id, at, kind, by, against and where", "the timeline has no [[incident]]");
  }
  ForEachTable(incidents, "incident", state,
               [&](const toml::table& table, size_t index) { ReadIncident(table, index, timeline, state); });
  ForEachTable(top.Get("record"), "record", state,
               [&](const toml::table& table, size_t index) { ReadRecord(table, index, timeline, state); });
  top.RejectUnknownFields();
  CheckIncidentNames(timeline, state);
  if (diagnostics.ErrorCount() > errors_before) {
    return std::nullopt;
  }
  return timeline;
}

std::optional<Timeline> LoadTimelineFile(const std::filesystem::path& path, const PartyTable& parties,
                                         Diagnostics& diagnostics) {
  std::string text;
  if (!ReadTextFile(path, text, diagnostics)) {
    return std::nullopt;
  }
  return LoadTimelineText(text, path.string(), parties, diagnostics);
}

}  // namespace casus
