// The normal integrals the guarantee game evaluates in its inner loop (docs/guarantee-game.md,
// "How E[L] is computed"): Φ from a table, the bivariate normal CDF at a fixed correlation, and a
// quadrature rule over the common shock η for terms with more than two events. Each is checked
// against an independent reference in tests/unit/games/normal_integrals_test.cpp.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <vector>

namespace casus {

//! Φ(x) = 0.5·erfc(−x/√2), exactly (glibc's erfc).
double NormalCdfExact(double x);

//! The table behind NormalCdf: Φ on [−8.5, 8.5] with step 1/64, per interval the cubic Hermite
//! interpolant (values Φ and slopes φ at both ends) as a polynomial c0 + t(c1 + t(c2 + t·c3)).
struct NormalCdfTable {
  static constexpr double kLow = -8.5;
  static constexpr double kHigh = 8.5;
  static constexpr double kStepsPerUnit = 64.0;
  static constexpr int kSize = static_cast<int>((kHigh - kLow) * kStepsPerUnit) + 1;
  NormalCdfTable();
  std::array<std::array<double, 4>, kSize - 1> coefficients{};
};
extern const NormalCdfTable kNormalCdfTable;

//! Φ(x) from NormalCdfTable: absolute error < 1e-10 (tested against NormalCdfExact); erfc outside
//! the table; clamped to [0, 1]. About 3× faster than NormalCdfExact, inlined in the inner loop.
inline double NormalCdf(double x) {
  using Table = NormalCdfTable;
  if (!(x > Table::kLow && x < Table::kHigh)) return NormalCdfExact(x);  // also NaN
  const double position = (x - Table::kLow) * Table::kStepsPerUnit;
  const int index = std::min(static_cast<int>(position), Table::kSize - 2);
  const double t = position - index;
  const auto& c = kNormalCdfTable.coefficients[static_cast<size_t>(index)];
  return std::clamp(c[0] + t * (c[1] + t * (c[2] + t * c[3])), 0.0, 1.0);
}

//! e^x for x ≤ 0 (above 0 it is wrong; below −708 it returns e^−708 ≈ 3e-308): a 64-entry
//! table of 2^(j/64) and a degree-5 polynomial, within 2 ulp of std::exp (tested) and about twice
//! as fast in the bivariate CDF's loop, where it inlines.
double ExpNonPositive(double x);
//! ExpNonPositive of x[0] and x[1] into out[0] and out[1], two at a time where the machine can
//! (SSE2): the same bits as ExpNonPositive (tested); the Plackett integral's loop uses it.
void ExpNonPositivePair(const double* x, double* out);

//! Nodes (on [−1, 1]) and weights of the n-point Gauss–Legendre rule, by Golub–Welsch (Eigen).
struct QuadratureRule {
  std::vector<double> nodes;
  std::vector<double> weights;
};
QuadratureRule GaussLegendre(int points);

//! Φ₂(h, k; r) = P(X ≤ h, Y ≤ k) for standard normals with correlation r ∈ [0, 1), by Plackett's
//! identity Φ₂ = Φ(h)Φ(k) + (1/2π)∫₀^{asin r} exp(−(h² + k² − 2hk·sin θ)/(2cos²θ)) dθ
//! (Drezner & Wesolowsky 1990) with Gauss–Legendre in θ. The number of nodes is the smallest of
//! {3, 4, 5, 6, 7, 8, 10, 12, 16, 20, 24, 32, 48, 64} whose result is within 1e-10 (NormalCdf's
//! own error) of the 96-node rule on a grid of (h, k) ∈ [−6, 6]² (step 0.5), chosen once at
//! construction: 5 nodes at the default r = 1/2.
//! The θ-nodes of Plackett's integral for one correlation: 1/(2cos²θᵢ), sin θᵢ/cos²θᵢ and the
//! weights wᵢ·(asin r / 2)/(2π).
struct PlackettRule {
  std::vector<double> half_secant_squared;
  std::vector<double> tangent_secant;
  std::vector<double> weights;
};

class BivariateNormalCdf {
 public:
  explicit BivariateNormalCdf(double correlation);
  //! `cdf_h` and `cdf_k` are Φ(h) and Φ(k), which the caller usually has already.
  double operator()(double h, double k, double cdf_h, double cdf_k) const;
  double operator()(double h, double k) const { return (*this)(h, k, NormalCdf(h), NormalCdf(k)); }
  int Nodes() const { return static_cast<int>(rule_.weights.size()); }

 private:
  PlackettRule rule_;  // empty for r = 0
};

//! A rule for E[f(η)], η ~ N(0, 1), when f is a product of Φ((aᵢ + σ_η η)/σ_ε): composite
//! Gauss–Legendre (8 nodes per panel) on [−8.5, 8.5] with panels no wider than 2σ_ε/σ_η (nor
//! than 2), the φ(η) weight folded into the weights. Error < 1e-10 for one factor, whatever
//! σ_η/σ_ε (tested). σ_η = 0: the single node η = 0.
QuadratureRule CommonShockRule(double shock_sd, double noise_sd);

}  // namespace casus
