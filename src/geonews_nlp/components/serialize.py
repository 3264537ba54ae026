"""Saving a component with the pipeline (``nlp.to_disk``/``to_bytes``) and reading it back."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

import srsly


class SettingsOnDisk:
    """Saves the attributes named in ``SETTINGS`` (``cfg.json``) and whatever ``_extra_state`` returns
    (``state.json``); our components hold no other state: their data is the package's or a file's."""

    SETTINGS: ClassVar[tuple[str, ...]] = ()
    name: str

    def _settings(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.SETTINGS}

    def _extra_state(self) -> dict[str, Any]:
        """What reloading needs beyond the settings (a hook)."""
        return {}

    def _load_extra_state(self, state: dict[str, Any], where: str) -> None:
        """Check or restore ``_extra_state``'s output (a hook; ``where`` names the source in messages)."""

    def _settings_loaded(self) -> None:
        """Hook for state derived from the settings."""

    def _apply(self, cfg: dict[str, Any], state: dict[str, Any], where: str) -> None:
        for name in self.SETTINGS:
            setattr(self, name, cfg[name])
        self._settings_loaded()
        self._load_extra_state(state, where)

    def to_disk(self, path: Path, *, exclude: Any = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "cfg.json", self._settings())
        extra = self._extra_state()
        if extra:
            srsly.write_json(path / "state.json", extra)

    def from_disk(self, path: Path, *, exclude: Any = ()):
        path = Path(path)
        state = srsly.read_json(path / "state.json") if (path / "state.json").is_file() else {}
        self._apply(srsly.read_json(path / "cfg.json"), state, str(path))
        return self

    def to_bytes(self, *, exclude: Any = ()) -> bytes:
        return srsly.msgpack_dumps({"cfg": self._settings(), "state": self._extra_state()})

    def from_bytes(self, data: bytes, *, exclude: Any = ()):
        msg = srsly.msgpack_loads(data)
        self._apply(msg["cfg"], msg.get("state", {}), f"the bytes of {self.name!r}")
        return self
