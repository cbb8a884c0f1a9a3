"""Loket's on-premises speech recogniser: faster-whisper over HTTP on 127.0.0.1.

    serve.py --model DIR --port N   verify DIR against model.sha256, load it, then serve
    serve.py --model DIR --verify   only verify (what scripts/recogniser.sh install runs)

GET /health answers {"status": "ready", "model", "sha256", "languages"} once the model is loaded.
POST /transcribe?language=id|en with a 16 kHz mono 16-bit WAV (Content-Type audio/wav), or the
same samples raw little-endian (audio/pcm), answers {"text", "segments": [{"start", "end",
"text"}], "ms"}: seconds into the audio, and the milliseconds recognition took. A refusal answers
4xx {"error": code, "message"}.
"""

import argparse
import hashlib
import io
import json
import os
import sys
import threading
import time
import wave
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import numpy

# Set before faster_whisper loads huggingface_hub: the model is a local folder, and nothing may
# reach a model hub at run time, not even to check for a newer revision.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["HF_HUB_DISABLE_TELEMETRY"] = "1"

PINS = Path(__file__).with_name("model.sha256")
LANGUAGES = ("id", "en")
SAMPLE_RATE = 16_000
# A caption is one utterance; longer audio would hold the one model for everyone else.
MAX_SECONDS = 30
MAX_BODY = SAMPLE_RATE * 2 * MAX_SECONDS + 4096
REINSTALL = "remove .recogniser/ and run scripts/recogniser.sh install"


def verify(model_dir: Path) -> str:
    """Checks every model file against its pinned hash; returns model.bin's."""
    pinned = {}
    for line in PINS.read_text().splitlines():
        digest, name = line.split()
        pinned[name] = digest
    for name, digest in pinned.items():
        path = model_dir / name
        if not path.is_file():
            sys.exit(f"recogniser: {path} is missing; {REINSTALL}")
        sha = hashlib.sha256()
        with path.open("rb") as file:
            while chunk := file.read(1 << 20):
                sha.update(chunk)
        if sha.hexdigest() != digest:
            sys.exit(
                f"recogniser: {path} has sha256 {sha.hexdigest()}, not the pinned {digest}; "
                + REINSTALL
            )
    return pinned["model.bin"]


class Refused(Exception):
    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status = status
        self.code = code


def samples(body: bytes, content_type: str) -> numpy.ndarray:
    kind = content_type.split(";")[0].strip().lower()
    if kind in ("audio/wav", "audio/x-wav", "audio/wave"):
        try:
            with wave.open(io.BytesIO(body)) as audio:
                shape = (audio.getnchannels(), audio.getsampwidth(), audio.getframerate())
                frames = audio.readframes(audio.getnframes())
        except (wave.Error, EOFError) as error:
            raise Refused(400, "bad_audio", f"not a readable WAV file ({error or 'cut short'})")
        if shape != (1, 2, SAMPLE_RATE):
            raise Refused(400, "bad_audio", "the audio must be 16 kHz mono 16-bit PCM")
    elif kind == "audio/pcm":
        frames = body
    else:
        raise Refused(415, "bad_audio", "send audio/wav or audio/pcm (16 kHz mono s16le)")
    if len(frames) < 2:
        raise Refused(400, "bad_audio", "the audio is empty")
    pcm = numpy.frombuffer(frames[: len(frames) // 2 * 2], dtype="<i2")
    return pcm.astype(numpy.float32) / 32768.0


class Recogniser:
    def __init__(self, model_dir: Path, threads: int):
        from faster_whisper import WhisperModel

        self.model = WhisperModel(
            str(model_dir), device="cpu", compute_type="int8", cpu_threads=threads
        )
        # One utterance at a time: two at once would each take twice as long on a small machine.
        self.lock = threading.Lock()

    def transcribe(self, audio: numpy.ndarray, language: str) -> dict:
        with self.lock:
            started = time.perf_counter()
            # Greedy decoding at one temperature keeps the time per utterance bounded; the voice
            # activity filter drops silence, on which Whisper invents text.
            segments, _ = self.model.transcribe(
                audio,
                language=language,
                beam_size=1,
                temperature=0.0,
                condition_on_previous_text=False,
                vad_filter=True,
            )
            found = [
                {"start": round(s.start, 2), "end": round(s.end, 2), "text": s.text.strip()}
                for s in segments
            ]
            ms = round((time.perf_counter() - started) * 1000)
        return {"text": " ".join(s["text"] for s in found).strip(), "segments": found, "ms": ms}


def handler(recogniser: Recogniser, model_sha256: str):
    class Handler(BaseHTTPRequestHandler):
        server_version = "loket-recogniser"

        def answer(self, status: int, body: dict) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            if urlparse(self.path).path != "/health":
                return self.answer(404, {"error": "not_found", "message": "no such path"})
            self.answer(
                200,
                {
                    "status": "ready",
                    "model": "faster-whisper-base",
                    "sha256": model_sha256,
                    "languages": list(LANGUAGES),
                },
            )

        def do_POST(self) -> None:
            url = urlparse(self.path)
            if url.path != "/transcribe":
                return self.answer(404, {"error": "not_found", "message": "no such path"})
            try:
                language = parse_qs(url.query).get("language", [""])[0]
                if language not in LANGUAGES:
                    raise Refused(400, "bad_language", "language must be id or en")
                length = int(self.headers.get("Content-Length") or 0)
                if length > MAX_BODY:
                    raise Refused(413, "too_long", f"at most {MAX_SECONDS} s of audio")
                body = self.rfile.read(length)
                audio = samples(body, self.headers.get("Content-Type", ""))
                self.answer(200, recogniser.transcribe(audio, language))
            except Refused as refused:
                self.close_connection = True
                self.answer(refused.status, {"error": refused.code, "message": str(refused)})
            except Exception as error:  # noqa: BLE001 - the caller gets an answer, never a hang
                print(f"recogniser: recognition failed: {error!r}", file=sys.stderr, flush=True)
                self.answer(500, {"error": "recognition_failed", "message": "recognition failed"})

        def log_message(self, format: str, *args) -> None:
            # Requests carry what visitors say: only failures are worth a line.
            pass

    return Handler


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, required=True)
    parser.add_argument("--port", type=int, default=8097, help="0 picks a free port")
    parser.add_argument("--threads", type=int, default=min(4, os.cpu_count() or 1))
    parser.add_argument("--verify", action="store_true")
    args = parser.parse_args()
    model_sha256 = verify(args.model)
    if args.verify:
        print(f"recogniser: model files match model.sha256 (model.bin {model_sha256})")
        return
    recogniser = Recogniser(args.model, args.threads)
    server = ThreadingHTTPServer(("127.0.0.1", args.port), handler(recogniser, model_sha256))
    # The line a supervisor (or a test) waits for; with --port 0 it is how the port is learnt.
    print(f"recogniser: listening on http://127.0.0.1:{server.server_port}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
