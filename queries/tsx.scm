; inherits: ecmascript typescript
; Quire's highlight queries for TSX: queries/ecmascript.scm and
; queries/typescript.scm (inherited above) before tree-sitter-typescript's
; tsx queries (from its npm package). Nothing of TSX's own beyond them.
