package report

import (
	"bytes"
	"fmt"
	"io"
)

// diffContext is how many unchanged lines surround each hunk, as in diff -u.
const diffContext = 3

// writeUnifiedDiff prints the change from a to b as a unified diff with
// "--- a/path" and "+++ b/path" headers, the form git apply and patch -p1
// accept. Nothing is printed when the texts are equal.
func writeUnifiedDiff(w io.Writer, path string, a, b []byte) error {
	x, y := splitLines(a), splitLines(b)
	ops := diffLines(x, y)
	hunks := groupHunks(ops)
	if len(hunks) == 0 {
		return nil
	}
	if _, err := fmt.Fprintf(w, "--- a/%s\n+++ b/%s\n", path, path); err != nil {
		return err
	}
	for _, h := range hunks {
		first := ops[h[0]]
		ai, bi := first.ai, first.bi
		an, bn := 0, 0
		for _, op := range ops[h[0]:h[1]] {
			if op.kind != '+' {
				an++
			}
			if op.kind != '-' {
				bn++
			}
		}
		if _, err := fmt.Fprintf(w, "@@ -%s +%s @@\n", hunkRange(ai, an), hunkRange(bi, bn)); err != nil {
			return err
		}
		for _, op := range ops[h[0]:h[1]] {
			line := op.line
			if _, err := fmt.Fprintf(w, "%c%s", op.kind, line); err != nil {
				return err
			}
			if !bytes.HasSuffix(line, []byte("\n")) {
				if _, err := io.WriteString(w, "\n\\ No newline at end of file\n"); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// hunkRange formats a hunk's start and length the way diff -u does: the
// start is 1-based, and an empty range names the line before it.
func hunkRange(start, n int) string {
	switch n {
	case 0:
		return fmt.Sprintf("%d,0", start)
	case 1:
		return fmt.Sprintf("%d", start+1)
	}
	return fmt.Sprintf("%d,%d", start+1, n)
}

// splitLines cuts text after each newline, keeping the newlines, so that a
// last line without one stays distinguishable.
func splitLines(s []byte) [][]byte {
	var out [][]byte
	for len(s) > 0 {
		i := bytes.IndexByte(s, '\n')
		if i < 0 {
			out = append(out, s)
			break
		}
		out = append(out, s[:i+1])
		s = s[i+1:]
	}
	return out
}

// diffOp is one line of the edit script: ' ' kept, '-' removed from a, '+'
// added from b; ai and bi are the 0-based line numbers in a and b at which
// the op stands.
type diffOp struct {
	kind   byte
	line   []byte
	ai, bi int
}

// diffLines computes a shortest edit script with Myers' O(ND) algorithm.
// Fixes change few lines, so D is small and the saved frontiers stay small
// even for long files.
func diffLines(a, b [][]byte) []diffOp {
	n, m := len(a), len(b)
	maxD := n + m
	off := maxD + 1
	v := make([]int, 2*maxD+3)
	var trace [][]int
	for d := 0; d <= maxD; d++ {
		trace = append(trace, append([]int(nil), v...))
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || (k != d && v[off+k-1] < v[off+k+1]) {
				x = v[off+k+1]
			} else {
				x = v[off+k-1] + 1
			}
			y := x - k
			for x < n && y < m && bytes.Equal(a[x], b[y]) {
				x, y = x+1, y+1
			}
			v[off+k] = x
			if x >= n && y >= m {
				return backtrack(a, b, trace, d, off)
			}
		}
	}
	return nil
}

// backtrack walks the saved frontiers from the end to the start and returns
// the edit script in order.
func backtrack(a, b [][]byte, trace [][]int, d, off int) []diffOp {
	var rev []diffOp
	x, y := len(a), len(b)
	for ; d > 0; d-- {
		k := x - y
		prev := trace[d]
		var pk int
		if k == -d || (k != d && prev[off+k-1] < prev[off+k+1]) {
			pk = k + 1
		} else {
			pk = k - 1
		}
		px := prev[off+pk]
		py := px - pk
		for x > px && y > py {
			x, y = x-1, y-1
			rev = append(rev, diffOp{' ', a[x], x, y})
		}
		if x == px {
			y--
			rev = append(rev, diffOp{'+', b[y], x, y})
		} else {
			x--
			rev = append(rev, diffOp{'-', a[x], x, y})
		}
	}
	for x > 0 && y > 0 {
		x, y = x-1, y-1
		rev = append(rev, diffOp{' ', a[x], x, y})
	}
	out := make([]diffOp, len(rev))
	for i, op := range rev {
		out[len(rev)-1-i] = op
	}
	return out
}

// groupHunks returns [start, end) index pairs into ops: each change with up
// to diffContext kept lines around it, merging changes whose context meets.
func groupHunks(ops []diffOp) [][2]int {
	var hunks [][2]int
	for i := 0; i < len(ops); {
		if ops[i].kind == ' ' {
			i++
			continue
		}
		start := max(0, i-diffContext)
		end := i
		for end < len(ops) {
			if ops[end].kind != ' ' {
				end++
				continue
			}
			j := end
			for j < len(ops) && ops[j].kind == ' ' {
				j++
			}
			if j == len(ops) || j-end > 2*diffContext {
				end = min(end+diffContext, j)
				break
			}
			end = j
		}
		hunks = append(hunks, [2]int{start, end})
		i = end
	}
	return hunks
}
