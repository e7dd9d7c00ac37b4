"""A fake Telegram Bot API server on loopback, for end-to-end tests of the real bot.

Why: the end-to-end tests run the real application, PTB's polling loop and request encoding
included; only Telegram is replaced. The fake checks requests the way Telegram does (HTML
entities, UTF-16 lengths, button data, file limits, unknown chats and messages), so a reply that
Telegram would refuse fails the test instead of passing silently. It serves HTTP from its own
thread and event loop, so a delayed or dropped response never blocks the test's event loop.

Use it with PTB::

    with FakeTelegram(bot_username="footbot_test_bot") as tg:
        app = (
            ApplicationBuilder()
            .token(tg.token)
            .base_url(tg.base_url)            # f"{tg.root}/bot"
            .base_file_url(tg.base_file_url)  # f"{tg.root}/file/bot"
            .build()
        )

A fixture pair for pytest-asyncio (``asyncio_mode = "auto"``); the fake is started by a plain
fixture because it lives in its own thread, the application by an async one that depends on it,
so the application stops first (PTB confirms the last offset while the fake still answers)::

    @pytest.fixture
    def tg() -> Iterator[FakeTelegram]:
        with FakeTelegram(bot_username="footbot_test_bot") as fake:
            yield fake

    @pytest.fixture
    async def app(tg: FakeTelegram) -> AsyncIterator[Application]:
        application = ApplicationBuilder().token(tg.token).base_url(tg.base_url) \\
            .base_file_url(tg.base_file_url).build()
        ...  # add the bot's handlers
        async with application:
            await application.start()
            await application.updater.start_polling(poll_interval=0.0, timeout=1)
            yield application
            await application.updater.stop()
            await application.stop()

    async def test_echo(tg: FakeTelegram, app: Application) -> None:
        alice = tg.user(1, "Alice")
        chat = tg.private_chat(alice)
        tg.send_text(chat, alice, "hello")
        reply = await tg.wait_for_message(chat)
        assert reply.text == "hello"

Import it as ``tests.helpers.fake_telegram`` (pytest runs from the repository root).

What a test can do (all thread-safe, callable from the test's event loop):

* build users and chats: :meth:`FakeTelegram.user`, :meth:`~FakeTelegram.private_chat`,
  :meth:`~FakeTelegram.group_chat`;
* play the users: :meth:`~FakeTelegram.send_text`, :meth:`~FakeTelegram.send_document`,
  :meth:`~FakeTelegram.edit_text`, :meth:`~FakeTelegram.press_button`,
  :meth:`~FakeTelegram.inline_query`, :meth:`~FakeTelegram.deliver_again`;
* watch the bot: :attr:`~FakeTelegram.calls`, :meth:`~FakeTelegram.sent_messages`,
  :meth:`~FakeTelegram.wait_for_message`, :meth:`~FakeTelegram.wait_for_call`,
  :meth:`~FakeTelegram.commands`, :attr:`~FakeTelegram.inline_answers`,
  :attr:`~FakeTelegram.callback_answers`, :attr:`~FakeTelegram.downloads`,
  :attr:`~FakeTelegram.errors` (every error response the bot got);
* break things: :meth:`~FakeTelegram.fail_next`, :meth:`~FakeTelegram.delay_next`,
  :meth:`~FakeTelegram.drop_next`.

Users' and the bot's messages share one message_id sequence per chat, as in Telegram. Users,
chats and messages are plain Bot API dicts; what the bot sent is a :class:`SentMessage`.

Not simulated: privacy mode in groups (the test decides which messages the bot sees), admin
rights, flood limits other than those injected with ``fail_next``, a second poller being
terminated with 409, Markdown parse modes (refused with a 400 that says so).
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import inspect
import itertools
import json
import logging
import re
import struct
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any, Literal, NamedTuple, TypeVar

import tornado.web
from tornado.httpserver import HTTPServer
from tornado.httputil import HTTPServerRequest
from tornado.netutil import bind_sockets

from tests.helpers.telegram_html import FormattedText, HtmlParseError, parse_html, strip_text, utf16_len

__all__ = ["Call", "ErrorResponse", "FakeTelegram", "Fault", "SentMessage", "UploadedFile"]

_LOGGER = logging.getLogger(__name__)

JSONDict = dict[str, Any]
ChatRef = Mapping[str, Any] | int
T = TypeVar("T")

MAX_TEXT_LENGTH = 4096
MAX_CAPTION_LENGTH = 1024
MAX_DOWNLOAD_SIZE = 20 * 1024 * 1024
_MAX_UPDATES_PER_POLL = 100
_MAX_INLINE_RESULTS = 50
_MAX_CALLBACK_ANSWER_LENGTH = 200

_QUERY_EXPIRED = "Bad Request: query is too old and response timeout expired or query ID is invalid"
_CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)
_COMMAND_SCOPES = frozenset(
    {
        "default",
        "all_private_chats",
        "all_group_chats",
        "all_chat_administrators",
        "chat",
        "chat_administrators",
        "chat_member",
    }
)
_INLINE_BUTTON_ACTIONS = frozenset(
    {
        "url",
        "callback_data",
        "web_app",
        "login_url",
        "switch_inline_query",
        "switch_inline_query_current_chat",
        "switch_inline_query_chosen_chat",
        "copy_text",
        "callback_game",
        "pay",
    }
)
_BOT_COMMAND = re.compile(r"[a-z0-9_]{1,32}")
_LEADING_COMMAND = re.compile(r"/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?")
_MENTION = re.compile(r"(?<![A-Za-z0-9_@])@[A-Za-z0-9_]{5,32}")
_BUTTON_URL = re.compile(r"(https?|tg)://\S+")
_INTEGER = re.compile(r"-?[0-9]+")
_TOKEN_SECRET = "fake-telegram-token-for-tests-00000"  # 35 characters, like a real token's secret

# PTB sends every parameter as a form field, complex ones as JSON text; these say how to read them.
_JSON_FIELDS = frozenset(
    {
        "allowed_updates",
        "button",
        "caption_entities",
        "commands",
        "entities",
        "link_preview_options",
        "menu_button",
        "reply_markup",
        "reply_parameters",
        "results",
        "scope",
    }
)
_INT_FIELDS = frozenset({"chat_id", "offset", "limit", "timeout", "message_id", "reply_to_message_id", "cache_time"})
_BOOL_FIELDS = frozenset(
    {
        "allow_sending_without_reply",
        "disable_notification",
        "drop_pending_updates",
        "is_personal",
        "protect_content",
        "show_alert",
    }
)


# ------------------------------------------------------------------------------------------------
# What the tests see
# ------------------------------------------------------------------------------------------------


class Call(NamedTuple):
    """One request the bot made, with its parameters decoded (JSON fields parsed, numbers and
    booleans typed, uploaded files as :class:`UploadedFile`)."""

    method: str
    params: JSONDict


class ErrorResponse(NamedTuple):
    """An error the fake answered the bot with; ``description`` is Telegram's text."""

    method: str
    status: int
    description: str


@dataclass(frozen=True)
class UploadedFile:
    """A file the bot uploaded (a multipart part)."""

    file_name: str
    content: bytes
    mime_type: str


