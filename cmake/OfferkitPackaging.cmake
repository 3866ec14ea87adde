# Installation of the CMake package, pkg-config file, data files, and the
# Debian package (CPack).
include(CMakePackageConfigHelpers)

set(OFFERKIT_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/offerkit)
get_property(OFFERKIT_PLUGINS GLOBAL PROPERTY OFFERKIT_PLUGINS)

install(EXPORT offerkit-targets NAMESPACE offerkit:: DESTINATION ${OFFERKIT_CMAKE_DIR} COMPONENT development)
configure_package_config_file(cmake/offerkitConfig.cmake.in ${PROJECT_BINARY_DIR}/offerkitConfig.cmake
  INSTALL_DESTINATION ${OFFERKIT_CMAKE_DIR} PATH_VARS OFFERKIT_INSTALL_PLUGINDIR)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/offerkitConfigVersion.cmake COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/offerkitConfig.cmake ${PROJECT_BINARY_DIR}/offerkitConfigVersion.cmake
  cmake/offerkitStaticDependencies.cmake DESTINATION ${OFFERKIT_CMAKE_DIR} COMPONENT development)

# From <libdir>/pkgconfig back to the prefix ("../.." for lib, "../../.." for lib/<triplet>).
file(RELATIVE_PATH OFFERKIT_PC_TO_PREFIX /offerkit-prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig /offerkit-prefix)
configure_file(cmake/offerkit.pc.in ${PROJECT_BINARY_DIR}/offerkit.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/offerkit.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig COMPONENT development)

install(FILES schema/job-offer-1.schema.json DESTINATION ${CMAKE_INSTALL_DATADIR}/offerkit/schema COMPONENT runtime)
if(EXISTS ${PROJECT_SOURCE_DIR}/assets/brands)
  install(DIRECTORY assets/brands DESTINATION ${CMAKE_INSTALL_DATADIR}/offerkit COMPONENT runtime
    PATTERN "tools" EXCLUDE)
endif()
install(FILES README.md LICENSE THIRD-PARTY-NOTICES.md DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT runtime)
# The guides and the data model's specification.
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT runtime FILES_MATCHING PATTERN "*.md" PATTERN "*.png")

# cpack -G DEB in the build directory makes offerkit_<version>_<arch>.deb.
set(CPACK_PACKAGE_NAME offerkit)
set(CPACK_PACKAGE_VENDOR "offerkit developers")
set(CPACK_PACKAGE_CONTACT "offerkit developers <dev@offerkit.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "job offers: read postings, export PDF flyers, Excel summaries and JSON")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION libs)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)  # Depends: from the linked shared libraries
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-dejavu-core")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
# debian/copyright: offerkit's licence and every bundled or linked component's.
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
file(READ ${PROJECT_SOURCE_DIR}/LICENSE OFFERKIT_LICENSE_TEXT)
string(REGEX REPLACE "\n\n" "\n.\n" OFFERKIT_LICENSE_TEXT "${OFFERKIT_LICENSE_TEXT}")
string(REGEX REPLACE "\n([^\n])" "\n \\1" OFFERKIT_LICENSE_TEXT " ${OFFERKIT_LICENSE_TEXT}")
configure_file(cmake/copyright.in ${PROJECT_BINARY_DIR}/deb/copyright @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/deb/copyright DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/offerkit COMPONENT runtime)
set(CPACK_STRIP_FILES OFF)
include(CPack)
