#pragma once
// The units that agreement on a project compares, built from the coders' codings: documents,
// speaker turns, coded passages (segments matched by overlap) and characters. Pure: the service
// reads the project and passes the codings in; stats/ computes the coefficients. The rules are
// described for users in docs/methods/agreement.md ("Agreement on a project").

#include <cstdint>
#include <vector>

#include "core/entities.hpp"
#include "stats/presence.hpp"
#include "stats/unitizing.hpp"

namespace thematica {

enum class AgreementUnit { kDocument, kSegment, kCharacter, kTurn };

// The `code` of a coding whose code is not compared: it still shapes the passages of segment
// units, so that a passage is the same whichever codes are compared.
inline constexpr std::uint32_t kOtherCode = UINT32_MAX;

// One coding, reduced to what agreement needs; `coder` and `code` index AgreementData's lists.
struct CodedSpan {
  std::uint32_t document = 0;
  std::uint32_t code = 0;
  std::uint32_t coder = 0;
  std::int64_t start = 0;  // code points, [start, end)
  std::int64_t end = 0;
};

// A speaker turn of a compared document, in code points.
struct TurnSpan {
  std::uint32_t document = 0;
  std::int64_t start = 0;
  std::int64_t end = 0;
};

// The codings to compare: every coding of the compared coders in documents they all coded (those
// of codes not compared with code kOtherCode). Documents, codes and coders are indices; the service
// keeps what they stand for.
struct AgreementData {
  std::size_t coders = 0;
  std::size_t codes = 0;
  std::vector<std::int64_t> document_lengths;  // code points, one per compared document
  std::vector<CodedSpan> spans;
  std::vector<TurnSpan> turns;  // the turns that count as units (kTurn)
};

// Per code (at [code]): which coders applied it to each unit, for the document, turn and segment
// units. `min_overlap` (segment units only, in (0, 1]): two codings belong to the same passage
// when the characters they share are at least this share of the characters either covers;
// passages are the groups so linked (across codes and coders). A coding belongs to each turn it
// shares a character with.
std::vector<PresenceTable> presence_by_code(const AgreementData& data, AgreementUnit unit,
                                            double min_overlap);

// A passage of segment units: the codings (indices into AgreementData::spans) linked by the
// overlap rule of presence_by_code, from the first character any of them covers to the last.
struct Passage {
  std::uint32_t document = 0;
  std::int64_t start = 0;
  std::int64_t end = 0;
  std::vector<std::size_t> spans;  // by start
};

// Every passage, by document and first coding (codings of codes not compared included).
std::vector<Passage> passages(const AgreementData& data, double min_overlap);

// Character units, per code: the compared documents laid end to end, each coder's codings of the
// code merged where they overlap (a coder's double coding of one passage is one judgement).
std::vector<Continuum> continua_by_code(const AgreementData& data);
// The same for any of the codes: text coded with any compared code versus text left uncoded.
Continuum any_code_continuum(const AgreementData& data);

}  // namespace thematica
