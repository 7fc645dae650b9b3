"""Shared by the benchmarks: where ALQAC is, where its index lives, percentiles."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from assistant.evaluation import eval_data_dir  # noqa: E402
from assistant.settings import Settings  # noqa: E402

ALQAC = REPO.parent / "shared" / "bench" / "alqac2022"
ALQAC_DOCUMENTS = ALQAC / "documents"
# The same folder `policy-assistant eval --documents <ALQAC>` uses, so benches and eval
# share one index and nothing is embedded twice.
ALQAC_DATA = eval_data_dir(ALQAC_DOCUMENTS, REPO / "data")


def alqac_settings(data_dir: Path = ALQAC_DATA) -> Settings:
    return Settings().with_overrides(
        documents={"documents_dir": ALQAC_DOCUMENTS}, index={"data_dir": data_dir}
    )


def percentiles(values: list[float]) -> tuple[float, float]:
    return float(np.percentile(values, 50)), float(np.percentile(values, 95))
