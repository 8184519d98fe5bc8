/* The output directory, updated as a whole or not at all, and touching
 * only what changed.
 *
 * Files are first written to a fresh directory beside the output. If the
 * output does not exist yet (or was not made by porta), that directory
 * is renamed into place in one step. Otherwise only the files whose bytes
 * changed are in it: on commit, whatever the build no longer makes is
 * removed (also files put there by hand), the changed files are renamed
 * into the output one by one, and every other file keeps its bytes and
 * its modification time, so that a deploy by rsync or to a CDN moves only
 * what changed. A manifest beside the output (<out>.manifest) remembers
 * each file's hash, size and time; <out>.lock makes a second build into
 * the same output wait. Until commit the output is untouched: a failed
 * build leaves it exactly as it was. */
#ifndef PORTA_OUTPUT_H
#define PORTA_OUTPUT_H

#include <stddef.h>

typedef struct output output_t;

/* The manifest a build made, kept in memory for the next build into the
 * same output (the preview's), which then need not read it again: it is
 * used while the file on disk is still the one it was written to. */
typedef struct output_manifest output_manifest_t;
void output_manifest_free(output_manifest_t *m); /* accepts NULL */

/* Prepares to write to out (creating its parent). NULL after an I/O
 * error, with *error set (the caller frees it). With kept, the manifest
 * in *kept is taken instead of reading the file, when it is current, and
 * this build's is left there on commit. */
output_t *output_open(const char *out, output_manifest_t **kept,
                      char **error);

/* The same for a build that makes only some files of the site in out,
 * which an earlier build made whole (the preview server's rebuild after
 * an edit): the files not given keep their bytes, and nothing is
 * removed, not even the stages earlier builds left (output_tidy does).
 * A changed file the output has is written over in place, at once, when
 * no other name links to it: whoever reads the output's files must not
 * while such a build runs (the preview server waits), and a failed build
 * may leave some of its files written. Fails when out has no manifest. */
output_t *output_open_some(const char *out, output_manifest_t **kept,
                           char **error);

/* Adds a file of the new site at rel (below the output). Safe to call
 * from several threads at once. Returns 0, or -1 with *error set the first
 * time something fails. */
int output_file(output_t *o, const char *rel, const char *data, size_t len);

/* Puts the new site in place. Returns 0, or -1 with *error set. */
int output_commit(output_t *o);

/* The number of files written and kept by the last commit. */
size_t output_written(const output_t *o);
size_t output_kept(const output_t *o);

/* Removes what was staged; the output stays as it was. Accepts NULL.
 * After a commit the stage holds the old versions of the files replaced. */
void output_free(output_t *o);
/* The same, but leaves the stage for output_tidy or the next output_open
 * to remove: the preview shows an edit without waiting for the disk to
 * free the old versions of big files (milliseconds each on some disks). */
void output_free_later(output_t *o);
/* Removes the stages builds left beside out, unless a build is writing
 * out now (it does that itself when it opens). */
void output_tidy(const char *out);

/* The error, if any, as "cannot <what> <path>: <reason>"; owned by o. */
const char *output_error(const output_t *o);

#endif
