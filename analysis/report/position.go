package report

import (
	"github.com/buflsp/buflsp/analysis/syntax"
)

// pos is a position in the three units the formats need.
type pos struct {
	Offset int `json:"offset"`
	Line   int `json:"line"`   // 1-based
	Column int `json:"column"` // 1-based, in bytes (UTF-8)
	col16  int // 1-based, in UTF-16 code units (SARIF's default column kind)
}

func position(lt *syntax.LineTable, off int) pos {
	line, col := lt.Position(off)
	return pos{Offset: off, Line: line, Column: col, col16: lt.UTF16Col(off) + 1}
}
