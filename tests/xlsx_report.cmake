# The xlsx plugin's report model: the figures, without a workbook.
offerkit_add_test(xlsx_report LIBRARIES offerkit::xlsx)
target_include_directories(test_xlsx_report PRIVATE ${PROJECT_SOURCE_DIR}/plugins/xlsx)
