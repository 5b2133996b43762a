#include "vaccel_test.h"

#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

class GenopTest : public VaccelTest
{
      protected:
	struct vaccel_session sess;
	vaccel_op_type_t op;

	void Start(const char *plugin)
	{
		ASSERT_EQ(vaccel_plugin_load(plugin), VACCEL_OK);
		ASSERT_EQ(vaccel_session_init(&sess, 0), VACCEL_OK);
	}

	void TearDown() override
	{
		vaccel_session_release(&sess);
		VaccelTest::TearDown();
	}

	struct vaccel_arg OpArg(vaccel_op_type_t id)
	{
		op = id;
		return Arg(&op, sizeof(op));
	}

	static struct vaccel_arg Arg(const void *buf, size_t size)
	{
		return {const_cast<void *>(buf), size, VACCEL_ARG_RAW, 0,
			false};
	}
};

TEST_F(GenopTest, Noop)
{
	Start(NOOP_PLUGIN);
	struct vaccel_arg read[] = {OpArg(VACCEL_OP_NOOP)};
	EXPECT_EQ(vaccel_genop(&sess, read, 1, nullptr, 0), VACCEL_OK);
	EXPECT_LOG_HAS("[noop] vaccel_noop(session");
}

TEST_F(GenopTest, ImageClassificationDerivesLengths)
{
	Start(NOOP_PLUGIN);
	const char img[] = "pixels";
	char text[16] = "", name[8] = "";
	struct vaccel_arg read[] = {OpArg(VACCEL_OP_IMAGE_CLASSIFY),
				    Arg(img, sizeof(img))};
	struct vaccel_arg write[] = {Arg(text, sizeof(text)),
				     Arg(name, sizeof(name))};
	ASSERT_EQ(vaccel_genop(&sess, read, 2, write, 2), VACCEL_OK);
	/* vAccel's noop texts, truncated to 16 and 8 bytes */
	EXPECT_STREQ(text, "This is a dummy");
	EXPECT_STREQ(name, "This is");
	EXPECT_LOG_HAS("len_img=7, len_out_text=16, len_out_imgname=8");
}

/* vAccel 0.8 programs pack classify's outputs with
 * vaccel_arg_array_add_uchar_array() as (out_imgname, out_text); untyped
 * outputs keep the C order (out_text first). */
TEST_F(GenopTest, ImageClassificationTypedOutputsTakeVaccel08Order)
{
	Start(NOOP_PLUGIN);
	const char img[] = "pixels";
	unsigned char name[20] = "", text[40] = "";
	struct vaccel_arg read[] = {OpArg(VACCEL_OP_IMAGE_CLASSIFY),
				    Arg(img, sizeof(img))};
	struct vaccel_arg write[] = {Arg(name, sizeof(name)),
				     Arg(text, sizeof(text))};
	write[0].type = VACCEL_ARG_UCHAR_ARRAY;
	write[1].type = VACCEL_ARG_UCHAR_ARRAY;
	ASSERT_EQ(vaccel_genop(&sess, read, 2, write, 2), VACCEL_OK);
	EXPECT_STREQ((char *)text, "This is a dummy classification tag!");
	EXPECT_STREQ((char *)name, "This is a dummy img");
	EXPECT_LOG_HAS("len_img=7, len_out_text=40, len_out_imgname=20");

	/* Only a typed pair is swapped: one untyped output keeps C order. */
	memset(name, 0, sizeof(name));
	memset(text, 0, sizeof(text));
	write[1].type = VACCEL_ARG_RAW;
	ASSERT_EQ(vaccel_genop(&sess, read, 2, write, 2), VACCEL_OK);
	EXPECT_STREQ((char *)name, "This is a dummy cla");
	EXPECT_STREQ((char *)text, "This is a dummy imgname!");
}

TEST_F(GenopTest, MinmaxReachesTypedPlugin)
{
	Start(TEST_PLUGIN("typed"));
	const double in[] = {4, -1, 9};
	double out[3], min = 0, max = 0;
	int low = 0, high = 5;
	struct vaccel_arg read[] = {OpArg(VACCEL_OP_MINMAX),
				    Arg(in, sizeof(in)), Arg(&low, sizeof(low)),
				    Arg(&high, sizeof(high))};
	struct vaccel_arg write[] = {Arg(out, sizeof(out)),
				     Arg(&min, sizeof(min)),
				     Arg(&max, sizeof(max))};
	ASSERT_EQ(vaccel_genop(&sess, read, 4, write, 3), VACCEL_OK);
	EXPECT_DOUBLE_EQ(min, -1);
	EXPECT_DOUBLE_EQ(max, 9);
	EXPECT_DOUBLE_EQ(out[0], 4);
	EXPECT_DOUBLE_EQ(out[1], 0);
	EXPECT_DOUBLE_EQ(out[2], 5);
}

