"""IPv4 and IPv6 addresses, checked with the standard library's `ipaddress`."""

from __future__ import annotations

import ipaddress

from civicdesk.privacy.finding import EntityType
from civicdesk.privacy.recognizers.base import Pattern, PatternRecognizer, Validation


class IpAddressRecognizer(PatternRecognizer):
    name = "IpAddressRecognizer"
    entity = EntityType.IP_ADDRESS
    requires_digit = True
    PATTERNS = (
        Pattern("ipv4", r"(?<![0-9.])(?:\d{1,3}\.){3}\d{1,3}(?![0-9]|\.\d)", 0.85, needs="."),
        # Hex groups and colons, at least two colons; `ipaddress` decides (so 12:20:39 is not an address).
        Pattern(
            "ipv6",
            r"(?<![0-9A-Za-z:.])(?=[0-9A-Fa-f]*:[0-9A-Fa-f]*:)[0-9A-Fa-f:]{3,39}(?![0-9A-Za-z:])",
            0.85,
            needs=":",
        ),
    )
    CONTEXT = ("ip", "ip address", "ipv4", "ipv6", "server", "address", "地址", "伺服器", "服务器")
    NEGATIVE_CONTEXT = ("version", "ver", "v", "版本", "release")

    def validate(self, value: str) -> Validation:
        try:
            address = ipaddress.ip_address(value)
        except ValueError:
            return Validation(False, "not a valid IP address")
        if isinstance(address, ipaddress.IPv6Address) and value.count(":") < 2:
            return Validation(False, "too short for IPv6")
        return Validation(True, f"valid IPv{address.version} address")
