package eval

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/storyline/storyline/internal/shareddata"
)

// FuzzParseTimeML reads anything as a TimeML file: a document whose gold
// TIMEX3 spans lie in its text, each span's Text being that text, or one
// one-line error naming the file.
//
//	go test ./eval -run '^$' -fuzz '^FuzzParseTimeML$' -fuzztime 10m -parallel 1
func FuzzParseTimeML(f *testing.F) {
	f.Add([]byte(`<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">01/08/1998</TIMEX3></DCT>` +
		`<TEXT>He left <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3> &amp; came back.</TEXT></TimeML>`))
	f.Add([]byte(`<DCT><TIMEX3 value="2000"/></DCT><TEXT><TIMEX3 value="X"><TIMEX3 value="Y">a</TIMEX3></TIMEX3></TEXT>`))
	f.Add([]byte(`<DCT></DCT><TEXT></TIMEX3></TEXT>`))
	if root, err := shareddata.Root(); err == nil {
		files, _ := filepath.Glob(filepath.Join(root, "..", "shared", "data", "timeml", "tbaq", "TimeBank", "*.tml"))
		for _, file := range files[:min(5, len(files))] {
			if b, err := os.ReadFile(file); err == nil {
				f.Add(b)
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := ParseTimeML("f.tml", data)
		if err != nil {
			if msg := err.Error(); !strings.Contains(msg, "f.tml") || strings.Contains(msg, "\n") {
				t.Errorf("error %q is not one line naming the file", msg)
			}
			return
		}
		for _, g := range doc.Gold {
			if g.Start < 0 || g.End > len(doc.Text) || g.Start > g.End || doc.Text[g.Start:g.End] != g.Text {
				t.Fatalf("gold span [%d,%d) %q outside or unlike the %d-byte text", g.Start, g.End, g.Text, len(doc.Text))
			}
			if utf8.Valid(data) && (!utf8.ValidString(g.Text)) {
				t.Errorf("span %q of valid UTF-8 input is not on rune boundaries", g.Text)
			}
		}
	})
}
