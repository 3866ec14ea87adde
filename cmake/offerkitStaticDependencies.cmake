# Imported targets for the third-party libraries that offerkit's static
# libraries link (installed with the CMake package; see offerkitConfig.cmake).
find_package(PkgConfig QUIET)
find_package(Boost 1.81 QUIET COMPONENTS json)
find_package(yaml-cpp QUIET)
if(PKG_CONFIG_FOUND)
  if(NOT TARGET PkgConfig::UTF8PROC)
    pkg_check_modules(UTF8PROC QUIET IMPORTED_TARGET libutf8proc)
  endif()
endif()
