#include "casus/serve/workbench.hpp"

#include <algorithm>
#include <fstream>
#include <mutex>
#include <sstream>

#include <fmt/format.h>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <toml++/toml.h>

#include "casus/bargain/ktab_csv.hpp"
#include "casus/bargain/scales.hpp"
#include "casus/engine/load_timeline.hpp"
#include "casus/history/datasets.hpp"
#include "casus/lint/lint_instrument.hpp"
#include "casus/report/csv.hpp"
#include "casus/report/document_charts.hpp"
#include "casus/report/documents.hpp"
#include "casus/report/json.hpp"
#include "casus/serve/analysis_jobs.hpp"
#include "casus/serve/api_bodies.hpp"
#include "casus/serve/assets.hpp"
#include "casus/serve/paths.hpp"
#include "casus/serve/simulation_jobs.hpp"
#include "casus/spec/load_instrument.hpp"
#include "casus/spec/resolve_instrument.hpp"

namespace casus {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr std::string_view kWorkspacePrefix = "workspace/";

void SendJson(httplib::Response& response, const json& document, int status = 200) {
  response.status = status;
  response.set_content(ApiJsonText(document), "application/json; charset=utf-8");
}

void SendError(httplib::Response& response, const ApiError& error) { SendJson(response, ApiErrorBody(error), error.status); }

std::optional<std::string> ReadWholeFile(const fs::path& path) {
  std::ifstream stream(path, std::ios::binary);
  if (!stream) return std::nullopt;
  std::ostringstream text;
  text << stream.rdbuf();
  return text.str();
}

bool HasTimelineTable(const std::string& text) { return text.find("\n[timeline]") != std::string::npos || text.rfind("[timeline]", 0) == 0; }

}  // namespace

bool IsLoopbackHost(const std::string& host) {
  return host == "localhost" || host == "::1" || host == "[::1]" || host.rfind("127.", 0) == 0;
}

struct Workbench::Impl {
  ServeOptions options;
  const PartyTable& parties;
  httplib::Server server;
  int port = -1;
  std::vector<std::string> allowed_hosts;  // "127.0.0.1:8080", "localhost:8080", …
  SimulationJobs simulations;
  // `compare --json` of the library, kept while no library file changes (name, size, time).
  std::mutex library_mutex;
  std::string library_fingerprint;
  json library_document;
  // `negotiate --json` of each scenario (no perturbation), kept while its files do not change.
  std::mutex negotiation_mutex;
  std::map<std::string, std::pair<std::string, json>> negotiations;

  Impl(ServeOptions serve_options, const PartyTable& party_table)
      : options(std::move(serve_options)), parties(party_table), simulations(options.home, parties, options.simulation_limits) {}

  // ---- files -------------------------------------------------------------------------------

  //! A reference to an instrument or timeline: a plain id in `folder` of the home, or
  //! "workspace/NAME". Returns the file's text and the name diagnostics and documents use.
  std::pair<std::string, std::string> ReadReference(const std::string& reference, const std::string& folder) const {
    RequireUtf8Parameter(reference, folder == "scenarios" ? "t" : "i");
    if (reference.rfind(kWorkspacePrefix, 0) == 0) {
      std::string why;
      const auto path = ContainedPath(options.workspace, reference.substr(kWorkspacePrefix.size()), why);
      if (!path) throw ApiError{403, fmt::format("'{}': {}", reference, why), "name a file inside the workspace folder"};
      auto text = ReadWholeFile(*path);
      if (!text) throw ApiError{404, fmt::format("no such file in the workspace: '{}'", reference), ""};
      return {std::move(*text), reference};
    }
    if (!IsPlainId(reference)) {
      throw ApiError{400, fmt::format("'{}' is neither an id nor workspace/NAME", reference),
                     "use an id such as nato-1949, or workspace/draft.toml"};
    }
    const std::string name = fmt::format("{}/{}.toml", folder, reference);
    auto text = ReadWholeFile(options.home / name);
    if (!text) throw ApiError{404, fmt::format("no {} file with the id '{}'", folder, reference), ""};
    return {std::move(*text), name};
  }

  Instrument LoadInstrumentReference(const std::string& reference) const {
    const auto [text, name] = ReadReference(reference, "library");
    Diagnostics diagnostics;
    auto instrument = LoadInstrumentText(text, name, parties, diagnostics);
    if (!instrument) {
      throw ApiError{422, fmt::format("{} does not load", name), "open it in the draft editor", DiagnosticsToJson(diagnostics.All())};
    }
    return std::move(*instrument);
  }

