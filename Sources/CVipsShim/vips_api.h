// The part of libvips 8 (and glib) that CVipsShim.c calls, declared with libvips' own names and types;
// CVipsShim.c finds each in the library at run time and types its pointer from the declaration here.
// Built normally, these declarations stand in for <vips/vips.h>. CI also compiles CVipsShim.c with the
// real headers included first (`-include vips/vips.h`): then the stand-in types are skipped, every
// prototype below must match the real one, and CVipsShim.c checks the constants.
#ifndef CVIPS_API_H
#define CVIPS_API_H

#include <stddef.h>

#ifndef __G_LIB_H__
typedef int gboolean;
typedef unsigned long GType;
typedef void *gpointer;
#define TRUE 1
#define FALSE 0
#endif

#ifndef VIPS_VIPS_H
typedef struct _VipsImage VipsImage;
typedef struct _VipsSource VipsSource;
typedef struct _VipsArea VipsArea;
typedef struct _VipsBlob VipsBlob;
typedef struct _VipsArrayDouble VipsArrayDouble;
typedef enum { VIPS_INTERPRETATION_B_W = 1, VIPS_INTERPRETATION_sRGB = 22 } VipsInterpretation;
typedef enum { VIPS_FORMAT_UCHAR = 0 } VipsBandFormat;
typedef enum { VIPS_INTERESTING_NONE = 0, VIPS_INTERESTING_CENTRE = 1, VIPS_INTERESTING_ATTENTION = 3 } VipsInteresting;
typedef enum { VIPS_SIZE_BOTH = 0, VIPS_SIZE_DOWN = 2 } VipsSize;
#define VIPS_META_ICC_NAME "icc-profile-data"
#define VIPS_AREA(X) ((VipsArea *)(X))
#endif

int vips_init(const char *argv0);
int vips_version(int flag);
void vips_cache_set_max(int max);
void vips_cache_set_max_mem(size_t max_mem);
void vips_cache_set_max_files(int max_files);
void vips_concurrency_set(int concurrency);
void vips_error_clear(void);

VipsBlob *vips_blob_copy(const void *data, size_t length);
void vips_area_unref(VipsArea *area);
VipsArrayDouble *vips_array_double_new(const double *array, int n);
VipsSource *vips_source_new_from_blob(VipsBlob *blob);
VipsImage *vips_image_new_from_source(VipsSource *source, const char *option_string, ...);

int vips_image_get_width(const VipsImage *image);
int vips_image_get_height(const VipsImage *image);
int vips_image_get_bands(const VipsImage *image);
VipsBandFormat vips_image_get_format(const VipsImage *image);
VipsInterpretation vips_image_guess_interpretation(const VipsImage *image);
int vips_image_get_orientation(VipsImage *image);
gboolean vips_image_hasalpha(VipsImage *image);
VipsImage *vips_image_copy_memory(VipsImage *image);
GType vips_image_get_typeof(const VipsImage *image, const char *name);

int vips_thumbnail_source(VipsSource *source, VipsImage **out, int width, ...);
int vips_colourspace(VipsImage *in, VipsImage **out, VipsInterpretation space, ...);
int vips_cast_uchar(VipsImage *in, VipsImage **out, ...);
int vips_flatten(VipsImage *in, VipsImage **out, ...);
int vips_jpegsave_buffer(VipsImage *in, void **buf, size_t *len, ...);
int vips_webpsave_buffer(VipsImage *in, void **buf, size_t *len, ...);
int vips_pngsave_buffer(VipsImage *in, void **buf, size_t *len, ...);

gpointer (g_object_ref)(gpointer object);  // parenthesised: newer glib also makes it a macro
void g_object_unref(gpointer object);
void g_free(gpointer mem);

#endif
