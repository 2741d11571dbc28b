// Blocks of work across MPI ranks (docs/distributed.md). The same binary runs without mpirun: MPI
// is initialised only when a launcher started the process (mpirun, srun: OMPI_COMM_WORLD_SIZE,
// PMIX_RANK or PMI_RANK in the environment); otherwise there is one rank and no MPI call is made.
// The missing blocks are dealt round-robin across ranks (block i of the list to rank i mod R); each
// rank computes its blocks with its own threads and sends each to rank 0 as it finishes; rank 0
// computes its share too and, between its blocks, stores what has arrived (the block store makes
// that crash-safe). Results never depend on which rank computed a block.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

namespace casus {

class MpiSession {
 public:
  //! Initialises MPI (MPI_THREAD_FUNNELED: only the main thread calls MPI) when under a launcher.
  MpiSession();
  ~MpiSession();
  MpiSession(const MpiSession&) = delete;
  MpiSession& operator=(const MpiSession&) = delete;

  int rank() const { return rank_; }
  int size() const { return size_; }
  bool root() const { return rank_ == 0; }
  bool active() const { return active_; }

  //! Rank 0's value on every rank.
  int64_t BroadcastInt(int64_t value) const;
  std::vector<int64_t> BroadcastInts(std::vector<int64_t> values) const;
  //! Ends every rank of the job with exit code `code` (MPI_Abort); without MPI, std::exit(code).
  [[noreturn]] void Abort(int code) const;

 private:
  bool active_ = false;
  int rank_ = 0;
  int size_ = 1;
};

struct BlockRunStats {
  int ranks = 1;
  int64_t blocks = 0;           //!< computed in this run, on all ranks
  double wall_seconds = 0.0;    //!< rank 0, from the first block to the last stored
  double mpi_seconds = 0.0;     //!< summed over ranks: time in MPI calls (sending, receiving, waiting for other ranks)
  double rank_seconds = 0.0;    //!< summed over ranks: each rank's wall time in the run
  double compute_seconds = 0.0; //!< summed over ranks: time computing blocks
  double cpu_seconds = 0.0;     //!< summed over ranks: processor time in the run (all threads)
};

//! Computes `missing` (the same list on every rank) across the ranks. On rank 0, `deliver` is called
//! once per block, in arrival order, with its values; `progress(done, total)` after each. Returns
//! the statistics (complete on rank 0).
BlockRunStats RunBlocks(const MpiSession& session, const std::vector<int64_t>& missing,
                        const std::function<std::vector<double>(int64_t)>& compute,
                        const std::function<void(int64_t, std::vector<double>)>& deliver,
                        const std::function<void(int64_t, int64_t)>& progress = {});

}  // namespace casus
