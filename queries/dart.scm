; Dart's `final` and `const` are keywords (upstream: builtin constants).
[(final_builtin) (const_builtin)] @keyword
