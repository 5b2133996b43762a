#pragma once

/* The tests' seeded random numbers: splitmix64, small, fast and the same
 * sequence everywhere, so a failing round reruns alone from its seed. */

#include <cstdint>

class Rng
{
      public:
	explicit Rng(uint64_t seed) : s_(seed)
	{
	}
	uint64_t Next()
	{
		uint64_t z = (s_ += 0x9e3779b97f4a7c15ULL);
		z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
		z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
		return z ^ (z >> 31);
	}
	/* In [0, n); 0 when n is 0. */
	uint64_t Below(uint64_t n)
	{
		return n ? Next() % n : 0;
	}

      private:
	uint64_t s_;
};
