#!/usr/bin/env python3
"""Writes the fuzz targets' seed corpora (tests/fuzz/CMakeLists.txt runs it
at build time into build/fuzz/seeds/<target>/; nothing here is committed).

From md4c's source tree (build/third_party/md4c*/test/): every example of
the spec files, the fuzz inputs and the pathological tests (their repeat
counts divided by 100, so a seed stays small and fast under the sanitizers
while keeping its shape). From the repo: tests/markdown/*.txt, the XSS
vectors, content/posts/*.md and content/site.yaml.

Usage: make_seeds.py --md4c <md4c root> --source <repo root> --out <dir>
"""
import argparse
import hashlib
import json
import pathlib
import re
import shutil

FENCE = "`" * 32


def spec_examples(text):
    """spec_tests.py's reading: markdown of each example, arrows as tabs."""
    out, state, md = [], 0, []
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped.startswith(FENCE + " example"):
            state, md = 1, []
        elif state == 2 and stripped == FENCE:
            state = 0
            out.append("".join(md).replace("\u2192", "\t"))
        elif stripped == ".":
            state = 2
        elif state == 1:
            md.append(line)
    return out


def pathological(path):
    """md4c's pathological inputs, their counts (>= 1000) divided by 100."""
    text = path.read_text(encoding="utf-8")
    start = text.index("pathological = {")
    end = text.index("whitespace_re")
    source = re.sub(r"\b(\d{4,})\b", lambda m: str(max(3, int(m.group(1)) // 100)), text[start:end])
    scope = {"re": re}
    exec(source, scope)  # md4c's own test data: a dict of (input, regex)
    return [inp for inp, _ in scope["pathological"].values()]


def front_matter_fields(text):
    """title, date, tags and body of one of content/posts (simple YAML)."""
    parts = text.split("\n---\n", 1)
    head, body = (parts[0], parts[1]) if len(parts) == 2 else (text, "")
    fields = {"title": "Untitled", "date": "2024-01-01", "tags": []}
    for line in head.splitlines():
        key, _, value = line.partition(":")
        value = value.strip().strip('"')
        if key == "title" and value:
            fields["title"] = value
        elif key == "date" and value:
            fields["date"] = value
        elif key == "tags":
            fields["tags"] = [t.strip() for t in value.strip("[]").split(",") if t.strip()]
    fields["body"] = body
    return fields


class Corpus:
    def __init__(self, out, target):
        self.dir = out / target
        self.dir.mkdir(parents=True, exist_ok=True)
        self.count = 0

    def add(self, data, limit=64 * 1024):
        if isinstance(data, str):
            data = data.encode("utf-8", "surrogatepass")
        if len(data) > limit:
            return
        name = hashlib.sha1(data).hexdigest()[:16]
        (self.dir / name).write_bytes(data)
        self.count += 1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--md4c", required=True, type=pathlib.Path)
    ap.add_argument("--source", required=True, type=pathlib.Path)
    ap.add_argument("--out", required=True, type=pathlib.Path)
    args = ap.parse_args()
    if args.out.exists():
        shutil.rmtree(args.out)
    targets = ["bundle", "markdown", "views", "content", "md4c_diff"]
    corpora = {t: Corpus(args.out, t) for t in targets}

    # Markdown: spec examples, md4c's fuzz inputs and pathological tests,
    # our own spec files, XSS payloads, the sample posts' bodies.
    markdown = []
    test = args.md4c / "test"
    for spec in sorted(test.glob("*.txt")):
        markdown += spec_examples(spec.read_text(encoding="utf-8"))
    for ours in sorted((args.source / "tests/markdown").glob("*.txt")):
        markdown += spec_examples(ours.read_text(encoding="utf-8"))
    markdown += [p.read_text(encoding="utf-8") for p in sorted((test / "fuzz-input").glob("*.md"))]
    markdown += pathological(test / "pathological_tests.py")
    vectors = json.loads((args.source / "tests/xss/vectors.json").read_text(encoding="utf-8"))["vectors"]
    for v in vectors:
        if v["where"] == "link_url":
            markdown.append("[link](%s) ![image](%s) <%s>\n\n[ref]: %s\n[ref]\n" % ((v["payload"],) * 4))
        elif v["where"] == "footnote_label":
            markdown.append("Text[^%s] more.\n\n[^%s]: The note.\n" % (v["payload"], v["payload"]))
        else:
            markdown.append(v["payload"])
    posts = sorted((args.source / "content/posts").glob("*.md"))
    parsed = [front_matter_fields(p.read_text(encoding="utf-8")) for p in posts]
    markdown += [p["body"] for p in parsed]

    for i, md in enumerate(markdown):
        # markdown: the first byte picks the options (fuzz_markdown.cpp).
        corpora["markdown"].add(bytes([i % 32]) + md.encode("utf-8", "surrogatepass"))
        corpora["md4c_diff"].add(md)
        if i % 8 == 0:  # the views target reads its bytes as fields
            corpora["views"].add(md, limit=4096)

    # Content: the sample posts and site.yaml as they are.
    for p in posts:
        corpora["content"].add(p.read_bytes())
    corpora["content"].add((args.source / "content/site.yaml").read_bytes())

    # Bundles: the sample posts as one bundle, one post a bundle, with and
    # without escapes, and split into an index and a chunk (the harness
    # reads a chunk after "\n--chunk--\n").
    site = {"title": "Quire", "url": "https://example.com/blog/", "posts_per_page": 3}

    def post_json(i, p, with_body=True):
        j = {"slug": "post-%d" % i, "title": p["title"], "date": p["date"], "tags": p["tags"],
             "summary": p["body"][:80]}
        if with_body:
            j["body"] = p["body"]
        return j

    def bundle(posts_json, ascii_only, **extra):
        doc = {"format": "quire-bundle", "version": 1, "site": site, **extra, "posts": posts_json}
        return json.dumps(doc, ensure_ascii=ascii_only)

    for i, p in enumerate(parsed):
        corpora["bundle"].add(bundle([post_json(i, p)], ascii_only=i % 2 == 0))
    corpora["bundle"].add(bundle([post_json(i, p) for i, p in enumerate(parsed[:4])], ascii_only=False))
    index = [dict(post_json(i, p, with_body=False), chunk=0, minutes=2) for i, p in enumerate(parsed[:3])]
    chunk = {"format": "quire-chunk", "version": 1,
             "posts": [{"slug": "post-%d" % i, "body": p["body"]} for i, p in enumerate(parsed[:3])]}
    corpora["bundle"].add(bundle(index, ascii_only=False, chunks=["chunks/0123456789abcdef.json"]) +
                          "\n--chunk--\n" + json.dumps(chunk, ensure_ascii=False))
    for i, md in enumerate(markdown[:200:10]):
        corpora["bundle"].add(bundle([{"slug": "s", "title": md[:40] or "T", "date": "2024-01-02T03:04:05+01:00",
                                       "tags": [md[:10] or "t"], "summary": md[:60], "body": md}],
                                     ascii_only=i % 2 == 0))

    print("fuzz seeds: " + ", ".join("%s %d" % (t, c.count) for t, c in corpora.items()))


if __name__ == "__main__":
    main()
