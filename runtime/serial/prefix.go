package serial

import "encoding/binary"

// Tags of the format. A tag is itself written as a prefix-encoded number, so
// strings of 192 bytes or more get a multi-byte tag.
const (
	tagNil       = 0x00
	tagFalse     = 0x01
	tagTrue      = 0x02
	tagNull      = 0x03
	tagLightUD32 = 0x04
	tagLightUD64 = 0x05
	tagInt       = 0x06
	tagNum       = 0x07
	tagTabEmpty  = 0x08
	tagTabHash   = 0x09
	tagTabArr0   = 0x0a
	tagTabMix0   = 0x0b
	tagTabArr1   = 0x0c
	tagTabMix1   = 0x0d
	tagTabMeta   = 0x0e
	tagDictStr   = 0x0f
	tagInt64     = 0x10
	tagUint64    = 0x11
	tagComplex   = 0x12
	tagStr       = 0x20
)

// maxDepth is LuaJIT's limit of nested tables per encode or decode call.
const maxDepth = 100

// LuaJIT pre-sizes decoded tables and refuses counts above these limits
// before reading any element.
const (
	maxArrayCount = 1<<27 + 1
	maxHashCount  = 1 << 26
)

// appendU appends n in LuaJIT's prefix encoding: one byte below 0xe0, two
// bytes below 0x1fe0, else 0xff and four little-endian bytes.
func appendU(b []byte, n uint32) []byte {
	switch {
	case n < 0xe0:
		return append(b, byte(n))
	case n < 0x1fe0:
		n -= 0xe0
		return append(b, byte(0xe0|(n>>8)), byte(n))
	default:
		return append(b, 0xff, byte(n), byte(n>>8), byte(n>>16), byte(n>>24))
	}
}

// appendTableHeader writes a table's tag and counts. n is the length of the
// array part written from index 1, has0 whether t[0] is written with it (a
// 0-based array), and nhash the number of pairs written after them.
func appendTableHeader(b []byte, n int, has0 bool, nhash int) []byte {
	var tag byte = tagTabEmpty
	if nhash > 0 {
		tag |= 1
	}
	switch {
	case has0:
		tag += 2
	case n > 0:
		tag += 4
	}
	b = append(b, tag)
	if tag >= tagTabArr0 {
		b = appendU(b, uint32(n+1))
	}
	if nhash > 0 {
		b = appendU(b, uint32(nhash))
	}
	return b
}

// readTableCounts reads the counts that follow a table's tag at p: the size
// of the array part (0 when the tag has none) and the number of hash pairs.
// Counts over LuaJIT's limits are refused, as LuaJIT refuses them, before
// anything is allocated. Errors name start, the table's offset.
func readTableCounts[T string | []byte](src T, tag uint32, p, start int) (narray, nhash uint32, next int, err *DecodeError) {
	var ok bool
	if tag >= tagTabArr0 {
		if narray, p, ok = readU(src, p); !ok {
			return 0, 0, p, errAt(start, msgUnexpectedEnd)
		}
	}
	if tag&1 != 0 {
		if nhash, p, ok = readU(src, p); !ok {
			return 0, 0, p, errAt(start, msgUnexpectedEnd)
		}
	}
	if narray > maxArrayCount || nhash > maxHashCount {
		return 0, 0, p, errAt(start, msgTableOverflow)
	}
	return narray, nhash, p, nil
}

func appendU64(b []byte, v uint64) []byte {
	return binary.LittleEndian.AppendUint64(b, v)
}

// appendStr appends a string object: its length (plus 0x20) as the tag,
// then the raw bytes.
func appendStr(b []byte, s string) []byte {
	if len(s) < 0xe0-tagStr {
		b = append(b, byte(tagStr+len(s)))
	} else {
		b = appendU(b, uint32(tagStr+len(s)))
	}
	return append(b, s...)
}

// appendShortStr appends a string of fewer than 0xe0-tagStr bytes with its
// one-byte tag. Hash keys and values are mostly that short, and for up to 8
// bytes two overlapping 4-byte stores are cheaper than a call to memmove.
func appendShortStr(b []byte, s string) []byte {
	n := len(s)
	switch {
	case n == 1:
		return append(b, byte(tagStr+1), s[0])
	case n >= 4 && n <= 8 && cap(b)-len(b) > 8:
		l := len(b)
		b = b[:l+1+n]
		b[l] = byte(tagStr + n)
		binary.LittleEndian.PutUint32(b[l+1:], le32(s, 0))
		binary.LittleEndian.PutUint32(b[l+1+n-4:], le32(s, n-4))
		return b
	}
	return append(append(b, byte(tagStr+n)), s...)
}

// readU reads a prefix-encoded number at src[p:] and returns it with the
// position after it. ok is false when the input ends first.
func readU[T string | []byte](src T, p int) (n uint32, next int, ok bool) {
	if p >= len(src) {
		return 0, p, false
	}
	b := src[p]
	if b < 0xe0 {
		return uint32(b), p + 1, true
	}
	if b != 0xff {
		if p+1 >= len(src) {
			return 0, p, false
		}
		return (uint32(b&0x1f)<<8 | uint32(src[p+1])) + 0xe0, p + 2, true
	}
	if len(src)-p < 5 {
		return 0, p, false
	}
	return le32(src, p+1), p + 5, true
}

func le32[T string | []byte](s T, p int) uint32 {
	_ = s[p+3]
	return uint32(s[p]) | uint32(s[p+1])<<8 | uint32(s[p+2])<<16 | uint32(s[p+3])<<24
}

func le64[T string | []byte](s T, p int) uint64 {
	_ = s[p+7]
	return uint64(le32(s, p)) | uint64(le32(s, p+4))<<32
}