/* vAccel packs minmax's ndata after indata (read = [op, indata, ndata, low,
 * high]); a packed count may be smaller than its array, not larger. */
TEST_F(GenopTest, MinmaxWithPackedCountAsVaccelPacksIt)
{
	Start(TEST_PLUGIN("typed"));
	const double in[] = {4, -1, 9, -50};
	double out[4] = {0, 0, 0, 0}, min = 0, max = 0;
	int ndata = 3, low = 0, high = 5;
	struct vaccel_arg read[] = {
	    OpArg(VACCEL_OP_MINMAX), Arg(in, sizeof(in)),
	    Arg(&ndata, sizeof(ndata)), Arg(&low, sizeof(low)),
	    Arg(&high, sizeof(high))};
	struct vaccel_arg write[] = {Arg(out, sizeof(out)),
				     Arg(&min, sizeof(min)),
				     Arg(&max, sizeof(max))};
	ASSERT_EQ(vaccel_genop(&sess, read, 5, write, 3), VACCEL_OK);
	EXPECT_DOUBLE_EQ(min, -1); /* the 4th value (-50) is not counted */
	EXPECT_DOUBLE_EQ(max, 9);
	EXPECT_DOUBLE_EQ(out[2], 5);
	EXPECT_DOUBLE_EQ(out[3], 0);

	ndata = 5;
	EXPECT_EQ(vaccel_genop(&sess, read, 5, write, 3), VACCEL_EINVAL);
	EXPECT_LOG_HAS("vaccel_genop(minmax): read[1] for 'indata' holds 32 "
		       "bytes; the op needs 40");
}

/* vAccel 0.8 packs exec_with_resource's library as the resource's id (an
 * int64), not the struct: read = [op, id, symbol, args...]. */
TEST_F(GenopTest, ExecWithResourceByIdAsVaccelPacksIt)
{
	Start(NOOP_PLUGIN);
	const char *dir = getenv("TEST_TMPDIR");
	std::string lib = std::string(dir ? dir : "/tmp") + "/genop_lib.so";
	FILE *f = fopen(lib.c_str(), "w");
	ASSERT_NE(f, nullptr);
	fputs("not really a library", f);
	fclose(f);
	struct vaccel_resource res;
	ASSERT_EQ(vaccel_resource_init(&res, lib.c_str(), VACCEL_RESOURCE_LIB),
		  VACCEL_OK);
	ASSERT_EQ(vaccel_resource_register(&res, &sess), VACCEL_OK);
	const char sym[] = "mytestfunc";
	int32_t in = 3, out = 0;
	struct vaccel_arg read[] = {
	    OpArg(VACCEL_OP_EXEC_WITH_RESOURCE), Arg(&res.id, sizeof(res.id)),
	    Arg(sym, sizeof(sym)), Arg(&in, sizeof(in))};
	struct vaccel_arg write[] = {Arg(&out, sizeof(out))};

	EXPECT_EQ(vaccel_genop(&sess, read, 4, write, 1), VACCEL_OK);
	char want[64];
	snprintf(want, sizeof(want), "resource %lld", (long long)res.id);
	EXPECT_LOG_HAS(want);

	vaccel_id_t unknown = res.id + 1000;
	read[1] = Arg(&unknown, sizeof(unknown));
	EXPECT_EQ(vaccel_genop(&sess, read, 4, write, 1), VACCEL_ENOENT);
	EXPECT_LOG_HAS("no resource with id");

	vaccel_resource_unregister(&res, &sess);
	vaccel_resource_release(&res);
}

