#include "casus/engine/load_timeline.hpp"

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
  status.notes = reader.String("notes", false, "notes = \"…\"").value_or("");
  reader.RejectUnknownFields();
  if (!at || !kind) {
    return;
  }
  status.at = *at;
  status.kind = *kind;
  const bool about_instrument = *kind == StatusKind::Accession || *kind == StatusKind::WithdrawalNotice ||
                                *kind == StatusKind::Termination;
  if (about_instrument && status.instrument.empty()) {
    state.Error(status.position, fmt::format("status '{}' needs the instrument it concerns", ToString(*kind)),
                "add instrument = \"nato-1949\" (an instrument given to adjudicate)");
    return;
  }
  if (!about_instrument && !status.instrument.empty()) {
    state.Error(state.At(*table.get("instrument")), fmt::format("status '{}' concerns parties, not an instrument", ToString(*kind)),
                "remove instrument");
    return;
  }
  if (*kind != StatusKind::Termination && parties.empty()) {
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
  incident.scale = reader.Enum<Scale>("scale", false, "scale");
  incident.deliberate = reader.Bool("deliberate");
  incident.sustained = reader.Bool("sustained");
  incident.notes = reader.String("notes", false, "notes = \"…\"").value_or("");
  reader.RejectUnknownFields();
  if (incident.scale && *incident.scale == Scale::Any) {
    state.Error(state.At(*table.get("scale")), "an incident's scale is 'limited', 'significant' or 'full-scale', not 'any'",
                "'any' is for thresholds; say how large the incident was");
  }
  if (where) {
    CheckPlaceCodes({{*where, state.At(*table.get("where"))}}, state, "where", false);
    incident.where = *where;
    const PartyInfo* place = where->find('-') != std::string::npos ? state.parties.SubdivisionCountry(*where)
                                                                   : state.parties.Resolve(*where);
    if (place != nullptr && !incident.against.empty() && place->id != incident.against) {
      state.Error(state.At(*table.get("where")), fmt::format("'{}' is not in {}, the attacked party", *where, incident.against),
                  fmt::format("give a place in {} (its code, or an ISO 3166-2 subdivision of it)", incident.against));
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
  top.RejectUnknownFields();
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
