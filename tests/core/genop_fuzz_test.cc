/* A seeded, deterministic fuzzer for vaccel_genop and the op descriptors'
 * count and size checks. Each round builds a call of a random op (or a
 * bogus op id) from its descriptor and lies: counts set to edge values
 * (negative, INT_MAX, 2^33, LLONG_MAX, ...), buffers sized for the old
 * counts, shorter or longer than the counts say, NULL with or without a
 * size, sizes no buffer can have, args dropped or added. Every buffer is
 * allocated with the size genop is told (except sizes above PTRDIFF_MAX,
 * which must be refused), so any write past a buffer is the runtime's or a
 * plugin's fault, and ASan+UBSan (bazel test --config=asan) report it.
 * When a round's buffers are truthful the direct call must give the same
 * result as genop. Backends: noop for every op, blas for sgemm, cpu for
 * minmax and the fpga ops.
 *
 * VACCEL_FUZZ_SEED and VACCEL_FUZZ_ROUNDS override the fixed seed and
 * round count (a failure names its round, to rerun it alone). */

#include "op_call.h"
#include "vaccel_test.h"
#include "test_rng.h"

#include <climits>
#include <cstdint>
#include <string>

#define BLAS_PLUGIN "c/plugins/blas/libvaccel-blas.so"
#define CPU_PLUGIN "c/plugins/cpu/libvaccel-cpu.so"

namespace
{

constexpr uint64_t kSeed = 0x16f022c0ffee16ULL;
constexpr long kRounds = 200000;
/* Largest buffer a round allocates. */
constexpr size_t kMaxAlloc = 1 << 16;

/* Counts a caller might pass by mistake or on purpose. */
long long EdgeValue(Rng &rng)
{
	static const long long edges[] = {
	    0,
	    1,
	    2,
	    3,
	    4,
	    -1,
	    -2,
	    INT_MAX,
	    INT_MIN,
	    (long long)INT_MAX + 1,
	    UINT_MAX,
	    1LL << 32,
	    1LL << 33,
	    (1LL << 31) * 3,
	    1LL << 61,
	    1LL << 62,
	    LLONG_MAX,
	    LLONG_MIN,
	    LLONG_MAX / 4 + 1,
	    (long long)(PTRDIFF_MAX / 8) + 1,
	};
	if (rng.Below(3) == 0)
		return (long long)rng.Below(40);
	return edges[rng.Below(sizeof(edges) / sizeof(edges[0]))];
}

long Env(const char *name, long fallback)
{
	const char *v = getenv(name);
	return v && *v ? strtol(v, nullptr, 0) : fallback;
}

class GenopFuzzTest : public VaccelTest
{
      protected:
	struct vaccel_session sess;
	RegisteredResource *lib = nullptr, *model = nullptr;

	void SetUp() override
	{
		VaccelTest::SetUp();
		/* Error level: refusals log a line each; keep the log small. */
		vaccel_cleanup();
		Bootstrap(VACCEL_LOG_ERROR, false);
		ASSERT_EQ(vaccel_plugin_load(NOOP_PLUGIN), VACCEL_OK);
		ASSERT_EQ(vaccel_plugin_load(BLAS_PLUGIN), VACCEL_OK);
		ASSERT_EQ(vaccel_plugin_load(CPU_PLUGIN), VACCEL_OK);
		ASSERT_EQ(vaccel_session_init(&sess, 0), VACCEL_OK);
		lib = new RegisteredResource(&sess, VACCEL_RESOURCE_LIB);
		model = new RegisteredResource(&sess, VACCEL_RESOURCE_MODEL);
	}

