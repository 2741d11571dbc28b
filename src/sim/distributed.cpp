#include "casus/sim/distributed.hpp"

#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

#include <mpi.h>

namespace casus {

namespace {

constexpr int kBlockTag = 14;

bool UnderLauncher() {
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_RANK", "PMI_SIZE"}) {
    if (std::getenv(name) != nullptr) return true;
  }
  return false;
}

double Now() { return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count(); }

}  // namespace

MpiSession::MpiSession() {
  if (!UnderLauncher()) return;
  int initialised = 0;
  MPI_Initialized(&initialised);
  if (initialised == 0) {
    int provided = 0;
    MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
  }
  active_ = true;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
}

MpiSession::~MpiSession() {
  if (!active_) return;
  int finalised = 0;
  MPI_Finalized(&finalised);
  if (finalised == 0) MPI_Finalize();
}

int64_t MpiSession::BroadcastInt(int64_t value) const {
  if (active_) MPI_Bcast(&value, 1, MPI_INT64_T, 0, MPI_COMM_WORLD);
  return value;
}

std::vector<int64_t> MpiSession::BroadcastInts(std::vector<int64_t> values) const {
  if (!active_) return values;
  int64_t count = static_cast<int64_t>(values.size());
  MPI_Bcast(&count, 1, MPI_INT64_T, 0, MPI_COMM_WORLD);
  values.resize(static_cast<size_t>(count));
  if (count > 0) MPI_Bcast(values.data(), static_cast<int>(count), MPI_INT64_T, 0, MPI_COMM_WORLD);
  return values;
}

void MpiSession::Abort(int code) const {
  std::fflush(stderr);
  if (active_) MPI_Abort(MPI_COMM_WORLD, code);
  std::exit(code);
}

BlockRunStats RunBlocks(const MpiSession& session, const std::vector<int64_t>& missing,
                        const std::function<std::vector<double>(int64_t)>& compute,
                        const std::function<void(int64_t, std::vector<double>)>& deliver,
                        const std::function<void(int64_t, int64_t)>& progress) {
  const double start = Now();
  const std::clock_t cpu_start = std::clock();
  double mpi = 0.0;
  double computing = 0.0;
  const auto total = static_cast<int64_t>(missing.size());
  int64_t done = 0;
  auto timed_compute = [&](int64_t block) {
    const double begin = Now();
    std::vector<double> values = compute(block);
    computing += Now() - begin;
    return values;
  };
  auto store = [&](int64_t block, std::vector<double> values) {
    deliver(block, std::move(values));
    ++done;
    if (progress) progress(done, total);
  };
  // Receives one block from another rank (rank 0), blocking or only if one is waiting.
  auto receive = [&](bool wait) {
    const double begin = Now();
    MPI_Status status;
    int waiting = 1;
    if (wait) MPI_Probe(MPI_ANY_SOURCE, kBlockTag, MPI_COMM_WORLD, &status);
    else MPI_Iprobe(MPI_ANY_SOURCE, kBlockTag, MPI_COMM_WORLD, &waiting, &status);
    if (waiting == 0) {
      mpi += Now() - begin;
      return false;
    }
    int count = 0;
    MPI_Get_count(&status, MPI_DOUBLE, &count);
    std::vector<double> message(static_cast<size_t>(count));
    MPI_Recv(message.data(), count, MPI_DOUBLE, status.MPI_SOURCE, kBlockTag, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    mpi += Now() - begin;
    const auto block = static_cast<int64_t>(message.front());  // exact: block numbers are far below 2^53
    store(block, std::vector<double>(message.begin() + 1, message.end()));
    return true;
  };

  const int ranks = session.size();
  for (size_t i = static_cast<size_t>(session.rank()); i < missing.size(); i += static_cast<size_t>(ranks)) {
    std::vector<double> values = timed_compute(missing[i]);
    if (session.root()) {
      store(missing[i], std::move(values));
      while (ranks > 1 && receive(false)) {
      }
    } else {
      values.insert(values.begin(), static_cast<double>(missing[i]));
      const double begin = Now();
      MPI_Send(values.data(), static_cast<int>(values.size()), MPI_DOUBLE, 0, kBlockTag, MPI_COMM_WORLD);
      mpi += Now() - begin;
    }
  }
  if (session.root()) {
    while (done < total) receive(true);
  }
  BlockRunStats stats;
  stats.ranks = ranks;
  stats.blocks = total;
  const double wall = Now() - start;
  stats.wall_seconds = wall;
  const double cpu = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  double local[4] = {mpi, wall, computing, cpu};
  double summed[4] = {mpi, wall, computing, cpu};
  if (session.active()) {
    const double begin = Now();
    MPI_Reduce(local, summed, 4, MPI_DOUBLE, MPI_SUM, 0, MPI_COMM_WORLD);
    summed[0] += Now() - begin;  // rank 0's own share of the reduction; small
  }
  stats.mpi_seconds = summed[0];
  stats.rank_seconds = summed[1];
  stats.compute_seconds = summed[2];
  stats.cpu_seconds = summed[3];
  return stats;
}

}  // namespace casus
