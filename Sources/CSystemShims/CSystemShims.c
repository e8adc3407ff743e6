// System calls Swift cannot reach through Glibc or Darwin, kept as small as the calls themselves.
#define _GNU_SOURCE
#include "CSystemShims.h"

#include <errno.h>
#include <pthread.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#if defined(__linux__)
#include <sys/syscall.h>
#if __has_include(<linux/openat2.h>)
#include <linux/openat2.h>
#endif
#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif
#endif

int callsheet_exchange(const char *a, const char *b) {
#if defined(__APPLE__)
    return renamex_np(a, b, RENAME_SWAP);
#elif defined(__linux__) && defined(SYS_renameat2)
    return (int)syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE);
#else
    (void)a; (void)b;
    errno = ENOSYS;
    return -1;
#endif
}

#if defined(__linux__)
/// One component at a time from the start of `path`, none of them followed if it is a link.
static int open_walk(const char *path, int flags, mode_t mode) {
    char buffer[4096];
    size_t length = strlen(path);
    if (length >= sizeof buffer) { errno = ENAMETOOLONG; return -1; }
    memcpy(buffer, path, length + 1);
    int folder = open(buffer[0] == '/' ? "/" : ".", O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (folder < 0) return -1;
    char *name = buffer;
    while (*name == '/') name++;
    for (;;) {
        char *slash = strchr(name, '/');
        if (slash == NULL) break;
        *slash = '\0';
        int next = *name ? openat(folder, name, O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) : dup(folder);
        int saved = errno;
        close(folder);
        // O_DIRECTORY with O_NOFOLLOW on a link fails with ENOTDIR; say what it was.
        if (next < 0) { errno = saved == ENOTDIR ? ELOOP : saved; return -1; }
        folder = next;
        name = slash + 1;
    }
    int result = openat(folder, *name ? name : ".", flags | O_NOFOLLOW, mode);
    int saved = errno;
    close(folder);
    errno = saved;
    return result;
}
#endif

int callsheet_open_no_symlinks(const char *path, int flags, mode_t mode) {
#if defined(__APPLE__) && defined(O_NOFOLLOW_ANY)
    return open(path, flags | O_NOFOLLOW_ANY, mode);
#elif defined(__APPLE__)
    return open(path, flags | O_NOFOLLOW, mode);
#elif defined(__linux__)
#if defined(SYS_openat2) && defined(RESOLVE_NO_SYMLINKS)
    struct open_how how;
    memset(&how, 0, sizeof how);
    how.flags = (uint64_t)(flags | O_CLOEXEC);
    how.mode = (flags & O_CREAT) ? mode : 0;
    how.resolve = RESOLVE_NO_SYMLINKS;
    int result = (int)syscall(SYS_openat2, AT_FDCWD, path, &how, sizeof how);
    // Kernels before 5.6, and sandboxes that filter the call, fall back to the walk.
    if (result >= 0 || (errno != ENOSYS && errno != EPERM)) return result;
#endif
    return open_walk(path, flags | O_CLOEXEC, mode);
#else
    return open(path, flags | O_NOFOLLOW, mode);
#endif
}

static inline uint64_t mix(uint64_t value) {
    value ^= value >> 31;
    value *= 0x7fb5d329728ea185ULL;
    value ^= value >> 27;
    value *= 0x81dadef4bc2dd44dULL;
    value ^= value >> 33;
    return value;
}

uint64_t callsheet_hash(uint64_t state, const void *bytes, size_t count) {
    const unsigned char *at = bytes;
    uint64_t hash = state ^ 0x9e3779b97f4a7c15ULL;
    while (count >= 8) {
        uint64_t word;
        memcpy(&word, at, 8);
        hash = mix(hash ^ word) + 0x632be59bd9b4e019ULL;
        at += 8;
        count -= 8;
    }
    if (count > 0) {
        uint64_t word = 0;
        memcpy(&word, at, count);
        hash = mix(hash ^ word ^ ((uint64_t)count << 56)) + 0x632be59bd9b4e019ULL;
    }
    return hash;
}

uintptr_t callsheet_stack_bottom(void) {
#if defined(__linux__)
    if (getpid() == (pid_t)syscall(SYS_gettid)) return 0;
    pthread_attr_t attributes;
    if (pthread_getattr_np(pthread_self(), &attributes) != 0) return 0;
    void *low = NULL;
    size_t size = 0;
    int result = pthread_attr_getstack(&attributes, &low, &size);
    pthread_attr_destroy(&attributes);
    return result == 0 ? (uintptr_t)low : 0;
#else
    return 0;
#endif
}
