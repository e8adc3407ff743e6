#include "CVipsShim.h"
#include "vips_api.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stdlib.h>

#ifdef VIPS_VIPS_H
// Compiled against the real headers (CI): the constants vips_api.h stands in for must agree.
_Static_assert(VIPS_INTERPRETATION_B_W == 1 && VIPS_INTERPRETATION_sRGB == 22, "VipsInterpretation");
_Static_assert(VIPS_FORMAT_UCHAR == 0, "VipsBandFormat");
_Static_assert(VIPS_INTERESTING_NONE == 0 && VIPS_INTERESTING_CENTRE == 1 && VIPS_INTERESTING_ATTENTION == 3, "VipsInteresting");
_Static_assert(VIPS_SIZE_BOTH == 0 && VIPS_SIZE_DOWN == 2, "VipsSize");
#endif

// libvips and the libraries it brings (glib, gobject and a codec for every format) are loaded the first
// time an image has to be made, not when the program starts: linking them took longer than building a
// small site, and a build whose images are all in the cache needs none of them.
#define CS_VIPS_CALLS(X) \
    X(vips_init) X(vips_version) X(vips_cache_set_max) X(vips_cache_set_max_mem) X(vips_cache_set_max_files) \
    X(vips_concurrency_set) X(vips_error_clear) X(vips_blob_copy) X(vips_area_unref) X(vips_array_double_new) \
    X(vips_source_new_from_blob) X(vips_image_new_from_source) X(vips_image_get_width) X(vips_image_get_height) \
    X(vips_image_get_bands) X(vips_image_get_format) X(vips_image_guess_interpretation) \
    X(vips_image_get_orientation) X(vips_image_hasalpha) X(vips_image_copy_memory) X(vips_image_get_typeof) \
    X(vips_thumbnail_source) X(vips_colourspace) X(vips_cast_uchar) X(vips_flatten) X(vips_jpegsave_buffer) \
    X(vips_webpsave_buffer) X(vips_pngsave_buffer) X(g_object_ref) X(g_object_unref) X(g_free)

// One pointer per function, typed from its declaration in vips_api.h (so CI's check of those
// declarations against the real headers covers these too). Called as (call.name)(...), since glib may
// define some names as macros too.
#define CS_POINTER(name) __typeof__(name) *name;
static struct { CS_VIPS_CALLS(CS_POINTER) } call;

static pthread_once_t started = PTHREAD_ONCE_INIT;
static int start_result = -1;

/// Opens libvips (CALLSHEET_LIBVIPS names another file to use) and finds every function; 0 when all are there.
static int load_library(void) {
    const char *chosen = getenv("CALLSHEET_LIBVIPS");
    // Homebrew's folders last: macOS does not search them (Apple Silicon's /opt/homebrew, Intel's /usr/local).
    const char *names[] = {"libvips.so.42", "libvips.42.dylib", "libvips.so", "libvips.dylib",
                           "/opt/homebrew/lib/libvips.42.dylib", "/usr/local/lib/libvips.42.dylib"};
    void *library = NULL;
    if (chosen && *chosen) {
        library = dlopen(chosen, RTLD_NOW | RTLD_LOCAL);
    } else {
        for (size_t i = 0; i < sizeof names / sizeof names[0] && !library; i++) library = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    }
    if (!library) return -1;
    int missing = 0;
#define CS_FIND(name) call.name = (__typeof__(call.name))dlsym(library, #name); missing |= call.name == NULL;
    CS_VIPS_CALLS(CS_FIND)
#undef CS_FIND
    return missing ? -1 : 0;
}

static void start_once(void) {
    if (load_library() != 0) return;
    // libvips 8 is the ABI vips_api.h declares.
    if (call.vips_version(0) != 8) return;
    // A damaged file is reported by Callsheet at the line that uses it; libvips' own warnings on
    // stderr would only repeat it out of place.
    setenv("VIPS_WARNING", "0", 0);
    start_result = call.vips_init("callsheet");
    if (start_result != 0) return;
    // Each image is processed once: libvips' cache of operations would only hold memory.
    call.vips_cache_set_max(0);
    call.vips_cache_set_max_mem(0);
    call.vips_cache_set_max_files(0);
}

int cs_start(int threads) {
    pthread_once(&started, start_once);
    if (start_result == 0 && threads > 0) call.vips_concurrency_set(threads);
    return start_result;
}

static cs_object *wrap(void *object) { return (cs_object *)object; }
static VipsImage *image_of(cs_object *object) { return (VipsImage *)object; }
static VipsSource *source_of(cs_object *object) { return (VipsSource *)object; }

cs_object *cs_source_new(const void *data, size_t length) {
    VipsBlob *blob = call.vips_blob_copy(data, length);
    if (!blob) return NULL;
    VipsSource *source = call.vips_source_new_from_blob(blob);
    call.vips_area_unref(VIPS_AREA(blob));
    return wrap(source);
}

cs_object *cs_open(cs_object *source) {
    VipsImage *image = call.vips_image_new_from_source(source_of(source), "", NULL);
    if (!image) call.vips_error_clear();
    return wrap(image);
}

