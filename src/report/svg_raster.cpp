#include "report/svg_raster.hpp"

#include <cairo.h>
#include <librsvg/rsvg.h>

#include <cmath>
#include <memory>

namespace thematica::report {
namespace {

struct GObjectUnref {
  void operator()(void* object) const { g_object_unref(object); }
};
struct SurfaceDestroy {
  void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};
struct ContextDestroy {
  void operator()(cairo_t* context) const { cairo_destroy(context); }
};

cairo_status_t append_png(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

Result<std::string> svg_to_png(std::string_view svg, double scale) {
  GError* error = nullptr;
  std::unique_ptr<RsvgHandle, GObjectUnref> handle(
      rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(svg.data()), svg.size(), &error));
  if (!handle) {
    std::string message = error != nullptr ? error->message : "unknown error";
    g_clear_error(&error);
    return failf(ErrorKind::kInvalidInput, "could not read the chart's SVG: {}", message);
  }
  gdouble width = 0;
  gdouble height = 0;
  if (!rsvg_handle_get_intrinsic_size_in_pixels(handle.get(), &width, &height)) {
    return failf(ErrorKind::kInvalidInput, "the chart's SVG has no size in pixels");
  }
  std::unique_ptr<cairo_surface_t, SurfaceDestroy> surface(
      cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(std::lround(width * scale)),
                                 static_cast<int>(std::lround(height * scale))));
  std::unique_ptr<cairo_t, ContextDestroy> context(cairo_create(surface.get()));
  cairo_set_source_rgb(context.get(), 1, 1, 1);
  cairo_paint(context.get());
  RsvgRectangle viewport{0, 0, width * scale, height * scale};
  if (!rsvg_handle_render_document(handle.get(), context.get(), &viewport, &error)) {
    std::string message = error != nullptr ? error->message : "unknown error";
    g_clear_error(&error);
    return failf(ErrorKind::kInvalidInput, "could not draw the chart: {}", message);
  }
  std::string png;
  if (cairo_surface_write_to_png_stream(surface.get(), append_png, &png) != CAIRO_STATUS_SUCCESS) {
    return failf(ErrorKind::kInvalidInput, "could not encode the chart as PNG");
  }
  return png;
}

}  // namespace thematica::report