  std::vector<Instrument> LoadInstrumentParameters(const httplib::Request& request) const {
    std::vector<Instrument> instruments;
    const size_t count = request.get_param_value_count("i");
    if (count == 0) throw ApiError{400, "no instrument given", "add ?i=ID for each instrument"};
    if (count > 64) throw ApiError{400, "too many instruments (at most 64)", ""};
    for (size_t index = 0; index < count; ++index) instruments.push_back(LoadInstrumentReference(request.get_param_value("i", index)));
    return instruments;
  }

  std::vector<Instrument> LoadLibrary() const {
    std::vector<Instrument> instruments;
    for (const auto& file : ListLibrary(options.home)) instruments.push_back(LoadInstrumentReference(file.stem().string()));
    return instruments;
  }

  //! Names, sizes and modification times of `files`: changes when any of them does.
  static std::string Fingerprint(const std::vector<fs::path>& files) {
    std::string fingerprint;
    for (const auto& file : files) {
      std::error_code error;
      const auto size = fs::file_size(file, error);
      const auto time = fs::last_write_time(file, error).time_since_epoch().count();
      fingerprint += fmt::format("{}:{}:{};", file.string(), size, time);
    }
    return fingerprint;
  }

  json Library() {
    const std::string fingerprint = Fingerprint(ListLibrary(options.home));
    std::lock_guard lock(library_mutex);
    if (fingerprint != library_fingerprint || library_document.is_null()) {
      library_document = CompareDocument(LoadLibrary(), parties);
      library_fingerprint = fingerprint;
    }
    return library_document;
  }

  json Negotiations() const {
    json items = json::array();
    for (const auto& file : ScenarioFiles(".csv")) {  // KTAB CSVs
      Diagnostics diagnostics;
      const auto scenario = ReadKtabCsv(file, diagnostics);
      if (!scenario) continue;  // negotiating it reports the error with its position
      items.push_back({{"id", file.stem().string()}, {"file", "scenarios/" + file.filename().string()}, {"title", scenario->name},
                       {"description", scenario->description}, {"actors", scenario->actors.size()},
                       {"dimensions", scenario->dimensions.size()}, {"scales", fs::is_regular_file(DefaultScalesPath(file))}});
    }
    return {{"negotiations", items}};
  }

  std::pair<fs::path, SmpScenario> NegotiationScenario(const httplib::Request& request) const {
    const std::string id = request.has_param("scenario") ? request.get_param_value("scenario") : "";
    if (!IsPlainId(id)) throw ApiError{400, "no scenario given", "add ?scenario=ID (GET /api/negotiations lists them)"};
    const fs::path file = options.home / "scenarios" / (id + ".csv");
    if (!fs::is_regular_file(file)) throw ApiError{404, fmt::format("no negotiation scenario with the id '{}'", id), ""};
    Diagnostics diagnostics;
    auto scenario = ReadKtabCsv(file, diagnostics);
    if (!scenario) throw ApiError{422, fmt::format("scenarios/{}.csv does not load", id), "", DiagnosticsToJson(diagnostics.All())};
    return {file, std::move(*scenario)};
  }

  //! `negotiate scenarios/ID.csv --json`, or with perturb=SD[&draws=N&seed=S] `--perturb SD …` (one thread).
  json Negotiation(const httplib::Request& request) {
    auto [file, scenario] = NegotiationScenario(request);
    if (request.has_param("perturb")) {
      const int64_t sd = NumberParameter(request, "perturb", 5);
      const int64_t draws = NumberParameter(request, "draws", 100);
      if (sd > 50) throw ApiError{400, "perturb is at most 50 (points on 0–100)", ""};
      if (draws < 1 || draws > options.max_negotiation_draws) {
        throw ApiError{400, fmt::format("draws must be 1 to {}", options.max_negotiation_draws), "the command line has no such cap"};
      }
      const auto seed = static_cast<uint64_t>(NumberParameter(request, "seed", 20250817));
      return NegotiationDocument(scenario, PerturbationOptions{static_cast<double>(sd), static_cast<int>(draws), seed, 1});
    }
    const std::string key = file.stem().string();
    const std::string fingerprint = Fingerprint({file});
    {
      std::lock_guard lock(negotiation_mutex);
      const auto found = negotiations.find(key);
      if (found != negotiations.end() && found->second.first == fingerprint) return found->second.second;
    }
    json document = NegotiationDocument(scenario, std::nullopt);
    std::lock_guard lock(negotiation_mutex);
    negotiations[key] = {fingerprint, document};
    return document;
  }

