package main

import (
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/storyline/storyline/extract"
	"github.com/storyline/storyline/extract/timex"
)

func newAnnotateCmd() *cobra.Command {
	var dct, format string
	cmd := &cobra.Command{
		Use:   "annotate [--dct DATE] [--format json|timeml] FILE",
		Short: "Extract one article and print what was found, without storing it",
		Long: `Annotate runs the extraction pipeline on one article (plain text, HTML or a JSON
Lines file, whose every line is annotated; "-" reads standard input) and prints
the article's date, sentences, temporal expressions, entities, events and
relations. Offsets are byte offsets into the UTF-8 article text. With
--format timeml it prints the text unchanged except for inline TIMEX3 tags, in
a TimeML document with the DCT.

Each article is printed as soon as it is read, so a JSON Lines file of any
size is annotated in the memory of one line. A line or file that cannot be
read is reported on stderr and the others are still annotated; the exit
status is then 3, or 4 when no article could be read.`,
		Example: `  storyline annotate testdata/seeds/presstv-obama-putin.txt
  storyline annotate --dct 2015-11-30 --format timeml article.txt`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "json" && format != "timeml" {
				return usageErrorf("annotate: --format %q: want json or timeml", format)
			}
			if dct != "" {
				if _, err := time.Parse("2006-01-02", dct); err != nil {
					return fmt.Errorf("--dct %q: not a date in the form YYYY-MM-DD", dct)
				}
			}
			ctx := cmd.Context()
			p, err := extract.New()
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			// Each article is annotated and printed as soon as it is
			// read: a JSON Lines file of any size is annotated in the
			// memory of one line.
			failed := 0
			stats, err := extract.ReadInputsFunc(ctx, args, cmd.InOrStdin(), func(in extract.Input) error {
				if dct != "" {
					in.Date, in.DateSource = dct, "flag"
				}
				doc, err := p.Annotate(ctx, in)
				if err != nil {
					return err
				}
				if format == "timeml" {
					err = extract.WriteTimeML(out, doc)
				} else {
					err = writeAnnotation(out, doc, extract.TimeAnchor(ctx))
				}
				if err != nil {
					return fmt.Errorf("%s: writing output: %w", in.Name, err)
				}
				return nil
			}, func(err error) {
				failed++
				fmt.Fprintln(cmd.ErrOrStderr(), "storyline: "+oneLine(err.Error()))
			})
			if err != nil {
				return err
			}
			if err := ctx.Err(); err != nil {
				return err
			}
			switch {
			case stats.Inputs == 0:
				return &exitError{code: exitNoInput, err: fmt.Errorf("annotate: no article could be read from %s", args[0])}
			case failed > 0:
				return &exitError{code: exitSomeFailed, err: fmt.Errorf("annotate: %d inputs failed (see above)", failed)}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&dct, "dct", "", "the article's date, YYYY-MM-DD (default: found in the text)")
	cmd.Flags().StringVar(&format, "format", "json", "output format: json or timeml")
	addTimeAnchorFlag(cmd)
	return cmd
}

// annotation is the JSON form of one annotated article: a view of
// extract.Document that names entities instead of only indexing them.
type annotation struct {
	ID   string      `json:"id"`
	Name string      `json:"name,omitempty"`
	DCT  extract.DCT `json:"dct"`
	// TimeAnchor is how relative timexes were anchored.
	TimeAnchor annotatedAnchor     `json:"time_anchor"`
	Headline   string              `json:"headline"`
	Sentences  []annotatedSentence `json:"sentences"`
	Timexes    []timex.Timex       `json:"timexes"`
	Entities   []annotatedEntity   `json:"entities"`
	Events     []annotatedEvent    `json:"events"`
	Relations  []annotatedRelation `json:"relations"`
}

// annotatedAnchor shows the anchoring of relative dates: the mode asked
// for (--time-anchor auto, news or narrative) and the one the article's
// relative timexes got (their Mode): news, narrative, mixed (narrative
// background paragraphs in a news article), or "" when none is relative.
type annotatedAnchor struct {
	Requested string `json:"requested"`
	Chosen    string `json:"chosen,omitempty"`
}

// chosenAnchor sums up the Mode of the relative timexes.
func chosenAnchor(txs []timex.Timex) string {
	chosen := ""
	for _, tx := range txs {
		switch {
		case tx.Mode == "" || tx.Mode == chosen:
		case chosen == "":
			chosen = tx.Mode
		default:
			return "mixed"
		}
	}
	return chosen
}

type annotatedSentence struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Kind  string `json:"kind"`
	Text  string `json:"text"`
}

type annotatedEntity struct {
	ID       int               `json:"id"`
	Type     string            `json:"type"`
	Name     string            `json:"name"`
	Key      string            `json:"key"`
	Aliases  []string          `json:"aliases,omitempty"`
	Mentions []extract.Mention `json:"mentions"`
}

