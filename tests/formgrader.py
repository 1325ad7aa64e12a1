"""nbgrader's formgrader, served for real and driven by a browser as an instructor grades a written answer by hand.

`serving(course_root)` starts `jupyter server` in the course folder, so that formgrader and its gradebook come from
the course's own nbgrader_config.py as when an instructor runs it there; on 127.0.0.1, a free port, and with only
the formgrader extension. It asks for a token, random per test run: loopback alone would still let any process of
any local user act as the test's user (often root) through the server. The token goes by the environment, not the
command line that every local user can read, and the server's runtime, config and exchange folders are private
temporary ones: no personal ~/.jupyter read, nothing left in ~/.local. `grade_answer(page, ...)` logs in on
Jupyter's login page, clicks through formgrader's gradebook to the student's submission, types a score and a comment
into the answer cell's boxes, and returns once formgrader's PUTs of them (/formgrader/api/grade/<id>,
/formgrader/api/comment/<id>) came back with them stored; it refuses the page's requests off the server.

What formgrader shows of an answer (nbgrader 0.9.6): it renders the autograded notebook's markdown with nbconvert's
markdown2html, unsanitized. Stock, HTML in an answer is HTML in the grader's page, logged in: `<b>` is bold, and
`<script>document.title='pwned'</script><img src=x onerror="window.pwned=1">` left document.title 'pwned' and
window.pwned 1. With this course's autograde (nnkit.steps.markup_as_text) the autograded answer reads `&lt;script>...`,
and the page shows the markup as text: title unchanged, window.pwned undefined, no <b>, <script> or <img> element.
"""
import contextlib
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

from jupyter_core.paths import jupyter_config_path
from jupyter_server.extension.config import ExtensionConfigManager
from playwright.sync_api import Error as PlaywrightError, Locator, Page, Response, Route

JUPYTER = Path(sys.executable).parent / "jupyter"
FORMGRADER = "nbgrader.server_extensions.formgrader"
TOKEN = secrets.token_urlsafe(32)  # one per test run: known here, guessed by no one else on the machine
START_TIMEOUT = 60  # seconds; it starts in 3 s on an idle machine, 15 s on a busy one
WAIT_MS = 15_000  # for a page's element or a save; a submission's page takes 1 to 4 s to render


@contextlib.contextmanager
def serving(course_root: Path) -> Iterator[str]:
    """Run a Jupyter server with nbgrader's formgrader in `course_root`; yield its base URL; stop it, and all it
    started, after. An error raised inside the block carries the server's log tail as a note."""
    with tempfile.TemporaryDirectory(prefix="formgrader-") as private:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        log_path = Path(private) / "server.log"
        # formgrader checks nbgrader's exchange on every page, and logs a critical line when it cannot write it
        (Path(private) / "exchange").mkdir()
        environment = {**os.environ, "JUPYTER_TOKEN": TOKEN, "JUPYTER_RUNTIME_DIR": f"{private}/runtime",
                       "JUPYTER_CONFIG_DIR": f"{private}/config",
                       # nbgrader runs tools (alembic) by name: this environment's bin/ first, activated or not
                       "PATH": f"{JUPYTER.parent}{os.pathsep}{os.environ.get('PATH', '')}"}
        command = [str(JUPYTER), "server", "--no-browser", "--allow-root", "--ip=127.0.0.1", f"--port={port}",
                   "--port-retries=0",  # a port taken meanwhile fails the start instead of moving elsewhere unseen
                   f"--ServerApp.root_dir={course_root}", f"--Exchange.root={private}/exchange",
                   # formgrader only: no terminals to reach, and a faster start
                   *[f"--ServerApp.jpserver_extensions={name}={name == FORMGRADER}" for name in _extensions()]]
        with open(log_path, "wb") as log:
            # its own process group: stopping the group stops whatever the server started too
            server = subprocess.Popen(command, cwd=course_root, env=environment, stdout=log, stderr=log,
                                      stdin=subprocess.DEVNULL, start_new_session=True)
        base_url = f"http://127.0.0.1:{port}"
        try:
            _wait_until_up(server, base_url, log_path)
            try:
                yield base_url
            except Exception as error:
                error.add_note(f"formgrader's server log, last lines:\n{_tail(log_path)}")
                raise
        finally:
            _stop(server)


def grade_answer(page: Page, base_url: str, assignment: str, student: str, grade_id: str, score: float,
                 comment: str) -> None:
    """In formgrader at `base_url`, as an instructor: open the gradebook of `assignment`'s notebook (named as the
    assignment), open `student`'s submission, give the answer cell `grade_id` `score` points and `comment`; return when
    formgrader's server has stored both."""
    # The submission's page asks a CDN for MathJax: refused, so that the test neither needs nor waits for a network.
    off_server = re.compile(rf"^(?!{re.escape(base_url)}/)")
    page.unroute(off_server)  # one route however often a page grades
    page.route(off_server, _refuse)
    _log_in(page, base_url, f"/formgrader/gradebook/{assignment}/{assignment}")
    _loaded(page, "window.models && models.loaded", f"the submissions of {assignment}")  # the list (one page)
    # It says "Submission #n" until names are shown; a student with no name in the gradebook shows as their id.
    show_names = _visible(page.locator("#toggle_names"), f"the 'Show All Names' button of {assignment}'s gradebook")
    if show_names.inner_text().strip() == "Show All Names":
        show_names.click()
    link = page.locator("table a.name-shown").get_by_text(student, exact=True)
    if not link.count():
        listed = page.locator("table a.name-shown").all_inner_texts()
        raise AssertionError(f"formgrader lists no submission of {student} for {assignment}; it lists {listed}")
    with page.expect_navigation(timeout=WAIT_MS) as opened:
        link.click()
    _check_answered(opened.value, f"{student}'s submission of {assignment}")
    # formgrader fills the boxes from the server once the page has loaded, over anything typed before. Not
    # formgrader.loaded: without MathJax its init stops after these fetches, before its keyboard shortcuts.
    _loaded(page, "window.formgrader && formgrader.grades && formgrader.grades.loaded && formgrader.comments && "
                  "formgrader.comments.loaded", f"the grades and comments of {student}'s submission")
    score_box = page.locator(f'input.score[id="{grade_id}"]')
    comment_box = page.locator(f'textarea.comment[id="{grade_id}-comment"]')
    if not (score_box.count() and comment_box.count()):  # the page is whole by now: server-rendered
        graded = page.locator("input.score").evaluate_all("boxes => boxes.map(box => box.id)")
        raise AssertionError(f"{student}'s submission has no score and comment box for {grade_id} in formgrader; it "
                             f"has score boxes for {graded} ({page.url})")
    _type_and_save(page, score_box, str(score), "grade", "manual_score",
                   lambda saved: saved not in (None, "") and float(saved) == float(score))
    _type_and_save(page, comment_box, comment, "comment", "manual_comment", lambda saved: saved == comment)