@dataclass
class SentMessage:
    """A message the bot sent: what it asked for, and what Telegram made of it.

    Edits made later by the bot update ``text``, ``parse_mode``, ``reply_markup`` and ``message``.
    """

    method: str  # "sendMessage", "sendDocument" or "sendPhoto"
    chat_id: int
    message_id: int
    text: str | None  # the text (or caption) exactly as the bot sent it, markup included
    parse_mode: str | None
    reply_markup: JSONDict | None
    disable_notification: bool
    reply_to_message_id: int | None
    link_preview_options: JSONDict | None
    message: JSONDict  # the Telegram Message: plain text, entities, document, edit_date...
    upload: UploadedFile | None = None

    @property
    def plain_text(self) -> str | None:
        """The text (or caption) as the user sees it, markup removed."""
        return self.message.get("text", self.message.get("caption"))

    def button_data(self) -> list[str]:
        """The callback_data of the inline buttons, row by row."""
        rows = (self.reply_markup or {}).get("inline_keyboard", [])
        return [button["callback_data"] for row in rows for button in row if "callback_data" in button]


@dataclass
class Fault:
    """A misbehaviour planted for the next requests of one method; ``triggered`` counts hits."""

    method: str
    action: Literal["fail", "delay", "drop"]
    times: int
    status: int = HTTPStatus.OK
    description: str = ""
    retry_after: int | None = None
    seconds: float = 0.0
    triggered: int = 0


# ------------------------------------------------------------------------------------------------
# Internals
# ------------------------------------------------------------------------------------------------


class ApiError(Exception):
    """A Bot API error response, raised by method implementations."""

    def __init__(self, status: int, description: str, parameters: JSONDict | None = None) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.parameters = parameters

    def body(self) -> JSONDict:
        body: JSONDict = {"ok": False, "error_code": self.status, "description": self.description}
        if self.parameters:
            body["parameters"] = self.parameters
        return body


@dataclass
class _StoredFile:
    file_id: str
    file_unique_id: str
    file_path: str
    file_name: str
    mime_type: str
    content: bytes
    file_size: int


class _ChangeSignal:
    """Wakes coroutines waiting in any thread's event loop when the fake's state changes.

    Long polls wait in the server's loop and ``wait_for_*`` in the test's loop, so an
    ``asyncio.Condition`` (bound to one loop) cannot serve both.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._waiters: list[tuple[asyncio.AbstractEventLoop, asyncio.Future[None]]] = []

    def notify_all(self) -> None:
        with self._lock:
            waiters, self._waiters = self._waiters, []
        for loop, future in waiters:
            with contextlib.suppress(RuntimeError):  # that loop is closed: nobody is waiting
                loop.call_soon_threadsafe(_resolve, future)

    async def wait_for(self, check: Callable[[], T | None], timeout: float) -> T | None:
        """Returns the first non-None result of ``check``, re-run after each change, or None
        once ``timeout`` seconds have passed."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            future = loop.create_future()
            with self._lock:  # registered before checking, so no change can slip in between
                self._waiters.append((loop, future))
            result = check()
            remaining = deadline - loop.time()
            if result is not None or remaining <= 0:
                return result
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(future, remaining)


def _resolve(future: asyncio.Future[None]) -> None:
    if not future.done():
        future.set_result(None)


def _request_params(request: HTTPServerRequest) -> JSONDict:
    """The parameters of a Bot API request, from the query string and the body (form fields,
    multipart parts or a JSON object), typed as Telegram reads them."""
    params: JSONDict = {name: values[-1].decode() for name, values in request.query_arguments.items()}
    if request.headers.get("Content-Type", "").startswith("application/json"):
        try:
            body = json.loads(request.body or b"{}")
        except ValueError:
            body = None
        if not isinstance(body, dict):
            raise ApiError(HTTPStatus.BAD_REQUEST, "Bad Request: can't parse JSON object")
        params.update(body)
    else:
        params.update({name: values[-1].decode() for name, values in request.body_arguments.items()})
    for name, files in request.files.items():
        params[name] = UploadedFile(files[0].filename, files[0].body, files[0].content_type)
    return {name: _typed(name, value) for name, value in params.items()}


def _typed(name: str, value: Any) -> Any:
    """Decodes a form value; one that does not decode stays text, for the method to refuse."""
    if not isinstance(value, str):
        return value
    if name in _JSON_FIELDS:
        try:
            return json.loads(value)
        except ValueError:
            return value
    if name in _INT_FIELDS:
        return int(value) if _INTEGER.fullmatch(value) else value
    if name in _BOOL_FIELDS:
        return value.lower() in ("true", "1")
    return value


def _json_param(params: JSONDict, name: str, kind: type, what: str) -> Any:
    """A JSON parameter of the given type, None when absent."""
    value = params.get(name)
    if value is not None and not isinstance(value, kind):
        raise ApiError(HTTPStatus.BAD_REQUEST, f"Bad Request: can't parse {what} JSON object")
    return value


def _int_param(params: JSONDict, name: str, default: int | None = None) -> int:
    value = params.get(name, default)
    if not isinstance(value, int):
        raise ApiError(HTTPStatus.BAD_REQUEST, f'Bad Request: field "{name}" must be of type Integer')
    return value


def _check_reply_markup(markup: Any) -> JSONDict | None:
    if markup is None:
        return None
    if not isinstance(markup, dict):
        raise ApiError(HTTPStatus.BAD_REQUEST, "Bad Request: can't parse reply keyboard markup JSON object")
    if "inline_keyboard" in markup:
        rows = markup["inline_keyboard"]
        if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
            raise ApiError(
                HTTPStatus.BAD_REQUEST,
                'Bad Request: field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays',
            )
        for button in itertools.chain.from_iterable(rows):
            _check_inline_button(button)
    return markup


def _check_inline_button(button: Any) -> None:
    if not isinstance(button, dict) or not button.get("text"):
        raise ApiError(
            HTTPStatus.BAD_REQUEST, "Bad Request: can't parse inline keyboard button: Text must be non-empty"
        )
    if not _INLINE_BUTTON_ACTIONS.intersection(button):
        raise ApiError(
            HTTPStatus.BAD_REQUEST,
            "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
        )
    data = button.get("callback_data")
    if data is not None and not (isinstance(data, str) and 1 <= len(data.encode()) <= 64):
        raise ApiError(HTTPStatus.BAD_REQUEST, "Bad Request: BUTTON_DATA_INVALID")
    if "url" in button and not _BUTTON_URL.fullmatch(str(button["url"])):
        raise ApiError(HTTPStatus.BAD_REQUEST, "Bad Request: BUTTON_URL_INVALID")


def _image_size(content: bytes) -> tuple[int, int] | None:
    """Width and height of a PNG or JPEG: Telegram refuses photos it cannot decode."""
    if content.startswith(b"\x89PNG\r\n\x1a\n") and len(content) >= 24:
        width, height = struct.unpack(">II", content[16:24])
        return width, height
    if content.startswith(b"\xff\xd8"):
        return _jpeg_size(content)
    return None


def _jpeg_size(content: bytes) -> tuple[int, int] | None:
    """Walks the JPEG segments to the frame header (SOFn), which holds the size."""
    pos = 2
    while pos + 9 <= len(content) and content[pos] == 0xFF:
        marker = content[pos + 1]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", content[pos + 5 : pos + 9])
            return width, height
        (segment_length,) = struct.unpack(">H", content[pos + 2 : pos + 4])
        pos += 2 + segment_length
    return None


