#include "interop/qda_xml.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <chrono>

#include "core/ascii.hpp"
#include "core/guid.hpp"

namespace thematica {
namespace {

bool all_hex(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; });
}

// Reads `width` digits at `at` into `value`; false when they are not all digits.
bool read_digits(std::string_view text, std::size_t at, std::size_t width, int& value) {
  if (at + width > text.size()) return false;
  auto [end, ec] = std::from_chars(text.data() + at, text.data() + at + width, value);
  return ec == std::errc() && end == text.data() + at + width;
}

}  // namespace

std::optional<std::string> normalise_guid(std::string_view text) {
  if (text.size() == 38 && text.front() == '{' && text.back() == '}') text = text.substr(1, 36);
  if (!is_guid(text)) return std::nullopt;
  return ascii_lower(text);
}

std::string normalise_colour(std::string_view text) {
  if (text.size() == 4 && text[0] == '#' && all_hex(text.substr(1))) {
    return ascii_lower(fmt::format("#{0}{0}{1}{1}{2}{2}", text[1], text[2], text[3]));
  }
  if (text.size() == 9 && text[0] == '#') text = text.substr(2);  // #AARRGGBB: drop the AA
  if (text.size() == 7 && all_hex(text.substr(1))) return "#" + ascii_lower(text.substr(1));
  return {};
}

std::optional<std::string> normalise_datetime(std::string_view text) {
  // YYYY-MM-DDTHH:MM:SS[.fff...][Z|(+|-)HH:MM]
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (!read_digits(text, 0, 4, year) || text.size() < 19 || text[4] != '-' ||
      !read_digits(text, 5, 2, month) || text[7] != '-' || !read_digits(text, 8, 2, day) ||
      text[10] != 'T' || !read_digits(text, 11, 2, hour) || text[13] != ':' ||
      !read_digits(text, 14, 2, minute) || text[16] != ':' || !read_digits(text, 17, 2, second)) {
    return std::nullopt;
  }
  std::size_t at = 19;
  int millis = 0;
  if (at < text.size() && text[at] == '.') {
    std::size_t digits = 0;
    for (++at; at < text.size() && std::isdigit(static_cast<unsigned char>(text[at])); ++at) {
      if (digits++ < 3) millis = millis * 10 + (text[at] - '0');
    }
    if (digits == 0) return std::nullopt;
    for (; digits < 3; ++digits) millis *= 10;
  }
  int offset_minutes = 0;
  if (at < text.size() && text[at] == 'Z') {
    ++at;
  } else if (at < text.size() && (text[at] == '+' || text[at] == '-')) {
    int zone_hours = 0, zone_minutes = 0;
    if (!read_digits(text, at + 1, 2, zone_hours) || at + 3 >= text.size() || text[at + 3] != ':' ||
        !read_digits(text, at + 4, 2, zone_minutes)) {
      return std::nullopt;
    }
    offset_minutes = (text[at] == '-' ? -1 : 1) * (zone_hours * 60 + zone_minutes);
    at += 6;
  }
  if (at != text.size()) return std::nullopt;
  using namespace std::chrono;
  year_month_day date{std::chrono::year(year), std::chrono::month(static_cast<unsigned>(month)),
                      std::chrono::day(static_cast<unsigned>(day))};
  if (!date.ok() || hour > 23 || minute > 59 || second > 60) return std::nullopt;
  if (offset_minutes == 0 && second < 60) {
    // Already UTC and no leap second: the form is kept with the fraction made three digits (an
    // import reads millions of these, and the calendar arithmetic below would change nothing).
    std::string out(text.substr(0, 19));
    out += {'.', static_cast<char>('0' + millis / 100), static_cast<char>('0' + millis / 10 % 10),
            static_cast<char>('0' + millis % 10), 'Z'};
    return out;
  }
  auto time = sys_days(date) + hours(hour) + minutes(minute - offset_minutes) +
              seconds(std::min(second, 59)) + milliseconds(millis);
  auto day_start = floor<days>(time);
  year_month_day utc_date(day_start);
  hh_mm_ss clock(floor<milliseconds>(time - day_start));
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
                     static_cast<int>(utc_date.year()), static_cast<unsigned>(utc_date.month()),
                     static_cast<unsigned>(utc_date.day()), clock.hours().count(),
                     clock.minutes().count(), clock.seconds().count(), clock.subseconds().count());
}

}  // namespace thematica
