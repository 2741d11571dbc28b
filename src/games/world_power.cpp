#include "casus/games/world_power.hpp"

#include <cmath>
#include <numbers>

#include <fmt/format.h>

#include "../history/typed_csv.hpp"

namespace casus {

bool WorldPower::Nuclear(const std::string& party, long year) const {
  const auto found = nuclear.find(party);
  if (found == nuclear.end()) return false;
  return found->second.acquired <= year && (found->second.relinquished == 0 || year <= found->second.relinquished);
}

WorldPower ReadWorldPower(const std::filesystem::path& data_dir, const PartyTable& parties, const NmcLatest* nmc) {
  WorldPower world;
  const NmcLatest read = nmc != nullptr ? NmcLatest{} : ReadNmcLatest(data_dir / "nmc" / "cow_nmc_v7.csv");
  const NmcLatest& latest = nmc != nullptr ? *nmc : read;
  world.nmc_year = latest.latest_year;
  const std::vector<NmcRecord>& rows = latest.latest_year_records;  // the latest year's, in file order
  double milex = 0.0, milper = 0.0, irst = 0.0, pec = 0.0;
  for (const NmcRecord& row : rows) {
    milex += row.milex.value_or(0.0);
    milper += row.milper.value_or(0.0);
    irst += row.irst.value_or(0.0);
    pec += row.pec.value_or(0.0);
  }
  auto share = [](double value, double total) { return total > 0.0 ? value / total : 0.0; };
  for (const NmcRecord& row : rows) {
    const PartyInfo* party = parties.Resolve(std::to_string(row.ccode));
    if (party == nullptr) continue;
    StatePower& power = world.states[party->id];
    power.military = (share(row.milex.value_or(0.0), milex) + share(row.milper.value_or(0.0), milper)) / 2.0;
    power.economic = (share(row.irst.value_or(0.0), irst) + share(row.pec.value_or(0.0), pec)) / 2.0;
    power.personnel = row.milper.value_or(0.0);
    power.cinc = row.cinc.value_or(0.0);
  }
  {
    TypedCsv csv(data_dir / "capitals" / "cow_capitals.csv", {"ccode", "stdate", "lat", "lng"});
    const auto ccode = csv.Bind("ccode"), stdate = csv.Bind("stdate"), lat_column = csv.Bind("lat"), lng_column = csv.Bind("lng");
    std::map<std::string, std::string> latest;  // party → start date of the capital kept
    while (csv.Next()) {
      const PartyInfo* party = parties.Resolve(std::to_string(csv.RequiredInt(ccode)));
      const auto lat = csv.Double(lat_column);
      const auto lng = csv.Double(lng_column);
      if (party == nullptr || !lat || !lng) continue;
      const std::string start = csv.Text(stdate);
      if (latest.count(party->id) && latest[party->id] > start) continue;
      latest[party->id] = start;
      world.states[party->id].capital = std::pair{*lat, *lng};
    }
  }
  {
    TypedCsv csv(data_dir / "nuclear" / "nuclear_states.csv", {"iso3", "ccode", "acquired", "relinquished", "basis", "source"});
    while (csv.Next()) {
      const PartyInfo* party = parties.Resolve(csv.Text("iso3"));
      if (party == nullptr) csv.Fail(fmt::format("unknown state '{}'", csv.Text("iso3")));
      world.nuclear[party->id] =
          NuclearState{csv.RequiredInt("acquired"), csv.Int("relinquished").value_or(0), csv.Text("basis"), csv.Text("source")};
    }
  }
  return world;
}

std::map<std::string, PartyPower> PowerForTheatre(const WorldPower& world, const PartyTable& parties, const std::string& theatre,
                                                  long year) {
  std::map<std::string, PartyPower> result;
  std::optional<std::pair<double, double>> target;
  if (const auto found = world.states.find(theatre); found != world.states.end()) target = found->second.capital;
  for (const auto& [id, state] : world.states) {
    PartyPower& power = result[id];
    power.military = state.military;
    power.economic = state.economic;
    power.personnel = state.personnel;
    power.nuclear = world.Nuclear(id, year);
    if (target && state.capital) power.distance_km = GreatCircleKm(state.capital->first, state.capital->second, target->first, target->second);
  }
  for (const std::string& code : parties.AllCodes()) {
    const PartyInfo* info = parties.Find(code);
    if (info == nullptr || info->kind != PartyKind::Organisation || result.count(info->id)) continue;
    PartyPower& power = result[info->id];
    power.organisation = true;
    for (const auto& member : info->members) {
      if (const auto found = world.states.find(member); found != world.states.end()) power.economic += found->second.economic;
    }
  }
  return result;
}

}  // namespace casus
