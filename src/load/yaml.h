/* YAML text to a value tree, keeping the line and column of every value.
 * Built on libyaml's event parser. */
#ifndef PORTA_YAML_H
#define PORTA_YAML_H

#include "../core/diag.h"
#include "../core/value.h"

/* Parses one YAML document. first_line is the file line that text starts
 * on (front matter starts on line 2). Returns the root value, allocated from
 * arena (an empty document is a null value), or NULL after recording the
 * problem in diags. Aliases and duplicate keys are errors; plain scalars
 * are typed by the YAML 1.2 core schema (null, true/false, numbers). */
value_t *yaml_parse(arena_t *arena, const char *text, size_t len,
                    const char *path, int first_line, diags_t *diags);

#endif
