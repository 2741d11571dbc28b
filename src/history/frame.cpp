// BuildFrame: state-year tables first (CINC, polity2, polyarchy, major power, capital), then the
// MID, contiguity and alliance lookups, then every ordered pair of system members year by year.
// Rules: docs/backtest.md, "The frame".
#include "casus/history/frame.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "casus/history/backtest_data.hpp"
#include "casus/history/datasets.hpp"
#include "casus/history/game_bridge.hpp"

namespace casus {

namespace {

constexpr long kMaxCode = 1000;

uint64_t Key(long a, long b, long year) {
  return (static_cast<uint64_t>(a) << 32) | (static_cast<uint64_t>(b) << 16) | static_cast<uint64_t>(year);
}

// Dense state-year tables: index ccode × (year − first).
struct StateYears {
  long first = 0, years = 0;
  std::vector<float> cinc, polity2, polyarchy, lat, lng;
  std::vector<uint8_t> major;
  StateYears(long first_year, long last_year) : first(first_year), years(last_year - first_year + 1) {
    const size_t size = static_cast<size_t>(kMaxCode * years);
    cinc.assign(size, DyadYearFrame::kMissing);
    polity2 = polyarchy = lat = lng = cinc;
    major.assign(size, 0);
  }
  bool In(long ccode, long year) const { return ccode >= 0 && ccode < kMaxCode && year >= first && year < first + years; }
  size_t At(long ccode, long year) const { return static_cast<size_t>(ccode * years + (year - first)); }
};

long EndYear(long exit_year, long last) { return exit_year == 0 ? last : exit_year; }

// One member of an alliance in a year, with the terms the alliance variables read.
struct ActiveMember {
  long ccode;
  const AtopMemberTerms* terms;
};

// Whether an obligation conditional on an adversary (or on a particular conflict) applies against
// `adversary`: it does when ATOP names the adversary (STATTHR1/2), or names no state at all (ATOP
// then codes a type of adversary — "a European power" — which casus cannot test: counted as applying).
bool AppliesAgainst(bool conditional_on_adversary, const AtopMemberTerms& terms, long adversary) {
  if (!conditional_on_adversary) return true;
  const long first = terms.statthr1.value_or(0);
  const long second = terms.statthr2.value_or(0);
  if (first <= 0 && second <= 0) return true;
  return first == adversary || second == adversary;
}

}  // namespace

size_t DyadYearFrame::Initiations() const {
  return static_cast<size_t>(std::count(initiation.begin(), initiation.end(), uint8_t{1}));
}

bool DyadYearFrame::Usable(size_t row) const {
  return ongoing[row] == 0 && !std::isnan(distance_km[row]) && !std::isnan(capability_share[row]) && joint_democracy[row] >= 0;
}

DyadYearFrame BuildFrame(const std::filesystem::path& data_dir, const FrameOptions& options) {
  const long first = options.first_year;
  const long last = options.last_year;
  if (first > last) throw DataError(fmt::format("the frame's first year {} is after its last {}", first, last));
  DyadYearFrame frame;
  frame.first_year = first;
  frame.last_year = last;

  // --- State-year tables ------------------------------------------------------------------------
  std::map<long, std::vector<long>> system;  // year → members
  ReadCowSystem(data_dir / "cow" / "system2016.csv", [&](const CowSystemYear& row) {
    if (row.year >= first && row.year <= last) {
      if (row.ccode <= 0 || row.ccode >= kMaxCode) throw DataError(fmt::format("{}: error: COW code {} out of range", (data_dir / "cow" / "system2016.csv").string(), row.ccode));
      system[row.year].push_back(row.ccode);
    }
  });
  StateYears states(first, last);
  ReadNmc(data_dir / "nmc" / "cow_nmc_v7.csv", [&](const NmcRecord& row) {
    if (states.In(row.ccode, row.year) && row.cinc) states.cinc[states.At(row.ccode, row.year)] = static_cast<float>(*row.cinc);
  });
  // polity2: Polity IV as peacesciencer keyed it by COW code (ccode_democracy.csv); Polity5 keys
  // by Polity's own codes (364 for the USSR, 347 for Yugoslavia, …), so it only fills state-years
  // the first file lacks, at the same code.
  ReadDemocracy(data_dir / "polity" / "ccode_democracy.csv", [&](const DemocracyRecord& row) {
    if (!states.In(row.ccode, row.year)) return;
    if (row.polyarchy) states.polyarchy[states.At(row.ccode, row.year)] = static_cast<float>(*row.polyarchy);
    if (row.polity2) states.polity2[states.At(row.ccode, row.year)] = static_cast<float>(*row.polity2);
  });
  ReadPolity5(data_dir / "polity" / "p5v2018.csv", [&](const PolityRecord& row) {
    if (states.In(row.ccode, row.year) && row.polity2 && std::isnan(states.polity2[states.At(row.ccode, row.year)])) {
      states.polity2[states.At(row.ccode, row.year)] = static_cast<float>(*row.polity2);
    }
  });
  ReadCowMajors(data_dir / "cow" / "majors2016.csv", [&](const CowMajor& row) {
    const long from = std::max(first, row.start.year.value_or(first));
    const long to = std::min(last, row.end.year.value_or(last));
    for (long year = from; year <= to; ++year) {
      if (states.In(row.ccode, year)) states.major[states.At(row.ccode, year)] = 1;
    }
  });
  // Capitals: the spell in force in the year; when a capital moved during the year, the later one.
  ReadCapitals(data_dir / "capitals" / "cow_capitals.csv", [&](const CapitalRecord& row) {
    for (long year = std::max(first, row.start_year); year <= std::min(last, row.end_year); ++year) {
      if (!states.In(row.ccode, year)) continue;
      states.lat[states.At(row.ccode, year)] = static_cast<float>(row.lat);
      states.lng[states.At(row.ccode, year)] = static_cast<float>(row.lng);
    }
  });

  // --- Contiguity: the closest type when a dyad-year appears twice ----------------------------------
  std::unordered_map<uint64_t, uint8_t> contiguity;
  ReadContiguity(data_dir / "contiguity" / "contdird.csv", [&](const ContiguityRecord& row) {
    auto [entry, inserted] = contiguity.emplace(Key(row.state1, row.state2, row.year), static_cast<uint8_t>(row.type));
    if (!inserted) entry->second = std::min(entry->second, static_cast<uint8_t>(row.type));
  });

  // --- MIDs ------------------------------------------------------------------------------------------
  std::unordered_map<long, long> dispute_start;
  ReadMidDisputes(data_dir / "mid" / "MIDA_5.0.csv", [&](const MidDispute& row) {
    if (!row.start.year) throw DataError(fmt::format("{}: error: dispute {} has no start year", (data_dir / "mid" / "MIDA_5.0.csv").string(), row.dispute));
    dispute_start[row.dispute] = *row.start.year;
  });
  std::map<long, std::vector<MidParticipant>> participants;
  ReadMidParticipants(data_dir / "mid" / "MIDB_5.0.csv", [&](const MidParticipant& row) { participants[row.dispute].push_back(row); });
  std::unordered_set<uint64_t> initiations;  // (A, B, year), directed
  std::unordered_map<uint64_t, long> pair_began;  // (min, max, year in dispute) → the year the pair's dispute began
  std::unordered_set<uint64_t> in_dispute;    // (min, max, year), undirected
  for (const auto& [dispute, rows] : participants) {
    const auto start = dispute_start.find(dispute);
    if (start == dispute_start.end()) throw DataError(fmt::format("{}: error: participants of dispute {}, which MIDA does not list", (data_dir / "mid" / "MIDB_5.0.csv").string(), dispute));
    for (const auto& side_a : rows) {
      if (!side_a.side_a) continue;
      for (const auto& side_b : rows) {
        if (side_b.side_a || side_a.ccode == side_b.ccode) continue;
        if (side_a.originator && side_b.originator) initiations.insert(Key(side_a.ccode, side_b.ccode, start->second));
        const long began = std::max(side_a.start.year.value_or(start->second), side_b.start.year.value_or(start->second));
        const long ended = std::min(side_a.end.year.value_or(began), side_b.end.year.value_or(began));
        const long low = std::min(side_a.ccode, side_b.ccode);
        const long high = std::max(side_a.ccode, side_b.ccode);
        for (long year = began; year <= ended; ++year) {
          in_dispute.insert(Key(low, high, year));
          auto [entry, inserted] = pair_began.emplace(Key(low, high, year), began);
          if (!inserted) entry->second = std::max(entry->second, began);  // a dispute that began this year makes the year an onset
        }
      }
    }
  }

  // --- Alliances (ATOP member level) and Benson's phases --------------------------------------------
  std::vector<AtopMemberTerms> terms;
  ReadAtopMemberTerms(data_dir / "atop" / "atop5_1m.csv", [&](const AtopMemberTerms& row) { terms.push_back(row); });
  std::vector<BensonPhase> phases;
  ReadBenson(data_dir / "benson" / "alliance-types-benson.csv", [&](const BensonPhase& row) { phases.push_back(row); });
  constexpr long kBensonLast = 2003;

  // --- The rows ---------------------------------------------------------------------------------------
  size_t expected = 0;
  for (const auto& [year, members] : system) expected += members.size() * (members.size() - 1);
  auto reserve = [expected](auto&... columns) { (columns.reserve(expected), ...); };
  reserve(frame.year, frame.a, frame.b, frame.initiation, frame.ongoing, frame.contiguity, frame.distance_km, frame.capability_share,
          frame.major_a, frame.major_b, frame.joint_democracy, frame.joint_democracy_vdem, frame.peace_years, frame.ptargdef,
          frame.pchaldef, frame.pchalally, frame.pchaloff, frame.pchalneu, frame.target_uncond_det, frame.target_cond_det,
          frame.target_prob_det, frame.chal_uncond_comp, frame.chal_cond_comp);
  frame.ally_offset.reserve(expected + 1);
  frame.ally_offset.push_back(0);

  std::unordered_map<uint32_t, long> last_dispute;  // undirected dyad → last year in a MID
  std::unordered_map<uint32_t, long> first_seen;    // undirected dyad → first year in the frame
  for (auto& [year, members] : system) {
    std::sort(members.begin(), members.end());
    // Alliances in force this year: atopid → active members.
    std::map<long, std::vector<ActiveMember>> alliances;
    for (const auto& row : terms) {
      if (row.entry_year <= year && year <= EndYear(row.exit_year, 2018)) alliances[row.atopid].push_back(ActiveMember{row.member, &row});
    }
    std::unordered_map<long, std::vector<long>> memberships;  // ccode → atopids
    for (const auto& [atopid, active] : alliances) {
      for (const auto& member : active) {
        auto& list = memberships[member.ccode];
        if (list.empty() || list.back() != atopid) list.push_back(atopid);
      }
    }
    auto is_member = [&](long ccode, long atopid) {
      const auto found = memberships.find(ccode);
      return found != memberships.end() && std::binary_search(found->second.begin(), found->second.end(), atopid);
    };
    std::unordered_map<long, std::vector<size_t>> benson_phases;  // ccode → phase indices in force
    if (year <= kBensonLast) {
      for (size_t phase_idx = 0; phase_idx < phases.size(); ++phase_idx) {
        const auto& phase = phases[phase_idx];
        if (phase.begin_year <= year && year <= (phase.end_year == 0 ? kBensonLast : phase.end_year)) {
          for (const long member : phase.members) benson_phases[member].push_back(phase_idx);
        }
      }
    }
    auto in_phase = [&](long ccode, size_t phase_idx) {
      const auto found = benson_phases.find(ccode);
      return found != benson_phases.end() && std::find(found->second.begin(), found->second.end(), phase_idx) != found->second.end();
    };

    std::vector<TargetAlly> defenders;
    for (const long a : members) {
      const size_t at_a = states.At(a, year);
      const auto a_alliances = memberships.find(a);
      for (const long b : members) {
        if (a == b) continue;
        const size_t at_b = states.At(b, year);
        frame.year.push_back(static_cast<int16_t>(year));
        frame.a.push_back(static_cast<int16_t>(a));
        frame.b.push_back(static_cast<int16_t>(b));
        const bool initiated = initiations.count(Key(a, b, year)) > 0;
        frame.initiation.push_back(initiated ? 1 : 0);
        const long low = std::min(a, b);
        const long high = std::max(a, b);
        const auto began = pair_began.find(Key(low, high, year));
        frame.ongoing.push_back(!initiated && began != pair_began.end() && began->second < year ? 1 : 0);
        const auto contiguous = contiguity.find(Key(a, b, year));
        frame.contiguity.push_back(contiguous == contiguity.end() ? 0 : contiguous->second);
        const bool located = !std::isnan(states.lat[at_a]) && !std::isnan(states.lat[at_b]);
        frame.distance_km.push_back(located ? static_cast<float>(GreatCircleKm(states.lat[at_a], states.lng[at_a], states.lat[at_b], states.lng[at_b]))
                                            : DyadYearFrame::kMissing);
        const float cinc_a = states.cinc[at_a];
        const float cinc_b = states.cinc[at_b];
        frame.capability_share.push_back(std::isnan(cinc_a) || std::isnan(cinc_b) || cinc_a + cinc_b <= 0.0F ? DyadYearFrame::kMissing
                                                                                                              : cinc_a / (cinc_a + cinc_b));
        frame.major_a.push_back(states.major[at_a]);
        frame.major_b.push_back(states.major[at_b]);
        auto joint = [](float x, float y, float threshold) -> int8_t {
          if (std::isnan(x) || std::isnan(y)) return -1;
          return x >= threshold && y >= threshold ? 1 : 0;
        };
        frame.joint_democracy.push_back(joint(states.polity2[at_a], states.polity2[at_b], 6.0F));
        frame.joint_democracy_vdem.push_back(joint(states.polyarchy[at_a], states.polyarchy[at_b], 0.5F));
        const uint32_t dyad = static_cast<uint32_t>(low * kMaxCode + high);
        const long seen = first_seen.emplace(dyad, year).first->second;
        const auto previous = last_dispute.find(dyad);
        frame.peace_years.push_back(static_cast<int16_t>(previous == last_dispute.end() ? year - seen : year - previous->second - 1));

        // Alliance variables.
        bool ptargdef = false, pchaldef = false, pchalally = false, pchaloff = false, pchalneu = false;
        defenders.clear();
        const auto b_alliances = memberships.find(b);
        if (b_alliances != memberships.end()) {
          for (const long atopid : b_alliances->second) {
            if (is_member(a, atopid)) {
              pchalally = true;
              continue;
            }
            for (const auto& member : alliances[atopid]) {
              const auto& other = *member.terms;
              if (member.ccode == b || !other.defense) continue;
              if (!AppliesAgainst(other.def_adversary || other.def_conflict, other, a)) continue;
              ptargdef = true;
              auto found = std::find_if(defenders.begin(), defenders.end(), [&](const TargetAlly& ally) { return ally.ccode == member.ccode; });
              const float weight = static_cast<float>(AtopDefenceCommitment(other));
              if (found == defenders.end()) {
                const float cinc = states.In(member.ccode, year) ? states.cinc[states.At(member.ccode, year)] : DyadYearFrame::kMissing;
                defenders.push_back(TargetAlly{static_cast<int32_t>(member.ccode), weight, std::isnan(cinc) ? 0.0F : cinc});
              } else {
                found->commitment = std::max(found->commitment, weight);
              }
            }
          }
        }
        if (a_alliances != memberships.end()) {
          for (const long atopid : a_alliances->second) {
            if (is_member(b, atopid)) continue;
            for (const auto& member : alliances[atopid]) {
              const auto& other = *member.terms;
              if (member.ccode == a) continue;
              if (other.defense && AppliesAgainst(other.def_adversary || other.def_conflict, other, b)) pchaldef = true;
              if (other.offense && AppliesAgainst(other.off_adversary || other.off_conflict, other, b)) pchaloff = true;
              if (other.neutral && AppliesAgainst(other.neu_adversary || other.neu_conflict, other, b)) pchalneu = true;
            }
          }
        }
        frame.ptargdef.push_back(ptargdef);
        frame.pchaldef.push_back(pchaldef);
        frame.pchalally.push_back(pchalally);
        frame.pchaloff.push_back(pchaloff);
        frame.pchalneu.push_back(pchalneu);
        std::sort(defenders.begin(), defenders.end(), [](const TargetAlly& x, const TargetAlly& y) { return x.ccode < y.ccode; });
        frame.allies.insert(frame.allies.end(), defenders.begin(), defenders.end());
        frame.ally_offset.push_back(static_cast<uint32_t>(frame.allies.size()));

        // Benson: the target's deterrent pacts and the challenger's compellent pacts, with a
        // phase the other state is not in.
        if (year > kBensonLast) {
          for (auto* column : {&frame.target_uncond_det, &frame.target_cond_det, &frame.target_prob_det, &frame.chal_uncond_comp, &frame.chal_cond_comp}) column->push_back(-1);
        } else {
          int8_t uncond_det = 0, cond_det = 0, prob_det = 0, uncond_comp = 0, cond_comp = 0;
          if (const auto found = benson_phases.find(b); found != benson_phases.end()) {
            for (const size_t phase_idx : found->second) {
              if (in_phase(a, phase_idx)) continue;
              uncond_det |= phases[phase_idx].uncond_det;
              cond_det |= phases[phase_idx].cond_det;
              prob_det |= phases[phase_idx].prob_det;
            }
          }
          if (const auto found = benson_phases.find(a); found != benson_phases.end()) {
            for (const size_t phase_idx : found->second) {
              if (in_phase(b, phase_idx)) continue;
              uncond_comp |= phases[phase_idx].uncond_comp;
              cond_comp |= phases[phase_idx].cond_comp;
            }
          }
          frame.target_uncond_det.push_back(uncond_det);
          frame.target_cond_det.push_back(cond_det);
          frame.target_prob_det.push_back(prob_det);
          frame.chal_uncond_comp.push_back(uncond_comp);
          frame.chal_cond_comp.push_back(cond_comp);
        }
      }
    }
    // This year's disputes count for the next years' peace years.
    for (const long a : members) {
      for (const long b : members) {
        if (a < b && in_dispute.count(Key(a, b, year)) > 0) last_dispute[static_cast<uint32_t>(a * kMaxCode + b)] = year;
      }
    }
  }
  return frame;
}

void WriteFrameCsv(const DyadYearFrame& frame, std::ostream& out) {
  out << "year,ccode_a,ccode_b,initiation,ongoing,contiguity,distance_km,capability_share,major_a,major_b,joint_democracy,"
         "joint_democracy_vdem,peace_years,ptargdef,pchaldef,pchalally,pchaloff,pchalneu,target_uncond_det,target_cond_det,"
         "target_prob_det,chal_uncond_comp,chal_cond_comp,target_defenders,target_defenders_cinc\n";
  std::string line;
  auto number = [](float value) { return std::isnan(value) ? std::string("NA") : fmt::format("{:.6g}", value); };
  auto code = [](int value) { return value < 0 ? std::string("NA") : std::to_string(value); };
  for (size_t row = 0; row < frame.Rows(); ++row) {
    double cinc = 0.0;
    for (uint32_t ally = frame.ally_offset[row]; ally < frame.ally_offset[row + 1]; ++ally) cinc += frame.allies[ally].cinc;
    line = fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{:.6g}\n", frame.year[row], frame.a[row],
                       frame.b[row], frame.initiation[row], frame.ongoing[row], frame.contiguity[row], number(frame.distance_km[row]),
                       number(frame.capability_share[row]), frame.major_a[row], frame.major_b[row], code(frame.joint_democracy[row]),
                       code(frame.joint_democracy_vdem[row]), frame.peace_years[row], frame.ptargdef[row], frame.pchaldef[row],
                       frame.pchalally[row], frame.pchaloff[row], frame.pchalneu[row], code(frame.target_uncond_det[row]),
                       code(frame.target_cond_det[row]), code(frame.target_prob_det[row]), code(frame.chal_uncond_comp[row]),
                       code(frame.chal_cond_comp[row]), frame.ally_offset[row + 1] - frame.ally_offset[row], cinc);
    out << line;
  }
}

}  // namespace casus
