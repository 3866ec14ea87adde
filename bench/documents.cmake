offerkit_add_bench(documents LIBRARIES offerkit::docx offerkit::poppler)
if(TARGET bench_documents)
  find_program(OFFERKIT_PDFTOTEXT pdftotext REQUIRED)
  target_compile_definitions(bench_documents PRIVATE
    OFFERKIT_BENCH_DOCUMENTS="${PROJECT_SOURCE_DIR}/tests/data/documents"
    OFFERKIT_BENCH_PDFTOTEXT="${OFFERKIT_PDFTOTEXT}")
endif()
