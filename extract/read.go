package extract

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// Errors a ReadError can wrap; test for them with errors.Is.
var (
	// ErrBinary: the file is not text (NUL bytes or many control
	// characters in its first 8 KB).
	ErrBinary = errors.New("binary file")
	// ErrEmpty: the file or stdin holds nothing but white space.
	ErrEmpty = errors.New("empty file")
	// ErrInvalidUTF8: a text file or JSON Lines line is not valid UTF-8.
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	// ErrTooLarge: the file is larger than MaxInputSize.
	ErrTooLarge = errors.New("file too large")
	// ErrNoArticle: an HTML page holds no article text.
	ErrNoArticle = errors.New("no article text found")
)

// MaxInputSize is the largest file (or stdin) ReadInputs reads, in bytes,
// and the longest line of a JSON Lines file: JSON Lines are read a line at
// a time, so the file itself has no limit.
const MaxInputSize = 256 << 20

// sniffSize is how much of a file the binary check looks at.
const sniffSize = 8 << 10

// stdinPath is how stdin is named in errors; its inputs are named "-".
const stdinPath = "<stdin>"

// ReadError is one input that could not be read: a file, a folder entry,
// stdin, or one line of a JSON Lines file. Its message is one line:
// "PATH: problem" or "PATH:LINE: problem".
type ReadError struct {
	Path string
	Line int // 1-based line of a JSON Lines file, or 0
	Err  error
}

func (e *ReadError) Error() string {
	msg := "<nil>"
	if e.Err != nil {
		msg = oneLineMsg(e.Err.Error())
	}
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, msg)
	}
	return e.Path + ": " + msg
}

func (e *ReadError) Unwrap() error { return e.Err }

// ReadStats counts what ReadInputsStats did.
type ReadStats struct {
	// Files is the number of files (and stdin) read.
	Files int
	// Inputs is the number of articles returned.
	Inputs int
	// Skipped is the number of files found in folders and not read:
	// hidden files, files that are not regular, files whose extension is
	// not one of .txt, .text, .html, .htm, .jsonl, .ndjson, and notes
	// such as README.txt or LICENSE.txt.
	Skipped int
	// Errors is the number of errors returned.
	Errors int
	// Warnings are inputs read in part, one *ReadError each ("PATH:
	// warning: ..."): an HTML page nested too deeply, whose deepest
	// elements were flattened into their text.
	Warnings []error
}

// format is how an input's bytes are read.
type format int

const (
	formatSniff format = iota // decide from the content
	formatText
	formatHTML
	formatJSONL
)

// formatOf maps a file name to its format by extension; ok is false for
// extensions ReadInputs does not pick up from folders.
func formatOf(path string) (f format, ok bool) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt", ".text":
		return formatText, true
	case ".html", ".htm":
		return formatHTML, true
	case ".jsonl", ".ndjson":
		return formatJSONL, true
	}
	return formatSniff, false
}

// ReadInputs reads articles from paths: files, folders (walked
// recursively, each folder's entries in name order; only .txt, .text,
// .html, .htm, .jsonl and .ndjson files are read; hidden files and
// folders, and README or LICENSE files, are skipped) and
// "-" for stdin. A file's format comes from its extension; stdin and
// files named with other extensions are sniffed: JSON Lines if the first
// non-space byte is '{', HTML if it is '<', plain text otherwise.
//
// Plain text is one article named by its path. HTML pages are reduced to
// their article with trafilatura (nothing is fetched from the network).
// Each JSON Lines line is one article named "PATH:LINE". A UTF-8 byte
// order mark is stripped (UTF-16 with a byte order mark is decoded) and
// CRLF and CR line ends become LF.
//
// Every input that cannot be read yields one *ReadError; the others are
// still returned. ReadInputs never panics.
func ReadInputs(ctx context.Context, paths []string, stdin io.Reader) ([]Input, []error) {
	ins, _, errs := ReadInputsStats(ctx, paths, stdin)
	return ins, errs
}

// ReadInputsStats is ReadInputs that also reports counts, including the
// files it skipped in folders.
func ReadInputsStats(ctx context.Context, paths []string, stdin io.Reader) ([]Input, ReadStats, []error) {
	r := &inputReader{seen: map[string]bool{}, maxSize: MaxInputSize}
	r.read(ctx, paths, stdin)
	return r.ins, r.stats, r.errs
}

// ReadInputsFunc reads what ReadInputs reads, in the same order, but hands
// each article to input as soon as it is read and each error to fail (nil
// keeps none) instead of returning them: memory holds one file, or one
// line of a JSON Lines file, at a time (and the names of the files read,
// to read each once), whatever the number of files or the size of a JSON
// Lines file. When input returns an error, reading
// stops and ReadInputsFunc returns that error.
func ReadInputsFunc(ctx context.Context, paths []string, stdin io.Reader, input func(Input) error, fail func(error)) (ReadStats, error) {
	r := &inputReader{seen: map[string]bool{}, maxSize: MaxInputSize, input: input, report: fail}
	if r.report == nil {
		r.report = func(error) {}
	}
	r.read(ctx, paths, stdin)
	return r.stats, r.stop
}

