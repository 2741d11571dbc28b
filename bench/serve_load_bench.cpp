// Load test of `casus serve` on loopback (bounded): C clients × R requests each over the pages and
// the API, against an in-process workbench. Prints p50/p99 latency per request kind, the errors
// (any status but 200) and the process's peak RSS. Not a test: figures for docs/performance.md.
// Usage: casus_serve_load_bench [CLIENTS=100] [REQUESTS_PER_CLIENT=50]
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <httplib.h>

#include "casus/core/party_table.hpp"
#include "casus/serve/workbench.hpp"

namespace {

long PeakRssKiB() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
  }
  return -1;
}

double Quantile(std::vector<double> values, double q) {
  if (values.empty()) return 0.0;
  std::sort(values.begin(), values.end());
  const auto index = static_cast<size_t>(q * static_cast<double>(values.size() - 1) + 0.5);
  return values[std::min(index, values.size() - 1)];
}

}  // namespace

int main(int argc, char** argv) {
  const int clients = argc > 1 ? std::max(1, std::atoi(argv[1])) : 100;
  const int requests = argc > 2 ? std::max(1, std::atoi(argv[2])) : 50;
  const std::filesystem::path home = CASUS_BENCH_HOME;
  const casus::PartyTable parties = casus::PartyTable::Load(home / "data");
  const std::filesystem::path workspace = std::filesystem::temp_directory_path() / "casus-serve-load-bench";
  std::filesystem::create_directories(workspace);
  casus::ServeOptions options;
  options.port = 0;
  options.home = home;
  options.workspace = workspace;
  options.threads = 8;
  casus::Workbench workbench(options, parties);
  const int port = workbench.Bind();
  if (port < 0) {
    fmt::print(stderr, "cannot bind a loopback port\n");
    return 1;
  }
  std::thread server([&] { workbench.Listen(); });
  const long rss_before = PeakRssKiB();

  const std::vector<std::pair<std::string, std::string>> targets = {
      {"page /", "/"},
      {"page /app.js", "/app.js"},
      {"api library", "/api/library"},
      {"api show", "/api/show?i=nato-1949"},
      {"api compare", "/api/compare?i=nato-1949&i=us-draft-2025-11&i=budapest-1994"},
      {"api adjudicate", "/api/adjudicate?t=renewed-attack-2027&i=us-draft-2025-11&i=budapest-1994&i=uk-ukraine-2024"},
  };
  std::mutex mutex;
  std::map<std::string, std::vector<double>> latencies;
  std::atomic<int> errors{0};
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> threads;
  for (int client_idx = 0; client_idx < clients; ++client_idx) {
    threads.emplace_back([&, client_idx] {
      httplib::Client client("127.0.0.1", port);
      client.set_keep_alive(true);
      std::map<std::string, std::vector<double>> mine;
      for (int request_idx = 0; request_idx < requests; ++request_idx) {
        const auto& [kind, path] = targets[static_cast<size_t>(client_idx + request_idx) % targets.size()];
        const auto begin = std::chrono::steady_clock::now();
        const auto response = client.Get(path);
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - begin).count();
        if (!response || response->status != 200) ++errors;
        mine[kind].push_back(ms);
      }
      std::lock_guard lock(mutex);
      for (auto& [kind, values] : mine) latencies[kind].insert(latencies[kind].end(), values.begin(), values.end());
    });
  }
  for (auto& thread : threads) thread.join();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  workbench.Stop();
  server.join();

  std::vector<double> all;
  fmt::print("casus serve load test: {} clients × {} requests = {} requests on loopback, {} server threads, {:.1f} s ({:.0f} requests/s)\n",
             clients, requests, clients * requests, options.threads, seconds, clients * requests / seconds);
  fmt::print("{:<16} {:>8} {:>10} {:>10}\n", "request", "count", "p50 ms", "p99 ms");
  for (const auto& [kind, values] : latencies) {
    fmt::print("{:<16} {:>8} {:>10.2f} {:>10.2f}\n", kind, values.size(), Quantile(values, 0.5), Quantile(values, 0.99));
    all.insert(all.end(), values.begin(), values.end());
  }
  fmt::print("{:<16} {:>8} {:>10.2f} {:>10.2f}\n", "all", all.size(), Quantile(all, 0.5), Quantile(all, 0.99));
  fmt::print("errors: {}; peak RSS: {} MiB before the load, {} MiB after\n", errors.load(), rss_before / 1024, PeakRssKiB() / 1024);
  std::filesystem::remove_all(workspace);
  return errors.load() == 0 ? 0 : 1;
}
