package graph

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"strings"
	"syscall"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/lib/pq"
	sqlite3 "github.com/mattn/go-sqlite3"

	// The two SQL back ends a store can live in.
	_ "github.com/cayleygraph/cayley/graph/sql/postgres"
	_ "github.com/cayleygraph/cayley/graph/sql/sqlite"
)

// schemaVersion is written to the storyline_meta table of every store this
// package creates; Open refuses stores without it.
// Version 2 is the compact schema (schema.go): one span value per
// mention, text read back by offsets, defaults unstated, two fewer
// indexes.
const schemaVersion = "2"

// OpenOptions tune Open.
type OpenOptions struct {
	// ReadOnly opens an existing store for reading only; a missing store
	// is an error instead of being created.
	ReadOnly bool
	// BusyTimeout is how long a writer waits for another writer to finish
	// before giving up with "store is locked by another writer" (SQLite
	// only). Zero means 5 seconds.
	BusyTimeout time.Duration
	// AnySchema opens, read-only, a store written with an earlier schema
	// version, so that its articles can be read back (StoredArticles)
	// and migrated. Nothing but StoredArticles is meant to read it.
	AnySchema bool
}

// Store is a Storyline knowledge graph kept in a Cayley SQL quad store
// (SQLite file or PostgreSQL database). Every quad's label is the IRI of
// the document it was read from. A Store is safe for concurrent use.
type Store struct {
	addr     string // address as shown in messages (password redacted)
	flavor   string // "sqlite" or "postgres"
	readOnly bool
	qs       cgraph.QuadStore
	db       *sql.DB // direct connection for bulk reads and metadata
}

// Open opens the store at addr: a SQLite file path, or a "postgres://" /
// "postgresql://" URL. A missing SQLite file (or an empty PostgreSQL
// database) is created and initialised unless opt.ReadOnly. Errors are one
// line naming the store: "x.db: not a Storyline store".
func Open(ctx context.Context, addr string, opt OpenOptions) (*Store, error) {
	if addr == "" {
		return nil, errors.New("store: empty address")
	}
	if opt.BusyTimeout <= 0 {
		opt.BusyTimeout = 5 * time.Second
	}
	if strings.HasPrefix(addr, "postgres://") || strings.HasPrefix(addr, "postgresql://") {
		return openPostgres(ctx, addr, opt)
	}
	return openSQLite(ctx, addr, opt)
}

func openSQLite(ctx context.Context, path string, opt OpenOptions) (*Store, error) {
	fresh := false
	created := false
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		if opt.ReadOnly {
			return nil, fmt.Errorf("%s: no such store", path)
		}
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return nil, fmt.Errorf("%s: cannot create store: %s", path, osReason(err))
		}
		if err := f.Close(); err != nil {
			return nil, fmt.Errorf("%s: cannot create store: %s", path, osReason(err))
		}
		fresh, created = true, true
	case err != nil:
		return nil, fmt.Errorf("%s: cannot open store: %s", path, osReason(err))
	case st.IsDir():
		return nil, fmt.Errorf("%s: not a Storyline store (a directory)", path)
	case st.Size() == 0:
		if opt.ReadOnly {
			return nil, fmt.Errorf("%s: not a Storyline store (empty file)", path)
		}
		fresh = true
	default:
		if err := checkSQLiteHeader(path); err != nil {
			return nil, err
		}
	}
	dsn := sqliteDSN(path, opt)
	s, err := openSQL(ctx, path, "sqlite", "sqlite3-regexp", dsn, fresh, opt.ReadOnly, opt.AnySchema)
	if err != nil && created {
		_ = os.Remove(path)
		_ = os.Remove(path + "-wal")
		_ = os.Remove(path + "-shm")
	}
	return s, err
}

// checkSQLiteHeader refuses a file that is not an SQLite database before
// SQLite opens it, so that a wrong --db never overwrites a user's file.
func checkSQLiteHeader(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("%s: cannot open store: %s", path, osReason(err))
	}
	defer f.Close()
	head := make([]byte, 16)
	if _, err := io.ReadFull(f, head); err != nil || string(head) != "SQLite format 3\x00" {
		return fmt.Errorf("%s: not a Storyline store (not an SQLite database)", path)
	}
	return nil
}