// inputReader holds the state of one ReadInputsStats or ReadInputsFunc
// call.
type inputReader struct {
	ins       []Input // when input is nil
	errs      []error // when report is nil
	input     func(Input) error
	report    func(error)
	stop      error // input's error: reading ends
	stats     ReadStats
	seen      map[string]bool // cleaned paths already read
	stdinRead bool
	maxSize   int64         // MaxInputSize; smaller in tests
	br        *bufio.Reader // reused from one file to the next
}

func (r *inputReader) read(ctx context.Context, paths []string, stdin io.Reader) {
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			r.error(fmt.Errorf("reading inputs: %w", err))
			break
		}
		if r.stop != nil {
			break
		}
		if p == "-" {
			r.readStdin(ctx, stdin)
			continue
		}
		r.readPath(ctx, p)
	}
}

// emit passes on one article.
func (r *inputReader) emit(in Input) {
	if r.stop != nil {
		return
	}
	r.stats.Inputs++
	if r.input == nil {
		r.ins = append(r.ins, in)
		return
	}
	r.stop = r.input(in)
}

// error passes on one error.
func (r *inputReader) error(err error) {
	r.stats.Errors++
	if r.report == nil {
		r.errs = append(r.errs, err)
		return
	}
	r.report(err)
}

func (r *inputReader) fail(path string, line int, err error) {
	r.error(&ReadError{Path: path, Line: line, Err: err})
}

func (r *inputReader) readStdin(ctx context.Context, stdin io.Reader) {
	if r.stdinRead {
		r.fail(stdinPath, 0, errors.New(`"-" given more than once`))
		return
	}
	r.stdinRead = true
	if stdin == nil {
		r.fail(stdinPath, 0, errors.New("no standard input"))
		return
	}
	r.readStream(ctx, stdinPath, "-", stdin, formatSniff)
}

func (r *inputReader) readPath(ctx context.Context, path string) {
	info, err := os.Stat(path)
	if err != nil {
		r.fail(path, 0, pathErr(err))
		return
	}
	if !info.IsDir() {
		f, _ := formatOf(path)
		r.readFile(ctx, path, f)
		return
	}
	// WalkDir visits each folder's entries in name order: the files are
	// read as they are found, never listed first.
	walkErr := filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			r.fail(p, 0, pathErr(err))
			if d != nil && d.IsDir() && p != path {
				return fs.SkipDir
			}
			return nil
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if r.stop != nil {
			return fs.SkipAll
		}
		hidden := p != path && strings.HasPrefix(d.Name(), ".")
		if d.IsDir() {
			if hidden {
				return fs.SkipDir
			}
			return nil
		}
		if _, ok := formatOf(p); !ok || hidden || isProjectFile(d.Name()) {
			r.stats.Skipped++
			return nil
		}
		if !d.Type().IsRegular() {
			// A symbolic link is read when it leads to a regular file;
			// links to folders are not followed (no cycles).
			fi, err := os.Stat(p)
			if err != nil || !fi.Mode().IsRegular() {
				r.stats.Skipped++
				return nil
			}
		}
		f, _ := formatOf(p)
		r.readFile(ctx, p, f)
		return nil
	})
	if walkErr != nil {
		r.error(fmt.Errorf("reading folder %s: %w", path, walkErr))
	}
}

// isProjectFile reports whether a file name is one that corpora and
// repositories use for their own notes (README.txt, LICENSE.txt), not an
// article. Folder walks skip them; naming one explicitly still reads it.
func isProjectFile(name string) bool {
	base := strings.ToUpper(strings.TrimSuffix(name, filepath.Ext(name)))
	switch base {
	case "README", "LICENSE", "LICENCE", "COPYING", "CHANGELOG", "CHANGES", "NOTICE", "AUTHORS", "CONTRIBUTING":
		return true
	}
	return false
}

func (r *inputReader) readFile(ctx context.Context, path string, f format) {
	key := filepath.Clean(path)
	if r.seen[key] {
		return
	}
	r.seen[key] = true
	fh, err := os.Open(path)
	if err != nil {
		r.fail(path, 0, pathErr(err))
		return
	}
	defer fh.Close()
	r.readStream(ctx, path, path, fh, f)
}

// readStream reads one file or stdin. JSON Lines in UTF-8 (by extension,
// or sniffed from the first 8 KB) are read a line at a time; anything else
// is read whole, up to maxSize, and parsed.
func (r *inputReader) readStream(ctx context.Context, errPath, name string, rd io.Reader, f format) {
	if r.br == nil {
		r.br = bufio.NewReaderSize(rd, 64<<10)
	} else {
		r.br.Reset(rd)
	}
	br := r.br
	defer br.Reset(nil) // let go of the file
	head, err := br.Peek(sniffSize + 3)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		r.fail(errPath, 0, pathErr(err))
		return
	}
	utf16 := bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF})
	bom := bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF})
	if bom {
		head = head[3:]
	}
	full := len(head) >= sniffSize // more may follow; a shorter head is the whole input
	if !utf16 && (f == formatJSONL || f == formatSniff && full && sniff(head) == formatJSONL) {
		r.stats.Files++
		base := 0
		if bom {
			br.Discard(3)
			base = 3
		}
		if err := checkBinary(head, base); err != nil {
			r.fail(errPath, 0, err)
			return
		}
		r.streamJSONL(ctx, errPath, name, br, base)
		return
	}
	data, err := readAllLimited(br, r.maxSize)
	if err != nil {
		r.fail(errPath, 0, pathErr(err))
		return
	}
	r.stats.Files++
	r.parse(ctx, errPath, name, data, f)
}