  std::string NegotiationChart(const httplib::Request& request) {
    const json document = Negotiation(request);
    const int64_t dimension = NumberParameter(request, "dimension", 0);
    if (dimension >= static_cast<int64_t>(document["dimensions"].size())) {
      throw ApiError{400, fmt::format("no dimension {} (the scenario has {}, counted from 0)", dimension, document["dimensions"].size()), ""};
    }
    const auto [file, scenario] = NegotiationScenario(request);
    std::optional<SettlementScales> scales;
    if (fs::is_regular_file(DefaultScalesPath(file))) {
      Diagnostics diagnostics;  // a bad scale file: the axis goes unnamed (casus assess reports it)
      scales = ReadScaleFile(DefaultScalesPath(file), scenario, parties, diagnostics);
    }
    return NegotiationPositionsChart(document, static_cast<size_t>(dimension), scales ? &*scales : nullptr);
  }

  static ReliabilityCoding CodingParameter(const httplib::Request& request) {
    const std::string coding = request.has_param("coding") ? request.get_param_value("coding") : "llm";
    if (coding == "llm") return ReliabilityCoding::Llm;
    if (coding == "bf") return ReliabilityCoding::Bf;
    if (coding == "sabrosky") return ReliabilityCoding::Sabrosky;
    throw ApiError{400, fmt::format("unknown coding '{}'", coding), "llm, bf or sabrosky"};
  }

  json Reliability(const httplib::Request& request) const {
    try {
      return ReliabilityDocument(options.home, CodingParameter(request));
    } catch (const DataError& error) {
      throw ApiError{500, error.what(), "the data files are described in data/DATA_SOURCES.md"};
    }
  }

  //! The HTML reports in the workspace (simulate/sweep/robustness/assess/backtest --report FILE).
  json Reports() const {
    std::vector<std::pair<std::string, json>> found;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(options.workspace, error)) {
      if (!entry.is_regular_file() || entry.path().extension() != ".html") continue;
      const auto text = ReadWholeFile(entry.path());
      std::string kind = "report";
      if (text) {
        for (const char* command : {"simulate", "sweep", "robustness", "assess", "backtest"}) {
          if (text->find(fmt::format("casus {}", command)) != std::string::npos || text->find(fmt::format("casus history {}", command)) != std::string::npos) {
            kind = command;
            break;
          }
        }
      }
      const std::string name = entry.path().filename().string();
      found.push_back({name, {{"name", std::string(kWorkspacePrefix) + name}, {"kind", kind}, {"bytes", entry.file_size(error)}}});
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    json items = json::array();
    for (auto& [name, item] : found) items.push_back(std::move(item));
    return {{"workspace", options.workspace.string()}, {"reports", items}};
  }

  // ---- the API ------------------------------------------------------------------------------

  //! The files under scenarios/ with `extension`, sorted by name: ".toml" (timelines and game
  //! scenarios alike) or ".csv" (negotiations).
  std::vector<fs::path> ScenarioFiles(const std::string& extension = ".toml") const {
    std::vector<fs::path> files;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(options.home / "scenarios", error)) {
      if (entry.path().extension() == extension) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
  }

  json Timelines() const {
    json items = json::array();
    for (const auto& file : ScenarioFiles()) {
      const auto text = ReadWholeFile(file);
      if (!text || !HasTimelineTable(*text)) continue;
      Diagnostics diagnostics;
      const auto timeline = LoadTimelineText(*text, "scenarios/" + file.filename().string(), parties, diagnostics);
      if (!timeline) continue;
      items.push_back({{"id", timeline->id}, {"file", "scenarios/" + file.filename().string()}, {"title", timeline->title},
                       {"incidents", timeline->incidents.size()}});
    }
    return {{"timelines", items}};
  }

  json Workspace() const {
    json items = json::array();
    std::error_code error;
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(options.workspace, error)) {
      if (entry.is_regular_file() && entry.path().extension() == ".toml") names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    for (const auto& name : names) items.push_back(std::string(kWorkspacePrefix) + name);
    return {{"workspace", options.workspace.string()}, {"files", items}};
  }

  static std::string DraftName(const httplib::Request& request) {
    std::string name = request.has_param("name") ? request.get_param_value("name") : "draft.toml";
    RequireUtf8Parameter(name, "name");
    if (name.rfind(kWorkspacePrefix, 0) != 0) name = std::string(kWorkspacePrefix) + name;
    return name;
  }

