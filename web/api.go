package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/storyline/storyline/extract"
	"github.com/storyline/storyline/graph"
	"github.com/storyline/storyline/timeline"
)

// The JSON API under /api/, documented in README.md ("Web view"). Every
// handler reads the store within the server's query timeout; none writes.

func (s *Server) routes() {
	s.mux.HandleFunc("GET /api/timeline", s.handleTimeline)
	s.mux.HandleFunc("GET /api/counts", s.api(s.countsPerMonth))
	s.mux.HandleFunc("GET /api/event/{id...}", s.api(s.event))
	s.mux.HandleFunc("GET /api/entity/{name...}", s.api(s.entity))
	s.mux.HandleFunc("GET /api/article/{id...}", s.api(s.article))
	s.mux.HandleFunc("GET /api/stories", s.api(s.stories))
	s.mux.HandleFunc("GET /api/complete", s.api(s.complete))
	s.mux.HandleFunc("GET /api/classes", s.api(classes))
	s.mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			writeError(w, http.StatusMethodNotAllowed, fmt.Errorf("%s %s: the API only reads (GET)", r.Method, r.URL.Path))
			return
		}
		writeError(w, http.StatusNotFound, fmt.Errorf("%s: no such endpoint", r.URL.Path))
	})
}

// badRequest is an error in what the client asked: HTTP 400.
type badRequest struct{ error }

// api wraps a handler that returns a value to write as JSON: it gets a
// context that ends at the query timeout, and its error becomes a JSON
// {"error": …} with the status the error calls for.
func (s *Server) api(h func(ctx context.Context, r *http.Request) (any, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), s.timeout)
		defer cancel()
		v, err := h(ctx, r)
		if err != nil {
			s.fail(w, ctx, err)
			return
		}
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		_ = enc.Encode(v) // a client that went away is no error of ours
	}
}

// fail writes err with its status: 400 for a bad request or filter, 404
// for what the store does not hold, 504 for a read that outlived the
// timeout, else 500.
func (s *Server) fail(w http.ResponseWriter, ctx context.Context, err error) {
	var bad badRequest
	switch {
	case errors.As(err, &bad):
		writeError(w, http.StatusBadRequest, err)
	case errors.Is(err, timeline.ErrNotFound):
		writeError(w, http.StatusNotFound, err)
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		writeError(w, http.StatusGatewayTimeout, fmt.Errorf("timed out after %s", s.timeout))
	default:
		writeError(w, http.StatusInternalServerError, err)
	}
}

func writeError(w http.ResponseWriter, status int, err error) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]string{"error": err.Error()})
}

// filterOf reads a timeline filter from a query string: entity, story,
// outlet, class, from, to, starts, all, undated, limit.
func filterOf(q url.Values) (timeline.Filter, error) {
	f := timeline.Filter{
		Entity: strings.TrimSpace(q.Get("entity")), Story: strings.TrimSpace(q.Get("story")),
		Outlet: strings.TrimSpace(q.Get("outlet")), Class: strings.TrimSpace(q.Get("class")),
		From: strings.TrimSpace(q.Get("from")), To: strings.TrimSpace(q.Get("to")),
	}
	var err error
	if f.All, err = boolParam(q, "all"); err != nil {
		return f, err
	}
	if f.Undated, err = boolParam(q, "undated"); err != nil {
		return f, err
	}
	if f.Starts, err = boolParam(q, "starts"); err != nil {
		return f, err
	}
	if v := q.Get("limit"); v != "" {
		if f.Limit, err = strconv.Atoi(v); err != nil {
			return f, badRequest{fmt.Errorf("limit %q: not a whole number", v)}
		}
	}
	if err := f.Validate(); err != nil {
		return f, badRequest{err}
	}
	return f, nil
}

func boolParam(q url.Values, name string) (bool, error) {
	v := q.Get(name)
	if v == "" {
		return false, nil
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		return false, badRequest{fmt.Errorf("%s %q: want true or false", name, v)}
	}
	return b, nil
}

// handleTimeline writes the timeline JSON of `storyline timeline --format
// json` for the filter in the query string, streamed as the CLI streams
// it. An error found before the first byte is written (a bad filter, an
// unknown entity) is answered as the other endpoints answer errors.
func (s *Server) handleTimeline(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), s.timeout)
	defer cancel()
	f, err := filterOf(r.URL.Query())
	if err != nil {
		s.fail(w, ctx, err)
		return
	}
	out := &lazyJSON{w: w}
	if err := timeline.Stream(ctx, s.store, f, out, false); err != nil && !out.started {
		s.fail(w, ctx, err)
	}
}

// lazyJSON sets the JSON content type on the first write, so that an
// error before it can still be answered with its own status.
type lazyJSON struct {
	w       http.ResponseWriter
	started bool
}

func (l *lazyJSON) Write(p []byte) (int, error) {
	if !l.started {
		l.started = true
		l.w.Header().Set("Content-Type", "application/json; charset=utf-8")
	}
	return l.w.Write(p)
}