type annotatedArg struct {
	Entity int    `json:"entity"`
	Name   string `json:"name"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Text   string `json:"text"`
	// Words is the phrase that fills the role and Rule the rule that gave
	// it (extract.Arg).
	Words *annotatedSpan `json:"words,omitempty"`
	Rule  string         `json:"rule,omitempty"`
	// Country is the country a demonym or name in the phrase links the
	// participant to.
	Country *annotatedArg `json:"country,omitempty"`
}

type annotatedEvent struct {
	ID        int            `json:"id"`
	Trigger   annotatedSpan  `json:"trigger"`
	Lemma     string         `json:"lemma"`
	Class     string         `json:"class"`
	Sentence  int            `json:"sentence"`
	Agents    []annotatedArg `json:"agents"`
	Patients  []annotatedArg `json:"patients"`
	Locations []annotatedArg `json:"locations"`
	// Time is the TIMEX3 that dates the event, if any.
	Time          *timex.Timex  `json:"time,omitempty"`
	TimeInherited bool          `json:"time_inherited,omitempty"`
	Modality      string        `json:"modality"`
	Claimant      *annotatedArg `json:"claimant,omitempty"`
	Reports       []int         `json:"reports,omitempty"`
	// Nominals are unnamed participants ("militants", "Syrian forces").
	Nominals []annotatedNominal `json:"nominals,omitempty"`
}

// annotatedNominal is an unnamed participant with the name of the country
// or organization it is linked to.
type annotatedNominal struct {
	extract.NominalArg
	CountryName string `json:"country_name,omitempty"`
}

type annotatedSpan struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

type annotatedRelation struct {
	Type     string        `json:"type"`
	Subject  string        `json:"subject"`
	Object   string        `json:"object,omitempty"`
	Value    string        `json:"value,omitempty"`
	Evidence annotatedSpan `json:"evidence"`
}

func writeAnnotation(w io.Writer, doc *extract.Document, anchor timex.AnchorMode) error {
	a := annotation{
		ID: doc.ID, Name: doc.Name, DCT: doc.DCT,
		TimeAnchor: annotatedAnchor{Requested: anchor.String(), Chosen: chosenAnchor(doc.Timexes)},
		Headline:   doc.Text[doc.Headline.Start:doc.Headline.End],
		Sentences:  []annotatedSentence{}, Timexes: doc.Timexes, Entities: []annotatedEntity{},
		Events: []annotatedEvent{}, Relations: []annotatedRelation{},
	}
	if a.Timexes == nil {
		a.Timexes = []timex.Timex{}
	}
	for _, s := range doc.Sentences {
		a.Sentences = append(a.Sentences, annotatedSentence{s.Start, s.End, string(s.Kind), doc.Text[s.Start:s.End]})
	}
	for _, e := range doc.Entities {
		a.Entities = append(a.Entities, annotatedEntity{ID: e.ID, Type: string(e.Type), Name: e.Name, Key: e.Key,
			Aliases: e.Aliases, Mentions: []extract.Mention{}})
	}
	for _, m := range doc.Mentions {
		if m.Entity >= 0 && m.Entity < len(a.Entities) {
			a.Entities[m.Entity].Mentions = append(a.Entities[m.Entity].Mentions, m)
		}
	}
	entityName := func(i int) string {
		if i >= 0 && i < len(doc.Entities) {
			return doc.Entities[i].Name
		}
		return ""
	}
	var arg func(extract.Arg) annotatedArg
	arg = func(a extract.Arg) annotatedArg {
		aa := annotatedArg{Entity: a.Entity, Name: entityName(a.Entity), Rule: a.Rule}
		if a.Mention >= 0 && a.Mention < len(doc.Mentions) {
			m := doc.Mentions[a.Mention]
			aa.Start, aa.End, aa.Text = m.Start, m.End, m.Text
		}
		if a.Words.End > a.Words.Start && a.Words.End <= len(doc.Text) {
			aa.Words = &annotatedSpan{a.Words.Start, a.Words.End, doc.Text[a.Words.Start:a.Words.End]}
		}
		if a.Country != nil {
			c := arg(*a.Country)
			aa.Country = &c
		}
		return aa
	}
	args := func(in []extract.Arg) []annotatedArg {
		out := []annotatedArg{}
		for _, a := range in {
			out = append(out, arg(a))
		}
		return out
	}
	for _, ev := range doc.Events {
		ae := annotatedEvent{
			ID: ev.ID, Trigger: annotatedSpan{ev.Trigger.Start, ev.Trigger.End, ev.TriggerText},
			Lemma: ev.Lemma, Class: ev.Class, Sentence: ev.Sentence,
			Agents: args(ev.Agents), Patients: args(ev.Patients), Locations: args(ev.Locations),
			TimeInherited: ev.TimeInherited, Modality: ev.Modality, Reports: ev.Reports,
		}
		for _, n := range ev.Nominals {
			an := annotatedNominal{NominalArg: n}
			if n.Country != nil {
				an.CountryName = entityName(n.Country.Entity)
			}
			ae.Nominals = append(ae.Nominals, an)
		}
		if ev.Timex >= 0 && ev.Timex < len(doc.Timexes) {
			t := doc.Timexes[ev.Timex]
			ae.Time = &t
		}
		if ev.Claimant >= 0 {
			ae.Claimant = &annotatedArg{Entity: ev.Claimant, Name: entityName(ev.Claimant)}
		}
		a.Events = append(a.Events, ae)
	}
	for _, r := range doc.Relations {
		a.Relations = append(a.Relations, annotatedRelation{
			Type: r.Type, Subject: entityName(r.Subject), Object: entityName(r.Object), Value: r.Value,
			Evidence: annotatedSpan{r.Evidence.Start, r.Evidence.End, doc.Text[r.Evidence.Start:r.Evidence.End]},
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(a)
}
