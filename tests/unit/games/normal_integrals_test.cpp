// The guarantee game's inner-loop integrals against independent references: Φ against erfc, the
// fast exponential against std::exp, the bivariate normal CDF against its closed form at the
// origin and against direct integration over the common shock, and the shock rule against the
// one-factor closed form E[Φ((a + σ_η η)/σ_ε)] = Φ(a/√(σ_η² + σ_ε²)).
#include "casus/games/normal_integrals.hpp"

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>
#include <numbers>

#include <gtest/gtest.h>

namespace casus {
namespace {

TEST(NormalIntegrals, TabulatedCdfIsWithin1e10OfErfc) {
  double worst = 0.0;
  for (double x = -10.0; x <= 10.0; x += 1.0 / 997.0) worst = std::max(worst, std::fabs(NormalCdf(x) - NormalCdfExact(x)));
  EXPECT_LT(worst, 1e-10);
  EXPECT_EQ(NormalCdf(0.0), 0.5);
  EXPECT_EQ(NormalCdf(-40.0), NormalCdfExact(-40.0));
  EXPECT_TRUE(std::isnan(NormalCdf(std::nan(""))));
}

TEST(NormalIntegrals, FastExponentialIsWithinTwoUlpOfStdExp) {
  double worst_ulp = 0.0;
  for (double x = -708.0; x <= 0.0; x += 0.000917) {
    const double exact = std::exp(x);
    const double ulp = std::nextafter(exact, 1.0) - exact;
    worst_ulp = std::max(worst_ulp, std::fabs(ExpNonPositive(x) - exact) / ulp);
  }
  EXPECT_LE(worst_ulp, 2.0);
  EXPECT_EQ(ExpNonPositive(0.0), 1.0);
  EXPECT_GE(ExpNonPositive(-1000.0), 0.0);
  EXPECT_LT(ExpNonPositive(-1000.0), 1e-300);
}

// The Plackett integral evaluates its exponentials two at a time: each lane must be the scalar
// function's result to the bit (the simulation's outputs are compared bit for bit across builds).
TEST(NormalIntegrals, PairedExponentialIsTheScalarOneToTheBit) {
  std::vector<double> xs{0.0, -0.0, -1e-300, -5e-324, -708.0, -708.5, -745.2, -1000.0, -1e308, -std::numeric_limits<double>::infinity()};
  for (double x = -720.0; x <= 0.0; x += 0.0013) xs.push_back(x);
  for (double x = -1.0; x <= 0.0; x += 1.0 / 4099.0) xs.push_back(x);
  size_t differing = 0;
  for (size_t idx = 0; idx + 1 < xs.size(); ++idx) {
    const double pair[2] = {xs[idx], xs[xs.size() - 1 - idx]};
    double out[2];
    ExpNonPositivePair(pair, out);
    for (int lane = 0; lane < 2; ++lane) {
      if (std::bit_cast<uint64_t>(out[lane]) != std::bit_cast<uint64_t>(ExpNonPositive(pair[lane]))) ++differing;
    }
  }
  EXPECT_EQ(differing, 0U);
}

TEST(NormalIntegrals, BivariateCdfMatchesTheClosedFormAtTheOrigin) {
  // Φ₂(0, 0; r) = 1/4 + asin(r)/(2π) (Sheppard).
  for (const double r : {0.0, 0.1, 0.3, 0.5, 0.75, 0.9, 0.95, 0.99}) {
    const BivariateNormalCdf cdf(r);
    EXPECT_NEAR(cdf(0.0, 0.0), 0.25 + std::asin(r) / (2.0 * std::numbers::pi), 1e-10) << "r = " << r;
  }
}

// P(a + σ_η η + σ_ε ε₁ ≥ 0, b + σ_η η + σ_ε ε₂ ≥ 0) by a fine composite Gauss–Legendre rule in η
// (4000 panels of 8 nodes on [−9, 9]): an independent route to Φ₂(a/s, b/s; σ_η²/s²).
double BothWilling(double a, double b, double shock_sd, double noise_sd) {
  static const QuadratureRule legendre = GaussLegendre(8);
  constexpr int kPanels = 4000;
  const double width = 18.0 / kPanels;
  double total = 0.0;
  for (int panel = 0; panel < kPanels; ++panel) {
    const double middle = -9.0 + width * (panel + 0.5);
    for (size_t k = 0; k < legendre.nodes.size(); ++k) {
      const double eta = middle + 0.5 * width * legendre.nodes[k];
      const double density = std::exp(-0.5 * eta * eta) / std::sqrt(2.0 * std::numbers::pi);
      total += 0.5 * width * legendre.weights[k] * density * NormalCdfExact((a + shock_sd * eta) / noise_sd) *
               NormalCdfExact((b + shock_sd * eta) / noise_sd);
    }
  }
  return total;
}

TEST(NormalIntegrals, BivariateCdfMatchesDirectIntegrationOverTheCommonShock) {
  constexpr double kNoise = 0.3;
  for (const double ratio : {0.25, 1.0, 2.0, 3.0}) {
    const double shock = kNoise * ratio;
    const double spread = std::hypot(shock, kNoise);
    const BivariateNormalCdf cdf(shock * shock / (spread * spread));
    double worst = 0.0;
    for (double a = -1.5; a <= 1.5; a += 0.3) {
      for (double b = -1.5; b <= 1.5; b += 0.5) {
        worst = std::max(worst, std::fabs(cdf(a / spread, b / spread) - BothWilling(a, b, shock, kNoise)));
      }
    }
    EXPECT_LT(worst, 1e-9) << "σ_η/σ_ε = " << ratio << " (" << cdf.Nodes() << " nodes)";
  }
}

TEST(NormalIntegrals, ShockRuleIntegratesOneFactorToTheClosedForm) {
  constexpr double kNoise = 0.3;
  for (const double ratio : {0.25, 1.0, 3.0, 10.0}) {
    const double shock = kNoise * ratio;
    const double spread = std::hypot(shock, kNoise);
    const QuadratureRule rule = CommonShockRule(shock, kNoise);
    double weights = 0.0;
    for (const double weight : rule.weights) weights += weight;
    EXPECT_NEAR(weights, 1.0, 1e-12);
    double worst = 0.0;
    for (double a = -6.0 * spread; a <= 6.0 * spread; a += spread / 23.0) {
      double sum = 0.0;
      for (size_t node = 0; node < rule.nodes.size(); ++node) {
        sum += rule.weights[node] * NormalCdfExact((a + shock * rule.nodes[node]) / kNoise);
      }
      worst = std::max(worst, std::fabs(sum - NormalCdfExact(a / spread)));
    }
    EXPECT_LT(worst, 1e-10) << "σ_η/σ_ε = " << ratio;
  }
  const QuadratureRule fixed = CommonShockRule(0.0, kNoise);
  ASSERT_EQ(fixed.nodes.size(), 1u);
  EXPECT_EQ(fixed.weights.front(), 1.0);
}

}  // namespace
}  // namespace casus