def _auto_entities(text: str) -> list[JSONDict]:
    """The entities Telegram adds to a user's text: a leading /command, @mentions."""
    entities = []
    command_end = 0
    if command := _LEADING_COMMAND.match(text):
        command_end = command.end()
        entities.append({"type": "bot_command", "offset": 0, "length": utf16_len(command.group())})
    for mention in _MENTION.finditer(text, command_end):
        entities.append(
            {
                "type": "mention",
                "offset": utf16_len(text[: mention.start()]),
                "length": utf16_len(mention.group()),
            }
        )
    return entities


def _text_fields(formatted: FormattedText, *, caption: bool = False) -> JSONDict:
    """The Message fields for a text or a caption; empty ones are left out, as Telegram does."""
    text_key, entities_key = ("caption", "caption_entities") if caption else ("text", "entities")
    fields: JSONDict = {}
    if formatted.text:
        fields[text_key] = formatted.text
    if formatted.entities:
        fields[entities_key] = formatted.entities
    return fields


def _without_reply(message: JSONDict) -> JSONDict:
    """A message as nested in ``reply_to_message``: Telegram nests one level only."""
    nested = copy.deepcopy(message)
    nested.pop("reply_to_message", None)
    return nested


def _chat_id(chat: ChatRef) -> int:
    return chat if isinstance(chat, int) else int(chat["id"])


def _message_key(message: Mapping[str, Any] | SentMessage) -> tuple[int, int]:
    if isinstance(message, SentMessage):
        return message.chat_id, message.message_id
    return int(message["chat"]["id"]), int(message["message_id"])


def _fault_description(status: int, retry_after: int) -> str:
    if status == HTTPStatus.TOO_MANY_REQUESTS:
        return f"Too Many Requests: retry after {retry_after}"
    known: dict[int, str] = {
        HTTPStatus.BAD_REQUEST: "Bad Request",
        HTTPStatus.FORBIDDEN: "Forbidden: bot was blocked by the user",
        HTTPStatus.INTERNAL_SERVER_ERROR: "Internal Server Error",
        HTTPStatus.BAD_GATEWAY: "Bad Gateway",
    }
    return known.get(status) or HTTPStatus(status).phrase


_Method = Callable[["FakeTelegram", JSONDict], Any]
_METHODS: dict[str, tuple[str, _Method]] = {}  # lowercased name -> (name, implementation)


def _bot_api(name: str) -> Callable[[_Method], _Method]:
    """Registers a Bot API method; Telegram matches method names case-insensitively."""

    def register(implementation: _Method) -> _Method:
        _METHODS[name.lower()] = (name, implementation)
        return implementation

    return register


# ------------------------------------------------------------------------------------------------
# The fake server
# ------------------------------------------------------------------------------------------------


