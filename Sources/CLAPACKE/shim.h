// Bridges the system LAPACKE C interface (Debian: liblapacke-dev) into Swift.
// Only used when the package trait LAPACKE is enabled.
#include <lapacke.h>
