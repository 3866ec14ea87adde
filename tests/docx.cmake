# The docx importer (issue 15): Word documents read into offers, measured
# against the expected JSON of tests/expected/postings/.
offerkit_add_test(docx LIBRARIES offerkit::docx)
