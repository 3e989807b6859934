package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/peterh/liner"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/storyline/storyline/graph"
	"github.com/storyline/storyline/timeline"
)

func newReplCmd() *cobra.Command {
	var history string
	lim := queryLimits{limit: 100}
	cmd := &cobra.Command{
		Use:   "repl",
		Short: "Interactive Gizmo shell with shortcuts (:timeline, :entity, :event, :docs)",
		Long: `Repl reads Gizmo queries (ES5 JavaScript) and shortcuts, with line editing,
history and tab completion when standard input is a terminal. A query goes on
while brackets, parentheses or quotes are open or a line ends with '.' or '\'.
Type :help for the shortcuts.

Each query stops with an error after --timeout (default 30s) and shows at
most --limit results (default 100). Ctrl-C stops the running query or
shortcut and returns to the prompt; at the prompt it drops the current
input; Ctrl-D (or :quit) leaves. The store is opened read-only.`,
		Example: `  storyline repl
  storyline --db /tmp/seeds.db repl --history /tmp/storyline_history
  echo ':timeline Putin' | storyline repl`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := lim.check(); err != nil {
				return err
			}
			store, err := openStore(cmd, true)
			if err != nil {
				return err
			}
			defer store.Close()
			// Ctrl-C is the REPL's: it stops a query, not the REPL (the
			// root context is cancelled by the first Ctrl-C, so the REPL
			// runs without it).
			interrupt := make(chan os.Signal, 1)
			signal.Notify(interrupt, os.Interrupt)
			defer signal.Stop(interrupt)
			ctx := context.WithoutCancel(cmd.Context())
			r := &repl{s: store, out: cmd.OutOrStdout(), lim: lim, interrupt: interrupt}
			stdin, isFile := cmd.InOrStdin().(*os.File)
			if isFile && term.IsTerminal(int(stdin.Fd())) && stdin == os.Stdin {
				if history == "" {
					history = defaultHistoryFile()
				}
				lr := newLinerReader(ctx, r, history)
				defer lr.close()
				return r.run(ctx, lr)
			}
			return r.run(ctx, &plainReader{sc: bufio.NewScanner(cmd.InOrStdin())})
		},
	}
	cmd.Flags().StringVar(&history, "history", "", `history file (default $XDG_STATE_HOME/storyline/history, else ~/.storyline_history)`)
	lim.addFlags(cmd, "show at most N results per query (0: all)")
	return cmd
}

// defaultHistoryFile is $XDG_STATE_HOME/storyline/history, else
// ~/.storyline_history, else "" (no history kept).
func defaultHistoryFile() string {
	if d := os.Getenv("XDG_STATE_HOME"); d != "" {
		return filepath.Join(d, "storyline", "history")
	}
	if h, err := os.UserHomeDir(); err == nil {
		return filepath.Join(h, ".storyline_history")
	}
	return ""
}

// lineReader gives the REPL its input one line at a time; io.EOF ends it.
type lineReader interface {
	readLine(prompt string) (string, error)
	remember(entry string)
}

// plainReader reads lines with no editing and no prompts (pipes, tests).
type plainReader struct{ sc *bufio.Scanner }

func (p *plainReader) readLine(string) (string, error) {
	if p.sc.Scan() {
		return p.sc.Text(), nil
	}
	if err := p.sc.Err(); err != nil {
		return "", err
	}
	return "", io.EOF
}

func (p *plainReader) remember(string) {}

// linerReader edits lines with peterh/liner, with history and completion.
type linerReader struct {
	st      *liner.State
	history string
}

func newLinerReader(ctx context.Context, r *repl, history string) *linerReader {
	st := liner.NewLiner()
	st.SetCtrlCAborts(true)
	st.SetMultiLineMode(true)
	st.SetCompleter(func(line string) []string { return r.complete(ctx, line) })
	lr := &linerReader{st: st, history: history}
	if history != "" {
		if f, err := os.Open(history); err == nil {
			_, _ = st.ReadHistory(f)
			f.Close()
		}
	}
	return lr
}

func (l *linerReader) readLine(prompt string) (string, error) {
	line, err := l.st.Prompt(prompt)
	if errors.Is(err, liner.ErrPromptAborted) {
		return "", errAborted
	}
	return line, err
}

