// Plain, non-variadic wrappers over the few libvips calls Callsheet makes (Swift cannot call
// libvips' variadic API), which load libvips on first use. Every image and source returned here is owned by the caller and released
// with cs_release; every buffer with cs_free. Only Sources/Callsheet/Images uses these.
#ifndef CVIPS_SHIM_H
#define CVIPS_SHIM_H

#include <stddef.h>

/// An image or an encoded source: libvips objects, opaque to Swift.
typedef struct cs_object cs_object;

/// How a thumbnail is cut to the box it must fill.
typedef enum {
    cs_crop_none = 0,      ///< fit inside the box, keep the whole picture
    cs_crop_centre = 1,    ///< fill the box, cut around the centre
    cs_crop_attention = 2, ///< fill the box, cut around what draws the eye
} cs_crop;

/// Loads and starts libvips once for the whole process (safe to call from any thread, any number of
/// times); nothing of libvips is loaded before the first call. `threads` is how many worker threads each
/// image may use. Returns 0 on success, -1 when libvips 8 cannot be loaded or started.
int cs_start(int threads);

/// A source over a copy of `data`, so the caller's buffer may go away. NULL when out of memory.
cs_object *cs_source_new(const void *data, size_t length);

/// Opens `source` lazily (only the header is read). NULL when it is not an image libvips can read.
cs_object *cs_open(cs_object *source);

/// Width, height and bands of an image as stored, and its EXIF orientation (1 to 8).
int cs_width(cs_object *image);
int cs_height(cs_object *image);
int cs_has_alpha(cs_object *image);
int cs_orientation(cs_object *image);
/// 1 when the image carries an ICC colour profile.
int cs_has_profile(cs_object *image);

/// The image read from `source`, turned upright, converted to sRGB, and shrunk to fit `width` x
/// `height` (never enlarged unless `enlarge`), cut to that box when `crop` says so. NULL on failure.
/// Decoding is lazy and stops at the first damaged byte, so saving the result is where a file that
/// is cut short or damaged fails.
cs_object *cs_thumbnail(cs_object *source, int width, int height, cs_crop crop, int enlarge);

/// The image computed into memory: a thumbnail can be encoded once only (it streams from its source),
/// a materialized image any number of times. NULL on failure (a damaged file).
cs_object *cs_materialize(cs_object *image);

/// The image with its transparency flattened onto the colour (`rgb` as 0xRRGGBB). NULL on failure.
cs_object *cs_flatten(cs_object *image, unsigned int rgb);

/// Encodes the image with every piece of metadata stripped, the same bytes for the same pixels.
/// On success returns 0 and sets `*buffer` (free it with cs_free) and `*length`.
int cs_save_jpeg(cs_object *image, int quality, void **buffer, size_t *length);
int cs_save_webp(cs_object *image, int quality, void **buffer, size_t *length);
int cs_save_png(cs_object *image, void **buffer, size_t *length);

/// Releases an image or a source.
void cs_release(cs_object *object);

/// Frees a buffer or string made by this library.
void cs_free(void *pointer);

#endif
