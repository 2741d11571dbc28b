// The commands' JSON documents → CSV a spreadsheet reads: one row per item (instrument, clause,
// design, actor), one column per field, nested objects as dotted columns (response_mix.diplomatic),
// lists of values joined with "; ", never JSON in a cell. UTF-8, RFC 4180 quoting, CRLF line ends.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace casus {

//! One field, quoted when it holds a comma, a quote, CR or LF (quotes doubled).
std::string CsvField(const std::string& text);

//! `rows` (an array of objects) as CSV: the columns are the flattened fields in order of first
//! appearance; a field a row lacks is an empty cell. Arrays of objects are refused (logic_error):
//! the caller flattens them into rows first.
std::string RowsToCsv(const nlohmann::ordered_json& rows);
std::string RowsToCsv(const nlohmann::json& rows);

//! `compare --json` → one row per instrument, id and title first.
std::string CompareCsv(const nlohmann::json& compare_document);
//! `adjudicate --json` → one row per incident × instrument × clause, with the incident's and the
//! instrument's fields repeated; duties as parallel "; "-joined columns.
std::string AdjudicationCsv(const nlohmann::json& adjudication_document);
//! `simulate --json` → one row per design, with the scenario's seed and draws on every row.
std::string SimulationCsv(const nlohmann::json& simulation_document);

//! `negotiate --json` → one row per actor: initial and final position on each dimension, the
//! final turn's probability, the forecast cluster (1-based) the actor ends in.
std::string NegotiationCsv(const nlohmann::json& negotiation_document);

//! Writes `csv` to `path` ("-": stdout). Returns false when it cannot be written.
bool WriteCsv(const std::string& path, const std::string& csv);

}  // namespace casus