TEST_F(GenopTest, SgemmWithProductCounts)
{
	Start(TEST_PLUGIN("typed"));
	int64_t m = 1, n = 1, k = 2, lda = 1, ldb = 2, ldc = 1;
	float alpha = 1, beta = 0, a[2] = {2, 3}, b[2] = {4, 5}, c[1] = {7};
	struct vaccel_arg read[] = {OpArg(VACCEL_OP_BLAS_SGEMM),
				    Arg(&m, 8),
				    Arg(&n, 8),
				    Arg(&k, 8),
				    Arg(&alpha, 4),
				    Arg(a, sizeof(a)),
				    Arg(&lda, 8),
				    Arg(b, sizeof(b)),
				    Arg(&ldb, 8),
				    Arg(&beta, 4),
				    Arg(&ldc, 8)};
	struct vaccel_arg write[] = {Arg(c, sizeof(c))};
	ASSERT_EQ(vaccel_genop(&sess, read, 11, write, 1), VACCEL_OK);
	EXPECT_FLOAT_EQ(c[0], 2 * 4 + 3 * 5);

	/* b needs ldb * n = 2 floats; one is too few. */
	read[7] = Arg(b, sizeof(float));
	EXPECT_EQ(vaccel_genop(&sess, read, 11, write, 1), VACCEL_EINVAL);
	EXPECT_LOG_HAS("vaccel_genop(blas_sgemm): read[7] for 'b' holds 4 "
		       "bytes; the op needs 8");
}

TEST_F(GenopTest, ExecTakesRemainingArgs)
{
	Start(TEST_PLUGIN("typed"));
	const char lib[] = "libmine.so", sym[] = "sum";
	int32_t x = 5, y = 7, z = 30, result = 0;
	struct vaccel_arg read[] = {OpArg(VACCEL_OP_EXEC),
				    Arg(lib, sizeof(lib)),
				    Arg(sym, sizeof(sym)),
				    Arg(&x, 4),
				    Arg(&y, 4),
				    Arg(&z, 4)};
	struct vaccel_arg write[] = {Arg(&result, 4)};
	ASSERT_EQ(vaccel_genop(&sess, read, 6, write, 1), VACCEL_OK);
	EXPECT_EQ(result, 42);
	EXPECT_LOG_HAS("exec libmine.so:sum with 3 read, 1 write");
}

/* vAccel programs pack the op id as a uint8_t; any integer width works. */
TEST_F(GenopTest, OpIdOfAnyIntegerWidth)
{
	Start(NOOP_PLUGIN);
	const uint8_t id8 = VACCEL_OP_IMAGE_CLASSIFY;
	const uint16_t id16 = VACCEL_OP_IMAGE_CLASSIFY;
	const uint32_t id32 = VACCEL_OP_IMAGE_CLASSIFY;
	const uint64_t id64 = VACCEL_OP_IMAGE_CLASSIFY;
	const struct vaccel_arg ids[] = {Arg(&id8, 1), Arg(&id16, 2),
					 Arg(&id32, 4), Arg(&id64, 8)};
	const char img[] = "pixels";

	for (const struct vaccel_arg &id : ids) {
		char text[16] = "", name[8] = "";
		struct vaccel_arg read[] = {id, Arg(img, sizeof(img))};
		struct vaccel_arg write[] = {Arg(text, sizeof(text)),
					     Arg(name, sizeof(name))};
		EXPECT_EQ(vaccel_genop(&sess, read, 2, write, 2), VACCEL_OK)
		    << id.size << "-byte op id";
		EXPECT_STREQ(text, "This is a dummy") << id.size;
	}

	/* A wide value beyond the op ids is unknown, not truncated. */
	const uint64_t wide = (1ULL << 32) | VACCEL_OP_NOOP;
	struct vaccel_arg read[] = {Arg(&wide, 8)};
	EXPECT_EQ(vaccel_genop(&sess, read, 1, nullptr, 0), VACCEL_EINVAL);
	EXPECT_LOG_HAS("vaccel_genop: unknown op id 4294967296");
}

