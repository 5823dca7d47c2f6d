//go:build !unix

package analysis

import "os"

// openNonBlocking opens path for reading; systems without O_NONBLOCK
// rely on the checks before and after the open.
func openNonBlocking(path string) (*os.File, error) {
	return os.Open(path)
}
