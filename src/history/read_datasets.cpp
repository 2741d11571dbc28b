// The readers of datasets.hpp: one function per file format, each binding columns by name.
#include "casus/history/datasets.hpp"

#include <fmt/format.h>

#include "typed_csv.hpp"

namespace casus {

void ReadAtopAlliances(const std::filesystem::path& file, const std::function<void(const AtopAlliance&)>& on_row) {
  TypedCsv csv(file, {"atopid", "begyr", "begmo", "begday", "endyr", "endmo", "endday", "ineffect", "estmode", "speclgth",
                      "length", "renounce", "proren", "defense", "offense", "neutral", "nonagg", "consul", "conditio",
                      "defcon", "asymm", "specthrt", "statthr1", "statthr2", "milcon", "milaid", "intcom", "base", "mem1"});
  while (csv.Next()) {
    AtopAlliance row;
    row.atopid = csv.RequiredInt("atopid");
    row.begin = csv.Date("begyr", "begmo", "begday");
    row.end = csv.Date("endyr", "endmo", "endday");
    row.in_effect = csv.Flag("ineffect");
    row.estmode = csv.Int("estmode");
    row.speclgth = csv.Int("speclgth");
    row.length_months = csv.Int("length");
    row.renounce = csv.Int("renounce");
    row.proren = csv.Int("proren");
    row.defense = csv.Flag("defense");
    row.offense = csv.Flag("offense");
    row.neutral = csv.Flag("neutral");
    row.nonagg = csv.Flag("nonagg");
    row.consul = csv.Flag("consul");
    row.conditio = csv.Int("conditio");
    row.defcon = csv.Int("defcon");
    row.asymm = csv.Int("asymm");
    row.specthrt = csv.Int("specthrt");
    row.statthr1 = csv.Int("statthr1");
    row.statthr2 = csv.Int("statthr2");
    row.milcon = csv.Int("milcon");
    row.milaid = csv.Int("milaid");
    row.intcom = csv.Int("intcom");
    row.base = csv.Int("base");
    for (int member_idx = 1; member_idx <= 59; ++member_idx) {
      const std::string column = fmt::format("mem{}", member_idx);
      if (!csv.Has(column)) break;
      if (const auto member = csv.Int(column)) row.members.push_back(*member);
    }
    if (row.members.empty()) csv.Fail(fmt::format("alliance {} has no members", row.atopid));
    on_row(row);
  }
}

void ReadAtopMembers(const std::filesystem::path& file, const std::function<void(const AtopMember&)>& on_row) {
  TypedCsv csv(file, {"atopid", "member", "yrent", "moent", "dayent", "yrexit", "moexit", "dayexit", "defense", "offense",
                      "neutral", "nonagg", "consul"});
  const auto atopid = csv.Bind("atopid"), member = csv.Bind("member"), yrent = csv.Bind("yrent"), moent = csv.Bind("moent"),
             dayent = csv.Bind("dayent"), yrexit = csv.Bind("yrexit"), moexit = csv.Bind("moexit"), dayexit = csv.Bind("dayexit"),
             defense = csv.Bind("defense"), offense = csv.Bind("offense"), neutral = csv.Bind("neutral"), nonagg = csv.Bind("nonagg"),
             consul = csv.Bind("consul");
  while (csv.Next()) {
    AtopMember row;
    row.atopid = csv.RequiredInt(atopid);
    row.member = csv.RequiredInt(member);
    row.entry = csv.Date(yrent, moent, dayent);
    row.exit = csv.Date(yrexit, moexit, dayexit);
    row.defense = csv.Flag(defense);
    row.offense = csv.Flag(offense);
    row.neutral = csv.Flag(neutral);
    row.nonagg = csv.Flag(nonagg);
    row.consul = csv.Flag(consul);
    on_row(row);
  }
}

void ReadCowStates(const std::filesystem::path& file, const std::function<void(const CowState&)>& on_row) {
  TypedCsv csv(file, {"stateabb", "ccode", "statenme", "styear", "stmonth", "stday", "endyear", "endmonth", "endday"});
  while (csv.Next()) {
    on_row(CowState{csv.Text("stateabb"), csv.RequiredInt("ccode"), csv.Text("statenme"),
                    csv.Date("styear", "stmonth", "stday"), csv.Date("endyear", "endmonth", "endday")});
  }
}

void ReadCowSystem(const std::filesystem::path& file, const std::function<void(const CowSystemYear&)>& on_row) {
  TypedCsv csv(file, {"stateabb", "ccode", "year"});
  while (csv.Next()) on_row(CowSystemYear{csv.Text("stateabb"), csv.RequiredInt("ccode"), csv.RequiredInt("year")});
}

void ReadCowMajors(const std::filesystem::path& file, const std::function<void(const CowMajor&)>& on_row) {
  TypedCsv csv(file, {"stateabb", "ccode", "styear", "stmonth", "stday", "endyear", "endmonth", "endday"});
  while (csv.Next()) {
    on_row(CowMajor{csv.Text("stateabb"), csv.RequiredInt("ccode"), csv.Date("styear", "stmonth", "stday"),
                    csv.Date("endyear", "endmonth", "endday")});
  }
}

void ReadCowAlliances(const std::filesystem::path& file, const std::function<void(const CowAllianceMember&)>& on_row) {
  TypedCsv csv(file, {"version4id", "ccode", "state_name", "all_st_year", "all_end_year", "ss_type", "mem_st_year",
                      "mem_end_year", "defense", "neutrality", "nonaggression", "entente"});
  while (csv.Next()) {
    CowAllianceMember row;
    row.alliance_id = csv.RequiredInt("version4id");
    row.ccode = csv.RequiredInt("ccode");
    row.state_name = csv.Text("state_name");
    row.alliance_start = csv.Date("all_st_year", "all_st_month", "all_st_day");
    row.alliance_end = csv.Date("all_end_year", "all_end_month", "all_end_day");
    row.member_start = csv.Date("mem_st_year", "mem_st_month", "mem_st_day");
    row.member_end = csv.Date("mem_end_year", "mem_end_month", "mem_end_day");
    row.type = csv.Text("ss_type");
    row.defense = csv.Flag("defense");
    row.neutrality = csv.Flag("neutrality");
    row.nonaggression = csv.Flag("nonaggression");
    row.entente = csv.Flag("entente");
    on_row(row);
  }
}

void ReadCowWars(const std::filesystem::path& file, const std::function<void(const CowWarParticipant&)>& on_row) {
  TypedCsv csv(file, {"WarNum", "WarName", "ccode", "StateName", "Side", "StartYear1", "EndYear1", "Initiator", "Outcome",
                      "BatDeath"});
  const auto war = csv.Bind("WarNum"), war_name = csv.Bind("WarName"), ccode = csv.Bind("ccode"), state_name = csv.Bind("StateName"),
             side = csv.Bind("Side"), start_year = csv.Bind("StartYear1"), end_year = csv.Bind("EndYear1"),
             initiator = csv.Bind("Initiator"), outcome = csv.Bind("Outcome"), battle_deaths = csv.Bind("BatDeath");
  while (csv.Next()) {
    CowWarParticipant row;
    row.war = csv.RequiredInt(war);
    row.war_name = csv.Text(war_name);
    row.ccode = csv.RequiredInt(ccode);
    row.state_name = csv.Text(state_name);
    row.side = csv.RequiredInt(side);
    row.start_year = csv.Int(start_year);
    row.end_year = csv.Int(end_year);
    row.initiator = csv.Flag(initiator);
    row.outcome = csv.Int(outcome);
    row.battle_deaths = csv.Int(battle_deaths);
    on_row(row);
  }
}

void ReadMidDisputes(const std::filesystem::path& file, const std::function<void(const MidDispute&)>& on_row) {
  TypedCsv csv(file, {"dispnum", "styear", "endyear", "outcome", "fatality", "hiact", "hostlev", "numa", "numb"});
  while (csv.Next()) {
    MidDispute row;
    row.dispute = csv.RequiredInt("dispnum");
    row.start = csv.Date("styear", "stmon", "stday");
    row.end = csv.Date("endyear", "endmon", "endday");
    row.outcome = csv.Int("outcome");
    row.fatality = csv.Int("fatality");
    row.hiact = csv.Int("hiact");
    row.hostlev = csv.Int("hostlev");
    row.numa = csv.Int("numa");
    row.numb = csv.Int("numb");
    on_row(row);
  }
}

void ReadMidParticipants(const std::filesystem::path& file, const std::function<void(const MidParticipant&)>& on_row) {
  TypedCsv csv(file, {"dispnum", "stabb", "ccode", "styear", "endyear", "sidea", "revstate", "fatality", "hiact", "hostlev", "orig"});
  while (csv.Next()) {
    MidParticipant row;
    row.dispute = csv.RequiredInt("dispnum");
    row.abbr = csv.Text("stabb");
    row.ccode = csv.RequiredInt("ccode");
    row.start = csv.Date("styear", "stmon", "stday");
    row.end = csv.Date("endyear", "endmon", "endday");
    row.side_a = csv.Flag("sidea");
    row.revstate = csv.Int("revstate");
    row.fatality = csv.Int("fatality");
    row.hiact = csv.Int("hiact");
    row.hostlev = csv.Int("hostlev");
    row.originator = csv.Flag("orig");
    on_row(row);
  }
}

void ReadNmc(const std::filesystem::path& file, const std::function<void(const NmcRecord&)>& on_row) {
  TypedCsv csv(file, {"ccode", "year", "milex", "milper", "irst", "pec", "tpop", "upop", "cinc"});
  const auto ccode = csv.Bind("ccode"), year = csv.Bind("year"), milex = csv.Bind("milex"), milper = csv.Bind("milper"),
             irst = csv.Bind("irst"), pec = csv.Bind("pec"), tpop = csv.Bind("tpop"), upop = csv.Bind("upop"), cinc = csv.Bind("cinc");
  while (csv.Next()) {
    on_row(NmcRecord{csv.RequiredInt(ccode), csv.RequiredInt(year), csv.Double(milex), csv.Double(milper), csv.Double(irst),
                     csv.Double(pec), csv.Double(tpop), csv.Double(upop), csv.Double(cinc)});
  }
}

NmcLatest ReadNmcLatest(const std::filesystem::path& file) {
  NmcLatest latest;
  size_t row_idx = 0;
  ReadNmc(file, [&](const NmcRecord& row) {
    if (row.cinc) {
      NmcLatest::Cinc& cinc = latest.latest_cinc[row.ccode];
      if (cinc.row == 0 || row.year >= cinc.year) cinc = NmcLatest::Cinc{row.year, *row.cinc, row_idx + 1};
    }
    ++row_idx;
    if (row.year < latest.latest_year) return;
    if (row.year > latest.latest_year) latest.latest_year_records.clear();
    latest.latest_year_records.push_back(row);
    latest.latest_year = row.year;
  });
  return latest;
}

void ReadReliability(const std::filesystem::path& file, const std::function<void(const ReliabilityCase&)>& on_row) {
  TypedCsv csv(file, {"sample", "warid", "atopid", "cowwarid", "warname", "cowid", "multilateral", "sabhon", "sabvio",
                      "honorBF", "violateBF", "honorLLM", "violateLLM", "defense", "offense", "neutral", "nonagg", "consul"});
  const auto sample_column = csv.Bind("sample"), warid = csv.Bind("warid"), atopid = csv.Bind("atopid"),
             cowwarid = csv.Bind("cowwarid"), warname = csv.Bind("warname"), cowid = csv.Bind("cowid"),
             multilateral = csv.Bind("multilateral"), honor_bf = csv.Bind("honorBF"), violate_bf = csv.Bind("violateBF"),
             honor_llm = csv.Bind("honorLLM"), violate_llm = csv.Bind("violateLLM"), sabhon = csv.Bind("sabhon"),
             sabvio = csv.Bind("sabvio"), defense = csv.Bind("defense"), offense = csv.Bind("offense"), neutral = csv.Bind("neutral"),
             nonagg = csv.Bind("nonagg"), consul = csv.Bind("consul");
  auto coding = [&csv](const TypedCsv::Column& honour, const TypedCsv::Column& violate) -> std::optional<bool> {
    const bool honoured = csv.Flag(honour);
    const bool violated = csv.Flag(violate);
    if (honoured && violated) csv.Fail(fmt::format("both '{}' and '{}' are 1", honour.name, violate.name));
    if (!honoured && !violated) return std::nullopt;
    return honoured;
  };
  while (csv.Next()) {
    ReliabilityCase row;
    const long sample = csv.RequiredInt(sample_column);
    if (sample != 0 && sample != 1) csv.Fail(fmt::format("column 'sample' must be 0 or 1, not {}", sample));
    row.early_sample = sample == 1;
    row.war = csv.RequiredInt(warid);
    row.atopid = csv.RequiredInt(atopid);
    row.cow_war = csv.Int(cowwarid);
    row.war_name = csv.Text(warname);
    row.ccode = csv.Int(cowid);
    row.multilateral = csv.Flag(multilateral);
    row.honoured_bf = coding(honor_bf, violate_bf);
    row.honoured_llm = coding(honor_llm, violate_llm);
    row.honoured_sabrosky = coding(sabhon, sabvio);
    row.defense = csv.Flag(defense);
    row.offense = csv.Flag(offense);
    row.neutral = csv.Flag(neutral);
    row.nonagg = csv.Flag(nonagg);
    row.consul = csv.Flag(consul);
    on_row(row);
  }
}

}  // namespace casus
