#include "casus/games/normal_integrals.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <map>
#include <mutex>
#include <cmath>
#include <numbers>

#include <Eigen/Eigenvalues>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace casus {

// Per interval [xᵢ, xᵢ₊₁], the cubic Hermite interpolant of Φ (values and slopes φ at both ends)
// as a polynomial in t ∈ [0, 1]: c0 + t(c1 + t(c2 + t·c3)).
NormalCdfTable::NormalCdfTable() {
  const double step = 1.0 / kStepsPerUnit;
  auto density = [step](double x) { return step * std::exp(-0.5 * x * x) / std::sqrt(2.0 * std::numbers::pi); };
  for (int index = 0; index + 1 < kSize; ++index) {
    const double left = kLow + index * step;
    const double right = left + step;
    const double p0 = NormalCdfExact(left);
    const double p1 = NormalCdfExact(right);
    const double m0 = density(left);
    const double m1 = density(right);
    coefficients[static_cast<size_t>(index)] = {p0, m0, 3.0 * (p1 - p0) - 2.0 * m0 - m1, 2.0 * (p0 - p1) + m0 + m1};
  }
}

const NormalCdfTable kNormalCdfTable;

namespace {

// 2^(j/64), j = 0 … 63, for ExpNonPositive.
struct ExpTable {
  std::array<double, 64> power{};
  ExpTable() {
    for (size_t j = 0; j < power.size(); ++j) power[j] = std::exp2(static_cast<double>(j) / 64.0);
  }
};
const ExpTable kExpTable;

}  // namespace

double ExpNonPositive(double x) {
  // x = (64m + j)·ln2/64 + r, |r| ≤ ln2/128: e^x = 2^m · 2^(j/64) · e^r, e^r by its Taylor
  // polynomial of degree 5 (truncation < 4e-17 relative). ln2/64 is split in two (Cody–Waite) so
  // that r is exact to rounding.
  constexpr double kScale = 64.0 / std::numbers::ln2;
  constexpr double kStepHigh = 0.010830424696905538;   // ln2/64 rounded to 33 bits: n·kStepHigh is exact
  constexpr double kStepLow = -6.563929801064195e-13;  // ln2/64 − kStepHigh
  constexpr double kShift = 6755399441055744.0;  // 1.5·2^52: adding it rounds to an integer
  x = std::max(x, -708.0);
  const double shifted = x * kScale + kShift;
  const double n = shifted - kShift;
  const double r = (x - n * kStepHigh) - n * kStepLow;
  const auto whole = std::bit_cast<int64_t>(shifted) - std::bit_cast<int64_t>(kShift);  // = n
  const auto fraction = static_cast<size_t>(whole & 63);
  const int64_t exponent = (whole - static_cast<int64_t>(fraction)) / 64;
  const double polynomial = 1.0 + r * (1.0 + r * (0.5 + r * (1.0 / 6.0 + r * (1.0 / 24.0 + r * (1.0 / 120.0)))));
  const double power = std::bit_cast<double>(static_cast<uint64_t>(exponent + 1023) << 52);
  return power * kExpTable.power[fraction] * polynomial;
}

