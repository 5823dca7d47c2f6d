package main

import "testing"

func TestPseudoVersionCommit(t *testing.T) {
	tests := []struct{ give, want string }{
		{"v0.0.0-20261121193000-abcdef123456", "abcdef123456"},
		{"v1.2.4-0.20261121193000-0123456789ab", "0123456789ab"},
		{"v1.2.4-pre.0.20261121193000-0123456789ab+incompatible", "0123456789ab"},
		{"v1.2.3", ""},
		{"v1.2.3-rc-abcdef123456", ""}, // a tag, not a pseudo-version
		{"(devel)", ""},
		{"v0.0.0-20261121193000-ABCDEF123456", ""},
	}
	for _, tt := range tests {
		if got := pseudoVersionCommit(tt.give); got != tt.want {
			t.Errorf("pseudoVersionCommit(%q) = %q, want %q", tt.give, got, tt.want)
		}
	}
}