TEST_F(GenopTest, BadPacking)
{
	Start(NOOP_PLUGIN);
	int32_t small = 0;
	vaccel_op_type_t unknown = (vaccel_op_type_t)99;
	struct vaccel_arg read[2];

	EXPECT_EQ(vaccel_genop(&sess, nullptr, 1, nullptr, 0), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_genop(&sess, read, 0, nullptr, 0), VACCEL_EINVAL);
	EXPECT_LOG_HAS("read[0] must hold the op id");

	read[0] = Arg(&small, 3);
	EXPECT_EQ(vaccel_genop(&sess, read, 1, nullptr, 0), VACCEL_EINVAL);
	EXPECT_LOG_HAS("read[0] must point at the op id as an integer of 1, "
		       "2, 4 or 8 bytes, not 3 bytes");

	read[0] = Arg(&unknown, sizeof(unknown));
	EXPECT_EQ(vaccel_genop(&sess, read, 1, nullptr, 0), VACCEL_EINVAL);
	EXPECT_LOG_HAS("vaccel_genop: unknown op id 99 (valid ids: 0..23)");

	read[0] = OpArg(VACCEL_OP_NOOP);
	read[1] = Arg(&small, 4);
	EXPECT_EQ(vaccel_genop(&sess, read, 2, nullptr, 0), VACCEL_EINVAL);
	EXPECT_LOG_HAS("vaccel_genop(noop): 2 read and 0 write args given; "
		       "the op takes 1 and 0");

	read[0] = OpArg(VACCEL_OP_IMAGE_DEPTH);
	EXPECT_EQ(vaccel_genop(&sess, read, 1, nullptr, 0), VACCEL_EINVAL);
	EXPECT_LOG_HAS("vaccel_genop(image_depth): no read[1] for parameter "
		       "'img'");

	EXPECT_EQ(vaccel_genop(&sess, read, 1, nullptr, 2), VACCEL_EINVAL);
}

TEST_F(GenopTest, ScalarOfWrongSizeIsEINVAL)
{
	Start(NOOP_PLUGIN);
	double in[1] = {1}, out[1], min, max;
	int16_t low = 0;
	int high = 1;
	struct vaccel_arg read[] = {OpArg(VACCEL_OP_MINMAX), Arg(in, 8),
				    Arg(&low, sizeof(low)), Arg(&high, 4)};
	struct vaccel_arg write[] = {Arg(out, 8), Arg(&min, 8), Arg(&max, 8)};
	EXPECT_EQ(vaccel_genop(&sess, read, 4, write, 3), VACCEL_EINVAL);
	EXPECT_LOG_HAS("read[2] for 'low_threshold' holds 2 bytes; the "
		       "parameter takes 4");
}

TEST_F(GenopTest, UnterminatedStringIsEINVAL)
{
	Start(NOOP_PLUGIN);
	const char lib[4] = {'a', 'b', 'c', 'd'};
	struct vaccel_arg read[] = {OpArg(VACCEL_OP_EXEC), Arg(lib, 4),
				    Arg("fn", 3)};
	EXPECT_EQ(vaccel_genop(&sess, read, 3, nullptr, 0), VACCEL_EINVAL);
	EXPECT_LOG_HAS("read[1] for 'library' is not NUL-terminated");
}

TEST_F(GenopTest, ArraySizeNotMultipleOfElementIsEINVAL)
{
	Start(NOOP_PLUGIN);
	float a[2] = {1, 2};
	char b[5] = {};
	float c[2];
	struct vaccel_arg read[] = {OpArg(VACCEL_OP_FPGA_VECTORADD),
				    Arg(a, sizeof(a)), Arg(b, sizeof(b))};
	struct vaccel_arg write[] = {Arg(c, sizeof(c))};
	EXPECT_EQ(vaccel_genop(&sess, read, 3, write, 1), VACCEL_EINVAL);
	EXPECT_LOG_HAS("read[2] for 'b' holds 5 bytes, not a multiple of its "
		       "4-byte elements");
}

/* Packs arguments for any op from its descriptor: one element per array,
 * 1 for explicit scalars, a well-typed resource, one 1-float tensor of the
 * op's tensor family (noop echoes input tensors as outputs). */
struct Packed {
	std::vector<struct vaccel_arg> read, write;
	/* The parameter behind each write argument. */
	std::vector<const struct vaccel_param_desc *> write_params;
	std::vector<std::unique_ptr<char[]>> bufs;
	std::unique_ptr<RegisteredResource> resource;
	float value = 1;
	int64_t dim64 = 1;
	int32_t dim32 = 1;
	struct vaccel_torch_tensor torch = {&value, sizeof(value),     false, 1,
					    &dim64, VACCEL_TORCH_FLOAT};
	struct vaccel_tf_tensor tf = {&value, sizeof(value), false,
				      1,      &dim64,	     VACCEL_TF_FLOAT};
	struct vaccel_tflite_tensor tflite = {
	    &value, sizeof(value), false, 1, &dim32, VACCEL_TFLITE_FLOAT32};
	vaccel_op_type_t id;

	void *Tensor(uint16_t type)
	{
		if (type == VACCEL_STRUCT_TF_TENSOR)
			return &tf;
		if (type == VACCEL_STRUCT_TFLITE_TENSOR)
			return &tflite;
		return &torch;
	}

