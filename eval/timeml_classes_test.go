package eval

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storyline/storyline/extract/timex"
	"github.com/storyline/storyline/internal/shareddata"
)

func TestTimeMLValueClasses(t *testing.T) {
	doc := &TimeMLDoc{Name: "x", DCT: "2009-12-19",
		Text: "In April, in the 1998-99 season, every week, aged 62, on Friday, in May, in June."}
	for _, c := range []struct {
		text, gtyp, gval, styp, sval, mode, want string
	}{
		{"April", "DATE", "1940-04", "DATE", "2009-04", timex.ModeNews, "narrative"},
		{"May", "DATE", "1940-05", "DATE", "1941-05", timex.ModeNarrative, "narrative"},
		{"June", "DATE", "2009-06", "DATE", "2010-06", timex.ModeNews, "tense/direction"},
		{"Friday", "DATE", "2009-12-18", "DATE", "2009-12-11", timex.ModeNews, "tense/direction"},
		{"aged 62", "DURATION", "P62Y", "DATE", "1947", "", "duration-not-date"},
		{"1998-99", "DATE", "1998", "DATE", "1999", "", "ranges"},
		{"every week", "SET", "P1W", "DURATION", "P1W", "", "sets"},
		{"in June", "DATE", "2009-06", "DATE", "2009-W23", timex.ModeNews, "other"},
	} {
		g := mkTimex(doc.Text, c.text, c.gtyp, c.gval)
		s := mkTimex(doc.Text, c.text, c.styp, c.sval)
		s.Mode = c.mode
		if got := tmlValueClass(doc, g, s); got != c.want {
			t.Errorf("%q gold %s sys %s: class %q, want %q", c.text, c.gval, c.sval, got, c.want)
		}
	}
	if !tmlLoneName("Friday's") || tmlLoneName("Friday night") {
		t.Error("tmlLoneName")
	}
}

// A file with broken XML or no DCT is named with its problem and
// skipped; the others are scored, per folder.
func TestTimeMLSkipsBadFilesAndScoresFolders(t *testing.T) {
	good, err := os.ReadFile(filepath.Join("..", "extract", "timex", "testdata", "small.tml"))
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	files := map[string]string{
		"a/good.tml":   string(good),
		"b/good.tml":   string(good),
		"b/broken.tml": strings.Replace(string(good), "</TEXT>", "", 1),
		"b/nodct.tml":  "<TimeML><TEXT>It rained on <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2015-11-30\">Monday</TIMEX3>.</TEXT></TimeML>",
	}
	for name, text := range files {
		p := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r, err := TimeML(context.Background(), []string{root}, TimeMLOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Files != 2 || len(r.Folders) != 2 || r.Folders[0].Files != 1 || r.Folders[1].Files != 1 {
		t.Fatalf("files %d, folders %+v; want two good files in two folders", r.Files, r.Folders)
	}
	if len(r.Problems) != 2 {
		t.Fatalf("problems %+v, want broken.tml and nodct.tml", r.Problems)
	}
	var out bytes.Buffer
	if err := r.Write(&out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"broken.tml: broken XML", "nodct.tml: ", "no DCT", "wrong values by class", filepath.Base(root) + "/a"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}
}

// WikiWars: narrative text, where relative dates follow the story.
func TestTimeMLWikiWarsTargets(t *testing.T) {
	dir := shareddata.Dir(t, filepath.Join("timeml", "wikiwars"))
	r, err := TimeML(context.Background(), []string{dir}, TimeMLOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := r.Write(&out); err != nil {
		t.Fatal(err)
	}
	t.Logf("\n%s", out.String())
	// floors just under the measured figures (strict 88.2, value 85.2)
	if r.Gold < 1300 || r.Strict.F1 < 88.0 || r.Value.F1 < 85.0 {
		t.Errorf("WikiWars below floor: %d gold, strict %.1f, value %.1f", r.Gold, r.Strict.F1, r.Value.F1)
	}
	news, err := TimeML(context.Background(), []string{dir}, TimeMLOptions{Anchor: timex.AnchorNews})
	if err != nil {
		t.Fatal(err)
	}
	if news.Value.F1 >= r.Value.F1-10 {
		t.Errorf("news anchoring (value %.1f) is not far below auto (%.1f) on narrative text", news.Value.F1, r.Value.F1)
	}
	if r.WrongValues["narrative"] >= news.WrongValues["narrative"] {
		t.Errorf("narrative wrong values: auto %d, news %d", r.WrongValues["narrative"], news.WrongValues["narrative"])
	}
}
