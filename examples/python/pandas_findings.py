"""A column of articles in, findings columns out, with pandas.

Reads a JSONL archive ({"id": ..., "markdown": ...} per line, as
`gen_corpus --jsonl` writes it), checks every article on all cores with one
Engine, and adds columns: the number of findings and of warnings, the models
named in findings, the first correction, and the annotated article.

    python examples/python/pandas_findings.py IN.jsonl [OUT.parquet|OUT.jsonl]
"""

import sys

import pandas as pd

import openclaim


def add_findings(df: pd.DataFrame, engine: openclaim.Engine, column: str = "markdown") -> pd.DataFrame:
    """`df` with findings columns computed from the Markdown in `column`."""
    reports = engine.check_many(df[column], paths=df["id"].astype(str))
    out = df.copy()
    out["lang"] = [r["lang"] for r in reports]
    out["findings"] = [len(r["findings"]) for r in reports]
    out["warnings"] = [sum(f["severity"] == "warning" for f in r["findings"]) for r in reports]
    out["models"] = [sorted({f["model"]["canonical"] for f in r["findings"]}) for r in reports]
    out["first_correction"] = [r["findings"][0]["correction"] if r["findings"] else None for r in reports]
    out["annotated"] = engine.annotate_many(df[column])
    return out


def main() -> None:
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    df = pd.read_json(sys.argv[1], lines=True, dtype={"id": str})
    out = add_findings(df, openclaim.Engine())
    if len(sys.argv) == 3:
        target = sys.argv[2]
        if target.endswith(".parquet"):
            out.to_parquet(target)
        else:
            out.to_json(target, orient="records", lines=True, force_ascii=False)
    flagged = out[out["findings"] > 0]
    print(f"{len(out)} articles, {len(flagged)} with findings, {int(out['warnings'].sum())} warnings")
    print(flagged[["id", "findings", "warnings", "models"]].head(10).to_string(index=False))


if __name__ == "__main__":
    main()
