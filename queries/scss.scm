; inherits: css
; Sass builds on CSS: its grammar keeps CSS's nodes, and tree-sitter-scss's
; queries only add its own (@mixin, $variables): these are the rest.
