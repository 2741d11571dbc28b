# Sourced by every script that starts a real mpirun (tests/sweep/, tests/robustness/, bench/):
# the Open MPI settings for one shared machine. Keep them here, in one place.
# CI runs as root: Open MPI refuses that unless both variables are set.
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
export OMPI_MCA_rmaps_base_oversubscribe=1   # 2 or 3 ranks on a machine with fewer cores
export OMPI_MCA_btl=self,vader                # one machine: shared memory, no network probing
