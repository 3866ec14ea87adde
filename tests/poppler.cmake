# The pdf importer of the poppler plugin (issue 15): PDF prints read into
# offers, measured against the expected JSON of tests/expected/postings/.
offerkit_add_test(poppler LIBRARIES offerkit::poppler offerkit::docx)
target_include_directories(test_poppler PRIVATE ${PROJECT_SOURCE_DIR}/plugins/poppler)