// readAllLimited reads rd to the end, failing with ErrTooLarge past max
// bytes.
func readAllLimited(rd io.Reader, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(rd, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%w (over %d bytes)", ErrTooLarge, max)
	}
	return data, nil
}

// pathErr drops the operation and path from an *fs.PathError, since
// ReadError prints the path itself: "nope.txt: no such file or directory".
func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// parse turns the bytes of one file (or stdin) into inputs. errPath names
// it in errors, name in Input.Name.
func (r *inputReader) parse(ctx context.Context, errPath, name string, data []byte, f format) {
	text, base, err := decodeText(data)
	if err != nil {
		r.fail(errPath, 0, err)
		return
	}
	if len(bytes.TrimSpace(text)) == 0 {
		r.fail(errPath, 0, ErrEmpty)
		return
	}
	if err := checkBinary(text, base); err != nil {
		r.fail(errPath, 0, err)
		return
	}
	if f == formatSniff {
		f = sniff(text)
	}
	switch f {
	case formatHTML:
		flat, deep, excess := flattenHTML(text, maxHTMLDepth, maxHTMLElements)
		if deep > 0 {
			r.stats.Warnings = append(r.stats.Warnings, &ReadError{Path: errPath,
				Err: fmt.Errorf("warning: HTML nested more than %d elements deep: the tags of %d deeper elements were dropped, their text kept", maxHTMLDepth, deep)})
		}
		in, pruned, err := readHTML(name, flat)
		switch {
		case excess > 0:
			r.stats.Warnings = append(r.stats.Warnings, &ReadError{Path: errPath,
				Err: fmt.Errorf("warning: HTML page of more than %d elements: read up to byte %d, the rest dropped", maxHTMLElements, excess)})
		case pruned:
			r.stats.Warnings = append(r.stats.Warnings, &ReadError{Path: errPath,
				Err: fmt.Errorf("warning: HTML page of more than %d elements once parsed (formatting tags left open are repeated in each paragraph): the rest dropped", maxHTMLElements)})
		}
		if err != nil {
			r.fail(errPath, 0, err)
			return
		}
		r.emit(in)
	case formatJSONL:
		r.parseJSONL(ctx, errPath, name, text, base)
	default:
		if i := invalidUTF8(text); i >= 0 {
			r.fail(errPath, 0, fmt.Errorf("%w at byte %d", ErrInvalidUTF8, base+i))
			return
		}
		r.emit(Input{Name: name, Text: normalizeNewlines(string(text))})
	}
}

// decodeText strips a UTF-8 byte order mark, or decodes UTF-16 text that
// starts with one. base is the file offset of text[0] (for messages).
func decodeText(data []byte) (text []byte, base int, err error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return data[3:], 3, nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		body := data[2:]
		if len(body)%2 != 0 {
			return nil, 0, errors.New("invalid UTF-16: odd number of bytes")
		}
		big := data[0] == 0xFE
		units := make([]uint16, len(body)/2)
		for i := range units {
			if big {
				units[i] = uint16(body[2*i])<<8 | uint16(body[2*i+1])
			} else {
				units[i] = uint16(body[2*i+1])<<8 | uint16(body[2*i])
			}
		}
		// Offsets into decoded UTF-16 text cannot be mapped back to
		// file bytes; messages give them relative to the decoded text.
		return []byte(string(utf16.Decode(units))), 0, nil
	}
	return data, 0, nil
}

// checkBinary looks at the first 8 KB for NUL bytes or a high share of
// control characters.
func checkBinary(text []byte, base int) error {
	head := text
	if len(head) > sniffSize {
		head = head[:sniffSize]
	}
	if i := bytes.IndexByte(head, 0); i >= 0 {
		return fmt.Errorf("%w (NUL byte at offset %d)", ErrBinary, base+i)
	}
	ctrl := 0
	for _, b := range head {
		if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != '\v') || b == 0x7F {
			ctrl++
		}
	}
	// Text has almost none; 10% is far beyond any text encoding.
	if ctrl > 0 && ctrl*10 > len(head) {
		return fmt.Errorf("%w (%d%% control characters in the first %d bytes)", ErrBinary, ctrl*100/len(head), len(head))
	}
	return nil
}

