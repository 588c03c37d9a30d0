# The instruction set: tools/casesgen turns src/vm/bytecodes.def into the
# opcode enum and metadata headers under ${SPINDLE_GEN_DIR}/vm (see
# docs/internals/bytecode.md). The generator is built for the host first.
set(SPINDLE_CASESGEN_DIR ${CMAKE_SOURCE_DIR}/tools/casesgen)
add_library(spindle-casesgen-lib STATIC
  ${SPINDLE_CASESGEN_DIR}/parser.cpp
  ${SPINDLE_CASESGEN_DIR}/analysis.cpp
  ${SPINDLE_CASESGEN_DIR}/emit.cpp
  ${SPINDLE_CASESGEN_DIR}/emit_tier1.cpp)
target_include_directories(spindle-casesgen-lib PUBLIC ${SPINDLE_CASESGEN_DIR})
target_compile_options(spindle-casesgen-lib PRIVATE ${SPINDLE_WARNINGS})
add_executable(spindle-casesgen ${SPINDLE_CASESGEN_DIR}/main.cpp)
target_link_libraries(spindle-casesgen PRIVATE spindle-casesgen-lib)
target_compile_options(spindle-casesgen PRIVATE ${SPINDLE_WARNINGS})

set(SPINDLE_BYTECODES_OUTPUTS
  ${SPINDLE_GEN_DIR}/vm/opcode_ids.h
  ${SPINDLE_GEN_DIR}/vm/opcode_metadata.h
  ${SPINDLE_GEN_DIR}/vm/tier1_cases.inc
  ${SPINDLE_GEN_DIR}/vm/tier1_targets.inc
  ${SPINDLE_GEN_DIR}/vm/specializers.h)
add_custom_command(
  OUTPUT ${SPINDLE_BYTECODES_OUTPUTS}
  COMMAND spindle-casesgen ${CMAKE_SOURCE_DIR}/src/vm/bytecodes.def ${SPINDLE_GEN_DIR} src/vm/bytecodes.def
  # The generator skips unchanged files; touch so the outputs are never older
  # than their inputs (which would rerun this command on every build).
  COMMAND ${CMAKE_COMMAND} -E touch_nocreate ${SPINDLE_BYTECODES_OUTPUTS}
  DEPENDS spindle-casesgen ${CMAKE_SOURCE_DIR}/src/vm/bytecodes.def
  COMMENT "Generating the opcode tables from src/vm/bytecodes.def"
  VERBATIM)
add_custom_target(spindle-bytecodes DEPENDS ${SPINDLE_BYTECODES_OUTPUTS})
list(APPEND SPINDLE_GENERATED_SOURCES ${SPINDLE_BYTECODES_OUTPUTS})
