#pragma once

/* One call of any op, built from its descriptor alone, that can be made
 * both directly (vaccel_op_invoke(), which every generated op function
 * calls) and packed for vaccel_genop, so tests can check that the two
 * agree. Values: integer scalars 1, floats 1, strings "x", resources
 * registered to the session, arrays zeroed and sized by their counts, input
 * tensors of one float (shape [1]). Meant for
 * the noop plugin; what a backend allocates is freed after each call.
 */

#include <cstdint>
#include <cstring>
#include <vector>

extern "C" {
#include "op_invoke.h"
#include <vaccel.h>
#include <vaccel/op_desc.h>
}

class OpCall
{
      public:
	/* `lib` and `model` are registered to `sess` (resource params). */
	OpCall(const struct vaccel_op_desc *desc, struct vaccel_session *sess,
	       struct vaccel_resource *lib, struct vaccel_resource *model)
	    : desc_(desc), sess_(sess), argv_(desc->nr_params),
	      ptrs_(desc->nr_params), claim_(desc->nr_params),
	      scalars_(desc->nr_params), data_(desc->nr_params)
	{
		argv_[0] = &sess_;
		for (unsigned int i = 1; i < desc->nr_params; i++) {
			const struct vaccel_param_desc *p = &desc->params[i];

			if (p->kind == VACCEL_PARAM_SCALAR) {
				argv_[i] = &scalars_[i];
				SetInt(i, 1);
				continue;
			}
			argv_[i] = &ptrs_[i];
			if (p->kind == VACCEL_PARAM_STRING)
				ptrs_[i] = const_cast<char *>("x");
			else if (p->kind == VACCEL_PARAM_RESOURCE)
				ptrs_[i] =
				    p->resource_type == VACCEL_RESOURCE_MODEL
					? model
					: lib;
		}
		for (unsigned int i = 1; i < desc->nr_params; i++)
			if (IsArray(i))
				Alloc(i, Bytes(i) < 0 ? 0 : (size_t)Bytes(i));
	}

	bool IsArray(unsigned int i) const
	{
		uint8_t kind = desc_->params[i].kind;

		return kind == VACCEL_PARAM_BUFFER ||
		       kind == VACCEL_PARAM_STRUCT ||
		       kind == VACCEL_PARAM_STRUCT_PTRS ||
		       kind == VACCEL_PARAM_ARGS;
	}

	/* vaccel_param_bytes() of parameter i with the current values. */
	long long Bytes(unsigned int i) const
	{
		return vaccel_param_bytes(desc_, i, argv_.data());
	}

	/* Integer scalars get `v` (truncated to their type), floats 1. */
	void SetInt(unsigned int i, long long v)
	{
		void *dst = &scalars_[i];

		memset(dst, 0, sizeof(scalars_[i]));
		switch (desc_->params[i].type) {
		case VACCEL_SCALAR_F32:
			*(float *)dst = 1;
			break;
		case VACCEL_SCALAR_F64:
			*(double *)dst = 1;
			break;
		default:
			/* Little-endian: the low bytes are the value. */
			memcpy(dst, &v, desc_->params[i].elem_size);
			break;
		}
	}

	/* Array i becomes a zeroed buffer of `bytes`, claimed truthfully. */
	void Alloc(unsigned int i, size_t bytes)
	{
		const struct vaccel_param_desc *p = &desc_->params[i];

		data_[i].assign(bytes ? bytes : 1, 0);
		ptrs_[i] = data_[i].data();
		claim_[i] = bytes;
		if (p->kind == VACCEL_PARAM_STRUCT_PTRS &&
		    p->dir == VACCEL_PARAM_IN)
			for (size_t k = 0; k < bytes / sizeof(void *); k++)
				((void **)ptrs_[i])[k] = Input(p->type);
	}

	/* Pointer parameter i is NULL; genop is told it holds `claim`. */
	void SetNull(unsigned int i, size_t claim)
	{
		ptrs_[i] = nullptr;
		claim_[i] = claim;
	}

	/* genop is told array i holds `claim` bytes, whatever it holds. */
	void Claim(unsigned int i, size_t claim)
	{
		claim_[i] = claim;
	}

	size_t Claimed(unsigned int i) const
	{
		return claim_[i];
	}

	int Direct()
	{
		int ret = vaccel_op_invoke(desc_->id, argv_.data());

		FreeOutputs();
		return ret;
	}

