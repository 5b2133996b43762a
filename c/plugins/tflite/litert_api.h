#pragma once

/*
 * The part of LiteRT's C API that the tflite plugin uses, declared here
 * because the ai-edge-litert wheel ships libLiteRt.so without headers.
 *
 * Pinned to ai-edge-litert 2.3.0. Written from the published litert/c
 * headers of google-ai-edge/LiteRT at the "Bump LiteRT SDK versions to
 * 2.3.0" commit (19a1585ff7c66779793d339fa7f85fc5a58f4db0; litert_common.h,
 * litert_layout.h, litert_model_types.h, litert_model.h,
 * litert_environment.h, litert_options.h, litert_compiled_model.h,
 * litert_tensor_buffer.h, litert_tensor_buffer_types.h,
 * internal/litert_accelerator.h), and checked against the symbols that
 * the wheel's libLiteRt.so exports. The C API changes between minor
 * releases: re-check every declaration before moving the pin.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define LITERT_PINNED_VERSION "2.3.0"

/* Opaque handles. */
typedef struct LiteRtEnvironmentT *LiteRtEnvironment;
typedef struct LiteRtModelT *LiteRtModel;
typedef struct LiteRtSignatureT *LiteRtSignature;
typedef struct LiteRtTensorT *LiteRtTensor;
typedef struct LiteRtOptionsT *LiteRtOptions;
typedef struct LiteRtCompiledModelT *LiteRtCompiledModel;
typedef struct LiteRtTensorBufferT *LiteRtTensorBuffer;
typedef struct LiteRtAcceleratorT *LiteRtAccelerator;
typedef const struct LiteRtAcceleratorT *LiteRtAcceleratorConst;
/* An environment option; only passed as (0, NULL) here. */
typedef struct LiteRtEnvOptionS LiteRtEnvOption;

typedef size_t LiteRtParamIndex;

/* Result of every call; 0 is success. Only the codes the plugin names. */
typedef enum {
	kLiteRtStatusOk = 0,
	kLiteRtStatusErrorInvalidArgument = 1,
	kLiteRtStatusErrorMemoryAllocationFailure = 2,
	kLiteRtStatusErrorRuntimeFailure = 3,
	kLiteRtStatusErrorUnsupported = 5,
	kLiteRtStatusErrorNotFound = 6,
	kLiteRtStatusErrorWrongVersion = 8,
	kLiteRtStatusErrorFileIO = 500,
	kLiteRtStatusErrorInvalidFlatbuffer = 501,
	kLiteRtStatusErrorCompilation = 504,
} LiteRtStatus;

typedef struct {
	int major;
	int minor;
	int patch;
} LiteRtApiVersion;

/* Element types: TFLite's TfLiteType values (as vaccel's tflite enum). */
typedef enum {
	kLiteRtElementTypeNone = 0,
	kLiteRtElementTypeFloat32 = 1,
	kLiteRtElementTypeInt32 = 2,
	kLiteRtElementTypeUInt8 = 3,
	kLiteRtElementTypeInt64 = 4,
	kLiteRtElementTypeTfString = 5,
	kLiteRtElementTypeBool = 6,
	kLiteRtElementTypeInt16 = 7,
	kLiteRtElementTypeComplex64 = 8,
	kLiteRtElementTypeInt8 = 9,
	kLiteRtElementTypeFloat16 = 10,
	kLiteRtElementTypeFloat64 = 11,
	kLiteRtElementTypeComplex128 = 12,
	kLiteRtElementTypeUInt64 = 13,
	kLiteRtElementTypeTfResource = 14,
	kLiteRtElementTypeTfVariant = 15,
	kLiteRtElementTypeUInt32 = 16,
	kLiteRtElementTypeUInt16 = 17,
	kLiteRtElementTypeInt4 = 18,
} LiteRtElementType;

#define LITERT_TENSOR_MAX_RANK 8

/* A shape; dimensions < 0 are dynamic. */
typedef struct {
	unsigned int rank : 7;
	unsigned int has_strides : 1;
	int32_t dimensions[LITERT_TENSOR_MAX_RANK];
	uint32_t strides[LITERT_TENSOR_MAX_RANK];
} LiteRtLayout;

typedef struct {
	LiteRtElementType element_type;
	LiteRtLayout layout;
} LiteRtRankedTensorType;

typedef enum {
	kLiteRtTensorBufferTypeHostMemory = 1,
} LiteRtTensorBufferType;

typedef enum {
	kLiteRtTensorBufferLockModeRead = 0,
	kLiteRtTensorBufferLockModeWrite = 1,
} LiteRtTensorBufferLockMode;

typedef enum {
	kLiteRtHwAcceleratorCpu = 1 << 0,
} LiteRtHwAccelerators;
typedef int LiteRtHwAcceleratorSet;