// countsPerMonth answers /api/counts: events per month for the filter, from
// their dates alone (the zoomed-out view).
func (s *Server) countsPerMonth(ctx context.Context, r *http.Request) (any, error) {
	f, err := filterOf(r.URL.Query())
	if err != nil {
		return nil, err
	}
	return s.counts.get(ctx, f)
}

// eventAnswer is /api/event/ID: the event as the timeline lists it, the
// documents its reports cite, and the names and aliases of its
// participants (to find them in the evidence sentences).
type eventAnswer struct {
	Event        timeline.Event      `json:"event"`
	Documents    []timeline.Document `json:"documents"`
	Participants []participant       `json:"participants"`
}

type participant struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Type    string   `json:"type"`
	Aliases []string `json:"aliases,omitempty"`
}

func (s *Server) event(ctx context.Context, r *http.Request) (any, error) {
	iri := nodeIRI(r.PathValue("id"), "event/")
	evs, err := s.store.EventsByIRI(ctx, []string{iri})
	if err != nil {
		return nil, fmt.Errorf("event %s: %w", iri, err)
	}
	if len(evs) == 0 {
		return nil, timeline.NotFoundf("no event %q in the store", iri)
	}
	ev := evs[0]
	var docIRIs []string
	for _, m := range ev.Mentions {
		docIRIs = append(docIRIs, m.Doc)
	}
	docs, err := s.store.DocumentsByIRI(ctx, docIRIs)
	if err != nil {
		return nil, fmt.Errorf("event %s: %w", iri, err)
	}
	byIRI := make(map[string]graph.DocInfo, len(docs))
	ans := eventAnswer{Documents: []timeline.Document{}, Participants: []participant{}}
	for _, d := range docs {
		byIRI[d.IRI] = d
		ans.Documents = append(ans.Documents, timeline.DocumentOf(d))
	}
	ans.Event = timeline.EventOf(ev, byIRI)
	var ents []string
	for _, group := range [][]graph.EntityRef{ev.Agents, ev.Patients, ev.Locations} {
		for _, e := range group {
			ents = append(ents, e.IRI)
		}
	}
	for _, m := range ev.Mentions {
		if m.Claimant != nil {
			ents = append(ents, m.Claimant.IRI)
		}
	}
	infos, err := s.store.EntitiesByIRI(ctx, ents)
	if err != nil {
		return nil, fmt.Errorf("event %s: %w", iri, err)
	}
	for _, e := range infos {
		ans.Participants = append(ans.Participants, participant{ID: e.IRI, Name: e.Name, Type: e.Type, Aliases: e.Aliases})
	}
	return ans, nil
}

// entityLimit is how many of an entity's events /api/entity reads for its
// graph unless the query asks for another number.
const entityLimit = 60

// entityAnswer is /api/entity/NAME: the entities the name denotes (with
// aliases and relations), their timeline (the first events, in order),
// and the entities linked to them through those events.
type entityAnswer struct {
	Entities []graph.EntityInfo `json:"entities"`
	Timeline *timeline.Timeline `json:"timeline"`
	Linked   []linked           `json:"linked"`
}

// linked is an entity that takes part in events with the one asked for.
type linked struct {
	ID     string   `json:"id"`
	Name   string   `json:"name"`
	Events []string `json:"events"`
}

func (s *Server) entity(ctx context.Context, r *http.Request) (any, error) {
	name := strings.TrimSpace(r.PathValue("name"))
	if name == "" {
		return nil, badRequest{errors.New("entity: no name given")}
	}
	limit := entityLimit
	if v := r.URL.Query().Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return nil, badRequest{fmt.Errorf("limit %q: want a whole number above 0", v)}
		}
		limit = n
	}
	ents, err := s.store.FindEntity(ctx, name)
	if err != nil {
		return nil, fmt.Errorf("entity %q: %w", name, err)
	}
	if len(ents) == 0 {
		return nil, timeline.NotFoundf("no entity named %q in the store", name)
	}
	tl, err := timeline.Build(ctx, s.store, timeline.Filter{Entity: name, Limit: limit})
	if err != nil {
		return nil, err
	}
	self := map[string]bool{}
	for _, e := range ents {
		self[e.IRI] = true
	}
	by := map[string]*linked{}
	for _, ev := range tl.Events {
		for _, group := range [][]timeline.EntityRef{ev.Agents, ev.Patients, ev.Locations} {
			for _, p := range group {
				if self[p.ID] {
					continue
				}
				l := by[p.ID]
				if l == nil {
					l = &linked{ID: p.ID, Name: p.Name}
					by[p.ID] = l
				}
				if len(l.Events) == 0 || l.Events[len(l.Events)-1] != ev.ID {
					l.Events = append(l.Events, ev.ID)
				}
			}
		}
	}
	ans := entityAnswer{Entities: ents, Timeline: tl, Linked: []linked{}}
	for _, l := range by {
		ans.Linked = append(ans.Linked, *l)
	}
	sort.Slice(ans.Linked, func(i, j int) bool {
		if a, b := len(ans.Linked[i].Events), len(ans.Linked[j].Events); a != b {
			return a > b
		}
		return ans.Linked[i].ID < ans.Linked[j].ID
	})
	return ans, nil
}

