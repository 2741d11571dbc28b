#include "casus/core/spelling.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace casus {

size_t EditDistance(std::string_view left, std::string_view right) {
  // Optimal string alignment: insertions, deletions, substitutions and adjacent transpositions.
  const size_t columns = right.size() + 1;
  std::vector<size_t> table((left.size() + 1) * columns);
  auto at = [&](size_t row, size_t column) -> size_t& { return table[row * columns + column]; };
  for (size_t left_idx = 0; left_idx <= left.size(); ++left_idx) at(left_idx, 0) = left_idx;
  for (size_t right_idx = 0; right_idx <= right.size(); ++right_idx) at(0, right_idx) = right_idx;
  for (size_t left_idx = 1; left_idx <= left.size(); ++left_idx) {
    for (size_t right_idx = 1; right_idx <= right.size(); ++right_idx) {
      const size_t cost = left[left_idx - 1] == right[right_idx - 1] ? 0 : 1;
      size_t best = std::min({at(left_idx - 1, right_idx) + 1, at(left_idx, right_idx - 1) + 1,
                              at(left_idx - 1, right_idx - 1) + cost});
      if (left_idx > 1 && right_idx > 1 && left[left_idx - 1] == right[right_idx - 2] &&
          left[left_idx - 2] == right[right_idx - 1]) {
        best = std::min(best, at(left_idx - 2, right_idx - 2) + 1);
      }
      at(left_idx, right_idx) = best;
    }
  }
  return at(left.size(), right.size());
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
  // A typo changes at most a third of the word (and always allow one edit).
  const size_t allowed = std::max<size_t>(1, word.size() / 3);
  std::optional<std::string> best;
  size_t best_distance = 0;
  for (const auto& candidate : candidates) {
    // The distance is at least the difference in length: a candidate that cannot be within the
    // allowed distance, or cannot beat the best so far, is not aligned at all (the same answer; a
    // 100-character unknown place against ISO 3166-2's names took seconds under the sanitizers).
    const size_t gap = candidate.size() > word.size() ? candidate.size() - word.size() : word.size() - candidate.size();
    if (gap > allowed || (best && gap >= best_distance)) continue;
    const size_t distance = EditDistance(lowered, Lowercase(candidate));
    if (!best || distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
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
  if (candidates.size() <= 16) {
    if (!hint.empty()) {
      hint += ' ';
    }
    hint += fmt::format("expected one of: {}", fmt::join(candidates, ", "));
  }
  return hint;
}

}  // namespace casus
