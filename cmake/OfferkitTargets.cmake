# Helpers shared by the offerkit targets.

# Warnings for our own code (never for third-party headers).
function(offerkit_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion)
  if(OFFERKIT_WARNINGS_AS_ERRORS)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

# -Wl,-z,defs: every symbol of a shared library resolves at link time. Not with
# OFFERKIT_FUZZ: coverage instrumentation leaves symbols for the fuzzer
# executable to provide.
function(offerkit_no_undefined target)
  if(NOT OFFERKIT_FUZZ)
    target_link_options(${target} PRIVATE -Wl,-z,defs)
  endif()
endfunction()

# offerkit_add_plugin(NAME <name> SOURCES <exporter sources> MODULE_SOURCE <entry.cpp>
#                     [LIBRARIES <third-party targets>])
#
# Builds, from the same exporter sources:
#  - offerkit_<name>: a static library (alias offerkit::<name>) with the
#    exporters and the one-call registration function, for static linking;
#  - offerkit_<name>_module: the shared module offerkit-<name>.so with the
#    extern "C" entry point, written to lib/offerkit/plugins.
# Only these targets link the plugin's third-party libraries.
function(offerkit_add_plugin)
  cmake_parse_arguments(P "" "NAME;MODULE_SOURCE" "SOURCES;LIBRARIES" ${ARGN})
  set(static offerkit_${P_NAME})
  add_library(${static} STATIC ${P_SOURCES})
  add_library(offerkit::${P_NAME} ALIAS ${static})
  target_link_libraries(${static} PUBLIC offerkit::core PRIVATE ${P_LIBRARIES})
  target_include_directories(${static} PUBLIC $<BUILD_INTERFACE:${CMAKE_CURRENT_SOURCE_DIR}/include>
                                              $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
  set_target_properties(${static} PROPERTIES EXPORT_NAME ${P_NAME} OUTPUT_NAME offerkit-${P_NAME})
  offerkit_set_warnings(${static})

  set(module offerkit_${P_NAME}_module)
  add_library(${module} MODULE ${P_MODULE_SOURCE})
  target_link_libraries(${module} PRIVATE ${static} ${P_LIBRARIES})
  offerkit_no_undefined(${module})
  set_target_properties(${module} PROPERTIES
    PREFIX "" OUTPUT_NAME offerkit-${P_NAME}
    LIBRARY_OUTPUT_DIRECTORY ${OFFERKIT_PLUGIN_OUTPUT_DIR}
    INSTALL_RPATH "$ORIGIN/../..")  # libofferkit.so from lib/offerkit/plugins
  offerkit_set_warnings(${module})
  set_property(GLOBAL APPEND PROPERTY OFFERKIT_PLUGINS ${P_NAME})

  install(TARGETS ${static} EXPORT offerkit-targets ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT development)
  install(TARGETS ${module} LIBRARY DESTINATION ${OFFERKIT_INSTALL_PLUGINDIR} COMPONENT runtime)
  if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/include/offerkit)
    install(DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR}/include/offerkit DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
      COMPONENT development FILES_MATCHING PATTERN "*.hpp")
  endif()
endfunction()