// invalidUTF8 returns the offset of the first byte that is not part of a
// valid UTF-8 sequence, or -1.
func invalidUTF8(b []byte) int {
	if utf8.Valid(b) {
		return -1
	}
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

// sniff decides the format of content without a telling extension.
func sniff(text []byte) format {
	t := bytes.TrimLeft(text, " \t\r\n\f\v")
	switch {
	case len(t) > 0 && t[0] == '{':
		return formatJSONL
	case len(t) > 0 && t[0] == '<':
		return formatHTML
	}
	return formatText
}

// normalizeNewlines turns CRLF and lone CR line ends into LF.
func normalizeNewlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// oneLineMsg folds a message onto one line.
func oneLineMsg(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// The JSON Lines fields read besides "text" and "title". Feeds spell the
// date, the outlet and the address several ways: the first field of each
// list that is present (not null, not blank) is used. Each is decoded on
// its own so that an error names the field. Other fields are ignored.
var (
	jsonDateFields   = []string{"date", "published", "published_at", "publishedAt", "pubDate", "datePublished"}
	jsonSourceFields = []string{"source", "outlet", "site", "site_name"}
	jsonURLFields    = []string{"url", "link"}
)

// parseJSONL reads one article per non-blank line of data (JSON Lines
// decoded from UTF-16).
func (r *inputReader) parseJSONL(ctx context.Context, errPath, name string, data []byte, base int) {
	r.streamJSONL(ctx, errPath, name, bufio.NewReader(bytes.NewReader(data)), base)
}

// streamJSONL reads one article per non-blank line, a line at a time; a
// line longer than maxSize is skipped with ErrTooLarge. base is the file
// offset of the reader's first byte (for messages).
func (r *inputReader) streamJSONL(ctx context.Context, errPath, name string, br *bufio.Reader, base int) {
	var line []byte
	off, blank := base, true
	for lineNo := 1; ; lineNo++ {
		if r.stop != nil {
			return
		}
		if lineNo%256 == 0 && ctx.Err() != nil {
			r.error(fmt.Errorf("reading %s: %w", errPath, ctx.Err()))
			return
		}
		start := off
		line = line[:0]
		tooLong := false
		var err error
		for {
			var chunk []byte
			chunk, err = br.ReadSlice('\n')
			off += len(chunk)
			if !tooLong {
				if int64(len(line)+len(chunk)) > r.maxSize+1 { // +1: the newline
					tooLong, line = true, line[:0]
				} else {
					line = append(line, chunk...)
				}
			}
			if err != bufio.ErrBufferFull {
				break
			}
		}
		if err != nil && err != io.EOF {
			r.fail(errPath, lineNo, pathErr(err))
			return
		}
		switch {
		case tooLong:
			blank = false
			r.fail(errPath, lineNo, fmt.Errorf("%w (a line over %d bytes)", ErrTooLarge, r.maxSize))
		case len(bytes.TrimSpace(line)) == 0:
		default:
			blank = false
			line = bytes.TrimSuffix(line, []byte("\n"))
			if i := invalidUTF8(line); i >= 0 {
				r.fail(errPath, lineNo, fmt.Errorf("%w at byte %d", ErrInvalidUTF8, start+i))
				break
			}
			in, perr := jsonlInput(line)
			if perr != nil {
				r.fail(errPath, lineNo, perr)
				break
			}
			in.Name = fmt.Sprintf("%s:%d", name, lineNo)
			r.emit(in)
		}
		if err == io.EOF {
			if blank {
				r.fail(errPath, 0, ErrEmpty)
			}
			return
		}
	}
}

// jsonlInput decodes one JSON Lines record.
func jsonlInput(line []byte) (Input, error) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(line, &raw); err != nil {
		t := bytes.TrimSpace(line)
		if len(t) > 0 && t[0] != '{' && json.Valid(t) {
			return Input{}, errors.New("invalid JSON: not an object")
		}
		return Input{}, fmt.Errorf("invalid JSON: %w", err)
	}
	if raw == nil { // the line is "null"
		return Input{}, errors.New("invalid JSON: not an object")
	}
	var text, title string
	for _, f := range []struct {
		key string
		dst *string
	}{{"text", &text}, {"title", &title}} {
		if v, ok := raw[f.key]; ok && string(v) != "null" {
			if err := json.Unmarshal(v, f.dst); err != nil {
				return Input{}, fmt.Errorf("%q is not a string", f.key)
			}
		}
	}
	title = oneLineMsg(strings.TrimSpace(title))
	if v, ok := raw["text"]; !ok || string(v) == "null" {
		return Input{}, errors.New(`missing "text"`)
	}
	text = normalizeNewlines(strings.TrimPrefix(text, "\uFEFF"))
	if strings.TrimSpace(text) == "" {
		return Input{}, errors.New(`empty "text"`)
	}
	if i := strings.IndexByte(text, 0); i >= 0 {
		return Input{}, fmt.Errorf(`"text" holds a NUL character at byte %d`, i)
	}
	in := Input{Text: text}
	key, date, err := jsonFirst(raw, jsonDateFields, true)
	if err != nil {
		return Input{}, err
	}
	if date != "" {
		d, err := normalizeDate(key, date)
		if err != nil {
			return Input{}, err
		}
		in.Date, in.DateSource = d, "metadata"
	}
	if _, in.URL, err = jsonFirst(raw, jsonURLFields, false); err != nil {
		return Input{}, err
	}
	if _, in.Source, err = jsonFirst(raw, jsonSourceFields, false); err != nil {
		return Input{}, err
	}
	if isURL(in.Source) {
		// some exporters put the page address in "source"
		if in.URL == "" {
			in.URL = in.Source
		}
		in.Source = ""
	}
	if title != "" && !startsWithLine(text, title) {
		in.Text = title + "\n\n" + text
	}
	return in, nil
}

// jsonFirst returns the first of keys present in raw with a value that is
// not null or blank, trimmed: a string, an object's "name" (NewsAPI's
// "source": {"id": ..., "name": "Reuters"}) or, when numbers is set, a
// number (Unix seconds or milliseconds, as an RFC 3339 time in UTC).
func jsonFirst(raw map[string]json.RawMessage, keys []string, numbers bool) (key, val string, err error) {
	for _, k := range keys {
		v, ok := raw[k]
		if !ok || string(v) == "null" {
			continue
		}
		var s string
		if err := json.Unmarshal(v, &s); err != nil {
			var obj struct {
				Name *string `json:"name"`
			}
			var n json.Number
			d := json.NewDecoder(bytes.NewReader(v))
			d.UseNumber()
			switch {
			case json.Unmarshal(v, &obj) == nil && obj.Name != nil && !numbers:
				s = *obj.Name
			case numbers && d.Decode(&n) == nil:
				s, err = unixDate(k, n)
				if err != nil {
					return "", "", err
				}
			default:
				return "", "", fmt.Errorf("%q is not a string", k)
			}
		}
		if s = strings.TrimSpace(s); s != "" {
			return k, s, nil
		}
	}
	return "", "", nil
}

// unixDate reads a Unix time in seconds, or in milliseconds when it is too
// large for seconds, as an RFC 3339 UTC time.
func unixDate(key string, n json.Number) (string, error) {
	v, err := n.Int64()
	if err != nil || v <= 0 {
		return "", fmt.Errorf("invalid %q %s: want a date string or Unix seconds", key, n)
	}
	if v > 1e11 {
		v /= 1000
	}
	return time.Unix(v, 0).UTC().Format(time.RFC3339), nil
}

// isURL reports whether s is an absolute http(s) address.
func isURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && !strings.ContainsAny(s, " \t")
}

