# Writes a header holding every migrations/NNNN_name.sql as a string, in file-name order, so the
# binary carries its schema and needs nothing on disk.
file(GLOB sql_files "${SQL_DIR}/*.sql")
list(SORT sql_files)
set(body "")
foreach(f IN LISTS sql_files)
  file(READ "${f}" sql)
  get_filename_component(name "${f}" NAME_WE)
  string(APPEND body "    {\"${name}\", R\"thematica_sql(${sql})thematica_sql\"},\n")
endforeach()
file(WRITE "${OUT}.tmp" "#pragma once\n// Generated from src/store/migrations/*.sql; do not edit.\n#include <array>\n#include <string_view>\n#include <utility>\nnamespace thematica::sqlite {\ninline constexpr std::pair<std::string_view, std::string_view> kEmbeddedMigrations[] = {\n${body}};\n}  // namespace thematica::sqlite\n")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