class FakeTelegram:
    """A Telegram Bot API server for one bot, on 127.0.0.1 and a free port (see module doc)."""

    def __init__(
        self,
        bot_username: str = "footbot_test_bot",
        *,
        bot_id: int = 7_000_000_001,
        bot_name: str = "Footbot Test",
    ) -> None:
        self.bot_username = bot_username
        self.token = f"{bot_id}:{_TOKEN_SECRET}"
        self.bot_user: JSONDict = {
            "id": bot_id,
            "is_bot": True,
            "first_name": bot_name,
            "username": bot_username,
        }
        self._lock = threading.RLock()
        self._signal = _ChangeSignal()
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop_requested: asyncio.Event | None = None
        self._port: int | None = None
        self._stopping = False
        self._ids = itertools.count(1)
        self._next_update_id = itertools.count(100_001)
        self._chats: dict[int, JSONDict] = {}
        self._messages: dict[tuple[int, int], JSONDict] = {}
        self._last_message_id: defaultdict[int, int] = defaultdict(int)
        self._sent: list[SentMessage] = []
        self._sent_by_key: dict[tuple[int, int], SentMessage] = {}
        self._consumed_sent: set[int] = set()
        self._calls: list[Call] = []
        self._consumed_calls: set[int] = set()
        self._done_calls: set[int] = set()  # calls answered (or dropped): their effects are visible
        self._errors: list[ErrorResponse] = []
        self._faults: list[Fault] = []
        self._updates: dict[int, JSONDict] = {}
        self._pending: list[JSONDict] = []
        self._redelivered: set[int] = set()
        self._webhook_url = ""
        self._files: dict[str, _StoredFile] = {}
        self._downloads: Counter[str] = Counter()
        self._commands: dict[tuple[str, str], list[JSONDict]] = {}
        self._open_callback_queries: set[str] = set()
        self._open_inline_queries: set[str] = set()
        self._callback_answers: list[JSONDict] = []
        self._inline_answers: list[JSONDict] = []

    # -- lifecycle --------------------------------------------------------------------------------

    def start(self) -> FakeTelegram:
        """Starts serving in a background thread; returns once the port is open."""
        if self._thread is not None:
            raise RuntimeError("FakeTelegram is already started (and cannot be restarted)")
        started = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(started,), name="fake-telegram", daemon=True)
        self._thread.start()
        started.wait(timeout=10)
        if self._port is None:
            raise RuntimeError("the fake Telegram server failed to start; see the log")
        return self

    def stop(self) -> None:
        """Answers pending long polls and delays at once, closes connections, ends the thread."""
        if self._thread is None or self._loop is None or self._stop_requested is None:
            return
        with self._lock:
            self._stopping = True
        self._signal.notify_all()
        with contextlib.suppress(RuntimeError):  # the loop has already ended
            self._loop.call_soon_threadsafe(self._stop_requested.set)
        self._thread.join(timeout=10)

    def __enter__(self) -> FakeTelegram:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    @property
    def root(self) -> str:
        """``http://127.0.0.1:PORT``."""
        if self._port is None:
            raise RuntimeError("FakeTelegram is not started")
        return f"http://127.0.0.1:{self._port}"

    @property
    def base_url(self) -> str:
        """For ``ApplicationBuilder.base_url`` / ``Bot(base_url=...)``; PTB appends the token."""
        return f"{self.root}/bot"

    @property
    def base_file_url(self) -> str:
        """For ``ApplicationBuilder.base_file_url`` / ``Bot(base_file_url=...)``."""
        return f"{self.root}/file/bot"

    def _run(self, started: threading.Event) -> None:
        try:
            asyncio.run(self._serve(started))
        finally:
            started.set()  # never leave start() waiting when serving failed early

    async def _serve(self, started: threading.Event) -> None:
        self._loop = asyncio.get_running_loop()
        self._stop_requested = asyncio.Event()
        sockets = bind_sockets(0, "127.0.0.1")
        server = HTTPServer(self._http_application())
        server.add_sockets(sockets)
        self._port = sockets[0].getsockname()[1]
        started.set()
        await self._stop_requested.wait()
        server.stop()
        await asyncio.wait_for(server.close_all_connections(), timeout=5)

    def _http_application(self) -> tornado.web.Application:
        return tornado.web.Application(
            [
                (r"/bot([^/]*)/([^/]+)", _ApiHandler, {"respond": self._respond}),
                (r"/file/bot([^/]*)/(.+)", _FileHandler, {"download": self._download}),
            ],
            default_handler_class=_NotFoundHandler,
            log_function=lambda handler: None,  # the tests assert on calls and errors instead
        )

    # -- building users and chats -------------------------------------------------------------

    def user(
        self,
        id: int,
        first_name: str = "Test User",
        language_code: str | None = "en",
        is_bot: bool = False,
        username: str | None = None,
    ) -> JSONDict:
        """A Telegram User object."""
        user: JSONDict = {"id": id, "is_bot": is_bot, "first_name": first_name}
        if username:
            user["username"] = username
        if language_code:
            user["language_code"] = language_code
        return user

    def private_chat(self, user: Mapping[str, Any]) -> JSONDict:
        """The private chat between ``user`` and the bot (its id is the user's id)."""
        chat: JSONDict = {"id": user["id"], "type": "private", "first_name": user["first_name"]}
        if "username" in user:
            chat["username"] = user["username"]
        return self._register_chat(chat)

    def group_chat(self, id: int, title: str, type: str = "supergroup") -> JSONDict:
        """A group the bot is a member of; supergroup ids look like -100xxxxxxxxxx."""
        if type not in ("group", "supergroup"):
            raise ValueError(f"group chat type must be 'group' or 'supergroup', not {type!r}")
        return self._register_chat({"id": id, "type": type, "title": title})

    def _register_chat(self, chat: JSONDict) -> JSONDict:
        with self._lock:
            self._chats[chat["id"]] = copy.deepcopy(chat)
        return chat

    # -- playing the users ----------------------------------------------------------------------

    def send_text(
        self,
        chat: ChatRef,
        from_user: Mapping[str, Any],
        text: str,
        reply_to: Mapping[str, Any] | SentMessage | int | None = None,
    ) -> JSONDict:
        """A user writes ``text``; Telegram's entities for a leading /command and @mentions
        are added. Returns the Message delivered to the bot."""
        with self._lock:
            fields: JSONDict = {"text": text}
            if entities := _auto_entities(text):
                fields["entities"] = entities
            message = self._user_message(chat, from_user, fields, reply_to)
            self._queue_update("message", message)
        return message

    def send_document(
        self,
        chat: ChatRef,
        from_user: Mapping[str, Any],
        file_name: str,
        content: bytes,
        mime_type: str = "text/plain",
        caption: str | None = None,
        reply_to: Mapping[str, Any] | SentMessage | int | None = None,
        *,
        file_size: int | None = None,
    ) -> JSONDict:
        """A user sends a file; the bot can getFile and download it (see :attr:`downloads`).
        ``file_size`` claims another size than ``len(content)``, to test the 20 MB limit
        without allocating it. Returns the Message delivered to the bot."""
        with self._lock:
            stored = self._store_file(content, file_name, mime_type, "document", file_size)
            fields: JSONDict = {"document": self._document(stored)}
            if caption:
                fields["caption"] = caption
                if entities := _auto_entities(caption):
                    fields["caption_entities"] = entities
            message = self._user_message(chat, from_user, fields, reply_to)
            self._queue_update("message", message)
        return message

    def edit_text(self, message: Mapping[str, Any], new_text: str) -> JSONDict:
        """The user edits a text message they sent; the bot gets an ``edited_message``."""
        with self._lock:
            stored = self._messages.get(_message_key(message))
            if stored is None or stored["from"]["is_bot"] or "text" not in stored:
                raise ValueError("only a text message a user sent can be edited by the user")
            stored["text"] = new_text
            stored.pop("entities", None)
            if entities := _auto_entities(new_text):
                stored["entities"] = entities
            stored["edit_date"] = int(time.time())
            edited = copy.deepcopy(stored)
            self._queue_update("edited_message", edited)
        return edited

    def press_button(
        self,
        chat: ChatRef,
        from_user: Mapping[str, Any],
        message: Mapping[str, Any] | SentMessage | int,
        callback_data: str,
    ) -> JSONDict:
        """The user presses the inline button with ``callback_data`` on a bot message; the
        button must be on the message as it is now. Returns the CallbackQuery."""
        with self._lock:
            message_id = message if isinstance(message, int) else _message_key(message)[1]
            stored = self._messages.get((_chat_id(chat), message_id))
            if stored is None or not stored["from"]["is_bot"]:
                raise ValueError(f"no bot message {message_id} in chat {_chat_id(chat)}")
            rows = stored.get("reply_markup", {}).get("inline_keyboard", [])
            if not any(button.get("callback_data") == callback_data for row in rows for button in row):
                raise ValueError(f"message {message_id} has no button with callback_data {callback_data!r}")
            query: JSONDict = {
                "id": str(next(self._ids)),
                "from": dict(from_user),
                "message": copy.deepcopy(stored),
                "chat_instance": str(_chat_id(chat)),
                "data": callback_data,
            }
            self._open_callback_queries.add(query["id"])
            self._queue_update("callback_query", query)
        return query

    def inline_query(self, from_user: Mapping[str, Any], query: str, offset: str = "") -> JSONDict:
        """The user types ``@bot query``; returns the InlineQuery (its ``id`` is answered)."""
        with self._lock:
            inline: JSONDict = {
                "id": str(next(self._ids)),
                "from": dict(from_user),
                "query": query,
                "offset": offset,
            }
            self._open_inline_queries.add(inline["id"])
            self._queue_update("inline_query", inline)
        return inline

    def deliver_again(self, update_id: int) -> None:
        """Queues an update again, as if the bot had stopped before confirming it. The next
        getUpdates returns it whatever its offset, then it is confirmed like any other."""
        with self._lock:
            if update_id not in self._updates:
                raise ValueError(f"no update {update_id} was ever queued")
            if all(update["update_id"] != update_id for update in self._pending):
                self._pending.append(copy.deepcopy(self._updates[update_id]))
                self._pending.sort(key=lambda update: update["update_id"])
            self._redelivered.add(update_id)
        self._signal.notify_all()

    def _user_message(
        self,
        chat: ChatRef,
        from_user: Mapping[str, Any],
        fields: JSONDict,
        reply_to: Mapping[str, Any] | SentMessage | int | None,
    ) -> JSONDict:
        chat_dict = self._known_chat(chat)
        if reply_to is not None:
            reply_id = reply_to if isinstance(reply_to, int) else _message_key(reply_to)[1]
            target = self._messages.get((chat_dict["id"], reply_id))
            if target is None:
                raise ValueError(f"no message {reply_id} in chat {chat_dict['id']} to reply to")
            fields["reply_to_message"] = _without_reply(target)
        return copy.deepcopy(self._new_message(chat_dict, dict(from_user), fields))

    def _known_chat(self, chat: ChatRef) -> JSONDict:
        if isinstance(chat, Mapping):
            with self._lock:
                self._chats.setdefault(chat["id"], copy.deepcopy(dict(chat)))
        known = self._chats.get(_chat_id(chat))
        if known is None:
            raise ValueError(f"unknown chat {chat!r}: make it with private_chat() or group_chat()")
        return known

    def _queue_update(self, kind: str, payload: JSONDict) -> None:
        update_id = next(self._next_update_id)
        update = {"update_id": update_id, kind: copy.deepcopy(payload)}
        self._updates[update_id] = update
        self._pending.append(copy.deepcopy(update))
        self._signal.notify_all()

    # -- watching the bot -------------------------------------------------------------------------

    @property
    def calls(self) -> list[Call]:
        """Every Bot API request, in order, including failed and faulted ones."""
        with self._lock:
            return list(self._calls)

    def calls_to(self, method: str) -> list[Call]:
        """The requests to one method (matched case-insensitively), in order."""
        return [call for call in self.calls if call.method.lower() == method.lower()]

    @property
    def errors(self) -> list[ErrorResponse]:
        """Every error response the bot received, injected faults included."""
        with self._lock:
            return list(self._errors)

    def sent_messages(self, chat_id: ChatRef | None = None) -> list[SentMessage]:
        """The messages the bot sent, oldest first, to one chat or to all."""
        with self._lock:
            return [sent for sent in self._sent if chat_id is None or sent.chat_id == _chat_id(chat_id)]

    async def wait_for_message(
        self,
        chat_id: ChatRef,
        timeout: float = 5.0,
        predicate: Callable[[SentMessage], bool] | None = None,
    ) -> SentMessage:
        """The oldest bot message to the chat (matching ``predicate``) that no earlier call
        returned; waits for it up to ``timeout`` seconds, then raises TimeoutError."""
        wanted = _chat_id(chat_id)

        def take() -> SentMessage | None:
            with self._lock:
                for index, sent in enumerate(self._sent):
                    fits = sent.chat_id == wanted and (predicate is None or predicate(sent))
                    if fits and index not in self._consumed_sent:
                        self._consumed_sent.add(index)
                        return sent
            return None

        found = await self._signal.wait_for(take, timeout)
        if found is None:
            raise TimeoutError(f"no new bot message to chat {wanted} within {timeout}s\n{self._summary()}")
        return found

    async def wait_for_call(
        self,
        method: str,
        timeout: float = 5.0,
        predicate: Callable[[JSONDict], bool] | None = None,
        *,
        answered: bool = True,
    ) -> Call:
        """The oldest request to ``method`` (whose params match ``predicate``) that no earlier
        call returned; waits for it up to ``timeout`` seconds, then raises TimeoutError. By default
        the request has been answered, so its effects (an edited message) are visible; with
        ``answered=False`` it may still be in progress (a long poll)."""

        def take() -> Call | None:
            with self._lock:
                for index, call in enumerate(self._calls):
                    fits = call.method.lower() == method.lower() and (predicate is None or predicate(call.params))
                    done = index in self._done_calls or not answered
                    if fits and index not in self._consumed_calls and done:
                        self._consumed_calls.add(index)
                        return call
            return None

        found = await self._signal.wait_for(take, timeout)
        if found is None:
            raise TimeoutError(f"no new {method} call within {timeout}s\n{self._summary()}")
        return found

    def commands(self, scope: Mapping[str, Any] | None = None, language_code: str | None = None) -> list[JSONDict]:
        """The bot's commands for exactly this scope and language, as getMyCommands returns them."""
        with self._lock:
            return copy.deepcopy(self._commands.get(self._commands_key(scope, language_code), []))

    @property
    def inline_answers(self) -> list[JSONDict]:
        """answerInlineQuery calls that succeeded: their parameters."""
        with self._lock:
            return copy.deepcopy(self._inline_answers)

    @property
    def callback_answers(self) -> list[JSONDict]:
        """answerCallbackQuery calls that succeeded: their parameters."""
        with self._lock:
            return copy.deepcopy(self._callback_answers)

    @property
    def downloads(self) -> Counter[str]:
        """How many times each file_id's content was downloaded (0 for files never fetched)."""
        with self._lock:
            return Counter({file_id: self._downloads[file_id] for file_id in self._files})

    def _summary(self) -> str:
        """What happened so far, for timeout messages: the usual cause is an error response."""
        with self._lock:
            sent = [(sent.chat_id, sent.plain_text) for sent in self._sent]
            methods = [call.method for call in self._calls if call.method != "getUpdates"]
            return f"bot messages: {sent}\ncalls (getUpdates left out): {methods}\nerrors: {self._errors}"

    # -- faults ---------------------------------------------------------------------------------

    def fail_next(
        self,
        method: str,
        status: int = HTTPStatus.TOO_MANY_REQUESTS,
        retry_after: int = 1,
        times: int = 1,
        description: str | None = None,
    ) -> Fault:
        """The next ``times`` requests to ``method`` get an error response: a 429 carries
        ``parameters.retry_after``; other statuses get Telegram's usual description."""
        return self._plant(
            Fault(
                method,
                "fail",
                times,
                status=status,
                description=description or _fault_description(status, retry_after),
                retry_after=retry_after if status == HTTPStatus.TOO_MANY_REQUESTS else None,
            )
        )

    def delay_next(self, method: str, seconds: float, times: int = 1) -> Fault:
        """The next ``times`` requests to ``method`` are handled after ``seconds``."""
        return self._plant(Fault(method, "delay", times, seconds=seconds))

    def drop_next(self, method: str, times: int = 1) -> Fault:
        """The next ``times`` requests to ``method`` are not handled: the connection is closed
        without a response."""
        return self._plant(Fault(method, "drop", times))

    def _plant(self, fault: Fault) -> Fault:
        with self._lock:
            self._faults.append(fault)
        return fault

    def _take_fault(self, method: str) -> Fault | None:
        with self._lock:
            for fault in self._faults:
                if fault.method.lower() == method.lower() and fault.triggered < fault.times:
                    fault.triggered += 1
                    return fault
        return None

    # -- HTTP -----------------------------------------------------------------------------------

    async def _respond(self, token: str, method_name: str, request: HTTPServerRequest) -> tuple[int, JSONDict] | None:
        """Handles one Bot API request: the (status, JSON body) to send, or None to drop it."""
        if token != self.token:
            return HTTPStatus.UNAUTHORIZED, ApiError(HTTPStatus.UNAUTHORIZED, "Unauthorized").body()
        try:
            params = _request_params(request)
        except ApiError as error:
            return error.status, error.body()
        name, implementation = _METHODS.get(method_name.lower(), (method_name, None))
        with self._lock:
            self._calls.append(Call(name, params))
            index = len(self._calls) - 1
        self._signal.notify_all()
        try:
            result = await self._perform(name, implementation, params)
        except _Dropped:
            return None
        except ApiError as error:
            with self._lock:
                self._errors.append(ErrorResponse(name, error.status, error.description))
            return error.status, error.body()
        finally:  # wait_for_call returns once the call has had its effect (an edit is applied)
            with self._lock:
                self._done_calls.add(index)
            self._signal.notify_all()
        return HTTPStatus.OK, {"ok": True, "result": result}

    async def _perform(self, name: str, implementation: _Method | None, params: JSONDict) -> Any:
        fault = self._take_fault(name)
        if fault and fault.action == "drop":
            raise _Dropped
        if fault and fault.action == "delay":
            await self._signal.wait_for(lambda: True if self._stopping else None, fault.seconds)
        if fault and fault.action == "fail":
            retry = {"retry_after": fault.retry_after} if fault.retry_after is not None else None
            raise ApiError(fault.status, fault.description, retry)
        if implementation is None:
            raise ApiError(HTTPStatus.NOT_FOUND, "Not Found")
        if inspect.iscoroutinefunction(implementation):
            return await implementation(self, params)
        with self._lock:
            return implementation(self, params)

    def _download(self, token: str, file_path: str) -> bytes:
        with self._lock:
            if token != self.token:
                raise ApiError(HTTPStatus.UNAUTHORIZED, "Unauthorized")
            stored = next((file for file in self._files.values() if file.file_path == file_path), None)
            if stored is None:
                raise ApiError(HTTPStatus.NOT_FOUND, "Not Found")
            self._downloads[stored.file_id] += 1
            return stored.content

    # -- Bot API: shared pieces -------------------------------------------------------------------

    def _chat(self, params: JSONDict) -> JSONDict:
        chat_id = params.get("chat_id")
        if chat_id in (None, ""):
            raise ApiError(HTTPStatus.BAD_REQUEST, "Bad Request: chat_id is empty")
        if isinstance(chat_id, int):
            chat = self._chats.get(chat_id)
        else:
            chat = next((c for c in self._chats.values() if f"@{c.get('username')}" == chat_id), None)
        if chat is None:
            raise ApiError(HTTPStatus.BAD_REQUEST, "Bad Request: chat not found")
        return chat

    def _new_message(self, chat: JSONDict, sender: JSONDict, fields: JSONDict) -> JSONDict:
        self._last_message_id[chat["id"]] += 1
        message = {
            "message_id": self._last_message_id[chat["id"]],
            "from": sender,
            "chat": copy.deepcopy(chat),
            "date": int(time.time()),
            **fields,
        }
        self._messages[(chat["id"], message["message_id"])] = message
        return message

    def _formatted(self, text: Any, parse_mode: Any, entities: Any) -> FormattedText:
        """Text as Telegram stores it: markup parsed (HTML only here), whitespace trimmed."""
        if not isinstance(text, str):
            text = ""
        if not parse_mode:
            if entities is not None and not isinstance(entities, list):
                raise ApiError(HTTPStatus.BAD_REQUEST, "Bad Request: can't parse entities JSON object")
            return strip_text(FormattedText(text, entities or []))
        mode = str(parse_mode).lower()
        if mode in ("markdown", "markdownv2"):
            raise ApiError(HTTPStatus.BAD_REQUEST, "Bad Request: the fake Telegram checks only parse_mode HTML")
        if mode != "html":
            raise ApiError(HTTPStatus.BAD_REQUEST, "Bad Request: unsupported parse_mode")
        try:
            return strip_text(parse_html(text))
        except HtmlParseError as error:
            raise ApiError(HTTPStatus.BAD_REQUEST, f"Bad Request: can't parse entities: {error}") from None

    def _message_text(self, params: JSONDict) -> FormattedText:
        formatted = self._formatted(params.get("text"), params.get("parse_mode"), params.get("entities"))
        if not formatted.text:
            raise ApiError(HTTPStatus.BAD_REQUEST, "Bad Request: message text is empty")
        if utf16_len(formatted.text) > MAX_TEXT_LENGTH:
            raise ApiError(HTTPStatus.BAD_REQUEST, "Bad Request: message is too long")
        return formatted

    def _caption(self, params: JSONDict) -> FormattedText:
        formatted = self._formatted(params.get("caption"), params.get("parse_mode"), params.get("caption_entities"))
        if utf16_len(formatted.text) > MAX_CAPTION_LENGTH:
            raise ApiError(HTTPStatus.BAD_REQUEST, "Bad Request: message caption is too long")
        return formatted

    def _reply_target(self, chat_id: int, params: JSONDict) -> JSONDict | None:
        """The message the bot replies to, from reply_parameters or reply_to_message_id."""
        reply = _json_param(params, "reply_parameters", dict, "reply parameters")
        if reply is None and "reply_to_message_id" in params:
            reply = {
                "message_id": params["reply_to_message_id"],
                "allow_sending_without_reply": params.get("allow_sending_without_reply", False),
            }
        if reply is None:
            return None
        target = self._messages.get((chat_id, reply.get("message_id")))
        if target is None and not reply.get("allow_sending_without_reply"):
            raise ApiError(HTTPStatus.BAD_REQUEST, "Bad Request: message to be replied not found")
        return target

    def _send(
        self,
        method: str,
        chat: JSONDict,
        params: JSONDict,
        fields: JSONDict,
        upload: UploadedFile | None = None,
    ) -> JSONDict:
        """Checks what every send method shares, stores the message, records it for the tests."""
        markup = _check_reply_markup(params.get("reply_markup"))
        target = self._reply_target(chat["id"], params)
        if target is not None:
            fields["reply_to_message"] = _without_reply(target)
        if markup and "inline_keyboard" in markup:
            fields["reply_markup"] = markup  # Telegram returns only inline keyboards in a Message
        if link_preview := params.get("link_preview_options"):
            fields["link_preview_options"] = link_preview
        message = self._new_message(chat, copy.deepcopy(self.bot_user), fields)
        sent = SentMessage(
            method=method,
            chat_id=chat["id"],
            message_id=message["message_id"],
            text=params.get("text", params.get("caption")),
            parse_mode=params.get("parse_mode"),
            reply_markup=markup,
            disable_notification=bool(params.get("disable_notification", False)),
            reply_to_message_id=target["message_id"] if target else None,
            link_preview_options=link_preview,
            message=copy.deepcopy(message),
            upload=upload,
        )
        self._sent.append(sent)
        self._sent_by_key[(sent.chat_id, sent.message_id)] = sent
        return copy.deepcopy(message)

    def _bot_message_to_edit(self, params: JSONDict) -> JSONDict:
        chat = self._chat(params)
        message = self._messages.get((chat["id"], _int_param(params, "message_id")))
        if message is None:
            raise ApiError(HTTPStatus.BAD_REQUEST, "Bad Request: message to edit not found")
        if not message["from"]["is_bot"] or message["from"]["id"] != self.bot_user["id"]:
            raise ApiError(HTTPStatus.BAD_REQUEST, "Bad Request: message can't be edited")
        return message

    def _apply_edit(self, message: JSONDict, changes: JSONDict, markup: JSONDict | None) -> JSONDict:
        """Applies an edit unless it changes nothing, which Telegram refuses."""
        inline_markup = markup if markup and "inline_keyboard" in markup else None
        unchanged = all(message.get(key) == value for key, value in changes.items())
        if unchanged and message.get("reply_markup") == inline_markup:
            raise ApiError(
                HTTPStatus.BAD_REQUEST,
                "Bad Request: message is not modified: specified new message content and reply markup "
                "are exactly the same as a current content and reply markup of the message",
            )
        for key, value in changes.items():
            if value is None:
                message.pop(key, None)
            else:
                message[key] = value
        if inline_markup is None:
            message.pop("reply_markup", None)
        else:
            message["reply_markup"] = inline_markup
        message["edit_date"] = int(time.time())
        sent = self._sent_by_key.get((message["chat"]["id"], message["message_id"]))
        if sent is not None:
            sent.reply_markup = markup
            sent.message = copy.deepcopy(message)
        return copy.deepcopy(message)

    def _store_file(
        self, content: bytes, file_name: str, mime_type: str, kind: str, file_size: int | None = None
    ) -> _StoredFile:
        number = next(self._ids)
        extension = file_name.rpartition(".")[2] if "." in file_name else "bin"
        folder = "photos" if kind == "photo" else "documents"
        stored = _StoredFile(
            file_id=f"{kind}-{number}",
            file_unique_id=f"unique-{number}",
            file_path=f"{folder}/file_{number}.{extension}",
            file_name=file_name,
            mime_type=mime_type,
            content=content,
            file_size=len(content) if file_size is None else file_size,
        )
        self._files[stored.file_id] = stored
        return stored

    def _uploaded_or_known_file(
        self, params: JSONDict, field: str, kind: str
    ) -> tuple[_StoredFile, UploadedFile | None]:
        """The file a send method refers to: a new upload, or the file_id of a known file."""
        value = params.get(field)
        if isinstance(value, UploadedFile):
            if not value.content:
                raise ApiError(HTTPStatus.BAD_REQUEST, "Bad Request: file must be non-empty")
            return self._store_file(value.content, value.file_name, value.mime_type, kind), value
        if not value:
            raise ApiError(HTTPStatus.BAD_REQUEST, f"Bad Request: there is no {field} in the request")
        if isinstance(value, str) and value.startswith(("http://", "https://")):
            raise ApiError(HTTPStatus.BAD_REQUEST, "Bad Request: failed to get HTTP URL content")
        if value not in self._files:
            raise ApiError(HTTPStatus.BAD_REQUEST, "Bad Request: wrong file identifier/HTTP URL specified")
        return self._files[value], None

    @staticmethod
    def _document(stored: _StoredFile) -> JSONDict:
        return {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_name": stored.file_name,
            "mime_type": stored.mime_type,
            "file_size": stored.file_size,
        }

    def _commands_key(self, scope: Any, language_code: Any) -> tuple[str, str]:
        scope = scope or {"type": "default"}
        if not isinstance(scope, Mapping) or scope.get("type") not in _COMMAND_SCOPES:
            raise ApiError(HTTPStatus.BAD_REQUEST, "Bad Request: can't parse BotCommandScope JSON object")
        if scope["type"] in ("chat", "chat_administrators", "chat_member"):
            self._chat(dict(scope))
        language = language_code or ""
        if language and not re.fullmatch(r"[a-z]{2}", language):
            raise ApiError(HTTPStatus.BAD_REQUEST, "Bad Request: invalid language code specified")
        return json.dumps(scope, sort_keys=True), language

    # -- Bot API: methods -----------------------------------------------------------------------

    @_bot_api("getMe")
    def _get_me(self, params: JSONDict) -> JSONDict:
        return {
            **self.bot_user,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": True,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    @_bot_api("logOut")
    def _log_out(self, params: JSONDict) -> bool:
        return True

    @_bot_api("close")
    def _close(self, params: JSONDict) -> bool:
        return True

    @_bot_api("getUpdates")
    async def _get_updates(self, params: JSONDict) -> list[JSONDict]:
        """Confirms updates below ``offset``, then returns up to ``limit`` pending ones, waiting
        up to ``timeout`` seconds for the first (long polling)."""
        limit = _int_param(params, "limit", _MAX_UPDATES_PER_POLL)
        if not 1 <= limit <= _MAX_UPDATES_PER_POLL:
            limit = _MAX_UPDATES_PER_POLL
        timeout = max(_int_param(params, "timeout", 0), 0)
        with self._lock:
            if self._webhook_url:
                raise ApiError(
                    HTTPStatus.CONFLICT,
                    "Conflict: can't use getUpdates method while webhook is active; "
                    "use deleteWebhook to delete the webhook first",
                )
            self._confirm_updates(_int_param(params, "offset", 0))

        def take() -> list[JSONDict] | None:
            with self._lock:
                if self._stopping:
                    return []
                batch = self._pending[:limit]
                self._redelivered.difference_update(update["update_id"] for update in batch)
                return copy.deepcopy(batch) or None

        return await self._signal.wait_for(take, timeout) or []

    def _confirm_updates(self, offset: int) -> None:
        """A positive offset forgets the updates before it; a negative one keeps the last -offset."""
        if offset > 0:
            self._pending = [
                update
                for update in self._pending
                if update["update_id"] >= offset or update["update_id"] in self._redelivered
            ]
        elif offset < 0:
            self._pending = self._pending[offset:]

    @_bot_api("setWebhook")
    def _set_webhook(self, params: JSONDict) -> bool:
        url = params.get("url") or ""
        if url and not url.startswith("https://"):
            raise ApiError(
                HTTPStatus.BAD_REQUEST, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook"
            )
        if params.get("drop_pending_updates"):
            self._pending.clear()
        self._webhook_url = url
        return True

    @_bot_api("deleteWebhook")
    def _delete_webhook(self, params: JSONDict) -> bool:
        if params.get("drop_pending_updates"):
            self._pending.clear()
        self._webhook_url = ""
        return True

    @_bot_api("getWebhookInfo")
    def _get_webhook_info(self, params: JSONDict) -> JSONDict:
        return {
            "url": self._webhook_url,
            "has_custom_certificate": False,
            "pending_update_count": len(self._pending),
        }

    @_bot_api("sendMessage")
    def _send_message(self, params: JSONDict) -> JSONDict:
        chat = self._chat(params)
        return self._send("sendMessage", chat, params, _text_fields(self._message_text(params)))

    @_bot_api("sendDocument")
    def _send_document(self, params: JSONDict) -> JSONDict:
        chat = self._chat(params)
        caption = self._caption(params)
        stored, upload = self._uploaded_or_known_file(params, "document", "document")
        fields = {"document": self._document(stored), **_text_fields(caption, caption=True)}
        return self._send("sendDocument", chat, params, fields, upload)

    @_bot_api("sendPhoto")
    def _send_photo(self, params: JSONDict) -> JSONDict:
        chat = self._chat(params)
        caption = self._caption(params)
        stored, upload = self._uploaded_or_known_file(params, "photo", "photo")
        size = _image_size(stored.content)
        if size is None:
            raise ApiError(HTTPStatus.BAD_REQUEST, "Bad Request: IMAGE_PROCESS_FAILED")
        photo = {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "width": size[0],
            "height": size[1],
            "file_size": stored.file_size,
        }
        fields = {"photo": [photo], **_text_fields(caption, caption=True)}
        return self._send("sendPhoto", chat, params, fields, upload)

    @_bot_api("editMessageText")
    def _edit_message_text(self, params: JSONDict) -> JSONDict | bool:
        formatted = self._message_text(params)
        markup = _check_reply_markup(params.get("reply_markup"))
        if params.get("inline_message_id"):
            return True  # messages sent via inline mode are not tracked
        message = self._bot_message_to_edit(params)
        if "text" not in message:
            raise ApiError(HTTPStatus.BAD_REQUEST, "Bad Request: there is no text in the message to edit")
        edited = self._apply_edit(message, {"text": formatted.text, "entities": formatted.entities or None}, markup)
        sent = self._sent_by_key.get((message["chat"]["id"], message["message_id"]))
        if sent is not None:
            sent.text, sent.parse_mode = params.get("text"), params.get("parse_mode")
        return edited

    @_bot_api("editMessageReplyMarkup")
    def _edit_message_reply_markup(self, params: JSONDict) -> JSONDict | bool:
        markup = _check_reply_markup(params.get("reply_markup"))
        if params.get("inline_message_id"):
            return True
        return self._apply_edit(self._bot_message_to_edit(params), {}, markup)

    @_bot_api("deleteMessage")
    def _delete_message(self, params: JSONDict) -> bool:
        chat = self._chat(params)
        if self._messages.pop((chat["id"], _int_param(params, "message_id")), None) is None:
            raise ApiError(HTTPStatus.BAD_REQUEST, "Bad Request: message to delete not found")
        return True

    @_bot_api("answerCallbackQuery")
    def _answer_callback_query(self, params: JSONDict) -> bool:
        query_id = params.get("callback_query_id")
        if query_id not in self._open_callback_queries:
            raise ApiError(HTTPStatus.BAD_REQUEST, _QUERY_EXPIRED)
        if utf16_len(params.get("text") or "") > _MAX_CALLBACK_ANSWER_LENGTH:
            raise ApiError(HTTPStatus.BAD_REQUEST, "Bad Request: MESSAGE_TOO_LONG")
        self._open_callback_queries.discard(query_id)
        self._callback_answers.append(copy.deepcopy(params))
        return True

    @_bot_api("answerInlineQuery")
    def _answer_inline_query(self, params: JSONDict) -> bool:
        if params.get("inline_query_id") not in self._open_inline_queries:
            raise ApiError(HTTPStatus.BAD_REQUEST, _QUERY_EXPIRED)
        results = _json_param(params, "results", list, "inline query results") or []
        if len(results) > _MAX_INLINE_RESULTS:
            raise ApiError(HTTPStatus.BAD_REQUEST, "Bad Request: RESULTS_TOO_MUCH")
        ids = [result.get("id") if isinstance(result, dict) else None for result in results]
        if not all(isinstance(i, str) and 1 <= len(i.encode()) <= 64 for i in ids):
            raise ApiError(HTTPStatus.BAD_REQUEST, "Bad Request: RESULT_ID_INVALID")
        if len(set(ids)) != len(ids):
            raise ApiError(HTTPStatus.BAD_REQUEST, "Bad Request: RESULT_ID_DUPLICATE")
        for result in results:
            content = result.get("input_message_content") or {}
            if "message_text" in content:
                self._message_text({"text": content["message_text"], "parse_mode": content.get("parse_mode")})
        self._open_inline_queries.discard(params["inline_query_id"])
        self._inline_answers.append(copy.deepcopy(params))
        return True

    @_bot_api("setMyCommands")
    def _set_my_commands(self, params: JSONDict) -> bool:
        commands = _json_param(params, "commands", list, "commands") or []
        for command in commands:
            name = command.get("command", "") if isinstance(command, dict) else ""
            description = str(command.get("description", "")).strip() if isinstance(command, dict) else ""
            if not _BOT_COMMAND.fullmatch(name):
                raise ApiError(HTTPStatus.BAD_REQUEST, "Bad Request: BOT_COMMAND_INVALID")
            if not description:
                raise ApiError(HTTPStatus.BAD_REQUEST, "Bad Request: command description must be non-empty")
            if utf16_len(description) > 256:
                raise ApiError(HTTPStatus.BAD_REQUEST, "Bad Request: command description is too long")
        key = self._commands_key(params.get("scope"), params.get("language_code"))
        self._commands[key] = [{"command": c["command"], "description": c["description"]} for c in commands]
        return True

    @_bot_api("getMyCommands")
    def _get_my_commands(self, params: JSONDict) -> list[JSONDict]:
        key = self._commands_key(params.get("scope"), params.get("language_code"))
        return copy.deepcopy(self._commands.get(key, []))

    @_bot_api("deleteMyCommands")
    def _delete_my_commands(self, params: JSONDict) -> bool:
        self._commands.pop(self._commands_key(params.get("scope"), params.get("language_code")), None)
        return True

    @_bot_api("setChatMenuButton")
    def _set_chat_menu_button(self, params: JSONDict) -> bool:
        if params.get("chat_id") is not None:
            self._chat(params)
        button = _json_param(params, "menu_button", dict, "menu button")
        if button is not None and button.get("type") not in ("commands", "web_app", "default"):
            raise ApiError(HTTPStatus.BAD_REQUEST, "Bad Request: can't parse menu button JSON object")
        return True

    @_bot_api("sendChatAction")
    def _send_chat_action(self, params: JSONDict) -> bool:
        self._chat(params)
        if params.get("action") not in _CHAT_ACTIONS:
            raise ApiError(HTTPStatus.BAD_REQUEST, "Bad Request: wrong parameter action in request")
        return True

    @_bot_api("getFile")
    def _get_file(self, params: JSONDict) -> JSONDict:
        stored = self._files.get(params.get("file_id", ""))
        if stored is None:
            raise ApiError(HTTPStatus.BAD_REQUEST, "Bad Request: invalid file_id")
        if stored.file_size > MAX_DOWNLOAD_SIZE:
            raise ApiError(HTTPStatus.BAD_REQUEST, "Bad Request: file is too big")
        return {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": stored.file_size,
            "file_path": stored.file_path,
        }

    @_bot_api("getChat")
    def _get_chat(self, params: JSONDict) -> JSONDict:
        gift_kinds = "unlimited_gifts limited_gifts unique_gifts premium_subscription gifts_from_channels"
        no_gifts = dict.fromkeys(gift_kinds.split(), False)
        return {
            **copy.deepcopy(self._chat(params)),
            "accent_color_id": 0,
            "max_reaction_count": 11,
            "accepted_gift_types": no_gifts,
        }


class _Dropped(Exception):
    """A planted drop: the connection is closed without a response."""


# ------------------------------------------------------------------------------------------------
# Tornado handlers
# ------------------------------------------------------------------------------------------------


def _write_json(handler: tornado.web.RequestHandler, status: int, body: JSONDict) -> None:
    handler.set_status(status)
    handler.set_header("Content-Type", "application/json")
    handler.finish(json.dumps(body))


class _ApiHandler(tornado.web.RequestHandler):
    """``/bot<token>/<method>``, GET or POST."""

    def initialize(
        self, respond: Callable[[str, str, HTTPServerRequest], Awaitable[tuple[int, JSONDict] | None]]
    ) -> None:
        self._respond = respond

    async def get(self, token: str, method: str) -> None:
        try:
            reply = await self._respond(token, method, self.request)
        except Exception:
            _LOGGER.exception("the fake Telegram server failed on %s", method)
            crash = ApiError(HTTPStatus.INTERNAL_SERVER_ERROR, "Internal Server Error: the fake crashed")
            reply = crash.status, crash.body()
        if reply is None:
            self.detach().close()
        else:
            _write_json(self, *reply)

    post = get


class _FileHandler(tornado.web.RequestHandler):
    """``/file/bot<token>/<file_path>``: file contents, counted as downloads."""

    def initialize(self, download: Callable[[str, str], bytes]) -> None:
        self._download = download

    def get(self, token: str, file_path: str) -> None:
        try:
            content = self._download(token, file_path)
        except ApiError as error:
            _write_json(self, error.status, error.body())
            return
        self.set_header("Content-Type", "application/octet-stream")
        self.finish(content)


class _NotFoundHandler(tornado.web.RequestHandler):
    """Any other path, answered as Telegram does."""

    def prepare(self) -> None:
        _write_json(self, HTTPStatus.NOT_FOUND, ApiError(HTTPStatus.NOT_FOUND, "Not Found").body())
