// Kills a real `thematica import` process in the middle of a large import and checks that the
// project is exactly as it was before: no document, no event, no damage. Once for documents
// (written through the write-ahead log), once for a REFI-QDA project into an empty project
// (written through a rollback journal, Store::prepare_bulk_load()).

#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "support/project_header.hpp"
#include "support/temp_dir.hpp"

namespace thematica::testing {
namespace {

std::string binary() {
  const char* bin = std::getenv("THEMATICA_BIN");
  return bin != nullptr ? bin : "thematica";
}

std::string query(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);  // read-write, so a hot WAL is recovered as a user would see it
  sqlite3_stmt* stmt = nullptr;
  std::string out;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK &&
      sqlite3_step(stmt) == SQLITE_ROW) {
    out = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return out;
}

// Starts `args` with stderr on a pipe and THEMATICA_PROGRESS=plain; returns pid and read end.
std::pair<pid_t, int> spawn(const std::vector<std::string>& args) {
  int fds[2];
  if (pipe(fds) != 0) return {-1, -1};
  pid_t pid = fork();
  if (pid == 0) {
    dup2(fds[1], STDERR_FILENO);
    close(fds[0]);
    close(fds[1]);
    setenv("THEMATICA_PROGRESS", "plain", 1);
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(fds[1]);
  return {pid, fds[0]};
}

bool wait_for_line(int fd, const std::string& wanted) {
  std::string buffer;
  char chunk[256];
  while (buffer.find(wanted) == std::string::npos) {
    ssize_t n = read(fd, chunk, sizeof chunk);
    if (n <= 0) return false;
    buffer.append(chunk, static_cast<std::size_t>(n));
  }
  return true;
}

// Kills `pid` (whose stderr is `err`) and waits for it; true when the signal ended it.
bool kill_and_wait(pid_t pid, int err) {
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  close(err);
  return WIFSIGNALED(status);
}

// A killed import left nothing behind: no document, text or event, and no damage.
void expect_as_before(const std::string& project) {
  EXPECT_EQ(query(project, "PRAGMA integrity_check"), "ok");
  EXPECT_EQ(query(project, "SELECT count(*) FROM documents"), "0");
  EXPECT_EQ(query(project, "SELECT count(*) FROM document_texts"), "0");
  EXPECT_EQ(query(project, "SELECT count(*) FROM events"), "0");
}

TEST(KillTest, KilledImportLeavesProjectAsBefore) {
  TempDir dir;
  std::string project = dir.file("study.thematica");
  ASSERT_EQ(std::system((binary() + " -p " + project + " init > /dev/null").c_str()), 0);
  std::vector<std::string> args = {binary(), "-p", project, "import"};
  std::string paragraph(20000, 'x');
  for (int i = 0; i < 300; ++i) {
    args.push_back(dir.write("interview-" + std::to_string(i) + ".txt",
                             "Interview " + std::to_string(i) + ": " + paragraph));
  }

  auto [pid, err] = spawn(args);
  ASSERT_GT(pid, 0);
  // Progress is reported after each file is written into the open transaction, and the commit
  // comes only after the last one: at 50 of 300 the import is certainly half done.
  ASSERT_TRUE(wait_for_line(err, "importing 50/300"));
  ASSERT_TRUE(kill_and_wait(pid, err));
  expect_as_before(project);

  // The same import run to the end goes through.
  auto [again, err2] = spawn(args);
  int status2 = 0;
  waitpid(again, &status2, 0);
  close(err2);
  ASSERT_TRUE(WIFEXITED(status2));
  EXPECT_EQ(WEXITSTATUS(status2), 0);
  EXPECT_EQ(query(project, "SELECT count(*) FROM documents"), "300");
  EXPECT_EQ(query(project, "SELECT count(*) FROM events"), "1");
}

int run(const std::string& command) { return std::system((command + " > /dev/null").c_str()); }

TEST(KillTest, KilledProjectImportLeavesTheEmptyProjectAsBeforeAndTheLogInUse) {
  TempDir dir;
  // A REFI-QDA project large enough to take a while to import: 300 texts of 100 kB, exported.
  std::string source = dir.file("source.thematica");
  ASSERT_EQ(run(binary() + " -p " + source + " init"), 0);
  std::string import_texts = binary() + " -p " + source + " import";
  std::string paragraph(100000, 'x');
  for (int i = 0; i < 300; ++i) {
    import_texts += " " + dir.write("interview-" + std::to_string(i) + ".txt",
                                    "Interview " + std::to_string(i) + ": " + paragraph);
  }
  ASSERT_EQ(run(import_texts), 0);
  std::string qdpx = dir.file("study.qdpx");
  ASSERT_EQ(run(binary() + " -p " + source + " export --format qdpx " + qdpx), 0);

  std::string project = dir.file("study.thematica");
  ASSERT_EQ(run(binary() + " -p " + project + " init"), 0);
  std::vector<std::string> args = {binary(), "-p", project, "import", qdpx};
  auto [pid, err] = spawn(args);
  ASSERT_GT(pid, 0);
  // Switching to the rollback journal is a small transaction of its own (the header's byte 18);
  // once it is done, a journal beside a file still small is the import's own transaction, begun
  // and not yet committed (its pages reach the file only at the commit, after the 300th text).
  const std::string journal = project + "-journal";
  auto importing = [&] {
    std::error_code ec;
    auto size = std::filesystem::file_size(project, ec);
    return std::filesystem::exists(journal) && journal_in_header(project) == 1 && !ec &&
           size < (1u << 20);
  };
  auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (!importing() && std::chrono::steady_clock::now() < give_up) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ASSERT_TRUE(importing());
  ASSERT_TRUE(kill_and_wait(pid, err));
  EXPECT_EQ(journal_in_header(project), 1);
  // Nothing reached the file before the commit, so the journal left behind is not a hot one
  // (SQLite marks it so until it syncs it, just before writing the file): nothing to roll back.
  expect_as_before(project);

  // The next command opens the project with the log again, and the import goes through.
  ASSERT_EQ(run(binary() + " -p " + project + " docs"), 0);
  EXPECT_EQ(journal_in_header(project), 2);
  ASSERT_EQ(run(binary() + " -p " + project + " import " + qdpx), 0);
  EXPECT_EQ(query(project, "SELECT count(*) FROM documents"), "300");
  EXPECT_EQ(query(project, "SELECT count(*) FROM events"), "1");
  EXPECT_EQ(journal_in_header(project), 2);
  EXPECT_FALSE(std::filesystem::exists(journal));  // the stale one was reused and removed
}

}  // namespace
}  // namespace thematica::testing
