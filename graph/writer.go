package graph

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"strconv"
	"syscall"
	"time"
)

// writerLockKey is the PostgreSQL advisory lock that Storyline writers
// hold while they plan again and write a batch.
const writerLockKey = 0x53746f72796c6e // "Storyln"

// lockWriter takes the store's writer lock, waiting for another writer's
// batch to be written, and returns what releases it. On SQLite it is an
// exclusive flock(2) on a file beside the store (STORE-writer), which the
// processes of one machine share; on PostgreSQL an advisory lock, which
// every client of the database shares.
func (s *Store) lockWriter(ctx context.Context) (func(), error) {
	if s.flavor == "postgres" {
		conn, err := s.db.Conn(ctx)
		if err != nil {
			return nil, fmt.Errorf("%s: taking the writer lock: %w", s.addr, err)
		}
		if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_lock($1)", writerLockKey); err != nil {
			conn.Close()
			return nil, fmt.Errorf("%s: taking the writer lock: %w", s.addr, err)
		}
		return func() {
			_, _ = conn.ExecContext(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock($1)", writerLockKey)
			conn.Close()
		}, nil
	}
	f, err := os.OpenFile(s.addr+"-writer", os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("%s: taking the writer lock: %s", s.addr, osReason(err))
	}
	// Polled rather than blocking, so that a cancelled ingest stops
	// waiting for another writer's batch.
	for {
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			break
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) && !errors.Is(err, syscall.EINTR) {
			f.Close()
			return nil, fmt.Errorf("%s: taking the writer lock: %w", s.addr, err)
		}
		select {
		case <-ctx.Done():
			f.Close()
			return nil, fmt.Errorf("%s: waiting for the writer lock: %w", s.addr, ctx.Err())
		case <-time.After(20 * time.Millisecond):
		}
	}
	return func() {
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}

// generation is the number of batches written to the store so far (0 for
// a store that has never counted them). A writer that finds it moved since
// it planned knows another writer wrote meanwhile.
func (s *Store) generation(ctx context.Context) (int64, error) {
	var v string
	err := s.db.QueryRowContext(ctx, "SELECT value FROM storyline_meta WHERE key = 'generation'").Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("%s: reading the store's generation: %w", s.addr, err)
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%s: the store's generation %q is not a number", s.addr, v)
	}
	return n, nil
}

// nextGeneration records that one more batch was written after gen, and
// returns the new generation. The writer lock is held.
func (s *Store) nextGeneration(ctx context.Context, gen int64) (int64, error) {
	next := gen + 1
	_, err := s.db.ExecContext(ctx, "INSERT INTO storyline_meta (key, value) VALUES ('generation', "+s.placeholder(1)+
		") ON CONFLICT (key) DO UPDATE SET value = excluded.value", strconv.FormatInt(next, 10))
	if err != nil {
		return 0, fmt.Errorf("%s: recording the store's generation: %w", s.addr, err)
	}
	return next, nil
}
