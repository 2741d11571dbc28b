#include "casus/report/csv.hpp"

#include <cstdio>
#include <fstream>
#include <map>
#include <stdexcept>

#include <fmt/format.h>

namespace casus {

using nlohmann::json;
using Ordered = nlohmann::ordered_json;  // rows keep the order their fields were added in

namespace {

template <typename Json>
std::string Scalar(const Json& value) {
  if (value.is_null()) return "";
  if (value.is_string()) return value.template get<std::string>();
  if (value.is_boolean()) return value.template get<bool>() ? "true" : "false";
  if (value.is_number_integer() || value.is_number_unsigned()) return value.dump();
  if (value.is_number_float()) return fmt::format("{}", value.template get<double>());  // shortest round-trip form
  throw std::logic_error("CSV: not a scalar");
}

template <typename Json>
void Flatten(const Json& value, const std::string& prefix, std::vector<std::pair<std::string, std::string>>& cells) {
  if (value.is_object()) {
    if (value.empty() && !prefix.empty()) cells.emplace_back(prefix, "");
    for (const auto& [key, item] : value.items()) Flatten(item, prefix.empty() ? key : prefix + "." + key, cells);
  } else if (value.is_array()) {
    std::string joined;
    for (const auto& item : value) {
      if (!joined.empty()) joined += "; ";
      if (item.is_structured()) {  // a list of objects (e.g. an owed-once clause's needs): "key: value, …" per item, no JSON
        std::vector<std::pair<std::string, std::string>> inner;
        Flatten(item, "", inner);
        std::string text;
        for (const auto& [key, cell] : inner) text += (text.empty() ? "" : ", ") + key + ": " + cell;
        joined += text;
      } else {
        joined += Scalar(item);
      }
    }
    cells.emplace_back(prefix, joined);
  } else {
    cells.emplace_back(prefix, Scalar(value));
  }
}

std::string Row(const std::vector<std::string>& fields) {
  std::string line;
  for (size_t field_idx = 0; field_idx < fields.size(); ++field_idx) {
    if (field_idx > 0) line += ',';
    line += CsvField(fields[field_idx]);
  }
  return line + "\r\n";
}

}  // namespace

std::string CsvField(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (const char character : text) {
    if (character == '"') quoted += '"';
    quoted += character;
  }
  return quoted + "\"";
}

std::string RowsToCsv(const Ordered& rows) {
  std::vector<std::string> columns;
  std::map<std::string, size_t> column_index;
  std::vector<std::vector<std::pair<std::string, std::string>>> flattened;
  for (const auto& row : rows) {
    std::vector<std::pair<std::string, std::string>> cells;
    Flatten(row, "", cells);
    for (const auto& [column, text] : cells) {
      if (column_index.emplace(column, columns.size()).second) columns.push_back(column);
    }
    flattened.push_back(std::move(cells));
  }
  std::string csv = Row(columns);
  for (const auto& cells : flattened) {
    std::vector<std::string> fields(columns.size());
    for (const auto& [column, text] : cells) fields[column_index.at(column)] = text;
    csv += Row(fields);
  }
  return csv;
}

std::string RowsToCsv(const json& rows) { return RowsToCsv(Ordered::parse(rows.dump())); }

std::string CompareCsv(const json& compare_document) {
  Ordered rows = Ordered::array();
  for (const auto& instrument : compare_document.at("instruments")) {  // id and title first: what a reader looks for
    Ordered row = {{"id", instrument.at("id")}, {"title", instrument.at("title")}};
    for (const auto& [key, value] : instrument.items()) {
      if (key != "id" && key != "title") row[key] = Ordered::parse(value.dump());
    }
    rows.push_back(row);
  }
  return RowsToCsv(rows);
}

std::string NegotiationCsv(const json& document) {
  const auto& dimensions = document.at("dimensions");
  const auto& history = document.at("history");
  const auto& clusters = document.at("forecast").at("clusters");
  Ordered rows = Ordered::array();
  for (size_t actor_idx = 0; actor_idx < document.at("actors").size(); ++actor_idx) {
    Ordered row = {{"scenario", document.at("scenario")}, {"actor", document.at("actors")[actor_idx]}, {"turns", document.at("turns")}};
    for (size_t dimension_idx = 0; dimension_idx < dimensions.size(); ++dimension_idx) {
      const std::string name = dimensions[dimension_idx].get<std::string>();
      row["initial." + name] = history.front().at("positions")[actor_idx][dimension_idx];
      row["final." + name] = history.back().at("positions")[actor_idx][dimension_idx];
    }
    row["final_probability"] = history.back().at("probabilities")[actor_idx];
    Ordered cluster = nullptr;
    for (size_t cluster_idx = 0; cluster_idx < clusters.size(); ++cluster_idx) {
      for (const auto& member : clusters[cluster_idx].at("actors")) {
        if (member.get<size_t>() == actor_idx) cluster = cluster_idx + 1;
      }
    }
    row["cluster"] = cluster;
    rows.push_back(row);
  }
  return RowsToCsv(rows);
}

std::string AdjudicationCsv(const json& document) {
  Ordered rows = Ordered::array();
  for (const auto& incident : document.at("incidents")) {
    for (const auto& instrument : incident.at("instruments")) {
      for (const auto& clause : instrument.at("clauses")) {
        Ordered row = {{"timeline", document.at("timeline")}, {"as_if_in_force", document.at("as_if_in_force")}};
        for (const auto& [key, value] : incident.items()) {
          if (key != "instruments") row["incident." + key] = Ordered::parse(value.dump());
        }
        for (const auto& [key, value] : instrument.items()) {
          if (key != "clauses") row["instrument." + key] = Ordered::parse(value.dump());
        }
        for (const auto& [key, value] : clause.items()) {
          if (key == "duties") {  // a list of objects: parallel columns, one entry per duty
            json parties = json::array();
            json duties = json::array();
            json deadlines = json::array();
            json means = json::array();
            for (const auto& duty : value) {
              parties.push_back(duty.value("party", ""));
              duties.push_back(duty.value("duty", ""));
              deadlines.push_back(duty.contains("deadline") && !duty["deadline"].is_null() ? Scalar(duty["deadline"]) : "none");
              std::string joined;
              for (const auto& item : duty.value("means", json::array())) joined += (joined.empty() ? "" : " + ") + Scalar(item);
              means.push_back(joined);
            }
            row["duties.party"] = Ordered::parse(parties.dump());
            row["duties.duty"] = Ordered::parse(duties.dump());
            row["duties.deadline"] = Ordered::parse(deadlines.dump());
            row["duties.means"] = Ordered::parse(means.dump());
          } else {
            row["clause." + key] = Ordered::parse(value.dump());
          }
        }
        rows.push_back(row);
      }
    }
  }
  return RowsToCsv(rows);
}

std::string SimulationCsv(const json& document) {
  Ordered rows = Ordered::array();
  for (const auto& design : document.at("designs")) {
    Ordered row = {{"scenario", document.at("scenario")}, {"seed", document.at("seed")}, {"draws", document.at("draws")}};
    for (const auto& [key, value] : design.items()) row[key] = Ordered::parse(value.dump());
    rows.push_back(row);
  }
  return RowsToCsv(rows);
}

bool WriteCsv(const std::string& path, const std::string& csv) {
  if (path == "-") {
    return std::fwrite(csv.data(), 1, csv.size(), stdout) == csv.size();
  }
  std::ofstream stream(path, std::ios::binary | std::ios::trunc);
  stream << csv;
  stream.close();
  return static_cast<bool>(stream);
}

}  // namespace casus