	/* Frees what the plugin allocated into the write arguments. */
	void ReleaseOutputs()
	{
		for (size_t i = 0; i < write.size(); i++) {
			const struct vaccel_param_desc *p = write_params[i];
			void *buf = write[i].buf;
			if (p->kind == VACCEL_PARAM_STRUCT &&
			    p->type == VACCEL_STRUCT_TF_STATUS)
				vaccel_tf_status_release(
				    (struct vaccel_tf_status *)buf);
			if (p->kind != VACCEL_PARAM_STRUCT_PTRS ||
			    !*(void **)buf)
				continue;
			if (p->type == VACCEL_STRUCT_TF_TENSOR)
				vaccel_tf_tensor_delete(
				    *(struct vaccel_tf_tensor **)buf);
			else if (p->type == VACCEL_STRUCT_TFLITE_TENSOR)
				vaccel_tflite_tensor_delete(
				    *(struct vaccel_tflite_tensor **)buf);
			else
				vaccel_torch_tensor_delete(
				    *(struct vaccel_torch_tensor **)buf);
		}
	}

	void *Buf(size_t size)
	{
		bufs.emplace_back(new char[size]());
		return bufs.back().get();
	}

	Packed(const struct vaccel_op_desc *d, struct vaccel_session *sess)
	    : id(d->id)
	{
		read.push_back({&id, sizeof(id), VACCEL_ARG_RAW, 0, false});
		for (unsigned i = 1; i < d->nr_params; i++) {
			const struct vaccel_param_desc *p = &d->params[i];
			struct vaccel_arg a = {nullptr, 0, VACCEL_ARG_RAW, 0,
					       false};
			if (p->flags & VACCEL_PARAM_DERIVED ||
			    p->kind == VACCEL_PARAM_ARGS)
				continue;
			switch (p->kind) {
			case VACCEL_PARAM_SCALAR:
				a.size = p->elem_size;
				a.buf = Buf(a.size);
				/* 1 in the value's own type. */
				if (p->type == VACCEL_SCALAR_F32)
					*(float *)a.buf = 1;
				else if (p->type == VACCEL_SCALAR_F64)
					*(double *)a.buf = 1;
				else
					*(char *)a.buf = 1; /* little-endian */
				break;
			case VACCEL_PARAM_STRING:
				a.buf = Buf(2);
				((char *)a.buf)[0] = 'x';
				a.size = 2;
				break;
			case VACCEL_PARAM_RESOURCE:
				/* ops refuse resources their session was
				 * not given */
				resource.reset(new RegisteredResource(
				    sess, p->resource_type >= 0
					      ? (vaccel_resource_type_t)
						    p->resource_type
					      : VACCEL_RESOURCE_DATA));
				a.buf = &resource->res;
				a.size = sizeof(resource->res);
				break;
			case VACCEL_PARAM_STRUCT_PTRS:
				a.buf = Buf(sizeof(void *));
				*(void **)a.buf = p->dir == VACCEL_PARAM_IN
						      ? Tensor(p->type)
						      : nullptr;
				a.size = sizeof(void *);
				break;
			default: /* BUFFER, STRUCT: one element */
				a.size = p->elem_size;
				a.buf = Buf(a.size);
				break;
			}
			if (p->dir != VACCEL_PARAM_IN)
				write_params.push_back(p);
			(p->dir == VACCEL_PARAM_IN ? read : write).push_back(a);
		}
	}
};

TEST_F(GenopTest, EveryOpDispatchesToNoop)
{
	Start(NOOP_PLUGIN);
	int served = 0;
	for (unsigned op_id = 0; op_id < VACCEL_OP_MAX; op_id++) {
		const struct vaccel_op_desc *d = vaccel_op_desc_get(op_id);
		ASSERT_NE(d, nullptr) << op_id;
		Packed p(d, &sess);
		ClearLog();
		EXPECT_EQ(vaccel_genop(&sess, p.read.data(), (int)p.read.size(),
				       p.write.data(), (int)p.write.size()),
			  VACCEL_OK)
		    << d->name << "\n"
		    << Log();
		EXPECT_LOG_HAS(std::string("[noop] ") + d->fn_name + "(");
		p.ReleaseOutputs();
		served++;
	}
	EXPECT_EQ(served, VACCEL_OP_MAX);
}
