"""Privacy guard: find Hong Kong personal data in English, Chinese and Cantonese text; redact, mask, pseudonymise
or encrypt it; keep it out of logs and analytics (PDPO).

    analyzer = Analyzer()
    analyzer.warm_up()
    analyzer.analyze("我叫陳大文，身份證A123456(3)")   # [Finding(type='PERSON', ...), Finding(type='HKID', ...)]
    analyzer.redact("call me on 9123 4567").text        # 'call me on [PHONE]'
    keyring_from(settings).encrypt("+85291234567")      # 'cdenc1:<key id>:<ciphertext>'
"""

from civicdesk.privacy.analyzer import Analyzer
from civicdesk.privacy.errors import (
    AccessDeniedError,
    DecryptionError,
    InvalidInputError,
    InvalidKeyError,
    MissingKeyError,
    PrivacyError,
    RecognizerConfigError,
    TextTooLongError,
    UnknownOperatorError,
    UnsupportedLanguageError,
)
from civicdesk.privacy.factory import build_analyzer, default_analyzer, keyring_from, pseudonym_key_from, redact
from civicdesk.privacy.finding import EntityType, Explanation, Finding
from civicdesk.privacy.keyring import Encryptor, KeyRing, generate_key
from civicdesk.privacy.operators import OPERATOR_NAMES, Encrypt, Mask, Operator, Pseudonymise, Redact, reveal
from civicdesk.privacy.policy import PrivacyPolicy, RedactingLogFilter, install_log_redaction
from civicdesk.privacy.redaction import Redaction
from civicdesk.privacy.registry import BUILTIN_RECOGNIZERS, RecognizerRegistry
from civicdesk.privacy.rotation import (
    EncryptedColumn,
    RotationReport,
    encrypted_columns,
    register_encrypted_column,
    rotate_encrypted_columns,
)

__all__ = [
    "BUILTIN_RECOGNIZERS",
    "OPERATOR_NAMES",
    "AccessDeniedError",
    "Analyzer",
    "DecryptionError",
    "Encrypt",
    "EncryptedColumn",
    "Encryptor",
    "EntityType",
    "Explanation",
    "Finding",
    "InvalidInputError",
    "InvalidKeyError",
    "KeyRing",
    "Mask",
    "MissingKeyError",
    "Operator",
    "PrivacyError",
    "PrivacyPolicy",
    "Pseudonymise",
    "RecognizerConfigError",
    "RecognizerRegistry",
    "Redact",
    "RedactingLogFilter",
    "Redaction",
    "RotationReport",
    "TextTooLongError",
    "UnknownOperatorError",
    "UnsupportedLanguageError",
    "build_analyzer",
    "default_analyzer",
    "encrypted_columns",
    "generate_key",
    "install_log_redaction",
    "keyring_from",
    "pseudonym_key_from",
    "redact",
    "register_encrypted_column",
    "reveal",
    "rotate_encrypted_columns",
]
