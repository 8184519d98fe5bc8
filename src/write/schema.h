/* The JSON Schema of the open-data files (src/write/schema.json, made a
 * C string by the Makefile). */
#ifndef PORTA_SCHEMA_H
#define PORTA_SCHEMA_H

extern const char opendata_schema[];

#endif
