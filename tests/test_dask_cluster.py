"""`--scheduler`: builds and packs on a real Dask cluster on 127.0.0.1 match local ones.

A scheduler and one worker process start once for the module; the same folder (good articles,
a sidecar, an unreadable file) is built locally and on the cluster and every byte compared.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from exporter.cli import main

from .conftest import REPO, SAMPLE

distributed = pytest.importorskip("distributed", reason="needs the dask extra")

EPOCH = "1500000000"
BAD = REPO / "tests" / "bad_inputs" / "pretend.docx"


def loopback_cluster(workers: int) -> Any:
    """Return a cluster on 127.0.0.1 with `workers` single-threaded worker processes.

    The scheduler's HTTP server (metrics, even without a dashboard) would take port 8787 and
    warn when it is taken (by another cluster on this machine): a free loopback port is asked
    for instead, so there is no warning to filter.
    """
    return distributed.LocalCluster(host="127.0.0.1", n_workers=workers, threads_per_worker=1,
                                    processes=True, dashboard_address=None,
                                    scheduler_kwargs={"dashboard_address": "127.0.0.1:0"})


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """Return the address of a loopback cluster: a scheduler and one worker process."""
    with loopback_cluster(1) as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a folder of articles: test articles, one with a sidecar, and an unreadable one."""
    folder = tmp_path_factory.mktemp("in")
    for source in [SAMPLE, *sorted((REPO / "tests" / "articles").glob("*.txt"))[:2]]:
        shutil.copy(source, folder / source.name)
    (folder / f"{SAMPLE.stem}.meta.yaml").write_text("title: A title from the sidecar\n",
                                                    encoding="utf-8")
    shutil.copy(BAD, folder / BAD.name)
    return folder


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), env={"SOURCE_DATE_EPOCH": EPOCH})
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stderr


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def errors(log: str) -> list[str]:
    return [line for line in log.splitlines() if ": unreadable: " in line]


@pytest.fixture(scope="module")
def builds(scheduler: str, articles: Path,
           tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[int, str, Path]]:
    """Return (exit status, standard error, output folder) of a local and a cluster build."""
    done = {}
    for label, extra in (("local", ["--jobs", "1"]), ("cluster", ["--scheduler", scheduler])):
        out = tmp_path_factory.mktemp(label)
        code, log = run("build", str(articles), "-o", str(out), *extra)
        done[label] = (code, log, out)
    return done


def test_cluster_build_writes_the_same_bytes(builds: dict[str, tuple[int, str, Path]]) -> None:
    local, cluster = tree(builds["local"][2]), tree(builds["cluster"][2])
    assert len(local) >= 3 * 5  # three articles: four formats and a cache record each
    assert sorted(cluster) == sorted(local)
    different = [name for name in local if local[name] != cluster[name]]
    assert not different


def test_cluster_build_reports_a_bad_file_in_one_line(
        builds: dict[str, tuple[int, str, Path]], articles: Path) -> None:
    code, log, out = builds["cluster"]
    assert code == 1
    assert errors(log) == [f"exporter: {articles / BAD.name}: unreadable: is named .docx but "
                           "is not a Word document"]
    assert errors(log) == errors(builds["local"][1])
    assert "Traceback" not in log
    assert sorted(p.name for p in out.iterdir()) == sorted(
        p.stem for p in articles.iterdir() if p.suffix == ".txt")
    assert (out / SAMPLE.stem / "briefing.pdf").stat().st_size > 0


def test_unchanged_cluster_rebuild_uses_the_cache(scheduler: str,
                                                  builds: dict[str, tuple[int, str, Path]],
                                                  articles: Path) -> None:
    before = tree(builds["cluster"][2])
    code, log = run("build", str(articles), "-o", str(builds["cluster"][2]),
                    "--scheduler", scheduler)
    assert code == 1
    assert "(3 unchanged)" in log
    assert tree(builds["cluster"][2]) == before


def test_cluster_pack_matches_a_local_pack(scheduler: str, articles: Path,
                                           tmp_path: Path) -> None:
    logs = {}
    for label, extra in (("local", ["--jobs", "1"]), ("cluster", ["--scheduler", scheduler])):
        code, logs[label] = run("pack", str(articles), "--title", "Cluster Pack",
                                "-o", str(tmp_path / label), *extra)
        assert code == 1, logs[label]  # the unreadable file is listed, the pack still written
    assert errors(logs["cluster"]) == errors(logs["local"])
    assert len(errors(logs["cluster"])) == 1
    local, cluster = tree(tmp_path / "local"), tree(tmp_path / "cluster")
    assert "pack.pdf" in local
    assert sorted(cluster) == sorted(local)
    assert not [name for name in local if local[name] != cluster[name]]


def test_user_templates_travel_to_the_workers(scheduler: str, tmp_path: Path) -> None:
    from pptx import Presentation

    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "slides.xml.j2").write_text(
        '{% extends "builtin/slides.xml.j2" %}{% block source_slide %}'
        '<slide title="From the user template"><p>Ours.</p></slide>{% endblock %}',
        encoding="utf-8")
    deck = tmp_path / "corporate.pptx"
    Presentation().save(str(deck))
    outputs = {}
    for label, extra in (("local", ["--jobs", "1"]), ("cluster", ["--scheduler", scheduler])):
        code, log = run("build", str(SAMPLE), "--format", "md", "--format", "pptx",
                        "--templates", str(templates), "--pptx-template", str(deck),
                        "-o", str(tmp_path / label), *extra)
        assert code == 0, log
        outputs[label] = tree(tmp_path / label)
    assert b"From the user template" in outputs["cluster"][f"{SAMPLE.stem}/slides.md"]
    assert outputs["cluster"] == outputs["local"]