#if defined(__SSE2__)
namespace {

// ExpNonPositive on two arguments at once (SSE2, part of every x86-64): the same operations in
// the same order on each lane, so each lane is the scalar function's result to the bit (tested).
__m128d ExpNonPositive2(__m128d x) {
  constexpr double kScale = 64.0 / std::numbers::ln2;
  constexpr double kStepHigh = 0.010830424696905538;
  constexpr double kStepLow = -6.563929801064195e-13;
  constexpr double kShift = 6755399441055744.0;
  x = _mm_max_pd(_mm_set1_pd(-708.0), x);  // = std::max(x, −708.0): a NaN stays
  const __m128d shift = _mm_set1_pd(kShift);
  const __m128d shifted = _mm_add_pd(_mm_mul_pd(x, _mm_set1_pd(kScale)), shift);
  const __m128d n = _mm_sub_pd(shifted, shift);
  const __m128d r = _mm_sub_pd(_mm_sub_pd(x, _mm_mul_pd(n, _mm_set1_pd(kStepHigh))), _mm_mul_pd(n, _mm_set1_pd(kStepLow)));
  const __m128i whole = _mm_sub_epi64(_mm_castpd_si128(shifted), _mm_castpd_si128(shift));
  const __m128i fraction = _mm_and_si128(whole, _mm_set1_epi64x(63));
  // (whole − fraction)/64 is exact, so 2^m's bits ((m + 1023) << 52) are (whole − fraction) << 46
  // plus 1023 << 52, in two's complement as in the scalar code.
  const __m128i exponent_bits = _mm_add_epi64(_mm_slli_epi64(_mm_sub_epi64(whole, fraction), 46), _mm_set1_epi64x(int64_t{1023} << 52));
  const __m128d power = _mm_castsi128_pd(exponent_bits);
  const auto low = static_cast<size_t>(_mm_cvtsi128_si64(fraction));
  const auto high = static_cast<size_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(fraction, fraction)));
  const __m128d table = _mm_set_pd(kExpTable.power[high], kExpTable.power[low]);
  __m128d polynomial = _mm_add_pd(_mm_set1_pd(1.0 / 24.0), _mm_mul_pd(r, _mm_set1_pd(1.0 / 120.0)));
  polynomial = _mm_add_pd(_mm_set1_pd(1.0 / 6.0), _mm_mul_pd(r, polynomial));
  polynomial = _mm_add_pd(_mm_set1_pd(0.5), _mm_mul_pd(r, polynomial));
  polynomial = _mm_add_pd(_mm_set1_pd(1.0), _mm_mul_pd(r, polynomial));
  polynomial = _mm_add_pd(_mm_set1_pd(1.0), _mm_mul_pd(r, polynomial));
  return _mm_mul_pd(_mm_mul_pd(power, table), polynomial);
}

}  // namespace
#endif

void ExpNonPositivePair(const double* x, double* out) {
#if defined(__SSE2__)
  _mm_storeu_pd(out, ExpNonPositive2(_mm_loadu_pd(x)));
#else
  out[0] = ExpNonPositive(x[0]);
  out[1] = ExpNonPositive(x[1]);
#endif
}

double NormalCdfExact(double x) { return 0.5 * std::erfc(-x * std::numbers::sqrt2 / 2.0); }

QuadratureRule GaussLegendre(int points) {
  Eigen::MatrixXd jacobi = Eigen::MatrixXd::Zero(points, points);
  for (int k = 1; k < points; ++k) {
    const double kk = static_cast<double>(k);
    jacobi(k, k - 1) = jacobi(k - 1, k) = kk / std::sqrt(4.0 * kk * kk - 1.0);
  }
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(jacobi);
  QuadratureRule rule;
  for (int k = 0; k < points; ++k) {
    rule.nodes.push_back(solver.eigenvalues()(k));
    rule.weights.push_back(2.0 * solver.eigenvectors()(0, k) * solver.eigenvectors()(0, k));
  }
  return rule;
}

namespace {

PlackettRule MakePlackettRule(double correlation, int points) {
  PlackettRule rule;
  const double end = std::asin(correlation);
  const QuadratureRule legendre = GaussLegendre(points);
  for (size_t k = 0; k < legendre.nodes.size(); ++k) {
    const double theta = 0.5 * end * (legendre.nodes[k] + 1.0);
    const double cos_squared = std::cos(theta) * std::cos(theta);
    rule.half_secant_squared.push_back(0.5 / cos_squared);
    rule.tangent_secant.push_back(std::sin(theta) / cos_squared);
    rule.weights.push_back(legendre.weights[k] * 0.5 * end / (2.0 * std::numbers::pi));
  }
  return rule;
}

// Plackett's integral by the rule's nodes, the sum in node order. kNodes > 0: the node count at
// compile time (the loop unrolls and an odd last node takes one vector lane); 0: at run time.
template <size_t kNodes>
double PlackettSum(const PlackettRule& rule, double h, double k) {
  const double squares = h * h + k * k;
  const double product = h * k;
  const double* half_secant_squared = rule.half_secant_squared.data();
  const double* tangent_secant = rule.tangent_secant.data();
  const double* weights = rule.weights.data();
  const size_t nodes = kNodes > 0 ? kNodes : rule.weights.size();
  double sum = 0.0;
  size_t node = 0;
#if defined(__SSE2__)
  // Two nodes at a time (the exponentials are the cost); each lane is the scalar code's bits.
  const __m128d minus_squares = _mm_set1_pd(-squares);
  const __m128d products = _mm_set1_pd(product);
  for (; node + 2 <= nodes; node += 2) {
    const __m128d argument = _mm_add_pd(_mm_mul_pd(minus_squares, _mm_loadu_pd(half_secant_squared + node)),
                                        _mm_mul_pd(products, _mm_loadu_pd(tangent_secant + node)));
    alignas(16) double value[2];
    _mm_store_pd(value, ExpNonPositive2(argument));
    sum += weights[node] * value[0];
    sum += weights[node + 1] * value[1];
  }
  if constexpr (kNodes % 2 == 1) {
    const __m128d argument = _mm_add_pd(_mm_mul_pd(minus_squares, _mm_set1_pd(half_secant_squared[node])),
                                        _mm_mul_pd(products, _mm_set1_pd(tangent_secant[node])));
    alignas(16) double value[2];
    _mm_store_pd(value, ExpNonPositive2(argument));
    sum += weights[node] * value[0];
    return sum;
  }
#endif
  for (; node < nodes; ++node) {
    sum += weights[node] * ExpNonPositive(-squares * half_secant_squared[node] + product * tangent_secant[node]);
  }
  return sum;
}

double PlackettIntegral(const PlackettRule& rule, double h, double k) {
  switch (rule.weights.size()) {
    case 3: return PlackettSum<3>(rule, h, k);
    case 4: return PlackettSum<4>(rule, h, k);
    case 5: return PlackettSum<5>(rule, h, k);
    case 6: return PlackettSum<6>(rule, h, k);
    case 7: return PlackettSum<7>(rule, h, k);
    case 8: return PlackettSum<8>(rule, h, k);
    default: return PlackettSum<0>(rule, h, k);
  }
}

constexpr double kPlackettTolerance = 1e-10;  // NormalCdf's own error

}  // namespace

