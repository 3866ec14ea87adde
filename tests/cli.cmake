offerkit_add_test(cli)
add_dependencies(test_cli offerkit_json_module)
target_compile_definitions(test_cli PRIVATE OFFERKIT_TEST_CLI_MIMALLOC=$<BOOL:${OFFERKIT_CLI_MIMALLOC}>)
add_dependencies(test_cli replay_json_reader)
