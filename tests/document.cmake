# A posting as a structured document (offerkit/document.hpp, issue 15): the
# parser's reading of headings, lists, bold runs, tables and furniture.
offerkit_add_test(document)