namespace {

PlackettRule ChoosePlackettRule(double r) {
  const PlackettRule reference = MakePlackettRule(r, 96);
  for (const int points : {3, 4, 5, 6, 7, 8, 10, 12, 16, 20, 24, 32, 48, 64}) {
    PlackettRule candidate = MakePlackettRule(r, points);
    double worst = 0.0;
    for (double h = -6.0; h <= 6.0; h += 0.5) {
      for (double k = -6.0; k <= 6.0; k += 0.5) {
        worst = std::max(worst, std::fabs(PlackettIntegral(candidate, h, k) - PlackettIntegral(reference, h, k)));
      }
    }
    if (worst < kPlackettTolerance) return candidate;
  }
  return reference;
}

}  // namespace

BivariateNormalCdf::BivariateNormalCdf(double correlation) {
  const double r = std::clamp(correlation, 0.0, 1.0 - 1e-12);
  if (r == 0.0) return;  // independent: Φ₂ = Φ(h)Φ(k)
  // Choosing the rule takes about 2 ms (eigenvalues of a 96 × 96 matrix, a grid of checks): once
  // per correlation per process, so that simulating many designs or sweep points does not repeat it.
  static std::mutex mutex;
  static std::map<double, PlackettRule> chosen;
  const std::lock_guard<std::mutex> lock(mutex);
  auto found = chosen.find(r);
  if (found == chosen.end()) found = chosen.emplace(r, ChoosePlackettRule(r)).first;
  rule_ = found->second;
}

double BivariateNormalCdf::operator()(double h, double k, double cdf_h, double cdf_k) const {
  return std::clamp(cdf_h * cdf_k + PlackettIntegral(rule_, h, k), 0.0, std::min(cdf_h, cdf_k));
}

QuadratureRule CommonShockRule(double shock_sd, double noise_sd) {
  QuadratureRule rule;
  if (shock_sd <= 0.0) {
    rule.nodes.push_back(0.0);
    rule.weights.push_back(1.0);
    return rule;
  }
  constexpr double kReach = 8.5;
  const double widest = std::min(2.0, 2.0 * noise_sd / shock_sd);
  const int panels = static_cast<int>(std::ceil(2.0 * kReach / widest));
  const double width = 2.0 * kReach / panels;
  const QuadratureRule legendre = GaussLegendre(8);
  for (int panel = 0; panel < panels; ++panel) {
    const double middle = -kReach + width * (panel + 0.5);
    for (size_t k = 0; k < legendre.nodes.size(); ++k) {
      const double eta = middle + 0.5 * width * legendre.nodes[k];
      rule.nodes.push_back(eta);
      rule.weights.push_back(0.5 * width * legendre.weights[k] * std::exp(-0.5 * eta * eta) / std::sqrt(2.0 * std::numbers::pi));
    }
  }
  return rule;
}

}  // namespace casus