// startsWithLine reports whether the first non-blank line of text is line
// (the feed already put the headline into the text).
func startsWithLine(text, line string) bool {
	first, _, _ := strings.Cut(strings.TrimLeft(text, " \t\n"), "\n")
	return sameLine(first, line)
}

// dateLayouts are the machine date formats of feeds: ISO 8601 dates and
// times (RFC 3339, with a space for the T, without a zone) and the RFC 1123
// / RFC 822 times of RSS pubDate, with or without the weekday.
var dateLayouts = []string{
	"2006-01-02", time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04",
	"2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05 -0700", "2006-01-02 15:04:05 MST",
	"Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST", "Mon, 2 Jan 2006 15:04 -0700", "Mon, 2 Jan 2006 15:04 MST",
	"2 Jan 2006 15:04:05 -0700", "2 Jan 2006 15:04:05 MST",
}

// normalizeDate reads the date of field key in one of dateLayouts and
// returns YYYY-MM-DD. A time keeps the calendar date of its own offset.
func normalizeDate(key, s string) (string, error) {
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.Format("2006-01-02"), nil
		}
	}
	return "", fmt.Errorf(`invalid %q %q: want YYYY-MM-DD, RFC 3339 or RFC 1123`, key, s)
}

// htmlOptions configures trafilatura. Nothing here makes it fetch
// anything: it reads only the parsed page, and the fallback extractors
// (which are also offline when given a parsed page) are off.
// minExtracted is the article length (in runes) below which trafilatura
// replaces its extraction with a cruder one (all text of <article>, or of
// the page, in one paragraph).
func htmlOptions(minExtracted int) trafilatura.Options {
	cfg := trafilatura.DefaultConfig()
	cfg.MinExtractedSize = minExtracted
	return trafilatura.Options{
		Config:          cfg,
		ExcludeComments: true,
		// Dates from metadata and markup only, no guessing from free text.
		HtmlDateMode: trafilatura.Fast,
	}
}

// minArticleWords is the fewest words of body text an HTML page must
// yield to count as an article.
const minArticleWords = 5

// htmlInput reduces an HTML page to its article: title, byline, then the
// main text with blank lines between paragraphs, plus the page's date,
// site name and canonical URL.
func htmlInput(name string, data []byte) (Input, error) {
	in, _, err := readHTML(name, data)
	return in, err
}

// readHTML is htmlInput that also says whether the parsed page was cut to
// maxHTMLElements elements.
func readHTML(name string, data []byte) (in Input, pruned bool, err error) {
	defer func() {
		if p := recover(); p != nil {
			in, err = Input{}, fmt.Errorf("extracting article from HTML: internal error: %v", p)
		}
	}()
	// The page's charset is found as browsers do (BOM, <meta charset>,
	// else UTF-8 when valid, else windows-1252).
	rd, err := charset.NewReader(bytes.NewReader(data), "text/html")
	if err != nil {
		return Input{}, false, fmt.Errorf("decoding HTML: %w", err)
	}
	doc, err := html.Parse(rd)
	if err != nil {
		return Input{}, false, fmt.Errorf("parsing HTML: %w", err)
	}
	pruned = pruneElements(doc, maxHTMLElements)
	long := shortenLongTexts(doc)
	in, ok, err := extractArticle(name, doc, long)
	if !ok {
		// A shortened text did not come back whole: read the page as it
		// is.
		long.restore()
		in, _, err = extractArticle(name, doc, nil)
	}
	return in, pruned, err
}