def _type_and_save(page: Page, box: Locator, text: str, kind: str, field: str,
                   stored: Callable[[object], bool]) -> None:
    """Type `text` into `box` and leave it by Tab; return when formgrader's server answered its PUT with a value
    `stored` accepts."""
    if stored(box.input_value()):
        return  # what the server holds already: formgrader saves a box only when it changes
    try:
        # formgrader saves on the box's change event, which the browser fires as the box loses focus
        with page.expect_response(lambda response: response.request.method == "PUT" and
                                  f"/formgrader/api/{kind}/" in response.url, timeout=WAIT_MS) as saved:
            box.click()
            box.fill(text)
            box.press("Tab")
    except PlaywrightError:
        raise AssertionError(f"formgrader sent no save of the {kind} within {WAIT_MS / 1000:.0f} s after {text!r} "
                             f"was typed ({page.url})") from None
    response = saved.value
    answer = response.json() if response.ok else None
    if answer is None or not stored(answer.get(field)):  # e.g. a score over the cell's points, lowered to them
        raise AssertionError(f"formgrader's server did not store the {kind} {text!r}: PUT {response.url} answered "
                             f"{response.status} {answer if answer is not None else response.text()[:300]}")


def _log_in(page: Page, base_url: str, then: str) -> None:
    """Open `then` through Jupyter's login page, the token typed in, as an instructor does when asked for it."""
    # Not ?token= on a formgrader URL: formgrader's handlers have base_url "", so the login cookie set there is scoped
    # to that page's folder, and the page's own API calls are sent to the login page.
    opened = page.goto(f"{base_url}/login?next={urllib.parse.quote(then)}")
    if page.locator("#password_input").count():  # not logged in yet in this browser context
        page.locator("#password_input").fill(TOKEN)
        with page.expect_navigation(timeout=WAIT_MS) as logged_in:
            page.locator("#login_submit").click()
        opened = logged_in.value
    if not page.url.startswith(f"{base_url}{then}"):
        raise AssertionError(f"logging in to formgrader led to {page.url}, not {base_url}{then}")
    _check_answered(opened, then)


def _check_answered(response: Response | None, what: str) -> None:
    # formgrader answers a failure with its error page, the reason only in the server's log
    if response is None or not response.ok:
        status = response.status if response else "no response"
        raise AssertionError(f"formgrader answered {what} with its error page ({status}); the reason is in its log")


def _loaded(page: Page, condition: str, what: str) -> None:
    try:
        page.wait_for_function(condition, timeout=WAIT_MS)
    except PlaywrightError:
        raise AssertionError(f"formgrader did not load {what} within {WAIT_MS / 1000:.0f} s ({page.url})") from None


def _visible(locator: Locator, what: str) -> Locator:
    try:
        locator.wait_for(timeout=WAIT_MS)
    except PlaywrightError:
        raise AssertionError(f"not found within {WAIT_MS / 1000:.0f} s: {what} ({locator.page.url})") from None
    return locator


def _refuse(route: Route) -> None:
    route.abort()


def _extensions() -> list[str]:
    """The server extensions this environment enables, and formgrader."""
    found = ExtensionConfigManager(read_config_path=jupyter_config_path()).get_jpserver_extensions()
    return sorted({*found, FORMGRADER})


def _wait_until_up(server: subprocess.Popen, base_url: str, log_path: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    # formgrader's own API, not Jupyter's: up means the extension is loaded too
    status = urllib.request.Request(f"{base_url}/formgrader/api/status", headers={"Authorization": f"token {TOKEN}"})
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"jupyter server exited with {server.returncode} before answering; its log, last "
                               f"lines:\n{_tail(log_path)}")
        try:
            with urllib.request.urlopen(status, timeout=2) as answer:
                if answer.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    raise RuntimeError(f"formgrader did not answer at {base_url} within {START_TIMEOUT} s; the server's log, last "
                       f"lines:\n{_tail(log_path)}")


def _stop(server: subprocess.Popen) -> None:
    """SIGTERM the server's process group (Jupyter shuts down what it started on it), SIGKILL what is left."""
    for sig, grace in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, sig)
        with contextlib.suppress(subprocess.TimeoutExpired):
            server.wait(grace)
            with contextlib.suppress(ProcessLookupError):  # the server is gone; a straggler in its group is not spared
                os.killpg(server.pid, signal.SIGKILL)
            return


def _tail(log_path: Path, lines: int = 40) -> str:
    return "\n".join(log_path.read_text(errors="replace").splitlines()[-lines:])
