//go:build unix

package analysis

import (
	"os"
	"syscall"
)

// links returns the number of hard links of a file.
func links(st os.FileInfo) uint64 {
	if s, ok := st.Sys().(*syscall.Stat_t); ok {
		return uint64(s.Nlink)
	}
	return 1
}

// keepOwner gives name the owner and group of st where allowed (as root,
// or the group when the user belongs to it); failures are ignored.
func keepOwner(name string, st os.FileInfo) {
	if s, ok := st.Sys().(*syscall.Stat_t); ok {
		os.Chown(name, int(s.Uid), int(s.Gid))
	}
}
