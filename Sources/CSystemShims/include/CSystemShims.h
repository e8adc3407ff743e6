#ifndef CSYSTEMSHIMS_H
#define CSYSTEMSHIMS_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/// Swaps the two existing paths `a` and `b` in one step (Linux: renameat2 with RENAME_EXCHANGE; macOS:
/// renamex_np with RENAME_SWAP). Returns 0, or -1 with errno set; EINVAL, ENOSYS or ENOTSUP mean the file
/// system cannot swap, and the caller has to fall back to plain renames.
int callsheet_exchange(const char *a, const char *b);

/// Opens `path` without following a symbolic link at any step of it (Linux: openat2 with
/// RESOLVE_NO_SYMLINKS, or an openat walk with O_NOFOLLOW where that is missing; macOS: O_NOFOLLOW_ANY).
/// Returns the descriptor, or -1 with errno set (ELOOP when a symbolic link was met).
int callsheet_open_no_symlinks(const char *path, int flags, mode_t mode);

/// A 64-bit hash of `count` bytes, continued from `state` (start with 0), so a file can be hashed in
/// pieces. Every piece but the last must have a length that is a multiple of 8. Not for secrets: it
/// tells a changed file from an unchanged one.
uint64_t callsheet_hash(uint64_t state, const void *bytes, size_t count);

/// The lowest address of the calling thread's stack, or 0 when it cannot be known (the main thread, whose
/// stack grows on demand, and systems without pthread_getattr_np).
uintptr_t callsheet_stack_bottom(void);

#endif
