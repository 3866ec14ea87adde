# Test plugin modules, written to tests/plugins in the build tree (never to the
# real plugin directory, so that the CLI does not see them).
set(offerkit_test_plugin_dir ${CMAKE_CURRENT_BINARY_DIR}/plugins)
foreach(kind good duplicate throwing stdthrow bad_abi abi_one abi_two no_entry reader reader_clash reader_stdthrow)
  string(TOUPPER ${kind} upper)
  string(REPLACE "_" "" short ${kind})
  add_library(test_plugin_${kind} MODULE plugins/test_plugins.cpp)
  target_compile_definitions(test_plugin_${kind} PRIVATE TEST_PLUGIN_${upper})
  target_link_libraries(test_plugin_${kind} PRIVATE offerkit::core)
  set_target_properties(test_plugin_${kind} PROPERTIES PREFIX "" OUTPUT_NAME offerkit-test${short}
    LIBRARY_OUTPUT_DIRECTORY ${offerkit_test_plugin_dir})
  list(APPEND offerkit_test_plugins test_plugin_${kind})
endforeach()
offerkit_add_test(registry LIBRARIES offerkit::json)
add_dependencies(test_registry ${offerkit_test_plugins} offerkit_json_module)
target_compile_definitions(test_registry PRIVATE
  OFFERKIT_TEST_PLUGIN_DIR="${offerkit_test_plugin_dir}"
  OFFERKIT_PLUGIN_BUILD_DIR="${OFFERKIT_PLUGIN_OUTPUT_DIR}")
