// A crash-safe store of computed blocks (SQLite, WAL, synchronous writes): each block's values are
// one row written in one transaction, so a run killed at any moment holds whole blocks only, and a
// run with --resume computes only the blocks that are missing. The store remembers what it belongs
// to (a fingerprint: the analysis's inputs) and refuses blocks of another analysis.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace SQLite {
class Database;
}

namespace casus {

class BlockStore {
 public:
  //! Opens or creates `path`. Throws DataError when it holds another analysis (fingerprint), when
  //! it already has blocks and `resume` is false, or when it is not a casus block store.
  BlockStore(const std::filesystem::path& path, const std::string& fingerprint, bool resume);
  ~BlockStore();
  BlockStore(const BlockStore&) = delete;
  BlockStore& operator=(const BlockStore&) = delete;

  std::set<int64_t> Completed() const;
  //! Writes a block in one transaction (doubles in the machine's byte order).
  void Put(int64_t block, const std::vector<double>& values);
  //! A stored block's values (DataError if absent).
  std::vector<double> Get(int64_t block) const;

 private:
  std::filesystem::path path_;
  std::unique_ptr<SQLite::Database> db_;
};

}  // namespace casus
