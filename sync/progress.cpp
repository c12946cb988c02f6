// Sync progress on a terminal (progress.hpp).
#include "sync/progress.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "client/format_id.hpp"

namespace kinerja {

static std::string count(int64_t n) { return id_from_fixed(std::to_string(n)); }

static std::string kilobytes(double bytes) {
  auto tenths = static_cast<int64_t>(std::llround(bytes / 102.4));
  return count(tenths / 10) + "," + std::to_string(tenths % 10) + " kB";
}

static std::string duration(int64_t s) {
  char buf[32];
  if (s >= 3600)
    std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", static_cast<long long>(s / 3600),
                  static_cast<long long>(s / 60 % 60), static_cast<long long>(s % 60));
  else
    std::snprintf(buf, sizeof buf, "%lld:%02lld", static_cast<long long>(s / 60), static_cast<long long>(s % 60));
  return buf;
}

std::string progress_line(const ProgressFigures& f) {
  std::string line = f.phase + ": " + count(f.done);
  if (f.total >= 0) line += "/" + count(f.total);
  line += " ops, " + kilobytes(static_cast<double>(f.bytes));
  if (f.total_bytes >= 0) line += " of ~" + kilobytes(static_cast<double>(f.total_bytes));
  line += ", " + kilobytes(f.bytes_per_second) + "/s";
  if (f.seconds_left >= 0) line += ", ~" + duration(f.seconds_left) + " left";
  return line;
}

TerminalProgress::TerminalProgress() : thread_([this] { run(); }) {}

TerminalProgress::~TerminalProgress() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  thread_.join();
  if (drawn_) std::fputs("\n", stderr);
}

SyncProgress TerminalProgress::batches() {
  return [this](const char* phase, int64_t done, int64_t total, int64_t bytes) {
    std::lock_guard<std::mutex> lock(mu_);
    if (phase_ != phase) samples_.clear();
    phase_ = phase;
    done_ = done;
    total_ = total;
    bytes_ = bytes_at_done_ = bytes;
    draw();
  };
}

std::function<void(int64_t, int64_t)> TerminalProgress::transfer() {
  return [this](int64_t sent, int64_t received) {
    std::lock_guard<std::mutex> lock(mu_);
    bytes_ = phase_ == "pull" ? received : sent;
  };
}

void TerminalProgress::draw() {
  if (phase_.empty()) return;
  auto now = Clock::now();
  samples_.emplace_back(now, bytes_);
  while (samples_.size() > 2 && now - samples_.front().first > std::chrono::seconds(10)) samples_.pop_front();
  ProgressFigures f{phase_, done_, total_, bytes_};
  double secs = std::chrono::duration<double>(now - samples_.front().first).count();
  if (secs > 0.5) f.bytes_per_second = static_cast<double>(bytes_ - samples_.front().second) / secs;
  if (total_ > 0 && done_ > 0) f.total_bytes = bytes_at_done_ * total_ / done_;
  if (f.total_bytes >= 0 && f.bytes_per_second > 0)
    f.seconds_left = static_cast<int64_t>(static_cast<double>(std::max<int64_t>(f.total_bytes - bytes_, 0)) / f.bytes_per_second);
  std::fprintf(stderr, "\r%s\033[K", progress_line(f).c_str());
  std::fflush(stderr);
  drawn_ = true;
}

void TerminalProgress::run() {
  std::unique_lock<std::mutex> lock(mu_);
  while (!cv_.wait_for(lock, std::chrono::seconds(1), [this] { return stopping_; })) draw();
}

}  // namespace kinerja
