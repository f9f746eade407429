#include "survey.hpp"

#include <array>
#include <fstream>
#include <random>

#include <fmt/format.h>

namespace thematica::bench {
namespace {

constexpr std::array kSentences = {"I felt useless on my first night shift.",
                                   "The nurses were kind to me, which I did not expect.",
                                   "Nobody asked how I was after the arrest call.",
                                   "I hold myself to a higher standard than my colleagues.",
                                   "Short staffing makes it hard to take a break.",
                                   "Sitting with a frightened patient, I forgot I was tired.",
                                   "Comparing myself to others, I always come off worse.",
                                   "Guilt, when I leave on time and the ward is still busy."};
constexpr std::array kRoles = {"Medical student", "Nurse", "Junior doctor"};

}  // namespace

void write_qualtrics_export(const std::string& path, int respondents, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<std::size_t> sentence(0, kSentences.size() - 1), role(0, 2);
  std::uniform_int_distribution<int> scale(1, 7), age(19, 60), year(1, 6), count(0, 3), day(1, 28);
  std::ofstream out(path);
  std::string meta =
      "StartDate,EndDate,Status,IPAddress,Progress,Duration (in seconds),Finished,RecordedDate,"
      "ResponseId,RecipientLastName,RecipientFirstName,RecipientEmail,ExternalReference,"
      "LocationLatitude,LocationLongitude,DistributionChannel,UserLanguage";
  out << meta << ",Q1,Q2,Q3,Q4";
  for (int i = 1; i <= 10; ++i) out << ",Q5_" << i;
  out << ",Q6,Q7\r\n" << meta << ",Role,Age,Year,Course date";
  for (int i = 1; i <= 10; ++i) out << ",Scale item " << i;
  out << ",Describe a moment of compassion.,What makes self-kindness hard?\r\n";
  for (int i = 0; i < 17 + 4 + 10 + 2; ++i) {
    out << (i ? "," : "") << "\"{\"\"ImportId\"\":\"\"QID" << i << "\"\"}\"";
  }
  out << "\r\n";
  auto answer = [&] {
    std::string text;
    for (int n = count(rng); n > 0; --n)
      text += (text.empty() ? "" : " ") + std::string(kSentences[sentence(rng)]);
    return "\"" + text + "\"";
  };
  for (int r = 0; r < respondents; ++r) {
    out << "2026-03-14 10:00:00,2026-03-14 10:12:00,IP Address,,100,720,True,2026-03-14 10:12:00,"
        << fmt::format("R_{:015}", r) << ",,,,,,,anonymous,EN," << kRoles[role(rng)] << ','
        << age(rng) << ',' << year(rng) << fmt::format(",2026-03-{:02}", day(rng));
    for (int i = 0; i < 10; ++i) out << ',' << scale(rng);
    out << ',' << answer() << ',' << answer() << "\r\n";
  }
}

}  // namespace thematica::bench
