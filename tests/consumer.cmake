# The consumer project, built against the installed package and with
# add_subdirectory (slow: each builds offerkit's libraries once more).
add_test(NAME "consumer: find_package against an install, third-party plugin"
  COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/consumer/run.sh package ${PROJECT_BINARY_DIR} ${PROJECT_SOURCE_DIR})
add_test(NAME "consumer: add_subdirectory"
  COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/consumer/run.sh subdirectory ${PROJECT_BINARY_DIR} ${PROJECT_SOURCE_DIR})
set_tests_properties("consumer: find_package against an install, third-party plugin" "consumer: add_subdirectory"
  PROPERTIES TIMEOUT 900 LABELS slow)
