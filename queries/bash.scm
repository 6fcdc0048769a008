; Quire's highlight queries for shell (bash), written for this repository
; (MIT, as Quire). They come before tree-sitter-bash's
; queries/highlights.scm (from its npm package), so for one node they win.
; Upstream paints commands, strings and keywords; these add builtins,
; numbers, $ and ${ } of expansions, assigned variables' names, special
; variables, test operators, redirections, pipes and && ||.

((command_name (word) @function.builtin)
 (#any-of? @function.builtin
  "cd" "echo" "printf" "export" "source" "." "set" "unset" "read" "exit" "return" "exec"
  "eval" "local" "declare" "readonly" "shift" "test" "trap" "wait" "alias" "type" "true" "false"))
(variable_assignment name: (variable_name) @property)
(simple_expansion "$" @punctuation.special)
(expansion "${" @punctuation.special "}" @punctuation.special)
(special_variable_name) @variable.builtin
(number) @number
(test_operator) @operator
(file_redirect [">" ">>" "<" "&>" ">&"] @operator)
(pipeline "|" @operator)
(list ["&&" "||"] @operator)
(ansi_c_string) @string