/* Environment (litert_environment.h). */
LiteRtStatus LiteRtCreateEnvironment(int num_options,
				     const LiteRtEnvOption *options,
				     LiteRtEnvironment *environment);
void LiteRtDestroyEnvironment(LiteRtEnvironment environment);

/* Accelerators registered in an environment
 * (internal/litert_accelerator.h). Their versions are the accelerators'
 * own, not LiteRT's. */
LiteRtStatus LiteRtGetNumAccelerators(LiteRtEnvironment environment,
				      LiteRtParamIndex *num_accelerators);
LiteRtStatus LiteRtGetAccelerator(LiteRtEnvironment environment,
				  LiteRtParamIndex index,
				  LiteRtAccelerator *accelerator);
LiteRtStatus LiteRtGetAcceleratorName(LiteRtAcceleratorConst accelerator,
				      const char **name);
LiteRtStatus LiteRtGetAcceleratorVersion(LiteRtAcceleratorConst accelerator,
					 LiteRtApiVersion *version);

/* Models and their signatures (litert_model.h). The buffer must outlive
 * the model. */
LiteRtStatus LiteRtCreateModelFromBuffer(LiteRtEnvironment environment,
					 const void *buffer_addr,
					 size_t buffer_size,
					 LiteRtModel *model);
void LiteRtDestroyModel(LiteRtModel model);
LiteRtStatus LiteRtGetNumModelSignatures(LiteRtModel model,
					 LiteRtParamIndex *num_signatures);
LiteRtStatus LiteRtGetModelSignature(LiteRtModel model,
				     LiteRtParamIndex signature_index,
				     LiteRtSignature *signature);
LiteRtStatus LiteRtGetSignatureKey(LiteRtSignature signature,
				   const char **signature_key);
LiteRtStatus LiteRtGetNumSignatureInputs(LiteRtSignature signature,
					 LiteRtParamIndex *num_inputs);
LiteRtStatus LiteRtGetSignatureInputName(LiteRtSignature signature,
					 LiteRtParamIndex input_idx,
					 const char **input_name);
LiteRtStatus LiteRtGetSignatureInputTensorByIndex(LiteRtSignature signature,
						  LiteRtParamIndex input_idx,
						  LiteRtTensor *tensor);
LiteRtStatus LiteRtGetNumSignatureOutputs(LiteRtSignature signature,
					  LiteRtParamIndex *num_outputs);
LiteRtStatus LiteRtGetSignatureOutputName(LiteRtSignature signature,
					  LiteRtParamIndex output_idx,
					  const char **output_name);
LiteRtStatus LiteRtGetSignatureOutputTensorByIndex(LiteRtSignature signature,
						   LiteRtParamIndex output_idx,
						   LiteRtTensor *tensor);
/* Fails for an unranked tensor. */
LiteRtStatus LiteRtGetRankedTensorType(LiteRtTensor tensor,
				       LiteRtRankedTensorType *type);

/* Compilation options (litert_options.h); the caller keeps ownership. */
LiteRtStatus LiteRtCreateOptions(LiteRtOptions *options);
void LiteRtDestroyOptions(LiteRtOptions options);
LiteRtStatus LiteRtSetOptionsHardwareAccelerators(
    LiteRtOptions options, LiteRtHwAcceleratorSet hardware_accelerators);

/* Compiled models (litert_compiled_model.h). */
LiteRtStatus LiteRtCreateCompiledModel(LiteRtEnvironment environment,
				       LiteRtModel model,
				       LiteRtOptions compilation_options,
				       LiteRtCompiledModel *compiled_model);
void LiteRtDestroyCompiledModel(LiteRtCompiledModel compiled_model);
LiteRtStatus LiteRtRunCompiledModel(LiteRtCompiledModel compiled_model,
				    LiteRtParamIndex signature_index,
				    size_t num_input_buffers,
				    LiteRtTensorBuffer *input_buffers,
				    size_t num_output_buffers,
				    LiteRtTensorBuffer *output_buffers);

/* Tensor buffers (litert_tensor_buffer.h): managed host memory, locked
 * to read or write it. */
LiteRtStatus
LiteRtCreateManagedTensorBuffer(LiteRtEnvironment env,
				LiteRtTensorBufferType buffer_type,
				const LiteRtRankedTensorType *tensor_type,
				size_t buffer_size, LiteRtTensorBuffer *buffer);
void LiteRtDestroyTensorBuffer(LiteRtTensorBuffer buffer);
LiteRtStatus LiteRtLockTensorBuffer(LiteRtTensorBuffer tensor_buffer,
				    void **host_mem_addr,
				    LiteRtTensorBufferLockMode lock_mode);
LiteRtStatus LiteRtUnlockTensorBuffer(LiteRtTensorBuffer buffer);
