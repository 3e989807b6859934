package timex

import (
	"os"
	"strings"
	"testing"

	"github.com/storyline/storyline/internal/shareddata"
)

// Months and weekdays that are names by the words around them, with no
// entity knowledge: a storm or ship word, a title written without its
// period, "called" after a noun, a weekday inside a newspaper's name.
func TestNamesThatLookLikeDays(t *testing.T) {
	const text = `Hurricane August hit the coast. Mr August and a ship called Friday were lost. ` +
		`The Sunday Times reported it, as did the Sunday Telegraph. The board named Friday as its chairman. ` +
		`President Clinton Saturday vowed to act.`
	txs, got := tagWith(t, New(), text, "2005-03-01")
	for _, tx := range txs {
		if tx.Text == "August" || tx.Text == "Sunday" {
			t.Errorf("a name tagged as a date: %+v", tx)
		}
	}
	fridays := 0
	for _, tx := range txs {
		if tx.Text == "Friday" {
			fridays++
		}
	}
	if fridays != 1 {
		t.Errorf("want only the Friday of 'named Friday as' tagged, got %d in %+v", fridays, txs)
	}
	expectValues(t, "dates", got, map[string]string{"Saturday": "2005-02-26"})
}

// On the BBC News articles, a newspaper named after a weekday (the Sunday
// Times, the Sunday Telegraph) is not tagged as a date where the article
// writes its name with "the", there and wherever else it names it.
// ("reports in the Sunday Times and Sunday Telegraph" or "by Sunday
// Telegraph journalist Robert Peston" alone are still read as dates.)
func TestWeekdayNewspapersInBBC(t *testing.T) {
	tg := New()
	n := 0
	for _, f := range shareddata.BBC(t) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		txs, _ := tagWith(t, tg, text, "2005-03-01")
		for _, paper := range []string{"Sunday Times", "Sunday Telegraph"} {
			if !strings.Contains(text, "the "+paper) && !strings.Contains(text, "The "+paper) {
				continue
			}
			n++
			for _, tx := range txs {
				if tx.Text == "Sunday" && strings.HasPrefix(text[tx.Start:], paper) {
					t.Errorf("%s: the %s's Sunday tagged at %d", f, paper, tx.Start)
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no BBC article names the Sunday Times or the Sunday Telegraph")
	}
}
