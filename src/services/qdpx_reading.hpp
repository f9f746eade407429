#pragma once
// Reading a REFI-QDA project on a thread of its own while the importer stores what was read. The
// reading thread parses project.qde, reads each source's text from the archive, chooses how its
// positions were counted and locates every selection in code points; the importer's thread only
// stores. Neither waits for the other except when the handover between them is full or empty,
// so a large import takes about as long as the slower of the two, not their sum.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/entities.hpp"
#include "core/error.hpp"
#include "core/guid.hpp"
#include "core/handover.hpp"
#include "core/text.hpp"
#include "ingest/qdpx_container.hpp"
#include "interop/offset_counting.hpp"
#include "interop/qde.hpp"

namespace thematica {

// Where a selection lands in its text, or why it lands nowhere.
struct LocatedSelection {
  std::optional<Range> range;  // code points; nullopt when it cannot be located
  std::string element;         // for the message: PlainTextSelection or TranscriptSelection
  std::string problem;         // why it cannot be located
};

// Where a selection was found, for what refers to it after the sources (cases, notes): kept
// compact, as a project may have millions.
struct SelectionPlace {
  std::size_t source = 0;  // ReadSource::ordinal of its source
  Range range;
  std::optional<GuidBytes> first_coding;
};
// Every selection's place by its GUID: added to as the sources are read, sorted once after (built
// as a hash map, a million entries cost the reading thread about a tenth of its time).
class SelectionPlaces {
 public:
  void add(const GuidBytes& guid, const SelectionPlace& place) {
    entries_.push_back({guid, place});
  }
  // Sorts what was added for find(); of a GUID added twice, the later place is kept.
  void seal();
  // After seal(): the place of the selection with this GUID, or null.
  const SelectionPlace* find(const GuidBytes& guid) const;

 private:
  struct Entry {
    GuidBytes guid;
    SelectionPlace place;
  };
  std::vector<Entry> entries_;
};

// One source as read, with what the importer needs to store it.
struct ReadSource {
  std::size_t ordinal = 0;  // 0 for the file's first source, 1 for the next, ...
  // With the first source only: the project as read before its sources (users, codebook,
  // variables, cases), which the importer stores first.
  std::shared_ptr<const QdeProject> head;
  QdeTextSource source;  // each selection's name is dropped once the counting is chosen
  // The text without a byte-order mark (positions do not count one), or why there is none.
  Result<Text> text = tl::unexpected(Error{});
  std::string sha256;  // of the text, lower-case hex
  CountingChoice choice;
  std::vector<Utterance> turns;            // one per sync point that starts a turn; no document
  std::vector<std::string> sync_problems;  // sync points outside the text
  std::vector<LocatedSelection> located;   // one per source.selections, in order
};

// The bytes of a REFI-QDA file without a UTF-8 byte-order mark.
std::string without_bom(std::string bytes);

class QdpxReading {
 public:
  // Starts reading `pieces` (the container's project.qde) on a thread of its own. The container
  // must outlive this object and must not be used elsewhere until finish() has returned: the
  // reading thread reads the sources from it.
  QdpxReading(QdpxContainer& container, QdpxContainer::Pieces pieces);
  ~QdpxReading();  // cancels a reading not finished, and waits for its thread
  QdpxReading(const QdpxReading&) = delete;
  QdpxReading& operator=(const QdpxReading&) = delete;

  // The next source read, in the file's order; nullopt at the end, or when reading failed (then
  // finish() returns the error).
  std::optional<ReadSource> next();
  // Hands a source back once stored, so that the reading thread, which made its many small
  // strings, also frees them (freeing them here would cost the storing thread about a tenth of
  // its time).
  void give_back(ReadSource&& spent);
  // Stops the reading early: the importer has failed and will not take more.
  void cancel();
  // Waits for the reading thread: the project without its sources, or what stopped the reading.
  Result<QdeProject> finish();
  // After finish(): every selection with a GUID that lands on a non-empty span of its text.
  SelectionPlaces take_selection_places() { return std::move(places_); }

 private:
  void read_all(const QdpxContainer::Pieces& pieces);
  ReadSource read(const QdeProject& so_far, QdeTextSource&& source);
  void read_sync_points(QdeTextSource& source, const PositionMap& map, ReadSource& out);
  void locate_selections(QdeTextSource& source, const PositionMap& map, ReadSource& out);

  QdpxContainer& container_;
  Handover<ReadSource> handover_;
  Handover<ReadSource> spent_;  // never full: the reading thread empties it before each source
  std::optional<Result<QdeProject>> outcome_;  // set by the reading thread before it ends
  // Only the reading thread touches these until finish().
  std::size_t sources_read_ = 0;
  std::map<std::string, std::uint64_t> sync_positions_;  // sync point GUID -> code point
  SelectionPlaces places_;
  std::thread thread_;
};

}  // namespace thematica
