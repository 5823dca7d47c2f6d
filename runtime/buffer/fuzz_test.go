package buffer

import (
	"bytes"
	"encoding/binary"
	"errors"
	"testing"
)

// FuzzBufferOps drives a Buffer with a random sequence of operations and
// checks it against a plain []byte model after every step. Views are taken
// along the way and must either show the model's bytes for their range or
// report ErrStale, never anything else.
func FuzzBufferOps(f *testing.F) {
	f.Add([]byte{0, 5, 'a', 'b', 'c', 'd', 'e', 1, 2, 3, 1, 'z'})
	f.Add([]byte{8, 0x00, 0x00, 0x00, 0x80, 0, 3, 'x', 'y', 'z', 6, 1, 2, 9, 0, 1})
	f.Add(bytes.Repeat([]byte{0, 20, 'q', 2, 7}, 30))
	f.Add([]byte{10, 'h', 'i', 11, 1, 0, 2, 12, 0, 255, 255, 255, 255})
	f.Fuzz(func(t *testing.T, ops []byte) {
		var b Buffer
		var model []byte
		// consumed counts bytes taken from the front, so that a view's
		// range can be found in the model after reads.
		consumed := 0
		type view struct {
			v          *Buffer
			start, end int // absolute range: model index + consumed
		}
		var views []view
		next := func(n int) []byte {
			if n > len(ops) {
				n = len(ops)
			}
			p := ops[:n]
			ops = ops[n:]
			return p
		}
		num := func() int {
			if len(ops) == 0 {
				return 0
			}
			return int(next(1)[0])
		}
		for len(ops) > 0 {
			op := next(1)[0] % 13
			switch op {
			case 0: // write
				p := next(num())
				b.Write(p)
				model = append(model, p...)
			case 1: // next
				n := num()
				got := b.Next(n)
				n = min(n, len(model))
				if !bytes.Equal(got, model[:n]) {
					t.Fatalf("Next(%d) = %q, want %q", n, got, model[:n])
				}
				model = model[n:]
				consumed += n
			case 2: // skip
				n := num() - 10
				got := b.Skip(n)
				want := max(0, min(n, len(model)))
				if got != want {
					t.Fatalf("Skip(%d) = %d, want %d", n, got, want)
				}
				model = model[want:]
				consumed += want
			case 3: // set
				s := string(next(num()))
				b.Set(s)
				model = []byte(s)
			case 4: // reset / free
				if num()%2 == 0 {
					b.Reset()
				} else {
					b.Free()
				}
				model = nil
			case 5: // insert
				off, p := num()-5, next(num()%8)
				err := b.Insert(off, p)
				if off < 0 || off > len(model) {
					if err == nil {
						t.Fatalf("Insert(%d) outside [0,%d] accepted", off, len(model))
					}
					break
				}
				if err != nil {
					t.Fatalf("Insert: %v", err)
				}
				model = append(model[:off:off], append(append([]byte(nil), p...), model[off:]...)...)
			case 6: // remove
				off, n := num()-5, num()-5
				got, err := b.Remove(off, n)
				if off < 0 || off > len(model) || n < 0 {
					if err == nil {
						t.Fatalf("Remove(%d, %d) accepted", off, n)
					}
					break
				}
				n = min(n, len(model)-off)
				if err != nil || got != n {
					t.Fatalf("Remove = %d, %v, want %d", got, err, n)
				}
				model = append(model[:off:off], model[off+n:]...)
				if off == 0 {
					consumed += n
				}
			case 7: // replace
				off, p := num()-5, next(num()%8)
				err := b.Replace(off, p)
				if off < 0 || off > len(model) {
					if err == nil {
						t.Fatal("Replace outside accepted")
					}
					break
				}
				for i, c := range p {
					if off+i < len(model) {
						model[off+i] = c
					} else {
						model = append(model, c)
					}
				}
			case 8: // setlen, including absurd sizes
				n := int(int32(binary.LittleEndian.Uint32(append(next(4), 0, 0, 0, 0))))
				n %= 1 << 20
				err := b.SetLen(n)
				if n < 0 {
					if err == nil {
						t.Fatal("negative SetLen accepted")
					}
					break
				}
				if n < len(model) {
					model = model[:n]
				} else {
					model = append(model, make([]byte, n-len(model))...)
				}
			case 9: // fill
				off, n, c := num()-5, num(), byte(num())
				err := b.Fill(off, n, c)
				if off < 0 || off > len(model) {
					if err == nil {
						t.Fatal("Fill outside accepted")
					}
					break
				}
				for i := off; i < min(off+n, len(model)); i++ {
					model[i] = c
				}
			case 10: // take a view
				i, j := num()%(len(model)+1), num()%(len(model)+1)
				v, err := b.Slice(min(i, j), max(i, j))
				if err != nil {
					t.Fatalf("Slice: %v", err)
				}
				views = append(views, view{v, min(i, j) + consumed, max(i, j) + consumed})
			case 11: // reserve and commit
				n := num()
				space, err := b.Reserve(n)
				if err != nil || len(space) < n {
					t.Fatalf("Reserve(%d) = %d, %v", n, len(space), err)
				}
				k := min(n, num())
				for i := 0; i < k; i++ {
					space[i] = byte(i)
					model = append(model, byte(i))
				}
				if err := b.Commit(k); err != nil {
					t.Fatal(err)
				}
			case 12: // index
				p := next(num() % 4)
				want := bytes.Index(model, p)
				if got := b.Index(p, 0); got != want {
					t.Fatalf("Index(%q) = %d, want %d", p, got, want)
				}
			}
			if !bytes.Equal(b.Bytes(), model) || b.Len() != len(model) {
				t.Fatalf("after op %d: buffer %q, model %q", op, b.Bytes(), model)
			}
			for _, v := range views {
				// A valid view shows the source's current bytes for its
				// range (in-place edits included); a stale one says so.
				err := v.v.Valid()
				if err != nil {
					if !errors.Is(err, ErrStale) {
						t.Fatalf("view error %v", err)
					}
					continue
				}
				lo, hi := v.start-consumed, v.end-consumed
				if lo >= 0 && hi <= len(model) && !bytes.Equal(v.v.Bytes(), model[lo:hi]) {
					t.Fatalf("valid view shows %q, source has %q", v.v.Bytes(), model[lo:hi])
				}
			}
		}
	})
}
