package extract

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
)

// panicStage panics on any text holding "boom".
type panicStage struct{}

func (panicStage) Name() string { return "boom" }

func (panicStage) Run(_ context.Context, doc *Document) error {
	if strings.Contains(doc.Text, "boom") {
		var m map[string]int
		m["x"]++ // a nil map write: a real runtime panic
	}
	return nil
}

// A panic in a stage is an error for that article alone, naming it and
// the stage; the pipeline goes on with the next article.
func TestPanicInStageIsAnError(t *testing.T) {
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	p = &Pipeline{stages: append(append([]Stage{}, p.stages[:1]...), panicStage{})}
	_, err = p.Annotate(context.Background(), Input{Name: "bad.txt", Text: "It went boom.\n"})
	if !errors.Is(err, ErrInternal) {
		t.Fatalf("error %v, want one wrapping ErrInternal", err)
	}
	if msg := err.Error(); !strings.HasPrefix(msg, "bad.txt: boom stage: internal error: ") || strings.Contains(msg, "\n") {
		t.Errorf("error %q does not name the input and the stage on one line", msg)
	}
	doc, err := p.Annotate(context.Background(), Input{Name: "good.txt", Text: "All is well.\n"})
	if err != nil || doc == nil {
		t.Errorf("the next article: %v", err)
	}
}

func TestFlattenHTML(t *testing.T) {
	page := []byte("<html><body><div><p>One<p>Two<ul><li>a<li>b</ul></div><script>x<1</script></body></html>")
	if got, deep, cut := flattenHTML(page, 5, 100); &got[0] != &page[0] || deep != 0 || cut != 0 {
		t.Errorf("a shallow page was rewritten: %q, %d, %d", got, deep, cut)
	}
	// Nesting deeper than the bound: the tags go, the text (but not a
	// deep script's) stays, and the tags around it are balanced.
	deepPage := []byte("<html><body>" + strings.Repeat("<div>", 10) + "<b>Deep</b> text<script>var x = '<p>';</script>" +
		strings.Repeat("</div>", 10) + "<p>After</p></body></html>")
	got, deep, cut := flattenHTML(deepPage, 4, 100)
	want := "<html><body><div><div>Deep text</div></div><p>After</p></body></html>"
	if string(got) != want || deep != 10 || cut != 0 {
		t.Errorf("flattenHTML(deep) = %q, %d, %d; want %q, 10, 0", got, deep, cut, want)
	}
	// Unclosed paragraphs and list items are not nesting.
	flat := []byte("<html><body>" + strings.Repeat("<p>para <b>bold</b> ", 50) + "<ul>" + strings.Repeat("<li>item", 50) + "</ul></body></html>")
	if _, deep, _ := flattenHTML(flat, 8, 1000); deep != 0 {
		t.Errorf("unclosed <p> and <li> counted as %d deep elements", deep)
	}
	// Past the element bound, the page is cut before the next tag.
	many := []byte("<html><body>" + strings.Repeat("<p>x</p>", 100) + "</body></html>")
	got, _, cut = flattenHTML(many, 100, 10)
	if cut != bytes.Index(many, []byte("<p>x</p><p>x</p><p>x</p>"))+8*8 || strings.Count(string(got), "<p>") != 8 {
		t.Errorf("cut at byte %d, kept %d paragraphs: %q", cut, strings.Count(string(got), "<p>"), got)
	}
}