int cs_width(cs_object *image) { return call.vips_image_get_width(image_of(image)); }
int cs_height(cs_object *image) { return call.vips_image_get_height(image_of(image)); }
int cs_has_alpha(cs_object *image) { return call.vips_image_hasalpha(image_of(image)) ? 1 : 0; }
int cs_orientation(cs_object *image) { return call.vips_image_get_orientation(image_of(image)); }
int cs_has_profile(cs_object *image) {
    return call.vips_image_get_typeof(image_of(image), VIPS_META_ICC_NAME) != 0 ? 1 : 0;
}

/// 8 bits per band, in sRGB (or grey): what every browser shows the same.
static VipsImage *to_web_colour(VipsImage *in) {
    VipsInterpretation space = call.vips_image_get_bands(in) - (call.vips_image_hasalpha(in) ? 1 : 0) >= 3
        ? VIPS_INTERPRETATION_sRGB : VIPS_INTERPRETATION_B_W;
    if (call.vips_image_get_format(in) == VIPS_FORMAT_UCHAR && call.vips_image_guess_interpretation(in) == space) {
        (call.g_object_ref)(in);
        return in;
    }
    VipsImage *out = NULL;
    if (call.vips_colourspace(in, &out, space, NULL) != 0) return NULL;
    if (call.vips_image_get_format(out) != VIPS_FORMAT_UCHAR) {
        VipsImage *cast = NULL;
        int failed = call.vips_cast_uchar(out, &cast, NULL);
        (call.g_object_unref)(out);
        if (failed) return NULL;
        out = cast;
    }
    return out;
}

cs_object *cs_thumbnail(cs_object *source, int width, int height, cs_crop crop, int enlarge) {
    VipsImage *header = call.vips_image_new_from_source(source_of(source), "", NULL);
    if (!header) {
        call.vips_error_clear();
        return NULL;
    }
    // A photo in another colour space (a phone's Display P3) is converted, since its profile is stripped.
    int has_profile = call.vips_image_get_typeof(header, VIPS_META_ICC_NAME) != 0;
    (call.g_object_unref)(header);
    VipsInteresting interesting = crop == cs_crop_attention ? VIPS_INTERESTING_ATTENTION
        : crop == cs_crop_centre ? VIPS_INTERESTING_CENTRE : VIPS_INTERESTING_NONE;
    VipsImage *thumbnail = NULL;
    int failed = has_profile
        ? call.vips_thumbnail_source(source_of(source), &thumbnail, width, "height", height, "crop", interesting,
                                "size", enlarge ? VIPS_SIZE_BOTH : VIPS_SIZE_DOWN, "export_profile", "srgb",
                                "option_string", "fail_on=error", NULL)
        : call.vips_thumbnail_source(source_of(source), &thumbnail, width, "height", height, "crop", interesting,
                                "size", enlarge ? VIPS_SIZE_BOTH : VIPS_SIZE_DOWN,
                                "option_string", "fail_on=error", NULL);
    if (failed) {
        call.vips_error_clear();
        return NULL;
    }
    VipsImage *out = to_web_colour(thumbnail);
    (call.g_object_unref)(thumbnail);
    if (!out) call.vips_error_clear();
    return wrap(out);
}

cs_object *cs_materialize(cs_object *image) {
    VipsImage *out = call.vips_image_copy_memory(image_of(image));
    if (!out) call.vips_error_clear();
    return wrap(out);
}

cs_object *cs_flatten(cs_object *image, unsigned int rgb) {
    if (!call.vips_image_hasalpha(image_of(image))) {
        (call.g_object_ref)(image_of(image));
        return image;
    }
    double colour[3] = {(rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff};
    VipsArrayDouble *background = call.vips_array_double_new(colour, 3);
    VipsImage *out = NULL;
    int failed = call.vips_flatten(image_of(image), &out, "background", background, NULL);
    call.vips_area_unref(VIPS_AREA(background));
    if (failed) {
        call.vips_error_clear();
        return NULL;
    }
    return wrap(out);
}

static int finish_save(int failed) {
    if (failed) call.vips_error_clear();
    return failed ? -1 : 0;
}

int cs_save_jpeg(cs_object *image, int quality, void **buffer, size_t *length) {
    return finish_save(call.vips_jpegsave_buffer(image_of(image), buffer, length, "Q", quality, "strip", TRUE,
                                            "optimize_coding", TRUE, "interlace", TRUE, NULL));
}

int cs_save_webp(cs_object *image, int quality, void **buffer, size_t *length) {
    return finish_save(call.vips_webpsave_buffer(image_of(image), buffer, length, "Q", quality, "strip", TRUE,
                                            "effort", 4, NULL));
}

int cs_save_png(cs_object *image, void **buffer, size_t *length) {
    return finish_save(call.vips_pngsave_buffer(image_of(image), buffer, length, "strip", TRUE,
                                           "compression", 9, "interlace", FALSE, NULL));
}

void cs_release(cs_object *object) {
    if (object) (call.g_object_unref)(object);
}

void cs_free(void *pointer) { (call.g_free)(pointer); }
