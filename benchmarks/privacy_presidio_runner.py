"""Run Microsoft Presidio over a list of texts; executed by privacy_benchmark.py inside benchmarks/.venv-presidio.

Configured offline, as the issue asks: a blank spaCy pipeline (`spacy.blank("en")`, so no model is downloaded and
no NER runs), Presidio's pattern recognizers only, US-only recognizers removed. Its phone recognizer is given
Hong Kong as an extra region, so it is not penalised for a region it was never told about. tldextract (used by
the email recognizer) is pointed at its bundled suffix list instead of the network.

    benchmarks/.venv-presidio/bin/python benchmarks/privacy_presidio_runner.py TEXTS.json OUT.json --repeat 3
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from typing import Any


def build_engine() -> Any:
    import spacy
    import tldextract
    import tldextract.tldextract as tld_module
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import SpacyNlpEngine
    from presidio_analyzer.predefined_recognizers import PhoneRecognizer

    offline = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
    tld_module.TLD_EXTRACTOR = offline
    tldextract.extract = offline  # the email recognizer calls tldextract.extract

    class BlankSpacyNlpEngine(SpacyNlpEngine):  # type: ignore[misc]
        def load(self) -> None:
            self.nlp = {"en": spacy.blank("en")}

    nlp_engine = BlankSpacyNlpEngine(models=[{"lang_code": "en", "model_name": "blank"}])
    nlp_engine.load()
    registry = RecognizerRegistry(supported_languages=["en"])
    registry.load_predefined_recognizers(languages=["en"], nlp_engine=nlp_engine)
    removed = []
    for recognizer in list(registry.recognizers):
        country = getattr(recognizer, "COUNTRY_CODE", None) or getattr(recognizer, "country_code", None)
        pattern_based = hasattr(recognizer, "patterns") or recognizer.__class__.__name__ == "PhoneRecognizer"
        if country == "us" or recognizer.__class__.__name__ == "MedicalLicenseRecognizer" or not pattern_based:
            registry.remove_recognizer(recognizer.name)
            removed.append(recognizer.name)
    registry.remove_recognizer("PhoneRecognizer")
    regions = (*PhoneRecognizer.DEFAULT_SUPPORTED_REGIONS, "HK")
    registry.add_recognizer(PhoneRecognizer(supported_regions=regions))
    engine = AnalyzerEngine(nlp_engine=nlp_engine, registry=registry, supported_languages=["en"])
    kept = sorted({r.name for r in registry.recognizers})
    return engine, kept, removed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("texts", help="JSON file: a list of strings")
    parser.add_argument("out", help="JSON file to write: predictions and timings")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with open(args.texts, encoding="utf-8") as handle:
        texts: list[str] = json.load(handle)
    engine, kept, removed = build_engine()
    engine.analyze(text="warm up 9123 4567 a@b.com", language="en")
    predictions = []
    for text in texts:
        results = engine.analyze(text=text, language="en")
        predictions.append([[r.entity_type, r.start, r.end, round(r.score, 4)] for r in results])
    rates, cpu_rates = [], []
    for _ in range(max(1, args.repeat)):
        started, cpu_started = time.perf_counter(), time.process_time()
        for text in texts:
            engine.analyze(text=text, language="en")
        rates.append(len(texts) / (time.perf_counter() - started))
        cpu_rates.append(len(texts) / max(time.process_time() - cpu_started, 1e-9))
    import presidio_analyzer
    import spacy

    versions = {"presidio_analyzer": getattr(presidio_analyzer, "__version__", "2.2.366"), "spacy": spacy.__version__}
    with open(args.out, "w", encoding="utf-8") as handle:
        json.dump(
            {
                "predictions": predictions,
                "texts_per_second": statistics.median(rates),
                "texts_per_cpu_second": statistics.median(cpu_rates),
                "rates": rates,
                "cpu_rates": cpu_rates,
                "recognizers": kept,
                "removed": removed,
                "versions": versions,
            },
            handle,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
