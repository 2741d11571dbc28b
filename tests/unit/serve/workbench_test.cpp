// casus serve: path containment (../, absolute paths, symbolic links) and the server's defences
// (Host and Origin checks, body size cap), and that the API answers with the commands' documents.
#include <fstream>
#include <thread>

#include <httplib.h>
#include <unistd.h>

#include "../test_support.hpp"
#include "casus/report/documents.hpp"
#include "casus/serve/paths.hpp"
#include "casus/serve/workbench.hpp"
#include "casus/spec/resolve_instrument.hpp"

namespace casus {
namespace {

namespace fs = std::filesystem;

//! A fresh folder under the system's temporary folder, removed at the end.
class TempFolder {
 public:
  TempFolder() {
    path_ = fs::temp_directory_path() / ("casus-serve-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempFolder() {
    std::error_code error;
    fs::remove_all(path_, error);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
  static inline int counter_ = 0;
};

TEST(ContainedPath, AcceptsNamesInsideTheFolder) {
  TempFolder folder;
  std::string why;
  const auto plain = ContainedPath(folder.path(), "draft.toml", why);
  ASSERT_TRUE(plain) << why;
  EXPECT_EQ(*plain, fs::canonical(folder.path()) / "draft.toml");
  EXPECT_TRUE(ContainedPath(folder.path(), "sub/draft.toml", why)) << why;
  EXPECT_TRUE(ContainedPath(folder.path(), "./draft.toml", why)) << why;
}

TEST(ContainedPath, RefusesParentAbsoluteAndEmptyNames) {
  TempFolder folder;
  std::string why;
  for (const char* name : {"../outside.toml", "sub/../../outside.toml", "..", "/etc/passwd", "//etc/passwd", "", "."}) {
    EXPECT_FALSE(ContainedPath(folder.path(), name, why)) << name;
  }
  EXPECT_FALSE(ContainedPath(folder.path(), std::string_view("a\0b", 3), why));
}

TEST(ContainedPath, RefusesSymbolicLinksThatLeaveTheFolder) {
  TempFolder outside;
  TempFolder folder;
  std::ofstream(outside.path() / "secret.toml") << "secret";
  fs::create_directory_symlink(outside.path(), folder.path() / "escape");
  fs::create_symlink(outside.path() / "secret.toml", folder.path() / "secret.toml");
  fs::create_symlink(outside.path() / "not-yet.toml", folder.path() / "dangling.toml");  // writing would create it outside
  fs::create_symlink("inside.toml", folder.path() / "alias.toml");
  std::string why;
  EXPECT_FALSE(ContainedPath(folder.path(), "escape/secret.toml", why));
  EXPECT_FALSE(ContainedPath(folder.path(), "secret.toml", why));
  EXPECT_FALSE(ContainedPath(folder.path(), "dangling.toml", why));
  EXPECT_TRUE(ContainedPath(folder.path(), "alias.toml", why)) << why;  // a link that stays inside is fine
}

TEST(IsPlainId, AcceptsLibraryIdsOnly) {
  EXPECT_TRUE(IsPlainId("nato-1949"));
  EXPECT_TRUE(IsPlainId("us-draft-2025-11"));
  for (const char* id : {"", "../nato-1949", "a/b", "..", ".hidden", "-x", "NATO", "a b", "x..y"}) EXPECT_FALSE(IsPlainId(id)) << id;
}

//! A workbench on a free loopback port, serving the source tree's library, for one test.
class WorkbenchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ServeOptions options;
    options.host = "127.0.0.1";
    options.port = 0;
    options.home = CASUS_TEST_HOME;
    options.workspace = workspace_.path();
    options.max_body_bytes = 64 * 1024;
    options.threads = 2;
    workbench_ = std::make_unique<Workbench>(options, testing::Parties());
    port_ = workbench_->Bind();
    ASSERT_GT(port_, 0);
    thread_ = std::thread([this] { workbench_->Listen(); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", port_);
    // httplib's default read timeout is 5 s; the first request loads the library, which under the
    // sanitizers on a loaded machine took longer (make test-sanitize). A hang still fails, at 120 s.
    client_->set_read_timeout(std::chrono::seconds(120));
    for (int attempt = 0; attempt < 200 && !client_->Get("/api/rules"); ++attempt) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  void TearDown() override {
    workbench_->Stop();
    if (thread_.joinable()) thread_.join();
  }

  TempFolder workspace_;
  std::unique_ptr<Workbench> workbench_;
  std::thread thread_;
  std::unique_ptr<httplib::Client> client_;
  int port_ = -1;
};

TEST_F(WorkbenchTest, ServesTheCommandsDocuments) {
  const auto response = client_->Get("/api/show?i=budapest-1994");
  ASSERT_TRUE(response);
  ASSERT_EQ(response->status, 200) << response->body;
  Diagnostics diagnostics;
  const auto instrument = LoadInstrumentFile(fs::path(CASUS_TEST_HOME) / "library/budapest-1994.toml", testing::Parties(), diagnostics);
  ASSERT_TRUE(instrument);
  nlohmann::json expected = ShowDocument(*instrument, LintInstrument(*instrument, testing::Parties()));
  expected["file"] = "library/budapest-1994.toml";  // the CLI run from the project root names it so
  EXPECT_EQ(nlohmann::json::parse(response->body), expected);

  const auto library = client_->Get("/api/library");
  ASSERT_TRUE(library);
  EXPECT_EQ(nlohmann::json::parse(library->body)["instruments"].size(), ListLibrary(CASUS_TEST_HOME).size());
  const auto page = client_->Get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("<script src=\"/app.js\""), std::string::npos);
  EXPECT_NE(page->get_header_value("Content-Security-Policy").find("default-src 'self'"), std::string::npos);
}

TEST_F(WorkbenchTest, RefusesForeignHostsAndOrigins) {
  const auto rebinding = client_->Get("/api/library", {{"Host", "evil.example:" + std::to_string(port_)}});
  ASSERT_TRUE(rebinding);
  EXPECT_EQ(rebinding->status, 403);
  const auto cross_site = client_->Put("/api/workspace/file?name=x.toml", {{"Origin", "http://evil.example"}}, "x", "text/plain");
  ASSERT_TRUE(cross_site);
  EXPECT_EQ(cross_site->status, 403);
  EXPECT_FALSE(fs::exists(workspace_.path() / "x.toml"));
  const auto same_site = client_->Put("/api/workspace/file?name=x.toml", {{"Origin", "http://127.0.0.1:" + std::to_string(port_)}}, "x", "text/plain");
  ASSERT_TRUE(same_site);
  EXPECT_EQ(same_site->status, 200) << same_site->body;
  EXPECT_TRUE(fs::exists(workspace_.path() / "x.toml"));
}

TEST_F(WorkbenchTest, KeepsFilesInsideTheirFolders) {
  TempFolder outside;
  fs::create_directory_symlink(outside.path(), workspace_.path() / "escape");
  for (const char* name : {"../evil.toml", "escape/evil.toml", "sub/../../evil.toml"}) {
    const auto response = client_->Put(std::string("/api/workspace/file?name=") + name, "x", "text/plain");
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 403) << name << ": " << response->body;
  }
  const auto absolute = client_->Put("/api/workspace/file?name=" + (outside.path() / "evil.toml").string(), "x", "text/plain");
  ASSERT_TRUE(absolute);
  EXPECT_NE(absolute->status, 200);
  EXPECT_FALSE(fs::exists(outside.path() / "evil.toml"));
  EXPECT_FALSE(fs::exists(workspace_.path().parent_path() / "evil.toml"));
  for (const char* path : {"/api/show?i=../../etc/passwd", "/api/show?i=workspace/../../etc/passwd", "/api/source?i=/etc/passwd",
                           "/api/timeline?t=../library/nato-1949"}) {
    const auto response = client_->Get(path);
    ASSERT_TRUE(response);
    EXPECT_TRUE(response->status == 400 || response->status == 403) << path << ": " << response->status;
  }
}

TEST_F(WorkbenchTest, CapsRequestBodies) {
  const std::string big(128 * 1024, 'x');
  const auto response = client_->Post("/api/check?name=big.toml", big, "text/plain");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 413);
}

TEST_F(WorkbenchTest, ChecksDraftsWithPositions) {
  const auto response = client_->Post("/api/check?name=bad.toml", "[instrument]\nid = \"x\"\ntitel = \"y\"\n", "text/plain");
  ASSERT_TRUE(response);
  ASSERT_EQ(response->status, 200);
  const auto document = nlohmann::json::parse(response->body);
  EXPECT_EQ(document["failed"], 1);
  const auto& diagnostics = document["files"][0]["diagnostics"];
  ASSERT_FALSE(diagnostics.empty());
  EXPECT_EQ(diagnostics[0]["file"], "workspace/bad.toml");
  EXPECT_GT(diagnostics[0]["line"].get<int>(), 0);
}

TEST_F(WorkbenchTest, RefusesParametersThatAreNotUtf8) {
  // Once URL-decoded, %FF is a byte that is not UTF-8: it used to reach the JSON writer (a 500).
  for (const char* path : {"/api/check?name=%FF.toml", "/api/lint?name=%FF.toml"}) {
    const auto response = client_->Post(path, "[instrument]\n", "text/plain");
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 400) << path << ": " << response->body;
    EXPECT_TRUE(nlohmann::json::accept(response->body)) << path;
  }
  for (const char* path : {"/api/adjudicate?i=nato-1949&t=%FF", "/api/show?i=%C3%28", "/api/workspace/file?name=%FF.toml"}) {
    const auto response = client_->Get(path);
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 400) << path << ": " << response->body;
    EXPECT_TRUE(nlohmann::json::accept(response->body)) << path;
  }
}


