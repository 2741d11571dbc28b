#include "casus/spec/enums.hpp"

namespace casus {

std::string_view DutyVerb(DutyStrength strength) {
  switch (strength) {
    case DutyStrength::AllMeans: return "give all aid and assistance";
    case DutyStrength::Assist: return "assist";
    case DutyStrength::Act: return "act";
    case DutyStrength::Consult: return "consult";
    case DutyStrength::SeekUnAction: return "seek UN Security Council action";
    case DutyStrength::None: return "do nothing";
  }
  return "?";
}

std::string_view DescribeDutyStrength(DutyStrength strength) {
  switch (strength) {
    case DutyStrength::AllMeans: return "automatic: all aid and assistance in their power";
    case DutyStrength::Assist: return "must assist, with means of its choosing";
    case DutyStrength::Act: return "must act to meet the danger";
    case DutyStrength::Consult: return "must consult";
    case DutyStrength::SeekUnAction: return "must seek UN Security Council action";
    case DutyStrength::None: return "no duty";
  }
  return "?";
}

}  // namespace casus
