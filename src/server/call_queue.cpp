#include "server/call_queue.hpp"

#include <algorithm>

namespace thematica::server {
namespace {

// A handler that throws is a bug; the caller gets an internal error, the other calls go on.
Result<Reply> call_safely(Handler handler, Store& store, const ApiRequest& request) {
  try {
    return handler(store, request);
  } catch (const std::exception& e) {
    return failf(ErrorKind::kInternal, "the server failed on this request: {}", e.what());
  }
}

}  // namespace

CallQueue::CallQueue(Store& store) : store_(store), thread_([this] { loop(); }) {}

CallQueue::~CallQueue() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  arrived_.notify_one();
  thread_.join();
}

Result<Reply> CallQueue::run(Handler handler, const ApiRequest& request, Kind kind) {
  Call call{handler, &request, kind};
  std::unique_lock lock(mutex_);
  waiting_.push_back(&call);
  arrived_.notify_one();
  call.finished.wait(lock, [&] { return call.done; });
  return std::move(call.result);
}

void CallQueue::loop() {
  std::unique_lock lock(mutex_);
  while (true) {
    arrived_.wait(lock, [&] { return stopping_ || !waiting_.empty(); });
    if (waiting_.empty()) return;  // stopping, and nothing left to answer
    std::deque<Call*> group;
    group.swap(waiting_);
    lock.unlock();
    run_group(group);
    lock.lock();
    // Under the lock: a caller cannot see `done` and leave (ending its Call) before it is told.
    for (Call* call : group) {
      call->done = true;
      call->finished.notify_one();
    }
  }
}

void CallQueue::run_group(std::deque<Call*>& group) {
  // Calls run alone go after the group, each outside any transaction.
  auto alone = std::stable_partition(group.begin(), group.end(),
                                     [](const Call* c) { return c->kind != Kind::kAlone; });
  bool writes =
      std::any_of(group.begin(), alone, [](const Call* c) { return c->kind == Kind::kWrite; });
  auto run_all = [&] {
    for (auto call = group.begin(); call != alone; ++call) {
      (*call)->result = call_safely((*call)->handler, store_, *(*call)->request);
    }
  };
  if (!writes) {
    run_all();
  } else if (Status committed = store_.group_commit(run_all); !committed) {
    // Reads in the group may have seen the changes now rolled back: none of it is answered.
    for (auto call = group.begin(); call != alone; ++call) {
      (*call)->result = tl::unexpected(committed.error());
    }
  }
  for (auto call = alone; call != group.end(); ++call) {
    (*call)->result = call_safely((*call)->handler, store_, *(*call)->request);
  }
}

}  // namespace thematica::server