// Robustness and sweep jobs: their requests are capped, a sweep's database stays in the workspace,
// and a small robustness run ends with the document `casus robustness --json` prints.
TEST_F(WorkbenchTest, StartsRobustnessAndSweepJobsWithinTheirLimits) {
  for (const char* path : {"/api/sweep?sweep=draft-levers&db=../escaped.db", "/api/sweep?sweep=draft-levers&db=/tmp/escaped.db"}) {
    const auto response = client_->Post(path, "", "text/plain");
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 403) << path << ": " << response->body;
  }
  const auto not_a_database = client_->Post("/api/sweep?sweep=draft-levers&db=levers.toml", "", "text/plain");
  ASSERT_TRUE(not_a_database);
  EXPECT_EQ(not_a_database->status, 400);
  const auto unknown_sweep = client_->Post("/api/sweep?sweep=no-such-sweep", "", "text/plain");
  ASSERT_TRUE(unknown_sweep);
  EXPECT_EQ(unknown_sweep->status, 404);
  EXPECT_TRUE(fs::is_empty(workspace_.path()));
  for (const char* path : {"/api/robustness?scenario=ukraine-guarantees&samples=5000", "/api/robustness?scenario=ukraine-guarantees&method=fast",
                           "/api/robustness?scenario=ukraine-guarantees&samples=1024&draws=200000"}) {
    const auto response = client_->Post(path, "", "text/plain");
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 400) << path << ": " << response->body;
  }
  const auto started = client_->Post("/api/robustness?scenario=ukraine-guarantees&method=morris&samples=2&draws=50&seed=4", "", "text/plain");
  ASSERT_TRUE(started);
  ASSERT_EQ(started->status, 200) << started->body;
  const std::string job = std::to_string(nlohmann::json::parse(started->body)["job"].get<uint64_t>());
  nlohmann::json status;
  for (int attempt = 0; attempt < 12000; ++attempt) {
    const auto response = client_->Get("/api/job/status?job=" + job);
    ASSERT_TRUE(response);
    status = nlohmann::json::parse(response->body);
    if (status["state"] != "running") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ASSERT_EQ(status["state"], "done") << status.dump();
  EXPECT_EQ(status["kind"], "robustness");
  EXPECT_EQ(status["unit"], "blocks");
  EXPECT_EQ(status["done"], status["total"]);
  const auto result = client_->Get("/api/job/result?job=" + job);
  ASSERT_TRUE(result);
  const auto document = nlohmann::json::parse(result->body);
  EXPECT_EQ(document["method"], "morris");
  EXPECT_EQ(document["samples"], 2);
  EXPECT_EQ(document["draws"], 50);
  EXPECT_EQ(document["scenario"], "ukraine-guarantees");
  const auto report = client_->Get("/api/job/view?job=" + job + "&view=report");
  ASSERT_TRUE(report);
  EXPECT_EQ(report->status, 200);
  EXPECT_NE(report->get_header_value("Content-Security-Policy").find("sandbox"), std::string::npos);
  const auto csv = client_->Get("/api/job/result?job=" + job + "&format=csv");
  ASSERT_TRUE(csv);
  EXPECT_EQ(csv->status, 400);
}

}  // namespace
}  // namespace casus
