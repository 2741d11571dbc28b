#include "casus/sim/block_store.hpp"

#include <cstring>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "casus/history/datasets.hpp"

namespace casus {

BlockStore::BlockStore(const std::filesystem::path& path, const std::string& fingerprint, bool resume) : path_(path) {
  try {
    db_ = std::make_unique<SQLite::Database>(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db_->exec("PRAGMA journal_mode=WAL");
    db_->exec("PRAGMA synchronous=FULL");
    db_->exec("CREATE TABLE IF NOT EXISTS robustness_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)");
    db_->exec("CREATE TABLE IF NOT EXISTS blocks(block INTEGER PRIMARY KEY, count INTEGER NOT NULL, data BLOB NOT NULL)");
    std::optional<std::string> stored;
    {
      SQLite::Statement query(*db_, "SELECT value FROM robustness_meta WHERE key = 'fingerprint'");
      if (query.executeStep()) stored = query.getColumn(0).getString();
    }
    if (stored && *stored != fingerprint) {
      throw DataError(fmt::format("{}: error: the database holds another robustness analysis (different scenario, priors, method, "
                                  "samples, draws or seed)\n  hint: use a new file, or the options the database was made with",
                                  path.string()));
    }
    const size_t completed = Completed().size();
    if (completed > 0 && !resume) {
      throw DataError(fmt::format("{}: error: the database already has {} blocks of this analysis\n  hint: pass --resume to continue it, "
                                  "or use a new file",
                                  path.string(), completed));
    }
    if (!stored) {
      SQLite::Statement insert(*db_, "INSERT INTO robustness_meta(key, value) VALUES('fingerprint', ?)");
      insert.bind(1, fingerprint);
      insert.exec();
    }
  } catch (const SQLite::Exception& error) {
    throw DataError(fmt::format("{}: error: SQLite: {}\n  hint: --db takes a casus robustness database (or a new file)", path.string(),
                                error.what()));
  }
}

BlockStore::~BlockStore() = default;

std::set<int64_t> BlockStore::Completed() const {
  std::set<int64_t> completed;
  SQLite::Statement query(*db_, "SELECT block FROM blocks");
  while (query.executeStep()) completed.insert(query.getColumn(0).getInt64());
  return completed;
}

void BlockStore::Put(int64_t block, const std::vector<double>& values) {
  try {
    SQLite::Transaction transaction(*db_);
    SQLite::Statement insert(*db_, "INSERT INTO blocks(block, count, data) VALUES(?, ?, ?)");
    insert.bind(1, block);
    insert.bind(2, static_cast<int64_t>(values.size()));
    insert.bind(3, values.data(), static_cast<int>(values.size() * sizeof(double)));
    insert.exec();
    transaction.commit();
  } catch (const SQLite::Exception& error) {
    throw DataError(fmt::format("{}: error: SQLite: {}", path_.string(), error.what()));
  }
}

std::vector<double> BlockStore::Get(int64_t block) const {
  SQLite::Statement query(*db_, "SELECT count, data FROM blocks WHERE block = ?");
  query.bind(1, block);
  if (!query.executeStep()) throw DataError(fmt::format("{}: error: block {} is missing", path_.string(), block));
  const auto count = static_cast<size_t>(query.getColumn(0).getInt64());
  const SQLite::Column data = query.getColumn(1);
  if (static_cast<size_t>(data.getBytes()) != count * sizeof(double)) {
    throw DataError(fmt::format("{}: error: block {} is damaged ({} bytes for {} values)", path_.string(), block, data.getBytes(), count));
  }
  std::vector<double> values(count);
  std::memcpy(values.data(), data.getBlob(), count * sizeof(double));
  return values;
}

}  // namespace casus