func (l *linerReader) remember(entry string) { l.st.AppendHistory(entry) }

func (l *linerReader) close() {
	if l.history != "" {
		if err := os.MkdirAll(filepath.Dir(l.history), 0o755); err == nil {
			if f, err := os.Create(l.history); err == nil {
				_, _ = l.st.WriteHistory(f)
				f.Close()
			}
		}
	}
	l.st.Close()
}

// errAborted is Ctrl-C at the prompt: it drops the current input.
var errAborted = errors.New("aborted")

// repl is the read-eval-print loop over one store.
type repl struct {
	s   *graph.Store
	out io.Writer
	lim queryLimits
	// interrupt delivers Ctrl-C: it stops the running query or shortcut;
	// with no query running (input that is not a terminal, where Ctrl-C
	// is a signal even at the prompt) it ends the REPL. May be nil.
	interrupt <-chan os.Signal

	names []string // entity names and aliases, for completion
}

const replHelp = `Gizmo queries (ES5: var and function, no let or arrows), e.g.
  g.V("<entity/person/barack-obama>").Out("<name>").All()
  g.V().Has("<entityType>", "PERSON").Tag("p").Out("<name>").All()
  g.V("<entity/gpe/tr>").In("<agent>").Has("<type>", "<Event>").Out("<date>").All()
A query continues on the next line while brackets or quotes are open or the
line ends with '.' or '\'.
Shortcuts:
  :timeline NAME   events involving the entity, in date order
  :entity NAME     canonical name, type, aliases, relations, mention count
  :event ID        an event with every source, headline, evidence and offsets,
                   where the sources disagree, and why its reports were merged
  :docs            the documents: date, date source, outlet, headline, copies
  :stories         the stories: articles grouped because they tell the same happenings
  :story ID        the timeline of one story
  :help            this text
  :quit            leave (also Ctrl-D)
`

var shortcuts = []string{":timeline ", ":entity ", ":event ", ":docs", ":stories", ":story ", ":help", ":quit"}

// lineResult is what one readLine returned.
type lineResult struct {
	line string
	err  error
}

