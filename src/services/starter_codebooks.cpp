#include "services/starter_codebooks.hpp"

#include <algorithm>
#include <array>

#include <fmt/ranges.h>

#include "interop/qdc.hpp"
#include "services/starter_codebook_files.hpp"

namespace thematica {
namespace {

struct CatalogueEntry {
  std::string_view name;
  std::string_view title;
  std::string_view summary;
};

constexpr std::array<CatalogueEntry, 5> kCatalogue = {{
    {"compassion-competencies", "Compassion: engagement, action, flows and inhibitors",
     "The six engagement and six action competencies of compassion, its three flows (to others, "
     "from others, to oneself) and the fears, blocks and resistances that inhibit it."},
    {"shame-and-guilt", "Shame and guilt",
     "External, internal and body shame, shame that comes from treatment, the clinician's shame "
     "of error, and guilt as distinct from shame."},
    {"sustaining-compassionate-care", "Actions that sustain compassionate care",
     "Six things clinicians do that keep compassionate care going: awareness, self-care, "
     "attentive listening, collaboration, support for colleagues, moral and ethical commitment."},
    {"engagement-states", "Engagement states under suffering",
     "How a clinician meets suffering: hypo-engaged (shut down), hyper-engaged (empathic "
     "distress) or attuned."},
    {"facilitators-and-barriers", "Facilitators and barriers to compassion in medical training",
     "What compassion is (more than empathy, felt in the body, can be cultivated), what helps "
     "(self-care, life experiences, role models) and what hinders (time, training culture, "
     "burnout, incivility)."},
}};

int count_codes(const std::vector<QdcCode>& codes) {
  int n = 0;
  for (const auto& c : codes) n += 1 + count_codes(c.children);
  return n;
}

Result<StarterCodebook> load(const CatalogueEntry& entry) {
  std::string file = std::string(entry.name) + ".qdc";
  const auto& files = starter_codebook_files();
  auto found = std::find_if(files.begin(), files.end(),
                            [&](const EmbeddedFile& f) { return f.path == file; });
  if (found == files.end()) {
    return failf(ErrorKind::kInternal, "the starter codebook {} is not built in", file);
  }
  auto parsed = parse_qdc(found->bytes);
  if (!parsed) {
    return failf(ErrorKind::kInternal, "the built-in starter codebook {} is damaged: {}", file,
                 parsed.error().message);
  }
  return StarterCodebook{std::string(entry.name), std::string(entry.title),
                         std::string(entry.summary), count_codes(parsed->codes), found->bytes};
}

}  // namespace

Result<std::vector<StarterCodebook>> starter_codebooks() {
  std::vector<StarterCodebook> out;
  for (const auto& entry : kCatalogue) {
    TRY(starter, load(entry));
    out.push_back(std::move(starter));
  }
  return out;
}

Result<StarterCodebook> find_starter_codebook(std::string_view name) {
  auto entry = std::find_if(kCatalogue.begin(), kCatalogue.end(),
                            [&](const CatalogueEntry& e) { return e.name == name; });
  if (entry == kCatalogue.end()) {
    std::vector<std::string_view> names(kCatalogue.size());
    std::transform(kCatalogue.begin(), kCatalogue.end(), names.begin(),
                   [](const CatalogueEntry& e) { return e.name; });
    return failf(ErrorKind::kNotFound, "no starter codebook '{}'; there are: {}", name,
                 fmt::join(names, ", "));
  }
  return load(*entry);
}

Result<QdcImport> import_starter_codebook(const ServiceContext& ctx, std::string_view name) {
  TRY(starter, find_starter_codebook(name));
  return import_codebook_qdc(ctx, std::string(starter.qdc));
}

}  // namespace thematica
