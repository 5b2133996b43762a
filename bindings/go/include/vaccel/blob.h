/* Copied from c/include/vaccel/blob.h by idl/gen/vaccelgen.py for the Go
 * binding. Do not edit; regenerate with: python3 idl/gen/vaccelgen.py */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Where a blob's bytes live. */
typedef enum {
	/* A file the blob names but does not own; read on demand. */
	VACCEL_BLOB_FILE = 0,
	/* Bytes in memory only, no file. */
	VACCEL_BLOB_BUFFER = 1,
	/* A file mapped into memory (a read FILE, or a persisted BUFFER). */
	VACCEL_BLOB_MAPPED = 2,
	VACCEL_BLOB_MAX = 3,
} vaccel_blob_type_t;

/* The constant's name ("VACCEL_BLOB_FILE"), or "unknown". */
const char *vaccel_blob_type_to_str(vaccel_blob_type_t value);

/* One file or buffer of a resource. */
struct vaccel_blob {
	vaccel_blob_type_t type;
	/* File name; for a file found under a directory resource, its path
	 * relative to that directory ("variables/variables.index"). */
	char *name;
	/* The backing file, or NULL for a BUFFER blob. */
	char *path;
	/* True when the blob created the file: release removes it. */
	bool path_owned;
	/* The bytes; NULL for a FILE blob not read yet. */
	uint8_t *data;
	/* True when release must free (BUFFER) or unmap (MAPPED) `data`. */
	bool data_owned;
	size_t size;
};

/* Write an in-memory blob to `dir`/`filename` (with a random suffix when
 * `randomize`, or when that file exists) and map the file back as its data.
 */
int vaccel_blob_persist(struct vaccel_blob *blob, const char *dir,
			const char *filename, bool randomize);
/* A FILE blob for the existing regular file `path` (not read yet); any
 * other path (missing, a directory) is VACCEL_EINVAL. */
int vaccel_blob_init(struct vaccel_blob *blob, const char *path);
/* A blob from `size` bytes at `buf`. Without `dir`: a BUFFER blob that
 * points at `buf` (own = false; `buf` must outlive the blob) or holds its
 * own copy (own = true). With `dir`: persisted there as `filename`. */
int vaccel_blob_init_from_buf(struct vaccel_blob *blob, const uint8_t *buf,
			      size_t size, bool own, const char *filename,
			      const char *dir, bool randomize);
/* Frees what the blob owns; removes the file when it created it. */
int vaccel_blob_release(struct vaccel_blob *blob);
int vaccel_blob_new(struct vaccel_blob **blob, const char *path);
int vaccel_blob_from_buf(struct vaccel_blob **blob, const uint8_t *buf,
			 size_t size, bool own, const char *filename,
			 const char *dir, bool randomize);
int vaccel_blob_delete(struct vaccel_blob *blob);
/* Maps a FILE blob's file into memory (no-op when the data is there). */
int vaccel_blob_read(struct vaccel_blob *blob);
/* The bytes (read first when needed) and their count; NULL on error. */
uint8_t *vaccel_blob_data(struct vaccel_blob *blob, size_t *size);
/* The backing file, or NULL for a BUFFER blob. */
const char *vaccel_blob_path(struct vaccel_blob *blob);
/* True for a blob with a name, a valid type and a path or data. */
bool vaccel_blob_valid(const struct vaccel_blob *blob);

#ifdef __cplusplus
}
#endif