	/* The same call through vaccel_genop (layout: docs/genop.md). A
	 * positive `extra_read`/`extra_write` appends that many stray args,
	 * a negative one drops args from the end. */
	int Genop(int extra_read = 0, int extra_write = 0)
	{
		std::vector<struct vaccel_arg> read, write;
		vaccel_op_type_t op = desc_->id;

		read.push_back(Arg(&op, sizeof(op)));
		for (unsigned int i = 1; i < desc_->nr_params; i++) {
			const struct vaccel_param_desc *p = &desc_->params[i];
			auto &side = p->dir == VACCEL_PARAM_IN ? read : write;

			if (p->flags & VACCEL_PARAM_DERIVED)
				continue;
			switch (p->kind) {
			case VACCEL_PARAM_SCALAR:
				side.push_back(Arg(argv_[i], p->elem_size));
				break;
			case VACCEL_PARAM_STRING:
				side.push_back(
				    Arg(ptrs_[i],
					ptrs_[i] ? strlen((char *)ptrs_[i]) + 1
						 : 0));
				break;
			case VACCEL_PARAM_RESOURCE:
				side.push_back(Arg(
				    ptrs_[i],
				    ptrs_[i] ? sizeof(struct vaccel_resource)
					     : 0));
				break;
			case VACCEL_PARAM_ARGS:
				/* Its elements are the remaining args. */
				for (size_t k = 0;
				     ptrs_[i] &&
				     k < claim_[i] / sizeof(struct vaccel_arg);
				     k++)
					side.push_back(
					    ((struct vaccel_arg *)ptrs_[i])[k]);
				break;
			default:
				side.push_back(Arg(ptrs_[i], claim_[i]));
				break;
			}
		}
		Adjust(read, extra_read, 1); /* read[0], the op id, stays */
		Adjust(write, extra_write, 0);
		int ret = vaccel_genop(sess_, read.data(), (int)read.size(),
				       write.empty() ? nullptr : write.data(),
				       (int)write.size());
		FreeOutputs();
		return ret;
	}

      private:
	/* One float, shape [1], of the tensor family `type`. */
	void *Input(uint8_t type)
	{
		if (type == VACCEL_STRUCT_TORCH_TENSOR)
			return &torch_in_;
		if (type == VACCEL_STRUCT_TF_TENSOR)
			return &tf_in_;
		if (type == VACCEL_STRUCT_TFLITE_TENSOR)
			return &tflite_in_;
		return dummy_;
	}

	static struct vaccel_arg Arg(void *buf, size_t size)
	{
		return {buf, size, VACCEL_ARG_RAW, 0, false};
	}

	/* What the backend allocated (noop echoes input tensors and fills
	 * TensorFlow statuses): freed after each call, as a caller would. */
	void FreeOutputs()
	{
		for (unsigned int i = 1; i < desc_->nr_params; i++) {
			const struct vaccel_param_desc *p = &desc_->params[i];

			if (!ptrs_[i] || ptrs_[i] != data_[i].data())
				continue;
			if (p->type == VACCEL_STRUCT_TF_STATUS &&
			    p->kind == VACCEL_PARAM_STRUCT) {
				vaccel_tf_status_release(
				    (struct vaccel_tf_status *)ptrs_[i]);
				continue;
			}
			if (!(p->flags & VACCEL_PARAM_CALLEE_OWNED))
				continue;
			void **out = (void **)ptrs_[i];
			for (size_t k = 0; k < data_[i].size() / sizeof(void *);
			     k++) {
				if (out[k])
					Delete(p->type, out[k]);
				out[k] = nullptr;
			}
		}
	}

	static void Delete(uint8_t type, void *t)
	{
		if (type == VACCEL_STRUCT_TORCH_TENSOR)
			vaccel_torch_tensor_delete(
			    (struct vaccel_torch_tensor *)t);
		else if (type == VACCEL_STRUCT_TF_TENSOR)
			vaccel_tf_tensor_delete((struct vaccel_tf_tensor *)t);
		else if (type == VACCEL_STRUCT_TFLITE_TENSOR)
			vaccel_tflite_tensor_delete(
			    (struct vaccel_tflite_tensor *)t);
	}

	void Adjust(std::vector<struct vaccel_arg> &args, int delta,
		    size_t keep)
	{
		/* Each stray arg has bytes of its own (noop's exec copies
		 * read[0] into write[0]: never the same buffer). */
		for (; delta > 0; delta--) {
			extras_.emplace_back(sizeof(int64_t), 0);
			args.push_back(
			    Arg(extras_.back().data(), sizeof(int64_t)));
		}
		for (; delta < 0 && args.size() > keep; delta++)
			args.pop_back();
	}

	const struct vaccel_op_desc *desc_;
	struct vaccel_session *sess_;
	std::vector<void *> argv_;
	std::vector<void *> ptrs_;
	std::vector<size_t> claim_;
	std::vector<uint64_t> scalars_;
	std::vector<std::vector<unsigned char>> data_;
	std::vector<std::vector<unsigned char>> extras_;
	alignas(16) unsigned char dummy_[1024] = {};
	float value_ = 1;
	int64_t dim64_ = 1;
	int32_t dim32_ = 1;
	struct vaccel_torch_tensor torch_in_ = {
	    &value_, sizeof(value_), false, 1, &dim64_, VACCEL_TORCH_FLOAT};
	struct vaccel_tf_tensor tf_in_ = {&value_, sizeof(value_), false, 1,
					  &dim64_, VACCEL_TF_FLOAT};
	struct vaccel_tflite_tensor tflite_in_ = {
	    &value_, sizeof(value_), false, 1, &dim32_, VACCEL_TFLITE_FLOAT32};
};
