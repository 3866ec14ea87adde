# Imported targets for the third-party libraries that offerkit's static
# libraries link (installed with the CMake package; see offerkitConfig.cmake).
# They are defined here with the names the exported targets use, so that
# offerkit::core_static, offerkit::pdf, offerkit::xlsx… can be linked; each is
# looked up quietly: an application that links only offerkit::core needs none.
find_package(PkgConfig QUIET)
find_package(Boost 1.81 QUIET COMPONENTS json)
find_package(yaml-cpp QUIET)
if(PKG_CONFIG_FOUND)
  if(NOT TARGET PkgConfig::UTF8PROC)
    pkg_check_modules(UTF8PROC QUIET IMPORTED_TARGET libutf8proc)
  endif()
  if(NOT TARGET PkgConfig::XLSXWRITER)
    pkg_check_modules(XLSXWRITER QUIET IMPORTED_TARGET xlsxwriter)
  endif()
  if(NOT TARGET PkgConfig::OFFERKIT_QRENCODE)
    pkg_check_modules(OFFERKIT_QRENCODE QUIET IMPORTED_TARGET libqrencode)
  endif()
endif()
if(NOT TARGET PNG::PNG)
  find_package(PNG QUIET)
endif()
if(NOT TARGET Freetype::Freetype)
  find_package(Freetype QUIET)
endif()
# libharu 2.3.0 (Debian's libhpdf-dev) ships neither a CMake config nor a .pc file.
if(NOT TARGET offerkit_thirdparty::hpdf)
  find_path(OFFERKIT_HPDF_INCLUDE_DIR hpdf.h)
  find_library(OFFERKIT_HPDF_LIBRARY hpdf)
  if(OFFERKIT_HPDF_INCLUDE_DIR AND OFFERKIT_HPDF_LIBRARY)
    add_library(offerkit_thirdparty::hpdf UNKNOWN IMPORTED)
    set_target_properties(offerkit_thirdparty::hpdf PROPERTIES
      IMPORTED_LOCATION ${OFFERKIT_HPDF_LIBRARY}
      INTERFACE_INCLUDE_DIRECTORIES ${OFFERKIT_HPDF_INCLUDE_DIR})
  endif()
endif()
