# The sources follow the root .clang-format (scripts/format rewrites them).
add_test(NAME "format: the sources follow .clang-format"
  COMMAND ${PROJECT_SOURCE_DIR}/scripts/format --check
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
