#include "transcripts.hpp"

#include <array>
#include <fstream>
#include <random>

#include <fmt/format.h>

namespace thematica::bench {
namespace {

constexpr std::array kPhrases = {"I think compassion is something you learn by watching others",
                                 "there is never enough time on the ward",
                                 "when I am exhausted I notice I stop caring",
                                 "the registrar sat with the patient until she had finished",
                                 "we were told to clerk six patients before the round",
                                 "I felt ashamed that I said nothing",
                                 "my colleagues keep me going on nights",
                                 "it is caught more than taught",
                                 "you go home and replay it",
                                 "the breathing exercise helps when I remember to do it"};

std::string clock(std::int64_t ms) {
  return fmt::format("{:02}:{:02}:{:02}.{:03}", ms / 3600000, ms / 60000 % 60, ms / 1000 % 60,
                     ms % 1000);
}

}  // namespace

std::vector<std::string> write_vtt_transcripts(const std::string& dir, int count,
                                               std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<std::size_t> phrase(0, kPhrases.size() - 1), speaker(0, 5);
  std::vector<std::string> paths;
  for (int f = 0; f < count; ++f) {
    std::string path = fmt::format("{}/session-{:04}.vtt", dir, f);
    std::ofstream out(path);
    out << "WEBVTT\n\n";
    std::int64_t at = 0;
    for (int cue = 1; cue <= 600; ++cue) {
      std::size_t who = speaker(rng);
      std::string name = who == 0 ? "Facilitator" : fmt::format("Participant {}-{}", f, who);
      out << cue << '\n'
          << clock(at) << " --> " << clock(at + 5500) << '\n'
          << name << ": " << kPhrases[phrase(rng)] << ".\n\n";
      at += 6000;
    }
    paths.push_back(path);
  }
  return paths;
}

}  // namespace thematica::bench