	void TearDown() override
	{
		delete lib;
		delete model;
		vaccel_session_release(&sess);
		VaccelTest::TearDown();
	}
};

bool HasArgs(const struct vaccel_op_desc *desc, bool in)
{
	for (unsigned int i = 1; i < desc->nr_params; i++)
		if (desc->params[i].kind == VACCEL_PARAM_ARGS &&
		    (desc->params[i].dir == VACCEL_PARAM_IN) == in)
			return true;
	return false;
}

/* How many of the op's inputs are counts derived from an array: vAccel
 * packs them as read args, so exactly that many extra read args are taken
 * as those counts (docs/genop.md) and checked like any count. */
int DerivedInputs(const struct vaccel_op_desc *desc)
{
	int n = 0;
	for (unsigned int i = 1; i < desc->nr_params; i++)
		if (desc->params[i].dir == VACCEL_PARAM_IN &&
		    (desc->params[i].flags & VACCEL_PARAM_DERIVED))
			n++;
	return n;
}

TEST_F(GenopFuzzTest, LiesAreRefusedNeverFollowed)
{
	const uint64_t seed = (uint64_t)Env("VACCEL_FUZZ_SEED", (long)kSeed);
	const long rounds = Env("VACCEL_FUZZ_ROUNDS", kRounds);
	long ok = 0, refused = 0, compared = 0;

	for (long round = 0; round < rounds; round++) {
		Rng rng(seed ^ ((uint64_t)round * 0x100000001b3ULL));
		unsigned int id = (unsigned int)rng.Below(VACCEL_OP_MAX + 3);
		const struct vaccel_op_desc *desc = vaccel_op_desc_get(id);
		std::string where = "round " + std::to_string(round);

		if (!desc) {
			vaccel_op_type_t op = (vaccel_op_type_t)id;
			struct vaccel_arg a = {&op, sizeof(op), VACCEL_ARG_RAW,
					       0, false};
			ASSERT_EQ(vaccel_genop(&sess, &a, 1, nullptr, 0),
				  VACCEL_EINVAL)
			    << where;
			continue;
		}
		where += std::string(" (") + desc->name + ")";

		OpCall call(desc, &sess, &lib->res, &model->res);
		std::vector<long long> before(desc->nr_params);
		for (unsigned int i = 1; i < desc->nr_params; i++)
			before[i] = call.Bytes(i);
		for (unsigned int i = 1; i < desc->nr_params; i++)
			if (desc->params[i].kind == VACCEL_PARAM_SCALAR &&
			    rng.Below(2))
				call.SetInt(i, EdgeValue(rng));

		bool truthful = true, huge = false;
		for (unsigned int i = 1; i < desc->nr_params; i++) {
			if (!call.IsArray(i))
				continue;
			long long need = call.Bytes(i);
			bool fits = need >= 0 && (size_t)need <= kMaxAlloc;
			size_t small = rng.Below(256);

			if (desc->params[i].kind == VACCEL_PARAM_ARGS) {
				/* genop packs the elements: a count. */
				if (rng.Below(4) == 0)
					call.SetNull(i, 0);
				else
					call.Alloc(
					    i, rng.Below(4) *
						   sizeof(struct vaccel_arg));
				truthful = truthful && fits &&
					   call.Claimed(i) == (size_t)need;
				continue;
			}
			switch (rng.Below(9)) {
			case 0:
			case 1:
			case 2: /* what the counts say */
				call.Alloc(i, fits ? (size_t)need : small);
				truthful = truthful && fits;
				break;
			case 3: /* what the counts said before */
				call.Alloc(i, before[i] >= 0 &&
						      (size_t)before[i] <=
							  kMaxAlloc
						  ? (size_t)before[i]
						  : small);
				truthful = truthful && fits &&
					   call.Claimed(i) == (size_t)need;
				break;
			case 4: /* short */
				call.Alloc(i, fits && need > 0
						  ? rng.Below((uint64_t)need)
						  : small);
				truthful = false;
				break;
			case 5: /* long */
				call.Alloc(i, (fits ? (size_t)need : 0) + 1 +
						  small);
				truthful = false;
				break;
			case 6: /* NULL, claimed empty */
				call.SetNull(i, 0);
				truthful = false;
				break;
			case 7: /* NULL with a size */
				call.SetNull(i, fits ? (size_t)need : small);
				truthful = false;
				break;
			default: /* a size no buffer can have */
				call.Alloc(i, small);
				call.Claim(i, (size_t)PTRDIFF_MAX + 1 + small);
				truthful = false;
				huge = true;
				break;
			}
		}

		int extra_read = 0, extra_write = 0;
		if (rng.Below(8) == 0) {
			extra_read = (int)rng.Below(5) - 2;
			extra_write = (int)rng.Below(5) - 2;
			truthful = false;
		}
		int rc = call.Genop(extra_read, extra_write);
		if (huge) {
			EXPECT_EQ(rc, VACCEL_EINVAL) << where;
		}
		if ((extra_read > 0 && !HasArgs(desc, true) &&
		     extra_read != DerivedInputs(desc)) ||
		    (extra_write > 0 && !HasArgs(desc, false))) {
			EXPECT_EQ(rc, VACCEL_EINVAL) << where;
		}
		if (truthful) {
			EXPECT_EQ(call.Direct(), rc) << where;
			compared++;
		}
		(rc == VACCEL_OK ? ok : refused)++;
		if (HasFailure())
			break;
	}
	/* The fuzzer reaches both sides and the comparison. */
	EXPECT_GT(ok, rounds / 20);
	EXPECT_GT(refused, rounds / 4);
	EXPECT_GT(compared, rounds / 20);
	printf("genop fuzz: seed %#llx, %ld rounds: %ld ok, %ld refused, "
	       "%ld compared with the direct call\n",
	       (unsigned long long)seed, rounds, ok, refused, compared);
}

} // namespace
