// casus serve — the analyst's workbench in a browser (docs/cli.md): the library, instruments,
// compare, adjudicate and the draft editor over the same JSON documents as the commands.
#include <csignal>
#include <cstdlib>

#include <fmt/format.h>

#include "casus/serve/workbench.hpp"
#include "common.hpp"

namespace casus::app {

namespace {
struct ServeCommandOptions {
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string workspace = "casus-workspace";
  size_t max_body = 1 << 20;
  bool open = false;
};

Workbench* running = nullptr;

extern "C" void StopOnSignal(int /*signal*/) {
  if (running != nullptr) running->Stop();
}

int RunServe(const GlobalOptions& global, const ServeCommandOptions& options) {
  const Environment environment = LoadEnvironment(global);
  std::error_code error;
  std::filesystem::create_directories(options.workspace, error);
  if (error || !std::filesystem::is_directory(options.workspace)) {
    fmt::print(stderr, "casus: error: cannot use '{}' as the workspace: {}\n  hint: --workspace DIR names a folder casus may write to\n",
               options.workspace, error ? error.message() : "not a folder");
    return kBadInput;
  }
  if (!IsLoopbackHost(options.host)) {
    fmt::print(stderr, "casus: warning: listening on {}, not loopback: anyone who can reach this address can use the workbench "
               "and write into {}\n", options.host, options.workspace);
  }
  ServeOptions serve;
  serve.host = options.host;
  serve.port = options.port;
  serve.home = environment.home;
  serve.workspace = std::filesystem::absolute(options.workspace);
  serve.max_body_bytes = options.max_body;
  Workbench workbench(serve, environment.parties);
  if (workbench.Bind() < 0) {
    fmt::print(stderr, "casus: error: cannot listen on {}:{}\n  hint: another program may use the port: try --port {}\n",
               options.host, options.port, options.port + 1);
    return kBadInput;
  }
  fmt::print("casus serve: {}/  (workspace: {}; Ctrl-C stops)\n", workbench.Origin(), serve.workspace.string());
  std::fflush(stdout);
  if (options.open) {
    const std::string command = fmt::format("xdg-open '{}/' >/dev/null 2>&1 &", workbench.Origin());
    if (std::system(command.c_str()) != 0) fmt::print(stderr, "casus: warning: could not open a browser\n");
  }
  running = &workbench;
  std::signal(SIGINT, StopOnSignal);
  std::signal(SIGTERM, StopOnSignal);
  const bool ok = workbench.Listen();
  running = nullptr;
  return ok ? kOk : kInternal;
}
}  // namespace

void AddServeCommand(CLI::App& app, const GlobalOptions& global, std::function<int()>& run) {
  auto options = std::make_shared<ServeCommandOptions>();
  CLI::App* command = app.add_subcommand("serve", "The workbench in a browser: library, instruments, drafts, compare, adjudicate.");
  command->add_option("--port", options->port, "port to listen on (0: any free port)")->check(CLI::Range(0, 65535))->capture_default_str();
  command->add_option("--host", options->host, "address to listen on; other than loopback only when you mean it")->capture_default_str();
  command->add_option("--workspace", options->workspace, "folder where drafts are saved (created if missing)")->capture_default_str();
  command->add_option("--max-body", options->max_body, "largest request body accepted, in bytes")
      ->check(CLI::Range(size_t{1024}, size_t{64} << 20))->capture_default_str();
  command->add_flag("--open", options->open, "open the workbench in the default browser");
  command->callback([&run, &global, options] { run = [&global, options] { return RunServe(global, *options); }; });
}

}  // namespace casus::app
