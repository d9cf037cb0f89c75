"""Build the case desk from the running platform's warmed-up components (router, privacy analyzer, key ring).

`Runtime.warm_up` should call `desk_for(runtime)` once; the web layer calls it too and gets the same desk. A
component the runtime has not attached yet is built here once, from settings, the same way the runtime would.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING, Any

from civicdesk.cases.contact import ContactCipher
from civicdesk.cases.desk import CaseDesk
from civicdesk.cases.policy import Policy
from civicdesk.cases.triage import Triage

if TYPE_CHECKING:
    from civicdesk.runtime import Runtime

log = logging.getLogger("civicdesk.cases")
_LOCK = threading.Lock()


def _component(runtime: Runtime, name: str) -> Any:
    found = runtime.components.get(name)
    if found is not None:
        return found
    if name == "router":
        from civicdesk.understanding import ServiceRouter

        found = ServiceRouter.from_settings(runtime.settings, runtime.catalogue).warm_up()
    elif name == "privacy":
        from civicdesk.privacy import build_analyzer

        found = build_analyzer(runtime.settings)
        found.warm_up()
    log.warning("the runtime has no %r component; cases built one from settings", name)
    runtime.components[name] = found
    return found


def desk_for(runtime: Runtime) -> CaseDesk:
    desk = runtime.components.get("cases")
    if isinstance(desk, CaseDesk):
        return desk
    with _LOCK:
        desk = runtime.components.get("cases")
        if isinstance(desk, CaseDesk):
            return desk
        from civicdesk import safety
        from civicdesk.privacy import keyring_from

        keyring = runtime.components.get("keyring") or keyring_from(runtime.settings)
        desk = CaseDesk(
            runtime.database,
            runtime.catalogue,
            Triage(_component(runtime, "router"), _component(runtime, "privacy"), safety.assess),
            Policy.from_settings(runtime.settings),
            ContactCipher(keyring) if keyring is not None else None,
        )
        runtime.components["cases"] = desk
        return desk
