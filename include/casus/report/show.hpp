// One instrument → text for reading: header, parties, then clause by clause the verbatim words
// and what casus understood from them, with the lint findings under the clause they concern.
#pragma once

#include <string>
#include <vector>

#include "casus/core/party_table.hpp"
#include "casus/lint/finding.hpp"
#include "casus/spec/instrument.hpp"

namespace casus {

//! Text rendering, lines wrapped at `width` columns.
std::string RenderInstrument(const Instrument& instrument, const std::vector<Finding>& findings,
                             const PartyTable& parties, size_t width = 96);

}  // namespace casus
