package extract

import (
	"context"

	"github.com/storyline/storyline/extract/timex"
)

// timeAnchorKey is the context key of the anchoring mode.
type timeAnchorKey struct{}

// WithTimeAnchor returns a context under which the timex stage anchors
// relative expressions as m says (news, narrative, or auto, the default):
// `--time-anchor` on ingest and annotate.
func WithTimeAnchor(ctx context.Context, m timex.AnchorMode) context.Context {
	return context.WithValue(ctx, timeAnchorKey{}, m)
}

// TimeAnchor is the anchoring mode ctx asks for; AnchorAuto when it asks
// for none.
func TimeAnchor(ctx context.Context) timex.AnchorMode {
	m, _ := ctx.Value(timeAnchorKey{}).(timex.AnchorMode)
	return m
}
