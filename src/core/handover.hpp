#pragma once
// A bounded queue from one thread that makes items to one that uses them, so the two can work at
// once without the maker running ahead by more than `capacity` items (which bounds memory).
// Either side can end it: close() says the maker is done (take() returns nullopt once the items
// already put are taken); cancel() says the user gives up (put() returns false from then on, so the
// maker can stop, and a maker waiting for room is woken). Thread-safe.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <utility>

namespace thematica {

template <class T>
class Handover {
 public:
  explicit Handover(std::size_t capacity) : capacity_(capacity == 0 ? 1 : capacity) {}
  Handover(const Handover&) = delete;
  Handover& operator=(const Handover&) = delete;

  // Waits for room; false (and `item` is dropped) once the user has cancelled.
  bool put(T item) {
    std::unique_lock lock(mutex_);
    room_.wait(lock, [&] { return cancelled_ || items_.size() < capacity_; });
    if (cancelled_) return false;
    items_.push_back(std::move(item));
    ready_.notify_one();
    return true;
  }

  // The next item, waiting for one; nullopt once the maker has closed and every item is taken, or
  // after cancel().
  std::optional<T> take() {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return cancelled_ || closed_ || !items_.empty(); });
    if (cancelled_ || items_.empty()) return std::nullopt;
    return pop();
  }

  // The next item if one is waiting, without waiting; nullopt otherwise.
  std::optional<T> try_take() {
    std::lock_guard lock(mutex_);
    if (items_.empty()) return std::nullopt;
    return pop();
  }

  void close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    ready_.notify_all();
  }

  void cancel() {
    std::lock_guard lock(mutex_);
    cancelled_ = true;
    items_.clear();
    room_.notify_all();
    ready_.notify_all();
  }

 private:
  // The first item, making room for the maker. Called with the lock held and an item waiting.
  std::optional<T> pop() {
    std::optional<T> item(std::move(items_.front()));
    items_.pop_front();
    room_.notify_one();
    return item;
  }

  const std::size_t capacity_;
  std::mutex mutex_;
  std::condition_variable room_;
  std::condition_variable ready_;
  std::deque<T> items_;
  bool closed_ = false;
  bool cancelled_ = false;
};

}  // namespace thematica
