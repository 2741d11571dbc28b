// Spelling help for diagnostics: the closest known word to a misspelt one.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace casus {

//! Edit distance between two strings (case-sensitive): insertions, deletions, substitutions and
//! adjacent transpositions each count 1 (optimal string alignment).
size_t EditDistance(std::string_view left, std::string_view right);

//! The candidate closest to `word` if it is close enough to be a plausible typo, else nullopt.
std::optional<std::string> ClosestMatch(std::string_view word, const std::vector<std::string>& candidates);

//! "did you mean 'x'? " when a close match exists, then "expected one of: a, b, c" (the list is
//! omitted when longer than 16 items).
std::string SuggestionHint(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace casus
