"""Property: whatever tree of files, links and sidecars a scanned folder holds, every output
lands inside the output folder and no byte of a file outside the inputs reaches an output."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exporter.build import BuildConfig, build, collect_sources

from ._support import OPTIONS

CANARY = "CANARY-51d2-never-in-an-output"
BODY = "A paragraph of the article, ordinary prose long enough to be a body paragraph.\n\n"
KINDS = ("file", "link-to-file", "link-to-folder", "linked-sidecar", "sidecar", "sub-folder",
         "link-up")

entries = st.lists(st.tuples(st.sampled_from(["a", "b", "notes", "x y", "Ünïcode", "-rf"]),
                             st.sampled_from(KINDS)), min_size=1, max_size=6)


def make_tree(root: Path, plan: list[tuple[str, str]]) -> tuple[Path, Path]:
    outside = root / "outside"
    (outside / "dir").mkdir(parents=True)
    (outside / "secret.txt").write_text(f"{CANARY}\n\n{BODY}", encoding="utf-8")
    (outside / "dir" / "inner.txt").write_text(f"{CANARY}\n\n{BODY}", encoding="utf-8")
    (outside / "secret.meta.yaml").write_text(f"title: {CANARY}\n", encoding="utf-8")
    src = root / "src"
    src.mkdir()
    (src / "base.txt").write_text("Base\n\n" + BODY, encoding="utf-8")
    for i, (stem, kind) in enumerate(plan):
        name = f"{stem}{i}"
        if kind == "file":
            (src / f"{name}.txt").write_text(f"{name}\n\n{BODY}", encoding="utf-8")
        elif kind == "link-to-file":
            (src / f"{name}.txt").symlink_to(outside / "secret.txt")
        elif kind == "link-to-folder":
            (src / name).symlink_to(outside / "dir", target_is_directory=True)
        elif kind == "linked-sidecar":
            (src / f"{name}.md").write_text(f"# {name}\n\n{BODY}", encoding="utf-8")
            (src / f"{name}.meta.yaml").symlink_to(outside / "secret.meta.yaml")
        elif kind == "sidecar":
            (src / f"{name}.txt").write_text(f"{name}\n\n{BODY}", encoding="utf-8")
            (src / f"{name}.meta.yaml").write_text(f"title: Own {name}\n", encoding="utf-8")
        elif kind == "sub-folder":
            (src / name / "deeper").mkdir(parents=True)
            (src / name / "deeper" / "story.txt").write_text("Deep\n\n" + BODY,
                                                             encoding="utf-8")
        else:  # a link back up the tree: a loop if it were followed
            (src / name).symlink_to(root, target_is_directory=True)
    return src, outside


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=entries, out_inside=st.booleans())
def test_outputs_stay_inside_and_never_carry_outside_bytes(plan: list[tuple[str, str]],
                                                           out_inside: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        src, _ = make_tree(root, plan)
        out = src / "out" if out_inside else root / "out"
        before = {p for p in root.rglob("*") if out not in p.parents and p != out}
        config = BuildConfig(out_dir=out, formats=("md",), options=OPTIONS)
        for _ in range(2):  # the second run must not pick up the first one's outputs
            results = build(collect_sources([str(src)], out_dir=out), config)
            assert all(r.ok for r in results), [r.error for r in results]
            assert all("outside" not in r.source for r in results)
        after = {p for p in root.rglob("*") if out not in p.parents and p != out}
        assert after == before, "something was written outside the output folder"
        real_out = out.resolve()
        for path in out.rglob("*"):
            assert not path.is_symlink(), path
            assert real_out in path.resolve().parents, path
            if path.is_file():
                assert CANARY.encode() not in path.read_bytes(), path