  json CheckDraft(const httplib::Request& request) const { return CheckDraftBody(request.body, DraftName(request), parties); }

  json LintDraft(const httplib::Request& request) const { return LintDraftBody(request.body, DraftName(request), parties); }

  json SaveDraft(const httplib::Request& request) const {
    const std::string name = DraftName(request).substr(kWorkspacePrefix.size());
    if (fs::path(name).extension() != ".toml") throw ApiError{400, "a draft's name ends in .toml", "e.g. my-draft.toml"};
    std::string why;
    const auto path = ContainedPath(options.workspace, name, why);
    if (!path) throw ApiError{403, fmt::format("'{}': {}", name, why), "name a file inside the workspace folder"};
    std::error_code error;
    fs::create_directories(path->parent_path(), error);
    std::ofstream stream(*path, std::ios::binary | std::ios::trunc);
    stream << request.body;
    stream.close();
    if (!stream) throw ApiError{500, fmt::format("cannot write {}", path->string()), ""};
    return {{"saved", std::string(kWorkspacePrefix) + name}, {"bytes", request.body.size()}};
  }

  json AdjudicateRequest(const httplib::Request& request) const {
    std::vector<Instrument> instruments = LoadInstrumentParameters(request);
    std::string text;
    std::string name;
    if (request.method == "POST") {  // an edited timeline in the body
      text = request.body;
      name = "workspace/timeline.toml";
    } else {
      if (!request.has_param("t")) throw ApiError{400, "no timeline given", "add ?t=ID (GET /api/timelines lists them)"};
      std::tie(text, name) = ReadReference(request.get_param_value("t"), "scenarios");
    }
    const bool as_if = request.has_param("as_if_in_force") && request.get_param_value("as_if_in_force") != "0";
    return AdjudicateTimelineBody(text, name, instruments, parties, as_if);
  }

  //! The game scenarios under scenarios/ (files with a [scenario] table): id, title, designs.
  json Scenarios() const {
    json items = json::array();
    for (const auto& file : ScenarioFiles()) {
      toml::table table;
      try {
        table = toml::parse_file(file.string());
      } catch (const toml::parse_error&) {
        continue;  // simulating it reports the error with its position
      }
      const auto* scenario = table["scenario"].as_table();
      if (scenario == nullptr) continue;
      const auto* designs = table["design"].as_array();
      items.push_back({{"id", file.stem().string()}, {"file", "scenarios/" + file.filename().string()},
                       {"title", (*scenario)["title"].value_or(std::string())}, {"designs", designs ? designs->size() : 0}});
    }
    return {{"scenarios", items}};
  }