// pruneElements drops every node after the first max elements of the
// parsed page, in document order. flattenHTML bounds the tags of the
// source; the parser adds to them (formatting elements left open, as in
// "<b><i><p>...<b><i><p>...", are opened again in each paragraph: three
// times the tags), and trafilatura's time grows with the elements.
func pruneElements(doc *html.Node, max int) (pruned bool) {
	count := 0
	dropFrom := func(parent, c *html.Node) {
		for c != nil {
			next := c.NextSibling
			parent.RemoveChild(c)
			c = next
		}
	}
	var walk func(n *html.Node, depth int) bool
	walk = func(n *html.Node, depth int) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode {
				if count++; count > max {
					dropFrom(n, c)
					return true
				}
			}
			if depth < 1024 && walk(c, depth+1) {
				dropFrom(n, c.NextSibling)
				return true
			}
		}
		return false
	}
	return walk(doc, 0)
}

// longTextNode is the length over which a text node is shortened before
// trafilatura reads the page, and longTextHead how much of it is kept.
// Trafilatura runs a language classifier over all the text it extracts
// (two thirds of the time of a page that is one long paragraph) and walks
// the text several times; its choices depend on lengths far below these.
const (
	longTextNode = 64 << 10
	longTextHead = 8 << 10
)

// The marker that follows the kept head of a shortened text: start, the
// text's index, end. Private-use characters: a page holding markerStart
// is read unshortened.
const (
	markerStart = "\uE000"
	markerEnd   = "\uE001"
)

// longTexts are the text nodes that shortenLongTexts shortened.
type longTexts struct {
	nodes []*html.Node
	full  []string
	head  []string // the kept head
	trim  []string // the same, white space collapsed as trafilatura may do
}

