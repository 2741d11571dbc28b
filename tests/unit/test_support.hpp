// Helpers for unit tests: the shipped party table, and loading instruments from TOML text.
#pragma once

#include <string>

#include <gtest/gtest.h>

#include "casus/core/party_table.hpp"
#include "casus/spec/load_instrument.hpp"

namespace casus::testing {

inline const PartyTable& Parties() {
  static const PartyTable table = PartyTable::Load(std::filesystem::path(CASUS_TEST_HOME) / "data");
  return table;
}

//! Loads TOML text that must be valid; fails the test (with the diagnostics) otherwise.
inline Instrument LoadOk(const std::string& text) {
  Diagnostics diagnostics;
  auto instrument = LoadInstrumentText(text, "test.toml", Parties(), diagnostics);
  std::string report;
  for (const auto& diagnostic : diagnostics.All()) report += FormatDiagnostic(diagnostic) + "\n";
  EXPECT_TRUE(instrument.has_value()) << report;
  return instrument ? *instrument : Instrument{};
}

//! Loads TOML text that must be rejected; returns the diagnostics.
inline std::vector<Diagnostic> LoadBad(const std::string& text) {
  Diagnostics diagnostics;
  auto instrument = LoadInstrumentText(text, "test.toml", Parties(), diagnostics);
  EXPECT_FALSE(instrument.has_value());
  return diagnostics.All();
}

//! A one-way guarantee: USA and GBR guarantee UKR; `clauses` are appended as they are.
inline std::string Guarantee(const std::string& clauses, const std::string& instrument_extra = "",
                             const std::string& parties_extra = "") {
  return "[instrument]\nid = \"test\"\ntitle = \"Test guarantee\"\nform = \"treaty\"\nbinding = \"legal\"\n"
         "status = \"in-force\"\nduration = \"indefinite\"\nsources = [\"https://example.org\"]\n" +
         instrument_extra + "\n[parties]\nguarantors = [\"USA\", \"GBR\"]\nbeneficiaries = [\"UKR\"]\n" + parties_extra +
         "\n" + clauses;
}

//! A response clause: an armed attack on UKR obliges the guarantors to assist forthwith.
inline std::string AssistClause(const std::string& trigger_extra = "", const std::string& duty_extra = "",
                                const std::string& clause_extra = "") {
  return "[[clause]]\nid = \"assist\"\ncite = \"Art. 1\"\ntext = \"The guarantors shall assist.\"\n"
         "kind = \"collective-defence\"\ntrigger = { events = [\"armed-attack\"], threshold = \"any\"" + trigger_extra +
         " }\nduty = { strength = \"assist\", deadline = \"forthwith\"" + duty_extra + " }\n" + clause_extra + "\n";
}

}  // namespace casus::testing
