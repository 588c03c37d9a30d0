# Instruction DSL generator: see tools/casesgen (written by the bytecode work).
