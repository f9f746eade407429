#pragma once
// The CLI: parses the command line, runs the chosen command, and returns the exit code.

namespace thematica::cli {

int run(int argc, char** argv);

}  // namespace thematica::cli
