#pragma once
// Runs API calls against the project one at a time, on one thread. Calls that arrive while others
// run wait together and are then run as one group: every change among them is made durable by a
// single commit (Store::group_commit), and no caller hears back before it is. With many tabs or
// users coding at once this turns one disk sync per coding into one per group. Thread-safe.

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "server/api.hpp"

namespace thematica::server {

class CallQueue {
 public:
  explicit CallQueue(Store& store);
  ~CallQueue();  // finishes the calls waiting, then stops
  CallQueue(const CallQueue&) = delete;
  CallQueue& operator=(const CallQueue&) = delete;

  // How a call touches the project: reads need no commit; writes share the group's commit; a call
  // run alone makes its own commits and may rewrite the file (applying a pseudonymisation
  // compacts it, which cannot happen inside a transaction).
  enum class Kind { kRead, kWrite, kAlone };

  // Runs `handler` and returns its reply once any change it made is durable. If the group's commit
  // fails, every call of the group gets that error instead (reads among them may have seen the
  // rolled-back changes).
  Result<Reply> run(Handler handler, const ApiRequest& request, Kind kind);

 private:
  struct Call {
    Call(Handler h, const ApiRequest* r, Kind k) : handler(h), request(r), kind(k) {}
    Handler handler;
    const ApiRequest* request;
    Kind kind;
    Result<Reply> result = tl::unexpected(Error{});
    // Each caller waits on its own condition, so that a group's end wakes its own callers, not
    // every caller waiting (with 20 clients, most of them were woken only to wait again).
    std::condition_variable finished;
    bool done = false;
  };

  void loop();
  void run_group(std::deque<Call*>& group);

  Store& store_;
  std::mutex mutex_;
  std::condition_variable arrived_;
  std::deque<Call*> waiting_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace thematica::server
