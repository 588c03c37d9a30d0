# The Unicode database: tools/unicodegen reads the UCD text files (Debian's
# unicode-data package) and writes gen/unicode_tables.cpp, restricted to
# Unicode 14.0.0 — the version CPython 3.11 ships — so that names, categories,
# identifiers and NFKC behave exactly as in CPython 3.11. Layout of the tables:
# src/unicode/unicode_tables.h; design: docs/internals/unicode.md.
set(SPINDLE_UCD_DIR /usr/share/unicode CACHE PATH "Directory holding the Unicode Character Database text files")
set(SPINDLE_UNICODE_VERSION 14.0)

set(SPINDLE_UCD_FILES
  UnicodeData.txt DerivedAge.txt DerivedCoreProperties.txt DerivedNormalizationProps.txt
  CompositionExclusions.txt NameAliases.txt Jamo.txt SpecialCasing.txt CaseFolding.txt EastAsianWidth.txt
  NamedSequences.txt
  Unihan_NumericValues.txt.bz2)
set(_spindle_ucd_inputs "")
foreach(_f IN LISTS SPINDLE_UCD_FILES)
  if(NOT EXISTS ${SPINDLE_UCD_DIR}/${_f})
    message(FATAL_ERROR "Unicode data file ${SPINDLE_UCD_DIR}/${_f} not found: "
                        "apt-get install unicode-data (or set SPINDLE_UCD_DIR)")
  endif()
  list(APPEND _spindle_ucd_inputs ${SPINDLE_UCD_DIR}/${_f})
endforeach()

file(GLOB SPINDLE_UNICODEGEN_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tools/unicodegen/*.cpp)
add_executable(spindle-unicodegen ${SPINDLE_UNICODEGEN_SOURCES})
target_include_directories(spindle-unicodegen PRIVATE ${CMAKE_SOURCE_DIR}/src)
target_compile_options(spindle-unicodegen PRIVATE ${SPINDLE_WARNINGS})

# Debian ships the Unihan files bz2-compressed; the generator reads plain text.
find_program(SPINDLE_BZIP2 bzip2)
if(NOT SPINDLE_BZIP2)
  message(FATAL_ERROR "bzip2 not found (needed to read Unihan_NumericValues.txt.bz2): apt-get install bzip2")
endif()
add_custom_command(
  OUTPUT ${SPINDLE_GEN_DIR}/Unihan_NumericValues.txt
  COMMAND ${SPINDLE_BZIP2} -dc ${SPINDLE_UCD_DIR}/Unihan_NumericValues.txt.bz2 > ${SPINDLE_GEN_DIR}/Unihan_NumericValues.txt
  DEPENDS ${SPINDLE_UCD_DIR}/Unihan_NumericValues.txt.bz2
  COMMENT "Decompressing Unihan_NumericValues.txt")

set(SPINDLE_UNICODE_OVERRIDES ${CMAKE_SOURCE_DIR}/tools/unicodegen/unicode14.txt)
add_custom_command(
  OUTPUT ${SPINDLE_GEN_DIR}/unicode_tables.cpp
  COMMAND spindle-unicodegen ${SPINDLE_UCD_DIR} ${SPINDLE_UNICODE_VERSION} ${SPINDLE_UNICODE_OVERRIDES}
          ${SPINDLE_GEN_DIR}/Unihan_NumericValues.txt ${SPINDLE_GEN_DIR}/unicode_tables.cpp
  DEPENDS spindle-unicodegen ${_spindle_ucd_inputs} ${SPINDLE_UNICODE_OVERRIDES}
          ${SPINDLE_GEN_DIR}/Unihan_NumericValues.txt
  COMMENT "Generating the Unicode ${SPINDLE_UNICODE_VERSION} tables from ${SPINDLE_UCD_DIR}"
  VERBATIM)
list(APPEND SPINDLE_GENERATED_SOURCES ${SPINDLE_GEN_DIR}/unicode_tables.cpp)
