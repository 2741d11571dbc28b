#include "casus/core/spelling.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace casus {

size_t EditDistance(std::string_view left, std::string_view right) {
  std::vector<size_t> previous(right.size() + 1);
  std::vector<size_t> current(right.size() + 1);
  for (size_t right_idx = 0; right_idx <= right.size(); ++right_idx) {
    previous[right_idx] = right_idx;
  }
  for (size_t left_idx = 1; left_idx <= left.size(); ++left_idx) {
    current[0] = left_idx;
    for (size_t right_idx = 1; right_idx <= right.size(); ++right_idx) {
      const size_t substitution = previous[right_idx - 1] + (left[left_idx - 1] == right[right_idx - 1] ? 0 : 1);
      current[right_idx] = std::min({previous[right_idx] + 1, current[right_idx - 1] + 1, substitution});
    }
    std::swap(previous, current);
  }
  return previous[right.size()];
}

namespace {
std::string Lowercase(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}
}  // namespace

std::optional<std::string> ClosestMatch(std::string_view word, const std::vector<std::string>& candidates) {
  const std::string lowered = Lowercase(word);
  std::optional<std::string> best;
  size_t best_distance = 0;
  for (const auto& candidate : candidates) {
    const size_t distance = EditDistance(lowered, Lowercase(candidate));
    if (!best || distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  // A typo changes at most a third of the word (and always allow one edit).
  const size_t allowed = std::max<size_t>(1, word.size() / 3);
  if (best && best_distance <= allowed) {
    return best;
  }
  return std::nullopt;
}

std::string SuggestionHint(std::string_view word, const std::vector<std::string>& candidates) {
  std::string hint;
  if (auto match = ClosestMatch(word, candidates)) {
    hint = fmt::format("did you mean '{}'?", *match);
  }
  if (candidates.size() <= 12) {
    if (!hint.empty()) {
      hint += ' ';
    }
    hint += fmt::format("expected one of: {}", fmt::join(candidates, ", "));
  }
  return hint;
}

}  // namespace casus
