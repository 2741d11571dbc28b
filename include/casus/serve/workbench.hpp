// `casus serve`: the analyst's workbench — a local HTTP server (cpp-httplib) whose JSON API
// answers with exactly the documents the commands print under --json (report/documents.hpp),
// and whose pages (web/, embedded in the binary) show them. Safe by default: loopback only,
// Host and Origin checked against the served origin, request bodies capped, files read and
// written only inside the library, scenarios and workspace folders (serve/paths.hpp).
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>

#include "casus/core/party_table.hpp"
#include "casus/serve/simulation_jobs.hpp"

namespace casus {

struct ServeOptions {
  std::string host = "127.0.0.1";           //!< the address to listen on (loopback unless asked)
  int port = 8080;                           //!< 0: any free port (tests)
  std::filesystem::path home;                //!< holds library/, scenarios/ and data/
  std::filesystem::path workspace;           //!< drafts and timelines saved from the browser
  size_t max_body_bytes = 1 << 20;           //!< larger requests are refused (413)
  size_t threads = 8;                        //!< request handler threads
  int64_t max_negotiation_draws = 1000;      //!< perturbed SMP runs per negotiate request
  SimulationLimits simulation_limits;        //!< simulations started from the browser
};

class Workbench {
 public:
  //! `parties` must outlive the workbench.
  Workbench(ServeOptions options, const PartyTable& parties);
  ~Workbench();
  Workbench(const Workbench&) = delete;
  Workbench& operator=(const Workbench&) = delete;

  //! Binds the listening socket; returns the port, or -1 when the address cannot be bound.
  int Bind();
  //! Serves until Stop(); returns false when the server could not run.
  bool Listen();
  //! Stops Listen() (thread-safe).
  void Stop();
  //! "http://127.0.0.1:8080" once bound.
  std::string Origin() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

//! True when `host` is a loopback address or name (127.0.0.0/8, ::1, localhost).
bool IsLoopbackHost(const std::string& host);

}  // namespace casus
