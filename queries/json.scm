; Quire's highlight queries for JSON, written for this repository (MIT, as
; Quire). They come before tree-sitter-json's queries/highlights.scm (from
; its npm package), so for one node they win. Upstream paints keys, strings
; and literals; these set true/false apart from null.

[(true) (false)] @boolean
(null) @constant.builtin
