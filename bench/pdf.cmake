offerkit_add_bench(pdf LIBRARIES offerkit::pdf)
if(TARGET bench_pdf)
  # the baseline draws with libharu directly, with the same fonts as the plugin
  target_link_libraries(bench_pdf PRIVATE offerkit_thirdparty::hpdf)
  target_compile_definitions(bench_pdf PRIVATE
    OFFERKIT_BENCH_FONT_DIR="${PROJECT_BINARY_DIR}/share/offerkit/fonts"
    OFFERKIT_BENCH_DEJAVU_DIR="${OFFERKIT_PDF_DEJAVU_DIR}")
  if(TARGET offerkit_pdf_fonts)
    add_dependencies(bench_pdf offerkit_pdf_fonts)
  endif()
endif()