// shortenLongTexts cuts each text node of the body over longTextNode
// bytes to its first longTextHead bytes and a marker, outside <pre>,
// <textarea>, <script>, <style> and the like. It returns nil, changing
// nothing, when no text is that long or the page holds a marker already.
func shortenLongTexts(doc *html.Node) *longTexts {
	var long longTexts
	clash := false
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if clash || depth > 512 {
			return
		}
		switch n.Type {
		case html.TextNode:
			if strings.Contains(n.Data, markerStart) {
				clash = true
			} else if len(n.Data) > longTextNode {
				long.nodes = append(long.nodes, n)
				long.full = append(long.full, n.Data)
			}
			return
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Head, atom.Title, atom.Pre, atom.Textarea, atom.Listing, atom.Plaintext, atom.Xmp,
				atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Math:
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(doc, 0)
	if clash || len(long.nodes) == 0 {
		return nil
	}
	for i, n := range long.nodes {
		cut := longTextHead
		for cut > 0 && !utf8.RuneStart(n.Data[cut]) {
			cut--
		}
		long.head = append(long.head, n.Data[:cut])
		long.trim = append(long.trim, strings.Join(strings.Fields(n.Data[:cut]), " "))
		n.Data = n.Data[:cut] + markerStart + strconv.Itoa(i) + markerEnd
	}
	return &long
}

// restore gives the shortened text nodes their text back.
func (l *longTexts) restore() {
	if l == nil {
		return
	}
	for i, n := range l.nodes {
		n.Data = l.full[i]
	}
}

// expand puts the full texts back in place of their heads and markers in
// a text node of trafilatura's output, where white space may be
// collapsed. ok is false when a marker is not where it should be.
func (l *longTexts) expand(data string) (_ string, ok bool) {
	if l == nil || !strings.Contains(data, markerStart) {
		return data, true
	}
	var b strings.Builder
	for {
		i := strings.Index(data, markerStart)
		if i < 0 {
			b.WriteString(data)
			return b.String(), true
		}
		rest := data[i+len(markerStart):]
		j := strings.Index(rest, markerEnd)
		if j < 0 {
			return "", false
		}
		k, err := strconv.Atoi(rest[:j])
		if err != nil || k < 0 || k >= len(l.full) {
			return "", false
		}
		before := data[:i]
		switch trimmed := strings.TrimRight(before, " \t\n\r\f"); {
		case strings.HasSuffix(before, l.head[k]):
			before = before[:len(before)-len(l.head[k])]
		case strings.HasSuffix(trimmed, l.trim[k]):
			before = trimmed[:len(trimmed)-len(l.trim[k])]
		default:
			return "", false
		}
		b.WriteString(before)
		b.WriteString(l.full[k])
		data = rest[j+len(markerEnd):]
	}
}

// extractArticle reads the article of a parsed page with trafilatura;
// long holds the texts shortenLongTexts shortened, put back in the
// result. ok is false when one could not be put back.
func extractArticle(name string, doc *html.Node, long *longTexts) (in Input, ok bool, err error) {
	// First keep trafilatura's own paragraphs even for short articles;
	// only when that finds little, let it fall back to the crude rescue,
	// and take the rescue only if it finds much more.
	const short = 250
	res, err := trafilatura.ExtractDocument(doc, htmlOptions(1))
	if err != nil || res == nil || utf8.RuneCountInString(res.ContentText) < short {
		res2, err2 := trafilatura.ExtractDocument(doc, htmlOptions(short))
		if err2 == nil && res2 != nil && (res == nil || err != nil || len(res2.ContentText) > 2*len(res.ContentText)) {
			res, err = res2, nil
		}
	}
	if err != nil {
		// trafilatura fails only when it finds too little text.
		return Input{}, long == nil, fmt.Errorf("%w in HTML (%v)", ErrNoArticle, err)
	}
	if res == nil {
		return Input{}, long == nil, fmt.Errorf("%w in HTML", ErrNoArticle)
	}
	m := res.Metadata
	if long != nil && strings.Contains(m.Title+m.Author+m.Sitename+m.Description, markerStart) {
		return Input{}, false, nil
	}
	title := oneLineMsg(strings.TrimSpace(m.Title))
	paras, ok := htmlParagraphs(res.ContentNode, long)
	if !ok {
		return Input{}, false, nil
	}
	if len(paras) > 0 && title != "" && sameLine(paras[0], title) {
		paras = paras[1:]
	}
	if title == "" && len(paras) > 1 && len(paras[0]) < 300 && !strings.Contains(paras[0], "\n") {
		title, paras = paras[0], paras[1:]
	}
	by := byline(m.Author)
	if by != "" && len(paras) > 0 && sameLine(paras[0], by) {
		paras = paras[1:]
	}
	// A page whose "article" is a few words ("Home", "Log in") is a
	// navigation or form page, not news.
	if words := len(strings.Fields(strings.Join(paras, " "))); words < minArticleWords {
		return Input{}, true, fmt.Errorf("%w in HTML (%d words)", ErrNoArticle, words)
	}
	var b strings.Builder
	if title != "" {
		b.WriteString(title)
		b.WriteString("\n\n")
	}
	if by != "" {
		b.WriteString(by)
		b.WriteString("\n\n")
	}
	b.WriteString(strings.Join(paras, "\n\n"))
	b.WriteString("\n")
	in = Input{Name: name, URL: m.URL, Text: b.String()}
	// Without a site name the outlet stage names the outlet from the
	// dateline or byline, else from the URL's host.
	in.Source = oneLineMsg(strings.TrimSpace(m.Sitename))
	if in.Source == "" && in.URL == "" {
		in.Source = hostOutlet(m.Hostname)
	}
	if !m.Date.IsZero() {
		in.Date, in.DateSource = m.Date.Format("2006-01-02"), "metadata"
	}
	return in, true, nil
}

// maxHTMLDepth is the deepest element nesting an HTML page keeps. Real
// pages stay well under a hundred; parsing (the HTML5 algorithm's scope
// checks walk the open elements) and trafilatura's tree walks take time
// that grows with the square of the depth, so a page of 20,000 nested
// divs would take seconds.
const maxHTMLDepth = 128

// maxHTMLElements is the most elements of an HTML page that are read;
// the rest of the page is dropped. News pages have a few thousand, the
// article before the comments and footers; trafilatura walks the whole
// tree dozens of times (several µs per element), so a page of tags alone
// would be read at under 2 MB/s without a bound.
const maxHTMLElements = 10000

// rawTextElements hold text the tokenizer does not parse as markup.
var rawTextElements = map[string]bool{
	"script": true, "style": true, "textarea": true, "title": true, "xmp": true,
	"iframe": true, "noembed": true, "noframes": true, "noscript": true, "plaintext": true,
}

// closesP are the start tags that close an open <p>, as the HTML parser
// does, so that unclosed paragraphs do not count as nesting.
var closesP = map[string]bool{
	"p": true, "div": true, "ul": true, "ol": true, "dl": true, "li": true, "dd": true, "dt": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "table": true, "blockquote": true,
	"section": true, "article": true, "aside": true, "header": true, "footer": true, "main": true,
	"nav": true, "figure": true, "pre": true, "form": true, "hr": true, "address": true, "details": true,
}

// scopeBarrier are the elements an implied end tag does not reach past.
var scopeBarrier = map[string]bool{
	"html": true, "body": true, "table": true, "td": true, "th": true, "caption": true, "button": true,
	"object": true, "marquee": true, "applet": true, "template": true, "ul": true, "ol": true, "dl": true, "select": true,
}

// impliedEnd returns stack without the element that a start tag of tag
// implicitly ends (an open <p> before a block, an open <li> before the
// next), as the HTML parser would: a close approximation is enough to
// tell real nesting from unclosed tags.
func impliedEnd(stack []string, tag string) []string {
	var open string
	switch {
	case tag == "li" || tag == "dt" || tag == "dd" || tag == "option" || tag == "tr" || tag == "td" || tag == "th":
		open = tag
		if tag == "dt" || tag == "dd" {
			open = "d" // either
		}
	case closesP[tag]:
		open = "p"
	default:
		return stack
	}
	for i := len(stack) - 1; i >= 0; i-- {
		e := stack[i]
		if e == open || open == "d" && (e == "dt" || e == "dd") {
			return stack[:i]
		}
		if scopeBarrier[e] {
			break
		}
	}
	return stack
}

// flattenHTML drops the tags of elements nested more than maxDepth deep,
// keeping their text (and dropping the content of deep script and style
// elements), and cuts the page before its element maxElements+1, in one
// pass of the tokenizer. It returns data itself when nothing is dropped,
// the number of elements whose tags it dropped for depth, and the byte
// offset where it cut the page (0 if it did not).
func flattenHTML(data []byte, maxDepth, maxElements int) (_ []byte, deep, cut int) {
	if n := bytes.Count(data, []byte("<")); n <= maxDepth && n <= maxElements {
		return data, 0, 0
	}
	z := html.NewTokenizer(bytes.NewReader(data))
	var out bytes.Buffer
	var stack []string
	kept := 0         // elements kept
	over := 0         // open elements beyond maxDepth; all dropped
	skipText := false // inside a dropped script or style
	offset := 0       // of the token in data
	for ; ; offset += len(z.Raw()) {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			if kept >= maxElements {
				return out.Bytes(), deep, offset
			}
			name, _ := z.TagName()
			tag := string(name)
			kept++
			if isVoid(tag) || tt == html.SelfClosingTagToken {
				out.Write(raw)
				continue
			}
			if over == 0 {
				stack = impliedEnd(stack, tag)
			}
			if over > 0 || len(stack) >= maxDepth {
				kept--
				over++
				deep++
				skipText = rawTextElements[tag]
				guardLT(&out)
				continue
			}
			stack = append(stack, tag)
			out.Write(raw)
		case html.EndTagToken:
			if over > 0 {
				over--
				skipText = false
				guardLT(&out)
				continue
			}
			name, _ := z.TagName()
			tag := string(name)
			for i := len(stack) - 1; i >= 0; i-- {
				if stack[i] == tag {
					stack = stack[:i]
					break
				}
			}
			out.Write(raw)
		case html.TextToken:
			if !skipText {
				out.Write(raw)
			}
		default: // comments, doctypes
			out.Write(raw)
		}
	}
	if deep == 0 {
		return data, 0, 0
	}
	return out.Bytes(), deep, 0
}

