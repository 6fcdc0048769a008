; inherits: ecmascript
; Quire's highlight queries for JavaScript, written for this repository
; (MIT, as Quire): queries/ecmascript.scm (inherited above, with what
; TypeScript shares) and these come before tree-sitter-javascript's
; queries/highlights.scm (from its npm package), so for one node they win.
; Here: what only JavaScript's grammar names so (class names are
; identifiers here, type identifiers in TypeScript).

(class_declaration name: (identifier) @type)
(class name: (identifier) @type)
(field_definition property: (property_identifier) @property)
(class_heritage (identifier) @type)
