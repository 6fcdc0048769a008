# Prints raw and gzipped sizes of the WASM module and its JS glue.
foreach(f quire-core.wasm quire-core.js)
  set(path "${DIR}/${f}")
  file(SIZE "${path}" raw)
  execute_process(COMMAND sh -c "gzip -9 -c '${path}' | wc -c"
                  OUTPUT_VARIABLE gz OUTPUT_STRIP_TRAILING_WHITESPACE)
  message(STATUS "size: ${f}: ${raw} bytes raw, ${gz} bytes gzip -9")
endforeach()
