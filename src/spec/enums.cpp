#include "casus/spec/enums.hpp"

namespace casus {

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