// guardLT escapes a '<' the output ends with before a dropped tag, so that
// it cannot join the text after the tag into a new tag ("<" + "<b>" + "i>"
// must not become "<i>"). The dropped tag is at least as long as the
// escape adds, so the page does not grow.
func guardLT(out *bytes.Buffer) {
	if b := out.Bytes(); len(b) > 0 && b[len(b)-1] == '<' {
		out.Truncate(len(b) - 1)
		out.WriteString("&lt;")
	}
}

// isVoid reports whether an element has no end tag.
func isVoid(tag string) bool {
	switch tag {
	case "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr":
		return true
	}
	return false
}

// byline makes the byline line from trafilatura's author field ("A; B").
func byline(author string) string {
	var names []string
	for _, a := range strings.Split(author, ";") {
		if a = strings.Join(strings.Fields(a), " "); a != "" {
			names = append(names, a)
		}
	}
	if len(names) == 0 {
		return ""
	}
	s := strings.Join(names, ", ")
	if strings.HasPrefix(strings.ToLower(s), "by ") {
		return s
	}
	return "By " + s
}

// sameLine compares two lines ignoring case and runs of white space.
func sameLine(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}

// htmlParagraphs flattens trafilatura's content tree into paragraphs:
// each block element (p, headings, list items, quotes, table rows...) is
// one paragraph; <br> is a line break inside one; white space is
// collapsed except inside <pre>.
func htmlParagraphs(root *html.Node, long *longTexts) (_ []string, ok bool) {
	if root == nil {
		return nil, true
	}
	ok = true
	var paras []string
	var cur strings.Builder
	flush := func() {
		var lines []string
		for _, l := range strings.Split(cur.String(), "\n") {
			if l = strings.Join(strings.Fields(l), " "); l != "" {
				lines = append(lines, l)
			}
		}
		if len(lines) > 0 {
			paras = append(paras, strings.Join(lines, "\n"))
		}
		cur.Reset()
	}
	pre := 0 // number of <pre> elements around the node
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > 512 {
			return
		}
		switch n.Type {
		case html.TextNode:
			data, expanded := long.expand(n.Data)
			ok = ok && expanded
			if pre > 0 {
				cur.WriteString(data)
			} else {
				cur.WriteString(strings.Map(newlineToSpace, data))
			}
			return
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template:
				return
			case atom.Br:
				cur.WriteString("\n")
				return
			case atom.Td, atom.Th:
				cur.WriteString(" ")
			}
		}
		block := n.Type == html.ElementNode && isBlock(n.DataAtom)
		isPre := n.Type == html.ElementNode && n.DataAtom == atom.Pre
		if block {
			flush()
		}
		if isPre {
			pre++
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
		if isPre {
			pre--
		}
		if block {
			flush()
		}
	}
	walk(root, 0)
	flush()
	return paras, ok
}

func newlineToSpace(r rune) rune {
	if r == '\n' || r == '\r' {
		return ' '
	}
	return r
}

func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Li, atom.Dt, atom.Dd, atom.Blockquote, atom.Pre, atom.Div,
		atom.Section, atom.Article, atom.Tr, atom.Table, atom.Ul, atom.Ol,
		atom.Dl, atom.Figure, atom.Figcaption, atom.Header, atom.Footer,
		atom.Hr, atom.Body, atom.Main, atom.Aside, atom.Details, atom.Summary:
		return true
	}
	return false
}