// run reads and evaluates until EOF, :quit, or Ctrl-C while no query runs.
func (r *repl) run(ctx context.Context, in lineReader) error {
	var buf []string
	lines := make(chan lineResult, 1)
	for {
		if err := ctx.Err(); err != nil {
			return nil
		}
		prompt := "storyline> "
		if len(buf) > 0 {
			prompt = "       ... "
		}
		go func() {
			line, err := in.readLine(prompt)
			lines <- lineResult{line, err}
		}()
		var line string
		var err error
		select {
		case lr := <-lines:
			line, err = lr.line, lr.err
		case <-r.interrupt:
			return nil
		case <-ctx.Done():
			return nil
		}
		if errors.Is(err, errAborted) {
			buf = nil
			continue
		}
		if errors.Is(err, io.EOF) {
			if len(buf) > 0 {
				r.eval(ctx, strings.Join(buf, "\n"))
			}
			return nil
		}
		if err != nil {
			return fmt.Errorf("repl: %w", err)
		}
		if len(buf) == 0 && strings.TrimSpace(line) == "" {
			continue
		}
		if len(buf) == 0 && strings.HasPrefix(strings.TrimSpace(line), ":") {
			in.remember(strings.TrimSpace(line))
			if quit := r.shortcut(ctx, strings.TrimSpace(line)); quit {
				return nil
			}
			continue
		}
		cont := strings.HasSuffix(strings.TrimRight(line, " \t"), `\`)
		if cont {
			line = strings.TrimSuffix(strings.TrimRight(line, " \t"), `\`)
		}
		buf = append(buf, line)
		q := strings.Join(buf, "\n")
		if cont || unbalanced(q) || danglingChain(q) {
			continue
		}
		buf = nil
		in.remember(strings.ReplaceAll(q, "\n", " "))
		r.eval(ctx, q)
	}
}

// danglingChain reports whether q ends in the middle of an expression: a
// trailing '.' (a method chain split across lines) or ','.
func danglingChain(q string) bool {
	t := strings.TrimRight(q, " \t\r\n")
	return strings.HasSuffix(t, ".") || strings.HasSuffix(t, ",")
}

// unbalanced reports whether q has an open bracket, parenthesis, brace,
// string or block comment.
func unbalanced(q string) bool {
	depth := 0
	var quote rune
	escaped, lineComment, blockComment := false, false, false
	prev := rune(0)
	for _, c := range q {
		switch {
		case lineComment:
			if c == '\n' {
				lineComment = false
			}
		case blockComment:
			if prev == '*' && c == '/' {
				blockComment = false
				c = 0
			}
		case quote != 0:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == quote:
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case prev == '/' && c == '/':
			lineComment = true
		case prev == '/' && c == '*':
			blockComment = true
			c = 0
		case c == '(' || c == '[' || c == '{':
			depth++
		case c == ')' || c == ']' || c == '}':
			depth--
		}
		prev = c
	}
	return depth > 0 || quote != 0 || blockComment
}

func (r *repl) printf(format string, args ...any) { fmt.Fprintf(r.out, format, args...) }

// interruptible runs f with a context that Ctrl-C cancels.
func (r *repl) interruptible(ctx context.Context, f func(ctx context.Context)) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	done := make(chan struct{})
	defer close(done)
	go func() {
		select {
		case <-r.interrupt:
			cancel()
		case <-done:
		}
	}()
	f(ctx)
}

func (r *repl) eval(ctx context.Context, q string) {
	var res []graph.QueryResult
	var cut bool
	var err error
	r.interruptible(ctx, func(ctx context.Context) {
		res, cut, err = runQuery(ctx, r.s, q, r.lim)
	})
	if err != nil {
		r.printf("error: %s\n", oneLine(err.Error()))
		return
	}
	for _, x := range res {
		r.printf("%s\n", x.String())
	}
	switch {
	case cut:
		r.printf("(first %d results; there are more, see --limit)\n", len(res))
	case len(res) == 1:
		r.printf("(1 result)\n")
	default:
		r.printf("(%d results)\n", len(res))
	}
}

// shortcut runs a ':' command; it reports whether to quit.
func (r *repl) shortcut(ctx context.Context, line string) bool {
	cmd, arg, _ := strings.Cut(line, " ")
	arg = strings.TrimSpace(arg)
	if cmd == ":quit" || cmd == ":q" || cmd == ":exit" {
		return true
	}
	var err error
	r.interruptible(ctx, func(ctx context.Context) { err = r.runShortcut(ctx, cmd, arg) })
	if errors.Is(err, context.Canceled) {
		err = errors.New(cmd + ": interrupted")
	}
	if err != nil {
		r.printf("error: %s\n", oneLine(err.Error()))
	}
	return false
}

// runShortcut runs one ':' command other than :quit.
func (r *repl) runShortcut(ctx context.Context, cmd, arg string) error {
	var err error
	switch cmd {
	case ":help", ":h", ":?":
		r.printf("%s", replHelp)
	case ":docs":
		err = r.docs(ctx)
	case ":entity":
		err = r.entity(ctx, arg)
	case ":event":
		err = r.event(ctx, arg)
	case ":timeline":
		err = r.timeline(ctx, arg)
	case ":stories":
		err = r.stories(ctx)
	case ":story":
		err = r.story(ctx, arg)
	default:
		err = fmt.Errorf("unknown shortcut %s (try :help)", cmd)
	}
	return err
}

func (r *repl) docs(ctx context.Context) error {
	docs, err := r.s.Documents(ctx)
	if err != nil {
		return err
	}
	if len(docs) == 0 {
		r.printf("no documents\n")
	}
	for _, d := range docs {
		date, src := dateAndOutlet(d)
		r.printf("%-10s %-9s %-16s %q <%s>", date, "("+d.DateSource+")", src, d.Headline, d.IRI)
		if d.Copies != "" {
			r.printf(" copies <%s> (similarity %.2f)", d.Copies, d.Similarity)
		}
		r.printf("\n")
	}
	return nil
}

func (r *repl) entity(ctx context.Context, name string) error {
	if name == "" {
		return errors.New(":entity needs a name")
	}
	ents, err := r.s.FindEntity(ctx, name)
	if err != nil {
		return err
	}
	if len(ents) == 0 {
		return fmt.Errorf("no entity named %q", name)
	}
	docs, err := r.docIndex(ctx)
	if err != nil {
		return err
	}
	for _, e := range ents {
		r.printf("%s (%s) <%s>\n", e.Name, e.Type, e.IRI)
		if e.Key != "" {
			r.printf("  key:      %s\n", e.Key)
		}
		if len(e.Aliases) > 0 {
			r.printf("  aliases:  %s\n", strings.Join(e.Aliases, ", "))
		}
		r.printf("  mentions: %d\n", e.Mentions)
		for _, rel := range e.Relations {
			obj := strconv.Quote(rel.Object)
			if rel.ObjectName != "" {
				obj = rel.ObjectName + " <" + rel.Object + ">"
			}
			r.printf("  %s %s  [%s]\n", rel.Predicate, obj, docs.label(rel.Doc))
		}
	}
	return nil
}

// docIndex maps document IRIs to their info.
type docIndex map[string]graph.DocInfo

func (r *repl) docIndex(ctx context.Context) (docIndex, error) {
	docs, err := r.s.Documents(ctx)
	if err != nil {
		return nil, err
	}
	ix := make(docIndex, len(docs))
	for _, d := range docs {
		ix[d.IRI] = d
	}
	return ix, nil
}

// label names a document by outlet and date.
func (ix docIndex) label(iri string) string {
	d, ok := ix[iri]
	if !ok {
		return iri
	}
	date, src := dateAndOutlet(d)
	return fmt.Sprintf("%s, %s, %s", src, date, iri)
}

// dateAndOutlet are how a document is named in listings: its date or
// "undated", its outlet or else its file.
func dateAndOutlet(d graph.DocInfo) (date, outlet string) {
	date, outlet = d.Date, d.Source
	if date == "" {
		date = "undated"
	}
	if outlet == "" {
		outlet = d.Name
	}
	return date, outlet
}

func refNames(refs []graph.EntityRef) string {
	if len(refs) == 0 {
		return "-"
	}
	names := make([]string, len(refs))
	for i, e := range refs {
		names[i] = e.Name
		if names[i] == "" {
			names[i] = "<" + e.IRI + ">"
		}
	}
	return strings.Join(names, ", ")
}

func (r *repl) event(ctx context.Context, id string) error {
	if id == "" {
		return errors.New(":event needs an event IRI (event/H or H)")
	}
	ev, err := r.s.Event(ctx, id)
	if err != nil {
		return err
	}
	docs, err := r.docIndex(ctx)
	if err != nil {
		return err
	}
	date := ev.Date
	if date == "" {
		date = "undated"
	}
	r.printf("<%s> %s %q %s\n", ev.IRI, ev.Class, ev.Lemma, date)
	if ev.RangeBegin != "" || ev.RangeEnd != "" {
		r.printf("  range:     %s .. %s\n", ev.RangeBegin, ev.RangeEnd)
	}
	r.printf("  agents:    %s\n  patients:  %s\n  locations: %s\n", refNames(ev.Agents), refNames(ev.Patients), refNames(ev.Locations))
	r.printf("  sources (%d):\n", len(ev.Mentions))
	for _, m := range ev.Mentions {
		d := docs[m.Doc]
		src := d.Source
		if src == "" {
			src = d.Name
		}
		r.printf("  - %s: %q <%s>\n", src, d.Headline, m.Doc)
		r.printf("    trigger %q at bytes [%d,%d), sentence %d, %s", m.Trigger, m.Start, m.End, m.Sentence, m.Modality)
		if m.Claimant != nil {
			r.printf(", claimed by %s", m.Claimant.Name)
		}
		if m.Timex != "" {
			r.printf(", dated by %q", m.Timex)
		} else if m.TimeInherited {
			r.printf(", date from context")
		}
		r.printf("\n    evidence: %q\n", m.Evidence)
		for _, re := range m.Roles {
			r.printf("    %-9s %q at bytes [%d,%d) by %s", re.Role+":", re.Words, re.Start, re.End, orDash(re.Rule))
			if re.Entity != nil {
				r.printf(" -> %s", re.Entity.Name)
			}
			if re.Country != nil {
				r.printf(", country %s", re.Country.Name)
			}
			r.printf("\n")
		}
	}
	te := timeline.EventOf(*ev, docs)
	for _, d := range te.Disagreements {
		r.printf("  sources disagree on %s:\n", d.Field)
		for _, v := range d.Values {
			labels := make([]string, len(v.Documents))
			for i, doc := range v.Documents {
				labels[i] = docs.label(doc)
			}
			r.printf("    %q  [%s]\n", v.Value, strings.Join(labels, "; "))
		}
	}
	if len(ev.MergedBecause) > 0 {
		r.printf("  merged because:\n")
		for _, w := range ev.MergedBecause {
			r.printf("    %s\n", w)
		}
	}
	return nil
}

// stories lists the stories: id, articles, outlets and the first headline.
func (r *repl) stories(ctx context.Context) error {
	list, err := r.s.Stories(ctx)
	if err != nil {
		return err
	}
	if len(list) == 0 {
		r.printf("no stories\n")
	}
	writeStories(r.out, list)
	return nil
}

// story writes the timeline of one story.
func (r *repl) story(ctx context.Context, id string) error {
	if id == "" {
		return errors.New(":story needs a story id (story/H or H; :stories lists them)")
	}
	t, err := timeline.Build(ctx, r.s, timeline.Filter{Story: id})
	if err != nil {
		return err
	}
	return t.WriteText(r.out)
}

// timeline writes the timeline of the events involving an entity.
func (r *repl) timeline(ctx context.Context, name string) error {
	if name == "" {
		return errors.New(":timeline needs an entity name")
	}
	t, err := timeline.Build(ctx, r.s, timeline.Filter{Entity: name})
	if err != nil {
		return err
	}
	return t.WriteText(r.out)
}

// gizmoMethods are the path and graph methods offered by completion.
var gizmoMethods = []string{
	"All", "And", "As", "Back", "Both", "Count", "Difference", "Except", "Filter", "Follow", "FollowR",
	"FollowRecursive", "ForEach", "GetLimit", "Has", "HasR", "In", "InPredicates", "Intersect", "Is",
	"LabelContext", "Labels", "Limit", "Map", "Or", "Out", "OutPredicates", "Save", "SaveInPredicates",
	"SaveOpt", "SaveOptR", "SaveOutPredicates", "SaveR", "Skip", "Tag", "TagArray", "TagValue", "ToArray",
	"ToValue", "Union", "Unique", "V", "Vertex", "M", "Morphism", "Emit",
}

// complete returns the completions of line: shortcuts, entity names after
// :entity and :timeline, Gizmo methods after a dot.
func (r *repl) complete(ctx context.Context, line string) []string {
	var out []string
	for _, sc := range []string{":entity ", ":timeline "} {
		if strings.HasPrefix(line, sc) {
			if r.names == nil {
				r.names = r.entityNames(ctx)
			}
			prefix := strings.ToLower(strings.TrimLeft(line[len(sc):], " "))
			for _, n := range r.names {
				if strings.HasPrefix(strings.ToLower(n), prefix) {
					out = append(out, sc+n)
				}
			}
			return out
		}
	}
	if strings.HasPrefix(line, ":") {
		for _, sc := range shortcuts {
			if strings.HasPrefix(sc, line) {
				out = append(out, sc)
			}
		}
		return out
	}
	dot := strings.LastIndexByte(line, '.')
	if dot < 0 {
		if strings.HasPrefix("g.", line) || strings.HasPrefix("graph.", line) {
			return []string{"g.V(", "graph.V("}
		}
		return nil
	}
	word := line[dot+1:]
	for _, c := range word {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return nil
		}
	}
	for _, m := range gizmoMethods {
		if strings.HasPrefix(m, word) {
			out = append(out, line[:dot+1]+m+"(")
		}
	}
	return out
}

// entityNames are the canonical names and aliases in the store, sorted.
func (r *repl) entityNames(ctx context.Context) []string {
	ents, err := r.s.Entities(ctx)
	if err != nil {
		return []string{}
	}
	seen := map[string]bool{}
	names := []string{}
	for _, e := range ents {
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			if n != "" && !seen[n] {
				seen[n] = true
				names = append(names, n)
			}
		}
	}
	sort.Strings(names)
	return names
}

// orDash is s, or "-" when s is empty.
func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
