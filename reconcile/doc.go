// Package reconcile decides which reports, from several articles, tell of
// one real-world happening. It is the stage between extraction and the
// graph: the graph package feeds it each article's document-level events
// (the mentions one article makes of one event, already grouped within the
// article) and writes back what it decides: the story each article belongs
// to, the event cluster each document-level event joins, and why.
//
// It is shaped like a record-linkage tool, one concern a file:
//
//   - story.go: articles are grouped into stories by what they share
//     (named entities weighted by kind, dated events, copies). An inverted
//     index over those features picks the candidates: no article is
//     compared with every other. A story is a connected component of the
//     article links, so it can span days and outlets.
//   - trigger.go, when.go, compare.go: one small comparison per field of
//     two document-level events: trigger (lemma, stem, a curated table of
//     nominalisations and synonyms), participants, time at its own
//     granularity (XXXX-11-24 fits 2015-11-24; 2015-11 holds 2015-11-24),
//     place. Each gives a weighted score and a reason, or a veto.
//   - cluster.go: within a story, candidate pairs come from blocking on the
//     trigger concept; pairs are merged strongest first, and two clusters
//     merge only when no pair across them is vetoed and no article would
//     report two different events of the cluster. The input is sorted
//     before anything is decided, so the result does not depend on the
//     order in which articles were ingested.
//
// Every merge keeps its evidence: for each document-level event, the
// reasons that tied it to its cluster, which the graph stores and the REPL
// shows with :event.
package reconcile
