"""One Engine, many threads; batches keep input order; large inputs."""

import threading

import openclaim

ARTICLES = [
    "Meta's open-source Llama 3.2 model can now see images.",
    "GPT-4o is open source.",
    "Écht open-source is NVLM echter niet.",
    "Volgens Meta is Llama 3.3 open source.",
    "OLMo 2 is fully open source.",
    "Mistral 7B is open source (Apache 2.0).",
    "Nothing here is about models at all.",
    "Het opensourcemodel Llama 3 is nu beschikbaar.",
]


def corpus(n):
    return [f"# Item {i}\n\n{ARTICLES[i % len(ARTICLES)]} Paragraph {i}.\n" for i in range(n)]


def test_check_many_keeps_input_order_on_any_number_of_threads():
    engine = openclaim.Engine()
    texts = corpus(400)
    one_by_one = [engine.check(t, path=str(i)) for i, t in enumerate(texts)]
    paths = [str(i) for i in range(len(texts))]
    for threads in (None, 1, 2, 7):
        assert engine.check_many(texts, threads=threads, paths=paths) == one_by_one
    assert engine.check_many(iter(texts[:5])) == [engine.check(t) for t in texts[:5]]
    assert engine.check_many([]) == []
    assert engine.annotate_many(texts, threads=3) == [engine.annotate(t) for t in texts]
    counts = [len(r["findings"]) for r in one_by_one]
    assert counts[:8] == [len(engine.check(a)["findings"]) for a in ARTICLES]
    assert sum(counts) > 0 and 0 in counts


def test_many_threads_share_one_engine():
    engine = openclaim.Engine()
    texts = corpus(64)
    expected = [engine.check(t) for t in texts]
    annotated = [engine.annotate(t) for t in texts]
    failures = []
    barrier = threading.Barrier(16)

    def work(k):
        barrier.wait()
        for round_ in range(5):
            for i in range(k % 8, len(texts), 3):
                if engine.check(texts[i]) != expected[i] or engine.annotate(texts[i]) != annotated[i]:
                    failures.append((k, round_, i))
            if engine.check_many(texts, threads=2) != expected:
                failures.append((k, round_, "batch"))

    threads = [threading.Thread(target=work, args=(k,)) for k in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []


def test_large_inputs():
    block = ("Meta's open-source Llama 3.2 model can now see images, the company said. "
             "Critics point out that the license is not OSI-approved.\n\n")
    dense = block * 10_000  # 1.3 MB, a claim in every paragraph
    report = openclaim.check(dense, lang="en")
    assert len(report["findings"]) == 10_000
    assert report["findings"][-1]["line"] == 2 * 10_000 - 1
    annotated = openclaim.annotate(dense, lang="en")
    assert openclaim.strip(annotated) == dense
    # 12 MB of prose with one claim at the very end.
    sparse = "The weather stayed grey over the harbour all week, the report said.\n\n" * 170_000
    sparse += "GPT-4o is open source.\n"
    [f] = openclaim.check(sparse, lang="en")["findings"]
    assert f["line"] == 2 * 170_000 + 1 and sparse[f["start"]:f["end"]] == "open source"
    many = openclaim.Engine(lang="en").check_many([block] * 20_000)
    assert len(many) == 20_000 and all(len(r["findings"]) == 1 for r in many)


def test_odd_text_never_breaks():
    for text in ["", "\ufeff", "\r\n\r\n", "\x00binary\x00", "`open source`", "a" * 100_000,
                 "---\n---\n", "> Llama 3 is open source.\n>\n> - GPT-4o is open source"]:
        r = openclaim.check(text)
        assert r["error"] is None
        assert openclaim.strip(openclaim.annotate(text)) == text
