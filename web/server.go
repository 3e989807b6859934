// Package web serves a store as a web page and a read-only JSON API: the
// timeline by date with its filters, each event's reports, entities with
// their linked entities, articles with their copies. The page and the
// JavaScript libraries it uses are embedded; nothing is fetched from the
// network. No endpoint writes to the store or runs a user's query text.
package web

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"time"

	"github.com/storyline/storyline/graph"
	"github.com/storyline/storyline/timeline"
)

//go:embed static
var staticFiles embed.FS

// Options tune a Server.
type Options struct {
	// QueryTimeout stops the store reads of one request that run longer
	// (0: DefaultQueryTimeout).
	QueryTimeout time.Duration
}

// DefaultQueryTimeout is how long one request may read the store.
const DefaultQueryTimeout = 30 * time.Second

// Server answers the page and the API over one store, read-only.
type Server struct {
	store     *graph.Store
	timeout   time.Duration
	mux       *http.ServeMux
	names     *storeCache[[]graph.EntityName]
	storyList *storeCache[storiesAnswer]
	counts    *countsCache
}

// New returns a server over store, which the caller opened (read-only)
// and closes after the server is done.
func New(store *graph.Store, opt Options) (*Server, error) {
	s := &Server{store: store, timeout: opt.QueryTimeout, mux: http.NewServeMux()}
	if s.timeout <= 0 {
		s.timeout = DefaultQueryTimeout
	}
	s.names = newStoreCache(store, entityNames(store))
	s.storyList = newStoreCache(store, s.readStories)
	s.counts = newCountsCache(store)
	static, err := fs.Sub(staticFiles, "static")
	if err != nil {
		return nil, fmt.Errorf("web: embedded static files: %w", err)
	}
	files := http.FileServer(http.FS(static))
	s.mux.Handle("GET /static/", http.StripPrefix("/static/", files))
	s.mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		http.ServeFileFS(w, r, static, "index.html")
	})
	s.mux.HandleFunc("GET /article/{id...}", func(w http.ResponseWriter, r *http.Request) {
		http.ServeFileFS(w, r, static, "index.html")
	})
	s.routes()
	return s, nil
}

// ServeHTTP serves the page and the API with headers that keep the page
// from loading anything but its own files.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "+
		"img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	s.mux.ServeHTTP(w, r)
}

// Serve answers on ln until ctx is done, then shuts down, giving open
// requests a few seconds to finish. Slow clients are cut off: headers
// must arrive within 5 s, a whole request within 10 s, and an answer is
// written within the query timeout and 10 s more.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      s.timeout + 10*time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    64 << 10,
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	// Read the whole store's counts per month now, for the first view (an
	// error is met again by the page's request). The stories wait for
	// the page to ask, after its first view: read now, they would slow it.
	go func() {
		warm, cancel := context.WithTimeout(ctx, s.timeout)
		defer cancel()
		_, _ = s.counts.get(warm, timeline.Filter{})
	}()
	select {
	case err := <-done:
		return fmt.Errorf("serve %s: %w", ln.Addr(), err)
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		return fmt.Errorf("serve %s: shutting down: %w", ln.Addr(), err)
	}
	if err := <-done; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve %s: %w", ln.Addr(), err)
	}
	return nil
}

// Loopback reports whether addr (host:port) listens on the loopback
// interface only; an empty host or an unspecified address listens on
// every interface.
func Loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil || host == "" {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
