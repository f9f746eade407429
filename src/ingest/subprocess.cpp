#include "ingest/subprocess.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>

namespace thematica {
namespace {

struct Pipe {
  int read = -1, write = -1;
  ~Pipe() {
    if (read >= 0) close(read);
    if (write >= 0) close(write);
  }
  bool open() {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) return false;
    read = fds[0];
    write = fds[1];
    return true;
  }
};

// Reads both pipes until the program closes them, so neither can fill up and block it.
bool drain(Pipe& out_pipe, Pipe& err_pipe, std::string& out, std::string& err,
           std::uint64_t max_output) {
  std::array<pollfd, 2> fds{pollfd{out_pipe.read, POLLIN, 0}, pollfd{err_pipe.read, POLLIN, 0}};
  std::array<std::string*, 2> sinks{&out, &err};
  char buffer[1 << 16];
  int open_count = 2;
  while (open_count > 0) {
    if (poll(fds.data(), fds.size(), -1) < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    for (std::size_t i = 0; i < fds.size(); ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
      if (n <= 0) {
        fds[i].fd = -1;
        --open_count;
        continue;
      }
      sinks[i]->append(buffer, static_cast<std::size_t>(n));
      if (out.size() > max_output) return false;
    }
  }
  return true;
}

}  // namespace

Result<ProgramOutput> run_program(const std::vector<std::string>& argv, std::uint64_t max_output) {
  Pipe out_pipe, err_pipe;
  if (!out_pipe.open() || !err_pipe.open()) {
    return failf(ErrorKind::kIo, "cannot start {}: {}", argv[0], std::strerror(errno));
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out_pipe.write, 1);
  posix_spawn_file_actions_adddup2(&actions, err_pipe.write, 2);
  std::vector<char*> args;
  args.reserve(argv.size() + 1);
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  int spawned = posix_spawnp(&pid, argv[0].c_str(), &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned == ENOENT) {
    return failf(ErrorKind::kUnsupported, "the program {} is not installed", argv[0]);
  }
  if (spawned != 0) {
    return failf(ErrorKind::kIo, "cannot start {}: {}", argv[0], std::strerror(spawned));
  }
  close(out_pipe.write);
  close(err_pipe.write);
  out_pipe.write = err_pipe.write = -1;
  ProgramOutput result;
  bool complete = drain(out_pipe, err_pipe, result.out, result.err, max_output);
  if (!complete) kill(pid, SIGKILL);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!complete) {
    return failf(ErrorKind::kIo, "{} wrote more than {} bytes; it was stopped", argv[0],
                 max_output);
  }
  if (!WIFEXITED(status)) {
    return failf(ErrorKind::kIo, "{} stopped abnormally (signal {})", argv[0], WTERMSIG(status));
  }
  result.exit_code = WEXITSTATUS(status);
  return result;
}

}  // namespace thematica