// articleAnswer is /api/article/ID: the stored article's text and what
// the timeline says of it, the similarity to the article it copies, and
// the articles that copy it.
type articleAnswer struct {
	Document   timeline.Document `json:"document"`
	Similarity float64           `json:"similarity,omitempty"`
	Text       string            `json:"text"`
	CopiedBy   []copyOf          `json:"copied_by"`
}

type copyOf struct {
	Document   timeline.Document `json:"document"`
	Similarity float64           `json:"similarity"`
}

func (s *Server) article(ctx context.Context, r *http.Request) (any, error) {
	iri := nodeIRI(r.PathValue("id"), "doc/")
	all, err := s.store.Documents(ctx)
	if err != nil {
		return nil, fmt.Errorf("article %s: %w", iri, err)
	}
	ans := articleAnswer{CopiedBy: []copyOf{}}
	found := false
	for _, d := range all {
		switch {
		case d.IRI == iri:
			ans.Document, ans.Similarity, found = timeline.DocumentOf(d), d.Similarity, true
		case d.Copies == iri:
			ans.CopiedBy = append(ans.CopiedBy, copyOf{Document: timeline.DocumentOf(d), Similarity: d.Similarity})
		}
	}
	if !found {
		return nil, timeline.NotFoundf("no article %q in the store", iri)
	}
	if ans.Text, _, err = s.store.DocumentText(ctx, iri); err != nil {
		return nil, fmt.Errorf("article %s: %w", iri, err)
	}
	return ans, nil
}

// storiesAnswer is /api/stories: the stories, largest first, each with
// its articles (which copies which, with similarity), and the outlets
// with their number of articles.
type storiesAnswer struct {
	Stories []story  `json:"stories"`
	Outlets []outlet `json:"outlets"`
}

type story struct {
	ID        string   `json:"id"`
	Documents []copyOf `json:"documents"`
}

type outlet struct {
	Name     string `json:"name"`
	Articles int    `json:"articles"`
}

func (s *Server) stories(ctx context.Context, _ *http.Request) (any, error) {
	return s.storyList.get(ctx)
}

// readStories reads /api/stories' answer from the store.
func (s *Server) readStories(ctx context.Context) (storiesAnswer, error) {
	sts, err := s.store.Stories(ctx)
	if err != nil {
		return storiesAnswer{}, fmt.Errorf("stories: %w", err)
	}
	ans := storiesAnswer{Stories: []story{}, Outlets: []outlet{}}
	count := map[string]int{}
	for _, st := range sts {
		out := story{ID: st.IRI, Documents: []copyOf{}}
		for _, d := range st.Documents {
			out.Documents = append(out.Documents, copyOf{Document: timeline.DocumentOf(d), Similarity: d.Similarity})
			if d.Source != "" {
				count[d.Source]++
			}
		}
		ans.Stories = append(ans.Stories, out)
	}
	for name, n := range count {
		ans.Outlets = append(ans.Outlets, outlet{Name: name, Articles: n})
	}
	sort.Slice(ans.Outlets, func(i, j int) bool {
		if ans.Outlets[i].Articles != ans.Outlets[j].Articles {
			return ans.Outlets[i].Articles > ans.Outlets[j].Articles
		}
		return ans.Outlets[i].Name < ans.Outlets[j].Name
	})
	return ans, nil
}

// completeLimit is how many names /api/complete returns at most.
const completeLimit = 12

// complete answers /api/complete?q=PREFIX: the names and aliases that
// begin with q (ignoring case), then those that contain it, with the
// entity each names.
func (s *Server) complete(ctx context.Context, r *http.Request) (any, error) {
	q := strings.ToLower(strings.Join(strings.Fields(r.URL.Query().Get("q")), " "))
	out := []graph.EntityName{}
	if q == "" {
		return out, nil
	}
	names, err := s.names.get(ctx)
	if err != nil {
		return nil, fmt.Errorf("complete: %w", err)
	}
	var inside []graph.EntityName
	for _, n := range names {
		folded := strings.ToLower(n.Name)
		switch {
		case strings.HasPrefix(folded, q):
			out = append(out, n)
		case len(inside) < completeLimit && strings.Contains(folded, q):
			inside = append(inside, n)
		}
		if len(out) == completeLimit {
			break
		}
	}
	out = append(out, inside...)
	return out[:min(len(out), completeLimit)], nil
}

// classes answers /api/classes: the event classes, by name.
func classes(context.Context, *http.Request) (any, error) {
	out := make([]string, 0, len(extract.EventClasses))
	for c := range extract.EventClasses {
		out = append(out, c)
	}
	sort.Strings(out)
	return out, nil
}

// nodeIRI is a node id as a path gives it ("event/H", "H", "<event/H>")
// as an IRI with prefix.
func nodeIRI(id, prefix string) string {
	id = strings.Trim(strings.TrimSpace(id), "<>")
	if !strings.HasPrefix(id, prefix) {
		id = prefix + id
	}
	return id
}
