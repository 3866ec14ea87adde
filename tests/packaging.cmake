# The Debian package: built with CPack, installed (as root) and used.
add_test(NAME "packaging: Debian package builds, installs and converts"
  COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/packaging/check_deb.sh ${PROJECT_BINARY_DIR} ${PROJECT_SOURCE_DIR})
set_tests_properties("packaging: Debian package builds, installs and converts" PROPERTIES TIMEOUT 600 LABELS slow RUN_SERIAL TRUE SKIP_RETURN_CODE 77)
