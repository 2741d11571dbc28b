// The readers of backtest_data.hpp, each binding columns by name (typed_csv.hpp).
#include <charconv>

#include <fmt/format.h>

#include "casus/history/backtest_data.hpp"
#include "typed_csv.hpp"

namespace casus {

namespace {
// A score in [−10, 10] read as written: unlike other columns, −7, −8 and −9 are real polity2
// scores, not missing codes (only an empty cell or NA is missing).
OptionalDouble PolityScore(const TypedCsv& csv, const std::string& column) {
  const std::string text = csv.Text(column);
  if (text.empty() || text == "NA") return std::nullopt;
  double value = 0.0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) csv.Fail(fmt::format("column '{}': '{}' is not a number", column, text));
  if (value < -10.0 || value > 10.0) csv.Fail(fmt::format("column '{}' must be in [−10, 10], not {}", column, text));
  return value;
}
}  // namespace

void ReadContiguity(const std::filesystem::path& file, const std::function<void(const ContiguityRecord&)>& on_row) {
  TypedCsv csv(file, {"state1no", "state2no", "year", "conttype"});
  while (csv.Next()) {
    ContiguityRecord row{csv.RequiredInt("state1no"), csv.RequiredInt("state2no"), csv.RequiredInt("year"), csv.RequiredInt("conttype")};
    if (row.type < 1 || row.type > 5) csv.Fail(fmt::format("column 'conttype' must be 1 to 5, not {}", row.type));
    on_row(row);
  }
}

void ReadCapitals(const std::filesystem::path& file, const std::function<void(const CapitalRecord&)>& on_row) {
  TypedCsv csv(file, {"ccode", "capital", "stdate", "enddate", "lat", "lng"});
  auto year_of = [&csv](const std::string& column) {
    const std::string text = csv.Text(column);
    long year = 0;
    if (text.size() < 4 || std::sscanf(text.c_str(), "%ld-", &year) != 1) {
      csv.Fail(fmt::format("column '{}': '{}' is not a date YYYY-MM-DD", column, text));
    }
    return year;
  };
  while (csv.Next()) {
    CapitalRecord row;
    row.ccode = csv.RequiredInt("ccode");
    row.capital = csv.Text("capital");
    row.start_year = year_of("stdate");
    row.end_year = year_of("enddate");
    const auto lat = csv.Double("lat");
    const auto lng = csv.Double("lng");
    if (!lat || !lng || std::abs(*lat) > 90.0 || std::abs(*lng) > 180.0) csv.Fail("a capital needs a latitude in [−90, 90] and a longitude in [−180, 180]");
    row.lat = *lat;
    row.lng = *lng;
    on_row(row);
  }
}

void ReadPolity5(const std::filesystem::path& file, const std::function<void(const PolityRecord&)>& on_row) {
  TypedCsv csv(file, {"ccode", "year", "polity2"});
  while (csv.Next()) {
    on_row(PolityRecord{csv.RequiredInt("ccode"), csv.RequiredInt("year"), PolityScore(csv, "polity2")});
  }
}

void ReadDemocracy(const std::filesystem::path& file, const std::function<void(const DemocracyRecord&)>& on_row) {
  TypedCsv csv(file, {"ccode", "year", "v2x_polyarchy", "polity2", "xm_qudsest"});
  while (csv.Next()) {
    on_row(DemocracyRecord{csv.RequiredInt("ccode"), csv.RequiredInt("year"), csv.Double("v2x_polyarchy"), PolityScore(csv, "polity2"),
                           csv.Double("xm_qudsest")});
  }
}

void ReadAtopMemberTerms(const std::filesystem::path& file, const std::function<void(const AtopMemberTerms&)>& on_row) {
  TypedCsv csv(file, {"atopid", "member", "yrent", "yrexit", "defense", "offense", "neutral", "nonagg", "consul", "defcoadv",
                      "defcoloc", "defcocon", "defconum", "defcodem", "defconpr", "offcoadv", "offcocon", "neucoadv", "neucocon",
                      "specthrt", "statthr1", "statthr2", "speclgth", "length", "renounce"});
  while (csv.Next()) {
    AtopMemberTerms row;
    row.atopid = csv.RequiredInt("atopid");
    row.member = csv.RequiredInt("member");
    row.entry_year = csv.RequiredInt("yrent");
    row.exit_year = csv.RequiredInt("yrexit");
    row.defense = csv.Flag("defense");
    row.offense = csv.Flag("offense");
    row.neutral = csv.Flag("neutral");
    row.nonagg = csv.Flag("nonagg");
    row.consul = csv.Flag("consul");
    row.def_adversary = csv.Flag("defcoadv");
    row.def_location = csv.Flag("defcoloc");
    row.def_conflict = csv.Flag("defcocon");
    row.def_number = csv.Flag("defconum");
    row.def_demands = csv.Flag("defcodem");
    row.def_not_provoked = csv.Flag("defconpr");
    row.off_adversary = csv.Flag("offcoadv");
    row.off_conflict = csv.Flag("offcocon");
    row.neu_adversary = csv.Flag("neucoadv");
    row.neu_conflict = csv.Flag("neucocon");
    row.specthrt = csv.Int("specthrt");
    row.statthr1 = csv.Int("statthr1");
    row.statthr2 = csv.Int("statthr2");
    row.speclgth = csv.Int("speclgth");
    row.length_months = csv.Int("length");
    row.renounce = csv.Int("renounce");
    if (row.exit_year != 0 && row.exit_year < row.entry_year) {
      csv.Fail(fmt::format("member {} of alliance {} exits ({}) before it enters ({})", row.member, row.atopid, row.exit_year, row.entry_year));
    }
    on_row(row);
  }
}

void ReadBenson(const std::filesystem::path& file, const std::function<void(const BensonPhase&)>& on_row) {
  TypedCsv csv(file, {"atopidphase", "begyr", "endyr", "mem1", "uncond_comp", "cond_comp", "uncond_det", "cond_det",
                      "pure_cond_det", "prob_det"});
  while (csv.Next()) {
    BensonPhase row;
    row.atopidphase = csv.Text("atopidphase");
    if (row.atopidphase.empty()) csv.Fail("column 'atopidphase' is empty");
    row.begin_year = csv.RequiredInt("begyr");
    row.end_year = csv.RequiredInt("endyr");
    for (int member_idx = 1; member_idx <= 59; ++member_idx) {
      const std::string column = fmt::format("mem{}", member_idx);
      if (!csv.Has(column)) break;
      if (const auto member = csv.Int(column)) row.members.push_back(*member);
    }
    if (row.members.size() < 2) csv.Fail(fmt::format("alliance phase {} has fewer than two members", row.atopidphase));
    row.uncond_comp = csv.Flag("uncond_comp");
    row.cond_comp = csv.Flag("cond_comp");
    row.uncond_det = csv.Flag("uncond_det");
    row.cond_det = csv.Flag("cond_det");
    row.pure_cond_det = csv.Flag("pure_cond_det");
    row.prob_det = csv.Flag("prob_det");
    on_row(row);
  }
}

}  // namespace casus
