"""Saving a component's settings with the pipeline (``nlp.to_disk``) and reading them back."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

import srsly


class SettingsOnDisk:
    """Writes the attributes named in ``SETTINGS`` to ``cfg.json``; our components hold no other state."""

    SETTINGS: ClassVar[tuple[str, ...]] = ()

    def to_disk(self, path: Path, *, exclude: Any = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "cfg.json", {name: getattr(self, name) for name in self.SETTINGS})

    def from_disk(self, path: Path, *, exclude: Any = ()):
        cfg = srsly.read_json(Path(path) / "cfg.json")
        for name in self.SETTINGS:
            setattr(self, name, cfg[name])
        self._settings_loaded()
        return self

    def _settings_loaded(self) -> None:
        """Hook for state derived from the settings."""
