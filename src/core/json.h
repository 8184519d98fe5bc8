/* Writing JSON: strings escaped for JSON, numbers the shortest way. */
#ifndef PORTA_JSON_H
#define PORTA_JSON_H

#include "buf.h"

/* Appends s as a quoted JSON string (NULL as null). */
void json_string(buf_t *out, const char *s);
/* Appends n as a JSON number (never in exponent form for integers). */
void json_number(buf_t *out, double n);

#endif
