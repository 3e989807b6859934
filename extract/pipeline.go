package extract

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
)

// ErrInternal marks an error that is a bug in a stage (a panic it
// raised), not a problem of the input: test for it with errors.Is.
var ErrInternal = errors.New("internal error")

// Stage is one step of the pipeline: it reads the layers earlier stages
// added to doc and adds its own. A Stage is safe for concurrent use by
// several goroutines, each with its own Document.
type Stage interface {
	// Name is a short name used in errors and benchmarks ("text", "dct").
	Name() string
	Run(ctx context.Context, doc *Document) error
}

// Pipeline runs the stages in order. Build one with New and reuse it: the
// stages load their models and gazetteers once.
type Pipeline struct {
	stages []Stage
}

// New builds the standard pipeline: text (sentences, tokens, POS tags),
// outlet (the publisher, when the input did not name it), dct (the article's own date), timex (temporal expressions), entity,
// event, relation.
func New() (*Pipeline, error) {
	ctors := []func() (Stage, error){
		newTextStage,
		newOutletStage,
		newDCTStage,
		newTimexStage,
		newEntityStage,
		newEventStage,
		newRelationStage,
	}
	p := &Pipeline{}
	for _, ctor := range ctors {
		s, err := ctor()
		if err != nil {
			return nil, fmt.Errorf("extract: building pipeline: %w", err)
		}
		p.stages = append(p.stages, s)
	}
	return p, nil
}

// Input is one article to annotate.
type Input struct {
	Name   string // file name, "-" for stdin, or URL; informational
	Source string // outlet, if known
	URL    string
	Text   string // UTF-8 article text, headline first
	// Date is a known publication date (YYYY-MM-DD) from --date or
	// metadata; empty if unknown.
	Date string
	// DateSource says where Date came from: "flag" or "metadata".
	DateSource string
}

// Annotate runs every stage over in and returns the annotated document.
func (p *Pipeline) Annotate(ctx context.Context, in Input) (*Document, error) {
	return p.AnnotateUntil(ctx, in, "")
}

// AnnotateUntil runs the stages up to and including the one named last
// (all of them when last is ""). Tests and evals use it to run part of the
// pipeline. A panic in a stage becomes an error wrapping ErrInternal for
// this input alone.
func (p *Pipeline) AnnotateUntil(ctx context.Context, in Input, last string) (_ *Document, err error) {
	stage := "start"
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: %s stage: %w: %s", in.Name, stage, ErrInternal, oneLineMsg(fmt.Sprint(r)))
		}
	}()
	sum := sha256.Sum256([]byte(in.Text))
	doc := &Document{
		ID:       "sha256:" + hex.EncodeToString(sum[:]),
		Name:     in.Name,
		Source:   in.Source,
		URL:      in.URL,
		Text:     in.Text,
		MetaDate: in.Date,
	}
	if in.Date != "" {
		src := in.DateSource
		if src == "" {
			src = "flag"
		}
		doc.DCT = DCT{Value: in.Date, Source: src}
	}
	for _, s := range p.stages {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		stage = s.Name()
		if err := s.Run(ctx, doc); err != nil {
			return nil, fmt.Errorf("%s: %s stage: %w", in.Name, s.Name(), err)
		}
		if s.Name() == last {
			break
		}
	}
	return doc, nil
}
