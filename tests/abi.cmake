# What libofferkit.so exports: the public API only (offerkit/export.hpp), no
# internal function, no Boost.JSON or yaml-cpp code, and a SONAME per minor release.
add_test(NAME "abi: libofferkit.so exports the public API only"
  COMMAND bash -c "set -e; syms=$(nm -DC --defined-only \"$1\"); \
    echo \"$syms\" | grep -q 'offerkit::registry::load_module' || { echo 'offerkit::registry not exported'; exit 1; }; \
    bad=$(echo \"$syms\" | grep -E 'boost::|YAML::|offerkit::detail::|offerkit::posting::|offerkit::(anonymous)' || true); \
    [ -z \"$bad\" ] || { echo \"internal symbols exported:\"; echo \"$bad\" | head -20; exit 1; }; \
    soname=$(objdump -p \"$1\" | awk '/SONAME/ {print $2}'); \
    [ \"$soname\" = libofferkit.so.${PROJECT_VERSION_MAJOR}.${PROJECT_VERSION_MINOR} ] || { echo \"SONAME $soname\"; exit 1; }; \
    echo \"$(echo \"$syms\" | wc -l) symbols, all public; SONAME $soname\"" _ $<TARGET_FILE:offerkit_core>)
