// casus game radg|fearon|credibility — the published deterrence models, solved exactly.
#include <fmt/format.h>

#include "casus/games/deterrence_models.hpp"
#include "common.hpp"

namespace casus::app {

namespace {

// Prints the solution (text or JSON), or the violated condition on stderr with exit 2.
template <typename Solution, typename ToJson, typename ToText>
int Report(const ModelResult<Solution>& result, bool json, std::string_view model, ToJson to_json, ToText to_text) {
  if (const auto* reason = std::get_if<std::string>(&result)) {
    fmt::print(stderr, "casus: error: {}: {}\n  hint: see 'casus game {} --help' and docs/games.md\n", model, *reason, model);
    return kBadInput;
  }
  const Solution& solution = std::get<Solution>(result);
  if (json) {
    PrintJson(to_json(solution));
  } else {
    fmt::print("{}\n", to_text(solution));
  }
  return kOk;
}

struct RadgOptions {
  RadgParameters parameters;
  std::vector<std::string> responses;
  bool json = false;
};

int RunRadg(const RadgOptions& options) {
  if (!options.responses.empty()) {
    std::vector<RadgResponse> responses;
    for (const auto& text : options.responses) {
      RadgResponse response;
      const size_t first = text.find(':');
      const size_t second = first == std::string::npos ? std::string::npos : text.find(':', first + 1);
      try {
        if (second == std::string::npos) throw std::invalid_argument(text);
        response.name = text.substr(0, first);
        size_t used = 0;
        const std::string probability = text.substr(first + 1, second - first - 1);
        response.probability = std::stod(probability, &used);
        if (used != probability.size()) throw std::invalid_argument(text);
        const std::string payoff = text.substr(second + 1);
        response.payoff = std::stod(payoff, &used);
        if (used != payoff.size()) throw std::invalid_argument(text);
      } catch (const std::exception&) {
        fmt::print(stderr, "casus: error: --response '{}' is not NAME:PROBABILITY:PAYOFF\n  hint: e.g. --response force:0.3:0\n", text);
        return kBadInput;
      }
      responses.push_back(response);
    }
    return Report(
        SolveRadgResponses(options.parameters.a_sq, responses), options.json, "radg",
        [&](const RadgResponsesSolution& solution) -> nlohmann::json {
          return {{"a_sq", options.parameters.a_sq},
                  {"expected_challenge_payoff", solution.expected_challenge_payoff},
                  {"deterred", solution.deterred}};
        },
        [&](const RadgResponsesSolution& solution) {
          return fmt::format("expected payoff of challenging Σ π_r a_r = {:.12g} {} aSQ = {:.12g}: {}",
                             solution.expected_challenge_payoff, solution.deterred ? "≤" : ">", options.parameters.a_sq,
                             solution.deterred ? "deterred" : "not deterred (the challenger challenges)");
        });
  }
  return Report(
      SolveRadg(options.parameters), options.json, "radg",
      [&](const RadgSolution& solution) -> nlohmann::json {
        return {{"threshold", solution.threshold}, {"deterred", solution.deterred}, {"p_hard", options.parameters.p_hard}};
      },
      [&](const RadgSolution& solution) {
        return fmt::format("threshold α = (aDC − aSQ) / (aDC − aDD) = {:.12g}; pB = {:.12g} {} α: {}", solution.threshold,
                           options.parameters.p_hard, solution.deterred ? ">" : "≤",
                           solution.deterred ? "deterred" : "not deterred (the challenger challenges)");
      });
}

struct FearonOptions {
  FearonParameters parameters;
  bool json = false;
};

int RunFearon(const FearonOptions& options) {
  return Report(
      SolveFearon(options.parameters), options.json, "fearon",
      [](const FearonSolution& solution) -> nlohmann::json { return {{"demand", solution.demand}, {"p_war", solution.p_war}}; },
      [](const FearonSolution& solution) {
        return fmt::format("optimal demand x* = {:.12g}; P(war) = {:.12g}", solution.demand, solution.p_war);
      });
}

struct CredibilityOptions {
  CredibilityParameters parameters;
  std::string distribution = "normal";
  bool json = false;
};

int RunCredibility(CredibilityOptions options) {
  options.parameters.distribution = options.distribution == "uniform" ? ValueDistribution::Uniform : ValueDistribution::Normal;
  return Report(
      SolveCredibility(options.parameters), options.json, "credibility",
      [](const CredibilitySolution& solution) -> nlohmann::json {
        return {{"threshold_value", solution.threshold_value}, {"credibility", solution.credibility}};
      },
      [](const CredibilitySolution& solution) {
        return fmt::format("the guarantor acts iff its value v ≥ k − a − φ = {:.12g}; credibility P(act) = {:.12g}",
                           solution.threshold_value, solution.credibility);
      });
}

}  // namespace

void AddGameCommand(CLI::App& app, const GlobalOptions&, std::function<int()>& run) {
  CLI::App* game = app.add_subcommand("game", "The published deterrence models, solved exactly (docs/games.md).");
  game->require_subcommand(1);

  auto radg = std::make_shared<RadgOptions>();
  CLI::App* radg_command = game->add_subcommand(
      "radg", "Zagare & Kilgour's Rudimentary Asymmetric Deterrence Game: deterred iff pB > α = (aDC − aSQ)/(aDC − aDD).");
  radg_command->add_option("--p-hard", radg->parameters.p_hard, "pB: probability that the defender is Hard (0 < pB < 1)")->required();
  radg_command->add_option("--a-sq", radg->parameters.a_sq, "aSQ: challenger's status quo payoff (aDD < aSQ < aDC)")->required();
  radg_command->add_option("--a-dc", radg->parameters.a_dc, "aDC: challenger's payoff if the defender concedes")->capture_default_str();
  radg_command->add_option("--a-dd", radg->parameters.a_dd, "aDD: challenger's payoff in conflict")->capture_default_str();
  radg_command->add_option("--response", radg->responses,
                           "multi-response extension, repeated: NAME:PROBABILITY:PAYOFF (deterred iff Σ π a ≤ aSQ; --p-hard is then unused)");
  radg_command->add_flag("--json", radg->json, "{\"threshold\":α,\"deterred\":bool}");
  radg_command->callback([&run, radg] { run = [radg] { return RunRadg(*radg); }; });

  auto fearon = std::make_shared<FearonOptions>();
  CLI::App* fearon_command = game->add_subcommand(
      "fearon", "Fearon's crisis bargaining with a private uniform cost: x* = p + max(0, (c̄ − cA)/2), P(war) = max(0, (c̄ − cA)/(2c̄)).");
  fearon_command->add_option("--p", fearon->parameters.p, "the challenger's probability of winning a war, in [0, 1]")->required();
  fearon_command->add_option("--cost-attacker", fearon->parameters.cost_attacker, "cA ≥ 0: the challenger's cost of war")->required();
  fearon_command->add_option("--cost-defender-max", fearon->parameters.cost_defender_max,
                             "c̄ > 0: the defender's cost of war is uniform on [0, c̄], known only to it")->required();
  fearon_command->add_flag("--json", fearon->json, "{\"demand\":x,\"p_war\":q}");
  fearon_command->callback([&run, fearon] { run = [fearon] { return RunFearon(*fearon); }; });

  auto credibility = std::make_shared<CredibilityOptions>();
  CLI::App* credibility_command = game->add_subcommand(
      "credibility", "Tying hands (Fearon 1997): a guarantor acts iff v − k + φ ≥ −a; credibility = 1 − F(k − a − φ).");
  credibility_command->add_option("--distribution", credibility->distribution, "F: normal (mean, sd) or uniform (lower, upper)")
      ->check(CLI::IsMember({"normal", "uniform"}))->capture_default_str();
  credibility_command->add_option("--value-mean,--value-lower", credibility->parameters.value_a, "the value's mean (normal) or lower bound (uniform)")->required();
  credibility_command->add_option("--value-sd,--value-upper", credibility->parameters.value_b, "the value's sd (normal) or upper bound (uniform)")->required();
  credibility_command->add_option("--war-cost", credibility->parameters.war_cost, "k ≥ 0: the guarantor's cost of acting")->required();
  credibility_command->add_option("--reneging-cost", credibility->parameters.reneging_cost, "a ≥ 0: the cost of reneging its commitment created")->capture_default_str();
  credibility_command->add_option("--forces-bonus", credibility->parameters.forces_bonus, "φ ≥ 0: the bonus of forces already in place")->capture_default_str();
  credibility_command->add_flag("--json", credibility->json, "{\"threshold_value\":t,\"credibility\":p}");
  credibility_command->callback([&run, credibility] { run = [credibility] { return RunCredibility(*credibility); }; });
}

}  // namespace casus::app
