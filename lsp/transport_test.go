package lsp

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
)

func TestFrameReader(t *testing.T) {
	tests := []struct {
		name    string
		give    string
		want    []string
		wantErr string
	}{
		{"two frames", "Content-Length: 2\r\n\r\n{}Content-Length: 3\r\n\r\n[1]", []string{"{}", "[1]"}, ""},
		{"other headers and case", "content-length: 2\r\nContent-Type: x\r\n\r\n{}", []string{"{}"}, ""},
		{"stray blank lines", "\r\n\r\nContent-Length: 2\r\n\r\n{}", []string{"{}"}, ""},
		{"bare newlines", "Content-Length: 2\n\n{}", []string{"{}"}, ""},
		{"negative length", "Content-Length: -5\r\n\r\n", nil, "non-negative integer"},
		{"not a number", "Content-Length: ten\r\n\r\n", nil, "non-negative integer"},
		{"no colon", "hello\r\n\r\n", nil, `expected "Name: value"`},
		{"short body", "Content-Length: 10\r\n\r\n{}", nil, "reading 10-byte body"},
		{"header too long", strings.Repeat("x", 10000), nil, "header line longer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newFrameReader(strings.NewReader(tt.give))
			var got []string
			var err error
			for {
				var body []byte
				body, err = r.Read()
				if err != nil {
					break
				}
				got = append(got, string(body))
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("bodies %q, want %q", got, tt.want)
			}
			if tt.wantErr == "" && !errors.Is(err, io.EOF) {
				t.Errorf("end: %v, want EOF", err)
			}
			if tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Errorf("error %v, want one containing %q", err, tt.wantErr)
			}
		})
	}
}

func TestFrameReaderSkipsOversizedBody(t *testing.T) {
	big := strings.Repeat("x", 100)
	r := newFrameReader(strings.NewReader("Content-Length: " + itoa(len(big)) + "\r\n\r\n" + big + "Content-Length: 2\r\n\r\n{}"))
	r.max = 50
	if _, err := r.Read(); !errors.Is(err, errTooLarge) {
		t.Fatalf("oversized body: %v, want errTooLarge", err)
	}
	body, err := r.Read()
	if err != nil || string(body) != "{}" {
		t.Fatalf("frame after the skipped one: %q %v", body, err)
	}
}

// FuzzFrames feeds arbitrary streams to the frame reader: it must never
// panic, and never return more bytes than the stream holds.
func FuzzFrames(f *testing.F) {
	f.Add([]byte("Content-Length: 2\r\n\r\n{}"))
	f.Add([]byte("Content-Length: 99999999999999\r\n\r\n"))
	f.Add([]byte("Content-Length: 3\n\nabcContent-Length: 0\r\n\r\n"))
	f.Fuzz(func(t *testing.T, stream []byte) {
		r := newFrameReader(bytes.NewReader(stream))
		total := 0
		for range 1000 {
			body, err := r.Read()
			if err != nil && !errors.Is(err, errTooLarge) {
				break
			}
			total += len(body)
			if total > len(stream) {
				t.Fatalf("read %d body bytes from a %d-byte stream", total, len(stream))
			}
		}
	})
}

func TestListenAddr(t *testing.T) {
	for _, tt := range []struct {
		give, want string
		public     bool
		err        bool
	}{
		{":7777", "127.0.0.1:7777", false, false},
		{":0", "127.0.0.1:0", false, false},
		{"127.0.0.1:7777", "127.0.0.1:7777", false, false},
		{"localhost:7777", "localhost:7777", false, false},
		{"[::1]:7777", "[::1]:7777", false, false},
		{"0.0.0.0:7777", "0.0.0.0:7777", true, false},
		{"[::]:7777", "[::]:7777", true, false},
		{"example.org:7777", "example.org:7777", true, false},
		{"7777", "", false, true},
	} {
		got, public, err := listenAddr(tt.give)
		if (err != nil) != tt.err || got != tt.want || public != tt.public {
			t.Errorf("listenAddr(%q) = %q, %v, %v; want %q, %v, error %v", tt.give, got, public, err, tt.want, tt.public, tt.err)
		}
	}
}
