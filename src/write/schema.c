#include "schema.h"

const char opendata_schema[] =
#include "schema.inc"
	;