  static uint64_t JobParameter(const httplib::Request& request) {
    const std::string text = request.has_param("job") ? request.get_param_value("job") : "";
    if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos) {
      throw ApiError{400, "no job given", "add ?job=N (POST /api/simulate answers with it)"};
    }
    return std::stoull(text);
  }

  static int64_t NumberParameter(const httplib::Request& request, const std::string& name, int64_t fallback) {
    if (!request.has_param(name)) return fallback;
    const std::string text = request.get_param_value(name);
    if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos) {
      throw ApiError{400, fmt::format("{} must be a whole number (got '{}')", name, text), ""};
    }
    return std::stoll(text);
  }

  template <typename Function>
  auto Jobs(Function function) const {
    try {
      return function();
    } catch (const JobError& error) {
      throw ApiError{error.Status(), error.what(), ""};
    }
  }

  //! The sweeps under scenarios/ (ID.sweep.toml): id, file, scenario, runs, draws per run.
  json Sweeps() const {
    json items = json::array();
    for (const auto& file : ScenarioFiles()) {
      const std::string name = file.filename().string();
      if (name.size() <= 11 || name.compare(name.size() - 11, 11, ".sweep.toml") != 0) continue;
      Diagnostics diagnostics;
      const auto spec = LoadSweepFile(file, parties, diagnostics);
      if (!spec) continue;  // running it reports the error with its position
      items.push_back({{"id", name.substr(0, name.size() - 11)}, {"file", "scenarios/" + name}, {"sweep", spec->id},
                       {"scenario", "scenarios/" + spec->scenario.filename().string()}, {"runs", ExpandSweep(*spec).size()},
                       {"draws", spec->draws}, {"settlement", spec->settlement.has_value()}});
    }
    return {{"sweeps", items}};
  }

  //! scenarios/ID.toml of `?scenario=ID`, loaded and calibrated; 422 with its diagnostics when it does not load.
  std::shared_ptr<const LoadedScenario> LoadScenarioParameter(const httplib::Request& request) const {
    const std::string id = request.has_param("scenario") ? request.get_param_value("scenario") : "";
    if (!IsPlainId(id)) throw ApiError{400, "no scenario given", "add ?scenario=ID (GET /api/scenarios lists them)"};
    const fs::path file = options.home / "scenarios" / (id + ".toml");
    if (!fs::is_regular_file(file)) throw ApiError{404, fmt::format("no scenario with the id '{}'", id), ""};
    Diagnostics diagnostics;
    auto loaded = LoadCalibratedScenario(file, options.home, parties, diagnostics);
    if (!loaded) throw ApiError{422, fmt::format("scenarios/{}.toml does not load", id), "", DiagnosticsToJson(diagnostics.All())};
    return std::make_shared<const LoadedScenario>(std::move(*loaded));
  }

  //! POST /api/robustness: `casus robustness scenarios/ID.toml … --json` as a background job.
  json StartRobustness(const httplib::Request& request) {
    RobustnessRequest wanted;
    if (request.has_param("method")) wanted.method = request.get_param_value("method");
    wanted.samples = NumberParameter(request, "samples", wanted.samples);
    wanted.draws = NumberParameter(request, "draws", wanted.draws);
    wanted.seed = static_cast<uint64_t>(NumberParameter(request, "seed", static_cast<int64_t>(wanted.seed)));
    wanted.resamples = static_cast<int>(std::min<int64_t>(NumberParameter(request, "resamples", wanted.resamples), 1000000));
    const auto loaded = LoadScenarioParameter(request);
    return json{{"job", Jobs([&] {
                   return simulations.Run("robustness", "blocks", wanted.draws, RobustnessWork(loaded, parties, wanted, simulations.Limits()));
                 })}};
  }

  //! POST /api/sweep: `casus sweep scenarios/ID.sweep.toml --db workspace/NAME.db [--resume] --json` as a
  //! background job; the database is written only inside the workspace.
  json StartSweep(const httplib::Request& request) {
    const std::string id = request.has_param("sweep") ? request.get_param_value("sweep") : "";
    if (!IsPlainId(id)) throw ApiError{400, "no sweep given", "add ?sweep=ID (GET /api/sweeps lists them)"};
    const fs::path file = options.home / "scenarios" / (id + ".sweep.toml");
    if (!fs::is_regular_file(file)) throw ApiError{404, fmt::format("no sweep with the id '{}'", id), "GET /api/sweeps lists them"};
    std::string name = request.has_param("db") ? request.get_param_value("db") : id + ".db";
    RequireUtf8Parameter(name, "db");
    if (name.rfind(kWorkspacePrefix, 0) == 0) name = name.substr(kWorkspacePrefix.size());
    if (fs::path(name).extension() != ".db") throw ApiError{400, "a sweep database's name ends in .db", "e.g. db=levers.db"};
    std::string why;
    const auto database = ContainedPath(options.workspace, name, why);
    if (!database) throw ApiError{403, fmt::format("'{}': {}", name, why), "name a file inside the workspace folder"};
    Diagnostics diagnostics;
    auto spec = LoadSweepFile(file, parties, diagnostics);
    if (!spec) throw ApiError{422, fmt::format("scenarios/{}.sweep.toml does not load", id), "", DiagnosticsToJson(diagnostics.All())};
    auto loaded = LoadCalibratedScenario(spec->scenario, options.home, parties, diagnostics);
    if (!loaded) throw ApiError{422, fmt::format("the scenario of scenarios/{}.sweep.toml does not load", id), "", DiagnosticsToJson(diagnostics.All())};
    const bool resume = request.has_param("resume") && request.get_param_value("resume") != "0";
    const int64_t draws = spec->draws;
    const auto work = Jobs([&] {
      return SweepWork(std::make_shared<const SweepSpec>(std::move(*spec)), std::make_shared<const LoadedScenario>(std::move(*loaded)), parties,
                       *database, std::string(kWorkspacePrefix) + name, resume, simulations.Limits());
    });
    return json{{"job", Jobs([&] { return simulations.Run("sweep", "runs", draws, work); })}};
  }

  //! A view of a finished job: an SVG chart, or the command's --report page (HTML, shown framed
  //! under the same policy as /report).
  void SendView(const httplib::Request& request, httplib::Response& response, const std::string& fallback) {
    try {
      const std::string view = request.has_param("view") ? request.get_param_value("view")
                               : request.has_param("chart") ? request.get_param_value("chart") : fallback;
      const std::string text = Jobs([&] { return simulations.View(JobParameter(request), view); });
      if (view == "report") {
        SendFramedHtml(response, text);
      } else {
        response.set_content(text, "image/svg+xml");
      }
    } catch (const ApiError& error) {
      SendError(response, error);
    }
  }

  //! An HTML report in a frame of this origin: its own inline style only, no script, nothing fetched.
  static void SendFramedHtml(httplib::Response& response, const std::string& text) {
    response.headers.erase("Content-Security-Policy");
    response.headers.erase("X-Frame-Options");
    response.set_header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; sandbox");
    response.set_header("X-Frame-Options", "SAMEORIGIN");
    response.set_content(text, "text/html; charset=utf-8");
  }

  // ---- the server ---------------------------------------------------------------------------

  //! Host must name the served origin (DNS rebinding); Origin, when sent, must be it (cross-site).
  bool Allowed(const httplib::Request& request, httplib::Response& response) const {
    const std::string host = request.get_header_value("Host");
    if (std::find(allowed_hosts.begin(), allowed_hosts.end(), host) == allowed_hosts.end()) {
      SendError(response, {403, fmt::format("Host '{}' is not this server", host), "open the address casus serve printed"});
      return false;
    }
    if (request.has_header("Origin")) {
      const std::string origin = request.get_header_value("Origin");
      const bool same = std::any_of(allowed_hosts.begin(), allowed_hosts.end(),
                                    [&](const std::string& allowed) { return origin == "http://" + allowed; });
      if (!same) {
        SendError(response, {403, fmt::format("cross-origin request from '{}' refused", origin), ""});
        return false;
      }
    }
    return true;
  }

  //! A JSON API; with `csv`, `?format=csv` answers the document as the command's --csv table.
  template <typename Function>
  httplib::Server::Handler Api(Function function, std::string (*csv)(const json&) = nullptr) {
    return [function, csv](const httplib::Request& request, httplib::Response& response) {
      try {
        const bool as_csv = csv != nullptr && request.has_param("format") && request.get_param_value("format") == "csv";
        if (as_csv) {
          response.set_content(csv(function(request)), "text/csv; charset=utf-8");
          response.set_header("Content-Disposition", "attachment");
        } else {
          SendJson(response, function(request));
        }
      } catch (const ApiError& error) {
        SendError(response, error);
      }
    };
  }

  template <typename Function>
  httplib::Server::Handler Svg(Function function) {
    return [function](const httplib::Request& request, httplib::Response& response) {
      try {
        response.set_content(function(request), "image/svg+xml");
      } catch (const ApiError& error) {
        SendError(response, error);
      }
    };
  }

  void Routes() {
    server.set_payload_max_length(options.max_body_bytes);
    server.new_task_queue = [threads = options.threads] { return new httplib::ThreadPool(threads); };
    server.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                                {"Referrer-Policy", "no-referrer"},
                                {"X-Frame-Options", "DENY"},
                                {"Cache-Control", "no-store"},
                                {"Content-Security-Policy",
                                 "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                 "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"}});
    server.set_pre_routing_handler([this](const httplib::Request& request, httplib::Response& response) {
      if (!Allowed(request, response)) return httplib::Server::HandlerResponse::Handled;
      // Brotli at cpp-httplib's fixed quality 11 costs 200–300 ms per page asset (app.js, 44 KB);
      // gzip costs 5 ms for nearly the same size. The server offers gzip only (the first render of
      // a page is measured in tests/browser and docs/performance.md). The request is the server's
      // own, non-const object, handed to the hooks as const.
      const std::string accepted = request.get_header_value("Accept-Encoding");
      if (accepted.find("br") != std::string::npos) {
        auto& headers = const_cast<httplib::Request&>(request).headers;  // NOLINT(cppcoreguidelines-pro-type-const-cast)
        headers.erase("Accept-Encoding");
        if (accepted.find("gzip") != std::string::npos) headers.emplace("Accept-Encoding", "gzip");
      }
      return httplib::Server::HandlerResponse::Unhandled;
    });
    server.set_exception_handler([](const httplib::Request&, httplib::Response& response, std::exception_ptr pointer) {
      std::string what = "unknown error";
      try {
        if (pointer) std::rethrow_exception(pointer);
      } catch (const std::exception& error) {
        what = error.what();
      } catch (...) {
      }
      SendError(response, {500, fmt::format("internal error: {}", what), "please report this with the request"});
    });
    server.set_error_handler([](const httplib::Request& request, httplib::Response& response) {
      if (!response.body.empty()) return;  // already answered
      if (response.status == 413) {
        SendError(response, {413, "request too large", "bodies are capped (casus serve --max-body)"});
      } else if (response.status == 404) {
        SendError(response, {404, fmt::format("no such page or API: {}", request.path), "the pages start at /"});
      }
    });

    server.Get("/api/library", Api([this](const httplib::Request&) { return Library(); }, CompareCsv));
    server.Get("/api/show", Api([this](const httplib::Request& request) {
                 if (!request.has_param("i")) throw ApiError{400, "no instrument given", "add ?i=ID"};
                 const Instrument instrument = LoadInstrumentReference(request.get_param_value("i"));
                 return ShowDocument(instrument, LintInstrument(instrument, parties));
               }));
    server.Get("/api/lint", Api([this](const httplib::Request& request) {
                 json reports = json::array();
                 for (const auto& instrument : LoadInstrumentParameters(request)) {
                   reports.push_back(LintEntryDocument(instrument, LintInstrument(instrument, parties)));
                 }
                 return json{{"instruments", reports}};
               }));
    server.Get("/api/compare", Api([this](const httplib::Request& request) { return CompareDocument(LoadInstrumentParameters(request), parties); }, CompareCsv));
    server.Get("/api/rules", Api([](const httplib::Request&) { return RulesDocument(); }));
    server.Get("/api/source", Api([this](const httplib::Request& request) {
                 if (!request.has_param("i")) throw ApiError{400, "no instrument given", "add ?i=ID"};
                 const auto [text, name] = ReadReference(request.get_param_value("i"), "library");
                 return json{{"file", name}, {"text", text}};
               }));
    server.Get("/api/timelines", Api([this](const httplib::Request&) { return Timelines(); }));
    server.Get("/api/timeline", Api([this](const httplib::Request& request) {
                 if (!request.has_param("t")) throw ApiError{400, "no timeline given", "add ?t=ID"};
                 const auto [text, name] = ReadReference(request.get_param_value("t"), "scenarios");
                 return json{{"file", name}, {"text", text}};
               }));
    server.Get("/api/adjudicate", Api([this](const httplib::Request& request) { return AdjudicateRequest(request); }, AdjudicationCsv));
    server.Post("/api/adjudicate", Api([this](const httplib::Request& request) { return AdjudicateRequest(request); }, AdjudicationCsv));
    server.Post("/api/check", Api([this](const httplib::Request& request) { return CheckDraft(request); }));
    server.Post("/api/lint", Api([this](const httplib::Request& request) { return LintDraft(request); }));
    server.Get("/api/workspace", Api([this](const httplib::Request&) { return Workspace(); }));
    server.Get("/api/workspace/file", Api([this](const httplib::Request& request) {
                 if (!request.has_param("name")) throw ApiError{400, "no file named", "add ?name=NAME.toml"};
                 const auto [text, name] = ReadReference(DraftName(request), "library");
                 return json{{"file", name}, {"text", text}};
               }));
    server.Get("/api/scenarios", Api([this](const httplib::Request&) { return Scenarios(); }));
    server.Post("/api/simulate", Api([this](const httplib::Request& request) {
                  const std::string id = request.has_param("scenario") ? request.get_param_value("scenario") : "";
                  if (!IsPlainId(id)) throw ApiError{400, "no scenario given", "add ?scenario=ID (GET /api/scenarios lists them)"};
                  const fs::path file = options.home / "scenarios" / (id + ".toml");
                  if (!fs::is_regular_file(file)) throw ApiError{404, fmt::format("no scenario with the id '{}'", id), ""};
                  const int64_t draws = NumberParameter(request, "draws", 20000);
                  const auto seed = static_cast<uint64_t>(NumberParameter(request, "seed", 20250817));
                  const bool explain = request.has_param("explain") && request.get_param_value("explain") != "0";
                  return json{{"job", Jobs([&] { return simulations.Start(file, draws, seed, explain); })}};
                }));
    server.Get("/api/sweeps", Api([this](const httplib::Request&) { return Sweeps(); }));
    server.Post("/api/robustness", Api([this](const httplib::Request& request) { return StartRobustness(request); }));
    server.Post("/api/sweep", Api([this](const httplib::Request& request) { return StartSweep(request); }));
    // Any job (simulate, robustness, sweep) under /api/job/…; /api/simulate/… is the same.
    for (const std::string prefix : {"/api/job/", "/api/simulate/"}) {
      server.Get(prefix + "status", Api([this](const httplib::Request& request) { return Jobs([&] { return simulations.Status(JobParameter(request)); }); }));
      server.Get(prefix + "result", Api([this](const httplib::Request& request) {
                   const uint64_t job = JobParameter(request);
                   if (request.has_param("format") && Jobs([&] { return simulations.Kind(job); }) != "simulate") {
                     throw ApiError{400, "only a simulation's result has a CSV form", "drop ?format=csv"};
                   }
                   return Jobs([&] { return simulations.Result(job); });
                 }, SimulationCsv));
      server.Post(prefix + "cancel", Api([this](const httplib::Request& request) {
                    const uint64_t job = JobParameter(request);
                    Jobs([&] { simulations.Cancel(job); return 0; });
                    return json{{"job", job}, {"cancel", true}};
                  }));
    }
    server.Get("/api/simulate/chart", [this](const httplib::Request& request, httplib::Response& response) { SendView(request, response, "p-attack"); });
    server.Get("/api/job/view", [this](const httplib::Request& request, httplib::Response& response) { SendView(request, response, "report"); });
    server.Get("/api/negotiations", Api([this](const httplib::Request&) { return Negotiations(); }));
    server.Get("/api/negotiate", Api([this](const httplib::Request& request) { return Negotiation(request); }, NegotiationCsv));
    server.Get("/api/negotiate/chart", Svg([this](const httplib::Request& request) { return NegotiationChart(request); }));
    server.Get("/api/history/reliability", Api([this](const httplib::Request& request) { return Reliability(request); }));
    server.Get("/api/history/chart", Svg([this](const httplib::Request& request) { return ReliabilityChart(Reliability(request)); }));
    server.Get("/api/reports", Api([this](const httplib::Request&) { return Reports(); }));
    // A report in the workspace, shown in a frame of the Reports page: its own inline style only,
    // no script, nothing fetched.
    server.Get("/report", [this](const httplib::Request& request, httplib::Response& response) {
      const std::string name = request.has_param("name") ? request.get_param_value("name") : "";
      std::string why;
      const auto path = fs::path(name).extension() == ".html" ? ContainedPath(options.workspace, name, why) : std::nullopt;
      if (!path) return SendError(response, {403, fmt::format("'{}': {}", name, why.empty() ? "not an .html report" : why), "GET /api/reports lists them"});
      const auto text = ReadWholeFile(*path);
      if (!text) return SendError(response, {404, fmt::format("no such report in the workspace: '{}'", name), ""});
      SendFramedHtml(response, *text);
    });
    server.Put("/api/workspace/file", Api([this](const httplib::Request& request) { return SaveDraft(request); }));

    for (const auto& asset : WebAssets()) {
      const auto serve = [&asset](const httplib::Request&, httplib::Response& response) {
        response.set_content(std::string(asset.bytes), std::string(asset.content_type).c_str());
      };
      server.Get(std::string(asset.path), serve);
      if (asset.path == "/index.html") server.Get("/", serve);
    }
  }
};

Workbench::Workbench(ServeOptions options, const PartyTable& parties) : impl_(std::make_unique<Impl>(std::move(options), parties)) {
  impl_->Routes();
}

Workbench::~Workbench() = default;

int Workbench::Bind() {
  Impl& impl = *impl_;
  impl.port = impl.options.port == 0 ? impl.server.bind_to_any_port(impl.options.host)
                                     : (impl.server.bind_to_port(impl.options.host, impl.options.port) ? impl.options.port : -1);
  if (impl.port < 0) return -1;
  const std::string port = std::to_string(impl.port);
  std::vector<std::string> names = {impl.options.host, "localhost", "127.0.0.1", "[::1]"};
  if (impl.options.host.find(':') != std::string::npos) names[0] = "[" + impl.options.host + "]";
  for (const auto& name : names) impl.allowed_hosts.push_back(name + ":" + port);
  return impl.port;
}

bool Workbench::Listen() { return impl_->server.listen_after_bind(); }

void Workbench::Stop() { impl_->server.stop(); }

std::string Workbench::Origin() const {
  const std::string& host = impl_->options.host;
  return fmt::format("http://{}:{}", host.find(':') != std::string::npos ? "[" + host + "]" : host, impl_->port);
}

}  // namespace casus