// sqliteDSN builds the go-sqlite3 URI for path: WAL so that readers do not
// block the writer, a busy timeout so that a second writer waits, and
// BEGIN IMMEDIATE so that it fails at the start of its transaction rather
// than in the middle.
func sqliteDSN(path string, opt OpenOptions) string {
	esc := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
	q := url.Values{}
	q.Set("_busy_timeout", fmt.Sprint(opt.BusyTimeout.Milliseconds()))
	q.Set("_txlock", "immediate")
	q.Set("_foreign_keys", "0")
	// 64 MiB of page cache: index inserts stay in memory, and a query's
	// index probes and node reads are not each a read from the OS.
	q.Set("_cache_size", "-65536")
	if opt.ReadOnly {
		q.Set("mode", "ro")
	} else {
		q.Set("_journal_mode", "WAL")
		q.Set("_synchronous", "NORMAL")
	}
	return "file:" + esc + "?" + q.Encode()
}

func openPostgres(ctx context.Context, addr string, opt OpenOptions) (*Store, error) {
	shown := redact(addr)
	s, err := openSQL(ctx, shown, "postgres", "postgres", addr, false, opt.ReadOnly, opt.AnySchema)
	if err != nil {
		return nil, err
	}
	return s, nil
}

// openSQL opens the direct connection, creates the schema when fresh (or,
// for PostgreSQL, when the database has no tables yet), checks that the
// database is a Storyline store, and opens Cayley's quad store over it.
func openSQL(ctx context.Context, shown, flavor, driver, dsn string, fresh, readOnly, anySchema bool) (*Store, error) {
	db, err := sql.Open(driver, dsn)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot open store: %v", shown, err)
	}
	fail := func(err error) (*Store, error) {
		db.Close()
		return nil, err
	}
	if flavor == "sqlite" {
		// One writer at a time anyway; a single connection keeps the
		// connection-level PRAGMAs simple.
		db.SetMaxOpenConns(4)
	}
	pingCtx, cancel := context.WithTimeout(ctx, 15*time.Second)
	err = db.PingContext(pingCtx)
	cancel()
	if err != nil {
		return fail(describeOpenErr(shown, err))
	}
	if flavor == "postgres" && !readOnly {
		var n int
		err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name IN ('nodes', 'quads', 'storyline_meta')`).Scan(&n)
		if err != nil {
			return fail(describeOpenErr(shown, err))
		}
		fresh = n == 0
	}
	if fresh {
		if err := createSchema(ctx, db, flavor); err != nil {
			return fail(fmt.Errorf("%s: cannot create store: %s", shown, errText(err)))
		}
	}
	var version string
	err = db.QueryRowContext(ctx, `SELECT value FROM storyline_meta WHERE key = 'schema'`).Scan(&version)
	if err != nil {
		if isNotStore(err) {
			return fail(fmt.Errorf("%s: not a Storyline store", shown))
		}
		return fail(describeOpenErr(shown, err))
	}
	if version != schemaVersion && !(readOnly && anySchema) {
		return fail(fmt.Errorf("%s: Storyline store has schema version %s, this program reads %s: copy it into a new store with `storyline --db NEW migrate %s`", shown, version, schemaVersion, shown))
	}
	qs, err := csql.New(flavor, dsn, cgraph.Options{})
	if err != nil {
		return fail(describeOpenErr(shown, err))
	}
	return &Store{addr: shown, flavor: flavor, readOnly: readOnly, qs: qs, db: db}, nil
}

// createSchema creates Cayley's SQL tables and indexes plus the
// storyline_meta table, in one transaction. Unlike Cayley's own SQLite
// initialisation, the uniqueness of a triple is per label (as Cayley does
// for PostgreSQL), so that two documents can each support the same fact
// and removing one leaves the other's.
func createSchema(ctx context.Context, db *sql.DB, flavor string) error {
	hash, bytes, horizon, ts := "BINARY(16)", "BLOB", "INTEGER", "DATETIME"
	if flavor == "postgres" {
		hash, bytes, horizon, ts = "BYTEA", "BYTEA", "BIGSERIAL", "timestamp with time zone"
	}
	stmts := []string{
		`CREATE TABLE nodes (
	hash ` + hash + ` PRIMARY KEY,
	refs INT NOT NULL,
	value ` + bytes + `,
	value_string TEXT,
	datatype TEXT,
	language TEXT,
	iri BOOLEAN,
	bnode BOOLEAN,
	value_int BIGINT,
	value_bool BOOLEAN,
	value_float double precision,
	value_time ` + ts + `
)`,
		`CREATE TABLE quads (
	horizon ` + horizon + ` PRIMARY KEY,
	subject_hash ` + hash + ` NOT NULL,
	predicate_hash ` + hash + ` NOT NULL,
	object_hash ` + hash + ` NOT NULL,
	label_hash ` + hash + `,
	ts timestamp
)`,
		`CREATE UNIQUE INDEX spo_unique ON quads (subject_hash, predicate_hash, object_hash) WHERE label_hash IS NULL`,
		// Not partial, so that it also serves lookups by subject,
		// subject and predicate, or triple (as Cayley's spo_index
		// would): a quad costs one index entry less. Labels are never
		// NULL in a Storyline store, and NULLs are distinct in a unique
		// index, so spo_unique keeps unlabelled triples unique.
		`CREATE UNIQUE INDEX spol_unique ON quads (subject_hash, predicate_hash, object_hash, label_hash)`,
		`CREATE INDEX ops_index ON quads (object_hash, predicate_hash, subject_hash)`,
		`CREATE INDEX pos_index ON quads (predicate_hash, object_hash, subject_hash)`,
		`CREATE INDEX label_index ON quads (label_hash)`,
		`CREATE TABLE storyline_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
		`INSERT INTO storyline_meta (key, value) VALUES ('schema', '` + schemaVersion + `')`,
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	for _, q := range stmts {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			tx.Rollback()
			return err
		}
	}
	return tx.Commit()
}