def test_an_unreachable_scheduler_is_one_line(tmp_path: Path) -> None:
    import dask

    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        code, log = run("build", str(SAMPLE), "-o", str(tmp_path), "--scheduler",
                        "tcp://127.0.0.1:9")
    assert code == 1
    assert log.startswith("exporter: cluster: cannot reach the Dask scheduler at "
                          "tcp://127.0.0.1:9")
    assert len(log.strip().splitlines()) == 1


def test_scheduler_without_dask_installed_is_one_line(tmp_path: Path) -> None:
    # A fresh interpreter where importing distributed fails, as in a base install.
    code = ("import sys; sys.modules['distributed'] = None; from exporter.cli import main; "
            "main()")
    done = subprocess.run([sys.executable, "-c", code, "build", str(SAMPLE), "-o",
                           str(tmp_path), "--scheduler", "tcp://127.0.0.1:8786"],
                          capture_output=True, text=True, env={**os.environ}, check=False)
    assert done.returncode == 2
    assert done.stderr == ("exporter: config: --scheduler needs Dask: "
                           "pip install 'exporter[dask]'\n")


def test_workers_running_other_code_are_refused(tmp_path: Path) -> None:
    import exporter
    from exporter.build import BuildConfig, export_article
    from exporter.dask_cluster import DaskExecutor

    # A real worker process whose exporter differs by one comment from ours.
    other = tmp_path / "other"
    shutil.copytree(Path(exporter.__file__).parent, other / "exporter",
                    ignore=shutil.ignore_patterns("__pycache__"))
    if not (other / "exporter" / "templates").is_dir():  # an editable install keeps them apart
        shutil.copytree(REPO / "templates", other / "exporter" / "templates")
    with (other / "exporter" / "errors.py").open("a", encoding="utf-8") as handle:
        handle.write("# a change the client does not have\n")
    # Connected before the worker joins: the check on connecting finds no one to refuse.
    with loopback_cluster(0) as cluster, DaskExecutor(cluster.scheduler_address) as early:
        worker = subprocess.Popen(
            [sys.executable, "-m", "distributed.cli.dask_worker", cluster.scheduler_address,
             "--nthreads", "1", "--no-nanny", "--host", "127.0.0.1", "--no-dashboard"],
            env={**os.environ, "PYTHONPATH": str(other)}, cwd=tmp_path,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            early.client.wait_for_workers(1, timeout=60)
            late = dict(early.run(export_article, [(SAMPLE, "sample.txt", "sample")],
                                  BuildConfig(out_dir=tmp_path / "late")))
            code, log = run("build", str(SAMPLE), "-o", str(tmp_path / "out"),
                            "--scheduler", cluster.scheduler_address)
        finally:
            worker.terminate()
            worker.wait(timeout=30)
    assert late[0].error == ("sample.txt: cluster: a Dask worker running other exporter code "
                             f"computed it; install exporter {exporter.__version__} from the "
                             "same code on every worker")
    assert not (tmp_path / "late").exists()
    assert code == 1
    assert log.startswith("exporter: cluster: Dask worker tcp://127.0.0.1:")
    assert "runs exporter" in log and "(other code)" in log
    assert len(log.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()


def test_an_article_over_its_budget_is_the_same_line_as_a_local_build(
        scheduler: str, tmp_path: Path) -> None:
    """The Dask worker runs each article under the build's `Budget` (in a child process it
    kills at the deadline): an overrun is the local build's one line, the others are written."""
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(SAMPLE, src / "small.txt")
    sentence = "The minister said on 12 March 2017 that Moscow and Islamabad would talk. "
    (src / "zbig.txt").write_text("Big\n\n" + (sentence * 8 + "\n\n") * 8000, encoding="utf-8")
    logs = {}
    for label, extra in (("local", ["--jobs", "1"]), ("cluster", ["--scheduler", scheduler])):
        code, log = run("build", str(src), "-o", str(tmp_path / label), "--format", "md",
                        "--max-seconds", "3", *extra)
        assert code == 1, log
        assert (tmp_path / label / "small" / "slides.md").is_file()
        assert not (tmp_path / label / "zbig").exists()
        logs[label] = [line for line in log.splitlines() if "too large" in line]
    assert logs["cluster"] == logs["local"] == [
        f"exporter: {src / 'zbig.txt'}: too large: took longer than 3 s, the limit "
        "(--max-seconds)"]


def test_a_cluster_build_waits_for_the_output_folder_lock(scheduler: str,
                                                         tmp_path: Path) -> None:
    from exporter.build import BuildConfig, build
    from exporter.fs import FolderBusyError, folder_lock

    config = BuildConfig(out_dir=tmp_path / "out", scheduler=scheduler, lock_wait=0.5)
    with folder_lock(config.out_dir), pytest.raises(FolderBusyError) as raised:
        build([(SAMPLE, SAMPLE.name)], config)
    assert "another exporter run is writing to this folder" in str(raised.value)
    assert not (tmp_path / "out" / SAMPLE.stem).exists()
