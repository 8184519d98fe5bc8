# Sourced by tests/bench/run and tests/bench/fair: what makes porta's
# output and Hugo's comparable.

# pages_of DIR, html_bytes_of DIR: the HTML pages under DIR, their bytes.
pages_of() { find "$1" -name '*.html' | wc -l; }
html_bytes_of() { find "$1" -name '*.html' -printf '%s\n' | awk '{ n += $1 } END { print n + 0 }'; }

# comparable DIR DIR: succeeds when the two hold as many pages (5 %
# apart at most) of as many bytes (25 %); else says how far apart.
comparable() {
	awk -v a="$(pages_of "$1")" -v b="$(pages_of "$2")" \
		-v c="$(html_bytes_of "$1")" -v d="$(html_bytes_of "$2")" 'BEGIN {
		if (a <= b * 1.05 && b <= a * 1.05 && c <= d * 1.25 && d <= c * 1.25) exit 0
		printf "%d pages (%d bytes) against %d (%d bytes): not comparable\n", a, c, b, d
		exit 1 }'
}