// Close closes the store.
func (s *Store) Close() error {
	err1 := s.qs.Close()
	err2 := s.db.Close()
	if err1 != nil {
		return fmt.Errorf("%s: closing store: %w", s.addr, err1)
	}
	if err2 != nil {
		return fmt.Errorf("%s: closing store: %w", s.addr, err2)
	}
	return nil
}

// Addr is the store's address as shown in messages (any password removed).
func (s *Store) Addr() string { return s.addr }

// QuadCount is the number of quads stored.
func (s *Store) QuadCount(ctx context.Context) (int64, error) {
	var n int64
	if err := s.db.QueryRowContext(ctx, "SELECT COUNT(*) FROM quads").Scan(&n); err != nil {
		return 0, fmt.Errorf("%s: counting quads: %w", s.addr, err)
	}
	return n, nil
}

// QuadStore is the underlying Cayley quad store, for Gizmo and tools.
func (s *Store) QuadStore() cgraph.QuadStore { return s.qs }

// describeOpenErr turns a driver error met while opening into a one-line
// message naming the store.
func describeOpenErr(shown string, err error) error {
	if isLocked(err) {
		return fmt.Errorf("%s: store is locked by another writer", shown)
	}
	if isNotStore(err) {
		return fmt.Errorf("%s: not a Storyline store", shown)
	}
	var se sqlite3.Error
	if errors.As(err, &se) && (se.Code == sqlite3.ErrCantOpen || se.Code == sqlite3.ErrPerm || se.Code == sqlite3.ErrReadonly) {
		return fmt.Errorf("%s: cannot open store: %s", shown, errText(err))
	}
	var pe *pq.Error
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %s", shown, pe.Message)
	}
	return fmt.Errorf("%s: cannot reach store: %s", shown, errText(err))
}

// writeErr describes an error from a write transaction.
func (s *Store) writeErr(what string, err error) error {
	if isLocked(err) {
		return fmt.Errorf("%s: store is locked by another writer", s.addr)
	}
	var se sqlite3.Error
	if errors.As(err, &se) && se.Code == sqlite3.ErrReadonly {
		return fmt.Errorf("%s: %s: store is read-only", s.addr, what)
	}
	return fmt.Errorf("%s: %s: %w", s.addr, what, err)
}

func isLocked(err error) bool {
	var se sqlite3.Error
	if errors.As(err, &se) {
		return se.Code == sqlite3.ErrBusy || se.Code == sqlite3.ErrLocked
	}
	var pe *pq.Error
	if errors.As(err, &pe) {
		return pe.Code == "55P03" // lock_not_available
	}
	return false
}

func isNotStore(err error) bool {
	var se sqlite3.Error
	if errors.As(err, &se) && se.Code == sqlite3.ErrNotADB {
		return true
	}
	var pe *pq.Error
	if errors.As(err, &pe) && pe.Code == "42P01" { // undefined_table
		return true
	}
	msg := err.Error()
	return strings.Contains(msg, "no such table") || strings.Contains(msg, "file is not a database")
}

// osReason is the short reason of an OS error ("permission denied").
func osReason(err error) string {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		return errno.Error()
	}
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

func errText(err error) string {
	var se sqlite3.Error
	if errors.As(err, &se) {
		if se.SystemErrno != 0 {
			return se.SystemErrno.Error()
		}
		return se.Error()
	}
	return strings.ReplaceAll(err.Error(), "\n", " ")
}

// redact removes the password from a database URL.
func redact(addr string) string {
	u, err := url.Parse(addr)
	if err != nil || u.User == nil {
		return addr
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	return u.String()
}
